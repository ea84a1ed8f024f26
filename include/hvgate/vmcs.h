/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The vmcs12 model and the VMX capability set.
 *
 * struct hvg_vmcs12 is a plain structure with one member per architectural
 * VMCS field (Intel SDM Vol. 3D, appendix B "Field Encoding in VMCS"): the
 * controls, the VM-exit information fields, and the guest- and host-state
 * fields that the VM-entry checks read (SDM Vol. 3C "VM Entries"; the
 * catalogue of checks, section 13). The encoding table of lib/vmcs.c
 * (designated initializers) maps each encoding to its member's offset and
 * size; tests/check_vmcs.c proves every size matches the width bits of
 * the encoding and that the entries tile the structure.
 *
 * The in-memory layout of a real VMCS is implementation specific; this
 * structure is hvgate's own. Only the first two dwords are architected
 * (revision identifier with the shadow-VMCS indicator in bit 31, and the
 * VMX-abort indicator); they are @revision_id and @abort_indicator.
 *
 * hvg_vmcs_vmread() and hvg_vmcs_vmwrite() give a nested hypervisor the
 * VMREAD/VMWRITE semantics of the SDM's instruction pages: field widths,
 * the "high" access type of 64-bit fields, VM-instruction error 12 for an
 * unsupported encoding and 13 for a write to a read-only field unless
 * IA32_VMX_MISC bit 29 allows it.
 *
 * struct hvg_vmx_caps holds the capability MSRs 480H-493H (SDM Vol. 3D,
 * appendix A) as values, each with a presence bit, plus MAXPHYADDR and
 * the CPUID features the checks depend on, each with a "known" bit.
 * Nothing is read from hardware. A check that needs a value the set does
 * not have is reported as not evaluated, never guessed.
 */
#ifndef HVGATE_VMCS_H
#define HVGATE_VMCS_H

#include "hvgate_env.h"
#include <hvgate/types.h>
#include <hvgate/msr-index.h>

/* ---- field encodings (SDM Vol. 3D, B.1 and the VMREAD page) ------------ */

#define HVG_VMCS_ENC_HIGH		BIT(0)		/* access type: high */
#define HVG_VMCS_ENC_INDEX		GENMASK(9, 1)
#define HVG_VMCS_ENC_TYPE_SHIFT		10
#define HVG_VMCS_ENC_TYPE		GENMASK(11, 10)
#define HVG_VMCS_ENC_WIDTH_SHIFT	13
#define HVG_VMCS_ENC_WIDTH		GENMASK(14, 13)
/* Bit 12 and bits 31:15 are reserved: such an encoding is unsupported. */
#define HVG_VMCS_ENC_RESERVED		(BIT(12) | GENMASK(31, 15))

/* Width (bits 14:13). */
#define HVG_VMCS_WIDTH_16		0
#define HVG_VMCS_WIDTH_64		1
#define HVG_VMCS_WIDTH_32		2
#define HVG_VMCS_WIDTH_NATURAL		3

/* Type (bits 11:10). */
#define HVG_VMCS_TYPE_CONTROL		0
#define HVG_VMCS_TYPE_EXIT_INFO		1	/* read-only data */
#define HVG_VMCS_TYPE_GUEST		2
#define HVG_VMCS_TYPE_HOST		3

/*
 * Encodings of the fields that the glue of other modules writes (autoload:
 * the MSR-list addresses and counts, the dedicated EFER and
 * PERF_GLOBAL_CTRL fields, the entry and exit controls). The checks use
 * the table of lib/vmcs.c instead.
 */
#define HVG_VMCS_VM_EXIT_MSR_STORE_ADDRESS	0x00002006
#define HVG_VMCS_VM_EXIT_MSR_LOAD_ADDRESS	0x00002008
#define HVG_VMCS_VM_ENTRY_MSR_LOAD_ADDRESS	0x0000200a
#define HVG_VMCS_GUEST_IA32_EFER		0x00002806
#define HVG_VMCS_GUEST_IA32_PERF_GLOBAL_CTRL	0x00002808
#define HVG_VMCS_HOST_IA32_EFER			0x00002c02
#define HVG_VMCS_HOST_IA32_PERF_GLOBAL_CTRL	0x00002c04
#define HVG_VMCS_PRIMARY_VM_EXIT_CONTROLS		0x0000400c
#define HVG_VMCS_VM_EXIT_MSR_STORE_COUNT	0x0000400e
#define HVG_VMCS_VM_EXIT_MSR_LOAD_COUNT		0x00004010
#define HVG_VMCS_VM_ENTRY_CONTROLS		0x00004012
#define HVG_VMCS_VM_ENTRY_MSR_LOAD_COUNT	0x00004014

/* VM-instruction error numbers (SDM Vol. 3C, "VM-Instruction Error Numbers"). */
#define HVG_VMXERR_VMLAUNCH_NONCLEAR		4
#define HVG_VMXERR_VMRESUME_NONLAUNCHED		5
#define HVG_VMXERR_ENTRY_INVALID_CONTROL	7
#define HVG_VMXERR_ENTRY_INVALID_HOST		8
#define HVG_VMXERR_UNSUPPORTED_FIELD		12
#define HVG_VMXERR_VMWRITE_READ_ONLY		13
#define HVG_VMXERR_ENTRY_MOV_SS			26

/* The current-VMCS pointer when there is no current VMCS. */
#define HVG_VMCS_PTR_NONE		0xffffffffffffffffULL

/* Dword 0 of a VMCS region: revision identifier and shadow indicator. */
#define HVG_VMCS_REVISION_ID		GENMASK(30, 0)
#define HVG_VMCS_SHADOW			BIT(31)

