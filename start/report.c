/*
 * report.c - every line of the boot report, in the order docs/report.md
 * explains them, and the fatal end.
 *
 * Owns: the setup lines (stub, image, dtb, psci, early tables; with
 * stub.report=full also the ID register, the geometry, the boot memory,
 * the registers and the early map's dump), the headers and tallies of
 * the checks, the final map's line (with its dump in full), the memory
 * line, the summary and bench lines, and "stub: FATAL: ..." followed by
 * the exit. The lines about the machine (its console, RAM, the DTB's
 * problems) are machine_lines.c's, shared with build/host/machine-check;
 * the per-probe lines the checks' (mmu/check.c), the CPUs' lines smp.c's.
 * Reads the boot's state, changes nothing in it.
 */
#include <stdarg.h>
#include <stdio.h>
#include "bench.h"
#include "boot.h"
#include "console.h"
#include "dump.h"
#include "efi.h"
#include "exit.h"
#include "levels.h"
#include "print.h"
#include "psci.h"
#include "regs.h"
#include "result.h"
#include "sysreg.h"

/* A 52-bit build on a CPU without the feature: where TTBR0 and TTBR1
 * point in the early tables (start/tables.S), and what the walk folds. */
#if PAGE_SHIFT == 12
#define VA52_FALLBACK_FOLD    "the p4d folded"
#define EARLY_FALLBACK_TTBR0  "early_idmap_p4d: the identity's level 0"
#define EARLY_FALLBACK_TTBR1  "early_kimage_p4d: the image's level 0"
#define EARLY_FALLBACK_WALK   "TTBR0 at the identity's level-0 table, TTBR1 at the image's, " \
			      "the level -1 root folded"
#elif PAGE_SHIFT == 14
#define VA52_FALLBACK_FOLD    "the pud folded"
#define EARLY_FALLBACK_TTBR0  "early_pgd: the root, 48-bit VAs"
#define EARLY_FALLBACK_TTBR1  "early_kimage_pud: the image's level 1"
#define EARLY_FALLBACK_WALK   "TTBR0 at the root (48 bits: its first 2 entries), TTBR1 at the " \
			      "image's level-1 table, the level-0 root folded"
#else
#define VA52_FALLBACK_FOLD    "a root of 64 entries"
#define EARLY_FALLBACK_TTBR0  "early_pgd: the root, 48-bit VAs"
#define EARLY_FALLBACK_TTBR1  "early_pgd + 0x1e00: the root's last 64 entries"
#define EARLY_FALLBACK_WALK   "TTBR0 at the root's first 64 entries, TTBR1 at its last 64 " \
			      "(TTBR1_BADDR_4852_OFFSET)"
#endif

