/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * MSR intercept maps and the pass-through policy.
 *
 * Two layers:
 *
 *  - Raw maps (struct hvg_msrmap): the VMX MSR bitmap (Intel SDM Vol. 3C,
 *    "MSR-Bitmap Address": one 4 KiB page, read-low at 0x000 for MSRs
 *    0x0-0x1fff, read-high at 0x400 for 0xc0000000-0xc0001fff, write-low at
 *    0x800, write-high at 0xc00, one bit per MSR, a set bit intercepts) and
 *    the SVM MSR permission map (AMD APM Vol. 2, "MSR Intercepts": 8 KiB,
 *    two bits per MSR, read at bit 2n and write at bit 2n + 1, vectors at
 *    0x000 for 0x0-0x1fff, 0x800 for 0xc0000000-0xc0001fff and 0x1000 for
 *    0xc0010000-0xc0011fff, 0x1800-0x1fff reserved). An MSR outside the
 *    ranges always causes an exit and can never be passed through.
 *
 *  - The policy (struct hvg_msr_policy) that owns one map: an allow list of
 *    the MSRs this hypervisor may ever pass through (fixed at init), the
 *    userspace MSR filter (KVM_X86_SET_MSR_FILTER semantics) and, per
 *    owner, the directions it wants passed through. The map passes an MSR
 *    through in a direction iff the MSR is allow-listed for it, the filter
 *    allows it, and at least one owner wants it; the policy keeps the map
 *    equal to that at every return.
 *
 * All memory is the caller's. Nothing here locks: a caller serialises
 * calls on one policy (KVM does it per vCPU).
 */
#ifndef HVGATE_MSR_BITMAP_H
#define HVGATE_MSR_BITMAP_H

#include "hvgate_env.h"
#include <hvgate/types.h>

/* Map formats. */
#define HVG_MSRMAP_VMX		1	/* Intel VMX MSR bitmap, 4 KiB */
#define HVG_MSRMAP_SVM		2	/* AMD SVM MSR permission map, 8 KiB */

#define HVG_VMX_MSR_BITMAP_SIZE	4096
#define HVG_SVM_MSRPM_SIZE	8192

/* Byte offsets of the four VMX quarters (SDM "MSR-Bitmap Address"). */
#define HVG_VMX_MSRBM_READ_LOW		0x000
#define HVG_VMX_MSRBM_READ_HIGH		0x400
#define HVG_VMX_MSRBM_WRITE_LOW		0x800
#define HVG_VMX_MSRBM_WRITE_HIGH	0xc00

/* Byte offsets of the SVM vectors (APM "MSR Intercepts"). */
#define HVG_SVM_MSRPM_VEC0		0x0000	/* 0x00000000-0x00001fff */
#define HVG_SVM_MSRPM_VEC1		0x0800	/* 0xc0000000-0xc0001fff */
#define HVG_SVM_MSRPM_VEC2		0x1000	/* 0xc0010000-0xc0011fff */
#define HVG_SVM_MSRPM_RESERVED		0x1800	/* 0x1800-0x1fff: no MSR */

/* MSRs per range in both formats. */
#define HVG_MSRMAP_RANGE_MSRS		0x2000

/**
 * struct hvg_msrmap - a raw MSR intercept map in caller memory
 * @bits: the map, HVG_VMX_MSR_BITMAP_SIZE or HVG_SVM_MSRPM_SIZE bytes,
 *        8-byte aligned (a page in practice)
 * @type: HVG_MSRMAP_VMX or HVG_MSRMAP_SVM
 */
struct hvg_msrmap {
	u8 *bits;
	u32 type;
};

/**
 * struct hvg_msr_range - one contiguous range of MSRs a map covers
 * @first: first MSR index
 * @count: number of MSRs
 */
struct hvg_msr_range {
	u32 first;
	u32 count;
};

/**
 * hvg_msrmap_size() - bytes a map of a given format occupies
 * @type: HVG_MSRMAP_VMX or HVG_MSRMAP_SVM
 *
 * Return: 4096 or 8192; 0 for an unknown @type.
 */
size_t hvg_msrmap_size(u32 type);

