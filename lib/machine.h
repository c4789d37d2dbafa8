/*
 * machine.h - what a flattened device tree says about the machine.
 *
 * Owns: what a DTB says about the machine, read into one `struct machine`
 * (bounded arrays, no allocation) by one walk of its structure block
 * (lib/dt_walk.c: the header checked first, the structure validated as
 * it is walked, as strictly as libfdt's fdt_check_full): the RAM banks
 * (/memory nodes), the reservations (/memreserve/ and /reserved-memory),
 * the console (/chosen/stdout-path, its driver kind, CPU physical address
 * through every parent's `ranges` and reference clock: after the walk,
 * over its node index), the CPUs (MPIDR, enable method, spin-table
 * release address), the PSCI conduit, and /chosen's bootargs and initrd;
 * the node index stays in `tree` for later readers (aliases, paths,
 * phandles: dt_walk.h). Every problem has a code, a message
 * (machine_strerror) and the node/property/value it is about. Runs with
 * the MMU on (cells are read as words). Host-testable.
 *
 * Strings (names, compatible, bootargs...) point into the DTB (or are
 * literals of machine.c): they live as long as the DTB does, at the
 * addresses it was read at (physical ones if read with the MMU off). Only
 * console.path is copied.
 */
#ifndef MACHINE_H
#define MACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "dt_walk.h"
#include "psci.h"

#define MACHINE_MAX_BANKS     32
#define MACHINE_MAX_RESERVED  64
#define MACHINE_MAX_CPUS      256
#define MACHINE_PATH_MAX      128

enum machine_err {
	MACHINE_OK = 0,
	/* Validation of the blob (nothing else is read if one of these). */
	MACHINE_ERR_NULL,            /* no DTB pointer */
	MACHINE_ERR_MISALIGNED,      /* pointer not 8-byte aligned */
	MACHINE_ERR_TOO_SMALL,       /* buffer smaller than a DTB header */
	MACHINE_ERR_BAD_MAGIC,       /* value: the magic found */
	MACHINE_ERR_TRUNCATED,       /* value: totalsize (> buffer size) */
	MACHINE_ERR_BAD_VERSION,     /* value: the header's version */
	MACHINE_ERR_BAD_HEADER,      /* value: libfdt's FDT_ERR_* (positive) */
	MACHINE_ERR_BAD_STRUCTURE,   /* value: libfdt's FDT_ERR_* (positive) */
	/* The tree's content. */
	MACHINE_ERR_BAD_CELLS,       /* value: the #address/#size-cells read */
	MACHINE_ERR_BAD_REG,         /* value: the property's length */
	MACHINE_ERR_WRAPS,           /* value: the base; base + size > 2^64 - 1 */
	MACHINE_ERR_NO_MEMORY,       /* no usable bank at all */
	MACHINE_ERR_TOO_MANY_BANKS,  /* value: banks dropped */
	MACHINE_ERR_BAD_MEMRESERVE,  /* value: libfdt's FDT_ERR_* (positive) */
	MACHINE_ERR_TOO_MANY_RESERVED, /* value: reservations dropped */
	MACHINE_ERR_CONSOLE_NOT_FOUND, /* stdout-path names no node; value: nodes
					* past DT_MAX_NODES, not indexed (0) */
	MACHINE_ERR_NO_REG,          /* no (or too short a) reg */
	MACHINE_ERR_NO_RANGES,       /* node: the bus without `ranges` */
	MACHINE_ERR_NOT_IN_RANGES,   /* node: the bus; value: the bus address */
	MACHINE_ERR_BAD_PROPERTY,    /* value: the property's length */
	MACHINE_ERR_NO_CPUS,         /* no /cpus node */
	MACHINE_ERR_BAD_MPIDR,       /* value: reg, which has non-affinity bits */
	MACHINE_ERR_TOO_MANY_CPUS,   /* value: CPUs dropped */
	MACHINE_ERR_PSCI_METHOD,     /* PSCI node without method "smc"/"hvc" */
	MACHINE_ERR_BAD_INITRD,      /* value: the end, which is before the start */
	MACHINE_ERR_COUNT
};

