/*
 * physmem_fake.c - the sparse fake physical memory of physmem_fake.h.
 *
 * Owns: the page hash table, the allowed ranges, the error counting and
 * the content digest.
 */
#include <stdlib.h>
#include <string.h>
#include "physmem_fake.h"
#include "pgtable-hwdef.h"

static uint64_t hash64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	return x ^ (x >> 33);
}

void pf_init(struct pf_mem *m)
{
	memset(m, 0, sizeof(*m));
	m->nr_slots = 1024;
	m->slots = calloc(m->nr_slots, sizeof(m->slots[0]));
	m->scratch = calloc(1, PAGE_SIZE);
	if (!m->slots || !m->scratch)
		abort();
}

void pf_garbage(struct pf_mem *m)
{
	m->garbage = true;
}

/* The garbage word at pa (8-byte aligned): a page's bytes as created. */
static uint64_t garbage_word(uint64_t pa)
{
	return hash64(pa) | 0x0101010101010101ULL;     /* never all zero */
}

/* Whether a page still holds what it was created with. */
static bool pristine(const struct pf_page *p, bool garbage)
{
	uint64_t pa = (p->pfn - 1) << PAGE_SHIFT, w, j;

	for (j = 0; j + 8 <= p->bytes; j += 8) {
		memcpy(&w, p->data + j, 8);
		if (w != (garbage ? garbage_word(pa + j) : 0))
			return false;
	}
	return true;
}

void pf_clear(struct pf_mem *m)
{
	uint64_t i;

	for (i = 0; i < m->nr_slots; i++) {
		free(m->slots[i].data);
		m->slots[i] = (struct pf_page){ 0, NULL, 0 };
	}
	m->nr_used = 0;
	m->errors = 0;
	m->first_error_pa = 0;
	m->touches = 0;
}

void pf_destroy(struct pf_mem *m)
{
	pf_clear(m);
	free(m->slots);
	free(m->scratch);
	memset(m, 0, sizeof(*m));
}

void pf_allow_sparse(struct pf_mem *m, uint64_t pa, uint64_t size, uint32_t bytes)
{
	if (m->nr_allowed == PF_MAX_ALLOWED || bytes == 0 || bytes > PAGE_SIZE)
		abort();
	m->allowed[m->nr_allowed].start = pa;
	m->allowed[m->nr_allowed].end = pa + size;
	m->allowed[m->nr_allowed].bytes = bytes;
	m->nr_allowed++;
}

void pf_allow(struct pf_mem *m, uint64_t pa, uint64_t size)
{
	pf_allow_sparse(m, pa, size, PAGE_SIZE);
}

static struct pf_page *lookup(const struct pf_mem *m, uint64_t pfn)
{
	uint64_t i = hash64(pfn) & (m->nr_slots - 1);

	while (m->slots[i].data && m->slots[i].pfn != pfn + 1)
		i = (i + 1) & (m->nr_slots - 1);
	return &m->slots[i];
}

static void grow(struct pf_mem *m)
{
	struct pf_page *old = m->slots;
	uint64_t i, n = m->nr_slots;

	m->nr_slots *= 2;
	m->slots = calloc(m->nr_slots, sizeof(m->slots[0]));
	if (!m->slots)
		abort();
	for (i = 0; i < n; i++)
		if (old[i].data)
			*lookup(m, old[i].pfn - 1) = old[i];
	free(old);
}

/* Backed bytes of pa's page, 0 if it is not accessible. */
static uint32_t allowed(const struct pf_mem *m, uint64_t pa)
{
	unsigned i;

	for (i = 0; i < m->nr_allowed; i++)
		if (pa >= m->allowed[i].start && pa < m->allowed[i].end)
			return m->allowed[i].bytes;
	return 0;
}

void *pf_phys_to_ptr(uint64_t pa, void *cookie)
{
	struct pf_mem *m = cookie;
	struct pf_page *p;
	uint32_t bytes = allowed(m, pa);

	m->touches++;
	if (!bytes || (m->may_touch && !m->may_touch(pa, m->may_touch_arg))) {
		if (!m->errors++)
			m->first_error_pa = pa;
		return m->scratch + (pa & (PAGE_SIZE - 1));
	}
	p = lookup(m, pa >> PAGE_SHIFT);
	if (!p->data) {
		if (2 * (m->nr_used + 1) > m->nr_slots) {
			grow(m);
			p = lookup(m, pa >> PAGE_SHIFT);
		}
		p->data = calloc(1, bytes);
		if (!p->data)
			abort();
		for (uint32_t j = 0; m->garbage && j + 8 <= bytes; j += 8) {
			uint64_t w = garbage_word((pa & ~(uint64_t)(PAGE_SIZE - 1)) + j);

			memcpy(p->data + j, &w, 8);
		}
		p->pfn = (pa >> PAGE_SHIFT) + 1;
		p->bytes = bytes;
		m->nr_used++;
	}
	return p->data + (pa & (PAGE_SIZE - 1));
}

uint8_t *pf_peek(const struct pf_mem *m, uint64_t pa)
{
	return lookup(m, pa >> PAGE_SHIFT)->data;
}

static uint64_t page_digest(const struct pf_page *p, bool garbage)
{
	uint64_t h = 0, w, j;

	if (pristine(p, garbage))
		return 0;
	for (j = 0; j + 8 <= p->bytes; j += 8) {
		memcpy(&w, p->data + j, 8);
		h = hash64(h ^ w ^ (j << 48));
	}
	return hash64(h ^ p->pfn);
}

uint64_t pf_digest(const struct pf_mem *m)
{
	uint64_t i, sum = 0;

	for (i = 0; i < m->nr_slots; i++)
		if (m->slots[i].data)
			sum += page_digest(&m->slots[i], m->garbage);
	return sum;
}

uint64_t pf_digest_range(const struct pf_mem *m, uint64_t pa, uint64_t size)
{
	uint64_t sum = 0, p;

	for (p = pa & ~(uint64_t)(PAGE_SIZE - 1); p < pa + size; p += PAGE_SIZE) {
		const struct pf_page *pg = lookup(m, p >> PAGE_SHIFT);

		if (pg->data)
			sum += page_digest(pg, m->garbage);
	}
	return sum;
}

uint64_t pf_pages_in(const struct pf_mem *m, uint64_t pa, uint64_t size)
{
	uint64_t i, n = 0;

	for (i = 0; i < m->nr_slots; i++) {
		uint64_t page_pa = (m->slots[i].pfn - 1) << PAGE_SHIFT;

		if (m->slots[i].data && page_pa >= pa && page_pa - pa < size)
			n++;
	}
	return n;
}
