/*
 * early_dtb.c - a DTB's console and PSCI conduit, read with the MMU off
 * (see early_dtb.h).
 */
#include "early_dtb.h"

#define FDT_MAGIC       0xd00dfeedu
#define FDT_BEGIN_NODE  1u
#define FDT_END_NODE    2u
#define FDT_PROP        3u
#define FDT_NOP         4u
#define FDT_END         9u
#define MAX_SIZE        0x200000u   /* MAX_FDT_SIZE: what the stub maps */
#define MAX_DEPTH       (EARLY_DTB_MAX_DEPTH + 1u)  /* levels kept, the root's too */
#define MAX_BANKS       MACHINE_MAX_BANKS   /* lib/machine.c keeps as many */

struct blob {
	const unsigned char *b;
	uint32_t size, structs, structs_end, strings, strings_size;
	uint32_t names_end;          /* a property's name ends before it */
};

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* n (1 or 2) cells at p. */
static uint64_t cells(const unsigned char *p, uint32_t n)
{
	return n == 2 ? (uint64_t)be32(p) << 32 | be32(p + 4) : be32(p);
}

static uint32_t strlen_in(const unsigned char *s, uint32_t max)
{
	uint32_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

static bool eq(const unsigned char *a, const unsigned char *b, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

static bool same(const unsigned char *a, uint32_t n, const char *z)
{
	uint32_t i = 0;

	for (; i < n; i++)
		if (!z[i] || (unsigned char)z[i] != a[i])
			return false;
	return z[i] == '\0';
}

/* A property as the walk hands it. */
struct prop {
	const unsigned char *name, *val;
	uint32_t name_len, len;
};

/* One node or property step of the structure block: 1 BEGIN (name in
 * *name, *name_len), 2 END_NODE, 3 PROP (*p), 0 the end, -1 a bad blob.
 * *off moves past it. */
static int step(const struct blob *f, uint32_t *off, const unsigned char **name,
		uint32_t *name_len, struct prop *p)
{
	for (;;) {
		uint32_t tag, o = *off;

		if (o + 4 > f->structs_end)
			return -1;
		tag = be32(f->b + o);
		o += 4;
		if (tag == FDT_NOP) {
			*off = o;
			continue;
		}
		if (tag == FDT_BEGIN_NODE) {
			*name = f->b + o;
			*name_len = strlen_in(f->b + o, f->structs_end - o);
			o += *name_len + 1;
			*off = (o + 3) & ~3u;
			return *off <= f->structs_end ? 1 : -1;
		}
		if (tag == FDT_END_NODE) {
			*off = o;
			return 2;
		}
		if (tag == FDT_PROP) {
			uint32_t nameoff;

			if (o + 8 > f->structs_end)
				return -1;
			p->len = be32(f->b + o);
			nameoff = be32(f->b + o + 4);
			o += 8;
			if (p->len > f->structs_end - o || nameoff >= f->names_end - f->strings)
				return -1;
			p->val = f->b + o;
			p->name = f->b + f->strings + nameoff;
			/* Its NUL inside, as fdt_get_string (dt_walk.c) wants. */
			p->name_len = strlen_in(p->name, f->names_end - f->strings - nameoff);
			if (p->name_len == f->names_end - f->strings - nameoff)
				return -1;
			*off = (o + p->len + 3) & ~3u;
			return *off <= f->structs_end ? 3 : -1;
		}
		return tag == FDT_END ? 0 : -1;
	}
}

/* libfdt's fdt_num_mem_rsv succeeds: the /memreserve/ entries, up to the
 * one of size 0, inside the blob (lib/machine.c refuses a blob otherwise). */
static bool memreserve_ok(const struct blob *f, uint32_t o)
{
	for (; o <= f->size - 16; o += 16)
		if (!(be32(f->b + o + 8) | be32(f->b + o + 12)))
			return true;
	return false;
}

/* The header as lib/machine.c's check_header takes it (libfdt's
 * fdt_check_header, versions 16 and 17, a structure block on a word). */
static bool header_ok(const void *fdt, struct blob *f)
{
	const unsigned char *h = fdt;
	uint32_t version, hdr;

	if (!h || ((uintptr_t)h & 7) || be32(h) != FDT_MAGIC)
		return false;
	f->b = h;
	f->size = be32(h + 4);
	f->structs = be32(h + 8);
	f->strings = be32(h + 12);
	f->strings_size = be32(h + 32);
	version = be32(h + 20);
	hdr = version >= 17 ? 40 : 36;
	/* size_dt_struct is there from version 17; before, the block runs to
	 * the blob's end (libfdt's fdt_offset_ptr, dt_walk.c). So do the
	 * property names, but for the strings block's size (fdt_get_string). */
	f->structs_end = version >= 17 ? f->structs + be32(h + 36) : f->size;
	f->names_end = version >= 17 ? f->strings + f->strings_size : f->size;
	return f->size <= MAX_SIZE && f->size >= 40 && version >= 16 && be32(h + 24) <= 17 &&
	       version >= be32(h + 24) && f->structs >= hdr && !(f->structs & 3) &&
	       f->structs < f->structs_end && f->structs_end <= f->size &&
	       f->strings >= hdr && f->strings <= f->size &&
	       f->strings_size <= f->size - f->strings &&
	       be32(h + 16) >= hdr && memreserve_ok(f, be32(h + 16));
}

/* A string property is z: its value up to its NUL (it has one). */
static bool str_is(const struct prop *p, const char *z)
{
	uint32_t n = p->val ? strlen_in(p->val, p->len) : 0;

	return p->val && n < p->len && same(p->val, n, z);
}

/* z one of the strings of list p, each NUL-terminated inside the value
 * (the DT spec's stringlist, lib/machine.c's strlist_index): a last one
 * without its NUL is none. */
static bool contains(const struct prop *p, const char *z)
{
	for (uint32_t o = 0, n; p->val && o < p->len; o += n + 1) {
		n = strlen_in(p->val + o, p->len - o);
		if (o + n < p->len && same(p->val + o, n, z))
			return true;
	}
	return false;
}

/* lib/machine.c's status_okay: no status, "okay" or "ok". A value with no
 * NUL is no string: read as none for a console or PSCI (prop_str), as not
 * okay for memory (node_okay). */
static bool okay(const struct prop *s, bool no_string_okay)
{
	if (!s->val)
		return true;
	if (strlen_in(s->val, s->len) == s->len)
		return no_string_okay;
	return str_is(s, "okay") || str_is(s, "ok");
}

/* One path component matches a node's name: exactly, or up to its '@'
 * when the component has none (libfdt's rule). */
static bool component(const unsigned char *c, uint32_t clen, const unsigned char *name,
		      uint32_t nlen)
{
	bool at = false;

	for (uint32_t i = 0; i < clen; i++)
		at |= c[i] == '@';
	if (nlen == clen)
		return eq(c, name, clen);
	return !at && nlen > clen && name[clen] == '@' && eq(c, name, clen);
}

/* What the first walk collects: the console's path (a string in the
 * blob), the /aliases node's offset, the banks, PSCI's conduit. */
struct found {
	const unsigned char *path;   /* stdout-path's value, or NULL */
	uint32_t path_len;
	bool chosen;                 /* /chosen seen */
	uint32_t aliases;            /* offset after /aliases' BEGIN, 0: none */
	uint32_t root_ac, root_sc;   /* 0: not one cell */
	uint64_t bank[MAX_BANKS][2];
	unsigned nr_banks;
	bool psci;                   /* the PSCI node seen */
	enum psci_conduit conduit;
};

/* The node the first walk is in, the first of each of its properties
 * read so far (val NULL: none yet). */
struct node_state {
	unsigned depth;              /* 0: the root, 1: a child of the root */
	bool chosen;                 /* the first /chosen */
	struct prop compatible, status, method, device_type, reg, usable;
	struct prop address_cells, size_cells, stdout_path, linux_stdout_path;
};

/* A memory node's banks, as lib/machine.c's add_bank keeps them: none of
 * size 0 or that wraps, at most MACHINE_MAX_BANKS. */
static void memory_reg(struct found *fd, const struct prop *p)
{
	uint32_t ac = fd->root_ac, sc = fd->root_sc, entry = 4 * (ac + sc);

	if (!p->val || ac < 1 || ac > 2 || sc < 1 || sc > 2)
		return;
	for (uint32_t o = 0; o + entry <= p->len && fd->nr_banks < MAX_BANKS; o += entry) {
		uint64_t base = cells(p->val + o, ac), size = cells(p->val + o + 4 * ac, sc);

		/* Not past 2^64 - 1, nor ending at 2^64 (lib/machine.c's
		 * wraps: the RAM plan's ends are 64-bit). */
		if (size && size <= ~base) {
			fd->bank[fd->nr_banks][0] = base;
			fd->bank[fd->nr_banks++][1] = size;
		}
	}
}

/* p into slot, if the slot is still empty: of several properties of one
 * name the first counts (libfdt's fdt_getprop, lib/dt_walk.c). */
static void keep(struct prop *slot, const struct prop *p)
{
	if (!slot->val)
		*slot = *p;
}

/* A property of the node ns is in (one before its first subnode). */
static void note(struct node_state *ns, const struct prop *p)
{
	if (same(p->name, p->name_len, "compatible"))
		keep(&ns->compatible, p);
	else if (same(p->name, p->name_len, "status"))
		keep(&ns->status, p);
	else if (same(p->name, p->name_len, "method"))
		keep(&ns->method, p);
	else if (same(p->name, p->name_len, "device_type"))
		keep(&ns->device_type, p);
	else if (same(p->name, p->name_len, "reg"))
		keep(&ns->reg, p);
	else if (same(p->name, p->name_len, "linux,usable-memory"))
		keep(&ns->usable, p);
	else if (same(p->name, p->name_len, "#address-cells"))
		keep(&ns->address_cells, p);
	else if (same(p->name, p->name_len, "#size-cells"))
		keep(&ns->size_cells, p);
	else if (same(p->name, p->name_len, "stdout-path"))
		keep(&ns->stdout_path, p);
	else if (same(p->name, p->name_len, "linux,stdout-path"))
		keep(&ns->linux_stdout_path, p);
}

/* A node's properties all read (its first child or its end is next): the
 * root's cells; /chosen's stdout-path, else linux,stdout-path (one that
 * is no string passes to serial0: lib/machine.c's malformed); the PSCI
 * conduit of the first node compatible with PSCI (Linux psci_dt_init:
 * document order, none if not available, method exactly "smc" or "hvc");
 * a memory node's banks (device_type "memory", available,
 * linux,usable-memory over reg: Linux early_init_dt_scan_memory). */
static void end_props(struct found *fd, const struct node_state *ns)
{
	const struct prop *sp = ns->stdout_path.val ? &ns->stdout_path : &ns->linux_stdout_path;

	if (ns->depth == 0 && ns->address_cells.val)
		fd->root_ac = ns->address_cells.len == 4 ? be32(ns->address_cells.val) : 0;
	if (ns->depth == 0 && ns->size_cells.val)
		fd->root_sc = ns->size_cells.len == 4 ? be32(ns->size_cells.val) : 0;
	if (ns->chosen && sp->val) {
		fd->path_len = strlen_in(sp->val, sp->len);
		fd->path = fd->path_len < sp->len ? sp->val : NULL;
		for (uint32_t i = 0; i < fd->path_len; i++)
			if (sp->val[i] == ':')
				fd->path_len = i;
	}
	if (!fd->psci && (contains(&ns->compatible, "arm,psci-1.0") ||
			  contains(&ns->compatible, "arm,psci-0.2") ||
			  contains(&ns->compatible, "arm,psci"))) {
		fd->psci = true;
		fd->conduit = !okay(&ns->status, true) ? PSCI_CONDUIT_NONE
			      : str_is(&ns->method, "smc") ? PSCI_CONDUIT_SMC
			      : str_is(&ns->method, "hvc") ? PSCI_CONDUIT_HVC : PSCI_CONDUIT_NONE;
	}
	if (ns->depth == 1 && str_is(&ns->device_type, "memory") && okay(&ns->status, false))
		memory_reg(fd, ns->usable.val ? &ns->usable : &ns->reg);
}

/* The whole structure block, as lib/dt_walk.c (fdt_check_full) accepts
 * it: nodes nested at any depth, one root, with an empty name, nothing
 * after it but FDT_END (not even a NOP). */
static bool first_walk(const struct blob *f, struct found *fd)
{
	static const unsigned char chosen[] = "chosen", aliases[] = "aliases";
	uint32_t off = f->structs, name_len = 0, nodes = 0;
	const unsigned char *name = NULL;
	struct node_state ns;
	uint32_t depth = 0;                /* nodes open (fewer than the blob's words) */
	bool open = false;                 /* ns' properties still coming */
	struct prop p;
	int t;

	fd->root_ac = 2;
	fd->root_sc = 1;
	while ((t = step(f, &off, &name, &name_len, &p)) > 0) {
		if (t == 3) {
			if (open)                  /* none after a subnode (libfdt) */
				note(&ns, &p);
			continue;
		}
		if (open)
			end_props(fd, &ns);
		open = false;
		if (t == 2) {
			if (depth == 0)
				return false;
			if (--depth == 0)          /* the root's end: FDT_END next */
				return off + 4 <= f->structs_end && be32(f->b + off) == FDT_END;
			continue;
		}
		if (++depth == 1 && name_len)
			return false;
		open = true;
		ns.depth = depth - 1;
		ns.chosen = false;
		ns.compatible.val = ns.status.val = ns.method.val = NULL;
		ns.device_type.val = ns.reg.val = ns.usable.val = NULL;
		ns.address_cells.val = ns.size_cells.val = NULL;
		ns.stdout_path.val = ns.linux_stdout_path.val = NULL;
		/* The first child of the root of each name (libfdt's rule);
		 * lib/machine.c finds /aliases among the nodes it indexes. */
		if (depth == 2 && !fd->chosen && component(chosen, 6, name, name_len))
			fd->chosen = ns.chosen = true;
		if (depth == 2 && !fd->aliases && component(aliases, 7, name, name_len))
			fd->aliases = nodes < DT_MAX_NODES ? off : 0;
		nodes++;
	}
	return t == 0 && depth == 0;
}

/* An alias's value (the first property of that name in /aliases: a full
 * path, else none, as libfdt's fdt_get_alias_namelen), read as a C string
 * as lib/dt_walk.c's alias_path does: up to its first NUL, past the value
 * if it has none (the next tag's first byte is one). */
static bool alias(const struct blob *f, const struct found *fd, const unsigned char *name,
		  uint32_t len, const unsigned char **path, uint32_t *path_len)
{
	uint32_t off = fd->aliases, nl;
	const unsigned char *n;
	struct prop p;

	while (fd->aliases && step(f, &off, &n, &nl, &p) == 3)
		if (p.name_len == len && eq(p.name, name, len)) {
			*path = p.val;
			*path_len = strlen_in(p.val, f->structs_end - (uint32_t)(p.val - f->b));
			return p.len && p.val[0] == '/';
		}
	return false;
}

/* Per depth, what the second walk keeps: the node's cells for its
 * children (~0: not one cell), its ranges (each the first of its name),
 * and how much of the path it matched. */
struct level {
	uint32_t ac, sc;
	const unsigned char *ranges;
	uint32_t ranges_len;
	bool has_ac, has_sc, has_ranges, on_path;
	bool open;                   /* its properties still come (no subnode yet) */
	uint32_t path_pos;           /* path characters matched up to this node */
};

/* The UART node's own properties (val NULL: none). */
struct uart_node {
	struct prop compatible, reg, status, shift, width;
};

/* A property of a node on the path (one before its first subnode): the
 * first of each name counts (keep). */
static void node_prop(struct level *lv, struct uart_node *u, bool target, const struct prop *p)
{
	if (same(p->name, p->name_len, "#address-cells") && !lv->has_ac)
		lv->ac = p->len == 4 ? be32(p->val) : ~0u, lv->has_ac = true;
	else if (same(p->name, p->name_len, "#size-cells") && !lv->has_sc)
		lv->sc = p->len == 4 ? be32(p->val) : ~0u, lv->has_sc = true;
	else if (same(p->name, p->name_len, "ranges") && !lv->has_ranges)
		lv->ranges = p->val, lv->ranges_len = p->len, lv->has_ranges = true;
	if (!target)
		return;
	if (same(p->name, p->name_len, "compatible"))
		keep(&u->compatible, p);
	else if (same(p->name, p->name_len, "reg"))
		keep(&u->reg, p);
	else if (same(p->name, p->name_len, "status"))
		keep(&u->status, p);
	else if (same(p->name, p->name_len, "reg-shift"))
		keep(&u->shift, p);
	else if (same(p->name, p->name_len, "reg-io-width"))
		keep(&u->width, p);
}

/* reg's first address through every bus's ranges (levels[1 .. d-1] the
 * parents; an empty ranges is identity), as lib/dt_addr.c: reg holds a
 * whole entry, every ranges whole entries, every count is checked before
 * an entry is read; false if it cannot be. */
static bool translate(const struct level *lv, unsigned d, const struct uart_node *u,
		      uint64_t *pa)
{
	uint32_t ac = lv[d - 1].ac, sc = lv[d - 1].sc;

	if (!u->reg.val || ac < 1 || ac > 2 || sc > 2 || u->reg.len < 4 * (ac + sc))
		return false;
	*pa = cells(u->reg.val, ac);
	for (unsigned b = d - 1; b >= 1; b--) {
		uint32_t pac = lv[b - 1].ac, entry;
		bool hit = false;

		sc = lv[b].sc;
		if (!lv[b].has_ranges)
			return false;
		if (!lv[b].ranges_len) {             /* empty: the same addresses */
			ac = pac;
			continue;
		}
		/* ac: the bus's own cells, unchecked if an empty ranges
		 * handed them up. */
		if (ac < 1 || ac > 2 || pac < 1 || pac > 2 || sc < 1 || sc > 2)
			return false;
		entry = 4 * (ac + pac + sc);
		if (lv[b].ranges_len % entry)
			return false;
		for (uint32_t o = 0; o + entry <= lv[b].ranges_len && !hit; o += entry) {
			uint64_t child = cells(lv[b].ranges + o, ac);
			uint64_t parent = cells(lv[b].ranges + o + 4 * ac, pac);
			uint64_t size = cells(lv[b].ranges + o + 4 * (ac + pac), sc);

			if (*pa - child < size) {
				*pa = parent + (*pa - child);
				hit = true;
			}
		}
		if (!hit)
			return false;
		ac = pac;
	}
	return true;
}

enum { FOUND, NOT_FOUND, TOO_DEEP };

/* The node at path (a full path), its facts in *u; *depth its depth. As
 * lib/dt_walk.c's dt_path_namelen (libfdt's fdt_path_offset): from the
 * root at the structure block's offset 0 only, each component the first
 * child of that name, never a later one, among the nodes lib/machine.c
 * indexes; runs of slashes and slashes at the end ignored. Nodes deeper
 * than MAX_DEPTH are passed over; a path into them is TOO_DEEP. */
static int find_node(const struct blob *f, const unsigned char *path, uint32_t plen,
		     struct level *lv, struct uart_node *u, unsigned *depth)
{
	uint32_t off = f->structs, nl, nodes = 0;
	const unsigned char *name;
	uint32_t d = 0;                     /* nodes open */
	struct prop p;
	int t;

	if (be32(f->b + f->structs) != FDT_BEGIN_NODE)
		return NOT_FOUND;
	while (plen > 1 && path[plen - 1] == '/')
		plen--;
	while ((t = step(f, &off, &name, &nl, &p)) > 0) {
		struct level *up = d && d <= MAX_DEPTH ? &lv[d - 1] : NULL;

		if (t == 1) {
			uint32_t pos = up ? up->path_pos : 0, end = pos;
			bool on = !d;                       /* the root */

			if (up && up->on_path && pos < plen) {
				while (pos < plen && path[pos] == '/')
					pos++;
				for (end = pos; end < plen && path[end] != '/'; end++)
					;
				on = nodes < DT_MAX_NODES && component(path + pos, end - pos, name, nl);
			} else if (!d) {                    /* the root takes the leading slashes */
				while (end < plen && path[end] == '/')
					end++;
			}
			if (up)
				up->open = false;
			nodes++;
			if (d++ >= MAX_DEPTH) {
				if (on)
					return TOO_DEEP;
				continue;
			}
			lv[d - 1] = (struct level){ .ac = 2, .sc = 1, .on_path = on, .open = true,
						    .path_pos = end };
		} else if (t == 2) {
			if (!d)
				return NOT_FOUND;
			if (--d < MAX_DEPTH && lv[d].on_path) {   /* the first of its name */
				*depth = d;
				return lv[d].path_pos >= plen && d ? FOUND : NOT_FOUND;
			}
		} else if (up && up->open) {
			node_prop(up, u, up->on_path && up->path_pos >= plen, &p);
		}
	}
	return NOT_FOUND;
}

/* The first compatible entry a driver runs; none if the list does not end
 * in a NUL (lib/machine.c: fdt_stringlist_count's malformed list). */
static enum machine_console_kind driver(const struct uart_node *u, struct uart_layout *layout)
{
	const struct prop *c = &u->compatible;

	if (!c->val || !c->len || c->val[c->len - 1])
		return MACHINE_CONSOLE_NONE;
	for (uint32_t o = 0, n; o < c->len; o += n + 1) {
		enum machine_console_kind k = uart_kind_of((const char *)c->val + o, layout);

		n = strlen_in(c->val + o, c->len - o);
		if (uart_kind_supported(k))
			return k;
	}
	return MACHINE_CONSOLE_NONE;
}

static bool in_ram(const struct found *fd, uint64_t pa)
{
	for (unsigned i = 0; i < fd->nr_banks; i++)
		if (pa - fd->bank[i][0] < fd->bank[i][1])
			return true;
	return false;
}

/* The 8250 binding's reg-shift and reg-io-width over the layout's
 * defaults: each one cell, the width 1, 2 or 4 (Linux of_serial and
 * earlycon refuse another), else false. */
static bool layout_from_dt(const struct uart_node *u, struct uart_port *port)
{
	if (u->shift.val && u->shift.len != 4)
		return false;
	if (u->shift.val)
		port->reg_shift = be32(u->shift.val);
	if (u->width.val && u->width.len != 4)
		return false;
	if (u->width.val)
		port->io_width = be32(u->width.val);
	return port->io_width == 1 || port->io_width == 2 || port->io_width == 4;
}

/* The console at path: a UART the stub drives, or why not. *keep: not to
 * pass to serial0's (lib/machine.c's choose_console passes over a console
 * missing, disabled, not driven or untranslatable; one in RAM or with a
 * bad layout stays, undriven; so does one deeper than read here, which
 * lib/machine.c may drive: none rather than another). */
static const char *console_at(const struct blob *f, const struct found *fd,
			      const unsigned char *path, uint32_t plen, struct uart_port *port,
			      bool *keep)
{
	struct level lv[MAX_DEPTH];
	struct uart_node u;
	struct uart_layout layout;
	unsigned depth;
	uint64_t pa;

	*keep = false;
	u.compatible.val = u.reg.val = u.status.val = u.shift.val = u.width.val = NULL;
	if (!plen || path[0] != '/') {          /* an alias, "" too (dt_walk.c) */
		uint32_t n = 0;

		while (n < plen && path[n] != '/')
			n++;
		if (n != plen || !alias(f, fd, path, n, &path, &plen))
			return "stdout-path or serial0 names no node";
	}
	switch (find_node(f, path, plen, lv, &u, &depth)) {
	case FOUND:
		break;
	case TOO_DEEP:
		*keep = true;
		return "the console lies deeper than read with the MMU off";
	default:
		return "stdout-path or serial0 names no node";
	}
	if (!okay(&u.status, true))
		return "the console is disabled (status)";
	port->kind = driver(&u, &layout);
	if (port->kind == MACHINE_CONSOLE_NONE)
		return "the console is not a UART the stub drives";
	if (!translate(lv, depth, &u, &pa))
		return "the console's reg has no CPU physical address";
	*keep = true;
	port->reg_shift = layout.reg_shift;
	port->io_width = layout.io_width;
	if (layout.from_dt && !layout_from_dt(&u, port))
		return "the console's reg-shift or reg-io-width is malformed";
	if (in_ram(fd, pa))
		return "the console's reg lies in RAM";
	port->base = (uintptr_t)pa;
	port->phys_base = pa;
	return NULL;
}

void early_dtb_read(const void *fdt, struct early_dtb *out)
{
	static const unsigned char serial0[] = "serial0";
	struct found fd;
	struct blob f;
	bool keep = false;

	out->port = (struct uart_port){ .kind = MACHINE_CONSOLE_NONE };
	out->conduit = PSCI_CONDUIT_NONE;
	fd.path = NULL;
	fd.chosen = fd.psci = false;
	fd.aliases = 0;
	fd.nr_banks = 0;
	fd.conduit = PSCI_CONDUIT_NONE;
	if (!header_ok(fdt, &f) || !first_walk(&f, &fd)) {
		out->why = "no usable DTB at x0";
		return;
	}
	out->conduit = fd.conduit;
	out->why = fd.path ? console_at(&f, &fd, fd.path, fd.path_len, &out->port, &keep)
			   : "no stdout-path";
	if (out->why && !keep) {
		out->port = (struct uart_port){ .kind = MACHINE_CONSOLE_NONE };
		if (!console_at(&f, &fd, serial0, 7, &out->port, &keep))
			out->why = NULL;
	}
	if (out->why)
		out->port = (struct uart_port){ .kind = MACHINE_CONSOLE_NONE };
}
