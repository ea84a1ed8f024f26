// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Core helpers: error names (include/hvgate/error.h) and the failure log
 * behind HVG_CHECK() (lib/internal.h).
 */
#include "hvgate_test.h"
#include "../lib/internal.h"

START_TEST(strerror_names_every_code)
{
	/* Every code has its own name, negated or not. */
	static const int codes[] = { HVG_EINVAL, HVG_ERANGE, HVG_ENOSPC,
				     HVG_ENOENT, HVG_EEXIST, HVG_EPERM,
				     HVG_ESTATE, HVG_ENOTSUP };
	size_t i, j;

	ck_assert_str_eq(hvg_strerror(0), "success");
	ck_assert_str_eq(hvg_strerror(-HVG_ENOSPC), "list full");
	for (i = 0; i < ARRAY_SIZE(codes); i++) {
		ck_assert_str_eq(hvg_strerror(codes[i]),
				 hvg_strerror(-codes[i]));
		ck_assert_str_ne(hvg_strerror(-codes[i]), "unknown error");
		for (j = 0; j < i; j++)
			ck_assert_str_ne(hvg_strerror(-codes[i]),
					 hvg_strerror(-codes[j]));
	}
	ck_assert_str_eq(hvg_strerror(-(HVG_EMAX + 1)), "unknown error");
	ck_assert_str_eq(hvg_strerror(HVG_EMAX + 1), "unknown error");
	ck_assert_str_eq(hvg_strerror(INT32_MIN), "unknown error");
}
END_TEST

static int checked_rule(struct hvg_check_log *log, int a, int b)
{
	if (HVG_CHECK(log, 11, a > 0))
		return 1;
	if (HVG_CHECK(log, 12, b > 0))
		return 2;
	return 0;
}

START_TEST(check_stops_at_first_failure)
{
	struct hvg_check_log log = { 0 };

	ck_assert_int_eq(checked_rule(&log, 0, 0), 0);
	ck_assert_uint_eq(log.nr, 0);
	ck_assert_uint_eq(hvg_env_trace_count, 0);

	ck_assert_int_eq(checked_rule(&log, 1, 1), 1);
	ck_assert_uint_eq(log.first, 11);
	ck_assert_uint_eq(log.nr, 1);
	ck_assert_uint_eq(hvg_env_trace_count, 1);
	ck_assert_uint_eq(hvg_env_trace_last, 11);
}
END_TEST

START_TEST(check_collects_every_failure)
{
	u32 all[1];
	struct hvg_check_log log = { .all = all, .max = 1, .collect = true };

	/* Collect mode keeps going, records the first and counts all. */
	ck_assert_int_eq(checked_rule(&log, 1, 1), 0);
	ck_assert_uint_eq(log.first, 11);
	ck_assert_uint_eq(log.nr, 2);
	ck_assert_uint_eq(all[0], 11);	/* capacity 1: the second is counted only */
	ck_assert_uint_eq(hvg_env_trace_last, 12);
}
END_TEST

Suite *core_suite(void)
{
	Suite *s = suite_create("core");
	TCase *tc = hvg_tcase("core");

	tcase_add_test(tc, strerror_names_every_code);
	tcase_add_test(tc, check_stops_at_first_failure);
	tcase_add_test(tc, check_collects_every_failure);
	suite_add_tcase(s, tc);
	return s;
}
