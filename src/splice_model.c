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
#include "draftlint/splice.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "draftlint/data.h"
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

void dl_splice_context_build(dl_splice_context *c, const dl_token *tok,
                             size_t n) {
  if (c->cap < n + 1) {
    size_t cap = c->cap;
    c->open = dl_xgrow(c->open, &cap, n + 1, 1);
    cap = c->cap;
    c->finite = dl_xgrow(c->finite, &cap, n + 1, 1);
    cap = c->cap;
    c->rel = dl_xgrow(c->rel, &cap, n + 1, 1);
    c->cap = cap;
  }
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
  dl_splice_context_build(c, tok, n);
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

int dl_splice_model_open(const char *path, const dl_lexicon *lex,
                         dl_splice_model **out, char **error) {
  char *found = NULL;
  if (!path) {
    found = dl_data_path("sentence.model");
    if (!found) {
      *error = dl_xstrdup("cannot find the sentence model sentence.model "
                          "(looked in $DRAFTLINT_DATA_DIR, beside the "
                          "program and in the installed data folder)");
      return -1;
    }
    path = found;
  }
  int rc = -1;
  int fd = open(path, O_RDONLY);
  struct stat st;
  void *map = MAP_FAILED;
  if (fd < 0 || fstat(fd, &st) != 0) {
    rc = S_fail(error, path, strerror(errno));
    goto done;
  }
  if (st.st_size < DL_SPLICE_HEADER) {
    rc = S_fail(error, path, "too short to be a model");
    goto done;
  }
  map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (map == MAP_FAILED) {
    rc = S_fail(error, path, strerror(errno));
    goto done;
  }
  const unsigned char *b = map;
  dl_splice_model m = {.map = map, .maplen = (size_t)st.st_size};
  uint32_t version;
  memcpy(&version, b + 8, 4);
  memcpy(&m.bits, b + 12, 4);
  memcpy(&m.lexicon, b + 16, 4);
  memcpy(&m.scale, b + 20, 4);
  memcpy(&m.bias, b + 24, 4);
  memcpy(&m.strict, b + 28, 4);
  memcpy(&m.proofread, b + 32, 4);
  memcpy(&m.sentences, b + 36, 4);
  memcpy(&m.splices, b + 40, 4);
  if (memcmp(b, S_MAGIC, 8) != 0 || version != 1 || m.bits < 8 ||
      m.bits > 28 ||
      (size_t)st.st_size != DL_SPLICE_HEADER + ((size_t)1 << m.bits) ||
      !isfinite(m.scale) || !isfinite(m.bias) || !isfinite(m.strict) ||
      !isfinite(m.proofread)) {
    rc = S_fail(error, path, "not a draftlint sentence model (make one with "
                             "'draftlint learn')");
    goto done;
  }
  if (m.lexicon != dl_lexicon_checksum(lex)) {
    rc = S_fail(error, path, "it was trained with another lexicon; retrain "
                             "it with 'draftlint learn'");
    goto done;
  }
  m.weights = (const int8_t *)(b + DL_SPLICE_HEADER);
  *out = dl_xmalloc(sizeof **out);
  **out = m;
  map = MAP_FAILED; /* the model owns it now */
  rc = 0;
done:
  if (map != MAP_FAILED)
    munmap(map, (size_t)st.st_size);
  if (fd >= 0)
    close(fd);
  free(found);
  return rc;
}

void dl_splice_model_close(dl_splice_model *m) {
  if (!m)
    return;
  munmap(m->map, m->maplen);
  free(m);
}
