// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * vmcs: the encoding table, VMREAD/VMWRITE semantics and the capability
 * set.
 *
 * Expected encodings are copied from the SDM's appendix B (and the
 * catalogue's section 13.2), widths are decoded here from encoding bits
 * 14:13 independently of lib/vmcs.c, and the capability rules are the
 * SDM appendix A text.
 */
#include "hvgate_test.h"

/* A few fields by encoding, name and member, from SDM appendix B. */
struct known_field {
	u32 enc;
	const char *name;
	size_t offset;
	size_t size;
};

#define KF(enc, name, member) \
	{ enc, name, offsetof(struct hvg_vmcs12, member), \
	  sizeof(((struct hvg_vmcs12 *)0)->member) }

static const struct known_field known[] = {
	KF(0x0000, "VIRTUAL_PROCESSOR_ID", vpid),
	KF(0x0002, "POSTED_INTR_NOTIFICATION_VECTOR", posted_intr_nv),
	KF(0x0804, "GUEST_SS_SELECTOR", guest_ss_selector),
	KF(0x080e, "GUEST_TR_SELECTOR", guest_tr_selector),
	KF(0x0c02, "HOST_CS_SELECTOR", host_cs_selector),
	KF(0x0c0c, "HOST_TR_SELECTOR", host_tr_selector),
	KF(0x2000, "IO_BITMAP_A_ADDRESS", io_bitmap_a),
	KF(0x200a, "VM_ENTRY_MSR_LOAD_ADDRESS", entry_msr_load_addr),
	KF(0x201a, "EPT_POINTER", eptp),
	KF(0x2032, "TSC_MULTIPLIER", tsc_multiplier),
	KF(0x2034, "TERTIARY_VM_EXEC_CONTROLS", tertiary_vm_exec_control),
	KF(0x2044, "SECONDARY_VM_EXIT_CONTROLS", secondary_vm_exit_controls),
	KF(0x2400, "GUEST_PHYSICAL_ADDRESS", guest_physical_address),
	KF(0x2800, "VMCS_LINK_POINTER", vmcs_link_pointer),
	KF(0x2806, "GUEST_IA32_EFER", guest_ia32_efer),
	KF(0x2810, "GUEST_PDPTE3", guest_pdpte3),
	KF(0x2c02, "HOST_IA32_EFER", host_ia32_efer),
	KF(0x2c16, "HOST_IA32_FRED_SSP3", host_ia32_fred_ssp3),
	KF(0x4000, "PIN_BASED_VM_EXEC_CONTROLS", pin_based_vm_exec_control),
	KF(0x4002, "PRIMARY_VM_EXEC_CONTROLS", primary_vm_exec_control),
	KF(0x400c, "PRIMARY_VM_EXIT_CONTROLS", vm_exit_controls),
	KF(0x4012, "VM_ENTRY_CONTROLS", vm_entry_controls),
	KF(0x4016, "VM_ENTRY_INTERRUPTION_INFO", vm_entry_intr_info),
	KF(0x401e, "SECONDARY_VM_EXEC_CONTROLS", secondary_vm_exec_control),
	KF(0x4400, "VM_INSTRUCTION_ERROR", vm_instruction_error),
	KF(0x4402, "EXIT_REASON", exit_reason),
	KF(0x4822, "GUEST_TR_ACCESS_RIGHTS", guest_tr_ar),
	KF(0x4826, "GUEST_ACTIVITY_STATE", guest_activity_state),
	KF(0x482e, "VMX_PREEMPTION_TIMER_VALUE", vmx_preemption_timer_value),
	KF(0x4c00, "HOST_IA32_SYSENTER_CS", host_ia32_sysenter_cs),
	KF(0x6000, "CR0_GUEST_HOST_MASK", cr0_guest_host_mask),
	KF(0x6400, "EXIT_QUALIFICATION", exit_qualification),
	KF(0x6800, "GUEST_CR0", guest_cr0),
	KF(0x6820, "GUEST_RFLAGS", guest_rflags),
	KF(0x682c, "GUEST_INTERRUPT_SSP_TABLE_ADDR", guest_intr_ssp_table_addr),
	KF(0x6c04, "HOST_CR4", host_cr4),
	KF(0x6c16, "HOST_RIP", host_rip),
	KF(0x6c1c, "HOST_INTERRUPT_SSP_TABLE_ADDR", host_intr_ssp_table_addr),
};