/**
 * struct hvg_vmcs12 - the VMCS that L1 manages, as L0 models it
 * @revision_id: dword 0 of the VMCS region: bits 30:0 the VMCS revision
 *               identifier, bit 31 the shadow-VMCS indicator
 * @abort_indicator: dword 1, the VMX-abort indicator
 * @vpid: Virtual-processor identifier (VPID) (0000H)
 * @posted_intr_nv: Posted-interrupt notification vector (0002H)
 * @eptp_index: EPTP index (0004H)
 * @hlat_prefix_size: HLAT prefix size (0006H)
 * @last_pid_pointer_index: Last PID-pointer index (0008H)
 * @guest_es_selector: Guest ES selector (0800H)
 * @guest_cs_selector: Guest CS selector (0802H)
 * @guest_ss_selector: Guest SS selector (0804H)
 * @guest_ds_selector: Guest DS selector (0806H)
 * @guest_fs_selector: Guest FS selector (0808H)
 * @guest_gs_selector: Guest GS selector (080AH)
 * @guest_ldtr_selector: Guest LDTR selector (080CH)
 * @guest_tr_selector: Guest TR selector (080EH)
 * @guest_intr_status: Guest interrupt status (0810H)
 * @pml_index: PML index (0812H)
 * @guest_uinv: Guest UINV (0814H)
 * @host_es_selector: Host ES selector (0C00H)
 * @host_cs_selector: Host CS selector (0C02H)
 * @host_ss_selector: Host SS selector (0C04H)
 * @host_ds_selector: Host DS selector (0C06H)
 * @host_fs_selector: Host FS selector (0C08H)
 * @host_gs_selector: Host GS selector (0C0AH)
 * @host_tr_selector: Host TR selector (0C0CH)
 * @io_bitmap_a: Address of I/O bitmap A (2000H)
 * @io_bitmap_b: Address of I/O bitmap B (2002H)
 * @msr_bitmap: Address of MSR bitmaps (2004H)
 * @exit_msr_store_addr: VM-exit MSR-store address (2006H)
 * @exit_msr_load_addr: VM-exit MSR-load address (2008H)
 * @entry_msr_load_addr: VM-entry MSR-load address (200AH)
 * @executive_vmcs_ptr: Executive-VMCS pointer (200CH)
 * @pml_address: PML address (200EH)
 * @tsc_offset: TSC offset (2010H)
 * @virtual_apic_addr: Virtual-APIC address (2012H)
 * @apic_access_addr: APIC-access address (2014H)
 * @posted_intr_desc_addr: Posted-interrupt descriptor address (2016H)
 * @vm_function_controls: VM-function controls (2018H)
 * @eptp: EPT pointer (EPTP) (201AH)
 * @eoi_exit_bitmap0: EOI-exit bitmap 0 (201CH)
 * @eoi_exit_bitmap1: EOI-exit bitmap 1 (201EH)
 * @eoi_exit_bitmap2: EOI-exit bitmap 2 (2020H)
 * @eoi_exit_bitmap3: EOI-exit bitmap 3 (2022H)
 * @eptp_list_addr: EPTP-list address (2024H)
 * @vmread_bitmap: VMREAD-bitmap address (2026H)
 * @vmwrite_bitmap: VMWRITE-bitmap address (2028H)
 * @ve_info_addr: Virtualization-exception information address (202AH)
 * @xss_exit_bitmap: XSS-exiting bitmap (202CH)
 * @encls_exit_bitmap: ENCLS-exiting bitmap (202EH)
 * @spptp: Sub-page-permission-table pointer (2030H)
 * @tsc_multiplier: TSC multiplier (2032H)
 * @tertiary_vm_exec_control: Tertiary processor-based VM-execution controls (2034H)
 * @enclv_exit_bitmap: ENCLV-exiting bitmap (2036H)
 * @pasid_dir_low: Low PASID directory address (2038H)
 * @pasid_dir_high: High PASID directory address (203AH)
 * @shared_eptp: Shared EPTP (203CH)
 * @pconfig_exit_bitmap: PCONFIG-exiting bitmap (203EH)
 * @hlatp: Hypervisor-managed linear-address translation pointer (HLATP) (2040H)
 * @pid_pointer_table: PID-pointer table address (2042H)
 * @secondary_vm_exit_controls: Secondary VM-exit controls (2044H)
 * @spec_ctrl_mask: IA32_SPEC_CTRL mask (204AH)
 * @spec_ctrl_shadow: IA32_SPEC_CTRL shadow (204CH)
 * @guest_physical_address: Guest-physical address (2400H)
 * @vmcs_link_pointer: VMCS link pointer (2800H)
 * @guest_ia32_debugctl: Guest IA32_DEBUGCTL (2802H)
 * @guest_ia32_pat: Guest IA32_PAT (2804H)
 * @guest_ia32_efer: Guest IA32_EFER (2806H)
 * @guest_ia32_perf_global_ctrl: Guest IA32_PERF_GLOBAL_CTRL (2808H)
 * @guest_pdpte0: Guest PDPTE0 (280AH)
 * @guest_pdpte1: Guest PDPTE1 (280CH)
 * @guest_pdpte2: Guest PDPTE2 (280EH)
 * @guest_pdpte3: Guest PDPTE3 (2810H)
 * @guest_ia32_bndcfgs: Guest IA32_BNDCFGS (2812H)
 * @guest_ia32_rtit_ctl: Guest IA32_RTIT_CTL (2814H)
 * @guest_ia32_lbr_ctl: Guest IA32_LBR_CTL (2816H)
 * @guest_ia32_pkrs: Guest IA32_PKRS (2818H)
 * @guest_ia32_fred_config: Guest IA32_FRED_CONFIG (281AH)
 * @guest_ia32_fred_rsp1: Guest IA32_FRED_RSP1 (281CH)
 * @guest_ia32_fred_rsp2: Guest IA32_FRED_RSP2 (281EH)
 * @guest_ia32_fred_rsp3: Guest IA32_FRED_RSP3 (2820H)
 * @guest_ia32_fred_stklvls: Guest IA32_FRED_STKLVLS (2822H)
 * @guest_ia32_fred_ssp1: Guest IA32_FRED_SSP1 (2824H)
 * @guest_ia32_fred_ssp2: Guest IA32_FRED_SSP2 (2826H)
 * @guest_ia32_fred_ssp3: Guest IA32_FRED_SSP3 (2828H)
 * @guest_ia32_spec_ctrl: Guest IA32_SPEC_CTRL (282EH)
 * @host_ia32_pat: Host IA32_PAT (2C00H)
 * @host_ia32_efer: Host IA32_EFER (2C02H)
 * @host_ia32_perf_global_ctrl: Host IA32_PERF_GLOBAL_CTRL (2C04H)
 * @host_ia32_pkrs: Host IA32_PKRS (2C06H)
 * @host_ia32_fred_config: Host IA32_FRED_CONFIG (2C08H)
 * @host_ia32_fred_rsp1: Host IA32_FRED_RSP1 (2C0AH)
 * @host_ia32_fred_rsp2: Host IA32_FRED_RSP2 (2C0CH)
 * @host_ia32_fred_rsp3: Host IA32_FRED_RSP3 (2C0EH)
 * @host_ia32_fred_stklvls: Host IA32_FRED_STKLVLS (2C10H)
 * @host_ia32_fred_ssp1: Host IA32_FRED_SSP1 (2C12H)
 * @host_ia32_fred_ssp2: Host IA32_FRED_SSP2 (2C14H)
 * @host_ia32_fred_ssp3: Host IA32_FRED_SSP3 (2C16H)
 * @host_ia32_spec_ctrl: Host IA32_SPEC_CTRL (2C1AH)
 * @pin_based_vm_exec_control: Pin-based VM-execution controls (4000H)
 * @primary_vm_exec_control: Primary processor-based VM-execution controls (4002H)
 * @exception_bitmap: Exception bitmap (4004H)
 * @page_fault_error_code_mask: Page-fault error-code mask (4006H)
 * @page_fault_error_code_match: Page-fault error-code match (4008H)
 * @cr3_target_count: CR3-target count (400AH)
 * @vm_exit_controls: Primary VM-exit controls (400CH)
 * @vm_exit_msr_store_count: VM-exit MSR-store count (400EH)
 * @vm_exit_msr_load_count: VM-exit MSR-load count (4010H)
 * @vm_entry_controls: VM-entry controls (4012H)
 * @vm_entry_msr_load_count: VM-entry MSR-load count (4014H)
 * @vm_entry_intr_info: VM-entry interruption-information field (4016H)
 * @vm_entry_exception_error_code: VM-entry exception error code (4018H)
 * @vm_entry_instruction_len: VM-entry instruction length (401AH)
 * @tpr_threshold: TPR threshold (401CH)
 * @secondary_vm_exec_control: Secondary processor-based VM-execution controls (401EH)
 * @ple_gap: PLE_Gap (4020H)
 * @ple_window: PLE_Window (4022H)
 * @notify_window: Instruction-timeout control (4024H)
 * @vm_instruction_error: VM-instruction error (4400H)
 * @exit_reason: Exit reason (4402H)
 * @vm_exit_intr_info: VM-exit interruption information (4404H)
 * @vm_exit_intr_error_code: VM-exit interruption error code (4406H)
 * @idt_vectoring_info: IDT-vectoring information field (4408H)
 * @idt_vectoring_error_code: IDT-vectoring error code (440AH)
 * @vm_exit_instruction_len: VM-exit instruction length (440CH)
 * @vmx_instruction_info: VM-exit instruction information (440EH)
 * @guest_es_limit: Guest ES limit (4800H)
 * @guest_cs_limit: Guest CS limit (4802H)
 * @guest_ss_limit: Guest SS limit (4804H)
 * @guest_ds_limit: Guest DS limit (4806H)
 * @guest_fs_limit: Guest FS limit (4808H)
 * @guest_gs_limit: Guest GS limit (480AH)
 * @guest_ldtr_limit: Guest LDTR limit (480CH)
 * @guest_tr_limit: Guest TR limit (480EH)
 * @guest_gdtr_limit: Guest GDTR limit (4810H)
 * @guest_idtr_limit: Guest IDTR limit (4812H)
 * @guest_es_ar: Guest ES access rights (4814H)
 * @guest_cs_ar: Guest CS access rights (4816H)
 * @guest_ss_ar: Guest SS access rights (4818H)
 * @guest_ds_ar: Guest DS access rights (481AH)
 * @guest_fs_ar: Guest FS access rights (481CH)
 * @guest_gs_ar: Guest GS access rights (481EH)
 * @guest_ldtr_ar: Guest LDTR access rights (4820H)
 * @guest_tr_ar: Guest TR access rights (4822H)
 * @guest_interruptibility: Guest interruptibility state (4824H)
 * @guest_activity_state: Guest activity state (4826H)
 * @guest_smbase: Guest SMBASE (4828H)
 * @guest_ia32_sysenter_cs: Guest IA32_SYSENTER_CS (482AH)
 * @vmx_preemption_timer_value: VMX-preemption timer value (482EH)
 * @host_ia32_sysenter_cs: Host IA32_SYSENTER_CS (4C00H)
 * @cr0_guest_host_mask: CR0 guest/host mask (6000H)
 * @cr4_guest_host_mask: CR4 guest/host mask (6002H)
 * @cr0_read_shadow: CR0 read shadow (6004H)
 * @cr4_read_shadow: CR4 read shadow (6006H)
 * @cr3_target_value0: CR3-target value 0 (6008H)
 * @cr3_target_value1: CR3-target value 1 (600AH)
 * @cr3_target_value2: CR3-target value 2 (600CH)
 * @cr3_target_value3: CR3-target value 3 (600EH)
 * @exit_qualification: Exit qualification (6400H)
 * @io_rcx: I/O RCX (6402H)
 * @io_rsi: I/O RSI (6404H)
 * @io_rdi: I/O RDI (6406H)
 * @io_rip: I/O RIP (6408H)
 * @guest_linear_address: Guest-linear address (640AH)
 * @guest_cr0: Guest CR0 (6800H)
 * @guest_cr3: Guest CR3 (6802H)
 * @guest_cr4: Guest CR4 (6804H)
 * @guest_es_base: Guest ES base (6806H)
 * @guest_cs_base: Guest CS base (6808H)
 * @guest_ss_base: Guest SS base (680AH)
 * @guest_ds_base: Guest DS base (680CH)
 * @guest_fs_base: Guest FS base (680EH)
 * @guest_gs_base: Guest GS base (6810H)
 * @guest_ldtr_base: Guest LDTR base (6812H)
 * @guest_tr_base: Guest TR base (6814H)
 * @guest_gdtr_base: Guest GDTR base (6816H)
 * @guest_idtr_base: Guest IDTR base (6818H)
 * @guest_dr7: Guest DR7 (681AH)
 * @guest_rsp: Guest RSP (681CH)
 * @guest_rip: Guest RIP (681EH)
 * @guest_rflags: Guest RFLAGS (6820H)
 * @guest_pending_dbg_exceptions: Guest pending debug exceptions (6822H)
 * @guest_ia32_sysenter_esp: Guest IA32_SYSENTER_ESP (6824H)
 * @guest_ia32_sysenter_eip: Guest IA32_SYSENTER_EIP (6826H)
 * @guest_ia32_s_cet: Guest IA32_S_CET (6828H)
 * @guest_ssp: Guest SSP (682AH)
 * @guest_intr_ssp_table_addr: Guest IA32_INTERRUPT_SSP_TABLE_ADDR (682CH)
 * @host_cr0: Host CR0 (6C00H)
 * @host_cr3: Host CR3 (6C02H)
 * @host_cr4: Host CR4 (6C04H)
 * @host_fs_base: Host FS base (6C06H)
 * @host_gs_base: Host GS base (6C08H)
 * @host_tr_base: Host TR base (6C0AH)
 * @host_gdtr_base: Host GDTR base (6C0CH)
 * @host_idtr_base: Host IDTR base (6C0EH)
 * @host_ia32_sysenter_esp: Host IA32_SYSENTER_ESP (6C10H)
 * @host_ia32_sysenter_eip: Host IA32_SYSENTER_EIP (6C12H)
 * @host_rsp: Host RSP (6C14H)
 * @host_rip: Host RIP (6C16H)
 * @host_ia32_s_cet: Host IA32_S_CET (6C18H)
 * @host_ssp: Host SSP (6C1AH)
 * @host_intr_ssp_table_addr: Host IA32_INTERRUPT_SSP_TABLE_ADDR (6C1CH)
 *
 * One member per field, in encoding order, named after the field and
 * described by its SDM name and encoding (the list above is generated from
 * lib/vmcs.c's encoding table, which maps encodings to members).
 * Natural-width fields are u64 (an Intel 64 processor).
 */
