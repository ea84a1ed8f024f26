/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * arm64: host SPE, TRBE and BRBE parking around guest entry, the MDCR_EL2
 * trap configuration of a vCPU, and the ownership of the breakpoint and
 * watchpoint registers.
 *
 * "A64" names the AArch64 state of the Arm ARM (DDI 0487). The library
 * runs no instruction: it turns register values into plans, ordered
 * arrays of steps (read a system register into a save slot, write a slot
 * or zero to a register, ISB, PSB CSYNC, TSB CSYNC, DSB NSH) that the glue
 * executes in order, on the CPU that runs the vCPU.
 *
 * Objects:
 *
 *  - struct hvg_a64_caps, one per physical CPU, computed once from the ID
 *    registers by hvg_a64_caps_init() and read-only afterwards. It holds
 *    every decision that depends only on the CPU: which units exist, the
 *    MDCR_EL2 bits the CPU implements, the probe plan and the four debug
 *    register switch plans.
 *
 *  - struct hvg_a64_vcpu, one per vCPU: the debug-register ownership
 *    state machine, the world-switch phase, the save slots every plan
 *    reads and writes, and room for the park and restore plans.
 *
 * The world-switch contract (the 2021 fix, b96b0c5de685: the SPE buffer
 * was drained after MDCR_EL2.E2PB and the guest stage 1 had been
 * installed, so the drain wrote host profiling data through the wrong
 * translation regime). One entry and exit is exactly this sequence of
 * calls; any other order is refused with -HVG_ESTATE and changes nothing:
 *
 *	hvg_a64_entry_probe(v, &p)	run p: reads the buffer enables
 *	hvg_a64_entry_park(v, &p)	run p: parks the host's buffers,
 *					with the host's translation regime
 *					and MDCR_EL2 still installed
 *	hvg_a64_entry_guest(v, &mdcr, &p)
 *					write MDCR_EL2 = mdcr, install the
 *					guest's stage 2 and EL1 context,
 *					then run p (debug registers)
 *	... guest runs, exits to EL2 ...
 *	hvg_a64_exit_host(v, &mdcr, &p)	write MDCR_EL2 = mdcr, install the
 *					host's stage 2 and EL1 context,
 *					then run p (debug registers)
 *	hvg_a64_exit_unpark(v, &p)	run p: gives the buffers back
 *
 * The only way to obtain the vCPU's MDCR_EL2 value for an entry is
 * hvg_a64_entry_guest(), which refuses unless the park plan was handed
 * out first; the restore plan is only handed out after
 * hvg_a64_exit_host() gave the host's MDCR_EL2 back. The glue must run
 * each plan completely, in order, before its next call. Once probed, the
 * sequence must be completed even if the glue decides not to run the
 * guest after all: every plan is correct without the guest running.
 *
 * On a VHE host the probe, park and restore plans are empty (the host
 * runs at EL2 with its own translation regime, so its buffers keep
 * running: "the vcpu can run, but it can't hide"), and the calls still
 * hand out the trap configuration and the debug register plans. A VHE
 * glue may write the MDCR_EL2 values at vcpu load and put instead.
 *
 * Locking: none. A caller serialises calls on one vCPU and runs a vCPU's
 * world switch on the CPU whose caps it loaded with.
 */
#ifndef HVGATE_ARM64_DEBUG_H
#define HVGATE_ARM64_DEBUG_H

#include "hvgate_env.h"
#include <hvgate/types.h>

/*
 * System register encodings. Bits [20:5] of MRS and MSR (register) carry
 * op0, op1, CRn, CRm and op2 (Arm ARM C5.1.2, "A64 System instruction
 * class encoding"); the value here is those 16 bits, so a glue can emit
 * "mrs x0, S<op0>_<op1>_C<CRn>_C<CRm>_<op2>" or build the instruction word
 * as 0xd5200000 | (reg << 5) | Rt (MRS) and 0xd5000000 | (reg << 5) | Rt
 * (MSR). Linux's sys_reg() is the same value shifted left by 5.
 */
#define HVG_A64_SYSREG(op0, op1, crn, crm, op2)				\
	((((op0) & 3) << 14) | (((op1) & 7) << 11) | (((crn) & 15) << 7) | \
	 (((crm) & 15) << 3) | ((op2) & 7))
#define HVG_A64_SYSREG_OP0(r)	(((r) >> 14) & 3)
#define HVG_A64_SYSREG_OP1(r)	(((r) >> 11) & 7)
#define HVG_A64_SYSREG_CRN(r)	(((r) >> 7) & 15)
#define HVG_A64_SYSREG_CRM(r)	(((r) >> 3) & 15)
#define HVG_A64_SYSREG_OP2(r)	((r) & 7)

/*
 * The registers the library names. Encodings from the Arm ARM register
 * descriptions, checked against Linux arch/arm64/tools/sysreg and
 * arch/arm64/include/asm/sysreg.h.
 */
