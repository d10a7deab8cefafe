/*
 * broken_edit.c: the broken-edit rule, edits that broke a sentence, found
 * by comparing the draft with its version before (doc.h, before: the
 * committed version that --since, --staged or history = head hands in).
 *
 * Most splices and fragments in a real draft are made by editing: a
 * selection that ran across a sentence boundary was deleted or pasted
 * over.  With the version before, nothing needs guessing:
 *
 *   1. paragraphs are aligned (a patience diff on their hashes, align.h);
 *      only the runs that changed are looked at, and in each the
 *      sentences are aligned the same way;
 *   2. a new sentence that is exactly the start of one changed old
 *      sentence and the end of a later one, every sentence between them
 *      gone, is a deletion across a boundary (edit-splice); the start or
 *      end may instead come from a passage of the old draft pasted into it;
 *   3. a new sentence that is only the start of a changed old sentence,
 *      whose rest went nowhere, and that has no main clause left, was cut
 *      short (edit-fragment);
 *   4. a sentence or paragraph written twice in a row, more often than
 *      before, was pasted twice (edit-repeat).
 *
 * Edits that leave sentences whole match none of these: an added,
 * deleted, moved or reworded sentence is no start-plus-end of old ones; a
 * fixed word breaks the exact match; two sentences joined with a typed
 * conjunction keep the first one whole; a split one leaves its rest as the
 * next sentence.  Every test looks words up in hash maps (u64map.h), so
 * the rule is linear in the two drafts.
 */
#include <stdlib.h>
#include <string.h>

#include "broken_edit/align.h"
#include "broken_edit/u64map.h"
#include "broken_edit/version.h"
#include "draftlint/alloc.h"
#include "draftlint/rule.h"
#include "registry.h"

/* Quotes show this many words of an old sentence. */
#define QUOTE_WORDS 6
/* A paste is believed when it brings at least this many words. */
#define PASTE_WORDS 3
/* A start and an end that together have fewer words prove nothing. */
#define SPLICE_WORDS 3
/* A repeated sentence shorter than this may be meant ("No. No."). */
#define REPEAT_WORDS 4

typedef struct compare {
  dl_version old, new_;
  dl_sink *sink;
  size_t *omatch, *nmatch;  /* sentence alignment (DL_ALIGN_NONE) */
  dl_u64map gap_prefix, gap_suffix; /* changed old sentences of one run */
  dl_u64map all_prefix, all_suffix; /* every old sentence (pastes) */
  bool all_built;
  dl_u64map whole;          /* every old sentence's hash */
  size_t *kept, run0;       /* S_gone_between's counts for the run at run0 */
  bool *repeated;           /* new sentences already reported as repeats */
} compare;

/* The lexicon tells which words can be verbs (a cut that lost its verb,
 * a fragment without a main clause). */
static const dl_data_file S_files[] = {
    {"wordnet.lex", "the lexicon", NULL, 16, true, false},
};

static int S_load(const dl_settings *settings, const dl_data *data,
                  void **out, char **error) {
  (void)settings;
  dl_lexicon *lex;
  if (dl_lexicon_attach(data[0].bytes, data[0].len, data[0].path, &lex,
                        error) != 0)
    return -1;
  *out = lex;
  return 0;
}

static void S_unload(void *p) { dl_lexicon_close(p); }

/* ---- maps of the starts and ends of old sentences ---- */

/* Adds the strict prefixes and suffixes of old sentence i: a sentence that
 * lost nothing at its end cannot be the start of a splice.  Where several
 * share a start the first is kept, where several share an end the last,
 * so that a deletion's start comes before its end. */
static void S_index(const dl_version *v, size_t i, dl_u64map *pre,
                    dl_u64map *suf) {
  size_t n = dl_version_nwords(v, i);
  uint64_t h = DL_PREFIX_SEED, g = DL_SUFFIX_SEED;
  bool added;
  for (size_t k = 1; k < n; k++) {
    h = dl_hash_step(h, v->words[v->first[i] + k - 1]);
    g = dl_hash_step(g, v->words[v->first[i + 1] - k]);
    dl_u64map_put(pre, h, (uint32_t)i, &added);
    *dl_u64map_put(suf, g, (uint32_t)i, &added) = (uint32_t)i;
  }
}

static void S_index_all(compare *c) {
  if (c->all_built)
    return;
  dl_u64map_init(&c->all_prefix, c->old.nwords);
  dl_u64map_init(&c->all_suffix, c->old.nwords);
  for (size_t i = 0; i < c->old.nsents; i++)
    S_index(&c->old, i, &c->all_prefix, &c->all_suffix);
  c->all_built = true;
}

