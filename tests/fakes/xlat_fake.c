/*
 * xlat_fake.c - fake table memory and TLB for testing mmu/xlat.c (see
 * xlat_fake.h). Descriptor bits are spelled out here (Arm ARM D8.3), not
 * taken from desc.c or pgtable-hwdef.h, so that the checks do not share a
 * mistake with the code under test.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "desc_literal.h"
#include "xlat_fake.h"

#define ATTR_MASK (~(XF_OA_BITS | 3ULL))   /* every bit but OA and type */
/* A 48-bit output address field, for the garbage in free pool pages. */
#define GARBAGE_OA_MASK (0x0000ffffffffffffULL & ~(XF_PAGE - 1))

typedef unsigned long long ull;

static unsigned shift_of(int level)
{
	/* 4K: 1 -> 30, 2 -> 21, 3 -> 12 */
	return PAGE_SHIFT + (3 - (unsigned)level) * XF_BITS;
}

static uint64_t size_of(int level)
{
	return 1ULL << shift_of(level);
}

static void xf_error(struct xf_env *e, const char *fmt, ...)
{
	char msg[sizeof(e->err)];
	va_list ap;

	if (e->dry)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!e->nerr)
		snprintf(e->err, sizeof(e->err), "%s", msg);
	e->nerr++;
	if (e->on_error)
		e->on_error(msg);
}

static void *grow(void *p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return p;
	*cap = need * 2 + 16;
	p = realloc(p, *cap * elem);
	if (!p) {
		fprintf(stderr, "xlat_fake: out of memory\n");
		abort();
	}
	return p;
}

/* ---- memory ---------------------------------------------------------- */

/* Pages after the root: the pool's, then the arena's. */
static unsigned npages(const struct xf_env *e)
{
	return e->pool_pages + e->arena_pages;
}

/* Garbage in every GARBAGE_STRIDE-th entry of a free page (all of a
 * 4 KiB page's; 512 of any larger one, across the whole page, so that a
 * table used without being cleared in full still shows some), zeros in
 * the rest. */
#define GARBAGE_STRIDE (XF_ENTRIES / 512)

static void fill_garbage(struct xf_env *e, unsigned i, uint64_t salt)
{
	uint64_t *p = e->mem[1 + i];

	if (GARBAGE_STRIDE > 1)
		memset(p, 0, XF_PAGE);
	for (unsigned j = 0; j < XF_ENTRIES; j += GARBAGE_STRIDE) {
		uint64_t k = (i + j + salt) % (e->pool_pages ? e->pool_pages : 1);

		if ((j / GARBAGE_STRIDE) % 4 == 1)   /* a valid-looking level-2 block / page */
			p[j] = ((0x40000000ULL + (j + salt) * (XF_PAGE << XF_BITS)) & GARBAGE_OA_MASK) |
			       0x713ULL;
		else              /* a valid-looking table descriptor into the pool */
			p[j] = (e->pool_pa + k * XF_PAGE) | 3ULL;
	}
}

/* ---- the arena: the pool's refills -------------------------------------- */

static uint64_t arena_take(unsigned order, void *cookie)
{
	struct xf_env *e = cookie;
	unsigned n = 1u << order;

	if (order > e->arena_order || (!e->arena_any && order != e->arena_order))
		return 0;
	for (unsigned i = 0; i + n <= e->arena_pages; i += n) {
		bool free_ = true;

		/* Free: no block starts inside it, none before it reaches in. */
		for (unsigned j = 0; j < e->arena_pages && free_; j++)
			if (e->arena_taken[j] && j < i + n && i < j + (1u << (e->arena_taken[j] - 1)))
				free_ = false;
		if (free_) {
			e->arena_taken[i] = (uint8_t)(order + 1);
			return XF_ARENA_PA + (uint64_t)i * XF_PAGE;
		}
	}
	return 0;
}

static void arena_give(uint64_t pa, unsigned order, void *cookie)
{
	struct xf_env *e = cookie;
	uint64_t i = (pa - XF_ARENA_PA) / XF_PAGE;

	if (pa < XF_ARENA_PA || (pa - XF_ARENA_PA) % XF_PAGE || i >= e->arena_pages ||
	    e->arena_taken[i] != order + 1) {
		xf_error(e, "refill give(0x%llx, order %u): not a block the arena gave at that "
			 "order", (ull)pa, order);
		return;
	}
	e->arena_taken[i] = 0;
}

unsigned xf_arena_free_blocks(const struct xf_env *e)
{
	unsigned n = 1u << e->arena_order, blocks = 0;

	for (unsigned i = 0; i + n <= e->arena_pages; i += n) {
		bool free_ = true;

		for (unsigned j = 0; j < e->arena_pages && free_; j++)
			if (e->arena_taken[j] && j < i + n && i < j + (1u << (e->arena_taken[j] - 1)))
				free_ = false;
		blocks += free_;
	}
	return blocks;
}

/* The buffers of the last env torn down, for the next one of a size they
 * hold (the fuzzer sets up an env per input: with 64 KiB pages they are
 * megabytes, which malloc would map and the kernel clear every time). */
