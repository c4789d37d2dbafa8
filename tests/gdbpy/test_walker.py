# tests/gdbpy/test_walker.py - the stage 1 walk (stubgdb/walker.py with
# regime.py and desc.py) on tables built by hand in a fake physical memory,
# registers given as values: 4K with 3 levels (the stub's 39-bit VA) and
# with 4 levels (level 0), 16K through TG1 = 0b01, 64K starting at level 2
# and at level 1 (with a 52-bit PA), FEAT_LPA2's DS (4K five levels from
# level -1, 16K, 52-bit output addresses, SH from the TCR), 64K/52's
# fallback root offset in TTBR1, the one-range EL2 and EL3 regimes,
# EL2&0, table limits, the range checks and the address size faults.
# (The former tests/gdb/t_walker.py cases are here, values unchanged; its
# pt-dump case is in test_dump.py.)
# Expected results are written out here, not computed with stubgdb's formulas.
import unittest

from common import (BLOCK, EPD0, IPS40, IPS48, MAIR, NORMAL, PAGE, SCTLR_M, TABLE, TG0_16K,
                    TG0_64K, TG1_16K, TG1_4K, TG1_64K, FakeMem)
from stubgdb.fmt import format_size
from stubgdb.regime import Regime
from stubgdb.walker import walk

# The stub's own TCR_EL1 (4K, T0SZ = T1SZ = 25, 40-bit IPS, cacheable walks).
STUB_TCR = 0x00000002b5193519


class WalkCase(unittest.TestCase):
    def expect_pa(self, regime, mem, va, pa, level, size, attrs=NORMAL):
        r = walk(regime, mem, va)
        got = (r.pa, r.level, format_size(r.size) if r.size else None,
               r.attrs.format() if r.attrs else None)
        self.assertEqual(got, (pa, level, size, attrs), "fault %r" % (r.fault,))
        return r

    def expect_fault(self, regime, mem, va, level, why=None):
        r = walk(regime, mem, va)
        self.assertIsNone(r.pa)
        self.assertIsNotNone(r.fault)
        self.assertEqual(r.fault[0], level, r.fault)
        if why is not None:
            self.assertEqual(r.fault[1], why)
        return r


class Granule4K48(WalkCase):
    """4K granule, 48-bit VA (T0SZ=16): levels 0-3, 9 bits each."""

    def setUp(self):
        m = self.m = FakeMem()
        m.put(0x1000, 3, 0x2000 | TABLE)            # L0[3]
        m.put(0x2000, 5, 0x3000 | TABLE)            # L1[5]
        m.put(0x3000, 7, 0x4000 | TABLE)            # L2[7]
        m.put(0x4000, 9, 0x12345000 | PAGE)         # L3[9]: 4K page
        m.put(0x2000, 6, 0x80000000 | BLOCK)        # L1[6]: 1G block
        m.put(0x1000, 4, 0x40000000 | BLOCK)        # L0[4]: a block at L0 is reserved with 4K
        self.r = Regime.from_values(1, SCTLR_M, 16 | IPS48 | TG1_4K | 25 << 16, MAIR,
                                    (0x1000, 0))

    def test_page_at_level_3(self):
        r = self.expect_pa(self.r, self.m, 3 << 39 | 5 << 30 | 7 << 21 | 9 << 12 | 0x123,
                           0x12345123, 3, "4K")
        self.assertEqual([(s[0], s[1], s[2], s[4]) for s in r.steps],
                         [(0, 0x1000, 3, "table"), (1, 0x2000, 5, "table"),
                          (2, 0x3000, 7, "table"), (3, 0x4000, 9, "page")])

    def test_1g_block_at_level_1(self):
        self.expect_pa(self.r, self.m, 3 << 39 | 6 << 30 | 0x2345678, 0x82345678, 1, "1G")

    def test_block_at_level_0_is_reserved(self):
        self.expect_fault(self.r, self.m, 4 << 39, 0, "translation fault (reserved descriptor)")

    def test_invalid_level_1(self):
        self.expect_fault(self.r, self.m, 3 << 39 | 7 << 30, 1,
                          "translation fault (invalid descriptor)")

    def test_bit_48_set_in_a_ttbr0_address(self):
        self.expect_fault(self.r, self.m, 1 << 48, 0,
                          "va outside TTBR0_EL1's range (bits 63:48 must be all zeros for "
                          "48-bit TTBR0_EL1)")

    def test_geometry(self):
        h = self.r.half(0)
        self.assertEqual((h.ia, h.start, h.entries(0), h.entries(3)), (48, 0, 512, 512))


