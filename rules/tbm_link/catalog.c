/*
 * tbm_catalog.c: reads Substack's posts export (CSV, through libcsv in
 * strict mode) into the TBM catalog, and indexes it by slug, id, number,
 * title key and 2020 anchor key, so the rule never scans the catalog.
 *
 * A catalog that cannot be read is an error naming the file and the line:
 * a rule that silently did nothing would let broken links through, which
 * is exactly what it exists to stop.
 */
#include "tbm_link/catalog.h"

#include <csv.h>
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "draftlint/alloc.h"
#include "draftlint/buf.h"
#include "draftlint/diag.h"
#include "draftlint/text.h"

/* ---- normalisation ------------------------------------------------------ */

static bool S_word_cp(int32_t cp) {
  if (cp >= 0 && cp < 0x80) /* the common case, without a table lookup */
    return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO:
  case UTF8PROC_CATEGORY_ND:
  case UTF8PROC_CATEGORY_NL:
  case UTF8PROC_CATEGORY_NO:
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ME:
    return true;
  default:
    return false;
  }
}

static bool S_apostrophe(int32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

/* Appends a word of plain ASCII letters and digits, lower-cased: what the
 * Unicode path below makes of it, without utf8proc (most titles are ASCII,
 * and the catalog is keyed at every start). */
static void S_flush_ascii(dl_buf *key, dl_buf *word) {
  size_t before = key->len;
  dl_buf_put(key, word->s, word->len);
  for (size_t i = before; i < key->len; i++)
    key->s[i] = (char)tolower((unsigned char)key->s[i]);
  if (key->len - before == 3 && memcmp(key->s + before, "and", 3) == 0) {
    key->len = before;
    key->s[before] = '\0';
  }
  word->len = 0;
}

static bool S_is_ascii(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 0x80)
      return false;
  return true;
}

/* Appends the folded form of one word to the key, unless it is "and". */
static void S_flush_word(dl_buf *key, dl_buf *word) {
  if (!word->len)
    return;
  if (S_is_ascii(word->s, word->len)) {
    S_flush_ascii(key, word);
    return;
  }
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t m = utf8proc_map(
      (const utf8proc_uint8_t *)word->s, (utf8proc_ssize_t)word->len, &mapped,
      UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
          UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  word->len = 0;
  if (m < 0)
    return;
  /* compatibility forms may bring non-letters ("½" is "1⁄2"): keep only
   * letters and digits */
  dl_buf folded = {0};
  for (utf8proc_ssize_t i = 0; i < m;) {
    int32_t cp;
    size_t len = dl_utf8_decode((const char *)mapped + i, (size_t)(m - i), &cp);
    if (S_word_cp(cp))
      dl_buf_put(&folded, (const char *)mapped + i, len);
    i += (utf8proc_ssize_t)len;
  }
  free(mapped);
  if (folded.len && !(folded.len == 3 && memcmp(folded.s, "and", 3) == 0))
    dl_buf_put(key, folded.s, folded.len);
  free(folded.s);
}

char *dl_tbm_key(const char *s, size_t n, bool strip_parens) {
  dl_buf key = {0}, word = {0};
  int depth = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    size_t len = dl_utf8_decode(s + i, n - i, &cp);
    if (strip_parens && (cp == '(' || cp == '[')) {
      S_flush_word(&key, &word);
      depth++;
    } else if (strip_parens && depth > 0 && (cp == ')' || cp == ']')) {
      depth--;
    } else if (depth > 0) {
      /* inside a parenthesised part */
    } else if (S_word_cp(cp)) {
      size_t end = i + len; /* the whole run of word characters at once */
      int32_t next;
      size_t more;
      while (end < n && (more = dl_utf8_decode(s + end, n - end, &next)) &&
             S_word_cp(next))
        end += more;
      dl_buf_put(&word, s + i, end - i);
      len = end - i;
    } else if (S_apostrophe(cp) && word.len && i + len < n) {
      int32_t next;
      dl_utf8_decode(s + i + len, n - i - len, &next);
      if (!S_word_cp(next)) /* a closing quote, not an apostrophe */
        S_flush_word(&key, &word);
    } else {
      S_flush_word(&key, &word);
    }
    i += len;
  }
  S_flush_word(&key, &word);
  free(word.s);
  if (!key.s)
    return dl_xstrdup("");
  return key.s;
}

