// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The VMfail checks of a nested VM entry (Intel SDM Vol. 3C, 26.1 and
 * 26.2; the catalogue reference/vmentry-checks.md, sections 1 to 4 and
 * 11): one flat HVG_CHECK() line per catalogue row, in the order of
 * include/hvgate/vmentry_diags.h.
 *
 * Every predicate is a tri-state: it passes, fails, or cannot be decided
 * because an input is missing (a capability MSR, MAXPHYADDR, a CPUID
 * feature, an environment fact). verdict() turns "cannot be decided" into
 * a not-evaluated mark and a pass, so HVG_CHECK() only ever sees a real
 * failure. A row with several conditions fails if any known condition
 * fails, and is not evaluated only if none fails and one is unknown.
 *
 * Decisions on ambiguous and "[newer SDM - verify]" rows are written
 * above the checks they concern, marked "Decision:".
 */
#include "hvgate_env.h"
#include "internal.h"

/* ---- the diagnostic table ----------------------------------------------- */

static const struct hvg_vmentry_diag_info diag_table[HVG_DIAG_NR] = {
#define HVG_VMENTRY_DIAG(id, nm, sec, out, err, txt)			\
	[HVG_DIAG_##id] = {						\
		.name = (nm),						\
		.section = (sec),					\
		.outcome = (out),					\
		.error = (err),						\
		.text = (txt),						\
	},
#include <hvgate/vmentry_diags.h>
#undef HVG_VMENTRY_DIAG
};

const struct hvg_vmentry_diag_info *hvg_vmentry_diag_info(u32 diag)
{
	if (diag == HVG_DIAG_NONE || diag >= HVG_DIAG_NR)
		return NULL;
	return &diag_table[diag];
}

const char *hvg_vmentry_diag_text(u32 diag)
{
	if (diag == HVG_DIAG_NONE)
		return "no diagnostic";
	if (diag >= HVG_DIAG_NR)
		return "unknown diagnostic";
	return diag_table[diag].text;
}

bool hvg_vmentry_not_evaluated(const struct hvg_vmentry_result *res,
			       u32 diag)
{
	if (!res || diag >= HVG_DIAG_NR)
		return false;
	return res->not_evaluated[diag / 64] & BIT_ULL(diag % 64);
}

/* ---- inputs and tri-state predicates ------------------------------------- */

/* Inputs a check may need (struct ctx.in): one bit each. */
#define IN_PIN		BIT_ULL(HVG_VMX_CTLS_PIN)	/* allowed settings */
#define IN_PROC		BIT_ULL(HVG_VMX_CTLS_PROC)
#define IN_EXIT		BIT_ULL(HVG_VMX_CTLS_EXIT)
#define IN_ENTRY	BIT_ULL(HVG_VMX_CTLS_ENTRY)
#define IN_PROC2	BIT_ULL(HVG_VMX_CTLS_PROC2)
#define IN_PROC3	BIT_ULL(HVG_VMX_CTLS_PROC3)
#define IN_EXIT2	BIT_ULL(HVG_VMX_CTLS_EXIT2)
#define IN_VMFUNC	BIT_ULL(HVG_VMX_CTLS_VMFUNC)
#define IN_BASIC	BIT_ULL(8)
#define IN_MISC		BIT_ULL(9)
#define IN_EPTCAP	BIT_ULL(10)
#define IN_PERF_GLOBAL	BIT_ULL(11)
#define IN_SPEC_CTRL	BIT_ULL(12)
#define IN_ENV_SHIFT	24		/* HVG_ENV_* */
#define IN_ENV(f)	((u64)(f) << IN_ENV_SHIFT)
#define IN_CPU_SHIFT	32		/* HVG_CPU_* known */
#define IN_CPU(f)	((u64)(f) << IN_CPU_SHIFT)

#define U32_ALL		0xffffffffULL

/* Tri-state verdicts, ordered so that combining two is their maximum. */
#define T_PASS		0U
#define T_UNKNOWN	1U
#define T_FAIL		2U

struct ctx {
	const struct hvg_vmcs12 *v;
	const struct hvg_vmx_caps *caps;
	const struct hvg_vmentry_env *env;
	struct hvg_vmentry_result *res;
	struct hvg_check_log log;
	u64 in;
	u64 a0[HVG_VMX_CTLS_NR];
	u64 a1[HVG_VMX_CTLS_NR];
	u64 basic;
	u64 misc;
	u64 eptcap;
	/*
	 * Bounds of the physical-address width for VMX structures and of
	 * MAXPHYADDR: equal when known, else the widest range the missing
	 * inputs allow (32..52 bits).
	 */
	u32 vmx_pa_lo;
	u32 vmx_pa_hi;
	u32 pa_lo;
	u32 pa_hi;
	/* Effective controls: a word that is not activated reads as 0. */
	u32 pin;
	u32 proc;
	u32 proc2;
	u32 exit;
	u32 entry;
	u64 proc3;
	u64 exit2;
	u64 vmfunc;
};

static inline u32 tmax(u32 a, u32 b)
{
	return a > b ? a : b;
}

static inline u32 tri(bool fail)
{
	return fail ? T_FAIL : T_PASS;
}

/* @fail decides the row if the inputs @need are present. */
static inline u32 tri_in(const struct ctx *c, u64 need, bool fail)
{
	return (c->in & need) == need ? tri(fail) : T_UNKNOWN;
}

static noinline bool not_evaluated(struct ctx *c, u32 diag)
{
	c->res->not_evaluated[diag / 64] |= BIT_ULL(diag % 64);
	c->res->nr_not_evaluated++;
	return false;
}

/* The failure condition HVG_CHECK() sees: T_UNKNOWN marks @diag. */
static inline bool verdict(struct ctx *c, u32 diag, u32 t)
{
	if (unlikely(t == T_UNKNOWN))
		return not_evaluated(c, diag);
	return t == T_FAIL;
}

/*
 * An address of a VMX data structure (SDM A.1 on IA32_VMX_BASIC[48]):
 * no bit of @align set and no bit at or above the physical-address width,
 * which is 32 when BASIC[48] is 1 (never on Intel 64 processors). Older
 * SDM text says "should not set" for some of these; hardware fails the
 * entry, so hvgate treats it as "must" (catalogue A6). Without MAXPHYADDR
 * or BASIC the width lies between vmx_pa_lo and vmx_pa_hi: an address
 * below 2^lo passes and one at or above 2^hi fails whatever it is.
 */
static inline u32 t_width(u64 addr, u32 lo, u32 hi)
{
	if (addr >> hi)
		return T_FAIL;
	return addr >> lo ? T_UNKNOWN : T_PASS;
}

static inline u32 t_addr(const struct ctx *c, u64 addr, u64 align)
{
	if (addr & align)
		return T_FAIL;
	return t_width(addr, c->vmx_pa_lo, c->vmx_pa_hi);
}

/*
 * Allowed settings (SDM A.3 - A.5, A.7, A.8) when the MSR may be absent:
 * a word with every bit of @all set meets any allowed-0 (must be 1) mask,
 * a word of 0 meets any allowed-1 (may be 1) mask; otherwise the verdict
 * needs the MSR.
 */
static inline u32 t_must1(bool known, u64 val, u64 must, u64 all)
{
	if (!known)
		return (val & all) == all ? T_PASS : T_UNKNOWN;
	return tri((val & must) != must);
}

