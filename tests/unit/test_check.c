/*
 * test_check.c - host unit tests of mmu/check.c.
 *
 * Owns: par_sh_acceptable; check_probe's verdict and "why" text for every
 * kind of disagreement, with the hardware played by a fake AT S1E1R/W that
 * translates its own copy of the tables (tables_fake.c's reference walk) and
 * can be told to misbehave for one VA, while the software walk reads a
 * second copy that a test may corrupt; both copies the early map as the boot
 * leaves it (tables_fake.c: one root shared by TTBR0 and TTBR1, its aliases,
 * the console, DTB and table-pool windows) for several layouts (no DTB, no
 * console, two linear ranges with a hole, phys_memstart below the first
 * range, the pool and the secondaries' stacks taken); the phase choosing the
 * expected map; check_run/check_all's lines (through the print callback:
 * every probe's when verbose, else only a failure's, in full), the tally,
 * the summary line "mmu: N passed, M failed" and return value.
 */
#include "unit.h"
#include "check.h"
#include "linear_fake.h"
#include "tables_fake.h"

/* ---- the fake hardware --------------------------------------------------- */

enum hw_mode {
	HW_HONEST,        /* translate the hardware copy of the tables */
	HW_PA_OFFSET,     /* bad_va: PA + value */
	HW_READ_FAULT,    /* bad_va: both ATs fault with FST value */
	HW_ATTR,          /* bad_va: PAR.ATTR = value */
	HW_SH,            /* bad_va: PAR.SH = value */
	HW_WRITE_FAULT,   /* bad_va: AT S1E1W faults (permission, level 2) */
};

struct fake_hw {
	const struct fake_tables *ft;
	uint64_t ttbr0_pa, ttbr1_pa, mair;
	bool sh_outer_for_device;   /* Arm ARM: Device/NC report SH 0b10 */
	enum hw_mode mode;
	uint64_t bad_va, value;
	unsigned reads, writes;
};

static void fake_at(uint64_t va, bool write, struct hw_translation *out, void *cookie)
{
	struct fake_hw *hw = cookie;
	uint64_t pa = 0, leaf = 0;
	int level = 0;
	enum fake_xlate x = fake_translate(hw->ft, hw->ttbr0_pa, hw->ttbr1_pa, va, &pa, &leaf,
					   &level);

	*out = (struct hw_translation){ 0 };
	write ? hw->writes++ : hw->reads++;
	if (x == FAKE_XLATE_MAPPED) {
		uint8_t attr = (uint8_t)(hw->mair >> (8 * ((leaf >> 2) & 7)));

		out->ok = true;
		out->pa = pa;
		out->mair_attr = attr;
		out->sh = (uint8_t)((leaf >> 8) & 3);
		if (hw->sh_outer_for_device && ((attr & 0xf0) == 0 || attr == 0x44))
			out->sh = 2;
		if (write && (leaf & (1ULL << 7))) {
			*out = (struct hw_translation){ .fst = (uint8_t)(0x0c | level) };
		}
	} else {
		out->fst = (uint8_t)((x == FAKE_XLATE_FAULT ? 0x04 : 0x14) | level);
	}
	if (va != hw->bad_va)
		return;
	switch (hw->mode) {
	case HW_HONEST:
		break;
	case HW_PA_OFFSET:
		out->pa += hw->value;
		break;
	case HW_READ_FAULT:
		*out = (struct hw_translation){ .fst = (uint8_t)hw->value };
		break;
	case HW_ATTR:
		out->mair_attr = (uint8_t)hw->value;
		break;
	case HW_SH:
		out->sh = (uint8_t)hw->value;
		break;
	case HW_WRITE_FAULT:
		if (write)
			*out = (struct hw_translation){ .fst = 0x0e };
		break;
	}
}

/* ---- the print callback -------------------------------------------------- */

#define MAX_LINES 128
static char lines[MAX_LINES][256];
static int nlines;

static void capture(const char *line)
{
	assert_true(nlines < MAX_LINES);
	assert_true(strlen(line) < sizeof(lines[0]));
	strcpy(lines[nlines++], line);
}

/* ---- fixture: the virt early map, in a hardware and a software copy ------ */

#include "early_syms.h"

#define VA_TEXT         0xffffffc000000000ULL
#define VA_AFTER_KIMAGE 0xffffffc000200000ULL   /* kimage's level-2 table, empty entry */
#define VA_LINEAR       0xffffff8000000000ULL   /* final map only: level-1 entry empty */
#define VA_DTB_LAST     0xffffffc03f8ff000ULL   /* the DTB's last page (1 MiB DTB) */
#define VA_UART         0xffffffc03fe00000ULL
#define VA_KIMAGE_LOW   0x0000004000000000ULL   /* KIMAGE_VADDR through TTBR0 */
#define VA_IDMAP_HIGH   0xffffff8040200000ULL   /* the idmap through TTBR1 */
#define NPROBES_VIRT    30                      /* probes_build() with a DTB */
#define NMAPPED_VIRT    20                      /* of which the early map maps */
/* The pool and 3 secondaries' stacks taken (VIRT_POOL_PA, VIRT_STACKS_PA). */
#define VA_POOL         (0xffffffc03f000000ULL + (VIRT_POOL_PA & 0x1fffffULL))
#define VA_CPU1_STACK   0xffffffe000006000ULL   /* STACKS_VADDR + 0x5000 + 0x1000 */
#define NR_STACKS_VIRT  3
/* + "tables first/last", "cpu1 stack", "last cpu stack top" (early: not
 * mapped), "cpu1 stack guard", "after stacks". */
