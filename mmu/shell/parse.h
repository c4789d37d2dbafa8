/*
 * parse.h - the monitor's input words: numbers, attributes, tokens.
 *
 * Owns: splitting a line into words, numbers in C syntax (0x hex, leading
 * 0 octal, decimal; no sign, no suffix, no overflow), and the ATTRS word
 * of map/protect/demand (rw, ro, x, dev, nc joined by commas) as the
 * runtime API's struct pte_attrs. Pure: host-testable.
 */
#ifndef PARSE_H
#define PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "desc.h"

#define SHELL_MAX_WORDS 8

/* Splits line in place at spaces and tabs; returns the number of words
 * (at most max; *more set when there were more). */
unsigned shell_split(char *line, char *word[], unsigned max, bool *more);

/* true and *out for a whole word that is a C number below 2^64. */
bool shell_parse_u64(const char *s, uint64_t *out);

/* true, *out and the canonical name ("rw", "ro,x", "rw,dev") for an ATTRS
 * word: comma-separated rw | ro (access, default rw), x (executable at
 * EL1: PXN clear), dev (Device-nGnRnE) | nc (Normal non-cacheable),
 * each at most once. Never EL0-accessible, never executable at EL0; AF
 * set; Normal memory inner shareable. false on anything else (then *why
 * names the word). */
bool shell_parse_attrs(const char *s, struct pte_attrs *out, char *name, size_t name_len,
		       const char **why);

#endif /* PARSE_H */
