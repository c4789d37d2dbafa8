# tests/gdbpy/test_regs.py - the register decoders (stubgdb/regs.py) on
# values the stub and QEMU really produce (the first ones are in
# docs/debugging.md's session) and on hand-made ones, with the text the
# decoders printed when these tests were written, checked field by field.
import unittest

import common  # noqa: F401  (sys.path)
from stubgdb import regs


class Sctlr(unittest.TestCase):
    def test_stub_mmu_on(self):
        # 0x30d0181d: M, C, SA, SA0 (bits 0, 2-4), I (12), SPAN (23), RES1 bits.
        self.assertEqual(regs.sctlr_format(0x30d0181d),
                         "M=1 A=0 C=1 SA=1 SA0=1 I=1 WXN=0 EE=0")
        self.assertEqual(regs.sctlr_extra(0x30d0181d),
                         "E0E=0 UCI=0 nTWE=0 nTWI=0 UCT=0 DZE=0 SPAN=1")

    def test_reset_value(self):
        # QEMU's reset SCTLR_EL1 0xc50838: SA, SA0, nTWI (16), nTWE (18), SPAN.
        self.assertEqual(regs.sctlr_format(0xc50838), "M=0 A=0 C=0 SA=1 SA0=1 I=0 WXN=0 EE=0")
        self.assertEqual(regs.sctlr_extra(0xc50838),
                         "E0E=0 UCI=0 nTWE=1 nTWI=1 UCT=0 DZE=0 SPAN=1")

    def test_each_other_field(self):
        # M, A (1), WXN (19), EE (25); then E0E (24), UCI (26), UCT (15), DZE (14).
        self.assertEqual(regs.sctlr_format(0x02080003), "M=1 A=1 C=0 SA=0 SA0=0 I=0 WXN=1 EE=1")
        self.assertEqual(regs.sctlr_extra(0x0500c000),
                         "E0E=1 UCI=1 nTWE=0 nTWI=0 UCT=1 DZE=1 SPAN=0")