#define NPROBES_BOOTED  (NPROBES_VIRT + 6)
#define NMAPPED_BOOTED  (NMAPPED_VIRT + 2)

struct fixture {
	struct boot_layout layout;
	struct fake_tables hw_ft, sw_ft;
	uint64_t ttbr0_pa, ttbr1_pa;
	struct walk_ctx sw;
	struct fake_hw hw;
	struct check_env env;
	struct probe probes[MAX_PROBES];
	int nprobes;
};

/* (Re)builds both copies of the early map of f->layout. */
static void build(struct fixture *f)
{
	fake_init(&f->hw_ft);
	fake_build_early_map(&f->hw_ft, &f->layout, &f->ttbr0_pa, &f->ttbr1_pa);
	fake_clone(&f->sw_ft, &f->hw_ft);
	f->sw = fake_ctx(&f->sw_ft, f->ttbr0_pa, f->ttbr1_pa);
	f->hw = (struct fake_hw){ .ft = &f->hw_ft, .ttbr0_pa = f->ttbr0_pa,
				  .ttbr1_pa = f->ttbr1_pa, .mair = MAIR_EL1_VALUE,
				  .bad_va = ~0ULL };
	f->env = (struct check_env){ .phase = MAP_EARLY, .layout = &f->layout, .syms = &syms,
				     .walk = &f->sw, .mair = MAIR_EL1_VALUE, .at = fake_at,
				     .at_cookie = &f->hw, .print = capture, .verbose = true };
	f->nprobes = probes_build(&f->layout, &syms, f->probes);
	nlines = 0;
}

static void unbuild(struct fixture *f)
{
	fake_free(&f->hw_ft);
	fake_free(&f->sw_ft);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	f->layout = fake_virt_layout();
	build(f);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	unbuild(f);
	free(f);
	return 0;
}

static struct probe_result check_va(struct fixture *f, uint64_t va)
{
	struct probe p = { .name = "probe", .va = va };
	struct probe_result r;

	memset(&r, 0x5a, sizeof(r));
	check_probe(&f->env, &p, &r);
	assert_string_equal(r.probe.name, "probe");
	assert_int_equal(r.probe.va, va);
	return r;
}

static void assert_fails(const struct probe_result *r, const char *why)
{
	if (r->pass)
		fail_msg("passed, expected failure \"%s\"", why);
	assert_string_equal(r->why, why);
}

static void assert_passes(const struct probe_result *r)
{
	if (!r->pass)
		fail_msg("failed: %s", r->why);
}

/* ---- par_sh_acceptable ---------------------------------------------------- */

static void test_sh_acceptable(void **state)
{
	const struct pte_attrs normal = { .attrindx = 4, .sh = 3, .af = true };
	const struct pte_attrs normal_osh = { .attrindx = 4, .sh = 2, .af = true };
	const struct pte_attrs dev = { .attrindx = 0, .sh = 0, .af = true };
	const struct pte_attrs dev_nGnRE = { .attrindx = 1, .sh = 0, .af = true };
	const struct pte_attrs nc = { .attrindx = 3, .sh = 3, .af = true };

	(void)state;
	/* Normal cacheable: only the descriptor's SH. */
	assert_true(par_sh_acceptable(&normal, MAIR_EL1_VALUE, 3));
	assert_false(par_sh_acceptable(&normal, MAIR_EL1_VALUE, 2));
	assert_false(par_sh_acceptable(&normal, MAIR_EL1_VALUE, 0));
	assert_true(par_sh_acceptable(&normal_osh, MAIR_EL1_VALUE, 2));
	assert_false(par_sh_acceptable(&normal_osh, MAIR_EL1_VALUE, 3));
	/* Device: 0b10 (Arm ARM) or the descriptor's value (QEMU). */
	assert_true(par_sh_acceptable(&dev, MAIR_EL1_VALUE, 2));
	assert_true(par_sh_acceptable(&dev, MAIR_EL1_VALUE, 0));
	assert_false(par_sh_acceptable(&dev, MAIR_EL1_VALUE, 3));
	assert_true(par_sh_acceptable(&dev_nGnRE, MAIR_EL1_VALUE, 2));
	assert_false(par_sh_acceptable(&dev_nGnRE, MAIR_EL1_VALUE, 1));
	/* Normal non-cacheable (0x44): like Device. */
	assert_true(par_sh_acceptable(&nc, MAIR_EL1_VALUE, 2));
	assert_true(par_sh_acceptable(&nc, MAIR_EL1_VALUE, 3));
	assert_false(par_sh_acceptable(&nc, MAIR_EL1_VALUE, 0));
	/* The MAIR in force decides what AttrIndx means. */
	assert_true(par_sh_acceptable(&normal, 0x0000000000000000ULL, 2));    /* idx 4 Device */
	assert_false(par_sh_acceptable(&dev, 0x00000000000000ffULL, 2));      /* idx 0 Normal */
	assert_false(par_sh_acceptable(&normal, 0x000000bb00000000ULL, 2));   /* WT/WB mix */
}

/* ---- check_probe ---------------------------------------------------------- */

