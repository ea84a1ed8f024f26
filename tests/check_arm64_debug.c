// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * arm64_debug: capabilities, MDCR_EL2, park/restore plans, the world-switch
 * phases and the debug-register ownership machine.
 *
 * Expected values come from the specifications, not from the code under
 * test:
 *  - register encodings: instruction words from GNU as 2.40
 *    (aarch64-linux-gnu-as, "mrs x0, <name>");
 *  - ID_AA64DFR0_EL1 field positions, MDCR_EL2 bit positions and the
 *    enable bits: the Arm ARM register descriptions, written here as
 *    literal numbers;
 *  - plans: the per-unit sequences of reference/upstream-kvm.md (d).1 and
 *    (d).3, written as literal step tables and concatenated in the
 *    documented order;
 *  - ordering: a simulator of the units (registers with a written and an
 *    effective value, records buffered in the unit and writes in flight)
 *    that runs every plan and flags each rule of (d).3 that a plan breaks,
 *    plus syntactic order checks over the steps;
 *  - ownership: an oracle model of the reference's FREE / HOST_OWNED /
 *    GUEST_OWNED rules, run in lockstep over every sequence of events.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "hvgate_test.h"

/* ---- test CPUs and ID registers --------------------------------------- */

/* A CPU as the Arm ARM describes it: raw ID field values and counts. */
struct cpu {
	u32 pmuver;		/* ID_AA64DFR0_EL1[11:8] */
	u32 pmsver;		/* [35:32] */
	u32 tracefilt;		/* [43:40] */
	u32 tracebuffer;	/* [47:44] */
	u32 brbe;		/* [55:52] */
	u32 brps;		/* breakpoints: BRPs [15:12] + 1 */
	u32 wrps;		/* watchpoints: WRPs [23:20] + 1 */
	u32 pmcr_n;		/* PMCR_EL0.N [15:11] */
	bool pmb_p;		/* PMBIDR_EL1.P, bit 4 */
	bool trb_p;		/* TRBIDR_EL1.P, bit 4 */
	bool vhe;
	bool e2064142;
	bool e2038923;
};

/* ID_AA64DFR0_EL1 from the Arm ARM field positions; DebugVer 0b1001. */
static u64 dfr0_of(const struct cpu *c)
{
	return 0x9ULL | (u64)c->pmuver << 8 | (u64)(c->brps - 1) << 12 |
	       (u64)(c->wrps - 1) << 20 | (u64)c->pmsver << 32 |
	       (u64)c->tracefilt << 40 | (u64)c->tracebuffer << 44 |
	       (u64)c->brbe << 52;
}

static struct hvg_a64_idregs idregs_of(const struct cpu *c)
{
	return (struct hvg_a64_idregs) {
		.dfr0 = dfr0_of(c),
		.pmbidr = c->pmsver ? (c->pmb_p ? 0x10 : 0) | 0x6 : 0,
		.trbidr = c->tracebuffer ? (c->trb_p ? 0x10 : 0) | 0x5 : 0,
		.pmcr = c->pmuver && c->pmuver != 0xf ?
			(u64)c->pmcr_n << 11 | 0x41 : 0,
	};
}

static u32 flags_of(const struct cpu *c)
{
	return (c->vhe ? HVG_A64_HOST_VHE : 0) |
	       (c->e2064142 ? HVG_A64_ERRATUM_2064142 : 0) |
	       (c->e2038923 ? HVG_A64_ERRATUM_2038923 : 0);
}

static void caps_of(const struct cpu *c, struct hvg_a64_caps *caps)
{
	struct hvg_a64_idregs id = idregs_of(c);

	ck_assert_int_eq(hvg_a64_caps_init(caps, &id, flags_of(c)), 0);
}

/* The "everything" CPU: PMUv3p7 with 6 counters, SPE, TRBE, TRF, BRBE. */
static const struct cpu full_cpu = {
	.pmuver = 7, .pmsver = 3, .tracefilt = 1, .tracebuffer = 1,
	.brbe = 1, .brps = 6, .wrps = 4, .pmcr_n = 6,
};

static bool cpu_spe_host(const struct cpu *c)
{
	return c->pmsver && !c->pmb_p && !c->vhe;
}

static bool cpu_trbe_host(const struct cpu *c)
{
	return c->tracebuffer && !c->trb_p && !c->vhe;
}

/* ---- register encodings ------------------------------------------------ */

/*
 * "mrs x0, <reg>" as assembled by GNU as 2.40; MRS is
 * 0xd5200000 | encoding << 5 | Rt (Arm ARM C6.2, MRS).
 */
static const struct {
	u32 reg;
	u32 insn;
	const char *name;
} mrs_words[] = {
	{ HVG_A64_DBGBVR0_EL1, 0xd5300080, "dbgbvr0_el1" },
	{ HVG_A64_DBGBCR0_EL1, 0xd53000a0, "dbgbcr0_el1" },
	{ HVG_A64_DBGWVR0_EL1, 0xd53000c0, "dbgwvr0_el1" },
	{ HVG_A64_DBGWCR0_EL1, 0xd53000e0, "dbgwcr0_el1" },
	{ HVG_A64_DBGBCR_EL1(15), 0xd5300fa0, "dbgbcr15_el1" },
	{ HVG_A64_DBGWVR_EL1(15), 0xd5300fc0, "dbgwvr15_el1" },
	{ HVG_A64_MDCCINT_EL1, 0xd5300200, "mdccint_el1" },
	{ HVG_A64_MDSCR_EL1, 0xd5300240, "mdscr_el1" },
	{ HVG_A64_OSLSR_EL1, 0xd5301180, "oslsr_el1" },
	{ HVG_A64_BRBCR_EL1, 0xd5319000, "brbcr_el1" },
	{ HVG_A64_ID_AA64DFR0_EL1, 0xd5380500, "id_aa64dfr0_el1" },
	{ HVG_A64_TRFCR_EL1, 0xd5381220, "trfcr_el1" },
	{ HVG_A64_PMSCR_EL1, 0xd5389900, "pmscr_el1" },
	{ HVG_A64_PMBLIMITR_EL1, 0xd5389a00, "pmblimitr_el1" },
	{ HVG_A64_PMBIDR_EL1, 0xd5389ae0, "pmbidr_el1" },
	{ HVG_A64_TRBLIMITR_EL1, 0xd5389b00, "trblimitr_el1" },
	{ HVG_A64_TRBIDR_EL1, 0xd5389be0, "trbidr_el1" },
	{ HVG_A64_PMCR_EL0, 0xd53b9c00, "pmcr_el0" },
	{ HVG_A64_MDCR_EL2, 0xd53c1120, "mdcr_el2" },
};

START_TEST(encodings_match_the_assembler)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(mrs_words); i++)
		ck_assert_msg((0xd5200000U | mrs_words[i].reg << 5) ==
			      mrs_words[i].insn, "%s: %#x", mrs_words[i].name,
			      0xd5200000U | mrs_words[i].reg << 5);
	/* "msr oslar_el1, x0" is 0xd5101080: MSR is 0xd5000000 | enc << 5. */
	ck_assert_uint_eq(0xd5000000U | HVG_A64_OSLAR_EL1 << 5, 0xd5101080);
	/* The field accessors give back S3_0_C9_C10_0 and S2_1_C9_C0_0. */
	ck_assert_uint_eq(HVG_A64_SYSREG_OP0(HVG_A64_PMBLIMITR_EL1), 3);
	ck_assert_uint_eq(HVG_A64_SYSREG_OP1(HVG_A64_PMBLIMITR_EL1), 0);
	ck_assert_uint_eq(HVG_A64_SYSREG_CRN(HVG_A64_PMBLIMITR_EL1), 9);
	ck_assert_uint_eq(HVG_A64_SYSREG_CRM(HVG_A64_PMBLIMITR_EL1), 10);
	ck_assert_uint_eq(HVG_A64_SYSREG_OP2(HVG_A64_PMBLIMITR_EL1), 0);
	ck_assert_uint_eq(HVG_A64_SYSREG_OP0(HVG_A64_BRBCR_EL1), 2);
	ck_assert_uint_eq(HVG_A64_SYSREG_OP1(HVG_A64_BRBCR_EL1), 1);
	ck_assert_uint_eq(HVG_A64_SYSREG_CRN(HVG_A64_BRBCR_EL1), 9);
	ck_assert_uint_eq(HVG_A64_SYSREG_CRM(HVG_A64_BRBCR_EL1), 0);
	ck_assert_uint_eq(HVG_A64_SYSREG_OP2(HVG_A64_MDCR_EL2), 1);
	ck_assert_uint_eq(HVG_A64_SYSREG_OP1(HVG_A64_MDCR_EL2), 4);
	/* Breakpoint n has CRm = n. */
	ck_assert_uint_eq(HVG_A64_SYSREG_CRM(HVG_A64_DBGWCR_EL1(11)), 11);
	ck_assert_uint_eq(HVG_A64_SYSREG_OP2(HVG_A64_DBGWCR_EL1(11)), 7);
}
END_TEST

/* ---- the simulator -------------------------------------------------------- */

/*
 * Registers have a written value (what a later MRS returns) and an
 * effective value (what the unit acts on), which catches up at each ISB
 * (Arm ARM D24.1.2, "Synchronization requirements for System registers").
 * A unit whose source and buffer are both effectively enabled generates
 * records; PSB/TSB CSYNC turn the buffered records into writes in flight
 * and DSB NSH completes them (Arm ARM D13, D14 SPE/TRBE synchronization).
 */
struct sim {
	const struct cpu *cpu;
	u64 *slot;
	u64 pmscr, pmscr_eff, pmb, pmb_eff;
	u64 trfcr, trfcr_eff, trb, trb_eff;
	u64 brbcr;
	u64 dbg[HVG_A64_DBG_BANK_SIZE];	/* hardware, by bank offset */
	bool spe_buf, spe_pend, trc_buf, trc_pend;
	bool regime_synced;		/* host regime synchronised */
	bool drain_owed;		/* erratum 2064142 drain outstanding */
	bool tsb_seen;			/* ... TSB done, DSB pending */
	bool trb_changed;		/* TRBLIMITR.E changed ... */
	u32 isb_since_trb;		/* ... and ISBs since */
	char err[200];
};

static void sim_fail(struct sim *s, const char *fmt, ...)
{
	va_list ap;

	if (s->err[0])
		return;
	va_start(ap, fmt);
	vsnprintf(s->err, sizeof(s->err), fmt, ap);
	va_end(ap);
}

static bool spe_active(const struct sim *s)
{
	return (s->pmscr_eff & 3) && (s->pmb_eff & 1);
}

static bool trace_active(const struct sim *s)
{
	return (s->trfcr_eff & 3) && (s->trb_eff & 1);
}

/* Debug register -> bank offset, or -1. */
static int dbg_off(u32 reg)
{
	u32 n = HVG_A64_SYSREG_CRM(reg);

	if (reg == HVG_A64_MDCCINT_EL1)
		return HVG_A64_DBG_MDCCINT;
	if ((reg & ~(15U << 3)) == HVG_A64_DBGBCR0_EL1)
		return (int)HVG_A64_DBG_BCR(n);
	if ((reg & ~(15U << 3)) == HVG_A64_DBGBVR0_EL1)
		return (int)HVG_A64_DBG_BVR(n);
	if ((reg & ~(15U << 3)) == HVG_A64_DBGWCR0_EL1)
		return (int)HVG_A64_DBG_WCR(n);
	if ((reg & ~(15U << 3)) == HVG_A64_DBGWVR0_EL1)
		return (int)HVG_A64_DBG_WVR(n);
	return -1;
}

/* May the plan touch @reg on this CPU? */
static bool sim_reg_ok(struct sim *s, u32 reg)
{
	const struct cpu *c = s->cpu;
	int off = dbg_off(reg);
	u32 n = HVG_A64_SYSREG_CRM(reg);

	if (off >= 0) {
		if (off == HVG_A64_DBG_MDCCINT)
			return true;
		if (off < 2 * HVG_A64_DBG_MAX)
			return n < c->brps;
		return n < c->wrps;
	}
	switch (reg) {
	case HVG_A64_PMSCR_EL1:
	case HVG_A64_PMBLIMITR_EL1:
		/* UNDEFINED without SPE; owned by EL3 with P; VHE keeps it. */
		return cpu_spe_host(c);
	case HVG_A64_TRBLIMITR_EL1:
		return cpu_trbe_host(c);
	case HVG_A64_TRFCR_EL1:
		return c->tracefilt && !c->vhe;
	case HVG_A64_BRBCR_EL1:
		return c->brbe && !c->vhe;
	default:
		return false;
	}
}

