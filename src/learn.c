/*
 * learn.c: trains the splice scorer (splice.h) on posts: the writer's own
 * published prose, which is taken to be coherent.
 *
 * 1. Every paragraph sentence the rule would score is tokenized
 *    (splice_corpus.c).  Posts are divided by a hash of their file name:
 *    four in five train the weights, one in five (the calibration posts)
 *    only sets the thresholds.  Plain-text files (*.txt, given by name) are
 *    general English that only trains, at a quarter of a post sentence's
 *    weight (tools/train-lm.sh makes them).
 *    The installed general-English n-gram table (ngram.h) is used as it
 *    is: the scorer learns how far to trust what it says about a junction,
 *    and the model records which table that was.
 * 2. Synthetic splices are made the way drafts break: the first 40-60% of
 *    one sentence's words, then the last part of another, cut at 40-60% of
 *    its words.  The junction is a positive example; every other boundary,
 *    in real sentences and in splices, is a negative one.  Each epoch makes
 *    fresh splices, so the weights cannot learn particular pairs.
 * 3. Logistic regression by AdaGrad over the hashed features, then the
 *    weights are quantised to int8.
 * 4. The thresholds: on the calibration posts' real sentences, scored by
 *    the quantised model exactly as the rule scores them, `strict` is the
 *    score that at most DL_LEARN_STRICT sentences per 10,000 words reach,
 *    `proofread` the one for DL_LEARN_PROOFREAD.
 * Everything is deterministic: the same posts give the same file.
 */
#include "learn.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/diag.h"
#include "draftlint/sentence.h"
#include "lang/splice.h"
#include "lang/splice_corpus.h"

#define S_BITS 20
#define S_EPOCHS 10
#define S_HARD 2.0
#define S_SPLICES 6            /* per training sentence and epoch */
#define DL_LEARN_MIN_SENTENCES 200 /* fewer cannot train the weights */
#define DL_LEARN_STRICT 1.5    /* flagged real sentences per 10k words */
#define DL_LEARN_PROOFREAD 8.0
/* A general-English sentence's weight beside one of the writer's: a
 * million words of it (tools/train-model.sh, BACKGROUND=DIR) then weigh
 * about as much as the writer's 200,000, and teach what English joins
 * without drowning the writer's voice. */
#define S_BACKGROUND 0.25

/* ---- training ---------------------------------------------------------- */

typedef struct trainer {
  float *w, *g2;
  float bias, bias_g2;
  double loss;
  size_t seen;
} trainer;

static void S_step(trainer *t, const uint32_t *f, size_t k, double y,
                   double weight) {
  double z = t->bias;
  for (size_t i = 0; i < k; i++)
    z += t->w[f[i]];
  double p = 1.0 / (1.0 + exp(-z));
  double g = (p - y) * weight;
  t->loss += -weight * (y ? log(p + 1e-12) : log(1 - p + 1e-12));
  t->seen++;
  /* 0.025: with the n-gram features, 0.05 overshot (held-out AUC 0.726
   * against 0.736) */
  const double lr = 0.025, l2 = 1e-6;
  for (size_t i = 0; i < k; i++) {
    double gi = g + l2 * t->w[f[i]];
    t->g2[f[i]] += (float)(gi * gi);
    t->w[f[i]] -= (float)(lr * gi / sqrt(t->g2[f[i]] + 1e-8));
  }
  t->bias_g2 += (float)(g * g);
  t->bias -= (float)(lr * g / sqrt(t->bias_g2 + 1e-8));
}

/* One sentence: its junction (or none, junction == 0) is positive, every
 * other boundary negative.  A sentence is judged by its highest boundary,
 * so a real sentence's highest one is trained again, S_HARD times as hard:
 * the tail of real sentences is what sets the threshold. */
static double S_score(const trainer *t, const uint32_t *f, size_t k) {
  double z = t->bias;
  for (size_t i = 0; i < k; i++)
    z += t->w[f[i]];
  return z;
}

static void S_train_sentence(trainer *t, const dl_token *tok, size_t n,
                             size_t junction, dl_splice_context *ctx,
                             const dl_ngram *g, double weight) {
  dl_splice_context_build(ctx, tok, n, g);
  uint32_t f[DL_SPLICE_MAX_FEATURES], fbest[DL_SPLICE_MAX_FEATURES];
  size_t kbest = 0;
  double best = -INFINITY;
  for (size_t b = 1; b < n; b++) {
    if (!dl_splice_boundary(tok, n, b))
      continue;
    size_t k = dl_splice_features(tok, n, b, ctx, S_BITS, f);
    if (!junction) {
      double z = S_score(t, f, k);
      if (z > best) {
        best = z;
        kbest = k;
        memcpy(fbest, f, k * sizeof *f);
      }
    }
    S_step(t, f, k, b == junction ? 1.0 : 0.0, weight);
  }
  if (kbest)
    S_step(t, fbest, kbest, 0.0, S_HARD * weight);
}

static int S_cmp_desc(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? 1 : x > y ? -1 : 0;
}

