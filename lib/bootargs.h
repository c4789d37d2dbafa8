/*
 * bootargs.h - read "key=value" words from a kernel-style command line.
 *
 * Owns: bootargs_get(), used on /chosen/bootargs from the DTB. Pure and
 * safe with the MMU off (no library calls, no absolute pointers).
 */
#ifndef BOOTARGS_H
#define BOOTARGS_H

#include <stdbool.h>
#include <stddef.h>

/* Copies the value of the first word "key=value" or "key" (a flag: empty
 * value) in cmdline (words are separated by spaces or tabs) into val
 * (always terminated, truncated to len - 1). Returns false, with val empty,
 * when key is absent. */
bool bootargs_get(const char *cmdline, const char *key, char *val, size_t len);

#endif /* BOOTARGS_H */