static u64 sim_read(struct sim *s, u32 reg)
{
	int off = dbg_off(reg);

	if (off >= 0)
		return s->dbg[off];
	switch (reg) {
	case HVG_A64_PMSCR_EL1:
		return s->pmscr;
	case HVG_A64_PMBLIMITR_EL1:
		return s->pmb;
	case HVG_A64_TRBLIMITR_EL1:
		return s->trb;
	case HVG_A64_TRFCR_EL1:
		return s->trfcr;
	default:
		return s->brbcr;
	}
}

static void sim_write(struct sim *s, u32 reg, u64 val)
{
	int off = dbg_off(reg);

	if (off >= 0) {
		s->dbg[off] = val;
		return;
	}
	switch (reg) {
	case HVG_A64_PMSCR_EL1:
		/* (d).3: sampling back on only once the buffer is. */
		if ((val & 3) && !(s->pmb_eff & 1))
			sim_fail(s, "PMSCR_EL1 enables sampling before the buffer is enabled");
		s->pmscr = val;
		break;
	case HVG_A64_PMBLIMITR_EL1:
		if (!(val & 1) && (s->pmb & 1) && (s->spe_buf || s->spe_pend))
			sim_fail(s, "PMBLIMITR_EL1 disabled before the SPE drain");
		if ((val & 1) && !(s->pmb & 1) && !s->regime_synced)
			sim_fail(s, "PMBLIMITR_EL1 enabled before an ISB synchronised the host regime");
		s->pmb = val;
		break;
	case HVG_A64_TRBLIMITR_EL1:
		if (s->drain_owed)
			sim_fail(s, "TRBE register written with the erratum 2064142 drain owed");
		if (!(val & 1) && (s->trb & 1) && (s->trc_buf || s->trc_pend))
			sim_fail(s, "TRBLIMITR_EL1 disabled before the trace drain");
		if ((val & 1) && !(s->trb & 1) && !s->regime_synced)
			sim_fail(s, "TRBLIMITR_EL1 enabled before an ISB synchronised the host regime");
		if (!(val & 1) && (s->trb & 1) && s->cpu->e2064142)
			s->drain_owed = true;
		if ((val ^ s->trb) & 1) {
			s->trb_changed = true;
			s->isb_since_trb = 0;
		}
		s->trb = val;
		break;
	case HVG_A64_TRFCR_EL1:
		/*
		 * (d).3 and erratum 2038923: trace back on only once the
		 * buffer is, and after two ISBs on affected parts.
		 */
		if ((val & 3) && s->trb_changed && (s->trb & 1) &&
		    s->isb_since_trb < (s->cpu->e2038923 ? 2U : 1U))
			sim_fail(s, "TRFCR_EL1 enables trace %u ISB after TRBLIMITR_EL1.E",
				 s->isb_since_trb);
		s->trfcr = val;
		break;
	default:
		s->brbcr = val;
		break;
	}
}

/*
 * Records of the units the library parks: a VHE host's units keep
 * running at EL2 on purpose, and a unit owned by a higher exception
 * level is not the host's.
 */
static void sim_tick(struct sim *s)
{
	if (spe_active(s) && cpu_spe_host(s->cpu))
		s->spe_buf = true;
	if (trace_active(s) && cpu_trbe_host(s->cpu))
		s->trc_buf = true;
}

/* Run @plan as a glue would; every slot access goes to @s->slot. */
static void sim_run(struct sim *s, const struct hvg_a64_plan *plan)
{
	const struct hvg_a64_step *st;
	u32 i;

	for (i = 0; i < plan->nr && !s->err[0]; i++) {
		st = &plan->step[i];
		sim_tick(s);
		if (st->reserved || st->reserved2)
			sim_fail(s, "step %u: reserved field set", i);
		switch (st->op) {
		case HVG_A64_OP_READ:
		case HVG_A64_OP_WRITE:
		case HVG_A64_OP_WRITE_ZERO:
			if (!sim_reg_ok(s, st->reg)) {
				sim_fail(s, "step %u: register %#x not accessible",
					 i, st->reg);
				break;
			}
			if (st->op != HVG_A64_OP_WRITE_ZERO &&
			    st->slot >= HVG_A64_NR_SLOTS) {
				sim_fail(s, "step %u: slot %u", i, st->slot);
				break;
			}
			if (st->op == HVG_A64_OP_READ)
				s->slot[st->slot] = sim_read(s, st->reg);
			else
				sim_write(s, st->reg, st->op == HVG_A64_OP_WRITE ?
					  s->slot[st->slot] : 0);
			break;
		case HVG_A64_OP_ISB:
			s->pmscr_eff = s->pmscr;
			s->pmb_eff = s->pmb;
			s->trfcr_eff = s->trfcr;
			s->trb_eff = s->trb;
			s->regime_synced = true;
			s->isb_since_trb++;
			break;
		case HVG_A64_OP_PSB_CSYNC:
			s->spe_pend |= s->spe_buf;
			s->spe_buf = false;
			sim_tick(s);
			break;
		case HVG_A64_OP_TSB_CSYNC:
			s->trc_pend |= s->trc_buf;
			s->trc_buf = false;
			sim_tick(s);
			s->tsb_seen = s->drain_owed;
			break;
		case HVG_A64_OP_DSB_NSH:
			s->spe_pend = false;
			s->trc_pend = false;
			if (s->tsb_seen && !s->trc_buf)
				s->drain_owed = false;
			s->tsb_seen = false;
			break;
		default:
			sim_fail(s, "step %u: op %u", i, st->op);
			break;
		}
	}
}

/* A context synchronization event outside the plans (ERET). */
static void sim_eret(struct sim *s)
{
	s->pmscr_eff = s->pmscr;
	s->pmb_eff = s->pmb;
	s->trfcr_eff = s->trfcr;
	s->trb_eff = s->trb;
}

/* ---- one entry and exit ---------------------------------------------------- */

/* Host state and guest setup for one world switch. */
struct scenario {
	struct cpu cpu;
	u64 pmscr, pmb, trfcr, trb, brbcr;
	bool trace_cfg;
	u64 guest_trfcr;
	u32 owner;		/* HVG_A64_DBG_FREE, _HOST_OWNED, _GUEST_OWNED */
	bool host_dbg;		/* for HOST_OWNED: debugger (else OS Lock) */
};

/* What a world switch handed out. */
struct outcome {
	struct hvg_a64_step probe[HVG_A64_PROBE_MAX];
	struct hvg_a64_step park[HVG_A64_PARK_MAX];
	struct hvg_a64_step restore[HVG_A64_RESTORE_MAX];
	u32 nr_probe, nr_park, nr_restore, nr_dbg_in, nr_dbg_out;
	u64 mdcr_guest, mdcr_host;
	char err[240];
};

static int out_fail(struct outcome *o, const char *what, const char *detail)
{
	if (!o->err[0])
		snprintf(o->err, sizeof(o->err), "%s%s%s", what,
			 detail[0] ? ": " : "", detail);
	return -1;
}

static u64 host_dbg_val(u32 off)
{
	return 0x1000 + off;
}

static u64 guest_dbg_val(u32 bank, u32 off)
{
	return (u64)bank << 16 | off;
}

static bool in_use(const struct cpu *c, u32 off)
{
	if (off == HVG_A64_DBG_MDCCINT)
		return true;
	if (off < 2 * HVG_A64_DBG_MAX)
		return off % HVG_A64_DBG_MAX < c->brps;
	return off % HVG_A64_DBG_MAX < c->wrps;
}

static void set_owner(struct hvg_a64_vcpu *v, const struct scenario *sc)
{
	switch (sc->owner) {
	case HVG_A64_DBG_GUEST_OWNED:
		ck_assert_int_eq(hvg_a64_dbg_mdscr(v, 1ULL << 15), 0);
		break;
	case HVG_A64_DBG_HOST_OWNED:
		if (sc->host_dbg)
			ck_assert_int_eq(hvg_a64_dbg_host_debug(v, true), 0);
		else
			ck_assert_int_eq(hvg_a64_dbg_os_lock(v, true), 0);
		break;
	}
	ck_assert_uint_eq(hvg_a64_dbg_owner(v), sc->owner);
}

static void copy_plan(struct hvg_a64_step *dst, u32 *nr, u32 max,
		      const struct hvg_a64_plan *p)
{
	ck_assert_uint_le(p->nr, max);
	ck_assert_ptr_nonnull(p->step);
	memcpy(dst, p->step, p->nr * sizeof(*dst));
	*nr = p->nr;
}

/*
 * One entry and exit on a simulated CPU, checking the state at each
 * boundary the contract names.
 */
static int world_switch(const struct scenario *sc,
			const struct hvg_a64_caps *caps, struct outcome *o)
{
	static struct hvg_a64_vcpu v;
	const struct cpu *c = &sc->cpu;
	struct hvg_a64_plan plan;
	struct sim s = { .cpu = c, .regime_synced = true };
	u32 off, bank = 0;
	char d[96] = "";

	memset(o, 0, sizeof(*o));
	ck_assert_int_eq(hvg_a64_vcpu_init(&v), 0);
	ck_assert_int_eq(hvg_a64_set_guest_trfcr(&v, sc->trace_cfg,
						 sc->guest_trfcr), 0);
	ck_assert_int_eq(hvg_a64_vcpu_load(&v, caps), 0);
	set_owner(&v, sc);
	if (sc->owner == HVG_A64_DBG_GUEST_OWNED)
		bank = HVG_A64_BANK_GUEST;
	if (sc->owner == HVG_A64_DBG_HOST_OWNED)
		bank = HVG_A64_BANK_EXTERNAL;
	for (off = 0; off < HVG_A64_DBG_BANK_SIZE; off++) {
		v.slot[HVG_A64_SLOT_DBG(HVG_A64_BANK_GUEST, off)] =
			guest_dbg_val(HVG_A64_BANK_GUEST, off);
		v.slot[HVG_A64_SLOT_DBG(HVG_A64_BANK_EXTERNAL, off)] =
			guest_dbg_val(HVG_A64_BANK_EXTERNAL, off);
		s.dbg[off] = host_dbg_val(off);
	}
	s.slot = v.slot;
	s.pmscr = s.pmscr_eff = sc->pmscr;
	s.pmb = s.pmb_eff = sc->pmb;
	s.trfcr = s.trfcr_eff = sc->trfcr;
	s.trb = s.trb_eff = sc->trb;
	s.brbcr = sc->brbcr;
	/* The host has been running: its units hold buffered records. */
	sim_tick(&s);

	ck_assert_int_eq(hvg_a64_entry_probe(&v, &plan), 0);
	copy_plan(o->probe, &o->nr_probe, HVG_A64_PROBE_MAX, &plan);
	sim_run(&s, &plan);
	ck_assert_int_eq(hvg_a64_entry_park(&v, &plan), 0);
	copy_plan(o->park, &o->nr_park, HVG_A64_PARK_MAX, &plan);
	sim_run(&s, &plan);
	if (s.err[0])
		return out_fail(o, "park", s.err);

	/*
	 * Security invariants of (d).5 at the moment the guest's regime
	 * and MDCR_EL2 go in: no host buffer enabled or with data in
	 * flight, no host source on, branch recording off.
	 */
	if (cpu_spe_host(c) && ((s.pmb | s.pmb_eff) & 1))
		return out_fail(o, "guest regime with the SPE buffer enabled", "");
	if (cpu_spe_host(c) && (sc->pmb & 1) && ((s.pmscr | s.pmscr_eff) & 3))
		return out_fail(o, "guest regime with SPE sampling on", "");
	if (s.spe_buf || s.spe_pend || s.trc_buf || s.trc_pend)
		return out_fail(o, "guest regime with records not drained", "");
	if (cpu_trbe_host(c) && ((s.trb | s.trb_eff) & 1))
		return out_fail(o, "guest regime with the trace buffer enabled", "");
	if (c->brbe && !c->vhe && (s.brbcr & 3))
		return out_fail(o, "guest runs with BRBE recording", "");
	if (c->tracefilt && !c->vhe && cpu_trbe_host(c) && (sc->trb & 1) &&
	    s.trfcr != 0)
		return out_fail(o, "guest runs with host TRBE trace enabled", "");
	if (c->tracefilt && !c->vhe && !(cpu_trbe_host(c) && (sc->trb & 1)) &&
	    sc->trace_cfg && s.trfcr != sc->guest_trfcr)
		return out_fail(o, "guest runs without its TRFCR_EL1", "");

	ck_assert_int_eq(hvg_a64_entry_guest(&v, &o->mdcr_guest, &plan), 0);
	o->nr_dbg_in = plan.nr;
	sim_run(&s, &plan);
	sim_eret(&s);
	if (s.err[0])
		return out_fail(o, "debug switch to guest", s.err);
	for (off = 0; off < HVG_A64_DBG_BANK_SIZE; off++) {
		if (!in_use(c, off))
			continue;
		if (bank && s.dbg[off] != guest_dbg_val(bank, off))
			snprintf(d, sizeof(d), "offset %u holds %#llx", off,
				 (unsigned long long)s.dbg[off]);
		if (!bank && s.dbg[off] != host_dbg_val(off))
			snprintf(d, sizeof(d), "offset %u changed while free", off);
		if (bank && v.slot[HVG_A64_SLOT_DBG(HVG_A64_BANK_HOST, off)] !=
		    host_dbg_val(off))
			snprintf(d, sizeof(d), "host offset %u not saved", off);
		if (d[0])
			return out_fail(o, "guest debug registers", d);
		/* The owner changes its registers while it runs. */
		if (bank)
			s.dbg[off] += 0x100;
	}

	/* Exit: the host's regime is installed but not yet synchronised. */
	ck_assert_int_eq(hvg_a64_exit_host(&v, &o->mdcr_host, &plan), 0);
	o->nr_dbg_out = plan.nr;
	s.regime_synced = false;
	sim_run(&s, &plan);
	if (s.err[0])
		return out_fail(o, "debug switch to host", s.err);
	for (off = 0; off < HVG_A64_DBG_BANK_SIZE; off++) {
		if (!in_use(c, off))
			continue;
		if (s.dbg[off] != host_dbg_val(off))
			snprintf(d, sizeof(d), "offset %u not restored", off);
		if (bank && v.slot[HVG_A64_SLOT_DBG(bank, off)] !=
		    guest_dbg_val(bank, off) + 0x100)
			snprintf(d, sizeof(d), "offset %u not saved", off);
		if (d[0])
			return out_fail(o, "host debug registers", d);
	}

	ck_assert_int_eq(hvg_a64_exit_unpark(&v, &plan), 0);
	copy_plan(o->restore, &o->nr_restore, HVG_A64_RESTORE_MAX, &plan);
	sim_run(&s, &plan);
	if (s.err[0])
		return out_fail(o, "restore", s.err);
	sim_eret(&s);
	if (s.pmscr != sc->pmscr || s.pmb != sc->pmb || s.trfcr != sc->trfcr ||
	    s.trb != sc->trb || s.brbcr != sc->brbcr)
		return out_fail(o, "host registers not restored", "");
	if (sc->pmb & sc->pmscr & 1 && cpu_spe_host(c) && !spe_active(&s))
		return out_fail(o, "host SPE not sampling again", "");
	if (s.drain_owed)
		return out_fail(o, "erratum 2064142 drain still owed", "");
	ck_assert_int_eq(hvg_a64_vcpu_put(&v), 0);
	return 0;
}

