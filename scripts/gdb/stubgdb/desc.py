# scripts/gdb/stubgdb/desc.py - one VMSAv8-64 stage 1 descriptor: its kind
# (table, block, page, invalid, reserved), its output address, and a leaf's
# attributes with the limits inherited from table descriptors, printed in
# the stub's format (mmu/desc.c pte_attrs_format) (pure).

from .bits import bit, bits
from .regs import mair_attr_name


def decode(h, desc, level):
    """(kind, output address) of desc at level in Half h.
    kind: table, block, page, invalid, reserved."""
    t = desc & 3
    if not desc & 1:
        return "invalid", None
    if t == 3 and level < 3:
        return "table", h.oa(desc, h.g)
    if t == 3 and level == 3:
        return "page", h.oa(desc, h.g)
    if t == 1 and level < 3 and h.block_ok(level):
        return "block", h.oa(desc, h.shift(level))
    return "reserved", None


def inherited(tb, desc, hpd):
    """Table limits so far (tb) plus those of table descriptor desc.
    With hierarchical permissions disabled (TCR.HPDn) only NSTable counts."""
    return tb | (desc & (1 << 63) if hpd else desc & (0x1f << 59))


def table_bits_format(tb):
    """Hierarchical limits from table descriptors (bits 63:59)."""
    out = []
    if bit(tb, 59):
        out.append("PXNTable")
    if bit(tb, 60):
        out.append("XNTable")
    ap = bits(tb, 62, 61)
    if ap:
        out.append("APTable=%d" % ap)
    if bit(tb, 63):
        out.append("NSTable")
    return "[" + " ".join(out) + "]"


class Attrs:
    """Attributes of a block/page descriptor (and inherited table limits).
    sh: the half's TCR SH field, every mapping's with FEAT_LPA2's DS (the
    descriptor's bits 9:8 are address bits then)."""

    def __init__(self, desc, regime, table_bits=0, sh=None):
        self.attrindx = bits(desc, 4, 2)
        self.ns = bit(desc, 5)
        self.user = bit(desc, 6) if regime.two_ranges else 0   # AP[1] RES1 at EL2/EL3
        self.rdonly = bit(desc, 7)
        self.sh = sh if getattr(regime, "ds", False) and sh is not None else bits(desc, 9, 8)
        self.af = bit(desc, 10)
        self.ng = bit(desc, 11) if regime.two_ranges else 0
        self.cont = bit(desc, 52)
        if regime.two_ranges:
            self.pxn, self.uxn = bit(desc, 53), bit(desc, 54)
        else:
            self.pxn, self.uxn = bit(desc, 54), 0              # XN; bit 53 RES0
        self.table_bits = table_bits
        self.mair_byte = (regime.mair >> (8 * self.attrindx)) & 0xff

    def key(self):
        """What must be equal for two leaves to merge into one dump range:
        mmu/desc.c pte_attrs_equal's fields, plus NS and the inherited table
        limits (the contiguous hint is not an attribute of the mapping)."""
        return (self.attrindx, self.sh, self.rdonly, self.user, self.af, self.ng, self.pxn,
                self.uxn, self.ns, self.table_bits)

    def format(self):
        """mmu/desc.c pte_attrs_format, with the live MAIR."""
        s = "%s %s %s %s%s%s%s %s" % (
            "ro" if self.rdonly else "RW", "NX" if self.pxn else "x ",
            ("NSH", "???", "OSH", "SHD")[self.sh], "AF" if self.af else "--",
            " nG" if self.ng else "", " UXN" if self.uxn else "", " USR" if self.user else "",
            mair_attr_name(self.mair_byte))
        extra = []
        if self.ns:
            extra.append("NS")
        if self.cont:
            extra.append("CONT")
        if self.table_bits:
            extra.append(table_bits_format(self.table_bits))
        return s + ("" if not extra else " " + " ".join(extra))
