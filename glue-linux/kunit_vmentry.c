// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * KUnit: the vmcs and vmentry modules inside a kernel, through the
 * hvgate_* exports. The VMCS is the tests' 64-bit baseline
 * (tests/vectors/01-baselines.vec), the capabilities those of the
 * Skylake i7-6700K profile (tools/vmcheck_profiles.c); expected outcomes
 * are the catalogue's (VMfailValid 7 for controls, 8 for host state).
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include "hvgate.h"
#include "tests/vmentry_baseline.h"

struct fixture {
	struct hvg_vmcs12 vmcs;
	struct hvg_vmx_caps caps;
	struct hvg_vmentry_env env;
	struct hvg_vmentry_result res;
};

static struct fixture *baseline(struct kunit *test)
{
	struct fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	size_t i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, f);
	KUNIT_ASSERT_EQ(test, hvgate_vmx_caps_init(&f->caps), 0);
	for (i = 0; i < ARRAY_SIZE(hvg_skylake_vmx_msrs); i++)
		KUNIT_ASSERT_EQ(test, hvgate_vmx_caps_set_msr(&f->caps,
				(u32)hvg_skylake_vmx_msrs[i][0],
				hvg_skylake_vmx_msrs[i][1]), 0);
	KUNIT_ASSERT_EQ(test, hvgate_vmx_caps_set_maxphyaddr(&f->caps,
				HVG_SKYLAKE_MAXPHYADDR), 0);
	KUNIT_ASSERT_EQ(test, hvgate_vmx_caps_set_cpu(&f->caps, HVG_CPU_ALL,
						      HVG_SKYLAKE_CPU), 0);
	f->caps.perf_global_ctrl_valid = HVG_SKYLAKE_PERF_GLOBAL_CTRL;
	f->caps.known |= HVG_CAPS_PERF_GLOBAL_CTRL;
	hvg_baseline_vmcs(&f->vmcs, false);
	hvg_baseline_env(&f->env);
	return f;
}

static void vmread_vmwrite(struct kunit *test)
{
	struct fixture *f = baseline(test);
	u64 val = 0;
	u32 err = 99;

	/* High access of a 64-bit field: bits 63:32 (SDM VMREAD). */
	f->vmcs.eptp = 0x123456789abcdef0ULL;
	KUNIT_EXPECT_EQ(test, hvgate_vmcs_vmread(&f->vmcs, 0x201b, &val, &err),
			0);
	KUNIT_EXPECT_EQ(test, err, 0U);
	KUNIT_EXPECT_EQ(test, val, 0x12345678ULL);
	/* Unsupported encoding: error 12; read-only field: error 13. */
	KUNIT_EXPECT_EQ(test, hvgate_vmcs_vmread(&f->vmcs, 0x4001, &val, &err),
			0);
	KUNIT_EXPECT_EQ(test, err, 12U);
	f->caps.msr[5] &= ~BIT_ULL(29);		/* IA32_VMX_MISC[29] */
	KUNIT_EXPECT_EQ(test, hvgate_vmcs_vmwrite(&f->vmcs, &f->caps, 0x4402, 1,
						  &err), 0);
	KUNIT_EXPECT_EQ(test, err, 13U);
	KUNIT_EXPECT_EQ(test, hvgate_vmcs_vmwrite(&f->vmcs, &f->caps, 0x0c02,
						  0xabcd0010, &err), 0);
	KUNIT_EXPECT_EQ(test, f->vmcs.host_cs_selector, 0x10);
	/* Without IA32_VMX_MISC the read-only case cannot be decided. */
	f->caps.present &= ~HVG_VMX_CAP_BIT(0x485);
	KUNIT_EXPECT_EQ(test, hvgate_vmcs_vmwrite(&f->vmcs, &f->caps, 0x4402, 1,
						  &err), -EOPNOTSUPP);
}

