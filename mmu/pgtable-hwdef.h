/*
 * pgtable-hwdef.h - translation-table geometry and descriptor bits.
 *
 * Owns: every architectural constant of the VMSAv8-64 stage 1 format this
 * stub uses, for the geometry of the build (granule and VA_BITS, the
 * levels derived from them), named as the Linux arm64 kernel names them. Included by assembly (start/), C (mmu/, host
 * tests) and the linker script, so it holds only #defines.
 * Reference: Arm ARM (DDI 0487) D8.3 "Translation table descriptor formats".
 */
#ifndef PGTABLE_HWDEF_H
#define PGTABLE_HWDEF_H

#ifdef __ASSEMBLER__
#define UL(x) x
#define ULL(x) x
#else
#define UL(x) (x##UL)
#define ULL(x) (x##ULL)
#endif

/* A number as a string (STR(VA_BITS) is "39"). */
#define STR_(x) #x
#define STR(x)  STR_(x)

#define SZ_4K   0x00001000
#define SZ_64K  0x00010000
#define SZ_2M   0x00200000
#define SZ_1G   0x40000000

/*
 * Geometry (Arm ARM D8.2 "Translation granules", D8.2.7 the walk's start
 * level). The build gives PAGE_SHIFT (12, 14 or 16: the 4, 16 or 64 KiB
 * granule) and VA_BITS (-D, from the Makefile's PAGE_SIZE and VA_BITS);
 * without them, the default: 4 KiB, 39 bits. Everything else is derived.
 * Each table is one page of 8-byte descriptors, so each level resolves
 * PAGE_SHIFT - 3 VA bits; the page offset takes PAGE_SHIFT.
 */
#ifndef PAGE_SHIFT
#define PAGE_SHIFT     12
#endif
#ifndef VA_BITS
#define VA_BITS        39
#endif

/* The combinations Linux arm64 offers (CONFIG_ARM64_VA_BITS per granule;
 * the same list as mmu/geometry.mk's GEOMETRIES). */
#if !((PAGE_SHIFT == 12 && (VA_BITS == 39 || VA_BITS == 48 || VA_BITS == 52)) || \
      (PAGE_SHIFT == 14 && (VA_BITS == 36 || VA_BITS == 47 || VA_BITS == 48 || VA_BITS == 52)) || \
      (PAGE_SHIFT == 16 && (VA_BITS == 42 || VA_BITS == 48 || VA_BITS == 52)))
#error "unsupported geometry: allowed PAGE_SIZE=4K VA_BITS=39|48|52; 16K 36|47|48|52; 64K 42|48|52"
#endif

/*
 * 52-bit geometries (Linux's CONFIG_ARM64_VA_BITS_52). A TxSZ below 16 is
 * a 52-bit VA: with the 4 and 16 KiB granules it needs FEAT_LPA2 and
 * TCR_EL1.DS = 1, which also changes the descriptors (below); with 64 KiB
 * FEAT_LVA, and FEAT_LPA for 52-bit output addresses (D8.2.7, D8.3). A CPU
 * without them runs the same Image at VA_BITS_MIN (Linux's): 48 bits, 47
 * with 16 KiB, whose walk then starts one level lower (the top level
 * folded: 4K 5 -> 4 levels, 16K 4 -> 3); 64 KiB keeps its 3 levels with a
 * smaller root. start/head.S decides before the MMU is on; the C code
 * reads the decision back (mmu/vabits.h). Every other geometry:
 * VA_BITS_MIN is VA_BITS and nothing is decided at run time.
 */
#if VA_BITS == 52 && PAGE_SHIFT == 14
#define VA_BITS_MIN    47
#elif VA_BITS == 52
#define VA_BITS_MIN    48
#else
#define VA_BITS_MIN    VA_BITS
#endif
/* What a 52-bit VA needs with the build's granule, for messages. */
#if PAGE_SHIFT == 16
#define VA52_FEATURE_NAME "FEAT_LVA"
#else
#define VA52_FEATURE_NAME "FEAT_LPA2"
#endif
/* Descriptors holding a 52-bit output address: FEAT_LPA2's (4 and 16 KiB,
 * when TCR_EL1.DS = 1) or FEAT_LPA's (64 KiB). */
