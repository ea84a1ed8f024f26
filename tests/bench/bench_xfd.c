// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * xfd benchmarks: the decisions taken on every VM exit and entry once
 * IA32_XFD writes are passed through, against the baseline, a
 * hypervisor that always intercepts and emulates each guest XFD write.
 *
 * The baseline is written here from the SDM and the reference, not taken
 * from lib/: per guest write it validates the value (CPUID has XFD, no
 * reserved bit), checks that the FPU buffer holds what the value enables,
 * stores it and recomputes #NM interception. Each such write is also a VM
 * exit and entry, which no figure here includes (the hardware round trip
 * dwarfs every instruction count in this table).
 *
 * The report (hvgate-bench --report) runs a simulated guest through the
 * library under each policy and prints the VM exits saved per 1,000 guest
 * XFD writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define XTILE_DATA	BIT_ULL(18)
#define XTILE_CFG	BIT_ULL(17)
#define XCR0_AMX	(0x7ULL | XTILE_CFG | XTILE_DATA)
#define BUF_SMALL	0x207ULL
#define BUF_FULL	(BUF_SMALL | XTILE_CFG | XTILE_DATA)

/* ---- the baseline: always intercept, emulate every write ----------------- */

struct bl_vcpu {
	u64 xfd;
	u64 xcr0;
	u64 xfd_caps;
	u64 permitted;
	u64 buffer;
	bool guest_has_xfd;
	bool nm;
};

enum { BL_DONE, BL_GP, BL_REALLOC };

/* One intercepted guest WRMSR(IA32_XFD): what the exit handler decides. */
static noinline int bl_emulate_wrmsr_xfd(struct bl_vcpu *v, u64 val,
					 bool host_initiated)
{
	/* SDM Vol. 1, 13.14: the MSR exists iff CPUID.(0DH,1):EAX[4]. */
	if (!host_initiated && !v->guest_has_xfd)
		return BL_GP;
	/* Bit i is reserved unless CPUID.(0DH,i):ECX[2]. */
	if (val & ~v->xfd_caps)
		return BL_GP;
	/* The buffer must hold every feature the value leaves usable. */
	if (v->permitted & v->xcr0 & ~val & ~v->buffer)
		return BL_REALLOC;
	v->xfd = val;
	/* #NM intercepted while the guest's XFD is non-zero (reference). */
	v->nm = val != 0;
	return BL_DONE;
}

/* ---- the library ------------------------------------------------------- */

struct ctx {
	struct hvg_msrmap map;
	struct hvg_msr_policy pol;
	struct hvg_msr_slot slots[4];
	struct hvg_xfd_state st;
	struct hvg_xfd_decision d;
	struct bl_vcpu bl;
	u64 hw_xfd;
	u64 sink;
	unsigned int flip;
	u8 map_mem[HVG_VMX_MSR_BITMAP_SIZE] __attribute__((aligned(4096)));
};

static const struct hvg_msr_allow kvm_allow[] = {
	{ HVG_MSR_IA32_TSC, HVG_MSR_READ },
	{ HVG_MSR_IA32_XFD, HVG_MSR_RW },
	{ HVG_MSR_IA32_XFD_ERR, HVG_MSR_READ },
};

static struct hvg_xfd_config amx_cfg(u32 policy, u64 buffer)
{
	return (struct hvg_xfd_config) {
		.xfd_caps = XTILE_DATA, .permitted = XTILE_DATA,
		.buffer = buffer, .policy = policy, .guest_has_xfd = true,
	};
}

/* A vCPU; @allow_xfd: whether the allow list lets IA32_XFD through. */
static struct ctx *ctx_new(u32 policy, u64 buffer, bool allow_xfd)
{
	struct hvg_xfd_config cfg = amx_cfg(policy, buffer);
	struct ctx *c = aligned_alloc(4096, sizeof(*c));

	if (!c)
		abort();
	memset(c, 0, sizeof(*c));
	if (hvg_msrmap_init(&c->map, HVG_MSRMAP_VMX, c->map_mem,
			    sizeof(c->map_mem)) ||
	    hvg_msr_policy_init(&c->pol, &c->map, kvm_allow,
				allow_xfd ? ARRAY_SIZE(kvm_allow) : 1,
				c->slots, ARRAY_SIZE(c->slots)) ||
	    hvg_xfd_init(&c->st, &c->pol, &cfg))
		abort();
	c->bl = (struct bl_vcpu) {
		.xcr0 = XCR0_AMX, .xfd_caps = XTILE_DATA,
		.permitted = XTILE_DATA, .buffer = BUF_FULL,
		.guest_has_xfd = true,
	};
	return c;
}

