/*
 * xlat.c - runtime changes to translation tables (see xlat.h).
 *
 * Every request runs the same walk twice: first deciding (op.write false:
 * nothing is written, errors are found and the table pages needed are
 * counted; tables a write would create are "virtual", their entries derived
 * from the block they would replace), then, if the request can be honoured
 * in full, writing. So a refused request changes nothing.
 *
 * What keeps the cost linear in what a call writes: a new table is built
 * while unreachable, each of its entries written once (no break-before-make
 * inside it) and linked when complete; each pool table counts its valid
 * entries (an unmap sees a table become empty without scanning it; a map
 * or protect cannot empty one); free table pages are counts and stacks
 * (mmu/xlat_pool.c); a leaf is its PA ORed with bits worked out once per
 * call.
 */
#include "align.h"
#include "walk.h"
#include "xlat.h"
#include "xlat_pool.h"
#include <string.h>

/* Entries of every table below the root (the root has level_entries). */
#define ENTRIES   ((unsigned)PTRS_PER_PTE)
/* Descriptor bits that are neither output address nor type: attributes
 * (this boot's format: with FEAT_LPA2's, bits [9:8] are address). */
#define LEAF_ATTR_BITS (~(pte_addr_bits() | PTE_TYPE_MASK))

/* The level the walk starts at and the half's span, this boot (a 52-bit
 * build's VA size is the CPU's: mmu/vabits.h; constants elsewhere). */
static inline int root_level(void)
{
	return va_root_level(vabits_actual());
}

static inline uint64_t half_span(void)
{
	return 1ULL << vabits_actual();
}

_Static_assert(PTRS_PER_PGD <= PTRS_PER_PTE, "the root is at most a whole table");

/* Each error's name and text, indexed by -err. */
static const struct { const char *name, *text; } xlat_errors[] = {
	[-XLAT_OK]         = { "XLAT_OK", "ok" },
	[-XLAT_EALIGN]     = { "XLAT_EALIGN", "VA, PA or size not page aligned, or size 0" },
	[-XLAT_ERANGE]     = { "XLAT_ERANGE", "range wraps or lies outside the VA or PA space" },
	[-XLAT_EOVERLAP]   = { "XLAT_EOVERLAP", "range overlaps an existing mapping" },
	[-XLAT_ENOTMAPPED] = { "XLAT_ENOTMAPPED", "range is not entirely mapped" },
	[-XLAT_EWX]        = { "XLAT_EWX", "attributes are writable and executable" },
	[-XLAT_EATTR]      = { "XLAT_EATTR", "attributes cannot be encoded" },
	[-XLAT_ENOMEM]     = { "XLAT_ENOMEM", "not enough free translation table pages (the pool "
					       "and its refills used up)" },
};

static bool known_error(int err)
{
	return err <= 0 && -err < (int)(sizeof(xlat_errors) / sizeof(xlat_errors[0]));
}

const char *xlat_strerror(int err)
{
	return known_error(err) ? xlat_errors[-err].text : "unknown xlat error";
}

const char *xlat_errname(int err)
{
	return known_error(err) ? xlat_errors[-err].name : "XLAT_?";
}

bool xlat_attrs_wx(const struct pte_attrs *a)
{
	/* Strict W^X: writable at any level means executable at none. */
	return !a->rdonly && (!a->pxn || !a->uxn);
}

static bool attrs_encodable(const struct pte_attrs *a)
{
	return a->attrindx < 8 && a->sh <= 3 && a->sh != 1 && a->af;
}

