// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * KUnit: the lbr module inside a kernel, through the hvgate_* exports as a
 * hypervisor module would call them. MSR addresses are the SDM's (Skylake:
 * LBR_NHM_FROM 0x680, LBR_NHM_TO 0x6c0, LBR_INFO_0 0xdc0, LBR_SELECT
 * 0x1c8, LBR_TOS 0x1c9; Arch LBR records at 0x1500/0x1600/0x1200);
 * decisions are upstream KVM's (reference/upstream-kvm.md (a)).
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include "hvgate.h"

/* Skylake as perf reports it: 32 records with INFO, LBR_FMT 5. */
static const struct hvg_lbr_host skl_host = {
	.kind = HVG_LBR_KIND_LEGACY, .nr = 32, .from = 0x680, .to = 0x6c0,
	.info = 0xdc0, .perf_caps = 0x33c5, .call_stack = true,
};

struct lbr_rig {
	struct hvg_msrmap map;
	struct hvg_msr_policy pol;
	struct hvg_msr_slot slots[100];
	struct hvg_msr_allow allow[100];
	struct hvg_lbr_desc offer;
	struct hvg_lbr_desc desc;
	struct hvg_lbr_vcpu v;
	u8 *mem;
};

static struct lbr_rig *rig_new(struct kunit *test,
			       const struct hvg_lbr_host *host,
			       u64 guest_perf_caps)
{
	struct lbr_rig *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	u32 n = 0;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, r);
	r->mem = kunit_kzalloc(test, HVG_VMX_MSR_BITMAP_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, r->mem);
	KUNIT_ASSERT_EQ(test, hvgate_msrmap_init(&r->map, HVG_MSRMAP_VMX,
						 r->mem,
						 HVG_VMX_MSR_BITMAP_SIZE), 0);
	KUNIT_ASSERT_EQ(test, hvgate_lbr_host_offer(host, &r->offer), 0);
	KUNIT_ASSERT_EQ(test, hvgate_lbr_allow_list(&r->offer, r->allow,
						    ARRAY_SIZE(r->allow), &n),
			0);
	KUNIT_ASSERT_EQ(test, hvgate_msr_policy_init(&r->pol, &r->map,
						     r->allow, n, r->slots,
						     ARRAY_SIZE(r->slots)), 0);
	KUNIT_ASSERT_EQ(test, hvgate_lbr_desc_for_guest(&r->desc, &r->offer,
							guest_perf_caps, true),
			0);
	KUNIT_ASSERT_EQ(test, hvgate_lbr_vcpu_init(&r->v, &r->desc, &r->pol),
			0);
	return r;
}

static void offer_and_perf_caps(struct kunit *test)
{
	struct hvg_lbr_host h = skl_host;
	struct hvg_lbr_desc o;

	KUNIT_EXPECT_EQ(test, hvgate_lbr_host_offer(&h, &o), 0);
	KUNIT_EXPECT_EQ(test, o.nr, 32U);
	KUNIT_EXPECT_EQ(test, o.format, 5U);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_nr_msrs(&o), 98U);
	KUNIT_EXPECT_TRUE(test, hvgate_lbr_is_record_msr(&o, 0xddf));
	KUNIT_EXPECT_FALSE(test, hvgate_lbr_is_record_msr(&o, 0xde0));
	KUNIT_EXPECT_FALSE(test, hvgate_lbr_is_record_msr(&o, 0x1d9));
	/* The guest's LBR_FMT must be the host's, or 0. */
	KUNIT_EXPECT_EQ(test, hvgate_lbr_check_perf_caps(&o, 0x5, true), 0);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_check_perf_caps(&o, 0x0, false), 0);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_check_perf_caps(&o, 0x4, true),
			-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_check_perf_caps(&o, 0x5, false),
			-EOPNOTSUPP);
	/* Without call-stack support nothing is offered. */
	h.call_stack = false;
	KUNIT_EXPECT_EQ(test, hvgate_lbr_host_offer(&h, &o), 0);
	KUNIT_EXPECT_EQ(test, o.nr, 0U);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_check_perf_caps(&o, 0x5, true),
			-EOPNOTSUPP);
	/* Nothing offered: no LBR bit of IA32_DEBUGCTL is the guest's. */
	KUNIT_EXPECT_EQ(test, hvgate_lbr_debugctl_bits(&o), 0ULL);
	/* IA32_LBR_CTL: bits 22:16, 3:0 with all of CPUID.1CH:EBX[2:0]. */
	KUNIT_EXPECT_TRUE(test, hvgate_lbr_arch_ctl_valid(0x7f000f, 0x7));
	KUNIT_EXPECT_FALSE(test, hvgate_lbr_arch_ctl_valid(0x8, 0x3));
}

