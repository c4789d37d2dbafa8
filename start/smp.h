/*
 * smp.h - bringing up the other CPUs.
 *
 * Owns: the values a secondary CPU reads with its MMU off to turn it on
 * (secondary_boot_args, laid out for head.S), the holding pen
 * (pen_release), the ways a board starts its other CPUs, and the calls
 * kernel_main makes. Each secondary enters at the level the boot CPU did,
 * drops to EL1, turns the MMU on with the boot CPU's values over the same
 * final TTBR1 tables (the one mmu_enable, then mmu_finalize), checks
 * its own translations on its own stack, and reports; the boot CPU starts
 * them one at a time and waits for each (with a timeout).
 */
#ifndef SMP_H
#define SMP_H

#include "memory.h"

/* How a board's other CPUs start, when no PSCI conduit is known. */
#define SMP_NONE        0   /* they cannot be started (reported) */
#define SMP_PEN         1   /* already running this image: the holding pen */
#define SMP_SPIN_TABLE  2   /* the firmware's spin table (BOARD_SPIN_TABLE_PA) */
#define SMP_RESET_RELEASE 3 /* reset vector register, then the core's reset bit
			     * (BOARD_RVBAR_PA, BOARD_CORE_RESET_PA) */

/* struct secondary_boot_args, for head.S: mmu_enable's three arguments and
 * where the stacks are (physical). */
#define SBA_TTBR0       0    /* the early map's root: the identity map */
#define SBA_TTBR1       8    /* the final map */
#define SBA_TCR         16   /* the boot CPU's, TTBR0 walks on (no EPD0) */
#define SBA_STACK_PA    24   /* top of CPU 0's stack; CPU n's is n strides up */
#define SBA_SIZE        32

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>
#include "check.h"
#include "machine.h"
#include "xlat.h"

struct secondary_boot_args {
	uint64_t ttbr0, ttbr1, tcr, stack_pa;
};

struct smp_env {
	const struct boot_layout *layout;
	const struct image_symbols *syms;
	const struct walk_ctx *walk;       /* the final map (TTBR0 disabled) */
	unsigned entry_el;
	const struct machine *machine;     /* what the DTB says, or NULL */
	struct check_tally *tally;         /* secondaries add their checks here */
	struct xlat_ctx *xlat;             /* the final map: device pages on demand */
	bool verbose;                      /* stub.report=full: every probe line */
};

/* Starts every other CPU, one at a time; prints what each did and
 * "cpus: N online". Returns the number of CPUs that failed. */
int smp_bring_up(const struct smp_env *env);

/* head.S, at the link address, with the MMU on. */
__attribute__((noreturn)) void secondary_main(unsigned cpu, unsigned entry_el);
#endif

#endif /* SMP_H */
