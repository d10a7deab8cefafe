/*
 * splice.h: the splice kind of incoherent-sentence: two sentences run
 * together, or a phrase cut away.  Grammar gives some away (a determiner
 * with no noun, "tempting to the", a verb whose only subject is the object
 * of a preposition); the splice scorer (lang/splice.h) finds the rest,
 * above the threshold of the chosen sensitivity.
 *
 * Ownership: dl_incoh_splice only reads the model and fills the caller's
 * context (lang/splice.h); nothing to free.
 */
#ifndef DRAFTLINT_INCOH_SPLICE_H
#define DRAFTLINT_INCOH_SPLICE_H

#include <stddef.h>

#include "draftlint/text.h"
#include "lang/splice.h"
#include "lang/tokens.h"

/* Where the sentence tok[0..n) of t was cut: the index of the token after
 * the cut (the excerpt is that token and the one before), or 0 where it
 * reads whole.  A cut at `repeated` (the second of a repeated word, 0 for
 * none) is that word's finding, not a splice.  The grammar checks come
 * first, then the model scores the sentence against `threshold`;
 * *confidence is the finding's confidence. */
size_t dl_incoh_splice(const dl_splice_model *model, double threshold,
                       const dl_text *t, const dl_token *tok, size_t n,
                       size_t repeated, dl_splice_context *ctx,
                       double *confidence);

#endif
