/*
 * board_ops.h - the small interface through which a board adds behaviour
 * that no DTB describes.
 *
 * Owns: struct board_ops, the BOARD_OPS registration (link.ld's
 * .board_ops table: every board/<name>/board.c is in the one Image) and
 * the lookup by the DTB's root compatible list, as lib/machine.c read it. Today one operation exists:
 * starting a secondary CPU when the image itself was entered at EL3, where
 * there is no PSCI firmware to ask (ZCU102: reset vector + reset release).
 * Facts a DTB can give (RAM, console, CPUs, PSCI, spin tables) never go
 * here.
 */
#ifndef BOARD_OPS_H
#define BOARD_OPS_H

#include <stdint.h>
#include "machine.h"
#include "sections.h"
#include "xlat.h"

struct board_env {
	struct xlat_ctx *xlat;             /* the live final map (kernel_map_ioremap) */
};

struct board_ops {
	const char *name;                  /* "zcu102" */
	const char *const *compatible;     /* root compatibles served, NULL-terminated */
	/* Start the CPU with affinity mpidr at entry_pa (MMU off, EL3).
	 * 0: started; negative: failed (the reason printed). */
	int (*cpu_start_el3)(const struct board_env *env, uint64_t mpidr, uint64_t entry_pa);
};

#define BOARD_OPS(name) \
	static const struct board_ops name; \
	static const struct board_ops *const name##_entry \
		__attribute__((used, section(".board_ops"))) = &name; \
	static const struct board_ops name

/* The board whose compatible the DTB's root node has, or NULL. */
const struct board_ops *board_ops_find(const struct machine *m);

#endif /* BOARD_OPS_H */