void boot_fatal(int status, const char *fmt, ...)
{
	char line[sizeof(boot_result.message)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (result_fatal_begin())
		result_fatal_add(line);
	printf("stub: FATAL: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	stub_exit(status);
}

void report_efi_cmdline(const char *cmdline, unsigned non_ascii, unsigned cut)
{
	printf("cmdline: the UEFI load options, \"%s\"", cmdline);
	if (non_ascii)
		printf("; %u characters not ASCII, read as '?'", non_ascii);
	if (cut)
		printf("; %u characters past %d cut (EFI_CMDLINE_MAX)", cut, EFI_CMDLINE_MAX - 1);
	printf("\n");
}

/* The full report's geometry: the walk, then each of Linux's level names. */
static void print_geometry(void)
{
	struct level_info lv[NR_LEVEL_NAMES];
	char line[112];

	printf("geometry: %s\n", levels_summary(line, sizeof(line)));
	levels_describe(lv);
	for (int i = 0; i < NR_LEVEL_NAMES; i++)
		printf("  %s\n", level_format(&lv[i], line, sizeof(line)));
}

static void print_registers(const char *ttbr0_name, const char *ttbr1_name)
{
	print_mmu_regs();
	if (ttbr0_name)
		printf("TTBR0_EL1 0x%016llx (%s)\n", (unsigned long long)read_sysreg(ttbr0_el1),
		       ttbr0_name);
	printf("TTBR1_EL1 0x%016llx (%s)\n", (unsigned long long)read_sysreg(ttbr1_el1), ttbr1_name);
}

void report_tables(const struct walk_ctx *w, const char *which)
{
	for (int ttbr = 0; ttbr <= 1; ttbr++) {
		printf("TTBR%d %s map (va range, pa, size, level, attributes):\n", ttbr, which);
		(void)print_half(w, ttbr);
	}
}

static void print_full_setup(const struct boot *b)
{
	const struct boot_layout *l = &b->layout;

	printf("ID_AA64MMFR0_EL1 0x%016llx: PARange %u bits, " GRANULE_NAME " granule %s\n",
	       (unsigned long long)b->mmfr0, parange_bits(mmfr0_parange(b->mmfr0)),
	       mmfr0_has_granule(b->mmfr0) ? "yes" : "no");
	print_geometry();
	printf("boot memory: table pool pa 0x%llx (%u pages) at va 0x%llx; %u secondary stacks at "
	       "pa 0x%llx\n", (unsigned long long)l->phys_pool, (unsigned)BOOT_POOL_PAGES,
	       (unsigned long long)maps_virt_pool(l), l->nr_stacks,
	       (unsigned long long)l->phys_stacks);
	if (maps_shared_root(l))
		print_registers("early_pgd", "early_pgd");
	else if (maps_idmap_extended(l))
		print_registers("early_idmap_ext: the extended identity map's root", "early_pgd");
	else
		print_registers(EARLY_FALLBACK_TTBR0, EARLY_FALLBACK_TTBR1);
	report_tables(&b->walk, "early");
}

#if VA_BITS > VA_BITS_MIN
/* A 52-bit build's VA size this boot, and what the fallback folds. */
static void print_va_size(const struct boot *b)
{
	if (vabits_actual() == VA_BITS) {
		printf("va: %d-bit VA (the CPU has " VA52_FEATURE_NAME "): running with %d levels from "
		       "level %d; PA %u bits (TCR_EL1.IPS)\n", VA_BITS, PGTABLE_LEVELS,
		       PGTABLE_START_LEVEL, b->pa_bits);
		return;
	}
	printf("va: %d-bit VA requested, the CPU has 48: running with %d levels (%u-bit VA, %s: "
	       "no " VA52_FEATURE_NAME "); PA %u bits (TCR_EL1.IPS)\n", VA_BITS,
	       4 - va_root_level(vabits_actual()), vabits_actual(), VA52_FALLBACK_FOLD, b->pa_bits);
}
#endif

void report_setup(const struct boot *b)
{
	static const char *const dtb_from[] = {
		[DTB_FROM_X0] = "x0",
		[DTB_BELOW_IMAGE] = "x0 = 0: 2 MiB below the image, where QEMU puts an ELF's",
	};
	const struct boot_layout *l = &b->layout;
	const struct machine *m = &b->machine;
	const struct uart_port *port = console_port();
	bool blocks = l->phys_text % SWAPPER_BLOCK_SIZE == 0;
	char size[16];

	printf("stub: %s (%s), entered at EL%u, now EL%u, MMU on ",
	       m->model ? m->model : "no model", m->compatible ? m->compatible : "no compatible",
	       b->entry_el, (unsigned)((read_sysreg(CurrentEL) >> 2) & 3));
	if (bench_have_counter())
		printf("at PMCCNTR_EL0 %llu\n", (unsigned long long)b->insns_to_mmu_on);
	else
		printf("(no cycle counter: ID_AA64DFR0_EL1.PMUVer is 0 or 0xf)\n");
	printf("image: load pa 0x%llx, link va 0x%llx, size %s, kimage_voffset 0x%llx\n",
	       (unsigned long long)l->phys_text, (unsigned long long)l->virt_text,
	       format_size(l->image_size, size, sizeof(size)),
	       (unsigned long long)(l->virt_text - l->phys_text));
	if (booted_by_acpi())
		report_acpi(b);
	else
		printf("dtb: pa 0x%llx (%s), %s; console %s (%s) at pa 0x%llx by %s%s%s\n",
		       (unsigned long long)l->phys_dtb, dtb_from[b->dtb_source],
		       format_size(l->dtb_size, size, sizeof(size)), port ? m->console.path : "none",
		       port ? machine_console_kind_name(port->kind) : "semihosting only",
		       (unsigned long long)l->phys_uart, machine_console_rule_name(m->console.rule),
		       m->console.rule == MACHINE_RULE_EARLYCON ? "=" : "",
		       m->console.rule == MACHINE_RULE_EARLYCON ? b->earlycon.req.value : "");
	if (!booted_by_acpi() && booted_by_efi() && efi_boot_info.acpi_also)
		printf("acpi: tables given too, not read (the DTB is preferred)\n");
	if (booted_by_acpi() && m->console.rule == MACHINE_RULE_EARLYCON && port)
		printf("console: %s at pa 0x%llx by earlycon=%s, over the %s's\n",
		       machine_console_kind_name(port->kind), (unsigned long long)l->phys_uart,
		       b->earlycon.req.value, machine_console_rule_name(b->earlycon.over));
	report_ram(&b->ram, booted_by_efi() ? (int)efi_boot_info.nr_ranges : m->memory.n_banks,
		   booted_by_efi(), &m->reserved, b->nr_dynamic_rsv, &(struct ram_look){
			   .pages_tried = b->ram_pages_tried, .banks_tried = b->ram_banks_tried,
			   .pieces = b->ram_pieces_absent, .findings = b->ram_findings,
			   .full = b->report_full });
	printf("psci conduit: %s; cpus: %d in the %s\n", psci_conduit_name(psci_conduit()),
	       m->cpus.n_cpus, booted_by_acpi() ? "MADT" : "DTB");
#if VA_BITS > VA_BITS_MIN
	print_va_size(b);
#endif
	printf("early tables: pa 0x%llx, %u of %u pages written with the MMU off (",
	       (unsigned long long)maps_image_phys(l, b->syms.early_pgd),
	       maps_early_pages_written(l), (unsigned)(EARLY_PG_PAGES + IDMAP_EXT_PAGES));
	if (maps_shared_root(l))
		printf("TTBR0 and TTBR1 share the root");
	else if (maps_idmap_extended(l))
		printf("the image above the " STR(VA_BITS) "-bit identity range: TTBR0 its own %u-bit "
		       "identity map, %u levels", l->idmap_va_bits, (unsigned)IDMAP_EXT_LEVELS);
	else
		printf("the " STR(VA_BITS) "-bit tables walked with %u-bit VAs: %s", vabits_actual(),
		       EARLY_FALLBACK_WALK);
	printf("; the image %s at its link address); windows: %u pages\n",
	       blocks ? "in " SWAPPER_BLOCK_NAME " blocks" : "in " PAGE_SIZE_NAME " pages",
	       xlat_pages_used(&b->early_xlat));
	if (b->report_full)
		print_full_setup(b);
}

void report_early_checks_start(void)
{
	printf("checks of the early map (hw = AT S1E1R/W + PAR_EL1, sw = table walk, "
	       "expected = memory map):\n");
}

void report_map_tally(const char *map, const struct check_tally *t)
{
	printf("%s map: %d passed, %d failed\n", map, t->passed, t->failed);
}

void report_final_map(const struct boot *b)
{
	printf("final map: built with the runtime API, %u of %u pool pages, %llu descriptors "
	       "written; now live, TTBR0 closed, WXN set\n",
	       xlat_pages_used(&b->final_xlat) + 1, (unsigned)BOOT_POOL_PAGES,
	       (unsigned long long)xlat_get_stats(&b->final_xlat).descs_written);
	if (!b->report_full)
		return;
	print_registers(NULL, "final map root (pool page 0)");
	report_tables(&b->walk, "final");
}

void report_memory(const struct boot *b, const struct pgalloc_stats *st)
{
	printf("memory: %lluK available of %lluK (held: %lluK reserved, image, DTB; %lluK the "
	       "boot's tables and stacks; %lluK allocator metadata)\n",
	       (unsigned long long)(st->free_pages * (PAGE_SIZE / 1024)),
	       (unsigned long long)(b->ram.bytes_ram / 1024),
	       (unsigned long long)(b->ram.bytes_held / 1024),
	       (unsigned long long)(b->ram.bytes_taken / 1024),
	       (unsigned long long)(st->meta_pages * (PAGE_SIZE / 1024)));
}

void report_final_checks_start(void)
{
	printf("checks of the final map:\n");
}

/* "mmu: N passed, M failed" over every map and CPU, then the marks. */
void report_end(const struct boot *b)
{
	check_print_summary(&b->checks, &b->tally);
	result_checks((unsigned)b->tally.passed, (unsigned)b->tally.failed);
	if (!bench_have_counter()) {
		printf("bench: no cycle counter (ID_AA64DFR0_EL1.PMUVer is 0 or 0xf): no counts\n");
		return;
	}
	printf("bench: entry->mmu-on %llu, mmu-on->checks-done %llu, final map %llu for %llu "
	       "descriptors (PMCCNTR_EL0 deltas; instruction counts under QEMU -icount, make bench)\n",
	       (unsigned long long)b->insns_to_mmu_on,
	       (unsigned long long)(bench_counts[BENCH_CHECKS_DONE] - b->insns_to_mmu_on),
	       (unsigned long long)(bench_counts[BENCH_FINAL_LIVE] - bench_counts[BENCH_FINAL_START]),
	       (unsigned long long)xlat_get_stats(&b->final_xlat).descs_written);
}