/* Steady state after the upstream policy passed writes through. */
static void *setup_passthrough(void)
{
	struct ctx *c = ctx_new(HVG_XFD_POLICY_UPSTREAM, BUF_FULL, true);

	if (hvg_xfd_wrmsr(&c->st, HVG_MSR_IA32_XFD, XTILE_DATA, false, &c->d) ||
	    hvg_xfd_mode(&c->st) != HVG_XFD_PASSTHROUGH ||
	    !hvg_xfd_exit_sync(&c->st))
		abort();
	c->hw_xfd = XTILE_DATA;
	return c;
}

/* Writes stay intercepted (IA32_XFD not on the allow list). */
static void *setup_intercept(void)
{
	struct ctx *c = ctx_new(HVG_XFD_POLICY_UPSTREAM, BUF_FULL, false);

	if (hvg_xfd_xsetbv(&c->st, XCR0_AMX, false, &c->d))
		abort();
	return c;
}

static void *setup_baseline(void)
{
	return ctx_new(HVG_XFD_POLICY_UPSTREAM, BUF_FULL, false);
}

/* Baseline: a guest context switch toggles AMX; every write is emulated. */
static void op_baseline(void *p)
{
	struct ctx *c = p;

	c->flip ^= 1;
	c->sink += bl_emulate_wrmsr_xfd(&c->bl, c->flip ? XTILE_DATA : 0,
					false);
}

/* The same write through the library's emulation (never passed through). */
static void op_lib_emulate(void *p)
{
	struct ctx *c = p;

	c->flip ^= 1;
	hvg_xfd_wrmsr(&c->st, HVG_MSR_IA32_XFD, c->flip ? XTILE_DATA : 0,
		      false, &c->d);
}

static void op_exit_sync(void *p)
{
	struct ctx *c = p;

	c->sink += hvg_xfd_exit_sync(&c->st);
}

/* Pass-through's library work per exit: the decision and the record. */
static void op_exit_sync_record(void *p)
{
	struct ctx *c = p;

	if (hvg_xfd_exit_sync(&c->st))
		hvg_xfd_sync(&c->st, c->hw_xfd);
}

static void op_exit_err_reset(void *p)
{
	struct ctx *c = p;

	c->sink += hvg_xfd_exit_err_reset(&c->st);
}

static void op_entry_err(void *p)
{
	struct ctx *c = p;
	u64 v;

	if (hvg_xfd_entry_err(&c->st, &v))
		c->sink += v;
}

/* Every per-exit and per-entry decision of one exit without #NM. */
static void op_exit_entry(void *p)
{
	struct ctx *c = p;
	u64 v;

	if (hvg_xfd_exit_sync(&c->st))
		hvg_xfd_sync(&c->st, c->hw_xfd);
	if (hvg_xfd_exit_err_reset(&c->st))
		c->sink++;
	if (hvg_xfd_entry_err(&c->st, &v))
		c->sink += v;
}

static const struct hvg_bench benches[] = {
	{ "xfd/baseline_emulate_write", NULL, setup_baseline, op_baseline,
	  100000, "baseline: validate + decide one intercepted guest XFD "
	  "write (each also costs a VM exit and entry, not counted)" },
	{ "xfd/lib_emulate_write", "xfd/baseline_emulate_write",
	  setup_intercept, op_lib_emulate, 100000,
	  "hvg_xfd_wrmsr(): the library's emulation of the same write" },
	{ "xfd/exit_sync_decision", "xfd/baseline_emulate_write",
	  setup_passthrough, op_exit_sync, 100000,
	  "hvg_xfd_exit_sync() after every exit, writes passed through" },
	{ "xfd/exit_sync_and_record", "xfd/baseline_emulate_write",
	  setup_passthrough, op_exit_sync_record, 100000,
	  "the decision + hvg_xfd_sync() of the value read (RDMSR not counted)" },
	{ "xfd/exit_err_reset_decision", "xfd/baseline_emulate_write",
	  setup_passthrough, op_exit_err_reset, 100000,
	  "hvg_xfd_exit_err_reset() after every exit, XFD_ERR = 0" },
	{ "xfd/entry_err_decision", "xfd/baseline_emulate_write",
	  setup_passthrough, op_entry_err, 100000,
	  "hvg_xfd_entry_err() before every entry, XFD_ERR = 0" },
	{ "xfd/exit_and_entry_all", "xfd/baseline_emulate_write",
	  setup_passthrough, op_exit_entry, 100000,
	  "all three per-exit/entry decisions and the record, one exit" },
};

const struct hvg_bench *xfd_benches(size_t *nr)
{
	*nr = ARRAY_SIZE(benches);
	return benches;
}

/* ---- report: VM exits saved on a simulated guest ------------------------- */

#define NR_WRITES	1000

struct sim {
	unsigned int exits;	/* guest XFD writes that caused a VM exit */
	unsigned int vmm;	/* of which went out to the VMM to reallocate */
};

