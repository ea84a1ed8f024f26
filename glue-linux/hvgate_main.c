// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * hvgate kernel module: module information, error translation and the
 * exported API. Every export is a thin wrapper over the library function
 * of the same name (zstd's pattern): the library stays free of kernel
 * symbols, and kernel callers get -errno.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/module.h>

#include "hvgate.h"

/**
 * hvgate_errno() - translate an hvgate result to a kernel error number
 * @hvg_err: 0 or a negative HVG_E* code returned by the library
 *
 * Return: 0 for 0; -EINVAL, -ERANGE, -ENOSPC, -ENOENT, -EEXIST, -EPERM,
 * -EBUSY (HVG_ESTATE) or -EOPNOTSUPP (HVG_ENOTSUP); -EINVAL for a value
 * outside the set.
 */
int hvgate_errno(int hvg_err)
{
	switch (hvg_err) {
	case 0:
		return 0;
	case -HVG_ERANGE:
		return -ERANGE;
	case -HVG_ENOSPC:
		return -ENOSPC;
	case -HVG_ENOENT:
		return -ENOENT;
	case -HVG_EEXIST:
		return -EEXIST;
	case -HVG_EPERM:
		return -EPERM;
	case -HVG_ESTATE:
		return -EBUSY;
	case -HVG_ENOTSUP:
		return -EOPNOTSUPP;
	default:
		return -EINVAL;
	}
}
EXPORT_SYMBOL_GPL(hvgate_errno);

/**
 * hvgate_msrmap_size() - see hvg_msrmap_size()
 * @type: HVG_MSRMAP_VMX or HVG_MSRMAP_SVM
 *
 * Return: the map size in bytes, 0 for an unknown @type.
 */
size_t hvgate_msrmap_size(u32 type)
{
	return hvg_msrmap_size(type);
}
EXPORT_SYMBOL_GPL(hvgate_msrmap_size);

/**
 * hvgate_msrmap_init() - see hvg_msrmap_init()
 * @map: the map to initialise
 * @type: HVG_MSRMAP_VMX or HVG_MSRMAP_SVM
 * @mem: map memory, 8-byte aligned
 * @size: bytes at @mem
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_msrmap_init(struct hvg_msrmap *map, u32 type, void *mem,
		       size_t size)
{
	return hvgate_errno(hvg_msrmap_init(map, type, mem, size));
}
EXPORT_SYMBOL_GPL(hvgate_msrmap_init);

/**
 * hvgate_msrmap_set() - see hvg_msrmap_set()
 * @map: an initialised map
 * @msr: MSR index
 * @dirs: HVG_MSR_READ and/or HVG_MSR_WRITE
 * @intercept: true to intercept
 *
 * Return: 0, -EINVAL or -ERANGE.
 */
int hvgate_msrmap_set(struct hvg_msrmap *map, u32 msr, u32 dirs,
		      bool intercept)
{
	return hvgate_errno(hvg_msrmap_set(map, msr, dirs, intercept));
}
EXPORT_SYMBOL_GPL(hvgate_msrmap_set);

/**
 * hvgate_msrmap_intercepts() - see hvg_msrmap_intercepts()
 * @map: an initialised map
 * @msr: MSR index
 * @dirs: HVG_MSR_READ and/or HVG_MSR_WRITE
 *
 * Return: true if an access in any of @dirs exits.
 */
bool hvgate_msrmap_intercepts(const struct hvg_msrmap *map, u32 msr,
			      u32 dirs)
{
	return hvg_msrmap_intercepts(map, msr, dirs);
}
EXPORT_SYMBOL_GPL(hvgate_msrmap_intercepts);

/**
 * hvgate_msrmap_merge_full() - see hvg_msrmap_merge_full()
 * @out: merged map
 * @l0: L0's map
 * @l1: L1's map, or NULL
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_msrmap_merge_full(struct hvg_msrmap *out,
			     const struct hvg_msrmap *l0,
			     const struct hvg_msrmap *l1)
{
	return hvgate_errno(hvg_msrmap_merge_full(out, l0, l1));
}
EXPORT_SYMBOL_GPL(hvgate_msrmap_merge_full);

/**
 * hvgate_msr_filter_check() - see hvg_msr_filter_check()
 * @filter: the filter
 *
 * Return: 0, -EINVAL, -ERANGE or -EEXIST.
 */
int hvgate_msr_filter_check(const struct hvg_msr_filter *filter)
{
	return hvgate_errno(hvg_msr_filter_check(filter));
}
EXPORT_SYMBOL_GPL(hvgate_msr_filter_check);

/**
 * hvgate_msr_filter_allows() - see hvg_msr_filter_allows()
 * @filter: a valid filter or NULL
 * @msr: MSR index
 * @dir: HVG_MSR_READ or HVG_MSR_WRITE
 *
 * Return: true if the access is allowed.
 */
bool hvgate_msr_filter_allows(const struct hvg_msr_filter *filter, u32 msr,
			      u32 dir)
{
	return hvg_msr_filter_allows(filter, msr, dir);
}
EXPORT_SYMBOL_GPL(hvgate_msr_filter_allows);

/**
 * hvgate_msr_policy_init() - see hvg_msr_policy_init()
 * @pol: the policy
 * @map: an initialised map
 * @allow: the allow list
 * @nr_allow: entries in @allow
 * @slots: slot array
 * @nr_slots: entries at @slots
 *
 * Return: 0, -EINVAL, -ERANGE, -EEXIST or -ENOSPC.
 */
int hvgate_msr_policy_init(struct hvg_msr_policy *pol,
			   const struct hvg_msrmap *map,
			   const struct hvg_msr_allow *allow, u32 nr_allow,
			   struct hvg_msr_slot *slots, u32 nr_slots)
{
	return hvgate_errno(hvg_msr_policy_init(pol, map, allow, nr_allow,
						slots, nr_slots));
}
EXPORT_SYMBOL_GPL(hvgate_msr_policy_init);

/**
 * hvgate_msr_policy_want() - see hvg_msr_policy_want()
 * @pol: the policy
 * @owner: HVG_MSR_OWNER_*
 * @msr: MSR index
 * @dirs: wanted directions
 *
 * Return: 0, -EINVAL, -ERANGE or -EPERM.
 */
int hvgate_msr_policy_want(struct hvg_msr_policy *pol, u32 owner, u32 msr,
			   u32 dirs)
{
	return hvgate_errno(hvg_msr_policy_want(pol, owner, msr, dirs));
}
EXPORT_SYMBOL_GPL(hvgate_msr_policy_want);

/**
 * hvgate_msr_policy_want_range() - see hvg_msr_policy_want_range()
 * @pol: the policy
 * @owner: HVG_MSR_OWNER_*
 * @first: first MSR of the run
 * @count: MSRs in the run
 * @dirs: wanted directions
 *
 * Return: 0, -EINVAL, -ERANGE or -EPERM.
 */
int hvgate_msr_policy_want_range(struct hvg_msr_policy *pol, u32 owner,
				 u32 first, u32 count, u32 dirs)
{
	return hvgate_errno(hvg_msr_policy_want_range(pol, owner, first, count,
						      dirs));
}
EXPORT_SYMBOL_GPL(hvgate_msr_policy_want_range);

/**
 * hvgate_msr_policy_release_owner() - see hvg_msr_policy_release_owner()
 * @pol: the policy
 * @owner: HVG_MSR_OWNER_*
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_msr_policy_release_owner(struct hvg_msr_policy *pol, u32 owner)
{
	return hvgate_errno(hvg_msr_policy_release_owner(pol, owner));
}
EXPORT_SYMBOL_GPL(hvgate_msr_policy_release_owner);

/**
 * hvgate_msr_policy_set_filter() - see hvg_msr_policy_set_filter()
 * @pol: the policy
 * @filter: the new filter, or NULL
 *
 * Return: 0, -EINVAL, -ERANGE or -EEXIST.
 */
int hvgate_msr_policy_set_filter(struct hvg_msr_policy *pol,
				 const struct hvg_msr_filter *filter)
{
	return hvgate_errno(hvg_msr_policy_set_filter(pol, filter));
}
EXPORT_SYMBOL_GPL(hvgate_msr_policy_set_filter);

/**
 * hvgate_msr_policy_merge_sparse() - see hvg_msr_policy_merge_sparse()
 * @pol: L0's policy
 * @l1: L1's map, or NULL
 * @out: merged map
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_msr_policy_merge_sparse(const struct hvg_msr_policy *pol,
				   const struct hvg_msrmap *l1,
				   struct hvg_msrmap *out)
{
	return hvgate_errno(hvg_msr_policy_merge_sparse(pol, l1, out));
}
EXPORT_SYMBOL_GPL(hvgate_msr_policy_merge_sparse);

/* ---- vmcs, vmentry: nested VMX (issue 7) -------------------------------- */
#if IS_ENABLED(CONFIG_HVGATE_VMX_NESTED)

/**
 * hvgate_vmcs_vmread() - see hvg_vmcs_vmread()
 * @vmcs: the VMCS
 * @encoding: field encoding
 * @value: the field's value
 * @vmx_error: 0 or VM-instruction error 12
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_vmcs_vmread(const struct hvg_vmcs12 *vmcs, u32 encoding, u64 *value,
		       u32 *vmx_error)
{
	return hvgate_errno(hvg_vmcs_vmread(vmcs, encoding, value, vmx_error));
}
EXPORT_SYMBOL_GPL(hvgate_vmcs_vmread);

/**
 * hvgate_vmcs_vmwrite() - see hvg_vmcs_vmwrite()
 * @vmcs: the VMCS
 * @caps: L1's capability set (IA32_VMX_MISC[29])
 * @encoding: field encoding
 * @value: the source operand
 * @vmx_error: 0 or VM-instruction error 12 or 13
 *
 * Return: 0, -EINVAL or -EOPNOTSUPP.
 */
int hvgate_vmcs_vmwrite(struct hvg_vmcs12 *vmcs,
			const struct hvg_vmx_caps *caps, u32 encoding,
			u64 value, u32 *vmx_error)
{
	return hvgate_errno(hvg_vmcs_vmwrite(vmcs, caps, encoding, value,
					     vmx_error));
}
EXPORT_SYMBOL_GPL(hvgate_vmcs_vmwrite);

/**
 * hvgate_vmx_caps_init() - see hvg_vmx_caps_init()
 * @caps: the set
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_vmx_caps_init(struct hvg_vmx_caps *caps)
{
	return hvgate_errno(hvg_vmx_caps_init(caps));
}
EXPORT_SYMBOL_GPL(hvgate_vmx_caps_init);

/**
 * hvgate_vmx_caps_set_msr() - see hvg_vmx_caps_set_msr()
 * @caps: the set
 * @msr: 480H..493H
 * @value: the MSR's value
 *
 * Return: 0, -EINVAL or -ERANGE.
 */
int hvgate_vmx_caps_set_msr(struct hvg_vmx_caps *caps, u32 msr, u64 value)
{
	return hvgate_errno(hvg_vmx_caps_set_msr(caps, msr, value));
}
EXPORT_SYMBOL_GPL(hvgate_vmx_caps_set_msr);

/**
 * hvgate_vmx_caps_get_msr() - see hvg_vmx_caps_get_msr()
 * @caps: the set
 * @msr: 480H..493H
 * @value: the MSR's value
 *
 * Return: 0, -EINVAL, -ERANGE or -ENOENT.
 */
int hvgate_vmx_caps_get_msr(const struct hvg_vmx_caps *caps, u32 msr,
			    u64 *value)
{
	return hvgate_errno(hvg_vmx_caps_get_msr(caps, msr, value));
}
EXPORT_SYMBOL_GPL(hvgate_vmx_caps_get_msr);

/**
 * hvgate_vmx_caps_set_maxphyaddr() - see hvg_vmx_caps_set_maxphyaddr()
 * @caps: the set
 * @width: CPUID.80000008H:EAX[7:0]
 *
 * Return: 0, -EINVAL or -ERANGE.
 */
int hvgate_vmx_caps_set_maxphyaddr(struct hvg_vmx_caps *caps, u32 width)
{
	return hvgate_errno(hvg_vmx_caps_set_maxphyaddr(caps, width));
}
EXPORT_SYMBOL_GPL(hvgate_vmx_caps_set_maxphyaddr);

/**
 * hvgate_vmx_caps_set_cpu() - see hvg_vmx_caps_set_cpu()
 * @caps: the set
 * @mask: HVG_CPU_* features now known
 * @features: which of them the processor has
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_vmx_caps_set_cpu(struct hvg_vmx_caps *caps, u32 mask,
			    u32 features)
{
	return hvgate_errno(hvg_vmx_caps_set_cpu(caps, mask, features));
}
EXPORT_SYMBOL_GPL(hvgate_vmx_caps_set_cpu);

/**
 * hvgate_vmx_caps_ctls() - see hvg_vmx_caps_ctls()
 * @caps: the set
 * @which: HVG_VMX_CTLS_*
 * @allowed0: bits that must be 1
 * @allowed1: bits that may be 1
 *
 * Return: 0, -EINVAL or -ENOENT.
 */
int hvgate_vmx_caps_ctls(const struct hvg_vmx_caps *caps, u32 which,
			 u64 *allowed0, u64 *allowed1)
{
	return hvgate_errno(hvg_vmx_caps_ctls(caps, which, allowed0, allowed1));
}
EXPORT_SYMBOL_GPL(hvgate_vmx_caps_ctls);

/**
 * hvgate_vmentry_check() - see hvg_vmentry_check()
 * @vmcs: L1's current VMCS
 * @caps: L1's capability set
 * @env: facts outside the VMCS
 * @res: the outcome
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_vmentry_check(const struct hvg_vmcs12 *vmcs,
			 const struct hvg_vmx_caps *caps,
			 const struct hvg_vmentry_env *env,
			 struct hvg_vmentry_result *res)
{
	return hvgate_errno(hvg_vmentry_check(vmcs, caps, env, res));
}
EXPORT_SYMBOL_GPL(hvgate_vmentry_check);

/**
 * hvgate_vmentry_check_all() - see hvg_vmentry_check_all()
 * @vmcs: L1's current VMCS
 * @caps: L1's capability set
 * @env: facts outside the VMCS
 * @failed: receives the failing diagnostics
 * @max: room at @failed
 * @res: the outcome
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_vmentry_check_all(const struct hvg_vmcs12 *vmcs,
			     const struct hvg_vmx_caps *caps,
			     const struct hvg_vmentry_env *env, u32 *failed,
			     u32 max, struct hvg_vmentry_result *res)
{
	return hvgate_errno(hvg_vmentry_check_all(vmcs, caps, env, failed, max,
						  res));
}
EXPORT_SYMBOL_GPL(hvgate_vmentry_check_all);

/**
 * hvgate_vmentry_not_evaluated() - see hvg_vmentry_not_evaluated()
 * @res: a result
 * @diag: a diagnostic
 *
 * Return: true if @diag was reached but lacked an input.
 */
bool hvgate_vmentry_not_evaluated(const struct hvg_vmentry_result *res,
				  u32 diag)
{
	return hvg_vmentry_not_evaluated(res, diag);
}
EXPORT_SYMBOL_GPL(hvgate_vmentry_not_evaluated);

/**
 * hvgate_vmentry_diag_info() - see hvg_vmentry_diag_info()
 * @diag: a diagnostic
 *
 * Return: its catalogue entry, or NULL.
 */
const struct hvg_vmentry_diag_info *hvgate_vmentry_diag_info(u32 diag)
{
	return hvg_vmentry_diag_info(diag);
}
EXPORT_SYMBOL_GPL(hvgate_vmentry_diag_info);

/**
 * hvgate_vmentry_diag_text() - see hvg_vmentry_diag_text()
 * @diag: a diagnostic
 *
 * Return: its one-line text.
 */
const char *hvgate_vmentry_diag_text(u32 diag)
{
	return hvg_vmentry_diag_text(diag);
}
EXPORT_SYMBOL_GPL(hvgate_vmentry_diag_text);

/**
 * hvgate_vmentry_early_check_default() - see
 * hvg_vmentry_early_check_default()
 *
 * Return: -1, 0 or 1.
 */
int hvgate_vmentry_early_check_default(void)
{
	return hvg_vmentry_early_check_default();
}
EXPORT_SYMBOL_GPL(hvgate_vmentry_early_check_default);

/**
 * hvgate_vmentry_sw_coverage() - see hvg_vmentry_sw_coverage()
 * @caps: L1's capability set
 *
 * Return: 0 or a mask of HVG_COVER_* reasons.
 */
u32 hvgate_vmentry_sw_coverage(const struct hvg_vmx_caps *caps)
{
	return hvg_vmentry_sw_coverage(caps);
}
EXPORT_SYMBOL_GPL(hvgate_vmentry_sw_coverage);

/**
 * hvgate_vmentry_early_check() - see hvg_vmentry_early_check()
 * @mode: -1, 0 or 1
 * @cpuid1_ecx: CPUID.1:ECX
 * @caps: L1's capability set
 * @dry_run: whether to run the hardware dry run
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_vmentry_early_check(int mode, u32 cpuid1_ecx,
			       const struct hvg_vmx_caps *caps, bool *dry_run)
{
	return hvgate_errno(hvg_vmentry_early_check(mode, cpuid1_ecx, caps,
						    dry_run));
}
EXPORT_SYMBOL_GPL(hvgate_vmentry_early_check);

/**
 * hvgate_vmentry_dryrun_plan() - see hvg_vmentry_dryrun_plan()
 * @v02: vmcs02's MSR-load counts and launch state
 * @steps: receives the steps
 * @max: room at @steps
 * @nr: the number of steps
 *
 * Return: 0, -EINVAL or -ENOSPC.
 */
int hvgate_vmentry_dryrun_plan(const struct hvg_dryrun_vmcs02 *v02,
			       struct hvg_dryrun_step *steps, u32 max,
			       u32 *nr)
{
	return hvgate_errno(hvg_vmentry_dryrun_plan(v02, steps, max, nr));
}
EXPORT_SYMBOL_GPL(hvgate_vmentry_dryrun_plan);

/**
 * hvgate_vmentry_dryrun_interpret() - see hvg_vmentry_dryrun_interpret()
 * @sw: the software result
 * @hw: what hardware reported
 * @verdict: the decision
 *
 * Return: 0, -EINVAL or -EBUSY (a software failure came first).
 */
int hvgate_vmentry_dryrun_interpret(const struct hvg_vmentry_result *sw,
				    const struct hvg_dryrun_hw *hw,
				    struct hvg_dryrun_verdict *verdict)
{
	return hvgate_errno(hvg_vmentry_dryrun_interpret(sw, hw, verdict));
}
EXPORT_SYMBOL_GPL(hvgate_vmentry_dryrun_interpret);

#endif /* CONFIG_HVGATE_VMX_NESTED */
/* ---- end of vmcs, vmentry ------------------------------------------------- */

MODULE_DESCRIPTION("hvgate: decisions a hypervisor makes at the guest boundary");
MODULE_AUTHOR("The hvgate authors");
MODULE_LICENSE("Dual BSD/GPL");
