/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Nested VM entry: the checks of Intel SDM Vol. 3C chapter 26 "VM Entries"
 * on a vmcs12, one diagnostic per check of the catalogue
 * (reference/vmentry-checks.md), the early-check tri-state and the
 * hardware dry-run plan.
 *
 * Part 1 (this header) covers everything that ends in VMfail: the
 * instruction-level checks (no current VMCS, shadow VMCS, MOV-SS
 * blocking, launch state), the VM-execution, VM-exit and VM-entry control
 * checks, event injection and the MSR-area addresses (error 7), and the
 * host-state checks (error 8). Guest state and MSR loading (VM-entry
 * failure exits 33 and 34) are part 2; the result already has room for
 * them.
 *
 * Inputs are values: the vmcs12 (include/hvgate/vmcs.h), the capability
 * set L1 sees, and struct hvg_vmentry_env for the few facts that live
 * outside the VMCS. A check that needs an input the caller did not give
 * (a capability MSR, MAXPHYADDR, a CPUID feature, an environment fact) is
 * reported as not evaluated, never guessed.
 *
 * Decisions on ambiguous and "[newer SDM - verify]" rows are written next
 * to each check in lib/vmentry.c (marked "Decision:") and summarised in
 * docs/vmentry.md.
 */
#ifndef HVGATE_VMENTRY_H
#define HVGATE_VMENTRY_H

#include "hvgate_env.h"
#include <hvgate/types.h>
#include <hvgate/vmcs.h>

/* Results of a VM entry (struct hvg_vmentry_result.outcome). */
#define HVG_VMENTRY_PROCEED		0	/* every check passed */
#define HVG_VMENTRY_VMFAIL_INVALID	1	/* RFLAGS.CF = 1, no error stored */
#define HVG_VMENTRY_VMFAIL_VALID	2	/* RFLAGS.ZF = 1, @error stored */
#define HVG_VMENTRY_FAIL_EXIT		3	/* VM-entry failure exit (part 2) */
/* Nothing failed, but some checks were not evaluated. */
#define HVG_VMENTRY_INCOMPLETE		4

/*
 * enum hvg_vmentry_diag - one value per check, HVG_DIAG_<catalogue ID>.
 * HVG_DIAG_NONE is "no diagnostic", HVG_DIAG_NR the number of values.
 * (A plain comment: kernel-doc cannot read an enum built by an X-macro.)
 *
 * Generated from include/hvgate/vmentry_diags.h, whose order is the
 * evaluation order. The first values are the dry-run diagnostics
 * (HVG_DIAG_HW_*); the checks start at HVG_DIAG_FIRST_CHECK.
 */
enum hvg_vmentry_diag {
	HVG_DIAG_NONE,
#define HVG_VMENTRY_DIAG(id, name, section, outcome, error, text) \
	HVG_DIAG_##id,
#include <hvgate/vmentry_diags.h>
#undef HVG_VMENTRY_DIAG
	HVG_DIAG_NR
};

#define HVG_DIAG_FIRST_CHECK	HVG_DIAG_PRE_04
#define HVG_DIAG_WORDS		((HVG_DIAG_NR + 63) / 64)

/**
 * struct hvg_vmentry_diag_info - what the catalogue says about a check
 * @name: the catalogue ID, e.g. "CTL-EXEC-07"
 * @section: the SDM section, e.g. "26.2.1.1"
 * @outcome: HVG_VMENTRY_* result when the check fails
 * @error: the VM-instruction error of a VMfailValid, else 0
 * @text: one line saying what is wrong when the check fails
 */
struct hvg_vmentry_diag_info {
	const char *name;
	const char *section;
	u32 outcome;
	u32 error;
	const char *text;
};

/**
 * hvg_vmentry_diag_info() - the catalogue entry of a diagnostic
 * @diag: an enum hvg_vmentry_diag value other than HVG_DIAG_NONE
 *
 * Return: the entry; NULL for HVG_DIAG_NONE and values out of range.
 */
const struct hvg_vmentry_diag_info *hvg_vmentry_diag_info(u32 diag);

