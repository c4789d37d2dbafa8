# tests/gdb/t_walker.py - the walker's geometry without a target: tables
# built by hand in a fake physical memory, registers given as values, for
# granules and levels this stub never uses (4K with 4 levels and level 0,
# 16K through TG1 = 0b01, 64K starting at level 2, the one-range EL2 regime).
# Expected results are written out here, not computed with stub.py's formulas.
import os
import sys
import types

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gdbtest as T  # noqa: E402

sys.path.insert(0, os.path.join(T.ROOT, "scripts/gdb"))
from stubgdb import fmt, regime, walker  # noqa: E402
S = types.SimpleNamespace(walk=walker.walk, dump_half=walker.dump_half, Regime=regime.Regime,
                          format_size=fmt.format_size)

MAIR = 0xff << 32 | 0x44 << 24 | 0x0c << 16 | 0x04 << 8          # [4] normal, [0] device
NORMAL = "RW x  SHD AF MEM/NORMAL"
PAGE, BLOCK, TABLE = 0x713, 0x711, 0x3                           # AF, SH=3, AttrIndx 4
IPS48 = 5 << 32


class FakeMem:
    def __init__(self):
        self.words = {}

    def put(self, table, index, value):
        self.words[table + 8 * index] = value

    def desc(self, pa):
        return self.words.get(pa, 0)

    def table(self, pa, n):
        return tuple(self.words.get(pa + 8 * i, 0) for i in range(n))


def expect_pa(name, regime, mem, va, pa, level, size, attrs=NORMAL):
    r = S.walk(regime, mem, va)
    got = (r.pa, r.level, S.format_size(r.size) if r.size else None,
           r.attrs.format() if r.attrs else None)
    T.check(got == (pa, level, size, attrs), "%s: va 0x%x -> pa 0x%x L%d %s" % (
        name, va, pa, level, size), "got %r fault %r" % (got, r.fault))


def expect_fault(name, regime, mem, va, level):
    r = S.walk(regime, mem, va)
    T.check(r.pa is None and r.fault and r.fault[0] == level,
            "%s: va 0x%x faults at level %d" % (name, va, level),
            "pa %r fault %r" % (r.pa, r.fault))


