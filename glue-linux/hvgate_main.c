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

MODULE_DESCRIPTION("hvgate: decisions a hypervisor makes at the guest boundary");
MODULE_AUTHOR("The hvgate authors");
MODULE_LICENSE("Dual BSD/GPL");

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
