# Makefile - build, run, test and benchmark the AArch64 boot stub.
#
#   make            build/Image (one Image for every board: it learns the
#                   machine from the DTB), build/stub.elf (QEMU virt's ELF),
#                   build/<board>/stub.elf for every board (the same bytes,
#                   only the load address differs: checked), build/stub.map
#                   and U-Boot's artifacts (make image lists them all)
#   make run        boot the Image on QEMU (BOARD's recipe), the full report
#   make run-shell  the same with stub.shell: the MMU monitor on this terminal
#   make test       every test suite, ending in "N passed, M failed"
#   make sdcard     build/sdcard-rpi.img, the SD card for Raspberry Pi 3 and 4
#   make bench      deterministic instruction counts under QEMU -icount
#   make fuzz, make geometries, make bench-geometries, make debug,
#   make debug-server, make clean
# Variables: BOARD (the QEMU recipe: default virt), CROSS_COMPILE
# (aarch64-linux-gnu-), V=1, PAGE_SIZE=4K|16K|64K and VA_BITS=N (the
# translation geometry, default 4K and 39: mmu/geometry.mk lists the
# allowed ones; any other builds into build/<page>-<bits>/),
# CONFIG_TEST_HOOKS=1 (the test build, into .../test/: links tests/target/),
# QEMU=path/to/qemu-system-aarch64 (run, test and bench on that QEMU only;
# make test otherwise runs its QEMU suites on the system's and QEMU 10.0).
#
# Where things are: each folder lists its own sources (start/start.mk,
# mmu/mmu.mk, lib/lib.mk, board/boards.mk, which also reads every board's
# facts); start/start.mk declares the MMU-off set and its check; U-Boot's
# artifacts and the SD card are scripts/loaders.mk's; the host tools
# (build/host/machine-check) scripts/host/host.mk's; the test, fuzz,
# bench and geometry targets tests/tests.mk's; make debug is
# scripts/gdb/debug.mk's.

.DEFAULT_GOAL := all
BOARD         ?= virt
CROSS_COMPILE ?= aarch64-linux-gnu-
V             ?= 0
CONFIG_TEST_HOOKS ?= 0
Q := $(if $(filter 1,$(V)),,@)

# ---- the build's geometry and folders ----------------------------------
include mmu/geometry.mk
GEOMETRY_BUILD := $(if $(filter $(GEOMETRY_DEFAULT),$(GEOMETRY)),build,build/$(call geometry_dir,$(GEOMETRY)))
BUILD := $(GEOMETRY_BUILD)$(if $(filter 1,$(CONFIG_TEST_HOOKS)),/test)
OBJ   := $(BUILD)/obj

CC      := $(CROSS_COMPILE)gcc
LD      := $(CROSS_COMPILE)ld
OBJCOPY := $(CROSS_COMPILE)objcopy
OBJDUMP := $(CROSS_COMPILE)objdump
NM      := $(CROSS_COMPILE)nm
READELF := $(CROSS_COMPILE)readelf
HOSTCC  ?= gcc
QEMU    := qemu-system-aarch64

# ---- the sources: each folder lists its own ----------------------------
SRCS :=
MMU_OFF_SRCS :=
include board/boards.mk
include start/start.mk
include mmu/mmu.mk
include lib/lib.mk
# The test build only: what provokes failures and faults on purpose. It
# registers itself in link.ld's .test_hooks table (start/hooks.h).
ifeq ($(CONFIG_TEST_HOOKS),1)
SRCS += tests/target/faults.c tests/target/testhooks.c tests/target/probes.S tests/target/el0.S \
	tests/target/acpi_dump.c
endif
# One Image; one ELF per board (program headers apart, the same bytes).
IMAGE      := $(BUILD)/Image
BOARD_ELFS := $(foreach b,$(BOARDS),$(BUILD)/$(b)/stub.elf)
ELF        := $(BUILD)/$(BOARD)/stub.elf
OBJS         := $(addprefix $(OBJ)/,$(addsuffix .o,$(basename $(SRCS))))
MMU_OFF_OBJS := $(addprefix $(OBJ)/,$(addsuffix .o,$(basename $(MMU_OFF_SRCS))))