enum hvg_a64_sysreg {
	HVG_A64_DBGBVR0_EL1	= HVG_A64_SYSREG(2, 0, 0, 0, 4),
	HVG_A64_DBGBCR0_EL1	= HVG_A64_SYSREG(2, 0, 0, 0, 5),
	HVG_A64_DBGWVR0_EL1	= HVG_A64_SYSREG(2, 0, 0, 0, 6),
	HVG_A64_DBGWCR0_EL1	= HVG_A64_SYSREG(2, 0, 0, 0, 7),
	HVG_A64_MDCCINT_EL1	= HVG_A64_SYSREG(2, 0, 0, 2, 0),
	HVG_A64_MDSCR_EL1	= HVG_A64_SYSREG(2, 0, 0, 2, 2),
	HVG_A64_OSLAR_EL1	= HVG_A64_SYSREG(2, 0, 1, 0, 4),
	HVG_A64_OSLSR_EL1	= HVG_A64_SYSREG(2, 0, 1, 1, 4),
	HVG_A64_BRBCR_EL1	= HVG_A64_SYSREG(2, 1, 9, 0, 0),
	HVG_A64_ID_AA64DFR0_EL1	= HVG_A64_SYSREG(3, 0, 0, 5, 0),
	HVG_A64_TRFCR_EL1	= HVG_A64_SYSREG(3, 0, 1, 2, 1),
	HVG_A64_PMSCR_EL1	= HVG_A64_SYSREG(3, 0, 9, 9, 0),
	HVG_A64_PMBLIMITR_EL1	= HVG_A64_SYSREG(3, 0, 9, 10, 0),
	HVG_A64_PMBIDR_EL1	= HVG_A64_SYSREG(3, 0, 9, 10, 7),
	HVG_A64_TRBLIMITR_EL1	= HVG_A64_SYSREG(3, 0, 9, 11, 0),
	HVG_A64_TRBIDR_EL1	= HVG_A64_SYSREG(3, 0, 9, 11, 7),
	HVG_A64_PMCR_EL0	= HVG_A64_SYSREG(3, 3, 9, 12, 0),
	HVG_A64_MDCR_EL2	= HVG_A64_SYSREG(3, 4, 1, 1, 1),
};

/* Breakpoint and watchpoint n (0-15): CRm is n. */
#define HVG_A64_DBGBVR_EL1(n)	(HVG_A64_DBGBVR0_EL1 + ((n) << 3))
#define HVG_A64_DBGBCR_EL1(n)	(HVG_A64_DBGBCR0_EL1 + ((n) << 3))
#define HVG_A64_DBGWVR_EL1(n)	(HVG_A64_DBGWVR0_EL1 + ((n) << 3))
#define HVG_A64_DBGWCR_EL1(n)	(HVG_A64_DBGWCR0_EL1 + ((n) << 3))

/* ID_AA64DFR0_EL1 fields, 4 bits each (Arm ARM D24.2, ID_AA64DFR0_EL1). */
#define HVG_A64_DFR0_DEBUGVER_SHIFT	0
#define HVG_A64_DFR0_PMUVER_SHIFT	8
#define HVG_A64_DFR0_BRPS_SHIFT		12	/* breakpoints - 1 */
#define HVG_A64_DFR0_WRPS_SHIFT		20	/* watchpoints - 1 */
#define HVG_A64_DFR0_PMSVER_SHIFT	32	/* FEAT_SPE if non-zero */
#define HVG_A64_DFR0_TRACEFILT_SHIFT	40	/* FEAT_TRF if non-zero */
#define HVG_A64_DFR0_TRACEBUFFER_SHIFT	44	/* FEAT_TRBE if non-zero */
#define HVG_A64_DFR0_BRBE_SHIFT		52	/* FEAT_BRBE if non-zero */
#define HVG_A64_DFR0_DEBUGVER_V8	0x6	/* lowest AArch64 value */
#define HVG_A64_DFR0_PMUVER_IMPDEF	0xf	/* not PMUv3 */

#define HVG_A64_PMBIDR_P	BIT_ULL(4)	/* owned by a higher EL */
#define HVG_A64_TRBIDR_P	BIT_ULL(4)
#define HVG_A64_PMBLIMITR_E	BIT_ULL(0)	/* buffer enabled */
#define HVG_A64_TRBLIMITR_E	BIT_ULL(0)
#define HVG_A64_PMSCR_E0SPE	BIT_ULL(0)
#define HVG_A64_PMSCR_E1SPE	BIT_ULL(1)
#define HVG_A64_BRBCR_E0BRE	BIT_ULL(0)
#define HVG_A64_BRBCR_EXBRE	BIT_ULL(1)
#define HVG_A64_TRFCR_E0TRE	BIT_ULL(0)
#define HVG_A64_TRFCR_EXTRE	BIT_ULL(1)
#define HVG_A64_TRFCR_TS	GENMASK_ULL(6, 5)
#define HVG_A64_TRFCR_VALID	(HVG_A64_TRFCR_TS | HVG_A64_TRFCR_EXTRE | \
				 HVG_A64_TRFCR_E0TRE)
