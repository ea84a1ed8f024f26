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

/* vmcs, vmentry (nested VMX) */
int hvgate_vmcs_vmread(const struct hvg_vmcs12 *vmcs, u32 encoding, u64 *value,
		       u32 *vmx_error);
int hvgate_vmcs_vmwrite(struct hvg_vmcs12 *vmcs,
			const struct hvg_vmx_caps *caps, u32 encoding,
			u64 value, u32 *vmx_error);
int hvgate_vmx_caps_init(struct hvg_vmx_caps *caps);
int hvgate_vmx_caps_set_msr(struct hvg_vmx_caps *caps, u32 msr, u64 value);
int hvgate_vmx_caps_get_msr(const struct hvg_vmx_caps *caps, u32 msr,
			    u64 *value);
int hvgate_vmx_caps_set_maxphyaddr(struct hvg_vmx_caps *caps, u32 width);
int hvgate_vmx_caps_set_cpu(struct hvg_vmx_caps *caps, u32 mask,
			    u32 features);
int hvgate_vmx_caps_ctls(const struct hvg_vmx_caps *caps, u32 which,
			 u64 *allowed0, u64 *allowed1);
int hvgate_vmentry_check(const struct hvg_vmcs12 *vmcs,
			 const struct hvg_vmx_caps *caps,
			 const struct hvg_vmentry_env *env,
			 struct hvg_vmentry_result *res);
int hvgate_vmentry_check_all(const struct hvg_vmcs12 *vmcs,
			     const struct hvg_vmx_caps *caps,
			     const struct hvg_vmentry_env *env, u32 *failed,
			     u32 max, struct hvg_vmentry_result *res);
bool hvgate_vmentry_not_evaluated(const struct hvg_vmentry_result *res,
				  u32 diag);
const struct hvg_vmentry_diag_info *hvgate_vmentry_diag_info(u32 diag);
const char *hvgate_vmentry_diag_text(u32 diag);
int hvgate_vmentry_early_check_default(void);
u32 hvgate_vmentry_sw_coverage(const struct hvg_vmx_caps *caps);
int hvgate_vmentry_early_check(int mode, u32 cpuid1_ecx,
			       const struct hvg_vmx_caps *caps, bool *dry_run);
int hvgate_vmentry_dryrun_plan(const struct hvg_dryrun_vmcs02 *v02,
			       struct hvg_dryrun_step *steps, u32 max,
			       u32 *nr);
int hvgate_vmentry_dryrun_interpret(const struct hvg_vmentry_result *sw,
				    const struct hvg_dryrun_hw *hw,
				    struct hvg_dryrun_verdict *verdict);

#endif /* HVGATE_KERNEL_H */
