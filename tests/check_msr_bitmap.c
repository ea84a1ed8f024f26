// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * msr_bitmap: raw map layouts, the userspace MSR filter, the pass-through
 * policy, the nested merge and the MSR name table.
 *
 * Expected values are written from the manuals, never computed by the code
 * under test: byte offsets and bit numbers from the SDM's "MSR-Bitmap
 * Address" and the APM's "MSR Intercepts" tables, filter verdicts from an
 * oracle written from KVM's api.rst (4.97 KVM_X86_SET_MSR_FILTER).
 */
#include <stdlib.h>

#include "hvgate_test.h"
#include "vectors/msr_bitmap_layout.h"

static u8 vmx_mem[HVG_VMX_MSR_BITMAP_SIZE] __attribute__((aligned(4096)));
static u8 svm_mem[HVG_SVM_MSRPM_SIZE] __attribute__((aligned(4096)));
static u8 snap[HVG_SVM_MSRPM_SIZE];

static struct hvg_msrmap new_map(u32 type)
{
	struct hvg_msrmap m;
	u8 *mem = type == HVG_MSRMAP_VMX ? vmx_mem : svm_mem;

	ck_assert_int_eq(hvg_msrmap_init(&m, type, mem, hvg_msrmap_size(type)),
			 0);
	return m;
}

static size_t map_size(u32 type)
{
	return type == HVG_MSRMAP_VMX ? 4096 : 8192;
}

static void check_layout(u32 type, const struct hvg_layout_vec *l, size_t n)
{
	struct hvg_msrmap m;
	u8 *mem;
	size_t i;

	for (i = 0; i < n; i++) {
		m = new_map(type);
		mem = m.bits;
		ck_assert_uint_eq(hvg_test_clear_bits(mem, map_size(type)), 0);
		ck_assert_int_eq(hvg_msrmap_set(&m, l[i].msr, l[i].dir, false),
				 0);
		/* Exactly the one manual bit is clear. */
		ck_assert_msg(hvg_test_clear_bits(mem, map_size(type)) == 1,
			      "msr %#x dir %u", l[i].msr, l[i].dir);
		ck_assert_msg(!(mem[l[i].byte] & (1U << l[i].bit)),
			      "msr %#x dir %u: byte %#x bit %u not clear",
			      l[i].msr, l[i].dir, l[i].byte, l[i].bit);
		ck_assert(!hvg_msrmap_intercepts(&m, l[i].msr, l[i].dir));
		ck_assert(hvg_msrmap_intercepts(&m, l[i].msr, HVG_MSR_RW));
		ck_assert(hvg_msrmap_intercepts(&m, l[i].msr,
						HVG_MSR_RW & ~l[i].dir));
		/* Setting it back restores the all-intercept page. */
		ck_assert_int_eq(hvg_msrmap_set(&m, l[i].msr, l[i].dir, true),
				 0);
		ck_assert_uint_eq(hvg_test_clear_bits(mem, map_size(type)), 0);
	}
}

START_TEST(vmx_layout_matches_sdm)
{
	check_layout(HVG_MSRMAP_VMX, hvg_vmx_layout_vecs,
		     ARRAY_SIZE(hvg_vmx_layout_vecs));
	ck_assert_uint_eq(hvg_msrmap_size(HVG_MSRMAP_VMX), 4096);
}
END_TEST

START_TEST(svm_layout_matches_apm)
{
	check_layout(HVG_MSRMAP_SVM, hvg_svm_layout_vecs,
		     ARRAY_SIZE(hvg_svm_layout_vecs));
	ck_assert_uint_eq(hvg_msrmap_size(HVG_MSRMAP_SVM), 8192);
}
END_TEST

START_TEST(both_directions_at_once)
{
	struct hvg_msrmap m = new_map(HVG_MSRMAP_VMX);

	ck_assert_int_eq(hvg_msrmap_set(&m, 0xc0000100, HVG_MSR_RW, false), 0);
	ck_assert_uint_eq(hvg_test_clear_bits(vmx_mem, 4096), 2);
	ck_assert(!(vmx_mem[0x420] & 1) && !(vmx_mem[0xc20] & 1));
	ck_assert(!hvg_msrmap_intercepts(&m, 0xc0000100, HVG_MSR_RW));
}
END_TEST

/* MSRs just outside each range, per format. */
static const u32 vmx_outside[] = { 0x2000, 0x3fff, 0xbfffffff, 0xc0002000,
				   0xc0010000, 0xc0011fff, 0xffffffff };
static const u32 svm_outside[] = { 0x2000, 0xbfffffff, 0xc0002000,
				   0xc000ffff, 0xc0012000, 0xffffffff };

static void check_outside(u32 type, const u32 *msrs, size_t n)
{
	struct hvg_msrmap m = new_map(type);
	size_t i;

	memcpy(snap, m.bits, map_size(type));
	for (i = 0; i < n; i++) {
		ck_assert(!hvg_msrmap_covers(type, msrs[i]));
		ck_assert_int_eq(hvg_msrmap_set(&m, msrs[i], HVG_MSR_RW, false),
				 -HVG_ERANGE);
		ck_assert_int_eq(hvg_msrmap_set(&m, msrs[i], HVG_MSR_RW, true),
				 -HVG_ERANGE);
		ck_assert(hvg_msrmap_intercepts(&m, msrs[i], HVG_MSR_READ));
		ck_assert(hvg_msrmap_intercepts(&m, msrs[i], HVG_MSR_WRITE));
	}
	ck_assert(!memcmp(snap, m.bits, map_size(type)));
}

START_TEST(outside_ranges_always_exit)
{
	check_outside(HVG_MSRMAP_VMX, vmx_outside, ARRAY_SIZE(vmx_outside));
	check_outside(HVG_MSRMAP_SVM, svm_outside, ARRAY_SIZE(svm_outside));
	ck_assert(hvg_msrmap_covers(HVG_MSRMAP_SVM, 0xc0010000));
	ck_assert(!hvg_msrmap_covers(0, 0x10));
}
END_TEST

START_TEST(ranges_per_format)
{
	struct hvg_msr_range r = { 0x1234, 0x5678 };

	ck_assert_int_eq(hvg_msrmap_get_range(HVG_MSRMAP_VMX, 0, &r), 0);
	ck_assert(r.first == 0 && r.count == 0x2000);
	ck_assert_int_eq(hvg_msrmap_get_range(HVG_MSRMAP_VMX, 1, &r), 0);
	ck_assert(r.first == 0xc0000000 && r.count == 0x2000);
	ck_assert_int_eq(hvg_msrmap_get_range(HVG_MSRMAP_VMX, 2, &r),
			 -HVG_ENOENT);
	ck_assert(r.first == 0xc0000000);
	ck_assert_int_eq(hvg_msrmap_get_range(HVG_MSRMAP_SVM, 2, &r), 0);
	ck_assert(r.first == 0xc0010000 && r.count == 0x2000);
	ck_assert_int_eq(hvg_msrmap_get_range(HVG_MSRMAP_SVM, 3, &r),
			 -HVG_ENOENT);
	ck_assert_int_eq(hvg_msrmap_get_range(3, 0, &r), -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_get_range(HVG_MSRMAP_VMX, 0, NULL),
			 -HVG_EINVAL);
	ck_assert_uint_eq(hvg_msrmap_size(0), 0);
	ck_assert_uint_eq(hvg_msrmap_size(3), 0);
}
END_TEST

