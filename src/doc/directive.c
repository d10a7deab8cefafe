/*
 * directive.c: find draftlint comments through cmark's HTML nodes (so code
 * never counts), place them by the source bytes, and filter findings by
 * them: the filter stage of DESIGN.md, after every rule has run.
 */
#define _GNU_SOURCE
#include "draftlint/directive.h"

#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"

static const struct {
  const char *word;
  dl_directive_kind kind;
} S_words[] = {
    {"draftlint-disable", DL_DIRECTIVE_DISABLE},
    {"draftlint-enable", DL_DIRECTIVE_ENABLE},
    {"draftlint-disable-next-line", DL_DIRECTIVE_DISABLE_NEXT_LINE},
    {"draftlint-disable-file", DL_DIRECTIVE_DISABLE_FILE},
};

static bool S_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',';
}

static bool S_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':';
}

/* Parses the comment src[start, end) ("<!--" ... "-->"); appends it when it
 * is a draftlint comment. */
static void S_comment(const dl_doc *doc, size_t start, size_t end,
                      dl_directive **out, size_t *n, size_t *cap) {
  const char *s = doc->src;
  size_t i = start + 4, stop = end - 3;
  while (i < stop && S_space(s[i]))
    i++;
  if (stop - i < 10 || strncmp(s + i, "draftlint-", 10) != 0)
    return;
  size_t w = i;
  while (i < stop && S_word_char(s[i]))
    i++;
  dl_directive d = {.kind = DL_DIRECTIVE_UNKNOWN,
                    .start = start,
                    .end = end,
                    .word_start = w,
                    .word_end = i,
                    .last_line = dl_doc_line_index(doc, end - 1)};
  for (size_t k = 0; k < sizeof S_words / sizeof *S_words; k++)
    if (strlen(S_words[k].word) == i - w &&
        strncmp(s + w, S_words[k].word, i - w) == 0)
      d.kind = S_words[k].kind;
  size_t ncap = 0;
  while (d.kind != DL_DIRECTIVE_UNKNOWN && i < stop) {
    while (i < stop && S_space(s[i]))
      i++;
    size_t a = i;
    while (i < stop && !S_space(s[i]))
      i++;
    if (i > a) {
      d.names = dl_xgrow(d.names, &ncap, d.nnames + 1, sizeof *d.names);
      d.names[d.nnames++] =
          (dl_directive_name){a, i, dl_xstrndup(s + a, i - a)};
    }
  }
  *out = dl_xgrow(*out, cap, *n + 1, sizeof **out);
  (*out)[(*n)++] = d;
}

/* Every "<!-- ... -->" in src[from, to). */
static void S_scan(const dl_doc *doc, size_t from, size_t to,
                   dl_directive **out, size_t *n, size_t *cap) {
  const char *s = doc->src;
  size_t i = from;
  while (i + 7 <= to) {
    const char *open = memmem(s + i, to - i, "<!--", 4);
    if (!open)
      return;
    size_t a = (size_t)(open - s);
    const char *close = memmem(s + a + 4, to - a - 4, "-->", 3);
    if (!close)
      return;
    size_t b = (size_t)(close - s) + 3;
    S_comment(doc, a, b, out, n, cap);
    i = b;
  }
}

/* Does an HTML comment in s[0..n) hold "draftlint-"?  Searching for '<',
 * rare in prose, is several times cheaper than memmem over every byte. */
static bool S_has_comment_word(const char *s, size_t n) {
  const char *end = s + n, *p = s;
  while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
    if (end - p < 4 || memcmp(p, "<!--", 4) != 0) {
      p++;
      continue;
    }
    const char *body = p + 4;
    const char *close = memmem(body, (size_t)(end - body), "-->", 3);
    const char *stop = close ? close : end;
    if (memmem(body, (size_t)(stop - body), "draftlint-", 10))
      return true;
    p = stop;
  }
  return false;
}

static size_t S_parse(const dl_doc *doc, dl_directive **out) {
  size_t n = 0, cap = 0;
  *out = NULL;
  /* Most drafts have no draftlint comment at all: one search of the bytes
   * spares them the walk over the tree. */
  if (!S_has_comment_word(doc->src, doc->len))
    return 0;
  cmark_iter *it = cmark_iter_new(doc->root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *node = cmark_iter_get_node(it);
    cmark_node_type type = cmark_node_get_type(node);
    if (ev != CMARK_EVENT_ENTER ||
        (type != CMARK_NODE_HTML_BLOCK && type != CMARK_NODE_HTML_INLINE))
      continue;
    const char *lit = cmark_node_get_literal(node);
    if (!lit || !strstr(lit, "draftlint-"))
      continue;
    size_t start, end;
    if (type == CMARK_NODE_HTML_BLOCK) {
      /* cmark's end position of an HTML block is unreliable (it can come
       * before the start): the block is as many lines as its literal. */
      start = dl_doc_offset(doc, cmark_node_get_start_line(node),
                            cmark_node_get_start_column(node));
      size_t lines = 0, n = strlen(lit);
      for (size_t k = 0; k < n; k++)
        lines += lit[k] == '\n';
      lines += n && lit[n - 1] != '\n';
      size_t last = dl_doc_line_index(doc, start) + lines;
      end = last < doc->nlines ? doc->line_start[last] : doc->len;
    } else { /* an inline comment runs from its start to its "-->" */
      start = dl_doc_offset(doc, cmark_node_get_start_line(node),
                            cmark_node_get_start_column(node));
      size_t b = 0;
      while (b < doc->nblocks && doc->blocks[b].end <= start)
        b++;
      end = b < doc->nblocks ? doc->blocks[b].end : doc->len;
      const char *close = memmem(doc->src + start, end - start, "-->", 3);
      end = close ? (size_t)(close - doc->src) + 3 : end;
    }
    S_scan(doc, start, end, out, &n, &cap);
  }
  cmark_iter_free(it);
  return n;
}

void dl_directives_free(dl_directive *d, size_t n) {
  for (size_t i = 0; i < n; i++) {
    for (size_t k = 0; k < d[i].nnames; k++)
      free(d[i].names[k].name);
    free(d[i].names);
  }
  free(d);
}

const dl_directive *dl_doc_directives(const dl_doc *doc, size_t *count) {
  dl_doc *d = (dl_doc *)doc; /* built once, on first use, like sentences */
  if (!d->directives_built) {
    d->ndirectives = S_parse(doc, &d->directives);
    d->directives_built = true;
  }
  *count = d->ndirectives;
  return d->directives;
}