#define HVG_A64_PMCR_N_SHIFT	11		/* event counters, 5 bits */
#define HVG_A64_MDSCR_KDE	BIT_ULL(13)
#define HVG_A64_MDSCR_MDE	BIT_ULL(15)
#define HVG_A64_OSLAR_OSLK	BIT_ULL(0)

/* MDCR_EL2 (Arm ARM D24.2, MDCR_EL2; Linux kvm_arm.h). */
#define HVG_A64_MDCR_HPMN	GENMASK_ULL(4, 0)	/* FEAT_PMUv3 */
#define HVG_A64_MDCR_TPMCR	BIT_ULL(5)		/* FEAT_PMUv3 */
#define HVG_A64_MDCR_TPM	BIT_ULL(6)		/* FEAT_PMUv3 */
#define HVG_A64_MDCR_TDE	BIT_ULL(8)
#define HVG_A64_MDCR_TDA	BIT_ULL(9)
#define HVG_A64_MDCR_TDOSA	BIT_ULL(10)
#define HVG_A64_MDCR_TDRA	BIT_ULL(11)
#define HVG_A64_MDCR_E2PB	GENMASK_ULL(13, 12)	/* FEAT_SPE */
#define HVG_A64_MDCR_TPMS	BIT_ULL(14)		/* FEAT_SPE */
#define HVG_A64_MDCR_TTRF	BIT_ULL(19)		/* FEAT_TRF */
#define HVG_A64_MDCR_E2TB	GENMASK_ULL(25, 24)	/* FEAT_TRBE */

/* Plan steps. Values start at 1 so that a zeroed step is invalid. */
enum hvg_a64_op {
	HVG_A64_OP_READ = 1,	/* slot[@slot] = MRS @reg */
	HVG_A64_OP_WRITE,	/* MSR @reg, slot[@slot] */
	HVG_A64_OP_WRITE_ZERO,	/* MSR @reg, XZR */
	HVG_A64_OP_ISB,
	HVG_A64_OP_PSB_CSYNC,	/* HINT #17: profiling synchronization */
	HVG_A64_OP_TSB_CSYNC,	/* HINT #18: trace synchronization */
	HVG_A64_OP_DSB_NSH,
};

/**
 * struct hvg_a64_step - one step of a plan
 * @op: HVG_A64_OP_*
 * @reserved: zero
 * @reg: the register (enum hvg_a64_sysreg value) for READ, WRITE and
 *       WRITE_ZERO; 0 for the barriers
 * @slot: index into &hvg_a64_vcpu.slot for READ and WRITE; 0 otherwise
 * @reserved2: zero
 */
struct hvg_a64_step {
	u8 op;
	u8 reserved;
	u16 reg;
	u16 slot;
	u16 reserved2;
};

/**
 * struct hvg_a64_plan - a plan: steps to run in order, first to last
 * @step: the steps, in library-owned memory (the caps or the vCPU); valid
 *        until the next call on the same object
 * @nr: number of steps; 0 for nothing to do
 */
struct hvg_a64_plan {
	const struct hvg_a64_step *step;
	u32 nr;
};

/*
 * Save slots: &hvg_a64_vcpu.slot. The buffer slots hold host values
 * between park and restore. Each debug bank holds one full set of
 * breakpoint and watchpoint registers and MDCCINT_EL1: the host's (saved
 * at entry, restored at exit), the guest's own and the external
 * debugger's (KVM_SET_GUEST_DEBUG). The caller reads and writes the guest
 * and external banks directly, to emulate trapped accesses and for
 * userspace; the plans load the owner's bank at entry and save it back at
 * exit.
 */
#define HVG_A64_SLOT_PMBLIMITR		0	/* probe: host PMBLIMITR_EL1 */
#define HVG_A64_SLOT_PMSCR		1	/* park: host PMSCR_EL1 */
#define HVG_A64_SLOT_TRBLIMITR		2	/* probe: host TRBLIMITR_EL1 */
#define HVG_A64_SLOT_TRFCR		3	/* park: host TRFCR_EL1 */
#define HVG_A64_SLOT_TRFCR_GUEST	4	/* hvg_a64_set_guest_trfcr() */
#define HVG_A64_SLOT_BRBCR		5	/* probe: host BRBCR_EL1 */

#define HVG_A64_DBG_MAX			16	/* breakpoints, watchpoints */
#define HVG_A64_DBG_BCR(n)		(n)
#define HVG_A64_DBG_BVR(n)		(HVG_A64_DBG_MAX + (n))
#define HVG_A64_DBG_WCR(n)		(2 * HVG_A64_DBG_MAX + (n))
#define HVG_A64_DBG_WVR(n)		(3 * HVG_A64_DBG_MAX + (n))
#define HVG_A64_DBG_MDCCINT		(4 * HVG_A64_DBG_MAX)
#define HVG_A64_DBG_BANK_SIZE		(4 * HVG_A64_DBG_MAX + 1)

