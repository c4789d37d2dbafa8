#!/bin/bash
# tests/bench/geometries.sh - make bench in every translation geometry, side
# by side.
#
# Owns: running `make PAGE_SIZE=.. VA_BITS=.. bench` for each geometry of
# mmu/geometry.mk (each into its own build/<page>-<bits>/bench/; the Linux
# figures are the same in all: its own 4 KiB geometry; the 52-bit ones on
# max, whose FEAT_LPA2 and FEAT_LVA they take), then 4K/52 once more on a
# CPU without FEAT_LPA2 (cortex-a53: the fallback's cost, into
# build/4k-52/bench-fallback/), and printing one table of what each choice
# costs: instructions from the entry to the MMU on, early table pages
# written, the final map's instructions per descriptor, and the image's
# size in memory. Run from the repository root; `make bench-geometries`
# calls it.
set -euo pipefail
geometries=$(sed -n 's/^GEOMETRIES *:= *//p' mmu/geometry.mk)
# row FILE LABEL: the stub's column of the bench table's row LABEL.
row() { sed -n "s/^$2  *\\([^ ].*\\)\$/\\1/p" "$1" | awk '{ print $1 }'; }
size() { sed -n 's/^image size in memory \/ file  *\([0-9.]* [KM]iB\).*/\1/p' "$1"; }
printf '%-12s %6s %14s %8s %12s\n' geometry levels "entry->MMU on" "early" "final map"
printf '%-12s %6s %14s %8s %12s %10s\n' "" "" "(insns)" "pages" "insns/desc" image
# one LABEL GEOMETRY LEVELS FOLDER [CPU]: make bench of GEOMETRY into
# FOLDER (on CPU: BENCH_CPU), and its row.
one() {
	local label=$1 g=$2 levels=$3 folder=$4 cpu=${5:-}
	local page=${g%-*} bits=${g#*-} out=$folder/table.txt
	mkdir -p "$folder"
	BENCH_CPU=$cpu BENCH_OUT=$folder make -s --no-print-directory PAGE_SIZE="$page" \
		VA_BITS="$bits" bench >"$out" 2>&1 ||
		{ echo "$label: make bench failed (see $out)"; exit 1; }
	printf '%-12s %6s %14s %8s %12s %10s\n' "$label" "$levels" \
		"$(row "$out" 'entry -> MMU on')" "$(row "$out" 'early table pages written')" \
		"$(row "$out" 'final map: insns per descriptor')" "$(size "$out")"
}
for g in $geometries; do
	page=${g%-*} bits=${g#*-} dir=build/$(echo "$g" | tr K k)
	[ "$g" = 4K-39 ] && dir=build
	case $page in 4K) shift_=12 ;; 16K) shift_=14 ;; 64K) shift_=16 ;; esac
	one "$g" "$g" $(( (bits - 4) / (shift_ - 3) )) "$dir/bench"
done
# A 52-bit Image on a CPU without FEAT_LPA2: the fallback's 4 levels.
one "4K-52 a53" 4K-52 4 build/4k-52/bench-fallback cortex-a53
echo "Each row: make PAGE_SIZE=.. VA_BITS=.. bench (its full table in the geometry's bench/table.txt; the 52-bit ones and 16 KiB on max, '4K-52 a53' on cortex-a53: the fallback, in build/4k-52/bench-fallback/); Linux 6.1, 4 KiB, 48-bit: 1,650 to the MMU on."
