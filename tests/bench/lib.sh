# tests/bench/lib.sh - helpers shared by bench.sh and selftest.sh (sourced).
#
# Owns: the QEMU command line of every measured run (and its variants: RAM,
# CPUs, extra options), running it (twice, compared), reading the plugin's
# output (first hits; every= hits paired into spans), symbol and call-site
# look-ups, QEMU's load-address rule for an arm64 Image, fetching Debian's
# Linux Image once, and the wall-clock pairs against QEMU's launch floor.
# Expects: $out (output folder) and $plugin (the plugin .so) set by the caller.

CROSS_COMPILE=${CROSS_COMPILE:-aarch64-linux-gnu-}
NM=${CROSS_COMPILE}nm
OBJDUMP=${CROSS_COMPILE}objdump
QEMU=${QEMU:-qemu-system-aarch64}
# The plugin built for the API this QEMU loads (tests/tests.mk: 7.2 API 1, 10.0 API 2).
BENCH_PLUGIN=build/bench/insn_plugin-api$(scripts/qemu-version.sh "$QEMU" plugin-api).so
# Deterministic: one insn = one virtual ns, and no random DTB nodes.
QEMU_ARGS=(-M virt,dtb-randomness=off -cpu cortex-a53 -m 128M -smp 1 -nodefaults -nographic
	   -semihosting -icount shift=0,sleep=off -rtc clock=vm,base=2020-01-01)
RAM_BASE=0x40000000          # QEMU virt
HIGH_HALF=0x8000000000000000 # above= marker: the first insn at a TTBR1 address
QEMU_EXTRA=()                # more options for the next runs (with_qemu)
RUN_TIMEOUT=${RUN_TIMEOUT:-60}
LINUX_DIR=build/linux

die() { echo "bench: $*" >&2; exit 1; }
hex() { printf '0x%x' "$1"; }

# sym_va FILE SYM: the address of SYM in an ELF (nm) or a System.map; empty if absent.
sym_va() {
	case $1 in
	*System.map*) awk -v s="$2" '$3 == s && !f++ { print "0x" $1 }' "$1" ;;
	*) $NM "$1" | awk -v s="$2" '$3 == s && !f++ { print "0x" $1 }' ;;
	esac
}
map_va() { sym_va "$@"; }
# map_next_va MAP VA: the next higher symbol address (where a function ends).
map_next_va() {
	awk -v a="${2#0x}" '!f && ($1 "") > (a "") { print "0x" $1; f = 1 }' "$1"
}

# stub_mmu_on ELF: sets mmu_on_va to the link address of the instruction that
# turns the MMU on ($MMU_ON_SYM, else the one msr sctlr_el1 inside
# $MMU_ON_FALLBACK_FN; empty if neither) and mmu_on_note to how it was found.
stub_mmu_on() {
	local msrs
	mmu_on_va=$(sym_va "$1" "$MMU_ON_SYM")
	if [ -n "$mmu_on_va" ]; then
		mmu_on_note="stub MMU on: the instruction at $MMU_ON_SYM"
		return
	fi
	if [ -z "$(sym_va "$1" "$MMU_ON_FALLBACK_FN")" ]; then
		mmu_on_note="n/a: stub MMU on: neither $MMU_ON_SYM nor $MMU_ON_FALLBACK_FN in the ELF"
		return
	fi
	msrs=$($OBJDUMP -d --disassemble="$MMU_ON_FALLBACK_FN" "$1" |
		awk '/\tmsr\tsctlr_el1,/ { sub(":", "", $1); print "0x" $1 }')
	case $(wc -w <<<"$msrs") in
	1) mmu_on_va=$msrs
	   mmu_on_note="stub MMU on: $MMU_ON_SYM not in the ELF; used the msr sctlr_el1 in $MMU_ON_FALLBACK_FN() at $msrs" ;;
	0) mmu_on_note="n/a: stub MMU on: $MMU_ON_SYM not in the ELF and no msr sctlr_el1 in $MMU_ON_FALLBACK_FN()" ;;
	*) mmu_on_note="n/a: stub MMU on: $MMU_ON_SYM not in the ELF and several msr sctlr_el1 in $MMU_ON_FALLBACK_FN(): label the one that turns the MMU on" ;;
	esac
}

