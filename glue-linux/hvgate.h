/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * hvgate kernel API: what the hvgate module exports to other modules.
 *
 * Each hvgate_* function forwards to the library's hvg_* function of the
 * same name (documented in include/hvgate/) and returns -errno where the
 * library returns a negative HVG_E* code. Structures and constants are the
 * library's own.
 */
#ifndef HVGATE_KERNEL_H
#define HVGATE_KERNEL_H

#include "hvgate_env.h"
#include <hvgate/hvgate.h>

int hvgate_errno(int hvg_err);

size_t hvgate_msrmap_size(u32 type);
int hvgate_msrmap_init(struct hvg_msrmap *map, u32 type, void *mem,
		       size_t size);
int hvgate_msrmap_set(struct hvg_msrmap *map, u32 msr, u32 dirs,
		      bool intercept);
bool hvgate_msrmap_intercepts(const struct hvg_msrmap *map, u32 msr,
			      u32 dirs);
int hvgate_msrmap_merge_full(struct hvg_msrmap *out,
			     const struct hvg_msrmap *l0,
			     const struct hvg_msrmap *l1);
int hvgate_msr_filter_check(const struct hvg_msr_filter *filter);
bool hvgate_msr_filter_allows(const struct hvg_msr_filter *filter, u32 msr,
			      u32 dir);
int hvgate_msr_policy_init(struct hvg_msr_policy *pol,
			   const struct hvg_msrmap *map,
			   const struct hvg_msr_allow *allow, u32 nr_allow,
			   struct hvg_msr_slot *slots, u32 nr_slots);
int hvgate_msr_policy_want(struct hvg_msr_policy *pol, u32 owner, u32 msr,
			   u32 dirs);
int hvgate_msr_policy_want_range(struct hvg_msr_policy *pol, u32 owner,
				 u32 first, u32 count, u32 dirs);
int hvgate_msr_policy_release_owner(struct hvg_msr_policy *pol, u32 owner);
int hvgate_msr_policy_set_filter(struct hvg_msr_policy *pol,
				 const struct hvg_msr_filter *filter);
int hvgate_msr_policy_merge_sparse(const struct hvg_msr_policy *pol,
				   const struct hvg_msrmap *l1,
				   struct hvg_msrmap *out);

/* ---- autoload ---- */
u32 hvgate_autoload_recommended_max(u64 vmx_misc);
u32 hvgate_autoload_dedicated(const struct hvg_autoload_caps *caps);
int hvgate_autoload_init(struct hvg_autoload *al,
			 const struct hvg_autoload_caps *caps,
			 struct hvg_msr_entry *entry_load,
			 struct hvg_msr_entry *exit_load,
			 struct hvg_msr_entry *exit_store, u32 nr);
int hvgate_autoload_vmcs_setup(const struct hvg_autoload *al,
			       u64 entry_load_pa, u64 exit_load_pa,
			       u64 exit_store_pa, struct hvg_al_plan *plan);
int hvgate_autoload_set(struct hvg_autoload *al, u32 msr, u64 guest,
			u64 host, u32 flags, struct hvg_al_plan *plan);
int hvgate_autoload_clear(struct hvg_autoload *al, u32 msr,
			  struct hvg_al_plan *plan);
u32 hvgate_autoload_where(const struct hvg_autoload *al, u32 msr, u64 *guest,
			  u64 *host);
int hvgate_autoload_store_add(struct hvg_autoload *al, u32 msr,
			      struct hvg_al_plan *plan);
int hvgate_autoload_store_remove(struct hvg_autoload *al, u32 msr,
				 struct hvg_al_plan *plan);
int hvgate_autoload_store_read(const struct hvg_autoload *al, u32 msr,
			       u64 *value);
int hvgate_autoload_cpu_init(struct hvg_autoload_cpu *cpu);
u64 hvgate_autoload_pmi(struct hvg_autoload_cpu *cpu, u64 host);
int hvgate_autoload_enter_begin(struct hvg_autoload *al,
				struct hvg_autoload_cpu *cpu);
int hvgate_autoload_perf_switch(struct hvg_autoload *al,
				const struct hvg_perf_msr *msrs, u32 nr,
				u32 flags, struct hvg_al_plan *plan);
int hvgate_autoload_exit_step(struct hvg_autoload *al,
			      struct hvg_al_action *act);
/* ---- end autoload ---- */

#endif /* HVGATE_KERNEL_H */
