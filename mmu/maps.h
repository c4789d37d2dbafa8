/*
 * maps.h - the maps' specification: the regions of the early map and of
 * the final map.
 *
 * Owns: struct boot_layout (the facts of this boot: where the image was
 * loaded, its link address, where the DTB lies, the linear ranges (a view
 * of the RAM plan's, which owns them), the console UART, the free RAM the
 * boot took for its tables and stacks), the image's link symbols, the
 * regions each map must hold, computed only from those facts, never from
 * the tables, and where the windows, the linear map and the stacks lie.
 * The maps are built from these regions (mmu/kernel_map.c); the oracle
 * that judges them (mmu/expect.c) and the probes (mmu/probes.c) read them
 * too. Pure: host-testable.
 */
#ifndef MAPS_H
#define MAPS_H

#include <stdbool.h>
#include <stdint.h>
#include "desc.h"
#include "memory.h"
#include "phys_range.h"

/* The linear ranges the maps take at most (the RAM plan may hold more:
 * the boot refuses then). */
#define MAX_LINEAR_RANGES 16

/* Facts about this boot. Physical and virtual values are named apart. */
struct boot_layout {
	uint64_t phys_text;      /* where _text was loaded (page aligned) */
	uint64_t virt_text;      /* link address of _text (KIMAGE_VADDR) */
	uint64_t image_size;     /* _end - _text: code, data, bss, tables, stack */
	/* The early map's TTBR0 VA bits: TTBR1's (the identity shares the
	 * root), IDMAP_EXT_VA_BITS (the extended identity map, its own root),
	 * or a 52-bit build's fallback, IDMAP_VA_BITS_MIN (head.S decided,
	 * TCR_EL1.T0SZ says); 0 reads as vabits_actual(). */
	unsigned idmap_va_bits;
	/* The linear map: VA = PAGE_OFFSET + (PA - phys_memstart) for the PAs
	 * of linear[] (RAM less what is not to be mapped): the RAM plan's own
	 * ranges (mmu/ram_plan.h), not a copy; sorted, disjoint, page
	 * aligned, within LINEAR_MAP_VA_SIZE. */
	uint64_t phys_memstart;
	const struct phys_range *linear;
	unsigned nr_linear;
	uint64_t phys_uart;      /* console UART registers */
	uint64_t phys_probe;     /* the page of RAM being tried (start/ram.c);
				  * 0: none (the window is empty) */
	uint64_t phys_dtb;       /* the DTB (may be 0: RAM starts there on a Pi) */
	uint64_t dtb_size;       /* its totalsize; 0: there is no DTB */
	/* The boot's table pages: BOOT_POOL_PAGES of free RAM, aligned to
	 * their size, at POOL_VADDR + (phys_pool % SWAPPER_BLOCK_SIZE) in both maps; 0:
	 * not taken yet. */
	uint64_t phys_pool;
	/* The secondaries' stacks: BOOT_STACK_SIZE each, back to back in free
	 * RAM from phys_stacks, CPU n's (n >= 1) the (n - 1)th. */
	uint64_t phys_stacks;
	unsigned nr_stacks;
};

/* The early map: what start/tables.S writes (identity, image), then what
 * the boot adds with the MMU on before the final map (the DTB, console
 * and pool windows, and the probe's page while a page of RAM is tried).
 * Without a DTB (dtb_size 0) the FDT region has size 0; without a page
 * being tried the probe region has size 0. */
enum region_id { REGION_IDMAP, REGION_KIMAGE, REGION_FDT, REGION_CONSOLE, REGION_POOL,
		 REGION_PROBE, NR_REGIONS };

/* [virt, virt + size) -> [phys, phys + size); with count > 1, also copy i
 * at virt + i * virt_stride -> phys + i * phys_stride (the stacks, each
 * above its guard page). */
