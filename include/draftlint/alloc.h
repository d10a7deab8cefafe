/*
 * alloc.h: allocation that never fails visibly.
 *
 * Like cmark's default allocator and mandoc's mandoc_aux.c, these print a
 * message and exit with status 2 when memory runs out, so no caller checks
 * for NULL.  Every pointer they return is the caller's to free().
 */
#ifndef DRAFTLINT_ALLOC_H
#define DRAFTLINT_ALLOC_H

#include <stddef.h>
#include <stdio.h>

void *dl_xmalloc(size_t n);
void *dl_xcalloc(size_t count, size_t size);
void *dl_xrealloc(void *p, size_t n);
/* Grows an array to hold at least `need` items of `size` bytes, doubling;
 * updates *cap. */
void *dl_xgrow(void *p, size_t *cap, size_t need, size_t size);
char *dl_xstrdup(const char *s);
char *dl_xstrndup(const char *s, size_t n);
/* A stream that writes into a growing buffer (open_memstream): after
 * dl_xclose_memstream, *data is the caller's to free(). */
FILE *dl_xmemstream(char **data, size_t *len);
void dl_xclose_memstream(FILE *f);

#endif
