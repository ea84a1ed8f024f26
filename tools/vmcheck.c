// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * hvgate-vmcheck: explain why a VMLAUNCH/VMRESUME failed (or would fail)
 * from a dump of the VMCS.
 *
 * usage: hvgate-vmcheck [--cpu NAME] [--caps FILE] [--json] DUMP
 *        hvgate-vmcheck --list-cpus
 *
 * DUMP holds "FIELD = value" lines (tools/vmcheck.h names them), with the
 * capability MSRs in it or in --caps FILE or from a built-in --cpu
 * profile (applied first: --cpu, then --caps, then DUMP). Every check of
 * lib/vmentry.c runs in collect-all mode; the tool prints the outcome and
 * each failing check with its catalogue ID, SDM section and the values it
 * read, and the checks it could not evaluate for lack of an input.
 *
 * Exit status: 0 the entry would proceed, 1 it fails, 2 nothing failed
 * but some checks were not evaluated, 3 bad usage, 4 bad input.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "vmcheck.h"

/*
 * What each check reads, by name (the catalogue's "Fields / MSRs"
 * column): printed with their values next to a failing or not evaluated
 * check. "ctl:WORD" names the MSR the TRUE_ rule designates for a control
 * word.
 */
static const char *const reads[HVG_DIAG_NR] = {
	[HVG_DIAG_PRE_04] = "CURRENT_VMCS_POINTER",
	[HVG_DIAG_PRE_05] = "VMCS_REVISION_ID",
	[HVG_DIAG_PRE_06] = "MOV_SS_BLOCKING",
	[HVG_DIAG_PRE_07] = "INSTRUCTION LAUNCH_STATE",
	[HVG_DIAG_PRE_08] = "INSTRUCTION LAUNCH_STATE",
	[HVG_DIAG_CTL_EXEC_01] = "PIN_BASED_VM_EXEC_CONTROLS ctl:PIN",
	[HVG_DIAG_CTL_EXEC_02] = "PIN_BASED_VM_EXEC_CONTROLS ctl:PIN",
	[HVG_DIAG_CTL_EXEC_03] = "PRIMARY_VM_EXEC_CONTROLS ctl:PROC",
	[HVG_DIAG_CTL_EXEC_04] = "PRIMARY_VM_EXEC_CONTROLS ctl:PROC",
	[HVG_DIAG_CTL_EXEC_05] = "SECONDARY_VM_EXEC_CONTROLS IA32_VMX_PROCBASED_CTLS2",
	[HVG_DIAG_CTL_EXEC_06] = "SECONDARY_VM_EXEC_CONTROLS IA32_VMX_PROCBASED_CTLS2",
	[HVG_DIAG_CTL_EXEC_07] = "TERTIARY_VM_EXEC_CONTROLS IA32_VMX_PROCBASED_CTLS3",
	[HVG_DIAG_CTL_EXEC_08] = "CR3_TARGET_COUNT IA32_VMX_MISC",
	[HVG_DIAG_CTL_EXEC_09] = "IO_BITMAP_A_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXEC_10] = "IO_BITMAP_B_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXEC_11] = "MSR_BITMAP_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXEC_12] = "VIRTUAL_APIC_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXEC_13] = "TPR_THRESHOLD SECONDARY_VM_EXEC_CONTROLS",
	[HVG_DIAG_CTL_EXEC_14] = "TPR_THRESHOLD VTPR",
	[HVG_DIAG_CTL_EXEC_15] = "PIN_BASED_VM_EXEC_CONTROLS",
	[HVG_DIAG_CTL_EXEC_16] = "PIN_BASED_VM_EXEC_CONTROLS PRIMARY_VM_EXEC_CONTROLS",
	[HVG_DIAG_CTL_EXEC_17] = "APIC_ACCESS_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXEC_18] = "PRIMARY_VM_EXEC_CONTROLS SECONDARY_VM_EXEC_CONTROLS",
	[HVG_DIAG_CTL_EXEC_19] = "PRIMARY_VM_EXEC_CONTROLS SECONDARY_VM_EXEC_CONTROLS",
	[HVG_DIAG_CTL_EXEC_20] = "PRIMARY_VM_EXEC_CONTROLS SECONDARY_VM_EXEC_CONTROLS",
	[HVG_DIAG_CTL_EXEC_21] = "SECONDARY_VM_EXEC_CONTROLS",
	[HVG_DIAG_CTL_EXEC_22] = "SECONDARY_VM_EXEC_CONTROLS PIN_BASED_VM_EXEC_CONTROLS",
	[HVG_DIAG_CTL_EXEC_23] = "PIN_BASED_VM_EXEC_CONTROLS SECONDARY_VM_EXEC_CONTROLS",
	[HVG_DIAG_CTL_EXEC_24] = "PIN_BASED_VM_EXEC_CONTROLS PRIMARY_VM_EXIT_CONTROLS",
	[HVG_DIAG_CTL_EXEC_25] = "POSTED_INTR_NOTIFICATION_VECTOR",
	[HVG_DIAG_CTL_EXEC_26] = "POSTED_INTR_DESC_ADDRESS",
	[HVG_DIAG_CTL_EXEC_27] = "POSTED_INTR_DESC_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXEC_28] = "VIRTUAL_PROCESSOR_ID",
	[HVG_DIAG_CTL_EXEC_29] = "EPT_POINTER IA32_VMX_EPT_VPID_CAP",
	[HVG_DIAG_CTL_EXEC_30] = "EPT_POINTER IA32_VMX_EPT_VPID_CAP",
	[HVG_DIAG_CTL_EXEC_31] = "EPT_POINTER IA32_VMX_EPT_VPID_CAP",
	[HVG_DIAG_CTL_EXEC_32] = "EPT_POINTER CPUID.CET_SS",
	[HVG_DIAG_CTL_EXEC_33] = "EPT_POINTER MAXPHYADDR",
	[HVG_DIAG_CTL_EXEC_34] = "SECONDARY_VM_EXEC_CONTROLS",
	[HVG_DIAG_CTL_EXEC_35] = "PML_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXEC_36] = "SECONDARY_VM_EXEC_CONTROLS",
	[HVG_DIAG_CTL_EXEC_37] = "SECONDARY_VM_EXEC_CONTROLS",
	[HVG_DIAG_CTL_EXEC_38] = "SECONDARY_VM_EXEC_CONTROLS",
	[HVG_DIAG_CTL_EXEC_39] = "SPP_TABLE_POINTER MAXPHYADDR",
	[HVG_DIAG_CTL_EXEC_40] = "VM_FUNCTION_CONTROLS IA32_VMX_VMFUNC",
	[HVG_DIAG_CTL_EXEC_41] = "VM_FUNCTION_CONTROLS SECONDARY_VM_EXEC_CONTROLS",
	[HVG_DIAG_CTL_EXEC_42] = "EPTP_LIST_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXEC_43] = "VMREAD_BITMAP_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXEC_44] = "VMWRITE_BITMAP_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXEC_45] = "VE_INFORMATION_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXEC_46] = "SECONDARY_VM_EXEC_CONTROLS VM_ENTRY_CONTROLS PRIMARY_VM_EXIT_CONTROLS",
	[HVG_DIAG_CTL_EXEC_47] = "TSC_MULTIPLIER",
	[HVG_DIAG_CTL_EXEC_48] = "PRIMARY_VM_EXEC_CONTROLS PID_POINTER_TABLE_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXEC_49] = "TERTIARY_VM_EXEC_CONTROLS SECONDARY_VM_EXEC_CONTROLS HLAT_POINTER HLAT_PREFIX_SIZE IA32_VMX_EPT_VPID_CAP",
	[HVG_DIAG_CTL_EXIT_01] = "PRIMARY_VM_EXIT_CONTROLS ctl:EXIT",
	[HVG_DIAG_CTL_EXIT_02] = "PRIMARY_VM_EXIT_CONTROLS ctl:EXIT",
	[HVG_DIAG_CTL_EXIT_03] = "SECONDARY_VM_EXIT_CONTROLS IA32_VMX_EXIT_CTLS2",
	[HVG_DIAG_CTL_EXIT_04] = "PIN_BASED_VM_EXEC_CONTROLS PRIMARY_VM_EXIT_CONTROLS",
	[HVG_DIAG_CTL_EXIT_05] = "VM_EXIT_MSR_STORE_COUNT VM_EXIT_MSR_STORE_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXIT_06] = "VM_EXIT_MSR_STORE_COUNT VM_EXIT_MSR_STORE_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXIT_07] = "VM_EXIT_MSR_LOAD_COUNT VM_EXIT_MSR_LOAD_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_EXIT_08] = "VM_EXIT_MSR_LOAD_COUNT VM_EXIT_MSR_LOAD_ADDRESS MAXPHYADDR",
	[HVG_DIAG_CTL_ENT_01] = "VM_ENTRY_CONTROLS ctl:ENTRY",
	[HVG_DIAG_CTL_ENT_02] = "VM_ENTRY_CONTROLS ctl:ENTRY",
	[HVG_DIAG_CTL_ENT_03] = "VM_ENTRY_CONTROLS",
	[HVG_DIAG_CTL_ENT_04] = "VM_ENTRY_CONTROLS",
	[HVG_DIAG_CTL_ENT_05] = "VM_ENTRY_CONTROLS",
	[HVG_DIAG_INJ_01] = "VM_ENTRY_INTERRUPTION_INFO",
	[HVG_DIAG_INJ_02] = "VM_ENTRY_INTERRUPTION_INFO ctl:PROC",
	[HVG_DIAG_INJ_03] = "VM_ENTRY_INTERRUPTION_INFO",
	[HVG_DIAG_INJ_04] = "VM_ENTRY_INTERRUPTION_INFO",
	[HVG_DIAG_INJ_05] = "VM_ENTRY_INTERRUPTION_INFO GUEST_CR4 VM_ENTRY_CONTROLS",
	[HVG_DIAG_INJ_06] = "VM_ENTRY_INTERRUPTION_INFO",
	[HVG_DIAG_INJ_07] = "VM_ENTRY_INTERRUPTION_INFO SECONDARY_VM_EXEC_CONTROLS GUEST_CR0",
	[HVG_DIAG_INJ_08] = "VM_ENTRY_INTERRUPTION_INFO IA32_VMX_BASIC",
	[HVG_DIAG_INJ_09] = "VM_ENTRY_INTERRUPTION_INFO IA32_VMX_BASIC",
	[HVG_DIAG_INJ_10] = "VM_ENTRY_INTERRUPTION_INFO VM_ENTRY_EXCEPTION_ERROR_CODE",
	[HVG_DIAG_INJ_11] = "VM_ENTRY_INTERRUPTION_INFO VM_ENTRY_INSTRUCTION_LENGTH IA32_VMX_MISC",
	[HVG_DIAG_INJ_12] = "VM_ENTRY_INTERRUPTION_INFO IA32_VMX_BASIC",
	[HVG_DIAG_INJ_13] = "VM_ENTRY_INTERRUPTION_INFO VM_ENTRY_INSTRUCTION_LENGTH",
	[HVG_DIAG_MSR_AREA_01] = "VM_ENTRY_MSR_LOAD_COUNT VM_ENTRY_MSR_LOAD_ADDRESS",
	[HVG_DIAG_MSR_AREA_02] = "VM_ENTRY_MSR_LOAD_COUNT VM_ENTRY_MSR_LOAD_ADDRESS MAXPHYADDR",
	[HVG_DIAG_MSR_AREA_03] = "VM_ENTRY_MSR_LOAD_COUNT VM_ENTRY_MSR_LOAD_ADDRESS MAXPHYADDR",
	[HVG_DIAG_HOST_AS_01] = "VM_ENTRY_CONTROLS IA32_EFER_LMA",
	[HVG_DIAG_HOST_AS_02] = "PRIMARY_VM_EXIT_CONTROLS IA32_EFER_LMA",
	[HVG_DIAG_HOST_AS_03] = "PRIMARY_VM_EXIT_CONTROLS IA32_EFER_LMA",
	[HVG_DIAG_HOST_AS_04] = "PRIMARY_VM_EXIT_CONTROLS VM_ENTRY_CONTROLS",
	[HVG_DIAG_HOST_AS_05] = "PRIMARY_VM_EXIT_CONTROLS HOST_CR4",
	[HVG_DIAG_HOST_AS_06] = "PRIMARY_VM_EXIT_CONTROLS HOST_RIP",
	[HVG_DIAG_HOST_AS_07] = "PRIMARY_VM_EXIT_CONTROLS HOST_CR4",
	[HVG_DIAG_HOST_AS_08] = "HOST_RIP HOST_CR4",
	[HVG_DIAG_HOST_CR_01] = "HOST_CR0 IA32_VMX_CR0_FIXED0 IA32_VMX_CR0_FIXED1",
	[HVG_DIAG_HOST_CR_02] = "HOST_CR4 IA32_VMX_CR4_FIXED0 IA32_VMX_CR4_FIXED1",
	[HVG_DIAG_HOST_CR_03] = "HOST_CR3 MAXPHYADDR CPUID.LAM",
	[HVG_DIAG_HOST_CR_04] = "HOST_CR4 HOST_CR0",
	[HVG_DIAG_HOST_CR_05] = "HOST_IA32_SYSENTER_ESP CPUID.LA57",
	[HVG_DIAG_HOST_CR_06] = "HOST_IA32_SYSENTER_EIP CPUID.LA57",
	[HVG_DIAG_HOST_CR_07] = "HOST_IA32_PERF_GLOBAL_CTRL PERF_GLOBAL_CTRL_VALID",
	[HVG_DIAG_HOST_CR_08] = "HOST_IA32_PAT",
	[HVG_DIAG_HOST_CR_09] = "HOST_IA32_EFER CPUID.NX",
	[HVG_DIAG_HOST_CR_10] = "HOST_IA32_EFER PRIMARY_VM_EXIT_CONTROLS",
	[HVG_DIAG_HOST_CR_11] = "HOST_IA32_EFER PRIMARY_VM_EXIT_CONTROLS",
	[HVG_DIAG_HOST_CR_12] = "HOST_IA32_S_CET CPUID.LA57",
	[HVG_DIAG_HOST_CR_13] = "HOST_INTERRUPT_SSP_TABLE_ADDR CPUID.LA57",
	[HVG_DIAG_HOST_CR_14] = "HOST_SSP",
	[HVG_DIAG_HOST_CR_15] = "HOST_SSP PRIMARY_VM_EXIT_CONTROLS CPUID.LA57",
	[HVG_DIAG_HOST_CR_16] = "HOST_IA32_PKRS",
	[HVG_DIAG_HOST_CR_17] = "HOST_IA32_FRED_CONFIG CPUID.LA57",
	[HVG_DIAG_HOST_CR_18] = "HOST_IA32_FRED_RSP1 HOST_IA32_FRED_RSP2 HOST_IA32_FRED_RSP3 CPUID.LA57",
	[HVG_DIAG_HOST_CR_19] = "HOST_IA32_FRED_SSP1 HOST_IA32_FRED_SSP2 HOST_IA32_FRED_SSP3 CPUID.LA57",
	[HVG_DIAG_HOST_CR_20] = "HOST_IA32_SPEC_CTRL SPEC_CTRL_VALID",
	[HVG_DIAG_HOST_SEG_01] = "HOST_CS_SELECTOR",
	[HVG_DIAG_HOST_SEG_02] = "HOST_SS_SELECTOR",
	[HVG_DIAG_HOST_SEG_03] = "HOST_DS_SELECTOR",
	[HVG_DIAG_HOST_SEG_04] = "HOST_ES_SELECTOR",
	[HVG_DIAG_HOST_SEG_05] = "HOST_FS_SELECTOR",
	[HVG_DIAG_HOST_SEG_06] = "HOST_GS_SELECTOR",
	[HVG_DIAG_HOST_SEG_07] = "HOST_TR_SELECTOR",
	[HVG_DIAG_HOST_SEG_08] = "HOST_CS_SELECTOR",
	[HVG_DIAG_HOST_SEG_09] = "HOST_TR_SELECTOR",
	[HVG_DIAG_HOST_SEG_10] = "HOST_SS_SELECTOR PRIMARY_VM_EXIT_CONTROLS",
	[HVG_DIAG_HOST_SEG_11] = "HOST_FS_BASE CPUID.LA57",
	[HVG_DIAG_HOST_SEG_12] = "HOST_GS_BASE CPUID.LA57",
	[HVG_DIAG_HOST_SEG_13] = "HOST_GDTR_BASE CPUID.LA57",
	[HVG_DIAG_HOST_SEG_14] = "HOST_IDTR_BASE CPUID.LA57",
	[HVG_DIAG_HOST_SEG_15] = "HOST_TR_BASE CPUID.LA57",
};

