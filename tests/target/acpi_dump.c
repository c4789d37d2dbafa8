/*
 * acpi_dump.c - the test build writes out the ACPI tables the stub read.
 * Test build only (tests/target/): it registers itself in link.ld's
 * .test_hooks table (start/hooks.h).
 *
 * After the checks, on a boot that took the machine from ACPI, each table
 * the UEFI entry read (the RSDP, the XSDT and every table it lists, whose
 * headers and checksums were all checked: efi_acpi_info keeps where and
 * how long) is mapped read-only into the final map with
 * the runtime API, printed on the console as acpidump prints it ("SIG @
 * 0xPA" then "    OFFS: 16 hex bytes  ASCII"), between the lines
 * "acpi-dump: begin" and "acpi-dump: end", and unmapped. The host takes
 * them from the log with acpixtract, disassembles them with iasl -d and
 * compares them field by field with the report's acpi: lines
 * (tests/qemu/acpi-compare.py); the same log goes through
 * build/host/acpi-check, which must print the same lines.
 */
#include <stdio.h>
#include "acpi/acpi.h"
#include "boot.h"
#include "efi.h"
#include "hooks.h"
#include "memory.h"

/* A free stretch of TTBR1's VA space: the demand-paging window, far above
 * what stub.demand maps. */
#define DUMP_VADDR (DEMAND_VADDR + 0x40000000ULL)

static void dump_bytes(const char *sig, uint64_t pa, const uint8_t *p, uint32_t len)
{
	printf("%s @ 0x%016llx\n", sig, (unsigned long long)pa);
	for (uint32_t off = 0; off < len; off += 16) {
		printf("    %04X:", off);
		for (uint32_t i = off; i < off + 16; i++)
			i < len ? printf(" %02X", p[i]) : printf("   ");
		printf("  ");
		for (uint32_t i = off; i < off + 16 && i < len; i++)
			printf("%c", p[i] >= 0x20 && p[i] < 0x7f ? p[i] : '.');
		printf("\n");
	}
	printf("\n");
}

static int dump_table(const struct hook_env *env, const struct acpi_table_ref *t)
{
	static const struct pte_attrs ro = { .attrindx = MT_NORMAL, .sh = 3, .af = true,
					     .rdonly = true, .pxn = true, .uxn = true };
	uint64_t base = t->pa & ~(uint64_t)(PAGE_SIZE - 1);
	uint64_t size = ((t->pa + t->length + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1)) - base;
	int rc = xlat_map(env->xlat, DUMP_VADDR, base, size, &ro);

	if (rc) {
		printf("acpi-dump: FAIL: %s at pa 0x%llx cannot be mapped: %s\n", t->sig,
		       (unsigned long long)t->pa, xlat_strerror(rc));
		return 1;
	}
	dump_bytes(t->sig, t->pa, (const uint8_t *)(uintptr_t)(DUMP_VADDR + (t->pa - base)),
		   t->length);
	return xlat_unmap(env->xlat, DUMP_VADDR, size) ? 1 : 0;
}

static int after_checks(const struct hook_env *env)
{
	int failures = 0;

	if (!booted_by_acpi())
		return 0;
	printf("acpi-dump: begin\n");
	failures += dump_table(env, &efi_acpi_info.used[ACPI_RSDP]);
	failures += dump_table(env, &efi_acpi_info.used[ACPI_XSDT]);
	for (uint32_t i = 0; i < efi_acpi_info.nr_listed && i < ACPI_MAX_LISTED; i++)
		failures += dump_table(env, &efi_acpi_info.listed[i]);
	printf("acpi-dump: end\n");
	return failures;
}

TEST_HOOKS(acpi_dump_hooks) = {
	.after_checks = after_checks,
};