START_TEST(init_rejects_bad_input)
{
	static u8 mem[8192 + 8] __attribute__((aligned(8)));
	struct hvg_msrmap m = { (u8 *)0x1, 77 };

	memset(mem, 0xaa, sizeof(mem));
	ck_assert_int_eq(hvg_msrmap_init(NULL, HVG_MSRMAP_VMX, mem, 4096),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_init(&m, HVG_MSRMAP_VMX, NULL, 4096),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_init(&m, 0, mem, 4096), -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_init(&m, 3, mem, 8192), -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_init(&m, HVG_MSRMAP_VMX, mem + 4, 4096),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_init(&m, HVG_MSRMAP_VMX, mem, 4095),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_init(&m, HVG_MSRMAP_SVM, mem, 4096),
			 -HVG_EINVAL);
	/* Nothing was written: neither the memory nor the map. */
	ck_assert(m.bits == (u8 *)0x1 && m.type == 77);
	ck_assert_uint_eq(mem[0], 0xaa);
	ck_assert_uint_eq(mem[4095], 0xaa);

	/* A larger buffer is fine; only the map's own bytes are written. */
	ck_assert_int_eq(hvg_msrmap_init(&m, HVG_MSRMAP_VMX, mem, 8192), 0);
	ck_assert_uint_eq(mem[4095], 0xff);
	ck_assert_uint_eq(mem[4096], 0xaa);
}
END_TEST

START_TEST(set_rejects_bad_input)
{
	struct hvg_msrmap m = new_map(HVG_MSRMAP_VMX);
	struct hvg_msrmap zero = { 0 };
	struct hvg_msrmap badtype = { vmx_mem, 3 };

	memcpy(snap, vmx_mem, 4096);
	ck_assert_int_eq(hvg_msrmap_set(NULL, 0x10, HVG_MSR_READ, false),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_set(&badtype, 0x10, HVG_MSR_READ, false),
			 -HVG_EINVAL);
	ck_assert(hvg_msrmap_intercepts(&badtype, 0x10, HVG_MSR_READ));
	ck_assert_int_eq(hvg_msrmap_set(&zero, 0x10, HVG_MSR_READ, false),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_set(&m, 0x10, 0, false), -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_set(&m, 0x10, 4, false), -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_set(&m, 0x10, HVG_MSR_RW | 4, false),
			 -HVG_EINVAL);
	ck_assert(!memcmp(snap, vmx_mem, 4096));

	/* Invalid queries answer "intercepted". */
	ck_assert_int_eq(hvg_msrmap_set(&m, 0x10, HVG_MSR_RW, false), 0);
	ck_assert(hvg_msrmap_intercepts(NULL, 0x10, HVG_MSR_READ));
	ck_assert(hvg_msrmap_intercepts(&zero, 0x10, HVG_MSR_READ));
	ck_assert(hvg_msrmap_intercepts(&m, 0x10, 0));
	ck_assert(hvg_msrmap_intercepts(&m, 0x10, 4));
	ck_assert(!hvg_msrmap_intercepts(&m, 0x10, HVG_MSR_READ));
}
END_TEST

START_TEST(reserved_bits_counted)
{
	struct hvg_msrmap v = new_map(HVG_MSRMAP_VMX);
	struct hvg_msrmap s = new_map(HVG_MSRMAP_SVM);
	u32 set = 99, clear = 99;

	ck_assert_int_eq(hvg_msrmap_reserved_bits(&v, &set, &clear), 0);
	ck_assert(set == 0 && clear == 0);
	ck_assert_int_eq(hvg_msrmap_reserved_bits(&s, &set, &clear), 0);
	ck_assert(set == 2048 * 8 && clear == 0);
	svm_mem[0x1800] = 0x00;
	svm_mem[0x1fff] = 0x7f;
	ck_assert_int_eq(hvg_msrmap_reserved_bits(&s, &set, &clear), 0);
	ck_assert(set == 2048 * 8 - 9 && clear == 9);
	/* Writes to real MSRs do not count. */
	ck_assert_int_eq(hvg_msrmap_set(&s, 0xc0011fff, HVG_MSR_RW, false), 0);
	ck_assert_int_eq(hvg_msrmap_reserved_bits(&s, &set, &clear), 0);
	ck_assert_uint_eq(clear, 9);
	ck_assert_int_eq(hvg_msrmap_reserved_bits(NULL, &set, &clear),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_reserved_bits(&s, NULL, &clear),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_reserved_bits(&s, &set, NULL),
			 -HVG_EINVAL);
}
END_TEST

/* ---- userspace MSR filter ------------------------------------------- */

static const u8 all_ones[0x600] = { [0 ... 0x5ff] = 0xff };
static const u8 all_zeros[0x600];

static struct hvg_msr_filter filter1(u32 flags, u32 rflags, u32 base,
				     u32 nmsrs, const u8 *bitmap)
{
	struct hvg_msr_filter f = { .flags = flags, .nr_ranges = 1 };

	f.ranges[0] = (struct hvg_msr_filter_range) {
		.flags = rflags, .nmsrs = nmsrs, .base = base, .bitmap = bitmap,
	};
	return f;
}

