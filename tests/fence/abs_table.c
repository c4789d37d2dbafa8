/*
 * abs_table.c - a deliberate breach of the MMU-off fence: a table of
 * pointers (each an R_AARCH64_ABS64 to a link address). tests/fence/run.sh
 * adds it to the MMU-off set of a copy of the tree and expects the build
 * to refuse it. Never built into the product.
 */
static const char *const names[] = { "early", "refusal" };

const char *fence_abs_name(unsigned i)
{
	return names[i & 1];
}
