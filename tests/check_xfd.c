// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * xfd: IA32_XFD pass-through on demand, IA32_XFD_ERR and #NM.
 *
 * Expected values come from the texts, not from lib/xfd.c: MSR numbers and
 * bit positions from the SDM (Vol. 1 13.14, Vol. 3C "MSR-Bitmap Address")
 * and the APM ("MSR Intercepts"); XTILE_DATA = component 18 and XFD =
 * 0x40000 from reference/upstream-kvm.md (b) and the KVM selftest quoted
 * there; the policies from the seed (options 1-3) and the reference
 * (upstream). The exhaustive test runs the library inside a model of the
 * processor, the guest, the glue and the VMM written from the same texts.
 */
#include <stdio.h>
#include <stdlib.h>

#include "hvgate_test.h"

/* XSAVE components (SDM Vol. 1, 13.1) and the values of the reference. */
#define XTILE_CFG	BIT_ULL(17)
#define XTILE_DATA	BIT_ULL(18)	/* "xfd=0x40000, disable amx tiledata" */
#define XCR0_NO_AMX	0x7ULL		/* x87, SSE, AVX */
#define XCR0_AMX	(XCR0_NO_AMX | XTILE_CFG | XTILE_DATA)
#define BUF_SMALL	0x207ULL	/* x87, SSE, AVX, PKRU: no tile data */
#define BUF_FULL	(BUF_SMALL | XTILE_CFG | XTILE_DATA)

/* Where the SDM puts the intercept bits of 0x1c4 (452) and 0x1c5 (453). */
#define VMX_RD_BYTE	0x038		/* read-low quarter, 452 / 8 */
#define VMX_WR_BYTE	0x838		/* write-low quarter, 0x800 + 452 / 8 */
#define XFD_BIT		0x10		/* 452 % 8 = 4 */
#define XFD_ERR_BIT	0x20		/* 453 % 8 = 5 */
/* APM: MSR n at bits 2n (read) and 2n + 1 (write) of vector 0. */
#define SVM_BYTE	0x071		/* 904 / 8 = 113 */
#define SVM_XFD_RD	0x01		/* 904 % 8 = 0 */
#define SVM_XFD_WR	0x02		/* 905 % 8 = 1 */
#define SVM_ERR_RD	0x04		/* 906 % 8 = 2 */
#define SVM_ERR_WR	0x08		/* 907 % 8 = 3 */

static const u32 policies[] = {
	HVG_XFD_POLICY_FIRST_WRITE, HVG_XFD_POLICY_ON_COMPLETION,
	HVG_XFD_POLICY_SECOND_ENABLE, HVG_XFD_POLICY_UPSTREAM,
};

static u8 map_mem[HVG_SVM_MSRPM_SIZE] __attribute__((aligned(4096)));
static u8 map_snap[HVG_SVM_MSRPM_SIZE];

/* A vCPU: its map, an allow list like KVM's for XFD, the policy, the state. */
struct rig {
	struct hvg_msrmap map;
	struct hvg_msr_policy pol;
	struct hvg_msr_slot slots[4];
	struct hvg_xfd_state st;
	struct hvg_xfd_config cfg;
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

static void rig_setup(struct rig *r, u32 type, const struct hvg_msr_allow *a,
		      u32 na, const struct hvg_xfd_config *cfg)
{
	memset(r, 0, sizeof(*r));
	ck_assert_int_eq(hvg_msrmap_init(&r->map, type, map_mem,
					 sizeof(map_mem)), 0);
	ck_assert_int_eq(hvg_msr_policy_init(&r->pol, &r->map, a, na, r->slots,
					     ARRAY_SIZE(r->slots)), 0);
	ck_assert_int_eq(hvg_msr_policy_want(&r->pol, HVG_MSR_OWNER_HV,
					     HVG_MSR_IA32_TSC, HVG_MSR_READ), 0);
	r->cfg = *cfg;
	ck_assert_int_eq(hvg_xfd_init(&r->st, &r->pol, cfg), 0);
}

static void rig_init(struct rig *r, u32 policy, u64 buffer)
{
	struct hvg_xfd_config cfg = amx_cfg(policy, buffer);

	rig_setup(r, HVG_MSRMAP_VMX, kvm_allow, ARRAY_SIZE(kvm_allow), &cfg);
}

static bool xfd_w_passed(const struct rig *r)
{
	return !hvg_msrmap_intercepts(&r->map, HVG_MSR_IA32_XFD, HVG_MSR_WRITE);
}

static u64 lib_read(const struct rig *r, u32 msr)
{
	struct hvg_xfd_decision d;

	ck_assert_int_eq(hvg_xfd_rdmsr(&r->st, msr, true, &d), 0);
	ck_assert_uint_eq(d.action, HVG_XFD_DONE);
	return d.value;
}

/* One decision, compared field by field with what the texts require. */
static void expect(const struct hvg_xfd_decision *d, u32 action, u32 op,
		   u64 value, u32 flags)
{
	ck_assert_uint_eq(d->action, action);
	ck_assert_uint_eq(d->op, op);
	ck_assert_uint_eq(d->value, value);
	ck_assert_uint_eq(d->flags, flags);
	ck_assert_uint_eq(d->diag, 0);
}

static void wr(struct rig *r, u32 msr, u64 v, struct hvg_xfd_decision *d)
{
	ck_assert_int_eq(hvg_xfd_wrmsr(&r->st, msr, v, false, d), 0);
}

/* ---- set-up -------------------------------------------------------------- */

START_TEST(init_gives_reset_state)
{
	struct rig r;
	u64 v = 0x1234;

	rig_init(&r, HVG_XFD_POLICY_UPSTREAM, BUF_SMALL);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), HVG_XFD_INTERCEPT);
	ck_assert_uint_eq(hvg_xfd_policy(&r.st), HVG_XFD_POLICY_UPSTREAM);
	/* RESET values: IA32_XFD = 0, IA32_XFD_ERR = 0 (SDM Vol. 4). */
	ck_assert_uint_eq(lib_read(&r, HVG_MSR_IA32_XFD), 0);
	ck_assert_uint_eq(lib_read(&r, HVG_MSR_IA32_XFD_ERR), 0);
	ck_assert(!hvg_xfd_nm_intercept(&r.st));
	ck_assert(!hvg_xfd_exit_sync(&r.st));
	ck_assert(!hvg_xfd_exit_err_reset(&r.st));
	ck_assert(!hvg_xfd_entry_err(&r.st, &v));
	ck_assert_uint_eq(v, 0x1234);
	/* XFD_ERR reads pass through for a guest with XFD; XFD stays trapped. */
	ck_assert_uint_eq(map_mem[VMX_RD_BYTE], (u8)~XFD_ERR_BIT);
	ck_assert_uint_eq(map_mem[VMX_WR_BYTE], 0xff);
	ck_assert_uint_eq(hvg_msr_policy_wants(&r.pol, HVG_MSR_OWNER_XFD,
					       HVG_MSR_IA32_XFD_ERR),
			  HVG_MSR_READ);
	ck_assert_uint_eq(hvg_msr_policy_wants(&r.pol, HVG_MSR_OWNER_XFD,
					       HVG_MSR_IA32_XFD), 0);
}
END_TEST

START_TEST(init_again_withdraws_the_old_wishes)
{
	struct hvg_xfd_config cfg = amx_cfg(HVG_XFD_POLICY_UPSTREAM, BUF_FULL);
	struct hvg_xfd_decision d;
	struct rig r;

	rig_init(&r, HVG_XFD_POLICY_UPSTREAM, BUF_FULL);
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
	ck_assert(xfd_w_passed(&r));
	/* vCPU RESET of a guest that lost XFD: everything trapped again. */
	cfg.guest_has_xfd = false;
	cfg.xfd_caps = cfg.permitted = 0;
	ck_assert_int_eq(hvg_xfd_init(&r.st, &r.pol, &cfg), 0);
	ck_assert_uint_eq(map_mem[VMX_RD_BYTE], 0xff);
	ck_assert_uint_eq(map_mem[VMX_WR_BYTE], 0xff);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), HVG_XFD_INTERCEPT);
	/* The hypervisor's own wish for IA32_TSC is not this module's. */
	ck_assert(!hvg_msrmap_intercepts(&r.map, HVG_MSR_IA32_TSC,
					 HVG_MSR_READ));
}
END_TEST

START_TEST(init_rejects_bad_input)
{
	struct hvg_xfd_config good = amx_cfg(0, BUF_SMALL), c;
	struct hvg_xfd_state st, st0;
	struct hvg_msr_policy bad;
	struct rig r;

	rig_init(&r, 0, BUF_SMALL);
	memcpy(map_snap, map_mem, sizeof(map_mem));
	memset(&st, 0x5a, sizeof(st));
	st0 = st;

	ck_assert_int_eq(hvg_xfd_init(NULL, &r.pol, &good), -HVG_EINVAL);
	ck_assert_int_eq(hvg_xfd_init(&st, NULL, &good), -HVG_EINVAL);
	ck_assert_int_eq(hvg_xfd_init(&st, &r.pol, NULL), -HVG_EINVAL);
	bad = r.pol;
	bad.map.bits = NULL;
	ck_assert_int_eq(hvg_xfd_init(&st, &bad, &good), -HVG_EINVAL);
	bad = r.pol;
	bad.map.type = 3;
	ck_assert_int_eq(hvg_xfd_init(&st, &bad, &good), -HVG_EINVAL);
	c = good;
	c.policy = HVG_XFD_POLICY_MAX + 1;
	ck_assert_int_eq(hvg_xfd_init(&st, &r.pol, &c), -HVG_EINVAL);
	/* Components 0 and 1 never support XFD; 63 is no component. */
	c = good;
	c.xfd_caps |= BIT_ULL(1);
	ck_assert_int_eq(hvg_xfd_init(&st, &r.pol, &c), -HVG_ERANGE);
	c = good;
	c.xfd_caps |= BIT_ULL(0);
	ck_assert_int_eq(hvg_xfd_init(&st, &r.pol, &c), -HVG_ERANGE);
	c = good;
	c.xfd_caps |= BIT_ULL(63);
	ck_assert_int_eq(hvg_xfd_init(&st, &r.pol, &c), -HVG_ERANGE);
	/* A permitted dynamic feature must be one XFD can disable. */
	c = good;
	c.permitted |= XTILE_CFG;
	ck_assert_int_eq(hvg_xfd_init(&st, &r.pol, &c), -HVG_EINVAL);
	/* No XFD in CPUID, yet a component claims XFD support. */
	c = good;
	c.guest_has_xfd = false;
	ck_assert_int_eq(hvg_xfd_init(&st, &r.pol, &c), -HVG_EINVAL);

	ck_assert(!memcmp(&st, &st0, sizeof(st)));
	ck_assert(!memcmp(map_snap, map_mem, sizeof(map_mem)));
	/* The highest component is fine. */
	c = good;
	c.xfd_caps |= BIT_ULL(62);
	ck_assert_int_eq(hvg_xfd_init(&st, &r.pol, &c), 0);
}
END_TEST

