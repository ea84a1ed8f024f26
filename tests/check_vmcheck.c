// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * hvgate-vmcheck, run in-process on the bundled example and on dumps
 * written here: the outcome line, every failing check with its ID,
 * section and values, the not-evaluated list, JSON, the profiles and
 * every error path with its exit status.
 */
#include <stdio.h>
#include <stdlib.h>

#include "hvgate_test.h"
#include "vectors.h"
#include "tool_test.h"

#define VEC_DIR HVG_SRCDIR "/tests/vectors"

static const char *write_text(const char *name, const char *text)
{
	const char *path = tool_path(name);
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static struct tool_run run(int argc, const char **argv)
{
	return tool_run(vmcheck_main, argc, argv);
}

#define HAS(s, sub) ck_assert_msg(strstr((s), (sub)) != NULL, \
				  "missing '%s' in:\n%s", (sub), (s))

/* A dump of every VMCS field of a vector set, plus the environment. */
static char *dump_of(const char *set)
{
	struct vmcheck_input in;
	const struct hvg_vmcs_field *f;
	char *buf;
	size_t n;
	FILE *m = open_memstream(&buf, &n);
	u64 v;
	u32 i;

	vec_build_set(VEC_DIR, set, &in);
	fprintf(m, "CURRENT_VMCS_POINTER = 0x10000\nINSTRUCTION = VMLAUNCH\n"
		   "LAUNCH_STATE = clear\nMOV_SS_BLOCKING = 0\n"
		   "IA32_EFER_LMA = 1\nVTPR = 0\n");
	fprintf(m, "VMCS_REVISION_ID = %#x\n", in.vmcs.revision_id);
	for (i = 0; (f = hvg_vmcs_field_at(i)); i++) {
		v = 0;
		memcpy(&v, (const u8 *)&in.vmcs + f->offset, f->size);
		fprintf(m, "%s = %#llx\n", f->name, (unsigned long long)v);
	}
	fclose(m);
	return buf;
}

START_TEST(bundled_example)
{
	const char *argv[] = { "hvgate-vmcheck", "--cpu", "skylake-i7-6700k",
			       HVG_SRCDIR "/examples/vmlaunch-failed.dump" };
	struct tool_run r = run(4, argv);

	ck_assert_int_eq(r.status, VMCHECK_FAILS);
	HAS(r.out, "outcome: VMfailValid, VM-instruction error 7 (VM entry "
		   "with invalid control field(s))");
	HAS(r.out, "first failing check: CTL-EXEC-30 (SDM 26.2.1.1)");
	HAS(r.out, "3 failing checks:");
	HAS(r.out, "  CTL-EXEC-30  SDM 26.2.1.1  EPTP page-walk length");
	HAS(r.out, "      EPT_POINTER                      0x1000066\n");
	HAS(r.out, "      IA32_VMX_EPT_VPID_CAP            0xf0106334141\n");
	HAS(r.out, "  INJ-08       SDM 26.2.1.3");
	HAS(r.out, "      VM_ENTRY_INTERRUPTION_INFO       0x8000030e\n");
	HAS(r.out, "  HOST-CR-10   SDM 26.2.2");
	HAS(r.out, "      HOST_IA32_EFER                   0x101\n");
	HAS(r.out, "coverage of the VMfail checks for these capabilities: "
		   "complete");
	ck_assert(!strstr(r.out, "not evaluated"));
	ck_assert_str_eq(r.err, "");
	tool_run_free(&r);
}
END_TEST

START_TEST(json_output)
{
	const char *argv[] = { "hvgate-vmcheck", "--json", "--cpu",
			       "broadwell-i7-5600u",
			       HVG_SRCDIR "/examples/vmlaunch-failed.dump" };
	struct tool_run r = run(5, argv);

	ck_assert_int_eq(r.status, VMCHECK_FAILS);
	HAS(r.out, "{\"outcome\": \"vmfail-valid\", \"error\": 7, "
		   "\"first\": \"CTL-EXEC-30\"");
	HAS(r.out, "{\"id\": \"HOST-CR-10\", \"section\": \"26.2.2\"");
	HAS(r.out, "\"values\": {\"HOST_IA32_EFER\": \"0x101\", "
		   "\"PRIMARY_VM_EXIT_CONTROLS\": \"0x3feffb\"}");
	HAS(r.out, "\"not_evaluated\": []");
	tool_run_free(&r);
}
END_TEST

