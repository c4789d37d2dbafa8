# scripts/gdb/stubgdb/elf.py - the image file and where it sits (pure):
# a 64-bit ELF's section table read from the file alone, its link base and
# size, and the translation of a link address to its load address that
# $stub_pa does once stub-symbols knows the load address.

import struct

from .errors import StubError

SHF_ALLOC = 2


def elf_sections(path):
    """(flags, addr, size) of each section of a 64-bit ELF file."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise StubError("cannot read %s: %s" % (path, e))
    if data[:4] != b"\x7fELF" or data[4] != 2:
        raise StubError("%s is not a 64-bit ELF file" % path)
    end = "<" if data[5] == 1 else ">"
    shoff, = struct.unpack_from(end + "Q", data, 0x28)
    shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3a)
    out = []
    for i in range(shnum):
        off = shoff + i * shentsize
        _, _, flags, addr = struct.unpack_from(end + "IIQQ", data, off)
        size, = struct.unpack_from(end + "Q", data, off + 0x20)
        out.append((flags, addr, size))
    return out


def _alloc(path):
    """(addr, size) of the sections loaded in memory (not empty, not at 0)."""
    return [(a, s) for f, a, s in elf_sections(path) if f & SHF_ALLOC and s and a]


def elf_image_size(path):
    """From the lowest to the end of the highest allocated section."""
    alloc = _alloc(path)
    return max(a + s for a, s in alloc) - min(a for a, s in alloc)


def elf_link_base(path):
    """Lowest address of an allocated section (the stub's _text)."""
    alloc = _alloc(path)
    if not alloc:
        raise StubError("%s has no allocated sections" % path)
    return min(a for a, s in alloc)


def link_to_load(image, va):
    """image: {link, load, size}. An address inside the linked image moves
    by load - link; any other address is returned as it is."""
    if image["link"] <= va < image["link"] + image["size"]:
        return va - image["link"] + image["load"]
    return va
