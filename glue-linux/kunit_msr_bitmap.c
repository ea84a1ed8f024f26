// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * KUnit: the msr_bitmap module inside a kernel. Expected offsets are the
 * spec vectors of tests/vectors/msr_bitmap_layout.h (SDM "MSR-Bitmap
 * Address", APM "MSR Intercepts"); filter verdicts follow KVM's api.rst.
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include "hvgate.h"
#include "tests/vectors/msr_bitmap_layout.h"

static u8 *map_alloc(struct kunit *test, u32 type, struct hvg_msrmap *map)
{
	size_t size = hvgate_msrmap_size(type);
	u8 *mem = kunit_kzalloc(test, size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, mem);
	KUNIT_ASSERT_EQ(test, hvgate_msrmap_init(map, type, mem, size), 0);
	return mem;
}

static unsigned int clear_bits(const u8 *mem, size_t size)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < size; i++)
		n += 8 - hweight8(mem[i]);
	return n;
}

/* Every vector: exactly its manual bit is cleared, and set again. */
static void check_layout(struct kunit *test, u32 type,
			 const struct hvg_layout_vec *v, size_t n)
{
	size_t size = hvgate_msrmap_size(type), i;
	struct hvg_msrmap map;
	u8 *mem = map_alloc(test, type, &map);

	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ(test, hvgate_msrmap_set(&map, v[i].msr, v[i].dir,
							false), 0);
		KUNIT_EXPECT_EQ(test, clear_bits(mem, size), 1);
		KUNIT_EXPECT_EQ_MSG(test, mem[v[i].byte] & BIT(v[i].bit), 0,
				    "msr %#x dir %u", v[i].msr, v[i].dir);
		KUNIT_EXPECT_EQ(test, hvgate_msrmap_set(&map, v[i].msr, v[i].dir,
							true), 0);
		KUNIT_EXPECT_EQ(test, clear_bits(mem, size), 0);
	}
}

static void vmx_layout(struct kunit *test)
{
	struct hvg_msrmap map;

	check_layout(test, HVG_MSRMAP_VMX, hvg_vmx_layout_vecs,
		     ARRAY_SIZE(hvg_vmx_layout_vecs));
	/* Outside the two VMX ranges: always intercepted, cannot be cleared. */
	map_alloc(test, HVG_MSRMAP_VMX, &map);
	KUNIT_EXPECT_EQ(test, hvgate_msrmap_set(&map, 0xc0010000, HVG_MSR_RW,
						false), -ERANGE);
	KUNIT_EXPECT_TRUE(test, hvgate_msrmap_intercepts(&map, 0xc0010000,
							 HVG_MSR_READ));
}

static void svm_layout(struct kunit *test)
{
	check_layout(test, HVG_MSRMAP_SVM, hvg_svm_layout_vecs,
		     ARRAY_SIZE(hvg_svm_layout_vecs));
}

