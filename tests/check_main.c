// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The Check runner: one suite per lib/ module behind one array of suite
 * getters (lwIP's layout). Prints Check's summary line ("100%: Checks: N, Failures: 0,
 * Errors: 0") and exits non-zero on any failure.
 */
#include <stdio.h>
#include <stdlib.h>

#include "hvgate_test.h"

/* Modules configured out (Kconfig) are neither built nor listed. */
static Suite *(*const suites[])(void) = {
	core_suite,
	msr_bitmap_suite,
	tools_suite,
#if IS_ENABLED(CONFIG_HVGATE_LBR)
	lbr_suite,
#endif
#if IS_ENABLED(CONFIG_HVGATE_XFD)
	xfd_suite,
#endif
#if IS_ENABLED(CONFIG_HVGATE_AUTOLOAD)
	autoload_suite,
#endif
#if IS_ENABLED(CONFIG_HVGATE_VMX_NESTED)
	vmcs_suite,
	vmentry_suite,
	vmentry_prop_suite,
	vmentry_early_suite,
	vmcheck_suite,
	vmentry_embedded_suite,
#endif
#if IS_ENABLED(CONFIG_HVGATE_ARM64_DEBUG)
	arm64_debug_suite,
#endif
};

void hvg_test_setup(void)
{
	hvg_env_warn_count = 0;
	hvg_env_trace_count = 0;
}

void hvg_test_teardown(void)
{
	ck_assert_uint_eq(hvg_env_warn_count, 0);
}

TCase *hvg_tcase(const char *name)
{
	TCase *tc = tcase_create(name);

	tcase_add_checked_fixture(tc, hvg_test_setup, hvg_test_teardown);
	tcase_set_timeout(tc, 120);
	return tc;
}

int main(void)
{
	SRunner *sr = srunner_create(NULL);
	size_t i;
	int failed;

	for (i = 0; i < ARRAY_SIZE(suites); i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
