/*
 * console.c - early-safe console input and output (see console.h).
 */
#include "console.h"
#include "result.h"
#include "semihost.h"
#include "strbuf.h"
#include "uart/wait.h"

/* In the bss (cleared before console_init runs, also on the MMU-off
 * refusal path): kind NONE and not ready until set up. */
_Static_assert(UART_WAIT_MS == 200, "UART_WAIT_TEXT says 200 ms");

static struct uart_port console;
static bool ready;
static bool dropped;                 /* a UART stopped answering: named once */
#ifndef HOST_BUILD
static bool no_semihosting;          /* learnt from the first call that failed */
#endif

/* Without a UART (before the DTB named one, or none usable): semihosting
 * SYS_WRITEC, so that QEMU -semihosting and a debugger still see why.
 * Without semihosting the HLT traps and is resumed (traps.c): from then on
 * the output is dropped. */
static void fallback_putc(char c)
{
#ifdef HOST_BUILD
	(void)c;
#else
	if (no_semihosting)
		return;
	if (semihost_call(SEMIHOSTING_SYS_WRITEC, (uint64_t)(uintptr_t)&c) == SEMIHOST_ABSENT) {
		no_semihosting = true;
		result_output(RESULT_OUT_SILENT);
	} else if (boot_result.output != RESULT_OUT_SEMIHOSTING) {
		result_output(RESULT_OUT_SEMIHOSTING);
	}
#endif
}

const char *console_init(const struct uart_port *port)
{
	const char *why;

	ready = false;
	if (!port)
		return "no console port";
	/* Field by field: a struct assignment may become a memcpy call, and
	 * the library's is not safe with the MMU off. */
	console.kind = port->kind;
	console.base = port->base;
	console.reg_shift = port->reg_shift;
	console.io_width = port->io_width;
	console.clock_hz = port->clock_hz;
	console.phys_base = port->phys_base;
	why = uart_init(&console);
	ready = !why;
	if (ready)
		result_output(RESULT_OUT_UART);
	return why;
}

bool console_ready(void)
{
	return ready;
}

const struct uart_port *console_port(void)
{
	return ready ? &console : 0;
}

static void fallback_puts(const char *s)
{
	while (*s)
		fallback_putc(*s++);
}

/* The UART took no byte (or did not drain) within UART_WAIT_MS: it is not
 * the UART the DTB says, or not answering. Named once, through the
 * fallback, and never polled again. */
static void drop_uart(const char *what)
{
	char hex[19];
	struct strbuf sb;

	ready = false;
	dropped = true;
	strbuf_init(&sb, hex, sizeof(hex));
	strbuf_hex(&sb, console.phys_base);
	fallback_puts("\nstub: console: the UART at pa ");
	fallback_puts(hex);
	fallback_puts(what);
	fallback_puts(" within " UART_WAIT_TEXT ": dropped; the rest goes to semihosting\n");
}

void console_putc(char c)
{
	if (!ready) {
		fallback_putc(c);
		return;
	}
	if ((c == '\n' && !uart_putc(&console, '\r')) || !uart_putc(&console, c)) {
		drop_uart(" took no byte");
		fallback_putc(c);
	}
}

void console_write(const char *s, size_t n)
{
	if (!ready) {
		while (n--)
			fallback_putc(*s++);
		return;
	}
	/* Runs between newlines in one uart_write each, every '\n' as "\r\n":
	 * the full report is 18 KB of lines. */
	while (n) {
		size_t run = 0, sent;
		bool newline;

		while (run < n && s[run] != '\n')
			run++;
		newline = run < n;
		sent = uart_write(&console, s, run);
		if (sent == run && newline)
			sent += uart_write(&console, "\r\n", 2) == 2;   /* the '\n' sent */
		if (sent < run + newline) {
			drop_uart(" took no byte");
			while (sent < n)
				fallback_putc(s[sent++]);
			return;
		}
		s += sent;
		n -= sent;
	}
}

void console_puts(const char *s)
{
	size_t n = 0;

	while (s[n])                  /* no strlen: this runs with the MMU off too */
		n++;
	console_write(s, n);
}

void console_put_hex(uint64_t v)
{
	char hex[19];
	struct strbuf sb;

	strbuf_init(&sb, hex, sizeof(hex));
	strbuf_hex(&sb, v);
	console_write(hex, sb.len);
}

void console_put_dec(uint64_t v)
{
	char dec[21];
	struct strbuf sb;

	strbuf_init(&sb, dec, sizeof(dec));
	strbuf_dec(&sb, v);
	console_write(dec, sb.len);
}

void console_flush(void)
{
	if (ready && !uart_flush(&console))
		drop_uart(" did not drain");
}

bool console_dropped(void)
{
	return dropped;
}

int console_getc(void)
{
	return ready ? uart_getc(&console) : -1;
}
