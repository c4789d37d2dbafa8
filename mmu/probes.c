/*
 * probes.c - the VAs the checks translate (see probes.h).
 */
#include <stdio.h>
#include <string.h>
#include "align.h"
#include "probes.h"
#include "walk.h"

static void add_probe(struct probe *p, int *n, const char *name, uint64_t va)
{
	if (*n >= MAX_PROBES)
		return;
	snprintf(p[*n].name, sizeof(p[*n].name), "%s", name);
	p[*n].va = va;
	(*n)++;
}

/* A VA the identity map must not reach: with 3 or 4 levels, the same offset
 * in the next early table at the block level (the identity has one: 1 GiB
 * with 4 KiB pages); with 2 levels (the blocks in the root), 4 blocks away:
 * beyond the image's two, off the kimage alias (a load near it would be
 * refused or the kimage probes would say so). */
#if PGTABLE_LEVELS > 2
#define IDMAP_OTHER_DIST EARLY_BLOCK_TABLE_SPAN
#define IDMAP_OTHER_NAME (EARLY_BLOCK_TABLE_SPAN == (1ULL << 30) ? "idmap other GiB" : "idmap other table")
#else
#define IDMAP_OTHER_DIST (4 * SWAPPER_BLOCK_SIZE)
#define IDMAP_OTHER_NAME "idmap other block"
#endif
/* A VA in neither half (D8.2: above what TTBR0 reaches, below VA_START):
 * 2^47, or 2^(TTBR0's bits) where 2^47 is TTBR0's (48 bits: with the
 * shared root the image's alias, KIMAGE_VADDR's low bits; or the extended
 * identity map's range). */
static uint64_t non_canonical_va(const struct boot_layout *l)
{
	unsigned bits = maps_idmap_va_bits(l);

	return bits < 48 ? 1ULL << 47 : 1ULL << bits;
}
_Static_assert((1ULL << 47) >= IDMAP_VA_LIMIT || VA_BITS >= 48, "2^47 is above TTBR0's reach");
_Static_assert((1ULL << IDMAP_EXT_VA_BITS) < (uint64_t)VA_START,
	       "the non-canonical probe lies between the halves");

int probes_build(const struct boot_layout *l, const struct image_symbols *s,
		  struct probe p[MAX_PROBES])
{
	struct mem_region early[NR_REGIONS];
	uint64_t image_end_va, linear_end = maps_linear_end_virt(l);
	const struct phys_range *first = l->nr_linear ? &l->linear[0] : NULL;
	int n = 0;

	maps_early_regions(l, early);
	image_end_va = early[REGION_KIMAGE].virt + early[REGION_KIMAGE].size;

	add_probe(p, &n, "header page", s->text);
	add_probe(p, &n, "text start", s->text + PAGE_SIZE);
	add_probe(p, &n, "text end", s->etext - 1);
	add_probe(p, &n, "rodata start", s->srodata);
	add_probe(p, &n, "rodata end", s->erodata - 1);
	add_probe(p, &n, "data start", s->sdata);
	add_probe(p, &n, "data end", s->edata - 1);
	add_probe(p, &n, "bss start", s->bss_start);
	add_probe(p, &n, "bss end", s->bss_end - 1);
	add_probe(p, &n, "stack guard", s->stack_guard);
	add_probe(p, &n, "stack bottom", s->stack_bottom);
	add_probe(p, &n, "stack top", s->stack_top - 16);
	add_probe(p, &n, "early_pgd", s->early_pgd);
	add_probe(p, &n, "early tables end", s->early_pg_end - 8);
	add_probe(p, &n, "idmap entry", l->phys_text + (s->entry - s->text));
	/* The early map's aliases (shared root): each half's entry seen from
	 * the other. The final map has no such aliases: there these VAs get
	 * whatever its own regions say (unmapped, or the linear map). The
	 * extended identity map shares nothing: no aliases to probe. */
	if (maps_shared_root(l)) {
		add_probe(p, &n, "kimage via TTBR0", s->text & VA_LOW_MASK);
		add_probe(p, &n, "idmap via TTBR1", (uint64_t)VA_START + l->phys_text);
	}
	if (first) {
		uint64_t linear_mid = align_down(phys_range_size(first) / 2, PAGE_SIZE);

		add_probe(p, &n, "linear first", maps_phys_to_virt(l, first->phys_start));
		add_probe(p, &n, "linear of text", maps_phys_to_virt(l, l->phys_text));
		add_probe(p, &n, "linear of data",
			  maps_phys_to_virt(l, l->phys_text + (s->sdata - s->text)));
		add_probe(p, &n, "linear middle", maps_phys_to_virt(l, first->phys_start) + linear_mid);
		add_probe(p, &n, "linear last", linear_end - PAGE_SIZE);
		if (l->nr_linear > 1)
			add_probe(p, &n, "linear 2nd range",
				  maps_phys_to_virt(l, l->linear[1].phys_start));
	}
	if (l->phys_uart)
		add_probe(p, &n, "uart", maps_virt_uart(l));
	if (l->dtb_size) {
		add_probe(p, &n, "dtb start", maps_virt_fdt(l));
		add_probe(p, &n, "dtb end", maps_virt_fdt(l) + l->dtb_size - 1);
	}
	if (l->phys_pool) {
		add_probe(p, &n, "tables first", maps_virt_pool(l));
		add_probe(p, &n, "tables last", maps_virt_pool(l) + BOOT_POOL_PAGES * PAGE_SIZE - 8);
	}
	if (l->nr_stacks) {
		add_probe(p, &n, "cpu1 stack", maps_virt_stack(1));
		add_probe(p, &n, "last cpu stack top",
			  maps_virt_stack(l->nr_stacks) + BOOT_STACK_SIZE - 16);
	}
	/* Must not translate: */
	if (first && l->nr_linear > 1 && first->phys_end < l->linear[1].phys_start)
		add_probe(p, &n, "linear hole", maps_phys_to_virt(l, first->phys_end));
	if (linear_end < (uint64_t)PAGE_OFFSET + LINEAR_MAP_VA_SIZE)
		add_probe(p, &n, "after linear", linear_end);
	if (l->nr_stacks) {
		add_probe(p, &n, "cpu1 stack guard", maps_virt_stack(1) - PAGE_SIZE);
		add_probe(p, &n, "after stacks", maps_virt_stack(l->nr_stacks) + BOOT_STACK_SIZE);
	}
	add_probe(p, &n, "after kimage", image_end_va);
#if VA_BITS > VA_BITS_MIN
	/* Below the span every CPU has: TTBR1's with a 52-bit VA (nothing
	 * mapped there), outside both halves on the fallback. */
	add_probe(p, &n, "below the min span", (uint64_t)VA_START_MIN - PAGE_SIZE);
#endif
	add_probe(p, &n, IDMAP_OTHER_NAME, l->phys_text ^ IDMAP_OTHER_DIST);
	add_probe(p, &n, "non-canonical", non_canonical_va(l));
	add_probe(p, &n, "null page", 0);
	return n;
}
