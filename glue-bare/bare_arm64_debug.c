// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Bare-metal suite of arm64_debug, aarch64 only: the library's plans run
 * for real, at EL2 under QEMU (-M virt,virtualization=on), through the
 * executor of glue-bare/a64_exec.c.
 *
 * TCG models neither SPE nor TRBE nor BRBE, so nothing is parked here;
 * but it does model the breakpoint and watchpoint registers and MDCR_EL2.
 * So this suite checks what the simulated tests cannot: that the
 * capabilities decoded from this CPU's own ID_AA64DFR0_EL1 agree with the
 * Arm ARM's field positions read here independently, that a full world
 * switch with guest-owned debug registers moves the guest's values into
 * the real registers and the host's back (read with MRS instructions
 * written here, not through the executor), and that the MDCR_EL2 values
 * the library hands out are written and read back intact.
 */
#include "hvgate_env.h"
#include <hvgate/hvgate.h>

#include "ktap.h"

int hvg_bare_a64_run(const struct hvg_a64_plan *plan, u64 *slot);

#define MRS(reg)							\
	({								\
		u64 __v;						\
		__asm__ __volatile__("mrs %0, " reg : "=r"(__v));	\
		__v;							\
	})
#define MSR(reg, v)							\
	__asm__ __volatile__("msr " reg ", %x0\n\tisb" : : "rZ"((u64)(v)) \
			     : "memory")

/* Arm ARM, ID_AA64DFR0_EL1: BRPs [15:12], WRPs [23:20], PMSVer [35:32],
 * TraceBuffer [47:44], BRBE [55:52] (the field holds the number - 1). */
#define FIELD(v, lo)	(((v) >> (lo)) & 0xf)

static struct hvg_a64_caps caps;
static struct hvg_a64_vcpu vcpu;

static unsigned int read_idregs(struct hvg_a64_idregs *id)
{
	HVG_MEMSET(id, 0, sizeof(*id));
	id->dfr0 = MRS("id_aa64dfr0_el1");
	/* PMBIDR/TRBIDR are UNDEFINED without SPE/TRBE: read only if present. */
	if (FIELD(id->dfr0, 32))
		id->pmbidr = MRS("s3_0_c9_c10_7");
	if (FIELD(id->dfr0, 44))
		id->trbidr = MRS("s3_0_c9_c11_7");
	if (FIELD(id->dfr0, 8) >= 1 && FIELD(id->dfr0, 8) <= 14)
		id->pmcr = MRS("pmcr_el0");
	return 0;
}

static unsigned int caps_from_this_cpu(void)
{
	struct hvg_a64_idregs id;
	unsigned int f = read_idregs(&id);

	f += KTAP_EXPECT(!hvg_a64_caps_init(&caps, &id, 0));
	f += KTAP_EXPECT(caps.brps == FIELD(id.dfr0, 12) + 1);
	f += KTAP_EXPECT(caps.wrps == FIELD(id.dfr0, 20) + 1);
	f += KTAP_EXPECT(!!(caps.caps & HVG_A64_CAP_SPE) ==
			 !!FIELD(id.dfr0, 32));
	f += KTAP_EXPECT(!!(caps.caps & HVG_A64_CAP_TRBE) ==
			 !!FIELD(id.dfr0, 44));
	f += KTAP_EXPECT(!!(caps.caps & HVG_A64_CAP_BRBE) ==
			 !!FIELD(id.dfr0, 52));
	/* QEMU 7.2 -cpu max has no SPE, TRBE or BRBE: nothing to park. */
	f += KTAP_EXPECT(caps.units == (caps.caps & HVG_A64_CAP_TRF ?
					HVG_A64_PARKED_TRFCR : 0));
	return f;
}

/* Run one phase's plan; the phases must all succeed. */
static unsigned int run(int ret, struct hvg_a64_plan *plan)
{
	unsigned int f = KTAP_EXPECT(ret == 0);

	f += KTAP_EXPECT(hvg_bare_a64_run(plan, vcpu.slot) == 0);
	return f;
}

