# scripts/gdb/stubgdb/regime.py - one stage 1 translation regime (EL1&0,
# EL2, EL2&0 with HCR_EL2.E2H, EL3) and the geometry of each of its VA
# ranges (granule, levels, start table, canonical check), computed from
# register values only (pure). target.py fills one from the live registers;
# tests give the values.

from .bits import M64, bit, bits
from .regs import TG0_SHIFT, TG1_SHIFT, parange_bits, ttbr_baddr


def regime_layout(el, e2h=False):
    """(name, register suffix, two VA ranges?) of the regime of ELel."""
    if el == 1:
        return "EL1&0", "_EL1", True
    if el == 2 and e2h:
        return "EL2&0 (E2H)", "_EL2", True
    return "EL%d" % el, "_EL%d" % el, False


class Regime:
    """A regime's register names (from the EL and HCR_EL2) and, once
    set_values ran, its register values and what follows from them."""

    def __init__(self, el, hcr=None):
        self.el = el
        self.notes = []
        e2h = hcr is not None and bit(hcr, 34)
        self.name, sfx, self.two_ranges = regime_layout(el, e2h)
        self.sctlr_name, self.tcr_name, self.mair_name = "SCTLR" + sfx, "TCR" + sfx, "MAIR" + sfx
        self.ttbr_names = ("TTBR0" + sfx, "TTBR1" + sfx) if self.two_ranges else ("TTBR0" + sfx,)
        if el == 1 and hcr is not None and bit(hcr, 0):
            self.notes.append("HCR_EL2.VM=1: stage 2 is on, pa= is an IPA (stage 2 not walked)")

    @classmethod
    def from_values(cls, el, sctlr, tcr, mair, ttbrs, mmfr0=None, hcr=None):
        """A regime without a target (tests): ttbrs is (TTBR0,) or (TTBR0, TTBR1)."""
        r = cls(el, hcr)
        r.ttbr_names = r.ttbr_names[:len(ttbrs)]
        r.set_values(sctlr, tcr, mair, ttbrs, mmfr0)
        return r

    def set_values(self, sctlr, tcr, mair, ttbrs, mmfr0=None):
        """mmfr0: ID_AA64MMFR0_EL1 if known, to cap the PA size at the CPU's."""
        self.sctlr, self.tcr, self.mair, self.ttbr = sctlr, tcr, mair, list(ttbrs)
        self.mmu_on = bool(self.sctlr & 1)
        self.big_endian = bool(bit(self.sctlr, 25))
        ps = bits(self.tcr, 34, 32) if self.two_ranges else bits(self.tcr, 18, 16)
        # FEAT_LPA2's DS (TCR_EL1 bit 59; TCR_EL2/EL3 bit 32 with one range):
        # 52-bit VAs and OAs with 4 and 16 KiB pages, descriptors' bits 9:8
        # OA[51:50], shareability from the TCR.
        self.ds = bool(bit(self.tcr, 59) if self.two_ranges else bit(self.tcr, 32))
        self.pa_bits = min(parange_bits(ps) or 48, 52)
        if mmfr0 is not None and parange_bits(mmfr0 & 0xf):
            self.pa_bits = min(self.pa_bits, parange_bits(mmfr0 & 0xf))

    def half(self, n):
        """Geometry of range n (0: TTBR0, 1: TTBR1)."""
        t = self.tcr
        if n == 0:
            txsz, tg = t & 0x3f, TG0_SHIFT.get(bits(t, 15, 14))
            epd = bit(t, 7) if self.two_ranges else 0      # EPD0: EL1&0 / EL2&0 only
            tbi = bit(t, 37) if self.two_ranges else bit(t, 20)
            hpd = bit(t, 41) if self.two_ranges else bit(t, 24)
        else:
            txsz, tg, epd = bits(t, 21, 16), TG1_SHIFT.get(bits(t, 31, 30)), bit(t, 23)
            tbi, hpd = bit(t, 38), bit(t, 42)
        # With DS every mapping's shareability is the half's SH field.
        sh = bits(t, 13, 12) if n == 0 else bits(t, 29, 28)
        h = Half(self, n, txsz, tg or 12, epd, tbi, hpd, sh)
        if tg is None:
            h.notes.append("%s.TG%d is a reserved encoding, walked as 4K (the architecture "
                           "leaves it IMPLEMENTATION DEFINED)" % (self.tcr_name, n))
        return h

    def half_for(self, va):
        """(Half, None) or (None, reason) for a VA: range selection and the
        canonical check (the bits above the range must be all 0 or all 1)."""
        n = bit(va, 55) if self.two_ranges else 0
        h = self.half(n)
        top = 55 if h.tbi else 63
        above = bits(va, top, h.ia)
        want = ((1 << (top - h.ia + 1)) - 1) if n else 0
        if above != want:
            return None, "va outside %s's range (bits %d:%d must be all %s for %d-bit %s)" % (
                h.ttbr_name, top, h.ia, "ones" if n else "zeros", h.ia, h.ttbr_name)
        if h.epd:
            return None, "%s walks disabled (%s.EPD%d=1)" % (h.ttbr_name, self.tcr_name, n)
        return h, None


