/*
 * el0.S - the only code that runs at EL0: the fault tests' EL0 routine.
 * Test build only (tests/target/).
 *
 * Owns: el0_page, one page-aligned page of its own holding
 * el0_read_and_return, which the fault tests make executable at EL0 and at
 * no other level with the runtime API before they use it (faults.c).
 * x0 = an address to read; if the read succeeds, the value goes back to
 * EL1 with SVC #0 (x0). A kernel address must fault instead: the fault
 * tests resume at EL1.
 */
#include "pgtable-hwdef.h"

	.section ".text.el0_page", "ax"
	.balign	PAGE_SIZE
	.global	el0_page, el0_read_and_return
el0_page:
el0_read_and_return:
	ldr	x0, [x0]
	svc	#0
	b	el0_read_and_return		// not reached: SVC does not return here
	.balign	PAGE_SIZE
