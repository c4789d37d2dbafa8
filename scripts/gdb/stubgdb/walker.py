# scripts/gdb/stubgdb/walker.py - the stage 1 walk of one VA, and the
# enumeration of every leaf of one VA range merged into ranges (pure). The
# tables come from any object with desc(pa) and table(pa, n) (tables.py's
# DescReader: QEMU's memory in gdb, a dict in the host tests).

from .bits import M64, bits
from .desc import Attrs, decode, inherited, table_bits_format
from .errors import StubError
from .fmt import format_size


class WalkResult:
    """What pt-walk prints: the steps, then either pa/level/size/attrs or a
    fault (level, reason)."""

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
    """Translate va in regime, as the hardware's stage 1 walk would."""
    r = WalkResult()
    h, why = regime.half_for(va)
    if h is None:
        r.fault = (0, why)
        return r
    r.half = h
    table = h.base
    tb = 0
    if table >> h.pa_bits:
        r.fault = (h.start, "address size fault: %s base 0x%x beyond %d-bit PA" % (
            h.ttbr_name, table, h.pa_bits))
        return r
    for level in range(h.start, 4):
        idx = h.index(va, level)
        desc = mem.desc(table + 8 * idx)
        kind, oa = decode(h, desc, level)
        if kind == "table":
            tb = inherited(tb, desc, h.hpd)
            r.steps.append((level, table, idx, desc, kind, "table -> 0x%010x%s" % (
                oa, " " + table_bits_format(desc) if bits(desc, 63, 59) else "")))
            if oa >> h.pa_bits:
                r.fault = (level, "address size fault: next table 0x%x beyond %d-bit PA"
                           % (oa, h.pa_bits))
                return r
            table = oa
            continue
        if kind in ("invalid", "reserved"):
            r.steps.append((level, table, idx, desc, kind,
                            "invalid" if kind == "invalid" else "reserved encoding"))
            r.fault = (level, "translation fault (%s descriptor)" % kind)
            return r
        size = 1 << h.shift(level)
        a = Attrs(desc, regime, tb, h.sh)
        r.steps.append((level, table, idx, desc, kind, "%s %s -> 0x%010x %s (AttrIndx %d = 0x%02x)"
                        % (kind, format_size(size), oa, a.format(), a.attrindx, a.mair_byte)))
        if oa >> h.pa_bits:
            r.fault = (level, "address size fault: output 0x%x beyond %d-bit PA"
                       % (oa, h.pa_bits))
            return r
        if not a.af:
            r.note = "access flag 0: an access faults unless hardware AF update (TCR.HA)"
        r.pa = oa | (va & (size - 1))
        r.level, r.size, r.attrs = level, size, a
        return r
    raise StubError("walk ran past level 3 (bug)")


def dump_half(h, mem, out):
    """Append to out a (va, pa, size, level, Attrs) per range of Half h:
    neighbouring leaves merge when va and pa are both contiguous and the
    level and attributes are equal (mmu/dump.c's rule)."""
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
                if oa >> h.pa_bits:      # would be an address size fault: not mapped
                    flush()
                    continue
                visit(oa, level + 1, va, inherited(tb, desc, h.hpd))
            elif kind in ("invalid", "reserved"):
                flush()
            else:
                a = Attrs(desc, h.r, tb, h.sh)
                if (cur and cur[0] + cur[2] == va and cur[1] + cur[2] == oa
                        and cur[3] == level and cur[4].key() == a.key()):
                    cur[2] += span
                else:
                    flush()
                    cur.extend([va, oa, span, level, a])

    visit(h.base, h.start, h.va_base, 0)
    flush()
