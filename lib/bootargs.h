/*
 * bootargs.h - the stub's own options on a kernel-style command line.
 *
 * Owns: the option tables (struct bootarg_option) and bootargs_parse(),
 * used on /chosen/bootargs from the DTB. Every word "stub.<key>[=value]"
 * is the stub's: a known key is parsed strictly, anything else is named.
 * Every other word is Linux's and is skipped without a word. Pure and
 * host-testable; it runs with the MMU on (the tables hold pointers).
 */
#ifndef BOOTARGS_H
#define BOOTARGS_H

#include <stdbool.h>
#include <stddef.h>

enum bootarg_type {
	/* "key" alone or key=1|yes|on|true: 1; key=0|no|off|false: 0 */
	BOOTARG_FLAG_BOOL,
	/* key=one of choices (NULL-terminated): its index */
	BOOTARG_CHOICE,
};

struct bootarg_option {
	const char *key;                 /* with its "stub." prefix; NULL ends a table */
	enum bootarg_type type;
	const char *const *choices;      /* BOOTARG_CHOICE only */
	int *out;                        /* left alone unless a good value is given */
};

/*
 * Walks every word of cmdline (separated by spaces, tabs or newlines; a
 * double-quoted part does not end a word, as in Linux's parser) and, for
 * each word starting with "stub.", looks its key (up to the first '=') up
 * in tables[0..ntables-1], each an array ended by a NULL key. Spellings are
 * exact (lowercase); a value may itself hold '=' (it is then malformed for
 * every type here). Each problem is said as one line (no newline) through
 * say(line, cookie):
 *   - a malformed value: "stub: stub.faults=maybe is malformed (allowed:
 *     stub.faults, stub.faults=1|0|yes|no|on|off|true|false): ignored";
 *     the option keeps the value it had (its default);
 *   - an unknown key: "stub: ignoring unknown option stub.xyz";
 *   - a key given more than once: the last word wins (it alone is parsed,
 *     as when U-Boot appends to bootargs) and each earlier one is named:
 *     "stub: stub.report=summary is overridden by a later stub.report".
 * A NULL or empty cmdline has no words. Returns the number of lines said.
 */
int bootargs_parse(const char *cmdline, const struct bootarg_option *const *tables,
		   unsigned ntables, void (*say)(const char *msg_line, void *cookie), void *cookie);

/* One of Linux's own words (not the stub's): the first word whose key (up
 * to '=') is `key` exactly, as Linux's early parameters take it (earlycon:
 * the first one registers). *value points into cmdline after the '=',
 * *len its length (the word's end), *has_value false for the bare word;
 * *later the number of further words with that key. False if none. */
bool bootargs_find(const char *cmdline, const char *key, const char **value, size_t *len,
		   bool *has_value, unsigned *later);

#endif /* BOOTARGS_H */
