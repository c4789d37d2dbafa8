/*
 * board_ops.c - finding the board's operations by what the DTB reader
 * learned: the root node's compatible list (board_ops.h).
 */
#include <stddef.h>
#include "board_ops.h"

const struct board_ops *board_ops_find(const struct machine *m)
{
	for (const struct board_ops *const *b = __board_ops_start; b < __board_ops_end; b++)
		for (const char *const *c = (*b)->compatible; *c; c++)
			if (machine_is_compatible(m, *c))
				return *b;
	return NULL;
}
