/*
 * splice_model.c: the splice scorer's features, its model file (mapped,
 * never parsed: opening it costs a few system calls), and scoring.
 *
 * The features are what a reader notices at a splice: which word classes
 * meet (a preposition followed by a finite verb), which words meet, the
 * two words before and after, and the clause bookkeeping a reader does
 * without thinking: a complete clause has ended, no conjunction, relative
 * word or comma links a new one, and yet another finite verb is coming.
 * Each is hashed with its template number into the weight table, so the
 * table needs no vocabulary.
 */
#include "lang/splice.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "input/data.h"
#include "draftlint/diag.h"

#define S_MAGIC "DLSPLICE"

/* ---- clause bookkeeping ---------------------------------------------- */

static bool S_word(const dl_token *t) { return t->shape & DL_TOK_WORD; }

static bool S_subject(dl_wclass c) {
  return c == DL_WC_SUBJ || c == DL_WC_IT_YOU;
}

/* The class of the word before token i, skipping adverbs and "not"
 * ("I frequently find", "they never said"). */
static dl_wclass S_before(const dl_token *tok, size_t i) {
  while (i > 0 && (tok[i - 1].cls == DL_WC_ADV || tok[i - 1].cls == DL_WC_NOT))
    i--;
  return i ? (dl_wclass)tok[i - 1].cls : DL_WC_NONE;
}

/* Could token i be a finite verb?  Auxiliaries and modals unless "to" or a
 * modal governs them; an -s or past form when no auxiliary or determiner
 * precedes it; a base form right after a subject pronoun. */
static bool S_finite(const dl_token *tok, size_t i) {
  dl_wclass c = tok[i].cls;
  dl_wclass p = S_before(tok, i);
  switch (c) {
  case DL_WC_BE:
  case DL_WC_SUBJ_AUX:
  case DL_WC_AUX_NOT:
    return true;
  case DL_WC_MODAL:
    return p != DL_WC_TO;
  case DL_WC_DO:
  case DL_WC_HAVE:
    return p != DL_WC_TO && p != DL_WC_MODAL &&
           tok[i].hash != dl_word_hash("having", 6);
  case DL_WC_VERB_S:
  case DL_WC_VERB_ED:
  case DL_WC_BRIDGE_S:
  case DL_WC_BRIDGE_ED:
    return p != DL_WC_BE && p != DL_WC_HAVE && p != DL_WC_DET &&
           p != DL_WC_POSS && p != DL_WC_BEEN_BEING && p != DL_WC_TO &&
           p != DL_WC_SUBJ_AUX;
  case DL_WC_VERB:
  case DL_WC_NOUN_VERB:
  case DL_WC_PLURAL_VERB_S:
  case DL_WC_VERB_ADJ:
  case DL_WC_BRIDGE:
    return S_subject(p);
  default:
    return false;
  }
}

static bool S_linker(dl_wclass c) {
  switch (c) {
  case DL_WC_CONJ:
  case DL_WC_SUB:
  case DL_WC_WH:
  case DL_WC_THAT:
  case DL_WC_COMMA:
  case DL_WC_SEMI:
  case DL_WC_DASH:
  case DL_WC_OPEN_PAREN:
  case DL_WC_OPEN_QUOTE:
  case DL_WC_CLOSE_QUOTE:
  case DL_WC_CLOSE_PAREN:
  case DL_WC_END:
    return true;
  default:
    return false;
  }
}

/* Can the class be part of a noun phrase? */
static bool S_nominal(dl_wclass c) {
  switch (c) {
  case DL_WC_DET:
  case DL_WC_POSS:
  case DL_WC_QUANT:
  case DL_WC_DEM:
  case DL_WC_ADJ:
  case DL_WC_NOUN:
  case DL_WC_PLURAL:
  case DL_WC_NOUN_ADJ:
  case DL_WC_NOUN_VERB:
  case DL_WC_PLURAL_VERB_S:
  case DL_WC_VERB_ING_NOUN:
  case DL_WC_NAME:
  case DL_WC_UNKNOWN:
  case DL_WC_UNKNOWN_CAP:
  case DL_WC_NUMBER:
  case DL_WC_OBJ:
  case DL_WC_PRON:
  case DL_WC_IT_YOU:
    return true;
  default:
    return false;
  }
}

/* The class windows around a boundary: l classes before it, r after. */
static const int S_WINDOWS[DL_SPLICE_WINDOWS][2] = {{1, 1}, {2, 1}, {1, 2},
                                                    {2, 2}};

