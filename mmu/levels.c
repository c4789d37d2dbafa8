/*
 * levels.c - the translation levels this boot walks, described (see
 * levels.h).
 *
 * Owns: turning mmu/pgtable-hwdef.h's geometry and this boot's VA size
 * (mmu/vabits.h) into the per-level facts the report prints. The walk
 * starts at the level D8.2.7 gives the VA size and ends at level 3; Linux
 * names the levels from the bottom (pte = level 3, pmd = level 2, pud =
 * level 1, p4d = level 0 under a level -1 root) and calls the root pgd
 * whatever its level, folding a name the walk lacks into the pgd
 * (pgtable-nopmd.h, pgtable-nopud.h, pgtable-nop4d.h). Blocks: levels 1
 * and 2 with 4 KiB, level 2 otherwise, one level higher with FEAT_LPA2's
 * format (D8.3.1); level 3 holds pages.
 */
#include <stdio.h>
#include "desc.h"
#include "dump.h"
#include "levels.h"

_Static_assert(PGTABLE_START_LEVEL >= -1 && PGTABLE_START_LEVEL <= 2, "2 to 5 levels");

/* Architectural level `level` of a walk of va_bits. */
static struct level_info level_at(const char *name, int level, unsigned va_bits)
{
	unsigned lo = level_shift(level);
	unsigned hi = level == va_root_level(va_bits) ? va_bits - 1 : lo + PTE_INDEX_BITS - 1;

	return (struct level_info){
		.name = name, .folded = false, .level = level, .va_hi = hi, .va_lo = lo,
		.entries = 1ULL << (hi - lo + 1), .entry_size = 1ULL << lo,
		.block = level >= block_min_level() && level < 3,
	};
}

static struct level_info folded(const char *name)
{
	return (struct level_info){ .name = name, .folded = true, .level = -2, .entries = 1 };
}

void levels_describe(struct level_info out[NR_LEVEL_NAMES])
{
	unsigned bits = vabits_actual();
	int root = va_root_level(bits);

	out[LEVEL_PGD] = level_at("pgd", root, bits);
#if PGTABLE_LEVELS > 4
	out[LEVEL_P4D] = root < 0 ? level_at("p4d", 0, bits) : folded("p4d");
#endif
	out[LEVEL_PUD] = root < 1 ? level_at("pud", 1, bits) : folded("pud");
	out[LEVEL_PMD] = root < 2 ? level_at("pmd", 2, bits) : folded("pmd");
	out[LEVEL_PTE] = level_at("pte", 3, bits);
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
	unsigned bits = vabits_actual();

	if (bits < VA_BITS)
		snprintf(buf, len, "%s pages, %u-bit VA (%d requested: no " VA52_FEATURE_NAME "), %d levels "
			 "from level %d", PAGE_SIZE_NAME, bits, VA_BITS, 4 - va_root_level(bits),
			 va_root_level(bits));
	else
		snprintf(buf, len, "%s pages, %d-bit VA, %d levels from level %d", PAGE_SIZE_NAME,
			 VA_BITS, PGTABLE_LEVELS, PGTABLE_START_LEVEL);
	return buf;
}
