// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * lbr: descriptions, the guest MSR access decision, IA32_PERF_CAPABILITIES
 * validation, the VM-entry pass-through decision, the lazy release, and an
 * exhaustive sequence test of the state machine.
 *
 * Expected values are written from the manuals and the reference, never
 * computed by the code under test: MSR addresses from the SDM Vol. 4 MSR
 * tables (Skylake's LBR_NHM_FROM 0x680, LBR_NHM_TO 0x6c0, LBR_INFO_0
 * 0xdc0, MSR_LBR_SELECT 0x1c8, MSR_LASTBRANCH_TOS 0x1c9; Arch LBR's
 * IA32_LBR_x_FROM_IP 0x1500, _TO_IP 0x1600, _INFO 0x1200, IA32_LBR_CTL
 * 0x14ce, IA32_LBR_DEPTH 0x14cf), bit positions from the SDM, decisions
 * from reference/upstream-kvm.md (a) and the issue. The sequence test
 * drives the library and a model of the glue and perf written from the
 * reference's rules side by side and compares them after every step.
 */
#include <stdio.h>
#include <stdlib.h>

#include "hvgate_test.h"

/* ---- fixtures ---------------------------------------------------------- */

/* SDM Vol. 4, Skylake: 32 FROM/TO/INFO records, SELECT, TOS. */
static const struct hvg_lbr_desc skl = {
	.kind = HVG_LBR_KIND_LEGACY, .nr = 32, .from = 0x680, .to = 0x6c0,
	.info = 0xdc0, .select = 0x1c8, .tos = 0x1c9, .format = 0x05,
};

/* SDM Vol. 3B "Architectural LBRs": depth 32 at the fixed bases. */
static const struct hvg_lbr_desc arch32 = {
	.kind = HVG_LBR_KIND_ARCH, .nr = 32, .from = 0x1500, .to = 0x1600,
	.info = 0x1200, .format = 0x3f,
};

#define MAX_SLOTS	128

struct rig {
	struct hvg_msrmap map;
	struct hvg_msr_policy pol;
	struct hvg_msr_slot slots[MAX_SLOTS];
	struct hvg_lbr_vcpu v;
};

static u8 map_mem[HVG_VMX_MSR_BITMAP_SIZE] __attribute__((aligned(4096)));

/* The MSRs of a description, listed from the SDM addresses above. */
static u32 set_of(const struct hvg_lbr_desc *d, u32 *out)
{
	u32 n = 0, i;

	if (d->select)
		out[n++] = d->select;
	if (d->tos)
		out[n++] = d->tos;
	for (i = 0; i < d->nr; i++) {
		out[n++] = d->from + i;
		out[n++] = d->to + i;
		if (d->info)
			out[n++] = d->info + i;
	}
	return n;
}

/*
 * A VMX policy whose allow list is @d's MSRs read/write (listed by hand,
 * not by hvg_lbr_allow_list()) plus IA32_TSC reads for the hypervisor.
 */
static void rig_init(struct rig *r, const struct hvg_lbr_desc *d)
{
	struct hvg_msr_allow a[MAX_SLOTS];
	u32 msrs[MAX_SLOTS], n, i;

	n = set_of(d, msrs);
	for (i = 0; i < n; i++)
		a[i] = (struct hvg_msr_allow) { msrs[i], HVG_MSR_RW };
	a[n++] = (struct hvg_msr_allow) { HVG_MSR_IA32_TSC, HVG_MSR_READ };
	ck_assert_int_eq(hvg_msrmap_init(&r->map, HVG_MSRMAP_VMX, map_mem,
					 sizeof(map_mem)), 0);
	ck_assert_int_eq(hvg_msr_policy_init(&r->pol, &r->map, a, n, r->slots,
					     MAX_SLOTS), 0);
	ck_assert_int_eq(hvg_msr_policy_want(&r->pol, HVG_MSR_OWNER_HV,
					     HVG_MSR_IA32_TSC, HVG_MSR_READ), 0);
	ck_assert_int_eq(hvg_lbr_vcpu_init(&r->v, d, &r->pol), 0);
}

/* Every MSR of @d passed through both ways (@on) or intercepted both ways. */
static void assert_set(const struct rig *r, const struct hvg_lbr_desc *d,
		       bool on)
{
	u32 msrs[MAX_SLOTS], n, i;

	n = set_of(d, msrs);
	for (i = 0; i < n; i++) {
		ck_assert_msg(hvg_msrmap_intercepts(&r->map, msrs[i],
						    HVG_MSR_READ) == !on,
			      "msr %#x read", msrs[i]);
		ck_assert_msg(hvg_msrmap_intercepts(&r->map, msrs[i],
						    HVG_MSR_WRITE) == !on,
			      "msr %#x write", msrs[i]);
	}
	/* Nothing else moved: TSC reads stay the hypervisor's. */
	ck_assert(!hvg_msrmap_intercepts(&r->map, HVG_MSR_IA32_TSC,
					 HVG_MSR_READ));
	ck_assert_uint_eq(hvg_test_clear_bits(map_mem, sizeof(map_mem)),
			  1 + (on ? 2 * n : 0));
}

/* Bring a rig's vCPU to HELD (event created) or PASSTHROUGH. */
static void to_held(struct rig *r)
{
	ck_assert_int_eq(hvg_lbr_msr_access(&r->v, r->v.desc.from, false),
			 HVG_LBR_ACCESS_CREATE_EVENT);
	ck_assert_int_eq(hvg_lbr_event_created(&r->v, true),
			 HVG_LBR_ACCESS_HW_IF_ACTIVE);
	ck_assert_int_eq(r->v.state, HVG_LBR_HELD);
}

static void to_passthrough(struct rig *r)
{
	if (r->v.state == HVG_LBR_IDLE)
		to_held(r);
	ck_assert_int_eq(hvg_lbr_vmentry(&r->v, HVG_LBR_EV_ACTIVE, 0),
			 HVG_LBR_ENTRY_MAP_CHANGED);
	ck_assert_int_eq(r->v.state, HVG_LBR_PASSTHROUGH);
}

/* ---- descriptions ------------------------------------------------------ */

START_TEST(record_msr_predicate_legacy_skylake)
{
	static const u32 in[] = { 0x1c8, 0x1c9, 0x680, 0x69f, 0x6c0, 0x6df,
				  0xdc0, 0xddf };
	static const u32 out[] = { 0x1c7, 0x1ca, 0x67f, 0x6a0, 0x6bf, 0x6e0,
				   0xdbf, 0xde0, 0x1d9, 0x345, 0x14ce, 0x14cf,
				   0x1500, 0x0, 0xffffffff };
	size_t i;

	ck_assert_int_eq(hvg_lbr_desc_check(&skl), 0);
	for (i = 0; i < ARRAY_SIZE(in); i++)
		ck_assert_msg(hvg_lbr_is_record_msr(&skl, in[i]), "%#x", in[i]);
	for (i = 0; i < ARRAY_SIZE(out); i++)
		ck_assert_msg(!hvg_lbr_is_record_msr(&skl, out[i]), "%#x",
			      out[i]);
	/* 32 x 3 records + SELECT + TOS. */
	ck_assert_uint_eq(hvg_lbr_nr_msrs(&skl), 98);
}
END_TEST

START_TEST(record_msr_predicate_legacy_without_info)
{
	/* SDM: Core 2 stacks at 0x40/0x60, 4 deep, TOS only, no INFO. */
	static const struct hvg_lbr_desc core2 = {
		.kind = HVG_LBR_KIND_LEGACY, .nr = 4, .from = 0x40,
		.to = 0x60, .tos = 0x1c9, .format = 0x01,
	};

	ck_assert_int_eq(hvg_lbr_desc_check(&core2), 0);
	ck_assert(hvg_lbr_is_record_msr(&core2, 0x43));
	ck_assert(!hvg_lbr_is_record_msr(&core2, 0x44));
	ck_assert(hvg_lbr_is_record_msr(&core2, 0x60));
	ck_assert(!hvg_lbr_is_record_msr(&core2, 0x64));
	ck_assert(hvg_lbr_is_record_msr(&core2, 0x1c9));
	ck_assert(!hvg_lbr_is_record_msr(&core2, 0x1c8));
	/* INFO 0 is "none", never MSR 0. */
	ck_assert(!hvg_lbr_is_record_msr(&core2, 0x0));
	ck_assert_uint_eq(hvg_lbr_nr_msrs(&core2), 9);
}
END_TEST

START_TEST(record_msr_predicate_arch)
{
	ck_assert_int_eq(hvg_lbr_desc_check(&arch32), 0);
	ck_assert(hvg_lbr_is_record_msr(&arch32, 0x1500));
	ck_assert(hvg_lbr_is_record_msr(&arch32, 0x151f));
	ck_assert(!hvg_lbr_is_record_msr(&arch32, 0x1520));
	ck_assert(hvg_lbr_is_record_msr(&arch32, 0x1600));
	ck_assert(hvg_lbr_is_record_msr(&arch32, 0x161f));
	ck_assert(!hvg_lbr_is_record_msr(&arch32, 0x1620));
	ck_assert(hvg_lbr_is_record_msr(&arch32, 0x1200));
	ck_assert(hvg_lbr_is_record_msr(&arch32, 0x121f));
	ck_assert(!hvg_lbr_is_record_msr(&arch32, 0x1220));
	/* CTL and DEPTH are intercepted registers, not records. */
	ck_assert(!hvg_lbr_is_record_msr(&arch32, 0x14ce));
	ck_assert(!hvg_lbr_is_record_msr(&arch32, 0x14cf));
	/* No LBR_SELECT or TOS with Arch LBR. */
	ck_assert(!hvg_lbr_is_record_msr(&arch32, 0x1c8));
	ck_assert(!hvg_lbr_is_record_msr(&arch32, 0x1c9));
	ck_assert_uint_eq(hvg_lbr_nr_msrs(&arch32), 96);
}
END_TEST

START_TEST(record_msr_predicate_false_when_lbr_off)
{
	struct hvg_lbr_desc off = skl;

	off.nr = 0;
	ck_assert_int_eq(hvg_lbr_desc_check(&off), 0);
	ck_assert(!hvg_lbr_is_record_msr(&off, 0x680));
	ck_assert(!hvg_lbr_is_record_msr(&off, 0x1c9));
	ck_assert(!hvg_lbr_is_record_msr(NULL, 0x680));
	ck_assert_uint_eq(hvg_lbr_nr_msrs(&off), 0);
	ck_assert_uint_eq(hvg_lbr_nr_msrs(NULL), 0);
}
END_TEST

/* One field of a description changed, and the verdict. */
struct desc_case {
	const struct hvg_lbr_desc *base;
	size_t field;		/* offsetof() a u32 field */
	u32 value;
	int err;
};

