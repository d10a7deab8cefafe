/*
 * rank.c: how well the splice scorer alone ranks splices above real
 * sentences on posts it never saw (a benchmark, not a test).
 *
 * The real sentences are every sentence the rule scores in the held-out
 * posts; the splices are cut from pairs of those sentences within one post
 * (splice_corpus.c, the same cut as training: 40-60% of both).  Printed:
 * the area under the ROC curve, and the share of splices that score above
 * the threshold that lets 0.5, 1, 2, 5 and 10 real sentences per 10,000
 * words through: the scorer alone, before the grammar checks, the guards
 * and the other kinds.  With --row LABEL, one line of a table:
 * "LABEL<TAB>r0.5<TAB>r1<TAB>r2<TAB>r5<TAB>r10<TAB>AUC<TAB>sentences<TAB>splices".
 *
 * usage: rank [--row LABEL] MODEL POST...
 *        (DRAFTLINT_DATA_DIR finds the lexicon and the n-gram table)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "lang/splice.h"
#include "lang/splice_corpus.h"

#define S_PARTNERS 8 /* splices per real sentence */

typedef struct scored {
  double z;
  int splice;
} scored;

static int S_desc(const void *a, const void *b) {
  double x = ((const scored *)a)->z, y = ((const scored *)b)->z;
  return x < y ? 1 : x > y ? -1 : 0;
}

static int S_desc_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? 1 : x > y ? -1 : 0;
}

/* The share of splices strictly above the score of the real sentence that
 * the budget (per 10,000 words) no longer lets through. */
static double S_recall(const double *real, size_t nreal, const double *sp,
                       size_t nsp, size_t words, double rate) {
  size_t allowed = (size_t)floor(rate * (double)words / 10000.0);
  double thr = allowed < nreal ? real[allowed] : -INFINITY;
  size_t hit = 0;
  for (size_t i = 0; i < nsp; i++)
    hit += sp[i] > thr;
  return nsp ? (double)hit / (double)nsp : 0;
}

static const double S_BUDGETS[] = {0.5, 1, 2, 5, 10};
#define S_NBUDGETS (sizeof S_BUDGETS / sizeof *S_BUDGETS)

int main(int argc, char **argv) {
  const char *row = NULL;
  if (argc > 2 && strcmp(argv[1], "--row") == 0) {
    row = argv[2];
    argc -= 2;
    argv += 2;
  }
  if (argc < 3) {
    fprintf(stderr, "usage: rank [--row LABEL] MODEL POST...\n");
    return 2;
  }
  char *error = NULL;
  dl_lexicon *lex;
  dl_splice_model *m;
  if (dl_lexicon_open(NULL, &lex, &error) != 0 ||
      dl_splice_model_open(argv[1], lex, &m, &error) != 0) {
    fprintf(stderr, "rank: %s\n", error);
    return 2;
  }
  dl_scorpus c = {0};
  dl_scorpus_read(&c, argv + 2, (size_t)(argc - 2), lex, true, stderr);
  dl_splice_context ctx = {0};
  size_t at, nsp = 0, cap = 0, junction;
  double *real = dl_xmalloc((c.ncalib + 1) * sizeof *real);
  double *sp = dl_xmalloc((c.ncalib * S_PARTNERS + 1) * sizeof *sp);
  dl_token *buf = NULL;
  uint64_t rng = 0xBE7C4;
  size_t first = 0; /* the first sentence of the current post */
  for (size_t i = 0; i < c.ncalib; i++) {
    const dl_scorpus_sent *a = &c.calib[i];
    real[i] = dl_splice_score(m, c.tok + a->off, a->n, &ctx, &at);
    if (a->file != c.calib[first].file)
      first = i;
    size_t last = first;
    while (last < c.ncalib && c.calib[last].file == a->file)
      last++;
    for (int k = 0; k < S_PARTNERS && last - first > 1; k++) {
      const dl_scorpus_sent *b = &c.calib[first + dl_rng_next(&rng) % (last - first)];
      size_t n = b == a ? 0 : dl_scorpus_splice(&c, a, b, &rng, &buf, &cap, &junction);
      if (n)
        sp[nsp++] = dl_splice_score(m, buf, n, &ctx, &at);
    }
  }
  /* AUC: the chance that a splice outscores a real sentence (ties half) */
  size_t nall = c.ncalib + nsp;
  scored *all = dl_xmalloc(nall * sizeof *all);
  for (size_t i = 0; i < c.ncalib; i++)
    all[i] = (scored){real[i], 0};
  for (size_t i = 0; i < nsp; i++)
    all[c.ncalib + i] = (scored){sp[i], 1};
  qsort(all, nall, sizeof *all, S_desc);
  double pairs = 0;
  size_t splices_above = 0;
  for (size_t i = 0; i < nall;) {
    size_t j = i, s = 0, r = 0;
    while (j < nall && all[j].z == all[i].z) {
      s += all[j].splice;
      r += !all[j].splice;
      j++;
    }
    pairs += (double)r * ((double)splices_above + 0.5 * (double)s);
    splices_above += s;
    i = j;
  }
  qsort(real, c.ncalib, sizeof *real, S_desc_double);
  double auc = pairs / ((double)c.ncalib * (double)nsp);
  if (row) {
    printf("%s", row);
    for (size_t k = 0; k < S_NBUDGETS; k++)
      printf("\t%.1f", 100 * S_recall(real, c.ncalib, sp, nsp, c.calib_words,
                                      S_BUDGETS[k]));
    printf("\t%.3f\t%zu\t%zu\n", auc, c.ncalib, nsp);
  } else {
    printf("rank: %zu real sentences in %zu posts (%zu words), %zu splices\n",
           c.ncalib, c.files, c.calib_words, nsp);
    printf("rank: splices above the real sentences' 2 per 10k: %.1f%%, "
           "10 per 10k: %.1f%%; AUC %.3f\n",
           100 * S_recall(real, c.ncalib, sp, nsp, c.calib_words, 2.0),
           100 * S_recall(real, c.ncalib, sp, nsp, c.calib_words, 10.0), auc);
  }
  free(all);
  free(real);
  free(sp);
  free(buf);
  dl_splice_context_free(&ctx);
  dl_scorpus_free(&c);
  dl_splice_model_close(m);
  dl_lexicon_close(lex);
  return 0;
}
