/*
 * demand.h - demand paging on the live final map (target only).
 *
 * Owns: the virtual ranges that are mapped on first touch, and the pages
 * they hold. A range is registered with its attributes; a translation
 * fault (a data abort at EL1, DFSC 0b0001LL) inside it takes one page
 * from the page allocator (pgalloc_alloc, order 0), zeroes it, maps it
 * with xlat_map on the final map and lets the instruction run again
 * (mmu/fault.h's abort resolver). Any other fault in a range (a
 * permission fault, an alignment fault) is not resolved: it is reported
 * as any fault is. The table pages such a mapping needs come from the
 * final map's xlat pool (the boot's BOOT_POOL_PAGES pages) and, once it is
 * used up, from the allocator too (xlat_set_refill: kernel_map.c), so
 * demand paging is bounded by RAM. A fault it cannot resolve (no free
 * page: RAM used up; no table page) keeps its cause in its range
 * (demand_unresolved_why) and, when nothing catches it (no guarded access
 * armed), is named on the console before the exception's report.
 * Held pages are remembered with their VA and PA (the first
 * DEMAND_STATIC_HELD in the bss, the rest in pages from the allocator), so
 * that an unmap gives exactly those back to the allocator (pgalloc_free),
 * and no other page. One instance: the resolver has no cookie.
 */
#ifndef DEMAND_H
#define DEMAND_H

#include <stdbool.h>
#include <stdint.h>
#include "desc.h"
#include "pgalloc.h"
#include "xlat.h"

#define DEMAND_MAX_RANGES 8
/* Held pages remembered in the bss; more in pages from the allocator. */
#define DEMAND_STATIC_HELD 64
/* A range's last_error when the allocator had no free page. */
#define DEMAND_NO_PAGE 1

enum demand_error {
	DEMAND_OK       =  0,
	DEMAND_EALIGN   = -1,  /* VA or size not 4 KiB aligned, or size 0 */
	DEMAND_ERANGE   = -2,  /* wraps, or not inside the TTBR1 half */
	DEMAND_EOVERLAP = -3,  /* overlaps a range already registered */
	DEMAND_EFULL    = -4,  /* DEMAND_MAX_RANGES already registered */
	DEMAND_EWX      = -5,  /* attributes writable and executable (as xlat) */
	DEMAND_ESTATE   = -6,  /* demand_start not called */
	DEMAND_ENOENT   = -7,  /* remove: no range starts at this VA */
};

const char *demand_strerror(int err);

struct demand_range {
	uint64_t va, size;
	struct pte_attrs attrs;
	char attrs_name[16];     /* as given, for the listing */
	uint64_t faults;         /* translation faults taken inside it */
	uint64_t pages_taken;    /* pages taken from the allocator and mapped */
	uint64_t pages_held;     /* of those, still mapped and held */
	uint64_t unresolved;     /* faults left unresolved (no page, no table) */
	int last_error;          /* of the last unresolved one: an xlat error or
				  * DEMAND_NO_PAGE; 0: none */
};

/* Why r's last unresolved fault was not resolved, or NULL if none was. */
const char *demand_unresolved_why(const struct demand_range *r);
/* Pages from the allocator holding the list of held pages. */
unsigned demand_list_pages(void);

/* Starts demand paging on xlat (the final map) with pages (the allocator)
 * and installs the abort resolver. */
void demand_start(struct xlat_ctx *xlat, struct pgalloc_ctx *pages);
int demand_add(uint64_t va, uint64_t size, const struct pte_attrs *attrs, const char *name);
/* The range that holds va, or NULL. */
const struct demand_range *demand_find(uint64_t va);
unsigned demand_count(void);
const struct demand_range *demand_get(unsigned i);
/* After a successful xlat_unmap of [va, va + size): the held pages there
 * go back to the allocator. Returns how many. */
unsigned demand_unmapped(uint64_t va, uint64_t size);
/* Unmaps the held pages of the range starting at va, gives them back and
 * forgets the range. *returned: pages given back. DEMAND_OK, ENOENT, or
 * the first xlat/pgalloc error (the range then stays). */
int demand_remove(uint64_t va, unsigned *returned);
/* The resolver (installed by demand_start; exposed for the listing). */
bool demand_resolve(uint64_t esr, uint64_t far);

#endif /* DEMAND_H */
