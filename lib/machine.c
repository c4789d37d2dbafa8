/*
 * machine.c - read what a DTB says about the machine into struct machine
 * (see machine.h).
 *
 * Owns: validating the blob, then the memory, reservation, console, CPU,
 * PSCI and /chosen readers (a node's bus address in CPU terms: dt_addr.c). Where the DT spec (v0.4) and Linux 6.1 differ,
 * Linux's reading wins unless noted: it is what the DTBs are tested with.
 * Left out on purpose: Linux's inheritance of #address-cells from
 * grandparents (the DT spec's defaults, 2 and 1, are used instead);
 * for /reserved-memory, Linux's refusal of the whole node when its cells
 * differ from the root's or it has no empty `ranges` (none of Debian's
 * DTBs does either), `alignment`, the placement of dynamic regions inside
 * `alloc-ranges`, overlap checks, and /chosen's kdump properties
 * (linux,usable-memory-range, linux,elfcorehdr); `dma-ranges`; and
 * PCI-style (3-cell) buses, which are refused by name.
 */
#include <libfdt.h>
#include <string.h>
#include "dt_addr.h"
#include "machine.h"
#include "uart/uart.h"

/* A property that is a NUL-terminated string inside its value, or NULL.
 * fdt_check_full does not look inside values, so this must. */
static const char *prop_string(const void *fdt, int node, const char *name)
{
	int len;
	const char *s = fdt_getprop(fdt, node, name, &len);

	if (!s || len < 1 || !memchr(s, '\0', (size_t)len))
		return NULL;
	return s;
}

