/*
 * tbm_link/mending.c: fixes of several replacements inside one span (see
 * mending.h).
 */
#include "tbm_link/mending.h"

#include <ctype.h>
#include <stdlib.h>

#include "draftlint/alloc.h"
#include "draftlint/buf.h"

void dl_tbm_edit_add(dl_tbm_edits *E, size_t start, size_t end,
                     const char *text) {
  if (E->n == sizeof E->e / sizeof *E->e) {
    E->impossible = true;
    return;
  }
  E->e[E->n++] = (dl_tbm_edit){start, end, dl_xstrdup(text)};
}

static int S_edit_order(const void *a, const void *b) {
  const dl_tbm_edit *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

void dl_tbm_fix_attach(const dl_doc *doc, dl_diag *d, dl_tbm_edits *E) {
  qsort(E->e, E->n, sizeof *E->e, S_edit_order);
  bool ok = d && !E->impossible && E->n > 0;
  for (size_t i = 1; ok && i < E->n; i++)
    ok = E->e[i].start >= E->e[i - 1].end;
  if (ok) {
    size_t from = E->e[0].start, to = E->e[E->n - 1].end, at = from;
    dl_buf b = {0};
    for (size_t i = 0; i < E->n; i++) {
      dl_buf_put(&b, doc->src + at, E->e[i].start - at);
      dl_buf_puts(&b, E->e[i].text);
      at = E->e[i].end;
    }
    dl_buf_put(&b, doc->src + at, to - at);
    dl_diag_set_fix(d, from, to, b.s ? b.s : "");
    free(b.s);
  }
  for (size_t i = 0; i < E->n; i++)
    free(E->e[i].text);
  E->n = 0;
}

bool dl_tbm_plain(const dl_doc *doc, const uint32_t *map, const char *text,
                  size_t from, size_t to, size_t *start, size_t *end) {
  if (from >= to)
    return false;
  for (size_t i = from; i < to; i++)
    if (map[i] != map[from] + (i - from) || doc->src[map[i]] != text[i])
      return false;
  *start = map[from];
  *end = map[to - 1] + 1;
  return true;
}

/* The title replaces empty text only there: the fix must never delete what the
 * reader sees (an entity the text shows as a space, say). */
bool dl_tbm_blank_source(const dl_doc *doc, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    if (!isspace((unsigned char)doc->src[i]) && doc->src[i] != '>')
      return false;
  return true;
}
