// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * KUnit: every VM-entry vector of tests/vectors/ replayed inside the
 * kernel, with the expectations of the Check suite (outcome, error, first
 * diagnostic, the failing set, the not-evaluated set).
 */
#include <kunit/test.h>

#include "hvgate.h"
#include "vectors/vmentry_vec.h"

static void every_vector_holds(struct kunit *test)
{
	const char *why;
	u32 i;

	KUNIT_EXPECT_GT(test, hvg_vmentry_nr_vecs, 300U);
	for (i = 0; i < hvg_vmentry_nr_vecs; i++) {
		why = hvg_vec_replay(&hvg_vmentry_vecs[i]);
		KUNIT_EXPECT_TRUE_MSG(test, !why, "%s: %s",
				      hvg_vmentry_vecs[i].name, why);
	}
}

static struct kunit_case hvgate_vmentry_vector_cases[] = {
	KUNIT_CASE(every_vector_holds),
	{}
};

static struct kunit_suite hvgate_vmentry_vector_suite = {
	.name = "hvgate_vmentry_vectors",
	.test_cases = hvgate_vmentry_vector_cases,
};

kunit_test_suites(&hvgate_vmentry_vector_suite);
