// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * hvgate-vmcheck: see tools/vmcheck.c.
 */
#include "vmcheck.h"

int main(int argc, char **argv)
{
	return vmcheck_main(argc, argv, stdout, stderr);
}
