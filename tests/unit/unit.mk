# tests/unit/unit.mk - build and run the host unit tests.
#
# Owns: building the pure modules (each test's src_<name> below: mmu/'s
# desc, walk, dump, maps, expect, probes, regs, check, esr, xlat, pgalloc,
# ram_plan, ram_probe and levels, mmu/shell/parse.c, start/efi/efi_memmap.c,
# lib/machine.c with lib/dt_walk.c and lib/dt_addr.c, lib/acpi/ (on ACPI
# tables iasl compiles from tests/unit/acpi/*.dsl), lib/bootargs.c,
# lib/string.c (its own names), lib/uart/*.c with lib/console.c, and again,
# for test_uart_<family>, against register models) with the fakes
# (tests/fakes/ for those the fuzzers
# share, tests/unit/ for the unit tests' own) and one cmocka test binary
# per module for the host (two for pgalloc: at the product's
# PGALLOC_MAX_ORDER and, test_pgalloc10, at 10; one each for mmu/maps.c,
# mmu/expect.c and mmu/probes.c, which link all three), with ASan and UBSan,
# into build/host-tests/; the test device trees (tests/unit/dts/*.dts, built
# with dtc); the binaries built once per translation geometry
# (mmu/geometry.mk: test_<name>-<page>-<bits>, e.g. test_geometry-16k-48,
# objects in build/host-tests/obj-<page>-<bits>/); and running every
# binary, ending in exactly one summary line "unit: N passed, M failed"
# (N, M: cmocka test cases over all binaries and geometries).
#
#   make -f tests/unit/unit.mk          build what changed, run everything
#   make -f tests/unit/unit.mk V=1      show commands and every test's output
#   make -f tests/unit/unit.mk build    build only
#
# Run from the repository root. Exits non-zero if a test failed, a binary
# did not build, or a binary crashed (which counts as at least one failure).

BOARD  ?= virt
HOSTCC ?= gcc
DTC    ?= dtc
V      ?= 0

UNIT  := tests/unit
FAKES := tests/fakes
OUT   := build/host-tests
SELF  := $(lastword $(MAKEFILE_LIST))

ifeq ($(V),1)
Q :=
else
Q := @
endif

HOST_CFLAGS   := -std=gnu11 -O1 -g -Wall -Wextra -Werror -DHOST_BUILD \
		 -fsanitize=address,undefined -fno-sanitize-recover=all
HOST_CPPFLAGS := -Immu -Immu/shell -Istart -Istart/efi -Ilib -Iboard -I$(UNIT) -I$(FAKES) -MMD -MP
HOST_LDFLAGS  := -fsanitize=address,undefined
include scripts/host/libfdt.mk

TESTS := acpi efi_cmdline earlycon console_choice cpu_plan early_dtb strbuf desc walk dump maps expect probes regs check esr efi_memmap bootargs xlat machine pgalloc pgalloc10 uart \
	 string \
	 ram_plan ram_probe shell_parse geometry_refused
# The UART drivers against register models of their blocks.
UART_MODEL_TESTS := uart_pl011 uart_imx uart_meson uart_geni uart_uartdm uart_lpuart uart_ar3700 uart_scif \
	 uart_entries
TESTS += $(UART_MODEL_TESTS)

# Per geometry: GEO_ALL_TESTS in every geometry of the list, GEO_TESTS in
# every geometry but the default (whose binaries are TESTS' own).
include mmu/geometry.mk
GEO_ALL_TESTS := geometry xlat_geometry memory_layout levels maps_geometry desc_formats
GEO_TESTS     :=
GEO_OTHERS    := $(filter-out $(GEOMETRY_DEFAULT),$(GEOMETRIES))
geo_names      = $(foreach t,$(1),$(foreach g,$(2),$(t)-$(call geometry_dir,$(g))))
TESTS += $(call geo_names,$(GEO_ALL_TESTS),$(GEOMETRIES)) $(call geo_names,$(GEO_TESTS),$(GEO_OTHERS))

# What each test_<name> links besides its own test_<name>.c.
src_desc   := mmu/desc.c lib/strbuf.c mmu/vabits.c
src_walk   := mmu/walk.c mmu/desc.c lib/strbuf.c mmu/vabits.c $(UNIT)/tables_fake.c
src_dump   := mmu/dump.c mmu/walk.c mmu/desc.c lib/strbuf.c mmu/vabits.c $(UNIT)/tables_fake.c
src_maps   := mmu/maps.c mmu/expect.c mmu/probes.c mmu/walk.c mmu/desc.c lib/strbuf.c mmu/vabits.c
src_expect := $(src_maps)
src_probes := $(src_maps)
src_regs   := mmu/regs.c mmu/tcr.c mmu/desc.c lib/strbuf.c mmu/vabits.c
src_check  := mmu/check.c mmu/esr.c mmu/maps.c mmu/expect.c mmu/probes.c mmu/regs.c mmu/tcr.c mmu/walk.c mmu/desc.c lib/strbuf.c mmu/vabits.c $(UNIT)/tables_fake.c
src_esr    := mmu/esr.c lib/strbuf.c
src_strbuf := lib/strbuf.c
src_efi_memmap := start/efi/efi_memmap.c
src_acpi   := lib/acpi/tables.c lib/acpi/fadt.c lib/acpi/madt.c lib/acpi/console.c \
	      lib/acpi/problem.c lib/strbuf.c