START_TEST(filter_check_rejects_malformed)
{
	struct hvg_msr_filter f;

	ck_assert_int_eq(hvg_msr_filter_check(NULL), -HVG_EINVAL);

	f = filter1(0x2, HVG_MSR_READ, 0, 8, all_ones);		/* flags */
	ck_assert_int_eq(hvg_msr_filter_check(&f), -HVG_EINVAL);
	f = filter1(0, 0, 0, 8, all_ones);			/* no dir */
	ck_assert_int_eq(hvg_msr_filter_check(&f), -HVG_EINVAL);
	f = filter1(0, 0x4, 0, 8, all_ones);			/* bad dir */
	ck_assert_int_eq(hvg_msr_filter_check(&f), -HVG_EINVAL);
	f = filter1(0, HVG_MSR_RW | 0x4, 0, 8, all_ones);
	ck_assert_int_eq(hvg_msr_filter_check(&f), -HVG_EINVAL);
	f = filter1(0, HVG_MSR_READ, 0, 8, NULL);		/* bitmap */
	ck_assert_int_eq(hvg_msr_filter_check(&f), -HVG_EINVAL);
	f = filter1(0, HVG_MSR_READ, 0, 0x600 * 8 + 1, all_ones); /* size */
	ck_assert_int_eq(hvg_msr_filter_check(&f), -HVG_EINVAL);
	f = filter1(0, HVG_MSR_READ, 0, 0x600 * 8, all_ones);
	ck_assert_int_eq(hvg_msr_filter_check(&f), 0);

	/* More than 16 ranges. */
	f = filter1(0, HVG_MSR_READ, 0, 8, all_ones);
	f.nr_ranges = 17;
	ck_assert_int_eq(hvg_msr_filter_check(&f), -HVG_EINVAL);

	/* Overflowing 2^32: the last MSR is 0xffffffff. */
	f = filter1(0, HVG_MSR_READ, 0xfffffff8, 9, all_ones);
	ck_assert_int_eq(hvg_msr_filter_check(&f), -HVG_ERANGE);
	f = filter1(0, HVG_MSR_READ, 0xfffffff8, 8, all_ones);
	ck_assert_int_eq(hvg_msr_filter_check(&f), 0);

	/* Empty ranges are unused whatever their other fields (as KVM). */
	f = filter1(0, 0x7, 0xfffffff8, 0, NULL);
	ck_assert_int_eq(hvg_msr_filter_check(&f), 0);
	/* No used range: filtering off, so default-deny is invalid. */
	f.flags = HVG_MSR_FILTER_DEFAULT_DENY;
	ck_assert_int_eq(hvg_msr_filter_check(&f), -HVG_EINVAL);
	f.nr_ranges = 0;
	ck_assert_int_eq(hvg_msr_filter_check(&f), -HVG_EINVAL);
	f.flags = 0;
	ck_assert_int_eq(hvg_msr_filter_check(&f), 0);
}
END_TEST

START_TEST(filter_check_rejects_overlap_in_a_shared_direction)
{
	struct hvg_msr_filter f = filter1(0, HVG_MSR_READ, 0x100, 16, all_ones);

	f.nr_ranges = 2;
	/* Same direction, overlapping by one MSR. */
	f.ranges[1] = (struct hvg_msr_filter_range) { HVG_MSR_RW, 16, 0x10f,
						      all_ones };
	ck_assert_int_eq(hvg_msr_filter_check(&f), -HVG_EEXIST);
	/* The later range's last MSR is the earlier range's first. */
	f.ranges[1].base = 0xf1;
	ck_assert_int_eq(hvg_msr_filter_check(&f), -HVG_EEXIST);
	/* Adjacent on either side is fine. */
	f.ranges[1].base = 0xf0;
	ck_assert_int_eq(hvg_msr_filter_check(&f), 0);
	f.ranges[1].base = 0x110;
	ck_assert_int_eq(hvg_msr_filter_check(&f), 0);
	/* Overlapping but deciding different directions is fine. */
	f.ranges[1] = (struct hvg_msr_filter_range) { HVG_MSR_WRITE, 16, 0x100,
						      all_zeros };
	ck_assert_int_eq(hvg_msr_filter_check(&f), 0);
	/* One range inside another. */
	f.ranges[1] = (struct hvg_msr_filter_range) { HVG_MSR_READ, 1, 0x105,
						      all_zeros };
	ck_assert_int_eq(hvg_msr_filter_check(&f), -HVG_EEXIST);
	/* An empty range never overlaps. */
	f.ranges[1].nmsrs = 0;
	ck_assert_int_eq(hvg_msr_filter_check(&f), 0);
	/* Overlap at the top of the MSR space is computed without wrapping. */
	f.ranges[0] = (struct hvg_msr_filter_range) { HVG_MSR_READ, 16,
						      0xfffffff0, all_ones };
	f.ranges[1] = (struct hvg_msr_filter_range) { HVG_MSR_READ, 1,
						      0xffffffff, all_ones };
	ck_assert_int_eq(hvg_msr_filter_check(&f), -HVG_EEXIST);
}
END_TEST

START_TEST(filter_verdicts_follow_kvm)
{
	/* Range 0 denies reads of 0x10-0x17 except 0x11; range 1 allows
	 * writes of 0xc0000080 only; default deny. */
	static const u8 r0[1] = { 0x02 };
	static const u8 r1[1] = { 0x01 };
	struct hvg_msr_filter f = filter1(HVG_MSR_FILTER_DEFAULT_DENY,
					  HVG_MSR_READ, 0x10, 8, r0);

	/* An unused (empty) range in between is skipped. */
	f.nr_ranges = 3;
	f.ranges[1] = (struct hvg_msr_filter_range) { HVG_MSR_RW, 0, 0x10,
						      NULL };
	f.ranges[2] = (struct hvg_msr_filter_range) { HVG_MSR_WRITE, 1,
						      0xc0000080, r1 };
	ck_assert_int_eq(hvg_msr_filter_check(&f), 0);
	ck_assert(!hvg_msr_filter_allows(&f, 0x10, HVG_MSR_READ));
	ck_assert(hvg_msr_filter_allows(&f, 0x11, HVG_MSR_READ));
	ck_assert(!hvg_msr_filter_allows(&f, 0x17, HVG_MSR_READ));
	/* Writes of 0x11 are not decided by range 0: the default denies. */
	ck_assert(!hvg_msr_filter_allows(&f, 0x11, HVG_MSR_WRITE));
	ck_assert(hvg_msr_filter_allows(&f, 0xc0000080, HVG_MSR_WRITE));
	ck_assert(!hvg_msr_filter_allows(&f, 0xc0000080, HVG_MSR_READ));
	ck_assert(!hvg_msr_filter_allows(&f, 0x18, HVG_MSR_READ));
	ck_assert(!hvg_msr_filter_allows(&f, 0xf, HVG_MSR_READ));
	/* x2APIC MSRs are never filtered. */
	ck_assert(hvg_msr_filter_allows(&f, 0x800, HVG_MSR_READ));
	ck_assert(hvg_msr_filter_allows(&f, 0x8ff, HVG_MSR_WRITE));
	ck_assert(!hvg_msr_filter_allows(&f, 0x7ff, HVG_MSR_READ));
	ck_assert(!hvg_msr_filter_allows(&f, 0x900, HVG_MSR_WRITE));
	/* Default allow flips the undecided accesses only. */
	f.flags = HVG_MSR_FILTER_DEFAULT_ALLOW;
	ck_assert(hvg_msr_filter_allows(&f, 0x11, HVG_MSR_WRITE));
	ck_assert(hvg_msr_filter_allows(&f, 0x18, HVG_MSR_READ));
	ck_assert(!hvg_msr_filter_allows(&f, 0x10, HVG_MSR_READ));
	/* No filter allows everything; a bad direction allows nothing. */
	ck_assert(hvg_msr_filter_allows(NULL, 0x10, HVG_MSR_READ));
	ck_assert(!hvg_msr_filter_allows(NULL, 0x10, HVG_MSR_RW));
	ck_assert(!hvg_msr_filter_allows(&f, 0x11, 0));
}
END_TEST

