/*
 * text.h: the plain-text view of a block, and the Unicode helpers rules use.
 *
 * A dl_text is what a reader sees of one paragraph or heading: the inline
 * markup is gone (emphasis markers, link destinations, raw HTML), code spans
 * and link text stay, marked in `flags`.  Every byte knows the source offset
 * it came from (`map`), so a rule that finds something in the text can
 * report it at its exact place in the file without searching again.
 *
 * Ownership: a dl_text owns its three arrays; dl_text_free releases them.
 * Functions that return char * return a malloc'd string the caller frees.
 */
#ifndef DRAFTLINT_TEXT_H
#define DRAFTLINT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where a byte of plain text came from, beyond its offset. */
enum {
  DL_TX_CODE = 1 << 0,     /* inside a code span */
  DL_TX_LINK = 1 << 1,     /* inside the text of a link */
  DL_TX_IMAGE = 1 << 2,    /* inside an image's alt text */
  DL_TX_AUTOLINK = 1 << 3, /* the visible URL of an autolink <http://...> */
  DL_TX_BREAK = 1 << 4,    /* a soft or hard line break, stored as '\n' */
  DL_TX_EMPH = 1 << 5      /* inside *emphasis* or **strong** */
};

typedef struct dl_text {
  char *s;        /* the text, NUL-terminated, valid UTF-8 */
  uint32_t *map;  /* map[i]: source offset of s[i]; map[len]: end of block */
  uint8_t *flags; /* DL_TX_* bits of s[i] */
  size_t len;
  size_t cap;
} dl_text;

void dl_text_init(dl_text *t);
void dl_text_free(dl_text *t);
/* The first index of `t` whose source offset (map) is >= `offset`, or
 * t->len: where a source range starts in the text. */
size_t dl_text_at(const dl_text *t, size_t offset);
/* Makes room for exactly `n` more bytes (a hint: appends past it grow the
 * text, doubling). */
void dl_text_reserve(dl_text *t, size_t n);
/* Appends `n` bytes that all come from source offset `src` onward: byte i
 * maps to src + i when `advance` is true, else every byte maps to `src`. */
void dl_text_append(dl_text *t, const char *s, size_t n, uint32_t src,
                    bool advance, uint8_t flags);

/* ---- UTF-8 ---- */

/* Decodes one code point at s[0..n); returns its length in bytes (>= 1) and
 * stores the code point, or U+FFFD for an invalid sequence. */
size_t dl_utf8_decode(const char *s, size_t n, int32_t *cp);
/* Decodes the code point that ends just before s[i]; returns its length. */
size_t dl_utf8_decode_back(const char *s, size_t i, int32_t *cp);
/* Number of code points in s[0..n). */
size_t dl_utf8_count(const char *s, size_t n);
/* Returns the offset of the first invalid UTF-8 sequence in s[0..n), or n
 * when the whole buffer is valid. */
size_t dl_utf8_validate(const char *s, size_t n);

/* Character classes on code points (Unicode general categories). */
bool dl_cp_is_space(int32_t cp);      /* Zs, tab, line breaks */
bool dl_cp_is_punct(int32_t cp);      /* P* and S* (CommonMark's sense) */
bool dl_cp_is_alnum(int32_t cp);      /* L* and N* */
bool dl_cp_is_upper(int32_t cp);
bool dl_cp_is_lower(int32_t cp);

/* Comparison key for text: NFKC, Unicode case folding, whitespace runs
 * collapsed to one space, curly quotes straightened, leading and trailing
 * spaces and trailing ':', ';', ',' and '.' (not an ellipsis) removed.
 * Returns a malloc'd string the caller frees. */
char *dl_text_key(const char *s, size_t n);

#endif
