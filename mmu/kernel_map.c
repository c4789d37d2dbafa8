/*
 * kernel_map.c - the boot's maps made with the runtime API (target only).
 *
 * Owns: the target's callbacks for mmu/xlat.c (table memory: the early
 * tables and the windows' level-3 tables are inside the image, the final
 * map's in the boot's pool of free RAM; each is reached at a VA that is
 * the same in the early and the final map: the image's link address, the
 * pool window; once the pool is used up, the final map's refills from the
 * page allocator, reached through the linear map; TLB maintenance), the
 * early map's windows, building the
 * final map into new tables while the early map is live, the switch to
 * it, and device registers mapped at run time (kernel_map_ioremap). New tables then a switch, rather than
 * changes in place, because the early map uses early blocks (2 MiB and up) for the code
 * doing the change: splitting them in place would need break-before-make
 * on the entries mapping the running code.
 */
#include <stdio.h>
#include <string.h>
#include "align.h"
#include "kernel_map.h"
#include "pgalloc.h"
#include "sections.h"
#include "sysreg.h"
#include "tlbflush.h"

void cpu_replace_ttbr1(uint64_t ttbr1, uint64_t phys_empty_table);

_Static_assert(BOOT_POOL_PAGES - 1 <= XLAT_POOL_MAX_PAGES, "xlat takes the pool but its root");

static uint64_t image_pa(const struct boot_layout *l, const void *va)
{
	return maps_image_phys(l, (uintptr_t)va);
}

/* The final map's refills: pages of the page allocator (set once it
 * runs, the final map live: their linear VAs then translate). */
static struct pgalloc_ctx *refill_pages;

/* A table outside the pool: in the image (the early tables) or, once the
 * pool refills from the allocator, in the linear map; NULL otherwise. */
static __attribute__((noinline)) uint64_t *table_va_other(const struct boot_layout *l,
							   uint64_t table_pa)
{
	if (table_pa - l->phys_text < l->image_size)
		return (uint64_t *)(uintptr_t)maps_image_virt(l, table_pa);
	if (refill_pages && maps_linear_has(l, table_pa))
		return (uint64_t *)(uintptr_t)maps_phys_to_virt(l, table_pa);
	return NULL;
}

/* A table page of the pool, of the image or (refills) of the linear map,
 * at its VA. The pool first, inline: every table of the final map the
 * boot made is there, and each walk of the runtime API asks once a level
 * (a demand fault three times). */
static inline uint64_t *table_va(const struct boot_layout *l, uint64_t table_pa)
{
	if (l->phys_pool && table_pa - l->phys_pool < BOOT_POOL_PAGES * PAGE_SIZE)
		return (uint64_t *)(uintptr_t)(maps_virt_pool(l) + (table_pa - l->phys_pool));
	return table_va_other(l, table_pa);
}

static uint64_t *table_ptr(uint64_t table_pa, void *cookie)
{
	return table_va(cookie, table_pa);
}

const uint64_t *kernel_map_read_table(uint64_t table_pa, void *cookie)
{
	return table_va(cookie, table_pa);
}

static uint64_t refill_take(unsigned order, void *cookie)
{
	(void)cookie;
	return pgalloc_alloc(refill_pages, order);
}

static void refill_give(uint64_t pa, unsigned order, void *cookie)
{
	(void)cookie;
	(void)pgalloc_free(refill_pages, pa, order);   /* a block alloc gave: cannot fail */
}

void kernel_map_refill_from(struct xlat_ctx *final, struct pgalloc_ctx *pages)
{
	static const struct xlat_refill from_allocator = { refill_take, refill_give };

	refill_pages = pages;
	xlat_set_refill(final, &from_allocator);
}

static void tlb_flush(uint64_t va, uint64_t size, void *cookie)
{
	(void)cookie;
	flush_tlb_kernel_range(va, size);
}

static void publish(void *cookie)
{
	(void)cookie;
	dsb(ishst);
	isb();
}

int kernel_map_early_init(struct xlat_ctx *early, const struct boot_layout *l,
			  uint64_t ttbr1_root, unsigned pa_bits)
{
	return xlat_init(early, ttbr1_va_start(), ttbr1_root, pa_bits,
			 image_pa(l, early_window_pages), EARLY_WINDOW_PAGES, table_ptr,
			 tlb_flush, publish, (void *)l);
}

