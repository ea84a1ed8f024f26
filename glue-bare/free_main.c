// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Entry point of the freestanding link (make freestanding): proves that
 * lib/ links with no C library, for x86-64 and aarch64, and runs a first
 * decision so the result is not an empty shell. A boot stub for QEMU can
 * call hvg_free_start() after setting up a stack.
 */
#include "hvgate_env.h"
#include <hvgate/hvgate.h>

void hvg_free_start(void);

static u8 bitmap[HVG_VMX_MSR_BITMAP_SIZE] __attribute__((aligned(4096)));
volatile int hvg_free_result;

void hvg_free_start(void)
{
	struct hvg_msrmap map;
	int ret;

	ret = hvg_msrmap_init(&map, HVG_MSRMAP_VMX, bitmap, sizeof(bitmap));
	if (!ret)
		ret = hvg_msrmap_set(&map, HVG_MSR_IA32_TSC, HVG_MSR_READ,
				     false);
	/* IA32_TSC read: SDM read-low quarter, byte 2 bit 0. */
	hvg_free_result = ret ? ret : !(bitmap[2] & 1);
	for (;;)
		barrier();
}
