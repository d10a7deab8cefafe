/*
 * lint.c: decide whether bytes are a Markdown draft we can read (UTF-8, no
 * NUL), build the document, run the engine.
 */
#include "engine/lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "doc/lines.h"
#include "engine/filter.h"

void dl_result_fail(dl_result *out, const char *path, const char *error) {
  *out = (dl_result){.path = dl_xstrdup(path), .error = dl_xstrdup(error)};
}

/* 1-based line and code-point column of byte `at`, counting LF, CRLF and
 * lone CR as line endings (as dl_doc does), before any document exists. */
static void S_position(const char *s, size_t at, size_t *line, size_t *col) {
  dl_lines L;
  dl_lines_build(&L, s, at);
  size_t l = L.n - 1; /* the line `at` is on: the last of s[0, at) */
  *line = l + 1;
  *col = dl_utf8_count(s + L.start[l], at - L.start[l]) + 1;
  dl_lines_free(&L);
}

/* Returns NULL when the bytes can be linted, else the reason. */
static char *S_undecodable(const char *s, size_t len, dl_result *out) {
  const char *nul = memchr(s, '\0', len);
  size_t limit = nul ? (size_t)(nul - s) : len;
  size_t at = dl_utf8_validate(s, limit);
  if (at == len)
    return NULL;
  S_position(s, at, &out->error_line, &out->error_column);
  if (at == limit)
    return dl_xstrdup("contains a NUL byte, so it is not a text file; "
                      "is it a binary file named like a draft?");
  return dl_strdup_printf("is not valid UTF-8 (byte 0x%02X); save it as "
                          "UTF-8 or check that it is a text file",
                          (unsigned char)s[at]);
}

void dl_lint_bytes(const dl_engine *e, const char *path, char *bytes,
                   size_t len, dl_result *out) {
  dl_lint_versions(e, path, bytes, len, NULL, 0, out);
}

/* The version before as a document, or NULL when it is not text. */
static dl_doc *S_before(const char *path, char *bytes, size_t len,
                        const dl_templates *templates) {
  if (!bytes)
    return NULL;
  dl_result probe = {0};
  char *why = S_undecodable(bytes, len, &probe);
  if (why) {
    free(why);
    free(bytes);
    return NULL;
  }
  return dl_doc_new_with(path, bytes, len, templates);
}

void dl_lint_versions(const dl_engine *e, const char *path, char *bytes,
                      size_t len, char *before, size_t before_len,
                      dl_result *out) {
  *out = (dl_result){.path = dl_xstrdup(path)};
  out->error = S_undecodable(bytes, len, out);
  if (out->error) {
    free(bytes);
    free(before);
    return;
  }
  out->doc = dl_doc_new_with(out->path, bytes, len, e->templates);
  out->doc->before = S_before(out->path, before, before_len, e->templates);
  if (out->doc->front_matter_unclosed)
    out->notice = dl_strdup_printf("front matter opened on line 1 is never "
                                   "closed with '%s'; linting the file as "
                                   "Markdown", out->doc->front_matter_unclosed);
  dl_engine_check(e, out->doc, &out->diags);
  if (e->inline_config) /* the filter stage: the draft's own comments */
    dl_directives_filter(out->doc, &out->diags,
                         dl_rules[DL_RULE_INLINE_CONFIG].name);
}

void dl_result_free(dl_result *r) {
  free(r->path);
  free(r->error);
  free(r->notice);
  dl_doc_free(r->doc);
  dl_diag_list_free(&r->diags);
  *r = (dl_result){0};
}
