// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * vmentry property test: random capability sets, random environments and
 * random mutations of the baselines, compared with an oracle written
 * here from the catalogue's text (reference/vmentry-checks.md, sections
 * 1 to 4 and 11), independently of lib/vmentry.c.
 *
 * The oracle states each row as a plain predicate over the VMCS and one
 * concrete "world": a value for every input. An input the caller did not
 * give (a capability MSR, MAXPHYADDR, a CPUID feature, an environment
 * fact) is not one value but a range, and every row is monotone in each
 * input it reads (a wider physical address, a larger allowed-1 mask, a
 * larger VTPR never turn a pass into a failure, and so on), so the row's
 * verdict over the whole range is decided by the range's two ends. The
 * oracle evaluates the row in every combination of the ends of the
 * missing inputs the row reads: it fails if it fails in all of them,
 * passes if it passes in all, and is "not evaluated" otherwise. That is
 * the library's documented meaning of "not evaluated".
 *
 * Properties, for every case:
 *  - a check fails in collect-all mode iff the oracle says it fails, and
 *    is not evaluated iff the oracle says so (PRE-04 ends everything);
 *  - the default mode's first diagnostic is the first failing row in the
 *    documented order, its outcome and error those of the row's group,
 *    and "proceed" only when every row holds.
 */
#include <stdlib.h>

#include "hvgate_test.h"
#include "vectors.h"

#define VEC_DIR HVG_SRCDIR "/tests/vectors"

/*
 * Check's ck_assert*() records a mark point (a write to the parent in fork
 * mode) on every success; the random loop asserts millions of times, so
 * it only calls into Check on a failure.
 */
#define PROP_ASSERT(cond, ...)						\
	do {								\
		if (!(cond))						\
			ck_abort_msg(__VA_ARGS__);			\
	} while (0)

/* Verdicts. */
#define O_PASS	0
#define O_NE	1
#define O_FAIL	2

/* Inputs ("dimensions"), one bit each. */
#define D_MSR(m)	BIT_ULL((m) - 0x480)		/* 0..19 */
#define D_MAXPHY	BIT_ULL(20)
#define D_CPU(f)	((u64)(f) << 21)		/* 21..27 */
#define D_PERF		BIT_ULL(28)
#define D_SPEC		BIT_ULL(29)
#define D_VMCS		BIT_ULL(30)
#define D_RESUME	BIT_ULL(31)
#define D_LAUNCHED	BIT_ULL(32)
#define D_MOVSS		BIT_ULL(33)
#define D_LMA		BIT_ULL(34)
#define D_VTPR		BIT_ULL(35)
#define D_CTL_PIN	BIT_ULL(36)	/* allowed settings under the TRUE_ rule */
#define D_CTL_PROC	BIT_ULL(37)
#define D_CTL_EXIT	BIT_ULL(38)
#define D_CTL_ENTRY	BIT_ULL(39)
#define D_NR		40

#define M(x)	D_MSR(HVG_MSR_IA32_VMX_##x)
#define D_VMXPA	(M(BASIC) | D_MAXPHY)

/* One concrete value for every input. */
struct world {
	u64 msr[HVG_VMX_CAP_NR];
	u64 ctl[4];		/* allowed settings of pin, proc, exit, entry */
	u32 maxphy;
	u32 cpu;
	u64 perf;
	u64 spec;
	bool no_vmcs, resume, launched, movss, lma;
	u32 vtpr;
};

#define W(w, x)	((w)->msr[HVG_MSR_IA32_VMX_##x - 0x480])

static bool canon(u64 v, u32 n)
{
	u64 half = 1ULL << (n - 1);

	return v < half || v >= 0 - half;
}

static bool below(u64 a, u32 width)
{
	return a < (1ULL << width);
}

/* Physical-address width for VMX structures (SDM A.1, BASIC[48]). */
static u32 vmx_width(const struct world *w)
{
	return (W(w, BASIC) & BIT_ULL(48)) ? 32 : w->maxphy;
}

static bool bad_addr(const struct world *w, u64 a, u64 align)
{
	return (a & align) || !below(a, vmx_width(w));
}

/* The area's last byte, computed without truncation. */
static bool bad_end(const struct world *w, u64 a, u32 count)
{
	unsigned __int128 last = (unsigned __int128)a + 16ULL * count - 1;

	return last >= ((unsigned __int128)1 << vmx_width(w));
}

static u32 lin_width(const struct world *w)
{
	return (w->cpu & HVG_CPU_LA57) ? 57 : 48;
}

static bool a0_bad(u64 val, u64 msr)
{
	u32 a0 = (u32)msr;

	return (val & a0) != a0;
}

static bool a1_bad(u64 val, u64 msr)
{
	return val & ~(msr >> 32);
}

/* Effective controls (26.2.1.1: a word not activated behaves as 0). */
struct eff {
	u32 pin, proc, proc2, exit, entry;
	u64 proc3, exit2, vmfunc;
};

static struct eff effective(const struct hvg_vmcs12 *v)
{
	struct eff e;

	e.pin = v->pin_based_vm_exec_control;
	e.proc = v->primary_vm_exec_control;
	e.proc2 = (e.proc & BIT(31)) ? v->secondary_vm_exec_control : 0;
	e.proc3 = (e.proc & BIT(17)) ? v->tertiary_vm_exec_control : 0;
	e.exit = v->vm_exit_controls;
	e.exit2 = (e.exit & BIT(31)) ? v->secondary_vm_exit_controls : 0;
	e.entry = v->vm_entry_controls;
	e.vmfunc = (e.proc2 & BIT(13)) ? v->vm_function_controls : 0;
	return e;
}

static bool pat_ok(u64 pat)
{
	int i;

	for (i = 0; i < 64; i += 8) {
		u64 t = (pat >> i) & 0xff;

		if (t != 0 && t != 1 && t != 4 && t != 5 && t != 6 && t != 7)
			return false;
	}
	return true;
}

/* Vectors that deliver an error code (26.2.1.3); #CP only with CET. */
static bool has_errcode(const struct world *w, u32 vec)
{
	if (vec == 21)
		return w->cpu & (HVG_CPU_CET_SS | HVG_CPU_CET_IBT);
	return vec == 8 || (vec >= 10 && vec <= 14) || vec == 17;
}

