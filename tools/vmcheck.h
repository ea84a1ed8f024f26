/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * hvgate-vmcheck: explain a failed VMLAUNCH/VMRESUME from a VMCS dump.
 *
 * The input format ("NAME = value" lines, '#' comments) is shared by dump
 * files, capability files, the built-in CPU profiles and the test vectors
 * of tests/vectors/, so vmcheck_assign() is the one place that knows the
 * names.
 */
#ifndef HVGATE_TOOLS_VMCHECK_H
#define HVGATE_TOOLS_VMCHECK_H

#include <stddef.h>
#include <stdio.h>

#include "hvgate_env.h"
#include <hvgate/hvgate.h>

/* Exit statuses. */
#define VMCHECK_PROCEED		0	/* the entry would proceed */
#define VMCHECK_FAILS		1	/* the entry fails (VMfail) */
#define VMCHECK_INCOMPLETE	2	/* nothing failed, some checks not evaluated */
#define VMCHECK_BAD_USAGE	3	/* bad command line */
#define VMCHECK_BAD_INPUT	4	/* unreadable or malformed input */

/**
 * struct vmcheck_input - everything a check needs, as read from text
 * @vmcs: the VMCS fields; a field the text does not name stays 0
 * @caps: the capability set; an MSR the text does not name is absent
 * @env: the entry's environment; a fact the text does not give is unknown
 * @nr_fields: VMCS fields assigned
 * @insn_given: INSTRUCTION was given (with LAUNCH_STATE makes
 *              HVG_ENV_LAUNCH known)
 * @state_given: LAUNCH_STATE was given
 */
struct vmcheck_input {
	struct hvg_vmcs12 vmcs;
	struct hvg_vmx_caps caps;
	struct hvg_vmentry_env env;
	unsigned int nr_fields;
	bool insn_given;
	bool state_given;
};

/* An empty input: no field, no capability, no fact. */
void vmcheck_input_init(struct vmcheck_input *in);

/*
 * vmcheck_assign() - apply one "NAME = value" assignment
 *
 * NAME is, case-insensitively: a VMCS field identifier
 * (hvg_vmcs_field_at()->name) or its encoding in hex; VMCS_REVISION_ID or
 * VMX_ABORT_INDICATOR (the header dwords); a capability MSR
 * (IA32_VMX_BASIC .. IA32_VMX_EXIT_CTLS2); MAXPHYADDR;
 * PERF_GLOBAL_CTRL_VALID or SPEC_CTRL_VALID (bits WRMSR accepts);
 * CPUID.LA57, CPUID.NX, CPUID.CET_SS, CPUID.CET_IBT, CPUID.LAM,
 * CPUID.SGX, CPUID.RTM (0 or 1); or an environment fact:
 * CURRENT_VMCS_POINTER (a value or "none"), INSTRUCTION (VMLAUNCH or
 * VMRESUME), LAUNCH_STATE (clear or launched), MOV_SS_BLOCKING (0 or 1),
 * IA32_EFER_LMA (0 or 1, L1's mode), VTPR (a byte). Values are C
 * integers (0x hex, decimal). "absent" removes a capability input or an
 * environment fact.
 *
 * Return: 0; -1 with a message in @err for an unknown name or a bad value.
 */
int vmcheck_assign(struct vmcheck_input *in, const char *name,
		   const char *value, char *err, size_t errlen);

/*
 * vmcheck_parse() - apply every assignment of a text
 * @text: NUL-terminated lines "NAME = value", '#' starts a comment
 * @origin: file name for messages
 * @err: stream for messages
 *
 * Return: 0; -1 after printing "origin:line: message" for the first bad
 * line.
 */
int vmcheck_parse(struct vmcheck_input *in, const char *text,
		  const char *origin, FILE *err);

/* A built-in capability profile of a real CPU. */
struct vmcheck_profile {
	const char *name;
	const char *model;
	const char *source;
	const char *text;
};

const struct vmcheck_profile *vmcheck_profiles(size_t *nr);
const struct vmcheck_profile *vmcheck_profile_find(const char *name);

/*
 * vmcheck_main() - the whole tool, with its streams as parameters so that
 * the Check suite runs it in-process.
 */
int vmcheck_main(int argc, char **argv, FILE *out, FILE *err);

#endif /* HVGATE_TOOLS_VMCHECK_H */
