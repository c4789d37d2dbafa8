/*
 * print.h - the live MMU state printed with printf: the one register
 * printer and the one range printer, shared by the boot's report
 * (start/report.c) and the monitor (mmu/shell/).
 *
 * Owns: the lines "SCTLR_EL1 0x...: fields" (and TCR_EL1, MAIR_EL1, the
 * decoders being regs.c's), a dump of one half as "  va-range pa size
 * level attributes" lines (dump.c's ranges), or why there is none, and
 * where a context's table pages are (the pool, the allocator's refills).
 * Target only (reads the registers, prints).
 */
#ifndef PRINT_H
#define PRINT_H

#include "dump.h"
#include "walk.h"
#include "xlat.h"

/* SCTLR_EL1, TCR_EL1 and MAIR_EL1, one decoded line each. */
void print_mmu_regs(void);
/* Every range of half ttbr (0 or 1), one line each; or one line saying
 * why they cannot be listed (TTBR0 walks disabled, a table unreadable),
 * and then -1. Returns the number of ranges. */
int print_half(const struct walk_ctx *w, int ttbr);
/* "pool: N in use", and with refills ", M of them from the allocator in
 * K refills of P pages"; no newline. */
void print_xlat_pool(const struct xlat_ctx *x);

#endif /* PRINT_H */
