/*
 * main.c - the boot CPU's work once it runs at its link address, MMU and
 * caches on.
 *
 * Owns: kernel_main(), the sequence after head.S: the DTB (found, mapped
 * wherever it lies, read once by lib/machine.c), the console it names, the
 * plan of RAM (mmu/ram_plan.c: every bank and reservation), the free RAM
 * the boot takes for its tables and the secondaries' stacks, the report,
 * the checks of the early map, the final map (built, switched to,
 * finalized) and its checks, the page allocator over what is left, the
 * other CPUs, the test build's hooks, then, when the boot arguments ask,
 * the demand-paging demonstration (stub.demand) and the MMU monitor
 * (stub.shell), and the exit. Every fact it prints
 * comes from the DTB, the layout it learns here once, link symbols or
 * registers: nothing is compiled in for a board.
 */
#include <libfdt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "bench.h"
#include "bootargs.h"
#include "check.h"
#include "console.h"
#include "demand_demo.h"
#include "dump.h"
#include "efi.h"
#include "exit.h"
#include "psci.h"
#include "hooks.h"
#include "hw.h"
#include "kernel_map.h"
#include "levels.h"
#include "machine.h"
#include "maps.h"
#include "probes.h"
#include "memory.h"
#include "pgalloc.h"
#include "print.h"
#include "ram_plan.h"
#include "regs.h"
#include "sections.h"
#include "shell.h"
#include "smp.h"
#include "sysreg.h"

void libc_init(void);
__attribute__((noreturn)) void kernel_main(uint64_t x0, unsigned entry_el, uint64_t phys_text,
					    uint64_t insns_to_mmu_on);

enum dtb_source { DTB_FROM_X0, DTB_BELOW_IMAGE };
/* An ELF boot passes no x0: QEMU then puts the DTB at the start of RAM,
 * which is this far below the image for every board's ELF (board.mk:
 * BOARD_LOAD_PA = RAM base + 2 MiB). */
#define ELF_DTB_BELOW_IMAGE SZ_2M

/* What this boot learned, once; the layout is what the maps are made of. */
static struct boot_layout layout;
static struct {
	unsigned entry_el;
	uint64_t mmfr0;
	enum dtb_source dtb_source;
	bool report_full;
	int shell;                              /* stub.shell: the monitor */
	int demand;                             /* stub.demand: the demonstration */
	unsigned nr_dynamic_rsv;                /* reservations without an address */
} boot;
static struct xlat_ctx early_xlat, final_xlat;
static struct machine machine;          /* what the DTB says (about 20 KiB) */
static struct ram_plan ram;           /* the plan of RAM (about 10 KiB) */
static struct pgalloc_ctx pages;        /* the page allocator, after the final map */

