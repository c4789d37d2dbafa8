#!/usr/bin/env python3
"""tests/bench/newc.py - an initramfs for make bench's Linux fault run.

Owns: writing a "newc" cpio archive (the format Linux's initramfs unpacks,
Documentation/driver-api/early-userspace/buffer-format.rst) holding /dev,
/dev/console (character device 5:1, so that /init has a console) and /init
(the given executable), with fixed times and owners: the same bytes on
every run. The machine may have no cpio(1); this needs only python3.

usage: newc.py INIT OUT
"""
import sys


def entry(name, mode, data=b"", rdev=(0, 0), ino=1):
    """One member: the 110-byte header, the name, the data, each padded to 4."""
    name_b = name.encode() + b"\0"
    fields = (ino, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1], len(name_b), 0)
    out = b"070701" + b"".join(b"%08x" % f for f in fields) + name_b
    out += b"\0" * (-len(out) % 4)
    out += data + b"\0" * (-len(data) % 4)
    return out


def main():
    init, out = sys.argv[1], sys.argv[2]
    with open(init, "rb") as f:
        prog = f.read()
    blob = (entry("dev", 0o040755, ino=1)
            + entry("dev/console", 0o020600, rdev=(5, 1), ino=2)
            + entry("init", 0o100755, prog, ino=3)
            + entry("TRAILER!!!", 0, ino=0))
    blob += b"\0" * (-len(blob) % 512)
    with open(out, "wb") as f:
        f.write(blob)


if __name__ == "__main__":
    main()
