/*
 * repeated_word.c: a word written twice (repeated_word.h).
 */
#include "incoherent_sentence/repeated_word.h"

#include "incoherent_sentence/clause.h"
#include "incoherent_sentence/words.h"

size_t dl_incoh_repeated(const dl_text *t, const dl_token *tok, size_t n) {
  if (dl_incoh_words(tok, n) < 4)
    return 0; /* "Scribble scribble." */
  for (size_t i = 1; i < n; i++) {
    const dl_token *a = &tok[i - 1], *b = &tok[i];
    if (!dl_incoh_word(a) || !dl_incoh_word(b) || a->hash != b->hash ||
        b->from != a->to + 1 || (t->s[a->to] != ' ' && t->s[a->to] != '\n') ||
        ((a->shape | b->shape) & (DL_TOK_LINK | DL_TOK_ALLCAPS)) ||
        (a->shape & DL_TOK_EMPH) != (b->shape & DL_TOK_EMPH) ||
        a->cls == DL_WC_NUMBER || dl_incoh_listed(a, dl_incoh_doubles))
      continue;
    /* "Fake Fake People", "Cray Cray", "the The Conversation": names */
    if ((b->shape & DL_TOK_CAPITAL) ||
        ((a->shape & DL_TOK_CAPITAL) && !(a->shape & DL_TOK_FIRST)))
      continue;
    /* "issue issue [sic]" */
    if (i + 2 < n && tok[i + 1].cls == DL_WC_OPEN_PAREN && dl_incoh_is(&tok[i + 2], "sic"))
      continue;
    return i;
  }
  return 0;
}