#define HVG_A64_BANK_HOST		0
#define HVG_A64_BANK_GUEST		1
#define HVG_A64_BANK_EXTERNAL		2
#define HVG_A64_BANK_FIRST_SLOT		8
/* Slot of register @off (HVG_A64_DBG_*) of bank @bank (HVG_A64_BANK_*). */
#define HVG_A64_SLOT_DBG(bank, off)					\
	(HVG_A64_BANK_FIRST_SLOT + (bank) * HVG_A64_DBG_BANK_SIZE + (off))
#define HVG_A64_NR_SLOTS		HVG_A64_SLOT_DBG(3, 0)

/* Plan capacities. */
#define HVG_A64_PROBE_MAX	3	/* PMBLIMITR, BRBCR, TRBLIMITR */
#define HVG_A64_PARK_MAX	17	/* SPE 7, BRBE 1, TRFCR 2, TRBE 7 */
#define HVG_A64_RESTORE_MAX	9	/* ISB, TRBE 3, TRFCR 1, BRBE 1, SPE 3 */
#define HVG_A64_DBG_PLAN_MAX	(2 * HVG_A64_DBG_BANK_SIZE)

/* hvg_a64_caps_init() @flags. */
#define HVG_A64_HOST_VHE		BIT(0)	/* the host kernel runs at EL2 */
#define HVG_A64_ERRATUM_2064142		BIT(1)	/* Cortex-A510: drain twice */
#define HVG_A64_ERRATUM_2038923		BIT(2)	/* Cortex-A510: two ISBs */
#define HVG_A64_FLAGS_ALL		GENMASK(2, 0)

/* Diagnostics of hvg_a64_caps_init()'s consistency checks (HVG_TRACE_CHECK). */
#define HVG_A64_DIAG_DEBUGVER		0x6001	/* DebugVer below Armv8 */
#define HVG_A64_DIAG_TRBE_WITHOUT_TRF	0x6002	/* TraceBuffer, no TraceFilt */

/* &hvg_a64_caps.caps: what hvg_a64_caps_init() found. */
#define HVG_A64_CAP_PMUV3	BIT(0)	/* PMUVer 1-14 */
#define HVG_A64_CAP_SPE		BIT(1)	/* PMSVer != 0 */
#define HVG_A64_CAP_SPE_HOST	BIT(2)	/* ... and PMBIDR_EL1.P == 0 */
#define HVG_A64_CAP_TRBE	BIT(3)	/* TraceBuffer != 0 */
#define HVG_A64_CAP_TRBE_HOST	BIT(4)	/* ... and TRBIDR_EL1.P == 0 */
#define HVG_A64_CAP_TRF		BIT(5)	/* TraceFilt != 0 */
#define HVG_A64_CAP_BRBE	BIT(6)	/* BRBE != 0 */
#define HVG_A64_CAP_VHE		BIT(7)
#define HVG_A64_CAP_E2064142	BIT(8)
#define HVG_A64_CAP_E2038923	BIT(9)

/**
 * struct hvg_a64_idregs - the ID registers hvg_a64_caps_init() decodes
 * @dfr0: ID_AA64DFR0_EL1
 * @pmbidr: PMBIDR_EL1; read it only when ID_AA64DFR0_EL1.PMSVer != 0 (the
 *          register is UNDEFINED otherwise), else pass 0: it is ignored
 * @trbidr: TRBIDR_EL1; read it only when ID_AA64DFR0_EL1.TraceBuffer != 0,
 *          else pass 0: it is ignored
 * @pmcr: PMCR_EL0 of the host (N, bits [15:11], becomes MDCR_EL2.HPMN);
 *        read it only when ID_AA64DFR0_EL1.PMUVer is 1-14, else pass 0
 */
struct hvg_a64_idregs {
	u64 dfr0;
	u64 pmbidr;
	u64 trbidr;
	u64 pmcr;
};

/**
 * struct hvg_a64_caps - one CPU's debug capabilities and static plans
 * @caps: HVG_A64_CAP_*
 * @brps: breakpoints switched (ID_AA64DFR0_EL1.BRPs + 1)
 * @wrps: watchpoints switched (WRPs + 1)
 * @hpmn: MDCR_EL2.HPMN given to guests (PMCR_EL0.N; 0 without PMUv3)
 * @nr_probe: steps in @probe
 * @nr_dbg: steps in each @dbg plan
 * @units: HVG_A64_PARKED_* units the host may have running under a guest
 *         (SPE, BRBE, TRBE for the host; TRFCR with FEAT_TRF); 0 on VHE
 * @mdcr_guest: a vCPU's MDCR_EL2 before TDA and TDE are decided
 * @mdcr_host: the host's MDCR_EL2, written back at every exit
 * @probe: reads of the host's buffer enables (nVHE only)
 * @dbg: debug register switch plans, indexed by HVG_A64_DBG_PLAN()
 *
 * Filled by hvg_a64_caps_init() and read-only afterwards. About 4.2 KiB;
 * one per physical CPU (CPUs of one system may differ, e.g. SPE on some
 * cores only).
 */