#define PGTABLE_LPA2   (VA_BITS == 52 && PAGE_SHIFT != 16)
#define PGTABLE_LPA    (VA_BITS == 52 && PAGE_SHIFT == 16)
/* The widest output address the build's descriptors can hold (Linux's
 * PHYS_MASK_SHIFT with CONFIG_ARM64_PA_BITS_52, or 48). */
#if VA_BITS == 52
#define PA_BITS_MAX    52
#else
#define PA_BITS_MAX    48
#endif

#define PAGE_SIZE      (UL(1) << PAGE_SHIFT)
/* VA bits one table resolves: a page of 8-byte descriptors. */
#define PTE_INDEX_BITS (PAGE_SHIFT - 3)
/*
 * Levels of the walk, as Linux's ARM64_HW_PGTABLE_LEVELS: the VA bits
 * above the page offset, a level per PTE_INDEX_BITS, rounded up; written
 * (VA_BITS - 4) / (PAGE_SHIFT - 3) = ceil((VA_BITS - PAGE_SHIFT) /
 * (PAGE_SHIFT - 3)) since PAGE_SHIFT - 4 = (PAGE_SHIFT - 3) - 1.
 */
#define HW_PGTABLE_LEVELS(va_bits) (((va_bits) - 4) / PTE_INDEX_BITS)
/* The build's levels: its largest VA (5 with 4K/52, the root at level -1,
 * FEAT_LPA2's D8.2.7); PGTABLE_LEVELS_MIN where the CPU runs VA_BITS_MIN. */
#define PGTABLE_LEVELS  HW_PGTABLE_LEVELS(VA_BITS)
#define PGTABLE_LEVELS_MIN HW_PGTABLE_LEVELS(VA_BITS_MIN)
/* The architectural level of the root (D8.2.7): levels end at 3. */
#define PGTABLE_START_LEVEL (4 - PGTABLE_LEVELS)
/* The lowest VA bit that architectural level n (-1..3) indexes. */
#define LEVEL_SHIFT(n) (PAGE_SHIFT + (3 - (n)) * PTE_INDEX_BITS)

/*
 * Linux's names for the levels, counted from the bottom: pte (level 3),
 * pmd (level 2), pud (level 1), p4d (level 0 under a level -1 root), pgd
 * (the root, whatever its level). A level the walk does not have is
 * folded, as Linux's pgtable-nopmd.h, pgtable-nopud.h and pgtable-nop4d.h
 * fold it: one entry, its shift the pgd's.
 */
#define PTRS_PER_PTE   (1 << PTE_INDEX_BITS)
#define PGDIR_SHIFT    LEVEL_SHIFT(PGTABLE_START_LEVEL)
#define PGDIR_SIZE     (UL(1) << PGDIR_SHIFT)
#define PTRS_PER_PGD   (1 << (VA_BITS - PGDIR_SHIFT))
#if PGTABLE_LEVELS > 2
#define PMD_SHIFT      LEVEL_SHIFT(2)
#define PTRS_PER_PMD   PTRS_PER_PTE
#else
#define PMD_SHIFT      PGDIR_SHIFT
#define PTRS_PER_PMD   1
#endif
#if PGTABLE_LEVELS > 3
#define PUD_SHIFT      LEVEL_SHIFT(1)
#define PTRS_PER_PUD   PTRS_PER_PTE
#else
#define PUD_SHIFT      PGDIR_SHIFT
#define PTRS_PER_PUD   1
#endif
#if PGTABLE_LEVELS > 4
#define P4D_SHIFT      LEVEL_SHIFT(0)
#define PTRS_PER_P4D   PTRS_PER_PTE
#else
#define P4D_SHIFT      PGDIR_SHIFT
#define PTRS_PER_P4D   1
#endif
#define PMD_SIZE       (UL(1) << PMD_SHIFT)
#define PUD_SIZE       (UL(1) << PUD_SHIFT)

/* What the walk's levels must give (the formula's checks): the root
 * resolves the VA bits left over, 1 to PTE_INDEX_BITS of them, and every
 * level but the root is a whole table. */
