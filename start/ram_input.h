/*
 * ram_input.h - the RAM plan's input from what the DTB says.
 *
 * Owns: the DTB's banks as physical ranges, its reservations that have an
 * address (those with a size only have nothing to keep free: counted),
 * and its initrd, into a struct ram_plan_input (mmu/ram_plan.h), and the
 * exit status a refused plan means. Pure:
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

/* The exit status of a plan refused with rc (ram_plan_make): EXIT_BAD_LOAD
 * where the image (or the initrd over it) is what cannot be placed,
 * EXIT_BAD_DTB where the DTB's RAM is. */
int ram_plan_refusal_status(int rc);

#endif /* RAM_INPUT_H */
