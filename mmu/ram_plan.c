/*
 * ram_plan.c - the plan of physical RAM (see ram_plan.h).
 *
 * Owns: the range-set arithmetic (sorted, disjoint, non-adjacent [start,
 * end) lists in fixed arrays), the order of the planning steps and thus
 * which reason a lost byte is charged to, the verdict checks, take's
 * placement policy and the translation into pgalloc's calls.
 * Every step works on the range lists only, never on memory.
 */
#include <stddef.h>
#include <string.h>
#include "align.h"
#include "ram_plan.h"

_Static_assert(PAGE_SIZE == 4096 || PAGE_SIZE == 16384 || PAGE_SIZE == 65536,
	       "the linear map and pgalloc work in the build's pages");
_Static_assert(RAM_MEMSTART_ALIGN == BLOCK_MAX_SIZE, "phys_memstart starts a largest block");
_Static_assert(RAM_LINEAR_BUDGET == LINEAR_MAP_VA_SIZE && RAM_LINEAR_BUDGET % RAM_MEMSTART_ALIGN == 0,
	       "the linear map has the VA below the image, in largest blocks");
_Static_assert(RAM_LINEAR_BUDGET % PAGE_SIZE == 0, "the budget is whole pages");
_Static_assert(RAM_PA_BITS_MAX <= PA_BITS_MAX && (1ULL << RAM_PA_BITS_MAX) <= PGALLOC_PA_LIMIT,
	       "every linear range is below pgalloc's PA limit");
_Static_assert(RAM_MAX_FREE >= RAM_MAX_LINEAR, "the free ranges start as a copy of the linear ones");
_Static_assert(RAM_MAX_LINEAR >= RAM_MAX_RAM, "the linear ranges start as a copy of the union");
/* ram_plan_feed's worst case fits pgalloc once the linear ranges fit its
 * banks: one reservation slot for PA 0, and one per held piece. A held
 * piece starts either where a subtraction from the free ranges starts
 * (a reservation, the image, the DTB, the initrd, PA 0, a take: one
 * each) or where a linear range starts (one each). */
_Static_assert(PGALLOC_MAX_RESERVED >=
	       1 + RAM_MAX_RESERVATIONS + 4 + RAM_MAX_TAKEN + PGALLOC_MAX_BANKS,
	       "every held piece of a plan within the limits is a pgalloc reservation");

/* Byte ranges [pa, pa + size) with size > 0 overlap. */
static bool overlaps(uint64_t a, uint64_t asize, uint64_t b, uint64_t bsize)
{
	return asize && bsize && a < b + bsize && b < a + asize;
}

/* A range's pages, clipped to lim (a page multiple): [*s, *e), maybe empty. */
static void pages_of(uint64_t pa, uint64_t size, uint64_t lim, uint64_t *s, uint64_t *e)
{
	if (!size || pa >= lim) {
		*s = *e = 0;
		return;
	}
	*s = align_down(pa, PAGE_SIZE);
	*e = align_up(min_u64(pa + size, lim), PAGE_SIZE);
}

/* ---- range sets ----------------------------------------------------- */

struct rset {
	struct phys_range *r;
	unsigned *n;
	unsigned cap;
};

static uint64_t rset_bytes(const struct rset *rs)
{
	uint64_t sum = 0;
	unsigned i;

	for (i = 0; i < *rs->n; i++)
		sum += rs->r[i].phys_end - rs->r[i].phys_start;
	return sum;
}

/* Adds [s, e) (s < e), merging what it overlaps or touches; *added: the
 * bytes not covered before. false if the array is full. */
