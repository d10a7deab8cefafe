/*
 * pair.c: pass 2 of unclosed-emphasis (emphasis.h): the leftover runs of
 * one paragraph, paired where one span was spaced on the wrong side or its
 * closer glued to a word.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/rule.h"
#include "unclosed_emphasis/emphasis.h"

/* The emphasis cmark built in one block: where each span starts and how
 * many markers it used, in tree order, sorted by start; built on first
 * use, so a block is walked once, not once per question. */
typedef struct span {
  size_t at, order, used;
} span;

typedef struct spans {
  span *items;
  size_t len, cap;
  bool built;
} spans;

static int S_span_cmp(const void *x, const void *y) {
  const span *a = x, *b = y;
  if (a->at != b->at)
    return a->at < b->at ? -1 : 1;
  return a->order < b->order ? -1 : a->order > b->order;
}

static void S_spans_build(const dl_doc *doc, const dl_block *b, spans *sp) {
  cmark_iter *it = cmark_iter_new(b->node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (ev != CMARK_EVENT_ENTER || (t != CMARK_NODE_EMPH && t != CMARK_NODE_STRONG))
      continue;
    sp->items = dl_xgrow(sp->items, &sp->cap, sp->len + 1, sizeof *sp->items);
    sp->items[sp->len] = (span){
        .at = dl_doc_offset(doc, cmark_node_get_start_line(n),
                            cmark_node_get_start_column(n)),
        .order = sp->len,
        .used = t == CMARK_NODE_EMPH ? 1 : 2};
    sp->len++;
  }
  cmark_iter_free(it);
  if (sp->len > 1)
    qsort(sp->items, sp->len, sizeof *sp->items, S_span_cmp);
  sp->built = true;
}

/* How many markers cmark used for the emphasis that starts in the source
 * run [from, to) of block `b`: 1 for italics, 2 for bold, 0 when none.
 * (cmark dates an emphasis from the start of its opener's whole run.)
 * When several start there, the first in tree order (the outermost). */
static size_t S_used_in(const dl_doc *doc, const dl_block *b, spans *sp,
                        size_t from, size_t to) {
  if (!sp->built)
    S_spans_build(doc, b, sp);
  size_t lo = 0, hi = sp->len; /* first span at or after `from` */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (sp->items[mid].at < from)
      lo = mid + 1;
    else
      hi = mid;
  }
  const span *first = NULL;
  for (size_t k = lo; k < sp->len && sp->items[k].at < to; k++)
    if (!first || sp->items[k].order < first->order)
      first = &sp->items[k];
  return first ? first->used : 0;
}

/* Can two leftover runs, a before b, be one span spaced wrongly
 * ("**Done. **Next")?  The same marker and length when both are wholly
 * literal.  When cmark used part of b to open another span, b's spare
 * marker closes a ("*intention. ***Startups ... through**": "*" closes
 * "*intention.", "**" opens the bold) unless that other span ends with a
 * closer as long as a, which then was a's ("*doing ... **one ...*": the
 * extra "*" is a stray).  A spare from a closer pairs with an opener that
 * follows ("*ideas*** (**not"), never with another closer ("*a, and**
 * b*": the "**" is a stray).
 *
 * Besides the same marker and length, what a asks of b depends only on a,
 * and is one of these: */
typedef enum want {
  WANT_NOTHING = -1,     /* a pairs with no run */
  WANT_WHOLE,            /* b wholly literal */
  WANT_WHOLE_OR_OPENER,  /* b wholly literal, or able to open */
  WANT_WHOLE_OR_SPARE,   /* b wholly literal, or a spare opener whose
                            other span is not as long as a */
  WANT_OPENER,           /* b able to open */
  WANTS
} want;

static bool S_whole(const run *r) { return r->nlit == r->end - r->start; }

static want S_want(const run *a) {
  if (S_whole(a))
    return a->can_open    ? WANT_WHOLE_OR_SPARE
           : a->can_close ? WANT_WHOLE_OR_OPENER
                          : WANT_WHOLE;
  return a->can_close && !a->can_open ? WANT_OPENER : WANT_NOTHING;
}

