// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * libFuzzer target for msr_bitmap (make fuzz): the input is a program of
 * operations on one policy, with arbitrary arguments (MSRs, owners,
 * directions, filters with arbitrary ranges and flags). After every
 * operation the map must equal allow-list AND filter AND wanted, computed
 * here from the test's own record of what succeeded; a call that fails
 * must have changed nothing. Built with ASan and UBSan.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hvgate_env.h"
#include <hvgate/hvgate.h>

#define MAX_ALLOW 24

struct reader {
	const u8 *p;
	size_t n;
};

static u32 take(struct reader *r, unsigned int bytes)
{
	u32 v = 0;

	while (bytes--) {
		v = (v << 8) | (r->n ? *r->p : 0);
		if (r->n) {
			r->p++;
			r->n--;
		}
	}
	return v;
}

/* MSRs near the interesting edges, so that hits are likely. */
static u32 take_msr(struct reader *r)
{
	static const u32 bases[] = { 0x0, 0x800, 0x1f00, 0x2000, 0xc0000000,
				     0xc0001ff0, 0xc0010000, 0xc0011ff8,
				     0xfffffff0 };
	u32 b = take(r, 1);

	return bases[b % ARRAY_SIZE(bases)] + take(r, 1) % 32;
}

static bool oracle_filter(const struct hvg_msr_filter *f, u32 msr, u32 dir)
{
	u32 i;

	if (!f || (msr >= 0x800 && msr <= 0x8ff))
		return true;
	for (i = 0; i < f->nr_ranges; i++) {
		const struct hvg_msr_filter_range *q = &f->ranges[i];

		if (q->nmsrs && (q->flags & dir) && msr >= q->base &&
		    (u64)msr < (u64)q->base + q->nmsrs)
			return (q->bitmap[(msr - q->base) / 8] >>
				((msr - q->base) % 8)) & 1;
	}
	return !(f->flags & 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static u8 mem[HVG_SVM_MSRPM_SIZE] __attribute__((aligned(4096)));
	static u8 before[HVG_SVM_MSRPM_SIZE];
	static u8 fbits[4][64], saved_bits[4][64];
	u32 ks[HVG_MSR_FILTER_MAX_RANGES] = { 0 };
	struct reader r = { data, size };
	struct hvg_msr_allow allow[MAX_ALLOW];
	struct hvg_msr_slot slots[MAX_ALLOW];
	u32 wish[MAX_ALLOW][HVG_MSR_OWNER_NR];
	struct hvg_msr_filter filter, *cur = NULL, cur_copy;
	struct hvg_msr_policy pol;
	struct hvg_msrmap map;
	u32 type = take(&r, 1) % 2 ? HVG_MSRMAP_SVM : HVG_MSRMAP_VMX;
	u32 na = take(&r, 1) % (MAX_ALLOW + 1), i, j, op, o, msr, dirs, n, k;
	size_t msize = hvg_msrmap_size(type);
	bool want, expect, use;
	int ret;

	if (hvg_msrmap_init(&map, type, mem, sizeof(mem)))
		abort();
	for (i = 0; i < na; i++) {
		allow[i].msr = take_msr(&r);
		allow[i].dirs = take(&r, 1) % 5;
	}
	memset(wish, 0, sizeof(wish));
	if (hvg_msr_policy_init(&pol, &map, allow, na, slots, MAX_ALLOW)) {
		/* Rejected: nothing written; the map is still all-intercept. */
		for (i = 0; i < msize; i++)
			if (mem[i] != 0xff)
				abort();
		return 0;
	}

	while (r.n) {
		op = take(&r, 1) % 4;
		o = take(&r, 1) % (HVG_MSR_OWNER_NR + 1);
		dirs = take(&r, 1) % 5;
		memcpy(before, mem, msize);
		switch (op) {
		case 0:
			msr = take_msr(&r);
			ret = hvg_msr_policy_want(&pol, o, msr, dirs);
			for (i = 0; !ret && i < na; i++)
				if (allow[i].msr == msr)
					wish[i][o] = dirs;
			break;
		case 1:
			msr = take_msr(&r);
			n = take(&r, 1) % 40;
			ret = hvg_msr_policy_want_range(&pol, o, msr, n, dirs);
			for (i = 0; !ret && i < na; i++)
				if (allow[i].msr - msr < n)
					wish[i][o] = dirs;
			break;
		case 2:
			use = take(&r, 1) % 4;
			memset(&filter, 0, sizeof(filter));
			filter.flags = take(&r, 1) % 3;
			filter.nr_ranges = take(&r, 1) % 18;
			for (j = 0; j < HVG_MSR_FILTER_MAX_RANGES; j++) {
				if (j >= filter.nr_ranges)
					break;
				k = take(&r, 1) % 4;
				for (i = 0; i < sizeof(fbits[k]); i++)
					fbits[k][i] = (u8)take(&r, 1);
				ks[j] = k;
				filter.ranges[j].flags = take(&r, 1) % 5;
				filter.ranges[j].base = take_msr(&r);
				/* Bitmaps are 64 bytes: a longer range would be
				 * a caller bug, not a library one. */
				filter.ranges[j].nmsrs = take(&r, 2) % (64 * 8 + 1);
				filter.ranges[j].bitmap = take(&r, 1) % 8 ?
							  fbits[k] : NULL;
			}
			ret = hvg_msr_policy_set_filter(&pol, use ? &filter :
								    NULL);
			if (!ret && !use) {
				cur = NULL;
			} else if (!ret) {
				/* The oracle keeps its own copy of the bitmaps:
				 * the library is not allowed to need them. */
				memcpy(saved_bits, fbits, sizeof(fbits));
				cur_copy = filter;
				for (j = 0; j < HVG_MSR_FILTER_MAX_RANGES; j++)
					if (cur_copy.ranges[j].bitmap)
						cur_copy.ranges[j].bitmap =
							saved_bits[ks[j]];
				cur = &cur_copy;
				memset(fbits, 0xa5, sizeof(fbits));
			}
			break;
		default:
			ret = hvg_msr_policy_release_owner(&pol, o);
			for (i = 0; !ret && i < na; i++)
				wish[i][o] = 0;
			break;
		}
		if (ret && memcmp(before, mem, msize))
			abort();	/* a failed call changed the map */
		for (i = 0; i < na; i++) {
			for (dirs = 1; dirs <= 2; dirs++) {
				want = false;
				for (o = 0; o < HVG_MSR_OWNER_NR; o++)
					want |= !!(wish[i][o] & dirs);
				expect = (allow[i].dirs & dirs) && want &&
					 oracle_filter(cur, allow[i].msr, dirs);
				if (hvg_msrmap_intercepts(&map, allow[i].msr,
							  dirs) == expect)
					abort();
			}
		}
	}
	return 0;
}
