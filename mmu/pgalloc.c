/*
 * pgalloc.c - the physical page-frame allocator (binary buddy); the
 * contract is in pgalloc.h.
 *
 * Owns: the recording of banks and reservations, the placement and the
 * encoding of the per-page state bytes, the free lists threaded through
 * free blocks, split and coalesce, the refusals of free, the statistics
 * and the self-check. Pure C: memory is reached only through phys_to_ptr.
 *
 * Start-up is linear in blocks, not pages: a state byte means something
 * only at the head of a block (free or allocated, with its order), and is
 * written when a block starts there; the bytes inside blocks are never
 * read as states, so never written as such (they keep whatever RAM held:
 * stale heads, garbage, or a large free block's list node: see node()). Reserved and metadata pages are known from the ranges
 * (reserved[], meta_pa), not from bytes. Finalize thus writes one byte
 * and one list node per free block (255 for 255 GiB in 1 GiB blocks), and
 * the block holding a page is found from the largest aligned block down
 * (block_holding), reading only heads.
 */
#include <stddef.h>
#include <string.h>
#include "align.h"
#include "pgalloc.h"

/* The state of a page, as state_at gives it. Only ST_ALLOC and ST_FREE
 * are stored (at a block's head). */
#define ST_NONE      0x00u        /* inside a block (never stored) */
#define ST_RESERVED  0x20u        /* a reservation (or PA 0): from reserved[] */
#define ST_META      0x21u        /* the state bytes themselves: from meta_pa */
#define ST_ALLOC     0x40u        /* | order: head of an allocated block */
#define ST_FREE      0x80u        /* | order: head of a free block */
#define ST_ORDER_MASK 0x1fu

/* One state byte per page: a page of state covers PAGE_SIZE pages (16 MiB
 * with 4 KiB pages, 256 MiB with 16 KiB, 4 GiB with 64 KiB). */
_Static_assert(PAGE_SIZE == 4096 || PAGE_SIZE == 16384 || PAGE_SIZE == 65536,
	       "pages of 4, 16 or 64 KiB (the build's granule)");
/* The product's MAX_ORDER is 18, a level-1 block (1 GiB); the host tests
 * also build a smaller one (pgalloc.h). Nothing below depends on the value
 * but through these bounds: an order fits the state byte's order bits, a
 * block fits the PA space and a uint64_t, UL(1) << order fits. */
_Static_assert(PGALLOC_MAX_ORDER >= 1 && PGALLOC_MAX_ORDER <= BLOCK_MAX_SHIFT - PAGE_SHIFT,
	       "MAX_ORDER: at most the largest block (1 GiB); 18 in the product");
_Static_assert(PGALLOC_MAX_ORDER <= ST_ORDER_MASK, "an order fits beside the state bits");
_Static_assert((ST_ALLOC & ST_ORDER_MASK) == 0 && (ST_FREE & ST_ORDER_MASK) == 0 &&
	       (ST_FREE & ST_ALLOC) == 0, "state bits and order do not overlap");
_Static_assert(PGALLOC_PA_LIMIT == (1ULL << PA_BITS_MAX), "the descriptors' physical addresses");
_Static_assert((PAGE_SIZE << PGALLOC_MAX_ORDER) <= PGALLOC_PA_LIMIT, "a block fits the PA space");

/* A free block's list links (0 = none; PA 0 is never in a free block):
 * where, node() says. */
struct free_node {
	uint64_t next_pa;
	uint64_t prev_pa;
};
_Static_assert(sizeof(struct free_node) <= PAGE_SIZE, "a list node fits in a page");

#define BLOCK_SIZE(order) ((uint64_t)PAGE_SIZE << (order))

