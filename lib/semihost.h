/*
 * semihost.h - the Arm semihosting calls the stub makes (Arm "Semihosting
 * for AArch32 and AArch64", version 2.0).
 *
 * Owns: the operation numbers and the exit reason the stub uses, and
 * semihost_call() (lib/semihost.S: HLT #0xF000) with the label of its trap
 * instruction. Without a debugger or QEMU -semihosting the HLT is
 * UNDEFINED: start/traps.c recognises the label and resumes after it with
 * x0 = SEMIHOST_ABSENT. Shared by assembly and C; safe with the MMU off.
 */
#ifndef SEMIHOST_H
#define SEMIHOST_H

#define SEMIHOSTING_SYS_WRITEC        0x03
#define SEMIHOSTING_SYS_WRITE0        0x04
#define SEMIHOSTING_SYS_EXIT_EXTENDED 0x20
#define ADP_Stopped_ApplicationExit   0x20026

#ifndef __ASSEMBLER__
#include <stdint.h>

#define SEMIHOST_ABSENT ((uint64_t)-2)
uint64_t semihost_call(uint64_t op, uint64_t param);
/* The HLT of semihost_call (a code label, not a linker symbol). */
extern char semihost_trap[];
#endif

#endif /* SEMIHOST_H */
