/*
 * board_ops.c - finding the board's operations by the DTB (board_ops.h).
 */
#include <libfdt.h>
#include <stddef.h>
#include "board_ops.h"

const struct board_ops *board_ops_find(const void *fdt)
{
	if (!fdt)
		return NULL;
	for (const struct board_ops *const *b = __board_ops_start; b < __board_ops_end; b++)
		for (const char *const *c = (*b)->compatible; *c; c++)
			if (fdt_node_check_compatible(fdt, 0, *c) == 0)
				return *b;
	return NULL;
}
