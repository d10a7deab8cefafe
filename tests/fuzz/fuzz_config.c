/*
 * fuzz_config.c: libFuzzer harness over the configuration reader: bytes ->
 * dl_config_parse (the UTF-8 and NUL checks, inih through our line
 * reader, the section headers pass, the pattern rules compiled with PCRE2
 * and their templates checked) -> the entries applied to settings the way
 * profile.c applies them -> the compiled pattern rules run over a small
 * fixed draft -> free.
 *
 * The bytes are parsed in memory under a made-up path, so the harness
 * never touches the disk; path keys (tbm-link.catalog, ...) are only
 * stored by the settings, never opened.
 *
 * Besides crashes, leaks and undefined behaviour (the sanitizers), it
 * checks what the messages promise: every error names the file and a line
 * inside it (or none), entries and pattern origins point into the file,
 * every pattern that compiled has an expression and a message, and every
 * finding and fix of a pattern rule lies inside the draft.  A broken
 * promise aborts, so libFuzzer keeps the input.
 *
 * Built without libFuzzer too (tests/fuzz/replay.c), so the inputs under
 * tests/fuzz/regress/config/ run in `make check`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "draftlint/alloc.h"
#include "draftlint/doc.h"
#include "engine/pattern.h"
#include "config/settings.h"

#ifndef DL_SOURCE_DIR
#define DL_SOURCE_DIR "."
#endif

#define PATH "/fuzz/.draftlint.ini"

/* A draft with every scope a pattern can search: headings, paragraphs,
 * sentences, link text, list items, quotes, and code that must be skipped. */
static const char S_draft[] =
    "# TMB 37/53: A heading with 50 percent\n"
    "\n"
    "A very big deal. We grew 50 percent this year! Was it *very* good?\n"
    "See [the very first post](https://example.com/a) and <https://x.y/z>.\n"
    "\n"
    "- a list item, very short\n"
    "> a quote with `very code` in it\n"
    "\n"
    "## Second heading\n"
    "\n"
    "Caf\xc3\xa9 na\xc3\xafve \xe2\x80\x9cquoted\xe2\x80\x9d text; TBM 1/53.\n";

static dl_doc *S_doc;

static void S_die(const char *what, const char *detail) {
  fprintf(stderr, "fuzz_config: %s%s%s\n", what, detail ? ": " : "",
          detail ? detail : "");
  abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  /* Sentences (the sentence scope) find their data in the source tree. */
  setenv("DRAFTLINT_DATA_DIR", DL_SOURCE_DIR "/rules/data", 0);
  size_t n = sizeof S_draft - 1;
  char *src = dl_xmalloc(n + 1);
  memcpy(src, S_draft, n + 1);
  S_doc = dl_doc_new("fuzz.md", src, n);
  if (!S_doc)
    S_die("cannot parse the fixed draft", NULL);
  return 0;
}

/* Lines as the reader counts them: LF, CRLF or a lone CR ends one. */
static size_t S_lines(const uint8_t *s, size_t n) {
  size_t lines = 1;
  for (size_t i = 0; i < n; i++)
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n')))
      lines++;
  return lines;
}

/* "PATH:LINE[:COL]: error: ..." or "PATH: error: ..."; returns LINE (0). */
static size_t S_check_message(const char *e, size_t nlines) {
  size_t plen = strlen(PATH);
  if (strncmp(e, PATH ":", plen + 1) != 0)
    S_die("an error does not name the file", e);
  const char *p = e + plen + 1;
  if (strncmp(p, " error: ", 8) == 0)
    return 0;
  char *end;
  size_t line = strtoul(p, &end, 10);
  if (end == p || line == 0 || line > nlines)
    S_die("an error's line is outside the file", e);
  if (*end == ':' && end[1] != ' ')
    strtoul(end + 1, &end, 10); /* a column */
  if (strncmp(end, ": error: ", 9) != 0 || !end[9])
    S_die("an error is not 'PATH:LINE: error: message'", e);
  return line;
}

