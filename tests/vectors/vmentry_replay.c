// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Replay of the embedded VM-entry vectors (vmentry_vec.h). No C library:
 * this file is compiled by the hosted, bare-metal and kernel harnesses
 * alike. Static buffers: the harnesses run one vector at a time.
 */
#include "vectors/vmentry_vec.h"

static struct hvg_vmcs12 vmcs;
static struct hvg_vmx_caps caps;
static struct hvg_vmentry_env env;
static u32 failed[HVG_DIAG_NR];

static void rebuild(const struct hvg_vmentry_vec *v)
{
	u64 *base[3] = { (u64 *)&vmcs, (u64 *)&caps, (u64 *)&env };
	u32 i;

	HVG_MEMSET(&vmcs, 0, sizeof(vmcs));
	HVG_MEMSET(&caps, 0, sizeof(caps));
	HVG_MEMSET(&env, 0, sizeof(env));
	for (i = 0; i < v->nr_words; i++)
		base[v->words[i].which][v->words[i].idx] = v->words[i].val;
}

static bool listed(const u32 *list, u32 nr, u32 diag)
{
	u32 i;

	for (i = 0; i < nr; i++)
		if (list[i] == diag)
			return true;
	return false;
}

const char *hvg_vec_replay(const struct hvg_vmentry_vec *v)
{
	struct hvg_vmentry_result r, all;
	u32 i, d;

	rebuild(v);
	if (hvg_vmentry_check(&vmcs, &caps, &env, &r))
		return "hvg_vmentry_check() failed";
	if (r.outcome != v->outcome)
		return "wrong outcome";
	if (r.error != v->error)
		return "wrong VM-instruction error";
	if (r.diag != v->first)
		return "wrong first diagnostic";
	if (hvg_vmentry_check_all(&vmcs, &caps, &env, failed,
				  ARRAY_SIZE(failed), &all))
		return "hvg_vmentry_check_all() failed";
	if (all.outcome != r.outcome || all.diag != r.diag)
		return "collect-all disagrees with the first-failure run";
	if (all.nr_failed != v->nr_fail)
		return "wrong number of failing checks";
	for (i = 0; i < all.nr_failed; i++)
		if (!listed(v->fail, v->nr_fail, failed[i]))
			return "a check fails that should not";
	for (d = HVG_DIAG_FIRST_CHECK; d < HVG_DIAG_NR; d++) {
		bool ne = hvg_vmentry_not_evaluated(&all, d);

		if (!v->any_ne && ne)
			return "a check was not evaluated";
		if (v->any_ne && ne != listed(v->ne, v->nr_ne, d))
			return "wrong set of checks not evaluated";
	}
	return NULL;
}
