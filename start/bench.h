/*
 * bench.h - instruction-count marks for make bench.
 *
 * Owns: the mark numbers and bench_mark(), which
 * records PMCCNTR_EL0. Under QEMU -icount shift=0 the cycle counter counts
 * retired instructions, so the figures are deterministic (../shared notes).
 */
#ifndef BENCH_H
#define BENCH_H

/* The count at MMU on is head.S's (x22: it reads PMCCNTR_EL0 right after
 * SCTLR_EL1.M is set, counting from EL1 entry); these come after. */
#define BENCH_CHECKS_DONE  0   /* both maps checked */
#define BENCH_FINAL_START  1   /* building the final map ... */
#define BENCH_FINAL_LIVE   2   /* ... until it is installed and finalized */
#define BENCH_NR_MARKS     3

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <stdbool.h>
extern uint64_t bench_counts[BENCH_NR_MARKS];
/* The CPU has a cycle counter (PMUv3); without one no mark is taken. */
bool bench_have_counter(void);
void bench_mark(unsigned mark);
#endif

#endif /* BENCH_H */
