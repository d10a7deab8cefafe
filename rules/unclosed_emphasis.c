/*
 * unclosed_emphasis.c: a * or _ the reader sees because nothing matched it.
 *
 * cmark has already paired every delimiter it could; an unpaired one stays
 * in the block's plain text as a literal character.  For each such
 * character this rule looks at its delimiter run in the source and applies
 * CommonMark's flanking rules (spec 6.2): if the run could open or close
 * emphasis, the writer meant emphasis and the reader gets a stray marker.
 * Runs that could do neither (`2 * 3`, `snake_case`) are plain characters.
 *
 * Then it forgives what writers do on purpose, in three passes:
 *   1. per run: escaped markers, code spans, autolinks, bare URLs, image
 *      alt text, censored words ("f***", "****ing");
 *   2. per paragraph: two leftover runs of the same marker are one span
 *      spaced wrongly ("**Done. **Next"): closed in the writer's mind;
 *   3. per document: a lone `*` after a word is a footnote mark, and a
 *      paragraph opening with `*` after such a mark is the footnote; a lone
 *      `* ` glued after a sentence is a bullet that lost its line break.
 *      But a `*` left open in one paragraph and "closed" in a later one is
 *      a span across paragraphs: both ends are reported.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/rule.h"

typedef struct run {
  char c;                /* '*' or '_' */
  size_t start, end;     /* the whole delimiter run in the source */
  size_t lit, nlit;      /* the unmatched part the reader sees */
  int32_t before, after; /* neighbours; ' ' at a line edge */
  bool can_open, can_close;
  bool space_then_text;  /* followed by one space, then more on the line */
  bool block_start;      /* the first thing in its paragraph */
} run;

/* ---- pass 1: one run ---------------------------------------------------- */

/* Is src[from..to) only indentation and block-quote markers, that is, is
 * `to` the first byte of the line's content? */
static bool S_is_line_prefix(const char *src, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    if (src[i] != ' ' && src[i] != '\t' && src[i] != '>')
      return false;
  return true;
}

static void S_neighbours(const dl_doc *doc, run *r) {
  const char *s;
  size_t n;
  dl_doc_line(doc, dl_doc_line_index(doc, r->start), &s, &n);
  size_t line_start = (size_t)(s - doc->src), line_end = line_start + n;
  r->before = ' ';
  if (!S_is_line_prefix(doc->src, line_start, r->start))
    dl_utf8_decode_back(doc->src, r->start, &r->before);
  r->after = ' ';
  if (r->end < line_end)
    dl_utf8_decode(doc->src + r->end, line_end - r->end, &r->after);
  r->space_then_text = r->end + 1 < line_end && doc->src[r->end] == ' ' &&
                       doc->src[r->end + 1] != ' ';
}

static bool S_escaped(const char *src, size_t at, size_t floor) {
  size_t slashes = 0;
  while (at > floor && src[at - 1] == '\\') {
    at--;
    slashes++;
  }
  return slashes % 2 == 1;
}

/* Is byte i of the text inside a bare URL (http://..., www....)? */
static bool S_in_bare_url(const dl_text *t, size_t i) {
  size_t from = i, to = i;
  while (from > 0 && t->s[from - 1] != ' ' && t->s[from - 1] != '\n' &&
         t->s[from - 1] != '(')
    from--;
  while (to < t->len && t->s[to] != ' ' && t->s[to] != '\n')
    to++;
  const char *tok = t->s + from;
  size_t n = to - from;
  if (n > 4 && strncmp(tok, "www.", 4) == 0)
    return true;
  for (size_t k = 1; k + 3 <= n; k++)
    if (memcmp(tok + k, "://", 3) == 0)
      return true;
  return false;
}

/* The flanking rules of CommonMark 6.2, from the run's neighbours. */
static void S_flanking(run *r) {
  bool before_space = dl_cp_is_space(r->before);
  bool after_space = dl_cp_is_space(r->after);
  bool before_punct = dl_cp_is_punct(r->before);
  bool after_punct = dl_cp_is_punct(r->after);
  bool left = !after_space && (!after_punct || before_space || before_punct);
  bool right = !before_space && (!before_punct || after_space || after_punct);
  if (r->c == '*') {
    r->can_open = left;
    r->can_close = right;
  } else {
    r->can_open = left && (!right || before_punct);
    r->can_close = right && (!left || after_punct);
  }
}