class Granule4K39(WalkCase):
    """The stub's geometry: 4K, 39-bit VA in both halves, start level 1."""

    def setUp(self):
        m = self.m = FakeMem()
        m.put(0x40217000, 1, 0x4021f003)            # TTBR0 L1[1]: the identity GiB
        m.put(0x4021f000, 1, 0x40200711)            # 2M block at 0x40200000
        m.put(0x40217000, 256, 0x40219003)          # L1[256]: the link-address GiB
        m.put(0x40219000, 0, 0x40200711)            # L2[0]: 2M block
        m.put(0x40219000, 1, 0x4021a003)            # L2[1]: table
        m.put(0x4021a000, 0, 0x0060000040400713)    # L3[0]: page, PXN and UXN
        m.put(0x4021a000, 1, 0x40401311)            # L3[1]: type 01 at L3: reserved
        m.put(0x4021a000, 2, 0x40402313)            # L3[2]: AF clear
        self.r = Regime.from_values(1, 0x30d0181d, STUB_TCR, MAIR, (0x40217000, 0x40217000))

    def test_block_through_ttbr1(self):
        r = self.expect_pa(self.r, self.m, 0xffffffc000002390, 0x40202390, 2, "2M")
        self.assertEqual(r.half.ttbr_name, "TTBR1_EL1")
        self.assertEqual(r.steps[-1][5], "block 2M -> 0x0040200000 RW x  SHD AF MEM/NORMAL "
                                         "(AttrIndx 4 = 0xff)")

    def test_block_through_ttbr0(self):
        r = self.expect_pa(self.r, self.m, 0x40234567, 0x40234567, 2, "2M")
        self.assertEqual(r.half.ttbr_name, "TTBR0_EL1")

    def test_page_with_xn(self):
        self.expect_pa(self.r, self.m, 0xffffffc000200abc, 0x40400abc, 3, "4K",
                       "RW NX SHD AF UXN MEM/NORMAL")

    def test_reserved_encoding_at_level_3(self):
        r = self.expect_fault(self.r, self.m, 0xffffffc000201000, 3,
                              "translation fault (reserved descriptor)")
        self.assertEqual(r.steps[-1][5], "reserved encoding")

    def test_invalid_level_2(self):
        r = self.expect_fault(self.r, self.m, 0xffffffc000400000, 2)
        self.assertEqual(r.steps[-1][5], "invalid")

    def test_access_flag_clear_is_a_note(self):
        r = self.expect_pa(self.r, self.m, 0xffffffc000202008, 0x40402008, 3, "4K",
                           "RW x  SHD -- MEM/NORMAL")
        self.assertEqual(r.note, "access flag 0: an access faults unless hardware AF update "
                                 "(TCR.HA)")

    def test_outside_both_ranges(self):
        self.expect_fault(self.r, self.m, 0xffff000000000000, 0,
                          "va outside TTBR1_EL1's range (bits 63:39 must be all ones for "
                          "39-bit TTBR1_EL1)")
        self.expect_fault(self.r, self.m, 0x0000008000000000, 0,
                          "va outside TTBR0_EL1's range (bits 63:39 must be all zeros for "
                          "39-bit TTBR0_EL1)")

    def test_top_byte_ignored(self):
        # TBI1 (bit 38): bits 63:56 are a tag; bit 55 still selects TTBR1.
        r = Regime.from_values(1, SCTLR_M, STUB_TCR | 1 << 38, MAIR, (0x40217000, 0x40217000))
        self.expect_pa(r, self.m, 0x5affffc000002390, 0x40202390, 2, "2M")
        self.expect_fault(self.r, self.m, 0x5affffc000002390, 0)

    def test_epd_disables_a_range(self):
        r = Regime.from_values(1, SCTLR_M, STUB_TCR | EPD0, MAIR, (0x40217000, 0x40217000))
        self.expect_fault(r, self.m, 0x40200000, 0,
                          "TTBR0_EL1 walks disabled (TCR_EL1.EPD0=1)")
        self.expect_pa(r, self.m, 0xffffffc000000000, 0x40200000, 2, "2M")

    def test_asid_and_cnp_are_not_the_base(self):
        r = Regime.from_values(1, SCTLR_M, STUB_TCR, MAIR,
                               (0x0005000040217001, 0x0007000040217001))
        self.expect_pa(r, self.m, 0xffffffc000002390, 0x40202390, 2, "2M")

    def test_big_endian_tables(self):
        # SCTLR.EE: descriptors are big-endian in memory.
        m = FakeMem(big_endian=True)
        m.put(0x40217000, 256, 0x40219003)
        m.put(0x40219000, 0, 0x40200711)
        r = Regime.from_values(1, SCTLR_M | 1 << 25, STUB_TCR, MAIR, (0x40217000, 0x40217000))
        self.assertTrue(r.big_endian)
        m.big_endian = r.big_endian
        self.expect_pa(r, m, 0xffffffc000002390, 0x40202390, 2, "2M")

    def test_one_read_per_level(self):
        walk(self.r, self.m, 0xffffffc000200abc)
        self.assertEqual(self.m.reads, [(0x40217000 + 8 * 256, 8), (0x40219000 + 8, 8),
                                        (0x4021a000, 8)])


