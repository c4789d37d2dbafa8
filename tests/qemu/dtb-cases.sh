#!/bin/bash
# tests/qemu/dtb-cases.sh - the boot cases about what the DTB says, and
# the DTBs they hand over, one case per line in boot.sh's argument order.
#
# Owns: making the test DTBs in build/test-dtbs/ from QEMU virt's own
# (dumpdtb at 1 GiB, edited as source with dtc): two banks with a hole and
# reservations, one no-map; a /memreserve/ over the image; a DTB whose
# totalsize reaches into the image; a truncated one. Each is handed over
# byte for byte (QEMU's generic loader + a trampoline setting x0): -dtb
# would rewrite /memory. The cases: garbage, truncated, misaligned, inside
# the image, overlapping it, a reservation over it (all refused by name,
# with their own exit status), the banks and reservations (a pass), and 20
# CPUs in two clusters (virt with GICv3: Aff0 0-15, then Aff1 = 1).
set -eu
out=build/test-dtbs
mkdir -p "$out"
load=$BOARD_LOAD_PA dtb_pa=0x44000000   # the Image where QEMU virt puts it; the DTB where these cases do

. tests/qemu/dtb-edit.sh
dtb_dump virt-1g "" -cpu cortex-a57 -m 1G
dtc -q -I dts -O dtb -o "$out/virt.dtb" "$out/virt-1g.dts"      # without QEMU's 1 MiB padding

# edit NAME PYTHON: virt-1g.dts changed by the Python expression on `s`.
edit() { dtb_edit virt-1g "$1" "$2"; }

# 768 MiB in two banks (a 256 MiB hole between), a no-map reservation and
# a plain one in the second bank.
edit banks 're.sub(r"(memory@40000000 \{[^}]*?reg = )<[^>]*>", r"\1<0x00 0x40000000 0x00 0x10000000 0x00 0x60000000 0x00 0x20000000>", s).replace("\tchosen {", """\treserved-memory {
\t\t#address-cells = <0x02>;
\t\t#size-cells = <0x02>;
\t\tranges;
\t\tfirmware@68000000 {
\t\t\treg = <0x00 0x68000000 0x00 0x100000>;
\t\t\tno-map;
\t\t};
\t\tlog@70000000 {
\t\t\treg = <0x00 0x70000000 0x00 0x200000>;
\t\t};
\t};

\tchosen {""", 1)'
# The image's first page reserved.
edit rsv-image 's.replace("/dts-v1/;", "/dts-v1/;\n/memreserve/ 0x40200000 0x1000;", 1)'
# Sound, but its totalsize (header word 1, big-endian) reaches 64 KiB
# into the image when it lies 64 KiB below it.
python3 - "$out/virt.dtb" "$out/overlap.dtb" <<'PY'
import struct, sys
b = bytearray(open(sys.argv[1], "rb").read())
b[4:8] = struct.pack(">I", 0x20000)
open(sys.argv[2], "wb").write(b)
PY
head -c 2048 "$out/virt.dtb" >"$out/truncated.dtb"

echo "dtb-banks-reserved image-x0=$dtb_pa:$out/banks.dtb cortex-a57 1G 1 $load pass/in_2_banks"
echo "dtb-garbage image-x0=$dtb_pa cortex-a53 1G 1 $load exit7/no_FDT_magic"
echo "dtb-truncated image-x0=$dtb_pa:$out/truncated.dtb cortex-a53 1G 1 $load exit7/no_usable_DTB_at_x0"
echo "dtb-misaligned image-x0=$(printf '0x%x' $((dtb_pa + 4))):$out/virt.dtb cortex-a53 1G 1 $load exit7/not_8-byte_aligned"
echo "dtb-inside-image image-x0=$(printf '0x%x' $((load + 0x10000))) cortex-a53 1G 1 $load exit7/the_DTB_lies_inside_the_image"
echo "dtb-overlaps-image image-x0=$(printf '0x%x' $((load - 0x10000))):$out/overlap.dtb cortex-a53 1G 1 $load exit7/the_DTB_overlaps_the_image"
echo "dtb-reservation-over-image image-x0=$dtb_pa:$out/rsv-image.dtb cortex-a53 1G 1 $load exit4/the_image_overlaps_a_reservation"
echo "smp20-two-clusters elf cortex-a57 1G 1 - pass/MPIDR_0x80000103 -smp 20 -machine gic-version=3"
