/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The benchmark harness (tests/bench/bench_main.c).
 *
 * A benchmark is one operation run in a loop. The harness measures it twice:
 * under callgrind, collecting only inside the loop, for a deterministic
 * instruction count, and natively for a median time. A loop that calls an
 * empty operation is measured the same way and subtracted, so a figure is
 * the cost of the operation's own body (the library call and the few
 * instructions the op needs to vary its input), not of the loop.
 */
#ifndef HVGATE_BENCH_H
#define HVGATE_BENCH_H

#include <stddef.h>

#include "hvgate_env.h"
#include <hvgate/hvgate.h>

/**
 * struct hvg_bench - one benchmark
 * @name: "module/what", unique
 * @baseline: name of the benchmark this one is compared with, or NULL
 * @setup: builds the context once, before measuring; returns it
 * @op: one operation on the context
 * @iters: operations per measurement
 * @note: what one operation is, for the table
 */
struct hvg_bench {
	const char *name;
	const char *baseline;
	void *(*setup)(void);
	void (*op)(void *ctx);
	unsigned int iters;
	const char *note;
};

/**
 * struct hvg_bench_report - optional lines printed under the table
 * @name: what the lines show
 * @print: computes them (not timed) and writes them to stdout
 *
 * For figures that are not a cost per operation, e.g. VM exits saved by a
 * policy on a simulated guest workload (hvgate-bench --report).
 */
struct hvg_bench_report {
	const char *name;
	void (*print)(void);
};

/* KVM's base pass-through set (tests/bench/bench_common.c). */
#define HVG_BENCH_BASE_SET_NR	16
extern const struct hvg_msr_allow hvg_bench_base_set[HVG_BENCH_BASE_SET_NR];

/* One getter per lib/ module, listed in tests/bench/bench_main.c. */
const struct hvg_bench *msr_bitmap_benches(size_t *nr);
const struct hvg_bench *lbr_benches(size_t *nr);
const struct hvg_bench *xfd_benches(size_t *nr);

/* Report getters, listed in tests/bench/bench_main.c (optional). */
const struct hvg_bench_report *xfd_bench_reports(size_t *nr);
const struct hvg_bench *arm64_debug_benches(size_t *nr);
const struct hvg_bench *autoload_benches(size_t *nr);
const struct hvg_bench *vmentry_benches(size_t *nr);

#endif /* HVGATE_BENCH_H */