static inline u32 t_may1(bool known, u64 val, u64 may)
{
	if (!known)
		return val ? T_UNKNOWN : T_PASS;
	return tri(val & ~may);
}

/*
 * The last byte of a 16-byte-per-entry MSR area, computed in 64 bits
 * (@count < 2^32, so 16 * @count fits); an area that wraps past 2^64 is
 * beyond any physical-address width.
 */
static inline u32 t_area_end(const struct ctx *c, u64 addr,
				      u32 count)
{
	u64 last = addr + 16 * (u64)count - 1;

	if (last < addr)
		return T_FAIL;
	return t_addr(c, last, 0);
}

static inline bool canonical(u64 v, u32 bits)
{
	return (u64)((s64)(v << (64 - bits)) >> (64 - bits)) == v;
}

/*
 * Decision (catalogue A7): values loaded like MSRs (segment and table
 * bases, SYSENTER, CET, FRED MSRs) are canonical with respect to the
 * widest linear address the processor supports, 57 bits with LA57 and 48
 * without, as WRMSR checks them. A value canonical in 48 bits needs no
 * CPUID; one canonical only in 57 bits needs to know LA57.
 */
static inline u32 t_noncanon(const struct ctx *c, u64 v)
{
	if (canonical(v, 48))
		return T_PASS;
	if (!canonical(v, 57))
		return T_FAIL;
	return tri_in(c, IN_CPU(HVG_CPU_LA57), !(c->caps->cpu & HVG_CPU_LA57));
}

/* ---- setup ---------------------------------------------------------------- */

/* The allowed settings of one word into @c; its IN_* bit, or 0. */
static __always_inline u64 ctls(struct ctx *c, u32 which)
{
	return vmx_caps_ctls_(c->caps, which, &c->a0[which], &c->a1[which]) ?
	       BIT_ULL(which) : 0;
}

static void setup(struct ctx *c)
{
	const struct hvg_vmx_caps *caps = c->caps;
	const struct hvg_vmcs12 *v = c->v;

	c->in = IN_ENV(c->env->known & HVG_ENV_ALL) |
		IN_CPU(caps->cpu_known & HVG_CPU_ALL);
	/* Unrolled: with @which constant the TRUE_ rule folds to a few tests. */
	c->in |= ctls(c, HVG_VMX_CTLS_PIN) | ctls(c, HVG_VMX_CTLS_PROC) |
		 ctls(c, HVG_VMX_CTLS_EXIT) | ctls(c, HVG_VMX_CTLS_ENTRY) |
		 ctls(c, HVG_VMX_CTLS_PROC2) | ctls(c, HVG_VMX_CTLS_PROC3) |
		 ctls(c, HVG_VMX_CTLS_EXIT2) | ctls(c, HVG_VMX_CTLS_VMFUNC);
	c->basic = caps->msr[HVG_MSR_IA32_VMX_BASIC - HVG_VMX_CAP_FIRST];
	c->misc = caps->msr[HVG_MSR_IA32_VMX_MISC - HVG_VMX_CAP_FIRST];
	c->eptcap = caps->msr[HVG_MSR_IA32_VMX_EPT_VPID_CAP - HVG_VMX_CAP_FIRST];
	if (caps->present & HVG_VMX_CAP_BIT(HVG_MSR_IA32_VMX_BASIC))
		c->in |= IN_BASIC;
	if (caps->present & HVG_VMX_CAP_BIT(HVG_MSR_IA32_VMX_MISC))
		c->in |= IN_MISC;
	if (caps->present & HVG_VMX_CAP_BIT(HVG_MSR_IA32_VMX_EPT_VPID_CAP))
		c->in |= IN_EPTCAP;
	/*
	 * MAXPHYADDR is 32..52. The VMX-structure width is 32 with
	 * BASIC[48] = 1, MAXPHYADDR otherwise (at least 32 either way).
	 */
	c->pa_lo = 32;
	c->pa_hi = 52;
	if (caps->known & HVG_CAPS_MAXPHYADDR)
		c->pa_lo = c->pa_hi = caps->maxphyaddr;
	c->vmx_pa_lo = 32;
	c->vmx_pa_hi = c->pa_hi;
	if ((c->in & IN_BASIC) && (c->basic & HVG_VMX_BASIC_PA32))
		c->vmx_pa_hi = 32;
	else if (c->in & IN_BASIC)
		c->vmx_pa_lo = c->pa_lo;
	if (caps->known & HVG_CAPS_PERF_GLOBAL_CTRL)
		c->in |= IN_PERF_GLOBAL;
	if (caps->known & HVG_CAPS_SPEC_CTRL)
		c->in |= IN_SPEC_CTRL;

	/*
	 * SDM 26.2.1.1: secondary controls are checked and in effect only
	 * when "activate secondary controls" is 1, tertiary controls only
	 * when "activate tertiary controls" is 1; 26.2.1.2 likewise for the
	 * secondary VM-exit controls. Otherwise they behave as all 0.
	 */
	c->pin = v->pin_based_vm_exec_control;
	c->proc = v->primary_vm_exec_control;
	c->proc2 = c->proc & HVG_PROC_SECONDARY ?
		   v->secondary_vm_exec_control : 0;
	c->proc3 = c->proc & HVG_PROC_TERTIARY ?
		   v->tertiary_vm_exec_control : 0;
	c->exit = v->vm_exit_controls;
	c->exit2 = c->exit & HVG_EXIT_SECONDARY ?
		   v->secondary_vm_exit_controls : 0;
	c->entry = v->vm_entry_controls;
	c->vmfunc = c->proc2 & HVG_PROC2_VMFUNC ? v->vm_function_controls : 0;
}

/* ---- 26.1: before the field checks --------------------------------------- */

static bool check_pre(struct ctx *c)
{
	const struct hvg_vmentry_env *e = c->env;
	struct hvg_check_log *log = &c->log;
	bool no_vmcs = (e->known & HVG_ENV_VMCS_PTR) &&
		       e->vmcs_ptr == HVG_VMCS_PTR_NONE;

	/*
	 * SDM 26.1 and the VMLAUNCH/VMRESUME operation section, in that
	 * order: no current VMCS, shadow VMCS (VMfailInvalid), MOV-SS
	 * blocking (error 26), launch state (errors 4 and 5). PRE-01..03
	 * (#UD, VM exit, #GP) are decided before VMfail semantics and by
	 * L0's own instruction handling; they are not modelled.
	 *
	 * Without a current VMCS nothing else exists to check, so PRE-04
	 * ends the evaluation even when collecting.
	 */
	if (HVG_CHECK(log, HVG_DIAG_PRE_04,
		      verdict(c, HVG_DIAG_PRE_04,
			      tri_in(c, IN_ENV(HVG_ENV_VMCS_PTR), no_vmcs))) ||
	    no_vmcs)
		return true;
	if (HVG_CHECK(log, HVG_DIAG_PRE_05,
		      c->v->revision_id & HVG_VMCS_SHADOW))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_PRE_06,
		      verdict(c, HVG_DIAG_PRE_06,
			      tri_in(c, IN_ENV(HVG_ENV_MOV_SS),
				     e->mov_ss_blocking))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_PRE_07,
		      verdict(c, HVG_DIAG_PRE_07,
			      tri_in(c, IN_ENV(HVG_ENV_LAUNCH),
				     !e->vmresume && e->launched))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_PRE_08,
		      verdict(c, HVG_DIAG_PRE_08,
			      tri_in(c, IN_ENV(HVG_ENV_LAUNCH),
				     e->vmresume && !e->launched))))
		return true;
	return false;
}

