/*
 * head.S - image header and every CPU's path from entry to the high half.
 *
 * Owns: the 64-byte Linux arm64 Image header (Documentation/arm64/booting
 * .rst) with the PE/COFF header that also makes the Image a UEFI
 * application (its entry: start/efi/efi.c), the boot CPU's entry sequence (exception level, boot-CPU
 * selection, the refusals that must happen before the MMU, stack, vectors,
 * early tables, MMU on) and the jump to the link (virtual) address; the
 * holding pen; a secondary CPU's entry. This, el.S, tables.S, the one
 * MMU-on function (mmu/hw.c mmu_enable, in .head.text too) and the pure
 * tcr_el1_value() that computes its TCR are all the code that runs with
 * the MMU off on the way up; it reads nothing from
 * the DTB, prints nothing unless it refuses, and writes no memory but the
 * early table entries. Everything before the high half runs at the physical
 * address the loader chose, so it uses only PC-relative addressing.
 * Register use across the boot CPU's sequence (callee-saved, survive C):
 *   x19 = x0 at entry (DTB physical address, or 0)
 *   x20 = exception level at entry (from el_setup)
 *   x21 = physical address of _text
 *   x22 = PMCCNTR_EL0 right after the MMU went on (instructions, under
 *         QEMU -icount: the report's figure)
 *   x23 = TTBR1's root (early_pgd) physical address, then (high half)
 *         kimage_voffset
 *   x24 = 1 when the image lies above what VA_BITS reach: the extended
 *         identity map (own root, T0SZ for IDMAP_EXT_VA_BITS); else 0
 *   x25 = TTBR0's root (early_pgd, or the extended identity's), then its
 *         TTBR value
 *   x26 = a 52-bit build only: 1 when the CPU takes the 52-bit VA (FEAT_LPA2
 *         with 4 and 16 KiB pages, FEAT_LVA with 64 KiB: cpu_has_va52 in
 *         mmu/tcr.c), 0 when it runs VA_BITS_MIN, Linux's fallback. Decided
 *         here once, before the tables; the C code reads it back from
 *         TCR_EL1 (mmu/vabits.h)
 */
#include "memory.h"
#include "pgtable-macros.h"
#include "sysreg.h"
#include "exit.h"
#include "smp.h"

/* Header flags: bit 0 = 0 little-endian, bits 2:1 the page size (1 4 KiB,
 * 2 16 KiB, 3 64 KiB: (PAGE_SHIFT - 10) / 2), bit 3 = 1 the image may be
 * placed anywhere in RAM (a loader then picks a 2 MiB boundary; any 4 KiB
 * one works too: start/tables.S). text_offset 0: one Image for
 * every board (booting.rst: the loader puts it on a 2 MiB boundary). */
#define IMAGE_FLAGS ((0 << 0) | (((PAGE_SHIFT - 10) / 2) << 1) | (1 << 3))

/* The granule's ID_AA64MMFR0_EL1 field, as the refusal names it (D17.2.64:
 * TGran4 and TGran64 say "absent" with 0xf, TGran16 with 0). */
#if PAGE_SHIFT == 12
#define MSG_GRANULE "4 KiB translation granule (ID_AA64MMFR0_EL1.TGran4 = 0xf)"
#elif PAGE_SHIFT == 14
#define MSG_GRANULE "16 KiB translation granule (ID_AA64MMFR0_EL1.TGran16 = 0)"
#else
#define MSG_GRANULE "64 KiB translation granule (ID_AA64MMFR0_EL1.TGran64 = 0xf)"
#endif

/* The headers alone in the first page: a PE loader need not copy more
 * of them than the PE header (U-Boot's does not), so no code is here. */
	.section ".head", "a"
	.global	_head
