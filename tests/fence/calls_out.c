/*
 * calls_out.c - a deliberate breach of the MMU-off fence: a call to a
 * function outside the set (kernel_map_early_init runs at the link
 * address). tests/fence/run.sh adds it to the MMU-off set of a copy of the
 * tree and expects the build to refuse it. Never built into the product.
 */
#include <stdint.h>

int kernel_map_early_init(void *ctx, const void *layout, unsigned pa_bits);

int fence_calls_out(void)
{
	return kernel_map_early_init((void *)0, (const void *)0, 48);
}
