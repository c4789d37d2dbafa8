#!/usr/bin/env python3
"""tests/qemu/shell.py - the MMU monitor (stub.shell) driven over QEMU virt's serial.

Owns: the monitor's test: QEMU started under pexpect (-serial stdio, its
stdin the pexpect pty, -nodefaults, a timeout on every answer), every
command and every error message; walk of probe addresses compared with
gdb's pt-walk (scripts/gdb/stub.py, an independent walker) on the same
live tables, through QEMU's gdbstub while the monitor waits at its prompt;
at compared with walk; a read of an unmapped address survived; map, read,
unmap, read faults; demand paging counted exactly; 1,000 seeded random
commands checked against a model of what the test mapped; stub.demand's
scripted demonstration (a second boot); and the exit status.
Prints PASS/FAIL lines and one "shell: N passed, M failed".
usage: shell.py [BUILD_DIR]   (default build; needs build/Image)
Env: SHELL_SEED (default 13), SHELL_RANDOM (default 1000).
"""
import os
import random
import re
import shutil
import subprocess
import sys
import time

import pexpect

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
LOGDIR = os.path.join(ROOT, "build", "test-logs")
SEED = int(os.environ.get("SHELL_SEED", "13"))
NRANDOM = int(os.environ.get("SHELL_RANDOM", "1000"))
PROMPT = "stub> "
PAGE = 0x1000
# mmu/memory.h: DEMAND_VADDR, a level-1 slot the final map leaves empty.
DEMAND_VADDR = 0xfffffff000000000
QEMU = ["qemu-system-aarch64", "-M", "virt", "-cpu", "cortex-a53", "-m", "128M", "-nographic",
        "-nodefaults", "-serial", "stdio", "-semihosting", "-no-reboot",
        "-kernel", os.path.join(ROOT, BUILD, "Image")]
counts = {"pass": 0, "fail": 0}


def check(ok, what, why=""):
    counts["pass" if ok else "fail"] += 1
    print("%s shell: %s%s" % ("PASS" if ok else "FAIL", what, "" if ok or not why else ": " + why))
    sys.stdout.flush()
    return ok


class Monitor:
    """The monitor at its prompt: cmd() sends one line, returns the answer."""

    def __init__(self, append, gdb_port=None, log="shell"):
        args = QEMU[1:] + ["-append", append]
        if gdb_port:
            args += ["-gdb", "tcp:127.0.0.1:%d" % gdb_port]
        self.logf = open(os.path.join(LOGDIR, log + ".log"), "w")
        self.p = pexpect.spawn(QEMU[0], args, encoding="latin-1", timeout=15,
                               codec_errors="replace", cwd=ROOT)
        self.p.logfile_read = self.logf
        self.p.delaybeforesend = None

    def wait_prompt(self):
        self.p.expect_exact(PROMPT)
        return self.p.before.replace("\r", "")

    def cmd(self, line, raw=None):
        """The lines printed after the echoed command, up to the next prompt."""
        self.p.send(raw if raw is not None else line + "\r")
        out = self.wait_prompt()
        lines = out.split("\n")
        return "\n".join(lines[1:]).rstrip("\n") if lines else ""

    def close(self):
        if self.p.isalive():
            self.p.terminate(force=True)
        self.logf.close()


def h16(v):
    return "0x%016x" % v


# ---------------------------------------------------------------- parsing

STEP_SHELL = re.compile(r"^  L(\d) \w+: table pa (0x[0-9a-f]+) index +(\d+) entry pa (0x[0-9a-f]+)"
                        r" = (0x[0-9a-f]+): (.*)$")
STEP_GDB = re.compile(r"^  L(\d) table (0x[0-9a-f]+) \[ *(\d+)\] = (0x[0-9a-f]+)  (.*)$")


def parse_walk(out):
    """steps [(level, table, index, desc)], ('pa', pa, level, size, attrs) or ('stop', level)."""
    steps, final = [], None
    for line in out.split("\n"):
        m = STEP_SHELL.match(line)
        if m:
            lv, table, idx, entry, desc = (int(m.group(1)), int(m.group(2), 16), int(m.group(3)),
                                           int(m.group(4), 16), int(m.group(5), 16))
            if entry != table + 8 * idx:
                final = ("bad", "entry pa 0x%x is not table + 8 * index" % entry)
                return steps, final
            steps.append((lv, table, idx, desc))
        m = re.match(r"^=> pa (0x[0-9a-f]+) L(\d) (\S+) (.*)$", line)
        if m:
            final = ("pa", int(m.group(1), 16), int(m.group(2)), m.group(3), m.group(4).strip())
        m = re.match(r"^=> stops at L(\d)", line)
        if m:
            final = ("stop", int(m.group(1)))
    return steps, final


def parse_gdb_walks(text):
    """{va: (steps, final)} from several pt-walk outputs."""
    res, va, steps = {}, None, []
    for line in text.split("\n"):
        m = re.match(r"^va (0x[0-9a-f]+): ", line)
        if m:
            va, steps = int(m.group(1), 16), []
            continue
        m = STEP_GDB.match(line)
        if m and va is not None:
            steps.append((int(m.group(1)), int(m.group(2), 16), int(m.group(3)),
                          int(m.group(4), 16)))
            continue
        m = re.match(r"^=> va (0x[0-9a-f]+) pa=(0x[0-9a-f]+) L(\d) (\S+) (.*) \([^()]*\)$", line)
        if m:
            res[int(m.group(1), 16)] = (steps, ("pa", int(m.group(2), 16), int(m.group(3)),
                                                m.group(4), m.group(5).strip()))
            va = None
            continue
        m = re.match(r"^=> va (0x[0-9a-f]+) fault at level (\d)", line)
        if m:
            res[int(m.group(1), 16)] = (steps, ("stop", int(m.group(2))))
            va = None
    return res


