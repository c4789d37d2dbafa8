# tests/gdbpy/test_elf.py - the image file helpers (stubgdb/elf.py) on
# small ELF files written by the test (section headers only: that is all
# they read), both byte orders, and the link -> load translation $stub_pa
# does.
import os
import struct
import tempfile
import unittest

import common  # noqa: F401  (sys.path)
from stubgdb.elf import elf_image_size, elf_link_base, elf_sections, link_to_load
from stubgdb.errors import StubError

ALLOC = 2
# (flags, addr, size): the null section, text, rodata, bss, an empty
# allocated section below the rest (ignored: empty), debug info (not loaded).
SECTIONS = [(0, 0, 0), (ALLOC | 4, 0xffffffc000000000, 0x13000),
            (ALLOC, 0xffffffc000013000, 0x4000), (ALLOC | 1, 0xffffffc000017000, 0x20000),
            (ALLOC, 0xffffffbf00000000, 0), (0, 0, 0x1000)]


def elf_bytes(sections, order="<", elf_class=2):
    """An ELF header (64 bytes) then the section headers (64 bytes each)."""
    ident = b"\x7fELF" + bytes([elf_class, 1 if order == "<" else 2, 1]) + bytes(9)
    head = bytearray(ident + bytes(64 - 16))
    struct.pack_into(order + "Q", head, 0x28, 64)               # e_shoff
    struct.pack_into(order + "HH", head, 0x3a, 64, len(sections))  # e_shentsize, e_shnum
    out = bytes(head)
    for flags, addr, size in sections:
        out += struct.pack(order + "IIQQQQIIQQ", 0, 1, flags, addr, 0, size, 0, 0, 1, 0)
    return out


class ElfFile(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def write(self, name, data):
        path = os.path.join(self.dir.name, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_little_endian(self):
        path = self.write("le.elf", elf_bytes(SECTIONS))
        self.assertEqual(elf_sections(path), SECTIONS)
        self.assertEqual(elf_link_base(path), 0xffffffc000000000)
        self.assertEqual(elf_image_size(path), 0x37000)

    def test_big_endian(self):
        path = self.write("be.elf", elf_bytes(SECTIONS, ">"))
        self.assertEqual(elf_link_base(path), 0xffffffc000000000)
        self.assertEqual(elf_image_size(path), 0x37000)

    def test_errors(self):
        for data in (b"#!/bin/sh\n", elf_bytes(SECTIONS, elf_class=1)):
            path = self.write("bad", data)
            with self.assertRaises(StubError) as e:
                elf_link_base(path)
            self.assertEqual(str(e.exception), "%s is not a 64-bit ELF file" % path)
        path = self.write("none.elf", elf_bytes([(0, 0, 0), (0, 0, 0x100)]))
        with self.assertRaises(StubError) as e:
            elf_link_base(path)
        self.assertEqual(str(e.exception), "%s has no allocated sections" % path)
        missing = os.path.join(self.dir.name, "missing.elf")
        with self.assertRaises(StubError) as e:
            elf_link_base(missing)
        self.assertEqual(str(e.exception), "cannot read %s: [Errno 2] No such file or directory: "
                                           "'%s'" % (missing, missing))


class LinkToLoad(unittest.TestCase):
    IMAGE = {"link": 0xffffffc000000000, "load": 0x40200000, "size": 0x37000}

    def test_inside_the_image(self):
        self.assertEqual(link_to_load(self.IMAGE, 0xffffffc000000000), 0x40200000)
        self.assertEqual(link_to_load(self.IMAGE, 0xffffffc00001e008), 0x4021e008)
        self.assertEqual(link_to_load(self.IMAGE, 0xffffffc000036fff), 0x40236fff)

    def test_outside_unchanged(self):
        for va in (0xffffffc000037000, 0xffffffbfffffffff, 0x1234, 0x40200000):
            self.assertEqual(link_to_load(self.IMAGE, va), va)


if __name__ == "__main__":
    unittest.main()
