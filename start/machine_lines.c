/*
 * machine_lines.c - the report's lines about the machine (see
 * machine_lines.h).
 */
#include <stdio.h>
#include "align.h"
#include "dump.h"
#include "esr.h"
#include "machine_lines.h"
#include "memory.h"

/* One part of the DTB that lib/machine.c could not read in full, named. */
void report_machine_problem(const char *part, const struct machine_problem *pb)
{
	if (pb->err == MACHINE_OK)
		return;
	printf("dtb: %s: %s (node %s, property %s, value 0x%llx)\n", part,
	       machine_strerror(pb->err), pb->node ? pb->node : "-", pb->prop ? pb->prop : "-",
	       (unsigned long long)pb->value);
}

/* What the rules did before the console was brought up: an earlycon word
 * not obeyed (and why), or later ones not read; a rule whose console could
 * not be used and was passed over for the next one. */
void report_console_choice(const struct machine_console *c, const struct console_earlycon *e)
{
	const struct machine_console_passed *p = &c->passed;

	if (e->asked && e->ignored)
		printf("console: earlycon=%s: %s%s%s%s; ignored, the %s console kept\n",
		       e->req.value, e->ignored, e->detail[0] ? " (" : "", e->detail,
		       e->detail[0] ? ")" : "", machine_console_rule_name(e->over));
	if (e->later)
		printf("console: %u more earlycon word%s after the first: not read (Linux takes the "
		       "first)\n", e->later, e->later == 1 ? "" : "s");
	if (p->rule != MACHINE_RULE_NONE && c->rule != p->rule)
		printf("console: %s%s%s%s %s%s%s%s; %s used instead\n",
		       p->value ? "" : "/chosen/", machine_console_rule_name(p->rule),
		       p->value ? " " : "", p->value ? p->value : "",
		       machine_console_why_text(p->why), p->compatible ? " (compatible \"" : "",
		       p->compatible ? p->compatible : "", p->compatible ? "\")" : "",
		       machine_console_rule_name(c->rule));
}

void report_console_absent(const struct machine_console *c, bool acpi)
{
	const struct machine_console_passed *p = &c->passed;

	if (c->rule == MACHINE_RULE_EARLYCON) {
		printf("console: none: earlycon=smh asks for semihosting, no UART\n");
		return;
	}
	if (acpi) {
		printf("console: none: the ACPI tables describe no usable console (the acpi: "
		       "console line says why)\n");
		return;
	}
	if (p->why == MACHINE_WHY_MALFORMED) {
		printf("console: none: /chosen/%s %s; no /aliases/serial0 to use instead\n",
		       machine_console_rule_name(p->rule), machine_console_why_text(p->why));
		return;
	}
	printf("console: none: %s\n", c->problem.err != MACHINE_OK ?
	       machine_strerror(c->problem.err) :
	       "the DTB names none (no /chosen/stdout-path, no /aliases/serial0)");
	report_machine_problem("console", &c->problem);
}

void report_console_unusable(const struct machine_console *c)
{
	printf("console: none: %s %s %s (compatible \"%s\")\n",
	       machine_console_rule_name(c->rule), c->path,
	       machine_console_why_text(c->available ? MACHINE_WHY_NO_DRIVER : MACHINE_WHY_DISABLED),
	       c->compatible ? c->compatible : "");
}

void report_console_in_ram(const struct machine_console *c, const char *ram)
{
	printf("console: none: %s's reg, pa 0x%llx, lies in RAM (%s): not a UART's registers, not "
	       "used\n", c->path, (unsigned long long)c->phys_base, ram);
}

bool report_console_verdict(const struct machine_console *c, bool acpi, console_ram_fn in_ram,
			    void *arg)
{
	const char *ram;

	switch (console_verdict(c, in_ram, arg, &ram)) {
	case CONSOLE_NONE:
		report_console_absent(c, acpi);
		return false;
	case CONSOLE_UNUSABLE:
		report_console_unusable(c);
		return false;
	case CONSOLE_IN_RAM:
		report_console_in_ram(c, ram);
		return false;
	case CONSOLE_DRIVEN:
		break;
	}
	return true;
}

void report_psci_hvc_at_el2(const struct machine_psci *psci)
{
	printf("psci: %s says method \"hvc\", but the image was entered at EL2: an HVC would go "
	       "to the image's own EL2 (no hypervisor below it); PSCI not used (no CPU_ON, no "
	       "SYSTEM_OFF)\n", psci->node ? psci->node : "/psci");
}

