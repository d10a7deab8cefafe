/*
 * fragment.c: a subordinate clause that never reaches its main clause
 * (fragment.h).
 */
#include "incoherent_sentence/fragment.h"

#include <string.h>

#include "incoherent_sentence/clause.h"
#include "incoherent_sentence/words.h"

/* A subordinator glued onto a sentence that no subordinate clause starts
 * like: a conjunction ("When and it lurks"), an imperative ("Unless
 * discuss the plan", "When let me explain", "Unless stop thinking"),
 * "please", "let's", "here's" or "don't".  English never writes these, so
 * they need no search for a main clause.  Not in a question ("When and
 * where should we ...?", "When don't we ...?"); not "when and where" or
 * "unless and until" (a wh-word or a second subordinator after the
 * conjunction), nor "once and for all" or "once or twice", where "once" is
 * an adverb. */
static bool S_glued(const dl_token *tok, size_t f, size_t n, bool question) {
  if (question || f + 2 >= n)
    return false;
  const dl_token *a = &tok[f + 1], *b = &tok[f + 2];
  if (b->cls == DL_WC_END)
    return false;
  switch ((dl_wclass)a->cls) {
  case DL_WC_CONJ:
    if (b->cls == DL_WC_WH || b->cls == DL_WC_SUB)
      return false;
    return !(dl_incoh_is(&tok[f], "once") && (dl_incoh_is(a, "or") || dl_incoh_is(b, "for")));
  case DL_WC_AUX_NOT:
    return true;
  case DL_WC_SUBJ_AUX:
    return dl_incoh_is(a, "let's") || dl_incoh_is(a, "here's");
  case DL_WC_INTERJ:
    return dl_incoh_is(a, "please");
  case DL_WC_VERB:   /* only ever a verb: "give", "discuss" */
  case DL_WC_BRIDGE: /* "see", "imagine" */
    return true;
  case DL_WC_NOUN_VERB: /* "let me", "check the list", "stop thinking" */
  case DL_WC_VERB_ADJ:  /* "clear the way"; but "While free tools" */
    switch ((dl_wclass)b->cls) {
    case DL_WC_OBJ:
    case DL_WC_DET:
    case DL_WC_POSS:
      return true;
    case DL_WC_VERB_ING:
    case DL_WC_VERB_ING_NOUN:
      return dl_incoh_listed(a, dl_incoh_gerund_verbs);
    default:
      return false;
    }
  default:
    return false;
  }
}

/* What introduces a clause that is not the main one: "that", a wh-word, a
 * subordinator ("as", "if", "because"), "like", "than", or a conjunction
 * ("so", or "and" coordinating within the subordinate clause); also a verb
 * that takes a clause without "that" ("assume this approach will"). */
static bool S_introduces(const dl_token *t) {
  switch ((dl_wclass)t->cls) {
  case DL_WC_THAT:
  case DL_WC_WH:
  case DL_WC_SUB:
  case DL_WC_CONJ:
  case DL_WC_BRIDGE:
  case DL_WC_BRIDGE_S:
  case DL_WC_BRIDGE_ED:
    return true;
  default:
    return dl_incoh_is(t, "like") || dl_incoh_is(t, "than");
  }
}

/* The token before i, past adverbs and "not" but not back to `stop`. */
static size_t S_before(const dl_token *tok, size_t stop, size_t i) {
  while (i > stop + 1 &&
         (tok[i - 1].cls == DL_WC_ADV || tok[i - 1].cls == DL_WC_NOT))
    i--;
  return i - 1;
}

/* Is the clause whose subject starts at s introduced as a subordinate one
 * (or coordinated with the first), rather than a new, main clause? */
static bool S_subordinate_at(const dl_token *tok, size_t v, size_t s) {
  return s > v + 1 && S_introduces(&tok[S_before(tok, v, s)]);
}

/* "Achilles's heel": a name with "'s" is a possessive before a noun, not
 * a subject before its verb. */
static bool S_possessive(const dl_text *t, const dl_token *w) {
  const char *e = t->s + w->to;
  size_t len = w->to - w->from;
  return (len > 2 && e[-2] == '\'' && e[-1] == 's') ||
         (len > 4 && memcmp(e - 4, "\xE2\x80\x99s", 4) == 0);
}

