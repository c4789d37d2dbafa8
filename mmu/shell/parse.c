/*
 * parse.c - the monitor's input words (see parse.h).
 */
#include <stdio.h>
#include <string.h>
#include "parse.h"

unsigned shell_split(char *line, char *word[], unsigned max, bool *more)
{
	unsigned n = 0;
	char *p = line;

	*more = false;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			return n;
		if (n == max) {
			*more = true;
			return n;
		}
		word[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

bool shell_parse_u64(const char *s, uint64_t *out)
{
	unsigned base = 10;
	uint64_t v = 0;

	if (!*s)
		return false;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		if (!*s)
			return false;          /* "0x" alone */
	} else if (s[0] == '0' && s[1]) {
		base = 8;
		s++;
	}
	for (; *s; s++) {
		int d = digit_value(*s);

		if (d >= (int)base)
			return false;
		if (v > (UINT64_MAX - (uint64_t)d) / base)
			return false;          /* 2^64 or more */
		v = v * base + (uint64_t)d;
	}
	*out = v;
	return true;
}

bool shell_parse_attrs(const char *s, struct pte_attrs *out, char *name, size_t name_len,
		       const char **why)
{
	bool ro = false, rw = false, x = false, dev = false, nc = false;
	char word[16];

	*why = s;
	if (!*s)
		return false;
	while (*s) {
		size_t n = strcspn(s, ",");
		bool *flag;

		if (n == 0 || n >= sizeof(word))
			return false;
		memcpy(word, s, n);
		word[n] = '\0';
		if (!strcmp(word, "ro"))
			flag = &ro;
		else if (!strcmp(word, "rw"))
			flag = &rw;
		else if (!strcmp(word, "x"))
			flag = &x;
		else if (!strcmp(word, "dev"))
			flag = &dev;
		else if (!strcmp(word, "nc"))
			flag = &nc;
		else
			return false;
		if (*flag)
			return false;              /* twice */
		*flag = true;
		s += n;
		if (*s == ',' && !*++s)
			return false;              /* trailing comma */
	}
	if ((ro && rw) || (dev && nc))
		return false;
	*out = (struct pte_attrs){
		.attrindx = dev ? MT_DEVICE_nGnRnE : nc ? MT_NORMAL_NC : MT_NORMAL,
		.sh = dev ? 0 : 3,
		.rdonly = ro,
		.af = true,
		.pxn = !x,
		.uxn = true,
	};
	snprintf(name, name_len, "%s%s%s%s", ro ? "ro" : "rw", x ? ",x" : "", dev ? ",dev" : "",
		 nc ? ",nc" : "");
	return true;
}
