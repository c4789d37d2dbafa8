/*
 * test_geometry.c - host unit tests of the geometry mmu/pgtable-hwdef.h
 * derives from PAGE_SHIFT and VA_BITS.
 *
 * Owns: checking, for the geometry this binary was built for (unit.mk
 * builds it once per geometry of mmu/geometry.mk), the levels, the root's
 * level and size, each level's shift and entries, the folded levels' and
 * the early block size against a table written from the Arm ARM (D8.2:
 * the granules, D8.2.7: the start level for a TxSZ), not from the
 * formulas; and the levels formula against the rounded-up division it
 * stands for, for every VA size the granule allows (25 to 48 bits); and
 * the TCR_EL1 fields and the granule test of ID_AA64MMFR0_EL1 (mmu/regs.c)
 * for the geometry, against the encodings of D17.2.131 and D17.2.64.
 */
#include "unit.h"
#include "pgtable-hwdef.h"
#include "regs.h"

/* One geometry as the Arm ARM describes it: the walk's levels, the shift
 * of levels 0..3 (0 where the walk has no such level), the root's entries. */
struct geometry_row {
	unsigned page_shift, va_bits, levels, start_level;
	unsigned shift[4];
	unsigned long pgd_entries;
	unsigned long long block_size;   /* a level-2 block */
};

static const struct geometry_row rows[] = {
	{ 12, 39, 3, 1, {  0, 30, 21, 12 },  512, 2ULL << 20 },
	{ 12, 48, 4, 0, { 39, 30, 21, 12 },  512, 2ULL << 20 },
	{ 14, 36, 2, 2, {  0,  0, 25, 14 }, 2048, 32ULL << 20 },
	{ 14, 47, 3, 1, {  0, 36, 25, 14 }, 2048, 32ULL << 20 },
	{ 14, 48, 4, 0, { 47, 36, 25, 14 },    2, 32ULL << 20 },
	{ 16, 42, 2, 2, {  0,  0, 29, 16 }, 8192, 512ULL << 20 },
	{ 16, 48, 3, 1, {  0, 42, 29, 16 },   64, 512ULL << 20 },
};

static const struct geometry_row *this_row(void)
{
	for (size_t i = 0; i < ARRAY_LEN(rows); i++)
		if (rows[i].page_shift == PAGE_SHIFT && rows[i].va_bits == VA_BITS)
			return &rows[i];
	fail_msg("PAGE_SHIFT %d VA_BITS %d: no row", PAGE_SHIFT, VA_BITS);
	return NULL;
}

static void test_levels(void **state)
{
	const struct geometry_row *g = this_row();

	(void)state;
	assert_int_equal(PGTABLE_LEVELS, g->levels);
	assert_int_equal(PGTABLE_START_LEVEL, g->start_level);
	assert_int_equal(PTRS_PER_PTE, 1 << (PAGE_SHIFT - 3));
	assert_int_equal(PAGE_SIZE, 1UL << g->page_shift);
}

static void test_level_shifts(void **state)
{
	const struct geometry_row *g = this_row();

	(void)state;
	for (unsigned n = g->start_level; n <= 3; n++)
		assert_int_equal(LEVEL_SHIFT(n), g->shift[n]);
	assert_int_equal(PGDIR_SHIFT, g->shift[g->start_level]);
	assert_int_equal(PGDIR_SIZE, 1UL << g->shift[g->start_level]);
	assert_int_equal(PTRS_PER_PGD, g->pgd_entries);
	/* The root resolves exactly the VA bits above its shift. */
	assert_int_equal(1UL << VA_BITS, PTRS_PER_PGD * PGDIR_SIZE);
}

/* Folded levels have one entry and the pgd's shift (pgtable-nopmd.h,
 * pgtable-nopud.h); present ones a whole table and their level's shift. */
static void test_folded_levels(void **state)
{
	const struct geometry_row *g = this_row();

	(void)state;
	if (g->levels > 2) {
		assert_int_equal(PMD_SHIFT, g->shift[2]);
		assert_int_equal(PTRS_PER_PMD, PTRS_PER_PTE);
	} else {
		assert_int_equal(PMD_SHIFT, PGDIR_SHIFT);
		assert_int_equal(PTRS_PER_PMD, 1);
	}
	if (g->levels > 3) {
		assert_int_equal(PUD_SHIFT, g->shift[1]);
		assert_int_equal(PTRS_PER_PUD, PTRS_PER_PTE);
	} else {
		assert_int_equal(PUD_SHIFT, PGDIR_SHIFT);
		assert_int_equal(PTRS_PER_PUD, 1);
	}
	assert_int_equal(PMD_SIZE, 1UL << PMD_SHIFT);
	assert_int_equal(PUD_SIZE, 1UL << PUD_SHIFT);
}

static void test_block_size(void **state)
{
	(void)state;
	assert_int_equal(SWAPPER_BLOCK_SIZE, this_row()->block_size);
	assert_int_equal(SWAPPER_BLOCK_SHIFT, LEVEL_SHIFT(2));
}

/* HW_PGTABLE_LEVELS(v) is ceil((v - PAGE_SHIFT) / (PAGE_SHIFT - 3)). */
static void test_levels_formula(void **state)
{
	(void)state;
	for (unsigned v = 25; v <= 48; v++) {
		unsigned bits = PAGE_SHIFT - 3;
		unsigned want = (v - PAGE_SHIFT + bits - 1) / bits;

		assert_int_equal(HW_PGTABLE_LEVELS(v), want);
	}
}

/* TG0: 0 4K, 1 64K, 2 16K; TG1: 2 4K, 3 64K, 1 16K; TxSZ = 64 - VA_BITS. */
static void test_tcr_geometry(void **state)
{
	uint64_t tcr = tcr_el1_value(5);               /* PARange 48 bits */
	unsigned tg0 = PAGE_SHIFT == 12 ? 0 : PAGE_SHIFT == 14 ? 2 : 1;
	unsigned tg1 = PAGE_SHIFT == 12 ? 2 : PAGE_SHIFT == 14 ? 1 : 3;

	(void)state;
	assert_int_equal(tcr & 0x3f, 64 - VA_BITS);
	assert_int_equal((tcr >> 16) & 0x3f, 64 - VA_BITS);
	assert_int_equal((tcr >> 14) & 3, tg0);
	assert_int_equal((tcr >> 30) & 3, tg1);
	assert_int_equal((tcr >> 32) & 7, 5);
}

/* TGran4 [31:28] and TGran64 [27:24]: 0xf not implemented; TGran16
 * [23:20]: 0 not implemented. A cortex-a53 (0x00001122: no 16K) and a
 * CPU with 16K but neither 4K nor 64K (0xff100000). */
static void test_granule_present(void **state)
{
	(void)state;
	assert_int_equal(mmfr0_has_granule(0x00001122ULL), PAGE_SHIFT != 14);
	assert_int_equal(mmfr0_has_granule(0xff100000ULL), PAGE_SHIFT == 14);
	assert_int_equal(mmfr0_has_granule(0x0f000000ULL), PAGE_SHIFT != 16 && PAGE_SHIFT != 14);
	assert_int_equal(mmfr0_has_granule(0xf0000000ULL), PAGE_SHIFT == 16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_level_shifts),
		cmocka_unit_test(test_folded_levels),
		cmocka_unit_test(test_block_size),
		cmocka_unit_test(test_levels_formula),
		cmocka_unit_test(test_tcr_geometry),
		cmocka_unit_test(test_granule_present),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