/**
 * hvg_msrmap_get_range() - the MSR ranges a map format covers
 * @type: HVG_MSRMAP_VMX (2 ranges) or HVG_MSRMAP_SVM (3 ranges)
 * @idx: range number, from 0
 * @range: filled with the range
 *
 * Return: 0; -HVG_EINVAL if @range is NULL or @type is unknown;
 * -HVG_ENOENT if @idx is past the last range (@range untouched).
 */
int hvg_msrmap_get_range(u32 type, u32 idx, struct hvg_msr_range *range);

/**
 * hvg_msrmap_covers() - whether a map format has bits for an MSR
 * @type: HVG_MSRMAP_VMX or HVG_MSRMAP_SVM
 * @msr: MSR index
 *
 * Return: true if @msr lies in one of the format's ranges; false otherwise
 * and for an unknown @type.
 */
bool hvg_msrmap_covers(u32 type, u32 msr);

/**
 * hvg_msrmap_init() - bind caller memory as a map and intercept everything
 * @map: the map to initialise
 * @type: HVG_MSRMAP_VMX or HVG_MSRMAP_SVM
 * @mem: at least hvg_msrmap_size(@type) bytes, 8-byte aligned
 * @size: bytes available at @mem
 *
 * Every bit of the map is set: every MSR is intercepted in both directions
 * (for SVM the reserved tail too).
 *
 * Return: 0; -HVG_EINVAL if @map or @mem is NULL, @type is unknown, @mem
 * is not 8-byte aligned or @size is smaller than the format (@map and @mem
 * untouched).
 */
int hvg_msrmap_init(struct hvg_msrmap *map, u32 type, void *mem, size_t size);

/**
 * hvg_msrmap_set() - intercept or pass through one MSR in a raw map
 * @map: an initialised map
 * @msr: MSR index
 * @dirs: HVG_MSR_READ, HVG_MSR_WRITE or both
 * @intercept: true to intercept, false to pass through
 *
 * This writes the map directly, below the policy: hypervisor code should
 * use hvg_msr_policy_want(), which applies the allow list and the filter.
 *
 * Return: 0; -HVG_EINVAL if @map is NULL or not initialised, or @dirs is
 * empty or has bits other than HVG_MSR_RW; -HVG_ERANGE if the format has no
 * bit for @msr (it is always intercepted). The map is untouched on error.
 */
int hvg_msrmap_set(struct hvg_msrmap *map, u32 msr, u32 dirs, bool intercept);

/**
 * hvg_msrmap_intercepts() - whether an access to an MSR causes an exit
 * @map: an initialised map
 * @msr: MSR index
 * @dirs: HVG_MSR_READ, HVG_MSR_WRITE or both
 *
 * Return: true if an access in any direction of @dirs exits: the bit is
 * set, or the format has no bit for @msr. Also true for a NULL or
 * uninitialised @map and for invalid @dirs, so that a caller that gets an
 * argument wrong errs on the side of intercepting.
 */
bool hvg_msrmap_intercepts(const struct hvg_msrmap *map, u32 msr, u32 dirs);

/**
 * hvg_msrmap_reserved_bits() - count bits that map no MSR
 * @map: an initialised map
 * @set: filled with the number of such bits that are 1
 * @clear: filled with the number of such bits that are 0
 *
 * The VMX format has none (every bit of the page maps an MSR); the SVM
 * format has 16384, in bytes 0x1800-0x1fff. The processor ignores them.
 *
 * Return: 0; -HVG_EINVAL for a NULL argument or an uninitialised @map.
 */
int hvg_msrmap_reserved_bits(const struct hvg_msrmap *map, u32 *set,
			     u32 *clear);

/**
 * hvg_msrmap_merge_full() - build the map used while a nested guest runs
 * @out: map to write (vmcs02 / the nested MSRPM); initialised, same format
 * @l0: the map L0 uses for L1 (vmcs01)
 * @l1: the map L1 gave for L2, copied out of L1 memory; NULL when L1 does
 *      not use MSR bitmaps, which intercepts everything
 *
 * An MSR is passed through for L2 only if both L0 and L1 pass it through:
 * @out = @l0 OR @l1, computed over the whole map, 8 bytes at a time.
 *
 * Return: 0; -HVG_EINVAL if @out or @l0 is NULL or uninitialised, or the
 * formats differ (@out untouched).
 */
