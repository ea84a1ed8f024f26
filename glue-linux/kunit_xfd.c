// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * KUnit: the xfd module inside a kernel, through the hvgate_xfd_* exports.
 * Expected values from the SDM (IA32_XFD = 0x1c4, its write-intercept bit
 * at byte 0x838 bit 4 of a VMX MSR bitmap) and reference/upstream-kvm.md
 * (b) (XTILE_DATA is component 18, XFD = 0x40000); the policies from the
 * seed.
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include "hvgate.h"

#define XTILE_DATA	BIT_ULL(18)
#define XCR0_AMX	(0x7ULL | BIT_ULL(17) | XTILE_DATA)
#define BUF_SMALL	0x207ULL
#define BUF_FULL	(BUF_SMALL | BIT_ULL(17) | XTILE_DATA)

struct xfd_vcpu {
	struct hvg_msrmap map;
	struct hvg_msr_policy pol;
	struct hvg_msr_slot slots[2];
	struct hvg_xfd_state st;
	u8 *mem;
};

static struct xfd_vcpu *vcpu_new(struct kunit *test, u32 policy, u64 buffer)
{
	static const struct hvg_msr_allow allow[] = {
		{ HVG_MSR_IA32_XFD, HVG_MSR_RW },
		{ HVG_MSR_IA32_XFD_ERR, HVG_MSR_READ },
	};
	struct hvg_xfd_config cfg = {
		.xfd_caps = XTILE_DATA, .permitted = XTILE_DATA,
		.buffer = buffer, .policy = policy, .guest_has_xfd = true,
	};
	struct xfd_vcpu *v = kunit_kzalloc(test, sizeof(*v), GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, v);
	v->mem = kunit_kzalloc(test, HVG_VMX_MSR_BITMAP_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, v->mem);
	KUNIT_ASSERT_EQ(test, hvgate_msrmap_init(&v->map, HVG_MSRMAP_VMX,
						 v->mem,
						 HVG_VMX_MSR_BITMAP_SIZE), 0);
	KUNIT_ASSERT_EQ(test, hvgate_msr_policy_init(&v->pol, &v->map, allow,
						     ARRAY_SIZE(allow),
						     v->slots,
						     ARRAY_SIZE(v->slots)), 0);
	KUNIT_ASSERT_EQ(test, hvgate_xfd_init(&v->st, &v->pol, &cfg), 0);
	return v;
}

static void wr(struct kunit *test, struct xfd_vcpu *v, u64 val,
	       struct hvg_xfd_decision *d)
{
	KUNIT_ASSERT_EQ(test, hvgate_xfd_wrmsr(&v->st, HVG_MSR_IA32_XFD, val,
					       false, d), 0);
}

/* The seed's flow under option 3: pass-through at the second enable. */
static void seed_flow_option3(struct kunit *test)
{
	struct xfd_vcpu *v = vcpu_new(test, HVG_XFD_POLICY_SECOND_ENABLE,
				      BUF_SMALL);
	struct hvg_xfd_decision d;

	wr(test, v, XTILE_DATA, &d);
	KUNIT_EXPECT_EQ(test, d.action, HVG_XFD_DONE);
	KUNIT_EXPECT_EQ(test, d.flags, HVG_XFD_F_NM_ON);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_xsetbv(&v->st, XCR0_AMX, false, &d),
			0);
	/* First enable: the buffer has no room for tile data. */
	wr(test, v, 0, &d);
	KUNIT_EXPECT_EQ(test, d.action, HVG_XFD_REALLOC);
	KUNIT_EXPECT_EQ(test, d.value, XTILE_DATA);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_set_buffer(&v->st, BUF_FULL, &d), 0);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_complete(&v->st, &d), 0);
	KUNIT_EXPECT_EQ(test, d.action, HVG_XFD_DONE);
	KUNIT_EXPECT_EQ(test, d.op, HVG_XFD_OP_XFD);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_mode(&v->st), HVG_XFD_INTERCEPT);
	/* Disable, then the second enable passes writes through. */
	wr(test, v, XTILE_DATA, &d);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_mode(&v->st), HVG_XFD_INTERCEPT);
	wr(test, v, 0, &d);
	KUNIT_EXPECT_EQ(test, d.flags, HVG_XFD_F_MAP);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_mode(&v->st), HVG_XFD_PASSTHROUGH);
	KUNIT_EXPECT_EQ(test, v->mem[0x838], 0xef);
	KUNIT_EXPECT_TRUE(test, hvgate_xfd_exit_sync(&v->st));
	KUNIT_EXPECT_TRUE(test, hvgate_xfd_nm_intercept(&v->st));
	KUNIT_EXPECT_EQ(test, hvgate_xfd_sync(&v->st, XTILE_DATA), 0);
}