#define F(name)	offsetof(struct hvg_lbr_desc, name)

static const struct desc_case desc_cases[] = {
	{ &skl, F(kind), 3, -HVG_EINVAL },
	{ &skl, F(kind), HVG_LBR_KIND_NONE, -HVG_EINVAL },
	{ &skl, F(nr), 33, -HVG_EINVAL },
	{ &skl, F(format), 0, -HVG_EINVAL },
	{ &skl, F(format), 0x3f, -HVG_EINVAL },
	{ &skl, F(from), 0, -HVG_EINVAL },
	{ &skl, F(to), 0, -HVG_EINVAL },
	/* Overlaps: TO inside FROM, SELECT inside INFO, TOS on SELECT. */
	{ &skl, F(to), 0x69f, -HVG_EEXIST },
	{ &skl, F(select), 0xddf, -HVG_EEXIST },
	{ &skl, F(tos), 0x1c8, -HVG_EEXIST },
	/* Adjacent stacks are fine, above or below. */
	{ &skl, F(to), 0x6a0, 0 },
	{ &skl, F(to), 0x660, 0 },
	{ &skl, F(to), 0x661, -HVG_EEXIST },
	/* Inside 0x0-0x1fff up to the last MSR, not one past. */
	{ &skl, F(info), 0x1fe0, 0 },
	{ &skl, F(info), 0x1fe1, -HVG_ERANGE },
	{ &skl, F(tos), 0xc0000080, -HVG_ERANGE },
	{ &skl, F(from), 0xffffffff, -HVG_ERANGE },
	/* Arch LBR: multiples of 8 up to 32, architectural everything. */
	{ &arch32, F(nr), 8, 0 },
	{ &arch32, F(nr), 12, -HVG_EINVAL },
	{ &arch32, F(nr), 40, -HVG_EINVAL },
	{ &arch32, F(format), 5, -HVG_EINVAL },
	{ &arch32, F(from), 0x680, -HVG_EINVAL },
	{ &arch32, F(to), 0x6c0, -HVG_EINVAL },
	{ &arch32, F(info), 0, -HVG_EINVAL },
	{ &arch32, F(select), 0x1c8, -HVG_EINVAL },
	{ &arch32, F(tos), 0x1c9, -HVG_EINVAL },
};

START_TEST(desc_check_rejects_bad_descriptions)
{
	struct hvg_lbr_desc d;
	size_t i;

	ck_assert_int_eq(hvg_lbr_desc_check(NULL), -HVG_EINVAL);
	for (i = 0; i < ARRAY_SIZE(desc_cases); i++) {
		d = *desc_cases[i].base;
		memcpy((u8 *)&d + desc_cases[i].field, &desc_cases[i].value,
		       sizeof(u32));
		ck_assert_msg(hvg_lbr_desc_check(&d) == desc_cases[i].err,
			      "case %zu", i);
		/* An invalid description has no pass-through set. */
		if (desc_cases[i].err)
			ck_assert_uint_eq(hvg_lbr_nr_msrs(&d), 0);
	}
}
END_TEST

START_TEST(allow_list_enumerates_the_pass_through_set)
{
	struct hvg_msr_allow a[100], guard[100];
	u32 msrs[100], n = 12345, i;

	/* Order: SELECT, TOS, then FROM, TO, INFO stacks. */
	ck_assert_int_eq(hvg_lbr_allow_list(&skl, a, 98, &n), 0);
	ck_assert_uint_eq(n, 98);
	ck_assert_uint_eq(a[0].msr, 0x1c8);
	ck_assert_uint_eq(a[1].msr, 0x1c9);
	ck_assert_uint_eq(a[2].msr, 0x680);
	ck_assert_uint_eq(a[33].msr, 0x69f);
	ck_assert_uint_eq(a[34].msr, 0x6c0);
	ck_assert_uint_eq(a[66].msr, 0xdc0);
	ck_assert_uint_eq(a[97].msr, 0xddf);
	/* The same set as listed by hand, every entry read/write. */
	ck_assert_uint_eq(set_of(&skl, msrs), 98);
	for (i = 0; i < 98; i++) {
		ck_assert_uint_eq(a[i].dirs, HVG_MSR_RW);
		ck_assert(hvg_lbr_is_record_msr(&skl, a[i].msr));
	}
	ck_assert_int_eq(hvg_lbr_allow_list(&arch32, a, 100, &n), 0);
	ck_assert_uint_eq(n, 96);
	ck_assert_uint_eq(a[0].msr, 0x1500);
	ck_assert_uint_eq(a[95].msr, 0x121f);

	/* Errors leave @out and @nr alone. */
	memset(a, 0x5a, sizeof(a));
	memcpy(guard, a, sizeof(a));
	n = 7;
	ck_assert_int_eq(hvg_lbr_allow_list(&skl, a, 97, &n), -HVG_ENOSPC);
	ck_assert_int_eq(hvg_lbr_allow_list(NULL, a, 100, &n), -HVG_EINVAL);
	ck_assert_int_eq(hvg_lbr_allow_list(&skl, a, 100, NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_lbr_allow_list(&skl, NULL, 100, &n), -HVG_EINVAL);
	{
		struct hvg_lbr_desc bad = skl;

		bad.to = 0x690;
		ck_assert_int_eq(hvg_lbr_allow_list(&bad, a, 100, &n),
				 -HVG_EEXIST);
		/* LBR off: an empty list, and NULL @out is fine. */
		bad.nr = 0;
		ck_assert(!memcmp(a, guard, sizeof(a)));
		ck_assert_uint_eq(n, 7);
		ck_assert_int_eq(hvg_lbr_allow_list(&bad, NULL, 0, &n), 0);
		ck_assert_uint_eq(n, 0);
	}
}
END_TEST

/* ---- what the host can offer, and IA32_PERF_CAPABILITIES ---------------- */

/* Skylake as perf reports it: 32 records with INFO, LBR_FMT 5, call stack. */
static const struct hvg_lbr_host skl_host = {
	.kind = HVG_LBR_KIND_LEGACY, .nr = 32, .from = 0x680, .to = 0x6c0,
	.info = 0xdc0, .perf_caps = 0x33c5, .call_stack = true,
};

/* Sapphire Rapids-like Arch LBR: depths 8-32 (EAX[3:0]), all filters. */
static const struct hvg_lbr_host arch_host = {
	.kind = HVG_LBR_KIND_ARCH, .cpuid_1c_eax = 0x4000000f,
	.cpuid_1c_ebx = 0x7,
};

START_TEST(host_offer_needs_legacy_call_stack_lbr)
{
	struct hvg_lbr_host h;
	struct hvg_lbr_desc o;

	ck_assert_int_eq(hvg_lbr_host_offer(&skl_host, &o), 0);
	ck_assert(!memcmp(&o, &skl, sizeof(o)));

	/* No call-stack mode, no records, no format, a mediated PMU, none. */
	h = skl_host; h.call_stack = false;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), 0);
	ck_assert_uint_eq(o.nr, 0);
	ck_assert_uint_eq(o.kind, HVG_LBR_KIND_NONE);
	h = skl_host; h.nr = 0;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), 0);
	ck_assert_uint_eq(o.nr, 0);
	h = skl_host; h.perf_caps = 0x33c0;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), 0);
	ck_assert_uint_eq(o.nr, 0);
	h = skl_host; h.mediated_pmu = true;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), 0);
	ck_assert_uint_eq(o.nr, 0);
	h = skl_host; h.kind = HVG_LBR_KIND_NONE;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), 0);
	ck_assert_uint_eq(o.nr, 0);
	/* Without INFO (an older format): no INFO stack offered. */
	h = skl_host; h.info = 0; h.perf_caps = 0x3;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), 0);
	ck_assert_uint_eq(o.nr, 32);
	ck_assert_uint_eq(o.info, 0);
	ck_assert_uint_eq(o.format, 3);
}
END_TEST

START_TEST(host_offer_arch_lbr_at_the_maximum_depth)
{
	struct hvg_lbr_host h;
	struct hvg_lbr_desc o;

	/* EAX[3:0] set: depths 8, 16, 24, 32; perf uses 32. */
	ck_assert_int_eq(hvg_lbr_host_offer(&arch_host, &o), 0);
	ck_assert(!memcmp(&o, &arch32, sizeof(o)));
	/* Only 8 and 16 (bits 0 and 1): 16. */
	h = arch_host; h.cpuid_1c_eax = 0x3;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), 0);
	ck_assert_uint_eq(o.nr, 16);
	/* Call stack needs CPL and branch filtering too. */
	h = arch_host; h.cpuid_1c_ebx = 0x6;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), 0);
	ck_assert_uint_eq(o.nr, 0);
	h = arch_host; h.cpuid_1c_ebx = 0x3;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), 0);
	ck_assert_uint_eq(o.nr, 0);
	/* No depth, or a depth beyond the 32 records the SDM defines. */
	h = arch_host; h.cpuid_1c_eax = 0x40000000;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), 0);
	ck_assert_uint_eq(o.nr, 0);
	h = arch_host; h.cpuid_1c_eax = 0x1f;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), 0);
	ck_assert_uint_eq(o.nr, 0);
	h = arch_host; h.mediated_pmu = true;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), 0);
	ck_assert_uint_eq(o.nr, 0);
}
END_TEST

START_TEST(host_offer_rejects_inconsistent_hosts)
{
	struct hvg_lbr_desc o, o0;
	struct hvg_lbr_host h;

	memset(&o, 0x5a, sizeof(o));
	o0 = o;
	ck_assert_int_eq(hvg_lbr_host_offer(NULL, &o), -HVG_EINVAL);
	ck_assert_int_eq(hvg_lbr_host_offer(&skl_host, NULL), -HVG_EINVAL);
	h = skl_host; h.kind = 7;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), -HVG_EINVAL);
	h = skl_host; h.nr = 33;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), -HVG_EINVAL);
	h = skl_host; h.perf_caps = 0x3f;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), -HVG_EINVAL);
	h = skl_host; h.from = 0;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), -HVG_EINVAL);
	h = skl_host; h.to = 0;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), -HVG_EINVAL);
	/* Bases that overlap LBR_SELECT, or leave the low range. */
	h = skl_host; h.info = 0x1c0;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), -HVG_EEXIST);
	h = skl_host; h.info = 0x1ff0;
	ck_assert_int_eq(hvg_lbr_host_offer(&h, &o), -HVG_ERANGE);
	ck_assert(!memcmp(&o, &o0, sizeof(o)));
}
END_TEST

