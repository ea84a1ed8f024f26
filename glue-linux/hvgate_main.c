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

/* xfd: IA32_XFD pass-through on demand (include/hvgate/xfd.h) */
#if IS_ENABLED(CONFIG_HVGATE_XFD)

/**
 * hvgate_xfd_init() - see hvg_xfd_init()
 * @st: the vCPU's XFD state
 * @pol: the vCPU's MSR policy
 * @cfg: the vCPU's XFD setup
 *
 * Return: 0, -EINVAL or -ERANGE.
 */
int hvgate_xfd_init(struct hvg_xfd_state *st, struct hvg_msr_policy *pol,
		    const struct hvg_xfd_config *cfg)
{
	return hvgate_errno(hvg_xfd_init(st, pol, cfg));
}
EXPORT_SYMBOL_GPL(hvgate_xfd_init);

/**
 * hvgate_xfd_policy() - see hvg_xfd_policy()
 * @st: the state
 *
 * Return: the effective HVG_XFD_POLICY_*; 0 for a NULL @st.
 */
u32 hvgate_xfd_policy(const struct hvg_xfd_state *st)
{
	return hvg_xfd_policy(st);
}
EXPORT_SYMBOL_GPL(hvgate_xfd_policy);

/**
 * hvgate_xfd_mode() - see hvg_xfd_mode()
 * @st: the state
 *
 * Return: the write-interception mode.
 */
enum hvg_xfd_mode hvgate_xfd_mode(const struct hvg_xfd_state *st)
{
	return hvg_xfd_mode(st);
}
EXPORT_SYMBOL_GPL(hvgate_xfd_mode);

/**
 * hvgate_xfd_wrmsr() - see hvg_xfd_wrmsr()
 * @st: the state
 * @msr: HVG_MSR_IA32_XFD or HVG_MSR_IA32_XFD_ERR
 * @value: the value written
 * @host_initiated: written by the VMM
 * @d: the decision
 *
 * Return: 0, -EINVAL, -ENOENT, -EBUSY (a write waits for the VMM),
 * -ERANGE or -ENOSPC.
 */
int hvgate_xfd_wrmsr(struct hvg_xfd_state *st, u32 msr, u64 value,
		     bool host_initiated, struct hvg_xfd_decision *d)
{
	return hvgate_errno(hvg_xfd_wrmsr(st, msr, value, host_initiated, d));
}
EXPORT_SYMBOL_GPL(hvgate_xfd_wrmsr);

/**
 * hvgate_xfd_rdmsr() - see hvg_xfd_rdmsr()
 * @st: the state
 * @msr: HVG_MSR_IA32_XFD or HVG_MSR_IA32_XFD_ERR
 * @host_initiated: read by the VMM
 * @d: the decision, with the value
 *
 * Return: 0, -EINVAL or -ENOENT.
 */
int hvgate_xfd_rdmsr(const struct hvg_xfd_state *st, u32 msr,
		     bool host_initiated, struct hvg_xfd_decision *d)
{
	return hvgate_errno(hvg_xfd_rdmsr(st, msr, host_initiated, d));
}
EXPORT_SYMBOL_GPL(hvgate_xfd_rdmsr);

/**
 * hvgate_xfd_xsetbv() - see hvg_xfd_xsetbv()
 * @st: the state
 * @xcr0: the new, validated XCR0
 * @host_initiated: set by the VMM
 * @d: the decision
 *
 * Return: 0, -EINVAL, -EBUSY or -ENOSPC.
 */
int hvgate_xfd_xsetbv(struct hvg_xfd_state *st, u64 xcr0, bool host_initiated,
		      struct hvg_xfd_decision *d)
{
	return hvgate_errno(hvg_xfd_xsetbv(st, xcr0, host_initiated, d));
}
EXPORT_SYMBOL_GPL(hvgate_xfd_xsetbv);

/**
 * hvgate_xfd_set_buffer() - see hvg_xfd_set_buffer()
 * @st: the state
 * @features: the XSAVE components the guest FPU buffer holds now
 * @d: the decision
 *
 * Return: 0, -EINVAL or -ENOSPC.
 */
int hvgate_xfd_set_buffer(struct hvg_xfd_state *st, u64 features,
			  struct hvg_xfd_decision *d)
{
	return hvgate_errno(hvg_xfd_set_buffer(st, features, d));
}
EXPORT_SYMBOL_GPL(hvgate_xfd_set_buffer);

/**
 * hvgate_xfd_complete() - see hvg_xfd_complete()
 * @st: the state
 * @d: the decision on the operation that waited
 *
 * Return: 0, -EINVAL or -EBUSY (nothing waits).
 */
int hvgate_xfd_complete(struct hvg_xfd_state *st, struct hvg_xfd_decision *d)
{
	return hvgate_errno(hvg_xfd_complete(st, d));
}
EXPORT_SYMBOL_GPL(hvgate_xfd_complete);

