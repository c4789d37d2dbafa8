# tests/gdb/t_report.py - gdb's view of the live MMU against the stub's own
# report, phase by phase: the stub checks each map it makes live (early map,
# final map) in one call of its check function; after each call returns,
# while that map is still live, the part of the report printed since the
# previous stop is compared:
#   - every probe line "[ ok ] NAME va V -> pa P REGION ATTRS": pt-walk V
#     gives pa P and the same attributes; "-> (must fault)": pt-walk faults,
#     at the level the hardware reported (AT/PAR_EL1 FST); and pt-walk takes
#     the steps the stub's software walk took ("sw: L-1[15]=0x... L0[..."):
#     the same levels (five from level -1 with 4K/52), indexes, descriptors;
#   - mmu-regs prints the same SCTLR_EL1/TCR_EL1/MAIR_EL1 lines and TTBR values;
#   - pt-dump prints the same range lines as the stub's TTBR0/TTBR1 maps.
import os
import re
import sys

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gdbtest as T  # noqa: E402

PROBE = re.compile(r"^\[(?: ok |FAIL)\] (.{16}) va 0x([0-9a-f]{16}) -> "
                   r"(?:pa 0x([0-9a-f]+) (\S+)\s+(.*)|\(must fault\))$")
HW_FAULT = re.compile(r"^\s+hw: fault FST 0x[0-9a-f]+ \([^,]*, L(-?\d+)\)")
HW_PA = re.compile(r"^\s+hw: pa 0x([0-9a-f]+) ")
# The stub's walk steps (mmu/walk.c walk_format_steps) and pt-walk's
# (scripts/gdb/stubgdb/report.py): level, index, descriptor.
SW_STEP = re.compile(r"L(-?\d+)\[(\d+)\]=0x([0-9a-f]{16})")
GDB_STEP = re.compile(r"^\s+L(-?\d+) table 0x[0-9a-f]+ \[\s*(\d+)\] = 0x([0-9a-f]{16})", re.M)
REG_LINE = re.compile(r"^(SCTLR_EL1|TCR_EL1|MAIR_EL1|TTBR0_EL1|TTBR1_EL1)\s+0x([0-9a-f]{16})(.*)$")
DUMP_HEAD = re.compile(r"^TTBR([01]) (?:[\w-]+ )?map \(")
# The function that checks one map's probes (each call prints one "checks"
# section, then returns with that map still live); the first that exists.
CHECK_FUNCS = ("check_run", "check_all")
# With a CONFIG_TEST_HOOKS build and stub.test=corrupt-desc the stub moves one
# block after dumping the tables, and must flag exactly that probe: then
# pt-walk must agree with the hardware (live tables), not the expectation.
EXPECT_FAILED = int(os.environ.get("GDBT_EXPECT_FAILED", "0"))
# A boot that gets no boot arguments (QEMU's generic loader) prints the
# short default report: gdb asks for the full one by setting the flag that
# stub.report=full sets, at kernel_main (the bss is cleared by then).
FORCE_FULL = os.environ.get("GDBT_FORCE_FULL") == "1"


def parse_phase(text):
    """What one phase of the report says: register lines, dumps, probes."""
    lines = text.splitlines()
    probes, regs, dump = [], {}, {}
    half = None
    checks_at = max((i for i, l in enumerate(lines) if l.startswith("checks")), default=-1)
    for i, line in enumerate(lines):
        m = REG_LINE.match(line)
        if m:
            regs[m.group(1)] = (int(m.group(2), 16), line)
        m = DUMP_HEAD.match(line)
        if m:
            half = int(m.group(1))
            dump[half] = []          # the last dump printed is the live one
            continue
        if half is not None:
            if line.startswith("  0x"):
                dump[half].append(line)
                continue
            if line.startswith("  ("):
                continue             # "(none: walks disabled)" and the like
            half = None
        m = PROBE.match(line)
        if m and i > checks_at:
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            hw, hw_pa = HW_FAULT.match(nxt), HW_PA.match(nxt)
            sw = nxt.split("| sw: ", 1)[1] if "| sw: " in nxt else ""
            probes.append({
                "failed": line.startswith("[FAIL]"),
                "hw_pa": int(hw_pa.group(1), 16) if hw_pa else None,
                "name": m.group(1).strip(), "va": int(m.group(2), 16),
                "pa": int(m.group(3), 16) if m.group(3) else None,
                "attrs": m.group(5), "hw_level": int(hw.group(1)) if hw else None,
                "sw_steps": [(int(a), int(b), int(c, 16)) for a, b, c in SW_STEP.findall(sw)],
            })
    return probes, regs, dump