struct hvg_a64_caps {
	u32 caps;
	u8 brps;
	u8 wrps;
	u8 hpmn;
	u8 nr_probe;
	u32 nr_dbg;
	u32 units;
	u64 mdcr_guest;
	u64 mdcr_host;
	struct hvg_a64_step probe[HVG_A64_PROBE_MAX];
	struct hvg_a64_step dbg[4][HVG_A64_DBG_PLAN_MAX];
};

/* Index into &hvg_a64_caps.dbg: load @bank at entry, or save it at exit. */
#define HVG_A64_DBG_PLAN(bank, to_host)					\
	(((bank) - HVG_A64_BANK_GUEST) * 2 + !!(to_host))

/**
 * enum hvg_a64_dbg_owner - who owns the breakpoint/watchpoint registers
 * @HVG_A64_DBG_UNLOADED: the vCPU is not loaded on a CPU
 * @HVG_A64_DBG_FREE: nobody: the registers are not switched, guest
 *                    accesses trap (MDCR_EL2.TDA) and move to GUEST_OWNED
 * @HVG_A64_DBG_HOST_OWNED: userspace debugs the guest, or the guest's OS
 *                          Lock is set: the external debugger's bank is
 *                          loaded and guest accesses trap
 * @HVG_A64_DBG_GUEST_OWNED: the guest uses them (MDSCR_EL1.MDE or KDE, or
 *                           it touched one while FREE): its bank is
 *                           loaded and its accesses do not trap
 */
enum hvg_a64_dbg_owner {
	HVG_A64_DBG_UNLOADED,
	HVG_A64_DBG_FREE,
	HVG_A64_DBG_HOST_OWNED,
	HVG_A64_DBG_GUEST_OWNED,
};

/* World-switch phases: the call that leads out of each is named. */
enum hvg_a64_phase {
	HVG_A64_PH_IDLE,	/* hvg_a64_entry_probe() */
	HVG_A64_PH_PROBED,	/* hvg_a64_entry_park() */
	HVG_A64_PH_PARKED,	/* hvg_a64_entry_guest() */
	HVG_A64_PH_GUEST,	/* hvg_a64_exit_host() */
	HVG_A64_PH_HOST,	/* hvg_a64_exit_unpark() */
};

/* &hvg_a64_ctl.in: the inputs of the ownership machine. */
#define HVG_A64_IN_GUEST_DBG	BIT(0)	/* guest MDSCR_EL1.MDE or KDE */
#define HVG_A64_IN_OS_LOCK	BIT(1)	/* guest OSLSR_EL1.OSLK */
#define HVG_A64_IN_HOST_DBG	BIT(2)	/* userspace debugs the guest */
#define HVG_A64_IN_TRACE_CFG	BIT(3)	/* a guest TRFCR_EL1 value is set */

/* &hvg_a64_ctl.parked: the units the plans in the vCPU park. */
#define HVG_A64_PARKED_SPE	BIT(0)
#define HVG_A64_PARKED_BRBE	BIT(1)
#define HVG_A64_PARKED_TRFCR	BIT(2)
#define HVG_A64_PARKED_TRBE	BIT(3)
#define HVG_A64_PARKED_STALE	BIT(7)	/* loaded since: rebuild */

/**
 * struct hvg_a64_ctl - the control state of a vCPU (opaque to callers)
 * @caps: the caps of the CPU the vCPU is loaded on; NULL while unloaded
 * @mdcr: the vCPU's MDCR_EL2, kept current while loaded
 * @owner: enum hvg_a64_dbg_owner
 * @phase: enum hvg_a64_phase
 * @in: HVG_A64_IN_*
 * @parked: HVG_A64_PARKED_* units the plans in &hvg_a64_vcpu.park and
 *          .restore are for; they are rebuilt only when this changes
 * @bank: the owner's debug bank (HVG_A64_BANK_GUEST or _EXTERNAL), 0 for
 *        none; it cannot change during a world switch
 * @nr_park: steps in &hvg_a64_vcpu.park
 * @nr_restore: steps in &hvg_a64_vcpu.restore
 * @reserved: zero
 *
 * Everything the ownership machine and the phases read and write: the
 * entry and exit calls cost a few loads and stores.
 */
struct hvg_a64_ctl {
	const struct hvg_a64_caps *caps;
	u64 mdcr;
	u8 owner;
	u8 phase;
	u8 in;
	u8 parked;
	u8 bank;
	u8 nr_park;
	u8 nr_restore;
	u8 reserved;
};

