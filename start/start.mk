# start/start.mk - start/'s sources, and the fence around the code that
# runs with the MMU off.
#
# Owns: the list of start/'s sources, split into those that run with the
# MMU on at the link address and those of the MMU-off set (the entry, the
# EL change, the early tables, the vectors and the exception handler, the
# refusals, the UEFI entry: they run at the load address, with the MMU off
# or under the firmware's identity map); the set's own compiler flags; the
# symbols through which the set is left (MMU_OFF_EXITS) or reads link-time
# values (MMU_OFF_LINK_CONSTANTS); and the check of the whole set
# (scripts/check-mmu-off.sh, as Linux's kernel/pi relacheck): no absolute
# relocation, no call outside the set. Every ELF is linked only after it
# passed. Included by the Makefile; mmu/mmu.mk and lib/lib.mk add their
# MMU-off sources to the set.

START_SRCS := main.c bench.c dtb.c console.c cpu_plan.c machine_lines.c ram_input.c boot_options.c acpi.c ram.c options.c verify.c report.c fixup.c smp.c
START_MMU_OFF_SRCS := head.S image_check.S el.S tables.S vectors.S traps.c refuse.c \
	efi/efi.c efi/efi_memmap.c efi/efi_cmdline.c efi/efi_enter.S

SRCS         += $(addprefix start/,$(START_SRCS))
MMU_OFF_SRCS += $(addprefix start/,$(START_MMU_OFF_SRCS))

# With the MMU off every data access is Device-nGnRnE: no unaligned access,
# no SIMD (-mstrict-align; -mgeneral-regs-only is global); and the code
# runs at the load address, not the link address: no table of absolute
# pointers (switch tables, jump tables), only PC-relative addressing; and
# no loop turned into a call of the library's strlen, memset or memcpy
# (-fno-tree-loop-distribute-patterns), which lie outside the set.
MMU_OFF_CFLAGS := -mstrict-align -fno-tree-switch-conversion -fno-jump-tables \
	-fno-tree-loop-distribute-patterns

# Where the set is left, each only after the MMU is on: head.S branches to
# the link address (kernel_main, secondary_main, mmu_finalize from
# __primary_switched / __secondary_switched), traps.c calls the MMU-on
# fix-ups when SCTLR_EL1.M is set.
MMU_OFF_EXITS := kernel_main secondary_main mmu_finalize exception_fixup_mmu_on
# Absolute values the set may hold: link-time constants (the Image and PE
# headers' sizes and offsets), and the link addresses head.S uses only for
# and after the jump to the link address.
MMU_OFF_LINK_CONSTANTS := __image_size __pe_text_size __pe_text_offset __pe_data_size \
	__pe_data_offset __pe_data_vsize __primary_switched __secondary_switched \
	_text __bss_start __bss_end