/* SDM B.1: width in bits 14:13 - 0 16-bit, 1 64-bit, 2 32-bit, 3 natural. */
static size_t width_bytes(u32 enc)
{
	static const size_t w[4] = { 2, 8, 4, 8 };

	return w[(enc >> 13) & 3];
}

START_TEST(table_is_sorted_and_consistent)
{
	u32 i, n = hvg_vmcs_nr_fields();
	const struct hvg_vmcs_field *f, *prev = NULL;
	size_t total = 0;

	ck_assert_uint_eq(n, 199);	/* the fields of HVG_VMCS_FIELDS() */
	for (i = 0; i < n; i++) {
		f = hvg_vmcs_field_at(i);
		ck_assert_ptr_nonnull(f);
		/* Full access type, no reserved bit, size from the width bits. */
		ck_assert_uint_eq(f->encoding & 1, 0);
		ck_assert_uint_eq(f->encoding & 0xffff9000, 0);
		ck_assert_uint_eq(f->size, width_bytes(f->encoding));
		ck_assert_uint_le(f->offset + f->size,
				  sizeof(struct hvg_vmcs12));
		ck_assert_uint_ge(f->offset, 8);	/* after the header */
		ck_assert_uint_eq(f->offset % f->size, 0);
		ck_assert(f->name && f->name[0]);
		ck_assert(f->sdm_name && f->sdm_name[0]);
		if (prev) {
			ck_assert_uint_gt(f->encoding, prev->encoding);
			/* Members are declared in table order: no overlap. */
			ck_assert_uint_ge(f->offset, prev->offset + prev->size);
			ck_assert_str_ne(f->name, prev->name);
		}
		ck_assert_ptr_eq(hvg_vmcs_field_find(f->encoding), f);
		total += f->size;
		prev = f;
	}
	ck_assert_ptr_null(hvg_vmcs_field_at(n));
	/* Every byte of the structure after the header is some field or padding. */
	ck_assert_uint_le(total + 8, sizeof(struct hvg_vmcs12));
	ck_assert_uint_ge(total + 8 + 8, sizeof(struct hvg_vmcs12));
}
END_TEST

START_TEST(known_encodings_map_to_their_members)
{
	struct hvg_vmcs12 v;
	const struct hvg_vmcs_field *f;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(known); i++) {
		f = hvg_vmcs_field_find(known[i].enc);
		ck_assert_msg(f != NULL, "%#x", known[i].enc);
		ck_assert_str_eq(f->name, known[i].name);
		ck_assert_uint_eq(f->offset, known[i].offset);
		ck_assert_uint_eq(f->size, known[i].size);
	}
	/* And the encoding really reaches the member. */
	memset(&v, 0, sizeof(v));
	v.host_rip = 0x1122334455667788ULL;
	f = hvg_vmcs_field_find(0x6c16);
	ck_assert_uint_eq(*(const u64 *)((const u8 *)&v + f->offset),
			  0x1122334455667788ULL);
}
END_TEST

/*
 * The encoding macros other modules' glue uses (vmcs.h, for autoload)
 * name the right fields: values from SDM Vol. 3D appendix B, field names
 * as in the table.
 */
START_TEST(glue_encoding_macros_name_their_fields)
{
	static const struct {
		u32 enc;
		u32 sdm;
		const char *name;
	} m[] = {
		{ HVG_VMCS_VM_EXIT_MSR_STORE_ADDRESS, 0x2006,
		  "VM_EXIT_MSR_STORE_ADDRESS" },
		{ HVG_VMCS_VM_EXIT_MSR_LOAD_ADDRESS, 0x2008,
		  "VM_EXIT_MSR_LOAD_ADDRESS" },
		{ HVG_VMCS_VM_ENTRY_MSR_LOAD_ADDRESS, 0x200a,
		  "VM_ENTRY_MSR_LOAD_ADDRESS" },
		{ HVG_VMCS_GUEST_IA32_EFER, 0x2806, "GUEST_IA32_EFER" },
		{ HVG_VMCS_GUEST_IA32_PERF_GLOBAL_CTRL, 0x2808,
		  "GUEST_IA32_PERF_GLOBAL_CTRL" },
		{ HVG_VMCS_HOST_IA32_EFER, 0x2c02, "HOST_IA32_EFER" },
		{ HVG_VMCS_HOST_IA32_PERF_GLOBAL_CTRL, 0x2c04,
		  "HOST_IA32_PERF_GLOBAL_CTRL" },
		{ HVG_VMCS_PRIMARY_VM_EXIT_CONTROLS, 0x400c,
		  "PRIMARY_VM_EXIT_CONTROLS" },
		{ HVG_VMCS_VM_EXIT_MSR_STORE_COUNT, 0x400e,
		  "VM_EXIT_MSR_STORE_COUNT" },
		{ HVG_VMCS_VM_EXIT_MSR_LOAD_COUNT, 0x4010, "VM_EXIT_MSR_LOAD_COUNT" },
		{ HVG_VMCS_VM_ENTRY_CONTROLS, 0x4012, "VM_ENTRY_CONTROLS" },
		{ HVG_VMCS_VM_ENTRY_MSR_LOAD_COUNT, 0x4014,
		  "VM_ENTRY_MSR_LOAD_COUNT" },
	};
	const struct hvg_vmcs_field *f;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(m); i++) {
		ck_assert_uint_eq(m[i].enc, m[i].sdm);
		f = hvg_vmcs_field_find(m[i].enc);
		ck_assert_msg(f != NULL, "%#x", m[i].enc);
		ck_assert_str_eq(f->name, m[i].name);
	}
}
END_TEST

