/*
 * machine.c - read what a DTB says about the machine into struct machine
 * (see machine.h).
 *
 * Owns: validating the blob's header, then, in the one walk of
 * lib/dt_walk.c, the memory, reservation, CPU, PSCI and /chosen readers
 * (each node as the walk finishes its properties), and after it the
 * console, over the walk's node index (a node's bus address in CPU
 * terms: dt_addr.c). Where the DT spec (v0.4) and Linux 6.1 differ,
 * Linux's reading wins unless noted: it is what the DTBs are tested with.
 * Where a node or property is found, libfdt's rules are kept (the first
 * node a path names, the first property of a name, the properties before
 * the first subnode): the readers give what they gave over libfdt.
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
#include <stddef.h>
#include <string.h>
#include "dt_addr.h"
#include "machine.h"
#include "uart/uart.h"

/* The properties the walk hands the readers, by id. */
enum prop_id {
	P_DEVICE_TYPE, P_STATUS, P_REG, P_USABLE_MEMORY, P_COMPATIBLE, P_MODEL,
	P_ADDRESS_CELLS, P_SIZE_CELLS, P_ENABLE_METHOD, P_CPU_RELEASE_ADDR, P_METHOD,
	P_NO_MAP, P_REUSABLE, P_SIZE, P_ALLOC_RANGES, P_BOOTARGS, P_STDOUT_PATH,
	P_LINUX_STDOUT_PATH, P_INITRD_START, P_INITRD_END, P_COUNT
};
_Static_assert(P_COUNT <= DT_MAX_WANTED, "the walk hands over every property asked for");

static const char *const wanted[P_COUNT] = {
	[P_DEVICE_TYPE] = "device_type", [P_STATUS] = "status", [P_REG] = "reg",
	[P_USABLE_MEMORY] = "linux,usable-memory", [P_COMPATIBLE] = "compatible",
	[P_MODEL] = "model", [P_ADDRESS_CELLS] = "#address-cells", [P_SIZE_CELLS] = "#size-cells",
	[P_ENABLE_METHOD] = "enable-method", [P_CPU_RELEASE_ADDR] = "cpu-release-addr",
	[P_METHOD] = "method", [P_NO_MAP] = "no-map", [P_REUSABLE] = "reusable", [P_SIZE] = "size",
	[P_ALLOC_RANGES] = "alloc-ranges", [P_BOOTARGS] = "bootargs",
	[P_STDOUT_PATH] = "stdout-path", [P_LINUX_STDOUT_PATH] = "linux,stdout-path",
	[P_INITRD_START] = "linux,initrd-start", [P_INITRD_END] = "linux,initrd-end",
};

/* PSCI's compatibles (Linux psci_of_match). */
enum { PSCI_1_0, PSCI_0_2, PSCI_0_1, PSCI_NR };

/* What the readers remember between the nodes of the walk. */
struct reader {
	struct machine *m;
	enum { UNDER_OTHER, UNDER_CPUS, UNDER_RESERVED } under;  /* the last top-level child */
	bool seen_chosen, seen_cpus, seen_reserved;  /* the first of each name is the one */
	bool root_cells_ok;
	/* The first node compatible with PSCI: its version, name, status, method. */
	bool psci_found;
	int psci_version;
	const char *psci_name;
	struct dt_prop psci_status, psci_method;
};

/* A string property: NUL-terminated inside its value, or NULL (the walk
 * checks no value, so this must). */
static const char *prop_str(struct dt_prop p)
{
	if (!p.val || p.len < 1)
		return NULL;
	/* dtc ends every string value with its NUL: the last byte first. */
	if (((const char *)p.val)[p.len - 1] != '\0' && !memchr(p.val, '\0', p.len))
		return NULL;
	return (const char *)p.val;
}

static const char *visit_str(const struct dt_visit *v, enum prop_id id)
{
	return prop_str(dt_visit_prop(v, id));
}

static bool visit_has(const struct dt_visit *v, enum prop_id id)
{
	return (v->seen >> id) & 1;
}

/* As dt_node_name: "/" for the root or an empty name. */
static const char *visit_name(const struct dt_visit *v)
{
	return v->is_root || !*v->name ? "/" : v->name;
}

