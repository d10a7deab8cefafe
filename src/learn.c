/*
 * learn.c: trains the splice scorer (splice.h) on posts: the writer's own
 * published prose, which is taken to be coherent.
 *
 * 1. Every paragraph sentence the rule would score is tokenized.  Posts
 *    are divided by a hash of their file name: four in five train the
 *    weights, one in five (the calibration posts) only sets the thresholds.
 *    Plain-text files (*.txt, given by name) are general English that only
 *    trains (tools/background.py makes them from Debian's documentation).
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
#include "draftlint/splice.h"
#include "files.h"

#define S_BITS 20
#define S_EPOCHS 10
#define S_HARD 2.0
#define S_SPLICES 6            /* per training sentence and epoch */
#define DL_LEARN_STRICT 1.5    /* flagged real sentences per 10k words */
#define DL_LEARN_PROOFREAD 8.0

typedef struct sent {
  size_t off, n;   /* tokens in the pool */
  size_t woff, nw; /* word starts in the pool */
} sent;

typedef struct corpus {
  dl_token *tok;
  size_t ntok, captok;
  uint32_t *ws; /* token index (within its sentence) of each word start */
  size_t nws, capws;
  sent *train, *calib;
  size_t ntrain, capt, ncalib, capc;
  size_t calib_words, files;
} corpus;

/* ---- a deterministic generator (splitmix64) --------------------------- */

