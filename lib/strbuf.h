/*
 * strbuf.h - a line built from literals and numbers into a fixed buffer,
 * with no library: safe at the load address and with the MMU off.
 *
 * Owns: struct strbuf (a caller's buffer, always NUL-terminated, never
 * written past its size: what does not fit is dropped, as snprintf cuts)
 * and its appenders. The one line builder of the house: the UEFI entry's
 * ConOut lines (start/efi/efi.c), the ACPI reader's refusals
 * (lib/acpi/problem.c), the CPU plan's lines (start/cpu_plan.c), the
 * syndrome's text (mmu/esr.c), a walk's steps and a descriptor's
 * attributes in the full report (mmu/walk.c, mmu/desc.c: written once a
 * probe or a table level, where printf cost ten times as much), the result
 * record's and the console's hex (lib/result.c, lib/console.c).
 */
#ifndef STRBUF_H
#define STRBUF_H

#include <stddef.h>
#include <stdint.h>

struct strbuf {
	char *buf;
	size_t size;            /* bytes of buf, the NUL included; 0: nothing written */
	size_t len;             /* characters written */
};

/* An empty line over buf[size] (size 0: buf is never written). */
void strbuf_init(struct strbuf *sb, char *buf, size_t size);
void strbuf_char(struct strbuf *sb, char c);
void strbuf_str(struct strbuf *sb, const char *s);
/* At most n characters of s (a field that need not end in a NUL). */
void strbuf_strn(struct strbuf *sb, const char *s, size_t n);
void strbuf_hex(struct strbuf *sb, uint64_t v);    /* "0x" and lowercase, no padding */
/* The low `width` hex digits of v (width <= 16), leading zeros kept, no
 * "0x" (printf's %0Nllx). */
void strbuf_hex_width(struct strbuf *sb, uint64_t v, unsigned width);
void strbuf_dec(struct strbuf *sb, uint64_t v);

#endif /* STRBUF_H */
