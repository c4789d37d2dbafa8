/*
 * demand.c - demand paging on the live final map (see demand.h).
 */
#include <string.h>
#include "align.h"
#include "cache.h"
#include "demand.h"
#include "esr.h"
#include "fault.h"
#include "memory.h"

_Static_assert(DEMAND_MAX_PAGES <= 65536, "held pages are counted in the ranges' u64s");

static struct {
	bool started;
	struct xlat_ctx *xlat;
	struct pgalloc_ctx *pages;
	struct demand_range range[DEMAND_MAX_RANGES];
	unsigned nr_ranges;
	struct { uint64_t va, pa; } held[DEMAND_MAX_PAGES];
	unsigned nr_held;
} st;

const char *demand_strerror(int err)
{
	switch (err) {
	case DEMAND_OK:       return "ok";
	case DEMAND_EALIGN:   return "VA or size not 4 KiB aligned, or size 0";
	case DEMAND_ERANGE:   return "range wraps or is not inside the TTBR1 half";
	case DEMAND_EOVERLAP: return "range overlaps a demand range already registered";
	case DEMAND_EFULL:    return "no room for another demand range";
	case DEMAND_EWX:      return "attributes are writable and executable";
	case DEMAND_ESTATE:   return "demand paging is not started";
	case DEMAND_ENOENT:   return "no demand range starts there";
	default:              return "unknown demand error";
	}
}

void demand_start(struct xlat_ctx *xlat, struct pgalloc_ctx *pages)
{
	st.xlat = xlat;
	st.pages = pages;
	st.started = true;
	fault_set_abort_resolver(demand_resolve);
}

static struct demand_range *find(uint64_t va)
{
	for (unsigned i = 0; i < st.nr_ranges; i++)
		if (va - st.range[i].va < st.range[i].size)
			return &st.range[i];
	return NULL;
}

const struct demand_range *demand_find(uint64_t va)
{
	return find(va);
}

unsigned demand_count(void)
{
	return st.nr_ranges;
}

const struct demand_range *demand_get(unsigned i)
{
	return i < st.nr_ranges ? &st.range[i] : NULL;
}

int demand_add(uint64_t va, uint64_t size, const struct pte_attrs *attrs, const char *name)
{
	struct demand_range *r;

	if (!st.started)
		return DEMAND_ESTATE;
	if (!size || (va | size) & (PAGE_SIZE - 1))
		return DEMAND_EALIGN;
	if (va < (uint64_t)VA_START || (va + size != 0 && va + size < va))
		return DEMAND_ERANGE;
	if (xlat_attrs_wx(attrs))
		return DEMAND_EWX;
	for (unsigned i = 0; i < st.nr_ranges; i++) {
		const struct demand_range *o = &st.range[i];

		if (va < o->va + o->size && o->va < va + size)
			return DEMAND_EOVERLAP;
	}
	if (st.nr_ranges == DEMAND_MAX_RANGES)
		return DEMAND_EFULL;
	r = &st.range[st.nr_ranges++];
	*r = (struct demand_range){ .va = va, .size = size, .attrs = *attrs };
	strncpy(r->attrs_name, name, sizeof(r->attrs_name) - 1);
	return DEMAND_OK;
}

bool demand_resolve(uint64_t esr, uint64_t far)
{
	struct demand_range *r;
	uint64_t va = align_down(far, PAGE_SIZE), pa;
	int rc;

	if (!st.started || !esr_is_translation_fault_cur(esr))
		return false;
	r = find(far);
	if (!r)
		return false;
	r->faults++;
	if (st.nr_held == DEMAND_MAX_PAGES || !(pa = pgalloc_alloc(st.pages, 0))) {
		r->unresolved++;
		r->last_error = 1;
		return false;
	}
	{
		uint64_t *p = pgalloc_ptr(st.pages, pa);

		memset(p, 0, PAGE_SIZE);      /* DC ZVA where allowed (lib/string.c) */
		/* Seen without the cache (Device, Normal non-cacheable): the
		 * zeros must be in memory, not only in a cache line. */
		if (r->attrs.attrindx != MT_NORMAL)
			dcache_clean_poc((uintptr_t)p, (uintptr_t)p + PAGE_SIZE);
	}
	rc = xlat_map(st.xlat, va, pa, PAGE_SIZE, &r->attrs);
	if (rc) {
		(void)pgalloc_free(st.pages, pa, 0);
		r->unresolved++;
		r->last_error = rc;
		return false;
	}
	st.held[st.nr_held].va = va;
	st.held[st.nr_held].pa = pa;
	st.nr_held++;
	r->pages_taken++;
	r->pages_held++;
	return true;           /* the eret runs the instruction again */
}

/* Gives held page i back and forgets it (the last entry moves there). */
static int give_back(unsigned i)
{
	struct demand_range *r = find(st.held[i].va);
	int rc = pgalloc_free(st.pages, st.held[i].pa, 0);

	if (r)
		r->pages_held--;
	st.held[i] = st.held[--st.nr_held];
	return rc;
}

unsigned demand_unmapped(uint64_t va, uint64_t size)
{
	unsigned n = 0;

	for (unsigned i = 0; i < st.nr_held; ) {
		if (st.held[i].va - va < size) {
			(void)give_back(i);
			n++;
		} else {
			i++;
		}
	}
	return n;
}

int demand_remove(uint64_t va, unsigned *returned)
{
	struct demand_range *r = NULL;

	*returned = 0;
	for (unsigned i = 0; i < st.nr_ranges; i++)
		if (st.range[i].va == va)
			r = &st.range[i];
	if (!r)
		return DEMAND_ENOENT;
	for (unsigned i = 0; i < st.nr_held; ) {
		int rc;

		if (st.held[i].va - r->va >= r->size) {
			i++;
			continue;
		}
		rc = xlat_unmap(st.xlat, st.held[i].va, PAGE_SIZE);
		if (!rc)
			rc = give_back(i);
		if (rc)
			return rc;
		(*returned)++;
	}
	*r = st.range[--st.nr_ranges];
	return DEMAND_OK;
}