/* Every probe of f's layout passes, its translation agreeing three ways. */
static void assert_all_probes_pass(struct fixture *f, int want_probes, int want_mapped)
{
	int mapped = 0;

	assert_int_equal(f->nprobes, want_probes);
	for (int i = 0; i < f->nprobes; i++) {
		struct probe_result r;

		check_probe(&f->env, &f->probes[i], &r);
		if (!r.pass)
			fail_msg("probe %s: %s", f->probes[i].name, r.why);
		assert_string_equal(r.why, "");
		if (!r.exp.mapped)
			assert_true(r.sw.status == WALK_INVALID_DESC ||
				    r.sw.status == WALK_NOT_CANONICAL);
		if (r.exp.mapped) {
			assert_int_equal(r.sw.status, WALK_MAPPED);
			mapped++;
			assert_int_equal(r.hw_read.pa, r.exp.pa);
			assert_int_equal(r.sw.pa, r.exp.pa);
		}
	}
	assert_int_equal(mapped, want_mapped);
	assert_int_equal(f->hw.reads, (unsigned)want_probes);
	assert_int_equal(f->hw.writes, (unsigned)want_probes);
}

static void test_all_probes_pass_when_consistent(void **state)
{
	assert_all_probes_pass(*state, NPROBES_VIRT, NMAPPED_VIRT);
}

/* The layout as the boot has it when the early map is checked: the table
 * pool taken and mapped, the secondaries' stacks taken (final map only). */
static void take_boot_memory(struct boot_layout *l)
{
	l->phys_pool = VIRT_POOL_PA;
	l->phys_stacks = VIRT_STACKS_PA;
	l->nr_stacks = NR_STACKS_VIRT;
}

/* maps.c's early map and tables_fake's reading of tables.S + the windows
 * agree for other layouts too. */
static void test_all_probes_pass_other_layouts(void **state)
{
	struct fixture *f = *state;
	const struct boot_layout virt = fake_virt_layout();

	/* No DTB: no window, no dtb probes. */
	unbuild(f);
	f->layout = virt;
	f->layout.phys_dtb = 0;
	f->layout.dtb_size = 0;
	build(f);
	assert_int_equal(f->hw_ft.n, 4);          /* 3 early pages + the console's */
	assert_all_probes_pass(f, NPROBES_VIRT - 2, NMAPPED_VIRT - 2);
	/* A DTB across the window's two 2 MiB slots, unaligned. */
	unbuild(f);
	f->layout = virt;
	f->layout.phys_dtb = 0x47f00238ULL;
	f->layout.dtb_size = 0x180000ULL;
	build(f);
	assert_int_equal(f->hw_ft.n, 5);
	assert_all_probes_pass(f, NPROBES_VIRT, NMAPPED_VIRT);
	/* A load not 2 MiB aligned, across a 2 MiB boundary: two identity
	 * blocks, the image's pages at the link address. */
	unbuild(f);
	f->layout = virt;
	f->layout.phys_text = 0x40300000ULL - 0x1000;
	f->layout.image_size = 0x1ff000ULL;
	build(f);
	assert_all_probes_pass(f, NPROBES_VIRT, NMAPPED_VIRT);
	/* The image's GiB at KIMAGE_VADDR's level-1 index: one level-2 table
	 * for both (the third early page left empty). */
	unbuild(f);
	f->layout = virt;
	f->layout.phys_text = 0x4000400000ULL;
	f->layout.phys_memstart = 0x4000000000ULL;
	set_linear(&f->layout, 0, 0x4000000000ULL, VIRT_RAM_SIZE);
	f->layout.phys_dtb = 0x4000000000ULL;
	build(f);
	assert_int_equal(fake_table(&f->hw_ft, f->ttbr1_pa)[256], FAKE_TABLE_PA(1) | 3);
	for (int i = 0; i < 512; i++)
		assert_int_equal(fake_table(&f->hw_ft, FAKE_TABLE_PA(2))[i], 0);
	assert_all_probes_pass(f, NPROBES_VIRT, NMAPPED_VIRT);
	/* No console (phys_uart 0): no window, no uart probe. */
	unbuild(f);
	f->layout = virt;
	f->layout.phys_uart = 0;
	build(f);
	assert_int_equal(f->hw_ft.n, 4);          /* 3 early pages + the DTB's */
	assert_int_equal(*fake_entry(&f->hw_ft, f->ttbr1_pa, VA_UART, 2), 0);
	for (int i = 0; i < f->nprobes; i++)
		assert_string_not_equal(f->probes[i].name, "uart");
	assert_all_probes_pass(f, NPROBES_VIRT - 1, NMAPPED_VIRT - 1);
	/* Two linear ranges, a hole between (the early map has no linear map:
	 * "linear 2nd range" and "linear hole" fault like the other linear
	 * probes), phys_memstart 2 MiB below the first. */
	unbuild(f);
	f->layout = virt;
	set_linear(&f->layout, 0, VIRT_RAM_BASE + 0x200000ULL, 0x3e00000ULL);
	set_linear(&f->layout, 1, VIRT_RAM_BASE + 0x5000000ULL, 0x3000000ULL);
	f->layout.nr_linear = 2;
	f->layout.phys_dtb = VIRT_RAM_BASE + 0x7f00000ULL;
	build(f);
	assert_all_probes_pass(f, NPROBES_VIRT + 2, NMAPPED_VIRT);
	/* The boot memory taken: the pool window too (RW, never executable). */
	unbuild(f);
	f->layout = virt;
	take_boot_memory(&f->layout);
	build(f);
	assert_int_equal(f->hw_ft.n, 6);          /* 3 + console + DTB + pool */
	assert_all_probes_pass(f, NPROBES_BOOTED, NMAPPED_BOOTED);
	/* ... and with no console and no DTB. */
	unbuild(f);
	f->layout = virt;
	take_boot_memory(&f->layout);
	f->layout.phys_uart = 0;
	f->layout.phys_dtb = 0;
	f->layout.dtb_size = 0;
	build(f);
	assert_int_equal(f->hw_ft.n, 4);          /* 3 + pool */
	assert_all_probes_pass(f, NPROBES_BOOTED - 3, NMAPPED_BOOTED - 3);
}

