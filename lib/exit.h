/*
 * exit.h - how the stub ends, and its exit statuses.
 *
 * Owns: the distinct failure statuses (what the test suite and a user see
 * as QEMU's exit code under -semihosting) and stub_exit(), which tries
 * semihosting, then PSCI SYSTEM_OFF, then parks with a message.
 */
#ifndef EXIT_H
#define EXIT_H

#define EXIT_OK              0
#define EXIT_CHECKS_FAILED   1   /* a translation check disagreed */
#define EXIT_EXCEPTION       2   /* an unexpected exception was taken */
#define EXIT_UNSUPPORTED_CPU 3   /* e.g. no 4 KiB granule */
#define EXIT_BAD_LOAD        4   /* load address or RAM the map cannot cover */
/* 5 was "early table area too small": the early tables are fixed now. */
#define EXIT_FINAL_MAP       6   /* a map could not be built */
#define EXIT_BAD_DTB         7   /* the DTB the loader passed is unusable */
#define EXIT_PSCI_NO_FIRMWARE 8  /* a PSCI call trapped: nothing behind the conduit */

/* Semihosting operations and the exit reason (Arm semihosting spec 2.0). */
#define SEMIHOSTING_SYS_WRITEC        0x03
#define SEMIHOSTING_SYS_WRITE0        0x04
#define SEMIHOSTING_SYS_EXIT_EXTENDED 0x20
#define ADP_Stopped_ApplicationExit   0x20026

#include "psci.h"

#ifndef __ASSEMBLER__
#include <stdint.h>

/* Set once the DTB has been read (kernel_main); NONE until then. */
void exit_set_psci_conduit(enum psci_conduit conduit);
enum psci_conduit exit_psci_conduit(void);

__attribute__((noreturn)) void stub_exit(int status);

/* Semihosting call (lib/semihost.S): returns SEMIHOST_ABSENT when QEMU runs
 * without -semihosting (the HLT traps as undefined; traps.c fixes it up). */
#define SEMIHOST_ABSENT ((uint64_t)-2)
uint64_t semihost_call(uint64_t op, uint64_t param);
extern char semihost_trap[];
#endif

#endif /* EXIT_H */