START_TEST(perf_caps_lbr_format_must_be_the_hosts_or_zero)
{
	struct hvg_lbr_desc off = { 0 };

	/* LBR_FMT 0: always acceptable, whatever the other bits. */
	ck_assert_int_eq(hvg_lbr_check_perf_caps(&skl, 0, false), 0);
	ck_assert_int_eq(hvg_lbr_check_perf_caps(&skl, 0x33c0, true), 0);
	ck_assert_int_eq(hvg_lbr_check_perf_caps(&off, 0x2000, true), 0);
	/* The host's format with a consistent model. */
	ck_assert_int_eq(hvg_lbr_check_perf_caps(&skl, 0x05, true), 0);
	ck_assert_int_eq(hvg_lbr_check_perf_caps(&skl, 0x33c5, true), 0);
	/* Another format, or the host's with another model. */
	ck_assert_int_eq(hvg_lbr_check_perf_caps(&skl, 0x04, true),
			 -HVG_ENOTSUP);
	ck_assert_int_eq(hvg_lbr_check_perf_caps(&skl, 0x3f, true),
			 -HVG_ENOTSUP);
	ck_assert_int_eq(hvg_lbr_check_perf_caps(&skl, 0x05, false),
			 -HVG_ENOTSUP);
	/* Nothing offered: any non-zero format fails. */
	ck_assert_int_eq(hvg_lbr_check_perf_caps(&off, 0x05, true),
			 -HVG_ENOTSUP);
	/* Arch LBR: 0x3f, architectural, so the model does not matter. */
	ck_assert_int_eq(hvg_lbr_check_perf_caps(&arch32, 0x3f, false), 0);
	ck_assert_int_eq(hvg_lbr_check_perf_caps(&arch32, 0x05, true),
			 -HVG_ENOTSUP);
	ck_assert_int_eq(hvg_lbr_check_perf_caps(NULL, 0, true), -HVG_EINVAL);
}
END_TEST

START_TEST(guest_description_at_refresh)
{
	struct hvg_lbr_desc d, d0;

	memset(&d, 0x5a, sizeof(d));
	ck_assert_int_eq(hvg_lbr_desc_for_guest(&d, &skl, 0x33c5, true), 0);
	ck_assert(!memcmp(&d, &skl, sizeof(d)));
	/* LBR_FMT 0, or a model that changed since: LBR off. */
	ck_assert_int_eq(hvg_lbr_desc_for_guest(&d, &skl, 0x33c0, true), 0);
	ck_assert_uint_eq(d.nr, 0);
	ck_assert_uint_eq(d.from, 0);
	ck_assert_int_eq(hvg_lbr_desc_for_guest(&d, &skl, 0x5, false), 0);
	ck_assert_uint_eq(d.nr, 0);
	/* Arch LBR does not depend on the model. */
	ck_assert_int_eq(hvg_lbr_desc_for_guest(&d, &arch32, 0x3f, false), 0);
	ck_assert(!memcmp(&d, &arch32, sizeof(d)));
	/* A format that was never acceptable: error, @desc untouched. */
	d0 = d;
	ck_assert_int_eq(hvg_lbr_desc_for_guest(&d, &skl, 0x4, true),
			 -HVG_ENOTSUP);
	ck_assert_int_eq(hvg_lbr_desc_for_guest(&d, &(struct hvg_lbr_desc){0},
						0x5, true), -HVG_ENOTSUP);
	ck_assert_int_eq(hvg_lbr_desc_for_guest(NULL, &skl, 5, true),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_lbr_desc_for_guest(&d, NULL, 5, true),
			 -HVG_EINVAL);
	ck_assert(!memcmp(&d, &d0, sizeof(d)));
}
END_TEST

/* ---- DEBUGCTL, IA32_LBR_CTL, PMI freeze ---------------------------------- */

START_TEST(arch_lbr_ctl_bits_follow_cpuid_1c_ebx)
{
	/* LBREn (bit 0) needs nothing. */
	ck_assert(hvg_lbr_arch_ctl_valid(0x1, 0));
	ck_assert(hvg_lbr_arch_ctl_valid(0x0, 0));
	/* OS and USR (bits 1, 2) need CPL filtering, EBX[0]. */
	ck_assert(!hvg_lbr_arch_ctl_valid(0x2, 0x6));
	ck_assert(!hvg_lbr_arch_ctl_valid(0x4, 0x6));
	ck_assert(hvg_lbr_arch_ctl_valid(0x7, 0x1));
	/* CALL_STACK (bit 3) needs EBX[2]. */
	ck_assert(!hvg_lbr_arch_ctl_valid(0x9, 0x3));
	ck_assert(hvg_lbr_arch_ctl_valid(0x9, 0x4));
	/* Branch-type bits 22:16 need branch filtering, EBX[1]. */
	ck_assert(!hvg_lbr_arch_ctl_valid(0x10000, 0x5));
	ck_assert(!hvg_lbr_arch_ctl_valid(0x400000, 0x5));
	ck_assert(hvg_lbr_arch_ctl_valid(0x7f0001, 0x2));
	/* Reserved: 15:4 and 63:23, whatever the CPU supports. */
	ck_assert(hvg_lbr_arch_ctl_valid(0x7f000f, 0x7));
	ck_assert(!hvg_lbr_arch_ctl_valid(0x10, 0x7));
	ck_assert(!hvg_lbr_arch_ctl_valid(0x8000, 0x7));
	ck_assert(!hvg_lbr_arch_ctl_valid(0x800000, 0x7));
	ck_assert(!hvg_lbr_arch_ctl_valid(1ULL << 63, 0x7));
}
END_TEST

START_TEST(debugctl_lbr_bits_and_legacy_freeze)
{
	struct hvg_lbr_desc off = skl;

	off.nr = 0;
	/* DEBUGCTL bit 0 LBR, bit 11 FREEZE_LBRS_ON_PMI (SDM). */
	ck_assert_uint_eq(hvg_lbr_debugctl_bits(&skl), 0x801);
	ck_assert_uint_eq(hvg_lbr_debugctl_bits(&off), 0);
	ck_assert_uint_eq(hvg_lbr_debugctl_bits(&arch32), 0);
	ck_assert_uint_eq(hvg_lbr_debugctl_bits(NULL), 0);

	/* PMU v2 and v3: a PMI clears LBR when FREEZE_LBRS_ON_PMI is set. */
	ck_assert_uint_eq(hvg_lbr_pmi_debugctl(&skl, 0x801, 2), 0x800);
	ck_assert_uint_eq(hvg_lbr_pmi_debugctl(&skl, 0x4803, 3), 0x4802);
	ck_assert_uint_eq(hvg_lbr_pmi_debugctl(&skl, 0x001, 3), 0x001);
	/* v1 and v4+ (streamlined freeze not emulated): unchanged. */
	ck_assert_uint_eq(hvg_lbr_pmi_debugctl(&skl, 0x801, 1), 0x801);
	ck_assert_uint_eq(hvg_lbr_pmi_debugctl(&skl, 0x801, 4), 0x801);
	ck_assert_uint_eq(hvg_lbr_pmi_debugctl(&skl, 0x801, 5), 0x801);
	/* LBR off, Arch LBR: no legacy freeze. */
	ck_assert_uint_eq(hvg_lbr_pmi_debugctl(&off, 0x801, 2), 0x801);
	ck_assert_uint_eq(hvg_lbr_pmi_debugctl(&arch32, 0x801, 2), 0x801);
	ck_assert_uint_eq(hvg_lbr_pmi_debugctl(NULL, 0x801, 2), 0x801);
}
END_TEST

/* ---- vCPU setup --------------------------------------------------------- */

