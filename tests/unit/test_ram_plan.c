/*
 * test_ram_plan.c - host unit tests of mmu/ram_plan.c against the
 * contract of mmu/ram_plan.h.
 *
 * Owns: the boards' RAM as their DTBs give it (QEMU virt with 128 MiB,
 * 255 GiB and 257 GiB; the Raspberry Pi 3; the zcu102), banks out of
 * order, overlapping, adjacent and with unaligned edges; no-map holes;
 * every verdict and the name it gives; the PA size; take's policy and the
 * exact totals after it; feed into a real pgalloc_ctx over
 * physmem_fake.c and its refusals. Every layout is checked against the
 * invariants of the header (sorted, disjoint, page aligned, free within
 * linear, the two accounting identities) before its own expectations.
 */
#include "unit.h"
#include "ram_plan.h"
#include "physmem_fake.h"

#define K4  0x1000ULL
#define M1  0x100000ULL
#define M2  0x200000ULL
#define G   0x40000000ULL
#define T1  0x10000000000ULL

static struct ram_plan L;

/* One input being built: banks and reservations appended in order. */
struct setup {
	struct phys_range bank[80];
	struct ram_reservation rsv[80];
	struct phys_range absent[80];
	struct ram_plan_input in;
};

static struct setup S;

static void reset(uint64_t image_pa, uint64_t image_size, uint64_t dtb_pa, uint64_t dtb_size)
{
	memset(&S, 0, sizeof(S));
	S.in.bank = S.bank;
	S.in.rsv = S.rsv;
	S.in.absent = S.absent;
	S.in.phys_image = image_pa;
	S.in.image_size = image_size;
	S.in.phys_dtb = dtb_pa;
	S.in.dtb_size = dtb_size;
	S.in.pa_bits = 40;
	S.in.linear_budget = RAM_LINEAR_BUDGET;
}

static void bank(uint64_t pa, uint64_t size, const char *name)
{
	S.bank[S.in.nr_banks++] = (struct phys_range){ pa, pa + size, name };
}

static void rsv(uint64_t pa, uint64_t size, const char *name, bool no_map)
{
	S.rsv[S.in.nr_rsv++] = (struct ram_reservation){ { pa, pa + size, name }, no_map };
}

static void absent(uint64_t pa, uint64_t size, const char *bank_name)
{
	S.absent[S.in.nr_absent++] = (struct phys_range){ pa, pa + size, bank_name };
}

static void check_list(const struct phys_range *r, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++) {
		assert_true(r[i].phys_start < r[i].phys_end);
		assert_int_equal(r[i].phys_start % K4, 0);
		assert_int_equal(r[i].phys_end % K4, 0);
		if (i)
			assert_true(r[i - 1].phys_end < r[i].phys_start);
	}
}

static uint64_t sum(const struct phys_range *r, unsigned n)
{
	uint64_t s = 0;
	unsigned i;

	for (i = 0; i < n; i++)
		s += r[i].phys_end - r[i].phys_start;
	return s;
}

static uint64_t lost(enum ram_loss_reason why)
{
	uint64_t s = 0;
	unsigned i;

	for (i = 0; i < L.nr_losses; i++)
		if (L.loss[i].reason == why)
			s += L.loss[i].size;
	return s;
}

static uint64_t noted(enum ram_note_kind kind)
{
	uint64_t s = 0;
	unsigned i;

	for (i = 0; i < L.nr_notes; i++)
		if (L.note[i].kind == kind)
			s += L.note[i].size;
	return s;
}

static void expect_loss(unsigned i, enum ram_loss_reason why, uint64_t pa, uint64_t size,
			const char *name)
{
	assert_true(i < L.nr_losses);
	assert_int_equal(L.loss[i].reason, why);
	assert_int_equal(L.loss[i].phys_start, pa);
	assert_int_equal(L.loss[i].size, size);
	assert_string_equal(L.loss[i].name, name);
}

static void expect_note(unsigned i, enum ram_note_kind kind, uint64_t pa, uint64_t size,
			const char *name, const char *other)
{
	assert_true(i < L.nr_notes);
	assert_int_equal(L.note[i].kind, kind);
	assert_int_equal(L.note[i].phys_start, pa);
	assert_int_equal(L.note[i].size, size);
	assert_string_equal(L.note[i].name, name);
	if (other)
		assert_string_equal(L.note[i].other, other);
	else
		assert_null(L.note[i].other);
}

/* The one loss of reason why, which must be named name. */
static const struct ram_loss *the_loss(enum ram_loss_reason why)
{
	const struct ram_loss *found = NULL;
	unsigned i;

	for (i = 0; i < L.nr_losses; i++)
		if (L.loss[i].reason == why) {
			assert_null(found);
			found = &L.loss[i];
		}
	assert_non_null(found);
	return found;
}