/* Words writers censor with asterisks ("f***", "s**t", "****ing"). */
static const char *const S_censored[] = {
    "fuck",     "fucks",  "fucked",  "fucker",  "fuckers",   "fucking",
    "fuckin",   "unfucking", "motherfucker", "shit", "shits", "shitty",
    "bullshit", "damn",   "damned",  "crap",    "hell",      "ass",
    "asshole",  "bitch",  "bastard", "piss",    "pissed",    "dick",
    "cock",     "cunt",   "sucker",  "suck",    "sucks",     NULL};

/* Is the run part of a word whose letters, with each `*` standing for one
 * letter, spell a censored word?  "**cker", "Sh*t", "Un***king"; never a
 * run followed by a capital ("**Or"), which starts a sentence. */
static bool S_censored_word(const dl_doc *doc, const run *r) {
  if (r->c != '*' || !(dl_cp_is_alnum(r->before) || dl_cp_is_alnum(r->after)))
    return false;
  const char *src = doc->src;
  size_t from = r->start, to = r->end;
  while (from > 0 && (isalpha((unsigned char)src[from - 1]) || src[from - 1] == '*'))
    from--;
  for (; to < doc->len && (isalpha((unsigned char)src[to]) || src[to] == '*'); to++)
    if (isupper((unsigned char)src[to]))
      return false;
  for (const char *const *w = S_censored; *w; w++) {
    size_t n = strlen(*w), k = 0;
    if (n != to - from)
      continue;
    while (k < n && (src[from + k] == '*' ||
                     tolower((unsigned char)src[from + k]) == (*w)[k]))
      k++;
    if (k == n)
      return true;
  }
  return false;
}

/* Reads the literal marker run at text byte i into *r; returns the number
 * of text bytes it covers.  r->c is 0 when the run cannot be emphasis. */
static size_t S_scan_run(const dl_doc *doc, const dl_block *b, size_t i,
                         run *r) {
  const dl_text *t = &b->text;
  const char *src = doc->src;
  char c = t->s[i];
  size_t k = 1;
  while (i + k < t->len && t->s[i + k] == c && t->map[i + k] == t->map[i] + k)
    k++;
  *r = (run){.lit = t->map[i], .nlit = k};
  if (src[r->lit] != c || S_escaped(src, r->lit, b->start) ||
      (t->flags[i] & (DL_TX_CODE | DL_TX_AUTOLINK | DL_TX_IMAGE)) ||
      S_in_bare_url(t, i))
    return k;
  r->c = c;
  r->start = r->lit;
  while (r->start > b->start && src[r->start - 1] == c &&
         !S_escaped(src, r->start - 1, b->start))
    r->start--;
  r->end = r->lit + k;
  while (r->end < b->end && src[r->end] == c)
    r->end++;
  r->block_start = i == 0;
  S_neighbours(doc, r);
  S_flanking(r);
  if ((!r->can_open && !r->can_close) || S_censored_word(doc, r))
    r->c = 0;
  return k;
}

/* ---- pass 2: one paragraph ---------------------------------------------- */

typedef struct runs {
  run *items;
  size_t len, cap;
} runs;

/* How many markers cmark used for the emphasis that starts in the source
 * run [from, to) of block `b`: 1 for italics, 2 for bold, 0 when none.
 * (cmark dates an emphasis from the start of its opener's whole run.) */
static size_t S_used_in(const dl_doc *doc, const dl_block *b, size_t from,
                        size_t to) {
  size_t used = 0;
  cmark_iter *it = cmark_iter_new(b->node);
  cmark_event_type ev;
  while (!used && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (ev != CMARK_EVENT_ENTER || (t != CMARK_NODE_EMPH && t != CMARK_NODE_STRONG))
      continue;
    size_t at = dl_doc_offset(doc, cmark_node_get_start_line(n),
                              cmark_node_get_start_column(n));
    if (at >= from && at < to)
      used = t == CMARK_NODE_EMPH ? 1 : 2;
  }
  cmark_iter_free(it);
  return used;
}

/* Can two leftover runs, a before b, be one span spaced wrongly
 * ("**Done. **Next")?  The same marker and length when both are wholly
 * literal.  When cmark used part of b to open another span, b's spare
 * marker closes a ("*intention. ***Startups ... through**": "*" closes
 * "*intention.", "**" opens the bold) unless that other span ends with a
 * closer as long as a, which then was a's ("*doing ... **one ...*": the
 * extra "*" is a stray).  A spare from a closer pairs with an opener that
 * follows ("*ideas*** (**not"), never with another closer ("*a, and**
 * b*": the "**" is a stray). */