static uint64_t S_next(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static double S_unit(uint64_t *s) { return (double)(S_next(s) >> 11) / 9007199254740992.0; }

/* ---- reading posts ----------------------------------------------------- */

static uint32_t S_name_hash(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  uint32_t h = 2166136261u;
  for (; *base; base++) {
    h ^= (unsigned char)*base;
    h *= 16777619u;
  }
  return h;
}

static size_t S_count_words(const char *s, size_t n) {
  size_t w = 0;
  bool in = false;
  for (size_t i = 0; i < n; i++) {
    bool sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ||
              s[i] == '\f' || s[i] == '\v';
    w += !sp && !in;
    in = !sp;
  }
  return w;
}

static void S_add_doc(corpus *c, const dl_doc *doc, const dl_lexicon *lex,
                      bool calib) {
  size_t ns;
  const dl_sentence *ss = dl_doc_sentences(doc, &ns);
  dl_token *tok = NULL;
  size_t cap = 0;
  for (size_t i = 0; i < ns; i++) {
    const dl_block *b = &doc->blocks[ss[i].block];
    if (b->type != CMARK_NODE_PARAGRAPH)
      continue;
    size_t n = dl_tokenize(&b->text, ss[i].from, ss[i].to, lex, &tok, &cap);
    if (!dl_splice_eligible(tok, n))
      continue;
    sent s = {.off = c->ntok, .n = n, .woff = c->nws};
    c->tok = dl_xgrow(c->tok, &c->captok, c->ntok + n, sizeof *c->tok);
    memcpy(c->tok + c->ntok, tok, n * sizeof *tok);
    c->ntok += n;
    for (size_t k = 0; k < n; k++) {
      if (k == 0 || tok[k].from > tok[k - 1].to) {
        c->ws = dl_xgrow(c->ws, &c->capws, c->nws + 1, sizeof *c->ws);
        c->ws[c->nws++] = (uint32_t)k;
      }
    }
    s.nw = c->nws - s.woff;
    if (calib) {
      c->calib = dl_xgrow(c->calib, &c->capc, c->ncalib + 1, sizeof *c->calib);
      c->calib[c->ncalib++] = s;
    } else {
      c->train = dl_xgrow(c->train, &c->capt, c->ntrain + 1, sizeof *c->train);
      c->train[c->ntrain++] = s;
    }
  }
  free(tok);
}

static void S_read(corpus *c, const dl_learn_options *o, const dl_lexicon *lex) {
  dl_inputs in;
  dl_inputs_collect(o->paths, o->npaths, "-", &in);
  for (size_t i = 0; i < in.len; i++) {
    char *bytes, *err = NULL;
    size_t len;
    if (in.items[i].error || in.items[i].stdin_ ||
        dl_read_input(&in.items[i], &bytes, &len, &err) != 0) {
      if (o->log)
        fprintf(o->log, "draftlint learn: skipping %s: %s\n",
                in.items[i].path, in.items[i].error ? in.items[i].error
                                  : err ? err : "standard input");
      free(err);
      continue;
    }
    if (memchr(bytes, '\0', len) || dl_utf8_validate(bytes, len) != len) {
      if (o->log)
        fprintf(o->log, "draftlint learn: skipping %s: not UTF-8 text\n",
                in.items[i].path);
      free(bytes);
      continue;
    }
    /* plain-text files (*.txt) are general prose to make more splices
     * from; they never set the thresholds, which must fit the writer */
    size_t plen = strlen(in.items[i].path);
    bool background = plen > 4 && strcmp(in.items[i].path + plen - 4, ".txt") == 0;
    bool calib = !background && (S_name_hash(in.items[i].path) >> 8) % 5 == 0;
    if (calib)
      c->calib_words += S_count_words(bytes, len);
    dl_doc *doc = dl_doc_new(in.items[i].path, bytes, len);
    S_add_doc(c, doc, lex, calib);
    dl_doc_free(doc);
    c->files++;
  }
  dl_inputs_free(&in);
}

/* ---- splices ----------------------------------------------------------- */

/* Writes into *buf the first 40-60% of a's words and the last part of b,
 * cut at 40-60% of its words; returns the token count and sets *junction,
 * or returns 0 when the junction is not a boundary the scorer looks at. */
static size_t S_splice(const corpus *c, const sent *a, const sent *b,
                       uint64_t *rng, dl_token **buf, size_t *cap,
                       size_t *junction) {
  size_t ka = (size_t)lround((0.4 + 0.2 * S_unit(rng)) * (double)a->nw);
  size_t kb = (size_t)lround((0.4 + 0.2 * S_unit(rng)) * (double)b->nw);
  if (ka < 1 || ka >= a->nw || kb < 1 || kb >= b->nw)
    return 0;
  size_t ta = c->ws[a->woff + ka], tb = c->ws[b->woff + kb];
  size_t n = ta + (b->n - tb);
  *buf = dl_xgrow(*buf, cap, n, sizeof **buf);
  memcpy(*buf, c->tok + a->off, ta * sizeof **buf);
  memcpy(*buf + ta, c->tok + b->off + tb, (b->n - tb) * sizeof **buf);
  /* B's tokens keep their offsets in B's text; move them to follow A's
   * with one space, which is all the scorer reads of offsets. */
  int64_t shift = (int64_t)(*buf)[ta - 1].to + 1 - (int64_t)(*buf)[ta].from;
  for (size_t i = ta; i < n; i++) {
    (*buf)[i].from = (uint32_t)((int64_t)(*buf)[i].from + shift);
    (*buf)[i].to = (uint32_t)((int64_t)(*buf)[i].to + shift);
  }
  *junction = ta;
  return dl_splice_boundary(*buf, n, ta) ? n : 0;
}

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
  const double lr = 0.05, l2 = 1e-6;
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
                             size_t junction, dl_splice_context *ctx) {
  dl_splice_context_build(ctx, tok, n);
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
    S_step(t, f, k, b == junction ? 1.0 : 0.0, 1.0);
  }
  if (kbest)
    S_step(t, fbest, kbest, 0.0, S_HARD);
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
  uint32_t version = 1;
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