_head:
	.long	0xfa405a4d			// code0: "MZ" (a UEFI image), as an
						// instruction ccmp x18, #0, #0xd, pl
	b	primary_entry			// code1
	.quad	0				// text_offset
	.quad	__image_size			// image_size: link.ld, _end - _text
	.quad	IMAGE_FLAGS
	.quad	0				// res2
	.quad	0				// res3
	.quad	0				// res4
	.ascii	"ARM\x64"			// magic, at offset 0x38
	.long	pe_header - _head		// res5: the PE header's offset (0x3c)

/*
 * The PE/COFF header (Microsoft PE format; UEFI 2.10, 2.1.1): a PE32+
 * EFI application (subsystem 10) for AArch64 (machine 0xaa64), entry
 * efi_pe_entry, no relocations (the entry is PC-relative code, like the
 * MMU-off code). The headers are this whole first part of the image, up
 * to the page where the code starts (link.ld); two sections follow, file
 * and memory offsets equal (alignment 4 KiB both): .text (.head.text,
 * the code that runs with the MMU off, then the rest of the code and the
 * rodata, read + execute) and .data (data, then the bss as zeros past the
 * file's end, read + write).
 */
	.balign	8
pe_header:
	.ascii	"PE\0\0"
	.short	0xaa64				// Machine: ARM64
	.short	2				// NumberOfSections
	.long	0				// TimeDateStamp
	.long	0				// PointerToSymbolTable
	.long	0				// NumberOfSymbols
	.short	pe_sections - pe_optional	// SizeOfOptionalHeader
	.short	0x0206				// EXECUTABLE_IMAGE | LINE_NUMS_STRIPPED
						// | DEBUG_STRIPPED
pe_optional:
	.short	0x20b				// PE32+
	.byte	0, 0				// linker version
	.long	__pe_text_size			// SizeOfCode
	.long	__pe_data_size			// SizeOfInitializedData
	.long	0				// SizeOfUninitializedData
	.long	efi_pe_entry - _head		// AddressOfEntryPoint
	.long	__pe_text_offset		// BaseOfCode
	.quad	0				// ImageBase
	.long	PAGE_SIZE			// SectionAlignment
	.long	PAGE_SIZE			// FileAlignment
	.short	0, 0, 0, 0, 0, 0		// OS, image, subsystem versions
	.long	0				// Win32VersionValue
	.long	__image_size			// SizeOfImage
	.long	__pe_text_offset		// SizeOfHeaders
	.long	0				// CheckSum
	.short	10				// Subsystem: EFI application
	.short	0				// DllCharacteristics
	.quad	0, 0, 0, 0			// stack and heap reserve/commit
	.long	0				// LoaderFlags
	.long	6				// NumberOfRvaAndSizes
	.quad	0, 0, 0, 0, 0, 0		// data directories: none (no .reloc)
pe_sections:
	.ascii	".text\0\0\0"
	.long	__pe_text_size			// VirtualSize
	.long	__pe_text_offset		// VirtualAddress
	.long	__pe_text_size			// SizeOfRawData
	.long	__pe_text_offset		// PointerToRawData
	.long	0, 0				// relocations, line numbers
	.short	0, 0
	.long	0x60000020			// CODE | MEM_EXECUTE | MEM_READ
	.ascii	".data\0\0\0"
	.long	__pe_data_vsize			// VirtualSize (with the bss)
	.long	__pe_data_offset		// VirtualAddress
	.long	__pe_data_size			// SizeOfRawData
	.long	__pe_data_offset		// PointerToRawData
	.long	0, 0
	.short	0, 0
	.long	0xc0000040			// INITIALIZED_DATA | MEM_READ | MEM_WRITE

	.section ".head.text", "ax"

	.global	primary_entry
primary_entry:
	mov	x19, x0
	bl	el_setup			// -> EL1h, DAIF masked; w20 = entry EL
	pmu_or_branch x0, 1f			// no PMUv3: no counts (report.c says so)
	mov	x0, #7				// PMCR_EL0.E|P|C: count from here
	msr	pmcr_el0, x0			// (instructions under QEMU -icount,
	mov	x0, #(1 << 31)			// for the report's figure)
	msr	pmcntenset_el0, x0