src_efi_cmdline := start/efi/efi_cmdline.c
src_shell_parse := mmu/shell/parse.c mmu/desc.c lib/strbuf.c mmu/vabits.c
src_bootargs := lib/bootargs.c
src_earlycon := lib/uart/earlycon.c lib/uart/compat.c
src_cpu_plan := start/cpu_plan.c lib/strbuf.c
libs_early_dtb := $(HOST_LIBFDT)
src_string := lib/string.c
src_xlat   := mmu/xlat.c mmu/xlat_pool.c mmu/desc.c lib/strbuf.c mmu/vabits.c mmu/walk.c $(FAKES)/xlat_fake.c
src_machine := lib/machine.c lib/dt_walk.c lib/dt_addr.c lib/uart/compat.c
src_console_choice := lib/console_choice.c lib/bootargs.c lib/uart/earlycon.c $(src_machine)
# test_early_dtb holds lib/early_dtb.c to lib/machine.c's console verdict.
src_early_dtb := lib/early_dtb.c $(src_console_choice)
src_pgalloc := mmu/pgalloc.c $(FAKES)/physmem_fake.c
src_uart_layer := lib/uart/uart.c lib/uart/compat.c lib/uart/pl011.c lib/uart/cadence.c \
	      lib/uart/bcm2835_aux.c lib/uart/ns16550.c lib/uart/imx.c lib/uart/meson.c \
	      lib/uart/geni.c lib/uart/msm_uartdm.c lib/uart/lpuart.c lib/uart/ar3700.c \
	      lib/uart/scif.c lib/console.c lib/result.c lib/strbuf.c
src_uart   := $(src_uart_layer)
src_ram_plan := mmu/ram_plan.c mmu/pgalloc.c $(FAKES)/physmem_fake.c
src_ram_probe := mmu/ram_probe.c mmu/ram_plan.c mmu/pgalloc.c
src_geometry := mmu/regs.c mmu/tcr.c mmu/desc.c lib/strbuf.c mmu/vabits.c
src_geometry_refused :=
src_xlat_geometry := mmu/xlat.c mmu/xlat_pool.c mmu/desc.c lib/strbuf.c mmu/vabits.c mmu/walk.c
src_memory_layout := mmu/vabits.c
src_maps_geometry := mmu/maps.c mmu/expect.c mmu/probes.c mmu/walk.c mmu/desc.c lib/strbuf.c mmu/vabits.c
src_levels := mmu/levels.c mmu/dump.c mmu/walk.c mmu/desc.c lib/strbuf.c mmu/vabits.c
src_desc_formats := mmu/desc.c lib/strbuf.c mmu/vabits.c
libs_machine := $(HOST_LIBFDT)
libs_console_choice := $(HOST_LIBFDT)

