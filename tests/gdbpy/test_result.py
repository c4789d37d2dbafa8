# tests/gdbpy/test_result.py - the result record's decoder (stubgdb/
# result.py) on records written byte by byte here from lib/result.h's
# offsets, and on the record the built Image carries (never ran).
import os
import struct
import unittest

import common
from stubgdb import result
from stubgdb.errors import StubError


def record(state=2, status=0, passed=64, failed=0, output=1, el=2, console_pa=0x9000000,
           cpus=4, console=b"pl011", rule=b"stdout-path", message=b""):
    raw = bytearray(256)
    struct.pack_into("<QII", raw, 0, 0x5345522d42555453, 1, 256)
    struct.pack_into("<IiIIIIQI", raw, 0x10, state, status, passed, failed, output, el,
                     console_pa, cpus)
    raw[0x38:0x38 + len(console)] = console
    raw[0x60:0x60 + len(rule)] = rule
    raw[0x80:0x80 + len(message)] = message
    return bytes(raw)


class TestResult(unittest.TestCase):
    def test_ended_with_console(self):
        rec = result.decode(record())
        self.assertEqual((rec["state"], rec["status"], rec["checks_passed"], rec["cpus_online"]),
                         (2, 0, 64, 4))
        text = result.lines(rec, 0x40200800)
        self.assertEqual(text[0], "result record at pa 0x40200800: ended")
        self.assertIn("exit status 0 (lib/exit.h; docs/boot.md)", text)
        self.assertIn("entered at EL2; checks: 64 passed, 0 failed; cpus online: 4", text)
        self.assertIn("console: pl011 at pa 0x9000000 (chosen by stdout-path)", text)
        self.assertIn("output: the UART", text)

    def test_silent_refusal(self):
        msg = b"the image crosses a 1 GiB boundary; load pa 0x7fff0000"
        rec = result.decode(record(status=4, passed=0, output=3, console=b"", rule=b"",
                                   message=msg, el=0, cpus=0))
        text = result.lines(rec, 0x800)
        self.assertIn("ended before kernel_main (with the MMU off): no checks ran", text)
        self.assertIn("console: none", text)
        self.assertIn("output: silent (no UART, no semihosting: this record only)", text)
        self.assertEqual(text[-1], "fatal: " + msg.decode())
        self.assertEqual(rec["status"], 4)

    def test_negative_status_and_unterminated_strings(self):
        rec = result.decode(record(status=-1, console=b"x" * 40, message=b"m" * 128))
        self.assertEqual(rec["status"], -1)
        self.assertEqual(rec["console"], "x" * 40)       # bounded by its field
        self.assertEqual(len(rec["message"]), 128)

    def test_not_a_record(self):
        raw = bytearray(record())
        raw[0] ^= 1
        with self.assertRaisesRegex(StubError, "no result record here"):
            result.decode(bytes(raw))
        with self.assertRaisesRegex(StubError, "version 2"):
            raw = bytearray(record())
            raw[8] = 2
            result.decode(bytes(raw))
        with self.assertRaisesRegex(StubError, "want 256"):
            result.decode(record()[:100])

    def test_the_image_file_carries_a_record_that_never_ran(self):
        image = os.path.join(common.ROOT, "build", "Image")
        if not os.path.exists(image):
            self.skipTest("build/Image not built")
        with open(image, "rb") as f:
            f.seek(result.OFFSET)
            rec = result.decode(f.read(result.SIZE))
        self.assertEqual(rec["state"], 0)
        self.assertTrue(result.lines(rec, 0x40200800)[0].startswith(
            "result record at pa 0x40200800: never ran"))


if __name__ == "__main__":
    unittest.main()