/* lv[k][i]: the level of the k + 1 symbols ending with token i (sym[i + 1];
 * sym[0] is the start), 0 when a shorter one ending there is unseen (a
 * rarer part makes the whole at most as rare).  The keys are worked out
 * and their slots fetched first, so that the table's cache misses overlap
 * rather than queue: this is most of the rule's time. */
static void S_levels(dl_splice_context *c, const dl_ngram *g, size_t n,
                     int orders, uint8_t **lv) {
  uint64_t mask = ((uint64_t)1 << g->bits) - 1;
  for (size_t i = 0; i < n; i++)
    for (int k = 0; k < orders; k++) {
      uint64_t key = (size_t)k > i + 1 ? 0 : dl_ngram_key(c->sym + i + 1 - k, k + 1);
      c->keys[i * DL_NGRAM_CLASS_MAX + (size_t)k] = key;
      if (key)
        __builtin_prefetch(g->slots + (key & mask));
    }
  for (size_t i = 0; i < n; i++)
    for (int k = 0; k < orders; k++) {
      uint64_t key = c->keys[i * DL_NGRAM_CLASS_MAX + (size_t)k];
      lv[k][i] = !key || (k > 0 && !lv[k - 1][i])
                     ? 0
                     : (uint8_t)dl_ngram_level(g, key);
    }
}

static void S_class_context(dl_splice_context *c, const dl_token *tok,
                            size_t n, const dl_ngram *g) {
  for (size_t i = 0; i < n; i++)
    c->sym[i + 1] = dl_ngram_class_symbol(&tok[i]);
  S_levels(c, g, n, DL_NGRAM_CLASS_MAX, c->clv);
  for (int w = 0; w < DL_SPLICE_WINDOWS; w++) {
    int l = S_WINDOWS[w][0], r = S_WINDOWS[w][1];
    c->cmin[w] = c->csecond[w] = INT16_MAX;
    for (size_t b = 0; b <= n; b++) {
      c->cpmi[w][b] = INT16_MIN;
      if (b < (size_t)l || b + (size_t)r > n)
        continue;
      int left = c->clv[l - 1][b - 1], right = c->clv[r - 1][b + r - 1];
      int whole = c->clv[l + r - 1][b + r - 1];
      if (!left || !right)
        continue;
      /* unseen together: at most once, level 1 */
      int pmi = (whole ? whole : 1) - left - right + c->total;
      c->cpmi[w][b] = (int16_t)pmi;
      if (b == 0 || !dl_splice_boundary(tok, n, b))
        continue;
      if (pmi < c->cmin[w]) {
        c->csecond[w] = c->cmin[w];
        c->cmin[w] = pmi;
      } else if (pmi < c->csecond[w]) {
        c->csecond[w] = pmi;
      }
    }
  }
}

/* The n-gram levels of every token position, and at each boundary how
 * much rarer than chance the two words meeting there are together. */
static void S_ngram_context(dl_splice_context *c, const dl_token *tok,
                            size_t n, const dl_ngram *g) {
  c->sym[0] = DL_NGRAM_START;
  for (size_t i = 0; i < n; i++)
    c->sym[i + 1] = dl_ngram_symbol(&tok[i]);
  c->total = dl_ngram_total_level(g);
  S_levels(c, g, n, DL_NGRAM_MAX, c->lv);
  S_class_context(c, tok, n, g);
  c->top = c->second = -128;
  for (size_t b = 0; b <= n; b++) {
    c->jump[b] = 0;
    if (b == 0 || b == n || !c->lv[0][b - 1] || !c->lv[0][b])
      continue;
    int expect = c->lv[0][b - 1] + c->lv[0][b] - c->total;
    int seen = c->lv[1][b] ? c->lv[1][b] : 4; /* below the floor of 2 */
    int j = (expect - seen) / 4;
    j = j < -100 ? -100 : j > 100 ? 100 : j;
    c->jump[b] = (int8_t)j;
    if (j > c->top) {
      c->second = c->top;
      c->top = j;
    } else if (j > c->second) {
      c->second = j;
    }
  }
}

