# tests/fuzz/fuzz.mk - build and run the libFuzzer harness of mmu/xlat.c.
#
# Owns: build/fuzz/fuzz_xlat (clang, -fsanitize=fuzzer,address,undefined)
# from tests/fuzz/fuzz_xlat.c, mmu/xlat.c, mmu/desc.c, mmu/walk.c and
# tests/unit/xlat_fake.c; a bounded, seeded run over the seed corpus
# tests/fuzz/corpus/ for `make test`; a long run for `make fuzz`.
#
#   make -f tests/fuzz/fuzz.mk build     build only
#   make -f tests/fuzz/fuzz.mk short     FUZZ_RUNS inputs (default 8000) from a
#                                        copy of the corpus, -seed=FUZZ_SEED (1),
#                                        at most FUZZ_SHORT_SECONDS (20); last line
#                                        "fuzz: N passed, M failed" (1/0 or 0/1)
#   make -f tests/fuzz/fuzz.mk long      FUZZ_SECONDS (default 300); same last
#                                        line
#
# XLAT_SRC=path/to/xlat.c builds the harness over another implementation
# (e.g. a deliberately broken one, to see the checks fire); its binary is
# then build/fuzz/fuzz_xlat-variant.
#
# Run from the repository root. The corpus directory is only read: each
# run works on a copy in build/fuzz/, and crash inputs land in
# build/fuzz/artifacts/. Exit status non-zero on a crash or a failed build.

CLANG              ?= clang
BOARD              ?= virt
FUZZ_RUNS          ?= 8000
FUZZ_SEED          ?= 1
FUZZ_SHORT_SECONDS ?= 20
FUZZ_SECONDS       ?= 300
XLAT_SRC           ?= mmu/xlat.c
V                  ?= 0

FUZZ := tests/fuzz
OUT  := build/fuzz
BIN  := $(OUT)/fuzz_xlat$(if $(filter-out mmu/xlat.c,$(XLAT_SRC)),-variant)
SELF := $(lastword $(MAKEFILE_LIST))

ifeq ($(V),1)
Q :=
else
Q := @
endif

FUZZ_CFLAGS   := -std=gnu11 -O1 -g -Wall -Wextra -Werror -DHOST_BUILD \
		 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		 -fno-omit-frame-pointer
FUZZ_CPPFLAGS := -Iboard/$(BOARD) -Immu -Itests/unit
FUZZ_SRCS     := $(FUZZ)/fuzz_xlat.c $(XLAT_SRC) mmu/desc.c mmu/walk.c
# The checking environment is the harness's hot loop and not under test:
# no coverage feedback and no ASan there (the table memory it allocates is
# still checked by ASan when xlat.c touches it), UBSan kept.
FAKE_CFLAGS   := -std=gnu11 -O2 -g -Wall -Wextra -Werror -DHOST_BUILD \
		 -fsanitize=undefined -fno-sanitize-recover=all
FAKE_OBJ      := $(OUT)/xlat_fake.o
FUZZ_HDRS     := mmu/xlat.h mmu/desc.h mmu/walk.h mmu/memory.h mmu/pgtable-hwdef.h \
		 tests/unit/xlat_fake.h tests/unit/desc_literal.h
LIBFUZZER_OPTS := -max_len=1024 -timeout=20 -rss_limit_mb=2048 -print_final_stats=0 \
		  -artifact_prefix=$(OUT)/artifacts/

.PHONY: build short long
.DELETE_ON_ERROR:

build: $(BIN)
	@:

$(FAKE_OBJ): tests/unit/xlat_fake.c $(FUZZ_HDRS) $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CLANG   $@")
	$(Q)$(CLANG) $(FAKE_CFLAGS) $(FUZZ_CPPFLAGS) -c $< -o $@

$(BIN): $(FUZZ_SRCS) $(FAKE_OBJ) $(FUZZ_HDRS) $(SELF)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CLANG   $@")
	$(Q)$(CLANG) $(FUZZ_CFLAGS) $(FUZZ_CPPFLAGS) $(FUZZ_SRCS) $(FAKE_OBJ) -o $@

# One summary line whatever happens; the log of a failed run is shown.
define fuzz_run
	@rm -rf $(OUT)/artifacts $(OUT)/$(1)-corpus; mkdir -p $(OUT)/artifacts; \
	cp -r $(FUZZ)/corpus $(OUT)/$(1)-corpus; \
	if ! $(MAKE) --no-print-directory -f $(SELF) CLANG=$(CLANG) BOARD=$(BOARD) V=$(V) \
			XLAT_SRC=$(XLAT_SRC) build; then \
		echo "fuzz: 0 passed, 1 failed"; exit 1; fi; \
	start=$$(date +%s); \
	if $(2) >$(OUT)/$(1).log 2>&1; then \
		[ "$(V)" = 1 ] && cat $(OUT)/$(1).log; \
		echo "  fuzz_xlat $(1): $$(grep -E '^Done [0-9]+ runs' $(OUT)/$(1).log | tail -1)" \
		     "(wall $$(( $$(date +%s) - start )) s)"; \
		echo "fuzz: 1 passed, 0 failed"; \
	else \
		awk '/==== fuzz_xlat: mismatch|ERROR: |runtime error/ { p = 1 } \
		     p && !/^ +#[0-9]+ |^NOTE: |^ +Combine libFuzzer/' $(OUT)/$(1).log | head -150; \
		echo "  crash input: $$(ls -t $(OUT)/artifacts/* 2>/dev/null | head -1)"; \
		echo "fuzz: 0 passed, 1 failed"; exit 1; \
	fi
endef

short:
	$(call fuzz_run,short,$(BIN) $(LIBFUZZER_OPTS) -seed=$(FUZZ_SEED) -runs=$(FUZZ_RUNS) \
		-max_total_time=$(FUZZ_SHORT_SECONDS) $(OUT)/short-corpus)

long:
	$(call fuzz_run,long,$(BIN) $(LIBFUZZER_OPTS) -max_total_time=$(FUZZ_SECONDS) \
		$(OUT)/long-corpus)
