// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * autoload: the VM-entry/VM-exit MSR lists, the dedicated EFER and
 * PERF_GLOBAL_CTRL fields, the perf switch and the volatile protocol.
 *
 * Expected values come from the SDM, not from the code under test: field
 * encodings and control bit numbers are written as literals from Vol. 3D
 * appendix B and Vol. 3C "VM-Entry Controls" / "VM-Exit Controls" (see
 * /work/shared/reference/vmentry-checks.md, section 13). The tests do not
 * read the library's lists to decide what hardware does: a small VMCS
 * simulator performs the returned actions, and an oracle written from
 * "Loading Guest State", "Loading Host State" and "Loading MSRs" computes
 * which MSRs a VM entry and a VM exit load, from the simulated VMCS and
 * the list memory, as the processor would.
 */
#include <stdlib.h>

#include "hvgate_test.h"

/* SDM encodings and bits, as literals (independent of autoload.h). */
#define F_ENTRY_LOAD_ADDR	0x200a
#define F_EXIT_LOAD_ADDR	0x2008
#define F_EXIT_STORE_ADDR	0x2006
#define F_GUEST_EFER		0x2806
#define F_GUEST_PGC		0x2808
#define F_HOST_EFER		0x2c02
#define F_HOST_PGC		0x2c04
#define F_EXIT_CTLS		0x400c
#define F_EXIT_STORE_COUNT	0x400e
#define F_EXIT_LOAD_COUNT	0x4010
#define F_ENTRY_CTLS		0x4012
#define F_ENTRY_LOAD_COUNT	0x4014
#define ENTRY_LOAD_PGC		(1u << 13)
#define ENTRY_LOAD_EFER		(1u << 15)
#define EXIT_LOAD_PGC		(1u << 12)
#define EXIT_LOAD_EFER		(1u << 21)

#define MSR_EFER		0xc0000080u
#define MSR_PGC			0x38fu
#define MSR_PEBS		0x3f1u
#define MSR_DS_AREA		0x600u
#define MSR_DATA_CFG		0x3f2u
#define MSR_FIXED_CTRL		0x38du

#define CAP			HVG_AUTOLOAD_MAX

/* ---- a VMCS and MSR simulator --------------------------------------- */

#define SIM_MSRS	32

struct sim {
	u32 entry_ctls, exit_ctls;
	u32 entry_count, exit_count, store_count;
	u64 entry_addr, exit_addr, store_addr;
	u64 guest_efer, host_efer, guest_pgc, host_pgc;
	unsigned int vmwrites, count_writes, ctl_writes, wrmsrs;
	u32 msr[SIM_MSRS];
	u64 val[SIM_MSRS];
	unsigned int loads[SIM_MSRS];	/* loads in the last transition */
	unsigned int nmsr;
};

static u32 sim_slot(struct sim *s, u32 msr)
{
	u32 i;

	for (i = 0; i < s->nmsr; i++)
		if (s->msr[i] == msr)
			return i;
	ck_assert_uint_lt(s->nmsr, SIM_MSRS);
	s->msr[s->nmsr] = msr;
	s->val[s->nmsr] = 0;
	return s->nmsr++;
}

static void sim_wrmsr(struct sim *s, u32 msr, u64 v)
{
	u32 i = sim_slot(s, msr);

	s->val[i] = v;
	s->loads[i]++;
}

static u64 sim_rdmsr(struct sim *s, u32 msr)
{
	return s->val[sim_slot(s, msr)];
}

static unsigned int sim_loads(struct sim *s, u32 msr)
{
	return s->loads[sim_slot(s, msr)];
}

static void sim_vmwrite(struct sim *s, u32 field, u64 v)
{
	s->vmwrites++;
	switch (field) {
	case F_ENTRY_LOAD_ADDR: s->entry_addr = v; break;
	case F_EXIT_LOAD_ADDR: s->exit_addr = v; break;
	case F_EXIT_STORE_ADDR: s->store_addr = v; break;
	case F_GUEST_EFER: s->guest_efer = v; break;
	case F_HOST_EFER: s->host_efer = v; break;
	case F_GUEST_PGC: s->guest_pgc = v; break;
	case F_HOST_PGC: s->host_pgc = v; break;
	case F_ENTRY_LOAD_COUNT: s->entry_count = (u32)v; s->count_writes++; break;
	case F_EXIT_LOAD_COUNT: s->exit_count = (u32)v; s->count_writes++; break;
	case F_EXIT_STORE_COUNT: s->store_count = (u32)v; s->count_writes++; break;
	default: ck_abort_msg("VMWRITE to unexpected field %#x", field);
	}
}

static u32 *sim_ctl(struct sim *s, u32 field)
{
	if (field == F_ENTRY_CTLS)
		return &s->entry_ctls;
	ck_assert_uint_eq(field, F_EXIT_CTLS);
	return &s->exit_ctls;
}

static void sim_do(struct sim *s, const struct hvg_al_action *a)
{
	switch (a->op) {
	case HVG_AL_ACT_WRMSR:
		s->wrmsrs++;
		sim_wrmsr(s, a->target, a->value);
		break;
	case HVG_AL_ACT_VMWRITE:
		sim_vmwrite(s, a->target, a->value);
		break;
	case HVG_AL_ACT_SETBITS:
		s->ctl_writes++;
		*sim_ctl(s, a->target) |= (u32)a->value;
		break;
	case HVG_AL_ACT_CLEARBITS:
		s->ctl_writes++;
		*sim_ctl(s, a->target) &= ~(u32)a->value;
		break;
	default:
		ck_abort_msg("unknown action %u", a->op);
	}
}

static void sim_run(struct sim *s, struct hvg_al_plan *p)
{
	u32 i;

	for (i = 0; i < p->nr; i++)
		sim_do(s, &p->act[i]);
	p->nr = 0;
}

static void sim_clear_loads(struct sim *s)
{
	memset(s->loads, 0, sizeof(s->loads));
}

/*
 * VM entry (SDM Vol. 3C "VM Entries"): "Loading Guest State" loads
 * IA32_PERF_GLOBAL_CTRL (control bit 13) and IA32_EFER (bit 15) from the
 * guest-state area; then "Loading MSRs" processes the VM-entry MSR-load
 * area, entry by entry, up to the VM-entry MSR-load count.
 */
static void sim_vm_entry(struct sim *s, const struct hvg_msr_entry *list)
{
	u32 i;

	sim_clear_loads(s);
	if (s->entry_ctls & ENTRY_LOAD_PGC)
		sim_wrmsr(s, MSR_PGC, s->guest_pgc);
	if (s->entry_ctls & ENTRY_LOAD_EFER)
		sim_wrmsr(s, MSR_EFER, s->guest_efer);
	for (i = 0; i < s->entry_count; i++) {
		ck_assert_uint_eq(list[i].reserved, 0);
		sim_wrmsr(s, list[i].index, list[i].value);
	}
}

/*
 * VM exit: "Saving MSRs" stores the guest values into the VM-exit
 * MSR-store area; "Loading Host State" loads IA32_PERF_GLOBAL_CTRL (exit
 * control bit 12) and IA32_EFER (bit 21); "Loading MSRs" processes the
 * VM-exit MSR-load area.
 */
static void sim_vm_exit(struct sim *s, const struct hvg_msr_entry *load,
			struct hvg_msr_entry *store)
{
	u32 i;

	for (i = 0; i < s->store_count; i++) {
		ck_assert_uint_eq(store[i].reserved, 0);
		store[i].value = sim_rdmsr(s, store[i].index);
	}
	sim_clear_loads(s);
	if (s->exit_ctls & EXIT_LOAD_PGC)
		sim_wrmsr(s, MSR_PGC, s->host_pgc);
	if (s->exit_ctls & EXIT_LOAD_EFER)
		sim_wrmsr(s, MSR_EFER, s->host_efer);
	for (i = 0; i < s->exit_count; i++) {
		ck_assert_uint_eq(load[i].reserved, 0);
		sim_wrmsr(s, load[i].index, load[i].value);
	}
}

/* ---- fixture -------------------------------------------------------- */

struct fix {
	struct hvg_autoload al;
	struct hvg_autoload_cpu cpu;
	struct hvg_msr_entry entry[CAP] __attribute__((aligned(16)));
	struct hvg_msr_entry exit[CAP] __attribute__((aligned(16)));
	struct hvg_msr_entry store[CAP] __attribute__((aligned(16)));
	struct hvg_al_action buf[HVG_AL_PLAN_MAX];
	struct hvg_al_plan plan;
	struct sim sim;
};

/* Snapshot of everything a failing call must leave alone. */
struct snap {
	struct hvg_autoload al;
	struct hvg_autoload_cpu cpu;
	struct hvg_msr_entry entry[CAP], exit[CAP], store[CAP];
	struct hvg_al_action buf[HVG_AL_PLAN_MAX];
	u32 plan_nr;
};

static void take(struct snap *s, const struct fix *f)
{
	memcpy(&s->al, &f->al, sizeof(s->al));
	s->cpu = f->cpu;
	memcpy(s->entry, f->entry, sizeof(s->entry));
	memcpy(s->exit, f->exit, sizeof(s->exit));
	memcpy(s->store, f->store, sizeof(s->store));
	memcpy(s->buf, f->buf, sizeof(s->buf));
	s->plan_nr = f->plan.nr;
}

static void unchanged(const struct snap *s, const struct fix *f)
{
	ck_assert(!memcmp(&s->al, &f->al, sizeof(s->al)));
	ck_assert(!memcmp(&s->cpu, &f->cpu, sizeof(s->cpu)));
	ck_assert(!memcmp(s->entry, f->entry, sizeof(s->entry)));
	ck_assert(!memcmp(s->exit, f->exit, sizeof(s->exit)));
	ck_assert(!memcmp(s->store, f->store, sizeof(s->store)));
	ck_assert(!memcmp(s->buf, f->buf, sizeof(s->buf)));
	ck_assert_uint_eq(s->plan_nr, f->plan.nr);
}

