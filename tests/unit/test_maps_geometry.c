/*
 * test_maps_geometry.c - host unit tests of the maps in every geometry:
 * the early map's regions (mmu/maps.c) and each probe's (mmu/probes.c)
 * verdict in both maps (mmu/expect.c).
 *
 * Owns: for the geometry this binary was built for (unit.mk: once per
 * geometry), a plausible boot (RAM at 1 GiB, 2 GiB of it; an image of 25
 * pages, laid out as link.ld does, loaded either at RAM + one early block,
 * block aligned, or at RAM + 2 MiB + one page, not) and: the early map's
 * regions as start/tables.S and the windows make them (blocks for the
 * identity, the same blocks or pages at the link address, each window at
 * its VA); every probe's verdict in both maps (the must-not-translate ones
 * unmapped in both, the shared root's aliases mapped in the early map,
 * the rest mapped in one of them at least). A 52-bit geometry runs each
 * check with each VA size (each_va_size.h): the shared root's aliases
 * only with 52 bits, the fallback's TTBR0 of 48 bits, the tables written
 * the same in both. The default geometry's exact values are test_maps.c's,
 * test_expect.c's and test_probes.c's.
 */
#include "unit.h"
#include "each_va_size.h"
#include "maps.h"
#include "expect.h"
#include "probes.h"

#define RAM     0x40000000ULL
#define PG      ((uint64_t)PAGE_SIZE)
#define BLK     ((uint64_t)SWAPPER_BLOCK_SIZE)
#define K       ((uint64_t)KIMAGE_VADDR)
#define POOL_PA 0x7fc00000ULL          /* aligned to the pool's 64 pages, any granule */

static const struct image_symbols syms = {
	.text = K, .etext = K + 4 * PG - 0x100, .srodata = K + 4 * PG, .erodata = K + 6 * PG - 0x80,
	.sdata = K + 6 * PG, .edata = K + (6 + EARLY_PG_PAGES + 1) * PG - 0x40,
	.bss_start = K + (6 + EARLY_PG_PAGES + 1) * PG - 0x40,
	.bss_end = K + (8 + EARLY_PG_PAGES) * PG,
	.early_pgd = K + 6 * PG, .early_pg_end = K + (6 + EARLY_PG_PAGES) * PG,
	.entry = K + 0x40,
	.stack_guard = K + 20 * PG, .stack_bottom = K + 21 * PG, .stack_top = K + 25 * PG,
};

static const struct phys_range ram_2g[] = { { RAM, RAM + 0x80000000ULL, NULL } };

/* TTBR0's VA bits as the boot reads them (T0SZ): the build's, or on a
 * 52-bit build's fallback IDMAP_VA_BITS_MIN. */
static struct boot_layout layout(uint64_t phys_text)
{
	return (struct boot_layout){
		.phys_text = phys_text, .virt_text = K, .image_size = 25 * PG,
		.idmap_va_bits = vabits_actual() == VA_BITS ? VA_BITS : IDMAP_VA_BITS_MIN,
		.phys_memstart = RAM, .linear = ram_2g, .nr_linear = 1,
		.phys_uart = 0x09000000ULL, .phys_dtb = 0x48000000ULL, .dtb_size = 0x100000ULL,
		.phys_pool = POOL_PA, .phys_stacks = 0x7f000000ULL, .nr_stacks = 1,
	};
}

static const uint64_t aligned_pa = RAM + BLK, unaligned_pa = RAM + 0x200000ULL + PG;

