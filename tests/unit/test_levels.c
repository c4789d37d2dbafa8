/*
 * test_levels.c - host unit tests of mmu/levels.c in every geometry.
 *
 * Owns: the report's per-level lines (pgd, pud, pmd, pte; p4d in 4K/52)
 * and summary for the geometry this binary was built for (unit.mk: once
 * per geometry), in a 52-bit geometry for both VA sizes (the fallback's
 * folded level), against lines written out by hand from the Arm ARM's
 * tables (D8.2: VA bits per level and granule; D8.3.1: where blocks are,
 * FEAT_LPA2's one level higher).
 */
#include "unit.h"
#include "levels.h"
#include "pgtable-hwdef.h"
#include "vabits.h"

/* va_bits: the build's; run: the VA size this boot runs with. */
struct levels_row {
	unsigned page_shift, va_bits, run;
	const char *summary, *line[5];
};

static const struct levels_row rows[] = {
	{ 12, 39, 39, "4 KiB pages, 39-bit VA, 3 levels from level 1", {
		"pgd: level 1, VA bits [38:30], 512 entries, each a 1G block or a table",
		"pud: folded (one entry, the pgd's)",
		"pmd: level 2, VA bits [29:21], 512 entries, each a 2M block or a table",
		"pte: level 3, VA bits [20:12], 512 entries, each a 4K page" } },
	{ 12, 48, 48, "4 KiB pages, 48-bit VA, 4 levels from level 0", {
		"pgd: level 0, VA bits [47:39], 512 entries, each a table of 512G",
		"pud: level 1, VA bits [38:30], 512 entries, each a 1G block or a table",
		"pmd: level 2, VA bits [29:21], 512 entries, each a 2M block or a table",
		"pte: level 3, VA bits [20:12], 512 entries, each a 4K page" } },
	{ 14, 36, 36, "16 KiB pages, 36-bit VA, 2 levels from level 2", {
		"pgd: level 2, VA bits [35:25], 2048 entries, each a 32M block or a table",
		"pud: folded (one entry, the pgd's)",
		"pmd: folded (one entry, the pgd's)",
		"pte: level 3, VA bits [24:14], 2048 entries, each a 16K page" } },
	{ 14, 47, 47, "16 KiB pages, 47-bit VA, 3 levels from level 1", {
		"pgd: level 1, VA bits [46:36], 2048 entries, each a table of 64G",
		"pud: folded (one entry, the pgd's)",
		"pmd: level 2, VA bits [35:25], 2048 entries, each a 32M block or a table",
		"pte: level 3, VA bits [24:14], 2048 entries, each a 16K page" } },
	{ 14, 48, 48, "16 KiB pages, 48-bit VA, 4 levels from level 0", {
		"pgd: level 0, VA bits [47:47], 2 entries, each a table of 128T",
		"pud: level 1, VA bits [46:36], 2048 entries, each a table of 64G",
		"pmd: level 2, VA bits [35:25], 2048 entries, each a 32M block or a table",
		"pte: level 3, VA bits [24:14], 2048 entries, each a 16K page" } },
	{ 16, 42, 42, "64 KiB pages, 42-bit VA, 2 levels from level 2", {
		"pgd: level 2, VA bits [41:29], 8192 entries, each a 512M block or a table",
		"pud: folded (one entry, the pgd's)",
		"pmd: folded (one entry, the pgd's)",
		"pte: level 3, VA bits [28:16], 8192 entries, each a 64K page" } },
	{ 16, 48, 48, "64 KiB pages, 48-bit VA, 3 levels from level 1", {
		"pgd: level 1, VA bits [47:42], 64 entries, each a table of 4T",
		"pud: folded (one entry, the pgd's)",
		"pmd: level 2, VA bits [41:29], 8192 entries, each a 512M block or a table",
		"pte: level 3, VA bits [28:16], 8192 entries, each a 64K page" } },
	{ 12, 52, 52, "4 KiB pages, 52-bit VA, 5 levels from level -1", {
		"pgd: level -1, VA bits [51:48], 16 entries, each a table of 256T",
		"p4d: level 0, VA bits [47:39], 512 entries, each a 512G block or a table",
		"pud: level 1, VA bits [38:30], 512 entries, each a 1G block or a table",
		"pmd: level 2, VA bits [29:21], 512 entries, each a 2M block or a table",
		"pte: level 3, VA bits [20:12], 512 entries, each a 4K page" } },
	{ 12, 52, 48, "4 KiB pages, 48-bit VA (52 requested: no FEAT_LPA2), 4 levels from level 0", {
		"pgd: level 0, VA bits [47:39], 512 entries, each a table of 512G",
		"p4d: folded (one entry, the pgd's)",
		"pud: level 1, VA bits [38:30], 512 entries, each a 1G block or a table",
		"pmd: level 2, VA bits [29:21], 512 entries, each a 2M block or a table",
		"pte: level 3, VA bits [20:12], 512 entries, each a 4K page" } },
	{ 14, 52, 52, "16 KiB pages, 52-bit VA, 4 levels from level 0", {
		"pgd: level 0, VA bits [51:47], 32 entries, each a table of 128T",
		"pud: level 1, VA bits [46:36], 2048 entries, each a 64G block or a table",
		"pmd: level 2, VA bits [35:25], 2048 entries, each a 32M block or a table",
		"pte: level 3, VA bits [24:14], 2048 entries, each a 16K page" } },
	{ 14, 52, 47, "16 KiB pages, 47-bit VA (52 requested: no FEAT_LPA2), 3 levels from level 1", {
		"pgd: level 1, VA bits [46:36], 2048 entries, each a table of 64G",
		"pud: folded (one entry, the pgd's)",
		"pmd: level 2, VA bits [35:25], 2048 entries, each a 32M block or a table",
		"pte: level 3, VA bits [24:14], 2048 entries, each a 16K page" } },
	{ 16, 52, 52, "64 KiB pages, 52-bit VA, 3 levels from level 1", {
		"pgd: level 1, VA bits [51:42], 1024 entries, each a table of 4T",
		"pud: folded (one entry, the pgd's)",
		"pmd: level 2, VA bits [41:29], 8192 entries, each a 512M block or a table",
		"pte: level 3, VA bits [28:16], 8192 entries, each a 64K page" } },
	{ 16, 52, 48, "64 KiB pages, 48-bit VA (52 requested: no FEAT_LVA), 3 levels from level 1", {
		"pgd: level 1, VA bits [47:42], 64 entries, each a table of 4T",
		"pud: folded (one entry, the pgd's)",
		"pmd: level 2, VA bits [41:29], 8192 entries, each a 512M block or a table",
		"pte: level 3, VA bits [28:16], 8192 entries, each a 64K page" } },
};