int xlat_init(struct xlat_ctx *ctx, uint64_t va_base, uint64_t root_pa, unsigned pa_bits,
	      uint64_t pool_pa, unsigned pool_pages,
	      uint64_t *(*table_ptr)(uint64_t, void *),
	      void (*tlb_flush)(uint64_t, uint64_t, void *),
	      void (*publish)(void *), void *cookie)
{
	if ((root_pa & (XLAT_ROOT_ALIGN - 1)) || (pool_pa & (PAGE_SIZE - 1)))
		return XLAT_EALIGN;
	if ((va_base != 0 && va_base != ttbr1_va_start()) || pool_pages > XLAT_POOL_MAX_PAGES ||
	    pa_bits < 32 || pa_bits > 52 || !table_ptr || !tlb_flush || !publish)
		return XLAT_ERANGE;
	if (pa_bits > oa_bits_max())
		pa_bits = oa_bits_max();   /* 48 without FEAT_LPA/LPA2's format */
	if ((root_pa >> pa_bits) || (pool_pa >> pa_bits) ||
	    ((pool_pa + (uint64_t)pool_pages * PAGE_SIZE - 1) >> pa_bits && pool_pages) ||
	    pool_pa + (uint64_t)pool_pages * PAGE_SIZE < pool_pa ||
	    root_pa - pool_pa < (uint64_t)pool_pages * PAGE_SIZE)   /* root in the pool */
		return XLAT_ERANGE;
	xlat_pool_init(ctx, pool_pa, pool_pages);
	ctx->last_attrs_ok = false;
	ctx->stats = (struct xlat_stats){ 0 };
	ctx->va_base = va_base;
	ctx->root_pa = root_pa;
	ctx->pa_bits = pa_bits;
	ctx->table_ptr = table_ptr;
	ctx->root = NULL;
	ctx->tlb_flush = tlb_flush;
	ctx->publish = publish;
	ctx->cookie = cookie;
	return XLAT_OK;
}

/* --- table pages: mmu/xlat_pool.c ------------------------------------------ */

struct xlat_stats xlat_get_stats(const struct xlat_ctx *ctx)
{
	return ctx->stats;
}

/* Only for tables not from the pool, which keep no count. */
static bool table_empty(const uint64_t *t)
{
	for (unsigned i = 0; i < ENTRIES; i++)
		if (t[i])
			return false;
	return true;
}

/* --- one request ------------------------------------------------------- */

enum op_kind { OP_MAP, OP_UNMAP, OP_PROTECT };

struct op {
	enum op_kind kind;
	uint64_t va, last;           /* inclusive: no wrap at the top of TTBR1 */
	uint64_t pa;                 /* map: PA of va */
	const struct pte_attrs *attrs;  /* map, protect */
	uint64_t block_bits, page_bits;  /* map, protect: a leaf but its address */
	bool write;                  /* false: decide only */
	unsigned pages_needed;       /* counted while deciding */
};


static uint64_t leaf_bits(const struct op *op, int level)
{
	return level == 3 ? op->page_bits : op->block_bits;
}

/* Entry 0 of the table one level below a leaf: the same attributes, the
 * start of the leaf's output range; entry i adds i spans. 0 for an empty
 * table (no leaf). */
static uint64_t derived_entry0(uint64_t parent_leaf, int level)
{
	uint64_t oa = phys_to_pte(desc_leaf_addr(parent_leaf, level - 1));

	if (desc_kind_of(parent_leaf, level - 1) != DESC_BLOCK)
		return 0;
	return (parent_leaf & LEAF_ATTR_BITS) | oa | (level == 3 ? PTE_TYPE_PAGE : PMD_TYPE_SECT);
}

/* *e = desc, valid, where there was no valid entry (or, in a new table, no
 * entry written yet). */
static void put_valid(struct xlat_ctx *ctx, uint64_t *e, uint64_t desc, uint16_t *nvalid)
{
	*e = desc;
	ctx->stats.descs_written++;
	if (nvalid)
		(*nvalid)++;
}

/* The break of break-before-make on a valid entry of a reachable table
 * covering [va, va + span): invalid, then the TLB flushed for that range. */
static void break_entry(struct xlat_ctx *ctx, uint64_t *e, uint64_t va, uint64_t span)
{
	*e = 0;
	ctx->stats.entries_invalidated++;
	ctx->tlb_flush(va, span, ctx->cookie);
}

