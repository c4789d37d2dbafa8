/*
 * testhooks.c - the test build's hooks: deliberate failures and the fault
 * tests, from the boot arguments. Test build only (tests/target/): it
 * registers itself in link.ld's .test_hooks table (start/hooks.h); the
 * product has no such entry and obeys none of these arguments.
 *
 *   stub.test=corrupt-desc   final map live: move the block that maps the
 *                            last linear page by 2 MiB; the checks must
 *                            flag that one probe (exit 1)
 *   stub.test=fault          final map live: read the VA just past the
 *                            linear map (exit 2, decoded report)
 *   stub.test=fault-early    early map live: read that same VA, which the
 *                            early map does not map (exit 2, report)
 *   stub.test=stack-overflow final map live: recurse until the stack runs
 *                            into its guard page (exit 2, report from the
 *                            overflow stack)
 *   stub.test=psci-nofw      boot arguments read: call PSCI_VERSION over
 *                            the conduit the DTB does not name (smc when
 *                            it names hvc: at EL1 on QEMU virt without
 *                            EL3 nothing answers it; exit 8, named)
 *   stub.test=none           nothing (the default)
 *   stub.faults[=1|0|...]    after the checks: the fault tests (faults.c)
 *
 * Both are declared as options (lib/bootargs.h), so that the product, which
 * lacks them, names them as unknown; a malformed value is named by the
 * parser and changes nothing.
 */
#include <stdio.h>
#include "exit.h"
#include "psci.h"
#include "faults.h"
#include "hooks.h"
#include "memory.h"
#include "psci.h"
#include "sysreg.h"
#include "tlbflush.h"

/* In the order of test_mode_names. */
enum test_mode {
	TEST_NONE, TEST_CORRUPT_DESC, TEST_FAULT, TEST_FAULT_EARLY, TEST_STACK_OVERFLOW,
	TEST_PSCI_NO_FIRMWARE,
};
static const char *const test_mode_names[] = {
	"none", "corrupt-desc", "fault", "fault-early", "stack-overflow", "psci-nofw", NULL,
};
static int test_mode = TEST_NONE;
static int fault_tests_requested;

static const struct bootarg_option test_build_options[] = {
	{ "stub.test", BOOTARG_CHOICE, test_mode_names, &test_mode },
	{ "stub.faults", BOOTARG_FLAG_BOOL, NULL, &fault_tests_requested },
	{ NULL, BOOTARG_FLAG_BOOL, NULL, NULL },
};

/* A PSCI call over the conduit nothing is meant to answer: the exception
 * handler must name PSCI and exit EXIT_PSCI_NO_FIRMWARE. */
static void call_psci_over_the_other_conduit(void)
{
	enum psci_conduit named = psci_conduit();
	enum psci_conduit other = named == PSCI_CONDUIT_SMC ? PSCI_CONDUIT_HVC : PSCI_CONDUIT_SMC;
	int64_t rc;

	printf("TEST: PSCI_VERSION over %s, the conduit the DTB does not name\n",
	       psci_conduit_name(other));
	psci_set_conduit(other);
	rc = psci_call(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);
	psci_set_conduit(named);
	printf("TEST: PSCI_VERSION over %s answered 0x%llx\n", psci_conduit_name(other),
	       (unsigned long long)rc);
}

/* The options are parsed by then (read_bootargs in main.c). */
static void boot_args(const char *bootargs)
{
	(void)bootargs;
	if (test_mode == TEST_NONE)
		return;
	printf("TEST: stub.test=%s\n", test_mode_names[test_mode]);
	if (test_mode == TEST_PSCI_NO_FIRMWARE)
		call_psci_over_the_other_conduit();
}

/* The VA just past the highest linear range (memstart-relative; there may
 * be holes below it). */
static uint64_t linear_end(const struct hook_env *env)
{
	return maps_linear_end_virt(env->layout);
}

/* Move the leaf that maps the last linear page by its own size (a 1 GiB
 * block moved by 2 MiB would only set RES0 bits), with break-before-make
 * (Arm ARM D8.14.1). */
static void corrupt_last_linear_block(const struct hook_env *env)
{
	uint64_t va = linear_end(env) - PAGE_SIZE;
	const struct walk_step *leaf;
	struct walk_result r;
	uint64_t *entry, desc, size;

	sw_walk(env->walk, va, &r);
	if (r.status != WALK_MAPPED)
		return;
	leaf = &r.step[r.nsteps - 1];
	size = 1ULL << level_shift(r.leaf_level);
	entry = (uint64_t *)(uintptr_t)env->walk->read_table(leaf->table_pa, env->walk->cookie) +
		leaf->index;
	desc = *entry;
	*entry = 0;
	flush_tlb_kernel_range(va, PAGE_SIZE);
	*entry = desc + size;
	dsb(ishst);
	isb();
	printf("TEST: moved the level-%d leaf mapping va 0x%llx by +0x%llx\n", r.leaf_level,
	       (unsigned long long)va, (unsigned long long)size);
}

/* 256 bytes a call, and the addition after the call keeps it a real call. */
__attribute__((noinline)) static uint64_t eat_stack(uint64_t depth)
{
	volatile uint8_t frame[256];

	frame[0] = (uint8_t)depth;
	if (depth > (1u << 20))             /* never: the guard page comes first */
		return 0;
	return eat_stack(depth + 1) + frame[0];
}

static void early_map_live(const struct hook_env *env)
{
	if (test_mode == TEST_FAULT_EARLY)
		(void)*(volatile uint64_t *)(uintptr_t)linear_end(env);
}

static void final_map_live(const struct hook_env *env)
{
	switch (test_mode) {
	case TEST_CORRUPT_DESC:
		corrupt_last_linear_block(env);
		break;
	case TEST_FAULT:
		(void)*(volatile uint64_t *)(uintptr_t)linear_end(env);
		break;
	case TEST_STACK_OVERFLOW:
		printf("TEST: overflowing the stack into its guard page at 0x%llx\n",
		       (unsigned long long)env->syms->stack_guard);
		(void)eat_stack(0);
		break;
	default:
		break;
	}
}

static int after_checks(const struct hook_env *env)
{
	return fault_tests_requested ? fault_tests_run(env) : 0;
}

TEST_HOOKS(test_build_hooks) = {
	.options = test_build_options,
	.boot_args = boot_args,
	.early_map_live = early_map_live,
	.final_map_live = final_map_live,
	.after_checks = after_checks,
	.exception_fixup = fault_tests_fixup,
};
