/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The VM-entry diagnostics: one line per check of the catalogue
 * (reference/vmentry-checks.md), in the documented evaluation order, and
 * first the diagnostics of the hardware dry run. This file is an X-macro
 * list with no include guard: define HVG_VMENTRY_DIAG() and include it.
 * include/hvgate/vmentry.h builds enum hvg_vmentry_diag from it and
 * lib/vmentry.c the table of IDs, sections, outcomes and texts, so the
 * four can never disagree.
 *
 *   HVG_VMENTRY_DIAG(id, "catalogue ID", "SDM section", outcome, error,
 *                    "one-line text")
 *
 * @id is the catalogue ID with '-' turned into '_' (the enum value is
 * HVG_DIAG_<id>). The sections follow the numbering of the catalogue's
 * SDM edition (chapter 26 "VM Entries"; later editions renumber the
 * chapter 27, then 28, with the same sub-structure). @outcome is the
 * HVG_VMENTRY_* result the check produces and @error its VM-instruction
 * error number (0 for VMfailInvalid).
 *
 * The order of the check lines is the evaluation order: the first failing
 * diagnostic of an entry is the failing one that comes first here. It is
 * the catalogue's section 16: the instruction-level checks in the SDM's
 * order; the controls (execution, exit, entry, event injection, MSR-load
 * area; VMfailValid 7) with the allowed-settings rows first because the
 * others read the effective controls; then the host state (address-space
 * size, control registers and MSRs, segment registers; VMfailValid 8).
 */

/*
 * The hardware dry run (not checks; hvg_vmentry_dryrun_interpret()): the
 * outcome and error are what L1 sees, VMfailValid(7) when the nested entry
 * fails.
 */
HVG_VMENTRY_DIAG(HW_MISSED, "HW-MISSED", "26.2", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "hardware failed an entry the software checks accepted (missed check)")
HVG_VMENTRY_DIAG(HW_ERROR, "HW-ERROR", "26.2", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "hardware dry run failed with an error other than 7")
HVG_VMENTRY_DIAG(HW_INVALID, "HW-INVALID", "26.1", HVG_VMENTRY_VMFAIL_VALID,
		 7, "hardware dry run failed with VMfailInvalid: vmcs02 not current")
HVG_VMENTRY_DIAG(HW_EXIT, "HW-EXIT", "26.7", HVG_VMENTRY_PROCEED, 0,
		 "hardware dry run exited for another reason than invalid guest state")
HVG_VMENTRY_DIAG(HW_ENTERED, "HW-ENTERED", "26.3", HVG_VMENTRY_PROCEED, 0,
		 "hardware dry run entered the guest: critical hardware problem")

/* 26.1 and the VMLAUNCH/VMRESUME pseudo-code, in that order. */
HVG_VMENTRY_DIAG(PRE_04, "PRE-04", "26.1", HVG_VMENTRY_VMFAIL_INVALID, 0,
		 "no current VMCS")
HVG_VMENTRY_DIAG(PRE_05, "PRE-05", "26.1", HVG_VMENTRY_VMFAIL_INVALID, 0,
		 "the current VMCS is a shadow VMCS")
HVG_VMENTRY_DIAG(PRE_06, "PRE-06", "26.1", HVG_VMENTRY_VMFAIL_VALID, 26,
		 "events are blocked by MOV SS")
HVG_VMENTRY_DIAG(PRE_07, "PRE-07", "26.1", HVG_VMENTRY_VMFAIL_VALID, 4,
		 "VMLAUNCH with a VMCS whose launch state is not clear")
HVG_VMENTRY_DIAG(PRE_08, "PRE-08", "26.1", HVG_VMENTRY_VMFAIL_VALID, 5,
		 "VMRESUME with a VMCS whose launch state is not launched")