class TableLimits(WalkCase):
    """APTable, XNTable, PXNTable, NSTable from table descriptors, and
    TCR.HPDn which disables all but NSTable."""

    def setUp(self):
        m = self.m = FakeMem()
        # L1[256]: XNTable (60) and APTable=2 (62:61); L1[257]: PXNTable (59), NSTable (63).
        m.put(0x40217000, 256, 0x40219003 | 1 << 60 | 2 << 61)
        m.put(0x40219000, 0, 0x40200711)
        m.put(0x40217000, 257, 0x4021a003 | 1 << 59 | 1 << 63)
        m.put(0x4021a000, 0, 0x40400711)

    def test_inherited_limits_are_shown(self):
        r = Regime.from_values(1, SCTLR_M, STUB_TCR, MAIR, (0, 0x40217000))
        w = self.expect_pa(r, self.m, 0xffffffc000001000, 0x40201000, 2, "2M",
                           "RW x  SHD AF MEM/NORMAL [XNTable APTable=2]")
        self.assertEqual(w.steps[0][5], "table -> 0x0040219000 [XNTable APTable=2]")
        self.expect_pa(r, self.m, 0xffffffc040000000, 0x40400000, 2, "2M",
                       "RW x  SHD AF MEM/NORMAL [PXNTable NSTable]")

    def test_hpd_keeps_only_nstable(self):
        r = Regime.from_values(1, SCTLR_M, STUB_TCR | 1 << 42, MAIR, (0, 0x40217000))
        w = self.expect_pa(r, self.m, 0xffffffc000001000, 0x40201000, 2, "2M")
        self.assertEqual(w.steps[0][5], "table -> 0x0040219000 [XNTable APTable=2]")
        self.expect_pa(r, self.m, 0xffffffc040000000, 0x40400000, 2, "2M",
                       "RW x  SHD AF MEM/NORMAL [NSTable]")


class LeafAttributes(WalkCase):
    """Descriptor bits as the stub prints them, in a two-range and a
    one-range regime."""

    def setUp(self):
        m = self.m = FakeMem()
        m.put(0x1000, 1, 0x2000 | TABLE)
        # nG (11), AP[1] user (6), NS (5), contiguous (52), AttrIndx 1, SH=outer, read-only.
        m.put(0x2000, 0, 0x40000000 | 1 << 11 | 1 << 6 | 1 << 5 | 1 << 52 | 1 << 2 | 0x681)
        m.put(0x2000, 1, 0x40200000 | 0x701)        # AttrIndx 0, SH=inner, AF: device

    def test_two_ranges(self):
        r = Regime.from_values(1, SCTLR_M, STUB_TCR, MAIR, (0x1000, 0))
        w = self.expect_pa(r, self.m, 0x40000000, 0x40000000, 2, "2M",
                           "ro x  OSH AF nG USR DEVICE/nGnRE NS CONT")
        self.assertEqual((w.attrs.attrindx, w.attrs.mair_byte), (1, 0x04))
        self.expect_pa(r, self.m, 0x40200000, 0x40200000, 2, "2M",
                       "RW x  SHD AF DEVICE/nGnRnE")

    def test_one_range_has_no_user_or_ng(self):
        r = Regime.from_values(2, SCTLR_M, 25 | 2 << 16, MAIR, (0x1000,))
        self.expect_pa(r, self.m, 0x40000000, 0x40000000, 2, "2M",
                       "ro x  OSH AF DEVICE/nGnRE NS CONT")


