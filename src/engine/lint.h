/*
 * lint.h: one input, from bytes to a result: decode checks, the document,
 * the engine's findings.
 *
 * Ownership: a dl_result owns everything it points to; dl_result_free
 * releases it (the document included).
 */
#ifndef DRAFTLINT_LINT_H
#define DRAFTLINT_LINT_H

#include "engine/engine.h"

typedef struct dl_result {
  char *path;          /* the name shown in messages */
  char *error;         /* why the file could not be linted, or NULL */
  size_t error_line;   /* where in the file, 1-based; 0 when not known */
  size_t error_column;
  char *notice;        /* a warning about the file itself, or NULL */
  dl_doc *doc;         /* NULL when the file could not be linted */
  dl_diag_list diags;
} dl_result;

/* Lints `bytes` (malloc'd, with room for a NUL at bytes[len]; ownership
 * passes to the result).  `path` is copied. */
void dl_lint_bytes(const dl_engine *e, const char *path, char *bytes,
                   size_t len, dl_result *out);
/* The same, comparing the draft with its version before: `before` (NULL
 * when there is none; malloc'd like `bytes`, ownership passes too) is
 * parsed as the draft is and hung on the document (doc.h, before).  A
 * version before that is not UTF-8 text is dropped: the draft is then
 * linted as a new one. */
void dl_lint_versions(const dl_engine *e, const char *path, char *bytes,
                      size_t len, char *before, size_t before_len,
                      dl_result *out);
/* Records that `path` could not be read; `error` is copied. */
void dl_result_fail(dl_result *out, const char *path, const char *error);
void dl_result_free(dl_result *r);

#endif
