/*
 * fuzz_ram_plan.c - libFuzzer harness for mmu/ram_plan.c.
 *
 * Owns: reading a fuzz input as a RAM layout in a 16 MiB window of PA
 * space (placed at 0, at 1 GiB, or across 4 GiB or 1 TiB, so
 * that PA 0, a 1 GiB aligned phys_memstart and a 32- or 40-bit PA limit
 * inside the window all occur): up to 12 banks and 12 reservations (no-map
 * or not) with edges in units of 256 bytes (so partial pages occur), the
 * image, a DTB, an initrd, pa_bits and a linear budget that may end inside
 * the window; then up to 8 ram_plan_take calls and one
 * ram_plan_feed into a real pgalloc_ctx. Every result is checked
 * against a reference model, a state per 256-byte unit and per page:
 *  (a) the verdict and the name it gives, dtb_outside_ram;
 *  (b) the linear ranges are the runs of pages wholly in a bank, below
 *      2^pa_bits and the budget's end, touched by no no-map reservation;
 *  (c) the free ranges are the runs of linear pages touched by no
 *      reservation, image, DTB, initrd, not PA 0 nor taken; directly, too:
 *      no free page is in any reservation;
 *  (d) phys_memstart, every total and the losses per reason exact; each
 *      loss one piece whose every unit the model loses for that reason,
 *      the pieces disjoint, named after the first bank holding its first
 *      byte (a no-map one after the first no-map reservation whose pages
 *      hold it, an absent one after the first absent piece); up to 4
 *      absent pieces (page aligned: the boot's probes' findings);
 *  (d2) the notes: per bank, the pieces of it the banks before it cover,
 *      exactly (a duplicate whole); per reservation the same against the
 *      reservations before it, and a note exactly when it is not page
 *      aligned;
 *  (e) take returns the model's highest aligned fit in the image's linear
 *      range, else anywhere, or 0 exactly when there is none; its pages
 *      were free and in no reservation;
 *  (f) feed refuses exactly when pgalloc's tables would overflow, and
 *      otherwise pgalloc's free pages after finalize are the model's free
 *      pages minus its metadata.
 * Any mismatch prints the input as read and the problem, then traps.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define FUZZ_NAME "fuzz_ram_plan"
#include "fuzz_log.h"
#include "fuzz_input.h"
#include "ram_plan.h"
#include "physmem_fake.h"

typedef unsigned long long ull;

#define UNIT       256ULL
#define NUNITS     65536u                       /* 16 MiB */
#define UPP        (PAGE_SIZE / UNIT)           /* units per page */
#define NPAGES     (NUNITS / UPP)
#define MAX_BANKS  12
#define MAX_RSV    12
#define MAX_TAKES  8
#define MAX_ABSENT 4

/* The model and the checks are the hot loop: no coverage feedback there
 * (noinline: inlined into the entry point they would be instrumented). */
#define NOCOV __attribute__((no_sanitize("coverage"), noinline))

_Static_assert(PAGE_SIZE % UNIT == 0, "whole units per page");


static const uint64_t bases[4] = {
	0, 0x40000000ULL, 0x100000000ULL - 8 * 0x100000ULL, 0x10000000000ULL - 8 * 0x100000ULL,
};
static const char *const bank_names[MAX_BANKS] = {
	"b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11",
};
static const char *const rsv_names[MAX_RSV] = {
	"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11",
};

static struct phys_range banks[MAX_BANKS];
static struct ram_reservation rsvs[MAX_RSV];
static struct phys_range absents[MAX_ABSENT];
static struct ram_plan_input lin;
static struct ram_plan L;
static uint64_t base;

/* A unit position in the window, biased to pages and MiB. */
static unsigned get_pos(struct input *in)
{
	switch (get8(in) & 3) {
	case 0:  return (get16(in) % NPAGES) * UPP;
	case 1:  return (get8(in) % 16) * (0x100000 / UNIT);
	default: return get16(in) % NUNITS;
	}
}

static unsigned get_len(struct input *in)
{
	switch (get8(in) & 3) {
	case 0:  return (1 + get8(in)) * UPP;
	case 1:  return (1 + get8(in) % 8) * (0x100000 / UNIT);
	case 2:  return get8(in) % 64;            /* may be 0 */
	default: return get16(in);
	}
}

