# minigc - `make help` lists the targets.
#
# Dependencies are Debian packages found with pkg-config; `make deps` installs
# what is missing (as root) or prints the apt-get command to run.

CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -I. -Ifrontend
PKGS    := libcgraph libgvc
SAN     ?=

ifeq ($(SAN),1)
BUILD   := build/san
CFLAGS  := -O1 -g -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -I. -Ifrontend \
           -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
BIN     := $(BUILD)/minigc
else
BUILD   := build/rel
BIN     := minigc
endif

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

LIB_SRCS := $(wildcard frontend/*.c ssa/*.c passes/*.c dot/*.c)
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/%.o) $(BUILD)/stdlib_data.o
STDLIB_GO := $(shell find frontend/stdlib -name '*.go' 2>/dev/null | LC_ALL=C sort)
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps demo test unit accept bench clean help

all: $(BIN)

help:
	@echo "make            build ./minigc"
	@echo "make deps       install missing Debian packages (as root) or print the command"
	@echo "make demo       set up, build, and run minigc on a bundled sample"
	@echo "make test       unit tests, bad-input tests, Go's own test files; SAN=1 for sanitizers"
	@echo "make bench      time minigc against go tool compile on a generated file"
	@echo "make clean      remove build products"

$(BIN): $(BUILD)/main.o $(LIB_OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm

$(BUILD)/%.o: %.c $(wildcard frontend/*.h ssa/*.h passes/*.h dot/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

# The standard-library models are Go source embedded in the binary.
$(BUILD)/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -std=c11 -Wall -Wextra -o $@ $<

$(BUILD)/stdlib_data.c: $(BUILD)/embed $(STDLIB_GO)
	$(BUILD)/embed frontend/stdlib $(STDLIB_GO) > $@.tmp && mv $@.tmp $@

$(BUILD)/stdlib_data.o: $(BUILD)/stdlib_data.c
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS) tests/unit/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -Itests/unit -o $@ $< $(LIB_OBJS) $(LDFLAGS) $(PKG_LIBS) $(CMOCKA_LIBS) -lm

deps:
	@sh tools/deps.sh

demo: deps
	@$(MAKE) --no-print-directory all
	./$(BIN) -m -l samples/return_local.go

unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; $$t; done

accept: $(BIN)
	@sh tests/accept.sh ./$(BIN)

test: deps
	@$(MAKE) --no-print-directory all unit
	@sh tests/run_bad.sh ./$(BIN)
	@sh tests/accept.sh ./$(BIN)

bench: $(BIN)
	@sh tests/bench.sh ./$(BIN)

clean:
	rm -rf build minigc
