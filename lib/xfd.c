// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * IA32_XFD pass-through on demand: when guest writes to IA32_XFD stop
 * being intercepted, when the host's XFD state must be synced after an
 * exit, and how IA32_XFD_ERR and #NM are handled.
 *
 * Sources: Intel SDM Vol. 1, 13.14 "Extended Feature Disable (XFD)"; the
 * seed "kvm: x86: Disable WRMSR interception for IA32_XFD on demand" (Dec
 * 2021: options 1-3, the flow, xfd_sync_state after exits); the merged
 * design in reference/upstream-kvm.md (b): first non-zero write, XFD_ERR
 * save on #NM with CR0.TS = 0, reset after exit, restore before entry, and
 * the Dec-2025 XSTATE_BV fix. Reallocation checked on XSETBV as well as on
 * WRMSR: Thomas Gleixner, "x86/fpu: Preparatory changes for guest AMX
 * support", lkml 2021-12-14 ("triggered directly via XSETBV and XFD MSR
 * write emulation").
 */
#include "hvgate_env.h"
#include "internal.h"

/* Events of the write-interception state machine (enum hvg_xfd_mode). */
enum xfd_event {
	XFD_EV_APPLY,		/* an emulated write or XSETBV takes effect */
	XFD_EV_REALLOC,		/* it needs a bigger buffer first */
	XFD_EV_BUFFER,		/* the buffer's contents were reported */
	XFD_EV_COMPLETE,	/* the VMM returned to run the vCPU */
	XFD_EV_NR,
};

#define XFD_TR(mode, ev)	((u32)(mode) * XFD_EV_NR + (u32)(ev))

/* An operation on the guest's XFD or XCR0, or a buffer report. */
struct xfd_op {
	u32 kind;		/* HVG_XFD_OP_* */
	u64 val;
};

/*
 * Dynamic features the guest can use with @xcr0 and @xfd: XCR0[i] = 1 and
 * XFD[i] = 0 (SDM 13.14: an XFD-disabled component faults on use).
 */
static u64 xfd_live(const struct hvg_xfd_state *st, u64 xcr0, u64 xfd)
{
	return st->permitted & xcr0 & ~xfd;
}

/* The buffer holds every permitted feature: the guest can enable any. */
static bool xfd_full(const struct hvg_xfd_state *st, u64 buffer)
{
	return !(st->permitted & ~buffer);
}

/* The buffer holds what the guest could use once @op took effect. */
static bool xfd_fits(const struct hvg_xfd_state *st, const struct xfd_op *op,
		     u64 buffer)
{
	u64 xcr0 = op->kind == HVG_XFD_OP_XCR0 ? op->val : st->xcr0;
	u64 xfd = op->kind == HVG_XFD_OP_XFD ? op->val : st->xfd;

	return !(xfd_live(st, xcr0, xfd) & ~buffer);
}

static bool xfd_pt_mode(enum hvg_xfd_mode mode)
{
	return mode == HVG_XFD_PASSTHROUGH ||
	       mode == HVG_XFD_PENDING_PASSTHROUGH;
}

static bool xfd_map_passes(const struct hvg_xfd_state *st)
{
	return !(READ_ONCE(*st->map_wbyte) & st->map_wmask);
}

static bool xfd_nm_wanted(const struct hvg_xfd_state *st)
{
	return st->xfd || xfd_pt_mode(st->mode) || xfd_map_passes(st);
}

/*
 * Whether applying @op passes writes through under the vCPU's policy
 * (include/hvgate/xfd.h, "The policies"). @completion: @op waited for a
 * reallocation and the VMM has returned.
 */
static bool xfd_trigger(const struct hvg_xfd_state *st,
			const struct xfd_op *op, bool completion)
{
	if (op->kind != HVG_XFD_OP_XFD || !st->pt_dirs ||
	    !xfd_full(st, st->buffer))
		return false;
	switch (st->policy) {
	case HVG_XFD_POLICY_UPSTREAM:
		return op->val != 0;
	case HVG_XFD_POLICY_SECOND_ENABLE:
		return !completion && xfd_live(st, st->xcr0, op->val);
	default:	/* FIRST_WRITE, ON_COMPLETION */
		return completion || xfd_live(st, st->xcr0, op->val);
	}
}