/* ---- expected plans, from reference (d).1 and (d).3 ---------------------- */

#define R(reg, slot)	{ HVG_A64_OP_READ, 0, HVG_A64_##reg, HVG_A64_SLOT_##slot, 0 }
#define W(reg, slot)	{ HVG_A64_OP_WRITE, 0, HVG_A64_##reg, HVG_A64_SLOT_##slot, 0 }
#define Z(reg)		{ HVG_A64_OP_WRITE_ZERO, 0, HVG_A64_##reg, 0, 0 }
#define ISB		{ HVG_A64_OP_ISB, 0, 0, 0, 0 }
#define PSB		{ HVG_A64_OP_PSB_CSYNC, 0, 0, 0, 0 }
#define TSB		{ HVG_A64_OP_TSB_CSYNC, 0, 0, 0, 0 }
#define DSB		{ HVG_A64_OP_DSB_NSH, 0, 0, 0, 0 }

struct seq {
	const struct hvg_a64_step *step;
	u32 nr;
};

#define SEQ(a) ((struct seq) { a, ARRAY_SIZE(a) })

/* Probe: the buffer enables, for the units the host may be using. */
static const struct hvg_a64_step probe_spe[] = { R(PMBLIMITR_EL1, PMBLIMITR) };
static const struct hvg_a64_step probe_brbe[] = { R(BRBCR_EL1, BRBCR) };
static const struct hvg_a64_step probe_trbe[] = { R(TRBLIMITR_EL1, TRBLIMITR) };

/*
 * Save, SPE with PMBLIMITR_EL1.E: save PMSCR_EL1, write 0, ISB, PSB CSYNC,
 * DSB NSH, write PMBLIMITR_EL1 = 0, ISB (the 2026 buffer-disable fix).
 */
static const struct hvg_a64_step park_spe[] = {
	R(PMSCR_EL1, PMSCR), Z(PMSCR_EL1), ISB, PSB, DSB, Z(PMBLIMITR_EL1), ISB,
};
/* Save, BRBE with E0BRE or ExBRE: write 0 (the probe read saved it). */
static const struct hvg_a64_step park_brbe[] = { Z(BRBCR_EL1) };
/* Save, trace: TRFCR_EL1 switched, 0 while TRBE runs, else the guest's. */
static const struct hvg_a64_step park_trfcr_trbe[] = {
	R(TRFCR_EL1, TRFCR), Z(TRFCR_EL1),
};
static const struct hvg_a64_step park_trfcr_cfg[] = {
	R(TRFCR_EL1, TRFCR), W(TRFCR_EL1, TRFCR_GUEST),
};
/* Save, TRBE enabled: ISB, TSB CSYNC, DSB NSH, TRBLIMITR_EL1 = 0, ISB. */
static const struct hvg_a64_step park_trbe[] = {
	ISB, TSB, DSB, Z(TRBLIMITR_EL1), ISB,
};
/* ... with erratum 2064142: drain a second time before the ISB. */
static const struct hvg_a64_step park_trbe_2064142[] = {
	ISB, TSB, DSB, Z(TRBLIMITR_EL1), TSB, DSB, ISB,
};

/* Restore: one ISB first when a buffer comes back. */
static const struct hvg_a64_step restore_isb[] = { ISB };
/* Trace: TRBLIMITR_EL1 back, ISB (two with erratum 2038923). */
static const struct hvg_a64_step restore_trbe[] = {
	W(TRBLIMITR_EL1, TRBLIMITR), ISB,
};
static const struct hvg_a64_step restore_trbe_2038923[] = {
	W(TRBLIMITR_EL1, TRBLIMITR), ISB, ISB,
};
static const struct hvg_a64_step restore_trfcr[] = { W(TRFCR_EL1, TRFCR) };
static const struct hvg_a64_step restore_brbe[] = { W(BRBCR_EL1, BRBCR) };
/* SPE: PMBLIMITR_EL1 back, ISB, then PMSCR_EL1. */
static const struct hvg_a64_step restore_spe[] = {
	W(PMBLIMITR_EL1, PMBLIMITR), ISB, W(PMSCR_EL1, PMSCR),
};

struct expect {
	struct hvg_a64_step probe[8], park[32], restore[16];
	u32 nr_probe, nr_park, nr_restore;
};

static void cat(struct hvg_a64_step *dst, u32 *nr, struct seq s)
{
	memcpy(dst + *nr, s.step, s.nr * sizeof(*dst));
	*nr += s.nr;
}

/* The plans the reference prescribes for @sc, unit by unit, in order. */
static void expect_plans(const struct scenario *sc, struct expect *e)
{
	const struct cpu *c = &sc->cpu;
	bool spe_on = cpu_spe_host(c) && (sc->pmb & 1);
	bool brbe_on = c->brbe && !c->vhe && (sc->brbcr & 3);
	bool trbe_on = cpu_trbe_host(c) && (sc->trb & 1);
	bool trfcr_sw = c->tracefilt && !c->vhe && (trbe_on || sc->trace_cfg);

	memset(e, 0, sizeof(*e));
	if (cpu_spe_host(c))
		cat(e->probe, &e->nr_probe, SEQ(probe_spe));
	if (c->brbe && !c->vhe)
		cat(e->probe, &e->nr_probe, SEQ(probe_brbe));
	if (cpu_trbe_host(c))
		cat(e->probe, &e->nr_probe, SEQ(probe_trbe));

	if (spe_on)
		cat(e->park, &e->nr_park, SEQ(park_spe));
	if (brbe_on)
		cat(e->park, &e->nr_park, SEQ(park_brbe));
	if (trfcr_sw)
		cat(e->park, &e->nr_park, trbe_on ? SEQ(park_trfcr_trbe) :
						    SEQ(park_trfcr_cfg));
	if (trbe_on)
		cat(e->park, &e->nr_park, c->e2064142 ?
			SEQ(park_trbe_2064142) : SEQ(park_trbe));

	if (spe_on || trbe_on)
		cat(e->restore, &e->nr_restore, SEQ(restore_isb));
	if (trbe_on)
		cat(e->restore, &e->nr_restore, c->e2038923 ?
			SEQ(restore_trbe_2038923) : SEQ(restore_trbe));
	if (trfcr_sw)
		cat(e->restore, &e->nr_restore, SEQ(restore_trfcr));
	if (brbe_on)
		cat(e->restore, &e->nr_restore, SEQ(restore_brbe));
	if (spe_on)
		cat(e->restore, &e->nr_restore, SEQ(restore_spe));
}

static const char *step_str(const struct hvg_a64_step *st, char *buf,
			    size_t len)
{
	snprintf(buf, len, "{op %u reg %#x slot %u}", st->op, st->reg,
		 st->slot);
	return buf;
}

/* NULL if equal, else a description of the first difference. */
static const char *plan_diff(const char *what, const struct hvg_a64_step *got,
			     u32 nr_got, const struct hvg_a64_step *exp,
			     u32 nr_exp, char *buf, size_t len)
{
	char a[48], b[48];
	u32 i;

	for (i = 0; i < nr_got && i < nr_exp; i++) {
		if (memcmp(&got[i], &exp[i], sizeof(got[i]))) {
			snprintf(buf, len, "%s step %u: got %s, expected %s",
				 what, i, step_str(&got[i], a, sizeof(a)),
				 step_str(&exp[i], b, sizeof(b)));
			return buf;
		}
	}
	if (nr_got != nr_exp) {
		snprintf(buf, len, "%s: %u steps, expected %u", what, nr_got,
			 nr_exp);
		return buf;
	}
	return NULL;
}

static int find(const struct hvg_a64_step *p, u32 nr, u32 op, u32 reg,
		int from)
{
	u32 i;

	for (i = from < 0 ? 0 : (u32)from; i < nr; i++)
		if (p[i].op == op && (!reg || p[i].reg == reg))
			return (int)i;
	return -1;
}

/*
 * Park, one unit: if the buffer is disabled, its source was stopped, an
 * ISB made that effective, the drain (@csync then DSB NSH) followed, and
 * only then the buffer was disabled, with an ISB after it.
 */
static bool park_ordered(const struct hvg_a64_step *p, u32 np, u32 buf,
			 u32 src, u32 csync)
{
	int off = find(p, np, HVG_A64_OP_WRITE_ZERO, buf, 0);
	int stop = find(p, np, HVG_A64_OP_WRITE_ZERO, src, 0);
	int isb = find(p, np, HVG_A64_OP_ISB, 0, stop);
	int sync = find(p, np, csync, 0, isb);
	int dsb = find(p, np, HVG_A64_OP_DSB_NSH, 0, sync);

	if (off < 0)
		return true;
	return stop >= 0 && isb >= 0 && sync >= 0 && dsb >= 0 && off > dsb &&
	       find(p, np, HVG_A64_OP_ISB, 0, off) > off;
}

/*
 * Restore, one unit: an ISB before the buffer comes back (host regime),
 * the buffer before its source, an ISB between the two.
 */
static bool restore_ordered(const struct hvg_a64_step *r, u32 nr, u32 buf,
			    u32 src)
{
	int on = find(r, nr, HVG_A64_OP_WRITE, buf, 0);
	int back = find(r, nr, HVG_A64_OP_WRITE, src, 0);
	int isb = find(r, nr, HVG_A64_OP_ISB, 0, on);
	int first = find(r, nr, HVG_A64_OP_ISB, 0, 0);

	if (on < 0)
		return back < 0 || buf == HVG_A64_TRBLIMITR_EL1;
	return first >= 0 && first < on &&
	       (back < 0 || (back > on && isb >= 0 && isb < back));
}