START_TEST(baseline_proceeds_and_caps_file)
{
	char *dump = dump_of("baseline-64");
	const char *argv[5] = { "hvgate-vmcheck", "--cpu", "skylake-i7-6700k" };
	const struct vmcheck_profile *p = vmcheck_profile_find("skylake-i7-6700k");
	struct tool_run r;

	argv[3] = write_text("base.dump", dump);
	r = run(4, argv);
	ck_assert_int_eq(r.status, VMCHECK_PROCEED);
	HAS(r.out, "outcome: the VM entry proceeds past every VMfail check");
	HAS(r.out, "0 failing checks:");
	tool_run_free(&r);

	/* The same capabilities from a file. */
	argv[1] = "--caps";
	argv[2] = write_text("sky.caps", p->text);
	r = run(4, argv);
	ck_assert_int_eq(r.status, VMCHECK_PROCEED);
	tool_run_free(&r);

	/* Without capabilities: nothing fails, many checks not evaluated. */
	argv[1] = argv[3];
	r = run(2, argv);
	ck_assert_int_eq(r.status, VMCHECK_INCOMPLETE);
	HAS(r.out, "outcome: no check failed, but ");
	HAS(r.out, "not evaluated (an input is missing):");
	HAS(r.out, "  CTL-EXEC-01  SDM 26.2.1.1");
	HAS(r.out, "      allowed PIN                      absent\n");
	HAS(r.out, "      IA32_VMX_CR0_FIXED0              absent\n");
	HAS(r.out, "capabilities: incomplete: [inputs missing]");
	tool_run_free(&r);
	free(dump);
}
END_TEST

START_TEST(unsure_first_failure_is_flagged)
{
	/* Without capabilities the host fault is found, an earlier EPT
	 * check is not evaluated: the error may really be 7. */
	const char *argv[] = { "hvgate-vmcheck",
			       HVG_SRCDIR "/examples/vmlaunch-failed.dump" };
	struct tool_run r = run(2, argv);

	ck_assert_int_eq(r.status, VMCHECK_FAILS);
	HAS(r.out, "VM-instruction error 8");
	HAS(r.out, "first failing check: HOST-CR-10");
	HAS(r.out, "(checks before it could not be evaluated: the processor "
		   "may fail one of those first)");
	tool_run_free(&r);
}
END_TEST

START_TEST(environment_and_pre_checks)
{
	const char *argv[3] = { "hvgate-vmcheck", "--json" };
	struct tool_run r;

	argv[2] = write_text("none.dump", "CURRENT_VMCS_POINTER = none\n");
	r = run(3, argv);
	ck_assert_int_eq(r.status, VMCHECK_FAILS);
	HAS(r.out, "\"outcome\": \"vmfail-invalid\"");
	HAS(r.out, "\"values\": {\"CURRENT_VMCS_POINTER\": \"none\"}");
	tool_run_free(&r);

	argv[1] = write_text("launch.dump",
			     "CURRENT_VMCS_POINTER = 0x1000\n"
			     "INSTRUCTION = vmresume\nLAUNCH_STATE = clear\n"
			     "MOV_SS_BLOCKING = 0\n");
	r = run(2, argv);
	ck_assert_int_eq(r.status, VMCHECK_FAILS);
	HAS(r.out, "VM-instruction error 5 (VMRESUME with non-launched VMCS)");
	HAS(r.out, "      INSTRUCTION                      VMRESUME\n");
	HAS(r.out, "      LAUNCH_STATE                     clear\n");
	tool_run_free(&r);

	argv[1] = write_text("movss.dump",
			     "CURRENT_VMCS_POINTER = 0x1000\n"
			     "MOV_SS_BLOCKING = 1\n");
	r = run(2, argv);
	HAS(r.out, "VM-instruction error 26 (VM entry with events blocked "
		   "by MOV SS)");
	tool_run_free(&r);

	argv[1] = write_text("launch4.dump",
			     "CURRENT_VMCS_POINTER = 0x1000\n"
			     "INSTRUCTION = VMLAUNCH\nLAUNCH_STATE = launched\n"
			     "MOV_SS_BLOCKING = 0\nIA32_EFER_LMA = absent\n"
			     "VTPR = 0x20\n");
	r = run(2, argv);
	HAS(r.out, "VM-instruction error 4 (VMLAUNCH with non-clear VMCS)");
	tool_run_free(&r);
}
END_TEST

START_TEST(list_cpus_names_sources)
{
	const char *argv[] = { "hvgate-vmcheck", "--list-cpus" };
	struct tool_run r = run(2, argv);

	ck_assert_int_eq(r.status, 0);
	HAS(r.out, "skylake-i7-6700k     Intel(R) Core(TM) i7-6700K");
	HAS(r.out, "source: VirtualBox/virtualbox@4908d8d1 src/VBox/VMM/"
		   "VMMR3/cpus/Intel_Core_i7_6700K.h");
	HAS(r.out, "broadwell-i7-5600u   Intel(R) Core(TM) i7-5600U");
	tool_run_free(&r);
}
END_TEST

