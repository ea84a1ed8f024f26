/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Reader of the VM-entry test vectors (tests/vectors/NN-name.vec; the format is
 * described in tests/vectors/README.md).
 */
#ifndef HVGATE_TESTS_VECTORS_H
#define HVGATE_TESTS_VECTORS_H

#include "vmcheck.h"

#define VEC_MAX_LIST	16

/* One vector, built and with its expectations. */
struct vec {
	char name[96];
	char file[64];
	unsigned int line;
	struct vmcheck_input in;
	u32 outcome;		/* HVG_VMENTRY_* */
	u32 error;
	u32 first;		/* HVG_DIAG_NONE for none */
	u32 also[VEC_MAX_LIST];
	u32 nr_also;
	u32 boundary;		/* HVG_DIAG_NONE if not a boundary vector */
	bool has_not_evaluated;
	u32 not_evaluated[VEC_MAX_LIST];
	u32 nr_not_evaluated;
};

/* Diagnostic by catalogue ID ("CTL-EXEC-07"); HVG_DIAG_NONE if unknown. */
u32 vec_diag_by_name(const char *name);

/*
 * vec_load_all() - read every *.vec file of @dir and build every vector
 * Return: the number of vectors (the array is malloc'd into *@out); aborts
 * the test with a message on a malformed file.
 */
size_t vec_load_all(const char *dir, struct vec **out);

/* Build the named set of @dir into @in (profiles and baselines). */
void vec_build_set(const char *dir, const char *set, struct vmcheck_input *in);

/* Apply the named set (or built-in profile) on top of @in. */
void vec_apply_set(const char *dir, const char *set, struct vmcheck_input *in);

#endif /* HVGATE_TESTS_VECTORS_H */