/* Capability MSRs: allowed-1 settings in bits 63:32 (SDM A.4, A.5). */
static struct hvg_autoload_caps caps_of(u32 entry1, u32 exit1, bool true55,
					bool erratum)
{
	struct hvg_autoload_caps c;

	memset(&c, 0, sizeof(c));
	if (true55) {
		c.vmx_basic = 1ull << 55;
		c.true_entry_ctls = (u64)entry1 << 32;
		c.true_exit_ctls = (u64)exit1 << 32;
		/* The non-TRUE MSRs say the opposite: they must be ignored. */
		c.entry_ctls = (u64)~entry1 << 32;
		c.exit_ctls = (u64)~exit1 << 32;
	} else {
		c.entry_ctls = (u64)entry1 << 32;
		c.exit_ctls = (u64)exit1 << 32;
		c.true_entry_ctls = (u64)~entry1 << 32;
		c.true_exit_ctls = (u64)~exit1 << 32;
	}
	c.flags = erratum ? HVG_AL_CAP_PGC_ERRATUM : 0;
	return c;
}

/* All four dedicated controls available. */
static const u32 ALL_ENTRY = ENTRY_LOAD_PGC | ENTRY_LOAD_EFER;
static const u32 ALL_EXIT = EXIT_LOAD_PGC | EXIT_LOAD_EFER;

static struct fix *fix_new_caps(const struct hvg_autoload_caps *c, u32 nr)
{
	struct fix *f = aligned_alloc(64, sizeof(*f));

	ck_assert_ptr_nonnull(f);
	memset(f, 0xa5, sizeof(*f));
	memset(&f->sim, 0, sizeof(f->sim));
	ck_assert_int_eq(hvg_autoload_init(&f->al, c, f->entry, f->exit,
					   f->store, nr), 0);
	ck_assert_int_eq(hvg_autoload_cpu_init(&f->cpu), 0);
	memset(f->buf, 0, sizeof(f->buf));
	f->plan = (struct hvg_al_plan){ .act = f->buf, .max = HVG_AL_PLAN_MAX };
	return f;
}

/* Lists only (no dedicated field), capacity CAP. */
static struct fix *fix_lists(void)
{
	struct hvg_autoload_caps c = caps_of(0, 0, false, false);

	return fix_new_caps(&c, CAP);
}

/* Everything dedicated. */
static struct fix *fix_fields(void)
{
	struct hvg_autoload_caps c = caps_of(ALL_ENTRY, ALL_EXIT, true, false);

	return fix_new_caps(&c, CAP);
}

static void run(struct fix *f)
{
	sim_run(&f->sim, &f->plan);
}

static void entry(struct fix *f)
{
	sim_vm_entry(&f->sim, f->entry);
}

static void vmexit(struct fix *f)
{
	sim_vm_exit(&f->sim, f->exit, f->store);
}

/* The VM entry loads @msr exactly once, with @v. */
static void loads_once(struct fix *f, u32 msr, u64 v)
{
	ck_assert_msg(sim_loads(&f->sim, msr) == 1, "msr %#x loaded %u times",
		      msr, sim_loads(&f->sim, msr));
	ck_assert_uint_eq(sim_rdmsr(&f->sim, msr), v);
}

static void loads_none(struct fix *f, u32 msr)
{
	ck_assert_msg(sim_loads(&f->sim, msr) == 0, "msr %#x loaded", msr);
}

static void act_is(const struct hvg_al_action *a, u32 op, u32 target, u64 v)
{
	ck_assert_msg(a->op == op && a->target == target && a->value == v,
		      "action {%u, %#x, %#llx}, expected {%u, %#x, %#llx}",
		      a->op, a->target, (unsigned long long)a->value, op,
		      target, (unsigned long long)v);
}

/* ---- layout, limits and capabilities --------------------------------- */

START_TEST(entry_layout_is_architectural)
{
	struct hvg_msr_entry e[2];

	/* SDM: 16 bytes; bits 31:0 index, 63:32 reserved, 127:64 data. */
	ck_assert_uint_eq(sizeof(e[0]), 16);
	ck_assert_uint_eq((char *)&e[1] - (char *)&e[0], 16);
	ck_assert_uint_eq((char *)&e[0].reserved - (char *)&e[0], 4);
	ck_assert_uint_eq((char *)&e[0].value - (char *)&e[0], 8);
}
END_TEST

START_TEST(recommended_max_from_vmx_misc)
{
	u32 n;

	/* SDM Vol. 3D A.6: 512 * (N + 1), N = IA32_VMX_MISC[27:25]. */
	for (n = 0; n < 8; n++)
		ck_assert_uint_eq(hvg_autoload_recommended_max((u64)n << 25),
				  512 * (n + 1));
	/* Neighbouring bits do not count. */
	ck_assert_uint_eq(hvg_autoload_recommended_max(~(7ull << 25)), 512);
	ck_assert_uint_eq(hvg_autoload_recommended_max(~0ull), 4096);
	/* The Kconfig capacity never exceeds the smallest recommendation. */
	ck_assert_uint_le(HVG_AUTOLOAD_MAX, 512);
}
END_TEST

START_TEST(capacity_is_min_of_memory_and_kconfig)
{
	struct hvg_autoload_caps c = caps_of(0, 0, false, false);
	struct fix *f = fix_new_caps(&c, 3);
	u32 i;

	ck_assert_uint_eq(f->al.cap, CAP < 3 ? CAP : 3);
	free(f);
	f = fix_new_caps(&c, 100000);
	ck_assert_uint_eq(f->al.cap, CAP);
	/* And it is a real limit: CAP entries fit, one more does not. */
	for (i = 0; i < CAP; i++)
		ck_assert_int_eq(hvg_autoload_set(&f->al, 0x1000 + i, 1, 2, 0,
						  &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x2000, 1, 2, 0, &f->plan),
			 -HVG_ENOSPC);
	free(f);
}
END_TEST

/*
 * Every combination of: IA32_VMX_BASIC[55] (which MSR pair is read), the
 * allowed-1 bits of the two entry and two exit controls, and the errata
 * flag. The expected selection is the SDM rule, written here with the
 * bit numbers: EFER entry iff entry bit 15, EFER exit iff exit bit 21,
 * PGC entry iff entry bit 13 and no erratum, PGC exit iff exit bit 12 and
 * no erratum. Then each selection is checked by behaviour: where EFER and
 * PERF_GLOBAL_CTRL are loaded from at VM entry and VM exit, and that
 * clearing them leaves nothing behind.
 */
START_TEST(dedicated_fields_every_combination)
{
	u32 combo;

	for (combo = 0; combo < 64; combo++) {
		bool true55 = combo & 1, erratum = combo & 32;
		u32 entry1 = ((combo & 2) ? 1u << 15 : 0) |
			     ((combo & 4) ? 1u << 13 : 0);
		u32 exit1 = ((combo & 8) ? 1u << 21 : 0) |
			    ((combo & 16) ? 1u << 12 : 0);
		struct hvg_autoload_caps c = caps_of(entry1, exit1, true55,
						     erratum);
		bool efer_in = combo & 2, efer_out = combo & 8;
		bool pgc_in = (combo & 4) && !erratum;
		bool pgc_out = (combo & 16) && !erratum;
		u32 want = (efer_in ? HVG_AL_EFER_ENTRY_FIELD : 0) |
			   (efer_out ? HVG_AL_EFER_EXIT_FIELD : 0) |
			   (pgc_in ? HVG_AL_PGC_ENTRY_FIELD : 0) |
			   (pgc_out ? HVG_AL_PGC_EXIT_FIELD : 0);
		struct fix *f;
		u64 g, h;

		ck_assert_uint_eq(hvg_autoload_dedicated(&c), want);
		f = fix_new_caps(&c, CAP);
		ck_assert_int_eq(hvg_autoload_set(&f->al, MSR_EFER, 0x500,
						  0xd01, 0, &f->plan), 0);
		ck_assert_int_eq(hvg_autoload_set(&f->al, MSR_PGC, 0x3,
						  0x70000000full, 0, &f->plan),
				 0);
		run(f);
		ck_assert_uint_eq(f->sim.entry_ctls,
				  (efer_in ? 1u << 15 : 0) |
				  (pgc_in ? 1u << 13 : 0));
		ck_assert_uint_eq(f->sim.exit_ctls,
				  (efer_out ? 1u << 21 : 0) |
				  (pgc_out ? 1u << 12 : 0));
		ck_assert_uint_eq(f->sim.entry_count, !efer_in + !pgc_in);
		ck_assert_uint_eq(f->sim.exit_count, !efer_out + !pgc_out);
		entry(f);
		loads_once(f, MSR_EFER, 0x500);
		loads_once(f, MSR_PGC, 0x3);
		vmexit(f);
		loads_once(f, MSR_EFER, 0xd01);
		loads_once(f, MSR_PGC, 0x70000000full);

		ck_assert_uint_eq(hvg_autoload_where(&f->al, MSR_EFER, &g, &h),
				  (efer_in ? HVG_AL_IN_ENTRY_FIELD :
					     HVG_AL_IN_ENTRY_LIST) |
				  (efer_out ? HVG_AL_IN_EXIT_FIELD :
					      HVG_AL_IN_EXIT_LIST));
		ck_assert(g == 0x500 && h == 0xd01);

		ck_assert_int_eq(hvg_autoload_clear(&f->al, MSR_EFER, &f->plan),
				 0);
		ck_assert_int_eq(hvg_autoload_clear(&f->al, MSR_PGC, &f->plan),
				 0);
		run(f);
		ck_assert_uint_eq(f->sim.entry_ctls, 0);
		ck_assert_uint_eq(f->sim.exit_ctls, 0);
		ck_assert_uint_eq(f->sim.entry_count, 0);
		ck_assert_uint_eq(f->sim.exit_count, 0);
		entry(f);
		loads_none(f, MSR_EFER);
		loads_none(f, MSR_PGC);
		free(f);
	}
	ck_assert_uint_eq(hvg_autoload_dedicated(NULL), 0);
}
END_TEST

