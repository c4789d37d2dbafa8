/*
 * cmd_tables.c - the monitor's commands on the translation tables.
 *
 * Owns: walk (mmu/walk.c, one line per level), at (AT S1E1R/W through
 * mmu/hw.c, PAR_EL1 decoded, and whether the hardware agrees with the
 * walk), map/unmap/protect (mmu/xlat.c on the live final map, printing
 * its decision and error code), dump (mmu/print.c's range printer), regs
 * (mmu/print.c's register printer, and the TTBRs) and tlbi.
 */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "esr.h"
#include "demand.h"
#include "dump.h"
#include "hw.h"
#include "print.h"
#include "args.h"
#include "command.h"
#include "parse.h"
#include "sysreg.h"
#include "tlbflush.h"

/* Linux's name of a level of a walk whose root is at `root`: the root is
 * the pgd, the others p4d (0), pud (1), pmd (2), pte (3). */
static const char *level_name(int level, int root)
{
	static const char *const below_root[4] = { "p4d", "pud", "pmd", "pte" };

	return level == root ? "pgd" : below_root[level & 3];
}

/* What one descriptor of a walk is (Arm ARM D8.3: the type bits, then a
 * table's next address or a leaf's output address and attributes). */
static void print_step(const struct walk_step *s, int root)
{
	struct desc_info d = desc_decode(s->desc, s->level);
	char attrs[64], size[16];

	printf("  L%d %s: table pa " HEX16 " index %3u entry pa " HEX16 " = " HEX16 ": ",
	       s->level, level_name(s->level, root), U(s->table_pa), s->index,
	       U(s->table_pa + 8 * s->index), U(s->desc));
	switch (d.kind) {
	case DESC_TABLE:
		printf("table -> pa " HEX16 "\n", U(d.addr));
		break;
	case DESC_BLOCK:
	case DESC_PAGE:
		printf("%s %s -> pa " HEX16 " %s (AttrIndx %u)\n", d.kind == DESC_PAGE ? "page" : "block",
		       format_size(1ULL << level_shift(s->level), size, sizeof(size)), U(d.addr),
		       pte_attrs_format(&d.attrs, attrs, sizeof(attrs)), d.attrs.attrindx);
		break;
	default:
		printf("%s\n", s->desc & 1 ? "invalid: 0b01 is reserved at level 3" :
		       "invalid: bit 0 clear");
		break;
	}
}

static void print_walk(const struct walk_result *r)
{
	char attrs[64], size[16];

	printf("va " HEX16 ": TTBR%d_EL1", U(r->va), r->ttbr);
	if (r->nsteps)
		printf(", level%s%d table pa " HEX16, r->step[0].level < 0 ? " " : "-",
		       r->step[0].level, U(r->step[0].table_pa));
	printf("\n");
	for (int i = 0; i < r->nsteps; i++)
		print_step(&r->step[i], r->step[0].level);
	switch (r->status) {
	case WALK_MAPPED:
		printf("=> pa " HEX16 " L%d %s %s\n", U(r->pa), r->leaf_level,
		       format_size(r->block_size, size, sizeof(size)),
		       pte_attrs_format(&r->attrs, attrs, sizeof(attrs)));
		break;
	case WALK_INVALID_DESC:
		printf("=> stops at L%d: invalid descriptor (a translation fault, level %d)\n",
		       r->fault_level, r->fault_level);
		break;
	case WALK_DISABLED:
		printf("=> stops at L0: TTBR0 walks disabled (TCR_EL1.EPD0 = 1: a translation "
		       "fault, level 0)\n");
		break;
	case WALK_UNREADABLE_TABLE:
		printf("=> stops at L%d: the table is neither in the image, nor in the pool, nor in "
		       "RAM the allocator has (not readable here)\n", r->fault_level);
		break;
	default:
		printf("=> not canonical\n");
		break;
	}
}

