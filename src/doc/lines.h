/*
 * lines.h: the line table of some bytes, as CommonMark counts lines: a line
 * ends at "\n", "\r\n" or a lone "\r", and the bytes after the last line
 * ending are a last line, empty when the bytes end with one.
 *
 * Ownership: dl_lines_build fills `start` (malloc'd); dl_lines_free frees it.
 */
#ifndef DRAFTLINT_LINES_H
#define DRAFTLINT_LINES_H

#include <stddef.h>

typedef struct dl_lines {
  size_t *start; /* n + 1 entries: start[i] is line i's first byte, and
                    start[n] is the end of the bytes */
  size_t n;      /* at least 1 */
} dl_lines;

void dl_lines_build(dl_lines *L, const char *s, size_t len);
/* 0-based index of the line holding byte `offset` (the last line for the
 * end of the bytes). */
size_t dl_lines_find(const dl_lines *L, size_t offset);
void dl_lines_free(dl_lines *L);

#endif
