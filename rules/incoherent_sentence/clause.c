/*
 * clause.c: words, final marks and the verb tests of incoherent-sentence
 * (clause.h says how the verb tests differ).
 */
#include "incoherent_sentence/clause.h"

#include <string.h>

#include "incoherent_sentence/words.h"

size_t dl_incoh_words(const dl_token *tok, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; i++)
    w += dl_incoh_word(&tok[i]);
  return w;
}

size_t dl_incoh_first_word(const dl_token *tok, size_t n) {
  size_t i = 0;
  while (i < n && !dl_incoh_word(&tok[i]))
    i++;
  return i;
}

/* The final mark of the sentence (before closing quotes and brackets), or
 * NULL. */
const dl_token *dl_incoh_final(const dl_token *tok, size_t n) {
  size_t i = n;
  while (i > 0 && (tok[i - 1].cls == DL_WC_CLOSE_QUOTE ||
                   tok[i - 1].cls == DL_WC_CLOSE_PAREN))
    i--;
  return i > 0 && tok[i - 1].cls == DL_WC_END ? &tok[i - 1] : NULL;
}

bool dl_incoh_ends_with(const dl_text *t, const dl_token *end, char c) {
  return end && memchr(t->s + end->from, c, end->to - end->from);
}

/* ---- verbs --------------------------------------------------------------- */

/* A finite verb that cannot be read as a noun. */
bool dl_incoh_strong_verb(const dl_token *tok, size_t i) {
  switch ((dl_wclass)tok[i].cls) {
  case DL_WC_BE:
  case DL_WC_HAVE:
  case DL_WC_DO:
  case DL_WC_MODAL:
  case DL_WC_SUBJ_AUX:
  case DL_WC_AUX_NOT:
  case DL_WC_VERB_S:
  case DL_WC_VERB_ED:
  case DL_WC_BRIDGE_S:
  case DL_WC_BRIDGE_ED:
    return true;
  default:
    return false;
  }
}

/* Could the token be a finite verb, reading loosely?  A strong verb, or a
 * word that may be a verb right after what may be its subject. */
bool dl_incoh_verbish(const dl_token *tok, size_t i) {
  if (dl_incoh_strong_verb(tok, i))
    return true;
  switch ((dl_wclass)tok[i].cls) {
  case DL_WC_PLURAL_VERB_S: /* "they lines"? no: "the front lines" */
    return i > 0 && (tok[i - 1].cls == DL_WC_SUBJ ||
                     tok[i - 1].cls == DL_WC_IT_YOU ||
                     tok[i - 1].cls == DL_WC_NAME ||
                     tok[i - 1].cls == DL_WC_NOUN);
  case DL_WC_VERB_ED_ADJ:
  case DL_WC_BRIDGE:
  case DL_WC_VERB:
  case DL_WC_NOUN_VERB:
  case DL_WC_VERB_ADJ:
    return i > 0 && (tok[i - 1].cls == DL_WC_SUBJ ||
                     tok[i - 1].cls == DL_WC_IT_YOU ||
                     tok[i - 1].cls == DL_WC_PLURAL ||
                     tok[i - 1].cls == DL_WC_NOUN ||
                     tok[i - 1].cls == DL_WC_NOUN_VERB ||
                     tok[i - 1].cls == DL_WC_NAME);
  default:
    return false;
  }
}

/* A finite verb of a statement, read a little more loosely than
 * dl_incoh_verbish: after an adverb ("I often opt", "companies never regain") or
 * after a noun the lexicon also reads as an adjective or a verb ("the
 * startup world holds", "the format matters"). */
bool dl_incoh_statement_verb(const dl_token *tok, size_t i) {
  if (dl_incoh_verbish(tok, i))
    return true;
  dl_wclass c = tok[i].cls;
  if (i == 0 || !(c == DL_WC_VERB || c == DL_WC_NOUN_VERB ||
                  c == DL_WC_PLURAL_VERB_S || c == DL_WC_BRIDGE))
    return false;
  dl_wclass p = tok[i - 1].cls;
  if (c == DL_WC_PLURAL_VERB_S &&
      (p == DL_WC_NOUN_ADJ || p == DL_WC_UNKNOWN || p == DL_WC_UNKNOWN_CAP))
    return true;
  if (c == DL_WC_PLURAL_VERB_S && p == DL_WC_NOUN_VERB && i >= 2 &&
      (tok[i - 2].cls == DL_WC_DET || tok[i - 2].cls == DL_WC_POSS ||
       tok[i - 2].cls == DL_WC_DEM))
    return true; /* "the format matters", "our team needs" */
  if (i < 2 || (p != DL_WC_ADV && p != DL_WC_NOT))
    return false;
  dl_wclass q = tok[i - 2].cls;
  return q == DL_WC_SUBJ || q == DL_WC_IT_YOU || q == DL_WC_PLURAL ||
         q == DL_WC_PLURAL_VERB_S || q == DL_WC_NOUN || q == DL_WC_NAME;
}

