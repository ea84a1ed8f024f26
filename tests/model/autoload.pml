/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The volatile protocol of lib/autoload.c for IA32_PEBS_ENABLE, with two
 * enable bits, over ROUNDS VM round trips and up to MAXPMI PMIs that may
 * land between any two statements of the vcpu process; between windows
 * perf may also reprogram its value in normal context.
 *
 * Granularity. Every statement of vcpu that touches state shared with the
 * PMI handler (struct hvg_autoload_cpu: cpu_gen, cpu_open, cpu_host; the
 * MSR hw; perf's sw) is its own statement, as in the C, where each step function
 * does at most one READ_ONCE()/WRITE_ONCE() of that state and the glue
 * performs each action separately. Statements on locals only (the
 * per-vCPU struct hvg_autoload) are grouped with them, which hides no
 * interleaving. The pmi process is one atomic step: an NMI runs to
 * completion before the interrupted code resumes, and NMIs do not nest.
 *
 * Verified (make model: "errors: 0"):
 *  (1) without PEBS isolation, PEBS_ENABLE is 0 while the guest runs;
 *  (2) when the exit steps finish, PEBS_ENABLE equals perf's value, and
 *      outside a window every PMI leaves it so;
 *  (3) with PEBS isolation, nothing but the PMI handler writes it.
 */
#define ROUNDS	3
#define MAXPMI	3

/* perf and the hardware */
byte sw;		/* perf's cpuc->pebs_enabled */
byte hw;		/* the IA32_PEBS_ENABLE MSR */
bool iso;		/* the part has PEBS isolation */

/* struct hvg_autoload_cpu: shared with the PMI handler */
byte cpu_gen;		/* cpu->gen */
bool cpu_open;		/* cpu->open */
byte cpu_host;		/* cpu->host */

/* the VMCS lists, for PEBS_ENABLE (the C never puts it there) */
bool entry_has;
byte entry_val;
bool exit_has;
byte exit_val;

/* monitors */
byte npmi;
bool outside = true;	/* phase HVG_AL_IDLE: no window open */
byte tw;		/* PEBS_ENABLE writes on transitions */

proctype pmi()
{
	byte b, ret;

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
			/* hvg_autoload_pmi(cpu, sw) */
			cpu_host = sw;
			cpu_gen++;
			if
			:: cpu_open -> ret = 0
			:: else -> ret = sw
			fi;
			/* perf writes what the hook returned */
			hw = ret;
			npmi++;
			/* (2) outside a window the MSR follows perf */
			assert(!outside || hw == sw);
			/* (3) the hook never stands in the way with isolation */
			assert(!iso || ret == sw)
		}
	:: else -> break
	od
}

proctype vcpu()
{
	/* the per-vCPU struct hvg_autoload */
	byte r, g0, g, snap, hw_known, v;
	bool armed, wr;

	do
	:: r < ROUNDS ->
		/*
		 * Outside a window perf may reprogram its events in normal
		 * context: it sets its value and writes the MSR itself,
		 * without the PMI hook, so cpu_host goes stale.
		 */
		atomic {
			if
			:: skip
			:: sw = 0; hw = sw
			:: sw = 1; hw = sw
			:: sw = 2; hw = sw
			:: sw = 3; hw = sw
			fi
		}
		/* hvg_autoload_enter_begin(): READ_ONCE(cpu->gen) */
		atomic { outside = false; g0 = cpu_gen }

		/* perf_guest_get_msrs(): the snapshot of perf's value */
		snap = sw;

		/*
		 * hvg_autoload_perf_switch(): perf_kind() makes PEBS_ENABLE
		 * PERF_IGNORED with isolation, else PERF_VOLATILE; either
		 * way perf_wants() keeps it off both lists. perf_arm() ends
		 * with WRITE_ONCE(cpu->open, 1); the quiesce WRMSR is the
		 * plan's first action if the snapshot is not 0.
		 */
		atomic {
			entry_has = false;
			exit_has = false;
			armed = !iso;
			if
			:: armed -> cpu_open = true
			:: else
			fi
		}

		/* the glue performs the plan: WRMSR(PEBS_ENABLE, 0) */
		if
		:: armed && snap != 0 -> hw = 0; tw++
		:: else
		fi;

		atomic {
			/* VM entry: the VM-entry MSR-load list */
			if
			:: entry_has -> hw = entry_val; tw++
			:: else
			fi;
			/* (1) the guest runs: no host PEBS bit without isolation */
			assert(iso || hw == 0);
			/* VM exit: the VM-exit MSR-load list */
			if
			:: exit_has -> hw = exit_val; tw++
			:: else
			fi
		}

		/* hvg_autoload_exit_step(), HVG_AL_ARMED: not armed -> done */
		if
		:: !armed -> goto done
		:: else
		fi;
		/* HVG_AL_ARMED -> EXIT_PICK: WRITE_ONCE(cpu->open, 0) */
		atomic { hw_known = 0; cpu_open = false }
pick:
		/* EXIT_PICK: READ_ONCE(cpu->gen); no PMI since begin -> snapshot */
		atomic {
			g = cpu_gen;
			if
			:: g == g0 -> v = snap
			:: else
			fi
		}
		/* EXIT_HOST: READ_ONCE(cpu->host), the last PMI's report */
		if
		:: g != g0 -> v = cpu_host
		:: else
		fi;
		/* exit_write(): write unless the exit steps wrote it last */
		if
		:: v == hw_known -> wr = false
		:: else -> wr = true; hw_known = v
		fi;
		/* the glue performs the step's action: WRMSR(PEBS_ENABLE, v) */
		if
		:: wr -> hw = v; tw++
		:: else
		fi;
		/* EXIT_CHECK: READ_ONCE(cpu->gen) moved -> pick again */
		if
		:: cpu_gen != g -> goto pick
		:: else
		fi;
done:
		/* (2) the exit steps are complete: phase HVG_AL_IDLE */
		atomic {
			assert(hw == sw);
			outside = true
		}
		r++
	:: else -> break
	od;
	/* (3) with isolation not one write on a transition */
	assert(!iso || tw == 0)
}

init
{
	if
	:: sw = 0
	:: sw = 1
	:: sw = 2
	:: sw = 3
	fi;
	hw = sw;
	if
	:: iso = false
	:: iso = true
	fi;
	atomic {
		run vcpu();
		run pmi()
	}
}