int hvg_msrmap_merge_full(struct hvg_msrmap *out, const struct hvg_msrmap *l0,
			  const struct hvg_msrmap *l1);

/* Userspace MSR filter, as KVM_X86_SET_MSR_FILTER (Documentation/virt/kvm/api.rst). */
#define HVG_MSR_FILTER_MAX_RANGES	16
#define HVG_MSR_FILTER_DEFAULT_ALLOW	0x0
#define HVG_MSR_FILTER_DEFAULT_DENY	0x1
/* KVM bounds a range's bitmap to KVM_MSR_FILTER_MAX_BITMAP_SIZE (0x600) bytes. */
#define HVG_MSR_FILTER_MAX_NMSRS	(0x600 * 8)

/**
 * struct hvg_msr_filter_range - one range of a userspace MSR filter
 * @flags: HVG_MSR_READ and/or HVG_MSR_WRITE (the values of KVM's
 *         KVM_MSR_FILTER_READ/WRITE): the directions this range decides
 * @nmsrs: number of MSRs, from @base; 0 marks an unused range
 * @base: first MSR of the range
 * @bitmap: @nmsrs bits, bit i (bit i % 8 of byte i / 8) for MSR @base + i;
 *          1 allows the access, 0 denies it
 */
struct hvg_msr_filter_range {
	u32 flags;
	u32 nmsrs;
	u32 base;
	const u8 *bitmap;
};

/**
 * struct hvg_msr_filter - a userspace MSR filter
 * @flags: HVG_MSR_FILTER_DEFAULT_ALLOW or HVG_MSR_FILTER_DEFAULT_DENY, the
 *         verdict for an access no range decides
 * @nr_ranges: entries used in @ranges, at most HVG_MSR_FILTER_MAX_RANGES
 * @ranges: the ranges
 *
 * Semantics (KVM api.rst, 4.97): an access is decided by the first range
 * that contains the MSR and whose @flags include the access direction;
 * otherwise by the default. x2APIC MSRs 0x800-0x8ff are never filtered.
 * A filter whose ranges are all empty disables filtering and must not be
 * default-deny. hvgate is stricter than KVM in two ways, so that a filter
 * means one thing: two ranges may not overlap in a direction they both
 * decide (KVM silently lets the first win), and base + nmsrs must not pass
 * 2^32 (KVM wraps).
 */
struct hvg_msr_filter {
	u32 flags;
	u32 nr_ranges;
	struct hvg_msr_filter_range ranges[HVG_MSR_FILTER_MAX_RANGES];
};

/**
 * hvg_msr_filter_check() - validate a userspace MSR filter
 * @filter: the filter
 *
 * Return: 0 if @filter is valid; -HVG_EINVAL if @filter is NULL, has
 * unknown flags, more than HVG_MSR_FILTER_MAX_RANGES ranges, a used range
 * with empty or unknown @flags, a NULL bitmap or more than
 * HVG_MSR_FILTER_MAX_NMSRS MSRs, or no used range while default-deny;
 * -HVG_ERANGE if a range runs past MSR 0xffffffff; -HVG_EEXIST if two used
 * ranges overlap in a direction both decide.
 */
int hvg_msr_filter_check(const struct hvg_msr_filter *filter);

/**
 * hvg_msr_filter_allows() - the filter's verdict on one access
 * @filter: a filter that passed hvg_msr_filter_check(), or NULL for none
 * @msr: MSR index
 * @dir: HVG_MSR_READ or HVG_MSR_WRITE
 *
 * Return: true if the access is allowed (always for NULL @filter and for
 * x2APIC MSRs); false if denied, and for a @dir that is not exactly one
 * direction.
 */
bool hvg_msr_filter_allows(const struct hvg_msr_filter *filter, u32 msr,
			   u32 dir);

/* Owners: features that ask for MSRs to be passed through. */
#define HVG_MSR_OWNER_HV		0	/* the hypervisor's base set */
#define HVG_MSR_OWNER_LBR		1	/* lbr module */
#define HVG_MSR_OWNER_XFD		2	/* xfd module */
#define HVG_MSR_OWNER_PMU		3	/* counters (mediated PMU) */
#define HVG_MSR_OWNER_PT		4	/* processor trace */
#define HVG_MSR_OWNER_CET		5	/* shadow-stack MSRs */
#define HVG_MSR_OWNER_SPEC_CTRL		6	/* speculation controls */
#define HVG_MSR_OWNER_NR		7

