/*
 * demand.c - demand paging on the live final map (see demand.h).
 *
 * Owns: the ranges, the resolver, and the list of held pages: a table in
 * the bss, then a chain of pages from the allocator, each taken when the
 * list grows into it and given back when it empties (the list is as long
 * as RAM lets it be). Removal moves the list's last entry into the hole,
 * so the bss table is full whenever a page of the chain exists.
 */
#include <stdio.h>
#include <string.h>
#include "align.h"
#include "cache.h"
#include "clear_pages.h"
#include "demand.h"
#include "esr.h"
#include "fault.h"
#include "memory.h"

struct held {
	uint64_t va, pa;
};

/* A page of the chain: its links, its count, its entries. */
struct held_page {
	uint64_t next_pa, prev_pa;           /* newer, older; 0: none */
	uint64_t n, unused;
	struct held e[(PAGE_SIZE - 32) / sizeof(struct held)];
};
#define HELD_PER_PAGE (sizeof(((struct held_page *)0)->e) / sizeof(struct held))
_Static_assert(sizeof(struct held_page) <= PAGE_SIZE, "a page of the chain is one page");

static struct {
	bool started;
	struct xlat_ctx *xlat;
	struct pgalloc_ctx *pages;
	struct demand_range range[DEMAND_MAX_RANGES];
	unsigned nr_ranges;
	struct held held[DEMAND_STATIC_HELD];
	uint64_t nr_held;                    /* in all: the table's, then the chain's */
	uint64_t head_pa, tail_pa;           /* the chain: oldest, newest page */
	unsigned list_pages;
} st;

/* ---- the list of held pages ---------------------------------------------- */

static struct held_page *page_at(uint64_t pa)
{
	return pgalloc_ptr(st.pages, pa);
}

/* A place in the list: the bss table (page_pa 0) or a page of the chain. */
struct cursor {
	uint64_t index;                      /* 0 .. nr_held */
	uint64_t page_pa;
	unsigned slot;
};

/* Out of line: the scans below stay one loop (one call of xlat_unmap in
 * demand_remove: make bench finds it there). */
static __attribute__((noinline)) struct held *at(const struct cursor *c)
{
	return c->page_pa ? &page_at(c->page_pa)->e[c->slot] : &st.held[c->slot];
}

static void next(struct cursor *c)
{
	c->index++;
	c->slot++;
	if (!c->page_pa && c->slot == DEMAND_STATIC_HELD) {
		c->page_pa = st.head_pa;
		c->slot = 0;
	} else if (c->page_pa && c->slot == HELD_PER_PAGE) {
		c->page_pa = page_at(c->page_pa)->next_pa;
		c->slot = 0;
	}
}

static struct held *last(void)
{
	return st.tail_pa ? &page_at(st.tail_pa)->e[page_at(st.tail_pa)->n - 1]
			  : &st.held[st.nr_held - 1];
}

/* Room for one more entry: a page from the allocator when the list's last
 * page (or the table) is full. false if there is none. */
static bool room_for_one(void)
{
	struct held_page *p;
	uint64_t pa;

	if (st.nr_held < DEMAND_STATIC_HELD || (st.tail_pa && page_at(st.tail_pa)->n < HELD_PER_PAGE))
		return true;
	pa = pgalloc_alloc(st.pages, 0);
	if (!pa)
		return false;
	p = page_at(pa);
	*p = (struct held_page){ .prev_pa = st.tail_pa };
	if (st.tail_pa)
		page_at(st.tail_pa)->next_pa = pa;
	else
		st.head_pa = pa;
	st.tail_pa = pa;
	st.list_pages++;
	return true;
}

/* After room_for_one. */
static void push(uint64_t va, uint64_t pa)
{
	struct held *h;

	if (st.nr_held < DEMAND_STATIC_HELD)
		h = &st.held[st.nr_held];
	else
		h = &page_at(st.tail_pa)->e[page_at(st.tail_pa)->n++];
	*h = (struct held){ va, pa };
	st.nr_held++;
}

/* The chain's last page, if it holds no entry, goes back: a page holds at
 * least one entry (last() reads the tail's). */