/* ---- citations ------------------------------------------------------------ */

static size_t S_skip_spaces(const char *s, size_t n, size_t i) {
  while (i < n) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')
      i++;
    else if (i + 1 < n && (unsigned char)s[i] == 0xC2 &&
             (unsigned char)s[i + 1] == 0xA0) /* no-break space */
      i += 2;
    else
      break;
  }
  return i;
}

/* Length of a dash or colon separator at s[i], or 0. */
static size_t S_separator(const char *s, size_t n, size_t i) {
  if (i < n && (s[i] == ':' || s[i] == '-'))
    return 1;
  /* en dash, em dash */
  if (i + 2 < n && (unsigned char)s[i] == 0xE2 &&
      (unsigned char)s[i + 1] == 0x80 &&
      ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
    return 3;
  return 0;
}

bool dl_tbm_parse_cite(const char *s, size_t n, dl_tbm_cite *out) {
  static const char *const prefixes[] = {"TBM", "TMB", "TBD", "TBT", "BM",
                                         NULL};
  *out = (dl_tbm_cite){0};
  size_t i = 0;
  for (const char *const *p = prefixes; *p; p++) {
    size_t len = strlen(*p);
    /* "tbm" and "Tbm" are the prefix typed in a hurry; the misspellings
     * are read only as the archive has them, in capitals, since "tbd" and
     * "bm" are words of their own */
    bool exact = n >= len && memcmp(s, *p, len) == 0;
    bool folded = !exact && p == prefixes && n >= len &&
                  strncasecmp(s, *p, len) == 0;
    if ((exact || folded) && (len == n || !isalnum((unsigned char)s[len]))) {
      out->prefixed = true;
      out->folded = folded;
      i = S_skip_spaces(s, n, len);
      if (i < n && s[i] == '#')
        i = S_skip_spaces(s, n, i + 1);
      break;
    }
  }
  size_t start = i;
  while (i < n && isdigit((unsigned char)s[i]))
    i++;
  if (i == start || i - start > 6)
    return false;
  if (i + 1 < n && s[i] == '.' && isdigit((unsigned char)s[i + 1])) {
    i++;
    while (i < n && isdigit((unsigned char)s[i]))
      i++;
  }
  if (i < n && isalpha((unsigned char)s[i]) &&
      (i + 1 == n || !isalpha((unsigned char)s[i + 1])))
    i++;
  bool slash = false;
  if (i + 1 < n && s[i] == '/' && isdigit((unsigned char)s[i + 1])) {
    slash = true;
    i++;
    while (i < n && isdigit((unsigned char)s[i]))
      i++;
  }
  if (!out->prefixed && !slash)
    return false;
  /* the number ends at a word boundary: not "12/31/2020", not "3rd" */
  if (i < n && (isalnum((unsigned char)s[i]) || s[i] == '/'))
    return false;
  /* without a prefix only "32/52: Title" is a citation, not "1/2 of it" */
  if (!out->prefixed && S_skip_spaces(s, n, i) < n &&
      s[S_skip_spaces(s, n, i)] != ':')
    return false;
  if (!out->prefixed && S_skip_spaces(s, n, i) >= n)
    return false;
  if (i - start >= sizeof out->number)
    return false;
  out->num_start = start;
  out->num_end = i;
  for (size_t k = start; k < i; k++)
    out->number[k - start] = (char)tolower((unsigned char)s[k]);
  out->number[i - start] = '\0';
  i = S_skip_spaces(s, n, i);
  size_t sep = S_separator(s, n, i);
  if (sep)
    i = S_skip_spaces(s, n, i + sep);
  out->name_start = i;
  return true;
}

/* ---- posts ---------------------------------------------------------------- */

char *dl_tbm_post_url(const dl_tbm_post *p) {
  return dl_strdup_printf("https://cutlefish.substack.com/p/%s", p->slug);
}

char *dl_tbm_post_cite(const dl_tbm_post *p) {
  if (!p->number)
    return dl_xstrdup(p->title);
  return dl_strdup_printf("TBM %s: %s", p->number, p->name);
}

bool dl_tbm_number_matches(const dl_tbm_post *p, const char *number_key) {
  if (!p->number_key)
    return false;
  if (strcmp(p->number_key, number_key) == 0)
    return true;
  if (strchr(number_key, '/'))
    return false;
  size_t n = strlen(number_key);
  return strncmp(p->number_key, number_key, n) == 0 && p->number_key[n] == '/';
}

/* ---- lookups -------------------------------------------------------------- */

const dl_tbm_post *dl_tbm_by_slug(const dl_tbm_catalog *c, const char *slug,
                                  size_t n) {
  return dl_strmap_get(&c->by_slug, slug, n);
}

const dl_tbm_post *dl_tbm_by_id(const dl_tbm_catalog *c, const char *id,
                                size_t n) {
  return dl_strmap_get(&c->by_id, id, n);
}

const dl_tbm_posts *dl_tbm_by_number(const dl_tbm_catalog *c,
                                     const char *number_key) {
  return dl_strmap_get(&c->by_number, number_key, strlen(number_key));
}

const dl_tbm_posts *dl_tbm_by_title(const dl_tbm_catalog *c, const char *key,
                                    bool *exact) {
  size_t n = strlen(key);
  const dl_tbm_posts *l = n ? dl_strmap_get(&c->by_title, key, n) : NULL;
  *exact = l != NULL;
  if (!l && n)
    l = dl_strmap_get(&c->by_short, key, n);
  return l;
}

/* Bytes at the end of a name after its last word character: ")", "?",
 * "...". */
static size_t S_tail(const char *name, size_t *at) {
  size_t n = strlen(name), end = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    size_t len = dl_utf8_decode(name + i, n - i, &cp);
    i += len;
    if (S_word_cp(cp))
      end = i;
  }
  *at = end;
  return n - end;
}

