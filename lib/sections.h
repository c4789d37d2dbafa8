/*
 * sections.h - the linker's symbols, declared once (as Linux's
 * asm/sections.h).
 *
 * Owns: the declaration of every link.ld symbol and of the early-table
 * labels of start/tables.S that C uses, and of the link-time tables
 * (board operations, test hooks, monitor commands). No other file
 * declares one. Their values are link (virtual) addresses, except where
 * the code that reads them runs with the MMU off and reaches them
 * PC-relative (then they read as physical addresses). Target only.
 */
#ifndef SECTIONS_H
#define SECTIONS_H

/* The image's sections (link.ld). */
extern char _text[], _etext[], _srodata[], _erodata[], _sdata[], _edata[], _end[];
extern char __bss_start[], __bss_end[];
extern char boot_stack_guard[], boot_stack_bottom[], boot_stack_top[];
extern char reserved_pg_dir[], early_window_pages[];
/* picolibc's TLS block: the one thread's (link.ld). */
extern char __tls_base[];
/* The early tables (start/tables.S, placed first in .data by link.ld). */
extern char early_pgd[], early_pg_end[], early_idmap_ext[], early_idmap_ext_end[];
/* The entry points (start/head.S). */
extern char primary_entry[], secondary_entry[], secondary_el1[];

/* Link-time tables: arrays of pointers, one per registration. */
struct board_ops;
struct test_hooks;
struct shell_command;
extern const struct board_ops *const __board_ops_start[], *const __board_ops_end[];
extern const struct test_hooks *const __test_hooks_start[], *const __test_hooks_end[];
extern const struct shell_command *const __shell_commands_start[], *const __shell_commands_end[];

#endif /* SECTIONS_H */
