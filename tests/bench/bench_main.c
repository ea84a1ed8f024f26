// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Benchmark runner. scripts/bench-run runs it twice and prints the table:
 *
 *   hvgate-bench --native      median ns per operation, one line per bench
 *   hvgate-bench --callgrind   under valgrind --tool=callgrind
 *                              --collect-atstart=no: collects each loop and
 *                              dumps its counts under the bench's name
 *   hvgate-bench --list        name, baseline, iterations, note
 *   hvgate-bench --report      the modules' extra lines (struct
 *                              hvg_bench_report), printed under the table
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <valgrind/callgrind.h>

#include "bench.h"

#define SAMPLES 31

static const struct hvg_bench *(*const getters[])(size_t *nr) = {
	msr_bitmap_benches,
#if IS_ENABLED(CONFIG_HVGATE_LBR)
	lbr_benches,
#endif
#if IS_ENABLED(CONFIG_HVGATE_XFD)
	xfd_benches,
#endif
#if IS_ENABLED(CONFIG_HVGATE_AUTOLOAD)
	autoload_benches,
#endif
#if IS_ENABLED(CONFIG_HVGATE_VMX_NESTED)
	vmentry_benches,
#endif
#if IS_ENABLED(CONFIG_HVGATE_ARM64_DEBUG)
	arm64_debug_benches,
#endif
};

/* NULL-terminated: the list may be empty in a configuration. */
static const struct hvg_bench_report *(*const reporters[])(size_t *nr) = {
#if IS_ENABLED(CONFIG_HVGATE_XFD)
	xfd_bench_reports,
#endif
	NULL,
};

static noinline void null_op(void *ctx)
{
	barrier();
	(void)ctx;
}

static void *null_setup(void)
{
	return NULL;
}

static const struct hvg_bench null_bench = {
	"harness/null", NULL, null_setup, null_op, 100000, "empty op (subtracted)",
};

static noinline void run_loop(const struct hvg_bench *b, void *ctx,
			      unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		b->op(ctx);
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void measure(const struct hvg_bench *b, int mode)
{
	void *ctx = b->setup();
	double s[SAMPLES], t0;
	int i;

	run_loop(b, ctx, b->iters);		/* warm-up, not measured */
	if (mode == 'c') {
		CALLGRIND_TOGGLE_COLLECT;
		run_loop(b, ctx, b->iters);
		CALLGRIND_TOGGLE_COLLECT;
		CALLGRIND_DUMP_STATS_AT(b->name);
		return;
	}
	for (i = 0; i < SAMPLES; i++) {
		t0 = now_ns();
		run_loop(b, ctx, b->iters);
		s[i] = (now_ns() - t0) / b->iters;
	}
	qsort(s, SAMPLES, sizeof(s[0]), cmp_double);
	printf("%s\t%.3f\n", b->name, s[SAMPLES / 2]);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "--native";
	const struct hvg_bench *b;
	size_t g, i, nr;

	if (!strcmp(mode, "--list")) {
		printf("%s\t-\t%u\t%s\n", null_bench.name, null_bench.iters,
		       null_bench.note);
		for (g = 0; g < ARRAY_SIZE(getters); g++) {
			b = getters[g](&nr);
			for (i = 0; i < nr; i++)
				printf("%s\t%s\t%u\t%s\n", b[i].name,
				       b[i].baseline ? b[i].baseline : "-",
				       b[i].iters, b[i].note);
		}
		return 0;
	}
	if (!strcmp(mode, "--report")) {
		const struct hvg_bench_report *r;

		for (g = 0; reporters[g]; g++) {
			r = reporters[g](&nr);
			for (i = 0; i < nr; i++) {
				printf("%s\n", r[i].name);
				r[i].print();
			}
		}
		return 0;
	}
	if (strcmp(mode, "--native") && strcmp(mode, "--callgrind")) {
		fprintf(stderr, "usage: hvgate-bench [--native | --callgrind | --list | --report]\n");
		return 1;
	}
	measure(&null_bench, mode[2]);
	for (g = 0; g < ARRAY_SIZE(getters); g++) {
		b = getters[g](&nr);
		for (i = 0; i < nr; i++)
			measure(&b[i], mode[2]);
	}
	return 0;
}