static size_t S_lookup(const dl_u64map *m, uint64_t h) {
  const uint32_t *v = dl_u64map_get(m, h);
  return v ? *v : DL_ALIGN_NONE;
}

/* ---- reporting ---- */

static void S_range(const compare *c, size_t j, size_t *start, size_t *end) {
  dl_sentence_range(c->new_.doc, &c->new_.sents[j], start, end);
}

static void S_lines(dl_diag *d, size_t a, size_t b) {
  if (!d)
    return;
  d->confidence = 1.0;
  d->before_line[0] = a;
  d->before_line[1] = b;
}

static void S_report_splice(compare *c, size_t j, size_t p, size_t a, size_t b,
                            bool pasted) {
  size_t na = dl_version_nwords(&c->old, a), nb = dl_version_nwords(&c->old, b);
  size_t s = dl_version_nwords(&c->new_, j) - p;
  char *start = dl_version_quote(&c->old, a, 0, p, QUOTE_WORDS, false);
  char *end = dl_version_quote(&c->old, b, nb - s, nb, QUOTE_WORDS, true);
  size_t la = dl_version_line(&c->old, a), lb = dl_version_line(&c->old, b);
  size_t from, to;
  S_range(c, j, &from, &to);
  size_t sl = strlen(start);
  if (sl && p < na && (sl < 3 || strcmp(start + sl - 3, "\xe2\x80\xa6") != 0)) {
    /* the start was cut: say so */
    char *more = dl_strdup_printf("%s\xe2\x80\xa6", start);
    free(start);
    start = more;
  }
  if (s < nb && strncmp(end, "\xe2\x80\xa6", 3) != 0) {
    char *more = dl_strdup_printf("\xe2\x80\xa6%s", end);
    free(end);
    end = more;
  }
  dl_diag *d = dl_report(c->sink, pasted ? DL_MSG_EDIT_SPLICE_PASTE
                                         : DL_MSG_EDIT_SPLICE,
                         from, to, start, la, end, lb);
  S_lines(d, la, lb);
  free(start);
  free(end);
}

/* ---- one new sentence against the changed old ones ---- */

/* Were all old sentences strictly between a and b left out of the new
 * draft (the deleted stretch)?  kept[i] counts the old sentences of the run
 * before i that the new draft kept, so the answer costs nothing. */
static bool S_gone_between(const compare *c, size_t a, size_t b) {
  return c->kept[b - c->run0] == c->kept[a + 1 - c->run0];
}

/* The start of a and the end of the same a, its middle cut: a splice only
 * when what is left lost the verb the sentence had. */
static bool S_cut_middle(compare *c, size_t j, size_t p, size_t a) {
  if (!(c->old.sflags[a] & DL_VS_VERB) || (c->new_.sflags[j] & DL_VS_VERB))
    return false;
  size_t na = dl_version_nwords(&c->old, a);
  size_t s = dl_version_nwords(&c->new_, j) - p;
  char *start = dl_version_quote(&c->old, a, 0, p, QUOTE_WORDS, false);
  char *end = dl_version_quote(&c->old, a, na - s, na, QUOTE_WORDS, true);
  size_t line = dl_version_line(&c->old, a), from, to;
  S_range(c, j, &from, &to);
  S_lines(dl_report(c->sink, DL_MSG_EDIT_CUT, from, to, start, end, line),
          line, 0);
  free(start);
  free(end);
  return true;
}

/* Prefix hashes of new sentence j's first k words, k = 0..m, and suffix
 * hashes of its last k words. */
static void S_hashes(const dl_version *v, size_t j, uint64_t *pre,
                     uint64_t *suf) {
  size_t m = dl_version_nwords(v, j);
  pre[0] = DL_PREFIX_SEED;
  suf[0] = DL_SUFFIX_SEED;
  for (size_t k = 1; k <= m; k++) {
    pre[k] = dl_hash_step(pre[k - 1], v->words[v->first[j] + k - 1]);
    suf[k] = dl_hash_step(suf[k - 1], v->words[v->first[j + 1] - k]);
  }
}

/* A deletion across a boundary: start of a, end of a later b, everything
 * between gone.  Returns whether it reported. */