static bool rset_add(struct rset *rs, uint64_t s, uint64_t e, const char *name, uint64_t *added)
{
	struct phys_range *r = rs->r;
	unsigned i, j, n = *rs->n;
	uint64_t before = 0, ns = s, ne = e;

	for (i = 0; i < n && r[i].phys_end < s; i++)
		;
	for (j = i; j < n && r[j].phys_start <= e; j++) {
		before += r[j].phys_end - r[j].phys_start;
		ns = min_u64(ns, r[j].phys_start);
		ne = max_u64(ne, r[j].phys_end);
	}
	if (i == j) {
		if (n == rs->cap)
			return false;
		memmove(&r[i + 1], &r[i], (n - i) * sizeof(r[0]));
		(*rs->n)++;
	} else {
		if (r[i].phys_start <= s)
			name = r[i].name;       /* named after where it starts */
		memmove(&r[i + 1], &r[j], (n - j) * sizeof(r[0]));
		*rs->n -= j - i - 1;
	}
	r[i] = (struct phys_range){ ns, ne, name };
	*added = (ne - ns) - before;
	return true;
}

/* Removes [s, e); *removed: the bytes that were covered. false (nothing
 * changed) if a split would overflow the array. */
static bool rset_sub(struct rset *rs, uint64_t s, uint64_t e, uint64_t *removed)
{
	struct phys_range *r = rs->r;
	unsigned i = 0;

	*removed = 0;
	if (s >= e)
		return true;
	while (i < *rs->n) {
		uint64_t a = r[i].phys_start, b = r[i].phys_end;

		if (b <= s || a >= e) {
			i++;
			continue;
		}
		*removed += min_u64(b, e) - max_u64(a, s);
		if (a < s && b > e) {           /* the only one it touches: split */
			if (*rs->n == rs->cap) {
				*removed = 0;
				return false;
			}
			memmove(&r[i + 2], &r[i + 1], (*rs->n - i - 1) * sizeof(r[0]));
			(*rs->n)++;
			r[i + 1] = (struct phys_range){ e, b, r[i].name };
			r[i].phys_end = s;
			return true;
		}
		if (a < s) {
			r[i++].phys_end = s;
		} else if (b > e) {
			r[i++].phys_start = e;
		} else {
			memmove(&r[i], &r[i + 1], (*rs->n - i - 1) * sizeof(r[0]));
			(*rs->n)--;
		}
	}
	return true;
}

static void rset_del(struct rset *rs, unsigned i)
{
	memmove(&rs->r[i], &rs->r[i + 1], (*rs->n - i - 1) * sizeof(rs->r[0]));
	(*rs->n)--;
}

/* The index of the range holding all of [s, e) (s < e), or -1. */
static int rset_holding(const struct phys_range *r, unsigned n, uint64_t s, uint64_t e)
{
	unsigned i;

	for (i = 0; i < n; i++)
		if (s >= r[i].phys_start && e <= r[i].phys_end)
			return (int)i;
	return -1;
}

/* ---- planning -------------------------------------------------------- */

static void set_verdict(struct ram_plan *l, int err, const char *name)
{
	if (l->verdict == RAM_OK) {
		l->verdict = err;
		l->verdict_name = name ? name : "";
	}
}

/* Within the input's limits the arrays cannot fill (ram_plan.h): a full
 * one is a bug, refused all the same rather than overrun. */
static bool add_loss(struct ram_plan *l, uint64_t pa, uint64_t size, enum ram_loss_reason why,
		     const char *name, int absent)
{
	if (!size)
		return true;
	if (l->nr_losses == RAM_MAX_LOSSES) {
		set_verdict(l, RAM_ETOOMANY, "losses");
		return false;
	}
	l->loss[l->nr_losses++] = (struct ram_loss){ pa, size, name, why, absent };
	l->bytes_lost += size;
	return true;
}

static bool add_note(struct ram_plan *l, enum ram_note_kind kind, uint64_t pa, uint64_t size,
		     const char *name, const char *other)
{
	if (l->nr_notes == RAM_MAX_NOTES) {
		set_verdict(l, RAM_ETOOMANY, "notes");
		return false;
	}
	l->note[l->nr_notes++] = (struct ram_note){ pa, size, kind, name, other };
	return true;
}

static const char *bank_name(const struct phys_range *b)
{
	return b->name ? b->name : "memory";
}