const char *pgalloc_strerror(int err)
{
	switch (err) {
	case PGALLOC_OK:        return "ok";
	case PGALLOC_EALIGN:    return "address or size not aligned";
	case PGALLOC_ERANGE:    return "empty or wrapping range, beyond 2^" STR(PA_BITS_MAX) ", or order too large";
	case PGALLOC_ESTATE:    return "not allowed in this phase (before/after finalize)";
	case PGALLOC_EOVERLAP:  return "range overlaps a bank already added";
	case PGALLOC_EFULL:     return "too many banks or reservations";
	case PGALLOC_ENOTRAM:   return "address in no RAM bank";
	case PGALLOC_ERESERVED: return "address in reserved memory";
	case PGALLOC_EDOUBLE:   return "block already free";
	case PGALLOC_ENOTALLOC: return "not the start of an allocated block";
	case PGALLOC_EORDER:    return "allocated block has another order";
	case PGALLOC_ECORRUPT:  return "allocator metadata inconsistent";
	case PGALLOC_EINVAL:    return "invalid argument";
	default:                return "unknown pgalloc error";
	}
}


/* floor(log2(x)) for x > 0 */
static unsigned log2_floor(uint64_t x)
{
	return 63u - (unsigned)__builtin_clzll(x);
}

/* ---- state bytes and list nodes ------------------------------------- */

static uint64_t bank_end(const struct pgalloc_bank *b)
{
	return b->base_pa + b->size;
}

void pgalloc_set_linear(struct pgalloc_ctx *ctx, uint64_t offset)
{
	ctx->linear = true;
	ctx->linear_offset = offset;
}

static uint8_t *state_ptr(const struct pgalloc_ctx *ctx, const struct pgalloc_bank *b,
			  uint64_t pa)
{
	return pgalloc_ptr(ctx, b->meta_pa + ((pa - b->base_pa) >> PAGE_SHIFT));
}

static void state_set(struct pgalloc_ctx *ctx, struct pgalloc_bank *b, uint64_t pa, unsigned st)
{
	*state_ptr(ctx, b, pa) = (uint8_t)st;
}

static bool in_meta(const struct pgalloc_bank *b, uint64_t pa)
{
	return pa - b->meta_pa < b->meta_pages * PAGE_SIZE;
}

static bool in_reservation(const struct pgalloc_ctx *ctx, uint64_t pa)
{
	for (unsigned i = 0; i < ctx->nr_reserved && ctx->reserved[i].phys_start <= pa; i++)
		if (pa < ctx->reserved[i].phys_end)
			return true;
	return false;
}

/* Page pa's state in a usable bank: reserved, metadata, or its byte,
 * which is its block's state where pa heads a block. */
static unsigned state_at(const struct pgalloc_ctx *ctx, const struct pgalloc_bank *b,
			 uint64_t pa)
{
	if (in_meta(b, pa))
		return ST_META;
	if (in_reservation(ctx, pa))
		return ST_RESERVED;
	return *state_ptr(ctx, b, pa);
}

/* The head of the block holding page pa (neither reserved nor metadata)
 * of a usable bank, and its state. Each address looked at, from the
 * largest aligned block down, is a head, a reserved or a metadata page:
 * a block holding it, larger than the aligned block looked at, would hold
 * pa too and would have been found before. So no byte inside a block is
 * read. */
static uint64_t block_holding(const struct pgalloc_ctx *ctx, const struct pgalloc_bank *b,
			      uint64_t pa, unsigned *st)
{
	uint64_t last = ~0ull;

	for (int k = PGALLOC_MAX_ORDER; k >= 0; k--) {
		uint64_t head = align_down(pa, BLOCK_SIZE(k));
		unsigned s;

		if (head < b->base_pa || head == last)
			continue;
		last = head;
		s = state_at(ctx, b, head);
		if ((s & (ST_FREE | ST_ALLOC)) && pa - head < BLOCK_SIZE(s & ST_ORDER_MASK)) {
			*st = s;
			return head;
		}
	}
	*st = ST_NONE;         /* not reached while the metadata is consistent */
	return 0;
}

/* Where a free block's list node is. A block of NODE_META_ORDER pages or
 * more keeps it among its own state bytes, at the first 16-byte boundary
 * above its head's byte: 31 or more bytes that, while it is one free
 * block, nothing reads as states (see the top). So listing a large free
 * block touches none of its pages, only the metadata: start-up writes to
 * RAM one page of state per 1 GiB, not a page per block (under QEMU each
 * 2 MiB of guest RAM first touched costs the host a huge page to clear).
 * 16-byte aligned, a node never crosses a page (phys_to_ptr's contract).
 * A smaller block keeps it in its first page. */