/* ---- 26.2.1.1: VM-execution control fields ------------------------------- */

/*
 * IA32_VMX_EPT_VPID_CAP says which EPT paging-structure memory types
 * (bit 8 UC, bit 14 WB) and page-walk lengths (bit 6 four levels, bit 7
 * five) the processor supports (SDM A.10).
 */
static inline u32 t_eptp_memtype(const struct ctx *c, u64 eptp)
{
	u64 mt = eptp & 7;

	if (mt != 0 && mt != 6)		/* no capability bit for others */
		return T_FAIL;
	return tri_in(c, IN_EPTCAP, !(c->eptcap & (mt ? HVG_VMX_EPT_WB :
							HVG_VMX_EPT_UC)));
}

static inline u32 t_eptp_walk(const struct ctx *c, u64 eptp)
{
	u64 walk = (eptp >> 3) & 7;

	if (walk != 3 && walk != 4)	/* only 4- and 5-level walks exist */
		return T_FAIL;
	return tri_in(c, IN_EPTCAP, !(c->eptcap & (walk == 3 ?
						    HVG_VMX_EPT_PWL4 :
						    HVG_VMX_EPT_PWL5)));
}

/* HLAT prefix size at most IA32_VMX_EPT_VPID_CAP[53:48] (0..63). */
static inline u32 t_hlat_prefix(const struct ctx *c, u16 size)
{
	if (!size)
		return T_PASS;
	if (size > 63)
		return T_FAIL;
	return tri_in(c, IN_EPTCAP, size > ((c->eptcap & HVG_VMX_EPT_HLAT_PREFIX) >>
					    HVG_VMX_EPT_HLAT_PREFIX_SHIFT));
}

