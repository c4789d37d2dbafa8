/*
 * libc_glue.c - what picolibc and libfdt need from a bare-metal program.
 *
 * Owns: picolibc's stdin/stdout/stderr (onto the console), printf and
 * vprintf and puts (a line handed to the console whole, not a character
 * at a time through the stream: GCC makes every printf("%s\n", s) a
 * puts), its TLS pointer
 * (errno lives in TLS), and the stack protector symbols libfdt is built with.
 * printf and friends are usable only after libc_init(), which runs with the
 * MMU on: the FILE pointers are absolute (link) addresses.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include "console.h"
#include "exit.h"
#include "result.h"
#include "sections.h"

static int console_stream_putc(char c, FILE *f)
{
	(void)f;
	console_putc(c);
	return (unsigned char)c;
}

static FILE console_stream = FDEV_SETUP_STREAM(console_stream_putc, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdin = &console_stream;
FILE *const stdout = &console_stream;
FILE *const stderr = &console_stream;


/* Formatted into a buffer on the stack, then written whole: picolibc's
 * stream puts each character through a call chain to the UART. Longer
 * output (rare: a report line is below 160 bytes) goes the stream's way.
 * The buffer is small enough for the exception report on the 4 KiB
 * overflow stack (start/vectors.S). */
#define PRINTF_BUF 192

int vprintf(const char *fmt, va_list ap)
{
	char buf[PRINTF_BUF];
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	if (n >= 0 && (size_t)n < sizeof(buf))
		console_write(buf, (size_t)n);
	else
		n = vfprintf(stdout, fmt, again);
	va_end(again);
	return n;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

/* picolibc's puts goes through the stream's put function byte by byte. */
int puts(const char *s)
{
	console_puts(s);
	console_putc('\n');
	return 0;
}

void libc_init(void)
{
	/* AArch64 local-exec TLS: variables sit at TPIDR_EL0 + 16 (the TCB)
	 * + offset; link.ld makes __tls_base the one thread's block. */
	__asm__ volatile("msr tpidr_el0, %0" : : "r"((uintptr_t)__tls_base - 16));
}

/* libfdt (Debian's build) uses -fstack-protector. */
uintptr_t __stack_chk_guard = 0x5a17c0de5a17c0deULL;

void __stack_chk_fail(void)
{
	console_puts("\nstub: FATAL: stack smashing detected\n");
	if (result_fatal_begin())
		result_fatal_add("stack smashing detected");
	stub_exit(EXIT_EXCEPTION);
}
