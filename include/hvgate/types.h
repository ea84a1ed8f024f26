/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * hvgate constants and ABI structures shared by several modules. No
 * prototypes here: each module's API is in its own header.
 */
#ifndef HVGATE_TYPES_H
#define HVGATE_TYPES_H

#include "hvgate_env.h"
#include <hvgate/config.h>
#include <hvgate/error.h>

/* Access directions of an MSR; also the KVM_MSR_FILTER_READ/WRITE values. */
#define HVG_MSR_READ		0x1U
#define HVG_MSR_WRITE		0x2U
#define HVG_MSR_RW		(HVG_MSR_READ | HVG_MSR_WRITE)

#endif /* HVGATE_TYPES_H */
