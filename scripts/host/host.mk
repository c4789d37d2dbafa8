# scripts/host/host.mk - the host tools: build/host/acpi-check.
#
# Owns: building build/host/acpi-check (scripts/host/acpi_check.c and
# acpi_input.c with the stub's own ACPI reader, lib/acpi/, and what it
# names: lib/strbuf.c, lib/machine.c's console names with the DTB walk
# it links and libfdt)
# for the host, with the sanitizers on. Part of `make` (all). Included
# by the Makefile.

HOST_TOOLS := build/host/acpi-check
all: $(HOST_TOOLS)
HOST_TOOL_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -DHOST_BUILD \
	-fsanitize=address,undefined -fno-sanitize-recover=all -Ilib -Iscripts/host
ACPI_CHECK_SRCS := scripts/host/acpi_check.c scripts/host/acpi_input.c lib/acpi/tables.c \
	lib/acpi/fadt.c lib/acpi/madt.c lib/acpi/console.c lib/acpi/problem.c lib/acpi/report.c \
	lib/strbuf.c lib/machine.c lib/dt_walk.c lib/dt_addr.c lib/uart/compat.c

build/host/acpi-check: $(ACPI_CHECK_SRCS) $(wildcard lib/acpi/*.h scripts/host/*.h) \
		scripts/host/host.mk | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  HOSTCC  $@")
	$(Q)$(HOSTCC) $(HOST_TOOL_CFLAGS) $(ACPI_CHECK_SRCS) /usr/lib/x86_64-linux-gnu/libfdt.so.1 -o $@
