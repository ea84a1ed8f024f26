// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Hook state of the hosted environment. lib/ has no globals of its own;
 * these counters belong to the test harness, which resets and reads them.
 */
#include "hvgate_env.h"

unsigned long hvg_env_trace_count;
unsigned int hvg_env_trace_last;
unsigned long hvg_env_warn_count;
