// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * vmentry early checks: the tri-state, the coverage that decides "auto",
 * the dry-run plan and its interpretation, for every combination of their
 * inputs. Expected values are the seed's algorithm
 * (seeds/nvmx-early-consistency-checks.txt, upstream-kvm.md (c).3) and
 * the rules of include/hvgate/vmentry.h, written out here.
 */
#include <limits.h>

#include "hvgate_test.h"
#include "vectors.h"

#define VEC_DIR HVG_SRCDIR "/tests/vectors"

static struct hvg_vmx_caps profile(const char *name)
{
	struct vmcheck_input in;

	vec_build_set(VEC_DIR, name, &in);
	return in.caps;
}

START_TEST(default_is_the_kconfig_value)
{
	int d = hvg_vmentry_early_check_default();

	ck_assert(d >= -1 && d <= 1);
#ifdef CONFIG_HVGATE_NESTED_EARLY_CHECK
	ck_assert_int_eq(d, CONFIG_HVGATE_NESTED_EARLY_CHECK);
#endif
}
END_TEST

static void set(struct hvg_vmx_caps *c, u32 msr, u64 v)
{
	ck_assert_int_eq(hvg_vmx_caps_set_msr(c, msr, v), 0);
}

START_TEST(coverage_reasons)
{
	struct hvg_vmx_caps sky = profile("skylake-i7-6700k"), c;

	/* Both real CPUs: every VMfail check covered by software. */
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&sky), 0);
	c = profile("broadwell-i7-5600u");
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), 0);
	/* The synthetic set allows unknown and unverified controls. */
	c = profile("synthetic-full");
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c),
			  HVG_COVER_UNKNOWN | HVG_COVER_UNVERIFIED);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(NULL), HVG_COVER_INPUTS);

	/* Missing inputs. */
	c = sky;
	c.present &= ~HVG_VMX_CAP_BIT(HVG_MSR_IA32_VMX_MISC);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_INPUTS);
	c = sky;
	c.present &= ~HVG_VMX_CAP_BIT(HVG_MSR_IA32_VMX_TRUE_ENTRY_CTLS);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_INPUTS);
	c = sky;
	c.present &= ~HVG_VMX_CAP_BIT(HVG_MSR_IA32_VMX_CR4_FIXED1);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_INPUTS);
	c = sky;
	c.known &= ~HVG_CAPS_MAXPHYADDR;
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_INPUTS);
	c = sky;
	c.cpu_known &= ~HVG_CPU_LA57;
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_INPUTS);
	c = sky;	/* SGX and RTM are not read by part 1 */
	c.cpu_known &= ~(HVG_CPU_SGX | HVG_CPU_RTM);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), 0);
	c = sky;
	c.present &= ~HVG_VMX_CAP_BIT(HVG_MSR_IA32_VMX_PROCBASED_CTLS2);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_INPUTS);
	c = sky;
	c.present &= ~HVG_VMX_CAP_BIT(HVG_MSR_IA32_VMX_EPT_VPID_CAP);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_INPUTS);
	c = sky;
	c.present &= ~HVG_VMX_CAP_BIT(HVG_MSR_IA32_VMX_VMFUNC);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_INPUTS);
	c = sky;	/* load IA32_PERF_GLOBAL_CTRL is allowed on Skylake */
	c.known &= ~HVG_CAPS_PERF_GLOBAL_CTRL;
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_INPUTS);
	c = sky;	/* tertiary controls allowed, PROCBASED_CTLS3 absent */
	set(&c, HVG_MSR_IA32_VMX_TRUE_PROCBASED_CTLS, 0xfffbfffe04006172ULL);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_INPUTS);
	set(&c, HVG_MSR_IA32_VMX_PROCBASED_CTLS3, 0x1);	/* LOADIWKEY only */
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), 0);
	set(&c, HVG_MSR_IA32_VMX_PROCBASED_CTLS3, 0x10);	/* IPI virt. */
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_UNVERIFIED);
	set(&c, HVG_MSR_IA32_VMX_PROCBASED_CTLS3, 0x101);	/* bit 8 */
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_UNKNOWN);
	c = sky;	/* secondary exit controls allowed: unverified, and absent */
	set(&c, HVG_MSR_IA32_VMX_TRUE_EXIT_CTLS, 0x81ffffff00036dfbULL);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c),
			  HVG_COVER_INPUTS | HVG_COVER_UNVERIFIED);
	set(&c, HVG_MSR_IA32_VMX_EXIT_CTLS2, 0x4);	/* load SPEC_CTRL */
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c),
			  HVG_COVER_INPUTS | HVG_COVER_UNVERIFIED);
	c.known |= HVG_CAPS_SPEC_CTRL;
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_UNVERIFIED);
	set(&c, HVG_MSR_IA32_VMX_EXIT_CTLS2, 0x10);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c),
			  HVG_COVER_UNKNOWN | HVG_COVER_UNVERIFIED);

	/* Controls without known rules. */
	c = sky;
	set(&c, HVG_MSR_IA32_VMX_TRUE_PINBASED_CTLS, 0x17f00000016ULL);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_UNKNOWN);
	c = sky;
	set(&c, HVG_MSR_IA32_VMX_TRUE_PROCBASED_CTLS, 0xfffdfffe04006172ULL);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_UNKNOWN);
	c = sky;
	set(&c, HVG_MSR_IA32_VMX_PROCBASED_CTLS2, 0x3ffcff00000000ULL);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_UNKNOWN);
	c = sky;
	set(&c, HVG_MSR_IA32_VMX_TRUE_ENTRY_CTLS, 0x203ffff000011fbULL);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_UNKNOWN);
	c = sky;
	set(&c, HVG_MSR_IA32_VMX_VMFUNC, 0x3);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_UNKNOWN);

	/* Unverified features. */
	c = sky;
	set(&c, HVG_MSR_IA32_VMX_PROCBASED_CTLS2, 0x21ffcff00000000ULL);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_UNVERIFIED);
	c = sky;
	set(&c, HVG_MSR_IA32_VMX_PROCBASED_CTLS2, 0x11ffcff00000000ULL);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_UNVERIFIED);
	c = sky;
	set(&c, HVG_MSR_IA32_VMX_CR4_FIXED1, 0x1003727ffULL);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_UNVERIFIED);
	c = sky;
	set(&c, HVG_MSR_IA32_VMX_BASIC, 0x04da040000000004ULL);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_UNVERIFIED);
	c = sky;
	hvg_vmx_caps_set_cpu(&c, HVG_CPU_CET_SS, HVG_CPU_CET_SS);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_UNVERIFIED);
	c = sky;
	set(&c, HVG_MSR_IA32_VMX_TRUE_EXIT_CTLS, 0x11ffffff00036dfbULL);
	ck_assert_uint_eq(hvg_vmentry_sw_coverage(&c), HVG_COVER_UNVERIFIED);
}
END_TEST