START_TEST(init_rejects_bad_input)
{
	struct hvg_autoload_caps c = caps_of(ALL_ENTRY, ALL_EXIT, false, false);
	struct hvg_autoload_caps bad;
	struct fix *f = fix_lists();
	struct hvg_msr_entry *e = f->entry, *x = f->exit, *s = f->store;
	struct hvg_msr_entry *odd = (struct hvg_msr_entry *)((char *)x + 8);
	struct snap sn;

	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 2, 0, &f->plan), 0);
	take(&sn, f);
	ck_assert_int_eq(hvg_autoload_init(NULL, &c, e, x, s, 4), -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_init(&f->al, NULL, e, x, s, 4),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_init(&f->al, &c, NULL, x, s, 4),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_init(&f->al, &c, e, NULL, s, 4),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_init(&f->al, &c, e, x, NULL, 4),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_init(&f->al, &c, e, x, s, 0),
			 -HVG_EINVAL);
	/* SDM: bits 3:0 of each list address must be 0. */
	ck_assert_int_eq(hvg_autoload_init(&f->al, &c, e, odd, s, 2),
			 -HVG_EINVAL);
	/* Lists may not overlap, in any pair. */
	ck_assert_int_eq(hvg_autoload_init(&f->al, &c, e, e + 1, s, 2),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_init(&f->al, &c, e, x, e, 1),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_init(&f->al, &c, e, x, x + 1, 2),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_init(&f->al, &c, e + 1, e, s, 2),
			 -HVG_EINVAL);
	bad = c;
	bad.flags = 2;
	ck_assert_int_eq(hvg_autoload_init(&f->al, &bad, e, x, s, 4),
			 -HVG_EINVAL);
	bad = c;
	bad.reserved = 1;
	ck_assert_int_eq(hvg_autoload_init(&f->al, &bad, e, x, s, 4),
			 -HVG_EINVAL);
	unchanged(&sn, f);
	/* Adjacent lists are fine. */
	ck_assert_int_eq(hvg_autoload_init(&f->al, &c, e, e + 1, e + 2, 1), 0);
	ck_assert_uint_eq(f->al.cap, 1);
	ck_assert_int_eq(hvg_autoload_cpu_init(NULL), -HVG_EINVAL);
	free(f);
}
END_TEST

/* ---- single MSRs ------------------------------------------------------ */

static void list_is(const struct hvg_msr_entry *l, u32 nr, const u32 *msrs,
		    const u64 *vals)
{
	u32 i;

	for (i = 0; i < nr; i++) {
		ck_assert_msg(l[i].index == msrs[i] && l[i].value == vals[i] &&
			      l[i].reserved == 0,
			      "entry %u: {%#x, %#llx}, expected {%#x, %#llx}",
			      i, l[i].index, (unsigned long long)l[i].value,
			      msrs[i], (unsigned long long)vals[i]);
	}
}

START_TEST(add_update_remove_keeps_order)
{
	struct fix *f = fix_lists();
	static const u32 abc[] = { 0x10, 0x20, 0x30 }, ac[] = { 0x10, 0x30 },
			 acd[] = { 0x10, 0x30, 0x40 };
	static const u64 g1[] = { 1, 2, 3 }, h1[] = { 11, 12, 13 };
	static const u64 g2[] = { 1, 3 }, h2[] = { 11, 13 };
	static const u64 g3[] = { 1, 3, 4 }, h3[] = { 11, 13, 14 };
	static const u64 g4[] = { 1, 7, 4 }, h4[] = { 11, 17, 14 };
	static const u32 cdea[] = { 0x30, 0x40, 0x50, 0x10 };
	static const u64 g5[] = { 3, 4, 5, 1 }, h5[] = { 13, 14, 15, 11 };

	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 11, 0, &f->plan), 0);
	/* First add: the two counts, in the documented order. */
	ck_assert_uint_eq(f->plan.nr, 2);
	act_is(&f->buf[0], HVG_AL_ACT_VMWRITE, F_ENTRY_LOAD_COUNT, 1);
	act_is(&f->buf[1], HVG_AL_ACT_VMWRITE, F_EXIT_LOAD_COUNT, 1);
	run(f);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x20, 2, 12, 0, &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x30, 3, 13, 0, &f->plan), 0);
	run(f);
	list_is(f->entry, 3, abc, g1);
	list_is(f->exit, 3, abc, h1);
	ck_assert_uint_eq(f->sim.entry_count, 3);
	ck_assert_uint_eq(f->sim.exit_count, 3);

	/* The same values again: no action at all. */
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x20, 2, 12, 0, &f->plan), 0);
	ck_assert_uint_eq(f->plan.nr, 0);
	/* Remove the middle one: the others keep their order. */
	ck_assert_int_eq(hvg_autoload_clear(&f->al, 0x20, &f->plan), 0);
	ck_assert_uint_eq(f->plan.nr, 2);
	run(f);
	list_is(f->entry, 2, ac, g2);
	list_is(f->exit, 2, ac, h2);
	ck_assert_uint_eq(f->entry[2].index, 0);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x40, 4, 14, 0, &f->plan), 0);
	run(f);
	list_is(f->entry, 3, acd, g3);
	list_is(f->exit, 3, acd, h3);
	/* Remove the first of three: no entry moves out of order. */
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x50, 5, 15, 0, &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_clear(&f->al, 0x10, &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 11, 0, &f->plan), 0);
	run(f);
	list_is(f->entry, 4, cdea, g5);
	list_is(f->exit, 4, cdea, h5);
	ck_assert_int_eq(hvg_autoload_clear(&f->al, 0x50, &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_clear(&f->al, 0x10, &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 11, 0, &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_clear(&f->al, 0x30, &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_clear(&f->al, 0x40, &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x30, 3, 13, 0, &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x40, 4, 14, 0, &f->plan), 0);
	run(f);
	list_is(f->entry, 3, acd, g3);
	/* Update in place: no count write, same position. */
	f->sim.count_writes = 0;
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x30, 7, 17, 0, &f->plan), 0);
	ck_assert_uint_eq(f->plan.nr, 0);
	list_is(f->entry, 3, acd, g4);
	list_is(f->exit, 3, acd, h4);
	entry(f);
	loads_once(f, 0x10, 1);
	loads_once(f, 0x30, 7);
	loads_once(f, 0x40, 4);
	loads_none(f, 0x20);
	vmexit(f);
	loads_once(f, 0x30, 17);
	ck_assert_uint_eq(f->sim.count_writes, 0);
	ck_assert_int_eq(hvg_autoload_clear(&f->al, 0x20, &f->plan),
			 -HVG_ENOENT);
	free(f);
}
END_TEST

START_TEST(entry_only_entries)
{
	struct fix *f = fix_lists();
	u64 g = 0, h = 0;

	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 5, 99,
					  HVG_AL_ENTRY_ONLY, &f->plan), 0);
	ck_assert_uint_eq(f->plan.nr, 1);
	act_is(&f->buf[0], HVG_AL_ACT_VMWRITE, F_ENTRY_LOAD_COUNT, 1);
	run(f);
	ck_assert_uint_eq(hvg_autoload_where(&f->al, 0x10, &g, &h),
			  HVG_AL_IN_ENTRY_LIST);
	ck_assert_uint_eq(g, 5);
	ck_assert_uint_eq(h, 0);
	entry(f);
	loads_once(f, 0x10, 5);
	vmexit(f);
	loads_none(f, 0x10);

	/* Both ways now: the exit side is added. */
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 5, 6, 0, &f->plan), 0);
	ck_assert_uint_eq(f->plan.nr, 1);
	act_is(&f->buf[0], HVG_AL_ACT_VMWRITE, F_EXIT_LOAD_COUNT, 1);
	run(f);
	vmexit(f);
	loads_once(f, 0x10, 6);
	/* Entry-only again: the exit side goes. */
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 5, 6,
					  HVG_AL_ENTRY_ONLY, &f->plan), 0);
	run(f);
	ck_assert_uint_eq(f->sim.exit_count, 0);
	ck_assert_uint_eq(f->sim.entry_count, 1);

	/* With a dedicated field: the entry control only. */
	free(f);
	f = fix_fields();
	ck_assert_int_eq(hvg_autoload_set(&f->al, MSR_EFER, 0x500, 0xd01,
					  HVG_AL_ENTRY_ONLY, &f->plan), 0);
	ck_assert_uint_eq(f->plan.nr, 2);
	act_is(&f->buf[0], HVG_AL_ACT_VMWRITE, F_GUEST_EFER, 0x500);
	act_is(&f->buf[1], HVG_AL_ACT_SETBITS, F_ENTRY_CTLS, ENTRY_LOAD_EFER);
	run(f);
	/* The same value again: no VMWRITE; a new one: the field only. */
	ck_assert_int_eq(hvg_autoload_set(&f->al, MSR_EFER, 0x500, 0xd01,
					  HVG_AL_ENTRY_ONLY, &f->plan), 0);
	ck_assert_uint_eq(f->plan.nr, 0);
	ck_assert_int_eq(hvg_autoload_set(&f->al, MSR_EFER, 0x501, 0xd01,
					  HVG_AL_ENTRY_ONLY, &f->plan), 0);
	ck_assert_uint_eq(f->plan.nr, 1);
	act_is(&f->buf[0], HVG_AL_ACT_VMWRITE, F_GUEST_EFER, 0x501);
	run(f);
	ck_assert_uint_eq(hvg_autoload_where(&f->al, MSR_EFER, NULL, NULL),
			  HVG_AL_IN_ENTRY_FIELD);
	free(f);
}
END_TEST

