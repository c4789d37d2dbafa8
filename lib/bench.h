/*
 * bench.h - instruction-count marks for make bench.
 *
 * Owns: the mark numbers (shared with head.S) and bench_mark(), which
 * records PMCCNTR_EL0. Under QEMU -icount shift=0 the cycle counter counts
 * retired instructions, so the figures are deterministic (../shared notes).
 */
#ifndef BENCH_H
#define BENCH_H

#define BENCH_TABLES_BUILT 0   /* entry (EL1, counter started) to tables built */
#define BENCH_MMU_ON       1
#define BENCH_CHECKS_DONE  2   /* both maps checked */
#define BENCH_FINAL_START  3   /* building the final map ... */
#define BENCH_FINAL_LIVE   4   /* ... until it is installed */
#define BENCH_NR_MARKS     5

#ifndef __ASSEMBLER__
#include <stdint.h>
extern uint64_t bench_counts[BENCH_NR_MARKS];
void bench_mark(unsigned mark);
#endif

#endif /* BENCH_H */