#define DL_TBM_MAX_WORDS 40

const dl_tbm_posts *dl_tbm_by_title_prefix(const dl_tbm_catalog *c,
                                           const char *s, size_t n,
                                           size_t *len) {
  size_t ends[DL_TBM_MAX_WORDS];
  char *folded[DL_TBM_MAX_WORDS];
  size_t words = 0;
  for (size_t i = 0; i < n && words < DL_TBM_MAX_WORDS;) {
    int32_t cp;
    size_t l = dl_utf8_decode(s + i, n - i, &cp);
    if (!S_word_cp(cp)) {
      i += l;
      continue;
    }
    size_t start = i;
    while (i < n) { /* a word, apostrophes inside it included */
      l = dl_utf8_decode(s + i, n - i, &cp);
      if (S_word_cp(cp)) {
        i += l;
        continue;
      }
      int32_t next = 0;
      if (S_apostrophe(cp) && i + l < n)
        dl_utf8_decode(s + i + l, n - i - l, &next);
      if (!S_word_cp(next))
        break;
      i += l;
    }
    folded[words] = dl_tbm_key(s + start, i - start, false);
    ends[words++] = i;
  }
  const dl_tbm_posts *found = NULL;
  for (size_t j = words; j > 0 && !found; j--) {
    if (!*folded[j - 1]) /* a trailing "and" is the writer's, not the title's */
      continue;
    dl_buf key = {0};
    for (size_t w = 0; w < j; w++)
      dl_buf_put(&key, folded[w], strlen(folded[w]));
    bool exact;
    found = key.len ? dl_tbm_by_title(c, key.s, &exact) : NULL;
    free(key.s);
    if (found) {
      size_t at, tail = S_tail(found->items[0]->name, &at);
      *len = ends[j - 1];
      if (tail && *len + tail <= n &&
          memcmp(s + *len, found->items[0]->name + at, tail) == 0)
        *len += tail;
    }
  }
  for (size_t w = 0; w < words; w++)
    free(folded[w]);
  return found;
}