START_TEST(policy_default_is_the_kconfig_choice)
{
	u32 expected, i;
	struct rig r;

	/* Read from the generated configuration, independently of config.h. */
#if defined(CONFIG_HVGATE_XFD_POLICY_FIRST_WRITE)
	expected = HVG_XFD_POLICY_FIRST_WRITE;
#elif defined(CONFIG_HVGATE_XFD_POLICY_ON_COMPLETION)
	expected = HVG_XFD_POLICY_ON_COMPLETION;
#elif defined(CONFIG_HVGATE_XFD_POLICY_SECOND_ENABLE)
	expected = HVG_XFD_POLICY_SECOND_ENABLE;
#else
	expected = HVG_XFD_POLICY_UPSTREAM;
#endif
	rig_init(&r, HVG_XFD_POLICY_DEFAULT, BUF_SMALL);
	ck_assert_uint_eq(hvg_xfd_policy(&r.st), expected);
	/* The run-time choice overrides it, per vCPU. */
	for (i = 0; i < ARRAY_SIZE(policies); i++) {
		rig_init(&r, policies[i], BUF_SMALL);
		ck_assert_uint_eq(hvg_xfd_policy(&r.st), policies[i]);
	}
	ck_assert_uint_eq(hvg_xfd_policy(NULL), 0);
	ck_assert_uint_eq(hvg_xfd_mode(NULL), HVG_XFD_INTERCEPT);
}
END_TEST

/* ---- the seed's flow, step by step, under every policy ------------------- */

/*
 * The flow of the seed, from a booted guest (Linux sets XFD[18] = 1, then
 * XCR0 with AMX) whose FPU buffer has no room for tile data:
 *
 *   WRMSR XFD = 0         enables AMX for the first time: realloc needed
 *   (reallocation)        the buffer now holds tile data
 *   (VMM returns)         the WRMSR is completed
 *   WRMSR XFD = 0x40000   disables AMX
 *   WRMSR XFD = 0         enables AMX the second time
 *   WRMSR XFD = 0x40000 ...
 *
 * Where each policy passes writes through, from its text:
 *   option 1     when the reallocation of the first enabling write is done
 *                (before the VMM returns)
 *   option 2     when the VMM returns, after re-checking the buffer
 *   option 3     at the second enabling write
 *   upstream     at the first non-zero write with a full buffer: here the
 *                disabling write, since the boot write found no room
 *
 * A row gives, per policy, the expected action (0: the write does not exit)
 * and flags.
 */
enum seed_step {
	S_ENABLE1, S_REALLOC, S_RETURN, S_DISABLE, S_ENABLE2, S_DISABLE2,
	S_NR,
};

struct seed_exp {
	u32 action;
	u32 flags;
	enum hvg_xfd_mode mode;
};

#define NM_ON	HVG_XFD_F_NM_ON
#define NM_OFF	HVG_XFD_F_NM_OFF
#define MAP	HVG_XFD_F_MAP
#define DONE	HVG_XFD_DONE
#define PT	HVG_XFD_PASSTHROUGH
#define IC	HVG_XFD_INTERCEPT
#define PEND	HVG_XFD_PENDING
#define PEND_PT	HVG_XFD_PENDING_PASSTHROUGH

static const struct seed_exp seed_table[HVG_XFD_POLICY_MAX + 1][S_NR] = {
	[HVG_XFD_POLICY_FIRST_WRITE] = {
		[S_ENABLE1] = { HVG_XFD_REALLOC, 0, PEND },
		[S_REALLOC] = { DONE, MAP, PEND_PT },
		[S_RETURN] = { DONE, 0, PT },
		[S_DISABLE] = { 0, 0, PT },
		[S_ENABLE2] = { 0, 0, PT },
		[S_DISABLE2] = { 0, 0, PT },
	},
	[HVG_XFD_POLICY_ON_COMPLETION] = {
		[S_ENABLE1] = { HVG_XFD_REALLOC, 0, PEND },
		[S_REALLOC] = { DONE, 0, PEND },
		[S_RETURN] = { DONE, MAP, PT },
		[S_DISABLE] = { 0, 0, PT },
		[S_ENABLE2] = { 0, 0, PT },
		[S_DISABLE2] = { 0, 0, PT },
	},
	[HVG_XFD_POLICY_SECOND_ENABLE] = {
		[S_ENABLE1] = { HVG_XFD_REALLOC, 0, PEND },
		[S_REALLOC] = { DONE, 0, PEND },
		[S_RETURN] = { DONE, NM_OFF, IC },
		[S_DISABLE] = { DONE, NM_ON, IC },
		[S_ENABLE2] = { DONE, MAP, PT },
		[S_DISABLE2] = { 0, 0, PT },
	},
	[HVG_XFD_POLICY_UPSTREAM] = {
		[S_ENABLE1] = { HVG_XFD_REALLOC, 0, PEND },
		[S_REALLOC] = { DONE, 0, PEND },
		[S_RETURN] = { DONE, NM_OFF, IC },
		[S_DISABLE] = { DONE, NM_ON | MAP, PT },
		[S_ENABLE2] = { 0, 0, PT },
		[S_DISABLE2] = { 0, 0, PT },
	},
};

/* A guest WRMSR: exits and is emulated, or goes to hardware (@hw). */
static void seed_write(struct rig *r, u64 v, const struct seed_exp *e,
		       u64 *hw)
{
	struct hvg_xfd_decision d;

	if (!e->action) {
		/* Not intercepted: the processor takes it, nothing exits. */
		ck_assert(xfd_w_passed(r));
		*hw = v;
		/* The next exit, for any reason, syncs the host's copy. */
		ck_assert(hvg_xfd_exit_sync(&r->st));
		ck_assert_int_eq(hvg_xfd_sync(&r->st, *hw), 0);
		ck_assert_uint_eq(lib_read(r, HVG_MSR_IA32_XFD), v);
		return;
	}
	ck_assert(!xfd_w_passed(r));
	ck_assert(!hvg_xfd_exit_sync(&r->st));
	wr(r, HVG_MSR_IA32_XFD, v, &d);
	expect(&d, e->action, HVG_XFD_OP_XFD,
	       e->action == HVG_XFD_REALLOC ? XTILE_DATA : v, e->flags);
	if (d.action == DONE)
		*hw = v;
}

static void seed_flow(u32 policy)
{
	const struct seed_exp *e = seed_table[policy];
	struct hvg_xfd_decision d;
	struct rig r;
	u64 hw = 0;

	rig_init(&r, policy, BUF_SMALL);
	/* Boot: XFD[18] = 1 first, then XCR0 with AMX: nothing to allocate. */
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
	expect(&d, DONE, HVG_XFD_OP_XFD, XTILE_DATA, NM_ON);
	ck_assert_int_eq(hvg_xfd_xsetbv(&r.st, XCR0_AMX, false, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_XCR0, XCR0_AMX, 0);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), IC);

	seed_write(&r, 0, &e[S_ENABLE1], &hw);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), e[S_ENABLE1].mode);
	/* Until completion the guest's XFD is still 0x40000. */
	ck_assert_uint_eq(lib_read(&r, HVG_MSR_IA32_XFD), XTILE_DATA);

	ck_assert_int_eq(hvg_xfd_set_buffer(&r.st, BUF_FULL, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_NONE, BUF_FULL, e[S_REALLOC].flags);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), e[S_REALLOC].mode);

	ck_assert_int_eq(hvg_xfd_complete(&r.st, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_XFD, 0, e[S_RETURN].flags);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), e[S_RETURN].mode);
	ck_assert_uint_eq(lib_read(&r, HVG_MSR_IA32_XFD), 0);

	seed_write(&r, XTILE_DATA, &e[S_DISABLE], &hw);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), e[S_DISABLE].mode);
	seed_write(&r, 0, &e[S_ENABLE2], &hw);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), e[S_ENABLE2].mode);
	seed_write(&r, XTILE_DATA, &e[S_DISABLE2], &hw);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), PT);

	/* Pass-through is reads and writes of IA32_XFD, per the reference. */
	ck_assert_uint_eq(map_mem[VMX_RD_BYTE], (u8)~(XFD_BIT | XFD_ERR_BIT));
	ck_assert_uint_eq(map_mem[VMX_WR_BYTE], (u8)~XFD_BIT);
	ck_assert(hvg_xfd_nm_intercept(&r.st));
}

START_TEST(seed_flow_first_write)
{
	seed_flow(HVG_XFD_POLICY_FIRST_WRITE);
}
END_TEST

START_TEST(seed_flow_on_completion)
{
	seed_flow(HVG_XFD_POLICY_ON_COMPLETION);
}
END_TEST

START_TEST(seed_flow_second_enable)
{
	seed_flow(HVG_XFD_POLICY_SECOND_ENABLE);
}
END_TEST

START_TEST(seed_flow_upstream)
{
	seed_flow(HVG_XFD_POLICY_UPSTREAM);
}
END_TEST

/*
 * A buffer sized up front (KVM_SET_CPUID): upstream passes writes through
 * at the first non-zero write, the boot write; the three options at the
 * first write that leaves AMX enabled. Host-initiated writes count
 * (reference (b).1: "guest or host-initiated").
 */