int dl_learn(const dl_learn_options *o, char **error) {
  dl_lexicon *lex;
  if (dl_lexicon_open(NULL, &lex, error) != 0)
    return -1;
  corpus c = {0};
  S_read(&c, o, lex);
  int rc = -1;
  if (c.ntrain < 200) {
    *error = dl_strdup_printf("found %zu sentences to learn from in %zu "
                              "posts; give at least a few dozen posts",
                              c.ntrain, c.files);
    goto done;
  }
  if (c.ncalib < 100 || c.calib_words < 5000) {
    /* too few calibration posts: set the thresholds on the training ones
     * (which makes them a little too permissive) */
    if (o->log)
      fprintf(o->log, "draftlint learn: few posts, so the thresholds are "
                      "set on the training sentences\n");
    c.calib = c.train;
    c.ncalib = c.ntrain;
    c.calib_words = 0;
    for (size_t i = 0; i < c.ntrain; i++)
      c.calib_words += c.train[i].nw;
  }
  size_t nb = (size_t)1 << S_BITS;
  trainer t = {.w = dl_xcalloc(nb, sizeof(float)),
               .g2 = dl_xcalloc(nb, sizeof(float))};
  uint64_t rng = 0x5EED;
  size_t *order = dl_xmalloc(c.ntrain * sizeof *order);
  for (size_t i = 0; i < c.ntrain; i++)
    order[i] = i;
  dl_token *buf = NULL;
  size_t bufcap = 0, junction, splices = 0;
  dl_splice_context ctx = {0};
  for (int epoch = 0; epoch < S_EPOCHS; epoch++) {
    for (size_t i = c.ntrain; i > 1; i--) { /* Fisher-Yates */
      size_t j = S_next(&rng) % i, x = order[i - 1];
      order[i - 1] = order[j];
      order[j] = x;
    }
    t.loss = 0;
    t.seen = 0;
    for (size_t i = 0; i < c.ntrain; i++) {
      const sent *a = &c.train[order[i]];
      S_train_sentence(&t, c.tok + a->off, a->n, 0, &ctx);
      for (int s = 0; s < S_SPLICES; s++) {
        const sent *b = &c.train[S_next(&rng) % c.ntrain];
        if (b == a)
          continue;
        size_t n = S_splice(&c, a, b, &rng, &buf, &bufcap, &junction);
        if (n) {
          S_train_sentence(&t, buf, n, junction, &ctx);
          splices++;
        }
      }
    }
    if (o->log)
      fprintf(o->log, "draftlint learn: epoch %d, log loss %.4f per boundary\n",
              epoch + 1, t.loss / (double)(t.seen ? t.seen : 1));
  }
  /* quantise */
  float maxw = 1e-6f;
  for (size_t i = 0; i < nb; i++)
    if (fabsf(t.w[i]) > maxw)
      maxw = fabsf(t.w[i]);
  int8_t *q = dl_xmalloc(nb);
  for (size_t i = 0; i < nb; i++)
    q[i] = (int8_t)lroundf(t.w[i] / maxw * 127.0f);
  dl_splice_model m = {.weights = q, .bits = S_BITS,
                       .lexicon = dl_lexicon_checksum(lex),
                       .scale = maxw / 127.0f, .bias = t.bias,
                       .sentences = (uint32_t)c.ntrain,
                       .splices = (uint32_t)(splices / S_EPOCHS)};
  /* thresholds on the calibration posts */
  double *scores = dl_xmalloc(c.ncalib * sizeof *scores);
  size_t at;
  for (size_t i = 0; i < c.ncalib; i++)
    scores[i] = dl_splice_score(&m, c.tok + c.calib[i].off, c.calib[i].n,
                                &ctx, &at);
  qsort(scores, c.ncalib, sizeof *scores, S_cmp_desc);
  m.strict = S_threshold(scores, c.ncalib, c.calib_words, DL_LEARN_STRICT);
  m.proofread = S_threshold(scores, c.ncalib, c.calib_words, DL_LEARN_PROOFREAD);
  if (o->log) {
    size_t hit[2] = {0, 0}, made = 0;
    uint64_t r2 = 0xCA1B;
    for (size_t i = 0; i < c.ncalib && c.calib != c.train; i++) {
      const sent *b = &c.calib[S_next(&r2) % c.ncalib];
      size_t n = b == &c.calib[i] ? 0
                 : S_splice(&c, &c.calib[i], b, &r2, &buf, &bufcap, &junction);
      if (!n)
        continue;
      double z = dl_splice_score(&m, buf, n, &ctx, &at);
      made++;
      hit[0] += z > m.strict;
      hit[1] += z > m.proofread;
    }
    fprintf(o->log,
            "draftlint learn: %zu posts, %zu training sentences, %zu "
            "calibration sentences (%zu words)\n",
            c.files, c.ntrain, c.ncalib, c.calib_words);
    if (made)
      fprintf(o->log,
              "draftlint learn: on the calibration posts, splices found: "
              "strict %.1f%%, proofread %.1f%% (of %zu)\n",
              100.0 * (double)hit[0] / (double)made,
              100.0 * (double)hit[1] / (double)made, made);
  }
  free(scores);
  rc = S_write(o->out, &m, q, error);
  if (rc == 0 && o->log)
    fprintf(o->log, "draftlint learn: wrote %s\n", o->out);
  free(q);
  free(buf);
  free(order);
  free(t.w);
  free(t.g2);
  dl_splice_context_free(&ctx);
done:
  free(c.tok);
  free(c.ws);
  if (c.calib != c.train)
    free(c.calib);
  free(c.train);
  dl_lexicon_close(lex);
  return rc;
}
