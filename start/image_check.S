/*
 * image_check.S - the first checks, before anything past the head is
 * trusted: that the image is whole and lies in writable RAM.
 *
 * Owns: early_vectors, the vector table of the first instructions (set by
 * head.S right after el_setup, until the real one, vectors.S, replaces
 * it), whose one handler skips a synchronous exception taken on the
 * probes and semihosting calls of this file (x9 = 1: the instruction did
 * not take effect) and parks the CPU on any other; image_check, which
 * reads the end marker (the last thing in the image file: a file cut
 * short has not got it), then writes all-ones to it and reads it back
 * (flash ignores the write: all-ones is the CFI "read array" command, so
 * the probe leaves a NOR flash as it was), then does the same at the last
 * word of the image's memory (the stack's top: RAM that ends before the
 * image does); and the refusals of these, which use nothing past this
 * page: a fixed message through semihosting, the exit status through
 * semihosting, else a parked CPU at early_park with x0 = the status (a
 * debugger sees both); the refusal of a load address that is not page
 * aligned goes the same way. Semihosting without a debugger is UNDEFINED
 * on hardware: the early vectors skip it.
 * Register contract: image_check(x21 = pa of _text), returns or does not
 * come back; corrupts x0-x3, x9, x10, x11; uses no stack and writes no
 * memory but the two probed words, each restored. The refusals write no
 * memory at all (flash would take a write as a command).
 */
#include "exit.h"
#include "memory.h"
#include "semihost.h"

/* The end marker's value (link.ld puts it last in the file). */
#define IMAGE_END_MAGIC 0x444e452d42555453	/* "STUB-END", little-endian */

	.section ".head.text", "ax"

/* 16 entries of 128 bytes, 2 KiB aligned (VBAR_EL1 bits [10:0] are RES0). */
	.balign	2048
	.global	early_vectors
early_vectors:
	.rept	16
	b	early_trap
	.balign	128
	.endr

/* A synchronous exception on an instruction of [early_skippable,
 * early_skippable_end): skipped, x9 = 1. Anything else: parked, x0 = ESR. */
early_trap:
	mrs	x9, elr_el1
	adr	x0, early_skippable
	cmp	x9, x0
	b.lo	1f
	adr	x0, early_skippable_end
	cmp	x9, x0
	b.hs	1f
	add	x9, x9, #4
	msr	elr_el1, x9
	mov	x9, #1
	eret
1:	mrs	x0, esr_el1
	.global	early_park
early_park:					// x0 = exit status or ESR_EL1
	wfe
	b	early_park

early_skippable:
/* x1 = [x0] (64 bits); x9 = 1 if the load faulted. */
early_load64:
	mov	x9, #0
	ldr	x1, [x0]
	ret

/* x9 = 1 unless [x0] (32 bits) keeps all-ones written to it; the word is
 * restored when it is writable. */
early_probe_writable:
	mov	x9, #0
	ldr	w1, [x0]
	cbnz	x9, 1f
	mov	w2, #-1
	str	w2, [x0]
	cbnz	x9, 1f
	dsb	sy
	ldr	w3, [x0]
	cbnz	x9, 1f
	cmp	w3, w2
	b.ne	2f
	str	w1, [x0]
	dsb	sy
	ret
2:	mov	x9, #1
1:	ret

/* Semihosting op x0 with parameter x1; x9 = 1 without semihosting. */
early_semihost:
	mov	x9, #0
	hlt	#0xf000
	ret
early_skippable_end:

/* x1 = a message, x11 = its exit block (both PC-relative): said, exited,
 * or parked at early_park with x0 = the status. Writes no memory. */
early_refuse_headonly:
	mov	x0, #SEMIHOSTING_SYS_WRITE0
	bl	early_semihost
	mov	x1, x11
	mov	x0, #SEMIHOSTING_SYS_EXIT_EXTENDED
	bl	early_semihost
	ldr	x0, [x11, #8]
	b	early_park

	.global	image_check
image_check:
	mov	x10, x30
	adrp	x0, image_end_marker		// PC-relative: the physical address
	add	x0, x0, :lo12:image_end_marker
	bl	early_load64
	ldr	x2, =IMAGE_END_MAGIC
	cbnz	x9, refuse_cut
	cmp	x1, x2
	b.ne	refuse_cut
	bl	early_probe_writable		// the marker again: RAM, not flash
	cbnz	x9, refuse_not_ram
	ldr	x0, =__image_size		// the last word of the image's memory
	add	x0, x21, x0
	sub	x0, x0, #8
	bl	early_probe_writable
	cbnz	x9, refuse_short_ram
	mov	x30, x10
	ret
	.ltorg

refuse_cut:
	adr	x1, msg_cut
	adr	x11, exit_bad_image
	b	early_refuse_headonly
refuse_not_ram:
	adr	x1, msg_not_ram
	adr	x11, exit_bad_image
	b	early_refuse_headonly
refuse_short_ram:
	adr	x1, msg_short_ram
	adr	x11, exit_bad_load
	b	early_refuse_headonly
/* The load address is not page aligned: adrp, so all C code, would be
 * wrong; head.S branches here before anything else (x21 = _text's pa). */
	.global	refuse_misaligned
refuse_misaligned:
	adr	x1, msg_misaligned
	adr	x11, exit_bad_load
	b	early_refuse_headonly

/* SYS_EXIT_EXTENDED's parameter blocks (reason, status): read only. */
	.balign	8
exit_bad_image:
	.quad	ADP_Stopped_ApplicationExit, EXIT_BAD_IMAGE
exit_bad_load:
	.quad	ADP_Stopped_ApplicationExit, EXIT_BAD_LOAD
msg_misaligned:
	.asciz	"stub: FATAL: load address not " PAGE_SIZE_NAME " aligned; cannot run\n"
msg_cut:
	.asciz	"\nstub: FATAL: the image is not whole: its end marker (the last bytes of the Image file) is not in memory; the file was cut short: copy all of it\n"
msg_not_ram:
	.asciz	"\nstub: FATAL: the image does not run from writable RAM (a write to it did not stick: flash or ROM?); load it into RAM (QEMU: -kernel or -device loader, not -bios)\n"
msg_short_ram:
	.asciz	"\nstub: FATAL: the image's memory (its bss and stacks, image_size in the header) runs past the end of RAM; load it lower\n"
	.balign	4

/* The end marker: link.ld places this section last in the file. */
	.section ".image_end", "aw"
	.balign	8
	.global	image_end_marker
image_end_marker:
	.quad	IMAGE_END_MAGIC