/*
 * Report a change of #NM interception in @d and of the map, given the
 * policy's update count before the operation.
 */
static void xfd_flags(struct hvg_xfd_state *st, struct hvg_xfd_decision *d,
		      unsigned long map_updates)
{
	bool nm = xfd_nm_wanted(st);

	d->flags = 0;
	if (nm != st->nm)
		d->flags |= nm ? HVG_XFD_F_NM_ON : HVG_XFD_F_NM_OFF;
	if (st->pol->map_updates != map_updates)
		d->flags |= HVG_XFD_F_MAP;
	st->nm = nm;
}

/*
 * The state machine: one transition per (mode, event). Every input has
 * been validated by the caller; only a completion with nothing waiting is
 * refused here, before anything changes.
 */
static int xfd_step(struct hvg_xfd_state *st, enum xfd_event ev,
		    const struct xfd_op *op, struct hvg_xfd_decision *d)
{
	unsigned long map_updates = st->pol->map_updates;
	enum hvg_xfd_mode prev = st->mode, next;
	u32 action = HVG_XFD_DONE;
	bool apply = false;
	struct xfd_op pend = { st->pend_op, st->pend_val };

	switch (XFD_TR(prev, ev)) {
	case XFD_TR(HVG_XFD_INTERCEPT, XFD_EV_APPLY):
		next = xfd_trigger(st, op, false) ? HVG_XFD_PASSTHROUGH :
						    HVG_XFD_INTERCEPT;
		apply = true;
		break;
	case XFD_TR(HVG_XFD_INTERCEPT, XFD_EV_REALLOC):
		next = HVG_XFD_PENDING;
		action = HVG_XFD_REALLOC;
		break;
	case XFD_TR(HVG_XFD_PENDING, XFD_EV_BUFFER):
		/* Option 1 commits at the write; the buffer decides when. */
		next = st->policy == HVG_XFD_POLICY_FIRST_WRITE &&
		       pend.kind == HVG_XFD_OP_XFD && st->pt_dirs &&
		       xfd_full(st, op->val) ? HVG_XFD_PENDING_PASSTHROUGH :
					       HVG_XFD_PENDING;
		break;
	case XFD_TR(HVG_XFD_PENDING, XFD_EV_COMPLETE):
		/* Option 2 re-checks the buffer; a failed one retries. */
		apply = xfd_fits(st, &pend, st->buffer);
		action = apply ? HVG_XFD_DONE : HVG_XFD_RETRY;
		next = apply && xfd_trigger(st, &pend, true) ?
			HVG_XFD_PASSTHROUGH : HVG_XFD_INTERCEPT;
		op = &pend;
		break;
	case XFD_TR(HVG_XFD_PENDING_PASSTHROUGH, XFD_EV_COMPLETE):
		/* A full buffer holds whatever the write enables. */
		next = HVG_XFD_PASSTHROUGH;
		apply = true;
		op = &pend;
		break;
	case XFD_TR(HVG_XFD_INTERCEPT, XFD_EV_BUFFER):
	case XFD_TR(HVG_XFD_PENDING_PASSTHROUGH, XFD_EV_BUFFER):
	case XFD_TR(HVG_XFD_PASSTHROUGH, XFD_EV_BUFFER):
	case XFD_TR(HVG_XFD_PASSTHROUGH, XFD_EV_APPLY):
		next = prev;
		apply = ev == XFD_EV_APPLY;
		break;
	default:
		/*
		 * COMPLETE with nothing waiting. APPLY and REALLOC while
		 * waiting are refused by the callers, and PASSTHROUGH never
		 * sees REALLOC: its buffer holds every permitted feature.
		 */
		return -HVG_ESTATE;
	}

	st->mode = next;
	if (ev == XFD_EV_BUFFER)
		st->buffer = op->val;
	if (ev == XFD_EV_COMPLETE)
		st->pend_op = HVG_XFD_OP_NONE;
	if (action == HVG_XFD_REALLOC) {
		st->pend_op = op->kind;
		st->pend_val = op->val;
	}
	if (apply && op->kind == HVG_XFD_OP_XFD)
		st->xfd = op->val;
	if (apply && op->kind == HVG_XFD_OP_XCR0)
		st->xcr0 = op->val;
	/* Cannot fail: IA32_XFD is in both map formats, @pt_dirs allowed. */
	if (!xfd_pt_mode(prev) && xfd_pt_mode(next))
		hvg_msr_policy_want(st->pol, HVG_MSR_OWNER_XFD,
				    HVG_MSR_IA32_XFD, st->pt_dirs);

	d->action = action;
	d->op = op->kind;
	d->diag = 0;
	d->value = action == HVG_XFD_REALLOC ? st->permitted : op->val;
	xfd_flags(st, d, map_updates);
	return 0;
}