/* Every combination: mode x under a hypervisor x covered. */
START_TEST(tri_state_resolution)
{
	static const int modes[] = { HVG_EARLY_CHECK_AUTO, HVG_EARLY_CHECK_NEVER,
				     HVG_EARLY_CHECK_ALWAYS };
	static const int bad[] = { -2, 2, INT_MIN, INT_MAX };
	struct hvg_vmx_caps caps[2] = { profile("skylake-i7-6700k"),
					profile("synthetic-full") };
	u32 ecx[2] = { 0x7ffafbbf, 0xfffafbbf };	/* bit 31 clear / set */
	size_t m, h, c;
	bool run, want;

	for (m = 0; m < ARRAY_SIZE(modes); m++)
		for (h = 0; h < 2; h++)
			for (c = 0; c < 2; c++) {
				/* never: no; always: yes; auto: bare metal
				 * and not covered. */
				if (modes[m] == HVG_EARLY_CHECK_NEVER)
					want = false;
				else if (modes[m] == HVG_EARLY_CHECK_ALWAYS)
					want = true;
				else
					want = !h && c == 1;
				run = !want;
				ck_assert_int_eq(hvg_vmentry_early_check(modes[m],
						 ecx[h], &caps[c], &run), 0);
				ck_assert_msg(run == want, "mode %d hv %zu "
					      "covered %d", modes[m], h, c == 0);
			}
	for (m = 0; m < ARRAY_SIZE(bad); m++) {
		run = true;
		ck_assert_int_eq(hvg_vmentry_early_check(bad[m], 0, &caps[0],
							 &run), -HVG_EINVAL);
		ck_assert(run);
	}
	ck_assert_int_eq(hvg_vmentry_early_check(0, 0, NULL, &run),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmentry_early_check(0, 0, &caps[0], NULL),
			 -HVG_EINVAL);
}
END_TEST