class Granule16K(WalkCase):
    """16K granule in TTBR1 (TG1=0b01), 47-bit VA (T1SZ=17): start L1 with
    2048 entries; shifts 36, 25, 14."""
    BASE = 0xffff800000000000

    def setUp(self):
        m = self.m = FakeMem()
        m.put(0x10000, 1000, 0x14000 | TABLE)       # L1[1000]
        m.put(0x14000, 2000, 0x18000 | TABLE)       # L2[2000]
        m.put(0x18000, 3, 0x40000000 | PAGE)        # L3[3]: 16K page
        m.put(0x14000, 2001, 0x42000000 | BLOCK)    # L2[2001]: 32M block
        m.put(0x10000, 1001, 0x1000000000 | BLOCK)  # L1 block: reserved with 16K
        tcr = 25 | 17 << 16 | TG1_16K | IPS48       # TG0=0b00 (4K) for TTBR0, TG1=0b01 (16K)
        self.r = Regime.from_values(1, SCTLR_M, tcr, MAIR, (0, 0x10000))

    def test_16k_page(self):
        va = self.BASE | 1000 << 36 | 2000 << 25 | 3 << 14 | 0x1234
        self.expect_pa(self.r, self.m, va, 0x40001234, 3, "16K")

    def test_32m_block(self):
        va = self.BASE | 1000 << 36 | 2001 << 25 | 0x1abcdef
        self.expect_pa(self.r, self.m, va, 0x43abcdef, 2, "32M")

    def test_block_at_level_1_is_reserved(self):
        self.expect_fault(self.r, self.m, self.BASE | 1001 << 36, 1)

    def test_below_the_47_bit_range(self):
        self.expect_fault(self.r, self.m, 0xffff000000000000, 0)

    def test_geometries(self):
        h = self.r.half(1)
        self.assertEqual((h.g, h.ia, h.start, h.entries(1), h.entries(2)), (14, 47, 1, 2048, 2048))
        self.assertEqual(h.describe(), "TTBR1_EL1=0x0000000000010000, TCR_EL1.T1SZ=17, 16K "
                                       "granule, 47-bit VA, start L1")
        # 48 bits: a level-0 table of 2 entries; 36 bits: start at level 2.
        r = Regime.from_values(1, SCTLR_M, 16 | TG0_16K | IPS48, MAIR, (0, 0))
        h = r.half(0)
        self.assertEqual((h.start, h.entries(0)), (0, 2))
        r = Regime.from_values(1, SCTLR_M, 28 | TG0_16K | IPS48, MAIR, (0, 0))
        h = r.half(0)
        self.assertEqual((h.ia, h.start, h.entries(2)), (36, 2, 2048))


