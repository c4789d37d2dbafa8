/*
 * test_bootargs.c - host unit tests of lib/bootargs.c.
 *
 * Owns: bootargs_parse on the command lines QEMU -append and U-Boot's
 * bootargs produce: every boolean spelling, choices, malformed values and
 * unknown stub.* keys named (one line each, the option left alone), words
 * meant for the stub in another case or quoted named, an unbalanced quote
 * named, other words skipped, blanks and quotes, keys that share a prefix, the last of
 * a repeated key winning, and several tables.
 */
#include "unit.h"
#include "bootargs.h"

/* What say() was told. */
static struct {
	int n;
	char line[8][300];
} said;

static void record(const char *line, void *cookie)
{
	assert_ptr_equal(cookie, &said);
	assert_true(said.n < (int)ARRAY_LEN(said.line));
	snprintf(said.line[said.n++], sizeof(said.line[0]), "%s", line);
}

static const char *const report_sizes[] = { "summary", "full", NULL };
static const char *const test_modes[] = { "none", "fault", "fault-early", NULL };
static int report, faults, mode;

static const struct bootarg_option product[] = {
	{ "stub.report", BOOTARG_CHOICE, report_sizes, &report },
	{ NULL, BOOTARG_FLAG_BOOL, NULL, NULL },
};
static const struct bootarg_option test_build[] = {
	{ "stub.test", BOOTARG_CHOICE, test_modes, &mode },
	{ "stub.faults", BOOTARG_FLAG_BOOL, NULL, &faults },
	{ NULL, BOOTARG_FLAG_BOOL, NULL, NULL },
};
static const struct bootarg_option *const both[] = { product, test_build };

/* Parse with both tables from the defaults report 0, faults -1, mode 0. */
static int parse(const char *cmdline)
{
	report = 0;
	faults = -1;
	mode = 0;
	memset(&said, 0, sizeof(said));
	return bootargs_parse(cmdline, both, ARRAY_LEN(both), record, &said);
}

static void test_bool_spellings(void **state)
{
	static const char *const on[] = { "stub.faults", "stub.faults=1", "stub.faults=yes",
					  "stub.faults=on", "stub.faults=true" };
	static const char *const off[] = { "stub.faults=0", "stub.faults=no", "stub.faults=off",
					   "stub.faults=false" };

	(void)state;
	for (unsigned i = 0; i < ARRAY_LEN(on); i++) {
		assert_int_equal(parse(on[i]), 0);
		assert_int_equal(faults, 1);
	}
	for (unsigned i = 0; i < ARRAY_LEN(off); i++) {
		assert_int_equal(parse(off[i]), 0);
		assert_int_equal(faults, 0);
	}
}

static void test_bool_malformed(void **state)
{
	static const char *const bad[] = { "stub.faults=maybe", "stub.faults=", "stub.faults=Yes",
					   "stub.faults=10", "stub.faults=on=1" };

	(void)state;
	assert_int_equal(parse("stub.faults=maybe"), 1);
	assert_int_equal(faults, -1);              /* the default stands */
	assert_string_equal(said.line[0], "stub: stub.faults=maybe is malformed (allowed: "
			    "stub.faults, stub.faults=1|0|yes|no|on|off|true|false): ignored");
	for (unsigned i = 0; i < ARRAY_LEN(bad); i++) {
		assert_int_equal(parse(bad[i]), 1);
		assert_int_equal(faults, -1);
		assert_non_null(strstr(said.line[0], bad[i]));
	}
}

