#!/usr/bin/env python3
# tests/fuzz/acpi-seeds.py - fuzz_acpi's seeds from the tables iasl compiled.
#
# Owns: packing the unit tests' compiled tables (build/host-tests/acpi/
# *.aml, from tests/unit/acpi/*.dsl) into inputs fuzz_acpi.c reads as
# physical memory from 0x1000: the RSDP first, then the XSDT and the
# tables it lists, each 4-byte aligned (so the XSDT's entries are not
# 8-byte aligned), the RSDP's XsdtAddress and the XSDT's entries set to
# where they now lie, every checksum made right. One seed per set: QEMU
# virt's, the server MADT, no SPCR (DBG2 only), neither console table.
# usage: acpi-seeds.py AML_DIR OUT_DIR
import os, struct, sys

aml, out = sys.argv[1:3]
BASE = 0x1000


def load(name):
    return bytearray(open(os.path.join(aml, name + ".aml"), "rb").read())


def fix(t, at=9, length=None):
    t[at] = 0
    t[at] = (-sum(t[:length or len(t)])) & 0xff


def pack(tables):
    rsdp = load("rsdp")
    mem = bytearray(36)
    xsdt_len = 36 + 8 * len(tables)
    xsdt_at = 36
    mem += bytearray(xsdt_len)
    addrs = []
    for t in tables:
        while len(mem) % 4:
            mem.append(0)
        addrs.append(BASE + len(mem))
        mem += t
    xsdt = load("xsdt")[:36]
    xsdt[4:8] = struct.pack("<I", xsdt_len)
    xsdt += b"".join(struct.pack("<Q", a) for a in addrs)
    fix(xsdt)
    mem[xsdt_at:xsdt_at + xsdt_len] = xsdt
    rsdp[24:32] = struct.pack("<Q", BASE + xsdt_at)
    fix(rsdp, 8, 20)
    fix(rsdp, 32, 36)
    mem[0:36] = rsdp
    return bytes(mem)


os.makedirs(out, exist_ok=True)
virt = [load("facp"), load("apic"), load("spcr"), load("dbg2")]
seeds = {
    "virt": virt,
    "server": [load("facp"), load("apic-clusters"), load("spcr")],
    "dbg2-only": [load("facp"), load("apic"), load("dbg2")],
    "no-console": [load("facp"), load("apic")],
}
for name, tables in seeds.items():
    open(os.path.join(out, name), "wb").write(pack(tables))
