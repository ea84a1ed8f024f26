// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * autoload benchmarks: one VM entry's worth of MSR switching when nothing
 * changed, with 2, 4 and 6 perf MSRs, against the baseline the issue
 * names: rebuilding the lists on every entry, as KVM's
 * atomic_switch_perf_msrs() does (reference/upstream-kvm.md 0.2 and (e)).
 *
 * The perf MSRs are those perf_guest_get_msrs() reports, in its order,
 * all with host != guest: IA32_PERF_GLOBAL_CTRL (dedicated fields, as on
 * every CPU since Westmere), IA32_DS_AREA, MSR_PEBS_DATA_CFG, then
 * IA32_FIXED_CTR_CTRL and two event selects (list entries). A "with PEBS"
 * pair adds IA32_PEBS_ENABLE on a part without PEBS isolation, host 0.
 *
 * The library's op is the whole per-entry path: hvg_autoload_enter_begin()
 * + hvg_autoload_perf_switch() + the exit steps. It aborts if the switch
 * returns any action: no VMWRITE, no count write, no control write when
 * nothing changed. The baseline counts its VMWRITEs and checks them once
 * at setup (2 per entry: KVM rewrites both PERF_GLOBAL_CTRL fields).
 */
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define NR_MAX	7

static const struct hvg_perf_msr perf_set[NR_MAX] = {
	{ HVG_MSR_IA32_PERF_GLOBAL_CTRL, 0, 0x70000000full, 0x3 },
	{ HVG_MSR_IA32_DS_AREA, 0, 0xffff888100010000ull, 0x7f0000 },
	{ HVG_MSR_PEBS_DATA_CFG, 0, 0x1, 0x0 },
	{ HVG_MSR_IA32_FIXED_CTR_CTRL, 0, 0xbbb, 0xb },
	{ HVG_MSR_IA32_PERFEVTSEL0, 0, 0x43003c, 0x41003c },
	{ HVG_MSR_IA32_PERFEVTSEL0 + 1, 0, 0x4300c0, 0x4100c0 },
	{ HVG_MSR_IA32_PEBS_ENABLE, 0, 0, 0 },
};

/* ---- the baseline: KVM's list rebuild on every VM entry ------------ */

struct kvm_msrs {
	u32 nr;
	struct hvg_msr_entry val[HVG_AUTOLOAD_MAX];
};

struct kvm_vmx {
	struct kvm_msrs guest, host;
	u32 entry_ctls, exit_ctls;	/* KVM's shadow of the controls */
	u64 vmcs[8];			/* the fields it writes */
	unsigned long vmwrites;
	bool has_pgc_fields;
};

static __always_inline void kvm_vmwrite(struct kvm_vmx *v, u32 slot, u64 val)
{
	v->vmcs[slot] = val;
	v->vmwrites++;
}

/* vm_entry_controls_setbit(): the VMCS is written only on a change. */
static __always_inline void kvm_ctls(struct kvm_vmx *v, u32 *shadow, u32 slot,
				     u32 val)
{
	if (*shadow != val) {
		*shadow = val;
		kvm_vmwrite(v, slot, val);
	}
}

static int kvm_find_slot(const struct kvm_msrs *m, u32 msr)
{
	u32 i;

	for (i = 0; i < m->nr; i++)
		if (m->val[i].index == msr)
			return (int)i;
	return -1;
}

