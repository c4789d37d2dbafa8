# scripts/gdb/stub.py - gdb commands for AArch64 bare-metal debugging on QEMU.
#
# Load in any gdb session (gdb-multiarch, aarch64 target, QEMU's gdbstub):
#     (gdb) source scripts/gdb/stub.py
#
# Commands (each has `help NAME`):
#   stub-symbols [PHYS_LOAD|off] [ELF]  also load the ELF's symbols at its
#                                       physical load address (pre-MMU code)
#   $stub_pa(VA)                        an image link address -> its pa
#   mmu-regs                            MMU registers decoded field by field
#   pt-walk [-el1|-el2|-el3] [-f] VA    walk the live tables for one address
#   pt-dump [-el1|-el2|-el3] [-f] [ttbr0|ttbr1]
#                                       every mapping, merged into ranges
#
# The walker is generic VMSAv8-64 stage 1: granule, levels and ranges come
# from the live TCR (TxSZ, TG0/TG1, IPS/PS, EPDn, TBIn), the tables are read
# from guest physical memory (QEMU's Qqemu.PhyMemMode), and the regime is the
# one of the current exception level (EL1&0, EL2 or EL2&0 with HCR_EL2.E2H,
# EL3) unless forced. Block/page attributes are printed in the stub's own
# format (mmu/desc.c pte_attrs_format, mmu/dump.c pt_range_format).
# Stage 2 is not walked: when HCR_EL2.VM is set, pa= is an IPA and says so.

import re
import struct

import gdb

M64 = (1 << 64) - 1
DEFAULT_LOAD_PA = 0x40200000


class StubError(Exception):
    """A user-facing failure: printed as one message, no traceback."""


# ----------------------------------------------------------------- registers

# QEMU 7.2's gdbstub names: SCTLR_EL1 is "SCTLR" ($SCTLR_EL1 is void), VBAR_EL1
# is "VBAR"; the EL is PSTATE.EL in $cpsr (there is no CurrentEL register).
REG_ALIASES = {
    "SCTLR_EL1": ("SCTLR", "SCTLR_EL1"),
    "VBAR_EL1": ("VBAR", "VBAR_EL1"),
    "CPACR_EL1": ("CPACR", "CPACR_EL1"),
}


def reg(name):
    """Value of a register as an unsigned 64-bit int, or None if the target
    does not have it (gdb evaluates an unknown $NAME to void)."""
    for n in REG_ALIASES.get(name, (name,)):
        try:
            v = gdb.parse_and_eval("$" + n)
        except gdb.error:
            continue
        if v.type.code == gdb.TYPE_CODE_VOID:
            continue
        try:
            return int(v) & M64
        except (gdb.error, ValueError, OverflowError):
            continue
    return None


def need_reg(name):
    v = reg(name)
    if v is None:
        raise StubError("register %s is not available from this target "
                        "(QEMU's gdbstub exposes only what the CPU model has)" % name)
    return v


def current_el():
    cpsr = reg("cpsr")
    if cpsr is None:
        raise StubError("cannot read $cpsr: is gdb connected (target remote HOST:PORT)?")
    return (cpsr >> 2) & 3


def bits(v, hi, lo):
    return (v >> lo) & ((1 << (hi - lo + 1)) - 1)


def bit(v, n):
    return (v >> n) & 1


# ---------------------------------------------------------- field decoding
# Formats identical to the stub's (mmu/regs.c) so lines can be compared.

PARANGE_BITS = {0: 32, 1: 36, 2: 40, 3: 42, 4: 44, 5: 48, 6: 52}
RGN = ("NC", "WBWA", "WT", "WBnWA")
SH = ("NSH", "res", "OSH", "ISH")
TG0 = {0: "4K", 1: "64K", 2: "16K", 3: "res"}      # TG0: 00=4K 01=64K 10=16K
TG1 = {0: "res", 1: "16K", 2: "4K", 3: "64K"}      # TG1: 01=16K 10=4K 11=64K
TG0_SHIFT = {0: 12, 1: 16, 2: 14}
TG1_SHIFT = {1: 14, 2: 12, 3: 16}


def parange_bits(v):
    return PARANGE_BITS.get(v, 0)


def sctlr_format(s):
    return "M=%u A=%u C=%u SA=%u SA0=%u I=%u WXN=%u EE=%u" % (
        bit(s, 0), bit(s, 1), bit(s, 2), bit(s, 3), bit(s, 4), bit(s, 12), bit(s, 19), bit(s, 25))


