#!/bin/bash
# tests/readme-check.sh - every product file has its row in tests/README.md.
#
# Owns: the list of product files (what git tracks under start/, mmu/, lib/,
# board/ and scripts/, and link.ld and the Makefile, less documentation:
# *.md; outside a git work tree, the same paths on disk) and one check per
# file: its path appears, as a whole path, in a row of tests/README.md's
# table (a line starting with '|'), which names the tests that exercise it.
# Paths the table names that are no product file (renamed, removed) are
# listed as notes, so that the map does not rot the other way either.
# Prints a FAIL line per product file the table lacks, then exactly one line
# "readme: N passed, M failed". Exit status 0 iff M = 0.
# usage: tests/readme-check.sh   (from the repository root)
set -u
readme=tests/README.md
roots=(start mmu lib board scripts link.ld Makefile)
passed=0 failed=0

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	files=$(git ls-files -- "${roots[@]}")
else
	files=$(find "${roots[@]}" -type f 2>/dev/null | sort)
fi
files=$(grep -v '\.md$' <<<"$files" | grep -v '^$')
[ -n "$files" ] || { echo "FAIL readme: no product files found"; echo "readme: 0 passed, 1 failed"; exit 1; }
[ -f "$readme" ] || { echo "FAIL readme: $readme missing"; echo "readme: 0 passed, 1 failed"; exit 1; }

# The table's rows, and every path-like word in them (a path is bounded by
# anything that cannot be part of one).
rows=$(grep '^|' "$readme")
words=$(grep -oE '[A-Za-z0-9_./-]+' <<<"$rows" | sed 's/\.*$//' | sort -u)

while read -r file; do
	if grep -qxF -- "$file" <<<"$words"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL readme: $file is in no row of $readme (add it with the tests that exercise it)"
	fi
done <<<"$files"

# Notes: product-looking paths in the table that are not product files.
while read -r word; do
	case $word in
	start/*|mmu/*|lib/*|board/*|scripts/*) ;;
	*) continue ;;
	esac
	grep -qxF -- "$word" <<<"$files" || [ -d "$word" ] ||
		echo "note readme: $readme names $word, which is no product file (renamed or removed?)"
done <<<"$words"

echo "readme: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
