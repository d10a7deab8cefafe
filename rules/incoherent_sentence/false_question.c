/*
 * false_question.c: a statement with a question mark (false_question.h).
 */
#include "incoherent_sentence/false_question.h"

#include "incoherent_sentence/clause.h"
#include "incoherent_sentence/words.h"

/* Words that ask wherever they stand: a wh-word, "whether", "if", "or"
 * (an alternative offered: "ship it or wait?"). */
static bool S_asks_anywhere(const dl_token *tok, size_t i) {
  if (tok[i].cls == DL_WC_WH)
    return true;
  return dl_incoh_is(&tok[i], "what's") || dl_incoh_is(&tok[i], "who's") ||
         dl_incoh_is(&tok[i], "where's") || dl_incoh_is(&tok[i], "how's") ||
         dl_incoh_is(&tok[i], "why's") || dl_incoh_is(&tok[i], "whatever") ||
         dl_incoh_is(&tok[i], "whether") || dl_incoh_is(&tok[i], "if") ||
         dl_incoh_is(&tok[i], "or");
}

/* A pronoun that an inverted auxiliary asks about ("isn't it", "can we");
 * a noun phrase after "is" is more often what it is ("is the goal"). */
static bool S_subject_pronoun(dl_wclass c) {
  return c == DL_WC_SUBJ || c == DL_WC_IT_YOU || c == DL_WC_THERE;
}

/* An auxiliary asks where it opens a clause ("Is it ...", "..., or will
 * we ...", "and did they ...") or comes before a pronoun subject ("...
 * isn't it", "so can we ..."); after its subject it only states ("The
 * teams don't ship?", "Aligning them is the goal?" are statements). */
static bool S_asks(const dl_token *tok, size_t i, size_t f, size_t n) {
  if (S_asks_anywhere(tok, i))
    return true;
  if (!dl_incoh_auxiliary(tok, i))
    return false;
  if (i == f || i == 0 ||
      (i + 1 < n && S_subject_pronoun((dl_wclass)tok[i + 1].cls)))
    return true;
  dl_wclass p = tok[i - 1].cls;
  return p == DL_WC_COMMA || p == DL_WC_CONJ || p == DL_WC_SEMI ||
         p == DL_WC_DASH || p == DL_WC_INTERJ || p == DL_WC_SYMBOL ||
         p == DL_WC_SUB || p == DL_WC_ADV;
}

/* Is there a subject and its verb after the fronted phrase that opens at
 * f ("As individuals we care", "To me, the format matters")? */
static bool S_clause_follows(const dl_token *tok, size_t f, size_t last) {
  for (size_t i = f + 1; i < last; i++)
    if (dl_incoh_statement_verb(tok, i)) {
      dl_wclass p = tok[i - 1].cls;
      if (p == DL_WC_ADV || p == DL_WC_NOT)
        p = tok[i - 2].cls; /* i >= f + 2 here: see dl_incoh_statement_verb */
      return i > f + 1 &&
             (p == DL_WC_SUBJ || p == DL_WC_IT_YOU || p == DL_WC_NOUN ||
              p == DL_WC_PLURAL || p == DL_WC_NAME ||
              p == DL_WC_PLURAL_VERB_S || p == DL_WC_NOUN_ADJ ||
              p == DL_WC_NOUN_VERB || p == DL_WC_UNKNOWN ||
              p == DL_WC_UNKNOWN_CAP);
    }
  return false;
}

/* Does the sentence open like a statement: a noun phrase, a pronoun that
 * states, a fronted phrase ("In this post I offer ..."), or a gerund
 * subject with its verb ("Mirroring the boards feels like overkill")?  A
 * bare verb first is an elided question ("Helping our teams grow?", "Build
 * it anyway?"), "you" first an echo the writer means ("You want them to
 * trust you?"), a conjunction a follow-up ("So now we need them again?"). */
