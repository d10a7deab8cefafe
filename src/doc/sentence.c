/*
 * sentence.c: sentence segmentation over a block's plain text.
 *
 * A sentence ends at '.', '!', '?' or an ellipsis, after any closing quotes
 * and brackets, when what follows is white space and then something that
 * can start a sentence (not a lower-case letter), or the end of the block.
 * A period after a known abbreviation or a single capital initial does not
 * end a sentence; a period inside a number or word ("3.5", "e.g") never
 * sees white space after it, except that a mark glued to a capitalised word
 * ("much.And", "ME!!Here") ends a sentence too.  The ideographic full stop and the full-width
 * '!' and '?' end a sentence with no space after them, as CJK text writes.
 */
#include "draftlint/sentence.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "draftlint/alloc.h"

/* Abbreviations after which a period does not end a sentence. */
static const char *const S_abbrev[] = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc.", "e.g",
    "i.e", "eg", "ie", "cf", "al", "approx", "fig", "vol", "inc", "ltd",
    "co", "corp", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "a.m", "p.m",
    "incl", "esp", "ph.d", "viz", "resp", "eds", "pp", NULL};

static bool S_is_closer(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
         cp == 0x2019 || cp == 0x00BB || cp == '*' || cp == '_';
}

/* Is the word that ends at text byte `end` (exclusive, just before a '.')
 * an abbreviation or a single-letter initial? */
static bool S_abbreviation(const char *s, size_t end) {
  size_t start = end;
  while (start > 0 && (isalpha((unsigned char)s[start - 1]) || s[start - 1] == '.'))
    start--;
  size_t n = end - start;
  if (n == 0)
    return false;
  if (n == 1 && isupper((unsigned char)s[start]))
    return true; /* an initial: "John P. Cutler" */
  for (const char *const *a = S_abbrev; *a; a++) {
    size_t m = strlen(*a);
    if (m == n && strncasecmp(s + start, *a, n) == 0)
      return true;
  }
  return false;
}

/* Is byte i inside a token with a slash or "@" ("example.com/Page",
 * "me@host.Org")?  Then a mark glued to a capital is not a sentence end. */
static bool S_in_word_with_slash(const char *s, size_t i) {
  size_t a = i; /* a look of 256 bytes each way keeps long tokens linear */
  while (a > 0 && i - a < 256 && s[a - 1] != ' ' && s[a - 1] != '\n')
    a--;
  for (size_t k = a; s[k] && k < i + 256 && s[k] != ' ' && s[k] != '\n'; k++)
    if (s[k] == '/' || s[k] == '@')
      return true;
  return false;
}

/* Can the code point start a sentence?  Anything but a lower-case letter
 * (writers start sentences with digits, quotes, brackets, emoji). */
static bool S_can_start(int32_t cp) { return !dl_cp_is_lower(cp); }

static void S_push(dl_sentence **out, size_t *len, size_t *cap, size_t block,
                   const char *s, size_t from, size_t to) {
  while (from < to && (s[from] == ' ' || s[from] == '\n' || s[from] == '\t'))
    from++;
  while (to > from && (s[to - 1] == ' ' || s[to - 1] == '\n' || s[to - 1] == '\t'))
    to--;
  if (from == to)
    return;
  *out = dl_xgrow(*out, cap, *len + 1, sizeof **out);
  (*out)[(*len)++] = (dl_sentence){block, from, to};
}

size_t dl_sentences_split(const dl_text *t, size_t block, dl_sentence **out,
                          size_t *len, size_t *cap) {
  const char *s = t->s;
  size_t n = t->len, start = 0, i = 0;
  while (i < n) {
    int32_t cp;
    size_t l = dl_utf8_decode(s + i, n - i, &cp);
    bool mark = cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
    /* ideographic full stop, full-width ! and ?: CJK writes no space after
     * them, so they end a sentence whatever follows */
    if ((cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F) &&
        !(t->flags[i] & DL_TX_CODE)) {
      size_t end = i + l;
      S_push(out, len, cap, block, s, start, end);
      start = end;
      i = end;
      continue;
    }
    if (!mark || (t->flags[i] & DL_TX_CODE)) {
      i += l;
      continue;
    }
    size_t end = i + l; /* through the marks, then closing quotes */
    for (;;) {
      int32_t next;
      size_t nl = dl_utf8_decode(s + end, n - end, &next);
      if (end < n && (next == '.' || next == '!' || next == '?' ||
                      next == 0x2026 || S_is_closer(next)))
        end += nl;
      else
        break;
    }
    size_t after = end;
    while (after < n && (s[after] == ' ' || s[after] == '\n' || s[after] == '\t'))
      after++;
    int32_t first = -1;
    if (after < n)
      dl_utf8_decode(s + after, n - after, &first);
    /* "No. 5" abbreviates "number"; "The answer is no. Then" ends */
    bool number = cp == '.' && i >= 2 && (s[i - 1] == 'o' || s[i - 1] == 'O') &&
                  (s[i - 2] == 'n' || s[i - 2] == 'N') &&
                  (i == 2 || !isalpha((unsigned char)s[i - 3])) && first >= '0' &&
                  first <= '9';
    /* "so much.And what": a space lost after the mark, which happens in
     * drafts; but never inside a name or address ("Node.js", "ASP.NET") */
    bool glued = after == end && end + 1 < n &&
                 isupper((unsigned char)s[end]) &&
                 islower((unsigned char)s[end + 1]) && i >= 2 &&
                 (cp != '.' || (islower((unsigned char)s[i - 1]) &&
                                islower((unsigned char)s[i - 2]))) &&
                 !(t->flags[i] & (DL_TX_LINK | DL_TX_AUTOLINK)) &&
                 !S_in_word_with_slash(s, i);
    bool ends = after == n || glued ||
                (after > end && S_can_start(first) && !number &&
                 !(cp == '.' && S_abbreviation(s, i)));
    if (ends) {
      S_push(out, len, cap, block, s, start, end);
      start = after;
    }
    i = end > i + l ? end : i + l;
  }
  S_push(out, len, cap, block, s, start, n);
  return *len;
}

const dl_sentence *dl_doc_sentences(const dl_doc *doc, size_t *count) {
  dl_doc *d = (dl_doc *)doc; /* built on first use: a cache, not a change */
  if (!d->sentences_built) {
    size_t cap = 0;
    for (size_t b = 0; b < d->nblocks; b++)
      dl_sentences_split(&d->blocks[b].text, b, &d->sentences, &d->nsentences,
                         &cap);
    d->sentences_built = true;
  }
  *count = d->nsentences;
  return d->sentences;
}

void dl_sentence_range(const dl_doc *doc, const dl_sentence *s, size_t *start,
                       size_t *end) {
  const dl_text *t = &doc->blocks[s->block].text;
  *start = t->map[s->from];
  *end = t->map[s->to - 1] + 1;
  if (*end < *start)
    *end = *start;
}