1:
	adr	x21, _text			// exact: adrp would round to a page
	/* The first vectors (image_check.S): they survive semihosting
	 * without a debugger. 2 KiB aligned only where the load is. */
	adr	x0, early_vectors
	tst	x0, #0x7ff
	b.ne	1f
	msr	vbar_el1, x0
	isb
1:	tst	x21, #(PAGE_SIZE - 1)
	b.ne	refuse_misaligned		// adrp (all C code) would be wrong
	/* Entered at EL3 no firmware holds the other CPUs back: QEMU starts
	 * every core of an ELF here. The one whose affinity is 0.0.0.0 boots,
	 * the others wait in the pen. Below EL3 the firmware started only the
	 * boot CPU, whatever its MPIDR (booting.rst). */
	cmp	w20, #3
	b.ne	1f
	mrs	x0, mpidr_el1
	ldr	x1, =MPIDR_HWID_MASK
	ands	x0, x0, x1
	b.ne	secondary_pen
1:	bl	image_check			// whole, in writable RAM, or refused
					// (the boot CPU alone: it writes)

	adrp	x0, boot_stack_top		// for C; nothing below writes it
	mov	sp, x0
	adrp	x0, vectors			// exceptions are reported from here on
	add	x0, x0, :lo12:vectors
	msr	vbar_el1, x0
	isb

#if VA_BITS > VA_BITS_MIN
	/* The 52-bit VA, or the fallback (VA_BITS_MIN): the tables' format
	 * and the TCR follow from it. A fallback's TTBR0 reaches 2^48, all a
	 * CPU without the feature addresses but FEAT_LPA's 52-bit PAs with
	 * 64 KiB pages and no FEAT_LVA: an image there is refused. */
	mrs	x0, id_aa64mmfr0_el1
	mrs	x1, id_aa64mmfr2_el1
	bl	cpu_has_va52			// C, pure: x0 = 1 or 0
	mov	x26, x0
	cbnz	x26, 1f
	ldr	x1, =__image_size
	add	x1, x21, x1
	mov	x0, #(1 << IDMAP_VA_BITS_MIN)
	cmp	x1, x0
	b.hi	refuse_above_va_min
1:
#endif
	/* What the early map cannot do is refused before it is built. An
	 * image above what VA_BITS reach gets the extended identity map
	 * (x24 = 1): TTBR0's own root and T0SZ for IDMAP_EXT_VA_BITS. */
	ldr	x1, =__image_size
	add	x1, x21, x1			// the image's end
	mov	x24, #0
	mov	x0, #IDMAP_VA_LIMIT
	cmp	x1, x0
	b.ls	1f
	mov	x24, #1
	mov	x0, #(1 << IDMAP_EXT_VA_BITS)
	cmp	x1, x0
	b.hi	refuse_above_idmap		// beyond even the extended one
1:
#if PGTABLE_LEVELS == 2
	cbz	x24, 2f				// 2 levels: the blocks in the root, all of it
#endif
	sub	x1, x1, #1
	eor	x0, x1, x21
	lsr	x0, x0, #(SWAPPER_BLOCK_SHIFT + PTE_INDEX_BITS)
	cbnz	x0, refuse_straddle		// the identity has one table of blocks
2:	cbnz	x24, 1f				// own roots: no shared slot
	tst	x21, #(SWAPPER_BLOCK_SIZE - 1)
	b.eq	1f
	lsr	x0, x21, #SWAPPER_BLOCK_SHIFT	// not block aligned, in the block
	mov	x1, #KIMAGE_BLOCK_INDEX		// whose entry (shared root) the link
	cmp	x0, x1				// address's level-3 table needs
	b.eq	refuse_shared_slot