/* ---- the policy ------------------------------------------------------ */

#define MAX_ALLOW 64

struct rig {
	struct hvg_msrmap map;
	struct hvg_msr_policy pol;
	struct hvg_msr_slot slots[MAX_ALLOW];
};

static void rig_init(struct rig *r, u32 type, const struct hvg_msr_allow *a,
		     u32 n)
{
	r->map = new_map(type);
	ck_assert_int_eq(hvg_msr_policy_init(&r->pol, &r->map, a, n, r->slots,
					     MAX_ALLOW), 0);
}

START_TEST(policy_init_rejects_bad_input)
{
	static const struct hvg_msr_allow dup[] = {
		{ 0x10, HVG_MSR_READ }, { 0x48, HVG_MSR_RW }, { 0x10, HVG_MSR_RW },
	};
	static const struct hvg_msr_allow bad_dirs[] = { { 0x10, 0 } };
	static const struct hvg_msr_allow bad_dirs2[] = { { 0x10, 4 } };
	static const struct hvg_msr_allow outside[] = {
		{ 0x10, HVG_MSR_READ }, { 0xc0010000, HVG_MSR_READ },
	};
	struct hvg_msr_slot slots[4], guard[4];
	struct hvg_msr_policy pol, pol0;
	struct hvg_msrmap m = new_map(HVG_MSRMAP_VMX), zero = { 0 };

	memset(slots, 0x5a, sizeof(slots));
	memcpy(guard, slots, sizeof(slots));
	memset(&pol, 0x5a, sizeof(pol));
	memcpy(&pol0, &pol, sizeof(pol));
	vmx_mem[0] = 0x12;	/* policy init would reset this */

	ck_assert_int_eq(hvg_msr_policy_init(NULL, &m, dup, 2, slots, 4),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_init(&pol, NULL, dup, 2, slots, 4),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_init(&pol, &zero, dup, 2, slots, 4),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_init(&pol, &m, NULL, 2, slots, 4),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_init(&pol, &m, dup, 2, NULL, 4),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_init(&pol, &m, dup, 3, slots, 4),
			 -HVG_EEXIST);
	ck_assert_int_eq(hvg_msr_policy_init(&pol, &m, bad_dirs, 1, slots, 4),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_init(&pol, &m, bad_dirs2, 1, slots, 4),
			 -HVG_EINVAL);
	/* 0xc0010000 has a bit in the SVM map but not in the VMX one. */
	ck_assert_int_eq(hvg_msr_policy_init(&pol, &m, outside, 2, slots, 4),
			 -HVG_ERANGE);
	ck_assert_int_eq(hvg_msr_policy_init(&pol, &m, dup, 2, slots, 1),
			 -HVG_ENOSPC);
	ck_assert(!memcmp(slots, guard, sizeof(slots)));
	ck_assert(!memcmp(&pol, &pol0, sizeof(pol)));
	ck_assert_uint_eq(vmx_mem[0], 0x12);

	/* An empty allow list is valid and intercepts everything. */
	ck_assert_int_eq(hvg_msr_policy_init(&pol, &m, NULL, 0, NULL, 0), 0);
	ck_assert_uint_eq(hvg_test_clear_bits(vmx_mem, 4096), 0);
	ck_assert_int_eq(hvg_msr_policy_want(&pol, 0, 0x10, HVG_MSR_READ),
			 -HVG_EPERM);
}
END_TEST

START_TEST(policy_want_rejects_bad_input)
{
	static const struct hvg_msr_allow allow[] = {
		{ HVG_MSR_IA32_TSC, HVG_MSR_READ },
		{ HVG_MSR_IA32_FS_BASE, HVG_MSR_RW },
	};
	struct rig r;

	rig_init(&r, HVG_MSRMAP_VMX, allow, 2);
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, HVG_MSR_OWNER_HV,
					     HVG_MSR_IA32_TSC, HVG_MSR_READ), 0);
	memcpy(snap, vmx_mem, 4096);

	ck_assert_int_eq(hvg_msr_policy_want(NULL, 0, 0x10, HVG_MSR_READ),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, HVG_MSR_OWNER_NR,
					     HVG_MSR_IA32_FS_BASE, HVG_MSR_RW),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, 0, HVG_MSR_IA32_FS_BASE,
					     4), -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, 0, 0x2000, HVG_MSR_READ),
			 -HVG_ERANGE);
	/* Not allow-listed, or a direction not allow-listed. */
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, 0, HVG_MSR_IA32_SPEC_CTRL,
					     HVG_MSR_RW), -HVG_EPERM);
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, 0, HVG_MSR_IA32_TSC,
					     HVG_MSR_RW), -HVG_EPERM);
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, 0, HVG_MSR_IA32_TSC,
					     HVG_MSR_WRITE), -HVG_EPERM);
	ck_assert(!memcmp(snap, vmx_mem, 4096));
	/* The rejected calls left the owner's wish as it was. */
	ck_assert_uint_eq(hvg_msr_policy_wants(&r.pol, 0, HVG_MSR_IA32_TSC),
			  HVG_MSR_READ);
	ck_assert_uint_eq(hvg_msr_policy_wants(&r.pol, 0,
					       HVG_MSR_IA32_FS_BASE), 0);
	ck_assert_uint_eq(hvg_msr_policy_wants(&r.pol, 0,
					       HVG_MSR_IA32_SPEC_CTRL), 0);
	ck_assert_uint_eq(hvg_msr_policy_wants(NULL, 0, HVG_MSR_IA32_TSC), 0);
	ck_assert_uint_eq(hvg_msr_policy_wants(&r.pol, HVG_MSR_OWNER_NR,
					       HVG_MSR_IA32_TSC), 0);
	ck_assert_int_eq(hvg_msr_policy_release_owner(NULL, 0), -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_release_owner(&r.pol, 99), -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_set_filter(NULL, NULL), -HVG_EINVAL);
}
END_TEST

