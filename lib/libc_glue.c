/*
 * libc_glue.c - what picolibc and libfdt need from a bare-metal program.
 *
 * Owns: picolibc's stdin/stdout/stderr (onto the console), puts (a line
 * handed to the console whole, not a character at a time through the
 * stream: GCC makes every printf("%s\n", s) a puts), its TLS pointer
 * (errno lives in TLS), and the stack protector symbols libfdt is built with.
 * printf and friends are usable only after libc_init(), which runs with the
 * MMU on: the FILE pointers are absolute (link) addresses.
 */
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
