// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * arm64: host SPE/TRBE/BRBE parking plans around guest entry, a vCPU's
 * MDCR_EL2, and the debug-register ownership state machine.
 *
 * Sources: the Arm ARM (DDI 0487) register descriptions of ID_AA64DFR0_EL1,
 * PMBIDR_EL1, PMBLIMITR_EL1, PMSCR_EL1, TRBIDR_EL1, TRBLIMITR_EL1,
 * TRFCR_EL1, BRBCR_EL1 and MDCR_EL2; reference/upstream-kvm.md section (d)
 * for the order of the park and restore sequences and the ownership rules
 * (Linux arch/arm64/kvm/hyp/nvhe/debug-sr.c and arch/arm64/kvm/debug.c);
 * Marc Zyngier's review of the 2017 seed for the MDCR_EL2 bits. The API
 * contract is in include/hvgate/arm64_debug.h.
 */
#include "hvgate_env.h"
#include "internal.h"

#define DFR0_FIELD(dfr0, name)	\
	((u32)((dfr0) >> HVG_A64_DFR0_##name##_SHIFT) & 0xf)

/* The longest plans plan_park() builds: every unit, both errata. */
static_assert(HVG_A64_PARK_MAX == 7 + 1 + 2 + 7);
static_assert(HVG_A64_RESTORE_MAX == 1 + 3 + 1 + 1 + 3);

/* Events of the ownership machine (the public calls map onto them). */
enum dbg_event {
	EV_LOAD,
	EV_PUT,
	EV_TRAP,
	EV_GUEST_SET,
	EV_GUEST_CLEAR,
	EV_HOST_START,
	EV_HOST_STOP,
	EV_OSLK_SET,
	EV_OSLK_CLEAR,
};

static __always_inline struct hvg_a64_step *emit(struct hvg_a64_step *p,
						 u8 op, u32 reg, u32 slot)
{
	*p = (struct hvg_a64_step) {
		.op = op,
		.reg = (u16)reg,
		.slot = (u16)slot,
	};
	return p + 1;
}

static __always_inline struct hvg_a64_step *barrier_step(struct hvg_a64_step *p,
							 u8 op)
{
	return emit(p, op, 0, 0);
}

/*
 * One bank's breakpoints, watchpoints and MDCCINT_EL1, read from the
 * registers into the bank (READ) or written from it (WRITE), in the order
 * of Linux's __debug_save_state(): all BCR, all BVR, all WCR, all WVR,
 * then MDCCINT_EL1. At EL2 the order does not matter: no debug exception
 * can be generated there while the registers are half switched (PSTATE.D
 * is set on exception entry to EL2).
 */
static struct hvg_a64_step *dbg_bank_io(struct hvg_a64_step *p, u8 op,
					u32 bank, u32 brps, u32 wrps)
{
	u32 i;

	for (i = 0; i < brps; i++)
		p = emit(p, op, HVG_A64_DBGBCR_EL1(i),
			 HVG_A64_SLOT_DBG(bank, HVG_A64_DBG_BCR(i)));
	for (i = 0; i < brps; i++)
		p = emit(p, op, HVG_A64_DBGBVR_EL1(i),
			 HVG_A64_SLOT_DBG(bank, HVG_A64_DBG_BVR(i)));
	for (i = 0; i < wrps; i++)
		p = emit(p, op, HVG_A64_DBGWCR_EL1(i),
			 HVG_A64_SLOT_DBG(bank, HVG_A64_DBG_WCR(i)));
	for (i = 0; i < wrps; i++)
		p = emit(p, op, HVG_A64_DBGWVR_EL1(i),
			 HVG_A64_SLOT_DBG(bank, HVG_A64_DBG_WVR(i)));
	return emit(p, op, HVG_A64_MDCCINT_EL1,
		    HVG_A64_SLOT_DBG(bank, HVG_A64_DBG_MDCCINT));
}

/* The four debug switch plans: load a bank at entry, save it at exit. */
static u32 build_dbg_plans(struct hvg_a64_caps *c)
{
	struct hvg_a64_step *p;
	u32 bank, i;

	for (bank = HVG_A64_BANK_GUEST; bank <= HVG_A64_BANK_EXTERNAL; bank++) {
		i = HVG_A64_DBG_PLAN(bank, false);
		p = dbg_bank_io(c->dbg[i], HVG_A64_OP_READ, HVG_A64_BANK_HOST,
				c->brps, c->wrps);
		dbg_bank_io(p, HVG_A64_OP_WRITE, bank, c->brps, c->wrps);

		i = HVG_A64_DBG_PLAN(bank, true);
		p = dbg_bank_io(c->dbg[i], HVG_A64_OP_READ, bank, c->brps,
				c->wrps);
		dbg_bank_io(p, HVG_A64_OP_WRITE, HVG_A64_BANK_HOST, c->brps,
			    c->wrps);
	}
	return 2 * (2 * c->brps + 2 * c->wrps + 1);
}

int hvg_a64_caps_init(struct hvg_a64_caps *caps,
		      const struct hvg_a64_idregs *id, u32 flags)
{
	struct hvg_check_log log = { 0 };
	struct hvg_a64_step *p;
	u32 c = 0, pmuver;
	u64 dfr0;

	if (!caps || !id || (flags & ~HVG_A64_FLAGS_ALL))
		return -HVG_EINVAL;
	dfr0 = id->dfr0;
	/*
	 * Arm ARM D24.2, ID_AA64DFR0_EL1.DebugVer: 0b0110 (Armv8 debug) is
	 * the lowest value an AArch64 PE reports; 0 means @id was not read.
	 */
	if (HVG_CHECK(&log, HVG_A64_DIAG_DEBUGVER,
		      DFR0_FIELD(dfr0, DEBUGVER) < HVG_A64_DFR0_DEBUGVER_V8))
		return -HVG_EINVAL;
	/*
	 * Arm ARM A2 (FEAT_TRBE requires FEAT_TRF) and C6.2 TSB CSYNC ("if
	 * FEAT_TRF is not implemented, this instruction executes as a NOP"):
	 * a trace buffer without trace filtering could not be drained.
	 */
	if (HVG_CHECK(&log, HVG_A64_DIAG_TRBE_WITHOUT_TRF,
		      DFR0_FIELD(dfr0, TRACEBUFFER) &&
		      !DFR0_FIELD(dfr0, TRACEFILT)))
		return -HVG_EINVAL;

	/*
	 * FEAT_PMUv3: PMUVer 0b0001-0b1110; 0b1111 is an IMPLEMENTATION
	 * DEFINED PMU, which Linux treats as none. PMBIDR_EL1.P and
	 * TRBIDR_EL1.P: the buffer is owned by a higher exception level
	 * and the host cannot use it.
	 */
	pmuver = DFR0_FIELD(dfr0, PMUVER);
	if (pmuver && pmuver != HVG_A64_DFR0_PMUVER_IMPDEF)
		c |= HVG_A64_CAP_PMUV3;
	if (DFR0_FIELD(dfr0, PMSVER))
		c |= HVG_A64_CAP_SPE |
		     (id->pmbidr & HVG_A64_PMBIDR_P ? 0 : HVG_A64_CAP_SPE_HOST);
	if (DFR0_FIELD(dfr0, TRACEBUFFER))
		c |= HVG_A64_CAP_TRBE |
		     (id->trbidr & HVG_A64_TRBIDR_P ? 0 : HVG_A64_CAP_TRBE_HOST);
	if (DFR0_FIELD(dfr0, TRACEFILT))
		c |= HVG_A64_CAP_TRF;
	if (DFR0_FIELD(dfr0, BRBE))
		c |= HVG_A64_CAP_BRBE;
	if (flags & HVG_A64_HOST_VHE)
		c |= HVG_A64_CAP_VHE;
	if (flags & HVG_A64_ERRATUM_2064142)
		c |= HVG_A64_CAP_E2064142;
	if (flags & HVG_A64_ERRATUM_2038923)
		c |= HVG_A64_CAP_E2038923;

	HVG_MEMSET(caps, 0, sizeof(*caps));
	caps->caps = c;
	caps->brps = (u8)(DFR0_FIELD(dfr0, BRPS) + 1);
	caps->wrps = (u8)(DFR0_FIELD(dfr0, WRPS) + 1);
	if (c & HVG_A64_CAP_PMUV3)
		caps->hpmn = (u8)((id->pmcr >> HVG_A64_PMCR_N_SHIFT) & 0x1f);

	/*
	 * The vCPU's MDCR_EL2 without TDA and TDE. Each bit only where the
	 * CPU implements it (Arm ARM MDCR_EL2: HPMN, TPMCR, TPM "when
	 * FEAT_PMUv3 is implemented", TPMS and E2PB with FEAT_SPE, TTRF with
	 * FEAT_TRF, E2TB with FEAT_TRBE, otherwise RES0; the same map is in
	 * Linux arch/arm64/kvm/config.c, mdcr_el2_feat_map). E2PB = E2TB = 0:
	 * EL2 owns both buffers and guest accesses to their registers trap.
	 */
	caps->mdcr_guest = HVG_A64_MDCR_TDRA | HVG_A64_MDCR_TDOSA;
	if (c & HVG_A64_CAP_PMUV3)
		caps->mdcr_guest |= caps->hpmn | HVG_A64_MDCR_TPM |
				    HVG_A64_MDCR_TPMCR;
	if (c & HVG_A64_CAP_SPE)
		caps->mdcr_guest |= HVG_A64_MDCR_TPMS;
	if (c & HVG_A64_CAP_TRF)
		caps->mdcr_guest |= HVG_A64_MDCR_TTRF;

	/*
	 * The host's MDCR_EL2 (Linux el2_setup.h __init_el2_debug, nVHE:
	 * E2PB = 0b11 with SPE, E2TB = 0b11 with TRBE not owned by a higher
	 * EL, so that EL1 owns the buffers with the EL1&0 regime; hyp-stub.S
	 * on VHE clears both so that EL2 owns them).
	 */
	caps->mdcr_host = caps->hpmn;
	if (!(c & HVG_A64_CAP_VHE) && (c & HVG_A64_CAP_SPE))
		caps->mdcr_host |= HVG_A64_MDCR_E2PB;
	if (!(c & HVG_A64_CAP_VHE) && (c & HVG_A64_CAP_TRBE_HOST))
		caps->mdcr_host |= HVG_A64_MDCR_E2TB;

	/*
	 * What the non-VHE host can have running under a guest, and the
	 * probe that reads its enables. A VHE host keeps its buffers.
	 */
	p = caps->probe;
	if (!(c & HVG_A64_CAP_VHE)) {
		if (c & HVG_A64_CAP_SPE_HOST)
			p = emit(p, HVG_A64_OP_READ, HVG_A64_PMBLIMITR_EL1,
				 HVG_A64_SLOT_PMBLIMITR);
		if (c & HVG_A64_CAP_BRBE)
			p = emit(p, HVG_A64_OP_READ, HVG_A64_BRBCR_EL1,
				 HVG_A64_SLOT_BRBCR);
		if (c & HVG_A64_CAP_TRBE_HOST)
			p = emit(p, HVG_A64_OP_READ, HVG_A64_TRBLIMITR_EL1,
				 HVG_A64_SLOT_TRBLIMITR);
	}
	caps->nr_probe = (u8)(p - caps->probe);
	caps->nr_dbg = build_dbg_plans(caps);
	if (!(c & HVG_A64_CAP_VHE))
		caps->units =
			(c & HVG_A64_CAP_SPE_HOST ? HVG_A64_PARKED_SPE : 0) |
			(c & HVG_A64_CAP_BRBE ? HVG_A64_PARKED_BRBE : 0) |
			(c & HVG_A64_CAP_TRF ? HVG_A64_PARKED_TRFCR : 0) |
			(c & HVG_A64_CAP_TRBE_HOST ? HVG_A64_PARKED_TRBE : 0);
	return 0;
}

int hvg_a64_vcpu_init(struct hvg_a64_vcpu *v)
{
	if (!v)
		return -HVG_EINVAL;
	HVG_MEMSET(v, 0, sizeof(*v));
	v->ctl.owner = HVG_A64_DBG_UNLOADED;
	v->ctl.phase = HVG_A64_PH_IDLE;
	return 0;
}

/* Ownership at load (Linux kvm_vcpu_load_debug()). */
static u8 owner_at_load(u8 in)
{
	if (in & (HVG_A64_IN_HOST_DBG | HVG_A64_IN_OS_LOCK))
		return HVG_A64_DBG_HOST_OWNED;
	if (in & HVG_A64_IN_GUEST_DBG)
		return HVG_A64_DBG_GUEST_OWNED;
	return HVG_A64_DBG_FREE;
}

/* MDCR_EL2.TDA unless the guest owns the registers, TDE while debugged. */
static u64 vcpu_mdcr(const struct hvg_a64_ctl *c)
{
	u64 mdcr = c->caps->mdcr_guest;

	if (c->owner != HVG_A64_DBG_GUEST_OWNED)
		mdcr |= HVG_A64_MDCR_TDA;
	if (c->in & HVG_A64_IN_HOST_DBG)
		mdcr |= HVG_A64_MDCR_TDE;
	return mdcr;
}

/* Enter @owner with a CPU bound: the bank and MDCR_EL2 follow from it. */
static void set_owner(struct hvg_a64_ctl *c, u8 owner)
{
	c->owner = owner;
	c->bank = owner == HVG_A64_DBG_GUEST_OWNED ? HVG_A64_BANK_GUEST :
		  owner == HVG_A64_DBG_HOST_OWNED ? HVG_A64_BANK_EXTERNAL : 0;
	c->mdcr = vcpu_mdcr(c);
}

/*
 * The ownership state machine. States: UNLOADED, FREE, HOST_OWNED,
 * GUEST_OWNED (&hvg_a64_ctl.owner); inputs in &hvg_a64_ctl.in. Every
 * transition:
 *
 *   LOAD          UNLOADED -> owner_at_load(in); loaded -> refused
 *   PUT           loaded -> UNLOADED; UNLOADED -> refused
 *   TRAP          FREE -> GUEST_OWNED; HOST/GUEST_OWNED unchanged;
 *                 UNLOADED -> refused (no guest runs)
 *   GUEST_SET     in += GUEST_DBG; FREE -> GUEST_OWNED (the write trapped)
 *   GUEST_CLEAR   in -= GUEST_DBG; owner unchanged until the next load
 *   HOST_START/STOP, OSLK_SET/CLEAR
 *                 in updated; loaded -> owner_at_load(in) at once
 *
 * Nothing changes while a world switch is under way (the plans handed
 * out for the entry must match the exit), nor on a refusal.
 */
static int dbg_event(struct hvg_a64_ctl *c, enum dbg_event ev,
		     const struct hvg_a64_caps *caps)
{
	bool loaded = c->owner != HVG_A64_DBG_UNLOADED;

	if (c->phase != HVG_A64_PH_IDLE)
		return -HVG_ESTATE;

	switch (ev) {
	case EV_LOAD:
		if (loaded)
			return -HVG_ESTATE;
		c->caps = caps;
		/* Another CPU may have other errata: rebuild the plans. */
		c->parked = HVG_A64_PARKED_STALE;
		set_owner(c, owner_at_load(c->in));
		return 0;
	case EV_PUT:
		if (!loaded)
			return -HVG_ESTATE;
		c->owner = HVG_A64_DBG_UNLOADED;
		c->caps = NULL;
		c->bank = 0;
		c->mdcr = 0;
		return 0;
	case EV_TRAP:
		if (!loaded)
			return -HVG_ESTATE;
		if (c->owner == HVG_A64_DBG_FREE)
			set_owner(c, HVG_A64_DBG_GUEST_OWNED);
		return 0;
	case EV_GUEST_SET:
		c->in |= HVG_A64_IN_GUEST_DBG;
		if (c->owner == HVG_A64_DBG_FREE)
			set_owner(c, HVG_A64_DBG_GUEST_OWNED);
		return 0;
	case EV_GUEST_CLEAR:
		c->in &= ~HVG_A64_IN_GUEST_DBG;
		return 0;
	case EV_HOST_START:
		c->in |= HVG_A64_IN_HOST_DBG;
		break;
	case EV_HOST_STOP:
		c->in &= ~HVG_A64_IN_HOST_DBG;
		break;
	case EV_OSLK_SET:
		c->in |= HVG_A64_IN_OS_LOCK;
		break;
	case EV_OSLK_CLEAR:
		c->in &= ~HVG_A64_IN_OS_LOCK;
		break;
	}
	/* Host-side changes act at once, like KVM's put-and-load. */
	if (loaded)
		set_owner(c, owner_at_load(c->in));
	return 0;
}

int hvg_a64_vcpu_load(struct hvg_a64_vcpu *v, const struct hvg_a64_caps *caps)
{
	if (!v || !caps)
		return -HVG_EINVAL;
	return dbg_event(&v->ctl, EV_LOAD, caps);
}

int hvg_a64_vcpu_put(struct hvg_a64_vcpu *v)
{
	if (!v)
		return -HVG_EINVAL;
	return dbg_event(&v->ctl, EV_PUT, NULL);
}

int hvg_a64_dbg_trap(struct hvg_a64_vcpu *v)
{
	if (!v)
		return -HVG_EINVAL;
	return dbg_event(&v->ctl, EV_TRAP, NULL);
}

int hvg_a64_dbg_mdscr(struct hvg_a64_vcpu *v, u64 mdscr)
{
	if (!v)
		return -HVG_EINVAL;
	return dbg_event(&v->ctl, mdscr & (HVG_A64_MDSCR_MDE |
					   HVG_A64_MDSCR_KDE) ?
			 EV_GUEST_SET : EV_GUEST_CLEAR, NULL);
}

int hvg_a64_dbg_os_lock(struct hvg_a64_vcpu *v, bool locked)
{
	if (!v)
		return -HVG_EINVAL;
	return dbg_event(&v->ctl, locked ? EV_OSLK_SET : EV_OSLK_CLEAR, NULL);
}

int hvg_a64_dbg_host_debug(struct hvg_a64_vcpu *v, bool on)
{
	if (!v)
		return -HVG_EINVAL;
	return dbg_event(&v->ctl, on ? EV_HOST_START : EV_HOST_STOP, NULL);
}

u32 hvg_a64_dbg_owner(const struct hvg_a64_vcpu *v)
{
	return v ? v->ctl.owner : HVG_A64_DBG_UNLOADED;
}

int hvg_a64_vcpu_mdcr(const struct hvg_a64_vcpu *v, u64 *mdcr)
{
	if (!v || !mdcr)
		return -HVG_EINVAL;
	if (!v->ctl.caps)
		return -HVG_ESTATE;
	*mdcr = v->ctl.mdcr;
	return 0;
}

int hvg_a64_set_guest_trfcr(struct hvg_a64_vcpu *v, bool enable, u64 trfcr)
{
	if (!v || (enable && (trfcr & ~HVG_A64_TRFCR_VALID)))
		return -HVG_EINVAL;
	if (v->ctl.phase != HVG_A64_PH_IDLE)
		return -HVG_ESTATE;
	if (enable)
		v->ctl.in |= HVG_A64_IN_TRACE_CFG;
	else
		v->ctl.in &= ~HVG_A64_IN_TRACE_CFG;
	v->slot[HVG_A64_SLOT_TRFCR_GUEST] = enable ? trfcr : 0;
	return 0;
}

int hvg_a64_entry_probe(struct hvg_a64_vcpu *v, struct hvg_a64_plan *plan)
{
	const struct hvg_a64_caps *caps;

	if (!v || !plan)
		return -HVG_EINVAL;
	caps = v->ctl.caps;
	if (!caps || v->ctl.phase != HVG_A64_PH_IDLE)
		return -HVG_ESTATE;
	v->ctl.phase = HVG_A64_PH_PROBED;
	plan->step = caps->probe;
	plan->nr = caps->nr_probe;
	return 0;
}

/*
 * What the probed host has running under this vCPU and must be parked
 * (HVG_A64_PARKED_*): a buffer whose E bit is set, BRBE recording, and
 * the trace filter when TRBE runs or a guest value is configured.
 */
static __always_inline u8 park_units(const struct hvg_a64_vcpu *v)
{
	const u64 *slot = v->slot;
	u32 units = v->ctl.caps->units;
	u8 m = 0;

	if ((units & HVG_A64_PARKED_SPE) &&
	    (slot[HVG_A64_SLOT_PMBLIMITR] & HVG_A64_PMBLIMITR_E))
		m |= HVG_A64_PARKED_SPE;
	if ((units & HVG_A64_PARKED_BRBE) &&
	    (slot[HVG_A64_SLOT_BRBCR] &
	     (HVG_A64_BRBCR_E0BRE | HVG_A64_BRBCR_EXBRE)))
		m |= HVG_A64_PARKED_BRBE;
	if ((units & HVG_A64_PARKED_TRBE) &&
	    (slot[HVG_A64_SLOT_TRBLIMITR] & HVG_A64_TRBLIMITR_E))
		m |= HVG_A64_PARKED_TRBE;
	if ((units & HVG_A64_PARKED_TRFCR) &&
	    ((m & HVG_A64_PARKED_TRBE) || (v->ctl.in & HVG_A64_IN_TRACE_CFG)))
		m |= HVG_A64_PARKED_TRFCR;
	return m;
}

/*
 * Build the park plan for the units in @m, and the restore plan. The
 * plans depend only on @m and the caps' errata, never on register values
 * (those go through slots), so they are rebuilt only when @m changes.
 * Reference (d).3: stop the source (PMSCR_EL1, TRFCR_EL1), ISB so the
 * stop is in effect, drain (PSB/TSB CSYNC, DSB NSH), only then disable
 * the buffer, and ISB before the translation regime changes. The exit
 * reverses the units (trace, BRBE, SPE) and, in each, enables the buffer
 * before the source, after one ISB that synchronises the host's restored
 * translation regime.
 */
static void plan_park(struct hvg_a64_vcpu *v, u8 m)
{
	struct hvg_a64_step *p = v->park, *r = v->restore;
	u32 cap = v->ctl.caps->caps;

	if (m & HVG_A64_PARKED_SPE) {
		p = emit(p, HVG_A64_OP_READ, HVG_A64_PMSCR_EL1,
			 HVG_A64_SLOT_PMSCR);
		p = emit(p, HVG_A64_OP_WRITE_ZERO, HVG_A64_PMSCR_EL1, 0);
		p = barrier_step(p, HVG_A64_OP_ISB);
		p = barrier_step(p, HVG_A64_OP_PSB_CSYNC);
		p = barrier_step(p, HVG_A64_OP_DSB_NSH);
		p = emit(p, HVG_A64_OP_WRITE_ZERO, HVG_A64_PMBLIMITR_EL1, 0);
		p = barrier_step(p, HVG_A64_OP_ISB);
	}
	if (m & HVG_A64_PARKED_BRBE)
		p = emit(p, HVG_A64_OP_WRITE_ZERO, HVG_A64_BRBCR_EL1, 0);
	if (m & HVG_A64_PARKED_TRFCR) {
		p = emit(p, HVG_A64_OP_READ, HVG_A64_TRFCR_EL1,
			 HVG_A64_SLOT_TRFCR);
		if (m & HVG_A64_PARKED_TRBE)
			p = emit(p, HVG_A64_OP_WRITE_ZERO, HVG_A64_TRFCR_EL1, 0);
		else
			p = emit(p, HVG_A64_OP_WRITE, HVG_A64_TRFCR_EL1,
				 HVG_A64_SLOT_TRFCR_GUEST);
	}
	if (m & HVG_A64_PARKED_TRBE) {
		p = barrier_step(p, HVG_A64_OP_ISB);
		p = barrier_step(p, HVG_A64_OP_TSB_CSYNC);
		p = barrier_step(p, HVG_A64_OP_DSB_NSH);
		p = emit(p, HVG_A64_OP_WRITE_ZERO, HVG_A64_TRBLIMITR_EL1, 0);
		if (cap & HVG_A64_CAP_E2064142) {
			p = barrier_step(p, HVG_A64_OP_TSB_CSYNC);
			p = barrier_step(p, HVG_A64_OP_DSB_NSH);
		}
		p = barrier_step(p, HVG_A64_OP_ISB);
	}

	if (m & (HVG_A64_PARKED_SPE | HVG_A64_PARKED_TRBE))
		r = barrier_step(r, HVG_A64_OP_ISB);
	if (m & HVG_A64_PARKED_TRBE) {
		r = emit(r, HVG_A64_OP_WRITE, HVG_A64_TRBLIMITR_EL1,
			 HVG_A64_SLOT_TRBLIMITR);
		r = barrier_step(r, HVG_A64_OP_ISB);
		if (cap & HVG_A64_CAP_E2038923)
			r = barrier_step(r, HVG_A64_OP_ISB);
	}
	if (m & HVG_A64_PARKED_TRFCR)
		r = emit(r, HVG_A64_OP_WRITE, HVG_A64_TRFCR_EL1,
			 HVG_A64_SLOT_TRFCR);
	if (m & HVG_A64_PARKED_BRBE)
		r = emit(r, HVG_A64_OP_WRITE, HVG_A64_BRBCR_EL1,
			 HVG_A64_SLOT_BRBCR);
	if (m & HVG_A64_PARKED_SPE) {
		r = emit(r, HVG_A64_OP_WRITE, HVG_A64_PMBLIMITR_EL1,
			 HVG_A64_SLOT_PMBLIMITR);
		r = barrier_step(r, HVG_A64_OP_ISB);
		r = emit(r, HVG_A64_OP_WRITE, HVG_A64_PMSCR_EL1,
			 HVG_A64_SLOT_PMSCR);
	}
	v->ctl.parked = m;
	v->ctl.nr_park = (u8)(p - v->park);
	v->ctl.nr_restore = (u8)(r - v->restore);
}

/* Rebuild both plans (off the common path, where they are reused). */
static noinline int park_rebuild(struct hvg_a64_vcpu *v, u8 m,
				 struct hvg_a64_plan *plan)
{
	plan_park(v, m);
	plan->step = v->park;
	plan->nr = v->ctl.nr_park;
	return 0;
}

int hvg_a64_entry_park(struct hvg_a64_vcpu *v, struct hvg_a64_plan *plan)
{
	u8 m;

	if (!v || !plan)
		return -HVG_EINVAL;
	if (v->ctl.phase != HVG_A64_PH_PROBED)
		return -HVG_ESTATE;
	v->ctl.phase = HVG_A64_PH_PARKED;
	m = park_units(v);
	if (m != v->ctl.parked)
		return park_rebuild(v, m, plan);
	plan->step = v->park;
	plan->nr = v->ctl.nr_park;
	return 0;
}

/* The owner's debug switch plan; empty (at a valid address) when FREE. */
static __always_inline void dbg_plan(const struct hvg_a64_ctl *c,
				     bool to_host, struct hvg_a64_plan *plan)
{
	const struct hvg_a64_caps *caps = c->caps;
	u32 bank = c->bank;

	if (bank) {
		plan->step = caps->dbg[HVG_A64_DBG_PLAN(bank, to_host)];
		plan->nr = caps->nr_dbg;
	} else {
		plan->step = caps->dbg[0];
		plan->nr = 0;
	}
}

int hvg_a64_entry_guest(struct hvg_a64_vcpu *v, u64 *mdcr,
			struct hvg_a64_plan *plan)
{
	if (!v || !mdcr || !plan)
		return -HVG_EINVAL;
	if (v->ctl.phase != HVG_A64_PH_PARKED)
		return -HVG_ESTATE;
	v->ctl.phase = HVG_A64_PH_GUEST;
	*mdcr = v->ctl.mdcr;
	dbg_plan(&v->ctl, false, plan);
	return 0;
}

int hvg_a64_exit_host(struct hvg_a64_vcpu *v, u64 *mdcr,
		      struct hvg_a64_plan *plan)
{
	if (!v || !mdcr || !plan)
		return -HVG_EINVAL;
	if (v->ctl.phase != HVG_A64_PH_GUEST)
		return -HVG_ESTATE;
	v->ctl.phase = HVG_A64_PH_HOST;
	*mdcr = v->ctl.caps->mdcr_host;
	dbg_plan(&v->ctl, true, plan);
	return 0;
}

int hvg_a64_exit_unpark(struct hvg_a64_vcpu *v, struct hvg_a64_plan *plan)
{
	if (!v || !plan)
		return -HVG_EINVAL;
	if (v->ctl.phase != HVG_A64_PH_HOST)
		return -HVG_ESTATE;
	v->ctl.phase = HVG_A64_PH_IDLE;
	plan->step = v->restore;
	plan->nr = v->ctl.nr_restore;
	return 0;
}
