/*
 * early_syms.h - link symbols of a plausible image at 0xffffffc000000000,
 * shared by the host tests of the early map's expectations and checks
 * (test_memmap.c, test_check.c). Values only, no layout rules: every probe
 * they give lies in the early map's single 2 MiB image block.
 */
#ifndef EARLY_SYMS_H
#define EARLY_SYMS_H

#include "memmap.h"

static const struct image_symbols syms = {
	.text = 0xffffffc000000000ULL, .etext = 0xffffffc000008000ULL,
	.srodata = 0xffffffc000008000ULL, .erodata = 0xffffffc00000a000ULL,
	.sdata = 0xffffffc00000a000ULL, .edata = 0xffffffc00000b000ULL,
	.bss_start = 0xffffffc00000b000ULL, .bss_end = 0xffffffc00000c000ULL,
	.stack_bottom = 0xffffffc00000c000ULL, .stack_top = 0xffffffc000010000ULL,
	.idmap_pg_dir = 0xffffffc000010000ULL, .init_pg_dir = 0xffffffc000012000ULL,
	.init_pg_end = 0xffffffc00001e000ULL, .entry = 0xffffffc000000040ULL,
	.el0_text_start = 0xffffffc000007000ULL, .el0_text_end = 0xffffffc000008000ULL,
	.stack_guard = 0xffffffc00000b000ULL, .el0_stack_guard = 0xffffffc00001c000ULL,
	.el0_stack_bottom = 0xffffffc00001d000ULL, .el0_stack_top = 0xffffffc00001e000ULL,
};

#endif /* EARLY_SYMS_H */
