# rasd - Arabic news to political event data.
#
#   make            build build/librasd.a, build/librasd.so and build/rasd
#   make run        set up, build and run the main job on the bundled examples
#   make test       set up, build and run the whole test suite (also ASan/UBSan
#                   and short fuzzing runs)
#   make bench      benchmarks (bench/README.md)
#   make fuzz       build the libFuzzer targets into build-fuzz/
#   make models     retrain every model from ../shared (see data/models/)
#
# BUILD=dir selects the build directory, SAN=1 builds with ASan+UBSan,
# FUZZ=1 (with CC=clang) instruments for libFuzzer.

BUILD   ?= build
CC      ?= cc
SHARED  ?= ../shared
PKGS    := libxml-2.0 jansson libzstd libutf8proc sqlite3 libmicrohttpd

OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wno-unused-parameter
CPPFLAGS_ALL := -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
           -DRASD_DATA_DIR='"$(CURDIR)/data"' \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
CFLAGS_ALL := -std=c11 $(WARN) -fPIC -pthread $(CFLAGS)
LIBS    := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm

ifeq ($(SAN),1)
CFLAGS_ALL += -fsanitize=address,undefined -fno-omit-frame-pointer \
              -fno-sanitize-recover=undefined
LDSAN   := -fsanitize=address,undefined
endif
ifeq ($(FUZZ),1)
CFLAGS_ALL += -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
LDSAN   := -fsanitize=address,undefined
endif

LIB_SRC  := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC  := $(sort $(filter-out src/cli/main.c,$(wildcard src/cli/*.c)))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRC := $(sort $(wildcard bench/*.c))
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
DEPS     := $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(BUILD)/obj/src/cli/main.d

.PHONY: all lib cli run test check test-fast test-asan fuzz fuzz-smoke bench \
        models setup clean tests-bin
.DELETE_ON_ERROR:

all: lib cli

lib: $(BUILD)/librasd.a $(BUILD)/librasd.so
cli: $(BUILD)/rasd

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/librasd.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/librasd.so: $(LIB_OBJ)
	$(CC) -shared $(CFLAGS_ALL) $(LDSAN) -o $@ $^ $(LIBS)

$(BUILD)/libcli.a: $(CLI_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/rasd: $(BUILD)/obj/src/cli/main.o $(BUILD)/libcli.a $(BUILD)/librasd.a
	$(CC) $(CFLAGS_ALL) $(LDSAN) -o $@ $^ $(LIBS)

# Tests: unit tests link the library; the spec runner links the CLI as a
# library (in-process run) and also drives the built binary.
$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h $(BUILD)/librasd.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(LDSAN) -Itests/unit -o $@ $< $(BUILD)/librasd.a $(LIBS)

$(BUILD)/tests/spec_runner: tests/spec_runner.c $(BUILD)/libcli.a $(BUILD)/librasd.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(LDSAN) -Isrc/cli -o $@ $^ $(LIBS)

tests-bin: all $(UNIT_BIN) $(BUILD)/tests/spec_runner

setup:
	@sh tools/setup.sh

# The whole suite: normal build, then ASan/UBSan build, then short fuzz runs.
test: setup
	@$(MAKE) --no-print-directory test-fast
	@$(MAKE) --no-print-directory test-asan
	@$(MAKE) --no-print-directory fuzz-smoke
	@sh tests/summary.sh build build-asan build-fuzz

check: test

test-fast: tests-bin
	@sh tests/run.sh $(BUILD)

test-asan:
	@$(MAKE) --no-print-directory BUILD=build-asan SAN=1 OPT=-O1 tests-bin
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  sh tests/run.sh build-asan

fuzz:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang FUZZ=1 OPT=-O1 build-fuzz/librasd.a
	@mkdir -p build-fuzz/fuzz
	@for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
	  echo "clang $$f"; \
	  clang $(CPPFLAGS_ALL) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
	    -o build-fuzz/fuzz/$$n $$f build-fuzz/librasd.a $(LIBS) || exit 1; done

fuzz-smoke: fuzz
	@sh fuzz/smoke.sh build-fuzz/fuzz $${FUZZ_SECONDS:-10}

bench: all $(BENCH_BIN)
	@sh bench/run.sh $(BUILD) $(SHARED)

$(BUILD)/bench/%: bench/%.c $(BUILD)/librasd.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(BUILD)/librasd.a $(LIBS)

models: all
	@sh tools/train-models.sh $(BUILD)/rasd $(SHARED)

run: setup all
	@sh tools/run-main.sh $(BUILD)/rasd $(SHARED)

clean:
	rm -rf build build-asan build-fuzz build-*

-include $(DEPS)
