# board/imx8mp-evk/board.mk - NXP's i.MX 8M Plus EVK (4x Cortex-A53), as
# QEMU's -M imx8mp-evk (tested on QEMU 10.0): how to run the Image there.
# Owns: the QEMU command line, which DTB QEMU is given (it makes none), the
# ELF's load address, the first QEMU tested, what every boot must show.
# Everything else comes from that DTB: RAM from 0x40000000 (QEMU patches
# /memory from -m), the DSP's 32 MiB no-map reservation at 0x92400000
# (never mapped), PSCI over SMC for the other CPUs, the console.

BOARD_LOAD_PA      := 0x40200000
BOARD_RAM_BASE_PA  := 0x40000000
BOARD_QEMU_MACHINE := imx8mp-evk
BOARD_QEMU_CPU     := cortex-a53
# QEMU runs one CPU unless given -smp (up to 4); the DTB always lists four:
# those QEMU does not run are named and left off (PSCI: not present).
BOARD_QEMU_SMP     := 1
BOARD_QEMU_MEM     := 2G
# An Image enters at EL2 (QEMU's PSCI over SMC starts the others). An ELF
# enters at EL3 on CPU 0 only, the others powered off: nothing starts them,
# and the holding pen waits 100 ms for each before it leaves it off (under
# make test's -icount, 300 M instructions: 10 to 20 s, more on a loaded
# machine, so make test does not boot it; by hand, -kernel
# build/imx8mp-evk/stub.elf ends with "cpus: 1 online, 3 left off").
BOARD_QEMU_EL2     :=
BOARD_QEMU_EL3     :=
# ARTIFACT:EL:ONLINE[+LEFT_OFF]:SMP:MEM (tests/qemu/cases-board.sh): one
# CPU and 2 GiB (the three others named, left off), four CPUs and 6 GiB
# (above 4 GiB), four and 2 GiB.
BOARD_QEMU_CASES   := image:2:1+3 image:2::4:6G image:2::4:2G
# Debian's kernel DTB. Its stdout-path is UART2 (0x30890000), QEMU's second
# -serial: the report comes out there (the i.MX UART driver).
BOARD_QEMU_DTB     := freescale/imx8mp-evk.dtb
BOARD_QEMU_SERIAL  := -serial null -serial stdio
BOARD_QEMU_MARKS   := ram:_not_mapped:_32M_at_pa_0x92400000_(dsp@92400000):_no-map&console_/soc@0/bus@30800000/serial@30890000_(imx)_at_pa_0x30890000
BOARD_QEMU_SINCE   := 10.0