#if PGTABLE_LEVELS < 2 || PGTABLE_LEVELS > 5 || (PGTABLE_LEVELS > 4 && PAGE_SHIFT != 12)
#error "geometry: 2 to 4 levels, 5 only with 4 KiB pages (FEAT_LPA2)"
#endif
#if VA_BITS_MIN < VA_BITS && (HW_PGTABLE_LEVELS(VA_BITS_MIN) + (PAGE_SHIFT == 16 ? 0 : 1) != PGTABLE_LEVELS)
#error "geometry: the 52-bit fallback folds the top level (4K, 16K) or keeps the levels (64K)"
#endif
#if PGDIR_SHIFT + PTE_INDEX_BITS < VA_BITS || PGDIR_SHIFT >= VA_BITS
#error "geometry: the root resolves 1 to PAGE_SHIFT - 3 VA bits"
#endif
#if PAGE_SHIFT == 12 && VA_BITS == 39 && \
    (PGDIR_SHIFT != 30 || PMD_SHIFT != 21 || PTRS_PER_PGD != 512 || PGTABLE_LEVELS != 3)
#error "geometry: 4 KiB granule with VA_BITS=39 must give 3 levels of 512 entries"
#endif

/* The two halves (D8.2, T0SZ = T1SZ = 64 - VA_BITS): TTBR0 translates
 * [0, 2^VA_BITS), TTBR1 the top 2^VA_BITS of the address space. With a
 * 52-bit build these are the largest halves, where the CPU has them; the
 * top 2^VA_BITS_MIN of the address space is TTBR1's on every CPU. */
#define VA_SPAN         (ULL(1) << VA_BITS)
#define VA_START        (-(UL(1) << VA_BITS))              /* first TTBR1 VA */
#define VA_LOW_MASK     ((UL(1) << VA_BITS) - 1)           /* the bits a walk indexes */
#define IDMAP_VA_LIMIT  (UL(1) << VA_BITS)                 /* TTBR0 reaches below this */
/* TTBR0's VA bits on a CPU that runs VA_BITS_MIN: the build's, or in a
 * 52-bit build 48 (whatever the granule: the identity of any PA such a
 * CPU has; 16 KiB's 52-bit root then walked by its first 2 entries). */
#if VA_BITS > VA_BITS_MIN
#define IDMAP_VA_BITS_MIN 48
#else
#define IDMAP_VA_BITS_MIN VA_BITS
#endif
#define VA_SPAN_MIN     (ULL(1) << VA_BITS_MIN)
#define VA_START_MIN    (-(UL(1) << VA_BITS_MIN))

/* TTBR_EL1.BADDR (D17.2.136): the root's address, bits [47:1] (its low
 * bits zero down to the root's size); with a 52-bit output address,
 * BADDR[51:48] in bits [5:2], and the root at least 64-byte aligned. */
#define TTBR_BADDR_MASK      (((ULL(1) << 48) - 1) & ~ULL(1))
#define TTBR_BADDR_MASK_52   (((ULL(1) << 48) - 1) & ~ULL(3))
#define TTBR_BADDR_HIGH      (ULL(0xf) << 2)              /* BADDR[51:48] */
#define TTBR_BADDR_HIGH_SHIFT 46
#define TTBR_ROOT_ALIGN_52   64
/* 64K/52 on a CPU without FEAT_LVA (Linux's TTBR1_BADDR_4852_OFFSET): the
 * root of 1024 entries is walked with 48-bit VAs as its last 64, so
 * TTBR1 points there; the 52-bit index of a VA in the top 2^48 is the
 * 48-bit one plus 960 (TTBR0's low VAs are the first 64 either way). */
#if PGTABLE_LPA
#define TTBR1_BADDR_4852_OFFSET \
	(((UL(1) << (52 - PGDIR_SHIFT)) - (UL(1) << (48 - PGDIR_SHIFT))) * 8)
#if TTBR1_BADDR_4852_OFFSET % TTBR_ROOT_ALIGN_52
#error "TTBR1_BADDR_4852_OFFSET: the 48-bit root at least 64-byte aligned"
#endif
#endif

/* The extended identity map (start/tables.S, as Linux's idmap with its own
 * T0SZ): an image above IDMAP_VA_LIMIT is mapped at VA = PA by TTBR0 with
 * T0SZ for 48 bits and the levels that take, one or two more than the
 * build's; TTBR1 keeps VA_BITS. Its tables: the root and one per level
 * down to the block level (2), in the image (memory.h). */