def gdb_pt_walks(port, vas):
    """gdb-multiarch attaches (the CPU stops at the monitor's prompt loop),
    runs pt-walk for each VA, detaches (the CPU runs on)."""
    cmds = ["set pagination off", "set confirm off", "set architecture aarch64",
            "source %s/scripts/gdb/stub.py" % ROOT, "target remote 127.0.0.1:%d" % port]
    cmds += ["pt-walk 0x%x" % va for va in vas] + ["detach"]
    argv = ["gdb-multiarch", "-q", "-nx", "-batch"]
    for c in cmds:
        argv += ["-ex", c]
    r = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    with open(os.path.join(LOGDIR, "shell-gdb.log"), "a") as f:
        f.write(r.stdout + r.stderr)
    return parse_gdb_walks(r.stdout)


def free_port():
    out = subprocess.run([sys.executable, os.path.join(ROOT, "scripts/gdb/gdbport.py")],
                         capture_output=True, text=True).stdout.strip()
    return int(out)


# --------------------------------------------------------------- the parts

def test_basics(m):
    out = m.cmd("help")
    names = ["walk", "at", "map", "unmap", "protect", "read", "write", "dump", "regs", "mem",
             "tlbi", "demand", "help", "exit"]
    missing = [n for n in names if not re.search(r"^  %s\b" % n, out, re.M)]
    check(not missing, "help lists all 14 commands", "missing %s" % missing)
    out = m.cmd("regs")
    check(all(re.search(r"^%s +0x[0-9a-f]{16}: " % r, out, re.M) for r in
              ("SCTLR_EL1", "TCR_EL1", "MAIR_EL1", "TTBR0_EL1", "TTBR1_EL1"))
          and "WXN=1" in out and "EPD0=1" in out, "regs decodes SCTLR, TCR, MAIR, TTBR0, TTBR1",
          out[:200])
    out = m.cmd("dump")
    check("TTBR0 walks disabled" in out and re.search(r"^  \d+ ranges$", out, re.M) and
          "DEVICE/nGnRnE" in out, "dump: TTBR0 closed, TTBR1 ranges with the UART's page")
    check(m.cmd("dump ttbr0").count("TTBR") == 2 and "TTBR1 (" not in m.cmd("dump ttbr0"),
          "dump ttbr0 shows only TTBR0")
    out1 = m.cmd("dump ttbr1")
    check("TTBR0 (" not in out1 and out1.count("\n") > 5, "dump ttbr1 shows only TTBR1")
    out = m.cmd("mem")
    check(re.search(r"^bank 0: pa 0x[0-9a-f]{16} size 128M: \d+ pages free", out, re.M) and
          re.search(r"^  order +\d+ \(\w+\): \d+ free blocks?$", out, re.M),
          "mem: bank 0, free blocks by order", out[:200])
    out = m.cmd("tlbi")
    check(out.startswith("tlbi vmalle1is: done"), "tlbi alone: VMALLE1IS", out)
    out = m.cmd("tlbi 0xffffffc000000000")
    check(out.startswith("tlbi vaae1is 0xffffffc000000000: done"), "tlbi VA: VAAE1IS", out)
    # Line editing: backspace, DEL, CR LF as one end of line.
    out = m.cmd(None, raw="walx\x08k 0xffffffc0007\x7f000000\r")
    check(out.startswith("va 0xffffffc000000000: TTBR1_EL1"), "backspace and DEL edit the line",
          out[:100])
    out = m.cmd(None, raw="tlbi\r\n")
    out2 = m.cmd("tlbi")
    check(out.startswith("tlbi vmalle1is") and out2.startswith("tlbi vmalle1is"),
          "CR LF ends one line (no empty line after it)", repr(out2[:60]))
    out = m.cmd(None, raw="tlbi\n")
    check(out.startswith("tlbi vmalle1is"), "LF alone ends a line")
    out = m.cmd("   tlbi\t ")
    check(out.startswith("tlbi vmalle1is"), "spaces and tabs around words")
    out = m.cmd("")
    check(out == "", "an empty line: just the prompt", repr(out))