START_TEST(buffer_sized_up_front)
{
	struct hvg_xfd_decision d;
	struct rig r;
	u32 i;

	rig_init(&r, HVG_XFD_POLICY_UPSTREAM, BUF_FULL);
	ck_assert_int_eq(hvg_xfd_wrmsr(&r.st, HVG_MSR_IA32_XFD, XTILE_DATA,
				       true, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_XFD, XTILE_DATA, NM_ON | MAP);
	ck_assert(xfd_w_passed(&r));

	for (i = 0; i < 3; i++) {
		rig_init(&r, policies[i], BUF_FULL);
		wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
		expect(&d, DONE, HVG_XFD_OP_XFD, XTILE_DATA, NM_ON);
		ck_assert_int_eq(hvg_xfd_xsetbv(&r.st, XCR0_AMX, false, &d), 0);
		expect(&d, DONE, HVG_XFD_OP_XCR0, XCR0_AMX, 0);
		wr(&r, HVG_MSR_IA32_XFD, 0, &d);
		expect(&d, DONE, HVG_XFD_OP_XFD, 0, MAP);
		ck_assert(xfd_w_passed(&r));
		ck_assert(hvg_xfd_nm_intercept(&r.st));
	}
}
END_TEST

/*
 * Option 1's unsafe case: the VMM returns after a failed reallocation, or
 * without reallocating. Nothing is passed through, the write is not
 * applied and the guest re-executes it (RETRY), under every policy.
 */
START_TEST(failed_reallocation_never_passes_through)
{
	struct hvg_xfd_decision d;
	struct rig r;
	u32 i, round;

	for (i = 0; i < ARRAY_SIZE(policies); i++) {
		rig_init(&r, policies[i], BUF_SMALL);
		wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
		ck_assert_int_eq(hvg_xfd_xsetbv(&r.st, XCR0_AMX, false, &d), 0);
		for (round = 0; round < 2; round++) {
			wr(&r, HVG_MSR_IA32_XFD, 0, &d);
			expect(&d, HVG_XFD_REALLOC, HVG_XFD_OP_XFD, XTILE_DATA, 0);
			/* Round 0: it failed; round 1: the VMM did nothing. */
			if (!round) {
				ck_assert_int_eq(hvg_xfd_set_buffer(&r.st, BUF_SMALL,
								    &d), 0);
				expect(&d, DONE, HVG_XFD_OP_NONE, BUF_SMALL, 0);
			}
			ck_assert(!xfd_w_passed(&r));
			ck_assert_int_eq(hvg_xfd_complete(&r.st, &d), 0);
			expect(&d, HVG_XFD_RETRY, HVG_XFD_OP_XFD, 0, 0);
			ck_assert_uint_eq(hvg_xfd_mode(&r.st), IC);
			ck_assert(!xfd_w_passed(&r));
			ck_assert_uint_eq(lib_read(&r, HVG_MSR_IA32_XFD),
					  XTILE_DATA);
		}
	}
}
END_TEST

/*
 * A buffer that holds what one write enables but not every permitted
 * feature: the write completes, writes stay intercepted (two dynamic
 * features, 18 and a hypothetical 20, both permitted).
 */
START_TEST(partial_buffer_completes_but_stays_intercepted)
{
	struct hvg_xfd_config cfg = amx_cfg(HVG_XFD_POLICY_ON_COMPLETION,
					    BUF_SMALL);
	const u64 f20 = BIT_ULL(20), both = XTILE_DATA | f20;
	struct hvg_xfd_decision d;
	struct rig r;

	cfg.xfd_caps = cfg.permitted = both;
	rig_setup(&r, HVG_MSRMAP_VMX, kvm_allow, ARRAY_SIZE(kvm_allow), &cfg);
	wr(&r, HVG_MSR_IA32_XFD, both, &d);
	ck_assert_int_eq(hvg_xfd_xsetbv(&r.st, XCR0_AMX | f20, false, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_XCR0, XCR0_AMX | f20, 0);
	/* Enable 18 only: needs room for 18; asks for every permitted one. */
	wr(&r, HVG_MSR_IA32_XFD, f20, &d);
	expect(&d, HVG_XFD_REALLOC, HVG_XFD_OP_XFD, both, 0);
	ck_assert_int_eq(hvg_xfd_set_buffer(&r.st, BUF_FULL, &d), 0);
	ck_assert_int_eq(hvg_xfd_complete(&r.st, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_XFD, f20, 0);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), IC);
	ck_assert(!xfd_w_passed(&r));
	/* Enabling 20 now needs the second reallocation, then passes. */
	wr(&r, HVG_MSR_IA32_XFD, 0, &d);
	expect(&d, HVG_XFD_REALLOC, HVG_XFD_OP_XFD, both, 0);
	ck_assert_int_eq(hvg_xfd_set_buffer(&r.st, BUF_FULL | f20, &d), 0);
	ck_assert_int_eq(hvg_xfd_complete(&r.st, &d), 0);
	/* XFD = 0, yet #NM stays: the guest can set it without an exit. */
	expect(&d, DONE, HVG_XFD_OP_XFD, 0, MAP);
	ck_assert(xfd_w_passed(&r));
}
END_TEST

/*
 * XFD bits of components the guest may disable but is not permitted to
 * use (a hypothetical component 20): writes are valid, never need room,
 * and do not count as enabling a dynamic feature.
 */
START_TEST(non_permitted_components_are_not_dynamic)
{
	struct hvg_xfd_config cfg = amx_cfg(HVG_XFD_POLICY_SECOND_ENABLE,
					    BUF_SMALL);
	const u64 f20 = BIT_ULL(20);
	struct hvg_xfd_decision d;
	struct rig r;

	cfg.xfd_caps = XTILE_DATA | f20;
	rig_setup(&r, HVG_MSRMAP_VMX, kvm_allow, ARRAY_SIZE(kvm_allow), &cfg);
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA | f20, &d);
	expect(&d, DONE, HVG_XFD_OP_XFD, XTILE_DATA | f20, NM_ON);
	ck_assert_int_eq(hvg_xfd_xsetbv(&r.st, XCR0_AMX | f20, false, &d), 0);
	/* Clearing XFD[20] enables nothing the guest may use. */
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
	expect(&d, DONE, HVG_XFD_OP_XFD, XTILE_DATA, 0);
	ck_assert_int_eq(hvg_xfd_set_buffer(&r.st, BUF_FULL, &d), 0);
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA | f20, &d);
	expect(&d, DONE, HVG_XFD_OP_XFD, XTILE_DATA | f20, 0);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), IC);
	/* Clearing XFD[18] does, and the buffer holds it: option 3 passes. */
	wr(&r, HVG_MSR_IA32_XFD, f20, &d);
	expect(&d, DONE, HVG_XFD_OP_XFD, f20, MAP);
	ck_assert(xfd_w_passed(&r));
}
END_TEST

/* ---- guest and host accesses, XSETBV, errors ------------------------------ */

START_TEST(wrmsr_gp_and_errors_change_nothing)
{
	struct hvg_xfd_decision d, d0;
	struct hvg_xfd_state st0;
	struct rig r;

	rig_init(&r, HVG_XFD_POLICY_UPSTREAM, BUF_SMALL);
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
	ck_assert_int_eq(hvg_xfd_xsetbv(&r.st, XCR0_AMX, false, &d), 0);
	memcpy(map_snap, map_mem, sizeof(map_mem));
	st0 = r.st;
	hvg_env_trace_count = 0;

	/* XTILECFG (17) does not support XFD: its bit is reserved. */
	memset(&d, 0x5a, sizeof(d));
	wr(&r, HVG_MSR_IA32_XFD, XTILE_CFG, &d);
	ck_assert_uint_eq(d.action, HVG_XFD_GP);
	ck_assert_uint_eq(d.diag, HVG_XFD_DIAG_RESERVED);
	ck_assert_uint_eq(d.op, HVG_XFD_OP_XFD);
	ck_assert_uint_eq(d.value, 0);
	ck_assert_uint_eq(d.flags, 0);
	wr(&r, HVG_MSR_IA32_XFD_ERR, BIT_ULL(63), &d);
	ck_assert_uint_eq(d.action, HVG_XFD_GP);
	ck_assert_uint_eq(d.diag, HVG_XFD_DIAG_RESERVED);
	ck_assert_uint_eq(d.op, HVG_XFD_OP_XFD_ERR);
	/* The failed check was traced with its diagnostic. */
	ck_assert_uint_eq(hvg_env_trace_count, 2);
	ck_assert_uint_eq(hvg_env_trace_last, HVG_XFD_DIAG_RESERVED);

	memset(&d, 0x5a, sizeof(d));
	d0 = d;
	ck_assert_int_eq(hvg_xfd_wrmsr(NULL, HVG_MSR_IA32_XFD, 0, false, &d),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_xfd_wrmsr(&r.st, HVG_MSR_IA32_XFD, 0, false,
				       NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_xfd_wrmsr(&r.st, 0x1c6, 0, false, &d),
			 -HVG_ENOENT);
	ck_assert_int_eq(hvg_xfd_wrmsr(&r.st, 0x1c3, 0, true, &d),
			 -HVG_ENOENT);
	/* Host-initiated: a reserved bit, and a value that needs room. */
	ck_assert_int_eq(hvg_xfd_wrmsr(&r.st, HVG_MSR_IA32_XFD, XTILE_CFG,
				       true, &d), -HVG_ERANGE);
	ck_assert_int_eq(hvg_xfd_wrmsr(&r.st, HVG_MSR_IA32_XFD_ERR, 0x3, true,
				       &d), -HVG_ERANGE);
	ck_assert_int_eq(hvg_xfd_wrmsr(&r.st, HVG_MSR_IA32_XFD, 0, true, &d),
			 -HVG_ENOSPC);
	ck_assert(!memcmp(&d, &d0, sizeof(d)));
	ck_assert(!memcmp(&st0, &r.st, sizeof(st0)));
	ck_assert(!memcmp(map_snap, map_mem, sizeof(map_mem)));

	/* While a write waits for the VMM, IA32_XFD and XCR0 cannot change. */
	wr(&r, HVG_MSR_IA32_XFD, 0, &d);
	ck_assert_uint_eq(d.action, HVG_XFD_REALLOC);
	st0 = r.st;
	d = d0;
	ck_assert_int_eq(hvg_xfd_wrmsr(&r.st, HVG_MSR_IA32_XFD, XTILE_DATA,
				       true, &d), -HVG_ESTATE);
	ck_assert_int_eq(hvg_xfd_wrmsr(&r.st, HVG_MSR_IA32_XFD, XTILE_CFG,
				       false, &d), -HVG_ESTATE);
	ck_assert_int_eq(hvg_xfd_xsetbv(&r.st, XCR0_NO_AMX, true, &d),
			 -HVG_ESTATE);
	ck_assert(!memcmp(&d, &d0, sizeof(d)));
	ck_assert(!memcmp(&st0, &r.st, sizeof(st0)));
	/* IA32_XFD_ERR can (KVM_SET_MSRS during the exit to the VMM). */
	ck_assert_int_eq(hvg_xfd_wrmsr(&r.st, HVG_MSR_IA32_XFD_ERR, XTILE_DATA,
				       true, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_XFD_ERR, XTILE_DATA, 0);
}
END_TEST

START_TEST(guest_without_xfd)
{
	struct hvg_xfd_config cfg = {
		.buffer = BUF_SMALL, .policy = HVG_XFD_POLICY_UPSTREAM,
	};
	struct hvg_xfd_decision d;
	struct rig r;

	rig_setup(&r, HVG_MSRMAP_VMX, kvm_allow, ARRAY_SIZE(kvm_allow), &cfg);
	/* Neither MSR exists for it: every guest access is #GP. */
	wr(&r, HVG_MSR_IA32_XFD, 0, &d);
	ck_assert_uint_eq(d.action, HVG_XFD_GP);
	ck_assert_uint_eq(d.diag, HVG_XFD_DIAG_NO_XFD);
	wr(&r, HVG_MSR_IA32_XFD_ERR, 0, &d);
	ck_assert_uint_eq(d.diag, HVG_XFD_DIAG_NO_XFD);
	ck_assert_int_eq(hvg_xfd_rdmsr(&r.st, HVG_MSR_IA32_XFD, false, &d), 0);
	ck_assert_uint_eq(d.action, HVG_XFD_GP);
	ck_assert_uint_eq(d.diag, HVG_XFD_DIAG_NO_XFD);
	ck_assert_int_eq(hvg_xfd_rdmsr(&r.st, HVG_MSR_IA32_XFD_ERR, false,
				       &d), 0);
	ck_assert_uint_eq(d.action, HVG_XFD_GP);
	/* XFD_ERR reads are not passed through (reference (b).1). */
	ck_assert_uint_eq(map_mem[VMX_RD_BYTE], 0xff);
	/* The VMM may write 0 (no bit is valid) and read both. */
	ck_assert_int_eq(hvg_xfd_wrmsr(&r.st, HVG_MSR_IA32_XFD, 0, true, &d),
			 0);
	expect(&d, DONE, HVG_XFD_OP_XFD, 0, 0);
	ck_assert_int_eq(hvg_xfd_wrmsr(&r.st, HVG_MSR_IA32_XFD, XTILE_DATA,
				       true, &d), -HVG_ERANGE);
	ck_assert_uint_eq(lib_read(&r, HVG_MSR_IA32_XFD), 0);
	ck_assert_uint_eq(lib_read(&r, HVG_MSR_IA32_XFD_ERR), 0);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), IC);
}
END_TEST