/* The value of one name of reads[]; false (and "absent") if not given. */
static bool value_of(const struct vmcheck_input *in, const char *name,
		     char *buf, size_t len)
{
	static const struct {
		const char *word;
		u32 which;
	} ctl[] = {
		{ "PIN", HVG_VMX_CTLS_PIN }, { "PROC", HVG_VMX_CTLS_PROC },
		{ "EXIT", HVG_VMX_CTLS_EXIT }, { "ENTRY", HVG_VMX_CTLS_ENTRY },
	};
	const struct hvg_vmx_caps *c = &in->caps;
	const struct hvg_vmentry_env *e = &in->env;
	const struct hvg_vmcs_field *f;
	char msr_name[48];
	u64 v = 0, a0, a1;
	u32 i, m;

	snprintf(buf, len, "absent");
	if (!strncmp(name, "ctl:", 4)) {
		for (i = 0; i < ARRAY_SIZE(ctl); i++)
			if (!strcmp(name + 4, ctl[i].word) &&
			    !hvg_vmx_caps_ctls(c, ctl[i].which, &a0, &a1)) {
				snprintf(buf, len, "allowed-0 %#llx allowed-1 %#llx",
					 (unsigned long long)a0,
					 (unsigned long long)a1);
				return true;
			}
		return false;
	}
	for (i = 0; (f = hvg_vmcs_field_at(i)); i++) {
		if (strcmp(f->name, name))
			continue;
		memcpy(&v, (const u8 *)&in->vmcs + f->offset, f->size);
		snprintf(buf, len, "%#llx", (unsigned long long)v);
		return true;
	}
	for (m = HVG_VMX_CAP_FIRST; m <= HVG_VMX_CAP_LAST; m++)
		if (hvg_msr_name(m, msr_name, sizeof(msr_name)) &&
		    !strcmp(msr_name, name)) {
			if (hvg_vmx_caps_get_msr(c, m, &v))
				return false;
			snprintf(buf, len, "%#llx", (unsigned long long)v);
			return true;
		}
	if (!strcmp(name, "VMCS_REVISION_ID")) {
		snprintf(buf, len, "%#x", in->vmcs.revision_id);
		return true;
	}
	if (!strcmp(name, "MAXPHYADDR")) {
		if (!(c->known & HVG_CAPS_MAXPHYADDR))
			return false;
		snprintf(buf, len, "%u", c->maxphyaddr);
		return true;
	}
	if (!strncmp(name, "CPUID.", 6)) {
		u32 bit = !strcmp(name, "CPUID.LA57") ? HVG_CPU_LA57 :
			  !strcmp(name, "CPUID.NX") ? HVG_CPU_NX :
			  !strcmp(name, "CPUID.CET_SS") ? HVG_CPU_CET_SS :
			  HVG_CPU_LAM;

		if (!(c->cpu_known & bit))
			return false;
		snprintf(buf, len, "%d", !!(c->cpu & bit));
		return true;
	}
	if (!strcmp(name, "PERF_GLOBAL_CTRL_VALID") ||
	    !strcmp(name, "SPEC_CTRL_VALID")) {
		bool perf = name[0] == 'P';

		if (!(c->known & (perf ? HVG_CAPS_PERF_GLOBAL_CTRL :
					 HVG_CAPS_SPEC_CTRL)))
			return false;
		snprintf(buf, len, "%#llx", (unsigned long long)
			 (perf ? c->perf_global_ctrl_valid : c->spec_ctrl_valid));
		return true;
	}
	if (!strcmp(name, "CURRENT_VMCS_POINTER")) {
		if (!(e->known & HVG_ENV_VMCS_PTR))
			return false;
		if (e->vmcs_ptr == HVG_VMCS_PTR_NONE)
			snprintf(buf, len, "none");
		else
			snprintf(buf, len, "%#llx",
				 (unsigned long long)e->vmcs_ptr);
		return true;
	}
	if (!strcmp(name, "INSTRUCTION") || !strcmp(name, "LAUNCH_STATE")) {
		bool insn = name[0] == 'I';

		if (!(insn ? in->insn_given : in->state_given))
			return false;
		snprintf(buf, len, "%s", insn ? (e->vmresume ? "VMRESUME" :
							       "VMLAUNCH") :
						(e->launched ? "launched" :
							       "clear"));
		return true;
	}
	if (!strcmp(name, "MOV_SS_BLOCKING") || !strcmp(name, "IA32_EFER_LMA")) {
		bool lma = name[0] == 'I';

		if (!(e->known & (lma ? HVG_ENV_LMA : HVG_ENV_MOV_SS)))
			return false;
		snprintf(buf, len, "%d", lma ? e->lma : e->mov_ss_blocking);
		return true;
	}
	/* VTPR */
	if (!(e->known & HVG_ENV_VTPR))
		return false;
	snprintf(buf, len, "%#x", e->vtpr);
	return true;
}

