// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * arm64_debug benchmarks: the debug part of one guest entry and exit when
 * the host is not profiling (the common case), against the 2017 seed's
 * way of deciding it, which re-read and re-decoded the ID registers on
 * every entry.
 *
 * System register accesses are simulated, on both sides alike, by the
 * noinline functions mrs() and msr() below, over a register file in
 * memory; barriers by the noinline barrier_insn(). One operation is one
 * entry plus one exit:
 *
 *  - hvgate: the five calls of the world-switch contract, with a
 *    minimal glue that runs each plan (here only the probe has steps:
 *    the reads of PMBLIMITR_EL1, BRBCR_EL1, TRBLIMITR_EL1) and writes
 *    the two MDCR_EL2 values it is handed.
 *
 *  - seed: Will Deacon's __debug_save_spe_nvhe() as posted, with Marc
 *    Zyngier's review applied the way the patch did everything else
 *    (read ID_AA64DFR0_EL1 where a decision needs it: TPMS and E2PB only
 *    with SPE), extended in the same style to the units the library
 *    covers (the 2021 TRBE patch's __debug_save_trace() re-read
 *    ID_AA64DFR0_EL1 and TRBIDR_EL1 the same way; BRBE likewise), and
 *    kvm_arm_setup_debug() computing MDCR_EL2 before each entry.
 *    Both sides read the same live registers (the enables) and write
 *    MDCR_EL2 twice.
 */
#include <stdlib.h>
#include <string.h>

#include "bench.h"

/* The simulated CPU's registers. */
struct regs {
	u64 dfr0, pmbidr, trbidr, pmblimitr, pmscr, trblimitr, trfcr, brbcr;
	u64 mdcr;
};

struct ctx {
	struct hvg_a64_caps caps;
	struct hvg_a64_vcpu v;
	struct regs r;
	u64 host_hpmn;		/* the seed's per-CPU copy of MDCR_EL2.HPMN */
	u64 saved_pmscr, saved_trfcr, saved_brbcr;
	bool guest_owns, host_debugs;
	u64 sink;
};

static struct regs *cpu;	/* the register file mrs()/msr() act on */

static noinline u64 mrs(u32 reg)
{
	switch (reg) {
	case HVG_A64_ID_AA64DFR0_EL1:
		return cpu->dfr0;
	case HVG_A64_PMBIDR_EL1:
		return cpu->pmbidr;
	case HVG_A64_TRBIDR_EL1:
		return cpu->trbidr;
	case HVG_A64_PMBLIMITR_EL1:
		return cpu->pmblimitr;
	case HVG_A64_PMSCR_EL1:
		return cpu->pmscr;
	case HVG_A64_TRBLIMITR_EL1:
		return cpu->trblimitr;
	case HVG_A64_TRFCR_EL1:
		return cpu->trfcr;
	case HVG_A64_BRBCR_EL1:
		return cpu->brbcr;
	case HVG_A64_MDCR_EL2:
		return cpu->mdcr;
	default:
		return 0;
	}
}

static noinline void msr(u32 reg, u64 val)
{
	switch (reg) {
	case HVG_A64_PMBLIMITR_EL1:
		cpu->pmblimitr = val;
		break;
	case HVG_A64_PMSCR_EL1:
		cpu->pmscr = val;
		break;
	case HVG_A64_TRBLIMITR_EL1:
		cpu->trblimitr = val;
		break;
	case HVG_A64_TRFCR_EL1:
		cpu->trfcr = val;
		break;
	case HVG_A64_BRBCR_EL1:
		cpu->brbcr = val;
		break;
	case HVG_A64_MDCR_EL2:
		cpu->mdcr = val;
		break;
	default:
		break;
	}
}

static noinline void barrier_insn(u32 op)
{
	(void)op;
	barrier();
}