/**
 * hvg_vmentry_diag_text() - the one-line text of a diagnostic
 * @diag: an enum hvg_vmentry_diag value
 *
 * Return: the text; "no diagnostic" for HVG_DIAG_NONE; "unknown
 * diagnostic" for a value out of range.
 */
const char *hvg_vmentry_diag_text(u32 diag);

/* Facts of struct hvg_vmentry_env that the caller gives (@known). */
#define HVG_ENV_VMCS_PTR	BIT(0)	/* @vmcs_ptr */
#define HVG_ENV_LAUNCH		BIT(1)	/* @vmresume and @launched */
#define HVG_ENV_MOV_SS		BIT(2)	/* @mov_ss_blocking */
#define HVG_ENV_LMA		BIT(3)	/* @lma */
#define HVG_ENV_VTPR		BIT(4)	/* @vtpr */
#define HVG_ENV_ALL		GENMASK(4, 0)

/**
 * struct hvg_vmentry_env - facts of the entry that are not in the VMCS
 * @known: HVG_ENV_* facts given below; the others are not used
 * @vmcs_ptr: L1's current-VMCS pointer, HVG_VMCS_PTR_NONE if none
 * @vmresume: the instruction is VMRESUME (false: VMLAUNCH)
 * @launched: the launch state of the current VMCS is "launched" (false:
 *            "clear")
 * @mov_ss_blocking: events are blocked by MOV SS at L1's instruction
 *                   boundary
 * @lma: L1's IA32_EFER.LMA, i.e. the processor is in IA-32e mode
 * @vtpr: byte 80H of the virtual-APIC page (VTPR), read by the caller from
 *        guest memory for CTL-EXEC-14 (SDM 26.2.1.1 reads it during the
 *        control checks); hvgate does not model the optional clearing of
 *        bytes 81H-83H that the SDM allows a VM entry to do
 *
 * VM entries from SMM under the dual-monitor treatment are not modelled:
 * every entry is taken to start outside SMM, as in KVM.
 */
struct hvg_vmentry_env {
	u32 known;
	u64 vmcs_ptr;
	bool vmresume;
	bool launched;
	bool mov_ss_blocking;
	bool lma;
	u8 vtpr;
};

/**
 * struct hvg_vmentry_result - the outcome of the checks
 * @outcome: HVG_VMENTRY_*
 * @error: VM-instruction error for HVG_VMENTRY_VMFAIL_VALID, else 0
 * @exit_reason: exit reason of a VM-entry failure exit (part 2), else 0
 * @exit_qualification: its exit qualification (part 2), else 0
 * @diag: the first failing diagnostic in the documented order,
 *        HVG_DIAG_NONE if none failed
 * @nr_failed: failing checks found (at most 1 unless collecting)
 * @nr_not_evaluated: checks reached but not evaluated for lack of input
 * @not_evaluated: bitmap of those checks, bit d % 64 of word d / 64
 *
 * The default mode stops at the first failing check, so checks after it
 * are neither failed nor not evaluated: they were not reached. When a
 * check before @diag was not evaluated, hardware might fail that one
 * first, with another error: @outcome and @error are then certain only
 * in that they are a failure.
 */
struct hvg_vmentry_result {
	u32 outcome;
	u32 error;
	u32 exit_reason;
	u64 exit_qualification;
	u32 diag;
	u32 nr_failed;
	u32 nr_not_evaluated;
	u64 not_evaluated[HVG_DIAG_WORDS];
};

/**
 * hvg_vmentry_check() - the VMfail checks of a nested VMLAUNCH/VMRESUME
 * @vmcs: L1's current VMCS
 * @caps: the capability set L1 sees
 * @env: facts outside the VMCS
 * @res: filled with the outcome
 *
 * Runs the instruction-level checks (SDM 26.1), the control checks
 * (26.2.1) and the host-state checks (26.2.2 - 26.2.4) in the order of
 * include/hvgate/vmentry_diags.h and stops at the first failure, which
 * decides @res->outcome and @res->error. Controls are checked before the
 * host state, so an entry with both kinds of fault fails with error 7
 * (the SDM leaves this order open; KVM and Bochs do the same).
 *
 * Return: 0 (the outcome is in @res); -HVG_EINVAL if a pointer is NULL
 * (@res untouched).
 */
