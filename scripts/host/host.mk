# scripts/host/host.mk - the host tool: build/host/machine-check.
#
# Owns: building build/host/machine-check (scripts/host/machine_check.c,
# machine_records.c and acpi_input.c) from the stub's own readers and
# plans, compiled for the host with the sanitizers on: lib/machine.c and
# the DTB walk, the console's rules, the UART names and layouts, the
# MMU-off reader (lib/early_dtb.c, for --records), lib/acpi/,
# the RAM plan (mmu/ram_plan.c, through start/ram_input.c), the CPU plan,
# the report's machine lines, the product's boot options. Part of `make`
# (all); the corpus test and the ACPI comparison run it. Included by the
# Makefile.

include scripts/host/libfdt.mk
HOST_TOOLS := build/host/machine-check
all: $(HOST_TOOLS)
HOST_TOOL_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -DHOST_BUILD \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-Ilib -Immu -Istart -Iscripts/host
MACHINE_CHECK_SRCS := scripts/host/machine_check.c scripts/host/machine_records.c \
	scripts/host/acpi_input.c \
	lib/machine.c lib/dt_walk.c lib/dt_addr.c lib/uart/compat.c lib/uart/earlycon.c \
	lib/console_choice.c lib/bootargs.c lib/strbuf.c lib/psci.c lib/early_dtb.c \
	lib/acpi/tables.c lib/acpi/fadt.c lib/acpi/madt.c lib/acpi/console.c lib/acpi/problem.c \
	lib/acpi/report.c \
	mmu/ram_plan.c mmu/pgalloc.c mmu/dump.c mmu/walk.c mmu/desc.c mmu/esr.c \
	start/ram_input.c start/cpu_plan.c start/machine_lines.c start/boot_options.c

build/host/machine-check: $(MACHINE_CHECK_SRCS) $(wildcard lib/*.h lib/acpi/*.h mmu/*.h \
		start/*.h scripts/host/*.h) scripts/host/host.mk | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  HOSTCC  $@")
	$(Q)$(HOSTCC) $(HOST_TOOL_CFLAGS) $(MACHINE_CHECK_SRCS) $(HOST_LIBFDT) -o $@
