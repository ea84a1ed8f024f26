// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Reader of the VM-entry test vectors. Plain C with stdio only, so that
 * the bare-metal and kernel harnesses can reuse the format (they would
 * embed the files; this reader is for the hosted suite).
 *
 * A file is a sequence of blocks:
 *
 *   [set NAME]       named assignments (a baseline, a synthetic profile)
 *   [vector NAME]    a test: assignments, then expectations
 *
 * Inside a block, "profile = X" and "base = X" apply a built-in CPU
 * profile (tools/vmcheck_profiles.c) or a set, at that point; every other
 * "NAME = value" line is a vmcheck_assign() assignment; a vector adds
 * "expect", "first", "also", "boundary" and "not-evaluated".
 */
#include <check.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hvgate_test.h"
#include "vectors.h"

struct vline {
	char key[64];
	char value[256];
	unsigned int line;
};

struct block {
	bool vector;
	char name[96];
	char file[64];
	unsigned int line;
	struct vline *lines;
	size_t nr;
};

static struct block *blocks;
static size_t nr_blocks;
static char loaded_dir[512];

u32 vec_diag_by_name(const char *name)
{
	const struct hvg_vmentry_diag_info *d;
	u32 i;

	for (i = 1; i < HVG_DIAG_NR; i++) {
		d = hvg_vmentry_diag_info(i);
		if (!strcasecmp(d->name, name))
			return i;
	}
	return HVG_DIAG_NONE;
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
			 e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static void read_file(const char *dir, const char *fname)
{
	char path[1024], buf[512], *l, *eq, *hash;
	struct block *b = NULL;
	unsigned int nr = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, fname);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	while (fgets(buf, sizeof(buf), f)) {
		nr++;
		hash = strchr(buf, '#');
		if (hash)
			*hash = '\0';
		l = trim(buf);
		if (!*l)
			continue;
		if (*l == '[') {
			char kind[16], name[96];

			ck_assert_msg(sscanf(l, "[%15s %95[^]]]", kind, name) == 2,
				      "%s:%u: bad block header", fname, nr);
			blocks = realloc(blocks, (nr_blocks + 1) * sizeof(*b));
			b = &blocks[nr_blocks++];
			memset(b, 0, sizeof(*b));
			ck_assert_msg(!strcmp(kind, "set") || !strcmp(kind, "vector"),
				      "%s:%u: unknown block kind", fname, nr);
			b->vector = !strcmp(kind, "vector");
			snprintf(b->name, sizeof(b->name), "%s", trim(name));
			snprintf(b->file, sizeof(b->file), "%s", fname);
			b->line = nr;
			continue;
		}
		ck_assert_msg(b != NULL, "%s:%u: line outside a block", fname, nr);
		eq = strchr(l, '=');
		ck_assert_msg(eq != NULL, "%s:%u: expected NAME = value", fname,
			      nr);
		*eq = '\0';
		b->lines = realloc(b->lines, (b->nr + 1) * sizeof(*b->lines));
		snprintf(b->lines[b->nr].key, sizeof(b->lines[0].key), "%s",
			 trim(l));
		snprintf(b->lines[b->nr].value, sizeof(b->lines[0].value), "%s",
			 trim(eq + 1));
		b->lines[b->nr].line = nr;
		b->nr++;
	}
	fclose(f);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_dir(const char *dir)
{
	char *names[256];
	size_t n = 0, i;
	struct dirent *de;
	DIR *d;

	if (!strcmp(loaded_dir, dir))
		return;
	d = opendir(dir);
	ck_assert_msg(d != NULL, "cannot open %s", dir);
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);

		if (len > 4 && !strcmp(de->d_name + len - 4, ".vec")) {
			ck_assert_uint_lt(n, ARRAY_SIZE(names));
			names[n++] = strdup(de->d_name);
		}
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), cmp_str);
	for (i = 0; i < n; i++) {
		read_file(dir, names[i]);
		free(names[i]);
	}
	snprintf(loaded_dir, sizeof(loaded_dir), "%s", dir);
}

static const struct block *find_set(const char *name)
{
	size_t i;

	for (i = 0; i < nr_blocks; i++)
		if (!blocks[i].vector && !strcmp(blocks[i].name, name))
			return &blocks[i];
	return NULL;
}

static void apply(struct vmcheck_input *in, const char *name, const char *file,
		  unsigned int line, int depth);

static bool is_expectation(const char *key)
{
	return !strcmp(key, "expect") || !strcmp(key, "first") ||
	       !strcmp(key, "also") || !strcmp(key, "boundary") ||
	       !strcmp(key, "not-evaluated");
}

