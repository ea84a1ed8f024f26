// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Shared helpers of the tool suites (tests/tool_test.h).
 */
#include <stdlib.h>
#include <unistd.h>

#include "hvgate_test.h"
#include "tool_test.h"

static char tmpdir[64];

void tool_setup(void)
{
	hvg_test_setup();
	strcpy(tmpdir, "/tmp/hvgate-tool-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

void tool_teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	hvg_test_teardown();
}

const char *tool_tmpdir(void)
{
	return tmpdir;
}

const char *tool_path(const char *name)
{
	static char path[2][128];
	static int k;

	k ^= 1;
	snprintf(path[k], sizeof(path[k]), "%s/%s", tmpdir, name);
	return path[k];
}

struct tool_run tool_run(tool_main_fn fn, int argc, const char **argv)
{
	struct tool_run r;
	size_t no, ne;
	FILE *out = open_memstream(&r.out, &no);
	FILE *err = open_memstream(&r.err, &ne);

	r.status = fn(argc, (char **)argv, out, err);
	fclose(out);
	fclose(err);
	return r;
}

void tool_run_free(struct tool_run *r)
{
	free(r->out);
	free(r->err);
}