#define NODE_META_ORDER 5
_Static_assert((1u << NODE_META_ORDER) >= 16 + 16, "a node fits above the head's byte");

static inline __attribute__((always_inline))
struct free_node *node(const struct pgalloc_ctx *ctx, const struct pgalloc_bank *b, uint64_t pa,
		       unsigned order)
{
	if (order < NODE_META_ORDER)
		return pgalloc_ptr(ctx, pa);
	return pgalloc_ptr(ctx, align_up(b->meta_pa + ((pa - b->base_pa) >> PAGE_SHIFT) + 1, 16));
}

/* Inline, as list_remove: the demand fault's allocation is a few of each. */
static inline __attribute__((always_inline))
void list_push(struct pgalloc_ctx *ctx, struct pgalloc_bank *b, uint64_t pa,
		      unsigned order)
{
	struct free_node *n = node(ctx, b, pa, order);
	uint64_t head = b->free_head_pa[order];

	n->next_pa = head;
	n->prev_pa = 0;
	if (head)
		node(ctx, b, head, order)->prev_pa = pa;
	b->free_head_pa[order] = pa;
	b->nr_free[order]++;
	b->free_pages += UL(1) << order;
	state_set(ctx, b, pa, ST_FREE | order);
}

/* Takes a free block off its list (its head byte is left: the block is
 * being allocated, split or merged, and whoever heads it next writes it). */
static inline __attribute__((always_inline))
void list_remove(struct pgalloc_ctx *ctx, struct pgalloc_bank *b, uint64_t pa,
			unsigned order)
{
	struct free_node *n = node(ctx, b, pa, order);
	uint64_t next = n->next_pa, prev = n->prev_pa;

	if (prev)
		node(ctx, b, prev, order)->next_pa = next;
	else
		b->free_head_pa[order] = next;
	if (next)
		node(ctx, b, next, order)->prev_pa = prev;
	b->nr_free[order]--;
	b->free_pages -= UL(1) << order;
}

/* ---- setup ----------------------------------------------------------- */

int pgalloc_init(struct pgalloc_ctx *ctx, void *(*phys_to_ptr)(uint64_t pa, void *cookie),
		 void *cookie)
{
	if (!phys_to_ptr)
		return PGALLOC_EINVAL;
	memset(ctx, 0, sizeof(*ctx));
	ctx->phys_to_ptr = phys_to_ptr;
	ctx->cookie = cookie;
	/* alloc's failure value 0 must never be a block. */
	ctx->reserved[0] = (struct phys_range){ 0, PAGE_SIZE, NULL };
	ctx->nr_reserved = 1;
	return PGALLOC_OK;
}

int pgalloc_add_range(struct pgalloc_ctx *ctx, uint64_t pa, uint64_t size)
{
	unsigned i;

	if (ctx->ready)
		return PGALLOC_ESTATE;
	if (size == 0 || pa >= PGALLOC_PA_LIMIT || size > PGALLOC_PA_LIMIT - pa)
		return PGALLOC_ERANGE;
	if ((pa | size) & (PAGE_SIZE - 1))
		return PGALLOC_EALIGN;
	for (i = 0; i < ctx->nr_banks && ctx->bank[i].base_pa < pa; i++)
		;
	if ((i > 0 && bank_end(&ctx->bank[i - 1]) > pa) ||
	    (i < ctx->nr_banks && ctx->bank[i].base_pa < pa + size))
		return PGALLOC_EOVERLAP;
	if (ctx->nr_banks == PGALLOC_MAX_BANKS)
		return PGALLOC_EFULL;
	memmove(&ctx->bank[i + 1], &ctx->bank[i], (ctx->nr_banks - i) * sizeof(ctx->bank[0]));
	memset(&ctx->bank[i], 0, sizeof(ctx->bank[i]));
	ctx->bank[i].base_pa = pa;
	ctx->bank[i].size = size;
	ctx->nr_banks++;
	return PGALLOC_OK;
}

