/*
 * machine_records.h - struct machine as the corpus test's records (see
 * machine_records.c).
 */
#ifndef MACHINE_RECORDS_H
#define MACHINE_RECORDS_H

#include "machine.h"

/* The records of m (read with result err), after the caller's "== FILE". */
void machine_records_print(const struct machine *m, enum machine_err err);

#endif /* MACHINE_RECORDS_H */
