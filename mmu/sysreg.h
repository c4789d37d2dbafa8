/*
 * sysreg.h - system register fields used by the stub, and accessors.
 *
 * Owns: bit positions of SCTLR_EL1, TCR_EL1, PAR_EL1, ID registers,
 * SCR_EL3, HCR_EL2, CPACR_EL1 (Arm ARM D17, "AArch64 System Register
 * Descriptions"). Shared by assembly and C; the accessors are target-only.
 */
#ifndef SYSREG_H
#define SYSREG_H

#include "pgtable-hwdef.h"

/* SCTLR_EL1 (D17.2.118). RES1 bits of ARMv8.0: 11, 20, 22, 23, 28, 29. */
#define SCTLR_EL1_M       (UL(1) << 0)    /* stage 1 MMU enable */
#define SCTLR_EL1_A       (UL(1) << 1)    /* alignment check */
#define SCTLR_EL1_C       (UL(1) << 2)    /* data cacheability */
#define SCTLR_EL1_SA      (UL(1) << 3)    /* SP alignment check, EL1 */
#define SCTLR_EL1_SA0     (UL(1) << 4)    /* SP alignment check, EL0 */
#define SCTLR_EL1_I       (UL(1) << 12)   /* instruction cacheability */
#define SCTLR_EL1_WXN     (UL(1) << 19)
#define SCTLR_EL1_EE      (UL(1) << 25)   /* big-endian EL1 data */
#define SCTLR_EL1_RES1    ((UL(1) << 11) | (UL(1) << 20) | (UL(1) << 22) | \
			   (UL(1) << 23) | (UL(1) << 28) | (UL(1) << 29))
/* The defined state at EL1 entry: MMU, caches off, little-endian. */
#define SCTLR_EL1_MMU_OFF (SCTLR_EL1_RES1 | SCTLR_EL1_SA | SCTLR_EL1_SA0)
#define SCTLR_EL1_MMU_ON  (SCTLR_EL1_MMU_OFF | SCTLR_EL1_M | SCTLR_EL1_C | SCTLR_EL1_I)
/* SCTLR_EL2 with the MMU off, little-endian: RES1 bits 4,5,11,16,18,22,23,28,29. */
#define SCTLR_EL2_MMU_OFF 0x30c50830

/* TCR_EL1 (D17.2.131). */
#define TCR_T0SZ_SHIFT    0
#define TCR_T1SZ_SHIFT    16
#define TCR_TxSZ(bits)    ((64 - (bits)) & 0x3f)
#define TCR_TxSZ_MASK     0x3f
#define TCR_EPD0          (UL(1) << 7)
#define TCR_EPD1          (UL(1) << 23)
#define TCR_IRGN0_SHIFT   8
#define TCR_ORGN0_SHIFT   10
#define TCR_SH0_SHIFT     12
#define TCR_TG0_SHIFT     14
#define TCR_IRGN1_SHIFT   24
#define TCR_ORGN1_SHIFT   26
#define TCR_SH1_SHIFT     28
#define TCR_TG1_SHIFT     30
#define TCR_IPS_SHIFT     32
#define TCR_IPS_MASK      7
#define TCR_AS            (ULL(1) << 36)
#define TCR_A1            (UL(1) << 22)
/* DS (FEAT_LPA2): 52-bit VAs and OAs with 4 and 16 KiB pages, the
 * descriptors' bits [9:8] OA[51:50], shareability from SH0/SH1. */
#define TCR_DS            (ULL(1) << 59)
/* IPS / PARange encodings (D17.2.64). */
#define TCR_IPS_48        5
#define TCR_IPS_52        6
#define TCR_RGN_WBWA      1               /* normal, write-back read/write-allocate */
#define TCR_SH_INNER      3
/* TG0 and TG1 encode the granule differently (D17.2.131). */
#define TCR_TG0_4K        0
#define TCR_TG0_64K       1
#define TCR_TG0_16K       2
#define TCR_TG1_16K       1
#define TCR_TG1_4K        2
#define TCR_TG1_64K       3
/* The build's granule in TG0 and TG1. */
#if PAGE_SHIFT == 12
#define TCR_TG0_GRANULE   TCR_TG0_4K
#define TCR_TG1_GRANULE   TCR_TG1_4K
#elif PAGE_SHIFT == 14
#define TCR_TG0_GRANULE   TCR_TG0_16K
#define TCR_TG1_GRANULE   TCR_TG1_16K
#elif PAGE_SHIFT == 16
#define TCR_TG0_GRANULE   TCR_TG0_64K
#define TCR_TG1_GRANULE   TCR_TG1_64K
#else
#error "TCR_TGx_GRANULE: PAGE_SHIFT 12, 14 or 16"
#endif

/* ID_AA64MMFR0_EL1 (D17.2.64). */
#define ID_AA64MMFR0_PARANGE_SHIFT 0
#define ID_AA64MMFR0_TGRAN4_SHIFT  28
#define ID_AA64MMFR0_TGRAN4_NI     0xf    /* 4 KiB granule not implemented */
#define ID_AA64MMFR0_TGRAN64_SHIFT 24
#define ID_AA64MMFR0_TGRAN64_NI    0xf    /* 64 KiB granule not implemented */
#define ID_AA64MMFR0_TGRAN16_SHIFT 20
#define ID_AA64MMFR0_TGRAN16_NI    0x0    /* 16 KiB: 0 is "not implemented" */
/* The build's granule's field and its "not implemented" value: TGran4
 * and TGran64 say it with 0xf, TGran16 with 0 (D17.2.64). */