/* The pool window in the early map: where the final map's tables are
 * written, so read-write, never executable, at POOL_VADDR + the pool's
 * offset in its 2 MiB block; its first and last pages, nothing around. */
static void test_pool_window(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	unbuild(f);
	take_boot_memory(&f->layout);
	build(f);
	assert_int_equal(maps_virt_pool(&f->layout), VA_POOL);
	r = check_va(f, VA_POOL);
	assert_passes(&r);
	assert_string_equal(r.exp.region, "tables");
	assert_int_equal(r.exp.pa, VIRT_POOL_PA);
	assert_false(r.exp.attrs.rdonly);
	assert_true(r.exp.attrs.pxn && r.exp.attrs.uxn);
	assert_true(r.hw_write.ok);
	assert_int_equal(r.hw_read.mair_attr, 0xff);
	assert_int_equal(r.sw.nsteps, 3);
	r = check_va(f, VA_POOL + FAKE_POOL_SIZE - 8);
	assert_passes(&r);
	assert_int_equal(r.hw_read.pa, VIRT_POOL_PA + FAKE_POOL_SIZE - 8);
	r = check_va(f, VA_POOL + FAKE_POOL_SIZE);
	assert_passes(&r);
	assert_false(r.exp.mapped);
	r = check_va(f, VA_POOL - 1);
	assert_passes(&r);
	assert_false(r.exp.mapped);
	/* Through TTBR0 as well (the shared root). */
	r = check_va(f, VA_POOL & 0x7fffffffffULL);
	assert_passes(&r);
	assert_string_equal(r.exp.region, "tables");
	/* Executable in the tables: the software walk says so. */
	*fake_entry(&f->sw_ft, f->ttbr1_pa, VA_POOL, 3) &= ~(1ULL << 53);   /* PXN */
	r = check_va(f, VA_POOL);
	assert_fails(&r, "sw: attrs RW x  SHD AF UXN MEM/NORMAL, "
			 "expected RW NX SHD AF UXN MEM/NORMAL");
	/* Read-only in the hardware's: its AT S1E1W faults. */
	*fake_entry(&f->hw_ft, f->ttbr1_pa, VA_POOL + 0x1000, 3) |= 1ULL << 7;  /* AP[2] */
	r = check_va(f, VA_POOL + 0x1000);
	assert_fails(&r, "hw: AT S1E1W fault, expected ok");
	/* A pool page the map leaves out. */
	*fake_entry(&f->sw_ft, f->ttbr1_pa, VA_POOL + 0x3f000, 3) = 0;
	r = check_va(f, VA_POOL + 0x3f000);
	assert_fails(&r, "sw: no translation (status 2, level 3)");
}

static void test_shared_root(void **state)
{
	struct fixture *f = *state;
	struct probe_result hi, lo;

	assert_int_equal(f->ttbr0_pa, f->ttbr1_pa);
	assert_int_equal(f->ttbr1_pa, FAKE_TABLE_PA(0));
	/* The image at its link address and through TTBR0: one level-2 table,
	 * one entry. */
	hi = check_va(f, VA_TEXT);
	lo = check_va(f, VA_KIMAGE_LOW);
	assert_passes(&hi);
	assert_passes(&lo);
	assert_string_equal(lo.exp.region, "kimage");
	assert_int_equal(lo.exp.pa, 0x40200000ULL);
	assert_int_equal(lo.sw.nsteps, 2);
	assert_int_equal(lo.sw.step[0].index, 256);
	assert_int_equal(lo.sw.step[1].table_pa, hi.sw.step[1].table_pa);
	assert_int_equal(lo.sw.step[1].desc, hi.sw.step[1].desc);
	/* The identity map through TTBR1. */
	hi = check_va(f, VA_IDMAP_HIGH + 0x40);
	lo = check_va(f, 0x40200040ULL);
	assert_passes(&hi);
	assert_passes(&lo);
	assert_string_equal(hi.exp.region, "idmap");
	assert_int_equal(hi.hw_read.pa, 0x40200040ULL);
	assert_int_equal(hi.sw.step[1].table_pa, lo.sw.step[1].table_pa);
	/* The windows through TTBR0. */
	lo = check_va(f, VA_UART & 0x7fffffffffULL);
	assert_passes(&lo);
	assert_string_equal(lo.exp.region, "uart");
	assert_int_equal(lo.sw.nsteps, 3);
	lo = check_va(f, VA_DTB_LAST & 0x7fffffffffULL);
	assert_passes(&lo);
	assert_string_equal(lo.exp.region, "dtb");
	assert_int_equal(lo.hw_read.pa, 0x400ff000ULL);
}