def test_errors(m, scratch_pa):
    before = m.cmd("dump") + m.cmd("demand")
    tv = DEMAND_VADDR + 0x30000000
    cases = [
        ("frob", "error: unknown command 'frob' (help lists them)"),
        ("WALK 0", "error: unknown command 'WALK'"),
        ("walk", "error: usage: walk VA"),
        ("walk 1 2", "error: usage: walk VA"),
        ("at", "error: usage: at VA"),
        ("map 1 2 3", "error: usage: map VA PA SIZE ATTRS"),
        ("unmap 1", "error: usage: unmap VA SIZE"),
        ("protect 1 2", "error: usage: protect VA SIZE ATTRS"),
        ("read", "error: usage: read VA [COUNT]"),
        ("write 1", "error: usage: write VA VALUE"),
        ("dump a b", "error: usage: dump [ttbr0|ttbr1]"),
        ("regs x", "error: usage: regs"),
        ("mem x", "error: usage: mem"),
        ("tlbi 1 2", "error: usage: tlbi [VA]"),
        ("help me", "error: usage: help"),
        ("exit 1 2", "error: usage: exit [STATUS]"),
        ("demand 0xfffffff000000000", "error: usage: demand [VA SIZE [ATTRS]]"),
        ("a b c d e f g h i", "error: unknown command 'a'"),
        ("walk 1 2 3 4 5 6 7 8 9", "error: usage: walk VA"),
        ("walk 0xzz", "error: VA '0xzz' is not a number"),
        ("walk 0x", "error: VA '0x' is not a number"),
        ("walk -1", "error: VA '-1' is not a number"),
        ("walk 09", "error: VA '09' is not a number"),
        ("walk 0x10000000000000000", "error: VA '0x10000000000000000' is not a number"),
        ("walk 18446744073709551616", "error: VA '18446744073709551616' is not a number"),
        ("walk 12k", "error: VA '12k' is not a number"),
        ("walk 0x0000800000000000",
         "error: VA 0x0000800000000000 is in neither half (TTBR0 below 0x0000008000000000, "
         "TTBR1 from 0xffffff8000000000)"),
        ("at 0xffff000000000000", "error: VA 0xffff000000000000 is in neither half"),
        ("tlbi 0x8000000000", "error: VA 0x0000008000000000 is in neither half"),
        ("map 0x%x 0x%x 0x1001 rw" % (tv, scratch_pa),
         "error: SIZE 0x0000000000001001 is not a multiple of the page (0x1000)"),
        ("map 0x%x 0x%x 0 rw" % (tv, scratch_pa),
         "error: SIZE 0x0000000000000000 is not a multiple of the page"),
        ("unmap 0x%x 12" % tv, "error: SIZE 0x000000000000000c is not a multiple of the page"),
        ("protect 0x%x 0x800 ro" % tv, "error: SIZE 0x0000000000000800 is not a multiple"),
        ("demand 0x%x 0x10 rw" % tv, "error: SIZE 0x0000000000000010 is not a multiple"),
        ("map 0x%x 0xq 0x1000 rw" % tv, "error: PA '0xq' is not a number"),
        ("map 0x%x 0x%x 0x1000 rwx" % (tv, scratch_pa), "error: ATTRS 'rwx' not understood"),
        ("map 0x%x 0x%x 0x1000 ro,rw" % (tv, scratch_pa), "error: ATTRS 'ro,rw' not understood"),
        ("map 0x%x 0x%x 0x1000 rw," % (tv, scratch_pa), "error: ATTRS 'rw,' not understood"),
        ("map 0x%x 0x%x 0x1000 x,x" % (tv, scratch_pa), "error: ATTRS 'x,x' not understood"),
        ("protect 0x%x 0x1000 dev,nc" % tv, "error: ATTRS 'dev,nc' not understood"),
        ("demand 0x%x 0x1000 q" % tv, "error: ATTRS 'q' not understood"),
        ("dump ttbr2", "error: dump takes ttbr0 or ttbr1, not 'ttbr2'"),
        ("read 0 0", "error: COUNT 0 is not 1..64"),
        ("read 0 65", "error: COUNT 65 is not 1..64"),
        ("read 0 x", "error: COUNT 'x' is not a number"),
        ("read y", "error: VA 'y' is not a number"),
        ("write 0 z", "error: VALUE 'z' is not a number"),
        ("exit 256", "error: STATUS 256 is not 0..255"),
        ("exit -1", "error: STATUS '-1' is not a number"),
        ("walk " + "1" * 200, "error: line longer than 159 characters: ignored"),
        # The runtime API's own decisions, with its error codes.
        ("map 0xffffffc000000000 0x40200000 0x1000 ro",
         "map: refused: XLAT_EOVERLAP (-3): range overlaps an existing mapping"),
        ("map 0x%x 0x%x 0x1000 rw" % (tv + 8, scratch_pa),
         "map: refused: XLAT_EALIGN (-1): VA, PA or size not page aligned, or size 0"),
        ("map 0x%x 0x%x 0x1000 rw" % (tv, scratch_pa + 8), "map: refused: XLAT_EALIGN (-1)"),
        ("map 0x%x 0x%x 0x1000 rw,x" % (tv, scratch_pa),
         "map: refused: XLAT_EWX (-5): attributes are writable and executable"),
        ("map 0x40000000 0x40000000 0x1000 rw",
         "map: refused: XLAT_ERANGE (-2): range wraps or lies outside the VA or PA space"),
        ("map 0x%x 0x10000000000 0x1000 rw" % tv, "map: refused: XLAT_ERANGE (-2)"),
        ("unmap 0x%x 0x1000" % tv,
         "unmap: refused: XLAT_ENOTMAPPED (-4): range is not entirely mapped"),
        ("protect 0x%x 0x1000 ro" % tv, "protect: refused: XLAT_ENOTMAPPED (-4)"),
        ("protect 0xffffffc000000000 0x1000 rw,x", "protect: refused: XLAT_EWX (-5)"),
        ("unmap 0x%x 0x1000" % (tv + 8), "unmap: refused: XLAT_EALIGN (-1)"),
        ("demand 0x%x 0x1000 rw,x" % tv,
         "demand: refused (-5): attributes are writable and executable"),
        ("demand 0x1000 0x1000", "demand: refused (-2): range wraps or is not inside the TTBR1 half"),
    ]
    for line, want in cases:
        out = m.cmd(line)
        first = out.split("\n")[0] if out else ""
        check(first.startswith(want) and out.count("\n") == 0,
              "%r -> %r" % (line[:60], want[:70]), "got %r" % out[:200])
    after = m.cmd("dump") + m.cmd("demand")
    check(before == after, "none of the refused or malformed lines changed the tables")


def test_probes_vs_gdb(m, port, layout):
    """walk vs gdb pt-walk, and at vs walk, on the boot's probe addresses and
    on a mapping made here (tables the monitor's map created)."""
    tv = DEMAND_VADDR + 0x20000000
    out = m.cmd("map 0x%x 0x%x 0x1000 ro" % (tv, layout["scratch_pa"]))
    check(out.startswith("map: ok:"), "map of a scratch page for the gdb comparison", out)
    vas = [0xffffffc000000000,                    # the header page (the result record)
           0xffffffc000001000,                    # the image's text
           0xffffffc000000000 + 0x18000,          # its rodata (usually)
           0xffffff8000000000,                    # the linear map's start
           0xffffff8000000000 + 0x7fff000,        # the linear map's last page (128M)
           layout["uart_va"],                     # Device-nGnRnE
           tv, tv + 0x1000,                       # the page mapped here, and past it
           DEMAND_VADDR + 0x3f000000,             # an empty level-1 slot
           0xffffffff80000000,                    # the device window (empty)
           0x40200000]                            # TTBR0 (closed: EPD0)
    shell = {}
    for va in vas:
        out = m.cmd("walk 0x%x" % va)
        shell[va] = parse_walk(out)
        out = m.cmd("at 0x%x" % va)
        agrees = re.search(r"^walk: .*: agrees$", out, re.M)
        st, fin = shell[va]
        if fin and fin[0] == "pa":
            rd = re.search(r"^AT S1E1R: PAR_EL1 0x[0-9a-f]{16}: pa (0x[0-9a-f]{16})", out, re.M)
            agrees = agrees and rd and int(rd.group(1), 16) == fin[1]
        check(bool(agrees), "at 0x%x agrees with walk" % va, out.replace("\n", " | ")[:300])
    if not shutil.which("gdb-multiarch"):
        check(False, "gdb-multiarch installed (for pt-walk)")
        return
    gdbres = gdb_pt_walks(port, vas)
    for va in vas:
        s_steps, s_fin = shell[va]
        g = gdbres.get(va)
        if va < 1 << 39:
            ok = g is not None and g[1][0] == "stop" and s_fin == ("stop", 0)
            check(ok, "walk 0x%x and gdb pt-walk: TTBR0 closed, both fault" % va,
                  "shell %r gdb %r" % (s_fin, g))
            continue
        ok = g is not None and g[0] == s_steps and g[1] == s_fin
        check(ok, "walk 0x%x = gdb pt-walk (every level's table, index, descriptor; pa, level, "
              "size, attributes)" % va, "shell %r %r gdb %r" % (s_steps, s_fin, g))
    out = m.cmd("unmap 0x%x 0x1000" % tv)
    check(out.startswith("unmap: ok:"), "the gdb comparison's page unmapped", out)