/**
 * hvgate_xfd_refresh() - see hvg_xfd_refresh()
 * @st: the state
 * @d: the decision, with the #NM flags
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_xfd_refresh(struct hvg_xfd_state *st, struct hvg_xfd_decision *d)
{
	return hvgate_errno(hvg_xfd_refresh(st, d));
}
EXPORT_SYMBOL_GPL(hvgate_xfd_refresh);

/**
 * hvgate_xfd_nm_intercept() - see hvg_xfd_nm_intercept()
 * @st: the state
 *
 * Return: true if #NM must be intercepted.
 */
bool hvgate_xfd_nm_intercept(const struct hvg_xfd_state *st)
{
	return hvg_xfd_nm_intercept(st);
}
EXPORT_SYMBOL_GPL(hvgate_xfd_nm_intercept);

/**
 * hvgate_xfd_exit_sync() - see hvg_xfd_exit_sync()
 * @st: the state
 *
 * Return: true if the host's XFD state must be synced from hardware.
 */
bool hvgate_xfd_exit_sync(const struct hvg_xfd_state *st)
{
	return hvg_xfd_exit_sync(st);
}
EXPORT_SYMBOL_GPL(hvgate_xfd_exit_sync);

/**
 * hvgate_xfd_sync() - see hvg_xfd_sync()
 * @st: the state
 * @hw_xfd: IA32_XFD read after the exit
 *
 * Return: 0, -EINVAL or -EBUSY (writes are intercepted).
 */
int hvgate_xfd_sync(struct hvg_xfd_state *st, u64 hw_xfd)
{
	return hvgate_errno(hvg_xfd_sync(st, hw_xfd));
}
EXPORT_SYMBOL_GPL(hvgate_xfd_sync);

/**
 * hvgate_xfd_nm_exit() - see hvg_xfd_nm_exit()
 * @st: the state, synced for this exit
 * @cr0_ts: the guest's CR0.TS
 *
 * Return: true to read IA32_XFD_ERR now.
 */
bool hvgate_xfd_nm_exit(const struct hvg_xfd_state *st, bool cr0_ts)
{
	return hvg_xfd_nm_exit(st, cr0_ts);
}
EXPORT_SYMBOL_GPL(hvgate_xfd_nm_exit);

/**
 * hvgate_xfd_save_err() - see hvg_xfd_save_err()
 * @st: the state
 * @xfd_err: IA32_XFD_ERR read on the #NM exit
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_xfd_save_err(struct hvg_xfd_state *st, u64 xfd_err)
{
	return hvgate_errno(hvg_xfd_save_err(st, xfd_err));
}
EXPORT_SYMBOL_GPL(hvgate_xfd_save_err);

/**
 * hvgate_xfd_exit_err_reset() - see hvg_xfd_exit_err_reset()
 * @st: the state
 *
 * Return: true to write 0 to IA32_XFD_ERR.
 */
bool hvgate_xfd_exit_err_reset(const struct hvg_xfd_state *st)
{
	return hvg_xfd_exit_err_reset(st);
}
EXPORT_SYMBOL_GPL(hvgate_xfd_exit_err_reset);

/**
 * hvgate_xfd_entry_err() - see hvg_xfd_entry_err()
 * @st: the state
 * @val: the value to restore
 *
 * Return: true to write *@val to IA32_XFD_ERR before entry.
 */
bool hvgate_xfd_entry_err(const struct hvg_xfd_state *st, u64 *val)
{
	return hvg_xfd_entry_err(st, val);
}
EXPORT_SYMBOL_GPL(hvgate_xfd_entry_err);

/**
 * hvgate_xfd_xstate_bv() - see hvg_xfd_xstate_bv()
 * @xstate_bv: XSTATE_BV of the guest's saved XSAVE header
 * @xfd: the guest's IA32_XFD
 *
 * Return: @xstate_bv without the components @xfd disables.
 */
u64 hvgate_xfd_xstate_bv(u64 xstate_bv, u64 xfd)
{
	return hvg_xfd_xstate_bv(xstate_bv, xfd);
}
EXPORT_SYMBOL_GPL(hvgate_xfd_xstate_bv);
#endif /* CONFIG_HVGATE_XFD */
/* end xfd */

/* ---- lbr ---- */
#if IS_ENABLED(CONFIG_HVGATE_LBR)

/* Decisions and actions are >= 0 and pass unchanged; errors become -errno. */
static int hvgate_lbr_result(int ret)
{
	return ret < 0 ? hvgate_errno(ret) : ret;
}

/**
 * hvgate_lbr_host_offer() - see hvg_lbr_host_offer()
 * @host: the host's LBR capabilities
 * @offer: filled with the description a guest can get
 *
 * Return: 0, -EINVAL, -ERANGE or -EEXIST.
 */