/*
 * The ordering rules of (d).3 read off the steps (the simulator checks
 * their effect; this checks their text). The trace source may be
 * switched without a buffer (a guest trace filter), hence the exception
 * in restore_ordered().
 */
static const char *order_rules(const struct outcome *o)
{
	if (!park_ordered(o->park, o->nr_park, HVG_A64_PMBLIMITR_EL1,
			  HVG_A64_PMSCR_EL1, HVG_A64_OP_PSB_CSYNC))
		return "SPE buffer disabled before stop, ISB, PSB CSYNC, DSB NSH";
	if (!park_ordered(o->park, o->nr_park, HVG_A64_TRBLIMITR_EL1,
			  HVG_A64_TRFCR_EL1, HVG_A64_OP_TSB_CSYNC))
		return "trace buffer disabled before TRFCR, ISB, TSB CSYNC, DSB NSH";
	if (!restore_ordered(o->restore, o->nr_restore, HVG_A64_PMBLIMITR_EL1,
			     HVG_A64_PMSCR_EL1))
		return "SPE: sampling before the buffer, or an ISB missing";
	if (!restore_ordered(o->restore, o->nr_restore, HVG_A64_TRBLIMITR_EL1,
			     HVG_A64_TRFCR_EL1))
		return "trace: TRFCR before the buffer, or an ISB missing";
	return NULL;
}

/* Every plan of @sc: exact, ordered, and correct on the simulator. */
static void check_scenario(const struct scenario *sc,
			   const struct hvg_a64_caps *caps, const char *label)
{
	struct outcome o;
	struct expect e;
	char buf[200];
	const char *d;

	if (world_switch(sc, caps, &o))
		ck_abort_msg("%s: %s", label, o.err);
	expect_plans(sc, &e);
	d = plan_diff("probe", o.probe, o.nr_probe, e.probe, e.nr_probe, buf,
		      sizeof(buf));
	if (!d)
		d = plan_diff("park", o.park, o.nr_park, e.park, e.nr_park, buf,
			      sizeof(buf));
	if (!d)
		d = plan_diff("restore", o.restore, o.nr_restore, e.restore,
			      e.nr_restore, buf, sizeof(buf));
	if (!d)
		d = order_rules(&o);
	if (d)
		ck_abort_msg("%s: %s", label, d);
}

static const char *label_of(const struct scenario *sc, char *buf, size_t len)
{
	const struct cpu *c = &sc->cpu;

	snprintf(buf, len,
		 "pmsver %u P %u tb %u P %u trf %u brbe %u vhe %u err %u%u pmb %#llx trb %#llx brbcr %#llx cfg %u owner %u",
		 c->pmsver, c->pmb_p, c->tracebuffer, c->trb_p, c->tracefilt,
		 c->brbe, c->vhe, c->e2064142, c->e2038923,
		 (unsigned long long)sc->pmb, (unsigned long long)sc->trb,
		 (unsigned long long)sc->brbcr, sc->trace_cfg, sc->owner);
	return buf;
}

/*
 * Every combination of the capability and enable bits that matter:
 * PMSVer, PMBIDR.P, TraceBuffer, TRBIDR.P, TraceFilt, BRBE, VHE and both
 * errata (512 CPUs), times PMBLIMITR.E, TRBLIMITR.E, BRBCR enables and a
 * guest trace configuration (32 host states); the owner of the debug
 * registers and the breakpoint/watchpoint counts vary with the CPU.
 */
START_TEST(every_combination_exact_and_ordered)
{
	static struct hvg_a64_caps caps;
	static const u32 owners[] = {
		HVG_A64_DBG_FREE, HVG_A64_DBG_GUEST_OWNED,
		HVG_A64_DBG_HOST_OWNED, HVG_A64_DBG_HOST_OWNED,
	};
	struct scenario sc;
	u32 cpu_i, host_i;
	char label[240];

	for (cpu_i = 0; cpu_i < 512; cpu_i++) {
		memset(&sc, 0, sizeof(sc));
		sc.cpu = full_cpu;
		sc.cpu.pmsver = cpu_i & 1 ? 1 : 0;
		sc.cpu.pmb_p = cpu_i & 2;
		sc.cpu.tracebuffer = cpu_i & 4 ? 1 : 0;
		sc.cpu.trb_p = cpu_i & 8;
		sc.cpu.tracefilt = cpu_i & 16 ? 1 : 0;
		sc.cpu.brbe = cpu_i & 32 ? 2 : 0;
		sc.cpu.vhe = cpu_i & 64;
		sc.cpu.e2064142 = cpu_i & 128;
		sc.cpu.e2038923 = cpu_i & 256;
		sc.cpu.brps = 1 + cpu_i % 16;
		sc.cpu.wrps = 16 - cpu_i % 16;
		if (sc.cpu.tracebuffer && !sc.cpu.tracefilt) {
			/* FEAT_TRBE requires FEAT_TRF: refused. */
			struct hvg_a64_idregs id = idregs_of(&sc.cpu);

			ck_assert_int_eq(hvg_a64_caps_init(&caps, &id,
							   flags_of(&sc.cpu)),
					 -HVG_EINVAL);
			continue;
		}
		caps_of(&sc.cpu, &caps);
		for (host_i = 0; host_i < 32; host_i++) {
			/* Host values with bits beyond the enables set. */
			sc.pmscr = 0x43;		/* E0SPE, E1SPE, PCT */
			sc.pmb = 0xfff000 | (host_i & 1);
			sc.trfcr = 0x23;		/* E0TRE, ExTRE, TS */
			sc.trb = 0xabc000 | (host_i >> 1 & 1);
			sc.brbcr = 0x18 | (host_i >> 2 & 3);
			sc.trace_cfg = host_i & 16;
			sc.guest_trfcr = 0x40 | (host_i & 3);
			sc.owner = owners[(cpu_i + host_i) % 4];
			sc.host_dbg = (cpu_i + host_i) % 4 == 2;
			check_scenario(&sc, &caps,
				       label_of(&sc, label, sizeof(label)));
		}
	}
}
END_TEST

/* The full plans spelled out for a non-VHE CPU with every unit running. */
START_TEST(full_plans_spelled_out)
{
	static struct hvg_a64_caps caps;
	static const struct hvg_a64_step probe[] = {
		R(PMBLIMITR_EL1, PMBLIMITR), R(BRBCR_EL1, BRBCR),
		R(TRBLIMITR_EL1, TRBLIMITR),
	};
	static const struct hvg_a64_step park[] = {
		R(PMSCR_EL1, PMSCR), Z(PMSCR_EL1), ISB, PSB, DSB,
		Z(PMBLIMITR_EL1), ISB,
		Z(BRBCR_EL1),
		R(TRFCR_EL1, TRFCR), Z(TRFCR_EL1), ISB, TSB, DSB,
		Z(TRBLIMITR_EL1), TSB, DSB, ISB,
	};
	static const struct hvg_a64_step restore[] = {
		ISB,
		W(TRBLIMITR_EL1, TRBLIMITR), ISB, ISB, W(TRFCR_EL1, TRFCR),
		W(BRBCR_EL1, BRBCR),
		W(PMBLIMITR_EL1, PMBLIMITR), ISB, W(PMSCR_EL1, PMSCR),
	};
	struct scenario sc = {
		.cpu = full_cpu, .pmscr = 3, .pmb = 0x8001, .trfcr = 3,
		.trb = 0x9001, .brbcr = 3, .owner = HVG_A64_DBG_FREE,
	};
	struct outcome o;
	char buf[200];

	sc.cpu.e2064142 = true;
	sc.cpu.e2038923 = true;
	caps_of(&sc.cpu, &caps);
	ck_assert_int_eq(world_switch(&sc, &caps, &o), 0);
	ck_assert_ptr_null(plan_diff("probe", o.probe, o.nr_probe, probe,
				     ARRAY_SIZE(probe), buf, sizeof(buf)));
	ck_assert_ptr_null(plan_diff("park", o.park, o.nr_park, park,
				     ARRAY_SIZE(park), buf, sizeof(buf)));
	ck_assert_ptr_null(plan_diff("restore", o.restore, o.nr_restore,
				     restore, ARRAY_SIZE(restore), buf,
				     sizeof(buf)));
	ck_assert_uint_eq(o.nr_park, HVG_A64_PARK_MAX);
	ck_assert_uint_eq(o.nr_restore, HVG_A64_RESTORE_MAX);
	ck_assert_uint_eq(o.nr_dbg_in, 0);

	/* The host is not profiling: the probe runs, nothing else. */
	sc.pmb = 0x8000;
	sc.trb = 0x9000;
	sc.brbcr = 0x8;
	ck_assert_int_eq(world_switch(&sc, &caps, &o), 0);
	ck_assert_uint_eq(o.nr_probe, 3);
	ck_assert_uint_eq(o.nr_park, 0);
	ck_assert_uint_eq(o.nr_restore, 0);
}
END_TEST

/*
 * One vCPU over many entries: the plans are rebuilt only when the set of
 * parked units changes, and always match the host of that entry, also
 * after a load on a CPU with other errata or with VHE.
 */
START_TEST(plans_follow_the_host_across_entries)
{
	static struct hvg_a64_caps caps[3];
	static struct hvg_a64_vcpu v;
	static const u8 states[] = { 15, 0, 1, 1, 3, 0, 5, 7, 7, 2, 0, 8, 9, 15 };
	struct scenario sc = { .cpu = full_cpu, .pmscr = 3, .trfcr = 3 };
	struct hvg_a64_plan plan;
	struct expect e;
	char buf[200];
	u32 c, i;
	u64 m;

	sc.cpu.e2064142 = true;
	caps_of(&sc.cpu, &caps[0]);
	sc.cpu.e2064142 = false;
	sc.cpu.e2038923 = true;
	caps_of(&sc.cpu, &caps[1]);
	sc.cpu.vhe = true;
	caps_of(&sc.cpu, &caps[2]);
	ck_assert_int_eq(hvg_a64_vcpu_init(&v), 0);
	for (c = 0; c < 3; c++) {
		sc.cpu = full_cpu;
		sc.cpu.e2064142 = c == 0;
		sc.cpu.e2038923 = c > 0;
		sc.cpu.vhe = c == 2;
		ck_assert_int_eq(hvg_a64_vcpu_load(&v, &caps[c]), 0);
		for (i = 0; i < ARRAY_SIZE(states); i++) {
			sc.pmb = states[i] & 1;
			sc.trb = states[i] >> 1 & 1;
			sc.brbcr = states[i] >> 2 & 1;
			sc.trace_cfg = states[i] >> 3 & 1;
			ck_assert_int_eq(hvg_a64_set_guest_trfcr(&v, sc.trace_cfg,
								 0x21), 0);
			expect_plans(&sc, &e);
			ck_assert_int_eq(hvg_a64_entry_probe(&v, &plan), 0);
			/* What the probe would read. */
			v.slot[HVG_A64_SLOT_PMBLIMITR] = sc.pmb;
			v.slot[HVG_A64_SLOT_TRBLIMITR] = sc.trb;
			v.slot[HVG_A64_SLOT_BRBCR] = sc.brbcr;
			ck_assert_int_eq(hvg_a64_entry_park(&v, &plan), 0);
			ck_assert_ptr_null(plan_diff("park", plan.step, plan.nr,
						     e.park, e.nr_park, buf,
						     sizeof(buf)));
			ck_assert_int_eq(hvg_a64_entry_guest(&v, &m, &plan), 0);
			ck_assert_int_eq(hvg_a64_exit_host(&v, &m, &plan), 0);
			ck_assert_int_eq(hvg_a64_exit_unpark(&v, &plan), 0);
			ck_assert_ptr_null(plan_diff("restore", plan.step,
						     plan.nr, e.restore,
						     e.nr_restore, buf,
						     sizeof(buf)));
		}
		ck_assert_int_eq(hvg_a64_vcpu_put(&v), 0);
	}
}
END_TEST

