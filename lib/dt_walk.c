/*
 * dt_walk.c - one pass over a DTB's structure block, and the lookups that
 * need no other (see dt_walk.h).
 *
 * Owns: the tag-by-tag validation (libfdt 1.6.1's fdt_next_tag and
 * fdt_check_full, fdt_get_string for property names), the classification
 * of property names (each distinct name offset once: dtc shares a name's
 * string among all its properties), the node index, the visitor's call
 * at the end of a node's properties; then node-local property scans, names,
 * paths (fdt_path_offset_namelen, fdt_get_path) and phandles over the
 * index.
 */
#include <libfdt.h>
#include <string.h>
#include "dt_walk.h"

/* Name classes beside the caller's wanted ids 0..DT_MAX_WANTED-1. */
#define ID_PHANDLE        0xfd
#define ID_LINUX_PHANDLE  0xfe
#define ID_OTHER          0xff
/* Name offsets classified, direct-mapped (a miss only classifies again). */
#define NAME_CACHE        128

struct name_slot {
	uint32_t key;            /* name offset (<= INT32_MAX) + 1; 0: empty */
	uint32_t id;
};

struct walker {
	struct dt_tree *tree;
	const uint8_t *s;        /* the structure block */
	uint64_t ssize;          /* its bytes that may be read */
	const char *strings;
	uint64_t strings_abs, strings_size, totalsize;
	bool v17;
	const char *const *wanted;
	unsigned n_wanted;
	dt_visit_fn fn;
	void *arg;
	unsigned depth;
	bool expect_end;         /* the root ended: only FDT_END may follow */
	bool open;               /* the current node's properties still come */
	int parent;              /* innermost open indexed node, DT_NONE at the top */
	unsigned extra;          /* open nodes below it that are not indexed */
	/* fdt_get_phandle: the first "phandle" if one cell long, else the
	 * first "linux,phandle" if one cell long. ph_seen: bit 0 a "phandle"
	 * read, bit 1 a "linux,phandle"; bits 2 and 3: one cell long. */
	uint32_t phandle, linux_phandle;
	unsigned ph_seen;
	struct dt_visit v;
	struct name_slot cache[NAME_CACHE];
};

/* The structure block is 4-byte aligned (checked): tags and cells are words. */
static inline uint32_t word_at(const uint8_t *p)
{
	return fdt32_to_cpu(*(const fdt32_t *)(const void *)p);
}

/* ---- property names ---------------------------------------------------- */

/* fdt_get_string's checks of a property's name: 0 or -FDT_ERR_*. */
static int check_name(const struct walker *w, uint32_t nameoff)
{
	uint64_t abs = w->strings_abs + nameoff, len;

	if ((uint32_t)abs >= w->totalsize)
		return -FDT_ERR_BADOFFSET;
	len = w->totalsize - (uint32_t)abs;
	if (w->v17) {
		if (nameoff >= w->strings_size)
			return -FDT_ERR_BADOFFSET;
		if (w->strings_size - nameoff < len)
			len = w->strings_size - nameoff;
	}
	return memchr(w->strings + nameoff, '\0', (size_t)len) ? 0 : -FDT_ERR_TRUNCATED;
}

static uint32_t classify(const struct walker *w, const char *name)
{
	if (!strcmp(name, "phandle"))
		return ID_PHANDLE;
	if (!strcmp(name, "linux,phandle"))
		return ID_LINUX_PHANDLE;
	for (unsigned i = 0; i < w->n_wanted; i++)
		if (name[0] == w->wanted[i][0] && !strcmp(name, w->wanted[i]))
			return i;
	return ID_OTHER;
}

/* The class of the name at nameoff, checked on first sight; < 0: its error. */
static int name_id(struct walker *w, uint32_t nameoff)
{
	struct name_slot *slot = &w->cache[(nameoff * 0x9e3779b1u) >> 25];
	int rc;

	if (nameoff > INT32_MAX)               /* libfdt: a negative offset */
		return -FDT_ERR_BADOFFSET;
	if (slot->key == nameoff + 1)
		return (int)slot->id;
	rc = check_name(w, nameoff);
	if (rc)
		return rc;
	slot->key = nameoff + 1;
	slot->id = classify(w, w->strings + nameoff);
	return (int)slot->id;
}