/* [*s, *s + *len) in units, kept inside the window. */
static void get_range(struct input *in, unsigned *s, unsigned *len)
{
	*s = get_pos(in);
	*len = get_len(in);
	if (*len > NUNITS - *s)
		*len = NUNITS - *s;
}

static uint64_t pa_of(unsigned unit)
{
	return base + unit * UNIT;
}

/* ---- the model ------------------------------------------------------- */

static struct {
	int32_t udiff[NUNITS + 1];
	uint8_t covered[NUNITS];
	int32_t nomap_diff[NPAGES + 1], held_diff[NPAGES + 1];
	bool full[NPAGES], usable[NPAGES], linear[NPAGES], free_[NPAGES], absent[NPAGES];
	bool nomap[NPAGES];
	uint8_t lost[NUNITS];                   /* 1 + the reason a unit is lost, or 0 */
	uint32_t run[NPAGES + 1];               /* free pages from p on */
	uint64_t ram, overlap, pa_loss, edge_loss, absent_loss, budget_loss, nomap_loss;
	uint64_t memstart, limit, wend;
	int verdict;
	const char *verdict_name;
	bool dtb_outside_ram;
} M;

/* The pages a byte range [s, s + len) of units touches, as page indices. */
static NOCOV void touch(int32_t *diff, unsigned s, unsigned len)
{
	if (!len)
		return;
	diff[s / UPP]++;
	diff[(s + len + UPP - 1) / UPP]--;
}

static NOCOV bool ovl(uint64_t a, uint64_t as, uint64_t b, uint64_t bs)
{
	return as && bs && a < b + bs && b < a + as;
}

