// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * KUnit: the arm64_debug module inside a kernel, through the hvgate_a64_*
 * exports. Expected values: MDCR_EL2 bit positions from the Arm ARM
 * (HPMN [4:0], TPMCR 5, TPM 6, TDE 8, TDA 9, TDOSA 10, TDRA 11, E2PB
 * [13:12], TPMS 14, TTRF 19, E2TB [25:24]); plan steps from the park and
 * restore sequences of the reference (Linux nvhe/debug-sr.c, 2026).
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include "hvgate.h"

/* DebugVer 0b1001, PMUv3p7, 6 BRPs, 4 WRPs, SPEv1p2, TRF, TRBE, BRBE. */
#define DFR0_FULL	(0x9ULL | 7ULL << 8 | 5ULL << 12 | 3ULL << 20 | \
			 3ULL << 32 | 1ULL << 40 | 1ULL << 44 | 1ULL << 52)

struct a64_fixture {
	struct hvg_a64_caps caps;
	struct hvg_a64_vcpu v;
};

static struct a64_fixture *a64_setup(struct kunit *test, u64 dfr0, u32 flags)
{
	struct hvg_a64_idregs id = { .dfr0 = dfr0, .pmcr = 6 << 11 };
	struct a64_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, f);
	KUNIT_ASSERT_EQ(test, hvgate_a64_caps_init(&f->caps, &id, flags), 0);
	KUNIT_ASSERT_EQ(test, hvgate_a64_vcpu_init(&f->v), 0);
	KUNIT_ASSERT_EQ(test, hvgate_a64_vcpu_load(&f->v, &f->caps), 0);
	return f;
}