static const char *outcome_name(u32 outcome)
{
	static const char *const names[] = {
		[HVG_VMENTRY_PROCEED] = "proceed",
		[HVG_VMENTRY_VMFAIL_INVALID] = "vmfail-invalid",
		[HVG_VMENTRY_VMFAIL_VALID] = "vmfail-valid",
		[HVG_VMENTRY_FAIL_EXIT] = "fail-exit",
		[HVG_VMENTRY_INCOMPLETE] = "incomplete",
	};

	return outcome < ARRAY_SIZE(names) ? names[outcome] : "?";
}

static const char *error_text(u32 error)
{
	switch (error) {
	case HVG_VMXERR_VMLAUNCH_NONCLEAR:
		return "VMLAUNCH with non-clear VMCS";
	case HVG_VMXERR_VMRESUME_NONLAUNCHED:
		return "VMRESUME with non-launched VMCS";
	case HVG_VMXERR_ENTRY_INVALID_CONTROL:
		return "VM entry with invalid control field(s)";
	case HVG_VMXERR_ENTRY_INVALID_HOST:
		return "VM entry with invalid host-state field(s)";
	default:
		return "VM entry with events blocked by MOV SS";
	}
}

/* Print "NAME = value" for each name of a check, text or JSON. */
static void print_values(FILE *out, const struct vmcheck_input *in, u32 d,
			 bool json)
{
	char names[256], val[96], *tok, *save;
	bool first = true;

	snprintf(names, sizeof(names), "%s", reads[d] ? reads[d] : "");
	for (tok = strtok_r(names, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save)) {
		bool known = value_of(in, tok, val, sizeof(val));

		bool ctl = !strncmp(tok, "ctl:", 4);
		char label[48];

		snprintf(label, sizeof(label), "%s%s", ctl ? "allowed " : "",
			 tok + (ctl ? 4 : 0));
		if (json)
			fprintf(out, "%s\"%s\": \"%s\"", first ? "" : ", ",
				label, known ? val : "absent");
		else
			fprintf(out, "      %-32s %s\n", label, val);
		first = false;
	}
}

