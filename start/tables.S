/*
 * tables.S - the early translation tables, written with the MMU off.
 *
 * Owns: the EARLY_PG_PAGES early table pages (mmu/memory.h; shipped as
 * zeros inside the image file, so nothing is zeroed at boot: every
 * supported loader copies the file byte for byte and cleans it to the PoC)
 * and __create_page_tables, which fills them with the macros of
 * pgtable-macros.h, for the build's geometry. Blocks are at level 2
 * (SWAPPER_BLOCK_SIZE: 2 MiB, 32 MiB or 512 MiB); the "block table" is the
 * level-2 table, or the root itself when the walk has 2 levels.
 *   early_pgd          the root, shared by TTBR0 and TTBR1 (memory.h says why)
 *   early_idmap_p4d    level 0 (5 levels only: 4K/52): under the identity's
 *                      root entry
 *   early_idmap_pud    level 1 (4 or 5 levels): under the identity's entry
 *                      above
 *   early_idmap_pmd    level 2 (3 levels or more): the image's blocks at VA =
 *                      PA (TTBR0)
 *   early_kimage_p4d   level 0 (5 levels only): under the kimage's root entry
 *   early_kimage_pud   level 1 (4 or 5 levels): under the kimage's entry above
 *   early_kimage_pmd   level 2 (3 levels or more): the image at its link
 *                      address (TTBR1): the same blocks when the load is block
 *                      aligned (the link address is), else a table entry to
 *   early_kimage_pte   level 3: the image's pages at the link address
 * When the identity and the link address need the same entry of a table
 * above the blocks (the same root entry; with 4 or 5 levels, then also the
 * same entry one level down, and so on), they share the table under it:
 * the identity's. Their block-table entries are then different entries or
 * the same one with the same value (a block-aligned load: the same block;
 * head.S refuses the one unaligned load where they would collide).
 * A 52-bit build writes the same tables whatever the CPU has: the build's
 * largest (5 levels with 4 KiB, 4 with 16 KiB, a root of 1024 entries with
 * 64 KiB), descriptors in FEAT_LPA2's format when the CPU takes it (x26 =
 * 1: no SH in bits [9:8], TCR_EL1.DS gives it). Without it (x26 = 0) the
 * CPU walks them with VA_BITS_MIN (Linux's fallback) from one table lower
 * where the top level folds: TTBR1 then points at the image's table under
 * the root (4K: its level 0, 16K: its level 1), TTBR0 with 4 KiB at the
 * identity's level 0 (48 bits), with 16 KiB at the root itself (48 bits:
 * its first two entries); with 64 KiB TTBR0 at the root and TTBR1 at its
 * last 64 entries (TTBR1_BADDR_4852_OFFSET), the levels the same.
 * When the image lies above what VA_BITS reach (head.S: x24 = 1), the
 * identity cannot share the root: it gets its own, the extended identity
 * map (early_idmap_ext: T0SZ for IDMAP_EXT_VA_BITS, a table per level
 * down to level 2), and the image's tables share nothing with it.
 * Input: x21 = physical address of _text (page aligned, in one block
 * table: checked by head.S), x24 = 1 for the extended identity map, x26 =
 * 1 when a 52-bit build's CPU takes the 52-bit VA (any value elsewhere).
 * Returns x0 = TTBR0's root, x1 = TTBR1's (early_pgd; the same as x0
 * unless extended or a 52-bit build's fallback), physical addresses.
 * Called with bl; uses no stack or memory beyond the tables. Preserves
 * x18-x30; corrupts x0-x17.
 */
#include "memory.h"
#include "pgtable-macros.h"

/* The block table's index: level 2's (PTRS_PER_PMD entries), or with 2
 * levels the root's, which then resolves a full table's bits (create_map
 * indexes PAGE_SHIFT - 3 bits). */