static bool check_exec(struct ctx *c)
{
	const struct hvg_vmcs12 *v = c->v;
	struct hvg_check_log *log = &c->log;
	u32 pin = c->pin, proc = c->proc, proc2 = c->proc2;
	u64 proc3 = c->proc3, eptp = v->eptp;
	bool tpr = proc & HVG_PROC_TPR_SHADOW;
	bool ept = proc2 & HVG_PROC2_EPT;
	bool posted = pin & HVG_PIN_POSTED_INTR;
	u32 t;

	/*
	 * SDM 26.2.1.1, A.3: reserved controls. Each word obeys its allowed-0
	 * and allowed-1 settings (the TRUE_ MSRs when BASIC[55] = 1). The
	 * secondary word only when activated; allowed-0 bits of
	 * PROCBASED_CTLS2 are 0 on every CPU so far, but are checked.
	 */
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_01,
		      verdict(c, HVG_DIAG_CTL_EXEC_01,
			      t_must1(c->in & IN_PIN, pin,
				      c->a0[HVG_VMX_CTLS_PIN], U32_ALL))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_02,
		      verdict(c, HVG_DIAG_CTL_EXEC_02,
			      t_may1(c->in & IN_PIN, pin,
				     c->a1[HVG_VMX_CTLS_PIN]))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_03,
		      verdict(c, HVG_DIAG_CTL_EXEC_03,
			      t_must1(c->in & IN_PROC, proc,
				      c->a0[HVG_VMX_CTLS_PROC], U32_ALL))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_04,
		      verdict(c, HVG_DIAG_CTL_EXEC_04,
			      t_may1(c->in & IN_PROC, proc,
				     c->a1[HVG_VMX_CTLS_PROC]))))
		return true;
	if ((proc & HVG_PROC_SECONDARY) &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXEC_05,
		      verdict(c, HVG_DIAG_CTL_EXEC_05,
			      t_must1(c->in & IN_PROC2, proc2,
				      c->a0[HVG_VMX_CTLS_PROC2], U32_ALL))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_06,
		      verdict(c, HVG_DIAG_CTL_EXEC_06,
			      t_may1(c->in & IN_PROC2, proc2,
				     c->a1[HVG_VMX_CTLS_PROC2]))))
		return true;
	/*
	 * [newer SDM] tertiary controls: IA32_VMX_PROCBASED_CTLS3 is a
	 * 64-bit allowed-1 mask (A.3.4). Decision: checked only when
	 * "activate tertiary controls" is 1, like the secondary word.
	 */
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_07,
		      verdict(c, HVG_DIAG_CTL_EXEC_07,
			      t_may1(c->in & IN_PROC3, proc3,
				     c->a1[HVG_VMX_CTLS_PROC3]))))
		return true;
	/*
	 * CR3-target count at most IA32_VMX_MISC[24:16] (A.6), a 9-bit
	 * field: 0 always passes, more than 511 always fails.
	 */
	t = tri(v->cr3_target_count > 511);
	if (v->cr3_target_count && t == T_PASS)
		t = tri_in(c, IN_MISC, v->cr3_target_count >
			   ((c->misc & HVG_VMX_MISC_CR3_TARGETS) >>
			    HVG_VMX_MISC_CR3_TARGETS_SHIFT));
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_08,
		      verdict(c, HVG_DIAG_CTL_EXEC_08, t)))
		return true;

	/* I/O and MSR bitmaps: 4-KByte aligned, within the PA width. */
	if ((proc & HVG_PROC_IO_BITMAPS) &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXEC_09,
		      verdict(c, HVG_DIAG_CTL_EXEC_09,
			      t_addr(c, v->io_bitmap_a, 0xfff))))
		return true;
	if ((proc & HVG_PROC_IO_BITMAPS) &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXEC_10,
		      verdict(c, HVG_DIAG_CTL_EXEC_10,
			      t_addr(c, v->io_bitmap_b, 0xfff))))
		return true;
	if ((proc & HVG_PROC_MSR_BITMAPS) &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXEC_11,
		      verdict(c, HVG_DIAG_CTL_EXEC_11,
			      t_addr(c, v->msr_bitmap, 0xfff))))
		return true;

	/*
	 * TPR shadow. Decision (catalogue A12): CTL-EXEC-14 compares with the
	 * VTPR byte the caller read from the virtual-APIC page
	 * (struct hvg_vmentry_env.vtpr); the optional clearing of bytes
	 * 81H-83H is not reproduced.
	 */
	if (tpr && HVG_CHECK(log, HVG_DIAG_CTL_EXEC_12,
			     verdict(c, HVG_DIAG_CTL_EXEC_12,
				     t_addr(c, v->virtual_apic_addr, 0xfff))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_13,
		      tpr && !(proc2 & HVG_PROC2_VID) &&
		      (v->tpr_threshold & GENMASK(31, 4))))
		return true;
	/* A threshold of 0 is at most any VTPR. */
	if (tpr && !(proc2 & (HVG_PROC2_VID | HVG_PROC2_VIRT_APIC_ACCESS)) &&
	    (v->tpr_threshold & 0xf) &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXEC_14,
		      verdict(c, HVG_DIAG_CTL_EXEC_14,
			      tri_in(c, IN_ENV(HVG_ENV_VTPR),
				     (v->tpr_threshold & 0xf) >
				     (u32)(c->env->vtpr >> 4)))))
		return true;

	/* NMI controls. */
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_15,
		      !(pin & HVG_PIN_NMI_EXITING) && (pin & HVG_PIN_VIRTUAL_NMIS)))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_16,
		      !(pin & HVG_PIN_VIRTUAL_NMIS) && (proc & HVG_PROC_NMI_WINDOW)))
		return true;

	/* APIC virtualization. */
	if ((proc2 & HVG_PROC2_VIRT_APIC_ACCESS) &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXEC_17,
		      verdict(c, HVG_DIAG_CTL_EXEC_17,
			      t_addr(c, v->apic_access_addr, 0xfff))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_18,
		      !tpr && (proc2 & HVG_PROC2_VIRT_X2APIC)))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_19,
		      !tpr && (proc2 & HVG_PROC2_APIC_REG_VIRT)))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_20, !tpr && (proc2 & HVG_PROC2_VID)))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_21,
		      (proc2 & HVG_PROC2_VIRT_X2APIC) &&
		      (proc2 & HVG_PROC2_VIRT_APIC_ACCESS)))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_22,
		      (proc2 & HVG_PROC2_VID) && !(pin & HVG_PIN_EXT_INTR)))
		return true;

	/* Posted interrupts. */
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_23,
		      posted && !(proc2 & HVG_PROC2_VID)))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_24,
		      posted && !(c->exit & HVG_EXIT_ACK_INTR)))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_25,
		      posted && (v->posted_intr_nv & 0xff00)))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_26,
		      posted && (v->posted_intr_desc_addr & 0x3f)))
		return true;
	if (posted && HVG_CHECK(log, HVG_DIAG_CTL_EXEC_27,
				verdict(c, HVG_DIAG_CTL_EXEC_27,
					t_addr(c, v->posted_intr_desc_addr, 0))))
		return true;

	/* VPID. */
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_28,
		      (proc2 & HVG_PROC2_VPID) && !v->vpid))
		return true;

	/*
	 * EPTP. Decision (CTL-EXEC-32, [newer SDM - verify]): bit 7 enables
	 * supervisor shadow-stack control and may be 1 only on a processor
	 * with CET shadow stacks (CPUID.(7,0):ECX[7]), as Bochs does; KVM
	 * still treats it as reserved, which only matters for KVM's own L1s.
	 */
	if (ept && HVG_CHECK(log, HVG_DIAG_CTL_EXEC_29,
			     verdict(c, HVG_DIAG_CTL_EXEC_29,
				     t_eptp_memtype(c, eptp))))
		return true;
	if (ept && HVG_CHECK(log, HVG_DIAG_CTL_EXEC_30,
			     verdict(c, HVG_DIAG_CTL_EXEC_30,
				     t_eptp_walk(c, eptp))))
		return true;
	if (ept && (eptp & BIT_ULL(6)) &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXEC_31,
		      verdict(c, HVG_DIAG_CTL_EXEC_31,
			      tri_in(c, IN_EPTCAP, !(c->eptcap & HVG_VMX_EPT_AD)))))
		return true;
	if (ept && (eptp & BIT_ULL(7)) &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXEC_32,
		      verdict(c, HVG_DIAG_CTL_EXEC_32,
			      tri_in(c, IN_CPU(HVG_CPU_CET_SS),
				     !(c->caps->cpu & HVG_CPU_CET_SS)))))
		return true;
	if (ept && HVG_CHECK(log, HVG_DIAG_CTL_EXEC_33,
			     verdict(c, HVG_DIAG_CTL_EXEC_33,
				     t_addr(c, eptp, GENMASK_ULL(11, 8)))))
		return true;

	/* Controls that need EPT, and their addresses. */
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_34, (proc2 & HVG_PROC2_PML) && !ept))
		return true;
	if ((proc2 & HVG_PROC2_PML) &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXEC_35,
		      verdict(c, HVG_DIAG_CTL_EXEC_35,
			      t_addr(c, v->pml_address, 0xfff))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_36,
		      (proc2 & HVG_PROC2_UNRESTRICTED) && !ept))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_37, (proc2 & HVG_PROC2_MBEC) && !ept))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_38, (proc2 & HVG_PROC2_SPP) && !ept))
		return true;
	if ((proc2 & HVG_PROC2_SPP) &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXEC_39,
		      verdict(c, HVG_DIAG_CTL_EXEC_39,
			      t_addr(c, v->spptp, 0xfff))))
		return true;

	/* VM functions (A.11: IA32_VMX_VMFUNC is the allowed-1 mask). */
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_40,
		      verdict(c, HVG_DIAG_CTL_EXEC_40,
			      t_may1(c->in & IN_VMFUNC, c->vmfunc,
				     c->a1[HVG_VMX_CTLS_VMFUNC]))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_41,
		      (c->vmfunc & HVG_VMFUNC_EPTP_SWITCHING) && !ept))
		return true;
	if ((c->vmfunc & HVG_VMFUNC_EPTP_SWITCHING) &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXEC_42,
		      verdict(c, HVG_DIAG_CTL_EXEC_42,
			      t_addr(c, v->eptp_list_addr, 0xfff))))
		return true;

	/* VMCS shadowing and #VE. */
	if ((proc2 & HVG_PROC2_SHADOW_VMCS) &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXEC_43,
		      verdict(c, HVG_DIAG_CTL_EXEC_43,
			      t_addr(c, v->vmread_bitmap, 0xfff))))
		return true;
	if ((proc2 & HVG_PROC2_SHADOW_VMCS) &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXEC_44,
		      verdict(c, HVG_DIAG_CTL_EXEC_44,
			      t_addr(c, v->vmwrite_bitmap, 0xfff))))
		return true;
	if ((proc2 & HVG_PROC2_EPT_VE) &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXEC_45,
		      verdict(c, HVG_DIAG_CTL_EXEC_45,
			      t_addr(c, v->ve_info_addr, 0xfff))))
		return true;

	/*
	 * [newer SDM - verify] Intel PT uses guest-physical addresses.
	 * Decision: all three dependencies in one row, as the SDM lists them:
	 * "enable EPT", the "load IA32_RTIT_CTL" VM-entry control and the
	 * "clear IA32_RTIT_CTL" VM-exit control must be 1.
	 */
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_46,
		      (proc2 & HVG_PROC2_PT_GPA) &&
		      (!ept || !(c->entry & HVG_ENTRY_LOAD_RTIT_CTL) ||
		       !(c->exit & HVG_EXIT_CLEAR_RTIT_CTL))))
		return true;
	/*
	 * [Bochs only - not in the SDM text consulted] Decision: a TSC
	 * multiplier of 0 with "use TSC scaling" fails, as in Bochs and in
	 * KVM since 2025 (upstream-kvm.md (c).1); no valid guest can run with
	 * a TSC that never advances.
	 */
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_47,
		      (proc2 & HVG_PROC2_TSC_SCALING) && !v->tsc_multiplier))
		return true;
	/*
	 * [newer SDM - verify] IPI virtualization. Decision: the SDM's list of
	 * controls that need "use TPR shadow" includes "IPI virtualization";
	 * the PID-pointer table holds 8-byte entries, so its address has bits
	 * 2:0 clear and stays within the PA width.
	 */
	if (proc3 & HVG_PROC3_IPI_VIRT) {
		t = tmax(tri(!tpr), t_addr(c, v->pid_pointer_table, 0x7));
		if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_48,
			      verdict(c, HVG_DIAG_CTL_EXEC_48, t)))
			return true;
	}
	/*
	 * [newer SDM - verify] HLAT. Decision: "enable HLAT", "EPT
	 * paging-write control" and "guest-paging verification" need "enable
	 * EPT"; with "enable HLAT" the HLATP has bits 2:0 and 11:5 clear (bits
	 * 4:3 are PWT/PCD, as in CR3) and stays within the PA width, and the
	 * HLAT prefix size is at most IA32_VMX_EPT_VPID_CAP[53:48].
	 */
	if (proc3 & (HVG_PROC3_HLAT | HVG_PROC3_EPT_PAGING_WRITE |
		     HVG_PROC3_GUEST_PAGING_VERIFY)) {
		t = tri(!ept);
		if (proc3 & HVG_PROC3_HLAT)
			t = tmax(tmax(t, t_addr(c, v->hlatp, GENMASK_ULL(11, 5) |
						GENMASK_ULL(2, 0))),
				 t_hlat_prefix(c, v->hlat_prefix_size));
		if (HVG_CHECK(log, HVG_DIAG_CTL_EXEC_49,
			      verdict(c, HVG_DIAG_CTL_EXEC_49, t)))
			return true;
	}
	return false;
}

