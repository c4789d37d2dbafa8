# scripts/gdb/stubgdb/result.py - the boot's result record (lib/result.h,
# version 1) decoded from its bytes (pure): what stub-result prints, and
# what a JTAG probe script can reuse. The layout is lib/result.h's; the
# gdb suite compares this decoding with gdb's own reading of the struct
# from the ELF's debug information, so the two cannot drift apart.

import struct

from .errors import StubError

OFFSET = 0x800                      # RESULT_OFFSET: from the image's first byte
MAGIC = 0x5345522d42555453          # "STUB-RES", little-endian
SIZE = 256

STATES = {0: "never ran (as in the file: the stub did not reach kernel_main, or the image "
             "at this address is another)",
          1: "running (kernel_main began; no exit yet)",
          2: "ended"}
OUTPUTS = {0: "none yet", 1: "the UART", 2: "semihosting",
           3: "silent (no UART, no semihosting: this record only)"}


def _cstr(raw):
    return raw.split(b"\0", 1)[0].decode("ascii", "replace")


def decode(raw):
    """The record's fields as a dict; StubError if raw is not a record."""
    if len(raw) < SIZE:
        raise StubError("result record: %d bytes, want %d" % (len(raw), SIZE))
    magic, version, size = struct.unpack_from("<QII", raw, 0)
    if magic != MAGIC:
        raise StubError("no result record here (magic 0x%016x, want 0x%016x \"STUB-RES\"): "
                        "not the stub's image, or another load address?" % (magic, MAGIC))
    if version != 1 or size != SIZE:
        raise StubError("result record version %d, size %d: this decoder knows version 1, "
                        "size %d" % (version, size, SIZE))
    (state, status, passed, failed, output, entry_el, console_pa, cpus) = \
        struct.unpack_from("<IiIIIIQI", raw, 0x10)
    return {"state": state, "status": status, "checks_passed": passed,
            "checks_failed": failed, "output": output, "entry_el": entry_el,
            "console_pa": console_pa, "cpus_online": cpus,
            "console": _cstr(raw[0x38:0x60]), "console_rule": _cstr(raw[0x60:0x80]),
            "message": _cstr(raw[0x80:0x100])}


def lines(rec, pa):
    """The text stub-result prints for a decoded record at pa."""
    out = ["result record at pa 0x%x: %s" % (pa, STATES.get(rec["state"], "state %d?"
                                                             % rec["state"]))]
    if rec["state"] == 0:
        return out
    if rec["state"] == 2:
        out.append("exit status %d (lib/exit.h; docs/boot.md)" % rec["status"])
    if rec["entry_el"]:
        out.append("entered at EL%d; checks: %d passed, %d failed; cpus online: %d"
                   % (rec["entry_el"], rec["checks_passed"], rec["checks_failed"],
                      rec["cpus_online"]))
    else:
        out.append("ended before kernel_main (with the MMU off): no checks ran")
    if rec["console"]:
        out.append("console: %s at pa 0x%x (chosen by %s)"
                   % (rec["console"], rec["console_pa"], rec["console_rule"] or "?"))
    else:
        out.append("console: none")
    out.append("output: %s" % OUTPUTS.get(rec["output"], "%d?" % rec["output"]))
    if rec["message"]:
        out.append("fatal: %s" % rec["message"])
    return out
