/*
 * splice.h: the splice scorer of incoherent-sentence, a logistic
 * regression over hashed features of each word boundary in a sentence.
 *
 * A splice joins the first part of one sentence to the last part of
 * another; the place where they meet is a word boundary that real prose
 * does not have.  For each boundary with white space the scorer hashes
 * features of its neighbourhood (the words and word classes on both sides,
 * and whether a complete clause ends before it while a new finite verb
 * follows with nothing to link them) into a table of weights; a sentence's
 * score is its highest boundary's.  The model was trained on synthetic
 * splices and real sentences (learn.c, `draftlint learn`).
 *
 * With a general-English n-gram table (ngram.h), each boundary also gets
 * features of how often English joins the words that meet there, against
 * how often chance would (the model records which table it was trained
 * with, and opens that table beside itself).
 *
 * The model file (rules/data/sentence.model; integers little-endian):
 *   "DLSPLICE"       8 bytes
 *   uint32 version   2 (1: no n-gram table, and no `ngram` field)
 *   uint32 bits      the table has 1 << bits weights
 *   uint32 lexicon   the checksum of the lexicon it was trained with
 *   float  scale     a weight is int8 * scale
 *   float  bias
 *   float  strict    the score (a logit) at which a sentence is flagged in
 *   float  proofread   each sensitivity, chosen on held-back posts
 *   uint32 sentences, splices   what it was trained on (for the record)
 *   uint32 ngram     the id of the n-gram table it was trained with; 0 none
 *   int8   weights[1 << bits]
 *
 * Ownership: dl_splice_model_open returns a model the caller closes with
 * dl_splice_model_close; it is read-only and may be shared by threads.
 */
#ifndef DRAFTLINT_SPLICE_H
#define DRAFTLINT_SPLICE_H

#include <stddef.h>
#include <stdint.h>

#include "lang/lexicon.h"
#include "lang/ngram.h"
#include "lang/tokens.h"

#define DL_SPLICE_MAX_FEATURES 40
#define DL_SPLICE_HEADER_V1 44
#define DL_SPLICE_HEADER 48
#define DL_SPLICE_WINDOWS 4 /* class windows around a boundary */

typedef struct dl_splice_model {
  void *map;
  size_t maplen;
  const int8_t *weights;
  uint32_t bits, lexicon, sentences, splices, ngram_id;
  float scale, bias, strict, proofread;
  dl_ngram *ngram; /* owned; NULL for a model trained without one */
} dl_splice_model;

/* Bytes of a file the caller keeps for the model's life: NULL bytes with
 * `error` saying why, when the file could not be had. */
typedef struct dl_data_ref {
  const void *bytes;
  size_t len;
  const char *path;
  const char *error;
} dl_data_ref;

/* Reads the model in `bytes` (borrowed: they must outlive the model) and
 * checks that it was trained with `lex`; a model trained with an n-gram
 * table reads `ngram` and checks it is the same table.  Returns 0, or -1
 * with a malloc'd message naming the file and the reason. */
int dl_splice_model_attach(const void *bytes, size_t len, const char *path,
                           const dl_lexicon *lex, const dl_data_ref *ngram,
                           dl_splice_model **out, char **error);
/* The same for the model at `path` (NULL: the installed sentence.model)
 * and the installed n-gram table, mapped through src/input and owned by
 * the model (for `learn` and the tools). */
int dl_splice_model_open(const char *path, const dl_lexicon *lex,
                         dl_splice_model **out, char **error);
void dl_splice_model_close(dl_splice_model *m);

/* Per-boundary context of a sentence, worked out once (dl_splice_context)
 * and read by dl_splice_features.  `open[b]`: a clause with a finite verb
 * ends before boundary b with no word since that links a new one;
 * `finite[b]`: a finite verb follows b before any linking word. */
typedef struct dl_splice_context {
  uint8_t *open, *finite;
  uint8_t *rel; /* rel[b]: tenths of the sentence's words before b */
  /* with an n-gram table: lv[k][i], the level (ngram.h) of the k+1 tokens
   * ending with token i (before token 0: the start of the sentence) */
  uint8_t *lv[DL_NGRAM_MAX];
  uint64_t *sym, *keys; /* the tokens as n-gram symbols, and the keys */
  int total;    /* the table's token count as a level */
  int8_t *jump; /* jump[b]: how much rarer than chance the words meeting at
                 * b are, in octaves; the sentence's largest is `top` */
  int top, second;
  /* clv[k][i]: the level of the k+1 word classes ending with token i;
   * cpmi[w][b]: for window w of S_WINDOWS (splice_model.c), how much more
   * (or less) often English has the classes on both sides of b together
   * than apart, in quarter octaves; INT16_MIN when a side is unseen */
  uint8_t *clv[DL_NGRAM_CLASS_MAX];
  int16_t *cpmi[DL_SPLICE_WINDOWS];
  int cmin[DL_SPLICE_WINDOWS], csecond[DL_SPLICE_WINDOWS];
  size_t cap;
} dl_splice_context;

/* Works out the context of a sentence; `g` (NULL for none) is the n-gram
 * table the model was trained with. */
void dl_splice_context_build(dl_splice_context *c, const dl_token *tok,
                             size_t n, const dl_ngram *g);
void dl_splice_context_free(dl_splice_context *c);

/* Is there white space before token b, so that a splice could meet there?
 * Boundaries 1..n-1 with at least one word on each side count. */
int dl_splice_boundary(const dl_token *tok, size_t n, size_t b);

/* The hashed feature indexes (below 1 << bits) of boundary b; returns how
 * many (at most DL_SPLICE_MAX_FEATURES). */
size_t dl_splice_features(const dl_token *tok, size_t n, size_t b,
                          const dl_splice_context *c, uint32_t bits,
                          uint32_t *feats);

/* The score of a sentence (the highest boundary logit) and the token index
 * of that boundary in *at; -INFINITY when it has no boundary to score. */
double dl_splice_score(const dl_splice_model *m, const dl_token *tok,
                       size_t n, dl_splice_context *c, size_t *at);

/* Is a tokenized sentence one the scorer judges: enough words, ends with a
 * full stop, question or exclamation mark? */
int dl_splice_eligible(const dl_token *tok, size_t n);

#endif
