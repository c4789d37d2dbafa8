/*
 * exit.h - how the stub ends, and its exit statuses.
 *
 * Owns: the distinct failure statuses (what the test suite and a user see
 * as QEMU's exit code under -semihosting) and stub_exit(), which tries
 * semihosting, then PSCI SYSTEM_OFF (lib/psci.h: the conduit the DTB
 * named, once known), then parks with a message.
 */
#ifndef EXIT_H
#define EXIT_H

#define EXIT_OK              0
#define EXIT_CHECKS_FAILED   1   /* a translation check disagreed */
#define EXIT_EXCEPTION       2   /* an unexpected exception was taken */
#define EXIT_UNSUPPORTED_CPU 3   /* e.g. no 4 KiB granule */
#define EXIT_BAD_LOAD        4   /* load address or RAM the map cannot cover */
/* 5 was "early table area too small": the early tables are fixed now. */
#define EXIT_FINAL_MAP       6   /* a map could not be built */
#define EXIT_BAD_DTB         7   /* the DTB the loader passed is unusable */
#define EXIT_PSCI_NO_FIRMWARE 8  /* a PSCI call trapped: nothing behind the conduit */
#define EXIT_BAD_IMAGE       9   /* the image is cut short, or not in writable RAM */
/* ACPI (lib/acpi/): under UEFI the refusals return an EFI status to the
 * firmware instead (start/efi/efi.c); the host tool exits with these. */
#define EXIT_ACPI_NO_RSDP    10  /* neither a DTB nor an RSDP */
#define EXIT_ACPI_RSDT_ONLY  11  /* ACPI 1.0: an RSDT, no XSDT */
#define EXIT_ACPI_BAD_TABLE  12  /* a table's signature, length or checksum fails */
#define EXIT_ACPI_NO_CONSOLE 13  /* no usable SPCR or DBG2: the boot went on without */
#define EXIT_ACPI_NO_BOOT_CPU 14 /* no MADT, or this CPU's MPIDR in no GICC */
#define EXIT_ACPI_BAD_GICC   15  /* a GICC entry below 76 bytes or past the MADT */
#define EXIT_BAD_RAM         16  /* the banks are not RAM in more places than RAM_MAX_ABSENT */

#ifndef __ASSEMBLER__
#include <stdint.h>

__attribute__((noreturn)) void stub_exit(int status);

#endif

#endif /* EXIT_H */
