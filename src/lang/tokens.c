/*
 * tokens.c: a sentence into words and marks, each with its word class.
 *
 * Words are looked up lower-cased, with a curly apostrophe read as a
 * straight one, first among the closed classes and then in the open-class
 * lexicon; a possessive takes the class of its stem.  A hyphenated word the lexicon lacks is a
 * compound, which modifies or names ("role-agnostic", "promotion-that-
 * never-comes"): an adjective, and a noun when its last part is one.  A capital inside a sentence marks a name
 * unless the word is a closed-class one ("I").
 */
#include "lang/tokens.h"

#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/url.h"

#define S_MAXWORD 64

static bool S_alnum(int32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9');
  return dl_cp_is_alnum(cp);
}

/* Lower-cases a word into buf (apostrophes straight); returns its length,
 * at most S_MAXWORD (longer words are cut, which only costs their class). */
static size_t S_fold(const char *s, size_t n, char *buf) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < S_MAXWORD;) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99) {
      buf[k++] = '\'';
      i += 3;
    } else {
      buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
    }
  }
  return k;
}

static unsigned S_open_flags(const dl_lexicon *lex, const char *w, size_t n,
                             uint64_t h) {
  unsigned f = dl_lexicon_flags(lex, h);
  if (f)
    return f;
  if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's') /* "company's" */
    return dl_lexicon_flags(lex, dl_word_hash(w, n - 2)) & DL_LEX_NOUN;
  const char *dash = memchr(w, '-', n);
  if (dash) {
    const char *last = w + n;
    while (last > w && last[-1] != '-')
      last--;
    /* a compound modifies or names: "role-agnostic", "never-comes" */
    if (last < w + n)
      return (dl_lexicon_flags(lex, dl_word_hash(last, (size_t)(w + n - last))) &
              (DL_LEX_NOUN | DL_LEX_ADJ | DL_LEX_PLURAL)) |
             DL_LEX_ADJ;
  }
  return 0;
}

static void S_word(const dl_text *t, size_t from, size_t to,
                   const dl_lexicon *lex, dl_token *tok) {
  char buf[S_MAXWORD];
  size_t n = S_fold(t->s + from, to - from, buf);
  tok->hash = dl_word_hash(buf, n);
  int32_t first;
  dl_utf8_decode(t->s + from, to - from, &first);
  if (first >= '0' && first <= '9') {
    tok->cls = DL_WC_NUMBER;
    return;
  }
  tok->shape |= DL_TOK_WORD;
  size_t letters = 0, upper = 0;
  for (size_t i = from; i < to;) {
    int32_t cp;
    i += dl_utf8_decode(t->s + i, to - i, &cp);
    if (dl_cp_is_upper(cp))
      upper++;
    if (dl_cp_is_upper(cp) || dl_cp_is_lower(cp))
      letters++;
  }
  if (dl_cp_is_upper(first))
    tok->shape |= DL_TOK_CAPITAL;
  if (letters >= 2 && upper == letters)
    tok->shape |= DL_TOK_ALLCAPS;
  dl_wclass c = dl_lexicon_closed(lex, tok->hash);
  if (c != DL_WC_NONE) {
    tok->cls = (uint8_t)c;
    return;
  }
  tok->lex = (uint8_t)S_open_flags(lex, buf, n, tok->hash);
  tok->cls = (uint8_t)dl_wclass_open(tok->lex, false);
}

static dl_wclass S_mark(int32_t cp, bool after_space) {
  switch (cp) {
  case ',':
    return DL_WC_COMMA;
  case ';':
  case ':':
    return DL_WC_SEMI;
  case 0x2014: /* em dash */
  case 0x2013: /* en dash */
  case '-':
    return DL_WC_DASH;
  case 0x201C:
  case 0x2018:
  case 0x00AB:
    return DL_WC_OPEN_QUOTE;
  case 0x201D:
  case 0x2019:
  case 0x00BB:
    return DL_WC_CLOSE_QUOTE;
  case '"':
  case '\'':
    return after_space ? DL_WC_OPEN_QUOTE : DL_WC_CLOSE_QUOTE;
  case '(':
  case '[':
  case '{':
    return DL_WC_OPEN_PAREN;
  case ')':
  case ']':
  case '}':
    return DL_WC_CLOSE_PAREN;
  case '.':
  case '!':
  case '?':
  case 0x2026:
    return DL_WC_END;
  default:
    return DL_WC_SYMBOL;
  }
}