int hvgate_lbr_host_offer(const struct hvg_lbr_host *host,
			  struct hvg_lbr_desc *offer)
{
	return hvgate_errno(hvg_lbr_host_offer(host, offer));
}
EXPORT_SYMBOL_GPL(hvgate_lbr_host_offer);

/**
 * hvgate_lbr_check_perf_caps() - see hvg_lbr_check_perf_caps()
 * @offer: the host's offer
 * @perf_caps: the guest IA32_PERF_CAPABILITIES value being written
 * @model_consistent: the guest's family/model equal the host's
 *
 * Return: 0, -EINVAL or -EOPNOTSUPP.
 */
int hvgate_lbr_check_perf_caps(const struct hvg_lbr_desc *offer,
			       u64 perf_caps, bool model_consistent)
{
	return hvgate_errno(hvg_lbr_check_perf_caps(offer, perf_caps,
						    model_consistent));
}
EXPORT_SYMBOL_GPL(hvgate_lbr_check_perf_caps);

/**
 * hvgate_lbr_desc_for_guest() - see hvg_lbr_desc_for_guest()
 * @desc: filled with the vCPU's description
 * @offer: the host's offer
 * @guest_perf_caps: the guest's IA32_PERF_CAPABILITIES
 * @model_consistent: the guest's family/model equal the host's
 *
 * Return: 0, -EINVAL or -EOPNOTSUPP.
 */
int hvgate_lbr_desc_for_guest(struct hvg_lbr_desc *desc,
			      const struct hvg_lbr_desc *offer,
			      u64 guest_perf_caps, bool model_consistent)
{
	return hvgate_errno(hvg_lbr_desc_for_guest(desc, offer,
						   guest_perf_caps,
						   model_consistent));
}
EXPORT_SYMBOL_GPL(hvgate_lbr_desc_for_guest);

/**
 * hvgate_lbr_is_record_msr() - see hvg_lbr_is_record_msr()
 * @desc: the vCPU's description
 * @msr: MSR index
 *
 * Return: true if @msr is one of the vCPU's LBR MSRs.
 */
bool hvgate_lbr_is_record_msr(const struct hvg_lbr_desc *desc, u32 msr)
{
	return hvg_lbr_is_record_msr(desc, msr);
}
EXPORT_SYMBOL_GPL(hvgate_lbr_is_record_msr);

/**
 * hvgate_lbr_nr_msrs() - see hvg_lbr_nr_msrs()
 * @desc: the description
 *
 * Return: the size of the pass-through set; 0 if invalid or disabled.
 */
u32 hvgate_lbr_nr_msrs(const struct hvg_lbr_desc *desc)
{
	return hvg_lbr_nr_msrs(desc);
}
EXPORT_SYMBOL_GPL(hvgate_lbr_nr_msrs);

/**
 * hvgate_lbr_allow_list() - see hvg_lbr_allow_list()
 * @desc: the description
 * @out: filled with allow-list entries
 * @max: entries at @out
 * @nr: filled with the number written
 *
 * Return: 0, -EINVAL, -ERANGE, -EEXIST or -ENOSPC.
 */
int hvgate_lbr_allow_list(const struct hvg_lbr_desc *desc,
			  struct hvg_msr_allow *out, u32 max, u32 *nr)
{
	return hvgate_errno(hvg_lbr_allow_list(desc, out, max, nr));
}
EXPORT_SYMBOL_GPL(hvgate_lbr_allow_list);

/**
 * hvgate_lbr_arch_ctl_valid() - see hvg_lbr_arch_ctl_valid()
 * @data: an IA32_LBR_CTL value
 * @cpuid_1c_ebx: the guest's CPUID.(EAX=1CH,ECX=0):EBX
 *
 * Return: true if WRMSR of @data succeeds.
 */
bool hvgate_lbr_arch_ctl_valid(u64 data, u32 cpuid_1c_ebx)
{
	return hvg_lbr_arch_ctl_valid(data, cpuid_1c_ebx);
}
EXPORT_SYMBOL_GPL(hvgate_lbr_arch_ctl_valid);

/**
 * hvgate_lbr_debugctl_bits() - see hvg_lbr_debugctl_bits()
 * @desc: the vCPU's description
 *
 * Return: the IA32_DEBUGCTL LBR bits the guest may set.
 */
u64 hvgate_lbr_debugctl_bits(const struct hvg_lbr_desc *desc)
{
	return hvg_lbr_debugctl_bits(desc);
}
EXPORT_SYMBOL_GPL(hvgate_lbr_debugctl_bits);

/**
 * hvgate_lbr_pmi_debugctl() - see hvg_lbr_pmi_debugctl()
 * @desc: the vCPU's description
 * @debugctl: the guest's IA32_DEBUGCTL
 * @pmu_version: the guest's architectural PMU version
 *
 * Return: IA32_DEBUGCTL after a virtual PMI.
 */
