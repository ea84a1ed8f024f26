// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * x86-64 console for the bare-metal runner: COM1 (I/O port 0x3f8), which
 * QEMU's 16550 emulation accepts without initialisation.
 */
#include "hvgate_env.h"
#include "../ktap.h"

#define COM1		0x3f8
#define COM1_LSR	(COM1 + 5)
#define LSR_THRE	0x20

static inline void outb(u16 port, u8 val)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(val), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 val;

	__asm__ __volatile__("inb %1, %0" : "=a"(val) : "Nd"(port));
	return val;
}

void hvg_bare_putc(char c)
{
	while (!(inb(COM1_LSR) & LSR_THRE))
		;
	outb(COM1, (u8)c);
}