/* The seed: "the vcpu can run, but it can't hide" - and still gets traps. */
START_TEST(vhe_parks_nothing_but_gets_traps)
{
	static struct hvg_a64_caps caps;
	struct scenario sc = {
		.cpu = full_cpu, .pmscr = 3, .pmb = 1, .trfcr = 3, .trb = 1,
		.brbcr = 3, .trace_cfg = true, .guest_trfcr = 1,
		.owner = HVG_A64_DBG_GUEST_OWNED,
	};
	struct outcome o;

	sc.cpu.vhe = true;
	caps_of(&sc.cpu, &caps);
	ck_assert_int_eq(world_switch(&sc, &caps, &o), 0);
	ck_assert_uint_eq(o.nr_probe + o.nr_park + o.nr_restore, 0);
	/* HPMN 6, TPMCR, TPM, TDOSA, TDRA, TPMS, TTRF; guest owns: no TDA. */
	ck_assert_uint_eq(o.mdcr_guest, 0x84c66);
	/* VHE host: HPMN only, E2PB = E2TB = 0 (EL2 owns the buffers). */
	ck_assert_uint_eq(o.mdcr_host, 0x6);
	/* The debug registers are still switched: 2 x (2 x 6 + 2 x 4 + 1). */
	ck_assert_uint_eq(o.nr_dbg_in, 42);
	ck_assert_uint_eq(o.nr_dbg_out, 42);
}
END_TEST

/*
 * The simulator is not vacuous: plans that break each rule of (d).3 are
 * flagged (these are the mistakes the seed and the 2026 fix are about).
 */
START_TEST(simulator_flags_broken_plans)
{
	static const struct hvg_a64_step no_isb[] = {
		R(PMSCR_EL1, PMSCR), Z(PMSCR_EL1), PSB, DSB, Z(PMBLIMITR_EL1),
		ISB,
	};
	static const struct hvg_a64_step no_drain[] = {
		R(PMSCR_EL1, PMSCR), Z(PMSCR_EL1), ISB, Z(PMBLIMITR_EL1), ISB,
	};
	static const struct hvg_a64_step source_first[] = {
		ISB, W(PMSCR_EL1, PMSCR), W(PMBLIMITR_EL1, PMBLIMITR), ISB,
	};
	static const struct hvg_a64_step no_sync[] = {
		W(PMBLIMITR_EL1, PMBLIMITR), ISB, W(PMSCR_EL1, PMSCR),
	};
	static const struct hvg_a64_step trace_one_isb[] = {
		ISB, W(TRBLIMITR_EL1, TRBLIMITR), ISB, W(TRFCR_EL1, TRFCR),
	};
	static const struct hvg_a64_step undefined[] = { R(TRBLIMITR_EL1, TRBLIMITR) };
	static const struct hvg_a64_step drain_once[] = {
		R(TRFCR_EL1, TRFCR), Z(TRFCR_EL1), ISB, TSB, DSB,
		Z(TRBLIMITR_EL1), ISB,
	};
	static const struct hvg_a64_step drain_twice[] = {
		R(TRFCR_EL1, TRFCR), Z(TRFCR_EL1), ISB, TSB, DSB,
		Z(TRBLIMITR_EL1), TSB, DSB, ISB,
	};
	struct cpu c = full_cpu;
	u64 slot[HVG_A64_NR_SLOTS] = { 0 };
	struct hvg_a64_plan p;
	struct outcome o;
	struct sim s;

#define RUN(cpu_, steps, pmb_, trb_, synced)				\
	do {								\
		memset(&s, 0, sizeof(s));				\
		s.cpu = (cpu_);						\
		s.slot = slot;						\
		s.pmscr = s.pmscr_eff = 3;				\
		s.pmb = s.pmb_eff = (pmb_);				\
		s.trfcr = s.trfcr_eff = 3;				\
		s.trb = s.trb_eff = (trb_);				\
		s.regime_synced = (synced);				\
		slot[HVG_A64_SLOT_PMSCR] = 3;				\
		slot[HVG_A64_SLOT_PMBLIMITR] = 1;			\
		slot[HVG_A64_SLOT_TRFCR] = 3;				\
		slot[HVG_A64_SLOT_TRBLIMITR] = 1;			\
		sim_tick(&s);						\
		p.step = (steps);					\
		p.nr = ARRAY_SIZE(steps);				\
		sim_run(&s, &p);					\
	} while (0)

	RUN(&c, no_isb, 1, 0, true);
	ck_assert_str_eq(s.err, "PMBLIMITR_EL1 disabled before the SPE drain");
	RUN(&c, no_drain, 1, 0, true);
	ck_assert_str_eq(s.err, "PMBLIMITR_EL1 disabled before the SPE drain");
	RUN(&c, park_spe, 1, 0, true);
	ck_assert_str_eq(s.err, "");
	RUN(&c, source_first, 0, 0, false);
	ck_assert_str_eq(s.err, "PMSCR_EL1 enables sampling before the buffer is enabled");
	RUN(&c, no_sync, 0, 0, false);
	ck_assert_str_eq(s.err, "PMBLIMITR_EL1 enabled before an ISB synchronised the host regime");
	c.e2038923 = true;
	RUN(&c, trace_one_isb, 0, 0, false);
	ck_assert_str_eq(s.err, "TRFCR_EL1 enables trace 1 ISB after TRBLIMITR_EL1.E");
	c.e2064142 = true;
	RUN(&c, drain_once, 0, 1, true);
	ck_assert_str_eq(s.err, "");
	ck_assert(s.drain_owed);
	RUN(&c, drain_twice, 0, 1, true);
	ck_assert_str_eq(s.err, "");
	ck_assert(!s.drain_owed);
	c.trb_p = true;
	RUN(&c, undefined, 0, 0, true);
	ck_assert_str_eq(s.err, "step 0: register 0xc4d8 not accessible");
#undef RUN

	/* The syntactic rules catch the same plans. */
	memset(&o, 0, sizeof(o));
	memcpy(o.park, no_drain, sizeof(no_drain));
	o.nr_park = ARRAY_SIZE(no_drain);
	ck_assert_str_eq(order_rules(&o),
			 "SPE buffer disabled before stop, ISB, PSB CSYNC, DSB NSH");
	memcpy(o.park, park_spe, sizeof(park_spe));
	o.nr_park = ARRAY_SIZE(park_spe);
	ck_assert_ptr_null(order_rules(&o));
	memcpy(o.restore, source_first, sizeof(source_first));
	o.nr_restore = ARRAY_SIZE(source_first);
	ck_assert_str_eq(order_rules(&o),
			 "SPE: sampling before the buffer, or an ISB missing");
	memcpy(o.restore, no_sync, sizeof(no_sync));
	o.nr_restore = ARRAY_SIZE(no_sync);
	ck_assert_str_eq(order_rules(&o),
			 "SPE: sampling before the buffer, or an ISB missing");
	memcpy(o.restore, trace_one_isb + 1, 3 * sizeof(trace_one_isb[0]));
	o.nr_restore = 3;
	ck_assert_str_eq(order_rules(&o),
			 "trace: TRFCR before the buffer, or an ISB missing");
	memcpy(o.restore, drain_twice, sizeof(drain_twice));
	o.nr_restore = 0;
	o.nr_park = ARRAY_SIZE(drain_twice);
	memcpy(o.park, drain_twice, sizeof(drain_twice));
	ck_assert_ptr_null(order_rules(&o));
	o.park[4] = o.park[3];		/* TSB CSYNC where DSB NSH was */
	ck_assert_str_eq(order_rules(&o),
			 "trace buffer disabled before TRFCR, ISB, TSB CSYNC, DSB NSH");
}
END_TEST

/* ---- capabilities ---------------------------------------------------------- */

START_TEST(caps_decode_the_id_registers)
{
	static struct hvg_a64_caps caps, other;
	struct cpu c = full_cpu;
	struct hvg_a64_idregs id;

	caps_of(&c, &caps);
	ck_assert_uint_eq(caps.caps, HVG_A64_CAP_PMUV3 | HVG_A64_CAP_SPE |
			  HVG_A64_CAP_SPE_HOST | HVG_A64_CAP_TRBE |
			  HVG_A64_CAP_TRBE_HOST | HVG_A64_CAP_TRF |
			  HVG_A64_CAP_BRBE);
	ck_assert_uint_eq(caps.brps, 6);
	ck_assert_uint_eq(caps.wrps, 4);
	ck_assert_uint_eq(caps.hpmn, 6);
	ck_assert_uint_eq(caps.nr_probe, 3);
	ck_assert_uint_eq(caps.nr_dbg, 2 * (2 * 6 + 2 * 4 + 1));

	/* P set: implemented (MDCR_EL2 bits exist) but not for the host. */
	c.pmb_p = true;
	c.trb_p = true;
	caps_of(&c, &caps);
	ck_assert_uint_eq(caps.caps & (HVG_A64_CAP_SPE | HVG_A64_CAP_SPE_HOST |
				       HVG_A64_CAP_TRBE | HVG_A64_CAP_TRBE_HOST),
			  HVG_A64_CAP_SPE | HVG_A64_CAP_TRBE);
	ck_assert_uint_eq(caps.nr_probe, 1);

	/* 16 breakpoints and watchpoints: BRPs = WRPs = 0b1111. */
	c.brps = 16;
	c.wrps = 16;
	c.e2038923 = true;
	c.vhe = true;
	caps_of(&c, &caps);
	ck_assert_uint_eq(caps.brps, 16);
	ck_assert_uint_eq(caps.wrps, 16);
	ck_assert_uint_eq(caps.nr_dbg, HVG_A64_DBG_PLAN_MAX);
	ck_assert_uint_eq(caps.nr_probe, 0);
	ck_assert(caps.caps & HVG_A64_CAP_VHE);
	ck_assert(caps.caps & HVG_A64_CAP_E2038923);
	ck_assert(!(caps.caps & HVG_A64_CAP_E2064142));

	/*
	 * Registers of absent features are not read: whatever is passed
	 * for them is ignored (PMBIDR/TRBIDR UNDEFINED without the unit,
	 * PMCR_EL0.N meaningless without PMUv3; PMUVer 0b1111 is an
	 * IMPLEMENTATION DEFINED PMU, not PMUv3).
	 */
	memset(&c, 0, sizeof(c));
	c.brps = 2;
	c.wrps = 2;
	c.pmuver = 0xf;
	id = idregs_of(&c);
	ck_assert_int_eq(hvg_a64_caps_init(&caps, &id, 0), 0);
	id.pmbidr = ~0ULL;
	id.trbidr = ~0ULL;
	id.pmcr = ~0ULL;
	ck_assert_int_eq(hvg_a64_caps_init(&other, &id, 0), 0);
	ck_assert(!memcmp(&caps, &other, sizeof(caps)));
	ck_assert_uint_eq(caps.caps, 0);
	ck_assert_uint_eq(caps.hpmn, 0);
	ck_assert_uint_eq(caps.mdcr_guest, 0xc00);	/* TDOSA, TDRA */
	ck_assert_uint_eq(caps.mdcr_host, 0);
}
END_TEST

START_TEST(caps_reject_bad_input)
{
	static struct hvg_a64_caps caps, snap;
	struct hvg_a64_idregs id = idregs_of(&full_cpu);
	u32 dv;

	memset(&caps, 0xa5, sizeof(caps));
	snap = caps;
	ck_assert_int_eq(hvg_a64_caps_init(NULL, &id, 0), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_caps_init(&caps, NULL, 0), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_caps_init(&caps, &id, BIT(3)), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_caps_init(&caps, &id, BIT(31)), -HVG_EINVAL);
	ck_assert_uint_eq(hvg_env_trace_count, 0);
	/* DebugVer below 0b0110: not an AArch64 debug implementation. */
	for (dv = 0; dv < 6; dv++) {
		id.dfr0 = (id.dfr0 & ~0xfULL) | dv;
		ck_assert_int_eq(hvg_a64_caps_init(&caps, &id, 0), -HVG_EINVAL);
		ck_assert_uint_eq(hvg_env_trace_last, HVG_A64_DIAG_DEBUGVER);
	}
	/* TraceBuffer [47:44] without TraceFilt [43:40]. */
	id.dfr0 = (id.dfr0 & ~0xfULL & ~(0xfULL << 40)) | 6;
	ck_assert_int_eq(hvg_a64_caps_init(&caps, &id, 0), -HVG_EINVAL);
	ck_assert_uint_eq(hvg_env_trace_last, HVG_A64_DIAG_TRBE_WITHOUT_TRF);
	ck_assert_uint_eq(hvg_env_trace_count, 7);
	ck_assert(!memcmp(&caps, &snap, sizeof(caps)));
	id.dfr0 |= 1ULL << 40;
	ck_assert_int_eq(hvg_a64_caps_init(&caps, &id, HVG_A64_FLAGS_ALL), 0);
	/* Without TraceBuffer, TraceFilt alone is fine. */
	id.dfr0 &= ~(0xfULL << 44);
	ck_assert_int_eq(hvg_a64_caps_init(&caps, &id, 0), 0);
	ck_assert_uint_eq(hvg_env_trace_count, 7);
}
END_TEST