static const char *rsv_name(const struct ram_reservation *r)
{
	return r->range.name ? r->range.name : "/memreserve/";
}

/* The bank a lost piece belongs to: the first that holds its first byte. */
static const char *bank_name_at(const struct ram_plan_input *in, uint64_t pa)
{
	unsigned i;

	for (i = 0; i < in->nr_banks; i++)
		if (phys_range_has(&in->bank[i], pa))
			return bank_name(&in->bank[i]);
	return "memory";
}

/* A range that wraps past 2^64 - 1 (as lib/machine.h excludes). */
static bool wraps(uint64_t pa, uint64_t size)
{
	return size > UINT64_MAX - pa;
}

static bool check_limits(const struct ram_plan_input *in, struct ram_plan *l)
{
	if (in->nr_banks > RAM_MAX_BANKS)
		set_verdict(l, RAM_ETOOMANY, "banks");
	else if (in->nr_rsv > RAM_MAX_RESERVATIONS)
		set_verdict(l, RAM_ETOOMANY, "reservations");
	else if (in->nr_absent > RAM_MAX_ABSENT)
		set_verdict(l, RAM_ETOOMANY, "absent");
	return l->verdict == RAM_OK;
}

static bool check_input(const struct ram_plan_input *in, struct ram_plan *l)
{
	unsigned i;

	if (in->pa_bits < RAM_PA_BITS_MIN || in->pa_bits > RAM_PA_BITS_MAX)
		set_verdict(l, RAM_EINVAL, "pa_bits");
	else if (!in->linear_budget || !is_aligned(in->linear_budget, PAGE_SIZE))
		set_verdict(l, RAM_EINVAL, "linear budget");
	else if (!in->image_size || wraps(in->phys_image, in->image_size))
		set_verdict(l, RAM_EINVAL, "image");
	else if (wraps(in->phys_dtb, in->dtb_size))
		set_verdict(l, RAM_EINVAL, "dtb");
	else if (in->phys_initrd_end < in->phys_initrd_start)
		set_verdict(l, RAM_EINVAL, "initrd");
	if (l->verdict != RAM_OK)
		return false;
	for (i = 0; i < in->nr_banks; i++)
		if (in->bank[i].phys_end < in->bank[i].phys_start) {
			set_verdict(l, RAM_EINVAL, bank_name(&in->bank[i]));
			return false;
		}
	for (i = 0; i < in->nr_rsv; i++)
		if (in->rsv[i].range.phys_end < in->rsv[i].range.phys_start) {
			set_verdict(l, RAM_EINVAL, rsv_name(&in->rsv[i]));
			return false;
		}
	for (i = 0; i < in->nr_absent; i++) {
		const struct phys_range *a = &in->absent[i];

		if (a->phys_end < a->phys_start ||
		    !is_aligned(a->phys_start | a->phys_end, PAGE_SIZE)) {
			set_verdict(l, RAM_EINVAL, "absent");
			return false;
		}
	}
	return check_limits(in, l);
}

/* The pieces of [s, e) that the union u already covers, as notes of kind
 * (each named after the union's range it lies in); then [s, e) added.
 * *covered: their bytes. */
static bool merge_noting(struct ram_plan *l, struct rset *u, uint64_t s, uint64_t e,
			 enum ram_note_kind kind, const char *name, uint64_t *covered)
{
	uint64_t added;
	unsigned i;

	*covered = 0;
	for (i = 0; i < *u->n && u->r[i].phys_start < e; i++) {
		uint64_t ps = max_u64(s, u->r[i].phys_start), pe = min_u64(e, u->r[i].phys_end);

		if (ps >= pe)
			continue;
		if (!add_note(l, kind, ps, pe - ps, name, u->r[i].name))
			return false;
		*covered += pe - ps;
	}
	return rset_add(u, s, e, name, &added);
}