u64 hvgate_lbr_pmi_debugctl(const struct hvg_lbr_desc *desc, u64 debugctl,
			    u32 pmu_version)
{
	return hvg_lbr_pmi_debugctl(desc, debugctl, pmu_version);
}
EXPORT_SYMBOL_GPL(hvgate_lbr_pmi_debugctl);

/**
 * hvgate_lbr_vcpu_init() - see hvg_lbr_vcpu_init()
 * @v: the vCPU's LBR state
 * @desc: its description
 * @pol: the policy of its map
 *
 * Return: 0, -EINVAL, -ERANGE or -EEXIST.
 */
int hvgate_lbr_vcpu_init(struct hvg_lbr_vcpu *v,
			 const struct hvg_lbr_desc *desc,
			 struct hvg_msr_policy *pol)
{
	return hvgate_errno(hvg_lbr_vcpu_init(v, desc, pol));
}
EXPORT_SYMBOL_GPL(hvgate_lbr_vcpu_init);

/**
 * hvgate_lbr_refresh() - see hvg_lbr_refresh()
 * @v: the vCPU's LBR state
 * @desc: its new description
 *
 * Return: 0, -EINVAL, -ERANGE, -EEXIST or -EBUSY (an event is held).
 */
int hvgate_lbr_refresh(struct hvg_lbr_vcpu *v,
		       const struct hvg_lbr_desc *desc)
{
	return hvgate_errno(hvg_lbr_refresh(v, desc));
}
EXPORT_SYMBOL_GPL(hvgate_lbr_refresh);

/**
 * hvgate_lbr_msr_access() - see hvg_lbr_msr_access()
 * @v: the vCPU's LBR state
 * @msr: MSR index
 * @host_initiated: a userspace access
 *
 * Return: an enum hvg_lbr_access, or -EINVAL.
 */
int hvgate_lbr_msr_access(struct hvg_lbr_vcpu *v, u32 msr,
			  bool host_initiated)
{
	return hvgate_lbr_result(hvg_lbr_msr_access(v, msr, host_initiated));
}
EXPORT_SYMBOL_GPL(hvgate_lbr_msr_access);

/**
 * hvgate_lbr_event_created() - see hvg_lbr_event_created()
 * @v: the vCPU's LBR state
 * @ok: the glue holds the event now
 *
 * Return: an enum hvg_lbr_access, -EINVAL, or -EBUSY (out of turn).
 */
int hvgate_lbr_event_created(struct hvg_lbr_vcpu *v, bool ok)
{
	return hvgate_lbr_result(hvg_lbr_event_created(v, ok));
}
EXPORT_SYMBOL_GPL(hvgate_lbr_event_created);

/**
 * hvgate_lbr_ctl_write() - see hvg_lbr_ctl_write()
 * @v: the vCPU's LBR state
 * @msr: HVG_MSR_IA32_DEBUGCTL or HVG_MSR_IA32_LBR_CTL
 * @data: the value written
 *
 * Return: an enum hvg_lbr_action, or -EINVAL.
 */
int hvgate_lbr_ctl_write(struct hvg_lbr_vcpu *v, u32 msr, u64 data)
{
	return hvgate_lbr_result(hvg_lbr_ctl_write(v, msr, data));
}
EXPORT_SYMBOL_GPL(hvgate_lbr_ctl_write);

/**
 * hvgate_lbr_depth_write() - see hvg_lbr_depth_write()
 * @v: the vCPU's LBR state
 * @data: the IA32_LBR_DEPTH value written
 * @host_initiated: a userspace write
 *
 * Return: an enum hvg_lbr_access, -EINVAL (#GP) or -EOPNOTSUPP.
 */
int hvgate_lbr_depth_write(struct hvg_lbr_vcpu *v, u64 data,
			   bool host_initiated)
{
	return hvgate_lbr_result(hvg_lbr_depth_write(v, data, host_initiated));
}
EXPORT_SYMBOL_GPL(hvgate_lbr_depth_write);

/**
 * hvgate_lbr_vmentry() - see hvg_lbr_vmentry()
 * @v: the vCPU's LBR state
 * @ev: the event's enum hvg_lbr_event_state, read with IRQs off
 * @guest_ctl: the guest's IA32_DEBUGCTL (legacy) or IA32_LBR_CTL
 *
 * Return: HVG_LBR_ENTRY_* bits, or -EINVAL.
 */
int hvgate_lbr_vmentry(struct hvg_lbr_vcpu *v, u32 ev, u64 guest_ctl)
{
	return hvgate_lbr_result(hvg_lbr_vmentry(v, ev, guest_ctl));
}
EXPORT_SYMBOL_GPL(hvgate_lbr_vmentry);

/**
 * hvgate_lbr_sched_in() - see hvg_lbr_sched_in()
 * @v: the vCPU's LBR state
 *
 * Return: an enum hvg_lbr_action, or -EINVAL.
 */