START_TEST(find_rejects_unsupported_encodings)
{
	/* Reserved bit 12, bits 31:15, unknown index, high access of non-64. */
	ck_assert_ptr_null(hvg_vmcs_field_find(0x1000 | 0x4002));
	ck_assert_ptr_null(hvg_vmcs_field_find(0x00008000));
	ck_assert_ptr_null(hvg_vmcs_field_find(0x80000000 | 0x4002));
	ck_assert_ptr_null(hvg_vmcs_field_find(0x0010));
	ck_assert_ptr_null(hvg_vmcs_field_find(0x4001));	/* 32-bit high */
	ck_assert_ptr_null(hvg_vmcs_field_find(0x6c17));	/* natural high */
	ck_assert_ptr_null(hvg_vmcs_field_find(0x0001));	/* 16-bit high */
	ck_assert_ptr_null(hvg_vmcs_field_find(0x2046));	/* no such field */
	ck_assert_ptr_null(hvg_vmcs_field_find(0xffffffff));
	/* The high half of a 64-bit field finds the field. */
	ck_assert_ptr_eq(hvg_vmcs_field_find(0x201b),
			 hvg_vmcs_field_find(0x201a));
	ck_assert_ptr_eq(hvg_vmcs_field_find(0x2c1b),
			 hvg_vmcs_field_find(0x2c1a));
}
END_TEST

START_TEST(vmread_widths)
{
	struct hvg_vmcs12 v;
	u64 val = 0xdead;
	u32 err = 99;

	memset(&v, 0xa5, sizeof(v));
	v.vpid = 0xfffe;
	v.primary_vm_exec_control = 0x84006172;
	v.eptp = 0x8877665544332211ULL;
	v.guest_rflags = 0xffffffff00000002ULL;

	ck_assert_int_eq(hvg_vmcs_vmread(&v, 0x0000, &val, &err), 0);
	ck_assert_uint_eq(err, 0);
	ck_assert_uint_eq(val, 0xfffe);			/* zero-extended */
	ck_assert_int_eq(hvg_vmcs_vmread(&v, 0x4002, &val, &err), 0);
	ck_assert_uint_eq(val, 0x84006172);
	ck_assert_int_eq(hvg_vmcs_vmread(&v, 0x201a, &val, &err), 0);
	ck_assert_uint_eq(val, 0x8877665544332211ULL);
	ck_assert_int_eq(hvg_vmcs_vmread(&v, 0x201b, &val, &err), 0);
	ck_assert_uint_eq(val, 0x88776655);		/* bits 63:32 */
	ck_assert_int_eq(hvg_vmcs_vmread(&v, 0x6820, &val, &err), 0);
	ck_assert_uint_eq(val, 0xffffffff00000002ULL);

	/* Error 12, value untouched. */
	val = 0x1234;
	ck_assert_int_eq(hvg_vmcs_vmread(&v, 0x4003, &val, &err), 0);
	ck_assert_uint_eq(err, HVG_VMXERR_UNSUPPORTED_FIELD);
	ck_assert_uint_eq(val, 0x1234);
	err = 0;
	ck_assert_int_eq(hvg_vmcs_vmread(&v, 0x5002, &val, &err), 0);
	ck_assert_uint_eq(err, 12);

	ck_assert_int_eq(hvg_vmcs_vmread(NULL, 0x4002, &val, &err),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmcs_vmread(&v, 0x4002, NULL, &err), -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmcs_vmread(&v, 0x4002, &val, NULL), -HVG_EINVAL);
}
END_TEST