/* An earlier bank exactly as bank i, or NULL. */
static const struct phys_range *earlier_same(const struct ram_plan_input *in, unsigned i)
{
	unsigned j;

	for (j = 0; j < i; j++)
		if (in->bank[j].phys_start == in->bank[i].phys_start &&
		    in->bank[j].phys_end == in->bank[i].phys_end)
			return &in->bank[j];
	return NULL;
}

/* The bank union into ram[]; what each bank adds to no earlier one is
 * counted, the rest noted as merged (a duplicate in one note). */
static bool plan_union(const struct ram_plan_input *in, struct ram_plan *l)
{
	struct rset ram = { l->ram, &l->nr_ram, RAM_MAX_RAM };
	unsigned i;

	for (i = 0; i < in->nr_banks; i++) {
		const struct phys_range *b = &in->bank[i], *same;
		uint64_t covered, added;
		bool ok;

		if (b->phys_end == b->phys_start)
			continue;
		same = earlier_same(in, i);
		if (same) {
			ok = add_note(l, RAM_NOTE_BANK_DUPLICATE, b->phys_start, phys_range_size(b),
				      bank_name(b), bank_name(same)) &&
			     rset_add(&ram, b->phys_start, b->phys_end, bank_name(b), &added);
			covered = phys_range_size(b);
		} else {
			ok = merge_noting(l, &ram, b->phys_start, b->phys_end,
					  RAM_NOTE_BANK_OVERLAP, bank_name(b), &covered);
		}
		if (!ok) {
			l->bytes_ram = rset_bytes(&ram);
			set_verdict(l, RAM_ETOOMANY, "banks");
			return false;
		}
		l->bytes_overlap += covered;
	}
	l->bytes_ram = rset_bytes(&ram);
	if (!l->nr_ram) {
		set_verdict(l, RAM_ENOBANK, "memory");
		return false;
	}
	return true;
}

/* ram[] clipped to the PA size, then to whole pages, into linear[]: the
 * piece above the PA size, and each partial page at an edge, lost. */
static bool plan_pages(const struct ram_plan_input *in, struct ram_plan *l)
{
	struct rset lin = { l->linear, &l->nr_linear, RAM_MAX_LINEAR };
	unsigned i;

	memcpy(l->linear, l->ram, l->nr_ram * sizeof(l->ram[0]));
	l->nr_linear = l->nr_ram;
	for (i = 0; i < l->nr_linear;) {
		struct phys_range *r = &l->linear[i];
		uint64_t s, e, cut = max_u64(r->phys_start, l->phys_limit);

		if (cut < r->phys_end) {
			if (!add_loss(l, cut, r->phys_end - cut, RAM_LOSS_PA_BITS,
				      bank_name_at(in, cut), -1))
				return false;
			r->phys_end = cut;
		}
		if (r->phys_start == r->phys_end) {
			rset_del(&lin, i);
			continue;
		}
		/* Not adjacent to its neighbours, so a partial page at its
		 * edge is really partial RAM. */
		s = align_up(r->phys_start, PAGE_SIZE);
		e = align_down(r->phys_end, PAGE_SIZE);
		if (s >= e) {
			if (!add_loss(l, r->phys_start, r->phys_end - r->phys_start, RAM_LOSS_EDGE,
				      bank_name_at(in, r->phys_start), -1))
				return false;
			rset_del(&lin, i);
			continue;
		}
		if (!add_loss(l, r->phys_start, s - r->phys_start, RAM_LOSS_EDGE,
			      bank_name_at(in, r->phys_start), -1) ||
		    !add_loss(l, e, r->phys_end - e, RAM_LOSS_EDGE, bank_name_at(in, e), -1))
			return false;
		r->phys_start = s;
		r->phys_end = e;
		i++;
	}
	return true;
}

/* [s, e) out of the linear ranges, each piece it removes a loss at its
 * own address. */
