// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * What the freestanding environment provides to lib/: memset(), memcpy()
 * and the two hooks. Byte loops on purpose: no SIMD, no libc, and the
 * compiler must not turn them back into calls to themselves (the Makefile
 * builds this file with -fno-tree-loop-distribute-patterns).
 */
#include "hvgate_env.h"

unsigned long hvg_bare_trace_count;
unsigned int hvg_bare_trace_last;
unsigned long hvg_bare_warn_count;

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

void hvg_bare_trace_check(unsigned int diag)
{
	hvg_bare_trace_count++;
	hvg_bare_trace_last = diag;
}

void hvg_bare_warn(const char *file, int line)
{
	(void)file;
	(void)line;
	hvg_bare_warn_count++;
}
