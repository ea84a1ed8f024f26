// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * LBR pass-through gated by the guest LBR event: which MSRs are a vCPU's
 * LBR MSRs, what an intercepted access to them does, whether they are
 * passed through at a VM entry, and when the event is created and
 * released. Intel SDM Vol. 3B "Last Branch Records" and "Architectural
 * LBRs", Vol. 4 for the MSRs; the behaviour is current upstream KVM's
 * (reference/upstream-kvm.md, section (a)); include/hvgate/lbr.h says
 * where and why it goes beyond it.
 */
#include "hvgate_env.h"
#include "internal.h"

/* SDM: bit 0 enables LBR in IA32_DEBUGCTL and IA32_LBR_CTL alike. */
static_assert(HVG_DEBUGCTL_LBR == HVG_LBR_CTL_LBREN);
/* The intercepted steady state returns the enable bit as the warn bit. */
static_assert(HVG_LBR_ENTRY_WARN == HVG_DEBUGCTL_LBR);
/* The fast path tests "valid and not ACTIVE" as ev < ACTIVE. */
static_assert(HVG_LBR_EV_NR - 1 == HVG_LBR_EV_ACTIVE);

/* Every LBR MSR lies in the low range both map formats cover. */
#define LBR_MSR_LIMIT		HVG_MSRMAP_RANGE_MSRS

/* Architectural bases (SDM Vol. 4: IA32_LBR_x_FROM_IP/TO_IP/INFO). */
#define ARCH_FROM		HVG_MSR_IA32_LBR_0_FROM_IP
#define ARCH_TO			HVG_MSR_IA32_LBR_0_TO_IP
#define ARCH_INFO		HVG_MSR_IA32_LBR_INFO_0

#define LBR_MAX_RUNS		5

/* A run of consecutive MSRs of the pass-through set. */
struct lbr_run {
	u32 first;
	u32 count;
};

/*
 * The pass-through set as runs, in allow-list order: LBR_SELECT, TOS,
 * FROM, TO, INFO. Absent registers (0) are skipped. @d must have nr != 0.
 */
static u32 lbr_runs(const struct hvg_lbr_desc *d, struct lbr_run *r)
{
	u32 n = 0;

	if (d->select)
		r[n++] = (struct lbr_run) { d->select, 1 };
	if (d->tos)
		r[n++] = (struct lbr_run) { d->tos, 1 };
	r[n++] = (struct lbr_run) { d->from, d->nr };
	r[n++] = (struct lbr_run) { d->to, d->nr };
	if (d->info)
		r[n++] = (struct lbr_run) { d->info, d->nr };
	return n;
}

int hvg_lbr_desc_check(const struct hvg_lbr_desc *d)
{
	struct lbr_run r[LBR_MAX_RUNS];
	u32 i, j, n;

	if (!d)
		return -HVG_EINVAL;
	if (!d->nr)
		return 0;

	if (d->kind == HVG_LBR_KIND_LEGACY) {
		/* Model-specific stacks: at most 32 records, a real format. */
		if (d->nr > HVG_LBR_MAX_RECORDS || !d->from || !d->to ||
		    !d->format || d->format >= HVG_LBR_FMT_ARCH)
			return -HVG_EINVAL;
	} else if (d->kind == HVG_LBR_KIND_ARCH) {
		/*
		 * SDM "Architectural LBRs": depth 8(n+1) for bit n of
		 * CPUID.(EAX=1CH):EAX[7:0]; records at fixed bases; no
		 * LBR_SELECT or TOS (IA32_LBR_CTL and the ring replace them).
		 */
		if (d->nr > HVG_LBR_MAX_RECORDS || d->nr % 8 ||
		    d->format != HVG_LBR_FMT_ARCH || d->from != ARCH_FROM ||
		    d->to != ARCH_TO || d->info != ARCH_INFO || d->select ||
		    d->tos)
			return -HVG_EINVAL;
	} else {
		return -HVG_EINVAL;
	}

	n = lbr_runs(d, r);
	for (i = 0; i < n; i++) {
		if (r[i].first >= LBR_MSR_LIMIT ||
		    r[i].count > LBR_MSR_LIMIT - r[i].first)
			return -HVG_ERANGE;
	}
	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n; j++) {
			if (r[i].first < r[j].first + r[j].count &&
			    r[j].first < r[i].first + r[i].count)
				return -HVG_EEXIST;
		}
	}
	return 0;
}