START_TEST(full_list_names_the_entry_and_changes_nothing)
{
	struct hvg_autoload_caps c = caps_of(ENTRY_LOAD_EFER, 0, false, false);
	struct fix *f = fix_new_caps(&c, 2);
	struct snap sn;

	/* Entry list full. */
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 11, 0, &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x20, 2, 12, 0, &f->plan), 0);
	run(f);
	take(&sn, f);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x30, 3, 13, 0, &f->plan),
			 -HVG_ENOSPC);
	ck_assert_uint_eq(f->plan.full_list, HVG_AL_LIST_ENTRY_LOAD);
	ck_assert_uint_eq(f->plan.full_entry.index, 0x30);
	ck_assert_uint_eq(f->plan.full_entry.value, 3);
	unchanged(&sn, f);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x30, 3, 13,
					  HVG_AL_ENTRY_ONLY, &f->plan),
			 -HVG_ENOSPC);
	unchanged(&sn, f);
	/* Updating an entry of a full list needs no slot. */
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x20, 5, 15, 0, &f->plan), 0);
	ck_assert_uint_eq(f->plan.nr, 0);
	ck_assert_int_eq(hvg_autoload_clear(&f->al, 0x10, &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_clear(&f->al, 0x20, &f->plan), 0);
	run(f);

	/*
	 * Exit list full, entry list not: EFER's entry side is a field,
	 * its exit side a list entry (exit controls offer nothing).
	 */
	ck_assert_int_eq(hvg_autoload_set(&f->al, MSR_EFER, 0x500, 0xd01, 0,
					  &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 11, 0, &f->plan), 0);
	run(f);
	ck_assert_uint_eq(f->sim.entry_count, 1);
	ck_assert_uint_eq(f->sim.exit_count, 2);
	take(&sn, f);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x20, 2, 12, 0, &f->plan),
			 -HVG_ENOSPC);
	ck_assert_uint_eq(f->plan.full_list, HVG_AL_LIST_EXIT_LOAD);
	ck_assert_uint_eq(f->plan.full_entry.index, 0x20);
	ck_assert_uint_eq(f->plan.full_entry.value, 12);
	unchanged(&sn, f);
	/* Entry-only needs no exit slot. */
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x20, 2, 12,
					  HVG_AL_ENTRY_ONLY, &f->plan), 0);
	run(f);
	/* Turning it into a both-ways entry needs one: refused, untouched. */
	take(&sn, f);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x20, 9, 12, 0, &f->plan),
			 -HVG_ENOSPC);
	ck_assert_uint_eq(f->plan.full_list, HVG_AL_LIST_EXIT_LOAD);
	unchanged(&sn, f);
	entry(f);
	loads_once(f, 0x20, 2);
	free(f);
}
END_TEST

START_TEST(full_plan_names_the_action_and_changes_nothing)
{
	struct fix *f = fix_fields();
	struct snap sn;

	/* EFER both ways needs 4 actions: room for 3. */
	f->plan.max = 3;
	take(&sn, f);
	ck_assert_int_eq(hvg_autoload_set(&f->al, MSR_EFER, 0x500, 0xd01, 0,
					  &f->plan), -HVG_ENOSPC);
	ck_assert_uint_eq(f->plan.full_list, HVG_AL_LIST_PLAN);
	act_is(&f->plan.full_action, HVG_AL_ACT_SETBITS, F_EXIT_CTLS,
	       EXIT_LOAD_EFER);
	unchanged(&sn, f);
	ck_assert_uint_eq(hvg_autoload_where(&f->al, MSR_EFER, NULL, NULL), 0);

	/* A plan with one action pending and room for one more. */
	f->plan.max = HVG_AL_PLAN_MAX;
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 2,
					  HVG_AL_ENTRY_ONLY, &f->plan), 0);
	ck_assert_uint_eq(f->plan.nr, 1);
	f->plan.max = 2;
	take(&sn, f);
	ck_assert_int_eq(hvg_autoload_clear(&f->al, 0x10, &f->plan), 0);
	ck_assert_uint_eq(f->plan.nr, 2);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 2, 0, &f->plan),
			 -HVG_ENOSPC);
	act_is(&f->plan.full_action, HVG_AL_ACT_VMWRITE, F_ENTRY_LOAD_COUNT, 1);
	ck_assert_uint_eq(f->plan.nr, 2);
	f->plan.nr = 0;
	f->plan.max = HVG_AL_PLAN_MAX;

	/* Bad plans. */
	f->plan.nr = 5;
	f->plan.max = 4;
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 2, 0, &f->plan),
			 -HVG_EINVAL);
	f->plan.nr = 0;
	f->plan.act = NULL;
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 2, 0, &f->plan),
			 -HVG_EINVAL);
	/* An empty plan without memory is valid and always full. */
	f->plan.max = 0;
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 2, 0, &f->plan),
			 -HVG_ENOSPC);
	free(f);
}
END_TEST

START_TEST(set_and_clear_reject_bad_input)
{
	/* SDM "Loading MSRs": these fail on an MSR-load list. */
	static const u32 forbidden[] = { 0xc0000100, 0xc0000101, 0x800, 0x830,
					 0x8ff, 0x9b, 0x79, 0x8b, MSR_PEBS };
	static const u32 allowed[] = { 0x7ff, 0x900, 0xc0000102, 0x9a, 0x9e,
				       0 };
	struct fix *f = fix_lists();
	struct snap sn;
	u32 i;

	take(&sn, f);
	for (i = 0; i < ARRAY_SIZE(forbidden); i++)
		ck_assert_int_eq(hvg_autoload_set(&f->al, forbidden[i], 1, 2, 0,
						  &f->plan), -HVG_EPERM);
	ck_assert_int_eq(hvg_autoload_set(NULL, 0x10, 1, 2, 0, &f->plan),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 2, 0, NULL),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 2, 2, &f->plan),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_clear(NULL, 0x10, &f->plan),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_clear(&f->al, 0x10, NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_clear(&f->al, 0x10, &f->plan),
			 -HVG_ENOENT);
	unchanged(&sn, f);
	for (i = 0; i < ARRAY_SIZE(allowed); i++)
		ck_assert_int_eq(hvg_autoload_set(&f->al, allowed[i], 1, 2, 0,
						  &f->plan), 0);
	ck_assert_uint_eq(hvg_autoload_where(NULL, 0x10, NULL, NULL), 0);
	free(f);
}
END_TEST

START_TEST(store_list)
{
	struct fix *f = fix_lists();
	static const u32 order[] = { 0x10, 0x30, 0x40 };
	static const u64 vals[] = { 0, 0, 0 };
	struct snap sn;
	u64 v = 77;
	u32 i;

	ck_assert_int_eq(hvg_autoload_store_add(&f->al, 0x10, &f->plan), 0);
	ck_assert_uint_eq(f->plan.nr, 1);
	act_is(&f->buf[0], HVG_AL_ACT_VMWRITE, F_EXIT_STORE_COUNT, 1);
	ck_assert_int_eq(hvg_autoload_store_add(&f->al, 0x20, &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_store_add(&f->al, 0x30, &f->plan), 0);
	run(f);
	ck_assert_int_eq(hvg_autoload_store_read(&f->al, 0x20, &v), 0);
	ck_assert_uint_eq(v, 0);
	/* The VM exit stores the guest's values. */
	sim_wrmsr(&f->sim, 0x20, 0x1234);
	sim_wrmsr(&f->sim, 0x30, 0x5678);
	vmexit(f);
	ck_assert_int_eq(hvg_autoload_store_read(&f->al, 0x20, &v), 0);
	ck_assert_uint_eq(v, 0x1234);
	ck_assert_int_eq(hvg_autoload_store_read(&f->al, 0x30, &v), 0);
	ck_assert_uint_eq(v, 0x5678);
	/* An MSR may be stored and switched at the same time. */
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x20, 1, 2, 0, &f->plan), 0);

	take(&sn, f);
	ck_assert_int_eq(hvg_autoload_store_add(&f->al, 0x20, &f->plan),
			 -HVG_EEXIST);
	/* SDM "Saving MSRs": x2APIC MSRs and IA32_SMBASE cannot be stored. */
	ck_assert_int_eq(hvg_autoload_store_add(&f->al, 0x800, &f->plan),
			 -HVG_EPERM);
	ck_assert_int_eq(hvg_autoload_store_add(&f->al, 0x8ff, &f->plan),
			 -HVG_EPERM);
	ck_assert_int_eq(hvg_autoload_store_add(&f->al, 0x9e, &f->plan),
			 -HVG_EPERM);
	ck_assert_int_eq(hvg_autoload_store_add(NULL, 0x50, &f->plan),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_store_add(&f->al, 0x50, NULL),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_store_remove(&f->al, 0x50, &f->plan),
			 -HVG_ENOENT);
	ck_assert_int_eq(hvg_autoload_store_remove(NULL, 0x10, &f->plan),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_store_remove(&f->al, 0x10, NULL),
			 -HVG_EINVAL);
	v = 77;
	ck_assert_int_eq(hvg_autoload_store_read(&f->al, 0x50, &v),
			 -HVG_ENOENT);
	ck_assert_uint_eq(v, 77);
	ck_assert_int_eq(hvg_autoload_store_read(NULL, 0x10, &v), -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_store_read(&f->al, 0x10, NULL),
			 -HVG_EINVAL);
	/* Plan full. */
	f->plan.max = f->plan.nr;
	ck_assert_int_eq(hvg_autoload_store_add(&f->al, 0x50, &f->plan),
			 -HVG_ENOSPC);
	ck_assert_uint_eq(f->plan.full_list, HVG_AL_LIST_PLAN);
	act_is(&f->plan.full_action, HVG_AL_ACT_VMWRITE, F_EXIT_STORE_COUNT,
	       4);
	ck_assert_int_eq(hvg_autoload_store_remove(&f->al, 0x10, &f->plan),
			 -HVG_ENOSPC);
	act_is(&f->plan.full_action, HVG_AL_ACT_VMWRITE, F_EXIT_STORE_COUNT,
	       2);
	f->plan.max = HVG_AL_PLAN_MAX;
	unchanged(&sn, f);

	/* Remove the middle one; order stays. */
	ck_assert_int_eq(hvg_autoload_store_remove(&f->al, 0x20, &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_store_add(&f->al, 0x40, &f->plan), 0);
	run(f);
	ck_assert_uint_eq(f->sim.store_count, 3);
	for (i = 0; i < 3; i++)
		f->store[i].value = 0;
	list_is(f->store, 3, order, vals);
	/* Fill it. */
	for (i = 3; i < CAP; i++)
		ck_assert_int_eq(hvg_autoload_store_add(&f->al, 0x100 + i,
							&f->plan), 0);
	run(f);
	take(&sn, f);
	ck_assert_int_eq(hvg_autoload_store_add(&f->al, 0x200, &f->plan),
			 -HVG_ENOSPC);
	ck_assert_uint_eq(f->plan.full_list, HVG_AL_LIST_EXIT_STORE);
	ck_assert_uint_eq(f->plan.full_entry.index, 0x200);
	unchanged(&sn, f);
	free(f);
}
END_TEST