static struct hvg_vmx_caps misc_caps(u64 misc)
{
	struct hvg_vmx_caps c;

	ck_assert_int_eq(hvg_vmx_caps_init(&c), 0);
	ck_assert_int_eq(hvg_vmx_caps_set_msr(&c, HVG_MSR_IA32_VMX_MISC, misc),
			 0);
	return c;
}

START_TEST(vmwrite_widths_and_read_only)
{
	struct hvg_vmcs12 v, snap;
	struct hvg_vmx_caps c = misc_caps(0), all = misc_caps(BIT_ULL(29)),
			    none;
	u32 err = 99;

	memset(&v, 0, sizeof(v));
	/* 16-bit: bits 15:0 of the operand. */
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, &c, 0x0c02, 0xabcd0010, &err), 0);
	ck_assert_uint_eq(err, 0);
	ck_assert_uint_eq(v.host_cs_selector, 0x0010);
	/* 32-bit: bits 31:0. */
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, &c, 0x4012, 0x1122334400000204ULL,
					  &err), 0);
	ck_assert_uint_eq(v.vm_entry_controls, 0x204);
	/* 64-bit full, then the high half alone keeps the low half. */
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, &c, 0x2800, 0x0123456789abcdefULL,
					  &err), 0);
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, &c, 0x2801, 0xffffffff00000042ULL,
					  &err), 0);
	ck_assert_uint_eq(err, 0);
	ck_assert_uint_eq(v.vmcs_link_pointer, 0x0000004289abcdefULL);
	/* Natural width: all 64 bits. */
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, &c, 0x6c16, 0xffffffff81000000ULL,
					  &err), 0);
	ck_assert_uint_eq(v.host_rip, 0xffffffff81000000ULL);

	/* Read-only field without MISC[29]: error 13, nothing written. */
	snap = v;
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, &c, 0x4402, 0x21, &err), 0);
	ck_assert_uint_eq(err, HVG_VMXERR_VMWRITE_READ_ONLY);
	ck_assert_mem_eq(&v, &snap, sizeof(v));
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, &c, 0x6400, 1, &err), 0);
	ck_assert_uint_eq(err, 13);
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, &c, 0x2400, 1, &err), 0);
	ck_assert_uint_eq(err, 13);
	/* Unsupported encoding wins over read-only (12 before 13). */
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, &c, 0x4401, 1, &err), 0);
	ck_assert_uint_eq(err, 12);
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, &c, 0x4432, 1, &err), 0);
	ck_assert_uint_eq(err, 12);
	ck_assert_mem_eq(&v, &snap, sizeof(v));
	/* With MISC[29] the write goes through. */
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, &all, 0x4402, 0x80000021, &err),
			 0);
	ck_assert_uint_eq(err, 0);
	ck_assert_uint_eq(v.exit_reason, 0x80000021);
	/* Without IA32_VMX_MISC the set cannot decide: -ENOTSUP, untouched. */
	ck_assert_int_eq(hvg_vmx_caps_init(&none), 0);
	snap = v;
	err = 77;
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, &none, 0x4402, 1, &err),
			 -HVG_ENOTSUP);
	ck_assert_uint_eq(err, 77);
	ck_assert_mem_eq(&v, &snap, sizeof(v));
	/* A writable field does not need MISC. */
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, &none, 0x4002, 5, &err), 0);
	ck_assert_uint_eq(err, 0);
	ck_assert_uint_eq(v.primary_vm_exec_control, 5);

	snap = v;
	ck_assert_int_eq(hvg_vmcs_vmwrite(NULL, &c, 0x4002, 1, &err),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, NULL, 0x4002, 1, &err),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmcs_vmwrite(&v, &c, 0x4002, 1, NULL),
			 -HVG_EINVAL);
	ck_assert_mem_eq(&v, &snap, sizeof(v));
}
END_TEST

