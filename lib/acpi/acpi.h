/*
 * acpi.h - what a machine's ACPI tables say, read from their bytes.
 *
 * Owns: struct acpi_info, everything the boot takes from ACPI (ACPI 6.5;
 * the SPCR and DBG2 specifications): where the tables were (RSDP, XSDT
 * and each table it lists, each header checked: signature, length inside
 * readable memory, checksum), the console (SPCR, else DBG2's first serial
 * port), the FADT's flags (hardware-reduced, PSCI and its conduit), the
 * MADT's GICC entries (MPIDR, flags, parking protocol mailbox) and which
 * of them is this CPU; the refusals (enum acpi_err) with the table, field
 * and value they are about; and the two ways in: from the RSDP through a
 * callback that gives the bytes at a physical address (the UEFI entry:
 * the firmware's identity map, bounded by the EFI memory map; the host
 * tool: an acpidump log), or by signature (the host tool: a folder of raw
 * tables, no RSDP). Pure: no allocation, no library, no pointer kept in
 * the result (it crosses from the load address to the link address), every
 * multi-byte field read byte by byte (unaligned fields are common: XSDT
 * entries, GAS addresses). The UEFI entry runs it at the load address
 * (the MMU-off set), the host tests and tools on the host.
 */
#ifndef ACPI_H
#define ACPI_H

#include <stdbool.h>
#include <stdint.h>
#include "machine.h"

#define ACPI_MAX_CPUS        MACHINE_MAX_CPUS  /* GICC entries kept */
#define ACPI_MAX_LISTED      32                /* XSDT entries kept for the report */
#define ACPI_MAX_TABLE_SIZE  (4u << 20)        /* a longer table is refused */
#define ACPI_HEADER_SIZE     36                /* ACPI 6.5, 5.2.6 */
/* A GICC entry is 76 bytes in ACPI 5.1, 80 from 6.0, 82 from 6.5 (5.2.12.14). */
#define ACPI_GICC_MIN_LENGTH 76
/* The host tool's "this CPU": the first enabled GICC's MPIDR. */
#define ACPI_MPIDR_FIRST_ENABLED UINT64_MAX

/* A refusal: the boot cannot go on with these tables. */
enum acpi_err {
	ACPI_OK = 0,
	ACPI_ERR_NO_RSDP,        /* no RSDP (no ACPI 2.0 configuration table), or none there */
	ACPI_ERR_RSDT_ONLY,      /* RSDP revision < 2 or no XsdtAddress: ACPI 1.0's RSDT only */
	ACPI_ERR_BAD_TABLE,      /* a table fails a check: problem.table, .why */
	ACPI_ERR_NO_BOOT_CPU,    /* no MADT, or no GICC with this CPU's MPIDR */
	ACPI_ERR_BAD_GICC,       /* a GICC shorter than 76 bytes or running past the MADT */
};

/* What failed, for ACPI_ERR_BAD_TABLE (and where it helps the others). */
enum acpi_why {
	ACPI_WHY_NONE = 0,
	ACPI_WHY_NOT_IN_MEMORY,  /* its bytes are not all readable memory: value = length */
	ACPI_WHY_SIGNATURE,      /* not the signature expected: value = the bytes found */
	ACPI_WHY_SHORT,          /* Length below what its fields need: value = Length */
	ACPI_WHY_TOO_LONG,       /* Length above ACPI_MAX_TABLE_SIZE: value = Length */
	ACPI_WHY_CHECKSUM,       /* the bytes do not sum to 0 mod 256: value = the sum */
	ACPI_WHY_XSDT_ENTRIES,   /* Length - 36 not a multiple of 8: value = Length */
	ACPI_WHY_SUBTABLE,       /* a subtable's length 0, 1 or past the end: offset, value */
	ACPI_WHY_DBG2_REGISTERS, /* a DBG2 device's register offset or count past it */
	ACPI_WHY_ABSENT,         /* the XSDT lists no such table */
};

struct acpi_problem {
	enum acpi_err err;
	enum acpi_why why;
	char table[5];           /* "XSDT", "APIC", "RSDP"...: NUL-terminated */
	uint64_t pa;             /* the table's physical address (0: unknown) */
	uint32_t offset;         /* where in it (a subtable, an XSDT entry) */
	uint64_t value;          /* what was found there */
};

