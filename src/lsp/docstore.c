/*
 * docstore.c: open documents and text synchronization (LSP 3.17,
 * "Text Document Synchronization": full and incremental).
 */
#include "lsp/docstore.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "draftlint/alloc.h"
#include "draftlint/diag.h"

void dl_lsp_store_init(dl_lsp_store *s) { *s = (dl_lsp_store){0}; }

static void S_doc_free(dl_lsp_doc *d) {
  free(d->uri);
  free(d->path);
  free(d->text);
  free(d->line_start);
  json_decref(d->findings);
  free(d);
}

void dl_lsp_store_free(dl_lsp_store *s) {
  for (size_t i = 0; i < s->len; i++)
    S_doc_free(s->docs[i]);
  free(s->docs);
  *s = (dl_lsp_store){0};
}

static int S_hex(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

char *dl_lsp_uri_path(const char *uri) {
  if (strncasecmp(uri, "file://", 7) != 0)
    return NULL;
  const char *p = uri + 7;
  if (strncasecmp(p, "localhost/", 10) == 0)
    p += 9;
  if (*p != '/') /* a remote host: not a file here */
    return NULL;
  size_t n = strlen(p), k = 0;
  char *out = dl_xmalloc(n + 1);
  for (size_t i = 0; i < n; i++) {
    int hi, lo;
    if (p[i] == '%' && i + 2 < n + 1 && (hi = S_hex(p[i + 1])) >= 0 &&
        (lo = S_hex(p[i + 2])) >= 0) {
      out[k++] = (char)(hi * 16 + lo);
      i += 2;
    } else if (p[i] == '?' || p[i] == '#') {
      break;
    } else {
      out[k++] = p[i];
    }
  }
  out[k] = '\0';
  if (memchr(out, '\0', k) || k == 0) { /* %00 names no file */
    free(out);
    return NULL;
  }
  return out;
}

static bool S_markdown(const char *language, const char *path) {
  if (language && (strcmp(language, "markdown") == 0 ||
                   strcmp(language, "md") == 0))
    return true;
  const char *dot = path ? strrchr(path, '.') : NULL;
  return dot && (strcasecmp(dot, ".md") == 0 ||
                 strcasecmp(dot, ".markdown") == 0);
}

static void S_set_text(dl_lsp_doc *d, const char *text, size_t len) {
  d->text = dl_xgrow(d->text, &d->cap, len + 1, 1);
  memcpy(d->text, text, len);
  d->text[len] = '\0';
  d->len = len;
  d->nlines = dl_lsp_lines(d->text, d->len, &d->line_start, &d->lcap);
}

dl_lsp_doc *dl_lsp_store_get(const dl_lsp_store *s, const char *uri) {
  for (size_t i = 0; i < s->len; i++)
    if (strcmp(s->docs[i]->uri, uri) == 0)
      return s->docs[i];
  return NULL;
}

dl_lsp_doc *dl_lsp_store_open(dl_lsp_store *s, const char *uri,
                              const char *language, const char *text,
                              size_t len, int64_t version) {
  dl_lsp_store_close(s, uri);
  dl_lsp_doc *d = dl_xcalloc(1, sizeof *d);
  d->uri = dl_xstrdup(uri);
  d->path = dl_lsp_uri_path(uri);
  d->markdown = S_markdown(language, d->path);
  d->version = version;
  S_set_text(d, text, len);
  s->docs = dl_xgrow(s->docs, &s->cap, s->len + 1, sizeof *s->docs);
  s->docs[s->len++] = d;
  return d;
}

bool dl_lsp_store_close(dl_lsp_store *s, const char *uri) {
  for (size_t i = 0; i < s->len; i++) {
    if (strcmp(s->docs[i]->uri, uri) != 0)
      continue;
    S_doc_free(s->docs[i]);
    s->docs[i] = s->docs[--s->len];
    return true;
  }
  return false;
}

dl_lsp_text dl_lsp_doc_text(const dl_lsp_doc *d) {
  return (dl_lsp_text){d->text, d->len, d->line_start, d->nlines};
}

bool dl_lsp_read_position(const json_t *pos, size_t *line,
                          size_t *character) {
  json_t *l = json_object_get(pos, "line");
  json_t *c = json_object_get(pos, "character");
  if (!json_is_integer(l) || !json_is_integer(c) ||
      json_integer_value(l) < 0 || json_integer_value(c) < 0)
    return false;
  *line = (size_t)json_integer_value(l);
  *character = (size_t)json_integer_value(c);
  return true;
}

/* Replaces text[start, end) with `repl`, then rebuilds the line table. */
static void S_splice(dl_lsp_doc *d, size_t start, size_t end,
                     const char *repl, size_t n) {
  size_t len = d->len - (end - start) + n;
  d->text = dl_xgrow(d->text, &d->cap, len + 1, 1);
  memmove(d->text + start + n, d->text + end, d->len - end);
  memcpy(d->text + start, repl, n);
  d->len = len;
  d->text[len] = '\0';
  d->nlines = dl_lsp_lines(d->text, d->len, &d->line_start, &d->lcap);
}

int dl_lsp_doc_change(dl_lsp_doc *d, dl_lsp_encoding enc,
                      const json_t *change, char **error) {
  json_t *text = json_object_get(change, "text");
  json_t *range = json_object_get(change, "range");
  if (!json_is_string(text)) {
    *error = dl_xstrdup("a content change needs a \"text\" string");
    return -1;
  }
  const char *s = json_string_value(text);
  size_t n = json_string_length(text);
  if (!range || json_is_null(range)) {
    S_set_text(d, s, n);
    return 0;
  }
  size_t sl, sc, el, ec;
  if (!dl_lsp_read_position(json_object_get(range, "start"), &sl, &sc) ||
      !dl_lsp_read_position(json_object_get(range, "end"), &el, &ec)) {
    *error = dl_xstrdup("a content change's \"range\" is not a Range");
    return -1;
  }
  dl_lsp_text t = dl_lsp_doc_text(d);
  size_t start = dl_lsp_offset(&t, enc, sl, sc);
  size_t end = dl_lsp_offset(&t, enc, el, ec);
  if (end < start) {
    *error = dl_strdup_printf("a content change's range ends (%zu:%zu) "
                              "before it starts (%zu:%zu)", el, ec, sl, sc);
    return -1;
  }
  S_splice(d, start, end, s, n);
  return 0;
}
