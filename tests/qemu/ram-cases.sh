#!/bin/bash
# tests/qemu/ram-cases.sh - the boot cases about RAM a DTB claims (issue
# 20): what is not there, what is there twice, what is reserved; one case
# per line in boot.sh's argument order.
#
# Owns: the DTBs these cases hand over (build/test-dtbs/ram-*.dtb, made
# from QEMU virt's own at 1 GiB, edited as source with dtc, and handed
# over byte for byte through the generic loader and a trampoline, as
# tests/qemu/dtb-cases.sh's: -dtb would rewrite /memory) and the cases:
#   RAM claimed but absent above real RAM (a whole GiB, and part of one:
#   the boundary found to the page), below it (virt's secure memory, which
#   nothing answers at EL1 non-secure), beside it (a bank at 4 GiB);
#   a bank over a device window (the flash, the PCIe MMIO window: neither
#   holds a written value): each named with its bank, range and what the
#   probe found, left out, the boot passing;
#   overlapping and duplicate banks, unaligned bank edges, overlapping and
#   unaligned reservations: each piece at its exact address;
#   64 reservations (the limit, MACHINE_MAX_RESERVED: accepted, each held
#   from the allocator, as the memory line's held bytes show), 65 (refused
#   when the DTB is read, before the report: exit 7);
#   more pieces not RAM than the boot leaves out (RAM_MAX_ABSENT: exit 16).
set -eu
out=build/test-dtbs
mkdir -p "$out"
load=$BOARD_LOAD_PA dtb_pa=0x44000000   # the Image where QEMU virt puts it; the DTB where these cases do

. tests/qemu/dtb-edit.sh
dtb_dump ram-base "" -cpu cortex-a53 -m 1G

# edit NAME PYTHON: ram-base.dts changed by the Python expression on `s`
# (dtb-edit.sh's helpers: mem, node, rsv, child).
edit() { dtb_edit ram-base "ram-$1" "$2"; }

# Absent above: 1.5 GiB claimed over 1 GiB (its second GiB's half gone
# whole), 2 GiB over 1280 MiB (the boundary inside a GiB, halved to 0x90000000).
edit above 'mem("0x00 0x40000000 0x00 0x60000000")'
edit above-part 'mem("0x00 0x40000000 0x00 0x80000000")'
# Below (virt's secure memory at 0x0e000000) and beside (4 GiB).
edit below 'node(s, "memory@e000000", "0x00 0xe000000 0x00 0x1000000")'
edit beside 'node(s, "memory@100000000", "0x01 0x00 0x00 0x10000000")'
# Device windows: the flash (reads back 0 whatever is written) and the
# PCIe MMIO window (reads all-ones, ignores writes).
edit flash 'node(s, "memory@0", "0x00 0x00 0x00 0x4000000")'
edit pcie 'node(s, "memory@20000000", "0x00 0x20000000 0x00 0x1000000")'
# Overlapping and duplicate banks, unaligned edges: memory@40000000 from
# 0x40000100 to 0x5fffff80 (a partial page at each end) and 256M at
# 0x60000000; memory@60000000 the same 256M again; memory@68000000 256M
# at 0x68000000 (128M over the first).
edit overlap 'node(node(mem("0x00 0x40000100 0x00 0x1ffffe80 0x00 0x60000000 0x00 0x10000000"), "memory@60000000", "0x00 0x60000000 0x00 0x10000000"), "memory@68000000", "0x00 0x68000000 0x00 0x10000000")'
# Reservations overlapping each other, one not page aligned.
edit rsv-overlap 'rsv(s, child("a@50000000", "0x00 0x50000000 0x00 0x200000") + child("b@50100000", "0x00 0x50100000 0x00 0x200000") + child("odd@51000100", "0x00 0x51000100 0x00 0x200"))'
# 64 and 65 reservations: 60 from /memreserve/, the rest in
# /reserved-memory, one no-map; each 4 KiB, 1 MiB apart from 0x50000000.
python3 - "$out/ram-base.dts" "$out" <<'PY'
import sys
s = open(sys.argv[1]).read()
for n in (64, 65):
    mr = "".join("/memreserve/ 0x%x 0x1000;\n" % (0x50000000 + i * 0x100000) for i in range(60))
    kids = ""
    for i in range(60, n):
        pa = 0x50000000 + i * 0x100000
        kids += "\t\tr@%x {\n\t\t\treg = <0x00 0x%x 0x00 0x1000>;\n%s\t\t};\n" % (
            pa, pa, "\t\t\tno-map;\n" if i == 60 else "")
    t = s.replace("/dts-v1/;", "/dts-v1/;\n" + mr, 1)
    t = t.replace("\tchosen {", "\treserved-memory {\n\t\t#address-cells = <0x02>;\n\t\t#size-cells = <0x02>;\n\t\tranges;\n" + kids + "\t};\n\n\tchosen {", 1)
    open("%s/ram-rsv%d.dts" % (sys.argv[2], n), "w").write(t)