static void test_choices(void **state)
{
	(void)state;
	assert_int_equal(parse("stub.report=full"), 0);
	assert_int_equal(report, 1);
	assert_int_equal(parse("stub.report=summary"), 0);
	assert_int_equal(report, 0);
	assert_int_equal(parse("stub.test=fault-early stub.report=full"), 0);
	assert_int_equal(mode, 2);
	assert_int_equal(report, 1);

	assert_int_equal(parse("stub.report=big"), 1);
	assert_int_equal(report, 0);
	assert_string_equal(said.line[0], "stub: stub.report=big is malformed (allowed: "
			    "stub.report=summary|full): ignored");
	/* A choice needs its value; the exact spelling only. */
	assert_int_equal(parse("stub.report"), 1);
	assert_int_equal(parse("stub.report="), 1);
	assert_int_equal(parse("stub.report=FULL"), 1);
	assert_int_equal(parse("stub.report=ful"), 1);
	assert_int_equal(parse("stub.report=fullx"), 1);
	assert_int_equal(report, 0);
}

static void test_unknown_named(void **state)
{
	(void)state;
	assert_int_equal(parse("stub.xyz"), 1);
	assert_string_equal(said.line[0], "stub: ignoring unknown option stub.xyz");
	assert_int_equal(parse("stub.xyz=3 stub.report=full stub.=1"), 2);
	assert_string_equal(said.line[0], "stub: ignoring unknown option stub.xyz");
	assert_string_equal(said.line[1], "stub: ignoring unknown option stub.");
	assert_int_equal(report, 1);

	/* Without the test build's table, its options are unknown (the product). */
	memset(&said, 0, sizeof(said));
	faults = -1;
	{
		const struct bootarg_option *const only_product[] = { product };

		assert_int_equal(bootargs_parse("stub.faults stub.test=fault", only_product, 1,
						record, &said), 2);
	}
	assert_string_equal(said.line[0], "stub: ignoring unknown option stub.faults");
	assert_string_equal(said.line[1], "stub: ignoring unknown option stub.test");
	assert_int_equal(faults, -1);
}

static void test_other_words_skipped(void **state)
{
	(void)state;
	assert_int_equal(parse("console=ttyAMA0 earlycon root=/dev/vda rw quiet"), 0);
	assert_int_equal(parse("xstub.report=full stub stubreport=full \"stub\" STUB"), 0);
	assert_int_equal(report, 0);
	assert_int_equal(said.n, 0);
}

/* Words meant for the stub but not in its syntax (another case, quoted)
 * are named and never obeyed. */
static void test_look_alikes_named(void **state)
{
	(void)state;
	assert_int_equal(parse("Stub.report=full STUB.FAULTS \"stub.faults\" stub.faults=0"), 3);
	assert_int_equal(report, 0);
	assert_int_equal(faults, 0);
	assert_string_equal(said.line[0], "stub: ignoring Stub.report=full: the stub's options are "
			    "lower case and unquoted (stub.KEY[=VALUE])");
	assert_string_equal(said.line[1], "stub: ignoring STUB.FAULTS: the stub's options are "
			    "lower case and unquoted (stub.KEY[=VALUE])");
	assert_string_equal(said.line[2], "stub: ignoring \"stub.faults\": the stub's options are "
			    "lower case and unquoted (stub.KEY[=VALUE])");
}

/* A quote never closed makes the rest one word: named, as such. */
static void test_unbalanced_quote_named(void **state)
{
	(void)state;
	assert_int_equal(parse("stub.report=full dyndbg=\"file x.c stub.faults"), 1);
	assert_int_equal(report, 1);
	assert_int_equal(faults, -1);
	assert_string_equal(said.line[0], "stub: unbalanced quote: dyndbg=\"file x.c stub.faults runs "
			    "to the end of the command line, one word (as Linux reads it)");
	/* A known key in another case: named with the key it resembles. */
	assert_int_equal(parse("stub.FAULTS"), 1);
	assert_int_equal(faults, -1);
	assert_string_equal(said.line[0], "stub: ignoring stub.FAULTS: the stub's options are lower "
			    "case (stub.faults)");
	/* An unbalanced stub word: named twice, for the quote and the syntax. */
	assert_int_equal(parse("\"stub.faults"), 2);
	assert_int_equal(faults, -1);
}