/* A failed reallocation never passes writes through; the guest retries. */
static void failed_realloc_retries(struct kunit *test)
{
	struct xfd_vcpu *v = vcpu_new(test, HVG_XFD_POLICY_FIRST_WRITE,
				      BUF_SMALL);
	struct hvg_xfd_decision d;

	wr(test, v, XTILE_DATA, &d);
	KUNIT_ASSERT_EQ(test, hvgate_xfd_xsetbv(&v->st, XCR0_AMX, false, &d),
			0);
	wr(test, v, 0, &d);
	KUNIT_EXPECT_EQ(test, d.action, HVG_XFD_REALLOC);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_set_buffer(&v->st, BUF_SMALL, &d), 0);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_complete(&v->st, &d), 0);
	KUNIT_EXPECT_EQ(test, d.action, HVG_XFD_RETRY);
	KUNIT_EXPECT_EQ(test, v->mem[0x838], 0xff);
	KUNIT_EXPECT_FALSE(test, hvgate_xfd_exit_sync(&v->st));
	/* Errors come back as -errno. */
	KUNIT_EXPECT_EQ(test, hvgate_xfd_complete(&v->st, &d), -EBUSY);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_wrmsr(&v->st, HVG_MSR_IA32_XFD, 0,
					       true, &d), -ENOSPC);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_wrmsr(&v->st, HVG_MSR_IA32_XFD,
					       BIT_ULL(17), true, &d), -ERANGE);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_wrmsr(&v->st, 0x10, 0, true, &d),
			-ENOENT);
}

/* #NM, XFD_ERR and the Dec-2025 XSTATE_BV mask. */
static void nm_err_and_xstate_bv(struct kunit *test)
{
	struct xfd_vcpu *v = vcpu_new(test, HVG_XFD_POLICY_UPSTREAM, BUF_FULL);
	struct hvg_xfd_decision d;
	u64 err = 0;

	KUNIT_EXPECT_FALSE(test, hvgate_xfd_nm_intercept(&v->st));
	wr(test, v, XTILE_DATA, &d);
	KUNIT_EXPECT_EQ(test, d.flags, HVG_XFD_F_NM_ON | HVG_XFD_F_MAP);
	KUNIT_EXPECT_FALSE(test, hvgate_xfd_nm_exit(&v->st, true));
	KUNIT_EXPECT_TRUE(test, hvgate_xfd_nm_exit(&v->st, false));
	KUNIT_EXPECT_EQ(test, hvgate_xfd_save_err(&v->st, XTILE_DATA), 0);
	KUNIT_EXPECT_TRUE(test, hvgate_xfd_exit_err_reset(&v->st));
	KUNIT_EXPECT_TRUE(test, hvgate_xfd_entry_err(&v->st, &err));
	KUNIT_EXPECT_EQ(test, err, XTILE_DATA);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_rdmsr(&v->st, HVG_MSR_IA32_XFD_ERR,
					       false, &d), 0);
	KUNIT_EXPECT_EQ(test, d.value, XTILE_DATA);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_xstate_bv(0x60007, 0x40000), 0x20007);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_xstate_bv(0x60007, 0), 0x60007);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_refresh(&v->st, &d), 0);
	KUNIT_EXPECT_EQ(test, d.flags, 0);
	KUNIT_EXPECT_EQ(test, hvgate_xfd_policy(&v->st),
			HVG_XFD_POLICY_UPSTREAM);
}

static struct kunit_case hvgate_xfd_cases[] = {
	KUNIT_CASE(seed_flow_option3),
	KUNIT_CASE(failed_realloc_retries),
	KUNIT_CASE(nm_err_and_xstate_bv),
	{}
};

static struct kunit_suite hvgate_xfd_suite = {
	.name = "hvgate_xfd",
	.test_cases = hvgate_xfd_cases,
};

kunit_test_suites(&hvgate_xfd_suite);