int hvgate_lbr_sched_in(struct hvg_lbr_vcpu *v)
{
	return hvgate_lbr_result(hvg_lbr_sched_in(v));
}
EXPORT_SYMBOL_GPL(hvgate_lbr_sched_in);

/**
 * hvgate_lbr_cleanup() - see hvg_lbr_cleanup()
 * @v: the vCPU's LBR state
 * @guest_ctl: the guest's IA32_DEBUGCTL (legacy) or IA32_LBR_CTL
 *
 * Return: an enum hvg_lbr_action, or -EINVAL.
 */
int hvgate_lbr_cleanup(struct hvg_lbr_vcpu *v, u64 guest_ctl)
{
	return hvgate_lbr_result(hvg_lbr_cleanup(v, guest_ctl));
}
EXPORT_SYMBOL_GPL(hvgate_lbr_cleanup);

/**
 * hvgate_lbr_reset() - see hvg_lbr_reset()
 * @v: the vCPU's LBR state
 *
 * Return: an enum hvg_lbr_action, or -EINVAL.
 */
int hvgate_lbr_reset(struct hvg_lbr_vcpu *v)
{
	return hvgate_lbr_result(hvg_lbr_reset(v));
}
EXPORT_SYMBOL_GPL(hvgate_lbr_reset);

#endif /* CONFIG_HVGATE_LBR */
/* ---- end lbr ---- */

/* arm64_debug */
#if IS_ENABLED(CONFIG_HVGATE_ARM64_DEBUG)
/**
 * hvgate_a64_caps_init() - see hvg_a64_caps_init()
 * @caps: filled with one CPU's capabilities
 * @id: that CPU's ID register values
 * @flags: HVG_A64_HOST_VHE and HVG_A64_ERRATUM_*
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_a64_caps_init(struct hvg_a64_caps *caps,
			 const struct hvg_a64_idregs *id, u32 flags)
{
	return hvgate_errno(hvg_a64_caps_init(caps, id, flags));
}
EXPORT_SYMBOL_GPL(hvgate_a64_caps_init);

/**
 * hvgate_a64_vcpu_init() - see hvg_a64_vcpu_init()
 * @v: the vCPU
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_a64_vcpu_init(struct hvg_a64_vcpu *v)
{
	return hvgate_errno(hvg_a64_vcpu_init(v));
}
EXPORT_SYMBOL_GPL(hvgate_a64_vcpu_init);

/**
 * hvgate_a64_vcpu_load() - see hvg_a64_vcpu_load()
 * @v: the vCPU
 * @caps: the capabilities of the CPU it is loaded on
 *
 * Return: 0, -EINVAL or -EBUSY (already loaded).
 */
int hvgate_a64_vcpu_load(struct hvg_a64_vcpu *v,
			 const struct hvg_a64_caps *caps)
{
	return hvgate_errno(hvg_a64_vcpu_load(v, caps));
}
EXPORT_SYMBOL_GPL(hvgate_a64_vcpu_load);

/**
 * hvgate_a64_vcpu_put() - see hvg_a64_vcpu_put()
 * @v: the vCPU
 *
 * Return: 0, -EINVAL or -EBUSY (not loaded, or mid world switch).
 */
int hvgate_a64_vcpu_put(struct hvg_a64_vcpu *v)
{
	return hvgate_errno(hvg_a64_vcpu_put(v));
}
EXPORT_SYMBOL_GPL(hvgate_a64_vcpu_put);

/**
 * hvgate_a64_dbg_trap() - see hvg_a64_dbg_trap()
 * @v: the vCPU
 *
 * Return: 0, -EINVAL or -EBUSY (not loaded, or mid world switch).
 */
int hvgate_a64_dbg_trap(struct hvg_a64_vcpu *v)
{
	return hvgate_errno(hvg_a64_dbg_trap(v));
}
EXPORT_SYMBOL_GPL(hvgate_a64_dbg_trap);

/**
 * hvgate_a64_dbg_mdscr() - see hvg_a64_dbg_mdscr()
 * @v: the vCPU
 * @mdscr: the guest's new MDSCR_EL1
 *
 * Return: 0, -EINVAL or -EBUSY (mid world switch).
 */
int hvgate_a64_dbg_mdscr(struct hvg_a64_vcpu *v, u64 mdscr)
{
	return hvgate_errno(hvg_a64_dbg_mdscr(v, mdscr));
}
EXPORT_SYMBOL_GPL(hvgate_a64_dbg_mdscr);

/**
 * hvgate_a64_dbg_os_lock() - see hvg_a64_dbg_os_lock()
 * @v: the vCPU
 * @locked: the OSLAR_EL1.OSLK value the guest wrote
 *
 * Return: 0, -EINVAL or -EBUSY (mid world switch).
 */
