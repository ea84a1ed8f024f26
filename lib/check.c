// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Recording of failed consistency checks (HVG_CHECK() in internal.h).
 */
#include "hvgate_env.h"
#include "internal.h"

void hvg_check_record_(struct hvg_check_log *log, u32 diag)
{
	if (!log->nr)
		log->first = diag;
	if (log->all && log->nr < log->max)
		log->all[log->nr] = diag;
	log->nr++;
	HVG_TRACE_CHECK(diag);
}