#if PGTABLE_LEVELS > 2
#define BLK_PTRS PTRS_PER_PMD
#else
#define BLK_PTRS PTRS_PER_PGD
#if PTRS_PER_PGD != PTRS_PER_PTE || PGDIR_SHIFT != SWAPPER_BLOCK_SHIFT
#error "2 levels: the root is a full table of early blocks"
#endif
#endif
#if SWAPPER_BLOCK_SHIFT != LEVEL_SHIFT(2) || EARLY_PG_PAGES != 2 * PGTABLE_LEVELS - 2
#error "early tables: blocks at level 2; the root, the levels between it and 2 twice, one level 3"
#endif
/* The pages' descriptors are the blocks' with a page's type (D8.3.2). */
#if SWAPPER_PAGE_FLAGS != (SWAPPER_MM_MMUFLAGS | PTE_TYPE_PAGE)
#error "SWAPPER_PAGE_FLAGS: SWAPPER_MM_MMUFLAGS with bits[1:0] = 0b11"
#endif
/* A 52-bit build never needs the extended identity map: its VA bits reach
 * any address (and on the fallback, TTBR0's 48 reach all the CPU has). */
#if VA_BITS > VA_BITS_MIN && IDMAP_EXT_PAGES
#error "52-bit builds: no extended identity map"
#endif

	.section ".data.early_pgtables", "aw", %progbits
	.balign	PAGE_SIZE
	.global	early_pgd, early_kimage_pte, early_pg_end
early_pgd:
	.fill	PAGE_SIZE, 1, 0
#if PGTABLE_LEVELS > 4
early_idmap_p4d:
	.fill	PAGE_SIZE, 1, 0
#endif
#if PGTABLE_LEVELS > 3
early_idmap_pud:
	.fill	PAGE_SIZE, 1, 0
#endif
#if PGTABLE_LEVELS > 2
	.global	early_idmap_pmd
early_idmap_pmd:
	.fill	PAGE_SIZE, 1, 0
#endif
#if PGTABLE_LEVELS > 4
early_kimage_p4d:
	.fill	PAGE_SIZE, 1, 0
#endif
#if PGTABLE_LEVELS > 3
early_kimage_pud:
	.fill	PAGE_SIZE, 1, 0
#endif
#if PGTABLE_LEVELS > 2
	.global	early_kimage_pmd
early_kimage_pmd:
	.fill	PAGE_SIZE, 1, 0
#endif
early_kimage_pte:
	.fill	PAGE_SIZE, 1, 0
early_pg_end:
/* The extended identity map: its root (IDMAP_EXT_START_LEVEL), then one
 * table per level down to level 2. */
	.global	early_idmap_ext, early_idmap_ext_end
early_idmap_ext:
	.fill	EARLY_IDMAP_EXT_SIZE, 1, 0
early_idmap_ext_end:

/* inval_entries tbl, first, last, shift, ptrs: dcache_inval_entries on
 * copies of first/last (x5, x6), line size in x12. Corrupts x4-x6. */
	.macro	inval_entries, tbl, first, last, shift, ptrs
	mov	x5, \first
	mov	x6, \last
	dcache_inval_entries \tbl, x5, x6, \shift, \ptrs, x12, x4
	.endm

/* same_index a, b, shift, bits, tmp1, tmp2: Z set when VAs \a and \b have
 * the same index (\bits wide, from \shift) in a table. */
	.macro	same_index, a, b, shift, bits, tmp1, tmp2
	ubfx	\tmp1, \a, #\shift, #\bits
	ubfx	\tmp2, \b, #\shift, #\bits
	cmp	\tmp1, \tmp2
	.endm

	.section ".head.text", "ax"
	.global	__create_page_tables
__create_page_tables:
	adrp	x0, early_pgd
	ldr	x8, =SWAPPER_MM_MMUFLAGS
#if PGTABLE_LPA2
	cbz	x26, 1f
	bic	x8, x8, #PTE_SH_MASK		// DS = 1: bits [9:8] are OA[51:50],
1:						// SH is TCR_EL1's (D8.3.1)
#endif
	mrs	x11, ctr_el0			// data cache line size, for the invalidation
	ubfx	x11, x11, #16, #4
	mov	x12, #4
	lsl	x12, x12, x11

	/* TTBR0: the image's blocks at VA = PA, in x1 (the block table):
	 * under the shared root, or (x24 = 1) under the extended identity's
	 * own root, a table per level from IDMAP_EXT_START_LEVEL to 2. */
	mov	x2, x21				// first VA (= PA)
	ldr	x3, =__image_size
	add	x3, x3, x21
	sub	x3, x3, #1			// last VA (= PA), inclusive
	cbnz	x24, 4f