int hvgate_a64_dbg_os_lock(struct hvg_a64_vcpu *v, bool locked)
{
	return hvgate_errno(hvg_a64_dbg_os_lock(v, locked));
}
EXPORT_SYMBOL_GPL(hvgate_a64_dbg_os_lock);

/**
 * hvgate_a64_dbg_host_debug() - see hvg_a64_dbg_host_debug()
 * @v: the vCPU
 * @on: userspace debugs the guest
 *
 * Return: 0, -EINVAL or -EBUSY (mid world switch).
 */
int hvgate_a64_dbg_host_debug(struct hvg_a64_vcpu *v, bool on)
{
	return hvgate_errno(hvg_a64_dbg_host_debug(v, on));
}
EXPORT_SYMBOL_GPL(hvgate_a64_dbg_host_debug);

/**
 * hvgate_a64_dbg_owner() - see hvg_a64_dbg_owner()
 * @v: the vCPU
 *
 * Return: an enum hvg_a64_dbg_owner value.
 */
u32 hvgate_a64_dbg_owner(const struct hvg_a64_vcpu *v)
{
	return hvg_a64_dbg_owner(v);
}
EXPORT_SYMBOL_GPL(hvgate_a64_dbg_owner);

/**
 * hvgate_a64_vcpu_mdcr() - see hvg_a64_vcpu_mdcr()
 * @v: a loaded vCPU
 * @mdcr: filled with its MDCR_EL2
 *
 * Return: 0, -EINVAL or -EBUSY (not loaded).
 */
int hvgate_a64_vcpu_mdcr(const struct hvg_a64_vcpu *v, u64 *mdcr)
{
	return hvgate_errno(hvg_a64_vcpu_mdcr(v, mdcr));
}
EXPORT_SYMBOL_GPL(hvgate_a64_vcpu_mdcr);

/**
 * hvgate_a64_set_guest_trfcr() - see hvg_a64_set_guest_trfcr()
 * @v: the vCPU
 * @enable: switch TRFCR_EL1 while the guest runs
 * @trfcr: the guest's TRFCR_EL1
 *
 * Return: 0, -EINVAL or -EBUSY (mid world switch).
 */
int hvgate_a64_set_guest_trfcr(struct hvg_a64_vcpu *v, bool enable,
			       u64 trfcr)
{
	return hvgate_errno(hvg_a64_set_guest_trfcr(v, enable, trfcr));
}
EXPORT_SYMBOL_GPL(hvgate_a64_set_guest_trfcr);

/**
 * hvgate_a64_entry_probe() - see hvg_a64_entry_probe()
 * @v: a loaded, idle vCPU
 * @plan: filled with the probe plan
 *
 * Return: 0, -EINVAL or -EBUSY (out of order).
 */
int hvgate_a64_entry_probe(struct hvg_a64_vcpu *v, struct hvg_a64_plan *plan)
{
	return hvgate_errno(hvg_a64_entry_probe(v, plan));
}
EXPORT_SYMBOL_GPL(hvgate_a64_entry_probe);

/**
 * hvgate_a64_entry_park() - see hvg_a64_entry_park()
 * @v: a probed vCPU
 * @plan: filled with the park plan
 *
 * Return: 0, -EINVAL or -EBUSY (out of order).
 */
int hvgate_a64_entry_park(struct hvg_a64_vcpu *v, struct hvg_a64_plan *plan)
{
	return hvgate_errno(hvg_a64_entry_park(v, plan));
}
EXPORT_SYMBOL_GPL(hvgate_a64_entry_park);

/**
 * hvgate_a64_entry_guest() - see hvg_a64_entry_guest()
 * @v: a parked vCPU
 * @mdcr: filled with the vCPU's MDCR_EL2
 * @plan: filled with the debug register switch to the guest
 *
 * Return: 0, -EINVAL or -EBUSY (out of order).
 */
int hvgate_a64_entry_guest(struct hvg_a64_vcpu *v, u64 *mdcr,
			   struct hvg_a64_plan *plan)
{
	return hvgate_errno(hvg_a64_entry_guest(v, mdcr, plan));
}
EXPORT_SYMBOL_GPL(hvgate_a64_entry_guest);

/**
 * hvgate_a64_exit_host() - see hvg_a64_exit_host()
 * @v: a vCPU back from the guest
 * @mdcr: filled with the host's MDCR_EL2
 * @plan: filled with the debug register switch to the host
 *
 * Return: 0, -EINVAL or -EBUSY (out of order).
 */
int hvgate_a64_exit_host(struct hvg_a64_vcpu *v, u64 *mdcr,
			 struct hvg_a64_plan *plan)
{
	return hvgate_errno(hvg_a64_exit_host(v, mdcr, plan));
}
EXPORT_SYMBOL_GPL(hvgate_a64_exit_host);

