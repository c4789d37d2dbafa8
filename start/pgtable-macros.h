/*
 * pgtable-macros.h - assembler macros that write early translation tables.
 *
 * Owns: create_table_entry, create_pgd_entry, create_block_map,
 * create_page_map, dcache_inval_entries, and phys_to_pte and phys_to_ttbr
 * (a 52-bit address in a descriptor's and a TTBR's fields), in the style
 * of Linux arm64 head.S (v4.14; phys_to_pte and phys_to_ttbr as its
 * assembler.h has them), for any geometry (mmu/pgtable-hwdef.h). They run
 * with the MMU off, on physical addresses. One deliberate difference from
 * v4.14: the next-level table is named by an explicit register instead of
 * being "the page after tbl", because the early map's two halves share one
 * root with a chain of tables under each of its entries (start/tables.S).
 * Assembly only.
 */
#ifndef PGTABLE_MACROS_H
#define PGTABLE_MACROS_H
#ifdef __ASSEMBLER__
#include "pgtable-hwdef.h"

/* The descriptor's address bits for a page-aligned phys (mmu/desc.h
 * phys_to_pte): with a 52-bit OA its top bits go to their own field
 * (FEAT_LPA2: OA[51:50] -> [9:8]; FEAT_LPA: OA[51:48] -> [15:12]); one
 * mask keeps both fields, the page offset's bits being zero. Nothing at
 * all where the OA is 48 bits (the default build's path stays as it is). */
#if PGTABLE_LPA2
#define PHYS_TO_PTE_ADDR_MASK (((ULL(1) << 50) - 1) & ~ULL(0xff))     /* [49:8] */
#elif PGTABLE_LPA
#define PHYS_TO_PTE_ADDR_MASK (((ULL(1) << 48) - 1) & ~ULL(0xfff))    /* [47:12] */
#endif
	.macro	phys_to_pte, pte, phys
#if PA_BITS_MAX > 48
	orr	\pte, \phys, \phys, lsr #PTE_ADDR_HIGH_SHIFT
	and	\pte, \pte, #PHYS_TO_PTE_ADDR_MASK
#else
	.ifnc	\pte, \phys
	mov	\pte, \phys
	.endif
#endif
	.endm

/* The TTBR value of a root table at phys (mmu/vabits.h phys_to_ttbr):
 * BADDR[51:48] in bits [5:2] where the build has 52-bit addresses. */
	.macro	phys_to_ttbr, ttbr, phys
#if PA_BITS_MAX > 48
	orr	\ttbr, \phys, \phys, lsr #TTBR_BADDR_HIGH_SHIFT
	and	\ttbr, \ttbr, #TTBR_BADDR_MASK_52
#else
	.ifnc	\ttbr, \phys
	mov	\ttbr, \phys
	.endif
#endif
	.endm

/*
 * create_table_entry tbl, virt, shift, ptrs, next, tmp1, tmp2
 * Write into table \tbl the entry covering \virt, at the level whose index is
 * (\virt >> \shift) & (\ptrs - 1), as a table descriptor (D8.3.1, bits[1:0] =
 * 0b11) pointing at the next-level table page \next. One level of the walk,
 * any of them (-1 to 2); a chain of them, root first, is Linux's
 * create_pgd_entry (start/tables.S writes the chains).
 *   tbl, next: physical addresses of table pages (page aligned)
 *   virt: any virtual address; shift, ptrs: immediates
 * Preserves: tbl, virt, next.  Corrupts: tmp1, tmp2.
 */
	.macro	create_table_entry, tbl, virt, shift, ptrs, next, tmp1, tmp2
	lsr	\tmp1, \virt, #\shift
	and	\tmp1, \tmp1, #(\ptrs - 1)		// index in this table
#if PA_BITS_MAX > 48
	phys_to_pte \tmp2, \next
	orr	\tmp2, \tmp2, #PMD_TYPE_TABLE		// table descriptor
#else
	orr	\tmp2, \next, #PMD_TYPE_TABLE		// table descriptor
