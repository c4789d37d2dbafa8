#!/usr/bin/env python3
"""tests/corpus/independent.py - an independent reading of DTBs, compared
with lib/machine.c's.

Owns: turning each DTB into source with dtc (`dtc -I dtb -O dts`, cached
under --cache), parsing that source into a tree (no libfdt, nothing of
lib/machine.c), reading from it what lib/machine.c reads (memory banks,
/memreserve/, /reserved-memory, the console through stdout-path, /aliases
and every parent's `ranges`, CPUs, PSCI, bootargs, initrd) by the same
rules (DT spec v0.4 and Linux 6.1, as machine.h documents them, written
again from those documents), printing it in machine-check --records' line format (scripts/host/machine_records.c),
comparing the two per DTB, and the summary: counts, mismatches, and last
`corpus: N passed, M failed` (N = DTBs on which both readings agree).

Owns too: holding the MMU-off reader (lib/early_dtb.c, a refusal's look
at the DTB) to lib/machine.c's answer on the same blob, from the records
machine-check prints after the full reader's (machine_records.c): where
the full reader's console by the DT rules is driven (`# console-driven`,
console_verdict's DRIVEN), `early-console` must name the same driver,
physical base, reg-shift and reg-io-width; where it is not, `early-console
none`; `early-psci` must be the conduit of the full reader's `psci` line
(none for none and no-method). The early-* lines are not the independent
reading's to check; a difference fails the DTB, naming both readings.

Usage: independent.py --list FILE --driver-out FILE [--cache DIR] [--jobs N]
"""
import argparse
import collections
import concurrent.futures
import os
import subprocess
import sys

MAX_BANKS, MAX_RESERVED, MAX_CPUS = 32, 64, 64
U64 = (1 << 64) - 1


# ---- dtc's DTS output -> tree -------------------------------------------

class Node:
    __slots__ = ("name", "props", "children", "parent")

    def __init__(self, name, parent):
        self.name, self.parent = name, parent
        self.props, self.children = {}, []

    def path(self):
        if self.parent is None:
            return "/"
        up = self.parent.path()
        return (up if up != "/" else "") + "/" + self.name

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13,
           "\\": 92, '"': 34, "'": 39, "0": 0}


def parse_dts(text):
    """dtc's canonical output: /memreserve/ lines, then nested nodes whose
    properties are "strings" (\\0 between list entries), <cells> or [bytes]."""
    pos, n = 0, len(text)
    memreserve, root, stack = [], None, []

    def skip_ws():
        nonlocal pos
        while pos < n:
            if text[pos].isspace():
                pos += 1
            elif text.startswith("//", pos):
                pos = text.find("\n", pos)
                pos = n if pos < 0 else pos
            elif text.startswith("/*", pos):
                pos = text.index("*/", pos) + 2
            else:
                break

    def word():
        nonlocal pos
        start = pos
        while pos < n and not text[pos].isspace() and text[pos] not in "{};=":
            pos += 1
        return text[start:pos]

    def string():
        nonlocal pos
        assert text[pos] == '"'
        pos += 1
        out = bytearray()
        while text[pos] != '"':
            c = text[pos]
            if c == "\\":
                e = text[pos + 1]
                if e == "x":
                    out.append(int(text[pos + 2:pos + 4], 16))
                    pos += 4
                    continue
                out.append(ESCAPES[e])   # dtc writes \0 alone, never octal
                pos += 2
                continue
            out += c.encode("latin-1")
            pos += 1
        pos += 1
        return bytes(out) + b"\0"

    def value():
        nonlocal pos
        out = bytearray()
        while True:
            skip_ws()
            c = text[pos]
            if c == '"':
                out += string()
            elif c == "<":
                end = text.index(">", pos)
                for tok in text[pos + 1:end].split():
                    out += int(tok, 0).to_bytes(4, "big")
                pos = end + 1
            elif c == "[":
                end = text.index("]", pos)
                out += bytes.fromhex("".join(text[pos + 1:end].split()))
                pos = end + 1
            else:
                raise ValueError("value at %d: %r" % (pos, text[pos:pos + 20]))
            skip_ws()
            if text[pos] == ",":
                pos += 1
                continue
            assert text[pos] == ";", text[pos:pos + 20]
            pos += 1
            return bytes(out)

    while True:
        skip_ws()
        if pos >= n:
            break
        if text.startswith("/dts-v1/", pos):
            pos = text.index(";", pos) + 1
            continue
        if text.startswith("/memreserve/", pos):
            end = text.index(";", pos)
            a, s = text[pos + len("/memreserve/"):end].split()
            memreserve.append((int(a, 0), int(s, 0)))
            pos = end + 1
            continue
        if text[pos] == "}":
            pos = text.index(";", pos) + 1
            stack.pop()
            continue
        name = word()
        if name.endswith(":"):          # a label (not in dtc's output of a DTB)
            continue
        skip_ws()
        c = text[pos]
        if c == "{":
            pos += 1
            node = Node(name, stack[-1] if stack else None)
            if stack:
                stack[-1].children.append(node)
            else:
                root = node
            stack.append(node)
        elif c == ";":
            pos += 1
            stack[-1].props[name] = b""
        elif c == "=":
            pos += 1
            stack[-1].props[name] = value()
        else:
            raise ValueError("unexpected %r at %d" % (c, pos))
    return memreserve, root


