/*
 * dt_addr.h - addresses in a flattened device tree (as Linux's
 * drivers/of/address.c beside fdt.c).
 *
 * Owns: reading big-endian cells byte by byte (a DTB's cells are only
 * 4-byte aligned relative to the blob, and the image builds with
 * -mstrict-align), a node's #address-cells / #size-cells (the DT spec's
 * defaults, 2 and 1, when absent), and the translation of a node's first
 * reg entry into a CPU physical address through every parent bus's
 * `ranges` (DT spec 2.3.8; Linux of_translate_address). Host-testable
 * (libfdt); the node reading itself is lib/machine.c's.
 */
#ifndef DT_ADDR_H
#define DT_ADDR_H

#include <stdbool.h>
#include <stdint.h>
#include "machine.h"

/* n (<= 2) big-endian cells at p. */
uint64_t dt_cells(const void *p, uint32_t n);
/* The node's name, "/" for the root. */
const char *dt_node_name(const void *fdt, int node);
/* #address-cells / #size-cells of node; dflt when absent. A value that is
 * not one cell long reads as ~0 (refused by dt_cells_ok). */
uint32_t dt_node_cells(const void *fdt, int node, const char *name, uint32_t dflt);
/* A cell count the stub reads: min..2. */
bool dt_cells_ok(uint32_t c, uint32_t min);
/* node's first reg entry, *pa through every parent's ranges, and its
 * *size. MACHINE_OK, or the problem (noted in *pb: the first one kept). */
enum machine_err dt_translate_reg(const void *fdt, int node, uint64_t *pa, uint64_t *size,
				  struct machine_problem *pb);

#endif /* DT_ADDR_H */
