/*
 * expect.c - the oracle: what each VA must translate to (see expect.h).
 */
#include "expect.h"
#include "walk.h"

/* shared_root: the halves share their root (the early map), so a
 * region of either half answers for the VA bits [VA_BITS-1:0] of both.
 * ttbr0_va_bits: what TTBR0 reaches (the extended identity map's more). */
static void expect_in(const struct mem_region *regions, int n, uint64_t va, bool shared_root,
		      unsigned ttbr0_va_bits, struct expectation *out)
{
	int ttbr = va_ttbr_bits(va, ttbr0_va_bits);

	*out = (struct expectation){ .mapped = false, .region = "unmapped" };
	if (ttbr < 0)
		return;                          /* not canonical: no half */
	for (int i = 0; i < n; i++) {
		const struct mem_region *r = &regions[i];
		uint64_t offset = shared_root ? ((va - r->virt) & VA_LOW_MASK) : va - r->virt;
		uint64_t copy = 0;

		if ((!shared_root && r->ttbr != ttbr) || r->size == 0)
			continue;
		if (r->count > 1 && offset / r->virt_stride < r->count) {
			copy = offset / r->virt_stride;
			offset -= copy * r->virt_stride;
		}
		if (offset < r->size) {          /* unsigned: also rejects va < virt */
			out->mapped = true;
			out->region = r->name;
			out->pa = r->phys + copy * r->phys_stride + offset;
			/* As the descriptors can hold them (FEAT_LPA2's have no
			 * SH: the TCR's applies). */
			out->attrs = pte_attrs_as_held(&r->attrs);
			return;
		}
	}
}

void expect_map_early(const struct boot_layout *l, struct expect_map *m)
{
	maps_early_regions(l, m->region);
	m->n = NR_REGIONS;
	m->shared_root = maps_shared_root(l);
	m->ttbr0_va_bits = maps_idmap_va_bits(l);
}

void expect_map_final(const struct boot_layout *l, const struct image_symbols *s,
		      struct expect_map *m)
{
	m->n = maps_final_regions(l, s, m->region);
	m->shared_root = false;
	m->ttbr0_va_bits = vabits_actual();
}

void expect_in_map(const struct expect_map *m, uint64_t va, struct expectation *out)
{
	expect_in(m->region, m->n, va, m->shared_root, m->ttbr0_va_bits, out);
}

void expect_early_map(const struct boot_layout *l, uint64_t va, struct expectation *out)
{
	struct expect_map m;

	expect_map_early(l, &m);
	expect_in_map(&m, va, out);
}

void expect_final_map(const struct boot_layout *l, const struct image_symbols *s,
			 uint64_t va, struct expectation *out)
{
	struct expect_map m;

	expect_map_final(l, s, &m);
	expect_in_map(&m, va, out);
}

