/*
 * levels.h - the build's translation levels, described (mmu/levels.c).
 *
 * Owns: the description of each of Linux's four level names (pgd, pud,
 * pmd, pte) for the build's geometry: the architectural level it is, or
 * that it is folded; the VA bits that index it; its entries per table;
 * what one entry maps. Pure; the full report prints it (start/main.c).
 */
#ifndef LEVELS_H
#define LEVELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { LEVEL_PGD, LEVEL_PUD, LEVEL_PMD, LEVEL_PTE, NR_LEVEL_NAMES };

struct level_info {
	const char *name;        /* "pgd", "pud", "pmd", "pte" */
	bool folded;             /* not a level of the walk: one entry, the pgd's */
	int level;               /* the architectural level (0..3); -1 folded */
	unsigned va_hi, va_lo;   /* the VA bits [va_hi:va_lo] that index it */
	uint64_t entries;        /* entries per table */
	uint64_t entry_size;     /* bytes one entry maps */
	bool block;              /* an entry may be a block (D8.3.1) */
};

/* The four names, pgd first. */
void levels_describe(struct level_info out[NR_LEVEL_NAMES]);
/* One line for \l, e.g. "pmd: level 2, VA bits [29:21], 512 entries, each
 * a 2M block or a table" or "pud: folded (one entry, the pgd's)". */
char *level_format(const struct level_info *l, char *buf, size_t len);
/* "4 KiB pages, 39-bit VA, 3 levels from level 1". */
char *levels_summary(char *buf, size_t len);

#endif /* LEVELS_H */
