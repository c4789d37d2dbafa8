# lib/lib.mk - lib/'s sources: the bottom of the house (nothing here
# includes a header of mmu/ or start/).
#
# Owns: the list of lib/'s sources, split into those that run with the MMU
# on and those of the MMU-off set (start/start.mk: the console and its UART
# drivers, semihosting, PSCI, the exit and the result record, cache
# maintenance, which every refusal and the exception report use before the
# MMU is on; the ACPI reader and the line builder, which the UEFI entry
# runs at the load address). Included by the Makefile.

LIB_SRCS := machine.c dt_walk.c dt_addr.c bootargs.c libc_glue.c string.c uart/earlycon.c \
	console_choice.c \
	acpi/machine.c acpi/report.c
LIB_MMU_OFF_SRCS := console.c exit.c psci.c semihost.S cache.c result.c early_dtb.c \
	uart/uart.c uart/compat.c uart/pl011.c uart/cadence.c uart/bcm2835_aux.c uart/ns16550.c \
	uart/imx.c uart/meson.c uart/geni.c uart/msm_uartdm.c uart/lpuart.c uart/ar3700.c \
	uart/scif.c acpi/tables.c acpi/fadt.c acpi/madt.c acpi/console.c acpi/problem.c strbuf.c

SRCS         += $(addprefix lib/,$(LIB_SRCS))
MMU_OFF_SRCS += $(addprefix lib/,$(LIB_MMU_OFF_SRCS))

# memset and memcpy themselves: no loop of theirs may become a call of them.
$(OBJ)/lib/string.o: CFLAGS += -fno-tree-loop-distribute-patterns