static int apply(struct xlat_ctx *ctx, struct op *op, int level, uint64_t base,
		 uint64_t *table, bool is_new, uint64_t parent_leaf, uint16_t *nvalid);

/* The entries of a new table at `level` (entry 0 at VA base) that the op
 * leaves alone: split from parent_leaf, or zero (parent_leaf 0). The op
 * writes each of the others once. Sets the table's valid-entry count.
 * Entry i is entry 0 plus i spans, added to the descriptor as it is: the
 * block's output address is aligned to the block, so the sum never
 * carries out of the address bits below the block's size (and a 52-bit
 * OA's top bits, apart, stay the block's). */
static void fill_new_table(struct xlat_ctx *ctx, const struct op *op, int level, uint64_t base,
			   uint64_t *table, uint64_t parent_leaf, uint16_t *nvalid)
{
	unsigned shift = level_shift(level);
	uint64_t entry0 = derived_entry0(parent_leaf, level);
	unsigned first = (unsigned)((max_u64(op->va, base) - base) >> shift);
	unsigned last = (unsigned)((min_u64(op->last, base + ((uint64_t)ENTRIES << shift) - 1) - base) >> shift);

	if (!entry0) {
		memset(table, 0, ENTRIES * sizeof(*table));
		*nvalid = 0;
		return;
	}
	for (unsigned i = 0; i < first; i++)
		table[i] = entry0 + ((uint64_t)i << shift);
	for (unsigned i = last + 1; i < ENTRIES; i++)
		table[i] = entry0 + ((uint64_t)i << shift);
	*nvalid = (uint16_t)(ENTRIES - (last + 1 - first));
	ctx->stats.descs_written += *nvalid;
}

/* A new table for entry *e (or a virtual one while deciding), split from
 * the leaf `old` or empty (old 0), built with the op applied inside it,
 * then linked. parent_new: *e is in a table that is itself being built. */
static int descend_new(struct xlat_ctx *ctx, struct op *op, int level, uint64_t e_base,
		       uint64_t *e, uint64_t old, bool parent_new, uint16_t *parent_nvalid)
{
	uint64_t span = 1ULL << level_shift(level), new_pa, link;
	uint16_t *t_nvalid;
	uint64_t *t;
	int rc;

	if (!op->write) {
		op->pages_needed++;
		return apply(ctx, op, level + 1, e_base, NULL, true, old, NULL);
	}
	new_pa = xlat_pool_take(ctx, &t_nvalid);
	t = ctx->table_ptr(new_pa, ctx->cookie);
	fill_new_table(ctx, op, level + 1, e_base, t, old, t_nvalid);
	rc = apply(ctx, op, level + 1, e_base, t, true, old, t_nvalid);
	link = desc_make_table(new_pa);
	/* A walk may follow the link as soon as it is visible, and is ordered
	 * after the stores that built the table only by a DSB (Arm ARM: table
	 * walks are not ordered with earlier stores without one). */
	if (parent_new) {
		/* The parent is unreachable: the DSB before its own link serves. */
		put_valid(ctx, e, link, parent_nvalid);
	} else if (old) {
		/* Break-before-make (D8.14.1) of the block; the flush's DSBs also
		 * complete the new table's stores (tlb_flush's contract, xlat.h). */
		break_entry(ctx, e, e_base, span);
		*e = link;                                 /* valid for valid: count kept */
		ctx->stats.descs_written++;
	} else {
		ctx->publish(ctx->cookie);                 /* the table, then the link */
		put_valid(ctx, e, link, parent_nvalid);
	}
	return rc;
}

