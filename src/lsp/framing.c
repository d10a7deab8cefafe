/*
 * framing.c: Content-Length framing (the LSP base protocol, section "Base
 * Protocol" of the 3.17 specification), read and written.
 */
#include "lsp/framing.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "draftlint/diag.h"

static const char S_field[] = "content-length:";
#define S_FIELD_LEN (sizeof S_field - 1)

void dl_lsp_reader_init(dl_lsp_reader *r, dl_lsp_read_fn read, void *ctx) {
  *r = (dl_lsp_reader){.read = read, .ctx = ctx, .max_body = DL_LSP_MAX_BODY};
}

void dl_lsp_reader_fini(dl_lsp_reader *r) {
  free(r->buf);
  r->buf = NULL;
}

ssize_t dl_lsp_read_fd(void *ctx, char *buf, size_t cap) {
  int fd = *(int *)ctx;
  for (;;) {
    ssize_t n = read(fd, buf, cap);
    if (n >= 0 || errno != EINTR)
      return n;
  }
}

/* Reads more input, keeping the unread bytes; returns false at the end. */
static bool S_fill(dl_lsp_reader *r, size_t want) {
  if (r->eof)
    return false;
  if (r->pos > 0) { /* drop what was consumed */
    memmove(r->buf, r->buf + r->pos, r->len - r->pos);
    r->len -= r->pos;
    r->pos = 0;
  }
  size_t need = r->len + (want > 65536 ? want : 65536);
  if (need > r->cap)
    r->buf = dl_xgrow(r->buf, &r->cap, need, 1);
  ssize_t n = r->read(r->ctx, r->buf + r->len, r->cap - r->len);
  if (n <= 0) {
    r->eof = true;
    return false;
  }
  r->len += (size_t)n;
  return true;
}

/* Skips to the next "Content-Length:", wherever it starts (after a body
 * shorter than its Content-Length said, the next header follows the rest of
 * the body on the same line); returns false when the input ends first. */
static bool S_resync(dl_lsp_reader *r) {
  for (;;) {
    for (size_t i = r->pos; i + S_FIELD_LEN <= r->len; i++) {
      if (strncasecmp(r->buf + i, S_field, S_FIELD_LEN) == 0) {
        r->pos = i;
        r->resync = false;
        return true;
      }
    }
    /* keep a tail that may be the start of the field */
    if (r->len - r->pos > S_FIELD_LEN)
      r->pos = r->len - S_FIELD_LEN;
    if (!S_fill(r, 0))
      return false;
  }
}

/* The offset just past the blank line that ends the header, or 0 while it
 * has not all arrived.  Lines end in CRLF; a bare LF is accepted. */
static size_t S_header_end(const dl_lsp_reader *r) {
  for (size_t i = r->pos; i < r->len; i++) {
    if (r->buf[i] != '\n')
      continue;
    size_t next = i + 1;
    if (next < r->len && r->buf[next] == '\n')
      return next + 1;
    if (next + 1 < r->len && r->buf[next] == '\r' && r->buf[next + 1] == '\n')
      return next + 2;
  }
  return 0;
}

/* Parses the header fields in buf[start, end): Content-Length into *len.
 * Returns NULL or why the header is bad. */