/* The entries applied to settings as profile.c applies a file: the top
 * section's lists split and looked up, rule keys through dl_settings_set
 * (the one path the command line shares).  Errors are expected; only
 * crashes and leaks count. */
static void S_apply(const dl_config *c, dl_settings *s) {
  for (size_t i = 0; i < c->nentries; i++) {
    const dl_config_entry *e = &c->entries[i];
    char *error = NULL;
    if (!e->key) {
      dl_settings_severity(s, e->section, NULL);
    } else if (!e->section[0]) {
      char **words;
      size_t n = dl_config_split(e->value, &words);
      for (size_t k = 0; k < n; k++) {
        if (strcmp(e->key, "disable") == 0 && strchr(words[k], ':')) {
          dl_settings_disable_kind(s, words[k], &error);
        } else if (strcmp(e->key, "enable") == 0 ||
                   strcmp(e->key, "disable") == 0) {
          dl_severity fallback;
          dl_severity *slot = dl_settings_severity(s, words[k], &fallback);
          if (slot)
            *slot = e->key[0] == 'e' ? (fallback ? fallback : DL_SEV_WARNING)
                                     : DL_SEV_NONE;
        }
        free(error);
        error = NULL;
      }
      dl_config_split_free(words, n);
    } else if (dl_settings_severity(s, e->section, NULL)) {
      dl_settings_set(s, e->section, e->key, e->value, &error);
    }
    free(error);
  }
}

static void S_run_patterns(const dl_config *c) {
  const dl_pattern **live = dl_xcalloc(c->npatterns + 1, sizeof *live);
  size_t n = 0;
  for (size_t i = 0; i < c->npatterns; i++)
    if (c->patterns[i]->code)
      live[n++] = c->patterns[i];
  dl_settings s;
  dl_settings_defaults(&s);
  s.patterns = live;
  s.npatterns = n;
  s.pattern_severity = dl_xcalloc(n + 1, sizeof *s.pattern_severity);
  for (size_t i = 0; i < n; i++)
    s.pattern_severity[i] = live[i]->severity;
  S_apply(c, &s);
  dl_diag_list out = {0};
  dl_patterns_check(S_doc, &s, &out);
  for (size_t i = 0; i < out.len; i++) {
    const dl_diag *d = &out.items[i];
    if (d->start > d->end || d->end > S_doc->len)
      S_die("a pattern finding outside the draft", d->rule);
    if (!d->message)
      S_die("a pattern finding without a message", d->rule);
    if (d->fix && (d->fix->start > d->fix->end ||
                   d->fix->end > S_doc->len || !d->fix->text))
      S_die("a pattern fix outside the draft", d->rule);
  }
  dl_diag_list_sort(&out);
  dl_diag_list_free(&out);
  dl_settings_free(&s);
  free(live);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  dl_config *c = dl_config_parse(PATH, (const char *)data, size, false);
  if (!c)
    S_die("dl_config_parse returned NULL", NULL);
  size_t nlines = S_lines(data, size);
  for (size_t i = 0; i < c->nerrors; i++)
    S_check_message(c->errors[i], nlines);
  for (size_t i = 0; i < c->nentries; i++) {
    const dl_config_entry *e = &c->entries[i];
    if (e->line == 0 || e->line > nlines || !e->section ||
        (e->key && !e->value))
      S_die("an entry outside the file", e->key);
  }
  for (size_t i = 0; i < c->npatterns; i++) {
    const dl_pattern *p = c->patterns[i];
    char *error = dl_strdup_printf("%s: error: x", p->origin);
    if (S_check_message(error, nlines) == 0)
      S_die("a pattern's origin has no line", p->origin);
    free(error);
    if (p->code && (!p->regex || !p->message))
      S_die("a pattern compiled without its expression or message", p->name);
  }
  S_run_patterns(c);
  dl_config_free(c);
  return 0;
}
