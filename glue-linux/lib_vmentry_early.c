// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The portable core's vmentry_early.c, compiled unchanged in the kernel build. */
#include "lib/vmentry_early.c"
