/*
 * strbuf.h - a line built from literals and numbers into a fixed buffer,
 * with no library: safe at the load address and with the MMU off.
 *
 * Owns: struct strbuf (a caller's buffer, always NUL-terminated, never
 * written past its size: what does not fit is dropped) and its appenders.
 * The UEFI entry builds its ConOut lines with it (start/efi/efi.c), the
 * ACPI reader its refusals (lib/acpi/problem.c).
 */
#ifndef STRBUF_H
#define STRBUF_H

#include <stddef.h>
#include <stdint.h>

struct strbuf {
	char *buf;
	size_t size;            /* bytes of buf, the NUL included; > 0 */
	size_t len;             /* characters written */
};

/* An empty line over buf[size]. */
void strbuf_init(struct strbuf *sb, char *buf, size_t size);
void strbuf_str(struct strbuf *sb, const char *s);
/* At most n characters of s (a field that need not end in a NUL). */
void strbuf_strn(struct strbuf *sb, const char *s, size_t n);
void strbuf_hex(struct strbuf *sb, uint64_t v);    /* "0x" and lowercase, no padding */
void strbuf_dec(struct strbuf *sb, uint64_t v);

#endif /* STRBUF_H */
