// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * VM-entry/VM-exit MSR lists, the dedicated IA32_EFER and
 * IA32_PERF_GLOBAL_CTRL fields, the perf switch list and the volatile
 * protocol (include/hvgate/autoload.h has the design).
 *
 * Sources: Intel SDM Vol. 3C, "VM-Entry Controls for MSRs", "VM-Exit
 * Controls for MSRs", "Loading MSRs" (VM entries and VM exits), "Saving
 * MSRs"; Vol. 3D appendix A (capability MSRs) and B (field encodings).
 *
 * Every change goes through one engine: a batch of "wants" (for each MSR,
 * present or absent on the entry side and on the exit side, and with what
 * value) is first planned against the current state without writing
 * anything (list space, actions), then committed. So a full list or a
 * full plan changes nothing.
 */
#include "hvgate_env.h"
#include "internal.h"

#define SIDE_ENTRY	0
#define SIDE_EXIT	1

/* At most the smallest recommended maximum (hvg_autoload_recommended_max()). */
static_assert(HVG_CFG_AUTOLOAD_MAX >= 1 && HVG_CFG_AUTOLOAD_MAX <= 512);

/* Dedicated fields by number: EFER entry, EFER exit, PGC entry, PGC exit. */
#define NR_DED		4

static const u32 ded_bit[NR_DED] = {
	HVG_AL_EFER_ENTRY_FIELD,
	HVG_AL_EFER_EXIT_FIELD,
	HVG_AL_PGC_ENTRY_FIELD,
	HVG_AL_PGC_EXIT_FIELD,
};

static const u32 ded_field[NR_DED] = {
	HVG_VMCS_GUEST_IA32_EFER,
	HVG_VMCS_HOST_IA32_EFER,
	HVG_VMCS_GUEST_IA32_PERF_GLOBAL_CTRL,
	HVG_VMCS_HOST_IA32_PERF_GLOBAL_CTRL,
};

static const u32 ded_ctl[NR_DED] = {
	HVG_ENTRY_LOAD_EFER,
	HVG_EXIT_LOAD_EFER,
	HVG_ENTRY_LOAD_PERF_GLOBAL,
	HVG_EXIT_LOAD_PERF_GLOBAL,
};

static const u32 ctl_field[2] = {
	HVG_VMCS_VM_ENTRY_CONTROLS, HVG_VMCS_PRIMARY_VM_EXIT_CONTROLS,
};

static const u32 count_field[2] = {
	HVG_VMCS_VM_ENTRY_MSR_LOAD_COUNT, HVG_VMCS_VM_EXIT_MSR_LOAD_COUNT,
};

static const u32 list_id[2] = {
	HVG_AL_LIST_ENTRY_LOAD, HVG_AL_LIST_EXIT_LOAD,
};

/* Dedicated field number of one side of @msr, or NR_DED if it has none. */
static u32 ded_nr(u32 msr, u32 side)
{
	if (msr == HVG_MSR_IA32_EFER)
		return side;
	if (msr == HVG_MSR_IA32_PERF_GLOBAL_CTRL)
		return 2 + side;
	return NR_DED;
}

/* The dedicated field @msr uses on @side now that the caps are known. */
static u32 field_of(const struct hvg_autoload *al, u32 msr, u32 side)
{
	u32 d = ded_nr(msr, side);

	return d < NR_DED && (al->ded_cap & ded_bit[d]) ? d : NR_DED;
}

static struct hvg_msr_entry *side_list(const struct hvg_autoload *al, u32 side)
{
	return side == SIDE_ENTRY ? al->entry_load : al->exit_load;
}

static u32 side_nr(const struct hvg_autoload *al, u32 side)
{
	return side == SIDE_ENTRY ? al->nr_entry_load : al->nr_exit_load;
}

static void set_side_nr(struct hvg_autoload *al, u32 side, u32 nr)
{
	if (side == SIDE_ENTRY)
		al->nr_entry_load = nr;
	else
		al->nr_exit_load = nr;
}

/* Index of @msr in a list, or @nr if absent. */
static u32 list_find(const struct hvg_msr_entry *l, u32 nr, u32 msr)
{
	u32 i;

	for (i = 0; i < nr; i++) {
		if (l[i].index == msr)
			break;
	}
	return i;
}

/* Remove entry @i, keeping the order of the others. */
static void list_del(struct hvg_msr_entry *l, u32 nr, u32 i)
{
	for (; i + 1 < nr; i++)
		l[i] = l[i + 1];
	l[nr - 1] = (struct hvg_msr_entry){ 0 };
}