static struct xf_buffers {
	size_t pages, leaves;                   /* what they hold; 0: none kept */
	void *mem, *snap, *dry_mem, *old, *cur, *fin;
} kept;

static void *kept_or_new(void **keptp, size_t bytes, bool fits, bool aligned)
{
	void *p = fits ? *keptp : NULL;

	if (!fits)
		free(*keptp);
	*keptp = NULL;
	return p ? p : aligned ? aligned_alloc(4096, bytes) : malloc(bytes);
}

int xf_setup(struct xf_env *e, uint64_t va_base, unsigned pa_bits, unsigned pool_pages)
{
	return xf_setup_refill(e, va_base, pa_bits, pool_pages, 0, 0, false);
}

int xf_setup_refill(struct xf_env *e, uint64_t va_base, unsigned pa_bits, unsigned pool_pages,
		    unsigned arena_pages, unsigned arena_order, bool any)
{
	size_t n = 1 + (size_t)pool_pages + arena_pages;
	bool fits;
	int rc;

	memset(e, 0, sizeof(*e));
	if (pool_pages > XLAT_POOL_MAX_PAGES || arena_pages > XF_ARENA_MAX ||
	    arena_order > XLAT_SEG_MAX_ORDER || arena_pages % (1u << arena_order)) {
		fprintf(stderr, "xlat_fake: pool of %u pages, arena of %u (order %u): too large\n",
			pool_pages, arena_pages, arena_order);
		abort();
	}
	e->va_base = va_base;
	e->root_pa = XF_ROOT_PA;
	e->pool_pa = XF_POOL_PA;
	e->pa_bits = pa_bits;
	e->pool_pages = pool_pages;
	e->arena_pages = arena_pages;
	e->arena_order = arena_order;
	e->arena_any = any;
	e->refill = (struct xlat_refill){ arena_take, arena_give };
	e->check_barriers = true;
	e->cap = n * XF_ENTRIES + 16;
	fits = kept.pages >= n && kept.leaves >= e->cap;
	if (fits)
		e->cap = kept.leaves;
	else
		n = n > kept.pages ? n : kept.pages;
	e->mem = kept_or_new(&kept.mem, n * XF_PAGE, fits, true);
	e->snap = kept_or_new(&kept.snap, n * XF_PAGE, fits, true);
	e->dry_mem = kept_or_new(&kept.dry_mem, n * XF_PAGE, fits, true);
	e->old = kept_or_new(&kept.old, e->cap * sizeof(*e->old), fits, false);
	e->cur = kept_or_new(&kept.cur, e->cap * sizeof(*e->cur), fits, false);
	e->fin = kept_or_new(&kept.fin, e->cap * sizeof(*e->fin), fits, false);
	e->buf_pages = fits ? kept.pages : n;
	kept.pages = kept.leaves = 0;
	e->capt = n + 1;
	e->oldt = malloc(e->capt * sizeof(*e->oldt));
	if (!e->mem || !e->snap || !e->dry_mem || !e->old || !e->cur || !e->fin || !e->oldt) {
		fprintf(stderr, "xlat_fake: out of memory\n");
		abort();
	}
	memset(e->mem[0], 0, XF_PAGE);
	for (unsigned i = 0; i < npages(e); i++)
		fill_garbage(e, i, 0);
	rc = xlat_init(&e->ctx, va_base, XF_ROOT_PA, pa_bits, XF_POOL_PA, pool_pages,
		       xf_table_ptr, xf_tlb_flush, xf_publish, e);
	if (arena_pages)
		xlat_set_refill(&e->ctx, &e->refill);
	return rc;
}

void xf_teardown(struct xf_env *e)
{
	/* The large buffers are kept for the next env (one set: the ones kept
	 * before are let go). */
	free(kept.mem);
	free(kept.snap);
	free(kept.dry_mem);
	free(kept.old);
	free(kept.cur);
	free(kept.fin);
	kept = (struct xf_buffers){ .pages = e->buf_pages, .leaves = e->cap, .mem = e->mem,
				    .snap = e->snap, .dry_mem = e->dry_mem, .old = e->old,
				    .cur = e->cur, .fin = e->fin };
	free(e->oldt);
	free(e->cov);
	free(e->fl);
	e->mem = e->snap = e->dry_mem = NULL;
}

/* The index of a pool page (0 ..) or an arena page (pool_pages ..) in
 * mem[1 + i], or -1. */
static int page_index(const struct xf_env *e, uint64_t pa)
{
	if (pa & (XF_PAGE - 1))
		return -1;
	if (pa >= e->pool_pa && (pa - e->pool_pa) / XF_PAGE < e->pool_pages)
		return (int)((pa - e->pool_pa) / XF_PAGE);
	if (pa >= XF_ARENA_PA && (pa - XF_ARENA_PA) / XF_PAGE < e->arena_pages)
		return (int)(e->pool_pages + (pa - XF_ARENA_PA) / XF_PAGE);
	return -1;
}

uint64_t *xf_page(struct xf_env *e, uint64_t pa)
{
	int i;

	if (pa == e->root_pa)
		return e->mem[0];
	i = page_index(e, pa);
	return i < 0 ? NULL : e->mem[1 + i];
}

