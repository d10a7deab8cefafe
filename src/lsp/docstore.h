/*
 * docstore.h: the documents the editor has open, as the editor has them
 * (not as they are on disk): opened with their text, changed by full or
 * incremental edits (textDocument/didChange), closed.
 *
 * Each document also carries what the linting thread needs: whether it
 * waits to be linted and from when, and the findings of its last lint with
 * the version they belong to (code actions are answered from them).
 *
 * The store is not locked by itself: the server holds its lock around
 * every call, on both threads.
 *
 * Ownership: the store owns every document and everything in it;
 * dl_lsp_store_get returns a borrowed pointer, valid until the document
 * is closed.  `findings` is a reference the document holds.
 */
#ifndef DRAFTLINT_LSP_DOCSTORE_H
#define DRAFTLINT_LSP_DOCSTORE_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "lsp/position.h"

typedef struct dl_lsp_doc {
  char *uri;              /* owned */
  char *path;             /* the file a file: URI names, or NULL; owned */
  bool markdown;          /* linted at all */
  char *text;             /* owned; NUL-terminated */
  size_t len, cap;
  size_t *line_start;     /* owned */
  size_t nlines, lcap;
  int64_t version;
  /* linting (linter.c) */
  bool dirty;             /* changed since it was last linted */
  double due;             /* when to lint it (monotonic seconds) */
  json_t *findings;       /* last lint's diagnostics and edits, or NULL */
  int64_t findings_version;
} dl_lsp_doc;

typedef struct dl_lsp_store {
  dl_lsp_doc **docs;      /* owned */
  size_t len, cap;
} dl_lsp_store;

void dl_lsp_store_init(dl_lsp_store *s);
void dl_lsp_store_free(dl_lsp_store *s);

/* Opens (or, when the editor opens it again, replaces) a document. */
dl_lsp_doc *dl_lsp_store_open(dl_lsp_store *s, const char *uri,
                              const char *language, const char *text,
                              size_t len, int64_t version);
dl_lsp_doc *dl_lsp_store_get(const dl_lsp_store *s, const char *uri);
/* Returns false when no such document is open. */
bool dl_lsp_store_close(dl_lsp_store *s, const char *uri);

/* The document's text and line table, for position conversion. */
dl_lsp_text dl_lsp_doc_text(const dl_lsp_doc *d);

/* Applies one TextDocumentContentChangeEvent: {"text"} replaces the whole
 * text, {"range", "text"} replaces a range.  Returns 0, or -1 with a
 * malloc'd reason (the document is unchanged). */
int dl_lsp_doc_change(dl_lsp_doc *d, dl_lsp_encoding enc,
                      const json_t *change, char **error);

/* Reads an LSP Position object; returns false when it is not one. */
bool dl_lsp_read_position(const json_t *pos, size_t *line, size_t *character);

/* The path of a file: URI (percent-decoded), or NULL; malloc'd. */
char *dl_lsp_uri_path(const char *uri);

#endif