START_TEST(bad_input_and_usage)
{
	const char *argv[5] = { "hvgate-vmcheck" };
	struct tool_run r;

	r = run(1, argv);
	ck_assert_int_eq(r.status, VMCHECK_BAD_USAGE);
	HAS(r.err, "usage:");
	tool_run_free(&r);
	argv[1] = "--help";
	r = run(2, argv);
	ck_assert_int_eq(r.status, 0);
	HAS(r.out, "usage:");
	tool_run_free(&r);
	argv[1] = "--bogus";
	r = run(2, argv);
	ck_assert_int_eq(r.status, VMCHECK_BAD_USAGE);
	tool_run_free(&r);
	argv[1] = "a.dump";
	argv[2] = "b.dump";
	r = run(3, argv);
	ck_assert_int_eq(r.status, VMCHECK_BAD_USAGE);
	tool_run_free(&r);
	argv[1] = "--cpu";
	argv[2] = "pentium-ii";
	argv[3] = "a.dump";
	r = run(4, argv);
	ck_assert_int_eq(r.status, VMCHECK_BAD_USAGE);
	HAS(r.err, "no CPU profile 'pentium-ii'");
	tool_run_free(&r);
	argv[1] = "--cpu";	/* option without its argument */
	r = run(2, argv);
	ck_assert_int_eq(r.status, VMCHECK_BAD_USAGE);
	tool_run_free(&r);

	argv[1] = "/nonexistent/x.dump";
	r = run(2, argv);
	ck_assert_int_eq(r.status, VMCHECK_BAD_INPUT);
	HAS(r.err, "/nonexistent/x.dump: No such file");
	tool_run_free(&r);
	argv[1] = write_text("bad1.dump", "HOST_RIP = 1\nHOST_RIP 5\n");
	r = run(2, argv);
	ck_assert_int_eq(r.status, VMCHECK_BAD_INPUT);
	HAS(r.err, "bad1.dump:2: expected NAME = value");
	tool_run_free(&r);
	argv[1] = write_text("bad2.dump", "# comment\nHOST_RIPX = 1\n");
	r = run(2, argv);
	ck_assert_int_eq(r.status, VMCHECK_BAD_INPUT);
	HAS(r.err, "bad2.dump:2: unknown name 'HOST_RIPX'");
	tool_run_free(&r);
	argv[1] = write_text("bad3.dump", "HOST_CS_SELECTOR = 0x10000\n");
	r = run(2, argv);
	ck_assert_int_eq(r.status, VMCHECK_BAD_INPUT);
	HAS(r.err, "HOST_CS_SELECTOR is a 16-bit field");
	tool_run_free(&r);
	argv[1] = write_text("bad4.dump", "MAXPHYADDR = 64\n");
	r = run(2, argv);
	ck_assert_int_eq(r.status, VMCHECK_BAD_INPUT);
	HAS(r.err, "bad value '64' for MAXPHYADDR");
	tool_run_free(&r);
	argv[1] = "--caps";
	argv[2] = "/nonexistent/c.caps";
	argv[3] = write_text("ok.dump", "HOST_RIP = 1\n");
	r = run(4, argv);
	ck_assert_int_eq(r.status, VMCHECK_BAD_INPUT);
	tool_run_free(&r);
}
END_TEST

