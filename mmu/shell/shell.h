/*
 * shell.h - the MMU monitor on the console (boot argument stub.shell).
 *
 * Owns: the interface kernel_main uses: what the monitor works on (the
 * live final map, its walker, the page allocator) and the call that runs
 * it until `exit`. The monitor is a wing of mmu/: its loop (shell.c), its
 * commands, each registered from its own file (command.h: cmd_*.c), their
 * argument checks (args.c), the input words (parse.c), the line editor
 * (lineedit.c) and the scripted demonstration (demand_demo.c). The
 * commands are listed by `help` and in docs/shell.md.
 */
#ifndef SHELL_H
#define SHELL_H

#include "maps.h"
#include "pgalloc.h"
#include "walk.h"
#include "xlat.h"

struct shell_env {
	const struct boot_layout *layout;
	const struct image_symbols *syms;   /* with layout: the boot's own mappings */
	const struct walk_ctx *walk;        /* the live final tables (TTBR1; TTBR0 closed) */
	struct xlat_ctx *xlat;              /* the final map's runtime API */
	struct pgalloc_ctx *pages;          /* the page allocator */
	int boot_status;                    /* the exit status of `exit` alone */
};

/* Prompts "stub> " and obeys lines until `exit [STATUS]`; returns STATUS
 * (env->boot_status without one). Starts demand paging (mmu/demand.h). */
int shell_run(const struct shell_env *env);

#endif /* SHELL_H */