static void a64_mdcr(struct kunit *test)
{
	struct a64_fixture *f = a64_setup(test, DFR0_FULL, 0);
	struct hvg_a64_idregs id = { .dfr0 = 0x9ULL | 7ULL << 8,
				     .pmcr = 4 << 11 };
	u64 m;

	/* HPMN 6, TPMCR, TPM, TDA, TDOSA, TDRA, TPMS, TTRF. */
	KUNIT_EXPECT_EQ(test, hvgate_a64_vcpu_mdcr(&f->v, &m), 0);
	KUNIT_EXPECT_EQ(test, m, 0x84e66ULL);
	/* Host, non-VHE: HPMN, E2PB = E2TB = 0b11. */
	KUNIT_EXPECT_EQ(test, f->caps.mdcr_host, 0x3003006ULL);
	/* Without SPE and trace filtering: no TPMS, no TTRF (RES0). */
	KUNIT_EXPECT_EQ(test, hvgate_a64_caps_init(&f->caps, &id, 0), 0);
	KUNIT_EXPECT_EQ(test, f->caps.mdcr_guest, 0xc64ULL);
	KUNIT_EXPECT_EQ(test, f->caps.mdcr_host, 0x4ULL);
	/* DebugVer 0: the ID register was not read. */
	id.dfr0 = 0;
	KUNIT_EXPECT_EQ(test, hvgate_a64_caps_init(&f->caps, &id, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, hvgate_a64_caps_init(&f->caps, &id, BIT(7)),
			-EINVAL);
}

static void a64_expect_step(struct kunit *test, const struct hvg_a64_step *s,
			    u32 op, u32 reg, u32 slot)
{
	KUNIT_EXPECT_EQ(test, (u32)s->op, op);
	KUNIT_EXPECT_EQ(test, (u32)s->reg, reg);
	KUNIT_EXPECT_EQ(test, (u32)s->slot, slot);
}

static void a64_spe_park_restore(struct kunit *test)
{
	struct a64_fixture *f = a64_setup(test, DFR0_FULL, 0);
	struct hvg_a64_vcpu *v = &f->v;
	struct hvg_a64_plan p;
	u64 m;

	KUNIT_ASSERT_EQ(test, hvgate_a64_entry_probe(v, &p), 0);
	KUNIT_ASSERT_EQ(test, p.nr, 3U);
	a64_expect_step(test, &p.step[0], HVG_A64_OP_READ,
			HVG_A64_PMBLIMITR_EL1, HVG_A64_SLOT_PMBLIMITR);
	/* As if the probe read: the host's SPE buffer is enabled. */
	v->slot[HVG_A64_SLOT_PMBLIMITR] = 0x1000001;
	KUNIT_ASSERT_EQ(test, hvgate_a64_entry_park(v, &p), 0);
	KUNIT_ASSERT_EQ(test, p.nr, 7U);
	a64_expect_step(test, &p.step[0], HVG_A64_OP_READ, HVG_A64_PMSCR_EL1,
			HVG_A64_SLOT_PMSCR);
	a64_expect_step(test, &p.step[1], HVG_A64_OP_WRITE_ZERO,
			HVG_A64_PMSCR_EL1, 0);
	a64_expect_step(test, &p.step[2], HVG_A64_OP_ISB, 0, 0);
	a64_expect_step(test, &p.step[3], HVG_A64_OP_PSB_CSYNC, 0, 0);
	a64_expect_step(test, &p.step[4], HVG_A64_OP_DSB_NSH, 0, 0);
	a64_expect_step(test, &p.step[5], HVG_A64_OP_WRITE_ZERO,
			HVG_A64_PMBLIMITR_EL1, 0);
	a64_expect_step(test, &p.step[6], HVG_A64_OP_ISB, 0, 0);

	/* The 2021 fix: no restore plan before the host's MDCR_EL2. */
	KUNIT_EXPECT_EQ(test, hvgate_a64_exit_unpark(v, &p), -EBUSY);
	KUNIT_ASSERT_EQ(test, hvgate_a64_entry_guest(v, &m, &p), 0);
	KUNIT_EXPECT_EQ(test, m & 0x3003000, 0ULL);	/* E2PB = E2TB = 0 */
	KUNIT_EXPECT_EQ(test, p.nr, 0U);		/* debug regs free */
	KUNIT_EXPECT_EQ(test, hvgate_a64_exit_unpark(v, &p), -EBUSY);
	KUNIT_EXPECT_EQ(test, hvgate_a64_vcpu_put(v), -EBUSY);
	KUNIT_ASSERT_EQ(test, hvgate_a64_exit_host(v, &m, &p), 0);
	KUNIT_EXPECT_EQ(test, m, 0x3003006ULL);
	KUNIT_ASSERT_EQ(test, hvgate_a64_exit_unpark(v, &p), 0);
	/* ISB first, buffer back, ISB, then sampling. */
	KUNIT_ASSERT_EQ(test, p.nr, 4U);
	a64_expect_step(test, &p.step[0], HVG_A64_OP_ISB, 0, 0);
	a64_expect_step(test, &p.step[1], HVG_A64_OP_WRITE,
			HVG_A64_PMBLIMITR_EL1, HVG_A64_SLOT_PMBLIMITR);
	a64_expect_step(test, &p.step[2], HVG_A64_OP_ISB, 0, 0);
	a64_expect_step(test, &p.step[3], HVG_A64_OP_WRITE, HVG_A64_PMSCR_EL1,
			HVG_A64_SLOT_PMSCR);
}

static void a64_vhe_parks_nothing(struct kunit *test)
{
	struct a64_fixture *f = a64_setup(test, DFR0_FULL, HVG_A64_HOST_VHE);
	struct hvg_a64_plan p;
	u64 m;

	KUNIT_ASSERT_EQ(test, hvgate_a64_entry_probe(&f->v, &p), 0);
	KUNIT_EXPECT_EQ(test, p.nr, 0U);
	f->v.slot[HVG_A64_SLOT_PMBLIMITR] = 1;
	KUNIT_ASSERT_EQ(test, hvgate_a64_entry_park(&f->v, &p), 0);
	KUNIT_EXPECT_EQ(test, p.nr, 0U);
	KUNIT_ASSERT_EQ(test, hvgate_a64_entry_guest(&f->v, &m, &p), 0);
	KUNIT_EXPECT_EQ(test, m, 0x84e66ULL);
	KUNIT_ASSERT_EQ(test, hvgate_a64_exit_host(&f->v, &m, &p), 0);
	KUNIT_EXPECT_EQ(test, m, 0x6ULL);	/* EL2 owns the buffers */
	KUNIT_ASSERT_EQ(test, hvgate_a64_exit_unpark(&f->v, &p), 0);
	KUNIT_EXPECT_EQ(test, p.nr, 0U);
}

static void a64_ownership(struct kunit *test)
{
	struct a64_fixture *f = a64_setup(test, DFR0_FULL, 0);
	struct hvg_a64_vcpu *v = &f->v;
	struct hvg_a64_plan p;
	u64 m;

	KUNIT_EXPECT_EQ(test, hvgate_a64_dbg_owner(v), (u32)HVG_A64_DBG_FREE);
	KUNIT_EXPECT_EQ(test, hvgate_a64_dbg_trap(v), 0);
	KUNIT_EXPECT_EQ(test, hvgate_a64_dbg_owner(v),
			(u32)HVG_A64_DBG_GUEST_OWNED);
	KUNIT_EXPECT_EQ(test, hvgate_a64_vcpu_mdcr(v, &m), 0);
	KUNIT_EXPECT_EQ(test, m & 0x300, 0ULL);
	KUNIT_EXPECT_EQ(test, hvgate_a64_dbg_host_debug(v, true), 0);
	KUNIT_EXPECT_EQ(test, hvgate_a64_dbg_owner(v),
			(u32)HVG_A64_DBG_HOST_OWNED);
	KUNIT_EXPECT_EQ(test, hvgate_a64_vcpu_mdcr(v, &m), 0);
	KUNIT_EXPECT_EQ(test, m & 0x300, 0x300ULL);	/* TDA, TDE */
	KUNIT_EXPECT_EQ(test, hvgate_a64_dbg_os_lock(v, true), 0);
	KUNIT_EXPECT_EQ(test, hvgate_a64_dbg_host_debug(v, false), 0);
	KUNIT_EXPECT_EQ(test, hvgate_a64_dbg_owner(v),
			(u32)HVG_A64_DBG_HOST_OWNED);
	KUNIT_EXPECT_EQ(test, hvgate_a64_dbg_os_lock(v, false), 0);
	KUNIT_EXPECT_EQ(test, hvgate_a64_dbg_mdscr(v, 0), 0);
	KUNIT_EXPECT_EQ(test, hvgate_a64_dbg_owner(v), (u32)HVG_A64_DBG_FREE);

	/* Owned: 2 x 6 BCR/BVR + 2 x 4 WCR/WVR + MDCCINT, saved and loaded. */
	KUNIT_EXPECT_EQ(test, hvgate_a64_dbg_mdscr(v, BIT(15)), 0);
	KUNIT_ASSERT_EQ(test, hvgate_a64_entry_probe(v, &p), 0);
	KUNIT_ASSERT_EQ(test, hvgate_a64_entry_park(v, &p), 0);
	KUNIT_ASSERT_EQ(test, hvgate_a64_entry_guest(v, &m, &p), 0);
	KUNIT_ASSERT_EQ(test, p.nr, 42U);
	a64_expect_step(test, &p.step[0], HVG_A64_OP_READ,
			HVG_A64_DBGBCR0_EL1,
			HVG_A64_SLOT_DBG(HVG_A64_BANK_HOST, HVG_A64_DBG_BCR(0)));
	a64_expect_step(test, &p.step[41], HVG_A64_OP_WRITE,
			HVG_A64_MDCCINT_EL1,
			HVG_A64_SLOT_DBG(HVG_A64_BANK_GUEST,
					 HVG_A64_DBG_MDCCINT));
	KUNIT_EXPECT_EQ(test, hvgate_a64_dbg_trap(v), -EBUSY);
	KUNIT_EXPECT_EQ(test, hvgate_a64_vcpu_init(NULL), -EINVAL);
}

static struct kunit_case hvgate_arm64_debug_cases[] = {
	KUNIT_CASE(a64_mdcr),
	KUNIT_CASE(a64_spe_park_restore),
	KUNIT_CASE(a64_vhe_parks_nothing),
	KUNIT_CASE(a64_ownership),
	{}
};

static struct kunit_suite hvgate_arm64_debug_suite = {
	.name = "hvgate_arm64_debug",
	.test_cases = hvgate_arm64_debug_cases,
};

kunit_test_suites(&hvgate_arm64_debug_suite);
