/*
 * phys_range.h - a range of physical memory: the one type after the
 * readers.
 *
 * Owns: struct phys_range, [phys_start, phys_end) with the name of what it
 * is (a bank's node, a reservation, the EFI memory map; NULL where nobody
 * asks). The DTB and EFI readers keep their own records (lib/machine.h,
 * start/efi/efi.h, with what else they read); from the RAM plan on
 * (mmu/ram_plan.c: its banks, linear, free and taken ranges), through the
 * maps (mmu/maps.h: the linear ranges, a view of the plan's) to the page
 * allocator (mmu/pgalloc.h: its reservations), a range is this. Pure.
 */
#ifndef PHYS_RANGE_H
#define PHYS_RANGE_H

#include <stdbool.h>
#include <stdint.h>

struct phys_range {
	uint64_t phys_start, phys_end;          /* [start, end) */
	const char *name;
};

static inline uint64_t phys_range_size(const struct phys_range *r)
{
	return r->phys_end - r->phys_start;
}

static inline bool phys_range_has(const struct phys_range *r, uint64_t pa)
{
	return pa >= r->phys_start && pa < r->phys_end;
}

#endif /* PHYS_RANGE_H */