START_TEST(vmcs_setup_programs_everything_in_order)
{
	struct fix *f = fix_fields();
	struct snap sn;
	struct sim fresh;

	ck_assert_int_eq(hvg_autoload_set(&f->al, MSR_PGC, 3, 0xf, 0,
					  &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 2, 0, &f->plan), 0);
	ck_assert_int_eq(hvg_autoload_store_add(&f->al, 0x10, &f->plan), 0);
	f->plan.nr = 0;

	ck_assert_int_eq(hvg_autoload_vmcs_setup(&f->al, 0x1000, 0x2000,
						 0x3000, &f->plan), 0);
	ck_assert_uint_eq(f->plan.nr, 12);
	act_is(&f->buf[0], HVG_AL_ACT_VMWRITE, F_ENTRY_LOAD_ADDR, 0x1000);
	act_is(&f->buf[1], HVG_AL_ACT_VMWRITE, F_EXIT_LOAD_ADDR, 0x2000);
	act_is(&f->buf[2], HVG_AL_ACT_VMWRITE, F_EXIT_STORE_ADDR, 0x3000);
	act_is(&f->buf[3], HVG_AL_ACT_VMWRITE, F_GUEST_PGC, 3);
	act_is(&f->buf[4], HVG_AL_ACT_VMWRITE, F_HOST_PGC, 0xf);
	act_is(&f->buf[5], HVG_AL_ACT_SETBITS, F_ENTRY_CTLS, ENTRY_LOAD_PGC);
	act_is(&f->buf[6], HVG_AL_ACT_CLEARBITS, F_ENTRY_CTLS, ENTRY_LOAD_EFER);
	act_is(&f->buf[7], HVG_AL_ACT_SETBITS, F_EXIT_CTLS, EXIT_LOAD_PGC);
	act_is(&f->buf[8], HVG_AL_ACT_CLEARBITS, F_EXIT_CTLS, EXIT_LOAD_EFER);
	act_is(&f->buf[9], HVG_AL_ACT_VMWRITE, F_ENTRY_LOAD_COUNT, 1);
	act_is(&f->buf[10], HVG_AL_ACT_VMWRITE, F_EXIT_LOAD_COUNT, 1);
	act_is(&f->buf[11], HVG_AL_ACT_VMWRITE, F_EXIT_STORE_COUNT, 1);

	/* A fresh VMCS with garbage controls gets exactly the state. */
	memset(&fresh, 0, sizeof(fresh));
	fresh.entry_ctls = ~0u;
	fresh.exit_ctls = 0;
	f->sim = fresh;
	run(f);
	ck_assert_uint_eq(f->sim.entry_ctls, ~ENTRY_LOAD_EFER);
	ck_assert_uint_eq(f->sim.exit_ctls, EXIT_LOAD_PGC);
	entry(f);
	loads_once(f, MSR_PGC, 3);
	loads_once(f, 0x10, 1);

	/* Nothing dedicated on: both controls cleared, none set. */
	ck_assert_int_eq(hvg_autoload_clear(&f->al, MSR_PGC, &f->plan), 0);
	f->plan.nr = 0;
	ck_assert_int_eq(hvg_autoload_vmcs_setup(&f->al, 0, 0, 0, &f->plan),
			 0);
	ck_assert_uint_eq(f->plan.nr, 8);
	act_is(&f->buf[3], HVG_AL_ACT_CLEARBITS, F_ENTRY_CTLS,
	       ENTRY_LOAD_EFER | ENTRY_LOAD_PGC);
	act_is(&f->buf[4], HVG_AL_ACT_CLEARBITS, F_EXIT_CTLS,
	       EXIT_LOAD_EFER | EXIT_LOAD_PGC);
	/* All four on: all set, none cleared. */
	ck_assert_int_eq(hvg_autoload_set(&f->al, MSR_EFER, 1, 2, 0, &f->plan),
			 0);
	ck_assert_int_eq(hvg_autoload_set(&f->al, MSR_PGC, 3, 4, 0, &f->plan),
			 0);
	f->plan.nr = 0;
	ck_assert_int_eq(hvg_autoload_vmcs_setup(&f->al, 0, 0, 0, &f->plan),
			 0);
	ck_assert_uint_eq(f->plan.nr, 12);
	act_is(&f->buf[3], HVG_AL_ACT_VMWRITE, F_GUEST_EFER, 1);
	act_is(&f->buf[4], HVG_AL_ACT_VMWRITE, F_HOST_EFER, 2);
	act_is(&f->buf[5], HVG_AL_ACT_VMWRITE, F_GUEST_PGC, 3);
	act_is(&f->buf[6], HVG_AL_ACT_VMWRITE, F_HOST_PGC, 4);
	act_is(&f->buf[7], HVG_AL_ACT_SETBITS, F_ENTRY_CTLS,
	       ENTRY_LOAD_EFER | ENTRY_LOAD_PGC);
	act_is(&f->buf[8], HVG_AL_ACT_SETBITS, F_EXIT_CTLS,
	       EXIT_LOAD_EFER | EXIT_LOAD_PGC);
	act_is(&f->buf[9], HVG_AL_ACT_VMWRITE, F_ENTRY_LOAD_COUNT, 1);
	f->plan.nr = 0;

	/* Errors. */
	take(&sn, f);
	ck_assert_int_eq(hvg_autoload_vmcs_setup(&f->al, 0x1008, 0x2000,
						 0x3000, &f->plan),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_vmcs_setup(&f->al, 0x1000, 0x2001,
						 0x3000, &f->plan),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_vmcs_setup(&f->al, 0x1000, 0x2000,
						 0x3004, &f->plan),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_vmcs_setup(NULL, 0, 0, 0, &f->plan),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_vmcs_setup(&f->al, 0, 0, 0, NULL),
			 -HVG_EINVAL);
	f->plan.max = 10;
	ck_assert_int_eq(hvg_autoload_vmcs_setup(&f->al, 0, 0, 0, &f->plan),
			 -HVG_ENOSPC);
	act_is(&f->plan.full_action, HVG_AL_ACT_VMWRITE, F_EXIT_LOAD_COUNT, 1);
	f->plan.max = HVG_AL_PLAN_MAX;
	unchanged(&sn, f);
	free(f);
}
END_TEST

/* ---- the perf switch ---------------------------------------------------- */

/* Perform one exit-step action on the simulator. */
static void exit_steps(struct fix *f)
{
	struct hvg_al_action a;
	int ret, n = 0;

	while ((ret = hvg_autoload_exit_step(&f->al, &a)) > 0) {
		ck_assert_int_lt(++n, 64);
		if (a.op != HVG_AL_ACT_NONE)
			sim_do(&f->sim, &a);
	}
	ck_assert_int_eq(ret, 0);
	ck_assert_uint_eq(a.op, HVG_AL_ACT_NONE);
	ck_assert_uint_eq(f->al.phase, HVG_AL_IDLE);
}

/* One round trip: begin, switch, plan, VM entry, VM exit, exit steps. */
static void window(struct fix *f, const struct hvg_perf_msr *m, u32 n,
		   u32 flags)
{
	ck_assert_int_eq(hvg_autoload_enter_begin(&f->al, &f->cpu), 0);
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, n, flags,
						  &f->plan), 0);
	run(f);
	entry(f);
	vmexit(f);
	exit_steps(f);
}

/* Per-entry states: absent, host == guest, two different pairs. */
#define P_ABSENT	0
#define P_EQUAL		1
#define P_DIFF		2
#define P_DIFF2		3

static const u32 perf_msrs[3] = { MSR_PGC, MSR_DS_AREA, MSR_DATA_CFG };

static u32 perf_array(struct hvg_perf_msr *m, u32 code)
{
	u32 i, st, n = 0;

	for (i = 0; i < 3; i++) {
		st = (code >> (2 * i)) & 3;
		if (st == P_ABSENT)
			continue;
		m[n].msr = perf_msrs[i];
		m[n].flags = 0;
		m[n].host = st == P_EQUAL ? 0x55 : st == P_DIFF ? 0x10 + i :
								  0x20 + i;
		m[n].guest = st == P_EQUAL ? 0x55 : st == P_DIFF ? 0x30 + i :
								   0x40 + i;
		n++;
	}
	return n;
}

/*
 * Every transition between two VM entries of three perf MSRs (one with a
 * dedicated field where the caps allow), each absent, equal, or different
 * with two different pairs: after the second switch, exactly the entries
 * whose host and guest differ are loaded, with their values, once each;
 * the others are loaded neither way and never written; an unchanged array
 * costs no action at all.
 */
static void perf_transitions(bool fields)
{
	struct hvg_perf_msr a[3], b[3];
	u32 ca, cb, na, nb, i, st, nlist;
	struct fix *f;

	for (ca = 0; ca < 64; ca++) {
		for (cb = 0; cb < 64; cb++) {
			f = fields ? fix_fields() : fix_lists();
			na = perf_array(a, ca);
			nb = perf_array(b, cb);
			window(f, a, na, 0);
			f->sim.vmwrites = f->sim.ctl_writes = 0;
			f->sim.count_writes = f->sim.wrmsrs = 0;
			ck_assert_int_eq(hvg_autoload_enter_begin(&f->al,
								  &f->cpu), 0);
			ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, b, nb,
								  0, &f->plan),
					 0);
			if (ca == cb)
				ck_assert_uint_eq(f->plan.nr, 0);
			run(f);
			ck_assert_uint_eq(f->sim.wrmsrs, 0);
			entry(f);
			nlist = 0;
			for (i = 0; i < 3; i++) {
				st = (cb >> (2 * i)) & 3;
				if (st < P_DIFF) {
					loads_none(f, perf_msrs[i]);
					continue;
				}
				loads_once(f, perf_msrs[i],
					   st == P_DIFF ? 0x30 + i : 0x40 + i);
				nlist += !(fields && i == 0);
			}
			ck_assert_uint_eq(f->sim.entry_count, nlist);
			vmexit(f);
			for (i = 0; i < 3; i++) {
				st = (cb >> (2 * i)) & 3;
				if (st < P_DIFF)
					loads_none(f, perf_msrs[i]);
				else
					loads_once(f, perf_msrs[i],
						   st == P_DIFF ? 0x10 + i :
								  0x20 + i);
			}
			ck_assert_uint_eq(f->sim.exit_count, nlist);
			exit_steps(f);
			free(f);
		}
	}
}