# ---- reading the tree ---------------------------------------------------

def strings(raw):
    """A string list, or None unless the value ends in NUL."""
    if raw is None or not raw or raw[-1] != 0:
        return None
    return [s.decode("latin-1") for s in raw[:-1].split(b"\0")]


def first_string(raw):
    """The first string of a value that has a NUL in it (like machine.c)."""
    if raw is None or 0 not in raw:
        return None
    return raw[:raw.index(0)].decode("latin-1")


def num(raw, off, cells):
    return int.from_bytes(raw[off:off + 4 * cells], "big")


def cells(node, name, default):
    raw = node.props.get(name)
    if raw is None:
        return default
    return num(raw, 0, 1) if len(raw) == 4 else -1


def okay(node):
    s = first_string(node.props.get("status"))
    return s is None or s in ("okay", "ok")


def child(node, comp):
    """libfdt's match: the exact name, or the name before '@' when the
    component has no unit address."""
    for c in node.children:
        if c.name == comp or ("@" not in comp and c.name.split("@")[0] == comp):
            return c
    return None


def lookup(root, path):
    node = root
    for comp in [p for p in path.split("/") if p]:
        node = child(node, comp)
        if node is None:
            return None
    return node


def resolve(root, path):
    """A full path, or an alias and an optional /rest (DT spec 3.3)."""
    if path.startswith("/"):
        return lookup(root, path)
    alias, _, rest = path.partition("/")
    aliases = child(root, "aliases")
    if aliases is None:
        return None
    target = first_string(aliases.props.get(alias))
    if target is None or not target.startswith("/"):
        return None
    return lookup(root, target + ("/" + rest if rest else ""))


def wraps(base, size):
    return size > U64 - base


def read_memory(root):
    ac, sc = cells(root, "#address-cells", 2), cells(root, "#size-cells", 1)
    if ac not in (1, 2) or sc not in (1, 2):
        return [], "bad-cells"
    banks, dropped = [], 0
    for node in root.children:
        if first_string(node.props.get("device_type")) != "memory" or not okay(node):
            continue
        reg = node.props.get("linux,usable-memory", node.props.get("reg"))
        if reg is None:
            continue
        entry = 4 * (ac + sc)
        for off in range(0, len(reg) - entry + 1, entry):
            base, size = num(reg, off, ac), num(reg, off + 4 * ac, sc)
            if size == 0 or wraps(base, size):
                continue
            if len(banks) == MAX_BANKS:
                dropped += 1
            else:
                banks.append((base, size))
    lines = ["mem 0x%x 0x%x" % b for b in banks]
    if dropped:
        lines.append("mem-dropped %d" % dropped)
    return lines, None


def read_reserved(memreserve, root):
    entries, dropped = [], 0

    def add(line):
        nonlocal dropped
        if len(entries) == MAX_RESERVED:
            dropped += 1
        else:
            entries.append(line)

    for base, size in memreserve:
        if not wraps(base, size):
            add("memreserve 0x%x 0x%x" % (base, size))
    rm = lookup(root, "/reserved-memory")
    if rm is not None:
        ac, sc = cells(rm, "#address-cells", 2), cells(rm, "#size-cells", 1)
        if ac in (1, 2) and sc in (1, 2):
            for c in rm.children:
                if not okay(c):
                    continue
                reg, size = c.props.get("reg"), c.props.get("size")
                nomap = "no-map" if "no-map" in c.props else "map"
                entry = 4 * (ac + sc)
                if reg is not None:
                    if len(reg) % entry:
                        continue
                    for off in range(0, len(reg), entry):
                        b, s = num(reg, off, ac), num(reg, off + 4 * ac, sc)
                        if s and not wraps(b, s):
                            add("rsv %s 0x%x 0x%x %s" % (c.name, b, s, nomap))
                elif size is not None and len(size) == 4 * sc:
                    add("rsv-dyn %s 0x%x" % (c.name, num(size, 0, sc)))
    if dropped:
        entries.append("rsv-dropped %d" % dropped)
    return entries