/* One table the XSDT lists, as its header says. */
struct acpi_table_ref {
	char sig[5];
	uint8_t revision;
	bool checksum_ok;
	uint64_t pa;
	uint32_t length;
};

/* The tables the boot reads: used[] index. */
enum acpi_used { ACPI_RSDP, ACPI_XSDT, ACPI_FADT, ACPI_MADT, ACPI_SPCR, ACPI_DBG2, ACPI_NR_USED };

/* FADT (ACPI 6.5, 5.2.9): Flags at 112, ARM_BOOT_ARCH at 129, minor
 * version at 131 (5.1 and later). */
struct acpi_fadt {
	bool present;
	uint8_t revision, minor;
	uint32_t flags;
	bool hw_reduced;         /* Flags bit 20, HW_REDUCED_ACPI */
	bool has_arm_boot_arch;  /* version 5.1 or later and long enough */
	uint16_t arm_boot_arch;
	bool psci;               /* ARM_BOOT_ARCH bit 0, PSCI_COMPLIANT */
	bool hvc;                /* bit 1, PSCI_USE_HVC (else SMC) */
};

/* One GICC entry (ACPI 6.5, 5.2.12.14, table 5.37). */
struct acpi_cpu {
	uint64_t mpidr;          /* at 68 */
	uint64_t parked_address; /* at 24: the mailbox (parking protocol) */
	uint32_t uid;            /* ACPI Processor UID, at 8 */
	uint32_t cpu_interface;  /* at 4 */
	uint32_t flags;          /* at 12 */
	uint32_t parking_version; /* at 16; 0: no parking protocol */
	uint32_t offset;         /* of the entry in the MADT */
	uint8_t length;          /* 76, 80, 82 (or longer) */
	bool enabled;            /* flags bit 0 */
	bool online_capable;     /* flags bit 3 (ACPI 6.5): may be enabled later */
};

struct acpi_madt {
	bool present;
	uint8_t revision;
	uint8_t gic_version;     /* the GICD entry's (0: none or not said) */
	uint32_t nr_gicc;        /* every GICC entry */
	uint32_t nr_enabled, nr_online_capable, nr_off; /* off: neither flag */
	uint32_t nr_bad_mpidr;   /* bits outside Aff3..Aff0: skipped (Linux too) */
	uint32_t nr_duplicate;   /* an MPIDR seen before: skipped */
	uint32_t nr_dropped;     /* beyond ACPI_MAX_CPUS */
	uint32_t lengths_seen;   /* bit 0: 76, bit 1: 80, bit 2: 82, bit 3: other */
	int32_t boot;            /* cpu[] index of this CPU, -1 before it is found */
	uint32_t boot_entry;     /* its place among the GICC entries (0: first) */
	uint32_t nr_cpus;        /* in cpu[] */
	struct acpi_cpu cpu[ACPI_MAX_CPUS];
};

enum acpi_console_source { ACPI_CONSOLE_NONE, ACPI_CONSOLE_SPCR, ACPI_CONSOLE_DBG2 };
enum acpi_console_verdict {
	ACPI_CONSOLE_USABLE = 0,
	ACPI_CONSOLE_NOT_DESCRIBED,  /* no SPCR, no serial port in DBG2 */
	ACPI_CONSOLE_UNSUPPORTED,    /* an interface type with no driver here */
	ACPI_CONSOLE_NOT_MMIO,       /* the GAS's space is not system memory */
	ACPI_CONSOLE_NO_ADDRESS,     /* address 0: redirection disabled (SPCR) */
};

/* The console: SPCR's interface type and register GAS (at 36 and 40), or
 * a DBG2 serial device's subtype and first GAS (the same type numbers). */
struct acpi_console {
	enum acpi_console_source source;
	enum acpi_console_verdict verdict;
	uint8_t table_revision;
	uint16_t type;
	/* The Generic Address Structure (ACPI 6.5, 5.2.3.2). */
	uint8_t space_id, bit_width, bit_offset, access_size;
	uint64_t address;
	uint8_t baud_code;       /* SPCR at 58: 3, 4, 6, 7; 0: as it is */
	uint32_t baud;           /* 0: as the firmware left it, or unknown */
	uint32_t dbg2_devices;   /* DBG2's NumberDbgDeviceInfo */
	/* What the UART driver is given. */
	enum machine_console_kind kind;
	uint8_t reg_shift, io_width;
};

