/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * arm64 boot stub for the bare-metal runner under QEMU
 * (-M virt,virtualization=on: entered at EL2, MMU off).
 *
 * Sets the stack, clears .bss, calls hvg_bare_main() and exits QEMU with
 * its result through semihosting SYS_EXIT (0x18) with
 * ADP_Stopped_ApplicationExit (0x20026) and the exit code.
 */
	.section .text.boot, "ax"
	.globl _start
_start:
	ldr	x0, =boot_stack_top
	mov	sp, x0
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	strb	wzr, [x0], #1
	b	1b
2:	bl	hvg_bare_main
	ldr	x1, =exit_block
	str	x0, [x1, #8]
	mov	w0, #0x18
	hlt	#0xf000
3:	wfi
	b	3b

	.section .data
	.align 3
exit_block:
	.quad 0x20026
	.quad 0

	.section .bss
	.align 4
boot_stack:
	.skip 65536
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
