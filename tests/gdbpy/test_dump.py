# tests/gdbpy/test_dump.py - pt-dump's enumeration (stubgdb/walker.py
# dump_half) on hand-built tables: which leaves merge into one range
# (contiguous va and pa, same level, same attributes and table limits, also
# across tables) and which do not, in 4K, 16K and 64K granules.
import unittest

from common import BLOCK, IPS48, MAIR, PAGE, SCTLR_M, TABLE, TG0_64K, TG1_16K, FakeMem
from stubgdb.regime import Regime
from stubgdb.walker import dump_half

STUB_TCR = 0x00000002b5193519
RW = "RW x  SHD AF MEM/NORMAL"
XN = 1 << 53 | 1 << 54                           # PXN and UXN
GIB256 = 0xffffffc000000000                      # TTBR1 L1[256] in a 39-bit range


def dump(regime, n, mem):
    out = []
    dump_half(regime.half(n), mem, out)
    return [(va, pa, size, level, a.format()) for va, pa, size, level, a in out]


class Merging4K(unittest.TestCase):
    def setUp(self):
        m = self.m = FakeMem()
        m.put(0x40217000, 256, 0x40219003)
        m.put(0x40219000, 0, 0x40200000 | BLOCK)        # 2M block
        m.put(0x40219000, 1, 0x4021a003)                # L3 table
        m.put(0x4021a000, 0, 0x40400000 | PAGE)         # contiguous with the block, but L3
        m.put(0x4021a000, 1, 0x40401000 | PAGE)         # merges with [0]
        m.put(0x4021a000, 2, 0x40402000 | PAGE | 1 << 7)  # read-only: splits
        m.put(0x4021a000, 4, 0x40404000 | PAGE)         # after a hole
        m.put(0x4021a000, 5, 0x40500000 | PAGE)         # pa not contiguous: splits
        m.put(0x40219000, 2, 0x40600000 | BLOCK)        # back at L2: splits
        m.put(0x40219000, 3, 0x40800000 | BLOCK)        # merges: 4M
        m.put(0x40219000, 4, 0x40a00000 | BLOCK | XN)   # other attributes: splits
        m.put(0x40219000, 5, 0x09000000 | 0x401 | XN)   # device
        self.r = Regime.from_values(1, SCTLR_M, STUB_TCR, MAIR, (0, 0x40217000))

    def test_ranges(self):
        self.assertEqual(dump(self.r, 1, self.m), [
            (GIB256, 0x40200000, 0x200000, 2, RW),
            (GIB256 + 0x200000, 0x40400000, 0x2000, 3, RW),
            (GIB256 + 0x202000, 0x40402000, 0x1000, 3, "ro x  SHD AF MEM/NORMAL"),
            (GIB256 + 0x204000, 0x40404000, 0x1000, 3, RW),
            (GIB256 + 0x205000, 0x40500000, 0x1000, 3, RW),
            (GIB256 + 0x400000, 0x40600000, 0x400000, 2, RW),
            (GIB256 + 0x800000, 0x40a00000, 0x200000, 2, "RW NX SHD AF UXN MEM/NORMAL"),
            (GIB256 + 0xa00000, 0x09000000, 0x200000, 2, "RW NX NSH AF UXN DEVICE/nGnRnE"),
        ])

    def test_empty_range(self):
        self.assertEqual(dump(self.r, 0, self.m), [])

    def test_each_table_read_once(self):
        dump(self.r, 1, self.m)
        self.assertEqual(sorted(self.m.reads), [(0x40217000, 4096), (0x40219000, 4096),
                                                (0x4021a000, 4096)])


class AcrossTables(unittest.TestCase):
    """Leaves in two tables merge when nothing differs, and do not when the
    table descriptors above them set different limits."""

    def setUp(self):
        m = self.m = FakeMem()
        m.put(0x1000, 256, 0x2003 | 1 << 59)             # PXNTable
        m.put(0x2000, 511, 0x7fe00000 | BLOCK)
        m.put(0x1000, 257, 0x3003)
        m.put(0x3000, 0, 0x80000000 | BLOCK)             # contiguous, other limits
        m.put(0x3000, 511, 0xbfe00000 | BLOCK)
        m.put(0x1000, 258, 0x4003)
        m.put(0x4000, 0, 0xc0000000 | BLOCK)             # contiguous, same limits
        m.put(0x1000, 259, 0x100000000 | BLOCK)          # a 1G block
        m.put(0x1000, 260, 0x10000000000 | TABLE)        # table beyond the 40-bit PA: skipped
        self.r = Regime.from_values(1, SCTLR_M, STUB_TCR, MAIR, (0, 0x1000))

    def test_ranges(self):
        self.assertEqual(dump(self.r, 1, self.m), [
            (0xffffffc03fe00000, 0x7fe00000, 0x200000, 2, RW + " [PXNTable]"),
            (0xffffffc040000000, 0x80000000, 0x200000, 2, RW),
            (0xffffffc07fe00000, 0xbfe00000, 0x400000, 2, RW),
            (0xffffffc0c0000000, 0x100000000, 0x40000000, 1, RW),
        ])

    def test_hpd_ignores_the_limits(self):
        r = Regime.from_values(1, SCTLR_M, STUB_TCR | 1 << 42, MAIR, (0, 0x1000))
        self.assertEqual(dump(r, 1, self.m)[:2], [
            (0xffffffc03fe00000, 0x7fe00000, 0x400000, 2, RW),
            (0xffffffc07fe00000, 0xbfe00000, 0x400000, 2, RW),
        ])


class OtherGranules(unittest.TestCase):
    def test_16k_ttbr1(self):
        # The former tests/gdb/t_walker.py case: pt-dump finds the page and the block.
        m = FakeMem()
        m.put(0x10000, 1000, 0x14000 | TABLE)
        m.put(0x14000, 2000, 0x18000 | TABLE)
        m.put(0x18000, 3, 0x40000000 | PAGE)
        m.put(0x14000, 2001, 0x42000000 | BLOCK)
        m.put(0x10000, 1001, 0x1000000000 | BLOCK)       # reserved: not a range
        r = Regime.from_values(1, SCTLR_M, 25 | 17 << 16 | TG1_16K | IPS48, MAIR, (0, 0x10000))
        got = [(va, pa, size, level) for va, pa, size, level, _ in dump(r, 1, m)]
        self.assertEqual(got, [(0xffffbe8000000000 | 2000 << 25 | 3 << 14, 0x40000000, 1 << 14, 3),
                               (0xffffbe8000000000 | 2001 << 25, 0x42000000, 1 << 25, 2)])

    def test_64k_pages_merge(self):
        m = FakeMem()
        m.put(0x100000, 0, 0x200000 | TABLE)
        for i in range(16):
            m.put(0x200000, 100 + i, 0x40000000 + i * 0x10000 | PAGE)
        m.put(0x100000, 1, 0x60000000 | BLOCK)
        r = Regime.from_values(1, SCTLR_M, 22 | TG0_64K | IPS48, MAIR, (0x100000, 0))
        self.assertEqual(dump(r, 0, m), [(0x640000, 0x40000000, 0x100000, 3, RW),
                                         (0x20000000, 0x60000000, 0x20000000, 2, RW)])


if __name__ == "__main__":
    unittest.main()
