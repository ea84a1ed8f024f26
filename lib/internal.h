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

/*
 * vmx_caps_ctls_() - hvg_vmx_caps_ctls() without the argument checks, for
 * lib/vmentry.c's hot path (inlined with @which constant). SDM A.2: with
 * IA32_VMX_BASIC[55] = 1 the TRUE_ MSRs (48DH-490H) give the allowed
 * settings of the first four words, else the plain MSRs (481H-484H).
 * Returns false when a needed MSR is absent.
 */
static __always_inline bool vmx_caps_ctls_(const struct hvg_vmx_caps *caps, u32 which,
				  u64 *allowed0, u64 *allowed1)
{
	static const u8 plain[HVG_VMX_CTLS_NR] = {
		[HVG_VMX_CTLS_PIN] = 0x01, [HVG_VMX_CTLS_PROC] = 0x02,
		[HVG_VMX_CTLS_EXIT] = 0x03, [HVG_VMX_CTLS_ENTRY] = 0x04,
		[HVG_VMX_CTLS_PROC2] = 0x0b, [HVG_VMX_CTLS_PROC3] = 0x12,
		[HVG_VMX_CTLS_EXIT2] = 0x13, [HVG_VMX_CTLS_VMFUNC] = 0x11,
	};
	u32 idx = plain[which];
	u64 v;

	if (which <= HVG_VMX_CTLS_ENTRY) {
		if (!(caps->present & HVG_VMX_CAP_BIT(HVG_MSR_IA32_VMX_BASIC)))
			return false;
		if (caps->msr[0] & HVG_VMX_BASIC_TRUE_CTLS)
			idx += 0x0c;	/* 481H-484H -> 48DH-490H */
	}
	if (!(caps->present & BIT(idx)))
		return false;
	v = caps->msr[idx];
	if (which >= HVG_VMX_CTLS_PROC3) {
		*allowed0 = 0;
		*allowed1 = v;
	} else {
		*allowed0 = lower_32_bits(v);
		*allowed1 = upper_32_bits(v);
	}
	return true;
}

#endif /* HVGATE_INTERNAL_H */
