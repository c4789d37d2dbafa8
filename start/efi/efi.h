/*
 * efi.h - what the UEFI entry needs of the UEFI specification, and what it
 * hands to the normal boot.
 *
 * Owns: the few UEFI types the entry uses (UEFI 2.10: the system table
 * (4.3), boot services (4.4, by offset of the functions called), the
 * configuration table (4.6), memory descriptors (7.2, GetMemoryMap)), the
 * DTB's configuration-table GUID, and struct efi_boot_info: the RAM the
 * EFI memory map says the OS may use, and which description of the
 * machine the boot reads (the DTB, else the ACPI tables, read here while
 * boot services are up: efi_acpi_info), which the entry writes into the
 * image's own memory before it turns the MMU off and enters the normal boot
 * path (start/main.c reads it: under UEFI it is what counts, not /memory).
 * Written here, not taken from gnu-efi: a dozen fields.
 */
#ifndef EFI_H
#define EFI_H

#include <stdbool.h>
#include <stdint.h>

#define EFI_SUCCESS            0ULL
#define EFI_ERROR_BIT          (1ULL << 63)
#define EFI_INVALID_PARAMETER  (EFI_ERROR_BIT | 2)
#define EFI_UNSUPPORTED        (EFI_ERROR_BIT | 3)
#define EFI_BUFFER_TOO_SMALL   (EFI_ERROR_BIT | 5)
#define EFI_LOAD_ERROR         (EFI_ERROR_BIT | 1)
/* What an ACPI refusal hands back (start/efi/efi.c): one status each. */
#define EFI_VOLUME_CORRUPTED   (EFI_ERROR_BIT | 10)
#define EFI_NOT_FOUND          (EFI_ERROR_BIT | 14)
#define EFI_INCOMPATIBLE_VERSION (EFI_ERROR_BIT | 25)
#define EFI_COMPROMISED_DATA   (EFI_ERROR_BIT | 33)

typedef uint64_t efi_status_t;
typedef void *efi_handle_t;

struct efi_guid {
	uint32_t d1;
	uint16_t d2, d3;
	uint8_t d4[8];
};

struct efi_table_header {
	uint64_t signature;
	uint32_t revision, header_size, crc32, reserved;
};

struct efi_simple_text_output {
	void *reset;
	efi_status_t (*output_string)(struct efi_simple_text_output *self, const uint16_t *s);
};

/* Boot services: the header, then function pointers (UEFI 2.10, 4.4.1). */
struct efi_boot_services {
	struct efi_table_header hdr;
	void *raise_tpl, *restore_tpl, *allocate_pages, *free_pages;
	efi_status_t (*get_memory_map)(uint64_t *map_size, void *map, uint64_t *map_key,
				       uint64_t *desc_size, uint32_t *desc_version);
	efi_status_t (*allocate_pool)(uint32_t pool_type, uint64_t size, void **buffer);
	efi_status_t (*free_pool)(void *buffer);
	void *create_event, *set_timer, *wait_for_event, *signal_event, *close_event, *check_event;
	void *install_protocol_interface, *reinstall_protocol_interface;
	void *uninstall_protocol_interface;
	efi_status_t (*handle_protocol)(efi_handle_t handle, const struct efi_guid *protocol,
					void **interface);
	void *reserved, *register_protocol_notify;
	void *locate_handle, *locate_device_path, *install_configuration_table;
	void *load_image, *start_image, *exit, *unload_image;
	efi_status_t (*exit_boot_services)(efi_handle_t image, uint64_t map_key);
};
_Static_assert(__builtin_offsetof(struct efi_boot_services, get_memory_map) == 56, "UEFI 4.4");
_Static_assert(__builtin_offsetof(struct efi_boot_services, handle_protocol) == 152, "UEFI 4.4");
_Static_assert(__builtin_offsetof(struct efi_boot_services, exit_boot_services) == 232,
	       "UEFI 4.4");

/* EFI_LOADED_IMAGE_PROTOCOL (9.1): the image's load options are its
 * command line (UCS-2), as Linux's EFI stub reads them. */
struct efi_loaded_image {
	uint32_t revision;
	efi_handle_t parent_handle;
	void *system_table;
	efi_handle_t device_handle;
	void *file_path;
	void *reserved;
	uint32_t load_options_size;         /* bytes */
	const uint16_t *load_options;
	void *image_base;
	uint64_t image_size;
};
_Static_assert(__builtin_offsetof(struct efi_loaded_image, load_options) == 56, "UEFI 9.1");

struct efi_config_table {
	struct efi_guid guid;
	void *table;
};

