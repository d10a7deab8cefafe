/* lines.c: line tables (lines.h), built once per document or text. */
#include "doc/lines.h"

#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/search.h"

static void S_add(dl_lines *L, size_t *cap, size_t start) {
  if (L->n + 2 > *cap)
    L->start = dl_xgrow(L->start, cap, L->n + 2, sizeof *L->start);
  L->start[L->n++] = start;
}

/* Most drafts have no "\r" at all; for them memchr finds each "\n" in wide
 * steps. */
void dl_lines_build(dl_lines *L, const char *s, size_t len) {
  size_t cap = len / 64 + 16; /* a guess; grown when short */
  *L = (dl_lines){.start = dl_xmalloc(cap * sizeof *L->start)};
  S_add(L, &cap, 0);
  const char *end = s + len;
  if (!memchr(s, '\r', len)) {
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(end - p))) != NULL;)
      S_add(L, &cap, (size_t)(++p - s));
  } else {
    for (size_t i = 0; i < len; i++) {
      if (s[i] != '\n' && s[i] != '\r')
        continue;
      if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
        i++;
      S_add(L, &cap, i + 1);
    }
  }
  L->start[L->n] = len;
}

size_t dl_lines_find(const dl_lines *L, size_t offset) {
  /* the last line starting at or before `offset` */
  size_t after = dl_lower_bound(L->start, L->n, offset, true);
  return after ? after - 1 : 0;
}

void dl_lines_free(dl_lines *L) {
  free(L->start);
  *L = (dl_lines){0};
}
