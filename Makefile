# Makefile - build, run, test and benchmark the AArch64 boot stub.
#
#   make            build build/$(BOARD)/stub.elf, Image, stub.map and the
#                   U-Boot artifacts (make image): uImage, stub.itb, boot.scr
#   make run        boot the Image on QEMU and show the full report
#   make test       host unit tests, fuzz, DTB corpus, QEMU boot matrix, test
#                   build's fault and negative tests, U-Boot, product, gdb
#   make bench      deterministic instruction counts under QEMU -icount
#   make fuzz       fuzz the runtime map API for FUZZ_SECONDS (default 300)
#   make debug      QEMU paused + gdb-multiarch attached (scripts/gdb/stub.py)
#   make debug-server  QEMU paused with a gdbstub; prints the gdb command line
# Variables: BOARD (default virt), CROSS_COMPILE (aarch64-linux-gnu-), V=1.

.DEFAULT_GOAL := all
BOARD         ?= virt
CROSS_COMPILE ?= aarch64-linux-gnu-
V             ?= 0
# Test-only: a variant that links tests/target/ (fault tests, deliberate
# failures from stub.test=... in bootargs) into build/$(BOARD)-test/.
CONFIG_TEST_HOOKS ?= 0

ifeq ($(V),1)
Q :=
else
Q := @
endif

