/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * hvgate_env.h - hosted environment (Check suites, tools, benchmarks).
 *
 * Need: every backend's hvgate_env.h provides exactly this list, under the
 * include guard HVGATE_ENV_H, and nothing else is visible to lib/:
 *
 *   types       u8 u16 u32 u64 s8 s16 s32 s64, bool true false, size_t,
 *               uintptr_t, NULL, offsetof()
 *   bits        BIT() BIT_ULL() GENMASK() GENMASK_ULL() ARRAY_SIZE()
 *               lower_32_bits() upper_32_bits()
 *   compiler    likely() unlikely() fallthrough READ_ONCE() WRITE_ONCE()
 *               barrier() __always_inline noinline
 *   build       BUILD_BUG_ON() static_assert() IS_ENABLED()
 *   memory      HVG_MEMSET(dst, c, n) HVG_MEMCPY(dst, src, n)
 *   hooks       HVG_TRACE_CHECK(diag): a consistency check failed (diag is
 *               the check's unsigned diagnostic number);
 *               HVG_WARN_ONCE(cond): evaluates to !!cond and reports the
 *               first time it is true at a call site (an internal
 *               invariant broke; never used for bad caller input).
 *
 * The names are the kernel's, so lib/ reads as kernel code and a copy into
 * a kernel tree is a plain copy. This hosted flavour maps them onto the C
 * library headers that a freestanding compiler also provides; it pulls in
 * no libc function. The hooks record into counters that the tests read.
 */
#ifndef HVGATE_ENV_H
#define HVGATE_ENV_H

#include "../../glue-bare/hvgate_kdialect.h"

#define HVG_MEMSET(dst, c, n)	__builtin_memset((dst), (c), (n))
#define HVG_MEMCPY(dst, src, n)	__builtin_memcpy((dst), (src), (n))

/* Counters the tests read; defined in tests/env/env.c. */
extern unsigned long hvg_env_trace_count;
extern unsigned int hvg_env_trace_last;
extern unsigned long hvg_env_warn_count;

#define HVG_TRACE_CHECK(diag)					\
	do {							\
		hvg_env_trace_count++;				\
		hvg_env_trace_last = (unsigned int)(diag);	\
	} while (0)

#define HVG_WARN_ONCE(cond)					\
	({							\
		bool __hvg_c = !!(cond);			\
		if (unlikely(__hvg_c))				\
			hvg_env_warn_count++;			\
		__hvg_c;					\
	})

#endif /* HVGATE_ENV_H */
