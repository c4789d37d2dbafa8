/*
 * test_levels.c - host unit tests of mmu/levels.c in every geometry.
 *
 * Owns: the report's per-level lines (pgd, pud, pmd, pte) and summary for
 * the geometry this binary was built for (unit.mk: once per geometry),
 * against lines written out by hand from the Arm ARM's tables (D8.2: VA
 * bits per level and granule; D8.3.1: where blocks are).
 */
#include "unit.h"
#include "levels.h"
#include "pgtable-hwdef.h"

struct levels_row {
	unsigned page_shift, va_bits;
	const char *summary, *line[NR_LEVEL_NAMES];
};

static const struct levels_row rows[] = {
	{ 12, 39, "4 KiB pages, 39-bit VA, 3 levels from level 1", {
		"pgd: level 1, VA bits [38:30], 512 entries, each a 1G block or a table",
		"pud: folded (one entry, the pgd's)",
		"pmd: level 2, VA bits [29:21], 512 entries, each a 2M block or a table",
		"pte: level 3, VA bits [20:12], 512 entries, each a 4K page" } },
	{ 12, 48, "4 KiB pages, 48-bit VA, 4 levels from level 0", {
		"pgd: level 0, VA bits [47:39], 512 entries, each a table of 512G",
		"pud: level 1, VA bits [38:30], 512 entries, each a 1G block or a table",
		"pmd: level 2, VA bits [29:21], 512 entries, each a 2M block or a table",
		"pte: level 3, VA bits [20:12], 512 entries, each a 4K page" } },
	{ 14, 36, "16 KiB pages, 36-bit VA, 2 levels from level 2", {
		"pgd: level 2, VA bits [35:25], 2048 entries, each a 32M block or a table",
		"pud: folded (one entry, the pgd's)",
		"pmd: folded (one entry, the pgd's)",
		"pte: level 3, VA bits [24:14], 2048 entries, each a 16K page" } },
	{ 14, 47, "16 KiB pages, 47-bit VA, 3 levels from level 1", {
		"pgd: level 1, VA bits [46:36], 2048 entries, each a table of 64G",
		"pud: folded (one entry, the pgd's)",
		"pmd: level 2, VA bits [35:25], 2048 entries, each a 32M block or a table",
		"pte: level 3, VA bits [24:14], 2048 entries, each a 16K page" } },
	{ 14, 48, "16 KiB pages, 48-bit VA, 4 levels from level 0", {
		"pgd: level 0, VA bits [47:47], 2 entries, each a table of 128T",
		"pud: level 1, VA bits [46:36], 2048 entries, each a table of 64G",
		"pmd: level 2, VA bits [35:25], 2048 entries, each a 32M block or a table",
		"pte: level 3, VA bits [24:14], 2048 entries, each a 16K page" } },
	{ 16, 42, "64 KiB pages, 42-bit VA, 2 levels from level 2", {
		"pgd: level 2, VA bits [41:29], 8192 entries, each a 512M block or a table",
		"pud: folded (one entry, the pgd's)",
		"pmd: folded (one entry, the pgd's)",
		"pte: level 3, VA bits [28:16], 8192 entries, each a 64K page" } },
	{ 16, 48, "64 KiB pages, 48-bit VA, 3 levels from level 1", {
		"pgd: level 1, VA bits [47:42], 64 entries, each a table of 4T",
		"pud: folded (one entry, the pgd's)",
		"pmd: level 2, VA bits [41:29], 8192 entries, each a 512M block or a table",
		"pte: level 3, VA bits [28:16], 8192 entries, each a 64K page" } },
};

static const struct levels_row *this_row(void)
{
	for (size_t i = 0; i < ARRAY_LEN(rows); i++)
		if (rows[i].page_shift == PAGE_SHIFT && rows[i].va_bits == VA_BITS)
			return &rows[i];
	fail_msg("PAGE_SHIFT %d VA_BITS %d: no row", PAGE_SHIFT, VA_BITS);
	return NULL;
}

static void test_level_lines(void **state)
{
	const struct levels_row *r = this_row();
	struct level_info l[NR_LEVEL_NAMES];
	char buf[128];

	(void)state;
	levels_describe(l);
	for (int i = 0; i < NR_LEVEL_NAMES; i++)
		assert_string_equal(level_format(&l[i], buf, sizeof(buf)), r->line[i]);
	assert_string_equal(levels_summary(buf, sizeof(buf)), r->summary);
}

/* The levels the walk has cover VA_BITS - PAGE_SHIFT bits, each below the
 * one above it; a folded one has one entry. */
static void test_levels_cover_va(void **state)
{
	struct level_info l[NR_LEVEL_NAMES];
	unsigned bits = 0, next_hi = VA_BITS - 1;

	(void)state;
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
	assert_int_equal(bits, VA_BITS - PAGE_SHIFT);
	assert_int_equal(l[LEVEL_PTE].va_lo, PAGE_SHIFT);
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
