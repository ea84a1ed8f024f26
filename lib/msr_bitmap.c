// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * MSR intercept maps, the userspace MSR filter and the pass-through policy.
 *
 * The layouts are in include/hvgate/msr_bitmap.h; this file turns an MSR
 * and a direction into one bit of a map and keeps the policy's map equal
 * to allow-list AND filter AND (some owner wants it), MSR by MSR.
 */
#include "hvgate_env.h"
#include "internal.h"

#define MSRS_PER_RANGE		HVG_MSRMAP_RANGE_MSRS
#define HIGH_BASE		0xc0000000U	/* VMX high range, SVM vector 1 */
#define AMD_BASE		0xc0010000U	/* SVM vector 2 */

/* VMX: the write quarters start 0x800 bytes after the read quarters. */
#define VMX_WRITE_DELTA		(HVG_VMX_MSRBM_WRITE_LOW * 8)

static bool type_valid(u32 type)
{
	return type == HVG_MSRMAP_VMX || type == HVG_MSRMAP_SVM;
}

static bool map_valid(const struct hvg_msrmap *map)
{
	return map && map->bits && type_valid(map->type);
}

/*
 * msrmap_pos() - bit numbers of the read and write intercepts of @msr.
 *
 * VMX (SDM "MSR-Bitmap Address"): bit n of the read-low quarter is MSR n,
 * bit n of the read-high quarter (byte 0x400) is MSR 0xc0000000 + n; the
 * write quarters follow 0x800 bytes later. SVM (APM "MSR Intercepts"): MSR
 * n of vector v uses bits 2n (read) and 2n + 1 (write) of the vector, and
 * each vector is 0x800 bytes. Unsigned subtraction makes an MSR below a
 * range's base wrap to a large value and fail the bound.
 *
 * Return: false if the format has no bit for @msr.
 */
static __always_inline bool msrmap_pos(u32 type, u32 msr, u32 *rbit,
				       u32 *wbit)
{
	u32 vec;

	if (msr < MSRS_PER_RANGE)
		vec = 0;
	else if (msr - HIGH_BASE < MSRS_PER_RANGE)
		vec = 1;
	else if (type == HVG_MSRMAP_SVM && msr - AMD_BASE < MSRS_PER_RANGE)
		vec = 2;
	else
		return false;

	msr &= MSRS_PER_RANGE - 1;
	if (type == HVG_MSRMAP_VMX) {
		*rbit = vec * HVG_VMX_MSRBM_READ_HIGH * 8 + msr;
		*wbit = *rbit + VMX_WRITE_DELTA;
	} else {
		*rbit = vec * HVG_SVM_MSRPM_VEC1 * 8 + 2 * msr;
		*wbit = *rbit + 1;
	}
	return true;
}

static __always_inline bool bit_test(const u8 *bits, u32 nr)
{
	return (bits[nr / 8] >> (nr % 8)) & 1;
}

static __always_inline void mask_assign(u8 *p, u8 mask, bool val)
{
	*p = (u8)((*p & ~mask) | (-(u8)val & mask));
}

static __always_inline void bit_assign(u8 *bits, u32 nr, bool val)
{
	mask_assign(&bits[nr / 8], (u8)(1U << (nr % 8)), val);
}

size_t hvg_msrmap_size(u32 type)
{
	if (type == HVG_MSRMAP_VMX)
		return HVG_VMX_MSR_BITMAP_SIZE;
	if (type == HVG_MSRMAP_SVM)
		return HVG_SVM_MSRPM_SIZE;
	return 0;
}

int hvg_msrmap_get_range(u32 type, u32 idx, struct hvg_msr_range *range)
{
	static const u32 firsts[] = { 0, HIGH_BASE, AMD_BASE };
	u32 nr = type == HVG_MSRMAP_SVM ? 3 : 2;

	if (!range || !type_valid(type))
		return -HVG_EINVAL;
	if (idx >= nr)
		return -HVG_ENOENT;
	range->first = firsts[idx];
	range->count = MSRS_PER_RANGE;
	return 0;
}

bool hvg_msrmap_covers(u32 type, u32 msr)
{
	u32 r, w;

	return type_valid(type) && msrmap_pos(type, msr, &r, &w);
}

int hvg_msrmap_init(struct hvg_msrmap *map, u32 type, void *mem, size_t size)
{
	if (!map || !mem || !type_valid(type))
		return -HVG_EINVAL;
	if ((uintptr_t)mem % 8 || size < hvg_msrmap_size(type))
		return -HVG_EINVAL;

	HVG_MEMSET(mem, 0xff, hvg_msrmap_size(type));
	map->bits = mem;
	map->type = type;
	return 0;
}

