# mmu/mmu.mk - mmu/'s sources (the monitor's wing, mmu/shell/, with them).
#
# Owns: the list of mmu/'s sources, split into those that run with the MMU
# on and those of the MMU-off set (start/start.mk: the syndrome decoder,
# which the exception handler uses before the MMU is on; mmu_enable and the
# TCR value it is given; the cache maintenance the UEFI entry does under
# the firmware's map; the TTBR1 switch, run at its physical address).
# Included by the Makefile.

MMU_SRCS := vabits.c desc.c walk.c dump.c levels.c regs.c print.c maps.c expect.c probes.c check.c \
	xlat.c xlat_pool.c kernel_map.c hw.c ram_plan.c ram_probe.c pgalloc.c demand.c fault.c guarded.S
MMU_MMU_OFF_SRCS := esr.c enable.c tcr.c replace_ttbr1.S
MMU_SHELL_SRCS := shell.c args.c parse.c lineedit.c cmd_shell.c cmd_tables.c cmd_memory.c \
	demand_demo.c

SRCS         += $(addprefix mmu/,$(MMU_SRCS)) $(addprefix mmu/shell/,$(MMU_SHELL_SRCS))
MMU_OFF_SRCS += $(addprefix mmu/,$(MMU_MMU_OFF_SRCS))