/* The inputs each row reads. */
static u64 reads(u32 d)
{
	switch (d) {
	case HVG_DIAG_PRE_04: return D_VMCS;
	case HVG_DIAG_PRE_06: return D_MOVSS;
	case HVG_DIAG_PRE_07: case HVG_DIAG_PRE_08:
		return D_RESUME | D_LAUNCHED;
	case HVG_DIAG_CTL_EXEC_01: case HVG_DIAG_CTL_EXEC_02:
		return D_CTL_PIN;
	case HVG_DIAG_CTL_EXEC_03: case HVG_DIAG_CTL_EXEC_04:
	case HVG_DIAG_INJ_02:
		return D_CTL_PROC;
	case HVG_DIAG_CTL_EXEC_05: case HVG_DIAG_CTL_EXEC_06:
		return M(PROCBASED_CTLS2);
	case HVG_DIAG_CTL_EXEC_07: return M(PROCBASED_CTLS3);
	case HVG_DIAG_CTL_EXEC_08: case HVG_DIAG_INJ_11: return M(MISC);
	case HVG_DIAG_CTL_EXEC_14: return D_VTPR;
	case HVG_DIAG_CTL_EXEC_29: case HVG_DIAG_CTL_EXEC_30:
	case HVG_DIAG_CTL_EXEC_31:
		return M(EPT_VPID_CAP);
	case HVG_DIAG_CTL_EXEC_32: return D_CPU(HVG_CPU_CET_SS);
	case HVG_DIAG_CTL_EXEC_40: return M(VMFUNC);
	case HVG_DIAG_CTL_EXEC_49: return D_VMXPA | M(EPT_VPID_CAP);
	case HVG_DIAG_CTL_EXEC_09: case HVG_DIAG_CTL_EXEC_10:
	case HVG_DIAG_CTL_EXEC_11: case HVG_DIAG_CTL_EXEC_12:
	case HVG_DIAG_CTL_EXEC_17: case HVG_DIAG_CTL_EXEC_27:
	case HVG_DIAG_CTL_EXEC_33: case HVG_DIAG_CTL_EXEC_35:
	case HVG_DIAG_CTL_EXEC_39: case HVG_DIAG_CTL_EXEC_42:
	case HVG_DIAG_CTL_EXEC_43: case HVG_DIAG_CTL_EXEC_44:
	case HVG_DIAG_CTL_EXEC_45: case HVG_DIAG_CTL_EXEC_48:
	case HVG_DIAG_CTL_EXIT_05: case HVG_DIAG_CTL_EXIT_06:
	case HVG_DIAG_CTL_EXIT_07: case HVG_DIAG_CTL_EXIT_08:
	case HVG_DIAG_MSR_AREA_02: case HVG_DIAG_MSR_AREA_03:
		return D_VMXPA;
	case HVG_DIAG_CTL_EXIT_01: case HVG_DIAG_CTL_EXIT_02:
		return D_CTL_EXIT;
	case HVG_DIAG_CTL_EXIT_03: return M(EXIT_CTLS2);
	case HVG_DIAG_CTL_ENT_01: case HVG_DIAG_CTL_ENT_02:
		return D_CTL_ENTRY;
	case HVG_DIAG_INJ_08:
		return M(BASIC) | D_CPU(HVG_CPU_CET_SS | HVG_CPU_CET_IBT);
	case HVG_DIAG_INJ_09: case HVG_DIAG_INJ_12: return M(BASIC);
	case HVG_DIAG_HOST_AS_01: case HVG_DIAG_HOST_AS_02:
	case HVG_DIAG_HOST_AS_03:
		return D_LMA;
	case HVG_DIAG_HOST_CR_01: return M(CR0_FIXED0) | M(CR0_FIXED1);
	case HVG_DIAG_HOST_CR_02: return M(CR4_FIXED0) | M(CR4_FIXED1);
	case HVG_DIAG_HOST_CR_03: return D_MAXPHY | D_CPU(HVG_CPU_LAM);
	case HVG_DIAG_HOST_CR_05: case HVG_DIAG_HOST_CR_06:
	case HVG_DIAG_HOST_CR_12: case HVG_DIAG_HOST_CR_13:
	case HVG_DIAG_HOST_CR_15: case HVG_DIAG_HOST_CR_17:
	case HVG_DIAG_HOST_CR_18: case HVG_DIAG_HOST_CR_19:
	case HVG_DIAG_HOST_SEG_11: case HVG_DIAG_HOST_SEG_12:
	case HVG_DIAG_HOST_SEG_13: case HVG_DIAG_HOST_SEG_14:
	case HVG_DIAG_HOST_SEG_15:
		return D_CPU(HVG_CPU_LA57);
	case HVG_DIAG_HOST_CR_07: return D_PERF;
	case HVG_DIAG_HOST_CR_09: return D_CPU(HVG_CPU_NX);
	case HVG_DIAG_HOST_CR_20: return D_SPEC;
	default: return 0;
	}
}