static bool S_deletion(compare *c, size_t j, const uint64_t *pre,
                       const uint64_t *suf) {
  size_t m = dl_version_nwords(&c->new_, j);
  for (size_t p = 1; p < m; p++) {
    if (m < SPLICE_WORDS)
      break;
    size_t a = S_lookup(&c->gap_prefix, pre[p]);
    size_t b = S_lookup(&c->gap_suffix, suf[m - p]);
    if (a == DL_ALIGN_NONE || b == DL_ALIGN_NONE)
      continue;
    if (a == b && S_cut_middle(c, j, p, a))
      return true;
    if (a < b && S_gone_between(c, a, b)) {
      S_report_splice(c, j, p, a, b, false);
      return true;
    }
  }
  return false;
}

/* A paste: the start of a changed sentence and the end of any old one (or
 * the start of any old one and the end of a changed one), the pasted side
 * at least PASTE_WORDS long. */
static bool S_paste(compare *c, size_t j, const uint64_t *pre,
                    const uint64_t *suf) {
  size_t m = dl_version_nwords(&c->new_, j);
  S_index_all(c);
  for (size_t p = 1; p < m; p++) {
    size_t s = m - p;
    size_t a = S_lookup(&c->gap_prefix, pre[p]);
    size_t b = s >= PASTE_WORDS ? S_lookup(&c->all_suffix, suf[s])
                                : DL_ALIGN_NONE;
    if (a == DL_ALIGN_NONE || b == DL_ALIGN_NONE || a == b) {
      b = S_lookup(&c->gap_suffix, suf[s]);
      a = p >= PASTE_WORDS ? S_lookup(&c->all_prefix, pre[p]) : DL_ALIGN_NONE;
    }
    if (a != DL_ALIGN_NONE && b != DL_ALIGN_NONE && a != b) {
      S_report_splice(c, j, p, a, b, true);
      return true;
    }
  }
  return false;
}

/* Does the sentence end before its main clause: no verb at all, or a
 * subordinate clause alone ("Because we shipped early.")? */
static bool S_no_main_clause(const dl_version *v, size_t j) {
  uint8_t f = v->sflags[j];
  return !(f & DL_VS_VERB) || ((f & DL_VS_SUB) && !(f & DL_VS_COMMA));
}

/* The start of changed sentence a and nothing more, a's rest not the next
 * sentence (a split) but gone, and no main clause left. */
static bool S_fragment(compare *c, size_t j, const uint64_t *pre,
                       const size_t *split) {
  size_t m = dl_version_nwords(&c->new_, j);
  size_t a = m ? S_lookup(&c->gap_prefix, pre[m]) : DL_ALIGN_NONE;
  if (a == DL_ALIGN_NONE || split[a - split[0] + 1] ||
      !S_no_main_clause(&c->new_, j) || S_no_main_clause(&c->old, a))
    return false; /* not cut, split in two, whole, or never whole */
  char *quote = dl_version_quote(&c->old, a, 0, dl_version_nwords(&c->old, a),
                                 QUOTE_WORDS, false);
  size_t line = dl_version_line(&c->old, a), from, to;
  S_range(c, j, &from, &to);
  S_lines(dl_report(c->sink, DL_MSG_EDIT_FRAGMENT, from, to, quote, line),
          line, 0);
  free(quote);
  return true;
}

/* ---- one run of changed paragraphs ---- */

typedef struct run {
  size_t o0, o1, n0, n1; /* sentences of the old and new paragraphs */
} run;

/* Marks the old sentences of the run whose rest became a new sentence of
 * the run (a sentence split in two): split[0] is the run's first old
 * sentence, split[1 + i - o0] the mark of old sentence i. */
static size_t *S_splits(compare *c, run r) {
  size_t *split = dl_xcalloc(r.o1 - r.o0 + 1, sizeof *split);
  split[0] = r.o0;
  for (size_t j = r.n0; j < r.n1; j++) {
    size_t m = dl_version_nwords(&c->new_, j);
    if (c->nmatch[j] != DL_ALIGN_NONE || !m)
      continue;
    size_t a = S_lookup(&c->gap_suffix, dl_version_suffix(&c->new_, j, m));
    if (a != DL_ALIGN_NONE)
      split[a - r.o0 + 1] = 1;
  }
  return split;
}