def sctlr_extra(s):
    return "E0E=%u UCI=%u nTWE=%u nTWI=%u UCT=%u DZE=%u SPAN=%u" % (
        bit(s, 24), bit(s, 26), bit(s, 18), bit(s, 16), bit(s, 15), bit(s, 14), bit(s, 23))


def tcr_format(t):
    t0sz, t1sz, ips = t & 0x3f, bits(t, 21, 16), bits(t, 34, 32)
    return ("T0SZ=%u (%u-bit) TG0=%s IRGN0=%s ORGN0=%s SH0=%s EPD0=%u | "
            "T1SZ=%u (%u-bit) TG1=%s IRGN1=%s ORGN1=%s SH1=%s EPD1=%u | "
            "IPS=%u (%u-bit) A1=%u AS=%u" % (
                t0sz, 64 - t0sz, TG0[bits(t, 15, 14)], RGN[bits(t, 9, 8)], RGN[bits(t, 11, 10)],
                SH[bits(t, 13, 12)], bit(t, 7),
                t1sz, 64 - t1sz, TG1[bits(t, 31, 30)], RGN[bits(t, 25, 24)], RGN[bits(t, 27, 26)],
                SH[bits(t, 29, 28)], bit(t, 23),
                ips, parange_bits(ips), bit(t, 22), bit(t, 36)))


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
    names = {0x00: "DEVICE/nGnRnE", 0x04: "DEVICE/nGnRE", 0x08: "DEVICE/nGRE",
             0x0c: "DEVICE/GRE", 0x44: "MEM/NORMAL-NC", 0xff: "MEM/NORMAL"}
    return names.get(a, "MEM/OTHER")


def mair_format(mair):
    out = []
    for i in range(8):
        a = (mair >> (8 * i)) & 0xff
        if a == 0 and i > 4:
            break
        out.append("[%u]=0x%02x %s" % (i, a, mair_attr_name(a)))
    return " ".join(out)


def ttbr_format(v):
    return "BADDR 0x%x ASID 0x%x CnP %u" % (v & 0x0000fffffffffffe, v >> 48, v & 1)


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
    kinds = {0x00: "address size fault", 0x04: "translation fault",
             0x08: "access flag fault", 0x0c: "permission fault"}
    if (fsc & 0x3c) in kinds:
        return "%s, L%d" % (kinds[fsc & 0x3c], fsc & 3)
    return {0x10: "synchronous external abort", 0x11: "synchronous tag check fault",
            0x21: "alignment fault", 0x30: "TLB conflict abort"}.get(fsc, "other fault")


def esr_format(esr):
    ec = bits(esr, 31, 26)
    s = "EC 0x%02x (%s) IL=%u ISS 0x%07x" % (ec, EC_NAMES.get(ec, "other exception class"),
                                            bit(esr, 25), esr & 0x1ffffff)
    if ec in (0x20, 0x21, 0x24, 0x25):
        fsc = esr & 0x3f
        s += " FSC 0x%02x (%s)" % (fsc, fault_status_name(fsc))
        if ec in (0x24, 0x25):
            s += " WnR=%u" % bit(esr, 6)
    return s


def symbol_note(addr):
    """' (name)' when an address is exactly a symbol, e.g. a table's label."""
    try:
        out = gdb.execute("info symbol 0x%x" % addr, to_string=True).strip()
    except gdb.error:
        return ""
    if out.startswith("No symbol") or " + " in out.split(" in section")[0]:
        return ""
    return " (%s)" % out.split(" in section")[0]


# ---------------------------------------------------- physical memory access

def flush_dcache():
    """Drop gdb's memory cache (its name changed across gdb versions)."""
    for cmd in ("maint flush dcache", "maint flush-dcache"):
        try:
            gdb.execute(cmd, to_string=True)
            return
        except gdb.error:
            continue