static void test_device_sh_outer_passes(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	f->hw.sh_outer_for_device = true;
	r = check_va(f, VA_UART);
	assert_passes(&r);
	assert_int_equal(r.hw_read.sh, 2);
	assert_string_equal(r.exp.region, "uart");
	assert_int_equal(r.exp.pa, 0x09000000ULL);
}

static void test_results_recorded(void **state)
{
	struct fixture *f = *state;
	struct probe_result r = check_va(f, VA_TEXT + 0x123);

	assert_passes(&r);
	assert_true(r.exp.mapped);
	assert_string_equal(r.exp.region, "kimage");
	assert_int_equal(r.exp.pa, 0x40200123ULL);
	assert_true(r.hw_read.ok);
	assert_true(r.hw_write.ok);
	assert_int_equal(r.hw_read.pa, 0x40200123ULL);
	assert_int_equal(r.hw_read.mair_attr, 0xff);
	assert_int_equal(r.hw_read.sh, 3);
	assert_int_equal(r.sw.status, WALK_MAPPED);
	assert_int_equal(r.sw.pa, 0x40200123ULL);
	assert_int_equal(r.sw.nsteps, 2);
}

static void test_dtb_read_only(void **state)
{
	struct fixture *f = *state;
	struct probe_result r = check_va(f, VA_DTB_LAST + 0x10);

	assert_passes(&r);
	assert_string_equal(r.exp.region, "dtb");
	assert_int_equal(r.exp.pa, 0x400ff010ULL);
	assert_true(r.exp.attrs.rdonly);
	assert_true(r.hw_read.ok);
	assert_false(r.hw_write.ok);             /* AT S1E1W: permission fault */
	assert_int_equal(r.hw_write.fst, 0x0f);
	assert_int_equal(r.sw.nsteps, 3);
	/* Writable in the tables: the hardware's AT S1E1W says so. */
	*fake_entry(&f->hw_ft, f->ttbr1_pa, VA_DTB_LAST, 3) &= ~(1ULL << 7);
	r = check_va(f, VA_DTB_LAST);
	assert_fails(&r, "hw: AT S1E1W ok, expected fault");
}

static void test_hw_wrong_pa(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	f->hw.mode = HW_PA_OFFSET;
	f->hw.bad_va = VA_TEXT;
	f->hw.value = 0x200000;
	r = check_va(f, VA_TEXT);
	assert_fails(&r, "hw: pa 0x40400000, expected 0x40200000");
	/* Only that VA misbehaves. */
	r = check_va(f, VA_TEXT + 0x1000);
	assert_passes(&r);
}

static void test_hw_read_fault_on_mapped(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	f->hw.mode = HW_READ_FAULT;
	f->hw.bad_va = VA_DTB_LAST;
	f->hw.value = 0x07;
	r = check_va(f, VA_DTB_LAST);
	assert_fails(&r, "hw: AT S1E1R faulted (FST 0x07), expected pa 0x400ff000");
}

static void test_hw_wrong_attr(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	f->hw.mode = HW_ATTR;
	f->hw.bad_va = VA_TEXT;
	f->hw.value = 0x44;
	r = check_va(f, VA_TEXT);
	assert_fails(&r, "hw: attr 0x44, expected 0xff");
	f->hw.bad_va = VA_UART;
	f->hw.value = 0x04;
	r = check_va(f, VA_UART);
	assert_fails(&r, "hw: attr 0x04, expected 0x00");
}

static void test_hw_wrong_sh(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	f->hw.mode = HW_SH;
	f->hw.bad_va = VA_TEXT;
	f->hw.value = 0;
	r = check_va(f, VA_TEXT);
	assert_fails(&r, "hw: SH 0, expected 3");
	f->hw.value = 2;          /* outer is not acceptable for Normal WB */
	r = check_va(f, VA_TEXT);
	assert_fails(&r, "hw: SH 2, expected 3");
	f->hw.bad_va = VA_UART;
	f->hw.value = 3;
	r = check_va(f, VA_UART);
	assert_fails(&r, "hw: SH 3, expected 0");
}

static void test_hw_write_faults_on_rw(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	f->hw.mode = HW_WRITE_FAULT;
	f->hw.bad_va = VA_TEXT;
	r = check_va(f, VA_TEXT);
	assert_fails(&r, "hw: AT S1E1W fault, expected ok");
	assert_true(r.hw_read.ok);
	assert_false(r.hw_write.ok);
}

static void test_sw_wrong_pa(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	/* What stub.test=corrupt-desc does on the target: a leaf moved by its
	 * own size, in the tables the software walk reads; the "hardware"
	 * still says right. A page: */
	*fake_entry(&f->sw_ft, f->ttbr1_pa, VA_DTB_LAST, 3) += 0x1000;
	r = check_va(f, VA_DTB_LAST);
	assert_true(r.hw_read.ok);
	assert_int_equal(r.hw_read.pa, 0x400ff000ULL);
	assert_fails(&r, "sw: pa 0x40100000, expected 0x400ff000");
	/* A 2 MiB block: */
	*fake_entry(&f->sw_ft, f->ttbr1_pa, VA_TEXT, 2) += 0x200000;
	r = check_va(f, VA_TEXT + 0x10);
	assert_fails(&r, "sw: pa 0x40400010, expected 0x40200010");
}

