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
