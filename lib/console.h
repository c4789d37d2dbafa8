/*
 * console.h - text input and output that work before and after the MMU is
 * on, on whichever UART the DTB names.
 *
 * Owns: the console's port (a copy of the one given: driver kind, base
 * physical then virtual, register layout, clock), whether it is usable,
 * and a tiny formatter (strings, hex, decimal) with no library and no
 * absolute pointers, safe with the MMU off. Output before a console is
 * set up (or after console_init refused one, or after its UART stopped
 * answering: never a wait without end) goes to semihosting, if there is
 * any (QEMU -semihosting, a debugger), else it is dropped. After the MMU
 * is on, picolibc's printf writes here too (libc_glue.c).
 */
#ifndef CONSOLE_H
#define CONSOLE_H

#include <stdbool.h>
#include <stdint.h>
#include "uart/uart.h"

/* Copies *port and sets its UART up (uart_init). NULL when the console is
 * ready; otherwise why not (a literal), and the console drops output until
 * a later console_init succeeds. Call again with the virtual base once
 * the MMU is on. */
const char *console_init(const struct uart_port *port);
bool console_ready(void);
/* The port in use (the console's own copy), or NULL if none is ready. */
const struct uart_port *console_port(void);

void console_putc(char c);          /* '\n' goes out as "\r\n" */
void console_puts(const char *s);
/* n bytes of s, as console_puts: a line at a time to the UART. */
void console_write(const char *s, size_t n);
void console_put_hex(uint64_t v);   /* "0x" and lowercase hex, no padding */
void console_put_dec(uint64_t v);
void console_flush(void);
/* A UART that stopped answering (UART_WAIT_MS: lib/uart/wait.h) was
 * dropped: named once through the fallback, output goes there since. */
bool console_dropped(void);
/* A received byte (0..255), or -1 when nothing arrived or no console;
 * never waits. */
int console_getc(void);

#endif /* CONSOLE_H */