/* Linux of_fdt_device_is_available: no status, "okay" or "ok". */
static bool status_okay(const char *status)
{
	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

/* base + size past the last address: refused (nothing can describe it). */
static bool wraps(uint64_t base, uint64_t size)
{
	return size > UINT64_MAX - base;
}

/* ---- validation ---------------------------------------------------- */

enum machine_err machine_check(const void *fdt, size_t buf_size,
			       struct machine_problem *pb)
{
	int rc;

	memset(pb, 0, sizeof(*pb));
	if (!fdt) {
		machine_note(pb, MACHINE_ERR_NULL, NULL, NULL, 0);
		return pb->err;
	}
	/* Linux Documentation/arch/arm64/booting.rst: "placed on an 8-byte
	 * boundary"; libfdt refuses anything else too. */
	if ((uintptr_t)fdt & 7) {
		machine_note(pb, MACHINE_ERR_MISALIGNED, NULL, NULL, (uintptr_t)fdt);
		return pb->err;
	}
	if (buf_size < sizeof(struct fdt_header)) {
		machine_note(pb, MACHINE_ERR_TOO_SMALL, NULL, NULL, buf_size);
		return pb->err;
	}
	if (fdt_magic(fdt) != FDT_MAGIC) {
		machine_note(pb, MACHINE_ERR_BAD_MAGIC, NULL, NULL, fdt_magic(fdt));
		return pb->err;
	}
	if (fdt_totalsize(fdt) > buf_size) {
		machine_note(pb, MACHINE_ERR_TRUNCATED, NULL, NULL, fdt_totalsize(fdt));
		return pb->err;
	}
	rc = fdt_check_header(fdt);
	if (rc == -FDT_ERR_BADVERSION) {
		machine_note(pb, MACHINE_ERR_BAD_VERSION, NULL, NULL, fdt_version(fdt));
		return pb->err;
	}
	if (rc) {
		machine_note(pb, MACHINE_ERR_BAD_HEADER, NULL, NULL, (uint64_t)-rc);
		return pb->err;
	}
	/* Every tag, name offset and property length inside the blob: after
	 * this, libfdt's accessors stay inside it. */
	rc = fdt_check_full(fdt, buf_size);
	if (rc)
		machine_note(pb, MACHINE_ERR_BAD_STRUCTURE, NULL, NULL, (uint64_t)-rc);
	return pb->err;
}

/* ---- memory -------------------------------------------------------- */

/* Linux 6.1 early_init_dt_scan_memory: the root's children with
 * device_type "memory" (the name alone is not enough), available,
 * linux,usable-memory before reg, the root's cells, zero sizes skipped. */
static void read_memory(const void *fdt, struct machine_memory *mem)
{
	uint32_t ac = dt_node_cells(fdt, 0, "#address-cells", 2);
	uint32_t sc = dt_node_cells(fdt, 0, "#size-cells", 1);
	int node;

	mem->address_cells = ac;
	mem->size_cells = sc;
	if (!dt_cells_ok(ac, 1)) {
		machine_note(&mem->problem, MACHINE_ERR_BAD_CELLS, "/", "#address-cells", ac);
		return;
	}
	if (!dt_cells_ok(sc, 1)) {
		machine_note(&mem->problem, MACHINE_ERR_BAD_CELLS, "/", "#size-cells", sc);
		return;
	}
	fdt_for_each_subnode(node, fdt, 0) {
		const char *type = prop_string(fdt, node, "device_type");
		const char *name = dt_node_name(fdt, node);
		const char *regname = "linux,usable-memory";
		const uint8_t *reg;
		int len, entry = (int)(4 * (ac + sc));

		if (!type || strcmp(type, "memory")) {
			if (!strncmp(name, "memory@", 7) || !strcmp(name, "memory"))
				mem->n_untyped_nodes++;
			continue;
		}
		if (!status_okay(prop_string(fdt, node, "status"))) {
			mem->n_disabled_nodes++;
			continue;
		}
		reg = fdt_getprop(fdt, node, regname, &len);
		if (reg)
			mem->usable_memory = true;
		else
			reg = fdt_getprop(fdt, node, regname = "reg", &len);
		if (!reg)
			continue;
		/* Linux reads the whole entries and ignores a tail: we name it. */
		if (len % entry)
			machine_note(&mem->problem, MACHINE_ERR_BAD_REG, name, regname, (uint64_t)len);
		for (int off = 0; off + entry <= len; off += entry) {
			uint64_t base = dt_cells(reg + off, ac);
			uint64_t size = dt_cells(reg + off + 4 * ac, sc);

			if (!size) {
				mem->n_zero_size++;
				continue;
			}
			if (wraps(base, size)) {
				machine_note(&mem->problem, MACHINE_ERR_WRAPS, name, regname, base);
				continue;
			}
			if (mem->n_banks == MACHINE_MAX_BANKS) {
				mem->n_dropped++;
				continue;
			}
			mem->bank[mem->n_banks++] = (struct machine_bank){
				.phys_base = base, .size = size, .node = name,
			};
		}
	}
	if (mem->n_dropped)
		machine_note(&mem->problem, MACHINE_ERR_TOO_MANY_BANKS, NULL, NULL,
			     (uint64_t)mem->n_dropped);
	if (!mem->n_banks && !mem->n_dropped)
		machine_note(&mem->problem, MACHINE_ERR_NO_MEMORY, NULL, NULL, 0);
}

/* ---- reservations ---------------------------------------------------- */

static void add_rsv(struct machine_reserved *r, const struct machine_reservation *v)
{
	if (r->n_rsv == MACHINE_MAX_RESERVED) {
		r->n_dropped++;
		return;
	}
	r->rsv[r->n_rsv++] = *v;
}

/* /memreserve/ (DT spec 5.3): fixed regions, in the header's block. */
static void read_memreserve(const void *fdt, struct machine_reserved *r)
{
	int n = fdt_num_mem_rsv(fdt);

	if (n < 0) {
		machine_note(&r->problem, MACHINE_ERR_BAD_MEMRESERVE, "/memreserve/", NULL,
			     (uint64_t)-n);
		n = 0;
	}
	for (int i = 0; i < n; i++) {
		uint64_t base, size;

		if (fdt_get_mem_rsv(fdt, i, &base, &size))
			break;
		if (wraps(base, size)) {
			machine_note(&r->problem, MACHINE_ERR_WRAPS, "/memreserve/", NULL, base);
			continue;
		}
		r->n_memreserve++;
		add_rsv(r, &(struct machine_reservation){
			.source = MACHINE_RSV_MEMRESERVE, .phys_base = base, .size = size,
		});
	}
}

/* Every reg entry of a /reserved-memory child: a fixed region each. */
static void add_reserved_regs(struct machine_reservation *v, struct machine_reserved *r,
			      const uint8_t *reg, int len)
{
	uint32_t ac = r->address_cells, sc = r->size_cells;
	int entry = (int)(4 * (ac + sc));

	/* Linux: "invalid reg property ..., skipping node". */
	if (len % entry) {
		machine_note(&r->problem, MACHINE_ERR_BAD_REG, v->name, "reg", (uint64_t)len);
		return;
	}
	for (int off = 0; off < len; off += entry) {
		v->phys_base = dt_cells(reg + off, ac);
		v->size = dt_cells(reg + off + 4 * ac, sc);
		if (!v->size) {
			r->n_zero_size++;
			continue;
		}
		if (wraps(v->phys_base, v->size)) {
			machine_note(&r->problem, MACHINE_ERR_WRAPS, v->name, "reg", v->phys_base);
			continue;
		}
		add_rsv(r, v);
	}
}

/* One available child of /reserved-memory: its reg entries, or without
 * reg but with a `size`, a dynamic region (allocated by the OS, reserving
 * nothing fixed). Neither: ignored, as Linux does. */
static void read_reserved_child(const void *fdt, int child, struct machine_reserved *r)
{
	struct machine_reservation v = {
		.source = MACHINE_RSV_NODE, .name = dt_node_name(fdt, child),
		.no_map = fdt_getprop(fdt, child, "no-map", NULL) != NULL,
		.reusable = fdt_getprop(fdt, child, "reusable", NULL) != NULL,
	};
	const uint8_t *reg, *size;
	int len;

	if (!status_okay(prop_string(fdt, child, "status"))) {
		r->n_disabled++;
		return;
	}
	reg = fdt_getprop(fdt, child, "reg", &len);
	if (reg) {
		add_reserved_regs(&v, r, reg, len);
		return;
	}
	size = fdt_getprop(fdt, child, "size", &len);
	if (!size)
		return;
	if (len != (int)(4 * r->size_cells)) {
		machine_note(&r->problem, MACHINE_ERR_BAD_PROPERTY, v.name, "size", (uint64_t)len);
		return;
	}
	v.dynamic = true;
	v.size = dt_cells(size, r->size_cells);
	v.has_alloc_ranges = fdt_getprop(fdt, child, "alloc-ranges", NULL) != NULL;
	add_rsv(r, &v);
}

/* /memreserve/ and /reserved-memory's children (Linux
 * fdt_scan_reserved_mem, __reserved_mem_reserve_reg): available children;
 * every reg entry a fixed region (no-map, reusable kept); no reg but a
 * `size`: a dynamic region. Linux also demands /reserved-memory's cells
 * equal the root's and an empty `ranges`; this reads its own cells, as
 * the binding says. */
static void read_reserved(const void *fdt, struct machine_reserved *r)
{
	int node, child;
	uint32_t ac, sc;

	read_memreserve(fdt, r);
	node = fdt_path_offset(fdt, "/reserved-memory");
	if (node >= 0) {
		r->has_node = true;
		r->address_cells = ac = dt_node_cells(fdt, node, "#address-cells", 2);
		r->size_cells = sc = dt_node_cells(fdt, node, "#size-cells", 1);
		if (dt_cells_ok(ac, 1) && dt_cells_ok(sc, 1)) {
			fdt_for_each_subnode(child, fdt, node)
				read_reserved_child(fdt, child, r);
		} else {
			bool a = !dt_cells_ok(ac, 1);

			machine_note(&r->problem, MACHINE_ERR_BAD_CELLS, "reserved-memory",
				     a ? "#address-cells" : "#size-cells", a ? ac : sc);
		}
	}
	if (r->n_dropped)
		machine_note(&r->problem, MACHINE_ERR_TOO_MANY_RESERVED, NULL, NULL,
			     (uint64_t)r->n_dropped);
}

/* ---- console --------------------------------------------------------- */

/* A one-cell property, dflt when absent; false (and named) if malformed. */
static bool prop_u32(const void *fdt, int node, const char *name, uint32_t dflt,
		     uint32_t *out, struct machine_problem *pb)
{
	int len;
	const void *p = fdt_getprop(fdt, node, name, &len);

	*out = dflt;
	if (!p)
		return true;
	if (len != 4) {
		machine_note(pb, MACHINE_ERR_BAD_PROPERTY, dt_node_name(fdt, node), name, (uint64_t)len);
		return false;
	}
	*out = (uint32_t)dt_cells(p, 1);
	return true;
}

/* The console's reference clock in Hz, 0 if unknown: its own
 * clock-frequency (DT spec v0.4, "Serial devices"), else the first entry
 * of `clocks` when that is a "fixed-clock" with a clock-frequency (Linux's
 * fixed-clock binding, #clock-cells 0). The bindings of all four drivers
 * list the reference clock first (pl011 "uartclk", cdns "uart_clk";
 * 8250 and the mini UART have one). Any other provider (a PLL tree, whose
 * rates the OS computes) leaves it unknown: not a problem, only a lack. */
static uint32_t console_clock(const void *fdt, int node, struct machine_problem *pb)
{
	uint32_t hz;
	int len, clk;
	const void *clocks;

	if (!prop_u32(fdt, node, "clock-frequency", 0, &hz, pb) || hz)
		return hz;
	clocks = fdt_getprop(fdt, node, "clocks", &len);
	if (!clocks || len < 4)
		return 0;
	clk = fdt_node_offset_by_phandle(fdt, (uint32_t)dt_cells(clocks, 1));
	if (clk < 0 || fdt_node_check_compatible(fdt, clk, "fixed-clock") != 0)
		return 0;
	prop_u32(fdt, clk, "clock-frequency", 0, &hz, pb);
	return hz;
}

/* Linux of_alias_scan: stdout-path, else linux,stdout-path; a path or an
 * alias, up to ':' (of_find_node_opts_by_path); options after it. */
static void read_console(const void *fdt, struct machine_console *con)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), node, count;
	struct uart_layout layout = { 0 };
	const char *sp, *colon;

	if (chosen < 0)
		return;
	sp = prop_string(fdt, chosen, "stdout-path");
	if (!sp)
		sp = prop_string(fdt, chosen, "linux,stdout-path");
	if (!sp)
		return;
	con->stdout_path = sp;
	colon = strchr(sp, ':');
	if (colon)
		con->options = colon + 1;
	/* libfdt resolves a leading alias (up to the first '/'). */
	node = fdt_path_offset_namelen(fdt, sp, colon ? (int)(colon - sp) : (int)strlen(sp));
	if (node < 0) {
		machine_note(&con->problem, MACHINE_ERR_CONSOLE_NOT_FOUND, sp, "stdout-path", 0);
		return;
	}
	if (fdt_get_path(fdt, node, con->path, sizeof(con->path)))
		con->path[0] = '\0';
	con->status = prop_string(fdt, node, "status");
	con->available = status_okay(con->status);

	con->kind = MACHINE_CONSOLE_UNSUPPORTED;
	count = fdt_stringlist_count(fdt, node, "compatible");
	/* The entries go from most to least specific: the first we know wins. */
	for (int i = 0; i < count && con->kind == MACHINE_CONSOLE_UNSUPPORTED; i++) {
		const char *c = fdt_stringlist_get(fdt, node, "compatible", i, NULL);

		if (!c)
			break;
		/* The driver and its layout: lib/uart/compat.c's one list. */
		con->kind = uart_kind_of(c, &layout);
		if (i == 0 || con->kind != MACHINE_CONSOLE_UNSUPPORTED)
			con->compatible = c;
	}

	con->reg_shift = layout.reg_shift;
	con->io_width = layout.io_width;
	/* The 8250 binding (ns16550, Tegra): the node's reg-shift and
	 * reg-io-width over the defaults; Linux of_serial takes widths 1, 2
	 * and 4. */
	if (layout.from_dt &&
	    prop_u32(fdt, node, "reg-shift", layout.reg_shift, &con->reg_shift, &con->problem) &&
	    prop_u32(fdt, node, "reg-io-width", layout.io_width, &con->io_width, &con->problem) &&
	    con->io_width != 1 && con->io_width != 2 && con->io_width != 4)
		machine_note(&con->problem, MACHINE_ERR_BAD_PROPERTY, dt_node_name(fdt, node),
			     "reg-io-width", con->io_width);
	if (con->kind != MACHINE_CONSOLE_UNSUPPORTED)
		con->clock_hz = console_clock(fdt, node, &con->problem);
	con->translated = dt_translate_reg(fdt, node, &con->phys_base, &con->size,
					&con->problem) == MACHINE_OK;
}