class PhysMem:
    """Context: the gdbstub reads guest physical memory while inside.
    QEMU's Qqemu.PhyMemMode:1; always restored to :0 and gdb's cache flushed."""

    def __init__(self):
        self.inf = None
        self.big_endian = False
        self.cache = {}

    def __enter__(self):
        try:
            out = gdb.execute("maint packet Qqemu.PhyMemMode:1", to_string=True)
        except gdb.error as e:
            raise StubError("cannot switch the gdbstub to physical memory (%s); "
                            "is gdb connected to QEMU?" % e)
        if not re.search(r'received: "?OK"?\s*$', out, re.M):
            raise StubError("the target refused Qqemu.PhyMemMode:1 (not QEMU's gdbstub?): %s"
                            % out.strip().replace("\n", " "))
        flush_dcache()
        self.inf = gdb.selected_inferior()
        return self

    def __exit__(self, *exc):
        try:
            gdb.execute("maint packet Qqemu.PhyMemMode:0", to_string=True)
            flush_dcache()
        except gdb.error:
            pass
        return False

    def read(self, pa, n):
        try:
            return bytes(self.inf.read_memory(pa, 8 * n))
        except (gdb.error, gdb.MemoryError) as e:
            raise StubError("cannot read guest physical memory at 0x%x: %s" % (pa, e))

    def table(self, pa, n):
        """The n descriptors of the table at pa (cached for one command)."""
        key = (pa, n)
        if key not in self.cache:
            raw = self.read(pa, n)
            self.cache[key] = struct.unpack((">" if self.big_endian else "<") + "%dQ" % n, raw)
        return self.cache[key]

    def desc(self, pa):
        raw = self.read(pa, 1)
        return struct.unpack(">Q" if self.big_endian else "<Q", raw)[0]


# ------------------------------------------------------------ the regime

