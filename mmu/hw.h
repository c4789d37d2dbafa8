/*
 * hw.h - the live MMU (target only): see hw.c.
 */
#ifndef HW_H
#define HW_H

#include <stdbool.h>
#include <stdint.h>
#include "regs.h"

/* MMU off -> on, in the identity map; every CPU (head.S). */
void mmu_enable(uint64_t phys_ttbr0, uint64_t phys_ttbr1, uint64_t tcr);
/* At the link address over the final map: TCR_EL1.EPD0 and SCTLR_EL1.WXN
 * set, TLB invalidated. Every CPU, once. */
void mmu_finalize(void);

/* hw_at_fn for check.h: AT S1E1R (write=false) or S1E1W, then PAR_EL1. */
void hw_at(uint64_t va, bool write, struct hw_translation *out, void *cookie);

#endif /* HW_H */
