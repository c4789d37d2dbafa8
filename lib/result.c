/*
 * result.c - the boot's result record and its writers (see result.h).
 */
#include "cache.h"
#include "result.h"
#include "strbuf.h"

#ifdef HOST_BUILD
#define RESULT_SECTION
#else
#define RESULT_SECTION __attribute__((section(".head.result"), used, aligned(64)))
#endif

/* In the image file: the magic, version and size; the rest zeros. */
struct boot_result boot_result RESULT_SECTION = {
	.magic = RESULT_MAGIC, .version = RESULT_VERSION, .size = RESULT_SIZE,
};

static bool fatal_recording;     /* the parts go to the first fatal line */
static unsigned fatal_len;

/* Bounded string copy, NUL-terminated; byte by byte (no library call:
 * this runs with the MMU off too). */
static void copy_string(char *dst, unsigned size, const char *src)
{
	unsigned i = 0;

	for (; src && src[i] && i + 1 < size; i++)
		dst[i] = src[i];
	dst[i] = '\0';
}

void result_begin(unsigned entry_el)
{
	boot_result.state = RESULT_RUNNING;
	boot_result.entry_el = entry_el;
}

void result_console(const char *driver, uint64_t pa, const char *rule)
{
	copy_string(boot_result.console, sizeof(boot_result.console), driver);
	copy_string(boot_result.console_rule, sizeof(boot_result.console_rule), rule);
	boot_result.console_pa = pa;
}

void result_output(uint32_t output)
{
	boot_result.output = output;
}

void result_checks(unsigned passed, unsigned failed)
{
	boot_result.checks_passed = passed;
	boot_result.checks_failed = failed;
}

void result_cpus(unsigned online)
{
	boot_result.cpus_online = online;
}

bool result_fatal_begin(void)
{
	fatal_recording = boot_result.message[0] == '\0';
	fatal_len = 0;
	return fatal_recording;
}

void result_fatal_add(const char *s)
{
	char *m = boot_result.message;

	if (!fatal_recording)
		return;
	for (; s && *s && fatal_len + 1 < sizeof(boot_result.message); s++)
		m[fatal_len++] = *s == '\n' ? ' ' : *s;
	m[fatal_len] = '\0';
}

void result_fatal_add_hex(uint64_t v)
{
	char digits[19];
	struct strbuf sb;

	strbuf_init(&sb, digits, sizeof(digits));
	strbuf_hex(&sb, v);
	result_fatal_add(digits);
}

void result_end(int status)
{
	boot_result.status = status;
	boot_result.state = RESULT_ENDED;
	fatal_recording = false;
#ifndef HOST_BUILD
	uint64_t sctlr;

	/* Caches on (SCTLR_EL1.C, bit 2): a probe reads memory, not them. */
	__asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
	if (sctlr & (1u << 2))
		dcache_clean_poc((uintptr_t)&boot_result, (uintptr_t)(&boot_result + 1));
#endif
}