START_TEST(vcpu_init_and_refresh)
{
	struct hvg_lbr_desc bad = skl;
	struct hvg_lbr_vcpu v0;
	struct rig r;

	rig_init(&r, &skl);
	ck_assert_int_eq(r.v.state, HVG_LBR_IDLE);
	ck_assert_int_eq(r.v.mark, HVG_LBR_MARK_NONE);
	ck_assert(r.v.pol == &r.pol);
	ck_assert(!memcmp(&r.v.desc, &skl, sizeof(skl)));
	assert_set(&r, &skl, false);

	/* Init withdraws stale wishes of the LBR owner. */
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, HVG_MSR_OWNER_LBR, 0x680,
					     HVG_MSR_RW), 0);
	ck_assert_int_eq(hvg_lbr_vcpu_init(&r.v, &skl, &r.pol), 0);
	assert_set(&r, &skl, false);

	/* Errors leave the vCPU and the map alone. */
	bad.to = 0x681;
	v0 = r.v;
	ck_assert_int_eq(hvg_lbr_vcpu_init(NULL, &skl, &r.pol), -HVG_EINVAL);
	ck_assert_int_eq(hvg_lbr_vcpu_init(&r.v, NULL, &r.pol), -HVG_EINVAL);
	ck_assert_int_eq(hvg_lbr_vcpu_init(&r.v, &skl, NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_lbr_vcpu_init(&r.v, &bad, &r.pol), -HVG_EEXIST);
	ck_assert_int_eq(hvg_lbr_refresh(NULL, &skl), -HVG_EINVAL);
	ck_assert_int_eq(hvg_lbr_refresh(&r.v, NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_lbr_refresh(&r.v, &bad), -HVG_EEXIST);
	ck_assert(!memcmp(&r.v, &v0, sizeof(v0)));

	/* Refresh to "LBR off": every MSR is then not an LBR MSR. */
	bad.nr = 0;
	ck_assert_int_eq(hvg_lbr_refresh(&r.v, &bad), 0);
	ck_assert_int_eq(r.v.state, HVG_LBR_OFF);
	ck_assert_uint_eq(r.v.desc.from, 0);
	ck_assert_int_eq(hvg_lbr_msr_access(&r.v, 0x680, false),
			 HVG_LBR_ACCESS_NOT_LBR);
	ck_assert_int_eq(hvg_lbr_refresh(&r.v, &skl), 0);
	ck_assert_int_eq(r.v.state, HVG_LBR_IDLE);

	/* Not while an event is held: reset first. */
	to_held(&r);
	v0 = r.v;
	ck_assert_int_eq(hvg_lbr_refresh(&r.v, &skl), -HVG_ESTATE);
	ck_assert(!memcmp(&r.v, &v0, sizeof(v0)));
	to_passthrough(&r);
	ck_assert_int_eq(hvg_lbr_refresh(&r.v, &arch32), -HVG_ESTATE);
	assert_set(&r, &skl, true);
	ck_assert_int_eq(hvg_lbr_reset(&r.v), HVG_LBR_ACT_RELEASE_EVENT);
	ck_assert_int_eq(hvg_lbr_refresh(&r.v, &skl), 0);
	assert_set(&r, &skl, false);
}
END_TEST

/* ---- the access decision ----------------------------------------------- */

START_TEST(access_not_lbr_for_other_msrs)
{
	static const u32 other[] = { 0x1d9, 0x345, 0x1c7, 0x6a0, 0xde0, 0x14ce,
				     0x14cf, 0x1500, 0x10 };
	struct rig r;
	size_t i;

	rig_init(&r, &skl);
	for (i = 0; i < ARRAY_SIZE(other); i++) {
		ck_assert_int_eq(hvg_lbr_msr_access(&r.v, other[i], false),
				 HVG_LBR_ACCESS_NOT_LBR);
		ck_assert_int_eq(hvg_lbr_msr_access(&r.v, other[i], true),
				 HVG_LBR_ACCESS_NOT_LBR);
	}
	ck_assert_int_eq(r.v.state, HVG_LBR_IDLE);
	ck_assert_int_eq(hvg_lbr_msr_access(NULL, 0x680, false), -HVG_EINVAL);
}
END_TEST

START_TEST(access_without_event_creates_it_guest_or_host)
{
	u32 msrs[MAX_SLOTS], n, i;
	int host;
	struct rig r;

	n = set_of(&skl, msrs);
	for (host = 0; host < 2; host++) {
		rig_init(&r, &skl);
		/* Every LBR MSR asks for the event (upstream, not v12). */
		for (i = 0; i < n; i++)
			ck_assert_int_eq(hvg_lbr_msr_access(&r.v, msrs[i], host),
					 HVG_LBR_ACCESS_CREATE_EVENT);
		ck_assert_int_eq(r.v.state, HVG_LBR_IDLE);
		/* Created: the access goes to hardware iff ACTIVE. */
		ck_assert_int_eq(hvg_lbr_event_created(&r.v, true),
				 HVG_LBR_ACCESS_HW_IF_ACTIVE);
		ck_assert_int_eq(r.v.state, HVG_LBR_HELD);
		for (i = 0; i < n; i++)
			ck_assert_int_eq(hvg_lbr_msr_access(&r.v, msrs[i], host),
					 HVG_LBR_ACCESS_HW_IF_ACTIVE);
		/* Creation never changes the map. */
		assert_set(&r, &skl, false);
	}
}
END_TEST

START_TEST(failed_creation_is_a_dummy_access)
{
	struct rig r;

	rig_init(&r, &skl);
	ck_assert_int_eq(hvg_lbr_msr_access(&r.v, 0x6c5, false),
			 HVG_LBR_ACCESS_CREATE_EVENT);
	/* The v12 bug dereferenced the missing event here. */
	ck_assert_int_eq(hvg_lbr_event_created(&r.v, false),
			 HVG_LBR_ACCESS_DUMMY);
	ck_assert_int_eq(r.v.state, HVG_LBR_IDLE);
	/* Retried at the next trigger. */
	ck_assert_int_eq(hvg_lbr_msr_access(&r.v, 0x6c5, true),
			 HVG_LBR_ACCESS_CREATE_EVENT);
	ck_assert_int_eq(hvg_lbr_event_created(&r.v, false),
			 HVG_LBR_ACCESS_DUMMY);
	assert_set(&r, &skl, false);
}
END_TEST

START_TEST(event_created_out_of_turn_is_refused)
{
	struct hvg_lbr_desc off = skl;
	struct hvg_lbr_vcpu v0;
	struct rig r;

	rig_init(&r, &skl);
	ck_assert_int_eq(hvg_lbr_event_created(NULL, true), -HVG_EINVAL);
	to_held(&r);
	v0 = r.v;
	ck_assert_int_eq(hvg_lbr_event_created(&r.v, true), -HVG_ESTATE);
	ck_assert_int_eq(hvg_lbr_event_created(&r.v, false), -HVG_ESTATE);
	ck_assert(!memcmp(&r.v, &v0, sizeof(v0)));
	to_passthrough(&r);
	ck_assert_int_eq(hvg_lbr_event_created(&r.v, true), -HVG_ESTATE);
	ck_assert_int_eq(r.v.state, HVG_LBR_PASSTHROUGH);
	off.nr = 0;
	ck_assert_int_eq(hvg_lbr_vcpu_init(&r.v, &off, &r.pol), 0);
	ck_assert_int_eq(hvg_lbr_event_created(&r.v, true), -HVG_ESTATE);
	ck_assert_int_eq(r.v.state, HVG_LBR_OFF);
}
END_TEST

START_TEST(debugctl_write_with_lbr_requests_the_event)
{
	struct hvg_lbr_desc off = skl;
	struct rig r;

	rig_init(&r, &skl);
	/* LBR clear, or other bits only (BTF bit 1, FREEZE bit 11): nothing. */
	ck_assert_int_eq(hvg_lbr_ctl_write(&r.v, 0x1d9, 0), HVG_LBR_ACT_NONE);
	ck_assert_int_eq(hvg_lbr_ctl_write(&r.v, 0x1d9, 0x802),
			 HVG_LBR_ACT_NONE);
	/* LBR set with no event: create it. */
	ck_assert_int_eq(hvg_lbr_ctl_write(&r.v, 0x1d9, 0x1),
			 HVG_LBR_ACT_CREATE_EVENT);
	ck_assert_int_eq(r.v.state, HVG_LBR_IDLE);
	ck_assert_int_eq(hvg_lbr_event_created(&r.v, false),
			 HVG_LBR_ACCESS_DUMMY);
	ck_assert_int_eq(hvg_lbr_ctl_write(&r.v, 0x1d9, 0x801),
			 HVG_LBR_ACT_CREATE_EVENT);
	ck_assert_int_eq(hvg_lbr_event_created(&r.v, true),
			 HVG_LBR_ACCESS_HW_IF_ACTIVE);
	/* Held: nothing more, in or out of pass-through. */
	ck_assert_int_eq(hvg_lbr_ctl_write(&r.v, 0x1d9, 0x1), HVG_LBR_ACT_NONE);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 1),
			 HVG_LBR_ENTRY_MAP_CHANGED);
	ck_assert_int_eq(hvg_lbr_ctl_write(&r.v, 0x1d9, 0x1), HVG_LBR_ACT_NONE);
	/* IA32_LBR_CTL is not legacy LBR's enable. */
	ck_assert_int_eq(hvg_lbr_reset(&r.v), HVG_LBR_ACT_RELEASE_EVENT);
	ck_assert_int_eq(hvg_lbr_ctl_write(&r.v, 0x14ce, 0x1),
			 HVG_LBR_ACT_NONE);
	/* Not an enable register at all. */
	ck_assert_int_eq(hvg_lbr_ctl_write(&r.v, 0x1d8, 0x1), -HVG_EINVAL);
	ck_assert_int_eq(hvg_lbr_ctl_write(NULL, 0x1d9, 0x1), -HVG_EINVAL);
	/* LBR off for the guest: the bit requests nothing. */
	off.nr = 0;
	ck_assert_int_eq(hvg_lbr_vcpu_init(&r.v, &off, &r.pol), 0);
	ck_assert_int_eq(hvg_lbr_ctl_write(&r.v, 0x1d9, 0x1), HVG_LBR_ACT_NONE);
}
END_TEST

START_TEST(arch_lbr_ctl_write_with_lbren_requests_the_event)
{
	struct rig r;

	rig_init(&r, &arch32);
	/* DEBUGCTL.LBR does nothing with Arch LBR. */
	ck_assert_int_eq(hvg_lbr_ctl_write(&r.v, 0x1d9, 0x1), HVG_LBR_ACT_NONE);
	ck_assert_int_eq(hvg_lbr_ctl_write(&r.v, 0x14ce, 0xe),
			 HVG_LBR_ACT_NONE);
	ck_assert_int_eq(hvg_lbr_ctl_write(&r.v, 0x14ce, 0xf),
			 HVG_LBR_ACT_CREATE_EVENT);
	ck_assert_int_eq(hvg_lbr_event_created(&r.v, true),
			 HVG_LBR_ACCESS_HW_IF_ACTIVE);
	ck_assert_int_eq(hvg_lbr_ctl_write(&r.v, 0x14ce, 0x1),
			 HVG_LBR_ACT_NONE);
	/* The records go through; CTL and DEPTH never do. */
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 1),
			 HVG_LBR_ENTRY_MAP_CHANGED);
	assert_set(&r, &arch32, true);
	ck_assert(hvg_msrmap_intercepts(&r.map, 0x14ce, HVG_MSR_READ));
	ck_assert(hvg_msrmap_intercepts(&r.map, 0x14cf, HVG_MSR_WRITE));
}
END_TEST

START_TEST(arch_depth_write_resets_records_only_through_the_event)
{
	struct hvg_lbr_vcpu v0;
	struct rig r;

	rig_init(&r, &arch32);
	/* The one depth offered is 32; any other value is #GP. */
	v0 = r.v;
	ck_assert_int_eq(hvg_lbr_depth_write(&r.v, 16, false), -HVG_EINVAL);
	ck_assert_int_eq(hvg_lbr_depth_write(&r.v, 32 | (1ULL << 32), false),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_lbr_depth_write(NULL, 32, false), -HVG_EINVAL);
	ck_assert(!memcmp(&r.v, &v0, sizeof(v0)));
	/* No event: nothing of the guest's to reset, no event created. */
	ck_assert_int_eq(hvg_lbr_depth_write(&r.v, 32, false),
			 HVG_LBR_ACCESS_DUMMY);
	ck_assert_int_eq(r.v.state, HVG_LBR_IDLE);
	/* With the event: to the hardware register iff ACTIVE. */
	to_held(&r);
	ck_assert_int_eq(hvg_lbr_depth_write(&r.v, 32, true),
			 HVG_LBR_ACCESS_HW_IF_ACTIVE);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 1),
			 HVG_LBR_ENTRY_MAP_CHANGED);
	ck_assert_int_eq(hvg_lbr_depth_write(&r.v, 32, false),
			 HVG_LBR_ACCESS_HW_IF_ACTIVE);
	/* A guest depth write counts as touching LBR. */
	ck_assert_int_eq(hvg_lbr_sched_in(&r.v), HVG_LBR_ACT_REQUEST_CLEANUP);
	ck_assert_int_eq(hvg_lbr_depth_write(&r.v, 32, true),
			 HVG_LBR_ACCESS_HW_IF_ACTIVE);
	ck_assert_int_eq(r.v.mark, HVG_LBR_MARK_CLEAN);
	ck_assert_int_eq(hvg_lbr_depth_write(&r.v, 32, false),
			 HVG_LBR_ACCESS_HW_IF_ACTIVE);
	ck_assert_int_eq(r.v.mark, HVG_LBR_MARK_TOUCHED);

	/* Legacy LBR and LBR off have no IA32_LBR_DEPTH. */
	rig_init(&r, &skl);
	ck_assert_int_eq(hvg_lbr_depth_write(&r.v, 32, false), -HVG_ENOTSUP);
	v0.desc.nr = 0;
	ck_assert_int_eq(hvg_lbr_vcpu_init(&r.v, &v0.desc, &r.pol), 0);
	ck_assert_int_eq(hvg_lbr_depth_write(&r.v, 0, false), -HVG_ENOTSUP);
}
END_TEST

