// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * KUnit: the autoload module inside a kernel, through the hvgate_*
 * exports. Field encodings and control bits are the SDM's (Vol. 3D
 * appendix B; Vol. 3C "VM-Entry Controls", "VM-Exit Controls"), written
 * here as literals.
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include "hvgate.h"

#define NR	8	/* 8 entries of 16 bytes: a 128-byte, aligned kmalloc */

struct al_fix {
	struct hvg_autoload al;
	struct hvg_autoload_cpu cpu;
	struct hvg_msr_entry *entry, *exit, *store;
	struct hvg_al_action buf[HVG_AL_PLAN_MAX];
	struct hvg_al_plan plan;
};

static struct al_fix *al_fix(struct kunit *test, u32 entry1, u32 exit1)
{
	struct hvg_autoload_caps caps = {
		.vmx_basic = 1ULL << 55,
		.true_entry_ctls = (u64)entry1 << 32,
		.true_exit_ctls = (u64)exit1 << 32,
	};
	struct al_fix *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, f);
	f->entry = kunit_kzalloc(test, NR * sizeof(*f->entry), GFP_KERNEL);
	f->exit = kunit_kzalloc(test, NR * sizeof(*f->exit), GFP_KERNEL);
	f->store = kunit_kzalloc(test, NR * sizeof(*f->store), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, f->entry);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, f->exit);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, f->store);
	KUNIT_ASSERT_EQ(test, hvgate_autoload_init(&f->al, &caps, f->entry,
						   f->exit, f->store, NR), 0);
	KUNIT_ASSERT_EQ(test, hvgate_autoload_cpu_init(&f->cpu), 0);
	f->plan.act = f->buf;
	f->plan.max = HVG_AL_PLAN_MAX;
	return f;
}

static void al_dedicated_fields(struct kunit *test)
{
	/* Load IA32_EFER: entry bit 15, exit bit 21; PGC: 13 and 12. */
	struct hvg_autoload_caps caps = {
		.vmx_basic = 1ULL << 55,
		.true_entry_ctls = (u64)((1U << 15) | (1U << 13)) << 32,
		.true_exit_ctls = (u64)(1U << 21) << 32,
		/* Not read: IA32_VMX_BASIC[55] selects the TRUE_ MSRs. */
		.entry_ctls = 0,
		.exit_ctls = 0,
	};

	KUNIT_EXPECT_EQ(test, hvgate_autoload_dedicated(&caps),
			(u32)(HVG_AL_EFER_ENTRY_FIELD | HVG_AL_EFER_EXIT_FIELD |
			      HVG_AL_PGC_ENTRY_FIELD));
	caps.flags = HVG_AL_CAP_PGC_ERRATUM;
	KUNIT_EXPECT_EQ(test, hvgate_autoload_dedicated(&caps),
			(u32)(HVG_AL_EFER_ENTRY_FIELD | HVG_AL_EFER_EXIT_FIELD));
	caps.vmx_basic = 0;
	KUNIT_EXPECT_EQ(test, hvgate_autoload_dedicated(&caps), 0U);
	/* IA32_VMX_MISC[27:25] = 2: 1536 entries recommended. */
	KUNIT_EXPECT_EQ(test, hvgate_autoload_recommended_max(2ULL << 25),
			1536U);
}

