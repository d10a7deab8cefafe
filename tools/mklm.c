/*
 * mklm.c: counts the n-grams (one to four tokens) of general English text
 * into the table that incoherent-sentence maps (ngram.h).
 *
 * The text is tokenized by draftlint's own tokenizer, sentence by
 * sentence, so that the table counts exactly the tokens the rule will look
 * up.  Each order's keys are collected, sorted and counted; the n-grams
 * seen at least --min times (unigrams: once) go into one hash table, sized
 * so that it is at most --load full.  Deterministic: the same text gives
 * the same bytes.
 *
 * usage: mklm [--min N] [--load F] OUTPUT TEXT.txt...
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/diag.h"
#include "draftlint/doc.h"
#include "lang/ngram.h"
#include "draftlint/sentence.h"
#include "lang/tokens.h"
#include "input/files.h"

#define S_ORDERS (DL_NGRAM_MAX + DL_NGRAM_CLASS_MAX)

typedef struct keys {
  uint64_t *k;
  size_t n, cap;
} keys;

static void S_push(keys *a, uint64_t k) {
  if (a->n == a->cap)
    a->k = dl_xgrow(a->k, &a->cap, a->n + 1, sizeof *a->k);
  a->k[a->n++] = k;
}

static int S_cmp(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static void S_count_doc(const dl_doc *doc, const dl_lexicon *lex, keys *by) {
  size_t ns;
  const dl_sentence *ss = dl_doc_sentences(doc, &ns);
  dl_token *tok = NULL;
  size_t cap = 0;
  uint64_t *sym = NULL;
  size_t symcap = 0;
  for (size_t i = 0; i < ns; i++) {
    const dl_block *b = &doc->blocks[ss[i].block];
    if (b->type != CMARK_NODE_PARAGRAPH)
      continue;
    size_t n = dl_tokenize(&b->text, ss[i].from, ss[i].to, lex, &tok, &cap);
    if (n < 3)
      continue;
    sym = dl_xgrow(sym, &symcap, n + 1, sizeof *sym);
    sym[0] = DL_NGRAM_START;
    for (size_t j = 0; j < n; j++)
      sym[j + 1] = dl_ngram_symbol(&tok[j]);
    for (size_t j = 1; j <= n; j++)
      for (int o = 1; o <= DL_NGRAM_MAX && (size_t)o <= j + 1; o++)
        S_push(&by[o - 1], dl_ngram_key(sym + j + 1 - o, o));
    for (size_t j = 0; j < n; j++)
      sym[j + 1] = dl_ngram_class_symbol(&tok[j]);
    for (size_t j = 1; j <= n; j++)
      for (int o = 1; o <= DL_NGRAM_CLASS_MAX && (size_t)o <= j + 1; o++)
        S_push(&by[DL_NGRAM_MAX + o - 1], dl_ngram_key(sym + j + 1 - o, o));
  }
  free(sym);
  free(tok);
}

static unsigned S_level(size_t c) {
  unsigned v = 1 + (unsigned)floor(2 * log2((double)c));
  return v > 63 ? 63 : v;
}

static void S_insert(uint16_t *slots, uint32_t bits, uint32_t fpbits,
                     uint64_t key, unsigned level) {
  uint64_t mask = ((uint64_t)1 << bits) - 1;
  uint32_t fp = (uint32_t)(key >> bits) & ((1u << fpbits) - 1);
  if (!fp)
    fp = 1;
  uint64_t i = key & mask;
  while (slots[i]) {
    if ((slots[i] >> 6) == fp) /* a fingerprint collision: keep the larger */
      break;
    i = (i + 1) & mask;
  }
  unsigned old = slots[i] & 0x3F;
  slots[i] = (uint16_t)(fp << 6 | (level > old ? level : old));
}