int hvg_vmentry_check(const struct hvg_vmcs12 *vmcs,
		      const struct hvg_vmx_caps *caps,
		      const struct hvg_vmentry_env *env,
		      struct hvg_vmentry_result *res);

/**
 * hvg_vmentry_check_all() - the same checks, collecting every failure
 * @vmcs: L1's current VMCS
 * @caps: the capability set L1 sees
 * @env: facts outside the VMCS
 * @failed: receives the failing diagnostics in evaluation order; may be
 *          NULL when @max is 0
 * @max: entries available at @failed
 * @res: filled with the outcome: the same @outcome, @error and @diag as
 *       hvg_vmentry_check(), @nr_failed counting every failure (also those
 *       beyond @max), @not_evaluated over all checks
 *
 * Every check is evaluated on the fields as written: a control that
 * failed its allowed-settings check still counts as set in the checks
 * that read it, so the list names every rule the written values break.
 * The only exception is PRE-04: without a current VMCS there is nothing
 * else to check.
 *
 * Return: 0; -HVG_EINVAL if @vmcs, @caps, @env or @res is NULL, or
 * @failed is NULL while @max is not 0 (nothing written).
 */
int hvg_vmentry_check_all(const struct hvg_vmcs12 *vmcs,
			  const struct hvg_vmx_caps *caps,
			  const struct hvg_vmentry_env *env, u32 *failed,
			  u32 max, struct hvg_vmentry_result *res);

/**
 * hvg_vmentry_not_evaluated() - whether a check was not evaluated
 * @res: a result filled by hvg_vmentry_check() or hvg_vmentry_check_all()
 * @diag: a diagnostic
 *
 * Return: true if @diag was reached but lacked an input; false otherwise,
 * and for a NULL @res or @diag out of range.
 */
bool hvg_vmentry_not_evaluated(const struct hvg_vmentry_result *res,
			       u32 diag);

/* ---- early checks: the hardware dry run (seed nvmx-early-consistency) ---- */

/* Early-check modes: Kconfig HVGATE_NESTED_EARLY_CHECK and run time. */
#define HVG_EARLY_CHECK_AUTO		(-1)
#define HVG_EARLY_CHECK_NEVER		0
#define HVG_EARLY_CHECK_ALWAYS		1

/* Why the software checks do not cover a capability set. */
#define HVG_COVER_INPUTS	BIT(0)	/* an input the checks need is absent */
#define HVG_COVER_UNKNOWN	BIT(1)	/* a control hvgate has no rules for */
/* A feature whose rows hvgate decided without a verifiable SDM text. */
#define HVG_COVER_UNVERIFIED	BIT(2)

/**
 * hvg_vmentry_early_check_default() - the build's default early-check mode
 *
 * Return: HVG_CFG_NESTED_EARLY_CHECK (Kconfig HVGATE_NESTED_EARLY_CHECK):
 * -1 (auto), 0 (never) or 1 (always).
 */
int hvg_vmentry_early_check_default(void);

/**
 * hvg_vmentry_sw_coverage() - why software may miss a VMfail check
 * @caps: the capability set L1 sees
 *
 * The software checks cover every VMfail check for the features @caps
 * enables when all three hold:
 *
 *  - every input those checks need is present: IA32_VMX_BASIC, the
 *    control MSRs the TRUE_ rule designates, IA32_VMX_MISC, the CR0/CR4
 *    fixed MSRs, MAXPHYADDR and every CPUID feature, and, when the
 *    controls that use them may be 1, IA32_VMX_PROCBASED_CTLS2,
 *    IA32_VMX_EPT_VPID_CAP, IA32_VMX_VMFUNC, IA32_VMX_PROCBASED_CTLS3,
 *    IA32_VMX_EXIT_CTLS2 and the valid bits of IA32_PERF_GLOBAL_CTRL and
 *    IA32_SPEC_CTRL (the VTPR byte of CTL-EXEC-14 is read by the caller
 *    at each entry and is not part of this);
 *  - no control may be 1 that hvgate has no rules for (a pin-based bit
 *    above 7, primary bit 0 or 18, secondary bit 21 or 29, a tertiary bit
 *    above 4 other than 7... see lib/vmentry_early.c);
 *  - no feature may be enabled whose rows are flagged "[newer SDM -
 *    verify]" and were decided without the SDM text (docs/vmentry.md):
 *    IPI virtualization, the HLAT controls, virtualize IA32_SPEC_CTRL,
 *    secondary VM-exit controls, FRED (CR4.FRED, BASIC[58]), "load CET
 *    state" on exit, EPTP bit 7 (CET shadow stacks with EPT), "Intel PT
 *    uses guest-physical addresses" and "use TSC scaling".
 *
 * Return: 0 if the software checks cover everything, else a mask of
 * HVG_COVER_* reasons; HVG_COVER_INPUTS for a NULL @caps.
 */
