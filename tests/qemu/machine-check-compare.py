#!/usr/bin/env python3
"""tests/qemu/machine-check-compare.py - build/host/machine-check against
the boot itself: for each boot log of a case that handed its own DTB over
(boot.sh's image-x0=PA:FILE), machine-check on that DTB, told what only the
boot knew (the load address, the DTB's place, the EL, the boot CPU, the
CPU's PA size), must print the boot's own lines about the machine: the
console (its line and every "console:" line), RAM ("ram:", "reserved:"),
PSCI ("psci:", "psci conduit:") and the CPUs' plan ("smp:"); and exit 0
where the boot passed.

Owns: reading the case back from its log (the QEMU command line on its
first line, "entered at ELn"), the comparison, one PASS or FAIL line per
log ("machine-check-NAME").
usage: machine-check-compare.py LOG...
"""
import os
import re
import subprocess
import sys

# PA sizes of the CPU models the cases use (ID_AA64MMFR0_EL1.PARange).
PA_BITS = {"cortex-a53": 40, "cortex-a57": 44, "cortex-a72": 44, "max": 48}
KEEP = re.compile(r"^(console[ :]|ram: |reserved: |psci: |psci conduit: |smp: )")


def boot_lines(text):
    out = []
    for ln in text.splitlines():
        m = re.match(r"^dtb: .*?; (console .*)$", ln)
        if m:
            out.append(m.group(1))
        elif KEEP.match(ln):
            out.append(ln)
    return out


def check(log):
    name = "machine-check-" + os.path.basename(log)[:-4]
    text = open(log, errors="replace").read()
    cmd = text.splitlines()[0].split()
    loaders = [a.split(",") for i, a in enumerate(cmd) if i and cmd[i - 1] == "-device"
               and a.startswith("loader,file=")]
    files = {dict(kv.split("=", 1) for kv in l if "=" in kv)["file"]:
             dict(kv.split("=", 1) for kv in l if "=" in kv) for l in loaders}
    dtb = next((f for f in files if f.endswith(".dtb")), None)
    image = next((f for f in files if f.endswith("Image")), None)
    el = re.search(r"entered at EL(\d)", text)
    cpu = cmd[cmd.index("-cpu") + 1].split(",")[0]
    if not dtb or not image or not el or cpu not in PA_BITS:
        return "FAIL %s: not a case with its own DTB, or its EL or CPU unknown" % name
    args = ["build/host/machine-check", "--load", files[image]["addr"],
            "--dtb-pa", files[dtb]["addr"], "--el", el.group(1),
            "--pa-bits", str(PA_BITS[cpu]), "--image", image, dtb]
    tool = subprocess.run(args, capture_output=True, text=True)
    want = [ln for ln in boot_lines(text)
            if not ln.startswith("cpus: ")]                 # the bring-up's, not the plan's
    got = [ln for ln in tool.stdout.splitlines() if KEEP.match(ln)]
    passed = "stub: exit status 0\n" in text
    problems = []
    if got != want:
        problems.append("lines differ: machine-check %s, the boot %s" % (got, want))
    if passed and tool.returncode != 0:
        problems.append("machine-check exit %d where the boot passed" % tool.returncode)
    if problems:
        return "FAIL %s: %s (log: %s)" % (name, "; ".join(problems), log)
    return "PASS %s" % name


def main():
    for log in sys.argv[1:]:
        print(check(log))


if __name__ == "__main__":
    main()