/* 26.2.1.1 VM-execution control fields. */
HVG_VMENTRY_DIAG(CTL_EXEC_01, "CTL-EXEC-01", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "a pin-based control whose allowed-0 setting is 1 is 0")
HVG_VMENTRY_DIAG(CTL_EXEC_02, "CTL-EXEC-02", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "a pin-based control whose allowed-1 setting is 0 is 1")
HVG_VMENTRY_DIAG(CTL_EXEC_03, "CTL-EXEC-03", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "a primary processor-based control whose allowed-0 setting is 1 is 0")
HVG_VMENTRY_DIAG(CTL_EXEC_04, "CTL-EXEC-04", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "a primary processor-based control whose allowed-1 setting is 0 is 1")
HVG_VMENTRY_DIAG(CTL_EXEC_05, "CTL-EXEC-05", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "a secondary control whose allowed-0 setting is 1 is 0")
HVG_VMENTRY_DIAG(CTL_EXEC_06, "CTL-EXEC-06", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "a secondary control whose allowed-1 setting is 0 is 1")
HVG_VMENTRY_DIAG(CTL_EXEC_07, "CTL-EXEC-07", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "a tertiary control not allowed by IA32_VMX_PROCBASED_CTLS3 is 1")
HVG_VMENTRY_DIAG(CTL_EXEC_08, "CTL-EXEC-08", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "CR3-target count exceeds the CR3-target values supported")
HVG_VMENTRY_DIAG(CTL_EXEC_09, "CTL-EXEC-09", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "I/O-bitmap A address not 4-KByte aligned or beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXEC_10, "CTL-EXEC-10", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "I/O-bitmap B address not 4-KByte aligned or beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXEC_11, "CTL-EXEC-11", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "MSR-bitmap address not 4-KByte aligned or beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXEC_12, "CTL-EXEC-12", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "virtual-APIC address not 4-KByte aligned or beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXEC_13, "CTL-EXEC-13", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "TPR threshold bits 31:4 not 0 (TPR shadow without VID)")
HVG_VMENTRY_DIAG(CTL_EXEC_14, "CTL-EXEC-14", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "TPR threshold bits 3:0 greater than VTPR bits 7:4")
HVG_VMENTRY_DIAG(CTL_EXEC_15, "CTL-EXEC-15", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "virtual NMIs without NMI exiting")
HVG_VMENTRY_DIAG(CTL_EXEC_16, "CTL-EXEC-16", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "NMI-window exiting without virtual NMIs")
HVG_VMENTRY_DIAG(CTL_EXEC_17, "CTL-EXEC-17", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "APIC-access address not 4-KByte aligned or beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXEC_18, "CTL-EXEC-18", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "virtualize x2APIC mode without use TPR shadow")
HVG_VMENTRY_DIAG(CTL_EXEC_19, "CTL-EXEC-19", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "APIC-register virtualization without use TPR shadow")
HVG_VMENTRY_DIAG(CTL_EXEC_20, "CTL-EXEC-20", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "virtual-interrupt delivery without use TPR shadow")
HVG_VMENTRY_DIAG(CTL_EXEC_21, "CTL-EXEC-21", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "virtualize x2APIC mode together with virtualize APIC accesses")
HVG_VMENTRY_DIAG(CTL_EXEC_22, "CTL-EXEC-22", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "virtual-interrupt delivery without external-interrupt exiting")
HVG_VMENTRY_DIAG(CTL_EXEC_23, "CTL-EXEC-23", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "process posted interrupts without virtual-interrupt delivery")
HVG_VMENTRY_DIAG(CTL_EXEC_24, "CTL-EXEC-24", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "process posted interrupts without acknowledge interrupt on exit")
HVG_VMENTRY_DIAG(CTL_EXEC_25, "CTL-EXEC-25", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "posted-interrupt notification vector bits 15:8 not 0")
HVG_VMENTRY_DIAG(CTL_EXEC_26, "CTL-EXEC-26", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "posted-interrupt descriptor address bits 5:0 not 0")
HVG_VMENTRY_DIAG(CTL_EXEC_27, "CTL-EXEC-27", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "posted-interrupt descriptor address beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXEC_28, "CTL-EXEC-28", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "enable VPID with VPID 0000H")
HVG_VMENTRY_DIAG(CTL_EXEC_29, "CTL-EXEC-29", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "EPTP memory type (bits 2:0) not supported")
HVG_VMENTRY_DIAG(CTL_EXEC_30, "CTL-EXEC-30", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "EPTP page-walk length (bits 5:3) not supported")
HVG_VMENTRY_DIAG(CTL_EXEC_31, "CTL-EXEC-31", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "EPTP accessed/dirty enable (bit 6) without EPT A/D support")
HVG_VMENTRY_DIAG(CTL_EXEC_32, "CTL-EXEC-32", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "EPTP supervisor shadow-stack control (bit 7) without CET shadow stacks")
HVG_VMENTRY_DIAG(CTL_EXEC_33, "CTL-EXEC-33", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "EPTP reserved bits 11:8 or bits beyond the PA width set")
HVG_VMENTRY_DIAG(CTL_EXEC_34, "CTL-EXEC-34", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "enable PML without enable EPT")
HVG_VMENTRY_DIAG(CTL_EXEC_35, "CTL-EXEC-35", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "PML address not 4-KByte aligned or beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXEC_36, "CTL-EXEC-36", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "unrestricted guest without enable EPT")
HVG_VMENTRY_DIAG(CTL_EXEC_37, "CTL-EXEC-37", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "mode-based execute control for EPT without enable EPT")
HVG_VMENTRY_DIAG(CTL_EXEC_38, "CTL-EXEC-38", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "sub-page write permissions for EPT without enable EPT")
HVG_VMENTRY_DIAG(CTL_EXEC_39, "CTL-EXEC-39", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "SPPTP not 4-KByte aligned or beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXEC_40, "CTL-EXEC-40", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "a VM-function control not allowed by IA32_VMX_VMFUNC is 1")
HVG_VMENTRY_DIAG(CTL_EXEC_41, "CTL-EXEC-41", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "EPTP switching without enable EPT")
HVG_VMENTRY_DIAG(CTL_EXEC_42, "CTL-EXEC-42", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "EPTP-list address not 4-KByte aligned or beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXEC_43, "CTL-EXEC-43", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "VMREAD-bitmap address not 4-KByte aligned or beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXEC_44, "CTL-EXEC-44", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "VMWRITE-bitmap address not 4-KByte aligned or beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXEC_45, "CTL-EXEC-45", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "#VE information address not 4-KByte aligned or beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXEC_46, "CTL-EXEC-46", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "PT uses guest-physical addresses without EPT, load and clear RTIT_CTL")
HVG_VMENTRY_DIAG(CTL_EXEC_47, "CTL-EXEC-47", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "use TSC scaling with TSC multiplier 0")
HVG_VMENTRY_DIAG(CTL_EXEC_48, "CTL-EXEC-48", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "IPI virtualization without TPR shadow, or bad PID-pointer table address")
HVG_VMENTRY_DIAG(CTL_EXEC_49, "CTL-EXEC-49", "26.2.1.1",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "HLAT controls without EPT, bad HLATP, or HLAT prefix size too large")

/* 26.2.1.2 VM-exit control fields. */
HVG_VMENTRY_DIAG(CTL_EXIT_01, "CTL-EXIT-01", "26.2.1.2",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "a VM-exit control whose allowed-0 setting is 1 is 0")
HVG_VMENTRY_DIAG(CTL_EXIT_02, "CTL-EXIT-02", "26.2.1.2",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "a VM-exit control whose allowed-1 setting is 0 is 1")
HVG_VMENTRY_DIAG(CTL_EXIT_03, "CTL-EXIT-03", "26.2.1.2",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "a secondary VM-exit control not allowed by IA32_VMX_EXIT_CTLS2 is 1")
HVG_VMENTRY_DIAG(CTL_EXIT_04, "CTL-EXIT-04", "26.2.1.2",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "save VMX-preemption timer value without the preemption timer")
HVG_VMENTRY_DIAG(CTL_EXIT_05, "CTL-EXIT-05", "26.2.1.2",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "VM-exit MSR-store address not 16-byte aligned or beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXIT_06, "CTL-EXIT-06", "26.2.1.2",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "last byte of the VM-exit MSR-store area beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXIT_07, "CTL-EXIT-07", "26.2.1.2",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "VM-exit MSR-load address not 16-byte aligned or beyond the PA width")
HVG_VMENTRY_DIAG(CTL_EXIT_08, "CTL-EXIT-08", "26.2.1.2",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "last byte of the VM-exit MSR-load area beyond the PA width")

/* 26.2.1.3 VM-entry control fields. */
HVG_VMENTRY_DIAG(CTL_ENT_01, "CTL-ENT-01", "26.2.1.3",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "a VM-entry control whose allowed-0 setting is 1 is 0")
HVG_VMENTRY_DIAG(CTL_ENT_02, "CTL-ENT-02", "26.2.1.3",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "a VM-entry control whose allowed-1 setting is 0 is 1")
/* Both SMM controls: named before CTL-ENT-03/04, see lib/vmentry.c. */
HVG_VMENTRY_DIAG(CTL_ENT_05, "CTL-ENT-05", "26.2.1.3",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "entry to SMM together with deactivate dual-monitor treatment")
HVG_VMENTRY_DIAG(CTL_ENT_03, "CTL-ENT-03", "26.2.1.3",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "entry to SMM outside SMM")
HVG_VMENTRY_DIAG(CTL_ENT_04, "CTL-ENT-04", "26.2.1.3",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "deactivate dual-monitor treatment outside SMM")

/* 26.2.1.3 VM-entry event injection (interruption-information valid). */
HVG_VMENTRY_DIAG(INJ_01, "INJ-01", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "injected event of the reserved interruption type 1")
HVG_VMENTRY_DIAG(INJ_02, "INJ-02", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "other event (type 7) without support for monitor trap flag")
HVG_VMENTRY_DIAG(INJ_03, "INJ-03", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "NMI (type 2) with a vector other than 2")
HVG_VMENTRY_DIAG(INJ_04, "INJ-04", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "hardware exception (type 3) with a vector above 31")
HVG_VMENTRY_DIAG(INJ_05, "INJ-05", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "other event (type 7) with a vector other than 0 (or 1, 2 with FRED)")
HVG_VMENTRY_DIAG(INJ_06, "INJ-06", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "deliver error code for an event that is not a hardware exception")
HVG_VMENTRY_DIAG(INJ_07, "INJ-07", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "deliver error code to an unrestricted guest with CR0.PE 0")
HVG_VMENTRY_DIAG(INJ_08, "INJ-08", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "deliver error code does not match the exception vector")
HVG_VMENTRY_DIAG(INJ_09, "INJ-09", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "interruption-information reserved bits 30:12 not 0")
HVG_VMENTRY_DIAG(INJ_10, "INJ-10", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "exception error code bits 31:16 not 0")
HVG_VMENTRY_DIAG(INJ_11, "INJ-11", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "software event with an instruction length outside 1..15")
HVG_VMENTRY_DIAG(INJ_12, "INJ-12", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "nested-exception bit 13 set for an event that is not an exception")
HVG_VMENTRY_DIAG(INJ_13, "INJ-13", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7,
		 "FRED SYSCALL/SYSENTER event with an instruction length above 15")

/* 26.2.1.3 VM-entry MSR-load area. */
HVG_VMENTRY_DIAG(MSR_AREA_01, "MSR-AREA-01", "26.2.1.3",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "VM-entry MSR-load address bits 3:0 not 0")
HVG_VMENTRY_DIAG(MSR_AREA_02, "MSR-AREA-02", "26.2.1.3",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "VM-entry MSR-load address beyond the PA width")
HVG_VMENTRY_DIAG(MSR_AREA_03, "MSR-AREA-03", "26.2.1.3",
		 HVG_VMENTRY_VMFAIL_VALID, 7,
		 "last byte of the VM-entry MSR-load area beyond the PA width")

/* 26.2.4 Host address-space size. */
HVG_VMENTRY_DIAG(HOST_AS_01, "HOST-AS-01", "26.2.4", HVG_VMENTRY_VMFAIL_VALID,
		 8, "IA-32e mode guest while the processor is outside IA-32e mode")
HVG_VMENTRY_DIAG(HOST_AS_02, "HOST-AS-02", "26.2.4", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host address-space size 1 while outside IA-32e mode")
HVG_VMENTRY_DIAG(HOST_AS_03, "HOST-AS-03", "26.2.4", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host address-space size 0 while in IA-32e mode")
HVG_VMENTRY_DIAG(HOST_AS_04, "HOST-AS-04", "26.2.4", HVG_VMENTRY_VMFAIL_VALID,
		 8, "IA-32e mode guest with host address-space size 0")
HVG_VMENTRY_DIAG(HOST_AS_05, "HOST-AS-05", "26.2.4", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host CR4.PCIDE or CR4.FRED 1 with host address-space size 0")
HVG_VMENTRY_DIAG(HOST_AS_06, "HOST-AS-06", "26.2.4", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host RIP bits 63:32 not 0 with host address-space size 0")
HVG_VMENTRY_DIAG(HOST_AS_07, "HOST-AS-07", "26.2.4", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host CR4.PAE 0 with host address-space size 1")
HVG_VMENTRY_DIAG(HOST_AS_08, "HOST-AS-08", "26.2.4", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host RIP not canonical with host address-space size 1")

/* 26.2.2 Host control registers and MSRs. */
HVG_VMENTRY_DIAG(HOST_CR_01, "HOST-CR-01", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host CR0 violates IA32_VMX_CR0_FIXED0/FIXED1")
HVG_VMENTRY_DIAG(HOST_CR_02, "HOST-CR-02", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host CR4 violates IA32_VMX_CR4_FIXED0/FIXED1")
HVG_VMENTRY_DIAG(HOST_CR_03, "HOST-CR-03", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host CR3 sets bits beyond the PA width")
HVG_VMENTRY_DIAG(HOST_CR_04, "HOST-CR-04", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host CR4.CET 1 with CR0.WP 0")
HVG_VMENTRY_DIAG(HOST_CR_05, "HOST-CR-05", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host IA32_SYSENTER_ESP not canonical")
HVG_VMENTRY_DIAG(HOST_CR_06, "HOST-CR-06", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host IA32_SYSENTER_EIP not canonical")
HVG_VMENTRY_DIAG(HOST_CR_07, "HOST-CR-07", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host IA32_PERF_GLOBAL_CTRL sets reserved bits")
HVG_VMENTRY_DIAG(HOST_CR_08, "HOST-CR-08", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host IA32_PAT has a byte that is not 0, 1, 4, 5, 6 or 7")
HVG_VMENTRY_DIAG(HOST_CR_09, "HOST-CR-09", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host IA32_EFER sets reserved bits")
HVG_VMENTRY_DIAG(HOST_CR_10, "HOST-CR-10", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host IA32_EFER.LMA differs from host address-space size")
HVG_VMENTRY_DIAG(HOST_CR_11, "HOST-CR-11", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host IA32_EFER.LME differs from host address-space size")
HVG_VMENTRY_DIAG(HOST_CR_12, "HOST-CR-12", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host IA32_S_CET not canonical, reserved bits, or SUPPRESS with TRACKER")
HVG_VMENTRY_DIAG(HOST_CR_13, "HOST-CR-13", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host IA32_INTERRUPT_SSP_TABLE_ADDR not canonical")
HVG_VMENTRY_DIAG(HOST_CR_14, "HOST-CR-14", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host SSP bits 1:0 not 0")
HVG_VMENTRY_DIAG(HOST_CR_15, "HOST-CR-15", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host SSP not canonical (bits 63:32 not 0 for a 32-bit host)")
HVG_VMENTRY_DIAG(HOST_CR_16, "HOST-CR-16", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host IA32_PKRS bits 63:32 not 0")
HVG_VMENTRY_DIAG(HOST_CR_17, "HOST-CR-17", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host IA32_FRED_CONFIG reserved bits set or not canonical")
HVG_VMENTRY_DIAG(HOST_CR_18, "HOST-CR-18", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host IA32_FRED_RSP1..3 not canonical or not 64-byte aligned")
HVG_VMENTRY_DIAG(HOST_CR_19, "HOST-CR-19", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host IA32_FRED_SSP1..3 not canonical or not 8-byte aligned")
HVG_VMENTRY_DIAG(HOST_CR_20, "HOST-CR-20", "26.2.2", HVG_VMENTRY_VMFAIL_VALID,
		 8, "host IA32_SPEC_CTRL sets bits WRMSR would refuse")

/* 26.2.3 Host segment and descriptor-table registers. */
HVG_VMENTRY_DIAG(HOST_SEG_01, "HOST-SEG-01", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8, "host CS selector RPL or TI not 0")
HVG_VMENTRY_DIAG(HOST_SEG_02, "HOST-SEG-02", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8, "host SS selector RPL or TI not 0")
HVG_VMENTRY_DIAG(HOST_SEG_03, "HOST-SEG-03", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8, "host DS selector RPL or TI not 0")
HVG_VMENTRY_DIAG(HOST_SEG_04, "HOST-SEG-04", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8, "host ES selector RPL or TI not 0")
HVG_VMENTRY_DIAG(HOST_SEG_05, "HOST-SEG-05", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8, "host FS selector RPL or TI not 0")
HVG_VMENTRY_DIAG(HOST_SEG_06, "HOST-SEG-06", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8, "host GS selector RPL or TI not 0")
HVG_VMENTRY_DIAG(HOST_SEG_07, "HOST-SEG-07", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8, "host TR selector RPL or TI not 0")
HVG_VMENTRY_DIAG(HOST_SEG_08, "HOST-SEG-08", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8, "host CS selector is 0000H")
HVG_VMENTRY_DIAG(HOST_SEG_09, "HOST-SEG-09", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8, "host TR selector is 0000H")
HVG_VMENTRY_DIAG(HOST_SEG_10, "HOST-SEG-10", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8,
		 "host SS selector 0000H with host address-space size 0")
HVG_VMENTRY_DIAG(HOST_SEG_11, "HOST-SEG-11", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8, "host FS base not canonical")
HVG_VMENTRY_DIAG(HOST_SEG_12, "HOST-SEG-12", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8, "host GS base not canonical")
HVG_VMENTRY_DIAG(HOST_SEG_13, "HOST-SEG-13", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8, "host GDTR base not canonical")
HVG_VMENTRY_DIAG(HOST_SEG_14, "HOST-SEG-14", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8, "host IDTR base not canonical")
HVG_VMENTRY_DIAG(HOST_SEG_15, "HOST-SEG-15", "26.2.3",
		 HVG_VMENTRY_VMFAIL_VALID, 8, "host TR base not canonical")
