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

/**
 * enum hvg_vmentry_diag - one value per check, HVG_DIAG_<catalogue ID>
 * @HVG_DIAG_NONE: no diagnostic
 * @HVG_DIAG_NR: number of values
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
 * are neither failed nor not evaluated: they were not reached.
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

#endif /* HVGATE_VMENTRY_H */
