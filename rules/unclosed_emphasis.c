/*
 * unclosed_emphasis.c: a * or _ the reader sees because nothing matched it.
 *
 * CommonMark's rendering is the oracle (issue 15): every delimiter run
 * that cmark leaves as literal text, unescaped and outside code, HTML,
 * URLs and autolinks, is reported, unless it is one of the deliberate
 * classes the README lists: inside a word ("snake_case"), a product or an
 * operator ("2*3", "x * y"), a code-like name or glob ("*args",
 * "_config.yml", "*.md"), a censored word, a rating, a blank, or a
 * footnote mark whose note is in the same draft.  tests/corpus/literal.py
 * holds every post of both corpora to that.
 *
 * Three passes (unclosed_emphasis/emphasis.h):
 *   1. per run (run.c): the run, its neighbours and flanking, and the
 *      deliberate classes;
 *   2. per paragraph (pair.c): two leftover `*` runs that are one span
 *      spaced on the wrong side ("**Done. **Next") are one finding, with
 *      a fix that moves the space outside the markers; a closer glued
 *      after punctuation ("**Note:**The") is one finding with a fix that
 *      adds the space; other pairs are two strays;
 *   3. per document (here): a lone `*` or `**` after a word or a sentence
 *      is a footnote mark only when a paragraph opening with the same
 *      stars answers it, one note per mark, at the end of the post or
 *      right after the mark's paragraph; a mark no note answers, and a
 *      note no mark asks for, are reported.  A `*` left open in one
 *      paragraph and "closed" in the next is a span across paragraphs:
 *      both ends are reported.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "registry.h"
#include "unclosed_emphasis/emphasis.h"

/* ---- pass 3: the document ------------------------------------------------ */

/* Does the run follow an image ("![](a.png)*")?  Back from its `)` to
 * the "](" and on to the "![" that open the image, on the run's line and
 * within 1000 bytes.  Each scan stops at the bracket before, so a line of
 * brackets and stars costs its length once, not once per star. */
static bool S_after_image(const dl_doc *doc, const run *r) {
  const char *src = doc->src;
  size_t floor = r->start > 1000 ? r->start - 1000 : 0, k = r->start - 1;
  if (r->before != ')')
    return false;
  while (k > floor && !strchr("()\n", src[k - 1]))
    k--;
  if (k < floor + 2 || src[k - 1] != '(' || src[k - 2] != ']')
    return false;
  for (k -= 2; k > floor && !strchr("[]\n", src[k - 1]);)
    k--;
  return k >= floor + 2 && src[k - 1] == '[' && src[k - 2] == '!';
}

/* A lone `*` (or `**`: n) right after a word, a number or a sentence and
 * before a space or a punctuation mark ("price*", "40%*", "Guaranteed!*",
 * "expectations.*”"): the footnote mark writers use.  Not a stray of a
 * pair ("[*the post](u)* now"), nor after an image, where a footnote is
 * never put and the `*` opens the caption ("![](a.png)*\nCaption"). */
static bool S_footnote_mark(const dl_doc *doc, const run *r, size_t n) {
  if (r->c != '*' || r->nlit != n || r->end - r->start != n || r->glued ||
      r->paired || !(dl_cp_is_space(r->after) || dl_cp_is_punct(r->after)))
    return false;
  return dl_cp_is_alnum(r->before) ||
         (r->before < 0x80 && strchr(".!?)\"'%", (int)r->before) &&
          !S_after_image(doc, r)) ||
         r->before == 0x201D || r->before == 0x2019;
}

/* A paragraph that opens with a lone `*` (or `**`: n): a footnote's text. */
static bool S_footnote_text(const run *r, size_t n) {
  return r->c == '*' && r->nlit == n && r->end - r->start == n &&
         r->block_start && r->can_open && !r->paired;
}

/* The first block of the post's closing stretch of footnotes: every
 * paragraph from there to the end opens with a footnote's star (blocks
 * with no leftover run end the stretch).  Footnotes sit at the end of a
 * post, or right after the paragraph with their mark. */
static size_t S_notes_from(const dl_doc *doc, const runs *left) {
  size_t from = doc->nblocks;
  for (size_t j = left->len; j-- > 0;) {
    const run *r = &left->items[j];
    if (r->block + 1 < from)
      break;
    if (r->block + 1 == from &&
        (S_footnote_text(r, 1) || S_footnote_text(r, 2)))
      from = r->block;
  }
  return from;
}

static const char *S_what(size_t n) {
  return n == 1 ? "italics" : n == 2 ? "bold" : "bold italics";
}

/* The fix of a pair spaced on the wrong side: [a.start, b.end) again
 * with the blanks inside the markers moved outside them, where a word
 * follows or precedes, and dropped where a space or a bracket already
 * is ("**Done. **Next" -> "**Done.** Next"). */
