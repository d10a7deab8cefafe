/*
 * splice_corpus.h: the sentences the splice scorer learns from and is
 * measured on, and the synthetic splices made from them.
 *
 * `draftlint learn` (learn.c) trains on them; tests/quality/rank.c ranks
 * the held-out posts' sentences and splices by the scorer alone.  Both
 * must read posts and cut splices the same way, so this is one file.
 *
 * Ownership: a dl_scorpus owns its arrays; dl_scorpus_free frees them.
 */
#ifndef DRAFTLINT_SPLICE_CORPUS_H
#define DRAFTLINT_SPLICE_CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lang/lexicon.h"
#include "lang/tokens.h"

typedef struct dl_scorpus_sent {
  size_t off, n;   /* tokens in the pool */
  size_t woff, nw; /* word starts in the pool */
  uint32_t file;   /* which input it came from */
  bool background; /* from general English (*.txt), not the writer */
} dl_scorpus_sent;

typedef struct dl_scorpus {
  dl_token *tok;
  size_t ntok, captok;
  uint32_t *ws; /* token index (within its sentence) of each word start */
  size_t nws, capws;
  dl_scorpus_sent *train, *calib;
  size_t ntrain, capt, ncalib, capc;
  size_t calib_words, files;
} dl_scorpus;

/* Reads every eligible paragraph sentence of the posts under `paths`.
 * With `all_calib` every post is a calibration post (for measuring);
 * otherwise one post in five is, by a hash of its file name, and plain-text
 * files (*.txt) only train.  Skipped inputs are reported on `log`. */
void dl_scorpus_read(dl_scorpus *c, char *const *paths, size_t npaths,
                     const dl_lexicon *lex, bool all_calib, FILE *log);
void dl_scorpus_free(dl_scorpus *c);

/* Writes into *buf the first 40-60% of a's words and the last part of b,
 * cut at 40-60% of its words; returns the token count and sets *junction,
 * or returns 0 when the junction is not a boundary the scorer looks at. */
size_t dl_scorpus_splice(const dl_scorpus *c, const dl_scorpus_sent *a,
                         const dl_scorpus_sent *b, uint64_t *rng,
                         dl_token **buf, size_t *cap, size_t *junction);

/* A deterministic generator (splitmix64), so that the same posts always
 * give the same model. */
static inline uint64_t dl_rng_next(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static inline double dl_rng_unit(uint64_t *s) {
  return (double)(dl_rng_next(s) >> 11) / 9007199254740992.0;
}

#endif
