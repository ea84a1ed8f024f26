// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * hvgate error codes and their names.
 */
#include "hvgate_env.h"
#include "internal.h"

static const char *const hvg_error_names[HVG_EMAX + 1] = {
	[0] = "success",
	[HVG_EINVAL] = "invalid argument",
	[HVG_ERANGE] = "outside the architectural range",
	[HVG_ENOSPC] = "list full",
	[HVG_ENOENT] = "not present",
	[HVG_EEXIST] = "already present",
	[HVG_EPERM] = "not permitted by policy",
	[HVG_ESTATE] = "invalid in the current state",
	[HVG_ENOTSUP] = "not offered by the capabilities",
};

const char *hvg_strerror(int err)
{
	unsigned int code = err < 0 ? -(unsigned int)err : (unsigned int)err;

	if (code > HVG_EMAX)
		return "unknown error";
	return hvg_error_names[code];
}