static bool S_states(const dl_token *tok, size_t f, size_t last) {
  switch ((dl_wclass)tok[f].cls) {
  case DL_WC_DET:
  case DL_WC_POSS:
  case DL_WC_QUANT:
  case DL_WC_NOUN:
  case DL_WC_PLURAL:
  case DL_WC_PLURAL_VERB_S: /* "Titles don't mean much?" */
  case DL_WC_NOUN_ADJ:
  case DL_WC_NAME:
  case DL_WC_UNKNOWN_CAP:
  case DL_WC_DEM:
    return true; /* not NOUN_VERB: "Need to show more?" "Try it?" */
  case DL_WC_SUBJ: /* "We ship every week?"; not "I think that is it?" */
    if (f + 1 < last && dl_incoh_is(&tok[f], "i")) {
      size_t v = tok[f + 1].cls == DL_WC_ADV ? f + 2 : f + 1;
      return v < last && !dl_incoh_listed(&tok[v], dl_incoh_musing);
    }
    return true;
  case DL_WC_IT_YOU:
  case DL_WC_SUBJ_AUX:
    if (dl_incoh_is(&tok[f], "i'm") || dl_incoh_is(&tok[f], "i've") ||
        dl_incoh_is(&tok[f], "i'll") || dl_incoh_is(&tok[f], "i'd"))
      return f + 1 < last && !dl_incoh_listed(&tok[f + 1], dl_incoh_musing) &&
             !dl_incoh_is(&tok[f + 1], "say") && !dl_incoh_is(&tok[f + 1], "love");
    return dl_incoh_is(&tok[f], "it") || dl_incoh_is(&tok[f], "it's") ||
           dl_incoh_is(&tok[f], "we're") || dl_incoh_is(&tok[f], "they're") ||
           dl_incoh_is(&tok[f], "we've") || dl_incoh_is(&tok[f], "they've") ||
           dl_incoh_is(&tok[f], "there's") || dl_incoh_is(&tok[f], "here's") ||
           dl_incoh_is(&tok[f], "that's") || dl_incoh_is(&tok[f], "he's") ||
           dl_incoh_is(&tok[f], "she's");
  case DL_WC_PREP:
  case DL_WC_SUB:
  case DL_WC_ADV:
    /* a fronted phrase: a statement only where a subject and its verb
     * follow ("As individuals we care", "In this post I offer") */
    return !dl_incoh_listed(&tok[f], dl_incoh_hedges) && S_clause_follows(tok, f, last);
  case DL_WC_TO: /* "To me, the format matters" */
    return S_clause_follows(tok, f, last);
  case DL_WC_VERB_ING:
  case DL_WC_VERB_ING_NOUN:
    /* a gerund subject with a finite verb of its own, or a participle
     * phrase set off before the clause ("Stepping back, we often talk") */
    for (size_t i = f + 1; i < last && i < f + 8; i++) {
      if (tok[i].cls == DL_WC_COMMA) /* not "Interesting, the work is" */
        return i > f + 1 && S_clause_follows(tok, i, last);
      if (tok[i].cls == DL_WC_THAT || tok[i].cls == DL_WC_WH ||
          tok[i].cls == DL_WC_CONJ)
        return false;
      if (dl_incoh_strict_finite(tok, i)) /* "feels", "is", "will" */
        return true;
    }
    return false;
  default:
    return false;
  }
}

/* Does the sentence open with a list left open, two commas or more and
 * no "and" or "or" before any verb ("Liquid stock, ESPP, Jones Soda on tap
 * in the lunch room?")?  A list offered so is a rhetorical question; one
 * closed with "and" is the subject of a statement ("Data, insights, and
 * action fall ..."). */
static bool S_list_first(const dl_token *tok, size_t f, size_t last) {
  size_t commas = 0;
  for (size_t i = f; i < last && !dl_incoh_statement_verb(tok, i); i++) {
    if (dl_incoh_is(&tok[i], "and") || dl_incoh_is(&tok[i], "or"))
      return false;
    commas += tok[i].cls == DL_WC_COMMA;
  }
  return commas >= 2;
}

bool dl_incoh_false_question(const dl_text *t, const dl_token *tok,
                             size_t n) {
  const dl_token *end = dl_incoh_final(tok, n);
  if (!dl_incoh_ends_with(t, end, '?') || dl_incoh_words(tok, n) < 6)
    return false;
  size_t last = (size_t)(end - tok);
  if (last > 0 && dl_incoh_listed(&tok[last - 1], dl_incoh_tags))
    return false;
  size_t f = dl_incoh_first_word(tok, n);
  if (f >= last || !(tok[f].shape & DL_TOK_CAPITAL))
    return false;
  /* "Yes, this requires a shift?": the interjection is set apart */
  if (f + 2 < last && tok[f].cls == DL_WC_INTERJ &&
      tok[f + 1].cls == DL_WC_COMMA)
    f += 2;
  if ((tok[f].shape & DL_TOK_EMPH) || !S_states(tok, f, last))
    return false;
  /* "Such that the overhead would drop?", "Now that we ship weekly?": a
   * subordinate clause that continues the question before it */
  if (f + 1 < last && tok[f + 1].cls == DL_WC_THAT)
    return false;
  if (S_list_first(tok, f, last))
    return false;
  bool verb = false;
  for (size_t i = 0; i < last; i++) {
    dl_wclass c = tok[i].cls;
    if (c == DL_WC_CODE || c == DL_WC_URL || c == DL_WC_SEMI ||
        c == DL_WC_OPEN_QUOTE || c == DL_WC_CLOSE_QUOTE || c == DL_WC_DASH ||
        c == DL_WC_OPEN_PAREN || c == DL_WC_END)
      return false; /* a quoted or set-off question is out of our depth */
    if (dl_incoh_word(&tok[i]) && S_asks(tok, i, f, n))
      return false;
    verb |= dl_incoh_statement_verb(tok, i);
  }
  return verb;
}
