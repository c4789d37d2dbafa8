/*
 * probes.h - the VAs the checks translate.
 *
 * Owns: the probe list of a boot: named VAs at the edges of every region
 * of both maps (the image's sections, the stacks and their guard pages,
 * the windows, the linear map's first, middle and last pages, each
 * range's start and the holes between them) and VAs that must fault in
 * both (past the linear map and the image, the identity's other
 * entries, between the halves, the null page). Computed from the boot's
 * facts (mmu/maps.h) alone. Pure: host-testable.
 */
#ifndef PROBES_H
#define PROBES_H

#include <stdint.h>
#include "maps.h"

struct probe {
	char name[24];
	uint64_t va;
};

#define MAX_PROBES 40
/* Fills probes[] (at most MAX_PROBES); returns how many. */
int probes_build(const struct boot_layout *l, const struct image_symbols *s,
		  struct probe probes[MAX_PROBES]);

#endif /* PROBES_H */