static bool subtract_lost(struct ram_plan *l, uint64_t s, uint64_t e, enum ram_loss_reason why,
			  const char *name, int absent)
{
	struct rset lin = { l->linear, &l->nr_linear, RAM_MAX_LINEAR };
	uint64_t removed;
	unsigned i;

	for (i = 0; i < l->nr_linear && l->linear[i].phys_start < e; i++) {
		uint64_t ps = max_u64(s, l->linear[i].phys_start);
		uint64_t pe = min_u64(e, l->linear[i].phys_end);

		if (ps < pe && !add_loss(l, ps, pe - ps, why, name, absent))
			return false;
	}
	if (!rset_sub(&lin, s, e, &removed)) {
		set_verdict(l, RAM_ETOOMANY, "linear ranges");
		return false;
	}
	return true;
}

/* The pieces the boot found not to be RAM, before anything is placed:
 * phys_memstart is the lowest RAM that is there. */
static bool plan_absent(const struct ram_plan_input *in, struct ram_plan *l)
{
	unsigned i;

	for (i = 0; i < in->nr_absent; i++) {
		const struct phys_range *a = &in->absent[i];

		if (!subtract_lost(l, a->phys_start, a->phys_end, RAM_LOSS_ABSENT, bank_name(a),
				   (int)i))
			return false;
	}
	if (!l->nr_linear) {
		set_verdict(l, RAM_ENORAM, "memory");
		return false;
	}
	return true;
}

/* phys_memstart, the budget, the no-map reservations. */
static bool plan_linear(const struct ram_plan_input *in, struct ram_plan *l)
{
	struct rset lin = { l->linear, &l->nr_linear, RAM_MAX_LINEAR };
	unsigned i;

	l->phys_memstart = align_down(l->linear[0].phys_start, RAM_MEMSTART_ALIGN);
	l->phys_linear_end = in->linear_budget >= l->phys_limit - l->phys_memstart ?
		l->phys_limit : l->phys_memstart + in->linear_budget;
	for (i = l->nr_linear; i-- > 0;) {
		struct phys_range *r = &l->linear[i];
		uint64_t cut = max_u64(r->phys_start, l->phys_linear_end);

		if (r->phys_end <= l->phys_linear_end)
			break;
		if (!add_loss(l, cut, r->phys_end - cut, RAM_LOSS_BUDGET, bank_name_at(in, cut), -1))
			return false;
		if (cut == r->phys_start)
			rset_del(&lin, i);
		else
			r->phys_end = cut;
	}
	for (i = 0; i < in->nr_rsv; i++) {
		const struct ram_reservation *v = &in->rsv[i];
		uint64_t s, e;

		if (!v->no_map)
			continue;
		/* Every page it touches: no byte of it is ever mapped. */
		pages_of(v->range.phys_start, phys_range_size(&v->range), l->phys_limit, &s, &e);
		if (s < e && !subtract_lost(l, s, e, RAM_LOSS_NO_MAP, rsv_name(v), -1))
			return false;
	}
	l->bytes_mapped = rset_bytes(&lin);
	return true;
}

/* The reservations' notes: each piece already reserved by an earlier
 * one, and each not page aligned (held or unmapped as its whole pages). */
static bool plan_rsv_notes(const struct ram_plan_input *in, struct ram_plan *l)
{
	/* Only this step needs the union: on the stack, not in the plan. */
	struct phys_range rsv_union[RAM_MAX_RESERVATIONS];
	unsigned nr_union = 0, i;
	struct rset u = { rsv_union, &nr_union, RAM_MAX_RESERVATIONS };

	for (i = 0; i < in->nr_rsv; i++) {
		const struct phys_range *v = &in->rsv[i].range;
		uint64_t covered;

		if (v->phys_start == v->phys_end)
			continue;
		if (!is_aligned(v->phys_start | v->phys_end, PAGE_SIZE) &&
		    !add_note(l, RAM_NOTE_RSV_UNALIGNED, v->phys_start, phys_range_size(v),
			      rsv_name(&in->rsv[i]), NULL))
			return false;
		if (!merge_noting(l, &u, v->phys_start, v->phys_end, RAM_NOTE_RSV_OVERLAP,
				  rsv_name(&in->rsv[i]), &covered)) {
			set_verdict(l, RAM_ETOOMANY, "reservations");
			return false;
		}
	}
	return true;
}

