/*
 * dt_walk.h - one pass over a flattened device tree's structure block.
 *
 * Owns: validating the structure block tag by tag as strictly as libfdt
 * 1.6.1's fdt_check_full (every tag, node name and property inside the
 * block, every property name inside the strings block and terminated,
 * nesting, one root with an empty name, nothing after it but FDT_END),
 * with its error codes (-FDT_ERR_TRUNCATED, -FDT_ERR_BADSTRUCTURE,
 * -FDT_ERR_BADOFFSET); in the same single walk, the node index (every
 * node's place, parent, extent and phandle, in document order) and, for
 * each node once its properties are all read, a call to the caller's
 * visitor with the properties it asked for by name. After the walk, the
 * queries that need no second walk: a node's property (a scan of that
 * node's own properties), its name and path, a path or alias as libfdt
 * resolves it, a phandle. Pure C over the blob, host-tested.
 *
 * Property semantics are libfdt's (fdt_getprop): a node's properties are
 * those before its first subnode; of several with one name the first
 * counts. Paths are libfdt's (fdt_path_offset): "/a/b", a component
 * matches a name or, without '@', a name up to its '@'; the first match in
 * document order; a leading alias through /aliases. Only the node at
 * offset 0 of the structure block is a root paths start from (libfdt's
 * node 0); the visitor is still called for every node.
 *
 * The header must have passed fdt_check_header (lib/machine.c does) and
 * the blob be 8-byte aligned. Versions 16 and 17 only (dtc writes 17;
 * older layouts name nodes by path and pad values: refused by the caller),
 * with a 4-byte aligned structure block (checked here: the tags are read
 * as words).
 */
#ifndef DT_WALK_H
#define DT_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Nodes indexed: twice the largest tree among Debian's arm64 DTBs (997
 * nodes). Nodes after the limit are validated and visited, not indexed:
 * dt_tree.n_dropped counts them, and no lookup finds them. */
#define DT_MAX_NODES   2048
/* Properties a visitor may ask for by name. */
#define DT_MAX_WANTED  32
#define DT_NONE        (-1)

/* A property's value as it lies in the blob; val NULL: absent. */
struct dt_prop {
	const uint8_t *val;
	uint32_t len;
};

struct dt_node {
	uint32_t off;          /* its FDT_BEGIN_NODE tag, in the structure block */
	uint32_t phandle;      /* "phandle", else "linux,phandle" (one cell); 0: none */
	uint16_t parent;       /* index; DT_NO_PARENT for a top node */
	uint16_t end;          /* the index after its last indexed descendant */
};
#define DT_NO_PARENT 0xffffu
_Static_assert(DT_MAX_NODES < DT_NO_PARENT, "a node index fits a uint16_t");

struct dt_tree {
	const uint8_t *structs;  /* the structure block */
	const char *strings;     /* the strings block */
	bool root_at_zero;       /* node 0 starts the block: paths work */
	unsigned n_nodes;        /* in node[] */
	unsigned n_dropped;      /* beyond DT_MAX_NODES */
	struct dt_node node[DT_MAX_NODES];
};

/* One node, its properties all read: what the visitor is given. */
struct dt_visit {
	const struct dt_tree *tree;  /* NULL when validating only */
	int node;                    /* its index, DT_NONE when not indexed */
	unsigned depth;              /* 1: the top node */
	bool is_root;                /* the top node, at offset 0 */
	const char *name;            /* "" for the root */
	uint32_t seen;               /* bit i: prop[i] present (else prop[i] stale) */
	struct dt_prop prop[DT_MAX_WANTED];
};

/* The property asked for as wanted[id], or { NULL, 0 }. */
static inline struct dt_prop dt_visit_prop(const struct dt_visit *v, unsigned id)
{
	return (v->seen >> id) & 1 ? v->prop[id] : (struct dt_prop){ NULL, 0 };
}

typedef void (*dt_visit_fn)(const struct dt_visit *v, void *arg);

/* Walks the structure block of fdt once: validates it, fills tree (if not
 * NULL) and calls fn (if not NULL) for every node in document order, a
 * parent before its children, with the properties named in wanted[0 ..
 * n_wanted) (at most DT_MAX_WANTED). Returns 0, or a negative libfdt
 * error: -FDT_ERR_ALIGNMENT (a structure block not 4-byte aligned),
 * -FDT_ERR_TRUNCATED, -FDT_ERR_BADSTRUCTURE, -FDT_ERR_BADOFFSET, as
 * fdt_check_full would (nodes visited before it stay visited). */
int dt_walk(const void *fdt, struct dt_tree *tree, const char *const *wanted, unsigned n_wanted,
	    dt_visit_fn fn, void *arg);

/* A path component s (len bytes, no NUL) names a node called name: the
 * same, or s without '@' and name up to its '@' (libfdt's rule). */
bool dt_name_matches(const char *name, const char *s, size_t len);

/* After a walk that returned 0. Node indexes are tree->node's. */
/* The first property named name of node i, or { NULL, 0 }. */
struct dt_prop dt_node_prop(const struct dt_tree *t, int i, const char *name);
/* Node i's name ("" for the root). */
const char *dt_name(const struct dt_tree *t, int i);
/* Its parent's index, or DT_NONE. */
int dt_parent(const struct dt_tree *t, int i);
/* The node a path (namelen bytes) names, as fdt_path_offset_namelen; or
 * DT_NONE. */
int dt_path_namelen(const struct dt_tree *t, const char *path, size_t namelen);
/* The first node with this phandle; DT_NONE for 0, ~0 or none. */
int dt_by_phandle(const struct dt_tree *t, uint32_t phandle);
/* Node i's full path ("/" for the root) into buf, as fdt_get_path: false,
 * and buf "", when it does not fit len bytes. */
bool dt_get_path(const struct dt_tree *t, int i, char *buf, size_t len);

#endif /* DT_WALK_H */
