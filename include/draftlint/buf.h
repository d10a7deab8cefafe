/*
 * buf.h: a growing string, always NUL-terminated.
 *
 * Ownership: the buffer owns `s`; take it (and set the buffer to {0}) or
 * free(b->s) when done.
 */
#ifndef DRAFTLINT_BUF_H
#define DRAFTLINT_BUF_H

#include <stddef.h>

typedef struct dl_buf {
  char *s;
  size_t len, cap;
} dl_buf;

/* Appends s[0..n). */
void dl_buf_put(dl_buf *b, const char *s, size_t n);
/* Appends a NUL-terminated string. */
void dl_buf_puts(dl_buf *b, const char *s);

#endif