static void test_sw_invalid_desc(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	*fake_entry(&f->sw_ft, f->ttbr1_pa, VA_TEXT, 2) = 0;
	r = check_va(f, VA_TEXT);
	assert_fails(&r, "sw: no translation (status 2, level 2)");
	*fake_entry(&f->sw_ft, f->ttbr1_pa, VA_UART, 3) = 0;
	r = check_va(f, VA_UART);
	assert_fails(&r, "sw: no translation (status 2, level 3)");
	*fake_entry(&f->sw_ft, f->ttbr1_pa, VA_UART, 1) = 0;
	r = check_va(f, VA_UART);
	assert_fails(&r, "sw: no translation (status 2, level 1)");
}

static void test_sw_unreadable(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	*fake_entry(&f->sw_ft, f->ttbr1_pa, VA_TEXT, 1) = FAKE_UNKNOWN_PA | 3;
	r = check_va(f, VA_TEXT);
	assert_fails(&r, "sw: no translation (status 3, level 2)");
}

static void test_sw_wrong_attrs(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	*fake_entry(&f->sw_ft, f->ttbr1_pa, VA_TEXT, 2) |= 1ULL << 53;   /* PXN */
	r = check_va(f, VA_TEXT);
	assert_fails(&r, "sw: attrs RW NX SHD AF MEM/NORMAL, expected RW x  SHD AF MEM/NORMAL");
	*fake_entry(&f->sw_ft, f->ttbr1_pa, VA_DTB_LAST, 3) &= ~(1ULL << 7);  /* AP[2] */
	r = check_va(f, VA_DTB_LAST);
	assert_fails(&r, "sw: attrs RW NX SHD AF UXN MEM/NORMAL, "
			 "expected ro NX SHD AF UXN MEM/NORMAL");
}

static void test_unmapped_but_hw_translates(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	fake_map(&f->hw_ft, f->ttbr1_pa, VA_LINEAR, 0x40000000ULL, 2, &fake_linear_attrs);
	r = check_va(f, VA_LINEAR);
	assert_false(r.exp.mapped);
	assert_string_equal(r.exp.region, "unmapped");
	assert_int_equal(r.sw.status, WALK_INVALID_DESC);
	assert_fails(&r, "hw: translates to pa 0x40000000, expected a fault");
}

static void test_unmapped_hw_wrong_fault(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	f->hw.mode = HW_READ_FAULT;
	f->hw.bad_va = VA_AFTER_KIMAGE;
	f->hw.value = 0x0b;       /* access flag fault, level 3 */
	r = check_va(f, VA_AFTER_KIMAGE);
	assert_fails(&r, "hw: FST 0x0b, expected a translation fault");
	f->hw.value = 0x21;       /* alignment: not level-specific */
	r = check_va(f, VA_AFTER_KIMAGE);
	assert_fails(&r, "hw: FST 0x21, expected a translation fault");
	f->hw.value = 0x07;       /* translation fault, level 3: fine */
	r = check_va(f, VA_AFTER_KIMAGE);
	assert_passes(&r);
}

static void test_unmapped_but_sw_translates(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	fake_map(&f->sw_ft, f->ttbr1_pa, VA_AFTER_KIMAGE, 0x40400000ULL, 2, &fake_image_attrs);
	r = check_va(f, VA_AFTER_KIMAGE);
	assert_false(r.hw_read.ok);
	assert_fails(&r, "sw: translates to pa 0x40400000, expected none");
	/* A second page in the console's table: only the UART's page is mapped. */
	fake_map(&f->sw_ft, f->ttbr1_pa, VA_UART + 0x1000, 0x09001000ULL, 3, &fake_device_attrs);
	r = check_va(f, VA_UART + 0x1000);
	assert_fails(&r, "sw: translates to pa 0x9001000, expected none");
}

static void test_unmapped_sw_unreadable(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	*fake_entry(&f->sw_ft, f->ttbr1_pa, VA_LINEAR, 1) = FAKE_UNKNOWN_PA | 3;
	r = check_va(f, VA_LINEAR);
	assert_fails(&r, "sw: table at level 2 unreadable");
}

static void test_non_canonical_passes(void **state)
{
	struct fixture *f = *state;
	struct probe_result r = check_va(f, 0x0000800000000000ULL);

	assert_passes(&r);
	assert_false(r.exp.mapped);
	assert_false(r.hw_read.ok);
	assert_int_equal(r.hw_read.fst, 0x04);
	assert_int_equal(r.sw.status, WALK_NOT_CANONICAL);
	/* Bits [38:0] of the image, upper bits not canonical: no alias. */
	r = check_va(f, 0x8040200000ULL);
	assert_passes(&r);
	assert_false(r.exp.mapped);
	assert_int_equal(r.sw.status, WALK_NOT_CANONICAL);
}

/* The phase picks the map the expectations come from: the same early
 * tables pass as the early map and fail as the final one. */
