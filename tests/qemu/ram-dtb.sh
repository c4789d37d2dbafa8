# tests/qemu/ram-dtb.sh - sourced by the case files that move RAM far up
# (idmap-cases.sh, va52-cases.sh).
#
# Owns: ram_dtb OUT BASE HIGH_CELL: the DTB BASE (QEMU virt's own, dumped
# with dumpdtb=) with its one /memory bank replaced by 4 GiB at
# HIGH_CELL << 32 (a reg of two cells each), compiled to OUT (OUT's .dts
# beside it), so that the stub's only RAM lies there.
ram_dtb() {
	local out=$1 base=$2 cell=$3
	dtc -q -I dtb -O dts -o "${out%.dtb}.dts" "$base"
	sed -i "s/reg = <0x00 0x40000000 0x[0-9a-f]* 0x[0-9a-f]*>;/reg = <$cell 0x00 0x01 0x00>;/" \
		"${out%.dtb}.dts"
	dtc -q -I dts -O dtb -o "$out" "${out%.dtb}.dts" 2>/dev/null
}