START_TEST(policy_want_range_is_all_or_nothing)
{
	struct hvg_msr_allow a[40];
	struct rig r;
	u32 i;

	/* LBR_NHM_FROM+0..31 read/write, then 0x6c0 for reads only. */
	for (i = 0; i < 32; i++)
		a[i] = (struct hvg_msr_allow) { 0x680 + i, HVG_MSR_RW };
	a[32] = (struct hvg_msr_allow) { 0x6c0, HVG_MSR_READ };
	a[33] = (struct hvg_msr_allow) { 0x1ffe, HVG_MSR_RW };
	a[34] = (struct hvg_msr_allow) { 0x1fff, HVG_MSR_RW };
	rig_init(&r, HVG_MSRMAP_VMX, a, 35);

	ck_assert_int_eq(hvg_msr_policy_want_range(&r.pol, HVG_MSR_OWNER_LBR,
						   0x680, 32, HVG_MSR_RW), 0);
	for (i = 0; i < 32; i++)
		ck_assert(!hvg_msrmap_intercepts(&r.map, 0x680 + i,
						 HVG_MSR_RW));
	ck_assert_uint_eq(hvg_test_clear_bits(vmx_mem, 4096), 64);
	memcpy(snap, vmx_mem, 4096);

	/* One MSR past the run is not allow-listed: nothing changes. */
	ck_assert_int_eq(hvg_msr_policy_want_range(&r.pol, HVG_MSR_OWNER_LBR,
						   0x681, 32, 0), -HVG_EPERM);
	/* A gap inside the run (0x6a0-0x6bf are not listed). */
	ck_assert_int_eq(hvg_msr_policy_want_range(&r.pol, HVG_MSR_OWNER_LBR,
						   0x69f, 0x22, 0), -HVG_EPERM);
	/* The first MSR is not listed. */
	ck_assert_int_eq(hvg_msr_policy_want_range(&r.pol, HVG_MSR_OWNER_LBR,
						   0x67f, 2, 0), -HVG_EPERM);
	/* A direction the allow list does not give, on the last MSR. */
	ck_assert_int_eq(hvg_msr_policy_want_range(&r.pol, HVG_MSR_OWNER_LBR,
						   0x6c0, 1, HVG_MSR_RW),
			 -HVG_EPERM);
	/* Runs off the map's range, or past MSR 0xffffffff. */
	ck_assert_int_eq(hvg_msr_policy_want_range(&r.pol, HVG_MSR_OWNER_LBR,
						   0x1ffe, 3, HVG_MSR_RW),
			 -HVG_ERANGE);
	ck_assert_int_eq(hvg_msr_policy_want_range(&r.pol, HVG_MSR_OWNER_LBR,
						   0xffffffff, 2, 0),
			 -HVG_ERANGE);
	ck_assert_int_eq(hvg_msr_policy_want_range(NULL, 0, 0x680, 1, 0),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_want_range(&r.pol, HVG_MSR_OWNER_NR,
						   0x680, 1, 0), -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_want_range(&r.pol, 0, 0x680, 1, 8),
			 -HVG_EINVAL);
	ck_assert(!memcmp(snap, vmx_mem, 4096));
	for (i = 0; i < 32; i++)
		ck_assert_uint_eq(hvg_msr_policy_wants(&r.pol, HVG_MSR_OWNER_LBR,
						       0x680 + i), HVG_MSR_RW);
	/* An empty run changes nothing and is not an error. */
	ck_assert_int_eq(hvg_msr_policy_want_range(&r.pol, HVG_MSR_OWNER_LBR,
						   0x5000, 0, HVG_MSR_RW), 0);
	/* Withdrawing the run intercepts everything again. */
	ck_assert_int_eq(hvg_msr_policy_want_range(&r.pol, HVG_MSR_OWNER_LBR,
						   0x680, 32, 0), 0);
	ck_assert_uint_eq(hvg_test_clear_bits(vmx_mem, 4096), 0);
}
END_TEST

START_TEST(policy_bad_filter_changes_nothing)
{
	static const struct hvg_msr_allow allow[] = {
		{ HVG_MSR_IA32_TSC, HVG_MSR_RW },
	};
	struct hvg_msr_filter deny = filter1(0, HVG_MSR_RW, 0x10, 1, all_zeros);
	struct hvg_msr_filter bad = deny;
	struct rig r;

	rig_init(&r, HVG_MSRMAP_SVM, allow, 1);
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, 0, 0x10, HVG_MSR_RW), 0);
	ck_assert(!hvg_msrmap_intercepts(&r.map, 0x10, HVG_MSR_RW));
	bad.nr_ranges = 17;
	ck_assert_int_eq(hvg_msr_policy_set_filter(&r.pol, &bad), -HVG_EINVAL);
	ck_assert(!hvg_msrmap_intercepts(&r.map, 0x10, HVG_MSR_RW));
	ck_assert_int_eq(hvg_msr_policy_set_filter(&r.pol, &deny), 0);
	ck_assert(hvg_msrmap_intercepts(&r.map, 0x10, HVG_MSR_READ));
	ck_assert(hvg_msrmap_intercepts(&r.map, 0x10, HVG_MSR_WRITE));
	/* Removing the filter passes the wanted MSR through again. */
	ck_assert_int_eq(hvg_msr_policy_set_filter(&r.pol, NULL), 0);
	ck_assert(!hvg_msrmap_intercepts(&r.map, 0x10, HVG_MSR_RW));
}
END_TEST

START_TEST(policy_writes_map_only_on_change)
{
	static const struct hvg_msr_allow allow[] = {
		{ HVG_MSR_LBR_TOS, HVG_MSR_RW },
		{ HVG_MSR_LBR_SELECT, HVG_MSR_RW },
	};
	struct hvg_msr_filter f = filter1(0, HVG_MSR_READ, 0x1c8, 1, all_ones);
	struct rig r;
	unsigned long n;

	rig_init(&r, HVG_MSRMAP_VMX, allow, 2);
	ck_assert_uint_eq(r.pol.map_updates, 0);
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, HVG_MSR_OWNER_LBR,
					     HVG_MSR_LBR_TOS, HVG_MSR_RW), 0);
	ck_assert_uint_eq(r.pol.map_updates, 1);
	/* Same wish again, or a second owner wanting the same: no write. */
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, HVG_MSR_OWNER_LBR,
					     HVG_MSR_LBR_TOS, HVG_MSR_RW), 0);
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, HVG_MSR_OWNER_PMU,
					     HVG_MSR_LBR_TOS, HVG_MSR_READ), 0);
	ck_assert_uint_eq(r.pol.map_updates, 1);
	/* One owner letting go while another still wants it: no write. */
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, HVG_MSR_OWNER_PMU,
					     HVG_MSR_LBR_TOS, 0), 0);
	ck_assert_uint_eq(r.pol.map_updates, 1);
	/* A filter that changes nothing for allow-listed MSRs: no write. */
	ck_assert_int_eq(hvg_msr_policy_set_filter(&r.pol, &f), 0);
	ck_assert_uint_eq(r.pol.map_updates, 1);
	n = r.pol.map_updates;
	ck_assert_int_eq(hvg_msr_policy_release_owner(&r.pol,
						      HVG_MSR_OWNER_LBR), 0);
	ck_assert_uint_eq(r.pol.map_updates, n + 1);
	ck_assert_uint_eq(hvg_test_clear_bits(vmx_mem, 4096), 0);
}
END_TEST