static void policy_filter_and_merge(struct kunit *test)
{
	static const struct hvg_msr_allow allow[] = {
		{ HVG_MSR_IA32_TSC, HVG_MSR_READ },
		{ HVG_MSR_IA32_FS_BASE, HVG_MSR_RW },
		{ HVG_MSR_IA32_XFD, HVG_MSR_RW },
	};
	static const u8 deny_all[1];
	struct hvg_msr_filter f = {
		.flags = HVG_MSR_FILTER_DEFAULT_ALLOW,
		.nr_ranges = 1,
		.ranges = { { HVG_MSR_WRITE, 1, HVG_MSR_IA32_FS_BASE, deny_all } },
	};
	struct hvg_msr_slot slots[ARRAY_SIZE(allow)];
	struct hvg_msrmap map, l1, full, sparse;
	struct hvg_msr_policy pol;
	u8 *fm, *sm;

	map_alloc(test, HVG_MSRMAP_VMX, &map);
	KUNIT_ASSERT_EQ(test, hvgate_msr_policy_init(&pol, &map, allow,
						     ARRAY_SIZE(allow), slots,
						     ARRAY_SIZE(slots)), 0);
	KUNIT_EXPECT_EQ(test, hvgate_msr_policy_want(&pol, HVG_MSR_OWNER_HV,
						     HVG_MSR_IA32_FS_BASE,
						     HVG_MSR_RW), 0);
	KUNIT_EXPECT_EQ(test, hvgate_msr_policy_want(&pol, HVG_MSR_OWNER_XFD,
						     HVG_MSR_IA32_XFD,
						     HVG_MSR_WRITE), 0);
	/* Not on the allow list for writes. */
	KUNIT_EXPECT_EQ(test, hvgate_msr_policy_want(&pol, HVG_MSR_OWNER_HV,
						     HVG_MSR_IA32_TSC,
						     HVG_MSR_RW), -EPERM);
	KUNIT_EXPECT_FALSE(test, hvgate_msrmap_intercepts(&map,
			   HVG_MSR_IA32_FS_BASE, HVG_MSR_WRITE));
	/* A filter denying FS_BASE writes takes effect at once. */
	KUNIT_EXPECT_EQ(test, hvgate_msr_policy_set_filter(&pol, &f), 0);
	KUNIT_EXPECT_TRUE(test, hvgate_msrmap_intercepts(&map,
			  HVG_MSR_IA32_FS_BASE, HVG_MSR_WRITE));
	KUNIT_EXPECT_FALSE(test, hvgate_msrmap_intercepts(&map,
			   HVG_MSR_IA32_FS_BASE, HVG_MSR_READ));
	KUNIT_EXPECT_FALSE(test, hvgate_msr_filter_allows(&f,
			   HVG_MSR_IA32_FS_BASE, HVG_MSR_WRITE));

	/* Nested: L1 intercepts XFD writes, so L2 must exit on them. */
	map_alloc(test, HVG_MSRMAP_VMX, &l1);
	fm = map_alloc(test, HVG_MSRMAP_VMX, &full);
	sm = map_alloc(test, HVG_MSRMAP_VMX, &sparse);
	KUNIT_EXPECT_EQ(test, hvgate_msrmap_set(&l1, HVG_MSR_IA32_FS_BASE,
						HVG_MSR_READ, false), 0);
	KUNIT_EXPECT_EQ(test, hvgate_msrmap_merge_full(&full, &map, &l1), 0);
	KUNIT_EXPECT_EQ(test, hvgate_msr_policy_merge_sparse(&pol, &l1,
							     &sparse), 0);
	KUNIT_EXPECT_EQ(test, memcmp(fm, sm, 4096), 0);
	KUNIT_EXPECT_EQ(test, clear_bits(fm, 4096), 1);
	KUNIT_EXPECT_FALSE(test, hvgate_msrmap_intercepts(&full,
			   HVG_MSR_IA32_FS_BASE, HVG_MSR_READ));
	KUNIT_EXPECT_TRUE(test, hvgate_msrmap_intercepts(&full,
			  HVG_MSR_IA32_XFD, HVG_MSR_WRITE));
}

static void errno_translation(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, hvgate_errno(0), 0);
	KUNIT_EXPECT_EQ(test, hvgate_errno(-HVG_ENOSPC), -ENOSPC);
	KUNIT_EXPECT_EQ(test, hvgate_errno(-HVG_ESTATE), -EBUSY);
	KUNIT_EXPECT_EQ(test, hvgate_errno(-HVG_ENOTSUP), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, hvgate_errno(-1000), -EINVAL);
}

static struct kunit_case hvgate_msr_bitmap_cases[] = {
	KUNIT_CASE(vmx_layout),
	KUNIT_CASE(svm_layout),
	KUNIT_CASE(policy_filter_and_merge),
	KUNIT_CASE(errno_translation),
	{}
};

static struct kunit_suite hvgate_msr_bitmap_suite = {
	.name = "hvgate_msr_bitmap",
	.test_cases = hvgate_msr_bitmap_cases,
};

kunit_test_suites(&hvgate_msr_bitmap_suite);
