/*
 * demand_demo.c - stub.demand: a scripted demand-paging demonstration.
 *
 * Owns: the script. It dirties the pages the faults will take (taken,
 * written all over, given back), registers DEMAND_DEMO_PAGES pages at
 * DEMAND_VADDR (mmu/demand.c), writes one word into each page with plain
 * stores (each store a translation fault the resolver turns into a page
 * from the allocator), checks that exactly one fault and one page were
 * taken per page, reads every word back (the rest of each page must be
 * zeros: the fault cleared it), then unmaps the range and gives the pages
 * back with pgalloc_free, and checks that the allocator and the xlat pool
 * are where they started and that the range faults again (a guarded read).
 * With exhaust (stub.demand-exhaust), then, one page in each of
 * DEMAND_DEMO_SPREAD 2 MiB slots: more level-3 tables than the pool has,
 * the rest from the allocator (refills), all given back with the range;
 * and every page of the demand slot (1 GiB) in turn, by guarded writes,
 * until one is not resolved: the cause must be RAM used up, named; then
 * everything given back. (Not in stub.demand alone: make bench measures
 * its 16 faults.)
 */
#include <stdio.h>
#include <string.h>
#include "demand.h"
#include "print.h"
#include "demand_demo.h"
#include "esr.h"
#include "fault.h"
#include "memory.h"

#define PATTERN(i) (0x5eed000000000000ULL | ((uint64_t)(i) << 12) | 0xd)

static int passed, failed;

static const struct pte_attrs rw = {
	.attrindx = MT_NORMAL, .sh = 3, .af = true, .pxn = true, .uxn = true,
};

static void verdict(bool ok, const char *what)
{
	if (ok)
		passed++;
	else
		failed++;
	printf("demand-demo: %s %s\n", ok ? "PASS" : "FAIL", what);
}

static uint64_t free_pages(struct pgalloc_ctx *pages)
{
	struct pgalloc_stats st;

	return pgalloc_stats(pages, PGALLOC_ALL_BANKS, &st) ? 0 : st.free_pages;
}

static void say_pool(const char *what, const struct xlat_ctx *xlat)
{
	printf("demand-demo: %s: ", what);
	print_xlat_pool(xlat);
	printf("\n");
}

/* Everything given back: the allocator's free pages and the tables in use
 * where they started, no refill held, no page of the held list. */
static void all_back(struct xlat_ctx *xlat, struct pgalloc_ctx *pages, uint64_t free0,
		     unsigned pool0, unsigned returned, uint64_t n, int rc)
{
	struct xlat_pool_info pi;
	uint64_t free2 = free_pages(pages);

	xlat_pool_info(xlat, &pi);
	printf("demand-demo: unmapped, %u pages returned (free pages %llu -> %llu; tables in use "
	       "%u, refills %u, pages of the held list %u): %s\n", returned,
	       (unsigned long long)free0, (unsigned long long)free2, xlat_pages_used(xlat), pi.segs,
	       demand_list_pages(), rc ? "error" : "ok");
	verdict(!rc && returned == n && free2 == free0 && xlat_pages_used(xlat) == pool0 &&
		!pi.segs && !demand_list_pages(), "every page, table page and refill given back");
}

/* One page in each of DEMAND_DEMO_SPREAD 2 MiB slots: a level-3 table
 * each, more than the pool has free. */
