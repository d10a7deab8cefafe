/*
 * position.c: line tables and the UTF-16 / UTF-8 column arithmetic of LSP
 * positions.  Columns are counted from the line's start each time, so a
 * conversion costs the length of one line, never of the document.
 */
#include "lsp/position.h"

#include "draftlint/alloc.h"

const char *dl_lsp_encoding_name(dl_lsp_encoding enc) {
  return enc == DL_LSP_UTF8 ? "utf-8" : "utf-16";
}

size_t dl_lsp_lines(const char *s, size_t len, size_t **starts, size_t *cap) {
  size_t n = 0;
  *starts = dl_xgrow(*starts, cap, 1, sizeof **starts);
  (*starts)[n++] = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] != '\n' && s[i] != '\r')
      continue;
    if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
      i++;
    *starts = dl_xgrow(*starts, cap, n + 1, sizeof **starts);
    (*starts)[n++] = i + 1;
  }
  return n;
}

/* The end of line `line`'s content: before its LF, CRLF or CR. */
static size_t S_line_end(const dl_lsp_text *t, size_t line) {
  size_t end = line + 1 < t->nlines ? t->line_start[line + 1] : t->len;
  if (end > t->line_start[line] && t->s[end - 1] == '\n')
    end--;
  if (end > t->line_start[line] && t->s[end - 1] == '\r')
    end--;
  return end;
}

/* Bytes in the UTF-8 sequence that starts with `c` (1 for a stray byte). */
static size_t S_seq_len(unsigned char c) {
  return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* UTF-16 code units of that sequence. */
static size_t S_units(size_t seq) { return seq == 4 ? 2 : 1; }

size_t dl_lsp_offset(const dl_lsp_text *t, dl_lsp_encoding enc, size_t line,
                     size_t character) {
  if (line >= t->nlines)
    return t->len;
  size_t at = t->line_start[line], end = S_line_end(t, line);
  if (enc == DL_LSP_UTF8)
    return character < end - at ? at + character : end;
  size_t units = 0;
  while (at < end && units < character) {
    size_t n = S_seq_len((unsigned char)t->s[at]);
    units += S_units(n);
    at += n;
  }
  return at < end ? at : end;
}

/* The 0-based index of the line holding `offset` (binary search). */
static size_t S_line_of(const dl_lsp_text *t, size_t offset) {
  size_t lo = 0, hi = t->nlines;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->line_start[mid] <= offset)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

void dl_lsp_position(const dl_lsp_text *t, dl_lsp_encoding enc,
                     size_t offset, size_t *line, size_t *character) {
  if (offset > t->len)
    offset = t->len;
  size_t l = S_line_of(t, offset), at = t->line_start[l];
  size_t end = S_line_end(t, l);
  if (offset > end) /* inside the line ending: its end */
    offset = end;
  *line = l;
  if (enc == DL_LSP_UTF8) {
    *character = offset - at;
    return;
  }
  size_t units = 0;
  while (at < offset) {
    size_t n = S_seq_len((unsigned char)t->s[at]);
    units += S_units(n);
    at += n;
  }
  *character = units;
}
