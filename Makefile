# Makefile - build, run, test and benchmark the AArch64 boot stub.
#
#   make            build build/Image (one Image for every board: it learns
#                   the machine from the DTB), build/stub.elf (QEMU virt's
#                   ELF), build/<board>/stub.elf for every board (the same
#                   bytes, only the program headers' load address differs:
#                   checked), build/stub.map and the U-Boot artifacts (make
#                   image: uImage, stub.itb, boot.scr)
#   make sdcard     build/sdcard-rpi3.img: a Raspberry Pi 3 SD card (MBR, FAT:
#                   boot.scr, Image, Debian's rpi_3 U-Boot, config.txt);
#                   fetches u-boot-rpi:arm64 once (never installed)
#   make run        boot the Image on QEMU (BOARD's recipe) with the full report
#   make run-shell  the same with stub.shell: the MMU monitor on this terminal
#   make test       host unit tests, fuzz, DTB corpus, QEMU boot matrix, test
#                   build's fault and negative tests, other boards, U-Boot,
#                   product, the MMU monitor (pexpect), gdb
#   make geometries every other geometry's Image and virt ELF, into
#                   build/<page>-<bits>/ (make test boots them)
#   make bench      deterministic instruction counts under QEMU -icount
#   make fuzz       fuzz the runtime map API for FUZZ_SECONDS (default 300)
#   make debug      QEMU paused + gdb-multiarch attached (scripts/gdb/stub.py)
#   make debug-server  QEMU paused with a gdbstub; prints the gdb command line
# Variables: BOARD (the QEMU recipe: default virt), CROSS_COMPILE
# (aarch64-linux-gnu-), V=1, PAGE_SIZE=4K|16K|64K and VA_BITS=N (the
# translation geometry, default 4K and 39: mmu/geometry.mk lists the
# allowed ones; any other builds into build/<page>-<bits>/, e.g.
# build/16k-48/).

.DEFAULT_GOAL := all
BOARD         ?= virt
CROSS_COMPILE ?= aarch64-linux-gnu-
V             ?= 0
# Test-only: a variant that links tests/target/ (fault tests, deliberate
# failures from stub.test=... in bootargs) into build/test/.
CONFIG_TEST_HOOKS ?= 0

ifeq ($(V),1)
Q :=
else
Q := @
endif

