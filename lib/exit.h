/*
 * exit.h - how the stub ends, and its exit statuses.
 *
 * Owns: the distinct failure statuses (what the test suite and a user see
 * as QEMU's exit code under -semihosting) and stub_exit(), which tries
 * semihosting, then PSCI SYSTEM_OFF (lib/psci.h: the conduit the DTB
 * named, once known), then parks with a message.
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
#define EXIT_BAD_IMAGE       9   /* the image is cut short, or not in writable RAM */

#ifndef __ASSEMBLER__
#include <stdint.h>

__attribute__((noreturn)) void stub_exit(int status);

#endif

#endif /* EXIT_H */