START_TEST(dryrun_plan_steps)
{
	/* The seed, step by step: GUEST_RFLAGS is encoding 6820H, the
	 * VM-exit and VM-entry MSR-load counts 4010H and 4014H. */
	static const struct {
		u32 exit, entry;
		bool launched;
		u32 nr;
		struct hvg_dryrun_step s[HVG_DRYRUN_MAX_STEPS];
	} cases[] = {
		{ 0, 0, false, 4, {
			{ HVG_DRYRUN_VMWRITE, 0x6820, 0 },
			{ HVG_DRYRUN_REFRESH_HOST_CR3, 0, 0 },
			{ HVG_DRYRUN_REFRESH_HOST_CR4, 0, 0 },
			{ HVG_DRYRUN_VMLAUNCH, 0, 0 } } },
		{ 0, 0, true, 4, {
			{ HVG_DRYRUN_VMWRITE, 0x6820, 0 },
			{ HVG_DRYRUN_REFRESH_HOST_CR3, 0, 0 },
			{ HVG_DRYRUN_REFRESH_HOST_CR4, 0, 0 },
			{ HVG_DRYRUN_VMRESUME, 0, 0 } } },
		{ 5, 0, true, 6, {
			{ HVG_DRYRUN_VMWRITE, 0x4010, 0 },
			{ HVG_DRYRUN_VMWRITE, 0x6820, 0 },
			{ HVG_DRYRUN_REFRESH_HOST_CR3, 0, 0 },
			{ HVG_DRYRUN_REFRESH_HOST_CR4, 0, 0 },
			{ HVG_DRYRUN_VMRESUME, 0, 0 },
			{ HVG_DRYRUN_VMWRITE, 0x4010, 5 } } },
		{ 0, 3, false, 6, {
			{ HVG_DRYRUN_VMWRITE, 0x4014, 0 },
			{ HVG_DRYRUN_VMWRITE, 0x6820, 0 },
			{ HVG_DRYRUN_REFRESH_HOST_CR3, 0, 0 },
			{ HVG_DRYRUN_REFRESH_HOST_CR4, 0, 0 },
			{ HVG_DRYRUN_VMLAUNCH, 0, 0 },
			{ HVG_DRYRUN_VMWRITE, 0x4014, 3 } } },
		{ 8, 2, false, 8, {
			{ HVG_DRYRUN_VMWRITE, 0x4010, 0 },
			{ HVG_DRYRUN_VMWRITE, 0x4014, 0 },
			{ HVG_DRYRUN_VMWRITE, 0x6820, 0 },
			{ HVG_DRYRUN_REFRESH_HOST_CR3, 0, 0 },
			{ HVG_DRYRUN_REFRESH_HOST_CR4, 0, 0 },
			{ HVG_DRYRUN_VMLAUNCH, 0, 0 },
			{ HVG_DRYRUN_VMWRITE, 0x4010, 8 },
			{ HVG_DRYRUN_VMWRITE, 0x4014, 2 } } },
	};
	struct hvg_dryrun_step steps[HVG_DRYRUN_MAX_STEPS], snap[HVG_DRYRUN_MAX_STEPS];
	struct hvg_dryrun_vmcs02 v;
	size_t i, k;
	u32 nr;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		v = (struct hvg_dryrun_vmcs02) { cases[i].exit, cases[i].entry,
						 cases[i].launched };
		memset(steps, 0xa5, sizeof(steps));
		ck_assert_int_eq(hvg_vmentry_dryrun_plan(&v, steps,
							 ARRAY_SIZE(steps), &nr),
				 0);
		ck_assert_uint_eq(nr, cases[i].nr);
		for (k = 0; k < nr; k++) {
			ck_assert_uint_eq(steps[k].op, cases[i].s[k].op);
			ck_assert_uint_eq(steps[k].field, cases[i].s[k].field);
			ck_assert_uint_eq(steps[k].value, cases[i].s[k].value);
		}
		/* One step short: nothing written. */
		memcpy(snap, steps, sizeof(steps));
		nr = 99;
		ck_assert_int_eq(hvg_vmentry_dryrun_plan(&v, steps,
							 cases[i].nr - 1, &nr),
				 -HVG_ENOSPC);
		ck_assert_uint_eq(nr, 99);
		ck_assert_mem_eq(steps, snap, sizeof(steps));
	}
	ck_assert_int_eq(hvg_vmentry_dryrun_plan(NULL, steps, 8, &nr),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmentry_dryrun_plan(&v, NULL, 8, &nr),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmentry_dryrun_plan(&v, steps, 8, NULL),
			 -HVG_EINVAL);
}
END_TEST

/* The seed's rules, written out for one combination. */
static struct hvg_dryrun_verdict expected(u32 sw, const struct hvg_dryrun_hw *hw)
{
	struct hvg_dryrun_verdict v = { HVG_DRYRUN_PROCEED, HVG_DIAG_NONE, 0,
					false };