/* ---- nodes --------------------------------------------------------------- */

/* The current node's properties are complete: its phandle, the visit. */
static void close_props(struct walker *w)
{
	uint32_t ph = w->ph_seen & 4 ? w->phandle : w->ph_seen & 8 ? w->linux_phandle : 0;

	w->open = false;
	if (w->tree && w->v.node != DT_NONE)
		w->tree->node[w->v.node].phandle = ph;
	if (w->fn)
		w->fn(&w->v, w->arg);
}

/* FDT_BEGIN_NODE at off: its name checked, indexed, made current. */
static int begin_node(struct walker *w, uint32_t off, uint64_t *next)
{
	const char *name = (const char *)w->s + off + 4;
	const char *nul = memchr(name, '\0', (size_t)(w->ssize - off - 4));
	struct dt_tree *t = w->tree;

	if (!nul)
		return -FDT_ERR_BADSTRUCTURE;       /* the name runs out of the block */
	*next = (uint64_t)(nul + 1 - (const char *)w->s);
	if (w->open)
		close_props(w);
	if (++w->depth == 1 && *name)
		return -FDT_ERR_BADSTRUCTURE;       /* the root's name is empty */
	w->v.node = DT_NONE;
	if (t && !w->extra && t->n_nodes < DT_MAX_NODES) {
		w->v.node = (int)t->n_nodes++;
		t->node[w->v.node] = (struct dt_node){
			.off = off, .parent = w->parent == DT_NONE ? DT_NO_PARENT : (uint16_t)w->parent,
		};
		w->parent = w->v.node;
	} else {
		w->extra++;
		if (t)
			t->n_dropped++;
	}
	w->v.depth = w->depth;
	w->v.is_root = w->depth == 1 && off == 0;
	w->v.name = name;
	w->v.seen = 0;
	w->ph_seen = 0;
	w->open = true;
	return 0;
}

static int end_node(struct walker *w)
{
	if (w->depth == 0)
		return -FDT_ERR_BADSTRUCTURE;
	if (w->open)
		close_props(w);
	if (w->extra) {
		w->extra--;
	} else if (w->tree) {
		struct dt_node *n = &w->tree->node[w->parent];

		n->end = (uint16_t)w->tree->n_nodes;
		w->parent = n->parent == DT_NO_PARENT ? DT_NONE : n->parent;
	}
	if (--w->depth == 0)
		w->expect_end = true;
	return 0;
}

/* FDT_PROP at off: inside the block, its name checked; kept if wanted and
 * the first of its name in a node whose properties still come. */
static int property(struct walker *w, uint32_t off, uint64_t *next)
{
	uint32_t len;
	int id;

	if (off + 8ull > w->ssize)
		return -FDT_ERR_BADSTRUCTURE;
	len = word_at(w->s + off + 4);
	*next = off + 12ull + len;
	if (*next > w->ssize)
		return -FDT_ERR_BADSTRUCTURE;
	id = name_id(w, word_at(w->s + off + 8));
	if (id < 0)
		return id;
	if (!w->open || id == ID_OTHER || w->depth == 0)
		return 0;
	if (id == ID_PHANDLE || id == ID_LINUX_PHANDLE) {
		unsigned bit = id == ID_PHANDLE ? 1 : 2;

		if (w->ph_seen & bit)
			return 0;                      /* not the first of its name */
		w->ph_seen |= bit | (len == 4 ? bit << 2 : 0);
		if (len == 4)
			*(bit == 1 ? &w->phandle : &w->linux_phandle) = word_at(w->s + off + 12);
		return 0;
	}
	if (!((w->v.seen >> id) & 1)) {
		w->v.seen |= 1u << id;
		w->v.prop[id] = (struct dt_prop){ w->s + off + 12, len };
	}
	return 0;
}

