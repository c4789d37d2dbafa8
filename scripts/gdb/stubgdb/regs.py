# scripts/gdb/stubgdb/regs.py - system register values decoded field by
# field (pure): SCTLR, TCR (both layouts), MAIR, TTBR, ESR with its fault
# status codes, HCR_EL2, PSTATE, and the PARange/IPS and TGx encodings the
# walker needs. The text matches the stub's own report (mmu/regs.c) so the
# tests can compare lines.

from .bits import bit, bits

PARANGE_BITS = {0: 32, 1: 36, 2: 40, 3: 42, 4: 44, 5: 48, 6: 52}
RGN = ("NC", "WBWA", "WT", "WBnWA")
SH = ("NSH", "res", "OSH", "ISH")
TG0 = {0: "4K", 1: "64K", 2: "16K", 3: "res"}      # TG0: 00=4K 01=64K 10=16K
TG1 = {0: "res", 1: "16K", 2: "4K", 3: "64K"}      # TG1: 01=16K 10=4K 11=64K
# log2 of the granule; a reserved encoding is absent (the walker says so).
TG0_SHIFT = {0: 12, 1: 16, 2: 14}
TG1_SHIFT = {1: 14, 2: 12, 3: 16}


def parange_bits(v):
    """PA bits of an ID_AA64MMFR0.PARange / TCR.IPS / TCR.PS value, 0 if reserved."""
    return PARANGE_BITS.get(v, 0)


def sctlr_format(s):
    return "M=%u A=%u C=%u SA=%u SA0=%u I=%u WXN=%u EE=%u" % (
        bit(s, 0), bit(s, 1), bit(s, 2), bit(s, 3), bit(s, 4), bit(s, 12), bit(s, 19), bit(s, 25))


def sctlr_extra(s):
    return "E0E=%u UCI=%u nTWE=%u nTWI=%u UCT=%u DZE=%u SPAN=%u" % (
        bit(s, 24), bit(s, 26), bit(s, 18), bit(s, 16), bit(s, 15), bit(s, 14), bit(s, 23))


def tcr_format(t):
    """TCR_EL1, and TCR_EL2 with HCR_EL2.E2H=1: two VA ranges. FEAT_LPA2's
    DS (bit 59) only where it is set, as mmu/regs.c prints it."""
    t0sz, t1sz, ips = t & 0x3f, bits(t, 21, 16), bits(t, 34, 32)
    return ("T0SZ=%u (%u-bit) TG0=%s IRGN0=%s ORGN0=%s SH0=%s EPD0=%u | "
            "T1SZ=%u (%u-bit) TG1=%s IRGN1=%s ORGN1=%s SH1=%s EPD1=%u | "
            "IPS=%u (%u-bit) A1=%u AS=%u%s" % (
                t0sz, 64 - t0sz, TG0[bits(t, 15, 14)], RGN[bits(t, 9, 8)], RGN[bits(t, 11, 10)],
                SH[bits(t, 13, 12)], bit(t, 7),
                t1sz, 64 - t1sz, TG1[bits(t, 31, 30)], RGN[bits(t, 25, 24)], RGN[bits(t, 27, 26)],
                SH[bits(t, 29, 28)], bit(t, 23),
                ips, parange_bits(ips), bit(t, 22), bit(t, 36), " DS=1" if bit(t, 59) else ""))


def tcr_extra(t):
    return "TBI0=%u TBI1=%u HA=%u HD=%u HPD0=%u HPD1=%u" % (
        bit(t, 37), bit(t, 38), bit(t, 39), bit(t, 40), bit(t, 41), bit(t, 42))


def tcr_el2_format(t):
    """TCR_EL2 with HCR_EL2.E2H=0, and TCR_EL3: one VA range."""
    t0sz, ps = t & 0x3f, bits(t, 18, 16)
    return ("T0SZ=%u (%u-bit) TG0=%s IRGN0=%s ORGN0=%s SH0=%s | PS=%u (%u-bit) TBI=%u HA=%u HD=%u "
            "HPD=%u" % (t0sz, 64 - t0sz, TG0[bits(t, 15, 14)], RGN[bits(t, 9, 8)],
                        RGN[bits(t, 11, 10)], SH[bits(t, 13, 12)], ps, parange_bits(ps),
                        bit(t, 20), bit(t, 21), bit(t, 22), bit(t, 24)))