START_TEST(perf_switch_equal_and_different_lists)
{
	perf_transitions(false);
}
END_TEST

START_TEST(perf_switch_equal_and_different_fields)
{
	perf_transitions(true);
}
END_TEST

/*
 * The steady-state test compares everything: for every array length up
 * to HVG_PERF_MAX, the same array again costs no action, and a change of
 * any word of any entry (the MSR, the flags, the host or the guest value)
 * is seen and applied.
 */
START_TEST(perf_switch_sees_every_change)
{
	struct hvg_perf_msr m[HVG_PERF_MAX], n[HVG_PERF_MAX];
	u32 len, i, word;
	struct fix *f;
	u64 g, h;

	for (len = 0; len <= HVG_PERF_MAX; len++) {
		for (i = 0; i < len; i++)
			m[i] = (struct hvg_perf_msr){ 0x100 + i, 0, 0x10 + i,
						      0x20 + i };
		for (i = 0; i < len; i++) {
			for (word = 0; word < 4; word++) {
				f = fix_lists();
				window(f, m, len, 0);
				ck_assert_int_eq(hvg_autoload_enter_begin(&f->al,
						 &f->cpu), 0);
				ck_assert_int_eq(hvg_autoload_perf_switch(&f->al,
						 m, len, 0, &f->plan), 0);
				ck_assert_uint_eq(f->plan.nr, 0);
				exit_steps(f);
				memcpy(n, m, sizeof(n));
				if (word == 0)
					n[i].msr = 0x200;
				else if (word == 1)
					n[i].flags = HVG_PERF_VOLATILE;
				else if (word == 2)
					n[i].host = 0x99;
				else
					n[i].guest = 0x98;
				if (word == 1)
					n[i].guest = 0;
				ck_assert_int_eq(hvg_autoload_enter_begin(&f->al,
						 &f->cpu), 0);
				ck_assert_int_eq(hvg_autoload_perf_switch(&f->al,
						 n, len, 0, &f->plan), 0);
				if (word == 1) {
					/* Volatile now: off the lists. */
					ck_assert(f->al.armed);
					ck_assert_uint_eq(hvg_autoload_where(
						&f->al, 0x100 + i, NULL, NULL),
						0);
				} else {
					ck_assert_uint_eq(hvg_autoload_where(
						&f->al, n[i].msr, &g, &h),
						HVG_AL_IN_ENTRY_LIST |
						HVG_AL_IN_EXIT_LIST);
					ck_assert(g == n[i].guest &&
						  h == n[i].host);
				}
				exit_steps(f);
				free(f);
			}
		}
	}
	/* A corrupt length is never taken for the same array. */
	f = fix_lists();
	f->al.perf_nr = HVG_PERF_MAX + 1;
	ck_assert_int_eq(hvg_autoload_enter_begin(&f->al, &f->cpu), 0);
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, HVG_PERF_MAX + 1,
						  0, &f->plan), -HVG_ENOSPC);
	free(f);
}
END_TEST

START_TEST(perf_switch_action_order)
{
	struct fix *f = fix_fields();
	struct hvg_perf_msr m[4] = {
		{ MSR_PGC, 0, 2, 1 },
		{ MSR_PEBS, 0, 3, 0 },
		{ MSR_DS_AREA, 0, 5, 4 },
		{ MSR_DATA_CFG, 0, 7, 6 },
	};

	ck_assert_int_eq(hvg_autoload_enter_begin(&f->al, &f->cpu), 0);
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, 4, 0, &f->plan),
			 0);
	ck_assert_uint_eq(f->plan.nr, 7);
	act_is(&f->buf[0], HVG_AL_ACT_WRMSR, MSR_PEBS, 0);
	act_is(&f->buf[1], HVG_AL_ACT_VMWRITE, F_GUEST_PGC, 1);
	act_is(&f->buf[2], HVG_AL_ACT_VMWRITE, F_HOST_PGC, 2);
	act_is(&f->buf[3], HVG_AL_ACT_SETBITS, F_ENTRY_CTLS, ENTRY_LOAD_PGC);
	act_is(&f->buf[4], HVG_AL_ACT_SETBITS, F_EXIT_CTLS, EXIT_LOAD_PGC);
	act_is(&f->buf[5], HVG_AL_ACT_VMWRITE, F_ENTRY_LOAD_COUNT, 2);
	act_is(&f->buf[6], HVG_AL_ACT_VMWRITE, F_EXIT_LOAD_COUNT, 2);
	run(f);
	entry(f);
	loads_none(f, MSR_PEBS);
	vmexit(f);
	loads_none(f, MSR_PEBS);
	exit_steps(f);
	/* The exit steps restored PEBS_ENABLE to the snapshot, once. */
	loads_once(f, MSR_PEBS, 3);

	/* PGC equal, DS_AREA gone, DATA_CFG changed, PEBS host now 0. */
	m[0].guest = 2;
	m[1].host = 0;
	m[2] = m[3];
	m[2].guest = 8;
	ck_assert_int_eq(hvg_autoload_enter_begin(&f->al, &f->cpu), 0);
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, 3, 0, &f->plan),
			 0);
	ck_assert_uint_eq(f->plan.nr, 4);
	act_is(&f->buf[0], HVG_AL_ACT_CLEARBITS, F_ENTRY_CTLS, ENTRY_LOAD_PGC);
	act_is(&f->buf[1], HVG_AL_ACT_CLEARBITS, F_EXIT_CTLS, EXIT_LOAD_PGC);
	act_is(&f->buf[2], HVG_AL_ACT_VMWRITE, F_ENTRY_LOAD_COUNT, 1);
	act_is(&f->buf[3], HVG_AL_ACT_VMWRITE, F_EXIT_LOAD_COUNT, 1);
	run(f);
	entry(f);
	loads_once(f, MSR_DATA_CFG, 8);
	loads_none(f, MSR_DS_AREA);
	loads_none(f, MSR_PGC);
	vmexit(f);
	exit_steps(f);
	/* The host value in the snapshot is 0: PEBS_ENABLE is not written. */
	loads_none(f, MSR_PEBS);
	free(f);
}
END_TEST

START_TEST(perf_switch_rejects_bad_input)
{
	struct hvg_autoload_caps c = caps_of(0, 0, false, false);
	struct fix *f = fix_new_caps(&c, 4);
	struct hvg_perf_msr m[HVG_PERF_MAX + 1], ok[2] = {
		{ MSR_DS_AREA, 0, 1, 2 }, { MSR_PEBS, 0, 3, 0 },
	};
	struct snap sn;
	u32 i;

	for (i = 0; i <= HVG_PERF_MAX; i++)
		m[i] = (struct hvg_perf_msr){ 0x100 + i, 0, 1, 2 };
	ck_assert_int_eq(hvg_autoload_set(&f->al, 0x10, 1, 2, 0, &f->plan), 0);
	window(f, ok, 2, 0);
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, ok, 2, 0, &f->plan),
			 -HVG_ESTATE);
	ck_assert_int_eq(hvg_autoload_enter_begin(&f->al, &f->cpu), 0);
	ck_assert_int_eq(hvg_autoload_enter_begin(&f->al, &f->cpu),
			 -HVG_ESTATE);
	take(&sn, f);

	ck_assert_int_eq(hvg_autoload_perf_switch(NULL, ok, 2, 0, &f->plan),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, ok, 2, 0, NULL),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, NULL, 2, 0,
						  &f->plan), -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, ok, 2, 2, &f->plan),
			 -HVG_EINVAL);
	m[0].flags = 2;
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, 2, 0, &f->plan),
			 -HVG_EINVAL);
	m[0].flags = 0;
	m[1].msr = m[0].msr;
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, 2, 0, &f->plan),
			 -HVG_EINVAL);
	m[1].msr = 0x101;
	/* A volatile entry's guest value must be 0. */
	m[0].flags = HVG_PERF_VOLATILE;
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, 2, 0, &f->plan),
			 -HVG_EINVAL);
	/* PEBS_ENABLE without isolation is volatile: guest 0 too. */
	m[0] = (struct hvg_perf_msr){ MSR_PEBS, 0, 1, 1 };
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, 2, 0, &f->plan),
			 -HVG_EINVAL);
	/* Two volatile entries. */
	m[0].guest = 0;
	m[1] = (struct hvg_perf_msr){ 0x101, HVG_PERF_VOLATILE, 1, 0 };
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, 2, 0, &f->plan),
			 -HVG_EINVAL);
	m[0] = (struct hvg_perf_msr){ 0x100, 0, 1, 2 };
	m[1] = (struct hvg_perf_msr){ 0x101, 0, 1, 2 };
	/* May not be on an MSR-load list. */
	m[1].msr = 0xc0000100;
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, 2, 0, &f->plan),
			 -HVG_EPERM);
	/* Switched by hvg_autoload_set(). */
	m[1].msr = 0x10;
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, 2, 0, &f->plan),
			 -HVG_EEXIST);
	m[1].msr = 0x101;
	/* More than HVG_PERF_MAX. */
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, HVG_PERF_MAX + 1,
						  0, &f->plan), -HVG_ENOSPC);
	ck_assert_uint_eq(f->plan.full_list, HVG_AL_LIST_PERF);
	ck_assert_uint_eq(f->plan.full_entry.index, 0x100 + HVG_PERF_MAX);
	/*
	 * Lists full: 0x10 and DS_AREA use 2 of 4 slots. The new array
	 * drops DS_AREA, so 0x100-0x102 fit and 0x103 does not.
	 */
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, 4, 0, &f->plan),
			 -HVG_ENOSPC);
	ck_assert_uint_eq(f->plan.full_list, HVG_AL_LIST_ENTRY_LOAD);
	ck_assert_uint_eq(f->plan.full_entry.index, 0x103);
	ck_assert_uint_eq(f->plan.full_entry.value, 2);
	/* Plan full, unchanged array: the volatile WRMSR does not fit. */
	f->plan.max = 0;
	f->plan.act = NULL;
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, ok, 2, 0, &f->plan),
			 -HVG_ENOSPC);
	ck_assert_uint_eq(f->plan.full_list, HVG_AL_LIST_PLAN);
	act_is(&f->plan.full_action, HVG_AL_ACT_WRMSR, MSR_PEBS, 0);
	/* Plan full, new array: its first action is the entry count. */
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, 2, 0, &f->plan),
			 -HVG_ENOSPC);
	act_is(&f->plan.full_action, HVG_AL_ACT_VMWRITE, F_ENTRY_LOAD_COUNT, 3);
	f->plan.act = f->buf;
	f->plan.max = HVG_AL_PLAN_MAX;
	unchanged(&sn, f);

	/* Still open: a switch that fits succeeds now. */
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, 3, 0, &f->plan),
			 0);
	run(f);
	exit_steps(f);
	ck_assert_uint_eq(f->sim.entry_count, 4);
	ck_assert_uint_eq(hvg_autoload_where(&f->al, MSR_DS_AREA, NULL, NULL),
			  0);
	free(f);
}
END_TEST