static int apply_entry(struct xlat_ctx *ctx, struct op *op, int level, uint64_t e_base,
		       uint64_t *e, uint64_t cur, bool is_new, uint16_t *nvalid)
{
	uint64_t span = 1ULL << level_shift(level);
	bool full = op->va <= e_base && e_base + (span - 1) <= op->last;
	enum desc_kind kind = desc_kind_of(cur, level);

	if (kind == DESC_TABLE) {                     /* only in reachable tables */
		uint64_t t_pa = pte_to_phys(cur);
		uint64_t *t = ctx->table_ptr(t_pa, ctx->cookie);
		uint16_t *t_nvalid = xlat_pool_nvalid(ctx, t_pa);
		int rc = apply(ctx, op, level + 1, e_base, t, false, 0, t_nvalid);

		/* Only an unmap can empty a table. */
		if (op->write && op->kind == OP_UNMAP && (t_nvalid ? *t_nvalid == 0 : table_empty(t))) {
			break_entry(ctx, e, e_base, span);
			if (nvalid)
				(*nvalid)--;
			if (t_nvalid)
				xlat_pool_give_back(ctx, t_pa);
		}
		return rc;
	}

	switch (op->kind) {
	case OP_MAP: {
		uint64_t pa = op->pa + (max_u64(op->va, e_base) - op->va);

		if (kind != DESC_INVALID)
			return XLAT_EOVERLAP;
		if (full && level_has_leaf(level) && (pa & (span - 1)) == 0) {  /* largest leaf that fits */
			if (op->write)
				put_valid(ctx, e, phys_to_pte(pa) | leaf_bits(op, level), nvalid);
			return XLAT_OK;
		}
		return descend_new(ctx, op, level, e_base, e, 0, is_new, nvalid);
	}
	case OP_UNMAP:
		if (kind == DESC_INVALID)
			return XLAT_ENOTMAPPED;
		if (!full)
			return descend_new(ctx, op, level, e_base, e, cur, is_new, nvalid);
		if (op->write) {
			if (is_new) {
				*e = 0;                   /* never reachable: nothing to break */
			} else {
				break_entry(ctx, e, e_base, span);
				if (nvalid)
					(*nvalid)--;
			}
		}
		return XLAT_OK;
	case OP_PROTECT:
		if (kind == DESC_INVALID)
			return XLAT_ENOTMAPPED;
		if (!full)
			return descend_new(ctx, op, level, e_base, e, cur, is_new, nvalid);
		if (op->write) {
			uint64_t next = phys_to_pte(desc_leaf_addr(cur, level)) | leaf_bits(op, level);

			if (is_new) {
				put_valid(ctx, e, next, nvalid);
			} else if (next != cur) {
				break_entry(ctx, e, e_base, span);
				*e = next;                /* valid for valid: count kept */
				ctx->stats.descs_written++;
			}
		}
		return XLAT_OK;
	}
	return XLAT_OK;
}

/* A valid entry in a run of map_leaves: a table to descend into, or (while
 * deciding) an overlap. Out of line, so the loops stay a few instructions. */
static __attribute__((noinline)) int map_leaves_valid(struct xlat_ctx *ctx, struct op *op,
						      int level, uint64_t base, uint64_t *e,
						      unsigned i, uint16_t *nvalid)
{
	return apply_entry(ctx, op, level, base + ((uint64_t)i << level_shift(level)), e, *e, false,
			   nvalid);
}

/* Map: entries i0..i1 of a table, each covered in full by the range and
 * its PA aligned to the span, so each a leaf where it is invalid. The hot
 * loop of a map: a load, a test and a store an entry. */
static int map_leaves(struct xlat_ctx *ctx, struct op *op, int level, uint64_t base,
		      uint64_t *table, bool is_new, unsigned i0, unsigned i1, uint16_t *nvalid)
{
	unsigned shift = level_shift(level);
	uint64_t span = 1ULL << shift;
	uint64_t leaf = phys_to_pte(op->pa + (base + ((uint64_t)i0 << shift) - op->va)) |
			leaf_bits(op, level);
	uint64_t *e, *end;
	unsigned n = 0;

	if (!op->write && is_new)                  /* a new table of a map is empty */
		return XLAT_OK;
	e = &table[i0];                            /* not NULL from here on */
	end = &table[i1] + 1;
	if (!op->write) {
		for (; e < end; e++) {
			int rc;

			if (!*e)
				continue;
			rc = map_leaves_valid(ctx, op, level, base, e, (unsigned)(e - table), nvalid);
			if (rc)
				return rc;
		}
		return XLAT_OK;
	}
	if (is_new) {
		for (; e < end; e++, leaf = desc_next_leaf(leaf, span))
			*e = leaf;
		n = i1 + 1 - i0;
	} else {
		for (; e < end; e++, leaf = desc_next_leaf(leaf, span)) {
			if (!*e) {
				*e = leaf;
				n++;
			} else {                   /* decided: cannot fail */
				map_leaves_valid(ctx, op, level, base, e, (unsigned)(e - table), nvalid);
			}
		}
	}
	ctx->stats.descs_written += n;
	if (nvalid)
		*nvalid = (uint16_t)(*nvalid + n);
	return XLAT_OK;
}