/* Linux of_fdt_device_is_available: no status, "okay" or "ok". */
static bool status_okay(const char *status)
{
	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

/* A property that is there but is no string (no NUL in its value): named
 * as malformed in pb (its length), not read as missing. */
static bool malformed_str(const struct dt_visit *v, enum prop_id id, const char *node,
			  struct machine_problem *pb)
{
	struct dt_prop p = dt_visit_prop(v, id);

	if (!p.val || prop_str(p))
		return false;
	machine_note(pb, MACHINE_ERR_BAD_PROPERTY, node, wanted[id], p.len);
	return true;
}

/* A node's availability, its status read as Linux does; a status that is
 * no string is named and, as Linux compares it with "okay", not okay. */
static bool node_okay(const struct dt_visit *v, const char *node, struct machine_problem *pb)
{
	return !malformed_str(v, P_STATUS, node, pb) && status_okay(visit_str(v, P_STATUS));
}

/* #address-cells or #size-cells, default dflt when absent; one that is
 * not one cell long named as malformed (*ok false). */
static uint32_t cells_prop(const struct dt_visit *v, enum prop_id id, uint32_t dflt,
			   const char *node, struct machine_problem *pb, bool *ok)
{
	struct dt_prop p = dt_visit_prop(v, id);

	if (p.val && p.len != 4) {
		machine_note(pb, MACHINE_ERR_BAD_PROPERTY, node, wanted[id], p.len);
		*ok = false;
	}
	return dt_prop_cells(p, dflt);
}

/* base + size past the last address: refused (nothing can describe it),
 * and so is a region whose last byte is 2^64 - 1: its end, base + size,
 * is 2^64, which the RAM plan's [start, end) ranges cannot hold
 * (start/ram_input.c adds them; mmu/ram_plan.c refuses an end below its
 * start). lib/early_dtb.c drops such a bank the same way. */
static bool wraps(uint64_t base, uint64_t size)
{
	return size > UINT64_MAX - base;
}

/* Which of the list's strings str is, -1 if none: libfdt's
 * fdt_stringlist_contains as an index, but strict as the DT spec's
 * stringlist is (each string NUL-terminated inside the value): a last
 * string without its NUL is none, where libfdt compares it with the byte
 * after the value. The console's compatible list is as strict
 * (console_compatible reads none of a list not ending in a NUL, and
 * lib/uart/compat.c is handed only its NUL-terminated entries), and so are
 * machine_is_compatible and lib/early_dtb.c's contains. */
static int strlist_index(struct dt_prop p, const char *str)
{
	size_t len = strlen(str);
	const char *s = (const char *)p.val;
	size_t left = p.len;

	for (int i = 0; s && left > len; i++) {
		const char *nul;

		if (!memcmp(str, s, len + 1))
			return i;
		nul = memchr(s, '\0', left);
		if (!nul)
			return -1;
		left -= (size_t)(nul - s) + 1;
		s = nul + 1;
	}
	return -1;
}

/* ---- validation ---------------------------------------------------- */

/* Everything but the structure block: 0 or the problem noted. */
static enum machine_err check_header(const void *fdt, size_t buf_size, struct machine_problem *pb)
{
	int rc;

	*pb = (struct machine_problem){ MACHINE_OK, NULL, NULL, 0 };
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
	/* Versions below 16 name nodes by full path and pad some values
	 * (libfdt's special cases): not read (dtc has written 17 since 2007). */
	if (rc == -FDT_ERR_BADVERSION || (!rc && fdt_version(fdt) < 16)) {
		machine_note(pb, MACHINE_ERR_BAD_VERSION, NULL, NULL, fdt_version(fdt));
		return pb->err;
	}
	if (rc) {
		machine_note(pb, MACHINE_ERR_BAD_HEADER, NULL, NULL, (uint64_t)-rc);
		return pb->err;
	}
	/* fdt_check_full's first check after the header. */
	rc = fdt_num_mem_rsv(fdt);
	if (rc < 0)
		machine_note(pb, MACHINE_ERR_BAD_STRUCTURE, NULL, NULL, (uint64_t)-rc);
	return pb->err;
}

/* The walk's verdict on the structure block: a block that is not 4-byte
 * aligned is the header's fault. */
static enum machine_err note_walk(int rc, struct machine_problem *pb)
{
	if (rc == -FDT_ERR_ALIGNMENT)
		machine_note(pb, MACHINE_ERR_BAD_HEADER, NULL, NULL, (uint64_t)-rc);
	else if (rc)
		machine_note(pb, MACHINE_ERR_BAD_STRUCTURE, NULL, NULL, (uint64_t)-rc);
	return pb->err;
}

enum machine_err machine_check(const void *fdt, size_t buf_size,
			       struct machine_problem *pb)
{
	if (check_header(fdt, buf_size, pb))
		return pb->err;
	/* Every tag, name offset and property length inside the blob. */
	return note_walk(dt_walk(fdt, NULL, NULL, 0, NULL, NULL), pb);
}

/* ---- memory -------------------------------------------------------- */

/* Linux 6.1 early_init_dt_scan_memory: the root's cells (checked here,
 * at the root: the memory nodes are its children). */
static void read_root(struct reader *r, const struct dt_visit *v)
{
	struct machine *m = r->m;
	struct machine_memory *mem = &m->memory;
	bool whole = true;
	uint32_t ac = cells_prop(v, P_ADDRESS_CELLS, 2, "/", &mem->problem, &whole);
	uint32_t sc = cells_prop(v, P_SIZE_CELLS, 1, "/", &mem->problem, &whole);

	m->model = visit_str(v, P_MODEL);
	m->compatible = visit_str(v, P_COMPATIBLE);
	if (m->compatible)
		m->compatible_len = (int)dt_visit_prop(v, P_COMPATIBLE).len;
	mem->address_cells = ac;
	mem->size_cells = sc;
	if (!whole)
		return;
	if (!dt_cells_ok(ac, 1))
		machine_note(&mem->problem, MACHINE_ERR_BAD_CELLS, "/", "#address-cells", ac);
	else if (!dt_cells_ok(sc, 1))
		machine_note(&mem->problem, MACHINE_ERR_BAD_CELLS, "/", "#size-cells", sc);
	else
		r->root_cells_ok = true;
}

/* One entry of a memory node's reg: a bank, or why not. */
static void add_bank(struct machine_memory *mem, const char *name, const char *regname,
		     uint64_t base, uint64_t size)
{
	if (!size) {
		mem->n_zero_size++;
		return;
	}
	if (wraps(base, size)) {
		machine_note(&mem->problem, MACHINE_ERR_WRAPS, name, regname, base);
		return;
	}
	if (mem->n_banks == MACHINE_MAX_BANKS) {
		mem->n_dropped++;
		return;
	}
	mem->bank[mem->n_banks++] = (struct machine_bank){
		.phys_base = base, .size = size, .node = name,
	};
}

/* A child of the root: with device_type "memory" (the name alone is not
 * enough), available, linux,usable-memory before reg, zero sizes skipped. */
static void read_memory_node(struct reader *r, const struct dt_visit *v)
{
	struct machine_memory *mem = &r->m->memory;
	const char *type = visit_str(v, P_DEVICE_TYPE), *name = visit_name(v);
	const char *regname = "linux,usable-memory";
	uint32_t ac = mem->address_cells, sc = mem->size_cells, entry = 4 * (ac + sc);
	struct dt_prop reg;

	if (!type || strcmp(type, "memory")) {
		bool named = !strncmp(name, "memory@", 7) || !strcmp(name, "memory");

		/* A memory node's device_type that is no string: malformed. */
		if (named && !malformed_str(v, P_DEVICE_TYPE, name, &mem->problem))
			mem->n_untyped_nodes++;
		return;
	}
	if (!node_okay(v, name, &mem->problem)) {
		mem->n_disabled_nodes++;
		return;
	}
	reg = dt_visit_prop(v, P_USABLE_MEMORY);
	if (reg.val) {
		mem->usable_memory = true;
	} else {
		reg = dt_visit_prop(v, P_REG);
		regname = "reg";
	}
	if (!reg.val)
		return;
	/* Empty: no entry at all, malformed (not missing). */
	if (!reg.len)
		machine_note(&mem->problem, MACHINE_ERR_BAD_PROPERTY, name, regname, 0);
	/* Linux reads the whole entries and ignores a tail: we name it. */
	if (reg.len % entry)
		machine_note(&mem->problem, MACHINE_ERR_BAD_REG, name, regname, reg.len);
	for (uint32_t off = 0; off + entry <= reg.len; off += entry)
		add_bank(mem, name, regname, dt_cells(reg.val + off, ac),
			 dt_cells(reg.val + off + 4 * ac, sc));
}

static void end_memory(struct machine_memory *mem)
{
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

/* /memreserve/ (DT spec 5.3): fixed regions, in the header's block
 * (checked whole by machine_check's fdt_num_mem_rsv). */
static void read_memreserve(const void *fdt, struct machine_reserved *r)
{
	int n = fdt_num_mem_rsv(fdt);

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

/* /reserved-memory (the first child of the root by that name, as
 * fdt_path_offset finds it): its own cells. Its children follow. */
static void read_reserved_node(struct reader *rd, const struct dt_visit *v)
{
	struct machine_reserved *r = &rd->m->reserved;
	bool whole = true;
	uint32_t ac = cells_prop(v, P_ADDRESS_CELLS, 2, "reserved-memory", &r->problem, &whole);
	uint32_t sc = cells_prop(v, P_SIZE_CELLS, 1, "reserved-memory", &r->problem, &whole);

	r->has_node = true;
	r->address_cells = ac;
	r->size_cells = sc;
	if (!whole)
		return;
	if (dt_cells_ok(ac, 1) && dt_cells_ok(sc, 1)) {
		rd->under = UNDER_RESERVED;
	} else {
		bool a = !dt_cells_ok(ac, 1);

		machine_note(&r->problem, MACHINE_ERR_BAD_CELLS, "reserved-memory",
			     a ? "#address-cells" : "#size-cells", a ? ac : sc);
	}
}

/* Every reg entry of a /reserved-memory child: a fixed region each. */
static void add_reserved_regs(struct machine_reservation *v, struct machine_reserved *r,
			      struct dt_prop reg)
{
	uint32_t ac = r->address_cells, sc = r->size_cells, entry = 4 * (ac + sc);

	/* Linux: "invalid reg property ..., skipping node"; an empty one too. */
	if (!reg.len) {
		machine_note(&r->problem, MACHINE_ERR_BAD_PROPERTY, v->name, "reg", 0);
		return;
	}
	if (reg.len % entry) {
		machine_note(&r->problem, MACHINE_ERR_BAD_REG, v->name, "reg", reg.len);
		return;
	}
	for (uint32_t off = 0; off < reg.len; off += entry) {
		v->phys_base = dt_cells(reg.val + off, ac);
		v->size = dt_cells(reg.val + off + 4 * ac, sc);
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

/* One child of /reserved-memory (Linux fdt_scan_reserved_mem,
 * __reserved_mem_reserve_reg), if available: its reg entries, or without
 * reg but with a `size`, a dynamic region (allocated by the OS, reserving
 * nothing fixed). Neither: ignored, as Linux does. Linux also demands
 * /reserved-memory's cells equal the root's and an empty `ranges`; this
 * reads its own cells, as the binding says. */
static void read_reserved_child(struct machine_reserved *r, const struct dt_visit *v)
{
	struct machine_reservation rsv = {
		.source = MACHINE_RSV_NODE, .name = visit_name(v),
		.no_map = visit_has(v, P_NO_MAP), .reusable = visit_has(v, P_REUSABLE),
	};
	struct dt_prop reg = dt_visit_prop(v, P_REG), size = dt_visit_prop(v, P_SIZE);

	if (!node_okay(v, rsv.name, &r->problem)) {
		r->n_disabled++;
		return;
	}
	if (reg.val) {
		add_reserved_regs(&rsv, r, reg);
		return;
	}
	if (!size.val)
		return;
	if (size.len != 4 * r->size_cells) {
		machine_note(&r->problem, MACHINE_ERR_BAD_PROPERTY, rsv.name, "size", size.len);
		return;
	}
	rsv.dynamic = true;
	rsv.size = dt_cells(size.val, r->size_cells);
	rsv.has_alloc_ranges = visit_has(v, P_ALLOC_RANGES);
	add_rsv(r, &rsv);
}

/* ---- CPUs and PSCI --------------------------------------------------- */

/* /cpus (the first child of the root by that name): its #address-cells. */
static void read_cpus_node(struct reader *rd, const struct dt_visit *v)
{
	struct machine_cpus *cpus = &rd->m->cpus;
	uint32_t ac = dt_prop_cells(dt_visit_prop(v, P_ADDRESS_CELLS), 2);

	rd->seen_cpus = true;
	cpus->address_cells = ac;
	if (dt_cells_ok(ac, 1))
		rd->under = UNDER_CPUS;
	else
		machine_note(&cpus->problem, MACHINE_ERR_BAD_CELLS, "cpus", "#address-cells", ac);
}

static enum machine_cpu_enable enable_of(const char *method)
{
	if (!method)
		return MACHINE_CPU_ENABLE_NONE;
	if (!strcmp(method, "psci"))
		return MACHINE_CPU_ENABLE_PSCI;
	if (!strcmp(method, "spin-table"))
		return MACHINE_CPU_ENABLE_SPIN_TABLE;
	return MACHINE_CPU_ENABLE_OTHER;
}

/* Linux arm64 of_parse_and_init_cpus / of_get_cpu_hwid: /cpus children with
 * device_type "cpu", MPIDR from reg (/cpus' #address-cells), non-affinity
 * bits refused; enable-method per CPU (smp_spin_table.c reads a u64
 * cpu-release-addr; one cell is taken as well, as the brief's boards use). */
static void read_cpu(struct machine_cpus *cpus, const struct dt_visit *v)
{
	const char *type = visit_str(v, P_DEVICE_TYPE), *name = visit_name(v);
	struct machine_cpu c = { .node = name };
	struct dt_prop reg = dt_visit_prop(v, P_REG), rel;

	if (!type || strcmp(type, "cpu"))
		return;
	if (!reg.val || reg.len < 4 * cpus->address_cells) {
		machine_note(&cpus->problem, MACHINE_ERR_NO_REG, name, "reg", reg.val ? reg.len : 0);
		return;
	}
	c.mpidr = dt_cells(reg.val, cpus->address_cells);
	if (c.mpidr & ~MACHINE_MPIDR_HWID_MASK)
		machine_note(&cpus->problem, MACHINE_ERR_BAD_MPIDR, name, "reg", c.mpidr);
	c.status = visit_str(v, P_STATUS);
	c.available = status_okay(c.status);
	c.failed = c.status && !strncmp(c.status, "fail", 4);
	cpus->n_disabled += !c.available;
	cpus->n_failed += c.failed;
	if (cpus->n_cpus == MACHINE_MAX_CPUS) {
		cpus->n_dropped++;
		return;
	}
	c.enable_method = visit_str(v, P_ENABLE_METHOD);
	c.enable = enable_of(c.enable_method);
	if (c.enable == MACHINE_CPU_ENABLE_SPIN_TABLE) {
		rel = dt_visit_prop(v, P_CPU_RELEASE_ADDR);
		if (rel.val && (rel.len == 4 || rel.len == 8)) {
			c.has_release_addr = true;
			c.phys_release_addr = dt_cells(rel.val, rel.len / 4);
		} else {
			machine_note(&cpus->problem, MACHINE_ERR_BAD_PROPERTY, name,
				     "cpu-release-addr", rel.val ? rel.len : 0);
		}
	}
	cpus->cpu[cpus->n_cpus++] = c;
}

static void end_cpus(const struct reader *rd, struct machine_cpus *cpus)
{
	if (!rd->seen_cpus)
		machine_note(&cpus->problem, MACHINE_ERR_NO_CPUS, "/cpus", NULL, 0);
	else if (cpus->n_dropped)
		machine_note(&cpus->problem, MACHINE_ERR_TOO_MANY_CPUS, NULL, NULL,
			     (uint64_t)cpus->n_dropped);
}

/* No table of the three strings: the switch keeps each a PC-relative
 * literal. */
static const char *psci_compatible(int version)
{
	switch (version) {
	case PSCI_1_0: return "arm,psci-1.0";
	case PSCI_0_2: return "arm,psci-0.2";
	default:       return "arm,psci";
	}
}

/* Every node until one is compatible with PSCI: Linux psci_dt_init takes
 * the first such node in document order (of_find_matching_node_and_match
 * over psci_of_match), at the version its compatible list names first
 * (of_match_node's best match), and no later node even if that one is
 * disabled. */
static void note_psci(struct reader *rd, const struct dt_visit *v)
{
	struct dt_prop compat = dt_visit_prop(v, P_COMPATIBLE);
	int at = -1;

	if (rd->psci_found || !compat.val)
		return;
	for (int i = 0; i < PSCI_NR; i++) {
		int n = strlist_index(compat, psci_compatible(i));

		if (n >= 0 && (at < 0 || n < at)) {
			at = n;
			rd->psci_version = i;
		}
	}
	if (at < 0)
		return;
	rd->psci_found = true;
	rd->psci_name = visit_name(v);
	rd->psci_status = dt_visit_prop(v, P_STATUS);
	rd->psci_method = dt_visit_prop(v, P_METHOD);
}

/* Linux psci_dt_init: that node, available, with method "smc" or "hvc"
 * (get_set_conduit_method). */
static void end_psci(const struct reader *rd, struct machine_psci *psci)
{
	psci->conduit = PSCI_CONDUIT_NONE;
	if (!rd->psci_found)
		return;
	psci->compatible = psci_compatible(rd->psci_version);
	psci->present = true;
	psci->node = rd->psci_name;
	psci->available = status_okay(prop_str(rd->psci_status));
	psci->method = prop_str(rd->psci_method);
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
static bool initrd_prop(struct dt_prop p, const char *name, uint64_t *v,
			struct machine_problem *pb)
{
	if (!p.val)
		return false;
	if (p.len != 4 && p.len != 8) {
		machine_note(pb, MACHINE_ERR_BAD_PROPERTY, "chosen", name, p.len);
		return false;
	}
	*v = dt_cells(p.val, p.len / 4);
	return true;
}

/* The rule that names the console in /chosen: stdout-path, else (only
 * when it is absent: Linux's of_alias_scan) linux,stdout-path. A property
 * that is not a string is named malformed, not taken as absent. */
static void read_stdout_path(struct machine_console *con, const struct dt_visit *v)
{
	enum prop_id id = visit_has(v, P_STDOUT_PATH) ? P_STDOUT_PATH : P_LINUX_STDOUT_PATH;

	if (!visit_has(v, id))
		return;
	con->rule = id == P_STDOUT_PATH ? MACHINE_RULE_STDOUT_PATH : MACHINE_RULE_LINUX_STDOUT_PATH;
	con->stdout_path = visit_str(v, id);
	if (!con->stdout_path)
		con->passed = (struct machine_console_passed){ con->rule, MACHINE_WHY_MALFORMED,
							       NULL, NULL };
}

/* /chosen (the first child of the root by that name): bootargs, initrd,
 * and the console's stdout-path (Linux of_alias_scan: stdout-path, else
 * linux,stdout-path), resolved after the walk. */
static void read_chosen(struct machine *m, const struct dt_visit *v)
{
	struct machine_chosen *ch = &m->chosen;
	uint64_t start, end;
	bool has_start, has_end;

	ch->has_chosen = true;
	ch->bootargs = visit_str(v, P_BOOTARGS);
	if (!ch->bootargs && visit_has(v, P_BOOTARGS))
		machine_note(&ch->problem, MACHINE_ERR_BAD_PROPERTY, "chosen", "bootargs", 0);
	read_stdout_path(&m->console, v);
	has_start = initrd_prop(dt_visit_prop(v, P_INITRD_START), "linux,initrd-start", &start,
				&ch->problem);
	has_end = initrd_prop(dt_visit_prop(v, P_INITRD_END), "linux,initrd-end", &end,
			      &ch->problem);
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

/* ---- console --------------------------------------------------------- */

/* A one-cell property of node, dflt when absent; false (and named) if
 * malformed. */
static bool prop_u32(const struct dt_tree *t, int node, const char *name, uint32_t dflt,
		     uint32_t *out, struct machine_problem *pb)
{
	struct dt_prop p = dt_node_prop(t, node, name);

	*out = dflt;
	if (!p.val)
		return true;
	if (p.len != 4) {
		machine_note(pb, MACHINE_ERR_BAD_PROPERTY, dt_node_name(t, node), name, p.len);
		return false;
	}
	*out = (uint32_t)dt_cells(p.val, 1);
	return true;
}

/* The console's reference clock in Hz, 0 if unknown: its own
 * clock-frequency (DT spec v0.4, "Serial devices"), else the first entry
 * of `clocks` when that is a "fixed-clock" with a clock-frequency (Linux's
 * fixed-clock binding, #clock-cells 0). Only the Cadence driver uses it
 * (its binding lists the reference clock, "uart_clk", first; pl011's
 * "uartclk" too, but not every binding does: the i.MX UART's first clock
 * is "ipg"). Any other provider (a PLL tree, whose rates the OS computes)
 * leaves it unknown: not a problem, only a lack. */
static uint32_t console_clock(const struct dt_tree *t, int node, struct machine_problem *pb)
{
	uint32_t hz;
	int clk;
	struct dt_prop clocks, compat;

	if (!prop_u32(t, node, "clock-frequency", 0, &hz, pb) || hz)
		return hz;
	clocks = dt_node_prop(t, node, "clocks");
	if (!clocks.val || clocks.len < 4)
		return 0;
	clk = dt_by_phandle(t, (uint32_t)dt_cells(clocks.val, 1));
	compat = dt_node_prop(t, clk, "compatible");
	if (clk == DT_NONE || strlist_index(compat, "fixed-clock") < 0)
		return 0;
	prop_u32(t, clk, "clock-frequency", 0, &hz, pb);
	return hz;
}

/* The node's compatible list, most to least specific: the first entry we
 * drive wins (the driver and its layout: lib/uart/compat.c's one list);
 * none (or a malformed list): UNSUPPORTED, naming the first entry if any. */
static void console_compatible(const struct dt_tree *t, int node, struct machine_console *con,
			       struct uart_layout *layout)
{
	struct dt_prop list = dt_node_prop(t, node, "compatible");
	const char *c = (const char *)list.val, *end;

	con->kind = MACHINE_CONSOLE_UNSUPPORTED;
	/* fdt_stringlist_count: every entry NUL-terminated inside, or none read. */
	if (!c || (list.len && c[list.len - 1] != '\0'))
		return;
	end = c + list.len;
	for (bool first = true; c < end && con->kind == MACHINE_CONSOLE_UNSUPPORTED;
	     c += strlen(c) + 1, first = false) {
		con->kind = uart_kind_of(c, layout);
		if (first || con->kind != MACHINE_CONSOLE_UNSUPPORTED)
			con->compatible = c;
	}
}

/* The register layout compat.c gives the entry; the 8250 binding's
 * (ns16550, Tegra) from the node's reg-shift and reg-io-width over those
 * defaults (Linux of_serial takes widths 1, 2 and 4). */
static void console_layout(const struct dt_tree *t, int node, struct machine_console *con,
			   const struct uart_layout *layout)
{
	con->reg_shift = layout->reg_shift;
	con->io_width = layout->io_width;
	if (layout->from_dt &&
	    prop_u32(t, node, "reg-shift", layout->reg_shift, &con->reg_shift, &con->problem) &&
	    prop_u32(t, node, "reg-io-width", layout->io_width, &con->io_width, &con->problem) &&
	    con->io_width != 1 && con->io_width != 2 && con->io_width != 4)
		machine_note(&con->problem, MACHINE_ERR_BAD_PROPERTY, dt_node_name(t, node),
			     "reg-io-width", con->io_width);
}

/* A console node's path, status, driver, layout, clock and address. */
static void console_node(const struct dt_tree *t, int node, struct machine_console *con,
			 struct uart_layout *layout)
{
	dt_get_path(t, node, con->path, sizeof(con->path));
	con->status = prop_str(dt_node_prop(t, node, "status"));
	con->available = status_okay(con->status);
	console_compatible(t, node, con, layout);
	console_layout(t, node, con, layout);
	if (con->kind != MACHINE_CONSOLE_UNSUPPORTED)
		con->clock_hz = console_clock(t, node, &con->problem);
	con->translated = dt_translate_reg(t, node, &con->phys_base, &con->size,
					   &con->problem) == MACHINE_OK;
}

/* The node a rule names, up to ':' (Linux of_alias_scan,
 * of_find_node_opts_by_path: a path or an alias; options after ':'), over
 * the walk's index. */
static void read_console(const struct dt_tree *t, struct machine_console *con, const char *sp)
{
	const char *colon = strchr(sp, ':');
	struct uart_layout layout = { 0 };
	int node;

	if (colon)
		con->options = colon + 1;
	node = dt_path_namelen(t, sp, colon ? (size_t)(colon - sp) : strlen(sp));
	if (node == DT_NONE) {
		/* value: nodes the index could not hold (one of them may be it). */
		machine_note(&con->problem, MACHINE_ERR_CONSOLE_NOT_FOUND, sp,
			     machine_console_rule_name(con->rule), t->n_dropped);
		return;
	}
	console_node(t, node, con, &layout);
}

/* Why the console found cannot be driven (NONE: it can). */
static enum machine_console_why console_unusable(const struct machine_console *con)
{
	if (con->problem.err == MACHINE_ERR_CONSOLE_NOT_FOUND)
		return MACHINE_WHY_NOT_FOUND;
	if (!con->available)
		return MACHINE_WHY_DISABLED;
	if (con->kind == MACHINE_CONSOLE_UNSUPPORTED || con->kind == MACHINE_CONSOLE_NONE)
		return MACHINE_WHY_NO_DRIVER;
	return con->translated ? MACHINE_WHY_NONE : MACHINE_WHY_UNTRANSLATABLE;
}

/* The console by the DT's rules: the stdout-path's (or linux,stdout-path's)
 * when it is a UART the stub drives; else /aliases/serial0's, the rule it
 * passed over named in `passed` (a framebuffer, a disabled node, no node,
 * a malformed property). Without either the stdout-path's stays, for the
 * report to say why it is not used. */
static void choose_console(const struct dt_tree *t, struct machine_console *con)
{
	struct machine_console alt = { .rule = MACHINE_RULE_SERIAL0 };
	enum machine_console_why why;

	if (con->stdout_path) {
		read_console(t, con, con->stdout_path);
		why = console_unusable(con);
		if (why == MACHINE_WHY_NONE)
			return;
		con->passed = (struct machine_console_passed){
			con->rule, why, con->stdout_path,
			why == MACHINE_WHY_NO_DRIVER ? con->compatible : NULL };
	}
	if (dt_path_namelen(t, "serial0", 7) == DT_NONE)
		return;
	read_console(t, &alt, "serial0");
	if (console_unusable(&alt) != MACHINE_WHY_NONE && con->rule != MACHINE_RULE_NONE)
		return;
	alt.passed = con->passed;
	*con = alt;
}

/* ---- the whole ---------------------------------------------------------- */

/* A child of the root: the parts found by path are the first of their
 * name (fdt_path_offset); memory nodes go by device_type. */
static void read_top_child(struct reader *rd, const struct dt_visit *v)
{
	rd->under = UNDER_OTHER;
	if (rd->root_cells_ok)
		read_memory_node(rd, v);
	if (!rd->seen_chosen && dt_name_matches(v->name, "chosen", 6)) {
		rd->seen_chosen = true;
		read_chosen(rd->m, v);
	}
	if (!rd->seen_cpus && dt_name_matches(v->name, "cpus", 4))
		read_cpus_node(rd, v);
	if (!rd->seen_reserved && dt_name_matches(v->name, "reserved-memory", 15)) {
		rd->seen_reserved = true;
		read_reserved_node(rd, v);
	}
}

/* The walk's visitor: each node, a parent before its children. Paths
 * start at the root at offset 0 only (libfdt's node 0); PSCI is found
 * anywhere. */
static void visit(const struct dt_visit *v, void *arg)
{
	struct reader *rd = arg;

	note_psci(rd, v);
	if (v->is_root)
		read_root(rd, v);
	else if (v->depth == 2 && rd->m->tree.root_at_zero)
		read_top_child(rd, v);
	else if (v->depth == 3 && rd->under == UNDER_CPUS)
		read_cpu(&rd->m->cpus, v);
	else if (v->depth == 3 && rd->under == UNDER_RESERVED)
		read_reserved_child(&rd->m->reserved, v);
}

/* Everything the parts count or note, cleared; their arrays are filled
 * only as far as their counts, so not cleared (machine.h). */
static void clear_parts(struct machine *m)
{
	memset(m, 0, offsetof(struct machine, memory));
	memset(&m->memory, 0, offsetof(struct machine_memory, bank));
	memset(&m->reserved, 0, offsetof(struct machine_reserved, rsv));
	memset(&m->cpus, 0, offsetof(struct machine_cpus, cpu));
	memset(&m->console, 0, sizeof(m->console));
	memset(&m->psci, 0, sizeof(m->psci));
	memset(&m->chosen, 0, sizeof(m->chosen));
	/* Without a root at offset 0 the root's cells are the DT spec's defaults. */
	m->memory.address_cells = 2;
	m->memory.size_cells = 1;
}

enum machine_err machine_read(const void *fdt, size_t buf_size, struct machine *m)
{
	const struct machine_problem *order[] = {
		&m->valid, &m->memory.problem, &m->reserved.problem, &m->cpus.problem,
		&m->psci.problem, &m->chosen.problem, &m->console.problem,
	};
	struct reader rd = { .m = m };

	clear_parts(m);
	m->fdt = fdt;
	m->tree.n_nodes = 0;
	if (check_header(fdt, buf_size, &m->valid))
		return m->valid.err;
	m->fdt_size = fdt_totalsize(fdt);
	read_memreserve(fdt, &m->reserved);
	if (note_walk(dt_walk(fdt, &m->tree, wanted, P_COUNT, visit, &rd), &m->valid)) {
		m->tree.n_nodes = 0;
		return m->valid.err;
	}
	end_memory(&m->memory);
	if (m->reserved.n_dropped)
		machine_note(&m->reserved.problem, MACHINE_ERR_TOO_MANY_RESERVED, NULL, NULL,
			     (uint64_t)m->reserved.n_dropped);
	end_cpus(&rd, &m->cpus);
	end_psci(&rd, &m->psci);
	choose_console(&m->tree, &m->console);
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

const char *machine_console_rule_name(enum machine_console_rule rule)
{
	switch (rule) {
	case MACHINE_RULE_NONE: return "no rule";
	case MACHINE_RULE_EARLYCON: return "earlycon";
	case MACHINE_RULE_STDOUT_PATH: return "stdout-path";
	case MACHINE_RULE_LINUX_STDOUT_PATH: return "linux,stdout-path";
	case MACHINE_RULE_SERIAL0: return "/aliases/serial0";
	case MACHINE_RULE_SPCR: return "SPCR";
	case MACHINE_RULE_DBG2: return "DBG2";
	}
	return "?";
}

const char *machine_console_why_text(enum machine_console_why why)
{
	switch (why) {
	case MACHINE_WHY_NONE: return "usable";
	case MACHINE_WHY_MALFORMED: return "is malformed (not a NUL-terminated string)";
	case MACHINE_WHY_NOT_FOUND: return "names no node (path or alias)";
	case MACHINE_WHY_DISABLED: return "is disabled (status)";
	case MACHINE_WHY_NO_DRIVER: return "is not a UART the stub drives";
	case MACHINE_WHY_UNTRANSLATABLE: return "has no CPU physical address (reg through ranges)";
	}
	return "?";
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

		/* Its NUL inside the value (a last string without one is none). */
		if (n < (size_t)(m->compatible_len - off) && n + 1 == want && !memcmp(s, c, n))
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