/* A page the context keeps a table in: the pool's marked used, or a
 * refill's in use. */
static bool page_marked(const struct xf_env *e, unsigned i)
{
	if (i < e->pool_pages)
		return e->ctx.pool_used[i];
	return xlat_pool_page_in_use(&e->ctx, XF_ARENA_PA + (uint64_t)(i - e->pool_pages) * XF_PAGE);
}

const uint64_t *xf_read(uint64_t pa, void *cookie)
{
	return xf_page(cookie, pa);
}

struct walk_ctx xf_walk_ctx(struct xf_env *e)
{
	/* The other half's root is an address the reader never knows. */
	uint64_t other = 0xdead000ULL;

	return (struct walk_ctx){
		.ttbr0_pa = e->va_base ? other : e->root_pa,
		.ttbr1_pa = e->va_base ? e->root_pa : other,
		.read_table = xf_read, .cookie = e,
	};
}

uint64_t *xf_table_ptr(uint64_t pa, void *cookie)
{
	struct xf_env *e = cookie;
	uint64_t *p = xf_page(e, pa);

	if (!p) {
		e->nbad_ptr++;
		xf_error(e, "table_ptr(0x%llx): neither the root (0x%llx) nor a pool page "
			 "(0x%llx + %u pages) nor an arena page (0x%llx + %u)", (ull)pa,
			 (ull)e->root_pa, (ull)e->pool_pa, e->pool_pages, (ull)XF_ARENA_PA,
			 e->arena_pages);
	}
	return p;
}

/* ---- descriptors (literal bits) -------------------------------------- */

uint64_t xf_leaf_desc(uint64_t pa, int level, const struct pte_attrs *a)
{
	return literal_leaf_desc_in(pa, level, a, XF_FORMAT);
}

/* SH: bits [9:8], or with FEAT_LPA2's format TCR_EL1's (inner: 3). */
struct pte_attrs xf_desc_attrs(uint64_t d)
{
	return (struct pte_attrs){
		.attrindx = (uint8_t)(d >> 2 & 7),
		.sh = XF_FORMAT == LITERAL_LPA2 ? 3 : (uint8_t)(d >> 8 & 3),
		.user = d >> 6 & 1, .rdonly = d >> 7 & 1, .af = d >> 10 & 1,
		.ng = d >> 11 & 1, .pxn = d >> 53 & 1, .uxn = d >> 54 & 1,
	};
}

static uint64_t leaf_oa(const struct xf_leaf *l)
{
	return XF_OA(l->desc) & ~(size_of(l->level) - 1);
}

static uint64_t leaf_end(const struct xf_leaf *l)
{
	return l->off + size_of(l->level);
}

/* ---- walking --------------------------------------------------------- */

uint64_t *xf_entry(struct xf_env *e, uint64_t va, int level)
{
	uint64_t off = va - e->va_base, table_pa = e->root_pa;

	if (off >= XF_CTX_SIZE)
		return NULL;
	for (int lv = XF_FIRST_LEVEL; ; lv++) {
		uint64_t *t = xf_page(e, table_pa), *ent;

		if (!t)
			return NULL;
		ent = &t[(off >> shift_of(lv)) & (XF_ENTRIES - 1)];
		if (lv == level)
			return ent;
		if (lv == 3 || (*ent & 3) != 3)
			return NULL;
		table_pa = XF_OA(*ent);
	}
}

int xf_translate(struct xf_env *e, uint64_t va, uint64_t *pa, int *level, uint64_t *desc)
{
	uint64_t off = va - e->va_base, table_pa = e->root_pa;

	if (off >= XF_CTX_SIZE)
		return 0;
	for (int lv = XF_FIRST_LEVEL; lv <= 3; lv++) {
		uint64_t *t = xf_page(e, table_pa), d;

		if (!t) {
			xf_error(e, "walk of VA 0x%llx: level-%d table at 0x%llx is no pool page",
				 (ull)va, lv, (ull)table_pa);
			return -1;
		}
		d = t[(off >> shift_of(lv)) & (XF_ENTRIES - 1)];
		if (!(d & 1))
			return 0;
		if (lv < 3 && (d & 2)) {
			table_pa = XF_OA(d);
			continue;
		}
		if ((lv == 3 && !(d & 2)) || lv < XF_BLOCK_MIN_LEVEL) {
			xf_error(e, "walk of VA 0x%llx: reserved level-%d descriptor 0x%llx",
				 (ull)va, lv, (ull)d);
			return -1;
		}
		*pa = (XF_OA(d) & ~(size_of(lv) - 1)) | (off & (size_of(lv) - 1));
		*level = lv;
		*desc = d;
		return 1;
	}
	return 0;
}

struct trav {
	struct xf_env *e;
	struct xf_leaf *leaves;
	size_t n, cap;
	struct xf_table *tables;        /* optional */
	size_t nt, capt;
	uint8_t seen[XLAT_POOL_MAX_PAGES + XF_ARENA_MAX];
	unsigned ntables;
	bool structure;                 /* also the checks of a finished call */
	bool ok;
	bool want_hash;                 /* hash every table visited */
	uint64_t hash;
	uint64_t lo, hi;                /* only entries meeting [lo, hi) */
};

