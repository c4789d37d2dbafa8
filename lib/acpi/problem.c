/*
 * problem.c - an ACPI refusal in words, and its exit status.
 *
 * Owns: acpi_err_name, acpi_exit_status (lib/exit.h's EXIT_ACPI_*: one
 * per refusal) and acpi_problem_line: the one line that names the table,
 * where in it and what was found, as the UEFI entry prints it on the
 * firmware's console and the host tool on its output. Builds with
 * lib/strbuf.h: safe at the load address.
 */
#include "acpi/acpi.h"
#include "acpi/problem.h"
#include "exit.h"

const char *acpi_err_name(enum acpi_err err)
{
	switch (err) {
	case ACPI_OK:              return "ok";
	case ACPI_ERR_NO_RSDP:     return "no RSDP";
	case ACPI_ERR_RSDT_ONLY:   return "an RSDT only (ACPI 1.0), no XSDT";
	case ACPI_ERR_BAD_TABLE:   return "a table fails its checks";
	case ACPI_ERR_NO_BOOT_CPU: return "this CPU is not in the MADT";
	default:                   return "a GICC entry of a bad length";
	}
}

int acpi_exit_status(enum acpi_err err)
{
	switch (err) {
	case ACPI_OK:              return EXIT_OK;
	case ACPI_ERR_NO_RSDP:     return EXIT_ACPI_NO_RSDP;
	case ACPI_ERR_RSDT_ONLY:   return EXIT_ACPI_RSDT_ONLY;
	case ACPI_ERR_BAD_TABLE:   return EXIT_ACPI_BAD_TABLE;
	case ACPI_ERR_NO_BOOT_CPU: return EXIT_ACPI_NO_BOOT_CPU;
	default:                   return EXIT_ACPI_BAD_GICC;
	}
}

static const char *why_text(enum acpi_why why)
{
	switch (why) {
	case ACPI_WHY_NOT_IN_MEMORY:  return "not all in memory: ";
	case ACPI_WHY_SIGNATURE:      return "wrong signature: ";
	case ACPI_WHY_SHORT:          return "Length too short for its fields: ";
	case ACPI_WHY_TOO_LONG:       return "Length above 4 MiB (ACPI_MAX_TABLE_SIZE): ";
	case ACPI_WHY_CHECKSUM:       return "checksum fails (its bytes sum to a value not 0 "
					     "mod 256): ";
	case ACPI_WHY_XSDT_ENTRIES:   return "Length - 36 is not a multiple of 8 (ACPI 6.5, "
					     "5.2.8): ";
	case ACPI_WHY_SUBTABLE:       return "a structure's length is 0, 1 or runs past the "
					     "table: ";
	case ACPI_WHY_DBG2_REGISTERS: return "a serial device's register GAS lies outside it: ";
	case ACPI_WHY_ABSENT:         return "the XSDT lists none: ";
	default:                      return "";
	}
}

/* "the MADT (APIC) at pa 0x...". */
static void name_table(struct strbuf *sb, const struct acpi_problem *pb)
{
	strbuf_str(sb, "the ");
	strbuf_str(sb, pb->table);
	if (pb->pa) {
		strbuf_str(sb, " at pa ");
		strbuf_hex(sb, pb->pa);
	}
}

static void where(struct strbuf *sb, const struct acpi_problem *pb)
{
	strbuf_str(sb, "offset ");
	strbuf_dec(sb, pb->offset);
	strbuf_str(sb, ", value ");
	strbuf_hex(sb, pb->value);
}

void acpi_problem_line(const struct acpi_info *info, struct strbuf *sb)
{
	const struct acpi_problem *pb = &info->problem;

	strbuf_str(sb, "ACPI: ");
	strbuf_str(sb, acpi_err_name(pb->err));
	strbuf_str(sb, ": ");
	switch (pb->err) {
	case ACPI_ERR_NO_RSDP:
		if (!pb->pa) {
			strbuf_str(sb, "the firmware gave neither a DTB nor an ACPI 2.0 RSDP "
				   "(EFI configuration table)");
			return;
		}
		strbuf_str(sb, "none at pa ");
		strbuf_hex(sb, pb->pa);
		strbuf_str(sb, pb->why == ACPI_WHY_SIGNATURE ? " (no \"RSD PTR \" signature)"
			   : " (not in memory)");
		return;
	case ACPI_ERR_RSDT_ONLY:
		name_table(sb, pb);
		strbuf_str(sb, pb->offset == 15 ? " has revision " : " has XsdtAddress 0 (RsdtAddress ");
		strbuf_hex(sb, pb->value);
		strbuf_str(sb, pb->offset == 15 ? "" : ")");
		strbuf_str(sb, "; Arm systems need ACPI 2.0 or later with an XSDT (SBBR)");
		return;
	case ACPI_ERR_NO_BOOT_CPU:
		if (pb->why == ACPI_WHY_ABSENT) {
			strbuf_str(sb, "the XSDT lists no MADT (APIC)");
			return;
		}
		strbuf_str(sb, "no GICC entry of ");
		name_table(sb, pb);
		strbuf_str(sb, " has this CPU's MPIDR ");
		strbuf_hex(sb, pb->value);
		strbuf_str(sb, " (");
		strbuf_dec(sb, info->madt.nr_gicc);
		strbuf_str(sb, " GICC entries)");
		return;
	case ACPI_ERR_BAD_GICC:
		name_table(sb, pb);
		strbuf_str(sb, ": the GICC entry at offset ");
		strbuf_dec(sb, pb->offset);
		strbuf_str(sb, " has length ");
		strbuf_dec(sb, pb->value);
		strbuf_str(sb, " (76, 80 or 82, inside the table: ACPI 6.5, 5.2.12.14)");
		return;
	default:
		name_table(sb, pb);
		strbuf_str(sb, ": ");
		strbuf_str(sb, why_text(pb->why));
		where(sb, pb);
		return;
	}
}
