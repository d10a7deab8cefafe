/*
 * unbalanced_quote.c: quotation marks and brackets left unpaired in a
 * paragraph (unbalanced_quote.h).
 */
#include "incoherent_sentence/unbalanced_quote.h"

#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "incoherent_sentence/clause.h"

/* "a)", "1)", "iv)": a letter, a number or a small roman numeral that
 * enumerates, its ')' paired with no '(' */
static bool S_enumerator(const dl_text *t, const dl_token *p) {
  size_t len = p->to - p->from;
  if (len == 1 && (dl_incoh_word(p) || p->cls == DL_WC_NUMBER))
    return true;
  if (p->cls == DL_WC_NUMBER)
    return len <= 3;
  if (len > 4 || (p->from > 0 && t->s[p->from - 1] != ' ' &&
                  t->s[p->from - 1] != '(' && t->s[p->from - 1] != '\n'))
    return false;
  for (size_t k = p->from; k < p->to; k++)
    if (t->s[k] != 'i' && t->s[k] != 'v' && t->s[k] != 'x')
      return false;
  return true;
}

/* The mouth of an emoticon at i, glued to its eyes and perhaps a nose:
 * ":)", ";-)", "=)", ":(", ":-(". */
static bool S_smiles(const dl_token *tok, size_t i) {
  size_t j = i;
  if (j > 0 && tok[j - 1].to == tok[j].from && tok[j - 1].cp == '-')
    j--; /* the nose */
  if (j == 0 || tok[j - 1].to != tok[j].from)
    return false;
  uint32_t eyes = tok[j - 1].cp;
  return eyes == ':' || eyes == ';' || eyes == '=';
}

/* "(:" and "(;", a smile read backwards, before a space or the end. */
static bool S_smiles_back(const dl_token *tok, size_t i, size_t n) {
  return i + 1 < n && tok[i + 1].from == tok[i].to &&
         (tok[i + 1].cp == ':' || tok[i + 1].cp == ';') &&
         (i + 2 >= n || tok[i + 2].from > tok[i + 1].to);
}

void dl_incoh_collect_marks(const dl_text *t, const dl_token *tok, size_t n,
                            size_t sentence, dl_incoh_marks *m) {
  for (size_t i = 0; i < n; i++) {
    int32_t cp = (int32_t)tok[i].cp;
    char kind;
    if (cp == '"' || cp == 0x201C || cp == 0x201D)
      kind = '"';
    else if (cp == '(' || cp == ')')
      kind = '(';
    else /* square brackets are link syntax: a broken link is a Markdown
          * slip (tbm-link reports the newsletter's own), not a sentence's */
      continue;
    bool open = tok[i].cls == DL_WC_OPEN_QUOTE || tok[i].cls == DL_WC_OPEN_PAREN;
    /* "a)" and "1)" enumerate, ":)" and ";)" smile: such a ')' may stay
     * unpaired, while "(s)" and "(2)" pair as usual */
    bool loose = false;
    /* "](" starts a link's destination that CommonMark did not take: the
     * same Markdown slip, whose '(' may stay unpaired */
    if (cp == '(' && i > 0 && tok[i - 1].to == tok[i].from &&
        tok[i - 1].cp == ']')
      loose = true;
    if (cp == ')' && i > 0 && tok[i - 1].to == tok[i].from)
      loose = S_enumerator(t, &tok[i - 1]) || S_smiles(tok, i);
    /* inches ("a 27" monitor", "12” MacBook") close nothing, unless a
     * quote waits */
    if ((cp == '"' || cp == 0x201D) && !open && i > 0 &&
        tok[i - 1].to == tok[i].from &&
        tok[i - 1].cls == DL_WC_NUMBER)
      loose = true;
    if (cp == '(' && (S_smiles(tok, i) || S_smiles_back(tok, i, n)))
      continue; /* ":(" frowns: no bracket to pair at all */
    m->items = dl_xgrow(m->items, &m->cap, m->len + 1, sizeof *m->items);
    m->items[m->len++] =
        (dl_incoh_mark){sentence, tok[i].from, tok[i].to, open, loose, kind};
  }
}

/* Pairs the marks of a paragraph, innermost first, as a reader does: an
 * opener waits on a stack of its kind until a closer of the same kind
 * takes it.  Straight quotes are read as opening or closing from the
 * spaces around them, which can misread one; so two leftover quotes pair in
 * order whatever their reading.  Returns the unpaired marks, compacted at
 * the front of m. */
