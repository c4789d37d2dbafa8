/*
 * lineedit.c - one edited line from the console (see lineedit.h).
 */
#include <stdbool.h>
#include "console.h"
#include "lineedit.h"

#define CH_BS   0x08
#define CH_DEL  0x7f

static bool last_was_cr;     /* a LF right after a CR ends nothing */

static int next_byte(void)
{
	int c;

	while ((c = console_getc()) < 0)
		;
	return c;
}

int lineedit_read(char *buf, size_t len)
{
	size_t n = 0;
	bool overflow = false;

	for (;;) {
		int c = next_byte();
		bool was_cr = last_was_cr;

		last_was_cr = c == '\r';
		if (c == '\n' && was_cr)
			continue;
		if (c == '\r' || c == '\n') {
			console_putc('\n');
			buf[n] = '\0';
			return overflow ? -1 : (int)n;
		}
		if (c == CH_BS || c == CH_DEL) {
			if (n > 0 && !overflow) {
				n--;
				console_puts("\b \b");
			}
			continue;
		}
		if (c < 0x20 || c > 0x7e)
			continue;
		if (n + 1 >= len) {
			overflow = true;       /* keep reading to the end of the line */
			continue;
		}
		if (!overflow) {
			buf[n++] = (char)c;
			console_putc((char)c);
		}
	}
}