START_TEST(rdmsr_values_and_errors)
{
	struct hvg_xfd_decision d, d0;
	struct rig r;

	rig_init(&r, HVG_XFD_POLICY_UPSTREAM, BUF_SMALL);
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
	wr(&r, HVG_MSR_IA32_XFD_ERR, XTILE_DATA, &d);
	ck_assert_int_eq(hvg_xfd_rdmsr(&r.st, HVG_MSR_IA32_XFD, false, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_XFD, XTILE_DATA, 0);
	ck_assert_int_eq(hvg_xfd_rdmsr(&r.st, HVG_MSR_IA32_XFD_ERR, false,
				       &d), 0);
	expect(&d, DONE, HVG_XFD_OP_XFD_ERR, XTILE_DATA, 0);
	memset(&d, 0x5a, sizeof(d));
	d0 = d;
	ck_assert_int_eq(hvg_xfd_rdmsr(NULL, HVG_MSR_IA32_XFD, true, &d),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_xfd_rdmsr(&r.st, HVG_MSR_IA32_XFD, true, NULL),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_xfd_rdmsr(&r.st, HVG_MSR_IA32_TSC, true, &d),
			 -HVG_ENOENT);
	ck_assert(!memcmp(&d, &d0, sizeof(d)));
}
END_TEST

/*
 * At RESET XFD = 0, so an XSETBV that enables AMX makes tile data usable
 * at once: it needs the room first, as a write does.
 */
START_TEST(xsetbv_needs_room_too)
{
	struct hvg_xfd_decision d, d0;
	struct hvg_xfd_state st0;
	struct rig r;

	rig_init(&r, HVG_XFD_POLICY_FIRST_WRITE, BUF_SMALL);
	st0 = r.st;
	memset(&d, 0x5a, sizeof(d));
	d0 = d;
	ck_assert_int_eq(hvg_xfd_xsetbv(NULL, XCR0_AMX, false, &d),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_xfd_xsetbv(&r.st, XCR0_AMX, false, NULL),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_xfd_xsetbv(&r.st, XCR0_AMX, true, &d),
			 -HVG_ENOSPC);
	ck_assert(!memcmp(&d, &d0, sizeof(d)));
	ck_assert(!memcmp(&st0, &r.st, sizeof(st0)));

	ck_assert_int_eq(hvg_xfd_xsetbv(&r.st, XCR0_AMX, false, &d), 0);
	expect(&d, HVG_XFD_REALLOC, HVG_XFD_OP_XCR0, XTILE_DATA, 0);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), PEND);
	ck_assert_int_eq(hvg_xfd_complete(&r.st, &d), 0);
	expect(&d, HVG_XFD_RETRY, HVG_XFD_OP_XCR0, XCR0_AMX, 0);
	/* Option 1 commits on an IA32_XFD write only, not on XSETBV. */
	ck_assert_int_eq(hvg_xfd_xsetbv(&r.st, XCR0_AMX, false, &d), 0);
	ck_assert_int_eq(hvg_xfd_set_buffer(&r.st, BUF_FULL, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_NONE, BUF_FULL, 0);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), PEND);
	ck_assert_int_eq(hvg_xfd_complete(&r.st, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_XCR0, XCR0_AMX, 0);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), IC);
	/* Leaving AMX out again needs nothing. */
	ck_assert_int_eq(hvg_xfd_xsetbv(&r.st, XCR0_NO_AMX, true, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_XCR0, XCR0_NO_AMX, 0);
}
END_TEST

START_TEST(buffer_reports_and_completion_errors)
{
	struct hvg_xfd_decision d, d0;
	struct hvg_xfd_state st0;
	struct rig r;

	rig_init(&r, HVG_XFD_POLICY_UPSTREAM, BUF_SMALL);
	memset(&d, 0x5a, sizeof(d));
	d0 = d;
	ck_assert_int_eq(hvg_xfd_set_buffer(NULL, BUF_FULL, &d), -HVG_EINVAL);
	ck_assert_int_eq(hvg_xfd_set_buffer(&r.st, BUF_FULL, NULL),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_xfd_complete(NULL, &d), -HVG_EINVAL);
	ck_assert_int_eq(hvg_xfd_complete(&r.st, NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_xfd_refresh(NULL, &d), -HVG_EINVAL);
	ck_assert_int_eq(hvg_xfd_refresh(&r.st, NULL), -HVG_EINVAL);
	st0 = r.st;
	/* Nothing waits. */
	ck_assert_int_eq(hvg_xfd_complete(&r.st, &d), -HVG_ESTATE);
	ck_assert(!memcmp(&d, &d0, sizeof(d)));
	ck_assert(!memcmp(&st0, &r.st, sizeof(st0)));

	/* The guest uses tile data: the buffer cannot lose it. */
	ck_assert_int_eq(hvg_xfd_set_buffer(&r.st, BUF_FULL, &d), 0);
	ck_assert_int_eq(hvg_xfd_xsetbv(&r.st, XCR0_AMX, false, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_XCR0, XCR0_AMX, 0);
	st0 = r.st;
	d = d0;
	ck_assert_int_eq(hvg_xfd_set_buffer(&r.st, BUF_SMALL, &d),
			 -HVG_ENOSPC);
	ck_assert(!memcmp(&d, &d0, sizeof(d)));
	ck_assert(!memcmp(&st0, &r.st, sizeof(st0)));
	/* Once passed through, every permitted feature must stay. */
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), PT);
	st0 = r.st;
	d = d0;
	ck_assert_int_eq(hvg_xfd_set_buffer(&r.st, BUF_SMALL, &d),
			 -HVG_ENOSPC);
	ck_assert_int_eq(hvg_xfd_complete(&r.st, &d), -HVG_ESTATE);
	ck_assert(!memcmp(&d, &d0, sizeof(d)));
	ck_assert(!memcmp(&st0, &r.st, sizeof(st0)));
	ck_assert_int_eq(hvg_xfd_set_buffer(&r.st, BUF_FULL | BIT_ULL(9), &d),
			 0);
	expect(&d, DONE, HVG_XFD_OP_NONE, BUF_FULL | BIT_ULL(9), 0);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), PT);
}
END_TEST

/* ---- the map decides: allow list, filter, other owners, SVM ---------------- */

static const u8 deny_bits[1];

static struct hvg_msr_filter deny_xfd_writes(void)
{
	struct hvg_msr_filter f = {
		.flags = HVG_MSR_FILTER_DEFAULT_ALLOW, .nr_ranges = 1,
	};

	f.ranges[0] = (struct hvg_msr_filter_range) {
		HVG_MSR_WRITE, 1, HVG_MSR_IA32_XFD, deny_bits,
	};
	return f;
}

/*
 * The userspace filter denies IA32_XFD writes after the policy passed them
 * through: the map intercepts them again, so no sync is requested, writes
 * exit and are emulated, and #NM stays intercepted. Removing the filter
 * passes them through again from the stored wish.
 */
START_TEST(filter_denying_writes_keeps_them_emulated)
{
	struct hvg_msr_filter f = deny_xfd_writes();
	struct hvg_xfd_decision d;
	struct hvg_xfd_state st0;
	struct rig r;

	rig_init(&r, HVG_XFD_POLICY_UPSTREAM, BUF_FULL);
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
	ck_assert(xfd_w_passed(&r));
	ck_assert(hvg_xfd_exit_sync(&r.st));

	ck_assert_int_eq(hvg_msr_policy_set_filter(&r.pol, &f), 0);
	ck_assert(!xfd_w_passed(&r));
	/* Reads are not filtered: still passed through. */
	ck_assert(!hvg_msrmap_intercepts(&r.map, HVG_MSR_IA32_XFD,
					 HVG_MSR_READ));
	ck_assert(!hvg_xfd_exit_sync(&r.st));
	st0 = r.st;
	ck_assert_int_eq(hvg_xfd_sync(&r.st, 0), -HVG_ESTATE);
	ck_assert(!memcmp(&st0, &r.st, sizeof(st0)));
	ck_assert_int_eq(hvg_xfd_refresh(&r.st, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_NONE, 0, 0);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), PT);

	/* A write exits and is emulated; #NM stays on with XFD = 0. */
	wr(&r, HVG_MSR_IA32_XFD, 0, &d);
	expect(&d, DONE, HVG_XFD_OP_XFD, 0, 0);
	ck_assert(hvg_xfd_nm_intercept(&r.st));
	ck_assert_uint_eq(lib_read(&r, HVG_MSR_IA32_XFD), 0);

	ck_assert_int_eq(hvg_msr_policy_set_filter(&r.pol, NULL), 0);
	ck_assert(xfd_w_passed(&r));
	ck_assert(hvg_xfd_exit_sync(&r.st));
	ck_assert_int_eq(hvg_xfd_sync(&r.st, XTILE_DATA), 0);
	ck_assert_uint_eq(lib_read(&r, HVG_MSR_IA32_XFD), XTILE_DATA);
}
END_TEST