bool hvg_lbr_is_record_msr(const struct hvg_lbr_desc *d, u32 msr)
{
	struct lbr_run r[LBR_MAX_RUNS];
	u32 i, n;

	if (!d || !d->nr)
		return false;
	n = lbr_runs(d, r);
	for (i = 0; i < n; i++) {
		if (msr - r[i].first < r[i].count)
			return true;
	}
	return false;
}

u32 hvg_lbr_nr_msrs(const struct hvg_lbr_desc *d)
{
	if (hvg_lbr_desc_check(d) || !d->nr)
		return 0;
	return (d->select ? 1 : 0) + (d->tos ? 1 : 0) +
	       (d->info ? 3 : 2) * d->nr;
}

int hvg_lbr_allow_list(const struct hvg_lbr_desc *d, struct hvg_msr_allow *out,
		       u32 max, u32 *nr)
{
	struct lbr_run r[LBR_MAX_RUNS];
	u32 i, k, n, total;
	int ret;

	if (!d || !nr)
		return -HVG_EINVAL;
	ret = hvg_lbr_desc_check(d);
	if (ret)
		return ret;
	total = hvg_lbr_nr_msrs(d);
	if (total && !out)
		return -HVG_EINVAL;
	if (max < total)
		return -HVG_ENOSPC;

	n = total ? lbr_runs(d, r) : 0;
	total = 0;
	for (i = 0; i < n; i++) {
		for (k = 0; k < r[i].count; k++)
			out[total++] = (struct hvg_msr_allow) {
				r[i].first + k, HVG_MSR_RW,
			};
	}
	*nr = total;
	return 0;
}

/* Highest set bit of an 8-bit mask, plus one; 0 for none (fls()). */
static u32 fls8(u32 mask)
{
	u32 n = 0;

	while (mask) {
		mask >>= 1;
		n++;
	}
	return n;
}

int hvg_lbr_host_offer(const struct hvg_lbr_host *host,
		       struct hvg_lbr_desc *offer)
{
	struct hvg_lbr_desc d = { 0 };
	u32 fmt, depth;
	int ret;

	if (!host || !offer)
		return -HVG_EINVAL;

	switch (host->kind) {
	case HVG_LBR_KIND_NONE:
		break;
	case HVG_LBR_KIND_LEGACY:
		fmt = (u32)(host->perf_caps & HVG_PERF_CAP_LBR_FMT);
		if (host->nr > HVG_LBR_MAX_RECORDS || fmt == HVG_LBR_FMT_ARCH ||
		    (host->nr && (!host->from || !host->to)))
			return -HVG_EINVAL;
		/* Upstream: call-stack mode, records and a format, no mediated PMU. */
		if (host->mediated_pmu || !host->call_stack || !host->nr || !fmt)
			break;
		d = (struct hvg_lbr_desc) {
			.kind = HVG_LBR_KIND_LEGACY, .nr = host->nr,
			.from = host->from, .to = host->to, .info = host->info,
			.select = HVG_MSR_LBR_SELECT, .tos = HVG_MSR_LBR_TOS,
			.format = fmt,
		};
		ret = hvg_lbr_desc_check(&d);
		if (ret)
			return ret;
		break;
	case HVG_LBR_KIND_ARCH:
		/*
		 * Perf programs the deepest supported depth and uses call-stack
		 * mode only with CPL and branch filtering (CPUID.1CH:EBX[2:0]).
		 */
		depth = 8 * fls8(host->cpuid_1c_eax & HVG_CPUID_1C_EAX_DEPTHS);
		if (host->mediated_pmu || !depth ||
		    depth > HVG_LBR_MAX_RECORDS ||
		    (host->cpuid_1c_ebx & 7) != 7)
			break;
		d = (struct hvg_lbr_desc) {
			.kind = HVG_LBR_KIND_ARCH, .nr = depth,
			.from = ARCH_FROM, .to = ARCH_TO, .info = ARCH_INFO,
			.format = HVG_LBR_FMT_ARCH,
		};
		break;
	default:
		return -HVG_EINVAL;
	}
	*offer = d;
	return 0;
}

