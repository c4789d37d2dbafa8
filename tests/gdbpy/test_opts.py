# tests/gdbpy/test_opts.py - the arguments of pt-walk and pt-dump
# (stubgdb/opts.py): leading options, the expression kept verbatim, and
# pt-dump's choice of range with its errors.
import unittest

import common  # noqa: F401  (sys.path)
from stubgdb.errors import StubError
from stubgdb.opts import dump_halves, parse_opts
from stubgdb.regime import Regime


class ParseOpts(unittest.TestCase):
    def test_options_then_expression(self):
        self.assertEqual(parse_opts("-el2 -f  $pc + 4 "), (2, True, "$pc + 4"))
        self.assertEqual(parse_opts("-f -el1 ttbr1"), (1, True, "ttbr1"))
        self.assertEqual(parse_opts(" 0xffffffc000000000"), (None, False, "0xffffffc000000000"))
        self.assertEqual(parse_opts(""), (None, False, ""))
        self.assertEqual(parse_opts("-el3"), (3, False, ""))

    def test_not_an_option(self):
        # Only the exact words: -el4 and an expression's own minus stay.
        self.assertEqual(parse_opts("-el4 x"), (None, False, "-el4 x"))
        self.assertEqual(parse_opts("-1 - -f"), (None, False, "-1 - -f"))
        self.assertEqual(parse_opts("'a b' -f"), (None, False, "'a b' -f"))


class DumpHalves(unittest.TestCase):
    two = Regime(1)
    one = Regime(3)

    def test_choices(self):
        self.assertEqual(dump_halves("", self.two), [0, 1])
        self.assertEqual(dump_halves("ALL", self.two), [0, 1])
        self.assertEqual(dump_halves("ttbr0", self.two), [0])
        self.assertEqual(dump_halves("TTBR1", self.two), [1])
        self.assertEqual(dump_halves("1", self.two), [1])
        self.assertEqual(dump_halves("", self.one), [0])
        self.assertEqual(dump_halves("0", self.one), [0])

    def test_errors(self):
        with self.assertRaises(StubError) as e:
            dump_halves("ttbr1", self.one)
        self.assertEqual(str(e.exception), "the EL3 regime has only TTBR0")
        with self.assertRaises(StubError) as e:
            dump_halves("bogus", self.two)
        self.assertEqual(str(e.exception), "usage: pt-dump [-el1|-el2|-el3] [-f] [ttbr0|ttbr1]")


if __name__ == "__main__":
    unittest.main()
