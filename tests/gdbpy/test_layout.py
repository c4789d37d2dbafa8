# tests/gdbpy/test_layout.py - the package's shape (scripts/gdb/stubgdb):
# the pure modules import without gdb (what lets these tests exist), the
# others are the only ones that need it, every module starts with a comment
# saying what it owns, and __init__.py's map lists every module.
import importlib
import os
import re
import sys
import unittest

from common import GDB_SCRIPTS

PKG = os.path.join(GDB_SCRIPTS, "stubgdb")
PURE = ("errors", "bits", "regs", "fmt", "regime", "desc", "tables", "walker", "report", "opts",
        "elf", "result")
NEED_GDB = ("target", "mem", "commands")


def modules():
    return sorted(f[:-3] for f in os.listdir(PKG) if f.endswith(".py") and f != "__init__.py")


class Layout(unittest.TestCase):
    def test_every_module_is_pure_or_needs_gdb(self):
        self.assertEqual(modules(), sorted(PURE + NEED_GDB))

    def test_pure_modules_import_without_gdb(self):
        for name in PURE:
            importlib.import_module("stubgdb." + name)
        self.assertNotIn("gdb", sys.modules)

    def test_only_the_gdb_modules_import_it(self):
        for name in modules():
            with open(os.path.join(PKG, name + ".py")) as f:
                imports_gdb = bool(re.search(r"^import gdb$", f.read(), re.M))
            self.assertEqual(imports_gdb, name in NEED_GDB, name)

    def test_first_line_names_the_file(self):
        for name in modules() + ["__init__"]:
            with open(os.path.join(PKG, name + ".py")) as f:
                first = f.readline()
            want = "# scripts/gdb/stubgdb" + ("" if name == "__init__" else "/%s.py" % name)
            self.assertTrue(first.startswith(want + " - "), first)

    def test_package_map_lists_every_module(self):
        with open(os.path.join(PKG, "__init__.py")) as f:
            listed = sorted(re.findall(r"^#   (\w+)\.py ", f.read(), re.M))
        self.assertEqual(listed, modules())


if __name__ == "__main__":
    unittest.main()
