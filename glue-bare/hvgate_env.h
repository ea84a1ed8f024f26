/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * hvgate_env.h - freestanding environment (bare metal, firmware, other
 * hypervisors without a C library).
 *
 * Need: the list in tests/env/hvgate_env.h, identical for every backend:
 *   types, bits, compiler and build macros in kernel spelling (from
 *   hvgate_kdialect.h), HVG_MEMSET, HVG_MEMCPY, HVG_TRACE_CHECK(diag),
 *   HVG_WARN_ONCE(cond).
 *
 * The compiler may emit calls to memset() and memcpy() for structure
 * copies even with -fno-builtin, so this environment defines both
 * (glue-bare/env.c); they are the only symbols lib/ may need from outside.
 * The two hooks call functions the bare-metal harness provides.
 */
#ifndef HVGATE_ENV_H
#define HVGATE_ENV_H

#include "hvgate_kdialect.h"

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void hvg_bare_trace_check(unsigned int diag);
void hvg_bare_warn(const char *file, int line);

#define HVG_MEMSET(dst, c, n)	memset((dst), (c), (n))
#define HVG_MEMCPY(dst, src, n)	memcpy((dst), (src), (n))

#define HVG_TRACE_CHECK(diag)	hvg_bare_trace_check((unsigned int)(diag))

#define HVG_WARN_ONCE(cond)						\
	({								\
		static bool __hvg_warned;				\
		bool __hvg_c = !!(cond);				\
		if (unlikely(__hvg_c) && !__hvg_warned) {		\
			__hvg_warned = true;				\
			hvg_bare_warn(__FILE__, __LINE__);		\
		}							\
		__hvg_c;						\
	})

#endif /* HVGATE_ENV_H */
