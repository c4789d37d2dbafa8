#!/bin/bash
# tests/bench/selftest.sh - a cheap check (about a second) of the bench plugin.
#
# Owns: building the plugin for the API the QEMU loads (QEMU, default
# qemu-system-aarch64 on PATH: API 1 on 7.2, 2 on 10.0; one source,
# tests/tests.mk), running it on the stub's Image up to the instruction
# that turns the MMU on (stop=on), and checking that entry -> MMU on is a
# positive count, that what QEMU translated is tallied (distinct
# instructions at least the TBs, both positive) and that two runs agree;
# that every= records each
# execution (the entry: once) and that smp=on counts with two vCPUs.
# Prints exactly one line
# "bench: N passed, M failed"; details go to
# build/bench/selftest-QEMU_VERSION.log.
# usage: selftest.sh [BUILD_DIR]   (default build; needs make first)
set -uo pipefail
cd "$(dirname "$0")/../.."
. tests/bench/lib.sh
# The marker names have one home: the block at the top of bench.sh.
eval "$(sed -n '/^# ---- Marker symbols/,/^# ------/p' tests/bench/bench.sh)"

build=${1:-build}
out=build/bench
plugin=$BENCH_PLUGIN
version=$(scripts/qemu-version.sh "$QEMU") || version=unknown
mkdir -p "$out"
log=$out/selftest-$version.log commands_file=$out/selftest-$version.commands
: >"$log"; : >"$commands_file"
passed=0 failed=0
check() { # check NAME COMMAND...: one test
	if "${@:2}" >>"$log" 2>&1; then passed=$((passed + 1)); echo "ok: $1" >>"$log"
	else failed=$((failed + 1)); echo "FAILED: $1" >>"$log"; fi
}

one_run() { # one_run TAG: entry -> MMU on, in $out/TAG.VERSION.plugin
	local load text
	[ -f "$build/stub.elf" ] && [ -f "$build/Image" ] || { echo "no $build/stub.elf or Image"; return 1; }
	stub_mmu_on "$build/stub.elf"
	echo "$mmu_on_note"
	[ -n "$mmu_on_va" ] || return 1
	load=$(qemu_load_pa "$build/Image") text=$(sym_va "$build/stub.elf" _text)
	# qemu_run dies on failure: keep that inside this subshell's test.
	(qemu_run "$1.$version" "$build/Image" "" \
		"mark=entry:$load,mark=mmu_on:$(hex $((load + (mmu_on_va - text)))),stop=on")
}
every_and_smp() { # TAG: -smp 2, smp=on, every= on the entry: one hit, before the MMU on
	local load text
	stub_mmu_on "$build/stub.elf"
	load=$(qemu_load_pa "$build/Image") text=$(sym_va "$build/stub.elf" _text)
	(with_qemu 128M 2 -- qemu_run "$1.$version" "$build/Image" "" \
		"every=first:$load,mark=mmu_on:$(hex $((load + (mmu_on_va - text)))),smp=on,stop=on") || return 1
	cat "$out/$1.$version.plugin"
	[ "$(grep -c '^hit first ' "$out/$1.$version.plugin")" = 1 ] && entry_to_mmu_on "$1" first
}
entry_to_mmu_on() { # TAG [FROM]: positive count from FROM (a mark, or a hit), printed
	local a b f=$out/$1.$version.plugin
	a=$(mark_count "$f" "${2:-entry}") b=$(mark_count "$f" mmu_on)
	[ -n "$a" ] || a=$(awk -v n="${2:-}" '$1 == "hit" && $2 == n { print $3; exit }' "$f")
	echo "entry $a mmu_on $b"
	[ -n "$a" ] && [ -n "$b" ] && [ $((b - a)) -gt 0 ]
}
translated_tally() { # TAG: "translated INSNS TBS", 0 < TBS <= INSNS
	local f=$out/$1.$version.plugin
	grep '^translated ' "$f" &&
		awk '$1 == "translated" && $3 > 0 && $2 >= $3 { ok = 1 } END { exit !ok }' "$f"
}

echo "QEMU $version ($QEMU), plugin $plugin" >>"$log"
check "plugin builds" make --no-print-directory -s "$plugin"
check "run 1 ends at the MMU-on marker" one_run selftest.1
check "entry -> MMU on is positive" entry_to_mmu_on selftest.1
check "what QEMU translated is tallied" translated_tally selftest.1
check "run 2 ends at the MMU-on marker" one_run selftest.2
check "two runs agree" cmp "$out/selftest.1.$version.plugin" "$out/selftest.2.$version.plugin"
check "every= once at the entry, smp=on with 2 vCPUs" every_and_smp selftest.smp
echo "bench: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