/* Every assignment form the dumps, profiles and vectors use. */
START_TEST(assignments)
{
	struct vmcheck_input in;
	char err[160];

	vmcheck_input_init(&in);
	ck_assert_int_eq(vmcheck_assign(&in, "0x6c16", "0xffffffff81000000",
					err, sizeof(err)), 0);
	ck_assert_uint_eq(in.vmcs.host_rip, 0xffffffff81000000ULL);
	ck_assert_int_eq(vmcheck_assign(&in, "host_cr4", "1", err,
					sizeof(err)), 0);
	ck_assert_uint_eq(in.vmcs.host_cr4, 1);
	ck_assert_int_eq(vmcheck_assign(&in, "0x6c17", "1", err, sizeof(err)),
			 -1);	/* high access: no field of its own */
	ck_assert_int_eq(vmcheck_assign(&in, "0xfffffffff", "1", err,
					sizeof(err)), -1);
	ck_assert_int_eq(vmcheck_assign(&in, "HOST_RIP", "-1", err,
					sizeof(err)), -1);
	ck_assert_int_eq(vmcheck_assign(&in, "HOST_RIP", "", err, sizeof(err)),
			 -1);
	ck_assert_int_eq(vmcheck_assign(&in, "HOST_RIP", "0x1g", err,
					sizeof(err)), -1);
	ck_assert_int_eq(vmcheck_assign(&in, "VMX_ABORT_INDICATOR", "5", err,
					sizeof(err)), 0);
	ck_assert_uint_eq(in.vmcs.abort_indicator, 5);
	ck_assert_int_eq(vmcheck_assign(&in, "VMCS_REVISION_ID", "0x100000000",
					err, sizeof(err)), -1);
	ck_assert_int_eq(vmcheck_assign(&in, "IA32_VMX_MISC", "x", err,
					sizeof(err)), -1);
	ck_assert_int_eq(vmcheck_assign(&in, "IA32_VMX_MISC", "5", err,
					sizeof(err)), 0);
	ck_assert_int_eq(vmcheck_assign(&in, "IA32_VMX_MISC", "absent", err,
					sizeof(err)), 0);
	ck_assert_uint_eq(in.caps.present, 0);
	ck_assert_int_eq(vmcheck_assign(&in, "CPUID.LA57", "2", err,
					sizeof(err)), -1);
	ck_assert_int_eq(vmcheck_assign(&in, "cpuid.la57", "1", err,
					sizeof(err)), 0);
	ck_assert_uint_eq(in.caps.cpu & in.caps.cpu_known, HVG_CPU_LA57);
	ck_assert_int_eq(vmcheck_assign(&in, "CPUID.LA57", "absent", err,
					sizeof(err)), 0);
	ck_assert_uint_eq(in.caps.cpu_known | in.caps.cpu, 0);
	ck_assert_int_eq(vmcheck_assign(&in, "MAXPHYADDR", "absent", err,
					sizeof(err)), 0);
	ck_assert_int_eq(vmcheck_assign(&in, "MAXPHYADDR", "x", err,
					sizeof(err)), -1);
	ck_assert_int_eq(vmcheck_assign(&in, "SPEC_CTRL_VALID", "x", err,
					sizeof(err)), -1);
	ck_assert_int_eq(vmcheck_assign(&in, "SPEC_CTRL_VALID", "7", err,
					sizeof(err)), 0);
	ck_assert_int_eq(vmcheck_assign(&in, "SPEC_CTRL_VALID", "absent", err,
					sizeof(err)), 0);
	ck_assert_uint_eq(in.caps.known, 0);
	ck_assert_int_eq(vmcheck_assign(&in, "HOST_RIP", "absent", err,
					sizeof(err)), -1);
	/* Environment facts and their removal. */
	ck_assert_int_eq(vmcheck_assign(&in, "CURRENT_VMCS_POINTER", "x", err,
					sizeof(err)), -1);
	ck_assert_int_eq(vmcheck_assign(&in, "CURRENT_VMCS_POINTER", "absent",
					err, sizeof(err)), 0);
	ck_assert_int_eq(vmcheck_assign(&in, "INSTRUCTION", "VMCALL", err,
					sizeof(err)), -1);
	ck_assert_int_eq(vmcheck_assign(&in, "INSTRUCTION", "vmlaunch", err,
					sizeof(err)), 0);
	ck_assert_uint_eq(in.env.known, 0);	/* the state is still missing */
	ck_assert_int_eq(vmcheck_assign(&in, "LAUNCH_STATE", "clear", err,
					sizeof(err)), 0);
	ck_assert_uint_eq(in.env.known, HVG_ENV_LAUNCH);
	ck_assert_int_eq(vmcheck_assign(&in, "LAUNCH_STATE", "absent", err,
					sizeof(err)), 0);
	ck_assert_uint_eq(in.env.known, 0);
	ck_assert_int_eq(vmcheck_assign(&in, "MOV_SS_BLOCKING", "2", err,
					sizeof(err)), -1);
	ck_assert_int_eq(vmcheck_assign(&in, "IA32_EFER_LMA", "1", err,
					sizeof(err)), 0);
	ck_assert_int_eq(vmcheck_assign(&in, "IA32_EFER_LMA", "absent", err,
					sizeof(err)), 0);
	ck_assert_int_eq(vmcheck_assign(&in, "VTPR", "0x100", err,
					sizeof(err)), -1);
	ck_assert_int_eq(vmcheck_assign(&in, "VTPR", "absent", err,
					sizeof(err)), 0);
	ck_assert_uint_eq(in.env.known, 0);
}
END_TEST

Suite *vmcheck_suite(void)
{
	Suite *s = suite_create("vmcheck");
	TCase *tc = tcase_create("hvgate-vmcheck");

	tcase_add_checked_fixture(tc, tool_setup, tool_teardown);
	tcase_add_test(tc, bundled_example);
	tcase_add_test(tc, json_output);
	tcase_add_test(tc, baseline_proceeds_and_caps_file);
	tcase_add_test(tc, unsure_first_failure_is_flagged);
	tcase_add_test(tc, environment_and_pre_checks);
	tcase_add_test(tc, list_cpus_names_sources);
	tcase_add_test(tc, bad_input_and_usage);
	tcase_add_test(tc, assignments);
	suite_add_tcase(s, tc);
	return s;
}
