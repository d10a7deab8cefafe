/*
 * unbalanced_quote.h: the unbalanced-quote kind of incoherent-sentence: a
 * double quotation mark or bracket left unpaired in its paragraph
 * (quotations often span sentences, so pairing is per paragraph), reported
 * on its sentence.
 *
 * Ownership: the caller owns a dl_incoh_marks, grows it with
 * dl_incoh_collect_marks and frees `items` with free().
 */
#ifndef DRAFTLINT_INCOH_UNBALANCED_QUOTE_H
#define DRAFTLINT_INCOH_UNBALANCED_QUOTE_H

#include <stdbool.h>
#include <stddef.h>

#include "draftlint/text.h"
#include "lang/tokens.h"

typedef struct dl_incoh_mark {
  size_t sentence; /* index into the doc's sentences */
  size_t from, to; /* the mark in the block text */
  bool open;
  bool loose; /* may stay unpaired: an enumerator or a smiley */
  char kind;  /* '"' or '(' */
} dl_incoh_mark;

typedef struct dl_incoh_marks {
  dl_incoh_mark *items;
  size_t len, cap;
} dl_incoh_marks;

/* Collects the double quotes and parentheses of one sentence, tok[0..n) of
 * t, the doc's sentence number `sentence`, into m.  A straight quote opens
 * after a space or an opening mark, else closes. */
void dl_incoh_collect_marks(const dl_text *t, const dl_token *tok, size_t n,
                            size_t sentence, dl_incoh_marks *m);

/* The marks of a whole paragraph t to report, compacted at the front of m,
 * in order; returns how many.  An opening quote stays quiet when the next
 * block's text `next` (NULL: none) opens with a quote, which continues the
 * quotation, and an opener before a cut-off ellipsis lost its closer to
 * the cut.  The caller empties m (m->len = 0) for the next paragraph. */
size_t dl_incoh_unbalanced(dl_incoh_marks *m, const dl_text *t,
                           const dl_text *next);

#endif
