#!/bin/bash
# tests/build/geometries.sh - plain `make PAGE_SIZE=... VA_BITS=...` builds
# every artifact in every geometry.
#
# Owns: one check per geometry of mmu/geometry.mk: `make PAGE_SIZE=P
# VA_BITS=V all` (the Image, every board's ELF, the one-Image check,
# U-Boot's artifacts) exits 0; a board the geometry's Image is too big for
# is skipped with its line (build/<geometry>/<board>/skipped), which is
# printed, not failed. Reuses what `make geometries` compiled. Ends with
# "build: N passed, M failed".
set -u
cd "$(dirname "$0")/../.." || exit 1
passed=0 failed=0
for g in $(sed -n 's/^GEOMETRIES *:= *//p' mmu/geometry.mk); do
	page=${g%-*} bits=${g#*-}
	log=build/test-logs/build-$g.log
	mkdir -p build/test-logs
	if make -s --no-print-directory -j"$(nproc)" PAGE_SIZE="$page" VA_BITS="$bits" all \
		>"$log" 2>&1; then
		dir=build/$(echo "$g" | tr K k)
		[ "$g" = "$(sed -n 's/^GEOMETRY_DEFAULT *:= *//p' mmu/geometry.mk)" ] && dir=build
		echo "PASS build: make PAGE_SIZE=$page VA_BITS=$bits$(cat "$dir"/*/skipped 2>/dev/null |
			sed 's/^/; /' | tr -d '\n')"
		passed=$((passed + 1))
	else
		echo "FAIL build: make PAGE_SIZE=$page VA_BITS=$bits (log $log)"
		failed=$((failed + 1))
	fi
done
echo "build: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
