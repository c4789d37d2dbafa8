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
#define MAX_DEPTH       16u
#define MAX_BANKS       8u

struct blob {
	const unsigned char *b;
	uint32_t size, structs, structs_end, strings, strings_size;
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
			if (p->len > f->structs_end - o || nameoff >= f->strings_size)
				return -1;
			p->val = f->b + o;
			p->name = f->b + f->strings + nameoff;
			p->name_len = strlen_in(p->name, f->strings_size - nameoff);
			*off = (o + p->len + 3) & ~3u;
			return *off <= f->structs_end ? 3 : -1;
		}
		return tag == FDT_END ? 0 : -1;
	}
}

static bool header_ok(const void *fdt, struct blob *f)
{
	const unsigned char *h = fdt;

	if (!h || ((uintptr_t)h & 7) || be32(h) != FDT_MAGIC)
		return false;
	f->b = h;
	f->size = be32(h + 4);
	f->structs = be32(h + 8);
	f->strings = be32(h + 12);
	f->strings_size = be32(h + 32);
	/* size_dt_struct is there from version 17; before, the block runs to
	 * the blob's end (libfdt's fdt_offset_ptr, dt_walk.c). */
	f->structs_end = be32(h + 20) >= 17 ? f->structs + be32(h + 36) : f->size;
	return f->size <= MAX_SIZE && f->size >= 40 && be32(h + 20) >= 16 && be32(h + 24) <= 17 &&
	       f->structs < f->structs_end && f->structs_end <= f->size &&
	       f->strings <= f->size && f->strings_size <= f->size - f->strings;
}

/* What the first walk collects: the console's path (a string in the
 * blob), the /aliases node's offset, the banks, PSCI's method. */
struct found {
	const unsigned char *path;   /* stdout-path's value, or NULL */
	uint32_t path_len;
	uint32_t aliases;            /* offset after /aliases' BEGIN, 0: none */
	uint32_t root_ac, root_sc;
	uint64_t bank[MAX_BANKS][2];
	unsigned nr_banks;
	enum psci_conduit conduit;
};

/* The node the first walk is in: its top-level ancestor's name (depth 1
 * a child of the root), whether it is memory, PSCI's, its method. */
struct node_state {
	unsigned depth;
	const unsigned char *top;
	uint32_t top_len;
	bool memory, psci;
	enum psci_conduit method;
	struct prop reg;             /* a top-level node's reg (len 0: none yet) */
	bool banked;                 /* its banks recorded */
};

static bool str_starts(const struct prop *p, const char *z)
{
	uint32_t i = 0;

	for (; z[i]; i++)
		if (i >= p->len || p->val[i] != (unsigned char)z[i])
			return false;
	return true;
}

static void memory_reg(struct found *fd, const struct prop *p)
{
	uint32_t entry = 4 * (fd->root_ac + fd->root_sc);

	for (uint32_t o = 0; entry && o + entry <= p->len && fd->nr_banks < MAX_BANKS;
	     o += entry, fd->nr_banks++) {
		fd->bank[fd->nr_banks][0] = cells(p->val + o, fd->root_ac);
		fd->bank[fd->nr_banks][1] = cells(p->val + o + 4 * fd->root_ac, fd->root_sc);
	}
}

/* A property of the node ns is in (ns->depth 0: the root). */
static void note(struct found *fd, struct node_state *ns, const struct prop *p)
{
	if (ns->depth == 0 && same(p->name, p->name_len, "#address-cells") && p->len == 4)
		fd->root_ac = be32(p->val);
	if (ns->depth == 0 && same(p->name, p->name_len, "#size-cells") && p->len == 4)
		fd->root_sc = be32(p->val);
	if (same(p->name, p->name_len, "compatible") && str_starts(p, "arm,psci"))
		ns->psci = true;
	if (same(p->name, p->name_len, "method"))
		ns->method = str_starts(p, "hvc") ? PSCI_CONDUIT_HVC
			     : str_starts(p, "smc") ? PSCI_CONDUIT_SMC : PSCI_CONDUIT_NONE;
	if (ns->psci && fd->conduit == PSCI_CONDUIT_NONE)
		fd->conduit = ns->method;            /* the first PSCI node's */
	if (ns->depth != 1)
		return;
	if (same(p->name, p->name_len, "device_type") && str_starts(p, "memory"))
		ns->memory = true;
	if (same(p->name, p->name_len, "reg"))
		ns->reg = *p;
	/* device_type and reg in either order (U-Boot writes reg first). */
	if (ns->memory && ns->reg.len && !ns->banked) {
		memory_reg(fd, &ns->reg);
		ns->banked = true;
	}
	if (same(ns->top, ns->top_len, "chosen") &&
	    (same(p->name, p->name_len, "stdout-path") ||
	     (!fd->path && same(p->name, p->name_len, "linux,stdout-path")))) {
		fd->path = p->val;
		fd->path_len = strlen_in(p->val, p->len);
		for (uint32_t i = 0; i < fd->path_len; i++)
			if (p->val[i] == ':')
				fd->path_len = i;
	}
}