void dl_splice_context_build(dl_splice_context *c, const dl_token *tok,
                             size_t n, const dl_ngram *g) {
  if (c->cap < n + 1) {
    size_t cap = c->cap;
    c->open = dl_xgrow(c->open, &cap, n + 1, 1);
    cap = c->cap;
    c->finite = dl_xgrow(c->finite, &cap, n + 1, 1);
    cap = c->cap;
    c->jump = dl_xgrow(c->jump, &cap, n + 1, 1);
    for (int k = 0; k < DL_NGRAM_MAX; k++) {
      cap = c->cap;
      c->lv[k] = dl_xgrow(c->lv[k], &cap, n + 1, 1);
    }
    for (int k = 0; k < DL_NGRAM_CLASS_MAX; k++) {
      cap = c->cap;
      c->clv[k] = dl_xgrow(c->clv[k], &cap, n + 1, 1);
    }
    for (int w = 0; w < DL_SPLICE_WINDOWS; w++) {
      cap = c->cap;
      c->cpmi[w] = dl_xgrow(c->cpmi[w], &cap, n + 1, sizeof **c->cpmi);
    }
    cap = c->cap;
    c->sym = dl_xgrow(c->sym, &cap, n + 2, sizeof *c->sym);
    cap = c->cap;
    c->keys = dl_xgrow(c->keys, &cap, (n + 1) * DL_NGRAM_CLASS_MAX,
                       sizeof *c->keys);

    cap = c->cap;
    c->rel = dl_xgrow(c->rel, &cap, n + 1, 1);
    c->cap = cap;
  }
  c->total = 0;
  if (g)
    S_ngram_context(c, tok, n, g);
  size_t words = 0, seen = 0;
  for (size_t i = 0; i < n; i++)
    words += S_word(&tok[i]);
  for (size_t i = 0; i <= n; i++) {
    c->rel[i] = (uint8_t)(words ? 10 * seen / words : 0);
    if (i < n)
      seen += S_word(&tok[i]);
  }
  /* open[i], bits: 1 a clause with a finite verb is open before i (no
   * link word since); 2 a preposition has followed that verb, with only a
   * noun phrase since (what follows is its object, never a subject); 4 the
   * verb takes a clause without "that" ("think"); 8 it was at most two
   * tokens back. */
  unsigned open = 0;
  size_t last = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned near = (open & 1) && i - last <= 2 ? 8 : 0;
    c->open[i] = (uint8_t)(open | near);
    dl_wclass k = (dl_wclass)tok[i].cls;
    if (S_finite(tok, i)) {
      open = 1;
      if (k == DL_WC_BRIDGE || k == DL_WC_BRIDGE_S || k == DL_WC_BRIDGE_ED)
        open |= 4;
      last = i;
    } else if (S_linker(k)) {
      open = 0;
    } else if (k == DL_WC_PREP && (open & 1)) {
      open |= 2;
    } else if ((open & 2) && !S_nominal(k)) {
      open &= ~2u;
    }
  }
  c->open[n] = (uint8_t)open;
  /* finite[i]: 0 no finite verb ahead before a link word; 1 token i is one;
   * 2 one follows within two tokens (a short subject); 3 further on */
  size_t next = 0;
  bool fin = false;
  c->finite[n] = 0;
  for (size_t i = n; i-- > 0;) {
    if (S_finite(tok, i)) {
      fin = true;
      next = i;
    } else if (S_linker((dl_wclass)tok[i].cls)) {
      fin = false;
    }
    c->finite[i] = !fin ? 0 : next == i ? 1 : next - i <= 2 ? 2 : 3;
  }
}

void dl_splice_context_free(dl_splice_context *c) {
  free(c->open);
  free(c->finite);
  free(c->rel);
  free(c->jump);
  free(c->sym);
  free(c->keys);

  for (int k = 0; k < DL_NGRAM_MAX; k++)
    free(c->lv[k]);
  for (int k = 0; k < DL_NGRAM_CLASS_MAX; k++)
    free(c->clv[k]);
  for (int w = 0; w < DL_SPLICE_WINDOWS; w++)
    free(c->cpmi[w]);
  *c = (dl_splice_context){0};
}

/* ---- features ---------------------------------------------------------- */

int dl_splice_boundary(const dl_token *tok, size_t n, size_t b) {
  return b >= 1 && b < n && tok[b].from > tok[b - 1].to && S_word(&tok[b]) &&
         (S_word(&tok[b - 1]) || tok[b - 1].cls == DL_WC_COMMA ||
          tok[b - 1].cls == DL_WC_NUMBER);
}

static inline uint64_t S_mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 31);
}

/* A count level in two-octave steps, 1..8; 0 for unseen. */
static uint64_t S_seen(int v) { return v <= 0 ? 0 : 1 + (uint64_t)(v / 8 > 7 ? 7 : v / 8); }

/* An expected level (a difference of levels) in two-octave steps, 1..12,
 * or 0 when a part was unseen and nothing is expected. */