#define IDMAP_EXT_VA_BITS      48
#define IDMAP_EXT_LEVELS       HW_PGTABLE_LEVELS(IDMAP_EXT_VA_BITS)
#define IDMAP_EXT_START_LEVEL  (4 - IDMAP_EXT_LEVELS)
#define IDMAP_EXT_ROOT_SHIFT   LEVEL_SHIFT(IDMAP_EXT_START_LEVEL)
#define IDMAP_EXT_PTRS_PER_ROOT (1 << (IDMAP_EXT_VA_BITS - IDMAP_EXT_ROOT_SHIFT))
#if VA_BITS < IDMAP_EXT_VA_BITS
#define IDMAP_EXT_PAGES        (IDMAP_EXT_LEVELS - 1)
#else
#define IDMAP_EXT_PAGES        0                   /* VA_BITS reach as far */
#endif

/* Block descriptors (D8.3.1, without FEAT_LPA/LPA2): at levels 1 and 2
 * with the 4 KiB granule, at level 2 only with 16 and 64 KiB. The stub
 * writes no larger block in any geometry (FEAT_LPA2 adds level 0 with
 * 4 KiB and level 1 with 16 KiB: mmu/desc.h reads them). */
#define BLOCK_MIN_LEVEL ((PAGE_SHIFT) == 12 ? 1 : 2)
/* The largest block: 1 GiB, 32 MiB or 512 MiB. */
#define BLOCK_MAX_SHIFT LEVEL_SHIFT(BLOCK_MIN_LEVEL)
#define BLOCK_MAX_SIZE  (UL(1) << BLOCK_MAX_SHIFT)

/* The early tables use blocks at level 2, the level above the pages, as
 * Linux's swapper does with 4 KiB pages: 2 MiB, 32 MiB or 512 MiB. */
#define SWAPPER_BLOCK_SHIFT  LEVEL_SHIFT(2)
#define SWAPPER_BLOCK_SIZE   (UL(1) << SWAPPER_BLOCK_SHIFT)

/* The granule and the early block in words, for messages and the report. */
#if PAGE_SHIFT == 12
#define PAGE_SIZE_NAME  "4 KiB"
#define GRANULE_NAME    "4K"
#define SWAPPER_BLOCK_NAME "2 MiB"
#elif PAGE_SHIFT == 14
#define PAGE_SIZE_NAME  "16 KiB"
#define GRANULE_NAME    "16K"
#define SWAPPER_BLOCK_NAME "32 MiB"
#else
#define PAGE_SIZE_NAME  "64 KiB"
#define GRANULE_NAME    "64K"
#define SWAPPER_BLOCK_NAME "512 MiB"
#endif

/* Descriptor type, bits[1:0] (D8.3.1). */
#define PMD_TYPE_MASK   (UL(3) << 0)
#define PMD_TYPE_FAULT  (UL(0) << 0)
#define PMD_TYPE_TABLE  (UL(3) << 0)
#define PMD_TYPE_SECT   (UL(1) << 0)
#define PTE_TYPE_MASK   (UL(3) << 0)
#define PTE_TYPE_PAGE   (UL(3) << 0)

/* Lower attributes of block and page descriptors (D8.3.2). */
#define PTE_ATTRINDX(t) ((t) << 2)           /* AttrIndx[2:0], index into MAIR */
#define PTE_ATTRINDX_MASK (UL(7) << 2)
#define PTE_USER        (UL(1) << 6)         /* AP[1]: EL0 access */
#define PTE_RDONLY      (UL(1) << 7)         /* AP[2]: read-only */
#define PTE_SHARED      (UL(3) << 8)         /* SH[1:0] = inner shareable */
#define PTE_SH_MASK     (UL(3) << 8)
/* SH of every mapping with FEAT_LPA2's format (TCR_EL1.DS = 1: the
 * descriptor has no SH field, TCR_EL1.SH1/SH0 give it, D8.3.1): tcr.c
 * writes inner shareable. */
#define PTE_SH_TCR      3
#define PTE_AF          (UL(1) << 10)        /* access flag: no AF fault */
#define PTE_NG          (UL(1) << 11)        /* not global */
#define PTE_PXN         (ULL(1) << 53)       /* privileged execute-never */
#define PTE_UXN         (ULL(1) << 54)       /* unprivileged execute-never */
#define PMD_SECT_USER   PTE_USER
#define PMD_SECT_RDONLY PTE_RDONLY
#define PMD_SECT_S      PTE_SHARED
#define PMD_SECT_AF     PTE_AF
#define PMD_SECT_PXN    PTE_PXN
#define PMD_SECT_UXN    PTE_UXN
#define PMD_ATTRINDX(t) PTE_ATTRINDX(t)

