/*
 * dump.c - enumerate and merge the mappings of one half (see dump.h).
 */
#include <stdio.h>
#include "dump.h"

struct dump_state {
	const struct walk_ctx *ctx;
	pt_range_fn emit;
	void *cookie;
	struct pt_range cur;     /* range being grown; size 0 = none */
	int count;
};

static void flush(struct dump_state *st)
{
	if (st->cur.size) {
		st->emit(&st->cur, st->cookie);
		st->count++;
		st->cur.size = 0;
	}
}

static void add_leaf(struct dump_state *st, uint64_t va, uint64_t pa, uint64_t size,
		     int level, const struct pte_attrs *attrs)
{
	struct pt_range *c = &st->cur;

	if (c->size && c->va + c->size == va && c->pa + c->size == pa &&
	    c->level == level && pte_attrs_equal(&c->attrs, attrs)) {
		c->size += size;
		return;
	}
	flush(st);
	*c = (struct pt_range){ .va = va, .pa = pa, .size = size, .level = level, .attrs = *attrs };
}

/* Visit table_pa at level whose first entry maps va_base, in a half of
 * va_bits (its root may have fewer entries than a page). 0 or -1. */
static int visit(struct dump_state *st, uint64_t table_pa, int level, uint64_t va_base,
		 unsigned va_bits)
{
	const uint64_t *table = st->ctx->read_table(table_pa, st->ctx->cookie);
	unsigned entries = level_entries(level, va_bits);
	uint64_t span = 1ULL << level_shift(level);
	/* The entry before, when it was a leaf in st->cur: an entry that is its
	 * desc_next_leaf continues the run add_leaf would merge (contiguous VA
	 * and PA, level, attributes), found without decoding: the full report
	 * dumps every table. */
	uint64_t prev_leaf = 0;

	if (!table)
		return -1;
	for (unsigned i = 0; i < entries; i++) {
		uint64_t va = va_base + i * span, desc = table[i];
		struct desc_info d;

		if (prev_leaf && desc == desc_next_leaf(prev_leaf, span)) {
			st->cur.size += span;
			prev_leaf = desc;
			continue;
		}
		prev_leaf = 0;
		if (desc_kind_of(desc, level) == DESC_INVALID) {   /* most entries: no decode */
			flush(st);
			/* The rest of a run of invalid entries (bit 0 clear): nothing
			 * to do for each but to pass it. */
			while (i + 1 < entries && !(table[i + 1] & 1))
				i++;
			continue;
		}
		d = desc_decode(desc, level);
		if (d.kind == DESC_TABLE) {
			if (visit(st, d.addr, level + 1, va, va_bits) < 0)
				return -1;
		} else {
			add_leaf(st, va, d.addr, span, level, &d.attrs);
			prev_leaf = desc;
		}
	}
	return 0;
}

int pt_dump(const struct walk_ctx *ctx, int ttbr, pt_range_fn emit, void *cookie)
{
	struct dump_state st = { .ctx = ctx, .emit = emit, .cookie = cookie };
	uint64_t base = ttbr ? ttbr1_va_start() : 0;
	unsigned bits = walk_half_va_bits(ctx, ttbr);

	if (ttbr == 0 && ctx->ttbr0_disabled)
		return 0;
	if (visit(&st, ttbr ? ctx->ttbr1_pa : ctx->ttbr0_pa, va_root_level(bits), base, bits) < 0)
		return -1;
	flush(&st);
	return st.count;
}

char *format_size(uint64_t size, char *buf, size_t len)
{
	static const char units[] = "KMGT";
	int u = -1;

	while (u < 3 && size && (size & 1023) == 0) {
		size >>= 10;
		u++;
	}
	if (u < 0)
		snprintf(buf, len, "%lluB", (unsigned long long)size);
	else
		snprintf(buf, len, "%llu%c", (unsigned long long)size, units[u]);
	return buf;
}

char *pt_range_format(const struct pt_range *r, char *buf, size_t len)
{
	char size[16], attrs[64];

	snprintf(buf, len, "0x%016llx-0x%016llx pa 0x%010llx %6s L%d %s",
		 (unsigned long long)r->va, (unsigned long long)(r->va + r->size),
		 (unsigned long long)r->pa, format_size(r->size, size, sizeof(size)),
		 r->level, pte_attrs_format(&r->attrs, attrs, sizeof(attrs)));
	return buf;
}