/**
 * struct hvg_a64_vcpu - a vCPU's debug state
 * @ctl: control state
 * @park: the current park plan
 * @restore: the current restore plan
 * @slot: save slots (HVG_A64_SLOT_*); plans read and write them
 *
 * About 1.8 KiB, in the caller's vCPU structure (not on a stack). Set up
 * with hvg_a64_vcpu_init(); afterwards the caller only touches the guest
 * and external banks of @slot.
 */
struct hvg_a64_vcpu {
	struct hvg_a64_ctl ctl;
	struct hvg_a64_step park[HVG_A64_PARK_MAX];
	struct hvg_a64_step restore[HVG_A64_RESTORE_MAX];
	u64 slot[HVG_A64_NR_SLOTS];
};

/**
 * hvg_a64_caps_init() - decode a CPU's debug capabilities, once
 * @caps: filled on success
 * @id: the CPU's ID register values
 * @flags: HVG_A64_HOST_VHE if the host kernel runs at EL2, and the
 *         HVG_A64_ERRATUM_* workarounds this CPU needs
 *
 * Decides everything that depends only on the CPU (Arm ARM D24.2,
 * ID_AA64DFR0_EL1, PMBIDR_EL1, TRBIDR_EL1, MDCR_EL2):
 *
 * - SPE is parked only if PMSVer != 0 and PMBIDR_EL1.P == 0 (not owned by
 *   a higher exception level); TRBE likewise with TraceBuffer and
 *   TRBIDR_EL1.P; BRBE if its field is non-zero; nothing on a VHE host.
 * - The vCPU's MDCR_EL2 (Marc Zyngier's review of the seed: never set a
 *   bit that is RES0 on this CPU): HPMN = PMCR_EL0.N, TPM and TPMCR only
 *   with PMUv3; TPMS only with SPE and TTRF only with FEAT_TRF; TDRA and
 *   TDOSA always; E2PB and E2TB 0 (the buffers belong to EL2 and guest
 *   accesses to their registers trap). TDA and TDE are added per vCPU.
 * - The host's MDCR_EL2: HPMN (with PMUv3) and, on a non-VHE host, E2PB =
 *   0b11 with SPE and E2TB = 0b11 with TRBE not owned by a higher EL, so
 *   that the host kernel at EL1 owns its buffers (Linux __init_el2_debug);
 *   on a VHE host E2PB = E2TB = 0 (Linux hyp-stub).
 * - BRPs + 1 breakpoints and WRPs + 1 watchpoints are switched (at most
 *   16: the ID_AA64DFR1_EL1 extension of FEAT_Debugv8p9 is not read).
 *
 * Return: 0; -HVG_EINVAL if @caps or @id is NULL, @flags has unknown bits,
 * or ID_AA64DFR0_EL1 is inconsistent: DebugVer below 0b0110 (not an
 * AArch64 debug architecture: most likely @id was not read;
 * HVG_A64_DIAG_DEBUGVER), or TraceBuffer without TraceFilt (FEAT_TRBE
 * requires FEAT_TRF, without which TSB CSYNC is a NOP and the buffer
 * could not be drained; HVG_A64_DIAG_TRBE_WITHOUT_TRF). The failing check
 * is reported through the environment's trace hook. @caps is untouched on
 * error.
 */
int hvg_a64_caps_init(struct hvg_a64_caps *caps,
		      const struct hvg_a64_idregs *id, u32 flags);

/**
 * hvg_a64_vcpu_init() - reset a vCPU's debug state
 * @v: the vCPU
 *
 * Unloaded, idle, no input set (the guest's MDSCR_EL1 enables and OS Lock
 * clear, nobody debugging it, no guest TRFCR_EL1), every slot zero.
 *
 * Return: 0; -HVG_EINVAL if @v is NULL.
 */
int hvg_a64_vcpu_init(struct hvg_a64_vcpu *v);

/**
 * hvg_a64_vcpu_load() - the vCPU is loaded on a CPU
 * @v: the vCPU
 * @caps: that CPU's capabilities
 *
 * Decides the owner of the debug registers as KVM does at vcpu load:
 * HOST_OWNED if userspace debugs the guest or its OS Lock is set,
 * otherwise GUEST_OWNED if its MDSCR_EL1 has MDE or KDE, otherwise FREE.
 *
 * Return: 0; -HVG_EINVAL if @v or @caps is NULL; -HVG_ESTATE if @v is
 * already loaded. Nothing changes on error.
 */
int hvg_a64_vcpu_load(struct hvg_a64_vcpu *v, const struct hvg_a64_caps *caps);

/**
 * hvg_a64_vcpu_put() - the vCPU leaves its CPU
 * @v: the vCPU
 *
 * Return: 0; -HVG_EINVAL if @v is NULL; -HVG_ESTATE if @v is not loaded or
 * is in the middle of a world switch. Nothing changes on error.
 */
int hvg_a64_vcpu_put(struct hvg_a64_vcpu *v);

