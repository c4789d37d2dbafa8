/*
 * test_ram_probe.c - host unit tests of mmu/ram_probe.c against the
 * contract of mmu/ram_probe.h.
 *
 * Owns: a model machine (the PA ranges where RAM answers, where a device
 * answers but holds no written value; nothing anywhere else) and the
 * banks a DTB claims over it: all there (128 MiB, 255 GiB: the pages
 * tried, one per GiB and the ends), absent above real RAM (whole GiB and
 * within one: the boundary halved down to the page), below it in the
 * image's GiB, beside it, a device window, reservations and held pages
 * never tried, overlapping banks, more absent pieces than the limit; and
 * the absent pieces fed back to ram_plan_make.
 */
#include "unit.h"
#include "ram_probe.h"

#define K4  0x1000ULL
#define M1  0x100000ULL
#define G   0x40000000ULL

/* The model machine: RAM answers in ram[], a device (reads all-ones,
 * writes ignored) in dev[], nothing (a fault) elsewhere. */
static struct phys_range model_ram[32], model_dev[4];
static unsigned nr_model_ram, nr_model_dev;
/* Every page tried, in order. */
static uint64_t tried[4096];
static unsigned nr_tried;

static struct ram_plan L, L2;
static struct phys_range banks[8];
static struct ram_reservation rsvs[8];
static struct ram_plan_input in;
static struct ram_probe_result R;

static bool in_ranges(const struct phys_range *r, unsigned n, uint64_t pa)
{
	for (unsigned i = 0; i < n; i++)
		if (phys_range_has(&r[i], pa))
			return true;
	return false;
}

static void model_probe(uint64_t pa, struct ram_probe_finding *f, void *cookie)
{
	(void)cookie;
	assert_int_equal(pa % K4, 0);
	/* Only free pages are ever tried. */
	assert_true(in_ranges(L.free, L.nr_free, pa));
	if (nr_tried < ARRAY_LEN(tried))
		tried[nr_tried] = pa;
	nr_tried++;
	if (in_ranges(model_ram, nr_model_ram, pa)) {
		f->answer = RAM_PROBE_OK;
	} else if (in_ranges(model_dev, nr_model_dev, pa)) {
		f->answer = RAM_PROBE_NOT_HELD;
		f->wrote = 0;
		f->read = ~0ULL;
	} else {
		f->answer = RAM_PROBE_FAULT;
		f->esr = 0x96000010;
	}
}

static void machine(void)
{
	memset(&in, 0, sizeof(in));
	nr_model_ram = nr_model_dev = 0;
	nr_tried = 0;
	in.bank = banks;
	in.rsv = rsvs;
	in.phys_image = 0x40200000;
	in.image_size = 0x40000;
	in.phys_dtb = 0x44000000;
	in.dtb_size = 0x2000;
	in.pa_bits = 40;
	in.linear_budget = RAM_LINEAR_BUDGET;
}

static void ram_at(uint64_t pa, uint64_t size)
{
	model_ram[nr_model_ram++] = (struct phys_range){ pa, pa + size, "ram" };
}

static void dev_at(uint64_t pa, uint64_t size)
{
	model_dev[nr_model_dev++] = (struct phys_range){ pa, pa + size, "dev" };
}

static void bank(uint64_t pa, uint64_t size, const char *name)
{
	banks[in.nr_banks++] = (struct phys_range){ pa, pa + size, name };
}

static void rsv(uint64_t pa, uint64_t size, bool no_map)
{
	rsvs[in.nr_rsv++] = (struct ram_reservation){ { pa, pa + size, "rsv" }, no_map };
}

/* Plans, probes; returns the probe's result. */
static int probe(void)
{
	assert_int_equal(ram_plan_make(&in, &L), RAM_OK);
	return ram_probe_banks(&in, &L, model_probe, NULL, &R);
}