FAULT_RE = re.compile(r"^(read|write) (0x[0-9a-f]{16}): fault: EC 0x25: data abort from the same "
                      r"EL; FSC (0x[0-9a-f]+): ([a-z ]+), level (\d) \((read|write)\); ESR_EL1 "
                      r"(0x[0-9a-f]{16}) FAR_EL1 (0x[0-9a-f]{16}) ELR_EL1 (0x[0-9a-f]{16})")


def fault_of(out):
    m = FAULT_RE.match(out)
    if not m:
        return None
    return {"op": m.group(1), "va": int(m.group(2), 16), "kind": m.group(4),
            "level": int(m.group(5)), "rw": m.group(6), "esr": int(m.group(7), 16),
            "far": int(m.group(8), 16)}


def test_faults(m, layout):
    sp = layout["scratch_pa"]
    out = m.cmd("read 0")
    f = fault_of(out)
    check(f and f["kind"] == "translation fault" and f["level"] == 0 and f["far"] == 0 and
          f["esr"] >> 26 == 0x25, "read 0 (TTBR0 closed): translation fault, level 0, caught", out)
    out = m.cmd("walk 0xffffffc000000000")
    check(out.startswith("va 0xffffffc000000000"), "the next command works after the fault")
    out = m.cmd("read 0x0000800000000000")
    f = fault_of(out)
    check(f and f["kind"] == "translation fault" and f["far"] == 0x0000800000000000,
          "read of a VA in neither half: caught", out)
    out = m.cmd("write 0xffffffc000001000 1")
    f = fault_of(out)
    check(f and f["kind"] == "permission fault" and f["rw"] == "write" and f["level"] == 3,
          "write to the image's text: permission fault (write), level 3, caught", out)
    out = m.cmd("read 0xffffffc000001000 2")
    check(re.match(r"^0xffffffc000001000: 0x[0-9a-f]{16}\n0xffffffc000001008: 0x[0-9a-f]{16}$",
                   out), "read VA 2: two doublewords of the text", out)
    # map, read, unmap, read faults.
    tv = DEMAND_VADDR + 0x10000000
    out = m.cmd("map 0x%x 0x%x 0x1000 rw" % (tv, sp))
    check(re.match(r"^map: ok: \d+ descriptors written", out), "map a scratch page rw", out)
    out = m.cmd("write 0x%x 0x1122334455667788" % (tv + 0x10))
    check(out == "write 0x%016x: ok (0x1122334455667788)" % (tv + 0x10), "write through it", out)
    out = m.cmd("read 0x%x" % (tv + 0x10))
    check(out == "0x%016x: 0x1122334455667788" % (tv + 0x10), "read it back", out)
    out = m.cmd("read 0x%x" % (layout["linear_va"] + sp - layout["memstart"] + 0x10))
    check(out.endswith(": 0x1122334455667788"), "the same bytes through the linear map", out)
    out = m.cmd("protect 0x%x 0x1000 ro" % tv)
    check(out.startswith("protect: ok"), "protect it ro", out)
    f = fault_of(m.cmd("write 0x%x 5" % tv))
    check(f and f["kind"] == "permission fault" and f["rw"] == "write",
          "a write to it is now a permission fault, caught")
    out = m.cmd("unmap 0x%x 0x1000" % tv)
    check(out.startswith("unmap: ok"), "unmap it", out)
    out = m.cmd("read 0x%x" % (tv + 0x10))
    f = fault_of(out)
    check(f and f["kind"] == "translation fault" and f["far"] == tv + 0x10,
          "read after unmap: translation fault, caught", out)
    out = m.cmd("write 0x%x 1" % tv)
    f = fault_of(out)
    check(f and f["kind"] == "translation fault" and f["rw"] == "write",
          "write after unmap: translation fault (write), caught", out)
    # A 2 MiB block, mapped and unmapped through the API (the linear map's PAs, read-only).
    bv = DEMAND_VADDR + 0x12000000
    out = m.cmd("map 0x%x 0x%x 0x200000 ro" % (bv, layout["memstart"] + 0x400000))
    w = parse_walk(m.cmd("walk 0x%x" % (bv + 0x1234)))
    check(out.startswith("map: ok") and w[1] and w[1][0] == "pa" and w[1][2] == 2 and
          w[1][3] == "2M" and w[1][1] == layout["memstart"] + 0x401234,
          "a 2 MiB aligned map is one level-2 block", "%s %r" % (out, w[1]))
    out = m.cmd("unmap 0x%x 0x1000" % bv)
    w = parse_walk(m.cmd("walk 0x%x" % (bv + 0x1000)))
    check(out.startswith("unmap: ok") and w[1] and w[1][0] == "pa" and w[1][2] == 3,
          "unmapping one page of it splits the block into pages", "%s %r" % (out, w[1]))
    out = m.cmd("unmap 0x%x 0x1ff000" % (bv + 0x1000))
    check(out.startswith("unmap: ok"), "the rest unmapped", out)


