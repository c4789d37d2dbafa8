/*
 * dtb.c - the DTB the loader handed over: found, mapped, read, its parts
 * checked, and the PSCI conduit it names.
 *
 * Owns: where the DTB is looked for (x0; with x0 = 0, an ELF boot, the one
 * QEMU puts ELF_DTB_BELOW_IMAGE below the image) and never anywhere else
 * (a machine is learnt from its DTB or not at all); mapping it at
 * FDT_VADDR in the early map (first its header's pages, then, its
 * totalsize known, all of it); reading it once (lib/machine.c, which
 * checks the blob whole before it reads anything); which of its parts the
 * boot cannot do without (memory, unless the EFI memory map gives RAM;
 * reservations); and the PSCI conduit, where something can answer it.
 * The first read of the DTB is guarded (mmu/fault.h): a fault is named as
 * the DTB's. The console it names is start/console.c's.
 */
#include <libfdt.h>
#include "boot.h"
#include "efi.h"
#include "esr.h"
#include "fault.h"
#include "exit.h"
#include "kernel_map.h"
#include "psci.h"

bool booted_by_efi(void)
{
	return efi_boot_info.magic == EFI_BOOT_INFO_MAGIC;
}

/* The window's size: the header's pages first, then the totalsize. 0 and
 * *why when there is no FDT magic or the size is out of bounds. */
static uint64_t dtb_size_at(struct boot *b, const void *fdt, const char **why)
{
	static char cause[ESR_DESCRIBE_MAX];
	struct caught_fault caught;
	uint64_t size, head;
	int rc;

	b->layout.dtb_size = sizeof(struct fdt_header);
	rc = kernel_map_early_window(&b->early_xlat, &b->layout, REGION_FDT);
	if (rc) {
		*why = xlat_strerror(rc);
		return 0;
	}
	/* Guarded: memory the DTB claims may not be there at all (an
	 * external abort), which must be named as the DTB's, not dumped. */
	if (guarded_read64((uintptr_t)fdt, &head, &caught)) {
		(void)kernel_map_early_window_unmap(&b->early_xlat, &b->layout, REGION_FDT);
		*why = esr_describe(caught.esr, "; ", cause, sizeof(cause));
		return 0;
	}
	size = fdt_magic(fdt) == FDT_MAGIC ? fdt_totalsize(fdt) : 0;
	(void)kernel_map_early_window_unmap(&b->early_xlat, &b->layout, REGION_FDT);
	if (!size || size < sizeof(struct fdt_header) || size > MAX_FDT_SIZE) {
		*why = size ? "totalsize above 2 MiB (MAX_FDT_SIZE) or below its header"
			    : "no FDT magic (0xd00dfeed)";
		return 0;
	}
	return size;
}

/* The DTB at pa, mapped and read. false, with *why, when there is none
 * usable there; the window is then left empty again and the layout says
 * no DTB. */
static bool map_and_read(struct boot *b, uint64_t pa, const char **why)
{
	const void *fdt;
	int rc;

	if (pa & 7) {
		*why = "not 8-byte aligned (booting.rst)";
		return false;
	}
	b->layout.phys_dtb = pa;
	fdt = (const void *)(uintptr_t)maps_virt_fdt(&b->layout);
	b->layout.dtb_size = dtb_size_at(b, fdt, why);
	if (b->layout.dtb_size) {
		rc = kernel_map_early_window(&b->early_xlat, &b->layout, REGION_FDT);
		if (rc)
			*why = xlat_strerror(rc);
		else if (machine_read(fdt, b->layout.dtb_size, &b->machine) == MACHINE_OK ||
			 b->machine.valid.err == MACHINE_OK)
			return true;
		else {
			*why = machine_strerror(b->machine.valid.err);
			(void)kernel_map_early_window_unmap(&b->early_xlat, &b->layout, REGION_FDT);
		}
	}
	b->layout.phys_dtb = 0;
	b->layout.dtb_size = 0;
	return false;
}

void dtb_find(struct boot *b, uint64_t x0)
{
	uint64_t pa = x0, phys_text = b->layout.phys_text;
	const char *why = "";

	b->dtb_source = DTB_FROM_X0;
	if (!x0) {
		if (phys_text < ELF_DTB_BELOW_IMAGE)
			boot_fatal(EXIT_BAD_DTB, "no DTB: x0 = 0 (an ELF boot?) and the image lies at "
				   "pa 0x%llx, with no room 2 MiB below it for QEMU's",
				   (unsigned long long)phys_text);
		pa = phys_text - ELF_DTB_BELOW_IMAGE;
		b->dtb_source = DTB_BELOW_IMAGE;
	}
	if (!map_and_read(b, pa, &why))
		boot_fatal(EXIT_BAD_DTB, "%s pa 0x%llx: %s; this image learns the machine from a DTB "
			   "(QEMU: -dtb FILE where the machine makes none; U-Boot: booti ADDR - FDT)",
			   x0 ? "no usable DTB at x0 =" : "x0 = 0 (an ELF boot) and no usable DTB "
			   "2 MiB below the image, at", (unsigned long long)pa, why);
}

/* The parts the boot uses: its memory and its reservations must be
 * readable; the other parts' problems are named and what could be read
 * is used. */
void dtb_check_parts(struct boot *b)
{
	const struct machine *m = &b->machine;

	/* Under UEFI the memory map gives the RAM (ram.c). */
	if (m->memory.problem.err != MACHINE_OK && !booted_by_efi()) {
		report_machine_problem("memory", &m->memory.problem);
		boot_fatal(EXIT_BAD_DTB, "the DTB's /memory cannot be used");
	}
	if (m->reserved.problem.err != MACHINE_OK) {
		report_machine_problem("reserved memory", &m->reserved.problem);
		boot_fatal(EXIT_BAD_DTB, "the DTB's reservations cannot be read: RAM they protect "
			   "would be handed out");
	}
	report_machine_problem("cpus", &m->cpus.problem);
	report_machine_problem("psci", &m->psci.problem);
	report_machine_problem("chosen", &m->chosen.problem);
}

/* The PSCI conduit the DTB names, where something can answer it
 * (psci_usable_conduit); HVC at EL2 refused by name. */
void psci_from_dtb(struct boot *b)
{
	enum psci_conduit c = b->machine.psci.conduit;

	if (b->entry_el == 2 && c == PSCI_CONDUIT_HVC)
		report_psci_hvc_at_el2(&b->machine.psci);
	psci_set_conduit(psci_usable_conduit(c, b->entry_el));
}
