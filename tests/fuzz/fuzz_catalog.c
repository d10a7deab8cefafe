/*
 * fuzz_catalog.c: libFuzzer harness over the TBM catalog reader: bytes ->
 * dl_tbm_catalog_parse (the UTF-8 and NUL checks, libcsv in strict mode
 * fed line by line, the header, every record, the title numbers and keys,
 * the indexes) -> lookups -> free.
 *
 * The bytes are parsed in memory (dl_tbm_catalog_parse, which the rule
 * calls on the bytes the engine read), so no temporary file is needed.
 *
 * Besides crashes, leaks and undefined behaviour (the sanitizers), it
 * checks what the rule relies on: an error names the file and a line
 * inside it; every post of a catalog is found again by its
 * slug, id, number and title key, with a citation and URL that can be
 * built; lookups with words from the input itself never fail badly.  A
 * broken promise aborts, so libFuzzer keeps the input.
 *
 * Built without libFuzzer too (tests/fuzz/replay.c), so the inputs under
 * tests/fuzz/regress/catalog/ run in `make check`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "tbm_link/catalog.h"

#define PATH "fuzz.csv"
/* Posts checked one by one per input: enough for every shape of title,
 * bounded so a catalog of thousands of rows stays fast. */
#define MAX_CHECKED 64

static void S_die(const char *what, const char *detail) {
  fprintf(stderr, "fuzz_catalog: %s%s%s\n", what, detail ? ": " : "",
          detail ? detail : "");
  abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
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

/* "fuzz.csv:LINE: TBM catalog: reason", LINE at most one past the end. */
static void S_check_error(const char *e, size_t nlines) {
  if (!e || strncmp(e, PATH ":", strlen(PATH) + 1) != 0)
    S_die("the error does not name the file", e);
  char *end;
  size_t line = strtoul(e + strlen(PATH) + 1, &end, 10);
  if (line == 0 || line > nlines + 1)
    S_die("the error's line is outside the file", e);
  if (strncmp(end, ": TBM catalog: ", 15) != 0 || !end[15])
    S_die("the error is not 'FILE:LINE: TBM catalog: reason'", e);
}

static bool S_listed(const dl_tbm_posts *l, const dl_tbm_post *p) {
  for (size_t i = 0; l && i < l->len; i++)
    if (l->items[i] == p)
      return true;
  return false;
}

/* Every post a number finds must match that number, as the rule asks. */
static void S_check_number(const dl_tbm_catalog *c, const char *key) {
  const dl_tbm_posts *l = dl_tbm_by_number(c, key);
  for (size_t i = 0; l && i < l->len; i++)
    if (!dl_tbm_number_matches(l->items[i], key))
      S_die("a post found by a number does not match it", key);
}

static void S_check_post(const dl_tbm_catalog *c, const dl_tbm_post *p,
                         size_t nlines) {
  if (!p->id || !*p->id || !p->slug || !*p->slug || !p->title || !p->name)
    S_die("a post without id, slug or title", p->title);
  if (p->line == 0 || p->line > nlines)
    S_die("a post's line is outside the file", p->title);
  if (p->name < p->title || p->name > p->title + strlen(p->title))
    S_die("a post's name is not inside its title", p->title);
  const dl_tbm_post *q = dl_tbm_by_slug(c, p->slug, strlen(p->slug));
  if (!q || strcmp(q->slug, p->slug) != 0)
    S_die("a post is not found by its slug", p->slug);
  q = dl_tbm_by_id(c, p->id, strlen(p->id));
  if (!q || strcmp(q->id, p->id) != 0)
    S_die("a post is not found by its id", p->id);
  if (p->number_key) {
    if (!S_listed(dl_tbm_by_number(c, p->number_key), p))
      S_die("a post is not found by its number", p->number_key);
    if (!dl_tbm_number_matches(p, p->number_key))
      S_die("a post's number does not match itself", p->number_key);
    S_check_number(c, p->number_key);
    const char *slash = strchr(p->number_key, '/');
    if (slash) { /* "37" finds 37/53 */
      char *numerator =
          dl_xstrndup(p->number_key, (size_t)(slash - p->number_key));
      if (!S_listed(dl_tbm_by_number(c, numerator), p))
        S_die("a post is not found by its number without '/NN'", numerator);
      S_check_number(c, numerator);
      free(numerator);
    }
    char *key = dl_tbm_key(p->name, strlen(p->name), false);
    bool exact;
    const dl_tbm_posts *l = dl_tbm_by_title(c, key, &exact);
    if (*key && (!S_listed(l, p) || !exact))
      S_die("a numbered post is not found by its title", p->title);
    size_t len = 0;
    dl_tbm_by_title_prefix(c, p->name, strlen(p->name), &len);
    if (len > strlen(p->name))
      S_die("a title prefix longer than the text", p->name);
    dl_tbm_by_anchor(c, key);
    free(key);
  }
  char *url = dl_tbm_post_url(p), *cite = dl_tbm_post_cite(p);
  if (!strstr(url, p->slug) || !*cite)
    S_die("a post's URL or citation is wrong", p->title);
  free(url);
  free(cite);
}

/* Lookups with text from the input itself, as a draft would give them:
 * the first bytes as a title, a number and a slug. */
static void S_lookups(const dl_tbm_catalog *c, const uint8_t *data,
                      size_t size) {
  size_t n = size < 200 ? size : 200;
  char *s = dl_xstrndup((const char *)data, n);
  n = strlen(s); /* up to a NUL */
  size_t len = 0;
  const dl_tbm_posts *l = dl_tbm_by_title_prefix(c, s, n, &len);
  if (l && (len > n || l->len == 0))
    S_die("a title prefix longer than the text", s);
  dl_tbm_cite cite;
  if (dl_tbm_parse_cite(s, n, &cite)) {
    if (cite.num_end > n || cite.name_start > n)
      S_die("a citation outside the text", s);
    S_check_number(c, cite.number);
  }
  char *key = dl_tbm_key(s, n, true);
  bool exact;
  dl_tbm_by_title(c, key, &exact);
  dl_tbm_by_anchor(c, key);
  free(key);
  dl_tbm_by_slug(c, s, n);
  dl_tbm_by_id(c, s, n);
  free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *error = NULL;
  dl_tbm_catalog *c =
      dl_tbm_catalog_parse(PATH, (const char *)data, size, &error);
  size_t nlines = S_lines(data, size);
  if (!c) {
    S_check_error(error, nlines);
    free(error);
    return 0;
  }
  if (error)
    S_die("a catalog and an error", error);
  for (size_t i = 0; i < c->nposts && i < MAX_CHECKED; i++)
    S_check_post(c, &c->posts[i], nlines);
  S_lookups(c, data, size);
  dl_tbm_catalog_free(c);
  return 0;
}
