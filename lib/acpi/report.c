/*
 * report.c - the "acpi:" lines: what the boot took from the ACPI tables,
 * in the boot's report and, the same lines, in the host tool's output
 * (scripts/host/machine_check.c).
 *
 * Owns: acpi_report: where the tables were (RSDP, XSDT, the tables it
 * lists, those left out and why), the console (its table, interface type,
 * GAS and the access width the driver uses, or why there is none), the
 * FADT (version, hardware-reduced, PSCI and its conduit), the MADT (GICC
 * entries by state and length, GIC version, this CPU) and, on request,
 * each GICC. docs/report.md explains them.
 */
#include <stdarg.h>
#include <stdio.h>
#include "acpi/acpi.h"

struct out {
	void (*line)(const char *text, void *ctx);
	void *ctx;
	char buf[512];
	int len;
};

__attribute__((format(printf, 2, 3)))
static void add(struct out *o, const char *fmt, ...)
{
	va_list ap;

	if (o->len >= (int)sizeof(o->buf))
		return;
	va_start(ap, fmt);
	o->len += vsnprintf(o->buf + o->len, sizeof(o->buf) - (size_t)o->len, fmt, ap);
	va_end(ap);
}

static void flush(struct out *o)
{
	o->line(o->buf, o->ctx);
	o->len = 0;
	o->buf[0] = '\0';
}

static void report_tables(const struct acpi_info *a, struct out *o)
{
	const struct acpi_table_ref *u = a->used;

	if (a->by_signature)
		add(o, "acpi: tables by signature (no RSDP, no XSDT walk); OEM %s %s", a->oem_id,
		    a->oem_table_id);
	else
		add(o, "acpi: RSDP pa 0x%llx revision %u, XSDT pa 0x%llx (OEM %s %s): %u tables:",
		    (unsigned long long)u[ACPI_RSDP].pa, a->rsdp_revision,
		    (unsigned long long)u[ACPI_XSDT].pa, a->oem_id, a->oem_table_id, a->nr_listed);
	for (uint32_t i = 0; !a->by_signature && i < a->nr_listed && i < ACPI_MAX_LISTED; i++)
		add(o, " %s%s", a->listed[i].sig,
		    a->listed[i].checksum_ok ? "" : " (checksum fails: not used)");
	if (a->nr_listed > ACPI_MAX_LISTED)
		add(o, " and %u more", a->nr_listed - ACPI_MAX_LISTED);
	if (a->nr_null_entries)
		add(o, "; %u entries of 0 skipped", a->nr_null_entries);
	if (a->nr_duplicates)
		add(o, "; %u second copies of a table ignored", a->nr_duplicates);
	flush(o);
}

static const char *access_name(uint8_t access_size)
{
	switch (access_size) {
	case 1: return "byte";
	case 2: return "16-bit";
	case 3: return "32-bit";
	case 4: return "64-bit";
	default: return "undefined";
	}
}

static void report_console(const struct acpi_info *a, struct out *o)
{
	const struct acpi_console *c = &a->console;

	if (c->source == ACPI_CONSOLE_NONE) {
		add(o, "acpi: console: none: no SPCR, and no serial port in a DBG2");
		flush(o);
		return;
	}
	add(o, "acpi: console: %s revision %u, interface type 0x%x (%s), pa 0x%llx, GAS space %u, "
	    "bit width %u, access size %u (%s)", c->source == ACPI_CONSOLE_SPCR ? "SPCR" : "DBG2",
	    c->table_revision, c->type, acpi_console_type_name(c->type),
	    (unsigned long long)c->address, c->space_id, c->bit_width, c->access_size,
	    access_name(c->access_size));
	switch (c->verdict) {
	case ACPI_CONSOLE_USABLE:
		add(o, ": driven as %s, %u-bit accesses", machine_console_kind_name(c->kind),
		    8u * c->io_width);
		if (c->kind == MACHINE_CONSOLE_NS16550)
			add(o, ", registers %u bytes apart", 1u << c->reg_shift);
		break;
	case ACPI_CONSOLE_UNSUPPORTED:
		add(o, ": no driver here for this interface type: not used");
		break;
	case ACPI_CONSOLE_NOT_MMIO:
		add(o, ": not in system memory (GAS space 0): not used");
		break;
	default:
		add(o, ": address 0 (console redirection disabled): not used");
		break;
	}
	if (c->source == ACPI_CONSOLE_SPCR)
		add(o, c->baud ? ", %u baud" : ", baud as the firmware left it", c->baud);
	flush(o);
}