static void access_entry_and_release(struct kunit *test)
{
	struct lbr_rig *r = rig_new(test, &skl_host, 0x33c5);

	/* DEBUGCTL bits 0 and 11; a PMI on PMU v2 clears LBR under freeze. */
	KUNIT_EXPECT_EQ(test, hvgate_lbr_debugctl_bits(&r->desc), 0x801ULL);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_pmi_debugctl(&r->desc, 0x801, 2),
			0x800ULL);
	/* No event: the first access asks for it; a refusal is a dummy. */
	KUNIT_EXPECT_EQ(test, hvgate_lbr_msr_access(&r->v, 0x6c3, true),
			HVG_LBR_ACCESS_CREATE_EVENT);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_event_created(&r->v, false),
			HVG_LBR_ACCESS_DUMMY);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_ctl_write(&r->v, 0x1d9, 0x1),
			HVG_LBR_ACT_CREATE_EVENT);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_event_created(&r->v, true),
			HVG_LBR_ACCESS_HW_IF_ACTIVE);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_event_created(&r->v, true), -EBUSY);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_msr_access(&r->v, 0x1c8, false),
			HVG_LBR_ACCESS_HW_IF_ACTIVE);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_msr_access(&r->v, 0x1d9, false),
			HVG_LBR_ACCESS_NOT_LBR);

	/* Not ACTIVE: intercepted and warn; ACTIVE: all 98 through. */
	KUNIT_EXPECT_EQ(test, hvgate_lbr_vmentry(&r->v, HVG_LBR_EV_INACTIVE,
						 1), HVG_LBR_ENTRY_WARN);
	KUNIT_EXPECT_TRUE(test, hvgate_msrmap_intercepts(&r->map, 0x680,
							 HVG_MSR_READ));
	KUNIT_EXPECT_EQ(test, hvgate_lbr_vmentry(&r->v, HVG_LBR_EV_ACTIVE, 1),
			HVG_LBR_ENTRY_MAP_CHANGED);
	KUNIT_EXPECT_EQ(test, r->pol.map_updates, 98UL);
	KUNIT_EXPECT_FALSE(test, hvgate_msrmap_intercepts(&r->map, 0x680,
							  HVG_MSR_RW));
	KUNIT_EXPECT_FALSE(test, hvgate_msrmap_intercepts(&r->map, 0xddf,
							  HVG_MSR_RW));
	KUNIT_EXPECT_FALSE(test, hvgate_msrmap_intercepts(&r->map, 0x1c9,
							  HVG_MSR_RW));
	/* Steady: nothing written. */
	KUNIT_EXPECT_EQ(test, hvgate_lbr_vmentry(&r->v, HVG_LBR_EV_ACTIVE, 1),
			0);
	KUNIT_EXPECT_EQ(test, r->pol.map_updates, 98UL);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_vmentry(&r->v, 7, 1), -EINVAL);

	/* Lazy release: kept while the guest enables LBR, then released. */
	KUNIT_EXPECT_EQ(test, hvgate_lbr_sched_in(&r->v),
			HVG_LBR_ACT_REQUEST_CLEANUP);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_cleanup(&r->v, 0x1), HVG_LBR_ACT_NONE);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_sched_in(&r->v),
			HVG_LBR_ACT_REQUEST_CLEANUP);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_cleanup(&r->v, 0x0),
			HVG_LBR_ACT_RELEASE_EVENT);
	KUNIT_EXPECT_TRUE(test, hvgate_msrmap_intercepts(&r->map, 0x680,
							 HVG_MSR_READ));
	KUNIT_EXPECT_EQ(test, hvgate_lbr_reset(&r->v), HVG_LBR_ACT_NONE);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_refresh(&r->v, &r->desc), 0);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_sched_in(NULL), -EINVAL);
}