/* ---- the VM-entry decision -------------------------------------------- */

START_TEST(entry_passes_through_iff_event_active)
{
	unsigned long n;
	struct rig r;

	rig_init(&r, &skl);
	to_held(&r);
	/* Created but not scheduled: intercepted, and warn. */
	n = r.pol.map_updates;
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_INACTIVE, 0),
			 HVG_LBR_ENTRY_WARN);
	assert_set(&r, &skl, false);
	ck_assert_uint_eq(r.pol.map_updates, n);
	/* ACTIVE: all 98 MSRs pass through, once. */
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 0),
			 HVG_LBR_ENTRY_MAP_CHANGED);
	assert_set(&r, &skl, true);
	ck_assert_uint_eq(r.pol.map_updates, n + 98);
	/* Still ACTIVE: nothing written, nothing to say. */
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 1), 0);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 0), 0);
	ck_assert_uint_eq(r.pol.map_updates, n + 98);
	/* The host reclaims the LBR (ERROR): intercept at once, warn. */
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ERROR, 0),
			 HVG_LBR_ENTRY_WARN | HVG_LBR_ENTRY_MAP_CHANGED);
	assert_set(&r, &skl, false);
	ck_assert_uint_eq(r.pol.map_updates, n + 196);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ERROR, 0),
			 HVG_LBR_ENTRY_WARN);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_INACTIVE, 1),
			 HVG_LBR_ENTRY_WARN);
	ck_assert_uint_eq(r.pol.map_updates, n + 196);
	/* ACTIVE again: through again. */
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 0),
			 HVG_LBR_ENTRY_MAP_CHANGED);
	assert_set(&r, &skl, true);
	/* The glue lost the event (NONE): never passed through then. */
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_NONE, 0),
			 HVG_LBR_ENTRY_WARN | HVG_LBR_ENTRY_MAP_CHANGED);
	assert_set(&r, &skl, false);
}
END_TEST

START_TEST(entry_without_event_warns_iff_guest_enables_lbr)
{
	unsigned long n;
	struct rig r;

	rig_init(&r, &skl);
	n = r.pol.map_updates;
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_NONE, 0), 0);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_NONE, 0x800), 0);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_NONE, 0x1),
			 HVG_LBR_ENTRY_WARN);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_NONE, 0x801),
			 HVG_LBR_ENTRY_WARN);
	/* A state from a glue with no event the library knows of: ignored. */
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 0), 0);
	ck_assert_int_eq(r.v.state, HVG_LBR_IDLE);
	assert_set(&r, &skl, false);
	ck_assert_uint_eq(r.pol.map_updates, n);
	/* LBR off for the guest: nothing to decide. */
	r.v.desc.nr = 0;
	ck_assert_int_eq(hvg_lbr_vcpu_init(&r.v, &r.v.desc, &r.pol), 0);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_NONE, 1), 0);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 1), 0);
}
END_TEST

START_TEST(entry_rejects_bad_input)
{
	struct hvg_lbr_vcpu v0;
	unsigned long n;
	struct rig r;
	u32 ev;

	rig_init(&r, &skl);
	ck_assert_int_eq(hvg_lbr_vmentry(NULL, HVG_LBR_EV_ACTIVE, 0),
			 -HVG_EINVAL);
	/* In every state, an unknown event state changes nothing. */
	for (ev = 0; ev < 3; ev++) {
		if (ev == 1)
			to_held(&r);
		if (ev == 2)
			ck_assert_int_eq(hvg_lbr_vmentry(&r.v,
							 HVG_LBR_EV_ACTIVE, 0),
					 HVG_LBR_ENTRY_MAP_CHANGED);
		v0 = r.v;
		n = r.pol.map_updates;
		ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_NR, 1),
				 -HVG_EINVAL);
		ck_assert_int_eq(hvg_lbr_vmentry(&r.v, 0xffffffff, 0),
				 -HVG_EINVAL);
		ck_assert(!memcmp(&r.v, &v0, sizeof(v0)));
		ck_assert_uint_eq(r.pol.map_updates, n);
	}
	/* A corrupted state decides nothing and warns once. */
	r.v.state = 17;
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 0),
			 -HVG_ESTATE);
	ck_assert_uint_eq(r.pol.map_updates, n);
	ck_assert_uint_eq(hvg_env_warn_count, 1);
	hvg_env_warn_count = 0;
}
END_TEST

START_TEST(corrupted_state_passes_nothing_through)
{
	struct rig r;

	rig_init(&r, &arch32);
	to_passthrough(&r);
	r.v.state = 9;
	ck_assert_int_eq(hvg_lbr_msr_access(&r.v, 0x1500, true), -HVG_ESTATE);
	ck_assert_int_eq(hvg_lbr_event_created(&r.v, true), -HVG_ESTATE);
	ck_assert_int_eq(hvg_lbr_ctl_write(&r.v, 0x14ce, 1), -HVG_ESTATE);
	ck_assert_int_eq(hvg_lbr_depth_write(&r.v, 32, true), -HVG_ESTATE);
	ck_assert_int_eq(hvg_lbr_sched_in(&r.v), HVG_LBR_ACT_NONE);
	/* Reset cannot say whether an event is held, but intercepts all. */
	ck_assert_int_eq(hvg_lbr_reset(&r.v), -HVG_ESTATE);
	assert_set(&r, &arch32, false);
	ck_assert_uint_ge(hvg_env_warn_count, 1);
	hvg_env_warn_count = 0;
	/* Refresh starts over from a valid state. */
	ck_assert_int_eq(hvg_lbr_refresh(&r.v, &arch32), 0);
	ck_assert_int_eq(r.v.state, HVG_LBR_IDLE);
}
END_TEST

/* A filter: default allow; deny TOS reads, FROM+5 writes, INFO+31 both. */
static const u8 deny_one[1] = { 0x00 };

static struct hvg_msr_filter lbr_filter(void)
{
	struct hvg_msr_filter f = {
		.flags = HVG_MSR_FILTER_DEFAULT_ALLOW, .nr_ranges = 3,
	};

	f.ranges[0] = (struct hvg_msr_filter_range)
		{ HVG_MSR_READ, 1, 0x1c9, deny_one };
	f.ranges[1] = (struct hvg_msr_filter_range)
		{ HVG_MSR_WRITE, 1, 0x685, deny_one };
	f.ranges[2] = (struct hvg_msr_filter_range)
		{ HVG_MSR_RW, 1, 0xddf, deny_one };
	return f;
}

static void assert_filtered(const struct rig *r, bool on)
{
	/* The denied directions never pass; their other directions follow. */
	ck_assert(hvg_msrmap_intercepts(&r->map, 0x1c9, HVG_MSR_READ));
	ck_assert(hvg_msrmap_intercepts(&r->map, 0x685, HVG_MSR_WRITE));
	ck_assert(hvg_msrmap_intercepts(&r->map, 0xddf, HVG_MSR_READ));
	ck_assert(hvg_msrmap_intercepts(&r->map, 0xddf, HVG_MSR_WRITE));
	ck_assert(hvg_msrmap_intercepts(&r->map, 0x1c9, HVG_MSR_WRITE) == !on);
	ck_assert(hvg_msrmap_intercepts(&r->map, 0x685, HVG_MSR_READ) == !on);
	ck_assert(hvg_msrmap_intercepts(&r->map, 0xdde, HVG_MSR_RW) == !on);
	/* 98 x 2 directions, 4 denied; plus TSC reads. */
	ck_assert_uint_eq(hvg_test_clear_bits(map_mem, sizeof(map_mem)),
			  1 + (on ? 196 - 4 : 0));
}

START_TEST(filter_denied_lbr_msr_stays_intercepted_in_every_state)
{
	struct hvg_msr_filter f = lbr_filter();
	struct rig r;

	rig_init(&r, &skl);
	ck_assert_int_eq(hvg_msr_policy_set_filter(&r.pol, &f), 0);
	assert_filtered(&r, false);
	to_held(&r);
	assert_filtered(&r, false);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 0),
			 HVG_LBR_ENTRY_MAP_CHANGED);
	assert_filtered(&r, true);
	ck_assert_int_eq(hvg_lbr_sched_in(&r.v), HVG_LBR_ACT_REQUEST_CLEANUP);
	assert_filtered(&r, true);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ERROR, 0),
			 HVG_LBR_ENTRY_WARN | HVG_LBR_ENTRY_MAP_CHANGED);
	assert_filtered(&r, false);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 0),
			 HVG_LBR_ENTRY_MAP_CHANGED);
	assert_filtered(&r, true);
	ck_assert_int_eq(hvg_lbr_cleanup(&r.v, 0), HVG_LBR_ACT_NONE);
	assert_filtered(&r, true);
	ck_assert_int_eq(hvg_lbr_sched_in(&r.v), HVG_LBR_ACT_REQUEST_CLEANUP);
	ck_assert_int_eq(hvg_lbr_cleanup(&r.v, 0), HVG_LBR_ACT_RELEASE_EVENT);
	assert_filtered(&r, false);
	to_passthrough(&r);
	assert_filtered(&r, true);
	ck_assert_int_eq(hvg_lbr_reset(&r.v), HVG_LBR_ACT_RELEASE_EVENT);
	assert_filtered(&r, false);
}
END_TEST

START_TEST(filter_change_recomputes_lbr_msrs)
{
	struct hvg_msr_filter f = lbr_filter();
	unsigned long n;
	struct rig r;

	rig_init(&r, &skl);
	to_passthrough(&r);
	assert_set(&r, &skl, true);
	/* A filter installed while passed through takes effect at once. */
	ck_assert_int_eq(hvg_msr_policy_set_filter(&r.pol, &f), 0);
	assert_filtered(&r, true);
	/* The LBR state does not re-grant what the filter denies. */
	n = r.pol.map_updates;
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 0), 0);
	ck_assert_uint_eq(r.pol.map_updates, n);
	assert_filtered(&r, true);
	/* Removing it passes the stored wish through again. */
	ck_assert_int_eq(hvg_msr_policy_set_filter(&r.pol, NULL), 0);
	assert_set(&r, &skl, true);
	/* And a filter installed while intercepted changes nothing. */
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_INACTIVE, 0),
			 HVG_LBR_ENTRY_WARN | HVG_LBR_ENTRY_MAP_CHANGED);
	n = r.pol.map_updates;
	ck_assert_int_eq(hvg_msr_policy_set_filter(&r.pol, &f), 0);
	ck_assert_uint_eq(r.pol.map_updates, n);
	assert_filtered(&r, false);
}
END_TEST

