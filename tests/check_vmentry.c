// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * vmentry: the diagnostic table, the API's error handling, the spec
 * vectors of tests/vectors/ and the order of the checks.
 *
 * Expected outcomes live in the vector files, written from the catalogue
 * (reference/vmentry-checks.md) and the SDM, one failing and one boundary
 * vector per check; this file only runs them and checks that none is
 * missing.
 */
#include <stdlib.h>

#include "hvgate_test.h"
#include "vectors.h"
#include "vmentry_baseline.h"

#define VEC_DIR HVG_SRCDIR "/tests/vectors"

/* The catalogue's groups: ID prefix, SDM section, outcome, error. */
static const struct {
	const char *prefix;
	const char *section;
	u32 outcome;
	u32 error;
	u32 rows;
} groups[] = {
	{ "CTL-EXEC-", "26.2.1.1", HVG_VMENTRY_VMFAIL_VALID, 7, 49 },
	{ "CTL-EXIT-", "26.2.1.2", HVG_VMENTRY_VMFAIL_VALID, 7, 8 },
	{ "CTL-ENT-", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7, 5 },
	{ "INJ-", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7, 13 },
	{ "MSR-AREA-", "26.2.1.3", HVG_VMENTRY_VMFAIL_VALID, 7, 3 },
	{ "HOST-CR-", "26.2.2", HVG_VMENTRY_VMFAIL_VALID, 8, 20 },
	{ "HOST-SEG-", "26.2.3", HVG_VMENTRY_VMFAIL_VALID, 8, 15 },
	{ "HOST-AS-", "26.2.4", HVG_VMENTRY_VMFAIL_VALID, 8, 8 },
};