class Granule64K(WalkCase):
    """64K granule (TG0=0b01), 42-bit VA (T0SZ=22): start L2 with 8192
    entries; shifts 29, 16."""

    def setUp(self):
        m = self.m = FakeMem()
        m.put(0x100000, 5000, 0x200000 | TABLE)     # L2[5000]
        m.put(0x200000, 7000, 0x300000000 | PAGE)   # L3[7000]: 64K page
        m.put(0x100000, 5001, 0x20000000 | BLOCK)   # L2[5001]: 512M block
        self.r = Regime.from_values(1, SCTLR_M, 22 | TG0_64K | TG1_4K | 25 << 16 | IPS48, MAIR,
                                    (0x100000, 0))

    def test_64k_page(self):
        self.expect_pa(self.r, self.m, 5000 << 29 | 7000 << 16 | 0xabcd, 0x30000abcd, 3, "64K")

    def test_512m_block(self):
        self.expect_pa(self.r, self.m, 5001 << 29 | 0x1234567, 0x21234567, 2, "512M")

    def test_bit_42_set(self):
        self.expect_fault(self.r, self.m, 1 << 42, 0)

    def test_48_bit_starts_at_level_1(self):
        # 64 entries of 4T at level 1; a block there is reserved below 52-bit PA.
        m = FakeMem()
        m.put(0x40000, 1, 1 << 42 | BLOCK)
        r = Regime.from_values(1, SCTLR_M, 16 | TG0_64K | IPS48, MAIR, (0x40000, 0))
        h = r.half(0)
        self.assertEqual((h.start, h.entries(1), h.entries(2)), (1, 64, 8192))
        self.expect_fault(r, m, 1 << 42, 1, "translation fault (reserved descriptor)")

    def test_52_bit_pa(self):
        # IPS=6: a level-1 block is valid, and output address bits 51:48
        # come from descriptor bits 15:12.
        m = FakeMem()
        m.put(0x40000, 1, 1 << 42 | BLOCK)
        m.put(0x40000, 2, 0x50000 | TABLE)
        m.put(0x50000, 3, 0x20000000 | 0x3 << 12 | BLOCK)
        r = Regime.from_values(1, SCTLR_M, 16 | TG0_64K | 6 << 32, MAIR, (0x40000, 0))
        self.assertEqual(r.pa_bits, 52)
        self.expect_pa(r, m, 1 << 42 | 0x1234, 0x40000001234, 1, "4T")
        self.expect_pa(r, m, 2 << 42 | 3 << 29 | 0x56789, 0x3000020056789, 2, "512M")


# FEAT_LPA2 (TCR_EL1.DS, bit 59) and FEAT_LVA's 52-bit VAs: T1SZ = T0SZ =
# 12, IPS = 6 (52 bits), SH1 = SH0 = inner unless a test says otherwise.
DS, IPS52, SH_INNER = 1 << 59, 6 << 32, 3 << 28 | 3 << 12
PA52 = 0xb << 48                 # OA bits 51, 49 and 48 set


def lpa2_desc(pa, low):
    """A descriptor in FEAT_LPA2's format: OA[49:12] in place, OA[51:50] in
    bits 9:8, no SH field (written out, not stubgdb's)."""
    return (pa & ((1 << 50) - 1)) | (pa >> 50 & 3) << 8 | low


class FeatLpa2(WalkCase):
    """4K, 52-bit VA: five levels from level -1 (16 entries), a 52-bit
    output address at every step, the TTBR's BADDR[51:48] in bits 5:2."""

    def setUp(self):
        m = self.m = FakeMem()
        root, l0, l1, l2 = PA52 | 0x1000, PA52 | 0x2000, PA52 | 0x3000, PA52 | 0x4000
        m.put(root, 15, lpa2_desc(l0, 3))                     # L-1[15]
        m.put(l0, 256, lpa2_desc(l1, 3))                      # L0[256]
        m.put(l1, 0, lpa2_desc(l2, 3))                        # L1[0]
        m.put(l2, 1, lpa2_desc(PA52 | 0x40000000, 0x411))     # L2[1]: 2M block
        m.put(l0, 257, lpa2_desc(PA52 | 0x8000000000, 0x411))  # L0[257]: 512G block (DS)
        ttbr1 = 0x1000 | 0xb << 2                             # BADDR[51:48] in 5:2
        self.tcr = 12 | 12 << 16 | TG1_4K | DS | IPS52 | SH_INNER
        self.r = Regime.from_values(1, SCTLR_M, self.tcr, MAIR, (0, ttbr1))

    def test_five_levels(self):
        h = self.r.half(1)
        self.assertEqual((h.start, h.entries(-1), h.entries(0), h.base), (-1, 16, 512, PA52 | 0x1000))
        r = self.expect_pa(self.r, self.m, 0xffff800000200000 | 0x1234, PA52 | 0x40001234, 2,
                           "2M")
        self.assertEqual([s[0] for s in r.steps], [-1, 0, 1, 2])

    def test_level_0_block(self):
        self.expect_pa(self.r, self.m, 0xffff808000000000 | 0x56789, PA52 | 0x8000056789, 0,
                       "512G")

    def test_sh_from_the_tcr(self):
        # Bits 9:8 are OA[51:50] (0b10 here), not SH: SH is TCR_EL1.SH1's.
        r = Regime.from_values(1, SCTLR_M, (self.tcr & ~(3 << 28)) | 2 << 28, MAIR,
                               (0, 0x1000 | 0xb << 2))
        self.expect_pa(r, self.m, 0xffff800000200000, PA52 | 0x40000000, 2, "2M",
                       "RW x  OSH AF MEM/NORMAL")

    def test_without_ds_48_bits(self):
        # The same TCR without DS: T1SZ 12 is out of range (walked as 16),
        # bits 9:8 are SH, the output address 48 bits at most.
        r = Regime.from_values(1, SCTLR_M, 16 | 16 << 16 | TG1_4K | IPS52 | SH_INNER, MAIR,
                               (0, 0x1000))
        self.assertEqual((r.half(1).start, r.half(1).pa_bits), (0, 48))