/* ---- 26.2.1.2: VM-exit control fields ------------------------------------ */

static bool check_exit(struct ctx *c)
{
	const struct hvg_vmcs12 *v = c->v;
	struct hvg_check_log *log = &c->log;
	u32 exit = c->exit;

	/* SDM 26.2.1.2, A.4: allowed settings (TRUE_EXIT_CTLS if BASIC[55]). */
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXIT_01,
		      verdict(c, HVG_DIAG_CTL_EXIT_01,
			      t_must1(c->in & IN_EXIT, exit,
				      c->a0[HVG_VMX_CTLS_EXIT], U32_ALL))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXIT_02,
		      verdict(c, HVG_DIAG_CTL_EXIT_02,
			      t_may1(c->in & IN_EXIT, exit,
				     c->a1[HVG_VMX_CTLS_EXIT]))))
		return true;
	/*
	 * [newer SDM] secondary VM-exit controls: IA32_VMX_EXIT_CTLS2 is a
	 * 64-bit allowed-1 mask, checked only when "activate secondary
	 * controls" (bit 31) is 1.
	 */
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXIT_03,
		      verdict(c, HVG_DIAG_CTL_EXIT_03,
			      t_may1(c->in & IN_EXIT2, c->exit2,
				     c->a1[HVG_VMX_CTLS_EXIT2]))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_EXIT_04,
		      !(c->pin & HVG_PIN_PREEMPTION_TIMER) &&
		      (exit & HVG_EXIT_SAVE_PREEMPT_TIMER)))
		return true;
	/*
	 * MSR-store and MSR-load areas: 16-byte aligned, first and last byte
	 * within the PA width (32 bits if BASIC[48]); only when the count is
	 * not 0.
	 */
	if (v->vm_exit_msr_store_count &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXIT_05,
		      verdict(c, HVG_DIAG_CTL_EXIT_05,
			      t_addr(c, v->exit_msr_store_addr, 0xf))))
		return true;
	if (v->vm_exit_msr_store_count &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXIT_06,
		      verdict(c, HVG_DIAG_CTL_EXIT_06,
			      t_area_end(c, v->exit_msr_store_addr,
					 v->vm_exit_msr_store_count))))
		return true;
	if (v->vm_exit_msr_load_count &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXIT_07,
		      verdict(c, HVG_DIAG_CTL_EXIT_07,
			      t_addr(c, v->exit_msr_load_addr, 0xf))))
		return true;
	if (v->vm_exit_msr_load_count &&
	    HVG_CHECK(log, HVG_DIAG_CTL_EXIT_08,
		      verdict(c, HVG_DIAG_CTL_EXIT_08,
			      t_area_end(c, v->exit_msr_load_addr,
					 v->vm_exit_msr_load_count))))
		return true;
	return false;
}

/* ---- 26.2.1.3: VM-entry control fields, event injection, MSR-load area ---- */

/*
 * Exceptions that deliver an error code (SDM 26.2.1.3): #DF 8, #TS 10,
 * #NP 11, #SS 12, #GP 13, #PF 14, #AC 17. Decision: #CP 21 too when the
 * processor has CET (it does not exist otherwise).
 */
#define ERRCODE_VECTORS	(BIT(8) | GENMASK(14, 10) | BIT(17))

static inline u32 t_errcode_mismatch(const struct ctx *c, u32 vector,
					      bool deliver)
{
	u32 cet = HVG_CPU_CET_SS | HVG_CPU_CET_IBT;
	u32 known = c->caps->cpu_known & cet;
	bool has;

	if (vector == 21) {
		if (c->caps->cpu & known)
			has = true;
		else if (known == cet)
			has = false;
		else
			return T_UNKNOWN;
	} else {
		has = vector < 32 && (ERRCODE_VECTORS & BIT(vector));
	}
	return tri(has != deliver);
}