static void test_empty(void **state)
{
	(void)state;
	assert_int_equal(parse(NULL), 0);
	assert_int_equal(parse(""), 0);
	assert_int_equal(parse(" \t\n "), 0);
	assert_int_equal(faults, -1);
	assert_int_equal(bootargs_parse("stub.faults", NULL, 0, NULL, NULL), 1);   /* no say */
}

static void test_blanks(void **state)
{
	(void)state;
	assert_int_equal(parse("  quiet\t\tstub.report=full   \tstub.faults=off\n"), 0);
	assert_int_equal(report, 1);
	assert_int_equal(faults, 0);
	assert_int_equal(parse("\tstub.faults"), 0);
	assert_int_equal(faults, 1);
}

static void test_quotes(void **state)
{
	(void)state;
	/* A quoted part of someone else's word does not end it. */
	assert_int_equal(parse("dyndbg=\"file x.c stub.faults\" stub.report=full"), 0);
	assert_int_equal(faults, -1);
	assert_int_equal(report, 1);
	/* Values are not unquoted: strict. */
	assert_int_equal(parse("stub.report=\"full\""), 1);
	assert_int_equal(report, 0);
}

static void test_value_with_equals(void **state)
{
	(void)state;
	assert_int_equal(parse("stub.test=fault=1"), 1);
	assert_int_equal(mode, 0);
	assert_string_equal(said.line[0], "stub: stub.test=fault=1 is malformed (allowed: "
			    "stub.test=none|fault|fault-early): ignored");
	assert_int_equal(parse("stub.xyz=a=b"), 1);
	assert_string_equal(said.line[0], "stub: ignoring unknown option stub.xyz");
}

static void test_key_prefixes(void **state)
{
	(void)state;
	assert_int_equal(parse("stub.reportx=full"), 1);
	assert_int_equal(report, 0);
	assert_string_equal(said.line[0], "stub: ignoring unknown option stub.reportx");
	assert_int_equal(parse("stub.repor=full stub.faultsx"), 2);
	assert_int_equal(faults, -1);
	/* A longer key later does not count as the same key given again. */
	assert_int_equal(parse("stub.report=full stub.reportx=summary"), 1);
	assert_int_equal(report, 1);
}

static void test_last_wins(void **state)
{
	(void)state;
	assert_int_equal(parse("stub.report=full stub.report=summary"), 1);
	assert_int_equal(report, 0);
	assert_string_equal(said.line[0],
			    "stub: stub.report=full is overridden by a later stub.report");
	assert_int_equal(parse("stub.faults=1 quiet stub.faults=0 stub.faults"), 2);
	assert_int_equal(faults, 1);
	/* The last is the one parsed: malformed, the default stands. */
	assert_int_equal(parse("stub.report=full stub.report=huge"), 2);
	assert_int_equal(report, 0);
	/* An earlier malformed one is only overridden. */
	assert_int_equal(parse("stub.report=huge stub.report=full"), 1);
	assert_int_equal(report, 1);
	assert_non_null(strstr(said.line[0], "overridden"));
}

static void test_long_word_cut(void **state)
{
	char cmdline[400] = "stub.";

	(void)state;
	memset(cmdline + 5, 'k', 300);
	assert_int_equal(parse(cmdline), 1);
	assert_true(strlen(said.line[0]) < 120);
	assert_non_null(strstr(said.line[0], "kkk..."));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bool_spellings),
		cmocka_unit_test(test_bool_malformed),
		cmocka_unit_test(test_choices),
		cmocka_unit_test(test_unknown_named),
		cmocka_unit_test(test_other_words_skipped),
		cmocka_unit_test(test_look_alikes_named),
		cmocka_unit_test(test_unbalanced_quote_named),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_blanks),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_value_with_equals),
		cmocka_unit_test(test_key_prefixes),
		cmocka_unit_test(test_last_wins),
		cmocka_unit_test(test_long_word_cut),
	};

	unit_init();
	return cmocka_run_group_tests_name("bootargs", tests, NULL, NULL);
}
