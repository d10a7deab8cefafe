/*
 * words.h: the closed word lists of incoherent-sentence, and the token
 * lookups it reads them with.
 *
 * Every kind's lists are here, so the vocabulary the rule's heuristics rest
 * on can be read (and reviewed against the corpus) in one place; each
 * list's comment in words.c says what it is for.
 *
 * Ownership: static data; nothing to free.
 */
#ifndef DRAFTLINT_INCOH_WORDS_H
#define DRAFTLINT_INCOH_WORDS_H

#include <stdbool.h>
#include <string.h>

#include "lang/lexicon.h"
#include "lang/tokens.h"

/* Is the token the word (lower case)?  Inline: the word is nearly always a
 * literal, whose length the compiler then knows. */
static inline bool dl_incoh_is(const dl_token *t, const char *word) {
  return t->hash == dl_word_hash(word, strlen(word));
}

/* Is the token one of the words of a NULL-terminated list? */
bool dl_incoh_listed(const dl_token *t, const char *const *list);

/* fragment (and the splice kind's main-clause test) */
extern const char *const dl_incoh_sub_strict[];
extern const char *const dl_incoh_sub_proofread[];
extern const char *const dl_incoh_gerund_verbs[];
/* false-question */
extern const char *const dl_incoh_tags[];
extern const char *const dl_incoh_hedges[];
extern const char *const dl_incoh_musing[];
/* repeated-word */
extern const char *const dl_incoh_doubles[];
/* splice, the grammar checks */
extern const char *const dl_incoh_want_verb[];
extern const char *const dl_incoh_to_idioms[];
extern const char *const dl_incoh_determiners[];
extern const char *const dl_incoh_singular_s[];
extern const char *const dl_incoh_inverting[];
extern const char *const dl_incoh_needs_object[];

#endif