static bool check_entry(struct ctx *c)
{
	const struct hvg_vmcs12 *v = c->v;
	struct hvg_check_log *log = &c->log;
	u32 entry = c->entry, info = v->vm_entry_intr_info;
	u32 type = (info & HVG_INTR_INFO_TYPE) >> HVG_INTR_INFO_TYPE_SHIFT;
	u32 vector = info & HVG_INTR_INFO_VECTOR, len;
	bool deliver = info & HVG_INTR_INFO_DELIVER_CODE, fred, prot;
	u64 count;
	u32 t;

	/* SDM 26.2.1.3, A.5: allowed settings (TRUE_ENTRY_CTLS if BASIC[55]). */
	if (HVG_CHECK(log, HVG_DIAG_CTL_ENT_01,
		      verdict(c, HVG_DIAG_CTL_ENT_01,
			      t_must1(c->in & IN_ENTRY, entry,
				      c->a0[HVG_VMX_CTLS_ENTRY], U32_ALL))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_ENT_02,
		      verdict(c, HVG_DIAG_CTL_ENT_02,
			      t_may1(c->in & IN_ENTRY, entry,
				     c->a1[HVG_VMX_CTLS_ENTRY]))))
		return true;
	/*
	 * SMM controls. Every entry hvgate models starts outside SMM, where
	 * both controls must be 0; with both set, CTL-ENT-05 names the
	 * combination first (the catalogue's order, 03-04-05, would never
	 * let it be the first diagnostic).
	 */
	if (HVG_CHECK(log, HVG_DIAG_CTL_ENT_05,
		      (entry & HVG_ENTRY_SMM) &&
		      (entry & HVG_ENTRY_DEACT_DUAL_MONITOR)))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_ENT_03, entry & HVG_ENTRY_SMM))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_CTL_ENT_04,
		      entry & HVG_ENTRY_DEACT_DUAL_MONITOR))
		return true;

	/*
	 * SDM 26.2.1.3: event injection, when the interruption-information
	 * field is valid. Decision (FRED, [verify]): "FRED enabled" means the
	 * guest will run in IA-32e mode with CR4.FRED = 1 (KVM's FRED series
	 * v8, patch 19/21); then type 7 may carry vector 1 (SYSCALL) or 2
	 * (SYSENTER), whose instruction length must be at most 15. INJ-02
	 * keeps the SDM's wording: type 7 needs the 1-setting of "monitor
	 * trap flag" whatever the vector.
	 */
	if (info & HVG_INTR_INFO_VALID) {
		fred = (entry & HVG_ENTRY_IA32E_MODE) &&
		       (v->guest_cr4 & HVG_CR4_FRED);
		prot = !(c->proc2 & HVG_PROC2_UNRESTRICTED) ||
		       (v->guest_cr0 & HVG_CR0_PE);
		len = v->vm_entry_instruction_len;

		if (HVG_CHECK(log, HVG_DIAG_INJ_01, type == HVG_INTR_TYPE_RESERVED))
			return true;
		if (type == HVG_INTR_TYPE_OTHER_EVENT &&
		    HVG_CHECK(log, HVG_DIAG_INJ_02,
			      verdict(c, HVG_DIAG_INJ_02,
				      tri_in(c, IN_PROC,
					     !(c->a1[HVG_VMX_CTLS_PROC] &
					       HVG_PROC_MTF)))))
			return true;
		if (HVG_CHECK(log, HVG_DIAG_INJ_03,
			      type == HVG_INTR_TYPE_NMI && vector != 2))
			return true;
		if (HVG_CHECK(log, HVG_DIAG_INJ_04,
			      type == HVG_INTR_TYPE_HW_EXCEPTION && vector > 31))
			return true;
		if (HVG_CHECK(log, HVG_DIAG_INJ_05,
			      type == HVG_INTR_TYPE_OTHER_EVENT && vector &&
			      !(fred && (vector == 1 || vector == 2))))
			return true;
		/*
		 * Error code: only for hardware exceptions (INJ-06), only in
		 * protected mode (INJ-07), and for a hardware exception in
		 * protected mode exactly when the vector pushes one, unless
		 * IA32_VMX_BASIC[56] waives that (INJ-08).
		 */
		if (HVG_CHECK(log, HVG_DIAG_INJ_06,
			      deliver && type != HVG_INTR_TYPE_HW_EXCEPTION))
			return true;
		if (HVG_CHECK(log, HVG_DIAG_INJ_07, deliver && !prot))
			return true;
		if (type == HVG_INTR_TYPE_HW_EXCEPTION && prot) {
			t = t_errcode_mismatch(c, vector, deliver);
			if (t != T_PASS && (c->in & IN_BASIC) &&
			    (c->basic & HVG_VMX_BASIC_NO_HW_ERRCODE_CC))
				t = T_PASS;
			else if (t == T_FAIL && !(c->in & IN_BASIC))
				t = T_UNKNOWN;
			if (HVG_CHECK(log, HVG_DIAG_INJ_08,
				      verdict(c, HVG_DIAG_INJ_08, t)))
				return true;
		}
		/*
		 * Reserved bits 30:12, of which bit 13 (nested exception) is
		 * defined when IA32_VMX_BASIC[58] is 1 (INJ-09), and then only
		 * for hardware exceptions (INJ-12).
		 */
		t = tri(info & HVG_INTR_INFO_RESERVED &
			~HVG_INTR_INFO_NESTED_EXCEPTION);
		if (t == T_PASS && (info & HVG_INTR_INFO_NESTED_EXCEPTION))
			t = tri_in(c, IN_BASIC, !(c->basic &
				   HVG_VMX_BASIC_NESTED_EXCEPTION));
		if (HVG_CHECK(log, HVG_DIAG_INJ_09, verdict(c, HVG_DIAG_INJ_09, t)))
			return true;
		/* Decision (catalogue A3): bits 31:16, as newer SDMs, KVM, Bochs. */
		if (HVG_CHECK(log, HVG_DIAG_INJ_10,
			      deliver && (v->vm_entry_exception_error_code &
					  GENMASK(31, 16))))
			return true;
		/* Software events: length 1..15, 0 only with MISC[30]. */
		if (type >= HVG_INTR_TYPE_SW_INTR &&
		    type <= HVG_INTR_TYPE_SW_EXCEPTION) {
			t = tri(len > 15);
			if (!len)
				t = tri_in(c, IN_MISC, !(c->misc &
					   HVG_VMX_MISC_ZERO_LEN_INJECT));
			if (HVG_CHECK(log, HVG_DIAG_INJ_11,
				      verdict(c, HVG_DIAG_INJ_11, t)))
				return true;
		}
		if ((info & HVG_INTR_INFO_NESTED_EXCEPTION) &&
		    type != HVG_INTR_TYPE_HW_EXCEPTION &&
		    HVG_CHECK(log, HVG_DIAG_INJ_12,
			      verdict(c, HVG_DIAG_INJ_12,
				      tri_in(c, IN_BASIC, c->basic &
					     HVG_VMX_BASIC_NESTED_EXCEPTION))))
			return true;
		if (HVG_CHECK(log, HVG_DIAG_INJ_13,
			      type == HVG_INTR_TYPE_OTHER_EVENT && fred &&
			      (vector == 1 || vector == 2) && len > 15))
			return true;
	}

	/*
	 * VM-entry MSR-load area (SDM 26.2.1.3). Decision (MSR-AREA-04,
	 * catalogue A13): a count above the recommended maximum of
	 * IA32_VMX_MISC[27:25] is not an architected VMfail; it belongs to
	 * MSR loading (part 2).
	 */
	count = v->vm_entry_msr_load_count;
	if (HVG_CHECK(log, HVG_DIAG_MSR_AREA_01,
		      count && (v->entry_msr_load_addr & 0xf)))
		return true;
	if (count && HVG_CHECK(log, HVG_DIAG_MSR_AREA_02,
			       verdict(c, HVG_DIAG_MSR_AREA_02,
				       t_addr(c, v->entry_msr_load_addr, 0))))
		return true;
	if (count && HVG_CHECK(log, HVG_DIAG_MSR_AREA_03,
			       verdict(c, HVG_DIAG_MSR_AREA_03,
				       t_area_end(c, v->entry_msr_load_addr,
						  (u32)count))))
		return true;
	return false;
}

/* ---- 26.2.2 - 26.2.4: host state ------------------------------------------ */

/*
 * SDM 26.2.2 (IA32_PAT): each byte is 0, 1, 4, 5, 6 or 7, i.e. at most 7
 * (bits 7:3 clear) and not 2 or 3 (bit 1 set with bit 2 clear). All eight
 * bytes at once.
 */
static inline bool pat_bad(u64 pat)
{
	return (pat & 0xf8f8f8f8f8f8f8f8ULL) ||
	       ((pat >> 1) & ~(pat >> 2) & 0x0101010101010101ULL);
}

/*
 * Host CR3 (SDM 26.2.2): bits at or above MAXPHYADDR are 0. Decision
 * ([newer SDM]): bits 62:61 (LAM_U48, LAM_U57) are legal when the
 * processor has LAM. Bits 63:52 are reserved whatever MAXPHYADDR is, bits
 * below 32 never are, so only bits 51:32 need MAXPHYADDR (t_width()).
 */
static inline u32 t_cr3(const struct ctx *c, u64 cr3)
{
	u64 lam = GENMASK_ULL(62, 61), hi = cr3 & ~lam;
	u32 t;

	t = t_width(hi, c->pa_lo, c->pa_hi);
	if (t != T_FAIL && (cr3 & lam))
		t = tmax(t, tri_in(c, IN_CPU(HVG_CPU_LAM),
				   !(c->caps->cpu & HVG_CPU_LAM)));
	return t;
}

