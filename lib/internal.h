/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Internal helpers shared by lib/ files. Never installed. Names shared
 * between files end in an underscore (libfdt's convention); nothing starts
 * with one.
 */
#ifndef HVGATE_INTERNAL_H
#define HVGATE_INTERNAL_H

#include "hvgate_env.h"
#include <hvgate/hvgate.h>

/**
 * struct hvg_check_log - where consistency checks record failures
 * @first: diagnostic of the first failure, 0 if none yet
 * @nr: failures recorded so far
 * @all: optional array that receives every failing diagnostic, or NULL
 * @max: entries available at @all
 * @collect: keep evaluating after a failure (collect-all mode)
 */
struct hvg_check_log {
	u32 first;
	u32 nr;
	u32 *all;
	u32 max;
	bool collect;
};

void hvg_check_record_(struct hvg_check_log *log, u32 diag);

/*
 * HVG_CHECK() - evaluate one consistency rule.
 * @log: struct hvg_check_log * that records failures
 * @diag: the rule's diagnostic number (never 0)
 * @fail: the condition under which the rule is violated
 *
 * When @fail is true, records @diag in @log and calls the environment's
 * trace hook. Evaluates to true when the caller must stop: @fail is true
 * and @log is not collecting. It never returns or jumps by itself; the
 * caller writes the return, so every exit stays visible:
 *
 *	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_15, !nmi_exiting && vnmi))
 *		return HVG_VMFAIL_VALID;
 */
#define HVG_CHECK(log, diag, fail)					\
	({								\
		bool __hvg_fail = !!(fail);				\
		if (unlikely(__hvg_fail))				\
			hvg_check_record_((log), (diag));		\
		__hvg_fail && !(log)->collect;				\
	})

#endif /* HVGATE_INTERNAL_H */
