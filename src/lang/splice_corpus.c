/*
 * splice_corpus.c: reads the posts the splice scorer learns from (or is
 * measured on) into one pool of tokens, and cuts synthetic splices from
 * them (splice_corpus.h).
 */
#include "lang/splice_corpus.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/doc.h"
#include "draftlint/sentence.h"
#include "lang/splice.h"
#include "input/files.h"

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

static void S_add_doc(dl_scorpus *c, const dl_doc *doc, const dl_lexicon *lex,
                      bool calib, bool background) {
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
    dl_scorpus_sent s = {.off = c->ntok, .n = n, .woff = c->nws,
                         .file = (uint32_t)c->files,
                         .background = background};
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

void dl_scorpus_read(dl_scorpus *c, char *const *paths, size_t npaths,
                     const dl_lexicon *lex, bool all_calib, FILE *log) {
  dl_inputs in;
  dl_inputs_collect(paths, npaths, "-", &in);
  for (size_t i = 0; i < in.len; i++) {
    char *bytes, *err = NULL;
    size_t len;
    if (in.items[i].error || in.items[i].stdin_ ||
        dl_read_input(&in.items[i], &bytes, &len, &err) != 0) {
      if (log)
        fprintf(log, "draftlint learn: skipping %s: %s\n",
                in.items[i].path, in.items[i].error ? in.items[i].error
                                  : err ? err : "standard input");
      free(err);
      continue;
    }
    if (memchr(bytes, '\0', len) || dl_utf8_validate(bytes, len) != len) {
      if (log)
        fprintf(log, "draftlint learn: skipping %s: not UTF-8 text\n",
                in.items[i].path);
      free(bytes);
      continue;
    }
    /* plain-text files (*.txt) are general prose to make more splices
     * from; they never set the thresholds, which must fit the writer */
    size_t plen = strlen(in.items[i].path);
    bool background = plen > 4 && strcmp(in.items[i].path + plen - 4, ".txt") == 0;
    bool calib = !background && (all_calib ||
                                (S_name_hash(in.items[i].path) >> 8) % 5 == 0);
    if (calib)
      c->calib_words += S_count_words(bytes, len);
    dl_doc *doc = dl_doc_new(in.items[i].path, bytes, len);
    S_add_doc(c, doc, lex, calib, background);
    dl_doc_free(doc);
    c->files++;
  }
  dl_inputs_free(&in);
}

/* ---- splices ----------------------------------------------------------- */

/* Writes into *buf the first 40-60% of a's words and the last part of b,
 * cut at 40-60% of its words; returns the token count and sets *junction,
 * or returns 0 when the junction is not a boundary the scorer looks at. */
size_t dl_scorpus_splice(const dl_scorpus *c, const dl_scorpus_sent *a,
                         const dl_scorpus_sent *b, uint64_t *rng,
                         dl_token **buf, size_t *cap, size_t *junction) {
  size_t ka = (size_t)lround((0.4 + 0.2 * dl_rng_unit(rng)) * (double)a->nw);
  size_t kb = (size_t)lround((0.4 + 0.2 * dl_rng_unit(rng)) * (double)b->nw);
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

void dl_scorpus_free(dl_scorpus *c) {
  free(c->tok);
  free(c->ws);
  if (c->calib != c->train)
    free(c->calib);
  free(c->train);
  *c = (dl_scorpus){0};
}
