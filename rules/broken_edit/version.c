/* version.c: the words and hashes of one version of a draft. */
#include "broken_edit/version.h"

#include <stdlib.h>

#include "draftlint/alloc.h"
#include "draftlint/buf.h"
#include "lang/tokens.h"

uint64_t dl_hash_step(uint64_t h, uint64_t word) {
  return (h ^ word) * 0x100000001b3ull + (h >> 29);
}

static bool S_finite(uint8_t cls) {
  switch (cls) {
  case DL_WC_BE: case DL_WC_HAVE: case DL_WC_DO: case DL_WC_MODAL:
  case DL_WC_SUBJ_AUX: case DL_WC_AUX_NOT: case DL_WC_VERB:
  case DL_WC_NOUN_VERB: case DL_WC_VERB_ADJ: case DL_WC_VERB_S:
  case DL_WC_PLURAL_VERB_S: case DL_WC_VERB_ED: case DL_WC_VERB_ED_ADJ:
  case DL_WC_BRIDGE: case DL_WC_BRIDGE_S: case DL_WC_BRIDGE_ED:
  case DL_WC_UNKNOWN: /* a word the lexicon lacks may be a verb */
    return true;
  default:
    return false;
  }
}

/* Appends the words of sentence i. */
static void S_sentence(dl_version *v, size_t i, const dl_lexicon *lex,
                       dl_token **tok, size_t *tcap) {
  const dl_sentence *s = &v->sents[i];
  const dl_text *t = &v->doc->blocks[s->block].text;
  size_t n = dl_tokenize(t, s->from, s->to, lex, tok, tcap);
  uint64_t h = DL_PREFIX_SEED;
  uint8_t flags = 0;
  for (size_t k = 0; k < n; k++) {
    const dl_token *x = &(*tok)[k];
    if (x->cls == DL_WC_COMMA || x->cls == DL_WC_SEMI || x->cls == DL_WC_DASH)
      flags |= DL_VS_COMMA;
    if (x->cp) /* a mark: not a word */
      continue;
    if (v->nwords == v->first[i] && x->cls == DL_WC_SUB)
      flags |= DL_VS_SUB;
    if (S_finite(x->cls))
      flags |= DL_VS_VERB;
    size_t had = v->wcap;
    v->words = dl_xgrow(v->words, &v->wcap, v->nwords + 1, sizeof *v->words);
    if (v->wcap != had) { /* the other word arrays keep the same capacity */
      v->wfrom = dl_xrealloc(v->wfrom, v->wcap * sizeof *v->wfrom);
      v->wto = dl_xrealloc(v->wto, v->wcap * sizeof *v->wto);
      v->wcls = dl_xrealloc(v->wcls, v->wcap * sizeof *v->wcls);
    }
    /* a code span or URL is one token the tokenizer does not hash: its
     * bytes tell one from another */
    v->words[v->nwords] = x->cls == DL_WC_CODE || x->cls == DL_WC_URL
                              ? dl_word_hash(t->s + x->from, x->to - x->from)
                              : x->hash;
    v->wfrom[v->nwords] = x->from;
    v->wto[v->nwords] = x->to;
    v->wcls[v->nwords] = x->cls;
    v->nwords++;
    h = dl_hash_step(h, v->words[v->nwords - 1]);
  }
  v->shash[i] = h;
  v->sflags[i] = flags;
}

void dl_version_build(dl_version *v, const dl_doc *doc,
                      const dl_lexicon *lex) {
  *v = (dl_version){.doc = doc};
  v->sents = dl_doc_sentences(doc, &v->nsents);
  v->first = dl_xcalloc(v->nsents + 1, sizeof *v->first);
  v->shash = dl_xcalloc(v->nsents + 1, sizeof *v->shash);
  v->sflags = dl_xcalloc(v->nsents + 1, 1);
  v->bfirst = dl_xcalloc(doc->nblocks + 1, sizeof *v->bfirst);
  v->bhash = dl_xcalloc(doc->nblocks + 1, sizeof *v->bhash);
  dl_token *tok = NULL;
  size_t tcap = 0, b = 0;
  uint64_t bh = DL_PREFIX_SEED;
  for (size_t i = 0; i < v->nsents; i++) {
    for (; b < v->sents[i].block; b++, bh = DL_PREFIX_SEED) {
      v->bhash[b] = bh;
      v->bfirst[b + 1] = i;
    }
    v->first[i] = v->nwords;
    S_sentence(v, i, lex, &tok, &tcap);
    bh = dl_hash_step(bh, v->shash[i]);
  }
  for (; b < doc->nblocks; b++, bh = DL_PREFIX_SEED) {
    v->bhash[b] = bh;
    v->bfirst[b + 1] = v->nsents;
  }
  v->first[v->nsents] = v->nwords;
  free(tok);
}

void dl_version_free(dl_version *v) {
  free(v->words);
  free(v->wfrom);
  free(v->wto);
  free(v->wcls);
  free(v->first);
  free(v->shash);
  free(v->sflags);
  free(v->bfirst);
  free(v->bhash);
  *v = (dl_version){0};
}

uint64_t dl_version_prefix(const dl_version *v, size_t i, size_t k) {
  uint64_t h = DL_PREFIX_SEED;
  for (size_t w = v->first[i]; w < v->first[i] + k; w++)
    h = dl_hash_step(h, v->words[w]);
  return h;
}

uint64_t dl_version_suffix(const dl_version *v, size_t i, size_t k) {
  uint64_t h = DL_SUFFIX_SEED;
  for (size_t w = v->first[i + 1]; w-- > v->first[i + 1] - k;)
    h = dl_hash_step(h, v->words[w]);
  return h;
}

size_t dl_version_line(const dl_version *v, size_t i) {
  size_t start, end, line, col;
  dl_sentence_range(v->doc, &v->sents[i], &start, &end);
  dl_doc_locate(v->doc, start, &line, &col);
  return line;
}

char *dl_version_quote(const dl_version *v, size_t i, size_t k0, size_t k1,
                       size_t most, bool tail) {
  const dl_text *t = &v->doc->blocks[v->sents[i].block].text;
  size_t w0 = v->first[i] + k0, w1 = v->first[i] + k1;
  bool cut = w1 - w0 > most;
  if (cut && tail)
    w0 = w1 - most;
  else if (cut)
    w1 = w0 + most;
  dl_buf b = {0};
  if (cut && tail)
    dl_buf_puts(&b, "\xe2\x80\xa6");
  for (size_t at = v->wfrom[w0]; w1 > w0 && at < v->wto[w1 - 1]; at++)
    dl_buf_put(&b, t->s[at] == '\n' ? " " : &t->s[at], 1);
  if (cut && !tail)
    dl_buf_puts(&b, "\xe2\x80\xa6");
  if (!b.s)
    dl_buf_puts(&b, "");
  return b.s;
}