int hvg_msrmap_set(struct hvg_msrmap *map, u32 msr, u32 dirs, bool intercept)
{
	u32 rbit, wbit;

	if (!map_valid(map) || !dirs || (dirs & ~HVG_MSR_RW))
		return -HVG_EINVAL;
	if (!msrmap_pos(map->type, msr, &rbit, &wbit))
		return -HVG_ERANGE;

	if (dirs & HVG_MSR_READ)
		bit_assign(map->bits, rbit, intercept);
	if (dirs & HVG_MSR_WRITE)
		bit_assign(map->bits, wbit, intercept);
	return 0;
}

bool hvg_msrmap_intercepts(const struct hvg_msrmap *map, u32 msr, u32 dirs)
{
	u32 rbit, wbit;

	if (!map_valid(map) || !dirs || (dirs & ~HVG_MSR_RW))
		return true;
	if (!msrmap_pos(map->type, msr, &rbit, &wbit))
		return true;

	return ((dirs & HVG_MSR_READ) && bit_test(map->bits, rbit)) ||
	       ((dirs & HVG_MSR_WRITE) && bit_test(map->bits, wbit));
}

int hvg_msrmap_reserved_bits(const struct hvg_msrmap *map, u32 *set,
			     u32 *clear)
{
	u32 i, ones = 0, total = 0;

	if (!map_valid(map) || !set || !clear)
		return -HVG_EINVAL;

	if (map->type == HVG_MSRMAP_SVM) {
		total = (HVG_SVM_MSRPM_SIZE - HVG_SVM_MSRPM_RESERVED) * 8;
		for (i = HVG_SVM_MSRPM_RESERVED * 8;
		     i < HVG_SVM_MSRPM_SIZE * 8; i++)
			ones += bit_test(map->bits, i);
	}
	*set = ones;
	*clear = total - ones;
	return 0;
}

int hvg_msrmap_merge_full(struct hvg_msrmap *out, const struct hvg_msrmap *l0,
			  const struct hvg_msrmap *l1)
{
	u64 *dst;
	const u64 *a, *b;
	size_t i, words;

	if (!map_valid(out) || !map_valid(l0) || out->type != l0->type)
		return -HVG_EINVAL;
	if (l1 && (!map_valid(l1) || l1->type != l0->type))
		return -HVG_EINVAL;

	/* Maps are 8-byte aligned (hvg_msrmap_init() checks it). */
	dst = (u64 *)out->bits;
	a = (const u64 *)l0->bits;
	words = hvg_msrmap_size(out->type) / sizeof(u64);
	if (!l1) {
		HVG_MEMSET(dst, 0xff, words * sizeof(u64));
		return 0;
	}
	b = (const u64 *)l1->bits;
	for (i = 0; i < words; i++)
		dst[i] = a[i] | b[i];
	return 0;
}

/* Userspace MSR filter (KVM api.rst 4.97, kvm_msr_allowed()). */

static bool range_used(const struct hvg_msr_filter_range *r)
{
	return r->nmsrs != 0;
}

int hvg_msr_filter_check(const struct hvg_msr_filter *filter)
{
	const struct hvg_msr_filter_range *r, *q;
	bool any = false;
	u32 i, j;

	if (!filter || (filter->flags & ~HVG_MSR_FILTER_DEFAULT_DENY))
		return -HVG_EINVAL;
	if (filter->nr_ranges > HVG_MSR_FILTER_MAX_RANGES)
		return -HVG_EINVAL;

	for (i = 0; i < filter->nr_ranges; i++) {
		r = &filter->ranges[i];
		if (!range_used(r))
			continue;
		if (!r->flags || (r->flags & ~HVG_MSR_RW) || !r->bitmap ||
		    r->nmsrs > HVG_MSR_FILTER_MAX_NMSRS)
			return -HVG_EINVAL;
		if ((u64)r->base + r->nmsrs > BIT_ULL(32))
			return -HVG_ERANGE;
		any = true;
	}

	for (i = 0; i < filter->nr_ranges; i++) {
		r = &filter->ranges[i];
		for (j = i + 1; range_used(r) && j < filter->nr_ranges; j++) {
			q = &filter->ranges[j];
			if (!range_used(q) || !(r->flags & q->flags))
				continue;
			if ((u64)r->base < (u64)q->base + q->nmsrs &&
			    (u64)q->base < (u64)r->base + r->nmsrs)
				return -HVG_EEXIST;
		}
	}

	/* All ranges empty means "no filtering", which cannot deny. */
	if (!any && (filter->flags & HVG_MSR_FILTER_DEFAULT_DENY))
		return -HVG_EINVAL;
	return 0;
}

