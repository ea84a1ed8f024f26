/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * hvgate configuration: the one place where CONFIG_* symbols are read.
 *
 * In a kernel tree that sources lib/Kconfig (glue-linux/Kconfig defines the
 * CONFIG_HVGATE tristate) the kernel's autoconf provides the symbols. Every
 * other build (hosted, freestanding, the out-of-tree module) reads the
 * <hvgate/autoconf.h> that `make` generates from .config. lib/ tests the
 * HVG_CFG_* names below with constant if()s, never with #ifdef in bodies.
 */
#ifndef HVGATE_CONFIG_H
#define HVGATE_CONFIG_H

#if !defined(CONFIG_HVGATE) && !defined(CONFIG_HVGATE_MODULE)
#include <hvgate/autoconf.h>
#endif

#define HVG_CFG_LBR		IS_ENABLED(CONFIG_HVGATE_LBR)
#define HVG_CFG_XFD		IS_ENABLED(CONFIG_HVGATE_XFD)
#define HVG_CFG_AUTOLOAD	IS_ENABLED(CONFIG_HVGATE_AUTOLOAD)
#define HVG_CFG_VMX_NESTED	IS_ENABLED(CONFIG_HVGATE_VMX_NESTED)
#define HVG_CFG_ARM64_DEBUG	IS_ENABLED(CONFIG_HVGATE_ARM64_DEBUG)

/* The Kconfig choice of default XFD policy, as HVG_XFD_POLICY_* (xfd.h). */
#define HVG_CFG_XFD_POLICY						\
	(IS_ENABLED(CONFIG_HVGATE_XFD_POLICY_FIRST_WRITE) ? 1 :		\
	 IS_ENABLED(CONFIG_HVGATE_XFD_POLICY_ON_COMPLETION) ? 2 :	\
	 IS_ENABLED(CONFIG_HVGATE_XFD_POLICY_SECOND_ENABLE) ? 3 : 4)

#ifdef CONFIG_HVGATE_AUTOLOAD_MAX
#define HVG_CFG_AUTOLOAD_MAX	CONFIG_HVGATE_AUTOLOAD_MAX
#else
#define HVG_CFG_AUTOLOAD_MAX	8
#endif

#ifdef CONFIG_HVGATE_NESTED_EARLY_CHECK
#define HVG_CFG_NESTED_EARLY_CHECK CONFIG_HVGATE_NESTED_EARLY_CHECK
#else
#define HVG_CFG_NESTED_EARLY_CHECK (-1)
#endif

#endif /* HVGATE_CONFIG_H */