u32 hvg_vmentry_sw_coverage(const struct hvg_vmx_caps *caps);

/**
 * hvg_vmentry_early_check() - resolve the early-check tri-state
 * @mode: HVG_EARLY_CHECK_AUTO, _NEVER or _ALWAYS (the run-time setting,
 *        hvg_vmentry_early_check_default() unless the user chose)
 * @cpuid1_ecx: CPUID.1:ECX of the processor L0 runs on; bit 31 says L0
 *              itself runs under a hypervisor
 * @caps: the capability set L1 sees
 * @dry_run: filled with true when each nested VMLAUNCH/VMRESUME must first
 *           be tried on hardware (hvg_vmentry_dryrun_plan())
 *
 * Never: false. Always: true. Auto: false under a hypervisor (the result
 * would depend on L0's own L0) or when hvg_vmentry_sw_coverage() is 0,
 * true otherwise.
 *
 * Return: 0; -HVG_EINVAL if @caps or @dry_run is NULL or @mode is not one
 * of the three (@dry_run untouched).
 */
int hvg_vmentry_early_check(int mode, u32 cpuid1_ecx,
			    const struct hvg_vmx_caps *caps, bool *dry_run);

/* Steps of the dry-run plan, executed by the glue in order. */
#define HVG_DRYRUN_VMWRITE		1	/* VMWRITE @field = @value */
#define HVG_DRYRUN_REFRESH_HOST_CR3	2	/* HOST_CR3 = current CR3 if stale */
#define HVG_DRYRUN_REFRESH_HOST_CR4	3	/* HOST_CR4 = current CR4 if stale */
#define HVG_DRYRUN_VMLAUNCH		4
#define HVG_DRYRUN_VMRESUME		5
#define HVG_DRYRUN_MAX_STEPS		8

/**
 * struct hvg_dryrun_step - one step of the dry run
 * @op: HVG_DRYRUN_*
 * @field: VMCS field encoding for HVG_DRYRUN_VMWRITE, else 0
 * @value: value for HVG_DRYRUN_VMWRITE, else 0
 */
struct hvg_dryrun_step {
	u32 op;
	u32 field;
	u64 value;
};

/**
 * struct hvg_dryrun_vmcs02 - the state of vmcs02 the plan depends on
 * @exit_msr_load_count: its VM-exit MSR-load count (L0's own list)
 * @entry_msr_load_count: its VM-entry MSR-load count
 * @launched: its launch state is "launched"
 */
struct hvg_dryrun_vmcs02 {
	u32 exit_msr_load_count;
	u32 entry_msr_load_count;
	bool launched;
};

/**
 * hvg_vmentry_dryrun_plan() - the hardware dry run, as ordered steps
 * @v02: vmcs02 (prepared with everything the VMfail checks look at)
 * @steps: receives the steps
 * @max: room at @steps (HVG_DRYRUN_MAX_STEPS is always enough)
 * @nr: filled with the number of steps
 *
 * The seed's algorithm: zero the MSR-load counts that are not 0 (a
 * VM-entry failure exit would otherwise process the VM-exit MSR-load
 * list), write GUEST_RFLAGS = 0 (bit 1 is reserved to 1, so hardware
 * fails the entry on guest state, after every control and host-state
 * check), refresh HOST_CR3 and HOST_CR4, VMLAUNCH (launch state clear) or
 * VMRESUME, then restore the counts. The glue runs the steps with
 * preemption disabled, restores RFLAGS.IF and DR7 after the VM exit (a VM
 * exit clears them) and must rewrite GUEST_RFLAGS before the real entry;
 * then it calls hvg_vmentry_dryrun_interpret().
 *
 * Return: 0; -HVG_EINVAL if a pointer is NULL; -HVG_ENOSPC if @max is
 * smaller than the plan (@steps and @nr untouched on error).
 */