/*
 * Oracle for the exhaustive test, written from api.rst independently of
 * lib/: the first range containing the MSR that decides the direction
 * gives the verdict, else the default; x2APIC MSRs are always allowed.
 */
static bool oracle_filter(const struct hvg_msr_filter *f, u32 msr, u32 dir)
{
	u32 i;

	if (!f || (msr >= 0x800 && msr <= 0x8ff))
		return true;
	for (i = 0; i < f->nr_ranges; i++) {
		const struct hvg_msr_filter_range *r = &f->ranges[i];

		if (r->nmsrs && (r->flags & dir) && msr >= r->base &&
		    (u64)msr < (u64)r->base + r->nmsrs)
			return (r->bitmap[(msr - r->base) / 8] >>
				((msr - r->base) % 8)) & 1;
	}
	return !(f->flags & 1);
}

/* The allow list of the exhaustive test: range edges, x2APIC, LBR, XFD. */
static const struct hvg_msr_allow big_allow[] = {
	{ 0x00000000, HVG_MSR_RW },	{ 0x00000010, HVG_MSR_READ },
	{ 0x00000048, HVG_MSR_RW },	{ 0x00000049, HVG_MSR_WRITE },
	{ 0x00000174, HVG_MSR_RW },	{ 0x00000175, HVG_MSR_RW },
	{ 0x00000176, HVG_MSR_RW },	{ 0x000001c4, HVG_MSR_RW },
	{ 0x000001c5, HVG_MSR_READ },	{ 0x000001c8, HVG_MSR_RW },
	{ 0x000001c9, HVG_MSR_RW },	{ 0x00000680, HVG_MSR_RW },
	{ 0x00000681, HVG_MSR_RW },	{ 0x000006c0, HVG_MSR_RW },
	{ 0x00000800, HVG_MSR_RW },	{ 0x00000808, HVG_MSR_READ },
	{ 0x000008ff, HVG_MSR_RW },	{ 0x00000dc0, HVG_MSR_RW },
	{ 0x00001fff, HVG_MSR_RW },	{ 0xc0000000, HVG_MSR_RW },
	{ 0xc0000080, HVG_MSR_READ },	{ 0xc0000100, HVG_MSR_RW },
	{ 0xc0000101, HVG_MSR_RW },	{ 0xc0000102, HVG_MSR_RW },
	{ 0xc0000103, HVG_MSR_READ },	{ 0xc0001fff, HVG_MSR_RW },
};

/* SVM adds its third vector. */
static const struct hvg_msr_allow svm_extra[] = {
	{ 0xc0010000, HVG_MSR_RW },	{ 0xc0010117, HVG_MSR_READ },
	{ 0xc0011fff, HVG_MSR_RW },
};

/* The test allow list for a map format; returns its length. */
static size_t test_allow_list(u32 type, struct hvg_msr_allow *a)
{
	size_t na = ARRAY_SIZE(big_allow);

	memcpy(a, big_allow, sizeof(big_allow));
	if (type == HVG_MSRMAP_SVM) {
		memcpy(a + na, svm_extra, sizeof(svm_extra));
		na += ARRAY_SIZE(svm_extra);
	}
	return na;
}

/* Filters: none, a default-deny one and a default-allow one. */
static u8 fbits[4][64];
static struct hvg_msr_filter filters[3];

static void make_filters(void)
{
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	size_t i, j;

	for (i = 0; i < 4; i++)
		for (j = 0; j < sizeof(fbits[i]); j++)
			fbits[i][j] = (u8)hvg_test_rand(&seed);

	filters[1] = (struct hvg_msr_filter) {
		.flags = HVG_MSR_FILTER_DEFAULT_DENY, .nr_ranges = 4,
	};
	filters[1].ranges[0] = (struct hvg_msr_filter_range)
		{ HVG_MSR_RW, 0x200, 0x0, fbits[0] };
	filters[1].ranges[1] = (struct hvg_msr_filter_range)
		{ HVG_MSR_READ, 0x100, 0x680, fbits[1] };
	filters[1].ranges[2] = (struct hvg_msr_filter_range)
		{ HVG_MSR_WRITE, 0x40, 0x6c0, fbits[2] };
	filters[1].ranges[3] = (struct hvg_msr_filter_range)
		{ HVG_MSR_RW, 0x200, 0xc0000000, fbits[3] };

	filters[2] = (struct hvg_msr_filter) {
		.flags = HVG_MSR_FILTER_DEFAULT_ALLOW, .nr_ranges = 3,
	};
	filters[2].ranges[0] = (struct hvg_msr_filter_range)
		{ HVG_MSR_WRITE, 0x200, 0x0, all_zeros };
	filters[2].ranges[1] = (struct hvg_msr_filter_range)
		{ HVG_MSR_READ, 0x1000, 0x800, all_zeros };
	filters[2].ranges[2] = (struct hvg_msr_filter_range)
		{ HVG_MSR_READ, 0x100, 0xc0000100, fbits[0] };
	for (i = 1; i < 3; i++)
		ck_assert_int_eq(hvg_msr_filter_check(&filters[i]), 0);
}

static const struct hvg_msr_allow *find_allow(const struct hvg_msr_allow *a,
					      size_t n, u32 msr)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i].msr == msr)
			return &a[i];
	return NULL;
}

/*
 * Every MSR of every range, both directions: passed through exactly when
 * allow-listed AND filter-allowed AND wanted by some owner.
 */
static void check_every_msr(u32 type, const struct hvg_msrmap *m,
			    const struct hvg_msr_allow *a, size_t na,
			    const u32 (*wish)[HVG_MSR_OWNER_NR],
			    const struct hvg_msr_filter *f)
{
	static const u32 bases[] = { 0, 0xc0000000, 0xc0010000 };
	u32 nr = type == HVG_MSRMAP_SVM ? 3 : 2, v, i, msr, dir, o;
	const struct hvg_msr_allow *e;
	bool want, expect;

	for (v = 0; v < nr; v++) {
		for (i = 0; i < 0x2000; i++) {
			msr = bases[v] + i;
			e = find_allow(a, na, msr);
			for (dir = 1; dir <= 2; dir++) {
				want = false;
				for (o = 0; e && o < HVG_MSR_OWNER_NR; o++)
					want |= !!(wish[e - a][o] & dir);
				expect = e && (e->dirs & dir) && want &&
					 oracle_filter(f, msr, dir);
				ck_assert_msg(hvg_msrmap_intercepts(m, msr, dir)
					      == !expect,
					      "type %u msr %#x dir %u", type,
					      msr, dir);
			}
		}
	}
}