/* May a main clause start around token i, after the subordinate clause's
 * verb at v?  Every later clause is read back to what starts it: a verb
 * chain or a coordinated verb goes on the clause before; a subject (a
 * pronoun, or a noun phrase of up to five words) after a word that
 * introduces a subordinate clause starts one more of those; a subject
 * after anything else ("When it rains we stay in", "When the rules are
 * followed a process will emerge"), or a bare verb after anything but "to",
 * an auxiliary or its own subject or object ("When you are done go home"),
 * may start the main clause.  In doubt, it may. */
static bool S_may_start_main(const dl_text *t, const dl_token *tok, size_t v,
                             size_t i, size_t n) {
  dl_wclass c = tok[i].cls;
  if (dl_incoh_is(&tok[i], "then"))
    return true; /* "If you are ready then ship it" */
  if (c == DL_WC_WH && i + 1 < n &&
      (tok[i + 1].cls == DL_WC_DO || tok[i + 1].cls == DL_WC_MODAL ||
       tok[i + 1].cls == DL_WC_AUX_NOT))
    return true; /* a question asked as the main clause: "If one feature
                  * decides it what does that tell you?" */
  if (c == DL_WC_SUBJ || c == DL_WC_SUBJ_AUX)
    return !S_subordinate_at(tok, v, i);
  if (c == DL_WC_IT_YOU) { /* a subject when a verb follows */
    size_t j = i + 1;
    while (j < n && (tok[j].cls == DL_WC_ADV || tok[j].cls == DL_WC_NOT))
      j++;
    return j < n && (dl_incoh_any_verb(tok, j) || tok[j].cls == DL_WC_VERB ||
                     tok[j].cls == DL_WC_BRIDGE) &&
           !S_subordinate_at(tok, v, i);
  }
  size_t p = S_before(tok, v, i);
  if (p <= v)
    return false; /* right after the first verb: its object or chain */
  dl_wclass pc = tok[p].cls;
  if (dl_incoh_chain(&tok[p]) || pc == DL_WC_CONJ || pc == DL_WC_SUBJ ||
      pc == DL_WC_IT_YOU)
    return false; /* the pronoun was read on its own */
  if (pc == DL_WC_THAT || pc == DL_WC_WH)
    return false; /* their own subject: "a sprawl that is difficult" */
  if (c == DL_WC_VERB_ED &&
      (pc == DL_WC_VERB_ING || pc == DL_WC_VERB_ING_NOUN))
    return false; /* "are getting overwhelmed" */
  bool strong = dl_incoh_strong_verb(tok, i) && !dl_incoh_is(&tok[i], "having");
  bool bare = c == DL_WC_VERB || c == DL_WC_BRIDGE || c == DL_WC_BE_BASE;
  /* a plural noun or a name with a verb after it: "teams adapt" */
  bool weak = (c == DL_WC_VERB || c == DL_WC_NOUN_VERB ||
               c == DL_WC_PLURAL_VERB_S || c == DL_WC_VERB_ADJ ||
               c == DL_WC_BRIDGE) &&
              (pc == DL_WC_PLURAL || (pc == DL_WC_NAME && !S_possessive(t, &tok[p])) ||
               (pc == DL_WC_NOUN && c == DL_WC_PLURAL_VERB_S));
  if (strong || weak) {
    size_t s = p + 1;
    while (s > v + 1 && p + 1 - s < 5 && dl_incoh_noun_phrase_word(tok[s - 1].cls))
      s--;
    if (s == p + 1)
      return strong; /* no subject in sight: "based on" is no clause */
    return !S_subordinate_at(tok, v, s);
  }
  if (bare) /* an imperative, unless its subject or object comes first */
    return !dl_incoh_np_word(pc) && pc != DL_WC_PLURAL_VERB_S;
  return false;
}

/* Does a comma, a dash or a colon set off the main clause after the
 * subordinator at f, or a quote, a bracket or an ellipsis within hold one? */
