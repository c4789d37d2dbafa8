/*
 * tables.S - the early translation tables, written with the MMU off.
 *
 * Owns: the four early table pages (shipped as zeros inside the image file,
 * so nothing is zeroed at boot: every supported loader copies the file
 * byte for byte and cleans it to the PoC) and __create_page_tables, which
 * fills them with the macros of pgtable-macros.h:
 *   early_pgd          level 1, shared by TTBR0 and TTBR1 (memory.h says why)
 *   early_idmap_pmd    level 2: the image's 2 MiB blocks at VA = PA (TTBR0)
 *   early_kimage_pmd   level 2: the image at its link address (TTBR1): the
 *                      same blocks when the load is 2 MiB aligned (the link
 *                      address is), else a table entry to
 *   early_kimage_pte   level 3: the image's 4 KiB pages at the link address
 * When the image's physical 1 GiB has the level-1 index of KIMAGE_VADDR the
 * two maps need the same level-1 entry: both then use early_idmap_pmd,
 * whose entries for the identity and the link address are then either
 * different entries or the same one with the same value (a 2 MiB-aligned
 * load: the same block; head.S refuses the one unaligned load where they
 * would collide).
 * Input: x21 = physical address of _text (4 KiB aligned, in one GiB:
 * checked by head.S). Returns x0 = physical address of early_pgd. Called
 * with bl; uses no stack or memory beyond the tables. Preserves x18-x30;
 * corrupts x0-x14.
 */
#include "memory.h"
#include "pgtable-macros.h"

	.section ".data.early_pgtables", "aw", %progbits
	.balign	PAGE_SIZE
	.global	early_pgd, early_idmap_pmd, early_kimage_pmd, early_kimage_pte, early_pg_end
early_pgd:
	.fill	PAGE_SIZE, 1, 0
early_idmap_pmd:
	.fill	PAGE_SIZE, 1, 0
early_kimage_pmd:
	.fill	PAGE_SIZE, 1, 0
early_kimage_pte:
	.fill	PAGE_SIZE, 1, 0
early_pg_end:

/* inval_entries tbl, first, last, shift, ptrs: dcache_inval_entries on
 * copies of first/last (x5, x6), line size in x12. Corrupts x4-x6. */
	.macro	inval_entries, tbl, first, last, shift, ptrs
	mov	x5, \first
	mov	x6, \last
	dcache_inval_entries \tbl, x5, x6, \shift, \ptrs, x12, x4
	.endm

	.section ".head.text", "ax"
	.global	__create_page_tables
__create_page_tables:
	adrp	x0, early_pgd
	ldr	x8, =SWAPPER_MM_MMUFLAGS
	mrs	x11, ctr_el0			// data cache line size, for the invalidation
	ubfx	x11, x11, #16, #4
	mov	x12, #4
	lsl	x12, x12, x11

	/* TTBR0: the image's blocks at VA = PA. */
	adrp	x1, early_idmap_pmd
	mov	x2, x21				// first VA (= PA)
	ldr	x3, =__image_size
	add	x3, x3, x21
	sub	x3, x3, #1			// last VA (= PA), inclusive
	create_pgd_entry x0, x2, x1, x4, x5
	bic	x4, x2, #(SWAPPER_BLOCK_SIZE - 1)
	mov	x5, x2
	mov	x6, x3
	create_block_map x1, x8, x4, x5, x6

	/* TTBR1: the image at the link address. */
	adrp	x9, early_kimage_pmd
	ldr	x10, =_text			// first VA (link address)
	ubfx	x4, x10, #PGDIR_SHIFT, #(VA_BITS - PGDIR_SHIFT)
	ubfx	x5, x2, #PGDIR_SHIFT, #(VA_BITS - PGDIR_SHIFT)
	cmp	x4, x5
	csel	x9, x1, x9, eq			// same level-1 entry: same level-2 table
	create_pgd_entry x0, x10, x9, x4, x5
	sub	x7, x3, x2
	add	x7, x7, x10			// last VA (link address)
	tst	x2, #(SWAPPER_BLOCK_SIZE - 1)
	b.ne	1f
	/* A 2 MiB-aligned load shares the link address's offset in its
	 * block: the identity's blocks. */
	mov	x4, x2
	mov	x5, x10
	mov	x6, x7
	create_block_map x9, x8, x4, x5, x6
	/* The stores (non-cacheable, MMU off) complete before the lines that
	 * hold them are invalidated (as Linux's create_init_idmap caller). */
	dmb	sy
	inval_entries x9, x10, x7, PMD_SHIFT, PTRS_PER_PMD	// kernel's level 2
	b	2f
	/* Any other (4 KiB-aligned) load: pages, in a level-3 table. */
1:	adrp	x13, early_kimage_pte
	create_table_entry x9, x10, PMD_SHIFT, PTRS_PER_PMD, x13, x4, x5
	ldr	x14, =SWAPPER_PAGE_FLAGS
	mov	x4, x2
	mov	x5, x10
	mov	x6, x7
	create_page_map x13, x14, x4, x5, x6
	dmb	sy
	inval_entries x13, x10, x7, PAGE_SHIFT, PTRS_PER_PTE	// kernel's level 3
	inval_entries x9, x10, x10, PMD_SHIFT, PTRS_PER_PMD	// and its level-2 entry
2:	inval_entries x1, x2, x3, PMD_SHIFT, PTRS_PER_PMD	// identity's level 2
	inval_entries x0, x2, x2, PGDIR_SHIFT, PTRS_PER_PGD	// the two level-1
	inval_entries x0, x10, x10, PGDIR_SHIFT, PTRS_PER_PGD	// entries
	dsb	sy				// invalidations done before the MMU goes on
	ret
	.ltorg
