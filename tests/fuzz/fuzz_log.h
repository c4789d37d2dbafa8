/*
 * fuzz_log.h - a harness's record of the calls it made, and how it stops.
 *
 * Owns: the operation log each libFuzzer harness keeps for the current
 * input (logf_, oplog_reset) and die(), which prints that log and the
 * problem found, then traps so libFuzzer saves the input. Define FUZZ_NAME
 * (the harness's name, a string) before including it.
 */
#ifndef FUZZ_LOG_H
#define FUZZ_LOG_H

#include <stdarg.h>
#include <stdio.h>

#ifndef FUZZ_NAME
#error "define FUZZ_NAME before including fuzz_log.h"
#endif

static char oplog[32768];
static size_t oplog_len;

static void oplog_reset(void)
{
	oplog_len = 0;
	oplog[0] = '\0';
}

__attribute__((format(printf, 1, 2)))
static void logf_(const char *fmt, ...)
{
	va_list ap;

	if (oplog_len >= sizeof(oplog) - 1)
		return;
	va_start(ap, fmt);
	oplog_len += (size_t)vsnprintf(oplog + oplog_len, sizeof(oplog) - oplog_len, fmt, ap);
	va_end(ap);
	if (oplog_len > sizeof(oplog) - 1)
		oplog_len = sizeof(oplog) - 1;
}

__attribute__((format(printf, 1, 2), noreturn))
static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "\n==== " FUZZ_NAME ": mismatch ====\n%s", oplog);
	if (oplog_len && oplog[oplog_len - 1] != '\n')
		fprintf(stderr, "  <- during this call\n");
	fprintf(stderr, "---- problem:\n");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	fflush(stderr);
	__builtin_trap();
}

#endif /* FUZZ_LOG_H */
