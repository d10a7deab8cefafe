/*
 * false_question.h: the false-question kind of incoherent-sentence.  A
 * sentence that ends with '?', opens like a statement (a noun phrase, a
 * gerund subject, a fronted phrase and its clause), and has no wh-word and
 * no auxiliary where a clause starts or before its subject; not a tag
 * question, a hedge ("Maybe ...") or thinking aloud ("I think ...").
 *
 * Ownership: a pure function of the tokens; nothing to free.
 */
#ifndef DRAFTLINT_INCOH_FALSE_QUESTION_H
#define DRAFTLINT_INCOH_FALSE_QUESTION_H

#include <stdbool.h>
#include <stddef.h>

#include "draftlint/text.h"
#include "lang/tokens.h"

/* Is the sentence tok[0..n) of t a statement that ends with '?'? */
bool dl_incoh_false_question(const dl_text *t, const dl_token *tok,
                             size_t n);

#endif
