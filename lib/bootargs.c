/*
 * bootargs.c - "key=value" words of a command line (see bootargs.h).
 */
#include "bootargs.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

bool bootargs_get(const char *cmdline, const char *key, char *val, size_t len)
{
	const char *p = cmdline;

	if (len)
		val[0] = '\0';
	while (p && *p) {
		const char *k = key;
		const char *w;

		while (is_space(*p))
			p++;
		w = p;
		while (*k && *w == *k) {
			w++;
			k++;
		}
		if (!*k && (*w == '\0' || is_space(*w)))
			return true;                 /* a flag: empty value */
		if (!*k && *w == '=') {
			size_t n = 0;

			for (w++; *w && !is_space(*w) && n + 1 < len; w++)
				val[n++] = *w;
			if (len)
				val[n] = '\0';
			return true;
		}
		while (*p && !is_space(*p))
			p++;
	}
	return false;
}
