# tests/fuzz/fuzz.mk - build and run the libFuzzer harnesses of mmu/xlat.c,
# mmu/pgalloc.c and mmu/ram_plan.c.
#
# Owns: build/fuzz/fuzz_xlat (clang, -fsanitize=fuzzer,address,undefined)
# from tests/fuzz/fuzz_xlat.c, mmu/xlat.c, mmu/xlat_pool.c, mmu/desc.c, lib/strbuf.c,
# mmu/vabits.c, mmu/walk.c and tests/fakes/xlat_fake.c, and the same in every other
# geometry (build/fuzz/fuzz_xlat-<page>-<bits>); build/fuzz/fuzz_pgalloc from
# tests/fuzz/fuzz_pgalloc.c, mmu/pgalloc.c and tests/fakes/physmem_fake.c
# at the product's PGALLOC_MAX_ORDER (18), and build/fuzz/fuzz_pgalloc10,
# the same at -DPGALLOC_MAX_ORDER=10 (its small banks hold max-order
# blocks: see fuzz_pgalloc.c), both over tests/fuzz/corpus-pgalloc/;
# build/fuzz/fuzz_ram_plan from tests/fuzz/fuzz_ram_plan.c,
# mmu/ram_plan.c, mmu/pgalloc.c and tests/fakes/physmem_fake.c;
# a bounded, seeded run of each over its seed corpus (tests/fuzz/corpus/,
# tests/fuzz/corpus-pgalloc/, tests/fuzz/corpus-ram-plan/) for
# `make test`; a long run for `make fuzz`.
#
#   make -f tests/fuzz/fuzz.mk build     build only
#   make -f tests/fuzz/fuzz.mk short     per harness: FUZZ_RUNS inputs (default
#                                        8000) from a copy of its corpus,
#                                        -seed=FUZZ_SEED (1), at most
#                                        FUZZ_SHORT_SECONDS (20; the two
#                                        pgalloc builds share one such
#                                        budget: FUZZ_PGALLOC_SHORT_SECONDS,
#                                        10, each; the xlat harness of every
#                                        other geometry FUZZ_XLAT_GEO_RUNS,
#                                        2000, at most
#                                        FUZZ_XLAT_GEO_SHORT_SECONDS, 20, each:
#                                        the same number of inputs in every
#                                        granule); last line
#                                        "fuzz: N passed, M failed" (N + M =
#                                        one per harness)
#   make -f tests/fuzz/fuzz.mk long      FUZZ_SECONDS (default 300) per
#                                        harness; same last line
#   FUZZ_HARNESSES="pgalloc"             run only these (default: xlat, then
#                                        xlat-<geometry> for every other
#                                        geometry of mmu/geometry.mk, e.g.
#                                        xlat-64k-52: fuzz_xlat-64k-52, the
#                                        harness and xlat_fake.c in that
#                                        geometry; pgalloc pgalloc10 ram_plan
#                                        acpi early_dtb)
#
# XLAT_SRC=path/to/xlat.c (PGALLOC_SRC=path/to/pgalloc.c) builds a harness
# over another implementation (e.g. a deliberately broken one, to see the
# checks fire); its binary is then build/fuzz/fuzz_xlat-variant
# (fuzz_pgalloc-variant, fuzz_pgalloc10-variant).
#
# Run from the repository root. The corpus directories are only read: each
# run works on a copy in build/fuzz/, and crash inputs land in
# build/fuzz/artifacts/ (fuzz_xlat), build/fuzz/artifacts-pgalloc/ and
# build/fuzz/artifacts-pgalloc10/ and build/fuzz/artifacts-ram-plan/.
# Exit status non-zero on a crash or a failed build.

CLANG              ?= clang
BOARD              ?= virt
FUZZ_RUNS          ?= 8000
FUZZ_SEED          ?= 1
FUZZ_SHORT_SECONDS ?= 20
FUZZ_SECONDS       ?= 300
FUZZ_PGALLOC_SHORT_SECONDS ?= 10
FUZZ_XLAT_SHORT_SECONDS ?= 10
XLAT_SRC           ?= mmu/xlat.c
PGALLOC_SRC        ?= mmu/pgalloc.c
FUZZ_XLAT_GEO_RUNS ?= 2000
FUZZ_XLAT_GEO_SHORT_SECONDS ?= 20
V                  ?= 0

FUZZ := tests/fuzz
OUT  := build/fuzz
BIN  := $(OUT)/fuzz_xlat$(if $(filter-out mmu/xlat.c,$(XLAT_SRC)),-variant)
SELF := $(lastword $(MAKEFILE_LIST))
include mmu/geometry.mk
include scripts/host/libfdt.mk
# The map API's harness in every geometry: xlat (the default's), then
# xlat-<dir> for each other one (xlat-16k-47 ...).
XLAT_GEO_HARNESSES := $(foreach g,$(filter-out $(GEOMETRY_DEFAULT),$(GEOMETRIES)),xlat-$(call geometry_dir,$(g)))
FUZZ_HARNESSES     ?= xlat $(XLAT_GEO_HARNESSES) pgalloc pgalloc10 ram_plan acpi early_dtb

