/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * A KTAP printer for the bare-metal runner: the same output format as
 * KUnit, printed over the serial port by the architecture's putc, so
 * `kunit.py parse` or scripts/bare-run can read it.
 */
#ifndef HVGATE_BARE_KTAP_H
#define HVGATE_BARE_KTAP_H

#include "hvgate_env.h"

/* Provided by the architecture stub (x86_64/serial.c, arm64/serial.c). */
void hvg_bare_putc(char c);

struct ktap_case {
	const char *name;
	/* Returns the number of failed expectations. */
	unsigned int (*run)(void);
};

void ktap_puts(const char *s);
void ktap_putu(unsigned long v);
void ktap_putx(unsigned long v);

/* Report a failed expectation at file:line; counts it. */
unsigned int ktap_fail(const char *file, int line, const char *what);

#define KTAP_EXPECT(cond)						\
	((cond) ? 0U : ktap_fail(__FILE__, __LINE__, #cond))

struct ktap_suite {
	const char *name;
	const struct ktap_case *cases;
	unsigned int nr;
};

/* One suite per lib/ module, listed in glue-bare/bare_main.c. */
extern const struct ktap_suite bare_msr_bitmap_suite;
extern const struct ktap_suite bare_vmentry_suite;
extern const struct ktap_suite bare_arm64_debug_suite;	/* aarch64 only */

/* Runs every suite, prints KTAP; returns the number of failed cases. */
unsigned int ktap_run(const struct ktap_suite *const *suites, unsigned int nr);

#endif /* HVGATE_BARE_KTAP_H */
