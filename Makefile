# draftlint: a linter for Markdown newsletter drafts.
#
#   make run        install missing packages, build, lint the example draft
#   make test       install missing packages, build, run every test
#   make check-sanitize   the test suite under ASan and UBSan
#   make check-valgrind   the test suite under valgrind's memcheck
#   make fuzz FUZZ_SECONDS=N   every libFuzzer harness in tests/fuzz/
#   make bench      figures: draftlint beside cmark and markdownlint
#   make install PREFIX=/usr/local      make clean       make V=1 (commands)
#
# One plain Makefile: sources are found by wildcard, so a new rule is a new
# file in rules/ plus its line in rules/rules.def.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
BINDIR     = $(PREFIX)/bin
DATADIR    = $(PREFIX)/share/draftlint
DOCDIR     = $(PREFIX)/share/doc/draftlint
# Where findings link to each rule's page (docs/rules/RULE.md) when the
# pages are not installed beside the binary (a build tree): the default
# PREFIX's pages, or a published copy's address.
DOCS_URL  ?= file://$(DOCDIR)/rules/
MANDIR     = $(PREFIX)/share/man/man1
BUILD     ?= build
CC        ?= cc

PKGS       = libcmark libpcre2-8 libutf8proc inih jansson
TEST_PKGS  = cmocka

CFLAGS    ?= -O2 -g
DL_CFLAGS  = -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
             -Iinclude -Isrc -Irules -DDL_VERSION='"$(VERSION)"' \
             -DDL_DATADIR='"$(DATADIR)"' -DDL_DOCS_URL='"$(DOCS_URL)"' \
             -MMD -MP $(SAN_FLAGS)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# libcsv (the TBM catalog's CSV parser) ships no pkg-config file.
CSV_LIBS   = -lcsv
LDLIBS     = $(PKG_LIBS) $(CSV_LIBS) -lpthread -lm

