/*
 * tokens.h: the words and marks of one sentence, with their classes.
 *
 * A token is a word (letters and digits, with inner apostrophes, hyphens
 * and dots: "don't", "role-agnostic", "3.5", "node.js"), a number, one
 * punctuation mark, a code span (one token however long), a URL, or any
 * other symbol (an emoji).  Each carries its byte range in the block's plain
 * text, the hash of its lower-cased form (curly apostrophes read as
 * straight ones), its lexicon flags and its word class (lexicon.h).
 *
 * Ownership: dl_tokenize grows the caller's array (dl_xgrow); the caller
 * frees it.
 */
#ifndef DRAFTLINT_TOKENS_H
#define DRAFTLINT_TOKENS_H

#include <stddef.h>
#include <stdint.h>

#include "lang/lexicon.h"
#include "draftlint/text.h"

enum {
  DL_TOK_WORD = 1 << 0,    /* letters (perhaps with digits) */
  DL_TOK_CAPITAL = 1 << 1, /* starts with an upper-case letter */
  DL_TOK_ALLCAPS = 1 << 2, /* two or more letters, all upper case */
  DL_TOK_FIRST = 1 << 3,   /* the first word of the sentence */
  DL_TOK_LINK = 1 << 4,    /* inside link text */
  DL_TOK_EMPH = 1 << 5     /* inside emphasis */
};

typedef struct dl_token {
  uint32_t from, to; /* byte range in the block text, end exclusive */
  uint64_t hash;     /* dl_word_hash of the lower-cased form */
  uint8_t cls;       /* dl_wclass */
  uint8_t lex;       /* DL_LEX_* flags; 0 for closed-class words */
  uint8_t shape;     /* DL_TOK_* */
  uint32_t cp;       /* the code point, for one-mark tokens; else 0 */
} dl_token;

/* Tokenizes t->s[from..to) into *out (which holds *cap tokens), replacing
 * what it held.  Returns the number of tokens. */
size_t dl_tokenize(const dl_text *t, size_t from, size_t to,
                   const dl_lexicon *lex, dl_token **out, size_t *cap);

#endif
