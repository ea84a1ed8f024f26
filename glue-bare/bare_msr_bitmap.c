// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Bare-metal suite of msr_bitmap: the freestanding build of lib/, booted
 * under QEMU, held to the same spec vectors as the Check and KUnit suites
 * (tests/vectors/msr_bitmap_layout.h).
 */
#include "hvgate_env.h"
#include <hvgate/hvgate.h>

#include "ktap.h"
#include "vectors/msr_bitmap_layout.h"

static u8 map_mem[HVG_SVM_MSRPM_SIZE] __attribute__((aligned(4096)));
static u8 l1_mem[HVG_SVM_MSRPM_SIZE] __attribute__((aligned(4096)));
static u8 full_mem[HVG_SVM_MSRPM_SIZE] __attribute__((aligned(4096)));
static u8 sparse_mem[HVG_SVM_MSRPM_SIZE] __attribute__((aligned(4096)));

static unsigned int clear_bits(const u8 *mem, size_t size)
{
	unsigned int n = 0, b;
	size_t i;

	for (i = 0; i < size; i++)
		for (b = 0; b < 8; b++)
			n += !((mem[i] >> b) & 1);
	return n;
}

static unsigned int check_layout(u32 type, const struct hvg_layout_vec *v,
				 size_t n)
{
	size_t size = hvg_msrmap_size(type), i;
	struct hvg_msrmap map;
	unsigned int f = 0;

	f += KTAP_EXPECT(!hvg_msrmap_init(&map, type, map_mem, size));
	for (i = 0; i < n; i++) {
		f += KTAP_EXPECT(!hvg_msrmap_set(&map, v[i].msr, v[i].dir,
						 false));
		f += KTAP_EXPECT(clear_bits(map_mem, size) == 1);
		f += KTAP_EXPECT(!(map_mem[v[i].byte] & (1U << v[i].bit)));
		f += KTAP_EXPECT(!hvg_msrmap_intercepts(&map, v[i].msr,
							v[i].dir));
		f += KTAP_EXPECT(!hvg_msrmap_set(&map, v[i].msr, v[i].dir,
						 true));
	}
	f += KTAP_EXPECT(clear_bits(map_mem, size) == 0);
	return f;
}

static unsigned int vmx_layout(void)
{
	return check_layout(HVG_MSRMAP_VMX, hvg_vmx_layout_vecs,
			    ARRAY_SIZE(hvg_vmx_layout_vecs));
}

static unsigned int svm_layout(void)
{
	return check_layout(HVG_MSRMAP_SVM, hvg_svm_layout_vecs,
			    ARRAY_SIZE(hvg_svm_layout_vecs));
}

static unsigned int outside_ranges(void)
{
	struct hvg_msrmap map;
	unsigned int f = 0;

	f += KTAP_EXPECT(!hvg_msrmap_init(&map, HVG_MSRMAP_VMX, map_mem,
					  sizeof(map_mem)));
	f += KTAP_EXPECT(hvg_msrmap_set(&map, 0x2000, HVG_MSR_RW, false) ==
			 -HVG_ERANGE);
	f += KTAP_EXPECT(hvg_msrmap_set(&map, 0xc0010000, HVG_MSR_RW, false) ==
			 -HVG_ERANGE);
	f += KTAP_EXPECT(hvg_msrmap_intercepts(&map, 0xffffffff, HVG_MSR_READ));
	f += KTAP_EXPECT(clear_bits(map_mem, HVG_VMX_MSR_BITMAP_SIZE) == 0);
	return f;
}

/* KVM api.rst 4.97: first range deciding the direction wins; x2APIC exempt. */
static unsigned int filter_and_policy(void)
{
	static const struct hvg_msr_allow allow[] = {
		{ HVG_MSR_IA32_TSC, HVG_MSR_READ },
		{ HVG_MSR_IA32_FS_BASE, HVG_MSR_RW },
		{ HVG_MSR_X2APIC_FIRST + 0x30, HVG_MSR_RW },
	};
	static const u8 deny[1];
	struct hvg_msr_filter f = {
		.flags = HVG_MSR_FILTER_DEFAULT_DENY,
		.nr_ranges = 1,
		.ranges = { { HVG_MSR_READ, 1, HVG_MSR_IA32_FS_BASE, deny } },
	};
	struct hvg_msr_slot slots[ARRAY_SIZE(allow)];
	struct hvg_msr_policy pol;
	struct hvg_msrmap map;
	unsigned int n = 0, i;

	n += KTAP_EXPECT(!hvg_msrmap_init(&map, HVG_MSRMAP_SVM, map_mem,
					  sizeof(map_mem)));
	n += KTAP_EXPECT(!hvg_msr_policy_init(&pol, &map, allow, 3, slots, 3));
	for (i = 0; i < ARRAY_SIZE(allow); i++)
		n += KTAP_EXPECT(!hvg_msr_policy_want(&pol, HVG_MSR_OWNER_HV,
						      allow[i].msr,
						      allow[i].dirs));
	n += KTAP_EXPECT(!hvg_msr_policy_set_filter(&pol, &f));
	/* FS_BASE reads denied by the range; writes by the default. */
	n += KTAP_EXPECT(hvg_msrmap_intercepts(&map, HVG_MSR_IA32_FS_BASE,
					       HVG_MSR_READ));
	n += KTAP_EXPECT(hvg_msrmap_intercepts(&map, HVG_MSR_IA32_FS_BASE,
					       HVG_MSR_WRITE));
	n += KTAP_EXPECT(hvg_msrmap_intercepts(&map, HVG_MSR_IA32_TSC,
					       HVG_MSR_READ));
	/* x2APIC MSRs are never filtered. */
	n += KTAP_EXPECT(!hvg_msrmap_intercepts(&map, HVG_MSR_X2APIC_FIRST +
						0x30, HVG_MSR_RW));
	n += KTAP_EXPECT(!hvg_msr_policy_set_filter(&pol, NULL));
	n += KTAP_EXPECT(!hvg_msrmap_intercepts(&map, HVG_MSR_IA32_FS_BASE,
						HVG_MSR_RW));
	n += KTAP_EXPECT(clear_bits(map_mem, HVG_SVM_MSRPM_SIZE) == 5);
	return n;
}

