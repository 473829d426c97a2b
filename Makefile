# minigc - `make help` lists the targets.
#
# Dependencies are Debian packages found with pkg-config; `make deps` installs
# what is missing (as root) or prints the apt-get command to run. pkg-config
# is asked when make reads this file, so the targets that may have to install
# first (demo, test, bench) run deps and then a fresh $(MAKE) for the rest.
#
# Two builds live side by side: build/rel (./minigc) and, with SAN=1,
# build/san (build/san/minigc) under AddressSanitizer and UBSan. `make test
# SAN=1` runs the same tests with the sanitized binaries; any report fails.

CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -I. -Ifrontend -Ibuild/gen
# gmp and mpfr: Go's exact constants (frontend/const.c).
PKGS    := libcgraph libgvc gmp mpfr
SAN     ?=

ifeq ($(SAN),1)
BUILD   := build/san
CFLAGS  := -O1 -g -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -I. -Ifrontend -Ibuild/gen \
           -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
BIN     := $(BUILD)/minigc
else
BUILD   := build/rel
BIN     := minigc
endif

# A sanitizer report must fail loudly and never pass for an ordinary exit
# status: abort (SIGABRT) rather than exit 1, which is what bad input gives.
export ASAN_OPTIONS  ?= halt_on_error=1:abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS ?= halt_on_error=1:abort_on_error=1:print_stacktrace=1
# Leaks inside Graphviz's own layout code are not ours: see tests/lsan.supp.
export LSAN_OPTIONS  ?= suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