/* The header's invariants, whatever the verdict. */
static void check_invariants(void)
{
	unsigned i, j;

	check_list(L.linear, L.nr_linear);
	check_list(L.free, L.nr_free);
	for (i = 0; i < L.nr_free; i++) {
		bool in = false;

		for (j = 0; j < L.nr_linear; j++)
			in |= L.free[i].phys_start >= L.linear[j].phys_start &&
			      L.free[i].phys_end <= L.linear[j].phys_end;
		assert_true(in);
		assert_true(L.free[i].phys_start > 0);
	}
	for (i = 0; i < L.nr_linear; i++) {
		assert_true(L.linear[i].phys_start >= L.phys_memstart);
		assert_true(L.linear[i].phys_end <= L.phys_linear_end);
	}
	assert_int_equal(L.phys_memstart % G, 0);
	assert_non_null(L.verdict_name);
	/* A plan stopped half-way has totals of the steps done only. */
	if (L.verdict == RAM_EINVAL || L.verdict == RAM_ETOOMANY)
		return;
	assert_int_equal(sum(L.ram, L.nr_ram), L.bytes_ram);
	assert_int_equal(sum(L.linear, L.nr_linear), L.bytes_mapped);
	assert_int_equal(sum(L.free, L.nr_free), L.bytes_free);
	assert_int_equal(sum(L.taken, L.nr_taken), L.bytes_taken);
	assert_int_equal(L.bytes_ram, L.bytes_mapped + L.bytes_lost);
	assert_int_equal(L.bytes_mapped, L.bytes_free + L.bytes_taken + L.bytes_held);
	assert_int_equal(noted(RAM_NOTE_BANK_OVERLAP) + noted(RAM_NOTE_BANK_DUPLICATE),
			 L.bytes_overlap);
	assert_int_equal(lost(RAM_LOSS_PA_BITS) + lost(RAM_LOSS_EDGE) + lost(RAM_LOSS_ABSENT) +
			 lost(RAM_LOSS_BUDGET) + lost(RAM_LOSS_NO_MAP), L.bytes_lost);
	for (i = 0; i < L.nr_losses; i++) {
		assert_non_null(L.loss[i].name);
		assert_true(L.loss[i].size > 0);
		assert_int_equal(L.loss[i].absent >= 0, L.loss[i].reason == RAM_LOSS_ABSENT);
		if (L.loss[i].absent >= 0)
			assert_true((unsigned)L.loss[i].absent < S.in.nr_absent &&
				    L.loss[i].phys_start >= S.absent[L.loss[i].absent].phys_start &&
				    L.loss[i].phys_start + L.loss[i].size <=
				    S.absent[L.loss[i].absent].phys_end);
		/* Each piece lost is no longer mapped, and lies in RAM. */
		for (j = 0; j < L.nr_linear; j++)
			assert_false(L.loss[i].phys_start < L.linear[j].phys_end &&
				     L.linear[j].phys_start < L.loss[i].phys_start + L.loss[i].size);
		for (j = 0; j < L.nr_ram; j++)
			if (L.loss[i].phys_start >= L.ram[j].phys_start &&
			    L.loss[i].phys_start + L.loss[i].size <= L.ram[j].phys_end)
				break;
		assert_true(j < L.nr_ram);
	}
	assert_non_null(L.verdict_name);
}

static int plan(void)
{
	int v = ram_plan_make(&S.in, &L);

	assert_int_equal(v, L.verdict);
	check_invariants();
	return v;
}

static void expect_range(const struct phys_range *r, uint64_t start, uint64_t end)
{
	assert_int_equal(r->phys_start, start);
	assert_int_equal(r->phys_end, end);
}

/* ---- the boards ------------------------------------------------------ */

static void virt_128m(void)
{
	reset(0x40200000, 0x60000, 0x48000000, 0x100000);
	bank(0x40000000, 128 * M1, "memory@40000000");
	assert_int_equal(plan(), RAM_OK);
	assert_string_equal(L.verdict_name, "");
	assert_int_equal(L.phys_memstart, 0x40000000);
	assert_int_equal(L.nr_linear, 1);
	expect_range(&L.linear[0], 0x40000000, 0x48000000);
	assert_string_equal(L.linear[0].name, "memory@40000000");
	assert_int_equal(L.nr_losses, 0);
	/* QEMU's DTB right after RAM: not an error, flagged. */
	assert_true(L.dtb_outside_ram);
	assert_int_equal(L.nr_free, 2);
	expect_range(&L.free[0], 0x40000000, 0x40200000);
	expect_range(&L.free[1], 0x40260000, 0x48000000);
	assert_int_equal(L.bytes_ram, 128 * M1);
	assert_int_equal(L.bytes_mapped, 128 * M1);
	assert_int_equal(L.bytes_free, 128 * M1 - 0x60000);
	assert_int_equal(L.bytes_held, 0x60000);
	assert_int_equal(L.image_linear, 0);
}

static void virt_255g_fits(void)
{
	reset(0x40200000, 0x60000, 0x40000000, 0x100000);
	bank(0x40000000, 255 * G, "memory@40000000");
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_linear, 1);
	expect_range(&L.linear[0], 0x40000000, 0x40000000 + 255 * G);
	assert_int_equal(L.nr_losses, 0);
	assert_false(L.dtb_outside_ram);
	assert_int_equal(L.bytes_mapped, 255 * G);
	assert_int_equal(L.bytes_free, 255 * G - 0x60000 - 0x100000);
}

static void virt_257g_budget(void)
{
	const struct ram_loss *loss;

	reset(0x40200000, 0x60000, 0x40000000, 0x100000);
	bank(0x40000000, 257 * G, "memory@40000000");
	assert_int_equal(plan(), RAM_OK);
	expect_range(&L.linear[0], 0x40000000, 0x40000000 + 256 * G);
	assert_int_equal(L.phys_linear_end, 0x40000000 + RAM_LINEAR_BUDGET);
	loss = the_loss(RAM_LOSS_BUDGET);
	assert_int_equal(loss->size, G);
	assert_int_equal(loss->phys_start, 0x40000000 + 256 * G);
	assert_string_equal(loss->name, "memory@40000000");
	assert_string_equal(ram_loss_reason_name(loss->reason), "beyond the linear map's VA budget");
	assert_int_equal(L.bytes_ram, 257 * G);

	/* The image in the lost GiB cannot run from the linear map. */
	S.in.phys_image = 0x40000000 + 256 * G + M2;
	assert_int_equal(plan(), RAM_EIMAGE_NOT_LINEAR);
	assert_string_equal(L.verdict_name, "image");
	assert_int_equal(L.image_linear, -1);
}

static void rpi3(void)
{
	reset(0x200000, 0x80000, 0xf3830, 0x6000);
	bank(0, 0x3c000000, "memory@0");
	rsv(0, 0x1000, NULL, false);           /* the spin table's /memreserve/ */
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.phys_memstart, 0);
	assert_int_equal(L.nr_linear, 1);
	expect_range(&L.linear[0], 0, 0x3c000000);
	assert_int_equal(L.nr_free, 3);
	expect_range(&L.free[0], 0x1000, 0xf3000);
	expect_range(&L.free[1], 0xfa000, 0x200000);
	expect_range(&L.free[2], 0x280000, 0x3c000000);
	assert_int_equal(L.bytes_held, 0x1000 + 0x7000 + 0x80000);
	assert_false(L.dtb_outside_ram);
}

static void zcu102(void)
{
	reset(0x8000000, 0x60000, 0x7f00000, 0x10000);
	bank(0, 0x80000000, "memory@0");
	bank(0x800000000, 0x80000000, "memory@0");
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.phys_memstart, 0);
	assert_int_equal(L.nr_linear, 2);
	expect_range(&L.linear[0], 0, 0x80000000);
	expect_range(&L.linear[1], 0x800000000, 0x880000000);
	assert_int_equal(L.nr_losses, 0);
	assert_int_equal(L.bytes_ram, 4 * G);
	/* PA 0's page is never free: 0 means failure. */
	assert_int_equal(L.free[0].phys_start, K4);
	assert_int_equal(L.bytes_free, 4 * G - K4 - 0x60000 - 0x10000);
}