/*
 * Host IA32_EFER reserved bits (SDM Vol. 4, IA32_EFER): only SCE (0), LME
 * (8), LMA (10) and NXE (11, if CPUID.80000001H:EDX[20]) are defined.
 */
static inline u32 t_efer(const struct ctx *c, u64 efer)
{
	if (efer & ~(HVG_EFER_SCE | HVG_EFER_LME | HVG_EFER_LMA | HVG_EFER_NXE))
		return T_FAIL;
	if (!(efer & HVG_EFER_NXE))
		return T_PASS;
	return tri_in(c, IN_CPU(HVG_CPU_NX), !(c->caps->cpu & HVG_CPU_NX));
}

/* CR0/CR4 against their FIXED0 (must be 1) and FIXED1 (may be 1) MSRs. */
static inline u32 t_fixed(const struct ctx *c, u64 cr, u32 fixed0, u32 fixed1)
{
	const struct hvg_vmx_caps *caps = c->caps;

	return tmax(t_must1(caps->present & HVG_VMX_CAP_BIT(fixed0), cr,
			    caps->msr[fixed0 - HVG_VMX_CAP_FIRST], ~0ULL),
		    t_may1(caps->present & HVG_VMX_CAP_BIT(fixed1), cr,
			   caps->msr[fixed1 - HVG_VMX_CAP_FIRST]));
}

/* Three FRED stack pointers: aligned to @align + 1 and canonical. */
static inline u32 t_fred3(const struct ctx *c, u64 a, u64 b, u64 d,
				   u64 align)
{
	if ((a | b | d) & align)
		return T_FAIL;
	return tmax(t_noncanon(c, a), tmax(t_noncanon(c, b), t_noncanon(c, d)));
}

static bool check_host(struct ctx *c)
{
	const struct hvg_vmcs12 *v = c->v;
	const struct hvg_vmentry_env *e = c->env;
	struct hvg_check_log *log = &c->log;
	u64 cr0 = v->host_cr0, cr4 = v->host_cr4, efer = v->host_ia32_efer;
	u32 exit = c->exit;
	bool host64 = exit & HVG_EXIT_HOST_ADDR_SPACE;
	bool ia32e = c->entry & HVG_ENTRY_IA32E_MODE;
	bool cet = exit & HVG_EXIT_LOAD_CET;
	bool fred = c->exit2 & HVG_EXIT2_LOAD_FRED;
	u64 ssp = v->host_ssp, scet = v->host_ia32_s_cet;
	u32 t;

	/*
	 * SDM 26.2.4: address-space size, with the processor's current mode
	 * (L1's IA32_EFER.LMA). Decision (catalogue A2): these are host-state
	 * failures, error 8, as in Bochs and KVM. Decision (HOST-AS-05, from
	 * the FRED architecture as KVM's FRED series v8 patch 19/21 checks
	 * it): a 32-bit host also needs CR4.FRED = 0.
	 */
	if (ia32e && HVG_CHECK(log, HVG_DIAG_HOST_AS_01,
			       verdict(c, HVG_DIAG_HOST_AS_01,
				       tri_in(c, IN_ENV(HVG_ENV_LMA), !e->lma))))
		return true;
	if (host64 && HVG_CHECK(log, HVG_DIAG_HOST_AS_02,
				verdict(c, HVG_DIAG_HOST_AS_02,
					tri_in(c, IN_ENV(HVG_ENV_LMA), !e->lma))))
		return true;
	if (!host64 && HVG_CHECK(log, HVG_DIAG_HOST_AS_03,
				 verdict(c, HVG_DIAG_HOST_AS_03,
					 tri_in(c, IN_ENV(HVG_ENV_LMA), e->lma))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_AS_04, !host64 && ia32e))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_AS_05,
		      !host64 && (cr4 & (HVG_CR4_PCIDE | HVG_CR4_FRED))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_AS_06, !host64 && (v->host_rip >> 32)))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_AS_07, host64 && !(cr4 & HVG_CR4_PAE)))
		return true;
	/*
	 * Decision (catalogue A7): host RIP is canonical for the paging mode
	 * the host will use, 57 bits with host CR4.LA57 = 1, else 48.
	 */
	if (HVG_CHECK(log, HVG_DIAG_HOST_AS_08,
		      host64 && !canonical(v->host_rip,
					   cr4 & HVG_CR4_LA57 ? 57 : 48)))
		return true;

	/* SDM 26.2.2, A.7, A.8: host control registers. */
	if (HVG_CHECK(log, HVG_DIAG_HOST_CR_01,
		      verdict(c, HVG_DIAG_HOST_CR_01,
			      t_fixed(c, cr0, HVG_MSR_IA32_VMX_CR0_FIXED0,
				      HVG_MSR_IA32_VMX_CR0_FIXED1))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_CR_02,
		      verdict(c, HVG_DIAG_HOST_CR_02,
			      t_fixed(c, cr4, HVG_MSR_IA32_VMX_CR4_FIXED0,
				      HVG_MSR_IA32_VMX_CR4_FIXED1))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_CR_03,
		      verdict(c, HVG_DIAG_HOST_CR_03, t_cr3(c, v->host_cr3))))
		return true;
	/*
	 * [newer SDM] Decision (HOST-CR-04): CR4.CET needs CR0.WP whatever
	 * "load CET state" says (Bochs tests it only with that control).
	 */
	if (HVG_CHECK(log, HVG_DIAG_HOST_CR_04,
		      (cr4 & HVG_CR4_CET) && !(cr0 & HVG_CR0_WP)))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_CR_05,
		      verdict(c, HVG_DIAG_HOST_CR_05,
			      t_noncanon(c, v->host_ia32_sysenter_esp))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_CR_06,
		      verdict(c, HVG_DIAG_HOST_CR_06,
			      t_noncanon(c, v->host_ia32_sysenter_eip))))
		return true;
	/* The bits WRMSR accepts come from CPUID.0AH, given by the caller. */
	if ((exit & HVG_EXIT_LOAD_PERF_GLOBAL) &&
	    HVG_CHECK(log, HVG_DIAG_HOST_CR_07,
		      verdict(c, HVG_DIAG_HOST_CR_07,
			      t_may1(c->in & IN_PERF_GLOBAL,
				     v->host_ia32_perf_global_ctrl,
				     c->caps->perf_global_ctrl_valid))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_CR_08,
		      (exit & HVG_EXIT_LOAD_PAT) && pat_bad(v->host_ia32_pat)))
		return true;
	if ((exit & HVG_EXIT_LOAD_EFER) &&
	    HVG_CHECK(log, HVG_DIAG_HOST_CR_09,
		      verdict(c, HVG_DIAG_HOST_CR_09, t_efer(c, efer))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_CR_10,
		      (exit & HVG_EXIT_LOAD_EFER) &&
		      !!(efer & HVG_EFER_LMA) != host64))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_CR_11,
		      (exit & HVG_EXIT_LOAD_EFER) &&
		      !!(efer & HVG_EFER_LME) != host64))
		return true;
	/*
	 * [newer SDM] CET state, when "load CET state" is 1. IA32_S_CET:
	 * reserved bits 9:6 clear, not SUPPRESS (10) with TRACKER (11),
	 * canonical, and (26.2.4) bits 63:32 clear for a 32-bit host.
	 * Decision (HOST-CR-15, [verify]): SSP bits 63:32 clear for a 32-bit
	 * host, otherwise canonical in the sense of A7 (as Bochs).
	 */
	if (cet) {
		t = tri((scet & HVG_CET_RESERVED) ||
			((scet & HVG_CET_SUPPRESS) && (scet & HVG_CET_TRACKER)) ||
			(!host64 && (scet >> 32)));
		if (HVG_CHECK(log, HVG_DIAG_HOST_CR_12,
			      verdict(c, HVG_DIAG_HOST_CR_12,
				      tmax(t, t_noncanon(c, scet)))))
			return true;
		if (HVG_CHECK(log, HVG_DIAG_HOST_CR_13,
			      verdict(c, HVG_DIAG_HOST_CR_13,
				      t_noncanon(c, v->host_intr_ssp_table_addr))))
			return true;
		if (HVG_CHECK(log, HVG_DIAG_HOST_CR_14, ssp & 3))
			return true;
		if (HVG_CHECK(log, HVG_DIAG_HOST_CR_15,
			      verdict(c, HVG_DIAG_HOST_CR_15,
				      host64 ? t_noncanon(c, ssp) :
					       tri(ssp >> 32))))
			return true;
	}
	if (HVG_CHECK(log, HVG_DIAG_HOST_CR_16,
		      (exit & HVG_EXIT_LOAD_PKRS) && (v->host_ia32_pkrs >> 32)))
		return true;
	/*
	 * [FRED - verify] "load FRED" secondary VM-exit control. Decision
	 * (from KVM's FRED series v8, patch 19/21): IA32_FRED_CONFIG bits 2,
	 * 5:4 and 11 reserved and bits 63:12 canonical; RSP1..3 64-byte
	 * aligned, SSP1..3 8-byte aligned, all canonical. Unlike that patch,
	 * hvgate checks them also for a 32-bit host: the values are loaded
	 * into MSRs either way.
	 */
	if (fred && HVG_CHECK(log, HVG_DIAG_HOST_CR_17,
			      verdict(c, HVG_DIAG_HOST_CR_17,
				      tmax(tri(v->host_ia32_fred_config &
					       (BIT_ULL(2) | GENMASK_ULL(5, 4) |
						BIT_ULL(11))),
					   t_noncanon(c, v->host_ia32_fred_config &
						      ~0xfffULL)))))
		return true;
	if (fred && HVG_CHECK(log, HVG_DIAG_HOST_CR_18,
			      verdict(c, HVG_DIAG_HOST_CR_18,
				      t_fred3(c, v->host_ia32_fred_rsp1,
					      v->host_ia32_fred_rsp2,
					      v->host_ia32_fred_rsp3, 0x3f))))
		return true;
	if (fred && HVG_CHECK(log, HVG_DIAG_HOST_CR_19,
			      verdict(c, HVG_DIAG_HOST_CR_19,
				      t_fred3(c, v->host_ia32_fred_ssp1,
					      v->host_ia32_fred_ssp2,
					      v->host_ia32_fred_ssp3, 0x7))))
		return true;
	/*
	 * [Bochs only - verify] Decision: the secondary VM-exit control
	 * "load host IA32_SPEC_CTRL" (bit 2, per Bochs) loads a value WRMSR
	 * must accept; the accepted bits come from the caller, who knows the
	 * processor's speculation-control CPUID bits.
	 */
	if ((c->exit2 & HVG_EXIT2_LOAD_SPEC_CTRL) &&
	    HVG_CHECK(log, HVG_DIAG_HOST_CR_20,
		      verdict(c, HVG_DIAG_HOST_CR_20,
			      t_may1(c->in & IN_SPEC_CTRL, v->host_ia32_spec_ctrl,
				     c->caps->spec_ctrl_valid))))
		return true;

	/* SDM 26.2.3: host selectors have RPL 0 and TI 0. */
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_01, v->host_cs_selector & 7))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_02, v->host_ss_selector & 7))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_03, v->host_ds_selector & 7))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_04, v->host_es_selector & 7))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_05, v->host_fs_selector & 7))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_06, v->host_gs_selector & 7))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_07, v->host_tr_selector & 7))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_08, !v->host_cs_selector))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_09, !v->host_tr_selector))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_10,
		      !host64 && !v->host_ss_selector))
		return true;
	/* Bases loaded like MSRs: canonical (A7). */
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_11,
		      verdict(c, HVG_DIAG_HOST_SEG_11,
			      t_noncanon(c, v->host_fs_base))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_12,
		      verdict(c, HVG_DIAG_HOST_SEG_12,
			      t_noncanon(c, v->host_gs_base))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_13,
		      verdict(c, HVG_DIAG_HOST_SEG_13,
			      t_noncanon(c, v->host_gdtr_base))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_14,
		      verdict(c, HVG_DIAG_HOST_SEG_14,
			      t_noncanon(c, v->host_idtr_base))))
		return true;
	if (HVG_CHECK(log, HVG_DIAG_HOST_SEG_15,
		      verdict(c, HVG_DIAG_HOST_SEG_15,
			      t_noncanon(c, v->host_tr_base))))
		return true;
	return false;
}

