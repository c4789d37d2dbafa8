/*
 * head.S - image header and the boot CPU's path from entry to the high half.
 *
 * Owns: the 64-byte Linux arm64 Image header (Documentation/arm64/booting
 * .rst), the entry sequence (exception level, boot-CPU selection, stack, bss,
 * vectors, tables, MMU on) and the jump to the link (virtual) address.
 * Everything before __primary_switched runs at the physical address the
 * loader chose, so it uses only PC-relative addressing (adr/adrp).
 * Register use across the sequence (callee-saved, survive C calls):
 *   x19 = x0 at entry (DTB physical address, or 0)
 *   x20 = exception level at entry (from el_setup)
 *   x21 = physical address of _text
 */
#include "memory.h"
#include "sysreg.h"
#include "board.h"
#include "bench.h"
#include "exit.h"
#include "smp.h"

/* Header flags: bit 0 = 0 little-endian, bits 2:1 = 1 4 KiB pages,
 * bit 3 = 1 the image may be placed anywhere in RAM (2 MiB aligned). */
#define IMAGE_FLAGS ((0 << 0) | (1 << 1) | (1 << 3))

	.section ".head.text", "ax"
	.global	_head
_head:
	b	primary_entry			// code0
	.long	0				// code1
	.quad	BOARD_TEXT_OFFSET		// text_offset
	.quad	__image_size			// image_size: link.ld, _end - _text
	.quad	IMAGE_FLAGS
	.quad	0				// res2
	.quad	0				// res3
	.quad	0				// res4
	.ascii	"ARM\x64"			// magic, at offset 0x38
	.long	0				// res5 (no PE header)

	.global	primary_entry
primary_entry:
	mov	x19, x0
	bl	el_setup			// -> EL1h, DAIF masked; w20 = entry EL
	bl	pmu_start			// deterministic counts for make bench
	adr	x21, _text			// exact: adrp would round to a page
	tst	x21, #(PAGE_SIZE - 1)
	b.ne	misaligned_load			// adrp (all C code) would be wrong
	mrs	x0, mpidr_el1
	ldr	x1, =MPIDR_HWID_MASK
	and	x0, x0, x1
	cmp	x0, #BOARD_BOOT_CPU_MPIDR
	b.ne	secondary_pen

	adrp	x0, boot_stack_top
	mov	sp, x0
	adrp	x0, vectors			// exceptions are reported from here on
	add	x0, x0, :lo12:vectors
	msr	vbar_el1, x0
	isb

	adrp	x0, __bss_start			// 16-byte aligned (link.ld)
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:
	mov	x0, x19
	mov	w1, w20
	mov	x2, x21
	bl	early_init			// C, MMU off: DTB, RAM, CPU checks
	bl	__create_page_tables
	mov	x0, #BENCH_TABLES_BUILT
	bl	bench_mark
	adrp	x0, idmap_pg_dir
	adrp	x1, init_pg_dir
	bl	mmu_enable			// C, identity map; returns with MMU on
	mov	x0, #BENCH_MMU_ON
	bl	bench_mark
	ldr	x8, =__primary_switched		// link address: TTBR1 from here on
	br	x8
	.ltorg

/*
 * The image is not even 4 KiB aligned: every adrp, so all C code and the
 * console, would use wrong addresses. Say so through semihosting (QEMU
 * -semihosting: message, then exit status EXIT_BAD_LOAD); without it, stop
 * here, where a debugger finds this label.
 */
misaligned_load:
	mov	x0, #SEMIHOSTING_SYS_WRITE0
	adr	x1, misaligned_msg
	hlt	#0xf000
	adr	x1, misaligned_exit_block
	mov	x0, #SEMIHOSTING_SYS_EXIT_EXTENDED
	hlt	#0xf000
misaligned_load_park:
	wfe
	b	misaligned_load_park
	.balign	8
misaligned_exit_block:
	.quad	ADP_Stopped_ApplicationExit, EXIT_BAD_LOAD