START_TEST(perf_owned_msrs_refuse_set_and_clear)
{
	struct fix *f = fix_lists();
	struct hvg_perf_msr m[2] = {
		{ MSR_DS_AREA, 0, 1, 2 }, { MSR_FIXED_CTRL, 0, 5, 5 },
	};
	struct snap sn;

	window(f, m, 2, 0);
	take(&sn, f);
	/* Both are the perf switch's, whether switched now or not. */
	ck_assert_int_eq(hvg_autoload_set(&f->al, MSR_DS_AREA, 1, 2, 0,
					  &f->plan), -HVG_EPERM);
	ck_assert_int_eq(hvg_autoload_clear(&f->al, MSR_DS_AREA, &f->plan),
			 -HVG_EPERM);
	ck_assert_int_eq(hvg_autoload_set(&f->al, MSR_FIXED_CTRL, 1, 2, 0,
					  &f->plan), -HVG_EPERM);
	unchanged(&sn, f);
	/* Once perf stops reporting them, they are free again. */
	window(f, NULL, 0, 0);
	ck_assert_uint_eq(f->sim.entry_count, 0);
	ck_assert_int_eq(hvg_autoload_set(&f->al, MSR_DS_AREA, 1, 2, 0,
					  &f->plan), 0);
	free(f);
}
END_TEST

/*
 * Invariant (3): with PEBS isolation, IA32_PEBS_ENABLE is never written
 * on a transition, whatever values perf hands over; the PMI hook never
 * tells the handler to write anything but its own value.
 */
START_TEST(pebs_isolation_never_writes_pebs_enable)
{
	static const u64 vals[][2] = { { 0, 0 }, { 3, 0 }, { 0, 5 }, { 3, 5 },
				       { 7, 7 } };
	struct hvg_perf_msr m[2];
	struct fix *f = fix_fields();
	u32 i;

	for (i = 0; i < ARRAY_SIZE(vals); i++) {
		m[0] = (struct hvg_perf_msr){ MSR_PGC, 0, 0xf, 0x3 };
		m[1] = (struct hvg_perf_msr){ MSR_PEBS, i & 1 ?
					      HVG_PERF_VOLATILE : 0,
					      vals[i][0], vals[i][1] };
		sim_clear_loads(&f->sim);
		f->sim.wrmsrs = 0;
		ck_assert_int_eq(hvg_autoload_enter_begin(&f->al, &f->cpu), 0);
		ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, m, 2,
							  HVG_PERF_PEBS_ISOLATION,
							  &f->plan), 0);
		run(f);
		ck_assert_uint_eq(f->sim.wrmsrs, 0);
		ck_assert_uint_eq(READ_ONCE(f->cpu.open), 0);
		ck_assert_uint_eq(hvg_autoload_pmi(&f->cpu, 9), 9);
		entry(f);
		loads_none(f, MSR_PEBS);
		loads_once(f, MSR_PGC, 0x3);
		vmexit(f);
		loads_none(f, MSR_PEBS);
		exit_steps(f);
		ck_assert_uint_eq(f->sim.wrmsrs, 0);
		ck_assert_uint_eq(hvg_autoload_where(&f->al, MSR_PEBS, NULL,
						     NULL), 0);
	}
	free(f);
}
END_TEST

START_TEST(pmi_hook_answers_by_window)
{
	struct fix *f = fix_lists();
	struct hvg_perf_msr m = { MSR_PEBS, 0, 6, 0 };
	u32 gen;

	/* Outside a window the handler writes its own value. */
	gen = f->cpu.gen;
	ck_assert_uint_eq(hvg_autoload_pmi(&f->cpu, 6), 6);
	ck_assert_uint_eq(f->cpu.gen, gen + 1);
	ck_assert_uint_eq(f->cpu.host, 6);
	ck_assert_int_eq(hvg_autoload_enter_begin(&f->al, &f->cpu), 0);
	/* Open but not armed yet: still its own value. */
	ck_assert_uint_eq(hvg_autoload_pmi(&f->cpu, 6), 6);
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, &m, 1, 0, &f->plan),
			 0);
	/* Armed: 0, and the value is recorded. */
	ck_assert_uint_eq(hvg_autoload_pmi(&f->cpu, 2), 0);
	ck_assert_uint_eq(f->cpu.host, 2);
	ck_assert_uint_eq(f->cpu.gen, gen + 3);
	run(f);
	sim_clear_loads(&f->sim);
	exit_steps(f);
	/* The exit steps wrote the value the last PMI reported. */
	loads_once(f, MSR_PEBS, 2);
	ck_assert_uint_eq(hvg_autoload_pmi(&f->cpu, 0), 0);
	ck_assert_uint_eq(hvg_autoload_pmi(&f->cpu, 4), 4);
	ck_assert_uint_eq(hvg_autoload_pmi(NULL, 4), 4);
	free(f);
}
END_TEST

