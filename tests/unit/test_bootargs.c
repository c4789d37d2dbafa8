/*
 * test_bootargs.c - host unit tests of lib/bootargs.c.
 *
 * Owns: bootargs_get on the command lines QEMU -append and U-Boot's
 * bootargs produce: first match wins, whole words only, values truncated
 * to the buffer, absent keys.
 */
#include "unit.h"
#include "bootargs.h"

static void test_finds_value(void **state)
{
	char v[32];

	(void)state;
	assert_true(bootargs_get("stub.test=fault", "stub.test", v, sizeof(v)));
	assert_string_equal(v, "fault");
	assert_true(bootargs_get("  console=ttyAMA0\tstub.test=corrupt-desc  quiet", "stub.test",
				 v, sizeof(v)));
	assert_string_equal(v, "corrupt-desc");
	assert_true(bootargs_get("a=1 stub.test=x stub.test=y", "stub.test", v, sizeof(v)));
	assert_string_equal(v, "x");
	assert_true(bootargs_get("stub.test=", "stub.test", v, sizeof(v)));
	assert_string_equal(v, "");
}

static void test_whole_words_only(void **state)
{
	char v[32] = "junk";

	(void)state;
	assert_false(bootargs_get("xstub.test=fault", "stub.test", v, sizeof(v)));
	assert_string_equal(v, "");
	assert_false(bootargs_get("stub.tester=fault", "stub.test", v, sizeof(v)));
	assert_false(bootargs_get("stub.testx", "stub.test", v, sizeof(v)));
	assert_false(bootargs_get("", "stub.test", v, sizeof(v)));
	assert_false(bootargs_get(NULL, "stub.test", v, sizeof(v)));
	assert_true(bootargs_get("stub.testx=1 stub.test=2", "stub.test", v, sizeof(v)));
	assert_string_equal(v, "2");
}

static void test_flags(void **state)
{
	char v[8] = "junk";

	(void)state;
	assert_true(bootargs_get("stub.faults", "stub.faults", v, sizeof(v)));
	assert_string_equal(v, "");
	assert_true(bootargs_get("quiet stub.faults\tx=1", "stub.faults", v, sizeof(v)));
	assert_string_equal(v, "");
	assert_false(bootargs_get("stub.faultsx", "stub.faults", v, sizeof(v)));
}

static void test_truncates(void **state)
{
	char v[4];

	(void)state;
	assert_true(bootargs_get("k=abcdefgh", "k", v, sizeof(v)));
	assert_string_equal(v, "abc");
	assert_true(bootargs_get("k=ab", "k", v, 1));
	assert_string_equal(v, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_finds_value),
		cmocka_unit_test(test_whole_words_only),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_truncates),
	};

	unit_init();
	return cmocka_run_group_tests_name("bootargs", tests, NULL, NULL);
}