static void banks_out_of_order(void)
{
	struct ram_plan first;

	reset(0x8000000, 0x60000, 0x7f00000, 0x10000);
	bank(0x800000000, 0x80000000, "high");
	bank(0x100000000, 0x1000000, "mid");
	bank(0, 0x80000000, "low");
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_linear, 3);
	expect_range(&L.linear[0], 0, 0x80000000);
	expect_range(&L.linear[1], 0x100000000, 0x101000000);
	expect_range(&L.linear[2], 0x800000000, 0x880000000);
	assert_string_equal(L.linear[0].name, "low");
	assert_string_equal(L.linear[2].name, "high");
	first = L;
	/* The same banks in another order: the same plan. */
	S.bank[0] = (struct phys_range){ 0, 0 + 0x80000000, "low" };
	S.bank[2] = (struct phys_range){ 0x800000000, 0x800000000 + 0x80000000, "high" };
	assert_int_equal(plan(), RAM_OK);
	assert_memory_equal(first.linear, L.linear, sizeof(L.linear));
	assert_memory_equal(first.free, L.free, sizeof(L.free));
}

static void overlapping_and_adjacent(void)
{
	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000000, 64 * M1, "a");
	bank(0x42000000, 64 * M1, "b");         /* 32 MiB over a */
	bank(0x46000000, 32 * M1, "c");         /* right after b */
	bank(0x41000000, 4 * M1, "d");          /* inside a */
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_ram, 1);
	assert_int_equal(L.nr_linear, 1);
	expect_range(&L.linear[0], 0x40000000, 0x48000000);
	assert_string_equal(L.linear[0].name, "a");
	assert_int_equal(L.bytes_ram, 128 * M1);
	assert_int_equal(L.bytes_overlap, 36 * M1);
	assert_int_equal(L.bytes_lost, 0);
	/* Merged, not lost: notes at the exact pieces. */
	assert_int_equal(L.nr_losses, 0);
	assert_int_equal(L.nr_notes, 2);
	expect_note(0, RAM_NOTE_BANK_OVERLAP, 0x42000000, 32 * M1, "b", "a");
	expect_note(1, RAM_NOTE_BANK_OVERLAP, 0x41000000, 4 * M1, "d", "a");
	assert_string_equal(ram_note_kind_name(RAM_NOTE_BANK_OVERLAP), "banks overlap");

	/* The same bank twice: one note, a duplicate. */
	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000000, 64 * M1, "a");
	bank(0x40000000, 64 * M1, "a again");
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_notes, 1);
	expect_note(0, RAM_NOTE_BANK_DUPLICATE, 0x40000000, 64 * M1, "a again", "a");
	assert_int_equal(L.bytes_ram, 64 * M1);
	assert_int_equal(L.bytes_overlap, 64 * M1);

	/* A bank over two others and the hole between: two pieces, each at
	 * its address, named after the bank it was already in. */
	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000000, 16 * M1, "lo");
	bank(0x42000000, 16 * M1, "hi");
	bank(0x40800000, 0x2000000, "span");    /* 0x40800000-0x42800000 */
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_notes, 2);
	expect_note(0, RAM_NOTE_BANK_OVERLAP, 0x40800000, 8 * M1, "span", "lo");
	expect_note(1, RAM_NOTE_BANK_OVERLAP, 0x42000000, 8 * M1, "span", "hi");
	assert_int_equal(L.bytes_ram, 0x43000000 - 0x40000000);
	assert_int_equal(L.bytes_overlap, 16 * M1);
}

static void unaligned_edges(void)
{
	const struct ram_loss *loss;

	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000100, 0x8000000 - 0x100 + 0x80, "m");
	bank(0x50000010, 0x800, "crumb");       /* less than a page */
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_linear, 1);
	expect_range(&L.linear[0], 0x40001000, 0x48000000);
	assert_int_equal(lost(RAM_LOSS_EDGE), 0xf00 + 0x80 + 0x800);
	/* Head and tail apart, each at its own address. */
	assert_int_equal(L.nr_losses, 3);
	expect_loss(0, RAM_LOSS_EDGE, 0x40000100, 0xf00, "m");
	expect_loss(1, RAM_LOSS_EDGE, 0x48000000, 0x80, "m");
	expect_loss(2, RAM_LOSS_EDGE, 0x50000010, 0x800, "crumb");
	assert_int_equal(L.bytes_ram, L.bytes_mapped + 0xf00 + 0x80 + 0x800);
	/* memstart is the usable RAM's, rounded down. */
	assert_int_equal(L.phys_memstart, 0x40000000);

	/* Two banks meeting at an unaligned PA: their shared page is RAM. */
	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000000, 0x1000800, "lo");
	bank(0x41000800, 0x1000800, "hi");
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_losses, 0);
	expect_range(&L.linear[0], 0x40000000, 0x42001000);

	/* Not meeting, sharing a page: each loses its part of it. */
	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000000, 0x1000800, "lo");
	bank(0x41000c00, 0x1000400, "hi");
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_linear, 2);
	expect_range(&L.linear[0], 0x40000000, 0x41000000);
	expect_range(&L.linear[1], 0x41001000, 0x42001000);
	assert_int_equal(lost(RAM_LOSS_EDGE), 0x800 + 0x400);
	loss = &L.loss[0];
	assert_string_equal(loss->name, "lo");
	/* Merged ranges: the tail is named after the bank it lies in. */
	expect_loss(0, RAM_LOSS_EDGE, 0x41000000, 0x800, "lo");
	expect_loss(1, RAM_LOSS_EDGE, 0x41000c00, 0x400, "hi");
	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000000, 0x1000800, "lo");
	bank(0x41000800, 0x1000000, "hi");      /* adjacent; its end unaligned */
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_losses, 1);
	expect_loss(0, RAM_LOSS_EDGE, 0x42000000, 0x800, "hi");
}

