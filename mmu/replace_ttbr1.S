/*
 * replace_ttbr1.S - switch TTBR1_EL1 to new tables safely.
 *
 * Owns: cpu_replace_ttbr1. Changing the tables that map the code doing the
 * change risks TLB conflicts (old 2 MiB blocks, new 4 KiB pages for the same
 * VA), so, as Linux's idmap_cpu_replace_ttbr1 does, it runs from the
 * identity map (TTBR0): TTBR1 first points at an empty table, the TLB is
 * invalidated, then TTBR1 gets the new tables.
 *   x0 = new TTBR1_EL1 value, x1 = TTBR1_EL1 value of an empty table (its
 *   physical address, phys_to_ttbr'd: mmu/vabits.h)
 * Call it at its PHYSICAL address (identity map). Uses no stack or memory,
 * interrupts masked meanwhile. Preserves x0, x1. Corrupts x2.
 */
	.text
	.global	cpu_replace_ttbr1
cpu_replace_ttbr1:
	mrs	x2, daif
	msr	daifset, #0xf
	msr	ttbr1_el1, x1			// nothing of TTBR1 reachable now
	isb
	tlbi	vmalle1is
	dsb	ish
	isb
	msr	ttbr1_el1, x0
	isb
	msr	daif, x2
	ret
