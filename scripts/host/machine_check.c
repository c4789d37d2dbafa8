/*
 * machine_check.c - build/host/machine-check: what the stub would make of
 * a machine, from its DTB or its ACPI tables, on the host, before anything
 * is booted or any SD card written.
 *
 * Owns: the command line, telling a DTB (its magic) from ACPI tables (a
 * folder of raw tables, or an acpidump text log), running the stub's own
 * readers and plans on it (lib/machine.c; the console's rules,
 * lib/console_choice.c; the RAM plan, mmu/ram_plan.c through
 * start/ram_input.c; the CPU plan, start/cpu_plan.c; the product's boot
 * options; lib/acpi/), printing the lines the boot prints about the
 * machine (start/machine_lines.c and the others' own text) and exiting
 * with the status the boot would have (lib/exit.h). What only a boot can
 * know is assumed and said: the Image's place (RAM base + 2 MiB, as QEMU
 * and booti put it; --load), its size (build/Image's header; --image),
 * the DTB's place (not reserved unless --dtb-pa), the boot CPU (the
 * first in /cpus; --mpidr), the EL (2; --el), the PA size (48; --pa-bits).
 * With --records, the corpus test's records instead (machine_records.c),
 * each DTB read by lib/machine.c and again by the MMU-off reader
 * (lib/early_dtb.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "acpi/acpi.h"
#include "acpi/problem.h"
#include "acpi_input.h"
#include "boot_options.h"
#include "console_choice.h"
#include "cpu_plan.h"
#include "early_dtb.h"
#include "dump.h"
#include "exit.h"
#include "machine_lines.h"
#include "machine_records.h"
#include "memory.h"
#include "ram_input.h"

struct options {
	const char *path, *image, *cmdline;
	char **paths;                    /* --records: every FILE */
	int n_paths;
	uint64_t load, dtb_pa, mpidr, ram_base, ram_size;
	bool have_load, have_dtb_pa, have_mpidr, records, every_cpu;
	unsigned el, pa_bits;
};

static struct machine m;
static struct acpi_info acpi;
static struct ram_plan plan;

static int usage(void)
{
	fprintf(stderr,
		"usage: machine-check [OPTIONS] FILE.dtb | ACPI-FOLDER | ACPIDUMP-LOG\n"
		"  prints what the stub would say about the machine; exits with its status\n"
		"  --cmdline TEXT   the command line (default: the DTB's /chosen/bootargs)\n"
		"  --load PA        where the Image lies (default: the first bank + 2 MiB)\n"
		"  --image FILE     the Image whose size counts (default: build/Image)\n"
		"  --dtb-pa PA      where the DTB lies (default: not placed)\n"
		"  --mpidr MPIDR    the boot CPU (default: the first in /cpus, or GICC)\n"
		"  --el N           the EL the stub is entered at (default 2)\n"
		"  --pa-bits N      the CPU's PA size (default 48)\n"
		"  --ram BASE:SIZE  RAM as the firmware would put in an empty /memory\n"
		"  --cpus           ACPI: a line per GICC\n"
		"  --records        DTBs (one or more): the corpus test's records instead\n");
	return 2;
}

static bool parse(int argc, char **argv, struct options *o)
{
	*o = (struct options){ .image = "build/Image", .el = 2, .pa_bits = 48, .paths = argv };
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--records") || !strcmp(a, "--cpus")) {
			*(a[2] == 'r' ? &o->records : &o->every_cpu) = true;
			continue;
		}
		if (a[0] != '-') {
			o->paths[o->n_paths++] = argv[i];    /* argv is ours to reuse */
			o->path = o->paths[0];
			continue;
		}
		if (!v)
			return false;
		i++;
		if (!strcmp(a, "--cmdline"))
			o->cmdline = v;
		else if (!strcmp(a, "--image"))
			o->image = v;
		else if (!strcmp(a, "--load"))
			o->load = strtoull(v, NULL, 0), o->have_load = true;
		else if (!strcmp(a, "--dtb-pa"))
			o->dtb_pa = strtoull(v, NULL, 0), o->have_dtb_pa = true;
		else if (!strcmp(a, "--mpidr"))
			o->mpidr = strtoull(v, NULL, 0), o->have_mpidr = true;
		else if (!strcmp(a, "--el"))
			o->el = (unsigned)strtoul(v, NULL, 0);
		else if (!strcmp(a, "--pa-bits"))
			o->pa_bits = (unsigned)strtoul(v, NULL, 0);
		else if (!strcmp(a, "--ram") && strchr(v, ':'))
			o->ram_base = strtoull(v, NULL, 0),
			o->ram_size = strtoull(strchr(v, ':') + 1, NULL, 0);
		else
			return false;
	}
	return o->path && (o->n_paths == 1 || o->records) && o->el >= 1 && o->el <= 3;
}