/* The glue's executor: run a plan against the vCPU's slots. */
static noinline void exec(const struct hvg_a64_plan *p, u64 *slot)
{
	const struct hvg_a64_step *st = p->step, *end = st + p->nr;

	for (; st < end; st++) {
		switch (st->op) {
		case HVG_A64_OP_READ:
			slot[st->slot] = mrs(st->reg);
			break;
		case HVG_A64_OP_WRITE:
			msr(st->reg, slot[st->slot]);
			break;
		case HVG_A64_OP_WRITE_ZERO:
			msr(st->reg, 0);
			break;
		default:
			barrier_insn(st->op);
			break;
		}
	}
}

/* Most plans are empty: a glue calls the executor only for steps. */
static __always_inline void run(const struct hvg_a64_plan *p, u64 *slot)
{
	if (p->nr)
		exec(p, slot);
}

static void op_hvgate(void *p)
{
	struct ctx *c = p;
	struct hvg_a64_plan plan;
	u64 mdcr;

	hvg_a64_entry_probe(&c->v, &plan);
	run(&plan, c->v.slot);
	hvg_a64_entry_park(&c->v, &plan);
	run(&plan, c->v.slot);
	hvg_a64_entry_guest(&c->v, &mdcr, &plan);
	msr(HVG_A64_MDCR_EL2, mdcr);
	run(&plan, c->v.slot);
	/* ... the guest runs ... */
	hvg_a64_exit_host(&c->v, &mdcr, &plan);
	msr(HVG_A64_MDCR_EL2, mdcr);
	run(&plan, c->v.slot);
	hvg_a64_exit_unpark(&c->v, &plan);
	run(&plan, c->v.slot);
}

/* ---- the seed's way ------------------------------------------------------ */

#define FIELD(v, shift)	(((v) >> (shift)) & 0xf)

/* kvm_arm_setup_debug(): before each entry, TPMS and TTRF per the review. */
static u64 seed_setup_mdcr(struct ctx *c)
{
	u64 dfr0 = mrs(HVG_A64_ID_AA64DFR0_EL1);
	u64 mdcr = c->host_hpmn | HVG_A64_MDCR_TDRA | HVG_A64_MDCR_TDOSA;
	u32 pmuver = FIELD(dfr0, HVG_A64_DFR0_PMUVER_SHIFT);

	if (pmuver && pmuver != HVG_A64_DFR0_PMUVER_IMPDEF)
		mdcr |= HVG_A64_MDCR_TPM | HVG_A64_MDCR_TPMCR;
	if (FIELD(dfr0, HVG_A64_DFR0_PMSVER_SHIFT))
		mdcr |= HVG_A64_MDCR_TPMS;
	if (FIELD(dfr0, HVG_A64_DFR0_TRACEFILT_SHIFT))
		mdcr |= HVG_A64_MDCR_TTRF;
	if (c->host_debugs)
		mdcr |= HVG_A64_MDCR_TDE;
	if (!c->guest_owns)
		mdcr |= HVG_A64_MDCR_TDA;
	return mdcr;
}

/* __debug_save_spe_nvhe() of the seed, plus the 2026 buffer disable. */
static void seed_save_spe(struct ctx *c)
{
	c->saved_pmscr = 0;
	if (!FIELD(mrs(HVG_A64_ID_AA64DFR0_EL1), HVG_A64_DFR0_PMSVER_SHIFT))
		return;
	if (mrs(HVG_A64_PMBIDR_EL1) & HVG_A64_PMBIDR_P)
		return;
	if (!(mrs(HVG_A64_PMBLIMITR_EL1) & HVG_A64_PMBLIMITR_E))
		return;
	c->saved_pmscr = mrs(HVG_A64_PMSCR_EL1);
	msr(HVG_A64_PMSCR_EL1, 0);
	barrier_insn(HVG_A64_OP_ISB);
	barrier_insn(HVG_A64_OP_PSB_CSYNC);
	barrier_insn(HVG_A64_OP_DSB_NSH);
	msr(HVG_A64_PMBLIMITR_EL1, 0);
	barrier_insn(HVG_A64_OP_ISB);
}