def compare_phase(phase, text):
    """gdb's view of the live MMU against one phase of the report."""
    probes, regs, dump = parse_phase(text)
    T.check(len(probes) >= 20, "%s: report has the probe lines" % phase, "%d probes" % len(probes))
    for p in probes:
        w = T.pt_walk("0x%x" % p["va"])
        what = "%s: pt-walk %s (va 0x%016x)" % (phase, p["name"], p["va"])
        if "error" in w:
            T.check(False, what, w["error"])
            continue
        if w["pa_lines"] > 1:
            T.check(False, what, "more than one line with pa=: " + w["out"])
            continue
        if p["pa"] is not None:
            want = p["hw_pa"] if p["failed"] else p["pa"]
            T.check(w.get("pa") == want == p["hw_pa"] and w.get("attrs") == p["attrs"],
                    "%s -> pa 0x%010x %s%s" % (what, want, p["attrs"],
                                               " (as the hardware, not the expectation)"
                                               if p["failed"] else ""),
                    "got: " + w["out"].strip().splitlines()[-1])
        else:
            T.check("fault_level" in w and w["pa_lines"] == 0
                    and (p["hw_level"] is None or w["fault_level"] == p["hw_level"]),
                    "%s faults (hardware: level %s)" % (what, p["hw_level"]),
                    "got: " + w["out"].strip().splitlines()[-1])
        if p["sw_steps"]:
            got = [(int(a), int(b), int(c, 16)) for a, b, c in GDB_STEP.findall(w["out"])]
            T.check(got == p["sw_steps"],
                    "%s takes the stub's %d steps from level %d" % (
                        what, len(p["sw_steps"]), p["sw_steps"][0][0]),
                    "stub %r gdb %r" % (p["sw_steps"], got))

    # Registers the report printed in this phase.
    out = T.run("mmu-regs")
    mine = {}
    for line in out.splitlines():
        m = REG_LINE.match(line)
        if m:
            mine[m.group(1)] = (int(m.group(2), 16), line)
    for name in ("SCTLR_EL1", "TCR_EL1", "MAIR_EL1"):
        if name in regs:
            want, got = regs[name], mine.get(name)
            T.check(got is not None and want[1] == got[1],
                    "%s: mmu-regs %s line equals the stub's" % (phase, name),
                    "stub %r gdb %r" % (want[1], got and got[1]))
    for name in ("TTBR0_EL1", "TTBR1_EL1"):
        if name in regs:
            want, got = regs[name], mine.get(name)
            T.check(got is not None and want[0] == got[0],
                    "%s: mmu-regs %s value equals the stub's" % (phase, name),
                    "stub %r gdb %r" % (hex(want[0]), got and hex(got[0])))
    if phase == "phase 1":
        T.check("SCTLR_EL1" in regs and "TCR_EL1" in regs,
                "%s: report has the registers" % phase, "no SCTLR_EL1/TCR_EL1 line")

    if EXPECT_FAILED:
        return                       # corrupt-desc: the tables were dumped before
    T.check(bool(dump), "%s: report has the table dumps" % phase, "no 'TTBRn ... map (' line")
    for half in sorted(dump):
        out = T.run("pt-dump ttbr%d" % half)
        got = [l for l in out.splitlines() if l.startswith("  0x")]
        first = next((i for i, (a, b) in enumerate(zip(dump[half], got)) if a != b),
                     min(len(got), len(dump[half])))
        T.check(got == dump[half], "%s: pt-dump ttbr%d equals the stub's TTBR%d map (%d ranges)"
                % (phase, half, half, len(dump[half])),
                "%d ranges vs the stub's %d; first difference, range %d: stub %r gdb %r" % (
                    len(got), len(dump[half]), first, dump[half][first:first + 1],
                    got[first:first + 1]))


def body():
    T.setup()
    check_fn = next((f for f in CHECK_FUNCS
                     if T.try_run("info address %s" % f)[0] is not None), None)
    T.check(check_fn is not None, "the stub has a check function (%s)" % "/".join(CHECK_FUNCS))
    if FORCE_FULL:
        T.run("hbreak kernel_main")
        T.cont()
        T.check(T.frame_name() == "kernel_main", "stopped at kernel_main", T.frame_name())
        out, err = T.try_run("set var boot.report_full = 1")
        T.check(err is None, "full report asked for through gdb", err or "")
        T.run("delete")
    if check_fn:
        T.run("hbreak %s" % check_fn)
    T.run("hbreak stub_exit")
    done, phase = 0, 0
    while True:
        T.cont()
        where = T.frame_name()
        if where != check_fn:
            break
        T.run("finish")              # the probes of this map are printed now
        text = T.read_serial()
        phase += 1
        compare_phase("phase %d" % phase, text[done:])
        done = len(text)
    T.check(where == "stub_exit", "stopped at stub_exit after %d checked phases" % phase, where)
    summary = [l for l in T.read_serial().splitlines() if l.startswith("mmu: ")]
    T.check(summary and summary[-1].endswith(" %d failed" % EXPECT_FAILED),
            "the stub's own checks: %d failed" % EXPECT_FAILED, str(summary))
    T.check(phase >= 1, "at least one phase compared", "%d" % phase)
    T.run("kill")


T.main(body)
