// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The vmcs12 model: the encoding table, VMREAD/VMWRITE semantics, and the
 * VMX capability set with the allowed-0/allowed-1 and TRUE_ rules.
 *
 * Sources: Intel SDM Vol. 3D appendix A ("VMX Capability Reporting
 * Facility") and appendix B ("Field Encoding in VMCS"); the VMREAD and
 * VMWRITE instruction pages of Vol. 3C for the order of the failure
 * checks (unsupported component, error 12, before read-only, error 13).
 */
#include "hvgate_env.h"
#include "internal.h"

#define ENC_WIDTH(enc)	(((enc) & HVG_VMCS_ENC_WIDTH) >> HVG_VMCS_ENC_WIDTH_SHIFT)
#define ENC_TYPE(enc)	(((enc) & HVG_VMCS_ENC_TYPE) >> HVG_VMCS_ENC_TYPE_SHIFT)

/*
 * One entry per field: encoding, the member it lives in, identifier and
 * SDM name. Sorted by encoding; tests/check_vmcs.c proves each size
 * matches the width bits of the encoding and that the entries tile struct
 * hvg_vmcs12 without overlap.
 */
#define FIELD(enc, member, id, sdm)					\
	.encoding = (enc),						\
	.offset = offsetof(struct hvg_vmcs12, member),			\
	.size = sizeof(((struct hvg_vmcs12 *)0)->member),		\
	.name = (id),							\
	.sdm_name = (sdm)

static const struct hvg_vmcs_field vmcs_fields[] = {
	/* 16-bit control fields */
	{ FIELD(0x0000, vpid, "VIRTUAL_PROCESSOR_ID",
		"Virtual-processor identifier (VPID)") },
	{ FIELD(0x0002, posted_intr_nv, "POSTED_INTR_NOTIFICATION_VECTOR",
		"Posted-interrupt notification vector") },
	{ FIELD(0x0004, eptp_index, "EPTP_INDEX", "EPTP index") },
	{ FIELD(0x0006, hlat_prefix_size, "HLAT_PREFIX_SIZE",
		"HLAT prefix size") },
	{ FIELD(0x0008, last_pid_pointer_index, "LAST_PID_POINTER_INDEX",
		"Last PID-pointer index") },
	/* 16-bit guest-state fields */
	{ FIELD(0x0800, guest_es_selector, "GUEST_ES_SELECTOR",
		"Guest ES selector") },
	{ FIELD(0x0802, guest_cs_selector, "GUEST_CS_SELECTOR",
		"Guest CS selector") },
	{ FIELD(0x0804, guest_ss_selector, "GUEST_SS_SELECTOR",
		"Guest SS selector") },
	{ FIELD(0x0806, guest_ds_selector, "GUEST_DS_SELECTOR",
		"Guest DS selector") },
	{ FIELD(0x0808, guest_fs_selector, "GUEST_FS_SELECTOR",
		"Guest FS selector") },
	{ FIELD(0x080a, guest_gs_selector, "GUEST_GS_SELECTOR",
		"Guest GS selector") },
	{ FIELD(0x080c, guest_ldtr_selector, "GUEST_LDTR_SELECTOR",
		"Guest LDTR selector") },
	{ FIELD(0x080e, guest_tr_selector, "GUEST_TR_SELECTOR",
		"Guest TR selector") },
	{ FIELD(0x0810, guest_intr_status, "GUEST_INTERRUPT_STATUS",
		"Guest interrupt status") },
	{ FIELD(0x0812, pml_index, "PML_INDEX", "PML index") },
	{ FIELD(0x0814, guest_uinv, "GUEST_UINV", "Guest UINV") },
	/* 16-bit host-state fields */
	{ FIELD(0x0c00, host_es_selector, "HOST_ES_SELECTOR",
		"Host ES selector") },
	{ FIELD(0x0c02, host_cs_selector, "HOST_CS_SELECTOR",
		"Host CS selector") },
	{ FIELD(0x0c04, host_ss_selector, "HOST_SS_SELECTOR",
		"Host SS selector") },
	{ FIELD(0x0c06, host_ds_selector, "HOST_DS_SELECTOR",
		"Host DS selector") },
	{ FIELD(0x0c08, host_fs_selector, "HOST_FS_SELECTOR",
		"Host FS selector") },
	{ FIELD(0x0c0a, host_gs_selector, "HOST_GS_SELECTOR",
		"Host GS selector") },
	{ FIELD(0x0c0c, host_tr_selector, "HOST_TR_SELECTOR",
		"Host TR selector") },
	/* 64-bit control fields */
	{ FIELD(0x2000, io_bitmap_a, "IO_BITMAP_A_ADDRESS",
		"Address of I/O bitmap A") },
	{ FIELD(0x2002, io_bitmap_b, "IO_BITMAP_B_ADDRESS",
		"Address of I/O bitmap B") },
	{ FIELD(0x2004, msr_bitmap, "MSR_BITMAP_ADDRESS",
		"Address of MSR bitmaps") },
	{ FIELD(0x2006, exit_msr_store_addr, "VM_EXIT_MSR_STORE_ADDRESS",
		"VM-exit MSR-store address") },
	{ FIELD(0x2008, exit_msr_load_addr, "VM_EXIT_MSR_LOAD_ADDRESS",
		"VM-exit MSR-load address") },
	{ FIELD(0x200a, entry_msr_load_addr, "VM_ENTRY_MSR_LOAD_ADDRESS",
		"VM-entry MSR-load address") },
	{ FIELD(0x200c, executive_vmcs_ptr, "EXECUTIVE_VMCS_POINTER",
		"Executive-VMCS pointer") },
	{ FIELD(0x200e, pml_address, "PML_ADDRESS", "PML address") },
	{ FIELD(0x2010, tsc_offset, "TSC_OFFSET", "TSC offset") },
	{ FIELD(0x2012, virtual_apic_addr, "VIRTUAL_APIC_ADDRESS",
		"Virtual-APIC address") },
	{ FIELD(0x2014, apic_access_addr, "APIC_ACCESS_ADDRESS",
		"APIC-access address") },
	{ FIELD(0x2016, posted_intr_desc_addr, "POSTED_INTR_DESC_ADDRESS",
		"Posted-interrupt descriptor address") },
	{ FIELD(0x2018, vm_function_controls, "VM_FUNCTION_CONTROLS",
		"VM-function controls") },
	{ FIELD(0x201a, eptp, "EPT_POINTER", "EPT pointer (EPTP)") },
	{ FIELD(0x201c, eoi_exit_bitmap0, "EOI_EXIT_BITMAP_0",
		"EOI-exit bitmap 0") },
	{ FIELD(0x201e, eoi_exit_bitmap1, "EOI_EXIT_BITMAP_1",
		"EOI-exit bitmap 1") },
	{ FIELD(0x2020, eoi_exit_bitmap2, "EOI_EXIT_BITMAP_2",
		"EOI-exit bitmap 2") },
	{ FIELD(0x2022, eoi_exit_bitmap3, "EOI_EXIT_BITMAP_3",
		"EOI-exit bitmap 3") },
	{ FIELD(0x2024, eptp_list_addr, "EPTP_LIST_ADDRESS",
		"EPTP-list address") },
	{ FIELD(0x2026, vmread_bitmap, "VMREAD_BITMAP_ADDRESS",
		"VMREAD-bitmap address") },
	{ FIELD(0x2028, vmwrite_bitmap, "VMWRITE_BITMAP_ADDRESS",
		"VMWRITE-bitmap address") },
	{ FIELD(0x202a, ve_info_addr, "VE_INFORMATION_ADDRESS",
		"Virtualization-exception information address") },
	{ FIELD(0x202c, xss_exit_bitmap, "XSS_EXITING_BITMAP",
		"XSS-exiting bitmap") },
	{ FIELD(0x202e, encls_exit_bitmap, "ENCLS_EXITING_BITMAP",
		"ENCLS-exiting bitmap") },
	{ FIELD(0x2030, spptp, "SPP_TABLE_POINTER",
		"Sub-page-permission-table pointer") },
	{ FIELD(0x2032, tsc_multiplier, "TSC_MULTIPLIER", "TSC multiplier") },
	{ FIELD(0x2034, tertiary_vm_exec_control, "TERTIARY_VM_EXEC_CONTROLS",
		"Tertiary processor-based VM-execution controls") },
	{ FIELD(0x2036, enclv_exit_bitmap, "ENCLV_EXITING_BITMAP",
		"ENCLV-exiting bitmap") },
	{ FIELD(0x2038, pasid_dir_low, "LOW_PASID_DIRECTORY_ADDRESS",
		"Low PASID directory address") },
	{ FIELD(0x203a, pasid_dir_high, "HIGH_PASID_DIRECTORY_ADDRESS",
		"High PASID directory address") },
	{ FIELD(0x203c, shared_eptp, "SHARED_EPT_POINTER", "Shared EPTP") },
	{ FIELD(0x203e, pconfig_exit_bitmap, "PCONFIG_EXITING_BITMAP",
		"PCONFIG-exiting bitmap") },
	{ FIELD(0x2040, hlatp, "HLAT_POINTER",
		"Hypervisor-managed linear-address translation pointer (HLATP)") },
	{ FIELD(0x2042, pid_pointer_table, "PID_POINTER_TABLE_ADDRESS",
		"PID-pointer table address") },
	{ FIELD(0x2044, secondary_vm_exit_controls,
		"SECONDARY_VM_EXIT_CONTROLS", "Secondary VM-exit controls") },
	{ FIELD(0x204a, spec_ctrl_mask, "SPEC_CTRL_MASK",
		"IA32_SPEC_CTRL mask") },
	{ FIELD(0x204c, spec_ctrl_shadow, "SPEC_CTRL_SHADOW",
		"IA32_SPEC_CTRL shadow") },
	/* 64-bit read-only data field */
	{ FIELD(0x2400, guest_physical_address, "GUEST_PHYSICAL_ADDRESS",
		"Guest-physical address") },
	/* 64-bit guest-state fields */
	{ FIELD(0x2800, vmcs_link_pointer, "VMCS_LINK_POINTER",
		"VMCS link pointer") },
	{ FIELD(0x2802, guest_ia32_debugctl, "GUEST_IA32_DEBUGCTL",
		"Guest IA32_DEBUGCTL") },
	{ FIELD(0x2804, guest_ia32_pat, "GUEST_IA32_PAT", "Guest IA32_PAT") },
	{ FIELD(0x2806, guest_ia32_efer, "GUEST_IA32_EFER",
		"Guest IA32_EFER") },
	{ FIELD(0x2808, guest_ia32_perf_global_ctrl,
		"GUEST_IA32_PERF_GLOBAL_CTRL", "Guest IA32_PERF_GLOBAL_CTRL") },
	{ FIELD(0x280a, guest_pdpte0, "GUEST_PDPTE0", "Guest PDPTE0") },
	{ FIELD(0x280c, guest_pdpte1, "GUEST_PDPTE1", "Guest PDPTE1") },
	{ FIELD(0x280e, guest_pdpte2, "GUEST_PDPTE2", "Guest PDPTE2") },
	{ FIELD(0x2810, guest_pdpte3, "GUEST_PDPTE3", "Guest PDPTE3") },
	{ FIELD(0x2812, guest_ia32_bndcfgs, "GUEST_IA32_BNDCFGS",
		"Guest IA32_BNDCFGS") },
	{ FIELD(0x2814, guest_ia32_rtit_ctl, "GUEST_IA32_RTIT_CTL",
		"Guest IA32_RTIT_CTL") },
	{ FIELD(0x2816, guest_ia32_lbr_ctl, "GUEST_IA32_LBR_CTL",
		"Guest IA32_LBR_CTL") },
	{ FIELD(0x2818, guest_ia32_pkrs, "GUEST_IA32_PKRS",
		"Guest IA32_PKRS") },
	{ FIELD(0x281a, guest_ia32_fred_config, "GUEST_IA32_FRED_CONFIG",
		"Guest IA32_FRED_CONFIG") },
	{ FIELD(0x281c, guest_ia32_fred_rsp1, "GUEST_IA32_FRED_RSP1",
		"Guest IA32_FRED_RSP1") },
	{ FIELD(0x281e, guest_ia32_fred_rsp2, "GUEST_IA32_FRED_RSP2",
		"Guest IA32_FRED_RSP2") },
	{ FIELD(0x2820, guest_ia32_fred_rsp3, "GUEST_IA32_FRED_RSP3",
		"Guest IA32_FRED_RSP3") },
	{ FIELD(0x2822, guest_ia32_fred_stklvls, "GUEST_IA32_FRED_STKLVLS",
		"Guest IA32_FRED_STKLVLS") },
	{ FIELD(0x2824, guest_ia32_fred_ssp1, "GUEST_IA32_FRED_SSP1",
		"Guest IA32_FRED_SSP1") },
	{ FIELD(0x2826, guest_ia32_fred_ssp2, "GUEST_IA32_FRED_SSP2",
		"Guest IA32_FRED_SSP2") },
	{ FIELD(0x2828, guest_ia32_fred_ssp3, "GUEST_IA32_FRED_SSP3",
		"Guest IA32_FRED_SSP3") },
	{ FIELD(0x282e, guest_ia32_spec_ctrl, "GUEST_IA32_SPEC_CTRL",
		"Guest IA32_SPEC_CTRL") },
	/* 64-bit host-state fields */
	{ FIELD(0x2c00, host_ia32_pat, "HOST_IA32_PAT", "Host IA32_PAT") },
	{ FIELD(0x2c02, host_ia32_efer, "HOST_IA32_EFER", "Host IA32_EFER") },
	{ FIELD(0x2c04, host_ia32_perf_global_ctrl,
		"HOST_IA32_PERF_GLOBAL_CTRL", "Host IA32_PERF_GLOBAL_CTRL") },
	{ FIELD(0x2c06, host_ia32_pkrs, "HOST_IA32_PKRS", "Host IA32_PKRS") },
	{ FIELD(0x2c08, host_ia32_fred_config, "HOST_IA32_FRED_CONFIG",
		"Host IA32_FRED_CONFIG") },
	{ FIELD(0x2c0a, host_ia32_fred_rsp1, "HOST_IA32_FRED_RSP1",
		"Host IA32_FRED_RSP1") },
	{ FIELD(0x2c0c, host_ia32_fred_rsp2, "HOST_IA32_FRED_RSP2",
		"Host IA32_FRED_RSP2") },
	{ FIELD(0x2c0e, host_ia32_fred_rsp3, "HOST_IA32_FRED_RSP3",
		"Host IA32_FRED_RSP3") },
	{ FIELD(0x2c10, host_ia32_fred_stklvls, "HOST_IA32_FRED_STKLVLS",
		"Host IA32_FRED_STKLVLS") },
	{ FIELD(0x2c12, host_ia32_fred_ssp1, "HOST_IA32_FRED_SSP1",
		"Host IA32_FRED_SSP1") },
	{ FIELD(0x2c14, host_ia32_fred_ssp2, "HOST_IA32_FRED_SSP2",
		"Host IA32_FRED_SSP2") },
	{ FIELD(0x2c16, host_ia32_fred_ssp3, "HOST_IA32_FRED_SSP3",
		"Host IA32_FRED_SSP3") },
	{ FIELD(0x2c1a, host_ia32_spec_ctrl, "HOST_IA32_SPEC_CTRL",
		"Host IA32_SPEC_CTRL") },
	/* 32-bit control fields */
	{ FIELD(0x4000, pin_based_vm_exec_control, "PIN_BASED_VM_EXEC_CONTROLS",
		"Pin-based VM-execution controls") },
	{ FIELD(0x4002, primary_vm_exec_control, "PRIMARY_VM_EXEC_CONTROLS",
		"Primary processor-based VM-execution controls") },
	{ FIELD(0x4004, exception_bitmap, "EXCEPTION_BITMAP",
		"Exception bitmap") },
	{ FIELD(0x4006, page_fault_error_code_mask,
		"PAGE_FAULT_ERROR_CODE_MASK", "Page-fault error-code mask") },
	{ FIELD(0x4008, page_fault_error_code_match,
		"PAGE_FAULT_ERROR_CODE_MATCH", "Page-fault error-code match") },
	{ FIELD(0x400a, cr3_target_count, "CR3_TARGET_COUNT",
		"CR3-target count") },
	{ FIELD(0x400c, vm_exit_controls, "PRIMARY_VM_EXIT_CONTROLS",
		"Primary VM-exit controls") },
	{ FIELD(0x400e, vm_exit_msr_store_count, "VM_EXIT_MSR_STORE_COUNT",
		"VM-exit MSR-store count") },
	{ FIELD(0x4010, vm_exit_msr_load_count, "VM_EXIT_MSR_LOAD_COUNT",
		"VM-exit MSR-load count") },
	{ FIELD(0x4012, vm_entry_controls, "VM_ENTRY_CONTROLS",
		"VM-entry controls") },
	{ FIELD(0x4014, vm_entry_msr_load_count, "VM_ENTRY_MSR_LOAD_COUNT",
		"VM-entry MSR-load count") },
	{ FIELD(0x4016, vm_entry_intr_info, "VM_ENTRY_INTERRUPTION_INFO",
		"VM-entry interruption-information field") },
	{ FIELD(0x4018, vm_entry_exception_error_code,
		"VM_ENTRY_EXCEPTION_ERROR_CODE",
		"VM-entry exception error code") },
	{ FIELD(0x401a, vm_entry_instruction_len, "VM_ENTRY_INSTRUCTION_LENGTH",
		"VM-entry instruction length") },
	{ FIELD(0x401c, tpr_threshold, "TPR_THRESHOLD", "TPR threshold") },
	{ FIELD(0x401e, secondary_vm_exec_control, "SECONDARY_VM_EXEC_CONTROLS",
		"Secondary processor-based VM-execution controls") },
	{ FIELD(0x4020, ple_gap, "PLE_GAP", "PLE_Gap") },
	{ FIELD(0x4022, ple_window, "PLE_WINDOW", "PLE_Window") },
	{ FIELD(0x4024, notify_window, "INSTRUCTION_TIMEOUT_CONTROL",
		"Instruction-timeout control") },
	/* 32-bit read-only data fields */
	{ FIELD(0x4400, vm_instruction_error, "VM_INSTRUCTION_ERROR",
		"VM-instruction error") },
	{ FIELD(0x4402, exit_reason, "EXIT_REASON", "Exit reason") },
	{ FIELD(0x4404, vm_exit_intr_info, "VM_EXIT_INTERRUPTION_INFO",
		"VM-exit interruption information") },
	{ FIELD(0x4406, vm_exit_intr_error_code,
		"VM_EXIT_INTERRUPTION_ERROR_CODE",
		"VM-exit interruption error code") },
	{ FIELD(0x4408, idt_vectoring_info, "IDT_VECTORING_INFO",
		"IDT-vectoring information field") },
	{ FIELD(0x440a, idt_vectoring_error_code, "IDT_VECTORING_ERROR_CODE",
		"IDT-vectoring error code") },
	{ FIELD(0x440c, vm_exit_instruction_len, "VM_EXIT_INSTRUCTION_LENGTH",
		"VM-exit instruction length") },
	{ FIELD(0x440e, vmx_instruction_info, "VM_EXIT_INSTRUCTION_INFO",
		"VM-exit instruction information") },
	/* 32-bit guest-state fields */
	{ FIELD(0x4800, guest_es_limit, "GUEST_ES_LIMIT", "Guest ES limit") },
	{ FIELD(0x4802, guest_cs_limit, "GUEST_CS_LIMIT", "Guest CS limit") },
	{ FIELD(0x4804, guest_ss_limit, "GUEST_SS_LIMIT", "Guest SS limit") },
	{ FIELD(0x4806, guest_ds_limit, "GUEST_DS_LIMIT", "Guest DS limit") },
	{ FIELD(0x4808, guest_fs_limit, "GUEST_FS_LIMIT", "Guest FS limit") },
	{ FIELD(0x480a, guest_gs_limit, "GUEST_GS_LIMIT", "Guest GS limit") },
	{ FIELD(0x480c, guest_ldtr_limit, "GUEST_LDTR_LIMIT",
		"Guest LDTR limit") },
	{ FIELD(0x480e, guest_tr_limit, "GUEST_TR_LIMIT", "Guest TR limit") },
	{ FIELD(0x4810, guest_gdtr_limit, "GUEST_GDTR_LIMIT",
		"Guest GDTR limit") },
	{ FIELD(0x4812, guest_idtr_limit, "GUEST_IDTR_LIMIT",
		"Guest IDTR limit") },
	{ FIELD(0x4814, guest_es_ar, "GUEST_ES_ACCESS_RIGHTS",
		"Guest ES access rights") },
	{ FIELD(0x4816, guest_cs_ar, "GUEST_CS_ACCESS_RIGHTS",
		"Guest CS access rights") },
	{ FIELD(0x4818, guest_ss_ar, "GUEST_SS_ACCESS_RIGHTS",
		"Guest SS access rights") },
	{ FIELD(0x481a, guest_ds_ar, "GUEST_DS_ACCESS_RIGHTS",
		"Guest DS access rights") },
	{ FIELD(0x481c, guest_fs_ar, "GUEST_FS_ACCESS_RIGHTS",
		"Guest FS access rights") },
	{ FIELD(0x481e, guest_gs_ar, "GUEST_GS_ACCESS_RIGHTS",
		"Guest GS access rights") },
	{ FIELD(0x4820, guest_ldtr_ar, "GUEST_LDTR_ACCESS_RIGHTS",
		"Guest LDTR access rights") },
	{ FIELD(0x4822, guest_tr_ar, "GUEST_TR_ACCESS_RIGHTS",
		"Guest TR access rights") },
	{ FIELD(0x4824, guest_interruptibility, "GUEST_INTERRUPTIBILITY_STATE",
		"Guest interruptibility state") },
	{ FIELD(0x4826, guest_activity_state, "GUEST_ACTIVITY_STATE",
		"Guest activity state") },
	{ FIELD(0x4828, guest_smbase, "GUEST_SMBASE", "Guest SMBASE") },
	{ FIELD(0x482a, guest_ia32_sysenter_cs, "GUEST_IA32_SYSENTER_CS",
		"Guest IA32_SYSENTER_CS") },
	{ FIELD(0x482e, vmx_preemption_timer_value,
		"VMX_PREEMPTION_TIMER_VALUE", "VMX-preemption timer value") },
	/* 32-bit host-state field */
	{ FIELD(0x4c00, host_ia32_sysenter_cs, "HOST_IA32_SYSENTER_CS",
		"Host IA32_SYSENTER_CS") },
	/* natural-width control fields */
	{ FIELD(0x6000, cr0_guest_host_mask, "CR0_GUEST_HOST_MASK",
		"CR0 guest/host mask") },
	{ FIELD(0x6002, cr4_guest_host_mask, "CR4_GUEST_HOST_MASK",
		"CR4 guest/host mask") },
	{ FIELD(0x6004, cr0_read_shadow, "CR0_READ_SHADOW",
		"CR0 read shadow") },
	{ FIELD(0x6006, cr4_read_shadow, "CR4_READ_SHADOW",
		"CR4 read shadow") },
	{ FIELD(0x6008, cr3_target_value0, "CR3_TARGET_VALUE_0",
		"CR3-target value 0") },
	{ FIELD(0x600a, cr3_target_value1, "CR3_TARGET_VALUE_1",
		"CR3-target value 1") },
	{ FIELD(0x600c, cr3_target_value2, "CR3_TARGET_VALUE_2",
		"CR3-target value 2") },
	{ FIELD(0x600e, cr3_target_value3, "CR3_TARGET_VALUE_3",
		"CR3-target value 3") },
	/* natural-width read-only data fields */
	{ FIELD(0x6400, exit_qualification, "EXIT_QUALIFICATION",
		"Exit qualification") },
	{ FIELD(0x6402, io_rcx, "IO_RCX", "I/O RCX") },
	{ FIELD(0x6404, io_rsi, "IO_RSI", "I/O RSI") },
	{ FIELD(0x6406, io_rdi, "IO_RDI", "I/O RDI") },
	{ FIELD(0x6408, io_rip, "IO_RIP", "I/O RIP") },
	{ FIELD(0x640a, guest_linear_address, "GUEST_LINEAR_ADDRESS",
		"Guest-linear address") },
	/* natural-width guest-state fields */
	{ FIELD(0x6800, guest_cr0, "GUEST_CR0", "Guest CR0") },
	{ FIELD(0x6802, guest_cr3, "GUEST_CR3", "Guest CR3") },
	{ FIELD(0x6804, guest_cr4, "GUEST_CR4", "Guest CR4") },
	{ FIELD(0x6806, guest_es_base, "GUEST_ES_BASE", "Guest ES base") },
	{ FIELD(0x6808, guest_cs_base, "GUEST_CS_BASE", "Guest CS base") },
	{ FIELD(0x680a, guest_ss_base, "GUEST_SS_BASE", "Guest SS base") },
	{ FIELD(0x680c, guest_ds_base, "GUEST_DS_BASE", "Guest DS base") },
	{ FIELD(0x680e, guest_fs_base, "GUEST_FS_BASE", "Guest FS base") },
	{ FIELD(0x6810, guest_gs_base, "GUEST_GS_BASE", "Guest GS base") },
	{ FIELD(0x6812, guest_ldtr_base, "GUEST_LDTR_BASE",
		"Guest LDTR base") },
	{ FIELD(0x6814, guest_tr_base, "GUEST_TR_BASE", "Guest TR base") },
	{ FIELD(0x6816, guest_gdtr_base, "GUEST_GDTR_BASE",
		"Guest GDTR base") },
	{ FIELD(0x6818, guest_idtr_base, "GUEST_IDTR_BASE",
		"Guest IDTR base") },
	{ FIELD(0x681a, guest_dr7, "GUEST_DR7", "Guest DR7") },
	{ FIELD(0x681c, guest_rsp, "GUEST_RSP", "Guest RSP") },
	{ FIELD(0x681e, guest_rip, "GUEST_RIP", "Guest RIP") },
	{ FIELD(0x6820, guest_rflags, "GUEST_RFLAGS", "Guest RFLAGS") },
	{ FIELD(0x6822, guest_pending_dbg_exceptions,
		"GUEST_PENDING_DEBUG_EXCEPTIONS",
		"Guest pending debug exceptions") },
	{ FIELD(0x6824, guest_ia32_sysenter_esp, "GUEST_IA32_SYSENTER_ESP",
		"Guest IA32_SYSENTER_ESP") },
	{ FIELD(0x6826, guest_ia32_sysenter_eip, "GUEST_IA32_SYSENTER_EIP",
		"Guest IA32_SYSENTER_EIP") },
	{ FIELD(0x6828, guest_ia32_s_cet, "GUEST_IA32_S_CET",
		"Guest IA32_S_CET") },
	{ FIELD(0x682a, guest_ssp, "GUEST_SSP", "Guest SSP") },
	{ FIELD(0x682c, guest_intr_ssp_table_addr,
		"GUEST_INTERRUPT_SSP_TABLE_ADDR",
		"Guest IA32_INTERRUPT_SSP_TABLE_ADDR") },
	/* natural-width host-state fields */
	{ FIELD(0x6c00, host_cr0, "HOST_CR0", "Host CR0") },
	{ FIELD(0x6c02, host_cr3, "HOST_CR3", "Host CR3") },
	{ FIELD(0x6c04, host_cr4, "HOST_CR4", "Host CR4") },
	{ FIELD(0x6c06, host_fs_base, "HOST_FS_BASE", "Host FS base") },
	{ FIELD(0x6c08, host_gs_base, "HOST_GS_BASE", "Host GS base") },
	{ FIELD(0x6c0a, host_tr_base, "HOST_TR_BASE", "Host TR base") },
	{ FIELD(0x6c0c, host_gdtr_base, "HOST_GDTR_BASE", "Host GDTR base") },
	{ FIELD(0x6c0e, host_idtr_base, "HOST_IDTR_BASE", "Host IDTR base") },
	{ FIELD(0x6c10, host_ia32_sysenter_esp, "HOST_IA32_SYSENTER_ESP",
		"Host IA32_SYSENTER_ESP") },
	{ FIELD(0x6c12, host_ia32_sysenter_eip, "HOST_IA32_SYSENTER_EIP",
		"Host IA32_SYSENTER_EIP") },
	{ FIELD(0x6c14, host_rsp, "HOST_RSP", "Host RSP") },
	{ FIELD(0x6c16, host_rip, "HOST_RIP", "Host RIP") },
	{ FIELD(0x6c18, host_ia32_s_cet, "HOST_IA32_S_CET",
		"Host IA32_S_CET") },
	{ FIELD(0x6c1a, host_ssp, "HOST_SSP", "Host SSP") },
	{ FIELD(0x6c1c, host_intr_ssp_table_addr,
		"HOST_INTERRUPT_SSP_TABLE_ADDR",
		"Host IA32_INTERRUPT_SSP_TABLE_ADDR") },
};

#undef FIELD

static_assert(sizeof(struct hvg_vmcs12) < 0x10000, "offsets fit in u16");

u32 hvg_vmcs_nr_fields(void)
{
	return ARRAY_SIZE(vmcs_fields);
}

const struct hvg_vmcs_field *hvg_vmcs_field_at(u32 idx)
{
	return idx < ARRAY_SIZE(vmcs_fields) ? &vmcs_fields[idx] : NULL;
}

const struct hvg_vmcs_field *hvg_vmcs_field_find(u32 encoding)
{
	u32 lo = 0, hi = ARRAY_SIZE(vmcs_fields), mid, full;

	if (encoding & HVG_VMCS_ENC_RESERVED)
		return NULL;
	/* The high access type exists only for 64-bit fields. */
	if ((encoding & HVG_VMCS_ENC_HIGH) &&
	    ENC_WIDTH(encoding) != HVG_VMCS_WIDTH_64)
		return NULL;
	full = encoding & ~HVG_VMCS_ENC_HIGH;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (vmcs_fields[mid].encoding == full)
			return &vmcs_fields[mid];
		if (vmcs_fields[mid].encoding < full)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static u64 field_get(const struct hvg_vmcs12 *vmcs,
		     const struct hvg_vmcs_field *f)
{
	const u8 *p = (const u8 *)vmcs + f->offset;
	u16 v16;
	u32 v32;
	u64 v64;

	switch (f->size) {
	case 2:
		HVG_MEMCPY(&v16, p, 2);
		return v16;
	case 4:
		HVG_MEMCPY(&v32, p, 4);
		return v32;
	default:
		HVG_MEMCPY(&v64, p, 8);
		return v64;
	}
}

static void field_set(struct hvg_vmcs12 *vmcs, const struct hvg_vmcs_field *f,
		      u64 value)
{
	u8 *p = (u8 *)vmcs + f->offset;
	u16 v16 = (u16)value;
	u32 v32 = (u32)value;

	switch (f->size) {
	case 2:
		HVG_MEMCPY(p, &v16, 2);
		break;
	case 4:
		HVG_MEMCPY(p, &v32, 4);
		break;
	default:
		HVG_MEMCPY(p, &value, 8);
		break;
	}
}

int hvg_vmcs_vmread(const struct hvg_vmcs12 *vmcs, u32 encoding, u64 *value,
		    u32 *vmx_error)
{
	const struct hvg_vmcs_field *f;
	u64 v;

	if (!vmcs || !value || !vmx_error)
		return -HVG_EINVAL;
	/* VMREAD: "unsupported VMCS component" is VMfailValid(12). */
	f = hvg_vmcs_field_find(encoding);
	if (!f) {
		*vmx_error = HVG_VMXERR_UNSUPPORTED_FIELD;
		return 0;
	}
	v = field_get(vmcs, f);
	if (encoding & HVG_VMCS_ENC_HIGH)
		v >>= 32;
	*value = v;
	*vmx_error = 0;
	return 0;
}

int hvg_vmcs_vmwrite(struct hvg_vmcs12 *vmcs, const struct hvg_vmx_caps *caps,
		     u32 encoding, u64 value, u32 *vmx_error)
{
	const struct hvg_vmcs_field *f;
	u64 misc;

	if (!vmcs || !caps || !vmx_error)
		return -HVG_EINVAL;
	/* VMWRITE: unsupported component (12) is checked before read-only (13). */
	f = hvg_vmcs_field_find(encoding);
	if (!f) {
		*vmx_error = HVG_VMXERR_UNSUPPORTED_FIELD;
		return 0;
	}
	if (ENC_TYPE(f->encoding) == HVG_VMCS_TYPE_EXIT_INFO) {
		if (hvg_vmx_caps_get_msr(caps, HVG_MSR_IA32_VMX_MISC, &misc))
			return -HVG_ENOTSUP;
		if (!(misc & HVG_VMX_MISC_VMWRITE_ALL)) {
			*vmx_error = HVG_VMXERR_VMWRITE_READ_ONLY;
			return 0;
		}
	}
	/* The high access writes bits 63:32 from the operand's bits 31:0. */
	if (encoding & HVG_VMCS_ENC_HIGH)
		value = (field_get(vmcs, f) & 0xffffffffULL) | (value << 32);
	field_set(vmcs, f, value);
	*vmx_error = 0;
	return 0;
}

/* ---- capability set ------------------------------------------------------ */

static u32 cap_idx(u32 msr)
{
	return msr - HVG_VMX_CAP_FIRST;
}

int hvg_vmx_caps_init(struct hvg_vmx_caps *caps)
{
	if (!caps)
		return -HVG_EINVAL;
	HVG_MEMSET(caps, 0, sizeof(*caps));
	return 0;
}

int hvg_vmx_caps_set_msr(struct hvg_vmx_caps *caps, u32 msr, u64 value)
{
	if (!caps)
		return -HVG_EINVAL;
	if (msr - HVG_VMX_CAP_FIRST >= HVG_VMX_CAP_NR)
		return -HVG_ERANGE;
	caps->msr[cap_idx(msr)] = value;
	caps->present |= HVG_VMX_CAP_BIT(msr);
	return 0;
}

int hvg_vmx_caps_get_msr(const struct hvg_vmx_caps *caps, u32 msr,
			 u64 *value)
{
	if (!caps || !value)
		return -HVG_EINVAL;
	if (msr - HVG_VMX_CAP_FIRST >= HVG_VMX_CAP_NR)
		return -HVG_ERANGE;
	if (!(caps->present & HVG_VMX_CAP_BIT(msr)))
		return -HVG_ENOENT;
	*value = caps->msr[cap_idx(msr)];
	return 0;
}

int hvg_vmx_caps_set_maxphyaddr(struct hvg_vmx_caps *caps, u32 width)
{
	if (!caps)
		return -HVG_EINVAL;
	if (width < 32 || width > 52)
		return -HVG_ERANGE;
	caps->maxphyaddr = width;
	caps->known |= HVG_CAPS_MAXPHYADDR;
	return 0;
}

int hvg_vmx_caps_set_cpu(struct hvg_vmx_caps *caps, u32 mask, u32 features)
{
	if (!caps || (mask & ~HVG_CPU_ALL))
		return -HVG_EINVAL;
	caps->cpu = (caps->cpu & ~mask) | (features & mask);
	caps->cpu_known |= mask;
	return 0;
}

int hvg_vmx_caps_ctls(const struct hvg_vmx_caps *caps, u32 which,
		      u64 *allowed0, u64 *allowed1)
{
	u64 a0, a1;

	if (!caps || !allowed0 || !allowed1 || which >= HVG_VMX_CTLS_NR)
		return -HVG_EINVAL;
	/* The TRUE_ rule of SDM A.2 lives in vmx_caps_ctls_() (internal.h). */
	if (!vmx_caps_ctls_(caps, which, &a0, &a1))
		return -HVG_ENOENT;
	*allowed0 = a0;
	*allowed1 = a1;
	return 0;
}
