/*
 * machine_records.h - struct machine as the corpus test's records (see
 * machine_records.c).
 */
#ifndef MACHINE_RECORDS_H
#define MACHINE_RECORDS_H

#include "early_dtb.h"
#include "machine.h"

/* The records of m (read with result err), after the caller's "== FILE". */
void machine_records_print(const struct machine *m, enum machine_err err);

/* The MMU-off reader's records of the same blob (e, from early_dtb_read),
 * after the full reader's console as it would be driven (m). */
void machine_records_early(const struct machine *m, const struct early_dtb *e);

#endif /* MACHINE_RECORDS_H */
