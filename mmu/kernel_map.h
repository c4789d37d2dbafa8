/*
 * kernel_map.h - the final kernel map: build it, install it (target only).
 */
#ifndef KERNEL_MAP_H
#define KERNEL_MAP_H

#include "memmap.h"
#include "xlat.h"

/* Builds the final TTBR1 map from memmap_final_regions() with the runtime
 * API in a fresh root (final_pg_dir) and pool (final_pg_pool), through the
 * linear map. Returns XLAT_OK or the first error (printed with its region). */
int kernel_map_build(struct xlat_ctx *ctx, const struct boot_layout *l,
		     const struct image_symbols *s, unsigned pa_bits);
/* Switches TTBR1 to it (from the identity map), then closes TTBR0
 * (TCR_EL1.EPD0) and sets SCTLR_EL1.WXN, each followed by TLB maintenance. */
void kernel_map_install(const struct xlat_ctx *ctx, const struct boot_layout *l);

#endif /* KERNEL_MAP_H */
