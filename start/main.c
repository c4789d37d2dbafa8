/*
 * main.c - the boot CPU's work once it runs at its link address, MMU and
 * caches on.
 *
 * Owns: kernel_main(), the sequence after head.S: the early map's windows
 * (console, DTB: each mapped with the runtime API wherever it lies), what
 * the boot takes from the DTB (read once by lib/machine.c: RAM, PSCI, boot
 * arguments, CPUs), the report, the checks of the
 * early map, the final map (built, switched to, finalized) and its checks,
 * the other CPUs, the test build's hooks, and the exit. Every fact it
 * prints comes from the layout it learns here once, link symbols or
 * registers.
 */
#include <libfdt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "bench.h"
#include "board.h"
#include "bootargs.h"
#include "check.h"
#include "console.h"
#include "dump.h"
#include "exit.h"
#include "hooks.h"
#include "hw.h"
#include "kernel_map.h"
#include "machine.h"
#include "memmap.h"
#include "memory.h"
#include "regs.h"
#include "sections.h"
#include "smp.h"
#include "sysreg.h"

#ifndef BOARD_RAM_BASE_PA
#error "BOARD_RAM_BASE_PA comes from board/<name>/board.mk through the Makefile"
#endif

void libc_init(void);
__attribute__((noreturn)) void kernel_main(uint64_t x0, unsigned entry_el, uint64_t phys_text,
					    uint64_t insns_to_mmu_on);

enum dtb_source { DTB_NONE, DTB_FROM_X0, DTB_FROM_RAM_START };
#define NO_FDT_MAGIC "no FDT magic (0xd00dfeed)"

/* What this boot learned, once; the layout is what the maps are made of. */
static struct boot_layout layout;
static struct {
	unsigned entry_el;
	uint64_t x0;
	uint64_t mmfr0;
	enum dtb_source dtb_source;
	bool ram_from_dtb;
	uint64_t phys_ram_bank, ram_bank_size;   /* the bank as found */
	bool linear_clamped;
	bool report_full;
} boot;
static struct xlat_ctx early_xlat, final_xlat;
static struct machine machine;          /* what the DTB says (about 10 KiB) */
static const struct device_range board_devices[] = { BOARD_DEVICE_RANGES };
_Static_assert(sizeof(board_devices) / sizeof(board_devices[0]) <= MAX_DEVICE_RANGES,
	       "board.h: too many device ranges");