static void exhaustive(u32 type)
{
	struct hvg_msr_allow a[MAX_ALLOW];
	u32 wish[MAX_ALLOW][HVG_MSR_OWNER_NR];
	uint64_t seed = 42 + type;
	size_t na, i, round;
	u32 fi, o, dirs;
	struct rig r;

	na = test_allow_list(type, a);
	make_filters();
	memset(wish, 0, sizeof(wish));
	rig_init(&r, type, a, (u32)na);

	for (round = 0; round < 12; round++) {
		/* Owners change their wishes at random, within the allow list. */
		for (i = 0; i < na; i++) {
			o = (u32)(hvg_test_rand(&seed) % HVG_MSR_OWNER_NR);
			dirs = (u32)(hvg_test_rand(&seed) % 4) & a[i].dirs;
			wish[i][o] = dirs;
			if (round % 2)
				ck_assert_int_eq(hvg_msr_policy_want_range(
					&r.pol, o, a[i].msr, 1, dirs), 0);
			else
				ck_assert_int_eq(hvg_msr_policy_want(&r.pol, o,
						 a[i].msr, dirs), 0);
			ck_assert_uint_eq(hvg_msr_policy_wants(&r.pol, o,
							       a[i].msr), dirs);
		}
		/* Then the filter changes; the map follows the stored wishes. */
		fi = round % 3;
		ck_assert_int_eq(hvg_msr_policy_set_filter(&r.pol,
				 fi ? &filters[fi] : NULL), 0);
		check_every_msr(type, &r.map, a, na,
				(const u32 (*)[HVG_MSR_OWNER_NR])wish,
				fi ? &filters[fi] : NULL);
	}
	/* An owner releasing everything drops only its own wishes. */
	ck_assert_int_eq(hvg_msr_policy_release_owner(&r.pol, HVG_MSR_OWNER_HV),
			 0);
	for (i = 0; i < na; i++)
		wish[i][HVG_MSR_OWNER_HV] = 0;
	check_every_msr(type, &r.map, a, na,
			(const u32 (*)[HVG_MSR_OWNER_NR])wish, &filters[2]);
}

START_TEST(effective_map_is_allow_and_filter_and_desired_vmx)
{
	exhaustive(HVG_MSRMAP_VMX);
}
END_TEST

START_TEST(effective_map_is_allow_and_filter_and_desired_svm)
{
	exhaustive(HVG_MSRMAP_SVM);
}
END_TEST

/* ---- nested merge ---------------------------------------------------- */

static u8 l1_mem[8192] __attribute__((aligned(4096)));
static u8 full_mem[8192] __attribute__((aligned(4096)));
static u8 sparse_mem[8192] __attribute__((aligned(4096)));

static void merge_case(u32 type)
{
	struct hvg_msr_allow a[MAX_ALLOW];
	struct hvg_msrmap l1, full, sparse;
	uint64_t seed = 7 + type;
	size_t na, i, k, sz = map_size(type);
	u32 msr, dir;
	struct rig r;

	na = test_allow_list(type, a);
	rig_init(&r, type, a, (u32)na);
	ck_assert_int_eq(hvg_msrmap_init(&sparse, type, sparse_mem, sz), 0);
	ck_assert_int_eq(hvg_msrmap_init(&full, type, full_mem, sz), 0);

	for (k = 0; k < 16; k++) {
		for (i = 0; i < na; i++)
			ck_assert_int_eq(hvg_msr_policy_want(&r.pol, 0, a[i].msr,
				(u32)(hvg_test_rand(&seed) % 4) & a[i].dirs), 0);
		/* L1's map: random bits, as a guest may write anything. */
		ck_assert_int_eq(hvg_msrmap_init(&l1, type, l1_mem, sz), 0);
		for (i = 0; i < sz; i++)
			l1_mem[i] = (u8)hvg_test_rand(&seed);

		ck_assert_int_eq(hvg_msrmap_merge_full(&full, &r.map, &l1), 0);
		ck_assert_int_eq(hvg_msr_policy_merge_sparse(&r.pol, &l1,
							     &sparse), 0);
		/* Full merge is the bytewise OR of the two maps. */
		for (i = 0; i < sz; i++)
			ck_assert_uint_eq(full_mem[i],
					  r.map.bits[i] | l1_mem[i]);
		/* Sparse merge gives the same page, bit for bit. */
		ck_assert(!memcmp(full_mem, sparse_mem, sz));
		/* Semantics: L2 reaches an MSR only if L0 and L1 both let it. */
		for (i = 0; i < na; i++) {
			msr = a[i].msr;
			for (dir = 1; dir <= 2; dir++)
				ck_assert(hvg_msrmap_intercepts(&full, msr, dir)
					  == (hvg_msrmap_intercepts(&r.map, msr,
								    dir) ||
					      hvg_msrmap_intercepts(&l1, msr,
								    dir)));
		}
	}

	/* L1 without MSR bitmaps: everything is intercepted for L2. */
	ck_assert_int_eq(hvg_msrmap_merge_full(&full, &r.map, NULL), 0);
	ck_assert_int_eq(hvg_msr_policy_merge_sparse(&r.pol, NULL, &sparse), 0);
	ck_assert_uint_eq(hvg_test_clear_bits(full_mem, sz), 0);
	ck_assert_uint_eq(hvg_test_clear_bits(sparse_mem, sz), 0);
}

START_TEST(merge_full_and_sparse_agree_vmx)
{
	merge_case(HVG_MSRMAP_VMX);
}
END_TEST

START_TEST(merge_full_and_sparse_agree_svm)
{
	merge_case(HVG_MSRMAP_SVM);
}
END_TEST

