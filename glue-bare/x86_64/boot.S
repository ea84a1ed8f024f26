/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * x86-64 boot stub for the bare-metal runner under QEMU (-kernel).
 *
 * QEMU's multiboot loader only takes 32-bit ELF images, so the image is
 * linked for x86-64 and converted with objcopy -O elf32-i386. The loader
 * enters _start in 32-bit protected mode with paging off. We identity-map
 * the first GiB with 2 MiB pages, enable PAE, EFER.LME and paging, jump to
 * a 64-bit code segment, clear .bss, call hvg_bare_main() and report its
 * result through QEMU's isa-debug-exit device at port 0xf4.
 */
	.section .multiboot, "a"
	.align 4
	.long 0x1badb002		/* multiboot 1 magic */
	.long 0				/* flags */
	.long -0x1badb002		/* checksum */

	.section .text.boot, "ax"
	.code32
	.globl _start
_start:
	cli
	movl $boot_stack_top, %esp

	/* The tables are not part of the loaded image: clear them first. */
	movl $pml4, %edi
	movl $(3 * 4096 / 4), %ecx
	xorl %eax, %eax
	rep stosl

	/* PML4[0] -> PDPT, PDPT[0] -> PD, PD[i] = i * 2 MiB, present|rw|ps. */
	movl $pdpt, %eax
	orl $0x3, %eax
	movl %eax, pml4
	movl $pd, %eax
	orl $0x3, %eax
	movl %eax, pdpt
	movl $pd, %edi
	movl $0x83, %eax
	movl $512, %ecx
1:	movl %eax, (%edi)
	movl $0, 4(%edi)
	addl $0x200000, %eax
	addl $8, %edi
	loop 1b

	movl $pml4, %eax
	movl %eax, %cr3
	movl %cr4, %eax
	orl $0x20, %eax			/* CR4.PAE */
	movl %eax, %cr4
	movl $0xc0000080, %ecx		/* IA32_EFER */
	rdmsr
	orl $0x100, %eax		/* EFER.LME */
	wrmsr
	movl %cr0, %eax
	orl $0x80000001, %eax		/* CR0.PG | CR0.PE */
	movl %eax, %cr0
	lgdt gdt_ptr
	ljmp $0x08, $long_mode

	.code64
long_mode:
	movw $0x10, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	movw %ax, %fs
	movw %ax, %gs
	movq $boot_stack_top, %rsp

	/* Clear .bss (the page tables and stack live in .boot_data). */
	movq $__bss_start, %rdi
	movq $__bss_end, %rcx
	subq %rdi, %rcx
	xorl %eax, %eax
	rep stosb

	call hvg_bare_main
	movw $0xf4, %dx
	outl %eax, %dx			/* QEMU exits with (eax << 1) | 1 */
2:	hlt
	jmp 2b

	.section .rodata
	.align 8
gdt:
	.quad 0
	.quad 0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff	/* 0x10: data */
gdt_end:
gdt_ptr:
	.word gdt_end - gdt - 1
	.long gdt

	.section .boot_data, "aw", @nobits
	.align 4096
pml4:	.skip 4096
pdpt:	.skip 4096
pd:	.skip 4096
	.align 16
boot_stack:
	.skip 65536
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