int hvg_lbr_check_perf_caps(const struct hvg_lbr_desc *offer, u64 perf_caps,
			    bool model_consistent)
{
	u32 fmt = (u32)(perf_caps & HVG_PERF_CAP_LBR_FMT);

	if (!offer)
		return -HVG_EINVAL;
	if (!fmt)
		return 0;
	if (!offer->nr || fmt != offer->format)
		return -HVG_ENOTSUP;
	/* Legacy LBR MSR addresses are model-specific (cpuid_model_is_consistent). */
	if (offer->kind == HVG_LBR_KIND_LEGACY && !model_consistent)
		return -HVG_ENOTSUP;
	return 0;
}

int hvg_lbr_desc_for_guest(struct hvg_lbr_desc *desc,
			   const struct hvg_lbr_desc *offer,
			   u64 guest_perf_caps, bool model_consistent)
{
	u32 fmt = (u32)(guest_perf_caps & HVG_PERF_CAP_LBR_FMT);

	if (!desc || !offer)
		return -HVG_EINVAL;
	if (fmt && (!offer->nr || fmt != offer->format))
		return -HVG_ENOTSUP;
	if (!fmt || (offer->kind == HVG_LBR_KIND_LEGACY && !model_consistent))
		*desc = (struct hvg_lbr_desc) { 0 };
	else
		*desc = *offer;
	return 0;
}

bool hvg_lbr_arch_ctl_valid(u64 data, u32 cpuid_1c_ebx)
{
	u64 ok = HVG_LBR_CTL_LBREN;

	/* SDM "Architectural LBRs": writable bits follow CPUID.(EAX=1CH):EBX. */
	if (cpuid_1c_ebx & HVG_CPUID_1C_EBX_CPL)
		ok |= HVG_LBR_CTL_OS | HVG_LBR_CTL_USR;
	if (cpuid_1c_ebx & HVG_CPUID_1C_EBX_FILTER)
		ok |= HVG_LBR_CTL_BRANCH;
	if (cpuid_1c_ebx & HVG_CPUID_1C_EBX_CALL_STACK)
		ok |= HVG_LBR_CTL_CALL_STACK;
	return !(data & ~ok);
}

u64 hvg_lbr_debugctl_bits(const struct hvg_lbr_desc *d)
{
	if (!d || !d->nr || d->kind != HVG_LBR_KIND_LEGACY)
		return 0;
	return HVG_DEBUGCTL_LBR | HVG_DEBUGCTL_FREEZE_LBRS_ON_PMI;
}

u64 hvg_lbr_pmi_debugctl(const struct hvg_lbr_desc *d, u64 debugctl,
			 u32 pmu_version)
{
	/* SDM "LBR Stack": legacy freeze, architectural PMU versions 2 and 3. */
	if (!d || !d->nr || d->kind != HVG_LBR_KIND_LEGACY ||
	    pmu_version < 2 || pmu_version > 3)
		return debugctl;
	if (debugctl & HVG_DEBUGCTL_FREEZE_LBRS_ON_PMI)
		debugctl &= ~HVG_DEBUGCTL_LBR;
	return debugctl;
}

/* ---- the map: the LBR owner's wishes in the msr_bitmap policy -------- */

/*
 * One MSR the range call refused: some direction is not allow-listed.
 * Pass through what the allow list gives (read and write, read, or write);
 * an MSR not listed at all stays intercepted.
 */
static void lbr_want_one(struct hvg_msr_policy *pol, u32 msr, bool on)
{
	if (!on) {
		hvg_msr_policy_want(pol, HVG_MSR_OWNER_LBR, msr, 0);
		return;
	}
	if (!hvg_msr_policy_want(pol, HVG_MSR_OWNER_LBR, msr, HVG_MSR_RW))
		return;
	if (!hvg_msr_policy_want(pol, HVG_MSR_OWNER_LBR, msr, HVG_MSR_READ))
		return;
	hvg_msr_policy_want(pol, HVG_MSR_OWNER_LBR, msr, HVG_MSR_WRITE);
}

/*
 * Pass the whole set through or intercept it: one lookup per run when the
 * allow list holds the run read/write (the usual case), MSR by MSR
 * otherwise. Returns true if the map was rewritten.
 */
static bool lbr_set_passthrough(struct hvg_lbr_vcpu *v, bool on)
{
	struct hvg_msr_policy *pol = v->pol;
	unsigned long before = pol->map_updates;
	struct lbr_run r[LBR_MAX_RUNS];
	u32 i, k, n;

	n = lbr_runs(&v->desc, r);
	for (i = 0; i < n; i++) {
		if (!hvg_msr_policy_want_range(pol, HVG_MSR_OWNER_LBR,
					       r[i].first, r[i].count,
					       on ? HVG_MSR_RW : 0))
			continue;
		for (k = 0; k < r[i].count; k++)
			lbr_want_one(pol, r[i].first + k, on);
	}
	return pol->map_updates != before;
}

