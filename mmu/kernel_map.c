/*
 * kernel_map.c - the final kernel map, built with the runtime API (target).
 *
 * Owns: the target's callbacks for mmu/xlat.c (table memory through the
 * linear map, TLB maintenance), building the final map into new tables
 * while the early map is live, and the switch to it. New tables then a
 * switch, rather than changes in place, because the early map uses 2 MiB
 * blocks for the code doing the change: splitting them in place would
 * need break-before-make on the entries mapping the running code.
 */
#include <stdio.h>
#include "kernel_map.h"
#include "sysreg.h"

extern char final_pg_dir[], final_pg_pool[], reserved_pg_dir[], _text[];
void cpu_replace_ttbr1(uint64_t ttbr1, uint64_t phys_empty_table);

/* Up to this many pages, TLBI by VA; beyond, all of EL1's entries. */
#define TLBI_BY_VA_MAX_PAGES 64

static uint64_t *table_ptr_linear(uint64_t table_pa, void *cookie)
{
	return (uint64_t *)(uintptr_t)memmap_phys_to_virt(cookie, table_pa);
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

static uint64_t image_pa(const struct boot_layout *l, const void *va)
{
	return memmap_image_phys(l, (uintptr_t)va);
}

int kernel_map_build(struct xlat_ctx *ctx, const struct boot_layout *l,
		     const struct image_symbols *s, unsigned pa_bits)
{
	struct mem_region regions[MAX_FINAL_REGIONS];
	int n = memmap_final_regions(l, s, regions);
	int rc = xlat_init(ctx, (uint64_t)VA_START, image_pa(l, final_pg_dir), pa_bits,
			   image_pa(l, final_pg_pool), FINAL_POOL_PAGES, table_ptr_linear,
			   tlb_flush, publish, (void *)l);

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

	replace_phys(ctx->root_pa, image_pa(l, reserved_pg_dir));

	/* The identity map is not needed any more: no TTBR0 walks at all. */
	write_sysreg(read_sysreg(tcr_el1) | TCR_EPD0, tcr_el1);
	isb();
	__asm__ volatile("tlbi vmalle1is" : : : "memory");
	dsb(ish);
	isb();
	/* Every writable mapping is execute-never, whatever its XN bits. */
	write_sysreg(read_sysreg(sctlr_el1) | SCTLR_EL1_WXN, sctlr_el1);
	isb();
	__asm__ volatile("tlbi vmalle1is" : : : "memory");
	dsb(ish);
	isb();
}