size_t dl_tokenize(const dl_text *t, size_t from, size_t to,
                   const dl_lexicon *lex, dl_token **out, size_t *cap) {
  const char *s = t->s;
  size_t n = 0, i = from;
  bool after_space = true, first_word = true;
  while (i < to) {
    int32_t cp;
    size_t l = dl_utf8_decode(s + i, to - i, &cp);
    if (dl_cp_is_space(cp)) {
      i += l;
      after_space = true;
      continue;
    }
    *out = dl_xgrow(*out, cap, n + 1, sizeof **out);
    dl_token *tok = &(*out)[n++];
    *tok = (dl_token){.from = (uint32_t)i};
    size_t j = i + l;
    if (t->flags[i] & DL_TX_CODE) {
      while (j < to && (t->flags[j] & DL_TX_CODE))
        j++;
      tok->cls = DL_WC_CODE;
    } else if (after_space && dl_url_len(s + i, to - i) > 0) {
      /* the URL is one word; a quote, bracket or stop after it is prose */
      j = i + dl_url_len(s + i, to - i);
      tok->cls = DL_WC_URL;
    } else if (S_alnum(cp)) {
      /* letters and digits, joined by inner apostrophes, hyphens, dots */
      for (;;) {
        int32_t c2;
        size_t l2 = j < to ? dl_utf8_decode(s + j, to - j, &c2) : 0;
        if (l2 && S_alnum(c2)) {
          j += l2;
          continue;
        }
        if (l2 && (c2 == '\'' || c2 == 0x2019 || c2 == '-' || c2 == '.' ||
                   c2 == '_' || c2 == '&')) {
          int32_t c3;
          if (j + l2 < to && (dl_utf8_decode(s + j + l2, to - j - l2, &c3),
                              S_alnum(c3))) {
            j += l2;
            continue;
          }
        }
        break;
      }
      S_word(t, i, j, lex, tok);
      if (first_word && (tok->shape & DL_TOK_WORD)) {
        tok->shape |= DL_TOK_FIRST;
        first_word = false;
      } else if ((tok->shape & DL_TOK_CAPITAL) && tok->lex &&
                 dl_lexicon_closed(lex, tok->hash) == DL_WC_NONE) {
        tok->cls = (uint8_t)dl_wclass_open(tok->lex, true);
      } else if ((tok->shape & DL_TOK_CAPITAL) && tok->cls == DL_WC_UNKNOWN) {
        tok->cls = DL_WC_UNKNOWN_CAP;
      }
      if (tok->cls == DL_WC_NUMBER)
        first_word = false;
    } else {
      tok->cls = (uint8_t)S_mark(cp, after_space);
      tok->cp = (uint32_t)cp;
      tok->hash = (uint64_t)cp * 0x9E3779B97F4A7C15ull;
      if (tok->cls == DL_WC_END) /* "...", "?!" are one mark */
        while (j < to && (s[j] == '.' || s[j] == '!' || s[j] == '?'))
          j++;
    }
    if (t->flags[i] & DL_TX_LINK)
      tok->shape |= DL_TOK_LINK;
    if (t->flags[i] & DL_TX_EMPH)
      tok->shape |= DL_TOK_EMPH;
    tok->to = (uint32_t)j;
    i = j;
    after_space = tok->cls == DL_WC_OPEN_QUOTE || tok->cls == DL_WC_OPEN_PAREN ||
                  tok->cls == DL_WC_DASH;
  }
  return n;
}
