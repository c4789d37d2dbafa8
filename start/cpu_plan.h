/*
 * cpu_plan.h - which CPUs the boot brings up, and how each is started.
 *
 * Owns: the plan made from what the DTB or the MADT says (struct
 * machine's cpus) before any CPU is touched: the boot CPU found by its
 * MPIDR; the others, in /cpus order, as logical CPUs 1..n, each with its
 * start method (entered at EL3, where no firmware holds them: the board's
 * operation or the holding pen; below, its enable-method: PSCI CPU_ON or
 * the spin table); what is left out, each named: not available (status),
 * a duplicate MPIDR (the first of a value is started, the others never:
 * two CPUs cannot answer one MPIDR), beyond NR_CPUS; the checks of a spin
 * table's cpu-release-addr before anything is written there; and the
 * plan's lines, built without the formatter (lib/strbuf.h). Pure: used by
 * start/smp.c and build/host/machine-check, host-tested.
 */
#ifndef CPU_PLAN_H
#define CPU_PLAN_H

#include <stdbool.h>
#include <stdint.h>
#include "machine.h"
#include "memory.h"
#include "strbuf.h"

enum start_method { START_NONE, START_PSCI, START_SPIN_TABLE, START_PEN, START_BOARD };
const char *start_method_name(enum start_method m);

struct cpu_plan {
	unsigned n;                          /* secondaries: logical CPUs 1..n */
	int dt[NR_CPUS];                     /* logical CPU -> machine cpus.cpu[] */
	enum start_method method[NR_CPUS];
	unsigned by[START_BOARD + 1];        /* planned CPUs per method */
	unsigned left_off;                   /* named and not planned: duplicates, beyond NR_CPUS */
	unsigned entry_el;
	const char *board;                   /* EL3: the board whose operation starts them */
	const char *source;                  /* "DTB" or "MADT" */
};

/* One line of the plan (no newline). */
typedef void (*cpu_plan_say_fn)(const char *line, void *arg);

/* The plan for a boot entered at entry_el on the CPU self_mpidr; board:
 * the name of a board operation that starts CPUs at EL3 (NULL: none).
 * What it leaves out is said, a line each. */
void cpu_plan_make(const struct machine *m, uint64_t self_mpidr, unsigned entry_el,
		   const char *board, struct cpu_plan *p, cpu_plan_say_fn say, void *arg);

/* "smp: N other CPUs in the DTB: ..." (or none), into sb. */
void cpu_plan_summary(const struct cpu_plan *p, struct strbuf *sb);

/* A range of physical memory the boot holds (the image, the DTB, the
 * table pool, the stacks): what a mailbox must not lie in. */
struct cpu_held {
	uint64_t start, end;                 /* [start, end) */
	const char *what;
};

/* Whether the stub may write a CPU's spin-table mailbox (its
 * cpu-release-addr): NULL if it may, else why not (*hit: the held range
 * it lies in, or NULL). The mailbox must be 8-byte aligned (the value is
 * a doubleword) and lie outside every held range; inside a reservation
 * of the DTB that holds nothing of the boot's it is the firmware's, made
 * for it (Linux's spin tables are reserved). Whether it is mapped to be
 * written is the caller's (the linear map). */
const char *cpu_release_addr_check(const struct machine_cpu *c, const struct cpu_held *held,
				   unsigned n_held, const struct cpu_held **hit);

#endif /* CPU_PLAN_H */