/* "bad magic (not a DTB)" etc.; never NULL. */
const char *machine_strerror(enum machine_err err);

/* The first problem of one part of the tree. `node` and `prop` name where
 * (NULL when not about a node), `value` is what was found there. */
struct machine_problem {
	enum machine_err err;
	const char *node;
	const char *prop;
	uint64_t value;
};

/* Keeps the first problem of a part: later ones are usually its echoes. */
static inline void machine_note(struct machine_problem *pb, enum machine_err err,
				const char *node, const char *prop, uint64_t value)
{
	if (pb->err != MACHINE_OK)
		return;
	*pb = (struct machine_problem){ err, node, prop, value };
}

struct machine_bank {
	uint64_t phys_base;
	uint64_t size;               /* > 0; phys_base + size <= 2^64 - 1 */
	const char *node;            /* "memory@40000000" */
};

/* Each part's array comes last: machine_read clears what comes before it
 * and fills the array only as far as its count. */
struct machine_memory {
	int n_banks;                 /* in bank[] */
	int n_dropped;               /* beyond MACHINE_MAX_BANKS */
	int n_zero_size;             /* entries of size 0: skipped (Linux too) */
	int n_disabled_nodes;        /* memory nodes with status not okay */
	int n_untyped_nodes;         /* memory@... without device_type: ignored,
				      * as Linux 6.1 does */
	bool usable_memory;          /* some node had linux,usable-memory, read
				      * instead of its reg (Linux: kdump) */
	uint32_t address_cells, size_cells;  /* the root's */
	struct machine_problem problem;
	struct machine_bank bank[MACHINE_MAX_BANKS];
};

enum machine_rsv_source { MACHINE_RSV_MEMRESERVE, MACHINE_RSV_NODE };

struct machine_reservation {
	enum machine_rsv_source source;
	const char *name;            /* the node's name; NULL for /memreserve/ */
	uint64_t phys_base;          /* 0 if dynamic */
	uint64_t size;               /* of the region, or the dynamic request */
	bool no_map;                 /* "no-map": not even mapped by the OS */
	bool reusable;               /* "reusable": the OS may use it (CMA) */
	bool dynamic;                /* `size` without `reg`: nothing fixed */
	bool has_alloc_ranges;       /* dynamic, limited to `alloc-ranges` */
};

struct machine_reserved {
	int n_rsv;
	int n_dropped;
	int n_memreserve;            /* of n_rsv (+ dropped) from /memreserve/ */
	int n_disabled;              /* /reserved-memory children not okay */
	int n_zero_size;             /* reg entries of size 0: skipped */
	bool has_node;               /* there is a /reserved-memory */
	uint32_t address_cells, size_cells;  /* /reserved-memory's own */
	struct machine_problem problem;
	struct machine_reservation rsv[MACHINE_MAX_RESERVED];
};

enum machine_console_kind {
	MACHINE_CONSOLE_NONE = 0,    /* no rule named a console */
	MACHINE_CONSOLE_PL011,       /* "arm,pl011" */
	MACHINE_CONSOLE_BCM2835_AUX, /* "brcm,bcm2835-aux-uart": the Pi's mini UART */
	MACHINE_CONSOLE_CADENCE,     /* "cdns,uart-r1p12", "xlnx,xuartps", "cdns,uart-r1p8" */
	MACHINE_CONSOLE_NS16550,     /* "ns16550a", "ns16550", "snps,dw-apb-uart" */
	MACHINE_CONSOLE_UNSUPPORTED, /* found, but no compatible we drive */
	/* The compatible strings of each: lib/uart/compat.c. */
	MACHINE_CONSOLE_SBSA,        /* "arm,sbsa-uart": the PL011's DR and FR only */
	MACHINE_CONSOLE_AM654,       /* "ti,am654-uart": a 16550 at stride 4, MDR1 */
	MACHINE_CONSOLE_IMX,         /* "fsl,imx6q-uart", "fsl,imx21-uart" */
	MACHINE_CONSOLE_MESON,       /* "amlogic,meson-ao-uart", ... */
	MACHINE_CONSOLE_GENI,        /* "qcom,geni-debug-uart", "qcom,geni-uart" */
	MACHINE_CONSOLE_MSM_UARTDM,  /* "qcom,msm-uartdm-v1.4", "qcom,msm-uartdm" */
	MACHINE_CONSOLE_LPUART32,    /* "fsl,ls1028a-lpuart": registers at reg */
	MACHINE_CONSOLE_LPUART32_IMX, /* "fsl,imx7ulp-lpuart", ...: at reg + 0x10 */
	MACHINE_CONSOLE_AR3700,      /* "marvell,armada-3700-uart" */
	MACHINE_CONSOLE_SCIF,        /* "renesas,rcar-gen3-scif", "renesas,scif" */
};
const char *machine_console_kind_name(enum machine_console_kind kind);

