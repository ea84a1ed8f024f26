// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The command-line tools, run in-process on crafted files.
 *
 * hvgate-msrmap: maps are crafted here byte by byte from the SDM and APM
 * layouts (not with the library), decoded by the tool, and its table is
 * compared with the MSRs that were cleared.
 */
#include <stdio.h>
#include <stdlib.h>

#include "hvgate_test.h"
#include "msrmap.h"
#include "tool_test.h"

static const char *write_file(const char *name, const void *buf, size_t n)
{
	const char *path = tool_path(name);
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(buf, 1, n, f), n);
	fclose(f);
	return path;
}

static struct tool_run run_tool(int argc, const char **argv)
{
	return tool_run(msrmap_main, argc, argv);
}

/* Clear one intercept bit: byte and bit written from the manuals. */
static void clear_bit(u8 *m, u32 byte, u32 bit)
{
	m[byte] &= (u8)~(1U << bit);
}

START_TEST(msrmap_decodes_vmx)
{
	static u8 m[4096];
	const char *argv[2];
	struct tool_run r;

	memset(m, 0xff, sizeof(m));
	clear_bit(m, 0x002, 0);		/* IA32_TSC (0x10) read */
	clear_bit(m, 0xc20, 0);		/* IA32_FS_BASE (0xc0000100) write */
	clear_bit(m, 0x83b, 1);		/* IA32_DEBUGCTL (0x1d9) write */
	clear_bit(m, 0x03b, 1);		/* ... and read */
	clear_bit(m, 0x3ff, 7);		/* 0x1fff read: no name */
	argv[0] = "hvgate-msrmap";
	argv[1] = write_file("vmx.bin", m, sizeof(m));
	r = run_tool(2, argv);
	ck_assert_int_eq(r.status, MSRMAP_OK);
	ck_assert_ptr_nonnull(strstr(r.out, "VMX MSR bitmap, 4096 bytes"));
	ck_assert_ptr_nonnull(strstr(r.out, "0x00000010  R  -  IA32_TSC\n"));
	ck_assert_ptr_nonnull(strstr(r.out,
				     "0x000001d9  R  W  IA32_DEBUGCTL\n"));
	ck_assert_ptr_nonnull(strstr(r.out, "0x00001fff  R  -  \n"));
	ck_assert_ptr_nonnull(strstr(r.out,
				     "0xc0000100  -  W  IA32_FS_BASE\n"));
	ck_assert_ptr_nonnull(strstr(r.out, "4 MSRs passed through: 3 for "
					    "reads, 2 for writes"));
	ck_assert_ptr_nonnull(strstr(r.out, "outside the MSR ranges: none"));
	ck_assert_str_eq(r.err, "");
	tool_run_free(&r);
}
END_TEST

START_TEST(msrmap_decodes_svm_and_reserved_bits)
{
	static u8 m[8192];
	const char *argv[2];
	struct tool_run r;

	memset(m, 0xff, sizeof(m));
	clear_bit(m, 0x1045, 6);	/* VM_HSAVE_PA (0xc0010117) read */
	clear_bit(m, 0x0820, 1);	/* IA32_EFER (0xc0000080) write */
	clear_bit(m, 0x1800, 0);	/* reserved */
	clear_bit(m, 0x1fff, 7);	/* reserved */
	argv[0] = "hvgate-msrmap";
	argv[1] = write_file("svm.bin", m, sizeof(m));
	r = run_tool(2, argv);
	ck_assert_int_eq(r.status, MSRMAP_OK);
	ck_assert_ptr_nonnull(strstr(r.out, "SVM MSR permission map, 8192"));
	ck_assert_ptr_nonnull(strstr(r.out, "0xc0000080  -  W  IA32_EFER\n"));
	ck_assert_ptr_nonnull(strstr(r.out,
				     "0xc0010117  R  -  AMD_VM_HSAVE_PA\n"));
	ck_assert_ptr_nonnull(strstr(r.out, "2 MSRs passed through: 1 for "
					    "reads, 1 for writes"));
	ck_assert_ptr_nonnull(strstr(r.out, "16382 set, 2 clear (mixed"));
	tool_run_free(&r);

	/* All-ones reserved tail: reported, not flagged. */
	m[0x1800] = m[0x1fff] = 0xff;
	argv[1] = write_file("svm2.bin", m, sizeof(m));
	r = run_tool(2, argv);
	ck_assert_ptr_nonnull(strstr(r.out, "16384 set, 0 clear\n"));
	tool_run_free(&r);
}
END_TEST

