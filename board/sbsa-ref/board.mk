# board/sbsa-ref/board.mk - QEMU's -M sbsa-ref (the Arm Server Base System
# Architecture reference: RAM at 1 TiB, the server memory map): how to run
# the Image there.
# Owns: the QEMU command line, the ROMs it needs, the ELF's load address,
# what every boot must show. QEMU makes the DTB (its firmware's: no console,
# /cpus/cpu@N without device_type, an empty /chosen).
#
# RAM starts at 0x100_0000_0000 (1 TiB), above the 512 GiB the default
# 4K/39 geometry's VA bits reach: that Image runs with the extended
# identity map (TTBR0's own 48-bit root, docs/boot.md), a 48-bit build
# (make geometries: build/4k-48/) with its own; -kernel enters either at
# EL2 on one CPU. With no console in the DTB the report goes through
# semihosting (QEMU's stderr), and the stub says so.

BOARD_LOAD_PA      := 0x10000200000
BOARD_RAM_BASE_PA  := 0x10000000000
BOARD_QEMU_MACHINE := sbsa-ref
BOARD_QEMU_CPU     := neoverse-n1
BOARD_QEMU_SMP     := 1
BOARD_QEMU_MEM     := 1G
BOARD_QEMU_EL2     :=
BOARD_QEMU_EL3     :=
# ARTIFACT[@GEOMETRY]:EL:ONLINE:SMP:MEM:EXPECT (tests/qemu/cases-board.sh).
BOARD_QEMU_CASES   := image@4k-48:2 image@4k-48:2:::4G image:2::::pass/TTBR0_its_own_48-bit_identity_map,_4_levels
BOARD_QEMU_DTB     :=
BOARD_QEMU_SERIAL  := -serial stdio
BOARD_QEMU_MARKS   := console:_none:_the_DTB_names_none_(no_/chosen/stdout-path,_no_/aliases/serial0)&console_none_(semihosting_only)
# Its VGA loads a SeaBIOS ROM (7.2: stdvga, 10.0: bochs-display) or QEMU
# does not start: scripts/fetch-seabios.sh finds or fetches them.
BOARD_QEMU_ROMS    := vgabios-stdvga.bin vgabios-bochs-display.bin
# Under -icount this machine crawls (the stub's TLB maintenance loops take
# minutes, on 7.2 and 10.0): its boots run in real time, with no
# instruction count in the matrix.
BOARD_QEMU_ICOUNT  := off