static unsigned int world_switch_moves_debug_registers(void)
{
	const u64 host_bvr = 0x40080000, guest_bvr = 0x80001000;
	const u64 host_wvr = 0x40090000, guest_wvr = 0x80002000;
	/*
	 * Disabled (E = 0) but non-zero controls. BAS (bits 8:5) must be a
	 * pattern the Arm ARM keeps for AArch64 (BAS[1] and BAS[3] read as
	 * BAS[0] and BAS[2]): 0b1111 for the host, 0b0011 with PMC = 0b11
	 * (bits 2:1) for the guest.
	 */
	const u64 host_bcr = 0x1e0, guest_bcr = 0x66;
	struct hvg_a64_plan plan;
	unsigned int f = 0;
	u64 mdcr_guest, mdcr_host, mdcr;

	MSR("dbgbvr0_el1", host_bvr);
	MSR("dbgbcr0_el1", host_bcr);
	MSR("dbgwvr0_el1", host_wvr);

	f += KTAP_EXPECT(!hvg_a64_vcpu_init(&vcpu));
	f += KTAP_EXPECT(!hvg_a64_vcpu_load(&vcpu, &caps));
	/* The guest's own values, as its last exit left them. */
	vcpu.slot[HVG_A64_SLOT_DBG(HVG_A64_BANK_GUEST, HVG_A64_DBG_BVR(0))] =
		guest_bvr;
	vcpu.slot[HVG_A64_SLOT_DBG(HVG_A64_BANK_GUEST, HVG_A64_DBG_BCR(0))] =
		guest_bcr;
	vcpu.slot[HVG_A64_SLOT_DBG(HVG_A64_BANK_GUEST, HVG_A64_DBG_WVR(0))] =
		guest_wvr;
	/* MDSCR_EL1.MDE (bit 15) set: the guest owns the registers. */
	f += KTAP_EXPECT(!hvg_a64_dbg_mdscr(&vcpu, BIT(15)));
	f += KTAP_EXPECT(hvg_a64_dbg_owner(&vcpu) == HVG_A64_DBG_GUEST_OWNED);

	f += run(hvg_a64_entry_probe(&vcpu, &plan), &plan);
	f += run(hvg_a64_entry_park(&vcpu, &plan), &plan);
	f += run(hvg_a64_entry_guest(&vcpu, &mdcr_guest, &plan), &plan);
	MSR("mdcr_el2", mdcr_guest);
	mdcr = MRS("mdcr_el2");
	f += KTAP_EXPECT(mdcr == mdcr_guest);
	/* Guest-owned: MDCR_EL2.TDA (bit 9) clear, TDE (bit 8) clear. */
	f += KTAP_EXPECT(!(mdcr_guest & (BIT(9) | BIT(8))));
	/* The guest's values are in the registers, the host's are saved. */
	f += KTAP_EXPECT(MRS("dbgbvr0_el1") == guest_bvr);
	f += KTAP_EXPECT(MRS("dbgbcr0_el1") == guest_bcr);
	f += KTAP_EXPECT(MRS("dbgwvr0_el1") == guest_wvr);
	f += KTAP_EXPECT(vcpu.slot[HVG_A64_SLOT_DBG(HVG_A64_BANK_HOST,
						    HVG_A64_DBG_BVR(0))] ==
			 host_bvr);

	/* ... the guest runs and moves its breakpoint ... */
	MSR("dbgbvr0_el1", guest_bvr + 0x40);

	f += run(hvg_a64_exit_host(&vcpu, &mdcr_host, &plan), &plan);
	MSR("mdcr_el2", mdcr_host);
	f += KTAP_EXPECT(MRS("mdcr_el2") == mdcr_host);
	f += run(hvg_a64_exit_unpark(&vcpu, &plan), &plan);
	/* The host's values are back; the guest's new one was saved. */
	f += KTAP_EXPECT(MRS("dbgbvr0_el1") == host_bvr);
	f += KTAP_EXPECT(MRS("dbgbcr0_el1") == host_bcr);
	f += KTAP_EXPECT(MRS("dbgwvr0_el1") == host_wvr);
	f += KTAP_EXPECT(vcpu.slot[HVG_A64_SLOT_DBG(HVG_A64_BANK_GUEST,
						    HVG_A64_DBG_BVR(0))] ==
			 guest_bvr + 0x40);
	f += KTAP_EXPECT(!hvg_a64_vcpu_put(&vcpu));
	return f;
}

static unsigned int free_registers_are_not_switched(void)
{
	const u64 host_bvr = 0x40070000;
	struct hvg_a64_plan plan;
	unsigned int f = 0;
	u64 mdcr;

	MSR("dbgbvr0_el1", host_bvr);
	f += KTAP_EXPECT(!hvg_a64_vcpu_init(&vcpu));
	f += KTAP_EXPECT(!hvg_a64_vcpu_load(&vcpu, &caps));
	f += KTAP_EXPECT(hvg_a64_dbg_owner(&vcpu) == HVG_A64_DBG_FREE);
	f += run(hvg_a64_entry_probe(&vcpu, &plan), &plan);
	f += run(hvg_a64_entry_park(&vcpu, &plan), &plan);
	f += KTAP_EXPECT(hvg_a64_entry_guest(&vcpu, &mdcr, &plan) == 0);
	/* Nobody owns them: no switch, and guest accesses trap (TDA). */
	f += KTAP_EXPECT(plan.nr == 0);
	f += KTAP_EXPECT(mdcr & BIT(9));
	MSR("mdcr_el2", mdcr);
	f += KTAP_EXPECT(MRS("mdcr_el2") == mdcr);
	f += run(hvg_a64_exit_host(&vcpu, &mdcr, &plan), &plan);
	MSR("mdcr_el2", mdcr);
	f += run(hvg_a64_exit_unpark(&vcpu, &plan), &plan);
	f += KTAP_EXPECT(MRS("dbgbvr0_el1") == host_bvr);
	f += KTAP_EXPECT(!hvg_a64_vcpu_put(&vcpu));
	return f;
}

static const struct ktap_case cases[] = {
	{ "caps_from_this_cpu", caps_from_this_cpu },
	{ "world_switch_moves_debug_registers",
	  world_switch_moves_debug_registers },
	{ "free_registers_are_not_switched", free_registers_are_not_switched },
};

const struct ktap_suite bare_arm64_debug_suite = {
	"hvgate_arm64_debug_el2", cases, ARRAY_SIZE(cases),
};
