/*
 * memory.h - the virtual memory layout and the size of the early tables.
 *
 * Owns: where things live in the TTBR1 half of the virtual address space,
 * for every geometry (mmu/pgtable-hwdef.h: PAGE_SHIFT, VA_BITS), and the
 * formula for how many table pages the early tables need. Included by
 * assembly, C and the linker script (#defines only). No machine facts
 * (RAM, UART, load address): the boot learns them from the DTB.
 *
 * The layout is written as fractions of the TTBR1 span every CPU has
 * (VA_SPAN_MIN = 2^VA_BITS_MIN from VA_START_MIN: the build's whole span
 * but in a 52-bit build, whose fixed regions lie in the top 2^48, 2^47
 * with 16 KiB, so that they exist whatever VA size the CPU takes, as
 * Linux's do), so it holds for any geometry; a geometry's levels only
 * decide which entries the pieces take. The linear map alone starts at
 * the bottom of TTBR1's span this boot (PAGE_OFFSET: -2^vabits_actual,
 * Linux's _PAGE_OFFSET(vabits_actual), in a 52-bit build 2^52 below the
 * top with FEAT_LPA2 or LVA). With 4 KiB pages and 39 bits (the default,
 * 512 GiB; one level-1 entry covers 1 GiB):
 *   PAGE_OFFSET    0xffffff80_00000000  (span 0)     linear map of RAM (final
 *                                       map only), VA = PAGE_OFFSET + (PA -
 *                                       phys_memstart)
 *   KIMAGE_VADDR   0xffffffc0_00000000  (span 1/2)   the kimage region: the
 *                                       image at its link address, and in the
 *                                       same region three windows the boot
 *                                       maps with the MMU on, each starting
 *                                       an early block counted from the
 *                                       region's end:
 *   POOL_VADDR     region end - 8 blocks: the boot's table pages (taken from
 *                  free RAM), where the final map's tables are written from
 *                  the early map and read from the final one
 *   FDT_VADDR      region end - 4 blocks: the DTB, wherever it lies
 *   CONSOLE_VADDR  region end - 1 block: the console UART's page, and the
 *                  page after it, PROBE_VADDR: the page of RAM the boot
 *                  tries before it trusts a bank (start/ram.c), mapped
 *                  for one try at a time
 *   STACKS_VADDR   0xffffffe0_00000000  (span 3/4)   the secondary CPUs'
 *                                       stacks (from free RAM), each above a
 *                                       guard page
 *   DEMAND_VADDR   0xfffffff0_00000000  (span 7/8)   nothing at boot:
 *                                       stub.demand's range and the
 *                                       monitor's experiments
 *   DEVICE_VADDR   0xffffffff_80000000  (span end - 2/512) device registers
 *                                       mapped at run time (kernel_map_ioremap:
 *                                       an ioremap), 1/512 of the span
 * TTBR0 (VA 0 .. 2^VA_BITS - 1): identity map of the image where it was
 * loaded; closed (TCR_EL1.EPD0) once the final map is live.
 *
 * The early map (start/tables.S) uses blocks at level 2 (SWAPPER_BLOCK_SIZE:
 * 2 MiB, 32 MiB or 512 MiB): one root that TTBR0 and TTBR1 share; under
 * it, for each of the identity and the kernel image, one table per level
 * between the root and level 2 (none with 2 levels: the blocks are then
 * in the root); and a level-3 table for the kernel image when the load is
 * not aligned to an early block. Sharing the root means each half also
 * sees the other's entries (at the same VA bits [VA_BITS-1:0]): harmless
 * aliases of the same physical memory with the same attributes, listed in
 * the report and checked like everything else (mmu/memmap.c).
 */
#ifndef MEMORY_H
#define MEMORY_H

#include "pgtable-hwdef.h"

/* The TTBR1 span every CPU has, in parts: n/d of it from VA_START_MIN. */
#define VA_SPAN_PART(n, d) ((VA_SPAN_MIN / (d)) * (n))

/* The linear map's start: TTBR1's first VA. A 52-bit build's is this
 * boot's (C only: mmu/vabits.h); PAGE_OFFSET_MIN is where it is on every
 * CPU, and the budget below is measured from there. */
#define PAGE_OFFSET_MIN VA_START_MIN
#if VA_BITS > VA_BITS_MIN
#ifndef __ASSEMBLER__
#include "vabits.h"
#define PAGE_OFFSET     ttbr1_va_start()
#endif
#else
#define PAGE_OFFSET     VA_START
#endif
#define KIMAGE_VADDR    (VA_START_MIN + VA_SPAN_PART(1, 2))
/* The linear map's VA budget: RAM from phys_memstart (the lowest bank
 * rounded down to RAM_MEMSTART_ALIGN, Linux's memstart_addr;
 * mmu/ram_plan.c) up to this far is mapped, beyond is not. The same in
 * either VA size of a 52-bit build (the span below KIMAGE_VADDR the
 * fallback has). */
#define LINEAR_MAP_VA_SIZE (KIMAGE_VADDR - PAGE_OFFSET_MIN)
#define STACKS_VADDR    (VA_START_MIN + VA_SPAN_PART(3, 4))
/* Left empty by the final map: demand paging (stub.demand, mmu/demand.c)
 * and the monitor's map/unmap experiments (stub.shell). */
