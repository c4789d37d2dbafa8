#!/bin/bash
# tests/bench/geometries.sh - make bench in every translation geometry, side
# by side.
#
# Owns: running `make PAGE_SIZE=.. VA_BITS=.. bench` for each geometry of
# mmu/geometry.mk (each into its own build/<page>-<bits>/bench/; the Linux
# figures are the same in all: its own 4 KiB geometry) and printing one
# table of what each choice costs: instructions from the entry to the MMU
# on, early table pages written, the final map's instructions per
# descriptor, and the image's size in memory. Run from the repository
# root; `make bench-geometries` calls it.
set -euo pipefail
geometries=$(sed -n 's/^GEOMETRIES *:= *//p' mmu/geometry.mk)
# row FILE LABEL: the stub's column of the bench table's row LABEL.
row() { sed -n "s/^$2  *\\([^ ].*\\)\$/\\1/p" "$1" | awk '{ print $1 }'; }
size() { sed -n 's/^image size in memory \/ file  *\([0-9.]* [KM]iB\).*/\1/p' "$1"; }
printf '%-10s %8s %14s %8s %12s\n' geometry levels "entry->MMU on" "early" "final map"
printf '%-10s %8s %14s %8s %12s %10s\n' "" "" "(insns)" "pages" "insns/desc" image
for g in $geometries; do
	page=${g%-*} bits=${g#*-} dir=build/$(echo "$g" | tr K k)
	[ "$g" = 4K-39 ] && dir=build
	mkdir -p "$dir/bench"
	out=$dir/bench/table.txt
	make -s --no-print-directory PAGE_SIZE="$page" VA_BITS="$bits" bench >"$out" 2>&1 ||
		{ echo "$g: make bench failed (see $out)"; exit 1; }
	case $page in 4K) shift_=12 ;; 16K) shift_=14 ;; 64K) shift_=16 ;; esac
	levels=$(( (bits - 4) / (shift_ - 3) ))
	printf '%-10s %8s %14s %8s %12s %10s\n' "$g" "$levels" \
		"$(row "$out" 'entry -> MMU on')" "$(row "$out" 'early table pages written')" \
		"$(row "$out" 'final map: insns per descriptor')" "$(size "$out")"
done
echo "Each row: make PAGE_SIZE=.. VA_BITS=.. bench (its full table in the geometry's bench/table.txt); Linux 6.1, 4 KiB, 48-bit: 1,650 to the MMU on."
