# tests/gdbpy/test_report.py - the exact text of pt-walk, pt-dump and
# mmu-regs (stubgdb/report.py) for known tables and registers: the lines
# of docs/debugging.md's session (the stub at kernel_main on cortex-a53)
# and of QEMU at reset, byte for byte.
import unittest

from common import MAIR, FakeMem
from stubgdb import report
from stubgdb.regime import Regime
from stubgdb.regs import sctlr_extra, sctlr_format, ttbr_format
from stubgdb.walker import dump_half, walk

STUB_TCR = 0x00000002b5193519
EARLY_PGD = 0x40217000


def early_tables():
    """The stub's early map at kernel_main: both TTBRs on early_pgd."""
    m = FakeMem()
    m.put(EARLY_PGD, 1, 0x4021f003)          # identity GiB -> early_idmap_pmd
    m.put(0x4021f000, 1, 0x40200711)
    m.put(EARLY_PGD, 256, 0x40219003)        # link-address GiB
    m.put(0x40219000, 0, 0x40200711)
    return m


class PtWalkText(unittest.TestCase):
    def setUp(self):
        self.r = Regime.from_values(1, 0x30d0181d, STUB_TCR, MAIR, (EARLY_PGD, EARLY_PGD))
        self.m = early_tables()

    def lines(self, va):
        return report.walk_lines(self.r, va, walk(self.r, self.m, va))

    def test_pc_at_kernel_main(self):
        self.assertEqual(self.lines(0xffffffc000002390), [
            "va 0xffffffc000002390: EL1&0 regime, TTBR1_EL1=0x0000000040217000, "
            "TCR_EL1.T1SZ=25, 4K granule, 39-bit VA, start L1",
            "  L1 table 0x0040217000 [256] = 0x0000000040219003  table -> 0x0040219000",
            "  L2 table 0x0040219000 [  0] = 0x0000000040200711  block 2M -> 0x0040200000 "
            "RW x  SHD AF MEM/NORMAL (AttrIndx 4 = 0xff)",
            "=> va 0xffffffc000002390 pa=0x0040202390 L2 2M RW x  SHD AF MEM/NORMAL "
            "(EL1&0 regime, TTBR1_EL1)",
        ])

    def test_alias_through_ttbr0(self):
        self.assertEqual(self.lines(0x0000004000000000)[-1],
                         "=> va 0x0000004000000000 pa=0x0040200000 L2 2M RW x  SHD AF MEM/NORMAL "
                         "(EL1&0 regime, TTBR0_EL1)")

    def test_invalid(self):
        self.assertEqual(self.lines(0xfffffff000000000), [
            "va 0xfffffff000000000: EL1&0 regime, TTBR1_EL1=0x0000000040217000, "
            "TCR_EL1.T1SZ=25, 4K granule, 39-bit VA, start L1",
            "  L1 table 0x0040217000 [448] = 0x0000000000000000  invalid",
            "=> va 0xfffffff000000000 fault at level 1: translation fault (invalid descriptor) "
            "(EL1&0 regime, TTBR1_EL1)",
        ])

    def test_outside_the_range(self):
        self.assertEqual(self.lines(0x0001000000000000), [
            "va 0x0001000000000000: EL1&0 regime",
            "=> va 0x0001000000000000 fault at level 0: va outside TTBR0_EL1's range (bits 63:39 "
            "must be all zeros for 39-bit TTBR0_EL1) (EL1&0 regime)",
        ])

    def test_notes(self):
        # A TxSZ note after the range line, the access flag note before the result.
        m = FakeMem()
        r = Regime.from_values(2, 1, 12 | 2 << 16, MAIR, (0,))
        m.put(0, 0, 0x1003)                      # T0SZ=12 is walked as 16: from L0
        m.put(0x1000, 1, 0x40000311)             # 1G block, AF clear
        self.assertEqual(report.walk_lines(r, 0x40000000, walk(r, m, 0x40000000)), [
            "va 0x0000000040000000: EL2 regime, TTBR0_EL2=0x0000000000000000, TCR_EL2.T0SZ=16, "
            "4K granule, 48-bit VA, start L0",
            "note: TxSZ=12 below 16 (needs FEAT_LVA/LPA2), walked as 16",
            "  L0 table 0x0000000000 [  0] = 0x0000000000001003  table -> 0x0000001000",
            "  L1 table 0x0000001000 [  1] = 0x0000000040000311  block 1G -> 0x0040000000 "
            "RW x  SHD -- MEM/NORMAL (AttrIndx 4 = 0xff)",
            "note: access flag 0: an access faults unless hardware AF update (TCR.HA)",
            "=> va 0x0000000040000000 pa=0x0040000000 L1 1G RW x  SHD -- MEM/NORMAL "
            "(EL2 regime, TTBR0_EL2)",
        ])

    def test_mmu_off(self):
        r = Regime.from_values(2, 0, 0, 0, (0,))
        self.assertEqual(report.walk_off_lines(r, 0x40000000), [
            "va 0x0000000040000000: SCTLR_EL2.M=0, stage 1 translation is off (use -f to walk "
            "the tables)",
            "=> va 0x0000000040000000 pa=0x0040000000 flat, MMU off (EL2 regime)",
        ])
        self.assertEqual(report.dump_off_line(r),
                         "SCTLR_EL2.M=0: stage 1 translation is off in the EL2 regime (use -f to "
                         "dump the tables anyway)")