static void al_lists_and_actions(struct kunit *test)
{
	struct al_fix *f = al_fix(test, 1U << 15, 1U << 21);
	u64 g = 0, h = 0;
	u32 i;

	/* EFER goes to its fields: GUEST_IA32_EFER 2806H, entry bit 15. */
	KUNIT_EXPECT_EQ(test, hvgate_autoload_set(&f->al, 0xc0000080, 0x500,
						  0xd01, 0, &f->plan), 0);
	KUNIT_ASSERT_EQ(test, f->plan.nr, 4U);
	KUNIT_EXPECT_EQ(test, f->buf[0].target, 0x2806U);
	KUNIT_EXPECT_EQ(test, f->buf[1].target, 0x2c02U);
	KUNIT_EXPECT_EQ(test, f->buf[2].op, (u32)HVG_AL_ACT_SETBITS);
	KUNIT_EXPECT_EQ(test, f->buf[2].value, (u64)(1U << 15));
	KUNIT_EXPECT_EQ(test, f->buf[3].value, (u64)(1U << 21));
	f->plan.nr = 0;

	/* Other MSRs go to the lists, in the 16-byte format, in order. */
	for (i = 0; i < NR; i++)
		KUNIT_EXPECT_EQ(test, hvgate_autoload_set(&f->al, 0x100 + i, i,
							  0x80 + i, 0,
							  &f->plan), 0);
	KUNIT_EXPECT_EQ(test, f->entry[3].index, 0x103U);
	KUNIT_EXPECT_EQ(test, f->entry[3].reserved, 0U);
	KUNIT_EXPECT_EQ(test, f->entry[3].value, 3ULL);
	KUNIT_EXPECT_EQ(test, f->exit[3].value, 0x83ULL);
	f->plan.nr = 0;
	/* Full: -ENOSPC names the entry, nothing changes. */
	KUNIT_EXPECT_EQ(test, hvgate_autoload_set(&f->al, 0x200, 1, 2, 0,
						  &f->plan), -ENOSPC);
	KUNIT_EXPECT_EQ(test, f->plan.full_list, (u32)HVG_AL_LIST_ENTRY_LOAD);
	KUNIT_EXPECT_EQ(test, f->plan.full_entry.index, 0x200U);
	KUNIT_EXPECT_EQ(test, f->plan.nr, 0U);
	KUNIT_EXPECT_EQ(test, hvgate_autoload_where(&f->al, 0x200, NULL, NULL),
			0U);
	/* Removal keeps the order: 0x101 moves up, 0x107 stays last. */
	KUNIT_EXPECT_EQ(test, hvgate_autoload_clear(&f->al, 0x100, &f->plan),
			0);
	KUNIT_EXPECT_EQ(test, f->entry[0].index, 0x101U);
	KUNIT_EXPECT_EQ(test, f->entry[6].index, 0x107U);
	KUNIT_EXPECT_EQ(test, hvgate_autoload_where(&f->al, 0x107, &g, &h),
			(u32)(HVG_AL_IN_ENTRY_LIST | HVG_AL_IN_EXIT_LIST));
	KUNIT_EXPECT_EQ(test, g, 7ULL);
	KUNIT_EXPECT_EQ(test, h, 0x87ULL);
	/* PEBS_ENABLE belongs to the perf switch; FS_BASE is never loaded. */
	KUNIT_EXPECT_EQ(test, hvgate_autoload_set(&f->al, 0x3f1, 0, 1, 0,
						  &f->plan), -EPERM);
	KUNIT_EXPECT_EQ(test, hvgate_autoload_set(&f->al, 0xc0000100, 0, 1, 0,
						  &f->plan), -EPERM);
	/* The store list. */
	KUNIT_EXPECT_EQ(test, hvgate_autoload_store_add(&f->al, 0x10,
							&f->plan), 0);
	KUNIT_EXPECT_EQ(test, hvgate_autoload_store_add(&f->al, 0x10,
							&f->plan), -EEXIST);
	f->store[0].value = 1234;	/* what a VM exit would store */
	KUNIT_EXPECT_EQ(test, hvgate_autoload_store_read(&f->al, 0x10, &g), 0);
	KUNIT_EXPECT_EQ(test, g, 1234ULL);
	KUNIT_EXPECT_EQ(test, hvgate_autoload_store_remove(&f->al, 0x10,
							   &f->plan), 0);
	KUNIT_EXPECT_EQ(test, hvgate_autoload_store_read(&f->al, 0x10, &g),
			-ENOENT);
}

/* Run the exit steps; return the last WRMSR value, or ~0 if none. */
static u64 al_exit(struct kunit *test, struct al_fix *f, int *writes)
{
	struct hvg_al_action a;
	u64 last = ~0ULL;
	int ret, n = 0;

	*writes = 0;
	while ((ret = hvgate_autoload_exit_step(&f->al, &a)) > 0) {
		KUNIT_ASSERT_LT(test, ++n, 32);
		if (a.op == HVG_AL_ACT_WRMSR) {
			KUNIT_EXPECT_EQ(test, a.target, 0x3f1U);
			last = a.value;
			(*writes)++;
		}
	}
	KUNIT_EXPECT_EQ(test, ret, 0);
	return last;
}

