/*
 * levels.h - the translation levels this boot walks, described
 * (mmu/levels.c).
 *
 * Owns: the description of each of Linux's level names (pgd, pud, pmd,
 * pte; p4d too in a build with five levels, 4K/52) for the build's
 * granule and this boot's VA size (mmu/vabits.h: a 52-bit build on a CPU
 * without FEAT_LPA2 or LVA folds its top level): the architectural level
 * a name is, or that it is folded; the VA bits that index it; its entries
 * per table; what one entry maps. Pure; the full report prints it
 * (start/report.c).
 */
#ifndef LEVELS_H
#define LEVELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pgtable-hwdef.h"

enum {
	LEVEL_PGD,
#if PGTABLE_LEVELS > 4
	LEVEL_P4D,               /* level 0 under a level -1 root: 4K/52 */
#endif
	LEVEL_PUD, LEVEL_PMD, LEVEL_PTE, NR_LEVEL_NAMES
};

struct level_info {
	const char *name;        /* "pgd", "p4d", "pud", "pmd", "pte" */
	bool folded;             /* not a level of the walk: one entry, the pgd's */
	int level;               /* the architectural level (-1..3); folded: -2 */
	unsigned va_hi, va_lo;   /* the VA bits [va_hi:va_lo] that index it */
	uint64_t entries;        /* entries per table */
	uint64_t entry_size;     /* bytes one entry maps */
	bool block;              /* an entry may be a block (D8.3.1) */
};

/* Every name, pgd first. */
void levels_describe(struct level_info out[NR_LEVEL_NAMES]);
/* One line for \l, e.g. "pmd: level 2, VA bits [29:21], 512 entries, each
 * a 2M block or a table" or "pud: folded (one entry, the pgd's)". */
char *level_format(const struct level_info *l, char *buf, size_t len);
/* "4 KiB pages, 39-bit VA, 3 levels from level 1"; a 52-bit build on a
 * CPU without the feature: "4 KiB pages, 48-bit VA (52 requested: no
 * FEAT_LPA2), 4 levels from level 0". */
char *levels_summary(char *buf, size_t len);

#endif /* LEVELS_H */
