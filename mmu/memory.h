/*
 * memory.h - the virtual memory layout and the size of the early tables.
 *
 * Owns: where things live in the 39-bit virtual address space, and the
 * formula for how many table pages the early tables need. Included by
 * assembly, C and the linker script (#defines only). No machine facts
 * (RAM, UART, load address): the boot learns them from the DTB.
 *
 * TTBR1 (VA 0xffffff80_00000000 .. 0xffffffff_ffffffff, 512 GiB; one level-1
 * entry covers 1 GiB):
 *   PAGE_OFFSET    0xffffff80_00000000  linear map of RAM (final map only),
 *                                       VA = PAGE_OFFSET + (PA - phys_memstart)
 *   KIMAGE_VADDR   0xffffffc0_00000000  the image at its link address, and in
 *                                       the same 1 GiB slot two windows the
 *                                       boot maps with the MMU on:
 *   FDT_VADDR      KIMAGE_VADDR + 1 GiB - 8 MiB: the DTB, wherever it lies
 *   CONSOLE_VADDR  KIMAGE_VADDR + 1 GiB - 2 MiB: the console UART's page
 *   POOL_VADDR     KIMAGE_VADDR + 1 GiB - 16 MiB: the boot's table pages
 *                  (taken from free RAM), where the final map's tables are
 *                  written from the early map and read from the final one
 *   STACKS_VADDR   0xffffffe0_00000000  the secondary CPUs' stacks (from
 *                                       free RAM), each above a guard page
 *   DEMAND_VADDR   0xfffffff0_00000000  nothing at boot: stub.demand's range
 *                                       and the monitor's experiments
 *   DEVICE_VADDR   0xffffffff_80000000  device registers mapped at run time
 *                                       (kernel_map_ioremap: an ioremap)
 * TTBR0 (VA 0 .. 0x7f_ffffffff): identity map of the image where it was
 * loaded; closed (TCR_EL1.EPD0) once the final map is live.
 *
 * The early map (start/tables.S) is four pages: one level-1 table that
 * TTBR0 and TTBR1 share, one level-2 table under each of its two entries
 * (identity, kernel image), and a level-3 table for the kernel image when
 * the load is not 2 MiB aligned. Sharing the root means each half also
 * sees the other's entries (at the same VA bits [38:0]): harmless aliases
 * of the same physical memory with the same attributes, listed in the
 * report and checked like everything else (mmu/memmap.c).
 */
#ifndef MEMORY_H
#define MEMORY_H

#include "pgtable-hwdef.h"

/* The layout below is written in 1 GiB level-1 slots and 2 MiB level-2
 * blocks: the default geometry's. */
#if PAGE_SHIFT != 12 || VA_BITS != 39
#error "mmu/memory.h: the layout is written for PAGE_SIZE=4K VA_BITS=39 only so far"
#endif

#define PAGE_OFFSET     VA_START
#define KIMAGE_VADDR    (VA_START + (UL(256) * SZ_1G))
/* The linear map's VA budget: RAM from the lowest bank's GiB up to this
 * far (Linux's memstart_addr; mmu/ram_layout.c) is mapped, beyond is not. */
#define LINEAR_MAP_VA_SIZE (KIMAGE_VADDR - PAGE_OFFSET)
#define FDT_VADDR       (KIMAGE_VADDR + SZ_1G - 4 * SZ_2M)
#define FDT_WINDOW_SIZE (2 * SZ_2M)                        /* a DTB of MAX_FDT_SIZE at any page offset */
#define MAX_FDT_SIZE    SZ_2M                              /* as Linux (booting.rst) */
#define CONSOLE_VADDR   (KIMAGE_VADDR + SZ_1G - SZ_2M)
#define POOL_VADDR      (KIMAGE_VADDR + SZ_1G - 8 * SZ_2M)
#define POOL_WINDOW_SIZE SZ_2M     /* the pool, aligned to its size, at its offset in a 2 MiB block */
#define STACKS_VADDR    (VA_START + (UL(384) * SZ_1G))
/* Left empty by the final map: a level-1 slot for demand paging (stub.demand,
 * mmu/demand.c) and for the monitor's map/unmap experiments (stub.shell). */
#define DEMAND_VADDR    (VA_START + (UL(448) * SZ_1G))
/* Device registers mapped at run time, bump-allocated in one level-1 slot. */
#define DEVICE_VADDR    (VA_START + (UL(510) * SZ_1G))
#define DEVICE_SPAN     SZ_1G
/* The level-1 index of KIMAGE_VADDR (TTBR0 and TTBR1 share the root). */
#define KIMAGE_L1_INDEX 256

/* The image must fit in one 2 MiB block: at its link address it is then
 * one level-2 entry (a block, or one level-3 table), and any load touches
 * at most two 2 MiB blocks of the identity map. */