int pgalloc_reserve(struct pgalloc_ctx *ctx, uint64_t pa, uint64_t size)
{
	uint64_t start, end;
	unsigned i, j, n = ctx->nr_reserved;

	if (ctx->ready)
		return PGALLOC_ESTATE;
	if (size == 0 || size - 1 > UINT64_MAX - pa)
		return PGALLOC_ERANGE;
	if (pa >= PGALLOC_PA_LIMIT)
		return PGALLOC_OK;          /* no RAM there */
	/* Widened to whole pages; clipped at PGALLOC_PA_LIMIT (so no overflow). */
	start = align_down(pa, PAGE_SIZE);
	end = min_u64(pa + (size - 1), PGALLOC_PA_LIMIT - 1);
	end = (end | (PAGE_SIZE - 1)) + 1;
	/* Entries i..j-1 overlap or touch [start, end): they merge into one. */
	for (i = 0; i < n && ctx->reserved[i].phys_end < start; i++)
		;
	for (j = i; j < n && ctx->reserved[j].phys_start <= end; j++) {
		start = min_u64(start, ctx->reserved[j].phys_start);
		end = max_u64(end, ctx->reserved[j].phys_end);
	}
	if (i == j) {
		if (n == PGALLOC_MAX_RESERVED)
			return PGALLOC_EFULL;
		memmove(&ctx->reserved[i + 1], &ctx->reserved[i], (n - i) * sizeof(ctx->reserved[0]));
		ctx->nr_reserved++;
	} else {
		memmove(&ctx->reserved[i + 1], &ctx->reserved[j], (n - j) * sizeof(ctx->reserved[0]));
		ctx->nr_reserved -= j - i - 1;
	}
	ctx->reserved[i] = (struct phys_range){ start, end, NULL };
	return PGALLOC_OK;
}

/* Free stretches of a bank: the gaps between the reservations. Calls fn
 * for each, in address order; fn returns false to stop. */
typedef bool (*stretch_fn)(struct pgalloc_ctx *ctx, struct pgalloc_bank *b,
			   uint64_t start, uint64_t end, void *arg);

static void for_each_stretch(struct pgalloc_ctx *ctx, struct pgalloc_bank *b, stretch_fn fn,
			     void *arg)
{
	uint64_t cur = b->base_pa, end = bank_end(b);
	unsigned i;

	for (i = 0; i < ctx->nr_reserved && cur < end; i++) {
		const struct phys_range *r = &ctx->reserved[i];

		if (r->phys_end <= cur)
			continue;
		if (r->phys_start > cur && !fn(ctx, b, cur, min_u64(r->phys_start, end), arg))
			return;
		cur = r->phys_end;
	}
	if (cur < end)
		fn(ctx, b, cur, end, arg);
}

struct meta_search {
	uint64_t need;            /* bytes */
	uint64_t found_pa;        /* the last (highest) stretch that fits */
	uint64_t free_pages;
};

static bool meta_candidate(struct pgalloc_ctx *ctx, struct pgalloc_bank *b, uint64_t start,
			   uint64_t end, void *arg)
{
	struct meta_search *s = arg;

	(void)ctx;
	(void)b;
	s->free_pages += (end - start) >> PAGE_SHIFT;
	if (end - start >= s->need)
		s->found_pa = end - s->need;
	return true;
}

/* The largest naturally aligned blocks that fit [start, end): a list
 * node and a head byte each, nothing per page. */
static void carve(struct pgalloc_ctx *ctx, struct pgalloc_bank *b, uint64_t start,
		  uint64_t end)
{
	while (start < end) {
		unsigned order = (unsigned)min_u64(PGALLOC_MAX_ORDER,
					 min_u64((unsigned)__builtin_ctzll(start >> PAGE_SHIFT),
						 log2_floor((end - start) >> PAGE_SHIFT)));

		list_push(ctx, b, start, order);
		start += BLOCK_SIZE(order);
	}
}