#endif
	str	\tmp2, [\tbl, \tmp1, lsl #3]
	.endm

/*
 * create_pgd_entry tbl, virt, next, tmp1, tmp2
 * The root (PGD) entry for \virt in the PGD \tbl points at the next-level
 * table \next. Preserves: tbl, virt, next.  Corrupts: tmp1, tmp2.
 */
	.macro	create_pgd_entry, tbl, virt, next, tmp1, tmp2
	create_table_entry \tbl, \virt, PGDIR_SHIFT, PTRS_PER_PGD, \next, \tmp1, \tmp2
	.endm

/*
 * create_map tbl, flags, phys, start, end, shift, step
 * Fill table \tbl with leaf descriptors of size 1 << \shift for the
 * virtual range \start..\end (both inclusive, both in the range this table
 * covers: a full table, PTRS_PER_PTE entries), the first mapping physical \phys; \flags are the
 * descriptor's attribute and type bits.
 *   phys must be aligned to 1 << shift; start/end are rounded down to it.
 *   step: a register for 1 << shift (32 MiB and 512 MiB are no add
 *   immediate).
 * Preserves: tbl, flags.  Corrupts: phys, start, end, step (NZCV).
 */
	.macro	create_map, tbl, flags, phys, start, end, shift, step
	mov	\step, #(1 << \shift)
	lsr	\phys, \phys, #\shift
#if PA_BITS_MAX > 48
	/* A 52-bit OA: its top bits in their field (no entry of one table
	 * crosses 2^50 or 2^48: the table's span is aligned to it). */
	lsl	\phys, \phys, #\shift
	phys_to_pte \phys, \phys
	orr	\phys, \flags, \phys			// first descriptor
#else
	orr	\phys, \flags, \phys, lsl #\shift		// first descriptor
#endif
	ubfx	\start, \start, #\shift, #(PAGE_SHIFT - 3)	// first index (a full table)
	ubfx	\end, \end, #\shift, #(PAGE_SHIFT - 3)	// last index
9998:	str	\phys, [\tbl, \start, lsl #3]
	add	\start, \start, #1
	add	\phys, \phys, \step
	cmp	\start, \end
	b.ls	9998b
	.endm

/*
 * create_block_map tbl, flags, phys, start, end, step
 * create_map with early blocks (SWAPPER_BLOCK_SIZE: 2 MiB, 32 MiB or
 * 512 MiB) in the level-2 table \tbl, or the root with 2 levels (flags: a block
 * descriptor's, e.g. SWAPPER_MM_MMUFLAGS).
 * Preserves: tbl, flags.  Corrupts: phys, start, end, step (NZCV).
 */
	.macro	create_block_map, tbl, flags, phys, start, end, step
	create_map \tbl, \flags, \phys, \start, \end, SWAPPER_BLOCK_SHIFT, \step
	.endm

/*
 * create_page_map tbl, flags, phys, start, end, step
 * create_map with pages in the level-3 table \tbl (flags: a page
 * descriptor's, e.g. SWAPPER_PAGE_FLAGS).
 * Preserves: tbl, flags.  Corrupts: phys, start, end, step (NZCV).
 */
	.macro	create_page_map, tbl, flags, phys, start, end, step
	create_map \tbl, \flags, \phys, \start, \end, PAGE_SHIFT, \step
	.endm

/*
 * dcache_inval_entries tbl, start, end, shift, ptrs, line, tmp
 * Invalidate (DC IVAC, to the point of coherency) the data cache lines that
 * hold the entries of table \tbl for the virtual range \start..\end
 * (inclusive) at the level indexed by (va >> \shift) & (\ptrs - 1). Used on
 * entries just written with the MMU off (so non-cacheable): a clean line a
 * loader left for them would otherwise hide them from the table walker once
 * walks are cacheable. Only written lines need it: the rest of each table
 * was loaded as zeros and cleaned to the PoC by the loader (booting.rst).
 *   line: the data cache line size in bytes (CTR_EL0.DminLine, D17.2.34)
 * Preserves: tbl, line.  Corrupts: start, end, tmp (NZCV).
 */
	.macro	dcache_inval_entries, tbl, start, end, shift, ptrs, line, tmp
	lsr	\start, \start, #\shift
	and	\start, \start, #(\ptrs - 1)
	lsr	\end, \end, #\shift
	and	\end, \end, #(\ptrs - 1)
	add	\start, \tbl, \start, lsl #3			// first entry's address
	add	\end, \tbl, \end, lsl #3			// last entry's address
	sub	\tmp, \line, #1
	bic	\start, \start, \tmp
9997:	dc	ivac, \start
	add	\start, \start, \line
	cmp	\start, \end
	b.ls	9997b
	.endm

#endif /* __ASSEMBLER__ */
#endif /* PGTABLE_MACROS_H */
