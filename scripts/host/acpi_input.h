/*
 * acpi_input.h - ACPI tables on the host: from a folder of raw tables or
 * an acpidump text log, for the reader in lib/acpi/.
 *
 * Owns: struct acpi_input (the tables found, each with its signature,
 * bytes and, from an acpidump log, its physical address), loading it, and
 * the two callbacks lib/acpi/ reads through: acpi_input_map (by physical
 * address: the RSDP's walk, when the log has an RSDP) and acpi_input_find
 * (by signature: a folder, whose files' names do not matter). Written to
 * be shared: build/host/machine-check takes ACPI tables with it.
 */
#ifndef ACPI_INPUT_H
#define ACPI_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ACPI_INPUT_MAX 64

struct acpi_input_table {
	char sig[9];            /* "APIC", or "RSD PTR " for the RSDP */
	uint64_t pa;            /* from the log; 0 from a folder */
	uint8_t *bytes;
	size_t size;
	char source[256];       /* the file it came from */
};

struct acpi_input {
	struct acpi_input_table table[ACPI_INPUT_MAX];
	unsigned n;
	bool from_log;          /* addresses known */
	uint64_t rsdp_pa;       /* 0: no RSDP */
};

/* A folder (every regular file, recognized by its first bytes) or an
 * acpidump text log (its "SIG @ 0xADDR" blocks; other lines ignored, so a
 * boot log holding them will do). 0, or -1 with *why. */
int acpi_input_load(struct acpi_input *in, const char *path, const char **why);
void acpi_input_free(struct acpi_input *in);

/* lib/acpi/'s acpi_map_fn and acpi_find_fn over *in (ctx). */
const void *acpi_input_map(void *ctx, uint64_t pa, uint64_t len);
const void *acpi_input_find(void *ctx, const char *sig, uint64_t *pa, uint64_t *len);

#endif /* ACPI_INPUT_H */