static void drop_empty_tail(void)
{
	uint64_t pa = st.tail_pa;

	if (!pa || page_at(pa)->n)
		return;
	st.tail_pa = page_at(pa)->prev_pa;
	if (st.tail_pa)
		page_at(st.tail_pa)->next_pa = 0;
	else
		st.head_pa = 0;
	(void)pgalloc_free(st.pages, pa, 0);
	st.list_pages--;
}

/* The entry at c goes; the last takes its place (c then holds the next
 * one to look at); a page of the chain left empty goes back. */
static void remove_at(const struct cursor *c)
{
	*at(c) = *last();
	st.nr_held--;
	if (st.tail_pa) {
		page_at(st.tail_pa)->n--;
		drop_empty_tail();
	}
}

unsigned demand_list_pages(void)
{
	return st.list_pages;
}

const char *demand_unresolved_why(const struct demand_range *r)
{
	if (!r->unresolved)
		return NULL;
	if (r->last_error == DEMAND_NO_PAGE)
		return "the page allocator has no free page: RAM is used up";
	if (r->last_error == XLAT_ENOMEM)
		return "XLAT_ENOMEM: no page for a translation table: the pool is used up and the "
		       "page allocator has none to give";
	return xlat_strerror(r->last_error);
}

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
	if (va < ttbr1_va_start() || (va + size != 0 && va + size < va))
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

/* A fault the resolver leaves, with its cause; said now when nothing
 * catches it (the exception's report follows), else the catcher says it. */
static bool unresolved(struct demand_range *r, uint64_t far, int why)
{
	r->unresolved++;
	r->last_error = why;
	if (!fault_guard_armed())
		printf("demand: the fault at va 0x%llx in the demand range 0x%llx-0x%llx is not "
		       "resolved: %s\n", (unsigned long long)far, (unsigned long long)r->va,
		       (unsigned long long)(r->va + r->size), demand_unresolved_why(r));
	return false;
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
	if (!room_for_one())
		return unresolved(r, far, DEMAND_NO_PAGE);
	if (!(pa = pgalloc_alloc(st.pages, 0))) {
		drop_empty_tail();            /* the list page room_for_one took */
		return unresolved(r, far, DEMAND_NO_PAGE);
	}
	{
		uint64_t *p = pgalloc_ptr(st.pages, pa);

		clear_pages(p, PAGE_SIZE);    /* DC ZVA where allowed (lib/string.c) */
		/* Seen without the cache (Device, Normal non-cacheable): the
		 * zeros must be in memory, not only in a cache line. */
		if (r->attrs.attrindx != MT_NORMAL)
			dcache_clean_poc((uintptr_t)p, (uintptr_t)p + PAGE_SIZE);
	}
	rc = xlat_map(st.xlat, va, pa, PAGE_SIZE, &r->attrs);
	if (rc) {
		(void)pgalloc_free(st.pages, pa, 0);
		drop_empty_tail();
		return unresolved(r, far, rc);
	}
	push(va, pa);
	r->pages_taken++;
	r->pages_held++;
	return true;           /* the eret runs the instruction again */
}

/* Gives the held page at c back and forgets it (the last entry moves there). */
static int give_back(const struct cursor *c)
{
	struct held *h = at(c);
	struct demand_range *r = find(h->va);
	int rc = pgalloc_free(st.pages, h->pa, 0);

	if (r)
		r->pages_held--;
	remove_at(c);
	return rc;
}

unsigned demand_unmapped(uint64_t va, uint64_t size)
{
	struct cursor c = { 0 };
	unsigned n = 0;

	while (c.index < st.nr_held) {
		if (at(&c)->va - va < size) {
			(void)give_back(&c);
			n++;
		} else {
			next(&c);
		}
	}
	return n;
}

int demand_remove(uint64_t va, unsigned *returned)
{
	struct demand_range *r = NULL;
	struct cursor c = { 0 };

	*returned = 0;
	for (unsigned i = 0; i < st.nr_ranges; i++)
		if (st.range[i].va == va)
			r = &st.range[i];
	if (!r)
		return DEMAND_ENOENT;
	while (c.index < st.nr_held) {
		int rc;

		if (at(&c)->va - r->va >= r->size) {
			next(&c);
			continue;
		}
		rc = xlat_unmap(st.xlat, at(&c)->va, PAGE_SIZE);
		if (!rc)
			rc = give_back(&c);
		if (rc)
			return rc;
		(*returned)++;
	}
	*r = st.range[--st.nr_ranges];
	return DEMAND_OK;
}
