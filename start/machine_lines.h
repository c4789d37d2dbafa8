/*
 * machine_lines.h - the report's lines about the machine: what the DTB
 * or the ACPI tables say and what the boot makes of it.
 *
 * Owns: the text of the lines about the DTB's parts it could not read in
 * full, the console's choice and its absence or refusal, PSCI over hvc at
 * EL2, and RAM (the plan's banks, linear ranges, what is left out and
 * why, the reservations), printed with printf: by the boot's report
 * (start/report.c, start/console.c, start/dtb.c) and, the same lines, by
 * build/host/machine-check on the host. Host-compilable: no register, no
 * boot state.
 */
#ifndef MACHINE_LINES_H
#define MACHINE_LINES_H

#include <stdbool.h>
#include "console_choice.h"
#include "machine.h"
#include "ram_plan.h"
#include "ram_probe.h"

void report_machine_problem(const char *part, const struct machine_problem *pb);
void report_console_choice(const struct machine_console *c, const struct console_earlycon *e);
void report_console_absent(const struct machine_console *c, bool acpi);
void report_console_unusable(const struct machine_console *c);
void report_console_refused(const struct machine_console *c, const char *why);
void report_console_in_ram(const struct machine_console *c, const char *ram);
/* The console's verdict (console_verdict: in_ram(pa, arg) names the RAM a
 * reg lies in); its line when it is not driven. true: the UART is to be
 * brought up. */
bool report_console_verdict(const struct machine_console *c, bool acpi, console_ram_fn in_ram,
			    void *arg);
void report_psci_hvc_at_el2(const struct machine_psci *psci);
/* The look at the banks (start/ram.c): what was tried, and for the plan's
 * absent piece i, findings[i]. */
struct ram_look {
	unsigned pages_tried, banks_tried, pieces;
	const struct ram_probe_finding *findings;
	bool full;                       /* stub.report=full: the "ram probes:" line */
};
/* "ram: ..." (banks: the DTB's or the EFI memory map's count), what the
 * plan merged and left out, each piece at its address, "reserved: ...";
 * look NULL where no bank was looked at (the host). */
void report_ram(const struct ram_plan *ram, int banks, bool efi,
		const struct machine_reserved *rsv, unsigned nr_dynamic,
		const struct ram_look *look);

#endif /* MACHINE_LINES_H */
