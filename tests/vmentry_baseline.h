/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The 64-bit baseline of tests/vectors/01-baselines.vec and the Skylake
 * i7-6700K capabilities of tools/vmcheck_profiles.c, in C, for the places
 * that cannot read the vector files: the benchmark and the KUnit suite.
 * Kernel dialect and no library call, so glue-linux/ can include it too
 * (the KUnit suite builds the capability set through the hvgate_*
 * exports, the benchmark through hvg_*).
 */
#ifndef HVGATE_TESTS_VMENTRY_BASELINE_H
#define HVGATE_TESTS_VMENTRY_BASELINE_H

#include "hvgate_env.h"
#include <hvgate/hvgate.h>

/* IA32_VMX_BASIC .. IA32_VMX_VMFUNC of the i7-6700K (VBoxCpuReport). */
static const u64 hvg_skylake_vmx_msrs[][2] = {
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

/* The rest of the profile: CPUID.80000008H and CPUID.0AH. */
#define HVG_SKYLAKE_MAXPHYADDR		39
#define HVG_SKYLAKE_CPU			(HVG_CPU_NX | HVG_CPU_SGX | HVG_CPU_RTM)
#define HVG_SKYLAKE_PERF_GLOBAL_CTRL	0x70000000fULL

/* The fields the part-1 checks read; @pae: a 32-bit PAE guest. */
static inline void hvg_baseline_vmcs(struct hvg_vmcs12 *v, bool pae)
{
	HVG_MEMSET(v, 0, sizeof(*v));
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
}

/* VMLAUNCH of a clear, current VMCS from a 64-bit L1. */
static inline void hvg_baseline_env(struct hvg_vmentry_env *e)
{
	HVG_MEMSET(e, 0, sizeof(*e));
	e->known = HVG_ENV_ALL;
	e->vmcs_ptr = 0x10000;
	e->lma = true;
}

#endif /* HVGATE_TESTS_VMENTRY_BASELINE_H */