/* ---- the entry points ------------------------------------------------------ */

static void run(const struct hvg_vmcs12 *vmcs, const struct hvg_vmx_caps *caps,
		const struct hvg_vmentry_env *env, u32 *failed, u32 max,
		bool collect, struct hvg_vmentry_result *res)
{
	const struct hvg_vmentry_diag_info *d;
	struct ctx c;

	HVG_MEMSET(res, 0, sizeof(*res));
	c.v = vmcs;
	c.caps = caps;
	c.env = env;
	c.res = res;
	c.log = (struct hvg_check_log) { .all = failed, .max = max,
					 .collect = collect };
	setup(&c);

	/*
	 * The documented order (include/hvgate/vmentry_diags.h): 26.1, then
	 * the controls (execution, exit, entry), then the host state.
	 * Decision (catalogue A1): controls before host state, so a VMCS bad
	 * in both fails with error 7, as Bochs and KVM report.
	 */
	if (check_pre(&c) || check_exec(&c) || check_exit(&c) ||
	    check_entry(&c) || check_host(&c))
		barrier();	/* stopped at the first failure */

	res->nr_failed = c.log.nr;
	res->diag = c.log.first;
	if (c.log.nr) {
		d = &diag_table[c.log.first];
		res->outcome = d->outcome;
		res->error = d->error;
	} else if (res->nr_not_evaluated) {
		res->outcome = HVG_VMENTRY_INCOMPLETE;
	}
}

int hvg_vmentry_check(const struct hvg_vmcs12 *vmcs,
		      const struct hvg_vmx_caps *caps,
		      const struct hvg_vmentry_env *env,
		      struct hvg_vmentry_result *res)
{
	if (!vmcs || !caps || !env || !res)
		return -HVG_EINVAL;
	run(vmcs, caps, env, NULL, 0, false, res);
	return 0;
}

int hvg_vmentry_check_all(const struct hvg_vmcs12 *vmcs,
			  const struct hvg_vmx_caps *caps,
			  const struct hvg_vmentry_env *env, u32 *failed,
			  u32 max, struct hvg_vmentry_result *res)
{
	if (!vmcs || !caps || !env || !res || (!failed && max))
		return -HVG_EINVAL;
	run(vmcs, caps, env, failed, max, true, res);
	return 0;
}
