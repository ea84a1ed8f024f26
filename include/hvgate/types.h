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

/**
 * struct hvg_msr_entry - one entry of a VMX MSR list
 * @index: MSR index (bits 31:0 of the entry)
 * @reserved: bits 63:32, must be 0 (a VM entry fails, or a VM exit aborts,
 *            otherwise)
 * @value: bits 127:64: the value loaded, or the value stored at VM exit
 *
 * The architectural format of the VM-entry MSR-load, VM-exit MSR-load and
 * VM-exit MSR-store areas (Intel SDM Vol. 3C, "VM-Exit Controls for MSRs"
 * and "VM-Entry Controls for MSRs"): 16 bytes per entry, the area itself
 * 16-byte aligned (bits 3:0 of its address are 0).
 */
struct hvg_msr_entry {
	u32 index;
	u32 reserved;
	u64 value;
};

static_assert(sizeof(struct hvg_msr_entry) == 16);
static_assert(offsetof(struct hvg_msr_entry, index) == 0);
static_assert(offsetof(struct hvg_msr_entry, reserved) == 4);
static_assert(offsetof(struct hvg_msr_entry, value) == 8);

#endif /* HVGATE_TYPES_H */
