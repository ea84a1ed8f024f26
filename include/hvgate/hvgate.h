/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * hvgate - the decisions a hypervisor makes at the guest boundary.
 *
 * Umbrella header: every public header of the library. Include
 * "hvgate_env.h" of your backend first, or let this header pull it in.
 */
#ifndef HVGATE_HVGATE_H
#define HVGATE_HVGATE_H

#include "hvgate_env.h"
#include <hvgate/types.h>
#include <hvgate/error.h>
#include <hvgate/msr-index.h>
#include <hvgate/msr_bitmap.h>
#include <hvgate/lbr.h>
#include <hvgate/xfd.h>
#include <hvgate/arm64_debug.h>
#include <hvgate/autoload.h>
#include <hvgate/vmcs.h>
#include <hvgate/vmentry.h>

#endif /* HVGATE_HVGATE_H */