static void baseline_and_faults(struct kunit *test)
{
	struct fixture *f = baseline(test);
	const struct hvg_vmentry_diag_info *d;
	u32 failed[4];

	KUNIT_ASSERT_EQ(test, hvgate_vmentry_check(&f->vmcs, &f->caps, &f->env,
						   &f->res), 0);
	KUNIT_EXPECT_EQ(test, f->res.outcome, (u32)HVG_VMENTRY_PROCEED);
	KUNIT_EXPECT_EQ(test, f->res.nr_not_evaluated, 0U);

	/* Five CR3 targets on a CPU with four: CTL-EXEC-08, error 7. */
	f->vmcs.cr3_target_count = 5;
	/* A null host TR selector: HOST-SEG-09, error 8. */
	f->vmcs.host_tr_selector = 0;
	KUNIT_ASSERT_EQ(test, hvgate_vmentry_check(&f->vmcs, &f->caps, &f->env,
						   &f->res), 0);
	KUNIT_EXPECT_EQ(test, f->res.outcome, (u32)HVG_VMENTRY_VMFAIL_VALID);
	KUNIT_EXPECT_EQ(test, f->res.error, 7U);
	KUNIT_EXPECT_EQ(test, f->res.diag, (u32)HVG_DIAG_CTL_EXEC_08);
	d = hvgate_vmentry_diag_info(f->res.diag);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, d);
	KUNIT_EXPECT_STREQ(test, d->name, "CTL-EXEC-08");
	KUNIT_EXPECT_STREQ(test, d->section, "26.2.1.1");

	KUNIT_ASSERT_EQ(test, hvgate_vmentry_check_all(&f->vmcs, &f->caps,
						       &f->env, failed, 4,
						       &f->res), 0);
	KUNIT_EXPECT_EQ(test, f->res.nr_failed, 2U);
	KUNIT_EXPECT_EQ(test, failed[0], (u32)HVG_DIAG_CTL_EXEC_08);
	KUNIT_EXPECT_EQ(test, failed[1], (u32)HVG_DIAG_HOST_SEG_09);

	f->vmcs.cr3_target_count = 0;
	KUNIT_ASSERT_EQ(test, hvgate_vmentry_check(&f->vmcs, &f->caps, &f->env,
						   &f->res), 0);
	KUNIT_EXPECT_EQ(test, f->res.error, 8U);
	KUNIT_EXPECT_STREQ(test, hvgate_vmentry_diag_text(f->res.diag),
			   "host TR selector is 0000H");

	KUNIT_EXPECT_EQ(test, hvgate_vmentry_check(NULL, &f->caps, &f->env,
						   &f->res), -EINVAL);
}

static void not_evaluated(struct kunit *test)
{
	struct fixture *f = baseline(test);

	/* One CR3 target, IA32_VMX_MISC unknown: cannot decide CTL-EXEC-08. */
	f->caps.present &= ~HVG_VMX_CAP_BIT(0x485);
	f->vmcs.cr3_target_count = 1;
	KUNIT_ASSERT_EQ(test, hvgate_vmentry_check(&f->vmcs, &f->caps, &f->env,
						   &f->res), 0);
	KUNIT_EXPECT_EQ(test, f->res.outcome, (u32)HVG_VMENTRY_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, f->res.nr_not_evaluated, 1U);
	KUNIT_EXPECT_TRUE(test, hvgate_vmentry_not_evaluated(&f->res,
						HVG_DIAG_CTL_EXEC_08));
}