1:	mrs	x1, id_aa64mmfr0_el1
	ubfx	x0, x1, #ID_AA64MMFR0_TGRAN_SHIFT, #4	// the build's granule
	cmp	x0, #ID_AA64MMFR0_TGRAN_NI
	b.eq	refuse_no_granule

	bl	__create_page_tables		// x0 = TTBR0's root, x1 = TTBR1's
	phys_to_ttbr x25, x0
	phys_to_ttbr x23, x1
	mrs	x0, id_aa64mmfr0_el1
	bl	tcr_el1_value			// C, pure: x0 = TCR_EL1
#if VA_BITS > VA_BITS_MIN
	cbz	x26, 1f
	mrs	x1, id_aa64mmfr0_el1
	bl	tcr_el1_va52			// C, pure: 52-bit T0SZ, T1SZ (DS, IPS)
1:
#endif
	cbz	x24, 1f
	mov	x1, #TCR_TxSZ(IDMAP_EXT_VA_BITS)	// the extended identity's T0SZ
	bfi	x0, x1, #TCR_T0SZ_SHIFT, #6
1:	mov	x2, x0
	mov	x0, x25				// the same root for both, or TTBR0's own
	mov	x1, x23
	bl	mmu_enable			// C; returns with the MMU on
	mov	x22, #0
	pmu_or_branch x0, 1f
	mrs	x22, pmccntr_el0
1:
	ldr	x8, =__primary_switched		// link address: TTBR1 from here on
	br	x8
	.ltorg

/*
 * Refusals with the MMU off: x0 = exit status, x1 = what (PC-relative, so
 * physical), x2 = the value it concerns, x3 = the DTB (x19: its console
 * and PSCI conduit are looked up, slowly, on this path only), x4 = the
 * entry EL; start/refuse.c says it and exits. Each sets x0-x2 and ends
 * in refuse_with_dtb, which adds x3 and x4.
 */
refuse_straddle:
	mov	x0, #EXIT_BAD_LOAD
	adr	x1, msg_straddle
	mov	x2, x21
	b	refuse_with_dtb
refuse_shared_slot:
	mov	x0, #EXIT_BAD_LOAD
	adr	x1, msg_shared_slot
	mov	x2, x21
	b	refuse_with_dtb
refuse_above_idmap:
	mov	x0, #EXIT_BAD_LOAD
	adr	x1, msg_above_idmap
	mov	x2, x21
	b	refuse_with_dtb
#if VA_BITS > VA_BITS_MIN
refuse_above_va_min:
	mov	x0, #EXIT_BAD_LOAD
	adr	x1, msg_above_va_min
	mov	x2, x21
	b	refuse_with_dtb
#endif
refuse_no_granule:
	mov	x0, #EXIT_UNSUPPORTED_CPU
	adr	x1, msg_no_granule
	mrs	x2, id_aa64mmfr0_el1
refuse_with_dtb:
	mov	x3, x19
	mov	x4, x20
	b	early_refuse
refuse_dtb_in_image:
	mov	x0, #EXIT_BAD_DTB
	adr	x1, msg_dtb_in_image
	mov	x2, x19
	mov	x3, #0				// with the MMU on: no UART mapped
	mov	x4, x20
	b	early_refuse

msg_straddle:
	.asciz	"the image crosses a " EARLY_BLOCK_TABLE_SPAN_NAME " boundary (the early identity map has one level-2 table); load pa "
msg_shared_slot:
	.asciz	"load address in the first " SWAPPER_BLOCK_NAME " of physical " KIMAGE_PA_ALIAS_NAME " but not " SWAPPER_BLOCK_NAME " aligned: its identity block and the link address's level-3 table need the same level-2 entry; load pa "
msg_above_idmap:
	.asciz	"image above the " STR(IDMAP_EXT_VA_BITS) "-bit range the extended identity map reaches (TTBR0, T0SZ = 64 - " STR(IDMAP_EXT_VA_BITS) "); load pa "
#if VA_BITS > VA_BITS_MIN
msg_above_va_min:
	.asciz	"image above 2^48, the identity map's reach on a CPU without " VA52_FEATURE_NAME " (52-bit VAs); load pa "
