/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Running the command-line tools in-process from the Check suites: a
 * scratch directory per test case, and a runner that captures a tool's
 * exit status, standard output and standard error.
 */
#ifndef HVGATE_TOOL_TEST_H
#define HVGATE_TOOL_TEST_H

#include <stdio.h>

/* A tool's entry point with its streams as parameters (tools/msrmap.h). */
typedef int (*tool_main_fn)(int argc, char **argv, FILE *out, FILE *err);

struct tool_run {
	int status;
	char *out;
	char *err;
};

/* Checked fixture: a fresh scratch directory, removed at teardown. */
void tool_setup(void);
void tool_teardown(void);

/* The scratch directory of the running test case. */
const char *tool_tmpdir(void);

/* A path in the scratch directory; two live at a time. */
const char *tool_path(const char *name);

struct tool_run tool_run(tool_main_fn fn, int argc, const char **argv);
void tool_run_free(struct tool_run *r);

#endif /* HVGATE_TOOL_TEST_H */