__attribute__((format(printf, 2, 3), noreturn))
static void fatal(int status, const char *fmt, ...)
{
	va_list ap;

	printf("stub: FATAL: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	stub_exit(status);
}

static void print_line(const char *line)
{
	printf("%s\n", line);
}

static void print_range(const struct pt_range *r, void *cookie)
{
	char line[160];

	(void)cookie;
	printf("  %s\n", pt_range_format(r, line, sizeof(line)));
}

/* The console UART's page at CONSOLE_VADDR, in the early map (and, at the
 * same VA, in the final map), then console and libc on it. */
static void console_up(void)
{
	if (kernel_map_early_window(&early_xlat, &layout, REGION_CONSOLE)) {
		/* No console to say it on: semihosting, if any, then the status. */
		semihost_call(SEMIHOSTING_SYS_WRITE0, (uintptr_t)"stub: FATAL: the console's page "
			      "cannot be mapped at CONSOLE_VADDR (the image's own early mapping is "
			      "there?)\n");
		stub_exit(EXIT_FINAL_MAP);
	}
	console_init(memmap_virt_uart(&layout));
}

/*
 * The DTB at pa, mapped at FDT_VADDR in the early map (first the pages of
 * its header, then, its totalsize known, all of it), then read once by
 * lib/machine.c, which checks it whole (libfdt) before it reads anything.
 * NULL, with *why, when there is none usable there; the window is then
 * left empty again and the layout says no DTB.
 */
static const struct machine *map_dtb(uint64_t pa, const char **why)
{
	const void *fdt;
	uint64_t size;
	int rc;

	if (pa & 7) {
		*why = "not 8-byte aligned (booting.rst)";
		return NULL;
	}
	layout.phys_dtb = pa;
	layout.dtb_size = sizeof(struct fdt_header);
	fdt = (const void *)(uintptr_t)memmap_virt_fdt(&layout);
	rc = kernel_map_early_window(&early_xlat, &layout, REGION_FDT);
	if (rc) {
		*why = xlat_strerror(rc);
		goto none;
	}
	size = fdt_magic(fdt) == FDT_MAGIC ? fdt_totalsize(fdt) : 0;
	(void)kernel_map_early_window_unmap(&early_xlat, &layout, REGION_FDT);
	if (!size || size < sizeof(struct fdt_header) || size > MAX_FDT_SIZE) {
		*why = size ? "totalsize above 2 MiB (MAX_FDT_SIZE) or below its header"
			    : NO_FDT_MAGIC;
		goto none;
	}
	layout.dtb_size = size;
	rc = kernel_map_early_window(&early_xlat, &layout, REGION_FDT);
	if (rc) {
		*why = xlat_strerror(rc);
		goto none;
	}
	if (machine_read(fdt, size, &machine) != MACHINE_OK && machine.valid.err != MACHINE_OK) {
		*why = machine_strerror(machine.valid.err);
		(void)kernel_map_early_window_unmap(&early_xlat, &layout, REGION_FDT);
		goto none;
	}
	return &machine;
none:
	layout.phys_dtb = 0;
	layout.dtb_size = 0;
	return NULL;
}

/* x0 when the loader passed one (booti, QEMU -kernel Image): a DTB there
 * must be good, never replaced by another. Memory at x0 without the FDT
 * magic means no DTB was passed (QEMU's -kernel without a DTB leaves x0 =
 * 0x100 on boards that have none): the board's defaults, announced.
 * Without x0 (an ELF), the one QEMU puts at the start of RAM, if any. */
static const struct machine *find_dtb(uint64_t x0)
{
	const char *why = "";
	const struct machine *m;

	if (x0) {
		m = map_dtb(x0, &why);
		if (!m && !strcmp(why, NO_FDT_MAGIC)) {
			printf("stub: x0 = 0x%llx holds no DTB (%s): the board's defaults\n",
			       (unsigned long long)x0, why);
			boot.dtb_source = DTB_NONE;
			return NULL;
		}
		if (!m)
			fatal(EXIT_BAD_DTB, "the DTB at x0 = 0x%llx is unusable: %s",
			      (unsigned long long)x0, why);
		boot.dtb_source = DTB_FROM_X0;
		return m;
	}
	m = map_dtb(BOARD_RAM_BASE_PA, &why);
	boot.dtb_source = m ? DTB_FROM_RAM_START : DTB_NONE;
	return m;
}

/* One part of the DTB that lib/machine.c could not read in full, named. */
static void print_problem(const char *part, const struct machine_problem *pb)
{
	if (pb->err == MACHINE_OK)
		return;
	printf("dtb: %s: %s (node %s, property %s, value 0x%llx)\n", part,
	       machine_strerror(pb->err), pb->node ? pb->node : "-", pb->prop ? pb->prop : "-",
	       (unsigned long long)pb->value);
}

/* The parts of what the DTB says that the boot uses: its memory must be
 * readable; the other parts' problems are named and what could be read is
 * used. */
static void check_machine(const struct machine *m)
{
	if (m->memory.problem.err != MACHINE_OK && m->memory.problem.err != MACHINE_ERR_NO_MEMORY) {
		print_problem("memory", &m->memory.problem);
		fatal(EXIT_BAD_DTB, "the DTB's /memory cannot be read");
	}
	print_problem("cpus", &m->cpus.problem);
	print_problem("psci", &m->psci.problem);
	print_problem("chosen", &m->chosen.problem);
}

/* RAM: the DTB's bank holding the image, or the board's default; the
 * linear map covers its whole 2 MiB blocks, up to LINEAR_MAP_MAX_SIZE. */
static void learn_ram(const struct machine *m)
{
	uint64_t image_end = layout.phys_text + layout.image_size;
	uint64_t base, end;

	boot.phys_ram_bank = BOARD_RAM_BASE_PA;
	boot.ram_bank_size = BOARD_RAM_SIZE_DEFAULT;
	if (m) {
		const struct machine_bank *bank = machine_bank_holding(m, layout.phys_text);

		if (!bank)
			fatal(EXIT_BAD_LOAD, "DTB: no /memory bank holds the image (%d banks)",
			      m->memory.n_banks);
		boot.phys_ram_bank = bank->phys_base;
		boot.ram_bank_size = bank->size;
		boot.ram_from_dtb = true;
	}
	if (layout.phys_text < boot.phys_ram_bank ||
	    image_end > boot.phys_ram_bank + boot.ram_bank_size)
		fatal(EXIT_BAD_LOAD, "the image is not inside RAM; load pa 0x%llx",
		      (unsigned long long)layout.phys_text);
	base = (boot.phys_ram_bank + SWAPPER_BLOCK_SIZE - 1) & ~(uint64_t)(SWAPPER_BLOCK_SIZE - 1);
	end = (boot.phys_ram_bank + boot.ram_bank_size) & ~(uint64_t)(SWAPPER_BLOCK_SIZE - 1);
	if (end - base > LINEAR_MAP_MAX_SIZE) {
		end = base + LINEAR_MAP_MAX_SIZE;
		boot.linear_clamped = true;
	}
	if (image_end > end)
		fatal(EXIT_BAD_LOAD, "the image lies beyond the linear map (LINEAR_MAP_MAX_SIZE); "
		      "load pa 0x%llx", (unsigned long long)layout.phys_text);
	if (end > 1ULL << mmfr0_pa_bits(boot.mmfr0))
		fatal(EXIT_BAD_LOAD, "RAM ends above the CPU's physical address size; RAM end 0x%llx",
		      (unsigned long long)end);
	layout.phys_ram_base = base;
	layout.linear_size = end - base;
}

static void say_bootarg_problem(const char *line, void *cookie)
{
	(void)cookie;
	printf("%s\n", line);
}

/* Boot arguments this image obeys: stub.report=summary|full, and the test
 * build's (hooks.h). Any other stub.* word, or a malformed value, is named
 * (lib/bootargs.c); the rest are Linux's. */
static void read_bootargs(const char *args)
{
	static const char *const report_sizes[] = { "summary", "full", NULL };
	int report_size = boot.report_full;       /* the index in report_sizes */
	const struct bootarg_option product_options[] = {
		{ "stub.report", BOOTARG_CHOICE, report_sizes, &report_size },
		{ NULL, BOOTARG_FLAG_BOOL, NULL, NULL },
	};
	const struct bootarg_option *tables[4] = { product_options };
	unsigned ntables = hooks_bootarg_tables(tables, 1, sizeof(tables) / sizeof(tables[0]));

	(void)bootargs_parse(args, tables, ntables, say_bootarg_problem, NULL);
	boot.report_full = report_size == 1;
}

static void print_registers(const char *ttbr0_name, const char *ttbr1_name)
{
	char buf[320];

	printf("SCTLR_EL1 0x%016llx: %s\n", (unsigned long long)read_sysreg(sctlr_el1),
	       sctlr_format(read_sysreg(sctlr_el1), buf, sizeof(buf)));
	printf("TCR_EL1   0x%016llx: %s\n", (unsigned long long)read_sysreg(tcr_el1),
	       tcr_format(read_sysreg(tcr_el1), buf, sizeof(buf)));
	printf("MAIR_EL1  0x%016llx: %s\n", (unsigned long long)read_sysreg(mair_el1),
	       mair_format(read_sysreg(mair_el1), buf, sizeof(buf)));
	if (ttbr0_name)
		printf("TTBR0_EL1 0x%016llx (%s)\n", (unsigned long long)read_sysreg(ttbr0_el1),
		       ttbr0_name);
	printf("TTBR1_EL1 0x%016llx (%s)\n", (unsigned long long)read_sysreg(ttbr1_el1), ttbr1_name);
}

static void dump_tables(const struct walk_ctx *w, const char *which)
{
	for (int ttbr = 0; ttbr <= 1; ttbr++) {
		printf("TTBR%d %s map (va range, pa, size, level, attributes):\n", ttbr, which);
		if (ttbr == 0 && w->ttbr0_disabled)
			printf("  (none: TTBR0 walks disabled, TCR_EL1.EPD0 = 1)\n");
		else if (pt_dump(w, ttbr, print_range, NULL) < 0)
			printf("  (a table could not be read)\n");
	}
}

static void report_setup(uint64_t insns_to_mmu_on)
{
	static const char *const dtb_from[] = {
		[DTB_NONE] = "", [DTB_FROM_X0] = " (x0)", [DTB_FROM_RAM_START] = " (start of RAM)",
	};
	char size[16];

	printf("stub: board %s, entered at EL%u, now EL%u, MMU on at PMCCNTR_EL0 %llu\n",
	       BOARD_NAME, boot.entry_el, (unsigned)((read_sysreg(CurrentEL) >> 2) & 3),
	       (unsigned long long)insns_to_mmu_on);
	printf("image: load pa 0x%llx, link va 0x%llx, size %s, kimage_voffset 0x%llx\n",
	       (unsigned long long)layout.phys_text, (unsigned long long)layout.virt_text,
	       format_size(layout.image_size, size, sizeof(size)),
	       (unsigned long long)(layout.virt_text - layout.phys_text));
	if (boot.ram_from_dtb)
		printf("ram: bank pa 0x%llx size 0x%llx from the DTB at pa 0x%llx%s, %s\n",
		       (unsigned long long)boot.phys_ram_bank, (unsigned long long)boot.ram_bank_size,
		       (unsigned long long)layout.phys_dtb, dtb_from[boot.dtb_source],
		       format_size(layout.dtb_size, size, sizeof(size)));
	else
		printf("ram: bank pa 0x%llx size 0x%llx: board default (no DTB found)\n",
		       (unsigned long long)boot.phys_ram_bank, (unsigned long long)boot.ram_bank_size);
	printf("linear map: va 0x%llx -> pa 0x%llx, %s%s\n", (unsigned long long)PAGE_OFFSET,
	       (unsigned long long)layout.phys_ram_base,
	       format_size(layout.linear_size, size, sizeof(size)),
	       boot.linear_clamped ? " (clamped to LINEAR_MAP_MAX_SIZE)" : "");
	printf("uart: pa 0x%llx -> va 0x%llx; psci conduit: %s\n",
	       (unsigned long long)layout.phys_uart, (unsigned long long)memmap_virt_uart(&layout),
	       psci_conduit_name(exit_psci_conduit()));
	printf("early tables: pa 0x%llx, %u pages used, written with the MMU off (TTBR0 and TTBR1 "
	       "share the root); windows: %u pages\n",
	       (unsigned long long)memmap_image_phys(&layout, (uintptr_t)early_pgd),
	       (unsigned)EARLY_PG_PAGES, xlat_pages_used(&early_xlat));
	if (!boot.report_full)
		return;
	printf("ID_AA64MMFR0_EL1 0x%016llx: PARange %u bits, 4K granule %s\n",
	       (unsigned long long)boot.mmfr0, parange_bits(mmfr0_parange(boot.mmfr0)),
	       mmfr0_has_4k_granule(boot.mmfr0) ? "yes" : "no");
	print_registers("early_pgd", "early_pgd");
}

/* Build the final map, switch to it, finalize, report it. Exits on failure. */
static void install_final_map(const struct image_symbols *syms, struct walk_ctx *walk)
{
	int rc = kernel_map_build(&final_xlat, &layout, syms, mmfr0_pa_bits(boot.mmfr0));

	if (rc)
		fatal(EXIT_FINAL_MAP, "the final map could not be built: %s", xlat_strerror(rc));
	kernel_map_install(&final_xlat, &layout);
	mmu_finalize();
	bench_mark(BENCH_FINAL_LIVE);
	walk->ttbr0_disabled = true;
	walk->ttbr1_pa = read_sysreg(ttbr1_el1) & PTE_ADDR_MASK;
	printf("final map: built with the runtime API, %u of %u pool pages, %llu descriptors "
	       "written; now live, TTBR0 closed, WXN set\n",
	       xlat_pages_used(&final_xlat), (unsigned)(FINAL_POOL_PAGES - EARLY_WINDOW_POOL_PAGES),
	       (unsigned long long)xlat_get_stats(&final_xlat).descs_written);
	if (!boot.report_full)
		return;
	print_registers(NULL, "final_pg_dir");
	dump_tables(walk, "final");
}

void kernel_main(uint64_t x0, unsigned entry_el, uint64_t phys_text, uint64_t insns_to_mmu_on)
{
	struct image_symbols syms;
	struct walk_ctx walk;
	struct probe probes[MAX_PROBES];
	struct check_env env;
	struct check_tally tally = { 0, 0 };
	struct hook_env henv;
	const struct machine *mach;
	int nprobes, smp_failures, hook_failures;

	libc_init();
	syms = image_symbols_of_link();
	boot.entry_el = entry_el;
	boot.x0 = x0;
	boot.mmfr0 = read_sysreg(id_aa64mmfr0_el1);
	layout = (struct boot_layout){
		.phys_text = phys_text,
		.virt_text = (uintptr_t)_text,
		.image_size = (uint64_t)(_end - _text),
		.phys_uart = BOARD_UART_PA,
		.devices = board_devices,
		.ndevices = (int)(sizeof(board_devices) / sizeof(board_devices[0])),
		.phys_device_base = BOARD_DEVICE_PA_BASE,
	};
	if (kernel_map_early_init(&early_xlat, &layout, mmfr0_pa_bits(boot.mmfr0)))
		stub_exit(EXIT_FINAL_MAP);
	console_up();
	mach = find_dtb(x0);
	if (mach)
		check_machine(mach);
	learn_ram(mach);
	if (mach) {
		exit_set_psci_conduit(mach->psci.conduit);
		read_bootargs(mach->chosen.bootargs);
	} else if (entry_el < 3) {
		/* No DTB to name it: the board's firmware conduit, if any
		 * (none when this image itself came in at EL3). */
		exit_set_psci_conduit(BOARD_PSCI_CONDUIT_NO_DTB);
	}
	hooks_boot_args(mach ? mach->chosen.bootargs : NULL);

	walk = (struct walk_ctx){
		.ttbr0_pa = read_sysreg(ttbr0_el1) & PTE_ADDR_MASK,
		.ttbr1_pa = read_sysreg(ttbr1_el1) & PTE_ADDR_MASK,
		.read_table = kernel_map_read_table,
		.cookie = &layout,
	};
	henv = (struct hook_env){ &layout, &syms, &walk, &final_xlat };
	report_setup(insns_to_mmu_on);
	if (boot.report_full)
		dump_tables(&walk, "early");
	hooks_early_map_live(&henv);
	env = (struct check_env){
		.phase = MAP_EARLY, .layout = &layout, .syms = &syms, .walk = &walk,
		.mair = read_sysreg(mair_el1), .at = hw_at, .print = print_line,
		.verbose = boot.report_full,
	};
	nprobes = memmap_probes(&layout, &syms, probes);
	printf("checks of the early map (hw = AT S1E1R/W + PAR_EL1, sw = table walk, "
	       "expected = memory map):\n");
	check_run(&env, probes, nprobes, &tally);
	printf("early map: %d passed, %d failed\n", tally.passed, tally.failed);

	bench_mark(BENCH_FINAL_START);
	install_final_map(&syms, &walk);
	hooks_final_map_live(&henv);
	env.phase = MAP_FINAL;
	printf("checks of the final map:\n");
	{
		struct check_tally final = { 0, 0 };

		check_run(&env, probes, nprobes, &final);
		printf("final map: %d passed, %d failed\n", final.passed, final.failed);
		tally.passed += final.passed;
		tally.failed += final.failed;
	}
	bench_mark(BENCH_CHECKS_DONE);
	{
		struct smp_env senv = {
			.layout = &layout, .syms = &syms, .walk = &walk, .entry_el = entry_el,
			.machine = mach, .tally = &tally, .xlat = &final_xlat, .verbose = boot.report_full,
		};

		smp_failures = smp_bring_up(&senv);
	}
	hook_failures = hooks_after_checks(&henv);
	check_print_summary(&env, &tally);
	printf("bench: entry->mmu-on %llu, mmu-on->checks-done %llu, final map %llu for %llu "
	       "descriptors (PMCCNTR_EL0 deltas; instruction counts under QEMU -icount, make bench)\n",
	       (unsigned long long)insns_to_mmu_on,
	       (unsigned long long)(bench_counts[BENCH_CHECKS_DONE] - insns_to_mmu_on),
	       (unsigned long long)(bench_counts[BENCH_FINAL_LIVE] - bench_counts[BENCH_FINAL_START]),
	       (unsigned long long)xlat_get_stats(&final_xlat).descs_written);
	stub_exit(tally.failed || hook_failures || smp_failures ? EXIT_CHECKS_FAILED : EXIT_OK);
}