/* ---- the state machine ------------------------------------------------ */

/* Inputs of the transition function. */
enum lbr_in {
	LBR_IN_ACCESS,		/* intercepted access to an LBR MSR */
	LBR_IN_DEPTH_WRITE,	/* valid write of IA32_LBR_DEPTH */
	LBR_IN_CREATED,		/* the glue created the event */
	LBR_IN_CREATE_FAILED,	/* perf refused it */
	LBR_IN_ENABLE,		/* DEBUGCTL.LBR / LBR_CTL.LBREn written as 1 */
	LBR_IN_ENTRY_ACTIVE,	/* VM entry, event ACTIVE */
	LBR_IN_ENTRY_OTHER,	/* VM entry, event absent or not ACTIVE */
	LBR_IN_RELEASE,		/* cleanup decided to release, or reset */
};

/* A clean mark becomes a touch; no mark, or a touch, stays. */
static void lbr_touch_mark(struct hvg_lbr_vcpu *v)
{
	if (v->mark == HVG_LBR_MARK_CLEAN)
		v->mark = HVG_LBR_MARK_TOUCHED;
}

static int lbr_release(struct hvg_lbr_vcpu *v)
{
	v->state = HVG_LBR_IDLE;
	v->mark = HVG_LBR_MARK_NONE;
	return HVG_LBR_ACT_RELEASE_EVENT;
}

/*
 * Every transition of the LBR state machine, one (state, input) pair per
 * case label. The output depends on the input: an enum hvg_lbr_access for
 * ACCESS, DEPTH_WRITE and CREATED/CREATE_FAILED, an enum hvg_lbr_action
 * for ENABLE and RELEASE, HVG_LBR_ENTRY_MAP_CHANGED or 0 for ENTRY_* (the
 * caller adds the warning, which depends only on the resulting state).
 * Errors return before anything is written. Each inner switch ends with
 * its last input, which also takes "default" (inputs are this file's
 * own). Pairs that change nothing are marked "steady"; hvg_lbr_vmentry()
 * answers the steady VM entries itself, without calling this.
 */
static int lbr_step(struct hvg_lbr_vcpu *v, enum lbr_in in)
{
	switch (v->state) {
	case HVG_LBR_OFF:
		switch (in) {
		case LBR_IN_CREATED:
		case LBR_IN_CREATE_FAILED:
			return -HVG_ESTATE;
		/* With LBR off nothing is an LBR MSR: callers answer these. */
		case LBR_IN_ACCESS:
		case LBR_IN_DEPTH_WRITE:
		/* Nothing to create, pass through or release. */
		case LBR_IN_ENABLE:
		case LBR_IN_ENTRY_ACTIVE:
		case LBR_IN_ENTRY_OTHER:
		case LBR_IN_RELEASE:
		default:
			return 0;
		}
	case HVG_LBR_IDLE:
		switch (in) {
		case LBR_IN_ACCESS:
			return HVG_LBR_ACCESS_CREATE_EVENT;
		case LBR_IN_DEPTH_WRITE:
			/* No event, no guest records in the hardware to reset. */
			return HVG_LBR_ACCESS_DUMMY;
		case LBR_IN_CREATED:
			v->state = HVG_LBR_HELD;
			return HVG_LBR_ACCESS_HW_IF_ACTIVE;
		case LBR_IN_CREATE_FAILED:
			/* The v12 bug: this access must not reach the event. */
			return HVG_LBR_ACCESS_DUMMY;
		case LBR_IN_ENABLE:
			return HVG_LBR_ACT_CREATE_EVENT;
		/* Steady: no event, intercepted whatever perf says. */
		case LBR_IN_ENTRY_ACTIVE:
		case LBR_IN_ENTRY_OTHER:
		/* Nothing to release. */
		case LBR_IN_RELEASE:
		default:
			return 0;
		}
	case HVG_LBR_HELD:
		switch (in) {
		case LBR_IN_ACCESS:
		case LBR_IN_DEPTH_WRITE:
			return HVG_LBR_ACCESS_HW_IF_ACTIVE;
		case LBR_IN_CREATED:
		case LBR_IN_CREATE_FAILED:
			return -HVG_ESTATE;
		case LBR_IN_ENTRY_ACTIVE:
			v->state = HVG_LBR_PASSTHROUGH;
			lbr_touch_mark(v);
			return lbr_set_passthrough(v, true) ?
				HVG_LBR_ENTRY_MAP_CHANGED : 0;
		/* Steady: the event exists but perf does not run it here. */
		case LBR_IN_ENTRY_OTHER:
		/* Already held. */
		case LBR_IN_ENABLE:
			return 0;
		case LBR_IN_RELEASE:
		default:
			return lbr_release(v);
		}
	case HVG_LBR_PASSTHROUGH:
		switch (in) {
		case LBR_IN_ACCESS:
		case LBR_IN_DEPTH_WRITE:
			return HVG_LBR_ACCESS_HW_IF_ACTIVE;
		case LBR_IN_CREATED:
		case LBR_IN_CREATE_FAILED:
			return -HVG_ESTATE;
		case LBR_IN_ENABLE:
			return HVG_LBR_ACT_NONE;
		case LBR_IN_ENTRY_ACTIVE:
			/* Steady but for the mark: the guest runs with them. */
			lbr_touch_mark(v);
			return 0;
		case LBR_IN_ENTRY_OTHER:
			/* Reclaimed or gone: intercept before the guest runs. */
			v->state = HVG_LBR_HELD;
			return lbr_set_passthrough(v, false) ?
				HVG_LBR_ENTRY_MAP_CHANGED : 0;
		case LBR_IN_RELEASE:
		default:
			lbr_set_passthrough(v, false);
			return lbr_release(v);
		}
	default:
		/* A corrupted state: decide nothing, pass nothing through. */
		HVG_WARN_ONCE(1);
		return -HVG_ESTATE;
	}
}