static void apply_lines(struct vmcheck_input *in, const struct block *b,
			int depth)
{
	char msg[160];
	size_t i;

	for (i = 0; i < b->nr; i++) {
		const struct vline *l = &b->lines[i];

		if (!strcmp(l->key, "profile") || !strcmp(l->key, "base")) {
			apply(in, l->value, b->file, l->line, depth + 1);
			continue;
		}
		if (is_expectation(l->key)) {
			ck_assert_msg(b->vector, "%s:%u: expectation in a set",
				      b->file, l->line);
			continue;
		}
		ck_assert_msg(!vmcheck_assign(in, l->key, l->value, msg,
					      sizeof(msg)),
			      "%s:%u: %s", b->file, l->line, msg);
	}
}

static void apply(struct vmcheck_input *in, const char *name, const char *file,
		  unsigned int line, int depth)
{
	const struct vmcheck_profile *p = vmcheck_profile_find(name);
	const struct block *set;

	ck_assert_msg(depth < 8, "%s:%u: sets nest too deep", file, line);
	if (p) {
		ck_assert_int_eq(vmcheck_parse(in, p->text, p->name, stderr), 0);
		return;
	}
	set = find_set(name);
	ck_assert_msg(set != NULL, "%s:%u: no profile or set '%s'", file, line,
		      name);
	apply_lines(in, set, depth);
}

void vec_build_set(const char *dir, const char *set, struct vmcheck_input *in)
{
	vmcheck_input_init(in);
	vec_apply_set(dir, set, in);
}

void vec_apply_set(const char *dir, const char *set, struct vmcheck_input *in)
{
	load_dir(dir);
	apply(in, set, "(test)", 0, 0);
}

static u32 diag_or_die(const char *name, const struct block *b,
		       unsigned int line)
{
	u32 d;

	if (!strcasecmp(name, "none"))
		return HVG_DIAG_NONE;
	d = vec_diag_by_name(name);
	ck_assert_msg(d != HVG_DIAG_NONE, "%s:%u: unknown diagnostic '%s'",
		      b->file, line, name);
	return d;
}

static u32 diag_list(const char *value, u32 *out, const struct block *b,
		     unsigned int line)
{
	char buf[256], *tok, *save;
	u32 n = 0;

	snprintf(buf, sizeof(buf), "%s", value);
	for (tok = strtok_r(buf, " ,", &save); tok;
	     tok = strtok_r(NULL, " ,", &save)) {
		ck_assert_msg(n < VEC_MAX_LIST, "%s:%u: list too long", b->file,
			      line);
		out[n++] = diag_or_die(tok, b, line);
	}
	return n;
}

static void expectations(struct vec *v, const struct block *b)
{
	bool have_expect = false, have_first = false;
	unsigned int err;
	size_t i;

	for (i = 0; i < b->nr; i++) {
		const struct vline *l = &b->lines[i];

		if (!strcmp(l->key, "expect")) {
			have_expect = true;
			if (!strcmp(l->value, "proceed"))
				v->outcome = HVG_VMENTRY_PROCEED;
			else if (!strcmp(l->value, "vmfail-invalid"))
				v->outcome = HVG_VMENTRY_VMFAIL_INVALID;
			else if (!strcmp(l->value, "incomplete"))
				v->outcome = HVG_VMENTRY_INCOMPLETE;
			else if (sscanf(l->value, "vmfail-valid %u", &err) == 1) {
				v->outcome = HVG_VMENTRY_VMFAIL_VALID;
				v->error = err;
			} else
				ck_abort_msg("%s:%u: bad expect '%s'", b->file,
					     l->line, l->value);
		} else if (!strcmp(l->key, "first")) {
			have_first = true;
			v->first = diag_or_die(l->value, b, l->line);
		} else if (!strcmp(l->key, "also")) {
			v->nr_also = diag_list(l->value, v->also, b, l->line);
		} else if (!strcmp(l->key, "boundary")) {
			v->boundary = diag_or_die(l->value, b, l->line);
		} else if (!strcmp(l->key, "not-evaluated")) {
			v->has_not_evaluated = true;
			v->nr_not_evaluated = diag_list(l->value,
							v->not_evaluated, b,
							l->line);
		}
	}
	ck_assert_msg(have_expect && have_first,
		      "%s:%u: vector without expect or first", b->file, b->line);
}

size_t vec_load_all(const char *dir, struct vec **out)
{
	struct vec *vecs = NULL;
	size_t i, n = 0;

	load_dir(dir);
	for (i = 0; i < nr_blocks; i++) {
		const struct block *b = &blocks[i];
		struct vec *v;

		if (!b->vector)
			continue;
		vecs = realloc(vecs, (n + 1) * sizeof(*vecs));
		v = &vecs[n++];
		memset(v, 0, sizeof(*v));
		snprintf(v->name, sizeof(v->name), "%s", b->name);
		snprintf(v->file, sizeof(v->file), "%s", b->file);
		v->line = b->line;
		vmcheck_input_init(&v->in);
		apply_lines(&v->in, b, 0);
		expectations(v, b);
	}
	*out = vecs;
	return n;
}