/*
 * A Linux-like guest: at boot it sets XFD[18] (AMX off) and then XCR0
 * with AMX; afterwards the scheduler switches between an AMX task (XFD =
 * 0) and a non-AMX task (XFD = 0x40000), one XFD write per switch. 1,000
 * writes in all. A write either goes to the processor (not intercepted) or
 * exits and is handled as the library decides; a reallocation exit is
 * served by a VMM that reallocates to hold every permitted feature.
 */
static struct sim simulate(u32 policy, u64 buffer, bool filter_deny)
{
	static const u8 deny[1];
	struct hvg_msr_filter f = {
		.flags = HVG_MSR_FILTER_DEFAULT_ALLOW, .nr_ranges = 1,
		.ranges = { { HVG_MSR_WRITE, 1, HVG_MSR_IA32_XFD, deny } },
	};
	struct ctx *c = ctx_new(policy, buffer, true);
	struct sim s = { 0 };
	struct hvg_xfd_decision d;
	unsigned int i;
	u64 v;

	if (filter_deny && hvg_msr_policy_set_filter(&c->pol, &f))
		abort();
	for (i = 0; i < NR_WRITES; i++) {
		v = i % 2 ? 0 : XTILE_DATA;
		if (!hvg_msrmap_intercepts(&c->map, HVG_MSR_IA32_XFD,
					   HVG_MSR_WRITE)) {
			c->hw_xfd = v;
			continue;
		}
		s.exits++;
		if (hvg_xfd_exit_sync(&c->st) && hvg_xfd_sync(&c->st, c->hw_xfd))
			abort();
		if (hvg_xfd_wrmsr(&c->st, HVG_MSR_IA32_XFD, v, false, &d))
			abort();
		if (d.action == HVG_XFD_REALLOC) {
			s.vmm++;
			if (hvg_xfd_set_buffer(&c->st, buffer | d.value, &d) ||
			    hvg_xfd_complete(&c->st, &d))
				abort();
		}
		if (d.action != HVG_XFD_DONE)
			abort();
		c->hw_xfd = v;
		if (!i && hvg_xfd_xsetbv(&c->st, XCR0_AMX, false, &d))
			abort();
	}
	free(c);
	return s;
}

/* The baseline on the same guest: every write exits. */
static struct sim simulate_baseline(void)
{
	struct ctx *c = ctx_new(HVG_XFD_POLICY_UPSTREAM, BUF_FULL, false);
	struct sim s = { 0 };
	unsigned int i;

	for (i = 0; i < NR_WRITES; i++) {
		s.exits++;
		if (bl_emulate_wrmsr_xfd(&c->bl, i % 2 ? 0 : XTILE_DATA,
					 false) != BL_DONE)
			abort();
	}
	free(c);
	return s;
}

static void print_saved_exits(void)
{
	static const struct {
		u32 policy;
		const char *name;
	} pols[] = {
		{ HVG_XFD_POLICY_FIRST_WRITE, "option 1 (first_write)" },
		{ HVG_XFD_POLICY_ON_COMPLETION, "option 2 (on_completion)" },
		{ HVG_XFD_POLICY_SECOND_ENABLE, "option 3 (second_enable)" },
		{ HVG_XFD_POLICY_UPSTREAM, "upstream" },
	};
	struct sim base = simulate_baseline(), s;
	unsigned int i, b;

	printf("  %-26s %-20s %6s %6s %10s\n", "policy", "FPU buffer",
	       "exits", "saved", "to VMM");
	printf("  %-26s %-20s %6u %6u %10s\n", "baseline: always intercept",
	       "-", base.exits, NR_WRITES - base.exits, "-");
	for (i = 0; i < ARRAY_SIZE(pols); i++) {
		for (b = 0; b < 3; b++) {
			s = simulate(pols[i].policy, b == 1 ? BUF_FULL : BUF_SMALL,
				     b == 2);
			printf("  %-26s %-20s %6u %6u %10u\n", pols[i].name,
			       b == 0 ? "grown on demand" :
			       b == 1 ? "sized up front" :
					"on demand, filtered",
			       s.exits, base.exits - s.exits, s.vmm);
		}
	}
	printf("  (filtered: the userspace filter denies IA32_XFD writes, so"
	       " they keep exiting)\n");
}

static const struct hvg_bench_report reports[] = {
	{ "xfd: VM exits per 1,000 guest IA32_XFD writes (boot write, then "
	  "context switches between an AMX and a non-AMX task), simulated "
	  "through the library; saved = baseline exits - exits",
	  print_saved_exits },
};

const struct hvg_bench_report *xfd_bench_reports(size_t *nr)
{
	*nr = ARRAY_SIZE(reports);
	return reports;
}