static void test_phase_final(void **state)
{
	struct fixture *f = *state;
	struct probe_result r;

	f->env.phase = MAP_FINAL;
	r = check_va(f, VA_LINEAR);
	assert_true(r.exp.mapped);
	assert_string_equal(r.exp.region, "linear");
	assert_fails(&r, "hw: AT S1E1R faulted (FST 0x05), expected pa 0x40000000");
	r = check_va(f, 0x40200040ULL);           /* the identity map: gone */
	assert_false(r.exp.mapped);
	assert_fails(&r, "hw: translates to pa 0x40200040, expected a fault");
	r = check_va(f, VA_KIMAGE_LOW);           /* the alias: gone */
	assert_false(r.exp.mapped);
	assert_fails(&r, "hw: translates to pa 0x40200000, expected a fault");
	r = check_va(f, VA_UART);                 /* same VA, same page in both */
	assert_passes(&r);
	assert_string_equal(r.exp.region, "uart");
	r = check_va(f, VA_DTB_LAST);
	assert_passes(&r);
	assert_string_equal(r.exp.region, "dtb");
	/* The pool: the same VA and pages in both maps; the secondaries'
	 * stacks: the final map's only, so these early tables fail there. */
	unbuild(f);
	take_boot_memory(&f->layout);
	build(f);
	f->env.phase = MAP_FINAL;
	r = check_va(f, VA_POOL + 0x2000);
	assert_passes(&r);
	assert_string_equal(r.exp.region, "tables");
	assert_int_equal(r.exp.pa, VIRT_POOL_PA + 0x2000);
	r = check_va(f, VA_CPU1_STACK);
	assert_string_equal(r.exp.region, "stack");
	assert_int_equal(r.exp.pa, VIRT_STACKS_PA);
	assert_fails(&r, "hw: AT S1E1R faulted (FST 0x05), expected pa 0x47f00000");
	r = check_va(f, VA_CPU1_STACK - 0x1000);  /* its guard page */
	assert_passes(&r);
	assert_false(r.exp.mapped);
}

/* ---- check_run / check_all -------------------------------------------------- */

static void test_check_all_consistent(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(check_all(&f->env, f->probes, f->nprobes), 0);
	assert_int_equal(nlines, 2 * NPROBES_VIRT + 1);
	assert_string_equal(lines[nlines - 1], "mmu: 30 passed, 0 failed");
	/* probes[0] is "header page"; the kimage level-2 table is page 2 of
	 * the pool, under the shared root (page 0). */
	assert_string_equal(lines[0],
			    "[ ok ] header page      va 0xffffffc000000000 -> pa 0x0040200000 "
			    "kimage   RW x  SHD AF MEM/NORMAL");
	assert_string_equal(lines[1],
			    "       hw: pa 0x0040200000 attr 0xff SH 3 W ok | "
			    "sw: L1[256]=0x0000000800004003 L2[0]=0x0000000040200711");
	for (int i = 0; i < nlines - 1; i += 2) {
		assert_memory_equal(lines[i], "[ ok ] ", 7);
		assert_memory_equal(lines[i + 1], "       hw: ", 11);
	}
}

static void test_check_all_quiet_when_consistent(void **state)
{
	struct fixture *f = *state;

	f->env.verbose = false;
	assert_int_equal(check_all(&f->env, f->probes, f->nprobes), 0);
	assert_int_equal(nlines, 1);          /* the summary only */
	assert_string_equal(lines[0], "mmu: 30 passed, 0 failed");
	assert_int_equal(f->hw.reads, NPROBES_VIRT);   /* every probe still checked */
}

static void test_check_all_lines_for_faults(void **state)
{
	struct fixture *f = *state;
	const struct probe p[3] = {
		{ .name = "linear first", .va = VA_LINEAR },
		{ .name = "after kimage", .va = VA_AFTER_KIMAGE },
		{ .name = "non-canonical", .va = 0x0000800000000000ULL },
	};

	assert_int_equal(check_all(&f->env, p, 3), 0);
	assert_int_equal(nlines, 7);
	assert_string_equal(lines[0], "[ ok ] linear first     va 0xffffff8000000000 -> (must fault)");
	/* The shared root's entry 0 is empty: no linear map in the early map. */
	assert_string_equal(lines[1],
			    "       hw: fault FST 0x05 (translation fault, L1) | "
			    "sw: L1[0]=0x0000000000000000 (invalid)");
	assert_string_equal(lines[2], "[ ok ] after kimage     va 0xffffffc000200000 -> (must fault)");
	assert_string_equal(lines[3],
			    "       hw: fault FST 0x06 (translation fault, L2) | "
			    "sw: L1[256]=0x0000000800004003 L2[1]=0x0000000000000000 (invalid)");
	assert_string_equal(lines[4], "[ ok ] non-canonical    va 0x0000800000000000 -> (must fault)");
	assert_string_equal(lines[5],
			    "       hw: fault FST 0x04 (translation fault, L0) | sw: not canonical");
	assert_string_equal(lines[6], "mmu: 3 passed, 0 failed");
}

/* The DTB's last page moved by its size in the software walk's copy. */
static void corrupt_dtb_end(struct fixture *f)
{
	*fake_entry(&f->sw_ft, f->ttbr1_pa, VA_DTB_LAST, 3) += 0x1000;
}

static const char fail_line0[] =
	"[FAIL] dtb end          va 0xffffffc03f8fffff -> pa 0x00400fffff "
	"dtb      ro NX SHD AF UXN MEM/NORMAL";
/* The console's level-3 table is pool page 3, the DTB's page 4. */
static const char fail_line1[] =
	"       hw: pa 0x00400fffff attr 0xff SH 3 W fault | "
	"sw: L1[256]=0x0000000800004003 L2[508]=0x0000000800008003 "
	"L3[255]=0x0060000040100793";
static const char fail_line2[] = "       why: sw: pa 0x40100fff, expected 0x400fffff";

