/*
 * sections.h - the linker's symbols and the assembly entry points, once.
 *
 * Owns: every link.ld symbol and head.S/tables.S label that C uses (as
 * Linux's asm/sections.h), and image_symbols_of_link(), which turns them
 * into the virtual addresses mmu/memmap.c works with. Target only.
 */
#ifndef SECTIONS_H
#define SECTIONS_H

#include <stdint.h>
#include "memmap.h"

/* link.ld */
extern char _text[], _etext[], _srodata[], _erodata[], _sdata[], _edata[], _end[];
extern char __bss_start[], __bss_end[];
extern char boot_stack_guard[], boot_stack_bottom[], boot_stack_top[];
extern char reserved_pg_dir[], early_window_pages[];
/* start/tables.S */
extern char early_pgd[], early_pg_end[];
/* start/head.S */
extern char primary_entry[], secondary_entry[], secondary_el1[];

static inline struct image_symbols image_symbols_of_link(void)
{
	return (struct image_symbols){
		.text = (uintptr_t)_text, .etext = (uintptr_t)_etext,
		.srodata = (uintptr_t)_srodata, .erodata = (uintptr_t)_erodata,
		.sdata = (uintptr_t)_sdata, .edata = (uintptr_t)_edata,
		.bss_start = (uintptr_t)__bss_start, .bss_end = (uintptr_t)__bss_end,
		.stack_bottom = (uintptr_t)boot_stack_bottom, .stack_top = (uintptr_t)boot_stack_top,
		.early_pgd = (uintptr_t)early_pgd, .early_pg_end = (uintptr_t)early_pg_end,
		.entry = (uintptr_t)primary_entry, .stack_guard = (uintptr_t)boot_stack_guard,
	};
}

#endif /* SECTIONS_H */