static void S_run(compare *c, run r) {
  size_t no = r.o1 - r.o0, nn = r.n1 - r.n0;
  if (!nn)
    return;
  dl_align(c->old.shash + r.o0, no, c->new_.shash + r.n0, nn, c->omatch + r.o0,
           c->nmatch + r.n0);
  for (size_t i = r.o0; i < r.o1; i++) /* back to whole-draft indices */
    if (c->omatch[i] != DL_ALIGN_NONE)
      c->omatch[i] += r.n0;
  for (size_t j = r.n0; j < r.n1; j++)
    if (c->nmatch[j] != DL_ALIGN_NONE)
      c->nmatch[j] += r.o0;
  c->run0 = r.o0;
  c->kept = dl_xmalloc((no + 1) * sizeof *c->kept);
  c->kept[0] = 0;
  for (size_t i = r.o0; i < r.o1; i++)
    c->kept[i - r.o0 + 1] = c->kept[i - r.o0] + (c->omatch[i] != DL_ALIGN_NONE);
  size_t words = c->old.first[r.o1] - c->old.first[r.o0];
  dl_u64map_init(&c->gap_prefix, words);
  dl_u64map_init(&c->gap_suffix, words);
  for (size_t i = r.o0; i < r.o1; i++)
    if (c->omatch[i] == DL_ALIGN_NONE)
      S_index(&c->old, i, &c->gap_prefix, &c->gap_suffix);
  size_t *split = S_splits(c, r);
  uint64_t *pre = NULL, *suf = NULL;
  size_t hcap = 0;
  for (size_t j = r.n0; j < r.n1; j++) {
    size_t m = dl_version_nwords(&c->new_, j);
    if (c->nmatch[j] != DL_ALIGN_NONE || c->repeated[j] || !m ||
        dl_u64map_get(&c->whole, c->new_.shash[j]))
      continue; /* the same, a repeat, or a whole old sentence moved */
    size_t had = hcap;
    pre = dl_xgrow(pre, &hcap, m + 1, sizeof *pre);
    if (hcap != had)
      suf = dl_xrealloc(suf, hcap * sizeof *suf);
    S_hashes(&c->new_, j, pre, suf);
    /* The whole start or the whole end of a changed sentence is a cut or
     * a split, whatever else it might also be read as. */
    if (S_lookup(&c->gap_prefix, pre[m]) != DL_ALIGN_NONE)
      S_fragment(c, j, pre, split);
    else if (S_lookup(&c->gap_suffix, suf[m]) == DL_ALIGN_NONE &&
             !S_deletion(c, j, pre, suf))
      S_paste(c, j, pre, suf);
  }
  free(pre);
  free(suf);
  free(split);
  free(c->kept);
  dl_u64map_free(&c->gap_prefix);
  dl_u64map_free(&c->gap_suffix);
}

/* Aligns the paragraphs, then hands each run of changed ones to S_run. */
static void S_runs(compare *c) {
  const dl_doc *od = c->old.doc, *nd = c->new_.doc;
  size_t *bo = dl_xmalloc((od->nblocks + 1) * sizeof *bo);
  size_t *bn = dl_xmalloc((nd->nblocks + 1) * sizeof *bn);
  dl_align(c->old.bhash, od->nblocks, c->new_.bhash, nd->nblocks, bo, bn);
  size_t i = 0; /* the next old paragraph not yet in a run */
  for (size_t j = 0; j <= nd->nblocks;) {
    if (j < nd->nblocks && bn[j] != DL_ALIGN_NONE) {
      size_t k = bn[j]; /* the same paragraph: its sentences match */
      for (size_t s = c->old.bfirst[k]; s < c->old.bfirst[k + 1]; s++) {
        size_t t = c->new_.bfirst[j] + (s - c->old.bfirst[k]);
        c->omatch[s] = t;
        c->nmatch[t] = s;
      }
      i = k + 1;
      j++;
      continue;
    }
    size_t j1 = j;
    while (j1 < nd->nblocks && bn[j1] == DL_ALIGN_NONE)
      j1++;
    size_t i1 = j1 < nd->nblocks ? bn[j1] : od->nblocks;
    S_run(c, (run){c->old.bfirst[i], c->old.bfirst[i1], c->new_.bfirst[j],
                   c->new_.bfirst[j1]});
    i = i1;
    j = j1 == j ? j + 1 : j1;
  }
  free(bo);
  free(bn);
}

/* ---- pasted twice ---- */

/* How often each hash of h[0..n) occurs, and where first. */
typedef struct tally {
  dl_u64map count, first;
} tally;

static void S_tally(tally *t, const uint64_t *h, size_t n) {
  dl_u64map_init(&t->count, n);
  dl_u64map_init(&t->first, n);
  bool added;
  for (size_t i = 0; i < n; i++) {
    ++*dl_u64map_put(&t->count, h[i], 0, &added);
    dl_u64map_put(&t->first, h[i], (uint32_t)i, &added);
  }
}

static void S_tally_free(tally *t) {
  dl_u64map_free(&t->count);
  dl_u64map_free(&t->first);
}

/* Does the new draft have `h` more often than the old one? */
static bool S_more(const tally *newt, const tally *oldt, uint64_t h) {
  const uint32_t *n = dl_u64map_get(&newt->count, h);
  const uint32_t *o = dl_u64map_get(&oldt->count, h);
  return n && *n > (o ? *o : 0);
}