/**
 * hvgate_a64_exit_unpark() - see hvg_a64_exit_unpark()
 * @v: a vCPU whose host context is back
 * @plan: filled with the restore plan
 *
 * Return: 0, -EINVAL or -EBUSY (out of order).
 */
int hvgate_a64_exit_unpark(struct hvg_a64_vcpu *v, struct hvg_a64_plan *plan)
{
	return hvgate_errno(hvg_a64_exit_unpark(v, plan));
}
EXPORT_SYMBOL_GPL(hvgate_a64_exit_unpark);
#endif

/* ---- autoload ---- */

/**
 * hvgate_autoload_recommended_max() - see hvg_autoload_recommended_max()
 * @vmx_misc: IA32_VMX_MISC
 *
 * Return: 512 * (IA32_VMX_MISC[27:25] + 1).
 */
u32 hvgate_autoload_recommended_max(u64 vmx_misc)
{
	return hvg_autoload_recommended_max(vmx_misc);
}
EXPORT_SYMBOL_GPL(hvgate_autoload_recommended_max);

/**
 * hvgate_autoload_dedicated() - see hvg_autoload_dedicated()
 * @caps: the capability MSRs
 *
 * Return: the HVG_AL_*_FIELD bits the capabilities allow.
 */
u32 hvgate_autoload_dedicated(const struct hvg_autoload_caps *caps)
{
	return hvg_autoload_dedicated(caps);
}
EXPORT_SYMBOL_GPL(hvgate_autoload_dedicated);

/**
 * hvgate_autoload_init() - see hvg_autoload_init()
 * @al: the state to initialise
 * @caps: the capability MSRs
 * @entry_load: VM-entry MSR-load list, 16-byte aligned
 * @exit_load: VM-exit MSR-load list, 16-byte aligned
 * @exit_store: VM-exit MSR-store list, 16-byte aligned
 * @nr: entries available in each list
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_autoload_init(struct hvg_autoload *al,
			 const struct hvg_autoload_caps *caps,
			 struct hvg_msr_entry *entry_load,
			 struct hvg_msr_entry *exit_load,
			 struct hvg_msr_entry *exit_store, u32 nr)
{
	return hvgate_errno(hvg_autoload_init(al, caps, entry_load, exit_load,
					      exit_store, nr));
}
EXPORT_SYMBOL_GPL(hvgate_autoload_init);

/**
 * hvgate_autoload_vmcs_setup() - see hvg_autoload_vmcs_setup()
 * @al: the state
 * @entry_load_pa: physical address of the VM-entry MSR-load list
 * @exit_load_pa: physical address of the VM-exit MSR-load list
 * @exit_store_pa: physical address of the VM-exit MSR-store list
 * @plan: receives the actions
 *
 * Return: 0, -EINVAL or -ENOSPC.
 */
int hvgate_autoload_vmcs_setup(const struct hvg_autoload *al,
			       u64 entry_load_pa, u64 exit_load_pa,
			       u64 exit_store_pa, struct hvg_al_plan *plan)
{
	return hvgate_errno(hvg_autoload_vmcs_setup(al, entry_load_pa,
						    exit_load_pa, exit_store_pa,
						    plan));
}
EXPORT_SYMBOL_GPL(hvgate_autoload_vmcs_setup);

/**
 * hvgate_autoload_set() - see hvg_autoload_set()
 * @al: the state
 * @msr: MSR index
 * @guest: value loaded at VM entry
 * @host: value loaded at VM exit
 * @flags: HVG_AL_ENTRY_ONLY or 0
 * @plan: receives the actions
 *
 * Return: 0, -EINVAL, -EPERM or -ENOSPC.
 */
int hvgate_autoload_set(struct hvg_autoload *al, u32 msr, u64 guest,
			u64 host, u32 flags, struct hvg_al_plan *plan)
{
	return hvgate_errno(hvg_autoload_set(al, msr, guest, host, flags,
					     plan));
}
EXPORT_SYMBOL_GPL(hvgate_autoload_set);

/**
 * hvgate_autoload_clear() - see hvg_autoload_clear()
 * @al: the state
 * @msr: MSR index
 * @plan: receives the actions
 *
 * Return: 0, -EINVAL, -EPERM, -ENOENT or -ENOSPC.
 */
int hvgate_autoload_clear(struct hvg_autoload *al, u32 msr,
			  struct hvg_al_plan *plan)
{
	return hvgate_errno(hvg_autoload_clear(al, msr, plan));
}
EXPORT_SYMBOL_GPL(hvgate_autoload_clear);

/**
 * hvgate_autoload_where() - see hvg_autoload_where()
 * @al: the state
 * @msr: MSR index
 * @guest: receives the guest value, or NULL
 * @host: receives the host value, or NULL
 *
 * Return: HVG_AL_IN_* bits, 0 if @msr is not switched.
 */