START_TEST(msrs_off_the_allow_list_stay_intercepted)
{
	struct hvg_msr_allow a[MAX_SLOTS];
	u32 msrs[MAX_SLOTS], n, i, k = 0;
	struct rig r;

	/*
	 * Arch LBR; the hypervisor leaves out TO+7, lists INFO+0 for reads
	 * and FROM+1 for writes only, and keeps the rest read/write.
	 */
	n = set_of(&arch32, msrs);
	for (i = 0; i < n; i++) {
		if (msrs[i] == 0x1607)
			continue;
		a[k++] = (struct hvg_msr_allow) {
			msrs[i], msrs[i] == 0x1200 ? HVG_MSR_READ :
				 msrs[i] == 0x1501 ? HVG_MSR_WRITE : HVG_MSR_RW,
		};
	}
	ck_assert_int_eq(hvg_msrmap_init(&r.map, HVG_MSRMAP_VMX, map_mem,
					 sizeof(map_mem)), 0);
	ck_assert_int_eq(hvg_msr_policy_init(&r.pol, &r.map, a, k, r.slots,
					     MAX_SLOTS), 0);
	ck_assert_int_eq(hvg_lbr_vcpu_init(&r.v, &arch32, &r.pol), 0);
	to_passthrough(&r);
	ck_assert(hvg_msrmap_intercepts(&r.map, 0x1607, HVG_MSR_READ));
	ck_assert(hvg_msrmap_intercepts(&r.map, 0x1607, HVG_MSR_WRITE));
	ck_assert(!hvg_msrmap_intercepts(&r.map, 0x1200, HVG_MSR_READ));
	ck_assert(hvg_msrmap_intercepts(&r.map, 0x1200, HVG_MSR_WRITE));
	ck_assert(hvg_msrmap_intercepts(&r.map, 0x1501, HVG_MSR_READ));
	ck_assert(!hvg_msrmap_intercepts(&r.map, 0x1501, HVG_MSR_WRITE));
	ck_assert(!hvg_msrmap_intercepts(&r.map, 0x1606, HVG_MSR_RW));
	ck_assert(!hvg_msrmap_intercepts(&r.map, 0x1608, HVG_MSR_RW));
	/* 96 MSRs x 2, less TO+7's two bits and one each of INFO+0, FROM+1. */
	ck_assert_uint_eq(hvg_test_clear_bits(map_mem, sizeof(map_mem)), 192 - 4);
	/* The intercepted accesses still get the decisions. */
	ck_assert_int_eq(hvg_lbr_msr_access(&r.v, 0x1607, false),
			 HVG_LBR_ACCESS_HW_IF_ACTIVE);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_INACTIVE, 0),
			 HVG_LBR_ENTRY_WARN | HVG_LBR_ENTRY_MAP_CHANGED);
	ck_assert_uint_eq(hvg_test_clear_bits(map_mem, sizeof(map_mem)), 0);

	/* An allow list with no LBR MSR at all: the map never changes. */
	ck_assert_int_eq(hvg_msr_policy_init(&r.pol, &r.map, NULL, 0, NULL, 0),
			 0);
	ck_assert_int_eq(hvg_lbr_vcpu_init(&r.v, &arch32, &r.pol), 0);
	to_held(&r);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 0), 0);
	ck_assert_int_eq(r.v.state, HVG_LBR_PASSTHROUGH);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_INACTIVE, 0),
			 HVG_LBR_ENTRY_WARN);
	ck_assert_int_eq(r.v.state, HVG_LBR_HELD);
	ck_assert_uint_eq(hvg_test_clear_bits(map_mem, sizeof(map_mem)), 0);
	ck_assert_uint_eq(r.pol.map_updates, 0);
}
END_TEST

/* ---- lazy release, reset and teardown ----------------------------------- */

START_TEST(sched_in_marks_only_with_an_event)
{
	struct rig r;

	rig_init(&r, &skl);
	ck_assert_int_eq(hvg_lbr_sched_in(NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_lbr_sched_in(&r.v), HVG_LBR_ACT_NONE);
	ck_assert_int_eq(r.v.mark, HVG_LBR_MARK_NONE);
	ck_assert_int_eq(hvg_lbr_cleanup(&r.v, 0), HVG_LBR_ACT_NONE);
	to_held(&r);
	ck_assert_int_eq(hvg_lbr_sched_in(&r.v), HVG_LBR_ACT_REQUEST_CLEANUP);
	ck_assert_int_eq(r.v.mark, HVG_LBR_MARK_CLEAN);
	/* The cleanup consumes the mark; a second one does nothing. */
	ck_assert_int_eq(hvg_lbr_cleanup(&r.v, 1), HVG_LBR_ACT_NONE);
	ck_assert_int_eq(r.v.mark, HVG_LBR_MARK_NONE);
	ck_assert_int_eq(hvg_lbr_cleanup(&r.v, 0), HVG_LBR_ACT_NONE);
	ck_assert_int_eq(r.v.state, HVG_LBR_HELD);
	ck_assert_int_eq(hvg_lbr_cleanup(NULL, 0), -HVG_EINVAL);
}
END_TEST

START_TEST(cleanup_releases_iff_lbr_off_and_untouched)
{
	struct rig r;

	rig_init(&r, &skl);
	to_passthrough(&r);
	/* Guest DEBUGCTL.LBR set: kept. */
	ck_assert_int_eq(hvg_lbr_sched_in(&r.v), HVG_LBR_ACT_REQUEST_CLEANUP);
	ck_assert_int_eq(hvg_lbr_cleanup(&r.v, 0x801), HVG_LBR_ACT_NONE);
	ck_assert_int_eq(r.v.state, HVG_LBR_PASSTHROUGH);
	/* Guest read a record since the mark: kept. */
	ck_assert_int_eq(hvg_lbr_sched_in(&r.v), HVG_LBR_ACT_REQUEST_CLEANUP);
	ck_assert_int_eq(hvg_lbr_msr_access(&r.v, 0x1c9, false),
			 HVG_LBR_ACCESS_HW_IF_ACTIVE);
	ck_assert_int_eq(r.v.mark, HVG_LBR_MARK_TOUCHED);
	ck_assert_int_eq(hvg_lbr_cleanup(&r.v, 0), HVG_LBR_ACT_NONE);
	/* Entered with the records passed through since the mark: kept. */
	ck_assert_int_eq(hvg_lbr_sched_in(&r.v), HVG_LBR_ACT_REQUEST_CLEANUP);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ACTIVE, 0), 0);
	ck_assert_int_eq(r.v.mark, HVG_LBR_MARK_TOUCHED);
	ck_assert_int_eq(hvg_lbr_cleanup(&r.v, 0), HVG_LBR_ACT_NONE);
	/* Only userspace touched them: released, intercepted at once. */
	ck_assert_int_eq(hvg_lbr_sched_in(&r.v), HVG_LBR_ACT_REQUEST_CLEANUP);
	ck_assert_int_eq(hvg_lbr_msr_access(&r.v, 0x1c9, true),
			 HVG_LBR_ACCESS_HW_IF_ACTIVE);
	ck_assert_int_eq(r.v.mark, HVG_LBR_MARK_CLEAN);
	ck_assert_int_eq(hvg_lbr_cleanup(&r.v, 0x800),
			 HVG_LBR_ACT_RELEASE_EVENT);
	ck_assert_int_eq(r.v.state, HVG_LBR_IDLE);
	ck_assert_int_eq(r.v.mark, HVG_LBR_MARK_NONE);
	assert_set(&r, &skl, false);
	/* The next access starts over. */
	ck_assert_int_eq(hvg_lbr_msr_access(&r.v, 0x680, false),
			 HVG_LBR_ACCESS_CREATE_EVENT);
}
END_TEST

START_TEST(cleanup_releases_an_intercepted_event)
{
	struct rig r;

	rig_init(&r, &skl);
	to_held(&r);
	/* Entering without ACTIVE does not count as a touch. */
	ck_assert_int_eq(hvg_lbr_sched_in(&r.v), HVG_LBR_ACT_REQUEST_CLEANUP);
	ck_assert_int_eq(hvg_lbr_vmentry(&r.v, HVG_LBR_EV_ERROR, 0),
			 HVG_LBR_ENTRY_WARN);
	ck_assert_int_eq(hvg_lbr_cleanup(&r.v, 0), HVG_LBR_ACT_RELEASE_EVENT);
	ck_assert_int_eq(r.v.state, HVG_LBR_IDLE);
	assert_set(&r, &skl, false);
}
END_TEST

START_TEST(reset_releases_unconditionally)
{
	unsigned long n;
	struct rig r;

	rig_init(&r, &skl);
	ck_assert_int_eq(hvg_lbr_reset(NULL), -HVG_EINVAL);
	/* No event: nothing to release. */
	ck_assert_int_eq(hvg_lbr_reset(&r.v), HVG_LBR_ACT_NONE);
	/* Held, marked, touched, guest LBR on: released all the same. */
	to_passthrough(&r);
	ck_assert_int_eq(hvg_lbr_sched_in(&r.v), HVG_LBR_ACT_REQUEST_CLEANUP);
	ck_assert_int_eq(hvg_lbr_msr_access(&r.v, 0x680, false),
			 HVG_LBR_ACCESS_HW_IF_ACTIVE);
	ck_assert_int_eq(hvg_lbr_reset(&r.v), HVG_LBR_ACT_RELEASE_EVENT);
	ck_assert_int_eq(r.v.state, HVG_LBR_IDLE);
	ck_assert_int_eq(r.v.mark, HVG_LBR_MARK_NONE);
	assert_set(&r, &skl, false);
	/* Held but intercepted. */
	to_held(&r);
	n = r.pol.map_updates;
	ck_assert_int_eq(hvg_lbr_reset(&r.v), HVG_LBR_ACT_RELEASE_EVENT);
	ck_assert_uint_eq(r.pol.map_updates, n);
	/* Teardown after a stray LBR-owner wish: withdrawn too. */
	ck_assert_int_eq(hvg_msr_policy_want(&r.pol, HVG_MSR_OWNER_LBR, 0x6c0,
					     HVG_MSR_READ), 0);
	ck_assert_int_eq(hvg_lbr_reset(&r.v), HVG_LBR_ACT_NONE);
	assert_set(&r, &skl, false);
}
END_TEST

