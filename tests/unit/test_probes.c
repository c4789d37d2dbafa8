/*
 * test_probes.c - host unit tests of mmu/probes.c (probes_build).
 *
 * Owns: the probe list of a QEMU-virt boot (maps_fixture.h's virt): its
 * count, names (unique, not truncated, none of the retired ones), which
 * of them the early map leaves unmapped, each probe's VA in order and its
 * verdict in the early and the final map (region and PA, or a fault); that
 * every probe's expectation in either map agrees with that map's regions,
 * read independently (check_probes_agree, strided copies included), over
 * many layouts (a load not 2 MiB aligned, an unaligned DTB, no DTB, 2 GiB
 * of RAM, a UART off its page's start, no console, the image's GiB at
 * KIMAGE_VADDR's level-1 index, the pool and 1, 3 or every secondary's
 * stack, two linear ranges with a hole, RAM to the end of the linear VA
 * budget); and that the fullest layout's list fits MAX_PROBES. The probes
 * of one region or range are checked with it in test_maps.c.
 */
#include "maps_fixture.h"

static void test_probes(void **state)
{
	static const char *const gone[] = {
		"idmap_pg_dir", "init_pg_dir", "tables end", "el0 text", "el0 stack",
		"el0 stack guard",
	};
	struct probe p[MAX_PROBES];
	int n, unmapped = 0;

	(void)state;
	memset(p, 0, sizeof(p));
	n = probes_build(&virt, &syms, p);
	assert_int_equal(n, 30);
	for (int i = 0; i < n; i++) {
		struct expectation e;

		assert_true(strlen(p[i].name) > 0);
		assert_true(strlen(p[i].name) < sizeof(p[i].name) - 1);   /* not truncated */
		for (int j = 0; j < i; j++)
			if (!strcmp(p[i].name, p[j].name))
				fail_msg("probe name \"%s\" used twice", p[i].name);
		for (size_t j = 0; j < ARRAY_LEN(gone); j++)
			if (!strcmp(p[i].name, gone[j]))
				fail_msg("probe \"%s\" is gone", p[i].name);
		expect_early_map(&virt, p[i].va, &e);
		unmapped += !e.mapped;
	}
	/* Early: the 5 linear probes and the 5 that must never translate. */
	assert_int_equal(unmapped, 10);
}

static void test_probe_addresses(void **state)
{
	struct probe p[MAX_PROBES];
	int n;
	/* Each probe's VA, then what it translates to in the early map and in
	 * the final map (region, pa; NULL region: must fault). */
	static const struct {
		const char *name; uint64_t va;
		const char *early; uint64_t early_pa;
		const char *final; uint64_t final_pa;
	} want[] = {
		{ "header page",      0xffffffc000000000ULL, "kimage", 0x40200000ULL,
		  "head", 0x40200000ULL },
		{ "text start",       0xffffffc000001000ULL, "kimage", 0x40201000ULL,
		  "text", 0x40201000ULL },
		{ "text end",         0xffffffc000007e3fULL, "kimage", 0x40207e3fULL,
		  "text", 0x40207e3fULL },
		{ "rodata start",     0xffffffc000008000ULL, "kimage", 0x40208000ULL,
		  "rodata", 0x40208000ULL },
		{ "rodata end",       0xffffffc000009a27ULL, "kimage", 0x40209a27ULL,
		  "rodata", 0x40209a27ULL },
		{ "data start",       0xffffffc00000a000ULL, "kimage", 0x4020a000ULL,
		  "data", 0x4020a000ULL },
		{ "data end",         0xffffffc00000d88fULL, "kimage", 0x4020d88fULL,
		  "data", 0x4020d88fULL },
		{ "bss start",        0xffffffc00000d890ULL, "kimage", 0x4020d890ULL,
		  "data", 0x4020d890ULL },
		{ "bss end",          0xffffffc00000dfffULL, "kimage", 0x4020dfffULL,
		  "data", 0x4020dfffULL },
		{ "stack guard",      0xffffffc000013000ULL, "kimage", 0x40213000ULL, NULL, 0 },
		{ "stack bottom",     0xffffffc000014000ULL, "kimage", 0x40214000ULL,
		  "stack", 0x40214000ULL },
		{ "stack top",        0xffffffc000017ff0ULL, "kimage", 0x40217ff0ULL,
		  "stack", 0x40217ff0ULL },
		{ "early_pgd",        0xffffffc00000a000ULL, "kimage", 0x4020a000ULL,
		  "data", 0x4020a000ULL },
		{ "early tables end", 0xffffffc00000cff8ULL, "kimage", 0x4020cff8ULL,
		  "data", 0x4020cff8ULL },
		{ "idmap entry",      0x40200040ULL,         "idmap", 0x40200040ULL, NULL, 0 },
		{ "kimage via TTBR0", 0x4000000000ULL,       "kimage", 0x40200000ULL, NULL, 0 },
		{ "idmap via TTBR1",  0xffffff8040200000ULL, "idmap", 0x40200000ULL, NULL, 0 },
		{ "linear first",     0xffffff8000000000ULL, NULL, 0, "linear", 0x40000000ULL },
		{ "linear of text",   0xffffff8000200000ULL, NULL, 0, "linear-ro", 0x40200000ULL },
		{ "linear of data",   0xffffff800020a000ULL, NULL, 0, "linear", 0x4020a000ULL },
		{ "linear middle",    0xffffff8004000000ULL, NULL, 0, "linear", 0x44000000ULL },
		{ "linear last",      0xffffff8007fff000ULL, NULL, 0, "linear", 0x47fff000ULL },
		{ "uart",             0xffffffc03fe00000ULL, "uart", 0x09000000ULL,
		  "uart", 0x09000000ULL },
		{ "dtb start",        0xffffffc03f800000ULL, "dtb", 0x40000000ULL,
		  "dtb", 0x40000000ULL },
		{ "dtb end",          0xffffffc03f8fffffULL, "dtb", 0x400fffffULL,
		  "dtb", 0x400fffffULL },
		{ "after linear",     0xffffff8008000000ULL, NULL, 0, NULL, 0 },
		{ "after kimage",     0xffffffc000200000ULL, NULL, 0, NULL, 0 },
		{ "idmap other GiB",  0x00200000ULL,         NULL, 0, NULL, 0 },
		{ "non-canonical",    0x0000800000000000ULL, NULL, 0, NULL, 0 },
		{ "null page",        0x0ULL,                NULL, 0, NULL, 0 },
	};

	(void)state;
	n = probes_build(&virt, &syms, p);
	assert_int_equal(n, (int)ARRAY_LEN(want));
	for (size_t i = 0; i < ARRAY_LEN(want); i++) {
		const struct probe *pr = find_probe(p, n, want[i].name);
		struct expectation e, f;

		assert_string_equal(p[i].name, want[i].name);     /* in this order */
		assert_int_equal(pr->va, want[i].va);
		expect_early_map(&virt, pr->va, &e);
		expect_final_map(&virt, &syms, pr->va, &f);
		if (e.mapped != (want[i].early != NULL))
			fail_msg("probe \"%s\": early mapped %d, want %d", want[i].name, e.mapped,
				 want[i].early != NULL);
		if (f.mapped != (want[i].final != NULL))
			fail_msg("probe \"%s\": final mapped %d, want %d", want[i].name, f.mapped,
				 want[i].final != NULL);
		if (want[i].early) {
			assert_string_equal(e.region, want[i].early);
			assert_int_equal(e.pa, want[i].early_pa);
		}
		if (want[i].final) {
			assert_string_equal(f.region, want[i].final);
			assert_int_equal(f.pa, want[i].final_pa);
		}
	}
}