/**
 * struct hvg_msr_allow - one allow-list entry (input to policy init)
 * @msr: MSR index
 * @dirs: directions this hypervisor may ever pass through
 */
struct hvg_msr_allow {
	u32 msr;
	u32 dirs;
};

/**
 * struct hvg_msr_slot - policy state of one allow-listed MSR
 * @msr: MSR index
 * @allow: directions on the allow list
 * @filter: directions the current userspace filter allows
 * @eff: directions passed through in the map now
 * @reserved: zero
 * @reserved2: zero
 * @roff: byte of the map that holds the MSR's read-intercept bit
 * @woff: byte of the map that holds its write-intercept bit
 * @rmask: the read-intercept bit within byte @roff
 * @wmask: the write-intercept bit within byte @woff
 * @want_r: owners (bit n = owner n) that want reads passed through
 * @want_w: owners that want writes passed through
 *
 * The caller provides an array of these, one per allow-list entry, and
 * treats it as opaque after hvg_msr_policy_init(). The bit positions are
 * computed once at init so that toggles and merges only mask bytes.
 */
struct hvg_msr_slot {
	u32 msr;
	u8 allow;
	u8 filter;
	u8 eff;
	u8 reserved;
	u16 roff;
	u16 woff;
	u8 rmask;
	u8 wmask;
	u16 reserved2;
	u32 want_r;
	u32 want_w;
};

/**
 * struct hvg_msr_policy - a map and the state that decides it
 * @map: the effective map (vmcs01's MSR bitmap, or the VMCB's MSRPM)
 * @slots: allow-listed MSRs, sorted by index
 * @nr_slots: entries in @slots
 * @map_updates: number of times an MSR's bits in @map were rewritten
 *               because its effective state changed; steady state leaves
 *               it unchanged, which tests and benchmarks check
 */
struct hvg_msr_policy {
	struct hvg_msrmap map;
	struct hvg_msr_slot *slots;
	u32 nr_slots;
	unsigned long map_updates;
};

/**
 * hvg_msr_policy_init() - set up a policy over a map and an allow list
 * @pol: the policy
 * @map: an initialised map; the policy takes it over and resets it to
 *       intercept everything
 * @allow: the allow list, in any order
 * @nr_allow: entries in @allow
 * @slots: caller array of at least @nr_allow slots
 * @nr_slots: entries available at @slots
 *
 * No filter is installed and no owner wants anything, so every MSR is
 * intercepted.
 *
 * Return: 0; -HVG_EINVAL if a pointer is NULL (@allow and @slots may be
 * NULL only when @nr_allow is 0), @map is uninitialised, or an entry's
 * @dirs is empty or has unknown bits; -HVG_ERANGE if an entry's MSR has no
 * bit in the map format; -HVG_EEXIST if an MSR is listed twice;
 * -HVG_ENOSPC if @nr_slots < @nr_allow. Nothing is written on error.
 */
int hvg_msr_policy_init(struct hvg_msr_policy *pol,
			const struct hvg_msrmap *map,
			const struct hvg_msr_allow *allow, u32 nr_allow,
			struct hvg_msr_slot *slots, u32 nr_slots);

/**
 * hvg_msr_policy_want() - set what one owner wants for one MSR
 * @pol: the policy
 * @owner: HVG_MSR_OWNER_*
 * @msr: MSR index
 * @dirs: the directions @owner wants passed through from now on (0: none);
 *        replaces the owner's previous wish for @msr
 *
 * The map is rewritten for @msr only if its effective state changes; a
 * filter that denies a direction keeps it intercepted whatever the owners
 * want.
 *
 * Return: 0; -HVG_EINVAL if @pol is NULL, @owner is unknown or @dirs has
 * bits other than HVG_MSR_RW; -HVG_ERANGE if the map has no bit for @msr;
 * -HVG_EPERM if @msr is not on the allow list or @dirs includes a
 * direction the allow list does not give it. Nothing changes on error.
 */
int hvg_msr_policy_want(struct hvg_msr_policy *pol, u32 owner, u32 msr,
			u32 dirs);

