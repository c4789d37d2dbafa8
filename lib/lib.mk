# lib/lib.mk - lib/'s sources: the bottom of the house (nothing here
# includes a header of mmu/ or start/).
#
# Owns: the list of lib/'s sources, split into those that run with the MMU
# on and those of the MMU-off set (start/start.mk: the console and its UART
# drivers, semihosting, PSCI and the exit, which every refusal and the
# exception report use before the MMU is on). Included by the Makefile.

LIB_SRCS := machine.c dt_walk.c dt_addr.c bootargs.c libc_glue.c bench.c string.c
LIB_MMU_OFF_SRCS := console.c exit.c psci.c semihost.S \
	uart/uart.c uart/pl011.c uart/cadence.c uart/bcm2835_aux.c uart/ns16550.c

SRCS         += $(addprefix lib/,$(LIB_SRCS))
MMU_OFF_SRCS += $(addprefix lib/,$(LIB_MMU_OFF_SRCS))

# memset and memcpy themselves: no loop of theirs may become a call of them.
$(OBJ)/lib/string.o: CFLAGS += -fno-tree-loop-distribute-patterns