static int xfd_gp(struct hvg_xfd_decision *d, u32 op, u32 diag)
{
	*d = (struct hvg_xfd_decision) {
		.action = HVG_XFD_GP, .op = op, .diag = diag,
	};
	return 0;
}

static bool xfd_pending(const struct hvg_xfd_state *st)
{
	return st->pend_op != HVG_XFD_OP_NONE;
}

/*
 * Byte and bit of IA32_XFD's write intercept in @map. VMX (SDM Vol. 3C,
 * "MSR-Bitmap Address"): write bitmap for low MSRs at byte 0x800, bit n for
 * MSR n. SVM (APM Vol. 2, "MSR Intercepts"): vector 0 at byte 0, bit 2n + 1
 * for a write of MSR n.
 */
static u32 xfd_write_bit(const struct hvg_msrmap *map)
{
	if (map->type == HVG_MSRMAP_VMX)
		return HVG_VMX_MSRBM_WRITE_LOW * 8 + HVG_MSR_IA32_XFD;
	return HVG_SVM_MSRPM_VEC0 * 8 + 2 * HVG_MSR_IA32_XFD + 1;
}

/* Directions of @msr on @pol's allow list (0 when not listed). */
static u8 xfd_allowed(const struct hvg_msr_policy *pol, u32 msr)
{
	u32 i;

	for (i = 0; i < pol->nr_slots; i++)
		if (pol->slots[i].msr == msr)
			return pol->slots[i].allow;
	return 0;
}

int hvg_xfd_init(struct hvg_xfd_state *st, struct hvg_msr_policy *pol,
		 const struct hvg_xfd_config *cfg)
{
	u32 policy, wbit;
	u8 xfd_allow, err_allow;

	/* include/hvgate/config.h maps the Kconfig choice to a policy. */
	BUILD_BUG_ON(!HVG_CFG_XFD_POLICY);
	BUILD_BUG_ON(HVG_CFG_XFD_POLICY > HVG_XFD_POLICY_MAX);
	if (!st || !pol || !cfg || !pol->map.bits)
		return -HVG_EINVAL;
	if (pol->map.type != HVG_MSRMAP_VMX && pol->map.type != HVG_MSRMAP_SVM)
		return -HVG_EINVAL;
	if (cfg->policy > HVG_XFD_POLICY_MAX)
		return -HVG_EINVAL;
	/* SDM Vol. 1, 13.14: CPUID.(EAX=0DH,ECX=i):ECX[2] is defined for i >= 2. */
	if (cfg->xfd_caps & ~HVG_XFD_COMPONENTS)
		return -HVG_ERANGE;
	/* A dynamic feature is one XFD can disable; no XFD, no such feature. */
	if ((cfg->permitted & ~cfg->xfd_caps) ||
	    (!cfg->guest_has_xfd && cfg->xfd_caps))
		return -HVG_EINVAL;

	policy = cfg->policy ? cfg->policy : HVG_CFG_XFD_POLICY;
	wbit = xfd_write_bit(&pol->map);
	xfd_allow = xfd_allowed(pol, HVG_MSR_IA32_XFD);
	err_allow = xfd_allowed(pol, HVG_MSR_IA32_XFD_ERR);

	*st = (struct hvg_xfd_state) {
		.map_wbyte = &pol->map.bits[wbit / 8],
		.map_wmask = (u8)BIT(wbit % 8),
		.guest_has_xfd = cfg->guest_has_xfd,
		/* Upstream passes reads and writes together; writes suffice. */
		.pt_dirs = (xfd_allow & HVG_MSR_WRITE) ? xfd_allow : 0,
		.mode = HVG_XFD_INTERCEPT,
		.policy = policy,
		.pend_op = HVG_XFD_OP_NONE,
		.xcr0 = HVG_XCR0_RESET,
		.buffer = cfg->buffer,
		.xfd_caps = cfg->xfd_caps,
		.permitted = cfg->permitted,
		.pol = pol,
	};
	/* Cannot fail: @pol is valid, the owner known, the directions listed. */
	hvg_msr_policy_release_owner(pol, HVG_MSR_OWNER_XFD);
	if (cfg->guest_has_xfd && (err_allow & HVG_MSR_READ))
		hvg_msr_policy_want(pol, HVG_MSR_OWNER_XFD,
				    HVG_MSR_IA32_XFD_ERR, HVG_MSR_READ);
	st->nm = xfd_nm_wanted(st);
	return 0;
}

