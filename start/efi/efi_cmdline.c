/*
 * efi_cmdline.c - the image's UEFI load options as its command line.
 *
 * Owns: efi_keep_cmdline() (efi.h): the load options (UCS-2, size bytes,
 * maybe NUL-terminated before) into efi_boot_info.cmdline, the way Linux's
 * EFI stub takes them: each character as itself when it is ASCII, else
 * '?' (counted, so the report can say so), cut at EFI_CMDLINE_MAX - 1
 * (the rest counted). Pure: the UEFI entry calls it at the load address
 * (PC-relative code, no library), the host tests call it too.
 */
#include "efi.h"

void efi_keep_cmdline(struct efi_boot_info *info, const uint16_t *options, uint32_t size)
{
	uint32_t n = 0, chars = options ? size / 2 : 0;

	info->cmdline_cut = 0;
	info->cmdline_non_ascii = 0;
	for (uint32_t i = 0; i < chars && options[i]; i++) {
		uint16_t c = options[i];

		if (n + 1 >= EFI_CMDLINE_MAX) {
			info->cmdline_cut++;
			continue;
		}
		if (c >= 0x80 || (c < 0x20 && c != '\t')) {
			info->cmdline_non_ascii++;
			c = '?';
		}
		info->cmdline[n++] = (char)c;
	}
	info->cmdline[n] = '\0';
}