class Regime:
    """One stage 1 translation regime, from the live registers (or, for
    tests without a target, from given values: see Regime.from_values)."""

    @classmethod
    def from_values(cls, el, sctlr, tcr, mair, ttbrs, mmfr0=None):
        """EL1&0 when el is 1 (ttbrs: TTBR0, TTBR1), else the one-range ELn."""
        r = cls.__new__(cls)
        r.el_now = r.el = el
        r.notes, r.hcr = [], None
        r.two_ranges = el == 1
        sfx = "_EL%d" % el
        r.name = "EL1&0" if el == 1 else "EL%d" % el
        r.sctlr_name, r.tcr_name, r.mair_name = "SCTLR" + sfx, "TCR" + sfx, "MAIR" + sfx
        r.ttbr_names = ("TTBR0" + sfx, "TTBR1" + sfx)[:len(ttbrs)]
        r.sctlr, r.tcr, r.mair, r.ttbr = sctlr, tcr, mair, list(ttbrs)
        r._derive(mmfr0)
        return r

    def __init__(self, force_el=None):
        el = current_el()
        self.el_now = el
        el = force_el if force_el is not None else el
        if el == 0:
            el = 1
        self.el = el
        self.notes = []
        self.hcr = reg("HCR_EL2")
        e2h = self.hcr is not None and bit(self.hcr, 34)
        if el == 1:
            self.name = "EL1&0"
            self.sctlr_name, self.tcr_name, self.mair_name = "SCTLR_EL1", "TCR_EL1", "MAIR_EL1"
            self.ttbr_names = ("TTBR0_EL1", "TTBR1_EL1")
            self.two_ranges = True
            if self.hcr is not None and bit(self.hcr, 0):
                self.notes.append("HCR_EL2.VM=1: stage 2 is on, pa= is an IPA (stage 2 not walked)")
        elif el == 2 and e2h:
            self.name = "EL2&0 (E2H)"
            self.sctlr_name, self.tcr_name, self.mair_name = "SCTLR_EL2", "TCR_EL2", "MAIR_EL2"
            self.ttbr_names = ("TTBR0_EL2", "TTBR1_EL2")
            self.two_ranges = True
        else:
            sfx = "_EL%d" % el
            self.name = "EL%d" % el
            self.sctlr_name, self.tcr_name, self.mair_name = ("SCTLR" + sfx, "TCR" + sfx,
                                                              "MAIR" + sfx)
            self.ttbr_names = ("TTBR0" + sfx,)
            self.two_ranges = False
        try:
            self.sctlr = need_reg(self.sctlr_name)
            self.tcr = need_reg(self.tcr_name)
            self.mair = need_reg(self.mair_name)
            self.ttbr = [need_reg(n) for n in self.ttbr_names]
        except StubError as e:
            raise StubError("%s; cannot walk the %s regime%s" % (
                e, self.name, "" if el == 1 else " (try -el1 for the EL1&0 tables)"))
        self._derive(reg("ID_AA64MMFR0_EL1"))

    def _derive(self, mmfr0):
        self.mmu_on = bool(self.sctlr & 1)
        self.big_endian = bool(bit(self.sctlr, 25))
        ps = bits(self.tcr, 34, 32) if self.two_ranges else bits(self.tcr, 18, 16)
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
        h = Half(self, n, txsz, tg or 12, epd, tbi, hpd)
        if tg is None:
            h.notes.append("%s.TG%d is a reserved encoding, walked as 4K (the architecture "
                           "leaves it IMPLEMENTATION DEFINED)" % (self.tcr_name, n))
        return h

    def half_for(self, va):
        """(Half, None) or (None, reason) for a VA: range selection and the
        canonical check (the bits above the range must be all 0 or all 1)."""
        if self.two_ranges:
            n = bit(va, 55)
        else:
            n = 0
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
    def __init__(self, regime, n, txsz, g, epd, tbi, hpd):
        self.r, self.n, self.g, self.epd, self.tbi, self.hpd = regime, n, g, epd, tbi, hpd
        notes = []
        if txsz < 16:
            notes.append("TxSZ=%d below 16 (needs FEAT_LVA/LPA2), walked as 16" % txsz)
            txsz = 16
        elif txsz > 48:
            notes.append("TxSZ=%d above 48, walked as 48" % txsz)
            txsz = 48
        elif txsz > 39:
            notes.append("TxSZ=%d above 39 needs FEAT_TTST" % txsz)
        self.txsz, self.notes = txsz, notes
        self.ia = 64 - txsz
        self.stride = g - 3
        levels = max(1, -(-(self.ia - g) // self.stride))  # ceil
        self.start = 4 - levels
        self.ttbr_name = regime.ttbr_names[n]
        self.ttbr = regime.ttbr[n]
        tbl_bits = self.ia - self.shift(self.start) + 3   # log2 of the start table's size
        self.base = self.ttbr & ((1 << 48) - 1) & ~((1 << max(tbl_bits, 6)) - 1)
        self.va_base = (M64 & ~((1 << self.ia) - 1)) if n else 0

    def shift(self, level):
        return self.g + (3 - level) * self.stride

    def entries(self, level):
        if level == self.start:
            return 1 << (self.ia - self.shift(level))
        return 1 << self.stride

    def index(self, va, level):
        return (va >> self.shift(level)) & (self.entries(level) - 1)

    def block_ok(self, level):
        if self.g == 12:
            return level in (1, 2)
        if self.g == 14:
            return level == 2
        return level == 2 or (level == 1 and self.r.pa_bits == 52)

    def oa(self, desc, low_bit):
        a = desc & ((1 << 48) - 1) & ~((1 << low_bit) - 1)
        if self.g == 16 and self.r.pa_bits == 52:
            a |= bits(desc, 15, 12) << 48
        return a

    def describe(self):
        return "%s=0x%016x, %s, %dK granule, %d-bit VA, start L%d" % (
            self.ttbr_name, self.ttbr,
            self.r.tcr_name + (".T%dSZ=%d" % (self.n, self.txsz)),
            (1 << self.g) >> 10, self.ia, self.start)


# --------------------------------------------------------- descriptors

class Attrs:
    """Attributes of a block/page descriptor (and inherited table limits)."""

    def __init__(self, desc, regime, table_bits=0):
        self.attrindx = bits(desc, 4, 2)
        self.ns = bit(desc, 5)
        self.user = bit(desc, 6) if regime.two_ranges else 0   # AP[1] RES1 at EL2/EL3
        self.rdonly = bit(desc, 7)
        self.sh = bits(desc, 9, 8)
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


def format_size(size):
    """mmu/dump.c format_size."""
    u = -1
    while u < 3 and size and (size & 1023) == 0:
        size >>= 10
        u += 1
    return "%dB" % size if u < 0 else "%d%s" % (size, "KMGT"[u])


def decode(h, desc, level):
    """(kind, output address). kind: table, block, page, invalid, reserved."""
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


# ------------------------------------------------------------- the walk

class WalkResult:
    def __init__(self):
        self.steps = []        # (level, table_pa, index, desc, kind, text)
        self.pa = None
        self.level = None
        self.size = None
        self.attrs = None
        self.fault = None      # (level, reason)
        self.half = None
        self.note = None


def walk(regime, mem, va):
    r = WalkResult()
    h, why = regime.half_for(va)
    if h is None:
        r.fault = (0, why)
        return r
    r.half = h
    table = h.base
    tb = 0
    if table >> regime.pa_bits:
        r.fault = (h.start, "address size fault: %s base 0x%x beyond %d-bit PA" % (
            h.ttbr_name, table, regime.pa_bits))
        return r
    for level in range(h.start, 4):
        idx = h.index(va, level)
        desc = mem.desc(table + 8 * idx)
        kind, oa = decode(h, desc, level)
        if kind == "table":
            tb |= desc & (0x1f << 59) if not h.hpd else desc & (1 << 63)
            r.steps.append((level, table, idx, desc, kind, "table -> 0x%010x%s" % (
                oa, " " + table_bits_format(desc) if bits(desc, 63, 59) else "")))
            if oa >> regime.pa_bits:
                r.fault = (level, "address size fault: next table 0x%x beyond %d-bit PA"
                           % (oa, regime.pa_bits))
                return r
            table = oa
            continue
        if kind in ("invalid", "reserved"):
            r.steps.append((level, table, idx, desc, kind,
                            "invalid" if kind == "invalid" else "reserved encoding"))
            r.fault = (level, "translation fault (%s descriptor)" % kind)
            return r
        size = 1 << h.shift(level)
        a = Attrs(desc, regime, tb)
        r.steps.append((level, table, idx, desc, kind, "%s %s -> 0x%010x %s (AttrIndx %d = 0x%02x)"
                        % (kind, format_size(size), oa, a.format(), a.attrindx, a.mair_byte)))
        if oa >> regime.pa_bits:
            r.fault = (level, "address size fault: output 0x%x beyond %d-bit PA"
                       % (oa, regime.pa_bits))
            return r
        if not a.af:
            r.note = "access flag 0: an access faults unless hardware AF update (TCR.HA)"
        r.pa = oa | (va & (size - 1))
        r.level, r.size, r.attrs = level, size, a
        return r
    raise StubError("walk ran past level 3 (bug)")


# ------------------------------------------------------------- commands

def parse_opts(arg):
    """Leading -el1/-el2/-el3 and -f; the rest is kept verbatim (an
    expression may contain quotes and spaces)."""
    force_el, force, rest = None, False, arg.strip()
    while rest:
        word, _, tail = rest.partition(" ")
        if word in ("-el1", "-el2", "-el3"):
            force_el = int(word[3])
        elif word == "-f":
            force = True
        else:
            break
        rest = tail.strip()
    return force_el, force, rest


def eval_addr(expr):
    try:
        v = gdb.parse_and_eval(expr)
        code = v.type.strip_typedefs().code
        if code == gdb.TYPE_CODE_VOID:
            raise StubError("%s is void (no such register on this target?)" % expr)
        if code in (gdb.TYPE_CODE_ARRAY, gdb.TYPE_CODE_FUNC, gdb.TYPE_CODE_STRUCT,
                    gdb.TYPE_CODE_UNION):
            v = v.address        # an object that is not a number: its address
        return int(v) & M64
    except (gdb.error, ValueError, TypeError) as e:
        raise StubError("cannot evaluate '%s': %s" % (expr, e))


def run_safely(fn, *a):
    try:
        fn(*a)
    except StubError as e:
        raise gdb.GdbError(str(e))
    except gdb.MemoryError as e:
        raise gdb.GdbError("memory read failed: %s" % e)
    except gdb.error as e:
        raise gdb.GdbError(str(e))


class StubSymbols(gdb.Command):
    """Load the stub's symbols a second time, at its physical load address.

Usage: stub-symbols [PHYS_LOAD] [ELF]
       stub-symbols off

The ELF is linked at its high-half virtual address (KIMAGE_VADDR,
0xffffffc000000000) but runs at the address the loader chose (QEMU -kernel:
0x40200000, the default) until the MMU is on and head.S jumps to the link
address. This adds the ELF's symbols, line tables and unwind information
again with every section moved by PHYS_LOAD - link address, so:
  hbreak primary_entry / __create_page_tables / mmu_enable
      hit at the physical address (MMU off), with source lines and backtrace;
  hbreak kernel_main  hits at the virtual address (MMU on).
A breakpoint on a symbol gets two locations (physical and virtual); use
hbreak: a software breakpoint cannot be inserted at the virtual address
while the MMU is off, and may be lost across the MMU switch.
Globals still resolve to their link address, unreadable before the MMU is
on: read them through $stub_pa, e.g. p/x ((unsigned long *)$stub_pa(&early_pgd))[1].
ELF defaults to the file loaded with `file`. `off` removes the copy."""

    def __init__(self):
        super().__init__("stub-symbols", gdb.COMMAND_FILES, gdb.COMPLETE_FILENAME)

    def invoke(self, arg, from_tty):
        run_safely(self.do, arg)

    def do(self, arg):
        argv = gdb.string_to_argv(arg)
        if argv and argv[0] == "off":
            self.remove()
            print("stub-symbols: physical copy removed")
            return
        load = eval_addr(argv[0]) if argv else DEFAULT_LOAD_PA
        elf = argv[1] if len(argv) > 1 else gdb.current_progspace().filename
        if not elf:
            raise StubError("no ELF: `file build/stub.elf` first, or give it: "
                            "stub-symbols 0x40200000 build/stub.elf")
        if load & 0xfff:
            print("stub-symbols: warning: 0x%x is not page aligned (the stub needs 2 MiB)" % load)
        link = elf_link_base(elf)
        offset = (load - link) & M64
        self.remove()
        quoted = '"%s"' % elf if " " in elf else elf
        gdb.execute("add-symbol-file %s -o 0x%x" % (quoted, offset), from_tty=False,
                    to_string=True)
        # Kept in a convenience variable: it survives sourcing this file again.
        gdb.set_convenience_variable("_stub_symbols_load", load)
        IMAGE.update(link=link, load=load, size=elf_image_size(elf))
        print("stub-symbols: %s linked at 0x%x, symbols added at pa 0x%x (offset 0x%x)"
              % (elf, link, load, offset))
        print("stub-symbols: use hbreak; pre-MMU code (primary_entry, "
              "__create_page_tables, mmu_enable) hits at the pa, kernel_main at the va")

    @staticmethod
    def remove():
        load = gdb.convenience_variable("_stub_symbols_load")
        if load is not None and load.type.code != gdb.TYPE_CODE_VOID:
            try:
                gdb.execute("remove-symbol-file -a 0x%x" % (int(load) & M64), from_tty=False,
                            to_string=True)
            except gdb.error:
                pass
            gdb.execute("set $_stub_symbols_load = (void)0", to_string=True)
        IMAGE.clear()


# The image's link address, load address and size, once stub-symbols ran.
IMAGE = {}


class StubPa(gdb.Function):
    """$stub_pa(VA): the physical address of a link (virtual) address of the
image, from stub-symbols' load address; other addresses are returned as
they are. Before the MMU is on, globals resolve to their link address,
which cannot be read yet: p/x ((unsigned long *)$stub_pa(&early_pgd))[1]"""

    def __init__(self):
        super().__init__("stub_pa")

    def invoke(self, va):
        if not IMAGE:
            raise gdb.GdbError("$stub_pa: run stub-symbols first")
        v = int(va) & M64
        if IMAGE["link"] <= v < IMAGE["link"] + IMAGE["size"]:
            v = v - IMAGE["link"] + IMAGE["load"]
        return gdb.Value(v).cast(gdb.lookup_type("unsigned long"))


def elf_sections(path):
    """(flags, addr, size) of each section of a 64-bit ELF file."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise StubError("cannot read %s: %s" % (path, e))
    if data[:4] != b"\x7fELF" or data[4] != 2:
        raise StubError("%s is not a 64-bit ELF file" % path)
    end = "<" if data[5] == 1 else ">"
    shoff, = struct.unpack_from(end + "Q", data, 0x28)
    shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3a)
    out = []
    for i in range(shnum):
        off = shoff + i * shentsize
        _, _, flags, addr = struct.unpack_from(end + "IIQQ", data, off)
        size, = struct.unpack_from(end + "Q", data, off + 0x20)
        out.append((flags, addr, size))
    return out


def elf_image_size(path):
    """From the lowest to the end of the highest allocated section."""
    alloc = [(a, s) for f, a, s in elf_sections(path) if f & 2 and s and a]
    return max(a + s for a, s in alloc) - min(a for a, s in alloc)


def elf_link_base(path):
    """Lowest address of an allocated section (the stub's _text)."""
    alloc = [a for f, a, s in elf_sections(path) if f & 2 and s and a]   # SHF_ALLOC
    if not alloc:
        raise StubError("%s has no allocated sections" % path)
    return min(alloc)


class MmuRegs(gdb.Command):
    """Decode the MMU registers of the current CPU.

Usage: mmu-regs

Prints SCTLR_EL1, TCR_EL1, MAIR_EL1, TTBR0_EL1, TTBR1_EL1, ESR_EL1 and
FAR_EL1 (the first line of each in the stub's report format), and at EL2/EL3
the registers of that regime too when QEMU's gdbstub exposes them."""

    def __init__(self):
        super().__init__("mmu-regs", gdb.COMMAND_STATUS)

    def invoke(self, arg, from_tty):
        run_safely(self.do)

    def do(self):
        el = current_el()
        cpsr = reg("cpsr") & 0xffffffff
        print("CPSR      0x%08x: EL%d%s DAIF=%x" % (cpsr, el, "h" if cpsr & 1 else "t",
                                                     bits(cpsr, 9, 6)))
        rows = [
            ("SCTLR_EL1", sctlr_format, sctlr_extra),
            ("TCR_EL1", tcr_format, tcr_extra),
            ("MAIR_EL1", mair_format, None),
            ("TTBR0_EL1", None, ttbr_format),
            ("TTBR1_EL1", None, ttbr_format),
            ("ESR_EL1", esr_format, None),
            ("FAR_EL1", None, None),
        ]
        self.rows(rows)
        hcr = reg("HCR_EL2")
        if el >= 2 and hcr is not None:
            e2h = bit(hcr, 34)
            print("HCR_EL2   0x%016x: VM=%u RW=%u E2H=%u TGE=%u" % (
                hcr, bit(hcr, 0), bit(hcr, 31), e2h, bit(hcr, 27)))
            self.rows([
                ("SCTLR_EL2", sctlr_format, None),
                ("TCR_EL2", tcr_format if e2h else tcr_el2_format, None),
                ("MAIR_EL2", mair_format, None),
                ("TTBR0_EL2", None, ttbr_format),
                ("TTBR1_EL2", None, ttbr_format),
                ("ESR_EL2", esr_format, None),
                ("FAR_EL2", None, None),
            ])
        if el == 3:
            self.rows([
                ("SCTLR_EL3", sctlr_format, None),
                ("TCR_EL3", tcr_el2_format, None),
                ("MAIR_EL3", mair_format, None),
                ("TTBR0_EL3", None, ttbr_format),
                ("ESR_EL3", esr_format, None),
                ("FAR_EL3", None, None),
            ])

    @staticmethod
    def rows(rows):
        for name, fmt, extra in rows:
            v = reg(name)
            if v is None:
                print("%-9s (not exposed by this target's gdbstub)" % name)
                continue
            line = "%-9s 0x%016x" % (name, v)
            if fmt:
                line += ": " + fmt(v)
            elif name.startswith("TTBR"):
                line += symbol_note(v & 0x0000fffffffffffe)
            print(line)
            if extra:
                print("%-9s %s" % ("", extra(v)))


class PtWalk(gdb.Command):
    """Walk the live translation tables for one virtual address.

Usage: pt-walk [-el1|-el2|-el3] [-f] VA

VA is any gdb expression ($pc, $sp, 0xffffffc000000000, &var; a function,
array or struct stands for its address; a linker symbol without debug info
needs &). The regime is
the current EL's (EL1&0; EL2, or EL2&0 when HCR_EL2.E2H=1; EL3) unless
forced with -elN. Granule, start level and ranges come from the live TCR;
tables are read from guest physical memory. Prints each level's table
address, index and descriptor, then exactly one line with `pa=0x...` and
the attributes, or the level at which the walk faults. With the MMU off in
that regime the result is pa = va unless -f walks the tables anyway."""

    def __init__(self):
        super().__init__("pt-walk", gdb.COMMAND_DATA, gdb.COMPLETE_EXPRESSION)

    def invoke(self, arg, from_tty):
        run_safely(self.do, arg)

    def do(self, arg):
        force_el, force, expr = parse_opts(arg)
        if not expr:
            raise StubError("usage: pt-walk [-el1|-el2|-el3] [-f] VA")
        va = eval_addr(expr)
        r = Regime(force_el)
        regime_txt = "%s regime" % r.name
        for n in r.notes:
            print("note: " + n)
        if not r.mmu_on and not force:
            print("va 0x%016x: %s.M=0, stage 1 translation is off (use -f to walk the tables)"
                  % (va, r.sctlr_name))
            print("=> va 0x%016x pa=0x%010x flat, MMU off (%s)" % (va, va, regime_txt))
            return
        with PhysMem() as mem:
            mem.big_endian = r.big_endian
            res = walk(r, mem, va)
        h = res.half
        if h:
            print("va 0x%016x: %s regime, %s" % (va, r.name, h.describe()))
            for note in h.notes:
                print("note: " + note)
            regime_txt += ", " + h.ttbr_name
        else:
            print("va 0x%016x: %s regime" % (va, r.name))
        for level, table, idx, desc, kind, text in res.steps:
            print("  L%d table 0x%010x [%3d] = 0x%016x  %s" % (level, table, idx, desc, text))
        if res.note:
            print("note: " + res.note)
        if res.pa is not None:
            print("=> va 0x%016x pa=0x%010x L%d %s %s (%s)" % (
                va, res.pa, res.level, format_size(res.size), res.attrs.format(), regime_txt))
        else:
            level, why = res.fault
            print("=> va 0x%016x fault at level %d: %s (%s)" % (va, level, why, regime_txt))


class PtDump(gdb.Command):
    """Dump every mapping of one or both halves, merged into ranges.

Usage: pt-dump [-el1|-el2|-el3] [-f] [ttbr0|ttbr1]

One line per range, in the stub's format (mmu/dump.c pt_range_format):
  VA_START-VA_END pa PA SIZE Ln ATTRS
Adjacent leaves merge when the va and pa are contiguous and the level and
attributes are equal. Without an argument both halves are dumped (only
TTBR0 in the EL2 and EL3 regimes)."""

    def __init__(self):
        super().__init__("pt-dump", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        run_safely(self.do, arg)

    def do(self, arg):
        force_el, force, which = parse_opts(arg)
        r = Regime(force_el)
        which = which.lower()
        if which in ("", "all"):
            halves = [0, 1] if r.two_ranges else [0]
        elif which in ("ttbr0", "0"):
            halves = [0]
        elif which in ("ttbr1", "1"):
            if not r.two_ranges:
                raise StubError("the %s regime has only TTBR0" % r.name)
            halves = [1]
        else:
            raise StubError("usage: pt-dump [-el1|-el2|-el3] [-f] [ttbr0|ttbr1]")
        for n in r.notes:
            print("note: " + n)
        if not r.mmu_on and not force:
            print("%s.M=0: stage 1 translation is off in the %s regime (use -f to dump the "
                  "tables anyway)" % (r.sctlr_name, r.name))
            return
        with PhysMem() as mem:
            mem.big_endian = r.big_endian
            for n in halves:
                h = r.half(n)
                print("TTBR%d map (%s regime, %s):" % (n, r.name, h.describe()))
                if h.epd:
                    print("  (walks disabled: %s.EPD%d=1)" % (r.tcr_name, n))
                    continue
                ranges = []
                dump_half(h, mem, ranges)
                for va, pa, size, level, attrs in ranges:
                    print("  0x%016x-0x%016x pa 0x%010x %6s L%d %s" % (
                        va, (va + size) & M64, pa, format_size(size), level, attrs.format()))
                if not ranges:
                    print("  (nothing mapped)")


def dump_half(h, mem, out):
    cur = []   # [va, pa, size, level, attrs]

    def flush():
        if cur:
            out.append(tuple(cur))
            del cur[:]

    def visit(table, level, va_base, tb):
        n = h.entries(level)
        span = 1 << h.shift(level)
        descs = mem.table(table, n)
        for i, desc in enumerate(descs):
            va = (va_base + i * span) & M64
            kind, oa = decode(h, desc, level)
            if kind == "table":
                if oa >> h.r.pa_bits:
                    flush()
                    continue
                ntb = tb | (desc & (0x1f << 59) if not h.hpd else desc & (1 << 63))
                visit(oa, level + 1, va, ntb)
            elif kind in ("invalid", "reserved"):
                flush()
            else:
                a = Attrs(desc, h.r, tb)
                if (cur and cur[0] + cur[2] == va and cur[1] + cur[2] == oa
                        and cur[3] == level and cur[4].key() == a.key()):
                    cur[2] += span
                else:
                    flush()
                    cur.extend([va, oa, span, level, a])

    visit(h.base, h.start, h.va_base, 0)
    flush()


StubSymbols()
StubPa()
MmuRegs()
PtWalk()
PtDump()
