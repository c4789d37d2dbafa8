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
 *   PAGE_OFFSET    0xffffff80_00000000  linear map of RAM (final map only),
 *                                       VA = PAGE_OFFSET + (PA - RAM base)
 *   KIMAGE_VADDR   0xffffffc0_00000000  the image at its link address, and in
 *                                       the same 1 GiB slot two windows the
 *                                       boot maps with the MMU on:
 *   FDT_VADDR      KIMAGE_VADDR + 1 GiB - 8 MiB: the DTB, wherever it lies
 *   CONSOLE_VADDR  KIMAGE_VADDR + 1 GiB - 2 MiB: the console UART's page
 *   DEVICE_VADDR   0xffffffff_80000000  the board's device ranges (final map)
 *   SCRATCH_VADDR  0xffffffe0_00000000  one page mapped for a moment (SMP)
 * TTBR0 (VA 0 .. 0x7f_ffffffff): identity map of the image where it was
 * loaded; closed (TCR_EL1.EPD0) once the final map is live.
 *
 * The early map (start/tables.S) is three pages: one level-1 table that
 * TTBR0 and TTBR1 share, and one level-2 table under each of its two
 * entries (identity, kernel image). Sharing the root means each half also
 * sees the other's entries (at the same VA bits [38:0]): harmless aliases
 * of the same physical memory with the same attributes, listed in the
 * report and checked like everything else (mmu/memmap.c).
 */
#ifndef MEMORY_H
#define MEMORY_H

#include "pgtable-hwdef.h"

#define VA_START        (-(UL(1) << VA_BITS))              /* first TTBR1 VA */
#define VA_LOW_MASK     ((UL(1) << VA_BITS) - 1)           /* the bits a walk indexes */
#define PAGE_OFFSET     VA_START
#define LINEAR_MAP_MAX_SIZE (UL(8) * SZ_1G)                /* RAM beyond this is not mapped */
#define KIMAGE_VADDR    (VA_START + (UL(256) * SZ_1G))
#define FDT_VADDR       (KIMAGE_VADDR + SZ_1G - 4 * SZ_2M)
#define FDT_WINDOW_SIZE (2 * SZ_2M)                        /* a DTB of MAX_FDT_SIZE at any page offset */
#define MAX_FDT_SIZE    SZ_2M                              /* as Linux (booting.rst) */
#define CONSOLE_VADDR   (KIMAGE_VADDR + SZ_1G - SZ_2M)
#define SCRATCH_VADDR   (VA_START + (UL(384) * SZ_1G))
/* The board's device ranges in the final map: VA = DEVICE_VADDR + (PA -
 * BOARD_DEVICE_PA_BASE), all within one 1 GiB level-1 slot. */
#define DEVICE_VADDR    (VA_START + (UL(510) * SZ_1G))
#define DEVICE_SPAN     SZ_1G
#define IDMAP_VA_LIMIT  (UL(1) << VA_BITS)                 /* TTBR0 reaches below this */

/* The image must fit in one 2 MiB block: then a 2 MiB-aligned load never
 * crosses a level-1 boundary and each map of it is one level-2 entry. */
#define KIMAGE_MAX_SIZE SWAPPER_BLOCK_SIZE

/* Early table pages, each a formula of the layout above (never hand-counted):
 * the shared level-1 root, the identity map's level-2 table, the kernel
 * image's level-2 table. */
#define EARLY_PGD_PAGES    1
#define EARLY_IDMAP_PAGES  1                     /* image in one 2 MiB block */
#define EARLY_KIMAGE_PAGES 1
#define EARLY_PG_PAGES     (EARLY_PGD_PAGES + EARLY_IDMAP_PAGES + EARLY_KIMAGE_PAGES)
#define EARLY_PG_SIZE      (EARLY_PG_PAGES * PAGE_SIZE)

/* Table pages for what the boot maps with the MMU on: the windows in the
 * early map (one level-3 table each for the DTB's two 2 MiB slots and the
 * console), the final map (its level-1 root is separate; 10 pages on QEMU
 * virt with 128 MiB to 8 GiB of RAM: the linear map takes 1 GiB blocks
 * where it can), the fault tests' and SMP bring-up's runtime mappings, with
 * room to spare. A board whose map needs more is refused with XLAT_ENOMEM
 * (exit 6). */
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
#if (KIMAGE_VADDR % SZ_1G) != 0 || (DEVICE_VADDR % SZ_1G) != 0 || (SCRATCH_VADDR % SZ_1G) != 0
#error "KIMAGE_VADDR, DEVICE_VADDR and SCRATCH_VADDR must each start a level-1 slot"
#endif
#if KIMAGE_VADDR == DEVICE_VADDR || SCRATCH_VADDR == DEVICE_VADDR || SCRATCH_VADDR == KIMAGE_VADDR
#error "the kernel image, the devices and the scratch page need separate level-1 slots"
#endif
#if FDT_VADDR < KIMAGE_VADDR + KIMAGE_MAX_SIZE || CONSOLE_VADDR < FDT_VADDR + FDT_WINDOW_SIZE
#error "the DTB and console windows must lie after the image, apart, in its slot"
#endif
#if (FDT_VADDR % SZ_2M) != 0 || (CONSOLE_VADDR % SZ_2M) != 0
#error "each window starts a level-2 entry (a level-3 table of its own)"
#endif

#endif /* MEMORY_H */
