/*
 * args.c - the monitor's argument checks (see args.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include "args.h"
#include "command.h"
#include "memory.h"
#include "parse.h"
#include "walk.h"

void shell_error(const char *fmt, ...)
{
	va_list ap;

	printf("error: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

bool shell_number(const char *what, const char *s, uint64_t *out)
{
	if (shell_parse_u64(s, out))
		return true;
	shell_error("%s '%s' is not a number (C syntax: 0x1f, 31, 037; below 2^64)", what, s);
	return false;
}

bool shell_va(const char *s, uint64_t *out)
{
	if (!shell_number("VA", s, out))
		return false;
	if (va_ttbr(*out) >= 0)
		return true;
	shell_error("VA " HEX16 " is in neither half (TTBR0 below " HEX16 ", TTBR1 from " HEX16 ")",
		    U(*out), U(IDMAP_VA_LIMIT), U(VA_START));
	return false;
}

bool shell_size(const char *s, uint64_t *out)
{
	if (!shell_number("SIZE", s, out))
		return false;
	if (*out && !(*out & (PAGE_SIZE - 1)))
		return true;
	shell_error("SIZE " HEX16 " is not a multiple of the page (0x%llx)", U(*out), U(PAGE_SIZE));
	return false;
}

bool shell_attrs(const char *s, struct pte_attrs *out, char *name, size_t name_len)
{
	const char *why;

	if (shell_parse_attrs(s, out, name, name_len, &why))
		return true;
	shell_error("ATTRS '%s' not understood (rw or ro, then optional x, dev or nc, joined "
		    "by commas: rw, ro,x, rw,dev)", why);
	return false;
}
