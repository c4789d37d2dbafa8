/*
 * dt_addr.c - addresses in a DTB: cells, #address-cells and #size-cells,
 * and a node's reg as a CPU physical address (see dt_addr.h).
 */
#include <libfdt.h>
#include "dt_addr.h"

/* Big-endian cells: a property's value is 4-byte aligned (the structure
 * block is, and every tag and length is a word). n <= 2. */
uint64_t dt_cells(const void *p, uint32_t n)
{
	const fdt32_t *c = p;
	uint64_t v = 0;

	for (uint32_t i = 0; i < n; i++)
		v = (v << 32) | fdt32_to_cpu(c[i]);
	return v;
}

uint32_t dt_prop_cells(struct dt_prop p, uint32_t dflt)
{
	if (!p.val)
		return dflt;
	return p.len == 4 ? (uint32_t)dt_cells(p.val, 1) : ~0u;
}

const char *dt_node_name(const struct dt_tree *t, int node)
{
	const char *name = node <= 0 ? NULL : dt_name(t, node);

	return name && *name ? name : "/";
}

/* #address-cells / #size-cells of node; dflt when absent (DT spec 2.3.5:
 * 2 and 1). */
uint32_t dt_node_cells(const struct dt_tree *t, int node, const char *name, uint32_t dflt)
{
	return dt_prop_cells(dt_node_prop(t, node, name), dflt);
}

bool dt_cells_ok(uint32_t c, uint32_t min)
{
	return c >= min && c <= 2;
}

/* *addr, in bus's address space (ac cells: bus's #address-cells, handed
 * up unchecked through an empty ranges below it), into the space of its
 * parent up (*pac cells): through bus's ranges. An empty `ranges` is the
 * identity; a missing one means the bus's addresses are not CPU addresses
 * (Linux: OF_BAD_ADDR, but on PowerPC). Every count read is checked
 * before an entry is (Linux OF_CHECK_COUNTS). */
static enum machine_err through_ranges(const struct dt_tree *t, int bus, int up, uint32_t ac,
				       uint32_t *pac, uint64_t *addr, struct machine_problem *pb)
{
	const char *bus_name = dt_node_name(t, bus);
	struct dt_prop ranges = dt_node_prop(t, bus, "ranges");
	uint32_t csc = dt_node_cells(t, bus, "#size-cells", 1), entry;

	*pac = dt_node_cells(t, up, "#address-cells", 2);
	if (!ranges.val) {
		machine_note(pb, MACHINE_ERR_NO_RANGES, bus_name, "ranges", *addr);
		return pb->err;
	}
	if (ranges.len == 0)
		return MACHINE_OK;
	if (!dt_cells_ok(ac, 1)) {
		machine_note(pb, MACHINE_ERR_BAD_CELLS, bus_name, "#address-cells", ac);
		return pb->err;
	}
	if (!dt_cells_ok(*pac, 1) || !dt_cells_ok(csc, 1)) {
		bool a = !dt_cells_ok(*pac, 1);

		machine_note(pb, MACHINE_ERR_BAD_CELLS, a ? dt_node_name(t, up) : bus_name,
			     a ? "#address-cells" : "#size-cells", a ? *pac : csc);
		return pb->err;
	}
	entry = 4 * (ac + *pac + csc);
	if (ranges.len % entry) {
		machine_note(pb, MACHINE_ERR_BAD_PROPERTY, bus_name, "ranges", ranges.len);
		return pb->err;
	}
	for (uint32_t off = 0; off < ranges.len; off += entry) {
		uint64_t child = dt_cells(ranges.val + off, ac);
		uint64_t parent = dt_cells(ranges.val + off + 4 * ac, *pac);
		uint64_t span = dt_cells(ranges.val + off + 4 * (ac + *pac), csc);

		if (*addr - child < span) {
			*addr = parent + (*addr - child);
			return MACHINE_OK;
		}
	}
	machine_note(pb, MACHINE_ERR_NOT_IN_RANGES, bus_name, "ranges", *addr);
	return pb->err;
}

/* node's first reg entry as a CPU physical address: up through every
 * parent bus's `ranges` (DT spec 2.3.8; Linux of_translate_address), the
 * root's excepted. Like Linux, only the first address must fall inside a
 * range. */
enum machine_err dt_translate_reg(const struct dt_tree *t, int node, uint64_t *pa,
				  uint64_t *size, struct machine_problem *pb)
{
	int bus = dt_parent(t, node);
	uint32_t ac = dt_node_cells(t, bus, "#address-cells", 2);
	uint32_t sc = dt_node_cells(t, bus, "#size-cells", 1);
	struct dt_prop reg = dt_node_prop(t, node, "reg");
	const char *name = dt_node_name(t, node);
	uint64_t addr;

	if (bus == DT_NONE) {
		machine_note(pb, MACHINE_ERR_NO_REG, name, "reg", 0);
		return pb->err;
	}
	if (!dt_cells_ok(ac, 1) || !dt_cells_ok(sc, 0)) {
		bool a = !dt_cells_ok(ac, 1);

		machine_note(pb, MACHINE_ERR_BAD_CELLS, dt_node_name(t, bus),
			     a ? "#address-cells" : "#size-cells", a ? ac : sc);
		return pb->err;
	}
	if (!reg.val || reg.len < 4 * (ac + sc)) {
		machine_note(pb, MACHINE_ERR_NO_REG, name, "reg", reg.val ? reg.len : 0);
		return pb->err;
	}
	addr = dt_cells(reg.val, ac);
	*size = dt_cells(reg.val + 4 * ac, sc);
	for (int up; bus > 0 && (up = dt_parent(t, bus)) != DT_NONE; bus = up) {
		uint32_t pac;

		if (through_ranges(t, bus, up, ac, &pac, &addr, pb) != MACHINE_OK)
			return pb->err;
		ac = pac;
	}
	*pa = addr;
	return MACHINE_OK;
}
