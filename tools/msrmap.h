/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * hvgate-msrmap: decode a VMX MSR bitmap or an SVM MSR permission map.
 */
#ifndef HVGATE_TOOLS_MSRMAP_H
#define HVGATE_TOOLS_MSRMAP_H

#include <stdio.h>

/* Exit statuses. */
#define MSRMAP_OK		0	/* decoded */
#define MSRMAP_BAD_USAGE	1	/* bad command line */
#define MSRMAP_BAD_INPUT	2	/* unreadable file, wrong size */

/*
 * msrmap_main() - the whole tool, with its streams as parameters so that
 * the Check suite runs it in-process.
 */
int msrmap_main(int argc, char **argv, FILE *out, FILE *err);

#endif /* HVGATE_TOOLS_MSRMAP_H */