static void S_fix_spacing(const dl_doc *doc, const run *r, dl_diag *d) {
  const char *src = doc->src;
  size_t in = r->end, out = r->partner_start;
  while (in < out && dl_emph_blank(src[in]))
    in++;
  while (out > in && dl_emph_blank(src[out - 1]))
    out--;
  int32_t after = ' ';
  size_t line_end = r->partner_end;
  while (line_end < doc->len && src[line_end] != '\n' && src[line_end] != '\r')
    line_end++;
  if (r->partner_end < line_end)
    dl_utf8_decode(src + r->partner_end, line_end - r->partner_end, &after);
  bool lead = in > r->end && !dl_cp_is_space(r->before) &&
              !dl_emph_opening_punct(r->before);
  bool trail = out < r->partner_start && !dl_cp_is_space(after) &&
               (!dl_cp_is_punct(after) || dl_emph_opening_punct(after));
  size_t n = r->end - r->start, m = r->partner_end - r->partner_start;
  char *text = dl_xmalloc(n + m + (out - in) + 3), *p = text;
  if (lead)
    *p++ = ' ';
  memcpy(p, src + r->start, n);
  p += n;
  memcpy(p, src + in, out - in);
  p += out - in;
  memcpy(p, src + r->partner_start, m);
  p += m;
  if (trail)
    *p++ = ' ';
  *p = '\0';
  dl_diag_set_fix(d, r->start, r->partner_end, text);
  free(text);
}

static void S_report(const dl_doc *doc, const run *r, dl_sink *sink) {
  char marker[8];
  size_t n = r->nlit < sizeof marker - 1 ? r->nlit : sizeof marker - 1;
  memset(marker, r->c, n);
  marker[n] = '\0';
  if (r->spaced) {
    bool inside_open = dl_emph_blank(doc->src[r->end]);
    dl_diag *d = dl_report(sink, DL_MSG_EMPHASIS_SPACING, r->lit,
                           r->partner_lit + n, marker, S_what(n),
                           inside_open ? "after the opening" : "before the closing",
                           marker);
    if (d)
      S_fix_spacing(doc, r, d);
    return;
  }
  dl_diag *d = dl_report(sink,
            r->glued      ? DL_MSG_EMPHASIS_GLUED
            : r->can_open ? DL_MSG_EMPHASIS_NOT_CLOSED
            : r->can_close ? DL_MSG_EMPHASIS_NOT_OPENED
                           : DL_MSG_EMPHASIS_STRAY,
            r->from, r->lit + r->nlit, marker, S_what(n), marker);
  if (d && r->glued) /* "**Note:**The" -> "**Note:** The" */
    dl_diag_set_fix(d, r->end, r->end, " ");
}

/* Is block b the one after the paragraph that left a marker open (1 +
 * that paragraph's index; 0: none)? */
static bool S_left_open(size_t open, size_t b) { return open && open == b; }

/* Footnote marks of n stars waiting for their note, in order. */
typedef struct marks {
  const run **items;
  size_t len, cap, owed; /* owed: the last `owed` have no note yet */
} marks;

static void S_check(const dl_doc *doc, dl_sink *sink) {
  runs left = {0};
  dl_emph_collect(doc, &left);
  /* 1 + the block of a `*` (and of a `**`) left open: a mark in the
   * next paragraph closes it, across the paragraphs. */
  size_t open_star = 0, open_bold = 0;
  /* A mark is quiet only when the post has its note: one note each, in
   * the closing stretch or the paragraph after the last mark. */
  marks pending[2] = {{0}};
  size_t next = 0; /* 1 + the block after the last mark's */
  size_t notes_from = S_notes_from(doc, &left);
  for (size_t i = 0; i < left.len; i++) {
    const run *r = &left.items[i];
    size_t n = r->nlit;
    if (n <= 2 && S_footnote_mark(doc, r, n) &&
        !S_left_open(n == 1 ? open_star : open_bold, r->block)) {
      marks *m = &pending[n - 1];
      m->items = dl_xgrow(m->items, &m->cap, m->len + 1, sizeof *m->items);
      m->items[m->len++] = r;
      m->owed++;
      next = r->block + 2;
      continue;
    }
    if (n <= 2 && S_footnote_text(r, n) && pending[n - 1].owed > 0 &&
        (r->block >= notes_from || r->block + 1 == next)) {
      pending[n - 1].owed--;
      continue;
    }
    if (r->c == '*' && n <= 2)
      *(n == 1 ? &open_star : &open_bold) =
          r->can_open && !r->glued && !r->paired ? r->block + 1 : 0;
    S_report(doc, r, sink);
  }
  /* The marks no note answered, the latest ones: stars the reader sees. */
  for (size_t k = 0; k < 2; k++) {
    for (size_t j = pending[k].len - pending[k].owed; j < pending[k].len; j++)
      S_report(doc, pending[k].items[j], sink);
    free(pending[k].items);
  }
  free(left.items);
}

const dl_rule_ops dl_ops_unclosed_emphasis = {.check = S_check};
