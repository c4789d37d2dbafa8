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
#if !((PAGE_SHIFT == 12 && (VA_BITS == 39 || VA_BITS == 48)) || \
      (PAGE_SHIFT == 14 && (VA_BITS == 36 || VA_BITS == 47 || VA_BITS == 48)) || \
      (PAGE_SHIFT == 16 && (VA_BITS == 42 || VA_BITS == 48)))
#error "unsupported geometry: allowed PAGE_SIZE=4K VA_BITS=39|48; 16K 36|47|48; 64K 42|48"
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
#define PGTABLE_LEVELS  HW_PGTABLE_LEVELS(VA_BITS)
/* The architectural level of the root (D8.2.7): levels end at 3. */
#define PGTABLE_START_LEVEL (4 - PGTABLE_LEVELS)
/* The lowest VA bit that architectural level n (0..3) indexes. */
#define LEVEL_SHIFT(n) (PAGE_SHIFT + (3 - (n)) * PTE_INDEX_BITS)

/*
 * Linux's names for the levels, counted from the bottom: pte (level 3),
 * pmd (level 2), pud (level 1), pgd (the root, whatever its level). A
 * level the walk does not have is folded, as Linux's pgtable-nopmd.h and
 * pgtable-nopud.h fold it: one entry, its shift the pgd's.
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
#define PMD_SIZE       (UL(1) << PMD_SHIFT)
#define PUD_SIZE       (UL(1) << PUD_SHIFT)

/* What the walk's levels must give (the formula's checks): the root
 * resolves the VA bits left over, 1 to PTE_INDEX_BITS of them, and every
 * level but the root is a whole table. */
#if PGTABLE_LEVELS < 2 || PGTABLE_LEVELS > 4
#error "geometry: 2 to 4 levels"
#endif
#if PGDIR_SHIFT + PTE_INDEX_BITS < VA_BITS || PGDIR_SHIFT >= VA_BITS
#error "geometry: the root resolves 1 to PAGE_SHIFT - 3 VA bits"
#endif
#if PAGE_SHIFT == 12 && VA_BITS == 39 && \
    (PGDIR_SHIFT != 30 || PMD_SHIFT != 21 || PTRS_PER_PGD != 512 || PGTABLE_LEVELS != 3)
#error "geometry: 4 KiB granule with VA_BITS=39 must give 3 levels of 512 entries"
#endif

/* The two halves (D8.2, T0SZ = T1SZ = 64 - VA_BITS): TTBR0 translates
 * [0, 2^VA_BITS), TTBR1 the top 2^VA_BITS of the address space. */
#define VA_SPAN         (ULL(1) << VA_BITS)
#define VA_START        (-(UL(1) << VA_BITS))              /* first TTBR1 VA */
#define VA_LOW_MASK     ((UL(1) << VA_BITS) - 1)           /* the bits a walk indexes */
#define IDMAP_VA_LIMIT  (UL(1) << VA_BITS)                 /* TTBR0 reaches below this */

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
 * with the 4 KiB granule, at level 2 only with 16 and 64 KiB. */
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

/* Output address field of a descriptor, bits[47:12] (48-bit OA). */
#define PTE_ADDR_LOW    (((ULL(1) << (48 - PAGE_SHIFT)) - 1) << PAGE_SHIFT)
#define PTE_ADDR_MASK   PTE_ADDR_LOW

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