/* ---- the public entry points ------------------------------------------ */

static void lbr_touch(struct hvg_lbr_vcpu *v, bool host_initiated)
{
	if (!host_initiated)
		lbr_touch_mark(v);
}

static void lbr_adopt(struct hvg_lbr_vcpu *v, const struct hvg_lbr_desc *desc)
{
	v->state = desc->nr ? HVG_LBR_IDLE : HVG_LBR_OFF;
	v->mark = HVG_LBR_MARK_NONE;
	v->desc = desc->nr ? *desc : (struct hvg_lbr_desc) { 0 };
	hvg_msr_policy_release_owner(v->pol, HVG_MSR_OWNER_LBR);
}

int hvg_lbr_vcpu_init(struct hvg_lbr_vcpu *v, const struct hvg_lbr_desc *desc,
		      struct hvg_msr_policy *pol)
{
	int ret;

	if (!v || !desc || !pol)
		return -HVG_EINVAL;
	ret = hvg_lbr_desc_check(desc);
	if (ret)
		return ret;
	v->pol = pol;
	lbr_adopt(v, desc);
	return 0;
}

int hvg_lbr_refresh(struct hvg_lbr_vcpu *v, const struct hvg_lbr_desc *desc)
{
	int ret;

	if (!v || !desc)
		return -HVG_EINVAL;
	ret = hvg_lbr_desc_check(desc);
	if (ret)
		return ret;
	if (v->state == HVG_LBR_HELD || v->state == HVG_LBR_PASSTHROUGH)
		return -HVG_ESTATE;
	lbr_adopt(v, desc);
	return 0;
}

int hvg_lbr_msr_access(struct hvg_lbr_vcpu *v, u32 msr, bool host_initiated)
{
	if (!v)
		return -HVG_EINVAL;
	if (!hvg_lbr_is_record_msr(&v->desc, msr))
		return HVG_LBR_ACCESS_NOT_LBR;
	lbr_touch(v, host_initiated);
	return lbr_step(v, LBR_IN_ACCESS);
}

int hvg_lbr_event_created(struct hvg_lbr_vcpu *v, bool ok)
{
	if (!v)
		return -HVG_EINVAL;
	return lbr_step(v, ok ? LBR_IN_CREATED : LBR_IN_CREATE_FAILED);
}