static unsigned int nested_merge(void)
{
	static const struct hvg_msr_allow allow[] = {
		{ HVG_MSR_IA32_SYSENTER_CS, HVG_MSR_RW },
		{ HVG_MSR_IA32_XFD, HVG_MSR_RW },
		{ HVG_MSR_IA32_KERNEL_GS_BASE, HVG_MSR_RW },
	};
	struct hvg_msr_slot slots[ARRAY_SIZE(allow)];
	struct hvg_msrmap map, l1, full, sparse;
	struct hvg_msr_policy pol;
	unsigned int n = 0, i;

	n += KTAP_EXPECT(!hvg_msrmap_init(&map, HVG_MSRMAP_VMX, map_mem,
					  sizeof(map_mem)));
	n += KTAP_EXPECT(!hvg_msrmap_init(&l1, HVG_MSRMAP_VMX, l1_mem,
					  sizeof(l1_mem)));
	n += KTAP_EXPECT(!hvg_msrmap_init(&full, HVG_MSRMAP_VMX, full_mem,
					  sizeof(full_mem)));
	n += KTAP_EXPECT(!hvg_msrmap_init(&sparse, HVG_MSRMAP_VMX, sparse_mem,
					  sizeof(sparse_mem)));
	n += KTAP_EXPECT(!hvg_msr_policy_init(&pol, &map, allow, 3, slots, 3));
	for (i = 0; i < ARRAY_SIZE(allow); i++)
		n += KTAP_EXPECT(!hvg_msr_policy_want(&pol, HVG_MSR_OWNER_HV,
						      allow[i].msr, HVG_MSR_RW));
	/* L1 passes SYSENTER_CS reads and KERNEL_GS_BASE through, not XFD. */
	n += KTAP_EXPECT(!hvg_msrmap_set(&l1, HVG_MSR_IA32_SYSENTER_CS,
					 HVG_MSR_READ, false));
	n += KTAP_EXPECT(!hvg_msrmap_set(&l1, HVG_MSR_IA32_KERNEL_GS_BASE,
					 HVG_MSR_RW, false));
	n += KTAP_EXPECT(!hvg_msrmap_set(&l1, HVG_MSR_IA32_TSC, HVG_MSR_RW,
					 false));
	n += KTAP_EXPECT(!hvg_msrmap_merge_full(&full, &map, &l1));
	n += KTAP_EXPECT(!hvg_msr_policy_merge_sparse(&pol, &l1, &sparse));
	for (i = 0; i < HVG_VMX_MSR_BITMAP_SIZE; i++)
		n += KTAP_EXPECT(full_mem[i] == sparse_mem[i]);
	n += KTAP_EXPECT(clear_bits(full_mem, HVG_VMX_MSR_BITMAP_SIZE) == 3);
	n += KTAP_EXPECT(hvg_msrmap_intercepts(&full, HVG_MSR_IA32_XFD,
					       HVG_MSR_WRITE));
	n += KTAP_EXPECT(hvg_msrmap_intercepts(&full, HVG_MSR_IA32_TSC,
					       HVG_MSR_READ));
	return n;
}

static const struct ktap_case cases[] = {
	{ "vmx_layout", vmx_layout },
	{ "svm_layout", svm_layout },
	{ "outside_ranges", outside_ranges },
	{ "filter_and_policy", filter_and_policy },
	{ "nested_merge", nested_merge },
};

const struct ktap_suite bare_msr_bitmap_suite = {
	"hvgate_msr_bitmap", cases, ARRAY_SIZE(cases),
};
