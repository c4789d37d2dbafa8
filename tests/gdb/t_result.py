# tests/gdb/t_result.py - the result record (lib/result.h) read by gdb at
# the end of a boot that printed nothing: a breakpoint where the stub ends
# (psci_system_off, after the record was written), then stub-result. Its
# decoding (scripts/gdb/stubgdb/result.py) must agree field by field with
# gdb's own reading of `boot_result` through the ELF's debug information
# (where the MMU lets gdb read it), and with what the case expects:
#   GDBT_EXPECT_STATUS   the exit status (default 0)
#   GDBT_EXPECT_OUTPUT   "silent" (default) | "uart" | "semihosting"
#   GDBT_EXPECT_MESSAGE  text the fatal line must hold ("" none)
#   GDBT_MMU_OFF=1       the run ends with the MMU off (a refusal): gdb
#                        cannot read the link address, no DWARF reading
import os
import re
import sys

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gdbtest as T  # noqa: E402

import gdb  # noqa: E402

OUTPUT_CODES = {"uart": 1, "semihosting": 2, "silent": 3}


def field(rec_text, name):
    m = re.search(r"\b%s = (-?\w+)" % name, rec_text)
    return int(m.group(1), 0) if m else None


def body():
    mmu_off = os.environ.get("GDBT_MMU_OFF") == "1"
    want_status = int(os.environ.get("GDBT_EXPECT_STATUS", "0"))
    want_output = os.environ.get("GDBT_EXPECT_OUTPUT", "silent")
    want_message = os.environ.get("GDBT_EXPECT_MESSAGE", "")
    T.setup()
    # stub-symbols gives it a physical and a virtual location: the stub
    # ends with the MMU off (a refusal) or on.
    T.run("hbreak psci_system_off")
    T.cont()
    T.check(T.frame_name() == "psci_system_off", "stopped where the stub ends (psci_system_off)",
            T.frame_name())
    out, err = T.try_run("stub-result 0x%x" % T.LOAD)
    T.check(out is not None, "stub-result reads the record", err or "")
    if out is None:
        return
    print(out)
    T.check(": ended" in out.splitlines()[0], "the record says the run ended", out.splitlines()[0])
    T.check("exit status %d " % want_status in out, "exit status %d recorded" % want_status, out)
    want_line = {"silent": "output: silent", "uart": "output: the UART",
                 "semihosting": "output: semihosting"}[want_output]
    T.check(want_line in out, "the output recorded: %s" % want_output, out)
    if want_message:
        T.check("fatal: " in out and want_message in out, "the fatal line recorded", out)
    else:
        T.check("fatal: " not in out, "no fatal line", out)
        m = re.search(r"checks: (\d+) passed, (\d+) failed", out)
        T.check(m is not None and int(m.group(1)) > 0 and int(m.group(2)) == 0,
                "the checks' totals recorded (all passed)", out)
    if mmu_off:
        return
    # The same record through the ELF's debug information (the struct's
    # layout as the compiler laid it out): the decoder's offsets agree.
    dwarf = T.run("print boot_result")
    for name, pattern in (("status", r"exit status (-?\d+)"),
                          ("checks_passed", r"checks: (\d+) passed"),
                          ("checks_failed", r"passed, (\d+) failed"),
                          ("cpus_online", r"cpus online: (\d+)"),
                          ("entry_el", r"entered at EL(\d)")):
        m = re.search(pattern, out)
        T.check(m is not None and field(dwarf, name) == int(m.group(1)),
                "%s: the decoder and the debug information agree" % name,
                "decoded %s, DWARF %s" % (m and m.group(1), field(dwarf, name)))
    T.check(field(dwarf, "output") == OUTPUT_CODES[want_output],
            "output: the decoder and the debug information agree", dwarf)
    T.check(field(dwarf, "magic") == 0x5345522d42555453 and field(dwarf, "size") == 256,
            "magic and size as the decoder knows them", dwarf)


T.main(body)
