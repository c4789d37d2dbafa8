/*
 * esr.h - decode ESR_EL1 for exception reports.
 *
 * Owns: exception class names and the fault-specific parts of the ISS
 * (Arm ARM D17.2.37). Pure, no absolute pointers (usable with the MMU off:
 * every name is a string literal returned from code). Host-testable.
 */
#ifndef ESR_H
#define ESR_H

#include <stdbool.h>
#include <stdint.h>

unsigned esr_class(uint64_t esr);
const char *esr_class_name(unsigned ec);
/* Data or instruction abort (EC 0x20, 0x21, 0x24, 0x25). */
bool esr_is_abort(unsigned ec);
/* For aborts: the DFSC/IFSC field; WnR for data aborts. */
unsigned esr_fault_status(uint64_t esr);
bool esr_is_write(uint64_t esr);
/* Name of vector slot 0..15, e.g. "synchronous, current EL with SP_ELx". */
const char *vector_slot_name(unsigned slot);

#endif /* ESR_H */