/*
 * MSRs that may not be on an MSR-load list. SDM Vol. 3C, "Loading MSRs"
 * (VM entries and VM exits): processing of an entry fails for
 * IA32_FS_BASE and IA32_GS_BASE, for bits 31:8 = 000008H (x2APIC
 * registers), and for an MSR writable only in SMM (IA32_SMM_MONITOR_CTL);
 * a VM entry then fails and a VM exit aborts. The model-specific refusals
 * are KVM's (nested_vmx_load_msr_check(): microcode update trigger and
 * signature).
 */
static bool load_forbidden(u32 msr)
{
	return msr == HVG_MSR_IA32_FS_BASE || msr == HVG_MSR_IA32_GS_BASE ||
	       (msr >> 8) == (HVG_MSR_X2APIC_FIRST >> 8) ||
	       msr == HVG_MSR_IA32_SMM_MONITOR_CTL ||
	       msr == HVG_MSR_IA32_BIOS_UPDT_TRIG ||
	       msr == HVG_MSR_IA32_BIOS_SIGN_ID;
}

/*
 * SDM Vol. 3C, "Saving MSRs": storing fails for bits 31:8 = 000008H and
 * for an MSR readable only in SMM (IA32_SMBASE); the VM exit aborts.
 */
static bool store_forbidden(u32 msr)
{
	return (msr >> 8) == (HVG_MSR_X2APIC_FIRST >> 8) ||
	       msr == HVG_MSR_IA32_SMBASE;
}

static bool list_disjoint(const struct hvg_msr_entry *a,
			  const struct hvg_msr_entry *b, u32 nr)
{
	uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
	uintptr_t len = nr * sizeof(*a);

	return x + len <= y || y + len <= x;
}

/* ---- the engine ---------------------------------------------------- */

/* What one MSR should look like after a batch. */
struct want {
	u32 msr;
	u32 on;		/* BIT(SIDE_ENTRY) and/or BIT(SIDE_EXIT): present */
	u64 val[2];	/* guest value, host value */
};

#define MAX_WANTS	(2 * HVG_PERF_MAX)

struct batch {
	struct want w[MAX_WANTS];
	u32 n;
	struct hvg_al_action act[HVG_AL_PLAN_MAX];
	u32 nact;
};

static void emit(struct batch *b, u32 op, u32 target, u64 value)
{
	b->act[b->nact++] = (struct hvg_al_action){ op, target, value };
}

static void want_add(struct batch *b, u32 msr, u32 on, u64 guest, u64 host)
{
	b->w[b->n++] = (struct want){ msr, on, { guest, host } };
}

static int plan_full(struct hvg_al_plan *plan, u32 list, u32 msr, u64 val)
{
	plan->full_list = list;
	plan->full_entry = (struct hvg_msr_entry){ msr, 0, val };
	return -HVG_ENOSPC;
}

/*
 * Plan a batch: check list space and emit the field, control and count
 * actions into @b, after any already there (the volatile WRMSR). Writes
 * nothing but @b and, on -HVG_ENOSPC, the report fields of @plan.
 */
static int batch_plan(const struct hvg_autoload *al, struct batch *b,
		      struct hvg_al_plan *plan)
{
	u32 nr[2], set[2] = { 0, 0 }, clr[2] = { 0, 0 };
	const struct want *w;
	u32 i, side, d, cur;

	/* Removals first: they make room for additions. */
	for (side = 0; side < 2; side++) {
		nr[side] = side_nr(al, side);
		for (i = 0; i < b->n; i++) {
			w = &b->w[i];
			if (!(w->on & BIT(side)) &&
			    field_of(al, w->msr, side) == NR_DED &&
			    list_find(side_list(al, side), side_nr(al, side),
				      w->msr) < side_nr(al, side))
				nr[side]--;
		}
	}

	for (i = 0; i < b->n; i++) {
		w = &b->w[i];
		for (side = 0; side < 2; side++) {
			d = field_of(al, w->msr, side);
			if (d < NR_DED) {
				cur = al->ded_on & ded_bit[d];
				if (!(w->on & BIT(side))) {
					clr[side] |= cur ? ded_ctl[d] : 0;
					continue;
				}
				if (!cur || al->ded_val[d] != w->val[side])
					emit(b, HVG_AL_ACT_VMWRITE, ded_field[d],
					     w->val[side]);
				set[side] |= cur ? 0 : ded_ctl[d];
				continue;
			}
			if (!(w->on & BIT(side)) ||
			    list_find(side_list(al, side), side_nr(al, side),
				      w->msr) < side_nr(al, side))
				continue;
			if (nr[side] == al->cap)
				return plan_full(plan, list_id[side], w->msr,
						 w->val[side]);
			nr[side]++;
		}
	}