static NOCOV void model_verdict(void)
{
	uint64_t img = lin.phys_image, isz = lin.image_size, dtb = lin.phys_dtb, dsz = lin.dtb_size;
	uint64_t ds = dtb & ~(uint64_t)(PAGE_SIZE - 1), de;
	uint64_t p, first, last;
	unsigned i;

#define FAIL(err, name) do { if (M.verdict == RAM_OK) { M.verdict = (err); M.verdict_name = (name); } } while (0)
	for (i = 0; i < lin.nr_rsv; i++)
		if (ovl(img, isz, rsvs[i].range.phys_start, phys_range_size(&rsvs[i].range)))
			FAIL(RAM_EIMAGE_RESERVED, rsv_names[i]);
	first = (img - base) / PAGE_SIZE;
	last = (img + isz - 1 - base) / PAGE_SIZE;
	for (p = first; p <= last; p++)
		if (!M.linear[p])
			FAIL(RAM_EIMAGE_NOT_LINEAR, "image");
	if (img + isz > M.limit)
		FAIL(RAM_EIMAGE_NOT_LINEAR, "image");
	if (ovl(dtb, dsz, img, isz))
		FAIL(RAM_EDTB_IMAGE, "dtb");
	de = (dtb + dsz + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
	for (i = 0; i < lin.nr_rsv; i++)
		if (ovl(dtb, dsz, rsvs[i].range.phys_start, phys_range_size(&rsvs[i].range)) &&
		    !(rsvs[i].range.phys_start >= ds && rsvs[i].range.phys_start + phys_range_size(&rsvs[i].range) <= de))
			FAIL(RAM_EDTB_RESERVED, rsv_names[i]);
	if (ovl(lin.phys_initrd_start, lin.phys_initrd_end - lin.phys_initrd_start, img, isz))
		FAIL(RAM_EINITRD_IMAGE, "initrd");
#undef FAIL
}

static NOCOV void model(void)
{
	uint64_t bank_units = 0;
	unsigned i, u, p;
	int32_t c;
	bool any = false;

	memset(&M, 0, sizeof(M));
	M.verdict_name = "";
	M.limit = 1ULL << lin.pa_bits;
	for (i = 0; i < lin.nr_banks; i++) {
		unsigned s = (unsigned)((banks[i].phys_start - base) / UNIT);
		unsigned n = (unsigned)(phys_range_size(&banks[i]) / UNIT);

		if (!n)
			continue;
		M.udiff[s]++;
		M.udiff[s + n]--;
		bank_units += n;
	}
	for (u = 0, c = 0; u < NUNITS; u++) {
		c += M.udiff[u];
		M.covered[u] = c > 0;
		M.ram += M.covered[u] * UNIT;
	}
	M.overlap = bank_units * UNIT - M.ram;
	if (!M.ram) {
		M.verdict = RAM_ENOBANK;
		return;
	}
	for (i = 0; i < lin.nr_absent; i++)
		for (p = (unsigned)((absents[i].phys_start - base) / PAGE_SIZE);
		     p < (absents[i].phys_end - base) / PAGE_SIZE; p++)
			M.absent[p] = true;
	for (p = 0; p < NPAGES; p++) {
		unsigned k, n = 0;
		bool below = base + (uint64_t)p * PAGE_SIZE < M.limit;

		for (k = 0; k < UPP; k++)
			n += M.covered[p * UPP + k];
		M.full[p] = n == UPP;
		if (!below)
			M.pa_loss += n * UNIT;
		else if (!M.full[p])
			M.edge_loss += n * UNIT;
		else if (M.absent[p])
			M.absent_loss += PAGE_SIZE;
		M.usable[p] = M.full[p] && below && !M.absent[p];
		for (k = 0; k < UPP; k++)
			if (M.covered[p * UPP + k])
				M.lost[p * UPP + k] = !below ? 1 + RAM_LOSS_PA_BITS :
					!M.full[p] ? 1 + RAM_LOSS_EDGE :
					M.absent[p] ? 1 + RAM_LOSS_ABSENT : 0;
		if (M.usable[p] && !any) {
			any = true;
			M.memstart = (base + (uint64_t)p * PAGE_SIZE) & ~(uint64_t)(0x40000000 - 1);
		}
	}
	if (!any) {
		M.verdict = RAM_ENORAM;
		return;
	}
	M.wend = lin.linear_budget >= M.limit - M.memstart ? M.limit : M.memstart + lin.linear_budget;
	for (i = 0; i < lin.nr_rsv; i++) {
		unsigned s = (unsigned)((rsvs[i].range.phys_start - base) / UNIT);
		unsigned n = (unsigned)(phys_range_size(&rsvs[i].range) / UNIT);

		if (rsvs[i].no_map)
			touch(M.nomap_diff, s, n);
		touch(M.held_diff, s, n);
	}
	touch(M.held_diff, (unsigned)((lin.phys_image - base) / UNIT),
	      (unsigned)(lin.image_size / UNIT));
	touch(M.held_diff, (unsigned)((lin.phys_dtb - base) / UNIT), (unsigned)(lin.dtb_size / UNIT));
	touch(M.held_diff, (unsigned)((lin.phys_initrd_start - base) / UNIT),
	      (unsigned)((lin.phys_initrd_end - lin.phys_initrd_start) / UNIT));
	if (base == 0)
		touch(M.held_diff, 0, UPP);
	{
		int32_t nm = 0, h = 0;

		for (p = 0; p < NPAGES; p++) {
			uint64_t pa = base + (uint64_t)p * PAGE_SIZE;

			nm += M.nomap_diff[p];
			h += M.held_diff[p];
			if (!M.usable[p])
				continue;
			M.nomap[p] = pa < M.wend && nm > 0;
			if (pa >= M.wend)
				M.budget_loss += PAGE_SIZE;
			else if (nm > 0)
				M.nomap_loss += PAGE_SIZE;
			else
				M.linear[p] = true;
			if (!M.linear[p])
				memset(&M.lost[p * UPP], 1 + (pa >= M.wend ? RAM_LOSS_BUDGET : RAM_LOSS_NO_MAP),
				       UPP);
			M.free_[p] = M.linear[p] && h == 0;
		}
	}
	model_verdict();
	if (lin.dtb_size) {
		unsigned s = (unsigned)((lin.phys_dtb - base) / UNIT), n = (unsigned)(lin.dtb_size / UNIT);

		for (u = s; u < s + n; u++)
			if (!M.covered[u])
				M.dtb_outside_ram = true;
	}
}

/* ---- checks ---------------------------------------------------------- */

/* ranges[] must be exactly the runs of set[] (pages of the window). */
static NOCOV void check_runs(const char *what, const struct phys_range *r, unsigned n,
			     const bool *set)
{
	unsigned p = 0, k = 0;

	while (p < NPAGES) {
		unsigned q;

		if (!set[p]) {
			p++;
			continue;
		}
		for (q = p; q < NPAGES && set[q]; q++)
			;
		if (k >= n)
			die("%s: the model has a run [0x%llx, 0x%llx) beyond the %u ranges", what,
			    (ull)(base + (uint64_t)p * PAGE_SIZE), (ull)(base + (uint64_t)q * PAGE_SIZE), n);
		if (r[k].phys_start != base + (uint64_t)p * PAGE_SIZE ||
		    r[k].phys_end != base + (uint64_t)q * PAGE_SIZE)
			die("%s[%u] = [0x%llx, 0x%llx), the model has [0x%llx, 0x%llx)", what, k,
			    (ull)r[k].phys_start, (ull)r[k].phys_end,
			    (ull)(base + (uint64_t)p * PAGE_SIZE), (ull)(base + (uint64_t)q * PAGE_SIZE));
		if (!r[k].name)
			die("%s[%u] has no name", what, k);
		k++;
		p = q;
	}
	if (k != n)
		die("%s: %u ranges, the model has %u runs", what, n, k);
}

static NOCOV uint64_t pages_set(const bool *set)
{
	uint64_t n = 0;
	unsigned p;

	for (p = 0; p < NPAGES; p++)
		n += set[p];
	return n;
}

/* The first of n ranges (in input order) holding pa, or -1. */
static NOCOV int first_holding(const struct phys_range *r, size_t stride, unsigned n, uint64_t pa)
{
	unsigned i;

	for (i = 0; i < n; i++) {
		const struct phys_range *x = (const void *)((const char *)r + i * stride);

		if (pa >= x->phys_start && pa < x->phys_end)
			return (int)i;
	}
	return -1;
}

/* The first no-map reservation whose pages hold pa, or -1. */
static NOCOV int first_nomap_holding(uint64_t pa)
{
	unsigned i;

	for (i = 0; i < lin.nr_rsv; i++) {
		uint64_t s = rsvs[i].range.phys_start & ~(uint64_t)(PAGE_SIZE - 1);
		uint64_t e = (rsvs[i].range.phys_end + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);

		if (rsvs[i].no_map && phys_range_size(&rsvs[i].range) && pa >= s && pa < e)
			return (int)i;
	}
	return -1;
}

static NOCOV void check_loss_piece(unsigned i)
{
	const struct ram_loss *l = &L.loss[i];
	uint64_t u0 = (l->phys_start - base) / UNIT, u;
	int k;

	if (l->phys_start < base || l->phys_start % UNIT || l->size % UNIT ||
	    u0 + l->size / UNIT > NUNITS)
		die("loss[%u] [0x%llx, +0x%llx) is not units of the window", i, (ull)l->phys_start,
		    (ull)l->size);
	for (u = u0; u < u0 + l->size / UNIT; u++)
		if (M.lost[u] != 1 + l->reason)
			die("loss[%u] (%s) at 0x%llx: the model has reason %d there", i,
			    ram_loss_reason_name(l->reason), (ull)pa_of((unsigned)u), M.lost[u] - 1);
	for (k = 0; k < (int)i; k++)
		if (ovl(L.loss[k].phys_start, L.loss[k].size, l->phys_start, l->size))
			die("loss[%u] overlaps loss[%d]", i, k);
	if ((l->absent >= 0) != (l->reason == RAM_LOSS_ABSENT))
		die("loss[%u] (%s): absent %d", i, ram_loss_reason_name(l->reason), l->absent);
	if (l->reason == RAM_LOSS_NO_MAP) {
		k = first_nomap_holding(l->phys_start);
		if (k < 0 || l->name != rsv_names[k] ||
		    first_nomap_holding(l->phys_start + l->size - 1) < 0)
			die("loss[%u] no-map named %s, not after the first no-map reservation holding it",
			    i, l->name);
	} else if (l->reason == RAM_LOSS_ABSENT) {
		k = first_holding(absents, sizeof(absents[0]), lin.nr_absent, l->phys_start);
		if (k < 0 || l->name != absents[k].name || l->absent != k)
			die("loss[%u] absent named %s (piece %d), not after the absent piece holding it",
			    i, l->name, l->absent);
	} else {
		k = first_holding(banks, sizeof(banks[0]), lin.nr_banks, l->phys_start);
		if (k < 0 || l->name != bank_names[k])
			die("loss[%u] (%s) named %s, not the first bank holding 0x%llx", i,
			    ram_loss_reason_name(l->reason), l->name ? l->name : "(null)",
			    (ull)l->phys_start);
	}
}

static NOCOV void check_losses(void)
{
	uint64_t sum[RAM_NR_LOSS_REASONS] = { 0 };
	unsigned i;

	for (i = 0; i < L.nr_losses; i++) {
		const struct ram_loss *l = &L.loss[i];

		if (l->reason >= RAM_NR_LOSS_REASONS || !l->size)
			die("loss[%u]: reason %d size 0x%llx", i, l->reason, (ull)l->size);
		sum[l->reason] += l->size;
		check_loss_piece(i);
	}
#define SAME(got, want, what) do { if ((got) != (want)) \
	die("%s: 0x%llx, the model has 0x%llx", what, (ull)(got), (ull)(want)); } while (0)
	SAME(sum[RAM_LOSS_PA_BITS], M.pa_loss, "PA-size loss");
	SAME(sum[RAM_LOSS_EDGE], M.edge_loss, "edge loss");
	SAME(sum[RAM_LOSS_ABSENT], M.absent_loss, "absent loss");
	if (M.verdict == RAM_ENORAM)
		return;
	SAME(sum[RAM_LOSS_BUDGET], M.budget_loss, "budget loss");
	SAME(sum[RAM_LOSS_NO_MAP], M.nomap_loss, "no-map loss");
}

