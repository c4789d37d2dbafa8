/*
 * el0.S - the only code that runs at EL0: the fault tests' EL0 routine.
 *
 * Owns: el0_read_and_return. link.ld puts this object alone in one page
 * (__el0_text_start), which the final map makes executable at EL0 and at
 * no other level. x0 = an address to read; if the read succeeds, the value
 * goes back to EL1 with SVC #0 (x0). A kernel address must fault instead:
 * the fault tests resume at EL1 (start/faults.c).
 */
	.text
	.global	el0_read_and_return
el0_read_and_return:
	ldr	x0, [x0]
	svc	#0
	b	el0_read_and_return		// not reached: SVC does not return here