/* Is token i a verb of any form (finite or not)? */
bool dl_incoh_any_verb(const dl_token *tok, size_t i) {
  switch ((dl_wclass)tok[i].cls) {
  case DL_WC_VERB_ING:
  case DL_WC_VERB_ING_NOUN:
  case DL_WC_VERB_ED:
  case DL_WC_BEEN_BEING:
  case DL_WC_BE_BASE:
    return true;
  default:
    return dl_incoh_verbish(tok, i);
  }
}

bool dl_incoh_strict_finite(const dl_token *tok, size_t i) {
  switch ((dl_wclass)tok[i].cls) {
  case DL_WC_MODAL:
  case DL_WC_BE:
  case DL_WC_AUX_NOT:
  case DL_WC_VERB_S:
  case DL_WC_BRIDGE_S:
    return true;
  case DL_WC_DO:
  case DL_WC_HAVE:
    return !dl_incoh_is(&tok[i], "having") && !dl_incoh_is(&tok[i], "do") &&
           !dl_incoh_is(&tok[i], "have");
  default:
    return false;
  }
}

/* Any finite verb, for finding the clause before a preposition. */
bool dl_incoh_finite_verb_any(const dl_token *tok, size_t j) {
  dl_wclass c = tok[j].cls;
  if (c == DL_WC_VERB_ED || c == DL_WC_BRIDGE_ED)
    return j > 0 && (tok[j - 1].cls == DL_WC_SUBJ ||
                     tok[j - 1].cls == DL_WC_IT_YOU);
  if (c == DL_WC_VERB || c == DL_WC_BRIDGE || c == DL_WC_NOUN_VERB)
    return j > 0 && (tok[j - 1].cls == DL_WC_SUBJ ||
                     tok[j - 1].cls == DL_WC_IT_YOU ||
                     (tok[j - 1].cls == DL_WC_ADV && j > 1 &&
                      tok[j - 2].cls == DL_WC_SUBJ));
  return dl_incoh_strict_finite(tok, j) || c == DL_WC_SUBJ_AUX;
}

bool dl_incoh_auxiliary(const dl_token *tok, size_t i) {
  dl_wclass c = tok[i].cls;
  if (c == DL_WC_HAVE)
    return !dl_incoh_is(&tok[i], "having");
  return c == DL_WC_BE || c == DL_WC_DO || c == DL_WC_MODAL ||
         c == DL_WC_AUX_NOT || c == DL_WC_BE_BASE;
}

/* Words that carry a verb chain on: after one, a verb is the same clause's
 * ("is designed", "will trigger", "to make", "don't be").  An auxiliary, or
 * "been", "being", a pronoun's contraction or "to". */
bool dl_incoh_chain(const dl_token *t) {
  switch ((dl_wclass)t->cls) {
  case DL_WC_BEEN_BEING:
  case DL_WC_SUBJ_AUX:
  case DL_WC_TO:
    return true;
  default:
    return dl_incoh_auxiliary(t, 0);
  }
}

/* ---- noun phrases ---------------------------------------------------- */

bool dl_incoh_np_word(dl_wclass c) {
  switch (c) {
  case DL_WC_DET:
  case DL_WC_POSS:
  case DL_WC_QUANT:
  case DL_WC_ADJ:
  case DL_WC_NOUN:
  case DL_WC_PLURAL:
  case DL_WC_NOUN_ADJ:
  case DL_WC_NOUN_VERB:
  case DL_WC_NAME:
  case DL_WC_UNKNOWN_CAP:
  case DL_WC_PRON:
  case DL_WC_OBJ:
    return true;
  default:
    return false;
  }
}

/* A word of a noun phrase, participles and numbers included ("added
 * complexity", "venture funded startups", "12 months"). */
bool dl_incoh_noun_phrase_word(uint8_t c) {
  return dl_incoh_np_word((dl_wclass)c) || c == DL_WC_VERB_ED_ADJ ||
         c == DL_WC_VERB_ED || c == DL_WC_VERB_ING_NOUN || c == DL_WC_NUMBER ||
         c == DL_WC_UNKNOWN;
}