static bool S_set_off(const dl_token *tok, size_t f, size_t n) {
  const dl_token *end = dl_incoh_final(tok, n);
  for (size_t i = f + 1; i < n; i++) {
    dl_wclass c = tok[i].cls;
    if (c == DL_WC_DASH && i + 1 < n && tok[i - 1].cls == DL_WC_NUMBER &&
        tok[i + 1].cls == DL_WC_NUMBER)
      continue; /* a range: "6–12 months" */
    if (c == DL_WC_COMMA || c == DL_WC_SEMI || c == DL_WC_DASH ||
        c == DL_WC_OPEN_PAREN || c == DL_WC_OPEN_QUOTE || c == DL_WC_CODE ||
        c == DL_WC_URL || (c == DL_WC_END && &tok[i] != end))
      return true;
  }
  return false;
}

/* Where the subordinate clause's subject starts after the subordinator at
 * f, or 0 where none does: "When working with X, ..." and "Whenever
 * possible do it" are reduced clauses whose verb is the main one.  An
 * adverb may come first ("Unless even continuous delivery can ..."), but
 * not after "once", an adverb itself ("Once again the team ..."). */
static size_t S_subject(const dl_token *tok, size_t f, size_t n) {
  size_t s0 = f + 1;
  if (tok[s0].cls == DL_WC_ADV && !dl_incoh_is(&tok[f], "once") && s0 + 1 < n) {
    switch ((dl_wclass)tok[s0 + 1].cls) {
    case DL_WC_DET:
    case DL_WC_POSS:
    case DL_WC_SUBJ:
    case DL_WC_SUBJ_AUX:
    case DL_WC_QUANT:
    case DL_WC_DEM:
    case DL_WC_THERE:
    case DL_WC_ADJ: /* checked below: "even continuous delivery" */
    case DL_WC_NOUN_ADJ:
    case DL_WC_PLURAL:
      s0++;
      break;
    default:
      return 0;
    }
  }
  switch ((dl_wclass)tok[s0].cls) {
  case DL_WC_DET:
  case DL_WC_POSS:
  case DL_WC_SUBJ:
  case DL_WC_IT_YOU:
  case DL_WC_NOUN:
  case DL_WC_PLURAL:
  case DL_WC_NAME:
  case DL_WC_UNKNOWN_CAP:
  case DL_WC_QUANT:
  case DL_WC_DEM:
  case DL_WC_PRON:
  case DL_WC_NOUN_VERB:
  case DL_WC_PLURAL_VERB_S: /* "When lots of teams ..." */
  case DL_WC_THERE:         /* "While there are ..." */
    break;
  case DL_WC_SUBJ_AUX: /* "Whereas we're not doomed ..."; not "what's" */
    if (dl_incoh_is(&tok[s0], "what's") || dl_incoh_is(&tok[s0], "who's"))
      return 0;
    break;
  case DL_WC_ADJ:
  case DL_WC_NOUN_ADJ:    /* but "Whenever possible do it" */
  case DL_WC_VERB_ED_ADJ: /* "While experienced leaders ..." */
  {
    size_t j = s0 + 1; /* "Whereas countless new additions ..." */
    while (j < n && j < s0 + 3 &&
           (tok[j].cls == DL_WC_ADJ || tok[j].cls == DL_WC_NOUN_ADJ ||
            tok[j].cls == DL_WC_VERB_ED_ADJ))
      j++;
    if (j < n && (tok[j].cls == DL_WC_PLURAL || tok[j].cls == DL_WC_NOUN ||
                  tok[j].cls == DL_WC_NOUN_VERB))
      break;
    return 0;
  }
  default:
    return 0;
  }
  return s0;
}

/* The subordinate clause's own verb after its subject at s0, or n where it
 * has none ("When in doubt", "While true").  A participle or a noun read as
 * a verb gives way to a finite verb after it with only its noun phrase
 * between ("most venture funded startups are"). */
static size_t S_clause_verb(const dl_token *tok, size_t s0, size_t n) {
  size_t v = s0;
  while (v < n && !dl_incoh_verbish(tok, v))
    v++;
  if (v >= n)
    return n;
  if (!dl_incoh_strong_verb(tok, v)) {
    size_t j = v + 1;
    while (j < n && j < v + 5 && dl_incoh_noun_phrase_word(tok[j].cls))
      j++;
    if (j < n && j > v + 1 && dl_incoh_strong_verb(tok, j))
      v = j;
  }
  return v;
}

