// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The embedded VM-entry vectors (build/vectors/vmentry_vectors.c, made by
 * tests/vec2c.c) say what the .vec files say: every one of them holds when
 * replayed by tests/vectors/vmentry_replay.c, the code the bare-metal
 * runner and KUnit use, and there are as many as the reader finds.
 */
#include <stdlib.h>

#include "hvgate_test.h"
#include "vectors.h"
#include "vectors/vmentry_vec.h"

START_TEST(embedded_vectors_hold)
{
	struct vec *v;
	const char *why;
	size_t n;
	u32 i;

	n = vec_load_all(HVG_SRCDIR "/tests/vectors", &v);
	ck_assert_uint_eq(hvg_vmentry_nr_vecs, n);
	for (i = 0; i < hvg_vmentry_nr_vecs; i++) {
		ck_assert_str_eq(hvg_vmentry_vecs[i].name, v[i].name);
		why = hvg_vec_replay(&hvg_vmentry_vecs[i]);
		ck_assert_msg(why == NULL, "%s: %s", hvg_vmentry_vecs[i].name,
			      why);
	}
	free(v);
}
END_TEST

/* The replay is not vacuous: a wrong expectation is reported. */
START_TEST(replay_detects_a_wrong_expectation)
{
	struct hvg_vmentry_vec bad = hvg_vmentry_vecs[0];

	bad.outcome ^= 1;
	ck_assert_ptr_nonnull(hvg_vec_replay(&bad));
	bad = hvg_vmentry_vecs[0];
	bad.nr_words = 0;
	ck_assert_ptr_nonnull(hvg_vec_replay(&bad));
}
END_TEST

Suite *vmentry_embedded_suite(void)
{
	Suite *s = suite_create("vmentry_embedded");
	TCase *tc = hvg_tcase("embedded");

	tcase_add_test(tc, embedded_vectors_hold);
	tcase_add_test(tc, replay_detects_a_wrong_expectation);
	suite_add_tcase(s, tc);
	return s;
}