START_TEST(msrmap_bundled_examples)
{
	/* examples/make-examples.py: KVM's set for a 64-bit guest. */
	const char *argv[2] = { "hvgate-msrmap",
				HVG_SRCDIR "/examples/vmx-msr-bitmap.bin" };
	struct tool_run r = run_tool(2, argv);

	ck_assert_int_eq(r.status, MSRMAP_OK);
	ck_assert_ptr_nonnull(strstr(r.out, "0x00000010  R  -  IA32_TSC\n"));
	ck_assert_ptr_nonnull(strstr(r.out,
				     "0x00000049  -  W  IA32_PRED_CMD\n"));
	ck_assert_ptr_nonnull(strstr(r.out,
				     "0xc0000102  R  W  IA32_KERNEL_GS_BASE\n"));
	ck_assert_ptr_nonnull(strstr(r.out, "10 MSRs passed through: 8 for "
					    "reads, 9 for writes"));
	tool_run_free(&r);

	argv[1] = HVG_SRCDIR "/examples/svm-msrpm.bin";
	r = run_tool(2, argv);
	ck_assert_int_eq(r.status, MSRMAP_OK);
	ck_assert_ptr_nonnull(strstr(r.out, "0xc0000083  R  W  CSTAR\n"));
	ck_assert_ptr_nonnull(strstr(r.out, "10 MSRs passed through: 10 for "
					    "reads, 10 for writes"));
	ck_assert_ptr_nonnull(strstr(r.out, "16383 set, 1 clear (mixed"));
	tool_run_free(&r);
}
END_TEST

START_TEST(msrmap_rejects_bad_input)
{
	static u8 m[9000];
	const char *argv[3] = { "hvgate-msrmap" };
	struct tool_run r;

	memset(m, 0xff, sizeof(m));
	/* A short file. */
	argv[1] = write_file("short.bin", m, 100);
	r = run_tool(2, argv);
	ck_assert_int_eq(r.status, MSRMAP_BAD_INPUT);
	ck_assert_ptr_nonnull(strstr(r.err, "short.bin: 100 bytes"));
	ck_assert_str_eq(r.out, "");
	tool_run_free(&r);
	/* One byte short of a VMX bitmap, one byte more than an SVM map. */
	argv[1] = write_file("4095.bin", m, 4095);
	r = run_tool(2, argv);
	ck_assert_int_eq(r.status, MSRMAP_BAD_INPUT);
	tool_run_free(&r);
	argv[1] = write_file("big.bin", m, 8193);
	r = run_tool(2, argv);
	ck_assert_int_eq(r.status, MSRMAP_BAD_INPUT);
	ck_assert_ptr_nonnull(strstr(r.err, "more than 8192 bytes"));
	tool_run_free(&r);
	/* A forced format that does not match the size. */
	argv[1] = "--svm";
	argv[2] = write_file("vmx.bin", m, 4096);
	r = run_tool(3, argv);
	ck_assert_int_eq(r.status, MSRMAP_BAD_INPUT);
	tool_run_free(&r);
	argv[1] = "--vmx";
	r = run_tool(3, argv);
	ck_assert_int_eq(r.status, MSRMAP_OK);
	tool_run_free(&r);
	/* A missing file. */
	argv[1] = "/nonexistent/hvgate.bin";
	r = run_tool(2, argv);
	ck_assert_int_eq(r.status, MSRMAP_BAD_INPUT);
	ck_assert_ptr_nonnull(strstr(r.err, "No such file"));
	tool_run_free(&r);
	/* Command-line errors. */
	r = run_tool(1, argv);
	ck_assert_int_eq(r.status, MSRMAP_BAD_USAGE);
	ck_assert_ptr_nonnull(strstr(r.err, "usage:"));
	tool_run_free(&r);
	argv[1] = "--bogus";
	r = run_tool(2, argv);
	ck_assert_int_eq(r.status, MSRMAP_BAD_USAGE);
	tool_run_free(&r);
	argv[1] = "a.bin";
	argv[2] = "b.bin";
	r = run_tool(3, argv);
	ck_assert_int_eq(r.status, MSRMAP_BAD_USAGE);
	tool_run_free(&r);
	argv[1] = "--help";
	r = run_tool(2, argv);
	ck_assert_int_eq(r.status, MSRMAP_OK);
	ck_assert_ptr_nonnull(strstr(r.out, "usage:"));
	tool_run_free(&r);
}
END_TEST

Suite *tools_suite(void)
{
	Suite *s = suite_create("tools");
	TCase *tc = tcase_create("hvgate-msrmap");

	tcase_add_checked_fixture(tc, tool_setup, tool_teardown);
	tcase_add_test(tc, msrmap_decodes_vmx);
	tcase_add_test(tc, msrmap_decodes_svm_and_reserved_bits);
	tcase_add_test(tc, msrmap_bundled_examples);
	tcase_add_test(tc, msrmap_rejects_bad_input);
	suite_add_tcase(s, tc);
	return s;
}