/* ---- MDCR_EL2 -------------------------------------------------------------- */

/*
 * MDCR_EL2 from the Arm ARM bit positions: HPMN [4:0], TPMCR 5, TPM 6,
 * TDE 8, TDA 9, TDOSA 10, TDRA 11, E2PB [13:12], TPMS 14, TTRF 19,
 * E2TB [25:24]. Marc Zyngier's review: a bit only where the feature that
 * defines it is implemented (else RES0).
 */
static bool has_pmuv3(const struct cpu *c)
{
	return c->pmuver && c->pmuver != 0xf;
}

static u64 mdcr_guest_exp(const struct cpu *c, u32 owner, bool debugged)
{
	u64 m = 0x800 | 0x400;				/* TDRA, TDOSA */

	if (has_pmuv3(c))
		m |= c->pmcr_n | 0x40 | 0x20;		/* HPMN, TPM, TPMCR */
	if (c->pmsver)
		m |= 0x4000;				/* TPMS */
	if (c->tracefilt)
		m |= 0x80000;				/* TTRF */
	if (owner != HVG_A64_DBG_GUEST_OWNED)
		m |= 0x200;				/* TDA */
	if (debugged)
		m |= 0x100;				/* TDE */
	return m;
}

static u64 mdcr_host_exp(const struct cpu *c)
{
	u64 m = has_pmuv3(c) ? c->pmcr_n : 0;

	if (!c->vhe && c->pmsver)
		m |= 0x3000;				/* E2PB = 0b11 */
	if (!c->vhe && c->tracebuffer && !c->trb_p)
		m |= 0x3000000;				/* E2TB = 0b11 */
	return m;
}

/* The MDCR_EL2 bits that exist on @c (the others are RES0 or unused). */
static u64 mdcr_defined(const struct cpu *c)
{
	u64 m = 0xf00;					/* TDE..TDRA */

	if (has_pmuv3(c))
		m |= 0xff;				/* HPMN..HPME */
	if (c->pmsver)
		m |= 0x7000;				/* E2PB, TPMS */
	if (c->tracefilt)
		m |= 0x80000;
	if (c->tracebuffer)
		m |= 0x3000000;
	return m;
}

START_TEST(mdcr_values_from_the_arm_arm)
{
	static struct hvg_a64_caps caps;
	static struct hvg_a64_vcpu v;
	struct cpu c = full_cpu;
	u64 m;

	/* Everything implemented, nobody owns the debug registers. */
	caps_of(&c, &caps);
	ck_assert_uint_eq(caps.mdcr_guest, 0x84c66);
	ck_assert_uint_eq(caps.mdcr_host, 0x3003006);
	ck_assert_int_eq(hvg_a64_vcpu_init(&v), 0);
	ck_assert_int_eq(hvg_a64_vcpu_load(&v, &caps), 0);
	ck_assert_int_eq(hvg_a64_vcpu_mdcr(&v, &m), 0);
	ck_assert_uint_eq(m, 0x84e66);			/* + TDA */
	ck_assert_int_eq(hvg_a64_dbg_host_debug(&v, true), 0);
	ck_assert_int_eq(hvg_a64_vcpu_mdcr(&v, &m), 0);
	ck_assert_uint_eq(m, 0x84f66);			/* + TDE */

	/* The review's case: no SPE, no TRF: no TPMS, no TTRF, no E2PB. */
	c.pmsver = 0;
	c.tracefilt = 0;
	c.tracebuffer = 0;
	c.pmcr_n = 4;
	caps_of(&c, &caps);
	ck_assert_uint_eq(caps.mdcr_guest, 0xc64);
	ck_assert_uint_eq(caps.mdcr_host, 0x4);

	/* No PMUv3 (none, or IMPLEMENTATION DEFINED): no HPMN/TPM/TPMCR. */
	c.pmuver = 0;
	caps_of(&c, &caps);
	ck_assert_uint_eq(caps.mdcr_guest, 0xc00);
	ck_assert_uint_eq(caps.mdcr_host, 0);
	c.pmuver = 0xf;
	caps_of(&c, &caps);
	ck_assert_uint_eq(caps.mdcr_guest, 0xc00);

	/* SPE owned by EL3 still has TPMS and E2PB; TRBE owned: no E2TB. */
	c = full_cpu;
	c.pmb_p = true;
	c.trb_p = true;
	caps_of(&c, &caps);
	ck_assert_uint_eq(caps.mdcr_guest, 0x84c66);
	ck_assert_uint_eq(caps.mdcr_host, 0x3006);
}
END_TEST

/* Every feature combination and owner: exact value, and no RES0 bit. */
START_TEST(mdcr_every_combination)
{
	static struct hvg_a64_caps caps;
	static struct hvg_a64_vcpu v;
	static const u32 pmuvers[] = { 0, 1, 7, 0xf };
	static const u32 ns[] = { 0, 6, 31 };
	struct cpu c = full_cpu;
	u32 i, who;
	u64 m;

	for (i = 0; i < 4 * 3 * 64; i++) {
		c.pmuver = pmuvers[i % 4];
		c.pmcr_n = ns[i / 4 % 3];
		c.pmsver = i / 12 & 1;
		c.tracefilt = i / 24 & 1;
		c.tracebuffer = i / 48 & 1;
		c.trb_p = i / 96 & 1;
		c.vhe = i / 192 & 1;
		c.brbe = i / 384 & 1;
		if (c.tracebuffer && !c.tracefilt)
			continue;	/* refused: caps_reject_bad_input */
		caps_of(&c, &caps);
		ck_assert_uint_eq(caps.mdcr_host, mdcr_host_exp(&c));
		ck_assert_uint_eq(caps.mdcr_host & ~mdcr_defined(&c), 0);
		for (who = 0; who < 4; who++) {
			ck_assert_int_eq(hvg_a64_vcpu_init(&v), 0);
			if (who == 1)
				ck_assert_int_eq(hvg_a64_dbg_mdscr(&v, 1 << 13), 0);
			if (who == 2)
				ck_assert_int_eq(hvg_a64_dbg_os_lock(&v, true), 0);
			if (who == 3)
				ck_assert_int_eq(hvg_a64_dbg_host_debug(&v, true), 0);
			ck_assert_int_eq(hvg_a64_vcpu_load(&v, &caps), 0);
			ck_assert_int_eq(hvg_a64_vcpu_mdcr(&v, &m), 0);
			ck_assert_uint_eq(m, mdcr_guest_exp(&c,
					  hvg_a64_dbg_owner(&v), who == 3));
			ck_assert_uint_eq(m & ~mdcr_defined(&c), 0);
			/* E2PB = E2TB = 0: the guest never owns a buffer. */
			ck_assert_uint_eq(m & 0x3003000, 0);
		}
	}
}
END_TEST

/* ---- the ownership state machine ------------------------------------------ */

enum { E_LOAD, E_TRAP, E_SET, E_CLEAR, E_HSTART, E_HSTOP, E_LOCK, E_UNLOCK,
       E_PUT, NR_EV };

static const char *const ev_names[NR_EV] = {
	"load", "trap", "set MDE/KDE", "clear MDE/KDE", "host debug on",
	"host debug off", "OS Lock set", "OS Lock clear", "put",
};

static struct hvg_a64_caps own_caps;

static int apply(struct hvg_a64_vcpu *v, int ev)
{
	switch (ev) {
	case E_LOAD:
		return hvg_a64_vcpu_load(v, &own_caps);
	case E_TRAP:
		return hvg_a64_dbg_trap(v);
	case E_SET:
		return hvg_a64_dbg_mdscr(v, 1ULL << 13 | 1);	/* KDE, SS */
	case E_CLEAR:
		return hvg_a64_dbg_mdscr(v, 1);			/* SS only */
	case E_HSTART:
		return hvg_a64_dbg_host_debug(v, true);
	case E_HSTOP:
		return hvg_a64_dbg_host_debug(v, false);
	case E_LOCK:
		return hvg_a64_dbg_os_lock(v, true);
	case E_UNLOCK:
		return hvg_a64_dbg_os_lock(v, false);
	default:
		return hvg_a64_vcpu_put(v);
	}
}

/*
 * The oracle, from reference (d).1 and KVM's debug.c: the owner is decided
 * at load (host if userspace debugs or the OS Lock is set, else guest if
 * MDE/KDE, else free); a trapped access - a debug register, or an MDSCR_EL1
 * write setting MDE/KDE - moves free to guest; host-side changes reload
 * (KVM's put-and-load); the guest clearing MDE/KDE is invisible until the
 * next load; without a loaded vCPU there is no guest to trap.
 */
struct om {
	u8 loaded, en, lock, dbg, owner;
};

static u32 om_load_owner(const struct om *m)
{
	if (m->dbg || m->lock)
		return HVG_A64_DBG_HOST_OWNED;
	return m->en ? HVG_A64_DBG_GUEST_OWNED : HVG_A64_DBG_FREE;
}

static int om_step(struct om *m, int ev)
{
	switch (ev) {
	case E_LOAD:
		if (m->loaded)
			return -HVG_ESTATE;
		m->loaded = 1;
		m->owner = om_load_owner(m);
		return 0;
	case E_PUT:
		if (!m->loaded)
			return -HVG_ESTATE;
		m->loaded = 0;
		m->owner = HVG_A64_DBG_UNLOADED;
		return 0;
	case E_TRAP:
	case E_SET:
		if (ev == E_TRAP && !m->loaded)
			return -HVG_ESTATE;
		if (ev == E_SET)
			m->en = 1;
		if (m->owner == HVG_A64_DBG_FREE)
			m->owner = HVG_A64_DBG_GUEST_OWNED;
		return 0;
	case E_CLEAR:
		m->en = 0;
		return 0;
	default:
		if (ev == E_HSTART || ev == E_HSTOP)
			m->dbg = ev == E_HSTART;
		else
			m->lock = ev == E_LOCK;
		if (m->loaded)
			m->owner = om_load_owner(m);
		return 0;
	}
}

/* 0, or a description of the first broken invariant after one step. */
static const char *own_invariants(const struct hvg_a64_vcpu *v,
				  const struct om *m, int rc, int exp_rc)
{
	u32 owner = hvg_a64_dbg_owner(v);
	bool host = m->dbg || m->lock;
	u64 mdcr = 0, tda;
	int mrc;

	if (rc != exp_rc)
		return "return code";
	if (owner != m->owner)
		return "owner differs from the oracle";
	if ((owner == HVG_A64_DBG_UNLOADED) != !m->loaded)
		return "UNLOADED iff not loaded";
	if ((owner == HVG_A64_DBG_HOST_OWNED) != (m->loaded && host))
		return "HOST_OWNED iff debugged or OS Lock";
	if (m->loaded && m->en && !host && owner != HVG_A64_DBG_GUEST_OWNED)
		return "MDE/KDE set but not GUEST_OWNED";
	if (v->ctl.phase != HVG_A64_PH_IDLE)
		return "phase left idle";
	if ((v->ctl.caps != NULL) != m->loaded)
		return "caps bound iff loaded";
	mrc = hvg_a64_vcpu_mdcr(v, &mdcr);
	if (!m->loaded)
		return mrc == -HVG_ESTATE ? NULL : "MDCR_EL2 of an unloaded vCPU";
	tda = owner == HVG_A64_DBG_GUEST_OWNED ? 0 : 0x200;
	if (mrc || mdcr != (0x84c66 | tda | (m->dbg ? 0x100 : 0)))
		return "MDCR_EL2: TDA unless guest-owned, TDE iff debugged";
	return NULL;
}

#define OWN_DEPTH 8

struct own_search {
	int path[OWN_DEPTH];
	unsigned long long steps;
	const char *fail;
	int fail_depth;
	struct hvg_a64_vcpu work;
};

static struct own_search srch;

static void own_dfs(const struct hvg_a64_ctl *ctl, const struct om *m,
		    int depth)
{
	struct hvg_a64_ctl next;
	struct om om;
	int ev, rc, erc;

	for (ev = 0; ev < NR_EV && !srch.fail; ev++) {
		srch.work.ctl = *ctl;
		om = *m;
		rc = apply(&srch.work, ev);
		erc = om_step(&om, ev);
		srch.path[depth] = ev;
		srch.steps++;
		srch.fail = own_invariants(&srch.work, &om, rc, erc);
		if (srch.fail) {
			srch.fail_depth = depth;
			return;
		}
		if (depth + 1 < OWN_DEPTH) {
			next = srch.work.ctl;
			own_dfs(&next, &om, depth + 1);
		}
	}
}