#define DEMAND_VADDR    (VA_START_MIN + VA_SPAN_PART(7, 8))
/* Device registers mapped at run time, bump-allocated; the last part of
 * the span is left empty (a fault past the end of the device window). */
#define DEVICE_SPAN     VA_SPAN_PART(1, 512)
#define DEVICE_VADDR    (VA_START_MIN + VA_SPAN_MIN - 2 * DEVICE_SPAN)

/*
 * The kimage region: the range one early table at the block level covers
 * (one level-1 entry's: 1 GiB, 64 GiB or 4 TiB), so that the windows'
 * level-3 tables hang off the image's own level-2 table, but at most 1/8
 * of the span (with 2 levels that table is the root, the whole span).
 */
#define EARLY_BLOCK_TABLE_SPAN (SWAPPER_BLOCK_SIZE << PTE_INDEX_BITS)
#define KIMAGE_REGION_SIZE \
	(EARLY_BLOCK_TABLE_SPAN < VA_SPAN_PART(1, 8) ? EARLY_BLOCK_TABLE_SPAN : VA_SPAN_PART(1, 8))
#define KIMAGE_REGION_END (KIMAGE_VADDR + KIMAGE_REGION_SIZE)
#define POOL_VADDR      (KIMAGE_REGION_END - 8 * SWAPPER_BLOCK_SIZE)
#define FDT_VADDR       (KIMAGE_REGION_END - 4 * SWAPPER_BLOCK_SIZE)
#define CONSOLE_VADDR   (KIMAGE_REGION_END - SWAPPER_BLOCK_SIZE)
/* In the console's block: its level-3 table serves both windows. */
#define PROBE_VADDR     (CONSOLE_VADDR + PAGE_SIZE)
#define MAX_FDT_SIZE    SZ_2M                              /* as Linux (booting.rst) */
/* A DTB of MAX_FDT_SIZE at any page offset: whole early blocks, each a
 * level-3 table of the window (two with 2 MiB blocks, one otherwise). */
#define FDT_WINDOW_BLOCKS \
	((MAX_FDT_SIZE + PAGE_SIZE + SWAPPER_BLOCK_SIZE - 1) / SWAPPER_BLOCK_SIZE)
#define FDT_WINDOW_SIZE (FDT_WINDOW_BLOCKS * SWAPPER_BLOCK_SIZE)
/* The pool, aligned to its size, at its offset in an early block. */
#define POOL_WINDOW_SIZE SWAPPER_BLOCK_SIZE
/* The root index of KIMAGE_VADDR in the build's largest root (TTBR0 and
 * TTBR1 share it). */
#define KIMAGE_PGD_INDEX (((KIMAGE_VADDR) & VA_LOW_MASK) >> PGDIR_SHIFT)
/* The index, in VA bits [VA_BITS-1:SWAPPER_BLOCK_SHIFT], of the early
 * block at KIMAGE_VADDR: a physical load address in that block (same
 * entry of the same table once the shared root is followed) and not
 * block aligned is refused by head.S. */
#define KIMAGE_BLOCK_INDEX (((KIMAGE_VADDR) & VA_LOW_MASK) >> SWAPPER_BLOCK_SHIFT)

/* For messages: the span of one early table at the block level, and the
 * physical range whose address has KIMAGE_VADDR's VA bits (GiB 256 with
 * 4 KiB/39: the identity would need the image's own entries). */
#if PAGE_SHIFT == 12
#define EARLY_BLOCK_TABLE_SPAN_NAME "1 GiB"
#elif PAGE_SHIFT == 14
#define EARLY_BLOCK_TABLE_SPAN_NAME "64 GiB"
#else
#define EARLY_BLOCK_TABLE_SPAN_NAME "4 TiB"
#endif
#if PAGE_SHIFT == 12 && VA_BITS == 39
#define KIMAGE_PA_ALIAS_NAME "GiB 256"
#else
#define KIMAGE_PA_ALIAS_NAME "2^" STR(VA_BITS) " / 2"
#endif

/* The image must fit in one early block: at its link address it is then
 * one block-level entry (a block, or one level-3 table), and any load
 * touches at most two blocks of the identity map. */
#define KIMAGE_MAX_SIZE SWAPPER_BLOCK_SIZE

/*
 * Early table pages, each a formula of the geometry (never hand-counted):
 * the shared root; for the identity and for the kernel image, one table
 * for each level between the root and the block level (level 2); and the
 * kernel image's level-3 table for a load that is not block aligned (then
 * the link address's offset in its block is not the load's). 4 KiB/39
 * bits: root (level 1), two level-2 tables, one level-3: 4.
 */
