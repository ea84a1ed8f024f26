// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lbr benchmarks: the VM-entry decision in each steady state, for 32
 * legacy records with INFO (98 MSRs: 32 FROM, 32 TO, 32 INFO, LBR_SELECT,
 * LBR_TOS), against the v12 seed's vmx_passthrough_lbr_msrs().
 *
 * The baselines are v12's algorithm written here on the same policy and
 * map: no pass-through cache, so every entry toggles all 98 MSRs again,
 * one vmx_set_intercept_for_msr() per MSR in v12's order (SELECT, TOS,
 * then FROM/TO/INFO record by record), each as one hvg_msr_policy_want()
 * of the LBR owner. Since the wish does not change, the policy writes no
 * map bit either: the baseline pays v12's per-MSR calls, not map writes.
 * A second form toggles the raw map bits with hvg_msrmap_set(), as v12
 * did before the userspace MSR filter existed.
 *
 * The policy's allow list is the msr_bitmap benchmark's: KVM's base set
 * plus the 98 LBR MSRs, 114 in all.
 */
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define NR_LBR	32

/* v12 held a struct perf_event * and read event->state. */
struct v12_event {
	int state;
};

#define V12_STATE_ERROR		(-2)
#define V12_STATE_ACTIVE	1

struct ctx {
	struct hvg_lbr_vcpu v;		/* first: the op passes the context */
	u32 ev;
	u64 guest_ctl;
	unsigned int flip;
	unsigned long warned;
	struct v12_event v12_ev;
	struct v12_event *v12_event;	/* NULL: no event */
	struct hvg_lbr_desc desc;
	struct hvg_msrmap map;
	struct hvg_msr_policy pol;
	struct hvg_msr_slot slots[160];
	u8 map_mem[HVG_VMX_MSR_BITMAP_SIZE] __attribute__((aligned(4096)));
};

/* Skylake as perf reports it: 32 records with INFO, LBR_FMT 5. */
static const struct hvg_lbr_host host = {
	.kind = HVG_LBR_KIND_LEGACY, .nr = NR_LBR,
	.from = HVG_MSR_LBR_NHM_FROM, .to = HVG_MSR_LBR_NHM_TO,
	.info = HVG_MSR_LBR_INFO_0, .perf_caps = 0x33c5, .call_stack = true,
};

static struct ctx *ctx_new(void)
{
	struct hvg_msr_allow allow[160];
	struct ctx *c = aligned_alloc(4096, sizeof(*c));
	u32 n = 0, nl, i;

	if (!c)
		abort();
	memset(c, 0, sizeof(*c));
	for (i = 0; i < HVG_BENCH_BASE_SET_NR; i++)
		allow[n++] = hvg_bench_base_set[i];
	if (hvg_lbr_host_offer(&host, &c->desc) ||
	    hvg_lbr_allow_list(&c->desc, allow + n, ARRAY_SIZE(allow) - n,
			       &nl) || nl != 98)
		abort();
	n += nl;
	if (hvg_msrmap_init(&c->map, HVG_MSRMAP_VMX, c->map_mem,
			    sizeof(c->map_mem)) ||
	    hvg_msr_policy_init(&c->pol, &c->map, allow, n, c->slots,
				ARRAY_SIZE(c->slots)) ||
	    hvg_lbr_vcpu_init(&c->v, &c->desc, &c->pol))
		abort();
	for (i = 0; i < HVG_BENCH_BASE_SET_NR; i++)
		if (hvg_msr_policy_want(&c->pol, HVG_MSR_OWNER_HV,
					hvg_bench_base_set[i].msr,
					hvg_bench_base_set[i].dirs))
			abort();
	return c;
}

/* Creates the event as the glue would after a guest LBR access. */
static void create_event(struct ctx *c)
{
	if (hvg_lbr_msr_access(&c->v, HVG_MSR_LBR_NHM_FROM, false) !=
	    HVG_LBR_ACCESS_CREATE_EVENT ||
	    hvg_lbr_event_created(&c->v, true) != HVG_LBR_ACCESS_HW_IF_ACTIVE)
		abort();
}

/* Runs @op a while and aborts if the map was written: steady means steady. */
static void *steady(struct ctx *c, void (*op)(void *))
{
	unsigned long n = c->pol.map_updates;
	int i;

	for (i = 0; i < 1000; i++)
		op(c);
	if (c->pol.map_updates != n)
		abort();
	return c;
}

/* ---- the library ------------------------------------------------------- */

static void op_entry(void *p)
{
	struct ctx *c = p;

	hvg_lbr_vmentry(&c->v, c->ev, c->guest_ctl);
}

static void *setup_passthrough(void)
{
	struct ctx *c = ctx_new();

	create_event(c);
	c->ev = HVG_LBR_EV_ACTIVE;
	c->guest_ctl = HVG_DEBUGCTL_LBR;
	if (hvg_lbr_vmentry(&c->v, c->ev, c->guest_ctl) !=
	    HVG_LBR_ENTRY_MAP_CHANGED)
		abort();
	return steady(c, op_entry);
}

static void *setup_no_event(void)
{
	struct ctx *c = ctx_new();

	c->ev = HVG_LBR_EV_NONE;
	return steady(c, op_entry);
}

static void *setup_reclaimed(void)
{
	struct ctx *c = ctx_new();

	create_event(c);
	c->ev = HVG_LBR_EV_ERROR;
	c->guest_ctl = HVG_DEBUGCTL_LBR;
	return steady(c, op_entry);
}

/* A state change at every entry: ACTIVE, reclaimed, ACTIVE, ... */
static void op_entry_toggle(void *p)
{
	struct ctx *c = p;

	c->flip ^= 1;
	hvg_lbr_vmentry(&c->v, c->flip ? HVG_LBR_EV_ACTIVE : HVG_LBR_EV_ERROR,
			HVG_DEBUGCTL_LBR);
}

