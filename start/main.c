/*
 * main.c - the boot CPU's work once it runs at its link address.
 *
 * Owns: kernel_main(): console and libc onto virtual addresses, the setup
 * report (where everything is, registers decoded, both halves' tables
 * dumped), the checks of the early map, the switch to the final map and
 * its checks, the fault tests when asked (stub.faults), the benchmark
 * figures, and the exit. Every fact it prints comes from boot_facts, link
 * symbols or registers.
 */
#include <stdio.h>
#include "bench.h"
#include "board.h"
#include "boot.h"
#include "check.h"
#include "console.h"
#include "dtb.h"
#include "dump.h"
#include "exit.h"
#include "faults.h"
#include "bootargs.h"
#include "hw.h"
#include "kernel_map.h"
#include "memmap.h"
#include "memory.h"
#include "regs.h"
#include "smp.h"
#include "sysreg.h"
#include "testhooks.h"

void libc_init(void);

extern char _text[], _etext[], _srodata[], _erodata[], _sdata[], _edata[];
extern char __bss_start[], __bss_end[], boot_stack_bottom[], boot_stack_top[];
extern char idmap_pg_dir[], init_pg_dir[], init_pg_end[], primary_entry[], _end[];
extern char __el0_text_start[], __el0_text_end[], boot_stack_guard[];
extern char el0_stack_guard[], el0_stack_bottom[], el0_stack_top[];

static struct boot_layout layout;
static const struct device_range board_devices[] = { BOARD_DEVICE_RANGES };
_Static_assert(sizeof(board_devices) / sizeof(board_devices[0]) <= MAX_DEVICE_RANGES,
	       "board.h: too many device ranges");