class FeatLpa2Granule16K(WalkCase):
    """16K, 52-bit VA through TTBR0: four levels, a root of 32 entries at
    level 0; a 64G block at level 1 (DS)."""

    def test_root_and_level_1_block(self):
        m = FakeMem()
        m.put(0x8000, 31, lpa2_desc(PA52 | 0x10000, 3))                 # L0[31]
        m.put(PA52 | 0x10000, 2047, lpa2_desc(PA52 | 0x1000000000, 0x411))  # L1: 64G
        r = Regime.from_values(1, SCTLR_M, 12 | TG0_16K | 12 << 16 | TG1_16K | DS | IPS52 |
                               SH_INNER, MAIR, (0x8000, 0))
        h = r.half(0)
        self.assertEqual((h.start, h.entries(0)), (0, 32))
        self.expect_pa(r, m, 0x000ffff000000000 | 0x123456, PA52 | 0x1000123456, 1, "64G")


class FeatLvaFallback(WalkCase):
    """64K/52 on a CPU without FEAT_LVA: T1SZ = 16, TTBR1 at the 1024-entry
    root's last 64 entries (+0x1e00): the 48-bit index i reads entry 960 + i."""

    def test_offset_root(self):
        m = FakeMem()
        m.put(0x40000, 992, 0x50000 | TABLE)                   # 960 + 32
        m.put(0x50000, 1, 0x20000000 | BLOCK)
        r = Regime.from_values(1, SCTLR_M, 16 | 16 << 16 | TG1_64K | TG0_64K | IPS48, MAIR,
                               (0x40000, 0x40000 + 0x1e00))
        h = r.half(1)
        self.assertEqual((h.start, h.entries(1), h.base), (1, 64, 0x41e00))
        self.expect_pa(r, m, 0xffff800000000000 | 1 << 29 | 0x42, 0x20000042, 2, "512M")


class Regimes(WalkCase):
    def test_el2_xn_and_res0(self):
        # EL2 regime (one range): bit 54 is XN (shown as NX), bit 53 is RES0.
        m = FakeMem()
        m.put(0x1000, 1, 0x2000 | TABLE)
        m.put(0x2000, 0, 0x40000000 | BLOCK | 1 << 54)
        m.put(0x2000, 1, 0x40200000 | BLOCK | 1 << 53)
        r = Regime.from_values(2, SCTLR_M, 25 | 2 << 16, MAIR, (0x1000,))
        self.expect_pa(r, m, 0x40001234, 0x40001234, 2, "2M", "RW NX SHD AF MEM/NORMAL")
        self.expect_pa(r, m, 0x40201234, 0x40201234, 2, "2M", NORMAL)

    def test_el3_names(self):
        m = FakeMem()
        m.put(0x1000, 1, 0x40000000 | BLOCK)
        r = Regime.from_values(3, SCTLR_M, 25 | 2 << 16, MAIR, (0x1000,))
        self.assertEqual((r.name, r.sctlr_name, r.tcr_name, r.ttbr_names, r.two_ranges),
                         ("EL3", "SCTLR_EL3", "TCR_EL3", ("TTBR0_EL3",), False))
        w = self.expect_pa(r, m, 0x40000000, 0x40000000, 1, "1G")
        self.assertEqual(w.half.ttbr_name, "TTBR0_EL3")

    def test_el2_with_e2h_has_two_ranges(self):
        r = Regime.from_values(2, SCTLR_M, STUB_TCR, MAIR, (0x1000, 0x2000), hcr=1 << 34)
        self.assertEqual((r.name, r.tcr_name, r.ttbr_names, r.two_ranges),
                         ("EL2&0 (E2H)", "TCR_EL2", ("TTBR0_EL2", "TTBR1_EL2"), True))
        self.assertEqual(r.half(1).ttbr, 0x2000)

    def test_stage_2_note(self):
        self.assertEqual(Regime(1, hcr=1).notes,
                         ["HCR_EL2.VM=1: stage 2 is on, pa= is an IPA (stage 2 not walked)"])
        self.assertEqual(Regime(2, hcr=1).notes, [])
        self.assertEqual(Regime(1).notes, [])

    def test_one_range_ignores_ttbr1_fields(self):
        # EPD0 (bit 7) does not exist in TCR_EL2 (E2H=0): it is RES0 there.
        m = FakeMem()
        m.put(0x1000, 1, 0x40000000 | BLOCK)
        r = Regime.from_values(2, SCTLR_M, 25 | 2 << 16 | EPD0, MAIR, (0x1000,))
        self.expect_pa(r, m, 0x40000000, 0x40000000, 1, "1G")