static bool carve_stretch(struct pgalloc_ctx *ctx, struct pgalloc_bank *b, uint64_t start,
			  uint64_t end, void *arg)
{
	(void)arg;
	/* The metadata lies inside one stretch, at its end or in the middle. */
	if (b->meta_pa >= start && b->meta_pa < end) {
		carve(ctx, b, start, b->meta_pa);
		carve(ctx, b, b->meta_pa + b->meta_pages * PAGE_SIZE, end);
	} else {
		carve(ctx, b, start, end);
	}
	return true;
}

int pgalloc_finalize(struct pgalloc_ctx *ctx)
{
	unsigned i;

	if (ctx->ready)
		return PGALLOC_ESTATE;
	for (i = 0; i < ctx->nr_banks; i++) {
		struct pgalloc_bank *b = &ctx->bank[i];
		uint64_t pages = b->size >> PAGE_SHIFT;
		struct meta_search s = { .need = ((pages + PAGE_SIZE - 1) / PAGE_SIZE) * PAGE_SIZE };

		for_each_stretch(ctx, b, meta_candidate, &s);
		b->reserved_pages = pages - s.free_pages;
		if (!s.found_pa) {
			b->unusable_pages = s.free_pages;
			continue;
		}
		b->meta_pa = s.found_pa;
		b->meta_pages = s.need >> PAGE_SHIFT;
		for_each_stretch(ctx, b, carve_stretch, NULL);
	}
	ctx->ready = true;
	return PGALLOC_OK;
}

/* ---- alloc and free -------------------------------------------------- */

/* Hands out the free block of order k at pa in bank b as one of `order`,
 * the rest going back to the lists as buddies of falling order. Apart from
 * the search, so that finding a block costs a short loop. */
static __attribute__((noinline)) uint64_t take_block(struct pgalloc_ctx *ctx,
						     struct pgalloc_bank *b, uint64_t pa,
						     unsigned k, unsigned order)
{
	list_remove(ctx, b, pa, k);
	while (k > order) {
		k--;
		list_push(ctx, b, pa + BLOCK_SIZE(k), k);
	}
	state_set(ctx, b, pa, ST_ALLOC | order);
	b->alloc_pages += UL(1) << order;
	return pa;
}

uint64_t pgalloc_alloc(struct pgalloc_ctx *ctx, unsigned order)
{
	unsigned k, i;

	if (!ctx->ready || order > PGALLOC_MAX_ORDER)
		return 0;
	/* Best fit: the smallest order that has a block, lowest bank first. */
	for (k = order; k <= PGALLOC_MAX_ORDER; k++)
		for (i = 0; i < ctx->nr_banks; i++)
			if (ctx->bank[i].free_head_pa[k])
				return take_block(ctx, &ctx->bank[i], ctx->bank[i].free_head_pa[k],
						  k, order);
	return 0;
}

static struct pgalloc_bank *find_bank(const struct pgalloc_ctx *ctx, uint64_t pa)
{
	unsigned i;

	for (i = 0; i < ctx->nr_banks; i++) {
		const struct pgalloc_bank *b = &ctx->bank[i];

		if (pa >= b->base_pa && pa < bank_end(b))
			return (struct pgalloc_bank *)b;
	}
	return NULL;
}