#if PAGE_SHIFT == 12
#define ID_AA64MMFR0_TGRAN_SHIFT   ID_AA64MMFR0_TGRAN4_SHIFT
#define ID_AA64MMFR0_TGRAN_NI      ID_AA64MMFR0_TGRAN4_NI
#elif PAGE_SHIFT == 14
#define ID_AA64MMFR0_TGRAN_SHIFT   ID_AA64MMFR0_TGRAN16_SHIFT
#define ID_AA64MMFR0_TGRAN_NI      ID_AA64MMFR0_TGRAN16_NI
#else
#define ID_AA64MMFR0_TGRAN_SHIFT   ID_AA64MMFR0_TGRAN64_SHIFT
#define ID_AA64MMFR0_TGRAN_NI      ID_AA64MMFR0_TGRAN64_NI
#endif
/* FEAT_LPA2 in the granule's field: TGran4 = 0b0001, TGran16 = 0b0010
 * ("supports 52-bit input and output addresses", D17.2.64). */
#define ID_AA64MMFR0_TGRAN4_LPA2   0x1
#define ID_AA64MMFR0_TGRAN16_LPA2  0x2
#if PAGE_SHIFT == 12
#define ID_AA64MMFR0_TGRAN_LPA2    ID_AA64MMFR0_TGRAN4_LPA2
#elif PAGE_SHIFT == 14
#define ID_AA64MMFR0_TGRAN_LPA2    ID_AA64MMFR0_TGRAN16_LPA2
#endif
/* ID_AA64MMFR2_EL1.VARange (D17.2.66): 1 = FEAT_LVA, 52-bit VAs with the
 * 64 KiB granule. */
#define ID_AA64MMFR2_VARANGE_SHIFT 16
#define ID_AA64MMFR2_VARANGE_52    0x1
/* ID_AA64PFR0_EL1 (D17.2.67): EL2, EL3 fields; 0 = not implemented. */
#define ID_AA64PFR0_EL2_SHIFT 8
#define ID_AA64PFR0_EL3_SHIFT 12
/* ID_AA64DFR0_EL1.PMUVer (D17.2.58): 0 no PMU, 0xf an IMPLEMENTATION
 * DEFINED one; without PMUv3 the PMU registers are UNDEFINED. */
#define ID_AA64DFR0_PMUVER_SHIFT 8
#define ID_AA64DFR0_PMUVER_NI    0x0
#define ID_AA64DFR0_PMUVER_IMPDEF 0xf

#ifdef __ASSEMBLER__
/* Branches to \absent unless the CPU has a PMUv3 (PMCCNTR_EL0). */
	.macro	pmu_or_branch, tmp, absent
	mrs	\tmp, id_aa64dfr0_el1
	ubfx	\tmp, \tmp, #ID_AA64DFR0_PMUVER_SHIFT, #4
	cbz	\tmp, \absent
	cmp	\tmp, #ID_AA64DFR0_PMUVER_IMPDEF
	b.eq	\absent
	.endm
#endif

/* PAR_EL1 (D17.2.103). */
#define PAR_F             (UL(1) << 0)
#define PAR_FST_SHIFT     1
#define PAR_FST_MASK      0x3f     /* FSC_MASK: esr.h */
#define PAR_SH_SHIFT      7
/* PA[47:12], or PA[51:12] where the build has 52-bit output addresses
 * (bits [51:48] RES0 otherwise). */
#define PAR_PA_MASK       (((ULL(1) << PA_BITS_MAX) - 1) & ~(ULL(0xfff)))
#define PAR_ATTR_SHIFT    56

/* SCR_EL3 (D17.2.117). */
#define SCR_EL3_NS        (UL(1) << 0)
#define SCR_EL3_RES1      ((UL(1) << 4) | (UL(1) << 5))
#define SCR_EL3_SMD       (UL(1) << 7)    /* SMC disabled at EL1/EL2 */
#define SCR_EL3_HCE       (UL(1) << 8)    /* HVC enabled */
#define SCR_EL3_RW        (UL(1) << 10)   /* lower ELs are AArch64 */
/* HCR_EL2 (D17.2.48). */
#define HCR_EL2_RW        (UL(1) << 31)   /* EL1 is AArch64 */
/* CNTHCTL_EL2: EL1 may read the physical counter and use the timer. */
#define CNTHCTL_EL1PCTEN  (UL(1) << 0)
#define CNTHCTL_EL1PCEN   (UL(1) << 1)
/* CPTR_EL2 RES1 bits (13:12, 9:0) with TFP=0: FP/SIMD not trapped. */
#define CPTR_EL2_DEFAULT  0x33ff
/* CPACR_EL1.FPEN = 0b11: FP/SIMD not trapped at EL1/EL0. */
#define CPACR_EL1_FPEN    (UL(3) << 20)
/* SPSR value for eret: EL1h (SP_EL1), DAIF all masked. */
#define SPSR_EL1H_DAIF    0x3c5
#define SPSR_EL2H_DAIF    0x3c9

#define MPIDR_HWID_MASK   0xff00ffffff

#if !defined(__ASSEMBLER__) && !defined(HOST_BUILD)
#include <stdint.h>
#define read_sysreg(r) ({ uint64_t __v; __asm__ volatile("mrs %0, " #r : "=r"(__v)); __v; })
#define write_sysreg(v, r) do { uint64_t __v = (uint64_t)(v); \
	__asm__ volatile("msr " #r ", %x0" : : "rZ"(__v)); } while (0)
#define isb()     __asm__ volatile("isb" : : : "memory")
#define dsb(opt)  __asm__ volatile("dsb " #opt : : : "memory")
#endif

#endif /* SYSREG_H */