	for (side = 0; side < 2; side++) {
		if (set[side])
			emit(b, HVG_AL_ACT_SETBITS, ctl_field[side], set[side]);
		if (clr[side])
			emit(b, HVG_AL_ACT_CLEARBITS, ctl_field[side],
			     clr[side]);
	}
	for (side = 0; side < 2; side++) {
		if (nr[side] != side_nr(al, side))
			emit(b, HVG_AL_ACT_VMWRITE, count_field[side], nr[side]);
	}
	return 0;
}

/* Room for @n actions after the plan's current ones? */
static int plan_room(struct hvg_al_plan *plan, const struct hvg_al_action *a,
		     u32 n)
{
	if (n <= plan->max - plan->nr)
		return 0;
	plan->full_list = HVG_AL_LIST_PLAN;
	plan->full_action = a[plan->max - plan->nr];
	return -HVG_ENOSPC;
}

static bool plan_valid(const struct hvg_al_plan *plan)
{
	return plan && plan->nr <= plan->max && (plan->act || !plan->max);
}

static void plan_append(struct hvg_al_plan *plan, const struct batch *b)
{
	u32 i;

	for (i = 0; i < b->nact; i++)
		plan->act[plan->nr++] = b->act[i];
}

/* Apply a planned batch to the lists and the dedicated field state. */
static void batch_commit(struct hvg_autoload *al, const struct batch *b)
{
	struct hvg_msr_entry *l;
	const struct want *w;
	u32 i, side, d, nr, idx;

	for (side = 0; side < 2; side++) {
		l = side_list(al, side);
		nr = side_nr(al, side);
		for (i = 0; i < b->n; i++) {
			w = &b->w[i];
			if ((w->on & BIT(side)) ||
			    field_of(al, w->msr, side) < NR_DED)
				continue;
			idx = list_find(l, nr, w->msr);
			if (idx < nr)
				list_del(l, nr--, idx);
		}
		for (i = 0; i < b->n; i++) {
			w = &b->w[i];
			d = field_of(al, w->msr, side);
			if (d < NR_DED) {
				if (w->on & BIT(side)) {
					al->ded_on |= ded_bit[d];
					al->ded_val[d] = w->val[side];
				} else {
					al->ded_on &= ~ded_bit[d];
				}
				continue;
			}
			if (!(w->on & BIT(side)))
				continue;
			idx = list_find(l, nr, w->msr);
			if (idx == nr)
				l[nr++] = (struct hvg_msr_entry){ w->msr, 0, 0 };
			l[idx].value = w->val[side];
		}
		set_side_nr(al, side, nr);
	}
}

/* Plan, check the plan's room, commit and append: all or nothing. */
static int batch_run(struct hvg_autoload *al, struct batch *b,
		     struct hvg_al_plan *plan)
{
	int ret = batch_plan(al, b, plan);

	if (!ret)
		ret = plan_room(plan, b->act, b->nact);
	if (ret)
		return ret;
	batch_commit(al, b);
	plan_append(plan, b);
	return 0;
}

/* ---- set-up ---------------------------------------------------------- */

u32 hvg_autoload_recommended_max(u64 vmx_misc)
{
	/* SDM Vol. 3D, "Miscellaneous Data": bits 27:25 = N, 512 * (N + 1). */
	return 512 * ((u32)((vmx_misc >> 25) & 7) + 1);
}