bool hvg_msr_filter_allows(const struct hvg_msr_filter *filter, u32 msr,
			   u32 dir)
{
	const struct hvg_msr_filter_range *r;
	u32 i, n;

	if (dir != HVG_MSR_READ && dir != HVG_MSR_WRITE)
		return false;
	if (!filter)
		return true;
	/* x2APIC MSRs do not support filtering (api.rst). */
	if (msr >= HVG_MSR_X2APIC_FIRST && msr <= HVG_MSR_X2APIC_LAST)
		return true;

	for (i = 0; i < filter->nr_ranges; i++) {
		r = &filter->ranges[i];
		n = msr - r->base;
		if (range_used(r) && (r->flags & dir) && msr >= r->base &&
		    n < r->nmsrs)
			return bit_test(r->bitmap, n);
	}
	return !(filter->flags & HVG_MSR_FILTER_DEFAULT_DENY);
}

/* The policy. */

static struct hvg_msr_slot *slot_find(const struct hvg_msr_policy *pol,
				      u32 msr)
{
	u32 lo = 0, hi = pol->nr_slots, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (pol->slots[mid].msr == msr)
			return &pol->slots[mid];
		if (pol->slots[mid].msr < msr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Rewrite @s's bits in the map if its effective state changed. */
static void slot_apply(struct hvg_msr_policy *pol, struct hvg_msr_slot *s)
{
	u32 want = (s->want_r ? HVG_MSR_READ : 0) |
		   (s->want_w ? HVG_MSR_WRITE : 0);
	u8 eff = s->allow & s->filter & want;

	if (eff == s->eff)
		return;

	mask_assign(&pol->map.bits[s->roff], s->rmask, !(eff & HVG_MSR_READ));
	mask_assign(&pol->map.bits[s->woff], s->wmask, !(eff & HVG_MSR_WRITE));
	s->eff = eff;
	pol->map_updates++;
}

static u8 filter_dirs(const struct hvg_msr_filter *filter, u32 msr)
{
	return (hvg_msr_filter_allows(filter, msr, HVG_MSR_READ) ?
			HVG_MSR_READ : 0) |
	       (hvg_msr_filter_allows(filter, msr, HVG_MSR_WRITE) ?
			HVG_MSR_WRITE : 0);
}

static void slot_set_wish(struct hvg_msr_policy *pol, struct hvg_msr_slot *s,
			  u32 owner, u32 dirs)
{
	u32 bit = BIT(owner);

	s->want_r = (dirs & HVG_MSR_READ) ? s->want_r | bit : s->want_r & ~bit;
	s->want_w = (dirs & HVG_MSR_WRITE) ? s->want_w | bit : s->want_w & ~bit;
	slot_apply(pol, s);
}

int hvg_msr_policy_init(struct hvg_msr_policy *pol,
			const struct hvg_msrmap *map,
			const struct hvg_msr_allow *allow, u32 nr_allow,
			struct hvg_msr_slot *slots, u32 nr_slots)
{
	struct hvg_msr_slot tmp;
	u32 i, j, rbit, wbit;

	if (!pol || !map_valid(map) || (nr_allow && (!allow || !slots)))
		return -HVG_EINVAL;
	for (i = 0; i < nr_allow; i++) {
		if (!allow[i].dirs || (allow[i].dirs & ~HVG_MSR_RW))
			return -HVG_EINVAL;
		if (!msrmap_pos(map->type, allow[i].msr, &rbit, &wbit))
			return -HVG_ERANGE;
		for (j = 0; j < i; j++) {
			if (allow[j].msr == allow[i].msr)
				return -HVG_EEXIST;
		}
	}
	if (nr_slots < nr_allow)
		return -HVG_ENOSPC;

	/* Insertion sort by MSR index; init only, lists are short. */
	for (i = 0; i < nr_allow; i++) {
		msrmap_pos(map->type, allow[i].msr, &rbit, &wbit);
		tmp = (struct hvg_msr_slot) {
			.msr = allow[i].msr,
			.allow = (u8)allow[i].dirs,
			.filter = HVG_MSR_RW,
			.roff = (u16)(rbit / 8),
			.woff = (u16)(wbit / 8),
			.rmask = (u8)(1U << (rbit % 8)),
			.wmask = (u8)(1U << (wbit % 8)),
		};
		for (j = i; j > 0 && slots[j - 1].msr > tmp.msr; j--)
			slots[j] = slots[j - 1];
		slots[j] = tmp;
	}

	HVG_MEMSET(map->bits, 0xff, hvg_msrmap_size(map->type));
	pol->map = *map;
	pol->slots = slots;
	pol->nr_slots = nr_allow;
	pol->map_updates = 0;
	return 0;
}

int hvg_msr_policy_want(struct hvg_msr_policy *pol, u32 owner, u32 msr,
			u32 dirs)
{
	struct hvg_msr_slot *s;

	if (!pol || owner >= HVG_MSR_OWNER_NR || (dirs & ~HVG_MSR_RW))
		return -HVG_EINVAL;
	s = slot_find(pol, msr);
	if (!s)
		return hvg_msrmap_covers(pol->map.type, msr) ? -HVG_EPERM :
							       -HVG_ERANGE;
	if (dirs & ~s->allow)
		return -HVG_EPERM;

	slot_set_wish(pol, s, owner, dirs);
	return 0;
}

int hvg_msr_policy_want_range(struct hvg_msr_policy *pol, u32 owner,
			      u32 first, u32 count, u32 dirs)
{
	struct hvg_msr_slot *s, *end;
	u32 i, msr;

	if (!pol || owner >= HVG_MSR_OWNER_NR || (dirs & ~HVG_MSR_RW))
		return -HVG_EINVAL;
	if (!count)
		return 0;
	if ((u64)first + count > BIT_ULL(32))
		return -HVG_ERANGE;

	/* Slots are sorted and unique: the run must be count slots in a row. */
	s = slot_find(pol, first);
	end = pol->slots + pol->nr_slots;
	for (i = 0; i < count; i++) {
		msr = first + i;
		if (!s || s + i >= end || s[i].msr != msr)
			return hvg_msrmap_covers(pol->map.type, msr) ?
				-HVG_EPERM : -HVG_ERANGE;
		if (dirs & ~s[i].allow)
			return -HVG_EPERM;
	}
	for (i = 0; i < count; i++)
		slot_set_wish(pol, &s[i], owner, dirs);
	return 0;
}

u32 hvg_msr_policy_wants(const struct hvg_msr_policy *pol, u32 owner,
			 u32 msr)
{
	const struct hvg_msr_slot *s;

	if (!pol || owner >= HVG_MSR_OWNER_NR)
		return 0;
	s = slot_find(pol, msr);
	if (!s)
		return 0;
	return ((s->want_r >> owner) & 1 ? HVG_MSR_READ : 0) |
	       ((s->want_w >> owner) & 1 ? HVG_MSR_WRITE : 0);
}

int hvg_msr_policy_release_owner(struct hvg_msr_policy *pol, u32 owner)
{
	struct hvg_msr_slot *s;
	u32 i;

	if (!pol || owner >= HVG_MSR_OWNER_NR)
		return -HVG_EINVAL;
	for (i = 0; i < pol->nr_slots; i++) {
		s = &pol->slots[i];
		s->want_r &= ~BIT(owner);
		s->want_w &= ~BIT(owner);
		slot_apply(pol, s);
	}
	return 0;
}

int hvg_msr_policy_set_filter(struct hvg_msr_policy *pol,
			      const struct hvg_msr_filter *filter)
{
	struct hvg_msr_slot *s;
	int ret;
	u32 i;

	if (!pol)
		return -HVG_EINVAL;
	if (filter) {
		ret = hvg_msr_filter_check(filter);
		if (ret)
			return ret;
	}
	for (i = 0; i < pol->nr_slots; i++) {
		s = &pol->slots[i];
		s->filter = filter_dirs(filter, s->msr);
		slot_apply(pol, s);
	}
	return 0;
}

int hvg_msr_policy_merge_sparse(const struct hvg_msr_policy *pol,
				const struct hvg_msrmap *l1,
				struct hvg_msrmap *out)
{
	const struct hvg_msr_slot *s, *end;
	const u8 *l1b;
	u8 *ob, r, w;

	if (!pol || !map_valid(&pol->map) || !map_valid(out) ||
	    out->type != pol->map.type)
		return -HVG_EINVAL;
	if (l1 && (!map_valid(l1) || l1->type != out->type))
		return -HVG_EINVAL;

	/*
	 * Per slot and direction: the merged bit is 1 (intercept) where L0
	 * intercepts, else L1's bit. Locals, because a byte store may alias
	 * anything and the compiler would otherwise reload every pointer.
	 */
	ob = out->bits;
	end = pol->slots + pol->nr_slots;
	if (!l1) {
		for (s = pol->slots; s < end; s++) {
			ob[s->roff] |= s->rmask;
			ob[s->woff] |= s->wmask;
		}
		return 0;
	}
	l1b = l1->bits;
	for (s = pol->slots; s < end; s++) {
		r = (s->eff & HVG_MSR_READ) ? l1b[s->roff] & s->rmask : s->rmask;
		w = (s->eff & HVG_MSR_WRITE) ? l1b[s->woff] & s->wmask :
					       s->wmask;
		ob[s->roff] = (u8)((ob[s->roff] & ~s->rmask) | r);
		ob[s->woff] = (u8)((ob[s->woff] & ~s->wmask) | w);
	}
	return 0;
}