/**
 * hvg_a64_dbg_trap() - the guest accessed a breakpoint/watchpoint register
 * @v: the vCPU
 *
 * Call after emulating the access (MDCR_EL2.TDA trap). A FREE vCPU
 * becomes GUEST_OWNED, so that the registers are switched and accesses
 * stop trapping from the next entry; host ownership is never overridden.
 *
 * Return: 0; -HVG_EINVAL if @v is NULL; -HVG_ESTATE if @v is not loaded or
 * is in the middle of a world switch. Nothing changes on error.
 */
int hvg_a64_dbg_trap(struct hvg_a64_vcpu *v);

/**
 * hvg_a64_dbg_mdscr() - the guest's MDSCR_EL1 was written
 * @v: the vCPU
 * @mdscr: the new value (a trapped guest write, or userspace)
 *
 * Records whether MDE or KDE is set. While loaded and FREE, a write that
 * sets one is a trapped access and makes the vCPU GUEST_OWNED. Clearing
 * them changes the owner only at the next load: while the guest owns the
 * registers its MDSCR_EL1 writes do not trap, so KVM cannot see them.
 *
 * Return: 0; -HVG_EINVAL if @v is NULL; -HVG_ESTATE in the middle of a
 * world switch. Nothing changes on error.
 */
int hvg_a64_dbg_mdscr(struct hvg_a64_vcpu *v, u64 mdscr);

/**
 * hvg_a64_dbg_os_lock() - the guest set or cleared its OS Lock
 * @v: the vCPU
 * @locked: the OSLAR_EL1.OSLK value written (trapped by MDCR_EL2.TDOSA)
 *
 * Takes effect at once, as KVM's put-and-load after an OSLAR_EL1 write:
 * the host owns the registers while the lock is set.
 *
 * Return: 0; -HVG_EINVAL if @v is NULL; -HVG_ESTATE in the middle of a
 * world switch. Nothing changes on error.
 */
int hvg_a64_dbg_os_lock(struct hvg_a64_vcpu *v, bool locked);

/**
 * hvg_a64_dbg_host_debug() - userspace starts or stops debugging the guest
 * @v: the vCPU
 * @on: true from KVM_SET_GUEST_DEBUG with KVM_GUESTDBG_ENABLE
 *
 * Takes effect at once: MDCR_EL2.TDE routes the guest's debug exceptions
 * to EL2 and the host owns the registers. Fill the external bank before
 * the next entry.
 *
 * Return: 0; -HVG_EINVAL if @v is NULL; -HVG_ESTATE in the middle of a
 * world switch. Nothing changes on error.
 */
int hvg_a64_dbg_host_debug(struct hvg_a64_vcpu *v, bool on);

/**
 * hvg_a64_dbg_owner() - the current owner of the debug registers
 * @v: the vCPU
 *
 * Return: an enum hvg_a64_dbg_owner value; HVG_A64_DBG_UNLOADED for NULL.
 */
u32 hvg_a64_dbg_owner(const struct hvg_a64_vcpu *v);

/**
 * hvg_a64_vcpu_mdcr() - the MDCR_EL2 value the vCPU would run with now
 * @v: a loaded vCPU
 * @mdcr: filled with the value
 *
 * The caps' value plus TDA unless the guest owns the debug registers and
 * TDE while userspace debugs the guest. The value hvg_a64_entry_guest()
 * hands out; for inspection and for a VHE glue that writes MDCR_EL2 at
 * load.
 *
 * Return: 0; -HVG_EINVAL if @v or @mdcr is NULL; -HVG_ESTATE if @v is not
 * loaded (@mdcr untouched).
 */
int hvg_a64_vcpu_mdcr(const struct hvg_a64_vcpu *v, u64 *mdcr);

/**
 * hvg_a64_set_guest_trfcr() - trace filter for the guest (no TRBE use)
 * @v: the vCPU
 * @enable: switch TRFCR_EL1 to @trfcr while the guest runs
 * @trfcr: TRFCR_EL1 value for the guest: E0TRE, ExTRE, TS only; ignored
 *         when @enable is false
 *
 * For a host that traces guests to an external sink (KVM's
 * EL1_TRACING_CONFIGURED). Ignored on a CPU without FEAT_TRF and on a VHE
 * host. While the host uses TRBE the guest runs with TRFCR_EL1 = 0 anyway.
 *
 * Return: 0; -HVG_EINVAL if @v is NULL, or @enable is true and @trfcr has
 * RES0 bits set; -HVG_ESTATE in the middle of a world switch. Nothing
 * changes on error.
 */
int hvg_a64_set_guest_trfcr(struct hvg_a64_vcpu *v, bool enable, u64 trfcr);

/**
 * hvg_a64_entry_probe() - first call of an entry: what to read
 * @v: a loaded, idle vCPU
 * @plan: filled with reads of the host's buffer enable registers into
 *        their slots (PMBLIMITR_EL1, BRBCR_EL1, TRBLIMITR_EL1, for the
 *        units this CPU lets the host use; empty on VHE)
 *
 * Run @plan, then call hvg_a64_entry_park().
 *
 * Return: 0; -HVG_EINVAL if an argument is NULL; -HVG_ESTATE if @v is not
 * loaded or not idle. Nothing changes on error.
 */