def body():
    # 4K granule, 48-bit VA (T0SZ=16): levels 0-3, 9 bits each.
    m = FakeMem()
    m.put(0x1000, 3, 0x2000 | TABLE)            # L0[3]
    m.put(0x2000, 5, 0x3000 | TABLE)            # L1[5]
    m.put(0x3000, 7, 0x4000 | TABLE)            # L2[7]
    m.put(0x4000, 9, 0x12345000 | PAGE)         # L3[9]: 4K page
    m.put(0x2000, 6, 0x80000000 | BLOCK)        # L1[6]: 1G block
    m.put(0x1000, 4, 0x40000000 | BLOCK)        # L0[4]: a block at L0 is reserved with 4K
    r = S.Regime.from_values(1, 1, 16 | IPS48 | 2 << 30 | 25 << 16, MAIR, (0x1000, 0))
    va = 3 << 39 | 5 << 30 | 7 << 21 | 9 << 12 | 0x123
    expect_pa("4K 48-bit", r, m, va, 0x12345123, 3, "4K")
    va = 3 << 39 | 6 << 30 | 0x2345678
    expect_pa("4K 48-bit", r, m, va, 0x82345678, 1, "1G")
    expect_fault("4K 48-bit, block at L0", r, m, 4 << 39, 0)
    expect_fault("4K 48-bit, invalid L1", r, m, 3 << 39 | 7 << 30, 1)
    expect_fault("4K 48-bit, bit 48 set in a TTBR0 address", r, m, 1 << 48, 0)

    # 16K granule in TTBR1 (TG1=0b01), 47-bit VA (T1SZ=17): start L1 with
    # 2048 entries; shifts 36, 25, 14.
    m = FakeMem()
    m.put(0x10000, 1000, 0x14000 | TABLE)       # L1[1000]
    m.put(0x14000, 2000, 0x18000 | TABLE)       # L2[2000]
    m.put(0x18000, 3, 0x40000000 | PAGE)        # L3[3]: 16K page
    m.put(0x14000, 2001, 0x42000000 | BLOCK)    # L2[2001]: 32M block
    m.put(0x10000, 1001, 0x1000000000 | BLOCK)  # L1 block: reserved with 16K
    tcr = 25 | 17 << 16 | 1 << 30 | IPS48       # TG0=0b00 (4K) for TTBR0, TG1=0b01 (16K)
    r = S.Regime.from_values(1, 1, tcr, MAIR, (0, 0x10000))
    base = 0xffff800000000000
    va = base | 1000 << 36 | 2000 << 25 | 3 << 14 | 0x1234
    expect_pa("16K TTBR1", r, m, va, 0x40001234, 3, "16K")
    va = base | 1000 << 36 | 2001 << 25 | 0x1abcdef
    expect_pa("16K TTBR1", r, m, va, 0x43abcdef, 2, "32M")
    expect_fault("16K TTBR1, block at L1", r, m, base | 1001 << 36, 1)
    expect_fault("16K TTBR1, below the 47-bit range", r, m, 0xffff000000000000, 0)
    ranges = []
    S.dump_half(r.half(1), m, ranges)
    got = [(va, pa, size, level) for va, pa, size, level, _ in ranges]
    want = [(base | 1000 << 36 | 2000 << 25 | 3 << 14, 0x40000000, 1 << 14, 3),
            (base | 1000 << 36 | 2001 << 25, 0x42000000, 1 << 25, 2)]
    T.check(got == want, "16K TTBR1: pt-dump finds the page and the block", "got %r" % got)

    # 64K granule (TG0=0b01), 42-bit VA (T0SZ=22): start L2 with 8192
    # entries; shifts 29, 16.
    m = FakeMem()
    m.put(0x100000, 5000, 0x200000 | TABLE)     # L2[5000]
    m.put(0x200000, 7000, 0x300000000 | PAGE)   # L3[7000]: 64K page
    m.put(0x100000, 5001, 0x20000000 | BLOCK)   # L2[5001]: 512M block
    r = S.Regime.from_values(1, 1, 22 | 1 << 14 | 2 << 30 | 25 << 16 | IPS48, MAIR,
                             (0x100000, 0))
    expect_pa("64K 42-bit", r, m, 5000 << 29 | 7000 << 16 | 0xabcd, 0x30000abcd, 3, "64K")
    expect_pa("64K 42-bit", r, m, 5001 << 29 | 0x1234567, 0x21234567, 2, "512M")
    expect_fault("64K 42-bit, bit 42 set", r, m, 1 << 42, 0)

    # EL2 regime (one range): bit 54 is XN (shown as NX), bit 53 is RES0.
    m = FakeMem()
    m.put(0x1000, 1, 0x2000 | TABLE)
    m.put(0x2000, 0, 0x40000000 | BLOCK | 1 << 54)
    m.put(0x2000, 1, 0x40200000 | BLOCK | 1 << 53)
    r = S.Regime.from_values(2, 1, 25 | 2 << 16, MAIR, (0x1000,))
    expect_pa("EL2 4K 39-bit", r, m, 0x40001234, 0x40001234, 2, "2M", "RW NX SHD AF MEM/NORMAL")
    expect_pa("EL2 4K 39-bit", r, m, 0x40201234, 0x40201234, 2, "2M", NORMAL)

    # PA size: an output address beyond IPS is an address size fault.
    m = FakeMem()
    m.put(0x1000, 1, 0x2000 | TABLE)
    m.put(0x2000, 0, 0x10000000000 | BLOCK)     # 2^40: beyond a 40-bit PA
    r = S.Regime.from_values(1, 1, 25 | 25 << 16 | 2 << 30 | 2 << 32, MAIR, (0x1000, 0))
    res = S.walk(r, m, 0x40000000)
    T.check(res.pa is None and res.fault and "address size" in res.fault[1],
            "an output address beyond IPS (40-bit) is an address size fault", repr(res.fault))


T.main(body)