/* The same list, with the enum's own spelling of each ID. */
static const struct {
	u32 diag;
	const char *id;
} enum_ids[] = {
#define HVG_VMENTRY_DIAG(id, name, section, outcome, error, text) \
	{ HVG_DIAG_##id, #id },
#include <hvgate/vmentry_diags.h>
#undef HVG_VMENTRY_DIAG
};

START_TEST(diag_table_matches_the_catalogue)
{
	const struct hvg_vmentry_diag_info *d;
	u32 i, g, rows[ARRAY_SIZE(groups)] = { 0 };
	char dashed[32];
	size_t k;

	ck_assert_uint_eq(ARRAY_SIZE(enum_ids), HVG_DIAG_NR - 1);
	for (i = 0; i < ARRAY_SIZE(enum_ids); i++) {
		ck_assert_uint_eq(enum_ids[i].diag, i + 1);
		d = hvg_vmentry_diag_info(enum_ids[i].diag);
		ck_assert_ptr_nonnull(d);
		/* The enum is the catalogue ID with '-' turned into '_'. */
		snprintf(dashed, sizeof(dashed), "%s", enum_ids[i].id);
		for (k = 0; dashed[k]; k++)
			if (dashed[k] == '_')
				dashed[k] = '-';
		ck_assert_str_eq(d->name, dashed);
		ck_assert_str_eq(hvg_vmentry_diag_text(enum_ids[i].diag),
				 d->text);
		ck_assert(d->text[0] && d->section[0]);
		for (g = 0; g < ARRAY_SIZE(groups); g++) {
			if (strncmp(d->name, groups[g].prefix,
				    strlen(groups[g].prefix)))
				continue;
			ck_assert_str_eq(d->section, groups[g].section);
			ck_assert_uint_eq(d->outcome, groups[g].outcome);
			ck_assert_uint_eq(d->error, groups[g].error);
			rows[g]++;
		}
	}
	/* Every row of the catalogue's part-1 groups, no more, no less. */
	for (g = 0; g < ARRAY_SIZE(groups); g++)
		ck_assert_msg(rows[g] == groups[g].rows, "%s: %u rows",
			      groups[g].prefix, rows[g]);
	/* The instruction-level checks (catalogue section 1). */
	d = hvg_vmentry_diag_info(HVG_DIAG_PRE_04);
	ck_assert_uint_eq(d->outcome, HVG_VMENTRY_VMFAIL_INVALID);
	d = hvg_vmentry_diag_info(HVG_DIAG_PRE_05);
	ck_assert_uint_eq(d->outcome, HVG_VMENTRY_VMFAIL_INVALID);
	d = hvg_vmentry_diag_info(HVG_DIAG_PRE_06);
	ck_assert_uint_eq(d->error, 26);
	d = hvg_vmentry_diag_info(HVG_DIAG_PRE_07);
	ck_assert_uint_eq(d->error, 4);
	d = hvg_vmentry_diag_info(HVG_DIAG_PRE_08);
	ck_assert_uint_eq(d->error, 5);
	ck_assert_uint_eq(HVG_DIAG_FIRST_CHECK, HVG_DIAG_PRE_04);

	ck_assert_ptr_null(hvg_vmentry_diag_info(HVG_DIAG_NONE));
	ck_assert_ptr_null(hvg_vmentry_diag_info(HVG_DIAG_NR));
	ck_assert_str_eq(hvg_vmentry_diag_text(HVG_DIAG_NONE), "no diagnostic");
	ck_assert_str_eq(hvg_vmentry_diag_text(HVG_DIAG_NR),
			 "unknown diagnostic");
	ck_assert_uint_eq(vec_diag_by_name("CTL-EXEC-07"), HVG_DIAG_CTL_EXEC_07);
}
END_TEST

static void set_of(const struct hvg_vmentry_result *r, const u32 *failed,
		   u32 n, bool *fail_set, bool *ne_set)
{
	u32 i;

	memset(fail_set, 0, HVG_DIAG_NR * sizeof(bool));
	for (i = 0; i < n; i++)
		fail_set[failed[i]] = true;
	for (i = 0; i < HVG_DIAG_NR; i++)
		ne_set[i] = hvg_vmentry_not_evaluated(r, i);
}

/* Run one vector in both modes and compare with its expectations. */
static void run_vector(const struct vec *v)
{
	struct hvg_vmentry_result r, all;
	u32 failed[HVG_DIAG_NR], i, prev = 0;
	bool fail_set[HVG_DIAG_NR], ne_set[HVG_DIAG_NR];
	bool want[HVG_DIAG_NR];
	const char *n = v->name;

	ck_assert_int_eq(hvg_vmentry_check(&v->in.vmcs, &v->in.caps,
					   &v->in.env, &r), 0);
	ck_assert_msg(r.outcome == v->outcome, "%s: outcome %u, want %u (%s)",
		      n, r.outcome, v->outcome,
		      hvg_vmentry_diag_text(r.diag));
	ck_assert_msg(r.error == v->error, "%s: error %u, want %u", n, r.error,
		      v->error);
	ck_assert_msg(r.diag == v->first, "%s: first %s, want %s", n,
		      r.diag ? hvg_vmentry_diag_info(r.diag)->name : "none",
		      v->first ? hvg_vmentry_diag_info(v->first)->name : "none");
	ck_assert_uint_eq(r.nr_failed, v->first ? 1 : 0);

	ck_assert_int_eq(hvg_vmentry_check_all(&v->in.vmcs, &v->in.caps,
					       &v->in.env, failed,
					       ARRAY_SIZE(failed), &all), 0);
	ck_assert_uint_eq(all.outcome, r.outcome);
	ck_assert_uint_eq(all.error, r.error);
	ck_assert_uint_eq(all.diag, r.diag);
	set_of(&all, failed, all.nr_failed, fail_set, ne_set);
	/* Collected in evaluation order, the first being the first. */
	for (i = 0; i < all.nr_failed; i++) {
		ck_assert_uint_gt(failed[i], prev);
		prev = failed[i];
	}
	if (all.nr_failed)
		ck_assert_uint_eq(failed[0], v->first);
	/* Exactly the expected failures: the first and the listed others. */
	memset(want, 0, sizeof(want));
	if (v->first)
		want[v->first] = true;
	for (i = 0; i < v->nr_also; i++)
		want[v->also[i]] = true;
	for (i = 0; i < HVG_DIAG_NR; i++)
		ck_assert_msg(fail_set[i] == want[i], "%s: %s %s", n,
			      hvg_vmentry_diag_info(i)->name,
			      fail_set[i] ? "fails unexpectedly" :
					    "does not fail");
	/* Tri-state: never both failed and not evaluated. */
	for (i = 0; i < HVG_DIAG_NR; i++)
		ck_assert(!(fail_set[i] && ne_set[i]));
	if (v->has_not_evaluated) {
		memset(want, 0, sizeof(want));
		for (i = 0; i < v->nr_not_evaluated; i++)
			want[v->not_evaluated[i]] = true;
		for (i = 0; i < HVG_DIAG_NR; i++)
			ck_assert_msg(ne_set[i] == want[i], "%s: %s %s", n,
				      hvg_vmentry_diag_info(i)->name,
				      ne_set[i] ? "not evaluated unexpectedly" :
						  "evaluated");
	} else {
		ck_assert_msg(all.nr_not_evaluated == 0,
			      "%s: %u checks not evaluated", n,
			      all.nr_not_evaluated);
	}
	/* The default mode saw the not-evaluated checks before its stop. */
	for (i = 0; i < HVG_DIAG_NR; i++)
		ck_assert_msg(hvg_vmentry_not_evaluated(&r, i) ==
			      (ne_set[i] && (!r.diag || i < r.diag)),
			      "%s: %s", n, hvg_vmentry_diag_info(i)->name);
}

START_TEST(vectors_hold)
{
	struct vec *v;
	size_t n, i;

	n = vec_load_all(VEC_DIR, &v);
	ck_assert_uint_gt(n, 250);
	for (i = 0; i < n; i++)
		run_vector(&v[i]);
	free(v);
}
END_TEST

/*
 * Rows whose failing vector cannot violate them alone, with the reason.
 * Every other check has a failing vector that violates exactly it.
 */
static const struct {
	u32 diag;
	const char *why;
} not_alone[] = {
	{ HVG_DIAG_CTL_ENT_05, "outside SMM, CTL-ENT-03 and -04 fail too" },
	{ HVG_DIAG_MSR_AREA_02, "its last byte is then beyond too (-03)" },
	{ HVG_DIAG_HOST_AS_01, "with HOST-AS-02 or -04, whatever host AS" },
};

START_TEST(every_check_has_both_vectors)
{
	struct vec *v;
	size_t n, i, k;
	u32 d;
	bool fail, alone, boundary, exempt;

	n = vec_load_all(VEC_DIR, &v);
	for (d = HVG_DIAG_FIRST_CHECK; d < HVG_DIAG_NR; d++) {
		fail = alone = boundary = exempt = false;
		for (i = 0; i < n; i++) {
			if (v[i].first == d) {
				fail = true;
				alone |= !v[i].nr_also;
			}
			for (k = 0; k < v[i].nr_also; k++)
				fail |= v[i].also[k] == d;
			if (v[i].boundary == d) {
				ck_assert_msg(v[i].outcome == HVG_VMENTRY_PROCEED,
					      "%s: a boundary vector proceeds",
					      v[i].name);
				boundary = true;
			}
		}
		for (k = 0; k < ARRAY_SIZE(not_alone); k++)
			exempt |= not_alone[k].diag == d;
		ck_assert_msg(fail, "no vector failing %s",
			      hvg_vmentry_diag_info(d)->name);
		ck_assert_msg(alone || exempt,
			      "no vector violating only %s",
			      hvg_vmentry_diag_info(d)->name);
		ck_assert_msg(boundary, "no boundary vector for %s",
			      hvg_vmentry_diag_info(d)->name);
	}
	free(v);
}
END_TEST

START_TEST(api_rejects_bad_arguments)
{
	struct vmcheck_input in;
	struct hvg_vmentry_result r, snap;
	u32 failed[4];

	vec_build_set(VEC_DIR, "skylake-64", &in);
	memset(&r, 0x5a, sizeof(r));
	snap = r;
	ck_assert_int_eq(hvg_vmentry_check(NULL, &in.caps, &in.env, &r),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmentry_check(&in.vmcs, NULL, &in.env, &r),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmentry_check(&in.vmcs, &in.caps, NULL, &r),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmentry_check(&in.vmcs, &in.caps, &in.env, NULL),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmentry_check_all(NULL, &in.caps, &in.env, failed,
					       4, &r), -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmentry_check_all(&in.vmcs, NULL, &in.env, failed,
					       4, &r), -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmentry_check_all(&in.vmcs, &in.caps, NULL,
					       failed, 4, &r), -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmentry_check_all(&in.vmcs, &in.caps, &in.env,
					       failed, 4, NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmentry_check_all(&in.vmcs, &in.caps, &in.env,
					       NULL, 4, &r), -HVG_EINVAL);
	ck_assert_mem_eq(&r, &snap, sizeof(r));
	/* NULL with room 0 is fine: only the count is wanted. */
	ck_assert_int_eq(hvg_vmentry_check_all(&in.vmcs, &in.caps, &in.env,
					       NULL, 0, &r), 0);
	ck_assert_uint_eq(r.outcome, HVG_VMENTRY_PROCEED);
	ck_assert(!hvg_vmentry_not_evaluated(NULL, HVG_DIAG_PRE_04));
	ck_assert(!hvg_vmentry_not_evaluated(&r, HVG_DIAG_NR));
}
END_TEST

START_TEST(collect_counts_beyond_room)
{
	struct vmcheck_input in;
	struct hvg_vmentry_result r;
	u32 failed[2] = { 0, 0 };

	/* Three independent faults: a control, and two host selectors. */
	vec_build_set(VEC_DIR, "skylake-64", &in);
	in.vmcs.cr3_target_count = 5;		/* CTL-EXEC-08 */
	in.vmcs.host_cs_selector = 0x13;	/* HOST-SEG-01 */
	in.vmcs.host_tr_selector = 0x44;	/* HOST-SEG-07 */
	ck_assert_int_eq(hvg_vmentry_check_all(&in.vmcs, &in.caps, &in.env,
					       failed, 2, &r), 0);
	ck_assert_uint_eq(r.nr_failed, 3);
	ck_assert_uint_eq(failed[0], HVG_DIAG_CTL_EXEC_08);
	ck_assert_uint_eq(failed[1], HVG_DIAG_HOST_SEG_01);
	/* Controls before host state: error 7 (catalogue A1). */
	ck_assert_uint_eq(r.outcome, HVG_VMENTRY_VMFAIL_VALID);
	ck_assert_uint_eq(r.error, 7);
	ck_assert_uint_eq(r.diag, HVG_DIAG_CTL_EXEC_08);
	ck_assert_int_eq(hvg_vmentry_check(&in.vmcs, &in.caps, &in.env, &r), 0);
	ck_assert_uint_eq(r.nr_failed, 1);
	ck_assert_uint_eq(r.error, 7);
}
END_TEST

/*
 * tests/vmentry_baseline.h (the benchmark's and KUnit's copy in C) agrees
 * with the vector files: every field it sets, every capability MSR.
 */
START_TEST(c_baseline_matches_the_vectors)
{
	struct vmcheck_input in;
	struct hvg_vmcs12 c;
	const struct hvg_vmcs_field *f;
	u64 a, b;
	u32 i;

	vec_build_set(VEC_DIR, "skylake-64", &in);
	hvg_baseline_vmcs(&c, false);
	ck_assert_uint_eq(c.revision_id, in.vmcs.revision_id);
	for (i = 0; (f = hvg_vmcs_field_at(i)); i++) {
		a = b = 0;
		memcpy(&a, (const u8 *)&c + f->offset, f->size);
		memcpy(&b, (const u8 *)&in.vmcs + f->offset, f->size);
		if (a)
			ck_assert_msg(a == b, "%s", f->name);
	}
	for (i = 0; i < ARRAY_SIZE(hvg_skylake_vmx_msrs); i++) {
		ck_assert_int_eq(hvg_vmx_caps_get_msr(&in.caps,
				 (u32)hvg_skylake_vmx_msrs[i][0], &a), 0);
		ck_assert_uint_eq(a, hvg_skylake_vmx_msrs[i][1]);
	}
	ck_assert_uint_eq(in.caps.maxphyaddr, HVG_SKYLAKE_MAXPHYADDR);
	ck_assert_uint_eq(in.caps.cpu, HVG_SKYLAKE_CPU);
	ck_assert_uint_eq(in.caps.perf_global_ctrl_valid,
			  HVG_SKYLAKE_PERF_GLOBAL_CTRL);
}
END_TEST

Suite *vmentry_suite(void)
{
	Suite *s = suite_create("vmentry");
	TCase *tc = hvg_tcase("diagnostics");

	tcase_add_test(tc, diag_table_matches_the_catalogue);
	tcase_add_test(tc, api_rejects_bad_arguments);
	tcase_add_test(tc, collect_counts_beyond_room);
	tcase_add_test(tc, c_baseline_matches_the_vectors);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("vectors");
	tcase_add_test(tc, vectors_hold);
	tcase_add_test(tc, every_check_has_both_vectors);
	suite_add_tcase(s, tc);
	return s;
}