/* Apply op to the part of [op->va, op->last] that the table at `level`
 * covers; its entry 0 maps VA `base`. A reachable table (is_new false) is
 * read and changed in place. A new one (is_new) reads as derived from
 * parent_leaf (0: empty); while writing, table is its page (the entries
 * outside the range filled by fill_new_table), while deciding NULL.
 * nvalid: the table's valid-entry count, or NULL. */
static int apply(struct xlat_ctx *ctx, struct op *op, int level, uint64_t base,
		 uint64_t *table, bool is_new, uint64_t parent_leaf, uint16_t *nvalid)
{
	unsigned shift = level_shift(level);
	uint64_t span = 1ULL << shift;
	uint64_t lo = max_u64(op->va, base);
	uint64_t hi = min_u64(op->last, base + (uint64_t)level_entries(level, vabits_actual()) * span - 1);
	unsigned first = (unsigned)((lo - base) >> shift), last = (unsigned)((hi - base) >> shift);
	uint64_t entry0 = is_new ? derived_entry0(parent_leaf, level) : 0;
	/* Map, VA and PA congruent modulo the span: the entries the range
	 * covers in full are leaves (map_leaves), [run_first, run_last]. */
	int run_first = ENTRIES, run_last = -1;

	if (op->kind == OP_MAP && level_has_leaf(level) && ((op->pa - op->va) & (span - 1)) == 0) {
		run_first = (int)first + (op->va > base + ((uint64_t)first << shift));
		run_last = (int)last - (op->last < base + ((uint64_t)last << shift) + (span - 1));
	}
	for (unsigned i = first; i <= last; i++) {
		uint64_t e_base = base + ((uint64_t)i << shift);
		uint64_t cur;
		int rc;

		if ((int)i == run_first && run_first <= run_last) {
			rc = map_leaves(ctx, op, level, base, table, is_new, i, (unsigned)run_last,
					nvalid);
			if (rc)
				return rc;
			i = (unsigned)run_last;
			continue;
		}
		cur = !is_new ? table[i] : entry0 ? entry0 + ((uint64_t)i << shift) : 0;
		rc = apply_entry(ctx, op, level, e_base, table ? &table[i] : NULL, cur, is_new,
				 nvalid);
		if (rc)
			return rc;
	}
	return XLAT_OK;
}

/* --- a few pages: the runtime's common case, in one walk --------------------- */

/* The fast path says the general one must run (a positive code). */
#define FAST_NO 1

/* The level-3 entry for va under the tables already linked, and its
 * table's valid-entry count (NULL: not a pool table). NULL when the walk
 * ends above level 3, with *stop the kind of the entry it ended on. */
static uint64_t *page_entry(struct xlat_ctx *ctx, uint64_t va, uint16_t **nvalid,
			    enum desc_kind *stop)
{
	uint64_t table_pa = ctx->root_pa, *e, *table = ctx->root;

