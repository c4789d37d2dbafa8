# scripts/gdb/stubgdb/report.py - the text that mmu-regs, pt-walk and
# pt-dump print, built from values (pure): which registers mmu-regs shows
# with which decoder, and every output line's layout, which follows the
# stub's report (mmu/dump.c pt_range_format) so the two compare equal.
# commands.py prints these lines; the host tests compare them.

from .bits import M64
from .fmt import format_size
from .regs import (cpsr_format, esr_format, hcr_format, mair_format, sctlr_extra,
                   sctlr_format, tcr_el2_format, tcr_extra, tcr_format, ttbr_baddr, ttbr_format)

# mmu-regs: (register, decoder of the first line, decoder of a second line).
# A TTBR has no first-line decoder: its line names the table's symbol.
EL1_ROWS = (
    ("SCTLR_EL1", sctlr_format, sctlr_extra),
    ("TCR_EL1", tcr_format, tcr_extra),
    ("MAIR_EL1", mair_format, None),
    ("TTBR0_EL1", None, ttbr_format),
    ("TTBR1_EL1", None, ttbr_format),
    ("ESR_EL1", esr_format, None),
    ("FAR_EL1", None, None),
)
EL3_ROWS = (
    ("SCTLR_EL3", sctlr_format, None),
    ("TCR_EL3", tcr_el2_format, None),
    ("MAIR_EL3", mair_format, None),
    ("TTBR0_EL3", None, ttbr_format),
    ("ESR_EL3", esr_format, None),
    ("FAR_EL3", None, None),
)


def el2_rows(e2h):
    """TCR_EL2 has TCR_EL1's layout when HCR_EL2.E2H=1, its own otherwise."""
    return (
        ("SCTLR_EL2", sctlr_format, None),
        ("TCR_EL2", tcr_format if e2h else tcr_el2_format, None),
        ("MAIR_EL2", mair_format, None),
        ("TTBR0_EL2", None, ttbr_format),
        ("TTBR1_EL2", None, ttbr_format),
        ("ESR_EL2", esr_format, None),
        ("FAR_EL2", None, None),
    )


def cpsr_line(cpsr):
    return "CPSR      0x%08x: %s" % (cpsr, cpsr_format(cpsr))


def hcr_line(hcr):
    return "HCR_EL2   0x%016x: %s" % (hcr, hcr_format(hcr))


def reg_lines(name, v, fmt, extra, symbol_note=lambda pa: ""):
    """One mmu-regs row: v is None when the gdbstub does not expose the
    register; symbol_note(pa) names a TTBR's table (gdb's symbols)."""
    if v is None:
        return ["%-9s (not exposed by this target's gdbstub)" % name]
    line = "%-9s 0x%016x" % (name, v)
    if fmt:
        line += ": " + fmt(v)
    elif name.startswith("TTBR"):
        line += symbol_note(ttbr_baddr(v))
    lines = [line]
    if extra:
        lines.append("%-9s %s" % ("", extra(v)))
    return lines


def note_lines(notes):
    return ["note: " + n for n in notes]


def walk_off_lines(r, va):
    """pt-walk in a regime whose MMU is off (and no -f): pa = va."""
    return ["va 0x%016x: %s.M=0, stage 1 translation is off (use -f to walk the tables)"
            % (va, r.sctlr_name),
            "=> va 0x%016x pa=0x%010x flat, MMU off (%s regime)" % (va, va, r.name)]


def walk_lines(r, va, res):
    """pt-walk's output for walker.walk's result res: the range, each
    level's step, then exactly one '=> ' line (pa= or the fault)."""
    h = res.half
    regime_txt = "%s regime" % r.name
    if h:
        lines = ["va 0x%016x: %s regime, %s" % (va, r.name, h.describe())]
        lines += note_lines(h.notes)
        regime_txt += ", " + h.ttbr_name
    else:
        lines = ["va 0x%016x: %s regime" % (va, r.name)]
    for level, table, idx, desc, kind, text in res.steps:
        lines.append("  L%d table 0x%010x [%3d] = 0x%016x  %s" % (level, table, idx, desc, text))
    if res.note:
        lines += note_lines([res.note])
    if res.pa is not None:
        lines.append("=> va 0x%016x pa=0x%010x L%d %s %s (%s)" % (
            va, res.pa, res.level, format_size(res.size), res.attrs.format(), regime_txt))
    else:
        level, why = res.fault
        lines.append("=> va 0x%016x fault at level %d: %s (%s)" % (va, level, why, regime_txt))
    return lines


def dump_off_line(r):
    return ("%s.M=0: stage 1 translation is off in the %s regime (use -f to dump the "
            "tables anyway)" % (r.sctlr_name, r.name))


def dump_header(h):
    """Printed before the range's tables are read (so it precedes any error)."""
    return "TTBR%d map (%s regime, %s):" % (h.n, h.r.name, h.describe())


def dump_disabled_line(h):
    return "  (walks disabled: %s.EPD%d=1)" % (h.r.tcr_name, h.n)


def range_lines(ranges):
    """walker.dump_half's ranges, one line each (mmu/dump.c pt_range_format)."""
    if not ranges:
        return ["  (nothing mapped)"]
    return ["  0x%016x-0x%016x pa 0x%010x %6s L%d %s" % (
        va, (va + size) & M64, pa, format_size(size), level, attrs.format())
        for va, pa, size, level, attrs in ranges]