/* The link symbols as the virtual addresses mmu/memmap.c works with. */
static struct image_symbols image_symbols_of_link(void)
{
	return (struct image_symbols){
		.text = (uintptr_t)_text, .etext = (uintptr_t)_etext,
		.srodata = (uintptr_t)_srodata, .erodata = (uintptr_t)_erodata,
		.sdata = (uintptr_t)_sdata, .edata = (uintptr_t)_edata,
		.bss_start = (uintptr_t)__bss_start, .bss_end = (uintptr_t)__bss_end,
		.stack_bottom = (uintptr_t)boot_stack_bottom, .stack_top = (uintptr_t)boot_stack_top,
		.early_pgd = (uintptr_t)early_pgd, .early_pg_end = (uintptr_t)early_pg_end,
		.entry = (uintptr_t)primary_entry, .stack_guard = (uintptr_t)boot_stack_guard,
	};
}

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
	fdt = (const void *)(uintptr_t)maps_virt_fdt(&layout);
	rc = kernel_map_early_window(&early_xlat, &layout, REGION_FDT);
	if (rc) {
		*why = xlat_strerror(rc);
		goto none;
	}
	size = fdt_magic(fdt) == FDT_MAGIC ? fdt_totalsize(fdt) : 0;
	(void)kernel_map_early_window_unmap(&early_xlat, &layout, REGION_FDT);
	if (!size || size < sizeof(struct fdt_header) || size > MAX_FDT_SIZE) {
		*why = size ? "totalsize above 2 MiB (MAX_FDT_SIZE) or below its header"
			    : "no FDT magic (0xd00dfeed)";
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

/* The DTB at x0, as every loader passes it (booting.rst); with x0 = 0 (an
 * ELF boot) the one QEMU puts at the start of RAM, ELF_DTB_BELOW_IMAGE
 * below the image. It must be sound, and is never replaced by another: a
 * machine is learnt from its DTB or not at all. */
static const struct machine *find_dtb(uint64_t x0)
{
	uint64_t pa = x0;
	const char *why = "";
	const struct machine *m;

	boot.dtb_source = DTB_FROM_X0;
	if (!x0) {
		if (layout.phys_text < ELF_DTB_BELOW_IMAGE)
			fatal(EXIT_BAD_DTB, "no DTB: x0 = 0 (an ELF boot?) and the image lies at pa "
			      "0x%llx, with no room 2 MiB below it for QEMU's", (unsigned long long)layout.phys_text);
		pa = layout.phys_text - ELF_DTB_BELOW_IMAGE;
		boot.dtb_source = DTB_BELOW_IMAGE;
	}
	m = map_dtb(pa, &why);
	if (!m)
		fatal(EXIT_BAD_DTB, "%s pa 0x%llx: %s; this image learns the machine from a DTB "
		      "(QEMU: -dtb FILE where the machine makes none; U-Boot: booti ADDR - FDT)",
		      x0 ? "no usable DTB at x0 =" : "x0 = 0 (an ELF boot) and no usable DTB 2 MiB "
		      "below the image, at", (unsigned long long)pa, why);
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

/* The parts of what the DTB says that the boot uses: its memory and its
 * reservations must be readable; the other parts' problems are named and
 * what could be read is used. */
static bool booted_by_efi(void)
{
	return efi_boot_info.magic == EFI_BOOT_INFO_MAGIC;
}

static void check_machine(const struct machine *m)
{
	/* Under UEFI the memory map gives the RAM (learn_ram). */
	if (m->memory.problem.err != MACHINE_OK && !booted_by_efi()) {
		print_problem("memory", &m->memory.problem);
		fatal(EXIT_BAD_DTB, "the DTB's /memory cannot be used");
	}
	if (m->reserved.problem.err != MACHINE_OK) {
		print_problem("reserved memory", &m->reserved.problem);
		fatal(EXIT_BAD_DTB, "the DTB's reservations cannot be read: RAM they protect would "
		      "be handed out");
	}
	print_problem("cpus", &m->cpus.problem);
	print_problem("psci", &m->psci.problem);
	print_problem("chosen", &m->chosen.problem);
}

/* The console /chosen/stdout-path names, mapped at CONSOLE_VADDR (the same
 * VA in the final map). Without one, the report goes to semihosting only
 * (lib/console.c), and it says why there. */
static void console_up(const struct machine *m)
{
	const struct machine_console *c = &m->console;
	struct uart_port port;
	const char *why;

	if (c->kind == MACHINE_CONSOLE_NONE || c->problem.err != MACHINE_OK) {
		printf("console: none: %s\n", c->problem.err != MACHINE_OK ?
		       machine_strerror(c->problem.err) : "the DTB has no /chosen/stdout-path");
		print_problem("console", &c->problem);
		return;
	}
	if (!uart_kind_supported(c->kind) || !c->available) {
		printf("console: none: %s %s (compatible \"%s\")\n", c->path,
		       c->available ? "has no driver here (arm,pl011, brcm,bcm2835-aux-uart, "
		       "cdns,uart-r1p12, ns16550a, snps,dw-apb-uart)" : "is disabled (status)",
		       c->compatible ? c->compatible : "");
		return;
	}
	layout.phys_uart = c->phys_base;
	if (kernel_map_early_window(&early_xlat, &layout, REGION_CONSOLE))
		fatal(EXIT_FINAL_MAP, "the console's page pa 0x%llx cannot be mapped at CONSOLE_VADDR",
		      (unsigned long long)c->phys_base);
	port = (struct uart_port){
		.kind = c->kind, .base = (uintptr_t)maps_virt_uart(&layout),
		.reg_shift = c->reg_shift, .io_width = c->io_width,
	};
	why = console_init(&port);
	if (why) {
		(void)kernel_map_early_window_unmap(&early_xlat, &layout, REGION_CONSOLE);
		layout.phys_uart = 0;
		printf("console: none: %s at pa 0x%llx cannot be used: %s\n", c->path,
		       (unsigned long long)c->phys_base, why);
	}
}

/* The plan of RAM from the DTB's banks and reservations (mmu/ram_plan.c):
 * the linear map's ranges, what is lost and why; refused by name when the
 * image or the DTB is where it must not be. */
static void learn_ram(const struct machine *m)
{
	static struct phys_range banks[MACHINE_MAX_BANKS];
	static struct ram_reservation rsv[MACHINE_MAX_RESERVED];
	struct ram_plan_input in = {
		.bank = banks, .rsv = rsv,
		.phys_image = layout.phys_text, .image_size = layout.image_size,
		.phys_dtb = layout.phys_dtb, .dtb_size = layout.dtb_size,
		.pa_bits = mmfr0_pa_bits(boot.mmfr0) > RAM_PA_BITS_MAX ? RAM_PA_BITS_MAX
			   : mmfr0_pa_bits(boot.mmfr0),
		.linear_budget = RAM_LINEAR_BUDGET,
	};
	int rc;

	if (booted_by_efi()) {
		/* Under UEFI the memory map counts, not /memory: RAM is what it
		 * lets an OS use; runtime, reserved and MMIO regions are not RAM
		 * here, so they are never mapped or handed out. */
		for (unsigned i = 0; i < efi_boot_info.nr_ranges; i++)
			banks[in.nr_banks++] = (struct phys_range){ efi_boot_info.range[i].phys_base,
				efi_boot_info.range[i].phys_base + efi_boot_info.range[i].size,
				"EFI memory map" };
		if (efi_boot_info.nr_dropped)
			fatal(EXIT_BAD_LOAD, "the EFI memory map has %u usable ranges more than the %d "
			      "taken (EFI_BOOT_MAX_RANGES)", efi_boot_info.nr_dropped,
			      EFI_BOOT_MAX_RANGES);
	} else {
		for (int i = 0; i < m->memory.n_banks; i++)
			banks[in.nr_banks++] = (struct phys_range){ m->memory.bank[i].phys_base,
				m->memory.bank[i].phys_base + m->memory.bank[i].size,
				m->memory.bank[i].node };
	}
	for (int i = 0; i < m->reserved.n_rsv; i++) {
		const struct machine_reservation *r = &m->reserved.rsv[i];

		if (r->dynamic) {
			boot.nr_dynamic_rsv++;       /* no address: nothing to keep free */
			continue;
		}
		rsv[in.nr_rsv++] = (struct ram_reservation){
			{ r->phys_base, r->phys_base + r->size, r->name }, r->no_map };
	}
	if (m->chosen.has_initrd) {
		in.phys_initrd_start = m->chosen.phys_initrd_start;
		in.phys_initrd_end = m->chosen.phys_initrd_end;
	}
	rc = ram_plan_make(&in, &ram);
	if (rc != RAM_OK)
		fatal(rc == RAM_EIMAGE_RESERVED || rc == RAM_EIMAGE_NOT_LINEAR ||
		      rc == RAM_EINITRD_IMAGE ? EXIT_BAD_LOAD : EXIT_BAD_DTB,
		      "RAM: %s: %s (image pa 0x%llx size 0x%llx, DTB pa 0x%llx size 0x%llx)",
		      ram_plan_strerror(rc), ram.verdict_name, (unsigned long long)layout.phys_text,
		      (unsigned long long)layout.image_size, (unsigned long long)layout.phys_dtb,
		      (unsigned long long)layout.dtb_size);
	if (ram.nr_linear > MAX_LINEAR_RANGES)
		fatal(EXIT_BAD_LOAD, "RAM: %u linear ranges, more than the %d the maps take "
		      "(MAX_LINEAR_RANGES)", ram.nr_linear, MAX_LINEAR_RANGES);
	/* The maps read the plan's linear ranges: it owns them. */
	layout.phys_memstart = ram.phys_memstart;
	layout.linear = ram.linear;
	layout.nr_linear = ram.nr_linear;
}

/* The boot's own pieces of free RAM, before any allocator exists: the
 * table pool (mapped into the early map at POOL_VADDR, where the final
 * map is written) and the secondaries' stacks. */
static void take_boot_memory(unsigned nr_secondaries)
{
	uint64_t pool_size = BOOT_POOL_PAGES * PAGE_SIZE;
	int rc;

	layout.phys_pool = ram_plan_take(&ram, pool_size, pool_size);
	if (!layout.phys_pool)
		fatal(EXIT_FINAL_MAP, "no free RAM for the boot's %u table pages", BOOT_POOL_PAGES);
	rc = kernel_map_early_window(&early_xlat, &layout, REGION_POOL);
	if (rc)
		fatal(EXIT_FINAL_MAP, "the table pool cannot be mapped at POOL_VADDR: %s",
		      xlat_strerror(rc));
	if (!nr_secondaries)
		return;
	layout.phys_stacks = ram_plan_take(&ram, nr_secondaries * (uint64_t)BOOT_STACK_SIZE,
					     PAGE_SIZE);
	if (!layout.phys_stacks)
		fatal(EXIT_FINAL_MAP, "no free RAM for %u secondary CPUs' stacks", nr_secondaries);
	layout.nr_stacks = nr_secondaries;
}

static void say_bootarg_problem(const char *line, void *cookie)
{
	(void)cookie;
	printf("%s\n", line);
}

/* Boot arguments this image obeys: stub.report=summary|full, stub.shell
 * (the MMU monitor after the checks), stub.demand (the demand-paging
 * demonstration after the checks), and the test build's (hooks.h). Any other stub.* word, or a malformed value, is named
 * (lib/bootargs.c); the rest are Linux's. */
static void read_bootargs(const char *args)
{
	static const char *const report_sizes[] = { "summary", "full", NULL };
	int report_size = boot.report_full;       /* the index in report_sizes */
	const struct bootarg_option product_options[] = {
		{ "stub.report", BOOTARG_CHOICE, report_sizes, &report_size },
		{ "stub.shell", BOOTARG_FLAG_BOOL, NULL, &boot.shell },
		{ "stub.demand", BOOTARG_FLAG_BOOL, NULL, &boot.demand },
		{ NULL, BOOTARG_FLAG_BOOL, NULL, NULL },
	};
	const struct bootarg_option *tables[4] = { product_options };
	unsigned ntables = hooks_bootarg_tables(tables, 1, sizeof(tables) / sizeof(tables[0]));

	(void)bootargs_parse(args, tables, ntables, say_bootarg_problem, NULL);
	boot.report_full = report_size == 1;
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

static void dump_tables(const struct walk_ctx *w, const char *which)
{
	for (int ttbr = 0; ttbr <= 1; ttbr++) {
		printf("TTBR%d %s map (va range, pa, size, level, attributes):\n", ttbr, which);
		(void)print_half(w, ttbr);
	}
}

static void print_ram(const struct machine *m)
{
	char size[16], size2[16];

	int banks = booted_by_efi() ? (int)efi_boot_info.nr_ranges : m->memory.n_banks;

	printf("ram: 0x%llx bytes (%s) in %d %s%s%s; linear map va 0x%llx = pa 0x%llx, %s in %u "
	       "range%s\n", (unsigned long long)ram.bytes_ram,
	       format_size(ram.bytes_ram, size, sizeof(size)), banks,
	       booted_by_efi() ? "range" : "bank", banks == 1 ? "" : "s",
	       booted_by_efi() ? " of the EFI memory map" : "", (unsigned long long)PAGE_OFFSET,
	       (unsigned long long)ram.phys_memstart,
	       format_size(ram.bytes_mapped, size2, sizeof(size2)), ram.nr_linear,
	       ram.nr_linear == 1 ? "" : "s");
	/* Nothing is left out silently. */
	for (unsigned i = 0; i < ram.nr_losses; i++)
		printf("ram: not mapped: %s at pa 0x%llx (%s): %s\n",
		       format_size(ram.loss[i].size, size, sizeof(size)),
		       (unsigned long long)ram.loss[i].phys_start, ram.loss[i].name,
		       ram_loss_reason_name(ram.loss[i].reason));
	if (m->reserved.n_rsv)
		printf("reserved: %d ranges (%d from /memreserve/, %u without an address: not "
		       "placed), never handed out\n", m->reserved.n_rsv, m->reserved.n_memreserve,
		       boot.nr_dynamic_rsv);
}

static void report_setup(const struct machine *m, uint64_t insns_to_mmu_on)
{
	static const char *const dtb_from[] = {
		[DTB_FROM_X0] = "x0", [DTB_BELOW_IMAGE] = "x0 = 0: 2 MiB below the image, where QEMU puts an ELF's",
	};
	const struct uart_port *port = console_port();
	char size[16];

	printf("stub: %s (%s), entered at EL%u, now EL%u, MMU on at PMCCNTR_EL0 %llu\n",
	       m->model ? m->model : "no model", m->compatible ? m->compatible : "no compatible",
	       boot.entry_el, (unsigned)((read_sysreg(CurrentEL) >> 2) & 3),
	       (unsigned long long)insns_to_mmu_on);
	printf("image: load pa 0x%llx, link va 0x%llx, size %s, kimage_voffset 0x%llx\n",
	       (unsigned long long)layout.phys_text, (unsigned long long)layout.virt_text,
	       format_size(layout.image_size, size, sizeof(size)),
	       (unsigned long long)(layout.virt_text - layout.phys_text));
	printf("dtb: pa 0x%llx (%s), %s; console %s (%s) at pa 0x%llx\n",
	       (unsigned long long)layout.phys_dtb, dtb_from[boot.dtb_source],
	       format_size(layout.dtb_size, size, sizeof(size)),
	       port ? m->console.path : "none",
	       port ? machine_console_kind_name(port->kind) : "semihosting only",
	       (unsigned long long)layout.phys_uart);
	print_ram(m);
	printf("psci conduit: %s; cpus: %d in the DTB\n", psci_conduit_name(psci_conduit()),
	       m->cpus.n_cpus);
	printf("early tables: pa 0x%llx, %u of %u pages written with the MMU off (TTBR0 and TTBR1 "
	       "share the root; the image %s at its link address); windows: %u pages\n",
	       (unsigned long long)maps_image_phys(&layout, (uintptr_t)early_pgd),
	       (unsigned)EARLY_PG_PAGES - (layout.phys_text % SWAPPER_BLOCK_SIZE ? 0 : 1),
	       (unsigned)EARLY_PG_PAGES,
	       layout.phys_text % SWAPPER_BLOCK_SIZE ? "in " PAGE_SIZE_NAME " pages"
						     : "in " SWAPPER_BLOCK_NAME " blocks",
	       xlat_pages_used(&early_xlat));
	if (!boot.report_full)
		return;
	printf("ID_AA64MMFR0_EL1 0x%016llx: PARange %u bits, " GRANULE_NAME " granule %s\n",
	       (unsigned long long)boot.mmfr0, parange_bits(mmfr0_parange(boot.mmfr0)),
	       mmfr0_has_granule(boot.mmfr0) ? "yes" : "no");
	print_geometry();
	printf("boot memory: table pool pa 0x%llx (%u pages) at va 0x%llx; %u secondary stacks at "
	       "pa 0x%llx\n", (unsigned long long)layout.phys_pool, (unsigned)BOOT_POOL_PAGES,
	       (unsigned long long)maps_virt_pool(&layout), layout.nr_stacks,
	       (unsigned long long)layout.phys_stacks);
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
	       xlat_pages_used(&final_xlat) + 1, (unsigned)BOOT_POOL_PAGES,
	       (unsigned long long)xlat_get_stats(&final_xlat).descs_written);
	if (!boot.report_full)
		return;
	print_registers(NULL, "final map root (pool page 0)");
	dump_tables(walk, "final");
}

static void *linear_ptr(uint64_t pa, void *cookie)
{
	return (void *)(uintptr_t)maps_phys_to_virt(cookie, pa);
}

/* The page allocator over the free RAM, reached through the linear map
 * (live now): what the runtime takes pages from. */
static void start_allocator(void)
{
	struct pgalloc_stats st;
	int rc = pgalloc_init(&pages, linear_ptr, &layout);

	if (!rc)
		rc = ram_plan_feed(&ram, &pages);
	if (rc)
		fatal(EXIT_FINAL_MAP, "the page allocator cannot take the RAM: %s",
		      ram_plan_strerror(rc));
	rc = pgalloc_finalize(&pages);
	if (!rc)
		rc = pgalloc_stats(&pages, PGALLOC_ALL_BANKS, &st);
	if (rc)
		fatal(EXIT_FINAL_MAP, "the page allocator: %s", pgalloc_strerror(rc));
	printf("memory: %lluK available of %lluK (held: %lluK reserved, image, DTB; %lluK the "
	       "boot's tables and stacks; %lluK allocator metadata)\n",
	       (unsigned long long)(st.free_pages * (PAGE_SIZE / 1024)),
	       (unsigned long long)(ram.bytes_ram / 1024),
	       (unsigned long long)(ram.bytes_held / 1024),
	       (unsigned long long)(ram.bytes_taken / 1024),
	       (unsigned long long)(st.meta_pages * (PAGE_SIZE / 1024)));
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
	int nprobes, smp_failures, hook_failures, status;
	unsigned nr_secondaries;

	libc_init();
	syms = image_symbols_of_link();
	boot.entry_el = entry_el;
	boot.mmfr0 = read_sysreg(id_aa64mmfr0_el1);
	layout = (struct boot_layout){
		.phys_text = phys_text,
		.virt_text = (uintptr_t)_text,
		.image_size = (uint64_t)(_end - _text),
	};
	if (kernel_map_early_init(&early_xlat, &layout, mmfr0_pa_bits(boot.mmfr0)))
		fatal(EXIT_FINAL_MAP, "the early map cannot be changed (xlat_init)");
	/* Until the DTB names a console, output goes to semihosting only. */
	mach = find_dtb(x0);
	console_up(mach);
	check_machine(mach);
	learn_ram(mach);
	/* Entered at EL3, nothing runs below the image to answer PSCI. */
	psci_set_conduit(entry_el < 3 ? mach->psci.conduit : PSCI_CONDUIT_NONE);
	read_bootargs(mach->chosen.bootargs);
	hooks_boot_args(mach->chosen.bootargs);
	nr_secondaries = smp_plan(mach);
	take_boot_memory(nr_secondaries);

	walk = (struct walk_ctx){
		.ttbr0_pa = read_sysreg(ttbr0_el1) & PTE_ADDR_MASK,
		.ttbr1_pa = read_sysreg(ttbr1_el1) & PTE_ADDR_MASK,
		.read_table = kernel_map_read_table,
		.cookie = &layout,
	};
	henv = (struct hook_env){ &layout, &syms, &walk, &final_xlat };
	report_setup(mach, insns_to_mmu_on);
	if (boot.report_full)
		dump_tables(&walk, "early");
	hooks_early_map_live(&henv);
	env = (struct check_env){
		.phase = MAP_EARLY, .layout = &layout, .syms = &syms, .walk = &walk,
		.mair = read_sysreg(mair_el1), .at = hw_at, .print = print_line,
		.verbose = boot.report_full,
	};
	nprobes = probes_build(&layout, &syms, probes);
	printf("checks of the early map (hw = AT S1E1R/W + PAR_EL1, sw = table walk, "
	       "expected = memory map):\n");
	check_run(&env, probes, nprobes, &tally);
	printf("early map: %d passed, %d failed\n", tally.passed, tally.failed);

	bench_mark(BENCH_FINAL_START);
	install_final_map(&syms, &walk);
	start_allocator();
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
	status = tally.failed || hook_failures || smp_failures ? EXIT_CHECKS_FAILED : EXIT_OK;
	/* After everything the boot proves: they work on the live final map. */
	if (boot.demand && demand_demo_run(&final_xlat, &pages) && status == EXIT_OK)
		status = EXIT_CHECKS_FAILED;
	if (boot.shell) {
		struct shell_env shenv = {
			.layout = &layout, .walk = &walk, .xlat = &final_xlat, .pages = &pages,
			.boot_status = status,
		};

		status = shell_run(&shenv);
	}
	stub_exit(status);
}
