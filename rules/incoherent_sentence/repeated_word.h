/*
 * repeated_word.h: the repeated-word kind of incoherent-sentence: the same
 * word, or phrase of up to four words, twice in a row ("the the", "the team
 * the team").
 *
 * Ownership: a pure function of the tokens; nothing to free.
 */
#ifndef DRAFTLINT_INCOH_REPEATED_WORD_H
#define DRAFTLINT_INCOH_REPEATED_WORD_H

#include <stddef.h>

#include "draftlint/text.h"
#include "draftlint/rule.h"
#include "lang/tokens.h"

/* Where the second copy of a doubled word or phrase (up to four words)
 * starts in tok[0..n) of t, its length in words in *len; 0 when none. */
size_t dl_incoh_repeated(const dl_text *t, const dl_token *tok, size_t n,
                         size_t *len);
/* Reports it over both copies, with the fix that drops the second; returns
 * what dl_incoh_repeated returned. */
size_t dl_incoh_report_repeated(dl_sink *sink, const dl_text *t,
                                const dl_token *tok, size_t n);

#endif
