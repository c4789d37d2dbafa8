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
 * for the geometry, against the encodings of D17.2.131 and D17.2.64. For
 * a 52-bit geometry also the fallback's (VA_BITS_MIN's row of the same
 * table, the level it folds) and the decision's two halves: cpu_has_va52
 * on ID register values with and without FEAT_LPA2 / FEAT_LVA, and the
 * TCR a CPU with it gets (T0SZ = T1SZ = 12, DS, IPS up to 52 bits).
 */
#include "unit.h"
#include "pgtable-hwdef.h"
#include "regs.h"
#include "desc.h"
#include "vabits.h"

/* One geometry as the Arm ARM describes it: the walk's levels, the shift
 * of levels -1..3 (shift[level + 1]; 0 where the walk has no such level),
 * the root's entries. */
struct geometry_row {
	unsigned page_shift, va_bits, levels;
	int start_level;
	unsigned shift[5];
	unsigned long pgd_entries;
	unsigned long long block_size;   /* a level-2 block */
};

static const struct geometry_row rows[] = {
	{ 12, 39, 3,  1, {  0,  0, 30, 21, 12 },  512, 2ULL << 20 },
	{ 12, 48, 4,  0, {  0, 39, 30, 21, 12 },  512, 2ULL << 20 },
	{ 12, 52, 5, -1, { 48, 39, 30, 21, 12 },   16, 2ULL << 20 },   /* FEAT_LPA2 */
	{ 14, 36, 2,  2, {  0,  0,  0, 25, 14 }, 2048, 32ULL << 20 },
	{ 14, 47, 3,  1, {  0,  0, 36, 25, 14 }, 2048, 32ULL << 20 },
	{ 14, 48, 4,  0, {  0, 47, 36, 25, 14 },    2, 32ULL << 20 },
	{ 14, 52, 4,  0, {  0, 47, 36, 25, 14 },   32, 32ULL << 20 },  /* FEAT_LPA2 */
	{ 16, 42, 2,  2, {  0,  0,  0, 29, 16 }, 8192, 512ULL << 20 },
	{ 16, 48, 3,  1, {  0,  0, 42, 29, 16 },   64, 512ULL << 20 },
	{ 16, 52, 3,  1, {  0,  0, 42, 29, 16 }, 1024, 512ULL << 20 }, /* FEAT_LVA */
};

static const struct geometry_row *row_of(unsigned va_bits)
{
	for (size_t i = 0; i < ARRAY_LEN(rows); i++)
		if (rows[i].page_shift == PAGE_SHIFT && rows[i].va_bits == va_bits)
			return &rows[i];
	fail_msg("PAGE_SHIFT %d VA_BITS %u: no row", PAGE_SHIFT, va_bits);
	return NULL;
}

static const struct geometry_row *this_row(void)
{
	return row_of(VA_BITS);
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
	for (int n = g->start_level; n <= 3; n++)
		assert_int_equal(LEVEL_SHIFT(n), g->shift[n + 1]);
	assert_int_equal(PGDIR_SHIFT, g->shift[g->start_level + 1]);
	assert_int_equal(PGDIR_SIZE, 1UL << g->shift[g->start_level + 1]);
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
		assert_int_equal(PMD_SHIFT, g->shift[3]);
		assert_int_equal(PTRS_PER_PMD, PTRS_PER_PTE);
	} else {
		assert_int_equal(PMD_SHIFT, PGDIR_SHIFT);
		assert_int_equal(PTRS_PER_PMD, 1);
	}
	if (g->levels > 3) {
		assert_int_equal(PUD_SHIFT, g->shift[2]);
		assert_int_equal(PTRS_PER_PUD, PTRS_PER_PTE);
	} else {
		assert_int_equal(PUD_SHIFT, PGDIR_SHIFT);
		assert_int_equal(PTRS_PER_PUD, 1);
	}
	if (g->levels > 4) {
		assert_int_equal(P4D_SHIFT, g->shift[1]);
		assert_int_equal(PTRS_PER_P4D, PTRS_PER_PTE);
	} else {
		assert_int_equal(P4D_SHIFT, PGDIR_SHIFT);
		assert_int_equal(PTRS_PER_P4D, 1);
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
	for (unsigned v = 25; v <= 52; v++) {
		unsigned bits = PAGE_SHIFT - 3;
		unsigned want = (v - PAGE_SHIFT + bits - 1) / bits;

		assert_int_equal(HW_PGTABLE_LEVELS(v), want);
	}
}

/* TG0: 0 4K, 1 64K, 2 16K; TG1: 2 4K, 3 64K, 1 16K; TxSZ = 64 - VA_BITS
 * (in a 52-bit build, the value every CPU runs first: T1SZ for 48 bits, 47
 * with 16K, T0SZ for 48). IPS: PARange, 52 bits only in FEAT_LPA's 64K. */