PY
dtc -q -I dts -O dtb -o "$out/ram-rsv64.dtb" "$out/ram-rsv64.dts"
dtc -q -I dts -O dtb -o "$out/ram-rsv65.dtb" "$out/ram-rsv65.dts"
# More pieces not RAM than RAM_MAX_ABSENT (16): 17 banks of 4 KiB where
# nothing is, 1 GiB apart from 4 GiB.
edit sieve 'mem("0x00 0x40000000 0x00 0x40000000 " + " ".join("0x%02x 0x00 0x00 0x1000" % (4 + i) for i in range(17)))'

# With the 64 reservations the memory line's held bytes are the 63 plain
# ones' pages (the no-map one is not mapped), the image's pages
# (image_size from the Image header, offset 16) and the DTB's.
image_size=$(od -An -t u8 -j 16 -N 8 build/Image | tr -d ' ')
dtb_pages=$(( ($(stat -c %s "$out/ram-rsv64.dtb") + 4095) / 4096 ))
held_k=$(( 63 * 4 + (image_size + 4095) / 4096 * 4 + dtb_pages * 4 ))

x0="image-x0=$dtb_pa"
nothing='not_RAM:_nothing_answers_at_pa'
abort='(EC_0x25:_data_abort_from_the_same_EL;_FSC_0x10:_synchronous_external_abort_(read))'
echo "ram-absent-above $x0:$out/ram-above.dtb cortex-a53 1G 1 $load pass/ram:_not_mapped:_512M_at_pa_0x80000000_(memory@40000000):_${nothing}_0x80000000_$abort"
echo "ram-absent-above-part $x0:$out/ram-above-part.dtb cortex-a53 1280M 1 $load pass/ram:_not_mapped:_768M_at_pa_0x90000000_(memory@40000000):_${nothing}_0xbffff000&linear_map_va_0xffffff8000000000_=_pa_0x40000000,_1280M_in_1_range"
echo "ram-absent-below $x0:$out/ram-below.dtb cortex-a53 1G 1 $load pass/ram:_not_mapped:_16M_at_pa_0xe000000_(memory@e000000):_${nothing}_0xe000000&linear_map_va_0xffffff8000000000_=_pa_0x40000000,_1G_in_1_range"
echo "ram-absent-beside $x0:$out/ram-beside.dtb cortex-a53 1G 1 $load pass/ram:_not_mapped:_256M_at_pa_0x100000000_(memory@100000000):_${nothing}_0x100000000&1G_in_1_range"
echo "ram-bank-over-flash $x0:$out/ram-flash.dtb cortex-a53 1G 1 $load pass/ram:_not_mapped:_64M_at_pa_0x0_(memory@0):_not_RAM:_pa_0x1000_does_not_hold_a_written_value_(wrote_0xffffffffffffffff,_read_0x0)&linear_map_va_0xffffff8000000000_=_pa_0x40000000"
echo "ram-bank-over-pcie $x0:$out/ram-pcie.dtb cortex-a53 1G 1 $load pass/ram:_not_mapped:_16M_at_pa_0x20000000_(memory@20000000):_not_RAM:_pa_0x20000000_does_not_hold_a_written_value_(wrote_0x0,_read_0xffffffffffffffff)"
echo "ram-banks-overlap $x0:$out/ram-overlap.dtb cortex-a53 1G 1 $load pass/ram:_duplicate_bank:_256M_at_pa_0x60000000_(memory@60000000_repeats_memory@40000000):_counted_once&ram:_banks_overlap:_128M_at_pa_0x68000000_(memory@68000000_over_memory@40000000):_counted_once&ram:_not_mapped:_3840B_at_pa_0x40000100_(memory@40000000):_a_partial_page_at_an_unaligned_bank_edge&ram:_not_mapped:_3968B_at_pa_0x5ffff000_(memory@40000000):_a_partial_page&!not_mapped:_128M&!not_mapped:_256M"
echo "ram-reservations-overlap $x0:$out/ram-rsv-overlap.dtb cortex-a53 1G 1 $load pass/reserved:_reservations_overlap:_1M_at_pa_0x50100000_(b@50100000_over_a@50000000):_held_once&reserved:_odd@51000100,_0x200_bytes_at_pa_0x51000100,_is_not_page_aligned:_its_whole_pages,_4K_at_pa_0x51000000,_are_kept_from_the_allocator"
echo "ram-reservations-64 $x0:$out/ram-rsv64.dtb cortex-a53 1G 1 $load pass/reserved:_64_ranges_(60_from_/memreserve/&held:_${held_k}K_reserved,_image,_DTB&ram:_not_mapped:_4K_at_pa_0x53c00000_(r@53c00000):_no-map"
echo "ram-reservations-65 $x0:$out/ram-rsv65.dtb cortex-a53 1G 1 $load exit7/dtb:_reserved_memory:_more_reservations_than_MACHINE&!ram:_0x"
echo "ram-too-many-absent $x0:$out/ram-sieve.dtb cortex-a53 1G 1 $load exit16/not_RAM_in_more_than_16_places"
