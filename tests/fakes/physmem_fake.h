/*
 * physmem_fake.h - a sparse fake physical memory for testing mmu/pgalloc.c
 * and mmu/ram_plan.c on the host (tests/unit/test_pgalloc.c,
 * tests/unit/test_ram_plan.c, tests/fuzz/fuzz_pgalloc.c and
 * tests/fuzz/fuzz_ram_plan.c).
 *
 * Owns: 4 KiB host pages (each its own malloc, so ASan sees an overrun of
 * a page) created zeroed on first touch (or, after pf_garbage, holding
 * bytes that depend on their PA: RAM as firmware leaves it, for the
 * allocator that must not read what it never wrote), for PAs inside the ranges made
 * accessible with pf_allow; any other PA is an error (counted in errors,
 * the first kept in first_error_pa, and a scratch page returned so the
 * caller does not crash); ranges whose pages have only their first bytes
 * (huge banks: list nodes only); an optional may_touch hook that can refuse a PA
 * (the fuzzer: the allocator may only touch free pages and its metadata);
 * and a digest of the contents, equal before and after a call that must
 * change nothing (pages as they were created do not count, so a page
 * merely read does not change it).
 * pf_phys_to_ptr is the allocator's phys_to_ptr, with the pf_mem as cookie.
 */
#ifndef PHYSMEM_FAKE_H
#define PHYSMEM_FAKE_H

#include <stdbool.h>
#include <stdint.h>

#define PF_MAX_ALLOWED 32

struct pf_page {
	uint64_t pfn;                       /* + 1: 0 marks an empty slot */
	uint8_t *data;
	uint32_t bytes;                     /* backed bytes from the page start */
};

struct pf_mem {
	struct pf_page *slots;              /* open addressing, pfn + 1 as key */
	uint64_t nr_slots, nr_used;
	struct { uint64_t start, end; uint32_t bytes; } allowed[PF_MAX_ALLOWED];
	unsigned nr_allowed;
	uint64_t errors, first_error_pa;
	uint8_t *scratch;
	bool garbage;                       /* new pages: pf_garbage's bytes */
	bool (*may_touch)(uint64_t pa, void *arg);
	void *may_touch_arg;
	uint64_t touches;
};

void pf_init(struct pf_mem *m);
/* Pages created from now on hold garbage (a function of each byte's PA,
 * never all zero), not zeros. */
void pf_garbage(struct pf_mem *m);
/* Frees every page; the allowed ranges and the hook are kept. */
void pf_clear(struct pf_mem *m);
void pf_destroy(struct pf_mem *m);
/* Pages of [pa, pa + size) exist (the first range that holds a PA wins). */
void pf_allow(struct pf_mem *m, uint64_t pa, uint64_t size);
/* The same, but only the first bytes of each page exist (ASan catches an
 * access beyond): for huge banks, where the allocator touches only the
 * list node at the head of each free block. */
void pf_allow_sparse(struct pf_mem *m, uint64_t pa, uint64_t size, uint32_t bytes);
void *pf_phys_to_ptr(uint64_t pa, void *cookie);
/* The page of pa if it exists (no error, no hook, not created), or NULL. */
uint8_t *pf_peek(const struct pf_mem *m, uint64_t pa);
uint64_t pf_digest(const struct pf_mem *m);
/* The same over the existing pages of [pa, pa + size) only. */
uint64_t pf_digest_range(const struct pf_mem *m, uint64_t pa, uint64_t size);
/* How many pages of [pa, pa + size) exist, i.e. were touched since the
 * last pf_clear (O(pages that exist), whatever the size of the range). */
uint64_t pf_pages_in(const struct pf_mem *m, uint64_t pa, uint64_t size);

#endif /* PHYSMEM_FAKE_H */
