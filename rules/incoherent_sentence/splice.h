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

/* What found a cut: one of the grammar checks, or the model. */
typedef enum dl_incoh_cut {
  DL_INCOH_CUT_INFINITIVE, /* a verb that wants one after "to": "tempting
                              to | the" */
  DL_INCOH_CUT_PP_SUBJECT, /* a finite verb whose only subject is the
                              object of a preposition */
  DL_INCOH_CUT_OBJECT,     /* "to" and a verb that lost its object:
                              "We're trying to accomplish." */
  DL_INCOH_CUT_DETERMINER, /* a determiner with no noun: "at the | and" */
  DL_INCOH_CUT_VERB_S,     /* a modal or "to" before an -s verb: "to
                              makes" */
  DL_INCOH_CUT_PLURAL,     /* "a" before a plural head: "a | things go" */
  DL_INCOH_CUT_OWN,        /* "own" with no possessive */
  DL_INCOH_CUT_PRONOUN,    /* a subject pronoun before a determiner: "we |
                              my goal" */
  DL_INCOH_CUT_MODAL,      /* a modal before its object: "can | the" */
  DL_INCOH_CUT_MODAL_ADJ,  /* a modal before a bare adjective */
  DL_INCOH_CUT_A_ADJ,      /* "a" and an adjective with no noun */
  DL_INCOH_CUT_MODEL,      /* the splice scorer */
  DL_INCOH_CUT_N
} dl_incoh_cut;

/* Every grammar check, as a set of 1 << dl_incoh_cut. */
#define DL_INCOH_CUTS_ALL ((1u << DL_INCOH_CUT_MODEL) - 1)

/* The grammar checks that report at strict (splice.c says why each is in
 * or out); proofread runs them all. */
extern const unsigned dl_incoh_strict_cuts;

typedef struct dl_incoh_splicer {
  const dl_splice_model *model; /* borrowed */
  double threshold;             /* the model's score must pass it */
  unsigned cuts;                /* the grammar checks that report */
} dl_incoh_splicer;

/* Where the sentence tok[0..n) of t was cut: the index of the token after
 * the cut (the excerpt is that token and the one before), or 0 where it
 * reads whole.  A cut at `repeated` (the second of a repeated word, 0 for
 * none) is that word's finding, not a splice.  The grammar checks come
 * first, then the model scores the sentence; *confidence is the finding's
 * confidence and *cut what found it. */
size_t dl_incoh_splice(const dl_incoh_splicer *sp, const dl_text *t,
                       const dl_token *tok, size_t n, size_t repeated,
                       dl_splice_context *ctx, double *confidence,
                       dl_incoh_cut *cut);

#endif