u32 hvg_autoload_dedicated(const struct hvg_autoload_caps *caps)
{
	u32 entry1, exit1, ded = 0;

	if (!caps)
		return 0;
	/*
	 * SDM Vol. 3D, appendix A.2: with IA32_VMX_BASIC[55] = 1 the TRUE_
	 * MSRs report the controls; bits 63:32 of either are the allowed-1
	 * settings (a control may be 1 only if its bit there is 1).
	 */
	if (caps->vmx_basic & HVG_VMX_BASIC_TRUE_CTLS) {
		entry1 = upper_32_bits(caps->true_entry_ctls);
		exit1 = upper_32_bits(caps->true_exit_ctls);
	} else {
		entry1 = upper_32_bits(caps->entry_ctls);
		exit1 = upper_32_bits(caps->exit_ctls);
	}
	if (entry1 & HVG_ENTRY_LOAD_EFER)
		ded |= HVG_AL_EFER_ENTRY_FIELD;
	if (exit1 & HVG_EXIT_LOAD_EFER)
		ded |= HVG_AL_EFER_EXIT_FIELD;
	/* The Nehalem/Westmere errata: KVM's cpu_has_load_perf_global_ctrl(). */
	if (caps->flags & HVG_AL_CAP_PGC_ERRATUM)
		return ded;
	if (entry1 & HVG_ENTRY_LOAD_PERF_GLOBAL)
		ded |= HVG_AL_PGC_ENTRY_FIELD;
	if (exit1 & HVG_EXIT_LOAD_PERF_GLOBAL)
		ded |= HVG_AL_PGC_EXIT_FIELD;
	return ded;
}

int hvg_autoload_init(struct hvg_autoload *al,
		      const struct hvg_autoload_caps *caps,
		      struct hvg_msr_entry *entry_load,
		      struct hvg_msr_entry *exit_load,
		      struct hvg_msr_entry *exit_store, u32 nr)
{
	u32 cap = nr < HVG_AUTOLOAD_MAX ? nr : HVG_AUTOLOAD_MAX;

	if (!al || !caps || !entry_load || !exit_load || !exit_store || !nr)
		return -HVG_EINVAL;
	if ((caps->flags & ~HVG_AL_CAP_PGC_ERRATUM) || caps->reserved)
		return -HVG_EINVAL;
	/* SDM "Checks on VMX Controls": list addresses have bits 3:0 clear. */
	if (((uintptr_t)entry_load | (uintptr_t)exit_load |
	     (uintptr_t)exit_store) % 16)
		return -HVG_EINVAL;
	if (!list_disjoint(entry_load, exit_load, cap) ||
	    !list_disjoint(entry_load, exit_store, cap) ||
	    !list_disjoint(exit_load, exit_store, cap))
		return -HVG_EINVAL;

	HVG_MEMSET(al, 0, sizeof(*al));
	HVG_MEMSET(entry_load, 0, cap * sizeof(*entry_load));
	HVG_MEMSET(exit_load, 0, cap * sizeof(*exit_load));
	HVG_MEMSET(exit_store, 0, cap * sizeof(*exit_store));
	al->entry_load = entry_load;
	al->exit_load = exit_load;
	al->exit_store = exit_store;
	al->cap = cap;
	al->ded_cap = hvg_autoload_dedicated(caps);
	al->perf_vol = -1;
	al->phase = HVG_AL_IDLE;
	return 0;
}

int hvg_autoload_vmcs_setup(const struct hvg_autoload *al, u64 entry_load_pa,
			    u64 exit_load_pa, u64 exit_store_pa,
			    struct hvg_al_plan *plan)
{
	static const u32 managed[2] = {
		HVG_ENTRY_LOAD_EFER |
			HVG_ENTRY_LOAD_PERF_GLOBAL,
		HVG_EXIT_LOAD_EFER |
			HVG_EXIT_LOAD_PERF_GLOBAL,
	};
	struct batch b;
	u32 d, side, on[2] = { 0, 0 };
	int ret;

	if (!al || !plan_valid(plan))
		return -HVG_EINVAL;
	if ((entry_load_pa | exit_load_pa | exit_store_pa) & 0xf)
		return -HVG_EINVAL;

	b.n = 0;
	b.nact = 0;
	emit(&b, HVG_AL_ACT_VMWRITE, HVG_VMCS_VM_ENTRY_MSR_LOAD_ADDRESS,
	     entry_load_pa);
	emit(&b, HVG_AL_ACT_VMWRITE, HVG_VMCS_VM_EXIT_MSR_LOAD_ADDRESS,
	     exit_load_pa);
	emit(&b, HVG_AL_ACT_VMWRITE, HVG_VMCS_VM_EXIT_MSR_STORE_ADDRESS,
	     exit_store_pa);
	for (d = 0; d < NR_DED; d++) {
		if (!(al->ded_on & ded_bit[d]))
			continue;
		emit(&b, HVG_AL_ACT_VMWRITE, ded_field[d], al->ded_val[d]);
		on[d % 2] |= ded_ctl[d];
	}
	for (side = 0; side < 2; side++) {
		if (on[side])
			emit(&b, HVG_AL_ACT_SETBITS, ctl_field[side], on[side]);
		if (managed[side] & ~on[side])
			emit(&b, HVG_AL_ACT_CLEARBITS, ctl_field[side],
			     managed[side] & ~on[side]);
	}
	emit(&b, HVG_AL_ACT_VMWRITE, HVG_VMCS_VM_ENTRY_MSR_LOAD_COUNT,
	     al->nr_entry_load);
	emit(&b, HVG_AL_ACT_VMWRITE, HVG_VMCS_VM_EXIT_MSR_LOAD_COUNT,
	     al->nr_exit_load);
	emit(&b, HVG_AL_ACT_VMWRITE, HVG_VMCS_VM_EXIT_MSR_STORE_COUNT,
	     al->nr_exit_store);