# Every .c under src/ and rules/ but main.c: a new file in a folder is built.
CORE_SRC   = $(filter-out src/main.c,$(shell find src rules -name '*.c' | LC_ALL=C sort))
CORE_OBJ   = $(CORE_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC   = $(wildcard tests/unit/test_*.c)
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BIN        = $(BUILD)/draftlint
# The open-class lexicon, converted from Debian's wordnet-base at build time
# (rules/data/WORDNET-LICENSE); rules map it at run time.
WORDNET   ?= /usr/share/wordnet
LEXICON    = rules/data/wordnet.lex

.PHONY: all run test check check-layers check-unit check-cli check-golden check-corpus \
        check-recall check-man check-sanitize deps install uninstall clean \
        check-html bench-html check-config check-git check-sarif \
        bench-quality model lm check-docs check-history
.PHONY: check-fuzz-replay check-hostile check-valgrind fuzz fuzz-build \
        fuzz-coverage bench check-fix check-lsp

# Short build lines; `make V=1` prints the whole commands.
ifeq ($(V),1)
Q   =
say = @:
else
Q   = @
say = @printf '  %-6s %s\n'
endif

all: $(BIN) $(LEXICON)

$(LEXICON): tools/mklexicon.py
	python3 tools/mklexicon.py $(WORDNET) $@

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(DL_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/libdraftlint.a: $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(say) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(BUILD)/obj/src/main.o $(BUILD)/libdraftlint.a
	$(say) LINK $@
	$(Q)$(CC) $(CFLAGS) $(SAN_FLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(BUILD)/libdraftlint.a
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(DL_CFLAGS) $(PKG_CFLAGS) $(shell pkg-config --cflags $(TEST_PKGS)) \
	  $(CFLAGS) -o $@ $< $(BUILD)/libdraftlint.a $(LDLIBS) \
	  $(shell pkg-config --libs $(TEST_PKGS))

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)


# ---- set-up on a fresh Debian machine ----------------------------------
# Installs only what pkg-config or the shell cannot find.
deps:
	@missing=""; \
	for pair in libcmark:libcmark-dev libpcre2-8:libpcre2-dev \
	            libutf8proc:libutf8proc-dev inih:libinih-dev \
	            jansson:libjansson-dev cmocka:libcmocka-dev; do \
	  pkg-config --exists $${pair%%:*} 2>/dev/null || missing="$$missing $${pair#*:}"; \
	done; \
	[ -f /usr/include/csv.h ] || missing="$$missing libcsv-dev"; \
	[ -f $(WORDNET)/index.noun ] || missing="$$missing wordnet-base"; \
	for pair in cc:gcc pkg-config:pkg-config python3:python3 git:git \
	            mandoc:mandoc cmark:cmark chromium:chromium node:nodejs npm:npm \
	            nvim:neovim; do \
	  command -v $${pair%%:*} >/dev/null 2>&1 || missing="$$missing $${pair#*:}"; \
	done; \
	/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || missing="$$missing python3-jsonschema"; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo"; \
	  echo "installing:$$missing"; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing \
	  || { $$sudo apt-get update && \
	       $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; }; \
	fi

run: deps
	@$(MAKE) --no-print-directory $(BIN) $(LEXICON)
	@$(BIN) examples/the-product-is-the-process.md; rc=$$?; [ $$rc -le 1 ]

# ---- tests ---------------------------------------------------------------
test: deps
	@$(MAKE) --no-print-directory check

check: $(BIN) $(UNIT_BIN) $(LEXICON)
	@$(MAKE) --no-print-directory check-layers check-unit check-golden check-cli check-corpus \
	  check-recall check-man check-html check-config check-git check-sarif \
	  check-docs check-history
	@$(MAKE) --no-print-directory check-fuzz-replay check-hostile check-fix
	@$(MAKE) --no-print-directory check-lsp

check-unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $$t || exit 1; done

check-golden: $(BIN)
	@tests/golden/run.sh $(BIN)

check-cli: $(BIN)
	@tests/cli/run.sh $(BIN)
	@tests/cli/output.sh $(BIN)
	@tests/cli/tbm.sh $(BIN)
	@tests/cli/learn.sh $(BIN)

# The HTML report in Debian's headless Chromium (playwright-core from npm,
# pinned in the script); screenshots and reports stay in build/html-test.
check-html: $(BIN)
	@tests/html/run.sh $(BIN)

# How the HTML report's time grows with the draft's size (not a test).
bench-html: $(BIN)
	@tests/bench/html_report.sh $(BIN)

check-corpus: $(BIN)
	@python3 tests/corpus/precision.py $(BIN)
	@python3 tests/corpus/literal.py $(BIN)

check-recall: $(BIN)
	@python3 tests/recall/recall.py $(BIN)
	@python3 tests/qa/run.py $(BIN)

# The house rules (docs/ARCHITECTURE.md): which folder may include which,
# only src/input/ reads files, no file over 900 lines or function over 120.
check-layers: $(BIN)
	@python3 tests/layers/check.py
	@tests/layers/selftest.sh
	@tests/layers/lib_selftest.sh $(BIN)

# mandoc's lint, the SYNOPSIS one command a line, FILES against make install.
check-man: $(BIN) $(LEXICON)
	@tests/man/run.sh

# The rule pages' examples (docs/rules/), and the README's sample outputs,
# against the real binary; then the README's set-up and quickstart, as
# written, in a temporary HOME on a copy of the checkout.
check-docs: $(BIN) $(LEXICON)
	@python3 tests/docs/rules.py $(BIN)
	@python3 tests/readme/samples.py $(BIN)
	@tests/readme/quickstart.sh

# draftlint lsp (issue 16): a scripted client for every protocol case, then
# Debian's Neovim, headless, with its built-in LSP client on the seed draft.
check-lsp: $(BIN)
	@python3 tests/lsp/client.py $(BIN)
	@tests/lsp/nvim.sh $(BIN)

# Configuration files, pattern rules and draftlint comments, on real files.
check-config: $(BIN)
	@tests/config/run.sh $(BIN)

# The pre-commit hook and --staged in a real temporary git repository.
check-git: $(BIN)
	@tests/git/run.sh $(BIN)

# broken-edit in real git repositories: --since, --staged, history = head,
# edit sessions on the author's posts, this project's README history.
check-history: $(BIN)
	@tests/history/run.sh $(BIN)

# --format sarif against the official schema; --format github.
check-sarif: $(BIN)
	@tests/sarif/run.sh $(BIN)

# incoherent-sentence on the held-out posts: recall per kind and false
# alarms per 10,000 words, strict and proofread, and the splice scorer alone
# (a benchmark, not a test).  QUALITY_CANDIDATE=DIR adds a candidate
# scorer's rows (DIR: its sentence.model and english.ngram).
bench-quality: $(BIN) $(LEXICON) $(BUILD)/rank
	@python3 tests/quality/bench.py $(BIN) --rank $(BUILD)/rank \
	  $(if $(QUALITY_CANDIDATE),--candidate $(QUALITY_CANDIDATE))

# The general-English n-gram table's builder (tools/mklm.c).
$(BUILD)/mklm: tools/mklm.c $(BUILD)/libdraftlint.a
	$(CC) $(DL_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libdraftlint.a $(LDLIBS)

# The splice scorer alone on the held-out posts (tests/quality/rank.c).
$(BUILD)/rank: tests/quality/rank.c $(BUILD)/libdraftlint.a
	$(CC) $(DL_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libdraftlint.a $(LDLIBS)

# Retrains the shipped sentence model on the training split of the corpus
# (never on the held-out posts that bench-quality measures).
model: $(BIN) $(LEXICON)
	tools/train-model.sh $(BIN)

# Builds a general-English n-gram table (rules/data/english.ngram) from
# ../shared/corpus/english (decompressed into a scratch folder; not the
# shipped table: tools/train-lm.sh says why); run `make model` after it.
lm: $(BUILD)/mklm $(LEXICON)
	tools/train-lm.sh $(BUILD)/mklm

# The whole suite again, built with AddressSanitizer and UBSan.
check-sanitize: deps
	@$(MAKE) --no-print-directory BUILD=build/sanitize CFLAGS="-O1 -g" \
	  SAN_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  check

# ---- hardening: fuzzing, hostile inputs, valgrind (issue 7) --------------
# Every tests/fuzz/fuzz_NAME.c is a libFuzzer harness: adding one is a file
# (plus NAME.seeds, an optional NAME.dict).  `make fuzz` builds each with
# clang's libFuzzer, ASan and UBSan and runs it FUZZ_SECONDS; `make check`
# replays each one's regression inputs and seeds without libFuzzer.
FUZZ_SRC     = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_SECONDS ?= 60
# FUZZ_ONLY=NAME (or "NAME NAME"): fuzz, or show the coverage of, only these
# harnesses, one at a time on a small machine.
FUZZ_ONLY    ?=
FUZZ_BUILD   = build/fuzz
NODEP_CFLAGS = $(filter-out -MMD -MP,$(DL_CFLAGS)) -DDL_SOURCE_DIR='"$(CURDIR)"'

$(BUILD)/tests/replay_%: tests/fuzz/%.c tests/fuzz/replay.c $(BUILD)/libdraftlint.a
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(NODEP_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -o $@ $< tests/fuzz/replay.c \
	  $(BUILD)/libdraftlint.a $(LDLIBS)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(BUILD)/libdraftlint.a
	$(CC) $(NODEP_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -fsanitize=fuzzer -o $@ $< \
	  $(BUILD)/libdraftlint.a $(LDLIBS)

check-fuzz-replay: $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/tests/replay_%)
	@tests/fuzz/run.sh replay $(BUILD)

check-hostile: $(BIN)
	@tests/hostile/run.sh $(BIN)

# --fix killed at random moments (200 runs: the draft is wholly old or
# wholly new), leftovers taken over, a full disk (ulimit -f, a tmpfs).
check-fix: $(BIN)
	@tests/fix/run.sh $(BIN)

fuzz-build: $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/%)

fuzz: deps
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang CFLAGS="-O1 -g" \
	  SAN_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  fuzz-build
	@for src in $(if $(FUZZ_ONLY),$(FUZZ_ONLY:%=tests/fuzz/fuzz_%.c),$(FUZZ_SRC)); do \
	  n=$${src#tests/fuzz/fuzz_}; n=$${n%.c}; \
	  tests/fuzz/run.sh fuzz $$n $(FUZZ_SECONDS) $(FUZZ_BUILD)/fuzz_$$n || exit 1; done

# Source coverage of the fuzz corpora (llvm-cov), after make fuzz.
fuzz-coverage:
	@tests/fuzz/coverage.sh $(FUZZ_ONLY)

# The whole suite with every binary it runs under memcheck; fails on any
# error or definitely lost byte (tests/valgrind/run.sh reads the logs).
check-valgrind: deps
	@$(MAKE) --no-print-directory $(BIN) $(UNIT_BIN) \
	  $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/tests/replay_%)
	@tests/valgrind/run.sh $(BUILD)

# ---- benchmark (issue 6): figures, never a test ------------------------
# draftlint beside libcmark's parse (the floor) and markdownlint-cli2
# (installed by the script into build/bench/ with npm).  BENCH_RUNS=N sets
# the best-of count; BENCH_FLAGS=--full adds the slow 100 MB columns.
$(BUILD)/bench/cmark_parse: tests/bench/cmark_parse.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -Wall -Wextra -Werror -O2 $(PKG_CFLAGS) -o $@ $< $(PKG_LIBS)

# broken-edit's comparison with the version before (tests/bench/history.c).
$(BUILD)/bench/history: tests/bench/history.c $(BUILD)/libdraftlint.a
	@mkdir -p $(dir $@)
	$(CC) $(DL_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libdraftlint.a $(LDLIBS)

bench: $(BIN) $(BUILD)/bench/cmark_parse $(BUILD)/bench/history
	@python3 tests/bench/bench.py $(BIN) $(BUILD)/bench/cmark_parse \
	  $(if $(BENCH_RUNS),--runs $(BENCH_RUNS)) $(BENCH_FLAGS)
	@python3 tests/bench/history.py $(BIN) $(BUILD)/bench/history \
	  $(if $(BENCH_RUNS),--runs $(BENCH_RUNS))

# ---- install -------------------------------------------------------------
install: $(BIN) $(LEXICON)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR) \
	  $(DESTDIR)$(DATADIR)/rules $(DESTDIR)$(DOCDIR)/rules
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/draftlint
	for f in rules/data/*; do [ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(DATADIR)/; done; true
	install -m 644 rules/*.ini $(DESTDIR)$(DATADIR)/rules/
	install -m 644 man/draftlint.1 $(DESTDIR)$(MANDIR)/draftlint.1
	install -m 644 docs/rules/*.md $(DESTDIR)$(DOCDIR)/rules/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/draftlint $(DESTDIR)$(MANDIR)/draftlint.1
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)

clean:
	rm -rf $(BUILD) build
