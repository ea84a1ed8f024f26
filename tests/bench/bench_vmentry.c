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

struct ctx {
	struct hvg_vmcs12 vmcs;
	struct hvg_vmx_caps caps;
	struct hvg_vmentry_env env;
	struct hvg_vmentry_result res;
	u32 failed[HVG_DIAG_NR];
};

static const struct {
	u32 msr;
	u64 value;
} skylake[] = {
	{ 0x480, 0xda040000000004ULL }, { 0x481, 0x7f00000016ULL },
	{ 0x482, 0xfff9fffe0401e172ULL }, { 0x483, 0x1ffffff00036dffULL },
	{ 0x484, 0x3ffff000011ffULL }, { 0x485, 0x7004c1e7ULL },
	{ 0x486, 0x80000021ULL }, { 0x487, 0xffffffffULL },
	{ 0x488, 0x2000ULL }, { 0x489, 0x3727ffULL }, { 0x48a, 0x2eULL },
	{ 0x48b, 0x1ffcff00000000ULL }, { 0x48c, 0xf0106334141ULL },
	{ 0x48d, 0x7f00000016ULL }, { 0x48e, 0xfff9fffe04006172ULL },
	{ 0x48f, 0x1ffffff00036dfbULL }, { 0x490, 0x3ffff000011fbULL },
	{ 0x491, 0x1ULL },
};

static struct ctx *ctx_new(bool pae)
{
	struct ctx *c = calloc(1, sizeof(*c));
	struct hvg_vmcs12 *v;
	size_t i;

	if (!c)
		abort();
	v = &c->vmcs;
	hvg_vmx_caps_init(&c->caps);
	for (i = 0; i < ARRAY_SIZE(skylake); i++)
		hvg_vmx_caps_set_msr(&c->caps, skylake[i].msr, skylake[i].value);
	hvg_vmx_caps_set_maxphyaddr(&c->caps, 39);
	hvg_vmx_caps_set_cpu(&c->caps, HVG_CPU_ALL,
			     HVG_CPU_NX | HVG_CPU_SGX | HVG_CPU_RTM);
	c->caps.perf_global_ctrl_valid = 0x70000000fULL;
	c->caps.known |= HVG_CAPS_PERF_GLOBAL_CTRL;
	c->env = (struct hvg_vmentry_env) {
		.known = HVG_ENV_ALL, .vmcs_ptr = 0x10000, .lma = true,
	};

	v->revision_id = 4;
	v->vpid = 1;
	v->pin_based_vm_exec_control = 0x3f;
	v->primary_vm_exec_control = 0x950061f2;
	v->secondary_vm_exec_control = 0x10aa;
	v->eptp = 0x100005e;
	v->msr_bitmap = 0x2000000;
	v->exception_bitmap = 0x60042;
	v->vm_exit_controls = 0x3feffb;
	v->vm_entry_controls = pae ? 0xd1fb : 0xd3fb;
	v->host_cr0 = 0x80050033;
	v->host_cr3 = 0x1234000;
	v->host_cr4 = 0x3726e0;
	v->host_cs_selector = 0x10;
	v->host_ss_selector = 0x18;
	v->host_tr_selector = 0x40;
	v->host_gs_base = 0xffff888000000000ULL;
	v->host_tr_base = 0xfffffe0000003000ULL;
	v->host_gdtr_base = 0xfffffe0000001000ULL;
	v->host_idtr_base = 0xfffffe0000000000ULL;
	v->host_ia32_sysenter_cs = 0x10;
	v->host_ia32_sysenter_esp = 0xfffffe0000003000ULL;
	v->host_ia32_sysenter_eip = 0xffffffff81a00000ULL;
	v->host_rsp = 0xffffc90000000000ULL;
	v->host_rip = 0xffffffff81000000ULL;
	v->host_ia32_pat = 0x0007040600070406ULL;
	v->host_ia32_efer = 0xd01;
	v->guest_cr0 = pae ? 0x80000033 : 0x80050033;
	v->guest_cr4 = pae ? 0x2020 : 0x20a0;
	v->guest_rflags = 0x202;
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