def symbol_va(name):
    """A symbol's link address, from the ELF (nm)."""
    out = subprocess.run(["aarch64-linux-gnu-nm", os.path.join(ROOT, BUILD, "stub.elf")],
                         capture_output=True, text=True).stdout
    r = re.search(r"^([0-9a-f]{16}) \w %s$" % re.escape(name), out, re.M)
    return int(r.group(1), 16) if r else None


def test_self_destruct(m, lay):
    """unmap and protect of what the monitor runs on: refused by name, and
    the monitor goes on (docs/shell.md)."""
    vectors = symbol_va("vectors")
    cases = [
        ("unmap 0x%x 0x1000" % lay["uart_va"], "uart", "unmap of the console page"),
        ("protect 0x%x 0x1000 ro" % lay["uart_va"], "uart", "protect of the console to ro"),
        ("unmap 0xffffffc000001000 0x1000", "text", "unmap of the running text"),
        ("unmap 0xffffffc000000000 0x1000", "head", "unmap of the header page (the result record)"),
        ("unmap 0x%x 0x1000" % (vectors or 0), "text", "unmap of the vectors"),
        ("protect 0x%x 0x1000 ro" % (vectors or 0), "text", "protect of the vectors"),
        ("unmap 0x%x 0x1000" % lay["stack_va"], "stack", "unmap of the boot stack"),
        ("unmap 0x%x 0x1000" % lay["tables_va"], "tables", "unmap of the live tables"),
        ("protect 0x%x 0x1000 ro" % lay["tables_va"], "tables", "protect of the live tables"),
        ("unmap 0x%x 0x1000" % lay["linear_va"], "linear", "unmap of the linear map"),
    ]
    check(vectors is not None, "the ELF names the vectors")
    for line, region, what in cases:
        out = m.cmd(line)
        check(out.startswith(line.split()[0] + ": refused: ") and
              "overlaps the boot's own '%s' mapping" % region in out,
              "%s: refused, named" % what, out)
    out = m.cmd("walk 0xffffffc000001000")
    check(out.startswith("va 0xffffffc000001000:") and "=> pa" in out,
          "after every refusal the text is still mapped and the monitor answers", out)


def free_pages(m):
    out = m.cmd("mem")
    return sum(int(x) for x in re.findall(r"^bank \d+: .*: (\d+) pages free", out, re.M))


def demand_line(m, va):
    out = m.cmd("demand")
    r = re.search(r"^  %s-0x[0-9a-f]{16} \S+ (\S+): (\d+) faults, (\d+) pages taken, (\d+) held, "
                  r"(\d+) unresolved$" % h16(va), out, re.M)
    return tuple(int(x) for x in r.groups()[1:]) if r else None


def test_demand(m):
    dv = DEMAND_VADDR
    out = m.cmd("demand")
    check(out == "demand: 0 ranges", "demand alone: no ranges yet", out)
    free0 = free_pages(m)
    out = m.cmd("demand 0x%x 0x10000" % dv)
    check(out.startswith("demand: 0xfffffff000000000-0xfffffff000010000 64K rw: mapped on first "
                         "touch"), "demand VA SIZE registers a range (rw by default)", out)
    check(demand_line(m, dv) == (0, 0, 0, 0), "no fault before the first touch")
    touched = [0, 3, 7, 15]
    for i, p in enumerate(touched):
        out = m.cmd("read 0x%x" % (dv + p * PAGE + 0x18))
        check(out == "%s: 0x0000000000000000" % h16(dv + p * PAGE + 0x18),
              "first touch of page %d reads zero" % p, out)
        m.cmd("write 0x%x 0x%x" % (dv + p * PAGE + 0x20, 0xabc0 + p))
    for p in touched:
        out = m.cmd("read 0x%x" % (dv + p * PAGE + 0x20))
        check(out.endswith(": 0x%016x" % (0xabc0 + p)), "page %d keeps its data" % p, out)
    n = len(touched)
    check(demand_line(m, dv) == (n, n, n, 0), "exactly %d faults and %d pages for %d pages "
          "touched (twice each, and read back)" % (n, n, n), repr(demand_line(m, dv)))
    free1 = free_pages(m)
    check(free0 - free1 == n, "the allocator has exactly %d pages fewer" % n,
          "%d -> %d" % (free0, free1))
    w = parse_walk(m.cmd("walk 0x%x" % (dv + 3 * PAGE)))
    check(w[1] and w[1][0] == "pa" and w[1][2] == 3 and "RW NX" in w[1][4],
          "walk: a demand page is a level-3 RW NX page", repr(w[1]))
    out = m.cmd("unmap 0x%x 0x10000" % dv)
    check(out.startswith("unmap: refused: XLAT_ENOTMAPPED"),
          "unmap of the whole range: refused, not every page is mapped", out)
    out = m.cmd("unmap 0x%x 0x1000" % (dv + 3 * PAGE))
    check("unmap: 1 demand page given back to the allocator" in out,
          "unmap of one demand page gives it back", out)
    check(free_pages(m) == free1 + 1, "the allocator has it again")
    out = m.cmd("read 0x%x" % (dv + 3 * PAGE + 0x20))
    check(out.endswith(": 0x0000000000000000"), "touched again: a new zeroed page", out)
    check(demand_line(m, dv) == (n + 1, n + 1, n, 0), "one fault more", repr(demand_line(m, dv)))
    # Overlap, and a read-only range: the permission fault is still a fault.
    out = m.cmd("demand 0x%x 0x2000" % (dv + 0xf000))
    check(out.startswith("demand: refused (-3): range overlaps"), "overlapping range refused", out)
    rv = dv + 0x100000
    out = m.cmd("demand 0x%x 0x2000 ro" % rv)
    check(out.startswith("demand: 0x%016x-0x%016x 8K ro:" % (rv, rv + 0x2000)), "a ro range", out)
    f = fault_of(m.cmd("write 0x%x 1" % rv))
    check(f and f["kind"] == "permission fault" and f["rw"] == "write",
          "write to a ro demand range: the page is mapped, then a permission fault is reported")
    check(demand_line(m, rv) == (1, 1, 1, 0), "its one translation fault counted, one page",
          repr(demand_line(m, rv)))
    out = m.cmd("read 0x%x" % (rv + 8))
    check(out.endswith(": 0x0000000000000000") and demand_line(m, rv) == (1, 1, 1, 0),
          "a read of it then faults no more")
    # Give everything back: free pages where they started.
    for p in [0, 3, 7, 15]:
        m.cmd("unmap 0x%x 0x1000" % (dv + p * PAGE))
    m.cmd("unmap 0x%x 0x1000" % rv)
    check(free_pages(m) == free0, "after unmapping every demand page the allocator is whole",
          "%d vs %d" % (free_pages(m), free0))