/* Units of [s, e) (a range of index i in r) covered by ranges 0..i-1. */
static NOCOV uint64_t covered_before(const struct phys_range *r, size_t stride, unsigned i,
				      uint64_t s, uint64_t e)
{
	uint64_t n = 0, pa;

	for (pa = s; pa < e; pa += UNIT) {
		unsigned j;

		for (j = 0; j < i; j++) {
			const struct phys_range *x = (const void *)((const char *)r + j * stride);

			if (pa >= x->phys_start && pa < x->phys_end)
				break;
		}
		n += j < i;
	}
	return n * UNIT;
}

/* Every note: its piece inside its bank or reservation and covered by
 * those before it; per bank and reservation, the notes sum to exactly
 * what those before it cover; an unaligned note exactly when unaligned. */
static NOCOV void check_notes(void)
{
	uint64_t bank_sum[MAX_BANKS] = { 0 }, rsv_sum[MAX_RSV] = { 0 }, overlap = 0;
	bool unaligned[MAX_RSV] = { false };
	unsigned i, k;

	for (i = 0; i < L.nr_notes; i++) {
		const struct ram_note *n = &L.note[i];
		bool bank = n->kind == RAM_NOTE_BANK_OVERLAP || n->kind == RAM_NOTE_BANK_DUPLICATE;
		const struct phys_range *r = NULL;
		unsigned count = bank ? lin.nr_banks : lin.nr_rsv;

		for (k = 0; k < count; k++)
			if (n->name == (bank ? bank_names[k] : rsv_names[k]))
				break;
		if (k == count)
			die("note[%u] (%s) named %s: not one of the input's", i,
			    ram_note_kind_name(n->kind), n->name);
		r = bank ? &banks[k] : &rsvs[k].range;
		if (n->kind == RAM_NOTE_RSV_UNALIGNED) {
			if (n->phys_start != r->phys_start || n->size != phys_range_size(r) ||
			    n->other || unaligned[k])
				die("note[%u]: %s's unaligned note is not its range, once", i, n->name);
			unaligned[k] = true;
			continue;
		}
		if (!n->size || n->phys_start < r->phys_start || n->phys_start + n->size > r->phys_end ||
		    !n->other)
			die("note[%u] (%s) [0x%llx, +0x%llx) outside %s, or no other", i,
			    ram_note_kind_name(n->kind), (ull)n->phys_start, (ull)n->size, n->name);
		if (covered_before(bank ? banks : &rsvs[0].range, bank ? sizeof(banks[0]) : sizeof(rsvs[0]),
				   k, n->phys_start, n->phys_start + n->size) != n->size)
			die("note[%u] (%s) [0x%llx, +0x%llx): not all of it in an earlier one", i,
			    ram_note_kind_name(n->kind), (ull)n->phys_start, (ull)n->size);
		if (n->kind == RAM_NOTE_BANK_DUPLICATE && n->size != phys_range_size(r))
			die("note[%u]: a duplicate of part of %s", i, n->name);
		if (bank) {
			bank_sum[k] += n->size;
			overlap += n->size;
		} else {
			rsv_sum[k] += n->size;
		}
	}
	for (k = 0; k < lin.nr_banks; k++)
		if (bank_sum[k] != covered_before(banks, sizeof(banks[0]), k, banks[k].phys_start,
						  banks[k].phys_end))
			die("bank %s: notes of 0x%llx, the banks before it cover another amount",
			    bank_names[k], (ull)bank_sum[k]);
	for (k = 0; k < lin.nr_rsv; k++) {
		const struct phys_range *r = &rsvs[k].range;

		if (rsv_sum[k] != covered_before(&rsvs[0].range, sizeof(rsvs[0]), k, r->phys_start,
						 r->phys_end))
			die("reservation %s: notes of 0x%llx, those before it cover another amount",
			    rsv_names[k], (ull)rsv_sum[k]);
		if (unaligned[k] != (phys_range_size(r) && ((r->phys_start | r->phys_end) & (PAGE_SIZE - 1))))
			die("reservation %s: an unaligned note %d", rsv_names[k], unaligned[k]);
	}
	SAME(overlap, M.overlap, "the overlap notes");
}