class AddressSize(WalkCase):
    def test_output_beyond_ips(self):
        # An output address beyond IPS (40-bit) is an address size fault.
        m = FakeMem()
        m.put(0x1000, 1, 0x2000 | TABLE)
        m.put(0x2000, 0, 0x10000000000 | BLOCK)     # 2^40: beyond a 40-bit PA
        r = Regime.from_values(1, SCTLR_M, 25 | 25 << 16 | TG1_4K | IPS40, MAIR, (0x1000, 0))
        self.expect_fault(r, m, 0x40000000, 2,
                          "address size fault: output 0x10000000000 beyond 40-bit PA")

    def test_next_table_beyond_ips(self):
        m = FakeMem()
        m.put(0x1000, 1, 0x10000000000 | TABLE)
        r = Regime.from_values(1, SCTLR_M, STUB_TCR, MAIR, (0x1000, 0))
        self.expect_fault(r, m, 0x40000000, 1,
                          "address size fault: next table 0x10000000000 beyond 40-bit PA")

    def test_base_beyond_ips(self):
        r = Regime.from_values(1, SCTLR_M, STUB_TCR, MAIR, (0, 0x20000000000))
        self.expect_fault(r, FakeMem(), 0xffffffc000000000, 1,
                          "address size fault: TTBR1_EL1 base 0x20000000000 beyond 40-bit PA")

    def test_pa_size_sources(self):
        # TCR.IPS, capped by the CPU's ID_AA64MMFR0_EL1.PARange; reserved IPS: 48.
        self.assertEqual(Regime.from_values(1, 1, IPS48, MAIR, (0, 0)).pa_bits, 48)
        self.assertEqual(Regime.from_values(1, 1, IPS48, MAIR, (0, 0), mmfr0=2).pa_bits, 40)
        self.assertEqual(Regime.from_values(1, 1, IPS40, MAIR, (0, 0), mmfr0=5).pa_bits, 40)
        self.assertEqual(Regime.from_values(1, 1, 7 << 32, MAIR, (0, 0)).pa_bits, 48)
        self.assertEqual(Regime.from_values(2, 1, 1 << 16, MAIR, (0,)).pa_bits, 36)


class OddRegisters(unittest.TestCase):
    """TCR values outside what the walker handles: walked anyway, with a note."""

    def notes(self, tcr, n=0):
        return Regime.from_values(1, SCTLR_M, tcr, MAIR, (0, 0)).half(n).notes

    def test_txsz_limits(self):
        self.assertEqual(self.notes(12), ["TxSZ=12 below 16 (needs FEAT_LVA/LPA2), walked as 16"])
        self.assertEqual(self.notes(50), ["TxSZ=50 above 48, walked as 48"])
        self.assertEqual(self.notes(42), ["TxSZ=42 above 39 needs FEAT_TTST"])
        self.assertEqual(self.notes(39), [])

    def test_reserved_granule(self):
        self.assertEqual(self.notes(25 << 16, 1),
                         ["TCR_EL1.TG1 is a reserved encoding, walked as 4K (the architecture "
                          "leaves it IMPLEMENTATION DEFINED)"])
        self.assertEqual(self.notes(3 << 14 | 25),
                         ["TCR_EL1.TG0 is a reserved encoding, walked as 4K (the architecture "
                          "leaves it IMPLEMENTATION DEFINED)"])


if __name__ == "__main__":
    unittest.main()