	ret = plan_room(plan, b.act, b.nact);
	if (ret)
		return ret;
	plan_append(plan, &b);
	return 0;
}

/* ---- single MSRs ----------------------------------------------------- */

static bool perf_owns(const struct hvg_autoload *al, u32 msr)
{
	u32 i;

	for (i = 0; i < al->perf_nr; i++) {
		if (al->perf[i].msr == msr)
			return true;
	}
	return false;
}

int hvg_autoload_set(struct hvg_autoload *al, u32 msr, u64 guest, u64 host,
		     u32 flags, struct hvg_al_plan *plan)
{
	struct batch b;

	if (!al || !plan_valid(plan) || (flags & ~HVG_AL_ENTRY_ONLY))
		return -HVG_EINVAL;
	if (load_forbidden(msr) || msr == HVG_MSR_IA32_PEBS_ENABLE ||
	    perf_owns(al, msr))
		return -HVG_EPERM;

	b.n = 0;
	b.nact = 0;
	want_add(&b, msr,
		 (flags & HVG_AL_ENTRY_ONLY) ? BIT(SIDE_ENTRY) :
					       BIT(SIDE_ENTRY) | BIT(SIDE_EXIT),
		 guest, host);
	return batch_run(al, &b, plan);
}

int hvg_autoload_clear(struct hvg_autoload *al, u32 msr,
		       struct hvg_al_plan *plan)
{
	struct batch b;

	if (!al || !plan_valid(plan))
		return -HVG_EINVAL;
	if (perf_owns(al, msr))
		return -HVG_EPERM;
	if (!hvg_autoload_where(al, msr, NULL, NULL))
		return -HVG_ENOENT;

	b.n = 0;
	b.nact = 0;
	want_add(&b, msr, 0, 0, 0);
	return batch_run(al, &b, plan);
}

u32 hvg_autoload_where(const struct hvg_autoload *al, u32 msr, u64 *guest,
		       u64 *host)
{
	static const u32 in_field[2] = {
		HVG_AL_IN_ENTRY_FIELD, HVG_AL_IN_EXIT_FIELD,
	};
	static const u32 in_list[2] = {
		HVG_AL_IN_ENTRY_LIST, HVG_AL_IN_EXIT_LIST,
	};
	u64 *out[2] = { guest, host };
	u32 side, d, i, where = 0;
	u64 val;

	if (!al)
		return 0;
	for (side = 0; side < 2; side++) {
		d = field_of(al, msr, side);
		if (d < NR_DED) {
			if (!(al->ded_on & ded_bit[d]))
				continue;
			where |= in_field[side];
			val = al->ded_val[d];
		} else {
			i = list_find(side_list(al, side), side_nr(al, side),
				      msr);
			if (i == side_nr(al, side))
				continue;
			where |= in_list[side];
			val = side_list(al, side)[i].value;
		}
		if (out[side])
			*out[side] = val;
	}
	return where;
}

/* ---- the VM-exit MSR-store list --------------------------------------- */

static int store_count(struct hvg_al_plan *plan, u32 nr)
{
	struct hvg_al_action a = {
		HVG_AL_ACT_VMWRITE, HVG_VMCS_VM_EXIT_MSR_STORE_COUNT, nr,
	};
	int ret = plan_room(plan, &a, 1);

	if (!ret)
		plan->act[plan->nr++] = a;
	return ret;
}

int hvg_autoload_store_add(struct hvg_autoload *al, u32 msr,
			   struct hvg_al_plan *plan)
{
	u32 nr;
	int ret;

