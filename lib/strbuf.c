/*
 * strbuf.c - the fixed-buffer line builder (see strbuf.h). Byte loops
 * only: the compiler is given nothing it could turn into memcpy.
 */
#include "strbuf.h"

void strbuf_init(struct strbuf *sb, char *buf, size_t size)
{
	sb->buf = buf;
	sb->size = size;
	sb->len = 0;
	buf[0] = '\0';
}

static void put(struct strbuf *sb, char c)
{
	if (sb->len + 1 >= sb->size)
		return;
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

/* put's work for a whole string: the terminator written once. */
void strbuf_strn(struct strbuf *sb, const char *s, size_t n)
{
	size_t len = sb->len;

	for (size_t i = 0; i < n && s[i] && len + 1 < sb->size; i++)
		sb->buf[len++] = s[i];
	sb->buf[len] = '\0';
	sb->len = len;
}

void strbuf_str(struct strbuf *sb, const char *s)
{
	strbuf_strn(sb, s, (size_t)-1);
}

void strbuf_hex(struct strbuf *sb, uint64_t v)
{
	int shift = 60;

	put(sb, '0');
	put(sb, 'x');
	while (shift > 0 && !((v >> shift) & 0xf))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		put(sb, "0123456789abcdef"[(v >> shift) & 0xf]);
}

void strbuf_dec(struct strbuf *sb, uint64_t v)
{
	char digits[20];
	int n = 0;

	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		put(sb, digits[--n]);
}