static void al_volatile_pebs(struct kunit *test)
{
	struct al_fix *f = al_fix(test, 1U << 13, 1U << 12);
	struct hvg_perf_msr m[2] = {
		{ 0x38f, 0, 0xf, 0x3 },		/* PERF_GLOBAL_CTRL */
		{ 0x3f1, 0, 0x5, 0 },		/* PEBS_ENABLE, no isolation */
	};
	struct hvg_al_action a;
	int writes;

	KUNIT_EXPECT_EQ(test, hvgate_autoload_exit_step(&f->al, &a), -EBUSY);
	KUNIT_EXPECT_EQ(test, hvgate_autoload_enter_begin(&f->al, &f->cpu), 0);
	KUNIT_EXPECT_EQ(test, hvgate_autoload_perf_switch(&f->al, m, 2, 0,
							  &f->plan), 0);
	/* First the quiesce write of PEBS_ENABLE, then GLOBAL_CTRL's fields. */
	KUNIT_ASSERT_GE(test, f->plan.nr, 3U);
	KUNIT_EXPECT_EQ(test, f->buf[0].op, (u32)HVG_AL_ACT_WRMSR);
	KUNIT_EXPECT_EQ(test, f->buf[0].target, 0x3f1U);
	KUNIT_EXPECT_EQ(test, f->buf[0].value, 0ULL);
	KUNIT_EXPECT_EQ(test, f->buf[1].target, 0x2808U);
	KUNIT_EXPECT_EQ(test, hvgate_autoload_where(&f->al, 0x3f1, NULL, NULL),
			0U);
	f->plan.nr = 0;
	/* A PMI in the window throttles bit 2: the handler must write 0. */
	KUNIT_EXPECT_EQ(test, hvgate_autoload_pmi(&f->cpu, 0x1), 0ULL);
	/* After the exit, perf's current value, not the stale snapshot. */
	KUNIT_EXPECT_EQ(test, al_exit(test, f, &writes), 0x1ULL);
	KUNIT_EXPECT_EQ(test, writes, 1);
	/* Outside a window the handler writes its own value. */
	KUNIT_EXPECT_EQ(test, hvgate_autoload_pmi(&f->cpu, 0x0), 0ULL);

	/* Perf's value 0: not one PEBS_ENABLE write in the round trip. */
	m[1].host = 0;
	KUNIT_EXPECT_EQ(test, hvgate_autoload_enter_begin(&f->al, &f->cpu), 0);
	KUNIT_EXPECT_EQ(test, hvgate_autoload_perf_switch(&f->al, m, 2, 0,
							  &f->plan), 0);
	KUNIT_EXPECT_EQ(test, f->plan.nr, 0U);
	KUNIT_EXPECT_EQ(test, al_exit(test, f, &writes), ~0ULL);

	/* With PEBS isolation: never written on a transition. */
	m[1].host = 0x5;
	KUNIT_EXPECT_EQ(test, hvgate_autoload_enter_begin(&f->al, &f->cpu), 0);
	KUNIT_EXPECT_EQ(test, hvgate_autoload_perf_switch(&f->al, m, 2,
							  HVG_PERF_PEBS_ISOLATION,
							  &f->plan), 0);
	KUNIT_EXPECT_EQ(test, f->plan.nr, 0U);
	KUNIT_EXPECT_EQ(test, hvgate_autoload_pmi(&f->cpu, 0x4), 0x4ULL);
	KUNIT_EXPECT_EQ(test, al_exit(test, f, &writes), ~0ULL);
	KUNIT_EXPECT_EQ(test, writes, 0);
}

static struct kunit_case hvgate_autoload_cases[] = {
	KUNIT_CASE(al_dedicated_fields),
	KUNIT_CASE(al_lists_and_actions),
	KUNIT_CASE(al_volatile_pebs),
	{}
};

static struct kunit_suite hvgate_autoload_suite = {
	.name = "hvgate_autoload",
	.test_cases = hvgate_autoload_cases,
};

kunit_test_suites(&hvgate_autoload_suite);