int pgalloc_free(struct pgalloc_ctx *ctx, uint64_t pa, unsigned order)
{
	struct pgalloc_bank *b;
	unsigned st;

	if (!ctx->ready)
		return PGALLOC_ESTATE;
	if (order > PGALLOC_MAX_ORDER)
		return PGALLOC_ERANGE;
	if (pa & (BLOCK_SIZE(order) - 1))
		return PGALLOC_EALIGN;
	b = find_bank(ctx, pa);
	if (!b)
		return PGALLOC_ENOTRAM;
	if (!b->meta_pa)    /* nothing was ever handed out of it */
		return in_reservation(ctx, pa) ? PGALLOC_ERESERVED : PGALLOC_ENOTALLOC;
	if (in_meta(b, pa) || in_reservation(ctx, pa))
		return PGALLOC_ERESERVED;
	if (block_holding(ctx, b, pa, &st) != pa)      /* inside a block */
		return (st & ST_FREE) ? PGALLOC_EDOUBLE : PGALLOC_ENOTALLOC;
	if (st & ST_FREE)
		return PGALLOC_EDOUBLE;
	if ((st & ST_ORDER_MASK) != order)
		return PGALLOC_EORDER;

	b->alloc_pages -= UL(1) << order;
	/* Merge while the buddy is a free block of exactly this order, whole
	 * in this bank (the buddy is a head, reserved or metadata: a block
	 * holding it would hold pa). */
	while (order < PGALLOC_MAX_ORDER) {
		uint64_t buddy = pa ^ BLOCK_SIZE(order);

		if (buddy < b->base_pa || buddy + BLOCK_SIZE(order) > bank_end(b) ||
		    state_at(ctx, b, buddy) != (ST_FREE | order))
			break;
		list_remove(ctx, b, buddy, order);
		pa = min_u64(pa, buddy);
		order++;
	}
	list_push(ctx, b, pa, order);
	return PGALLOC_OK;
}

/* ---- statistics ------------------------------------------------------ */

unsigned pgalloc_nr_banks(const struct pgalloc_ctx *ctx)
{
	return ctx->nr_banks;
}

int pgalloc_stats(const struct pgalloc_ctx *ctx, unsigned bank, struct pgalloc_stats *out)
{
	unsigned i, k;

	if (!ctx->ready)
		return PGALLOC_ESTATE;
	if (bank != PGALLOC_ALL_BANKS && bank >= ctx->nr_banks)
		return PGALLOC_EINVAL;
	memset(out, 0, sizeof(*out));
	for (i = 0; i < ctx->nr_banks; i++) {
		const struct pgalloc_bank *b = &ctx->bank[i];

		if (bank != PGALLOC_ALL_BANKS && bank != i)
			continue;
		if (bank == i) {
			out->base_pa = b->base_pa;
			out->size = b->size;
			out->meta_pa = b->meta_pa;
		}
		out->total_pages += b->size >> PAGE_SHIFT;
		out->free_pages += b->free_pages;
		out->allocated_pages += b->alloc_pages;
		out->reserved_pages += b->reserved_pages;
		out->meta_pages += b->meta_pages;
		out->unusable_pages += b->unusable_pages;
		for (k = 0; k <= PGALLOC_MAX_ORDER; k++)
			out->nr_free[k] += b->nr_free[k];
	}
	return PGALLOC_OK;
}

int pgalloc_for_each_free(const struct pgalloc_ctx *ctx,
			  void (*fn)(uint64_t pa, unsigned order, unsigned bank, void *cookie),
			  void *cookie)
{
	unsigned i, k;

	if (!ctx->ready)
		return PGALLOC_ESTATE;
	for (i = 0; i < ctx->nr_banks; i++)
		for (k = 0; k <= PGALLOC_MAX_ORDER; k++) {
			uint64_t pa;

			for (pa = ctx->bank[i].free_head_pa[k]; pa;
			     pa = node(ctx, &ctx->bank[i], pa, k)->next_pa)
				fn(pa, k, i, cookie);
		}
	return PGALLOC_OK;
}

/* ---- self-check ------------------------------------------------------ */

/* [pa, pa + size) clear of every reservation and of the metadata. */
static bool range_clear(const struct pgalloc_ctx *ctx, const struct pgalloc_bank *b, uint64_t pa,
			uint64_t size)
{
	for (unsigned i = 0; i < ctx->nr_reserved; i++)
		if (ctx->reserved[i].phys_start < pa + size && pa < ctx->reserved[i].phys_end)
			return false;
	return b->meta_pa >= pa + size || pa >= b->meta_pa + b->meta_pages * PAGE_SIZE;
}

/* A block head at pa, state st: its order, aligned, in the bank, clear of
 * reservations and metadata; a free one not beside a free buddy of its
 * order (coalesced). */