/* Output address field of a table, block or page descriptor (D8.3.1,
 * D8.3.2; the next table's address the same way): bits[47:PAGE_SHIFT]
 * for a 48-bit OA. FEAT_LPA2 (TCR_EL1.DS = 1): bits[49:PAGE_SHIFT], and
 * OA[51:50] in bits[9:8] (where SH is otherwise). FEAT_LPA with 64 KiB:
 * bits[47:16], and OA[51:48] in bits[15:12]. mmu/desc.h moves an address
 * in and out (Linux's __phys_to_pte_val, __pte_to_phys); PTE_ADDR_MASK,
 * the whole field, exists where it is one piece. */
#if PGTABLE_LPA2
#define PTE_ADDR_LOW    (((ULL(1) << (50 - PAGE_SHIFT)) - 1) << PAGE_SHIFT)
#define PTE_ADDR_HIGH   (ULL(3) << 8)
#define PTE_ADDR_HIGH_SHIFT 42                     /* OA[51:50] >> 42 = bits[9:8] */
#elif PGTABLE_LPA
#define PTE_ADDR_LOW    (((ULL(1) << (48 - PAGE_SHIFT)) - 1) << PAGE_SHIFT)
#define PTE_ADDR_HIGH   (ULL(0xf) << 12)
#define PTE_ADDR_HIGH_SHIFT 36                     /* OA[51:48] >> 36 = bits[15:12] */
#else
#define PTE_ADDR_LOW    (((ULL(1) << (48 - PAGE_SHIFT)) - 1) << PAGE_SHIFT)
#define PTE_ADDR_MASK   PTE_ADDR_LOW
#endif

/*
 * Memory types: index into MAIR_EL1, as in Linux (arch/arm64/include/asm/
 * memory.h). The attribute byte for each index is in MAIR_EL1_VALUE.
 */
#define MT_DEVICE_nGnRnE 0
#define MT_DEVICE_nGnRE  1
#define MT_DEVICE_GRE    2
#define MT_NORMAL_NC     3
#define MT_NORMAL        4

#define MAIR_ATTR_DEVICE_nGnRnE 0x00
#define MAIR_ATTR_DEVICE_nGnRE  0x04
#define MAIR_ATTR_DEVICE_GRE    0x0c
#define MAIR_ATTR_NORMAL_NC     0x44
#define MAIR_ATTR_NORMAL        0xff   /* inner/outer write-back, RW-allocate */
#define MAIR_ATTRIDX(attr, idx) (ULL(attr) << ((idx) * 8))
#define MAIR_EL1_VALUE ( \
	MAIR_ATTRIDX(MAIR_ATTR_DEVICE_nGnRnE, MT_DEVICE_nGnRnE) | \
	MAIR_ATTRIDX(MAIR_ATTR_DEVICE_nGnRE, MT_DEVICE_nGnRE) | \
	MAIR_ATTRIDX(MAIR_ATTR_DEVICE_GRE, MT_DEVICE_GRE) | \
	MAIR_ATTRIDX(MAIR_ATTR_NORMAL_NC, MT_NORMAL_NC) | \
	MAIR_ATTRIDX(MAIR_ATTR_NORMAL, MT_NORMAL))

/* The early (swapper-style) mapping flags: one set of permissions each. */
#define SWAPPER_MM_MMUFLAGS  (PMD_TYPE_SECT | PMD_SECT_AF | PMD_SECT_S | PMD_ATTRINDX(MT_NORMAL))
/* The same as level-3 page descriptors (bits[1:0] = 0b11, D8.3.2). */
#define SWAPPER_PAGE_FLAGS   ((SWAPPER_MM_MMUFLAGS & ~PMD_TYPE_MASK) | PTE_TYPE_PAGE)
#define LINEAR_MM_MMUFLAGS   (SWAPPER_MM_MMUFLAGS | PMD_SECT_PXN | PMD_SECT_UXN)
#define DEVICE_MM_MMUFLAGS   (PMD_TYPE_SECT | PMD_SECT_AF | PMD_ATTRINDX(MT_DEVICE_nGnRnE) | \
			      PMD_SECT_PXN | PMD_SECT_UXN)

#endif /* PGTABLE_HWDEF_H */
