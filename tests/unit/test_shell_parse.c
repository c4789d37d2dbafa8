/*
 * test_shell_parse.c - host unit tests of mmu/shell/parse.c.
 *
 * Owns: the monitor's words: splitting a line, numbers in C syntax (and
 * what is not one), and ATTRS as struct pte_attrs.
 */
#include "unit.h"
#include "parse.h"

static void test_split(void **state)
{
	char line[] = "  map\t0x1  2 ", many[] = "a b c d e f g h i";
	char *w[SHELL_MAX_WORDS];
	bool more;

	(void)state;
	assert_int_equal(shell_split(line, w, SHELL_MAX_WORDS, &more), 3);
	assert_false(more);
	assert_string_equal(w[0], "map");
	assert_string_equal(w[1], "0x1");
	assert_string_equal(w[2], "2");
	assert_int_equal(shell_split(many, w, SHELL_MAX_WORDS, &more), SHELL_MAX_WORDS);
	assert_true(more);
}

static void test_numbers(void **state)
{
	uint64_t v;

	(void)state;
	assert_true(shell_parse_u64("0x1f", &v));
	assert_int_equal(v, 31);
	assert_true(shell_parse_u64("0X1F", &v));
	assert_int_equal(v, 31);
	assert_true(shell_parse_u64("31", &v));
	assert_int_equal(v, 31);
	assert_true(shell_parse_u64("037", &v));
	assert_int_equal(v, 31);
	assert_true(shell_parse_u64("0", &v));
	assert_int_equal(v, 0);
	assert_true(shell_parse_u64("0xffffffffffffffff", &v));
	assert_true(v == UINT64_MAX);
	assert_true(shell_parse_u64("18446744073709551615", &v));
	assert_true(v == UINT64_MAX);
	assert_false(shell_parse_u64("18446744073709551616", &v));
	assert_false(shell_parse_u64("0x10000000000000000", &v));
	assert_false(shell_parse_u64("", &v));
	assert_false(shell_parse_u64("0x", &v));
	assert_false(shell_parse_u64("-1", &v));
	assert_false(shell_parse_u64("+1", &v));
	assert_false(shell_parse_u64("09", &v));
	assert_false(shell_parse_u64("12k", &v));
	assert_false(shell_parse_u64("0xg", &v));
}

static void test_attrs(void **state)
{
	struct pte_attrs a;
	char name[24];
	const char *why;

	(void)state;
	assert_true(shell_parse_attrs("rw", &a, name, sizeof(name), &why));
	assert_string_equal(name, "rw");
	assert_true(a.attrindx == MT_NORMAL && a.sh == 3 && !a.rdonly && a.af && a.pxn && a.uxn &&
		    !a.user);
	assert_true(shell_parse_attrs("x,ro", &a, name, sizeof(name), &why));
	assert_string_equal(name, "ro,x");
	assert_true(a.rdonly && !a.pxn && a.uxn);
	assert_true(shell_parse_attrs("dev", &a, name, sizeof(name), &why));
	assert_string_equal(name, "rw,dev");
	assert_true(a.attrindx == MT_DEVICE_nGnRnE && a.sh == 0 && a.pxn);
	assert_true(shell_parse_attrs("ro,nc", &a, name, sizeof(name), &why));
	assert_true(a.attrindx == MT_NORMAL_NC && a.rdonly);
	/* rw,x parses: refusing it is the runtime API's decision (XLAT_EWX). */
	assert_true(shell_parse_attrs("rw,x", &a, name, sizeof(name), &why));
	assert_true(!a.rdonly && !a.pxn);
	assert_false(shell_parse_attrs("", &a, name, sizeof(name), &why));
	assert_false(shell_parse_attrs("rwx", &a, name, sizeof(name), &why));
	assert_false(shell_parse_attrs("ro,rw", &a, name, sizeof(name), &why));
	assert_false(shell_parse_attrs("dev,nc", &a, name, sizeof(name), &why));
	assert_false(shell_parse_attrs("x,x", &a, name, sizeof(name), &why));
	assert_false(shell_parse_attrs("rw,", &a, name, sizeof(name), &why));
	assert_false(shell_parse_attrs(",rw", &a, name, sizeof(name), &why));
	assert_false(shell_parse_attrs("rw,,x", &a, name, sizeof(name), &why));
	assert_false(shell_parse_attrs("aaaaaaaaaaaaaaaaaaaaaaaa", &a, name, sizeof(name), &why));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_attrs),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