static bool head_ok(const struct pgalloc_ctx *ctx, const struct pgalloc_bank *b, uint64_t pa,
		    unsigned st)
{
	unsigned k = st & ST_ORDER_MASK;
	uint64_t buddy = pa ^ BLOCK_SIZE(k);

	if (!(st & (ST_FREE | ST_ALLOC)) || (st & ~(ST_FREE | ST_ALLOC | ST_ORDER_MASK)) ||
	    ((st & ST_FREE) && (st & ST_ALLOC)) || k > PGALLOC_MAX_ORDER)
		return false;
	if ((pa & (BLOCK_SIZE(k) - 1)) || BLOCK_SIZE(k) > bank_end(b) - pa ||
	    !range_clear(ctx, b, pa, BLOCK_SIZE(k)))
		return false;
	return !(st & ST_FREE) || k == PGALLOC_MAX_ORDER || buddy < b->base_pa ||
	       buddy + BLOCK_SIZE(k) > bank_end(b) || state_at(ctx, b, buddy) != (ST_FREE | k);
}

/* Each list: exactly the free heads of its order (counted), linked both ways. */
static bool lists_ok(const struct pgalloc_ctx *ctx, const struct pgalloc_bank *b,
		     const uint64_t counted[PGALLOC_NR_ORDERS])
{
	for (unsigned k = 0; k <= PGALLOC_MAX_ORDER; k++) {
		uint64_t prev = 0, n = 0, pa;

		if (counted[k] != b->nr_free[k])
			return false;
		for (pa = b->free_head_pa[k]; pa; prev = pa, pa = node(ctx, b, pa, k)->next_pa) {
			if (++n > counted[k] || pa < b->base_pa || pa >= bank_end(b) ||
			    state_at(ctx, b, pa) != (ST_FREE | k) || node(ctx, b, pa, k)->prev_pa != prev)
				return false;
		}
		if (n != counted[k])
			return false;
	}
	return true;
}

/* The bank block by block: reserved and metadata pages one by one (known
 * from the ranges), then a head and the block it starts. */
static int check_bank(const struct pgalloc_ctx *ctx, const struct pgalloc_bank *b)
{
	uint64_t pages = b->size >> PAGE_SHIFT, counted[PGALLOC_NR_ORDERS] = { 0 };
	uint64_t free_pages = 0, alloc_pages = 0, reserved = 0, meta = 0, pa, end = bank_end(b);

	if (!b->meta_pa)
		return (b->free_pages | b->alloc_pages | b->meta_pages) ? PGALLOC_ECORRUPT : PGALLOC_OK;
	if (b->meta_pa < b->base_pa || b->meta_pa + b->meta_pages * PAGE_SIZE > end ||
	    b->meta_pages != (pages + PAGE_SIZE - 1) / PAGE_SIZE)
		return PGALLOC_ECORRUPT;
	for (pa = b->base_pa; pa < end; ) {
		unsigned st = state_at(ctx, b, pa), k = st & ST_ORDER_MASK;

		if (st == ST_RESERVED || st == ST_META) {
			st == ST_META ? meta++ : reserved++;
			pa += PAGE_SIZE;
			continue;
		}
		if (!head_ok(ctx, b, pa, st))
			return PGALLOC_ECORRUPT;
		if (st & ST_FREE) {
			counted[k]++;
			free_pages += UL(1) << k;
		} else {
			alloc_pages += UL(1) << k;
		}
		pa += BLOCK_SIZE(k);
	}
	if (free_pages != b->free_pages || alloc_pages != b->alloc_pages ||
	    reserved != b->reserved_pages || meta != b->meta_pages || b->unusable_pages ||
	    !lists_ok(ctx, b, counted))
		return PGALLOC_ECORRUPT;
	return PGALLOC_OK;
}

int pgalloc_check(const struct pgalloc_ctx *ctx)
{
	unsigned i;

	if (!ctx->ready)
		return PGALLOC_ESTATE;
	for (i = 0; i < ctx->nr_banks; i++) {
		int rc = check_bank(ctx, &ctx->bank[i]);

		if (rc)
			return rc;
	}
	return PGALLOC_OK;
}