static void no_map_hole(void)
{
	const struct ram_loss *loss;

	reset(0x40200000, 0x60000, 0x40100000, 0x2000);
	bank(0x40000000, 128 * M1, "mem");
	rsv(0x44000000, M1, "tee@44000000", true);
	rsv(0x45000800, 0x800, "odd@45000800", true);   /* its page goes */
	rsv(0x46000000, 3 * M1, "cma", false);
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_linear, 3);
	expect_range(&L.linear[0], 0x40000000, 0x44000000);
	expect_range(&L.linear[1], 0x44100000, 0x45000000);
	expect_range(&L.linear[2], 0x45001000, 0x48000000);
	assert_int_equal(L.nr_losses, 2);
	loss = &L.loss[0];
	assert_int_equal(loss->reason, RAM_LOSS_NO_MAP);
	assert_string_equal(loss->name, "tee@44000000");
	assert_int_equal(loss->size, M1);
	assert_int_equal(L.loss[1].size, K4);
	assert_string_equal(ram_loss_reason_name(RAM_LOSS_NO_MAP), "no-map");
	/* Mapped but held: the image, the DTB, cma. */
	assert_int_equal(L.bytes_held, 0x60000 + 0x2000 + 3 * M1);
	assert_int_equal(L.nr_free, 6);
	expect_range(&L.free[4], 0x45001000, 0x46000000);
	expect_range(&L.free[5], 0x46300000, 0x48000000);
	/* A no-map range outside RAM costs nothing. */
	rsv(0x90000000, M1, "flash", true);
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_losses, 2);
}

/* ---- verdicts -------------------------------------------------------- */

static void image_in_reservation(void)
{
	reset(0x40200000, 0x60000, 0x48000000, 0x100000);
	bank(0x40000000, 128 * M1, "mem");
	rsv(0x47000000, M1, "other", false);
	rsv(0x40000000, 4 * M1, "secure@40000000", false);
	assert_int_equal(plan(), RAM_EIMAGE_RESERVED);
	assert_string_equal(L.verdict_name, "secure@40000000");
	assert_string_equal(ram_plan_strerror(L.verdict), "the image overlaps a reservation");
	/* The plan is still complete. */
	assert_int_equal(L.nr_linear, 1);
	assert_int_equal(L.bytes_free, 128 * M1 - 5 * M1);
	assert_int_equal(ram_plan_take(&L, K4, K4), 0);

	/* No-map over the image: named too, rather than "not linear". */
	S.rsv[1].no_map = true;
	assert_int_equal(plan(), RAM_EIMAGE_RESERVED);
	assert_string_equal(L.verdict_name, "secure@40000000");

	/* The image in a hole between banks. */
	reset(0x50000000, 0x60000, 0, 0);
	bank(0x40000000, 128 * M1, "mem");
	bank(0x60000000, 128 * M1, "mem2");
	assert_int_equal(plan(), RAM_EIMAGE_NOT_LINEAR);
	assert_string_equal(L.verdict_name, "image");
	/* Straddling the end of a bank. */
	S.in.phys_image = 0x48000000 - 0x10000;
	assert_int_equal(plan(), RAM_EIMAGE_NOT_LINEAR);
	/* In a partial page at an unaligned bank start. */
	S.bank[0].phys_end += 0x800;      /* the same size, 0x800 higher */
	S.bank[0].phys_start += 0x800;
	S.in.phys_image = 0x40000900;
	S.in.image_size = 0x100;
	assert_int_equal(plan(), RAM_EIMAGE_NOT_LINEAR);
}

static void dtb_and_reservations(void)
{
	reset(0x40200000, 0x60000, 0x40100230, 0x3000);
	bank(0x40000000, 128 * M1, "mem");
	/* The loader reserved the blob, unaligned, inside its own pages: fine. */
	rsv(0x40100230, 0x3000, NULL, false);
	rsv(0x40100000, 0x4000, "fdt-pages", false);
	assert_int_equal(plan(), RAM_OK);
	assert_false(L.dtb_outside_ram);
	assert_int_equal(L.bytes_held, 0x60000 + 0x4000);

	/* A reservation reaching beyond the DTB's pages: the DTB is in it. */
	rsv(0x400ff000, 0x2000, "firmware@400ff000", false);
	assert_int_equal(plan(), RAM_EDTB_RESERVED);
	assert_string_equal(L.verdict_name, "firmware@400ff000");

	/* A reservation that only shares a page with the DTB is fine. */
	S.rsv[2] = (struct ram_reservation){ { 0x40100000, 0x40100000 + 0x100, "pagemate" }, false };
	assert_int_equal(plan(), RAM_OK);
	S.rsv[2] = (struct ram_reservation){ { 0x40000000, 0x40000000 + 0x100200, "below" }, false };
	assert_int_equal(plan(), RAM_OK);

	/* The DTB inside a larger reservation. */
	S.rsv[2] = (struct ram_reservation){ { 0x40000000, 0x40000000 + 0x200000, "big" }, true };
	assert_int_equal(plan(), RAM_EDTB_RESERVED);
	assert_string_equal(L.verdict_name, "big");
}

static void dtb_over_image(void)
{
	reset(0x40200000, 0x60000, 0x4025f000, 0x2000);
	bank(0x40000000, 128 * M1, "mem");
	assert_int_equal(plan(), RAM_EDTB_IMAGE);
	assert_string_equal(L.verdict_name, "dtb");
	/* Touching is not overlapping. */
	S.in.phys_dtb = 0x40260000;
	assert_int_equal(plan(), RAM_OK);
	/* The DTB in flash, outside RAM: flagged, not refused. */
	S.in.phys_dtb = 0x0;
	assert_int_equal(plan(), RAM_OK);
	assert_true(L.dtb_outside_ram);
}

static void initrd(void)
{
	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000000, 128 * M1, "mem");
	S.in.phys_initrd_start = 0x44000100;
	S.in.phys_initrd_end = 0x44100100;
	assert_int_equal(plan(), RAM_OK);
	assert_false(L.initrd_outside_linear);
	assert_int_equal(L.bytes_held, 0x60000 + M1 + K4);
	S.in.phys_initrd_start = 0x40250000;
	assert_int_equal(plan(), RAM_EINITRD_IMAGE);
	assert_string_equal(L.verdict_name, "initrd");
	S.in.phys_initrd_start = 0x50000000;
	S.in.phys_initrd_end = 0x50001000;
	assert_int_equal(plan(), RAM_OK);
	assert_true(L.initrd_outside_linear);
}