/* A filter in force from the start: the decision is taken, nothing passes. */
START_TEST(filter_from_the_start)
{
	struct hvg_msr_filter f = deny_xfd_writes();
	struct hvg_xfd_decision d;
	struct rig r;

	rig_init(&r, HVG_XFD_POLICY_UPSTREAM, BUF_FULL);
	ck_assert_int_eq(hvg_msr_policy_set_filter(&r.pol, &f), 0);
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
	/* The wish is recorded, reads change; the write bit does not. */
	expect(&d, DONE, HVG_XFD_OP_XFD, XTILE_DATA, NM_ON | MAP);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), PT);
	ck_assert(!xfd_w_passed(&r));
	ck_assert_uint_eq(map_mem[VMX_WR_BYTE], 0xff);
	ck_assert(!hvg_xfd_exit_sync(&r.st));
}
END_TEST

START_TEST(allow_list_without_xfd)
{
	static const struct hvg_msr_allow no_xfd[] = {
		{ HVG_MSR_IA32_TSC, HVG_MSR_READ },
	};
	static const struct hvg_msr_allow reads_only[] = {
		{ HVG_MSR_IA32_TSC, HVG_MSR_READ },
		{ HVG_MSR_IA32_XFD, HVG_MSR_READ },
	};
	struct hvg_xfd_config cfg = amx_cfg(HVG_XFD_POLICY_UPSTREAM, BUF_FULL);
	struct hvg_xfd_decision d;
	struct rig r;

	/* Never passed through: writes stay emulated, #NM follows XFD. */
	rig_setup(&r, HVG_MSRMAP_VMX, no_xfd, ARRAY_SIZE(no_xfd), &cfg);
	ck_assert_uint_eq(map_mem[VMX_RD_BYTE], 0xff);
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
	expect(&d, DONE, HVG_XFD_OP_XFD, XTILE_DATA, NM_ON);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), IC);
	ck_assert(!hvg_xfd_exit_sync(&r.st));
	wr(&r, HVG_MSR_IA32_XFD, 0, &d);
	expect(&d, DONE, HVG_XFD_OP_XFD, 0, NM_OFF);
	ck_assert(!hvg_xfd_nm_intercept(&r.st));

	/* Reads alone are not pass-through of writes. */
	rig_setup(&r, HVG_MSRMAP_VMX, reads_only, ARRAY_SIZE(reads_only),
		  &cfg);
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), IC);
	ck_assert_uint_eq(map_mem[VMX_RD_BYTE], 0xff);
}
END_TEST

/* The allow list gives IA32_XFD writes only: writes pass, reads exit. */
START_TEST(allow_list_with_writes_only)
{
	static const struct hvg_msr_allow writes_only[] = {
		{ HVG_MSR_IA32_TSC, HVG_MSR_READ },
		{ HVG_MSR_IA32_XFD, HVG_MSR_WRITE },
		{ HVG_MSR_IA32_XFD_ERR, HVG_MSR_READ },
	};
	struct hvg_xfd_config cfg = amx_cfg(HVG_XFD_POLICY_UPSTREAM, BUF_FULL);
	struct hvg_xfd_decision d;
	struct rig r;

	rig_setup(&r, HVG_MSRMAP_VMX, writes_only, ARRAY_SIZE(writes_only),
		  &cfg);
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
	ck_assert_uint_eq(hvg_xfd_mode(&r.st), PT);
	ck_assert_uint_eq(map_mem[VMX_WR_BYTE], (u8)~XFD_BIT);
	ck_assert_uint_eq(map_mem[VMX_RD_BYTE], (u8)~XFD_ERR_BIT);
	/* An intercepted read after a direct write: synced first. */
	ck_assert(hvg_xfd_exit_sync(&r.st));
	ck_assert_int_eq(hvg_xfd_sync(&r.st, 0), 0);
	ck_assert_int_eq(hvg_xfd_rdmsr(&r.st, HVG_MSR_IA32_XFD, false, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_XFD, 0, 0);
}
END_TEST

/*
 * Another owner passing IA32_XFD writes through (a misconfigured base set):
 * the map is the truth, so exits sync; hvg_xfd_refresh() turns #NM on.
 */
START_TEST(another_owner_passing_writes)
{
	struct hvg_xfd_decision d;
	struct rig r;

	rig_init(&r, HVG_XFD_POLICY_SECOND_ENABLE, BUF_SMALL);
	ck_assert(!hvg_xfd_nm_intercept(&r.st));
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, HVG_MSR_OWNER_HV,
					     HVG_MSR_IA32_XFD, HVG_MSR_WRITE),
			 0);
	ck_assert(hvg_xfd_exit_sync(&r.st));
	ck_assert(hvg_xfd_nm_intercept(&r.st));
	ck_assert_int_eq(hvg_xfd_refresh(&r.st, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_NONE, 0, NM_ON);
	ck_assert_int_eq(hvg_xfd_refresh(&r.st, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_NONE, 0, 0);
	ck_assert_int_eq(hvg_xfd_sync(&r.st, XTILE_DATA), 0);
	ck_assert_uint_eq(lib_read(&r, HVG_MSR_IA32_XFD), XTILE_DATA);
	/* Init sees it too. */
	ck_assert_int_eq(hvg_xfd_init(&r.st, &r.pol, &r.cfg), 0);
	ck_assert(hvg_xfd_nm_intercept(&r.st));
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, HVG_MSR_OWNER_HV,
					     HVG_MSR_IA32_XFD, 0), 0);
	ck_assert_int_eq(hvg_xfd_refresh(&r.st, &d), 0);
	expect(&d, DONE, HVG_XFD_OP_NONE, 0, NM_OFF);
}
END_TEST

/* Only IA32_XFD's bits move, at the places the SDM and the APM give. */
START_TEST(map_bits_at_the_manual_positions)
{
	struct hvg_xfd_config cfg = amx_cfg(HVG_XFD_POLICY_UPSTREAM, BUF_FULL);
	struct hvg_xfd_decision d;
	unsigned int clear = 0;
	struct rig r;
	size_t i;

	rig_init(&r, HVG_XFD_POLICY_UPSTREAM, BUF_FULL);
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
	for (i = 0; i < HVG_VMX_MSR_BITMAP_SIZE; i++)
		clear += 8 - __builtin_popcount(map_mem[i]);
	/* TSC read, XFD_ERR read, XFD read and write. */
	ck_assert_uint_eq(clear, 4);
	ck_assert_uint_eq(map_mem[0x002], 0xfe);
	ck_assert_uint_eq(map_mem[VMX_RD_BYTE], (u8)~(XFD_BIT | XFD_ERR_BIT));
	ck_assert_uint_eq(map_mem[VMX_WR_BYTE], (u8)~XFD_BIT);

	rig_setup(&r, HVG_MSRMAP_SVM, kvm_allow, ARRAY_SIZE(kvm_allow), &cfg);
	ck_assert_uint_eq(map_mem[SVM_BYTE], (u8)~SVM_ERR_RD);
	ck_assert(!hvg_xfd_exit_sync(&r.st));
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
	ck_assert_uint_eq(map_mem[SVM_BYTE],
			  (u8)~(SVM_ERR_RD | SVM_XFD_RD | SVM_XFD_WR));
	ck_assert(!(map_mem[SVM_BYTE] & SVM_XFD_WR));
	ck_assert(map_mem[SVM_BYTE] & SVM_ERR_WR);
	ck_assert(hvg_xfd_exit_sync(&r.st));
}
END_TEST

/* ---- #NM, IA32_XFD_ERR --------------------------------------------------- */

START_TEST(nm_and_xfd_err_rules)
{
	struct hvg_xfd_decision d;
	struct rig r;
	u64 v = 0;

	rig_init(&r, HVG_XFD_POLICY_UPSTREAM, BUF_SMALL);
	/* XFD = 0: a #NM is not an XFD #NM; XFD_ERR is not read. */
	ck_assert(!hvg_xfd_nm_exit(&r.st, false));
	wr(&r, HVG_MSR_IA32_XFD, XTILE_DATA, &d);
	expect(&d, DONE, HVG_XFD_OP_XFD, XTILE_DATA, NM_ON);
	/* CR0.TS = 1: the #NM comes from TS, XFD_ERR is not written (SDM). */
	ck_assert(!hvg_xfd_nm_exit(&r.st, true));
	ck_assert(hvg_xfd_nm_exit(&r.st, false));
	ck_assert_int_eq(hvg_xfd_save_err(&r.st, XTILE_DATA), 0);
	/* Zeroed for the host after every exit, restored before every entry. */
	ck_assert(hvg_xfd_exit_err_reset(&r.st));
	ck_assert(hvg_xfd_entry_err(&r.st, &v));
	ck_assert_uint_eq(v, XTILE_DATA);
	ck_assert(hvg_xfd_exit_err_reset(&r.st));
	ck_assert_uint_eq(lib_read(&r, HVG_MSR_IA32_XFD_ERR), XTILE_DATA);
	/* The guest's #NM handler clears it (an intercepted write). */
	wr(&r, HVG_MSR_IA32_XFD_ERR, 0, &d);
	expect(&d, DONE, HVG_XFD_OP_XFD_ERR, 0, 0);
	ck_assert(!hvg_xfd_exit_err_reset(&r.st));
	v = 7;
	ck_assert(!hvg_xfd_entry_err(&r.st, &v));
	ck_assert_uint_eq(v, 7);
	/* Disabling nothing turns #NM off while writes are intercepted. */
	wr(&r, HVG_MSR_IA32_XFD, 0, &d);
	expect(&d, DONE, HVG_XFD_OP_XFD, 0, NM_OFF);
}
END_TEST

START_TEST(hot_path_null_answers)
{
	u64 v = 5;
	struct rig r;

	rig_init(&r, HVG_XFD_POLICY_UPSTREAM, BUF_SMALL);
	ck_assert(hvg_xfd_exit_sync(NULL));
	ck_assert(hvg_xfd_exit_err_reset(NULL));
	ck_assert(!hvg_xfd_entry_err(NULL, &v));
	ck_assert_int_eq(hvg_xfd_save_err(&r.st, 1), 0);
	ck_assert(!hvg_xfd_entry_err(&r.st, NULL));
	ck_assert_uint_eq(v, 5);
	ck_assert(!hvg_xfd_nm_exit(NULL, false));
	ck_assert(!hvg_xfd_nm_intercept(NULL));
	ck_assert_int_eq(hvg_xfd_sync(NULL, 0), -HVG_EINVAL);
	ck_assert_int_eq(hvg_xfd_save_err(NULL, 0), -HVG_EINVAL);
}
END_TEST

