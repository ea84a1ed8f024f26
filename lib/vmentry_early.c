// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Early consistency checks via hardware (seed
 * nvmx-early-consistency-checks.txt; upstream-kvm.md (c)): the tri-state
 * that decides whether a nested VMLAUNCH/VMRESUME is first tried on
 * hardware with an invalid guest state, the ordered plan of that dry run
 * for the glue, and what its result means.
 *
 * The seed's "auto" skipped the dry run under a hypervisor and foresaw
 * skipping it "once software covers 100% of the VMFail checks". hvgate
 * implements every VMfail check (lib/vmentry.c), so auto is "never"
 * unless the capability set enables something the software cannot vouch
 * for: a missing input, a control without known rules, or a feature whose
 * rows were decided without a verifiable SDM text.
 */
#include "hvgate_env.h"
#include "internal.h"

int hvg_vmentry_early_check_default(void)
{
	return HVG_CFG_NESTED_EARLY_CHECK;
}

/*
 * Controls with known VM-entry rules (SDM 26.2.1 and the catalogue's
 * section 13.3): every other bit that the capability set allows is a
 * control whose rules hvgate does not know.
 */
#define KNOWN_PIN	GENMASK_ULL(7, 0)
#define KNOWN_PROC	(GENMASK_ULL(31, 0) & ~(BIT_ULL(0) | BIT_ULL(18)))
#define KNOWN_PROC2	(GENMASK_ULL(31, 0) & ~(BIT_ULL(21) | BIT_ULL(29)))
#define KNOWN_PROC3	(GENMASK_ULL(4, 0) | BIT_ULL(7))
#define KNOWN_EXIT	GENMASK_ULL(31, 0)
#define KNOWN_EXIT2	GENMASK_ULL(3, 0)
#define KNOWN_ENTRY	GENMASK_ULL(24, 0)
#define KNOWN_VMFUNC	HVG_VMFUNC_EPTP_SWITCHING

/*
 * Features whose part-1 rows are "[newer SDM - verify]" or Bochs-only and
 * were decided without the SDM text (docs/vmentry.md): PT uses
 * guest-physical addresses (CTL-EXEC-46), TSC scaling (47), IPI
 * virtualization (48), the HLAT family (49), virtualize IA32_SPEC_CTRL,
 * every secondary VM-exit control (FRED, SPEC_CTRL: HOST-CR-17..20),
 * "load CET state" on exit (HOST-CR-15).
 */
#define UNVERIFIED_PROC2	(HVG_PROC2_PT_GPA | HVG_PROC2_TSC_SCALING)
#define UNVERIFIED_PROC3	(GENMASK_ULL(4, 1) | HVG_PROC3_VIRT_SPEC_CTRL)
#define UNVERIFIED_EXIT		(HVG_EXIT_LOAD_CET | HVG_EXIT_SECONDARY)

/* CPUID features the part-1 checks read. */
#define PART1_CPU	(HVG_CPU_LA57 | HVG_CPU_NX | HVG_CPU_CET_SS |	\
			 HVG_CPU_CET_IBT | HVG_CPU_LAM)

static bool has_msr(const struct hvg_vmx_caps *caps, u32 msr)
{
	return caps->present & HVG_VMX_CAP_BIT(msr);
}

/* Allowed-1 bits of a control word; false if the set cannot say. */
static bool allowed1(const struct hvg_vmx_caps *caps, u32 which, u64 *a1)
{
	u64 a0;

	return !hvg_vmx_caps_ctls(caps, which, &a0, a1);
}