#endif
msg_dtb_in_image:
	.asciz	"the DTB lies inside the image (image_size in its header; the bss is cleared over it); x0 = "
msg_no_granule:
	.ascii	"this CPU has no "
	.ascii	MSG_GRANULE
	.asciz	"; ID_AA64MMFR0_EL1 = "
	.balign	4

/*
 * The holding pen: a CPU other than the boot CPU that runs the image from
 * its entry at EL3 waits here, MMU off, until pen_release names its MPIDR
 * (x0: its affinity fields) with an address to jump to (smp.c writes
 * entry then MPIDR, cleans them to the point of coherency, sends SEV; one
 * CPU at a time). Corrupts x1-x3.
 */
secondary_pen:
	adrp	x2, pen_release
	add	x2, x2, :lo12:pen_release
1:	wfe
	ldp	x1, x3, [x2]			// PEN_MPIDR, PEN_ENTRY
	cmp	x1, x0
	b.ne	1b
	br	x3

/*
 * secondary_entry: where a secondary CPU starts (PSCI CPU_ON, the pen, a
 * spin table), at its physical address, MMU off, at any EL. It reaches EL1
 * and turns its MMU on through the same mmu_enable as the boot CPU, with
 * the values the boot CPU left in secondary_boot_args (cleaned to the PoC),
 * then continues at the link address. Writes no memory with the MMU off.
 */
	.global	secondary_entry
secondary_entry:
	bl	el_setup
/* CPUs from the holding pen come in here: at EL1 already, w20 = their EL
 * at entry. */
	.global	secondary_el1
secondary_el1:
	adrp	x0, vectors			// faults from here on are reported
	add	x0, x0, :lo12:vectors
	msr	vbar_el1, x0
	isb
	adrp	x3, secondary_boot_args		// one CPU starts at a time
	add	x3, x3, :lo12:secondary_boot_args
	ldr	x19, [x3, #SBA_CPU]		// its logical number (smp.c)
	ldr	x21, [x3, #SBA_STACK_TOP]	// its stack's top, a VA of the final map
	ldp	x0, x1, [x3, #SBA_TTBR0]
	ldr	x2, [x3, #SBA_TCR]
	bl	mmu_enable			// C, no stack; returns with the MMU on
	ldr	x8, =__secondary_switched
	br	x8
	.ltorg

	.text
/* Running at the link address now; sp and VBAR still hold physical values.
 * The bss is cleared here, with the caches on. */
	.global	__primary_switched		// named in the fence's constants
__primary_switched:
	ldr	x0, =_text
	sub	x23, x0, x21			// kimage_voffset = VA - PA of _text
	mov	x1, sp
	add	sp, x1, x23
	adr	x0, vectors
	msr	vbar_el1, x0
	isb
	/* A DTB inside the image would be cleared with the bss: refused. */
	sub	x0, x19, x21
	ldr	x1, =__image_size
	cmp	x0, x1
	b.lo	refuse_dtb_in_image
	ldr	x0, =__bss_start		// 16-byte aligned (link.ld)
	ldr	x1, =__bss_end
1:	cmp	x0, x1				// not memset: picolibc's goes
	b.hs	2f				// byte by byte
	stp	xzr, xzr, [x0], #16
	b	1b
2:
	mov	x0, x19				// DTB (physical), or 0
	mov	w1, w20				// entry EL
	mov	x2, x21				// physical _text
	mov	x3, x22				// PMCCNTR_EL0 at MMU on
	bl	kernel_main			// does not return
	b	.

/* A secondary at the link address: stack and vectors by VA, then the same
 * final switch as the boot CPU (mmu_finalize: TTBR0 closed, WXN), then C. */
	.global	__secondary_switched
__secondary_switched:
	mov	sp, x21
	adr	x0, vectors
	msr	vbar_el1, x0
	isb
	bl	mmu_finalize
	mov	x0, x19
	mov	w1, w20				// the EL it entered at (el_setup)
	bl	secondary_main			// does not return
	b	.
	.ltorg
