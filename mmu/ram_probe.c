/*
 * ram_probe.c - which pages of the banks are tried, and what their
 * answers mean (see ram_probe.h).
 *
 * Owns: the chunks of a bank (its part in each linear range, cut at every
 * RAM_PROBE_SPAN), the answers in each (pages tried, and the good answers
 * the image, the DTB and the initrd give), the halving between two that
 * differ, and the absent pieces made of the bad stretches. Works on the
 * plan's range lists only; the pages are tried by the caller's callback.
 */
#include <string.h>
#include "align.h"
#include "ram_probe.h"

_Static_assert(RAM_PROBE_SPAN % PAGE_SIZE == 0, "chunks of whole pages");

/* An answer at a page: good, or the finding of a bad one. */
struct point {
	uint64_t pa;
	bool good;
	struct ram_probe_finding f;
};

struct prober {
	const struct ram_plan_input *in;
	const struct ram_plan *plan;
	ram_probe_fn probe;
	void *cookie;
	struct ram_probe_result *out;
	const char *bank;          /* the bank being tried */
	bool bank_tried;
	/* The bad stretch being gathered: [bad_start, bad_end), if bad_open. */
	bool bad_open;
	uint64_t bad_start, bad_end;
	struct ram_probe_finding bad_finding;
};

static bool is_free(const struct ram_plan *plan, uint64_t pa)
{
	for (unsigned i = 0; i < plan->nr_free && plan->free[i].phys_start <= pa; i++)
		if (pa < plan->free[i].phys_end)
			return true;
	return false;
}

/* The first (last) free page of [s, e), or 0: PA 0 is never free. */
static uint64_t first_free(const struct ram_plan *plan, uint64_t s, uint64_t e)
{
	for (unsigned i = 0; i < plan->nr_free && plan->free[i].phys_start < e; i++)
		if (plan->free[i].phys_end > s)
			return max_u64(s, plan->free[i].phys_start);
	return 0;
}

static uint64_t last_free(const struct ram_plan *plan, uint64_t s, uint64_t e)
{
	for (unsigned i = plan->nr_free; i-- > 0 && plan->free[i].phys_end > s;)
		if (plan->free[i].phys_start < e)
			return min_u64(e, plan->free[i].phys_end) - PAGE_SIZE;
	return 0;
}

/* Tries pa (a free page): good, or its finding. */
static bool try_page(struct prober *p, uint64_t pa, struct ram_probe_finding *f)
{
	*f = (struct ram_probe_finding){ .answer = RAM_PROBE_OK, .pa = pa };
	p->probe(pa, f, p->cookie);
	f->pa = pa;
	p->out->nr_tried++;
	p->bank_tried = true;
	return f->answer == RAM_PROBE_OK;
}

/* A page while halving: one that is not free counts as good. */
static bool answer_at(struct prober *p, uint64_t pa, struct ram_probe_finding *f)
{
	if (!is_free(p->plan, pa)) {
		f->answer = RAM_PROBE_OK;
		return true;
	}
	return try_page(p, pa, f);
}

/* ---- the bad stretches, gathered into absent pieces ------------------ */

static bool flush_bad(struct prober *p)
{
	struct ram_probe_result *o = p->out;

	if (!p->bad_open)
		return true;
	if (o->nr_absent == RAM_MAX_ABSENT) {
		o->too_many = true;
		return false;
	}
	o->absent[o->nr_absent] = (struct phys_range){ p->bad_start, p->bad_end, p->bank };
	o->finding[o->nr_absent++] = p->bad_finding;
	p->bad_open = false;
	return true;
}

/* [s, e) is bad (f: why); joins the stretch it continues. */
static bool add_bad(struct prober *p, uint64_t s, uint64_t e, const struct ram_probe_finding *f)
{
	if (s >= e)
		return true;
	if (p->bad_open && p->bad_end == s) {
		p->bad_end = e;
		return true;
	}
	if (!flush_bad(p))
		return false;
	p->bad_open = true;
	p->bad_start = s;
	p->bad_end = e;
	p->bad_finding = *f;
	return true;
}

/* ---- one chunk ------------------------------------------------------- */

/* The first page after a (good or bad as a is) that answers as b does:
 * the boundary, halving the pages between. */
