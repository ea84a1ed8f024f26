/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * hvgate_env.h - Linux kernel environment.
 *
 * Need: the list in tests/env/hvgate_env.h, identical for every backend:
 *   types, bits, compiler and build macros in kernel spelling, HVG_MEMSET,
 *   HVG_MEMCPY, HVG_TRACE_CHECK(diag), HVG_WARN_ONCE(cond).
 *
 * In the kernel the names lib/ uses are the kernel's own; this header only
 * includes them and maps the four hvgate hooks. IS_ENABLED() comes from
 * <linux/kconfig.h>, which the kernel build includes in every file.
 */
#ifndef HVGATE_ENV_H
#define HVGATE_ENV_H

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/types.h>

#define HVG_MEMSET(dst, c, n)	memset((dst), (c), (n))
#define HVG_MEMCPY(dst, src, n)	memcpy((dst), (src), (n))

#define HVG_TRACE_CHECK(diag)	pr_debug("hvgate: check %u failed\n", \
					 (unsigned int)(diag))
#define HVG_WARN_ONCE(cond)	WARN_ON_ONCE(cond)

#endif /* HVGATE_ENV_H */
