// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Names of the MSRs in include/hvgate/msr-index.h, for tools and messages.
 * Each entry is generated from the constant's name, so a name can never
 * disagree with its index. The table is sorted by index and its ranges do
 * not overlap; tests/check_msr_bitmap.c looks every constant up by its
 * index, which finds a misplaced entry.
 */
#include "hvgate_env.h"
#include "internal.h"

struct msr_name {
	u32 msr;
	u32 count;
	const char *name;
};

#define N(x)		{ HVG_MSR_##x, 1, #x }
#define STACK(x, n)	{ HVG_MSR_##x, n, #x }

static const struct msr_name msr_names[] = {
	N(IA32_P5_MC_ADDR),
	N(IA32_P5_MC_TYPE),
	N(IA32_TSC),
	N(IA32_PLATFORM_ID),
	N(IA32_APIC_BASE),
	N(IA32_FEATURE_CONTROL),
	N(IA32_TSC_ADJUST),
	STACK(LBR_CORE_FROM, 8),
	N(IA32_SPEC_CTRL),
	N(IA32_PRED_CMD),
	STACK(LBR_CORE_TO, 8),
	N(IA32_BIOS_UPDT_TRIG),
	N(IA32_BIOS_SIGN_ID),
	N(IA32_SMM_MONITOR_CTL),
	N(IA32_SMBASE),
	STACK(IA32_PMC0, 8),
	N(IA32_MPERF),
	N(IA32_APERF),
	N(IA32_MTRRCAP),
	N(IA32_ARCH_CAPABILITIES),
	N(IA32_FLUSH_CMD),
	N(IA32_SYSENTER_CS),
	N(IA32_SYSENTER_ESP),
	N(IA32_SYSENTER_EIP),
	N(IA32_MCG_CAP),
	N(IA32_MCG_STATUS),
	N(IA32_MCG_CTL),
	STACK(IA32_PERFEVTSEL0, 8),
	N(IA32_MISC_ENABLE),
	N(IA32_XFD),
	N(IA32_XFD_ERR),
	N(LBR_SELECT),
	N(LBR_TOS),
	N(IA32_DEBUGCTL),
	N(IA32_PAT),
	N(IA32_MTRR_DEF_TYPE),
	STACK(IA32_FIXED_CTR0, 4),
	N(IA32_PERF_CAPABILITIES),
	N(IA32_FIXED_CTR_CTRL),
	N(IA32_PERF_GLOBAL_STATUS),
	N(IA32_PERF_GLOBAL_CTRL),
	N(IA32_PERF_GLOBAL_OVF_CTRL),
	N(IA32_PEBS_ENABLE),
	N(PEBS_DATA_CFG),
	N(IA32_MC0_CTL),
	N(IA32_VMX_BASIC),
	N(IA32_VMX_PINBASED_CTLS),
	N(IA32_VMX_PROCBASED_CTLS),
	N(IA32_VMX_EXIT_CTLS),
	N(IA32_VMX_ENTRY_CTLS),
	N(IA32_VMX_MISC),
	N(IA32_VMX_CR0_FIXED0),
	N(IA32_VMX_CR0_FIXED1),
	N(IA32_VMX_CR4_FIXED0),
	N(IA32_VMX_CR4_FIXED1),
	N(IA32_VMX_VMCS_ENUM),
	N(IA32_VMX_PROCBASED_CTLS2),
	N(IA32_VMX_EPT_VPID_CAP),
	N(IA32_VMX_TRUE_PINBASED_CTLS),
	N(IA32_VMX_TRUE_PROCBASED_CTLS),
	N(IA32_VMX_TRUE_EXIT_CTLS),
	N(IA32_VMX_TRUE_ENTRY_CTLS),
	N(IA32_VMX_VMFUNC),
	N(IA32_VMX_PROCBASED_CTLS3),
	N(IA32_VMX_EXIT_CTLS2),
	STACK(IA32_A_PMC0, 8),
	N(IA32_RTIT_CTL),
	N(IA32_DS_AREA),
	STACK(LBR_NHM_FROM, 32),
	N(IA32_U_CET),
	N(IA32_S_CET),
	N(IA32_PL0_SSP),
	N(IA32_INTERRUPT_SSP_TABLE_ADDR),
	STACK(LBR_NHM_TO, 32),
	N(IA32_TSC_DEADLINE),
	N(IA32_PKRS),
	{ HVG_MSR_X2APIC_FIRST, 0x100, "X2APIC" },
	N(IA32_BNDCFGS),
	N(IA32_XSS),
	STACK(LBR_INFO_0, 32),
	STACK(IA32_LBR_INFO_0, 32),
	N(IA32_LBR_CTL),
	N(IA32_LBR_DEPTH),
	STACK(IA32_LBR_0_FROM_IP, 32),
	STACK(IA32_LBR_0_TO_IP, 32),
	N(IA32_EFER),
	N(IA32_STAR),
	N(IA32_LSTAR),
	N(CSTAR),
	N(IA32_FMASK),
	N(IA32_FS_BASE),
	N(IA32_GS_BASE),
	N(IA32_KERNEL_GS_BASE),
	N(IA32_TSC_AUX),
	N(TSC_RATIO),
	STACK(AMD_PERF_CTL0, 4),
	STACK(AMD_PERF_CTR0, 4),
	N(AMD_SYSCFG),
	N(AMD_HWCR),
	N(AMD_VM_CR),
	N(AMD_VM_HSAVE_PA),
	N(AMD_VIRT_SPEC_CTRL),
	N(AMD_CORE_PERF_CTL0),
};

bool hvg_msr_name(u32 msr, char *buf, size_t len)
{
	const struct msr_name *e = NULL;
	u32 lo = 0, hi = ARRAY_SIZE(msr_names), mid, idx;
	char digits[10];
	size_t n = 0, d = 0;
	const char *p;

	if (!buf || !len)
		return false;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (msr < msr_names[mid].msr) {
			hi = mid;
		} else if (msr - msr_names[mid].msr >= msr_names[mid].count) {
			lo = mid + 1;
		} else {
			e = &msr_names[mid];
			break;
		}
	}
	if (!e)
		return false;

	for (p = e->name; *p && n + 1 < len; p++)
		buf[n++] = *p;
	idx = msr - e->msr;
	if (idx) {
		do {
			digits[d++] = (char)('0' + idx % 10);
			idx /= 10;
		} while (idx);
		if (n + 1 < len)
			buf[n++] = '+';
		while (d && n + 1 < len)
			buf[n++] = digits[--d];
	}
	buf[n] = '\0';
	return true;
}
