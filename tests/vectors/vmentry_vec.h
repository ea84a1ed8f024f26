/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The VM-entry vectors in embedded form, for the harnesses that cannot
 * read files: the bare-metal runner and KUnit (and the Check suite, which
 * proves the embedded form says what the .vec files say).
 *
 * tests/vec2c.c reads tests/vectors/\*.vec with the hosted reader and
 * writes build/vectors/vmentry_vectors.c: every vector's VMCS, capability
 * set and environment as the non-zero 64-bit words of the three
 * structures (all three are zeroed first, so padding is zero), and its
 * expectations. The structures have the same layout on every LP64 target
 * (x86-64, aarch64, both kernels); the generated file pins their sizes.
 */
#ifndef HVGATE_VECTORS_VMENTRY_VEC_H
#define HVGATE_VECTORS_VMENTRY_VEC_H

#include "hvgate_env.h"
#include <hvgate/hvgate.h>

#define HVG_VEC_VMCS		0	/* struct hvg_vmcs12 */
#define HVG_VEC_CAPS		1	/* struct hvg_vmx_caps */
#define HVG_VEC_ENV		2	/* struct hvg_vmentry_env */

#define HVG_VEC_MAX_LIST	16

/**
 * struct hvg_vec_word - one non-zero 64-bit word of an input structure
 * @which: HVG_VEC_VMCS, HVG_VEC_CAPS or HVG_VEC_ENV
 * @idx: word index in that structure
 * @val: its value
 */
struct hvg_vec_word {
	u16 which;
	u16 idx;
	u64 val;
};

/**
 * struct hvg_vmentry_vec - one vector and what the catalogue requires
 * @name: the vector's name in its .vec file
 * @words: its input words
 * @nr_words: entries at @words
 * @outcome: HVG_VMENTRY_* expected of hvg_vmentry_check()
 * @error: the VM-instruction error expected, or 0
 * @first: the first failing diagnostic, or HVG_DIAG_NONE
 * @nr_fail: entries in @fail
 * @fail: every failing diagnostic a collect-all run must report
 * @any_ne: whether checks may be not evaluated (then exactly @ne)
 * @nr_ne: entries in @ne
 * @ne: the checks reported as not evaluated
 */
struct hvg_vmentry_vec {
	const char *name;
	const struct hvg_vec_word *words;
	u32 nr_words;
	u32 outcome;
	u32 error;
	u32 first;
	u32 nr_fail;
	u32 fail[HVG_VEC_MAX_LIST];
	bool any_ne;
	u32 nr_ne;
	u32 ne[HVG_VEC_MAX_LIST];
};

extern const struct hvg_vmentry_vec hvg_vmentry_vecs[];
extern const u32 hvg_vmentry_nr_vecs;

/*
 * hvg_vec_replay() - run one vector through the library and compare
 * Return: NULL if every expectation holds, else what did not.
 */
const char *hvg_vec_replay(const struct hvg_vmentry_vec *v);

#endif /* HVGATE_VECTORS_VMENTRY_VEC_H */
