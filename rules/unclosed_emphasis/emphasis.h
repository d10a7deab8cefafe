/*
 * emphasis.h: what the three passes of unclosed-emphasis share: a literal
 * delimiter run as the passes see it, and the passes' entry points.
 *
 *   run.c    pass 1: one run, its neighbours, flanking and the deliberate
 *            classes (escapes, code, URLs, censored words, code-like names,
 *            products, e-mail addresses, blanks and ratings);
 *   pair.c   pass 2: one paragraph's leftover runs paired (spaced wrongly,
 *            glued closers, strays);
 *   ../unclosed_emphasis.c   pass 3: footnotes across the document, and
 *            the findings with their fixes.
 *
 * Ownership: dl_emph_collect appends to the caller's list, which the
 * caller frees (items only); a run borrows nothing.
 */
#ifndef DRAFTLINT_UNCLOSED_EMPHASIS_H
#define DRAFTLINT_UNCLOSED_EMPHASIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "draftlint/doc.h"

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
  bool spaced;           /* opens a pair spaced on the wrong side (pass 2) */
  size_t from;           /* where its finding starts (a glued pair's opener) */
  size_t partner_start, partner_end, partner_lit; /* a spaced pair's closer */
  size_t link;           /* 1 + text offset of its link's text; 0: none */
  size_t block;          /* index of its block in the document */
} run;

typedef struct runs {
  run *items;
  size_t len, cap;
} runs;

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

/* Pass 1: reads the literal marker run at text byte i of block b into *r
 * and returns the number of text bytes it covers; r->c is 0 when the run
 * is deliberate or cannot be emphasis.  Runs of a block come left to
 * right, after dl_emph_scan_start. */
void dl_emph_scan_start(scan *sc);
size_t dl_emph_scan_run(const dl_doc *doc, const dl_block *b, scan *sc,
                        size_t i, run *r);

/* Passes 1 and 2: every block's runs, paired; appends those to report,
 * or to weigh as footnotes, to `left`, in document order. */
void dl_emph_collect(const dl_doc *doc, runs *left);

/* Is s[0..n), in any case, one of the lower-case words of `list`? */
bool dl_emph_in_list(const char *const *list, const char *s, size_t n);

static inline bool dl_emph_opening_punct(int32_t cp) {
  return cp < 0x80 ? cp != 0 && strchr("([{<", (int)cp) != NULL
                   : cp == 0x201C || cp == 0x2018 || cp == 0xAB;
}

static inline bool dl_emph_blank(char c) { return c == ' ' || c == '\t'; }

#endif
