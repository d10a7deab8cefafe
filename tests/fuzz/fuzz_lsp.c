/*
 * fuzz_lsp.c: libFuzzer harness over the language server's input side:
 * bytes -> the Content-Length reader (fed in small pieces, so every header
 * and body straddles reads) -> JSON-RPC parsing -> every contentChanges
 * array applied to an open document in both position encodings, as
 * didChange would -> free.
 *
 * Besides crashes, leaks and undefined behaviour (the sanitizers), it
 * checks what the reader and the store promise: a body lies inside what
 * was read and within the limit, the reader never hands out more bytes
 * than came in, a document's text stays NUL-terminated with a line table
 * that matches its line breaks, and positions convert to offsets and back
 * unchanged.  A broken promise aborts, so libFuzzer keeps the input.
 *
 * Built without libFuzzer too (tests/fuzz/replay.c), so the seeds and the
 * inputs under tests/fuzz/regress/lsp/ run in `make check`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp/docstore.h"
#include "lsp/framing.h"
#include "lsp/rpc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct source {
  const uint8_t *data;
  size_t size, pos, chunk;
} source;

static ssize_t S_read(void *ctx, char *buf, size_t cap) {
  source *s = ctx;
  size_t n = s->size - s->pos;
  if (n > s->chunk)
    n = s->chunk;
  if (n > cap)
    n = cap;
  memcpy(buf, s->data + s->pos, n);
  s->pos += n;
  return (ssize_t)n;
}

#define CHECK(cond)                                                        \
  do {                                                                     \
    if (!(cond)) {                                                         \
      fprintf(stderr, "fuzz_lsp: broken promise: %s (line %d)\n", #cond,    \
              __LINE__);                                                   \
      abort();                                                             \
    }                                                                      \
  } while (0)

/* The line table matches the text's line breaks (LF, CRLF, CR). */
static void S_check_lines(const dl_lsp_doc *d) {
  CHECK(d->text[d->len] == '\0');
  size_t n = 1;
  for (size_t i = 0; i < d->len; i++) {
    if (d->text[i] == '\r' && i + 1 < d->len && d->text[i + 1] == '\n')
      i++;
    if (d->text[i] == '\n' || d->text[i] == '\r') {
      CHECK(n < d->nlines && d->line_start[n] == i + 1);
      n++;
    }
  }
  CHECK(n == d->nlines && d->line_start[0] == 0);
}

/* Offset -> position -> offset is the identity at every code point start
 * that is not inside a CRLF. */
static void S_check_roundtrip(const dl_lsp_doc *d, dl_lsp_encoding enc) {
  dl_lsp_text t = dl_lsp_doc_text(d);
  size_t step = d->len / 64 + 1;
  for (size_t off = 0; off <= d->len; off += step) {
    while (off < d->len && ((unsigned char)d->text[off] & 0xC0) == 0x80)
      off++;
    if (off > 0 && off < d->len && d->text[off - 1] == '\r' &&
        d->text[off] == '\n')
      continue;
    size_t line, ch;
    dl_lsp_position(&t, enc, off, &line, &ch);
    CHECK(dl_lsp_offset(&t, enc, line, ch) == off);
  }
}

static void S_changes(dl_lsp_store *store, const json_t *changes,
                      dl_lsp_encoding enc) {
  dl_lsp_doc *d = dl_lsp_store_open(store, "file:///fuzz/draft.md",
                                    "markdown", "# A\r\n\nCaf\xc3\xa9 "
                                    "\xf0\x9f\x98\x80 x\rb\n", 18, 1);
  size_t i;
  json_t *c;
  json_array_foreach(changes, i, c) {
    char *error = NULL;
    if (dl_lsp_doc_change(d, enc, c, &error) != 0)
      CHECK(error != NULL);
    free(error);
    S_check_lines(d);
  }
  S_check_roundtrip(d, enc);
  CHECK(dl_lsp_store_close(store, "file:///fuzz/draft.md"));
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  source src = {data, size, 0, size % 13 + 1};
  dl_lsp_reader r;
  dl_lsp_reader_init(&r, S_read, &src);
  r.max_body = 1 << 20;
  dl_lsp_store store;
  dl_lsp_store_init(&store);
  size_t handed = 0;
  for (;;) {
    const char *body;
    size_t len;
    char *error = NULL;
    dl_lsp_read_status st = dl_lsp_read(&r, &body, &len, &error);
    if (st == DL_LSP_END)
      break;
    if (st == DL_LSP_BAD_HEADER) {
      CHECK(error != NULL);
      free(error);
      continue;
    }
    CHECK(error == NULL && len <= r.max_body);
    CHECK(body >= r.buf && body + len <= r.buf + r.len);
    handed += len;
    CHECK(handed <= size);
    dl_rpc_msg m;
    json_t *reply = NULL;
    if (dl_rpc_parse(body, len, &m, &reply) != 0) {
      CHECK(reply != NULL);
      json_decref(reply);
      continue;
    }
    json_t *changes = json_object_get(m.params, "contentChanges");
    if (json_is_array(changes)) {
      S_changes(&store, changes, DL_LSP_UTF16);
      S_changes(&store, changes, DL_LSP_UTF8);
    }
    dl_rpc_msg_free(&m);
  }
  CHECK(src.pos == size); /* the reader reads to the end */
  dl_lsp_store_free(&store);
  dl_lsp_reader_fini(&r);
  return 0;
}