struct acpi_info {
	struct acpi_problem problem;   /* err ACPI_OK: the tables can be used */
	bool by_signature;             /* found by signature: no RSDP, no XSDT walk */
	uint64_t self_mpidr;           /* this CPU (MPIDR_EL1's affinity fields) */
	uint8_t rsdp_revision;
	char oem_id[7];                /* the XSDT's (by signature: the FADT's) */
	char oem_table_id[9];
	struct acpi_table_ref used[ACPI_NR_USED];  /* pa 0 and length 0: not read */
	uint32_t nr_listed;            /* XSDT entries (tables) */
	uint32_t nr_null_entries;      /* XSDT entries of 0: skipped */
	uint32_t nr_unused_bad;        /* listed, not used, checksum failing: named */
	uint32_t nr_duplicates;        /* a second FACP, APIC, SPCR or DBG2: ignored */
	struct acpi_table_ref listed[ACPI_MAX_LISTED];
	struct acpi_fadt fadt;
	struct acpi_console console;
	struct acpi_madt madt;
};

/* [pa, pa + len) as bytes to read, or NULL unless all of it is memory. */
typedef const void *acpi_map_fn(void *ctx, uint64_t pa, uint64_t len);
/* The table with signature sig (4 characters): its bytes and how many
 * there are (*len; its Length must fit), its address (*pa, 0: unknown);
 * NULL when there is none. */
typedef const void *acpi_find_fn(void *ctx, const char *sig, uint64_t *pa, uint64_t *len);

/* Empties *info (the arrays are filled only as far as their counts say),
 * for this CPU's MPIDR (or ACPI_MPIDR_FIRST_ENABLED). */
void acpi_info_init(struct acpi_info *info, uint64_t self_mpidr);
/* From the RSDP at rsdp_pa (0: none). Returns info->problem.err. */
enum acpi_err acpi_read_rsdp(struct acpi_info *info, uint64_t rsdp_pa, acpi_map_fn *map,
			     void *ctx);
/* From tables found by signature (FACP, APIC, SPCR, DBG2). */
enum acpi_err acpi_read_by_signature(struct acpi_info *info, acpi_find_fn *find, void *ctx);

/* The readers of each table (fadt.c, madt.c, console.c), on its checked
 * bytes; and the refusal they record. */
void acpi_read_fadt(struct acpi_info *info, const uint8_t *t, uint32_t len);
void acpi_read_madt(struct acpi_info *info, const uint8_t *t, uint32_t len);
void acpi_read_spcr(struct acpi_info *info, const uint8_t *t, uint32_t len);
void acpi_read_dbg2(struct acpi_info *info, const uint8_t *t, uint32_t len);
/* Records the first refusal only (later ones are its echoes). */
void acpi_refuse(struct acpi_info *info, enum acpi_err err, enum acpi_why why,
		 const uint8_t *sig, uint64_t pa, uint32_t offset, uint64_t value);

/* The tables' facts as struct machine (lib/acpi/machine.c; MMU on): the
 * console, the CPUs, PSCI. Strings point into *a or are literals. */
void acpi_fill_machine(const struct acpi_info *a, struct machine *m);

/* The report's "acpi:" lines (lib/acpi/report.c; MMU on), each given to
 * line() without its newline: where the tables were, the console, the
 * FADT, the MADT; with every_cpu, one line per GICC kept. */
void acpi_report(const struct acpi_info *a, bool every_cpu,
		 void (*line)(const char *text, void *ctx), void *ctx);

/* Names for the report and the refusals (literals; safe at the load
 * address: a switch, no table of pointers). */
const char *acpi_err_name(enum acpi_err err);
const char *acpi_console_type_name(uint16_t type);
/* The exit status of a refusal (lib/exit.h): EXIT_ACPI_*. */
int acpi_exit_status(enum acpi_err err);

#endif /* ACPI_H */