/* free[] = linear[] minus everything held. */
static bool plan_free(const struct ram_plan_input *in, struct ram_plan *l)
{
	struct rset fr = { l->free, &l->nr_free, RAM_MAX_FREE };
	uint64_t s, e, removed;
	unsigned i;

	memcpy(l->free, l->linear, l->nr_linear * sizeof(l->linear[0]));
	l->nr_free = l->nr_linear;
	for (i = 0; i < in->nr_rsv; i++) {
		pages_of(in->rsv[i].range.phys_start, phys_range_size(&in->rsv[i].range), l->phys_limit,
			 &s, &e);
		if (!rset_sub(&fr, s, e, &removed))
			goto full;
	}
	pages_of(in->phys_image, in->image_size, l->phys_limit, &s, &e);
	if (!rset_sub(&fr, s, e, &removed))
		goto full;
	pages_of(in->phys_dtb, in->dtb_size, l->phys_limit, &s, &e);
	if (!rset_sub(&fr, s, e, &removed))
		goto full;
	pages_of(in->phys_initrd_start, in->phys_initrd_end - in->phys_initrd_start,
		 l->phys_limit, &s, &e);
	if (!rset_sub(&fr, s, e, &removed))
		goto full;
	/* PA 0 is the failure value of take and of pgalloc_alloc. */
	if (!rset_sub(&fr, 0, PAGE_SIZE, &removed))
		goto full;
	l->bytes_free = rset_bytes(&fr);
	l->bytes_held = l->bytes_mapped - l->bytes_free;
	return true;
full:
	set_verdict(l, RAM_ETOOMANY, "free ranges");
	return false;
}

/* The verdicts about where the image, the DTB and the initrd are. */
static void plan_checks(const struct ram_plan_input *in, struct ram_plan *l)
{
	uint64_t img = in->phys_image, img_size = in->image_size;
	uint64_t dtb = in->phys_dtb, dtb_size = in->dtb_size;
	uint64_t initrd_size = in->phys_initrd_end - in->phys_initrd_start;
	uint64_t s, e, ds = 0, de = 0;
	unsigned i;

	for (i = 0; i < in->nr_rsv; i++)
		if (overlaps(img, img_size, in->rsv[i].range.phys_start,
			     phys_range_size(&in->rsv[i].range)))
			set_verdict(l, RAM_EIMAGE_RESERVED, rsv_name(&in->rsv[i]));
	pages_of(img, img_size, l->phys_limit, &s, &e);
	l->image_linear = s < e && img + img_size <= l->phys_limit ?
		rset_holding(l->linear, l->nr_linear, s, e) : -1;
	if (l->image_linear < 0)
		set_verdict(l, RAM_EIMAGE_NOT_LINEAR, "image");
	if (overlaps(dtb, dtb_size, img, img_size))
		set_verdict(l, RAM_EDTB_IMAGE, "dtb");
	if (dtb_size) {
		ds = align_down(dtb, PAGE_SIZE);
		de = dtb + dtb_size > UINT64_MAX - (PAGE_SIZE - 1) ? UINT64_MAX :
			align_up(dtb + dtb_size, PAGE_SIZE);
	}
	for (i = 0; i < in->nr_rsv; i++) {
		const struct phys_range *v = &in->rsv[i].range;

		if (!overlaps(dtb, dtb_size, v->phys_start, phys_range_size(v)))
			continue;
		/* The loader reserved the blob itself: it lies in the DTB's pages. */
		if (v->phys_start >= ds && v->phys_end <= de)
			continue;
		set_verdict(l, RAM_EDTB_RESERVED, rsv_name(&in->rsv[i]));
	}
	if (overlaps(in->phys_initrd_start, initrd_size, img, img_size))
		set_verdict(l, RAM_EINITRD_IMAGE, "initrd");

	l->dtb_outside_ram = dtb_size &&
		rset_holding(l->ram, l->nr_ram, dtb, dtb + dtb_size) < 0;
	pages_of(in->phys_initrd_start, initrd_size, l->phys_limit, &s, &e);
	l->initrd_outside_linear = initrd_size &&
		(s >= e || in->phys_initrd_end > l->phys_limit ||
		 rset_holding(l->linear, l->nr_linear, s, e) < 0);
}