void report_console_refused(const struct machine_console *c, const char *why)
{
	printf("console: none: %s at pa 0x%llx cannot be used: %s\n", c->path,
	       (unsigned long long)c->phys_base, why);
}


/* What the look at a bank found where it is not RAM (start/ram.c): the
 * first failing answer of the piece. */
static void print_finding(const struct ram_probe_finding *f)
{
	char cause[ESR_DESCRIBE_MAX];

	if (f->answer == RAM_PROBE_FAULT)
		printf(": nothing answers at pa 0x%llx (%s)", (unsigned long long)f->pa,
		       esr_describe(f->esr, "; ", cause, sizeof(cause)));
	else
		printf(": pa 0x%llx does not hold a written value (wrote 0x%llx, read 0x%llx)",
		       (unsigned long long)f->pa, (unsigned long long)f->wrote,
		       (unsigned long long)f->read);
}

/* What the plan merged: overlapping and duplicate banks (ram: lines), or
 * overlapping and unaligned reservations (reserved: lines). */
static void print_notes(const struct ram_plan *ram, bool reservations)
{
	static const char *const joined[] = {
		[RAM_NOTE_BANK_OVERLAP] = "over", [RAM_NOTE_BANK_DUPLICATE] = "repeats",
		[RAM_NOTE_RSV_OVERLAP] = "over",
	};
	char size[16];

	for (unsigned i = 0; i < ram->nr_notes; i++) {
		const struct ram_note *n = &ram->note[i];

		if ((n->kind >= RAM_NOTE_RSV_OVERLAP) != reservations)
			continue;
		if (n->kind == RAM_NOTE_RSV_UNALIGNED) {
			uint64_t s = align_down(n->phys_start, PAGE_SIZE);
			uint64_t e = align_up(n->phys_start + n->size, PAGE_SIZE);

			printf("reserved: %s, 0x%llx bytes at pa 0x%llx, is not page aligned: its whole "
			       "pages, %s at pa 0x%llx, are kept from the allocator\n", n->name,
			       (unsigned long long)n->size, (unsigned long long)n->phys_start,
			       format_size(e - s, size, sizeof(size)), (unsigned long long)s);
			continue;
		}
		printf("%s: %s: %s at pa 0x%llx (%s %s %s): %s once\n",
		       reservations ? "reserved" : "ram", ram_note_kind_name(n->kind),
		       format_size(n->size, size, sizeof(size)), (unsigned long long)n->phys_start,
		       n->name, joined[n->kind], n->other, reservations ? "held" : "counted");
	}
}

void report_ram(const struct ram_plan *ram, int banks, bool efi,
		const struct machine_reserved *rsv, unsigned nr_dynamic,
		const struct ram_look *look)
{
	char size[16], size2[16];

	printf("ram: 0x%llx bytes (%s) in %d %s%s%s; linear map va 0x%llx = pa 0x%llx, %s in %u "
	       "range%s\n", (unsigned long long)ram->bytes_ram,
	       format_size(ram->bytes_ram, size, sizeof(size)), banks,
	       efi ? "range" : "bank", banks == 1 ? "" : "s",
	       efi ? " of the EFI memory map" : "", (unsigned long long)PAGE_OFFSET,
	       (unsigned long long)ram->phys_memstart,
	       format_size(ram->bytes_mapped, size2, sizeof(size2)), ram->nr_linear,
	       ram->nr_linear == 1 ? "" : "s");
	if (look && look->full)
		printf("ram probes: %u page%s of %u bank%s tried before use (each bank's first and "
		       "last free page, one per GiB): %u piece%s not RAM\n", look->pages_tried,
		       look->pages_tried == 1 ? "" : "s", look->banks_tried,
		       look->banks_tried == 1 ? "" : "s", look->pieces, look->pieces == 1 ? "" : "s");
	/* Nothing is left out, or merged, silently. */
	print_notes(ram, false);
	for (unsigned i = 0; i < ram->nr_losses; i++) {
		const struct ram_loss *l = &ram->loss[i];

		printf("ram: not mapped: %s at pa 0x%llx (%s): %s",
		       format_size(l->size, size, sizeof(size)), (unsigned long long)l->phys_start,
		       l->name, ram_loss_reason_name(l->reason));
		if (l->reason == RAM_LOSS_ABSENT && look)
			print_finding(&look->findings[l->absent]);
		printf("\n");
	}
	if (rsv->n_rsv)
		printf("reserved: %d ranges (%d from /memreserve/, %u without an address: not "
		       "placed), never handed out\n", rsv->n_rsv, rsv->n_memreserve, nr_dynamic);
	print_notes(ram, true);
}