static void beyond_the_pool(struct xlat_ctx *xlat, struct pgalloc_ctx *pages)
{
	const uint64_t va = DEMAND_VADDR, n = DEMAND_DEMO_SPREAD;
	uint64_t free0 = free_pages(pages), bad = 0, v;
	unsigned pool0 = xlat_pages_used(xlat), returned = 0;
	const struct demand_range *r;
	struct xlat_pool_info pi;
	struct caught_fault c;
	int rc = demand_add(va, n * SZ_2M, &rw, "rw");

	xlat_pool_info(xlat, &pi);
	printf("demand-demo: one page in each of %llu 2 MiB slots at va 0x%016llx: %llu level-3 "
	       "tables, the pool has %u free: %s\n", (unsigned long long)n,
	       (unsigned long long)va, (unsigned long long)n, pi.pool_pages - pi.pool_used,
	       demand_strerror(rc));
	r = demand_find(va);
	if (rc || !r) {
		verdict(false, "the spread range is registered");
		return;
	}
	for (uint64_t i = 0; i < n; i++)
		bad += guarded_write64(va + i * SZ_2M + 8 * (i % 512), PATTERN(i), &c);
	xlat_pool_info(xlat, &pi);
	say_pool("touched them: tables", xlat);
	verdict(!bad && r->faults == n && r->pages_taken == n && !r->unresolved,
		"one fault and one page per slot, none unresolved");
	verdict(pi.pool_used == pi.pool_pages && pi.seg_used > 0 &&
		xlat_pages_used(xlat) > BOOT_POOL_PAGES,
		"tables beyond the pool's came from the allocator");
	for (uint64_t i = 0; i < n; i++)
		if (guarded_read64(va + i * SZ_2M + 8 * (i % 512), &v, &c) || v != PATTERN(i))
			bad++;
	verdict(!bad && r->faults == n, "the data survived, no fault on the second pass");
	rc = demand_remove(va, &returned);
	all_back(xlat, pages, free0, pool0, returned, n, rc);
}

/* Every page of the demand slot in turn until one is not resolved: RAM
 * used up, and said so; then everything back. */
static void until_ram_runs_out(struct xlat_ctx *xlat, struct pgalloc_ctx *pages)
{
	const uint64_t va = DEMAND_VADDR, slot = SZ_1G / PAGE_SIZE;
	uint64_t free0 = free_pages(pages), i;
	unsigned pool0 = xlat_pages_used(xlat), returned = 0;
	const struct demand_range *r;
	struct caught_fault c;
	int rc = demand_add(va, SZ_1G, &rw, "rw");

	printf("demand-demo: every page of the 1 GiB at va 0x%016llx until one is not resolved "
	       "(%llu pages free): %s\n", (unsigned long long)va, (unsigned long long)free0,
	       demand_strerror(rc));
	r = demand_find(va);
	if (rc || !r) {
		verdict(false, "the exhausting range is registered");
		return;
	}
	for (i = 0; i < slot; i++)
		if (guarded_write64(va + i * PAGE_SIZE, PATTERN(i), &c))
			break;
	if (i == slot) {
		printf("demand-demo: all %llu pages of the slot mapped before RAM ran out (more "
		       "RAM than the slot's VA): not exhausted\n", (unsigned long long)slot);
	} else {
		struct pgalloc_stats st;
		bool no_block = !pgalloc_stats(pages, PGALLOC_ALL_BANKS, &st);

		for (unsigned k = 1; k <= PGALLOC_MAX_ORDER; k++)
			no_block = no_block && !st.nr_free[k];
		printf("demand-demo: RAM used up after %llu pages (%u more held the list of them); "
		       "the fault at va 0x%016llx not resolved: %s\n", (unsigned long long)i,
		       demand_list_pages(), (unsigned long long)(va + i * PAGE_SIZE),
		       demand_unresolved_why(r) ? demand_unresolved_why(r) : "(no cause)");
		say_pool("tables", xlat);
		verdict(r->unresolved == 1 && r->pages_held == i &&
			fault_status_is(esr_fault_status(c.esr), FSC_TRANSLATION) &&
			((r->last_error == DEMAND_NO_PAGE && !free_pages(pages)) ||
			 (r->last_error == XLAT_ENOMEM && no_block)),
			"the fault RAM left unresolved is named: no page, or no table page");
	}
	rc = demand_remove(va, &returned);
	all_back(xlat, pages, free0, pool0, returned, i, rc);
}

/* The pages the faults are about to take, dirtied: n taken and written
 * all over, then given back. The allocator is deterministic and best fit,
 * so the faults get the same pages again, and a page a fault did not clear
 * shows in the read-back. */
