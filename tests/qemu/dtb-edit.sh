# tests/qemu/dtb-edit.sh - sourced by the case files that make their own
# DTBs (dtb-cases.sh, hostile-cases.sh, ram-cases.sh): QEMU virt's DTB
# dumped and decompiled, then copies of it changed by a Python expression.
#
# Owns: dtb_dump NAME MACHINE-OPTIONS QEMU-ARGS...: $out/NAME.dtb and
# $out/NAME.dts from `-M virt<MACHINE-OPTIONS>,dumpdtb=...` (options start
# with a comma, or are empty); dtb_edit BASE NAME EXPR: $out/NAME.dts is
# $out/BASE.dts changed by EXPR, a Python expression on the text `s`
# (with re, and the helpers below), compiled to $out/NAME.dtb.
# Helpers for EXPR: mem(REG) s with the /memory@40000000 node's reg
# replaced; node(s, NAME, REG) s with another memory node; rsv(s, TEXT) s
# with a /reserved-memory node holding TEXT; child(NAME, REG[, EXTRA]) the
# text of one reserved-memory child. Needs $out.

dtb_dump() {
	local name=$1 options=$2
	shift 2
	qemu-system-aarch64 -M "virt$options,dumpdtb=$out/$name.dtb" -nodefaults -display none \
		"$@" >/dev/null 2>&1 </dev/null
	dtc -q -I dtb -O dts -o "$out/$name.dts" "$out/$name.dtb"
}

dtb_edit() {
	python3 - "$out/$1.dts" "$out/$2.dts" "$3" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
def mem(reg):
    return re.sub(r"(memory@40000000 \{[^}]*?reg = )<[^>]*>", r"\g<1><" + reg + ">", s)
def node(s, name, reg):
    return s.replace("\tchosen {", "\t%s {\n\t\tdevice_type = \"memory\";\n\t\treg = <%s>;\n\t};\n\n\tchosen {" % (name, reg), 1)
def rsv(s, text):
    return s.replace("\tchosen {", "\treserved-memory {\n\t\t#address-cells = <0x02>;\n\t\t#size-cells = <0x02>;\n\t\tranges;\n" + text + "\t};\n\n\tchosen {", 1)
def child(name, reg, extra=""):
    return "\t\t%s {\n\t\t\treg = <%s>;\n%s\t\t};\n" % (name, reg, extra)
s = eval(sys.argv[3])
open(sys.argv[2], "w").write(s)
PY
	dtc -q -I dts -O dtb -o "$out/$2.dtb" "$out/$2.dts"
}