/* The catalogue's rows, one predicate each: true when the row fails. */
static bool fails(u32 d, const struct hvg_vmcs12 *v, const struct world *w)
{
	struct eff e = effective(v);
	bool tpr = e.proc & BIT(21), ept = e.proc2 & BIT(1);
	bool vid = e.proc2 & BIT(9), posted = e.pin & BIT(7);
	bool host64 = e.exit & BIT(9), ia32e = e.entry & BIT(9);
	bool cet = e.exit & BIT(28), fred_load = e.exit2 & BIT(1);
	u32 info = v->vm_entry_intr_info, type = (info >> 8) & 7;
	u32 vec = info & 0xff, len = v->vm_entry_instruction_len;
	bool valid = info & BIT(31), deliver = info & BIT(11);
	bool fred = ia32e && (v->guest_cr4 & BIT_ULL(32));
	bool prot = !(e.proc2 & BIT(7)) || (v->guest_cr0 & 1);
	u64 eptp = v->eptp, s_cet = v->host_ia32_s_cet, ssp = v->host_ssp;
	u32 lw = lin_width(w);

	switch (d) {
	/* Section 1. */
	case HVG_DIAG_PRE_04: return w->no_vmcs;
	case HVG_DIAG_PRE_05: return v->revision_id & BIT(31);
	case HVG_DIAG_PRE_06: return w->movss;
	case HVG_DIAG_PRE_07: return !w->resume && w->launched;
	case HVG_DIAG_PRE_08: return w->resume && !w->launched;
	/* Section 2.1. */
	case HVG_DIAG_CTL_EXEC_01: return a0_bad(e.pin, w->ctl[0]);
	case HVG_DIAG_CTL_EXEC_02: return a1_bad(e.pin, w->ctl[0]);
	case HVG_DIAG_CTL_EXEC_03: return a0_bad(e.proc, w->ctl[1]);
	case HVG_DIAG_CTL_EXEC_04: return a1_bad(e.proc, w->ctl[1]);
	case HVG_DIAG_CTL_EXEC_05:
		return (e.proc & BIT(31)) &&
		       a0_bad(e.proc2, W(w, PROCBASED_CTLS2));
	case HVG_DIAG_CTL_EXEC_06: return a1_bad(e.proc2, W(w, PROCBASED_CTLS2));
	case HVG_DIAG_CTL_EXEC_07: return e.proc3 & ~W(w, PROCBASED_CTLS3);
	case HVG_DIAG_CTL_EXEC_08:
		return v->cr3_target_count > ((W(w, MISC) >> 16) & 0x1ff);
	case HVG_DIAG_CTL_EXEC_09:
		return (e.proc & BIT(25)) && bad_addr(w, v->io_bitmap_a, 0xfff);
	case HVG_DIAG_CTL_EXEC_10:
		return (e.proc & BIT(25)) && bad_addr(w, v->io_bitmap_b, 0xfff);
	case HVG_DIAG_CTL_EXEC_11:
		return (e.proc & BIT(28)) && bad_addr(w, v->msr_bitmap, 0xfff);
	case HVG_DIAG_CTL_EXEC_12:
		return tpr && bad_addr(w, v->virtual_apic_addr, 0xfff);
	case HVG_DIAG_CTL_EXEC_13:
		return tpr && !vid && (v->tpr_threshold >> 4);
	case HVG_DIAG_CTL_EXEC_14:
		return tpr && !vid && !(e.proc2 & BIT(0)) &&
		       (v->tpr_threshold & 0xf) > (w->vtpr >> 4);
	case HVG_DIAG_CTL_EXEC_15:
		return !(e.pin & BIT(3)) && (e.pin & BIT(5));
	case HVG_DIAG_CTL_EXEC_16:
		return !(e.pin & BIT(5)) && (e.proc & BIT(22));
	case HVG_DIAG_CTL_EXEC_17:
		return (e.proc2 & BIT(0)) &&
		       bad_addr(w, v->apic_access_addr, 0xfff);
	case HVG_DIAG_CTL_EXEC_18: return !tpr && (e.proc2 & BIT(4));
	case HVG_DIAG_CTL_EXEC_19: return !tpr && (e.proc2 & BIT(8));
	case HVG_DIAG_CTL_EXEC_20: return !tpr && vid;
	case HVG_DIAG_CTL_EXEC_21:
		return (e.proc2 & BIT(4)) && (e.proc2 & BIT(0));
	case HVG_DIAG_CTL_EXEC_22: return vid && !(e.pin & BIT(0));
	case HVG_DIAG_CTL_EXEC_23: return posted && !vid;
	case HVG_DIAG_CTL_EXEC_24: return posted && !(e.exit & BIT(15));
	case HVG_DIAG_CTL_EXEC_25: return posted && v->posted_intr_nv > 0xff;
	case HVG_DIAG_CTL_EXEC_26:
		return posted && (v->posted_intr_desc_addr & 0x3f);
	case HVG_DIAG_CTL_EXEC_27:
		return posted && bad_addr(w, v->posted_intr_desc_addr, 0);
	case HVG_DIAG_CTL_EXEC_28: return (e.proc2 & BIT(5)) && !v->vpid;
	case HVG_DIAG_CTL_EXEC_29:
		return ept && !(((eptp & 7) == 0 && (W(w, EPT_VPID_CAP) & BIT(8))) ||
				((eptp & 7) == 6 && (W(w, EPT_VPID_CAP) & BIT(14))));
	case HVG_DIAG_CTL_EXEC_30:
		return ept &&
		       !((((eptp >> 3) & 7) == 3 && (W(w, EPT_VPID_CAP) & BIT(6))) ||
			 (((eptp >> 3) & 7) == 4 && (W(w, EPT_VPID_CAP) & BIT(7))));
	case HVG_DIAG_CTL_EXEC_31:
		return ept && (eptp & BIT(6)) && !(W(w, EPT_VPID_CAP) & BIT(21));
	case HVG_DIAG_CTL_EXEC_32:
		return ept && (eptp & BIT(7)) && !(w->cpu & HVG_CPU_CET_SS);
	case HVG_DIAG_CTL_EXEC_33:
		return ept && bad_addr(w, eptp, 0xf00);
	case HVG_DIAG_CTL_EXEC_34: return (e.proc2 & BIT(17)) && !ept;
	case HVG_DIAG_CTL_EXEC_35:
		return (e.proc2 & BIT(17)) && bad_addr(w, v->pml_address, 0xfff);
	case HVG_DIAG_CTL_EXEC_36: return (e.proc2 & BIT(7)) && !ept;
	case HVG_DIAG_CTL_EXEC_37: return (e.proc2 & BIT(22)) && !ept;
	case HVG_DIAG_CTL_EXEC_38: return (e.proc2 & BIT(23)) && !ept;
	case HVG_DIAG_CTL_EXEC_39:
		return (e.proc2 & BIT(23)) && bad_addr(w, v->spptp, 0xfff);
	case HVG_DIAG_CTL_EXEC_40: return e.vmfunc & ~W(w, VMFUNC);
	case HVG_DIAG_CTL_EXEC_41: return (e.vmfunc & 1) && !ept;
	case HVG_DIAG_CTL_EXEC_42:
		return (e.vmfunc & 1) && bad_addr(w, v->eptp_list_addr, 0xfff);
	case HVG_DIAG_CTL_EXEC_43:
		return (e.proc2 & BIT(14)) && bad_addr(w, v->vmread_bitmap, 0xfff);
	case HVG_DIAG_CTL_EXEC_44:
		return (e.proc2 & BIT(14)) &&
		       bad_addr(w, v->vmwrite_bitmap, 0xfff);
	case HVG_DIAG_CTL_EXEC_45:
		return (e.proc2 & BIT(18)) && bad_addr(w, v->ve_info_addr, 0xfff);
	case HVG_DIAG_CTL_EXEC_46:
		return (e.proc2 & BIT(24)) &&
		       (!ept || !(e.entry & BIT(18)) || !(e.exit & BIT(25)));
	case HVG_DIAG_CTL_EXEC_47:
		return (e.proc2 & BIT(25)) && !v->tsc_multiplier;
	case HVG_DIAG_CTL_EXEC_48:
		return (e.proc3 & BIT(4)) &&
		       (!tpr || bad_addr(w, v->pid_pointer_table, 7));
	case HVG_DIAG_CTL_EXEC_49:
		if (!(e.proc3 & 0xe))
			return false;
		if (!ept)
			return true;
		return (e.proc3 & 2) &&
		       (bad_addr(w, v->hlatp, 0xfe7) ||
			v->hlat_prefix_size > ((W(w, EPT_VPID_CAP) >> 48) & 0x3f));
	/* Section 2.2. */
	case HVG_DIAG_CTL_EXIT_01: return a0_bad(e.exit, w->ctl[2]);
	case HVG_DIAG_CTL_EXIT_02: return a1_bad(e.exit, w->ctl[2]);
	case HVG_DIAG_CTL_EXIT_03: return e.exit2 & ~W(w, EXIT_CTLS2);
	case HVG_DIAG_CTL_EXIT_04:
		return !(e.pin & BIT(6)) && (e.exit & BIT(22));
	case HVG_DIAG_CTL_EXIT_05:
		return v->vm_exit_msr_store_count &&
		       bad_addr(w, v->exit_msr_store_addr, 0xf);
	case HVG_DIAG_CTL_EXIT_06:
		return v->vm_exit_msr_store_count &&
		       bad_end(w, v->exit_msr_store_addr,
			       v->vm_exit_msr_store_count);
	case HVG_DIAG_CTL_EXIT_07:
		return v->vm_exit_msr_load_count &&
		       bad_addr(w, v->exit_msr_load_addr, 0xf);
	case HVG_DIAG_CTL_EXIT_08:
		return v->vm_exit_msr_load_count &&
		       bad_end(w, v->exit_msr_load_addr,
			       v->vm_exit_msr_load_count);
	/* Section 2.3. */
	case HVG_DIAG_CTL_ENT_01: return a0_bad(e.entry, w->ctl[3]);
	case HVG_DIAG_CTL_ENT_02: return a1_bad(e.entry, w->ctl[3]);
	case HVG_DIAG_CTL_ENT_03: return e.entry & BIT(10);
	case HVG_DIAG_CTL_ENT_04: return e.entry & BIT(11);
	case HVG_DIAG_CTL_ENT_05:
		return (e.entry & BIT(10)) && (e.entry & BIT(11));
	/* Section 3. */
	case HVG_DIAG_INJ_01: return valid && type == 1;
	case HVG_DIAG_INJ_02:
		return valid && type == 7 && !((w->ctl[1] >> 32) & BIT(27));
	case HVG_DIAG_INJ_03: return valid && type == 2 && vec != 2;
	case HVG_DIAG_INJ_04: return valid && type == 3 && vec > 31;
	case HVG_DIAG_INJ_05:
		return valid && type == 7 && vec != 0 &&
		       !(fred && (vec == 1 || vec == 2));
	case HVG_DIAG_INJ_06: return valid && deliver && type != 3;
	case HVG_DIAG_INJ_07: return valid && deliver && !prot;
	case HVG_DIAG_INJ_08:
		return valid && type == 3 && prot && !(W(w, BASIC) & BIT_ULL(56)) &&
		       deliver != has_errcode(w, vec);
	case HVG_DIAG_INJ_09:
		return valid &&
		       (info & 0x7ffff000 &
			~((W(w, BASIC) & BIT_ULL(58)) ? BIT(13) : 0));
	case HVG_DIAG_INJ_10:
		return valid && deliver && (v->vm_entry_exception_error_code >> 16);
	case HVG_DIAG_INJ_11:
		return valid && type >= 4 && type <= 6 &&
		       (len > 15 || (!len && !(W(w, MISC) & BIT(30))));
	case HVG_DIAG_INJ_12:
		return valid && (W(w, BASIC) & BIT_ULL(58)) &&
		       (info & BIT(13)) && type != 3;
	case HVG_DIAG_INJ_13:
		return valid && type == 7 && fred && (vec == 1 || vec == 2) &&
		       len > 15;
	/* Section 11, address rows. */
	case HVG_DIAG_MSR_AREA_01:
		return v->vm_entry_msr_load_count && (v->entry_msr_load_addr & 0xf);
	case HVG_DIAG_MSR_AREA_02:
		return v->vm_entry_msr_load_count &&
		       bad_addr(w, v->entry_msr_load_addr, 0);
	case HVG_DIAG_MSR_AREA_03:
		return v->vm_entry_msr_load_count &&
		       bad_end(w, v->entry_msr_load_addr,
			       v->vm_entry_msr_load_count);
	/* Section 4.3. */
	case HVG_DIAG_HOST_AS_01: return !w->lma && ia32e;
	case HVG_DIAG_HOST_AS_02: return !w->lma && host64;
	case HVG_DIAG_HOST_AS_03: return w->lma && !host64;
	case HVG_DIAG_HOST_AS_04: return !host64 && ia32e;
	case HVG_DIAG_HOST_AS_05:
		return !host64 && (v->host_cr4 & (BIT_ULL(17) | BIT_ULL(32)));
	case HVG_DIAG_HOST_AS_06: return !host64 && (v->host_rip >> 32);
	case HVG_DIAG_HOST_AS_07: return host64 && !(v->host_cr4 & BIT(5));
	case HVG_DIAG_HOST_AS_08:
		return host64 && !canon(v->host_rip,
					(v->host_cr4 & BIT(12)) ? 57 : 48);
	/* Section 4.1. */
	case HVG_DIAG_HOST_CR_01:
		return (v->host_cr0 & W(w, CR0_FIXED0)) != W(w, CR0_FIXED0) ||
		       (v->host_cr0 & ~W(w, CR0_FIXED1));
	case HVG_DIAG_HOST_CR_02:
		return (v->host_cr4 & W(w, CR4_FIXED0)) != W(w, CR4_FIXED0) ||
		       (v->host_cr4 & ~W(w, CR4_FIXED1));
	case HVG_DIAG_HOST_CR_03:
		return !below(v->host_cr3 & ~((w->cpu & HVG_CPU_LAM) ?
					       (3ULL << 61) : 0), w->maxphy);
	case HVG_DIAG_HOST_CR_04:
		return (v->host_cr4 & BIT(23)) && !(v->host_cr0 & BIT(16));
	case HVG_DIAG_HOST_CR_05: return !canon(v->host_ia32_sysenter_esp, lw);
	case HVG_DIAG_HOST_CR_06: return !canon(v->host_ia32_sysenter_eip, lw);
	case HVG_DIAG_HOST_CR_07:
		return (e.exit & BIT(12)) &&
		       (v->host_ia32_perf_global_ctrl & ~w->perf);
	case HVG_DIAG_HOST_CR_08:
		return (e.exit & BIT(19)) && !pat_ok(v->host_ia32_pat);
	case HVG_DIAG_HOST_CR_09:
		return (e.exit & BIT(21)) &&
		       (v->host_ia32_efer & ~(0x501ULL |
					      ((w->cpu & HVG_CPU_NX) ? 0x800 : 0)));
	case HVG_DIAG_HOST_CR_10:
		return (e.exit & BIT(21)) &&
		       (bool)(v->host_ia32_efer & BIT(10)) != host64;
	case HVG_DIAG_HOST_CR_11:
		return (e.exit & BIT(21)) &&
		       (bool)(v->host_ia32_efer & BIT(8)) != host64;
	case HVG_DIAG_HOST_CR_12:
		return cet && ((s_cet & 0x3c0) || (s_cet & 0xc00) == 0xc00 ||
			       (!host64 && (s_cet >> 32)) || !canon(s_cet, lw));
	case HVG_DIAG_HOST_CR_13:
		return cet && !canon(v->host_intr_ssp_table_addr, lw);
	case HVG_DIAG_HOST_CR_14: return cet && (ssp & 3);
	case HVG_DIAG_HOST_CR_15:
		return cet && (host64 ? !canon(ssp, lw) : (ssp >> 32) != 0);
	case HVG_DIAG_HOST_CR_16:
		return (e.exit & BIT(29)) && (v->host_ia32_pkrs >> 32);
	case HVG_DIAG_HOST_CR_17:
		return fred_load && ((v->host_ia32_fred_config & 0x834) ||
				     !canon(v->host_ia32_fred_config & ~0xfffULL,
					    lw));
	case HVG_DIAG_HOST_CR_18:
		return fred_load &&
		       ((v->host_ia32_fred_rsp1 & 0x3f) ||
			(v->host_ia32_fred_rsp2 & 0x3f) ||
			(v->host_ia32_fred_rsp3 & 0x3f) ||
			!canon(v->host_ia32_fred_rsp1, lw) ||
			!canon(v->host_ia32_fred_rsp2, lw) ||
			!canon(v->host_ia32_fred_rsp3, lw));
	case HVG_DIAG_HOST_CR_19:
		return fred_load &&
		       ((v->host_ia32_fred_ssp1 & 7) ||
			(v->host_ia32_fred_ssp2 & 7) ||
			(v->host_ia32_fred_ssp3 & 7) ||
			!canon(v->host_ia32_fred_ssp1, lw) ||
			!canon(v->host_ia32_fred_ssp2, lw) ||
			!canon(v->host_ia32_fred_ssp3, lw));
	case HVG_DIAG_HOST_CR_20:
		return (e.exit2 & BIT(2)) && (v->host_ia32_spec_ctrl & ~w->spec);
	/* Section 4.2. */
	case HVG_DIAG_HOST_SEG_01: return v->host_cs_selector & 7;
	case HVG_DIAG_HOST_SEG_02: return v->host_ss_selector & 7;
	case HVG_DIAG_HOST_SEG_03: return v->host_ds_selector & 7;
	case HVG_DIAG_HOST_SEG_04: return v->host_es_selector & 7;
	case HVG_DIAG_HOST_SEG_05: return v->host_fs_selector & 7;
	case HVG_DIAG_HOST_SEG_06: return v->host_gs_selector & 7;
	case HVG_DIAG_HOST_SEG_07: return v->host_tr_selector & 7;
	case HVG_DIAG_HOST_SEG_08: return !v->host_cs_selector;
	case HVG_DIAG_HOST_SEG_09: return !v->host_tr_selector;
	case HVG_DIAG_HOST_SEG_10: return !host64 && !v->host_ss_selector;
	case HVG_DIAG_HOST_SEG_11: return !canon(v->host_fs_base, lw);
	case HVG_DIAG_HOST_SEG_12: return !canon(v->host_gs_base, lw);
	case HVG_DIAG_HOST_SEG_13: return !canon(v->host_gdtr_base, lw);
	case HVG_DIAG_HOST_SEG_14: return !canon(v->host_idtr_base, lw);
	case HVG_DIAG_HOST_SEG_15: return !canon(v->host_tr_base, lw);
	default:
		ck_abort_msg("row %u has no predicate", d);
		return false;
	}
}

