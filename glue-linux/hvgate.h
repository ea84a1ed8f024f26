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

/* ---- lbr ---- */
int hvgate_lbr_host_offer(const struct hvg_lbr_host *host,
			  struct hvg_lbr_desc *offer);
int hvgate_lbr_check_perf_caps(const struct hvg_lbr_desc *offer,
			       u64 perf_caps, bool model_consistent);
int hvgate_lbr_desc_for_guest(struct hvg_lbr_desc *desc,
			      const struct hvg_lbr_desc *offer,
			      u64 guest_perf_caps, bool model_consistent);
bool hvgate_lbr_is_record_msr(const struct hvg_lbr_desc *desc, u32 msr);
u32 hvgate_lbr_nr_msrs(const struct hvg_lbr_desc *desc);
int hvgate_lbr_allow_list(const struct hvg_lbr_desc *desc,
			  struct hvg_msr_allow *out, u32 max, u32 *nr);
bool hvgate_lbr_arch_ctl_valid(u64 data, u32 cpuid_1c_ebx);
u64 hvgate_lbr_debugctl_bits(const struct hvg_lbr_desc *desc);
u64 hvgate_lbr_pmi_debugctl(const struct hvg_lbr_desc *desc, u64 debugctl,
			    u32 pmu_version);
int hvgate_lbr_vcpu_init(struct hvg_lbr_vcpu *v,
			 const struct hvg_lbr_desc *desc,
			 struct hvg_msr_policy *pol);
int hvgate_lbr_refresh(struct hvg_lbr_vcpu *v,
		       const struct hvg_lbr_desc *desc);
int hvgate_lbr_msr_access(struct hvg_lbr_vcpu *v, u32 msr,
			  bool host_initiated);
int hvgate_lbr_event_created(struct hvg_lbr_vcpu *v, bool ok);
int hvgate_lbr_ctl_write(struct hvg_lbr_vcpu *v, u32 msr, u64 data);
int hvgate_lbr_depth_write(struct hvg_lbr_vcpu *v, u64 data,
			   bool host_initiated);
int hvgate_lbr_vmentry(struct hvg_lbr_vcpu *v, u32 ev, u64 guest_ctl);
int hvgate_lbr_sched_in(struct hvg_lbr_vcpu *v);
int hvgate_lbr_cleanup(struct hvg_lbr_vcpu *v, u64 guest_ctl);
int hvgate_lbr_reset(struct hvg_lbr_vcpu *v);
/* ---- end lbr ---- */
/* xfd */
int hvgate_xfd_init(struct hvg_xfd_state *st, struct hvg_msr_policy *pol,
		    const struct hvg_xfd_config *cfg);
u32 hvgate_xfd_policy(const struct hvg_xfd_state *st);
enum hvg_xfd_mode hvgate_xfd_mode(const struct hvg_xfd_state *st);
int hvgate_xfd_wrmsr(struct hvg_xfd_state *st, u32 msr, u64 value,
		     bool host_initiated, struct hvg_xfd_decision *d);
int hvgate_xfd_rdmsr(const struct hvg_xfd_state *st, u32 msr,
		     bool host_initiated, struct hvg_xfd_decision *d);
int hvgate_xfd_xsetbv(struct hvg_xfd_state *st, u64 xcr0, bool host_initiated,
		      struct hvg_xfd_decision *d);
int hvgate_xfd_set_buffer(struct hvg_xfd_state *st, u64 features,
			  struct hvg_xfd_decision *d);
int hvgate_xfd_complete(struct hvg_xfd_state *st, struct hvg_xfd_decision *d);
int hvgate_xfd_refresh(struct hvg_xfd_state *st, struct hvg_xfd_decision *d);
bool hvgate_xfd_nm_intercept(const struct hvg_xfd_state *st);
bool hvgate_xfd_exit_sync(const struct hvg_xfd_state *st);
int hvgate_xfd_sync(struct hvg_xfd_state *st, u64 hw_xfd);
bool hvgate_xfd_nm_exit(const struct hvg_xfd_state *st, bool cr0_ts);
int hvgate_xfd_save_err(struct hvg_xfd_state *st, u64 xfd_err);
bool hvgate_xfd_exit_err_reset(const struct hvg_xfd_state *st);
bool hvgate_xfd_entry_err(const struct hvg_xfd_state *st, u64 *val);
u64 hvgate_xfd_xstate_bv(u64 xstate_bv, u64 xfd);
/* end xfd */
/* arm64_debug */
#if IS_ENABLED(CONFIG_HVGATE_ARM64_DEBUG)
int hvgate_a64_caps_init(struct hvg_a64_caps *caps,
			 const struct hvg_a64_idregs *id, u32 flags);
int hvgate_a64_vcpu_init(struct hvg_a64_vcpu *v);
int hvgate_a64_vcpu_load(struct hvg_a64_vcpu *v,
			 const struct hvg_a64_caps *caps);
int hvgate_a64_vcpu_put(struct hvg_a64_vcpu *v);
int hvgate_a64_dbg_trap(struct hvg_a64_vcpu *v);
int hvgate_a64_dbg_mdscr(struct hvg_a64_vcpu *v, u64 mdscr);
int hvgate_a64_dbg_os_lock(struct hvg_a64_vcpu *v, bool locked);
int hvgate_a64_dbg_host_debug(struct hvg_a64_vcpu *v, bool on);
u32 hvgate_a64_dbg_owner(const struct hvg_a64_vcpu *v);
int hvgate_a64_vcpu_mdcr(const struct hvg_a64_vcpu *v, u64 *mdcr);
int hvgate_a64_set_guest_trfcr(struct hvg_a64_vcpu *v, bool enable,
			       u64 trfcr);
int hvgate_a64_entry_probe(struct hvg_a64_vcpu *v, struct hvg_a64_plan *plan);
int hvgate_a64_entry_park(struct hvg_a64_vcpu *v, struct hvg_a64_plan *plan);
int hvgate_a64_entry_guest(struct hvg_a64_vcpu *v, u64 *mdcr,
			   struct hvg_a64_plan *plan);
int hvgate_a64_exit_host(struct hvg_a64_vcpu *v, u64 *mdcr,
			 struct hvg_a64_plan *plan);
int hvgate_a64_exit_unpark(struct hvg_a64_vcpu *v, struct hvg_a64_plan *plan);
#endif
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