/* add_atomic_switch_msr(), 2026 form (find the slot, else append). */
static void kvm_add(struct kvm_vmx *v, u32 msr, u64 guest, u64 host)
{
	int i, j;

	if (msr == HVG_MSR_IA32_PERF_GLOBAL_CTRL && v->has_pgc_fields) {
		kvm_vmwrite(v, 0, guest);
		kvm_vmwrite(v, 1, host);
		kvm_ctls(v, &v->entry_ctls, 2, v->entry_ctls |
			 HVG_ENTRY_LOAD_PERF_GLOBAL);
		kvm_ctls(v, &v->exit_ctls, 3, v->exit_ctls |
			 HVG_EXIT_LOAD_PERF_GLOBAL);
		return;
	}
	if (msr == HVG_MSR_IA32_PEBS_ENABLE)
		kvm_vmwrite(v, 7, 0);		/* the immediate wrmsrl(0) */
	i = kvm_find_slot(&v->guest, msr);
	j = kvm_find_slot(&v->host, msr);
	if ((i < 0 && v->guest.nr == HVG_AUTOLOAD_MAX) ||
	    (j < 0 && v->host.nr == HVG_AUTOLOAD_MAX))
		abort();			/* KVM_BUG_ON() */
	if (i < 0) {
		i = (int)v->guest.nr++;
		kvm_vmwrite(v, 4, v->guest.nr);
	}
	v->guest.val[i].index = msr;
	v->guest.val[i].value = guest;
	if (j < 0) {
		j = (int)v->host.nr++;
		kvm_vmwrite(v, 5, v->host.nr);
	}
	v->host.val[j].index = msr;
	v->host.val[j].value = host;
}

static void kvm_del(struct kvm_vmx *v, struct kvm_msrs *m, u32 slot, u32 msr)
{
	int i = kvm_find_slot(m, msr);

	if (i < 0)
		return;
	m->val[i] = m->val[--m->nr];
	kvm_vmwrite(v, slot, m->nr);
}

/* clear_atomic_switch_msr(). */
static void kvm_clear(struct kvm_vmx *v, u32 msr)
{
	if (msr == HVG_MSR_IA32_PERF_GLOBAL_CTRL && v->has_pgc_fields) {
		kvm_ctls(v, &v->entry_ctls, 2, v->entry_ctls &
			 ~HVG_ENTRY_LOAD_PERF_GLOBAL);
		kvm_ctls(v, &v->exit_ctls, 3, v->exit_ctls &
			 ~HVG_EXIT_LOAD_PERF_GLOBAL);
		return;
	}
	kvm_del(v, &v->guest, 4, msr);
	kvm_del(v, &v->host, 5, msr);
}

/* atomic_switch_perf_msrs(). */
static void kvm_switch(struct kvm_vmx *v, const struct hvg_perf_msr *m, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++) {
		if (m[i].host == m[i].guest)
			kvm_clear(v, m[i].msr);
		else
			kvm_add(v, m[i].msr, m[i].guest, m[i].host);
	}
}

/* ---- contexts ----------------------------------------------------------- */

struct actx {
	struct hvg_autoload al;
	struct hvg_autoload_cpu cpu;
	struct hvg_msr_entry lists[3][HVG_AUTOLOAD_MAX] __attribute__((aligned(16)));
	struct hvg_al_action buf[HVG_AL_PLAN_MAX];
	struct hvg_al_plan plan;
	struct hvg_perf_msr msrs[NR_MAX];
	struct kvm_vmx kvm;
	u32 n;
};

static struct actx *ctx_new(const u32 *which, u32 n)
{
	struct hvg_autoload_caps caps = {
		.vmx_basic = HVG_VMX_BASIC_TRUE_CTLS,
		.true_entry_ctls = (u64)(HVG_ENTRY_LOAD_EFER |
			HVG_ENTRY_LOAD_PERF_GLOBAL) << 32,
		.true_exit_ctls = (u64)(HVG_EXIT_LOAD_EFER |
			HVG_EXIT_LOAD_PERF_GLOBAL) << 32,
	};
	struct actx *c = aligned_alloc(64, sizeof(*c));
	struct hvg_al_action a;
	unsigned long w;
	u32 i;

