/*
 * fault.h - the faults the product expects and survives: guarded accesses
 * and the abort resolver (as Linux's exception table and mm/fault.c).
 *
 * Owns: guarded_read64/guarded_write64, which arm the one recovery point
 * around exactly one instruction (mmu/guarded.S): a synchronous exception
 * on that instruction is recorded in *caught and the call returns 1
 * instead of ending the run; the one abort resolver (demand paging,
 * mmu/demand.c), consulted first for a synchronous exception at EL1; and
 * fault_fixup(), which the exception handler (start/traps.c) calls with
 * plain values once the MMU is on. Nothing else recovers: any other fault
 * is reported by the handler. Target only; valid once the MMU is on (the
 * state lives in the bss).
 */
#ifndef FAULT_H
#define FAULT_H

#include <stdbool.h>
#include <stdint.h>

/* What the exception left, as the vectors saved it. */
struct caught_fault {
	uint64_t esr, far, elr;
};

/* 0 and *val, or 1 with *caught filled (then *val is 0). */
int guarded_read64(uint64_t va, uint64_t *val, struct caught_fault *caught);
/* The same, 32 bits wide (a device register's access). */
int guarded_read32(uint64_t va, uint32_t *val, struct caught_fault *caught);
/* 0, or 1 with *caught filled. */
int guarded_write64(uint64_t va, uint64_t val, struct caught_fault *caught);

/* Whether a guarded access is in flight: a fault on it is caught (the
 * abort resolver need not say why it left one). */
bool fault_guard_armed(void);

/* Called with ESR_EL1 and FAR_EL1 of a synchronous exception taken from
 * EL1; true: resolved (it mapped the page), run the instruction again. */
typedef bool (*abort_resolver_fn)(uint64_t esr, uint64_t far);
/* The one resolver (NULL: none). */
void fault_set_abort_resolver(abort_resolver_fn fn);

/* A synchronous exception taken with the MMU on (from_el1: taken from
 * EL1 itself, not EL0). true: handled, resume at *elr (unchanged: the
 * instruction runs again; else the guarded access's fix-up). */
bool fault_fixup(bool from_el1, uint64_t esr, uint64_t far, uint64_t *elr);

#endif /* FAULT_H */