	if (!al || !plan_valid(plan))
		return -HVG_EINVAL;
	if (store_forbidden(msr))
		return -HVG_EPERM;
	nr = al->nr_exit_store;
	if (list_find(al->exit_store, nr, msr) < nr)
		return -HVG_EEXIST;
	if (nr == al->cap)
		return plan_full(plan, HVG_AL_LIST_EXIT_STORE, msr, 0);
	ret = store_count(plan, nr + 1);
	if (ret)
		return ret;
	al->exit_store[nr] = (struct hvg_msr_entry){ msr, 0, 0 };
	al->nr_exit_store = nr + 1;
	return 0;
}

int hvg_autoload_store_remove(struct hvg_autoload *al, u32 msr,
			      struct hvg_al_plan *plan)
{
	u32 nr, i;
	int ret;

	if (!al || !plan_valid(plan))
		return -HVG_EINVAL;
	nr = al->nr_exit_store;
	i = list_find(al->exit_store, nr, msr);
	if (i == nr)
		return -HVG_ENOENT;
	ret = store_count(plan, nr - 1);
	if (ret)
		return ret;
	list_del(al->exit_store, nr, i);
	al->nr_exit_store = nr - 1;
	return 0;
}

int hvg_autoload_store_read(const struct hvg_autoload *al, u32 msr,
			    u64 *value)
{
	u32 i;

	if (!al || !value)
		return -HVG_EINVAL;
	i = list_find(al->exit_store, al->nr_exit_store, msr);
	if (i == al->nr_exit_store)
		return -HVG_ENOENT;
	*value = al->exit_store[i].value;
	return 0;
}

/* ---- the perf switch and the volatile protocol ------------------------- */

int hvg_autoload_cpu_init(struct hvg_autoload_cpu *cpu)
{
	if (!cpu)
		return -HVG_EINVAL;
	WRITE_ONCE(cpu->gen, 0);
	WRITE_ONCE(cpu->open, 0);
	cpu->reserved = 0;
	WRITE_ONCE(cpu->host, 0);
	return 0;
}

/*
 * NMI context. It runs to completion before the code it interrupted
 * resumes, so its accesses are one atomic step for the window's steps.
 */
u64 hvg_autoload_pmi(struct hvg_autoload_cpu *cpu, u64 host)
{
	if (!cpu)
		return host;
	WRITE_ONCE(cpu->host, host);
	WRITE_ONCE(cpu->gen, READ_ONCE(cpu->gen) + 1);
	return READ_ONCE(cpu->open) ? 0 : host;
}

int hvg_autoload_enter_begin(struct hvg_autoload *al,
			     struct hvg_autoload_cpu *cpu)
{
	if (!al || !cpu)
		return -HVG_EINVAL;
	if (al->phase != HVG_AL_IDLE)
		return -HVG_ESTATE;
	al->phase = HVG_AL_OPEN;
	al->cpu = cpu;
	al->armed = false;
	/* The one shared access: before the perf layer's snapshot. */
	al->g0 = READ_ONCE(cpu->gen);
	return 0;
}

/* Entry kinds of the perf switch. */
#define PERF_SWITCHED	0	/* host/guest through the lists or fields */
#define PERF_VOLATILE	1	/* the volatile protocol */
#define PERF_IGNORED	2	/* PEBS_ENABLE on a part with PEBS isolation */

static u32 perf_kind(const struct hvg_perf_msr *m, u32 flags)
{
	if (m->msr == HVG_MSR_IA32_PEBS_ENABLE)
		return (flags & HVG_PERF_PEBS_ISOLATION) ? PERF_IGNORED :
							   PERF_VOLATILE;
	return (m->flags & HVG_PERF_VOLATILE) ? PERF_VOLATILE : PERF_SWITCHED;
}

/* The difference of entry @i of two arrays, as three 64-bit words. */
static __always_inline u64 perf_diff(const struct hvg_perf_msr *a,
				     const struct hvg_perf_msr *b, u32 i)
{
	const u64 *x = (const u64 *)&a[i], *y = (const u64 *)&b[i];

	return (x[0] ^ y[0]) | (x[1] ^ y[1]) | (x[2] ^ y[2]);
}

/*
 * The steady-state test: the same array as last time. An entry is three
 * 64-bit words (msr and flags, host, guest); the comparison is unrolled
 * over the HVG_PERF_MAX entries, so an entry costs its three loads, three
 * XORs against the cache and three ORs, and there is no loop. It is most
 * of the cost of a VM entry where nothing changed. lib/ builds with
 * -fno-strict-aliasing, as the kernel does.
 */