static int cmd_walk(const struct shell_env *env, unsigned argc, char **argv)
{
	struct walk_result r;
	uint64_t va;

	(void)argc;
	if (!shell_va(argv[1], &va))
		return SHELL_CONTINUE;
	sw_walk(env->walk, va, &r);
	print_walk(&r);
	return SHELL_CONTINUE;
}

SHELL_COMMAND(10, walk_command) = {
	"walk", 1, 1, "walk VA",
	"the software walk, level by level", cmd_walk,
};

/* One AT and its PAR_EL1 (D17.2.103: F, then PA, ATTR, SH or FST). */
static void at_one(uint64_t va, bool write, struct hw_translation *t)
{
	char fsc[64];
	uint64_t par;

	hw_at(va, write, t, NULL);
	par = read_sysreg(par_el1);          /* what hw_at decoded: AT alone writes it */
	printf("AT S1E1%c: PAR_EL1 " HEX16 ": ", write ? 'W' : 'R', U(par));
	if (t->ok)
		printf("pa " HEX16 " attr 0x%02x (%s) SH %u\n", U(t->pa), t->mair_attr,
		       mair_attr_name(t->mair_attr), t->sh);
	else
		printf("fault FST 0x%02x (%s)\n", t->fst, fault_status_format(t->fst, fsc, sizeof(fsc)));
}

/* Whether AT's two answers are what the walk's descriptors say; why not. */
static const char *at_disagrees(const struct walk_result *w, const struct hw_translation *rd,
				const struct hw_translation *wr, uint64_t mair)
{
	if (w->status != WALK_MAPPED) {
		if (rd->ok || wr->ok)
			return "the hardware translates, the walk does not";
		if (!fault_status_is(rd->fst, FSC_TRANSLATION) || fault_status_level(rd->fst) != w->fault_level)
			return "the hardware's fault is not a translation fault at the walk's level";
		return NULL;
	}
	if (!w->attrs.af)
		return rd->ok || !fault_status_is(rd->fst, FSC_ACCESS_FLAG) ? "access flag 0: expected an access flag "
			"fault" : NULL;
	if (!rd->ok)
		return "the walk translates, AT S1E1R faults";
	if (rd->pa != w->pa)
		return "AT S1E1R's pa is not the walk's";
	if (rd->mair_attr != mair_attr_byte(mair, w->attrs.attrindx))
		return "PAR_EL1.ATTR is not MAIR_EL1's byte for the walk's AttrIndx";
	if (!par_sh_acceptable(&w->attrs, mair, rd->sh))
		return "PAR_EL1.SH is not the walk's shareability";
	if (wr->ok == w->attrs.rdonly)
		return w->attrs.rdonly ? "read-only, but AT S1E1W translates" :
			"writable, but AT S1E1W faults";
	if (wr->ok && wr->pa != w->pa)
		return "AT S1E1W's pa is not the walk's";
	return NULL;
}

static int cmd_at(const struct shell_env *env, unsigned argc, char **argv)
{
	struct hw_translation rd, wr;
	struct walk_result w;
	const char *why;
	uint64_t va;

	(void)argc;
	if (!shell_va(argv[1], &va))
		return SHELL_CONTINUE;
	at_one(va, false, &rd);
	at_one(va, true, &wr);
	sw_walk(env->walk, va, &w);
	why = at_disagrees(&w, &rd, &wr, read_sysreg(mair_el1));
	if (w.status == WALK_MAPPED)
		printf("walk: pa " HEX16 " %s: ", U(w.pa), w.attrs.rdonly ? "read-only" : "writable");
	else
		printf("walk: stops at L%d: ", w.fault_level);
	printf("%s%s\n", why ? "DISAGREES: " : "agrees", why ? why : "");
	return SHELL_CONTINUE;
}

SHELL_COMMAND(11, at_command) = {
	"at", 1, 1, "at VA",
	"AT S1E1R and AT S1E1W (PAR_EL1 decoded), compared with walk", cmd_at,
};

