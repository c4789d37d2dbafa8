/*
 * strbuf.c - the fixed-buffer line builder (see strbuf.h). Byte loops
 * only: the compiler is given nothing it could turn into memcpy.
 */
#include <stdbool.h>
#include "strbuf.h"

void strbuf_init(struct strbuf *sb, char *buf, size_t size)
{
	sb->buf = buf;
	sb->size = size;
	sb->len = 0;
	if (size)
		buf[0] = '\0';
}

void strbuf_char(struct strbuf *sb, char c)
{
	if (sb->len + 1 >= sb->size)
		return;
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

/* strbuf_char's work for a whole string: the fields read once (a char
 * store may alias them), the terminator written once. */
void strbuf_strn(struct strbuf *sb, const char *s, size_t n)
{
	char *buf = sb->buf;
	size_t len = sb->len, max;

	if (!sb->size)
		return;
	max = sb->size - 1;
	if (n > max - len)
		n = max - len;
	for (size_t i = 0; i < n && s[i]; i++)
		buf[len++] = s[i];
	buf[len] = '\0';
	sb->len = len;
}

void strbuf_str(struct strbuf *sb, const char *s)
{
	strbuf_strn(sb, s, (size_t)-1);
}

/* The numbers: digits written straight into the buffer, from locals as
 * in strbuf_strn, the terminator once. */
static const char hex_digit[16] = "0123456789abcdef";

/* "0x" when prefix, then the low `width` hex digits of v (width <= 16),
 * as many as fit (the first ones, as snprintf cuts). */
static void put_hex(struct strbuf *sb, uint64_t v, unsigned width, bool prefix)
{
	char *buf = sb->buf;
	size_t len = sb->len, max = sb->size ? sb->size - 1 : 0;   /* len <= max */

	if (prefix && len < max)
		buf[len++] = '0';
	if (prefix && len < max)
		buf[len++] = 'x';
	if (width <= max - len) {       /* the usual case: all of it fits */
		for (unsigned i = width; i--; v >>= 4)
			buf[len + i] = hex_digit[v & 0xf];
		len += width;
	} else {                        /* the first max - len digits */
		while (len < max)
			buf[len++] = hex_digit[(v >> (4 * --width)) & 0xf];
	}
	sb->len = len;
	if (sb->size)
		buf[len] = '\0';
}

void strbuf_hex(struct strbuf *sb, uint64_t v)
{
	/* Digits without leading zeros, one for 0. */
	put_hex(sb, v, (unsigned)(67 - __builtin_clzll(v | 1)) / 4, true);
}

void strbuf_hex_width(struct strbuf *sb, uint64_t v, unsigned width)
{
	put_hex(sb, v, width < 16 ? width : 16, false);
}

void strbuf_dec(struct strbuf *sb, uint64_t v)
{
	char digits[20];
	size_t i = sizeof(digits);

	do {
		digits[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	strbuf_strn(sb, &digits[i], sizeof(digits) - i);
}