static void pa_size(void)
{
	const struct ram_loss *loss;

	reset(0x40200000, 0x60000, 0, 0);
	S.in.pa_bits = 40;
	bank(0x40000000, G, "low");
	bank(T1, 4 * G, "high@10000000000");
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.phys_limit, T1);
	loss = the_loss(RAM_LOSS_PA_BITS);
	assert_string_equal(loss->name, "high@10000000000");
	assert_int_equal(loss->size, 4 * G);
	assert_int_equal(loss->phys_start, T1);
	assert_int_equal(L.nr_linear, 1);

	/* A bank across 2^40: above is PA loss, the rest beyond the budget. */
	S.bank[1] = (struct phys_range){ T1 - G, T1 - G + 2 * G, "across" };
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(lost(RAM_LOSS_PA_BITS), G);
	assert_int_equal(lost(RAM_LOSS_BUDGET), G);
	assert_int_equal(L.bytes_lost, 2 * G);

	/* With 48 bits and only RAM above 1 TiB, it is mapped from there. */
	reset(T1 + M2, 0x60000, 0, 0);
	S.in.pa_bits = 48;
	bank(T1, 4 * G, "high");
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.phys_memstart, T1);
	assert_int_equal(L.nr_losses, 0);
	/* With 40 bits nothing is left. */
	S.in.pa_bits = 40;
	assert_int_equal(plan(), RAM_ENORAM);
	assert_int_equal(lost(RAM_LOSS_PA_BITS), 4 * G);
}

static void bad_inputs(void)
{
	unsigned i;

	reset(0x40200000, 0x60000, 0, 0);
	assert_int_equal(plan(), RAM_ENOBANK);
	bank(0x40000000, 0, "empty");
	assert_int_equal(plan(), RAM_ENOBANK);
	bank(0x40000000, 0x800, "crumb");
	assert_int_equal(plan(), RAM_ENORAM);
	assert_int_equal(lost(RAM_LOSS_EDGE), 0x800);
	S.bank[1].phys_end = S.bank[1].phys_start + 128 * M1;
	assert_int_equal(plan(), RAM_OK);
	S.in.pa_bits = 31;
	assert_int_equal(plan(), RAM_EINVAL);
	assert_string_equal(L.verdict_name, "pa_bits");
	S.in.pa_bits = 49;
	assert_int_equal(plan(), RAM_EINVAL);
	S.in.pa_bits = 40;
	S.in.linear_budget = 0x1800;
	assert_int_equal(plan(), RAM_EINVAL);
	S.in.linear_budget = RAM_LINEAR_BUDGET;
	S.in.image_size = 0;
	assert_int_equal(plan(), RAM_EINVAL);
	S.in.image_size = 0x60000;
	bank(0xfffffffffffff000ULL, 0x1000, "wraps");
	assert_int_equal(plan(), RAM_EINVAL);
	assert_string_equal(L.verdict_name, "wraps");
	S.in.nr_banks--;
	/* Ends at 2^64 - 1 exactly: allowed, lost to the PA size. */
	bank(0xfffffffffffff000ULL, 0xfff, "top");
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(lost(RAM_LOSS_PA_BITS), 0xfff);
	S.in.nr_banks--;
	rsv(0xfffffffffffff000ULL, 0x1000, "rwraps", false);
	assert_int_equal(plan(), RAM_EINVAL);
	assert_string_equal(L.verdict_name, "rwraps");
	S.in.nr_rsv = 0;
	S.in.phys_initrd_start = 2;
	S.in.phys_initrd_end = 1;
	assert_int_equal(plan(), RAM_EINVAL);
	assert_string_equal(L.verdict_name, "initrd");

	/* Over the input's limits: said, not dropped. */
	reset(0x40200000, 0x60000, 0, 0);
	for (i = 0; i < RAM_MAX_BANKS + 1; i++)
		bank(0x40000000 + i * 2 * M1, M1, "many");
	assert_int_equal(plan(), RAM_ETOOMANY);
	assert_string_equal(L.verdict_name, "banks");
	S.in.nr_banks--;
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_linear, RAM_MAX_BANKS);
	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000000, G, "mem");
	for (i = 0; i < RAM_MAX_RESERVATIONS + 1; i++)
		rsv(0x41000000 + i * 2 * M1, M1, "hole", true);
	assert_int_equal(plan(), RAM_ETOOMANY);
	assert_string_equal(L.verdict_name, "reservations");
	/* At the limit every no-map one splits the linear map. */
	S.in.nr_rsv = RAM_MAX_RESERVATIONS;
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_linear, RAM_MAX_RESERVATIONS + 1);
	assert_int_equal(lost(RAM_LOSS_NO_MAP), RAM_MAX_RESERVATIONS * M1);

	for (int err = RAM_OK; err >= RAM_EPGALLOC; err--)
		assert_string_not_equal(ram_plan_strerror(err), "unknown error");
	assert_string_equal(ram_plan_strerror(-99), "unknown error");
	for (i = 0; i < RAM_NR_LOSS_REASONS; i++)
		assert_string_not_equal(ram_loss_reason_name(i), "unknown");
	assert_string_equal(ram_loss_reason_name(RAM_NR_LOSS_REASONS), "unknown");
	for (i = RAM_NOTE_BANK_OVERLAP; i <= RAM_NOTE_RSV_UNALIGNED; i++)
		assert_string_not_equal(ram_note_kind_name(i), "unknown");
}

