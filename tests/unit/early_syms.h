/*
 * early_syms.h - link symbols of a plausible image at 0xffffffc000000000,
 * laid out as link.ld does (text, rodata, data starting with the three early
 * table pages, bss, .pgdir: reserved_pg_dir then the EARLY_WINDOW_PAGES (4)
 * level-3 tables of the early map's windows, then .stack: the boot CPU's
 * guard page and its stack; _end at +0x18000, VIRT_IMAGE_SIZE; the
 * secondaries' stacks and the final map's tables are in free RAM, not in the
 * image), shared by the host tests of the maps (maps_fixture.h: test_maps.c,
 * test_expect.c, test_probes.c) and of the checks (test_check.c). Every
 * probe they give lies in the early map's single 2 MiB image block.
 */
#ifndef EARLY_SYMS_H
#define EARLY_SYMS_H

#include "maps.h"

static const struct image_symbols syms = {
	.text = 0xffffffc000000000ULL, .etext = 0xffffffc000007e40ULL,
	.srodata = 0xffffffc000008000ULL, .erodata = 0xffffffc000009a28ULL,
	.sdata = 0xffffffc00000a000ULL, .edata = 0xffffffc00000d890ULL,
	.bss_start = 0xffffffc00000d890ULL, .bss_end = 0xffffffc00000e000ULL,
	.early_pgd = 0xffffffc00000a000ULL, .early_pg_end = 0xffffffc00000d000ULL,
	.entry = 0xffffffc000000040ULL,
	/* .pgdir: 0xe000 reserved_pg_dir, 0xf000 early_window_pages (4
	 * pages); .stack from 0x13000: the boot CPU's guard, then its stack
	 * (BOOT_STACK_SIZE) to _end. */
	.stack_guard = 0xffffffc000013000ULL,
	.stack_bottom = 0xffffffc000014000ULL, .stack_top = 0xffffffc000018000ULL,
};

#endif /* EARLY_SYMS_H */