static void own_report(void)
{
	char buf[400];
	size_t n = 0;
	int i;

	for (i = 0; i <= srch.fail_depth; i++)
		n += snprintf(buf + n, sizeof(buf) - n, "%s%s", i ? ", " : "",
			      ev_names[srch.path[i]]);
	ck_abort_msg("%s after: %s", srch.fail, buf);
}

/*
 * Every sequence of up to 8 events of the 9 kinds (9^8 = 43 million
 * sequences), depth first: each step applies one event to a copy of its
 * parent's state, so shared prefixes are computed once (0.7 s natively,
 * about 30 s under valgrind).
 */
START_TEST(ownership_every_sequence_depth_first)
{
	struct hvg_a64_ctl ctl;
	struct om m = { .owner = HVG_A64_DBG_UNLOADED };

	caps_of(&full_cpu, &own_caps);
	memset(&srch, 0, sizeof(srch));
	ck_assert_int_eq(hvg_a64_vcpu_init(&srch.work), 0);
	ctl = srch.work.ctl;
	own_dfs(&ctl, &m, 0);
	if (srch.fail)
		own_report();
	/* 9 + 9^2 + ... + 9^8 steps, one per event of every sequence. */
	ck_assert_uint_eq(srch.steps, 48427560ULL);
}
END_TEST

struct own_node {
	struct hvg_a64_ctl ctl;
	struct om m;
};

static bool same_node(const struct own_node *a, const struct own_node *b)
{
	return !memcmp(&a->ctl, &b->ctl, sizeof(a->ctl)) &&
	       !memcmp(&a->m, &b->m, sizeof(a->m));
}

static bool node_add(struct own_node *set, u32 *nr, const struct own_node *n)
{
	u32 i;

	for (i = 0; i < *nr; i++)
		if (same_node(&set[i], n))
			return false;
	ck_assert_uint_lt(*nr, 256);
	set[(*nr)++] = *n;
	return true;
}

/*
 * A full entry and exit from a distinct state: the registers are switched
 * exactly when someone owns them, and with the owner's bank.
 */
static void switch_from_state(const struct own_node *n)
{
	struct scenario sc = { .cpu = full_cpu, .owner = n->m.owner };
	struct hvg_a64_plan plan;
	static struct hvg_a64_vcpu v;
	u64 mdcr, exp_mdcr;
	u32 bank;

	ck_assert_int_eq(hvg_a64_vcpu_init(&v), 0);
	v.ctl = n->ctl;
	ck_assert_int_eq(hvg_a64_vcpu_mdcr(&v, &exp_mdcr), 0);
	ck_assert_int_eq(hvg_a64_entry_probe(&v, &plan), 0);
	ck_assert_int_eq(hvg_a64_entry_park(&v, &plan), 0);
	ck_assert_int_eq(hvg_a64_entry_guest(&v, &mdcr, &plan), 0);
	ck_assert_uint_eq(mdcr, exp_mdcr);
	bank = n->m.owner == HVG_A64_DBG_GUEST_OWNED ? HVG_A64_BANK_GUEST :
	       n->m.owner == HVG_A64_DBG_HOST_OWNED ? HVG_A64_BANK_EXTERNAL : 0;
	if (!bank) {
		ck_assert_uint_eq(plan.nr, 0);
	} else {
		/* BCR0 from the owner's bank, MDCCINT last. */
		ck_assert_uint_eq(plan.nr, 42);
		ck_assert_uint_eq(plan.step[21].op, HVG_A64_OP_WRITE);
		ck_assert_uint_eq(plan.step[21].reg, HVG_A64_DBGBCR0_EL1);
		ck_assert_uint_eq(plan.step[21].slot,
				  HVG_A64_SLOT_DBG(bank, HVG_A64_DBG_BCR(0)));
	}
	ck_assert_int_eq(hvg_a64_exit_host(&v, &mdcr, &plan), 0);
	ck_assert_uint_eq(mdcr, 0x3003006);
	ck_assert_uint_eq(plan.nr, bank ? 42 : 0);
	ck_assert_int_eq(hvg_a64_exit_unpark(&v, &plan), 0);
	/* And the simulator agrees on the register contents. */
	sc.host_dbg = n->m.dbg;
	if (bank) {
		struct outcome o;

		if (!n->m.dbg && !n->m.lock)
			sc.owner = HVG_A64_DBG_GUEST_OWNED;
		if (world_switch(&sc, &own_caps, &o))
			ck_abort_msg("%s", o.err);
	}
}

static void own_bfs(u32 depth, u32 *nr_states)
{
	static struct own_node seen[256], frontier[256], next[256];
	static struct hvg_a64_vcpu v;
	struct own_node n;
	u32 nr_seen = 0, nr_front = 1, nr_next, d, i;
	int ev, rc, erc;
	const char *fail;

	caps_of(&full_cpu, &own_caps);
	ck_assert_int_eq(hvg_a64_vcpu_init(&v), 0);
	frontier[0].ctl = v.ctl;
	memset(&frontier[0].m, 0, sizeof(frontier[0].m));
	frontier[0].m.owner = HVG_A64_DBG_UNLOADED;
	node_add(seen, &nr_seen, &frontier[0]);
	for (d = 0; d < depth; d++) {
		nr_next = 0;
		for (i = 0; i < nr_front; i++) {
			for (ev = 0; ev < NR_EV; ev++) {
				v.ctl = frontier[i].ctl;
				n.m = frontier[i].m;
				rc = apply(&v, ev);
				erc = om_step(&n.m, ev);
				fail = own_invariants(&v, &n.m, rc, erc);
				if (fail)
					ck_abort_msg("%s: %s at depth %u", fail,
						     ev_names[ev], d + 1);
				n.ctl = v.ctl;
				if (!node_add(seen, &nr_seen, &n))
					continue;
				if (n.m.loaded)
					switch_from_state(&n);
				next[nr_next++] = n;
			}
		}
		memcpy(frontier, next, nr_next * sizeof(next[0]));
		nr_front = nr_next;
	}
	*nr_states = nr_seen;
}

/*
 * The same property breadth first over distinct states, which is cheap
 * enough to also run a full entry and exit from every state reached. It
 * checks every step of every sequence too: the library's next state and
 * the invariants depend only on (state, event) - the ownership calls read
 * and write nothing but &hvg_a64_vcpu.ctl and take no other input - so
 * checking every event from every distinct state reachable in k steps,
 * for k < 8, covers all sequences of up to 8 events.
 */
START_TEST(ownership_distinct_states_breadth_first)
{
	u32 nr;

	own_bfs(OWN_DEPTH, &nr);
	/*
	 * Inputs en, lock, dbg: 8 unloaded states, twice (never loaded, or
	 * loaded before: the park plans are then marked for rebuilding).
	 * Loaded: host-owned with dbg or lock (3 combinations) x en (2) = 6,
	 * plus guest-owned with en, and with en clear either free or lazily
	 * guest-owned: 9. 25 in all.
	 */
	ck_assert_uint_eq(nr, 25);
}
END_TEST

/* KVM's behaviour, step by step. */
START_TEST(ownership_scenarios)
{
	static struct hvg_a64_vcpu v, snap;
	u64 m;

	caps_of(&full_cpu, &own_caps);
	ck_assert_int_eq(hvg_a64_vcpu_init(&v), 0);
	ck_assert_uint_eq(hvg_a64_dbg_owner(&v), HVG_A64_DBG_UNLOADED);
	ck_assert_int_eq(hvg_a64_vcpu_load(&v, &own_caps), 0);
	ck_assert_uint_eq(hvg_a64_dbg_owner(&v), HVG_A64_DBG_FREE);
	/* A trapped access takes the registers for the guest... */
	ck_assert_int_eq(hvg_a64_dbg_trap(&v), 0);
	ck_assert_uint_eq(hvg_a64_dbg_owner(&v), HVG_A64_DBG_GUEST_OWNED);
	ck_assert_int_eq(hvg_a64_vcpu_mdcr(&v, &m), 0);
	ck_assert_uint_eq(m & 0x300, 0);
	/* ...until the next load, as MDE/KDE are clear. */
	ck_assert_int_eq(hvg_a64_vcpu_put(&v), 0);
	ck_assert_int_eq(hvg_a64_vcpu_load(&v, &own_caps), 0);
	ck_assert_uint_eq(hvg_a64_dbg_owner(&v), HVG_A64_DBG_FREE);
	/* MDE set by the guest (trapped while free). */
	ck_assert_int_eq(hvg_a64_dbg_mdscr(&v, 1ULL << 15), 0);
	ck_assert_uint_eq(hvg_a64_dbg_owner(&v), HVG_A64_DBG_GUEST_OWNED);
	/* Userspace starts debugging: host owns, TDE and TDA. */
	ck_assert_int_eq(hvg_a64_dbg_host_debug(&v, true), 0);
	ck_assert_uint_eq(hvg_a64_dbg_owner(&v), HVG_A64_DBG_HOST_OWNED);
	ck_assert_int_eq(hvg_a64_vcpu_mdcr(&v, &m), 0);
	ck_assert_uint_eq(m & 0x300, 0x300);
	/* A trap never overrides host ownership. */
	ck_assert_int_eq(hvg_a64_dbg_trap(&v), 0);
	ck_assert_uint_eq(hvg_a64_dbg_owner(&v), HVG_A64_DBG_HOST_OWNED);
	/* Debugging stops: MDE is still set, so the guest owns again. */
	ck_assert_int_eq(hvg_a64_dbg_host_debug(&v, false), 0);
	ck_assert_uint_eq(hvg_a64_dbg_owner(&v), HVG_A64_DBG_GUEST_OWNED);
	/* The OS Lock: host owned, TDA but no TDE. */
	ck_assert_int_eq(hvg_a64_dbg_os_lock(&v, true), 0);
	ck_assert_uint_eq(hvg_a64_dbg_owner(&v), HVG_A64_DBG_HOST_OWNED);
	ck_assert_int_eq(hvg_a64_vcpu_mdcr(&v, &m), 0);
	ck_assert_uint_eq(m & 0x300, 0x200);
	ck_assert_int_eq(hvg_a64_dbg_os_lock(&v, false), 0);
	ck_assert_uint_eq(hvg_a64_dbg_owner(&v), HVG_A64_DBG_GUEST_OWNED);
	/* The guest clears MDE: it keeps the registers until put. */
	ck_assert_int_eq(hvg_a64_dbg_mdscr(&v, 0), 0);
	ck_assert_uint_eq(hvg_a64_dbg_owner(&v), HVG_A64_DBG_GUEST_OWNED);
	ck_assert_int_eq(hvg_a64_vcpu_put(&v), 0);
	/* Userspace sets KDE while unloaded: guest owned at load. */
	ck_assert_int_eq(hvg_a64_dbg_mdscr(&v, 1ULL << 13), 0);
	ck_assert_uint_eq(hvg_a64_dbg_owner(&v), HVG_A64_DBG_UNLOADED);
	ck_assert_int_eq(hvg_a64_vcpu_load(&v, &own_caps), 0);
	ck_assert_uint_eq(hvg_a64_dbg_owner(&v), HVG_A64_DBG_GUEST_OWNED);

	/* Refusals change nothing. */
	snap = v;
	ck_assert_int_eq(hvg_a64_vcpu_load(&v, &own_caps), -HVG_ESTATE);
	ck_assert(!memcmp(&v, &snap, sizeof(v)));
	ck_assert_int_eq(hvg_a64_vcpu_put(&v), 0);
	snap = v;
	ck_assert_int_eq(hvg_a64_vcpu_put(&v), -HVG_ESTATE);
	ck_assert_int_eq(hvg_a64_dbg_trap(&v), -HVG_ESTATE);
	ck_assert_int_eq(hvg_a64_vcpu_mdcr(&v, &m), -HVG_ESTATE);
	ck_assert(!memcmp(&v, &snap, sizeof(v)));
}
END_TEST

/* ---- world-switch phases (the 2021 fix) ---------------------------------- */

enum { C_PROBE, C_PARK, C_GUEST, C_HOST, C_UNPARK, C_TRAP, C_HSTART,
       C_TRFCR, C_PUT, C_LOAD, NR_CALLS };

#define PHASE_DEPTH 6

struct phase_model {
	u8 phase, loaded;
};

