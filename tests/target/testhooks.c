/*
 * testhooks.c - deliberate failures for the negative tests (testhooks.h).
 */
#include <stdio.h>
#include <string.h>
#include "bootargs.h"
#include "console.h"
#include "dtb.h"
#include "memory.h"
#include "sysreg.h"
#include "testhooks.h"

#ifdef CONFIG_TEST_HOOKS
enum test_mode { TEST_NONE, TEST_CORRUPT_DESC, TEST_FAULT, TEST_FAULT_EARLY, TEST_STACK_OVERFLOW };
static enum test_mode test_mode;

void test_hooks_early(const void *fdt, uint64_t phys_ram_end)
{
	const char *bootargs = dtb_bootargs(fdt);
	char mode[24];

	if (!bootargs || !bootargs_get(bootargs, "stub.test", mode, sizeof(mode)))
		return;
	if (!strcmp(mode, "corrupt-desc"))
		test_mode = TEST_CORRUPT_DESC;
	else if (!strcmp(mode, "fault"))
		test_mode = TEST_FAULT;
	else if (!strcmp(mode, "fault-early"))
		test_mode = TEST_FAULT_EARLY;
	else if (!strcmp(mode, "stack-overflow"))
		test_mode = TEST_STACK_OVERFLOW;
	console_puts("TEST: stub.test=");
	console_puts(mode);
	console_puts(test_mode == TEST_NONE ? " (unknown, ignored)\n" : "\n");
	if (test_mode == TEST_FAULT_EARLY)
		(void)*(volatile uint64_t *)(uintptr_t)phys_ram_end;
}

/* Move the block that maps the last linear page by 2 MiB, with
 * break-before-make (Arm ARM D8.14.1). */
static void corrupt_last_linear_block(const struct walk_ctx *w, uint64_t virt_linear_end,
				      uint64_t (*phys_to_virt)(uint64_t))
{
	uint64_t va = virt_linear_end - PAGE_SIZE;
	const struct walk_step *leaf;
	struct walk_result r;
	uint64_t *entry, desc;

	sw_walk(w, va, &r);
	if (r.status != WALK_MAPPED)
		return;
	leaf = &r.step[r.nsteps - 1];
	entry = (uint64_t *)(uintptr_t)phys_to_virt(leaf->table_pa) + leaf->index;
	desc = *entry;
	*entry = 0;
	dsb(ishst);
	__asm__ volatile("tlbi vaae1is, %0" : : "r"(va >> PAGE_SHIFT) : "memory");
	dsb(ish);
	*entry = desc + SWAPPER_BLOCK_SIZE;
	dsb(ishst);
	isb();
	printf("TEST: moved the block mapping va 0x%llx by +2 MiB\n", (unsigned long long)va);
}

void test_hooks_before_checks(const struct walk_ctx *walk, uint64_t virt_linear_end,
			      uint64_t (*phys_to_virt)(uint64_t pa))
{
	if (test_mode == TEST_CORRUPT_DESC)
		corrupt_last_linear_block(walk, virt_linear_end, phys_to_virt);
	if (test_mode == TEST_FAULT)
		(void)*(volatile uint64_t *)(uintptr_t)virt_linear_end;
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

void test_hooks_final_map(uint64_t virt_stack_guard)
{
	if (test_mode != TEST_STACK_OVERFLOW)
		return;
	printf("TEST: overflowing the stack into its guard page at 0x%llx\n",
	       (unsigned long long)virt_stack_guard);
	(void)eat_stack(0);
}
#else
void test_hooks_final_map(uint64_t virt_stack_guard)
{
	(void)virt_stack_guard;
}

void test_hooks_early(const void *fdt, uint64_t phys_ram_end)
{
	(void)fdt;
	(void)phys_ram_end;
}

void test_hooks_before_checks(const struct walk_ctx *walk, uint64_t virt_linear_end,
			      uint64_t (*phys_to_virt)(uint64_t pa))
{
	(void)walk;
	(void)virt_linear_end;
	(void)phys_to_virt;
}
#endif
