/*
 * result.h - the boot's result record: what a debugger or a JTAG probe
 * reads when nothing could be printed.
 *
 * Owns: the layout of struct boot_result (version 1), which lives at
 * RESULT_OFFSET from the image's first byte (its load address; link.ld
 * puts it in the header page, start/head.S holds the headers before it),
 * and its writers. The image file carries the magic, the version and the
 * size, every other field zero (state RESULT_NOT_RUN), so a reader can
 * tell "never ran" from "ran and ended". The boot fills it as it goes and
 * stub_exit() ends it (state, status) and cleans it to the point of
 * coherency, so that a probe reading memory sees it with the caches on.
 * Little-endian, fixed offsets (docs/debugging.md): gdb's `stub result`
 * reads it by symbol, a probe by address. Safe with the MMU off (byte
 * loops, PC-relative only): the refusals write it too.
 */
#ifndef RESULT_H
#define RESULT_H

#define RESULT_OFFSET   0x800               /* from the image's first byte */
#define RESULT_MAGIC    0x5345522d42555453  /* "STUB-RES", little-endian */
#define RESULT_VERSION  1
#define RESULT_SIZE     256

/* state */
#define RESULT_NOT_RUN  0   /* as in the file: the stub never got this far */
#define RESULT_RUNNING  1   /* kernel_main began (the MMU is on) */
#define RESULT_ENDED    2   /* stub_exit ran: status is the exit status */

/* output: where the report went */
#define RESULT_OUT_NONE        0   /* nothing yet */
#define RESULT_OUT_UART        1
#define RESULT_OUT_SEMIHOSTING 2
#define RESULT_OUT_SILENT      3   /* no UART and no semihosting: this record only */

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>

struct boot_result {
	uint64_t magic;            /* 0x00 RESULT_MAGIC */
	uint32_t version;          /* 0x08 RESULT_VERSION */
	uint32_t size;             /* 0x0c RESULT_SIZE */
	uint32_t state;            /* 0x10 RESULT_NOT_RUN / RUNNING / ENDED */
	int32_t status;            /* 0x14 the exit status (lib/exit.h) once ENDED */
	uint32_t checks_passed;    /* 0x18 the mmu: line's totals */
	uint32_t checks_failed;    /* 0x1c */
	uint32_t output;           /* 0x20 RESULT_OUT_* */
	uint32_t entry_el;         /* 0x24 the exception level the stub was entered at */
	uint64_t console_pa;       /* 0x28 the console UART's registers (0: none) */
	uint32_t cpus_online;      /* 0x30 */
	uint32_t reserved;         /* 0x34 */
	char console[40];          /* 0x38 its driver, "pl011", ("" none), NUL-terminated */
	char console_rule[32];     /* 0x60 what chose it: "stdout-path" */
	char message[128];         /* 0x80 the first fatal line, NUL-terminated */
};
_Static_assert(sizeof(struct boot_result) == RESULT_SIZE, "the record's documented size");

/* The record (link.ld: at _text + RESULT_OFFSET; a plain object on the
 * host). */
extern struct boot_result boot_result;

void result_begin(unsigned entry_el);
void result_console(const char *driver, uint64_t pa, const char *rule);
void result_output(uint32_t output);
void result_checks(unsigned passed, unsigned failed);
void result_cpus(unsigned online);
/* The first fatal line, built in parts: result_fatal_begin() returns
 * false when one is already recorded (the first is the cause), and the
 * parts are then dropped. */
bool result_fatal_begin(void);
void result_fatal_add(const char *s);
void result_fatal_add_hex(uint64_t v);
/* State ENDED with the status; cleaned to the point of coherency when
 * the data cache is on. */
void result_end(int status);

#endif

#endif /* RESULT_H */
