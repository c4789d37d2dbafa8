/*
 * text.h - building a line in a buffer without the library's formatter.
 *
 * Owns: struct text (a buffer, its size and what is written so far,
 * always NUL-terminated and cut short as snprintf cuts), appending a
 * string, a number in decimal or in hex after "0x", and the hex digits of
 * a fixed width (printf's %0Nllx). Inline and pure, so usable with the MMU
 * off: the syndrome decoder's text (esr.c), and the lines of the full
 * report written once a probe or a table level (walk.c, desc.c), where
 * the formatter cost ten times as much. Host-tested through them
 * (test_esr.c, test_walk.c, test_desc.c).
 */
#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>
#include <stdint.h>

struct text {
	char *buf;
	size_t len, pos;         /* pos < len always: room for the NUL */
};

/* An empty text in buf[0 .. len); len 0: nothing is ever written. */
static inline struct text text_start(char *buf, size_t len)
{
	if (len)
		buf[0] = '\0';
	return (struct text){ buf, len, 0 };
}

static inline void text_char(struct text *t, char c)
{
	if (t->pos + 1 < t->len) {
		t->buf[t->pos++] = c;
		t->buf[t->pos] = '\0';
	}
}

static inline void text_str(struct text *t, const char *s)
{
	if (!t->len)
		return;
	while (*s && t->pos + 1 < t->len)
		t->buf[t->pos++] = *s++;
	t->buf[t->pos] = '\0';
}

/* The low `width` hex digits of v (width <= 16), leading zeros kept. */
static inline void text_hex_width(struct text *t, uint64_t v, unsigned width)
{
	while (width--)
		text_char(t, "0123456789abcdef"[(v >> (4 * width)) & 0xf]);
}

/* v in hex ("0x" and lowercase digits, no padding) or decimal. */
static inline void text_num(struct text *t, uint64_t v, unsigned base)
{
	char digits[24];
	int n = 0;

	if (base == 16)
		text_str(t, "0x");
	do {
		unsigned d = (unsigned)(v % base);

		digits[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
		v /= base;
	} while (v);
	while (n)
		text_char(t, digits[--n]);
}

#endif /* TEXT_H */
