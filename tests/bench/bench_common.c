// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Fixtures shared by several benchmarks.
 */
#include "bench.h"

/*
 * The MSRs a KVM-like hypervisor passes through besides LBR
 * (reference/upstream-kvm.md 0.1), so that policies in the benchmarks
 * are as large as a real one.
 */
const struct hvg_msr_allow hvg_bench_base_set[HVG_BENCH_BASE_SET_NR] = {
	{ HVG_MSR_IA32_TSC, HVG_MSR_READ },
	{ HVG_MSR_IA32_SPEC_CTRL, HVG_MSR_RW },
	{ HVG_MSR_IA32_PRED_CMD, HVG_MSR_WRITE },
	{ HVG_MSR_IA32_FLUSH_CMD, HVG_MSR_WRITE },
	{ HVG_MSR_IA32_SYSENTER_CS, HVG_MSR_RW },
	{ HVG_MSR_IA32_SYSENTER_ESP, HVG_MSR_RW },
	{ HVG_MSR_IA32_SYSENTER_EIP, HVG_MSR_RW },
	{ HVG_MSR_IA32_XFD, HVG_MSR_RW },
	{ HVG_MSR_IA32_XFD_ERR, HVG_MSR_READ },
	{ HVG_MSR_IA32_MPERF, HVG_MSR_READ },
	{ HVG_MSR_IA32_APERF, HVG_MSR_READ },
	{ HVG_MSR_IA32_U_CET, HVG_MSR_RW },
	{ HVG_MSR_IA32_S_CET, HVG_MSR_RW },
	{ HVG_MSR_IA32_FS_BASE, HVG_MSR_RW },
	{ HVG_MSR_IA32_GS_BASE, HVG_MSR_RW },
	{ HVG_MSR_IA32_KERNEL_GS_BASE, HVG_MSR_RW },
};