struct hvg_vmcs12 {
	u32 revision_id;
	u32 abort_indicator;
	/* 16-bit control fields */
	u16 vpid;
	u16 posted_intr_nv;
	u16 eptp_index;
	u16 hlat_prefix_size;
	u16 last_pid_pointer_index;
	/* 16-bit guest-state fields */
	u16 guest_es_selector;
	u16 guest_cs_selector;
	u16 guest_ss_selector;
	u16 guest_ds_selector;
	u16 guest_fs_selector;
	u16 guest_gs_selector;
	u16 guest_ldtr_selector;
	u16 guest_tr_selector;
	u16 guest_intr_status;
	u16 pml_index;
	u16 guest_uinv;
	/* 16-bit host-state fields */
	u16 host_es_selector;
	u16 host_cs_selector;
	u16 host_ss_selector;
	u16 host_ds_selector;
	u16 host_fs_selector;
	u16 host_gs_selector;
	u16 host_tr_selector;
	/* 64-bit control fields */
	u64 io_bitmap_a;
	u64 io_bitmap_b;
	u64 msr_bitmap;
	u64 exit_msr_store_addr;
	u64 exit_msr_load_addr;
	u64 entry_msr_load_addr;
	u64 executive_vmcs_ptr;
	u64 pml_address;
	u64 tsc_offset;
	u64 virtual_apic_addr;
	u64 apic_access_addr;
	u64 posted_intr_desc_addr;
	u64 vm_function_controls;
	u64 eptp;
	u64 eoi_exit_bitmap0;
	u64 eoi_exit_bitmap1;
	u64 eoi_exit_bitmap2;
	u64 eoi_exit_bitmap3;
	u64 eptp_list_addr;
	u64 vmread_bitmap;
	u64 vmwrite_bitmap;
	u64 ve_info_addr;
	u64 xss_exit_bitmap;
	u64 encls_exit_bitmap;
	u64 spptp;
	u64 tsc_multiplier;
	u64 tertiary_vm_exec_control;
	u64 enclv_exit_bitmap;
	u64 pasid_dir_low;
	u64 pasid_dir_high;
	u64 shared_eptp;
	u64 pconfig_exit_bitmap;
	u64 hlatp;
	u64 pid_pointer_table;
	u64 secondary_vm_exit_controls;
	u64 spec_ctrl_mask;
	u64 spec_ctrl_shadow;
	/* 64-bit read-only data field */
	u64 guest_physical_address;
	/* 64-bit guest-state fields */
	u64 vmcs_link_pointer;
	u64 guest_ia32_debugctl;
	u64 guest_ia32_pat;
	u64 guest_ia32_efer;
	u64 guest_ia32_perf_global_ctrl;
	u64 guest_pdpte0;
	u64 guest_pdpte1;
	u64 guest_pdpte2;
	u64 guest_pdpte3;
	u64 guest_ia32_bndcfgs;
	u64 guest_ia32_rtit_ctl;
	u64 guest_ia32_lbr_ctl;
	u64 guest_ia32_pkrs;
	u64 guest_ia32_fred_config;
	u64 guest_ia32_fred_rsp1;
	u64 guest_ia32_fred_rsp2;
	u64 guest_ia32_fred_rsp3;
	u64 guest_ia32_fred_stklvls;
	u64 guest_ia32_fred_ssp1;
	u64 guest_ia32_fred_ssp2;
	u64 guest_ia32_fred_ssp3;
	u64 guest_ia32_spec_ctrl;
	/* 64-bit host-state fields */
	u64 host_ia32_pat;
	u64 host_ia32_efer;
	u64 host_ia32_perf_global_ctrl;
	u64 host_ia32_pkrs;
	u64 host_ia32_fred_config;
	u64 host_ia32_fred_rsp1;
	u64 host_ia32_fred_rsp2;
	u64 host_ia32_fred_rsp3;
	u64 host_ia32_fred_stklvls;
	u64 host_ia32_fred_ssp1;
	u64 host_ia32_fred_ssp2;
	u64 host_ia32_fred_ssp3;
	u64 host_ia32_spec_ctrl;
	/* 32-bit control fields */
	u32 pin_based_vm_exec_control;
	u32 primary_vm_exec_control;
	u32 exception_bitmap;
	u32 page_fault_error_code_mask;
	u32 page_fault_error_code_match;
	u32 cr3_target_count;
	u32 vm_exit_controls;
	u32 vm_exit_msr_store_count;
	u32 vm_exit_msr_load_count;
	u32 vm_entry_controls;
	u32 vm_entry_msr_load_count;
	u32 vm_entry_intr_info;
	u32 vm_entry_exception_error_code;
	u32 vm_entry_instruction_len;
	u32 tpr_threshold;
	u32 secondary_vm_exec_control;
	u32 ple_gap;
	u32 ple_window;
	u32 notify_window;
	/* 32-bit read-only data fields */
	u32 vm_instruction_error;
	u32 exit_reason;
	u32 vm_exit_intr_info;
	u32 vm_exit_intr_error_code;
	u32 idt_vectoring_info;
	u32 idt_vectoring_error_code;
	u32 vm_exit_instruction_len;
	u32 vmx_instruction_info;
	/* 32-bit guest-state fields */
	u32 guest_es_limit;
	u32 guest_cs_limit;
	u32 guest_ss_limit;
	u32 guest_ds_limit;
	u32 guest_fs_limit;
	u32 guest_gs_limit;
	u32 guest_ldtr_limit;
	u32 guest_tr_limit;
	u32 guest_gdtr_limit;
	u32 guest_idtr_limit;
	u32 guest_es_ar;
	u32 guest_cs_ar;
	u32 guest_ss_ar;
	u32 guest_ds_ar;
	u32 guest_fs_ar;
	u32 guest_gs_ar;
	u32 guest_ldtr_ar;
	u32 guest_tr_ar;
	u32 guest_interruptibility;
	u32 guest_activity_state;
	u32 guest_smbase;
	u32 guest_ia32_sysenter_cs;
	u32 vmx_preemption_timer_value;
	/* 32-bit host-state field */
	u32 host_ia32_sysenter_cs;
	/* natural-width control fields */
	u64 cr0_guest_host_mask;
	u64 cr4_guest_host_mask;
	u64 cr0_read_shadow;
	u64 cr4_read_shadow;
	u64 cr3_target_value0;
	u64 cr3_target_value1;
	u64 cr3_target_value2;
	u64 cr3_target_value3;
	/* natural-width read-only data fields */
	u64 exit_qualification;
	u64 io_rcx;
	u64 io_rsi;
	u64 io_rdi;
	u64 io_rip;
	u64 guest_linear_address;
	/* natural-width guest-state fields */
	u64 guest_cr0;
	u64 guest_cr3;
	u64 guest_cr4;
	u64 guest_es_base;
	u64 guest_cs_base;
	u64 guest_ss_base;
	u64 guest_ds_base;
	u64 guest_fs_base;
	u64 guest_gs_base;
	u64 guest_ldtr_base;
	u64 guest_tr_base;
	u64 guest_gdtr_base;
	u64 guest_idtr_base;
	u64 guest_dr7;
	u64 guest_rsp;
	u64 guest_rip;
	u64 guest_rflags;
	u64 guest_pending_dbg_exceptions;
	u64 guest_ia32_sysenter_esp;
	u64 guest_ia32_sysenter_eip;
	u64 guest_ia32_s_cet;
	u64 guest_ssp;
	u64 guest_intr_ssp_table_addr;
	/* natural-width host-state fields */
	u64 host_cr0;
	u64 host_cr3;
	u64 host_cr4;
	u64 host_fs_base;
	u64 host_gs_base;
	u64 host_tr_base;
	u64 host_gdtr_base;
	u64 host_idtr_base;
	u64 host_ia32_sysenter_esp;
	u64 host_ia32_sysenter_eip;
	u64 host_rsp;
	u64 host_rip;
	u64 host_ia32_s_cet;
	u64 host_ssp;
	u64 host_intr_ssp_table_addr;
};

