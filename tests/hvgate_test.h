/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Shared helpers of the Check suites.
 */
#ifndef HVGATE_TEST_H
#define HVGATE_TEST_H

#include <check.h>
#include <stdint.h>
#include <string.h>

#include "hvgate_env.h"
#include <hvgate/hvgate.h>

/* One getter per lib/ module, listed in tests/check_main.c. */
Suite *core_suite(void);
Suite *msr_bitmap_suite(void);
Suite *lbr_suite(void);
Suite *arm64_debug_suite(void);
Suite *autoload_suite(void);
Suite *tools_suite(void);
Suite *xfd_suite(void);
Suite *vmcs_suite(void);
Suite *vmentry_suite(void);
Suite *vmentry_prop_suite(void);
Suite *vmentry_early_suite(void);
Suite *vmcheck_suite(void);
Suite *vmentry_embedded_suite(void);

/*
 * Checked fixture for every test case: the environment's warning counter
 * starts at zero and must still be zero at the end (lwIP's "nothing left
 * behind" teardown). A test that expects a warning resets the counter.
 */
void hvg_test_setup(void);
void hvg_test_teardown(void);

/* A TCase with the fixture and a generous timeout for exhaustive tests. */
TCase *hvg_tcase(const char *name);

/* Number of clear bits in @size bytes: the accesses a map passes through. */
static inline unsigned int hvg_test_clear_bits(const u8 *mem, size_t size)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < size; i++)
		n += 8 - __builtin_popcount(mem[i]);
	return n;
}

/* Deterministic PRNG (xorshift64*) for property tests. */
static inline uint64_t hvg_test_rand(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 0x2545f4914f6cdd1dULL;
}

#endif /* HVGATE_TEST_H */
