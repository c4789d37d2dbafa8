#!/usr/bin/env python3
# tests/qemu/acpi-compare.py - the ACPI tables a test-build boot read,
# against what it printed.
#
# Owns: taking the tables out of a boot's log (the test build prints them
# between "acpi-dump: begin" and "acpi-dump: end" in acpidump's format:
# tests/target/acpi_dump.c), turning them into files with acpixtract,
# disassembling them with iasl -d, and comparing field by field with the
# report's lines: the XSDT's address and the signatures of the tables its
# entries point to (acpi: RSDP line), the SPCR's revision, interface type,
# GAS and baud (acpi: console), the FADT's revision, hardware-reduced and
# PSCI flags (acpi: FADT), the MADT's revision, GIC version, GICC count and
# every MPIDR (acpi: MADT, and each secondary's "cpuN: ... MPIDR" line);
# then build/host/machine-check on the same log must print the boot's own
# acpi: and psci lines. Prints "PASS NAME" or "FAIL NAME: why".
# usage: acpi-compare.py NAME LOG OUTDIR
import os, re, subprocess, sys

name, log, out = sys.argv[1:4]
text = open(log, errors="replace").read()
problems = []


def fail(why):
    problems.append(why)


def line(prefix):
    m = re.search("^" + re.escape(prefix) + ".*$", text, re.M)
    return m.group(0) if m else ""


def fields(dsl):
    """iasl -d's '[off len] Name : Value' (and flag 'Name : 0/1') lines."""
    got = {}
    for ln in open(dsl, errors="replace"):
        m = re.match(r"\s*(?:\[[^\]]*\])?\s*([^:\[]+?)\s+:\s+(.*)$", ln)
        if m:
            got.setdefault(m.group(1).strip(), []).append(m.group(2).strip())
    return got


def num(v):
    return int(v.split()[0].strip('"'), 16)


block = re.search(r"^acpi-dump: begin\n(.*?)^acpi-dump: end$", text, re.M | re.S)
os.makedirs(out, exist_ok=True)
for f in os.listdir(out):
    os.remove(os.path.join(out, f))
if not block:
    print(f"FAIL {name}: no acpi-dump block in {log}")
    sys.exit(1)
open(os.path.join(out, "dump.txt"), "w").write(block.group(1))
subprocess.run(["acpixtract", "-a", "dump.txt"], cwd=out, capture_output=True)
tables = {}
for dat in sorted(f for f in os.listdir(out) if f.endswith(".dat")):
    sig = dat[:-4].upper()
    subprocess.run(["iasl", "-d", dat], cwd=out, capture_output=True)
    if os.path.exists(os.path.join(out, dat[:-4] + ".dsl")):
        tables[sig] = fields(os.path.join(out, dat[:-4] + ".dsl"))
addr_of = {m.group(1): int(m.group(2), 16)
           for m in re.finditer(r"^(\S{4}) @ 0x([0-9a-f]+)$", block.group(1), re.M)}

# The XSDT: its address and the tables its entries point to, in order.
rsdp = line("acpi: RSDP")
x = tables.get("XSDT", {})
sig_at = {a: s for s, a in addr_of.items()}
listed = [sig_at.get(num(v), "?") for k, vs in x.items() if k.startswith("ACPI Table Address")
          for v in vs]
m = re.search(r"XSDT pa (0x[0-9a-f]+) .*: (\d+) tables: (.*)$", rsdp)
if not m or int(m.group(1), 16) != addr_of.get("XSDT"):
    fail(f"XSDT address: '{rsdp}' against {addr_of.get('XSDT')}")
elif m.group(3).split() != listed:
    fail(f"XSDT entries: printed {m.group(3).split()}, iasl {listed}")

# SPCR.
spcr, con = tables.get("SPCR"), line("acpi: console:")
if spcr:
    want = (f"acpi: console: SPCR revision {num(spcr['Revision'][0])}, interface type "
            f"0x{num(spcr['Interface Type'][0]):x} ")
    gas = (f"pa 0x{num(spcr['Address'][0]):x}, GAS space {num(spcr['Space ID'][0])}, bit width "
           f"{num(spcr['Bit Width'][0])}, access size {num(spcr['Encoded Access Width'][0])} ")
    baud = {3: 9600, 4: 19200, 6: 57600, 7: 115200}.get(num(spcr["Baud Rate"][0]))
    if not con.startswith(want) or gas not in con:
        fail(f"SPCR: printed '{con}', iasl says '{want}... {gas}'")
    if (f", {baud} baud" if baud else "baud as the firmware left it") not in con:
        fail(f"SPCR baud: printed '{con}', iasl {spcr['Baud Rate'][0]}")
else:
    fail("no SPCR disassembled")

# FADT.
facp, fadt = tables.get("FACP"), line("acpi: FADT")
if facp:
    want = f"acpi: FADT revision {num(facp['Revision'][0])}.{num(facp['FADT Minor Revision'][0])}: "
    hw = facp["Hardware Reduced (V5)"][0] == "1"
    psci = facp["PSCI Compliant"][0] == "1"
    hvc = facp["Must use HVC for PSCI"][0] == "1"
    want += "hardware-reduced" if hw else "not hardware-reduced"
    if not fadt.startswith(want):
        fail(f"FADT: printed '{fadt}', iasl '{want}'")
    if psci and f"PSCI compliant, conduit {'hvc' if hvc else 'smc'}" not in fadt:
        fail(f"FADT PSCI: printed '{fadt}', iasl PSCI {psci} HVC {hvc}")
else:
    fail("no FACP disassembled")

# MADT: revision, GIC version, every GICC's MPIDR.
apic, madt = tables.get("APIC"), line("acpi: MADT")
if apic:
    mpidrs = [num(v) for v in apic.get("ARM MPIDR", [])]
    gicd = [num(v) for v in apic.get("Version", [])]
    want = (f"acpi: MADT revision {num(apic['Revision'][0])}, GIC version "
            f"{gicd[0] if gicd else 0}: {len(mpidrs)} GICC entries")
    if not madt.startswith(want):
        fail(f"MADT: printed '{madt}', iasl '{want}'")
    online = {int(v, 16) & 0xff00ffffff for v in re.findall(r"^cpu\d+: entered .*MPIDR (0x[0-9a-f]+)",
                                                            text, re.M)}
    online.add(int(re.search(r"this CPU, MPIDR (0x[0-9a-f]+)", madt).group(1), 16) if "this CPU" in madt else -1)
    if online != set(mpidrs):
        fail(f"MADT MPIDRs: iasl {sorted(map(hex, mpidrs))}, online {sorted(map(hex, online))}")
else:
    fail("no APIC disassembled")

# The host tool on the same log: the boot's own lines.
tool = subprocess.run(["build/host/machine-check", log], capture_output=True, text=True)
keep = re.compile(r"^(acpi: (RSDP|console|FADT|MADT)|psci conduit)")
boot_lines = [ln for ln in text.splitlines() if keep.match(ln)]
tool_lines = [ln for ln in tool.stdout.splitlines() if keep.match(ln)]
if tool.returncode != 0 or boot_lines != tool_lines:
    fail(f"build/host/machine-check (exit {tool.returncode}) printed {tool_lines}, the boot {boot_lines}")

if problems:
    print(f"FAIL {name}: " + "; ".join(problems) + f" (log: {log}, tables: {out})")
    sys.exit(1)
print(f"PASS {name}")
