# tests/gdbpy/common.py - what every host test of scripts/gdb/stubgdb needs:
# the package on sys.path (no gdb, no QEMU), a fake physical memory made of
# a dict pa -> bytes, and the descriptor and register values the tests
# build tables from. Values are written out, never computed with stubgdb.
import os
import struct
import sys

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
GDB_SCRIPTS = os.path.join(ROOT, "scripts", "gdb")
if GDB_SCRIPTS not in sys.path:
    sys.path.insert(0, GDB_SCRIPTS)

from stubgdb.tables import DescReader  # noqa: E402

# The stub's MAIR_EL1 (mmu/regs.c): [0] device nGnRnE, [1] nGnRE, [2] GRE,
# [3] normal non-cacheable, [4] normal write-back.
MAIR = 0x000000ff440c0400
NORMAL = "RW x  SHD AF MEM/NORMAL"
# Descriptor low bits: AF (10), SH=inner (9:8), AttrIndx 4 (4:2), and the type.
PAGE, BLOCK, TABLE = 0x713, 0x711, 0x3
IPS40, IPS48 = 2 << 32, 5 << 32
TG1_4K, TG1_16K, TG1_64K = 2 << 30, 1 << 30, 3 << 30
TG0_64K, TG0_16K = 1 << 14, 2 << 14
EPD0, EPD1 = 1 << 7, 1 << 23
SCTLR_M = 0x1


class FakeMem(DescReader):
    """Guest physical memory as a dict of 8-byte-aligned pa -> 8 bytes;
    what was never written reads as zeros. reads lists every read."""

    def __init__(self, big_endian=False):
        super().__init__()
        self.image = {}
        self.order = ">Q" if big_endian else "<Q"
        self.reads = []

    def put(self, table, index, value):
        self.image[table + 8 * index] = struct.pack(self.order, value)

    def read(self, pa, nbytes):
        assert pa % 8 == 0 and nbytes % 8 == 0, "unaligned read 0x%x+%d" % (pa, nbytes)
        self.reads.append((pa, nbytes))
        return b"".join(self.image.get(a, bytes(8)) for a in range(pa, pa + nbytes, 8))