u32 hvg_xfd_policy(const struct hvg_xfd_state *st)
{
	return st ? st->policy : 0;
}

enum hvg_xfd_mode hvg_xfd_mode(const struct hvg_xfd_state *st)
{
	return st ? st->mode : HVG_XFD_INTERCEPT;
}

int hvg_xfd_wrmsr(struct hvg_xfd_state *st, u32 msr, u64 value,
		  bool host_initiated, struct hvg_xfd_decision *d)
{
	struct hvg_check_log log = { 0 };
	struct xfd_op op = { HVG_XFD_OP_XFD, value };
	unsigned long map_updates;

	if (!st || !d)
		return -HVG_EINVAL;
	if (msr != HVG_MSR_IA32_XFD && msr != HVG_MSR_IA32_XFD_ERR)
		return -HVG_ENOENT;
	if (msr == HVG_MSR_IA32_XFD && xfd_pending(st))
		return -HVG_ESTATE;
	op.kind = msr == HVG_MSR_IA32_XFD ? HVG_XFD_OP_XFD : HVG_XFD_OP_XFD_ERR;

	/* SDM Vol. 1, 13.14: the MSRs exist iff CPUID.(EAX=0DH,ECX=1):EAX[4] = 1. */
	if (HVG_CHECK(&log, HVG_XFD_DIAG_NO_XFD,
		      !host_initiated && !st->guest_has_xfd))
		return xfd_gp(d, op.kind, log.first);
	/* SDM Vol. 1, 13.14: bit i is reserved unless CPUID.(EAX=0DH,ECX=i):ECX[2] = 1. */
	if (HVG_CHECK(&log, HVG_XFD_DIAG_RESERVED, value & ~st->xfd_caps))
		return host_initiated ? -HVG_ERANGE :
					xfd_gp(d, op.kind, log.first);

	if (op.kind == HVG_XFD_OP_XFD_ERR) {
		map_updates = st->pol->map_updates;
		st->xfd_err = value;
		*d = (struct hvg_xfd_decision) {
			.action = HVG_XFD_DONE, .op = op.kind, .value = value,
		};
		xfd_flags(st, d, map_updates);
		return 0;
	}
	if (!xfd_fits(st, &op, st->buffer)) {
		if (host_initiated)
			return -HVG_ENOSPC;
		return xfd_step(st, XFD_EV_REALLOC, &op, d);
	}
	return xfd_step(st, XFD_EV_APPLY, &op, d);
}

