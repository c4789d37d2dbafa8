/*
 * early_syms.h - link symbols of a plausible image at 0xffffffc000000000,
 * laid out as link.ld does (text, rodata, data starting with the three early
 * table pages, bss, the table pages for the maps built with the MMU on, then
 * NR_CPUS guard + stack pairs; _end at +0x58000, VIRT_IMAGE_SIZE), shared
 * by the host tests of the early map's expectations and checks
 * (test_memmap.c, test_check.c). Every probe they give lies in the early
 * map's single 2 MiB image block.
 */
#ifndef EARLY_SYMS_H
#define EARLY_SYMS_H

#include "memmap.h"

static const struct image_symbols syms = {
	.text = 0xffffffc000000000ULL, .etext = 0xffffffc000007e40ULL,
	.srodata = 0xffffffc000008000ULL, .erodata = 0xffffffc000009a28ULL,
	.sdata = 0xffffffc00000a000ULL, .edata = 0xffffffc00000d890ULL,
	.bss_start = 0xffffffc00000d890ULL, .bss_end = 0xffffffc00000e000ULL,
	.early_pgd = 0xffffffc00000a000ULL, .early_pg_end = 0xffffffc00000d000ULL,
	.entry = 0xffffffc000000040ULL,
	/* .pgdir: 0xe000 reserved_pg_dir, 0xf000 final_pg_dir, 0x10000 pool
	 * (32 pages); .stack from 0x30000: CPU 0's guard, then its stack. */
	.stack_guard = 0xffffffc000030000ULL,
	.stack_bottom = 0xffffffc000031000ULL, .stack_top = 0xffffffc000035000ULL,
};

#endif /* EARLY_SYMS_H */