START_TEST(caps_setters_validate)
{
	struct hvg_vmx_caps c, snap;
	u64 v = 7;

	ck_assert_int_eq(hvg_vmx_caps_init(NULL), -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmx_caps_init(&c), 0);
	ck_assert_uint_eq(c.present | c.known | c.cpu_known, 0);
	snap = c;
	ck_assert_int_eq(hvg_vmx_caps_set_msr(&c, 0x47f, 1), -HVG_ERANGE);
	ck_assert_int_eq(hvg_vmx_caps_set_msr(&c, 0x494, 1), -HVG_ERANGE);
	ck_assert_int_eq(hvg_vmx_caps_set_msr(NULL, 0x480, 1), -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmx_caps_set_maxphyaddr(&c, 31), -HVG_ERANGE);
	ck_assert_int_eq(hvg_vmx_caps_set_maxphyaddr(&c, 53), -HVG_ERANGE);
	ck_assert_int_eq(hvg_vmx_caps_set_maxphyaddr(NULL, 46), -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmx_caps_set_cpu(&c, BIT(31), 0), -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmx_caps_set_cpu(NULL, HVG_CPU_LA57, 0),
			 -HVG_EINVAL);
	ck_assert_mem_eq(&c, &snap, sizeof(c));

	ck_assert_int_eq(hvg_vmx_caps_get_msr(&c, 0x480, &v), -HVG_ENOENT);
	ck_assert_uint_eq(v, 7);
	ck_assert_int_eq(hvg_vmx_caps_get_msr(&c, 0x4a0, &v), -HVG_ERANGE);
	ck_assert_int_eq(hvg_vmx_caps_get_msr(NULL, 0x480, &v), -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmx_caps_get_msr(&c, 0x480, NULL), -HVG_EINVAL);

	ck_assert_int_eq(hvg_vmx_caps_set_msr(&c, 0x493, 0x1234), 0);
	ck_assert_uint_eq(c.present, BIT(0x13));
	ck_assert_int_eq(hvg_vmx_caps_get_msr(&c, 0x493, &v), 0);
	ck_assert_uint_eq(v, 0x1234);
	ck_assert_int_eq(hvg_vmx_caps_set_maxphyaddr(&c, 32), 0);
	ck_assert_int_eq(hvg_vmx_caps_set_maxphyaddr(&c, 52), 0);
	ck_assert_uint_eq(c.maxphyaddr, 52);
	ck_assert_uint_eq(c.known, HVG_CAPS_MAXPHYADDR);

	/* set_cpu changes only the bits of @mask. */
	ck_assert_int_eq(hvg_vmx_caps_set_cpu(&c, HVG_CPU_LA57 | HVG_CPU_NX,
					      HVG_CPU_NX | HVG_CPU_SGX), 0);
	ck_assert_uint_eq(c.cpu, HVG_CPU_NX);
	ck_assert_uint_eq(c.cpu_known, HVG_CPU_LA57 | HVG_CPU_NX);
	ck_assert_int_eq(hvg_vmx_caps_set_cpu(&c, HVG_CPU_NX, 0), 0);
	ck_assert_uint_eq(c.cpu, 0);
	ck_assert_uint_eq(c.cpu_known, HVG_CPU_LA57 | HVG_CPU_NX);
}
END_TEST

