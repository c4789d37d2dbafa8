#!/bin/bash
# tests/fence/run.sh - the MMU-off fence refuses what it must.
#
# Owns: in a copy of the tree (build/test-fence/tree: the files git knows,
# as they are now), adding to the MMU-off set (start/start.mk) first
# tests/fence/abs_table.c (a table of pointers: absolute relocations),
# then tests/fence/calls_out.c (a call out of the set), and checking that
# building the set's check (make build/obj/mmu-off.ok) fails each time
# and names the file and the breach; and that the unchanged copy passes.
# Ends with "fence: N passed, M failed" (exit status non-zero on a failure).
set -u
cd "$(dirname "$0")/../.." || exit 1
out=build/test-fence
tree=$out/tree
passed=0 failed=0
pass() { echo "PASS fence: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL fence: $1"; failed=$((failed + 1)); }

rm -rf "$tree" && mkdir -p "$tree" &&
	git ls-files -co --exclude-standard | grep -v '^build/' | tar -cf - -T - | tar -xf - -C "$tree" ||
	{ echo "fence: 0 passed, 1 failed"; exit 1; }
check() { make -C "$tree" --no-print-directory build/obj/mmu-off.ok >"$out/$1.log" 2>&1; }

# case NAME FILE WANT: FILE in the set; the check must fail saying WANT.
case_breach() {
	local name=$1 file=$2 want=$3
	cp "tests/fence/$file" "$tree/start/fence_$file"
	sed -i "s|^START_MMU_OFF_SRCS := |START_MMU_OFF_SRCS := fence_$file |" "$tree/start/start.mk"
	if check "$name"; then
		fail "$name: the set with start/fence_$file built (log $out/$name.log)"
	elif grep -q "start/fence_${file%.c}.o: .*$want" "$out/$name.log"; then
		pass "$name: refused: $(grep -m1 "start/fence_${file%.c}.o: " "$out/$name.log")"
	else
		fail "$name: failed, but without naming '$want' (log $out/$name.log)"
	fi
	sed -i "s|fence_$file ||" "$tree/start/start.mk"
	rm -f "$tree/start/fence_$file"
}

if check unchanged; then pass "the unchanged set passes"; else fail "the unchanged set fails ($out/unchanged.log)"; fi
case_breach absolute abs_table.c "absolute relocation R_AARCH64_ABS64"
case_breach call calls_out.c "calls kernel_map_early_init, outside the MMU-off set"
echo "fence: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
