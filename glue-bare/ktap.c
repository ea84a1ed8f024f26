// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * KTAP output for the bare-metal runner (see ktap.h).
 */
#include "ktap.h"

void ktap_puts(const char *s)
{
	while (*s)
		hvg_bare_putc(*s++);
}

static void put_digits(unsigned long v, unsigned int base)
{
	char buf[24];
	unsigned int n = 0;

	do {
		buf[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n)
		hvg_bare_putc(buf[--n]);
}

void ktap_putu(unsigned long v)
{
	put_digits(v, 10);
}

void ktap_putx(unsigned long v)
{
	ktap_puts("0x");
	put_digits(v, 16);
}

unsigned int ktap_fail(const char *file, int line, const char *what)
{
	ktap_puts("    # EXPECTATION FAILED at ");
	ktap_puts(file);
	ktap_puts(":");
	ktap_putu((unsigned long)line);
	ktap_puts(": ");
	ktap_puts(what);
	ktap_puts("\n");
	return 1;
}

static unsigned int run_suite(const struct ktap_suite *s, unsigned int num)
{
	unsigned int i, failed = 0;

	ktap_puts("    KTAP version 1\n    # Subtest: ");
	ktap_puts(s->name);
	ktap_puts("\n    1..");
	ktap_putu(s->nr);
	ktap_puts("\n");
	for (i = 0; i < s->nr; i++) {
		bool ok = s->cases[i].run() == 0;

		failed += !ok;
		ktap_puts(ok ? "    ok " : "    not ok ");
		ktap_putu(i + 1);
		ktap_puts(" ");
		ktap_puts(s->cases[i].name);
		ktap_puts("\n");
	}
	ktap_puts(failed ? "not ok " : "ok ");
	ktap_putu(num);
	ktap_puts(" ");
	ktap_puts(s->name);
	ktap_puts("\n");
	return failed;
}

unsigned int ktap_run(const struct ktap_suite *const *suites, unsigned int nr)
{
	unsigned int i, failed = 0;

	ktap_puts("KTAP version 1\n1..");
	ktap_putu(nr);
	ktap_puts("\n");
	for (i = 0; i < nr; i++)
		failed += run_suite(suites[i], i + 1);
	return failed;
}