BOARDS    := $(notdir $(wildcard board/*))
BOARD_DIR := board/$(BOARD)
ifeq ($(wildcard $(BOARD_DIR)/board.mk),)
$(error BOARD=$(BOARD): no $(BOARD_DIR)/board.mk; boards: $(BOARDS))
endif
include mmu/geometry.mk
ifeq ($(GEOMETRY),$(GEOMETRY_DEFAULT))
GEOMETRY_BUILD := build
else
GEOMETRY_BUILD := build/$(call geometry_dir,$(GEOMETRY))
endif
GEOMETRY_FLAGS := $(call geometry_flags,$(GEOMETRY))
ifeq ($(CONFIG_TEST_HOOKS),1)
BUILD := $(GEOMETRY_BUILD)/test
else
BUILD := $(GEOMETRY_BUILD)
endif
OBJ  := $(BUILD)/obj
QEMU := qemu-system-aarch64
# The board's QEMU recipe and its ELF's load address (nothing of it is
# compiled into the Image).
include $(BOARD_DIR)/board.mk
# Every board's ELF load address, from its board.mk.
board_load_pa = $(shell sed -n 's/^BOARD_LOAD_PA *:= *//p' board/$(1)/board.mk)

CC      := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy
OBJDUMP := $(CROSS_COMPILE)objdump
NM      := $(CROSS_COMPILE)nm
HOSTCC  ?= gcc

INCLUDES := -Immu -Immu/shell -Istart -Istart/efi -Ilib -Iboard -I$(OBJ)/include
# The geometry reaches every file through pgtable-hwdef.h.
DEFINES  := $(GEOMETRY_FLAGS)
# -mgeneral-regs-only and -mstrict-align: code that runs with the MMU off
# sees Device memory, where unaligned and SIMD accesses fault.
# -fno-tree-switch-conversion: no tables of absolute pointers, which are
# wrong before the MMU is on. -fno-pie: adrp/add (PC-relative) addressing.
ARCH_FLAGS := -mcpu=cortex-a53 -mgeneral-regs-only -mstrict-align -mcmodel=small \
	      -fno-pie -fno-pic -fno-tree-switch-conversion -fno-stack-protector \
	      -ffunction-sections -fdata-sections
CFLAGS := --specs=picolibc.specs -std=gnu11 -O2 -g -Wall -Wextra -Werror \
	  $(ARCH_FLAGS) $(INCLUDES) $(DEFINES) -MMD -MP
ASFLAGS := --specs=picolibc.specs -g -Werror $(INCLUDES) $(DEFINES) -MMD -MP
LIBFDT  := /usr/lib/aarch64-linux-gnu/libfdt.a
LDFLAGS := --specs=picolibc.specs -nostartfiles -static -Wl,--gc-sections \
	   -Wl,--fatal-warnings -Wl,-z,noexecstack

SRCS_S := start/head.S start/el.S start/tables.S start/vectors.S start/replace_ttbr1.S \
	  start/efi/efi_enter.S mmu/guarded.S lib/semihost.S
SRCS_C := start/main.c start/dtb.c start/ram.c start/options.c start/verify.c start/report.c start/refuse.c start/traps.c start/fixup.c mmu/esr.c mmu/fault.c start/smp.c board/board_ops.c \
	  start/efi/efi.c start/efi/efi_memmap.c \
	  mmu/desc.c mmu/walk.c mmu/dump.c mmu/maps.c mmu/expect.c mmu/probes.c mmu/regs.c mmu/check.c mmu/xlat.c \
	  mmu/kernel_map.c mmu/cache.c mmu/hw.c mmu/ram_plan.c mmu/pgalloc.c mmu/demand.c mmu/levels.c \
	  mmu/print.c mmu/shell/shell.c mmu/shell/args.c mmu/shell/parse.c mmu/shell/cmd_shell.c \
	  mmu/shell/cmd_tables.c mmu/shell/cmd_memory.c mmu/shell/demand_demo.c mmu/shell/lineedit.c \
	  lib/console.c lib/uart/uart.c lib/uart/pl011.c lib/uart/cadence.c \
	  lib/uart/bcm2835_aux.c lib/uart/ns16550.c lib/exit.c lib/psci.c lib/machine.c lib/dt_addr.c \
	  lib/bootargs.c lib/libc_glue.c lib/bench.c \
	  $(sort $(wildcard board/*/board.c))
# The test build only: what provokes failures and faults on purpose. It
# registers itself in link.ld's .test_hooks table (start/hooks.h).
ifeq ($(CONFIG_TEST_HOOKS),1)
SRCS_S += tests/target/probes.S tests/target/el0.S
SRCS_C += tests/target/faults.c tests/target/testhooks.c
INCLUDES += -Itests/target
endif
OBJS := $(addprefix $(OBJ)/,$(SRCS_S:.S=.o) $(SRCS_C:.c=.o))

# One Image; one ELF per board (program headers apart, the same bytes).
IMAGE      := $(BUILD)/Image
BOARD_ELFS := $(foreach b,$(BOARDS),$(BUILD)/$(b)/stub.elf)
ELF        := $(BUILD)/$(BOARD)/stub.elf
UBOOT_ARTIFACTS := $(BUILD)/uImage $(BUILD)/stub.itb $(BUILD)/boot.scr

.PHONY: bench-geometries all image sdcard deps run run-shell test unit-test bench fuzz board-env board-dtb clean \
	geometries
all: $(IMAGE) $(BUILD)/stub.elf $(BOARD_ELFS) $(BUILD)/one-image.ok image
# U-Boot's artifacts; `make image` lists every artifact with the command
# that loads it (the SD card is built on demand, make sdcard: it downloads
# Debian's Pi U-Boot).
image: $(UBOOT_ARTIFACTS)
	$(if $(filter image,$(MAKECMDGOALS)),@scripts/list-artifacts.sh $(BUILD))

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
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

$(OBJ)/%.o: %.c | deps $(OBJ)/include/libfdt.h
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/%/link.lds: link.ld mmu/memory.h mmu/pgtable-hwdef.h board/%/board.mk | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LDS     $@")
	$(Q)$(CC) -E -P -x assembler-with-cpp $(INCLUDES) $(DEFINES) -DLOAD_PA=$(call board_load_pa,$*) $< -o $@

# mmu_enable turns the MMU on: a value it spilled to the stack with the MMU
# off could be read back from a stale cache line with it on. It must not
# touch sp at all; this is checked on every link.
$(BUILD)/%/stub.elf: $(OBJS) $(BUILD)/%/link.lds
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -Wl,-Map,$(BUILD)/$*/stub.map -T $(BUILD)/$*/link.lds $(OBJS) \
		$(LIBFDT) -o $@.tmp
	$(Q)if $(OBJDUMP) -d --disassemble=mmu_enable $@.tmp | grep -E '^ +[0-9a-f]+:' | \
		grep -qwE 'sp|x29'; then \
		echo "$@: mmu_enable uses the stack (see mmu/hw.c)"; rm -f $@.tmp; exit 1; fi
	$(Q)mv $@.tmp $@

# The Image and the ELF to load it with on virt; build/stub.map for reading.
# The file is padded to a whole page: the PE header's .data section ends
# there (start/head.S).
$(IMAGE): $(BUILD)/virt/stub.elf
	@$(if $(Q),echo "  OBJCOPY $@")
	$(Q)$(OBJCOPY) -O binary $< $@ && truncate -s %4096 $@
$(BUILD)/stub.elf: $(BUILD)/virt/stub.elf
	$(Q)cp $< $@ && cp $(BUILD)/virt/stub.map $(BUILD)/stub.map

# One Image: every board's ELF holds exactly its bytes; and the image fits
# below what a board's firmware leaves above its load address
# (BOARD_IMAGE_SIZE_MAX in board.mk).
board_size_max = $(shell sed -n 's/^BOARD_IMAGE_SIZE_MAX *:= *\([0-9a-fx]*\).*/\1/p' board/$(1)/board.mk)
$(BUILD)/one-image.ok: $(IMAGE) $(BOARD_ELFS)
	$(Q)size=$$(( 0x$$($(NM) $(BUILD)/virt/stub.elf | awk '$$3 == "__image_size" { print $$1 }') )); \
	$(foreach b,$(BOARDS),$(if $(call board_size_max,$(b)),[ $$size -le $$(( $(call board_size_max,$(b)) )) ] || \
		{ echo "the image ($$size bytes in memory) no longer fits $(b)'s BOARD_IMAGE_SIZE_MAX"; exit 1; };))
	$(Q)for elf in $(BOARD_ELFS); do $(OBJCOPY) -O binary $$elf $@.bin && truncate -s %4096 $@.bin && \
		cmp -s $@.bin $(IMAGE) || { echo "$$elf: not the Image's bytes"; exit 1; }; done
	$(Q)rm -f $@.bin && touch $@

# The DTB QEMU is given where the machine makes none (board.mk
# BOARD_QEMU_DTB: a path in Debian's kernel package, fetched once).
BOARD_DTB_FILE := $(if $(BOARD_QEMU_DTB),build/dtbs/$(BOARD).dtb)
board-dtb: $(BOARD_DTB_FILE)
build/dtbs/%.dtb: board/%/board.mk
	@mkdir -p $(@D)
	@$(if $(Q),echo "  DTB     $@ (Debian's $(BOARD_QEMU_DTB))")
	$(Q)dir=$$(scripts/fetch-dtbs.sh build/linux-dtbs | tail -n 1) && \
		cp "$$dir/$(BOARD_QEMU_DTB)" $@

# The test scripts take the board's facts from here, not from copies.
BOARD_TEST_VARS := BOARD BOARD_QEMU_MACHINE BOARD_QEMU_CPU BOARD_QEMU_MEM BOARD_QEMU_SMP \
	BOARD_QEMU_CASES BOARD_QEMU_EL1 BOARD_QEMU_EL2 BOARD_QEMU_EL3 BOARD_QEMU_SERIAL \
	BOARD_QEMU_RAM BOARD_DTB_FILE BOARD_LOAD_PA BOARD_RAM_BASE_PA BOARD_UBOOT_BIN \
	BOARD_UBOOT_ENV_SIZE BOARD_UBOOT_FLASH_SIZE
export $(BOARD_TEST_VARS)

# U-Boot on QEMU virt (Debian's u-boot-qemu): legacy uImage (bootm), FIT
# with a sha256 hash (bootm), script. bootm copies the legacy image to its
# header's load address: virt's (booti places the Image by itself).
VIRT_LOAD_PA := $(call board_load_pa,virt)
$(BUILD)/uImage: $(IMAGE)
	@$(if $(Q),echo "  MKIMAGE $@")
	$(Q)mkimage -q -A arm64 -O linux -T kernel -C none -a $(VIRT_LOAD_PA) -e $(VIRT_LOAD_PA) \
		-n aarch64-stub -d $< $@ >/dev/null

$(BUILD)/stub.itb: board/virt/stub.its.in $(IMAGE) $(BUILD)/virt/board.dtb
	@$(if $(Q),echo "  MKIMAGE $@")
	$(Q)sed 's/@LOAD_PA@/$(VIRT_LOAD_PA)/g' $< > $(BUILD)/stub.its
	$(Q)cp $(BUILD)/virt/board.dtb $(BUILD)/board.dtb
	$(Q)cd $(BUILD) && mkimage -q -f stub.its stub.itb

$(BUILD)/boot.scr: board/virt/boot.cmd | deps
	@$(if $(Q),echo "  MKIMAGE $@")
	$(Q)mkimage -q -A arm64 -O linux -T script -C none -n aarch64-stub -d $< $@ >/dev/null

# The Raspberry Pi 3 SD card (always the product's Image, in build/): the
# same boot.scr as virt's disks, Debian's rpi_3 U-Boot (its own DTB inside)
# and board/raspi3b/config.txt for the Pi firmware. rpi_arm64 (which takes
# the firmware's DTB) is fetched with it: make test boots both.
SDCARD        := build/sdcard-rpi3.img
UBOOT_RPI_DIR := build/u-boot-rpi/root/usr/lib/u-boot
UBOOT_RPI_BIN := $(UBOOT_RPI_DIR)/rpi_3/u-boot.bin
sdcard: $(SDCARD)
$(UBOOT_RPI_BIN): scripts/fetch-uboot-rpi.sh | deps
	@$(if $(Q),echo "  FETCH   $@ (Debian's u-boot-rpi:arm64)")
	$(Q)scripts/fetch-uboot-rpi.sh build/u-boot-rpi >/dev/null
	$(Q)touch $@
$(SDCARD): scripts/mksdcard.sh build/boot.scr build/Image $(UBOOT_RPI_BIN) board/raspi3b/config.txt
	@$(if $(Q),echo "  SDCARD  $@")
	$(Q)scripts/mksdcard.sh $@ build/boot.scr build/Image $(UBOOT_RPI_BIN) board/raspi3b/config.txt
	@echo "sdcard: $@ (64 MiB; add the Pi firmware files; write it with dd: docs/loading.md)"

# The FIT's DTB: QEMU's description of the default virt machine (EL1, PSCI
# over hvc, 128 MiB); U-Boot rewrites /memory and /chosen in it before
# booting, so the RAM size is still right. dtc drops QEMU's 1 MiB padding.
$(BUILD)/virt/board.dtb: | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  DTB     $@")
	$(Q)$(QEMU) -M virt,dumpdtb=$@.qemu -cpu cortex-a53 -m 128M -nographic -nodefaults >/dev/null 2>&1
	$(Q)dtc -q -I dtb -O dtb -o $@ $@.qemu && rm -f $@.qemu

# QEMU: the raw Image through -kernel, semihosting for the exit status,
# the board's DTB where the machine makes none, its console's serial.
QEMU_RUN = $(QEMU) -M $(BOARD_QEMU_MACHINE) -cpu $(BOARD_QEMU_CPU) -m $(BOARD_QEMU_MEM) \
	    -nographic -nodefaults $(BOARD_QEMU_SERIAL) -semihosting -no-reboot \
	    $(if $(BOARD_DTB_FILE),-dtb $(BOARD_DTB_FILE))

# The full report (registers decoded, both maps dumped, every probe); the
# default, stub.report=summary, is what a real UART at 115200 baud wants.
run: $(IMAGE) $(BOARD_DTB_FILE)
	$(Q)timeout 60 $(QEMU_RUN) -kernel $(IMAGE) -append stub.report=full </dev/null

# The MMU monitor (stub.shell, docs/shell.md), interactive: QEMU's serial is
# this terminal; `exit [STATUS]` ends it (Ctrl-C ends QEMU).
run-shell: $(IMAGE) $(BOARD_DTB_FILE)
	$(Q)$(QEMU_RUN) -kernel $(IMAGE) -append stub.shell

# Instruction counts by a TCG plugin (host gcc, no QEMU headers needed),
# the stub beside Debian's Linux Image (fetched once into build/linux).
BENCH_PLUGIN := build/bench/insn_plugin.so
$(BENCH_PLUGIN): tests/bench/insn_plugin.c | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  HOSTCC  $@")
	$(Q)$(HOSTCC) -std=gnu11 -O2 -Wall -Wextra -Werror -fPIC -shared -fvisibility=hidden -o $@ $<

# Any geometry: PAGE_SIZE=... VA_BITS=... make bench measures that build
# (figures in $(BUILD)/bench/); it needs only the Image and virt's ELF (a
# 64 KiB build's image is beyond the Pi 3's BOARD_IMAGE_SIZE_MAX).
bench: $(IMAGE) $(BUILD)/stub.elf $(BENCH_PLUGIN)
	$(Q)tests/bench/bench.sh $(BUILD) $(BENCH_PLUGIN)

# make bench in every geometry, one table side by side.
bench-geometries: $(BENCH_PLUGIN)
	$(Q)tests/bench/geometries.sh

# Interactive debugging under QEMU's gdbstub: make debug, make debug-server.
include scripts/gdb/debug.mk

fuzz: | deps
	$(Q)$(MAKE) --no-print-directory -f tests/fuzz/fuzz.mk long

unit-test: | deps
	$(Q)$(MAKE) --no-print-directory -f tests/unit/unit.mk BOARD=$(BOARD)

# Every other geometry's Image and virt ELF (tests/qemu/geometry-cases.sh),
# each geometry its own make, all of them in parallel.
GEOMETRY_OTHERS := $(filter-out $(GEOMETRY_DEFAULT),$(GEOMETRIES))
geometries: $(addprefix geometry-,$(GEOMETRY_OTHERS))
geometry-%: | deps
	$(Q)$(MAKE) --no-print-directory PAGE_SIZE=$(firstword $(subst -, ,$*)) \
		VA_BITS=$(lastword $(subst -, ,$*)) BOARD=virt \
		build/$(call geometry_dir,$*)/Image build/$(call geometry_dir,$*)/virt/stub.elf

test: all | deps
	$(Q)$(MAKE) --no-print-directory CONFIG_TEST_HOOKS=1 BOARD=$(BOARD) all
	$(Q)$(MAKE) --no-print-directory -j$(shell nproc) geometries
	$(Q)$(MAKE) --no-print-directory sdcard
	$(Q)for b in $(BOARDS); do $(MAKE) --no-print-directory BOARD=$$b board-dtb || exit 1; done
	$(Q)tests/run-all.sh $(BOARD)

# The board's test facts as shell assignments (tests/run-all.sh, other boards).
board-env:
	@$(foreach v,$(BOARD_TEST_VARS),echo "export $(v)='$($(v))'";)

clean:
	rm -rf build

-include $(OBJS:.o=.d)
# Objects and link scripts are prerequisites of pattern rules: keep them.
.SECONDARY: $(OBJS)
.PRECIOUS: $(BUILD)/%/link.lds