static void test_tcr_geometry(void **state)
{
	uint64_t tcr = tcr_el1_value(5);               /* PARange 48 bits */
	unsigned tg0 = PAGE_SHIFT == 12 ? 0 : PAGE_SHIFT == 14 ? 2 : 1;
	unsigned tg1 = PAGE_SHIFT == 12 ? 2 : PAGE_SHIFT == 14 ? 1 : 3;
	unsigned t1_bits = VA_BITS == 52 ? (PAGE_SHIFT == 14 ? 47 : 48) : VA_BITS;
	unsigned t0_bits = VA_BITS == 52 ? 48 : VA_BITS;

	(void)state;
	assert_int_equal(tcr & 0x3f, 64 - t0_bits);
	assert_int_equal((tcr >> 16) & 0x3f, 64 - t1_bits);
	assert_int_equal((tcr >> 14) & 3, tg0);
	assert_int_equal((tcr >> 30) & 3, tg1);
	assert_int_equal((tcr >> 32) & 7, 5);
	assert_int_equal((tcr >> 59) & 1, 0);          /* DS */
	assert_int_equal(tcr_ips_bits(tcr), 48);
	tcr = tcr_el1_value(6);                        /* PARange 52 bits */
	assert_int_equal((tcr >> 32) & 7, VA_BITS == 52 && PAGE_SHIFT == 16 ? 6 : 5);
}

#if VA_BITS > VA_BITS_MIN
/* The fallback's geometry is VA_BITS_MIN's row: one level fewer with 4K
 * and 16K (the top folded), the same 3 with 64K and a root of 64. */
static void test_fallback_geometry(void **state)
{
	const struct geometry_row *f = row_of(VA_BITS_MIN);

	(void)state;
	assert_int_equal(VA_BITS_MIN, PAGE_SHIFT == 14 ? 47 : 48);
	assert_int_equal(PGTABLE_LEVELS_MIN, f->levels);
	assert_int_equal(f->levels, this_row()->levels - (PAGE_SHIFT == 16 ? 0 : 1));
	assert_int_equal(va_root_level(VA_BITS_MIN), f->start_level);
	assert_int_equal(level_entries(va_root_level(VA_BITS_MIN), VA_BITS_MIN), f->pgd_entries);
	assert_int_equal(va_root_level(VA_BITS), this_row()->start_level);
	assert_int_equal(level_entries(va_root_level(VA_BITS), VA_BITS), this_row()->pgd_entries);
	/* TTBR0 on the fallback: 48 bits, from the root (16K: its first 2). */
	assert_int_equal(IDMAP_VA_BITS_MIN, 48);
	assert_int_equal(level_entries(va_root_level(48), 48), row_of(48)->pgd_entries);
#if PAGE_SHIFT == 16
	assert_int_equal(TTBR1_BADDR_4852_OFFSET, (1024 - 64) * 8);
#endif
}

/* FEAT_LPA2: ID_AA64MMFR0_EL1.TGran4 [31:28] = 1, TGran16 [23:20] = 2;
 * FEAT_LVA: ID_AA64MMFR2_EL1.VARange [19:16] = 1 (D17.2.64, D17.2.66).
 * QEMU's max (7.2: MMFR0 0x10211126 with LPA2, 0x00101126 without) and
 * cortex-a72 (0x1124, MMFR2 0). The TCR for it: 52 bits in both halves,
 * DS with 4 and 16 KiB, IPS up to PARange's 52. */
static void test_va52_decision(void **state)
{
	uint64_t base = tcr_el1_value(6), tcr = tcr_el1_va52(base, 6);

	(void)state;
	assert_false(cpu_has_va52(0x1124, 0));
	assert_int_equal(cpu_has_va52(0x10211126, 0x10000), 1);
	assert_int_equal(cpu_has_va52(0x00101126, 0x10000), PAGE_SHIFT == 16);
	assert_int_equal(cpu_has_va52(0x10211126, 0), PAGE_SHIFT != 16);
	assert_int_equal(tcr & 0x3f, 12);
	assert_int_equal((tcr >> 16) & 0x3f, 12);
	assert_int_equal((tcr >> 59) & 1, PAGE_SHIFT != 16);
	assert_int_equal(tcr_ips_bits(tcr), 52);
	assert_int_equal(tcr_ips_bits(tcr_el1_va52(tcr_el1_value(4), 4)), 44);
	assert_int_equal(tcr & ~(0x3fULL | (0x3fULL << 16) | (7ULL << 32) | (1ULL << 59)),
			 base & ~(0x3fULL | (0x3fULL << 16) | (7ULL << 32) | (1ULL << 59)));
	/* The decision read back: TCR_EL1's T1SZ and DS (mmu/vabits.c). */
	assert_true(vabits_from_tcr(tcr));
	assert_int_equal(vabits_actual(), 52);
	assert_int_equal(lpa2_is_enabled(), PAGE_SHIFT != 16);
	assert_true(vabits_from_tcr(base));
	assert_int_equal(vabits_actual(), VA_BITS_MIN);
	assert_false(lpa2_is_enabled());
	assert_int_equal(ttbr1_va_start(), -(1ULL << VA_BITS_MIN));
	assert_false(vabits_from_tcr(base | (1ULL << 59)));      /* DS without 52 bits */
	assert_false(vabits_from_tcr((base & ~(0x3fULL << 16)) | (20ULL << 16)));
	assert_int_equal(vabits_actual(), VA_BITS_MIN);
	vabits_set(VA_BITS);
}
#endif

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
#if VA_BITS > VA_BITS_MIN
		cmocka_unit_test(test_fallback_geometry),
		cmocka_unit_test(test_va52_decision),
#endif
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
