/*
 * framing.h: the base protocol of the Language Server Protocol: messages
 * framed by a header ("Content-Length: N\r\n", optional other fields, a
 * blank line) and N bytes of JSON.
 *
 * The reader pulls bytes through a callback (standard input in the server,
 * a memory buffer in the fuzz harness) and never trusts the header: a
 * header that is not one, a missing or absurd Content-Length, a header
 * that never ends are reported, and the reader skips ahead to the next
 * "Content-Length:" so one bad message costs only itself.
 * A Content-Length that is wrong but plausible cannot be detected here; its
 * body fails to parse as JSON and the next header is found the same way.
 *
 * The writer frames a JSON value and writes it whole under a lock, so a
 * reply from the reading thread and diagnostics from the linting thread
 * never interleave.
 *
 * Ownership: the body dl_lsp_read hands out is the reader's buffer, valid
 * until the next call; error messages are malloc'd and the caller frees
 * them.  The writer does not take the JSON value.
 */
#ifndef DRAFTLINT_LSP_FRAMING_H
#define DRAFTLINT_LSP_FRAMING_H

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Reads up to `cap` bytes into `buf`: returns how many, 0 at the end of the
 * input, -1 on an error (which ends the input too). */
typedef ssize_t (*dl_lsp_read_fn)(void *ctx, char *buf, size_t cap);

/* The largest body accepted (a draft of tens of megabytes fits). */
#define DL_LSP_MAX_BODY ((size_t)256 << 20)
/* The longest header accepted, every field together. */
#define DL_LSP_MAX_HEADER ((size_t)8192)

typedef struct dl_lsp_reader {
  dl_lsp_read_fn read;
  void *ctx;
  char *buf;       /* owned */
  size_t pos, len, cap;
  bool eof;
  bool resync;     /* skip to the next "Content-Length:" line first */
  size_t max_body;
} dl_lsp_reader;

typedef enum dl_lsp_read_status {
  DL_LSP_MESSAGE,    /* *body, *len: one message's body */
  DL_LSP_BAD_HEADER, /* *error says why; the message was skipped */
  DL_LSP_END         /* the input ended (a cut-off message is dropped) */
} dl_lsp_read_status;

void dl_lsp_reader_init(dl_lsp_reader *r, dl_lsp_read_fn read, void *ctx);
void dl_lsp_reader_fini(dl_lsp_reader *r);
dl_lsp_read_status dl_lsp_read(dl_lsp_reader *r, const char **body,
                               size_t *len, char **error);

/* A read callback over a file descriptor (ctx points at the int). */
ssize_t dl_lsp_read_fd(void *ctx, char *buf, size_t cap);

typedef struct dl_lsp_writer {
  int fd;
  bool broken;           /* a write failed: the client is gone */
  pthread_mutex_t lock;
} dl_lsp_writer;

void dl_lsp_writer_init(dl_lsp_writer *w, int fd);
void dl_lsp_writer_fini(dl_lsp_writer *w);
/* Writes one framed message; returns 0, or -1 once the output is broken. */
int dl_lsp_write(dl_lsp_writer *w, const json_t *msg);

#endif