static void check_regions(uint64_t pt)
{
	struct boot_layout l = layout(pt);
	struct mem_region r[NR_REGIONS];
	uint64_t blk = pt & ~(BLK - 1);

	maps_early_regions(&l, r);
	/* The identity: the early blocks the image touches (one: 25 pages
	 * from a block or from 2 MiB + a page lie in one block). */
	assert_int_equal(r[REGION_IDMAP].ttbr, 0);
	assert_int_equal(r[REGION_IDMAP].virt, blk);
	assert_int_equal(r[REGION_IDMAP].phys, blk);
	assert_int_equal(r[REGION_IDMAP].size, BLK);
	assert_int_equal(r[REGION_KIMAGE].ttbr, 1);
	if (pt == blk) {        /* the identity's block at the link address */
		assert_int_equal(r[REGION_KIMAGE].virt, K);
		assert_int_equal(r[REGION_KIMAGE].phys, pt);
		assert_int_equal(r[REGION_KIMAGE].size, BLK);
	} else {                /* its pages */
		assert_int_equal(r[REGION_KIMAGE].virt, K);
		assert_int_equal(r[REGION_KIMAGE].phys, pt);
		assert_int_equal(r[REGION_KIMAGE].size, 25 * PG);
	}
	assert_int_equal(r[REGION_FDT].virt, (uint64_t)FDT_VADDR);
	assert_int_equal(r[REGION_FDT].phys, 0x48000000ULL);
	assert_int_equal(r[REGION_FDT].size, 0x100000ULL);
	assert_int_equal(r[REGION_CONSOLE].virt, (uint64_t)CONSOLE_VADDR);
	assert_int_equal(r[REGION_CONSOLE].phys, 0x09000000ULL);
	assert_int_equal(r[REGION_CONSOLE].size, PG);
	assert_int_equal(r[REGION_POOL].virt, (uint64_t)POOL_VADDR + (POOL_PA & (BLK - 1)));
	assert_int_equal(r[REGION_POOL].size, BOOT_POOL_PAGES * PG);
}

static void regions_aligned(void) { check_regions(aligned_pa); }
static void regions_unaligned(void) { check_regions(unaligned_pa); }
static void test_regions_aligned(void **state) { (void)state; each_va_size(regions_aligned); }
static void test_regions_unaligned(void **state) { (void)state; each_va_size(regions_unaligned); }