def demand_tables(m):
    """The demand listing's tables line: (in use, from the allocator)."""
    out = m.cmd("demand")
    r = re.search(r"^  tables: pool: (\d+) in use(?:, (\d+) of them from the allocator in "
                  r"\d+ refills? of \d+ pages)?$", out, re.M)
    return (int(r.group(1)), int(r.group(2) or 0)) if r else None


def test_demand_beyond_pool(m):
    """More level-3 tables than the boot's pool (64 pages) holds: one page
    in each of 128 2 MiB slots, touched by write; the tables beyond the
    pool come from the allocator, and go back to it with the pages."""
    n, slot = 128, 0x200000
    dv = DEMAND_VADDR + 0x20000000          # clear of test_demand's ranges
    free0 = free_pages(m)
    out = m.cmd("demand 0x%x 0x%x" % (dv, n * slot))
    check(out.startswith("demand: 0x%016x-0x%016x 256M rw:" % (dv, dv + n * slot)),
          "a demand range of 128 2 MiB slots", out)
    tables0 = demand_tables(m)
    ok = True
    for i in range(n):
        out = m.cmd("write 0x%x 0x%x" % (dv + i * slot + 8, 0x5100 + i))
        ok = ok and out.startswith("write %s: ok" % h16(dv + i * slot + 8))
    check(ok, "128 writes, one in each slot, all resolved")
    check(demand_line(m, dv) == (n, n, n, 0), "128 faults, 128 pages, none unresolved",
          repr(demand_line(m, dv)))
    t = demand_tables(m)
    # 128 level-3 tables, and the slot's level-2 table unless one is there.
    check(tables0 and t and t[0] - tables0[0] in (n, n + 1) and t[1] > 0 and t[0] > 64,
          "128 level-3 tables: beyond the pool's 64 pages, the rest from the allocator",
          "%r -> %r" % (tables0, t))
    out = m.cmd("read 0x%x" % (dv + (n - 1) * slot + 8))
    check(out.endswith(": 0x%016x" % (0x5100 + n - 1)), "the last slot's page keeps its data", out)
    for i in range(n):
        m.cmd("unmap 0x%x 0x1000" % (dv + i * slot))
    t = demand_tables(m)
    check(t == (tables0[0], 0) if tables0 else False,
          "unmapped: the tables back where they were, no refill held", repr(t))
    check(free_pages(m) == free0, "and the allocator whole again", "%d vs %d"
          % (free_pages(m), free0))


# ---------------------------------------------------------------- random