/* Whether entries [i, i + ZERO_RUN) of a table are all zero (i a
 * multiple of ZERO_RUN): most of a table is, most of all with 16 and
 * 64 KiB pages. One OR over the run, which the compiler does a vector at
 * a time (not memcmp: the fuzzer's runtime intercepts that). */
#define ZERO_RUN 64

__attribute__((no_sanitize("undefined")))
static bool zero_from(const uint64_t *p, unsigned i)
{
	uint64_t acc = 0;

	for (unsigned j = i; j < i + ZERO_RUN; j++)
		acc |= p[j];
	return !acc;
}

/* One entry's part of a table's hash: its value and its index, mixed. A
 * table's hash is the sum of its non-zero entries' parts (independent of
 * each other: no chain of multiplies through the table; a zero entry adds
 * nothing, so a run of them is passed whole), chained into the walk's
 * after the table's own entries (trav_table). Any change of an entry
 * changes its part. */
static uint64_t entry_hash(uint64_t v, unsigned i)
{
	v ^= (uint64_t)(i + 1) * 0x9e3779b97f4a7c15ULL;
	v *= 0xbf58476d1ce4e5b9ULL;
	return v ^ (v >> 31);
}

/* The checks' hot loop (every table, at every barrier): no UBSan checks on
 * its own pointer arithmetic, as no ASan (fuzz.mk); what it reads is the
 * tables xlat.c wrote, in the pool this file allocated. */
__attribute__((no_sanitize("undefined")))
static void trav_table(struct trav *t, const uint64_t *tab, int level, uint64_t off)
{
	struct xf_env *e = t->e;
	uint64_t span = size_of(level);
	uint64_t base = e->va_base, hash = 0;

	for (unsigned i = 0; i < XF_ENTRIES; i++) {
		uint64_t d = tab[i], eoff = off + i * span;

		if (!(i % ZERO_RUN) && zero_from(tab, i)) {
			i += ZERO_RUN - 1;      /* a run of invalid entries */
			continue;
		}
		if (d && t->want_hash)
			hash += entry_hash(d, i);
		if (!(d & 1) || eoff >= t->hi || eoff + span <= t->lo)
			continue;
		if (level < 3 && (d & 3) == 3) {
			uint64_t pa = XF_OA(d);
			int pi = page_index(e, pa);
			const uint64_t *sub;
			bool empty = true;

			if (pi < 0) {
				xf_error(e, "level-%d entry of VA 0x%llx is a table descriptor 0x%llx "
					 "to %s", level, (ull)(base + eoff), (ull)d,
					 pa == e->root_pa ? "the root" : "no pool page");
				t->ok = false;
				continue;
			}
			if (t->seen[pi]) {
				xf_error(e, "pool page %d (0x%llx) is reached twice (again from the "
					 "level-%d entry of VA 0x%llx)", pi, (ull)pa, level,
					 (ull)(base + eoff));
				t->ok = false;
				continue;
			}
			t->seen[pi] = 1;
			t->ntables++;
			sub = e->mem[1 + pi];
			if (t->structure) {
				if (!page_marked(e, (unsigned)pi))
					xf_error(e, "pool page %d (0x%llx), the level-%d table of VA "
						 "0x%llx, is marked free (or a refill's counts)", pi,
						 (ull)pa, level + 1, (ull)(base + eoff)), t->ok = false;
				for (unsigned j = 0; j < XF_ENTRIES && empty; j++)
					empty = !(sub[j] & 1);
				if (empty)
					xf_error(e, "the level-%d table of VA 0x%llx (pool page %d) is "
						 "empty but still linked", level + 1,
						 (ull)(base + eoff), pi), t->ok = false;
			}
			if (t->tables) {
				t->tables = grow(t->tables, &t->capt, t->nt + 1, sizeof(*t->tables));
				t->tables[t->nt++] = (struct xf_table){
					.off = eoff, .level = level + 1, .pa = pa };
			}
			trav_table(t, sub, level + 1, eoff);
			continue;
		}
		if ((level == 3 && (d & 3) != 3) || level < XF_BLOCK_MIN_LEVEL) {
			xf_error(e, "reserved level-%d descriptor 0x%llx at VA 0x%llx", level, (ull)d,
				 (ull)(base + eoff));
			t->ok = false;
			continue;
		}
		if (t->structure) {
			uint64_t oa = XF_OA(d);

			if (oa & (span - 1))
				xf_error(e, "level-%d block at VA 0x%llx has output address bits "
					 "below its size: 0x%llx", level, (ull)(base + eoff),
					 (ull)d), t->ok = false;
			if (oa >> e->pa_bits)
				xf_error(e, "leaf at VA 0x%llx has an output address beyond %u bits: "
					 "0x%llx", (ull)(base + eoff), e->pa_bits, (ull)d),
					t->ok = false;
		}
		if (t->cap == 0)
			continue;               /* hashing only */
		if (t->n >= t->cap) {
			xf_error(e, "more leaves than the tables can hold");
			t->ok = false;
			return;
		}
		t->leaves[t->n++] = (struct xf_leaf){ .off = eoff, .desc = d, .level = level };
	}
	if (t->want_hash)
		t->hash = (t->hash ^ hash) * 0x100000001b3ULL;
}

static size_t collect(struct xf_env *e, struct xf_leaf *out, size_t cap, uint64_t *hash,
		      struct xf_table **tables, size_t *nt, size_t *capt, bool structure,
		      unsigned *ntables, bool *ok)
{
	struct trav t = {
		.e = e, .leaves = out, .cap = cap, .structure = structure, .ok = true,
		.want_hash = hash != NULL, .hash = 0xcbf29ce484222325ULL, .lo = 0, .hi = XF_CTX_SIZE,
	};

	if (tables) {
		t.tables = *tables;
		t.capt = *capt;
	}
	trav_table(&t, e->mem[0], XF_FIRST_LEVEL, 0);
	if (hash)
		*hash = t.hash;
	if (tables) {
		*tables = t.tables;
		*capt = t.capt;
		*nt = t.nt;
	}
	if (ntables)
		*ntables = t.ntables;
	if (ok)
		*ok = t.ok;
	return t.n;
}

/* The leaves meeting [lo, hi), without the hash or structure checks. */
static size_t collect_range(struct xf_env *e, struct xf_leaf *out, size_t cap, uint64_t lo,
			    uint64_t hi)
{
	struct trav t = { .e = e, .leaves = out, .cap = cap, .ok = true, .lo = lo, .hi = hi };

	trav_table(&t, e->mem[0], XF_FIRST_LEVEL, 0);
	return t.n;
}

size_t xf_leaves(struct xf_env *e, struct xf_leaf **out)
{
	*out = malloc(e->cap * sizeof(**out));
	if (!*out)
		abort();
	return collect(e, *out, e->cap, NULL, NULL, NULL, NULL, false, NULL, NULL);
}

bool xf_check_structure(struct xf_env *e)
{
	unsigned ntables, marked = 0, used;
	bool ok;

	collect(e, e->cur, e->cap, NULL, NULL, NULL, NULL, true, &ntables, &ok);
	for (unsigned i = 0; i < npages(e); i++)
		marked += page_marked(e, i);
	/* The arena's blocks are the context's refills, one for one. */
	for (unsigned i = 0, blocks = 0; i <= e->arena_pages; i++) {
		unsigned k;

		if (i == e->arena_pages) {
			if (blocks != e->ctx.nr_segs)
				xf_error(e, "the arena gave %u blocks, the context holds %u refills",
					 blocks, e->ctx.nr_segs), ok = false;
			break;
		}
		if (!e->arena_taken[i])
			continue;
		blocks++;
		for (k = 0; k < e->ctx.nr_segs; k++)
			if (e->ctx.seg[k].pa == XF_ARENA_PA + (uint64_t)i * XF_PAGE &&
			    e->ctx.seg[k].order + 1 == e->arena_taken[i])
				break;
		if (k == e->ctx.nr_segs)
			xf_error(e, "arena block at page %u (order %u) is no refill of the context", i,
				 e->arena_taken[i] - 1), ok = false;
	}
	for (unsigned i = e->pool_pages; i < XLAT_POOL_MAX_PAGES; i++)
		if (e->ctx.pool_used[i]) {
			xf_error(e, "pool_used[%u] set beyond the pool's %u pages", i,
				 e->pool_pages);
			ok = false;
			break;
		}
	used = xlat_pages_used(&e->ctx);
	if (used != ntables || marked != ntables) {
		xf_error(e, "table pages: %u reachable from the root, xlat_pages_used says %u, "
			 "%u marked used in pool_used", ntables, used, marked);
		ok = false;
	}
	return ok;
}

void xf_scribble_free(struct xf_env *e, uint64_t salt)
{
	for (unsigned i = 0; i < npages(e); i++) {
		uint64_t pa = XF_ARENA_PA + (uint64_t)(i - e->pool_pages) * XF_PAGE;
		bool counts = false;

		if (page_marked(e, i))
			continue;
		/* A refill's first page is its counts, not a free table page. */
		for (unsigned k = 0; i >= e->pool_pages && k < e->ctx.nr_segs; k++)
			counts |= e->ctx.seg[k].pa == pa;
		if (!counts)
			fill_garbage(e, i, salt);
	}
}

bool xf_root_zero(struct xf_env *e)
{
	for (unsigned i = 0; i < XF_ENTRIES; i++)
		if (e->mem[0][i])
			return false;
	return true;
}

/* ---- the calls -------------------------------------------------------- */

enum op_kind { OP_MAP, OP_UNMAP, OP_PROTECT };

struct op {
	enum op_kind kind;
	uint64_t va, pa, size;
	const struct pte_attrs *a;
};

static void dry_run(struct xf_env *e);

/* ---- leaf lists ------------------------------------------------------ */

/* Index of the leaf containing off (true), or of the first leaf after it
 * (false; n when none). */
static bool find_leaf(const struct xf_leaf *l, size_t n, uint64_t off, size_t *idx)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {                 /* first leaf with end > off */
		size_t mid = lo + (hi - lo) / 2;

		if (leaf_end(&l[mid]) > off)
			hi = mid;
		else
			lo = mid + 1;
	}
	*idx = lo;
	return lo < n && l[lo].off <= off;
}

static bool same_leaf(const struct xf_leaf *a, const struct xf_leaf *b)
{
	return a->off == b->off && a->level == b->level && a->desc == b->desc;
}

static bool has_leaf(const struct xf_leaf *l, size_t n, const struct xf_leaf *x)
{
	size_t i;

	return find_leaf(l, n, x->off, &i) && same_leaf(&l[i], x);
}

static bool leaf_maps(const struct xf_leaf *l, uint64_t delta, uint64_t attr)
{
	return leaf_oa(l) - l->off == delta && (l->desc & ATTR_MASK) == attr;
}

static const char *barrier_name(bool flush)
{
	return flush ? "tlb_flush" : "publish";
}

/* Every piece of a leaf seen at a barrier translates as before the call or
 * as after it. */
static void check_consistent(struct xf_env *e, const struct xf_leaf *c, bool flush)
{
	uint64_t a = c->off, b = leaf_end(c);
	uint64_t delta = leaf_oa(c) - a, attr = c->desc & ATTR_MASK;

	for (uint64_t x = a; x < b; ) {
		uint64_t y = b;
		bool ok = false;
		size_t i;

		if (find_leaf(e->old, e->nold, x, &i)) {
			y = y < leaf_end(&e->old[i]) ? y : leaf_end(&e->old[i]);
			ok = leaf_maps(&e->old[i], delta, attr);
		} else if (i < e->nold && e->old[i].off < y) {
			y = e->old[i].off;
		}
		if (find_leaf(e->fin, e->nfin, x, &i)) {
			y = y < leaf_end(&e->fin[i]) ? y : leaf_end(&e->fin[i]);
			ok = ok || leaf_maps(&e->fin[i], delta, attr);
		} else if (i < e->nfin && e->fin[i].off < y) {
			y = e->fin[i].off;
		}
		if (!ok) {
			xf_error(e, "at a %s during the call, VA 0x%llx walks to PA 0x%llx through "
				 "the level-%d leaf 0x%llx: neither its mapping before the call nor "
				 "after it", barrier_name(flush), (ull)(e->va_base + x),
				 (ull)(x + delta), c->level, (ull)c->desc);
			return;
		}
		x = y;
	}
}

/* The whole state is checked at the first 128 barriers of a call and at
 * every 32nd after that (a call may flush once per page); the hash for the
 * "no write after the last barrier" check is taken at every one. */
static void barrier(struct xf_env *e, bool flush)
{
	bool full;

	e->nbarrier++;
	full = e->check_barriers && (e->nbarrier <= 128 || e->nbarrier % 32 == 0);
	if (full)
		dry_run(e);
	e->ncur = collect(e, e->cur, full ? e->cap : 0, &e->hash_barrier, NULL, NULL, NULL,
			  false, NULL, NULL);
	if (!full)
		return;
	for (size_t i = 0, j = 0; i < e->ncur; i++) {      /* both in VA order */
		while (j < e->nold && e->old[j].off < e->cur[i].off)
			j++;
		if (j < e->nold && same_leaf(&e->old[j], &e->cur[i]))
			continue;
		check_consistent(e, &e->cur[i], flush);
	}
}

static void add_cov(struct xf_env *e, uint64_t lo, uint64_t hi)
{
	if (lo >= hi)
		return;
	e->cov = grow(e->cov, &e->capcov, e->ncov + 1, sizeof(*e->cov));
	e->cov[e->ncov++] = (struct xf_ival){ lo, hi };
}

static bool table_linked(struct xf_env *e, const struct xf_table *t)
{
	uint64_t *ent = xf_entry(e, e->va_base + t->off, t->level - 1);

	return ent && (*ent & 3) == 3 && XF_OA(*ent) == t->pa;
}

void xf_tlb_flush(uint64_t va, uint64_t size, void *cookie)
{
	struct xf_env *e = cookie;
	uint64_t off = va - e->va_base, lo, hi, x;
	size_t i;

	if (e->dry)
		return;
	e->nflush++;
	if (!e->in_op)
		return;
	e->nflush_op++;
	if ((va | size) & (XF_PAGE - 1) || size == 0 || off >= XF_CTX_SIZE || size > XF_CTX_SIZE - off) {
		xf_error(e, "tlb_flush(0x%llx, 0x%llx): not whole pages inside the context",
			 (ull)va, (ull)size);
		return;
	}
	lo = off;
	hi = off + size;
	e->fl = grow(e->fl, &e->capfl, e->nfl + 1, sizeof(*e->fl));
	e->fl[e->nfl++] = (struct xf_ival){ lo, hi };
	barrier(e, true);

	/* The parts of [lo, hi) that walk as invalid now are flushed right. */
	e->ncur = collect_range(e, e->cur, e->cap, lo, hi);
	x = lo;
	find_leaf(e->cur, e->ncur, lo, &i);
	for (; i < e->ncur && e->cur[i].off < hi; i++) {
		add_cov(e, x, e->cur[i].off < hi ? e->cur[i].off : hi);
		if (leaf_end(&e->cur[i]) > x)
			x = leaf_end(&e->cur[i]);
	}
	if (x < hi)
		add_cov(e, x, hi);

	/* Tables already unlinked whose range this flush touches. */
	for (size_t t = 0; t < e->noldt; t++) {
		struct xf_table *tb = &e->oldt[t];
		uint64_t tend = tb->off + size_of(tb->level - 1);

		if (!tb->flushed && tb->off < hi && lo < tend && !table_linked(e, tb))
			tb->flushed = true;
	}
}

void xf_publish(void *cookie)
{
	struct xf_env *e = cookie;

	if (e->dry)
		return;
	e->npublish++;
	if (!e->in_op)
		return;
	e->npublish_op++;
	barrier(e, false);
}

static int cmp_ival(const void *a, const void *b)
{
	const struct xf_ival *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Sorts and merges a list of intervals in place; returns the new length. */
static size_t merge_ivals(struct xf_ival *v, size_t n)
{
	size_t m = 0;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_ival);
	for (size_t i = 0; i < n; i++) {
		if (m && v[i].lo <= v[m - 1].hi) {
			if (v[i].hi > v[m - 1].hi)
				v[m - 1].hi = v[i].hi;
		} else {
			v[m++] = v[i];
		}
	}
	return m;
}

static bool ivals_cover(const struct xf_ival *v, size_t n, uint64_t lo, uint64_t hi)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].lo <= lo && hi <= v[i].hi)
			return true;
	return false;
}

bool xf_flushed(const struct xf_env *e, uint64_t va, uint64_t size)
{
	struct xf_ival *v = malloc((e->nfl + 1) * sizeof(*v));
	uint64_t off = va - e->va_base;
	size_t m;
	bool r;

	if (!v)
		abort();
	if (e->nfl)
		memcpy(v, e->fl, e->nfl * sizeof(*v));
	m = merge_ivals(v, e->nfl);
	r = ivals_cover(v, m, off, off + size);
	free(v);
	return r;
}

/* ---- the checked calls ----------------------------------------------- */

static int call(struct xlat_ctx *ctx, const struct op *o)
{
	switch (o->kind) {
	case OP_MAP:     return xlat_map(ctx, o->va, o->pa, o->size, o->a);
	case OP_UNMAP:   return xlat_unmap(ctx, o->va, o->size);
	default:         return xlat_protect(ctx, o->va, o->size, o->a);
	}
}

static const char *op_name(const struct op *o)
{
	static const char *const n[] = { "map", "unmap", "protect" };
	return n[o->kind];
}

/* Run the call on a copy of the memory as it was before the call, to learn
 * the state after it. Done at the first barrier (from inside the real
 * call; xlat.c keeps no state outside its context) or at the end. */
static void dry_run(struct xf_env *e)
{
	struct xf_env d = *e;
	size_t bytes = (1 + (size_t)npages(e)) * XF_PAGE;

	if (e->have_fin)
		return;
	e->have_fin = true;
	memcpy(e->dry_mem, e->snap, bytes);
	d.mem = e->dry_mem;
	d.dry = true;
	d.in_op = false;
	d.on_error = NULL;
	d.ctx = e->snap_ctx;
	d.ctx.cookie = &d;
	d.ctx.root = NULL;            /* the copy's root is in the copy's memory */
	/* The arena as it was too: the real call may have taken from it. */
	memcpy(d.arena_taken, e->snap_arena_taken, sizeof(d.arena_taken));
	e->dry_rc = call(&d.ctx, e->op);
	e->nfin = collect(&d, e->fin, e->cap, NULL, NULL, NULL, NULL, false, NULL, NULL);
}

static void op_begin(struct xf_env *e, const struct op *o)
{
	size_t bytes = (1 + (size_t)npages(e)) * XF_PAGE;

	e->op = o;
	e->have_fin = false;
	e->snap_ctx = e->ctx;
	memcpy(e->snap, e->mem, bytes);
	memcpy(e->snap_pool_used, e->ctx.pool_used, sizeof(e->snap_pool_used));
	memcpy(e->snap_arena_taken, e->arena_taken, sizeof(e->snap_arena_taken));
	e->snap_pages_used = xlat_pages_used(&e->ctx);
	e->nold = collect(e, e->old, e->cap, &e->hash_start, &e->oldt, &e->noldt, &e->capt,
			  false, NULL, NULL);
	e->hash_barrier = e->hash_start;
	e->nbarrier = 0;
	e->ncov = 0;
	e->nfl = 0;
	e->nflush_op = e->npublish_op = 0;
	e->in_op = true;
}

static void op_end(struct xf_env *e, const struct op *o, int rc)
{
	size_t bytes = (1 + (size_t)npages(e)) * XF_PAGE, m;
	uint64_t hash_end;

	e->in_op = false;
	if (e->have_fin && rc != e->dry_rc)
		xf_error(e, "%s(0x%llx, 0x%llx): returned %d, but %d on the same tables a "
			 "moment before", op_name(o), (ull)o->va, (ull)o->size, rc, e->dry_rc);
	if (rc != XLAT_OK) {
		if (memcmp(e->snap, e->mem, bytes)) {
			for (size_t p = 0; p <= npages(e); p++)
				for (unsigned j = 0; j < XF_ENTRIES; j++)
					if (e->snap[p][j] != e->mem[p][j]) {
						xf_error(e, "refused %s (%d) changed entry %u of %s "
							 "(PA 0x%llx): 0x%llx -> 0x%llx", op_name(o), rc,
							 j, p ? "a pool page" : "the root",
							 (ull)(p ? e->pool_pa + (p - 1) * XF_PAGE : e->root_pa),
							 (ull)e->snap[p][j], (ull)e->mem[p][j]);
						return;
					}
		}
		if (memcmp(e->snap_pool_used, e->ctx.pool_used, sizeof(e->snap_pool_used)))
			xf_error(e, "refused %s (%d) changed pool_used", op_name(o), rc);
		if (memcmp(e->snap_arena_taken, e->arena_taken, sizeof(e->arena_taken)) ||
		    e->snap_ctx.nr_segs != e->ctx.nr_segs ||
		    memcmp(e->snap_ctx.seg, e->ctx.seg, e->ctx.nr_segs * sizeof(e->ctx.seg[0])))
			xf_error(e, "refused %s (%d) changed the refills held", op_name(o), rc);
		if (xlat_pages_used(&e->ctx) != e->snap_pages_used)
			xf_error(e, "refused %s (%d) changed xlat_pages_used: %u -> %u", op_name(o),
				 rc, e->snap_pages_used, xlat_pages_used(&e->ctx));
		return;
	}

	e->ncur = collect(e, e->cur, e->cap, &hash_end, NULL, NULL, NULL, false, NULL, NULL);
	if (e->have_fin && e->ncur != e->nfin)
		xf_error(e, "%s: %zu leaves after the call, %zu after the same call on a copy",
			 op_name(o), e->ncur, e->nfin);
	else if (e->have_fin)
		for (size_t i = 0; i < e->ncur; i++)
			if (!same_leaf(&e->cur[i], &e->fin[i])) {
				xf_error(e, "%s: leaf %zu differs from the same call on a copy",
					 op_name(o), i);
				break;
			}
	xf_check_structure(e);          /* e->cur: the leaves after the call */

	/* Break-before-make for every leaf that changed or went. */
	m = merge_ivals(e->cov, e->ncov);
	for (size_t i = 0; i < e->nold; i++) {
		const struct xf_leaf *l = &e->old[i];

		if (has_leaf(e->cur, e->ncur, l))
			continue;
		if (!ivals_cover(e->cov, m, l->off, leaf_end(l))) {
			xf_error(e, "break-before-make: %s(0x%llx, 0x%llx) replaced or removed the "
				 "level-%d leaf at VA 0x%llx (0x%llx) without a tlb_flush covering "
				 "it while it was invalid (%u flushes in the call)", op_name(o),
				 (ull)o->va, (ull)o->size, l->level, (ull)(e->va_base + l->off),
				 (ull)l->desc, e->nflush_op);
			break;
		}
	}
	for (size_t t = 0; t < e->noldt; t++) {
		const struct xf_table *tb = &e->oldt[t];

		if (!tb->flushed && !table_linked(e, tb)) {
			xf_error(e, "%s(0x%llx, 0x%llx) unlinked the level-%d table at 0x%llx (VA "
				 "0x%llx) without a tlb_flush of its range after that", op_name(o),
				 (ull)o->va, (ull)o->size, tb->level, (ull)tb->pa,
				 (ull)(e->va_base + tb->off));
			break;
		}
	}
	if (hash_end != e->hash_start) {
		if (e->nbarrier == 0)
			xf_error(e, "%s(0x%llx, 0x%llx) changed the tables but called neither "
				 "publish nor tlb_flush", op_name(o), (ull)o->va, (ull)o->size);
		else if (hash_end != e->hash_barrier)
			xf_error(e, "%s(0x%llx, 0x%llx) wrote the tables after its last publish or "
				 "tlb_flush", op_name(o), (ull)o->va, (ull)o->size);
	}
}

static int checked(struct xf_env *e, const struct op *o)
{
	int rc;

	op_begin(e, o);
	rc = call(&e->ctx, o);
	op_end(e, o, rc);
	return rc;
}

int xf_map(struct xf_env *e, uint64_t va, uint64_t pa, uint64_t size, const struct pte_attrs *a)
{
	struct op o = { OP_MAP, va, pa, size, a };
	return checked(e, &o);
}

int xf_unmap(struct xf_env *e, uint64_t va, uint64_t size)
{
	struct op o = { OP_UNMAP, va, 0, size, NULL };
	return checked(e, &o);
}

int xf_protect(struct xf_env *e, uint64_t va, uint64_t size, const struct pte_attrs *a)
{
	struct op o = { OP_PROTECT, va, 0, size, a };
	return checked(e, &o);
}