/* ---- CPUs and PSCI --------------------------------------------------- */

/* Linux arm64 of_parse_and_init_cpus / of_get_cpu_hwid: /cpus children with
 * device_type "cpu", MPIDR from reg (/cpus' #address-cells), non-affinity
 * bits refused; enable-method per CPU (smp_spin_table.c reads a u64
 * cpu-release-addr; one cell is taken as well, as the brief's boards use). */
static void read_cpus(const void *fdt, struct machine_cpus *cpus)
{
	int parent = fdt_path_offset(fdt, "/cpus"), node;
	uint32_t ac;

	if (parent < 0) {
		machine_note(&cpus->problem, MACHINE_ERR_NO_CPUS, "/cpus", NULL, 0);
		return;
	}
	cpus->address_cells = ac = dt_node_cells(fdt, parent, "#address-cells", 2);
	if (!dt_cells_ok(ac, 1)) {
		machine_note(&cpus->problem, MACHINE_ERR_BAD_CELLS, "cpus", "#address-cells", ac);
		return;
	}
	fdt_for_each_subnode(node, fdt, parent) {
		const char *type = prop_string(fdt, node, "device_type");
		const char *name = dt_node_name(fdt, node);
		struct machine_cpu c = { .node = name };
		const uint8_t *reg, *rel;
		int len;

		if (!type || strcmp(type, "cpu"))
			continue;
		reg = fdt_getprop(fdt, node, "reg", &len);
		if (!reg || len < (int)(4 * ac)) {
			machine_note(&cpus->problem, MACHINE_ERR_NO_REG, name, "reg",
				     reg ? (uint64_t)len : 0);
			continue;
		}
		c.mpidr = dt_cells(reg, ac);
		if (c.mpidr & ~MACHINE_MPIDR_HWID_MASK)
			machine_note(&cpus->problem, MACHINE_ERR_BAD_MPIDR, name, "reg", c.mpidr);
		c.status = prop_string(fdt, node, "status");
		c.available = status_okay(c.status);
		c.failed = c.status && !strncmp(c.status, "fail", 4);
		cpus->n_disabled += !c.available;
		cpus->n_failed += c.failed;
		if (cpus->n_cpus == MACHINE_MAX_CPUS) {
			cpus->n_dropped++;
			continue;
		}
		c.enable_method = prop_string(fdt, node, "enable-method");
		if (!c.enable_method)
			c.enable = MACHINE_CPU_ENABLE_NONE;
		else if (!strcmp(c.enable_method, "psci"))
			c.enable = MACHINE_CPU_ENABLE_PSCI;
		else if (!strcmp(c.enable_method, "spin-table"))
			c.enable = MACHINE_CPU_ENABLE_SPIN_TABLE;
		else
			c.enable = MACHINE_CPU_ENABLE_OTHER;
		if (c.enable == MACHINE_CPU_ENABLE_SPIN_TABLE) {
			rel = fdt_getprop(fdt, node, "cpu-release-addr", &len);
			if (rel && (len == 4 || len == 8)) {
				c.has_release_addr = true;
				c.phys_release_addr = dt_cells(rel, (uint32_t)len / 4);
			} else {
				machine_note(&cpus->problem, MACHINE_ERR_BAD_PROPERTY, name,
					     "cpu-release-addr", rel ? (uint64_t)len : 0);
			}
		}
		cpus->cpu[cpus->n_cpus++] = c;
	}
	if (cpus->n_dropped)
		machine_note(&cpus->problem, MACHINE_ERR_TOO_MANY_CPUS, NULL, NULL,
			     (uint64_t)cpus->n_dropped);
}