int ram_plan_make(const struct ram_plan_input *in, struct ram_plan *l)
{
	/* The scalars; each array is written before it is read (its count). */
	memset(l, 0, offsetof(struct ram_plan, ram));
	l->verdict_name = "";
	l->image_linear = -1;
	if (!check_input(in, l) || !plan_rsv_notes(in, l))
		return l->verdict;
	l->phys_limit = 1ULL << in->pa_bits;
	if (plan_union(in, l) && plan_pages(in, l) && plan_absent(in, l) &&
	    plan_linear(in, l) && plan_free(in, l))
		plan_checks(in, l);
	return l->verdict;
}

/* ---- take ------------------------------------------------------------ */

/* The highest align-aligned start of size bytes in free[i] that lies in
 * [lo, hi), or 0. */
static uint64_t fit_in(const struct phys_range *r, uint64_t lo, uint64_t hi, uint64_t size,
		       uint64_t align)
{
	uint64_t s = max_u64(r->phys_start, lo), e = min_u64(r->phys_end, hi), pa;

	if (e <= s || e - s < size)
		return 0;
	pa = align_down(e - size, align);
	return pa >= s ? pa : 0;
}

static uint64_t fit(const struct ram_plan *l, uint64_t lo, uint64_t hi, uint64_t size,
		    uint64_t align)
{
	unsigned i;
	uint64_t pa;

	for (i = l->nr_free; i-- > 0;) {
		pa = fit_in(&l->free[i], lo, hi, size, align);
		if (pa)
			return pa;
	}
	return 0;
}

uint64_t ram_plan_take(struct ram_plan *l, uint64_t size, uint64_t align)
{
	struct rset fr = { l->free, &l->nr_free, RAM_MAX_FREE };
	const struct phys_range *home;
	uint64_t pa = 0, removed;

	if (l->verdict != RAM_OK || !size || (align & (align - 1)) || l->nr_taken == RAM_MAX_TAKEN)
		return 0;
	if (size > l->bytes_free)
		return 0;
	size = align_up(size, PAGE_SIZE);
	align = max_u64(align, PAGE_SIZE);
	if (l->image_linear >= 0) {
		home = &l->linear[l->image_linear];
		pa = fit(l, home->phys_start, home->phys_end, size, align);
	}
	if (!pa)
		pa = fit(l, 0, UINT64_MAX, size, align);
	if (!pa || !rset_sub(&fr, pa, pa + size, &removed))
		return 0;
	l->taken[l->nr_taken++] = (struct phys_range){ pa, pa + size, "taken" };
	l->bytes_free -= size;
	l->bytes_taken += size;
	return pa;
}

/* ---- feed ------------------------------------------------------------ */

/* Calls fn for every held piece of the linear ranges (linear minus free),
 * in address order: pieces of different linear ranges never touch, and
 * within one they are the gaps between free ranges, so they are already
 * disjoint and not adjacent. */
static unsigned for_each_held(const struct ram_plan *l, struct pgalloc_ctx *ctx, int *err)
{
	unsigned i, f = 0, n = 0;

	for (i = 0; i < l->nr_linear; i++) {
		uint64_t cur = l->linear[i].phys_start, end = l->linear[i].phys_end;

		/* Each free range lies inside one linear range. */
		for (;;) {
			uint64_t next = f < l->nr_free && l->free[f].phys_start < end ?
				l->free[f].phys_start : end;

			if (next > cur) {
				/* Touching PA 0's page: merges with pgalloc's own reservation. */
				if (cur > PAGE_SIZE)
					n++;
				if (ctx && *err == PGALLOC_OK)
					*err = pgalloc_reserve(ctx, cur, next - cur);
			}
			if (next == end)
				break;
			cur = l->free[f++].phys_end;
		}
	}
	return n;
}