struct efi_system_table {
	struct efi_table_header hdr;
	uint16_t *firmware_vendor;
	uint32_t firmware_revision;
	void *con_in_handle, *con_in, *con_out_handle;
	struct efi_simple_text_output *con_out;
	void *stderr_handle, *std_err, *runtime_services;
	struct efi_boot_services *boot_services;
	uint64_t nr_tables;
	struct efi_config_table *tables;
};
_Static_assert(__builtin_offsetof(struct efi_system_table, boot_services) == 96, "UEFI 4.3");
_Static_assert(__builtin_offsetof(struct efi_system_table, tables) == 112, "UEFI 4.3");

/* EFI_MEMORY_DESCRIPTOR (7.2); the firmware's descriptor size may be larger. */
struct efi_memory_desc {
	uint32_t type;
	uint32_t pad;
	uint64_t phys_start;
	uint64_t virt_start;
	uint64_t nr_pages;                  /* 4 KiB pages */
	uint64_t attribute;
};

/* Memory types (7.2, EFI_MEMORY_TYPE) the OS may use after ExitBootServices. */
#define EFI_LOADER_CODE          1
#define EFI_LOADER_DATA          2
#define EFI_BOOT_SERVICES_CODE   3
#define EFI_BOOT_SERVICES_DATA   4
#define EFI_CONVENTIONAL_MEMORY  7
/* ... and those it may not: where the ACPI tables live (reclaimable once
 * read), the firmware's ACPI NVS (the FACS), and no memory at all. */
#define EFI_UNUSABLE_MEMORY      8
#define EFI_ACPI_RECLAIM_MEMORY  9
#define EFI_ACPI_MEMORY_NVS      10
#define EFI_MEMORY_MAPPED_IO     11
#define EFI_MEMORY_MAPPED_IO_PORT_SPACE 12
#define EFI_PAGE_SIZE            4096

/* What the UEFI entry leaves for the normal boot, in the image's .data:
 * zero (magic 0) in every other boot. */
#define EFI_BOOT_INFO_MAGIC    0x4f4f42494645ULL      /* "EFIBOO" */
#define EFI_BOOT_MAX_RANGES    32
/* The load options kept as the command line (bytes with the NUL). */
#define EFI_CMDLINE_MAX        1024

/* Which description of the machine the boot reads. */
#define EFI_DESCRIBED_BY_DTB   1    /* x0: the configuration table's DTB */
#define EFI_DESCRIBED_BY_ACPI  2    /* efi_acpi_info, read by the entry */

struct efi_boot_info {
	uint64_t magic;
	uint32_t described_by;              /* EFI_DESCRIBED_BY_* */
	uint32_t acpi_also;                 /* a DTB was used; ACPI tables were given too */
	uint64_t acpi_reclaim_bytes;        /* the map's ACPI reclaim memory, kept out */
	uint64_t acpi_nvs_bytes;            /* its ACPI NVS memory, kept out */
	uint32_t nr_ranges;                 /* usable RAM, merged where adjacent */
	uint32_t nr_dropped;                /* usable ranges beyond EFI_BOOT_MAX_RANGES */
	uint32_t nr_descs;                  /* the firmware's map, all types */
	struct { uint64_t phys_base, size; } range[EFI_BOOT_MAX_RANGES];
	/* The image's load options in ASCII (non-ASCII characters as '?'):
	 * under UEFI they are the command line. */
	char cmdline[EFI_CMDLINE_MAX];
	uint32_t cmdline_cut;               /* characters left out at the end */
	uint32_t cmdline_non_ascii;         /* characters written as '?' */
};

extern struct efi_boot_info efi_boot_info;
/* The ACPI tables as the entry read them (lib/acpi/acpi.h), when they
 * describe the machine: in the image's memory past the bss (link.ld's
 * .efi_carry: not in the file, not cleared by the boot). */
struct acpi_info;
extern struct acpi_info efi_acpi_info;

/* The RAM of the memory map (map_size bytes of descriptors desc_size
 * apart) that an OS may use after ExitBootServices, into *info, ranges
 * that touch merged, and the bytes of ACPI reclaim and NVS memory (which
 * are not RAM for the boot); sets the magic. Pure (start/efi/efi_memmap.c). */
void efi_keep_usable_ram(struct efi_boot_info *info, const void *map, uint64_t map_size,
			 uint64_t desc_size);
/* Whether [pa, pa + len) is all memory the map describes (descriptors of
 * any type but unusable and MMIO, end to end): where the ACPI tables may
 * be read. Pure (start/efi/efi_memmap.c). */
bool efi_map_covers(const void *map, uint64_t map_size, uint64_t desc_size, uint64_t pa,
		    uint64_t len);
/* The load options (size bytes of UCS-2, maybe NUL-terminated earlier)
 * into info->cmdline. Pure (start/efi/efi_cmdline.c). */
void efi_keep_cmdline(struct efi_boot_info *info, const uint16_t *options, uint32_t size);

#endif /* EFI_H */
