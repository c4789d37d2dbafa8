/*
 * shell_cmds.h - what the monitor's command files share (start/shell*.c).
 *
 * Owns: the handler signature, the handlers each file defines, and the
 * output conventions: a value is printed as 0x and 16 hex digits (HEX16);
 * bad input is one line starting "error: " and changes nothing.
 */
#ifndef SHELL_CMDS_H
#define SHELL_CMDS_H

#include <stdbool.h>
#include <stdint.h>
#include "shell.h"
#include "shell_parse.h"

#define HEX16 "0x%016llx"
#define U(v) ((unsigned long long)(v))

/* argv[0] is the command; argc >= 1. */
typedef void (*shell_cmd_fn)(const struct shell_env *env, unsigned argc, char **argv);

/* shell.c: the shared argument checks; each prints its error line and
 * returns false. */
void shell_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
bool shell_number(const char *what, const char *s, uint64_t *out);
/* A VA in one of the halves (va_ttbr >= 0). */
bool shell_va(const char *s, uint64_t *out);
/* A size: a non-zero multiple of the page. */
bool shell_size(const char *s, uint64_t *out);
bool shell_attrs(const char *s, struct pte_attrs *out, char *name, size_t name_len);

/* shell_tables.c: the translation tables. */
void shell_cmd_walk(const struct shell_env *env, unsigned argc, char **argv);
void shell_cmd_at(const struct shell_env *env, unsigned argc, char **argv);
void shell_cmd_map(const struct shell_env *env, unsigned argc, char **argv);
void shell_cmd_unmap(const struct shell_env *env, unsigned argc, char **argv);
void shell_cmd_protect(const struct shell_env *env, unsigned argc, char **argv);
void shell_cmd_dump(const struct shell_env *env, unsigned argc, char **argv);
void shell_cmd_regs(const struct shell_env *env, unsigned argc, char **argv);
void shell_cmd_tlbi(const struct shell_env *env, unsigned argc, char **argv);

/* shell_memory.c: memory through the live map, the allocator, demand paging. */
void shell_cmd_read(const struct shell_env *env, unsigned argc, char **argv);
void shell_cmd_write(const struct shell_env *env, unsigned argc, char **argv);
void shell_cmd_mem(const struct shell_env *env, unsigned argc, char **argv);
void shell_cmd_demand(const struct shell_env *env, unsigned argc, char **argv);

#endif /* SHELL_CMDS_H */