/* The worst the limits allow: every array large enough, nothing refused. */
static void at_the_limits(void)
{
	unsigned i;

	/* 32 banks, all but one unaligned at both ends; 64 no-map
	 * reservations each across a hole; 16 absent pieces. */
	reset(0x40200000, 0x60000, 0, 0);
	S.in.pa_bits = 40;
	bank(0x40000000, G, "home");
	for (i = 1; i < RAM_MAX_BANKS; i++)
		bank(0x80000000 + (uint64_t)i * 4 * M1 + 0x100, 3 * M1, "b");
	for (i = 0; i < RAM_MAX_RESERVATIONS; i++)
		rsv(0x80000000 + (uint64_t)(i % 30 + 1) * 4 * M1 + 3 * M1 - K4 * (i / 30 + 1),
		    2 * M1, "nm", true);
	for (i = 0; i < RAM_MAX_ABSENT; i++)
		absent(0x41000000 + (uint64_t)i * 4 * M1, M1, "home");
	assert_int_equal(plan(), RAM_OK);
	assert_true(L.nr_losses <= RAM_MAX_LOSSES);
	assert_true(L.nr_linear <= RAM_MAX_LINEAR);

	/* Subtractions across holes: 32 unaligned banks of 1 MiB + 0x100,
	 * 2 MiB apart, beyond 2^40 in part (PA size) and beyond the budget
	 * in part; absent pieces and no-map reservations each from the
	 * middle of one bank over the next to the middle of the one after;
	 * every reservation also overlapping another and unaligned (notes). */
	reset(0x40200000, 0x60000, 0, 0);
	S.in.pa_bits = 40;
	S.in.linear_budget = 0x10000000000ULL - 0x40000000 - 20 * M2;
	bank(0x40000000, G, "home");
	for (i = 1; i < RAM_MAX_BANKS; i++)
		bank(0x10000000000ULL - 24 * M2 + (uint64_t)i * M2 + 0x100, M1 + 0x200, "b");
	for (i = 0; i < RAM_MAX_ABSENT; i++)
		absent(0x10000000000ULL - 24 * M2 + (uint64_t)(1 + i) * M2 + M1 / 2 - 0x100000 / 2,
		       2 * M2, "b");
	for (i = 0; i < RAM_MAX_RESERVATIONS; i++)
		rsv(0x10000000000ULL - 24 * M2 + (uint64_t)(1 + i % 30) * M2 + M1 / 2 + 0x10 * i,
		    2 * M2, "nm", i % 2);
	assert_int_equal(plan(), RAM_OK);
	assert_true(L.nr_losses <= RAM_MAX_LOSSES);
	assert_true(L.nr_notes <= RAM_MAX_NOTES);
}

/* ---- absent pieces (the boot's probes) ------------------------------- */

static void absent_pieces(void)
{
	reset(0x40200000, 0x60000, 0x44000000, 0x2000);
	bank(0x0e000000, 16 * M1, "memory@e000000");         /* below: secure */
	bank(0x40000000, 2 * G, "memory@40000000");          /* half of it there */
	bank(0x100000000ULL, 256 * M1, "memory@100000000");  /* beside: none */
	absent(0x0e000000, 16 * M1, "memory@e000000");
	absent(0x80000000, G, "memory@40000000");
	absent(0x100000000ULL, 256 * M1, "memory@100000000");
	assert_int_equal(plan(), RAM_OK);
	/* phys_memstart is the RAM that is there. */
	assert_int_equal(L.phys_memstart, 0x40000000);
	assert_int_equal(L.nr_linear, 1);
	expect_range(&L.linear[0], 0x40000000, 0x80000000);
	assert_int_equal(L.nr_losses, 3);
	expect_loss(0, RAM_LOSS_ABSENT, 0x0e000000, 16 * M1, "memory@e000000");
	expect_loss(1, RAM_LOSS_ABSENT, 0x80000000, G, "memory@40000000");
	expect_loss(2, RAM_LOSS_ABSENT, 0x100000000ULL, 256 * M1, "memory@100000000");
	assert_int_equal(L.loss[1].absent, 1);
	assert_string_equal(ram_loss_reason_name(RAM_LOSS_ABSENT), "not RAM");
	assert_int_equal(L.bytes_lost, 16 * M1 + G + 256 * M1);

	/* A piece over a no-map reservation: lost once, to the first reason. */
	rsv(0x7ff00000, 2 * M1, "nm", true);
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(lost(RAM_LOSS_NO_MAP), M1);
	assert_int_equal(lost(RAM_LOSS_ABSENT), 16 * M1 + G + 256 * M1);

	/* The image's pages absent: not linear. */
	S.in.nr_rsv = 0;
	absent(0x40200000, K4, "memory@40000000");
	assert_int_equal(plan(), RAM_EIMAGE_NOT_LINEAR);
	S.in.nr_absent--;
	/* Not page aligned, too many: refused by name. */
	absent(0x40300800, K4, "memory@40000000");
	assert_int_equal(plan(), RAM_EINVAL);
	assert_string_equal(L.verdict_name, "absent");
	S.in.nr_absent = 0;
	for (unsigned i = 0; i < RAM_MAX_ABSENT + 1; i++)
		absent(0x50000000 + i * M2, K4, "memory@40000000");
	assert_int_equal(plan(), RAM_ETOOMANY);
	assert_string_equal(L.verdict_name, "absent");
	/* All of it absent: no RAM. */
	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000000, G, "m");
	absent(0x40000000, G, "m");
	assert_int_equal(plan(), RAM_ENORAM);
}

/* ---- what the pieces lost and merged are called ------------------------ */

static void pieces_at_their_addresses(void)
{
	/* A no-map reservation across a hole: one piece on each side. */
	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000000, 64 * M1, "lo");
	bank(0x48000000, 64 * M1, "hi");
	rsv(0x43f00000, 0x4200000, "nm@43f00000", true);   /* to 0x48100000 */
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_losses, 2);
	expect_loss(0, RAM_LOSS_NO_MAP, 0x43f00000, M1, "nm@43f00000");
	expect_loss(1, RAM_LOSS_NO_MAP, 0x48000000, M1, "nm@43f00000");
	/* Partly outside RAM: only the part in RAM, at its own address. */
	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000000, 64 * M1, "m");
	rsv(0x3ff00000, 2 * M1, "below@3ff00000", true);
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_losses, 1);
	expect_loss(0, RAM_LOSS_NO_MAP, 0x40000000, M1, "below@3ff00000");
	/* Beyond the budget, in a merged range: named where it starts. */
	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000000, 255 * G, "a");
	bank(0x40000000 + 255 * G, 2 * G, "b");
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_losses, 1);
	expect_loss(0, RAM_LOSS_BUDGET, 0x40000000 + 256 * G, G, "b");
}