ifeq ($(V),1)
Q :=
else
Q := @
endif

FUZZ_CFLAGS   := -std=gnu11 -O1 -g -Wall -Wextra -Werror -DHOST_BUILD \
		 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		 -fno-omit-frame-pointer
FUZZ_CPPFLAGS := -Immu -Ilib -Itests/fakes
FUZZ_SRCS     := $(FUZZ)/fuzz_xlat.c $(XLAT_SRC) mmu/xlat_pool.c mmu/desc.c lib/strbuf.c mmu/vabits.c \
		 mmu/walk.c
# The checking environment is the harness's hot loop and not under test:
# no coverage feedback and no ASan there (the table memory it allocates is
# still checked by ASan when xlat.c touches it), UBSan kept.
FAKE_CFLAGS   := -std=gnu11 -O2 -g -Wall -Wextra -Werror -DHOST_BUILD \
		 -fsanitize=undefined -fno-sanitize-recover=all
FAKE_OBJ      := $(OUT)/xlat_fake.o
FUZZ_HDRS     := mmu/xlat.h mmu/xlat_pool.h mmu/desc.h lib/strbuf.h mmu/walk.h mmu/memory.h mmu/pgtable-hwdef.h \
		 tests/fakes/xlat_fake.h tests/fakes/desc_literal.h
LIBFUZZER_OPTS := -max_len=1024 -timeout=20 -rss_limit_mb=2048 -print_final_stats=0

# The allocator's harness: its fake memory is not what is explored (no
# coverage feedback there; the model's hot loops opt out in the source).
PGALLOC_BIN   := $(OUT)/fuzz_pgalloc$(if $(filter-out mmu/pgalloc.c,$(PGALLOC_SRC)),-variant)
PGALLOC_SRCS  := $(FUZZ)/fuzz_pgalloc.c $(PGALLOC_SRC)
PGALLOC_FAKE_OBJ := $(OUT)/physmem_fake.o
PGALLOC_HDRS  := mmu/pgalloc.h mmu/pgtable-hwdef.h tests/fakes/physmem_fake.h
# The same harness at MAX_ORDER 10 (physmem_fake.c does not depend on it).
PGALLOC10_BIN := $(OUT)/fuzz_pgalloc10$(if $(filter-out mmu/pgalloc.c,$(PGALLOC_SRC)),-variant)

# The RAM planner's harness: the planner and pgalloc (fed at the end of
# each input) under test, the same fake memory.
RAM_PLAN_BIN  := $(OUT)/fuzz_ram_plan
RAM_PLAN_SRCS := $(FUZZ)/fuzz_ram_plan.c mmu/ram_plan.c mmu/pgalloc.c
RAM_PLAN_HDRS := mmu/ram_plan.h mmu/memory.h $(PGALLOC_HDRS) $(FUZZ)/fuzz_log.h

# Per harness: binary, seed corpus, where its crash inputs go.
# The ACPI reader, with its report and struct machine's filling (whose
# console names are lib/machine.c's: the host's libfdt).
ACPI_BIN      := $(OUT)/fuzz_acpi
ACPI_SRCS     := $(FUZZ)/fuzz_acpi.c lib/acpi/tables.c lib/acpi/fadt.c lib/acpi/madt.c \
		 lib/acpi/console.c lib/acpi/problem.c lib/acpi/report.c lib/acpi/machine.c \
		 lib/strbuf.c lib/machine.c lib/dt_walk.c lib/dt_addr.c lib/uart/compat.c