/* The whole file in an 8-byte aligned buffer of exactly its size (ASan
 * then catches any read past it); NULL if it cannot be read. */
static void *load_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	void *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
		buf = aligned_alloc(8, ((size_t)n + 7) & ~(size_t)7);
		if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)n;
	}
	fclose(f);
	return buf;
}

static bool is_dtb(const void *buf, size_t len)
{
	const uint8_t *b = buf;

	return len >= 4 && b[0] == 0xd0 && b[1] == 0x0d && b[2] == 0xfe && b[3] == 0xed;
}

/* The Image header's image_size (arm64 booting.rst: at 16, little-endian). */
static uint64_t image_size_of(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t h[24];
	uint64_t size = 0;

	if (f && fread(h, 1, sizeof(h), f) == sizeof(h))
		for (int i = 7; i >= 0; i--)
			size = size << 8 | h[16 + i];
	if (f)
		fclose(f);
	return size;
}

static void say(const char *line, void *arg)
{
	(void)arg;
	printf("%s\n", line);
}

static void say_option(const char *line, void *cookie)
{
	(void)cookie;
	printf("%s\n", line);
}

static const char *bank_holding(uint64_t pa, void *arg)
{
	const struct machine_bank *bank = machine_bank_holding(arg, pa);

	return bank ? bank->node : NULL;
}

static int fatal(int status, const char *line)
{
	printf("stub: FATAL: %s\nstub: exit status %d\n", line, status);
	return status;
}

static struct console_earlycon earlycon;
static struct cpu_plan cpus;
static unsigned nr_dynamic;
static enum psci_conduit conduit;

/* The console by the rules; what the boot says while it brings it up. */
static void check_console(const struct options *o)
{
	const struct machine_console *c = &m.console;

	console_apply_earlycon(&m, o->cmdline, bank_holding, &m, &earlycon);
	(void)report_console_verdict(c, false, bank_holding, &m);
	report_console_choice(c, &earlycon);
}

/* The RAM plan as the boot makes it; 0 or the refusal's status. */
static int check_ram(const struct options *o)
{
	static struct phys_range banks[MACHINE_MAX_BANKS];
	static struct ram_reservation rsv[MACHINE_MAX_RESERVED];
	struct ram_plan_input in = { .pa_bits = o->pa_bits > RAM_PA_BITS_MAX ? RAM_PA_BITS_MAX
								: o->pa_bits,
				     .linear_budget = RAM_LINEAR_BUDGET };
	char line[300];
	int rc;

	ram_input_from_machine(&m, banks, rsv, &in, &nr_dynamic);
	in.image_size = image_size_of(o->image);
	if (!in.image_size) {
		printf("machine-check: %s: no Image header (image_size): --image FILE\n", o->image);
		in.image_size = 0x100000;
	}
	in.phys_image = o->have_load ? o->load : in.nr_banks ? banks[0].phys_start + SZ_2M : 0;
	in.phys_dtb = o->dtb_pa;
	in.dtb_size = o->have_dtb_pa ? m.fdt_size : 0;
	printf("image: assumed at pa 0x%llx (%s), 0x%llx bytes (%s); DTB %s\n",
	       (unsigned long long)in.phys_image, o->have_load ? "--load" : "the first bank + 2 MiB",
	       (unsigned long long)in.image_size, o->image,
	       o->have_dtb_pa ? "at --dtb-pa" : "not placed (--dtb-pa PA)");
	rc = ram_plan_make(&in, &plan);
	if (rc != RAM_OK) {
		snprintf(line, sizeof(line), "RAM: %s: %s", ram_plan_strerror(rc), plan.verdict_name);
		return fatal(ram_plan_refusal_status(rc), line);
	}
	return 0;
}