static void print_text(FILE *out, const struct vmcheck_input *in,
		       const struct hvg_vmentry_result *r, const u32 *failed,
		       u32 cover)
{
	const struct hvg_vmentry_diag_info *d;
	u32 i, n = r->nr_failed < HVG_DIAG_NR ? r->nr_failed : HVG_DIAG_NR;

	switch (r->outcome) {
	case HVG_VMENTRY_PROCEED:
		fprintf(out, "outcome: the VM entry proceeds past every VMfail "
			"check\n");
		break;
	case HVG_VMENTRY_INCOMPLETE:
		fprintf(out, "outcome: no check failed, but %u checks could "
			"not be evaluated\n", r->nr_not_evaluated);
		break;
	case HVG_VMENTRY_VMFAIL_INVALID:
		fprintf(out, "outcome: VMfailInvalid (RFLAGS.CF = 1)\n");
		break;
	default:
		fprintf(out, "outcome: VMfailValid, VM-instruction error %u "
			"(%s)\n", r->error, error_text(r->error));
		break;
	}
	if (r->diag) {
		d = hvg_vmentry_diag_info(r->diag);
		fprintf(out, "first failing check: %s (SDM %s)\n", d->name,
			d->section);
		for (i = HVG_DIAG_FIRST_CHECK; i < r->diag; i++)
			if (hvg_vmentry_not_evaluated(r, i))
				break;
		if (i < r->diag)
			fprintf(out, "(checks before it could not be evaluated: "
				"the processor may fail one of those first)\n");
	}
	fprintf(out, "\n%u failing check%s:\n", r->nr_failed,
		r->nr_failed == 1 ? "" : "s");
	for (i = 0; i < n; i++) {
		d = hvg_vmentry_diag_info(failed[i]);
		fprintf(out, "  %-12s SDM %-9s %s\n", d->name, d->section,
			d->text);
		print_values(out, in, failed[i], false);
	}
	if (r->nr_not_evaluated) {
		fprintf(out, "\n%u check%s not evaluated (an input is "
			"missing):\n", r->nr_not_evaluated,
			r->nr_not_evaluated == 1 ? "" : "s");
		for (i = HVG_DIAG_FIRST_CHECK; i < HVG_DIAG_NR; i++) {
			if (!hvg_vmentry_not_evaluated(r, i))
				continue;
			d = hvg_vmentry_diag_info(i);
			fprintf(out, "  %-12s SDM %-9s %s\n", d->name,
				d->section, d->text);
			print_values(out, in, i, false);
		}
	}
	fprintf(out, "\n%u VMCS fields given; the others were taken as 0.\n",
		in->nr_fields);
	fprintf(out, "software coverage of the VMfail checks for these "
		"capabilities: %s%s%s%s\n", cover ? "incomplete:" : "complete",
		cover & HVG_COVER_INPUTS ? " [inputs missing]" : "",
		cover & HVG_COVER_UNKNOWN ? " [controls without known rules]" :
		"", cover & HVG_COVER_UNVERIFIED ? " [unverified features]" : "");
}

