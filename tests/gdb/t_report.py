# tests/gdb/t_report.py - gdb's view of the live MMU against the stub's own
# report: run to stub_exit (report and checks printed), then
#   - every probe line "[ ok ] NAME va V -> pa P REGION ATTRS": pt-walk V
#     gives pa P and the same attributes; "-> (must fault)": pt-walk faults,
#     at the level the hardware reported (AT/PAR_EL1 FST);
#   - mmu-regs prints the same SCTLR_EL1/TCR_EL1/MAIR_EL1 lines and TTBR values;
#   - pt-dump prints the same range lines as the stub's TTBR0/TTBR1 maps.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gdbtest as T  # noqa: E402

PROBE = re.compile(r"^\[(?: ok |FAIL)\] (.{16}) va 0x([0-9a-f]{16}) -> "
                   r"(?:pa 0x([0-9a-f]+) (\S+)\s+(.*)|\(must fault\))$")
HW_FAULT = re.compile(r"^\s+hw: fault FST 0x[0-9a-f]+ \([^,]*, L(-?\d+)\)")
HW_PA = re.compile(r"^\s+hw: pa 0x([0-9a-f]+) ")
# With a CONFIG_TEST_HOOKS build and stub.test=corrupt-desc the stub moves one
# block after dumping the tables, and must flag exactly that probe: then
# pt-walk must agree with the hardware (live tables), not the expectation.
EXPECT_FAILED = int(os.environ.get("GDBT_EXPECT_FAILED", "0"))
REG_LINE = re.compile(r"^(SCTLR_EL1|TCR_EL1|MAIR_EL1|TTBR0_EL1|TTBR1_EL1)\s+0x([0-9a-f]{16})(.*)$")


def parse_report(text):
    lines = text.splitlines()
    probes, regs, dump, summary = [], {}, {0: [], 1: []}, None
    half = None
    for i, line in enumerate(lines):
        m = REG_LINE.match(line)
        if m:
            regs[m.group(1)] = (int(m.group(2), 16), line)
        if line.startswith("TTBR0 map ("):
            half = 0
            continue
        if line.startswith("TTBR1 map ("):
            half = 1
            continue
        if half is not None:
            if line.startswith("  0x"):
                dump[half].append(line)
                continue
            half = None
        m = PROBE.match(line)
        if m:
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            hw, hw_pa = HW_FAULT.match(nxt), HW_PA.match(nxt)
            probes.append({
                "failed": line.startswith("[FAIL]"),
                "hw_pa": int(hw_pa.group(1), 16) if hw_pa else None,
                "name": m.group(1).strip(), "va": int(m.group(2), 16),
                "pa": int(m.group(3), 16) if m.group(3) else None,
                "attrs": m.group(5), "hw_level": int(hw.group(1)) if hw else None,
            })
        if line.startswith("mmu: "):
            summary = line
    return probes, regs, dump, summary


def body():
    T.setup()
    T.run("hbreak stub_exit")
    T.cont()
    T.check(T.frame_name() == "stub_exit", "stopped at stub_exit", T.frame_name())
    probes, regs, dump, summary = parse_report(T.read_serial())
    T.check(summary is not None and summary.endswith(" %d failed" % EXPECT_FAILED),
            "the stub's own checks: %d failed" % EXPECT_FAILED, str(summary))
    T.check(len(probes) >= 20, "report has the probe lines", "%d probes" % len(probes))

    for p in probes:
        w = T.pt_walk("0x%x" % p["va"])
        what = "pt-walk %s (va 0x%016x)" % (p["name"], p["va"])
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

    out = T.run("mmu-regs")
    mine = {}
    for line in out.splitlines():
        m = REG_LINE.match(line)
        if m:
            mine[m.group(1)] = (int(m.group(2), 16), line)
    for name in ("SCTLR_EL1", "TCR_EL1", "MAIR_EL1"):
        want, got = regs.get(name), mine.get(name)
        T.check(want is not None and got is not None and want[1] == got[1],
                "mmu-regs %s line equals the stub's" % name, "stub %r gdb %r" % (
                    want and want[1], got and got[1]))
    for name in ("TTBR0_EL1", "TTBR1_EL1"):
        want, got = regs.get(name), mine.get(name)
        T.check(want is not None and got is not None and want[0] == got[0],
                "mmu-regs %s value equals the stub's" % name, "stub %r gdb %r" % (
                    want and hex(want[0]), got and hex(got[0])))

    for half in ((0, 1) if not EXPECT_FAILED else ()):   # corrupt-desc: dumped before
        out = T.run("pt-dump ttbr%d" % half)
        got = [l for l in out.splitlines() if l.startswith("  0x")]
        first = next((i for i, (a, b) in enumerate(zip(dump[half], got)) if a != b),
                     min(len(got), len(dump[half])))
        T.check(got == dump[half] and got, "pt-dump ttbr%d equals the stub's TTBR%d map (%d ranges)"
                % (half, half, len(dump[half])),
                "%d ranges vs the stub's %d; first difference, range %d: stub %r gdb %r" % (
                    len(got), len(dump[half]), first, dump[half][first:first + 1],
                    got[first:first + 1]))

    T.run("kill")


T.main(body)