	/* Bounded: unrolled where the levels are constants (each level's
	 * shift a constant); a 52-bit build's start level is this boot's. */
	for (int level = root_level(); level < 3; level++) {
		if (level != root_level())
			table = ctx->table_ptr(table_pa, ctx->cookie);
		e = table + level_index(va - ctx->va_base, level, vabits_actual());
		*stop = desc_kind_of(*e, level);
		if (*stop != DESC_TABLE)
			return NULL;
		table_pa = pte_to_phys(*e);
	}
	*nvalid = xlat_pool_nvalid(ctx, table_pa);
	return ctx->table_ptr(table_pa, ctx->cookie) + (((va - ctx->va_base) >> PAGE_SHIFT) & (ENTRIES - 1));
}

/* Map pages into one level-3 table already linked (every page of the range
 * under one level-2 entry that is a table): its entries must all be
 * invalid (a valid one is the general path's EOVERLAP, as is a leaf on the
 * way), then each is written, and one publish. */
static int map_in_table(struct xlat_ctx *ctx, const struct op *op, uint64_t *e,
			uint16_t *nvalid)
{
	unsigned n = (unsigned)((op->last - op->va) >> PAGE_SHIFT) + 1;

	for (unsigned i = 0; i < n; i++)
		if (desc_kind_of(e[i], 3) != DESC_INVALID)
			return XLAT_EOVERLAP;
	for (unsigned i = 0; i < n; i++)
		e[i] = phys_to_pte(op->pa + ((uint64_t)i << PAGE_SHIFT)) | op->page_bits;
	ctx->stats.descs_written += n;
	if (nvalid)
		*nvalid = (uint16_t)(*nvalid + n);
	ctx->publish(ctx->cookie);
	return XLAT_OK;
}

/* A map inside one level-3 table, or a one-page unmap, where no table is
 * made or freed: decided by the walk (nothing written on the way), then
 * the entries written; the general path's result, entries, counts and
 * barriers exactly. Map: see map_in_table; unmap: a page entry whose
 * table keeps another valid one (break-before-make's break: invalid, then
 * the TLB flushed). FAST_NO otherwise: a table to make, a block to split,
 * a table to free, a range across tables. */
static int few_pages(struct xlat_ctx *ctx, const struct op *op)
{
	bool one = op->last == op->va + PAGE_SIZE - 1;
	uint16_t *nvalid;
	enum desc_kind stop;
	uint64_t *e;

	if (!one && (op->kind != OP_MAP || (op->va ^ op->last) >> level_shift(2)))
		return FAST_NO;               /* an unmap of more, a map across tables */
	e = page_entry(ctx, op->va, &nvalid, &stop);
	if (op->kind == OP_MAP) {
		if (!e)
			return stop == DESC_INVALID ? FAST_NO : XLAT_EOVERLAP;
		if (!one)
			return map_in_table(ctx, op, e, nvalid);
		if (desc_kind_of(*e, 3) != DESC_INVALID)
			return XLAT_EOVERLAP;
		put_valid(ctx, e, phys_to_pte(op->pa) | op->page_bits, nvalid);
	} else {
		if (!e || desc_kind_of(*e, 3) == DESC_INVALID)
			return !e && stop != DESC_INVALID ? FAST_NO : XLAT_ENOTMAPPED;
		if (!nvalid || *nvalid < 2)
			return FAST_NO;
		break_entry(ctx, e, op->va, PAGE_SIZE);
		(*nvalid)--;
	}
	ctx->publish(ctx->cookie);
	return XLAT_OK;
}

/* EATTR and EWX, then the leaf bits of op->attrs (block and page forms):
 * remembered for the last attributes that passed, as a demand range maps
 * page after page with the same ones. */
static int leaf_bits_of(struct xlat_ctx *ctx, struct op *op)
{
	if (!ctx->last_attrs_ok || !pte_attrs_equal(&ctx->last_attrs, op->attrs)) {
		if (!attrs_encodable(op->attrs))
			return XLAT_EATTR;
		if (xlat_attrs_wx(op->attrs))
			return XLAT_EWX;
		ctx->last_attrs = *op->attrs;
		ctx->last_block_bits = desc_make_leaf(0, op->attrs, 2);   /* every granule's block level */
		ctx->last_attrs_ok = true;
	}
	op->block_bits = ctx->last_block_bits;
	/* desc_make_leaf's level-3 form: only the type bits differ. */
	op->page_bits = (op->block_bits & ~PTE_TYPE_MASK) | PTE_TYPE_PAGE;
	return XLAT_OK;
}