def mair_attr_name(a):
    """The stub's name for one MAIR attribute byte."""
    names = {0x00: "DEVICE/nGnRnE", 0x04: "DEVICE/nGnRE", 0x08: "DEVICE/nGRE",
             0x0c: "DEVICE/GRE", 0x44: "MEM/NORMAL-NC", 0xff: "MEM/NORMAL"}
    return names.get(a, "MEM/OTHER")


def mair_format(mair):
    """Attributes 0-4 always (the ones the stub sets), then on up to the
    first zero byte."""
    out = []
    for i in range(8):
        a = (mair >> (8 * i)) & 0xff
        if a == 0 and i > 4:
            break
        out.append("[%u]=0x%02x %s" % (i, a, mair_attr_name(a)))
    return " ".join(out)


def ttbr_baddr(v, pa52=False):
    """The table base of a TTBR (bits 47:1; bit 0 is CnP); with a 52-bit
    output address (IPS 52 with FEAT_LPA2's DS or the 64K granule),
    BADDR[51:48] in bits 5:2 and bits 1:0 not part of it."""
    if pa52:
        return (v & 0x0000ffffffffffc0) | (bits(v, 5, 2) << 48)
    return v & 0x0000fffffffffffe


def ttbr_format(v):
    return "BADDR 0x%x ASID 0x%x CnP %u" % (ttbr_baddr(v), v >> 48, v & 1)


EC_NAMES = {
    0x00: "unknown reason (undefined instruction)", 0x01: "WFI/WFE trapped",
    0x07: "FP/SIMD access trapped", 0x0e: "illegal execution state",
    0x15: "SVC from AArch64", 0x16: "HVC from AArch64", 0x17: "SMC from AArch64",
    0x18: "MSR/MRS/system instruction trapped", 0x20: "instruction abort from a lower EL",
    0x21: "instruction abort from the same EL", 0x22: "PC alignment fault",
    0x24: "data abort from a lower EL", 0x25: "data abort from the same EL",
    0x26: "SP alignment fault", 0x2f: "SError interrupt", 0x30: "breakpoint from a lower EL",
    0x31: "breakpoint from the same EL", 0x32: "software step from a lower EL",
    0x33: "software step from the same EL", 0x34: "watchpoint from a lower EL",
    0x35: "watchpoint from the same EL", 0x3c: "BRK instruction",
}


def fault_status_name(fsc):
    """An abort's DFSC/IFSC: the four level-indexed kinds name their level
    (FEAT_LPA2's level -1: codes of their own)."""
    kinds = {0x00: "address size fault", 0x04: "translation fault",
             0x08: "access flag fault", 0x0c: "permission fault"}
    level_m1 = {0x29: "address size fault", 0x2b: "translation fault"}
    if fsc in level_m1:
        return "%s, L-1" % level_m1[fsc]
    if (fsc & 0x3c) in kinds:
        return "%s, L%d" % (kinds[fsc & 0x3c], fsc & 3)
    return {0x10: "synchronous external abort", 0x11: "synchronous tag check fault",
            0x21: "alignment fault", 0x30: "TLB conflict abort"}.get(fsc, "other fault")


def esr_format(esr):
    """EC, IL and ISS; for aborts also the fault status (and WnR for data)."""
    ec = bits(esr, 31, 26)
    s = "EC 0x%02x (%s) IL=%u ISS 0x%07x" % (ec, EC_NAMES.get(ec, "other exception class"),
                                            bit(esr, 25), esr & 0x1ffffff)
    if ec in (0x20, 0x21, 0x24, 0x25):
        fsc = esr & 0x3f
        s += " FSC 0x%02x (%s)" % (fsc, fault_status_name(fsc))
        if ec in (0x24, 0x25):
            s += " WnR=%u" % bit(esr, 6)
    return s


def hcr_format(hcr):
    """The HCR_EL2 bits that change which regime and stage the walk sees."""
    return "VM=%u RW=%u E2H=%u TGE=%u" % (bit(hcr, 0), bit(hcr, 31), bit(hcr, 34), bit(hcr, 27))


def cpsr_el(cpsr):
    """PSTATE.EL: QEMU's gdbstub has no CurrentEL, $cpsr carries it."""
    return bits(cpsr, 3, 2)


def cpsr_format(cpsr):
    """EL, the stack pointer in use (h: SP_ELx, t: SP_EL0) and DAIF."""
    return "EL%d%s DAIF=%x" % (cpsr_el(cpsr), "h" if cpsr & 1 else "t", bits(cpsr, 9, 6))