START_TEST(window_steps_reject_bad_state)
{
	struct fix *f = fix_lists();
	struct hvg_al_action a = { 9, 9, 9 };
	struct snap sn;

	take(&sn, f);
	ck_assert_int_eq(hvg_autoload_exit_step(&f->al, &a), -HVG_ESTATE);
	ck_assert_uint_eq(a.op, HVG_AL_ACT_NONE);
	ck_assert_int_eq(hvg_autoload_exit_step(NULL, &a), -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_exit_step(&f->al, NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_enter_begin(NULL, &f->cpu), -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_enter_begin(&f->al, NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, NULL, 0, 0,
						  &f->plan), -HVG_ESTATE);
	unchanged(&sn, f);
	/* A corrupt phase is refused, not followed. */
	f->al.phase = 99;
	ck_assert_int_eq(hvg_autoload_exit_step(&f->al, &a), -HVG_ESTATE);
	f->al.phase = HVG_AL_IDLE;
	/* An abandoned window (no switch) closes in one step. */
	ck_assert_int_eq(hvg_autoload_enter_begin(&f->al, &f->cpu), 0);
	ck_assert_int_eq(hvg_autoload_exit_step(&f->al, &a), 0);
	ck_assert_uint_eq(f->al.phase, HVG_AL_IDLE);
	free(f);
}
END_TEST

/*
 * The steady state of the volatile protocol, with no PMI: perf's value 0
 * costs no write at all; any other value costs the quiesce write and the
 * restore, and the MSR is 0 while the guest runs.
 */
START_TEST(volatile_steady_state_writes)
{
	struct fix *f = fix_lists();
	struct hvg_perf_msr m = { 0x3f1, 0, 0, 0 };
	u32 round;

	for (round = 0; round < 3; round++) {
		f->sim.wrmsrs = 0;
		window(f, &m, 1, 0);
		ck_assert_uint_eq(f->sim.wrmsrs, 0);
	}
	sim_wrmsr(&f->sim, MSR_PEBS, 5);
	m.host = 5;
	for (round = 0; round < 3; round++) {
		f->sim.wrmsrs = 0;
		ck_assert_int_eq(hvg_autoload_enter_begin(&f->al, &f->cpu), 0);
		ck_assert_int_eq(hvg_autoload_perf_switch(&f->al, &m, 1, 0,
							  &f->plan), 0);
		/* Unchanged array: only the quiesce write. */
		ck_assert_uint_eq(f->plan.nr, 1);
		run(f);
		entry(f);
		ck_assert_uint_eq(sim_rdmsr(&f->sim, MSR_PEBS), 0);
		vmexit(f);
		exit_steps(f);
		ck_assert_uint_eq(f->sim.wrmsrs, 2);
		ck_assert_uint_eq(sim_rdmsr(&f->sim, MSR_PEBS), 5);
	}
	free(f);
}
END_TEST

/* ---- every PMI interleaving of the VM entry/exit window --------------- */

/*
 * The window as the glue runs it, one step per point where an NMI can
 * land. Each library call in it does at most one access to the state it
 * shares with the PMI handler, so injecting a PMI before every step
 * covers every interleaving at those accesses; each action of a plan is
 * its own step, as the glue performs them one by one.
 */
enum ex_step {
	EX_BEGIN,	/* hvg_autoload_enter_begin() */
	EX_SNAPSHOT,	/* perf_guest_get_msrs(): perf reads its own state */
	EX_SWITCH,	/* hvg_autoload_perf_switch() */
	EX_ACT,		/* the glue performs the next action of the plan */
	EX_ENTRY,	/* VMLAUNCH/VMRESUME: the guest runs, then exits */
	EX_STEP,	/* hvg_autoload_exit_step() */
	EX_WRITE,	/* the glue performs the WRMSR the step returned */
	EX_DONE,
};

#define EX_ROUNDS	3	/* VM round trips per scenario */
#define EX_PMIS		2	/* PMIs per scenario, at any steps */

struct world {
	struct hvg_autoload al;
	struct hvg_autoload_cpu cpu;
	struct hvg_msr_entry lists[3][4] __attribute__((aligned(16)));
	struct hvg_al_action buf[HVG_AL_PLAN_MAX];
	struct hvg_al_plan plan;
	struct hvg_perf_msr snap[2];
	struct hvg_al_action pending;
	struct sim sim;		/* the VMCS and the MSRs */
	u64 sw;			/* perf's cpuc->pebs_enabled */
	u32 step, act, round, pmis;
	bool iso;		/* the part has PEBS isolation */
	bool reprogrammed;	/* perf changed its value outside a window */
	u32 transition_writes;	/* PEBS_ENABLE writes not by a PMI */
	u32 steady_writes;	/* what they must be if no PMI runs */
};

struct ex_stats {
	unsigned long leaves, steps, pmis;
};

static void world_copy(struct world *d, const struct world *s)
{
	memcpy(d, s, sizeof(*d));
	d->al.entry_load = d->lists[0];
	d->al.exit_load = d->lists[1];
	d->al.exit_store = d->lists[2];
	if (d->al.cpu)
		d->al.cpu = &d->cpu;
	d->plan.act = d->buf;
}

static u64 pebs_hw(struct world *w)
{
	return sim_rdmsr(&w->sim, MSR_PEBS);
}

/* A PMI that throttles the events in @clear (possibly none). */
static void ex_pmi(struct world *w, u64 clear)
{
	u64 v;

	w->sw &= ~clear;
	v = hvg_autoload_pmi(&w->cpu, w->sw);
	/* The hook never invents bits: the handler writes its value or 0. */
	ck_assert(v == w->sw || v == 0);
	if (w->iso)
		ck_assert_uint_eq(v, w->sw);
	sim_wrmsr(&w->sim, MSR_PEBS, v);
	w->pmis++;
	/* Outside a window the MSR always follows perf. */
	if (w->step == EX_BEGIN || w->step == EX_DONE)
		ck_assert_uint_eq(pebs_hw(w), w->sw);
}

/*
 * Between two windows perf schedules new events in normal context: it sets
 * its value and writes the MSR itself, without the PMI hook (interrupts
 * are on, no window is open). The value the last PMI reported is stale.
 */
static void ex_reprogram(struct world *w)
{
	w->sw = 3;
	sim_wrmsr(&w->sim, MSR_PEBS, w->sw);
	w->reprogrammed = true;
}

static void ex_wrmsr(struct world *w, const struct hvg_al_action *a)
{
	ck_assert_uint_eq(a->target, MSR_PEBS);
	sim_do(&w->sim, a);
	w->transition_writes++;
}

static void ex_vcpu(struct world *w)
{
	struct hvg_al_action a;
	int ret;

	switch (w->step) {
	case EX_BEGIN:
		ck_assert_int_eq(hvg_autoload_enter_begin(&w->al, &w->cpu), 0);
		w->step = EX_SNAPSHOT;
		break;
	case EX_SNAPSHOT:
		/* Round 0 switches GLOBAL_CTRL, round 1 drops it (equal). */
		w->snap[0] = (struct hvg_perf_msr){ MSR_PGC, 0, 0xf,
						    w->round ? 0xf : 0x3 };
		w->snap[1] = (struct hvg_perf_msr){ MSR_PEBS, 0, w->sw, 0 };
		/* Quiesce and restore if perf's value is not 0, else nothing. */
		w->steady_writes += w->sw && !w->iso ? 2 : 0;
		w->step = EX_SWITCH;
		break;
	case EX_SWITCH:
		w->plan.nr = 0;
		ck_assert_int_eq(hvg_autoload_perf_switch(&w->al, w->snap, 2,
				 w->iso ? HVG_PERF_PEBS_ISOLATION : 0,
				 &w->plan), 0);
		w->act = 0;
		w->step = w->plan.nr ? EX_ACT : EX_ENTRY;
		break;
	case EX_ACT:
		a = w->buf[w->act++];
		if (a.op == HVG_AL_ACT_WRMSR)
			ex_wrmsr(w, &a);
		else
			sim_do(&w->sim, &a);
		if (w->act == w->plan.nr)
			w->step = EX_ENTRY;
		break;
	case EX_ENTRY:
		sim_vm_entry(&w->sim, w->lists[0]);
		/* PEBS_ENABLE is never on a list. */
		ck_assert_uint_eq(sim_loads(&w->sim, MSR_PEBS), 0);
		/* (1) no host PEBS bit while the guest runs. */
		if (!w->iso)
			ck_assert_uint_eq(pebs_hw(w), 0);
		sim_vm_exit(&w->sim, w->lists[1], w->lists[2]);
		ck_assert_uint_eq(sim_loads(&w->sim, MSR_PEBS), 0);
		w->step = EX_STEP;
		break;
	case EX_STEP:
		ret = hvg_autoload_exit_step(&w->al, &w->pending);
		ck_assert_int_ge(ret, 0);
		if (w->pending.op == HVG_AL_ACT_WRMSR) {
			ck_assert_int_eq(ret, 1);
			w->step = EX_WRITE;
		} else if (!ret) {
			/* (2) exit handling is done: the MSR is perf's value. */
			ck_assert_uint_eq(pebs_hw(w), w->sw);
			w->step = ++w->round == EX_ROUNDS ? EX_DONE : EX_BEGIN;
		}
		break;
	case EX_WRITE:
		ex_wrmsr(w, &w->pending);
		w->step = EX_STEP;
		break;
	default:
		ck_abort();
	}
}

/*
 * Depth-first over every schedule: before each vCPU step, either no PMI
 * or one PMI clearing any subset of perf's bits (while fewer than EX_PMIS
 * ran); and once, between the first two windows, perf may reprogram. A
 * child is a copy of its parent plus one event; nothing is replayed.
 * Recursion is fine in a test; the depth is the schedule length.
 */
static void explore(const struct world *w, struct ex_stats *st)
{
	struct world n;
	u64 b;

	if (w->step == EX_DONE) {
		/* (3) with isolation nothing writes PEBS_ENABLE on a transition. */
		if (w->iso)
			ck_assert_uint_eq(w->transition_writes, 0);
		/* Without PMIs: a zero value costs nothing, else 2 per trip. */
		if (!w->pmis)
			ck_assert_uint_eq(w->transition_writes,
					  w->steady_writes);
		st->leaves++;
		return;
	}
	world_copy(&n, w);
	ex_vcpu(&n);
	st->steps++;
	explore(&n, st);
	if (w->step == EX_BEGIN && w->round == 1 && !w->reprogrammed) {
		world_copy(&n, w);
		ex_reprogram(&n);
		explore(&n, st);
	}
	if (w->pmis == EX_PMIS)
		return;
	/* Every subset of the bits perf has set, including none. */
	for (b = w->sw;; b = (b - 1) & w->sw) {
		world_copy(&n, w);
		ex_pmi(&n, b);
		st->pmis++;
		explore(&n, st);
		if (!b)
			break;
	}
}

START_TEST(every_pmi_interleaving_keeps_the_invariants)
{
	struct hvg_autoload_caps caps[2] = {
		caps_of(0, 0, false, false),
		caps_of(ALL_ENTRY, ALL_EXIT, true, false),
	};
	struct ex_stats st = { 0, 0, 0 };
	struct world *w = aligned_alloc(64, sizeof(*w));
	u32 sw, iso, c;

	ck_assert_ptr_nonnull(w);
	for (c = 0; c < 2; c++) {
		for (iso = 0; iso < 2; iso++) {
			for (sw = 0; sw < 4; sw++) {
				memset(w, 0, sizeof(*w));
				ck_assert_int_eq(hvg_autoload_init(&w->al,
						 &caps[c], w->lists[0],
						 w->lists[1], w->lists[2], 4),
						 0);
				ck_assert_int_eq(hvg_autoload_cpu_init(&w->cpu),
						 0);
				w->plan = (struct hvg_al_plan){
					.act = w->buf, .max = HVG_AL_PLAN_MAX };
				w->iso = iso;
				w->sw = sw;
				sim_wrmsr(&w->sim, MSR_PEBS, sw);
				explore(w, &st);
			}
		}
	}
	/* Sanity of the enumeration itself: it went deep and wide. */
	ck_assert_uint_gt(st.leaves, 10000);
	ck_assert_uint_gt(st.pmis, st.leaves / 2);
	free(w);
}
END_TEST

Suite *autoload_suite(void)
{
	Suite *s = suite_create("autoload");
	TCase *tc;

	tc = hvg_tcase("lists");
	tcase_add_test(tc, entry_layout_is_architectural);
	tcase_add_test(tc, recommended_max_from_vmx_misc);
	tcase_add_test(tc, capacity_is_min_of_memory_and_kconfig);
	tcase_add_test(tc, dedicated_fields_every_combination);
	tcase_add_test(tc, init_rejects_bad_input);
	tcase_add_test(tc, add_update_remove_keeps_order);
	tcase_add_test(tc, entry_only_entries);
	tcase_add_test(tc, full_list_names_the_entry_and_changes_nothing);
	tcase_add_test(tc, full_plan_names_the_action_and_changes_nothing);
	tcase_add_test(tc, set_and_clear_reject_bad_input);
	tcase_add_test(tc, store_list);
	tcase_add_test(tc, vmcs_setup_programs_everything_in_order);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("perf");
	tcase_add_test(tc, perf_switch_equal_and_different_lists);
	tcase_add_test(tc, perf_switch_equal_and_different_fields);
	tcase_add_test(tc, perf_switch_sees_every_change);
	tcase_add_test(tc, perf_switch_action_order);
	tcase_add_test(tc, perf_switch_rejects_bad_input);
	tcase_add_test(tc, perf_owned_msrs_refuse_set_and_clear);
	tcase_add_test(tc, pebs_isolation_never_writes_pebs_enable);
	tcase_add_test(tc, pmi_hook_answers_by_window);
	tcase_add_test(tc, window_steps_reject_bad_state);
	tcase_add_test(tc, volatile_steady_state_writes);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("interleavings");
	tcase_add_test(tc, every_pmi_interleaving_keeps_the_invariants);
	suite_add_tcase(s, tc);
	return s;
}
