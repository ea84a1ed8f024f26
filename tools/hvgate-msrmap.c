// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * hvgate-msrmap: see tools/msrmap.c.
 */
#include "msrmap.h"

int main(int argc, char **argv)
{
	return msrmap_main(argc, argv, stdout, stderr);
}