int hvg_lbr_ctl_write(struct hvg_lbr_vcpu *v, u32 msr, u64 data)
{
	u32 own;

	if (!v || (msr != HVG_MSR_IA32_DEBUGCTL && msr != HVG_MSR_IA32_LBR_CTL))
		return -HVG_EINVAL;
	/* Legacy LBR is enabled by DEBUGCTL.LBR, Arch LBR by LBR_CTL.LBREn. */
	own = v->desc.kind == HVG_LBR_KIND_ARCH ? HVG_MSR_IA32_LBR_CTL :
						  HVG_MSR_IA32_DEBUGCTL;
	if (msr != own || !(data & HVG_DEBUGCTL_LBR))
		return HVG_LBR_ACT_NONE;
	return lbr_step(v, LBR_IN_ENABLE);
}

int hvg_lbr_depth_write(struct hvg_lbr_vcpu *v, u64 data, bool host_initiated)
{
	if (!v)
		return -HVG_EINVAL;
	if (v->state == HVG_LBR_OFF || v->desc.kind != HVG_LBR_KIND_ARCH)
		return -HVG_ENOTSUP;
	/* SDM: WRMSR of a depth CPUID.1CH:EAX does not list raises #GP. */
	if (data != v->desc.nr)
		return -HVG_EINVAL;
	lbr_touch(v, host_initiated);
	return lbr_step(v, LBR_IN_DEPTH_WRITE);
}

/*
 * A VM entry that may change the state. Afterwards the vCPU is OFF, HELD
 * or PASSTHROUGH (IDLE entries are always steady): the glue must warn iff
 * an event exists that is not passed through.
 */
static noinline int lbr_vmentry_slow(struct hvg_lbr_vcpu *v, u32 ev)
{
	int ret;

	if (ev >= HVG_LBR_EV_NR)
		return -HVG_EINVAL;
	ret = lbr_step(v, ev == HVG_LBR_EV_ACTIVE ? LBR_IN_ENTRY_ACTIVE :
						    LBR_IN_ENTRY_OTHER);
	if (ret < 0)
		return ret;
	return ret | (v->state == HVG_LBR_HELD ? HVG_LBR_ENTRY_WARN : 0);
}

/*
 * The steady states, each a few loads and compares: passed through and
 * still ACTIVE (unless a clean mark must turn into a touch); no event
 * (intercepted: warn iff the guest enables LBR); event held and still not
 * ACTIVE (intercepted: warn). Anything else, including a bad @ev, takes
 * the slow path.
 */
int hvg_lbr_vmentry(struct hvg_lbr_vcpu *v, u32 ev, u64 guest_ctl)
{
	if (unlikely(!v))
		return -HVG_EINVAL;
	if (likely(v->state == HVG_LBR_PASSTHROUGH)) {
		if (likely(ev == HVG_LBR_EV_ACTIVE &&
			   v->mark != HVG_LBR_MARK_CLEAN))
			return 0;
	} else if (likely(v->state == HVG_LBR_IDLE)) {
		if (likely(ev < HVG_LBR_EV_NR))
			return (int)(guest_ctl & HVG_LBR_ENTRY_WARN);
	} else if (v->state == HVG_LBR_HELD) {
		if (likely(ev < HVG_LBR_EV_ACTIVE))
			return HVG_LBR_ENTRY_WARN;
	}
	return lbr_vmentry_slow(v, ev);
}

int hvg_lbr_sched_in(struct hvg_lbr_vcpu *v)
{
	if (!v)
		return -HVG_EINVAL;
	if (v->state != HVG_LBR_HELD && v->state != HVG_LBR_PASSTHROUGH)
		return HVG_LBR_ACT_NONE;
	v->mark = HVG_LBR_MARK_CLEAN;
	return HVG_LBR_ACT_REQUEST_CLEANUP;
}

int hvg_lbr_cleanup(struct hvg_lbr_vcpu *v, u64 guest_ctl)
{
	bool release;

	if (!v)
		return -HVG_EINVAL;
	release = v->mark == HVG_LBR_MARK_CLEAN &&
		  !(guest_ctl & HVG_DEBUGCTL_LBR);
	v->mark = HVG_LBR_MARK_NONE;
	return release ? lbr_step(v, LBR_IN_RELEASE) : HVG_LBR_ACT_NONE;
}

int hvg_lbr_reset(struct hvg_lbr_vcpu *v)
{
	int act;

	if (!v)
		return -HVG_EINVAL;
	v->mark = HVG_LBR_MARK_NONE;
	act = lbr_step(v, LBR_IN_RELEASE);
	/* Whatever the state said, nothing of the LBR owner stays passed through. */
	hvg_msr_policy_release_owner(v->pol, HVG_MSR_OWNER_LBR);
	return act;
}