int ram_plan_feed(const struct ram_plan *l, struct pgalloc_ctx *ctx)
{
	int err = PGALLOC_OK;
	unsigned i;

	if (l->verdict != RAM_OK)
		return RAM_ENOTOK;
	/* Fresh: the exact count of reservation slots below holds only then. */
	if (ctx->ready || ctx->nr_banks || ctx->nr_reserved != 1)
		return RAM_EPGALLOC_STATE;
	if (l->nr_linear > PGALLOC_MAX_BANKS)
		return RAM_EPGALLOC_BANKS;
	for (i = 0; i < l->nr_linear; i++)
		if (l->linear[i].phys_end > PGALLOC_PA_LIMIT)
			return RAM_EPGALLOC_PA;
	if (1 + for_each_held(l, NULL, &err) > PGALLOC_MAX_RESERVED)
		return RAM_EPGALLOC_RESERVED;
	for (i = 0; i < l->nr_linear && err == PGALLOC_OK; i++)
		err = pgalloc_add_range(ctx, l->linear[i].phys_start,
					l->linear[i].phys_end - l->linear[i].phys_start);
	if (err == PGALLOC_OK)
		for_each_held(l, ctx, &err);
	return err == PGALLOC_OK ? RAM_OK : RAM_EPGALLOC;
}

/* ---- names ----------------------------------------------------------- */

const char *ram_plan_strerror(int err)
{
	switch (err) {
	case RAM_OK:                return "ok";
	case RAM_EINVAL:            return "invalid argument";
	case RAM_ENOBANK:           return "no RAM bank";
	case RAM_ENORAM:            return "no whole page of RAM below the CPU's PA size";
	case RAM_ETOOMANY:          return "more than the plan's limit (RAM_MAX_BANKS, RAM_MAX_RESERVATIONS, RAM_MAX_ABSENT)";
	case RAM_EIMAGE_RESERVED:   return "the image overlaps a reservation";
	case RAM_EIMAGE_NOT_LINEAR: return "the image is not inside one linear-map range";
	case RAM_EDTB_IMAGE:        return "the DTB overlaps the image";
	case RAM_EDTB_RESERVED:     return "the DTB overlaps a reservation";
	case RAM_EINITRD_IMAGE:     return "the initrd overlaps the image";
	case RAM_ENOTOK:            return "the RAM layout has an error";
	case RAM_EPGALLOC_STATE:    return "the page allocator is not freshly initialised";
	case RAM_EPGALLOC_BANKS:    return "more linear ranges than the page allocator's banks";
	case RAM_EPGALLOC_RESERVED: return "more held ranges than the page allocator's reservations";
	case RAM_EPGALLOC_PA:       return "a linear range beyond the page allocator's PA limit";
	case RAM_EPGALLOC:          return "the page allocator refused a range";
	}
	return "unknown error";
}

const char *ram_loss_reason_name(enum ram_loss_reason reason)
{
	switch (reason) {
	case RAM_LOSS_PA_BITS: return "beyond the CPU's physical address size";
	case RAM_LOSS_EDGE:    return "a partial page at an unaligned bank edge";
	case RAM_LOSS_ABSENT:  return "not RAM";
	case RAM_LOSS_BUDGET:  return "beyond the linear map's VA budget";
	case RAM_LOSS_NO_MAP:  return "no-map";
	}
	return "unknown";
}

const char *ram_note_kind_name(enum ram_note_kind kind)
{
	switch (kind) {
	case RAM_NOTE_BANK_OVERLAP:   return "banks overlap";
	case RAM_NOTE_BANK_DUPLICATE: return "duplicate bank";
	case RAM_NOTE_RSV_OVERLAP:    return "reservations overlap";
	case RAM_NOTE_RSV_UNALIGNED:  return "reservation not page aligned";
	}
	return "unknown";
}
