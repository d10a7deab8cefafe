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
 *   1. per run: escaped markers, code spans, autolinks, bare URLs and
 *      email addresses, image alt text, censored words ("f***",
 *      "****ing"), code written as prose ("window.__pwned", "*.md"),
 *      multiplication ("2*3"), blanks and star ratings ("___", "*****");
 *   2. per paragraph: two leftover runs of the same `*` marker are one span
 *      spaced wrongly ("**Done. **Next"): closed in the writer's mind; but
 *      not when no writer meant that span, nor when one is inside a link's
 *      text and the other outside, nor when the second is a closer glued
 *      after punctuation ("**Note:**The", "_Note:_The"), which CommonMark
 *      ignores;
 *   3. per document: a lone `*` after a word is a footnote mark, and a
 *      paragraph opening with `*` is its footnote, one per mark, at the
 *      end of the post or right after the mark's paragraph (also with
 *      `**`, where the mark ends its paragraph); a lone `* ` glued after
 *      a sentence is a bullet that lost its line break.
 *      But a `*` left open in one paragraph and "closed" in a later one is
 *      a span across paragraphs: both ends are reported.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "registry.h"

typedef struct run {
  char c;                /* '*' or '_' */
  size_t start, end;     /* the whole delimiter run in the source */
  size_t lit, nlit;      /* the unmatched part the reader sees */
  int32_t before, after; /* neighbours; ' ' at a line edge */
  bool can_open, can_close;
  bool space_then_text;  /* followed by one space, then more on the line */
  bool block_start;      /* the first thing in its paragraph */
  bool block_end;        /* the last thing in its paragraph */
  bool glued;            /* a closer CommonMark cannot see (pass 2) */
  bool paired;           /* one of two strays that pair (pass 2) */
  size_t link;           /* 1 + text offset of its link's text; 0: none */
  size_t block;          /* index of its block in the document */
} run;

/* ---- pass 1: one run ---------------------------------------------------- */

/* What pass 1 remembers from one run to the next within a block, so that
 * no run rescans its line or its word: a line of 10,000 nested quote
 * markers, or a 1 MB word of intraword underscores, would otherwise cost
 * its whole length once per marker.  Runs come left to right. */
typedef struct scan {
  size_t line;         /* the line of the last run... */
  size_t content;      /* ...and its first byte after the quote markers */
  bool line_known;
  size_t seen;         /* text bytes [0, seen) are looked at for... */
  size_t word_from;    /* ...where the current word starts (bare URLs) */
  size_t word_probe, word_to; /* no word break in [word_probe, word_to) */
  size_t url_from, url_at; /* first "://" at or after url_from: url_at */
  size_t censored_max; /* letters in the longest censored word */
  size_t link_from, link_to; /* the last stretch of link text seen */
} scan;

/* Offset of the first byte of line `index` that is not indentation or a
 * block-quote marker (cached for the line of the last run). */
static size_t S_line_content(const dl_doc *doc, scan *sc, size_t index,
                             size_t line_start) {
  if (!sc->line_known || sc->line != index) {
    size_t i = line_start;
    while (i < doc->len &&
           (doc->src[i] == ' ' || doc->src[i] == '\t' || doc->src[i] == '>'))
      i++;
    sc->line = index;
    sc->content = i;
    sc->line_known = true;
  }
  return sc->content;
}

