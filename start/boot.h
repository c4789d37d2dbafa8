/*
 * boot.h - the boot CPU's state from head.S to the exit, and the steps
 * kernel_main takes.
 *
 * Owns: struct boot, everything this boot learns once (from head.S, the
 * DTB or the EFI memory map, the boot arguments) and makes (the maps, the
 * RAM plan, the page allocator, the checks' tally), in one structure that
 * kernel_main hands by pointer to each step; and the steps' declarations,
 * file by file: dtb.c (the DTB, its console), acpi.c (under UEFI without a
 * DTB, the ACPI tables the entry read), ram.c (RAM), options.c (the
 * boot arguments), verify.c (the maps built and checked), report.c (every
 * line of the report). Nothing is compiled in for a board: every fact
 * comes from the DTB, the link symbols or the registers.
 */
#ifndef BOOT_H
#define BOOT_H

#include <stdbool.h>
#include <stdint.h>
#include "check.h"
#include "console_choice.h"
#include "hooks.h"
#include "machine.h"
#include "machine_lines.h"
#include "maps.h"
#include "pgalloc.h"
#include "probes.h"
#include "ram_plan.h"
#include "ram_probe.h"
#include "walk.h"
#include "xlat.h"

/* Where the DTB came from: x0, as every loader passes it (booting.rst),
 * or, with x0 = 0 (an ELF boot), the one QEMU puts at the start of RAM,
 * ELF_DTB_BELOW_IMAGE below the image for every board's ELF (board.mk:
 * BOARD_LOAD_PA = RAM base + 2 MiB). */
enum dtb_source { DTB_FROM_X0, DTB_BELOW_IMAGE };
#define ELF_DTB_BELOW_IMAGE SZ_2M

struct boot {
	/* From head.S. */
	unsigned entry_el;               /* the EL the loader entered at */
	uint64_t insns_to_mmu_on;        /* PMCCNTR_EL0 when the MMU went on */
	uint64_t mmfr0;                  /* ID_AA64MMFR0_EL1 */
	unsigned pa_bits;                /* TCR_EL1.IPS: the PA size head.S chose */
	struct image_symbols syms;       /* the link symbols, as VAs */
	/* What the machine is. */
	enum dtb_source dtb_source;
	struct machine machine;          /* what the DTB (or ACPI) says (about 20 KiB) */
	struct console_earlycon earlycon; /* earlycon= over it (console_choice.h) */
	struct ram_plan ram;             /* the plan of RAM (about 30 KiB) */
	unsigned ram_pages_tried;        /* the look at the banks (ram.c) */
	unsigned ram_banks_tried;
	unsigned ram_pieces_absent;      /* what did not answer, left out */
	struct ram_probe_finding ram_findings[RAM_MAX_ABSENT];  /* each piece's */
	unsigned nr_dynamic_rsv;         /* reservations without an address */
	unsigned nr_secondaries;         /* the CPUs smp.c will start */
	/* The boot arguments this image obeys (options.c), from cmdline. */
	const char *cmdline;             /* /chosen/bootargs, or UEFI's load options */
	bool report_full;                /* stub.report=full */
	int shell;                       /* stub.shell: the monitor */
	int demand;                      /* stub.demand: the demonstration */
	int demand_exhaust;              /* stub.demand-exhaust: it, beyond the pool,
					  * until RAM runs out */
	/* The maps: the facts they are made of, their runtime API contexts,
	 * the walker over the live one, and what the checks translate. */
	struct boot_layout layout;
	struct xlat_ctx early_xlat, final_xlat;
	struct walk_ctx walk;
	struct probe probes[MAX_PROBES];
	int nprobes;
	struct check_env checks;
	struct check_tally tally;        /* every check, every map, every CPU */
	struct hook_env hooks;           /* what a test build's hooks see */
	/* The page allocator, once the final map is live. */
	struct pgalloc_ctx pages;
	int status;                      /* the exit status so far */
};

/* main.c: the boot's first step, what head.S handed over. */
void boot_begin(struct boot *b, unsigned entry_el, uint64_t phys_text, uint64_t insns_to_mmu_on);

/* dtb.c: the DTB found, mapped and read, or a refusal; its parts checked;
 * the PSCI conduit it names. */
void dtb_find(struct boot *b, uint64_t x0);
void dtb_check_parts(struct boot *b);
void psci_from_dtb(struct boot *b);
bool booted_by_efi(void);

/* console.c: the console its rules choose (earlycon=, the DT's or ACPI's),
 * checked, mapped and brought up, or none, said why. */
void console_bring_up(struct boot *b);

/* acpi.c: the machine from the ACPI tables the UEFI entry read; their
 * report lines; the status of a boot they gave no console. */
bool booted_by_acpi(void);
void acpi_describe(struct boot *b);
void report_acpi(const struct boot *b);
int acpi_boot_status(int status);

/* ram.c: the plan of RAM from the DTB's banks and reservations (or the
 * EFI memory map); a look at every bank (a few pages tried, what does not
 * answer left out); the boot's own pieces of free RAM (the table pool,
 * the secondaries' stacks); the page allocator over the rest. */
void ram_plan_boot(struct boot *b);
void ram_check_banks(struct boot *b);
void ram_take_boot_memory(struct boot *b);
void ram_start_allocator(struct boot *b);

/* options.c: the command line that counts; the boot arguments this image
 * obeys on it. */
const char *boot_cmdline(const struct boot *b);
void options_read(struct boot *b);

/* verify.c: the checks of the early map; the final map built, switched
 * to and checked; the other CPUs and the test build's checks. */
void verify_early_map(struct boot *b);
void final_map_install(struct boot *b);
void verify_final_map(struct boot *b);
void verify_other_cpus(struct boot *b);

/* report.c: every line of the report (docs/report.md), and the fatal end. */
__attribute__((format(printf, 2, 3), noreturn))
void boot_fatal(int status, const char *fmt, ...);
void report_efi_cmdline(const char *cmdline, unsigned non_ascii, unsigned cut);
void report_setup(const struct boot *b);
void report_tables(const struct walk_ctx *w, const char *which);
void report_early_checks_start(void);
void report_map_tally(const char *map, const struct check_tally *t);
void report_final_map(const struct boot *b);
void report_memory(const struct boot *b, const struct pgalloc_stats *st);
void report_final_checks_start(void);
void report_end(const struct boot *b);

#endif /* BOOT_H */