static void report_fadt(const struct acpi_info *a, struct out *o)
{
	const struct acpi_fadt *f = &a->fadt;

	if (!f->present) {
		add(o, "acpi: FADT: none: no PSCI");
	} else {
		add(o, "acpi: FADT revision %u.%u: %s", f->revision, f->minor,
		    f->hw_reduced ? "hardware-reduced" : "not hardware-reduced (Flags bit 20 clear: "
		    "Arm systems must set it), read on");
		if (!f->has_arm_boot_arch)
			add(o, "; no ARM_BOOT_ARCH before ACPI 5.1: no PSCI");
		else if (f->psci)
			add(o, "; PSCI compliant, conduit %s", f->hvc ? "hvc" : "smc");
		else
			add(o, "; ARM_BOOT_ARCH 0x%x: not PSCI compliant", f->arm_boot_arch);
	}
	flush(o);
}

static void report_madt(const struct acpi_info *a, bool every_cpu, struct out *o)
{
	const struct acpi_madt *m = &a->madt;
	static const unsigned lengths[] = { 76, 80, 82 };

	add(o, "acpi: MADT revision %u, GIC version %u: %u GICC entries (", m->revision,
	    m->gic_version, m->nr_gicc);
	for (int i = 0, first = 1; i < 4; i++)
		if (m->lengths_seen & (1u << i)) {
			if (i < 3)
				add(o, first ? "%u bytes" : ", %u bytes", lengths[i]);
			else
				add(o, first ? "other lengths" : ", other lengths");
			first = 0;
		}
	add(o, "): %u enabled, %u online-capable (not started), %u off", m->nr_enabled,
	    m->nr_online_capable, m->nr_off);
	if (m->nr_bad_mpidr || m->nr_duplicate || m->nr_dropped)
		add(o, "; left out: %u with bits outside MPIDR's affinity, %u duplicates, %u beyond %d",
		    m->nr_bad_mpidr, m->nr_duplicate, m->nr_dropped, ACPI_MAX_CPUS);
	if (m->boot >= 0)
		add(o, "; this CPU, MPIDR 0x%llx, is GICC %u", (unsigned long long)a->self_mpidr,
		    m->boot_entry);
	flush(o);
	for (uint32_t i = 0; every_cpu && i < m->nr_cpus; i++) {
		const struct acpi_cpu *c = &m->cpu[i];

		add(o, "acpi: GICC at offset %u, length %u: MPIDR 0x%llx, UID %u, %s", c->offset,
		    c->length, (unsigned long long)c->mpidr, c->uid, c->enabled ? "enabled"
		    : c->online_capable ? "online-capable" : "off");
		if (c->parking_version)
			add(o, ", parking protocol version %u, mailbox pa 0x%llx", c->parking_version,
			    (unsigned long long)c->parked_address);
		if ((int32_t)i == m->boot)
			add(o, " (this CPU)");
		flush(o);
	}
}

void acpi_report(const struct acpi_info *a, bool every_cpu,
		 void (*line)(const char *text, void *ctx), void *ctx)
{
	struct out o = { line, ctx, "", 0 };

	report_tables(a, &o);
	report_console(a, &o);
	report_fadt(a, &o);
	report_madt(a, every_cpu, &o);
}
