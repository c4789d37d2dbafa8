/*
 * ram_input.h - the RAM plan's input from what the DTB says.
 *
 * Owns: the DTB's banks as physical ranges, its reservations that have an
 * address (those with a size only have nothing to keep free: counted),
 * and its initrd, into a struct ram_plan_input (mmu/ram_plan.h). Pure:
 * used by start/ram.c and build/host/machine-check, so that the host tool
 * plans RAM exactly as the boot does.
 */
#ifndef RAM_INPUT_H
#define RAM_INPUT_H

#include "machine.h"
#include "ram_plan.h"

/* Fills in->bank (banks[MACHINE_MAX_BANKS]), in->rsv
 * (rsv[MACHINE_MAX_RESERVED]) and the initrd; *nr_dynamic: the
 * reservations without an address. The image, DTB, PA size and budget
 * are the caller's. */
void ram_input_from_machine(const struct machine *m, struct phys_range *banks,
			    struct ram_reservation *rsv, struct ram_plan_input *in,
			    unsigned *nr_dynamic);

#endif /* RAM_INPUT_H */