/* " (line N)" naming where the version before has it, or "". */
static char *S_where(const compare *c, const tally *oldt, uint64_t key,
                     bool block, size_t *line) {
  const uint32_t *at = dl_u64map_get(&oldt->first, key);
  size_t s = !at ? DL_ALIGN_NONE : block ? c->old.bfirst[*at] : *at;
  *line = s < c->old.nsents ? dl_version_line(&c->old, s) : 0;
  return *line ? dl_strdup_printf(" (line %zu)", *line) : dl_xstrdup("");
}

static void S_repeat_paragraphs(compare *c) {
  const dl_doc *nd = c->new_.doc, *od = c->old.doc;
  tally oldt, newt;
  S_tally(&oldt, c->old.bhash, od->nblocks);
  S_tally(&newt, c->new_.bhash, nd->nblocks);
  for (size_t b = 1; b < nd->nblocks; b++) {
    size_t s0 = c->new_.bfirst[b], s1 = c->new_.bfirst[b + 1];
    if (s0 == s1 || c->new_.bhash[b] != c->new_.bhash[b - 1] ||
        c->new_.first[s1] - c->new_.first[s0] < REPEAT_WORDS ||
        !S_more(&newt, &oldt, c->new_.bhash[b]))
      continue;
    size_t line;
    char *where = S_where(c, &oldt, c->new_.bhash[b], true, &line);
    S_lines(dl_report(c->sink, DL_MSG_EDIT_REPEAT_PARAGRAPH, nd->blocks[b].start,
                      nd->blocks[b].end, where),
            line, 0);
    free(where);
    for (size_t s = s0; s < s1; s++)
      c->repeated[s] = true;
  }
  S_tally_free(&oldt);
  S_tally_free(&newt);
}

static void S_repeat_sentences(compare *c) {
  tally oldt, newt;
  S_tally(&oldt, c->old.shash, c->old.nsents);
  S_tally(&newt, c->new_.shash, c->new_.nsents);
  for (size_t j = 1; j < c->new_.nsents; j++) {
    if (c->repeated[j] || c->new_.shash[j] != c->new_.shash[j - 1] ||
        dl_version_nwords(&c->new_, j) < REPEAT_WORDS ||
        !S_more(&newt, &oldt, c->new_.shash[j]))
      continue;
    size_t line, from, to;
    char *where = S_where(c, &oldt, c->new_.shash[j], false, &line);
    S_range(c, j, &from, &to);
    S_lines(dl_report(c->sink, DL_MSG_EDIT_REPEAT, from, to, where), line, 0);
    free(where);
    c->repeated[j] = true;
  }
  S_tally_free(&oldt);
  S_tally_free(&newt);
}

static void S_check(const dl_doc *doc, dl_sink *sink) {
  const dl_doc *before = doc->before;
  if (!before || (before->len == doc->len &&
                  memcmp(before->src, doc->src, doc->len) == 0))
    return;
  compare c = {.sink = sink};
  dl_version_build(&c.old, before, sink->state);
  dl_version_build(&c.new_, doc, sink->state);
  c.omatch = dl_xmalloc((c.old.nsents + 1) * sizeof *c.omatch);
  c.nmatch = dl_xmalloc((c.new_.nsents + 1) * sizeof *c.nmatch);
  for (size_t i = 0; i < c.old.nsents; i++)
    c.omatch[i] = DL_ALIGN_NONE;
  for (size_t j = 0; j < c.new_.nsents; j++)
    c.nmatch[j] = DL_ALIGN_NONE;
  c.repeated = dl_xcalloc(c.new_.nsents + 1, sizeof *c.repeated);
  dl_u64map_init(&c.whole, c.old.nsents);
  bool added;
  for (size_t i = 0; i < c.old.nsents; i++)
    dl_u64map_put(&c.whole, c.old.shash[i], (uint32_t)i, &added);
  S_repeat_paragraphs(&c);
  S_repeat_sentences(&c);
  S_runs(&c);
  if (c.all_built) {
    dl_u64map_free(&c.all_prefix);
    dl_u64map_free(&c.all_suffix);
  }
  dl_u64map_free(&c.whole);
  free(c.repeated);
  free(c.omatch);
  free(c.nmatch);
  dl_version_free(&c.old);
  dl_version_free(&c.new_);
}

const dl_rule_ops dl_ops_broken_edit = {NULL,   0,        S_files, 1,
                                         S_load, S_unload, S_check};
