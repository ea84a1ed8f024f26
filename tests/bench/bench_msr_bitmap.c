// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * msr_bitmap benchmarks: set/clear one MSR, an owner's toggle through the
 * policy, the recompute after a filter change, and the full versus sparse
 * nested merge.
 *
 * The allow list is what a KVM-like hypervisor with LBR pass-through would
 * use: KVM's base set (reference/upstream-kvm.md 0.1) plus 32 legacy LBR
 * records with INFO (3 x 32 + LBR_SELECT + LBR_TOS = 98 MSRs): 114 MSRs.
 */
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define NR_LBR	32

struct ctx {
	struct hvg_msrmap map;
	struct hvg_msrmap l1;
	struct hvg_msrmap out;
	struct hvg_msr_policy pol;
	struct hvg_msr_slot slots[160];
	struct hvg_msr_filter filter[2];
	u8 fbits[2][0x40];
	unsigned int flip;
	u8 map_mem[HVG_SVM_MSRPM_SIZE] __attribute__((aligned(4096)));
	u8 l1_mem[HVG_SVM_MSRPM_SIZE] __attribute__((aligned(4096)));
	u8 out_mem[HVG_SVM_MSRPM_SIZE] __attribute__((aligned(4096)));
};

static struct ctx *ctx_new(u32 type)
{
	struct hvg_msr_allow allow[160];
	struct ctx *c = aligned_alloc(4096, sizeof(*c));
	size_t n = 0, i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < HVG_BENCH_BASE_SET_NR; i++)
		allow[n++] = hvg_bench_base_set[i];
	allow[n++] = (struct hvg_msr_allow) { HVG_MSR_LBR_SELECT, HVG_MSR_RW };
	allow[n++] = (struct hvg_msr_allow) { HVG_MSR_LBR_TOS, HVG_MSR_RW };
	for (i = 0; i < NR_LBR; i++) {
		allow[n++] = (struct hvg_msr_allow)
			{ HVG_MSR_LBR_NHM_FROM + i, HVG_MSR_RW };
		allow[n++] = (struct hvg_msr_allow)
			{ HVG_MSR_LBR_NHM_TO + i, HVG_MSR_RW };
		allow[n++] = (struct hvg_msr_allow)
			{ HVG_MSR_LBR_INFO_0 + i, HVG_MSR_RW };
	}
	if (hvg_msrmap_init(&c->map, type, c->map_mem, sizeof(c->map_mem)) ||
	    hvg_msrmap_init(&c->l1, type, c->l1_mem, sizeof(c->l1_mem)) ||
	    hvg_msrmap_init(&c->out, type, c->out_mem, sizeof(c->out_mem)) ||
	    hvg_msr_policy_init(&c->pol, &c->map, allow, (u32)n, c->slots,
				ARRAY_SIZE(c->slots)))
		abort();
	/* The base set wanted by the hypervisor, the LBR MSRs by LBR. */
	for (i = 0; i < n; i++)
		if (hvg_msr_policy_want(&c->pol, i < HVG_BENCH_BASE_SET_NR ?
					HVG_MSR_OWNER_HV : HVG_MSR_OWNER_LBR,
					allow[i].msr, allow[i].dirs))
			abort();
	/* L1 passes the low range through and intercepts the high one. */
	memset(c->l1_mem, 0, 0x400);
	memset(c->l1_mem + 0x800, 0, 0x400);

	/* Two filters: one denies every other LBR FROM write, one allows all. */
	memset(c->fbits[0], 0x55, sizeof(c->fbits[0]));
	memset(c->fbits[1], 0xff, sizeof(c->fbits[1]));
	for (i = 0; i < 2; i++) {
		c->filter[i].flags = HVG_MSR_FILTER_DEFAULT_ALLOW;
		c->filter[i].nr_ranges = 1;
		c->filter[i].ranges[0] = (struct hvg_msr_filter_range) {
			HVG_MSR_WRITE, NR_LBR, HVG_MSR_LBR_NHM_FROM, c->fbits[i],
		};
	}
	return c;
}

static void *setup_vmx(void)
{
	return ctx_new(HVG_MSRMAP_VMX);
}

static void *setup_svm(void)
{
	return ctx_new(HVG_MSRMAP_SVM);
}

static void op_set_clear(void *p)
{
	struct ctx *c = p;

	c->flip ^= 1;
	hvg_msrmap_set(&c->map, HVG_MSR_IA32_TSC, HVG_MSR_READ, c->flip);
}

