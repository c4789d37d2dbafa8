/*
 * acpi.c - the machine from the ACPI tables the UEFI entry read.
 *
 * Owns: booted_by_acpi() (efi_boot_info says the tables describe the
 * machine: the firmware gave no DTB), acpi_describe (efi_acpi_info, read
 * and checked under boot services by start/efi/efi.c, as the boot's struct
 * machine: lib/acpi/machine.c; the console's rule, SPCR or DBG2), the
 * report's "acpi:" lines (lib/acpi/report.c, the same as the host tool's)
 * with the memory the tables lie in, kept out of free RAM, and the status
 * of a boot that found no console in them (EXIT_ACPI_NO_CONSOLE). The
 * tables themselves are never read here: the MMU-on boot has only what
 * the entry kept.
 */
#include <stdio.h>
#include "acpi/acpi.h"
#include "boot.h"
#include "console.h"
#include "dump.h"
#include "efi.h"
#include "exit.h"

bool booted_by_acpi(void)
{
	return booted_by_efi() && efi_boot_info.described_by == EFI_DESCRIBED_BY_ACPI;
}

void acpi_describe(struct boot *b)
{
	acpi_fill_machine(&efi_acpi_info, &b->machine);
}

static void print_line(const char *text, void *ctx)
{
	(void)ctx;
	printf("%s\n", text);
}

void report_acpi(const struct boot *b)
{
	char reclaim[16], nvs[16];

	acpi_report(&efi_acpi_info, b->report_full, print_line, NULL);
	printf("acpi: the tables in %s of ACPI reclaim memory, %s of ACPI NVS (EFI memory map "
	       "types 9, 10): kept out of free RAM\n",
	       format_size(efi_boot_info.acpi_reclaim_bytes, reclaim, sizeof(reclaim)),
	       format_size(efi_boot_info.acpi_nvs_bytes, nvs, sizeof(nvs)));
}

int acpi_boot_status(int status)
{
	if (!booted_by_acpi() || efi_acpi_info.console.verdict == ACPI_CONSOLE_USABLE ||
	    status != EXIT_OK || console_port())
		return status;              /* a console (earlycon= too), or another status */
	printf("stub: the ACPI tables describe no usable console: exit status %d "
	       "(EXIT_ACPI_NO_CONSOLE) for a boot that passed\n", EXIT_ACPI_NO_CONSOLE);
	return EXIT_ACPI_NO_CONSOLE;
}