static void early_checks(struct kunit *test)
{
	struct fixture *f = baseline(test);
	struct hvg_dryrun_vmcs02 v02 = { .exit_msr_load_count = 2 };
	struct hvg_dryrun_step steps[HVG_DRYRUN_MAX_STEPS];
	struct hvg_dryrun_hw hw = { HVG_DRYRUN_HW_VMFAIL_VALID, 7, 0 };
	struct hvg_dryrun_verdict v;
	bool run = true;
	u32 nr;

	KUNIT_EXPECT_EQ(test, hvgate_vmentry_early_check_default(),
			HVG_CFG_NESTED_EARLY_CHECK);
	/* Skylake is fully covered: auto means never on bare metal. */
	KUNIT_EXPECT_EQ(test, hvgate_vmentry_sw_coverage(&f->caps), 0U);
	KUNIT_EXPECT_EQ(test, hvgate_vmentry_early_check(HVG_EARLY_CHECK_AUTO,
					0, &f->caps, &run), 0);
	KUNIT_EXPECT_FALSE(test, run);
	KUNIT_EXPECT_EQ(test, hvgate_vmentry_early_check(HVG_EARLY_CHECK_ALWAYS,
					BIT(31), &f->caps, &run), 0);
	KUNIT_EXPECT_TRUE(test, run);
	KUNIT_EXPECT_EQ(test, hvgate_vmentry_early_check(2, 0, &f->caps, &run),
			-EINVAL);

	/* The seed's order: count 0, RFLAGS 0, CR3, CR4, VMLAUNCH, count. */
	KUNIT_ASSERT_EQ(test, hvgate_vmentry_dryrun_plan(&v02, steps,
					ARRAY_SIZE(steps), &nr), 0);
	KUNIT_ASSERT_EQ(test, nr, 6U);
	KUNIT_EXPECT_EQ(test, steps[0].field, 0x4010U);
	KUNIT_EXPECT_EQ(test, steps[0].value, 0ULL);
	KUNIT_EXPECT_EQ(test, steps[1].field, 0x6820U);
	KUNIT_EXPECT_EQ(test, steps[2].op, (u32)HVG_DRYRUN_REFRESH_HOST_CR3);
	KUNIT_EXPECT_EQ(test, steps[3].op, (u32)HVG_DRYRUN_REFRESH_HOST_CR4);
	KUNIT_EXPECT_EQ(test, steps[4].op, (u32)HVG_DRYRUN_VMLAUNCH);
	KUNIT_EXPECT_EQ(test, steps[5].value, 2ULL);
	KUNIT_EXPECT_EQ(test, hvgate_vmentry_dryrun_plan(&v02, steps, 5, &nr),
			-ENOSPC);

	/* Hardware failed what software accepted: missed check, error 7. */
	f->res.outcome = HVG_VMENTRY_PROCEED;
	KUNIT_ASSERT_EQ(test, hvgate_vmentry_dryrun_interpret(&f->res, &hw, &v),
			0);
	KUNIT_EXPECT_EQ(test, v.action, (u32)HVG_DRYRUN_FAIL);
	KUNIT_EXPECT_EQ(test, v.diag, (u32)HVG_DIAG_HW_MISSED);
	KUNIT_EXPECT_EQ(test, v.hw_error, 7U);
	KUNIT_EXPECT_TRUE(test, v.warn);
	/* A VM-entry failure exit for invalid guest state: proceed. */
	hw = (struct hvg_dryrun_hw) { HVG_DRYRUN_HW_VMEXIT, 0, 0x80000021 };
	KUNIT_ASSERT_EQ(test, hvgate_vmentry_dryrun_interpret(&f->res, &hw, &v),
			0);
	KUNIT_EXPECT_EQ(test, v.action, (u32)HVG_DRYRUN_PROCEED);
	KUNIT_EXPECT_FALSE(test, v.warn);
	f->res.outcome = HVG_VMENTRY_VMFAIL_VALID;
	KUNIT_EXPECT_EQ(test, hvgate_vmentry_dryrun_interpret(&f->res, &hw, &v),
			-EBUSY);
}

static struct kunit_case hvgate_vmentry_cases[] = {
	KUNIT_CASE(vmread_vmwrite),
	KUNIT_CASE(baseline_and_faults),
	KUNIT_CASE(not_evaluated),
	KUNIT_CASE(early_checks),
	{}
};

static struct kunit_suite hvgate_vmentry_suite = {
	.name = "hvgate_vmentry",
	.test_cases = hvgate_vmentry_cases,
};

kunit_test_suites(&hvgate_vmentry_suite);