static void reservation_notes(void)
{
	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000000, 128 * M1, "mem");
	rsv(0x44000000, 2 * M1, "a", false);
	rsv(0x44100000, 2 * M1, "b", false);          /* 1 MiB over a */
	rsv(0x44000000, 2 * M1, "a2", false);         /* a again, and 1 MiB of b */
	rsv(0x45000100, 0x200, "odd", false);         /* its page is held */
	rsv(0x46000800, 0x1000, "odd-nm", true);      /* its two pages are not mapped */
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_notes, 4);
	expect_note(0, RAM_NOTE_RSV_OVERLAP, 0x44100000, M1, "b", "a");
	expect_note(1, RAM_NOTE_RSV_OVERLAP, 0x44000000, 2 * M1, "a2", "a");
	expect_note(2, RAM_NOTE_RSV_UNALIGNED, 0x45000100, 0x200, "odd", NULL);
	expect_note(3, RAM_NOTE_RSV_UNALIGNED, 0x46000800, 0x1000, "odd-nm", NULL);
	/* Held: a and b once (3 MiB), odd's page; odd-nm's two pages lost. */
	assert_int_equal(L.bytes_held, 0x60000 + 3 * M1 + K4);
	assert_int_equal(L.nr_losses, 1);
	expect_loss(0, RAM_LOSS_NO_MAP, 0x46000000, 2 * K4, "odd-nm");
}

/* ---- take ------------------------------------------------------------ */

static void take_policy(void)
{
	struct ram_plan before;
	uint64_t pa;

	reset(0x40200000, 0x60000, 0, 0);
	bank(0x80000000, G, "far");
	bank(0x40000000, 16 * M1, "home");
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.image_linear, 0);
	/* The top of the image's range first. */
	pa = ram_plan_take(&L, K4, K4);
	assert_int_equal(pa, 0x41000000 - K4);
	check_invariants();
	/* Rounded up to pages, aligned below the last piece. */
	pa = ram_plan_take(&L, M1 + 1, M2);
	assert_int_equal(pa, 0x40e00000);
	check_invariants();
	assert_int_equal(L.bytes_taken, K4 + M1 + K4);
	assert_int_equal(L.nr_taken, 2);
	expect_range(&L.taken[1], 0x40e00000, 0x40e00000 + M1 + K4);
	/* Does not fit at home any more: the top of any range. */
	pa = ram_plan_take(&L, 15 * M1, K4);
	assert_int_equal(pa, 0xc0000000 - 15 * M1);
	check_invariants();
	/* Below the image at home. */
	pa = ram_plan_take(&L, M1, M1);
	assert_int_equal(pa, 0x40d00000);
	/* Refusals change nothing. */
	before = L;
	assert_int_equal(ram_plan_take(&L, 2 * G, K4), 0);
	assert_int_equal(ram_plan_take(&L, 0, K4), 0);
	assert_int_equal(ram_plan_take(&L, K4, 3 * K4), 0);
	assert_int_equal(ram_plan_take(&L, UINT64_MAX, K4), 0);
	assert_int_equal(ram_plan_take(&L, G, G), 0);    /* the far range is 1 GiB, not free */
	assert_memory_equal(&before, &L, sizeof(L));
	/* Exact totals: everything taken, piece by piece. */
	while (ram_plan_take(&L, 64 * M1, K4))
		check_invariants();
	while (ram_plan_take(&L, K4, 0))
		;
	check_invariants();
	assert_true(L.nr_taken == RAM_MAX_TAKEN || L.bytes_free == 0);
	assert_int_equal(L.bytes_free + L.bytes_taken + L.bytes_held, L.bytes_mapped);
}

static void take_never_zero(void)
{
	reset(0x200000, 0x60000, 0, 0);
	bank(0, 0x200000, "low");                /* the image's bank ends below it */
	bank(0x200000, 0x60000, "image");
	assert_int_equal(plan(), RAM_OK);
	assert_int_equal(L.nr_linear, 1);
	assert_int_equal(L.bytes_free, 0x200000 - K4);
	assert_int_equal(ram_plan_take(&L, 0x200000 - K4, K4), K4);
	assert_int_equal(ram_plan_take(&L, K4, K4), 0);
	assert_int_equal(L.bytes_free, 0);
}

/* ---- feed ------------------------------------------------------------ */

struct fenv {
	struct pf_mem mem;
	struct pgalloc_ctx ctx;
};

static struct fenv *fenv_new(void)
{
	struct fenv *e = calloc(1, sizeof(*e));
	unsigned i;

	assert_non_null(e);
	pf_init(&e->mem);
	pf_garbage(&e->mem);
	for (i = 0; i < L.nr_linear; i++)
		pf_allow(&e->mem, L.linear[i].phys_start,
			 L.linear[i].phys_end - L.linear[i].phys_start);
	assert_int_equal(pgalloc_init(&e->ctx, pf_phys_to_ptr, &e->mem), PGALLOC_OK);
	return e;
}

static void fenv_free(struct fenv *e)
{
	pf_destroy(&e->mem);
	free(e);
}

/* Feeds L into a fresh allocator; its free pages must be the layout's. */
static void feed_and_compare(void)
{
	struct fenv *e = fenv_new();
	struct pgalloc_stats st;
	uint64_t got, pages = 0;
	unsigned i;

	assert_int_equal(ram_plan_feed(&L, &e->ctx), RAM_OK);
	assert_int_equal(pgalloc_nr_banks(&e->ctx), L.nr_linear);
	assert_int_equal(pgalloc_finalize(&e->ctx), PGALLOC_OK);
	assert_int_equal(pgalloc_check(&e->ctx), PGALLOC_OK);
	assert_int_equal(e->mem.errors, 0);
	assert_int_equal(pgalloc_stats(&e->ctx, PGALLOC_ALL_BANKS, &st), PGALLOC_OK);
	assert_int_equal(st.total_pages, L.bytes_mapped / K4);
	assert_int_equal(st.unusable_pages, 0);
	assert_int_equal(st.free_pages, L.bytes_free / K4 - st.meta_pages);
	assert_int_equal(st.reserved_pages, (L.bytes_held + L.bytes_taken) / K4);
	/* Whatever it hands out was free in the layout. */
	while ((got = pgalloc_alloc(&e->ctx, 0)) != 0) {
		bool in = false;

		for (i = 0; i < L.nr_free; i++)
			in |= got >= L.free[i].phys_start && got < L.free[i].phys_end;
		assert_true(in);
		pages++;
		if (pages > 4096)
			break;
	}
	fenv_free(e);
}

static void feed_boards(void)
{
	virt_128m();
	feed_and_compare();
	rpi3();
	feed_and_compare();
	no_map_hole();
	feed_and_compare();
	zcu102();
	feed_and_compare();
	take_policy();
	feed_and_compare();
	/* A layout whose bank starts at PA 4096: held page there merges with
	 * pgalloc's own PA 0. */
	reset(0x200000, 0x60000, 0x1000, 0x1000);
	bank(0x1000, 0x3ff000, "mem");
	assert_int_equal(plan(), RAM_OK);
	feed_and_compare();
}