/**
 * struct hvg_vmcs_field - one entry of the encoding table
 * @encoding: the field encoding (access type "full")
 * @offset: byte offset of the member in struct hvg_vmcs12
 * @size: bytes of the member: 2, 4 or 8
 * @name: identifier: the SDM name in upper case with words joined by
 *        '_' (shortened where the SDM name is a sentence); tools accept
 *        it in dumps
 * @sdm_name: the field's name in the SDM
 */
struct hvg_vmcs_field {
	u32 encoding;
	u16 offset;
	u8 size;
	const char *name;
	const char *sdm_name;
};

/**
 * hvg_vmcs_nr_fields() - number of fields in the model
 *
 * Return: the number of entries of the encoding table.
 */
u32 hvg_vmcs_nr_fields(void);

/**
 * hvg_vmcs_field_at() - an entry of the encoding table by position
 * @idx: 0 to hvg_vmcs_nr_fields() - 1; the table is sorted by encoding
 *
 * Return: the entry; NULL if @idx is out of range.
 */
const struct hvg_vmcs_field *hvg_vmcs_field_at(u32 idx);

/**
 * hvg_vmcs_field_find() - look up a field encoding
 * @encoding: a VMREAD/VMWRITE encoding; the "high" access type of a 64-bit
 *            field finds that field
 *
 * Return: the field; NULL if the model has no such field, a reserved bit
 * is set, or @encoding is a high access to a field that is not 64-bit.
 */
