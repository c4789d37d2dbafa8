/*
 * xlat.c - runtime changes to translation tables (see xlat.h).
 *
 * Every request runs the same walk twice: first deciding (op.write false:
 * nothing is written, errors are found and the table pages needed are
 * counted; tables a write would create are "virtual", their entries derived
 * from the block they would replace), then, if the request can be honoured
 * in full, writing. So a refused request changes nothing.
 */
#include <string.h>
#include "walk.h"
#include "xlat.h"

#define ENTRIES   512u
#define VA_SPAN   (1ULL << VA_BITS)
/* Descriptor bits that are neither output address nor type: attributes. */
#define LEAF_ATTR_BITS (~(PTE_ADDR_MASK | PTE_TYPE_MASK))

_Static_assert(ENTRIES == PTRS_PER_PGD && ENTRIES == PTRS_PER_PMD && ENTRIES == PTRS_PER_PTE,
	       "every level of this geometry has 512 entries");

const char *xlat_strerror(int err)
{
	switch (err) {
	case XLAT_OK:         return "ok";
	case XLAT_EALIGN:     return "VA, PA or size not 4 KiB aligned, or size 0";
	case XLAT_ERANGE:     return "range wraps or lies outside the VA or PA space";
	case XLAT_EOVERLAP:   return "range overlaps an existing mapping";
	case XLAT_ENOTMAPPED: return "range is not entirely mapped";
	case XLAT_EWX:        return "attributes are writable and executable";
	case XLAT_EATTR:      return "attributes cannot be encoded";
	case XLAT_ENOMEM:     return "not enough free translation table pages";
	default:              return "unknown xlat error";
	}
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
	if ((root_pa | pool_pa) & (PAGE_SIZE - 1))
		return XLAT_EALIGN;
	if ((va_base != 0 && va_base != (uint64_t)VA_START) || pool_pages > XLAT_POOL_MAX_PAGES ||
	    pa_bits < 32 || pa_bits > 52 || !table_ptr || !tlb_flush || !publish)
		return XLAT_ERANGE;
	if (pa_bits > 48)
		pa_bits = 48;   /* 4 KiB descriptors hold 48 bits without FEAT_LPA2 */
	if ((root_pa >> pa_bits) || (pool_pa >> pa_bits) ||
	    ((pool_pa + (uint64_t)pool_pages * PAGE_SIZE - 1) >> pa_bits && pool_pages) ||
	    pool_pa + (uint64_t)pool_pages * PAGE_SIZE < pool_pa ||
	    root_pa - pool_pa < (uint64_t)pool_pages * PAGE_SIZE)   /* root in the pool */
		return XLAT_ERANGE;
	memset(ctx, 0, sizeof(*ctx));
	ctx->va_base = va_base;
	ctx->root_pa = root_pa;
	ctx->pa_bits = pa_bits;
	ctx->pool_pa = pool_pa;
	ctx->pool_pages = pool_pages;
	ctx->table_ptr = table_ptr;
	ctx->tlb_flush = tlb_flush;
	ctx->publish = publish;
	ctx->cookie = cookie;
	return XLAT_OK;
}

/* --- table pages --------------------------------------------------------- */

static unsigned pool_free_pages(const struct xlat_ctx *ctx)
{
	unsigned n = 0;

	for (unsigned i = 0; i < ctx->pool_pages; i++)
		n += !ctx->pool_used[i];
	return n;
}

uint64_t xlat_descriptors_written(const struct xlat_ctx *ctx)
{
	return ctx->descriptors_written;
}

unsigned xlat_pages_used(const struct xlat_ctx *ctx)
{
	return ctx->pool_pages - pool_free_pages(ctx);
}

/* A zeroed pool page. Only called while writing, after deciding proved
 * enough pages are free. */
static uint64_t pool_alloc(struct xlat_ctx *ctx)
{
	for (unsigned i = 0; i < ctx->pool_pages; i++) {
		if (!ctx->pool_used[i]) {
			uint64_t pa = ctx->pool_pa + (uint64_t)i * PAGE_SIZE;

			ctx->pool_used[i] = 1;
			memset(ctx->table_ptr(pa, ctx->cookie), 0, PAGE_SIZE);
			return pa;
		}
	}
	return 0;   /* unreachable: deciding counted the pages */
}