static void test_probes_agree_with_regions(void **state)
{
	struct boot_layout l = virt;

	(void)state;
	check_probes_agree(&virt, &syms);
	check_probes_agree(&pi, &syms);
	l.phys_dtb = 0x47ff8238ULL;
	l.dtb_size = 0x1dc9ULL;
	check_probes_agree(&l, &syms);
	l.phys_dtb = 0;
	l.dtb_size = 0;
	check_probes_agree(&l, &syms);
	l = virt;
	set_linear(&l, 0, l.linear[0].phys_start, 0x80000000ULL);   /* 2 GiB: "idmap via TTBR1" is linear RAM */
	check_probes_agree(&l, &syms);
	l = virt;
	l.phys_uart = 0x3f215040ULL;
	check_probes_agree(&l, &syms);
	l = virt;
	l.phys_uart = 0;                     /* no console */
	check_probes_agree(&l, &syms);
	l = virt;
	l.phys_text = 0x4000400000ULL;       /* the image's level-1 index, 256 */
	l.phys_memstart = 0x4000000000ULL;
	set_linear(&l, 0, 0x4000000000ULL, phys_range_size(&l.linear[0]));
	l.phys_dtb = 0x4000000000ULL;
	check_probes_agree(&l, &syms);
	/* The pool and the stacks: one secondary, three, as many as can be. */
	l = virt;
	take_boot_memory(&l, 0x47fc0000ULL, 0x47f00000ULL, 1);
	check_probes_agree(&l, &syms);
	take_boot_memory(&l, 0x47e00000ULL, 0x47c00000ULL, 3);   /* pool at a 2 MiB boundary */
	check_probes_agree(&l, &syms);
	take_boot_memory(&l, 0x47fc0000ULL, 0x47a00000ULL, NR_CPUS - 1);
	check_probes_agree(&l, &syms);
	/* Two linear ranges, a hole, memstart below the first; booted too. */
	l = virt;
	two_ranges(&l);
	check_probes_agree(&l, &syms);
	take_boot_memory(&l, 0x47fc0000ULL, 0x47f00000ULL, 3);
	l.phys_uart = 0;
	check_probes_agree(&l, &syms);
	/* The image in the first of two ranges. */
	l = virt;
	two_ranges(&l);
	l.phys_text = 0x40400000ULL;
	check_probes_agree(&l, &syms);
	/* RAM to the end of the linear VA budget: no "after linear". */
	l = virt;
	set_linear(&l, 0, l.linear[0].phys_start, LINEAR_MAP_VA_SIZE);
	check_probes_agree(&l, &syms);
}

/* Every probe of the fullest layout fits MAX_PROBES, none truncated. */
static void test_probes_fullest(void **state)
{
	struct boot_layout l = fvirt;
	struct probe p[MAX_PROBES];
	int n;

	(void)state;
	two_ranges(&l);
	take_boot_memory(&l, 0x47fc0000ULL, 0x47f00000ULL, NR_CPUS - 1);
	memset(p, 0, sizeof(p));
	n = probes_build(&l, &fsyms, p);
	assert_int_equal(n, 38);
	assert_true(n <= MAX_PROBES);
	for (int i = 0; i < n; i++)
		assert_true(strlen(p[i].name) < sizeof(p[i].name) - 1);
	check_probes_agree(&l, &fsyms);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_probes),
		cmocka_unit_test(test_probe_addresses),
		cmocka_unit_test(test_probes_agree_with_regions),
		cmocka_unit_test(test_probes_fullest),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