START_TEST(merge_rejects_bad_input)
{
	struct hvg_msrmap v = new_map(HVG_MSRMAP_VMX);
	struct hvg_msrmap s = new_map(HVG_MSRMAP_SVM);
	struct hvg_msrmap zero = { 0 };
	struct hvg_msr_slot slots[1];
	struct hvg_msr_policy pol;

	memcpy(snap, svm_mem, 8192);
	ck_assert_int_eq(hvg_msrmap_merge_full(NULL, &v, NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_merge_full(&s, NULL, NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_merge_full(&s, &v, NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_merge_full(&s, &s, &v), -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_merge_full(&s, &s, &zero), -HVG_EINVAL);
	ck_assert_int_eq(hvg_msrmap_merge_full(&zero, &s, NULL), -HVG_EINVAL);

	ck_assert_int_eq(hvg_msr_policy_init(&pol, &v, NULL, 0, slots, 1), 0);
	ck_assert_int_eq(hvg_msr_policy_merge_sparse(NULL, NULL, &s),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_merge_sparse(&pol, NULL, NULL),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_merge_sparse(&pol, NULL, &s),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_merge_sparse(&pol, &s, &v),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_msr_policy_merge_sparse(&pol, &zero, &v),
			 -HVG_EINVAL);
	pol.map.bits = NULL;
	ck_assert_int_eq(hvg_msr_policy_merge_sparse(&pol, NULL, &v),
			 -HVG_EINVAL);
	ck_assert(!memcmp(snap, svm_mem, 8192));
}
END_TEST

/* ---- MSR names -------------------------------------------------------- */

struct named {
	u32 msr;
	const char *name;
};

/* Indices from SDM Vol. 4 and the APM, names as in msr-index.h. */
static const struct named names[] = {
	{ 0x00000010, "IA32_TSC" },
	{ 0x0000003a, "IA32_FEATURE_CONTROL" },
	{ 0x00000048, "IA32_SPEC_CTRL" },
	{ 0x00000040, "LBR_CORE_FROM" },
	{ 0x00000047, "LBR_CORE_FROM+7" },
	{ 0x00000067, "LBR_CORE_TO+7" },
	{ 0x000000c8, "IA32_PMC0+7" },
	{ 0x0000018d, "IA32_PERFEVTSEL0+7" },
	{ 0x000001c4, "IA32_XFD" },
	{ 0x000001c5, "IA32_XFD_ERR" },
	{ 0x000001c8, "LBR_SELECT" },
	{ 0x000001c9, "LBR_TOS" },
	{ 0x000001d9, "IA32_DEBUGCTL" },
	{ 0x00000345, "IA32_PERF_CAPABILITIES" },
	{ 0x0000038f, "IA32_PERF_GLOBAL_CTRL" },
	{ 0x000003f1, "IA32_PEBS_ENABLE" },
	{ 0x00000480, "IA32_VMX_BASIC" },
	{ 0x00000493, "IA32_VMX_EXIT_CTLS2" },
	{ 0x00000600, "IA32_DS_AREA" },
	{ 0x00000680, "LBR_NHM_FROM" },
	{ 0x0000069f, "LBR_NHM_FROM+31" },
	{ 0x000006a0, "IA32_U_CET" },
	{ 0x000006c0, "LBR_NHM_TO" },
	{ 0x000006e1, "IA32_PKRS" },
	{ 0x00000830, "X2APIC+48" },
	{ 0x00000da0, "IA32_XSS" },
	{ 0x00000dc0, "LBR_INFO_0" },
	{ 0x00000ddf, "LBR_INFO_0+31" },
	{ 0x00001200, "IA32_LBR_INFO_0" },
	{ 0x000014ce, "IA32_LBR_CTL" },
	{ 0x000014cf, "IA32_LBR_DEPTH" },
	{ 0x0000151f, "IA32_LBR_0_FROM_IP+31" },
	{ 0x00001600, "IA32_LBR_0_TO_IP" },
	{ 0xc0000080, "IA32_EFER" },
	{ 0xc0000100, "IA32_FS_BASE" },
	{ 0xc0000102, "IA32_KERNEL_GS_BASE" },
	{ 0xc0000103, "IA32_TSC_AUX" },
	{ 0xc0010117, "AMD_VM_HSAVE_PA" },
	{ 0xc0010200, "AMD_CORE_PERF_CTL0" },
};

START_TEST(msr_names_from_the_table)
{
	char buf[32];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		memset(buf, 0, sizeof(buf));
		ck_assert_msg(hvg_msr_name(names[i].msr, buf, sizeof(buf)),
			      "%#x", names[i].msr);
		ck_assert_str_eq(buf, names[i].name);
	}
	/* Gaps and the ends of the space have no name; buf is untouched. */
	strcpy(buf, "keep");
	ck_assert(!hvg_msr_name(0x2, buf, sizeof(buf)));
	ck_assert(!hvg_msr_name(0x48 + 2, buf, sizeof(buf)));
	ck_assert(!hvg_msr_name(0x6a0 + 1, buf, sizeof(buf)));
	ck_assert(!hvg_msr_name(0xffffffff, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "keep");
	ck_assert(!hvg_msr_name(0x10, NULL, 8));
	ck_assert(!hvg_msr_name(0x10, buf, 0));
	/* Truncation keeps the terminating NUL. */
	ck_assert(hvg_msr_name(0x10, buf, 5));
	ck_assert_str_eq(buf, "IA32");
	ck_assert(hvg_msr_name(0x69f, buf, 13));
	ck_assert_str_eq(buf, "LBR_NHM_FROM");
	ck_assert(hvg_msr_name(0x69f, buf, 14));
	ck_assert_str_eq(buf, "LBR_NHM_FROM+");
	ck_assert(hvg_msr_name(0x69f, buf, 15));
	ck_assert_str_eq(buf, "LBR_NHM_FROM+3");
}
END_TEST

Suite *msr_bitmap_suite(void)
{
	Suite *s = suite_create("msr_bitmap");
	TCase *tc;

	tc = hvg_tcase("layout");
	tcase_add_test(tc, vmx_layout_matches_sdm);
	tcase_add_test(tc, svm_layout_matches_apm);
	tcase_add_test(tc, both_directions_at_once);
	tcase_add_test(tc, outside_ranges_always_exit);
	tcase_add_test(tc, ranges_per_format);
	tcase_add_test(tc, init_rejects_bad_input);
	tcase_add_test(tc, set_rejects_bad_input);
	tcase_add_test(tc, reserved_bits_counted);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("filter");
	tcase_add_test(tc, filter_check_rejects_malformed);
	tcase_add_test(tc, filter_check_rejects_overlap_in_a_shared_direction);
	tcase_add_test(tc, filter_verdicts_follow_kvm);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("policy");
	tcase_add_test(tc, policy_init_rejects_bad_input);
	tcase_add_test(tc, policy_want_rejects_bad_input);
	tcase_add_test(tc, policy_want_range_is_all_or_nothing);
	tcase_add_test(tc, policy_bad_filter_changes_nothing);
	tcase_add_test(tc, policy_writes_map_only_on_change);
	tcase_add_test(tc, effective_map_is_allow_and_filter_and_desired_vmx);
	tcase_add_test(tc, effective_map_is_allow_and_filter_and_desired_svm);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("merge");
	tcase_add_test(tc, merge_full_and_sparse_agree_vmx);
	tcase_add_test(tc, merge_full_and_sparse_agree_svm);
	tcase_add_test(tc, merge_rejects_bad_input);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("names");
	tcase_add_test(tc, msr_names_from_the_table);
	suite_add_tcase(s, tc);
	return s;
}