KINDS = {"arm,pl011": "pl011", "brcm,bcm2835-aux-uart": "bcm2835-aux",
         "cdns,uart-r1p12": "cadence", "xlnx,xuartps": "cadence",
         "cdns,uart-r1p8": "cadence", "ns16550a": "ns16550",
         "ns16550": "ns16550", "snps,dw-apb-uart": "ns16550",
         "nvidia,tegra20-uart": "ns16550", "ti,am654-uart": "am654",
         "arm,sbsa-uart": "sbsa",
         "fsl,imx6q-uart": "imx", "fsl,imx21-uart": "imx",
         "amlogic,meson-ao-uart": "meson", "amlogic,meson-gx-uart": "meson",
         "amlogic,meson-s4-uart": "meson",
         "qcom,geni-debug-uart": "geni", "qcom,geni-uart": "geni",
         "qcom,msm-uartdm-v1.4": "msm-uartdm", "qcom,msm-uartdm": "msm-uartdm",
         "fsl,imx7ulp-lpuart": "lpuart32-imx", "fsl,imx8ulp-lpuart": "lpuart32-imx",
         "fsl,imx8qxp-lpuart": "lpuart32-imx", "fsl,imx93-lpuart": "lpuart32-imx",
         "fsl,ls1028a-lpuart": "lpuart32",
         "marvell,armada-3700-uart": "ar3700",
         "renesas,rcar-gen3-scif": "scif", "renesas,scif": "scif"}


def translate(node):
    """reg's first address as a CPU address (DT spec 2.3.8), or
    'untranslatable:WHY:NODE'."""
    bus = node.parent
    ac, sc = cells(bus, "#address-cells", 2), cells(bus, "#size-cells", 1)
    if ac not in (1, 2) or sc not in (0, 1, 2):
        return "untranslatable:bad-cells:%s" % (bus.name or "/")
    reg = node.props.get("reg")
    if reg is None or len(reg) < 4 * (ac + sc):
        return "untranslatable:no-reg:%s" % node.name
    addr = num(reg, 0, ac)
    while bus.parent is not None:
        up = bus.parent
        ranges = bus.props.get("ranges")
        if ranges is None:
            return "untranslatable:no-ranges:%s" % bus.name
        pac, csc = cells(up, "#address-cells", 2), cells(bus, "#size-cells", 1)
        if ranges:
            if ac not in (1, 2):        # the bus's own, handed up by an empty ranges
                return "untranslatable:bad-cells:%s" % bus.name
            if pac not in (1, 2) or csc not in (1, 2):
                return "untranslatable:bad-cells:%s" % (bus.name if pac in (1, 2) else up.name or "/")
            entry = 4 * (ac + pac + csc)
            if len(ranges) % entry:
                return "untranslatable:bad-ranges:%s" % bus.name
            for off in range(0, len(ranges), entry):
                cb = num(ranges, off, ac)
                pb = num(ranges, off + 4 * ac, pac)
                span = num(ranges, off + 4 * (ac + pac), csc)
                if cb <= addr < cb + span:
                    addr = pb + addr - cb
                    break
            else:
                return "untranslatable:not-in-ranges:%s" % bus.name
        bus, ac = up, pac
    return "0x%x" % (addr & U64)


def console_candidate(root, rule, sp):
    """The console line for what sp names under rule, and why it cannot be
    driven (None: it can): not-found, disabled, no-driver, untranslatable
    (lib/machine.c's order)."""
    node = resolve(root, sp.split(":", 1)[0])
    if node is None:
        return "console %s not-found %s" % (rule, sp), "not-found"
    compat = strings(node.props.get("compatible")) or []
    kind, which = "unsupported", (compat[0] if compat else "-")
    for c in compat:
        if c in KINDS:
            kind, which = KINDS[c], c
            break
    pa = translate(node)
    line = "console %s %s %s %s %s status=%s" % (
        rule, kind, node.path(), which, pa, first_string(node.props.get("status")) or "okay")
    if kind == "ns16550":
        shift = node.props.get("reg-shift")
        width = node.props.get("reg-io-width")
        line += " shift=%d width=%d" % (num(shift, 0, 1) if shift and len(shift) == 4 else 0,
                                        num(width, 0, 1) if width and len(width) == 4 else 1)
    why = None
    if not okay(node):
        why = "disabled"
    elif kind == "unsupported":
        why = "no-driver"
    elif not pa.startswith("0x"):
        why = "untranslatable"
    return line, why