static bool S_partners(const dl_doc *doc, const dl_block *blk, const run *a,
                       const run *b) {
  if (a->c != b->c)
    return false;
  bool a_whole = a->nlit == a->end - a->start;
  bool b_whole = b->nlit == b->end - b->start;
  if (a_whole && b_whole)
    return a->nlit == b->nlit;
  if (a_whole && a->can_open && b->can_open && b->lit == b->start)
    return a->nlit == b->nlit &&
           S_used_in(doc, blk, b->start, b->end) != a->nlit;
  return a->nlit == b->nlit && a->can_close && !a->can_open && b->can_open;
}

/* Pairs leftover runs, left to right, and keeps the ones without a
 * partner in `out`. */
static void S_unpaired(const dl_doc *doc, const dl_block *blk,
                       const runs *block, runs *out) {
  bool *paired = dl_xcalloc(block->len ? block->len : 1, sizeof *paired);
  for (size_t i = 0; i < block->len; i++) {
    for (size_t j = i + 1; !paired[i] && j < block->len; j++) {
      if (!paired[j] && S_partners(doc, blk, &block->items[i], &block->items[j]))
        paired[i] = paired[j] = true;
    }
    if (!paired[i]) {
      out->items = dl_xgrow(out->items, &out->cap, out->len + 1,
                            sizeof *out->items);
      out->items[out->len++] = block->items[i];
    }
  }
  free(paired);
}

static void S_collect(const dl_doc *doc, runs *left) {
  runs block = {0};
  for (size_t b = 0; b < doc->nblocks; b++) {
    const dl_text *t = &doc->blocks[b].text;
    block.len = 0;
    for (size_t i = 0; i < t->len;) {
      if (t->s[i] != '*' && t->s[i] != '_') {
        i++;
        continue;
      }
      run r;
      i += S_scan_run(doc, &doc->blocks[b], i, &r);
      if (!r.c)
        continue;
      block.items = dl_xgrow(block.items, &block.cap, block.len + 1,
                             sizeof *block.items);
      block.items[block.len++] = r;
    }
    S_unpaired(doc, &doc->blocks[b], &block, left);
  }
  free(block.items);
}

/* ---- pass 3: the document ------------------------------------------------ */

/* A lone `*` right after a word or a sentence and before a space or a
 * punctuation mark ("price*", "Guaranteed!*", "expectations.*”"): the
 * footnote mark writers use. */
static bool S_footnote_mark(const run *r) {
  if (r->c != '*' || r->nlit != 1 || r->end - r->start != 1 ||
      !(dl_cp_is_space(r->after) || dl_cp_is_punct(r->after)))
    return false;
  return dl_cp_is_alnum(r->before) ||
         (r->before < 0x80 && strchr(".!?)\"'", (int)r->before)) ||
         r->before == 0x201D || r->before == 0x2019;
}

/* A lone `*` and a space glued after a sentence or an image ("...work?*
 * What", "...png)* Item"): a list bullet that lost its line break. */
static bool S_glued_bullet(const run *r) {
  return r->c == '*' && r->end - r->start == 1 && r->space_then_text &&
         !dl_cp_is_alnum(r->before) && !dl_cp_is_space(r->before);
}

/* A paragraph that opens with a lone `*`: a footnote's text. */
static bool S_footnote_text(const run *r) {
  return r->c == '*' && r->end - r->start == 1 && r->block_start &&
         r->can_open;
}

static const char *S_what(size_t n) {
  return n == 1 ? "italics" : n == 2 ? "bold" : "bold italics";
}

static void S_report(const run *r, dl_sink *sink) {
  char marker[8];
  size_t n = r->nlit < sizeof marker - 1 ? r->nlit : sizeof marker - 1;
  memset(marker, r->c, n);
  marker[n] = '\0';
  dl_report(sink,
            r->can_open ? DL_MSG_EMPHASIS_NOT_CLOSED : DL_MSG_EMPHASIS_NOT_OPENED,
            r->lit, r->lit + r->nlit, marker, S_what(n), marker);
}

static void S_check(const dl_doc *doc, dl_sink *sink) {
  runs left = {0};
  S_collect(doc, &left);
  bool open_star = false;     /* a `*` left open in an earlier paragraph */
  bool footnote_mark = false; /* a footnote mark seen earlier */
  for (size_t i = 0; i < left.len; i++) {
    const run *r = &left.items[i];
    if (S_glued_bullet(r))
      continue;
    if (S_footnote_mark(r) && !open_star) {
      footnote_mark = true;
      continue;
    }
    if (S_footnote_text(r) && footnote_mark)
      continue;
    if (r->c == '*' && r->nlit == 1)
      open_star = r->can_open;
    S_report(r, sink);
  }
  free(left.items);
}

const dl_rule_ops dl_ops_unclosed_emphasis = {.check = S_check};