/* Linux psci_dt_init: any node matching psci_of_match, available, with
 * method "smc" or "hvc" (get_set_conduit_method). Newest version first. */
static void read_psci(const void *fdt, struct machine_psci *psci)
{
	int node;

	psci->conduit = PSCI_CONDUIT_NONE;
	/* No table of the three strings: see console_kind_of. */
	psci->compatible = "arm,psci-1.0";
	node = fdt_node_offset_by_compatible(fdt, -1, psci->compatible);
	if (node < 0) {
		psci->compatible = "arm,psci-0.2";
		node = fdt_node_offset_by_compatible(fdt, -1, psci->compatible);
	}
	if (node < 0) {
		psci->compatible = "arm,psci";
		node = fdt_node_offset_by_compatible(fdt, -1, psci->compatible);
	}
	if (node < 0) {
		psci->compatible = NULL;
		return;
	}
	psci->present = true;
	psci->node = dt_node_name(fdt, node);
	psci->available = status_okay(prop_string(fdt, node, "status"));
	psci->method = prop_string(fdt, node, "method");
	if (!psci->available)
		return;
	if (psci->method && !strcmp(psci->method, "smc"))
		psci->conduit = PSCI_CONDUIT_SMC;
	else if (psci->method && !strcmp(psci->method, "hvc"))
		psci->conduit = PSCI_CONDUIT_HVC;
	else
		machine_note(&psci->problem, MACHINE_ERR_PSCI_METHOD, psci->node, "method", 0);
}

