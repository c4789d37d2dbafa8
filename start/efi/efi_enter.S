/*
 * efi_enter.S - from a UEFI application with boot services gone to the
 * normal boot path.
 *
 * Owns: efi_enter_image(phys_dtb), called by start/efi/efi.c after
 * ExitBootServices: interrupts masked, the whole image cleaned to the
 * point of coherency (the firmware wrote it with the caches on; the normal
 * boot reads and writes it with them off), the MMU and caches turned off
 * at the EL the firmware left us in (EL1 or EL2: SCTLR_ELx.M, C, I), the
 * instruction cache invalidated, then primary_entry at the same physical
 * address (the firmware's map is the identity) with x0 = the DTB and x1-x3
 * = 0 (booting.rst). It runs at the load address, PC-relative only, in
 * .text: the firmware maps the PE headers (all of .head.text) execute-never.
 * Does not return; uses the firmware's stack until the branch.
 */
#include "sysreg.h"

	.text
	.global	efi_enter_image
efi_enter_image:
	msr	daifset, #0xf
	mov	x19, x0
	adr	x0, _text			// the image where the firmware put it
	ldr	x1, =__image_size
	add	x1, x0, x1
	bl	dcache_clean_poc		// C, PC-relative: fine at the load address
	mrs	x0, CurrentEL
	cmp	x0, #(2 << 2)
	b.eq	1f
	mrs	x0, sctlr_el1
	bic	x0, x0, #SCTLR_EL1_M
	bic	x0, x0, #SCTLR_EL1_C
	bic	x0, x0, #SCTLR_EL1_I
	msr	sctlr_el1, x0
	b	2f
1:	mrs	x0, sctlr_el2			// the same bits in SCTLR_EL2
	bic	x0, x0, #SCTLR_EL1_M
	bic	x0, x0, #SCTLR_EL1_C
	bic	x0, x0, #SCTLR_EL1_I
	msr	sctlr_el2, x0
2:	isb
	ic	iallu
	dsb	nsh
	isb
	mov	x0, x19
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	b	primary_entry
	.ltorg