class Half:
    """One VA range of a regime: granule g (log2 of the page size), its
    levels and the start table's base and size."""

    def __init__(self, regime, n, txsz, g, epd, tbi, hpd, sh=3):
        self.r, self.n, self.g, self.epd, self.tbi, self.hpd = regime, n, g, epd, tbi, hpd
        self.sh = sh
        # The output size this half's descriptors hold: without DS, 48 bits
        # with 4 and 16 KiB pages (64 KiB's hold 52 with FEAT_LPA).
        self.pa_bits = regime.pa_bits if regime.ds or g == 16 else min(regime.pa_bits, 48)
        self.notes = []
        self.txsz = self._clamp_txsz(txsz)
        self.ia = 64 - self.txsz
        self.stride = g - 3
        levels = max(1, -(-(self.ia - g) // self.stride))  # ceil
        self.start = 4 - levels                              # -1 with 4K and 52 bits
        self.ttbr_name = regime.ttbr_names[n]
        self.ttbr = regime.ttbr[n]
        tbl_bits = self.ia - self.shift(self.start) + 3   # log2 of the start table's size
        # A 52-bit table address: BADDR[51:48] in TTBR bits 5:2, the root at
        # least 64-byte aligned.
        self.base = ttbr_baddr(self.ttbr, self.pa_bits > 48) & ~((1 << max(tbl_bits, 6)) - 1)
        self.va_base = (M64 & ~((1 << self.ia) - 1)) if n else 0

    def _clamp_txsz(self, txsz):
        """TxSZ as walked, with a note when it is outside what is handled:
        down to 12 (52 bits) with FEAT_LPA2's DS, or with 64 KiB pages
        (FEAT_LVA, assumed: its ID register is not read)."""
        low = 12 if self.r.ds or self.g == 16 else 16
        if txsz < low:
            self.notes.append("TxSZ=%d below %d (needs FEAT_LVA/LPA2), walked as %d"
                              % (txsz, low, low))
            return low
        if txsz > 48:
            self.notes.append("TxSZ=%d above 48, walked as 48" % txsz)
            return 48
        if txsz > 39:
            self.notes.append("TxSZ=%d above 39 needs FEAT_TTST" % txsz)
        return txsz

    def shift(self, level):
        """log2 of the VA span of one entry at this level."""
        return self.g + (3 - level) * self.stride

    def entries(self, level):
        if level == self.start:
            return 1 << (self.ia - self.shift(level))
        return 1 << self.stride

    def index(self, va, level):
        return (va >> self.shift(level)) & (self.entries(level) - 1)

    def block_ok(self, level):
        """Whether a block descriptor is valid at this level (else reserved):
        one level higher with FEAT_LPA2's DS (4K level 0, 16K level 1)."""
        if self.g == 12:
            return level in (1, 2) or (level == 0 and self.r.ds)
        if self.g == 14:
            return level == 2 or (level == 1 and self.r.ds)
        return level == 2 or (level == 1 and self.pa_bits == 52)

    def oa(self, desc, low_bit):
        """Output address of a descriptor: 64K with a 52-bit PA keeps 51:48
        in 15:12; FEAT_LPA2's DS keeps 49:48 in place and 51:50 in 9:8."""
        if self.r.ds:
            a = desc & ((1 << 50) - 1) & ~((1 << low_bit) - 1)
            return a | (bits(desc, 9, 8) << 50)
        a = desc & ((1 << 48) - 1) & ~((1 << low_bit) - 1)
        if self.g == 16 and self.pa_bits == 52:
            a |= bits(desc, 15, 12) << 48
        return a

    def describe(self):
        return "%s=0x%016x, %s, %dK granule, %d-bit VA, start L%d" % (
            self.ttbr_name, self.ttbr,
            self.r.tcr_name + (".T%dSZ=%d" % (self.n, self.txsz)),
            (1 << self.g) >> 10, self.ia, self.start)