static char *S_parse_header(const dl_lsp_reader *r, size_t start, size_t end,
                            size_t *len) {
  bool have = false;
  size_t i = start;
  while (i < end) {
    const char *nl = memchr(r->buf + i, '\n', end - i);
    size_t stop = (size_t)(nl - r->buf), line_end = stop;
    if (line_end > i && r->buf[line_end - 1] == '\r')
      line_end--;
    if (line_end == i)
      break; /* the blank line */
    const char *line = r->buf + i;
    size_t n = line_end - i;
    const char *colon = memchr(line, ':', n);
    if (!colon)
      return dl_strdup_printf("header line '%.*s' is not 'Name: value'",
                              (int)(n > 60 ? 60 : n), line);
    if (n >= S_FIELD_LEN && strncasecmp(line, S_field, S_FIELD_LEN) == 0) {
      size_t k = S_FIELD_LEN, value = 0;
      while (k < n && (line[k] == ' ' || line[k] == '\t'))
        k++;
      size_t digits = 0;
      for (; k < n && line[k] >= '0' && line[k] <= '9'; k++, digits++) {
        if (value > r->max_body)
          break;
        value = value * 10 + (size_t)(line[k] - '0');
      }
      while (k < n && (line[k] == ' ' || line[k] == '\t'))
        k++;
      if (!digits || k < n)
        return dl_strdup_printf("Content-Length '%.*s' is not a number",
                                (int)(n - S_FIELD_LEN > 40 ? 40 : n - S_FIELD_LEN),
                                line + S_FIELD_LEN);
      if (value > r->max_body)
        return dl_strdup_printf("Content-Length is over the limit of %zu bytes",
                                r->max_body);
      *len = value;
      have = true;
    }
    i = stop + 1;
  }
  return have ? NULL : dl_xstrdup("the header has no Content-Length");
}

/* Reads a whole header; returns its end offset, 0 at the end of input, or
 * (size_t)-1 with *error when it grows past the limit. */
static size_t S_read_header(dl_lsp_reader *r, char **error) {
  for (;;) {
    size_t end = S_header_end(r);
    if (end)
      return end;
    if (r->len - r->pos > DL_LSP_MAX_HEADER) {
      *error = dl_strdup_printf("the header is longer than %zu bytes",
                                DL_LSP_MAX_HEADER);
      return (size_t)-1;
    }
    if (!S_fill(r, 0))
      return 0;
  }
}

dl_lsp_read_status dl_lsp_read(dl_lsp_reader *r, const char **body,
                               size_t *len, char **error) {
  *error = NULL;
  /* blank lines between messages are harmless */
  for (;;) {
    while (r->pos < r->len && (r->buf[r->pos] == '\r' || r->buf[r->pos] == '\n'))
      r->pos++;
    if (r->pos < r->len)
      break;
    if (!S_fill(r, 0))
      return DL_LSP_END;
  }
  if (r->resync && !S_resync(r))
    return DL_LSP_END;
  size_t end = S_read_header(r, error);
  if (end == 0)
    return DL_LSP_END;
  size_t n = 0;
  if (end == (size_t)-1 || (*error = S_parse_header(r, r->pos, end, &n))) {
    r->pos++; /* the next header may start inside this one */
    r->resync = true;
    return DL_LSP_BAD_HEADER;
  }
  r->pos = end;
  while (r->len - r->pos < n)
    if (!S_fill(r, n - (r->len - r->pos)))
      return DL_LSP_END;
  *body = r->buf + r->pos;
  *len = n;
  r->pos += n;
  return DL_LSP_MESSAGE;
}

/* ---- the writer ---- */

void dl_lsp_writer_init(dl_lsp_writer *w, int fd) {
  w->fd = fd;
  w->broken = false;
  pthread_mutex_init(&w->lock, NULL);
}

void dl_lsp_writer_fini(dl_lsp_writer *w) { pthread_mutex_destroy(&w->lock); }

static int S_write_all(int fd, const char *s, size_t n) {
  while (n > 0) {
    ssize_t k = write(fd, s, n);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      return -1;
    s += k;
    n -= (size_t)k;
  }
  return 0;
}

int dl_lsp_write(dl_lsp_writer *w, const json_t *msg) {
  char *body = json_dumps(msg, JSON_COMPACT);
  if (!body)
    return -1;
  size_t n = strlen(body);
  char header[64];
  int hn = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", n);
  pthread_mutex_lock(&w->lock);
  if (!w->broken && (S_write_all(w->fd, header, (size_t)hn) != 0 ||
                     S_write_all(w->fd, body, n) != 0))
    w->broken = true;
  int rc = w->broken ? -1 : 0;
  pthread_mutex_unlock(&w->lock);
  free(body);
  return rc;
}