/* The world of the given inputs, with @unknown dims still to be set. */
static void base_world(const struct vmcheck_input *in, struct world *w,
		       u64 *unknown)
{
	const struct hvg_vmx_caps *c = &in->caps;
	const struct hvg_vmentry_env *e = &in->env;
	static const u32 plain[4] = { 0x481, 0x482, 0x483, 0x484 };
	u64 basic = c->msr[0];
	u32 i, m;

	memset(w, 0, sizeof(*w));
	*unknown = 0;
	memcpy(w->msr, c->msr, sizeof(w->msr));
	for (i = 0; i < HVG_VMX_CAP_NR; i++)
		if (!(c->present & BIT(i)))
			*unknown |= BIT_ULL(i);
	/* SDM A.2: BASIC[55] picks the TRUE_ MSR (plain + 0CH) or the plain. */
	for (i = 0; i < 4; i++) {
		m = (basic & BIT_ULL(55)) ? plain[i] + 0xc : plain[i];
		if ((c->present & BIT(0)) && (c->present & BIT(m - 0x480)))
			w->ctl[i] = c->msr[m - 0x480];
		else
			*unknown |= D_CTL_PIN << i;
	}
	w->maxphy = c->maxphyaddr;
	if (!(c->known & HVG_CAPS_MAXPHYADDR))
		*unknown |= D_MAXPHY;
	w->cpu = c->cpu;
	*unknown |= D_CPU(~c->cpu_known & HVG_CPU_ALL);
	w->perf = c->perf_global_ctrl_valid;
	if (!(c->known & HVG_CAPS_PERF_GLOBAL_CTRL))
		*unknown |= D_PERF;
	w->spec = c->spec_ctrl_valid;
	if (!(c->known & HVG_CAPS_SPEC_CTRL))
		*unknown |= D_SPEC;
	w->no_vmcs = e->vmcs_ptr == HVG_VMCS_PTR_NONE;
	if (!(e->known & HVG_ENV_VMCS_PTR))
		*unknown |= D_VMCS;
	w->resume = e->vmresume;
	w->launched = e->launched;
	if (!(e->known & HVG_ENV_LAUNCH))
		*unknown |= D_RESUME | D_LAUNCHED;
	w->movss = e->mov_ss_blocking;
	if (!(e->known & HVG_ENV_MOV_SS))
		*unknown |= D_MOVSS;
	w->lma = e->lma;
	if (!(e->known & HVG_ENV_LMA))
		*unknown |= D_LMA;
	w->vtpr = e->vtpr;
	if (!(e->known & HVG_ENV_VTPR))
		*unknown |= D_VTPR;
}