/* Argument checks (EALIGN, ERANGE, EATTR, EWX), then decide, then write. */
static int run(struct xlat_ctx *ctx, struct op *op, uint64_t size, bool has_pa)
{
	uint64_t *root;
	int rc;

	if (size == 0 || ((op->va | size | (has_pa ? op->pa : 0)) & (PAGE_SIZE - 1)))
		return XLAT_EALIGN;
	op->last = op->va + size - 1;
	if (op->last < op->va || op->va < ctx->va_base || op->last > ctx->va_base + (half_span() - 1))
		return XLAT_ERANGE;
	if (has_pa && (op->pa + size - 1 < op->pa ||
		       (ctx->pa_bits < 64 && (op->pa + size - 1) >> ctx->pa_bits)))
		return XLAT_ERANGE;
	if (op->kind != OP_UNMAP) {
		int rc_attrs = leaf_bits_of(ctx, op);

		if (rc_attrs)
			return rc_attrs;
	}
	if (!ctx->root)
		ctx->root = ctx->table_ptr(ctx->root_pa, ctx->cookie);
	if (op->kind != OP_PROTECT && (rc = few_pages(ctx, op)) != FAST_NO)
		return rc;
	root = ctx->root;
	op->write = false;
	rc = apply(ctx, op, root_level(), ctx->va_base, root, false, 0, NULL);
	if (rc)
		return rc;
	if (op->pages_needed && !xlat_pool_reserve(ctx, op->pages_needed))
		return XLAT_ENOMEM;
	op->write = true;
	rc = apply(ctx, op, root_level(), ctx->va_base, root, false, 0, NULL);
	/* One per call: what was written since the last barrier is seen by
	 * walks (DSB) and by this PE's next instructions (ISB) on return.
	 * Entries made where none was valid need no TLBI. */
	ctx->publish(ctx->cookie);
	xlat_pool_trim(ctx);
	return rc;
}

int xlat_map(struct xlat_ctx *ctx, uint64_t va, uint64_t pa, uint64_t size,
	     const struct pte_attrs *attrs)
{
	struct op op = { .kind = OP_MAP, .va = va, .pa = pa, .attrs = attrs };

	return run(ctx, &op, size, true);
}

int xlat_unmap(struct xlat_ctx *ctx, uint64_t va, uint64_t size)
{
	struct op op = { .kind = OP_UNMAP, .va = va };

	return run(ctx, &op, size, false);
}

int xlat_protect(struct xlat_ctx *ctx, uint64_t va, uint64_t size,
		 const struct pte_attrs *attrs)
{
	struct op op = { .kind = OP_PROTECT, .va = va, .attrs = attrs };

	return run(ctx, &op, size, false);
}

/* sw_walk's reader over this context's table memory. */
static const uint64_t *read_ctx_table(uint64_t table_pa, void *cookie)
{
	const struct xlat_ctx *ctx = cookie;

	return ctx->table_ptr(table_pa, ctx->cookie);
}

int xlat_query(const struct xlat_ctx *ctx, uint64_t va, struct xlat_mapping *out)
{
	struct walk_ctx w = {
		.ttbr0_pa = ctx->root_pa, .ttbr1_pa = ctx->root_pa,
		.read_table = read_ctx_table, .cookie = (void *)ctx,
	};
	struct walk_result r;

	if (va < ctx->va_base || va - ctx->va_base >= half_span())
		return XLAT_ERANGE;
	sw_walk(&w, va, &r);
	if (r.status != WALK_MAPPED)
		return XLAT_ENOTMAPPED;
	out->pa = r.pa;
	out->level = r.leaf_level;
	out->attrs = r.attrs;
	return XLAT_OK;
}