/*
 * The Dec-2025 fix: XSTATE_BV[i] cleared whenever XFD[i] = 1. Values of
 * the reference: XTILE_DATA is component 18, XFD = 0x40000; an AMX task's
 * saved header has x87, SSE, AVX, XTILECFG and XTILEDATA = 0x60007.
 */
START_TEST(xstate_bv_mask_from_the_reference)
{
	ck_assert_uint_eq(hvg_xfd_xstate_bv(0x60007, 0x40000), 0x20007);
	ck_assert_uint_eq(hvg_xfd_xstate_bv(0x60007, 0), 0x60007);
	ck_assert_uint_eq(hvg_xfd_xstate_bv(0x20007, 0x40000), 0x20007);
	ck_assert_uint_eq(hvg_xfd_xstate_bv(0x40000, 0x40000), 0);
	ck_assert_uint_eq(hvg_xfd_xstate_bv(0x2e7, 0x40000), 0x2e7);
	/* Every bit independently, across the whole word. */
	ck_assert_uint_eq(hvg_xfd_xstate_bv(~0ULL, 0x40000),
			  ~0ULL ^ 0x40000);
	ck_assert_uint_eq(hvg_xfd_xstate_bv(0x8000000000060007ULL,
					    0x8000000000040000ULL), 0x20007);
}
END_TEST

/* ---- exhaustive: every sequence of up to 8 events ---------------------------
 *
 * The library runs inside a model of the processor, the guest, the glue and
 * the VMM, written from the SDM, the seed and the reference:
 *
 *  - processor: IA32_XFD and IA32_XFD_ERR; a write goes to hardware when
 *    the policy's map does not intercept it; an AMX instruction with XFD[18]
 *    = 1 raises #NM and sets XFD_ERR[18], with XFD[18] = 0 it makes tile
 *    state non-initial; XSAVE saves XSTATE_BV[i] = 0 when XFD[i] = 1;
 *    XRSTOR of XSTATE_BV[i] = 1 with XFD[i] = 1 is #NM (in the host);
 *  - glue: the order of include/hvgate/xfd.h around exits and entries;
 *    its own copy of the guest's XFD, updated from decisions and syncs and
 *    loaded at entry; its exception bitmap's bit 7, set and cleared by the
 *    NM flags; worst case, a host IRQ saves the guest FPU at every exit;
 *  - VMM: reallocates (the buffer then holds tile data) or fails, and
 *    returns to KVM_RUN.
 *
 * Events: guest WRMSR IA32_XFD of 0, 0x40000 and 0x20000 (reserved), XSETBV
 * with and without AMX, guest WRMSR IA32_XFD_ERR = 0, reallocation
 * succeeds, reallocation fails, the VMM returns (reallocated or not), a VM
 * exit, an AMX instruction (#NM when XFD[18] = 1), VM entry, and a new
 * userspace filter that denies or allows IA32_XFD writes. An event that
 * cannot happen where the vCPU is (a guest write while in the VMM) changes
 * nothing.
 *
 * After every step: writes are never passed through unless the buffer holds
 * every permitted feature; a sync is requested after exactly the exits
 * where writes are not intercepted, and the host's copy then equals the
 * hardware; XFD_ERR is never lost (the host's copy equals the guest's
 * architectural value, hardware holds it in the guest and 0 in the host);
 * the host never restores disabled tile state; what the guest reads is
 * its architectural value; the policy passes writes through exactly when
 * the texts say; #NM is intercepted exactly while the guest's XFD is
 * non-zero, writes pass, or pass-through was decided.
 *
 * Enumeration: breadth-first over distinct states. A state is everything
 * the library and the model hold (the xfd state, the policy's slots and
 * map bytes for 0x1c4/0x1c5, every model variable); each step is a
 * function of (state, event) alone, and so are the checks. A sequence of
 * up to 8 events is a path of up to 8 steps from the initial state; every
 * state on it is reached within its depth, so expanding every distinct
 * state reached in at most 7 steps with every event checks every step of
 * every such sequence, at the cost of distinct states times events
 * instead of 13^8. The search goes on until no new state appears (the
 * variables are bounded), which covers sequences of any length; it
 * asserts that this fixpoint lies at depth 8 or beyond. Each run has a
 * few hundred states and takes milliseconds, under valgrind too.
 */

#define MAX_DEPTH	8

enum m_loc { IN_HOST, IN_GUEST, IN_VMM };

enum m_event {
	EV_WR_0, EV_WR_AMX_OFF, EV_WR_RESERVED, EV_XCR0_AMX, EV_XCR0_NO_AMX,
	EV_ERR_CLEAR, EV_REALLOC_OK, EV_REALLOC_FAIL, EV_VMM_RETURN, EV_EXIT,
	EV_AMX_USE, EV_ENTRY, EV_FILTER, EV_NR,
};

static const char *const ev_names[EV_NR + 1] = {
	"wrmsr(XFD,0)", "wrmsr(XFD,0x40000)", "wrmsr(XFD,0x20000)",
	"xsetbv(AMX)", "xsetbv(no AMX)", "wrmsr(XFD_ERR,0)", "realloc-ok",
	"realloc-fail", "vmm-return", "exit", "amx-insn", "entry", "filter",
	"init",
};

/* Everything a step depends on; compared as bytes, so no padding. */
struct m_key {
	struct hvg_xfd_state st;
	struct hvg_msr_slot slots[ARRAY_SIZE(kvm_allow)];
	u64 hw_xfd, sw_xfd, arch_xfd, hw_err, arch_err, xcr0, buffer;
	u64 pend_val;
	u8 map_rd, map_wr, loc, nm_bit, tile, bv18, pt, pend_kind;
	u8 filter, pad[7];
};

struct m_node {
	struct m_key k;
	u32 parent;
	u8 ev;
};

/* The run's configuration and the scratch vCPU every state is loaded into. */
static struct {
	u32 policy;
	bool allow_xfd;
	struct hvg_msrmap map;
	struct hvg_msr_policy pol;
	struct hvg_msr_slot slots[ARRAY_SIZE(kvm_allow)];
	struct hvg_msr_filter deny;
	struct m_node *nodes;
	size_t nr, cap;
	u32 *table;
	size_t table_size;
	u32 cur;
	u8 cur_ev;
	u32 seen;	/* SEEN_*: paths taken, to prove the test not vacuous */
} M;

#define SEEN_GP		BIT(0)
#define SEEN_REALLOC	BIT(1)
#define SEEN_RETRY	BIT(2)
#define SEEN_SYNC	BIT(3)
#define SEEN_ERR_SAVED	BIT(4)
#define SEEN_BV_MASKED	BIT(5)
#define SEEN_PEND_PT	BIT(6)
#define SEEN_NM_OFF	BIT(7)
#define SEEN_ALL	(BIT(8) - 1)

static void m_fail(const char *what, int line)
{
	char path[512];
	int n = 0, depth = 0;
	u32 trail[MAX_DEPTH + 1], i;

	trail[depth++] = M.cur_ev;
	for (i = M.cur; i && depth <= MAX_DEPTH; i = M.nodes[i].parent)
		trail[depth++] = M.nodes[i].ev;
	while (depth-- > 0 && n < (int)sizeof(path) - 32)
		n += snprintf(path + n, sizeof(path) - n, "%s%s",
			      ev_names[trail[depth]], depth ? ", " : "");
	ck_abort_msg("policy %u allow %d: line %d: %s after: %s", M.policy,
		     M.allow_xfd, line, what, path);
}

#define MCHECK(cond)	do { if (!(cond)) m_fail(#cond, __LINE__); } while (0)

static u64 m_live(u64 xcr0, u64 xfd)
{
	return XTILE_DATA & xcr0 & ~xfd;
}

static bool m_full(u64 buffer)
{
	return buffer & XTILE_DATA;
}

static bool m_writes_pass(void)
{
	return !hvg_msrmap_intercepts(&M.map, HVG_MSR_IA32_XFD, HVG_MSR_WRITE);
}

static u64 m_lib_read(const struct m_key *w, u32 msr)
{
	struct hvg_xfd_decision d;

	MCHECK(!hvg_xfd_rdmsr(&w->st, msr, true, &d));
	MCHECK(d.action == HVG_XFD_DONE);
	return d.value;
}

/* A decision's side effects, as the glue applies them; change-only flags. */
static void m_apply(struct m_key *w, const struct hvg_xfd_decision *d,
		    u8 rd0, u8 wr0)
{
	bool map_moved = M.map.bits[VMX_RD_BYTE] != rd0 ||
			 M.map.bits[VMX_WR_BYTE] != wr0;

	MCHECK(!!(d->flags & HVG_XFD_F_MAP) == map_moved);
	MCHECK(!(d->flags & HVG_XFD_F_NM_ON) || !w->nm_bit);
	MCHECK(!(d->flags & HVG_XFD_F_NM_OFF) || w->nm_bit);
	if (d->flags & HVG_XFD_F_NM_ON)
		w->nm_bit = 1;
	if (d->flags & HVG_XFD_F_NM_OFF)
		w->nm_bit = 0;
	M.seen |= d->action == HVG_XFD_GP ? SEEN_GP : 0;
	M.seen |= d->action == HVG_XFD_REALLOC ? SEEN_REALLOC : 0;
	M.seen |= d->action == HVG_XFD_RETRY ? SEEN_RETRY : 0;
	M.seen |= d->flags & HVG_XFD_F_NM_OFF ? SEEN_NM_OFF : 0;
	M.seen |= hvg_xfd_mode(&w->st) == HVG_XFD_PENDING_PASSTHROUGH ?
		  SEEN_PEND_PT : 0;
}

/* The texts' trigger for an applied IA32_XFD write of @v. */
static void m_policy_on_write(struct m_key *w, u64 v, bool completion)
{
	bool enables = m_live(w->xcr0, v);

	if (!M.allow_xfd || !m_full(w->buffer))
		return;
	switch (M.policy) {
	case HVG_XFD_POLICY_UPSTREAM:		/* any non-zero write */
		w->pt |= v != 0;
		break;
	case HVG_XFD_POLICY_SECOND_ENABLE:	/* an enabling write, not the
						 * one that reallocated */
		w->pt |= !completion && enables;
		break;
	case HVG_XFD_POLICY_ON_COMPLETION:	/* coming back from the VMM */
	case HVG_XFD_POLICY_FIRST_WRITE:	/* (committed at the write) */
		w->pt |= completion || enables;
		break;
	}
}