/* The lowest threshold at which at most rate-per-10k of the scores are
 * strictly above it. */
static float S_threshold(const double *sorted, size_t n, size_t words,
                         double rate) {
  size_t allowed = (size_t)floor(rate * (double)words / 10000.0);
  if (allowed >= n)
    return (float)(n ? sorted[n - 1] - 1 : 0);
  return (float)sorted[allowed];
}

static int S_write(const char *path, const dl_splice_model *m,
                   const int8_t *w, char **error) {
  char *tmp = dl_strdup_printf("%s.tmp", path);
  FILE *f = fopen(tmp, "wb");
  if (!f) {
    *error = dl_strdup_printf("cannot write %s: %s", tmp, strerror(errno));
    free(tmp);
    return -1;
  }
  uint32_t version = 2;
  fwrite("DLSPLICE", 1, 8, f);
  fwrite(&version, 4, 1, f);
  fwrite(&m->bits, 4, 1, f);
  fwrite(&m->lexicon, 4, 1, f);
  fwrite(&m->scale, 4, 1, f);
  fwrite(&m->bias, 4, 1, f);
  fwrite(&m->strict, 4, 1, f);
  fwrite(&m->proofread, 4, 1, f);
  fwrite(&m->sentences, 4, 1, f);
  fwrite(&m->splices, 4, 1, f);
  fwrite(&m->ngram_id, 4, 1, f);
  fwrite(w, 1, (size_t)1 << m->bits, f);
  if (ferror(f) | (fclose(f) != 0) || rename(tmp, path) != 0) {
    *error = dl_strdup_printf("cannot write %s: %s", path, strerror(errno));
    remove(tmp);
    free(tmp);
    return -1;
  }
  free(tmp);
  return 0;
}

/* Too few calibration posts: the thresholds are set on the training
 * sentences (which makes them a little too permissive). */
static void S_calibrate_on_training(dl_scorpus *c, FILE *log) {
  if (log)
    fprintf(log, "draftlint learn: few posts, so the thresholds are "
                 "set on the training sentences\n");
  c->calib = c->train;
  c->ncalib = c->ntrain;
  c->calib_words = 0;
  for (size_t i = 0; i < c->ntrain; i++)
    c->calib_words += c->train[i].nw;
}

/* Some epochs of SGD over the training sentences, each with S_SPLICES
 * splices made from it; returns how many splices one epoch saw. */
static size_t S_train(trainer *t, dl_scorpus *c, dl_ngram *ngram,
                      dl_splice_context *ctx, FILE *log) {
  uint64_t rng = 0x5EED;
  size_t *order = dl_xmalloc(c->ntrain * sizeof *order);
  for (size_t i = 0; i < c->ntrain; i++)
    order[i] = i;
  dl_token *buf = NULL;
  size_t bufcap = 0, junction, splices = 0;
  for (int epoch = 0; epoch < S_EPOCHS; epoch++) {
    for (size_t i = c->ntrain; i > 1; i--) { /* Fisher-Yates */
      size_t j = dl_rng_next(&rng) % i, x = order[i - 1];
      order[i - 1] = order[j];
      order[j] = x;
    }
    t->loss = 0;
    t->seen = 0;
    for (size_t i = 0; i < c->ntrain; i++) {
      const dl_scorpus_sent *a = &c->train[order[i]];
      /* the writer's sentences count more than general English's */
      double weight = a->background ? S_BACKGROUND : 1.0;
      S_train_sentence(t, c->tok + a->off, a->n, 0, ctx, ngram, weight);
      for (int s = 0; s < S_SPLICES; s++) {
        const dl_scorpus_sent *b = &c->train[dl_rng_next(&rng) % c->ntrain];
        if (b == a)
          continue;
        size_t n = dl_scorpus_splice(c, a, b, &rng, &buf, &bufcap, &junction);
        if (n) {
          S_train_sentence(t, buf, n, junction, ctx, ngram, weight);
          splices++;
        }
      }
    }
    if (log)
      fprintf(log, "draftlint learn: epoch %d, log loss %.4f per boundary\n",
              epoch + 1, t->loss / (double)(t->seen ? t->seen : 1));
  }
  free(buf);
  free(order);
  return splices / S_EPOCHS;
}

/* The weights as int8, scaled by the largest; *scale gets the step. */
static int8_t *S_quantise(const float *w, size_t nb, float *scale) {
  float maxw = 1e-6f;
  for (size_t i = 0; i < nb; i++)
    if (fabsf(w[i]) > maxw)
      maxw = fabsf(w[i]);
  int8_t *q = dl_xmalloc(nb);
  for (size_t i = 0; i < nb; i++)
    q[i] = (int8_t)lroundf(w[i] / maxw * 127.0f);
  *scale = maxw / 127.0f;
  return q;
}