static bool perf_same(const struct hvg_perf_msr *a,
		      const struct hvg_perf_msr *b, u32 nr)
{
	u64 d = 0;

	switch (nr) {
	case 8:
		d |= perf_diff(a, b, 7);
		fallthrough;
	case 7:
		d |= perf_diff(a, b, 6);
		fallthrough;
	case 6:
		d |= perf_diff(a, b, 5);
		fallthrough;
	case 5:
		d |= perf_diff(a, b, 4);
		fallthrough;
	case 4:
		d |= perf_diff(a, b, 3);
		fallthrough;
	case 3:
		d |= perf_diff(a, b, 2);
		fallthrough;
	case 2:
		d |= perf_diff(a, b, 1);
		fallthrough;
	case 1:
		d |= perf_diff(a, b, 0);
		fallthrough;
	case 0:
		return !d;
	default:
		return false;
	}
}

static_assert(HVG_PERF_MAX == 8);
static_assert(sizeof(struct hvg_perf_msr) == 3 * sizeof(u64));

/*
 * Validate a new array; return the index of its volatile entry in *vol
 * (-1 if none). Nothing is written but *vol and the ENOSPC report.
 */
static int perf_check(const struct hvg_autoload *al,
		      const struct hvg_perf_msr *msrs, u32 nr, u32 flags,
		      struct hvg_al_plan *plan, s32 *vol)
{
	const struct hvg_perf_msr *m;
	u32 i, j;

	if (flags & ~HVG_PERF_PEBS_ISOLATION)
		return -HVG_EINVAL;
	if (nr > HVG_PERF_MAX)
		return plan_full(plan, HVG_AL_LIST_PERF, msrs[HVG_PERF_MAX].msr,
				 msrs[HVG_PERF_MAX].guest);
	*vol = -1;
	for (i = 0; i < nr; i++) {
		m = &msrs[i];
		if (m->flags & ~HVG_PERF_VOLATILE)
			return -HVG_EINVAL;
		for (j = 0; j < i; j++) {
			if (msrs[j].msr == m->msr)
				return -HVG_EINVAL;
		}
		if (perf_kind(m, flags) == PERF_VOLATILE) {
			if (m->guest || *vol >= 0)
				return -HVG_EINVAL;
			*vol = (s32)i;
		}
	}
	for (i = 0; i < nr; i++) {
		m = &msrs[i];
		if (perf_kind(m, flags) == PERF_SWITCHED &&
		    load_forbidden(m->msr))
			return -HVG_EPERM;
		if (!perf_owns(al, m->msr) &&
		    hvg_autoload_where(al, m->msr, NULL, NULL))
			return -HVG_EEXIST;
	}
	return 0;
}

/* The wants of a new array: its entries, then the previous ones it drops. */
static void perf_wants(const struct hvg_autoload *al, struct batch *b,
		       const struct hvg_perf_msr *msrs, u32 nr, u32 flags)
{
	const struct hvg_perf_msr *m;
	u32 i, j, on;

	for (i = 0; i < nr; i++) {
		m = &msrs[i];
		on = 0;
		if (perf_kind(m, flags) == PERF_SWITCHED && m->host != m->guest)
			on = BIT(SIDE_ENTRY) | BIT(SIDE_EXIT);
		want_add(b, m->msr, on, m->guest, m->host);
	}
	for (i = 0; i < al->perf_nr; i++) {
		for (j = 0; j < nr && msrs[j].msr != al->perf[i].msr; j++)
			;
		if (j == nr)
			want_add(b, al->perf[i].msr, 0, 0, 0);
	}
}

/* Arm the window for the volatile entry @vol of @msrs (plan room checked). */
static void perf_arm(struct hvg_autoload *al, const struct hvg_perf_msr *msrs,
		     s32 vol)
{
	al->armed = true;
	al->vol_msr = msrs[vol].msr;
	al->snap = msrs[vol].host;
	/* The one shared access: from here the PMI hook answers 0. */
	WRITE_ONCE(al->cpu->open, 1);
}

