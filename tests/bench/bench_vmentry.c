// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * vmentry benchmarks: the full part-1 check (every VMfail check of
 * lib/vmentry.c) of a valid nested VM entry, the case every nested
 * VMLAUNCH/VMRESUME of a well-behaved L1 takes. Issue 7's target: at most
 * 800 instructions.
 *
 * The VMCS is the 64-bit baseline of tests/vectors/01-baselines.vec
 * (KVM-like controls: MSR bitmaps, EPT with A/D, VPID, unrestricted
 * guest) and the capabilities the Skylake i7-6700K profile of
 * tools/vmcheck_profiles.c; the rows are a PAE guest, the collect-all
 * mode the tool uses, and an early failure for scale.
 */
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "vmentry_baseline.h"

struct ctx {
	struct hvg_vmcs12 vmcs;
	struct hvg_vmx_caps caps;
	struct hvg_vmentry_env env;
	struct hvg_vmentry_result res;
	u32 failed[HVG_DIAG_NR];
};

static struct ctx *ctx_new(bool pae)
{
	struct ctx *c = calloc(1, sizeof(*c));
	size_t i;

	if (!c)
		abort();
	hvg_vmx_caps_init(&c->caps);
	for (i = 0; i < ARRAY_SIZE(hvg_skylake_vmx_msrs); i++)
		hvg_vmx_caps_set_msr(&c->caps, (u32)hvg_skylake_vmx_msrs[i][0],
				     hvg_skylake_vmx_msrs[i][1]);
	hvg_vmx_caps_set_maxphyaddr(&c->caps, HVG_SKYLAKE_MAXPHYADDR);
	hvg_vmx_caps_set_cpu(&c->caps, HVG_CPU_ALL, HVG_SKYLAKE_CPU);
	c->caps.perf_global_ctrl_valid = HVG_SKYLAKE_PERF_GLOBAL_CTRL;
	c->caps.known |= HVG_CAPS_PERF_GLOBAL_CTRL;
	hvg_baseline_vmcs(&c->vmcs, pae);
	hvg_baseline_env(&c->env);
	return c;
}

static void *setup_64(void)
{
	return ctx_new(false);
}

static void *setup_pae(void)
{
	return ctx_new(true);
}

static void *setup_fail(void)
{
	struct ctx *c = ctx_new(false);

	c->vmcs.cr3_target_count = 5;	/* CTL-EXEC-08: the 8th check */
	return c;
}

static void op_check(void *p)
{
	struct ctx *c = p;

	hvg_vmentry_check(&c->vmcs, &c->caps, &c->env, &c->res);
	barrier();
}

static void op_check_all(void *p)
{
	struct ctx *c = p;

	hvg_vmentry_check_all(&c->vmcs, &c->caps, &c->env, c->failed,
			      ARRAY_SIZE(c->failed), &c->res);
	barrier();
}

static const struct hvg_bench benches[] = {
	{ "vmentry/check_valid_64bit_guest", NULL, setup_64, op_check, 20000,
	  "hvg_vmentry_check(): all 126 part-1 checks pass (target <= 800 instr)" },
	{ "vmentry/check_valid_pae_guest", NULL, setup_pae, op_check, 20000,
	  "the same for a 32-bit PAE guest" },
	{ "vmentry/check_all_valid_64bit", "vmentry/check_valid_64bit_guest",
	  setup_64, op_check_all, 20000,
	  "hvg_vmentry_check_all() (collect mode, the tool's) on the same VMCS" },
	{ "vmentry/check_fails_at_ctl_exec_08", NULL, setup_fail, op_check,
	  20000, "stops at the 8th check (CR3-target count)" },
};

const struct hvg_bench *vmentry_benches(size_t *nr)
{
	*nr = ARRAY_SIZE(benches);
	return benches;
}