/* One tag at off: *next is where the next one starts; 1 at the end. */
static int step(struct walker *w, uint32_t off, uint64_t *next)
{
	uint32_t tag;

	if (off + 4ull > w->ssize)
		return -FDT_ERR_TRUNCATED;
	tag = word_at(w->s + off);
	*next = off + 4ull;
	if (w->expect_end && tag != FDT_END)
		return -FDT_ERR_BADSTRUCTURE;        /* a second root */
	switch (tag) {
	case FDT_BEGIN_NODE: return begin_node(w, off, next);
	case FDT_END_NODE:   return end_node(w);
	case FDT_PROP:       return property(w, off, next);
	case FDT_NOP:        return 0;
	case FDT_END:        return w->depth ? -FDT_ERR_BADSTRUCTURE : 1;
	default:             return -FDT_ERR_BADSTRUCTURE;
	}
}

static void walker_init(struct walker *w, const void *fdt, struct dt_tree *tree)
{
	uint32_t totalsize = fdt_totalsize(fdt), off_struct = fdt_off_dt_struct(fdt);

	w->v17 = fdt_version(fdt) >= 17;
	w->s = (const uint8_t *)fdt + off_struct;
	/* fdt_offset_ptr's bounds: the block's size from version 17 (inside
	 * the blob: fdt_check_header), else the rest of the blob. */
	w->ssize = w->v17 ? fdt_size_dt_struct(fdt) : totalsize - off_struct;
	w->strings = (const char *)fdt + fdt_off_dt_strings(fdt);
	w->strings_abs = fdt_off_dt_strings(fdt);
	w->strings_size = fdt_size_dt_strings(fdt);
	w->totalsize = totalsize;
	w->parent = DT_NONE;
	w->v.tree = tree;
	if (tree) {
		tree->structs = w->s;
		tree->strings = w->strings;
		tree->n_nodes = tree->n_dropped = 0;
		/* libfdt's node 0, where paths start: known before the first visit. */
		tree->root_at_zero = w->ssize >= 4 && word_at(w->s) == FDT_BEGIN_NODE;
	}
	memset(w->cache, 0, sizeof(w->cache));
}

int dt_walk(const void *fdt, struct dt_tree *tree, const char *const *wanted, unsigned n_wanted,
	    dt_visit_fn fn, void *arg)
{
	struct walker w = {
		.tree = tree, .wanted = wanted, .n_wanted = n_wanted, .fn = fn, .arg = arg,
	};
	uint64_t off = 0, next;
	int rc;

	if (fdt_off_dt_struct(fdt) & 3)
		return -FDT_ERR_ALIGNMENT;
	if (n_wanted > DT_MAX_WANTED)
		return -FDT_ERR_INTERNAL;
	walker_init(&w, fdt, tree);
	while ((rc = step(&w, (uint32_t)off, &next)) == 0)
		off = (next + 3) & ~3ull;           /* FDT_TAGALIGN */
	return rc < 0 ? rc : 0;
}

/* ---- after the walk -------------------------------------------------------- */

/* The tag after node i's name: its first property, NOP or subnode. */
static uint32_t first_after_name(const struct dt_tree *t, int i)
{
	uint32_t off = t->node[i].off + 4;

	off += (uint32_t)strlen((const char *)t->structs + off) + 1;
	return (off + 3) & ~3u;
}

/* The node's property at or after *off (NOPs passed): its name and value,
 * *off moved past it; NULL after the last (a subnode or the node's end).
 * After a walk that validated every tag, nothing here can leave the block. */
static const char *next_prop(const struct dt_tree *t, uint32_t *off, struct dt_prop *val)
{
	uint32_t tag;

	while ((tag = word_at(t->structs + *off)) == FDT_NOP)
		*off += 4;
	if (tag != FDT_PROP)
		return NULL;
	*val = (struct dt_prop){ t->structs + *off + 12, word_at(t->structs + *off + 4) };
	tag = word_at(t->structs + *off + 8);                    /* the name's offset */
	*off = (*off + 12 + val->len + 3) & ~3u;
	return t->strings + tag;
}

struct dt_prop dt_node_prop(const struct dt_tree *t, int i, const char *name)
{
	struct dt_prop val;
	const char *pname;
	uint32_t off;

	if (i < 0 || (unsigned)i >= t->n_nodes)
		return (struct dt_prop){ NULL, 0 };
	for (off = first_after_name(t, i); (pname = next_prop(t, &off, &val));)
		if (!strcmp(pname, name))
			return val;
	return (struct dt_prop){ NULL, 0 };
}

