/*
 * probes.S - memory accesses that may fault on purpose, and how to recover.
 *
 * Owns: the primitives the fault tests use beyond the product's guarded
 * load and store (mmu/guarded.S, which faults.c uses for those): the
 * faulting instruction has a global label (probe_*_insn) and a fix-up
 * (probe_*_fixup); when a test has armed tests/target/faults.c, the
 * exception handler resumes at the fix-up, which returns 1 in x1 (0 when
 * no fault happened).
 *   probe_stack_push(x0 = sp)      runs with SP_EL0 = x0 (SPSel 0) and pushes
 *                                  16 bytes, as a call would: the exception
 *                                  is then taken on SP_EL1, the real stack,
 *                                  so an overflow into a guard page is
 *                                  recoverable. -> x1 = faulted?
 *   run_at_el0(x0 = entry, x1 = arg, x2 = SP_EL0) -> x0: enters EL0 at entry
 *                                  with x0 = arg; comes back through
 *                                  el0_return(value), called by the handler
 *                                  (SVC from EL0, or an armed EL0 fault).
 * They preserve everything the AAPCS64 asks for; run_at_el0 saves x19-x30.
 */
	.text
	.global	probe_stack_push, probe_stack_push_insn, probe_stack_push_fixup
probe_stack_push:
	msr	spsel, #0
	mov	sp, x0
	mov	x1, #0
probe_stack_push_insn:
	stp	x29, x30, [sp, #-16]!
	msr	spsel, #1
	ret
probe_stack_push_fixup:
	msr	spsel, #1
	mov	x1, #1
	ret

	.global	run_at_el0, el0_return
run_at_el0:
	stp	x29, x30, [sp, #-96]!
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
	mov	x3, sp
	adrp	x4, el0_saved_sp
	str	x3, [x4, :lo12:el0_saved_sp]
	msr	sp_el0, x2
	msr	elr_el1, x0
	mov	x3, #0x3c0			// SPSR: EL0t, DAIF masked
	msr	spsr_el1, x3
	mov	x0, x1
	eret

/* el0_return(x0 = value): back to run_at_el0's caller, from the handler. */
el0_return:
	adrp	x4, el0_saved_sp
	ldr	x3, [x4, :lo12:el0_saved_sp]
	mov	sp, x3
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldp	x29, x30, [sp], #96
	ret

	.bss
	.balign	8
el0_saved_sp:
	.quad	0
