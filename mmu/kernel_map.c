/*
 * kernel_map.c - the boot's maps made with the runtime API (target only).
 *
 * Owns: the target's callbacks for mmu/xlat.c (table memory through the
 * image's own mapping: every table page the boot uses is inside the image,
 * mapped in both the early and the final map; TLB maintenance), the early
 * map's windows, building the final map into new tables while the early
 * map is live, and the switch to it. New tables then a switch, rather than
 * changes in place, because the early map uses 2 MiB blocks for the code
 * doing the change: splitting them in place would need break-before-make
 * on the entries mapping the running code.
 */
#include <stdio.h>
#include "kernel_map.h"
#include "sysreg.h"
#include "zero.h"

extern char early_pgd[], final_pg_dir[], final_pg_pool[], reserved_pg_dir[];
void cpu_replace_ttbr1(uint64_t ttbr1, uint64_t phys_empty_table);

_Static_assert(EARLY_WINDOW_POOL_PAGES < FINAL_POOL_PAGES, "the pool holds both");

/* Up to this many pages, TLBI by VA; beyond, all of EL1's entries. */
#define TLBI_BY_VA_MAX_PAGES 64

static uint64_t image_pa(const struct boot_layout *l, const void *va)
{
	return memmap_image_phys(l, (uintptr_t)va);
}

static uint64_t *table_ptr_image(uint64_t table_pa, void *cookie)
{
	return (uint64_t *)(uintptr_t)memmap_image_virt(cookie, table_pa);
}

const uint64_t *kernel_map_read_table(uint64_t table_pa, void *cookie)
{
	const struct boot_layout *l = cookie;

	if (table_pa - l->phys_text >= l->image_size)
		return NULL;
	return table_ptr_image(table_pa, cookie);
}

static void tlb_flush(uint64_t va, uint64_t size, void *cookie)
{
	(void)cookie;
	dsb(ishst);
	if (size / PAGE_SIZE <= TLBI_BY_VA_MAX_PAGES) {
		for (uint64_t off = 0; off < size; off += PAGE_SIZE)
			__asm__ volatile("tlbi vaae1is, %0" : : "r"((va + off) >> PAGE_SHIFT) : "memory");
	} else {
		__asm__ volatile("tlbi vmalle1is" : : : "memory");
	}
	dsb(ish);
	isb();
}

static void publish(void *cookie)
{
	(void)cookie;
	dsb(ishst);
	isb();
}

int kernel_map_early_init(struct xlat_ctx *early, const struct boot_layout *l, unsigned pa_bits)
{
	return xlat_init(early, (uint64_t)VA_START, image_pa(l, early_pgd), pa_bits,
			 image_pa(l, final_pg_pool), EARLY_WINDOW_POOL_PAGES, table_ptr_image,
			 tlb_flush, publish, (void *)l);
}

/* The window as the expected early map has it: the map is made from the
 * same regions it is checked against, as the final map is. */
static struct mem_region early_region(const struct boot_layout *l, enum region_id id)
{
	struct mem_region r[NR_REGIONS];

	memmap_regions(l, r);
	return r[id];
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
	int n = memmap_final_regions(l, s, regions);
	int rc;

	zero_words((uint64_t *)final_pg_dir, PAGE_SIZE / 8);
	rc = xlat_init(ctx, (uint64_t)VA_START, image_pa(l, final_pg_dir), pa_bits,
		       image_pa(l, final_pg_pool) + EARLY_WINDOW_POOL_PAGES * PAGE_SIZE,
		       FINAL_POOL_PAGES - EARLY_WINDOW_POOL_PAGES, table_ptr_image, tlb_flush,
		       publish, (void *)l);
	if (rc)
		return rc;
	for (int i = 0; i < n; i++) {
		rc = xlat_map(ctx, regions[i].virt, regions[i].phys, regions[i].size,
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

	zero_words((uint64_t *)reserved_pg_dir, PAGE_SIZE / 8);
	dsb(ishst);
	replace_phys(ctx->root_pa, image_pa(l, reserved_pg_dir));
}