const struct hvg_vmcs_field *hvg_vmcs_field_find(u32 encoding);

/**
 * hvg_vmcs_vmread() - VMREAD of one field
 * @vmcs: the VMCS
 * @encoding: the field encoding (register or memory operand of VMREAD)
 * @value: filled with the value: 16- and 32-bit fields zero-extended,
 *         64-bit and natural-width fields whole, the high access of a
 *         64-bit field its bits 63:32 in bits 31:0; the caller truncates to
 *         its operand size (32 bits outside 64-bit mode)
 * @vmx_error: filled with 0 (VMsucceed) or the VM-instruction error of a
 *             VMfailValid: HVG_VMXERR_UNSUPPORTED_FIELD (12)
 *
 * Return: 0 (the instruction's outcome is in @vmx_error; @value is
 * untouched when it is not 0); -HVG_EINVAL if a pointer is NULL (nothing
 * written).
 */
int hvg_vmcs_vmread(const struct hvg_vmcs12 *vmcs, u32 encoding, u64 *value,
		    u32 *vmx_error);

struct hvg_vmx_caps;

/**
 * hvg_vmcs_vmwrite() - VMWRITE of one field
 * @vmcs: the VMCS
 * @caps: the capability set L1 sees; only IA32_VMX_MISC bit 29 is used,
 *        and only for a write to a read-only field
 * @encoding: the field encoding
 * @value: the source operand: bits 15:0 go to a 16-bit field, bits 31:0 to
 *         a 32-bit field or to bits 63:32 of a 64-bit field (high access),
 *         all 64 bits to a 64-bit or natural-width field
 * @vmx_error: filled with 0 or the VM-instruction error of a VMfailValid:
 *             12 for an unsupported encoding, 13 for a read-only field
 *             (type "VM-exit information") when IA32_VMX_MISC[29] is 0
 *
 * Return: 0 (outcome in @vmx_error; @vmcs untouched when it is not 0);
 * -HVG_EINVAL if @vmcs, @caps or @vmx_error is NULL; -HVG_ENOTSUP for a
 * write to a read-only field when @caps has no IA32_VMX_MISC, which
 * decides it. Nothing is written on error.
 */
int hvg_vmcs_vmwrite(struct hvg_vmcs12 *vmcs, const struct hvg_vmx_caps *caps,
		     u32 encoding, u64 value, u32 *vmx_error);