static bool must_fault(const char *name)
{
	static const char *const names[] = {
		"linear hole", "after linear", "cpu1 stack guard", "after stacks", "after kimage",
		"idmap other GiB", "idmap other table", "idmap other block", "non-canonical",
		"null page", "below the min span",
	};

	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

/* The two alias probes are there exactly when the halves share the root
 * (the 52-bit build on its fallback points them at tables of their own). */
static bool aliases_expected(int n, const struct probe *p)
{
	int aliases = 0;

	for (int i = 0; i < n; i++)
		aliases += !strcmp(p[i].name, "kimage via TTBR0") ||
			   !strcmp(p[i].name, "idmap via TTBR1");
	return aliases == (vabits_actual() == VA_BITS ? 2 : 0);
}

static void check_probes(uint64_t pt)
{
	struct boot_layout l = layout(pt);
	struct probe p[MAX_PROBES];
	int n = probes_build(&l, &syms, p), faults = 0;

	assert_true(n > 20);
	for (int i = 0; i < n; i++) {
		struct expectation e, f;

		expect_early_map(&l, p[i].va, &e);
		expect_final_map(&l, &syms, p[i].va, &f);
		if (must_fault(p[i].name)) {
			faults++;
			if (e.mapped || f.mapped)
				fail_msg("probe \"%s\" va 0x%llx: must fault, early %s final %s",
					 p[i].name, (unsigned long long)p[i].va, e.region, f.region);
		} else if (!e.mapped && !f.mapped) {
			fail_msg("probe \"%s\" va 0x%llx: mapped in neither map", p[i].name,
				 (unsigned long long)p[i].va);
		}
		/* The shared root's aliases: each half's entry seen from the other. */
		if (!strcmp(p[i].name, "kimage via TTBR0")) {
			assert_int_equal(p[i].va, K & VA_LOW_MASK);
			assert_true(e.mapped);
			assert_string_equal(e.region, "kimage");
			assert_int_equal(e.pa, pt);
		}
		if (!strcmp(p[i].name, "idmap via TTBR1")) {
			assert_int_equal(p[i].va, ttbr1_va_start() + pt);
			assert_true(e.mapped);
			assert_string_equal(e.region, "idmap");
			assert_int_equal(e.pa, pt);
		}
	}
	/* after linear, stack guard, after stacks, after kimage, idmap other,
	 * non-canonical, null page (no linear hole: one range); a 52-bit
	 * build's below the min span. The aliases with the shared root only. */
	assert_int_equal(faults, 7 + (VA_BITS > VA_BITS_MIN));
	assert_true(aliases_expected(n, p));
}

static void probes_aligned(void) { check_probes(aligned_pa); }
static void probes_unaligned(void) { check_probes(unaligned_pa); }
static void test_probes_aligned(void **state) { (void)state; each_va_size(probes_aligned); }
static void test_probes_unaligned(void **state) { (void)state; each_va_size(probes_unaligned); }

/* The early pages tables.S writes, counted by hand per level count: the
 * root, the identity's tables below it, the image's own (unless its
 * index is the identity's), the level-3 page for an unaligned load. The
 * build's largest tables whatever the VA size (a 52-bit build's fallback
 * walks them from one level lower). */
static void early_pages_written(void)
{
	unsigned below_root = PGTABLE_LEVELS - 2;     /* tables above the blocks */
	struct boot_layout l = layout(aligned_pa);

	assert_int_equal(maps_early_pages_written(&l), 1 + 2 * below_root);
	l = layout(unaligned_pa);
	assert_int_equal(maps_early_pages_written(&l), 1 + 2 * below_root + 1);
	/* The image at the physical block whose VA bits are the link
	 * address's: every table above the blocks is shared (a 39-bit, a
	 * 47-bit shared slot is inside the 2^VA_BITS the identity reaches). */
	l = layout(K & VA_LOW_MASK);
	assert_int_equal(maps_early_pages_written(&l), 1 + below_root);
	l = layout((K & VA_LOW_MASK) + BLK + PG);
	assert_int_equal(maps_early_pages_written(&l), 1 + below_root + 1);
#if PGTABLE_LEVELS > 4
	/* The same root and level-0 entries, another level-1 entry: the
	 * level 0 and 1 shared, the image's own block table; the same root
	 * entry, another level-0 entry: its level 1 and block table. */
	l = layout((K & VA_LOW_MASK) + PUD_SIZE);
	assert_int_equal(maps_early_pages_written(&l), 1 + 3 + 1);
	l = layout((K & VA_LOW_MASK) + (1ULL << P4D_SHIFT));
	assert_int_equal(maps_early_pages_written(&l), 1 + 3 + 2);
#elif PGTABLE_LEVELS > 3
	/* The same root entry, another level-1 entry: the level 1 shared,
	 * the image's own block table. */
	l = layout((K & VA_LOW_MASK) + PUD_SIZE);
	assert_int_equal(maps_early_pages_written(&l), 1 + 1 + 2);
#endif
	/* Above what VA_BITS reach (extended): the identity's own chain, the
	 * image's tables all its own. */
	if (VA_BITS < IDMAP_EXT_VA_BITS) {
		l = layout(IDMAP_VA_LIMIT + BLK);
		l.idmap_va_bits = IDMAP_EXT_VA_BITS;
		assert_int_equal(maps_early_pages_written(&l), 1 + IDMAP_EXT_PAGES + below_root);
		l.phys_text += PG;
		assert_int_equal(maps_early_pages_written(&l), 1 + IDMAP_EXT_PAGES + below_root + 1);
	}
}

static void test_early_pages_written(void **state) { (void)state; each_va_size(early_pages_written); }

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regions_aligned),
		cmocka_unit_test(test_regions_unaligned),
		cmocka_unit_test(test_probes_aligned),
		cmocka_unit_test(test_probes_unaligned),
		cmocka_unit_test(test_early_pages_written),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