static bool first_walk(const struct blob *f, struct found *fd)
{
	uint32_t off = f->structs, name_len = 0;
	const unsigned char *name = NULL;
	struct node_state ns = { 0 };
	unsigned depth = 0;                /* nodes open */
	struct prop p;
	int t;

	fd->root_ac = 2;
	fd->root_sc = 1;
	while ((t = step(f, &off, &name, &name_len, &p)) > 0) {
		if (t == 1) {
			if (++depth > MAX_DEPTH)
				return false;
			ns.depth = depth - 1;
			ns.memory = ns.psci = ns.banked = false;
			ns.reg.len = 0;
			ns.method = PSCI_CONDUIT_NONE;
			if (depth == 2) {
				ns.top = name, ns.top_len = name_len;
				if (same(name, name_len, "aliases"))
					fd->aliases = off;
			}
		} else if (t == 2) {
			if (depth-- == 0)
				return false;
			ns.depth = depth ? depth - 1 : 0;
			ns.psci = ns.memory = false;  /* back in a parent: its flags are past */
			ns.reg.len = 0;
		} else if (depth) {
			note(fd, &ns, &p);
		}
	}
	return t == 0;
}

/* An alias's value (/aliases' property of that name, a full path). */
static bool alias(const struct blob *f, const struct found *fd, const unsigned char *name,
		  uint32_t len, const unsigned char **path, uint32_t *path_len)
{
	uint32_t off = fd->aliases, nl;
	const unsigned char *n;
	struct prop p;

	while (fd->aliases && step(f, &off, &n, &nl, &p) == 3)
		if (p.name_len == len && eq(p.name, name, len) && p.len && p.val[0] == '/') {
			*path = p.val;
			*path_len = strlen_in(p.val, p.len);
			return true;
		}
	return false;
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

/* Per depth, what the second walk keeps: the node's cells for its
 * children, its ranges, and how much of the path it matched. */
struct level {
	uint32_t ac, sc;
	const unsigned char *ranges;
	uint32_t ranges_len;
	bool has_ranges, on_path;
	uint32_t path_pos;           /* path characters matched up to this node */
};

/* The UART node's own facts, read at its depth. */
struct uart_node {
	const unsigned char *compatible, *reg, *status;
	uint32_t compatible_len, reg_len, status_len, shift, width;
	bool shift_given, width_given;
};

static void node_prop(struct level *lv, struct uart_node *u, bool target, const struct prop *p)
{
	if (same(p->name, p->name_len, "#address-cells") && p->len == 4)
		lv->ac = be32(p->val);
	else if (same(p->name, p->name_len, "#size-cells") && p->len == 4)
		lv->sc = be32(p->val);
	else if (same(p->name, p->name_len, "ranges"))
		lv->ranges = p->val, lv->ranges_len = p->len, lv->has_ranges = true;
	if (!target)
		return;
	if (same(p->name, p->name_len, "compatible"))
		u->compatible = p->val, u->compatible_len = p->len;
	else if (same(p->name, p->name_len, "reg"))
		u->reg = p->val, u->reg_len = p->len;
	else if (same(p->name, p->name_len, "status"))
		u->status = p->val, u->status_len = p->len;
	else if (same(p->name, p->name_len, "reg-shift") && p->len == 4)
		u->shift = be32(p->val), u->shift_given = true;
	else if (same(p->name, p->name_len, "reg-io-width") && p->len == 4)
		u->width = be32(p->val), u->width_given = true;
}

/* reg's first address through every bus's ranges (levels[1 .. d-1] the
 * parents; an empty ranges is identity); false if it cannot be. */
static bool translate(const struct level *lv, unsigned d, const struct uart_node *u,
		      uint64_t *pa)
{
	uint32_t ac = lv[d - 1].ac;

	if (!u->reg || (ac != 1 && ac != 2) || u->reg_len < 4 * ac)
		return false;
	*pa = cells(u->reg, ac);
	for (unsigned b = d - 1; b >= 1; b--) {
		uint32_t pac = lv[b - 1].ac, sc = lv[b].sc, entry;
		bool hit = false;

		if (!lv[b].has_ranges)
			return false;
		if (!lv[b].ranges_len) {             /* empty: the same addresses */
			ac = pac;
			continue;
		}
		entry = 4 * (ac + pac + sc);
		if ((pac != 1 && pac != 2) || sc > 2 || !entry)
			return false;
		for (uint32_t o = 0; o + entry <= lv[b].ranges_len && !hit; o += entry) {
			uint64_t child = cells(lv[b].ranges + o, ac);
			uint64_t parent = cells(lv[b].ranges + o + 4 * ac, pac);
			uint64_t size = sc ? cells(lv[b].ranges + o + 4 * (ac + pac), sc) : 0;

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

/* The node at path (a full path), its facts in *u; *depth its depth. */
static bool find_node(const struct blob *f, const unsigned char *path, uint32_t plen,
		      struct level *lv, struct uart_node *u, unsigned *depth)
{
	uint32_t off = f->structs, nl;
	const unsigned char *name;
	unsigned d = 0;
	struct prop p;
	int t;

	while ((t = step(f, &off, &name, &nl, &p)) > 0) {
		if (t == 1) {
			struct level *up = d ? &lv[d - 1] : NULL;
			uint32_t pos = up ? up->path_pos : 0, end;

			if (d >= MAX_DEPTH)
				return false;
			lv[d] = (struct level){ .ac = 2, .sc = 1 };
			if (!up) {                          /* the root */
				lv[d].on_path = true;
			} else if (up->on_path && pos < plen) {
				while (pos < plen && path[pos] == '/')
					pos++;
				for (end = pos; end < plen && path[end] != '/'; end++)
					;
				lv[d].on_path = component(path + pos, end - pos, name, nl);
				lv[d].path_pos = end;
			}
			if (!up)
				lv[d].path_pos = 0;
			d++;
		} else if (t == 2) {
			if (!d)
				return false;
			d--;
			if (lv[d].on_path && lv[d].path_pos >= plen && d) {
				*depth = d;
				return true;                 /* its props and children read */
			}
		} else if (d) {
			bool target = lv[d - 1].on_path && lv[d - 1].path_pos >= plen;

			node_prop(&lv[d - 1], u, target, &p);
		}
	}
	return false;
}

/* The first compatible entry a driver runs. */
static enum machine_console_kind driver(const struct uart_node *u, struct uart_layout *layout)
{
	uint32_t o = 0;

	while (u->compatible && o < u->compatible_len) {
		uint32_t n = strlen_in(u->compatible + o, u->compatible_len - o);
		enum machine_console_kind k;

		if (o + n >= u->compatible_len)
			break;                            /* not NUL-terminated */
		k = uart_kind_of((const char *)u->compatible + o, layout);
		if (uart_kind_supported(k))
			return k;
		o += n + 1;
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

/* The console at path: a UART the stub drives, or why not. */
static const char *console_at(const struct blob *f, const struct found *fd,
			      const unsigned char *path, uint32_t plen, struct uart_port *port)
{
	struct level lv[MAX_DEPTH];
	struct uart_node u = { 0 };
	struct uart_layout layout;
	unsigned depth;
	uint64_t pa;

	if (plen && path[0] != '/') {
		uint32_t n = 0;

		while (n < plen && path[n] != '/')
			n++;
		if (n != plen || !alias(f, fd, path, n, &path, &plen))
			return "stdout-path or serial0 names no node";
	}
	if (!find_node(f, path, plen, lv, &u, &depth))
		return "stdout-path or serial0 names no node";
	if (u.status && !(u.status_len >= 3 && (u.status[0] == 'o' && u.status[1] == 'k')))
		return "the console is disabled (status)";
	port->kind = driver(&u, &layout);
	if (port->kind == MACHINE_CONSOLE_NONE)
		return "the console is not a UART the stub drives";
	if (!translate(lv, depth, &u, &pa))
		return "the console's reg has no CPU physical address";
	if (in_ram(fd, pa))
		return "the console's reg lies in RAM";
	port->base = (uintptr_t)pa;
	port->phys_base = pa;
	port->reg_shift = layout.from_dt && u.shift_given ? u.shift : layout.reg_shift;
	port->io_width = layout.from_dt && u.width_given ? u.width : layout.io_width;
	return NULL;
}

void early_dtb_read(const void *fdt, struct early_dtb *out)
{
	static const unsigned char serial0[] = "serial0";
	struct found fd = { 0 };
	struct blob f;

	out->port = (struct uart_port){ .kind = MACHINE_CONSOLE_NONE };
	out->conduit = PSCI_CONDUIT_NONE;
	if (!header_ok(fdt, &f) || !first_walk(&f, &fd)) {
		out->why = "no usable DTB at x0";
		return;
	}
	out->conduit = fd.conduit;
	out->why = fd.path ? console_at(&f, &fd, fd.path, fd.path_len, &out->port) : "no stdout-path";
	if (out->why) {
		out->port = (struct uart_port){ .kind = MACHINE_CONSOLE_NONE };
		if (!console_at(&f, &fd, serial0, 7, &out->port))
			out->why = NULL;
		else
			out->port = (struct uart_port){ .kind = MACHINE_CONSOLE_NONE };
	}
}