static void op_want_toggle(void *p)
{
	struct ctx *c = p;

	c->flip ^= 1;
	hvg_msr_policy_want(&c->pol, HVG_MSR_OWNER_LBR, HVG_MSR_LBR_TOS,
			    c->flip ? HVG_MSR_RW : 0);
}

static void op_want_steady(void *p)
{
	struct ctx *c = p;

	hvg_msr_policy_want(&c->pol, HVG_MSR_OWNER_LBR, HVG_MSR_LBR_TOS,
			    HVG_MSR_RW);
}

/* LBR's state change: 32 FROM, 32 TO, 32 INFO, SELECT and TOS. */
static void op_lbr_toggle_98(void *p)
{
	struct ctx *c = p;
	u32 dirs;

	c->flip ^= 1;
	dirs = c->flip ? HVG_MSR_RW : 0;
	hvg_msr_policy_want(&c->pol, HVG_MSR_OWNER_LBR, HVG_MSR_LBR_SELECT,
			    dirs);
	hvg_msr_policy_want(&c->pol, HVG_MSR_OWNER_LBR, HVG_MSR_LBR_TOS, dirs);
	hvg_msr_policy_want_range(&c->pol, HVG_MSR_OWNER_LBR,
				  HVG_MSR_LBR_NHM_FROM, NR_LBR, dirs);
	hvg_msr_policy_want_range(&c->pol, HVG_MSR_OWNER_LBR,
				  HVG_MSR_LBR_NHM_TO, NR_LBR, dirs);
	hvg_msr_policy_want_range(&c->pol, HVG_MSR_OWNER_LBR,
				  HVG_MSR_LBR_INFO_0, NR_LBR, dirs);
}

static void op_filter_change(void *p)
{
	struct ctx *c = p;

	c->flip ^= 1;
	hvg_msr_policy_set_filter(&c->pol, &c->filter[c->flip]);
}

static void op_merge_full(void *p)
{
	struct ctx *c = p;

	hvg_msrmap_merge_full(&c->out, &c->map, &c->l1);
}

static void op_merge_sparse(void *p)
{
	struct ctx *c = p;

	hvg_msr_policy_merge_sparse(&c->pol, &c->l1, &c->out);
}

static const struct hvg_bench benches[] = {
	{ "msr_bitmap/set_clear_one_vmx", NULL, setup_vmx, op_set_clear,
	  100000, "hvg_msrmap_set(): flip IA32_TSC read interception" },
	{ "msr_bitmap/set_clear_one_svm", NULL, setup_svm, op_set_clear,
	  100000, "the same on an SVM MSRPM" },
	{ "msr_bitmap/policy_want_toggle", NULL, setup_vmx, op_want_toggle,
	  100000, "hvg_msr_policy_want(): one owner flips one of 114 MSRs" },
	{ "msr_bitmap/policy_want_steady", NULL, setup_vmx, op_want_steady,
	  100000, "the same wish again: no map write" },
	{ "msr_bitmap/lbr_toggle_98", NULL, setup_vmx, op_lbr_toggle_98,
	  10000, "LBR state change: 98 MSRs, 2 singles + 3 runs of 32" },
	{ "msr_bitmap/filter_change_recompute", NULL, setup_vmx,
	  op_filter_change, 2000,
	  "hvg_msr_policy_set_filter(): validate + recompute 114 MSRs" },
	{ "msr_bitmap/merge_full_vmx", NULL, setup_vmx, op_merge_full, 20000,
	  "hvg_msrmap_merge_full(): OR of two 4 KiB maps" },
	{ "msr_bitmap/merge_sparse_vmx", "msr_bitmap/merge_full_vmx", setup_vmx,
	  op_merge_sparse, 20000,
	  "hvg_msr_policy_merge_sparse(): 114 allow-listed MSRs only" },
	{ "msr_bitmap/merge_full_svm", NULL, setup_svm, op_merge_full, 20000,
	  "hvg_msrmap_merge_full(): OR of two 8 KiB maps" },
	{ "msr_bitmap/merge_sparse_svm", "msr_bitmap/merge_full_svm", setup_svm,
	  op_merge_sparse, 20000,
	  "hvg_msr_policy_merge_sparse() on SVM maps" },
};

const struct hvg_bench *msr_bitmap_benches(size_t *nr)
{
	*nr = ARRAY_SIZE(benches);
	return benches;
}
