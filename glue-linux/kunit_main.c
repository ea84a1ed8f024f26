// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * hvgate KUnit tests: module information. Each lib/ module's suite lives in
 * its own kunit_<module>.c and registers itself with kunit_test_suites().
 */
#include <linux/module.h>

MODULE_DESCRIPTION("KUnit tests for hvgate");
MODULE_LICENSE("Dual BSD/GPL");