	if (hw->kind == HVG_DRYRUN_HW_VMFAIL_VALID && hw->error == 7)
		v = (struct hvg_dryrun_verdict) { HVG_DRYRUN_FAIL,
			HVG_DIAG_HW_MISSED, 7, sw == HVG_VMENTRY_PROCEED };
	else if (hw->kind == HVG_DRYRUN_HW_VMFAIL_VALID)
		v = (struct hvg_dryrun_verdict) { HVG_DRYRUN_FAIL,
			HVG_DIAG_HW_ERROR, hw->error, true };
	else if (hw->kind == HVG_DRYRUN_HW_VMFAIL_INVALID)
		v = (struct hvg_dryrun_verdict) { HVG_DRYRUN_FAIL,
			HVG_DIAG_HW_INVALID, 0, true };
	else if (!(hw->exit_reason & 0x80000000))
		v = (struct hvg_dryrun_verdict) { HVG_DRYRUN_CRITICAL,
			HVG_DIAG_HW_ENTERED, 0, true };
	else if ((hw->exit_reason & 0xffff) != 33)
		v = (struct hvg_dryrun_verdict) { HVG_DRYRUN_PROCEED,
			HVG_DIAG_HW_EXIT, 0, true };
	return v;
}

START_TEST(dryrun_interpretation)
{
	static const u32 sw_ok[] = { HVG_VMENTRY_PROCEED, HVG_VMENTRY_INCOMPLETE };
	static const u32 sw_bad[] = { HVG_VMENTRY_VMFAIL_INVALID,
				      HVG_VMENTRY_VMFAIL_VALID,
				      HVG_VMENTRY_FAIL_EXIT };
	static const struct hvg_dryrun_hw hws[] = {
		{ HVG_DRYRUN_HW_VMFAIL_VALID, 7, 0 },
		{ HVG_DRYRUN_HW_VMFAIL_VALID, 8, 0 },	/* L0's host state */
		{ HVG_DRYRUN_HW_VMFAIL_VALID, 26, 0 },
		{ HVG_DRYRUN_HW_VMFAIL_VALID, 0, 0 },
		{ HVG_DRYRUN_HW_VMFAIL_INVALID, 0, 0 },
		{ HVG_DRYRUN_HW_VMEXIT, 0, 0x80000021 },	/* expected */
		{ HVG_DRYRUN_HW_VMEXIT, 0, 0x80000022 },	/* MSR loading */
		{ HVG_DRYRUN_HW_VMEXIT, 0, 0x80000029 },	/* machine check */
		{ HVG_DRYRUN_HW_VMEXIT, 0, 0x00000021 },
		{ HVG_DRYRUN_HW_VMEXIT, 0, 0x0000000c },	/* entered: HLT */
	};
	struct hvg_vmentry_result sw;
	struct hvg_dryrun_verdict v, want, snap;
	struct hvg_dryrun_hw hw;
	size_t s, h;

	memset(&sw, 0, sizeof(sw));
	for (s = 0; s < ARRAY_SIZE(sw_ok); s++)
		for (h = 0; h < ARRAY_SIZE(hws); h++) {
			sw.outcome = sw_ok[s];
			memset(&v, 0x5a, sizeof(v));
			ck_assert_int_eq(hvg_vmentry_dryrun_interpret(&sw,
					 &hws[h], &v), 0);
			want = expected(sw_ok[s], &hws[h]);
			ck_assert_msg(v.action == want.action &&
				      v.diag == want.diag &&
				      v.hw_error == want.hw_error &&
				      v.warn == want.warn,
				      "sw %u hw %zu: %u %u %u %d", sw_ok[s], h,
				      v.action, v.diag, v.hw_error, v.warn);
		}
	/* The dry run never follows a software failure. */
	for (s = 0; s < ARRAY_SIZE(sw_bad); s++)
		for (h = 0; h < ARRAY_SIZE(hws); h++) {
			sw.outcome = sw_bad[s];
			memset(&v, 0x5a, sizeof(v));
			snap = v;
			ck_assert_int_eq(hvg_vmentry_dryrun_interpret(&sw,
					 &hws[h], &v), -HVG_ESTATE);
			ck_assert_mem_eq(&v, &snap, sizeof(v));
		}
	sw.outcome = HVG_VMENTRY_PROCEED;
	hw = (struct hvg_dryrun_hw) { 0, 0, 0 };
	ck_assert_int_eq(hvg_vmentry_dryrun_interpret(&sw, &hw, &v),
			 -HVG_EINVAL);
	hw.kind = 4;
	ck_assert_int_eq(hvg_vmentry_dryrun_interpret(&sw, &hw, &v),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmentry_dryrun_interpret(NULL, &hws[0], &v),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmentry_dryrun_interpret(&sw, NULL, &v),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmentry_dryrun_interpret(&sw, &hws[0], NULL),
			 -HVG_EINVAL);
}
END_TEST

Suite *vmentry_early_suite(void)
{
	Suite *s = suite_create("vmentry_early");
	TCase *tc = hvg_tcase("early");

	tcase_add_test(tc, default_is_the_kconfig_value);
	tcase_add_test(tc, coverage_reasons);
	tcase_add_test(tc, tri_state_resolution);
	tcase_add_test(tc, dryrun_plan_steps);
	tcase_add_test(tc, dryrun_interpretation);
	suite_add_tcase(s, tc);
	return s;
}
