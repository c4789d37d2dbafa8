/*
 * kernel_map.h - the boot's maps made with the runtime API (target only).
 *
 * Owns: the runtime API's callbacks on the target (table memory, the final
 * map's refills, TLB maintenance), the early map's windows (the DTB and the console, added to
 * the live early map with the MMU on), and the final map: built into fresh
 * tables while the early map is live, then switched to.
 */
#ifndef KERNEL_MAP_H
#define KERNEL_MAP_H

#include "maps.h"
#include "xlat.h"

/* The runtime API over the live early map's TTBR1 half: its root is the
 * table TTBR1_EL1 points at (early_pgd, shared with TTBR0: memory.h; in a
 * 52-bit build on a CPU without the feature the table below it, or with
 * 64 KiB its last 64 entries, head.S's choice). */
int kernel_map_early_init(struct xlat_ctx *early, const struct boot_layout *l,
			  uint64_t ttbr1_root, unsigned pa_bits);
/* Maps one of maps_early_regions()' windows (REGION_FDT, REGION_CONSOLE,
 * REGION_POOL; their level-3 tables: EARLY_WINDOW_PAGES in the image) as
 * the layout now says into the early map, or unmaps it again. Returns
 * XLAT_OK (also for a region of size 0) or the error. */
int kernel_map_early_window(struct xlat_ctx *early, const struct boot_layout *l,
			    enum region_id id);
int kernel_map_early_window_unmap(struct xlat_ctx *early, const struct boot_layout *l,
				  enum region_id id);

/* Builds the final TTBR1 map from maps_final_regions() with the runtime
 * API in the boot's pool (l->phys_pool, mapped by REGION_POOL): its first
 * page the root, the rest for tables. Returns XLAT_OK or the first error
 * (printed with its region). */
int kernel_map_build(struct xlat_ctx *ctx, const struct boot_layout *l,
		     const struct image_symbols *s, unsigned pa_bits);
/* Switches TTBR1 to it (from the identity map, through an empty table). */
void kernel_map_install(const struct xlat_ctx *ctx, const struct boot_layout *l);

/* Once the page allocator runs on the live final map: the final map's
 * table pages beyond the pool come from it (xlat_set_refill), reached
 * through the linear map. */
struct pgalloc_ctx;
void kernel_map_refill_from(struct xlat_ctx *final, struct pgalloc_ctx *pages);

/* The walker's reader for tables the boot made: in the image or the pool,
 * or (refills) in the linear map. */
const uint64_t *kernel_map_read_table(uint64_t table_pa, void *layout);

/* Maps [pa, pa + size) as Device-nGnRnE, never executable, in the final
 * map's device window (DEVICE_VADDR; mappings are never undone), like
 * Linux's ioremap. Returns the VA of pa, or 0 (the reason printed). */
uint64_t kernel_map_ioremap(struct xlat_ctx *ctx, uint64_t pa, uint64_t size);

#endif /* KERNEL_MAP_H */
