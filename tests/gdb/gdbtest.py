# tests/gdb/gdbtest.py - helpers for the gdb-side test scripts (run inside
# gdb-multiarch by tests/gdb/run.sh, which starts QEMU and sets GDBT_*).
#
# Each check prints one line "PASS CASE: what" or "FAIL CASE: what: why";
# a script ends with finish(), which prints "DONE CASE" (run.sh counts a
# missing DONE, e.g. a crash or a timeout, as a failure).
import os
import re
import sys
import time
import traceback

import gdb

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CASE = os.environ.get("GDBT_CASE", "gdb")
PORT = os.environ.get("GDBT_PORT", "")
SERIAL = os.environ.get("GDBT_SERIAL", "")
ELF = os.environ.get("GDBT_ELF", "")
LOAD = int(os.environ.get("GDBT_LOAD", "0x40200000"), 0)
M64 = (1 << 64) - 1
counts = {"pass": 0, "fail": 0}


def check(ok, what, why=""):
    if ok:
        counts["pass"] += 1
        print("PASS %s: %s" % (CASE, what))
    else:
        counts["fail"] += 1
        print("FAIL %s: %s%s" % (CASE, what, ": " + why if why else ""))
    sys.stdout.flush()
    return ok


def run(cmd):
    """A gdb command's output as a string (gdb.error propagates)."""
    return gdb.execute(cmd, to_string=True)


def try_run(cmd):
    """(output, None) or (None, error message)."""
    try:
        return run(cmd), None
    except gdb.error as e:
        return None, str(e)


def reg(name):
    return int(gdb.parse_and_eval("$" + name)) & M64


def setup(symbols=True):
    """Quiet gdb, load stub.py (and the ELF + stub-symbols), attach to QEMU."""
    run("set pagination off")
    run("set confirm off")
    run("set width 0")
    run("set architecture aarch64")
    run("source %s/scripts/gdb/stub.py" % ROOT)
    if symbols:
        run("file %s" % ELF)
        run("stub-symbols 0x%x" % LOAD)
    err = None
    for _ in range(100):             # QEMU may still be starting
        out, err = try_run("target remote 127.0.0.1:%s" % PORT)
        if out is not None:
            return
        time.sleep(0.1)
    raise RuntimeError("cannot attach to 127.0.0.1:%s: %s" % (PORT, err))


def cont():
    """continue until the next stop (gdb.execute blocks until then)."""
    run("continue")


def frame_name():
    try:
        return gdb.selected_frame().name() or "??"
    except gdb.error:
        return "??"


def link_addr(name):
    """Link (virtual) address of a symbol of the loaded ELF."""
    out = run("info address %s" % name)
    m = re.search(r"0x([0-9a-f]+)", out)
    return int(m.group(1), 16)


def read_serial():
    with open(SERIAL, "r", errors="replace") as f:
        return f.read().replace("\r", "")


WALK_OK = re.compile(r"^=> va 0x([0-9a-f]+) pa=0x([0-9a-f]+) L(\d) (\S+) (.*) \((EL[^)]*)\)$", re.M)
WALK_FAULT = re.compile(r"^=> va 0x([0-9a-f]+) fault at level (\d+): (.*) \((EL[^)]*)\)$", re.M)


def pt_walk(expr):
    """Run pt-walk: dict with pa/level/size/attrs/regime, or fault_level, or
    error. Also checks the contract: exactly one line with 'pa='."""
    out, err = try_run("pt-walk " + expr)
    if out is None:
        return {"error": err, "out": ""}
    res = {"out": out, "pa_lines": sum(1 for l in out.splitlines() if "pa=" in l)}
    m = WALK_OK.search(out)
    if m:
        res.update(pa=int(m.group(2), 16), level=int(m.group(3)), size=m.group(4),
                   attrs=m.group(5), regime=m.group(6))
        return res
    m = WALK_FAULT.search(out)
    if m:
        res.update(fault_level=int(m.group(2)), why=m.group(3), regime=m.group(4))
        return res
    res["error"] = "no result line in: " + out.strip().replace("\n", " | ")
    return res


def finish():
    print("DONE %s: %d passed, %d failed" % (CASE, counts["pass"], counts["fail"]))
    sys.stdout.flush()


def main(body):
    """Run a test body; an unexpected exception is one FAIL, never a hang."""
    try:
        body()
    except Exception as e:          # noqa: BLE001 - report anything as a failure
        check(False, "test script", "%s: %s" % (type(e).__name__, e))
        traceback.print_exc()
    finish()
