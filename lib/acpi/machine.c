/*
 * machine.c - the ACPI tables' facts as the one machine description the
 * boot reads (struct machine, lib/machine.h), as a DTB's would be.
 *
 * Owns: acpi_fill_machine: the console (SPCR or DBG2: its driver kind,
 * registers, width; "path" the table's name), the CPUs (each GICC with an
 * affinity-only MPIDR: enabled ones available; online-capable and off ones
 * not, with their state as status; started by PSCI when the FADT says
 * PSCI_COMPLIANT, else by nothing here: the ACPI parking protocol needs a
 * wake-up SGI through the GIC, which this stub does not drive, so such a
 * CPU is named and left off), PSCI (the FADT's conduit), and nothing of
 * memory (under UEFI the EFI memory map gives RAM) or /chosen (the load
 * options give the command line). Every string is a literal or lies in
 * *a: they live as long as it does. Fills through field names only.
 */
#include <stdio.h>
#include <string.h>
#include "acpi/acpi.h"

static void fill_console(const struct acpi_info *a, struct machine_console *c)
{
	const struct acpi_console *ac = &a->console;

	snprintf(c->path, sizeof(c->path), "%s", ac->source == ACPI_CONSOLE_SPCR ? "SPCR"
		 : ac->source == ACPI_CONSOLE_DBG2 ? "DBG2" : "");
	c->rule = ac->source == ACPI_CONSOLE_SPCR ? MACHINE_RULE_SPCR
		  : ac->source == ACPI_CONSOLE_DBG2 ? MACHINE_RULE_DBG2 : MACHINE_RULE_NONE;
	if (ac->verdict != ACPI_CONSOLE_USABLE) {
		c->kind = MACHINE_CONSOLE_NONE;
		return;
	}
	c->kind = ac->kind;
	c->compatible = acpi_console_type_name(ac->type);
	c->available = true;
	c->translated = true;
	c->phys_base = ac->address;
	c->size = 0x1000;
	c->reg_shift = ac->reg_shift;
	c->io_width = ac->io_width;
}

static void fill_cpus(const struct acpi_info *a, struct machine_cpus *cpus)
{
	const struct acpi_madt *madt = &a->madt;

	for (uint32_t i = 0; i < madt->nr_cpus && i < MACHINE_MAX_CPUS; i++) {
		const struct acpi_cpu *g = &madt->cpu[i];
		struct machine_cpu *c = &cpus->cpu[cpus->n_cpus++];

		c->mpidr = g->mpidr;
		c->node = "MADT GICC";
		c->available = g->enabled;
		c->status = g->enabled ? NULL : g->online_capable ?
			"online-capable (ACPI 6.5: not started)" : "not enabled";
		if (a->fadt.psci) {
			c->enable = MACHINE_CPU_ENABLE_PSCI;
			c->enable_method = "psci";
		} else if (g->parking_version && g->parked_address) {
			c->enable = MACHINE_CPU_ENABLE_OTHER;
			c->enable_method = "the ACPI parking protocol (not supported here: it needs "
					   "a wake-up SGI through the GIC)";
		} else {
			c->enable = MACHINE_CPU_ENABLE_NONE;
			c->enable_method = "none (no PSCI in the FADT, no parking mailbox)";
		}
		if (!g->enabled)
			cpus->n_disabled++;
	}
	cpus->n_dropped = (int)madt->nr_dropped;
}

void acpi_fill_machine(const struct acpi_info *a, struct machine *m)
{
	memset(m, 0, sizeof(*m));
	m->model = a->oem_table_id;
	m->compatible = a->oem_id;
	fill_console(a, &m->console);
	fill_cpus(a, &m->cpus);
	m->psci.present = a->fadt.psci;
	m->psci.available = a->fadt.psci;
	m->psci.node = "FADT";
	m->psci.compatible = "ACPI PSCI_COMPLIANT";
	if (a->fadt.psci) {
		m->psci.method = a->fadt.hvc ? "hvc" : "smc";
		m->psci.conduit = a->fadt.hvc ? PSCI_CONDUIT_HVC : PSCI_CONDUIT_SMC;
	}
}
