/*
 * acpi_check.c - build/host/acpi-check: what the stub would use of a
 * machine's ACPI tables, on the host.
 *
 * Owns: the command line (acpi-check [--mpidr MPIDR] [--cpus] TABLES:
 * a folder of raw tables, or an acpidump text log, the stub's own test
 * log included), reading them with the stub's reader (lib/acpi/: from the
 * RSDP when the log has one, else by signature), printing the stub's own
 * lines (the report's "acpi:" lines, its psci and cpus counts; a refusal
 * as its "stub: FATAL:" line) and exiting with the boot's exit status
 * (lib/exit.h: 0, or EXIT_ACPI_* 10-15). Without --mpidr, this CPU is the
 * first enabled GICC's. Meant to become one input of
 * build/host/machine-check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "acpi/acpi.h"
#include "acpi/problem.h"
#include "acpi_input.h"
#include "exit.h"

static struct acpi_info info;

static void print_line(const char *text, void *ctx)
{
	(void)ctx;
	printf("%s\n", text);
}

static int usage(void)
{
	fprintf(stderr, "usage: acpi-check [--mpidr MPIDR] [--cpus] FOLDER|ACPIDUMP-LOG\n"
		"  FOLDER: raw tables, any file names (acpixtract's .dat, /sys/firmware/acpi/tables)\n"
		"  ACPIDUMP-LOG: acpidump's text (\"FACP @ 0x...\" and hex lines)\n"
		"  prints the stub's acpi: lines; exits with the boot's status (lib/exit.h)\n");
	return 2;
}

int main(int argc, char **argv)
{
	uint64_t mpidr = ACPI_MPIDR_FIRST_ENABLED;
	static struct acpi_input in;
	const char *path = NULL, *why = "";
	bool every_cpu = false;
	int status;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--mpidr") && i + 1 < argc)
			mpidr = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--cpus"))
			every_cpu = true;
		else if (argv[i][0] == '-' || path)
			return usage();
		else
			path = argv[i];
	}
	if (!path)
		return usage();
	if (acpi_input_load(&in, path, &why)) {
		fprintf(stderr, "acpi-check: %s: %s\n", path, why);
		return 2;
	}
	acpi_info_init(&info, mpidr);
	if (in.rsdp_pa)
		acpi_read_rsdp(&info, in.rsdp_pa, acpi_input_map, &in);
	else
		acpi_read_by_signature(&info, acpi_input_find, &in);
	if (info.problem.err != ACPI_OK) {
		char buf[300];
		struct strbuf sb;

		strbuf_init(&sb, buf, sizeof(buf));
		acpi_problem_line(&info, &sb);
		printf("stub: FATAL: %s\n", buf);
		status = acpi_exit_status(info.problem.err);
	} else {
		acpi_report(&info, every_cpu, print_line, NULL);
		printf("psci conduit: %s; cpus: %u in the MADT\n", !info.fadt.psci ? "none"
		       : info.fadt.hvc ? "hvc" : "smc", info.madt.nr_cpus);
		status = info.console.verdict == ACPI_CONSOLE_USABLE ? EXIT_OK : EXIT_ACPI_NO_CONSOLE;
	}
	printf("stub: exit status %d\n", status);
	acpi_input_free(&in);
	return status;
}