const dl_tbm_posts *dl_tbm_by_anchor(const dl_tbm_catalog *c, const char *key) {
  size_t n = strlen(key);
  return n ? dl_strmap_get(&c->by_anchor, key, n) : NULL;
}

/* ---- building the indexes ------------------------------------------------- */

static void S_index(dl_strmap *m, const char *key, const dl_tbm_post *p) {
  size_t n = strlen(key);
  if (!n)
    return;
  bool added;
  dl_strmap_entry *e = dl_strmap_put(m, key, n, &added);
  if (added)
    e->value = dl_xcalloc(1, sizeof(dl_tbm_posts));
  dl_tbm_posts *l = e->value;
  for (size_t i = 0; i < l->len; i++)
    if (l->items[i] == p)
      return;
  l->items = dl_xgrow(l->items, &l->cap, l->len + 1, sizeof *l->items);
  l->items[l->len++] = p;
}

static void S_free_lists(dl_strmap *m) {
  for (size_t i = 0; i < m->cap; i++) {
    dl_tbm_posts *l = m->slots[i].key ? m->slots[i].value : NULL;
    if (l)
      free(l->items);
    free(l);
  }
  dl_strmap_free(m);
}

static void S_build_indexes(dl_tbm_catalog *c) {
  for (size_t i = 0; i < c->nposts; i++) {
    const dl_tbm_post *p = &c->posts[i];
    bool added;
    dl_strmap_entry *e = dl_strmap_put(&c->by_slug, p->slug, strlen(p->slug),
                                       &added);
    if (added) /* a slug is unique on Substack; the first record wins */
      e->value = (void *)p;
    e = dl_strmap_put(&c->by_id, p->id, strlen(p->id), &added);
    if (added)
      e->value = (void *)p;
    if (p->number_key) {
      S_index(&c->by_number, p->number_key, p);
      const char *slash = strchr(p->number_key, '/');
      if (slash) {
        char *numerator = dl_xstrndup(p->number_key,
                                      (size_t)(slash - p->number_key));
        S_index(&c->by_number, numerator, p);
        free(numerator);
      }
    }
    if (!p->number) /* "The Beautiful Mess", "Break": names, not citations */
      continue;
    char *full = dl_tbm_key(p->name, strlen(p->name), false);
    char *brief = dl_tbm_key(p->name, strlen(p->name), true);
    S_index(&c->by_title, full, p);
    if (strcmp(full, brief) != 0)
      S_index(&c->by_short, brief, p);
    if (p->year == 2020)
      S_index(&c->by_anchor, full, p);
    free(full);
    free(brief);
  }
}

/* ---- reading the CSV ------------------------------------------------------ */

typedef struct loader {
  dl_tbm_catalog *c;
  size_t cap;             /* of c->posts */
  char **fields;          /* the record being read */
  size_t nfields, fcap;
  size_t line;            /* the physical line being fed to the parser */
  size_t record_line;     /* where the current record started */
  bool in_record;
  size_t nrecords;        /* the header included */
  long col_id, col_title, col_date;
  size_t ncols;
  char *error;
} loader;

static char *S_trimmed(const char *s) {
  size_t n = strlen(s);
  while (n && isspace((unsigned char)s[n - 1]))
    n--;
  while (n && isspace((unsigned char)*s)) {
    s++;
    n--;
  }
  return dl_xstrndup(s, n);
}

/* Whitespace runs become one space; leading and trailing space goes. */
static char *S_collapsed(const char *s) {
  char *out = dl_xmalloc(strlen(s) + 1);
  size_t n = 0;
  bool space = false;
  for (; *s; s++) {
    if (isspace((unsigned char)*s)) {
      space = n > 0;
      continue;
    }
    if (space)
      out[n++] = ' ';
    space = false;
    out[n++] = *s;
  }
  out[n] = '\0';
  return out;
}

static void S_fail(loader *L, size_t line, const char *fmt, const char *arg) {
  if (L->error)
    return;
  char *reason = dl_strdup_printf(fmt, arg);
  L->error = dl_strdup_printf("%s:%zu: TBM catalog: %s", L->c->path, line,
                              reason);
  free(reason);
}