/* Tables are inside the image, hence in RAM: read them via the linear map. */
static const uint64_t *read_table_linear(uint64_t table_pa, void *cookie)
{
	const struct boot_layout *l = cookie;

	if (table_pa - l->phys_ram_base >= l->linear_size)
		return NULL;
	return (const uint64_t *)(uintptr_t)memmap_phys_to_virt(l, table_pa);
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

static uint64_t virt_to_phys_image(const void *va)
{
	return memmap_image_phys(&layout, (uintptr_t)va);
}

static void report_setup(void)
{
	const struct boot_facts *f = &boot_facts;
	char buf[320], size[16];
	unsigned table_pages = (unsigned)((init_pg_end - idmap_pg_dir) / PAGE_SIZE);
	unsigned used_pages = (unsigned)((init_pg_next - virt_to_phys_image(init_pg_dir)) / PAGE_SIZE)
			      + IDMAP_DIR_PAGES;

	printf("stub: board %s, entered at EL%u, now EL%u, MMU on\n", BOARD_NAME, f->entry_el,
	       (unsigned)((read_sysreg(CurrentEL) >> 2) & 3));
	printf("image: load pa 0x%llx, link va 0x%llx, size %s, kimage_voffset 0x%llx\n",
	       (unsigned long long)f->phys_text, (unsigned long long)(uintptr_t)_text,
	       format_size(layout.image_size, size, sizeof(size)),
	       (unsigned long long)((uintptr_t)_text - f->phys_text));
	if (f->ram_source == RAM_FROM_DTB)
		printf("ram: bank pa 0x%llx size 0x%llx from the DTB at pa 0x%llx%s\n",
		       (unsigned long long)f->phys_ram_bank, (unsigned long long)f->ram_bank_size,
		       (unsigned long long)f->phys_dtb,
		       f->phys_dtb == f->x0_at_entry ? " (x0)" : " (start of RAM)");
	else
		printf("ram: bank pa 0x%llx size 0x%llx: board default (no DTB found)\n",
		       (unsigned long long)f->phys_ram_bank, (unsigned long long)f->ram_bank_size);
	printf("linear map: va 0x%llx -> pa 0x%llx, %s%s\n", (unsigned long long)PAGE_OFFSET,
	       (unsigned long long)phys_ram_base, format_size(linear_map_size, size, sizeof(size)),
	       f->linear_clamped ? " (clamped to LINEAR_MAP_MAX_SIZE)" : "");
	printf("uart: pa 0x%llx -> va 0x%llx; psci conduit: %s\n", (unsigned long long)layout.phys_uart,
	       (unsigned long long)memmap_virt_uart(&layout), psci_conduit_name(exit_psci_conduit()));
	printf("early tables: pa 0x%llx-0x%llx, %u pages reserved, %u used (idmap_pg_dir %u, init_pg_dir %u)\n",
	       (unsigned long long)virt_to_phys_image(idmap_pg_dir),
	       (unsigned long long)virt_to_phys_image(init_pg_end), table_pages, used_pages,
	       (unsigned)IDMAP_DIR_PAGES, (unsigned)INIT_DIR_PAGES);
	printf("ID_AA64MMFR0_EL1 0x%016llx: PARange %u bits, 4K granule %s\n",
	       (unsigned long long)f->mmfr0, parange_bits(mmfr0_parange(f->mmfr0)),
	       mmfr0_has_4k_granule(f->mmfr0) ? "yes" : "no");
	printf("SCTLR_EL1 0x%016llx: %s\n", (unsigned long long)read_sysreg(sctlr_el1),
	       sctlr_format(read_sysreg(sctlr_el1), buf, sizeof(buf)));
	printf("TCR_EL1   0x%016llx: %s\n", (unsigned long long)read_sysreg(tcr_el1),
	       tcr_format(read_sysreg(tcr_el1), buf, sizeof(buf)));
	printf("MAIR_EL1  0x%016llx: %s\n", (unsigned long long)read_sysreg(mair_el1),
	       mair_format(read_sysreg(mair_el1), buf, sizeof(buf)));
	printf("TTBR0_EL1 0x%016llx (idmap_pg_dir)\n", (unsigned long long)read_sysreg(ttbr0_el1));
	printf("TTBR1_EL1 0x%016llx (init_pg_dir)\n", (unsigned long long)read_sysreg(ttbr1_el1));
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

/* The DTB through the linear map, or NULL. */
static const void *dtb_virt(void)
{
	if (!boot_facts.phys_dtb || boot_facts.phys_dtb - phys_ram_base >= linear_map_size)
		return NULL;
	return (const void *)(uintptr_t)memmap_phys_to_virt(&layout, boot_facts.phys_dtb);
}

/* stub.faults in the DTB's bootargs asks for the fault tests. */
static bool fault_tests_requested(void)
{
	const void *fdt = dtb_virt();
	const char *args = fdt ? dtb_bootargs(fdt) : NULL;
	char value[8];

	return args && bootargs_get(args, "stub.faults", value, sizeof(value));
}

/* Build the final map, switch to it, report it. Exits on failure. */
static void install_final_map(struct xlat_ctx *xlat, const struct image_symbols *syms,
			      struct walk_ctx *walk)
{
	char buf[320];
	int rc = kernel_map_build(xlat, &layout, syms, mmfr0_pa_bits(boot_facts.mmfr0));

	if (rc) {
		printf("stub: FATAL: the final map could not be built: %s\n", xlat_strerror(rc));
		stub_exit(EXIT_FINAL_MAP);
	}
	kernel_map_install(xlat, &layout);
	bench_mark(BENCH_FINAL_LIVE);
	walk->ttbr0_disabled = true;
	walk->ttbr1_pa = read_sysreg(ttbr1_el1) & PTE_ADDR_MASK;
	printf("final map: built with the runtime API, %u of %u pool pages, %llu descriptors "
	       "written; now live\n", xlat_pages_used(xlat), (unsigned)FINAL_POOL_PAGES,
	       (unsigned long long)xlat_get_stats(xlat).descs_written);
	printf("SCTLR_EL1 0x%016llx: %s\n", (unsigned long long)read_sysreg(sctlr_el1),
	       sctlr_format(read_sysreg(sctlr_el1), buf, sizeof(buf)));
	printf("TCR_EL1   0x%016llx: %s\n", (unsigned long long)read_sysreg(tcr_el1),
	       tcr_format(read_sysreg(tcr_el1), buf, sizeof(buf)));
	printf("TTBR1_EL1 0x%016llx (final_pg_dir)\n", (unsigned long long)read_sysreg(ttbr1_el1));
	dump_tables(walk, "final");
}

/* testhooks.h wants a plain function: the layout is a file-scope static. */
static uint64_t phys_to_virt_linear(uint64_t pa)
{
	return memmap_phys_to_virt(&layout, pa);
}

void kernel_main(void)
{
	struct walk_ctx walk;
	struct probe probes[MAX_PROBES];
	struct image_symbols syms = {
		.text = (uintptr_t)_text, .etext = (uintptr_t)_etext,
		.srodata = (uintptr_t)_srodata, .erodata = (uintptr_t)_erodata,
		.sdata = (uintptr_t)_sdata, .edata = (uintptr_t)_edata,
		.bss_start = (uintptr_t)__bss_start, .bss_end = (uintptr_t)__bss_end,
		.stack_bottom = (uintptr_t)boot_stack_bottom, .stack_top = (uintptr_t)boot_stack_top,
		.idmap_pg_dir = (uintptr_t)idmap_pg_dir, .init_pg_dir = (uintptr_t)init_pg_dir,
		.init_pg_end = (uintptr_t)init_pg_end, .entry = (uintptr_t)primary_entry,
		.el0_text_start = (uintptr_t)__el0_text_start, .el0_text_end = (uintptr_t)__el0_text_end,
		.stack_guard = (uintptr_t)boot_stack_guard,
		.el0_stack_guard = (uintptr_t)el0_stack_guard,
		.el0_stack_bottom = (uintptr_t)el0_stack_bottom, .el0_stack_top = (uintptr_t)el0_stack_top,
	};
	static struct xlat_ctx xlat;
	struct check_env env;
	struct check_tally tally = { 0, 0 };
	int nprobes, fault_failures = 0, smp_failures;
	bool run_faults;

	layout = (struct boot_layout){
		.phys_text = boot_facts.phys_text,
		.virt_text = (uintptr_t)_text,
		.image_size = (uint64_t)(_end - _text),
		.phys_ram_base = phys_ram_base,
		.linear_size = linear_map_size,
		.phys_uart = BOARD_UART_PA,
		.devices = board_devices,
		.ndevices = (int)(sizeof(board_devices) / sizeof(board_devices[0])),
		.phys_device_base = BOARD_DEVICE_PA_BASE,
	};
	got_rebase(boot_facts.phys_text, layout.virt_text, layout.image_size);
	console_init(memmap_virt_uart(&layout));
	libc_init();
	for (int i = 0; i < layout.ndevices; i++) {
		const struct device_range *d = &board_devices[i];

		if (d->phys < layout.phys_device_base ||
		    d->phys + d->size - layout.phys_device_base > DEVICE_SPAN ||
		    ((d->phys | d->size) & (PAGE_SIZE - 1))) {
			printf("stub: FATAL: board.h device range %s (0x%llx + 0x%llx) is not page "
			       "aligned inside 1 GiB from BOARD_DEVICE_PA_BASE\n", d->name,
			       (unsigned long long)d->phys, (unsigned long long)d->size);
			stub_exit(EXIT_FINAL_MAP);
		}
	}

	walk = (struct walk_ctx){
		.ttbr0_pa = read_sysreg(ttbr0_el1) & PTE_ADDR_MASK,
		.ttbr1_pa = read_sysreg(ttbr1_el1) & PTE_ADDR_MASK,
		.read_table = read_table_linear,
		.cookie = &layout,
	};
	report_setup();
	dump_tables(&walk, "early");
	test_hooks_before_checks(&walk, (uint64_t)PAGE_OFFSET + linear_map_size, phys_to_virt_linear);
	env = (struct check_env){
		.phase = MAP_EARLY, .layout = &layout, .syms = &syms, .walk = &walk,
		.mair = read_sysreg(mair_el1), .at = hw_at, .print = print_line,
	};
	nprobes = memmap_probes(&layout, &syms, probes);
	run_faults = fault_tests_requested();
	printf("checks of the early map (hw = AT S1E1R/W + PAR_EL1, sw = table walk, "
	       "expected = memory map):\n");
	check_run(&env, probes, nprobes, &tally);

	bench_mark(BENCH_FINAL_START);
	install_final_map(&xlat, &syms, &walk);
	test_hooks_final_map(syms.stack_guard);
	env.phase = MAP_FINAL;
	printf("checks of the final map:\n");
	check_run(&env, probes, nprobes, &tally);
	bench_mark(BENCH_CHECKS_DONE);
	{
		struct smp_env senv = {
			.layout = &layout, .syms = &syms, .walk = &walk,
			.entry_el = boot_facts.entry_el, .fdt = dtb_virt(), .tally = &tally,
			.xlat = &xlat,
		};

		smp_failures = smp_bring_up(&senv);
	}
	if (run_faults) {
		struct fault_env fenv = { &layout, &syms, &xlat, &walk };

		fault_failures = fault_tests_run(&fenv);
	}
	check_print_summary(&env, &tally);
	printf("bench: entry->tables %llu, tables->mmu-on %llu, mmu-on->checks-done %llu, "
	       "of which final map built+installed %llu (PMCCNTR_EL0 deltas; instruction "
	       "counts under make bench)\n",
	       (unsigned long long)bench_counts[BENCH_TABLES_BUILT],
	       (unsigned long long)(bench_counts[BENCH_MMU_ON] - bench_counts[BENCH_TABLES_BUILT]),
	       (unsigned long long)(bench_counts[BENCH_CHECKS_DONE] - bench_counts[BENCH_MMU_ON]),
	       (unsigned long long)(bench_counts[BENCH_FINAL_LIVE] - bench_counts[BENCH_FINAL_START]));
	stub_exit(tally.failed || fault_failures || smp_failures ? EXIT_CHECKS_FAILED : EXIT_OK);
}
