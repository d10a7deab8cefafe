/*
 * repeated_word.c: a word, or a phrase of up to four words, written twice
 * in a row (repeated_word.h).  The finding spans the two copies ("a a",
 * "the team the team") and its fix drops the space and the second copy.
 *
 * Doubles writers mean stay quiet, a short list measured on 200 MB of the
 * general-English corpus (corpus/english) and on the published posts:
 * "had had" (464 in the English sample) and "that that" (868) where it is
 * grammatical, that is, not before a full stop or an article ("more
 * insidious that that.", "remains that that the organization"); "done
 * done" (4 in the 18F posts: agile's "done done") and "rah rah"; "very
 * very" (11) and "ha ha" (8); "well well" in quoted speech (the one in
 * the author's posts).  Everything else is reported: "is is" (11 in the
 * English sample, each a slip) among them.
 */
#include "incoherent_sentence/repeated_word.h"

#include <stdlib.h>

#include "draftlint/alloc.h"
#include "incoherent_sentence/clause.h"
#include "incoherent_sentence/words.h"
#include "registry.h"

/* Words whose double is meant (one word repeated; "that": see below). */
static const char *const S_meant[] = {"had",  "done", "rah", "very",
                                      "ha",   "well", NULL};

enum { PHRASE_MAX = 4 };

/* Are tok[i] and tok[i + 1] one space or line break apart, both words? */
static bool S_adjacent(const dl_text *t, const dl_token *a, const dl_token *b) {
  return dl_incoh_word(a) && dl_incoh_word(b) && b->from == a->to + 1 &&
         (t->s[a->to] == ' ' || t->s[a->to] == '\n');
}

/* "that that" is grammatical unless a full stop or an article follows:
 * "I think that that is ..." but "more insidious that that." */
static bool S_grammatical_that(const dl_token *tok, size_t n, size_t second) {
  if (second + 1 >= n)
    return false;
  const dl_token *next = &tok[second + 1];
  return next->cls != DL_WC_END && !dl_incoh_is(next, "the") &&
         !dl_incoh_is(next, "a") && !dl_incoh_is(next, "an");
}

/* Is tok[i, i + k) written again at tok[i + k, i + 2k), word by word? */
static bool S_doubled(const dl_text *t, const dl_token *tok, size_t n,
                      size_t i, size_t k) {
  if (i + 2 * k > n)
    return false;
  for (size_t j = i; j + 1 < i + 2 * k; j++)
    if (!S_adjacent(t, &tok[j], &tok[j + 1]))
      return false;
  for (size_t j = 0; j < k; j++)
    if (tok[i + j].hash != tok[i + k + j].hash)
      return false;
  return true;
}

/* A double no writer slipped into: in a link, in capitals or a name
 * ("Fake Fake People", "Cray Cray", "the The Conversation"), numbers,
 * emphasis on one copy only, "issue issue [sic]", and the list above. */
static bool S_meant_double(const dl_token *tok, size_t n, size_t i, size_t k) {
  const dl_token *a = &tok[i], *b = &tok[i + k];
  for (size_t j = i; j < i + 2 * k; j++)
    if ((tok[j].shape & (DL_TOK_LINK | DL_TOK_ALLCAPS)) ||
        tok[j].cls == DL_WC_NUMBER)
      return true;
  if ((a->shape & DL_TOK_EMPH) != (b->shape & DL_TOK_EMPH) ||
      (b->shape & DL_TOK_CAPITAL) ||
      ((a->shape & DL_TOK_CAPITAL) && !(a->shape & DL_TOK_FIRST)))
    return true;
  size_t after = i + 2 * k;
  if (after + 1 < n && tok[after].cls == DL_WC_OPEN_PAREN &&
      dl_incoh_is(&tok[after + 1], "sic"))
    return true;
  if (k == 1 && dl_incoh_is(a, "that"))
    return S_grammatical_that(tok, n, i + 1);
  return k == 1 && dl_incoh_listed(a, S_meant);
}

size_t dl_incoh_repeated(const dl_text *t, const dl_token *tok, size_t n,
                         size_t *len) {
  if (dl_incoh_words(tok, n) < 4)
    return 0; /* "Scribble scribble." */
  for (size_t i = 0; i + 1 < n; i++)
    for (size_t k = 1; k <= PHRASE_MAX; k++)
      if (S_doubled(t, tok, n, i, k) && !S_meant_double(tok, n, i, k)) {
        *len = k;
        return i + k;
      }
  return 0;
}

size_t dl_incoh_report_repeated(dl_sink *sink, const dl_text *t,
                                const dl_token *tok, size_t n) {
  size_t k = 0, r = dl_incoh_repeated(t, tok, n, &k);
  if (!r)
    return 0;
  const dl_token *first = &tok[r - k], *last = &tok[r + k - 1];
  char *w = dl_xstrndup(t->s + tok[r].from, last->to - tok[r].from);
  for (char *p = w; *p; p++)
    if (*p == '\n')
      *p = ' ';
  size_t from = t->map[first->from], to = t->map[last->to - 1] + 1;
  dl_diag *d = dl_report(sink, DL_MSG_SENTENCE_REPEATED_WORD, from, to, w);
  free(w);
  if (!d)
    return r;
  d->confidence = 0.9375;
  /* The fix drops the space and the second copy, where both stand on one
   * line as plain text (no markup between, which a fix must not touch). */
  const dl_token *a = &tok[r - 1];
  size_t cut = t->map[a->to], end = t->map[last->to - 1] + 1;
  if (t->s[a->to] == ' ' && end - cut == last->to - a->to)
    dl_diag_set_fix(d, cut, end, "");
  return r;
}