static uint64_t boundary(struct prober *p, const struct point *a, const struct point *b)
{
	uint64_t lo = a->pa, hi = b->pa;

	while (hi - lo > PAGE_SIZE) {
		uint64_t mid = lo + align_down((hi - lo) / 2, PAGE_SIZE);
		struct ram_probe_finding f;

		if (answer_at(p, mid, &f) == a->good)
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

static void add_point(struct point *pt, unsigned *n, uint64_t pa, bool good)
{
	unsigned i = *n;

	/* Sorted by address, one per page: a good answer given wins. */
	for (unsigned k = 0; k < *n; k++)
		if (pt[k].pa == pa) {
			pt[k].good |= good;
			return;
		}
	while (i > 0 && pt[i - 1].pa > pa) {
		pt[i] = pt[i - 1];
		i--;
	}
	pt[i] = (struct point){ .pa = pa, .good = good };
	(*n)++;
}

/* The image, the DTB and the initrd: their first and last pages in the
 * chunk are good answers given. */
static void add_known(struct point *pt, unsigned *n, uint64_t s, uint64_t e, uint64_t pa,
		      uint64_t size)
{
	uint64_t first, last;

	if (!size || pa >= e || pa + size <= s)
		return;
	first = max_u64(align_down(pa, PAGE_SIZE), s);
	last = min_u64(align_down(pa + size - 1, PAGE_SIZE), e - PAGE_SIZE);
	add_point(pt, n, first, true);
	add_point(pt, n, last, true);
}

/* The chunk [s, e) of the bank; last: the bank's last chunk. */
static bool try_chunk(struct prober *p, uint64_t s, uint64_t e, bool last)
{
	const struct ram_plan_input *in = p->in;
	struct point pt[8];
	unsigned n = 0, i;
	uint64_t first = first_free(p->plan, s, e), final = last ? last_free(p->plan, s, e) : 0;

	if (!first)
		return true;                     /* nothing free here: nothing to try */
	add_point(pt, &n, first, false);
	if (final)
		add_point(pt, &n, final, false);
	add_known(pt, &n, s, e, in->phys_image, in->image_size);
	add_known(pt, &n, s, e, in->phys_dtb, in->dtb_size);
	add_known(pt, &n, s, e, in->phys_initrd_start, in->phys_initrd_end - in->phys_initrd_start);
	for (i = 0; i < n; i++)
		if (!pt[i].good)
			pt[i].good = try_page(p, pt[i].pa, &pt[i].f);
	/* Before the first answer, and after the last, as they are. */
	if (!pt[0].good && !add_bad(p, s, pt[0].pa, &pt[0].f))
		return false;
	for (i = 0; i < n; i++) {
		uint64_t to = i + 1 < n ? pt[i + 1].pa : e;

		if (i + 1 < n && pt[i].good != pt[i + 1].good) {
			uint64_t b = boundary(p, &pt[i], &pt[i + 1]);

			if (!pt[i].good && !add_bad(p, pt[i].pa, b, &pt[i].f))
				return false;
			if (!pt[i + 1].good && !add_bad(p, b, to, &pt[i + 1].f))
				return false;
			continue;
		}
		if (!pt[i].good && !add_bad(p, pt[i].pa, to, &pt[i].f))
			return false;
	}
	return true;
}

/* ---- the banks -------------------------------------------------------- */

/* The bank's parts in the linear ranges, chunk by chunk. */
static bool try_bank(struct prober *p, const struct phys_range *b)
{
	const struct ram_plan *plan = p->plan;
	uint64_t last_end = 0;
	unsigned i;

	/* Where the bank's last chunk ends: its last linear byte. */
	for (i = 0; i < plan->nr_linear; i++)
		if (plan->linear[i].phys_start < b->phys_end && plan->linear[i].phys_end > b->phys_start)
			last_end = min_u64(b->phys_end, plan->linear[i].phys_end);
	for (i = 0; i < plan->nr_linear && plan->linear[i].phys_start < b->phys_end; i++) {
		uint64_t s = max_u64(b->phys_start, plan->linear[i].phys_start);
		uint64_t e = min_u64(b->phys_end, plan->linear[i].phys_end);

		s = align_up(s, PAGE_SIZE);
		e = align_down(e, PAGE_SIZE);
		while (s < e) {
			uint64_t ce = min_u64(e, align_down(s, RAM_PROBE_SPAN) + RAM_PROBE_SPAN);

			if (!try_chunk(p, s, ce, ce >= align_down(last_end, PAGE_SIZE)))
				return false;
			s = ce;
		}
	}
	return flush_bad(p);
}

int ram_probe_banks(const struct ram_plan_input *in, const struct ram_plan *plan,
		    ram_probe_fn probe, void *cookie, struct ram_probe_result *out)
{
	struct prober p = { .in = in, .plan = plan, .probe = probe, .cookie = cookie, .out = out };

	memset(out, 0, sizeof(*out));
	for (unsigned i = 0; i < in->nr_banks; i++) {
		const struct phys_range *b = &in->bank[i];

		if (b->phys_end <= b->phys_start)
			continue;
		p.bank = b->name ? b->name : "memory";
		p.bank_tried = false;
		p.bad_open = false;
		if (!try_bank(&p, b))
			return -1;
		out->nr_banks += p.bank_tried;
	}
	return (int)out->nr_absent;
}