# ---- flags --------------------------------------------------------------
# Each room sees only the headers below it: lib/ its own, mmu/ and board/
# lib/'s too, start/ (and the test build) everything.
INCLUDES_lib   := -Ilib -I$(OBJ)/include
INCLUDES_mmu   := -Immu -Immu/shell $(INCLUDES_lib)
INCLUDES_board := -Iboard $(INCLUDES_mmu)
INCLUDES_all   := -Istart -Istart/efi -Itests/target $(INCLUDES_board)
# The geometry reaches every file through pgtable-hwdef.h.
DEFINES := $(call geometry_flags,$(GEOMETRY))
# -mgeneral-regs-only: the vectors save no FP/SIMD state. -fno-pie:
# adrp/add (PC-relative) addressing. -mstrict-align, which only the
# MMU-off set needs (MMU_OFF_CFLAGS, start/start.mk, with its other
# flags), is kept for all: without it the boot runs 3% more instructions
# (make bench: 2,862,767 against 2,784,307 MMU on -> checks done).
ARCH_FLAGS := -mcpu=cortex-a53 -mgeneral-regs-only -mstrict-align -mcmodel=small -fno-pie \
	      -fno-pic -fno-stack-protector -ffunction-sections -fdata-sections
CFLAGS  := --specs=picolibc.specs -std=gnu11 -O2 -g -Wall -Wextra -Werror $(ARCH_FLAGS) \
	   $(DEFINES) -MMD -MP
ASFLAGS := --specs=picolibc.specs -g -Werror $(DEFINES) -MMD -MP
LIBFDT  := /usr/lib/aarch64-linux-gnu/libfdt.a
LDFLAGS := --specs=picolibc.specs -nostartfiles -static -Wl,--gc-sections \
	   -Wl,--fatal-warnings -Wl,-z,noexecstack
includes_of = $(INCLUDES_$(if $(filter lib/%,$(1)),lib,$(if $(filter mmu/%,$(1)),mmu,$(if $(filter board/%,$(1)),board,all))))
$(MMU_OFF_OBJS): CFLAGS += $(MMU_OFF_CFLAGS)

# ---- compiling ----------------------------------------------------------
.PHONY: all image deps run run-shell clean
all: $(BUILD)/Image $(BUILD)/stub.elf $(BOARD_ELFS) $(BUILD)/one-image.ok image

# Installs missing Debian packages (no-op when all are present).
deps:
	$(Q).ci/install-deps

# libfdt's headers live in /usr/include with glibc's: expose only those.
$(OBJ)/include/libfdt.h: | deps
	$(Q)mkdir -p $(@D)
	$(Q)for h in libfdt.h libfdt_env.h fdt.h; do ln -sf /usr/include/$$h $(@D)/$$h; done

$(OBJ)/%.o: %.S | deps $(OBJ)/include/libfdt.h
	@mkdir -p $(@D)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(CC) $(ASFLAGS) $(call includes_of,$<) -c $< -o $@

$(OBJ)/%.o: %.c | deps $(OBJ)/include/libfdt.h
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) $(call includes_of,$<) -c $< -o $@

# The fence: the MMU-off set holds no absolute relocation and calls nothing
# outside itself (start/start.mk); no ELF is linked before it passed.
$(OBJ)/mmu-off.ok: $(MMU_OFF_OBJS) scripts/check-mmu-off.sh start/start.mk
	@$(if $(Q),echo "  CHECK   the MMU-off set ($(words $(MMU_OFF_OBJS)) objects)")
	$(Q)READELF=$(READELF) NM=$(NM) scripts/check-mmu-off.sh "$(MMU_OFF_EXITS)" \
		"$(MMU_OFF_LINK_CONSTANTS)" $(MMU_OFF_OBJS)
	$(Q)touch $@

# ---- linking: one Image, one ELF per board --------------------------------
$(BUILD)/%/link.lds: link.ld mmu/memory.h mmu/pgtable-hwdef.h board/%/board.mk | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LDS     $@")
	$(Q)$(CC) -E -P -x assembler-with-cpp $(INCLUDES_mmu) $(DEFINES) -DLOAD_PA=$(BOARD.$*.LOAD_PA) $< -o $@

# mmu_enable turns the MMU on: a value it spilled to the stack with the MMU
# off could be read back from a stale cache line with it on. It must not
# touch sp at all; this is checked on every link.
$(BUILD)/%/stub.elf: $(OBJS) $(MMU_OFF_OBJS) $(OBJ)/mmu-off.ok $(BUILD)/%/link.lds
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -Wl,-Map,$(BUILD)/$*/stub.map -T $(BUILD)/$*/link.lds \
		$(OBJS) $(MMU_OFF_OBJS) $(LIBFDT) -o $@.tmp
	$(Q)if $(OBJDUMP) -d --disassemble=mmu_enable $@.tmp | grep -E '^ +[0-9a-f]+:' | \
		grep -qwE 'sp|x29'; then \
		echo "$@: mmu_enable uses the stack (see mmu/enable.c)"; rm -f $@.tmp; exit 1; fi
	$(Q)mv $@.tmp $@