static int call(struct hvg_a64_vcpu *v, int c, struct hvg_a64_plan *plan,
		u64 *mdcr)
{
	switch (c) {
	case C_PROBE:
		return hvg_a64_entry_probe(v, plan);
	case C_PARK:
		return hvg_a64_entry_park(v, plan);
	case C_GUEST:
		return hvg_a64_entry_guest(v, mdcr, plan);
	case C_HOST:
		return hvg_a64_exit_host(v, mdcr, plan);
	case C_UNPARK:
		return hvg_a64_exit_unpark(v, plan);
	case C_TRAP:
		return hvg_a64_dbg_trap(v);
	case C_HSTART:
		return hvg_a64_dbg_host_debug(v, true);
	case C_TRFCR:
		return hvg_a64_set_guest_trfcr(v, true, 0x21);
	case C_PUT:
		return hvg_a64_vcpu_put(v);
	default:
		return hvg_a64_vcpu_load(v, &own_caps);
	}
}

/* The contract of arm64_debug.h: which call leads out of which phase. */
static int model_call(struct phase_model *m, int c)
{
	static const u8 from[] = {
		[C_PROBE] = HVG_A64_PH_IDLE, [C_PARK] = HVG_A64_PH_PROBED,
		[C_GUEST] = HVG_A64_PH_PARKED, [C_HOST] = HVG_A64_PH_GUEST,
		[C_UNPARK] = HVG_A64_PH_HOST,
	};

	if (c <= C_UNPARK) {
		if (!m->loaded || m->phase != from[c])
			return -HVG_ESTATE;
		m->phase = c == C_UNPARK ? HVG_A64_PH_IDLE : from[c] + 1;
		return 0;
	}
	if (m->phase != HVG_A64_PH_IDLE)
		return -HVG_ESTATE;
	if ((c == C_TRAP || c == C_PUT) && !m->loaded)
		return -HVG_ESTATE;
	if (c == C_LOAD && m->loaded)
		return -HVG_ESTATE;
	if (c == C_PUT || c == C_LOAD)
		m->loaded = c == C_LOAD;
	return 0;
}

static struct hvg_a64_vcpu phase_v[PHASE_DEPTH + 1];
static unsigned long phase_steps;

static void phase_dfs(const struct phase_model *m, int depth)
{
	static const struct hvg_a64_plan poison = {
		(const struct hvg_a64_step *)1, 0xdead,
	};
	struct hvg_a64_vcpu *v = &phase_v[depth + 1];
	struct hvg_a64_plan plan;
	struct phase_model next;
	u64 mdcr, want;
	int c, rc, erc;

	for (c = 0; c < NR_CALLS; c++) {
		*v = phase_v[depth];
		next = *m;
		plan = poison;
		mdcr = 0xdead;
		want = 0;
		if (c == C_GUEST && hvg_a64_vcpu_mdcr(v, &want))
			want = 0;
		rc = call(v, c, &plan, &mdcr);
		erc = model_call(&next, c);
		phase_steps++;
		/* Plain tests: ck_assert() costs a system call per use. */
		if (rc != erc)
			ck_abort_msg("call %d at depth %d: %d, expected %d", c,
				     depth, rc, erc);
		/* Refused: the vCPU and the outputs are untouched. */
		if (rc && (memcmp(v, &phase_v[depth], sizeof(*v)) ||
			   plan.step != poison.step || plan.nr != 0xdead ||
			   mdcr != 0xdead))
			ck_abort_msg("call %d at depth %d changed state", c,
				     depth);
		if (!rc && (v->ctl.phase != next.phase ||
			    (c <= C_UNPARK && !plan.step) ||
			    (c == C_GUEST && mdcr != want) ||
			    (c == C_HOST && mdcr != own_caps.mdcr_host)))
			ck_abort_msg("call %d at depth %d: wrong result", c,
				     depth);
		if (depth + 1 < PHASE_DEPTH)
			phase_dfs(&next, depth + 1);
	}
}

/*
 * Every sequence of up to 6 calls among the five world-switch calls and
 * the ownership, trace and load/put calls: each is accepted exactly when
 * the contract allows it, and a refused call changes nothing. The vCPU's
 * MDCR_EL2 is never handed out before the park plan, nor the restore plan
 * before the host's MDCR_EL2.
 */
START_TEST(world_switch_order_is_enforced)
{
	struct phase_model m = { HVG_A64_PH_IDLE, 0 };

	caps_of(&full_cpu, &own_caps);
	ck_assert_int_eq(hvg_a64_vcpu_init(&phase_v[0]), 0);
	phase_steps = 0;
	phase_dfs(&m, 0);
	ck_assert_uint_eq(phase_steps, 1111110);	/* 10 + ... + 10^6 */
}
END_TEST

/* ---- bad input ------------------------------------------------------------ */

START_TEST(null_arguments_change_nothing)
{
	static struct hvg_a64_vcpu v, snap;
	struct hvg_a64_plan plan = { NULL, 77 };
	u64 m = 99;

	caps_of(&full_cpu, &own_caps);
	ck_assert_int_eq(hvg_a64_vcpu_init(NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_vcpu_init(&v), 0);
	ck_assert_int_eq(hvg_a64_vcpu_load(NULL, &own_caps), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_vcpu_load(&v, NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_vcpu_load(&v, &own_caps), 0);
	snap = v;
	ck_assert_int_eq(hvg_a64_vcpu_put(NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_dbg_trap(NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_dbg_mdscr(NULL, 1 << 15), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_dbg_os_lock(NULL, true), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_dbg_host_debug(NULL, true), -HVG_EINVAL);
	ck_assert_uint_eq(hvg_a64_dbg_owner(NULL), HVG_A64_DBG_UNLOADED);
	ck_assert_int_eq(hvg_a64_vcpu_mdcr(NULL, &m), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_vcpu_mdcr(&v, NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_set_guest_trfcr(NULL, true, 1), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_entry_probe(NULL, &plan), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_entry_probe(&v, NULL), -HVG_EINVAL);
	ck_assert(!memcmp(&v, &snap, sizeof(v)));

	ck_assert_int_eq(hvg_a64_entry_probe(&v, &plan), 0);
	snap = v;
	plan = (struct hvg_a64_plan) { NULL, 77 };
	ck_assert_int_eq(hvg_a64_entry_park(NULL, &plan), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_entry_park(&v, NULL), -HVG_EINVAL);
	ck_assert(!memcmp(&v, &snap, sizeof(v)));
	ck_assert_int_eq(hvg_a64_entry_park(&v, &plan), 0);
	snap = v;
	plan = (struct hvg_a64_plan) { NULL, 77 };
	ck_assert_int_eq(hvg_a64_entry_guest(NULL, &m, &plan), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_entry_guest(&v, NULL, &plan), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_entry_guest(&v, &m, NULL), -HVG_EINVAL);
	ck_assert(!memcmp(&v, &snap, sizeof(v)));
	ck_assert_int_eq(hvg_a64_entry_guest(&v, &m, &plan), 0);
	snap = v;
	ck_assert_int_eq(hvg_a64_exit_host(NULL, &m, &plan), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_exit_host(&v, NULL, &plan), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_exit_host(&v, &m, NULL), -HVG_EINVAL);
	ck_assert(!memcmp(&v, &snap, sizeof(v)));
	ck_assert_int_eq(hvg_a64_exit_host(&v, &m, &plan), 0);
	snap = v;
	ck_assert_int_eq(hvg_a64_exit_unpark(NULL, &plan), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_exit_unpark(&v, NULL), -HVG_EINVAL);
	ck_assert(!memcmp(&v, &snap, sizeof(v)));
	ck_assert_int_eq(hvg_a64_exit_unpark(&v, &plan), 0);
	ck_assert_uint_eq(m, 0x3003006);
}
END_TEST

/* A guest trace filter, for a host tracing guests without TRBE. */
START_TEST(guest_trfcr)
{
	static struct hvg_a64_caps caps;
	static struct hvg_a64_vcpu v, snap;
	static const struct hvg_a64_step cfg_park[] = {
		R(TRFCR_EL1, TRFCR), W(TRFCR_EL1, TRFCR_GUEST),
	};
	struct hvg_a64_plan plan;
	char buf[200];
	u64 m;

	caps_of(&full_cpu, &caps);
	ck_assert_int_eq(hvg_a64_vcpu_init(&v), 0);
	snap = v;
	/* RES0 bits of TRFCR_EL1: 2-4 and 7-63. */
	ck_assert_int_eq(hvg_a64_set_guest_trfcr(&v, true, 0x4), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_set_guest_trfcr(&v, true, 0x80), -HVG_EINVAL);
	ck_assert_int_eq(hvg_a64_set_guest_trfcr(&v, true, 1ULL << 63),
			 -HVG_EINVAL);
	ck_assert(!memcmp(&v, &snap, sizeof(v)));
	ck_assert_int_eq(hvg_a64_set_guest_trfcr(&v, true, 0x63), 0);
	ck_assert_uint_eq(v.slot[HVG_A64_SLOT_TRFCR_GUEST], 0x63);

	ck_assert_int_eq(hvg_a64_vcpu_load(&v, &caps), 0);
	ck_assert_int_eq(hvg_a64_entry_probe(&v, &plan), 0);
	/* Mid-switch: refused, unchanged. */
	snap = v;
	ck_assert_int_eq(hvg_a64_set_guest_trfcr(&v, false, 0), -HVG_ESTATE);
	ck_assert_int_eq(hvg_a64_dbg_mdscr(&v, 1 << 15), -HVG_ESTATE);
	ck_assert_int_eq(hvg_a64_dbg_os_lock(&v, true), -HVG_ESTATE);
	ck_assert_int_eq(hvg_a64_dbg_host_debug(&v, true), -HVG_ESTATE);
	ck_assert_int_eq(hvg_a64_vcpu_put(&v), -HVG_ESTATE);
	ck_assert(!memcmp(&v, &snap, sizeof(v)));
	/* The host is not using TRBE (probe left TRBLIMITR_EL1.E clear). */
	ck_assert_int_eq(hvg_a64_entry_park(&v, &plan), 0);
	ck_assert_ptr_null(plan_diff("park", plan.step, plan.nr, cfg_park,
				     ARRAY_SIZE(cfg_park), buf, sizeof(buf)));
	ck_assert_int_eq(hvg_a64_entry_guest(&v, &m, &plan), 0);
	ck_assert_int_eq(hvg_a64_exit_host(&v, &m, &plan), 0);
	ck_assert_int_eq(hvg_a64_exit_unpark(&v, &plan), 0);
	ck_assert_uint_eq(plan.nr, 1);
	ck_assert_uint_eq(plan.step[0].reg, HVG_A64_TRFCR_EL1);

	/* Switched off again: nothing to park; the slot is cleared. */
	ck_assert_int_eq(hvg_a64_set_guest_trfcr(&v, false, 0xffff), 0);
	ck_assert_uint_eq(v.slot[HVG_A64_SLOT_TRFCR_GUEST], 0);
	ck_assert_int_eq(hvg_a64_entry_probe(&v, &plan), 0);
	ck_assert_int_eq(hvg_a64_entry_park(&v, &plan), 0);
	ck_assert_uint_eq(plan.nr, 0);
}
END_TEST

Suite *arm64_debug_suite(void)
{
	Suite *s = suite_create("arm64_debug");
	TCase *tc;

	tc = hvg_tcase("caps");
	tcase_add_test(tc, encodings_match_the_assembler);
	tcase_add_test(tc, caps_decode_the_id_registers);
	tcase_add_test(tc, caps_reject_bad_input);
	tcase_add_test(tc, mdcr_values_from_the_arm_arm);
	tcase_add_test(tc, mdcr_every_combination);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("plans");
	tcase_add_test(tc, full_plans_spelled_out);
	tcase_add_test(tc, plans_follow_the_host_across_entries);
	tcase_add_test(tc, vhe_parks_nothing_but_gets_traps);
	tcase_add_test(tc, simulator_flags_broken_plans);
	tcase_add_test(tc, every_combination_exact_and_ordered);
	tcase_add_test(tc, guest_trfcr);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("ownership");
	tcase_add_test(tc, ownership_scenarios);
	tcase_add_test(tc, ownership_distinct_states_breadth_first);
	tcase_add_test(tc, ownership_every_sequence_depth_first);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("phases");
	tcase_add_test(tc, world_switch_order_is_enforced);
	tcase_add_test(tc, null_arguments_change_nothing);
	suite_add_tcase(s, tc);
	return s;
}