/* Nothing free is in a reservation (the layout's own lists against the
 * input, not the model). */
static NOCOV void check_free_unreserved(void)
{
	unsigned i, f;

	for (i = 0; i < lin.nr_rsv; i++) {
		uint64_t s = rsvs[i].range.phys_start & ~(uint64_t)(PAGE_SIZE - 1);
		uint64_t e = rsvs[i].range.phys_start + phys_range_size(&rsvs[i].range);

		if (!phys_range_size(&rsvs[i].range))
			continue;
		for (f = 0; f < L.nr_free; f++)
			if (L.free[f].phys_start < e && s < L.free[f].phys_end)
				die("free[%u] [0x%llx, 0x%llx) meets reservation %s", f,
				    (ull)L.free[f].phys_start, (ull)L.free[f].phys_end, rsv_names[i]);
	}
}

static NOCOV void check_totals(void)
{
	uint64_t free_b = pages_set(M.free_) * PAGE_SIZE, lin_b = pages_set(M.linear) * PAGE_SIZE;

	SAME(L.bytes_ram, M.ram, "bytes_ram");
	SAME(L.bytes_overlap, M.overlap, "bytes_overlap");
	SAME(L.bytes_mapped, lin_b, "bytes_mapped");
	SAME(L.bytes_free, free_b, "bytes_free");
	SAME(L.bytes_held + L.bytes_taken, lin_b - free_b, "bytes_held + bytes_taken");
	SAME(L.bytes_ram, L.bytes_mapped + L.bytes_lost, "bytes_ram = mapped + lost");
	SAME(L.bytes_lost, M.pa_loss + M.edge_loss + M.absent_loss + M.budget_loss + M.nomap_loss,
	     "bytes_lost");
	check_runs("linear", L.linear, L.nr_linear, M.linear);
	check_runs("free", L.free, L.nr_free, M.free_);
	check_free_unreserved();
}

