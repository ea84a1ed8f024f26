// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * arm64 console for the bare-metal runner: the PL011 UART of QEMU's virt
 * board at 0x09000000 (data register at offset 0, flag register at 0x18,
 * TXFF bit 5).
 */
#include "hvgate_env.h"
#include "../ktap.h"

#define PL011_BASE	0x09000000UL
#define PL011_DR	0x00
#define PL011_FR	0x18
#define PL011_FR_TXFF	(1U << 5)

void hvg_bare_putc(char c)
{
	volatile u32 *fr = (volatile u32 *)(PL011_BASE + PL011_FR);
	volatile u32 *dr = (volatile u32 *)(PL011_BASE + PL011_DR);

	while (*fr & PL011_FR_TXFF)
		;
	*dr = (u32)(unsigned char)c;
}