/* One end of the range of a missing input. */
static void set_end(struct world *w, u32 dim, bool hi)
{
	u64 all = hi ? ~0ULL : 0;

	if (dim < 20)
		w->msr[dim] = all;
	else if (dim == 20)
		w->maxphy = hi ? 52 : 32;
	else if (dim < 28)
		w->cpu = hi ? w->cpu | BIT(dim - 21) : w->cpu & ~BIT(dim - 21);
	else if (dim == 28)
		w->perf = all;
	else if (dim == 29)
		w->spec = all;
	else if (dim == 30)
		w->no_vmcs = hi;
	else if (dim == 31)
		w->resume = hi;
	else if (dim == 32)
		w->launched = hi;
	else if (dim == 33)
		w->movss = hi;
	else if (dim == 34)
		w->lma = hi;
	else if (dim == 35)
		w->vtpr = hi ? 255 : 0;
	else
		w->ctl[dim - 36] = all;
}

static u32 oracle(u32 d, const struct hvg_vmcs12 *v, const struct world *base,
		  u64 unknown)
{
	u32 dims[D_NR], n = 0, k, combo, nfail = 0, total;
	u64 need = reads(d) & unknown;
	struct world w;

	for (k = 0; k < D_NR; k++)
		if (need & BIT_ULL(k))
			dims[n++] = k;
	total = 1U << n;
	for (combo = 0; combo < total; combo++) {
		w = *base;
		for (k = 0; k < n; k++)
			set_end(&w, dims[k], combo & BIT(k));
		nfail += fails(d, v, &w);
	}
	return nfail == total ? O_FAIL : nfail ? O_NE : O_PASS;
}

