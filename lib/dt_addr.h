/*
 * dt_addr.h - addresses in a flattened device tree (as Linux's
 * drivers/of/address.c beside fdt.c).
 *
 * Owns: reading big-endian cells (n words of a property: the structure
 * block is 4-byte aligned, lib/dt_walk.h), a node's #address-cells /
 * #size-cells (the DT spec's defaults, 2 and 1, when absent), and the
 * translation of a node's first reg entry into a CPU physical address
 * through every parent bus's `ranges` (DT spec 2.3.8; Linux
 * of_translate_address), over the node index the one walk made
 * (lib/dt_walk.h): no other pass over the tree. Host-testable; the node
 * reading itself is lib/machine.c's.
 */
#ifndef DT_ADDR_H
#define DT_ADDR_H

#include <stdbool.h>
#include <stdint.h>
#include "dt_walk.h"
#include "machine.h"

/* n (<= 2) big-endian cells at p (4-byte aligned). */
uint64_t dt_cells(const void *p, uint32_t n);
/* A #address-cells or #size-cells property: dflt when absent; a value
 * that is not one cell long reads as ~0 (refused by dt_cells_ok). */
uint32_t dt_prop_cells(struct dt_prop p, uint32_t dflt);
/* The node's name, "/" for the root (or an empty name). */
const char *dt_node_name(const struct dt_tree *t, int node);
/* dt_prop_cells of node's property name (DT_NONE: dflt). */
uint32_t dt_node_cells(const struct dt_tree *t, int node, const char *name, uint32_t dflt);
/* A cell count the stub reads: min..2. */
bool dt_cells_ok(uint32_t c, uint32_t min);
/* node's first reg entry, *pa through every parent's ranges, and its
 * *size. MACHINE_OK, or the problem (noted in *pb: the first one kept). */
enum machine_err dt_translate_reg(const struct dt_tree *t, int node, uint64_t *pa,
				  uint64_t *size, struct machine_problem *pb);

#endif /* DT_ADDR_H */