/* Which rule chose the console, in the order they are tried: earlycon= on
 * the command line (lib/console_choice.c), /chosen/stdout-path,
 * linux,stdout-path (only without stdout-path, as Linux's of_alias_scan),
 * /aliases/serial0 (when the stdout-path's is missing or unusable); under
 * ACPI the SPCR, else the DBG2. */
enum machine_console_rule {
	MACHINE_RULE_NONE = 0,
	MACHINE_RULE_EARLYCON,
	MACHINE_RULE_STDOUT_PATH,
	MACHINE_RULE_LINUX_STDOUT_PATH,
	MACHINE_RULE_SERIAL0,
	MACHINE_RULE_SPCR,
	MACHINE_RULE_DBG2,
};
const char *machine_console_rule_name(enum machine_console_rule rule);

/* Why a console a rule named was not used. */
enum machine_console_why {
	MACHINE_WHY_NONE = 0,
	MACHINE_WHY_MALFORMED,       /* the property is not a string */
	MACHINE_WHY_NOT_FOUND,       /* no node by that path or alias */
	MACHINE_WHY_DISABLED,        /* its status says so */
	MACHINE_WHY_NO_DRIVER,       /* no compatible the stub drives (a framebuffer...) */
	MACHINE_WHY_UNTRANSLATABLE,  /* its reg is no CPU physical address */
};
const char *machine_console_why_text(enum machine_console_why why);

/* A rule whose console was passed over for a later rule's. */
struct machine_console_passed {
	enum machine_console_rule rule;     /* NONE: nothing passed over */
	enum machine_console_why why;
	const char *value;           /* the property as written (NULL: malformed) */
	const char *compatible;      /* NO_DRIVER: its first entry (NULL: none) */
};

struct machine_console {
	enum machine_console_kind kind;
	const char *stdout_path;     /* the property as written, or NULL */
	const char *options;         /* after ':' ("115200n8"), or NULL */
	char path[MACHINE_PATH_MAX]; /* the node found ("" if none) */
	const char *compatible;      /* the entry matched; for UNSUPPORTED the
				      * first entry (NULL: no compatible) */
	const char *status;          /* the node's status (NULL: absent) */
	bool available;              /* status absent, "okay" or "ok" */
	bool translated;             /* phys_base is a CPU physical address */
	uint64_t phys_base;          /* reg's first entry through all ranges */
	uint64_t size;
	uint32_t reg_shift;          /* register i at phys_base + (i << reg_shift) */
	uint32_t io_width;           /* bytes per register access */
	uint32_t clock_hz;           /* the UART's reference clock: its
				      * clock-frequency, else a fixed-clock's
				      * named first in `clocks`; 0: unknown */
	enum machine_console_rule rule;      /* what chose it (NONE: nothing named one) */
	struct machine_console_passed passed;
	struct machine_problem problem;
};

enum machine_cpu_enable {
	MACHINE_CPU_ENABLE_NONE = 0, /* no enable-method */
	MACHINE_CPU_ENABLE_PSCI,
	MACHINE_CPU_ENABLE_SPIN_TABLE,
	MACHINE_CPU_ENABLE_OTHER,    /* enable_method names it */
};
const char *machine_cpu_enable_name(enum machine_cpu_enable e);

