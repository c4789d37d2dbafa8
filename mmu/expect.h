/*
 * expect.h - the oracle: what each VA must translate to under either map.
 *
 * Owns: struct expectation (mapped or not, the region, the PA and the
 * attributes) and the answer for one VA under the early map (whose two
 * halves share their root, so a VA translates as its bits [VA_BITS-1:0]
 * do in either half: memory.h) and under the final map, read from the
 * maps' specification (mmu/maps.c) and never from the tables. The checks
 * (mmu/check.c) judge the hardware and the walk against it. Pure:
 * host-testable.
 */
#ifndef EXPECT_H
#define EXPECT_H

#include <stdbool.h>
#include <stdint.h>
#include "desc.h"
#include "maps.h"

struct expectation {
	bool mapped;
	const char *region;      /* name of the region, or "unmapped" */
	uint64_t pa;             /* when mapped */
	struct pte_attrs attrs;  /* when mapped */
};

/* One map's specification, read once for many VAs (the checks: a probe
 * list a map). NR_REGIONS <= MAX_FINAL_REGIONS. */
struct expect_map {
	struct mem_region region[MAX_FINAL_REGIONS];
	int n;
	bool shared_root;        /* the early map's halves share their root */
	unsigned ttbr0_va_bits;  /* what TTBR0 reaches (the extended identity map's more) */
};
_Static_assert(NR_REGIONS <= MAX_FINAL_REGIONS, "the early map's regions fit");
void expect_map_early(const struct boot_layout *l, struct expect_map *m);
void expect_map_final(const struct boot_layout *l, const struct image_symbols *s,
		      struct expect_map *m);
/* What va must translate to under m. */
void expect_in_map(const struct expect_map *m, uint64_t va, struct expectation *out);

/* The early map (its specification read for this VA alone). */
void expect_early_map(const struct boot_layout *l, uint64_t va, struct expectation *out);

/* The final map (TTBR1 only; TTBR0 walks are disabled), the same way. */
void expect_final_map(const struct boot_layout *l, const struct image_symbols *s,
			 uint64_t va, struct expectation *out);

#endif /* EXPECT_H */