misaligned_msg:
	.asciz	"stub: FATAL: load address not 4 KiB aligned (needs 2 MiB); cannot run\n"
	.balign	4

/*
 * The holding pen: a CPU other than the boot CPU that runs the image from
 * its entry (QEMU starts every core of an ELF when there is no PSCI) waits
 * here, MMU off, until pen_release[its Aff0] holds an address to jump to
 * (smp.c writes it, cleans it to the point of coherency, and sends SEV).
 * A CPU beyond NR_CPUS waits for ever. Corrupts x0-x3.
 */
secondary_pen:
	and	x1, x0, #0xff			// Aff0: the CPU's index
	cmp	x1, #NR_CPUS
	b.hs	2f
	adrp	x2, pen_release
	add	x2, x2, :lo12:pen_release
1:	wfe
	ldr	x3, [x2, x1, lsl #3]
	cbz	x3, 1b
	br	x3
2:	wfe
	b	2b

/*
 * secondary_entry: where a secondary CPU starts (PSCI CPU_ON, the pen, a
 * spin table), at its physical address, MMU off, at any EL. It reaches EL1
 * and turns the MMU on in assembly, using no stack or memory but
 * secondary_boot_args (the boot CPU cleaned it to the point of coherency),
 * then continues at the link address.
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
	mrs	x19, mpidr_el1
	and	x19, x19, #0xff
	adrp	x1, secondary_boot_args
	add	x1, x1, :lo12:secondary_boot_args
	ldp	x2, x3, [x1, #SBA_MAIR]
	msr	mair_el1, x2
	msr	tcr_el1, x3			// TTBR0 walks on, for this switch
	ldp	x2, x3, [x1, #SBA_TTBR0]
	msr	ttbr0_el1, x2
	msr	ttbr1_el1, x3
	isb
	tlbi	vmalle1
	dsb	nsh
	isb
	ldr	x2, [x1, #SBA_SCTLR]
	msr	sctlr_el1, x2
	isb
	ic	iallu
	dsb	nsh
	isb
	ldr	x8, =__secondary_switched
	br	x8
	.ltorg

/*
 * pmu_start: start the cycle counter (PMCR_EL0.E|P|C, PMCNTENSET_EL0.C).
 * Under QEMU -icount shift=0 it then counts retired instructions.
 * Corrupts: x0.
 */
pmu_start:
	mov	x0, #7
	msr	pmcr_el0, x0
	mov	x0, #(1 << 31)
	msr	pmcntenset_el0, x0
	isb
	ret

	.text
/* Running at the link address now; sp and VBAR still hold physical values. */
__primary_switched:
	ldr	x0, =_text
	sub	x0, x0, x21			// kimage_voffset = VA - PA of _text
	mov	x1, sp
	add	sp, x1, x0
	adr	x0, vectors
	msr	vbar_el1, x0
	isb
	bl	kernel_main			// does not return
	b	.

/* A secondary at the link address: close TTBR0, stack, vectors, C. */
__secondary_switched:
	adrp	x1, secondary_boot_args
	add	x1, x1, :lo12:secondary_boot_args
	ldr	x2, [x1, #SBA_TCR_FINAL]
	msr	tcr_el1, x2
	ldr	x2, [x1, #SBA_SCTLR_FINAL]
	msr	sctlr_el1, x2
	isb
	tlbi	vmalle1
	dsb	nsh
	isb
	adrp	x1, cpu_stacks
	add	x1, x1, :lo12:cpu_stacks
	mov	x2, #CPU_STACK_STRIDE
	madd	x1, x19, x2, x1
	add	x1, x1, x2			// top of this CPU's stack
	mov	sp, x1
	adr	x0, vectors
	msr	vbar_el1, x0
	isb
	mov	x0, x19
	mov	w1, w20				// the EL it entered at (el_setup)
	bl	secondary_main			// does not return
	b	.
	.ltorg