/* ---- random cases ---------------------------------------------------------- */

static u64 rnd(u64 *s)
{
	return hvg_test_rand(s);
}

/* Fields the part-1 checks read, by identifier, for mutations. */
static const char *const mutable_fields[] = {
	"PIN_BASED_VM_EXEC_CONTROLS", "PRIMARY_VM_EXEC_CONTROLS",
	"SECONDARY_VM_EXEC_CONTROLS", "TERTIARY_VM_EXEC_CONTROLS",
	"PRIMARY_VM_EXIT_CONTROLS", "SECONDARY_VM_EXIT_CONTROLS",
	"VM_ENTRY_CONTROLS", "VM_FUNCTION_CONTROLS", "CR3_TARGET_COUNT",
	"IO_BITMAP_A_ADDRESS", "IO_BITMAP_B_ADDRESS", "MSR_BITMAP_ADDRESS",
	"VIRTUAL_APIC_ADDRESS", "TPR_THRESHOLD", "APIC_ACCESS_ADDRESS",
	"POSTED_INTR_NOTIFICATION_VECTOR", "POSTED_INTR_DESC_ADDRESS",
	"VIRTUAL_PROCESSOR_ID", "EPT_POINTER", "PML_ADDRESS",
	"SPP_TABLE_POINTER", "EPTP_LIST_ADDRESS", "VMREAD_BITMAP_ADDRESS",
	"VMWRITE_BITMAP_ADDRESS", "VE_INFORMATION_ADDRESS", "TSC_MULTIPLIER",
	"PID_POINTER_TABLE_ADDRESS", "HLAT_POINTER", "HLAT_PREFIX_SIZE",
	"VM_EXIT_MSR_STORE_COUNT", "VM_EXIT_MSR_STORE_ADDRESS",
	"VM_EXIT_MSR_LOAD_COUNT", "VM_EXIT_MSR_LOAD_ADDRESS",
	"VM_ENTRY_MSR_LOAD_COUNT", "VM_ENTRY_MSR_LOAD_ADDRESS",
	"VM_ENTRY_INTERRUPTION_INFO", "VM_ENTRY_EXCEPTION_ERROR_CODE",
	"VM_ENTRY_INSTRUCTION_LENGTH", "GUEST_CR0", "GUEST_CR4",
	"HOST_CR0", "HOST_CR3", "HOST_CR4", "HOST_RIP",
	"HOST_IA32_SYSENTER_ESP", "HOST_IA32_SYSENTER_EIP",
	"HOST_IA32_PERF_GLOBAL_CTRL", "HOST_IA32_PAT", "HOST_IA32_EFER",
	"HOST_IA32_S_CET", "HOST_SSP", "HOST_INTERRUPT_SSP_TABLE_ADDR",
	"HOST_IA32_PKRS", "HOST_IA32_FRED_CONFIG", "HOST_IA32_FRED_RSP1",
	"HOST_IA32_FRED_RSP2", "HOST_IA32_FRED_RSP3", "HOST_IA32_FRED_SSP1",
	"HOST_IA32_FRED_SSP2", "HOST_IA32_FRED_SSP3", "HOST_IA32_SPEC_CTRL",
	"HOST_CS_SELECTOR", "HOST_SS_SELECTOR", "HOST_DS_SELECTOR",
	"HOST_ES_SELECTOR", "HOST_FS_SELECTOR", "HOST_GS_SELECTOR",
	"HOST_TR_SELECTOR", "HOST_FS_BASE", "HOST_GS_BASE", "HOST_TR_BASE",
	"HOST_GDTR_BASE", "HOST_IDTR_BASE", "VMCS_REVISION_ID",
};