static void feed_refusals(void)
{
	struct fenv *e;
	unsigned i;

	/* More linear ranges than pgalloc has banks. */
	reset(0x40100000, 0x60000, 0, 0);
	for (i = 0; i < PGALLOC_MAX_BANKS + 1; i++)
		bank(0x40000000 + i * 2 * M2, M2, "piece");
	assert_int_equal(plan(), RAM_OK);
	e = fenv_new();
	assert_int_equal(ram_plan_feed(&L, &e->ctx), RAM_EPGALLOC_BANKS);
	assert_int_equal(pgalloc_nr_banks(&e->ctx), 0);
	fenv_free(e);
	S.in.nr_banks = PGALLOC_MAX_BANKS;
	assert_int_equal(plan(), RAM_OK);
	feed_and_compare();

	/* Every reservation the limits allow, apart, and every take: the
	 * allocator holds them all (the reservation limit is its too). */
	reset(0x40200000, 0x60000, 0x44000000, 0x2000);
	bank(0x40000000, G, "mem");
	for (i = 0; i < RAM_MAX_RESERVATIONS; i++)
		rsv(0x50000000 + i * 2 * K4, K4, "r", false);
	S.in.phys_initrd_start = 0x48000000;
	S.in.phys_initrd_end = 0x48001000;
	assert_int_equal(plan(), RAM_OK);
	for (i = 0; i < RAM_MAX_TAKEN; i++)
		assert_true(ram_plan_take(&L, K4, 2 * K4) != 0);
	feed_and_compare();
	/* Reservations outside RAM take no slot. */
	S.rsv[1].range = (struct phys_range){ 0x10000, 0x10000 + K4, S.rsv[1].range.name };
	assert_int_equal(plan(), RAM_OK);
	feed_and_compare();
	/* More held pieces than pgalloc has slots, as only a plan outside the
	 * limits could have: free ranges cut into crumbs by hand. */
	reset(0x40200000, 0x60000, 0, 0);
	bank(0x40000000, G, "mem");
	assert_int_equal(plan(), RAM_OK);
	L.nr_free = PGALLOC_MAX_RESERVED + 1;
	for (i = 0; i < L.nr_free; i++)
		L.free[i] = (struct phys_range){ 0x50000000 + i * 2 * K4, 0x50000000 + i * 2 * K4 + K4,
						 "crumb" };
	e = fenv_new();
	assert_int_equal(ram_plan_feed(&L, &e->ctx), RAM_EPGALLOC_RESERVED);
	assert_int_equal(pgalloc_nr_banks(&e->ctx), 0);
	assert_int_equal(e->ctx.nr_reserved, 1);
	fenv_free(e);

	/* A context that is not fresh; a layout with an error. */
	e = fenv_new();
	assert_int_equal(pgalloc_reserve(&e->ctx, 0x50000000, K4), PGALLOC_OK);
	assert_int_equal(ram_plan_feed(&L, &e->ctx), RAM_EPGALLOC_STATE);
	fenv_free(e);
	L.verdict = RAM_EDTB_IMAGE;
	e = fenv_new();
	assert_int_equal(ram_plan_feed(&L, &e->ctx), RAM_ENOTOK);
	fenv_free(e);
}

/* cmocka's signature around each scenario (feed_boards reuses them). */
static void t_virt_128m(void **state) { (void)state; virt_128m(); }
static void t_virt_255g_fits(void **state) { (void)state; virt_255g_fits(); }
static void t_virt_257g_budget(void **state) { (void)state; virt_257g_budget(); }
static void t_rpi3(void **state) { (void)state; rpi3(); }
static void t_zcu102(void **state) { (void)state; zcu102(); }
static void t_banks_out_of_order(void **state) { (void)state; banks_out_of_order(); }
static void t_overlapping_and_adjacent(void **state) { (void)state; overlapping_and_adjacent(); }
static void t_unaligned_edges(void **state) { (void)state; unaligned_edges(); }
static void t_no_map_hole(void **state) { (void)state; no_map_hole(); }
static void t_image_in_reservation(void **state) { (void)state; image_in_reservation(); }
static void t_dtb_and_reservations(void **state) { (void)state; dtb_and_reservations(); }
static void t_dtb_over_image(void **state) { (void)state; dtb_over_image(); }
static void t_initrd(void **state) { (void)state; initrd(); }
static void t_pa_size(void **state) { (void)state; pa_size(); }
static void t_bad_inputs(void **state) { (void)state; bad_inputs(); }
static void t_at_the_limits(void **state) { (void)state; at_the_limits(); }
static void t_absent_pieces(void **state) { (void)state; absent_pieces(); }
static void t_pieces_at_their_addresses(void **state) { (void)state; pieces_at_their_addresses(); }
static void t_reservation_notes(void **state) { (void)state; reservation_notes(); }
static void t_take_policy(void **state) { (void)state; take_policy(); }
static void t_take_never_zero(void **state) { (void)state; take_never_zero(); }
static void t_feed_boards(void **state) { (void)state; feed_boards(); }
static void t_feed_refusals(void **state) { (void)state; feed_refusals(); }

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_virt_128m),
		cmocka_unit_test(t_virt_255g_fits),
		cmocka_unit_test(t_virt_257g_budget),
		cmocka_unit_test(t_rpi3),
		cmocka_unit_test(t_zcu102),
		cmocka_unit_test(t_banks_out_of_order),
		cmocka_unit_test(t_overlapping_and_adjacent),
		cmocka_unit_test(t_unaligned_edges),
		cmocka_unit_test(t_no_map_hole),
		cmocka_unit_test(t_image_in_reservation),
		cmocka_unit_test(t_dtb_and_reservations),
		cmocka_unit_test(t_dtb_over_image),
		cmocka_unit_test(t_initrd),
		cmocka_unit_test(t_pa_size),
		cmocka_unit_test(t_bad_inputs),
		cmocka_unit_test(t_at_the_limits),
		cmocka_unit_test(t_absent_pieces),
		cmocka_unit_test(t_pieces_at_their_addresses),
		cmocka_unit_test(t_reservation_notes),
		cmocka_unit_test(t_take_policy),
		cmocka_unit_test(t_take_never_zero),
		cmocka_unit_test(t_feed_boards),
		cmocka_unit_test(t_feed_refusals),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
