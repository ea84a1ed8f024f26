// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The bare-metal test runner: the freestanding build of lib/, booted under
 * QEMU on x86-64 (long mode) and arm64 (EL2) by the stubs in x86_64/ and
 * arm64/. One suite per lib/ module, printed as KTAP on the serial port;
 * the return value becomes QEMU's exit status (scripts/bare-run).
 */
#include "hvgate_env.h"
#include <hvgate/hvgate.h>

#include "ktap.h"

int hvg_bare_main(void);

static const struct ktap_suite *const suites[] = {
	&bare_msr_bitmap_suite,
#if IS_ENABLED(CONFIG_HVGATE_VMX_NESTED)
	&bare_vmentry_suite,
#endif
#if defined(__aarch64__) && IS_ENABLED(CONFIG_HVGATE_ARM64_DEBUG)
	&bare_arm64_debug_suite,
#endif
};

int hvg_bare_main(void)
{
	return ktap_run(suites, ARRAY_SIZE(suites)) ? 1 : 0;
}
