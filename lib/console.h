/*
 * console.h - text output that works before and after the MMU is on.
 *
 * Owns: the console's UART base (physical, then virtual) and a tiny
 * formatter (strings, hex, decimal) with no library and no absolute
 * pointers, safe with the MMU off. After the MMU is on, picolibc's printf
 * writes here too (libc_glue.c).
 */
#ifndef CONSOLE_H
#define CONSOLE_H

#include <stdint.h>

void console_init(uintptr_t uart_base);
void console_putc(char c);
void console_puts(const char *s);
void console_put_hex(uint64_t v);   /* "0x" and lowercase hex, no padding */
void console_put_dec(uint64_t v);
void console_flush(void);

#endif /* CONSOLE_H */
