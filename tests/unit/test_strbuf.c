/*
 * test_strbuf.c - host unit tests of lib/strbuf.c, the one line builder.
 *
 * Owns: every appender on a buffer with room (strings, at most n
 * characters, a character, hex with and without leading zeros, decimal)
 * and on every size too small for the line, from 0 (nothing written) up:
 * the line is always what snprintf would have made of it, cut short, and
 * never a byte past the buffer (the canaries after it).
 */
#include <stdio.h>
#include <string.h>
#include "unit.h"
#include "strbuf.h"

#define CANARY 0x5a

/* A line built into size bytes of a larger buffer, its canaries checked. */
typedef void (*build_fn)(struct strbuf *sb);

static void build_checked(build_fn build, size_t size, char *out, size_t out_len)
{
	char mem[80];
	struct strbuf sb;

	memset(mem, CANARY, sizeof(mem));
	strbuf_init(&sb, mem, size);
	build(&sb);
	for (size_t i = size; i < sizeof(mem); i++)
		assert_int_equal((unsigned char)mem[i], CANARY);
	if (size == 0) {
		assert_int_equal(sb.len, 0);
		snprintf(out, out_len, "%s", "");
		return;
	}
	assert_int_equal(strlen(mem), sb.len);
	snprintf(out, out_len, "%s", mem);
}

/* The line at every size from 0 to its length + 2 is snprintf's cut. */
static void expect_line(build_fn build, const char *want)
{
	char got[80], cut[80];

	for (size_t size = 0; size <= strlen(want) + 2; size++) {
		build_checked(build, size, got, sizeof(got));
		if (size)
			snprintf(cut, size, "%s", want);
		else
			cut[0] = '\0';
		assert_string_equal(got, cut);
	}
}

static void line_words(struct strbuf *sb)
{
	strbuf_str(sb, "pa ");
	strbuf_strn(sb, "abcdef", 3);
	strbuf_char(sb, ' ');
	strbuf_strn(sb, "xy\0z", 4);          /* stops at the NUL */
}

static void line_hex(struct strbuf *sb)
{
	strbuf_hex(sb, 0);
	strbuf_char(sb, ' ');
	strbuf_hex(sb, 0xf);
	strbuf_char(sb, ' ');
	strbuf_hex(sb, 0x10);
	strbuf_char(sb, ' ');
	strbuf_hex(sb, 0x8000000000000000ULL);
	strbuf_char(sb, ' ');
	strbuf_hex(sb, UINT64_MAX);
}

static void line_hex_width(struct strbuf *sb)
{
	strbuf_hex_width(sb, 0x1234, 8);
	strbuf_char(sb, '|');
	strbuf_hex_width(sb, 0xfedcba9876543210ULL, 16);
	strbuf_char(sb, '|');
	strbuf_hex_width(sb, 0xabc, 2);       /* the low digits */
	strbuf_char(sb, '|');
	strbuf_hex_width(sb, 0xabc, 0);
}

static void line_dec(struct strbuf *sb)
{
	strbuf_dec(sb, 0);
	strbuf_char(sb, ' ');
	strbuf_dec(sb, 42);
	strbuf_char(sb, ' ');
	strbuf_dec(sb, UINT64_MAX);
}

static void test_words(void **state)
{
	(void)state;
	expect_line(line_words, "pa abc xy");
}

static void test_hex(void **state)
{
	(void)state;
	expect_line(line_hex, "0x0 0xf 0x10 0x8000000000000000 0xffffffffffffffff");
}

static void test_hex_width(void **state)
{
	(void)state;
	expect_line(line_hex_width, "00001234|fedcba9876543210|bc|");
}

static void test_dec(void **state)
{
	(void)state;
	expect_line(line_dec, "0 42 18446744073709551615");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_hex_width),
		cmocka_unit_test(test_dec),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
