/*
 * dtb.h - the facts this stub reads from a flattened device tree.
 *
 * Owns: finding a DTB, the RAM bank that holds the image (/memory nodes),
 * the PSCI conduit (/psci "method") and the command line (/chosen).
 * Built on libfdt; runs with the MMU off, so it reads only 4-byte aligned
 * cells. Host-testable.
 */
#ifndef DTB_H
#define DTB_H

#include <stdbool.h>
#include <stdint.h>
#include "exit.h"

/* A usable DTB: 8-byte aligned (booting.rst), right magic, sane header. */
bool dtb_valid(const void *fdt);

enum dtb_ram_status {
	DTB_RAM_OK = 0,
	DTB_RAM_NO_MEMORY_NODE = -1,   /* no node with device_type = "memory" */
	DTB_RAM_NOT_FOUND = -2,        /* no bank (or no "reg") holds the address */
	DTB_RAM_BAD_CELLS = -3,        /* #address-cells/#size-cells not 1 or 2 */
};

/* The bank of any /memory node's "reg" that contains pa. */
enum dtb_ram_status dtb_find_ram(const void *fdt, uint64_t containing_pa,
				 uint64_t *phys_base, uint64_t *size);

enum psci_conduit dtb_psci_conduit(const void *fdt);

/* The MPIDR (affinity fields) of every /cpus/cpu node, up to max of them.
 * Returns how many were found, or -1 without a /cpus node. */
int dtb_cpus(const void *fdt, uint64_t *mpidr, int max);

/* /chosen/bootargs, or NULL. Points into the DTB. */
const char *dtb_bootargs(const void *fdt);

#endif /* DTB_H */