START_TEST(caps_true_rule)
{
	struct hvg_vmx_caps c;
	u64 a0 = 1, a1 = 2;

	ck_assert_int_eq(hvg_vmx_caps_init(&c), 0);
	/* Plain and TRUE pin-based MSRs with different allowed-0 halves. */
	hvg_vmx_caps_set_msr(&c, HVG_MSR_IA32_VMX_PINBASED_CTLS,
			     0x0000007f00000016ULL);
	hvg_vmx_caps_set_msr(&c, HVG_MSR_IA32_VMX_TRUE_PINBASED_CTLS,
			     0x0000007f00000010ULL);
	/* Without IA32_VMX_BASIC the applicable MSR is unknown. */
	ck_assert_int_eq(hvg_vmx_caps_ctls(&c, HVG_VMX_CTLS_PIN, &a0, &a1),
			 -HVG_ENOENT);
	ck_assert_uint_eq(a0, 1);
	ck_assert_uint_eq(a1, 2);
	/* BASIC[55] = 0: the plain MSR. */
	hvg_vmx_caps_set_msr(&c, HVG_MSR_IA32_VMX_BASIC, 0x00da040000000004ULL &
			     ~BIT_ULL(55));
	ck_assert_int_eq(hvg_vmx_caps_ctls(&c, HVG_VMX_CTLS_PIN, &a0, &a1), 0);
	ck_assert_uint_eq(a0, 0x16);
	ck_assert_uint_eq(a1, 0x7f);
	/* BASIC[55] = 1: the TRUE MSR. */
	hvg_vmx_caps_set_msr(&c, HVG_MSR_IA32_VMX_BASIC, 0x00da040000000004ULL);
	ck_assert_int_eq(hvg_vmx_caps_ctls(&c, HVG_VMX_CTLS_PIN, &a0, &a1), 0);
	ck_assert_uint_eq(a0, 0x10);
	ck_assert_uint_eq(a1, 0x7f);
	/* BASIC[55] = 1 but no TRUE_PROCBASED: not known. */
	hvg_vmx_caps_set_msr(&c, HVG_MSR_IA32_VMX_PROCBASED_CTLS,
			     0xfff9fffe0401e172ULL);
	a0 = 5;
	ck_assert_int_eq(hvg_vmx_caps_ctls(&c, HVG_VMX_CTLS_PROC, &a0, &a1),
			 -HVG_ENOENT);
	ck_assert_uint_eq(a0, 5);
	/* Secondary: halves of PROCBASED_CTLS2, no TRUE rule. */
	hvg_vmx_caps_set_msr(&c, HVG_MSR_IA32_VMX_PROCBASED_CTLS2,
			     0x001ffcff00000000ULL);
	ck_assert_int_eq(hvg_vmx_caps_ctls(&c, HVG_VMX_CTLS_PROC2, &a0, &a1),
			 0);
	ck_assert_uint_eq(a0, 0);
	ck_assert_uint_eq(a1, 0x001ffcff);
	/* 64-bit allowed-1 words. */
	hvg_vmx_caps_set_msr(&c, HVG_MSR_IA32_VMX_PROCBASED_CTLS3,
			     0x8000000000000096ULL);
	ck_assert_int_eq(hvg_vmx_caps_ctls(&c, HVG_VMX_CTLS_PROC3, &a0, &a1),
			 0);
	ck_assert_uint_eq(a0, 0);
	ck_assert_uint_eq(a1, 0x8000000000000096ULL);
	ck_assert_int_eq(hvg_vmx_caps_ctls(&c, HVG_VMX_CTLS_EXIT2, &a0, &a1),
			 -HVG_ENOENT);
	hvg_vmx_caps_set_msr(&c, HVG_MSR_IA32_VMX_VMFUNC, 1);
	ck_assert_int_eq(hvg_vmx_caps_ctls(&c, HVG_VMX_CTLS_VMFUNC, &a0, &a1),
			 0);
	ck_assert_uint_eq(a1, 1);

	ck_assert_int_eq(hvg_vmx_caps_ctls(&c, HVG_VMX_CTLS_NR, &a0, &a1),
			 -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmx_caps_ctls(NULL, 0, &a0, &a1), -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmx_caps_ctls(&c, 0, NULL, &a1), -HVG_EINVAL);
	ck_assert_int_eq(hvg_vmx_caps_ctls(&c, 0, &a0, NULL), -HVG_EINVAL);
}
END_TEST

START_TEST(allowed_settings_rule)
{
	/* A.3: (C AND L) = L and (C AND NOT H) = 0. */
	ck_assert(hvg_vmx_ctls_valid(0x16, 0x16, 0x7f));
	ck_assert(hvg_vmx_ctls_valid(0x7f, 0x16, 0x7f));
	ck_assert(!hvg_vmx_ctls_valid(0x14, 0x16, 0x7f));	/* bit 1 */
	ck_assert(!hvg_vmx_ctls_valid(0x96, 0x16, 0x7f));	/* bit 7 */
	/* CR0 with FIXED0 80000021H, FIXED1 FFFFFFFFH (A.7). */
	ck_assert(hvg_vmx_ctls_valid(0x80050033, 0x80000021, 0xffffffff));
	ck_assert(!hvg_vmx_ctls_valid(0x80050032, 0x80000021, 0xffffffff));
	ck_assert(!hvg_vmx_ctls_valid(0x180050033ULL, 0x80000021, 0xffffffff));
}
END_TEST

Suite *vmcs_suite(void)
{
	Suite *s = suite_create("vmcs");
	TCase *tc = hvg_tcase("model");

	tcase_add_test(tc, table_is_sorted_and_consistent);
	tcase_add_test(tc, known_encodings_map_to_their_members);
	tcase_add_test(tc, glue_encoding_macros_name_their_fields);
	tcase_add_test(tc, find_rejects_unsupported_encodings);
	tcase_add_test(tc, vmread_widths);
	tcase_add_test(tc, vmwrite_widths_and_read_only);
	suite_add_tcase(s, tc);

	tc = hvg_tcase("caps");
	tcase_add_test(tc, caps_setters_validate);
	tcase_add_test(tc, caps_true_rule);
	tcase_add_test(tc, allowed_settings_rule);
	suite_add_tcase(s, tc);
	return s;
}
