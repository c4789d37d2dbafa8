/*
 * hw.h - the live MMU (target only): see hw.c.
 */
#ifndef HW_H
#define HW_H

#include <stdbool.h>
#include <stdint.h>
#include "regs.h"

/* hw_at_fn for check.h: AT S1E1R (write=false) or S1E1W, then PAR_EL1. */
void hw_at(uint64_t va, bool write, struct hw_translation *out, void *cookie);

#endif /* HW_H */