/* ---- the capability set (SDM Vol. 3D, appendix A) ---------------------- */

#define HVG_VMX_CAP_FIRST	HVG_MSR_IA32_VMX_BASIC		/* 480H */
#define HVG_VMX_CAP_LAST	HVG_MSR_IA32_VMX_EXIT_CTLS2	/* 493H */
#define HVG_VMX_CAP_NR		(HVG_VMX_CAP_LAST - HVG_VMX_CAP_FIRST + 1)
/* Bit of struct hvg_vmx_caps.present for a capability MSR. */
#define HVG_VMX_CAP_BIT(msr)	BIT((msr) - HVG_VMX_CAP_FIRST)

/* CPUID features the checks depend on (struct hvg_vmx_caps.cpu). */
#define HVG_CPU_LA57		BIT(0)	/* CPUID.(7,0):ECX[16] 5-level paging */
#define HVG_CPU_NX		BIT(1)	/* CPUID.80000001H:EDX[20] EFER.NXE */
#define HVG_CPU_CET_SS		BIT(2)	/* CPUID.(7,0):ECX[7] shadow stacks */
#define HVG_CPU_CET_IBT		BIT(3)	/* CPUID.(7,0):EDX[20] IBT */
#define HVG_CPU_LAM		BIT(4)	/* CPUID.(7,1):EAX[26] LAM */
#define HVG_CPU_SGX		BIT(5)	/* CPUID.(7,0):EBX[2] */
#define HVG_CPU_RTM		BIT(6)	/* CPUID.(7,0):EBX[11] */
#define HVG_CPU_ALL		GENMASK(6, 0)

/* Other inputs of the capability set (struct hvg_vmx_caps.known). */
#define HVG_CAPS_MAXPHYADDR		BIT(0)
#define HVG_CAPS_PERF_GLOBAL_CTRL	BIT(1)	/* @perf_global_ctrl_valid */
#define HVG_CAPS_SPEC_CTRL		BIT(2)	/* @spec_ctrl_valid */

/**
 * struct hvg_vmx_caps - what the (virtual) processor offers to VMX software
 * @msr: IA32_VMX_BASIC (480H) .. IA32_VMX_EXIT_CTLS2 (493H), by index - 480H
 * @present: HVG_VMX_CAP_BIT(msr) set when @msr holds the MSR's value
 * @cpu: HVG_CPU_* features the processor has
 * @cpu_known: HVG_CPU_* features whose presence or absence is known
 * @known: HVG_CAPS_* inputs below that are given
 * @maxphyaddr: physical-address width, CPUID.80000008H:EAX[7:0], 32..52
 * @perf_global_ctrl_valid: bits of IA32_PERF_GLOBAL_CTRL that WRMSR
 *                          accepts (from CPUID.0AH: general-purpose
 *                          counters from bit 0, fixed counters from bit 32)
 * @spec_ctrl_valid: bits of IA32_SPEC_CTRL that WRMSR accepts
 *
 * Build it with hvg_vmx_caps_init() and the setters, which validate, or
 * fill it directly. A value without its presence bit is never used.
 */
struct hvg_vmx_caps {
	u64 msr[HVG_VMX_CAP_NR];
	u32 present;
	u32 cpu;
	u32 cpu_known;
	u32 known;
	u32 maxphyaddr;
	u64 perf_global_ctrl_valid;
	u64 spec_ctrl_valid;
};

/* IA32_VMX_BASIC fields (A.1). */
#define HVG_VMX_BASIC_REVISION		GENMASK_ULL(30, 0)
#define HVG_VMX_BASIC_PA32		BIT_ULL(48)	/* VMX structures below 4G */
#define HVG_VMX_BASIC_DUAL_MONITOR	BIT_ULL(49)
#define HVG_VMX_BASIC_TRUE_CTLS		BIT_ULL(55)
#define HVG_VMX_BASIC_NO_HW_ERRCODE_CC	BIT_ULL(56)
#define HVG_VMX_BASIC_NESTED_EXCEPTION	BIT_ULL(58)

/* IA32_VMX_MISC fields (A.6). */
#define HVG_VMX_MISC_CR3_TARGETS_SHIFT	16		/* bits 24:16 */
#define HVG_VMX_MISC_CR3_TARGETS	GENMASK_ULL(24, 16)
#define HVG_VMX_MISC_MSR_LIST_SHIFT	25		/* bits 27:25 */
#define HVG_VMX_MISC_MSR_LIST		GENMASK_ULL(27, 25)
#define HVG_VMX_MISC_VMWRITE_ALL	BIT_ULL(29)
#define HVG_VMX_MISC_ZERO_LEN_INJECT	BIT_ULL(30)

/* IA32_VMX_EPT_VPID_CAP fields (A.10). */
#define HVG_VMX_EPT_PWL4		BIT_ULL(6)
#define HVG_VMX_EPT_PWL5		BIT_ULL(7)
#define HVG_VMX_EPT_UC			BIT_ULL(8)
#define HVG_VMX_EPT_WB			BIT_ULL(14)
#define HVG_VMX_EPT_AD			BIT_ULL(21)
#define HVG_VMX_EPT_HLAT_PREFIX_SHIFT	48		/* bits 53:48 */
#define HVG_VMX_EPT_HLAT_PREFIX		GENMASK_ULL(53, 48)

/* Control words for hvg_vmx_caps_ctls(). */
#define HVG_VMX_CTLS_PIN		0
#define HVG_VMX_CTLS_PROC		1
#define HVG_VMX_CTLS_EXIT		2
#define HVG_VMX_CTLS_ENTRY		3
#define HVG_VMX_CTLS_PROC2		4
#define HVG_VMX_CTLS_PROC3		5	/* 64-bit, allowed-1 only */
#define HVG_VMX_CTLS_EXIT2		6	/* 64-bit, allowed-1 only */
#define HVG_VMX_CTLS_VMFUNC		7	/* 64-bit, allowed-1 only */
#define HVG_VMX_CTLS_NR			8

/**
 * hvg_vmx_caps_init() - an empty capability set: nothing present or known
 * @caps: the set
 *
 * Return: 0; -HVG_EINVAL if @caps is NULL.
 */
int hvg_vmx_caps_init(struct hvg_vmx_caps *caps);

/**
 * hvg_vmx_caps_set_msr() - give the value of one capability MSR
 * @caps: the set
 * @msr: 480H..493H
 * @value: the MSR's value
 *
 * Return: 0; -HVG_EINVAL if @caps is NULL; -HVG_ERANGE if @msr is not a
 * capability MSR (@caps untouched).
 */