class Tcr(unittest.TestCase):
    def test_stub_4k_39(self):
        self.assertEqual(
            regs.tcr_format(0x00000002b5193519),
            "T0SZ=25 (39-bit) TG0=4K IRGN0=WBWA ORGN0=WBWA SH0=ISH EPD0=0 | "
            "T1SZ=25 (39-bit) TG1=4K IRGN1=WBWA ORGN1=WBWA SH1=ISH EPD1=0 | "
            "IPS=2 (40-bit) A1=0 AS=0")
        self.assertEqual(regs.tcr_extra(0x00000002b5193519),
                         "TBI0=0 TBI1=0 HA=0 HD=0 HPD0=0 HPD1=0")

    def test_stub_16k_47_ttbr0_off(self):
        self.assertEqual(
            regs.tcr_format(0x000000057511b591),
            "T0SZ=17 (47-bit) TG0=16K IRGN0=WBWA ORGN0=WBWA SH0=ISH EPD0=1 | "
            "T1SZ=17 (47-bit) TG1=16K IRGN1=WBWA ORGN1=WBWA SH1=ISH EPD1=0 | "
            "IPS=5 (48-bit) A1=0 AS=0")

    def test_stub_64k_48(self):
        self.assertEqual(
            regs.tcr_format(0x00000004f5107510),
            "T0SZ=16 (48-bit) TG0=64K IRGN0=WBWA ORGN0=WBWA SH0=ISH EPD0=0 | "
            "T1SZ=16 (48-bit) TG1=64K IRGN1=WBWA ORGN1=WBWA SH1=ISH EPD1=0 | "
            "IPS=4 (44-bit) A1=0 AS=0")

    def test_zero_and_reserved_encodings(self):
        # TG1=0 is reserved; IRGN/ORGN 0 is NC; IPS=0 is 32 bits.
        self.assertEqual(
            regs.tcr_format(0),
            "T0SZ=0 (64-bit) TG0=4K IRGN0=NC ORGN0=NC SH0=NSH EPD0=0 | "
            "T1SZ=0 (64-bit) TG1=res IRGN1=NC ORGN1=NC SH1=NSH EPD1=0 | IPS=0 (32-bit) A1=0 AS=0")
        # TG0=3 reserved, IRGN0=WT (2), ORGN0=WBnWA (3), SH0=1 (reserved),
        # A1 (22), AS (36), IPS=7 (reserved: 0 bits).
        t = 3 << 14 | 1 << 12 | 3 << 10 | 2 << 8 | 1 << 22 | 1 << 36 | 7 << 32
        self.assertEqual(
            regs.tcr_format(t),
            "T0SZ=0 (64-bit) TG0=res IRGN0=WT ORGN0=WBnWA SH0=res EPD0=0 | "
            "T1SZ=0 (64-bit) TG1=res IRGN1=NC ORGN1=NC SH1=NSH EPD1=0 | IPS=7 (0-bit) A1=1 AS=1")

    def test_ds(self):
        # FEAT_LPA2's DS (bit 59) is named only where set, as mmu/regs.c does:
        # the 4K/52 stub's TCR with 52-bit VAs (T0SZ = T1SZ = 12, IPS 52).
        self.assertEqual(
            regs.tcr_format(0x08000006b50c350c),
            "T0SZ=12 (52-bit) TG0=4K IRGN0=WBWA ORGN0=WBWA SH0=ISH EPD0=0 | "
            "T1SZ=12 (52-bit) TG1=4K IRGN1=WBWA ORGN1=WBWA SH1=ISH EPD1=0 | "
            "IPS=6 (52-bit) A1=0 AS=0 DS=1")
        self.assertFalse(regs.tcr_format(0x00000006b50c350c).endswith("DS=1"))
        # The TTBR's BADDR[51:48] in bits 5:2 with a 52-bit address.
        self.assertEqual(regs.ttbr_baddr(0xfffc002c, pa52=True), 0xb0000fffc0000)
        self.assertEqual(regs.ttbr_baddr(0xfffc002c), 0xfffc002c)
        # FEAT_LPA2's level -1 fault codes.
        self.assertEqual(regs.fault_status_name(0x2b), "translation fault, L-1")
        self.assertEqual(regs.fault_status_name(0x29), "address size fault, L-1")

    def test_extra_bits(self):
        # TBI0 (37), TBI1 (38), HA (39), HD (40), HPD0 (41), HPD1 (42), one at a time.
        self.assertEqual(regs.tcr_extra(1 << 38 | 1 << 40 | 1 << 42),
                         "TBI0=0 TBI1=1 HA=0 HD=1 HPD0=0 HPD1=1")
        self.assertEqual(regs.tcr_extra(1 << 37 | 1 << 39 | 1 << 41),
                         "TBI0=1 TBI1=0 HA=1 HD=0 HPD0=1 HPD1=0")

    def test_one_range_layout(self):
        # U-Boot's TCR_EL2 on QEMU (E2H=0): PS in 18:16, RES1 bits 23 and 31.
        self.assertEqual(regs.tcr_el2_format(0x80823518),
                         "T0SZ=24 (40-bit) TG0=4K IRGN0=WBWA ORGN0=WBWA SH0=ISH | "
                         "PS=2 (40-bit) TBI=0 HA=0 HD=0 HPD=0")
        # 64K, PS=52 bits, TBI (20), HA (21), HD (22), HPD (24).
        t = 22 | 1 << 14 | 6 << 16 | 1 << 20 | 1 << 21 | 1 << 22 | 1 << 24
        self.assertEqual(regs.tcr_el2_format(t),
                         "T0SZ=22 (42-bit) TG0=64K IRGN0=NC ORGN0=NC SH0=NSH | "
                         "PS=6 (52-bit) TBI=1 HA=1 HD=1 HPD=1")


class Mair(unittest.TestCase):
    def test_stub_value(self):
        self.assertEqual(regs.mair_format(0x000000ff440c0400),
                         "[0]=0x00 DEVICE/nGnRnE [1]=0x04 DEVICE/nGnRE [2]=0x0c DEVICE/GRE "
                         "[3]=0x44 MEM/NORMAL-NC [4]=0xff MEM/NORMAL")

    def test_stops_at_first_zero_after_4(self):
        # [5]=0x08 and [6]=0xbb shown, [7]=0 ends the list.
        self.assertEqual(regs.mair_format(0xbb << 48 | 0x08 << 40 | 0xff),
                         "[0]=0xff MEM/NORMAL [1]=0x00 DEVICE/nGnRnE [2]=0x00 DEVICE/nGnRnE "
                         "[3]=0x00 DEVICE/nGnRnE [4]=0x00 DEVICE/nGnRnE [5]=0x08 DEVICE/nGRE "
                         "[6]=0xbb MEM/OTHER")
        # [5]=0 ends it even though [6] is not zero.
        self.assertEqual(regs.mair_format(0xbb << 48),
                         "[0]=0x00 DEVICE/nGnRnE [1]=0x00 DEVICE/nGnRnE [2]=0x00 DEVICE/nGnRnE "
                         "[3]=0x00 DEVICE/nGnRnE [4]=0x00 DEVICE/nGnRnE")

    def test_attribute_names(self):
        self.assertEqual([regs.mair_attr_name(a) for a in (0x00, 0x04, 0x08, 0x0c, 0x44, 0xff,
                                                           0xee, 0x40)],
                         ["DEVICE/nGnRnE", "DEVICE/nGnRE", "DEVICE/nGRE", "DEVICE/GRE",
                          "MEM/NORMAL-NC", "MEM/NORMAL", "MEM/OTHER", "MEM/OTHER"])