/* Values near the edges the rows care about. */
static u64 edge_value(u64 *s)
{
	static const u64 edges[] = {
		0, 1, 2, 3, 4, 8, 0xf, 0x10, 0x3f, 0x40, 0xff, 0x100, 0xfff,
		0x1000, 0xffff, 0xfffff000, 0xffffffff, 0x100000000ULL,
		0x7ffffff000ULL, 0x8000000000ULL, 0x7ffffffff0ULL,
		0x7fffffffffffULL, 0x800000000000ULL, 0xffff800000000000ULL,
		0x80000000000000ULL, 0xff00000000000000ULL,
		0x10000000000000ULL, 0xfffffffffffff000ULL, ~0ULL,
	};
	u64 v = edges[rnd(s) % ARRAY_SIZE(edges)];

	if (rnd(s) & 1)
		v ^= BIT_ULL(rnd(s) % 64);
	return v;
}

/* Control words, weighted up: most rows depend on one of their bits. */
static const char *const control_fields[] = {
	"PIN_BASED_VM_EXEC_CONTROLS", "PRIMARY_VM_EXEC_CONTROLS",
	"SECONDARY_VM_EXEC_CONTROLS", "TERTIARY_VM_EXEC_CONTROLS",
	"PRIMARY_VM_EXIT_CONTROLS", "SECONDARY_VM_EXIT_CONTROLS",
	"VM_ENTRY_CONTROLS", "VM_FUNCTION_CONTROLS",
};

/* Injected events: each type with the vectors the rows single out. */
static u32 random_event(u64 *s)
{
	static const u32 vectors[] = {
		0, 1, 2, 3, 6, 8, 10, 11, 12, 13, 14, 17, 18, 21, 31, 32, 0x80,
	};
	u32 info = BIT(31) | ((u32)(rnd(s) % 8) << 8) |
		   vectors[rnd(s) % ARRAY_SIZE(vectors)];

	if (rnd(s) & 1)
		info |= BIT(11);
	if (!(rnd(s) % 4))
		info |= BIT(12 + rnd(s) % 19);
	return info;
}

static void mutate_vmcs(struct vmcheck_input *in, u64 *s)
{
	const char *name = mutable_fields[rnd(s) % ARRAY_SIZE(mutable_fields)];
	const struct hvg_vmcs_field *f = NULL;
	u32 i, kind = rnd(s) % 10;
	u64 old = 0, v;
	u8 *p;

	if (kind < 4)
		name = control_fields[rnd(s) % ARRAY_SIZE(control_fields)];
	if (kind == 4) {
		in->vmcs.vm_entry_intr_info = random_event(s);
		in->vmcs.vm_entry_instruction_len = (u32)(rnd(s) % 18);
		if (rnd(s) & 1)
			in->vmcs.guest_cr4 ^= BIT_ULL(32);
		return;
	}
	if (!strcmp(name, "VMCS_REVISION_ID")) {
		in->vmcs.revision_id ^= (u32)(rnd(s) & 1) << 31;
		return;
	}
	for (i = 0; (f = hvg_vmcs_field_at(i)); i++)
		if (!strcmp(f->name, name))
			break;
	PROP_ASSERT(f, "no field %s", name);
	p = (u8 *)&in->vmcs + f->offset;
	memcpy(&old, p, f->size);
	if (kind < 4) {
		v = old ^ BIT_ULL(rnd(s) % 32);
	} else {
		switch (rnd(s) % 4) {
		case 0:		/* flip one bit */
			v = old ^ BIT_ULL(rnd(s) % (8 * f->size));
			break;
		case 1:		/* flip a few bits */
			v = old ^ (rnd(s) & rnd(s) & rnd(s));
			break;
		case 2:
			v = edge_value(s);
			break;
		default:
			v = rnd(s);
			break;
		}
	}
	memcpy(p, &v, f->size);
}

static void mutate_caps(struct vmcheck_input *in, u64 *s)
{
	struct hvg_vmx_caps *c = &in->caps;
	u32 i = rnd(s) % HVG_VMX_CAP_NR;

	switch (rnd(s) % 8) {
	case 0:
		c->present &= ~BIT(i);
		break;
	case 1:
		c->msr[i] ^= BIT_ULL(rnd(s) % 64);
		break;
	case 2:
		c->known &= ~HVG_CAPS_MAXPHYADDR;
		break;
	case 3:
		c->maxphyaddr = 32 + rnd(s) % 21;
		c->known |= HVG_CAPS_MAXPHYADDR;
		break;
	case 4:
		c->cpu_known &= ~BIT(rnd(s) % 7);
		break;
	case 5:
		c->cpu ^= BIT(rnd(s) % 7);
		break;
	case 6:
		c->known ^= rnd(s) & (HVG_CAPS_PERF_GLOBAL_CTRL |
				      HVG_CAPS_SPEC_CTRL);
		break;
	default:
		c->msr[i] ^= rnd(s) & rnd(s);
		break;
	}
}

static void mutate_env(struct vmcheck_input *in, u64 *s)
{
	struct hvg_vmentry_env *e = &in->env;

	switch (rnd(s) % 8) {
	case 0:
		e->known &= ~BIT(rnd(s) % 5);
		break;
	case 1:
		e->vmresume ^= 1;
		break;
	case 2:
		e->launched ^= 1;
		break;
	case 3:
		e->mov_ss_blocking ^= 1;
		break;
	case 4:
		e->lma ^= 1;
		break;
	case 5:
		if (rnd(s) & 1)
			e->vmcs_ptr = HVG_VMCS_PTR_NONE;
		fallthrough;
	default:
		e->vtpr = (u8)rnd(s);
		break;
	}
}

/* Outcome and error a first failing row gives (catalogue sections 1-4). */
static void row_outcome(u32 d, u32 *outcome, u32 *error)
{
	*outcome = HVG_VMENTRY_VMFAIL_VALID;
	if (d == HVG_DIAG_PRE_04 || d == HVG_DIAG_PRE_05) {
		*outcome = HVG_VMENTRY_VMFAIL_INVALID;
		*error = 0;
	} else if (d == HVG_DIAG_PRE_06) {
		*error = 26;
	} else if (d == HVG_DIAG_PRE_07) {
		*error = 4;
	} else if (d == HVG_DIAG_PRE_08) {
		*error = 5;
	} else {
		/* Controls give 7; the host rows, from HOST-AS-01 on, 8. */
		*error = d >= HVG_DIAG_HOST_AS_01 ? 8 : 7;
	}
}