/* PSCI's conduit where something can answer it (start/dtb.c's rule). */
static void check_psci(const struct options *o)
{
	if (o->el == 2 && m.psci.conduit == PSCI_CONDUIT_HVC)
		report_psci_hvc_at_el2(&m.psci);
	conduit = psci_usable_conduit(m.psci.conduit, o->el);
}

static void check_options(const struct options *o)
{
	struct boot_options opts = { 0 };
	struct bootarg_option table[BOOT_OPTIONS_ENTRIES];
	const struct bootarg_option *tables[1] = { table };

	boot_options_table(&opts, table);
	(void)bootargs_parse(o->cmdline, tables, 1, say_option, NULL);
}

/* The report's setup lines about the machine, and the plan's summary. */
static void summary(void)
{
	const struct machine_console *c = &m.console;
	const char *ram;
	char line[200];
	struct strbuf sb;

	if (console_verdict(c, bank_holding, &m, &ram) == CONSOLE_DRIVEN)
		printf("console %s (%s) at pa 0x%llx by %s%s%s\n", c->path,
		       machine_console_kind_name(c->kind), (unsigned long long)c->phys_base,
		       machine_console_rule_name(c->rule), c->rule == MACHINE_RULE_EARLYCON ? "=" : "",
		       c->rule == MACHINE_RULE_EARLYCON ? earlycon.req.value : "");
	report_ram(&plan, m.memory.n_banks, false, &m.reserved, nr_dynamic, NULL);
	printf("psci conduit: %s; cpus: %d in the DTB\n", psci_conduit_name(conduit),
	       m.cpus.n_cpus);
	strbuf_init(&sb, line, sizeof(line));
	cpu_plan_summary(&cpus, &sb);
	say(line, NULL);
}

/* In the boot's order (start/main.c): the console, the DTB's parts, RAM,
 * PSCI, the options, the CPU plan; then the report's setup lines. */
static int check_dtb(struct options *o, const void *buf, size_t len)
{
	char line[300];
	int status;

	(void)machine_read(buf, len, &m);
	if (m.valid.err != MACHINE_OK) {
		snprintf(line, sizeof(line), "no usable DTB in %s: %s", o->path,
			 machine_strerror(m.valid.err));
		return fatal(EXIT_BAD_DTB, line);
	}
	printf("machine: %s (%s), DTB %s, %zu bytes, %u nodes\n", m.model ? m.model : "no model",
	       m.compatible ? m.compatible : "no compatible", o->path, len, m.tree.n_nodes);
	if (!o->cmdline)
		o->cmdline = m.chosen.bootargs;
	check_console(o);
	if (o->ram_size) {
		/* What the firmware writes into /memory before it hands over. */
		m.memory.bank[0] = (struct machine_bank){ o->ram_base, o->ram_size, "--ram" };
		m.memory.n_banks = 1;
		m.memory.problem = (struct machine_problem){ 0 };
		printf("ram: from --ram, as the firmware would fill /memory: 0x%llx bytes at pa "
		       "0x%llx\n", (unsigned long long)o->ram_size, (unsigned long long)o->ram_base);
	}
	if (m.memory.problem.err != MACHINE_OK) {
		report_machine_problem("memory", &m.memory.problem);
		return fatal(EXIT_BAD_DTB, "the DTB's /memory cannot be used (a firmware that fills "
			     "it, U-Boot or the Pi's, stands in with --ram BASE:SIZE; under UEFI the "
			     "memory map gives RAM)");
	}
	if (m.reserved.problem.err != MACHINE_OK) {
		report_machine_problem("reserved memory", &m.reserved.problem);
		return fatal(EXIT_BAD_DTB, "the DTB's reservations cannot be read: RAM they protect "
			     "would be handed out");
	}
	report_machine_problem("cpus", &m.cpus.problem);
	report_machine_problem("psci", &m.psci.problem);
	report_machine_problem("chosen", &m.chosen.problem);
	status = check_ram(o);
	if (status)
		return status;
	check_psci(o);
	check_options(o);
	cpu_plan_make(&m, o->have_mpidr ? o->mpidr : m.cpus.n_cpus ? m.cpus.cpu[0].mpidr : 0,
		      o->el, NULL, &cpus, say, NULL);
	summary();
	printf("stub: exit status %d (the checks of the maps are the boot's own: not run here)\n",
	       EXIT_OK);
	return EXIT_OK;
}

