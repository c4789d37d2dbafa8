/*
 * dt_addr.c - addresses in a DTB: cells, #address-cells and #size-cells,
 * and a node's reg as a CPU physical address (see dt_addr.h).
 */
#include <libfdt.h>
#include "dt_addr.h"

/* Big-endian cells, byte by byte: cells in a DTB are only 4-byte aligned
 * relative to the blob, and bare metal runs with -mstrict-align. n <= 2. */
uint64_t dt_cells(const void *p, uint32_t n)
{
	const uint8_t *b = p;
	uint64_t v = 0;

	for (uint32_t i = 0; i < 4 * n; i++)
		v = (v << 8) | b[i];
	return v;
}

const char *dt_node_name(const void *fdt, int node)
{
	const char *name = node == 0 ? NULL : fdt_get_name(fdt, node, NULL);

	return name && *name ? name : "/";
}

/* #address-cells / #size-cells of node; dflt when absent (DT spec 2.3.5:
 * 2 and 1). A value that is not one cell long reads as ~0 (refused). */
uint32_t dt_node_cells(const void *fdt, int node, const char *name, uint32_t dflt)
{
	int len;
	const void *p = fdt_getprop(fdt, node, name, &len);

	if (!p)
		return dflt;
	return len == 4 ? (uint32_t)dt_cells(p, 1) : ~0u;
}

bool dt_cells_ok(uint32_t c, uint32_t min)
{
	return c >= min && c <= 2;
}

/* *addr, in bus's address space (ac cells), into the space of its parent
 * up (*pac cells): through bus's ranges. An empty `ranges` is the
 * identity; a missing one means the bus's addresses are not CPU addresses
 * (Linux: OF_BAD_ADDR, but on PowerPC). */
static enum machine_err through_ranges(const void *fdt, int bus, int up, uint32_t ac,
				       uint32_t *pac, uint64_t *addr, struct machine_problem *pb)
{
	const char *bus_name = dt_node_name(fdt, bus);
	int len;
	const uint8_t *ranges = fdt_getprop(fdt, bus, "ranges", &len);
	uint32_t csc = dt_node_cells(fdt, bus, "#size-cells", 1), entry;

	*pac = dt_node_cells(fdt, up, "#address-cells", 2);
	if (!ranges) {
		machine_note(pb, MACHINE_ERR_NO_RANGES, bus_name, "ranges", *addr);
		return pb->err;
	}
	if (len == 0)
		return MACHINE_OK;
	if (!dt_cells_ok(*pac, 1) || !dt_cells_ok(csc, 1)) {
		bool a = !dt_cells_ok(*pac, 1);

		machine_note(pb, MACHINE_ERR_BAD_CELLS, a ? dt_node_name(fdt, up) : bus_name,
			     a ? "#address-cells" : "#size-cells", a ? *pac : csc);
		return pb->err;
	}
	entry = 4 * (ac + *pac + csc);
	if ((uint32_t)len % entry) {
		machine_note(pb, MACHINE_ERR_BAD_PROPERTY, bus_name, "ranges", (uint64_t)len);
		return pb->err;
	}
	for (uint32_t off = 0; off < (uint32_t)len; off += entry) {
		uint64_t child = dt_cells(ranges + off, ac);
		uint64_t parent = dt_cells(ranges + off + 4 * ac, *pac);
		uint64_t span = dt_cells(ranges + off + 4 * (ac + *pac), csc);

		if (*addr - child < span) {
			*addr = parent + (*addr - child);
			return MACHINE_OK;
		}
	}
	machine_note(pb, MACHINE_ERR_NOT_IN_RANGES, bus_name, "ranges", *addr);
	return pb->err;
}

/* node's first reg entry as a CPU physical address: up through every
 * parent bus's `ranges` (DT spec 2.3.8; Linux of_translate_address). Like
 * Linux, only the first address must fall inside a range. */
enum machine_err dt_translate_reg(const void *fdt, int node, uint64_t *pa, uint64_t *size,
				  struct machine_problem *pb)
{
	int bus = fdt_parent_offset(fdt, node), len;
	uint32_t ac = dt_node_cells(fdt, bus, "#address-cells", 2);
	uint32_t sc = dt_node_cells(fdt, bus, "#size-cells", 1);
	const uint8_t *reg = fdt_getprop(fdt, node, "reg", &len);
	const char *name = dt_node_name(fdt, node);
	uint64_t addr;

	if (bus < 0) {
		machine_note(pb, MACHINE_ERR_NO_REG, name, "reg", 0);
		return pb->err;
	}
	if (!dt_cells_ok(ac, 1) || !dt_cells_ok(sc, 0)) {
		bool a = !dt_cells_ok(ac, 1);

		machine_note(pb, MACHINE_ERR_BAD_CELLS, dt_node_name(fdt, bus),
			     a ? "#address-cells" : "#size-cells", a ? ac : sc);
		return pb->err;
	}
	if (!reg || len < (int)(4 * (ac + sc))) {
		machine_note(pb, MACHINE_ERR_NO_REG, name, "reg", reg ? (uint64_t)len : 0);
		return pb->err;
	}
	addr = dt_cells(reg, ac);
	*size = dt_cells(reg + 4 * ac, sc);
	for (int up; bus > 0 && (up = fdt_parent_offset(fdt, bus)) >= 0; bus = up) {
		uint32_t pac;

		if (through_ranges(fdt, bus, up, ac, &pac, &addr, pb) != MACHINE_OK)
			return pb->err;
		ac = pac;
	}
	*pa = addr;
	return MACHINE_OK;
}