u32 hvg_vmentry_sw_coverage(const struct hvg_vmx_caps *caps)
{
	u64 pin, proc, exit, entry, proc2 = 0, proc3 = 0, exit2 = 0, vmfunc = 0;
	u64 cr4f1, basic;
	u32 why = 0;

	if (!caps)
		return HVG_COVER_INPUTS;
	if (!allowed1(caps, HVG_VMX_CTLS_PIN, &pin) ||
	    !allowed1(caps, HVG_VMX_CTLS_PROC, &proc) ||
	    !allowed1(caps, HVG_VMX_CTLS_EXIT, &exit) ||
	    !allowed1(caps, HVG_VMX_CTLS_ENTRY, &entry) ||
	    !has_msr(caps, HVG_MSR_IA32_VMX_MISC) ||
	    !has_msr(caps, HVG_MSR_IA32_VMX_CR0_FIXED0) ||
	    !has_msr(caps, HVG_MSR_IA32_VMX_CR0_FIXED1) ||
	    !has_msr(caps, HVG_MSR_IA32_VMX_CR4_FIXED0) ||
	    hvg_vmx_caps_get_msr(caps, HVG_MSR_IA32_VMX_CR4_FIXED1, &cr4f1) ||
	    !(caps->known & HVG_CAPS_MAXPHYADDR) ||
	    (caps->cpu_known & PART1_CPU) != PART1_CPU)
		return HVG_COVER_INPUTS;
	/* hvg_vmx_caps_ctls() succeeded, so IA32_VMX_BASIC is present. */
	hvg_vmx_caps_get_msr(caps, HVG_MSR_IA32_VMX_BASIC, &basic);

	/* The MSRs of the words that may be activated. */
	if ((proc & HVG_PROC_SECONDARY) &&
	    !allowed1(caps, HVG_VMX_CTLS_PROC2, &proc2))
		why |= HVG_COVER_INPUTS;
	if ((proc & HVG_PROC_TERTIARY) &&
	    !allowed1(caps, HVG_VMX_CTLS_PROC3, &proc3))
		why |= HVG_COVER_INPUTS;
	if ((exit & HVG_EXIT_SECONDARY) &&
	    !allowed1(caps, HVG_VMX_CTLS_EXIT2, &exit2))
		why |= HVG_COVER_INPUTS;
	if ((proc2 & HVG_PROC2_VMFUNC) &&
	    !allowed1(caps, HVG_VMX_CTLS_VMFUNC, &vmfunc))
		why |= HVG_COVER_INPUTS;
	else if (proc2 & HVG_PROC2_VMFUNC && (vmfunc & ~KNOWN_VMFUNC))
		why |= HVG_COVER_UNKNOWN;
	if ((proc2 & HVG_PROC2_EPT) &&
	    !has_msr(caps, HVG_MSR_IA32_VMX_EPT_VPID_CAP))
		why |= HVG_COVER_INPUTS;
	if ((exit & HVG_EXIT_LOAD_PERF_GLOBAL) &&
	    !(caps->known & HVG_CAPS_PERF_GLOBAL_CTRL))
		why |= HVG_COVER_INPUTS;
	if ((exit2 & HVG_EXIT2_LOAD_SPEC_CTRL) &&
	    !(caps->known & HVG_CAPS_SPEC_CTRL))
		why |= HVG_COVER_INPUTS;

	if ((pin & ~KNOWN_PIN) || (proc & ~KNOWN_PROC) ||
	    (proc2 & ~KNOWN_PROC2) || (proc3 & ~KNOWN_PROC3) ||
	    (exit & ~KNOWN_EXIT) || (exit2 & ~KNOWN_EXIT2) ||
	    (entry & ~KNOWN_ENTRY))
		why |= HVG_COVER_UNKNOWN;

	if ((proc2 & UNVERIFIED_PROC2) || (proc3 & UNVERIFIED_PROC3) ||
	    (exit & UNVERIFIED_EXIT) ||
	    /* FRED: CR4.FRED may be 1 (INJ-05/13, HOST-AS-05), BASIC[58]. */
	    (cr4f1 & HVG_CR4_FRED) ||
	    (basic & HVG_VMX_BASIC_NESTED_EXCEPTION) ||
	    /* EPTP bit 7 (CTL-EXEC-32): EPT with CET shadow stacks. */
	    ((proc2 & HVG_PROC2_EPT) && (caps->cpu & HVG_CPU_CET_SS)))
		why |= HVG_COVER_UNVERIFIED;
	return why;
}

int hvg_vmentry_early_check(int mode, u32 cpuid1_ecx,
			    const struct hvg_vmx_caps *caps, bool *dry_run)
{
	bool run;

	if (!caps || !dry_run)
		return -HVG_EINVAL;
	switch (mode) {
	case HVG_EARLY_CHECK_NEVER:
		run = false;
		break;
	case HVG_EARLY_CHECK_ALWAYS:
		run = true;
		break;
	case HVG_EARLY_CHECK_AUTO:
		/*
		 * Under a hypervisor (CPUID.1:ECX[31]) the dry run's result
		 * depends on L0's own L0: of dubious value (seed). Otherwise
		 * only when software cannot vouch for every VMfail check.
		 */
		run = !(cpuid1_ecx & BIT(31)) && hvg_vmentry_sw_coverage(caps);
		break;
	default:
		return -HVG_EINVAL;
	}
	*dry_run = run;
	return 0;
}

#define VMCS_EXIT_MSR_LOAD_COUNT	0x4010
#define VMCS_ENTRY_MSR_LOAD_COUNT	0x4014
#define VMCS_GUEST_RFLAGS		0x6820

int hvg_vmentry_dryrun_plan(const struct hvg_dryrun_vmcs02 *v02,
			    struct hvg_dryrun_step *steps, u32 max, u32 *nr)
{
	struct hvg_dryrun_step plan[HVG_DRYRUN_MAX_STEPS];
	u32 n = 0;

