# mmu/geometry.mk - the translation geometries a build may choose.
#
# Owns: the list of (granule, VA_BITS) combinations Linux arm64 allows
# (CONFIG_ARM64_{4K,16K,64K}_PAGES with CONFIG_ARM64_VA_BITS; the same list
# as mmu/pgtable-hwdef.h's #error), the build's choice from PAGE_SIZE and
# VA_BITS, its compiler flags and its folder name. The number of levels is
# not here: mmu/pgtable-hwdef.h derives it. A 52-bit geometry (4K and 16K
# with FEAT_LPA2, 64K with FEAT_LVA and FEAT_LPA) runs at 48 bits (47 with
# 16K) on a CPU without the feature, as Linux's CONFIG_ARM64_VA_BITS_52
# does (mmu/vabits.h). Included by the Makefile, tests/unit/unit.mk and
# tests/fuzz/fuzz.mk.
#
#   PAGE_SIZE=4K|16K|64K (default 4K), VA_BITS=N (default 39)

GEOMETRIES       := 4K-39 4K-48 4K-52 16K-36 16K-47 16K-48 16K-52 64K-42 64K-48 64K-52
GEOMETRY_DEFAULT := 4K-39
PAGE_SIZE ?= 4K
VA_BITS   ?= 39
GEOMETRY  := $(PAGE_SIZE)-$(VA_BITS)
ifeq ($(filter $(GEOMETRY),$(GEOMETRIES)),)
$(error PAGE_SIZE=$(PAGE_SIZE) VA_BITS=$(VA_BITS) is not a geometry Linux arm64 allows; \
allowed (PAGE_SIZE-VA_BITS): $(GEOMETRIES))
endif

# geometry_page_shift G, geometry_va_bits G, geometry_flags G (the -D's
# pgtable-hwdef.h reads), geometry_dir G ("16k-48").
geometry_page_shift = $(if $(filter 4K-%,$(1)),12,$(if $(filter 16K-%,$(1)),14,16))
geometry_va_bits    = $(lastword $(subst -, ,$(1)))
geometry_flags      = -DPAGE_SHIFT=$(call geometry_page_shift,$(1)) \
		      -DVA_BITS=$(call geometry_va_bits,$(1))
geometry_dir        = $(subst K,k,$(1))