struct mem_region {
	const char *name;
	int ttbr;
	uint64_t virt;
	uint64_t phys;
	uint64_t size;
	struct pte_attrs attrs;
	unsigned count;          /* 0 or 1: one range */
	uint64_t virt_stride, phys_stride;
};

/* The regions of the early map, indexed by enum region_id. */
void maps_early_regions(const struct boot_layout *l, struct mem_region out[NR_REGIONS]);
/* One of them. */
void maps_early_region(const struct boot_layout *l, enum region_id id, struct mem_region *r);

/* Where the UART's registers, the DTB and the boot's table pages appear in
 * TTBR1 (both maps); the page being tried (the early map only). */
uint64_t maps_virt_uart(const struct boot_layout *l);
uint64_t maps_virt_probe(void);
uint64_t maps_virt_fdt(const struct boot_layout *l);
/* Inline: the runtime's table lookups (kernel_map.c) ask it at every level. */
static inline uint64_t maps_virt_pool(const struct boot_layout *l)
{
	return (uint64_t)POOL_VADDR + (l->phys_pool & (SWAPPER_BLOCK_SIZE - 1));
}
/* The early map's TTBR0 VA bits (TTBR1's unless extended, or a 52-bit
 * build's fallback: 48); whether TTBR0 has the extended identity map (its
 * own root, more VA bits than the build's); and whether the halves share
 * one root (the build's largest tables walked as they are: neither
 * extended nor a fallback, which points TTBR1, and with 4 KiB TTBR0 too,
 * below the root). */
unsigned maps_idmap_va_bits(const struct boot_layout *l);
bool maps_idmap_extended(const struct boot_layout *l);
bool maps_shared_root(const struct boot_layout *l);
/* How many of the early table pages start/tables.S wrote for this load
 * (the same decisions: a table above the blocks that the identity already
 * has is shared, the level-3 page only for a load that is not block
 * aligned, the extended identity's chain in place of the shared one). */
unsigned maps_early_pages_written(const struct boot_layout *l);
/* Linear map: VA of a PA (meaningful when maps_linear_has(pa)). */
uint64_t maps_phys_to_virt(const struct boot_layout *l, uint64_t pa);
bool maps_linear_has(const struct boot_layout *l, uint64_t pa);
/* The VA just past the highest linear range; the bytes mapped. */
uint64_t maps_linear_end_virt(const struct boot_layout *l);
uint64_t maps_linear_bytes(const struct boot_layout *l);
/* Secondary CPU n's (1 <= n <= nr_stacks) stack: its lowest VA (the
 * guard page is the page below) and its physical address. */
uint64_t maps_virt_stack(unsigned cpu);
uint64_t maps_phys_stack(const struct boot_layout *l, unsigned cpu);
/* PA of a VA in the image (at its link address), and back. */
uint64_t maps_image_phys(const struct boot_layout *l, uint64_t va);
uint64_t maps_image_virt(const struct boot_layout *l, uint64_t pa);

/* Link-time symbols of the image, as virtual addresses (link.ld). */
struct image_symbols {
	uint64_t text, etext, srodata, erodata, sdata, edata;
	uint64_t bss_start, bss_end, stack_bottom, stack_top;
	uint64_t early_pgd, early_pg_end, entry;
	uint64_t stack_guard;                    /* the boot CPU's guard page */
};

/* The final map (TTBR1 only; TTBR0 walks are disabled): W^X per section
 * (the header page, which holds the result record, is data),
 * a guard page below every stack, the linear map never executable and its
 * alias of the image's text and rodata read-only, the DTB read-only, the
 * UART page as Device-nGnRnE, the boot's table pages read-write. Regions
 * of size 0 are left out. Returns the count. */
#define MAX_FINAL_REGIONS (11 + MAX_LINEAR_RANGES + 2)
int maps_final_regions(const struct boot_layout *l, const struct image_symbols *s,
			 struct mem_region out[MAX_FINAL_REGIONS]);

#endif /* MAPS_H */
