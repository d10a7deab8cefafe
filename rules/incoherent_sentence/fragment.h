/*
 * fragment.h: the fragment kind of incoherent-sentence.  A sentence that
 * opens with a subordinator ("When", "While") and never reaches a main
 * clause: no comma or dash, and no later subject or verb that "that", a
 * wh-word, a subordinator or a conjunction does not tie to the subordinate
 * clause; or the subordinator is glued onto a conjunction or an imperative
 * ("When and it ...", "Unless discuss the plan").
 *
 * Ownership: a pure function of the tokens; nothing to free.
 */
#ifndef DRAFTLINT_INCOH_FRAGMENT_H
#define DRAFTLINT_INCOH_FRAGMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "draftlint/text.h"
#include "lang/tokens.h"

/* Is the sentence tok[0..n) of t a fragment?  `after_question`: it follows
 * a question in its paragraph (an answer may be one); `proofread`: the
 * subordinators that also start deliberate fragments count too. */
bool dl_incoh_fragment(const dl_text *t, const dl_token *tok, size_t n,
                       bool after_question, bool proofread);
/* In a sentence dl_incoh_fragment took for one, where a main clause starts
 * with no comma before it ("When they happen people need information"):
 * the index of its subject, or 0 where none does (a true fragment). */
size_t dl_incoh_missing_comma(const dl_token *tok, size_t n);

#endif