/* Glue: an emulated IA32_XFD write of @v took effect (FPU not loaded). */
static void m_xfd_done(struct m_key *w, u64 v, bool completion)
{
	w->arch_xfd = v;
	w->sw_xfd = v;
	M.seen |= w->bv18 && (v & XTILE_DATA) ? SEEN_BV_MASKED : 0;
	w->bv18 = !!(hvg_xfd_xstate_bv(w->bv18 ? XTILE_DATA : 0, v) &
		     XTILE_DATA);
	m_policy_on_write(w, v, completion);
}

static void m_exit(struct m_key *w, bool nm)
{
	bool pass = m_writes_pass(), sync = hvg_xfd_exit_sync(&w->st), r;

	MCHECK(sync == pass);
	if (sync) {
		M.seen |= SEEN_SYNC;
		MCHECK(!hvg_xfd_sync(&w->st, w->hw_xfd));
		w->sw_xfd = w->hw_xfd;
	}
	MCHECK(w->sw_xfd == w->hw_xfd);
	MCHECK(m_lib_read(w, HVG_MSR_IA32_XFD) == w->hw_xfd);
	/* A host IRQ saves the guest FPU under the guest's XFD. */
	w->bv18 = w->tile && !(w->hw_xfd & XTILE_DATA);
	if (nm) {
		r = hvg_xfd_nm_exit(&w->st, false);
		MCHECK(r == (w->hw_xfd != 0));
		if (r)
			MCHECK(!hvg_xfd_save_err(&w->st, w->hw_err));
		M.seen |= r ? SEEN_ERR_SAVED : 0;
	}
	if (hvg_xfd_exit_err_reset(&w->st))
		w->hw_err = 0;
	MCHECK(w->hw_err == 0);
	MCHECK(m_lib_read(w, HVG_MSR_IA32_XFD_ERR) == w->arch_err);
	w->loc = IN_HOST;
}

static void m_entry(struct m_key *w)
{
	u64 v = 0;

	w->hw_xfd = w->sw_xfd;
	MCHECK(w->hw_xfd == w->arch_xfd);
	/* XRSTOR of the guest state: no disabled component restored. */
	MCHECK(!(w->bv18 && (w->hw_xfd & XTILE_DATA)));
	w->tile = w->bv18;
	if (hvg_xfd_entry_err(&w->st, &v))
		w->hw_err = v;
	MCHECK(w->hw_err == w->arch_err);
	w->loc = IN_GUEST;
}

static bool m_guest_wrmsr_xfd(struct m_key *w, u64 v)
{
	struct hvg_xfd_decision d;
	u8 rd0, wr0;

	if (w->loc != IN_GUEST)
		return false;
	if (m_writes_pass()) {
		/* The processor: reserved bits #GP, no exit. */
		if (!(v & ~XTILE_DATA))
			w->hw_xfd = w->arch_xfd = v;
		return true;
	}
	m_exit(w, false);
	rd0 = M.map.bits[VMX_RD_BYTE];
	wr0 = M.map.bits[VMX_WR_BYTE];
	MCHECK(!hvg_xfd_wrmsr(&w->st, HVG_MSR_IA32_XFD, v, false, &d));
	m_apply(w, &d, rd0, wr0);
	MCHECK(d.op == HVG_XFD_OP_XFD);
	if (v & ~XTILE_DATA) {
		MCHECK(d.action == HVG_XFD_GP);
		MCHECK(d.diag == HVG_XFD_DIAG_RESERVED);
		m_entry(w);
	} else if (m_live(w->xcr0, v) & ~w->buffer) {
		MCHECK(d.action == HVG_XFD_REALLOC);
		MCHECK(d.value == XTILE_DATA);
		w->pend_kind = HVG_XFD_OP_XFD;
		w->pend_val = v;
		w->loc = IN_VMM;
	} else {
		MCHECK(d.action == HVG_XFD_DONE && d.value == v);
		m_xfd_done(w, v, false);
		m_entry(w);
	}
	return true;
}

static bool m_guest_xsetbv(struct m_key *w, u64 xcr0)
{
	struct hvg_xfd_decision d;
	u8 rd0, wr0;

	if (w->loc != IN_GUEST)
		return false;
	m_exit(w, false);	/* XSETBV always exits under VMX */
	rd0 = M.map.bits[VMX_RD_BYTE];
	wr0 = M.map.bits[VMX_WR_BYTE];
	MCHECK(!hvg_xfd_xsetbv(&w->st, xcr0, false, &d));
	m_apply(w, &d, rd0, wr0);
	MCHECK(d.op == HVG_XFD_OP_XCR0);
	if (m_live(xcr0, w->arch_xfd) & ~w->buffer) {
		MCHECK(d.action == HVG_XFD_REALLOC);
		w->pend_kind = HVG_XFD_OP_XCR0;
		w->pend_val = xcr0;
		w->loc = IN_VMM;
	} else {
		MCHECK(d.action == HVG_XFD_DONE && d.value == xcr0);
		w->xcr0 = xcr0;
		m_entry(w);
	}
	return true;
}

static bool m_step(struct m_key *w, enum m_event ev)
{
	struct hvg_xfd_decision d;
	u8 rd0 = M.map.bits[VMX_RD_BYTE], wr0 = M.map.bits[VMX_WR_BYTE];
	bool fits;

	switch (ev) {
	case EV_WR_0:
		return m_guest_wrmsr_xfd(w, 0);
	case EV_WR_AMX_OFF:
		return m_guest_wrmsr_xfd(w, XTILE_DATA);
	case EV_WR_RESERVED:
		return m_guest_wrmsr_xfd(w, XTILE_CFG);
	case EV_XCR0_AMX:
		return m_guest_xsetbv(w, XCR0_AMX);
	case EV_XCR0_NO_AMX:
		return m_guest_xsetbv(w, XCR0_NO_AMX);
	case EV_ERR_CLEAR:
		if (w->loc != IN_GUEST)
			return false;
		m_exit(w, false);	/* XFD_ERR writes always exit */
		MCHECK(!hvg_xfd_wrmsr(&w->st, HVG_MSR_IA32_XFD_ERR, 0, false,
				      &d));
		m_apply(w, &d, rd0, wr0);
		MCHECK(d.action == HVG_XFD_DONE && d.op == HVG_XFD_OP_XFD_ERR);
		w->arch_err = 0;
		m_entry(w);
		return true;
	case EV_REALLOC_OK:
	case EV_REALLOC_FAIL:
		if (w->loc == IN_GUEST)
			return false;
		if (ev == EV_REALLOC_OK)
			w->buffer = BUF_FULL;
		MCHECK(!hvg_xfd_set_buffer(&w->st, w->buffer, &d));
		m_apply(w, &d, rd0, wr0);
		MCHECK(d.action == HVG_XFD_DONE && d.value == w->buffer);
		/* Option 1: committed at the write, effective now. */
		if (M.policy == HVG_XFD_POLICY_FIRST_WRITE && M.allow_xfd &&
		    w->pend_kind == HVG_XFD_OP_XFD && m_full(w->buffer))
			w->pt = 1;
		return true;
	case EV_VMM_RETURN:
		if (w->loc != IN_VMM)
			return false;
		MCHECK(!hvg_xfd_complete(&w->st, &d));
		MCHECK(d.op == w->pend_kind && d.value == w->pend_val);
		fits = w->pend_kind == HVG_XFD_OP_XFD ?
			!(m_live(w->xcr0, w->pend_val) & ~w->buffer) :
			!(m_live(w->pend_val, w->arch_xfd) & ~w->buffer);
		MCHECK(d.action == (fits ? HVG_XFD_DONE : HVG_XFD_RETRY));
		if (fits && w->pend_kind == HVG_XFD_OP_XFD)
			m_xfd_done(w, w->pend_val, true);
		if (fits && w->pend_kind == HVG_XFD_OP_XCR0)
			w->xcr0 = w->pend_val;
		m_apply(w, &d, rd0, wr0);
		w->pend_kind = 0;
		w->pend_val = 0;
		w->loc = IN_HOST;
		return true;
	case EV_EXIT:
		if (w->loc != IN_GUEST)
			return false;
		m_exit(w, false);
		return true;
	case EV_AMX_USE:
		if (w->loc != IN_GUEST || !(w->xcr0 & XTILE_DATA))
			return false;	/* #UD without XCR0[18]: not ours */
		if (!(w->hw_xfd & XTILE_DATA)) {
			w->tile = 1;
			return true;
		}
		/* XFD #NM: the processor sets XFD_ERR[18]. */
		w->hw_err |= XTILE_DATA;
		w->arch_err |= XTILE_DATA;
		if (w->nm_bit) {
			m_exit(w, true);
			m_entry(w);	/* the #NM is reflected */
		}
		return true;
	case EV_ENTRY:
		if (w->loc != IN_HOST)
			return false;
		m_entry(w);
		return true;
	case EV_FILTER:
		if (w->loc == IN_GUEST)
			return false;
		w->filter ^= 1;
		MCHECK(!hvg_msr_policy_set_filter(&M.pol,
						  w->filter ? &M.deny : NULL));
		rd0 = M.map.bits[VMX_RD_BYTE];
		wr0 = M.map.bits[VMX_WR_BYTE];
		MCHECK(!hvg_xfd_refresh(&w->st, &d));
		m_apply(w, &d, rd0, wr0);
		return true;
	default:
		return false;
	}
}

/* Invariants of a state, whatever event led to it. */
static void m_check(const struct m_key *w)
{
	bool pass = m_writes_pass();
	enum hvg_xfd_mode mode;
	u32 wants = hvg_msr_policy_wants(&M.pol, HVG_MSR_OWNER_XFD,
					 HVG_MSR_IA32_XFD);

	MCHECK(!pass || m_full(w->buffer));
	MCHECK(!!(wants & HVG_MSR_WRITE) == w->pt);
	mode = w->pend_kind ? (w->pt ? HVG_XFD_PENDING_PASSTHROUGH :
				       HVG_XFD_PENDING) :
			      (w->pt ? HVG_XFD_PASSTHROUGH : HVG_XFD_INTERCEPT);
	MCHECK(hvg_xfd_mode(&w->st) == mode);
	MCHECK(w->nm_bit == (w->sw_xfd != 0 || pass || w->pt));
	MCHECK(hvg_xfd_nm_intercept(&w->st) == w->nm_bit);
	if (w->loc != IN_GUEST) {
		MCHECK(w->hw_err == 0);
		MCHECK(m_lib_read(w, HVG_MSR_IA32_XFD_ERR) == w->arch_err);
		return;
	}
	/* In the guest: only buffered state is usable; reads are exact. */
	MCHECK(!(m_live(w->xcr0, w->hw_xfd) & ~w->buffer));
	MCHECK(!w->tile || m_full(w->buffer));
	MCHECK(w->hw_xfd == w->arch_xfd && w->hw_err == w->arch_err);
	if (hvg_msrmap_intercepts(&M.map, HVG_MSR_IA32_XFD, HVG_MSR_READ)) {
		MCHECK(!pass);
		MCHECK(m_lib_read(w, HVG_MSR_IA32_XFD) == w->arch_xfd);
	}
	if (hvg_msrmap_intercepts(&M.map, HVG_MSR_IA32_XFD_ERR, HVG_MSR_READ))
		MCHECK(m_lib_read(w, HVG_MSR_IA32_XFD_ERR) == w->arch_err);
}

