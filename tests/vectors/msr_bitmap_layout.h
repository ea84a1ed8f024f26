/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Spec vectors for msr_bitmap: where the manuals put each intercept bit.
 *
 * Data only, shared by the Check suite (tests/check_msr_bitmap.c), the
 * KUnit suite (glue-linux/kunit_msr_bitmap.c) and the bare-metal runner
 * (glue-bare/bare_tests.c), so every build of lib/ is held to the same
 * values. Written from the manuals, not from lib/.
 */
#ifndef HVGATE_VECTORS_MSR_BITMAP_LAYOUT_H
#define HVGATE_VECTORS_MSR_BITMAP_LAYOUT_H

#include "hvgate_env.h"
#include <hvgate/types.h>

/**
 * struct hvg_layout_vec - one intercept bit
 * @msr: MSR index
 * @dir: HVG_MSR_READ or HVG_MSR_WRITE
 * @byte: byte offset of the bit in the map
 * @bit: bit number within that byte
 */
struct hvg_layout_vec {
	u32 msr;
	u32 dir;
	u32 byte;
	u32 bit;
};

/*
 * SDM Vol. 3C, "MSR-Bitmap Address": read bitmap for low MSRs at bytes
 * 0-1023 (MSR n is bit n), read bitmap for high MSRs at 1024-2047 (MSR
 * 0xc0000000 + n is bit n), write bitmaps for low and high MSRs at
 * 2048-3071 and 3072-4095.
 */
static const struct hvg_layout_vec hvg_vmx_layout_vecs[] = {
	{ 0x00000000, HVG_MSR_READ, 0x000, 0 },
	{ 0x00000000, HVG_MSR_WRITE, 0x800, 0 },
	{ 0x00000010, HVG_MSR_READ, 0x002, 0 },		/* IA32_TSC */
	{ 0x00000010, HVG_MSR_WRITE, 0x802, 0 },
	{ 0x000001d9, HVG_MSR_READ, 0x03b, 1 },		/* IA32_DEBUGCTL: 473 */
	{ 0x000001d9, HVG_MSR_WRITE, 0x83b, 1 },
	{ 0x00001fff, HVG_MSR_READ, 0x3ff, 7 },
	{ 0x00001fff, HVG_MSR_WRITE, 0xbff, 7 },
	{ 0xc0000000, HVG_MSR_READ, 0x400, 0 },
	{ 0xc0000000, HVG_MSR_WRITE, 0xc00, 0 },
	{ 0xc0000080, HVG_MSR_READ, 0x410, 0 },		/* IA32_EFER */
	{ 0xc0000103, HVG_MSR_WRITE, 0xc20, 3 },	/* IA32_TSC_AUX: 259 */
	{ 0xc0001fff, HVG_MSR_READ, 0x7ff, 7 },
	{ 0xc0001fff, HVG_MSR_WRITE, 0xfff, 7 },
};

/*
 * AMD APM Vol. 2, "MSR Intercepts": MSRPM bytes 0x000-0x7ff for MSRs
 * 0-0x1fff, 0x800-0xfff for 0xc0000000-0xc0001fff, 0x1000-0x17ff for
 * 0xc0010000-0xc0011fff; two bits per MSR, even bit read, odd bit write.
 */
static const struct hvg_layout_vec hvg_svm_layout_vecs[] = {
	{ 0x00000000, HVG_MSR_READ, 0x0000, 0 },
	{ 0x00000000, HVG_MSR_WRITE, 0x0000, 1 },
	{ 0x00000010, HVG_MSR_READ, 0x0004, 0 },	/* 0x10 * 2 = bit 32 */
	{ 0x00000010, HVG_MSR_WRITE, 0x0004, 1 },
	{ 0x000001d9, HVG_MSR_READ, 0x0076, 2 },	/* 473 * 2 = 946 */
	{ 0x000001d9, HVG_MSR_WRITE, 0x0076, 3 },
	{ 0x00001fff, HVG_MSR_WRITE, 0x07ff, 7 },
	{ 0xc0000000, HVG_MSR_READ, 0x0800, 0 },
	{ 0xc0000080, HVG_MSR_READ, 0x0820, 0 },
	{ 0xc0000080, HVG_MSR_WRITE, 0x0820, 1 },
	{ 0xc0001fff, HVG_MSR_WRITE, 0x0fff, 7 },
	{ 0xc0010000, HVG_MSR_READ, 0x1000, 0 },
	{ 0xc0010117, HVG_MSR_READ, 0x1045, 6 },	/* VM_HSAVE_PA: 0x22e */
	{ 0xc0010117, HVG_MSR_WRITE, 0x1045, 7 },
	{ 0xc0011fff, HVG_MSR_READ, 0x17ff, 6 },
	{ 0xc0011fff, HVG_MSR_WRITE, 0x17ff, 7 },
};

#endif /* HVGATE_VECTORS_MSR_BITMAP_LAYOUT_H */
