/* buf.c: a growing string (buf.h). */
#include "draftlint/buf.h"

#include <string.h>

#include "draftlint/alloc.h"

void dl_buf_put(dl_buf *b, const char *s, size_t n) {
  b->s = dl_xgrow(b->s, &b->cap, b->len + n + 1, 1);
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

void dl_buf_puts(dl_buf *b, const char *s) { dl_buf_put(b, s, strlen(s)); }