/* MPIDR_EL1 affinity fields (Arm ARM D19.2): Aff3 is bits [39:32]. */
#define MACHINE_MPIDR_HWID_MASK 0xff00ffffffULL
#define MACHINE_MPIDR_AFF0(m) ((uint32_t)((m) & 0xff))
#define MACHINE_MPIDR_AFF1(m) ((uint32_t)(((m) >> 8) & 0xff))
#define MACHINE_MPIDR_AFF2(m) ((uint32_t)(((m) >> 16) & 0xff))
#define MACHINE_MPIDR_AFF3(m) ((uint32_t)(((m) >> 32) & 0xff))

struct machine_cpu {
	uint64_t mpidr;              /* reg (affinity fields only if valid) */
	const char *node;            /* "cpu@100" */
	const char *status;          /* NULL: absent (available) */
	bool available;              /* status absent, "okay" or "ok" */
	bool failed;                 /* status "fail" or "fail-..." */
	enum machine_cpu_enable enable;
	const char *enable_method;   /* the string, or NULL */
	bool has_release_addr;       /* spin-table: cpu-release-addr read */
	uint64_t phys_release_addr;
};

struct machine_cpus {
	int n_cpus;
	int n_dropped;
	int n_disabled;              /* of all, including dropped */
	int n_failed;
	uint32_t address_cells;      /* /cpus' */
	struct machine_problem problem;
	struct machine_cpu cpu[MACHINE_MAX_CPUS];
};

struct machine_psci {
	bool present;                /* a node compatible with arm,psci* (the
				      * first in document order: Linux's) */
	bool available;              /* ... and its status okay (else ignored) */
	const char *node;
	const char *compatible;      /* its version, the first its list names:
				      * "arm,psci-1.0"... */
	const char *method;          /* or NULL */
	enum psci_conduit conduit;   /* NONE if absent or method unknown */
	struct machine_problem problem;
};

struct machine_chosen {
	bool has_chosen;
	const char *bootargs;        /* NUL-terminated in the DTB, or NULL */
	bool has_initrd;
	uint64_t phys_initrd_start;  /* [start, end) as Linux reads them */
	uint64_t phys_initrd_end;
	struct machine_problem problem;
};

struct machine {
	const void *fdt;
	size_t fdt_size;             /* the header's totalsize */
	const char *model;           /* root "model", or NULL */
	const char *compatible;      /* root's first compatible, or NULL */
	int compatible_len;          /* the whole list's bytes (NUL-separated) */
	struct machine_problem valid; /* validation's verdict */
	struct machine_memory memory;
	struct machine_reserved reserved;
	struct machine_console console;
	struct machine_cpus cpus;
	struct machine_psci psci;
	struct machine_chosen chosen;
	struct dt_tree tree;         /* the node index (valid when m->valid is OK) */
};

/* struct machine is about 45 KiB (the node index 24 KiB of it): give it
 * static storage on bare metal. Checks the blob (alignment, header,
 * totalsize <= buf_size, the /memreserve/ table) and walks its structure
 * block once, validating it (as fdt_check_full) and reading every part.
 * Returns the first problem found, in the order validation, memory,
 * reserved, cpus, psci, chosen, console (MACHINE_OK if none); each part
 * keeps its own in its `problem`. The parts are filled as far as they go
 * even when one of them has a problem; after a validation problem only
 * m->valid is meaningful. */
enum machine_err machine_read(const void *fdt, size_t buf_size, struct machine *m);

/* Whether c is one of the root node's compatible strings (what a board's
 * operations are found by: board/board_ops.c). */
bool machine_is_compatible(const struct machine *m, const char *c);

/* The bank of m->memory holding pa, or NULL (a hole, or no bank). */
const struct machine_bank *machine_bank_holding(const struct machine *m, uint64_t pa);

/* Validation alone (the same checks, the walk without reading). */
enum machine_err machine_check(const void *fdt, size_t buf_size,
			       struct machine_problem *problem);

#endif /* MACHINE_H */
