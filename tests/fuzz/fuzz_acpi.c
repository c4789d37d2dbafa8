/*
 * fuzz_acpi.c - libFuzzer harness for the ACPI reader (lib/acpi/).
 *
 * Owns: the input as a machine's physical memory from FUZZ_ACPI_BASE,
 * the RSDP at its first byte (the seeds, tests/fuzz/acpi-seeds.py: the
 * tables iasl compiles for the unit tests, packed with their addresses
 * and checksums made right), read twice: from the RSDP through a map
 * callback that gives only what lies inside the input (an exact-size
 * copy: ASan sees one byte read past it), and by signature (the first
 * of each signature at a 4-byte boundary, the rest of the input its
 * bytes); then every consumer of the result (the refusal line, the report
 * lines, struct machine). What it proves: no read outside the tables, no
 * undefined behaviour, and no loop (libFuzzer's -timeout) whatever the
 * bytes; and that a result the reader accepts holds together (this CPU
 * found, counts within their arrays).
 */
#include <stdlib.h>
#include <string.h>
#include "acpi/acpi.h"
#include "acpi/problem.h"

#define FUZZ_ACPI_BASE 0x1000

struct memory {
	const uint8_t *d;
	size_t n;
};

static const void *map_input(void *ctx, uint64_t pa, uint64_t len)
{
	const struct memory *m = ctx;

	if (pa < FUZZ_ACPI_BASE || pa - FUZZ_ACPI_BASE > m->n || len > m->n - (pa - FUZZ_ACPI_BASE))
		return NULL;
	return m->d + (pa - FUZZ_ACPI_BASE);
}

static const void *find_input(void *ctx, const char *sig, uint64_t *pa, uint64_t *len)
{
	const struct memory *m = ctx;

	for (size_t off = 0; off + 4 <= m->n; off += 4)
		if (!memcmp(m->d + off, sig, 4)) {
			*pa = FUZZ_ACPI_BASE + off;
			*len = m->n - off;
			return m->d + off;
		}
	return NULL;
}

static void drop_line(const char *text, void *ctx)
{
	(void)ctx;
	if (!memchr(text, '\0', 4096))
		abort();
}

static void consume(const struct acpi_info *info)
{
	static struct machine machine;
	char buf[300];
	struct strbuf sb;

	strbuf_init(&sb, buf, sizeof(buf));
	acpi_problem_line(info, &sb);
	if (info->problem.err != ACPI_OK)
		return;
	if (info->madt.boot < 0 || (uint32_t)info->madt.boot >= info->madt.nr_cpus ||
	    info->madt.nr_cpus > ACPI_MAX_CPUS)
		abort();
	acpi_report(info, true, drop_line, NULL);
	acpi_fill_machine(info, &machine);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct acpi_info info;
	uint8_t *copy = malloc(size ? size : 1);
	struct memory m = { copy, size };

	memcpy(copy, data, size);
	acpi_info_init(&info, 0);
	acpi_read_rsdp(&info, FUZZ_ACPI_BASE, map_input, &m);
	consume(&info);
	acpi_info_init(&info, ACPI_MPIDR_FIRST_ENABLED);
	acpi_read_by_signature(&info, find_input, &m);
	consume(&info);
	free(copy);
	return 0;
}