# qemu_load_pa IMAGE: where QEMU 7.2's -kernel puts an arm64 Image
# (hw/arm/boot.c load_aarch64_image): RAM + text_offset when image_size is
# set, moved up 2 MiB when that would overlap QEMU's 4 KiB boot code; RAM +
# 0x80000 otherwise. The run checks the entry is really executed there.
qemu_load_pa() {
	local magic text_off img_size off
	magic=$(od -An -c -j 56 -N 4 "$1" | tr -d ' ')
	[ "$magic" = 'ARMd' ] || die "$1 is not an arm64 Image (no ARM\\x64 magic)"
	read -r text_off img_size < <(od -An -t u8 -j 8 -N 16 "$1")
	if [ "$img_size" -ne 0 ]; then
		off=$text_off
		[ "$off" -lt 4096 ] && off=$((off + 0x200000))
	else
		off=0x80000
	fi
	hex $((RAM_BASE + off))
}

# shell_words ARG...: the arguments as a command line to paste (quoted only where needed).
shell_words() {
	local a sep=""
	for a; do
		if [[ $a =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then printf '%s%s' "$sep" "$a"
		else printf '%s%q' "$sep" "$a"; fi
		sep=" "
	done
}

# qemu_run TAG KERNEL APPEND PLUGIN_ARGS: console in $out/TAG.serial, the
# plugin's lines in $out/TAG.plugin (no plugin when PLUGIN_ARGS is empty).
qemu_run() {
	local tag=$1 kernel=$2 append=$3 plug=$4 rc=0
	local cmd=("$QEMU" "${QEMU_ARGS[@]}" "${QEMU_EXTRA[@]}" -kernel "$kernel"
		   -serial "file:$out/$tag.serial")
	[ -n "$append" ] && cmd+=(-append "$append")
	[ -n "$plug" ] && cmd+=(-plugin "$plugin,$plug" -d plugin -D "$out/$tag.plugin")
	rm -f "$out/$tag.serial" "$out/$tag.plugin"
	[[ $tag == *.again ]] || echo "$tag: timeout $RUN_TIMEOUT $(shell_words "${cmd[@]}") </dev/null" >>"${commands_file:-$out/commands.txt}"
	timeout "$RUN_TIMEOUT" "${cmd[@]}" </dev/null >"$out/$tag.stdout" 2>&1 || rc=$?
	[ "$rc" -eq 0 ] || die "$tag: QEMU exited with status $rc (124 = timeout after ${RUN_TIMEOUT}s); see $out/$tag.stdout and $out/$tag.serial"
	[ -z "$plug" ] || [ -s "$out/$tag.plugin" ] || die "$tag: the plugin printed nothing; see $out/$tag.stdout"
}

# with_qemu MEM CPUS [OPTION...] -- COMMAND...: COMMAND with QEMU_ARGS' -m and
# -smp set to MEM and CPUS and the options added; both restored after. A
# size other than 128M comes from a backend that reserves no host memory
# (the guest touches little of it).
with_qemu() {
	local mem=$1 cpus=$2 saved=("${QEMU_ARGS[@]}") i
	shift 2
	QEMU_EXTRA=()
	while [ "$1" != -- ]; do QEMU_EXTRA+=("$1"); shift; done
	shift
	for ((i = 0; i < ${#QEMU_ARGS[@]}; i++)); do
		case ${QEMU_ARGS[i]} in
		-m) QEMU_ARGS[i + 1]=$mem ;;
		-smp) QEMU_ARGS[i + 1]=$cpus ;;
		esac
	done
	[ "$mem" = 128M ] || QEMU_EXTRA+=(-object "memory-backend-ram,id=ram0,size=$mem,reserve=off"
					  -machine memory-backend=ram0)
	"$@"
	QEMU_ARGS=("${saved[@]}") QEMU_EXTRA=()
}

# run_twice TAG ...: qemu_run twice; refuse results that differ.
run_twice() {
	local tag=$1 f
	shift
	qemu_run "$tag.again" "$@"
	qemu_run "$tag" "$@"
	for f in plugin serial; do
		[ -f "$out/$tag.$f" ] || continue
		cmp -s "$out/$tag.$f" "$out/$tag.again.$f" && continue
		diff "$out/$tag.$f" "$out/$tag.again.$f" | head -20 >&2 || true
		die "$tag: two identical runs differ in their $f output; no figure is printed"
	done
}

# mark_count FILE NAME: the count the plugin recorded for marker NAME (empty if never hit).
mark_count() { awk -v n="$2" '$1 == "mark" && $2 == n && $4 != "-" { print $4 }' "$1"; }
# spans FILE FROM TO [AFTER]: the every= hits FROM and TO paired (each TO
# with the FROM before it), one line per span: its first instruction's
# count and its length, both ends included; only spans that start after
# count AFTER.
spans() {
	awk -v f="$2" -v t="$3" -v after="${4:-0}" '
		$1 == "hit" && $2 == f { start = $3; open_ = 1 }
		$1 == "hit" && $2 == t && open_ { if (start > after) print start, $3 + 1 - start; open_ = 0 }' "$1"
}
# span_sum FILE FROM TO LO HI: the lengths of the spans FROM..TO that start
# between counts LO and HI, summed, and how many: "SUM N".
span_sum() {
	spans "$1" "$2" "$3" "$4" | awk -v hi="$5" '$1 < hi { s += $2; n++ } END { print s + 0, n + 0 }'
}
# median: of the numbers on stdin, one a line (the lower middle); empty if none.
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
# hit_addr TAG NAME: where marker NAME was hit.
hit_addr() { awk -v n="$2" '$1 == "mark" && $2 == n { print $3 }' "$out/$1.plugin"; }

# first_capture ERE FILE: group 1 of the first line of FILE that matches ERE
# (bash's matcher: the match starts at its leftmost place, so a leading
# number is captured whole, unlike with sed 's/.*(...)/').
first_capture() {
	local line re=$1
	while IFS= read -r line; do
		if [[ $line =~ $re ]]; then echo "${BASH_REMATCH[1]}"; return; fi
	done < <(tr -d '\r' <"$2")
}

# group N: 1234567 -> 1,234,567; empty -> n/a.
group() {
	[ -n "$1" ] || { echo n/a; return; }
	sed -E ':a; s/^([0-9]+)([0-9]{3})/\1,\2/; ta' <<<"$1"
}
# ratio A B: A / B when both are counts.
ratio() {
	local a=${1//,/} b=${2//,/}
	[[ $a =~ ^[0-9]+$ && $b =~ ^[1-9][0-9]*$ ]] || return 0
	awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3g", a / b }'
}
kib() {
	awk -v n="$1" 'BEGIN { if (n >= 1048576) printf "%.1f MiB", n / 1048576; else printf "%.1f KiB", n / 1024 }'
}

# return_site ELF FUNC [CALLER]: the address after the one call of FUNC (in
# CALLER, else anywhere in ELF): where that call returns. Empty unless
# there is exactly one such call.
return_site() {
	local sites
	sites=$($OBJDUMP -d ${3:+--disassemble="$3"} "$1" |
		awk -v f="<$2>" '$3 == "bl" && $NF == f { sub(":", "", $1); print $1 }')
	[ "$(wc -w <<<"$sites")" = 1 ] && hex $((0x$sites + 4))
}
# insns_in ELF FUNC MNEMONIC: the addresses of every MNEMONIC in FUNC.
insns_in() {
	$OBJDUMP -d --disassemble="$2" "$1" | awk -v m="$3" '$3 == m { sub(":", "", $1); print "0x" $1 }'
}
# insn_in ELF FUNC MNEMONIC: the address of the one MNEMONIC in FUNC.
insn_in() {
	local a
	a=$(insns_in "$@")
	[ "$(wc -w <<<"$a")" = 1 ] && echo "$a"
}
# linux_disasm FROM_VA TO_VA: the Image's instructions in [FROM, TO), by VA.
linux_disasm() {
	local text
	text=$(map_va "$linux_map" _text)
	$OBJDUMP -D -b binary -m aarch64 --adjust-vma="$text" --start-address=$(($1)) \
		--stop-address=$(($2)) "$linux_image"
}
# linux_return_site FUNC CALLER: as return_site, in the Image by System.map.
linux_return_site() {
	local f c sites
	f=$(map_va "$linux_map" "$1") c=$(map_va "$linux_map" "$2")
	[ -n "$f" ] && [ -n "$c" ] || return 0
	sites=$(linux_disasm "$c" "$(map_next_va "$linux_map" "$c")" |
		awk -v f="$f" '$3 == "bl" && ($4 "") == (f "") { sub(":", "", $1); print $1 }')
	[ "$(wc -w <<<"$sites")" = 1 ] && hex $((0x$sites + 4))
}
# linux_insn_in FUNC MNEMONIC: as insn_in, in the Image.
linux_insn_in() {
	local f a
	f=$(map_va "$linux_map" "$1")
	[ -n "$f" ] || return 0
	a=$(linux_disasm "$f" "$(map_next_va "$linux_map" "$f")" |
		awk -v m="$2" '$3 == m { sub(":", "", $1); print $1 }')
	[ "$(wc -w <<<"$a")" = 1 ] && hex $((0x$a))
}

# wall_ratio PAIRS KERNEL FLOOR: the median wall time of PAIRS runs of
# KERNEL over that of FLOOR, run in pairs (FLOOR, then KERNEL) under the
# current QEMU_ARGS; machine-dependent, never compared between runs.
wall_ratio() {
	local i t0 t1 t2
	: >"$out/wall.floor" && : >"$out/wall.kernel"
	for ((i = 0; i < $1; i++)); do
		t0=$(date +%s%N)
		timeout "$RUN_TIMEOUT" "$QEMU" "${QEMU_ARGS[@]}" -kernel "$3" -serial null </dev/null \
			>/dev/null 2>&1 || die "the launch floor $3 did not exit 0"
		t1=$(date +%s%N)
		timeout "$RUN_TIMEOUT" "$QEMU" "${QEMU_ARGS[@]}" -kernel "$2" -serial null </dev/null \
			>/dev/null 2>&1 || die "$2 did not exit 0 (wall-clock run)"
		t2=$(date +%s%N)
		echo $((t1 - t0)) >>"$out/wall.floor" && echo $((t2 - t1)) >>"$out/wall.kernel"
	done
	awk -v k="$(median <"$out/wall.kernel")" -v f="$(median <"$out/wall.floor")" \
		'BEGIN { printf "%.2f", k / f }'
}

# linux_fetch: sets linux_image and linux_map, fetching them once into
# $LINUX_DIR (never installed: apt-get download + dpkg -x).
linux_fetch() {
	local sudo="" dep base pkg ver deb
	if [ -f "$LINUX_DIR/PACKAGE" ]; then
		read -r pkg ver <"$LINUX_DIR/PACKAGE"
	else
		[ "$(id -u)" -eq 0 ] || sudo=sudo
		grep -qx arm64 <<<"$(dpkg --print-foreign-architectures)" ||
			{ $sudo dpkg --add-architecture arm64 && $sudo apt-get update -q; }
		dep=$(apt-cache depends linux-image-arm64:arm64 2>/dev/null |
			sed -n 's/^ *Depends: \(linux-image-[^ ]*\)$/\1/p' | head -1)
		if [ -z "$dep" ]; then
			$sudo apt-get update -q >/dev/null
			dep=$(apt-cache depends linux-image-arm64:arm64 2>/dev/null |
				sed -n 's/^ *Depends: \(linux-image-[^ ]*\)$/\1/p' | head -1)
		fi
		[ -n "$dep" ] || die "apt-cache finds no linux-image-arm64:arm64 dependency"
		base=${dep%:arm64}
		base=${base%-unsigned}
		# The signed package wraps the same kernel; the -unsigned one is the build's own.
		pkg=$base
		apt-cache show "$base-unsigned:arm64" >/dev/null 2>&1 && pkg=$base-unsigned
		echo "bench: fetching $pkg:arm64 and the System.map of $base-dbg:arm64 into $LINUX_DIR (once)" >&2
		rm -rf "$LINUX_DIR"
		mkdir -p "$LINUX_DIR/deb"
		(cd "$LINUX_DIR/deb" && apt-get download "$pkg:arm64" "$base-dbg:arm64") >"$LINUX_DIR/apt.log" 2>&1 ||
			die "apt-get download $pkg:arm64 $base-dbg:arm64 failed; see $LINUX_DIR/apt.log"
		deb=$(ls "$LINUX_DIR"/deb/"$pkg"_*.deb)
		ver=${base#linux-image-}
		dpkg -x "$deb" "$LINUX_DIR/root"
		# The package's System.map is a placeholder ("the real System.map is in
		# the -dbg package"). It is the dbg package's first file: stream 800 MB
		# of .deb and stop at it, instead of unpacking 5 GB.
		dpkg-deb --fsys-tarfile "$LINUX_DIR"/deb/"$base"-dbg_*.deb 2>/dev/null |
			tar -xO --occurrence=1 "./usr/lib/debug/boot/System.map-$ver" >"$LINUX_DIR/System.map-$ver" || true
		[ "$(dpkg-deb -f "$deb" Version)" = "$(dpkg-deb -f "$LINUX_DIR"/deb/"$base"-dbg_*.deb Version)" ] ||
			die "$pkg and $base-dbg have different versions"
		rm -rf "$LINUX_DIR/deb"
		echo "$pkg $ver" >"$LINUX_DIR/PACKAGE"
	fi
	linux_image=$LINUX_DIR/root/boot/vmlinuz-$ver
	linux_map=$LINUX_DIR/System.map-$ver
	[ -f "$linux_image" ] || die "no $linux_image (rm -rf $LINUX_DIR to fetch again)"
	[ -n "$(sym_va "$linux_map" _text)" ] || die "$linux_map has no _text (rm -rf $LINUX_DIR to fetch again)"
}