int hvg_vmx_caps_set_msr(struct hvg_vmx_caps *caps, u32 msr, u64 value);

/**
 * hvg_vmx_caps_get_msr() - the value of one capability MSR
 * @caps: the set
 * @msr: 480H..493H
 * @value: filled with the value
 *
 * Return: 0; -HVG_EINVAL if a pointer is NULL; -HVG_ERANGE if @msr is not
 * a capability MSR; -HVG_ENOENT if the set does not have it (@value
 * untouched on error).
 */
int hvg_vmx_caps_get_msr(const struct hvg_vmx_caps *caps, u32 msr,
			 u64 *value);

/**
 * hvg_vmx_caps_set_maxphyaddr() - give the physical-address width
 * @caps: the set
 * @width: CPUID.80000008H:EAX[7:0]
 *
 * Return: 0; -HVG_EINVAL if @caps is NULL; -HVG_ERANGE if @width is not in
 * 32..52 (@caps untouched).
 */
int hvg_vmx_caps_set_maxphyaddr(struct hvg_vmx_caps *caps, u32 width);

/**
 * hvg_vmx_caps_set_cpu() - give CPUID features
 * @caps: the set
 * @mask: HVG_CPU_* features now known
 * @features: which of @mask the processor has (bits outside @mask ignored)
 *
 * Return: 0; -HVG_EINVAL if @caps is NULL or @mask has bits outside
 * HVG_CPU_ALL (@caps untouched).
 */
int hvg_vmx_caps_set_cpu(struct hvg_vmx_caps *caps, u32 mask, u32 features);

/**
 * hvg_vmx_caps_ctls() - allowed settings of one control word
 * @caps: the set
 * @which: HVG_VMX_CTLS_*
 * @allowed0: filled with the bits that must be 1 (the allowed-0 settings
 *            that are 1); 0 for the 64-bit words
 * @allowed1: filled with the bits that may be 1
 *
 * For the pin-based, primary processor-based, VM-exit and VM-entry
 * controls the SDM's TRUE_ rule applies (A.2): when IA32_VMX_BASIC[55] is
 * 1 the values come from the IA32_VMX_TRUE_* MSR (48DH-490H), which may
 * clear default1 bits; otherwise from the plain MSR. So IA32_VMX_BASIC
 * is needed to know which MSR applies. Secondary controls use
 * IA32_VMX_PROCBASED_CTLS2 (low half allowed-0, high half allowed-1);
 * tertiary controls, secondary VM-exit controls and VM functions are
 * 64-bit allowed-1 masks (IA32_VMX_PROCBASED_CTLS3, IA32_VMX_EXIT_CTLS2,
 * IA32_VMX_VMFUNC).
 *
 * Return: 0; -HVG_EINVAL if a pointer is NULL or @which is unknown;
 * -HVG_ENOENT if an MSR the rule needs is not in the set (outputs
 * untouched on error).
 */
int hvg_vmx_caps_ctls(const struct hvg_vmx_caps *caps, u32 which,
		      u64 *allowed0, u64 *allowed1);

/**
 * hvg_vmx_ctls_valid() - the allowed-0/allowed-1 rule of SDM appendix A
 * @value: a control word
 * @allowed0: bits that must be 1
 * @allowed1: bits that may be 1
 *
 * Also the CR0/CR4 fixed-bit rule (A.7, A.8) with FIXED0 and FIXED1.
 *
 * Return: true iff every bit of @allowed0 is set in @value and no bit
 * outside @allowed1 is.
 */
static inline bool hvg_vmx_ctls_valid(u64 value, u64 allowed0, u64 allowed1)
{
	return (value & allowed0) == allowed0 && !(value & ~allowed1);
}

/* ---- control bits (SDM Vol. 3C, "VM-Execution Control Fields" etc.) ---- */

/* Pin-based VM-execution controls (4000H). */
#define HVG_PIN_EXT_INTR		BIT(0)
#define HVG_PIN_NMI_EXITING		BIT(3)
#define HVG_PIN_VIRTUAL_NMIS		BIT(5)
#define HVG_PIN_PREEMPTION_TIMER	BIT(6)
#define HVG_PIN_POSTED_INTR		BIT(7)

/* Primary processor-based VM-execution controls (4002H). */
#define HVG_PROC_INTR_WINDOW		BIT(2)
#define HVG_PROC_TSC_OFFSETTING		BIT(3)
#define HVG_PROC_HLT_EXITING		BIT(7)
#define HVG_PROC_TERTIARY		BIT(17)
#define HVG_PROC_TPR_SHADOW		BIT(21)
#define HVG_PROC_NMI_WINDOW		BIT(22)
#define HVG_PROC_UNCOND_IO		BIT(24)
#define HVG_PROC_IO_BITMAPS		BIT(25)
#define HVG_PROC_MTF			BIT(27)
#define HVG_PROC_MSR_BITMAPS		BIT(28)
#define HVG_PROC_SECONDARY		BIT(31)

/* Secondary processor-based VM-execution controls (401EH). */
#define HVG_PROC2_VIRT_APIC_ACCESS	BIT(0)
#define HVG_PROC2_EPT			BIT(1)
#define HVG_PROC2_DESC_TABLE		BIT(2)
#define HVG_PROC2_RDTSCP		BIT(3)
#define HVG_PROC2_VIRT_X2APIC		BIT(4)
#define HVG_PROC2_VPID			BIT(5)
#define HVG_PROC2_WBINVD		BIT(6)
#define HVG_PROC2_UNRESTRICTED		BIT(7)
#define HVG_PROC2_APIC_REG_VIRT		BIT(8)
#define HVG_PROC2_VID			BIT(9)
#define HVG_PROC2_PLE			BIT(10)
#define HVG_PROC2_RDRAND		BIT(11)
#define HVG_PROC2_INVPCID		BIT(12)
#define HVG_PROC2_VMFUNC		BIT(13)
#define HVG_PROC2_SHADOW_VMCS		BIT(14)
#define HVG_PROC2_ENCLS			BIT(15)
#define HVG_PROC2_RDSEED		BIT(16)
#define HVG_PROC2_PML			BIT(17)
#define HVG_PROC2_EPT_VE		BIT(18)
#define HVG_PROC2_PT_CONCEAL		BIT(19)
#define HVG_PROC2_XSAVES		BIT(20)
#define HVG_PROC2_PASID_TRANSLATION	BIT(21)
#define HVG_PROC2_MBEC			BIT(22)
#define HVG_PROC2_SPP			BIT(23)
#define HVG_PROC2_PT_GPA		BIT(24)
#define HVG_PROC2_TSC_SCALING		BIT(25)
#define HVG_PROC2_USER_WAIT_PAUSE	BIT(26)
#define HVG_PROC2_PCONFIG		BIT(27)
#define HVG_PROC2_ENCLV			BIT(28)
#define HVG_PROC2_BUS_LOCK		BIT(30)
#define HVG_PROC2_NOTIFY		BIT(31)

