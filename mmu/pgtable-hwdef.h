/*
 * pgtable-hwdef.h - translation-table geometry and descriptor bits.
 *
 * Owns: every architectural constant of the VMSAv8-64 stage 1 format this
 * stub uses (4 KiB granule, VA_BITS=39, three levels), named as the Linux
 * arm64 kernel names them. Included by assembly (start/), C (mmu/, host
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

#define SZ_4K   0x00001000
#define SZ_64K  0x00010000
#define SZ_2M   0x00200000
#define SZ_1G   0x40000000

/* Geometry: 4 KiB granule, 39-bit VA, so levels 1, 2 and 3 (D8.2.7). */
#define VA_BITS        39
#define PAGE_SHIFT     12
#define PAGE_SIZE      (UL(1) << PAGE_SHIFT)
#define PTRS_PER_PTE   (1 << (PAGE_SHIFT - 3))          /* 512 */
#define PTRS_PER_PMD   PTRS_PER_PTE
#define PTRS_PER_PGD   (1 << (VA_BITS - PGDIR_SHIFT))   /* 512 */
#define PMD_SHIFT      (PAGE_SHIFT + (PAGE_SHIFT - 3))  /* 21 */
#define PMD_SIZE       (UL(1) << PMD_SHIFT)
#define PGDIR_SHIFT    (PMD_SHIFT + (PAGE_SHIFT - 3))   /* 30 */
#define PGDIR_SIZE     (UL(1) << PGDIR_SHIFT)

/* The early tables use 2 MiB level-2 blocks, as Linux's swapper does. */
#define SWAPPER_BLOCK_SHIFT  PMD_SHIFT
#define SWAPPER_BLOCK_SIZE   PMD_SIZE

#if PGDIR_SHIFT != 30 || PMD_SHIFT != 21 || PTRS_PER_PGD != 512
#error "geometry: 4 KiB granule with VA_BITS=39 must give 3 levels of 512 entries"
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
