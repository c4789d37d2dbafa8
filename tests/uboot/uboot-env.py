#!/usr/bin/env python3
"""tests/uboot/uboot-env.py - a U-Boot environment in a pflash image.

Owns: making the flash image that QEMU gives U-Boot as pflash 1, holding the
U-Boot binary's own default environment with some variables changed (for
the tests: bootdelay=0, and a bootcmd per case). The defaults are read from
the binary itself, so they always match the installed U-Boot; the image is
written by mkimage's companion mkenvimage.

usage: uboot-env.py UBOOT_BIN ENV_SIZE FLASH_SIZE OUT [KEY=VALUE ...]
"""
import os
import subprocess
import sys
import tempfile


def default_env(uboot_bin):
    data = open(uboot_bin, "rb").read()
    # U-Boot's default environment is one block of NUL-separated key=value
    # strings ending in two NULs; it begins with bootcmd.
    start = data.find(b"bootcmd=")
    while start >= 0:
        end = data.find(b"\0\0", start)
        words = data[start:end].split(b"\0")
        if len(words) > 10 and all(b"=" in w for w in words):
            return [w.decode() for w in words]
        start = data.find(b"bootcmd=", start + 1)
    sys.exit(f"uboot-env: no default environment found in {uboot_bin}")


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    uboot_bin, env_size, flash_size, out = sys.argv[1:5]
    env = dict(w.split("=", 1) for w in default_env(uboot_bin))
    for kv in sys.argv[5:]:
        key, value = kv.split("=", 1)
        env[key] = value
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as txt:
        txt.write("".join(f"{k}={v}\n" for k, v in env.items()))
    try:
        subprocess.run(["mkenvimage", "-s", env_size, "-o", out, txt.name], check=True)
    finally:
        os.unlink(txt.name)
    size = int(flash_size, 0)
    if os.path.getsize(out) > size:
        sys.exit("uboot-env: environment larger than the flash")
    os.truncate(out, size)


if __name__ == "__main__":
    main()