static void test_check_all_counts_failures(void **state)
{
	struct fixture *f = *state;
	int fail_line = -1;

	corrupt_dtb_end(f);
	assert_int_equal(check_all(&f->env, f->probes, f->nprobes), 1);
	assert_int_equal(nlines, 2 * NPROBES_VIRT + 1 + 1);
	assert_string_equal(lines[nlines - 1], "mmu: 29 passed, 1 failed");
	for (int i = 0; i < nlines; i++)
		if (!strncmp(lines[i], "[FAIL]", 6))
			fail_line = fail_line < 0 ? i : -2;
	assert_true(fail_line >= 0);
	assert_string_equal(lines[fail_line], fail_line0);
	assert_string_equal(lines[fail_line + 1], fail_line1);
	assert_string_equal(lines[fail_line + 2], fail_line2);

	/* A second, hardware-side failure: two failed, and the return says so. */
	nlines = 0;
	f->hw.mode = HW_PA_OFFSET;
	f->hw.bad_va = VA_UART;
	f->hw.value = 0x1000;
	assert_int_equal(check_all(&f->env, f->probes, f->nprobes), 2);
	assert_int_equal(nlines, 2 * NPROBES_VIRT + 2 + 1);
	assert_string_equal(lines[nlines - 1], "mmu: 28 passed, 2 failed");
}

/* Not verbose: only the failures, each in full (all three lines). */
static void test_check_all_quiet_prints_failures(void **state)
{
	struct fixture *f = *state;

	f->env.verbose = false;
	corrupt_dtb_end(f);
	assert_int_equal(check_all(&f->env, f->probes, f->nprobes), 1);
	assert_int_equal(nlines, 3 + 1);
	assert_string_equal(lines[0], fail_line0);
	assert_string_equal(lines[1], fail_line1);
	assert_string_equal(lines[2], fail_line2);
	assert_string_equal(lines[3], "mmu: 29 passed, 1 failed");

	nlines = 0;
	f->hw.mode = HW_PA_OFFSET;
	f->hw.bad_va = VA_UART;
	f->hw.value = 0x1000;
	assert_int_equal(check_all(&f->env, f->probes, f->nprobes), 2);
	assert_int_equal(nlines, 2 * 3 + 1);
	/* In probe order: "uart" comes before "dtb end". */
	assert_string_equal(lines[0],
			    "[FAIL] uart             va 0xffffffc03fe00000 -> pa 0x0009000000 "
			    "uart     RW NX NSH AF UXN DEVICE/nGnRnE");
	assert_memory_equal(lines[1], "       hw: pa 0x0009001000 attr 0x00 SH 0 W ok | sw: ", 52);
	assert_string_equal(lines[2], "       why: hw: pa 0x9001000, expected 0x9000000");
	assert_string_equal(lines[3], fail_line0);
	assert_string_equal(lines[4], fail_line1);
	assert_string_equal(lines[5], fail_line2);
	assert_string_equal(lines[6], "mmu: 28 passed, 2 failed");
}

/* check_run adds to the tally it is given and prints no summary. */
static void test_check_run_tally(void **state)
{
	struct fixture *f = *state;
	struct check_tally t = { 5, 1 };

	f->env.verbose = false;
	corrupt_dtb_end(f);
	check_run(&f->env, f->probes, f->nprobes, &t);
	assert_int_equal(t.passed, 5 + NPROBES_VIRT - 1);
	assert_int_equal(t.failed, 1 + 1);
	assert_int_equal(nlines, 3);
	assert_string_equal(lines[0], fail_line0);
	nlines = 0;
	f->env.verbose = true;
	check_run(&f->env, f->probes, f->nprobes, &t);
	assert_int_equal(t.passed, 5 + 2 * (NPROBES_VIRT - 1));
	assert_int_equal(t.failed, 3);
	assert_int_equal(nlines, 2 * NPROBES_VIRT + 1);
	check_print_summary(&f->env, &t);
	assert_string_equal(lines[nlines - 1], "mmu: 63 passed, 3 failed");
}

static void test_check_all_empty(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(check_all(&f->env, f->probes, 0), 0);
	assert_int_equal(nlines, 1);
	assert_string_equal(lines[0], "mmu: 0 passed, 0 failed");
	nlines = 0;
	f->env.verbose = false;
	assert_int_equal(check_all(&f->env, f->probes, 0), 0);
	assert_int_equal(nlines, 1);
	assert_string_equal(lines[0], "mmu: 0 passed, 0 failed");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sh_acceptable),
		T(test_all_probes_pass_when_consistent),
		T(test_all_probes_pass_other_layouts),
		T(test_pool_window),
		T(test_shared_root),
		T(test_device_sh_outer_passes),
		T(test_results_recorded),
		T(test_dtb_read_only),
		T(test_hw_wrong_pa),
		T(test_hw_read_fault_on_mapped),
		T(test_hw_wrong_attr),
		T(test_hw_wrong_sh),
		T(test_hw_write_faults_on_rw),
		T(test_sw_wrong_pa),
		T(test_sw_invalid_desc),
		T(test_sw_unreadable),
		T(test_sw_wrong_attrs),
		T(test_unmapped_but_hw_translates),
		T(test_unmapped_hw_wrong_fault),
		T(test_unmapped_but_sw_translates),
		T(test_unmapped_sw_unreadable),
		T(test_non_canonical_passes),
		T(test_phase_final),
		T(test_check_all_consistent),
		T(test_check_all_quiet_when_consistent),
		T(test_check_all_lines_for_faults),
		T(test_check_all_counts_failures),
		T(test_check_all_quiet_prints_failures),
		T(test_check_run_tally),
		T(test_check_all_empty),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
