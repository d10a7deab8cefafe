/*
 * url.c: where a bare URL in prose ends (url.h).  One detector for the
 * tokenizer, the quote pairing and the sentence rules, so that each sees
 * "https://example.com/x" in `"see https://example.com/x" today` as one
 * word and the quote after it as prose.
 */
#include "draftlint/url.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

static bool S_starts(const char *s, size_t n, const char *p) {
  size_t m = strlen(p);
  return n > m && strncasecmp(s, p, m) == 0;
}

/* Bytes of a character that ends a URL at s[0]: a space, an angle
 * bracket, a straight quote, or a curly quote or guillemet. */
static size_t S_stop(const char *s, size_t n) {
  unsigned char c = (unsigned char)s[0];
  if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == 0x7F)
    return 1;
  if (n >= 3 && c == 0xE2 && (unsigned char)s[1] == 0x80 &&
      ((unsigned char)s[2] >= 0x98 && (unsigned char)s[2] <= 0x9D))
    return 3; /* ‘ ’ ‚ ‛ “ ” */
  if (n >= 2 && c == 0xC2 &&
      ((unsigned char)s[1] == 0xAB || (unsigned char)s[1] == 0xBB))
    return 2; /* « » */
  return 0;
}

static size_t S_count(const char *s, size_t n, char c) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += s[i] == c;
  return k;
}

size_t dl_url_len(const char *s, size_t n) {
  if (!S_starts(s, n, "http://") && !S_starts(s, n, "https://") &&
      !S_starts(s, n, "www."))
    return 0;
  size_t end = 0;
  while (end < n && !S_stop(s + end, n - end))
    end++;
  for (;;) {
    char last = end ? s[end - 1] : 0;
    if (last && strchr(".,:;!?'*_~", last))
      end--;
    else if (last == ')' && S_count(s, end, ')') > S_count(s, end, '('))
      end--;
    else if (last == ']' && S_count(s, end, ']') > S_count(s, end, '['))
      end--;
    else
      break;
  }
  return end;
}
