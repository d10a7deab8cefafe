/*
 * fuzz_pipeline.c: libFuzzer harness over the whole pipeline, as a file
 * goes through it: bytes -> decode checks -> document -> every rule ->
 * every output format.
 *
 * It is written over the tables, not over today's contents, so rules and
 * formats merged later are fuzzed without an edit here:
 *   - every rule in dl_rules[] (DL_RULE_COUNT) is switched on, a rule that
 *     is off by default at warning;
 *   - the formats are the ones `--format` accepts: the command line is the
 *     one place that names them all, and its usage error lists the valid
 *     values (a documented contract), so the harness asks it once.
 * Each input is linted twice, once with the default settings and once with
 * duplicate-heading comparing the whole document, the one setting that
 * changes a rule's code path today (skipped if that setting goes away).
 *
 * Besides crashes, leaks and undefined behaviour (the sanitizers), it
 * checks what every reporter relies on: each block, text map, sentence,
 * finding and fix lies inside the file, and the findings come sorted.  A
 * broken invariant aborts, so libFuzzer keeps the input.
 *
 * The same file builds without libFuzzer (tests/fuzz/replay.c supplies a
 * main), so the inputs under tests/fuzz/regress/ run in `make check`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "draftlint/alloc.h"
#include "draftlint/sentence.h"
#include "engine/lint.h"
#include "report/report.h"
#include "report/rule_url.h"

#ifndef DL_SOURCE_DIR
#define DL_SOURCE_DIR "."
#endif

#define MAX_FORMATS 32
#define MAX_ENGINES 2

static dl_settings S_settings[MAX_ENGINES];
static dl_engine S_engines[MAX_ENGINES];
static size_t S_nengines;
static dl_format S_formats[MAX_FORMATS];
static size_t S_nformats;
static FILE *S_sink;

static void S_die(const char *what, const char *detail) {
  fprintf(stderr, "fuzz_pipeline: %s%s%s\n", what, detail ? ": " : "",
          detail ? detail : "");
  abort();
}

/* Parses a command line into options; returns 0 or -1 (error freed). */
static int S_parse(int argc, const char **argv, dl_options *o, char **error) {
  return dl_cli_parse(argc, (char **)argv, o, error);
}

/* Every value --format takes, from the usage error for a bad one:
 * "invalid value 'X' for --format; valid: text, json, ...". */
static void S_find_formats(void) {
  dl_options o;
  char *error = NULL;
  const char *bad[] = {"draftlint", "--format", "\x7f", NULL};
  if (S_parse(3, bad, &o, &error) == 0)
    S_die("--format accepted a nonsense value", NULL);
  dl_options_free(&o);
  const char *valid = error ? strstr(error, "valid: ") : NULL;
  if (!valid)
    S_die("cannot read the formats from the usage error", error);
  char *list = dl_xstrdup(valid + strlen("valid: ")), *save = NULL;
  for (char *name = strtok_r(list, ", ", &save); name;
       name = strtok_r(NULL, ", ", &save)) {
    const char *argv[] = {"draftlint", "--format", name, NULL};
    char *e = NULL;
    if (S_parse(3, argv, &o, &e) != 0)
      S_die("a format listed as valid is refused", e);
    if (S_nformats == MAX_FORMATS)
      S_die("more formats than MAX_FORMATS", NULL);
    S_formats[S_nformats++] = o.format;
    dl_options_free(&o);
  }
  free(list);
  free(error);
  if (S_nformats == 0)
    S_die("no output format found", NULL);
}

/* Settings with every rule on; `assignment` ("rule.key=value") on top when
 * not NULL.  Returns false when that assignment is refused. */
static bool S_all_rules(dl_settings *s, const char *assignment) {
  dl_settings_defaults(s);
  for (int i = 0; i < DL_RULE_COUNT; i++)
    if (s->severity[i] == DL_SEV_NONE)
      s->severity[i] = DL_SEV_WARNING;
  char *error = NULL;
  if (assignment && dl_settings_assign(s, assignment, &error) != 0) {
    free(error);
    dl_settings_free(s);
    return false;
  }
  return true;
}