/* The API's decision, and what it wrote. */
static void print_decision(const char *op, int rc, const struct xlat_ctx *x,
			   const struct xlat_stats *before)
{
	struct xlat_stats after = xlat_get_stats(x);

	if (rc) {
		printf("%s: refused: %s (%d): %s\n", op, xlat_errname(rc), rc, xlat_strerror(rc));
		return;
	}
	printf("%s: ok: %llu descriptors written, %llu entries invalidated, table pages +%llu "
	       "-%llu (", op, U(after.descs_written - before->descs_written),
	       U(after.entries_invalidated - before->entries_invalidated),
	       U(after.tables_taken - before->tables_taken),
	       U(after.tables_freed - before->tables_freed));
	print_xlat_pool(x);
	printf(")\n");
}

static int cmd_map(const struct shell_env *env, unsigned argc, char **argv)
{
	struct xlat_stats before = xlat_get_stats(env->xlat);
	struct pte_attrs attrs;
	uint64_t va, pa, size;
	char name[24];

	(void)argc;
	if (!shell_va(argv[1], &va) || !shell_number("PA", argv[2], &pa) ||
	    !shell_size(argv[3], &size) || !shell_attrs(argv[4], &attrs, name, sizeof(name)))
		return SHELL_CONTINUE;
	print_decision("map", xlat_map(env->xlat, va, pa, size, &attrs), env->xlat, &before);
	return SHELL_CONTINUE;
}

SHELL_COMMAND(12, map_command) = {
	"map", 4, 4, "map VA PA SIZE ATTRS",
	"xlat_map on the final map", cmd_map,
};

/* The boot's own mapping [va, va + size) touches (maps.c's final regions:
 * the image with its text, vectors, stack and data, the linear map the
 * allocator runs on, the console, the DTB, the live tables, the stacks),
 * or NULL. Changing one of those would pull the floor from under the
 * monitor itself: unmap and protect refuse them. */
static const char *own_mapping(const struct shell_env *env, uint64_t va, uint64_t size)
{
	struct mem_region r[MAX_FINAL_REGIONS];
	int n = maps_final_regions(env->layout, env->syms, r);

	for (int i = 0; i < n; i++) {
		unsigned copies = r[i].count > 1 ? r[i].count : 1;

		for (unsigned c = 0; c < copies; c++) {
			uint64_t start = r[i].virt + c * r[i].virt_stride;

			if (va < start + r[i].size && start < va + size)
				return r[i].name;
		}
	}
	return NULL;
}

static bool refuse_own(const struct shell_env *env, const char *op, uint64_t va, uint64_t size)
{
	const char *own = own_mapping(env, va, size);

	if (own)
		printf("%s: refused: " HEX16 "-" HEX16 " overlaps the boot's own '%s' mapping (what "
		       "the monitor runs on; only what map or demand made may be changed)\n", op,
		       U(va), U(va + size), own);
	return own != NULL;
}

static int cmd_unmap(const struct shell_env *env, unsigned argc, char **argv)
{
	struct xlat_stats before = xlat_get_stats(env->xlat);
	uint64_t va, size;
	int rc;

	(void)argc;
	if (!shell_va(argv[1], &va) || !shell_size(argv[2], &size) ||
	    refuse_own(env, "unmap", va, size))
		return SHELL_CONTINUE;
	rc = xlat_unmap(env->xlat, va, size);
	print_decision("unmap", rc, env->xlat, &before);
	if (!rc) {
		unsigned n = demand_unmapped(va, size);

		if (n)
			printf("unmap: %u demand page%s given back to the allocator\n", n,
			       n == 1 ? "" : "s");
	}
	return SHELL_CONTINUE;
}

SHELL_COMMAND(13, unmap_command) = {
	"unmap", 2, 2, "unmap VA SIZE",
	"xlat_unmap (demand pages go back to the allocator)", cmd_unmap,
};