static void print_json(FILE *out, const struct vmcheck_input *in,
		       const struct hvg_vmentry_result *r, const u32 *failed,
		       u32 cover)
{
	const struct hvg_vmentry_diag_info *d;
	u32 i, n = r->nr_failed < HVG_DIAG_NR ? r->nr_failed : HVG_DIAG_NR;
	bool first = true;

	fprintf(out, "{\"outcome\": \"%s\", \"error\": %u, \"first\": ",
		outcome_name(r->outcome), r->error);
	if (r->diag)
		fprintf(out, "\"%s\"", hvg_vmentry_diag_info(r->diag)->name);
	else
		fprintf(out, "null");
	fprintf(out, ",\n \"failed\": [");
	for (i = 0; i < n; i++) {
		d = hvg_vmentry_diag_info(failed[i]);
		fprintf(out, "%s\n  {\"id\": \"%s\", \"section\": \"%s\", "
			"\"text\": \"%s\", \"values\": {", i ? "," : "",
			d->name, d->section, d->text);
		print_values(out, in, failed[i], true);
		fprintf(out, "}}");
	}
	fprintf(out, "],\n \"not_evaluated\": [");
	for (i = HVG_DIAG_FIRST_CHECK; i < HVG_DIAG_NR; i++) {
		if (!hvg_vmentry_not_evaluated(r, i))
			continue;
		fprintf(out, "%s\"%s\"", first ? "" : ", ",
			hvg_vmentry_diag_info(i)->name);
		first = false;
	}
	fprintf(out, "],\n \"fields_given\": %u, \"coverage\": %u}\n",
		in->nr_fields, cover);
}

