# scripts/gdb/debug.mk - interactive debugging under QEMU's gdbstub.
# Included from the top Makefile (after IMAGE, ELF, BUILD, QEMU and the
# board's BOARD_QEMU_* / BOARD_LOAD_PA are defined).
#
#   make debug          QEMU paused with a gdbstub, gdb-multiarch attached with
#                       scripts/gdb/stub.py, the ELF and stub-symbols; QEMU is
#                       killed when gdb exits
#   make debug-server   only QEMU (console on this terminal); prints the exact
#                       gdb command line to attach from another gdb or an IDE
# Variables:
#   GDB_PORT=N        gdbstub port on 127.0.0.1 (default: a free port)
#   DEBUG_EL=1|2|3    entry exception level (board's BOARD_QEMU_ELn machine
#                     properties; default 1)
#   DEBUG_LOAD_PA=A   where the Image is loaded (default BOARD_LOAD_PA; any
#                     other address, or EL3, loads it with QEMU's generic loader)
#   DEBUG_QEMU_ARGS=  extra QEMU options;  GDB=  the debugger (gdb-multiarch)

GDB             ?= gdb-multiarch
GDB_PORT        ?=
DEBUG_EL        ?= 1
DEBUG_LOAD_PA   ?= $(BOARD_LOAD_PA)
DEBUG_QEMU_ARGS ?=
DEBUG_SERIAL    ?= $(BUILD)/debug-serial.log

# -kernel emulates firmware (EL2 at most) and always loads at BOARD_LOAD_PA,
# with the board's DTB where QEMU makes none. Elsewhere, or at EL3: QEMU's
# generic loader, entered through a trampoline that hands over QEMU's own
# DTB (at the start of RAM: virt and versal) in x0 (tests/qemu/trampoline.py).
ifneq ($(DEBUG_EL),3)
ifeq ($(DEBUG_LOAD_PA),$(BOARD_LOAD_PA))
DEBUG_PAYLOAD := -kernel $(IMAGE) $(if $(BOARD_DTB_FILE),-dtb $(BOARD_DTB_FILE))
endif
endif
DEBUG_TRAMPOLINE := $(BUILD)/debug.tramp
DEBUG_PAYLOAD ?= -device loader,file=$(IMAGE),addr=$(DEBUG_LOAD_PA) \
	-device loader,file=$(DEBUG_TRAMPOLINE),addr=$(shell printf '0x%x' $$(($(DEBUG_LOAD_PA) - 0x1000))),cpu-num=0

DEBUG_QEMU = $(QEMU) -M $(BOARD_QEMU_MACHINE)$(BOARD_QEMU_EL$(DEBUG_EL)) -cpu $(BOARD_QEMU_CPU) \
	     -m $(BOARD_QEMU_MEM) -nodefaults $(BOARD_QEMU_OPTS) -semihosting -no-reboot $(DEBUG_PAYLOAD) \
	     $(DEBUG_QEMU_ARGS)
# debug.py adds -S -gdb tcp:127.0.0.1:PORT (GDB_PORT, or a free port), starts
# gdb-multiarch with stub.py, the ELF and stub-symbols, and kills QEMU after.
DEBUG_PY = python3 scripts/gdb/debug.py $(if $(GDB_PORT),--port $(GDB_PORT)) --gdb $(GDB) \
	   --elf $(ELF) --load $(DEBUG_LOAD_PA)

.PHONY: debug debug-server debug-prepare
debug-prepare: $(ELF) $(IMAGE) $(BOARD_DTB_FILE) | board-qemu
	$(Q)tests/qemu/trampoline.py $(DEBUG_TRAMPOLINE) $(BOARD_RAM_BASE_PA) $(DEBUG_LOAD_PA)

# QEMU in the background (own session, console in a file); gdb in the
# foreground: Ctrl-C stops the target and never reaches QEMU or make.
# The console is the board's serial (the second one on a Pi).
debug: debug-prepare
	$(Q)$(DEBUG_PY) --log $(BUILD)/debug-qemu.log --serial $(DEBUG_SERIAL) -- \
		$(DEBUG_QEMU) -display none $(subst stdio,file:$(DEBUG_SERIAL),$(BOARD_QEMU_SERIAL))

# QEMU in the foreground with the console on this terminal; attach from
# another terminal or an IDE with the printed command line.
debug-server: debug-prepare
	$(Q)$(DEBUG_PY) --server -- $(DEBUG_QEMU) -nographic $(subst stdio,mon:stdio,$(BOARD_QEMU_SERIAL))