#define KIMAGE_MAX_SIZE SWAPPER_BLOCK_SIZE

/* Early table pages, each a formula of the layout above (never hand-counted):
 * the shared level-1 root, the identity map's level-2 table (2 MiB blocks:
 * the image, below 2 MiB, in at most two of them, in one GiB), the kernel
 * image's level-2 table, and its level-3 table for a load that is not
 * 2 MiB aligned (4 KiB pages: then the link address's offset in its block
 * is not the load's). */
#define EARLY_PGD_PAGES    1
#define EARLY_IDMAP_PAGES  1
#define EARLY_KIMAGE_PAGES 2
#define EARLY_PG_PAGES     (EARLY_PGD_PAGES + EARLY_IDMAP_PAGES + EARLY_KIMAGE_PAGES)
#define EARLY_PG_SIZE      (EARLY_PG_PAGES * PAGE_SIZE)

/* Table pages inside the image for the early map's windows, added with
 * the MMU on: a level-3 table for each of the DTB window's two 2 MiB
 * slots, one for the console's, one for the pool window's. */
#define EARLY_WINDOW_PAGES 4
/* The boot's table pages, one contiguous piece of free RAM (the allocator
 * does not exist yet when the final map is built): the final map's root
 * and tables (a few dozen pages even for 256 GiB of RAM: the linear map
 * takes 1 GiB blocks where it can) and what the runtime API maps later
 * (device registers, the test build's pages). A map that needs more is
 * refused with XLAT_ENOMEM (exit 6). */
#define BOOT_POOL_PAGES   64

#define BOOT_STACK_SIZE   (4 * PAGE_SIZE)
/* CPUs the stub brings up (logical numbers 0 .. NR_CPUS-1, in /cpus
 * order, the boot CPU 0); those beyond are named and left off. Each
 * secondary's stack (free RAM) lies at STACKS_VADDR + n * CPU_STACK_STRIDE
 * + PAGE_SIZE, above an unmapped guard page. */
#define NR_CPUS           256
#define CPU_STACK_STRIDE  (PAGE_SIZE + BOOT_STACK_SIZE)

/* Compile-time checks of the layout (the preprocessor works in intmax_t). */
#if KIMAGE_L1_INDEX != ((KIMAGE_VADDR - VA_START) >> PGDIR_SHIFT)
#error "KIMAGE_L1_INDEX: the level-1 slot of KIMAGE_VADDR"
#endif
#if (LINEAR_MAP_VA_SIZE % SZ_1G) != 0
#error "LINEAR_MAP_VA_SIZE must be a whole number of GiB (level-1 entries)"
#endif
#if (KIMAGE_VADDR % SZ_1G) != 0 || (DEVICE_VADDR % SZ_1G) != 0 || (STACKS_VADDR % SZ_1G) != 0
#error "KIMAGE_VADDR, DEVICE_VADDR and STACKS_VADDR must each start a level-1 slot"
#endif
#if (DEMAND_VADDR % SZ_1G) != 0 || DEMAND_VADDR == KIMAGE_VADDR || DEMAND_VADDR == DEVICE_VADDR || \
    DEMAND_VADDR == STACKS_VADDR || DEMAND_VADDR < PAGE_OFFSET + LINEAR_MAP_VA_SIZE
#error "DEMAND_VADDR: a level-1 slot of its own, beyond the linear map"
#endif
#if KIMAGE_VADDR == DEVICE_VADDR || STACKS_VADDR == DEVICE_VADDR || STACKS_VADDR == KIMAGE_VADDR
#error "the kernel image, the devices and the stacks need separate level-1 slots"
#endif
#if NR_CPUS * CPU_STACK_STRIDE > SZ_1G
#error "the secondaries' stacks must fit in STACKS_VADDR's level-1 slot"
#endif
#if POOL_VADDR < KIMAGE_VADDR + KIMAGE_MAX_SIZE || FDT_VADDR < POOL_VADDR + POOL_WINDOW_SIZE || \
    CONSOLE_VADDR < FDT_VADDR + FDT_WINDOW_SIZE
#error "the pool, DTB and console windows must lie after the image, apart, in its slot"
#endif
#if (POOL_VADDR % SZ_2M) != 0 || (FDT_VADDR % SZ_2M) != 0 || (CONSOLE_VADDR % SZ_2M) != 0
#error "each window starts a level-2 entry (a level-3 table of its own)"
#endif
#if BOOT_POOL_PAGES * PAGE_SIZE > SZ_2M || (BOOT_POOL_PAGES & (BOOT_POOL_PAGES - 1)) != 0
#error "the boot pool: a power of two of pages (taken aligned to its size), at most 2 MiB"
#endif

#endif /* MEMORY_H */
