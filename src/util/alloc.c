/* alloc.c: allocation wrappers that exit cleanly when memory runs out. */
#include "draftlint/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void S_out_of_memory(size_t n) {
  fprintf(stderr, "draftlint: out of memory (asked for %zu bytes)\n", n);
  exit(2);
}

FILE *dl_xmemstream(char **data, size_t *len) {
  FILE *f = open_memstream(data, len);
  if (!f) {
    fputs("draftlint: out of memory\n", stderr);
    exit(2);
  }
  return f;
}

void dl_xclose_memstream(FILE *f) {
  if (fclose(f) != 0) { /* a memory stream fails only when memory runs out */
    fputs("draftlint: out of memory\n", stderr);
    exit(2);
  }
}

void *dl_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    S_out_of_memory(n);
  return p;
}

void *dl_xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p)
    S_out_of_memory(count * size);
  return p;
}

void *dl_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    S_out_of_memory(n);
  return q;
}

void *dl_xgrow(void *p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap)
    return p;
  size_t n = *cap ? *cap : 8;
  while (n < need) {
    if (n > SIZE_MAX / 2 / size)
      S_out_of_memory(SIZE_MAX);
    n *= 2;
  }
  *cap = n;
  return dl_xrealloc(p, n * size);
}

char *dl_xstrdup(const char *s) { return dl_xstrndup(s, strlen(s)); }

char *dl_xstrndup(const char *s, size_t n) {
  char *p = dl_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}