int main(int argc, char **argv) {
  size_t minc = 2;
  double load = 0.6;
  int a = 1;
  for (; a + 1 < argc && argv[a][0] == '-'; a += 2) {
    if (strcmp(argv[a], "--min") == 0)
      minc = (size_t)atol(argv[a + 1]);
    else if (strcmp(argv[a], "--load") == 0)
      load = atof(argv[a + 1]);
    else
      break;
  }
  if (argc - a < 2) {
    fprintf(stderr, "usage: mklm [--min N] [--load F] OUTPUT TEXT.txt...\n");
    return 2;
  }
  const char *out = argv[a++];
  char *error = NULL;
  dl_lexicon *lex;
  if (dl_lexicon_open(NULL, &lex, &error) != 0) {
    fprintf(stderr, "mklm: %s\n", error);
    return 2;
  }
  keys by[S_ORDERS] = {{0}};
  dl_inputs in;
  dl_inputs_collect(argv + a, (size_t)(argc - a), "-", &in);
  for (size_t i = 0; i < in.len; i++) {
    char *bytes, *err = NULL;
    size_t len;
    if (in.items[i].error || dl_read_input(&in.items[i], &bytes, &len, &err)) {
      fprintf(stderr, "mklm: skipping %s\n", in.items[i].path);
      free(err);
      continue;
    }
    dl_doc *doc = dl_doc_new(in.items[i].path, bytes, len);
    S_count_doc(doc, lex, by);
    dl_doc_free(doc);
  }
  dl_inputs_free(&in);
  uint64_t tokens = by[0].n;
  /* count each order; keep those seen often enough (keys sorted, then
   * each distinct key's count in the same array's front, in pairs) */
  size_t kept[S_ORDERS] = {0};
  uint64_t *kk[S_ORDERS], *cc[S_ORDERS];
  for (int o = 0; o < S_ORDERS; o++) {
    qsort(by[o].k, by[o].n, sizeof *by[o].k, S_cmp);
    kk[o] = dl_xmalloc((by[o].n + 1) * sizeof **kk);
    cc[o] = dl_xmalloc((by[o].n + 1) * sizeof **cc);
    for (size_t i = 0; i < by[o].n;) {
      size_t j = i;
      while (j < by[o].n && by[o].k[j] == by[o].k[i])
        j++;
      if (o == 0 || o == DL_NGRAM_MAX || j - i >= minc) {
        kk[o][kept[o]] = by[o].k[i];
        cc[o][kept[o]++] = j - i;
      }
      i = j;
    }
    free(by[o].k);
    by[o].k = NULL;
  }
  size_t total = 0;
  for (int o = 0; o < S_ORDERS; o++)
    total += kept[o];
  uint32_t bits = 4;
  while ((double)((size_t)1 << bits) * load < (double)total)
    bits++;
  uint32_t fpbits = 10;
  uint16_t *slots = dl_xcalloc((size_t)1 << bits, sizeof *slots);
  for (int o = 0; o < S_ORDERS; o++)
    for (size_t i = 0; i < kept[o]; i++)
      S_insert(slots, bits, fpbits, kk[o][i], S_level(cc[o][i]));
  /* the same text gives the same table, and so the same id */
  uint32_t id = 2166136261u;
  for (size_t i = 0; i < ((size_t)1 << bits); i++) {
    id ^= slots[i];
    id *= 16777619u;
  }
  char *tmp = dl_strdup_printf("%s.tmp", out);
  FILE *f = fopen(tmp, "wb");
  uint32_t version = 1;
  if (!f) {
    fprintf(stderr, "mklm: cannot write %s: %s\n", tmp, strerror(errno));
    return 2;
  }
  fwrite("DLNGRAM", 1, 8, f);
  fwrite(&version, 4, 1, f);
  fwrite(&bits, 4, 1, f);
  fwrite(&id, 4, 1, f);
  fwrite(&fpbits, 4, 1, f);
  fwrite(&tokens, 8, 1, f);
  fwrite(slots, 2, (size_t)1 << bits, f);
  if (ferror(f) | (fclose(f) != 0) || rename(tmp, out) != 0) {
    fprintf(stderr, "mklm: cannot write %s: %s\n", out, strerror(errno));
    return 2;
  }
  printf("mklm: %llu tokens; kept %zu unigrams, %zu bigrams, %zu trigrams, "
         "%zu 4-grams, %zu class n-grams (seen %zu times or more); %zu slots "
         "-> %s\n",
         (unsigned long long)tokens, kept[0], kept[1], kept[2], kept[3],
         total - kept[0] - kept[1] - kept[2] - kept[3], minc,
         (size_t)1 << bits, out);
  free(tmp);
  free(slots);
  for (int o = 0; o < S_ORDERS; o++) {
    free(kk[o]);
    free(cc[o]);
  }
  dl_lexicon_close(lex);
  return 0;
}
