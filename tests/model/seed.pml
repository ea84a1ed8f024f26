/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The seed's algorithm: KVM's atomic_switch_perf_msrs() with perf's
 * intel_guest_get_msrs() on a part without PEBS isolation
 * (seeds/pebs-no-isolation-stale-host-value.txt; reference/upstream-kvm.md
 * 0.2 and (e)), reduced to IA32_PEBS_ENABLE with two enable bits.
 *
 * Each statement of the vcpu process is a point where a PMI (an NMI) can
 * land; the pmi process is perf's PMI handler, one atomic step, as an NMI
 * runs to completion before the interrupted code resumes. Throttling
 * clears any subset of perf's bits and the handler writes perf's value to
 * the MSR (handle_pmi_common(): "update the MSR if pebs_enabled is
 * changed"; intel_pmu_enable_all() on the way out).
 *
 * Expected: a counterexample to invariant (2). The snapshot puts the host
 * value on the VM-exit MSR-load list, a PMI clears a bit after the
 * snapshot, and the VM exit loads the stale bit back.
 *
 * With -DPERSIST (invariant (2) not asserted), the seed's second failure:
 * the next snapshot is 0, host == guest drops the entry, nothing clears
 * the stale bit, and the guest runs with a host PEBS enable bit set, a
 * counterexample to invariant (1).
 *
 * spin-variants: PERSIST
 */
#define ROUNDS	2
#define MAXPMI	2

byte sw;		/* perf's cpuc->pebs_enabled */
byte hw;		/* the IA32_PEBS_ENABLE MSR */
bool entry_has;		/* PEBS_ENABLE on the VM-entry MSR-load list */
byte entry_val;
bool exit_has;		/* PEBS_ENABLE on the VM-exit MSR-load list */
byte exit_val;
byte npmi;

proctype pmi()
{
	byte b;

	do
	:: npmi < MAXPMI ->
		atomic {
			/* perf's throttling stops any subset of its events */
			if
			:: b = 0
			:: b = 1
			:: b = 2
			:: b = 3
			fi;
			sw = sw & (3 - b);
			/* handle_pmi_common(): wrmsrl(PEBS_ENABLE, pebs_enabled) */
			hw = sw;
			npmi++;
			printf("PMI: perf clears %d: sw=%d hw=%d\n", b, sw, hw)
		}
	:: else -> break
	od
}

proctype vcpu()
{
	byte r = 0, host, guest;

	do
	:: r < ROUNDS ->
		/* atomic_switch_perf_msrs() -> perf_guest_get_msrs() */
		host = sw;
		guest = 0;
		printf("round %d: snapshot host=%d guest=%d\n", r, host, guest);
		if
		:: host == guest ->
			/* clear_atomic_switch_msr(): off both lists */
			entry_has = false;
			exit_has = false
		:: else ->
			/* add_atomic_switch_msr(): immediate wrmsrl(0) first */
			hw = 0;
			entry_has = true;
			entry_val = guest;
			exit_has = true;
			exit_val = host
		fi;
		atomic {
			/* VM entry: the VM-entry MSR-load list */
			if
			:: entry_has -> hw = entry_val
			:: else
			fi;
			/* (1) the guest runs with no host PEBS enable bit */
			printf("guest runs: hw=%d\n", hw);
			assert(hw == 0);
			/* VM exit: the VM-exit MSR-load list */
			if
			:: exit_has -> hw = exit_val
			:: else
			fi;
			printf("VM exit: hw=%d\n", hw)
		}
		/* (2) VM-exit handling is done: the MSR is perf's value */
		printf("exit handling done: hw=%d sw=%d\n", hw, sw);
#ifndef PERSIST
		assert(hw == sw);
#endif
		r++
	:: else -> break
	od
}

init
{
	/* Any starting value; outside a window the MSR equals perf's. */
	if
	:: sw = 0
	:: sw = 1
	:: sw = 2
	:: sw = 3
	fi;
	hw = sw;
	atomic {
		run vcpu();
		run pmi()
	}
}