static uint64_t S_expect(int v, int defined) {
  if (!defined)
    return 0;
  int q = v >= 0 ? v / 8 : -((-v + 7) / 8);
  q = q < -4 ? -4 : q > 7 ? 7 : q;
  return (uint64_t)(q + 5);
}

/* The general-English features of boundary b: for the words that meet
 * (two, and three or four around the junction), how often English has
 * them together against how often it has their parts. */
static size_t S_ngram_features(const dl_token *tok, size_t n, size_t b,
                               const dl_splice_context *c, uint64_t *h,
                               size_t k) {
  const uint8_t *l1 = c->lv[0], *l2 = c->lv[1], *l3 = c->lv[2], *l4 = c->lv[3];
  uint64_t cL1 = tok[b - 1].cls, cR1 = tok[b].cls;
  /* the two words that meet */
  uint64_t o2 = S_seen(l2[b]);
  uint64_t e2 = S_expect(l1[b - 1] + l1[b] - c->total, l1[b - 1] && l1[b]);
  h[k++] = S_mix(S_mix(30, o2), e2);
  h[k++] = S_mix(S_mix(S_mix(S_mix(31, o2), e2), cL1), cR1);
  /* the word before them, then the word after */
  uint64_t o3 = S_seen(l3[b]);
  uint64_t e3 = b >= 2 ? S_expect(l2[b - 1] + l2[b] - l1[b - 1],
                                  l2[b - 1] && l2[b])
                       : 13;
  h[k++] = S_mix(S_mix(32, o3), e3);
  bool right = b + 1 < n;
  uint64_t o3r = right ? S_seen(l3[b + 1]) : 14;
  uint64_t e3r = right ? S_expect(l2[b] + l2[b + 1] - l1[b], l2[b] && l2[b + 1])
                       : 14;
  h[k++] = S_mix(S_mix(33, o3r), e3r);
  /* two words each side */
  uint64_t o4 = right && b >= 2 ? S_seen(l4[b + 1]) : 14;
  uint64_t e4 = right && b >= 2
                    ? S_expect(l3[b] + l3[b + 1] - l2[b], l3[b] && l3[b + 1])
                    : 14;
  h[k++] = S_mix(S_mix(34, o4), e4);
  h[k++] = S_mix(S_mix(S_mix(S_mix(S_mix(35, o2 > 0), o3 > 0), o3r > 0), o4 > 0),
                 e2 / 3);
  h[k++] = S_mix(S_mix(S_mix(36, o2), o3), o3r);
  /* is this the sentence's most unlikely junction, and by how much? */
  int j = c->jump[b];
  int other = j == c->top ? c->second : c->top;
  int margin = j - other;
  margin = margin < -3 ? -3 : margin > 6 ? 6 : margin;
  int jj = j < -4 ? -4 : j > 12 ? 12 : j;
  h[k++] = S_mix(S_mix(37, (uint64_t)(jj + 4)), (uint64_t)(margin + 3));
  /* the classes on both sides: how much rarer together than apart, and
   * whether this is the sentence's least likely junction of classes */
  uint64_t q[DL_SPLICE_WINDOWS];
  for (int w = 0; w < DL_SPLICE_WINDOWS; w++) {
    int v = c->cpmi[w][b];
    if (v == INT16_MIN) {
      q[w] = 0;
      continue;
    }
    v = v >= 0 ? v / 4 : -((-v + 3) / 4);
    v = v < -14 ? -14 : v > 5 ? 5 : v;
    q[w] = (uint64_t)(v + 15);
    h[k++] = S_mix(S_mix(50 + (uint64_t)w, q[w]), 0);
  }
  h[k++] = S_mix(S_mix(S_mix(60, q[3] / 2), q[1] / 2), q[0] / 2);
  const int w = 3; /* two classes each side */
  int v = c->cpmi[w][b];
  if (v != INT16_MIN) {
    int other = v == c->cmin[w] ? c->csecond[w] : c->cmin[w];
    int margin = other == INT16_MAX ? 9 : (other - v) / 4;
    margin = margin < -4 ? -4 : margin > 9 ? 9 : margin;
    h[k++] = S_mix(S_mix(S_mix(64, (uint64_t)(margin + 4)), q[w] / 3), 0);
  }
  return k;
}

