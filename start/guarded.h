/*
 * guarded.h - accesses to any address that survive a fault, and the hook
 * through which a translation fault can be resolved instead.
 *
 * Owns: the interface of the product's recovery point (start/traps.c,
 * start/guarded.S): guarded_read64/guarded_write64 arm it around exactly
 * one instruction; a synchronous exception on that instruction is recorded
 * in *caught and the call returns 1 instead of ending the run. And the one
 * abort resolver (demand paging, mmu/demand.c): consulted first for a data
 * abort at EL1; when it returns true (it mapped the page) the faulting
 * instruction runs again. Target only; valid once the MMU is on.
 */
#ifndef GUARDED_H
#define GUARDED_H

#include <stdbool.h>
#include <stdint.h>

/* What the exception left, as the vectors saved it (start/traps.h). */
struct caught_fault {
	unsigned slot;           /* vector slot, 0..15 */
	uint64_t esr, far, elr;
};

/* 0 and *val, or 1 with *caught filled (then *val is 0). */
int guarded_read64(uint64_t va, uint64_t *val, struct caught_fault *caught);
/* 0, or 1 with *caught filled. */
int guarded_write64(uint64_t va, uint64_t val, struct caught_fault *caught);

/* Called with ESR_EL1 and FAR_EL1 of a synchronous exception taken at EL1
 * with the MMU on; true: resolved, retry the instruction. NULL: none. */
typedef bool (*abort_resolver_fn)(uint64_t esr, uint64_t far);
void traps_set_abort_resolver(abort_resolver_fn fn);

#endif /* GUARDED_H */