static void S_header(loader *L) {
  L->ncols = L->nfields;
  L->col_id = L->col_title = L->col_date = -1;
  for (size_t i = 0; i < L->nfields; i++) {
    char *name = S_trimmed(L->fields[i]);
    if (strcmp(name, "post_id") == 0)
      L->col_id = (long)i;
    else if (strcmp(name, "title") == 0)
      L->col_title = (long)i;
    else if (strcmp(name, "post_date") == 0)
      L->col_date = (long)i;
    free(name);
  }
  const char *missing = L->col_id < 0 ? "post_id" : L->col_title < 0 ? "title" : NULL;
  if (missing)
    S_fail(L, L->record_line,
           "the header has no '%s' column; expected Substack's posts export "
           "(post_id,post_date,...,title,...)",
           missing);
}

static void S_post(loader *L) {
  size_t line = L->record_line;
  if (L->nfields != L->ncols) {
    char *counts = dl_strdup_printf("%zu fields where the header has %zu",
                                    L->nfields, L->ncols);
    S_fail(L, line, "the record has %s (a missing column, or an unquoted "
                    "comma?)", counts);
    free(counts);
    return;
  }
  const char *post_id = L->fields[L->col_id];
  const char *dot = strchr(post_id, '.');
  size_t idlen = dot ? (size_t)(dot - post_id) : 0;
  bool digits = idlen > 0;
  for (size_t i = 0; i < idlen; i++)
    digits &= isdigit((unsigned char)post_id[i]) != 0;
  if (!digits) {
    S_fail(L, line, "post_id '%s' is not a number, a dot and a slug", post_id);
    return;
  }
  const char *slug = dot + 1;
  for (const char *s = slug; *s; s++) {
    if (isspace((unsigned char)*s) || *s == '/' || *s == '?' || *s == '#') {
      S_fail(L, line, "post_id '%s' has a slug that cannot be in a URL",
             post_id);
      return;
    }
  }
  if (!*slug) /* a draft never given a slug has no page to link to */
    return;
  /* A post the rule cannot name would be suggested as "[](URL)". */
  const char *title = L->fields[L->col_title];
  while (isspace((unsigned char)*title))
    title++;
  if (!*title) {
    S_fail(L, line, "post '%s' has an empty title", post_id);
    return;
  }
  L->c->posts = dl_xgrow(L->c->posts, &L->cap, L->c->nposts + 1,
                         sizeof *L->c->posts);
  dl_tbm_post *p = &L->c->posts[L->c->nposts++];
  *p = (dl_tbm_post){.id = dl_xstrndup(post_id, idlen),
                     .slug = dl_xstrdup(slug),
                     .title = S_collapsed(L->fields[L->col_title]),
                     .line = line};
  p->name = p->title;
  dl_tbm_cite cite;
  if (dl_tbm_parse_cite(p->title, strlen(p->title), &cite) &&
      cite.name_start < strlen(p->title)) {
    p->number = dl_xstrndup(p->title + cite.num_start,
                            cite.num_end - cite.num_start);
    p->number_key = dl_xstrdup(cite.number);
    p->name = p->title + cite.name_start;
  }
  if (L->col_date >= 0) {
    const char *d = L->fields[L->col_date];
    if (isdigit((unsigned char)d[0]) && isdigit((unsigned char)d[1]) &&
        isdigit((unsigned char)d[2]) && isdigit((unsigned char)d[3]))
      p->year = atoi(d);
  }
}

static void S_field(void *data, size_t len, void *arg) {
  loader *L = arg;
  L->fields = dl_xgrow(L->fields, &L->fcap, L->nfields + 1, sizeof *L->fields);
  L->fields[L->nfields++] = dl_xstrndup(data ? data : "", data ? len : 0);
}

static void S_record(int c, void *arg) {
  (void)c;
  loader *L = arg;
  if (!L->error) {
    if (L->nrecords == 0)
      S_header(L);
    else
      S_post(L);
  }
  L->nrecords++;
  for (size_t i = 0; i < L->nfields; i++)
    free(L->fields[i]);
  L->nfields = 0;
  L->in_record = false;
}