/* Tertiary processor-based VM-execution controls (2034H). */
#define HVG_PROC3_LOADIWKEY		BIT_ULL(0)
#define HVG_PROC3_HLAT			BIT_ULL(1)
#define HVG_PROC3_EPT_PAGING_WRITE	BIT_ULL(2)
#define HVG_PROC3_GUEST_PAGING_VERIFY	BIT_ULL(3)
#define HVG_PROC3_IPI_VIRT		BIT_ULL(4)
#define HVG_PROC3_VIRT_SPEC_CTRL	BIT_ULL(7)

/* VM functions (2018H). */
#define HVG_VMFUNC_EPTP_SWITCHING	BIT_ULL(0)

/* Primary VM-exit controls (400CH). */
#define HVG_EXIT_SAVE_DEBUG		BIT(2)
#define HVG_EXIT_HOST_ADDR_SPACE	BIT(9)
#define HVG_EXIT_LOAD_PERF_GLOBAL	BIT(12)
#define HVG_EXIT_ACK_INTR		BIT(15)
#define HVG_EXIT_SAVE_PAT		BIT(18)
#define HVG_EXIT_LOAD_PAT		BIT(19)
#define HVG_EXIT_SAVE_EFER		BIT(20)
#define HVG_EXIT_LOAD_EFER		BIT(21)
#define HVG_EXIT_SAVE_PREEMPT_TIMER	BIT(22)
#define HVG_EXIT_CLEAR_BNDCFGS		BIT(23)
#define HVG_EXIT_PT_CONCEAL		BIT(24)
#define HVG_EXIT_CLEAR_RTIT_CTL		BIT(25)
#define HVG_EXIT_CLEAR_LBR_CTL		BIT(26)
#define HVG_EXIT_CLEAR_UINV		BIT(27)
#define HVG_EXIT_LOAD_CET		BIT(28)
#define HVG_EXIT_LOAD_PKRS		BIT(29)
#define HVG_EXIT_SAVE_PERF_GLOBAL	BIT(30)
#define HVG_EXIT_SECONDARY		BIT(31)

/* Secondary VM-exit controls (2044H). */
#define HVG_EXIT2_SAVE_FRED		BIT_ULL(0)
#define HVG_EXIT2_LOAD_FRED		BIT_ULL(1)
#define HVG_EXIT2_LOAD_SPEC_CTRL	BIT_ULL(2)
#define HVG_EXIT2_PREMATURE_BUSY_SS	BIT_ULL(3)

/* VM-entry controls (4012H). */
#define HVG_ENTRY_LOAD_DEBUG		BIT(2)
#define HVG_ENTRY_IA32E_MODE		BIT(9)
#define HVG_ENTRY_SMM			BIT(10)
#define HVG_ENTRY_DEACT_DUAL_MONITOR	BIT(11)
#define HVG_ENTRY_LOAD_PERF_GLOBAL	BIT(13)
#define HVG_ENTRY_LOAD_PAT		BIT(14)
#define HVG_ENTRY_LOAD_EFER		BIT(15)
#define HVG_ENTRY_LOAD_BNDCFGS		BIT(16)
#define HVG_ENTRY_PT_CONCEAL		BIT(17)
#define HVG_ENTRY_LOAD_RTIT_CTL		BIT(18)
#define HVG_ENTRY_LOAD_UINV		BIT(19)
#define HVG_ENTRY_LOAD_CET		BIT(20)
#define HVG_ENTRY_LOAD_LBR_CTL		BIT(21)
#define HVG_ENTRY_LOAD_PKRS		BIT(22)
#define HVG_ENTRY_LOAD_FRED		BIT(23)
#define HVG_ENTRY_LOAD_SPEC_CTRL	BIT(24)

/* VM-entry interruption-information field (4016H). */
#define HVG_INTR_INFO_VECTOR		GENMASK(7, 0)
#define HVG_INTR_INFO_TYPE_SHIFT	8
#define HVG_INTR_INFO_TYPE		GENMASK(10, 8)
#define HVG_INTR_INFO_DELIVER_CODE	BIT(11)
#define HVG_INTR_INFO_NESTED_EXCEPTION	BIT(13)
#define HVG_INTR_INFO_RESERVED		GENMASK(30, 12)
#define HVG_INTR_INFO_VALID		BIT(31)

/* Interruption types (bits 10:8). */
#define HVG_INTR_TYPE_EXT_INTR		0
#define HVG_INTR_TYPE_RESERVED		1
#define HVG_INTR_TYPE_NMI		2
#define HVG_INTR_TYPE_HW_EXCEPTION	3
#define HVG_INTR_TYPE_SW_INTR		4
#define HVG_INTR_TYPE_PRIV_SW_EXCEPTION	5
#define HVG_INTR_TYPE_SW_EXCEPTION	6
#define HVG_INTR_TYPE_OTHER_EVENT	7

/* Control registers, EFER and CET bits the checks name. */
#define HVG_CR0_PE			BIT_ULL(0)
#define HVG_CR0_WP			BIT_ULL(16)
#define HVG_CR0_PG			BIT_ULL(31)
#define HVG_CR4_PAE			BIT_ULL(5)
#define HVG_CR4_LA57			BIT_ULL(12)
#define HVG_CR4_VMXE			BIT_ULL(13)
#define HVG_CR4_PCIDE			BIT_ULL(17)
#define HVG_CR4_CET			BIT_ULL(23)
#define HVG_CR4_FRED			BIT_ULL(32)
#define HVG_EFER_SCE			BIT_ULL(0)
#define HVG_EFER_LME			BIT_ULL(8)
#define HVG_EFER_LMA			BIT_ULL(10)
#define HVG_EFER_NXE			BIT_ULL(11)
#define HVG_CET_RESERVED		GENMASK_ULL(9, 6)
#define HVG_CET_SUPPRESS		BIT_ULL(10)
#define HVG_CET_TRACKER			BIT_ULL(11)

#endif /* HVGATE_VMCS_H */