/**
 * hvg_msr_policy_want_range() - set what one owner wants for a run of MSRs
 * @pol: the policy
 * @owner: HVG_MSR_OWNER_*
 * @first: first MSR of the run
 * @count: number of consecutive MSRs, from @first
 * @dirs: the directions @owner wants for each of them (0: none)
 *
 * The same as hvg_msr_policy_want() on @first, @first + 1, ... with one
 * lookup for the run: for record stacks such as LBR FROM/TO/INFO. Either
 * every MSR of the run is updated or none is.
 *
 * Return: 0 (also for @count 0); -HVG_EINVAL if @pol is NULL, @owner is
 * unknown or @dirs has bits other than HVG_MSR_RW; -HVG_ERANGE if the run
 * passes MSR 0xffffffff or the map has no bit for one of its MSRs;
 * -HVG_EPERM if one of its MSRs is not on the allow list, or not for all
 * of @dirs.
 */
int hvg_msr_policy_want_range(struct hvg_msr_policy *pol, u32 owner,
			      u32 first, u32 count, u32 dirs);

/**
 * hvg_msr_policy_wants() - what one owner currently wants for one MSR
 * @pol: the policy
 * @owner: HVG_MSR_OWNER_*
 * @msr: MSR index
 *
 * Return: the directions; 0 for a NULL @pol, an unknown @owner or an MSR
 * that is not allow-listed.
 */
u32 hvg_msr_policy_wants(const struct hvg_msr_policy *pol, u32 owner,
			 u32 msr);

/**
 * hvg_msr_policy_release_owner() - withdraw every wish of one owner
 * @pol: the policy
 * @owner: HVG_MSR_OWNER_*
 *
 * For teardown and reset paths: afterwards @owner keeps nothing passed
 * through.
 *
 * Return: 0; -HVG_EINVAL if @pol is NULL or @owner is unknown.
 */
int hvg_msr_policy_release_owner(struct hvg_msr_policy *pol, u32 owner);

/**
 * hvg_msr_policy_set_filter() - install a new userspace MSR filter
 * @pol: the policy
 * @filter: the new filter, or NULL to remove filtering
 *
 * Recomputes every allow-listed MSR for every owner from the stored
 * wishes (KVM recomputes its own set but leaves LBR and x2APIC MSRs as
 * they were; here nothing is exempt), so a direction the new filter denies
 * is intercepted at once and one it allows again is passed through again
 * if still wanted. @filter is only read during the call; keep it to answer
 * hvg_msr_filter_allows() for intercepted accesses.
 *
 * Return: 0; -HVG_EINVAL if @pol is NULL; any error of
 * hvg_msr_filter_check() for an invalid @filter. Nothing changes on error.
 */
int hvg_msr_policy_set_filter(struct hvg_msr_policy *pol,
			      const struct hvg_msr_filter *filter);

/**
 * hvg_msr_policy_merge_sparse() - nested merge over the allow list only
 * @pol: L0's policy (its map is vmcs01's)
 * @l1: L1's map for L2, or NULL when L1 does not use MSR bitmaps
 * @out: the merged map (vmcs02); same format as @pol's map
 *
 * Computes the same result as hvg_msrmap_merge_full() while touching only
 * the bits of allow-listed MSRs: L0 never passes any other MSR through,
 * so their bits in @out must already be set. That holds if @out was set up
 * with hvg_msrmap_init() and is only ever written by this function.
 *
 * Return: 0; -HVG_EINVAL if @pol or @out is NULL or uninitialised, or the
 * formats differ (@out untouched).
 */
int hvg_msr_policy_merge_sparse(const struct hvg_msr_policy *pol,
				const struct hvg_msrmap *l1,
				struct hvg_msrmap *out);

/**
 * hvg_msr_name() - manual name of an MSR, for tools and messages
 * @msr: MSR index
 * @buf: filled with the name
 * @len: bytes at @buf (32 is always enough)
 *
 * Names come from include/hvgate/msr-index.h; record stacks are named
 * "BASE+i" (e.g. "LBR_NHM_FROM+3").
 *
 * Return: true if @msr has a name (written to @buf, truncated to @len with
 * a terminating NUL); false otherwise (@buf untouched).
 */
bool hvg_msr_name(u32 msr, char *buf, size_t len);

#endif /* HVGATE_MSR_BITMAP_H */