class Ttbr(unittest.TestCase):
    def test_fields(self):
        self.assertEqual(regs.ttbr_format(0x0000000040217000), "BADDR 0x40217000 ASID 0x0 CnP 0")
        self.assertEqual(regs.ttbr_format(0x002a0000bffc0001), "BADDR 0xbffc0000 ASID 0x2a CnP 1")
        self.assertEqual(regs.ttbr_baddr(0xffff0000bffc0001), 0xbffc0000)


class Esr(unittest.TestCase):
    def test_zero(self):
        self.assertEqual(regs.esr_format(0),
                         "EC 0x00 (unknown reason (undefined instruction)) IL=0 ISS 0x0000000")

    def test_data_abort_same_el(self):
        # EC 0x25, IL, DFSC 0x05 (translation fault at level 1), WnR (bit 6).
        self.assertEqual(regs.esr_format(0x96000045),
                         "EC 0x25 (data abort from the same EL) IL=1 ISS 0x0000045 "
                         "FSC 0x05 (translation fault, L1) WnR=1")

    def test_data_abort_lower_el_alignment(self):
        self.assertEqual(regs.esr_format(0x92000021),
                         "EC 0x24 (data abort from a lower EL) IL=1 ISS 0x0000021 "
                         "FSC 0x21 (alignment fault) WnR=0")

    def test_instruction_abort_has_no_wnr(self):
        self.assertEqual(regs.esr_format(0x8600000f),
                         "EC 0x21 (instruction abort from the same EL) IL=1 ISS 0x000000f "
                         "FSC 0x0f (permission fault, L3)")

    def test_other_classes(self):
        self.assertEqual(regs.esr_format(0x5600002a),
                         "EC 0x15 (SVC from AArch64) IL=1 ISS 0x000002a")
        self.assertEqual(regs.esr_format(0xf20003e8),
                         "EC 0x3c (BRK instruction) IL=1 ISS 0x00003e8")
        self.assertEqual(regs.esr_format(0xfc000000),
                         "EC 0x3f (other exception class) IL=0 ISS 0x0000000")

    def test_fault_status_names(self):
        self.assertEqual(
            [regs.fault_status_name(f) for f in (0x00, 0x07, 0x0b, 0x0d, 0x10, 0x11, 0x21,
                                                 0x30, 0x3f)],
            ["address size fault, L0", "translation fault, L3", "access flag fault, L3",
             "permission fault, L1", "synchronous external abort", "synchronous tag check fault",
             "alignment fault", "TLB conflict abort", "other fault"])


class Pstate(unittest.TestCase):
    def test_hcr(self):
        self.assertEqual(regs.hcr_format(0x80000000), "VM=0 RW=1 E2H=0 TGE=0")
        self.assertEqual(regs.hcr_format(0x488000001), "VM=1 RW=1 E2H=1 TGE=1")

    def test_cpsr(self):
        self.assertEqual(regs.cpsr_format(0x600003c5), "EL1h DAIF=f")
        self.assertEqual(regs.cpsr_format(0x800002c9), "EL2h DAIF=b")
        self.assertEqual(regs.cpsr_format(0x0000000c), "EL3t DAIF=0")
        self.assertEqual(regs.cpsr_el(0x3c8), 2)

    def test_parange(self):
        self.assertEqual([regs.parange_bits(v) for v in range(8)],
                         [32, 36, 40, 42, 44, 48, 52, 0])


if __name__ == "__main__":
    unittest.main()