	if (!v02 || !steps || !nr)
		return -HVG_EINVAL;

	/*
	 * The seed's order. A VM-entry failure exit loads the host state
	 * and processes the VM-exit MSR-load list, so both lists are emptied
	 * first; GUEST_RFLAGS = 0 breaks reserved bit 1, a guest-state check
	 * that hardware performs only after every control and host-state
	 * check has passed.
	 */
	if (v02->exit_msr_load_count)
		plan[n++] = (struct hvg_dryrun_step) {
			HVG_DRYRUN_VMWRITE, VMCS_EXIT_MSR_LOAD_COUNT, 0 };
	if (v02->entry_msr_load_count)
		plan[n++] = (struct hvg_dryrun_step) {
			HVG_DRYRUN_VMWRITE, VMCS_ENTRY_MSR_LOAD_COUNT, 0 };
	plan[n++] = (struct hvg_dryrun_step) {
		HVG_DRYRUN_VMWRITE, VMCS_GUEST_RFLAGS, 0 };
	plan[n++] = (struct hvg_dryrun_step) {
		HVG_DRYRUN_REFRESH_HOST_CR3, 0, 0 };
	plan[n++] = (struct hvg_dryrun_step) {
		HVG_DRYRUN_REFRESH_HOST_CR4, 0, 0 };
	plan[n++] = (struct hvg_dryrun_step) {
		v02->launched ? HVG_DRYRUN_VMRESUME : HVG_DRYRUN_VMLAUNCH, 0, 0 };
	if (v02->exit_msr_load_count)
		plan[n++] = (struct hvg_dryrun_step) {
			HVG_DRYRUN_VMWRITE, VMCS_EXIT_MSR_LOAD_COUNT,
			v02->exit_msr_load_count };
	if (v02->entry_msr_load_count)
		plan[n++] = (struct hvg_dryrun_step) {
			HVG_DRYRUN_VMWRITE, VMCS_ENTRY_MSR_LOAD_COUNT,
			v02->entry_msr_load_count };

	if (n > max)
		return -HVG_ENOSPC;
	HVG_MEMCPY(steps, plan, n * sizeof(plan[0]));
	*nr = n;
	return 0;
}

#define EXIT_REASON_FAILED_ENTRY	BIT(31)
#define EXIT_REASON_BASIC		GENMASK(15, 0)
#define EXIT_REASON_INVALID_GUEST	33

int hvg_vmentry_dryrun_interpret(const struct hvg_vmentry_result *sw,
				 const struct hvg_dryrun_hw *hw,
				 struct hvg_dryrun_verdict *verdict)
{
	struct hvg_dryrun_verdict v = { HVG_DRYRUN_PROCEED, HVG_DIAG_NONE, 0,
					false };

	if (!sw || !hw || !verdict)
		return -HVG_EINVAL;
	if (hw->kind < HVG_DRYRUN_HW_VMFAIL_INVALID ||
	    hw->kind > HVG_DRYRUN_HW_VMEXIT)
		return -HVG_EINVAL;
	if (sw->outcome != HVG_VMENTRY_PROCEED &&
	    sw->outcome != HVG_VMENTRY_INCOMPLETE)
		return -HVG_ESTATE;

	switch (hw->kind) {
	case HVG_DRYRUN_HW_VMFAIL_VALID:
		/* A VMfail must be error 7 and fails the nested entry. */
		v.action = HVG_DRYRUN_FAIL;
		v.hw_error = hw->error;
		if (hw->error == HVG_VMXERR_ENTRY_INVALID_CONTROL) {
			/* Hardware rejected what software accepted. */
			v.diag = HVG_DIAG_HW_MISSED;
			v.warn = sw->outcome == HVG_VMENTRY_PROCEED;
		} else {
			v.diag = HVG_DIAG_HW_ERROR;
			v.warn = true;
		}
		break;
	case HVG_DRYRUN_HW_VMFAIL_INVALID:
		v.action = HVG_DRYRUN_FAIL;
		v.diag = HVG_DIAG_HW_INVALID;
		v.warn = true;
		break;
	default:
		if (!(hw->exit_reason & EXIT_REASON_FAILED_ENTRY)) {
			/* Entered the guest with an invalid RFLAGS. */
			v.action = HVG_DRYRUN_CRITICAL;
			v.diag = HVG_DIAG_HW_ENTERED;
			v.warn = true;
		} else if ((hw->exit_reason & EXIT_REASON_BASIC) !=
			   EXIT_REASON_INVALID_GUEST) {
			/* Past the VMfail checks, but not the expected way. */
			v.diag = HVG_DIAG_HW_EXIT;
			v.warn = true;
		}
		break;
	}
	*verdict = v;
	return 0;
}
