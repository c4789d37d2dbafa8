/*
 * dump.h - enumerate every mapping of one half of the address space.
 *
 * Owns: walking a whole table tree (TTBR0 or TTBR1), merging neighbouring
 * leaves with contiguous VA and PA and equal level and attributes into
 * ranges, and the one-line text form of a range. Pure: host-testable.
 */
#ifndef DUMP_H
#define DUMP_H

#include <stddef.h>
#include <stdint.h>
#include "walk.h"

struct pt_range {
	uint64_t va;             /* first VA */
	uint64_t pa;             /* first PA */
	uint64_t size;           /* bytes */
	int level;               /* level of the leaves (BLOCK_MIN_LEVEL .. 3) */
	struct pte_attrs attrs;
};

typedef void (*pt_range_fn)(const struct pt_range *range, void *cookie);

/* Calls emit once per merged range, in VA order. Returns the number of
 * ranges, or -1 if a table could not be read. */
int pt_dump(const struct walk_ctx *ctx, int ttbr, pt_range_fn emit, void *cookie);

/* "0xffffff8000000000-0xffffff8008000000 pa 0x0040000000   128M L2 RW NX ..." */
char *pt_range_format(const struct pt_range *r, char *buf, size_t len);

/* "4K", "2M", "128M", "3G", "1536K": the largest unit that divides size. */
char *format_size(uint64_t size, char *buf, size_t len);

#endif /* DUMP_H */