/* The window as the expected early map has it: the map is made from the
 * same regions it is checked against, as the final map is. */
static struct mem_region early_region(const struct boot_layout *l, enum region_id id)
{
	struct mem_region r;

	maps_early_region(l, id, &r);
	return r;
}

int kernel_map_early_window(struct xlat_ctx *early, const struct boot_layout *l,
			    enum region_id id)
{
	struct mem_region r = early_region(l, id);

	return r.size ? xlat_map(early, r.virt, r.phys, r.size, &r.attrs) : XLAT_OK;
}

int kernel_map_early_window_unmap(struct xlat_ctx *early, const struct boot_layout *l,
				  enum region_id id)
{
	struct mem_region r = early_region(l, id);

	return r.size ? xlat_unmap(early, r.virt, r.size) : XLAT_OK;
}

int kernel_map_build(struct xlat_ctx *ctx, const struct boot_layout *l,
		     const struct image_symbols *s, unsigned pa_bits)
{
	struct mem_region regions[MAX_FINAL_REGIONS];
	int n = maps_final_regions(l, s, regions);
	int rc;

	/* The root is the pool's first page, the rest the runtime API's. */
	if (!l->phys_pool)
		return XLAT_ENOMEM;
	memset(table_va(l, l->phys_pool), 0, PAGE_SIZE);
	rc = xlat_init(ctx, ttbr1_va_start(), l->phys_pool, pa_bits, l->phys_pool + PAGE_SIZE,
		       BOOT_POOL_PAGES - 1, table_ptr, tlb_flush, publish, (void *)l);
	if (rc)
		return rc;
	for (int i = 0; i < n; i++) {
		unsigned copies = regions[i].count > 1 ? regions[i].count : 1;

		for (unsigned c = 0; c < copies && !rc; c++)
			rc = xlat_map(ctx, regions[i].virt + c * regions[i].virt_stride,
				      regions[i].phys + c * regions[i].phys_stride, regions[i].size,
				      &regions[i].attrs);
		if (rc) {
			printf("final map: region %s va 0x%llx size 0x%llx refused: %s\n",
			       regions[i].name, (unsigned long long)regions[i].virt,
			       (unsigned long long)regions[i].size, xlat_strerror(rc));
			return rc;
		}
	}
	return XLAT_OK;
}

void kernel_map_install(const struct xlat_ctx *ctx, const struct boot_layout *l)
{
	void (*replace_phys)(uint64_t, uint64_t) =
		(void (*)(uint64_t, uint64_t))(uintptr_t)image_pa(l, (const void *)cpu_replace_ttbr1);

	memset(reserved_pg_dir, 0, PAGE_SIZE);
	dsb(ishst);
	replace_phys(phys_to_ttbr(ctx->root_pa), phys_to_ttbr(image_pa(l, reserved_pg_dir)));
}

uint64_t kernel_map_ioremap(struct xlat_ctx *ctx, uint64_t pa, uint64_t size)
{
	static const struct pte_attrs device = {
		.attrindx = MT_DEVICE_nGnRnE, .af = true, .pxn = true, .uxn = true,
	};
	static uint64_t next_offset;           /* bump: device mappings stay */
	uint64_t first = align_down(pa, PAGE_SIZE);
	uint64_t span = align_up(pa + size, PAGE_SIZE) - first;
	uint64_t va = (uint64_t)DEVICE_VADDR + next_offset;
	int rc;

	if (!size || span > DEVICE_SPAN - next_offset) {
		printf("ioremap: pa 0x%llx size 0x%llx: no room left in the device window\n",
		       (unsigned long long)pa, (unsigned long long)size);
		return 0;
	}
	rc = xlat_map(ctx, va, first, span, &device);
	if (rc) {
		printf("ioremap: pa 0x%llx size 0x%llx refused: %s\n", (unsigned long long)pa,
		       (unsigned long long)size, xlat_strerror(rc));
		return 0;
	}
	next_offset += span + PAGE_SIZE;        /* an unmapped page between mappings */
	return va + (pa - first);
}
