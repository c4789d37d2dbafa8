/*
 * unit.h - included first by every host unit test: cmocka and its
 * prerequisites, and the setup each test binary's main() does.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* Line-buffered stdout: when a sanitizer aborts a binary, the result lines
 * printed so far still reach run.sh, which counts them. */
static inline void unit_init(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
}

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif /* UNIT_H */
