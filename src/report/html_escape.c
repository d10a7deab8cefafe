/* html_escape.c: HTML character references, and memory streams. */
#include "report/html_escape.h"

#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"

static const char *S_entity(char c) {
  switch (c) {
  case '&':
    return "&amp;";
  case '<':
    return "&lt;";
  case '>':
    return "&gt;";
  case '"':
    return "&quot;";
  case '\'':
    return "&#39;";
  default:
    return NULL;
  }
}

void dl_html_escape(FILE *out, const char *s, size_t n) {
  size_t from = 0;
  for (size_t i = 0; i < n; i++) {
    const char *e = S_entity(s[i]);
    if (!e)
      continue;
    fwrite(s + from, 1, i - from, out);
    fputs(e, out);
    from = i + 1;
  }
  fwrite(s + from, 1, n - from, out);
}

void dl_html_escape_str(FILE *out, const char *s) {
  if (s)
    dl_html_escape(out, s, strlen(s));
}

void dl_html_escape_clip(FILE *out, const char *s, size_t n, size_t max) {
  size_t cps = 0, i = 0;
  for (; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if ((c & 0xC0) != 0x80 && cps++ == max)
      break;
    if (c == '\n' || c == '\r' || c == '\t')
      fputc(' ', out);
    else if (S_entity((char)c))
      fputs(S_entity((char)c), out);
    else
      fputc(c, out);
  }
  if (i < n)
    fputs("\xE2\x80\xA6", out); /* U+2026 */
}

void dl_html_buf_open(dl_html_buf *b) {
  *b = (dl_html_buf){0};
  b->f = dl_xmemstream(&b->data, &b->len);
}

char *dl_html_buf_take(dl_html_buf *b, size_t *len) {
  if (b->f)
    dl_xclose_memstream(b->f);
  b->f = NULL;
  char *data = b->data ? b->data : dl_xstrdup("");
  if (len)
    *len = b->data ? b->len : 0;
  b->data = NULL;
  b->len = 0;
  return data;
}
