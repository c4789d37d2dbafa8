/*
 * test_geometry_refused.c - a geometry Linux arm64 does not allow is a
 * build error that lists the allowed ones.
 *
 * Owns: compiling mmu/pgtable-hwdef.h with combinations outside the list
 * (and each one inside it) on the host compiler, and asking the Makefile
 * (make -n) for an unsupported PAGE_SIZE/VA_BITS. Runs from the
 * repository root, as unit.mk runs every test.
 */
#include "unit.h"

#ifndef UNIT_HOSTCC
#define UNIT_HOSTCC "gcc"
#endif

/* Runs cmd with stderr into stdout; returns its exit status and, in out,
 * the start of what it printed. */
static int run(const char *cmd, char *out, size_t len)
{
	char full[512];
	FILE *p;
	size_t n;
	int rc;

	snprintf(full, sizeof(full), "%s 2>&1", cmd);
	p = popen(full, "r");
	assert_non_null(p);
	n = fread(out, 1, len - 1, p);
	out[n] = '\0';
	while (fgetc(p) != EOF)
		;
	rc = pclose(p);
	return WIFEXITED(rc) ? WEXITSTATUS(rc) : 255;
}

static int compile_header(unsigned page_shift, unsigned va_bits, char *out, size_t len)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd),
		 UNIT_HOSTCC " -fsyntax-only -DPAGE_SHIFT=%u -DVA_BITS=%u -x c mmu/pgtable-hwdef.h",
		 page_shift, va_bits);
	return run(cmd, out, len);
}

static void test_header_refuses(void **state)
{
	static const unsigned bad[][2] = {
		{ 12, 36 }, { 12, 42 }, { 12, 47 }, { 12, 51 }, { 12, 53 }, { 14, 39 }, { 14, 42 },
		{ 14, 51 }, { 16, 39 }, { 16, 47 }, { 13, 39 }, { 16, 53 }, { 13, 52 },
	};
	char out[4096];

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		assert_int_not_equal(compile_header(bad[i][0], bad[i][1], out, sizeof(out)), 0);
		assert_non_null(strstr(out, "unsupported geometry"));
		assert_non_null(strstr(out, "4K VA_BITS=39|48|52; 16K 36|47|48|52; 64K 42|48|52"));
	}
}

static void test_header_accepts(void **state)
{
	static const unsigned good[][2] = {
		{ 12, 39 }, { 12, 48 }, { 12, 52 }, { 14, 36 }, { 14, 47 }, { 14, 48 }, { 14, 52 },
		{ 16, 42 }, { 16, 48 }, { 16, 52 },
	};
	char out[4096];

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(good); i++)
		assert_int_equal(compile_header(good[i][0], good[i][1], out, sizeof(out)), 0);
}

static void test_makefile_refuses(void **state)
{
	char out[4096];

	(void)state;
	assert_int_not_equal(run("make -n --no-print-directory PAGE_SIZE=4K VA_BITS=42", out,
				 sizeof(out)), 0);
	assert_non_null(strstr(out, "PAGE_SIZE=4K VA_BITS=42 is not a geometry"));
	assert_non_null(strstr(out, "4K-39 4K-48 4K-52 16K-36 16K-47 16K-48 16K-52 64K-42 64K-48 64K-52"));
	assert_int_not_equal(run("make -n --no-print-directory PAGE_SIZE=8K", out, sizeof(out)), 0);
	assert_non_null(strstr(out, "PAGE_SIZE=8K VA_BITS=39 is not a geometry"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_refuses),
		cmocka_unit_test(test_header_accepts),
		cmocka_unit_test(test_makefile_refuses),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