static void expect_absent(unsigned i, uint64_t start, uint64_t end, const char *bank_name,
			  enum ram_probe_answer why)
{
	assert_true(i < R.nr_absent);
	assert_int_equal(R.absent[i].phys_start, start);
	assert_int_equal(R.absent[i].phys_end, end);
	assert_string_equal(R.absent[i].name, bank_name);
	assert_int_equal(R.finding[i].answer, why);
	assert_true(R.finding[i].pa >= start && R.finding[i].pa < end);
}

/* The absent pieces back into the plan: left out, the rest as before. */
static void replan(void)
{
	in.absent = R.absent;
	in.nr_absent = R.nr_absent;
	assert_int_equal(ram_plan_make(&in, &L2), RAM_OK);
	for (unsigned i = 0; i < L2.nr_linear; i++)
		for (uint64_t pa = L2.linear[i].phys_start; pa < L2.linear[i].phys_end; pa += 64 * M1)
			assert_true(in_ranges(model_ram, nr_model_ram, pa));
	in.absent = NULL;
	in.nr_absent = 0;
}

static void all_there(void **state)
{
	(void)state;
	machine();
	ram_at(0x40000000, 128 * M1);
	bank(0x40000000, 128 * M1, "memory@40000000");
	assert_int_equal(probe(), 0);
	/* The first and last free pages: one chunk, two pages. */
	assert_int_equal(R.nr_tried, 2);
	assert_int_equal(tried[0], 0x40000000);
	assert_int_equal(tried[1], 0x48000000 - K4);
	assert_int_equal(R.nr_banks, 1);
	assert_false(R.too_many);

	/* 255 GiB: one page per GiB and the last: 256. */
	machine();
	ram_at(0x40000000, 255 * G);
	bank(0x40000000, 255 * G, "memory@40000000");
	assert_int_equal(probe(), 0);
	assert_int_equal(R.nr_tried, 256);
	for (unsigned i = 0; i < 255; i++)
		assert_int_equal(tried[i], 0x40000000 + i * G);
}

static void held_pages_never_tried(void **state)
{
	(void)state;
	machine();
	ram_at(0x40000000, 128 * M1);
	bank(0x40000000, 128 * M1, "m");
	rsv(0x40000000, 2 * M1, false);          /* the first pages reserved */
	rsv(0x47f00000, M1, true);               /* the last ones no-map */
	assert_int_equal(probe(), 0);
	assert_int_equal(R.nr_tried, 2);
	assert_int_equal(tried[0], 0x40200000 + 0x40000);   /* after the image */
	assert_int_equal(tried[1], 0x47f00000 - K4);
	/* A bank all held: nothing tried. */
	machine();
	ram_at(0x40000000, 128 * M1);
	bank(0x40000000, 128 * M1, "m");
	bank(0x50000000, M1, "held");
	rsv(0x50000000, M1, false);
	assert_int_equal(probe(), 0);
	assert_int_equal(R.nr_banks, 1);
}

static void absent_above(void **state)
{
	(void)state;
	/* Claimed 2 GiB, 1 GiB there: the second GiB out whole. */
	machine();
	ram_at(0x40000000, G);
	bank(0x40000000, 2 * G, "memory@40000000");
	assert_int_equal(probe(), 1);
	expect_absent(0, 0x80000000, 0xc0000000, "memory@40000000", RAM_PROBE_FAULT);
	assert_int_equal(R.nr_tried, 3);
	replan();

	/* 1.25 GiB there: the boundary within the chunk, to the page. */
	machine();
	ram_at(0x40000000, G + 256 * M1);
	bank(0x40000000, 2 * G, "memory@40000000");
	assert_int_equal(probe(), 1);
	expect_absent(0, 0x90000000, 0xc0000000, "memory@40000000", RAM_PROBE_FAULT);
	/* Halving 1 GiB of pages: at most 18 more. */
	assert_true(R.nr_tried <= 3 + 18);
	replan();
	assert_int_equal(L2.linear[0].phys_end, 0x90000000);

	/* An odd boundary, not a power of two. */
	machine();
	ram_at(0x40000000, 0x12345000);
	bank(0x40000000, 0x20000000, "m");
	assert_int_equal(probe(), 1);
	expect_absent(0, 0x52345000, 0x60000000, "m", RAM_PROBE_FAULT);
}