def read_console(root):
    """The DT's rules (issue 19, written again from Linux's of_alias_scan
    and the issue's order): stdout-path, else linux,stdout-path; when its
    console is malformed, missing, disabled, not driven or untranslatable,
    /aliases/serial0 if that one can be driven (or if there was no
    stdout-path at all); a passed-over rule on a line of its own."""
    chosen = child(root, "chosen")
    rule = sp = None
    for r in ("stdout-path", "linux,stdout-path"):
        if chosen is not None and r in chosen.props:
            rule, sp = r, first_string(chosen.props[r])
            break
    first = passed = None
    if rule is not None:
        if sp is None:
            first, passed = "console %s malformed" % rule, (rule, "malformed", "-")
        else:
            first, why = console_candidate(root, rule, sp)
            if why is None:
                return [first]
            passed = (rule, why, sp)
    if resolve(root, "serial0") is not None:
        line, why = console_candidate(root, "/aliases/serial0", "serial0")
        if why is None or rule is None:
            return (["console-passed %s %s %s" % passed] if passed else []) + [line]
    return [first or "console none"]


def read_cpus(root):
    cpus = child(root, "cpus")
    if cpus is None:
        return []
    ac = cells(cpus, "#address-cells", 2)
    if ac not in (1, 2):
        return []
    lines, dropped = [], 0
    for c in cpus.children:
        if first_string(c.props.get("device_type")) != "cpu":
            continue
        reg = c.props.get("reg")
        if reg is None or len(reg) < 4 * ac:
            continue
        if len(lines) == MAX_CPUS:
            dropped += 1
            continue
        status = first_string(c.props.get("status"))
        state = ("fail" if status and status.startswith("fail")
                 else "okay" if status in (None, "okay", "ok") else "disabled")
        method = first_string(c.props.get("enable-method"))
        enable = {None: "none", "psci": "psci", "spin-table": "spin-table"}.get(
            method, "other:%s" % method)
        line = "cpu 0x%x %s %s" % (num(reg, 0, ac), enable, state)
        rel = c.props.get("cpu-release-addr")
        if method == "spin-table" and rel is not None and len(rel) in (4, 8):
            line += " release 0x%x" % num(rel, 0, len(rel) // 4)
        lines.append(line)
    if dropped:
        lines.append("cpu-dropped %d" % dropped)
    return lines


def read_psci(root):
    """Linux psci_dt_init: the first node in document order compatible
    with any PSCI version (of_find_matching_node_and_match), none if it is
    not available, its method "smc" or "hvc"."""
    for node in root.walk():
        compat = strings(node.props.get("compatible")) or []
        if any(v in compat for v in ("arm,psci-1.0", "arm,psci-0.2", "arm,psci")):
            if not okay(node):
                return "psci none"
            method = first_string(node.props.get("method"))
            return "psci %s" % method if method in ("smc", "hvc") else "psci no-method"
    return "psci none"


def read_chosen(root):
    chosen = child(root, "chosen")
    if chosen is None:
        return ["bootargs no"]
    lines = ["bootargs %s" % ("yes" if first_string(chosen.props.get("bootargs")) is not None
                              else "no")]
    s, e = chosen.props.get("linux,initrd-start"), chosen.props.get("linux,initrd-end")
    if s is not None and e is not None and len(s) in (4, 8) and len(e) in (4, 8):
        start, end = num(s, 0, len(s) // 4), num(e, 0, len(e) // 4)
        if end >= start:
            lines.append("initrd 0x%x 0x%x" % (start, end))
    return lines


def read_dtb(dts_text):
    memreserve, root = parse_dts(dts_text)
    mem, _ = read_memory(root)
    return (mem + read_reserved(memreserve, root) + read_console(root) +
            read_cpus(root) + [read_psci(root)] + read_chosen(root))


# ---- dtc, cached ------------------------------------------------------------

def dts_of(dtb, cache):
    out = os.path.join(cache, dtb.lstrip("/") + ".dts")
    if not (os.path.exists(out) and os.path.getmtime(out) >= os.path.getmtime(dtb)):
        os.makedirs(os.path.dirname(out), exist_ok=True)
        text = subprocess.run(["dtc", "-q", "-I", "dtb", "-O", "dts", dtb], check=True,
                              capture_output=True, text=True, encoding="latin-1").stdout
        with open(out + ".tmp", "w", encoding="latin-1") as f:
            f.write(text)
        os.replace(out + ".tmp", out)
    with open(out, encoding="latin-1") as f:
        return f.read()


def independent(dtb, cache):
    try:
        return read_dtb(dts_of(dtb, cache))
    except Exception as e:          # a reading that failed is a mismatch, named
        return ["independent reading failed: %s: %s" % (type(e).__name__, e)]


# ---- the driver's output, the comparison, the counts ----------------------------

def driver_records(path):
    records, cur = collections.OrderedDict(), None
    with open(path, encoding="latin-1") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("== "):
                cur = records.setdefault(line[3:], [])
            elif cur is not None:
                cur.append(line)
    return records


# Of Debian's 577 arm64 DTBs, at least this many must reach a console
# the stub drives (issue 19). A console counts when the stub's own verdict
# (the "# console-driven" record) drives it: 520. The count was 523 while
# it came from the console line alone, which also counted the Raspberry
# Pi 3 family's three, whose UART lies inside the DTB's placeholder
# memory@0 (1 GiB from 0; the firmware writes the real size) and which the
# stub, as shipped, does not drive (a reg in RAM is not a UART's).
MIN_CONSOLES = 520


def early_disagreement(rec):
    """Where the MMU-off reader (early-console, early-psci) differs from
    the full reader on the same blob (# console-driven, psci), one text
    per difference naming both readings; also a record missing or twice."""
    def one(prefix):
        lines = [l for l in rec if l.startswith(prefix)]
        return lines[0].split() if len(lines) == 1 else None

    driven, early, epsci = one("# console-driven "), one("early-console "), one("early-psci ")
    psci = one("psci ")
    if driven is None or early is None or epsci is None:
        return ["not one each of # console-driven, early-console, early-psci in the records"]
    out = []
    full = " ".join(driven[2:]) if driven[2] != "none" else "none"
    if " ".join(early[1:]) != full:
        why = [l[len("# early-why "):] for l in rec if l.startswith("# early-why ")]
        out.append("console: lib/machine.c drives %s; lib/early_dtb.c gives %s" % (
            full if full != "none" else "none (%s)" % " ".join(driven[3:]),
            " ".join(early[1:]) + (" (%s)" % why[0] if early[1] == "none" and why else "")))
    # No psci line: the blob was refused whole (machine_records.c stops
    # after its problem), the full reader's conduit none.
    conduit = psci[1] if psci is not None and psci[1] in ("smc", "hvc") else "none"
    if epsci[1] != conduit:
        out.append("psci conduit: lib/machine.c %s (%s); lib/early_dtb.c %s" % (
            conduit, " ".join(psci) if psci else "no psci line", epsci[1]))
    return out


def console_unreached(w):
    """Why a console line's console is not driven, or None."""
    if w[1] == "none":
        return "no stdout-path, no /aliases/serial0"
    if w[2] in ("not-found", "malformed"):
        return "%s %s" % (w[1], w[2])
    if w[2] == "unsupported":
        return "no driver (%s)" % w[4]
    if not w[5].startswith("0x"):
        return "untranslatable (%s)" % w[5]
    if w[6] not in ("status=okay", "status=ok"):
        return "disabled (%s)" % w[6]
    return None


def console_not_driven(rec):
    """Why the stub's own verdict (# console-driven) drives no console
    where the console line names a usable UART (a reg in RAM), or None."""
    for l in rec:
        if l.startswith("# console-driven none"):
            return "not driven (%s)" % " ".join(l.split()[3:])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", required=True)
    ap.add_argument("--driver-out", required=True)
    ap.add_argument("--cache", default="build/corpus/dts")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--show", type=int, default=10, help="mismatches shown in full")
    args = ap.parse_args()

    with open(args.list) as f:
        dtbs = [l.strip() for l in f if l.strip()]
    got = driver_records(args.driver_out)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        want = dict(zip(dtbs, ex.map(lambda d: independent(d, args.cache), dtbs)))

    passed, failed, shown = 0, 0, 0
    count = collections.Counter()
    consoles, methods, errors = collections.Counter(), collections.Counter(), collections.Counter()
    unsupported, rules, unreached = collections.Counter(), collections.Counter(), []
    early = collections.Counter()
    for dtb in dtbs:
        rec = got.get(dtb)
        problems = []
        if rec is None:
            problems.append("no output from machine-check --records")
            rec = []
        if any(l.startswith("# CRASH") for l in rec):
            problems.append("machine-check crashed or a sanitizer reported (see stderr above)")
        mine = [l for l in rec if not l.startswith("#") and not l.startswith("early-")]
        if rec and mine != want[dtb]:
            problems.append("readings differ")
        if rec:
            differs = early_disagreement(rec)
            problems += ["the MMU-off reader differs: " + d for d in differs]
            early["DTBs on which they differ" if differs else "DTBs on which they agree"] += 1
        for l in rec:
            if l.startswith("# err "):
                errors[l[6:]] += 1
            w = l.split()
            if not w or w[0].startswith("#"):
                continue
            if w[0] == "mem":
                count["banks"] += 1
            elif w[0] == "memreserve":
                count["memreserve entries"] += 1
            elif w[0] == "rsv":
                count["reserved-memory regions"] += 1
                count["reserved-memory regions with no-map"] += w[4] == "no-map"
            elif w[0] == "rsv-dyn":
                count["reserved-memory dynamic (size only)"] += 1
            elif w[0] == "console-passed":
                rules["passed over: %s (%s)" % (w[1], w[2])] += 1
            elif w[0] == "console":
                why = console_unreached(w) or console_not_driven(rec)
                if why is None:
                    consoles[w[2]] += 1
                    rules["chosen by " + w[1]] += 1
                else:
                    unreached.append((os.path.basename(dtb), why))
                    if len(w) > 4 and w[2] == "unsupported":
                        unsupported[w[4]] += 1
            elif w[0] == "cpu":
                count["CPUs"] += 1
                methods[w[2].split(":")[0] if not w[2].startswith("other") else w[2]] += 1
            elif w[0] == "psci":
                count["psci " + w[1]] += 1
            elif w[0] == "early-console":
                early["early-console " + ("none" if w[1] == "none" else "driven")] += 1
            elif w[0] == "early-psci":
                early["early-psci " + w[1]] += 1
        if problems:
            failed += 1
            if shown < args.show:
                shown += 1
                print("MISMATCH %s: %s" % (dtb, "; ".join(problems)))
                a, b = set(mine), set(want[dtb])
                for l in mine:
                    if l not in b:
                        print("    machine.c only:   %s" % l)
                for l in want[dtb]:
                    if l not in a:
                        print("    independent only: %s" % l)
        else:
            passed += 1

    print("DTBs read: %d" % len(dtbs))
    for k in sorted(count):
        print("  %-40s %d" % (k, count[k]))
    reached = sum(consoles.values())
    print("consoles reached: %d of %d DTBs (at least %d wanted); by driver:"
          % (reached, len(dtbs), MIN_CONSOLES))
    for k, v in consoles.most_common():
        print("  %-40s %d" % (k, v))
    print("consoles by rule:")
    for k, v in rules.most_common():
        print("  %-40s %d" % (k, v))
    print("DTBs without a console driven, each with why:")
    for k, v in collections.Counter(w for _, w in unreached).most_common():
        print("  %-40s %d" % (k, v))
    for name, why in sorted(unreached):
        print("    %s: %s" % (name, why))
    if reached < MIN_CONSOLES:
        print("FAIL: %d DTBs reach a console driver, fewer than %d" % (reached, MIN_CONSOLES))
        failed += 1
    if unsupported:
        print("unsupported consoles by compatible:")
        for k, v in unsupported.most_common():
            print("  %-40s %d" % (k, v))
    print("CPUs by enable method:")
    for k, v in methods.most_common():
        print("  %-40s %d" % (k, v))
    print("MMU-off reader (lib/early_dtb.c) against lib/machine.c:")
    for k in sorted(early):
        print("  %-40s %d" % (k, early[k]))
    print("machine_read results:")
    for k, v in errors.most_common():
        print("  %-40s %d" % (k, v))
    print("mismatches: %d" % failed)
    print("corpus: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