/* ---- /chosen ----------------------------------------------------------- */

/* Linux early_init_dt_check_for_initrd: linux,initrd-start and -end, each
 * as many cells as it is long (of_read_number; 1 or 2 here). */
static bool initrd_prop(const void *fdt, int node, const char *name, uint64_t *v,
			struct machine_problem *pb)
{
	int len;
	const void *p = fdt_getprop(fdt, node, name, &len);

	if (!p)
		return false;
	if (len != 4 && len != 8) {
		machine_note(pb, MACHINE_ERR_BAD_PROPERTY, "chosen", name, (uint64_t)len);
		return false;
	}
	*v = dt_cells(p, (uint32_t)len / 4);
	return true;
}

static void read_chosen(const void *fdt, struct machine_chosen *ch)
{
	int node = fdt_path_offset(fdt, "/chosen");
	uint64_t start, end;
	bool has_start, has_end;

	if (node < 0)
		return;
	ch->has_chosen = true;
	ch->bootargs = prop_string(fdt, node, "bootargs");
	if (!ch->bootargs && fdt_getprop(fdt, node, "bootargs", NULL))
		machine_note(&ch->problem, MACHINE_ERR_BAD_PROPERTY, "chosen", "bootargs", 0);
	has_start = initrd_prop(fdt, node, "linux,initrd-start", &start, &ch->problem);
	has_end = initrd_prop(fdt, node, "linux,initrd-end", &end, &ch->problem);
	if (!has_start || !has_end)
		return;
	if (end < start) {
		machine_note(&ch->problem, MACHINE_ERR_BAD_INITRD, "chosen", "linux,initrd-end", end);
		return;
	}
	ch->has_initrd = true;
	ch->phys_initrd_start = start;
	ch->phys_initrd_end = end;
}