static void dirty_next_pages(struct pgalloc_ctx *pages, unsigned n)
{
	uint64_t pa[DEMAND_DEMO_PAGES];
	unsigned got = 0;

	while (got < n && got < DEMAND_DEMO_PAGES && (pa[got] = pgalloc_alloc(pages, 0)) != 0)
		memset(pgalloc_ptr(pages, pa[got++]), 0xa5, PAGE_SIZE);
	while (got)
		(void)pgalloc_free(pages, pa[--got], 0);
}

int demand_demo_run(struct xlat_ctx *xlat, struct pgalloc_ctx *pages, bool exhaust)
{
	const uint64_t va = DEMAND_VADDR, n = DEMAND_DEMO_PAGES;
	const struct demand_range *r;
	uint64_t free0, free1, free2, bad = 0;
	unsigned pool0, pool1, pool2, returned = 0;
	struct caught_fault c;
	uint64_t v;
	int rc;

	passed = failed = 0;
	demand_start(xlat, pages);
	dirty_next_pages(pages, (unsigned)n);
	free0 = free_pages(pages);
	pool0 = xlat_pages_used(xlat);
	rc = demand_add(va, n * PAGE_SIZE, &rw, "rw");
	printf("demand-demo: %llu pages at va 0x%016llx rw, mapped on first touch (pages from the "
	       "allocator, tables from the final map's pool, then the allocator): %s\n",
	       (unsigned long long)n, (unsigned long long)va, demand_strerror(rc));
	r = demand_find(va);
	if (rc || !r) {
		verdict(false, "the range is registered");
		goto out;
	}
	for (uint64_t i = 0; i < n; i++)      /* each store faults once */
		*(volatile uint64_t *)(uintptr_t)(va + i * PAGE_SIZE + 8 * i) = PATTERN(i);
	free1 = free_pages(pages);
	pool1 = xlat_pages_used(xlat);
	printf("demand-demo: touched %llu pages: %llu faults, %llu pages taken from the allocator "
	       "(free pages %llu -> %llu; xlat pool pages in use %u -> %u)\n", (unsigned long long)n,
	       (unsigned long long)r->faults, (unsigned long long)r->pages_taken,
	       (unsigned long long)free0, (unsigned long long)free1, pool0, pool1);
	verdict(r->faults == n && r->pages_taken == n && r->pages_held == n && !r->unresolved,
		"one fault and one page per page touched");
	verdict(free0 - free1 == n, "the allocator gave exactly those pages");
	for (uint64_t i = 0; i < n; i++) {     /* no fault now: every page is mapped */
		const volatile uint64_t *p = (const volatile uint64_t *)(uintptr_t)(va + i * PAGE_SIZE);
		bool zeros = true;            /* the rest of the page as the fault cleared it */

		for (unsigned j = 0; j < PAGE_SIZE / 8; j++)
			zeros &= j == i || p[j] == 0;
		if (p[i] != PATTERN(i) || !zeros)
			bad++;
	}
	printf("demand-demo: data survived: %llu of %llu pages read back (%llu faults in all)\n",
	       (unsigned long long)(n - bad), (unsigned long long)n, (unsigned long long)r->faults);
	verdict(!bad && r->faults == n, "the data survived, no fault on the second pass");
	rc = demand_remove(va, &returned);
	free2 = free_pages(pages);
	pool2 = xlat_pages_used(xlat);
	printf("demand-demo: unmapped, %u pages returned to the allocator with pgalloc_free (free "
	       "pages %llu -> %llu; xlat pool pages in use %u -> %u): %s\n", returned,
	       (unsigned long long)free1, (unsigned long long)free2, pool1, pool2,
	       rc ? "error" : "ok");
	verdict(!rc && returned == n && free2 == free0 && pool2 == pool0,
		"every page and table page given back");
	verdict(guarded_read64(va, &v, &c) == 1 && fault_status_is(esr_fault_status(c.esr), FSC_TRANSLATION),
		"the range is unmapped again: a read is a translation fault");
	if (exhaust) {
		beyond_the_pool(xlat, pages);
		until_ram_runs_out(xlat, pages);
	}
out:
	printf("demand-demo: %d passed, %d failed\n", passed, failed);
	return failed;
}