/* Ends of physical lines: "\n", "\r\n" or a lone "\r". */
static size_t S_line_end(const char *s, size_t n, size_t i) {
  while (i < n && s[i] != '\n' && s[i] != '\r')
    i++;
  if (i < n && s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
    i++;
  return i < n ? i + 1 : n;
}

static bool S_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != '\r' && s[i] != '\n')
      return false;
  return true;
}

/* 1-based line of byte `at` (LF, CRLF or CR endings). */
static size_t S_line_of(const char *s, size_t at) {
  size_t line = 1;
  for (size_t i = 0; i < at; i++)
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= at || s[i + 1] != '\n')))
      line++;
  return line;
}

static void S_feed(loader *L, const char *bytes, size_t len) {
  struct csv_parser parser;
  csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  csv_set_realloc_func(&parser, dl_xrealloc);
  csv_set_free_func(&parser, free);
  /* Fed one physical line at a time, so an error or a record knows its
   * line; a quoted field may run over several lines. */
  for (size_t i = 0; i < len && !L->error;) {
    size_t end = S_line_end(bytes, len, i);
    L->line++;
    if (!L->in_record && !S_blank(bytes + i, end - i)) {
      L->in_record = true;
      L->record_line = L->line;
    }
    if (csv_parse(&parser, bytes + i, end - i, S_field, S_record, L) !=
        end - i)
      S_fail(L, L->line, "%s", csv_error(&parser) == CSV_EPARSE
                                   ? "broken quoting: a '\"' inside an "
                                     "unquoted field, or text after a "
                                     "closing quote"
                                   : csv_strerror(csv_error(&parser)));
    i = end;
  }
  if (!L->error && csv_fini(&parser, S_field, S_record, L) != 0)
    S_fail(L, L->record_line, "%s",
           "a quoted field in this record is never closed");
  csv_free(&parser);
}

dl_tbm_catalog *dl_tbm_catalog_parse(const char *path, const char *bytes,
                                     size_t len, char **error) {
  dl_tbm_catalog *c = dl_xcalloc(1, sizeof *c);
  c->path = dl_xstrdup(path);
  loader L = {.c = c};
  const char *nul = memchr(bytes, '\0', len);
  size_t valid = dl_utf8_validate(bytes, nul ? (size_t)(nul - bytes) : len);
  if (valid < len) {
    S_fail(&L, S_line_of(bytes, valid), "%s",
           nul && valid == (size_t)(nul - bytes)
               ? "a NUL byte; is it a CSV file?"
               : "not valid UTF-8; save the export as UTF-8");
  } else {
    size_t bom = len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    S_feed(&L, bytes + bom, len - bom);
    if (L.nrecords == 0)
      S_fail(&L, 1, "%s",
             "the file is empty; expected Substack's posts export, a header "
             "line (post_id,...,title,...) and one line per post");
    else if (L.nrecords == 1)
      S_fail(&L, L.line + 1, "%s", "there is a header but no posts");
  }
  for (size_t i = 0; i < L.nfields; i++)
    free(L.fields[i]);
  free(L.fields);
  if (L.error) {
    *error = L.error;
    dl_tbm_catalog_free(c);
    return NULL;
  }
  S_build_indexes(c);
  return c;
}

void dl_tbm_catalog_free(dl_tbm_catalog *c) {
  if (!c)
    return;
  for (size_t i = 0; i < c->nposts; i++) {
    dl_tbm_post *p = &c->posts[i];
    free(p->id);
    free(p->slug);
    free(p->title);
    free(p->number);
    free(p->number_key);
  }
  free(c->posts);
  dl_strmap_free(&c->by_slug);
  dl_strmap_free(&c->by_id);
  S_free_lists(&c->by_number);
  S_free_lists(&c->by_title);
  S_free_lists(&c->by_short);
  S_free_lists(&c->by_anchor);
  free(c->path);
  free(c);
}