/* __debug_save_trace() of the 2021 TRBE series, same style. */
static void seed_save_trace(struct ctx *c)
{
	c->saved_trfcr = 0;
	if (!FIELD(mrs(HVG_A64_ID_AA64DFR0_EL1),
		   HVG_A64_DFR0_TRACEBUFFER_SHIFT))
		return;
	if (mrs(HVG_A64_TRBIDR_EL1) & HVG_A64_TRBIDR_P)
		return;
	if (!(mrs(HVG_A64_TRBLIMITR_EL1) & HVG_A64_TRBLIMITR_E))
		return;
	c->saved_trfcr = mrs(HVG_A64_TRFCR_EL1);
	msr(HVG_A64_TRFCR_EL1, 0);
	barrier_insn(HVG_A64_OP_ISB);
	barrier_insn(HVG_A64_OP_TSB_CSYNC);
	barrier_insn(HVG_A64_OP_DSB_NSH);
	msr(HVG_A64_TRBLIMITR_EL1, 0);
	barrier_insn(HVG_A64_OP_ISB);
}

static void seed_save_brbe(struct ctx *c)
{
	u64 brbcr;

	c->saved_brbcr = 0;
	if (!FIELD(mrs(HVG_A64_ID_AA64DFR0_EL1), HVG_A64_DFR0_BRBE_SHIFT))
		return;
	brbcr = mrs(HVG_A64_BRBCR_EL1);
	if (!(brbcr & (HVG_A64_BRBCR_E0BRE | HVG_A64_BRBCR_EXBRE)))
		return;
	c->saved_brbcr = brbcr;
	msr(HVG_A64_BRBCR_EL1, 0);
}

/* __deactivate_traps_nvhe(), E2PB/E2TB only where implemented. */
static u64 seed_host_mdcr(void)
{
	u64 dfr0 = mrs(HVG_A64_ID_AA64DFR0_EL1);
	u64 mdcr = mrs(HVG_A64_MDCR_EL2) & HVG_A64_MDCR_HPMN;

	if (FIELD(dfr0, HVG_A64_DFR0_PMSVER_SHIFT))
		mdcr |= HVG_A64_MDCR_E2PB;
	if (FIELD(dfr0, HVG_A64_DFR0_TRACEBUFFER_SHIFT) &&
	    !(mrs(HVG_A64_TRBIDR_EL1) & HVG_A64_TRBIDR_P))
		mdcr |= HVG_A64_MDCR_E2TB;
	return mdcr;
}

static void op_seed(void *p)
{
	struct ctx *c = p;
	u64 mdcr = seed_setup_mdcr(c);

	seed_save_spe(c);
	seed_save_brbe(c);
	seed_save_trace(c);
	msr(HVG_A64_MDCR_EL2, mdcr);
	/* ... the guest runs ... */
	msr(HVG_A64_MDCR_EL2, seed_host_mdcr());
	if (c->saved_trfcr) {
		msr(HVG_A64_TRBLIMITR_EL1, HVG_A64_TRBLIMITR_E);
		barrier_insn(HVG_A64_OP_ISB);
		msr(HVG_A64_TRFCR_EL1, c->saved_trfcr);
	}
	if (c->saved_brbcr)
		msr(HVG_A64_BRBCR_EL1, c->saved_brbcr);
	if (c->saved_pmscr) {
		barrier_insn(HVG_A64_OP_ISB);
		msr(HVG_A64_PMBLIMITR_EL1, HVG_A64_PMBLIMITR_E);
		barrier_insn(HVG_A64_OP_ISB);
		msr(HVG_A64_PMSCR_EL1, c->saved_pmscr);
	}
}

/*
 * On a VHE host the seed's hyp_alternate_select() picked the empty
 * __debug_save_spe_vhe(); MDCR_EL2 was still computed before each entry
 * and masked back at exit (__deactivate_traps_vhe()).
 */
static void op_seed_vhe(void *p)
{
	struct ctx *c = p;

	msr(HVG_A64_MDCR_EL2, seed_setup_mdcr(c));
	/* ... the guest runs ... */
	msr(HVG_A64_MDCR_EL2, mrs(HVG_A64_MDCR_EL2) &
	    (HVG_A64_MDCR_HPMN | HVG_A64_MDCR_E2PB | HVG_A64_MDCR_TPMS));
}