def test_random(m, layout):
    """NRANDOM commands, valid and invalid, seeded; each answer checked
    against a model of what this test mapped (slots in DEMAND_VADDR's
    slot, the 4 scratch pages) and of the scratch pages' contents."""
    rnd = random.Random(SEED)
    sp = layout["scratch_pa"]
    base = DEMAND_VADDR + 0x38000000
    slots = [base + i * PAGE for i in range(8)] + [base + 0x200000 + i * PAGE for i in range(4)] \
        + [base + 0x4000000 + i * PAGE for i in range(2)]
    mapped = {}                   # va -> (scratch page index, read-only)
    data = {}                     # (page, offset) -> value; absent: 0
    attrs_ok = ["rw", "ro", "ro,x"]
    garbage = ["frob", "walk 0xg", "map 1 2", "read 0x10 99", "exit 300", "dump x", "demand 5",
               "unmap 0x%x 0x10" % base, "at", "write", "map 0x%x 0x%x 0x1000 zz" % (base, sp),
               "walk 0x0000900000000000", "protect 0x%x 0 ro" % base, "tlbi 1 2", "regs 1",
               "\x01\x02walk", "read 0 0x"]
    wrong, t0 = [], time.time()
    seen = {"mapped-read": 0, "mapped-write": 0, "ro-write": 0, "unmapped": 0, "map-ok": 0}

    def fail(line, out, why):
        wrong.append("%r -> %r: %s" % (line, out[:160], why))

    for n in range(NRANDOM):
        op = rnd.choice(["map"] * 4 + ["unmap"] * 3 + ["protect"] * 2 + ["read"] * 4 +
                        ["write"] * 4 + ["walk"] * 3 + ["at"] * 2 + ["linear"] + ["bad"] * 3 +
                        ["misc"])
        i = rnd.randrange(len(slots))
        va = slots[i]
        span = 2 if rnd.random() < 0.25 and i + 1 < len(slots) and slots[i + 1] == va + PAGE else 1
        run = [slots[i + k] for k in range(span)]
        if op == "map":
            pg = rnd.randrange(4 - span + 1)
            a = rnd.choice(attrs_ok + ["rw,x"])
            line = "map 0x%x 0x%x 0x%x %s" % (va, sp + pg * PAGE, span * PAGE, a)
            out = m.cmd(line)
            if a == "rw,x":
                want = "map: refused: XLAT_EWX"
            elif any(v in mapped for v in run):
                want = "map: refused: XLAT_EOVERLAP"
            else:
                want = "map: ok:"
                seen["map-ok"] += 1
                for k, v in enumerate(run):
                    mapped[v] = (pg + k, a != "rw")
            if not out.startswith(want):
                fail(line, out, "expected " + want)
        elif op == "unmap":
            line = "unmap 0x%x 0x%x" % (va, span * PAGE)
            out = m.cmd(line)
            if all(v in mapped for v in run):
                want = "unmap: ok:"
                for v in run:
                    del mapped[v]
            else:
                want = "unmap: refused: XLAT_ENOTMAPPED"
            if not out.startswith(want):
                fail(line, out, "expected " + want)
        elif op == "protect":
            a = rnd.choice(attrs_ok + ["rw,x"])
            line = "protect 0x%x 0x%x %s" % (va, span * PAGE, a)
            out = m.cmd(line)
            if a == "rw,x":
                want = "protect: refused: XLAT_EWX"
            elif all(v in mapped for v in run):
                want = "protect: ok:"
                for v in run:
                    mapped[v] = (mapped[v][0], a != "rw")
            else:
                want = "protect: refused: XLAT_ENOTMAPPED"
            if not out.startswith(want):
                fail(line, out, "expected " + want)
        elif op in ("read", "write"):
            off = rnd.randrange(PAGE // 8) * 8
            if op == "read":
                line = "read 0x%x" % (va + off)
            else:
                val = rnd.getrandbits(64)
                line = "write 0x%x 0x%x" % (va + off, val)
            out = m.cmd(line)
            f = fault_of(out)
            seen["unmapped" if va not in mapped else "mapped-read" if op == "read" else
                 "ro-write" if mapped[va][1] else "mapped-write"] += 1
            if va not in mapped:
                if not (f and f["kind"] == "translation fault" and f["far"] == va + off):
                    fail(line, out, "expected a translation fault")
            elif op == "read":
                want = "%s: %s" % (h16(va + off), h16(data.get((mapped[va][0], off), 0)))
                if out != want:
                    fail(line, out, "expected " + want)
            elif mapped[va][1]:
                if not (f and f["kind"] == "permission fault" and f["rw"] == "write"):
                    fail(line, out, "expected a permission fault (read-only)")
            else:
                if out != "write %s: ok (%s)" % (h16(va + off), h16(val)):
                    fail(line, out, "expected ok")
                data[(mapped[va][0], off)] = val
        elif op == "linear":
            pg, off = rnd.randrange(4), rnd.randrange(PAGE // 8) * 8
            lva = layout["linear_va"] + sp - layout["memstart"] + pg * PAGE + off
            line = "read 0x%x" % lva
            out = m.cmd(line)
            if out != "%s: %s" % (h16(lva), h16(data.get((pg, off), 0))):
                fail(line, out, "the linear map's view of scratch page %d" % pg)
        elif op == "walk":
            off = rnd.randrange(PAGE)
            line = "walk 0x%x" % (va + off)
            out = m.cmd(line)
            steps, fin = parse_walk(out)
            if va in mapped:
                pg, ro = mapped[va]
                ok = (fin and fin[0] == "pa" and fin[1] == sp + pg * PAGE + off and
                      fin[2] == 3 and fin[4].startswith("ro" if ro else "RW"))
            else:
                ok = fin and fin[0] == "stop"
            if not ok:
                fail(line, out, "model: %r" % (mapped.get(va),))
        elif op == "at":
            line = "at 0x%x" % va
            out = m.cmd(line)
            ok = re.search(r"^walk: .*: agrees$", out, re.M)
            rd = re.search(r"^AT S1E1R: PAR_EL1 0x[0-9a-f]{16}: pa (0x[0-9a-f]{16})", out, re.M)
            wr = re.search(r"^AT S1E1W: PAR_EL1 0x[0-9a-f]{16}: pa ", out, re.M)
            if va in mapped:
                pg, ro = mapped[va]
                ok = ok and rd and int(rd.group(1), 16) == sp + pg * PAGE and bool(wr) != ro
            else:
                ok = ok and not rd and "fault FST 0x0" in out
            if not ok:
                fail(line, out, "model: %r" % (mapped.get(va),))
        elif op == "bad":
            line = rnd.choice(garbage)
            out = m.cmd(line)
            if not out.startswith("error: ") or "\n" in out:
                fail(line, out, "expected one error line")
        else:
            line = rnd.choice(["tlbi", "tlbi 0x%x" % va, "regs", "mem", "help", "demand"])
            out = m.cmd(line)
            if not out or out.startswith("error"):
                fail(line, out, "expected an answer")
    check(not wrong, "%d random commands (seed %d) against the model, no wrong answer"
          % (NRANDOM, SEED), "%d wrong, first: %s" % (len(wrong), wrong[0] if wrong else ""))
    for w in wrong[1:5]:
        print("     also: " + w)
    # Clean up, then the model's end state must be what dump says: nothing left.
    for v in sorted(mapped):
        m.cmd("unmap 0x%x 0x1000" % v)
    out = m.cmd("dump ttbr1")
    left = [l for l in out.split("\n") if l.startswith("  0x%x" % (base >> 24))]
    check(not left, "after unmapping the model's pages nothing is left in the test's slots",
          repr(left[:2]))
    print("     (random: %d commands in %.1f s; %s)" % (NRANDOM, time.time() - t0, ", ".join(
        "%s %d" % kv for kv in sorted(seen.items()))))
    check(min(seen.values()) >= 10, "the random commands reached every case of the model",
          repr(seen))


# ------------------------------------------------------------------- main

def boot_layout(banner):
    lay = {}
    r = re.search(r"scratch RAM for map/read/write: pa (0x[0-9a-f]+)-", banner)
    lay["scratch_pa"] = int(r.group(1), 16) if r else None
    r = re.search(r"linear map va (0x[0-9a-f]+) = pa (0x[0-9a-f]+)", banner)
    lay["linear_va"], lay["memstart"] = (int(r.group(1), 16), int(r.group(2), 16)) if r else (0, 0)
    r = re.search(r"^  (0xffff[0-9a-f]+)-0x[0-9a-f]+ pa 0x0009000000 +4K L3 .*DEVICE", banner,
                  re.M)
    lay["uart_va"] = int(r.group(1), 16) if r else 0xffffffc03fe00000
    for key, probe in (("stack_va", "stack bottom"), ("tables_va", "tables first")):
        r = re.search(r"^\[ ok \] %s +va (0x[0-9a-f]+)" % probe, banner, re.M)
        lay[key] = int(r.group(1), 16) if r else 0
    return lay


def test_demand_demo():
    """stub.demand, without the monitor: the scripted demonstration."""
    log = os.path.join(LOGDIR, "shell-demand-demo.log")
    r = subprocess.run(["timeout", "30"] + QEMU + ["-append", "stub.demand"],
                       stdin=subprocess.DEVNULL, capture_output=True, text=True)
    out = r.stdout.replace("\r", "")
    with open(log, "w") as f:
        f.write(out)
    n = 16
    check(re.search(r"^demand-demo: touched %d pages: %d faults, %d pages taken from the "
                    r"allocator \(free pages (\d+) -> (\d+);" % (n, n, n), out, re.M),
          "stub.demand: touched %d pages, exactly %d faults and %d pages taken" % (n, n, n),
          "log: " + log)
    m = re.search(r"free pages (\d+) -> (\d+);", out)
    check(m and int(m.group(1)) - int(m.group(2)) == n, "stub.demand: the allocator gave %d" % n)
    check(re.search(r"^demand-demo: data survived: %d of %d pages read back \(%d faults in all\)"
                    % (n, n, n), out, re.M), "stub.demand: the data survived, no further fault")
    check(re.search(r"^demand-demo: unmapped, %d pages returned to the allocator with "
                    r"pgalloc_free .*: ok$" % n, out, re.M),
          "stub.demand: unmapped, the pages given back (pgalloc_free)")
    check("demand-demo: 5 passed, 0 failed" in out and r.returncode == 0 and
          re.search(r"^mmu: \d+ passed, 0 failed", out, re.M),
          "stub.demand: 5 passed, 0 failed, exit 0, the boot's checks unchanged",
          "rc %d" % r.returncode)
    check("stub> " not in out, "stub.demand alone starts no monitor")
    check("until one is not resolved" not in out and "2 MiB slots" not in out,
          "stub.demand alone: neither beyond the pool nor until RAM runs out")


def test_demand_exhaust():
    """stub.demand-exhaust: demand paging bounded by RAM, and the fault RAM
    leaves unresolved named."""
    log = os.path.join(LOGDIR, "shell-demand-exhaust.log")
    r = subprocess.run(["timeout", "60"] + QEMU + ["-append", "stub.demand-exhaust"],
                       stdin=subprocess.DEVNULL, capture_output=True, text=True)
    out = r.stdout.replace("\r", "")
    with open(log, "w") as f:
        f.write(out)
    m = re.search(r"^demand-demo: every page of the 1 GiB .* \((\d+) pages free\): ok$", out, re.M)
    u = re.search(r"^demand-demo: RAM used up after (\d+) pages \((\d+) more held the list of "
                  r"them\); the fault at va 0x[0-9a-f]+ not resolved: the page allocator has no "
                  r"free page: RAM is used up$", out, re.M)
    check(re.search(r"^demand-demo: touched them: tables: pool: (\d+) in use, (\d+) of them "
                    r"from the allocator", out, re.M) and
          "demand-demo: PASS tables beyond the pool's came from the allocator" in out,
          "stub.demand-exhaust: 128 level-3 tables, those beyond the pool from the allocator")
    check(out.count("demand-demo: PASS every page, table page and refill given back") == 2,
          "stub.demand-exhaust: the spread range and the exhausting one given back, refills too")
    check(m and u, "stub.demand-exhaust: pages until RAM runs out, the cause named", "log: " + log)
    check(m and u and int(u.group(1)) + int(u.group(2)) > int(m.group(1)) * 9 // 10,
          "stub.demand-exhaust: nearly every free page became a demand page (bounded by RAM, "
          "not by 64 table pages)")
    check("demand-demo: 11 passed, 0 failed" in out and r.returncode == 0,
          "stub.demand-exhaust: 11 passed, 0 failed, exit 0", "rc %d" % r.returncode)


def main():
    os.makedirs(LOGDIR, exist_ok=True)
    open(os.path.join(LOGDIR, "shell-gdb.log"), "w").close()
    t0 = time.time()
    port = free_port()
    m = Monitor("stub.shell stub.report=full", gdb_port=port)
    try:
        banner = m.wait_prompt()
        check("mmu: " in banner and re.search(r"^mmu: \d+ passed, 0 failed", banner, re.M),
              "the boot's checks ran and passed before the prompt")
        lay = boot_layout(banner)
        check(lay["scratch_pa"] is not None, "the banner names the scratch pages")
        test_basics(m)
        test_errors(m, lay["scratch_pa"])
        test_probes_vs_gdb(m, port, lay)
        test_faults(m, lay)
        test_self_destruct(m, lay)
        test_demand(m)
        test_demand_beyond_pool(m)
        test_random(m, lay)
        m.p.send("exit 7\r")
        m.p.expect_exact("shell: exit 7")
        m.p.expect(pexpect.EOF)
        m.p.close()
        check(m.p.exitstatus == 7, "exit 7: the stub exits with status 7",
              "status %r" % m.p.exitstatus)
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        check(False, "the monitor answered every command (no hang, no crash)",
              "%s; last output %r" % (type(e).__name__, m.p.before[-300:] if m.p.before else ""))
    finally:
        m.close()
    test_demand_demo()
    test_demand_exhaust()
    print("     (%.1f s; logs build/test-logs/shell*.log)" % (time.time() - t0))
    print("shell: %d passed, %d failed" % (counts["pass"], counts["fail"]))
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
