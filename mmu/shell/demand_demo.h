/*
 * demand_demo.h - stub.demand: demand paging shown without typing.
 *
 * Owns: the scripted demonstration kernel_main runs after its checks when
 * the boot arguments hold stub.demand (mmu/shell/demand_demo.c): a few
 * pages; with stub.demand-exhaust then more level-3 tables than the boot's
 * pool holds, and pages until RAM runs out.
 */
#ifndef DEMAND_DEMO_H
#define DEMAND_DEMO_H

#include <stdbool.h>
#include "pgalloc.h"
#include "xlat.h"

#define DEMAND_DEMO_PAGES 16
/* One page in each of this many 2 MiB slots: as many level-3 tables,
 * more than the pool's BOOT_POOL_PAGES. */
#define DEMAND_DEMO_SPREAD 128

/* Prints its steps and "demand-demo: N passed, M failed"; returns M.
 * exhaust: also tables beyond the pool, and pages until the allocator has
 * none. */
int demand_demo_run(struct xlat_ctx *xlat, struct pgalloc_ctx *pages, bool exhaust);

#endif /* DEMAND_DEMO_H */