DTBS := $(patsubst $(UNIT)/dts/%.dts,$(OUT)/dtb/%.dtb,$(wildcard $(UNIT)/dts/*.dts))
AMLS := $(patsubst $(UNIT)/acpi/%.dsl,$(OUT)/acpi/%.aml,$(wildcard $(UNIT)/acpi/*.dsl))
BINS := $(addprefix $(OUT)/test_,$(TESTS))
# test_pgalloc10: test_pgalloc.c once more, with the allocator (and every
# file of the binary: pgalloc.h's structs depend on it) built at
# PGALLOC_MAX_ORDER 10 (4 MiB blocks) instead of the product's 18, in its
# own object directory.
PGALLOC10_OBJ := $(OUT)/obj-order10
objs_pgalloc10 := $(patsubst %.c,$(PGALLOC10_OBJ)/%.o,$(UNIT)/test_pgalloc.c $(src_pgalloc))
# test_uart_<family>: its test and the common model (uart_model.c) with
# the whole UART layer built again with -DUART_MMIO_MODEL (lib/uart/mmio.h:
# every register access a call to the model), in its own object directory.
UART_MODEL_OBJ := $(OUT)/obj-uart-model
$(foreach t,$(UART_MODEL_TESTS),$(eval objs_$(t) := $(patsubst %.c,$(UART_MODEL_OBJ)/%.o,\
	$(UNIT)/test_$(t).c $(UNIT)/uart_model.c $(src_uart_layer))))
objs_of = $(if $(objs_$(1)),$(objs_$(1)),$(patsubst %.c,$(OUT)/obj/%.o,$(UNIT)/test_$(1).c $(src_$(1))))
# test_<name>-<dir>: test_<name>.c and src_<name>, built for that geometry.
define geo_test
objs_$(1)-$(call geometry_dir,$(2)) := $$(patsubst %.c,$(OUT)/obj-$(call geometry_dir,$(2))/%.o,\
	$(UNIT)/test_$(1).c $$(src_$(1)))
libs_$(1)-$(call geometry_dir,$(2)) := $$(libs_$(1))
endef
$(foreach t,$(GEO_ALL_TESTS),$(foreach g,$(GEOMETRIES),$(eval $(call geo_test,$(t),$(g)))))
$(foreach t,$(GEO_TESTS),$(foreach g,$(GEO_OTHERS),$(eval $(call geo_test,$(t),$(g)))))
ALL_OBJS := $(sort $(foreach t,$(TESTS),$(call objs_of,$(t))))

.PHONY: all run build
.DELETE_ON_ERROR:

all: run

build: $(BINS) $(DTBS) $(AMLS)
	@:

# Build with -k (one broken test must not hide the others' results), then
# let run.sh ask make which binaries are up to date and run those.
run:
	@mkdir -p $(OUT)
	-$(Q)$(MAKE) --no-print-directory -k -f $(SELF) BOARD=$(BOARD) V=$(V) build
	$(Q)MAKE="$(MAKE)" UNIT_MK="$(SELF)" UNIT_OUT="$(OUT)" BOARD="$(BOARD)" V="$(V)" \
		sh $(UNIT)/run.sh $(TESTS)

# lib/string.c under other names (the host's libc keeps its own).
$(OUT)/obj/lib/string.o: HOST_CPPFLAGS += -DSTRING_PREFIX
$(OUT)/obj/lib/string.o: HOST_CFLAGS += -fno-tree-loop-distribute-patterns

# test_machine reads the device trees at run time: they are
# part of them.
$(OUT)/test_machine $(OUT)/test_console_choice $(OUT)/test_early_dtb: $(DTBS)
$(OUT)/obj/$(UNIT)/test_machine.o $(OUT)/obj/$(UNIT)/test_console_choice.o \
$(OUT)/obj/$(UNIT)/test_early_dtb.o: HOST_CPPFLAGS += -DUNIT_DTB_DIR='"$(OUT)/dtb"'

define test_binary
$(OUT)/test_$(1): $(call objs_of,$(1)) $(SELF)
	@$$(if $$(Q),echo "  HOSTLD  $$@")
	$$(Q)$$(HOSTCC) $$(HOST_LDFLAGS) $$(filter %.o,$$^) $$(libs_$(1)) -lcmocka -o $$@
endef
$(foreach t,$(TESTS),$(eval $(call test_binary,$(t))))

$(OUT)/obj/%.o: %.c $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  HOSTCC  $<")
	$(Q)$(HOSTCC) $(HOST_CFLAGS) $(HOST_CPPFLAGS) -c $< -o $@

define geo_objs
$(OUT)/obj-$(call geometry_dir,$(1))/%.o: %.c $(SELF) mmu/geometry.mk
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  HOSTCC  $$< ($(1))")
	$$(Q)$$(HOSTCC) $$(HOST_CFLAGS) $$(HOST_CPPFLAGS) $(call geometry_flags,$(1)) -c $$< -o $$@
endef
$(foreach g,$(GEOMETRIES),$(eval $(call geo_objs,$(g))))

# test_acpi reads the ACPI tables iasl compiles from tests/unit/acpi/*.dsl.
$(OUT)/test_acpi: $(AMLS)
$(OUT)/obj/$(UNIT)/test_acpi.o: HOST_CPPFLAGS += -DUNIT_ACPI_DIR='"$(OUT)/acpi"'
$(OUT)/acpi/%.aml: $(UNIT)/acpi/%.dsl $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  IASL    $<")
	$(Q)iasl -p $(basename $@) $< >$(basename $@).log 2>&1 || { cat $(basename $@).log; exit 1; }

# test_geometry_refused compiles pgtable-hwdef.h with the host compiler.
$(OUT)/obj/$(UNIT)/test_geometry_refused.o: HOST_CPPFLAGS += -DUNIT_HOSTCC='"$(HOSTCC)"'

$(UART_MODEL_OBJ)/%.o: %.c $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  HOSTCC  $< (register model)")
	$(Q)$(HOSTCC) $(HOST_CFLAGS) $(HOST_CPPFLAGS) -DUART_MMIO_MODEL -c $< -o $@

$(PGALLOC10_OBJ)/%.o: %.c $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  HOSTCC  $< (MAX_ORDER 10)")
	$(Q)$(HOSTCC) $(HOST_CFLAGS) $(HOST_CPPFLAGS) -DPGALLOC_MAX_ORDER=10 -c $< -o $@

# cells1.dts has non-string bootargs on purpose: no warning for that.
# machine-cells1 uses the old linux,stdout-path and machine-rpi3 the Pi's
# "soc" without a unit address, both on purpose.
DTC_FLAGS := -W no-chosen_node_bootargs
$(OUT)/dtb/machine-cells1.dtb: DTC_FLAGS += -W no-chosen_node_stdout_path
$(OUT)/dtb/machine-rpi3.dtb: DTC_FLAGS += -W no-unit_address_vs_reg
$(OUT)/dtb/%.dtb: $(UNIT)/dts/%.dts $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  DTC     $<")
	$(Q)$(DTC) $(DTC_FLAGS) -I dts -O dtb -o $@ $<

-include $(ALL_OBJS:.o=.d)
