/*
 * clause.h: what incoherent-sentence's kinds ask of a tokenized sentence
 * (tokens.h): where its words and its final mark are, and whether a token
 * is a verb or a word of a noun phrase.
 *
 * The verb tests answer different questions, so they stay apart; each is
 * built on the one before it where it only adds to it:
 *
 *   strong_verb      a finite verb that cannot be read as a noun: a form
 *                    of be, have or do, a modal, a pronoun's contraction
 *                    ("it's"), "don't", an -s or an -ed verb;
 *   verbish          a strong verb, or a word that is a verb or a noun
 *                    (a base form, an -s plural, an -ed adjective) right
 *                    after what can be its subject: a finite verb, read
 *                    loosely;
 *   statement_verb   verbish, or such a word after an adverb ("we often
 *                    opt") or a noun that is also an adjective or a verb
 *                    ("the format matters"): looser again, for
 *                    false-question, which needs only some verb;
 *   any_verb         verbish, or a form that is not finite (-ing, -ed,
 *                    "been", "be"), for finding where a clause's verbs are;
 *   strict_finite    only present-tense forms that must head a clause of
 *                    their own: a modal, be, "don't", an -s verb, "does",
 *                    "has", "had"; not an -ed form (a participle) nor "do"
 *                    or "have" (a base form after "to" or a modal);
 *   finite_verb_any  strict_finite, a pronoun's contraction, or an -ed or
 *                    base form right after a subject pronoun;
 *   auxiliary        an auxiliary that can open a question ("Is", "Can",
 *                    "Don't"), "be" included, "having" not;
 *   chain            an auxiliary, "been"/"being", a pronoun's contraction
 *                    or "to": after one, a verb belongs to the same chain.
 *
 * Ownership: pure functions of the tokens; nothing to free.
 */
#ifndef DRAFTLINT_INCOH_CLAUSE_H
#define DRAFTLINT_INCOH_CLAUSE_H

#include <stdbool.h>
#include <stddef.h>

#include "draftlint/text.h"
#include "lang/lexicon.h"
#include "lang/tokens.h"

static inline bool dl_incoh_word(const dl_token *t) {
  return t->shape & DL_TOK_WORD;
}

/* The number of word tokens. */
size_t dl_incoh_words(const dl_token *tok, size_t n);
/* The index of the first word token; n where there is none. */
size_t dl_incoh_first_word(const dl_token *tok, size_t n);
/* The final mark of the sentence (before closing quotes and brackets), or
 * NULL. */
const dl_token *dl_incoh_final(const dl_token *tok, size_t n);
/* Does that final mark (NULL: none) hold the character c? */
bool dl_incoh_ends_with(const dl_text *t, const dl_token *end, char c);

/* The verb tests above, of token i. */
bool dl_incoh_strong_verb(const dl_token *tok, size_t i);
bool dl_incoh_verbish(const dl_token *tok, size_t i);
bool dl_incoh_statement_verb(const dl_token *tok, size_t i);
bool dl_incoh_any_verb(const dl_token *tok, size_t i);
bool dl_incoh_strict_finite(const dl_token *tok, size_t i);
bool dl_incoh_finite_verb_any(const dl_token *tok, size_t j);
bool dl_incoh_auxiliary(const dl_token *tok, size_t i);
bool dl_incoh_chain(const dl_token *t);

/* A word class that is a word of a noun phrase (determiners, adjectives,
 * nouns, names, pronouns). */
bool dl_incoh_np_word(dl_wclass c);
/* The same, participles and numbers included. */
bool dl_incoh_noun_phrase_word(uint8_t c);

#endif
