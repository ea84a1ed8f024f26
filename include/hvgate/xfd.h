/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * IA32_XFD pass-through on demand.
 *
 * Extended Feature Disable (Intel SDM Vol. 1, 13.14 "Extended Feature
 * Disable (XFD)"): when CPUID.(EAX=0DH,ECX=1):EAX[4] = 1 the processor has
 * IA32_XFD (0x1c4) and IA32_XFD_ERR (0x1c5). Setting IA32_XFD[i] disables
 * XSAVE state component i (only those with CPUID.(EAX=0DH,ECX=i):ECX[2] =
 * 1 can be disabled: AMX tile data, component 18, today); an instruction
 * that uses a disabled component raises #NM and sets bit i of
 * IA32_XFD_ERR. A guest OS flips IA32_XFD on context switches, so that only
 * tasks that asked for AMX get the large tile state.
 *
 * The host must size the guest's FPU buffer for every dynamic feature the
 * guest can use (XCR0[i] = 1 and XFD[i] = 0), keep its own software copy of
 * the guest's XFD equal to the hardware register, keep IA32_XFD_ERR at 0
 * while host code runs, and never XRSTOR a component that XFD disables.
 * This module takes those decisions; the caller performs every RDMSR,
 * WRMSR, reallocation and exception-bitmap write.
 *
 * The write-interception state machine (enum hvg_xfd_mode): guest writes
 * to IA32_XFD are intercepted and emulated until a policy decides to pass
 * them through. The policies are the three options of the 2021 series
 * ("kvm: x86: Disable WRMSR interception for IA32_XFD on demand") and the
 * one merged upstream (v5.17); see HVG_XFD_POLICY_*. Under every policy
 * writes are passed through only once the caller has reported, with
 * hvg_xfd_set_buffer() (or at init), that the guest FPU buffer holds every
 * dynamic feature the guest is permitted to use: a VMM that returns after
 * a failed reallocation, or without reallocating, cannot reach
 * pass-through. Pass-through goes through the msr_bitmap policy as owner
 * HVG_MSR_OWNER_XFD, so the hypervisor's allow list and the userspace MSR
 * filter still decide; every answer that depends on whether writes are
 * intercepted reads the policy's map, not a flag of this module.
 *
 * Per VM exit and entry (the hot path), in this order:
 *
 *  1. right after the exit, IRQs off: if hvg_xfd_exit_sync(), RDMSR
 *     IA32_XFD, update the host's software state (fpstate xfd and the
 *     per-CPU cache) and call hvg_xfd_sync();
 *  2. in the IRQs-off exit handler, for a #NM exit: if hvg_xfd_nm_exit(),
 *     RDMSR IA32_XFD_ERR and call hvg_xfd_save_err();
 *  3. still IRQs off, before anything can use the FPU or XFD_ERR: if
 *     hvg_xfd_exit_err_reset(), WRMSR IA32_XFD_ERR = 0;
 *  4. handle the exit (hvg_xfd_wrmsr(), hvg_xfd_rdmsr(), hvg_xfd_xsetbv());
 *  5. right before the next entry, IRQs off: if hvg_xfd_entry_err(),
 *     WRMSR IA32_XFD_ERR with the value it gives.
 *
 * Steps 1, 3 and 5 are flag checks. Nested guests: the map read is L0's
 * (the policy's); if L1 intercepts XFD writes for L2 the merged map does
 * too, and a sync is still requested, which is harmless.
 *
 * All memory is the caller's; nothing here locks (one vCPU, one thread).
 */
#ifndef HVGATE_XFD_H
#define HVGATE_XFD_H

#include "hvgate_env.h"
#include <hvgate/types.h>
#include <hvgate/msr_bitmap.h>

/* XSAVE state components (SDM Vol. 1, 13.1). */
#define HVG_XFEATURE_XTILE_CFG		17
#define HVG_XFEATURE_XTILE_DATA		18
/* Components that can support XFD: 2-62 (0 and 1 never do; 63 is not one). */
#define HVG_XFD_COMPONENTS		GENMASK_ULL(62, 2)
/* XCR0 after RESET: x87 only (SDM Vol. 1, 13.3). */
#define HVG_XCR0_RESET			0x1ULL
/* #NM, the exception-bitmap bit to set while #NM is intercepted. */
#define HVG_XFD_NM_VECTOR		7

/* When guest writes to IA32_XFD stop being intercepted. */
#define HVG_XFD_POLICY_DEFAULT		0	/* the Kconfig choice */
#define HVG_XFD_POLICY_FIRST_WRITE	1	/* option 1 */
#define HVG_XFD_POLICY_ON_COMPLETION	2	/* option 2 */
#define HVG_XFD_POLICY_SECOND_ENABLE	3	/* option 3, the seed's */
#define HVG_XFD_POLICY_UPSTREAM		4	/* merged in v5.17 */
#define HVG_XFD_POLICY_MAX		4

/*
 * The policies, as triggers. Every one also needs the buffer to hold every
 * permitted dynamic feature ("full") and the allow list to let IA32_XFD
 * writes through; a trigger that finds the buffer not full is lost, and
 * the next one is waited for.
 *
 * FIRST_WRITE   An emulated write that needs a reallocation commits: writes
 *               are passed through as soon as the buffer is reported full
 *               (hvg_xfd_set_buffer() while the write waits), before the VMM
 *               returns. Unlike the original option 1, nothing is passed
 *               through on the assumption that the reallocation succeeds.
 * ON_COMPLETION The same write passes writes through when the VMM returns
 *               (hvg_xfd_complete()), after re-checking the buffer.
 * SECOND_ENABLE Not at the write that needed the reallocation: at a later
 *               emulated write that leaves a dynamic feature enabled
 *               (XCR0[i] = 1, XFD[i] = 0) while the buffer is full.
 * UPSTREAM      At any emulated write of a non-zero value while the buffer
 *               is full (KVM sizes the buffer at KVM_SET_CPUID, so this is
 *               the first non-zero write; a Linux guest makes it at boot).
 *
 * When no reallocation is ever needed (the buffer was full from the start),
 * the three options agree: the first write that leaves a dynamic feature
 * enabled passes writes through, since there is nothing to wait for.
 */

/**
 * enum hvg_xfd_mode - the write-interception state of one vCPU
 * @HVG_XFD_INTERCEPT: writes to IA32_XFD exit and are emulated
 * @HVG_XFD_PENDING: an emulated IA32_XFD write or XSETBV needs a bigger
 *	guest FPU buffer; the vCPU is out in the VMM until hvg_xfd_complete()
 * @HVG_XFD_PENDING_PASSTHROUGH: as PENDING, but the buffer is now full and
 *	writes are already passed through (FIRST_WRITE only)
 * @HVG_XFD_PASSTHROUGH: writes are passed through; final (as upstream: the
 *	buffer never shrinks below the permitted features again)
 */
enum hvg_xfd_mode {
	HVG_XFD_INTERCEPT,
	HVG_XFD_PENDING,
	HVG_XFD_PENDING_PASSTHROUGH,
	HVG_XFD_PASSTHROUGH,
};

/* What an operation is about (struct hvg_xfd_decision @op). */
#define HVG_XFD_OP_NONE		0	/* buffer report, refresh */
#define HVG_XFD_OP_XFD		1	/* IA32_XFD */
#define HVG_XFD_OP_XFD_ERR	2	/* IA32_XFD_ERR */
#define HVG_XFD_OP_XCR0		3	/* XSETBV, XCR0 */

/*
 * What the caller does (struct hvg_xfd_decision @action):
 * DONE     completed; advance RIP past the instruction
 * GP       inject #GP(0); nothing changed
 * REALLOC  grow the guest FPU buffer (exit to the VMM), report it with
 *          hvg_xfd_set_buffer(), then call hvg_xfd_complete()
 * RETRY    not applied, the buffer is still too small: do not advance RIP,
 *          the guest re-executes the instruction
 */
#define HVG_XFD_DONE		1
#define HVG_XFD_GP		2
#define HVG_XFD_REALLOC		3
#define HVG_XFD_RETRY		4

/* Side effects the caller applies (struct hvg_xfd_decision @flags). */
#define HVG_XFD_F_NM_ON		BIT(0)	/* set exception-bitmap bit 7 (#NM) */
#define HVG_XFD_F_NM_OFF	BIT(1)	/* #NM no longer needed by XFD */
#define HVG_XFD_F_MAP		BIT(2)	/* the policy's MSR map changed */

/* Why an access gets #GP (struct hvg_xfd_decision @diag). */
#define HVG_XFD_DIAG_NO_XFD	0x0401	/* guest CPUID.(EAX=0DH,ECX=1):EAX[4] = 0 */
#define HVG_XFD_DIAG_RESERVED	0x0402	/* a bit for a component without XFD */

/**
 * struct hvg_xfd_config - one vCPU's XFD setup
 * @xfd_caps: components whose XFD bit the guest may set: bit i iff the
 *	guest's CPUID.(EAX=0DH,ECX=i):ECX[2] = 1; within HVG_XFD_COMPONENTS
 * @permitted: the dynamic features the guest is permitted to use (KVM:
 *	ARCH_REQ_XCOMP_GUEST_PERM); a subset of @xfd_caps
 * @buffer: the features the guest FPU buffer holds now (any XSAVE
 *	components; only the @permitted ones matter)
 * @policy: HVG_XFD_POLICY_*; HVG_XFD_POLICY_DEFAULT takes the Kconfig choice
 * @guest_has_xfd: the guest's CPUID.(EAX=0DH,ECX=1):EAX[4]
 */
struct hvg_xfd_config {
	u64 xfd_caps;
	u64 permitted;
	u64 buffer;
	u32 policy;
	bool guest_has_xfd;
};

/**
 * struct hvg_xfd_decision - what the caller must do after an operation
 * @action: HVG_XFD_DONE, HVG_XFD_GP, HVG_XFD_REALLOC or HVG_XFD_RETRY
 * @op: HVG_XFD_OP_*: what @action is about. After hvg_xfd_complete() this
 *	is the operation that waited, which the caller now completes.
 * @flags: HVG_XFD_F_*; apply them whatever @action is
 * @diag: for HVG_XFD_GP, the HVG_XFD_DIAG_* rule broken; 0 otherwise
 * @value: DONE: the value now in force (the guest's IA32_XFD, IA32_XFD_ERR
 *	or XCR0), the value read for hvg_xfd_rdmsr(), the buffer recorded by
 *	hvg_xfd_set_buffer(); REALLOC: the features the buffer must hold (every
 *	permitted one, so that one reallocation is enough); RETRY: the value
 *	that was not applied; GP: 0.
 *
 * After DONE for HVG_XFD_OP_XFD the caller makes @value the guest's XFD in
 * its FPU state and, if that state is loaded, in hardware; if it is not
 * loaded, it also clears the disabled components from the saved XSTATE_BV
 * with hvg_xfd_xstate_bv() (the Dec-2025 host #NM fix).
 */
struct hvg_xfd_decision {
	u32 action;
	u32 op;
	u32 flags;
	u32 diag;
	u64 value;
};

/**
 * struct hvg_xfd_state - XFD state of one vCPU; fields are private
 * @map_wbyte: byte of the policy's map holding IA32_XFD's write-intercept bit
 * @xfd_err: the guest's IA32_XFD_ERR
 * @map_wmask: that bit within @map_wbyte
 * @nm: #NM interception last reported (HVG_XFD_F_NM_ON / _OFF)
 * @guest_has_xfd: from the config
 * @pt_dirs: IA32_XFD directions the allow list lets this module pass through
 * @mode: the write-interception state
 * @policy: the effective HVG_XFD_POLICY_* (never DEFAULT)
 * @pend_op: the operation that waits for the VMM (HVG_XFD_OP_*), or NONE
 * @pend_val: its value
 * @xfd: the guest's IA32_XFD as the host knows it (synced after exits)
 * @xcr0: the guest's XCR0
 * @buffer: the features the guest FPU buffer holds
 * @xfd_caps: from the config
 * @permitted: from the config
 * @pol: the msr_bitmap policy of the vCPU's map
 *
 * The fields read on every exit and entry come first.
 */
struct hvg_xfd_state {
	const u8 *map_wbyte;
	u64 xfd_err;
	u8 map_wmask;
	u8 nm;
	u8 guest_has_xfd;
	u8 pt_dirs;
	enum hvg_xfd_mode mode;
	u32 policy;
	u32 pend_op;
	u64 pend_val;
	u64 xfd;
	u64 xcr0;
	u64 buffer;
	u64 xfd_caps;
	u64 permitted;
	struct hvg_msr_policy *pol;
};

/**
 * hvg_xfd_init() - set up a vCPU's XFD state at creation or RESET
 * @st: the state to initialise
 * @pol: the vCPU's MSR policy (already initialised); it must outlive @st,
 *	and @st must be initialised again if @pol is
 * @cfg: the vCPU's setup
 *
 * The guest starts with IA32_XFD = 0, IA32_XFD_ERR = 0 and XCR0 = 1 (their
 * RESET values), writes intercepted and #NM not needed. Every previous wish
 * of HVG_MSR_OWNER_XFD on @pol is withdrawn; reads of IA32_XFD_ERR are
 * passed through if the guest has XFD (and the allow list and filter let
 * them). IA32_XFD reads stay intercepted until writes are passed through.
 *
 * Return: 0; -HVG_EINVAL if a pointer is NULL, @pol's map is not
 * initialised, @cfg->policy is unknown, @cfg->permitted is not a subset of
 * @cfg->xfd_caps, or @cfg->xfd_caps is not 0 for a guest without XFD;
 * -HVG_ERANGE if @cfg->xfd_caps has a bit outside HVG_XFD_COMPONENTS.
 * Nothing is written on error.
 */
int hvg_xfd_init(struct hvg_xfd_state *st, struct hvg_msr_policy *pol,
		 const struct hvg_xfd_config *cfg);

/**
 * hvg_xfd_policy() - the policy a vCPU runs under
 * @st: the state
 *
 * Return: HVG_XFD_POLICY_FIRST_WRITE ... HVG_XFD_POLICY_UPSTREAM (the
 * Kconfig choice resolved); 0 for a NULL @st.
 */
u32 hvg_xfd_policy(const struct hvg_xfd_state *st);

/**
 * hvg_xfd_mode() - the write-interception state of a vCPU
 * @st: the state
 *
 * Return: the mode; HVG_XFD_INTERCEPT for a NULL @st.
 */
enum hvg_xfd_mode hvg_xfd_mode(const struct hvg_xfd_state *st);

/**
 * hvg_xfd_wrmsr() - a WRMSR to IA32_XFD or IA32_XFD_ERR that was intercepted
 * @st: the state
 * @msr: HVG_MSR_IA32_XFD or HVG_MSR_IA32_XFD_ERR
 * @value: the value written
 * @host_initiated: written by the VMM (KVM_SET_MSRS), not by the guest
 * @d: filled with the decision
 *
 * A guest write gets HVG_XFD_GP if the guest's CPUID lacks XFD
 * (HVG_XFD_DIAG_NO_XFD) or @value sets a bit of a component without XFD
 * support (HVG_XFD_DIAG_RESERVED) (SDM Vol. 1, 13.14). An IA32_XFD value
 * that would enable a dynamic feature (XCR0[i] = 1, XFD[i] = 0) the buffer
 * does not hold gets HVG_XFD_REALLOC: the write waits, the caller grows the
 * buffer, reports it with hvg_xfd_set_buffer() and calls hvg_xfd_complete()
 * when the VMM returns. Otherwise the value takes effect (HVG_XFD_DONE) and
 * the policy may pass later writes through (HVG_XFD_F_MAP). IA32_XFD_ERR
 * writes are never passed through and never wait.
 *
 * Return: 0 with @d filled; -HVG_EINVAL if a pointer is NULL; -HVG_ENOENT
 * if @msr is neither MSR; -HVG_ESTATE for IA32_XFD while an operation waits
 * for the VMM; for a host-initiated write, -HVG_ERANGE where a guest would
 * get #GP and -HVG_ENOSPC where a guest would wait for a reallocation (grow
 * the buffer first). Nothing changes on error (@d untouched).
 */
int hvg_xfd_wrmsr(struct hvg_xfd_state *st, u32 msr, u64 value,
		  bool host_initiated, struct hvg_xfd_decision *d);

/**
 * hvg_xfd_rdmsr() - a RDMSR of IA32_XFD or IA32_XFD_ERR that was intercepted
 * @st: the state
 * @msr: HVG_MSR_IA32_XFD or HVG_MSR_IA32_XFD_ERR
 * @host_initiated: read by the VMM (KVM_GET_MSRS), not by the guest
 * @d: filled: HVG_XFD_DONE with the value, or HVG_XFD_GP for a guest
 *	without XFD
 *
 * Valid after the exit's sync (step 1 of the order in this header).
 *
 * Return: 0; -HVG_EINVAL if a pointer is NULL; -HVG_ENOENT if @msr is
 * neither MSR (@d untouched).
 */
int hvg_xfd_rdmsr(const struct hvg_xfd_state *st, u32 msr,
		  bool host_initiated, struct hvg_xfd_decision *d);

/**
 * hvg_xfd_xsetbv() - the guest's XCR0 is about to change
 * @st: the state
 * @xcr0: the new XCR0, already validated by the caller's XSETBV emulation
 * @host_initiated: set by the VMM (KVM_SET_XCRS), not by XSETBV
 * @d: filled with the decision
 *
 * XSETBV exits unconditionally under VMX. Enabling a dynamic feature that
 * XFD leaves enabled needs the buffer to hold it: HVG_XFD_REALLOC (then as
 * for hvg_xfd_wrmsr()), else HVG_XFD_DONE. No policy triggers on XSETBV.
 *
 * Return: 0; -HVG_EINVAL if a pointer is NULL; -HVG_ESTATE while an
 * operation waits for the VMM; -HVG_ENOSPC for a host-initiated XCR0 that
 * needs a bigger buffer. Nothing changes on error.
 */
int hvg_xfd_xsetbv(struct hvg_xfd_state *st, u64 xcr0, bool host_initiated,
		   struct hvg_xfd_decision *d);

/**
 * hvg_xfd_set_buffer() - report what the guest FPU buffer holds now
 * @st: the state
 * @features: the XSAVE components the buffer holds, after a reallocation
 *	succeeded (the new set) or failed (the set it still holds)
 * @d: filled with HVG_XFD_DONE, @value = @features, and the flags
 *
 * The only way the library learns that the buffer grew. Under FIRST_WRITE,
 * a full buffer reported while an IA32_XFD write waits passes writes
 * through (HVG_XFD_F_MAP, HVG_XFD_F_NM_ON).
 *
 * Return: 0; -HVG_EINVAL if a pointer is NULL; -HVG_ENOSPC if @features
 * misses a dynamic feature the guest can use now, or, once writes are
 * passed through, any permitted one (the guest can enable it without an
 * exit). Nothing changes on error.
 */
int hvg_xfd_set_buffer(struct hvg_xfd_state *st, u64 features,
		       struct hvg_xfd_decision *d);

/**
 * hvg_xfd_complete() - the VMM returned to run the vCPU after a REALLOC
 * @st: the state
 * @d: filled: HVG_XFD_DONE with @op and @value of the waiting operation,
 *	which the caller now completes (IA32_XFD as after hvg_xfd_wrmsr(),
 *	XCR0 as after XSETBV, then advance RIP); or HVG_XFD_RETRY if the buffer
 *	still cannot hold what the operation enables (reallocation failed or
 *	never made): nothing is applied, the guest re-executes the instruction
 *
 * Under ON_COMPLETION (and UPSTREAM for a non-zero IA32_XFD value) a full
 * buffer passes writes through here.
 *
 * Return: 0; -HVG_EINVAL if a pointer is NULL; -HVG_ESTATE if nothing
 * waits (@d untouched).
 */
int hvg_xfd_complete(struct hvg_xfd_state *st, struct hvg_xfd_decision *d);

/**
 * hvg_xfd_refresh() - re-evaluate #NM interception after a map change
 * @st: the state
 * @d: filled with HVG_XFD_DONE and the #NM flags
 *
 * Call after hvg_msr_policy_set_filter() or anything else that may change
 * IA32_XFD's write-intercept bit. #NM stays intercepted once this module
 * decided to pass writes through, whatever the filter does; this call
 * matters when another owner passes IA32_XFD writes through, or to turn
 * #NM off again.
 *
 * Return: 0; -HVG_EINVAL if a pointer is NULL.
 */
int hvg_xfd_refresh(struct hvg_xfd_state *st, struct hvg_xfd_decision *d);

/**
 * hvg_xfd_nm_intercept() - whether #NM must be intercepted now
 * @st: the state
 *
 * True while the guest's IA32_XFD is non-zero, while the map passes its
 * writes through (the guest can make it non-zero without an exit), and once
 * this module has decided to pass them through. For the initial exception
 * bitmap; later changes come as HVG_XFD_F_NM_ON / HVG_XFD_F_NM_OFF.
 *
 * Return: the answer; false for a NULL @st.
 */
bool hvg_xfd_nm_intercept(const struct hvg_xfd_state *st);

/**
 * hvg_xfd_exit_sync() - after a VM exit: must the host's XFD state be synced?
 * @st: the state
 *
 * True iff the policy's map does not intercept IA32_XFD writes: the guest
 * may have changed the register without an exit, so the caller reads it
 * and calls hvg_xfd_sync() before preemption, before IRQs are enabled and
 * before returning to the VMM (reference (b).3). One byte test.
 *
 * Return: the answer; true for a NULL @st (syncing is always safe).
 */
bool hvg_xfd_exit_sync(const struct hvg_xfd_state *st);

/**
 * hvg_xfd_sync() - record the guest's IA32_XFD read from hardware
 * @st: the state
 * @hw_xfd: RDMSR IA32_XFD right after the exit
 *
 * Recorded as read: the processor checks passed-through writes against its
 * own XFD support, not the guest's CPUID.
 *
 * Return: 0; -HVG_EINVAL for a NULL @st; -HVG_ESTATE if the map intercepts
 * IA32_XFD writes (hvg_xfd_exit_sync() said no; nothing changes).
 */
int hvg_xfd_sync(struct hvg_xfd_state *st, u64 hw_xfd);

/**
 * hvg_xfd_nm_exit() - a #NM exit: read IA32_XFD_ERR now?
 * @st: the state, synced for this exit
 * @cr0_ts: the guest's CR0.TS
 *
 * An XFD #NM is one taken while the guest's XFD is non-zero and CR0.TS is
 * 0: only then did the processor write IA32_XFD_ERR (reference (b).1, SDM).
 * The caller reads it with IRQs still off and passes it to
 * hvg_xfd_save_err() before anything can clobber it, then reflects the #NM.
 *
 * Return: true to read IA32_XFD_ERR; false otherwise and for a NULL @st.
 */
bool hvg_xfd_nm_exit(const struct hvg_xfd_state *st, bool cr0_ts);

/**
 * hvg_xfd_save_err() - record the guest's IA32_XFD_ERR read after an XFD #NM
 * @st: the state
 * @xfd_err: RDMSR IA32_XFD_ERR
 *
 * Return: 0; -HVG_EINVAL for a NULL @st.
 */
int hvg_xfd_save_err(struct hvg_xfd_state *st, u64 xfd_err);

/**
 * hvg_xfd_exit_err_reset() - after the exit: must IA32_XFD_ERR be zeroed?
 * @st: the state
 *
 * The host expects IA32_XFD_ERR = 0; while the guest's value is non-zero it
 * is in hardware from entry to exit.
 *
 * Return: true to WRMSR IA32_XFD_ERR = 0; true for a NULL @st.
 */
bool hvg_xfd_exit_err_reset(const struct hvg_xfd_state *st);

/**
 * hvg_xfd_entry_err() - before VM entry: must IA32_XFD_ERR be restored?
 * @st: the state
 * @val: filled with the value to write when the answer is true
 *
 * Return: true to WRMSR IA32_XFD_ERR = *@val (the guest's non-zero value);
 * false when it is 0, which is what hardware holds, and for a NULL
 * argument (@val untouched).
 */
bool hvg_xfd_entry_err(const struct hvg_xfd_state *st, u64 *val);

/**
 * hvg_xfd_xstate_bv() - the saved XSTATE_BV the host may restore under XFD
 * @xstate_bv: XSTATE_BV of the guest's saved XSAVE header
 * @xfd: the guest IA32_XFD in force when the state is restored
 *
 * XRSTOR(S) of a component with XSTATE_BV[i] = 1 while XFD[i] = 1 raises
 * #NM, in the host when it restores guest state. XSAVE-type instructions
 * save XSTATE_BV[i] = 0 when XFD[i] = 1 (SDM 13.14), so saved state only
 * breaks this when XFD changes while the state is not loaded. Apply to the
 * saved header when an emulated IA32_XFD write lands while the guest FPU
 * state is not loaded, and to a state loaded by the VMM (KVM_SET_XSAVE):
 * "x86/fpu: Clear XSTATE_BV[i] in guest XSAVE state whenever XFD[i]=1"
 * (Dec 2025, reference (b).4).
 *
 * Return: @xstate_bv with bit i clear for every i where @xfd[i] = 1.
 */
u64 hvg_xfd_xstate_bv(u64 xstate_bv, u64 xfd);

#endif /* HVGATE_XFD_H */
