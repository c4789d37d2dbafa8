/*
 * args.h - the monitor's argument checks, shared by every command.
 *
 * Owns: the one error line ("error: ..."), and the checks of a number, a
 * VA (in one of the halves), a size (a non-zero multiple of the page) and
 * an ATTRS word; each prints its error line and returns false on bad
 * input. The words themselves are parsed by parse.c (pure).
 */
#ifndef ARGS_H
#define ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "desc.h"

void shell_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
bool shell_number(const char *what, const char *s, uint64_t *out);
/* A VA in one of the halves (va_ttbr >= 0). */
bool shell_va(const char *s, uint64_t *out);
/* A size: a non-zero multiple of the page. */
bool shell_size(const char *s, uint64_t *out);
bool shell_attrs(const char *s, struct pte_attrs *out, char *name, size_t name_len);

#endif /* ARGS_H */