static void pool_free(struct xlat_ctx *ctx, uint64_t pa)
{
	uint64_t i = (pa - ctx->pool_pa) / PAGE_SIZE;

	if (i < ctx->pool_pages)
		ctx->pool_used[i] = 0;
}

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
	struct pte_attrs attrs;      /* map, protect */
	bool write;                  /* false: decide only */
	unsigned pages_needed;       /* counted while deciding */
};

static uint64_t max_u64(uint64_t a, uint64_t b) { return a > b ? a : b; }
static uint64_t min_u64(uint64_t a, uint64_t b) { return a < b ? a : b; }

/* Entry i of the table one level below a leaf: the same attributes, the
 * part of the leaf's output range entry i covers (or invalid for 0). */
static uint64_t derive_entry(uint64_t parent_leaf, int level, unsigned i)
{
	struct desc_info p = desc_decode(parent_leaf, level - 1);
	uint64_t oa = p.addr + ((uint64_t)i << level_shift(level));

	if (p.kind != DESC_BLOCK)
		return 0;
	return (parent_leaf & LEAF_ATTR_BITS) | oa | (level == 3 ? PTE_TYPE_PAGE : PMD_TYPE_SECT);
}

/* Break-before-make on entry *e covering [va, va + span): make it invalid,
 * flush the TLB for that range, then (if next is not 0) write next. */
static void break_before_make(struct xlat_ctx *ctx, uint64_t *e, uint64_t va, uint64_t span,
			      uint64_t next)
{
	*e = 0;
	ctx->tlb_flush(va, span, ctx->cookie);
	if (next) {
		*e = next;
		ctx->descriptors_written++;
		ctx->publish(ctx->cookie);
	}
}

static int apply(struct xlat_ctx *ctx, struct op *op, int level, uint64_t *table,
		 uint64_t parent_leaf, uint64_t base);

/* A new table for entry *e (or a virtual one while deciding), filled from
 * the leaf it replaces (split) or empty, then the op applied inside it. */
static int descend_new(struct xlat_ctx *ctx, struct op *op, int level, uint64_t *e,
		       uint64_t e_base, uint64_t span)
{
	uint64_t old = *e, new_pa;
	uint64_t *t;
	int rc;

	if (!op->write) {
		op->pages_needed++;
		return apply(ctx, op, level + 1, NULL, old, e_base);
	}
	new_pa = pool_alloc(ctx);
	t = ctx->table_ptr(new_pa, ctx->cookie);
	for (unsigned i = 0; old && i < ENTRIES; i++)
		t[i] = derive_entry(old, level + 1, i);
	ctx->publish(ctx->cookie);                /* the table before the link to it */
	if (old)
		break_before_make(ctx, e, e_base, span, new_pa | PMD_TYPE_TABLE);
	else {
		*e = new_pa | PMD_TYPE_TABLE;
		ctx->descriptors_written++;
		ctx->publish(ctx->cookie);
	}
	rc = apply(ctx, op, level + 1, t, 0, e_base);
	if (table_empty(t)) {                     /* unmapped all it held */
		break_before_make(ctx, e, e_base, span, 0);
		pool_free(ctx, new_pa);
	}
	return rc;
}