ACPI_HDRS     := $(wildcard lib/acpi/*.h) lib/strbuf.h lib/machine.h

# The DTB reading of a refusal with the MMU off; its seeds the unit
# tests' DTBs (tests/unit/dts/, built by unit.mk).
EARLY_DTB_BIN  := $(OUT)/fuzz_early_dtb
EARLY_DTB_SRCS := $(FUZZ)/fuzz_early_dtb.c lib/early_dtb.c lib/uart/compat.c
bin_early_dtb       := $(EARLY_DTB_BIN)
corpus_early_dtb    := $(OUT)/corpus-early-dtb
artifacts_early_dtb := $(OUT)/artifacts-early-dtb
log_early_dtb        = $(OUT)/$(1)-early-dtb.log

bin_xlat          := $(BIN)
bin_pgalloc       := $(PGALLOC_BIN)
bin_pgalloc10     := $(PGALLOC10_BIN)
bin_ram_plan    := $(RAM_PLAN_BIN)
corpus_xlat       := $(FUZZ)/corpus
corpus_pgalloc    := $(FUZZ)/corpus-pgalloc
corpus_pgalloc10  := $(FUZZ)/corpus-pgalloc
corpus_ram_plan := $(FUZZ)/corpus-ram-plan
bin_acpi          := $(ACPI_BIN)
corpus_acpi       := $(OUT)/corpus-acpi
artifacts_acpi    := $(OUT)/artifacts-acpi
log_acpi           = $(OUT)/$(1)-acpi.log
artifacts_xlat    := $(OUT)/artifacts
artifacts_pgalloc := $(OUT)/artifacts-pgalloc
artifacts_pgalloc10 := $(OUT)/artifacts-pgalloc10
artifacts_ram_plan := $(OUT)/artifacts-ram-plan
# The log of a run: build/fuzz/short.log for fuzz_xlat as before.
log_xlat           = $(OUT)/$(1).log
log_pgalloc        = $(OUT)/$(1)-pgalloc.log
log_pgalloc10      = $(OUT)/$(1)-pgalloc10.log
log_ram_plan     = $(OUT)/$(1)-ram-plan.log

$(ACPI_BIN): $(ACPI_SRCS) $(ACPI_HDRS) $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CLANG   $@")
	$(Q)$(CLANG) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) $(ACPI_SRCS) \
		$(HOST_LIBFDT) -o $@

$(EARLY_DTB_BIN): $(EARLY_DTB_SRCS) lib/early_dtb.h lib/uart/uart.h $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CLANG   $@")
	$(Q)$(CLANG) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) $(EARLY_DTB_SRCS) -o $@

$(corpus_early_dtb)/seeded: $(wildcard tests/unit/dts/*.dts) $(SELF)
	$(Q)$(MAKE) --no-print-directory -f tests/unit/unit.mk V=$(V) \
		$(patsubst tests/unit/dts/%.dts,build/host-tests/dtb/%.dtb,$(wildcard tests/unit/dts/*.dts))
	@mkdir -p $(@D)
	$(Q)cp build/host-tests/dtb/*.dtb $(@D)/ && touch $@

# fuzz_acpi's seeds: the unit tests' tables (iasl), packed as memory.
$(corpus_acpi)/virt: $(FUZZ)/acpi-seeds.py $(wildcard tests/unit/acpi/*.dsl) $(SELF)
	$(Q)$(MAKE) --no-print-directory -f tests/unit/unit.mk V=$(V) \
		$(patsubst tests/unit/acpi/%.dsl,build/host-tests/acpi/%.aml,$(wildcard tests/unit/acpi/*.dsl))
	$(Q)$(FUZZ)/acpi-seeds.py build/host-tests/acpi $(corpus_acpi)

.PHONY: build short long
.DELETE_ON_ERROR:

$(PGALLOC_FAKE_OBJ): tests/fakes/physmem_fake.c $(PGALLOC_HDRS) $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CLANG   $@")
	$(Q)$(CLANG) $(FAKE_CFLAGS) $(FUZZ_CPPFLAGS) -c $< -o $@

$(PGALLOC_BIN): $(PGALLOC_SRCS) $(PGALLOC_FAKE_OBJ) $(PGALLOC_HDRS) $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CLANG   $@")
	$(Q)$(CLANG) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) $(PGALLOC_SRCS) $(PGALLOC_FAKE_OBJ) -o $@

$(PGALLOC10_BIN): $(PGALLOC_SRCS) $(PGALLOC_FAKE_OBJ) $(PGALLOC_HDRS) $(FUZZ)/fuzz_log.h $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CLANG   $@ (MAX_ORDER 10)")
	$(Q)$(CLANG) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) -DPGALLOC_MAX_ORDER=10 $(PGALLOC_SRCS) \
		$(PGALLOC_FAKE_OBJ) -o $@

$(RAM_PLAN_BIN): $(RAM_PLAN_SRCS) $(PGALLOC_FAKE_OBJ) $(RAM_PLAN_HDRS) $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CLANG   $@")
	$(Q)$(CLANG) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) $(RAM_PLAN_SRCS) $(PGALLOC_FAKE_OBJ) -o $@

$(FAKE_OBJ): tests/fakes/xlat_fake.c $(FUZZ_HDRS) $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CLANG   $@")
	$(Q)$(CLANG) $(FAKE_CFLAGS) $(FUZZ_CPPFLAGS) -c $< -o $@

$(BIN): $(FUZZ_SRCS) $(FAKE_OBJ) $(FUZZ_HDRS) $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CLANG   $@")
	$(Q)$(CLANG) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) $(FUZZ_SRCS) $(FAKE_OBJ) -o $@

# The same harness and checker in every other geometry (mmu/geometry.mk's
# flags), the fake's object built with them too.
define xlat_geo
$(OUT)/xlat_fake-$(2).o: tests/fakes/xlat_fake.c $(FUZZ_HDRS) $(SELF)
	@mkdir -p $$(@D)
	@$$(if $(Q),echo "  CLANG   $$@")
	$(Q)$(CLANG) $(FAKE_CFLAGS) $(FUZZ_CPPFLAGS) $(call geometry_flags,$(3)) -c $$< -o $$@

$(BIN)-$(2): $(FUZZ_SRCS) $(OUT)/xlat_fake-$(2).o $(FUZZ_HDRS) $(SELF)
	@mkdir -p $$(@D)
	@$$(if $(Q),echo "  CLANG   $$@")
	$(Q)$(CLANG) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) $(call geometry_flags,$(3)) $(FUZZ_SRCS) \
		$(OUT)/xlat_fake-$(2).o -o $$@
bin_$(1)       := $(BIN)-$(2)
corpus_$(1)    := $(FUZZ)/corpus
artifacts_$(1) := $(OUT)/artifacts-$(2)
log_$(1)        = $(OUT)/$$(1)-xlat-$(2).log
endef
$(foreach g,$(filter-out $(GEOMETRY_DEFAULT),$(GEOMETRIES)),\
	$(eval $(call xlat_geo,xlat-$(call geometry_dir,$(g)),$(call geometry_dir,$(g)),$(g))))

build: $(foreach h,$(FUZZ_HARNESSES),$(bin_$(h)))
	@:


# The libFuzzer options of a short or long run of harness $(1).
short_seconds = $(if $(filter pgalloc pgalloc10,$(1)),$(FUZZ_PGALLOC_SHORT_SECONDS),$(if $(filter xlat,$(1)),$(FUZZ_XLAT_SHORT_SECONDS),$(if $(filter xlat-%,$(1)),$(FUZZ_XLAT_GEO_SHORT_SECONDS),$(FUZZ_SHORT_SECONDS))))
short_runs = $(if $(filter xlat-%,$(1)),$(FUZZ_XLAT_GEO_RUNS),$(FUZZ_RUNS))
opts_short = -seed=$(FUZZ_SEED) -runs=$(call short_runs,$(1)) -max_total_time=$(call short_seconds,$(1))
opts_long  = -max_total_time=$(FUZZ_SECONDS)

# One run of harness $(2) ($(1): short or long), counted in the shell's
# pass/fail; the log of a failed run is shown.
define fuzz_one
	rm -rf $(artifacts_$(2)) $(OUT)/$(1)-$(2)-corpus; mkdir -p $(artifacts_$(2)); \
	cp -r $(corpus_$(2)) $(OUT)/$(1)-$(2)-corpus; \
	log=$(call log_$(2),$(1)); \
	if ! $(MAKE) --no-print-directory -f $(SELF) CLANG=$(CLANG) BOARD=$(BOARD) V=$(V) \
			XLAT_SRC=$(XLAT_SRC) PGALLOC_SRC=$(PGALLOC_SRC) FUZZ_HARNESSES=$(2) build; then \
		echo "  fuzz_$(2) $(1): build failed"; fail=$$((fail + 1)); \
	else \
		start=$$(date +%s); \
		if $(bin_$(2)) $(LIBFUZZER_OPTS) -artifact_prefix=$(artifacts_$(2))/ $(call opts_$(1),$(2)) \
				$(OUT)/$(1)-$(2)-corpus >$$log 2>&1; then \
			[ "$(V)" = 1 ] && cat $$log; \
			echo "  fuzz_$(2) $(1): $$(grep -E '^Done [0-9]+ runs' $$log | tail -1)" \
			     "(wall $$(( $$(date +%s) - start )) s)"; \
			pass=$$((pass + 1)); \
		else \
			awk '/==== fuzz_[a-z_]+: mismatch|ERROR: |runtime error/ { p = 1 } \
			     p && !/^ +#[0-9]+ |^NOTE: |^ +Combine libFuzzer/' $$log | head -150; \
			echo "  crash input: $$(ls -t $(artifacts_$(2))/* 2>/dev/null | head -1)"; \
			fail=$$((fail + 1)); \
		fi; \
	fi;
endef

# Every harness, then one summary line whatever happens.
define fuzz_run
	@pass=0; fail=0; \
	$(foreach h,$(FUZZ_HARNESSES),$(call fuzz_one,$(1),$(h))) \
	echo "fuzz: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]
endef

ACPI_SEEDS := $(if $(filter acpi,$(FUZZ_HARNESSES)),$(corpus_acpi)/virt) \
	      $(if $(filter early_dtb,$(FUZZ_HARNESSES)),$(corpus_early_dtb)/seeded)
short: $(ACPI_SEEDS)
	$(call fuzz_run,short)

long: $(ACPI_SEEDS)
	$(call fuzz_run,long)