/* The model's take: the highest aligned run of n free pages in [lo, hi). */
static NOCOV int64_t model_fit(unsigned lo, unsigned hi, unsigned n, unsigned align)
{
	int64_t c;

	if (hi < n + lo)
		return -1;
	for (c = (int64_t)(hi - n) & ~(int64_t)(align - 1); c >= (int64_t)lo; c -= align)
		if (M.run[c] >= n)
			return c;
	return -1;
}

static NOCOV void check_take(unsigned n, unsigned align_log)
{
	unsigned align = 1u << align_log, p, lo = 0, hi = 0;
	int64_t want = -1;
	uint64_t got;

	for (p = NPAGES; p-- > 0;)
		M.run[p] = M.free_[p] ? M.run[p + 1] + 1 : 0;
	if (L.image_linear >= 0) {
		lo = (unsigned)((L.linear[L.image_linear].phys_start - base) / PAGE_SIZE);
		hi = (unsigned)((L.linear[L.image_linear].phys_end - base) / PAGE_SIZE);
		want = model_fit(lo, hi, n, align);
	}
	if (want < 0)
		want = model_fit(0, NPAGES, n, align);
	/* The full taken[] refuses: the model does not know it. */
	if (L.nr_taken == RAM_MAX_TAKEN)
		want = -1;
	logf_("take(0x%llx, 0x%llx)", (ull)n * PAGE_SIZE, (ull)align * PAGE_SIZE);
	got = ram_plan_take(&L, (uint64_t)n * PAGE_SIZE, (uint64_t)align * PAGE_SIZE);
	logf_(" = 0x%llx\n", (ull)got);
	if (want < 0) {
		if (got)
			die("take gave 0x%llx, the model has no fit", (ull)got);
		return;
	}
	if (got != base + (uint64_t)want * PAGE_SIZE)
		die("take gave 0x%llx, the model's fit is 0x%llx", (ull)got,
		    (ull)(base + (uint64_t)want * PAGE_SIZE));
	for (p = (unsigned)want; p < (unsigned)want + n; p++) {
		if (!M.free_[p])
			die("take gave page 0x%llx, not free", (ull)(base + (uint64_t)p * PAGE_SIZE));
		M.free_[p] = false;
	}
	check_totals();
}

