/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * hvgate error codes.
 *
 * A function that acts returns 0 on success or a negative HVG_E* code; a
 * predicate returns bool. The codes are defined positive and returned
 * negated (-HVG_EINVAL), as libfdt does with FDT_ERR_*. On any error the
 * function has changed nothing: no partial write to caller memory. The
 * Linux glue translates the codes to -errno at its boundary
 * (hvgate_to_errno()).
 */
#ifndef HVGATE_ERROR_H
#define HVGATE_ERROR_H

/* An argument is NULL, an enum value is unknown, or a structure is malformed. */
#define HVG_EINVAL	1
/* An index or value lies outside its architectural range. */
#define HVG_ERANGE	2
/* A fixed-capacity list or table is full. */
#define HVG_ENOSPC	3
/* The named object is not present. */
#define HVG_ENOENT	4
/* The object is already present. */
#define HVG_EEXIST	5
/* The policy does not permit the operation (e.g. not on the allow list). */
#define HVG_EPERM	6
/* The operation is not valid in the object's current state. */
#define HVG_ESTATE	7
/* The capabilities given to the library do not offer the feature. */
#define HVG_ENOTSUP	8

#define HVG_EMAX	8

/**
 * hvg_strerror() - name an hvgate error code
 * @err: 0, a negative HVG_E* code as returned, or its positive value
 *
 * Return: a constant string; "unknown error" for a value outside the set.
 */
const char *hvg_strerror(int err);

#endif /* HVGATE_ERROR_H */
