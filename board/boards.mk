# board/boards.mk - every board's facts, read in make syntax, and board/'s
# sources.
#
# Owns: the list of boards (one folder with a board.mk each), reading each
# board.mk once with its BOARD_* variables kept as BOARD.<name>.<VAR> (so
# the one-Image check and the U-Boot artifacts see every board, not only
# the chosen one), the chosen board's facts under their board.mk names
# (BOARD_LOAD_PA, BOARD_QEMU_MACHINE, ...), the options the chosen board's
# machine needs from the QEMU that runs it (BOARD_QEMU_OPTS), and the
# sources: the board operations' lookup and every board's board.c (all in
# the one Image).
# Included by the Makefile with BOARD set.

BOARDS := $(patsubst board/%/board.mk,%,$(wildcard board/*/board.mk))
ifeq ($(filter $(BOARD),$(BOARDS)),)
$(error BOARD=$(BOARD): no board/$(BOARD)/board.mk; boards: $(BOARDS))
endif

# The facts a board.mk may give (docs/boards.md); unset ones are empty.
BOARD_FACTS := LOAD_PA RAM_BASE_PA IMAGE_SIZE_MAX QEMU_MACHINE QEMU_CPU QEMU_SMP QEMU_MEM \
	QEMU_RAM QEMU_EL1 QEMU_EL2 QEMU_EL3 QEMU_CASES QEMU_MARKS QEMU_DTB QEMU_SERIAL \
	QEMU_AUDIO QEMU_ROMS QEMU_ICOUNT QEMU_SINCE SDCARD_UBOOTS UBOOT_BIN UBOOT_ENV_SIZE \
	UBOOT_FLASH_SIZE

# read_board NAME: its board.mk with every fact cleared first, then each
# fact kept as BOARD.NAME.FACT.
define read_board
$(foreach f,$(BOARD_FACTS),BOARD_$(f) :=
)
include board/$(1)/board.mk
$(foreach f,$(BOARD_FACTS),BOARD.$(1).$(f) := $$(BOARD_$(f))
)
endef
$(foreach b,$(BOARDS),$(eval $(call read_board,$(b))))
$(foreach f,$(BOARD_FACTS),$(eval BOARD_$(f) := $$(BOARD.$(BOARD).$(f))))

# The options whose spelling depends on the QEMU (its sound device's
# backend, the ROM folder), asked of $(QEMU) only when a recipe uses them.
BOARD_ROM_DIR  := $(if $(BOARD_QEMU_ROMS),build/roms)
BOARD_QEMU_OPTS = $(if $(BOARD_QEMU_AUDIO)$(BOARD_QEMU_ROMS),$(shell BOARD_QEMU_AUDIO='$(BOARD_QEMU_AUDIO)' \
	BOARD_QEMU_ROMS='$(BOARD_QEMU_ROMS)' BOARD_ROM_DIR='$(BOARD_ROM_DIR)' \
	scripts/qemu-version.sh $(QEMU) board-opts))

SRCS += board/board_ops.c $(sort $(wildcard board/*/board.c))