u32 hvgate_autoload_where(const struct hvg_autoload *al, u32 msr, u64 *guest,
			  u64 *host)
{
	return hvg_autoload_where(al, msr, guest, host);
}
EXPORT_SYMBOL_GPL(hvgate_autoload_where);

/**
 * hvgate_autoload_store_add() - see hvg_autoload_store_add()
 * @al: the state
 * @msr: MSR index
 * @plan: receives the count write
 *
 * Return: 0, -EINVAL, -EPERM, -EEXIST or -ENOSPC.
 */
int hvgate_autoload_store_add(struct hvg_autoload *al, u32 msr,
			      struct hvg_al_plan *plan)
{
	return hvgate_errno(hvg_autoload_store_add(al, msr, plan));
}
EXPORT_SYMBOL_GPL(hvgate_autoload_store_add);

/**
 * hvgate_autoload_store_remove() - see hvg_autoload_store_remove()
 * @al: the state
 * @msr: MSR index
 * @plan: receives the count write
 *
 * Return: 0, -EINVAL, -ENOENT or -ENOSPC.
 */
int hvgate_autoload_store_remove(struct hvg_autoload *al, u32 msr,
				 struct hvg_al_plan *plan)
{
	return hvgate_errno(hvg_autoload_store_remove(al, msr, plan));
}
EXPORT_SYMBOL_GPL(hvgate_autoload_store_remove);

/**
 * hvgate_autoload_store_read() - see hvg_autoload_store_read()
 * @al: the state
 * @msr: MSR index
 * @value: receives the value saved at the last VM exit
 *
 * Return: 0, -EINVAL or -ENOENT.
 */
int hvgate_autoload_store_read(const struct hvg_autoload *al, u32 msr,
			       u64 *value)
{
	return hvgate_errno(hvg_autoload_store_read(al, msr, value));
}
EXPORT_SYMBOL_GPL(hvgate_autoload_store_read);

/**
 * hvgate_autoload_cpu_init() - see hvg_autoload_cpu_init()
 * @cpu: the per-CPU state
 *
 * Return: 0 or -EINVAL.
 */
int hvgate_autoload_cpu_init(struct hvg_autoload_cpu *cpu)
{
	return hvgate_errno(hvg_autoload_cpu_init(cpu));
}
EXPORT_SYMBOL_GPL(hvgate_autoload_cpu_init);

/**
 * hvgate_autoload_pmi() - see hvg_autoload_pmi(); callable in NMI context
 * @cpu: this CPU's shared state
 * @host: the value perf now holds for the volatile MSR
 *
 * Return: the value the PMI handler must write to the MSR.
 */
u64 hvgate_autoload_pmi(struct hvg_autoload_cpu *cpu, u64 host)
{
	return hvg_autoload_pmi(cpu, host);
}
EXPORT_SYMBOL_GPL(hvgate_autoload_pmi);

/**
 * hvgate_autoload_enter_begin() - see hvg_autoload_enter_begin()
 * @al: the vCPU's state
 * @cpu: the shared state of the current CPU
 *
 * Return: 0, -EINVAL or -EBUSY (a window is open already).
 */
int hvgate_autoload_enter_begin(struct hvg_autoload *al,
				struct hvg_autoload_cpu *cpu)
{
	return hvgate_errno(hvg_autoload_enter_begin(al, cpu));
}
EXPORT_SYMBOL_GPL(hvgate_autoload_enter_begin);

/**
 * hvgate_autoload_perf_switch() - see hvg_autoload_perf_switch()
 * @al: the vCPU's state, in an open window
 * @msrs: perf's switch list
 * @nr: entries at @msrs
 * @flags: HVG_PERF_PEBS_ISOLATION or 0
 * @plan: receives the actions
 *
 * Return: 0, -EINVAL, -EBUSY (no window open), -EPERM, -EEXIST or -ENOSPC.
 */
int hvgate_autoload_perf_switch(struct hvg_autoload *al,
				const struct hvg_perf_msr *msrs, u32 nr,
				u32 flags, struct hvg_al_plan *plan)
{
	return hvgate_errno(hvg_autoload_perf_switch(al, msrs, nr, flags,
						     plan));
}
EXPORT_SYMBOL_GPL(hvgate_autoload_perf_switch);

/**
 * hvgate_autoload_exit_step() - see hvg_autoload_exit_step()
 * @al: the vCPU's state
 * @act: receives the step's action
 *
 * Return: 1 to perform @act and call again, 0 when done, -EINVAL, or
 * -EBUSY if no window is open.
 */
int hvgate_autoload_exit_step(struct hvg_autoload *al,
			      struct hvg_al_action *act)
{
	int ret = hvg_autoload_exit_step(al, act);

	return ret > 0 ? ret : hvgate_errno(ret);
}
EXPORT_SYMBOL_GPL(hvgate_autoload_exit_step);

/* ---- end autoload ---- */

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