static void usage(FILE *f)
{
	fprintf(f, "usage: hvgate-vmcheck [--cpu NAME] [--caps FILE] [--json] "
		   "DUMP\n"
		   "       hvgate-vmcheck --list-cpus\n"
		   "  DUMP, FILE: lines 'NAME = value' (VMCS field names as in "
		   "the SDM, capability MSRs,\n"
		   "  MAXPHYADDR, CPUID.*, CURRENT_VMCS_POINTER, INSTRUCTION, "
		   "LAUNCH_STATE, MOV_SS_BLOCKING,\n"
		   "  IA32_EFER_LMA, VTPR); '#' starts a comment\n"
		   "exit status: 0 proceeds, 1 fails, 2 some checks not "
		   "evaluated, 3 usage, 4 bad input\n");
}

/* Read a whole file into a malloc'd, NUL-terminated buffer. */
static char *slurp(const char *path, FILE *err)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!f) {
		fprintf(err, "hvgate-vmcheck: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	do {
		if (n + 4096 + 1 > cap) {
			cap = 2 * cap + 4096 + 1;
			buf = realloc(buf, cap);
			if (!buf)
				break;
		}
		got = fread(buf + n, 1, 4096, f);
		n += got;
	} while (got == 4096);
	fclose(f);
	if (buf)
		buf[n] = '\0';
	return buf;
}

