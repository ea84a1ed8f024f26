/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * LBR pass-through gated by the guest LBR event.
 *
 * A guest that uses last branch records gets them through a perf event the
 * hypervisor (the glue) creates for its vCPU task: a pinned, exclude_host,
 * call-stack LBR event on no real counter (KVM's INTEL_FIXED_VLBR_EVENT).
 * While perf has that event ACTIVE on the CPU, the LBR hardware holds the
 * guest's records and perf saves/restores them on task switches, so the
 * record MSRs can be passed through; at any other time they must be
 * intercepted, or the guest would read the host's branch records (host
 * kernel addresses) or corrupt host perf's. This module makes every
 * decision of that scheme and performs none of its effects:
 *
 *  - which MSRs are LBR MSRs of a vCPU (its description, struct
 *    hvg_lbr_desc) and whether LBR can be offered to a guest at all;
 *  - what an intercepted access to one of them does (enum hvg_lbr_access);
 *  - at every VM entry, with IRQs off, whether the MSRs are passed
 *    through: iff the event is ACTIVE (hvg_lbr_vmentry()), toggled through
 *    the msr_bitmap policy as owner HVG_MSR_OWNER_LBR and only when that
 *    changes;
 *  - when the event is created and released (enum hvg_lbr_action),
 *    including the lazy release after the vCPU is scheduled in.
 *
 * The behaviour is current upstream KVM's (reference/upstream-kvm.md (a),
 * "KVM: x86/pmu: Guest Last Branch Recording Enabling" as merged in 5.12
 * and fixed since), not the v12 seed's: host-initiated accesses create the
 * event too, and a failed creation makes the access a dummy, never a NULL
 * dereference. Beyond upstream:
 *
 *  - Architectural LBR (SDM Vol. 3B, "Last Branch Records",
 *    CPUID.(EAX=07H,ECX=0):EDX[19]) is described and virtualised by the
 *    same state machine. Its pass-through set is the FROM/TO/INFO records
 *    [0, depth) and nothing else, as in the public Arch LBR KVM series
 *    (Like Xu, Yang Weijiang, 2021-2022): IA32_LBR_CTL (0x14ce) stays
 *    intercepted because it is the enable whose LBREn bit requests the
 *    event and gates the lazy release (the hypervisor keeps it in the VMCS
 *    guest field GUEST_IA32_LBR_CTL, 0x2816, loaded on entry and cleared
 *    on exit), and its writes must be checked against the guest's
 *    CPUID.(EAX=1CH) (hvg_lbr_arch_ctl_valid()). IA32_LBR_DEPTH (0x14cf)
 *    stays intercepted because the pass-through set and perf's saved
 *    context both have exactly @nr records: a direct WRMSR of another
 *    legal depth would change how many records the hardware keeps under
 *    them, and every write resets all records (SDM: "On a software write
 *    to IA32_LBR_DEPTH, all LBR entries are reset to 0"), a hardware
 *    effect that is only the guest's to cause while its event is ACTIVE
 *    (hvg_lbr_depth_write()). Reads of IA32_LBR_DEPTH return @nr.
 *  - The lazy release also requires that the guest has not touched an
 *    LBR MSR since the vCPU was marked (upstream only checks
 *    DEBUGCTL.LBR, which releases the records of a guest that froze them
 *    on a PMI and is still reading them).
 *  - A release always leaves the MSRs intercepted at once, not at the
 *    next VM entry.
 *  - A userspace MSR filter that denies an LBR MSR keeps it intercepted,
 *    and a filter change recomputes the LBR MSRs (upstream exempts them):
 *    the msr_bitmap policy does both (hvg_msr_policy_set_filter()).
 *
 * The hypervisor owns the allow list of its policy: it must list the LBR
 * MSRs it may pass through, for example with hvg_lbr_allow_list(). An LBR
 * MSR that is not allow-listed, or not for a direction, or that the
 * userspace filter denies, stays intercepted in every state; the
 * intercepted accesses get the decisions below. Nothing here locks: calls
 * on one vCPU are serialised by the caller (KVM: vcpu->mutex, and
 * hvg_lbr_vmentry() with IRQs off on the vCPU's CPU).
 */
#ifndef HVGATE_LBR_H
#define HVGATE_LBR_H

#include "hvgate_env.h"
#include <hvgate/types.h>
#include <hvgate/msr_bitmap.h>

/* Kinds of LBR (struct hvg_lbr_desc @kind). */
#define HVG_LBR_KIND_NONE	0
#define HVG_LBR_KIND_LEGACY	1	/* model-specific LBR MSRs */
#define HVG_LBR_KIND_ARCH	2	/* Architectural LBR */

/*
 * Records per stack: 32 for both kinds. Model-specific stacks have at most
 * 32 entries (Skylake and later); the SDM's MSR tables define
 * IA32_LBR_x_FROM_IP/TO_IP/INFO for x = 0..31, and Linux perf keeps at
 * most 32 (MAX_LBR_ENTRIES).
 */
#define HVG_LBR_MAX_RECORDS	32

/* IA32_PERF_CAPABILITIES (0x345) bits 5:0, LBR_FMT (SDM Vol. 4). */
#define HVG_PERF_CAP_LBR_FMT	GENMASK_ULL(5, 0)
/*
 * The LBR_FMT value that enumerates Architectural LBR to a guest (the Arch
 * LBR KVM series and QEMU's lbr-fmt=0x3f); model-specific formats are
 * 0x00-0x3e and KVM reads 0 as "no LBR".
 */
#define HVG_LBR_FMT_ARCH	0x3f

/* IA32_DEBUGCTL (0x1d9), SDM Vol. 3B "Debug Control MSR". */
#define HVG_DEBUGCTL_LBR		BIT_ULL(0)
#define HVG_DEBUGCTL_FREEZE_LBRS_ON_PMI	BIT_ULL(11)

/* IA32_LBR_CTL (0x14ce), SDM Vol. 3B "Architectural LBRs". */
#define HVG_LBR_CTL_LBREN	BIT_ULL(0)
#define HVG_LBR_CTL_OS		BIT_ULL(1)
#define HVG_LBR_CTL_USR		BIT_ULL(2)
#define HVG_LBR_CTL_CALL_STACK	BIT_ULL(3)
#define HVG_LBR_CTL_BRANCH	GENMASK_ULL(22, 16)	/* COND ... OTHER_BRANCH */

/* CPUID.(EAX=1CH,ECX=0): Architectural LBR capabilities. */
#define HVG_CPUID_1C_EAX_DEPTHS		GENMASK(7, 0)	/* bit n: depth 8(n+1) */
#define HVG_CPUID_1C_EBX_CPL		BIT(0)	/* IA32_LBR_CTL[2:1] */
#define HVG_CPUID_1C_EBX_FILTER		BIT(1)	/* IA32_LBR_CTL[22:16] */
#define HVG_CPUID_1C_EBX_CALL_STACK	BIT(2)	/* IA32_LBR_CTL[3] */

/**
 * struct hvg_lbr_desc - the LBR MSRs of a vCPU
 * @kind: HVG_LBR_KIND_LEGACY or HVG_LBR_KIND_ARCH
 * @nr: records per stack, 1..HVG_LBR_MAX_RECORDS (Arch LBR: the depth, a
 *      multiple of 8); 0 means LBR is not enabled for the guest, and then
 *      every other field is ignored
 * @from: first FROM_IP MSR (Arch LBR: IA32_LBR_0_FROM_IP, 0x1500)
 * @to: first TO_IP MSR (Arch LBR: IA32_LBR_0_TO_IP, 0x1600)
 * @info: first LBR_INFO MSR, or 0 if the format has none (Arch LBR:
 *        IA32_LBR_0_INFO, 0x1200)
 * @select: MSR_LBR_SELECT (0x1c8), or 0 if none (Arch LBR: 0)
 * @tos: MSR_LASTBRANCH_TOS (0x1c9), or 0 if none (Arch LBR: 0)
 * @format: IA32_PERF_CAPABILITIES[5:0] as the guest sees it: the host's
 *          model-specific format, or HVG_LBR_FMT_ARCH
 *
 * The pass-through set is @select, @tos, and [base, base + @nr) for each
 * of @from, @to and @info: for 32 records with INFO, 98 MSRs. Legacy
 * bases and depth are model-specific and come from the host perf layer
 * (Linux: x86_perf_get_lbr()); Arch LBR's are architectural.
 */
struct hvg_lbr_desc {
	u32 kind;
	u32 nr;
	u32 from;
	u32 to;
	u32 info;
	u32 select;
	u32 tos;
	u32 format;
};

/**
 * struct hvg_lbr_host - what the host can give a guest, read once at init
 * @kind: the LBR the host perf layer drives: HVG_LBR_KIND_LEGACY,
 *        HVG_LBR_KIND_ARCH (CPUID.(EAX=07H,ECX=0):EDX[19]; the two are
 *        exclusive) or HVG_LBR_KIND_NONE
 * @nr: legacy: perf's record count (x86_perf_get_lbr())
 * @from: legacy: perf's FROM base
 * @to: legacy: perf's TO base
 * @info: legacy: perf's INFO base, 0 if none
 * @perf_caps: the host's IA32_PERF_CAPABILITIES (legacy: its LBR_FMT)
 * @cpuid_1c_eax: Arch LBR: CPUID.(EAX=1CH,ECX=0):EAX (supported depths)
 * @cpuid_1c_ebx: Arch LBR: CPUID.(EAX=1CH,ECX=0):EBX (CPL filtering,
 *                branch filtering, call-stack mode)
 * @call_stack: legacy: perf supports LBR call-stack mode on this model
 * @mediated_pmu: the hypervisor runs guests on a mediated PMU, which
 *                gives the guest the PMU and disables LBR virtualisation
 */
struct hvg_lbr_host {
	u32 kind;
	u32 nr;
	u32 from;
	u32 to;
	u32 info;
	u64 perf_caps;
	u32 cpuid_1c_eax;
	u32 cpuid_1c_ebx;
	bool call_stack;
	bool mediated_pmu;
};

/**
 * hvg_lbr_host_offer() - the LBR description any guest of this host can get
 * @host: the host's capabilities
 * @offer: filled with the description to offer, or with an all-zero one
 *         (@nr 0) if LBR cannot be offered
 *
 * Upstream KVM offers LBR only for legacy LBR, only if perf supports
 * call-stack mode ("the overhead of context switching LBRs without said
 * support is too high"), has records and reports a format, and only
 * without a mediated PMU. Architectural LBR is offered under the same
 * conditions, call-stack mode meaning CPUID.(EAX=1CH):EBX[2:0] all set
 * (perf uses call-stack mode only with CPL and branch filtering), at the
 * host's maximum depth 8 * (highest set bit of EAX[7:0] + 1) (perf
 * programs that depth and saves that many records), and only if that
 * depth is at most HVG_LBR_MAX_RECORDS.
 *
 * Return: 0; -HVG_EINVAL if an argument is NULL or @host is inconsistent
 * (unknown @kind, a legacy @nr above HVG_LBR_MAX_RECORDS, a legacy LBR_FMT
 * of HVG_LBR_FMT_ARCH, or a legacy FROM or TO base of 0), or any error of
 * hvg_lbr_desc_check() for legacy bases that make no valid description.
 * @offer is untouched on error.
 */
int hvg_lbr_host_offer(const struct hvg_lbr_host *host,
		       struct hvg_lbr_desc *offer);

/**
 * hvg_lbr_check_perf_caps() - validate a write of a guest's
 *                             IA32_PERF_CAPABILITIES, LBR_FMT part
 * @offer: the host's offer (hvg_lbr_host_offer())
 * @perf_caps: the value being written
 * @model_consistent: the guest's CPUID family and model equal the host's
 *
 * LBR_FMT 0 (no LBR) is always accepted. Any other value is accepted only
 * if it equals the offered format and, for model-specific LBR, the guest's
 * CPU model is the host's (legacy LBR MSR addresses are model-specific).
 * The other bits of IA32_PERF_CAPABILITIES are not this module's.
 *
 * Return: 0 if acceptable; -HVG_EINVAL if @offer is NULL; -HVG_ENOTSUP
 * if the format is non-zero and LBR is not offered, the format differs
 * from the offered one, or the model is inconsistent for legacy LBR.
 */
int hvg_lbr_check_perf_caps(const struct hvg_lbr_desc *offer, u64 perf_caps,
			    bool model_consistent);

/**
 * hvg_lbr_desc_for_guest() - a vCPU's description at PMU refresh
 * @desc: filled with the offer, or with an all-zero (disabled) description
 * @offer: the host's offer
 * @guest_perf_caps: the guest's IA32_PERF_CAPABILITIES
 * @model_consistent: the guest's CPUID family and model equal the host's
 *
 * As upstream's refresh: LBR is enabled for the guest iff its LBR_FMT is
 * non-zero and, for legacy LBR, its CPU model is the host's (the CPUID
 * can change after IA32_PERF_CAPABILITIES was written; then LBR is off).
 * Upstream never enables LBR for a vCPU whose MSRs the hypervisor does
 * not own (TDX): give such a vCPU an all-zero description instead.
 *
 * Return: 0; -HVG_EINVAL if an argument is NULL; -HVG_ENOTSUP if the
 * guest's non-zero LBR_FMT is not the offered one (a write that
 * hvg_lbr_check_perf_caps() would have refused). @desc is untouched on
 * error.
 */
int hvg_lbr_desc_for_guest(struct hvg_lbr_desc *desc,
			   const struct hvg_lbr_desc *offer,
			   u64 guest_perf_caps, bool model_consistent);

/**
 * hvg_lbr_desc_check() - validate a description
 * @desc: the description
 *
 * A description with @nr 0 is valid (LBR off). Otherwise: legacy needs
 * @nr <= HVG_LBR_MAX_RECORDS, a model-specific @format (1..0x3e) and
 * non-zero @from and @to; Arch LBR needs @nr in {8, 16, 24, 32}, @format
 * HVG_LBR_FMT_ARCH, the architectural bases and no @select or @tos. Every
 * MSR of the pass-through set must lie in 0x0-0x1fff, the range both map
 * formats cover (every LBR MSR does), and no MSR may be in it twice.
 *
 * Return: 0; -HVG_EINVAL if @desc is NULL or breaks a rule above;
 * -HVG_ERANGE if an MSR lies outside 0x0-0x1fff; -HVG_EEXIST if two
 * stacks or registers overlap.
 */
int hvg_lbr_desc_check(const struct hvg_lbr_desc *desc);

/**
 * hvg_lbr_is_record_msr() - whether an MSR is one of a vCPU's LBR MSRs
 * @desc: the vCPU's description
 * @msr: MSR index
 *
 * Exactly the pass-through set: @select, @tos and the FROM/TO/INFO
 * records [0, @nr). IA32_DEBUGCTL, IA32_LBR_CTL and IA32_LBR_DEPTH are not
 * record MSRs (see hvg_lbr_ctl_write() and hvg_lbr_depth_write()).
 *
 * Return: true if @msr is in the set; false otherwise, when LBR is not
 * enabled for the guest (@nr 0) and for a NULL @desc.
 */
bool hvg_lbr_is_record_msr(const struct hvg_lbr_desc *desc, u32 msr);

/**
 * hvg_lbr_nr_msrs() - size of a description's pass-through set
 * @desc: the description
 *
 * Return: the number of MSRs hvg_lbr_allow_list() writes; 0 for a NULL,
 * invalid or disabled description.
 */
u32 hvg_lbr_nr_msrs(const struct hvg_lbr_desc *desc);

/**
 * hvg_lbr_allow_list() - the pass-through set as allow-list entries
 * @desc: the description (usually the host's offer)
 * @out: filled with one HVG_MSR_RW entry per MSR, in the order @select,
 *       @tos, FROM, TO, INFO records
 * @max: entries available at @out
 * @nr: filled with the number of entries written
 *
 * For the hypervisor's hvg_msr_policy_init() allow list. Entries it leaves
 * out, or lists for one direction only, stay intercepted in that
 * direction in every state.
 *
 * Return: 0; -HVG_EINVAL if @desc or @nr is NULL, or @out is NULL while
 * entries are due; any error of hvg_lbr_desc_check(); -HVG_ENOSPC if @max
 * is smaller than hvg_lbr_nr_msrs(). @out and @nr are untouched on error.
 */
int hvg_lbr_allow_list(const struct hvg_lbr_desc *desc,
		       struct hvg_msr_allow *out, u32 max, u32 *nr);

/**
 * hvg_lbr_arch_ctl_valid() - whether an IA32_LBR_CTL value is writable
 * @data: the value
 * @cpuid_1c_ebx: the guest's CPUID.(EAX=1CH,ECX=0):EBX
 *
 * SDM Vol. 3B, "Architectural LBRs": bit 0 LBREn always; bits 2:1 (OS,
 * USR) only with CPL filtering (EBX[0]); bits 22:16 only with branch
 * filtering (EBX[1]); bit 3 (CALL_STACK) only with call-stack mode
 * (EBX[2]); every other bit is reserved. A write with any other bit set
 * raises #GP.
 *
 * Return: true if WRMSR of @data succeeds.
 */
bool hvg_lbr_arch_ctl_valid(u64 data, u32 cpuid_1c_ebx);

/**
 * hvg_lbr_debugctl_bits() - the LBR bits of IA32_DEBUGCTL a guest may set
 * @desc: the vCPU's description
 *
 * Return: HVG_DEBUGCTL_LBR | HVG_DEBUGCTL_FREEZE_LBRS_ON_PMI when legacy
 * LBR is enabled for the guest; 0 otherwise (Arch LBR is enabled through
 * IA32_LBR_CTL, and a CPU without model-specific LBR ignores
 * DEBUGCTL.LBR). Upstream accepts a write that sets an LBR bit the guest
 * may not set and drops the bit, rather than raising #GP.
 */
u64 hvg_lbr_debugctl_bits(const struct hvg_lbr_desc *desc);

/**
 * hvg_lbr_pmi_debugctl() - the guest's IA32_DEBUGCTL after a virtual PMI
 * @desc: the vCPU's description
 * @debugctl: the guest's IA32_DEBUGCTL before the PMI
 * @pmu_version: the guest's architectural PMU version (CPUID.0AH:EAX[7:0])
 *
 * Legacy freeze (SDM Vol. 3B, "LBR Stack"; PMU versions 2 and 3): with
 * FREEZE_LBRS_ON_PMI set, a PMI clears DEBUGCTL.LBR. Version 4's
 * streamlined freeze is not emulated (as upstream), and Arch LBR does not
 * freeze through IA32_DEBUGCTL.
 *
 * Return: the new value (@debugctl itself when nothing changes).
 */
u64 hvg_lbr_pmi_debugctl(const struct hvg_lbr_desc *desc, u64 debugctl,
			 u32 pmu_version);

/**
 * enum hvg_lbr_event_state - the state perf reports for the guest LBR event
 * @HVG_LBR_EV_NONE: the glue holds no event
 * @HVG_LBR_EV_ERROR: PERF_EVENT_STATE_ERROR (a pinned event that lost the
 *                    LBR to a higher-priority host event)
 * @HVG_LBR_EV_INACTIVE: PERF_EVENT_STATE_INACTIVE or _OFF
 * @HVG_LBR_EV_ACTIVE: PERF_EVENT_STATE_ACTIVE: scheduled on this CPU, the
 *                     LBR hardware holds the guest's records
 * @HVG_LBR_EV_NR: number of states
 */
enum hvg_lbr_event_state {
	HVG_LBR_EV_NONE = 0,
	HVG_LBR_EV_ERROR,
	HVG_LBR_EV_INACTIVE,
	HVG_LBR_EV_ACTIVE,
	HVG_LBR_EV_NR
};

/**
 * enum hvg_lbr_access - how to complete an intercepted LBR MSR access
 * @HVG_LBR_ACCESS_NOT_LBR: not an LBR MSR of this vCPU: the hypervisor
 *                          handles it like any other MSR
 * @HVG_LBR_ACCESS_DUMMY: reads return 0, writes are dropped, no error
 * @HVG_LBR_ACCESS_HW_IF_ACTIVE: with IRQs disabled, check that the event
 *                               is ACTIVE: if so do the real RDMSR/WRMSR,
 *                               else complete it as a dummy; then enable
 *                               IRQs (the IRQs-off window keeps a host
 *                               reclaim IPI from landing between the check
 *                               and the access)
 * @HVG_LBR_ACCESS_CREATE_EVENT: no event yet: create it (task context,
 *                               IRQs on), report the outcome with
 *                               hvg_lbr_event_created() and complete the
 *                               access as it answers
 */
enum hvg_lbr_access {
	HVG_LBR_ACCESS_NOT_LBR = 0,
	HVG_LBR_ACCESS_DUMMY,
	HVG_LBR_ACCESS_HW_IF_ACTIVE,
	HVG_LBR_ACCESS_CREATE_EVENT,
};

/**
 * enum hvg_lbr_action - what the glue does to the event or the vCPU
 * @HVG_LBR_ACT_NONE: nothing
 * @HVG_LBR_ACT_CREATE_EVENT: create the guest LBR event, then report the
 *                            outcome with hvg_lbr_event_created()
 * @HVG_LBR_ACT_RELEASE_EVENT: release the event (perf_event_release_kernel())
 * @HVG_LBR_ACT_REQUEST_CLEANUP: make a request so that hvg_lbr_cleanup()
 *                               runs before the next VM entry (KVM:
 *                               KVM_REQ_PMU)
 */
enum hvg_lbr_action {
	HVG_LBR_ACT_NONE = 0,
	HVG_LBR_ACT_CREATE_EVENT,
	HVG_LBR_ACT_RELEASE_EVENT,
	HVG_LBR_ACT_REQUEST_CLEANUP,
};

/**
 * enum hvg_lbr_state - where a vCPU's LBR stands
 * @HVG_LBR_OFF: LBR is not enabled for the guest; nothing is an LBR MSR
 * @HVG_LBR_IDLE: no event; every LBR MSR intercepted
 * @HVG_LBR_HELD: the glue holds the event; intercepted (it was not ACTIVE
 *                at the last VM entry, or none has happened since it was
 *                created)
 * @HVG_LBR_PASSTHROUGH: the event was ACTIVE at the last VM entry; the
 *                       LBR MSRs are passed through (where the allow list
 *                       and the filter let them)
 */
enum hvg_lbr_state {
	HVG_LBR_OFF = 0,
	HVG_LBR_IDLE,
	HVG_LBR_HELD,
	HVG_LBR_PASSTHROUGH,
};

/**
 * enum hvg_lbr_mark - the lazy-release mark
 * @HVG_LBR_MARK_NONE: not marked
 * @HVG_LBR_MARK_CLEAN: marked at sched-in; the guest has not touched an
 *                      LBR MSR since
 * @HVG_LBR_MARK_TOUCHED: marked, and the guest touched an LBR MSR since:
 *                        an intercepted guest access, or a VM entry with
 *                        the MSRs passed through (the guest may then
 *                        access them without an exit)
 */
enum hvg_lbr_mark {
	HVG_LBR_MARK_NONE = 0,
	HVG_LBR_MARK_CLEAN,
	HVG_LBR_MARK_TOUCHED,
};

/* hvg_lbr_vmentry() result bits. */
#define HVG_LBR_ENTRY_WARN		0x1U	/* rate-limited "cannot pass through LBR" */
#define HVG_LBR_ENTRY_MAP_CHANGED	0x2U	/* the intercept map was rewritten */

/**
 * struct hvg_lbr_vcpu - per-vCPU LBR state, in caller memory
 * @state: enum hvg_lbr_state
 * @mark: enum hvg_lbr_mark
 * @pol: the policy whose map this vCPU runs with (VMX: vmcs01's bitmap)
 * @desc: the vCPU's description (all zero when @state is HVG_LBR_OFF)
 *
 * Invariants at every return: @state is HVG_LBR_PASSTHROUGH iff the LBR
 * owner wants the pass-through set in @pol; @mark is HVG_LBR_MARK_NONE
 * unless an event is held. Opaque to the caller apart from reading. A
 * @state that is not a value of the enum (corrupted memory) is a caller
 * bug: the calls that act on the state warn once and return -HVG_ESTATE
 * without passing anything through; hvg_lbr_sched_in() and
 * hvg_lbr_refresh() treat it as holding no event, and hvg_lbr_reset()
 * still withdraws every wish of the LBR owner.
 */
struct hvg_lbr_vcpu {
	enum hvg_lbr_state state;
	enum hvg_lbr_mark mark;
	struct hvg_msr_policy *pol;
	struct hvg_lbr_desc desc;
};

/**
 * hvg_lbr_vcpu_init() - set up a vCPU's LBR state
 * @v: caller memory, any content
 * @desc: the vCPU's description (hvg_lbr_desc_for_guest())
 * @pol: the policy of the vCPU's map; its allow list should hold @desc's
 *       MSRs (hvg_lbr_allow_list())
 *
 * The LBR owner's wishes in @pol are withdrawn, so every LBR MSR starts
 * intercepted, and no event is held.
 *
 * Return: 0; -HVG_EINVAL if an argument is NULL; any error of
 * hvg_lbr_desc_check(). @v and @pol are untouched on error.
 */
int hvg_lbr_vcpu_init(struct hvg_lbr_vcpu *v, const struct hvg_lbr_desc *desc,
		      struct hvg_msr_policy *pol);

/**
 * hvg_lbr_refresh() - give an initialised vCPU a new description
 * @v: the vCPU
 * @desc: its new description (after a CPUID or IA32_PERF_CAPABILITIES
 *        change)
 *
 * Only legal while no event is held (upstream refreshes before the vCPU
 * first runs and treats pass-through at refresh as a bug): reset first.
 *
 * Return: 0; -HVG_EINVAL if an argument is NULL; any error of
 * hvg_lbr_desc_check(); -HVG_ESTATE if an event is held. @v is untouched
 * on error.
 */
int hvg_lbr_refresh(struct hvg_lbr_vcpu *v, const struct hvg_lbr_desc *desc);

/**
 * hvg_lbr_msr_access() - decide an intercepted access to an MSR
 * @v: the vCPU
 * @msr: MSR index
 * @host_initiated: a userspace access (KVM_GET/SET_MSRS), not the guest's
 *
 * Reads and writes are decided alike. Host-initiated accesses get the same
 * decisions as the guest's (upstream since v13 of the series; v12 made
 * them dummies) but do not count as the guest touching LBR.
 *
 * Return: an enum hvg_lbr_access: HVG_LBR_ACCESS_NOT_LBR if @msr is not
 * in the pass-through set; HVG_LBR_ACCESS_CREATE_EVENT if no event is
 * held; HVG_LBR_ACCESS_HW_IF_ACTIVE if one is. -HVG_EINVAL if @v is NULL.
 */
int hvg_lbr_msr_access(struct hvg_lbr_vcpu *v, u32 msr, bool host_initiated);

/**
 * hvg_lbr_event_created() - the outcome of a requested event creation
 * @v: the vCPU
 * @ok: the glue now holds the event (false: perf refused it)
 *
 * After HVG_LBR_ACCESS_CREATE_EVENT or HVG_LBR_ACT_CREATE_EVENT. A
 * failure changes nothing and is retried at the next trigger; the guest
 * sees no error.
 *
 * Return: how to complete the access that asked for the event:
 * HVG_LBR_ACCESS_HW_IF_ACTIVE if @ok, else HVG_LBR_ACCESS_DUMMY (ignore it
 * after an IA32_DEBUGCTL or IA32_LBR_CTL write). -HVG_EINVAL if @v is
 * NULL; -HVG_ESTATE if LBR is off or an event is already held (@v
 * untouched; the glue must not keep a second event).
 */
int hvg_lbr_event_created(struct hvg_lbr_vcpu *v, bool ok);

/**
 * hvg_lbr_ctl_write() - a write of the LBR enable register
 * @v: the vCPU
 * @msr: HVG_MSR_IA32_DEBUGCTL or HVG_MSR_IA32_LBR_CTL
 * @data: the value written, already accepted by the hypervisor
 *
 * Bit 0 enables LBR in both registers (DEBUGCTL.LBR, LBR_CTL.LBREn); the
 * one that counts is IA32_DEBUGCTL for legacy LBR and IA32_LBR_CTL for
 * Arch LBR. A write that sets it while no event is held requests the
 * event, whether the guest or userspace writes. The hypervisor stores the
 * value itself (VMCS guest field) and may call this for every write of
 * either register.
 *
 * Return: HVG_LBR_ACT_CREATE_EVENT or HVG_LBR_ACT_NONE; -HVG_EINVAL if @v
 * is NULL or @msr is neither register.
 */
int hvg_lbr_ctl_write(struct hvg_lbr_vcpu *v, u32 msr, u64 data);

/**
 * hvg_lbr_depth_write() - an intercepted write of IA32_LBR_DEPTH
 * @v: the vCPU (Arch LBR)
 * @data: the value written
 * @host_initiated: a userspace write, not the guest's
 *
 * The guest is offered the one depth @nr (its CPUID.(EAX=1CH):EAX[7:0]
 * must have only bit @nr / 8 - 1 set), so that is the only value WRMSR
 * accepts. A write resets every record: with an event held the glue
 * writes @nr to the hardware register if the event is ACTIVE; with none
 * there are no guest records to reset. Reads return @nr.
 *
 * Return: HVG_LBR_ACCESS_HW_IF_ACTIVE or HVG_LBR_ACCESS_DUMMY;
 * -HVG_EINVAL if @v is NULL or @data is not @nr (the hypervisor raises
 * #GP); -HVG_ENOTSUP if the vCPU has no Arch LBR. @v is untouched on
 * error.
 */
int hvg_lbr_depth_write(struct hvg_lbr_vcpu *v, u64 data,
			bool host_initiated);

/**
 * hvg_lbr_vmentry() - the pass-through decision, right before VM entry
 * @v: the vCPU
 * @ev: the event's enum hvg_lbr_event_state, read now (IRQs off, after
 *      perf built its guest/host switch list)
 * @guest_ctl: the guest's LBR enable register: IA32_DEBUGCTL (legacy) or
 *             IA32_LBR_CTL (Arch LBR)
 *
 * The LBR MSRs are passed through iff the vCPU holds the event and @ev is
 * HVG_LBR_EV_ACTIVE. The map is rewritten only when that changes. While
 * intercepting, the glue should warn (rate-limited) if the guest has LBR
 * enabled or the event exists but is not ACTIVE: the guest's records are
 * then inaccurate. Steady state (passed through and still ACTIVE, or
 * intercepted and nothing changed) is a few loads and compares.
 *
 * Return: a mask of HVG_LBR_ENTRY_WARN and HVG_LBR_ENTRY_MAP_CHANGED;
 * -HVG_EINVAL if @v is NULL or @ev is not a state (nothing changed).
 */
int hvg_lbr_vmentry(struct hvg_lbr_vcpu *v, u32 ev, u64 guest_ctl);

/**
 * hvg_lbr_sched_in() - the vCPU task was scheduled in on a CPU
 * @v: the vCPU
 *
 * With an event held, marks the vCPU for the lazy release.
 *
 * Return: HVG_LBR_ACT_REQUEST_CLEANUP if it marked, else
 * HVG_LBR_ACT_NONE; -HVG_EINVAL if @v is NULL.
 */
int hvg_lbr_sched_in(struct hvg_lbr_vcpu *v);

/**
 * hvg_lbr_cleanup() - the lazy release, while servicing the request
 * @v: the vCPU
 * @guest_ctl: the guest's LBR enable register (as for hvg_lbr_vmentry())
 *
 * Releases the event iff the vCPU is marked, the guest has LBR disabled
 * and has not touched an LBR MSR since it was marked; the mark is cleared
 * either way. A release leaves every LBR MSR intercepted.
 *
 * Return: HVG_LBR_ACT_RELEASE_EVENT or HVG_LBR_ACT_NONE; -HVG_EINVAL if @v
 * is NULL.
 */
int hvg_lbr_cleanup(struct hvg_lbr_vcpu *v, u64 guest_ctl);

/**
 * hvg_lbr_reset() - vPMU reset or vCPU teardown
 * @v: the vCPU
 *
 * Releases the event unconditionally, clears the mark and withdraws every
 * wish of the LBR owner, so every LBR MSR is intercepted.
 *
 * Return: HVG_LBR_ACT_RELEASE_EVENT if an event was held, else
 * HVG_LBR_ACT_NONE; -HVG_EINVAL if @v is NULL.
 */
int hvg_lbr_reset(struct hvg_lbr_vcpu *v);

#endif /* HVGATE_LBR_H */