static int cmd_protect(const struct shell_env *env, unsigned argc, char **argv)
{
	struct xlat_stats before = xlat_get_stats(env->xlat);
	struct pte_attrs attrs;
	uint64_t va, size;
	char name[24];

	(void)argc;
	if (!shell_va(argv[1], &va) || !shell_size(argv[2], &size) ||
	    !shell_attrs(argv[3], &attrs, name, sizeof(name)))
		return SHELL_CONTINUE;
	/* What the API refuses anyway (W^X) it names itself. */
	if (!xlat_attrs_wx(&attrs) && refuse_own(env, "protect", va, size))
		return SHELL_CONTINUE;
	print_decision("protect", xlat_protect(env->xlat, va, size, &attrs), env->xlat, &before);
	return SHELL_CONTINUE;
}

SHELL_COMMAND(14, protect_command) = {
	"protect", 3, 3, "protect VA SIZE ATTRS",
	"xlat_protect: new attributes, same PAs", cmd_protect,
};

static int cmd_dump(const struct shell_env *env, unsigned argc, char **argv)
{
	int first = 0, last = 1;

	if (argc == 2) {
		if (!strcmp(argv[1], "ttbr0"))
			last = 0;
		else if (!strcmp(argv[1], "ttbr1"))
			first = 1;
		else {
			shell_error("dump takes ttbr0 or ttbr1, not '%s'", argv[1]);
			return SHELL_CONTINUE;
		}
	}
	for (int ttbr = first; ttbr <= last; ttbr++) {
		int n;

		printf("TTBR%d (va range, pa, size, level, attributes):\n", ttbr);
		n = print_half(env->walk, ttbr);
		if (n >= 0)
			printf("  %d range%s\n", n, n == 1 ? "" : "s");
	}
	return SHELL_CONTINUE;
}

SHELL_COMMAND(17, dump_command) = {
	"dump", 0, 1, "dump [ttbr0|ttbr1]",
	"every mapping, merged into ranges", cmd_dump,
};

/* TTBRn_EL1 (D17.2.136/137): ASID [63:48], BADDR [47:1] (with a 52-bit
 * address, BADDR[51:48] in [5:2]: mmu/vabits.h), CnP bit 0. */
static void print_ttbr(int n, uint64_t v)
{
	printf("TTBR%d_EL1 " HEX16 ": ASID 0x%llx, table pa " HEX16 ", CnP %llu\n", n, U(v),
	       U(v >> 48), U(ttbr_to_phys(v)), U(v & 1));
}

static int cmd_regs(const struct shell_env *env, unsigned argc, char **argv)
{
	(void)env, (void)argc, (void)argv;
	print_mmu_regs();
	print_ttbr(0, read_sysreg(ttbr0_el1));
	print_ttbr(1, read_sysreg(ttbr1_el1));
	return SHELL_CONTINUE;
}

SHELL_COMMAND(18, regs_command) = {
	"regs", 0, 0, "regs",
	"SCTLR_EL1, TCR_EL1, MAIR_EL1, TTBR0/1_EL1 decoded", cmd_regs,
};

static int cmd_tlbi(const struct shell_env *env, unsigned argc, char **argv)
{
	uint64_t va;

	(void)env;
	if (argc == 1) {
		flush_tlb_all();
		printf("tlbi vmalle1is: done (every EL1&0 entry, inner shareable)\n");
		return SHELL_CONTINUE;
	}
	if (!shell_va(argv[1], &va))
		return SHELL_CONTINUE;
	flush_tlb_kernel_range(va, PAGE_SIZE);
	printf("tlbi vaae1is " HEX16 ": done (that page, any ASID, inner shareable)\n", U(va));
	return SHELL_CONTINUE;
}

SHELL_COMMAND(20, tlbi_command) = {
	"tlbi", 0, 1, "tlbi [VA]",
	"TLBI VAAE1IS for VA's page, or VMALLE1IS", cmd_tlbi,
};