const char *dt_name(const struct dt_tree *t, int i)
{
	return (const char *)t->structs + t->node[i].off + 4;
}

int dt_parent(const struct dt_tree *t, int i)
{
	return t->node[i].parent == DT_NO_PARENT ? DT_NONE : t->node[i].parent;
}

/* fdt_nodename_eq_. */
bool dt_name_matches(const char *name, const char *s, size_t len)
{
	if (strncmp(name, s, len))            /* s holds no NUL: a shorter name differs */
		return false;
	return name[len] == '\0' || (name[len] == '@' && !memchr(s, '@', len));
}

/* The first child of node i named s (len bytes), or DT_NONE. */
static int child_named(const struct dt_tree *t, int i, const char *s, size_t len)
{
	for (unsigned c = (unsigned)i + 1; c < t->node[i].end; c = t->node[c].end)
		if (dt_name_matches(dt_name(t, (int)c), s, len))
			return (int)c;
	return DT_NONE;
}

/* fdt_get_alias_namelen: the path /aliases gives the alias name (len
 * bytes): its value read as a C string, as libfdt 1.6.1 and Linux read it
 * (up to the first NUL, which the next tag's bytes hold if the value has
 * none: the walk validated every tag). A value that is no absolute path
 * is no alias (1.6.1 took it for another alias, and so on, to a recursion
 * without end). */
static const char *alias_path(const struct dt_tree *t, const char *name, size_t len)
{
	int aliases = dt_path_namelen(t, "/aliases", 8);
	struct dt_prop val;
	const char *pname, *v;
	uint32_t off;

	if (aliases == DT_NONE)
		return NULL;
	for (off = first_after_name(t, aliases); (pname = next_prop(t, &off, &val));) {
		if (strlen(pname) != len || memcmp(pname, name, len))
			continue;
		v = (const char *)val.val;
		return val.len >= 1 && v[0] == '/' ? v : NULL;
	}
	return NULL;
}

int dt_path_namelen(const struct dt_tree *t, const char *path, size_t namelen)
{
	const char *p = path, *end = path + namelen;
	int node = 0;

	if (!t->root_at_zero)
		return DT_NONE;
	if (namelen == 0 || *path != '/') {
		const char *q = memchr(path, '/', namelen), *a;

		if (!q)
			q = end;
		a = alias_path(t, path, (size_t)(q - path));
		if (!a)
			return DT_NONE;
		node = dt_path_namelen(t, a, strlen(a));
		p = q;
	}
	while (p < end && node != DT_NONE) {
		const char *q;

		while (*p == '/')
			if (++p == end)
				return node;
		q = memchr(p, '/', (size_t)(end - p));
		if (!q)
			q = end;
		node = child_named(t, node, p, (size_t)(q - p));
		p = q;
	}
	return node;
}

int dt_by_phandle(const struct dt_tree *t, uint32_t phandle)
{
	if (phandle == 0 || phandle == ~0u)
		return DT_NONE;
	for (unsigned i = 0; i < t->n_nodes; i++)
		if (t->node[i].phandle == phandle)
			return (int)i;
	return DT_NONE;
}

bool dt_get_path(const struct dt_tree *t, int i, char *buf, size_t len)
{
	int chain[128], n = 0;
	size_t p = 1;

	/* The names from the root down; each "name/" must fit as it comes. */
	for (int c = i; c != DT_NONE && n < 128; c = dt_parent(t, c))
		chain[n++] = c;
	if (len < 2 || n == 0 || n == 128 || chain[n - 1] != 0)
		goto nospace;
	buf[0] = '/';
	while (--n >= 0) {
		const char *name = dt_name(t, chain[n]);
		size_t nl = strlen(name);

		if (chain[n] == 0)
			continue;
		if (p + nl + 1 > len)
			goto nospace;
		memcpy(buf + p, name, nl);
		p += nl;
		buf[p++] = '/';
	}
	buf[p > 1 ? p - 1 : p] = '\0';
	return true;
nospace:
	if (len)
		buf[0] = '\0';
	return false;
}
