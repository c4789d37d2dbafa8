/*
 * memory.h - the virtual memory layout and the size of the early tables.
 *
 * Owns: where things live in the 39-bit virtual address space, and the
 * formula for how many table pages the early tables need. Included by
 * assembly, C and the linker script (#defines only). Board facts (RAM base,
 * UART address, load address) are not here: they are in board/<name>/.
 *
 * TTBR1 (VA 0xffffff80_00000000 .. 0xffffffff_ffffffff, 512 GiB; one level-1
 * entry covers 1 GiB):
 *   PAGE_OFFSET   0xffffff80_00000000  linear map of RAM, VA = PAGE_OFFSET + (PA - RAM base)
 *   KIMAGE_VADDR  0xffffffc0_00000000  the image, at its link address
 *   DEVICE_VADDR  0xffffffff_80000000  the board's device ranges (final map)
 *   EARLY_IO_VADDR 0xffffffff_c0000000 the console UART's 2 MiB block, Device-nGnRnE
 * TTBR0 (VA 0 .. 0x7f_ffffffff): identity map of the image where it was loaded.
 */
#ifndef MEMORY_H
#define MEMORY_H

#include "pgtable-hwdef.h"

#define VA_START        (-(UL(1) << VA_BITS))              /* first TTBR1 VA */
#define PAGE_OFFSET     VA_START
#define LINEAR_MAP_MAX_SIZE (UL(8) * SZ_1G)                /* RAM beyond this is not mapped */
#define KIMAGE_VADDR    (VA_START + (UL(256) * SZ_1G))
#define EARLY_IO_VADDR  (VA_START + (UL(511) * SZ_1G))
/* The board's device ranges in the final map: VA = DEVICE_VADDR + (PA -
 * BOARD_DEVICE_PA_BASE), all within one 1 GiB level-1 slot. */
#define DEVICE_VADDR    (VA_START + (UL(510) * SZ_1G))
#define DEVICE_SPAN     SZ_1G
#define IDMAP_VA_LIMIT  (UL(1) << VA_BITS)                 /* TTBR0 reaches below this */

/* The image must fit in one 2 MiB block: then a 2 MiB-aligned load never
 * crosses a level-1 boundary and each map of it needs one level-2 table. */
#define KIMAGE_MAX_SIZE SWAPPER_BLOCK_SIZE

/* Table pages, each a formula of the layout above (never hand-counted). */
#define IDMAP_PGD_PAGES   1
#define IDMAP_PMD_PAGES   1                                  /* image in one 1 GiB slot */
#define IDMAP_DIR_PAGES   (IDMAP_PGD_PAGES + IDMAP_PMD_PAGES)
#define LINEAR_PMD_PAGES  (LINEAR_MAP_MAX_SIZE / PGDIR_SIZE)  /* one per GiB of RAM */
#define KIMAGE_PMD_PAGES  1
#define EARLY_IO_PMD_PAGES 1
#define INIT_DIR_PAGES    (1 + LINEAR_PMD_PAGES + KIMAGE_PMD_PAGES + EARLY_IO_PMD_PAGES)
#define IDMAP_DIR_SIZE    (IDMAP_DIR_PAGES * PAGE_SIZE)
#define INIT_DIR_SIZE     (INIT_DIR_PAGES * PAGE_SIZE)

/* The final map's tables (mmu/xlat.c): its level-1 root is separate; the
 * pool holds the rest (10 pages on QEMU virt with 128 MiB to 8 GiB of RAM:
 * the linear map takes 1 GiB blocks where it can), the fault tests' and the
 * SMP bring-up's runtime mappings (2 more at most), with room to spare. A
 * board whose map needs more is refused with XLAT_ENOMEM (exit 6). */
#define FINAL_POOL_PAGES  32

#define BOOT_STACK_SIZE   (4 * PAGE_SIZE)
/* Every CPU has a stack with an unmapped guard page below it, back to back
 * from cpu_stacks: CPU n's guard is at cpu_stacks + n * CPU_STACK_STRIDE. */
#define NR_CPUS           8
#define CPU_STACK_STRIDE  (PAGE_SIZE + BOOT_STACK_SIZE)

/* Compile-time checks of the layout (the preprocessor works in intmax_t). */
#if (LINEAR_MAP_MAX_SIZE % SZ_1G) != 0
#error "LINEAR_MAP_MAX_SIZE must be a whole number of GiB (level-1 entries)"
#endif
#if (PAGE_OFFSET + LINEAR_MAP_MAX_SIZE) > KIMAGE_VADDR && PAGE_OFFSET < KIMAGE_VADDR
#error "the linear map would run into the kernel image's level-1 slot"
#endif
#if (KIMAGE_VADDR % SZ_1G) != 0 || (EARLY_IO_VADDR % SZ_1G) != 0
#error "KIMAGE_VADDR and EARLY_IO_VADDR must each start a level-1 slot"
#endif
#if KIMAGE_VADDR == EARLY_IO_VADDR || DEVICE_VADDR == EARLY_IO_VADDR || DEVICE_VADDR == KIMAGE_VADDR
#error "the kernel image, the devices and the early I/O block need separate level-1 slots"
#endif

#endif /* MEMORY_H */