#define EARLY_PGD_PAGES    1
#define EARLY_TABLE_LEVELS (PGTABLE_LEVELS - 2)   /* tables below the root, above the blocks */
#define EARLY_IDMAP_PAGES  EARLY_TABLE_LEVELS
#define EARLY_KIMAGE_PAGES (EARLY_TABLE_LEVELS + 1)
#define EARLY_PG_PAGES     (EARLY_PGD_PAGES + EARLY_IDMAP_PAGES + EARLY_KIMAGE_PAGES)
#define EARLY_PG_SIZE      (EARLY_PG_PAGES * PAGE_SIZE)
/* After them, the extended identity map's pages (pgtable-hwdef.h), used
 * only when the image lies above IDMAP_VA_LIMIT; zeros in the file too. */
#define EARLY_IDMAP_EXT_SIZE (IDMAP_EXT_PAGES * PAGE_SIZE)

/* Table pages inside the image for the early map's windows, added with
 * the MMU on: a level-3 table for each of the DTB window's blocks, one
 * for the console's, one for the pool window's (all under the image's
 * level-2 table: the kimage region). */
#define EARLY_WINDOW_PAGES (FDT_WINDOW_BLOCKS + 2)
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

/* Compile-time checks of the layout (the preprocessor works in uintmax_t;
 * offsets from VA_START_MIN, so that the span's end is VA_SPAN_MIN, not 0). */
#define VA_OFF(va) ((va) - VA_START_MIN)
#if VA_OFF(LINEAR_MAP_VA_SIZE + PAGE_OFFSET_MIN) > VA_OFF(KIMAGE_VADDR)
#error "the linear map must end below the image"
#endif
#if (LINEAR_MAP_VA_SIZE % BLOCK_MAX_SIZE) != 0 || (VA_OFF(STACKS_VADDR) % BLOCK_MAX_SIZE) != 0 || \
    (VA_OFF(DEMAND_VADDR) % BLOCK_MAX_SIZE) != 0 || (VA_OFF(DEVICE_VADDR) % BLOCK_MAX_SIZE) != 0 || \
    (DEVICE_SPAN % BLOCK_MAX_SIZE) != 0
#error "the linear map, the stacks, demand and device ranges: whole largest blocks (D8.3.1)"
#endif
#if (VA_OFF(KIMAGE_VADDR) % KIMAGE_REGION_SIZE) != 0 || \
    (EARLY_BLOCK_TABLE_SPAN % KIMAGE_REGION_SIZE) != 0
#error "the kimage region: aligned to its size, inside one early table at the block level"
#endif
#if KIMAGE_REGION_SIZE < 16 * SWAPPER_BLOCK_SIZE
#error "the kimage region: the image's block and the windows' 8 blocks, at least 16 blocks"
#endif
#if VA_OFF(KIMAGE_REGION_END) > VA_OFF(STACKS_VADDR) || \
    VA_OFF(STACKS_VADDR) + NR_CPUS * CPU_STACK_STRIDE > VA_OFF(DEMAND_VADDR) || \
    VA_OFF(DEMAND_VADDR) >= VA_OFF(DEVICE_VADDR) || \
    VA_OFF(DEVICE_VADDR) + DEVICE_SPAN >= VA_SPAN_MIN
#error "in order, apart: kimage region, stacks (every CPU's), demand, devices, an empty end"
#endif
#if VA_OFF(POOL_VADDR) < VA_OFF(KIMAGE_VADDR) + KIMAGE_MAX_SIZE || \
    VA_OFF(FDT_VADDR) < VA_OFF(POOL_VADDR) + POOL_WINDOW_SIZE || \
    VA_OFF(CONSOLE_VADDR) < VA_OFF(FDT_VADDR) + FDT_WINDOW_SIZE || \
    VA_OFF(CONSOLE_VADDR) + SWAPPER_BLOCK_SIZE > VA_OFF(KIMAGE_REGION_END)
#error "the pool, DTB and console windows must lie after the image, apart, in its region"
#endif
#if SWAPPER_BLOCK_SIZE < 2 * PAGE_SIZE
#error "the probe window is the page after the console's, in its block"
#endif
#if (VA_OFF(POOL_VADDR) % SWAPPER_BLOCK_SIZE) != 0 || (VA_OFF(FDT_VADDR) % SWAPPER_BLOCK_SIZE) != 0 || \
    (VA_OFF(CONSOLE_VADDR) % SWAPPER_BLOCK_SIZE) != 0
#error "each window starts an early block (a level-3 table of its own)"
#endif
#if KIMAGE_BLOCK_INDEX != (VA_SPAN - VA_SPAN_MIN / 2) >> SWAPPER_BLOCK_SHIFT || \
    KIMAGE_PGD_INDEX != KIMAGE_BLOCK_INDEX >> (PGDIR_SHIFT - SWAPPER_BLOCK_SHIFT) || \
    (VA_BITS == VA_BITS_MIN && KIMAGE_PGD_INDEX != PTRS_PER_PGD / 2)
#error "KIMAGE_PGD_INDEX, KIMAGE_BLOCK_INDEX: the image at the middle of the span every CPU has"
#endif
#if BOOT_POOL_PAGES * PAGE_SIZE > POOL_WINDOW_SIZE || (BOOT_POOL_PAGES & (BOOT_POOL_PAGES - 1)) != 0
#error "the boot pool: a power of two of pages (taken aligned to its size), in one early block"
#endif

#endif /* MEMORY_H */
