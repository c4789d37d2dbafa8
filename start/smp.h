/*
 * smp.h - bringing up the other CPUs.
 *
 * Owns: the CPUs this boot brings up (the DTB's available /cpus, logical
 * numbers in /cpus order with the boot CPU as 0), how each is started
 * (its enable-method: PSCI CPU_ON, the firmware's spin table; entered at
 * EL3, where no firmware holds the others: the holding pen, or the board's
 * operation: board_ops.h), the values a secondary reads with its MMU off
 * to turn it on (secondary_boot_args, laid out for head.S), and the calls
 * kernel_main makes. Each secondary enters at the level the boot CPU did,
 * drops to EL1, turns the MMU on with the boot CPU's values over the same
 * final TTBR1 tables (the one mmu_enable, then mmu_finalize), checks its
 * own translations on its own stack, and reports; the boot CPU starts
 * them one at a time and waits for each (with a timeout).
 */
#ifndef SMP_H
#define SMP_H

#include "memory.h"

/* struct secondary_boot_args, for head.S: mmu_enable's three arguments,
 * then the CPU being started and its stack (one CPU starts at a time). */
#define SBA_TTBR0       0    /* the early map's root: the identity map */
#define SBA_TTBR1       8    /* the final map */
#define SBA_TCR         16   /* the boot CPU's, TTBR0 walks on (no EPD0) */
#define SBA_CPU         24   /* its logical number */
#define SBA_STACK_TOP   32   /* its stack's top, a VA of the final map */
#define SBA_SIZE        40
/* pen_release, for head.S's holding pen. */
#define PEN_MPIDR       0    /* the affinity of the CPU to release */
#define PEN_ENTRY       8    /* where it jumps (physical) */

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>
#include "check.h"
#include "machine.h"
#include "xlat.h"

struct pgalloc_ctx;

struct secondary_boot_args {
	uint64_t ttbr0, ttbr1, tcr, cpu, stack_top;
};

struct smp_env {
	const struct boot_layout *layout;
	const struct image_symbols *syms;
	const struct walk_ctx *walk;       /* the final map (TTBR0 disabled) */
	unsigned entry_el;
	const struct machine *machine;     /* what the DTB says */
	struct check_tally *tally;         /* secondaries add their checks here */
	struct xlat_ctx *xlat;             /* the final map: device pages on demand */
	const struct pgalloc_ctx *pages;   /* the page allocator: its metadata is held */
	bool verbose;                      /* stub.report=full: every probe line */
};

/* Before the final map: the CPUs to bring up (cpu_plan.h: from the DTB
 * or the MADT, the boot CPU found by its MPIDR, each CPU's start method
 * for a boot entered at entry_el). Names what it leaves out (unavailable,
 * a duplicate MPIDR, beyond NR_CPUS, no /cpus); returns the number of
 * secondaries, for whom the boot takes stacks (boot_layout.nr_stacks). */
unsigned smp_plan(const struct machine *m, unsigned entry_el);

/* Starts every planned secondary, one at a time; prints what each did and
 * "cpus: N online". Returns the number of CPUs that failed. */
int smp_bring_up(const struct smp_env *env);

/* head.S, at the link address, with the MMU on. */
__attribute__((noreturn)) void secondary_main(unsigned cpu, unsigned entry_el);
#endif

#endif /* SMP_H */