/* ---- feed ------------------------------------------------------------ */

static struct pf_mem mem;
static struct pgalloc_ctx ctx;

static NOCOV void check_feed(void)
{
	unsigned p, held_runs = 0, i;
	struct pgalloc_stats st;
	int err, want = RAM_OK;

	/* Held runs inside the linear pages; one touching PA 0's page merges
	 * with pgalloc's own. */
	for (p = 0; p < NPAGES; p++)
		if (M.linear[p] && !M.free_[p] && (p == 0 || !M.linear[p - 1] || M.free_[p - 1]) &&
		    base + (uint64_t)p * PAGE_SIZE > PAGE_SIZE)
			held_runs++;
	if (L.nr_linear > PGALLOC_MAX_BANKS)
		want = RAM_EPGALLOC_BANKS;
	else if (1 + held_runs > PGALLOC_MAX_RESERVED)
		want = RAM_EPGALLOC_RESERVED;
	pf_clear(&mem);
	mem.nr_allowed = 0;
	for (i = 0; i < L.nr_linear && i < PF_MAX_ALLOWED; i++)
		pf_allow(&mem, L.linear[i].phys_start, L.linear[i].phys_end - L.linear[i].phys_start);
	if (pgalloc_init(&ctx, pf_phys_to_ptr, &mem) != PGALLOC_OK)
		die("pgalloc_init");
	err = ram_plan_feed(&L, &ctx);
	logf_("feed = %d (%s)\n", err, ram_plan_strerror(err));
	if (err != want)
		die("feed: %d, the model expects %d (%u held runs, %u linear ranges)", err, want,
		    held_runs, L.nr_linear);
	if (err != RAM_OK) {
		if (ctx.nr_banks || ctx.nr_reserved != 1)
			die("a refused feed changed the context");
		return;
	}
	if (pgalloc_finalize(&ctx) != PGALLOC_OK || pgalloc_check(&ctx) != PGALLOC_OK)
		die("pgalloc refused the fed layout");
	if (mem.errors)
		die("pgalloc touched 0x%llx, outside the linear ranges", (ull)mem.first_error_pa);
	pgalloc_stats(&ctx, PGALLOC_ALL_BANKS, &st);
	if (st.free_pages + st.meta_pages + st.unusable_pages != pages_set(M.free_))
		die("pgalloc: %llu free + %llu meta + %llu unusable pages, the model has %llu free",
		    (ull)st.free_pages, (ull)st.meta_pages, (ull)st.unusable_pages,
		    (ull)pages_set(M.free_));
	if (st.total_pages != pages_set(M.linear))
		die("pgalloc: %llu pages, the model has %llu linear", (ull)st.total_pages,
		    (ull)pages_set(M.linear));
}

/* ---- one input ------------------------------------------------------- */