static int apply_entry(struct xlat_ctx *ctx, struct op *op, int level, uint64_t *e,
		       uint64_t cur, uint64_t e_base, uint64_t s, uint64_t l)
{
	uint64_t span = 1ULL << level_shift(level);
	bool full = s == e_base && l == e_base + span - 1;
	struct desc_info d = desc_decode(cur, level);

	if (d.kind == DESC_TABLE) {
		uint64_t *t = ctx->table_ptr(d.addr, ctx->cookie);
		int rc = apply(ctx, op, level + 1, t, 0, e_base);

		if (op->write && op->kind == OP_UNMAP && table_empty(t)) {
			break_before_make(ctx, e, e_base, span, 0);
			pool_free(ctx, d.addr);
		}
		return rc;
	}

	switch (op->kind) {
	case OP_MAP: {
		uint64_t pa = op->pa + (s - op->va);

		if (d.kind != DESC_INVALID)
			return XLAT_EOVERLAP;
		if (full && (pa & (span - 1)) == 0) {     /* largest leaf that fits */
			if (op->write) {
				*e = desc_make_leaf(pa, &op->attrs, level);
				ctx->descriptors_written++;
			}
			return XLAT_OK;
		}
		return descend_new(ctx, op, level, e, e_base, span);
	}
	case OP_UNMAP:
		if (d.kind == DESC_INVALID)
			return XLAT_ENOTMAPPED;
		if (!full)
			return descend_new(ctx, op, level, e, e_base, span);
		if (op->write)
			break_before_make(ctx, e, e_base, span, 0);
		return XLAT_OK;
	case OP_PROTECT:
		if (d.kind == DESC_INVALID)
			return XLAT_ENOTMAPPED;
		if (!full)
			return descend_new(ctx, op, level, e, e_base, span);
		if (op->write) {
			uint64_t next = desc_make_leaf(d.addr, &op->attrs, level);

			if (next != cur)
				break_before_make(ctx, e, e_base, span, next);
		}
		return XLAT_OK;
	}
	return XLAT_OK;
}

/* Apply op to the part of [op->va, op->last] that the table at `level`
 * covers; its entry 0 maps VA `base`. table is NULL for a virtual table
 * (deciding only), whose entries derive from parent_leaf (0: empty). */
static int apply(struct xlat_ctx *ctx, struct op *op, int level, uint64_t *table,
		 uint64_t parent_leaf, uint64_t base)
{
	unsigned shift = level_shift(level);
	uint64_t span = 1ULL << shift;
	uint64_t lo = max_u64(op->va, base);
	uint64_t hi = min_u64(op->last, base + ENTRIES * span - 1);

	for (uint64_t i = (lo - base) >> shift; i <= (hi - base) >> shift; i++) {
		uint64_t e_base = base + i * span;
		uint64_t s = max_u64(op->va, e_base), l = min_u64(op->last, e_base + span - 1);
		uint64_t cur = table ? table[i] : derive_entry(parent_leaf, level, (unsigned)i);
		uint64_t scratch = cur;
		int rc = apply_entry(ctx, op, level, table ? &table[i] : &scratch, cur, e_base, s, l);

		if (rc)
			return rc;
	}
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
	if (op->last < op->va || op->va < ctx->va_base || op->last > ctx->va_base + (VA_SPAN - 1))
		return XLAT_ERANGE;
	if (has_pa && (op->pa + size - 1 < op->pa ||
		       (ctx->pa_bits < 64 && (op->pa + size - 1) >> ctx->pa_bits)))
		return XLAT_ERANGE;
	if (op->kind != OP_UNMAP) {
		if (!attrs_encodable(&op->attrs))
			return XLAT_EATTR;
		if (xlat_attrs_wx(&op->attrs))
			return XLAT_EWX;
	}
	root = ctx->table_ptr(ctx->root_pa, ctx->cookie);
	op->write = false;
	rc = apply(ctx, op, 1, root, 0, ctx->va_base);
	if (rc)
		return rc;
	if (op->pages_needed > pool_free_pages(ctx))
		return XLAT_ENOMEM;
	op->write = true;
	rc = apply(ctx, op, 1, root, 0, ctx->va_base);
	ctx->publish(ctx->cookie);               /* the last leaves written */
	return rc;
}

int xlat_map(struct xlat_ctx *ctx, uint64_t va, uint64_t pa, uint64_t size,
	     const struct pte_attrs *attrs)
{
	struct op op = { .kind = OP_MAP, .va = va, .pa = pa, .attrs = *attrs };

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
	struct op op = { .kind = OP_PROTECT, .va = va, .attrs = *attrs };

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

	if (va < ctx->va_base || va - ctx->va_base >= VA_SPAN)
		return XLAT_ERANGE;
	sw_walk(&w, va, &r);
	if (r.status != WALK_MAPPED)
		return XLAT_ENOTMAPPED;
	out->pa = r.pa;
	out->level = r.leaf_level;
	out->attrs = r.attrs;
	return XLAT_OK;
}