static bool S_meets(const dl_doc *doc, const dl_block *blk, spans *sp,
                    const run *b, want w) {
  switch (w) {
  case WANT_WHOLE:
    return S_whole(b);
  case WANT_WHOLE_OR_OPENER:
    return S_whole(b) || b->can_open;
  case WANT_WHOLE_OR_SPARE:
    return S_whole(b) ||
           (b->can_open && b->lit == b->start &&
            S_used_in(doc, blk, sp, b->start, b->end) != b->nlit);
  case WANT_OPENER:
    return b->can_open;
  default:
    return false;
  }
}

/* Words that join a phrase to what follows: a span the writer stressed
 * does not end on one. */
static const char *const S_joins[] = {"a",   "an",   "the",  "and",  "or",
                                      "but", "nor",  "of",   "to",   "for",
                                      "with", "from", "into", "than", "we",
                                      "they", NULL};

static bool S_join_word(const char *s, size_t n) {
  return dl_emph_in_list(S_joins, s, n);
}

/* Does a sentence end at src[k] and another start after it ("it. Later")? */
static bool S_sentence_end(const char *src, size_t k, size_t to) {
  size_t j;
  if (src[k] == '.' || src[k] == '!' || src[k] == '?')
    j = k + 1;
  else if (k + 3 <= to && memcmp(src + k, "\xE2\x80\xA6", 3) == 0) /* … */
    j = k + 3;
  else
    return false;
  while (j < to && strchr("\"')]*_", src[j]) && src[j])
    j++;
  if (j >= to || (src[j] != ' ' && src[j] != '\n'))
    return false;
  while (j < to && strchr(" \n\"(*_>", src[j]) && src[j])
    j++;
  return j < to && isupper((unsigned char)src[j]);
}

/* The source [from, to) between two paired runs, read as the span the
 * writer meant (Medium's export, where such pairs come from, moves a
 * marker past a space but keeps it after a whole phrase or sentence).  It
 * cannot be one that stops on a word, not a stop, and has three words or
 * more ending in a joining word ("*shipped it on time and *tested"), or
 * runs past the end of a sentence into the next ("**shipped it. Later we
 * **tested").  Long spans are left alone, so a pair costs a bounded scan. */
static bool S_no_span(const char *src, size_t from, size_t to) {
  size_t e = to, words = 0;
  if (to - from > 1000)
    return false;
  while (e > from && (src[e - 1] == ' ' || src[e - 1] == '\n'))
    e--;
  if (e == from || !isalnum((unsigned char)src[e - 1]))
    return false;
  for (size_t k = from; k < e; k++) {
    if (S_sentence_end(src, k, e))
      return true;
    if (src[k] != ' ' && src[k] != '\n' && (k == from || src[k - 1] == ' ' ||
                                            src[k - 1] == '\n'))
      words++;
  }
  size_t w = e;
  while (w > from && isalpha((unsigned char)src[w - 1]))
    w--;
  return words >= 3 && S_join_word(src + w, e - w);
}

/* What the reader of a paired a and b sees, a before b: */
typedef enum pair_fate {
  PAIR_QUIET,  /* nothing to report (the other run of the pair says it) */
  PAIR_BOTH,   /* two stray markers */
  PAIR_GLUED,  /* b closes a but is glued to what follows ("**Note:**The") */
  PAIR_SPACED  /* one span spaced on the wrong side ("**Done. **Next") */
} pair_fate;

/* Is b, after punctuation and before a letter ("**Note:**The",
 * "_Note:_The"), the closer of a?  CommonMark lets such a run only open,
 * which the writer cannot see: no spacing slip. */
static bool S_glued_to(const run *a, const run *b) {
  return a->can_open && S_whole(b) && dl_cp_is_punct(b->before) &&
         !dl_emph_opening_punct(b->before) && dl_cp_is_alnum(b->after);
}

/* Medium's exports leave pairs of `*` runs spaced wrongly; only those are
 * forgiven, and only when both runs are on the same side of a link's
 * brackets: one inside a link's text and one outside ("[**the post](u)**")
 * cannot pair, for a link's text is emphasised on its own.  A pair that
 * runs on into a link ("*text *[*link*](url)") is Medium's: both runs
 * are outside it.  A closer glued after punctuation ("*…*hackernoon.com")
 * is Medium's link card. */