/* ---- the whole ---------------------------------------------------------- */

enum machine_err machine_read(const void *fdt, size_t buf_size, struct machine *m)
{
	const struct machine_problem *order[] = {
		&m->valid, &m->memory.problem, &m->reserved.problem, &m->cpus.problem,
		&m->psci.problem, &m->chosen.problem, &m->console.problem,
	};

	memset(m, 0, sizeof(*m));
	m->fdt = fdt;
	if (machine_check(fdt, buf_size, &m->valid))
		return m->valid.err;
	m->fdt_size = fdt_totalsize(fdt);
	m->model = prop_string(fdt, 0, "model");
	m->compatible = prop_string(fdt, 0, "compatible");
	if (m->compatible && !fdt_getprop(fdt, 0, "compatible", &m->compatible_len))
		m->compatible_len = 0;
	read_memory(fdt, &m->memory);
	read_reserved(fdt, &m->reserved);
	read_cpus(fdt, &m->cpus);
	read_psci(fdt, &m->psci);
	read_chosen(fdt, &m->chosen);
	read_console(fdt, &m->console);
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (order[i]->err != MACHINE_OK)
			return order[i]->err;
	return MACHINE_OK;
}

/* ---- names ---------------------------------------------------------------- */

/* Switches of returns: the Makefile's -fno-tree-switch-conversion keeps
 * them from becoming tables of absolute pointers (MMU off). */

