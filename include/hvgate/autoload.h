/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * VM-entry/VM-exit MSR lists, the dedicated IA32_EFER and
 * IA32_PERF_GLOBAL_CTRL fields, the perf guest/host switch list, and a
 * protocol that switches volatile host values (IA32_PEBS_ENABLE on parts
 * without PEBS isolation) without ever leaving a stale value behind.
 *
 * Three lists per vCPU in caller memory, in the architectural 16-byte
 * format (struct hvg_msr_entry, Intel SDM Vol. 3C "VM-Exit Controls for
 * MSRs" and "VM-Entry Controls for MSRs"):
 *
 *  - the VM-entry MSR-load list: guest values, loaded at VM entry after
 *    the guest state (SDM "Loading MSRs" in "VM Entries");
 *  - the VM-exit MSR-load list: host values, loaded at VM exit after the
 *    host state (SDM "Loading MSRs" in "VM Exits");
 *  - the VM-exit MSR-store list: guest values saved at VM exit, before
 *    the host state is loaded (SDM "Saving MSRs").
 *
 * IA32_EFER and IA32_PERF_GLOBAL_CTRL use the dedicated guest/host fields
 * and their "load" entry/exit controls where the capability MSRs allow
 * it, decided per side, and the lists otherwise. The library writes the
 * lists itself; what it cannot do (VMWRITEs of fields, counts and control
 * bits, an immediate WRMSR) comes back as actions in a caller-provided
 * plan, in a documented order (struct hvg_al_plan). A full list is an
 * error (-HVG_ENOSPC) that names the entry that did not fit and changes
 * nothing; the order of a list is stable (entries are appended, and a
 * removal closes the gap without reordering).
 *
 * The perf switch and the volatile protocol
 * -----------------------------------------
 * Right before each VM entry the host perf layer hands over {msr, host,
 * guest, flags} (hvg_autoload_perf_switch()). An entry whose host and
 * guest values are equal is taken off the lists, any other is added or
 * updated; when nothing changed nothing is written and no action is
 * returned.
 *
 * A *volatile* entry is one whose host value the PMI handler (an NMI) may
 * change between the snapshot and the VM exit: IA32_PEBS_ENABLE on a part
 * without PEBS isolation, where PMI throttling clears enable bits in the
 * software state and in the MSR. Loading a snapshot of such a value at VM
 * exit restores bits perf has since cleared, and dropping the entry when
 * host and guest are both 0 keeps them set (the seed's two failures). So
 * a volatile MSR is never on a list. Instead:
 *
 *  1. hvg_autoload_enter_begin() samples the PMI generation of this CPU,
 *     before the perf layer takes its snapshot;
 *  2. hvg_autoload_perf_switch() marks the window open (from then on the
 *     PMI hook tells the handler to write 0) and, if the snapshot is not
 *     0, returns an immediate WRMSR of 0 as the plan's first action, so
 *     the MSR is 0 from before VM entry (the quiescent period PEBS needs)
 *     until after VM exit;
 *  3. after VM exit, hvg_autoload_exit_step() closes the window and writes
 *     the current host value: the snapshot if no PMI ran since step 1,
 *     else the value the last PMI reported; if a PMI lands between its
 *     read and its write, the generation has moved and it writes again.
 *
 * The perf layer's PMI handler calls hvg_autoload_pmi() with the value it
 * is about to write and writes what that returns. Each step function does
 * at most one access to the state it shares with the PMI handler (struct
 * hvg_autoload_cpu, through READ_ONCE()/WRITE_ONCE()), so a PMI can land
 * only between steps, and the tests inject one there. The invariants,
 * proved by tests/model/autoload.pml and tested exhaustively in
 * tests/check_autoload.c:
 *
 *  (1) while the guest runs, no host enable bit of a volatile MSR is set;
 *  (2) when exit handling finishes, the MSR equals perf's current value;
 *  (3) with HVG_PERF_PEBS_ISOLATION, IA32_PEBS_ENABLE is never written on
 *      a transition (no list entry, no action): disabling the host
 *      counters through IA32_PERF_GLOBAL_CTRL suffices there.
 *
 * Nothing here locks: a caller serialises calls on one struct hvg_autoload
 * (KVM does it per vCPU, with interrupts off around the window).
 */
#ifndef HVGATE_AUTOLOAD_H
#define HVGATE_AUTOLOAD_H

#include "hvgate_env.h"
#include <hvgate/types.h>
#include <hvgate/vmcs.h>

/* Entries per list at most: CONFIG_HVGATE_AUTOLOAD_MAX. */
#define HVG_AUTOLOAD_MAX	HVG_CFG_AUTOLOAD_MAX

/* Entries the perf layer may hand over per VM entry. */
#define HVG_PERF_MAX		8

/* Actions a single call appends to a plan, at most (hvg_autoload_vmcs_setup()). */
#define HVG_AL_PLAN_MAX		16

/* Lists, as named by struct hvg_al_plan on -HVG_ENOSPC. */
#define HVG_AL_LIST_ENTRY_LOAD	1	/* VM-entry MSR-load list */
#define HVG_AL_LIST_EXIT_LOAD	2	/* VM-exit MSR-load list */
#define HVG_AL_LIST_EXIT_STORE	3	/* VM-exit MSR-store list */
#define HVG_AL_LIST_PERF	4	/* the perf switch's HVG_PERF_MAX entries */
#define HVG_AL_LIST_PLAN	5	/* the caller's action plan */

/* Operations of struct hvg_al_action. */
#define HVG_AL_ACT_NONE		0	/* nothing to do */
#define HVG_AL_ACT_WRMSR	1	/* WRMSR @value to MSR @target, now */
#define HVG_AL_ACT_VMWRITE	2	/* VMWRITE @value to VMCS field @target */
#define HVG_AL_ACT_SETBITS	3	/* set the bits @value in control field @target */
#define HVG_AL_ACT_CLEARBITS	4	/* clear the bits @value in control field @target */

/**
 * struct hvg_al_action - one hardware effect for the glue to perform
 * @op: HVG_AL_ACT_*
 * @target: MSR index (WRMSR) or VMCS field encoding (the others)
 * @value: the value written, or the control bits set or cleared
 */
struct hvg_al_action {
	u32 op;
	u32 target;
	u64 value;
};

/**
 * struct hvg_al_plan - actions returned to the glue, in caller memory
 * @act: array of @max actions
 * @max: capacity of @act
 * @nr: actions in @act; a call appends after the existing ones, the glue
 *      performs them in order and resets @nr
 * @full_list: on -HVG_ENOSPC, the HVG_AL_LIST_* that was full
 * @full_entry: on -HVG_ENOSPC for an MSR list (entry load, exit load, exit
 *              store), the entry that did not fit: its MSR and the value
 *              it would have held (0 for the store list); for
 *              HVG_AL_LIST_PERF, the first perf entry past HVG_PERF_MAX,
 *              with its guest value
 * @full_action: on -HVG_ENOSPC for HVG_AL_LIST_PLAN, the first action
 *               that did not fit
 * @reserved: padding, keeps @full_entry 8-byte aligned; never read
 *
 * The actions of one call come in this order, each kind only if needed:
 *
 *  1. HVG_AL_ACT_WRMSR: the immediate write of 0 to a volatile MSR (only
 *     hvg_autoload_perf_switch(); first, so that the MSR is quiet for as
 *     long as possible before VM entry);
 *  2. HVG_AL_ACT_VMWRITE of the list addresses (only
 *     hvg_autoload_vmcs_setup()), then of the dedicated value fields, in
 *     the order of the MSRs, the guest field before the host field;
 *  3. HVG_AL_ACT_SETBITS then HVG_AL_ACT_CLEARBITS on the VM-entry
 *     controls, then the same on the VM-exit controls;
 *  4. HVG_AL_ACT_VMWRITE of the counts that changed: VM-entry MSR-load,
 *     VM-exit MSR-load, VM-exit MSR-store.
 *
 * A value field is written before its control bit is set, and a count
 * after its list is complete. No call emits more than HVG_AL_PLAN_MAX
 * actions, so a plan of that size never overflows.
 */
struct hvg_al_plan {
	struct hvg_al_action *act;
	u32 max;
	u32 nr;
	u32 full_list;
	u32 reserved;
	struct hvg_msr_entry full_entry;
	struct hvg_al_action full_action;
};

/* hvg_autoload_caps.flags */
/*
 * Do not use the dedicated IA32_PERF_GLOBAL_CTRL fields: the Nehalem and
 * Westmere errata (AAK155, AAP115, AAT100, BC86, AAY89, BD102, BA97) where
 * a VM exit may clear IA32_PERF_GLOBAL_CTRL[34:32]; KVM falls back to the
 * lists on those models, and so does this library when told.
 */
#define HVG_AL_CAP_PGC_ERRATUM	BIT(0)

/**
 * struct hvg_autoload_caps - the capability MSRs that decide the fields
 * @vmx_basic: IA32_VMX_BASIC (0x480)
 * @entry_ctls: IA32_VMX_ENTRY_CTLS (0x484)
 * @exit_ctls: IA32_VMX_EXIT_CTLS (0x483)
 * @true_entry_ctls: IA32_VMX_TRUE_ENTRY_CTLS (0x490), read only if
 *                   @vmx_basic bit 55 is set
 * @true_exit_ctls: IA32_VMX_TRUE_EXIT_CTLS (0x48f), likewise
 * @flags: HVG_AL_CAP_*
 * @reserved: zero
 */
struct hvg_autoload_caps {
	u64 vmx_basic;
	u64 entry_ctls;
	u64 exit_ctls;
	u64 true_entry_ctls;
	u64 true_exit_ctls;
	u32 flags;
	u32 reserved;
};

/* Where an MSR is switched (hvg_autoload_dedicated(), hvg_autoload_where()). */
#define HVG_AL_EFER_ENTRY_FIELD	BIT(0)	/* GUEST_IA32_EFER + entry control */
#define HVG_AL_EFER_EXIT_FIELD	BIT(1)	/* HOST_IA32_EFER + exit control */
#define HVG_AL_PGC_ENTRY_FIELD	BIT(2)	/* GUEST_IA32_PERF_GLOBAL_CTRL */
#define HVG_AL_PGC_EXIT_FIELD	BIT(3)	/* HOST_IA32_PERF_GLOBAL_CTRL */
#define HVG_AL_IN_ENTRY_FIELD	BIT(4)	/* the MSR's guest field + entry control */
#define HVG_AL_IN_EXIT_FIELD	BIT(5)	/* the MSR's host field + exit control */
#define HVG_AL_IN_ENTRY_LIST	BIT(6)	/* on the VM-entry MSR-load list */
#define HVG_AL_IN_EXIT_LIST	BIT(7)	/* on the VM-exit MSR-load list */

/* hvg_autoload_set() flags */
#define HVG_AL_ENTRY_ONLY	BIT(0)	/* load the guest value only */

/* struct hvg_perf_msr.flags */
#define HVG_PERF_VOLATILE	BIT(0)	/* host value may change in NMI context */

/* hvg_autoload_perf_switch() flags */
#define HVG_PERF_PEBS_ISOLATION	BIT(0)	/* the part has PEBS isolation */

/**
 * struct hvg_perf_msr - one entry of the perf layer's switch list
 * @msr: MSR index
 * @flags: HVG_PERF_VOLATILE or 0
 * @host: the host value (for a volatile entry: the snapshot)
 * @guest: the value the guest runs with (0 for a volatile entry)
 *
 * Linux's struct perf_guest_switch_msr plus the flags.
 */
struct hvg_perf_msr {
	u32 msr;
	u32 flags;
	u64 host;
	u64 guest;
};

/**
 * struct hvg_autoload_cpu - per-CPU state shared with the PMI handler
 * @gen: bumped by every hvg_autoload_pmi() call on this CPU
 * @open: 1 while a window with a volatile MSR is open on this CPU
 * @reserved: zero
 * @host: the host value the last hvg_autoload_pmi() call reported
 *
 * One per CPU (DEFINE_PER_CPU in Linux), zeroed by
 * hvg_autoload_cpu_init(). Only its own CPU touches it: the window runs
 * with interrupts and preemption off, and the PMI is an NMI on the same
 * CPU, which runs to completion before the interrupted code resumes. Both
 * sides access it through READ_ONCE()/WRITE_ONCE().
 */
struct hvg_autoload_cpu {
	u32 gen;
	u32 open;
	u32 reserved;
	u64 host;
};

/*
 * Phases of struct hvg_autoload: IDLE -> OPEN (enter_begin) -> ARMED
 * (perf_switch); then exit_step: ARMED -> IDLE if no volatile MSR, else
 * ARMED -> EXIT_PICK (window closed) -> [EXIT_HOST] -> EXIT_CHECK -> IDLE,
 * or back to EXIT_PICK when a PMI ran since the pick.
 */
enum hvg_al_phase {
	HVG_AL_IDLE = 0,	/* no window: list operations only */
	HVG_AL_OPEN,		/* generation sampled; perf switch next */
	HVG_AL_ARMED,		/* lists ready; VM entry and exit may run */
	HVG_AL_EXIT_PICK,	/* next: read the generation, pick the value */
	HVG_AL_EXIT_HOST,	/* next: read the value the last PMI reported */
	HVG_AL_EXIT_CHECK,	/* next: did a PMI run since the pick? */
};

/**
 * struct hvg_autoload - the MSR switch state of one vCPU
 * @entry_load: VM-entry MSR-load list (caller memory)
 * @exit_load: VM-exit MSR-load list (caller memory)
 * @exit_store: VM-exit MSR-store list (caller memory)
 * @cap: entries per list
 * @nr_entry_load: entries in @entry_load, equal to the VMCS count once
 *                 the glue has performed the plans
 * @nr_exit_load: entries in @exit_load
 * @nr_exit_store: entries in @exit_store
 * @ded_cap: HVG_AL_*_FIELD bits the capabilities allow
 * @ded_on: HVG_AL_*_FIELD bits whose control is set now
 * @ded_val: the value last written to each dedicated field: EFER guest,
 *           EFER host, PGC guest, PGC host
 * @perf: the perf switch list last accepted (also the set of MSRs the
 *        perf switch owns)
 * @perf_nr: entries in @perf
 * @perf_flags: the flags it was accepted with
 * @perf_vol: index in @perf of the entry switched as volatile, or -1
 * @phase: enum hvg_al_phase
 * @cpu: the CPU of the open window
 * @armed: the window switches a volatile MSR
 * @vol_msr: that MSR
 * @g0: generation sampled by hvg_autoload_enter_begin()
 * @g: generation read by the current pick
 * @snap: the volatile MSR's host value in the perf snapshot
 * @hw_known: what the exit steps last left in the volatile MSR (0 at the
 *            close of the window)
 * @v: the value picked for the volatile MSR
 *
 * Caller memory, initialised by hvg_autoload_init() and otherwise only
 * written by the library; the fields are public so that a debugger can
 * read them.
 */
struct hvg_autoload {
	struct hvg_msr_entry *entry_load;
	struct hvg_msr_entry *exit_load;
	struct hvg_msr_entry *exit_store;
	u32 cap;
	u32 nr_entry_load;
	u32 nr_exit_load;
	u32 nr_exit_store;
	u32 ded_cap;
	u32 ded_on;
	u64 ded_val[4];
	struct hvg_perf_msr perf[HVG_PERF_MAX];
	u32 perf_nr;
	u32 perf_flags;
	s32 perf_vol;
	u32 phase;
	struct hvg_autoload_cpu *cpu;
	bool armed;
	u32 vol_msr;
	u32 g0;
	u32 g;
	u64 snap;
	u64 hw_known;
	u64 v;
};

/**
 * hvg_autoload_recommended_max() - the architectural list size limit
 * @vmx_misc: IA32_VMX_MISC (0x485)
 *
 * SDM Vol. 3D, "Miscellaneous Data": if bits 27:25 are N, 512 * (N + 1)
 * is the recommended maximum number of MSRs in each list; more may cause
 * unpredictable behaviour. CONFIG_HVGATE_AUTOLOAD_MAX is at most 512, the
 * smallest such value, so the lists never exceed it (a build-time check).
 *
 * Return: 512 * (N + 1), from 512 to 4096.
 */
u32 hvg_autoload_recommended_max(u64 vmx_misc);

/**
 * hvg_autoload_dedicated() - which dedicated fields the capabilities allow
 * @caps: the capability MSRs
 *
 * A side of IA32_EFER or IA32_PERF_GLOBAL_CTRL uses its dedicated field
 * when the allowed-1 half (bits 63:32) of the entry or exit capability MSR
 * has the control: the TRUE_ MSR when IA32_VMX_BASIC[55] is set, the
 * other one otherwise (SDM Vol. 3D, "VM-Entry Controls" and "VM-Exit
 * Controls" in appendix A). None of the four controls is in a default1
 * class, so each can always be 0 and the allowed-0 halves do not matter.
 * HVG_AL_CAP_PGC_ERRATUM removes both IA32_PERF_GLOBAL_CTRL sides. Each
 * side is decided on its own: "load IA32_EFER" on entry and a list entry
 * on exit is a valid VMCS.
 *
 * Return: the HVG_AL_*_FIELD bits for EFER and PERF_GLOBAL_CTRL; 0 for a
 * NULL @caps.
 */
u32 hvg_autoload_dedicated(const struct hvg_autoload_caps *caps);

/**
 * hvg_autoload_init() - set up a vCPU's MSR lists
 * @al: the state to initialise
 * @caps: the capability MSRs
 * @entry_load: VM-entry MSR-load list memory, 16-byte aligned
 * @exit_load: VM-exit MSR-load list memory, 16-byte aligned
 * @exit_store: VM-exit MSR-store list memory, 16-byte aligned
 * @nr: entries available in each of the three; the capacity of each list
 *      is min(@nr, HVG_AUTOLOAD_MAX)
 *
 * The lists start empty (their memory is zeroed), no dedicated control is
 * set and no window is open. Program the VMCS with
 * hvg_autoload_vmcs_setup().
 *
 * Return: 0; -HVG_EINVAL if a pointer is NULL, a list is not 16-byte
 * aligned, two lists overlap, @nr is 0, or @caps has unknown flags or a
 * non-zero reserved field. Nothing is written on error.
 */
int hvg_autoload_init(struct hvg_autoload *al,
		      const struct hvg_autoload_caps *caps,
		      struct hvg_msr_entry *entry_load,
		      struct hvg_msr_entry *exit_load,
		      struct hvg_msr_entry *exit_store, u32 nr);

/**
 * hvg_autoload_vmcs_setup() - program a VMCS with the current state
 * @al: the state
 * @entry_load_pa: physical address of @al's VM-entry MSR-load list
 * @exit_load_pa: physical address of the VM-exit MSR-load list
 * @exit_store_pa: physical address of the VM-exit MSR-store list
 * @plan: receives the actions
 *
 * For a new VMCS, or one whose MSR state another user changed (KVM
 * rewrites the counts into vmcs01 after a nested VM exit): VMWRITEs of the
 * three addresses and of the active dedicated fields, the four controls
 * set or cleared to match, and all three counts.
 *
 * Return: 0; -HVG_EINVAL if @al or @plan is NULL or an address has bits
 * 3:0 set (SDM "Checks on VMX Controls"); -HVG_ENOSPC if @plan cannot
 * take the actions (@plan names the first that did not fit). Nothing is
 * appended on error.
 */
int hvg_autoload_vmcs_setup(const struct hvg_autoload *al, u64 entry_load_pa,
			    u64 exit_load_pa, u64 exit_store_pa,
			    struct hvg_al_plan *plan);

/**
 * hvg_autoload_set() - switch an MSR atomically at VM entry and VM exit
 * @al: the state
 * @msr: MSR index
 * @guest: the value loaded at VM entry
 * @host: the value loaded at VM exit (ignored with HVG_AL_ENTRY_ONLY)
 * @flags: HVG_AL_ENTRY_ONLY to load @guest at entry and nothing at exit
 *         (the host value is then the caller's to restore)
 * @plan: receives the actions
 *
 * Adds the MSR, or updates it in place: its dedicated field and control
 * where hvg_autoload_dedicated() allows, its list entry otherwise. An
 * entry-only MSR that was switched both ways loses its exit side, and the
 * other way round. Values that did not change cost no action.
 *
 * Return: 0; -HVG_EINVAL if @al or @plan is NULL or @flags is unknown;
 * -HVG_EPERM if @msr may not be on an MSR-load list (IA32_FS_BASE,
 * IA32_GS_BASE, x2APIC MSRs 800H-8FFH, IA32_SMM_MONITOR_CTL,
 * IA32_BIOS_UPDT_TRIG, IA32_BIOS_SIGN_ID), is IA32_PEBS_ENABLE (switched
 * by hvg_autoload_perf_switch() only) or belongs to the perf switch;
 * -HVG_ENOSPC if a list or @plan is full (@plan names the entry or action
 * that did not fit). Nothing changes on error.
 */
int hvg_autoload_set(struct hvg_autoload *al, u32 msr, u64 guest, u64 host,
		     u32 flags, struct hvg_al_plan *plan);

/**
 * hvg_autoload_clear() - stop switching an MSR
 * @al: the state
 * @msr: MSR index
 * @plan: receives the actions
 *
 * Removes the MSR from both lists, or clears its dedicated controls. The
 * other entries keep their order.
 *
 * Return: 0; -HVG_EINVAL if @al or @plan is NULL; -HVG_EPERM if the perf
 * switch owns @msr; -HVG_ENOENT if @msr is not switched; -HVG_ENOSPC if
 * @plan is full (@plan names the action). Nothing changes on error.
 */
int hvg_autoload_clear(struct hvg_autoload *al, u32 msr,
		       struct hvg_al_plan *plan);

/**
 * hvg_autoload_where() - how an MSR is switched
 * @al: the state
 * @msr: MSR index
 * @guest: if not NULL and the MSR has an entry side, its guest value
 * @host: if not NULL and the MSR has an exit side, its host value
 *
 * Return: HVG_AL_IN_* bits (0: not switched, also for a NULL @al).
 */
u32 hvg_autoload_where(const struct hvg_autoload *al, u32 msr, u64 *guest,
		       u64 *host);

/**
 * hvg_autoload_store_add() - save an MSR at every VM exit
 * @al: the state
 * @msr: MSR index
 * @plan: receives the count write
 *
 * Appends @msr to the VM-exit MSR-store list; read the saved value with
 * hvg_autoload_store_read().
 *
 * Return: 0; -HVG_EINVAL if @al or @plan is NULL; -HVG_EPERM if @msr may
 * not be stored (x2APIC MSRs 800H-8FFH, IA32_SMBASE; SDM "Saving MSRs");
 * -HVG_EEXIST if it is on the list already; -HVG_ENOSPC if the list or
 * @plan is full (@plan names the entry or action). Nothing changes on
 * error.
 */
int hvg_autoload_store_add(struct hvg_autoload *al, u32 msr,
			   struct hvg_al_plan *plan);

/**
 * hvg_autoload_store_remove() - stop saving an MSR at VM exit
 * @al: the state
 * @msr: MSR index
 * @plan: receives the count write
 *
 * Return: 0; -HVG_EINVAL if @al or @plan is NULL; -HVG_ENOENT if @msr is
 * not on the list; -HVG_ENOSPC if @plan is full. Nothing changes on error.
 */
int hvg_autoload_store_remove(struct hvg_autoload *al, u32 msr,
			      struct hvg_al_plan *plan);

/**
 * hvg_autoload_store_read() - the value saved at the last VM exit
 * @al: the state
 * @msr: MSR index
 * @value: receives the value (0 until the first VM exit after the add)
 *
 * Return: 0; -HVG_EINVAL for a NULL argument; -HVG_ENOENT if @msr is not
 * on the list (@value untouched).
 */
int hvg_autoload_store_read(const struct hvg_autoload *al, u32 msr,
			    u64 *value);

/**
 * hvg_autoload_cpu_init() - initialise a CPU's shared state
 * @cpu: the per-CPU state
 *
 * Return: 0; -HVG_EINVAL if @cpu is NULL.
 */
int hvg_autoload_cpu_init(struct hvg_autoload_cpu *cpu);

/**
 * hvg_autoload_pmi() - the PMI handler reports a new volatile host value
 * @cpu: this CPU's shared state
 * @host: the value perf now holds for the volatile MSR (after throttling
 *        cleared bits), which it is about to write to the MSR
 *
 * Called from the PMI handler (NMI context) wherever it would write the
 * volatile MSR (IA32_PEBS_ENABLE), before the write, on parts without
 * PEBS isolation. Records @host, bumps the generation and tells the
 * handler what to write: @host outside a window, 0 inside one, so the MSR
 * stays quiet until the exit steps restore the value.
 *
 * Return: the value the handler must write to the MSR; @host if @cpu is
 * NULL (the handler cannot fail).
 */
u64 hvg_autoload_pmi(struct hvg_autoload_cpu *cpu, u64 host);

/**
 * hvg_autoload_enter_begin() - open the VM entry window
 * @al: the vCPU's state
 * @cpu: the shared state of the CPU the vCPU runs on
 *
 * Call with interrupts off, before the perf layer takes the snapshot
 * handed to hvg_autoload_perf_switch(). Samples the PMI generation.
 * Every successful call must be followed by the exit steps
 * (hvg_autoload_exit_step() until it returns 0), also when the VM entry
 * fails or is abandoned.
 *
 * Return: 0; -HVG_EINVAL for a NULL argument; -HVG_ESTATE if a window is
 * open already.
 */
int hvg_autoload_enter_begin(struct hvg_autoload *al,
			     struct hvg_autoload_cpu *cpu);

/**
 * hvg_autoload_perf_switch() - apply the perf layer's switch list
 * @al: the vCPU's state, in the window opened by hvg_autoload_enter_begin()
 * @msrs: the entries (perf_guest_get_msrs()), at most HVG_PERF_MAX
 * @nr: entries at @msrs
 * @flags: HVG_PERF_PEBS_ISOLATION if the part has PEBS isolation
 * @plan: receives the actions; perform them before VM entry
 *
 * The array is the complete set for this VM entry. Per entry:
 *  - IA32_PEBS_ENABLE with HVG_PERF_PEBS_ISOLATION: never switched (no
 *    list entry, no action); the perf layer keeps the MSR programmed and
 *    the switched IA32_PERF_GLOBAL_CTRL decides which counters count;
 *  - volatile (HVG_PERF_VOLATILE, or IA32_PEBS_ENABLE without
 *    HVG_PERF_PEBS_ISOLATION): off the lists; the window is armed, and an
 *    immediate WRMSR of 0 comes first in the plan unless the snapshot is
 *    0 (then the MSR is 0 already, see the header comment);
 *  - host == guest: taken off the lists (no write: the MSR holds the host
 *    value, which is the guest value);
 *  - otherwise: added or updated, as hvg_autoload_set().
 * MSRs of the previous array that are absent now are taken off too. When
 * the array equals the previous one, nothing is written and no action is
 * returned (apart from the volatile WRMSR).
 *
 * Return: 0; -HVG_EINVAL if @al or @plan is NULL, @msrs is NULL with @nr
 * non-zero, @flags or an entry's flags are unknown, an MSR is listed
 * twice, a volatile entry has a non-zero guest value, or two entries are
 * volatile; -HVG_ESTATE if no window is open or the switch was applied in
 * this window already; -HVG_EPERM if an MSR may not be on an MSR-load
 * list (see hvg_autoload_set()); -HVG_EEXIST if hvg_autoload_set()
 * switches one of the MSRs; -HVG_ENOSPC if @nr exceeds HVG_PERF_MAX, or a
 * list or @plan is full (@plan names the entry or action that did not
 * fit). Nothing changes on error, and the window stays open.
 */
int hvg_autoload_perf_switch(struct hvg_autoload *al,
			     const struct hvg_perf_msr *msrs, u32 nr, u32 flags,
			     struct hvg_al_plan *plan);

/**
 * hvg_autoload_exit_step() - one step of the VM exit path
 * @al: the vCPU's state
 * @act: receives the action of this step: HVG_AL_ACT_NONE or a WRMSR
 *
 * Call after VM exit (or instead of a VM entry that failed or was
 * abandoned), with interrupts still off, until it returns 0:
 *
 *	while ((ret = hvg_autoload_exit_step(al, &act)) > 0)
 *		if (act.op == HVG_AL_ACT_WRMSR)
 *			wrmsrl(act.target, act.value);
 *
 * Each call does at most one access to the CPU's shared state. Without a
 * volatile MSR the first call returns 0. With one, the steps close the
 * window, pick perf's current value (the snapshot if no PMI ran since
 * hvg_autoload_enter_begin(), else the value the last PMI reported),
 * write it unless the steps wrote that value last, and pick again if a
 * PMI ran since the pick.
 *
 * Return: 1 if the caller must perform @act and call again; 0 when the
 * exit path is complete (the window is closed, @act is NONE);
 * -HVG_EINVAL for a NULL argument; -HVG_ESTATE if no window is open.
 */
int hvg_autoload_exit_step(struct hvg_autoload *al, struct hvg_al_action *act);

#endif /* HVGATE_AUTOLOAD_H */