static pair_fate S_pair_fate(const dl_doc *doc, const run *a, const run *b) {
  if (a->c == '_')
    return S_glued_to(a, b) && a->link == b->link ? PAIR_GLUED : PAIR_BOTH;
  if (!S_whole(a) || !S_whole(b) || a->link != b->link)
    return PAIR_BOTH;
  if (S_glued_to(a, b))
    return PAIR_GLUED;
  if (b->after != '[' && S_no_span(doc->src, a->end, b->start))
    return PAIR_BOTH;
  return PAIR_SPACED;
}

/* Runs of one marker and length (pairing never crosses them), and for
 * each want, which of them meet it: built on first use, then read with a
 * cursor that only moves forward, since a's partner is the first unpaired
 * run after a that meets its want, and a moves left to right. */
typedef struct group {
  size_t from, to;      /* its runs in `order` */
  size_t *list[WANTS];  /* run indices meeting each want, ascending */
  size_t len[WANTS], cursor[WANTS];
  bool built[WANTS];
} group;

typedef struct member {
  char c;
  size_t nlit, index;
} member;

static int S_member_cmp(const void *x, const void *y) {
  const member *a = x, *b = y;
  if (a->c != b->c)
    return a->c < b->c ? -1 : 1;
  if (a->nlit != b->nlit)
    return a->nlit < b->nlit ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

/* Is the pair a..b spaced on the wrong side: a space after a's marker
 * ("** Done.**") or before b's ("**Done. **Next"), on one line, with no
 * marker of theirs between (whose pairing a moved space would change)? */
static bool S_spacing(const dl_doc *doc, const run *a, const run *b) {
  const char *src = doc->src;
  if (memchr(src + a->end, '\n', b->start - a->end) ||
      memchr(src + a->end, a->c, b->start - a->end))
    return false;
  if (b->start <= a->end + 1 ||
      !(dl_emph_blank(src[a->end]) || dl_emph_blank(src[b->start - 1])))
    return false;
  /* Moved outside, the space leaves each marker beside a space or a
   * bracket, or where it was; the markers then touch the span's first
   * and last characters, and must be able to open and to close there. */
  size_t in = a->end, out = b->start;
  while (in < out && dl_emph_blank(src[in]))
    in++;
  while (out > in && dl_emph_blank(src[out - 1]))
    out--;
  if (in == out)
    return false;
  int32_t first, last;
  dl_utf8_decode(src + in, out - in, &first);
  dl_utf8_decode_back(src, out, &last);
  bool before_ok = in > a->end || dl_cp_is_space(a->before) ||
                   dl_cp_is_punct(a->before);
  bool after_ok = out < b->start || dl_cp_is_space(b->after) ||
                  dl_cp_is_punct(b->after);
  return (!dl_cp_is_punct(first) || before_ok) &&
         (!dl_cp_is_punct(last) || after_ok);
}

/* Keeps a run to report: a glued closer's finding starts at its opener,
 * a spaced pair's opener carries its closer. */
static void S_keep(runs *out, const run *a, bool paired, unsigned char fate,
                   const run *other) {
  out->items = dl_xgrow(out->items, &out->cap, out->len + 1,
                        sizeof *out->items);
  run *r = &out->items[out->len++];
  *r = *a;
  r->paired = paired;
  r->glued = fate == PAIR_GLUED;
  r->spaced = fate == PAIR_SPACED;
  if (r->glued)
    r->from = other->lit;
  if (r->spaced) {
    r->partner_start = other->start;
    r->partner_end = other->end;
    r->partner_lit = other->lit;
  }
}

/* Pairs leftover runs, left to right: each unpaired run takes the first
 * later unpaired run that is its partner.  Keeps the ones without a
 * partner in `out`.  Grouping by marker and length and keeping a cursor
 * per want makes this O(n log n); trying every later run was quadratic
 * in the leftovers of one paragraph (a draft of 100,000 '***a*'). */
static void S_unpaired(const dl_doc *doc, const dl_block *blk,
                       const runs *block, runs *out) {
  size_t n = block->len;
  if (n == 0)
    return;
  bool *paired = dl_xcalloc(n, sizeof *paired);
  unsigned char *fate = dl_xcalloc(n, sizeof *fate); /* pair_fate of each */
  size_t *partner = dl_xcalloc(n, sizeof *partner);
  member *order = dl_xcalloc(n, sizeof *order);
  size_t *group_of = dl_xcalloc(n, sizeof *group_of);
  group *groups = dl_xcalloc(n, sizeof *groups);
  size_t *store = dl_xcalloc(n * WANTS, sizeof *store);
  size_t ngroups = 0;
  spans sp = {0};
  for (size_t i = 0; i < n; i++)
    order[i] = (member){block->items[i].c, block->items[i].nlit, i};
  qsort(order, n, sizeof *order, S_member_cmp);
  for (size_t k = 0; k < n; k++) {
    if (k == 0 || order[k].c != order[k - 1].c ||
        order[k].nlit != order[k - 1].nlit) {
      groups[ngroups].from = k;
      ngroups++;
    }
    groups[ngroups - 1].to = k + 1;
    group_of[order[k].index] = ngroups - 1;
  }
  size_t used[WANTS] = {0}; /* of each want's share of `store` */
  for (size_t i = 0; i < n; i++) {
    const run *a = &block->items[i];
    want w = S_want(a);
    if (!paired[i] && w != WANT_NOTHING) {
      group *g = &groups[group_of[i]];
      if (!g->built[w]) {
        g->list[w] = store + (size_t)w * n + used[w];
        for (size_t k = g->from; k < g->to; k++)
          if (S_meets(doc, blk, &sp, &block->items[order[k].index], w))
            g->list[w][g->len[w]++] = order[k].index;
        used[w] += g->len[w];
        g->built[w] = true;
      }
      size_t *c = &g->cursor[w];
      while (*c < g->len[w] && (g->list[w][*c] <= i || paired[g->list[w][*c]]))
        (*c)++;
      if (*c < g->len[w]) {
        size_t j = g->list[w][*c];
        pair_fate f = S_pair_fate(doc, a, &block->items[j]);
        if (f == PAIR_SPACED && !S_spacing(doc, a, &block->items[j]))
          f = PAIR_BOTH;
        paired[i] = paired[j] = true;
        fate[i] = f == PAIR_GLUED ? PAIR_QUIET : (unsigned char)f;
        fate[j] = f == PAIR_SPACED ? PAIR_QUIET : (unsigned char)f;
        partner[j] = i;
        partner[i] = j;
      }
    }
    if (!paired[i] || fate[i] != PAIR_QUIET)
      S_keep(out, a, paired[i], fate[i],
             fate[i] == PAIR_GLUED    ? &block->items[partner[i]]
             : fate[i] == PAIR_SPACED ? &block->items[partner[i]]
                                      : NULL);
  }
  free(partner);
  free(sp.items);
  free(fate);
  free(store);
  free(groups);
  free(group_of);
  free(order);
  free(paired);
}

void dl_emph_collect(const dl_doc *doc, runs *left) {
  runs block = {0};
  scan sc;
  dl_emph_scan_start(&sc);
  size_t censored_max = sc.censored_max;
  for (size_t b = 0; b < doc->nblocks; b++) {
    const dl_text *t = &doc->blocks[b].text;
    block.len = 0;
    sc = (scan){.censored_max = censored_max}; /* new text */
    for (size_t i = 0; i < t->len;) {
      if (t->s[i] != '*' && t->s[i] != '_') {
        i += strcspn(t->s + i, "*_"); /* text has no NUL but its end */
        continue;
      }
      run r;
      i += dl_emph_scan_run(doc, &doc->blocks[b], &sc, i, &r);
      if (!r.c)
        continue;
      r.block = b;
      block.items = dl_xgrow(block.items, &block.cap, block.len + 1,
                             sizeof *block.items);
      block.items[block.len++] = r;
    }
    S_unpaired(doc, &doc->blocks[b], &block, left);
  }
  free(block.items);
}
