/*
 * guarded.S - the product's memory accesses that may fault on purpose.
 *
 * Owns: one load and one store of 64 bits and one 32-bit load (a device
 * register's width) at any address, each a single
 * instruction with a global label (guarded_*_insn) and a fix-up label
 * (guarded_*_fixup). Like an entry of Linux's exception table: when the
 * labelled instruction takes a synchronous exception while mmu/fault.c
 * is armed (guarded_read64/guarded_write64), the handler records it and
 * resumes at the fix-up, which returns 1 in x1 (0 when nothing faulted).
 * Nothing else recovers: a fault anywhere else is still reported.
 *   guarded_load(x0 = va)            -> x0 = value, x1 = faulted?
 *   guarded_store(x0 = va, x1 = val) -> x1 = faulted?
 *   guarded_load32(x0 = va)          -> w0 = value, x1 = faulted?
 * Leaf routines: only x0-x2 change.
 */
	.text
	.global	guarded_load, guarded_load_insn, guarded_load_fixup
	.type	guarded_load, %function
guarded_load:
	mov	x1, #0
guarded_load_insn:
	ldr	x0, [x0]
	ret
guarded_load_fixup:
	mov	x0, #0
	mov	x1, #1
	ret
	.size	guarded_load, . - guarded_load

	.global	guarded_store, guarded_store_insn, guarded_store_fixup
	.type	guarded_store, %function
guarded_store:
	mov	x2, x1
	mov	x1, #0
guarded_store_insn:
	str	x2, [x0]
	ret
guarded_store_fixup:
	mov	x1, #1
	ret
	.size	guarded_store, . - guarded_store

	.global	guarded_load32, guarded_load32_insn, guarded_load32_fixup
	.type	guarded_load32, %function
guarded_load32:
	mov	x1, #0
guarded_load32_insn:
	ldr	w0, [x0]
	ret
guarded_load32_fixup:
	mov	x0, #0
	mov	x1, #1
	ret
	.size	guarded_load32, . - guarded_load32
