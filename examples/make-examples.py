#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""Write the example maps that `make demo` decodes.

vmx-msr-bitmap.bin: a 4 KiB VMX MSR bitmap with the pass-through set KVM
gives a 64-bit guest (reference/upstream-kvm.md 0.1: TSC read, FS/GS/
KERNEL_GS_BASE and SYSENTER_* read/write, SPEC_CTRL once the guest wrote
it, PRED_CMD and FLUSH_CMD writes).

svm-msrpm.bin: an 8 KiB SVM MSR permission map with KVM's direct-access
set for a 64-bit guest (syscall MSRs, segment bases, SYSENTER_*), plus one
stray clear bit in the reserved tail so the tool has something to report.

Bit positions come from the manuals, written here independently of lib/:
SDM "MSR-Bitmap Address" and APM "MSR Intercepts".
"""
import os

R, W = 1, 2

def vmx_bit(msr, d):
    base = 0 if msr < 0x2000 else 0x400
    off = msr if msr < 0x2000 else msr - 0xC0000000
    assert 0 <= off < 0x2000
    return (base + (0x800 if d == W else 0)) * 8 + off

def svm_bit(msr, d):
    for vec, first in enumerate((0, 0xC0000000, 0xC0010000)):
        if first <= msr < first + 0x2000:
            return vec * 0x800 * 8 + 2 * (msr - first) + (1 if d == W else 0)
    raise ValueError(hex(msr))

def build(size, bitfn, passthrough):
    m = bytearray(b'\xff' * size)
    for msr, dirs in passthrough:
        for d in (R, W):
            if dirs & d:
                b = bitfn(msr, d)
                m[b // 8] &= ~(1 << (b % 8)) & 0xff
    return m

vmx = build(4096, vmx_bit, [
    (0x10, R),                  # IA32_TSC
    (0x48, R | W),              # IA32_SPEC_CTRL
    (0x49, W),                  # IA32_PRED_CMD
    (0x10B, W),                 # IA32_FLUSH_CMD
    (0x174, R | W), (0x175, R | W), (0x176, R | W),   # SYSENTER_*
    (0xC0000100, R | W), (0xC0000101, R | W), (0xC0000102, R | W),
])

svm = build(8192, svm_bit, [
    (0x174, R | W), (0x175, R | W), (0x176, R | W),
    (0xC0000081, R | W), (0xC0000082, R | W), (0xC0000083, R | W),
    (0xC0000084, R | W),
    (0xC0000100, R | W), (0xC0000101, R | W), (0xC0000102, R | W),
])
svm[0x1900] &= 0xFE             # reserved tail: one stray clear bit

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'vmx-msr-bitmap.bin'), 'wb') as f:
    f.write(vmx)
with open(os.path.join(here, 'svm-msrpm.bin'), 'wb') as f:
    f.write(svm)
