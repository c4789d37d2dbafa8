/*
 * tables.S - build the early translation tables, MMU off.
 *
 * Owns: __create_page_tables, which fills idmap_pg_dir (TTBR0: identity map
 * of the image where it runs) and init_pg_dir (TTBR1: kernel image at its
 * link address, linear map of RAM, early I/O block) with the macros of
 * pgtable-macros.h. Table pages come from the contiguous area link.ld
 * reserves; running out of it is reported, never overrun.
 * Inputs: x21 = physical address of _text (head.S), and memory written by
 * early_init(): phys_ram_base, linear_map_size. Called with bl;
 * preserves x18-x30, corrupts x0-x17.
 */
#include "memory.h"
#include "pgtable-macros.h"
#include "board.h"

	.text

/* round_up_block reg: round \reg (> 0) up to a 2 MiB boundary. */
	.macro	round_up_block, reg
	sub	\reg, \reg, #1
	orr	\reg, \reg, #(SWAPPER_BLOCK_SIZE - 1)
	add	\reg, \reg, #1
	.endm

/*
 * map_region: map virtual [x2, x3) to physical x4 with 2 MiB blocks.
 *   x0 = PGD (physical), x1 = next free table page (physical, advanced),
 *   x2 = VA start, x3 = VA end (exclusive, > x2), x4 = PA start, all 2 MiB
 *   aligned; x5 = block flags; x6 = end of the table area (physical).
 * One new level-2 table per 1 GiB slot touched (each region owns its slots).
 * Corrupts: x2-x4, x7-x13. Does not return if the table area is exhausted.
 */
map_region:
	sub	x8, x3, #1			// last VA, inclusive: no wrap at 2^64
1:	orr	x7, x2, #(PGDIR_SIZE - 1)	// last VA of this 1 GiB slot
	cmp	x7, x8
	csel	x7, x7, x8, ls			// ...or of the region
	add	x9, x1, #PAGE_SIZE
	cmp	x9, x6
	b.hi	2f				// no table page left
	create_pgd_entry x0, x2, x1, x9, x10
	mov	x11, x4
	mov	x12, x2
	mov	x13, x7
	create_block_map x1, x5, x11, x12, x13
	add	x1, x1, #PAGE_SIZE		// that level-2 page is used
	sub	x9, x7, x2
	add	x9, x9, #1			// bytes mapped in this slot
	add	x4, x4, x9
	add	x2, x2, x9
	cmp	x7, x8
	b.lo	1b
	ret
2:	adrp	x0, early_fail_tables
	add	x0, x0, :lo12:early_fail_tables
	br	x0				// C, reports and exits

	.global	__create_page_tables
__create_page_tables:
	mov	x17, x30
	/* Invalidate, zero, map, invalidate again (MMU and caches are off). */
	adrp	x14, idmap_pg_dir
	adrp	x15, __pgdir_end		// every table page, final ones too
	mov	x0, x14
	dcache_inval_range x0, x15, x1, x2
	mov	x0, x14
3:	stp	xzr, xzr, [x0], #16
	cmp	x0, x15
	b.lo	3b

	/* TTBR0: the image, identity mapped where it was loaded. */
	adrp	x0, idmap_pg_dir
	add	x1, x0, #(IDMAP_PGD_PAGES * PAGE_SIZE)
	adrp	x6, init_pg_dir			// idmap area ends where init starts
	bic	x2, x21, #(SWAPPER_BLOCK_SIZE - 1)	// the 2 MiB block the image is in
	ldr	x3, =__image_size
	add	x3, x3, x21
	round_up_block x3
	mov	x4, x2
	ldr	x5, =SWAPPER_MM_MMUFLAGS
	bl	map_region

	/* TTBR1, level-2 pages after its PGD. */
	adrp	x0, init_pg_dir
	add	x1, x0, #PAGE_SIZE
	adrp	x6, init_pg_end

	/* Kernel image at its link address, mapped to where it runs. */
	ldr	x2, =_text			// link (virtual) address
	bic	x2, x2, #(SWAPPER_BLOCK_SIZE - 1)	// = KIMAGE_VADDR: text_offset below
	ldr	x3, =_end
	round_up_block x3
	bic	x4, x21, #(SWAPPER_BLOCK_SIZE - 1)
	ldr	x5, =SWAPPER_MM_MMUFLAGS
	bl	map_region

	/* Linear map: PAGE_OFFSET + (PA - phys_ram_base) for all mapped RAM. */
	adrp	x9, phys_ram_base
	ldr	x4, [x9, :lo12:phys_ram_base]
	adrp	x9, linear_map_size
	ldr	x3, [x9, :lo12:linear_map_size]
	ldr	x2, =PAGE_OFFSET
	add	x3, x3, x2
	ldr	x5, =LINEAR_MM_MMUFLAGS
	bl	map_region

	/* Early I/O: the console UART's 2 MiB block, Device-nGnRnE, XN. */
	ldr	x2, =EARLY_IO_VADDR
	add	x3, x2, #SWAPPER_BLOCK_SIZE
	ldr	x4, =BOARD_UART_PA
	bic	x4, x4, #(SWAPPER_BLOCK_SIZE - 1)
	ldr	x5, =DEVICE_MM_MMUFLAGS
	bl	map_region

	adrp	x9, init_pg_next		// first unused table page, for the report
	str	x1, [x9, :lo12:init_pg_next]

	mov	x0, x14
	dcache_inval_range x0, x15, x1, x2
	ret	x17
	.ltorg