static NOCOV void log_input(void)
{
	unsigned i;

	logf_("base 0x%llx pa_bits %u budget 0x%llx\n", (ull)base, lin.pa_bits, (ull)lin.linear_budget);
	for (i = 0; i < lin.nr_banks; i++)
		logf_("bank %s [0x%llx, +0x%llx)\n", bank_names[i], (ull)banks[i].phys_start,
		      (ull)phys_range_size(&banks[i]));
	for (i = 0; i < lin.nr_rsv; i++)
		logf_("rsv %s [0x%llx, +0x%llx)%s\n", rsv_names[i], (ull)rsvs[i].range.phys_start,
		      (ull)phys_range_size(&rsvs[i].range), rsvs[i].no_map ? " no-map" : "");
	for (i = 0; i < lin.nr_absent; i++)
		logf_("absent (%s) [0x%llx, +0x%llx)\n", absents[i].name,
		      (ull)absents[i].phys_start, (ull)phys_range_size(&absents[i]));
	logf_("image [0x%llx, +0x%llx) dtb [0x%llx, +0x%llx) initrd [0x%llx, 0x%llx)\n",
	      (ull)lin.phys_image, (ull)lin.image_size, (ull)lin.phys_dtb, (ull)lin.dtb_size,
	      (ull)lin.phys_initrd_start, (ull)lin.phys_initrd_end);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size, 0 };
	unsigned i, s, n, hdr, nb, nr, na, ntake;
	static bool inited;
	int v;

	if (!inited) {
		pf_init(&mem);
		pf_garbage(&mem);
		inited = true;
	}
	oplog_reset();
	memset(&lin, 0, sizeof(lin));
	hdr = get8(&in);
	base = bases[hdr & 3];
	lin.pa_bits = 32 + (hdr >> 2) % 17;
	if (hdr & 0x80)                 /* the limit inside the window */
		lin.pa_bits = (hdr & 3) == 2 ? 32 : (hdr & 3) == 3 ? 40 : lin.pa_bits;
	n = get8(&in);
	lin.linear_budget = n & 1 ? RAM_LINEAR_BUDGET :
		(base & 0x3fffffff) + (uint64_t)(1 + get16(&in) % (NPAGES + 16)) * PAGE_SIZE;
	nb = 1 + (n >> 1) % MAX_BANKS;
	nr = (n >> 5) % (MAX_RSV + 1);
	for (i = 0; i < nb; i++) {
		get_range(&in, &s, &n);
		banks[i] = (struct phys_range){ pa_of(s), pa_of(s) + (uint64_t)n * UNIT, bank_names[i] };
	}
	lin.bank = banks;
	lin.nr_banks = nb;
	for (i = 0; i < nr; i++) {
		bool no_map = get8(&in) & 1;

		get_range(&in, &s, &n);
		rsvs[i] = (struct ram_reservation){ { pa_of(s), pa_of(s) + (uint64_t)n * UNIT, rsv_names[i] },
						    no_map };
	}
	lin.rsv = rsvs;
	lin.nr_rsv = nr;
	get_range(&in, &s, &n);
	if (!n)
		n = 1;
	if (s + n > NUNITS)
		s = NUNITS - n;
	lin.phys_image = pa_of(s);
	lin.image_size = (uint64_t)n * UNIT;
	get_range(&in, &s, &n);
	lin.phys_dtb = pa_of(s);
	lin.dtb_size = (uint64_t)n * UNIT;
	get_range(&in, &s, &n);
	lin.phys_initrd_start = pa_of(s);
	lin.phys_initrd_end = pa_of(s + n);
	na = get8(&in) % (MAX_ABSENT + 1);
	for (i = 0; i < na; i++) {
		unsigned p = get16(&in) % NPAGES, np = 1 + get16(&in) % 256;

		if (np > NPAGES - p)
			np = NPAGES - p;
		absents[i] = (struct phys_range){ base + (uint64_t)p * PAGE_SIZE,
			base + (uint64_t)(p + np) * PAGE_SIZE, bank_names[get8(&in) % nb] };
	}
	lin.absent = absents;
	lin.nr_absent = na;
	log_input();

	model();
	v = ram_plan_make(&lin, &L);
	logf_("plan = %d (%s: %s)\n", v, ram_plan_strerror(v), L.verdict_name);
	if (v != M.verdict || v != L.verdict)
		die("verdict %d (%s), the model has %d (%s)", v, L.verdict_name, M.verdict,
		    M.verdict_name);
	if (M.verdict_name[0] && strcmp(L.verdict_name, M.verdict_name))
		die("verdict named %s, the model names %s", L.verdict_name, M.verdict_name);
	check_losses();
	check_notes();
	if (v == RAM_ENOBANK || v == RAM_ENORAM)
		return 0;
	SAME(L.phys_memstart, M.memstart, "phys_memstart");
	SAME(L.phys_linear_end, M.wend, "phys_linear_end");
	if (L.dtb_outside_ram != M.dtb_outside_ram)
		die("dtb_outside_ram %d, the model %d", L.dtb_outside_ram, M.dtb_outside_ram);
	check_totals();
	if (v != RAM_OK) {
		if (ram_plan_take(&L, PAGE_SIZE, PAGE_SIZE))
			die("take on a failed layout");
		return 0;
	}
	ntake = get8(&in) % (MAX_TAKES + 1);
	for (i = 0; i < ntake; i++) {
		unsigned pages = 1 + get16(&in) % 512;

		check_take(pages, get8(&in) % 11);
	}
	check_feed();
	return 0;
}
