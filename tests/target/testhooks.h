/*
 * testhooks.h - deliberate failures for the negative tests.
 *
 * Owns: the test modes a CONFIG_TEST_HOOKS build takes from the DTB's
 * /chosen/bootargs ("stub.test=MODE", QEMU -append), and where they act.
 * In a normal build the hooks compile to nothing and bootargs are ignored.
 *   corrupt-desc  after the MMU is on, move one linear-map block by 2 MiB:
 *                 the checks must flag it (exit 1)
 *   fault         after the MMU is on, read an unmapped VA (exit 2, report)
 *   fault-early   with the MMU off, read past the end of RAM (exit 2, report)
 *   stack-overflow  with the final map live, recurse until the stack runs
 *                 into its guard page (exit 2, report from the overflow stack)
 */
#ifndef TESTHOOKS_H
#define TESTHOOKS_H

#include "walk.h"

/* MMU off: read the mode from the DTB's bootargs; act on fault-early. */
void test_hooks_early(const void *fdt, uint64_t phys_ram_end);
/* MMU on, before the checks: act on corrupt-desc and fault. */
void test_hooks_before_checks(const struct walk_ctx *walk, uint64_t virt_linear_end,
			      uint64_t (*phys_to_virt)(uint64_t pa));

/* MMU on, final map live: act on stack-overflow. */
void test_hooks_final_map(uint64_t virt_stack_guard);

#endif /* TESTHOOKS_H */