/* ---- set-up ------------------------------------------------------------- */

/* DebugVer 0b1001, PMUv3p7, 6 BRPs, 4 WRPs, plus @features. */
#define DFR0_BASE	(0x9ULL | 7ULL << 8 | 5ULL << 12 | 3ULL << 20)
#define DFR0_ALL	(DFR0_BASE | 3ULL << 32 | 1ULL << 40 | 1ULL << 44 | \
			 1ULL << 52)

static struct ctx *ctx_new(u64 dfr0, u32 flags, bool profiling)
{
	struct ctx *c = calloc(1, sizeof(*c));
	struct hvg_a64_idregs id = { .dfr0 = dfr0, .pmcr = 6 << 11 };

	if (!c)
		abort();
	c->r.dfr0 = dfr0;
	c->r.mdcr = 0x3003006;
	c->r.pmscr = 3;
	c->r.trfcr = 3;
	c->r.pmblimitr = 0xfff000 | profiling;
	c->r.trblimitr = 0xabc000 | profiling;
	c->r.brbcr = 0x18 | (profiling ? 3 : 0);
	c->host_hpmn = 6;
	cpu = &c->r;
	if (hvg_a64_caps_init(&c->caps, &id, flags) ||
	    hvg_a64_vcpu_init(&c->v) || hvg_a64_vcpu_load(&c->v, &c->caps))
		abort();
	return c;
}

static void *setup_full(void)
{
	return ctx_new(DFR0_ALL, 0, false);
}

static void *setup_none(void)
{
	return ctx_new(DFR0_BASE, 0, false);
}

static void *setup_vhe(void)
{
	return ctx_new(DFR0_ALL, HVG_A64_HOST_VHE, false);
}

static void *setup_profiling(void)
{
	return ctx_new(DFR0_ALL, 0, true);
}

/*
 * MRS/MSR counts are per operation (counted once with counters in mrs()
 * and msr()). In the profiling rows the restore re-enables the host, so
 * every operation parks again.
 */
static const struct hvg_bench benches[] = {
	{ "arm64_debug/seed_idle_spe_trbe_brbe", NULL, setup_full, op_seed,
	  100000, "seed, CPU with SPE/TRBE/BRBE, host idle: 12 MRS, 2 MSR" },
	{ "arm64_debug/idle_spe_trbe_brbe", "arm64_debug/seed_idle_spe_trbe_brbe",
	  setup_full, op_hvgate, 100000,
	  "hvgate, same: 5 calls, probe plan run: 3 MRS, 2 MSR" },
	{ "arm64_debug/seed_idle_no_units", NULL, setup_none, op_seed,
	  100000, "seed, CPU without SPE/TRBE/BRBE: 6 MRS, 2 MSR" },
	{ "arm64_debug/idle_no_units", "arm64_debug/seed_idle_no_units",
	  setup_none, op_hvgate, 100000,
	  "hvgate, same: 5 calls, empty plans: 0 MRS, 2 MSR" },
	{ "arm64_debug/seed_idle_vhe", NULL, setup_vhe, op_seed_vhe, 100000,
	  "seed, VHE host: MDCR_EL2 only: 2 MRS, 2 MSR" },
	{ "arm64_debug/idle_vhe", "arm64_debug/seed_idle_vhe", setup_vhe,
	  op_hvgate, 100000, "hvgate, VHE host: 5 calls: 0 MRS, 2 MSR" },
	{ "arm64_debug/seed_profiling", NULL, setup_profiling, op_seed,
	  100000, "seed, host SPE+TRBE+BRBE on: 14 MRS, 12 MSR" },
	{ "arm64_debug/profiling", "arm64_debug/seed_profiling",
	  setup_profiling, op_hvgate, 100000,
	  "hvgate, same: park 15 + restore 8 steps built and run: 5 MRS, 12 MSR" },
};

const struct hvg_bench *arm64_debug_benches(size_t *nr)
{
	*nr = ARRAY_SIZE(benches);
	return benches;
}