size_t dl_splice_features(const dl_token *tok, size_t n, size_t b,
                          const dl_splice_context *c, uint32_t bits,
                          uint32_t *feats) {
  const uint64_t BOS = 0x1234567ull, EOS = 0x7654321ull;
  uint64_t cL2 = b >= 2 ? tok[b - 2].cls : 200, cL1 = tok[b - 1].cls;
  uint64_t cR1 = tok[b].cls, cR2 = b + 1 < n ? tok[b + 1].cls : 201;
  uint64_t wL2 = b >= 2 ? tok[b - 2].hash : BOS, wL1 = tok[b - 1].hash;
  uint64_t wR1 = tok[b].hash, wR2 = b + 1 < n ? tok[b + 1].hash : EOS;
  uint64_t open = c->open[b], fin = c->finite[b];
  uint64_t edge = (b < 3 ? b : 3) * 4 + (n - b < 4 ? n - b : 4);
  uint64_t h[DL_SPLICE_MAX_FEATURES];
  size_t k = 0;
  h[k++] = S_mix(S_mix(1, cL1), cR1);
  h[k++] = S_mix(S_mix(S_mix(2, cL2), cL1), cR1);
  h[k++] = S_mix(S_mix(S_mix(3, cL1), cR1), cR2);
  h[k++] = S_mix(S_mix(S_mix(S_mix(4, cL2), cL1), cR1), cR2);
  h[k++] = S_mix(S_mix(5, wL1), wR1);
  h[k++] = S_mix(S_mix(6, wL1), cR1);
  h[k++] = S_mix(S_mix(7, cL1), wR1);
  h[k++] = S_mix(S_mix(S_mix(8, wL2), wL1), cR1);
  h[k++] = S_mix(S_mix(S_mix(9, cL1), wR1), wR2);
  h[k++] = S_mix(S_mix(S_mix(S_mix(10, open), fin), cL1), cR1);
  h[k++] = S_mix(S_mix(11, open), fin);
  h[k++] = S_mix(S_mix(S_mix(12, wL1), cR1), cR2);
  h[k++] = S_mix(S_mix(S_mix(13, cL2), cL1), wR1);
  h[k++] = S_mix(S_mix(14, edge), S_mix(open, fin));
  h[k++] = S_mix(S_mix(S_mix(15, open), fin), wR1);
  h[k++] = S_mix(S_mix(S_mix(16, open), fin), wL1);
  uint64_t cL3 = b >= 3 ? tok[b - 3].cls : 202;
  uint64_t cR3 = b + 2 < n ? tok[b + 2].cls : 203;
  h[k++] = S_mix(S_mix(S_mix(S_mix(19, cL1), cR1), cR2), cR3);
  h[k++] = S_mix(S_mix(S_mix(S_mix(20, cL3), cL2), cL1), cR1);
  h[k++] = S_mix(S_mix(S_mix(21, wL1), wR1), wR2);
  h[k++] = S_mix(S_mix(S_mix(22, wL2), wL1), wR1);
  uint64_t rel = c->rel[b];
  h[k++] = S_mix(17, rel);
  h[k++] = S_mix(S_mix(S_mix(18, rel), open), fin);
  if (c->total)
    k = S_ngram_features(tok, n, b, c, h, k);
  uint32_t mask = (1u << bits) - 1;
  for (size_t i = 0; i < k; i++)
    feats[i] = (uint32_t)(h[i] >> 17) & mask;
  return k;
}

int dl_splice_eligible(const dl_token *tok, size_t n) {
  size_t words = 0;
  for (size_t i = 0; i < n; i++)
    words += S_word(&tok[i]);
  if (words < 6 || words > 80 || n == 0)
    return 0;
  size_t last = n - 1;
  while (last > 0 && (tok[last].cls == DL_WC_CLOSE_QUOTE ||
                      tok[last].cls == DL_WC_CLOSE_PAREN))
    last--;
  return tok[last].cls == DL_WC_END;
}

double dl_splice_score(const dl_splice_model *m, const dl_token *tok,
                       size_t n, dl_splice_context *c, size_t *at) {
  double best = -INFINITY;
  *at = 0;
  dl_splice_context_build(c, tok, n, m->ngram);
  uint32_t feats[DL_SPLICE_MAX_FEATURES];
  for (size_t b = 1; b < n; b++) {
    if (!dl_splice_boundary(tok, n, b))
      continue;
    size_t k = dl_splice_features(tok, n, b, c, m->bits, feats);
    int32_t sum = 0;
    for (size_t i = 0; i < k; i++)
      sum += m->weights[feats[i]];
    double z = m->bias + m->scale * (double)sum;
    if (z > best) {
      best = z;
      *at = b;
    }
  }
  return best;
}