# The Image and the ELF to load it with on virt; build/stub.map for reading.
# The file is padded to a whole page: the PE header's .data section ends
# there (start/head.S).
$(IMAGE): $(BUILD)/virt/stub.elf
	@$(if $(Q),echo "  OBJCOPY $@")
	$(Q)$(OBJCOPY) -O binary $< $@ && truncate -s %4096 $@
$(BUILD)/stub.elf: $(BUILD)/virt/stub.elf
	$(Q)cp $< $@ && cp $(BUILD)/virt/stub.map $(BUILD)/stub.map

# One Image: every board's ELF holds exactly its bytes. A board whose
# firmware leaves less room above its load address than the image takes
# (BOARD_IMAGE_SIZE_MAX in board.mk: a 64 KiB geometry on the Pi 3) gets
# its limit written to $(BUILD)/<board>/skipped, said once here: its SD
# card and its tests are skipped with that line; the rest of the build
# goes on (tests/qemu/product.sh fails if the default Image loses a board).
$(BUILD)/one-image.ok: $(IMAGE) $(BOARD_ELFS)
	$(Q)size=$$(( 0x$$($(NM) $(BUILD)/virt/stub.elf | awk '$$3 == "__image_size" { print $$1 }') )); \
	$(foreach b,$(BOARDS),rm -f $(BUILD)/$(b)/skipped; $(if $(BOARD.$(b).IMAGE_SIZE_MAX),\
		[ $$size -le $$(( $(BOARD.$(b).IMAGE_SIZE_MAX) )) ] || { echo "$(b): skipped: the image \
	($$size bytes in memory) is beyond $(b)'s load window (BOARD_IMAGE_SIZE_MAX \
	$(BOARD.$(b).IMAGE_SIZE_MAX) in board/$(b)/board.mk)" | tee $(BUILD)/$(b)/skipped; };))
	$(Q)for elf in $(BOARD_ELFS); do $(OBJCOPY) -O binary $$elf $@.bin && truncate -s %4096 $@.bin && \
		cmp -s $@.bin $(IMAGE) || { echo "$$elf: not the Image's bytes"; exit 1; }; done
	$(Q)rm -f $@.bin && touch $@

# ---- the loaders' artifacts, the tests, the debugger ---------------------
include scripts/loaders.mk
include scripts/host/host.mk
# `make image` lists every artifact with the command that loads it.
image: $(UBOOT_ARTIFACTS)
	$(if $(filter image,$(MAKECMDGOALS)),@scripts/list-artifacts.sh $(BUILD))
include tests/tests.mk
include scripts/gdb/debug.mk

# ---- the two commands a user runs first -----------------------------------
# QEMU: the raw Image through -kernel, semihosting for the exit status,
# the board's DTB where the machine makes none, its console's serial.
QEMU_RUN = $(QEMU) -M $(BOARD_QEMU_MACHINE) -cpu $(BOARD_QEMU_CPU) -m $(BOARD_QEMU_MEM) \
	    -nographic -nodefaults $(BOARD_QEMU_OPTS) $(BOARD_QEMU_SERIAL) -semihosting -no-reboot \
	    $(if $(BOARD_DTB_FILE),-dtb $(BOARD_DTB_FILE))

# The full report (registers decoded, both maps dumped, every probe); the
# default, stub.report=summary, is what a real UART at 115200 baud wants.
run: $(IMAGE) $(BOARD_DTB_FILE) | board-qemu
	$(Q)timeout 60 $(QEMU_RUN) -kernel $(IMAGE) -append stub.report=full </dev/null

# The MMU monitor (stub.shell, docs/shell.md), interactive: QEMU's serial is
# this terminal; `exit [STATUS]` ends it (Ctrl-C ends QEMU).
run-shell: $(IMAGE) $(BOARD_DTB_FILE) | board-qemu
	$(Q)$(QEMU_RUN) -kernel $(IMAGE) -append stub.shell

clean:
	rm -rf build

-include $(OBJS:.o=.d) $(MMU_OFF_OBJS:.o=.d)
# Objects and link scripts are prerequisites of pattern rules: keep them.
.SECONDARY: $(OBJS) $(MMU_OFF_OBJS)
.PRECIOUS: $(BUILD)/%/link.lds