static void S_neighbours(const dl_doc *doc, scan *sc, run *r) {
  const char *s;
  size_t n, index = dl_doc_line_index(doc, r->start);
  dl_doc_line(doc, index, &s, &n);
  size_t line_start = (size_t)(s - doc->src), line_end = line_start + n;
  r->before = ' ';
  /* Nothing but indentation and quote markers before the run: it starts
   * the line's content, and its neighbour is the line's edge. */
  if (r->start > S_line_content(doc, sc, index, line_start))
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

static bool S_word_break(char c) { return c == ' ' || c == '\n'; }

/* Is byte i of the text inside a bare URL (http://..., www....)?  The word
 * around i runs back to a space, line break or '(' and on to a space or
 * line break; it is a URL when it starts with "www." or holds "://" after
 * its first byte.  Each of the three is found from where the previous run
 * left it, so a block costs its length once. */
static bool S_in_bare_url(const dl_text *t, scan *sc, size_t i) {
  if (i < sc->seen) { /* runs come in order: start over if they do not */
    sc->seen = sc->word_from = 0;
    sc->word_probe = sc->word_to = 0;
    sc->url_from = sc->url_at = 0;
  }
  for (; sc->seen < i; sc->seen++)
    if (S_word_break(t->s[sc->seen]) || t->s[sc->seen] == '(')
      sc->word_from = sc->seen + 1;
  size_t from = sc->word_from;
  if (i < sc->word_probe || i >= sc->word_to) {
    size_t to = i;
    while (to < t->len && !S_word_break(t->s[to]))
      to++;
    sc->word_probe = i;
    sc->word_to = to;
  }
  size_t to = sc->word_to, n = to - from;
  if (n > 4 && strncmp(t->s + from, "www.", 4) == 0)
    return true;
  size_t want = from + 1;
  if (want < sc->url_from || want > sc->url_at) {
    size_t k = want;
    while (k + 3 <= t->len && memcmp(t->s + k, "://", 3) != 0)
      k++;
    sc->url_from = want;
    sc->url_at = k + 3 <= t->len ? k : t->len;
  }
  return sc->url_at < t->len && sc->url_at + 3 <= to;
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

/* Letters that end a censored word and are a word of their own: stars
 * before them open emphasis on that word ("**it broke", "*hit song"), for
 * censoring keeps the first letters ("sh*t") or hides all but a few that
 * are no word ("***k", "****ing"). */
static const char *const S_plain_tails[] = {
    "it", "its", "hit", "hits", "in", "kin", "king", "rap", "hole", "itch",
    NULL};

/* Is s[0..n), in any case, one of the lower-case words of `list`? */
static bool S_in_list(const char *const *list, const char *s, size_t n) {
  for (const char *const *w = list; *w; w++) {
    size_t k = 0;
    while (k < n && tolower((unsigned char)s[k]) == (*w)[k])
      k++;
    if (k == n && (*w)[k] == '\0')
      return true;
  }
  return false;
}

static bool S_plain_tail(const char *s, size_t n) {
  return S_in_list(S_plain_tails, s, n);
}

/* Is the run part of a word whose letters, with each `*` standing for one
 * letter, spell a censored word?  "**cker", "Sh*t", "Un***king"; never a
 * run followed by a capital ("**Or"), which starts a sentence, nor stars
 * before a plain word ("**its fine"). */
static bool S_censored_word(const dl_doc *doc, const scan *sc, const run *r) {
  if (r->c != '*' || !(dl_cp_is_alnum(r->before) || dl_cp_is_alnum(r->after)))
    return false;
  const char *src = doc->src;
  size_t from = r->start, to = r->end, max = sc->censored_max;
  /* A word longer than every censored word is none of them: stop there,
   * or a long run of letters and stars costs its length per marker. */
  while (from > 0 && to - from <= max &&
         (isalpha((unsigned char)src[from - 1]) || src[from - 1] == '*'))
    from--;
  for (; to < doc->len && to - from <= max &&
         (isalpha((unsigned char)src[to]) || src[to] == '*');
       to++)
    if (isupper((unsigned char)src[to]))
      return false;
  if (to - from > max)
    return false;
  size_t lead = from;
  while (lead < to && src[lead] == '*')
    lead++;
  if (lead > from && !memchr(src + lead, '*', to - lead) &&
      S_plain_tail(src + lead, to - lead))
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

/* A run that is part of code written as prose: an identifier or handle
 * whose underscores follow a dot, slash or sigil ("window.__pwned",
 * "@_user"), or a file glob ("*.md", or stars beside a slash in a path).
 * CommonMark shows it as written, which is what the writer meant.  Not
 * after one colon and before a capital ("_Note:_The", but "std::_M"):
 * that ends a label and starts a sentence, and the `_` is a closer glued
 * to them (pass 2) or a stray. */
static bool S_code_like(const dl_doc *doc, const run *r) {
  if (r->c == '_')
    return r->before < 0x80 && strchr(".@#$/\\:=~", (int)r->before) &&
           r->before != 0 && dl_cp_is_alnum(r->after) &&
           !(r->before == ':' &&
             (r->start < 2 || doc->src[r->start - 2] != ':') &&
             r->after < 0x80 &&
             isupper((int)r->after));
  if (r->end - r->start <= 2 && (r->before == '/' || r->after == '/'))
    return true;
  return r->end + 1 < doc->len && doc->src[r->end] == '.' &&
         isalnum((unsigned char)doc->src[r->end + 1]);
}

/* A lone `*` between two operands ("2*3", "x*y", "n*log(n)",
 * "(a+b)*2"): multiplication, which nobody writes as emphasis.  After a
 * bracket, only before a digit, a bracket or a small letter: "...png)*Note"
 * opens italics after an image. */
static bool S_product(const run *r) {
  if (r->c != '*' || r->end - r->start != 1)
    return false;
  if (dl_cp_is_alnum(r->before))
    return dl_cp_is_alnum(r->after) || r->after == '(';
  return r->before == ')' && (r->after == '(' || (r->after < 0x80 &&
         (isdigit((int)r->after) || islower((int)r->after))));
}

static bool S_local_char(char c) {
  return isalnum((unsigned char)c) || (c && strchr("._%+-", c));
}

/* Is the `_` run inside the local part of a bare email address
 * ("jane_doe_@example.com", "_jane@example.com")?  Bounded by the longest
 * local part (64) and domain (255) an address may have, so a long word of
 * underscores costs no more per marker. */
static bool S_in_email(const dl_doc *doc, const run *r) {
  const char *src = doc->src;
  size_t from = r->start, to = r->end;
  bool alnum = false;
  while (from > 0 && r->start - from < 64 && S_local_char(src[from - 1]))
    alnum |= isalnum((unsigned char)src[--from]) != 0;
  while (to < doc->len && to - r->start < 64 &&
         (S_local_char(src[to]) || src[to] == '_'))
    alnum |= isalnum((unsigned char)src[to++]) != 0;
  if (!alnum || to >= doc->len || src[to] != '@')
    return false;
  size_t at = ++to, dots = 0, label = 0;
  for (; to < doc->len && to - at < 255; to++) {
    if (isalnum((unsigned char)src[to]) || src[to] == '-')
      label++;
    else if (src[to] == '.' && label > 0 && to + 1 < doc->len &&
             isalnum((unsigned char)src[to + 1])) {
      dots++;
      label = 0;
    } else
      break;
  }
  return dots > 0 && label > 0;
}

/* A row of markers that stands apart from words: a blank to fill in
 * ("I want to ___ so that ___.") or a star rating ("Rated *****,"). */
static bool S_row(const run *r) {
  size_t n = r->end - r->start;
  if (dl_cp_is_alnum(r->before) || dl_cp_is_alnum(r->after))
    return false;
  return r->c == '_' ? n >= 3 : n >= 4 && r->nlit == n;
}

/* Which link's text holds text byte i: 1 + the offset where that stretch
 * of link text starts, or 0 outside links.  Runs come left to right, so
 * the stretch is found once and read from `sc` by the runs after. */
static size_t S_link_of(const dl_text *t, scan *sc, size_t i) {
  if (!(t->flags[i] & DL_TX_LINK))
    return 0;
  if (i < sc->link_from || i >= sc->link_to) {
    size_t from = i, to = i + 1;
    while (from > 0 && (t->flags[from - 1] & DL_TX_LINK))
      from--;
    while (to < t->len && (t->flags[to] & DL_TX_LINK))
      to++;
    sc->link_from = from;
    sc->link_to = to;
  }
  return sc->link_from + 1;
}

/* Reads the literal marker run at text byte i into *r; returns the number
 * of text bytes it covers.  r->c is 0 when the run cannot be emphasis. */
static size_t S_scan_run(const dl_doc *doc, const dl_block *b, scan *sc,
                         size_t i, run *r) {
  const dl_text *t = &b->text;
  const char *src = doc->src;
  char c = t->s[i];
  size_t k = 1;
  while (i + k < t->len && t->s[i + k] == c && t->map[i + k] == t->map[i] + k)
    k++;
  *r = (run){.lit = t->map[i], .nlit = k};
  if (src[r->lit] != c || S_escaped(src, r->lit, b->start) ||
      (t->flags[i] & (DL_TX_CODE | DL_TX_AUTOLINK | DL_TX_IMAGE)) ||
      S_in_bare_url(t, sc, i))
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
  r->block_end = i + k == t->len;
  r->link = S_link_of(t, sc, i);
  S_neighbours(doc, sc, r);
  S_flanking(r);
  if ((!r->can_open && !r->can_close) || S_censored_word(doc, sc, r) ||
      S_code_like(doc, r) || S_product(r) || S_row(r) ||
      (c == '_' && S_in_email(doc, r)))
    r->c = 0;
  return k;
}

/* ---- pass 2: one paragraph ---------------------------------------------- */

typedef struct runs {
  run *items;
  size_t len, cap;
} runs;

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
  return S_in_list(S_joins, s, n);
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

static bool S_opening_punct(int32_t cp) {
  return cp < 0x80 ? cp != 0 && strchr("([{<", (int)cp) != NULL
                   : cp == 0x201C || cp == 0x2018 || cp == 0xAB;
}

/* What the reader of a paired a and b sees, a before b: */
typedef enum pair_fate {
  PAIR_QUIET, /* one span spaced wrongly, closed in the writer's mind */
  PAIR_BOTH,  /* two stray markers */
  PAIR_GLUED  /* b closes a but is glued to what follows ("**Note:**The") */
} pair_fate;

/* Does a host name follow the run ("…*hackernoon.com")?  Medium's link
 * cards export as an italic summary glued to the site's name: a shape of
 * the export, in every post that has a card, not a writer's slip. */
static bool S_before_host(const dl_doc *doc, const run *b) {
  size_t i = b->end;
  while (i < doc->len && (isalnum((unsigned char)doc->src[i]) ||
                          doc->src[i] == '-'))
    i++;
  return i > b->end && i + 1 < doc->len && doc->src[i] == '.' &&
         isalpha((unsigned char)doc->src[i + 1]);
}

/* Is b, after punctuation and before a letter ("**Note:**The",
 * "_Note:_The"), the closer of a?  CommonMark lets such a run only open,
 * which the writer cannot see: no spacing slip. */
static bool S_glued_to(const run *a, const run *b) {
  return a->can_open && S_whole(b) && dl_cp_is_punct(b->before) &&
         !S_opening_punct(b->before) && dl_cp_is_alnum(b->after);
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
  if (!S_whole(a) || !S_whole(b))
    return PAIR_QUIET;
  if (a->link != b->link)
    return PAIR_BOTH;
  if (S_glued_to(a, b))
    return S_before_host(doc, b) ? PAIR_QUIET : PAIR_GLUED;
  if (b->after != '[' && S_no_span(doc->src, a->end, b->start))
    return PAIR_BOTH;
  return PAIR_QUIET;
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
        paired[i] = paired[j] = true;
        fate[i] = f == PAIR_BOTH ? PAIR_BOTH : PAIR_QUIET;
        fate[j] = (unsigned char)f;
      }
    }
    if (!paired[i] || fate[i] != PAIR_QUIET) {
      out->items = dl_xgrow(out->items, &out->cap, out->len + 1,
                            sizeof *out->items);
      out->items[out->len] = *a;
      out->items[out->len].paired = paired[i];
      out->items[out->len++].glued = fate[i] == PAIR_GLUED;
    }
  }
  free(sp.items);
  free(fate);
  free(store);
  free(groups);
  free(group_of);
  free(order);
  free(paired);
}

