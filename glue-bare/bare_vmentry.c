// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Bare-metal suite of the VM-entry checks: every vector of tests/vectors/
 * (embedded by tests/vec2c.c) replayed on the freestanding build, with
 * the same expectations as the Check suite: outcome, VM-instruction
 * error, first diagnostic, the full failing set and the not-evaluated
 * set.
 */
#include "hvgate_env.h"
#include <hvgate/hvgate.h>

#include "ktap.h"
#include "vectors/vmentry_vec.h"

static unsigned int every_vector_holds(void)
{
	unsigned int f = 0;
	const char *why;
	u32 i;

	for (i = 0; i < hvg_vmentry_nr_vecs; i++) {
		why = hvg_vec_replay(&hvg_vmentry_vecs[i]);
		if (why) {
			ktap_puts("    # ");
			ktap_puts(hvg_vmentry_vecs[i].name);
			ktap_puts(": ");
			ktap_puts(why);
			ktap_puts("\n");
			f++;
		}
	}
	ktap_puts("    # ");
	ktap_putu(hvg_vmentry_nr_vecs);
	ktap_puts(" vectors replayed\n");
	f += KTAP_EXPECT(hvg_vmentry_nr_vecs > 300);
	return f;
}

static const struct ktap_case cases[] = {
	{ "every_vector_holds", every_vector_holds },
};

const struct ktap_suite bare_vmentry_suite = {
	"hvgate_vmentry_vectors", cases, ARRAY_SIZE(cases),
};