static void m_load(const struct m_key *w)
{
	memcpy(M.pol.slots, w->slots, sizeof(w->slots));
	M.map.bits[VMX_RD_BYTE] = w->map_rd;
	M.map.bits[VMX_WR_BYTE] = w->map_wr;
}

static void m_save(struct m_key *w)
{
	memcpy(w->slots, M.pol.slots, sizeof(w->slots));
	w->map_rd = M.map.bits[VMX_RD_BYTE];
	w->map_wr = M.map.bits[VMX_WR_BYTE];
}

static u64 m_hash(const struct m_key *w)
{
	const u8 *p = (const u8 *)w;
	u64 h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < sizeof(*w); i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

/* Adds @w unless known; the table holds node index + 1, 0 is empty. */
static void m_insert(const struct m_key *w, u32 parent, u8 ev)
{
	size_t mask = M.table_size - 1, i = m_hash(w) & mask;
	u32 *t;

	for (; M.table[i]; i = (i + 1) & mask)
		if (!memcmp(&M.nodes[M.table[i] - 1].k, w, sizeof(*w)))
			return;
	if (M.nr == M.cap) {
		M.cap *= 2;
		M.nodes = realloc(M.nodes, M.cap * sizeof(*M.nodes));
		ck_assert_ptr_nonnull(M.nodes);
	}
	memcpy(&M.nodes[M.nr].k, w, sizeof(*w));
	M.nodes[M.nr].parent = parent;
	M.nodes[M.nr].ev = ev;
	M.table[i] = (u32)++M.nr;
	if (M.nr * 2 > M.table_size) {
		/* Rehash into a table twice the size. */
		t = M.table;
		M.table_size *= 2;
		M.table = calloc(M.table_size, sizeof(*M.table));
		ck_assert_ptr_nonnull(M.table);
		for (i = 0; i < M.nr; i++) {
			size_t j = m_hash(&M.nodes[i].k) & (M.table_size - 1);

			while (M.table[j])
				j = (j + 1) & (M.table_size - 1);
			M.table[j] = (u32)(i + 1);
		}
		free(t);
	}
}

static const struct hvg_msr_allow m_allow_none[] = {
	{ HVG_MSR_IA32_TSC, HVG_MSR_READ },
	{ HVG_MSR_IA32_SYSENTER_CS, HVG_MSR_RW },	/* same slot count */
	{ HVG_MSR_IA32_SYSENTER_ESP, HVG_MSR_RW },
};

/*
 * One run: a policy, the allow list with or without IA32_XFD, the buffer
 * at start, and a guest at RESET or booted (XFD[18] = 1 and XCR0 with AMX,
 * set by the VMM as when restoring a guest). Returns the number of states.
 */
static size_t m_run(u32 policy, bool allow, u64 buffer, bool booted,
		    bool *saw_pt)
{
	struct hvg_xfd_config cfg = amx_cfg(policy, buffer);
	struct hvg_xfd_decision d;
	size_t lo, hi, i, depth;
	struct m_key w0, w;
	int ev;

	memset(&M.map, 0, sizeof(M.map));
	M.policy = policy;
	M.allow_xfd = allow;
	M.cur = 0;
	M.cur_ev = EV_NR;
	ck_assert_int_eq(hvg_msrmap_init(&M.map, HVG_MSRMAP_VMX, map_mem,
					 sizeof(map_mem)), 0);
	ck_assert_int_eq(hvg_msr_policy_init(&M.pol, &M.map,
					     allow ? kvm_allow : m_allow_none,
					     ARRAY_SIZE(kvm_allow), M.slots,
					     ARRAY_SIZE(M.slots)), 0);
	M.deny = deny_xfd_writes();

	memset(&w0, 0, sizeof(w0));
	ck_assert_int_eq(hvg_xfd_init(&w0.st, &M.pol, &cfg), 0);
	w0.xcr0 = HVG_XCR0_RESET;
	w0.buffer = buffer;
	if (booted) {
		ck_assert_int_eq(hvg_xfd_wrmsr(&w0.st, HVG_MSR_IA32_XFD,
					       XTILE_DATA, true, &d), 0);
		m_policy_on_write(&w0, XTILE_DATA, false);
		ck_assert_int_eq(hvg_xfd_xsetbv(&w0.st, XCR0_AMX, true, &d), 0);
		w0.hw_xfd = w0.sw_xfd = w0.arch_xfd = XTILE_DATA;
		w0.xcr0 = XCR0_AMX;
	}
	w0.nm_bit = hvg_xfd_nm_intercept(&w0.st);
	w0.loc = IN_HOST;
	m_save(&w0);
	m_check(&w0);

	M.nr = 0;
	M.cap = 4096;
	M.nodes = malloc(M.cap * sizeof(*M.nodes));
	M.table_size = 8192;
	M.table = calloc(M.table_size, sizeof(*M.table));
	ck_assert(M.nodes && M.table);
	m_insert(&w0, 0, EV_NR);

	for (depth = 0, lo = 0; lo < M.nr; depth++, lo = hi) {
		hi = M.nr;
		for (i = lo; i < hi; i++) {
			for (ev = 0; ev < EV_NR; ev++) {
				memcpy(&w, &M.nodes[i].k, sizeof(w));
				M.cur = (u32)i;
				M.cur_ev = (u8)ev;
				m_load(&w);
				if (!m_step(&w, ev))
					continue;
				m_save(&w);
				m_check(&w);
				*saw_pt |= m_writes_pass();
				m_insert(&w, (u32)i, (u8)ev);
			}
		}
	}
	i = M.nr;
	ck_assert_uint_ge(depth, MAX_DEPTH);
	free(M.nodes);
	free(M.table);
	return i;
}

static void exhaustive(u32 policy)
{
	size_t states = 0;
	bool saw_pt = false, none = false;
	int allow, booted, full;

	BUILD_BUG_ON(sizeof(struct m_key) != sizeof(struct hvg_xfd_state) +
		     sizeof(struct hvg_msr_slot) * 3 + 8 * 8 + 16);
	M.seen = 0;
	for (allow = 0; allow < 2; allow++)
		for (booted = 0; booted < 2; booted++)
			for (full = 0; full < 2; full++)
				states += m_run(policy, allow,
						full ? BUF_FULL : BUF_SMALL,
						booted, allow ? &saw_pt : &none);
	/*
	 * Not vacuous: pass-through reached, only where it may be, and every
	 * path of interest taken (PENDING_PASSTHROUGH is option 1's alone).
	 */
	ck_assert(saw_pt);
	ck_assert(!none);
	ck_assert_uint_eq(M.seen & ~SEEN_PEND_PT, SEEN_ALL & ~SEEN_PEND_PT);
	ck_assert(!!(M.seen & SEEN_PEND_PT) ==
		  (policy == HVG_XFD_POLICY_FIRST_WRITE));
	ck_assert_uint_gt(states, 500);
}

START_TEST(exhaustive_first_write)
{
	exhaustive(HVG_XFD_POLICY_FIRST_WRITE);
}
END_TEST

START_TEST(exhaustive_on_completion)
{
	exhaustive(HVG_XFD_POLICY_ON_COMPLETION);
}
END_TEST

START_TEST(exhaustive_second_enable)
{
	exhaustive(HVG_XFD_POLICY_SECOND_ENABLE);
}
END_TEST

START_TEST(exhaustive_upstream)
{
	exhaustive(HVG_XFD_POLICY_UPSTREAM);
}
END_TEST

Suite *xfd_suite(void)
{
	Suite *s = suite_create("xfd");
	TCase *tc;

	tc = hvg_tcase("setup");
	tcase_add_test(tc, init_gives_reset_state);
	tcase_add_test(tc, init_again_withdraws_the_old_wishes);
	tcase_add_test(tc, init_rejects_bad_input);
	tcase_add_test(tc, policy_default_is_the_kconfig_choice);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("policies");
	tcase_add_test(tc, seed_flow_first_write);
	tcase_add_test(tc, seed_flow_on_completion);
	tcase_add_test(tc, seed_flow_second_enable);
	tcase_add_test(tc, seed_flow_upstream);
	tcase_add_test(tc, buffer_sized_up_front);
	tcase_add_test(tc, failed_reallocation_never_passes_through);
	tcase_add_test(tc, partial_buffer_completes_but_stays_intercepted);
	tcase_add_test(tc, non_permitted_components_are_not_dynamic);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("accesses");
	tcase_add_test(tc, wrmsr_gp_and_errors_change_nothing);
	tcase_add_test(tc, guest_without_xfd);
	tcase_add_test(tc, rdmsr_values_and_errors);
	tcase_add_test(tc, xsetbv_needs_room_too);
	tcase_add_test(tc, buffer_reports_and_completion_errors);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("map");
	tcase_add_test(tc, filter_denying_writes_keeps_them_emulated);
	tcase_add_test(tc, filter_from_the_start);
	tcase_add_test(tc, allow_list_without_xfd);
	tcase_add_test(tc, allow_list_with_writes_only);
	tcase_add_test(tc, another_owner_passing_writes);
	tcase_add_test(tc, map_bits_at_the_manual_positions);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("nm_err_xstate");
	tcase_add_test(tc, nm_and_xfd_err_rules);
	tcase_add_test(tc, hot_path_null_answers);
	tcase_add_test(tc, xstate_bv_mask_from_the_reference);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("exhaustive");
	tcase_add_test(tc, exhaustive_first_write);
	tcase_add_test(tc, exhaustive_on_completion);
	tcase_add_test(tc, exhaustive_second_enable);
	tcase_add_test(tc, exhaustive_upstream);
	suite_add_tcase(s, tc);
	return s;
}