static void print_line(const char *text, void *ctx)
{
	(void)ctx;
	printf("%s\n", text);
}

static int check_acpi(const struct options *o)
{
	static struct acpi_input in;
	const char *why = "";
	int status;

	if (acpi_input_load(&in, o->path, &why)) {
		fprintf(stderr, "machine-check: %s: %s\n", o->path, why);
		return 2;
	}
	acpi_info_init(&acpi, o->have_mpidr ? o->mpidr : ACPI_MPIDR_FIRST_ENABLED);
	if (in.rsdp_pa)
		acpi_read_rsdp(&acpi, in.rsdp_pa, acpi_input_map, &in);
	else
		acpi_read_by_signature(&acpi, acpi_input_find, &in);
	if (acpi.problem.err != ACPI_OK) {
		char buf[300];
		struct strbuf sb;

		strbuf_init(&sb, buf, sizeof(buf));
		acpi_problem_line(&acpi, &sb);
		printf("stub: FATAL: %s\n", buf);
		status = acpi_exit_status(acpi.problem.err);
	} else {
		acpi_report(&acpi, o->every_cpu, print_line, NULL);
		printf("psci conduit: %s; cpus: %u in the MADT\n", !acpi.fadt.psci ? "none"
		       : acpi.fadt.hvc ? "hvc" : "smc", acpi.madt.nr_cpus);
		status = acpi.console.verdict == ACPI_CONSOLE_USABLE ? EXIT_OK : EXIT_ACPI_NO_CONSOLE;
	}
	printf("stub: exit status %d\n", status);
	acpi_input_free(&in);
	return status;
}

/* The MMU-off reader (lib/early_dtb.c) on the same blob, after the full
 * reader's records. It trusts the header's totalsize (at boot nothing
 * else says where the blob ends): a file shorter than that is not handed
 * to it, and reads as its "no usable DTB" (as machine_read refuses it). */
static void early_records(const void *buf, size_t len)
{
	const unsigned char *h = buf;
	struct early_dtb e = { .why = "no usable DTB at x0" };
	size_t totalsize = len >= 8 ? (size_t)h[4] << 24 | (size_t)h[5] << 16 |
				      (size_t)h[6] << 8 | h[7] : len + 1;

	if (totalsize <= len)
		early_dtb_read(buf, &e);
	machine_records_early(&m, &e);
}

/* Each DTB's records, as the corpus test reads them: a file's output is
 * flushed before the next is read, so a crash is blamed on its DTB. */
static int records(struct options *o)
{
	int bad = 0;

	for (int i = 0; i < o->n_paths; i++) {
		size_t len = 0;
		void *buf;

		o->path = o->paths[i];
		printf("== %s\n", o->path);
		fflush(stdout);
		buf = load_file(o->path, &len);
		if (!buf) {
			printf("# cannot read\n");
			bad = 1;
			continue;
		}
		machine_records_print(&m, machine_read(buf, len, &m));
		early_records(buf, len);
		fflush(stdout);
		free(buf);
	}
	return bad;
}

int main(int argc, char **argv)
{
	struct options o;
	size_t len = 0;
	void *buf;
	int status;

	if (!parse(argc, argv, &o))
		return usage();
	if (o.records)
		return records(&o);
	buf = load_file(o.path, &len);
	if (buf && is_dtb(buf, len)) {
		status = check_dtb(&o, buf, len);
		free(buf);
		return status;
	}
	free(buf);
	return check_acpi(&o);
}
