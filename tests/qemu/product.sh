#!/bin/bash
# tests/qemu/product.sh - what the product image must not have, and what its
# default report must cost.
#
# Owns: the checks that the test build's code stays out of the product
# (none of the global symbols tests/target/ defines is in the product ELF,
# while the test build has them all), that the product's final map has no
# page EL0 may touch (its full report's final TTBR1 dump has no USR range),
# and that the default report (stub.report=summary) suits a real UART: at
# most 2,000 bytes for one CPU plus 200 per extra CPU, keeping the lines
# scripts read ("cpus: N online", "mmu: N passed, M failed"); that what
# `make image` lists for users (scripts/list-artifacts.sh) is there; and
# that the Pis' SD card (make sdcard, scripts/mksdcard.sh) holds
# board/rpi/config.txt as it is, the U-Boot its kernel= line names (Debian's
# rpi_arm64), the DTB of each Pi model it is for by its upstream name
# (upstream_kernel=1), and boot.scr and Image as built (QEMU plays the Pi's
# firmware in the boot tests and never reads config.txt: this is its only
# check).
# usage: product.sh   (after make, make sdcard and make CONFIG_TEST_HOOKS=1;
#                      QEMU virt; logs in TEST_LOG_DIR, default build/test-logs)
# Prints PASS/FAIL lines, then exactly one "product: N passed, M failed".
set -u
build=build test_build=build/test
logdir=${TEST_LOG_DIR:-build/test-logs}
mkdir -p "$logdir"
passed=0 failed=0
check() { # check OK WHAT [WHY]
	if [ "$1" = 0 ]; then passed=$((passed + 1)); echo "PASS product: $2"
	else failed=$((failed + 1)); echo "FAIL product: $2${3:+: $3}"; fi
}