class PtDumpText(unittest.TestCase):
    def test_early_map(self):
        r = Regime.from_values(1, 0x30d0181d, STUB_TCR, MAIR, (EARLY_PGD, EARLY_PGD))
        m = early_tables()
        lines = []
        for n in (0, 1):
            h = r.half(n)
            ranges = []
            dump_half(h, m, ranges)
            lines += [report.dump_header(h)] + report.range_lines(ranges)
        self.assertEqual(lines, [
            "TTBR0 map (EL1&0 regime, TTBR0_EL1=0x0000000040217000, TCR_EL1.T0SZ=25, 4K granule, "
            "39-bit VA, start L1):",
            "  0x0000000040200000-0x0000000040400000 pa 0x0040200000     2M L2 RW x  SHD AF "
            "MEM/NORMAL",
            "  0x0000004000000000-0x0000004000200000 pa 0x0040200000     2M L2 RW x  SHD AF "
            "MEM/NORMAL",
            "TTBR1 map (EL1&0 regime, TTBR1_EL1=0x0000000040217000, TCR_EL1.T1SZ=25, 4K granule, "
            "39-bit VA, start L1):",
            "  0xffffff8040200000-0xffffff8040400000 pa 0x0040200000     2M L2 RW x  SHD AF "
            "MEM/NORMAL",
            "  0xffffffc000000000-0xffffffc000200000 pa 0x0040200000     2M L2 RW x  SHD AF "
            "MEM/NORMAL",
        ])

    def test_range_at_the_top_wraps_to_zero(self):
        # The last range of TTBR1 ends at 2^64: printed as 0.
        r = Regime.from_values(1, 1, STUB_TCR, MAIR, (0, 0x1000))
        m = FakeMem()
        m.put(0x1000, 511, 0x2003)
        m.put(0x2000, 511, 0x3003)
        m.put(0x3000, 511, 0x9000403 | 1 << 53 | 1 << 54)
        ranges = []
        dump_half(r.half(1), m, ranges)
        self.assertEqual(report.range_lines(ranges), [
            "  0xfffffffffffff000-0x0000000000000000 pa 0x0009000000     4K L3 RW NX NSH AF UXN "
            "DEVICE/nGnRnE"])

    def test_nothing_and_disabled(self):
        self.assertEqual(report.range_lines([]), ["  (nothing mapped)"])
        r = Regime.from_values(1, 1, STUB_TCR | 1 << 7, MAIR, (0, 0))
        self.assertEqual(report.dump_disabled_line(r.half(0)), "  (walks disabled: TCR_EL1.EPD0=1)")


class MmuRegsText(unittest.TestCase):
    def test_rows(self):
        notes = []

        def symbol(pa):
            notes.append(pa)
            return " (early_pgd)"

        lines = []
        for name, v in (("SCTLR_EL1", 0x30d0181d), ("TTBR1_EL1", 0x0000000040217001),
                        ("ESR_EL1", 0), ("FAR_EL1", 0xffffffc000038000), ("TTBR1_EL2", None)):
            fmt, extra = {row[0]: row[1:] for row in report.EL1_ROWS + report.el2_rows(0)}[name]
            lines += report.reg_lines(name, v, fmt, extra, symbol)
        self.assertEqual(lines, [
            "SCTLR_EL1 0x0000000030d0181d: M=1 A=0 C=1 SA=1 SA0=1 I=1 WXN=0 EE=0",
            "          E0E=0 UCI=0 nTWE=0 nTWI=0 UCT=0 DZE=0 SPAN=1",
            "TTBR1_EL1 0x0000000040217001 (early_pgd)",
            "          BADDR 0x40217000 ASID 0x0 CnP 1",
            "ESR_EL1   0x0000000000000000: EC 0x00 (unknown reason (undefined instruction)) IL=0 "
            "ISS 0x0000000",
            "FAR_EL1   0xffffffc000038000",
            "TTBR1_EL2 (not exposed by this target's gdbstub)",
        ])
        self.assertEqual(notes, [0x40217000])      # the table's address, without CnP

    def test_row_tables(self):
        names = [r[0] for r in report.EL1_ROWS]
        self.assertEqual(names, ["SCTLR_EL1", "TCR_EL1", "MAIR_EL1", "TTBR0_EL1", "TTBR1_EL1",
                                 "ESR_EL1", "FAR_EL1"])
        self.assertEqual(report.EL1_ROWS[0][1:], (sctlr_format, sctlr_extra))
        self.assertEqual(report.EL1_ROWS[3][2], ttbr_format)
        self.assertEqual([r[0] for r in report.EL3_ROWS],
                         ["SCTLR_EL3", "TCR_EL3", "MAIR_EL3", "TTBR0_EL3", "ESR_EL3", "FAR_EL3"])
        # TCR_EL2's layout follows HCR_EL2.E2H.
        self.assertEqual(report.reg_lines("TCR_EL2", 0x80823518, report.el2_rows(0)[1][1], None),
                         ["TCR_EL2   0x0000000080823518: T0SZ=24 (40-bit) TG0=4K IRGN0=WBWA "
                          "ORGN0=WBWA SH0=ISH | PS=2 (40-bit) TBI=0 HA=0 HD=0 HPD=0"])
        self.assertTrue(report.reg_lines("TCR_EL2", 0x80823518, report.el2_rows(1)[1][1],
                                         None)[0].endswith("IPS=0 (32-bit) A1=0 AS=0"))

    def test_pstate_lines(self):
        self.assertEqual(report.cpsr_line(0x600003c5), "CPSR      0x600003c5: EL1h DAIF=f")
        self.assertEqual(report.hcr_line(0x80000000),
                         "HCR_EL2   0x0000000080000000: VM=0 RW=1 E2H=0 TGE=0")


if __name__ == "__main__":
    unittest.main()