int hvg_xfd_rdmsr(const struct hvg_xfd_state *st, u32 msr,
		  bool host_initiated, struct hvg_xfd_decision *d)
{
	struct hvg_check_log log = { 0 };
	u32 op;

	if (!st || !d)
		return -HVG_EINVAL;
	if (msr != HVG_MSR_IA32_XFD && msr != HVG_MSR_IA32_XFD_ERR)
		return -HVG_ENOENT;
	op = msr == HVG_MSR_IA32_XFD ? HVG_XFD_OP_XFD : HVG_XFD_OP_XFD_ERR;

	/* SDM Vol. 1, 13.14: the MSRs exist iff CPUID.(EAX=0DH,ECX=1):EAX[4] = 1. */
	if (HVG_CHECK(&log, HVG_XFD_DIAG_NO_XFD,
		      !host_initiated && !st->guest_has_xfd))
		return xfd_gp(d, op, log.first);

	*d = (struct hvg_xfd_decision) {
		.action = HVG_XFD_DONE, .op = op,
		.value = op == HVG_XFD_OP_XFD ? st->xfd : st->xfd_err,
	};
	return 0;
}

int hvg_xfd_xsetbv(struct hvg_xfd_state *st, u64 xcr0, bool host_initiated,
		   struct hvg_xfd_decision *d)
{
	struct xfd_op op = { HVG_XFD_OP_XCR0, xcr0 };

	if (!st || !d)
		return -HVG_EINVAL;
	if (xfd_pending(st))
		return -HVG_ESTATE;
	if (!xfd_fits(st, &op, st->buffer)) {
		if (host_initiated)
			return -HVG_ENOSPC;
		return xfd_step(st, XFD_EV_REALLOC, &op, d);
	}
	return xfd_step(st, XFD_EV_APPLY, &op, d);
}

int hvg_xfd_set_buffer(struct hvg_xfd_state *st, u64 features,
		       struct hvg_xfd_decision *d)
{
	struct xfd_op op = { HVG_XFD_OP_NONE, features };

	if (!st || !d)
		return -HVG_EINVAL;
	/* What the guest can use now, and with pass-through, can enable. */
	if (xfd_live(st, st->xcr0, st->xfd) & ~features)
		return -HVG_ENOSPC;
	if (xfd_pt_mode(st->mode) && !xfd_full(st, features))
		return -HVG_ENOSPC;
	return xfd_step(st, XFD_EV_BUFFER, &op, d);
}

int hvg_xfd_complete(struct hvg_xfd_state *st, struct hvg_xfd_decision *d)
{
	if (!st || !d)
		return -HVG_EINVAL;
	return xfd_step(st, XFD_EV_COMPLETE, NULL, d);
}

int hvg_xfd_refresh(struct hvg_xfd_state *st, struct hvg_xfd_decision *d)
{
	if (!st || !d)
		return -HVG_EINVAL;
	*d = (struct hvg_xfd_decision) { .action = HVG_XFD_DONE };
	xfd_flags(st, d, st->pol->map_updates);
	return 0;
}

bool hvg_xfd_nm_intercept(const struct hvg_xfd_state *st)
{
	return st && xfd_nm_wanted(st);
}

bool hvg_xfd_exit_sync(const struct hvg_xfd_state *st)
{
	return !st || xfd_map_passes(st);
}

int hvg_xfd_sync(struct hvg_xfd_state *st, u64 hw_xfd)
{
	if (!st)
		return -HVG_EINVAL;
	if (!xfd_map_passes(st))
		return -HVG_ESTATE;
	st->xfd = hw_xfd;
	return 0;
}

bool hvg_xfd_nm_exit(const struct hvg_xfd_state *st, bool cr0_ts)
{
	return st && st->xfd && !cr0_ts;
}

int hvg_xfd_save_err(struct hvg_xfd_state *st, u64 xfd_err)
{
	if (!st)
		return -HVG_EINVAL;
	st->xfd_err = xfd_err;
	return 0;
}

bool hvg_xfd_exit_err_reset(const struct hvg_xfd_state *st)
{
	return !st || st->xfd_err;
}

bool hvg_xfd_entry_err(const struct hvg_xfd_state *st, u64 *val)
{
	if (!st || !val || !st->xfd_err)
		return false;
	*val = st->xfd_err;
	return true;
}

u64 hvg_xfd_xstate_bv(u64 xstate_bv, u64 xfd)
{
	return xstate_bv & ~xfd;
}