int hvg_a64_entry_probe(struct hvg_a64_vcpu *v, struct hvg_a64_plan *plan);

/**
 * hvg_a64_entry_park() - the plan that parks the host's buffers
 * @v: a probed vCPU
 * @plan: filled with the park plan, possibly empty
 *
 * Run with the host's translation regime and MDCR_EL2 still installed
 * (after saving the host's EL1 registers). From the probed values, in
 * this order (reference (d).1 and (d).3, Linux nvhe/debug-sr.c):
 *
 * - SPE, if the host buffer is enabled (PMBLIMITR_EL1.E): save PMSCR_EL1,
 *   write 0 (stop sampling), ISB, PSB CSYNC, DSB NSH (drain), write
 *   PMBLIMITR_EL1 = 0 (the 2026 fix: the buffer unit must not stay
 *   enabled under the guest), ISB.
 * - BRBE, if BRBCR_EL1 has E0BRE or ExBRE: write 0 (the probe saved it;
 *   guest accesses to BRBCR_EL1 trap, so the guest cannot re-enable it;
 *   the ERET into the guest synchronises the write).
 * - Trace, with FEAT_TRF and either TRBE enabled (TRBLIMITR_EL1.E) or a
 *   guest TRFCR_EL1 configured: save TRFCR_EL1 and write the guest's
 *   value (0 while TRBE is enabled). Then, if TRBE is enabled: ISB, TSB
 *   CSYNC, DSB NSH, write TRBLIMITR_EL1 = 0, TSB CSYNC and DSB NSH again
 *   with erratum 2064142, ISB.
 *
 * The restore plan for the exit is decided here from what was parked.
 * Both plans depend only on which units are parked (values go through
 * the slots), so they are rebuilt only when that set changes.
 *
 * Return: 0; -HVG_EINVAL if an argument is NULL; -HVG_ESTATE unless
 * hvg_a64_entry_probe() was the last call. Nothing changes on error.
 */
int hvg_a64_entry_park(struct hvg_a64_vcpu *v, struct hvg_a64_plan *plan);

/**
 * hvg_a64_entry_guest() - the guest's trap configuration and debug state
 * @v: a parked vCPU
 * @mdcr: filled with the vCPU's MDCR_EL2 (hvg_a64_vcpu_mdcr())
 * @plan: filled with the debug register switch, empty while FREE: save
 *        the host's breakpoints, watchpoints and MDCCINT_EL1 into the host
 *        bank, load the owner's bank (guest or external)
 *
 * Only now may the glue write @mdcr to MDCR_EL2 and install the guest's
 * stage 2 and EL1 context; then it runs @plan and enters the guest.
 *
 * Return: 0; -HVG_EINVAL if an argument is NULL; -HVG_ESTATE unless
 * hvg_a64_entry_park() was the last call. Nothing changes on error.
 */
int hvg_a64_entry_guest(struct hvg_a64_vcpu *v, u64 *mdcr,
			struct hvg_a64_plan *plan);

/**
 * hvg_a64_exit_host() - the host's trap configuration and debug state
 * @v: a vCPU that entered the guest
 * @mdcr: filled with the host's MDCR_EL2
 * @plan: filled with the reverse of the entry's debug register switch:
 *        save the loaded bank, restore the host's
 *
 * The glue writes @mdcr to MDCR_EL2, installs the host's stage 2 and EL1
 * context, then runs @plan.
 *
 * Return: 0; -HVG_EINVAL if an argument is NULL; -HVG_ESTATE unless
 * hvg_a64_entry_guest() was the last call. Nothing changes on error.
 */
int hvg_a64_exit_host(struct hvg_a64_vcpu *v, u64 *mdcr,
		      struct hvg_a64_plan *plan);

/**
 * hvg_a64_exit_unpark() - the plan that gives the host its buffers back
 * @v: a vCPU whose host context is back
 * @plan: filled with the restore plan, possibly empty
 *
 * Only after the host's translation regime and MDCR_EL2 are back. The
 * reverse of the park plan, for what was parked only: an ISB first if a
 * buffer was parked (the host page tables are installed but not yet
 * synchronised), then trace (TRBLIMITR_EL1 back, ISB, a second ISB with
 * erratum 2038923, then TRFCR_EL1), BRBCR_EL1, and SPE (PMBLIMITR_EL1
 * back, ISB, then PMSCR_EL1): each buffer is enabled before its source.
 *
 * Return: 0; -HVG_EINVAL if an argument is NULL; -HVG_ESTATE unless
 * hvg_a64_exit_host() was the last call. Nothing changes on error.
 */
int hvg_a64_exit_unpark(struct hvg_a64_vcpu *v, struct hvg_a64_plan *plan);

#endif /* HVGATE_ARM64_DEBUG_H */
