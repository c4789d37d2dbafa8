/*
 * console.c - early-safe console output (see console.h).
 */
#include "console.h"
#include "uart.h"

static uintptr_t console_base;

void console_init(uintptr_t uart_base)
{
	console_base = uart_base;
	uart_init(uart_base);
}

void console_putc(char c)
{
	if (!console_base)
		return;
	if (c == '\n')
		uart_putc(console_base, '\r');
	uart_putc(console_base, c);
}

void console_puts(const char *s)
{
	while (*s)
		console_putc(*s++);
}

void console_put_hex(uint64_t v)
{
	int shift = 60;

	console_puts("0x");
	while (shift > 0 && ((v >> shift) & 0xf) == 0)
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		console_putc("0123456789abcdef"[(v >> shift) & 0xf]);
}

void console_put_dec(uint64_t v)
{
	char buf[21];
	int i = 20;

	buf[i] = '\0';
	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	console_puts(&buf[i]);
}

void console_flush(void)
{
	if (console_base)
		uart_flush(console_base);
}
