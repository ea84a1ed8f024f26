// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The embedded VM-entry vectors and their replay, compiled into the KUnit
 * module. build/vectors/vmentry_vectors.c is generated from tests/vectors/
 * by tests/vec2c.c; `make kunit` builds it before the kernel.
 */
#include "build/vectors/vmentry_vectors.c"
#include "tests/vectors/vmentry_replay.c"