/* The thresholds of each sensitivity, from the calibration posts. */
static void S_thresholds(dl_splice_model *m, const dl_scorpus *c,
                         dl_splice_context *ctx) {
  double *scores = dl_xmalloc(c->ncalib * sizeof *scores);
  size_t at;
  for (size_t i = 0; i < c->ncalib; i++)
    scores[i] = dl_splice_score(m, c->tok + c->calib[i].off, c->calib[i].n,
                                ctx, &at);
  qsort(scores, c->ncalib, sizeof *scores, S_cmp_desc);
  m->strict = S_threshold(scores, c->ncalib, c->calib_words, DL_LEARN_STRICT);
  m->proofread =
      S_threshold(scores, c->ncalib, c->calib_words, DL_LEARN_PROOFREAD);
  free(scores);
}

/* What the model finds of splices made from the calibration posts. */
static void S_report(const dl_splice_model *m, const dl_scorpus *c,
                     dl_splice_context *ctx, FILE *log) {
  size_t hit[2] = {0, 0}, made = 0, bufcap = 0, junction, at;
  dl_token *buf = NULL;
  uint64_t r2 = 0xCA1B;
  for (size_t i = 0; i < c->ncalib && c->calib != c->train; i++) {
    const dl_scorpus_sent *b = &c->calib[dl_rng_next(&r2) % c->ncalib];
    size_t n = b == &c->calib[i] ? 0
               : dl_scorpus_splice(c, &c->calib[i], b, &r2, &buf, &bufcap,
                                   &junction);
    if (!n)
      continue;
    double z = dl_splice_score(m, buf, n, ctx, &at);
    made++;
    hit[0] += z > m->strict;
    hit[1] += z > m->proofread;
  }
  free(buf);
  fprintf(log,
          "draftlint learn: %zu posts, %zu training sentences, %zu "
          "calibration sentences (%zu words)\n",
          c->files, c->ntrain, c->ncalib, c->calib_words);
  if (made)
    fprintf(log,
            "draftlint learn: on the calibration posts, splices found: "
            "strict %.1f%%, proofread %.1f%% (of %zu)\n",
            100.0 * (double)hit[0] / (double)made,
            100.0 * (double)hit[1] / (double)made, made);
}

/* Trains, calibrates and writes the model from the sentences in `c`. */
static int S_learn(const dl_learn_options *o, dl_scorpus *c, dl_lexicon *lex,
                   dl_ngram *ngram, char **error) {
  size_t nb = (size_t)1 << S_BITS;
  trainer t = {.w = dl_xcalloc(nb, sizeof(float)),
               .g2 = dl_xcalloc(nb, sizeof(float))};
  dl_splice_context ctx = {0};
  size_t splices = S_train(&t, c, ngram, &ctx, o->log);
  dl_splice_model m = {.bits = S_BITS,
                       .lexicon = dl_lexicon_checksum(lex),
                       .bias = t.bias,
                       .sentences = (uint32_t)c->ntrain,
                       .splices = (uint32_t)splices,
                       .ngram = ngram, .ngram_id = ngram ? ngram->id : 0};
  int8_t *q = S_quantise(t.w, nb, &m.scale);
  m.weights = q;
  S_thresholds(&m, c, &ctx);
  if (o->log)
    S_report(&m, c, &ctx, o->log);
  int rc = S_write(o->out, &m, q, error);
  if (rc == 0 && o->log)
    fprintf(o->log, "draftlint learn: wrote %s\n", o->out);
  free(q);
  free(t.w);
  free(t.g2);
  dl_splice_context_free(&ctx);
  return rc;
}

int dl_learn(const dl_learn_options *o, char **error) {
  dl_lexicon *lex;
  if (dl_lexicon_open(NULL, &lex, error) != 0)
    return -1;
  /* the general-English n-gram table, when installed: the scorer learns
   * how to weigh what it says, and the model records which table it was */
  dl_ngram *ngram = NULL;
  char *why = NULL;
  if (dl_ngram_open(NULL, &ngram, &why) != 0) {
    if (o->log)
      fprintf(o->log, "draftlint learn: no n-gram table, so the model "
                      "learns without one (%s)\n", why);
    free(why);
  }
  dl_scorpus c = {0};
  dl_scorpus_read(&c, o->paths, o->npaths, lex, false, o->log);
  int rc = -1;
  if (c.ntrain < DL_LEARN_MIN_SENTENCES) {
    /* say why: a writer who gives one post sees a count, not a reason */
    *error = dl_strdup_printf(
        "too few sentences to learn from: learn needs at least %d to train "
        "on, and found %zu in %zu post%s (with %zu more held back, one post "
        "in five, to set the thresholds); give it a few dozen published "
        "posts, as a folder or as files",
        DL_LEARN_MIN_SENTENCES, c.ntrain, c.files, c.files == 1 ? "" : "s",
        c.ncalib);
  } else {
    if (c.ncalib < 100 || c.calib_words < 5000)
      S_calibrate_on_training(&c, o->log);
    rc = S_learn(o, &c, lex, ngram, error);
  }
  dl_scorpus_free(&c);
  dl_ngram_close(ngram);
  dl_lexicon_close(lex);
  return rc;
}