/* Each row of the build's geometry, the VA size it runs with set first
 * (a 52-bit build's two; every other build's one). */
#if VA_BITS > VA_BITS_MIN
#define RUN_AT(row) assert_true(vabits_set((row)->run))
#else
#define RUN_AT(row) assert_int_equal((row)->run, VA_BITS)
#endif

static void test_level_lines(void **state)
{
	struct level_info l[NR_LEVEL_NAMES];
	char buf[128];
	int seen = 0;

	(void)state;
	for (size_t r = 0; r < ARRAY_LEN(rows); r++) {
		if (rows[r].page_shift != PAGE_SHIFT || rows[r].va_bits != VA_BITS)
			continue;
		RUN_AT(&rows[r]);
		levels_describe(l);
		for (int i = 0; i < NR_LEVEL_NAMES; i++)
			assert_string_equal(level_format(&l[i], buf, sizeof(buf)), rows[r].line[i]);
		assert_int_equal(NR_LEVEL_NAMES, rows[r].line[4] ? 5 : 4);
		assert_string_equal(levels_summary(buf, sizeof(buf)), rows[r].summary);
		seen++;
	}
	assert_int_equal(seen, VA_BITS > VA_BITS_MIN ? 2 : 1);
	RUN_AT(&(struct levels_row){ .run = VA_BITS });
}

/* The levels the walk has cover the VA bits it runs with less
 * PAGE_SHIFT, each below the one above it; a folded one has one entry. */
static void cover_va(void)
{
	struct level_info l[NR_LEVEL_NAMES];
	unsigned bits = 0, next_hi = vabits_actual() - 1;

	levels_describe(l);
	for (int i = 0; i < NR_LEVEL_NAMES; i++) {
		if (l[i].folded) {
			assert_int_equal(l[i].entries, 1);
			continue;
		}
		assert_int_equal(l[i].va_hi, next_hi);
		next_hi = l[i].va_lo - 1;
		bits += l[i].va_hi - l[i].va_lo + 1;
	}
	assert_int_equal(bits, vabits_actual() - PAGE_SHIFT);
	assert_int_equal(l[LEVEL_PTE].va_lo, PAGE_SHIFT);
}

static void test_levels_cover_va(void **state)
{
	(void)state;
	cover_va();
#if VA_BITS > VA_BITS_MIN
	vabits_set(VA_BITS_MIN);
	cover_va();
	vabits_set(VA_BITS);
#endif
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level_lines),
		cmocka_unit_test(test_levels_cover_va),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
