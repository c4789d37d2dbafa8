# tests/tests.mk - the test, fuzz, bench and geometry targets.
#
# Owns: `make test` (the test build, every other geometry, the SD card and
# what QEMU needs for each board first, then tests/run-all.sh on the QEMUs
# it picks: QEMU=... one; by default the system's and, where that is older
# than 10.0, Debian's 10.0 fetched into build/), `make unit-test`, `make
# fuzz`, `make geometries` (each other geometry's Image and virt ELF, in
# parallel), `make bench` / `make bench-geometries` (instruction counts by
# a TCG plugin, built for the plugin API of the QEMU that runs it), and
# `make board-env` (the board's test facts as shell assignments for the
# scripts). Included by the Makefile.

# The test scripts take the board's facts from here, not from copies.
BOARD_TEST_VARS := BOARD BOARD_QEMU_MACHINE BOARD_QEMU_CPU BOARD_QEMU_MEM BOARD_QEMU_SMP \
	BOARD_QEMU_CASES BOARD_QEMU_MARKS BOARD_QEMU_EL1 BOARD_QEMU_EL2 BOARD_QEMU_EL3 \
	BOARD_QEMU_SERIAL BOARD_QEMU_RAM BOARD_QEMU_AUDIO BOARD_QEMU_ROMS BOARD_ROM_DIR \
	BOARD_QEMU_ICOUNT BOARD_QEMU_SINCE BOARD_SDCARD_UBOOTS BOARD_DTB_FILE BOARD_LOAD_PA \
	BOARD_RAM_BASE_PA BOARD_UBOOT_BIN BOARD_UBOOT_ENV_SIZE BOARD_UBOOT_FLASH_SIZE
export $(BOARD_TEST_VARS)
board-env:
	@$(foreach v,$(BOARD_TEST_VARS),echo "export $(v)='$($(v))'";)

# make QEMU=... test runs the QEMU suites on that one; else run-all.sh
# picks the system's and QEMU 10.0.
test: all | deps
	$(Q)$(MAKE) --no-print-directory CONFIG_TEST_HOOKS=1 BOARD=$(BOARD) all
	$(Q)$(MAKE) --no-print-directory -j$(shell nproc) geometries
	$(Q)$(MAKE) --no-print-directory sdcard
	$(Q)for b in $(BOARDS); do $(MAKE) --no-print-directory BOARD=$$b board-files || exit 1; done
	$(Q)tests/run-all.sh $(BOARD) $(if $(findstring command line,$(origin QEMU)),$(QEMU))

unit-test: | deps
	$(Q)$(MAKE) --no-print-directory -f tests/unit/unit.mk BOARD=$(BOARD)

fuzz: | deps
	$(Q)$(MAKE) --no-print-directory -f tests/fuzz/fuzz.mk long

# Every other geometry's Image and virt ELF (tests/qemu/geometry-cases.sh),
# each geometry its own make, all of them in parallel.
GEOMETRY_OTHERS := $(filter-out $(GEOMETRY_DEFAULT),$(GEOMETRIES))
geometries: $(addprefix geometry-,$(GEOMETRY_OTHERS))
geometry-%: | deps
	$(Q)$(MAKE) --no-print-directory PAGE_SIZE=$(firstword $(subst -, ,$*)) \
		VA_BITS=$(lastword $(subst -, ,$*)) BOARD=virt \
		build/$(call geometry_dir,$*)/Image build/$(call geometry_dir,$*)/virt/stub.elf

# Instruction counts by a TCG plugin (host gcc, no QEMU headers needed),
# the stub beside Debian's Linux Image (fetched once into build/linux). One
# source, one build per plugin API (QEMU 7.2 loads only API 1, 10.0 only
# 2 and later): the one the QEMU that runs it loads.
# BENCH_PLUGIN_FOR: the plugin's path for $(QEMU), asked when a recipe runs.
BENCH_PLUGIN_FOR = build/bench/insn_plugin-api$$(scripts/qemu-version.sh $(QEMU) plugin-api).so
build/bench/insn_plugin-api%.so: tests/bench/insn_plugin.c | deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  HOSTCC  $@")
	$(Q)$(HOSTCC) -std=gnu11 -O2 -Wall -Wextra -Werror -fPIC -shared -fvisibility=hidden \
		-DQEMU_PLUGIN_API=$* -o $@ $<

# Any geometry: PAGE_SIZE=... VA_BITS=... make bench measures that build
# (figures in $(BUILD)/bench/); it needs only the Image and virt's ELF (a
# 64 KiB build's image is beyond the Pi 3's BOARD_IMAGE_SIZE_MAX).
bench: $(IMAGE) $(BUILD)/stub.elf | deps
	$(Q)plugin=$(BENCH_PLUGIN_FOR) && $(MAKE) --no-print-directory -s $$plugin && \
		QEMU=$(QEMU) tests/bench/bench.sh $(BUILD) $$plugin

# make bench in every geometry, one table side by side (each make bench
# gets QEMU=... from the command line through MAKEFLAGS).
bench-geometries: | deps
	$(Q)tests/bench/geometries.sh

.PHONY: board-env test unit-test fuzz geometries bench bench-geometries