#if PGTABLE_LEVELS > 4
	adrp	x11, early_idmap_p4d		// root (level -1) -> level 0 -> 1 -> 2
	create_pgd_entry x0, x2, x11, x4, x5
	adrp	x15, early_idmap_pud
	create_table_entry x11, x2, P4D_SHIFT, PTRS_PER_P4D, x15, x4, x5
	adrp	x1, early_idmap_pmd
	create_table_entry x15, x2, PUD_SHIFT, PTRS_PER_PUD, x1, x4, x5
#elif PGTABLE_LEVELS > 3
	adrp	x15, early_idmap_pud
	create_pgd_entry x0, x2, x15, x4, x5
	adrp	x1, early_idmap_pmd
	create_table_entry x15, x2, PUD_SHIFT, PTRS_PER_PUD, x1, x4, x5
#elif PGTABLE_LEVELS > 2
	adrp	x1, early_idmap_pmd
	create_pgd_entry x0, x2, x1, x4, x5
#else
	mov	x1, x0				// blocks in the root
#endif
	b	5f
4:	adrp	x1, early_idmap_ext		// the extended root
#if IDMAP_EXT_START_LEVEL == 0
	add	x13, x1, #PAGE_SIZE		// level 0 -> level 1
	create_table_entry x1, x2, LEVEL_SHIFT(0), IDMAP_EXT_PTRS_PER_ROOT, x13, x4, x5
	mov	x1, x13
#define IDMAP_EXT_L1_PTRS PTRS_PER_PTE
#else
#define IDMAP_EXT_L1_PTRS IDMAP_EXT_PTRS_PER_ROOT
#endif
	add	x13, x1, #PAGE_SIZE		// level 1 -> level 2
	create_table_entry x1, x2, LEVEL_SHIFT(1), IDMAP_EXT_L1_PTRS, x13, x4, x5
	mov	x1, x13
5:
	bic	x4, x2, #(SWAPPER_BLOCK_SIZE - 1)
	mov	x5, x2
	mov	x6, x3
	create_block_map x1, x8, x4, x5, x6, x17

	/* TTBR1: the image at the link address, its block table in x9; a
	 * table above the blocks whose entry the identity already has is
	 * the identity's (the root is shared). */
	ldr	x10, =_text			// first VA (link address)
	sub	x7, x3, x2
	add	x7, x7, x10			// last VA (link address)
#if PGTABLE_LEVELS > 4
	adrp	x13, early_kimage_p4d
	adrp	x16, early_kimage_pud
	adrp	x9, early_kimage_pmd
	same_index x10, x2, PGDIR_SHIFT, (VA_BITS - PGDIR_SHIFT), x4, x5
	b.ne	3f
	mov	x13, x11			// same root entry: the identity's level 0
	same_index x10, x2, P4D_SHIFT, (PGDIR_SHIFT - P4D_SHIFT), x4, x5
	b.ne	3f
	mov	x16, x15			// and the same level-0 entry: its level 1
	same_index x10, x2, PUD_SHIFT, (P4D_SHIFT - PUD_SHIFT), x4, x5
	csel	x9, x1, x9, eq			// and the same level-1 entry: its level 2
3:	create_pgd_entry x0, x10, x13, x4, x5
	create_table_entry x13, x10, P4D_SHIFT, PTRS_PER_P4D, x16, x4, x5
	create_table_entry x16, x10, PUD_SHIFT, PTRS_PER_PUD, x9, x4, x5
#elif PGTABLE_LEVELS > 3
	adrp	x16, early_kimage_pud
	adrp	x9, early_kimage_pmd
	cbnz	x24, 3f				// own roots: nothing shared
	same_index x10, x2, PGDIR_SHIFT, (VA_BITS - PGDIR_SHIFT), x4, x5
	b.ne	3f
	mov	x16, x15			// same root entry: the identity's level 1
	same_index x10, x2, PUD_SHIFT, (PGDIR_SHIFT - PUD_SHIFT), x4, x5
	csel	x9, x1, x9, eq			// and the same level-1 entry: its level 2
3:	create_pgd_entry x0, x10, x16, x4, x5
	create_table_entry x16, x10, PUD_SHIFT, PTRS_PER_PUD, x9, x4, x5