static size_t S_unpaired(dl_incoh_marks *m) {
  bool *used = dl_xcalloc(m->len + 1, sizeof *used);
  size_t *stack = dl_xmalloc((m->len + 1) * sizeof *stack);
  static const char kinds[] = {'"', '('};
  for (size_t k = 0; k < sizeof kinds; k++) {
    size_t top = 0;
    for (size_t i = 0; i < m->len; i++) {
      if (m->items[i].kind != kinds[k])
        continue;
      if (m->items[i].open)
        stack[top++] = i;
      else if (top > 0 && !m->items[i].loose) {
        size_t o = stack[--top];
        used[o] = used[i] = true;
      }
    }
  }
  /* a loose closer ("a)", ":)") takes an opener only if nothing else did:
   * "(it depends on 1) other items, 2) learning)" pairs its outer marks.
   * Read from the end, the free loose closers of a kind wait on a stack,
   * nearest on top: each opener takes the nearest after it, in one pass */
  size_t *loose = dl_xmalloc(2 * (m->len + 1) * sizeof *loose);
  size_t nloose[2] = {0};
  for (size_t i = m->len; i-- > 0;) {
    size_t *free_ = loose + (m->items[i].kind == '"' ? 0 : m->len + 1);
    size_t *nfree = &nloose[m->items[i].kind == '"' ? 0 : 1];
    if (!m->items[i].open && m->items[i].loose)
      free_[(*nfree)++] = i;
    else if (!used[i] && m->items[i].open && *nfree > 0)
      used[i] = used[free_[--*nfree]] = true;
  }
  free(loose);
  for (size_t i = 0; i < m->len; i++) {
    if (used[i] || m->items[i].kind != '"' || m->items[i].loose)
      continue;
    for (size_t j = i + 1; j < m->len; j++) {
      if (used[j] || m->items[j].kind != '"' || m->items[j].loose)
        continue;
      used[i] = used[j] = true;
      break;
    }
  }
  size_t k = 0;
  for (size_t i = 0; i < m->len; i++)
    if (!used[i] && !m->items[i].loose)
      m->items[k++] = m->items[i];
  free(stack);
  free(used);
  return k;
}

/* Where the last cut-off ellipsis of a block ends: an opening mark before
 * it ("Secrets of Great Management (Pragmatic..", a link card's "(Cost
 * of…") lost its closing mark to the cut; the writer did not forget it.
 * Found once per block, so many marks cost no more than one. */
static size_t S_last_cut(const dl_text *t) {
  size_t last = 0;
  for (size_t i = 0; i + 1 < t->len; i++) {
    size_t after = 0;
    if (t->s[i] == '.' && t->s[i + 1] == '.')
      after = i + 2;
    else if (i + 2 < t->len && memcmp(t->s + i, "\xE2\x80\xA6", 3) == 0)
      after = i + 3;
    while (after && after < t->len && t->s[after] == '.')
      after++;
    /* a cut ends its line or leaves no space after its ellipsis:
     * "(Pragmatic..", "(Cost of…hackernoon.com"; a pause ("… and then")
     * goes on after a space */
    if (after && (after >= t->len || t->s[after] != ' '))
      last = after;
    if (after)
      i = after - 1;
  }
  return last; /* 0: none; else just past the last cut */
}

/* Does a block's text open with a quotation mark?  A quotation that runs
 * over several paragraphs leaves each one open and opens the next. */
static bool S_opens_with_quote(const dl_text *t) {
  int32_t cp;
  if (!t->len)
    return false;
  dl_utf8_decode(t->s, t->len, &cp);
  return cp == '"' || cp == 0x201C || cp == 0x00AB;
}

size_t dl_incoh_unbalanced(dl_incoh_marks *m, const dl_text *t,
                           const dl_text *next) {
  size_t k = S_unpaired(m);
  bool continued = next && S_opens_with_quote(next);
  size_t last_cut = k ? S_last_cut(t) : 0;
  size_t kept = 0;
  for (size_t j = 0; j < k; j++) {
    const dl_incoh_mark *q = &m->items[j];
    if (q->open && q->kind == '"' && continued)
      continue;
    if (q->open && q->to < last_cut)
      continue;
    m->items[kept++] = *q;
  }
  return kept;
}