/* ---- every sequence of up to 8 events ------------------------------------
 *
 * Events (the list; DEBUGCTL writes are two events, set and clear):
 * a guest access to an LBR MSR, a host-initiated access, the guest's LBR
 * enable written as 1 or as 0, perf making the event ACTIVE, the host
 * reclaiming the LBR (the pinned event goes to ERROR), perf refusing the
 * next creation, a VM entry, sched-in, the cleanup request, a vPMU reset.
 *
 * The model below is written from reference/upstream-kvm.md (a) and the
 * issue, not from lib/lbr.c: the glue holds at most one event and creates
 * it when the library asks (perf may refuse), perf moves it between
 * INACTIVE, ACTIVE and ERROR, and the model says what every call must
 * answer and whether the MSRs must be passed through. After every step:
 *  (1) at a VM entry the LBR MSRs are passed through iff the event is
 *      ACTIVE at that check;
 *  (2) the library asks for a hardware access only as "if ACTIVE", which
 *      the glue checks with IRQs off, and only while an event exists (a
 *      failed creation gives a dummy access);
 *  (3) the map is written iff the pass-through state changes;
 *  (4) after a reset no event is held and everything is intercepted;
 *  (5) a filter-denied direction of an LBR MSR is never passed through;
 * plus: the map is exactly what the model says (every LBR MSR and
 * direction, and no other bit), and the library's state agrees with the
 * model's.
 *
 * 11 events to depth 8 are 2.4 * 10^8 sequences. They are covered by a
 * breadth-first search over distinct worlds: a world is every byte a step
 * reads or writes (the vCPU struct, the policy's slots and map, the model)
 * and nothing else, so both the checks made during a step and the world
 * after it depend only on (world, event). Two sequences that reach the
 * same world therefore have the same futures, and a world first reached
 * at depth d has every continuation a later arrival has, with at least as
 * much depth left. Expanding each distinct world once, at the depth it is
 * first reached, with every event, while the depth is below 8, therefore
 * checks every step of every sequence of up to 8 events.
 */
enum seq_event {
	E_GUEST_ACCESS, E_HOST_ACCESS, E_CTL_SET, E_CTL_CLEAR, E_ACTIVE,
	E_RECLAIM, E_CREATE_FAILS, E_ENTRY, E_SCHED_IN, E_CLEANUP, E_RESET,
	E_NR
};

static const char *const seq_event_names[E_NR] = {
	"guest-access", "host-access", "ctl-set", "ctl-clear", "active",
	"reclaim", "create-fails", "entry", "sched-in", "cleanup", "reset",
};

#define SEQ_DEPTH	8
#define SEQ_MAX_WORLDS	4096
#define SEQ_HASH	8192

struct seq_cfg {
	const struct hvg_lbr_desc *desc;
	u32 ctl_msr;		/* the guest's LBR enable register */
	u32 unlisted;		/* LBR MSR left off the allow list, or 0 */
	u32 read_only;		/* allow-listed for reads only, or 0 */
	u32 write_only;		/* allow-listed for writes only, or 0 */
	u32 nr_deny;
	struct { u32 msr; u32 dirs; } deny[4];	/* the userspace filter */
};

/* The glue, perf and the expectations, from the reference's rules. */
struct seq_model {
	u8 held;	/* the glue holds the event */
	u8 pstate;	/* its perf state (enum hvg_lbr_event_state) */
	u8 dbg;		/* the guest's LBR enable bit */
	u8 fail_next;	/* perf refuses the next creation */
	u8 pt;		/* the LBR MSRs must be passed through */
	u8 marked;	/* marked at sched-in, not cleaned up yet */
	u8 touched;	/* the guest touched LBR MSRs since the mark */
	u8 hw;		/* hardware accesses the glue made (ACTIVE only) */
};

struct seq_world {
	u8 map[HVG_VMX_MSR_BITMAP_SIZE] __attribute__((aligned(8)));
	struct hvg_msr_slot slots[MAX_SLOTS];
	struct hvg_lbr_vcpu v;
	struct seq_model m;
};

static struct seq_world cur;
static struct hvg_msr_policy wpol;
static struct seq_world *seen;
static u32 *seen_parent;
static u8 *seen_event;
static u32 nseen;
static u32 seq_hash[SEQ_HASH];	/* index + 1, 0 = empty */
static u32 seq_from;		/* world the current step starts from */
static int seq_ev;		/* the current step's event */

/* The sequence that led to the current step, for failure messages. */
static const char *seq_path(void)
{
	static char buf[512];
	int stack[SEQ_DEPTH + 1], n = 0, len = 0;
	u32 i = seq_from;

	while (i && n < SEQ_DEPTH) {
		stack[n++] = seen_event[i];
		i = seen_parent[i];
	}
	while (n--)
		len += snprintf(buf + len, sizeof(buf) - len, "%s ",
				seq_event_names[stack[n]]);
	snprintf(buf + len, sizeof(buf) - len, "[%s]", seq_event_names[seq_ev]);
	return buf;
}

#define SEQ_ASSERT(cond)						\
	do {								\
		if (!(cond))						\
			ck_abort_msg("%s fails after: %s", #cond,	\
				     seq_path());			\
	} while (0)

static u32 seq_allowed(const struct seq_cfg *c, u32 msr)
{
	if (msr == c->unlisted)
		return 0;
	if (msr == c->read_only)
		return HVG_MSR_READ;
	if (msr == c->write_only)
		return HVG_MSR_WRITE;
	return HVG_MSR_RW;
}

static u32 seq_filter_allows(const struct seq_cfg *c, u32 msr)
{
	u32 i, dirs = HVG_MSR_RW;

	for (i = 0; i < c->nr_deny; i++)
		if (c->deny[i].msr == msr)
			dirs &= ~c->deny[i].dirs;
	return dirs;
}

/* The map is exactly the model's: invariants (1), (4) and (5). */
static void seq_check_map(const struct seq_cfg *c)
{
	u32 msrs[MAX_SLOTS], n, i, dir, want, passed = 0;

	n = set_of(c->desc, msrs);
	for (i = 0; i < n; i++) {
		want = cur.m.pt ? seq_allowed(c, msrs[i]) &
				  seq_filter_allows(c, msrs[i]) : 0;
		for (dir = HVG_MSR_READ; dir <= HVG_MSR_WRITE; dir <<= 1) {
			SEQ_ASSERT(hvg_msrmap_intercepts(&wpol.map, msrs[i],
							 dir) ==
				   !(want & dir));
			passed += !!(want & dir);
		}
	}
	for (i = 0; i < c->nr_deny; i++)
		SEQ_ASSERT(hvg_msrmap_intercepts(&wpol.map, c->deny[i].msr,
						 c->deny[i].dirs));
	/* Nothing else: the hypervisor's TSC read is the one other pass. */
	SEQ_ASSERT(hvg_test_clear_bits(cur.map, sizeof(cur.map)) == passed + 1);
}

static bool seq_create(struct seq_model *m)
{
	if (m->fail_next) {
		m->fail_next = 0;
		return false;
	}
	m->held = 1;
	m->pstate = HVG_LBR_EV_INACTIVE;
	return true;
}

/* The glue completes an access as the decision says. */
static void seq_complete(struct seq_model *m, int d)
{
	SEQ_ASSERT(d == HVG_LBR_ACCESS_DUMMY || d == HVG_LBR_ACCESS_HW_IF_ACTIVE);
	if (d != HVG_LBR_ACCESS_HW_IF_ACTIVE)
		return;
	/* (2): there is an event whose state the glue checks, IRQs off. */
	SEQ_ASSERT(m->held);
	if (m->pstate == HVG_LBR_EV_ACTIVE)
		m->hw = 1;
}

/* An access: create the event first if none is held (upstream). */
static void seq_access(struct seq_model *m, u32 msr, bool host)
{
	int d = hvg_lbr_msr_access(&cur.v, msr, host);
	bool ok;

	if (!host && m->marked)
		m->touched = 1;
	if (m->held) {
		SEQ_ASSERT(d == HVG_LBR_ACCESS_HW_IF_ACTIVE);
	} else {
		SEQ_ASSERT(d == HVG_LBR_ACCESS_CREATE_EVENT);
		ok = seq_create(m);
		d = hvg_lbr_event_created(&cur.v, ok);
		/* (2): a refused creation is a dummy access. */
		SEQ_ASSERT(d == (ok ? HVG_LBR_ACCESS_HW_IF_ACTIVE :
				      HVG_LBR_ACCESS_DUMMY));
	}
	seq_complete(m, d);
}

static void seq_release(struct seq_model *m)
{
	m->held = 0;
	m->pstate = HVG_LBR_EV_NONE;
	m->pt = 0;
	m->marked = 0;
	m->touched = 0;
}

