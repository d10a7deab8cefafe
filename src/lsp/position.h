/*
 * position.h: LSP positions (0-based line, character in the negotiated
 * unit) to byte offsets and back.
 *
 * The LSP counts characters in UTF-16 code units unless client and server
 * agree on another encoding in `initialize` (general.positionEncodings);
 * draftlint offers UTF-8 (bytes) when the client does and UTF-16 otherwise.
 * Lines end at LF, CRLF or a lone CR, as in dl_doc.  A character past the
 * end of its line means the end of the line, and a line past the end of the
 * text means the end of the text (the specification's defaulting rule).
 *
 * Ownership: dl_lsp_text borrows its bytes and line table.
 */
#ifndef DRAFTLINT_LSP_POSITION_H
#define DRAFTLINT_LSP_POSITION_H

#include <stddef.h>

typedef enum dl_lsp_encoding { DL_LSP_UTF16, DL_LSP_UTF8 } dl_lsp_encoding;

/* "utf-16", "utf-8": the names positionEncoding uses. Static strings. */
const char *dl_lsp_encoding_name(dl_lsp_encoding enc);

typedef struct dl_lsp_text {
  const char *s;
  size_t len;
  const size_t *line_start; /* offset of each line; line_start[0] == 0 */
  size_t nlines;            /* at least 1 */
} dl_lsp_text;

/* Builds the line table of s[0, len) into *starts (grown with dl_xgrow;
 * the caller owns it); returns the number of lines. */
size_t dl_lsp_lines(const char *s, size_t len, size_t **starts, size_t *cap);

size_t dl_lsp_offset(const dl_lsp_text *t, dl_lsp_encoding enc, size_t line,
                     size_t character);
void dl_lsp_position(const dl_lsp_text *t, dl_lsp_encoding enc,
                     size_t offset, size_t *line, size_t *character);

#endif
