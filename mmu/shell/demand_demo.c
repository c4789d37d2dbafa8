/*
 * demand_demo.c - stub.demand: a scripted demand-paging demonstration.
 *
 * Owns: the script. It registers DEMAND_DEMO_PAGES pages at DEMAND_VADDR
 * (mmu/demand.c), writes one word into each page with plain stores (each
 * store a translation fault the resolver turns into a page from the
 * allocator), checks that exactly one fault and one page were taken per
 * page, reads every word back, then unmaps the range and gives the pages
 * back with pgalloc_free, and checks that the allocator and the xlat pool
 * are where they started and that the range faults again (a guarded read).
 */
#include <stdio.h>
#include "demand.h"
#include "demand_demo.h"
#include "esr.h"
#include "fault.h"
#include "memory.h"

#define PATTERN(i) (0x5eed000000000000ULL | ((uint64_t)(i) << 12) | 0xd)

static int passed, failed;

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

int demand_demo_run(struct xlat_ctx *xlat, struct pgalloc_ctx *pages)
{
	static const struct pte_attrs rw = {
		.attrindx = MT_NORMAL, .sh = 3, .af = true, .pxn = true, .uxn = true,
	};
	const uint64_t va = DEMAND_VADDR, n = DEMAND_DEMO_PAGES;
	const struct demand_range *r;
	uint64_t free0, free1, free2, bad = 0;
	unsigned pool0, pool1, pool2, returned = 0;
	struct caught_fault c;
	uint64_t v;
	int rc;

	passed = failed = 0;
	demand_start(xlat, pages);
	free0 = free_pages(pages);
	pool0 = xlat_pages_used(xlat);
	rc = demand_add(va, n * PAGE_SIZE, &rw, "rw");
	printf("demand-demo: %llu pages at va 0x%016llx rw, mapped on first touch (pages from the "
	       "allocator, tables from the final map's pool): %s\n", (unsigned long long)n,
	       (unsigned long long)va, demand_strerror(rc));
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

		if (p[i] != PATTERN(i) || p[(i + 1) % 512] != 0)
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
out:
	printf("demand-demo: %d passed, %d failed\n", passed, failed);
	return failed;
}