# 1. Symbols: every global the test objects define is absent from the product.
syms=$(aarch64-linux-gnu-nm --defined-only -g "$test_build"/obj/tests/target/*.o 2>/dev/null |
	awk 'NF == 3 { print $3 }' | sort -u)
n=$(wc -w <<<"$syms")
[ "$n" -ge 5 ]; check $? "the test objects define $n global symbols (the list is not empty)"
in_test=$(aarch64-linux-gnu-nm "$test_build/stub.elf" | awk '{ print $NF }' | sort -u)
in_product=$(aarch64-linux-gnu-nm "$build/stub.elf" | awk '{ print $NF }' | sort -u)
missing=$(comm -23 <(echo "$syms") <(echo "$in_test") | tr '\n' ' ')
[ -z "$missing" ]; check $? "the test build links them all" "$missing"
leaked=$(comm -12 <(echo "$syms") <(echo "$in_product") | tr '\n' ' ')
[ -z "$leaked" ]; check $? "the product ELF has none of them" "$leaked"
hooks=$(aarch64-linux-gnu-objdump -h "$build/stub.elf" | awk '$2 == ".test_hooks"')
entries=$(aarch64-linux-gnu-nm "$build/stub.elf" | awk '$3 == "__test_hooks_start" || $3 == "__test_hooks_end" { print $1 }' | sort -u | wc -l)
[ -z "$hooks" ] && [ "$entries" = 1 ]; check $? "the product's hook table is empty (start == end)"

# One boot of the product. boot NAME SMP ARGS...: the serial output alone.
boot() {
	local name=$1 smp=$2; shift 2
	timeout 30 qemu-system-aarch64 -M virt -cpu cortex-a53 -m 1G -smp "$smp" -nographic \
		-nodefaults -serial "file:$logdir/product-$name.log" -semihosting -no-reboot \
		"$@" </dev/null >/dev/null 2>&1
}

# 2. The final map: nothing accessible from EL0 (the fault tests' EL0 page
# and stack exist only in the test build, which maps them at run time).
boot full 1 -kernel "$build/Image" -append stub.report=full
final=$(sed -n '/^TTBR1 final map/,/^checks of the final map/p' "$logdir/product-full.log" | grep '^  0x')
[ "$(wc -l <<<"$final")" -ge 5 ]; check $? "the full report has the final TTBR1 dump"
! grep -q ' USR' <<<"$final"; check $? "no range of the final map is accessible from EL0" \
	"$(grep ' USR' <<<"$final" | head -1)"

# 3. The default report's size, on 1 and 8 CPUs (an ELF at EL1: PSCI).
for smp in 1 8; do
	if [ "$smp" = 1 ]; then boot summary-$smp 1 -kernel "$build/Image"
	else boot summary-$smp "$smp" -kernel "$build/stub.elf"; fi
	log=$logdir/product-summary-$smp.log
	bytes=$(stat -c %s "$log") budget=$((2000 + 200 * (smp - 1)))
	[ "$bytes" -le "$budget" ]; check $? "default report on $smp CPU(s): $bytes bytes <= $budget" \
		"see $log"
	grep -q "^cpus: $smp online" "$log" && grep -q '^mmu: [0-9]* passed, 0 failed' "$log"
	check $? "default report on $smp CPU(s) keeps 'cpus: $smp online' and the mmu summary"
done
full_bytes=$(stat -c %s "$logdir/product-full.log")
[ "$full_bytes" -gt 10000 ]; check $? "stub.report=full prints the long report ($full_bytes bytes)"

# 4. What `make image` tells users (scripts/list-artifacts.sh): each artifact
# it lists was built (<board>: every board, a folder with a board.mk).
listing=$(make -s --no-print-directory image 2>&1)
listed=0 absent=""
for path in $(sed -n 's/^  \([^ ]*\) .*/\1/p' <<<"$listing" | sort -u); do
	for board_mk in board/*/board.mk; do
		file=${path//<board>/$(basename "$(dirname "$board_mk")")}
		listed=$((listed + 1))
		[ -f "$file" ] || absent+=" $file"
		[ "$file" = "$path" ] && break
	done
done
why=${absent:+absent:$absent}
[ "$listed" -ge 6 ] || why="too few: $(head -c 300 <<<"$listing")"
[ -z "$why" ]; check $? "make image lists $listed artifacts, each one built" "$why"

# 5. The SD card's FAT partition (from 1 MiB: scripts/mksdcard.sh).
card=build/sdcard-rpi.img config=board/rpi/config.txt
on_card=$logdir/product-sdcard
rm -rf "$on_card"; mkdir -p "$on_card"
export MTOOLS_SKIP_CHECK=1
mcopy -n -i "$card@@1M" ::config.txt ::boot.scr ::Image "$on_card/" 2>/dev/null
cmp -s "$on_card/config.txt" "$config"
check $? "the SD card holds $config as it is" "see $on_card"
kernel=$(sed -n 's/^kernel=//p' "$config" | head -n 1)
listing=$(mdir -i "$card@@1M" -b :: 2>&1)
grep -qxF "::/$kernel" <<<"$listing" && cmp -s "$on_card/boot.scr" build/boot.scr &&
	cmp -s "$on_card/Image" build/Image
check $? "the SD card holds config.txt's kernel ($kernel), and boot.scr and Image as built" \
	"$(tr '\n' ' ' <<<"$listing")"
mcopy -n -i "$card@@1M" "::$kernel" "$on_card/" 2>/dev/null
cmp -s "$on_card/$kernel" build/u-boot-rpi/root/usr/lib/u-boot/rpi_arm64/u-boot.bin
check $? "its $kernel is Debian's rpi_arm64 U-Boot (the one for Pi 3 and Pi 4)"
# The firmware loads its model's DTB by the upstream name (upstream_kernel=1).
grep -qx 'upstream_kernel=1' "$config" &&
	(for dtb in bcm2837-rpi-3-b bcm2837-rpi-3-b-plus bcm2837-rpi-3-a-plus bcm2711-rpi-4-b; do
		grep -qxF "::/$dtb.dtb" <<<"$listing" || exit 1
	done)
check $? "with upstream_kernel=1, the DTBs of the Pi 3 B, 3 B+, 3 A+ and 4 B by their upstream names" \
	"$(tr '\n' ' ' <<<"$listing")"

# The default Image must still fit every board's load window: a board
# skipped by one-image.ok would drop out of make test silently otherwise.
skipped=$(ls build/*/skipped 2>/dev/null)
[ -z "$skipped" ]
check $? "the default Image fits every board's load window (no build/<board>/skipped)" "$(cat $skipped 2>/dev/null)"

echo "product: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