/* A second noun phrase before that verb, with nothing to join it to the
 * first, is the main clause's subject: "After a period of smooth sailing
 * our industry is disrupted". */
static bool S_second_subject(const dl_token *tok, size_t s0, size_t v) {
  for (size_t i = s0 + 1; i < v; i++) {
    dl_wclass c = tok[i].cls, p = tok[i - 1].cls;
    if ((c == DL_WC_DET || c == DL_WC_POSS || c == DL_WC_SUBJ ||
         c == DL_WC_SUBJ_AUX || c == DL_WC_DEM || c == DL_WC_IT_YOU) &&
        ((dl_incoh_np_word(p) && p != DL_WC_DET && p != DL_WC_POSS &&
          p != DL_WC_QUANT && p != DL_WC_ADJ) ||
         p == DL_WC_VERB_ING_NOUN || p == DL_WC_PLURAL_VERB_S ||
         p == DL_WC_UNKNOWN || p == DL_WC_NUMBER))
      return true;
  }
  return false;
}

size_t dl_incoh_missing_comma(const dl_token *tok, size_t n) {
  size_t f = dl_incoh_first_word(tok, n);
  size_t s0 = f < n ? S_subject(tok, f, n) : 0;
  if (!s0)
    return 0;
  size_t v = S_clause_verb(tok, s0, n);
  for (size_t i = v + 1; v < n && i + 1 < n; i++) {
    dl_wclass c = tok[i].cls, p = tok[i - 1].cls;
    /* "people", "teams" may be verbs too: subjects right after the verb */
    bool subject = c == DL_WC_SUBJ || c == DL_WC_NOUN || c == DL_WC_PLURAL ||
                   c == DL_WC_NAME ||
                   (i == v + 1 &&
                    (c == DL_WC_NOUN_VERB || c == DL_WC_PLURAL_VERB_S));
    /* a bare subject right after the clause's verb or its object, and
     * its own verb right after it */
    if (subject && (i == v + 1 || dl_incoh_verbish(tok, i - 1) ||
                    p == DL_WC_NOUN || p == DL_WC_PLURAL || p == DL_WC_ADV) &&
        !S_introduces(&tok[i - 1]) && dl_incoh_verbish(tok, i + 1))
      return i;
    if (tok[i].cls == DL_WC_END)
      break;
  }
  return 0;
}

bool dl_incoh_fragment(const dl_text *t, const dl_token *tok, size_t n,
                       bool after_question, bool proofread) {
  size_t f = dl_incoh_first_word(tok, n);
  if (f >= n || f > 1 || after_question)
    return false;
  /* "(Although there seems to be ...)", "(when the day is over)": an
   * aside in brackets, which needs no main clause of its own */
  if (f == 1 && tok[0].cls == DL_WC_OPEN_PAREN)
    return false;
  if (!dl_incoh_listed(&tok[f], dl_incoh_sub_strict) &&
      !(proofread && dl_incoh_listed(&tok[f], dl_incoh_sub_proofread)))
    return false;
  if (dl_incoh_words(tok, n) < 5 || f + 1 >= n)
    return false;
  /* "Once a quarter is not enough": "once" counts times here */
  if (dl_incoh_is(&tok[f], "once") &&
      (dl_incoh_is(&tok[f + 1], "a") || dl_incoh_is(&tok[f + 1], "an") ||
       dl_incoh_is(&tok[f + 1], "every") || dl_incoh_is(&tok[f + 1], "per")))
    return false;
  if (S_set_off(tok, f, n))
    return false;
  if (S_glued(tok, f, n, dl_incoh_ends_with(t, dl_incoh_final(tok, n), '?')))
    return true;
  size_t s0 = S_subject(tok, f, n);
  if (!s0)
    return false;
  size_t v = S_clause_verb(tok, s0, n);
  if (v >= n || S_second_subject(tok, s0, v))
    return false;
  for (size_t i = v + 1; i < n; i++)
    if (S_may_start_main(t, tok, v, i, n))
      return false;
  return true;
}