static void S_collect(const dl_doc *doc, runs *left) {
  runs block = {0};
  scan sc = {0};
  for (const char *const *w = S_censored; *w; w++)
    if (strlen(*w) > sc.censored_max)
      sc.censored_max = strlen(*w);
  for (size_t b = 0; b < doc->nblocks; b++) {
    const dl_text *t = &doc->blocks[b].text;
    block.len = 0;
    sc.seen = sc.word_from = sc.word_probe = sc.word_to = 0; /* new text */
    sc.url_from = sc.url_at = 0;
    sc.link_from = sc.link_to = 0;
    for (size_t i = 0; i < t->len;) {
      if (t->s[i] != '*' && t->s[i] != '_') {
        i += strcspn(t->s + i, "*_"); /* text has no NUL but its end */
        continue;
      }
      run r;
      i += S_scan_run(doc, &doc->blocks[b], &sc, i, &r);
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

/* A lone `*` and a space glued after a sentence or an image ("...work?*
 * What", "...png)* Item"): a list bullet that lost its line break.  Not
 * after a number ("40%* last year"): a footnote mark; nor a stray of a
 * pair ("[*the post](u)* now"). */
static bool S_glued_bullet(const run *r) {
  return r->c == '*' && r->end - r->start == 1 && r->space_then_text &&
         !r->paired && !dl_cp_is_alnum(r->before) &&
         !dl_cp_is_space(r->before) && r->before != '%';
}

/* A paragraph that opens with a lone `*` (or `**`: n): a footnote's text. */
static bool S_footnote_text(const run *r, size_t n) {
  return r->c == '*' && r->nlit == n && r->end - r->start == n &&
         r->block_start && r->can_open;
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

static void S_report(const run *r, dl_sink *sink) {
  char marker[8];
  size_t n = r->nlit < sizeof marker - 1 ? r->nlit : sizeof marker - 1;
  memset(marker, r->c, n);
  marker[n] = '\0';
  dl_report(sink,
            r->glued      ? DL_MSG_EMPHASIS_GLUED
            : r->can_open ? DL_MSG_EMPHASIS_NOT_CLOSED
                          : DL_MSG_EMPHASIS_NOT_OPENED,
            r->lit, r->lit + r->nlit, marker, S_what(n), marker);
}

static void S_check(const dl_doc *doc, dl_sink *sink) {
  runs left = {0};
  S_collect(doc, &left);
  bool open_star = false;     /* a `*` left open in an earlier paragraph */
  bool open_bold = false;     /* the same for `**` */
  /* Footnote marks seen and not yet given their note: one note each,
   * in the closing stretch or the paragraph after the last mark. */
  size_t marks = 0, bold_marks = 0;
  size_t next = 0; /* 1 + the block after the last mark's */
  size_t notes_from = S_notes_from(doc, &left);
  /* A `**` after a word is mostly a stray closer ("matters** to us"): it
   * is a footnote mark only where it ends its paragraph and a later
   * paragraph opens with `**`, the note ("grew.**" ... "**Unaudited"). */
  size_t bold_note = 0; /* 1 + the index of the last such note */
  for (size_t i = 0; i < left.len; i++)
    if (S_footnote_text(&left.items[i], 2))
      bold_note = i + 1;
  for (size_t i = 0; i < left.len; i++) {
    const run *r = &left.items[i];
    if (S_glued_bullet(r))
      continue;
    if (S_footnote_mark(doc, r, 1) && !open_star) {
      marks++;
      next = r->block + 2;
      continue;
    }
    if (S_footnote_mark(doc, r, 2) && r->block_end && i + 1 < bold_note &&
        !open_bold) {
      bold_marks++;
      next = r->block + 2;
      continue;
    }
    size_t *owed = S_footnote_text(r, 1)   ? &marks
                   : S_footnote_text(r, 2) ? &bold_marks
                                           : NULL;
    if (owed && *owed > 0 &&
        (r->block >= notes_from || r->block + 1 == next)) {
      (*owed)--;
      continue;
    }
    if (r->c == '*' && r->nlit <= 2)
      *(r->nlit == 1 ? &open_star : &open_bold) = r->can_open && !r->glued;
    S_report(r, sink);
  }
  free(left.items);
}

const dl_rule_ops dl_ops_unclosed_emphasis = {.check = S_check};