LIB_SRCS := $(wildcard frontend/*.c ssa/*.c passes/*.c dot/*.c)
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/%.o) $(BUILD)/html_assets.o
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
HEADERS  := $(wildcard frontend/*.h ssa/*.h passes/*.h dot/*.h)

.PHONY: all deps demo test check unit bad accept golden browser programs bench fuzz fuzz-build memcheck clean help

all: $(BIN)

help:
	@echo "make             build ./minigc"
	@echo "make deps        install missing Debian packages (as root) or print the command"
	@echo "make demo        set up, build, run minigc on a sample: -m=2 text, escape graph and page in build/demo"
	@echo "make test        set up, build, and run all tests (unit, bad input, Go's test files)"
	@echo "make test SAN=1  the same under AddressSanitizer and UBSan (binaries in build/san)"
	@echo "make unit        cmocka unit tests only"
	@echo "make bad         bad-input tests only (tests/run_bad.sh)"
	@echo "make accept      Go's escape/inline tests, samples, generated code (tests/accept.sh)"
	@echo "make conformance Go's escape and constant tests scored by errorcheck.py against their baselines"
	@echo "make golden      the samples' SSA dumps against tests/golden/build (UPDATE=1 tests/golden.sh rewrites), the inliner's lines against tests/golden/inline"
	@echo "make browser     the HTML pages in chromium (tests/browser.sh; screenshots in build/browser/shots)"
	@echo "make programs    ordinary programs on the real standard library against gc's -m -l"
	@echo "make bench       time minigc against go tool compile on a generated file"
	@echo "make fuzz        build the libFuzzer target with clang and run it FUZZ_TIME seconds (default 60)"
	@echo "make memcheck    valgrind memcheck on the samples and a generated file, with pictures"
	@echo "make clean       remove build products"

$(BIN): $(BUILD)/main.o $(LIB_OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

# gc 1.19's identifier rules use Go 1.19's Unicode tables, read from its
# sources at build time (tools/unicode_tables.py).
GO_UNICODE_TABLES ?= /usr/share/go-1.19/src/unicode/tables.go

build/gen/unicode_tables.h: tools/unicode_tables.py $(GO_UNICODE_TABLES)
	@mkdir -p $(dir $@)
	python3 tools/unicode_tables.py $(GO_UNICODE_TABLES) > $@.tmp && mv $@.tmp $@

$(BUILD)/frontend/lex.o build/fuzz/frontend/lex.o: build/gen/unicode_tables.h

# The HTML page's stylesheet and script are embedded in the binary.
$(BUILD)/embed_asset: tools/embed_asset.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -std=c11 -Wall -Wextra -o $@ $<

$(BUILD)/html_assets.c: $(BUILD)/embed_asset dot/html.css dot/html.js
	$(BUILD)/embed_asset minigc_html_css=dot/html.css minigc_html_js=dot/html.js > $@.tmp && mv $@.tmp $@

$(BUILD)/html_assets.o: $(BUILD)/html_assets.c
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS) tests/unit/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -Itests/unit -o $@ $< $(LIB_OBJS) $(LDFLAGS) $(PKG_LIBS) $(CMOCKA_LIBS) -lm

deps:
	@sh tools/deps.sh

demo: deps
	@$(MAKE) --no-print-directory -s all
	@bash tools/demo.sh ./$(BIN)

unit: $(UNIT_BINS)
	@bash tests/run_unit.sh $(UNIT_BINS)

bad: $(BIN)
	@bash tests/run_bad.sh ./$(BIN)

accept: $(BIN)
	@bash tests/accept.sh ./$(BIN)

conformance: $(BIN)
	@bash tests/conformance.sh ./$(BIN)
	@bash tests/check_inlined.sh ./$(BIN)
	@bash tests/conformance_const.sh ./$(BIN)

programs: $(BIN)
	@bash tests/programs.sh ./$(BIN)
	@bash tests/generics.sh ./$(BIN)

golden: $(BIN)
	@bash tests/golden.sh ./$(BIN)
	@bash tests/golden_inline.sh ./$(BIN)
	@bash tests/golden_full.sh ./$(BIN)
	@bash tests/compare_inline.sh ./$(BIN)

browser: $(BIN)
	@bash tests/browser.sh ./$(BIN)

# `test` sets up first, then builds and runs everything in a fresh make (see
# the top); `check` is the same without the set-up.
test: deps
	@$(MAKE) --no-print-directory check

check: $(BIN)
	@failed=0; \
	 $(MAKE) --no-print-directory unit || failed=1; \
	 bash tests/run_bad.sh ./$(BIN) || failed=1; \
	 bash tests/run_hostile.sh ./$(BIN) || failed=1; \
	 bash tests/fuzz/replay.sh ./$(BIN) || failed=1; \
	 bash tests/accept.sh ./$(BIN) || failed=1; \
	 bash tests/pictures.sh ./$(BIN) || failed=1; \
	 bash tests/golden.sh ./$(BIN) || failed=1; \
	 bash tests/golden_inline.sh ./$(BIN) || failed=1; \
	 bash tests/golden_full.sh ./$(BIN) || failed=1; \
	 bash tests/compare_inline.sh ./$(BIN) || failed=1; \
	 bash tests/programs.sh ./$(BIN) || failed=1; \
	 bash tests/generics.sh ./$(BIN) || failed=1; \
	 bash tests/lazy.sh ./$(BIN) || failed=1; \
	 bash tests/stream.sh ./$(BIN) || failed=1; \
	 bash tests/conformance.sh ./$(BIN) || failed=1; \
	 bash tests/check_inlined.sh ./$(BIN) || failed=1; \
	 bash tests/conformance_const.sh ./$(BIN) || failed=1; \
	 bash tests/browser.sh ./$(BIN) || failed=1; \
	 exit $$failed

bench: deps
	@$(MAKE) --no-print-directory all
	@bash tests/bench.sh ./$(BIN)

# The fuzzer: every source built again by clang with libFuzzer's coverage
# and ASan+UBSan, main.c with its main renamed so tests/fuzz/fuzz_minigc.c
# drives the real command line in-process. It starts from the regression
# corpus (inputs that once found a bug, replayed by `make test` too) plus
# seeds from the samples, the bad-input tests and Go's escape tests, and
# keeps what it learns in build/fuzz/corpus. Findings land in build/fuzz/.
FUZZ_CC     ?= clang
FUZZ_TIME   ?= 60
FUZZ_BUILD  := build/fuzz
FUZZ_CFLAGS := -O1 -g -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -I. -Ifrontend -Ibuild/gen \
               -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_OBJS   := $(LIB_SRCS:%.c=$(FUZZ_BUILD)/%.o) $(FUZZ_BUILD)/html_assets.o \
               $(FUZZ_BUILD)/main.o
FUZZ_BIN    := $(FUZZ_BUILD)/minigc-fuzz

$(FUZZ_BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(FUZZ_BUILD)/main.o: main.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(PKG_CFLAGS) -Dmain=minigc_main -c -o $@ $<

$(FUZZ_BUILD)/html_assets.o: $(BUILD)/html_assets.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_BIN): tests/fuzz/fuzz_minigc.c $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS) -lm

fuzz-build: $(FUZZ_BIN)

fuzz: deps
	@$(MAKE) --no-print-directory fuzz-build
	@bash tests/fuzz/run.sh $(FUZZ_BIN) $(FUZZ_TIME)

memcheck: deps
	@$(MAKE) --no-print-directory all
	@bash tests/memcheck.sh ./$(BIN)

clean:
	rm -rf build minigc
