#!/usr/bin/env python3
# tests/qemu/trampoline.py - the few instructions a boot loader runs last.
#
# Owns: writing FILE, a 32-byte AArch64 program that sets x0 = DTB_PA and
# branches to IMAGE_PA (ldr x0, =DTB; ldr x1, =IMAGE; br x1), for runs that
# put the Image in memory with QEMU's generic loader (which sets only the
# PC): loaded at some free address with cpu-num=0, it hands the DTB over as
# booting.rst says, in x0.
# usage: trampoline.py FILE DTB_PA IMAGE_PA
import struct
import sys

path, dtb, image = sys.argv[1], int(sys.argv[2], 0), int(sys.argv[3], 0)
code = [
    0x58000080,  # ldr x0, [pc, #16]: the DTB's address, at +16
    0x580000a1,  # ldr x1, [pc, #20]: the Image's, at +24
    0xd61f0020,  # br x1
    0xd503201f,  # nop (the literals 8-byte aligned)
]
with open(path, "wb") as f:
    f.write(struct.pack("<4I2Q", *code, dtb, image))