static int apply_file(struct vmcheck_input *in, const char *path, FILE *err)
{
	char *text = slurp(path, err);
	int r;

	if (!text)
		return -1;
	r = vmcheck_parse(in, text, path, err);
	free(text);
	return r;
}

int vmcheck_main(int argc, char **argv, FILE *out, FILE *err)
{
	const char *cpu = NULL, *caps = NULL, *dump = NULL;
	const struct vmcheck_profile *p;
	struct hvg_vmentry_result r;
	static struct vmcheck_input in;
	u32 failed[HVG_DIAG_NR], cover;
	bool json = false;
	size_t i, nr;
	int a;

	for (a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "--json")) {
			json = true;
		} else if (!strcmp(argv[a], "--list-cpus")) {
			p = vmcheck_profiles(&nr);
			for (i = 0; i < nr; i++)
				fprintf(out, "%-20s %s\n%-20s source: %s\n",
					p[i].name, p[i].model, "",
					p[i].source);
			return VMCHECK_PROCEED;
		} else if (!strcmp(argv[a], "-h") || !strcmp(argv[a], "--help")) {
			usage(out);
			return VMCHECK_PROCEED;
		} else if ((!strcmp(argv[a], "--cpu") ||
			    !strcmp(argv[a], "--caps")) && a + 1 < argc) {
			*(argv[a][2] == 'c' && argv[a][3] == 'p' ? &cpu : &caps) =
				argv[a + 1];
			a++;
		} else if (argv[a][0] == '-' || dump) {
			usage(err);
			return VMCHECK_BAD_USAGE;
		} else {
			dump = argv[a];
		}
	}
	if (!dump) {
		usage(err);
		return VMCHECK_BAD_USAGE;
	}

	vmcheck_input_init(&in);
	if (cpu) {
		p = vmcheck_profile_find(cpu);
		if (!p) {
			fprintf(err, "hvgate-vmcheck: no CPU profile '%s' "
				"(--list-cpus)\n", cpu);
			return VMCHECK_BAD_USAGE;
		}
		vmcheck_parse(&in, p->text, p->name, err);
	}
	if ((caps && apply_file(&in, caps, err)) || apply_file(&in, dump, err))
		return VMCHECK_BAD_INPUT;

	hvg_vmentry_check_all(&in.vmcs, &in.caps, &in.env, failed,
			      ARRAY_SIZE(failed), &r);
	cover = hvg_vmentry_sw_coverage(&in.caps);
	if (json)
		print_json(out, &in, &r, failed, cover);
	else
		print_text(out, &in, &r, failed, cover);

	if (r.outcome == HVG_VMENTRY_PROCEED)
		return VMCHECK_PROCEED;
	if (r.outcome == HVG_VMENTRY_INCOMPLETE)
		return VMCHECK_INCOMPLETE;
	return VMCHECK_FAILS;
}