	if (!c)
		abort();
	memset(c, 0, sizeof(*c));
	for (i = 0; i < n; i++)
		c->msrs[i] = perf_set[which[i]];
	c->n = n;
	c->plan = (struct hvg_al_plan){ .act = c->buf, .max = HVG_AL_PLAN_MAX };
	if (hvg_autoload_init(&c->al, &caps, c->lists[0], c->lists[1],
			      c->lists[2], HVG_AUTOLOAD_MAX) ||
	    hvg_autoload_cpu_init(&c->cpu))
		abort();
	/* The first entry builds the lists; the measured ones change nothing. */
	if (hvg_autoload_enter_begin(&c->al, &c->cpu) ||
	    hvg_autoload_perf_switch(&c->al, c->msrs, n, 0, &c->plan))
		abort();
	while (hvg_autoload_exit_step(&c->al, &a) > 0)
		;
	c->plan.nr = 0;

	c->kvm.has_pgc_fields = true;
	kvm_switch(&c->kvm, c->msrs, n);
	w = c->kvm.vmwrites;
	kvm_switch(&c->kvm, c->msrs, n);
	if (c->kvm.vmwrites - w != 2)
		abort();
	return c;
}

static const u32 set2[] = { 0, 1 };
static const u32 set4[] = { 0, 1, 2, 3 };
static const u32 set6[] = { 0, 1, 2, 3, 4, 5 };
static const u32 set4p[] = { 0, 6, 1, 2 };

static void *setup2(void)
{
	return ctx_new(set2, 2);
}

static void *setup4(void)
{
	return ctx_new(set4, 4);
}

static void *setup6(void)
{
	return ctx_new(set6, 6);
}

static void *setup4p(void)
{
	return ctx_new(set4p, 4);
}

static void op_entry(void *p)
{
	struct actx *c = p;
	struct hvg_al_action a;

	hvg_autoload_enter_begin(&c->al, &c->cpu);
	hvg_autoload_perf_switch(&c->al, c->msrs, c->n, 0, &c->plan);
	while (hvg_autoload_exit_step(&c->al, &a) > 0)
		;
	if (c->plan.nr)
		abort();
}

static void op_kvm(void *p)
{
	struct actx *c = p;

	kvm_switch(&c->kvm, c->msrs, c->n);
}

static const struct hvg_bench benches[] = {
	{ "autoload/kvm_rebuild_2", NULL, setup2, op_kvm, 100000,
	  "baseline: atomic_switch_perf_msrs() with 2 MSRs, 2 VMWRITEs" },
	{ "autoload/entry_2_unchanged", "autoload/kvm_rebuild_2", setup2,
	  op_entry, 100000,
	  "begin + perf_switch + exit steps, 2 unchanged MSRs, 0 actions" },
	{ "autoload/kvm_rebuild_4", NULL, setup4, op_kvm, 100000,
	  "baseline with 4 MSRs, 2 VMWRITEs" },
	{ "autoload/entry_4_unchanged", "autoload/kvm_rebuild_4", setup4,
	  op_entry, 100000, "the same with 4 unchanged MSRs, 0 actions" },
	{ "autoload/kvm_rebuild_6", NULL, setup6, op_kvm, 100000,
	  "baseline with 6 MSRs, 2 VMWRITEs" },
	{ "autoload/entry_6_unchanged", "autoload/kvm_rebuild_6", setup6,
	  op_entry, 100000, "the same with 6 unchanged MSRs, 0 actions" },
	{ "autoload/kvm_rebuild_4_pebs", NULL, setup4p, op_kvm, 100000,
	  "baseline, 4 MSRs incl. PEBS_ENABLE host 0 (no isolation)" },
	{ "autoload/entry_4_pebs_volatile", "autoload/kvm_rebuild_4_pebs",
	  setup4p, op_entry, 100000,
	  "4 MSRs incl. volatile PEBS_ENABLE host 0: armed window, 0 WRMSRs" },
};

const struct hvg_bench *autoload_benches(size_t *nr)
{
	*nr = ARRAY_SIZE(benches);
	return benches;
}