/* ---- the file ---------------------------------------------------------- */

static int S_fail(char **error, const char *path, const char *why) {
  *error = dl_strdup_printf("cannot load the sentence model %s: %s", path, why);
  return -1;
}

/* Reads the header of the model in `bytes` into *m; returns why it is not
 * a model trained with `lex`, or NULL. */
static const char *S_header(const unsigned char *b, size_t len,
                            const dl_lexicon *lex, dl_splice_model *m) {
  if (len < DL_SPLICE_HEADER_V1)
    return "not a draftlint sentence model (make one with 'draftlint learn')";
  uint32_t version;
  memcpy(&version, b + 8, 4);
  memcpy(&m->bits, b + 12, 4);
  memcpy(&m->lexicon, b + 16, 4);
  memcpy(&m->scale, b + 20, 4);
  memcpy(&m->bias, b + 24, 4);
  memcpy(&m->strict, b + 28, 4);
  memcpy(&m->proofread, b + 32, 4);
  memcpy(&m->sentences, b + 36, 4);
  memcpy(&m->splices, b + 40, 4);
  size_t header = version == 1 ? DL_SPLICE_HEADER_V1 : DL_SPLICE_HEADER;
  if (version == 2 && len >= header)
    memcpy(&m->ngram_id, b + 44, 4);
  if (memcmp(b, S_MAGIC, 8) != 0 || (version != 1 && version != 2) ||
      m->bits < 8 || m->bits > 28 || len != header + ((size_t)1 << m->bits) ||
      !isfinite(m->scale) || !isfinite(m->bias) || !isfinite(m->strict) ||
      !isfinite(m->proofread))
    return "not a draftlint sentence model (make one with 'draftlint learn')";
  if (m->lexicon != dl_lexicon_checksum(lex))
    return "it was trained with another lexicon; retrain it with "
           "'draftlint learn'";
  m->weights = (const int8_t *)(b + header);
  return NULL;
}

int dl_splice_model_attach(const void *bytes, size_t len, const char *path,
                           const dl_lexicon *lex, const dl_data_ref *ngram,
                           dl_splice_model **out, char **error) {
  dl_splice_model m = {0};
  const char *wrong = S_header(bytes, len, lex, &m);
  if (!wrong && m.ngram_id) {
    char *why = NULL;
    if (!ngram->bytes ||
        dl_ngram_attach(ngram->bytes, ngram->len, ngram->path, &m.ngram,
                        &why) != 0) {
      *error = dl_strdup_printf("cannot load the sentence model %s: it needs "
                                "the n-gram table it was trained with: %s",
                                path, why ? why : ngram->error);
      free(why);
      return -1;
    }
    if (m.ngram->id != m.ngram_id) {
      dl_ngram_close(m.ngram);
      wrong = "it was trained with another n-gram table; retrain it with "
              "'draftlint learn'";
    }
  }
  if (wrong)
    return S_fail(error, path, wrong);
  *out = dl_xmalloc(sizeof **out);
  **out = m;
  return 0;
}

int dl_splice_model_open(const char *path, const dl_lexicon *lex,
                         dl_splice_model **out, char **error) {
  dl_mapped mm, gm = {0};
  if (dl_data_map(path, "sentence.model", "the sentence model",
                  DL_SPLICE_HEADER_V1, &mm, error) != 0)
    return -1;
  char *why = NULL;
  if (dl_data_map(NULL, "english.ngram", "the n-gram table", DL_NGRAM_HEADER,
                  &gm, &why) != 0)
    gm = (dl_mapped){0};
  dl_data_ref ngram = {gm.map, gm.len, gm.path, why};
  int rc = dl_splice_model_attach(mm.map, mm.len, mm.path, lex, &ngram, out,
                                  error);
  free(why);
  if (rc != 0 || !(*out)->ngram) { /* the model keeps the table it uses */
    dl_data_unmap(&gm);
  } else {
    (*out)->ngram->map = gm.map;
    (*out)->ngram->maplen = gm.len;
    free(gm.path);
  }
  if (rc != 0) {
    dl_data_unmap(&mm);
    return -1;
  }
  (*out)->map = mm.map; /* the model owns the mapping now */
  (*out)->maplen = mm.len;
  free(mm.path);
  return 0;
}

void dl_splice_model_close(dl_splice_model *m) {
  if (!m)
    return;
  if (m->map)
    munmap(m->map, m->maplen);
  dl_ngram_close(m->ngram);
  free(m);
}
