/*
 * repeated_word.h: the repeated-word kind of incoherent-sentence: the same
 * word twice in a row ("the the").
 *
 * Ownership: a pure function of the tokens; nothing to free.
 */
#ifndef DRAFTLINT_INCOH_REPEATED_WORD_H
#define DRAFTLINT_INCOH_REPEATED_WORD_H

#include <stddef.h>

#include "draftlint/text.h"
#include "lang/tokens.h"

/* The index of the second of two equal words in tok[0..n) of t, or 0. */
size_t dl_incoh_repeated(const dl_text *t, const dl_token *tok, size_t n);

#endif