BOARD_DIR := board/$(BOARD)
ifeq ($(wildcard $(BOARD_DIR)/board.mk),)
$(error BOARD=$(BOARD): no $(BOARD_DIR)/board.mk; boards: $(notdir $(wildcard board/*)))
endif
ifeq ($(CONFIG_TEST_HOOKS),1)
BUILD := build/$(BOARD)-test
else
BUILD := build/$(BOARD)
endif
QEMU := qemu-system-aarch64
# The board's facts, and its rule for $(BUILD)/board.dtb (the FIT's DTB).
include $(BOARD_DIR)/board.mk

CC      := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy
OBJDUMP := $(CROSS_COMPILE)objdump
NM      := $(CROSS_COMPILE)nm
HOSTCC  ?= gcc

INCLUDES := -I$(BOARD_DIR) -Immu -Istart -Ilib -I$(BUILD)/include
# -mgeneral-regs-only and -mstrict-align: code that runs with the MMU off
# sees Device memory, where unaligned and SIMD accesses fault.
# -fno-tree-switch-conversion: no tables of absolute pointers, which are
# wrong before the MMU is on. -fno-pie: adrp/add (PC-relative) addressing.
ARCH_FLAGS := -mcpu=cortex-a53 -mgeneral-regs-only -mstrict-align -mcmodel=small \
	      -fno-pie -fno-pic -fno-tree-switch-conversion -fno-stack-protector \
	      -ffunction-sections -fdata-sections
# Board facts the tests need too come from board.mk, once.
BOARD_DEFINES := -DBOARD_RAM_BASE_PA=$(BOARD_RAM_BASE_PA)
CFLAGS := --specs=picolibc.specs -std=gnu11 -O2 -g -Wall -Wextra -Werror \
	  $(ARCH_FLAGS) $(INCLUDES) $(BOARD_DEFINES) -MMD -MP
ASFLAGS := --specs=picolibc.specs -g -Werror $(INCLUDES) -MMD -MP
LIBFDT  := /usr/lib/aarch64-linux-gnu/libfdt.a
LDFLAGS := --specs=picolibc.specs -nostartfiles -static -Wl,--gc-sections \
	   -Wl,-Map,$(BUILD)/stub.map -Wl,--fatal-warnings -Wl,-z,noexecstack

SRCS_S := start/head.S start/el.S start/tables.S start/vectors.S start/replace_ttbr1.S \
	  lib/semihost.S
SRCS_C := start/main.c start/refuse.c start/traps.c start/esr.c start/smp.c \
	  mmu/desc.c mmu/walk.c mmu/dump.c mmu/memmap.c mmu/regs.c mmu/check.c mmu/xlat.c \
	  mmu/kernel_map.c mmu/cache.c mmu/hw.c \
	  lib/console.c lib/$(BOARD_UART_DRIVER).c lib/exit.c lib/psci.c lib/machine.c lib/bootargs.c \
	  lib/libc_glue.c lib/bench.c
# The test build only: what provokes failures and faults on purpose. It
# registers itself in link.ld's .test_hooks table (start/hooks.h).
ifeq ($(CONFIG_TEST_HOOKS),1)
SRCS_S += tests/target/probes.S tests/target/el0.S
SRCS_C += tests/target/faults.c tests/target/testhooks.c
INCLUDES += -Itests/target
endif
OBJS := $(addprefix $(BUILD)/,$(SRCS_S:.S=.o) $(SRCS_C:.c=.o))

ELF   := $(BUILD)/stub.elf
IMAGE := $(BUILD)/Image
# A board has a FIT source and a boot script when it can use them.
UBOOT_ARTIFACTS := $(BUILD)/uImage \
	$(if $(wildcard $(BOARD_DIR)/stub.its.in),$(BUILD)/stub.itb) \
	$(if $(wildcard $(BOARD_DIR)/boot.cmd),$(BUILD)/boot.scr)

.PHONY: all image deps run test unit-test bench fuzz board-env clean
all: $(ELF) $(IMAGE) image
image: $(UBOOT_ARTIFACTS)

# Installs missing Debian packages (no-op when all are present).
deps:
	$(Q).ci/install-deps

# libfdt's headers live in /usr/include with glibc's: expose only those.
$(BUILD)/include/libfdt.h: | deps
	$(Q)mkdir -p $(@D)
	$(Q)for h in libfdt.h libfdt_env.h fdt.h; do ln -sf /usr/include/$$h $(@D)/$$h; done

$(BUILD)/%.o: %.S | deps $(BUILD)/include/libfdt.h
	@mkdir -p $(@D)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

$(BUILD)/%.o: %.c | deps $(BUILD)/include/libfdt.h
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/link.lds: link.ld $(BOARD_DIR)/board.mk | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LDS     $@")
	$(Q)$(CC) -E -P -x assembler-with-cpp $(INCLUDES) -DBOARD_LOAD_PA=$(BOARD_LOAD_PA) $< -o $@

# mmu_enable turns the MMU on: a value it spilled to the stack with the MMU
# off could be read back from a stale cache line with it on. It must not
# touch sp at all; this is checked on every link.
$(ELF): $(OBJS) $(BUILD)/link.lds
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -T $(BUILD)/link.lds $(OBJS) $(LIBFDT) -o $@.tmp
	$(Q)if $(OBJDUMP) -d --disassemble=mmu_enable $@.tmp | grep -E '^ +[0-9a-f]+:' | \
		grep -qwE 'sp|x29'; then \
		echo "$@: mmu_enable uses the stack (see mmu/hw.c)"; rm -f $@.tmp; exit 1; fi
	$(Q)mv $@.tmp $@

$(IMAGE): $(ELF)
	@$(if $(Q),echo "  OBJCOPY $@")
	$(Q)$(OBJCOPY) -O binary $< $@

# The test scripts take the board's facts from here, not from copies.
BOARD_TEST_VARS := BOARD_QEMU_MACHINE BOARD_QEMU_CPU BOARD_QEMU_MEM BOARD_QEMU_SMP BOARD_QEMU_CASES \
	BOARD_QEMU_EL1 BOARD_QEMU_EL2 BOARD_QEMU_EL3 BOARD_QEMU_DTB BOARD_LOAD_PA BOARD_RAM_BASE_PA BOARD_UBOOT_BIN BOARD_UBOOT_ENV_SIZE BOARD_UBOOT_FLASH_SIZE
export $(BOARD_TEST_VARS)

# U-Boot: legacy uImage (bootm), FIT with a sha256 hash (bootm), script.
$(BUILD)/uImage: $(IMAGE)
	@$(if $(Q),echo "  MKIMAGE $@")
	$(Q)mkimage -q -A arm64 -O linux -T kernel -C none -a $(BOARD_LOAD_PA) -e $(BOARD_LOAD_PA) \
		-n aarch64-stub -d $< $@ >/dev/null

$(BUILD)/stub.itb: $(BOARD_DIR)/stub.its.in $(IMAGE) $(BUILD)/board.dtb
	@$(if $(Q),echo "  MKIMAGE $@")
	$(Q)sed 's/@LOAD_PA@/$(BOARD_LOAD_PA)/g' $< > $(BUILD)/stub.its
	$(Q)cd $(BUILD) && mkimage -q -f stub.its stub.itb

$(BUILD)/boot.scr: $(BOARD_DIR)/boot.cmd | deps
	@$(if $(Q),echo "  MKIMAGE $@")
	$(Q)mkimage -q -A arm64 -O linux -T script -C none -n aarch64-stub -d $< $@ >/dev/null

# QEMU: the raw Image through -kernel, semihosting for the exit status.
QEMU_RUN := $(QEMU) -M $(BOARD_QEMU_MACHINE) -cpu $(BOARD_QEMU_CPU) -m $(BOARD_QEMU_MEM) \
	    -nographic -nodefaults -serial stdio -semihosting -no-reboot

# The full report (registers decoded, both maps dumped, every probe); the
# default, stub.report=summary, is what a real UART at 115200 baud wants.
run: $(IMAGE)
	$(Q)timeout 60 $(QEMU_RUN) -kernel $(IMAGE) -append stub.report=full </dev/null

# Instruction counts by a TCG plugin (host gcc, no QEMU headers needed),
# the stub beside Debian's Linux Image (fetched once into build/linux).
BENCH_PLUGIN := build/bench/insn_plugin.so
$(BENCH_PLUGIN): tests/bench/insn_plugin.c | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  HOSTCC  $@")
	$(Q)$(HOSTCC) -std=gnu11 -O2 -Wall -Wextra -Werror -fPIC -shared -fvisibility=hidden -o $@ $<

bench: $(IMAGE) $(BENCH_PLUGIN)
	$(Q)tests/bench/bench.sh $(BUILD) $(BENCH_PLUGIN)

# Interactive debugging under QEMU's gdbstub: make debug, make debug-server.
include scripts/gdb/debug.mk

fuzz: | deps
	$(Q)$(MAKE) --no-print-directory -f tests/fuzz/fuzz.mk long

unit-test: | deps
	$(Q)$(MAKE) --no-print-directory -f tests/unit/unit.mk BOARD=$(BOARD)

test: all | deps
	$(Q)$(MAKE) --no-print-directory CONFIG_TEST_HOOKS=1 BOARD=$(BOARD) all
	$(Q)for b in $(filter-out $(BOARD),$(notdir $(wildcard board/*))); do \
		$(MAKE) --no-print-directory BOARD=$$b all || exit 1; done
	$(Q)tests/run-all.sh $(BOARD)

# The board's test facts as shell assignments (tests/run-all.sh, other boards).
board-env:
	@$(foreach v,$(BOARD_TEST_VARS),echo "export $(v)='$($(v))'";)

clean:
	rm -rf build

-include $(OBJS:.o=.d)
