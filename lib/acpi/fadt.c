/*
 * fadt.c - what the FADT says about how the CPUs are started.
 *
 * Owns: acpi_read_fadt: the FADT's version (Revision at 8, the minor
 * version at 131 from ACPI 5.1), Flags (at 112: bit 20 HW_REDUCED_ACPI,
 * which Arm systems must set) and ARM_BOOT_ARCH (at 129: bit 0
 * PSCI_COMPLIANT, bit 1 PSCI_USE_HVC, else SMC), read only where the
 * table is long enough and new enough to hold them (ACPI 6.5, 5.2.9,
 * table 5.9 and 5.11). Nothing here refuses: a FADT without PSCI leaves
 * the other CPUs to the parking protocol or to none, and says so.
 */
#include "acpi/acpi.h"
#include "acpi/bytes.h"

#define FADT_FLAGS           112
#define FADT_HW_REDUCED      (1u << 20)
#define FADT_ARM_BOOT_ARCH   129
#define FADT_MINOR_VERSION   131
#define ARM_BOOT_PSCI        (1u << 0)
#define ARM_BOOT_PSCI_HVC    (1u << 1)

void acpi_read_fadt(struct acpi_info *info, const uint8_t *t, uint32_t len)
{
	struct acpi_fadt *f = &info->fadt;

	f->present = true;
	f->revision = t[8];
	if (len >= FADT_FLAGS + 4) {
		f->flags = acpi_u32(t + FADT_FLAGS);
		f->hw_reduced = f->flags & FADT_HW_REDUCED;
	}
	if (len < FADT_MINOR_VERSION + 1)
		return;
	f->minor = t[FADT_MINOR_VERSION] & 0xf;    /* bits 7:4 are the errata */
	/* ARM_BOOT_ARCH is defined from 5.1 on; before, the bytes were
	 * reserved. */
	if (f->revision < 5 || (f->revision == 5 && f->minor < 1))
		return;
	f->has_arm_boot_arch = true;
	f->arm_boot_arch = acpi_u16(t + FADT_ARM_BOOT_ARCH);
	f->psci = f->arm_boot_arch & ARM_BOOT_PSCI;
	f->hvc = f->arm_boot_arch & ARM_BOOT_PSCI_HVC;
}
