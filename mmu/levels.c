/*
 * levels.c - the build's translation levels, described (see levels.h).
 *
 * Owns: turning mmu/pgtable-hwdef.h's geometry into the per-level facts
 * the report prints. The walk has PGTABLE_LEVELS levels ending at level 3
 * (Arm ARM D8.2.7); Linux names them from the bottom (pte = level 3,
 * pmd = level 2, pud = level 1) and calls the root pgd whatever its level,
 * folding a name the walk lacks into the pgd (pgtable-nopmd.h,
 * pgtable-nopud.h). Blocks: levels 1 and 2 with 4 KiB, level 2 otherwise
 * (D8.3.1); level 3 holds pages.
 */
#include <stdio.h>
#include "dump.h"
#include "levels.h"
#include "pgtable-hwdef.h"

_Static_assert(PGTABLE_START_LEVEL >= 0 && PGTABLE_START_LEVEL <= 2, "2 to 4 levels");

static struct level_info level_at(const char *name, int level)
{
	unsigned lo = LEVEL_SHIFT(level);
	unsigned hi = level == PGTABLE_START_LEVEL ? VA_BITS - 1 : lo + PTE_INDEX_BITS - 1;

	return (struct level_info){
		.name = name, .folded = false, .level = level, .va_hi = hi, .va_lo = lo,
		.entries = 1ULL << (hi - lo + 1), .entry_size = 1ULL << lo,
		.block = level >= BLOCK_MIN_LEVEL && level < 3,
	};
}

static struct level_info folded(const char *name)
{
	return (struct level_info){ .name = name, .folded = true, .level = -1, .entries = 1 };
}

void levels_describe(struct level_info out[NR_LEVEL_NAMES])
{
	out[LEVEL_PGD] = level_at("pgd", PGTABLE_START_LEVEL);
	out[LEVEL_PUD] = PGTABLE_LEVELS > 3 ? level_at("pud", 1) : folded("pud");
	out[LEVEL_PMD] = PGTABLE_LEVELS > 2 ? level_at("pmd", 2) : folded("pmd");
	out[LEVEL_PTE] = level_at("pte", 3);
}

char *level_format(const struct level_info *l, char *buf, size_t len)
{
	char size[16];

	if (l->folded) {
		snprintf(buf, len, "%s: folded (one entry, the pgd's)", l->name);
		return buf;
	}
	format_size(l->entry_size, size, sizeof(size));
	snprintf(buf, len, "%s: level %d, VA bits [%u:%u], %llu entries, each %s %s%s", l->name,
		 l->level, l->va_hi, l->va_lo, (unsigned long long)l->entries,
		 l->level == 3 ? "a" : l->block ? "a" : "a table of", size,
		 l->level == 3 ? " page" : l->block ? " block or a table" : "");
	return buf;
}

char *levels_summary(char *buf, size_t len)
{
	snprintf(buf, len, "%s pages, %d-bit VA, %d levels from level %d", PAGE_SIZE_NAME, VA_BITS,
		 PGTABLE_LEVELS, PGTABLE_START_LEVEL);
	return buf;
}