static void *setup_toggle(void)
{
	struct ctx *c = ctx_new();

	create_event(c);
	return c;
}

static void op_access(void *p)
{
	struct ctx *c = p;

	hvg_lbr_msr_access(&c->v, HVG_MSR_LBR_INFO_0 + 17, false);
}

static void *setup_access(void)
{
	struct ctx *c = ctx_new();

	create_event(c);
	return c;
}

/* ---- v12's vmx_passthrough_lbr_msrs(), on the same policy -------------- */

static void v12_set(struct ctx *c, u32 msr, bool set)
{
	hvg_msr_policy_want(&c->pol, HVG_MSR_OWNER_LBR, msr,
			    set ? 0 : HVG_MSR_RW);
}

/* vmx_update_intercept_for_lbr_msrs(): SELECT, TOS, then record by record. */
static void v12_update_intercept(struct ctx *c, bool set)
{
	const struct hvg_lbr_desc *lbr = &c->desc;
	u32 i;

	v12_set(c, HVG_MSR_LBR_SELECT, set);
	v12_set(c, HVG_MSR_LBR_TOS, set);
	for (i = 0; i < lbr->nr; i++) {
		v12_set(c, lbr->from + i, set);
		v12_set(c, lbr->to + i, set);
		if (lbr->info)
			v12_set(c, lbr->info + i, set);
	}
}

static noinline void v12_warn(struct ctx *c)
{
	c->warned++;		/* pr_warn_ratelimited() */
}

static void op_v12(void *p)
{
	struct ctx *c = p;

	if (!c->v12_event) {
		v12_update_intercept(c, true);
		if (c->guest_ctl & HVG_DEBUGCTL_LBR)
			v12_warn(c);
		return;
	}
	if (c->v12_event->state < V12_STATE_ACTIVE) {
		v12_update_intercept(c, true);
		v12_warn(c);
	} else {
		v12_update_intercept(c, false);
	}
}

static void *setup_v12(int state, bool has_event)
{
	struct ctx *c = ctx_new();

	c->v12_ev.state = state;
	c->v12_event = has_event ? &c->v12_ev : NULL;
	c->guest_ctl = state == V12_STATE_ACTIVE ? HVG_DEBUGCTL_LBR : 0;
	op_v12(c);
	return steady(c, op_v12);
}

static void *setup_v12_active(void)
{
	return setup_v12(V12_STATE_ACTIVE, true);
}

static void *setup_v12_no_event(void)
{
	return setup_v12(0, false);
}

static void *setup_v12_reclaimed(void)
{
	return setup_v12(V12_STATE_ERROR, true);
}

/* The same algorithm on the raw map, as v12 had it before MSR filters. */
static void op_v12_rawmap(void *p)
{
	struct ctx *c = p;
	const struct hvg_lbr_desc *lbr = &c->desc;
	u32 i;

	hvg_msrmap_set(&c->map, HVG_MSR_LBR_SELECT, HVG_MSR_RW, false);
	hvg_msrmap_set(&c->map, HVG_MSR_LBR_TOS, HVG_MSR_RW, false);
	for (i = 0; i < lbr->nr; i++) {
		hvg_msrmap_set(&c->map, lbr->from + i, HVG_MSR_RW, false);
		hvg_msrmap_set(&c->map, lbr->to + i, HVG_MSR_RW, false);
		if (lbr->info)
			hvg_msrmap_set(&c->map, lbr->info + i, HVG_MSR_RW,
				       false);
	}
}

static void *setup_v12_rawmap(void)
{
	return ctx_new();
}

static const struct hvg_bench benches[] = {
	{ "lbr/v12_entry_active", NULL, setup_v12_active, op_v12, 2000,
	  "v12 baseline, event ACTIVE: 98 policy wants (pass through) per entry" },
	{ "lbr/v12_entry_no_event", NULL, setup_v12_no_event, op_v12, 2000,
	  "v12 baseline, no event: 98 policy wants (intercept) per entry" },
	{ "lbr/v12_entry_reclaimed", NULL, setup_v12_reclaimed, op_v12, 2000,
	  "v12 baseline, event ERROR: 98 wants (intercept) + warn per entry" },
	{ "lbr/v12_entry_active_rawmap", NULL, setup_v12_rawmap, op_v12_rawmap,
	  2000, "v12 on the raw map (no filter): 98 hvg_msrmap_set() per entry" },
	{ "lbr/entry_steady_passthrough", "lbr/v12_entry_active",
	  setup_passthrough, op_entry, 100000,
	  "hvg_lbr_vmentry(): passed through, still ACTIVE; no map write" },
	{ "lbr/entry_steady_no_event", "lbr/v12_entry_no_event",
	  setup_no_event, op_entry, 100000,
	  "hvg_lbr_vmentry(): no event, intercepted; no map write" },
	{ "lbr/entry_steady_reclaimed", "lbr/v12_entry_reclaimed",
	  setup_reclaimed, op_entry, 100000,
	  "hvg_lbr_vmentry(): event ERROR, intercepted, warn; no map write" },
	{ "lbr/entry_toggle", NULL, setup_toggle, op_entry_toggle, 2000,
	  "hvg_lbr_vmentry(): state change every entry, 98 MSRs in 5 runs" },
	{ "lbr/msr_access_decision", NULL, setup_access, op_access, 100000,
	  "hvg_lbr_msr_access(): an intercepted INFO read, event held" },
};

const struct hvg_bench *lbr_benches(size_t *nr)
{
	*nr = ARRAY_SIZE(benches);
	return benches;
}