static void check_case(const struct vmcheck_input *in, unsigned long *nr_proceed,
		       unsigned long *nr_ne)
{
	struct hvg_vmentry_result r, all;
	u32 failed[HVG_DIAG_NR], want[HVG_DIAG_NR], i, n, first = 0;
	u32 outcome, error;
	struct world base;
	u64 unknown;
	bool stop = false, any_ne = false;

	base_world(in, &base, &unknown);
	for (i = HVG_DIAG_FIRST_CHECK; i < HVG_DIAG_NR; i++) {
		want[i] = stop ? O_PASS : oracle(i, &in->vmcs, &base, unknown);
		if (want[i] == O_FAIL && !first)
			first = i;
		any_ne |= want[i] == O_NE;
		/* Without a current VMCS nothing else is checked. */
		if (i == HVG_DIAG_PRE_04 && want[i] == O_FAIL)
			stop = true;
	}

	PROP_ASSERT(!hvg_vmentry_check_all(&in->vmcs, &in->caps, &in->env,
					   failed, ARRAY_SIZE(failed), &all),
		    "check_all");
	n = 0;
	for (i = HVG_DIAG_FIRST_CHECK; i < HVG_DIAG_NR; i++) {
		bool f = n < all.nr_failed && failed[n] == i;

		n += f;
		PROP_ASSERT(f == (want[i] == O_FAIL),
			      "%s: library %s, oracle %u",
			      hvg_vmentry_diag_info(i)->name,
			      f ? "fails" : "does not fail", want[i]);
		PROP_ASSERT(hvg_vmentry_not_evaluated(&all, i) ==
			    (want[i] == O_NE), "%s: not evaluated %d, oracle %u",
			      hvg_vmentry_diag_info(i)->name,
			      hvg_vmentry_not_evaluated(&all, i), want[i]);
	}
	PROP_ASSERT(n == all.nr_failed, "failures %u, counted %u", n,
		    all.nr_failed);

	PROP_ASSERT(!hvg_vmentry_check(&in->vmcs, &in->caps, &in->env, &r),
		    "check");
	PROP_ASSERT(r.diag == first && all.diag == first,
		    "first %u / %u, oracle %u", r.diag, all.diag, first);
	if (first) {
		row_outcome(first, &outcome, &error);
		PROP_ASSERT(r.outcome == outcome && r.error == error,
			    "outcome %u error %u, oracle %u %u", r.outcome,
			    r.error, outcome, error);
	} else {
		PROP_ASSERT(r.outcome == (any_ne ? HVG_VMENTRY_INCOMPLETE :
						   HVG_VMENTRY_PROCEED) &&
			    !r.error, "outcome %u error %u", r.outcome,
			    r.error);
	}
	/* Proceed only when every row holds. */
	if (r.outcome == HVG_VMENTRY_PROCEED) {
		for (i = HVG_DIAG_FIRST_CHECK; i < HVG_DIAG_NR; i++)
			PROP_ASSERT(want[i] == O_PASS, "proceed but %s",
				    hvg_vmentry_diag_info(i)->name);
		(*nr_proceed)++;
	}
	*nr_ne += any_ne;
	for (i = HVG_DIAG_FIRST_CHECK; i < HVG_DIAG_NR; i++)
		PROP_ASSERT(hvg_vmentry_not_evaluated(&r, i) ==
			    (want[i] == O_NE && (!first || i < first)),
			    "default mode: %s", hvg_vmentry_diag_info(i)->name);
}

#define NR_CASES	100000

START_TEST(random_cases_match_the_oracle)
{
	static const char *const profiles[] = {
		"skylake-i7-6700k", "broadwell-i7-5600u", "synthetic-full",
	};
	static const char *const baselines[] = {
		"baseline-64", "baseline-pae", "baseline-32host",
	};
	struct vmcheck_input base[3][3], in;
	unsigned long proceed = 0, ne = 0, i;
	u64 seed = 0x9e3779b97f4a7c15ULL;
	u32 p, b, k, muts;

	for (p = 0; p < 3; p++)
		for (b = 0; b < 3; b++) {
			vec_build_set(VEC_DIR, profiles[p], &base[p][b]);
			vec_apply_set(VEC_DIR, baselines[b], &base[p][b]);
		}
	for (i = 0; i < NR_CASES; i++) {
		in = base[rnd(&seed) % 3][rnd(&seed) % 3];
		muts = rnd(&seed) % 5;
		for (k = 0; k < muts; k++)
			mutate_vmcs(&in, &seed);
		if (!(rnd(&seed) % 3))
			mutate_caps(&in, &seed);
		if (!(rnd(&seed) % 3))
			mutate_env(&in, &seed);
		/* TPR threshold and VTPR near each other. */
		if (!(rnd(&seed) % 8)) {
			in.vmcs.tpr_threshold = (u32)(rnd(&seed) % 17);
			in.env.vtpr = (u8)rnd(&seed);
		}
		check_case(&in, &proceed, &ne);
	}
	/* The generator reaches every outcome often enough to mean something. */
	ck_assert_uint_gt(proceed, NR_CASES / 20);
	ck_assert_uint_gt(ne, NR_CASES / 50);
}
END_TEST

/* Every row has an oracle predicate, and the oracle can fail. */
START_TEST(oracle_covers_every_row)
{
	struct vmcheck_input in;
	struct world w;
	u64 unknown;
	u32 d;

	vec_build_set(VEC_DIR, "skylake-64", &in);
	base_world(&in, &w, &unknown);
	/* Skylake has neither PROCBASED_CTLS3 nor EXIT_CTLS2, nor SPEC_CTRL. */
	ck_assert_uint_eq(unknown, M(PROCBASED_CTLS3) | M(EXIT_CTLS2) | D_SPEC);
	for (d = HVG_DIAG_FIRST_CHECK; d < HVG_DIAG_NR; d++)
		ck_assert_msg(oracle(d, &in.vmcs, &w, 0) == O_PASS, "%s",
			      hvg_vmentry_diag_info(d)->name);
}
END_TEST

Suite *vmentry_prop_suite(void)
{
	Suite *s = suite_create("vmentry_prop");
	TCase *tc = hvg_tcase("property");

	tcase_add_test(tc, oracle_covers_every_row);
	tcase_add_test(tc, random_cases_match_the_oracle);
	suite_add_tcase(s, tc);
	return s;
}
