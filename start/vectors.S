/*
 * vectors.S - the EL1 exception vector table.
 *
 * Owns: the 16 vector entries (2 KiB aligned table, 128 bytes each), saving
 * the full register frame (traps.h) and calling handle_exception(slot,
 * frame) in C. If the handler returns (a fix-up, e.g. the semihosting trap
 * when QEMU has no -semihosting), the possibly changed frame is restored and
 * the exception returns (x0-x18, x30, ELR and SPSR reloaded from it: a
 * fix-up changes x0 or ELR; x19-x29 are the C handler's to preserve).
 * Position independent: used at the physical address
 * before the MMU is on and at the link address after.
 *
 * Stack overflow: if SP is in the boot stack's guard page, or so close above
 * it that the frame would reach it, the frame goes on a separate overflow
 * stack instead, so an overflow is reported rather than faulting again for
 * ever. (Such an exception is never returned from: the handler exits.)
 * TPIDR_EL1 is the vectors' scratch register; nothing else uses it.
 */
#include "pgtable-hwdef.h"
#include "traps.h"

	.macro	vector_slot, slot
	.align	7
	msr	tpidr_el1, x0
	adrp	x0, boot_stack_guard		// PC-relative: PA or VA, as SP
	sub	x0, sp, x0
	lsr	x0, x0, #5			// SP - guard < PAGE_SIZE + FRAME_SIZE?
	cmp	x0, #((PAGE_SIZE + FRAME_SIZE) >> 5)
	b.hs	9999f
	adrp	x0, overflow_stack_top
	mov	sp, x0
9999:	mrs	x0, tpidr_el1
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #FRAME_X0]
	mov	x0, #\slot
	b	exception_entry
	.endm

	.if	((PAGE_SIZE + FRAME_SIZE) % 32) != 0
	.error	"the overflow test divides PAGE_SIZE + FRAME_SIZE by 32"
	.endif

	.text
	.align	11
	.global	vectors
vectors:
	.irp	slot, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	vector_slot \slot
	.endr

exception_entry:
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	mrs	x1, elr_el1
	stp	x30, x1, [sp, #FRAME_X30]
	mrs	x1, spsr_el1
	mrs	x2, esr_el1
	stp	x1, x2, [sp, #FRAME_SPSR]
	mrs	x1, far_el1
	add	x2, sp, #FRAME_SIZE		// SP before the exception
	stp	x1, x2, [sp, #FRAME_FAR]
	mov	x1, sp
	bl	handle_exception
	ldp	x1, x2, [sp, #FRAME_ELR]	// x1 = ELR, x2 = SPSR
	msr	elr_el1, x1
	msr	spsr_el1, x2
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldr	x18, [sp, #144]
	// x19-x29 hold their values: handle_exception preserves them (AAPCS64)
	// and no fix-up changes them in the frame (only x0 and ELR).
	ldr	x30, [sp, #FRAME_X30]
	add	sp, sp, #FRAME_SIZE
	eret

	.bss
	.balign	16
overflow_stack:
	.skip	PAGE_SIZE
overflow_stack_top:
