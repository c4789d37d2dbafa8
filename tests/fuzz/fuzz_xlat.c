/*
 * fuzz_xlat.c - libFuzzer harness for mmu/xlat.c.
 *
 * Owns: reading a fuzz input as a context (TTBR0 or TTBR1, 1..16 pool
 * pages, pa_bits 36..52, and for some an arena refilling the pool: up to
 * 56 pages in blocks of 2, 4 or 8; in a 52-bit geometry also the VA size,
 * 52 bits or the fallback's, from a second byte, and PAs across 2^48 and
 * 2^50) and a sequence of up to 64 operations (map,
 * unmap, protect, query), with VAs, PAs and sizes biased to 4 KiB, 2 MiB
 * and 1 GiB alignment around the 1 GiB boundaries of a 3 GiB window at the
 * top of the context (so blocks are mapped and split, and ranges run into
 * the end of the address space; with 16 and 64 KiB the same number of
 * entries, around a level-2 table's edge), plus misaligned, wrapping and
 * out-of-range values and attributes that are W+X or not encodable;
 * and checking every step against a reference model.
 *
 * The model is a tree shaped like the tables themselves (one node per
 * table, each entry an expected descriptor, hand-encoded by xlat_fake.c,
 * or a child), changed by the rules of xlat.h: the largest leaf the
 * alignment of VA, PA and size allows; a block split one level at a time,
 * only where a change covers part of it; a table freed when it becomes
 * empty; nothing merged. After every step:
 *  (a) the return code is one the model allows: any of the validation
 *      errors that apply (EALIGN, ERANGE, EATTR, EWX; EOVERLAP and
 *      ENOTMAPPED when VA and size are valid); with none, OK, or ENOMEM
 *      only when the table pages the model needs exceed the free ones
 *      (the pool's, the refills' held and those the arena's free blocks
 *      would give; then the model does not change); a refused call leaves
 *      table memory and the refills byte-identical (xlat_fake.c);
 *  (b) the tables equal the model entry by entry; probe VAs (the edges of
 *      the operation's range, 1 GiB and 2 MiB boundaries, random pages of
 *      the window, VAs outside the context) translate as the model says by
 *      xlat_query, by sw_walk and by xlat_fake.c's own walk;
 *  (c) xlat_pages_used equals the tables reachable from the root, every
 *      reachable table is a used pool or refill page, every free one
 *      unreachable, every arena block a refill held
 *      (and free pages are refilled with garbage after each step);
 * and, inside every call, break-before-make and the state at each barrier
 * (xlat_fake.c). Any mismatch prints the operations so far and the
 * problem, then traps. FUZZ_XLAT_TRACE=1 in the environment prints the
 * operations of every input.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define FUZZ_NAME "fuzz_xlat"
#include "fuzz_log.h"
#include "xlat.h"
#include "walk.h"
#include "xlat_fake.h"

typedef unsigned long long ull;
typedef unsigned __int128 u128;

/* In the build's geometry (xlat_fake.h; 4K/39 by default): K4 a page, M2
 * a level-2 block, G what 512 level-2 entries span (4K: 4 KiB, 2 MiB,
 * 1 GiB, a whole level-2 table; 16K: 16 KiB, 32 MiB, 16 GiB; 64K: 64 KiB,
 * 512 MiB, 256 GiB), so that an input touches as many entries in every
 * granule (the checks cost per entry: 16 and 64 KiB reach as many inputs
 * as 4 KiB in their time), TBL what a level-2 table spans. */
#define K4  XF_PAGE
#define M2  (XF_PAGE << XF_BITS)
#define G   (M2 << 9)
#define TBL (M2 << XF_BITS)
#define NPG (G / K4)                   /* pages in a G */
/* The window, 3 G: the last 3 level-2 tables with 4 KiB; with 16 and
 * 64 KiB around the start of the last level-2 table (one G before it), so
 * that ranges still cross a table's edge. */
#define WIN_SLOT (XF_BITS == 9 ? (uint64_t)(XF_CTX_SIZE / G) - 3 \
			       : (uint64_t)((XF_CTX_SIZE - TBL) / G) - 1)
#define MAX_OPS   64
#define PA_BASE   (8 * G)
/* pa_bits: 4K's 36..48, raised by how much larger G is than 1 GiB. */
#define PA_LIFT   ((unsigned)__builtin_ctzll(G) - 30)

/* The model and the checks are the hot loop and not what is explored: no
 * coverage feedback from them (the generators and xlat.c keep theirs). */
#define NOCOV __attribute__((no_sanitize("coverage")))

/* ---- failure reporting ---------------------------------------------- */


static void on_env_error(const char *msg)
{
	die("xlat_fake: %s", msg);
}

/* ---- input ------------------------------------------------------------ */

struct in {
	const uint8_t *p;
	size_t n;
};

static uint8_t u8(struct in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

static uint16_t u16(struct in *in)
{
	return (uint16_t)(u8(in) | u8(in) << 8);
}

static uint64_t u64(struct in *in)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | u8(in);
	return v;
}

/* ---- the model ------------------------------------------------------- */

struct mnode {
	uint64_t e[XF_ENTRIES];         /* expected leaf descriptor or 0 */
	struct mnode *c[XF_ENTRIES];    /* or a table */
};

NOCOV static unsigned shift_of(int level)
{
	return PAGE_SHIFT + (3 - (unsigned)level) * XF_BITS;
}

NOCOV static uint64_t size_of(int level)
{
	return 1ULL << shift_of(level);
}

/* Freed nodes, kept for the next mnew: a node of 16 or 64 KiB pages is
 * 32 or 128 KiB, which malloc would map and unmap every time. */
static struct mnode *mfree_list;

NOCOV static struct mnode *mnew(void)
{
	struct mnode *n = mfree_list;

	if (n) {
		mfree_list = n->c[0];
		memset(n, 0, sizeof(*n));
		return n;
	}
	n = calloc(1, sizeof(*n));
	if (!n)
		abort();
	return n;
}

/* Whether a node's entries [i, i + 8) are all empty (i a multiple of 8).
 * The model's memory, not under test: no ASan checks in this hot loop. */
NOCOV __attribute__((no_sanitize("address"))) static bool mempty8(const struct mnode *n,
								   unsigned i)
{
	uint64_t acc = 0;

	for (unsigned j = i; j < i + 8; j++)
		acc |= n->e[j] | (uint64_t)(uintptr_t)n->c[j];
	return !acc;
}

NOCOV static void mfree(struct mnode *n)
{
	if (!n)
		return;
	for (unsigned i = 0; i < XF_ENTRIES; i += 8)
		if (!mempty8(n, i))
			for (unsigned j = i; j < i + 8; j++)
				mfree(n->c[j]);
	n->c[0] = mfree_list;
	mfree_list = n;
}

NOCOV static struct mnode *mclone(const struct mnode *n)
{
	struct mnode *c;

	if (!n)
		return NULL;
	c = mnew();
	memcpy(c->e, n->e, sizeof(c->e));
	for (unsigned i = 0; i < XF_ENTRIES; i += 8)
		if (!mempty8(n, i))
			for (unsigned j = i; j < i + 8; j++)
				c->c[j] = mclone(n->c[j]);
	return c;
}

NOCOV static bool mempty(const struct mnode *n)
{
	for (unsigned i = 0; i < XF_ENTRIES; i += 8)
		if (!mempty8(n, i))
			return false;
	return true;
}

NOCOV static uint64_t oa_of(uint64_t desc, int level)
{
	return XF_OA(desc) & ~(size_of(level) - 1);
}

/* Does [lo, hi) hold a mapped page (want_mapped) or a hole (!want_mapped)? */
NOCOV static bool mfind(const struct mnode *n, int level, uint64_t base, uint64_t lo, uint64_t hi,
		  bool want_mapped)
{
	uint64_t span = size_of(level);
	unsigned first = (unsigned)((lo - base) >> shift_of(level));
	unsigned last = (unsigned)((hi - 1 - base) >> shift_of(level));

	for (unsigned i = first; i <= last; i++) {
		uint64_t eb = base + i * span;
		uint64_t s = lo > eb ? lo : eb, t = hi < eb + span ? hi : eb + span;

		if (n->c[i]) {
			if (mfind(n->c[i], level + 1, eb, s, t, want_mapped))
				return true;
		} else if (n->e[i]) {
			if (want_mapped)
				return true;
		} else if (!want_mapped) {
			return true;
		}
	}
	return false;
}

struct mcount {
	unsigned added, freed, budget;
	bool over;                      /* map only: gave up past the budget */
};

NOCOV static struct mnode *msplit(uint64_t leaf, int level, const struct pte_attrs *a)
{
	struct mnode *t = mnew();
	uint64_t oa = oa_of(leaf, level);
	struct pte_attrs attrs = a ? *a : xf_desc_attrs(leaf);

	for (unsigned j = 0; j < XF_ENTRIES; j++)
		t->e[j] = xf_leaf_desc(oa + j * size_of(level + 1), level + 1, &attrs);
	return t;
}

NOCOV static void mmap_(struct mnode *n, int level, uint64_t base, uint64_t lo, uint64_t hi,
		  uint64_t pa_lo, const struct pte_attrs *a, struct mcount *k)
{
	uint64_t span = size_of(level);
	unsigned first = (unsigned)((lo - base) >> shift_of(level));
	unsigned last = (unsigned)((hi - 1 - base) >> shift_of(level));

	for (unsigned i = first; i <= last && !k->over; i++) {
		uint64_t eb = base + i * span;
		uint64_t s = lo > eb ? lo : eb, t = hi < eb + span ? hi : eb + span;
		uint64_t pa = pa_lo + (s - lo);

		if (!n->c[i] && level >= XF_BLOCK_MIN_LEVEL && s == eb && t == eb + span &&
		    !(pa & (span - 1))) {
			if (n->e[i])
				die("model: map over a mapped entry (bug in the harness)");
			n->e[i] = xf_leaf_desc(pa, level, a);
			continue;
		}
		if (!n->c[i]) {
			if (n->e[i] || level == 3)
				die("model: map below a leaf (bug in the harness)");
			if (++k->added > k->budget) {
				k->over = true;
				return;
			}
			n->c[i] = mnew();
		}
		mmap_(n->c[i], level + 1, eb, s, t, pa, a, k);
	}
}

/* Unmap (a == NULL) or protect (a) [lo, hi), every page of it mapped. */
NOCOV static void mchange(struct mnode *n, int level, uint64_t base, uint64_t lo, uint64_t hi,
		    const struct pte_attrs *a, struct mcount *k)
{
	uint64_t span = size_of(level);
	unsigned first = (unsigned)((lo - base) >> shift_of(level));
	unsigned last = (unsigned)((hi - 1 - base) >> shift_of(level));

	for (unsigned i = first; i <= last; i++) {
		uint64_t eb = base + i * span;
		uint64_t s = lo > eb ? lo : eb, t = hi < eb + span ? hi : eb + span;
		bool full = s == eb && t == eb + span;

		if (!n->c[i] && !n->e[i])
			die("model: change over a hole (bug in the harness)");
		if (!n->c[i] && full) {
			n->e[i] = a ? xf_leaf_desc(oa_of(n->e[i], level), level, a) : 0;
			continue;
		}
		if (!n->c[i]) {
			n->c[i] = msplit(n->e[i], level, NULL);
			n->e[i] = 0;
			k->added++;
		}
		mchange(n->c[i], level + 1, eb, s, t, a, k);
		if (mempty(n->c[i])) {
			mfree(n->c[i]);
			n->c[i] = NULL;
			k->freed++;
		}
	}
}

/* The leaf for off: 1 and *desc, *level; 0 when not mapped. */
NOCOV static int mlookup(const struct mnode *n, uint64_t off, uint64_t *desc, int *level)
{
	for (int lv = XF_FIRST_LEVEL; lv <= 3; lv++) {
		unsigned i = (unsigned)(off >> shift_of(lv)) & (XF_ENTRIES - 1);

		if (n->c[i]) {
			n = n->c[i];
			continue;
		}
		if (!n->e[i])
			return 0;
		*desc = n->e[i];
		*level = lv;
		return 1;
	}
	return 0;
}

struct mleaf {
	uint64_t off;
	int level;
};

NOCOV static size_t mleaves(const struct mnode *n, int level, uint64_t base, struct mleaf *out,
		      size_t k, size_t cap)
{
	for (unsigned i = 0; i < XF_ENTRIES && k < cap; i++) {
		uint64_t eb = base + i * size_of(level);

		if (n->c[i])
			k = mleaves(n->c[i], level + 1, eb, out, k, cap);
		else if (n->e[i])
			out[k++] = (struct mleaf){ eb, level };
	}
	return k;
}

/* ---- the run --------------------------------------------------------- */

struct fz {
	struct xf_env env;
	struct mnode *model;
	uint64_t va_base;
	unsigned pa_bits;
	unsigned step;
	uint64_t rng;
	struct mleaf *leaves;           /* scratch for targeted operations */
	size_t leaves_cap;
};

static uint64_t rnd(struct fz *f)
{
	f->rng = f->rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return f->rng >> 11;
}

static const char *rc_name(int rc)
{
	static char buf[16];

	switch (rc) {
	case XLAT_OK:         return "OK";
	case XLAT_EALIGN:     return "EALIGN";
	case XLAT_ERANGE:     return "ERANGE";
	case XLAT_EOVERLAP:   return "EOVERLAP";
	case XLAT_ENOTMAPPED: return "ENOTMAPPED";
	case XLAT_EWX:        return "EWX";
	case XLAT_EATTR:      return "EATTR";
	case XLAT_ENOMEM:     return "ENOMEM";
	}
	snprintf(buf, sizeof(buf), "%d", rc);
	return buf;
}

NOCOV static void fmt_attrs(char *buf, size_t len, const struct pte_attrs *a)
{
	snprintf(buf, len, "{idx %u sh %u%s%s%s%s%s%s}", a->attrindx, a->sh,
		 a->rdonly ? " RO" : " RW", a->user ? " USER" : "", a->af ? " AF" : " noAF",
		 a->ng ? " nG" : "", a->pxn ? " PXN" : "", a->uxn ? " UXN" : "");
}

/* Table memory against the model, entry by entry. */
NOCOV static void compare_tables(struct fz *f, const struct mnode *n, const uint64_t *t, int level,
			   uint64_t base)
{
	for (unsigned i = 0; i < XF_ENTRIES; i++) {
		uint64_t eb = base + i * size_of(level), r = t[i];
		uint64_t va = f->va_base + eb;

		/* Eight empty entries in the model, eight invalid ones in the
		 * table: nothing to compare (most of a 16 or 64 KiB table). */
		if (!(i & 7) && mempty8(n, i) &&
		    !((t[i] | t[i + 1] | t[i + 2] | t[i + 3] | t[i + 4] | t[i + 5] | t[i + 6] |
		       t[i + 7]) & 1)) {
			i += 7;
			continue;
		}
		if (n->c[i]) {
			const uint64_t *sub;

			if ((r & 3) != 3)
				die("VA 0x%llx: level-%d entry 0x%llx, expected a table (the model "
				    "has one there)", (ull)va, level, (ull)r);
			sub = xf_page(&f->env, XF_OA(r));
			if (!sub || XF_OA(r) == f->env.root_pa)
				die("VA 0x%llx: level-%d table descriptor 0x%llx points to no pool "
				    "page", (ull)va, level, (ull)r);
			compare_tables(f, n->c[i], sub, level + 1, eb);
		} else if (n->e[i]) {
			if (r != n->e[i])
				die("VA 0x%llx: level-%d entry 0x%llx, expected the leaf 0x%llx",
				    (ull)va, level, (ull)r, (ull)n->e[i]);
		} else if (r & 1) {
			die("VA 0x%llx: level-%d entry 0x%llx, expected invalid", (ull)va, level,
			    (ull)r);
		}
	}
}

/* One VA through xlat_query, sw_walk and the fake's walk, against the
 * model. */
NOCOV static void probe(struct fz *f, uint64_t va)
{
	uint64_t off = va - f->va_base, desc = 0, tpa, tdesc;
	struct xlat_mapping m;
	struct walk_ctx w = xf_walk_ctx(&f->env);
	struct walk_result r;
	int level = 0, tlevel, rc, mapped, t;

	memset(&m, 0, sizeof(m));
	rc = xlat_query(&f->env.ctx, va, &m);
	if (off >= XF_CTX_SIZE) {
		if (rc != XLAT_ERANGE)
			die("xlat_query(0x%llx) outside the context = %s, expected ERANGE",
			    (ull)va, rc_name(rc));
		return;
	}
	mapped = mlookup(f->model, off, &desc, &level);
	sw_walk(&w, va, &r);
	t = xf_translate(&f->env, va, &tpa, &tlevel, &tdesc);
	if (!mapped) {
		if (rc != XLAT_ENOTMAPPED || r.status != WALK_INVALID_DESC || t != 0)
			die("VA 0x%llx: the model has it unmapped; xlat_query %s (pa 0x%llx), "
			    "sw_walk status %d, own walk %d", (ull)va, rc_name(rc), (ull)m.pa,
			    r.status, t);
		return;
	}
	{
		uint64_t pa = oa_of(desc, level) | (off & (size_of(level) - 1));
		struct pte_attrs a = xf_desc_attrs(desc);
		char want[96], got[96];

		fmt_attrs(want, sizeof(want), &a);
		fmt_attrs(got, sizeof(got), &m.attrs);
		if (rc != XLAT_OK || m.pa != pa || m.level != level || strcmp(want, got))
			die("xlat_query(0x%llx) = %s pa 0x%llx level %d %s; the model: pa 0x%llx "
			    "level %d %s", (ull)va, rc_name(rc), (ull)m.pa, m.level, got,
			    (ull)pa, level, want);
		fmt_attrs(got, sizeof(got), &r.attrs);
		if (r.status != WALK_MAPPED || r.pa != pa || r.leaf_level != level ||
		    strcmp(want, got))
			die("sw_walk(0x%llx): status %d pa 0x%llx level %d %s; the model: pa "
			    "0x%llx level %d %s", (ull)va, r.status, (ull)r.pa, r.leaf_level, got,
			    (ull)pa, level, want);
		if (t != 1 || tpa != pa || tlevel != level || tdesc != desc)
			die("own walk of 0x%llx: %d pa 0x%llx level %d desc 0x%llx; the model: "
			    "pa 0x%llx level %d desc 0x%llx", (ull)va, t, (ull)tpa, tlevel,
			    (ull)tdesc, (ull)pa, level, (ull)desc);
	}
}

NOCOV static void probe_near(struct fz *f, uint64_t va)
{
	probe(f, va - K4);
	probe(f, va);
	probe(f, va + 0x7ff);
	probe(f, va + K4);
}

NOCOV static void check_all(struct fz *f, uint64_t va, uint64_t size, bool has_range)
{
	uint64_t win = f->va_base + (uint64_t)WIN_SLOT * G;

	compare_tables(f, f->model, f->env.mem[0], XF_FIRST_LEVEL, 0);
	xf_check_structure(&f->env);
	if (has_range) {
		probe_near(f, va);
		probe_near(f, va + size - K4);
		probe_near(f, va + size);
		probe_near(f, va + size / 2);
		probe(f, (va & ~(G - 1)) + G - K4);
		probe(f, (va & ~(M2 - 1)) + M2);
	}
	for (int i = 0; i < 24; i++) {
		uint64_t r = rnd(f), slot = r % 3, pg;

		r >>= 2;
		/* Mostly the first and last 64 MiB of each GiB, where things happen. */
		switch (r & 3) {
		case 0:  pg = (r >> 2) % (NPG / 16); break;
		case 1:  pg = NPG - 1 - (r >> 2) % (NPG / 16); break;
		default: pg = (r >> 2) % NPG; break;
		}
		probe(f, win + slot * G + pg * K4 + (r >> 20) % K4);
	}
	probe(f, f->va_base - 1);
	probe(f, f->va_base + XF_CTX_SIZE - 1);
	probe(f, f->va_base + XF_CTX_SIZE);
	probe(f, win - 1);
	probe(f, win);
}

/* ---- generators ------------------------------------------------------ */

static uint64_t pick_page(uint8_t x)
{
	static const uint16_t pages[] = { 0, 1, 2, 3, XF_ENTRIES / 2 - 1, XF_ENTRIES / 2,
					  XF_ENTRIES - 2, XF_ENTRIES - 1 };

	return x & 0x80 ? (uint64_t)(x & 0x7f) * 4 + (x & 3) : pages[x & 7];
}

static uint64_t gen_va(struct fz *f, struct in *in)
{
	uint8_t m = u8(in);
	uint64_t b = f->va_base + (uint64_t)(WIN_SLOT + (m >> 4) % 3) * G;

	switch (m & 7) {
	case 0:  return b;
	case 1:  return b + (u8(in) % 32) * M2;
	case 2:  return b + G - (1 + u8(in) % 32) * M2;
	case 3: {
		uint8_t x = u8(in);
		uint64_t blk = x & 0x80 ? b + G - (1 + (x & 15)) * M2 : b + (x & 15) * M2;

		return blk + pick_page(u8(in)) * K4;
	}
	case 4:  return b + (uint64_t)u16(in) * K4;
	case 5:  return b + G - ((uint64_t)u16(in) + 1) * K4;
	case 6:  return b + (u16(in) & 0x3fff) * 0x10 + (m >> 6);   /* misaligned mostly */
	default: {
		uint8_t x = u8(in);

		switch (x & 7) {
		case 0:  return f->va_base - K4;
		case 1:  return f->va_base + XF_CTX_SIZE - K4;
		case 2:  return f->va_base + XF_CTX_SIZE;
		case 3:  return f->va_base;
		case 4:  return f->va_base + (uint64_t)(WIN_SLOT - 1) * G + G - M2;
		case 5:  return 0xfffffffffffff000ULL;
		case 6:  return (uint64_t)(x >> 3) * G;
		default: return u64(in);
		}
	}
	}
}

static uint64_t gen_size(struct in *in)
{
	uint8_t m = u8(in);

	switch (m & 7) {
	case 0:  return (1 + (m >> 3) % 8) * K4;
	case 1:  return (1 + u8(in) % 16) * M2;
	case 2: {
		uint8_t x = u8(in);
		uint64_t s = (1 + (x & 3)) * M2, p = (1 + (x >> 2) % 16) * K4;

		return x & 0x80 ? s - p : s + p;
	}
	case 3:  return (1 + (m >> 3) % 2) * G;
	case 4: {
		uint8_t x = u8(in);
		uint64_t s = G + (x & 7) * M2;

		return x & 0x80 ? s - (1 + (x >> 3 & 7)) * K4 : s + (x >> 3 & 7) * K4;
	}
	case 5:  return ((uint64_t)u16(in) + 1) * K4;
	case 6:  return u16(in);                         /* 0, misaligned, small */
	default: {
		uint8_t x = u8(in);

		switch (x & 7) {
		case 0:  return 0;
		case 1:  return XF_CTX_SIZE;
		case 2:  return -K4;                     /* 2^64 - 4 KiB: wraps */
		case 3:  return -G;
		case 4:  return 3 * G;
		case 5:  return G - K4;
		case 6:  return (1ULL << 63) + K4;
		default: return u64(in);
		}
	}
	}
}

static uint64_t gen_pa(struct fz *f, struct in *in, uint64_t va, uint64_t size)
{
	uint8_t m = u8(in);
	uint64_t cong = PA_BASE + (va & (4 * G - 1));     /* congruent modulo 1 GiB */
	uint64_t top = 1ULL << f->pa_bits;

	switch (m & 7) {
	case 0: case 1: return cong;
	case 2:  return cong + (1 + u8(in) % 7) * M2;     /* modulo 2 MiB only */
	case 3: {                                        /* modulo 4 KiB only */
		uint8_t x = u8(in);

		/* Deciding a GiB of pages walks 2^18 entries: rarely (more
		 * than 2^15 pages, in every granule). */
		if (size / K4 > 64 * 512 && !(x & 0x80))
			return cong + (1 + x % 7) * M2;
		return cong + (1 + x % 511) * K4;
	}
	case 4:  return top - size + (m & 0x80 ? K4 : 0); /* at the top of the PA space */
	case 5:  return cong + 1 + u8(in);                /* misaligned */
	case 6:  return (uint64_t)u16(in) * M2;
	default: {
		uint8_t x = u8(in);

#if PA_BITS_MAX > 48
		/* Across 2^50 or 2^48, congruent with va: a 52-bit output
		 * address's top bits live in a field of their own (FEAT_LPA2's
		 * bits [9:8], FEAT_LPA's [15:12]). */
		if (x & 4)
			return (1ULL << (x & 8 ? 50 : 48)) - 2 * G + (va & (4 * G - 1));
#endif
		switch (x & 3) {
		case 0:  return top;
		case 1:  return 0xfffffffffffff000ULL;
		case 2:  return 0;
		default: return u64(in);
		}
	}
	}
}

static struct pte_attrs gen_attrs(struct in *in)
{
	static const struct pte_attrs valid[] = {
		{ .attrindx = 4, .sh = 3, .af = true, .pxn = true, .uxn = true },       /* RW */
		{ .attrindx = 4, .sh = 3, .af = true, .rdonly = true, .uxn = true },    /* RX */
		{ .attrindx = 4, .sh = 3, .af = true, .rdonly = true, .pxn = true, .uxn = true },
		{ .attrindx = 0, .sh = 0, .af = true, .pxn = true, .uxn = true },       /* device */
		{ .attrindx = 4, .sh = 3, .af = true, .user = true, .ng = true, .pxn = true,
		  .uxn = true },                                                         /* user RW */
		{ .attrindx = 4, .sh = 3, .af = true, .user = true, .rdonly = true, .ng = true,
		  .pxn = true },                                                         /* user RX */
		{ .attrindx = 3, .sh = 2, .af = true, .pxn = true, .uxn = true },       /* NC */
		{ .attrindx = 1, .sh = 0, .af = true, .rdonly = true, .pxn = true, .uxn = true },
	};
	uint8_t m = u8(in);

	if (m < 0xd0)
		return valid[m % 8];
	{
		uint8_t b1 = u8(in), b2 = u8(in);

		return (struct pte_attrs){
			.attrindx = b1 & 15, .sh = (b1 >> 4) & 7,
			.rdonly = b2 & 1, .user = b2 >> 1 & 1, .af = !(b2 >> 2 & 1),
			.ng = b2 >> 3 & 1, .pxn = b2 >> 4 & 1, .uxn = b2 >> 5 & 1,
		};
	}
}

/* ---- one operation --------------------------------------------------- */

enum kind { K_MAP, K_UNMAP, K_PROTECT };

static const char *const kind_name[] = { "map", "unmap", "protect" };

/* xlat_attrs_wx: xlat.h's strict rule (not read-only while PXN or UXN is
 * clear), which covers every combination the Arm ARM (D8.4) makes writable
 * and executable at one EL. */
NOCOV static void check_wx_rule(const struct pte_attrs *a, bool got)
{
	bool want = !a->rdonly && (!a->pxn || !a->uxn);

	if (got != want) {
		char s[96];

		fmt_attrs(s, sizeof(s), a);
		die("xlat_attrs_wx(%s) = %d, expected %d", s, got, want);
	}
}

/* Table pages a call may still take: the pool's and the refills' free
 * ones, and every free arena block's but its counts page. */
static unsigned free_table_pages(const struct xf_env *e)
{
	struct xlat_pool_info pi;

	xlat_pool_info(&e->ctx, &pi);
	return (pi.pool_pages - pi.pool_used) + (pi.seg_pages - pi.segs - pi.seg_used) +
	       (e->arena_pages ? xf_arena_free_blocks(e) * ((1u << e->arena_order) - 1) : 0);
}

static void do_op(struct fz *f, enum kind kind, uint64_t va, uint64_t pa, uint64_t size,
		  const struct pte_attrs *a)
{
	unsigned allowed = 0;           /* bit (-rc) for each allowed error */
	bool align, range, attr = false, wx = false, hit = false;
	uint64_t off = va - f->va_base;
	u128 end = (u128)va + size;
	int rc;
	char as[96] = "";

	if (a)
		fmt_attrs(as, sizeof(as), a);
	logf_("%3u: %s(va 0x%llx, pa 0x%llx, size 0x%llx%s%s)", f->step, kind_name[kind],
	      (ull)va, (ull)pa, (ull)size, a ? ", " : "", as);

	align = size == 0 || ((va | size) & (K4 - 1)) || (kind == K_MAP && (pa & (K4 - 1)));
	/* Descriptors hold output addresses below 2^48 (2^52 with FEAT_LPA2's
	 * or FEAT_LPA's format: XF_OA_MAX), whatever the CPU's PA size. */
	range = va < f->va_base || end > (u128)f->va_base + XF_CTX_SIZE ||
		(kind == K_MAP && (u128)pa + size >
		 ((u128)1 << (f->pa_bits < XF_OA_MAX ? f->pa_bits : XF_OA_MAX)));
	if (a) {
		bool got = xlat_attrs_wx(a);

		check_wx_rule(a, got);
		attr = a->attrindx > 7 || a->sh == 1 || a->sh > 3 || !a->af;
		wx = got;
	}
	if (!align && !(va < f->va_base || end > (u128)f->va_base + XF_CTX_SIZE))
		hit = mfind(f->model, XF_FIRST_LEVEL, 0, off, off + size, kind == K_MAP);
	if (align)
		allowed |= 1u << -XLAT_EALIGN;
	if (range)
		allowed |= 1u << -XLAT_ERANGE;
	if (attr)
		allowed |= 1u << -XLAT_EATTR;
	if (wx)
		allowed |= 1u << -XLAT_EWX;
	if (hit)
		allowed |= 1u << -(kind == K_MAP ? XLAT_EOVERLAP : XLAT_ENOTMAPPED);

	if (allowed) {
		switch (kind) {
		case K_MAP:     rc = xf_map(&f->env, va, pa, size, a); break;
		case K_UNMAP:   rc = xf_unmap(&f->env, va, size); break;
		default:        rc = xf_protect(&f->env, va, size, a); break;
		}
		logf_(" = %s\n", rc_name(rc));
		if (rc >= 0 || rc < XLAT_ENOMEM || !(allowed & (1u << -rc)))
			die("returned %s; allowed: %s%s%s%s%s%s", rc_name(rc),
			    align ? "EALIGN " : "", range ? "ERANGE " : "", attr ? "EATTR " : "",
			    wx ? "EWX " : "", hit && kind == K_MAP ? "EOVERLAP " : "",
			    hit && kind != K_MAP ? "ENOTMAPPED" : "");
		check_all(f, va, size, false);
		return;
	}

	/* A valid request: what the model needs. */
	{
		struct mnode *next = mclone(f->model);
		unsigned avail = free_table_pages(&f->env);
		struct mcount k = { .budget = kind == K_MAP ? avail : ~0u };
		bool must_nomem, may_nomem;

		if (kind == K_MAP)
			mmap_(next, XF_FIRST_LEVEL, 0, off, off + size, pa, a, &k);
		else
			mchange(next, XF_FIRST_LEVEL, 0, off, off + size, kind == K_PROTECT ? a : NULL, &k);
		must_nomem = k.over || k.added > avail + k.freed;
		may_nomem = k.over || k.added > avail;

		switch (kind) {
		case K_MAP:     rc = xf_map(&f->env, va, pa, size, a); break;
		case K_UNMAP:   rc = xf_unmap(&f->env, va, size); break;
		default:        rc = xf_protect(&f->env, va, size, a); break;
		}
		logf_(" = %s (model: %u new tables%s, %u freed, %u free)\n", rc_name(rc),
		      k.added, k.over ? "+" : "", k.freed, avail);
		if (rc == XLAT_OK && !must_nomem) {
			mfree(f->model);
			f->model = next;
		} else if (rc == XLAT_ENOMEM && may_nomem) {
			mfree(next);
		} else {
			mfree(next);
			die("returned %s; the model expected %s (it needs %u%s new table pages, "
			    "frees %u, %u free)", rc_name(rc),
			    must_nomem ? "ENOMEM" : may_nomem ? "OK or ENOMEM" : "OK",
			    k.added, k.over ? "+" : "", k.freed, avail);
		}
	}
	check_all(f, va, size, true);
}

/* A range around the model's leaf k (targeted unmap/protect). */
static bool pick_target(struct fz *f, struct in *in, uint64_t *va, uint64_t *size)
{
	size_t n = mleaves(f->model, XF_FIRST_LEVEL, 0, f->leaves, 0, f->leaves_cap), k;
	uint8_t mode;
	uint64_t lo, sz;

	if (!n)
		return false;
	k = (size_t)u16(in) % n;
	mode = u8(in);
	lo = f->leaves[k].off;
	sz = size_of(f->leaves[k].level);
	switch (mode & 7) {
	case 0: break;                                            /* the leaf */
	case 1: sz = K4; break;                                   /* its first page */
	case 2: lo += sz - K4; sz = K4; break;                    /* its last page */
	case 3: lo += (sz / 2) & ~(K4 - 1); sz = K4; break;       /* a middle page */
	case 4:                                                   /* a 2 MiB part */
		if (sz > M2) {
			lo += (uint64_t)(mode >> 3) * M2;
			sz = M2;
		}
		break;
	case 5:                                                   /* to the next leaf */
		if (k + 1 < n)
			sz = f->leaves[k + 1].off + size_of(f->leaves[k + 1].level) - lo;
		break;
	case 6: {                                                 /* pages inside */
		uint64_t pages = sz / K4, a = (uint64_t)u16(in) % pages;
		uint64_t b = a + 1 + (uint64_t)u16(in) % (pages - a);

		lo += a * K4;
		sz = (b - a) * K4;
		break;
	}
	default:                                                  /* k .. k + j */
		sz = f->leaves[k + (mode >> 3) % (n - k)].off +
		     size_of(f->leaves[k + (mode >> 3) % (n - k)].level) - lo;
		break;
	}
	*va = f->va_base + lo;
	*size = sz;
	return true;
}

static void run_input(const uint8_t *data, size_t len)
{
	static const unsigned pa_bits[] = { 40, 36, 44, 48 };
	struct in in = { data, len };
	struct fz f;
	uint8_t h = u8(&in), arena;
	int rc;

	memset(&f, 0, sizeof(f));
	oplog_reset();
#if VA_BITS > VA_BITS_MIN
	/* A 52-bit build: the VA size the CPU takes (FEAT_LPA2 or FEAT_LVA,
	 * else the fallback's: mmu/vabits.h), from the second byte; the
	 * levels, the spans and the descriptors' format follow. */
	vabits_set(u8(&in) & 1 ? VA_BITS_MIN : VA_BITS);
#endif
	f.va_base = h & 1 ? XF_TTBR1_BASE : 0;
	f.pa_bits = h & 0x80 ? 52 : pa_bits[(h >> 5) & 3] + PA_LIFT;
	if (f.pa_bits > 48 && !(h & 0x80))
		f.pa_bits = 48;
	f.rng = 0x9e3779b97f4a7c15ULL ^ h;
	for (size_t i = 0; i < len; i++)
		f.rng = (f.rng ^ data[i]) * 0x100000001b3ULL;
	arena = u8(&in);
	rc = xf_setup_refill(&f.env, f.va_base, f.pa_bits, 1 + ((h >> 1) & 15), (arena & 7) * 8,
			     1 + (arena >> 3) % 3, false);
	if (rc == XLAT_ERANGE && f.pa_bits > 48) {
		/* Refusing a PA size the descriptors cannot hold is fine. */
		xf_teardown(&f.env);
		f.pa_bits = 48;
		rc = xf_setup_refill(&f.env, f.va_base, f.pa_bits, 1 + ((h >> 1) & 15),
				     (arena & 7) * 8, 1 + (arena >> 3) % 3, false);
	}
	logf_("context: va_base 0x%llx, pa_bits %u, %u pool pages, arena %u pages in blocks of %u\n",
	      (ull)f.va_base, f.pa_bits, f.env.pool_pages, f.env.arena_pages,
	      1u << f.env.arena_order);
	if (rc != XLAT_OK)
		die("xlat_init = %s", rc_name(rc));
	f.env.on_error = on_env_error;
	f.model = mnew();
	f.leaves_cap = (1 + (size_t)f.env.pool_pages + f.env.arena_pages) * XF_ENTRIES + XF_ENTRIES;
	f.leaves = malloc(f.leaves_cap * sizeof(*f.leaves));
	if (!f.leaves)
		abort();

	for (f.step = 0; f.step < MAX_OPS && in.n; f.step++) {
		uint8_t op = u8(&in);
		uint64_t va, pa, size;
		struct pte_attrs a;

		switch (op % 8) {
		case 0: case 1:
			va = gen_va(&f, &in);
			size = gen_size(&in);
			pa = gen_pa(&f, &in, va, size);
			a = gen_attrs(&in);
			do_op(&f, K_MAP, va, pa, size, &a);
			break;
		case 2:
			va = gen_va(&f, &in);
			size = gen_size(&in);
			do_op(&f, K_UNMAP, va, 0, size, NULL);
			break;
		case 3:
			va = gen_va(&f, &in);
			size = gen_size(&in);
			a = gen_attrs(&in);
			do_op(&f, K_PROTECT, va, 0, size, &a);
			break;
		case 4:
			va = gen_va(&f, &in) + (op >> 3);
			logf_("%3u: query(0x%llx)\n", f.step, (ull)va);
			probe(&f, va);
			break;
		case 5:
			if (pick_target(&f, &in, &va, &size))
				do_op(&f, K_UNMAP, va, 0, size, NULL);
			break;
		case 6:
			a = gen_attrs(&in);
			if (pick_target(&f, &in, &va, &size))
				do_op(&f, K_PROTECT, va, 0, size, &a);
			break;
		default:                /* map just after a leaf, PA congruent */
			if (pick_target(&f, &in, &va, &size)) {
				va += size;
				size = gen_size(&in);
				a = gen_attrs(&in);
				pa = gen_pa(&f, &in, va, size);
				do_op(&f, K_MAP, va, pa, size, &a);
			}
			break;
		}
		xf_scribble_free(&f.env, f.step + 1);
	}

	if (getenv("FUZZ_XLAT_TRACE"))          /* the operations of each input */
		fprintf(stderr, "%s", oplog);
	mfree(f.model);
	free(f.leaves);
	xf_teardown(&f.env);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	run_input(data, len);
	return 0;
}
