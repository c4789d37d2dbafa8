/*
 * demand_demo.h - stub.demand: demand paging shown without typing.
 *
 * Owns: the scripted demonstration kernel_main runs after its checks when
 * the boot arguments hold stub.demand (mmu/shell/demand_demo.c).
 */
#ifndef DEMAND_DEMO_H
#define DEMAND_DEMO_H

#include "pgalloc.h"
#include "xlat.h"

#define DEMAND_DEMO_PAGES 16

/* Prints its steps and "demand-demo: N passed, M failed"; returns M. */
int demand_demo_run(struct xlat_ctx *xlat, struct pgalloc_ctx *pages);

#endif /* DEMAND_DEMO_H */
