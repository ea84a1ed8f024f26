/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * hvgate_kdialect.h - the kernel names lib/ uses, mapped onto a C compiler's
 * freestanding headers (<stdint.h>, <stddef.h>, <stdbool.h> and nothing
 * else). Shared by the freestanding environment (glue-bare/) and the hosted
 * one (tests/env/); the kernel environment takes the same names from the
 * kernel's own headers instead.
 */
#ifndef HVGATE_KDIALECT_H
#define HVGATE_KDIALECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

#define BIT(nr)			(1UL << (nr))
#define BIT_ULL(nr)		(1ULL << (nr))
#define GENMASK(h, l)		(((~0UL) >> (63 - (h))) & ((~0UL) << (l)))
#define GENMASK_ULL(h, l)	(((~0ULL) >> (63 - (h))) & ((~0ULL) << (l)))
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define lower_32_bits(n)	((u32)((n) & 0xffffffffULL))
#define upper_32_bits(n)	((u32)((u64)(n) >> 32))

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#define fallthrough		__attribute__((__fallthrough__))
#define barrier()		__asm__ __volatile__("" : : : "memory")
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)	(*(volatile __typeof__(x) *)&(x) = (val))
#ifndef __always_inline
#define __always_inline		inline __attribute__((__always_inline__))
#endif
#define noinline		__attribute__((__noinline__))

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON: " #cond)
#ifndef static_assert
#define static_assert(expr, ...) _Static_assert(expr, "" __VA_ARGS__)
#endif

/* The kernel's IS_ENABLED(): 1 if CONFIG_x is defined to 1, else 0. */
#define __HVG_ARG_PLACEHOLDER_1	0,
#define __hvg_take_second_arg(ignored, val, ...) val
#define __hvg_is_defined(x)	___hvg_is_defined(x)
#define ___hvg_is_defined(val)	____hvg_is_defined(__HVG_ARG_PLACEHOLDER_##val)
#define ____hvg_is_defined(arg1_or_junk) \
	__hvg_take_second_arg(arg1_or_junk 1, 0)
#define IS_ENABLED(option)	__hvg_is_defined(option)

#endif /* HVGATE_KDIALECT_H */