#elif PGTABLE_LEVELS > 2
	adrp	x9, early_kimage_pmd
	cbnz	x24, 3f				// own roots: nothing shared
	same_index x10, x2, PGDIR_SHIFT, (VA_BITS - PGDIR_SHIFT), x4, x5
	csel	x9, x1, x9, eq			// same root entry: the same level-2 table
3:	create_pgd_entry x0, x10, x9, x4, x5
#else
	mov	x9, x0
#endif
	tst	x2, #(SWAPPER_BLOCK_SIZE - 1)
	b.ne	1f
	/* A block-aligned load shares the link address's offset in its
	 * block: the identity's blocks. */
	mov	x4, x2
	mov	x5, x10
	mov	x6, x7
	create_block_map x9, x8, x4, x5, x6, x17
	/* The stores (non-cacheable, MMU off) complete before the lines that
	 * hold them are invalidated (as Linux's create_init_idmap caller). */
	dmb	sy
	inval_entries x9, x10, x7, SWAPPER_BLOCK_SHIFT, BLK_PTRS	// kernel's blocks
	b	2f
	/* Any other (page-aligned) load: pages, in a level-3 table; the
	 * blocks' flags (x8, done with) as a page's. */
1:	adrp	x14, early_kimage_pte
	create_table_entry x9, x10, SWAPPER_BLOCK_SHIFT, BLK_PTRS, x14, x4, x5
	orr	x8, x8, #PTE_TYPE_PAGE
	mov	x4, x2
	mov	x5, x10
	mov	x6, x7
	create_page_map x14, x8, x4, x5, x6, x17
	dmb	sy
	inval_entries x14, x10, x7, PAGE_SHIFT, PTRS_PER_PTE	// kernel's level 3
	inval_entries x9, x10, x10, SWAPPER_BLOCK_SHIFT, BLK_PTRS	// and its block-table entry
2:	inval_entries x1, x2, x3, SWAPPER_BLOCK_SHIFT, BLK_PTRS	// identity's blocks
	cbz	x24, 7f
	adrp	x13, early_idmap_ext		// the extended chain, after the dmb too
#if IDMAP_EXT_START_LEVEL == 0
	inval_entries x13, x2, x2, LEVEL_SHIFT(0), IDMAP_EXT_PTRS_PER_ROOT
	add	x13, x13, #PAGE_SIZE
#endif
	inval_entries x13, x2, x2, LEVEL_SHIFT(1), IDMAP_EXT_L1_PTRS
	b	6f
7:
#if PGTABLE_LEVELS > 3
	inval_entries x15, x2, x2, PUD_SHIFT, PTRS_PER_PUD	// the identity's level-1
#endif
#if PGTABLE_LEVELS > 4
	inval_entries x11, x2, x2, P4D_SHIFT, PTRS_PER_P4D	// its level-0
#endif
#if PGTABLE_LEVELS > 2
	inval_entries x0, x2, x2, PGDIR_SHIFT, PTRS_PER_PGD	// and root entries
#endif
6:
#if PGTABLE_LEVELS > 3
	inval_entries x16, x10, x10, PUD_SHIFT, PTRS_PER_PUD	// the image's level-1
#endif
#if PGTABLE_LEVELS > 4
	inval_entries x13, x10, x10, P4D_SHIFT, PTRS_PER_P4D	// its level-0
#endif
#if PGTABLE_LEVELS > 2
	inval_entries x0, x10, x10, PGDIR_SHIFT, PTRS_PER_PGD	// and root entries
#endif
	dsb	sy				// invalidations done before the MMU goes on
	adrp	x1, early_pgd			// TTBR1's root
	mov	x0, x1				// TTBR0's: the same, or the extended one
	cbz	x24, 7f
	adrp	x0, early_idmap_ext
7:
#if VA_BITS > VA_BITS_MIN
	cbnz	x26, 8f				// 52-bit VAs: the root serves both
#if PGTABLE_LEVELS > 4
	mov	x0, x11				// 4K: the level -1 folds, each half
	mov	x1, x13				// walks its own level-0 table
#elif PAGE_SHIFT == 14
	mov	x1, x16				// 16K: TTBR1 the image's level 1 (47
						// bits); TTBR0 the root (48 bits)
#else
	mov	x4, #TTBR1_BADDR_4852_OFFSET	// 64K: the root's last 64 entries
	add	x1, x1, x4
#endif
8:
#endif
	ret
	.ltorg