int hvg_vmentry_dryrun_plan(const struct hvg_dryrun_vmcs02 *v02,
			    struct hvg_dryrun_step *steps, u32 max, u32 *nr);

/* What hardware did (struct hvg_dryrun_hw.kind). */
#define HVG_DRYRUN_HW_VMFAIL_INVALID	1	/* CF = 1 */
#define HVG_DRYRUN_HW_VMFAIL_VALID	2	/* ZF = 1, @error read back */
#define HVG_DRYRUN_HW_VMEXIT		3	/* a VM exit, @exit_reason */

/**
 * struct hvg_dryrun_hw - the outcome of the dry-run VMLAUNCH/VMRESUME
 * @kind: HVG_DRYRUN_HW_*
 * @error: VM_INSTRUCTION_ERROR after a VMfailValid
 * @exit_reason: EXIT_REASON after a VM exit
 */
struct hvg_dryrun_hw {
	u32 kind;
	u32 error;
	u32 exit_reason;
};

/* What to do (struct hvg_dryrun_verdict.action). */
#define HVG_DRYRUN_PROCEED	0	/* go on: guest-state checks, real entry */
#define HVG_DRYRUN_FAIL		1	/* the nested entry fails: VMfailValid(7) */
#define HVG_DRYRUN_CRITICAL	2	/* hardware entered the guest: stop the VM */

/**
 * struct hvg_dryrun_verdict - the interpretation of the dry run
 * @action: HVG_DRYRUN_PROCEED, _FAIL or _CRITICAL
 * @diag: HVG_DIAG_NONE, or HVG_DIAG_HW_MISSED, _HW_ERROR, _HW_INVALID,
 *        _HW_EXIT, _HW_ENTERED
 * @hw_error: the hardware's VM-instruction error for HVG_DIAG_HW_MISSED
 *            and HVG_DIAG_HW_ERROR, else 0
 * @warn: an L0 or hardware problem, or software missed a check it had
 *        evaluated (upstream KVM's warn_on_missed_cc)
 */
struct hvg_dryrun_verdict {
	u32 action;
	u32 diag;
	u32 hw_error;
	bool warn;
};

/**
 * hvg_vmentry_dryrun_interpret() - what the dry run means
 * @sw: the software result that let the dry run happen: outcome
 *      HVG_VMENTRY_PROCEED or HVG_VMENTRY_INCOMPLETE
 * @hw: what hardware reported
 * @verdict: filled with the decision
 *
 * The seed's rules. A VMfailValid must be error 7 and means the nested
 * entry fails; a VM-entry failure exit (exit reason bit 31) means every
 * VMfail check passed, so the entry proceeds; a VM exit without bit 31
 * means the processor entered the guest with an invalid RFLAGS, a critical
 * hardware problem. When hardware fails an entry that software accepted,
 * @verdict->diag is HVG_DIAG_HW_MISSED with the hardware's error, and
 * @warn is set if software had evaluated every check (an incomplete
 * software result expects hardware to decide the rest). An error other
 * than 7 (HVG_DIAG_HW_ERROR), a VMfailInvalid (HVG_DIAG_HW_INVALID: vmcs02
 * was not current) and a failure exit other than invalid guest state
 * (HVG_DIAG_HW_EXIT) are L0 problems: they warn; the first two fail the
 * nested entry with error 7, as the seed does.
 *
 * Return: 0; -HVG_EINVAL if a pointer is NULL or @hw->kind is unknown;
 * -HVG_ESTATE if @sw is a failure (the dry run must not run after one)
 * (@verdict untouched on error).
 */
int hvg_vmentry_dryrun_interpret(const struct hvg_vmentry_result *sw,
				 const struct hvg_dryrun_hw *hw,
				 struct hvg_dryrun_verdict *verdict);

#endif /* HVGATE_VMENTRY_H */