static void S_add_engine(const char *assignment) {
  dl_settings *s = &S_settings[S_nengines];
  if (!S_all_rules(s, assignment))
    return;
  char *error = NULL;
  if (dl_engine_init(&S_engines[S_nengines], s, &error) != 0)
    S_die("a rule cannot load its data", error);
  S_nengines++;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  /* Rules that load data find it in the source tree, wherever the
   * harness binary lives. */
  setenv("DRAFTLINT_DATA_DIR", DL_SOURCE_DIR "/rules/data", 0);
  S_find_formats();
  S_add_engine(NULL);
  S_add_engine("duplicate-heading.scope=document");
  S_sink = fopen("/dev/null", "w");
  if (!S_sink)
    S_die("cannot open /dev/null", NULL);
  return 0;
}

static void S_check_doc(const dl_doc *doc) {
  if (doc->body > doc->len || doc->nlines == 0 || doc->line_start[0] != 0)
    S_die("document frame out of range", NULL);
  for (size_t i = 0; i < doc->nblocks; i++) {
    const dl_block *b = &doc->blocks[i];
    if (b->start > b->end || b->end > doc->len)
      S_die("block outside the file", NULL);
    for (size_t k = 0; k <= b->text.len; k++)
      if (b->text.map[k] > doc->len)
        S_die("plain text maps outside the file", NULL);
  }
  size_t n;
  const dl_sentence *s = dl_doc_sentences(doc, &n);
  for (size_t i = 0; i < n; i++) {
    if (s[i].block >= doc->nblocks || s[i].from >= s[i].to ||
        s[i].to > doc->blocks[s[i].block].text.len)
      S_die("sentence outside its block", NULL);
    size_t start, end;
    dl_sentence_range(doc, &s[i], &start, &end);
    if (start > end || end > doc->len)
      S_die("sentence range outside the file", NULL);
  }
}

static void S_check_diags(const dl_result *r) {
  const dl_diag_list *l = &r->diags;
  for (size_t i = 0; i < l->len; i++) {
    const dl_diag *d = &l->items[i];
    if (d->start > d->end || d->end > r->doc->len)
      S_die("finding outside the file", d->rule);
    if (!d->rule || !d->message || !*d->message)
      S_die("finding without rule or message", d->rule);
    if (d->fix && (d->fix->start > d->fix->end || d->fix->end > r->doc->len ||
                   !d->fix->text))
      S_die("fix outside the file", d->rule);
    if (i && l->items[i - 1].start > d->start)
      S_die("findings not sorted", d->rule);
  }
}

static void S_report_all(const dl_result *r) {
  /* The built-in rules, as a run hands them to reporters that list them
   * (SARIF's tool.driver.rules). */
  static dl_rule_info infos[DL_RULE_COUNT];
  static char *urls[DL_RULE_COUNT]; /* each rule's page, made once */
  for (int i = 0; i < DL_RULE_COUNT; i++) {
    if (!urls[i])
      urls[i] = dl_rule_url(dl_rules[i].name);
    infos[i] = (dl_rule_info){dl_rules[i].name, dl_rules[i].summary,
                              dl_rules[i].summary, urls[i],
                              dl_rules[i].severity};
  }
  for (size_t f = 0; f < S_nformats; f++) {
    /* Colours and excerpts on: the most code a reporter has. */
    dl_report_options ro = {.format = S_formats[f],
                            .color = true,
                            .excerpt = true,
                            .quiet = false,
                            .out = S_sink,
                            .rules = infos,
                            .nrules = DL_RULE_COUNT};
    dl_reporter *rep = dl_reporter_new(&ro);
    dl_summary sum = {0};
    rep->file(rep, r);
    dl_summary_add(&sum, r);
    rep->finish(rep, &sum);
    dl_reporter_free(rep);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  for (size_t e = 0; e < S_nengines; e++) {
    char *bytes = dl_xmalloc(size + 1); /* the result takes it */
    if (size)
      memcpy(bytes, data, size);
    dl_result r;
    dl_lint_bytes(&S_engines[e], "fuzz.md", bytes, size, &r);
    if (r.doc) {
      S_check_doc(r.doc);
      S_check_diags(&r);
    } else if (!r.error) {
      S_die("neither a document nor an error", NULL);
    }
    S_report_all(&r);
    dl_result_free(&r);
  }
  return 0;
}