/* A new array: validate, plan, commit. */
static noinline int perf_switch_slow(struct hvg_autoload *al,
				     const struct hvg_perf_msr *msrs, u32 nr,
				     u32 flags, struct hvg_al_plan *plan)
{
	struct batch b;
	s32 vol;
	int ret;

	ret = perf_check(al, msrs, nr, flags, plan, &vol);
	if (ret)
		return ret;
	b.n = 0;
	b.nact = 0;
	/* Quiesce the volatile MSR first, unless its host value is 0. */
	if (vol >= 0 && msrs[vol].host)
		emit(&b, HVG_AL_ACT_WRMSR, msrs[vol].msr, 0);
	perf_wants(al, &b, msrs, nr, flags);
	ret = batch_run(al, &b, plan);
	if (ret)
		return ret;
	al->phase = HVG_AL_ARMED;
	HVG_MEMCPY(al->perf, msrs, nr * sizeof(*msrs));
	al->perf_nr = nr;
	al->perf_flags = flags;
	al->perf_vol = vol;
	if (vol >= 0)
		perf_arm(al, msrs, vol);
	return 0;
}

int hvg_autoload_perf_switch(struct hvg_autoload *al,
			     const struct hvg_perf_msr *msrs, u32 nr, u32 flags,
			     struct hvg_al_plan *plan)
{
	struct hvg_al_action quiesce;
	s32 vol;

	if (!al || !plan_valid(plan) || (nr && !msrs))
		return -HVG_EINVAL;
	if (al->phase != HVG_AL_OPEN)
		return -HVG_ESTATE;
	if (nr != al->perf_nr || flags != al->perf_flags ||
	    !perf_same(msrs, al->perf, nr))
		return perf_switch_slow(al, msrs, nr, flags, plan);

	/* The same array as last time: the lists and fields are right. */
	vol = al->perf_vol;
	if (vol < 0) {
		al->phase = HVG_AL_ARMED;
		return 0;
	}
	if (msrs[vol].host) {
		quiesce = (struct hvg_al_action){ HVG_AL_ACT_WRMSR,
						  msrs[vol].msr, 0 };
		if (plan_room(plan, &quiesce, 1))
			return -HVG_ENOSPC;
		plan->act[plan->nr++] = quiesce;
	}
	al->phase = HVG_AL_ARMED;
	perf_arm(al, msrs, vol);
	return 0;
}

/*
 * The end of EXIT_PICK and EXIT_HOST: al->v was picked at generation
 * al->g. Since the window closed, the MSR holds either what the exit
 * steps wrote last (al->hw_known, 0 at the close) or the value a PMI
 * reported and wrote after the close, which is then al->v itself or a
 * value EXIT_CHECK will see coming. So write only if al->v differs from
 * al->hw_known.
 */
static int exit_write(struct hvg_autoload *al, struct hvg_al_action *act)
{
	al->phase = HVG_AL_EXIT_CHECK;
	if (al->v == al->hw_known)
		return 1;
	*act = (struct hvg_al_action){ HVG_AL_ACT_WRMSR, al->vol_msr, al->v };
	al->hw_known = al->v;
	return 1;
}

int hvg_autoload_exit_step(struct hvg_autoload *al, struct hvg_al_action *act)
{
	if (!al || !act)
		return -HVG_EINVAL;
	*act = (struct hvg_al_action){ HVG_AL_ACT_NONE, 0, 0 };

	/* At most one access to al->cpu per call: a PMI lands between calls. */
	switch (al->phase) {
	case HVG_AL_OPEN:
	case HVG_AL_ARMED:
		if (!al->armed) {
			al->phase = HVG_AL_IDLE;
			return 0;
		}
		/*
		 * Close the window. Until now every PMI wrote 0 and the
		 * quiesce write was 0, so the MSR holds 0; from now on the
		 * PMI handler writes perf's value itself.
		 */
		al->phase = HVG_AL_EXIT_PICK;
		al->hw_known = 0;
		WRITE_ONCE(al->cpu->open, 0);
		return 1;
	case HVG_AL_EXIT_PICK:
		al->phase = HVG_AL_EXIT_HOST;
		al->g = READ_ONCE(al->cpu->gen);
		if (al->g != al->g0)
			return 1;
		/* No PMI since enter_begin(): the snapshot is perf's value. */
		al->v = al->snap;
		return exit_write(al, act);
	case HVG_AL_EXIT_HOST:
		/* Else the last PMI reported perf's value. */
		al->v = READ_ONCE(al->cpu->host);
		return exit_write(al, act);
	case HVG_AL_EXIT_CHECK:
		/* A PMI since the pick may have made the write stale. */
		al->phase = HVG_AL_EXIT_PICK;
		if (READ_ONCE(al->cpu->gen) != al->g)
			return 1;
		al->phase = HVG_AL_IDLE;
		return 0;
	case HVG_AL_IDLE:
	default:
		return -HVG_ESTATE;
	}
}
