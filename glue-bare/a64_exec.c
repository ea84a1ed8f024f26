// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * aarch64 executor for arm64_debug plans, for a freestanding hypervisor
 * running at EL2 (built by `make freestanding` for aarch64 only).
 *
 * A plan names registers by encoding at run time, while MRS and MSR take
 * them as immediates, so the executor has one case per register a plan
 * can name, each emitting "mrs/msr S<op0>_<op1>_C<n>_C<m>_<op2>"; the case
 * label is computed from the same five numbers with HVG_A64_SYSREG(), so
 * the label and the instruction cannot disagree. A plan is checked
 * completely before its first step runs.
 *
 * QEMU's TCG models neither SPE nor TRBE nor BRBE: this file is linked,
 * not run, by the freestanding target.
 */
#include "hvgate_env.h"
#include <hvgate/hvgate.h>

int hvg_bare_a64_run(const struct hvg_a64_plan *plan, u64 *slot);

/* Every register a plan can name: (op0, op1, CRn, CRm, op2). */
#define A64_DBG(X, n)							\
	X(2, 0, 0, n, 4) X(2, 0, 0, n, 5) X(2, 0, 0, n, 6) X(2, 0, 0, n, 7)
#define A64_REGS(X)							\
	A64_DBG(X, 0) A64_DBG(X, 1) A64_DBG(X, 2) A64_DBG(X, 3)		\
	A64_DBG(X, 4) A64_DBG(X, 5) A64_DBG(X, 6) A64_DBG(X, 7)		\
	A64_DBG(X, 8) A64_DBG(X, 9) A64_DBG(X, 10) A64_DBG(X, 11)	\
	A64_DBG(X, 12) A64_DBG(X, 13) A64_DBG(X, 14) A64_DBG(X, 15)	\
	X(2, 0, 0, 2, 0)	/* MDCCINT_EL1 */			\
	X(2, 1, 9, 0, 0)	/* BRBCR_EL1 */				\
	X(3, 0, 1, 2, 1)	/* TRFCR_EL1 */				\
	X(3, 0, 9, 9, 0)	/* PMSCR_EL1 */				\
	X(3, 0, 9, 10, 0)	/* PMBLIMITR_EL1 */			\
	X(3, 0, 9, 11, 0)	/* TRBLIMITR_EL1 */

#define A64_NAME(o0, o1, n, m, o2) "S" #o0 "_" #o1 "_C" #n "_C" #m "_" #o2

#define KNOWN_CASE(o0, o1, n, m, o2)					\
	case HVG_A64_SYSREG(o0, o1, n, m, o2):
#define READ_CASE(o0, o1, n, m, o2)					\
	case HVG_A64_SYSREG(o0, o1, n, m, o2):				\
		__asm__ __volatile__("mrs %0, " A64_NAME(o0, o1, n, m, o2) \
				     : "=r"(val));			\
		break;
#define WRITE_CASE(o0, o1, n, m, o2)					\
	case HVG_A64_SYSREG(o0, o1, n, m, o2):				\
		__asm__ __volatile__("msr " A64_NAME(o0, o1, n, m, o2) ", %x0" \
				     : : "rZ"(val) : "memory");		\
		break;

static bool known(u32 reg)
{
	switch (reg) {
	A64_REGS(KNOWN_CASE)
		return true;
	default:
		return false;
	}
}

static u64 sysreg_read(u32 reg)
{
	u64 val = 0;

	switch (reg) {
	A64_REGS(READ_CASE)
	default:
		break;
	}
	return val;
}

static void sysreg_write(u32 reg, u64 val)
{
	switch (reg) {
	A64_REGS(WRITE_CASE)
	default:
		break;
	}
}

static bool step_valid(const struct hvg_a64_step *s)
{
	switch (s->op) {
	case HVG_A64_OP_READ:
	case HVG_A64_OP_WRITE:
		return known(s->reg) && s->slot < HVG_A64_NR_SLOTS;
	case HVG_A64_OP_WRITE_ZERO:
		return known(s->reg);
	case HVG_A64_OP_ISB:
	case HVG_A64_OP_PSB_CSYNC:
	case HVG_A64_OP_TSB_CSYNC:
	case HVG_A64_OP_DSB_NSH:
		return true;
	default:
		return false;
	}
}

/*
 * hvg_bare_a64_run() - run a plan on this CPU, at EL2
 * @plan: a plan handed out by the arm64_debug calls
 * @slot: the vCPU's &hvg_a64_vcpu.slot
 *
 * Return: 0; -HVG_EINVAL if an argument is NULL or a step is malformed
 * (nothing has run then).
 */
int hvg_bare_a64_run(const struct hvg_a64_plan *plan, u64 *slot)
{
	const struct hvg_a64_step *s;
	u32 i;

	if (!plan || !slot || (plan->nr && !plan->step))
		return -HVG_EINVAL;
	for (i = 0; i < plan->nr; i++)
		if (!step_valid(&plan->step[i]))
			return -HVG_EINVAL;

	for (i = 0; i < plan->nr; i++) {
		s = &plan->step[i];
		switch (s->op) {
		case HVG_A64_OP_READ:
			slot[s->slot] = sysreg_read(s->reg);
			break;
		case HVG_A64_OP_WRITE:
			sysreg_write(s->reg, slot[s->slot]);
			break;
		case HVG_A64_OP_WRITE_ZERO:
			sysreg_write(s->reg, 0);
			break;
		case HVG_A64_OP_ISB:
			__asm__ __volatile__("isb" : : : "memory");
			break;
		case HVG_A64_OP_PSB_CSYNC:
			__asm__ __volatile__("hint #17" : : : "memory");
			break;
		case HVG_A64_OP_TSB_CSYNC:
			__asm__ __volatile__("hint #18" : : : "memory");
			break;
		default:
			__asm__ __volatile__("dsb nsh" : : : "memory");
			break;
		}
	}
	return 0;
}