static void filter_keeps_lbr_msr_intercepted(struct kunit *test)
{
	static const u8 deny[1];
	struct lbr_rig *r = rig_new(test, &skl_host, 0x5);
	struct hvg_msr_filter f = {
		.flags = HVG_MSR_FILTER_DEFAULT_ALLOW,
		.nr_ranges = 1,
		.ranges = { { HVG_MSR_WRITE, 1, 0x685, deny } },
	};

	KUNIT_EXPECT_EQ(test, hvgate_msr_policy_set_filter(&r->pol, &f), 0);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_msr_access(&r->v, 0x685, false),
			HVG_LBR_ACCESS_CREATE_EVENT);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_event_created(&r->v, true),
			HVG_LBR_ACCESS_HW_IF_ACTIVE);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_vmentry(&r->v, HVG_LBR_EV_ACTIVE, 0),
			HVG_LBR_ENTRY_MAP_CHANGED);
	KUNIT_EXPECT_TRUE(test, hvgate_msrmap_intercepts(&r->map, 0x685,
							 HVG_MSR_WRITE));
	KUNIT_EXPECT_FALSE(test, hvgate_msrmap_intercepts(&r->map, 0x685,
							  HVG_MSR_READ));
	/* Host reclaims the LBR: everything intercepted, warn. */
	KUNIT_EXPECT_EQ(test, hvgate_lbr_vmentry(&r->v, HVG_LBR_EV_ERROR, 0),
			HVG_LBR_ENTRY_WARN | HVG_LBR_ENTRY_MAP_CHANGED);
	KUNIT_EXPECT_TRUE(test, hvgate_msrmap_intercepts(&r->map, 0x685,
							 HVG_MSR_READ));
	KUNIT_EXPECT_EQ(test, hvgate_lbr_reset(&r->v),
			HVG_LBR_ACT_RELEASE_EVENT);
}

static void arch_lbr(struct kunit *test)
{
	static const struct hvg_lbr_host arch_host = {
		.kind = HVG_LBR_KIND_ARCH, .cpuid_1c_eax = 0xf,
		.cpuid_1c_ebx = 0x7,
	};
	struct lbr_rig *r = rig_new(test, &arch_host, 0x3f);

	KUNIT_EXPECT_EQ(test, r->desc.nr, 32U);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_depth_write(&r->v, 16, false),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_depth_write(&r->v, 32, false),
			HVG_LBR_ACCESS_DUMMY);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_ctl_write(&r->v, 0x14ce, 0x9),
			HVG_LBR_ACT_CREATE_EVENT);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_event_created(&r->v, true),
			HVG_LBR_ACCESS_HW_IF_ACTIVE);
	KUNIT_EXPECT_EQ(test, hvgate_lbr_vmentry(&r->v, HVG_LBR_EV_ACTIVE, 0x9),
			HVG_LBR_ENTRY_MAP_CHANGED);
	KUNIT_EXPECT_FALSE(test, hvgate_msrmap_intercepts(&r->map, 0x151f,
							  HVG_MSR_RW));
	KUNIT_EXPECT_TRUE(test, hvgate_msrmap_intercepts(&r->map, 0x14ce,
							 HVG_MSR_WRITE));
	KUNIT_EXPECT_TRUE(test, hvgate_msrmap_intercepts(&r->map, 0x14cf,
							 HVG_MSR_WRITE));
	KUNIT_EXPECT_EQ(test, hvgate_lbr_reset(&r->v),
			HVG_LBR_ACT_RELEASE_EVENT);
	KUNIT_EXPECT_TRUE(test, hvgate_msrmap_intercepts(&r->map, 0x151f,
							 HVG_MSR_READ));
}

static struct kunit_case hvgate_lbr_cases[] = {
	KUNIT_CASE(offer_and_perf_caps),
	KUNIT_CASE(access_entry_and_release),
	KUNIT_CASE(filter_keeps_lbr_msr_intercepted),
	KUNIT_CASE(arch_lbr),
	{}
};

static struct kunit_suite hvgate_lbr_suite = {
	.name = "hvgate_lbr",
	.test_cases = hvgate_lbr_cases,
};

kunit_test_suites(&hvgate_lbr_suite);