const char *machine_strerror(enum machine_err err)
{
	switch (err) {
	case MACHINE_OK: return "no error";
	case MACHINE_ERR_NULL: return "no DTB (null pointer)";
	case MACHINE_ERR_MISALIGNED: return "DTB not 8-byte aligned (arm64 booting.rst)";
	case MACHINE_ERR_TOO_SMALL: return "buffer smaller than a DTB header";
	case MACHINE_ERR_BAD_MAGIC: return "bad magic: not a DTB";
	case MACHINE_ERR_TRUNCATED: return "truncated DTB: totalsize larger than the buffer";
	case MACHINE_ERR_BAD_VERSION: return "unsupported DTB version";
	case MACHINE_ERR_BAD_HEADER: return "inconsistent DTB header (block offsets or sizes)";
	case MACHINE_ERR_BAD_STRUCTURE: return "malformed structure block (fdt_check_full)";
	case MACHINE_ERR_BAD_CELLS: return "#address-cells or #size-cells not supported (1 or 2)";
	case MACHINE_ERR_BAD_REG: return "reg is not a whole number of (address, size) entries";
	case MACHINE_ERR_WRAPS: return "region wraps past the top of the address space";
	case MACHINE_ERR_NO_MEMORY: return "no usable memory bank";
	case MACHINE_ERR_TOO_MANY_BANKS: return "more memory banks than MACHINE_MAX_BANKS (dropped)";
	case MACHINE_ERR_BAD_MEMRESERVE: return "malformed /memreserve/ table";
	case MACHINE_ERR_TOO_MANY_RESERVED: return "more reservations than MACHINE_MAX_RESERVED (dropped)";
	case MACHINE_ERR_CONSOLE_NOT_FOUND: return "stdout-path names no node (path or alias)";
	case MACHINE_ERR_NO_REG: return "node has no (or too short a) reg";
	case MACHINE_ERR_NO_RANGES: return "parent bus has no ranges: address not translatable";
	case MACHINE_ERR_NOT_IN_RANGES: return "address outside every range of its parent bus";
	case MACHINE_ERR_BAD_PROPERTY: return "property has the wrong length or value";
	case MACHINE_ERR_NO_CPUS: return "no /cpus node";
	case MACHINE_ERR_BAD_MPIDR: return "cpu reg has bits outside the MPIDR affinity fields";
	case MACHINE_ERR_TOO_MANY_CPUS: return "more CPUs than MACHINE_MAX_CPUS (dropped)";
	case MACHINE_ERR_PSCI_METHOD: return "PSCI node method is neither \"smc\" nor \"hvc\"";
	case MACHINE_ERR_BAD_INITRD: return "linux,initrd-end before linux,initrd-start";
	case MACHINE_ERR_COUNT: break;
	}
	return "unknown machine error";
}

const char *machine_console_kind_name(enum machine_console_kind kind)
{
	switch (kind) {
	case MACHINE_CONSOLE_NONE: return "none";
	case MACHINE_CONSOLE_PL011: return "pl011";
	case MACHINE_CONSOLE_BCM2835_AUX: return "bcm2835-aux";
	case MACHINE_CONSOLE_CADENCE: return "cadence";
	case MACHINE_CONSOLE_NS16550: return "ns16550";
	case MACHINE_CONSOLE_UNSUPPORTED: return "unsupported";
	case MACHINE_CONSOLE_SBSA: return "sbsa";
	case MACHINE_CONSOLE_AM654: return "am654";
	case MACHINE_CONSOLE_IMX: return "imx";
	case MACHINE_CONSOLE_MESON: return "meson";
	case MACHINE_CONSOLE_GENI: return "geni";
	case MACHINE_CONSOLE_MSM_UARTDM: return "msm-uartdm";
	case MACHINE_CONSOLE_LPUART32: return "lpuart32";
	case MACHINE_CONSOLE_LPUART32_IMX: return "lpuart32-imx";
	case MACHINE_CONSOLE_AR3700: return "ar3700";
	case MACHINE_CONSOLE_SCIF: return "scif";
	}
	return "?";
}

const char *machine_cpu_enable_name(enum machine_cpu_enable e)
{
	switch (e) {
	case MACHINE_CPU_ENABLE_NONE: return "none";
	case MACHINE_CPU_ENABLE_PSCI: return "psci";
	case MACHINE_CPU_ENABLE_SPIN_TABLE: return "spin-table";
	case MACHINE_CPU_ENABLE_OTHER: return "other";
	}
	return "?";
}

bool machine_is_compatible(const struct machine *m, const char *c)
{
	size_t want = strlen(c) + 1;

	for (int off = 0; m->compatible && off < m->compatible_len;) {
		const char *s = m->compatible + off;
		size_t n = strnlen(s, (size_t)(m->compatible_len - off));

		if (n + 1 == want && !memcmp(s, c, want))
			return true;
		off += (int)n + 1;
	}
	return false;
}

const struct machine_bank *machine_bank_holding(const struct machine *m, uint64_t pa)
{
	for (int i = 0; i < m->memory.n_banks; i++) {
		const struct machine_bank *b = &m->memory.bank[i];

		if (pa - b->phys_base < b->size)       /* unsigned: also rejects pa < base */
			return b;
	}
	return NULL;
}