static void seq_step(const struct seq_cfg *c, int e)
{
	struct seq_model *m = &cur.m;
	u8 pt_before = m->pt;
	u32 ev, want;
	bool pt, warn, release, ok;
	int r;

	seq_ev = e;
	m->hw = 0;
	wpol.map_updates = 0;
	switch (e) {
	case E_GUEST_ACCESS:
		seq_access(m, c->desc->from, false);
		break;
	case E_HOST_ACCESS:
		seq_access(m, c->desc->to + c->desc->nr - 1, true);
		break;
	case E_CTL_SET:
		m->dbg = 1;
		r = hvg_lbr_ctl_write(&cur.v, c->ctl_msr, 1);
		SEQ_ASSERT(r == (m->held ? HVG_LBR_ACT_NONE :
					   HVG_LBR_ACT_CREATE_EVENT));
		if (r == HVG_LBR_ACT_CREATE_EVENT) {
			ok = seq_create(m);
			r = hvg_lbr_event_created(&cur.v, ok);
			SEQ_ASSERT(r == (ok ? HVG_LBR_ACCESS_HW_IF_ACTIVE :
					      HVG_LBR_ACCESS_DUMMY));
		}
		break;
	case E_CTL_CLEAR:
		m->dbg = 0;
		SEQ_ASSERT(hvg_lbr_ctl_write(&cur.v, c->ctl_msr, 0) ==
			   HVG_LBR_ACT_NONE);
		break;
	case E_ACTIVE:
		if (m->held)
			m->pstate = HVG_LBR_EV_ACTIVE;
		break;
	case E_RECLAIM:
		if (m->held && m->pstate == HVG_LBR_EV_ACTIVE)
			m->pstate = HVG_LBR_EV_ERROR;
		break;
	case E_CREATE_FAILS:
		m->fail_next = 1;
		break;
	case E_ENTRY:
		ev = m->held ? m->pstate : HVG_LBR_EV_NONE;
		r = hvg_lbr_vmentry(&cur.v, ev, m->dbg);
		/* (1): through iff ACTIVE; warn while intercepting LBR in use. */
		pt = m->held && ev == HVG_LBR_EV_ACTIVE;
		warn = !pt && (m->dbg || m->held);
		want = (warn ? HVG_LBR_ENTRY_WARN : 0) |
		       (pt != m->pt ? HVG_LBR_ENTRY_MAP_CHANGED : 0);
		SEQ_ASSERT(r == (int)want);
		if (pt && m->marked)
			m->touched = 1;
		m->pt = pt;
		break;
	case E_SCHED_IN:
		r = hvg_lbr_sched_in(&cur.v);
		SEQ_ASSERT(r == (m->held ? HVG_LBR_ACT_REQUEST_CLEANUP :
					   HVG_LBR_ACT_NONE));
		if (m->held) {
			m->marked = 1;
			m->touched = 0;
		}
		break;
	case E_CLEANUP:
		release = m->marked && m->held && !m->dbg && !m->touched;
		r = hvg_lbr_cleanup(&cur.v, m->dbg);
		SEQ_ASSERT(r == (release ? HVG_LBR_ACT_RELEASE_EVENT :
					   HVG_LBR_ACT_NONE));
		m->marked = 0;
		m->touched = 0;
		if (release)
			seq_release(m);
		break;
	case E_RESET:
		r = hvg_lbr_reset(&cur.v);
		SEQ_ASSERT(r == (m->held ? HVG_LBR_ACT_RELEASE_EVENT :
					   HVG_LBR_ACT_NONE));
		seq_release(m);
		/* (4): no event, nothing passed through (seq_check_map). */
		SEQ_ASSERT(cur.v.state == HVG_LBR_IDLE);
		break;
	}

	/* (3): the map is written iff the pass-through state changed. */
	SEQ_ASSERT((wpol.map_updates != 0) == (m->pt != pt_before));
	seq_check_map(c);
	/* Hardware was only touched with the event ACTIVE (seq_complete). */
	SEQ_ASSERT(!m->hw || m->pstate == HVG_LBR_EV_ACTIVE);
	/* The library's state agrees with the model's. */
	SEQ_ASSERT((cur.v.state == HVG_LBR_PASSTHROUGH) == m->pt);
	SEQ_ASSERT((cur.v.state == HVG_LBR_HELD ||
		    cur.v.state == HVG_LBR_PASSTHROUGH) == m->held);
	SEQ_ASSERT((cur.v.mark != HVG_LBR_MARK_NONE) == m->marked);
	SEQ_ASSERT((cur.v.mark == HVG_LBR_MARK_TOUCHED) ==
		   (m->marked && m->touched));
	m->hw = 0;
}

static u32 seq_hash_of(const struct seq_world *w)
{
	const u8 *p = (const u8 *)w;
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < sizeof(*w); i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return (u32)(h ^ (h >> 32));
}

/* Adds the current world if it is new; returns true if it was. */
static bool seq_insert(u32 parent, int e)
{
	u32 h = seq_hash_of(&cur), k;

	for (k = h % SEQ_HASH; seq_hash[k]; k = (k + 1) % SEQ_HASH)
		if (!memcmp(&seen[seq_hash[k] - 1], &cur, sizeof(cur)))
			return false;
	ck_assert_uint_lt(nseen, SEQ_MAX_WORLDS);
	memcpy(&seen[nseen], &cur, sizeof(cur));
	seen_parent[nseen] = parent;
	seen_event[nseen] = (u8)e;
	seq_hash[k] = ++nseen;
	return true;
}

static void seq_explore(const struct seq_cfg *c)
{
	struct hvg_msr_filter f = { .flags = HVG_MSR_FILTER_DEFAULT_ALLOW };
	static const u8 deny_bits[1];
	struct hvg_msr_allow a[MAX_SLOTS];
	u32 msrs[MAX_SLOTS], n, na = 0, i, lo, hi, depth, reached = 0;
	struct hvg_msrmap map;
	int e;

	memset(&cur, 0, sizeof(cur));
	n = set_of(c->desc, msrs);
	for (i = 0; i < n; i++)
		if (seq_allowed(c, msrs[i]))
			a[na++] = (struct hvg_msr_allow) {
				msrs[i], seq_allowed(c, msrs[i]),
			};
	a[na++] = (struct hvg_msr_allow) { HVG_MSR_IA32_TSC, HVG_MSR_READ };
	ck_assert_int_eq(hvg_msrmap_init(&map, HVG_MSRMAP_VMX, cur.map,
					 sizeof(cur.map)), 0);
	ck_assert_int_eq(hvg_msr_policy_init(&wpol, &map, a, na, cur.slots,
					     MAX_SLOTS), 0);
	ck_assert_int_eq(hvg_msr_policy_want(&wpol, HVG_MSR_OWNER_HV,
					     HVG_MSR_IA32_TSC, HVG_MSR_READ), 0);
	f.nr_ranges = c->nr_deny;
	for (i = 0; i < c->nr_deny; i++)
		f.ranges[i] = (struct hvg_msr_filter_range) {
			c->deny[i].dirs, 1, c->deny[i].msr, deny_bits,
		};
	ck_assert_int_eq(hvg_msr_policy_set_filter(&wpol, &f), 0);
	ck_assert_int_eq(hvg_lbr_vcpu_init(&cur.v, c->desc, &wpol), 0);

	seen = calloc(SEQ_MAX_WORLDS, sizeof(*seen));
	seen_parent = calloc(SEQ_MAX_WORLDS, sizeof(*seen_parent));
	seen_event = calloc(SEQ_MAX_WORLDS, 1);
	ck_assert(seen && seen_parent && seen_event);
	memset(seq_hash, 0, sizeof(seq_hash));
	nseen = 0;
	seq_from = 0;
	seq_ev = E_NR - 1;
	seq_check_map(c);
	seq_insert(0, 0);

	lo = 0;
	hi = nseen;
	for (depth = 1; depth <= SEQ_DEPTH; depth++) {
		for (i = lo; i < hi; i++) {
			for (e = 0; e < E_NR; e++) {
				memcpy(&cur, &seen[i], sizeof(cur));
				seq_from = i;
				seq_step(c, e);
				seq_insert(i, e);
			}
		}
		lo = hi;
		hi = nseen;
	}

	/*
	 * Every combination the reference allows was reached: no event;
	 * held or passed through, each unmarked, marked and touched; and
	 * the event in each perf state.
	 */
	for (i = 0; i < nseen; i++)
		reached |= 1U << (seen[i].v.state * 3 + seen[i].v.mark) |
			   1U << (12 + seen[i].m.pstate);
	ck_assert_uint_eq(reached,
			  1U << (HVG_LBR_IDLE * 3) |
			  7U << (HVG_LBR_HELD * 3) |
			  7U << (HVG_LBR_PASSTHROUGH * 3) |
			  0xfU << 12);

	free(seen);
	free(seen_parent);
	free(seen_event);
}

START_TEST(every_sequence_legacy)
{
	const struct seq_cfg c = { .desc = &skl, .ctl_msr = 0x1d9 };

	seq_explore(&c);
}
END_TEST

START_TEST(every_sequence_legacy_filtered)
{
	const struct seq_cfg c = {
		.desc = &skl, .ctl_msr = 0x1d9, .nr_deny = 3,
		.deny = { { 0x1c9, HVG_MSR_READ }, { 0x685, HVG_MSR_WRITE },
			  { 0xddf, HVG_MSR_RW } },
	};

	seq_explore(&c);
}
END_TEST

START_TEST(every_sequence_arch_partial_allow_list)
{
	const struct seq_cfg c = {
		.desc = &arch32, .ctl_msr = 0x14ce, .unlisted = 0x1607,
		.read_only = 0x1200, .write_only = 0x1501, .nr_deny = 1,
		.deny = { { 0x1502, HVG_MSR_READ } },
	};

	seq_explore(&c);
}
END_TEST

Suite *lbr_suite(void)
{
	Suite *s = suite_create("lbr");
	TCase *tc;

	tc = hvg_tcase("desc");
	tcase_add_test(tc, record_msr_predicate_legacy_skylake);
	tcase_add_test(tc, record_msr_predicate_legacy_without_info);
	tcase_add_test(tc, record_msr_predicate_arch);
	tcase_add_test(tc, record_msr_predicate_false_when_lbr_off);
	tcase_add_test(tc, desc_check_rejects_bad_descriptions);
	tcase_add_test(tc, allow_list_enumerates_the_pass_through_set);
	tcase_add_test(tc, host_offer_needs_legacy_call_stack_lbr);
	tcase_add_test(tc, host_offer_arch_lbr_at_the_maximum_depth);
	tcase_add_test(tc, host_offer_rejects_inconsistent_hosts);
	tcase_add_test(tc, perf_caps_lbr_format_must_be_the_hosts_or_zero);
	tcase_add_test(tc, guest_description_at_refresh);
	tcase_add_test(tc, arch_lbr_ctl_bits_follow_cpuid_1c_ebx);
	tcase_add_test(tc, debugctl_lbr_bits_and_legacy_freeze);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("access");
	tcase_add_test(tc, vcpu_init_and_refresh);
	tcase_add_test(tc, access_not_lbr_for_other_msrs);
	tcase_add_test(tc, access_without_event_creates_it_guest_or_host);
	tcase_add_test(tc, failed_creation_is_a_dummy_access);
	tcase_add_test(tc, event_created_out_of_turn_is_refused);
	tcase_add_test(tc, debugctl_write_with_lbr_requests_the_event);
	tcase_add_test(tc, arch_lbr_ctl_write_with_lbren_requests_the_event);
	tcase_add_test(tc, arch_depth_write_resets_records_only_through_the_event);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("vmentry");
	tcase_add_test(tc, entry_passes_through_iff_event_active);
	tcase_add_test(tc, entry_without_event_warns_iff_guest_enables_lbr);
	tcase_add_test(tc, entry_rejects_bad_input);
	tcase_add_test(tc, corrupted_state_passes_nothing_through);
	tcase_add_test(tc, filter_denied_lbr_msr_stays_intercepted_in_every_state);
	tcase_add_test(tc, filter_change_recomputes_lbr_msrs);
	tcase_add_test(tc, msrs_off_the_allow_list_stay_intercepted);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("release");
	tcase_add_test(tc, sched_in_marks_only_with_an_event);
	tcase_add_test(tc, cleanup_releases_iff_lbr_off_and_untouched);
	tcase_add_test(tc, cleanup_releases_an_intercepted_event);
	tcase_add_test(tc, reset_releases_unconditionally);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("sequences");
	tcase_add_test(tc, every_sequence_legacy);
	tcase_add_test(tc, every_sequence_legacy_filtered);
	tcase_add_test(tc, every_sequence_arch_partial_allow_list);
	suite_add_tcase(s, tc);
	return s;
}