static void absent_below_and_beside(void **state)
{
	(void)state;
	/* A bank below real RAM (the secure memory of virt: nothing at
	 * EL1 non-secure), one beside it, and real RAM's bank starting a
	 * MiB early, in the image's GiB: halved towards the image. */
	machine();
	ram_at(0x40100000, 128 * M1 - M1);
	bank(0x0e000000, 16 * M1, "memory@e000000");
	bank(0x40000000, 128 * M1, "memory@40000000");
	bank(0x100000000ULL, 256 * M1, "memory@100000000");
	assert_int_equal(probe(), 3);
	expect_absent(0, 0x0e000000, 0x0f000000, "memory@e000000", RAM_PROBE_FAULT);
	expect_absent(1, 0x40000000, 0x40100000, "memory@40000000", RAM_PROBE_FAULT);
	expect_absent(2, 0x100000000ULL, 0x110000000ULL, "memory@100000000", RAM_PROBE_FAULT);
	assert_int_equal(R.nr_banks, 3);
	replan();
	assert_int_equal(L2.phys_memstart, 0x40000000);
	assert_int_equal(L2.linear[0].phys_start, 0x40100000);
	/* Absent across a GiB boundary: one piece. */
	machine();
	ram_at(0x40000000, G);
	bank(0x40000000, G, "m");
	bank(0x80000000, 3 * G, "far");
	assert_int_equal(probe(), 1);
	expect_absent(0, 0x80000000, 0x140000000ULL, "far", RAM_PROBE_FAULT);
}

static void device_window(void **state)
{
	(void)state;
	machine();
	ram_at(0x40000000, G);
	dev_at(0x0, 64 * M1);                     /* flash: holds nothing written */
	bank(0x0, 64 * M1, "memory@0");
	bank(0x40000000, G, "memory@40000000");
	assert_int_equal(probe(), 1);
	/* PA 0's page is held, never tried, but before the first bad
	 * answer: in the piece. */
	expect_absent(0, 0x0, 0x4000000, "memory@0", RAM_PROBE_NOT_HELD);
	assert_int_equal(R.finding[0].pa, 0x1000);
	assert_int_equal(R.finding[0].read, ~0ULL);
	replan();
}

static void overlapping_banks(void **state)
{
	(void)state;
	/* Two banks over the same absent GiB: each named, the plan takes
	 * both pieces (the second loses nothing more). */
	machine();
	ram_at(0x40000000, G);
	bank(0x40000000, 2 * G, "a");
	bank(0x80000000, G, "b");
	assert_int_equal(probe(), 2);
	expect_absent(0, 0x80000000, 0xc0000000, "a", RAM_PROBE_FAULT);
	expect_absent(1, 0x80000000, 0xc0000000, "b", RAM_PROBE_FAULT);
	replan();
	assert_int_equal(L2.bytes_lost, G);
}

static void too_many(void **state)
{
	(void)state;
	machine();
	ram_at(0x40000000, G);
	bank(0x40000000, G, "m");
	for (unsigned i = 0; i < 7; i++)
		bank(0x100000000ULL + i * 2 * G, G, "gone");
	/* Seven pieces: within the limit. */
	assert_int_equal(probe(), 7);
	/* Holes in RAM too: every other GiB of a bank. */
	machine();
	for (unsigned i = 0; i < RAM_MAX_ABSENT + 1; i++)
		ram_at(0x40000000 + i * 2 * G, G);
	bank(0x40000000, 2 * (RAM_MAX_ABSENT + 1) * G, "sieve");
	assert_int_equal(probe(), -1);
	assert_true(R.too_many);
	assert_int_equal(R.nr_absent, RAM_MAX_ABSENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(all_there),
		cmocka_unit_test(held_pages_never_tried),
		cmocka_unit_test(absent_above),
		cmocka_unit_test(absent_below_and_beside),
		cmocka_unit_test(device_window),
		cmocka_unit_test(overlapping_banks),
		cmocka_unit_test(too_many),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
