/*
 * incoherent_sentence.c: sentences a reader cannot follow.
 *
 * Each paragraph sentence is tokenized with its word classes (tokens.h,
 * lexicon.h), then judged five ways, each a kind of its own:
 *
 *   splice           the splice scorer (splice.h), a model trained on
 *                    synthetic splices, above the threshold of the chosen
 *                    sensitivity;
 *   fragment         opens with a subordinator ("When", "While") and
 *                    never reaches a main clause: no comma or dash, and no
 *                    later subject or verb that "that", a wh-word, a
 *                    subordinator or a conjunction does not tie to the
 *                    subordinate clause; or the subordinator is glued onto
 *                    a conjunction or an imperative ("When and it ...",
 *                    "Unless discuss the plan");
 *   false-question   ends with '?', opens like a statement (a noun phrase,
 *                    a gerund subject, a fronted phrase and its clause),
 *                    and has no wh-word and no auxiliary where a clause
 *                    starts or before its subject; not a tag question, a
 *                    hedge ("Maybe ...") or thinking aloud ("I think ...");
 *   unbalanced-quote a double quotation mark or bracket left unpaired in
 *                    its paragraph (quotations often span sentences, so
 *                    pairing is per paragraph), reported on its sentence;
 *   repeated-word    the same word twice in a row ("the the").
 *
 * The span of a finding is the sentence (dl_sentence_range).  The
 * closed-class heuristics are deliberately narrow: the corpus of published
 * posts (tests/corpus) bounds their false alarms.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "rules.h"
#include "draftlint/sentence.h"
#include "lang/splice.h"

typedef struct state {
  dl_lexicon *lex;
  dl_splice_model *model;
  double threshold;
  bool proofread; /* sensitivity = proofread: a deliberate read */
} state;

/* sensitivity: how sure the rule must be before it speaks (strict, the
 * default: almost no false alarms; proofread: a deliberate read before
 * publishing).  model: a model `draftlint learn` made. */
static const dl_option S_options[] = {
    {"model", NULL, "the path of a model file"},
    {"sensitivity", "strict, proofread", NULL},
};
enum { S_LEXICON, S_MODEL, S_NGRAM };
static const dl_data_file S_files[] = {
    [S_LEXICON] = {"wordnet.lex", "the lexicon", NULL, 16, true, false},
    [S_MODEL] = {"sentence.model", "the sentence model", "model",
                 DL_SPLICE_HEADER_V1, true, false},
    /* needed only by a model trained with it, which says so */
    [S_NGRAM] = {"english.ngram", "the n-gram table", NULL, DL_NGRAM_HEADER,
                 true, true},
};

static int S_load(const dl_settings *settings, const dl_data *data,
                  void **out, char **error) {
  state *st = dl_xcalloc(1, sizeof *st);
  const dl_data *lex = &data[S_LEXICON], *model = &data[S_MODEL];
  dl_data_ref ngram = {data[S_NGRAM].bytes, data[S_NGRAM].len,
                       data[S_NGRAM].path, data[S_NGRAM].error};
  if (dl_lexicon_attach(lex->bytes, lex->len, lex->path, &st->lex, error)) {
    free(st);
    return -1;
  }
  if (dl_splice_model_attach(model->bytes, model->len, model->path, st->lex,
                             &ngram, &st->model, error) != 0) {
    dl_lexicon_close(st->lex);
    free(st);
    return -1;
  }
  st->proofread = dl_option_choice(settings, DL_RULE_INCOHERENT_SENTENCE,
                                   "sensitivity") == 1;
  st->threshold = st->proofread ? st->model->proofread : st->model->strict;
  *out = st;
  return 0;
}

static void S_unload(void *p) {
  state *st = p;
  if (!st)
    return;
  dl_splice_model_close(st->model);
  dl_lexicon_close(st->lex);
  free(st);
}

/* ---- helpers ------------------------------------------------------------ */

static bool S_is(const dl_token *t, const char *word) {
  return t->hash == dl_word_hash(word, strlen(word));
}

static bool S_word(const dl_token *t) { return t->shape & DL_TOK_WORD; }

static size_t S_words(const dl_token *tok, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; i++)
    w += S_word(&tok[i]);
  return w;
}

/* The final mark of the sentence (before closing quotes and brackets), or
 * NULL. */
static const dl_token *S_final(const dl_token *tok, size_t n) {
  size_t i = n;
  while (i > 0 && (tok[i - 1].cls == DL_WC_CLOSE_QUOTE ||
                   tok[i - 1].cls == DL_WC_CLOSE_PAREN))
    i--;
  return i > 0 && tok[i - 1].cls == DL_WC_END ? &tok[i - 1] : NULL;
}

static bool S_ends_with(const dl_text *t, const dl_token *end, char c) {
  return end && memchr(t->s + end->from, c, end->to - end->from);
}

/* Could the token be a finite verb, reading loosely? */
static bool S_verbish(const dl_token *tok, size_t i) {
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

static size_t S_first_word(const dl_token *tok, size_t n) {
  size_t i = 0;
  while (i < n && !S_word(&tok[i]))
    i++;
  return i;
}

/* ---- fragment ------------------------------------------------------------ */

/* A finite verb that cannot be read as a noun. */
static bool S_strong_verb(const dl_token *tok, size_t i) {
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

/* Subordinators that start a fragment when nothing follows the clause.
 * "Because" and "though" also start deliberate fragments (an answer, an
 * afterthought), so strict leaves them to proofread. */
static const char *const S_sub_strict[] = {"when", "while", "whereas",
                                           "unless", "once", "whenever",
                                           "although", NULL};
static const char *const S_sub_proofread[] = {"if", "since", "until",
                                              "because", "though", "after",
                                              "before", NULL};

static bool S_listed(const dl_token *t, const char *const *list) {
  for (; *list; list++)
    if (S_is(t, *list))
      return true;
  return false;
}

static bool S_np_word(dl_wclass c);
static bool S_any_verb(const dl_token *tok, size_t i);
static bool S_strict_finite(const dl_token *tok, size_t i);

/* Verbs that take a gerund ("stop thinking"): after a subordinator, one of
 * them before an -ing form is an imperative, where another noun-or-verb
 * word is a compound's first noun ("When design thinking fails"). */
static const char *const S_gerund_verbs[] = {"stop", "start", "keep", "quit",
                                             "try", "avoid", "begin", NULL};

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
    return !(S_is(&tok[f], "once") && (S_is(a, "or") || S_is(b, "for")));
  case DL_WC_AUX_NOT:
    return true;
  case DL_WC_SUBJ_AUX:
    return S_is(a, "let's") || S_is(a, "here's");
  case DL_WC_INTERJ:
    return S_is(a, "please");
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
      return S_listed(a, S_gerund_verbs);
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
    return S_is(t, "like") || S_is(t, "than");
  }
}

/* Words that carry a verb chain on: after one, a verb is the same clause's
 * ("is designed", "will trigger", "to make", "don't be"). */
static bool S_chain(const dl_token *t) {
  switch ((dl_wclass)t->cls) {
  case DL_WC_BE:
  case DL_WC_BE_BASE:
  case DL_WC_BEEN_BEING:
  case DL_WC_DO:
  case DL_WC_MODAL:
  case DL_WC_AUX_NOT:
  case DL_WC_SUBJ_AUX:
  case DL_WC_TO:
    return true;
  case DL_WC_HAVE:
    return !S_is(t, "having");
  default:
    return false;
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

/* A word of a noun phrase, participles and numbers included ("added
 * complexity", "venture funded startups", "12 months"). */
static bool S_noun_phrase_word(uint8_t c) {
  return S_np_word((dl_wclass)c) || c == DL_WC_VERB_ED_ADJ ||
         c == DL_WC_VERB_ED || c == DL_WC_VERB_ING_NOUN || c == DL_WC_NUMBER ||
         c == DL_WC_UNKNOWN;
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
  if (S_is(&tok[i], "then"))
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
    return j < n && (S_any_verb(tok, j) || tok[j].cls == DL_WC_VERB ||
                     tok[j].cls == DL_WC_BRIDGE) &&
           !S_subordinate_at(tok, v, i);
  }
  size_t p = S_before(tok, v, i);
  if (p <= v)
    return false; /* right after the first verb: its object or chain */
  dl_wclass pc = tok[p].cls;
  if (S_chain(&tok[p]) || pc == DL_WC_CONJ || pc == DL_WC_SUBJ ||
      pc == DL_WC_IT_YOU)
    return false; /* the pronoun was read on its own */
  if (pc == DL_WC_THAT || pc == DL_WC_WH)
    return false; /* their own subject: "a sprawl that is difficult" */
  if (c == DL_WC_VERB_ED &&
      (pc == DL_WC_VERB_ING || pc == DL_WC_VERB_ING_NOUN))
    return false; /* "are getting overwhelmed" */
  bool strong = S_strong_verb(tok, i) && !S_is(&tok[i], "having");
  bool bare = c == DL_WC_VERB || c == DL_WC_BRIDGE || c == DL_WC_BE_BASE;
  /* a plural noun or a name with a verb after it: "teams adapt" */
  bool weak = (c == DL_WC_VERB || c == DL_WC_NOUN_VERB ||
               c == DL_WC_PLURAL_VERB_S || c == DL_WC_VERB_ADJ ||
               c == DL_WC_BRIDGE) &&
              (pc == DL_WC_PLURAL || (pc == DL_WC_NAME && !S_possessive(t, &tok[p])) ||
               (pc == DL_WC_NOUN && c == DL_WC_PLURAL_VERB_S));
  if (strong || weak) {
    size_t s = p + 1;
    while (s > v + 1 && p + 1 - s < 5 && S_noun_phrase_word(tok[s - 1].cls))
      s--;
    if (s == p + 1)
      return strong; /* no subject in sight: "based on" is no clause */
    return !S_subordinate_at(tok, v, s);
  }
  if (bare) /* an imperative, unless its subject or object comes first */
    return !S_np_word(pc) && pc != DL_WC_PLURAL_VERB_S;
  return false;
}

static bool S_fragment(const state *st, const dl_text *t,
                       const dl_token *tok, size_t n, bool after_question) {
  size_t f = S_first_word(tok, n);
  if (f >= n || f > 1 || after_question)
    return false;
  if (!S_listed(&tok[f], S_sub_strict) &&
      !(st->proofread &&
        S_listed(&tok[f], S_sub_proofread)))
    return false;
  if (S_words(tok, n) < 5 || f + 1 >= n)
    return false;
  /* "Once a quarter is not enough": "once" counts times here */
  if (S_is(&tok[f], "once") &&
      (S_is(&tok[f + 1], "a") || S_is(&tok[f + 1], "an") ||
       S_is(&tok[f + 1], "every") || S_is(&tok[f + 1], "per")))
    return false;
  /* a comma, a dash or a colon may set off the main clause, and a quote,
   * a bracket or an ellipsis within may hold one */
  const dl_token *end = S_final(tok, n);
  for (size_t i = f + 1; i < n; i++) {
    dl_wclass c = tok[i].cls;
    if (c == DL_WC_DASH && i + 1 < n && tok[i - 1].cls == DL_WC_NUMBER &&
        tok[i + 1].cls == DL_WC_NUMBER)
      continue; /* a range: "6–12 months" */
    if (c == DL_WC_COMMA || c == DL_WC_SEMI || c == DL_WC_DASH ||
        c == DL_WC_OPEN_PAREN || c == DL_WC_OPEN_QUOTE || c == DL_WC_CODE ||
        c == DL_WC_URL || (c == DL_WC_END && &tok[i] != end))
      return false;
  }
  if (S_glued(tok, f, n, S_ends_with(t, end, '?')))
    return true;
  /* a subject must follow: "When working with X, ..." and "Whenever
   * possible do it" are reduced clauses whose verb is the main one.  An
   * adverb may come first ("Unless even continuous delivery can ..."),
   * but not after "once", an adverb itself ("Once again the team ..."). */
  size_t s0 = f + 1;
  if (tok[s0].cls == DL_WC_ADV && !S_is(&tok[f], "once") && s0 + 1 < n) {
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
      return false;
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
    if (S_is(&tok[s0], "what's") || S_is(&tok[s0], "who's"))
      return false;
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
    return false;
  }
  default:
    return false;
  }
  /* the subordinate clause's own verb; a participle or a noun read as a
   * verb gives way to a finite verb after it with only its noun phrase
   * between ("most venture funded startups are") */
  size_t v = s0;
  while (v < n && !S_verbish(tok, v))
    v++;
  if (v >= n)
    return false; /* "When in doubt" or "While true": no clause */
  if (!S_strong_verb(tok, v)) {
    size_t j = v + 1;
    while (j < n && j < v + 5 && S_noun_phrase_word(tok[j].cls))
      j++;
    if (j < n && j > v + 1 && S_strong_verb(tok, j))
      v = j;
  }
  /* a second noun phrase before that verb, with nothing to join it to the
   * first, is the main clause's subject: "After a period of smooth sailing
   * our industry is disrupted" */
  for (size_t i = s0 + 1; i < v; i++) {
    dl_wclass c = tok[i].cls, p = tok[i - 1].cls;
    if ((c == DL_WC_DET || c == DL_WC_POSS || c == DL_WC_SUBJ ||
         c == DL_WC_SUBJ_AUX || c == DL_WC_DEM || c == DL_WC_IT_YOU) &&
        ((S_np_word(p) && p != DL_WC_DET && p != DL_WC_POSS &&
          p != DL_WC_QUANT && p != DL_WC_ADJ) ||
         p == DL_WC_VERB_ING_NOUN || p == DL_WC_PLURAL_VERB_S ||
         p == DL_WC_UNKNOWN || p == DL_WC_NUMBER))
      return false;
  }
  for (size_t i = v + 1; i < n; i++)
    if (S_may_start_main(t, tok, v, i, n))
      return false;
  return true;
}

/* ---- false question --------------------------------------------------- */

/* Words that make a statement a question when they end it ("..., right?"). */
static const char *const S_tags[] = {"right", "no", "ok", "okay", "yes",
                                     "huh", "eh", "correct", "true", "yeah",
                                     "anyone", "really", "not", "either",
                                     NULL};

/* Words that ask wherever they stand: a wh-word, "whether", "if", "or"
 * (an alternative offered: "ship it or wait?"). */
static bool S_asks_anywhere(const dl_token *tok, size_t i) {
  if (tok[i].cls == DL_WC_WH)
    return true;
  return S_is(&tok[i], "what's") || S_is(&tok[i], "who's") ||
         S_is(&tok[i], "where's") || S_is(&tok[i], "how's") ||
         S_is(&tok[i], "why's") || S_is(&tok[i], "whatever") ||
         S_is(&tok[i], "whether") || S_is(&tok[i], "if") ||
         S_is(&tok[i], "or");
}

static bool S_auxiliary(const dl_token *tok, size_t i) {
  dl_wclass c = tok[i].cls;
  if (c == DL_WC_HAVE)
    return !S_is(&tok[i], "having");
  return c == DL_WC_BE || c == DL_WC_DO || c == DL_WC_MODAL ||
         c == DL_WC_AUX_NOT || c == DL_WC_BE_BASE;
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
  if (!S_auxiliary(tok, i))
    return false;
  if (i == f || i == 0 ||
      (i + 1 < n && S_subject_pronoun((dl_wclass)tok[i + 1].cls)))
    return true;
  dl_wclass p = tok[i - 1].cls;
  return p == DL_WC_COMMA || p == DL_WC_CONJ || p == DL_WC_SEMI ||
         p == DL_WC_DASH || p == DL_WC_INTERJ || p == DL_WC_SYMBOL ||
         p == DL_WC_SUB || p == DL_WC_ADV;
}

/* A finite verb of a statement, read a little more loosely than
 * S_verbish: after an adverb ("I often opt", "companies never regain") or
 * after a noun the lexicon also reads as an adjective or a verb ("the
 * startup world holds", "the format matters"). */
static bool S_statement_verb(const dl_token *tok, size_t i) {
  if (S_verbish(tok, i))
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

/* Is there a subject and its verb after the fronted phrase that opens at
 * f ("As individuals we care", "To me, the format matters")? */
static bool S_clause_follows(const dl_token *tok, size_t f, size_t last) {
  for (size_t i = f + 1; i < last; i++)
    if (S_statement_verb(tok, i)) {
      dl_wclass p = tok[i - 1].cls;
      if (p == DL_WC_ADV || p == DL_WC_NOT)
        p = tok[i - 2].cls; /* i >= f + 2 here: see S_statement_verb */
      return i > f + 1 &&
             (p == DL_WC_SUBJ || p == DL_WC_IT_YOU || p == DL_WC_NOUN ||
              p == DL_WC_PLURAL || p == DL_WC_NAME ||
              p == DL_WC_PLURAL_VERB_S || p == DL_WC_NOUN_ADJ ||
              p == DL_WC_NOUN_VERB || p == DL_WC_UNKNOWN ||
              p == DL_WC_UNKNOWN_CAP);
    }
  return false;
}

/* Openings of a question the writer means although it states: hedges
 * and follow-ups ("Maybe they are incompetent?", "Because it is easy?",
 * "Even as a thought?"), and thinking aloud ("I think that is what you
 * mean?"). */
static const char *const S_hedges[] = {
    "maybe",  "perhaps", "probably", "possibly", "surely", "really",
    "so",     "then",    "now",      "still",    "again",  "also",
    "even",   "just",    "only",     "already",  "yet",    "because",
    "unless", "until",   "like",     "than",     "not",    "together",
    "besides", "plus",   "instead",  "otherwise", NULL};
static const char *const S_musing[] = {
    "think",  "guess", "suppose", "wonder", "mean", "assume", "imagine",
    "bet",    "hope",  "reckon",  "gather", "presume", "take", "figure",
    "doubt",  "believe", "expect", "feel",  "wish",  "sense", NULL};

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
    if (f + 1 < last && S_is(&tok[f], "i")) {
      size_t v = tok[f + 1].cls == DL_WC_ADV ? f + 2 : f + 1;
      return v < last && !S_listed(&tok[v], S_musing);
    }
    return true;
  case DL_WC_IT_YOU:
  case DL_WC_SUBJ_AUX:
    if (S_is(&tok[f], "i'm") || S_is(&tok[f], "i've") ||
        S_is(&tok[f], "i'll") || S_is(&tok[f], "i'd"))
      return f + 1 < last && !S_listed(&tok[f + 1], S_musing) &&
             !S_is(&tok[f + 1], "say") && !S_is(&tok[f + 1], "love");
    return S_is(&tok[f], "it") || S_is(&tok[f], "it's") ||
           S_is(&tok[f], "we're") || S_is(&tok[f], "they're") ||
           S_is(&tok[f], "we've") || S_is(&tok[f], "they've") ||
           S_is(&tok[f], "there's") || S_is(&tok[f], "here's") ||
           S_is(&tok[f], "that's") || S_is(&tok[f], "he's") ||
           S_is(&tok[f], "she's");
  case DL_WC_PREP:
  case DL_WC_SUB:
  case DL_WC_ADV:
    /* a fronted phrase: a statement only where a subject and its verb
     * follow ("As individuals we care", "In this post I offer") */
    return !S_listed(&tok[f], S_hedges) && S_clause_follows(tok, f, last);
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
      if (S_strict_finite(tok, i)) /* "feels", "is", "will" */
        return true;
    }
    return false;
  default:
    return false;
  }
}

static bool S_false_question(const dl_text *t, const dl_token *tok,
                             size_t n) {
  const dl_token *end = S_final(tok, n);
  if (!S_ends_with(t, end, '?') || S_words(tok, n) < 6)
    return false;
  size_t last = (size_t)(end - tok);
  if (last > 0 && S_listed(&tok[last - 1], S_tags))
    return false;
  size_t f = S_first_word(tok, n);
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
  bool verb = false;
  for (size_t i = 0; i < last; i++) {
    dl_wclass c = tok[i].cls;
    if (c == DL_WC_CODE || c == DL_WC_URL || c == DL_WC_SEMI ||
        c == DL_WC_OPEN_QUOTE || c == DL_WC_CLOSE_QUOTE || c == DL_WC_DASH ||
        c == DL_WC_OPEN_PAREN || c == DL_WC_END)
      return false; /* a quoted or set-off question is out of our depth */
    if (S_word(&tok[i]) && S_asks(tok, i, f, n))
      return false;
    verb |= S_statement_verb(tok, i);
  }
  return verb;
}

/* ---- repeated word ---------------------------------------------------- */

/* Words that writers do double on purpose. */
static const char *const S_doubles[] = {"that", "had", "very", "really",
                                        "so", "no", "ha", "bye", "is",
                                        "do", "more", "yeah", "go", "blah", "ok", "okay",
                                        "la", "ho", "knock", "well", "many",
                                        "far", "over", NULL};

static size_t S_repeated(const dl_text *t, const dl_token *tok, size_t n) {
  if (S_words(tok, n) < 4)
    return 0; /* "Scribble scribble." */
  for (size_t i = 1; i < n; i++) {
    const dl_token *a = &tok[i - 1], *b = &tok[i];
    if (!S_word(a) || !S_word(b) || a->hash != b->hash ||
        b->from != a->to + 1 || (t->s[a->to] != ' ' && t->s[a->to] != '\n') ||
        ((a->shape | b->shape) & (DL_TOK_LINK | DL_TOK_ALLCAPS)) ||
        (a->shape & DL_TOK_EMPH) != (b->shape & DL_TOK_EMPH) ||
        a->cls == DL_WC_NUMBER || S_listed(a, S_doubles))
      continue;
    /* "Fake Fake People", "Cray Cray", "the The Conversation": names */
    if ((b->shape & DL_TOK_CAPITAL) ||
        ((a->shape & DL_TOK_CAPITAL) && !(a->shape & DL_TOK_FIRST)))
      continue;
    /* "issue issue [sic]" */
    if (i + 2 < n && tok[i + 1].cls == DL_WC_OPEN_PAREN && S_is(&tok[i + 2], "sic"))
      continue;
    return i;
  }
  return 0;
}

/* ---- splices that grammar alone gives away ----------------------------- */

/* Words that take "to" only before a verb: "tempting to do", never
 * "tempting to the last one".  A determiner after their "to" means the verb
 * was cut away, as a splice cuts it. */
static const char *const S_want_verb[] = {
    "tempting", "eager", "willing", "unwilling", "reluctant", "hesitant",
    "unable", "try", "tries", "tried", "trying", "decide", "decides",
    "decided", "seem", "seems", "seemed", "manage", "manages", "managed",
    "refuse", "refuses", "refused", "pretend", "pretends", "pretended",
    "intend", "intends", "intended", "attempt", "attempts", "attempted",
    "hoping", "plans", "planning", "struggle", "struggles", "struggled",
    "struggling", "needs", NULL};

/* What may follow "to" as an idiom, not a noun phrase: "to the point",
 * "to some extent". */
static const char *const S_to_idioms[] = {
    "best", "extent", "point", "degree", "end", "max", "fullest", "core",
    "letter", "hilt", "fore", "detriment", "exclusion", "benefit", "tune",
    "contrary", "tee", "most", NULL};

static size_t S_infinitive_gap(const dl_token *tok, size_t n) {
  for (size_t i = 1; i + 1 < n; i++) {
    if (tok[i].cls != DL_WC_TO || !S_listed(&tok[i - 1], S_want_verb))
      continue;
    dl_wclass c = tok[i + 1].cls;
    if (c != DL_WC_DET && c != DL_WC_POSS && c != DL_WC_DEM)
      continue;
    bool idiom = false;
    for (size_t j = i + 2; j < n && j <= i + 3; j++)
      idiom |= S_listed(&tok[j], S_to_idioms);
    if (!idiom)
      return i + 1;
  }
  return 0;
}

/* Determiners that must be followed by their noun phrase.  ("his" and
 * "her" also stand alone, "each" and "another" are pronouns too, "no"
 * answers.) */
static const char *const S_determiners[] = {
    "the", "a", "an", "every", "my", "your", "our", "their", "its", NULL};

/* What no noun phrase starts with.  Not a wh-word or "while" ("the why",
 * "a while"), not "every" ("your every move") or "no" ("a no-brainer"); an
 * -s verb only after a singular determiner ("a writes"), since the
 * lexicon misses some plural nouns ("the confines"). */
static bool S_never_after_determiner(const dl_token *a, const dl_token *t) {
  if (S_is(t, "no") || S_is(t, "every") || S_is(t, "each") ||
      S_is(t, "another"))
    return false;
  switch ((dl_wclass)t->cls) {
  case DL_WC_VERB_S:
  case DL_WC_BRIDGE_S:
    return S_is(a, "a") || S_is(a, "an") || S_is(a, "every");
  case DL_WC_CONJ:
    return !S_is(a, "a"); /* "plan a and b" */
  case DL_WC_MODAL:
  case DL_WC_BE:
  case DL_WC_DO:
  case DL_WC_HAVE:
  case DL_WC_TO:
  case DL_WC_AUX_NOT:
  case DL_WC_SUBJ_AUX:
  case DL_WC_DET:
  case DL_WC_POSS:
  case DL_WC_SUBJ:   /* "your | it is hard" */
  case DL_WC_IT_YOU:
  case DL_WC_OBJ:
    return !(S_is(a, "a") && (t->cls == DL_WC_BE || t->cls == DL_WC_MODAL));
  case DL_WC_PREP:
    return S_is(t, "of") || S_is(t, "with") || S_is(t, "for") ||
           S_is(t, "from") || S_is(t, "into") || S_is(t, "at") ||
           S_is(t, "than");
  default:
    return false;
  }
}

/* Nouns in -s that are singular ("a species"). */
static const char *const S_singular_s[] = {
    "species", "series", "means", "news", "lens", "politics", "physics",
    "economics", "mathematics", "ethics", "analytics", "basis", "crisis",
    "thesis", "analysis", "diagnosis", "process", "status", "bus", "bonus",
    "campus", "census", "chaos", "canvas", "consensus", "focus", "genius",
    "hiatus", "virus", "corpus", NULL};

/* Words after which a modal comes before its subject ("So will the next
 * one", "Only then can we", "more than can the old one"). */
static const char *const S_inverting[] = {
    "so",   "only",   "never",  "rarely",  "seldom", "neither", "nor",
    "then", "thus",   "hardly", "little",  "nowhere", "as",     "too",
    "than", NULL};

/* A modal verb at i before a determiner or a pronoun, in a statement
 * ("they also can | the buildup", "that may | you with"): its verb was cut
 * away.  Not a modal that is a noun ("a can of", "the will of", "free
 * will") or that opens an inversion ("Should the team need help, ...",
 * "So will the next one", "or should each", "How would you"). */
static bool S_modal_cut(const dl_token *tok, size_t i) {
  const dl_token *a = &tok[i], *b = &tok[i + 1];
  if (a->cls != DL_WC_MODAL || (a->shape & DL_TOK_CAPITAL) || i == 0)
    return false;
  if (!(b->cls == DL_WC_DET || b->cls == DL_WC_POSS || b->cls == DL_WC_OBJ ||
        b->cls == DL_WC_IT_YOU) ||
      S_is(b, "no") || S_is(b, "all") || S_is(b, "both") || S_is(b, "her"))
    return false;
  const dl_token *p = &tok[i - 1];
  switch ((dl_wclass)p->cls) {
  case DL_WC_PREP:
  case DL_WC_CONJ:
  case DL_WC_SUB:
  case DL_WC_WH:
  case DL_WC_VERB_ADJ: /* "free will" */
    return false;
  default:
    return S_word(p) && !S_np_word(p->cls) && !S_listed(p, S_inverting);
  }
}

/* Does the "to" at i end a relative clause, its verb before it
 * ("Everyone I've talked to | says", "the people we listen to | agree")? */
static bool S_strands_to(const dl_token *tok, size_t i) {
  if (i == 0)
    return false;
  switch ((dl_wclass)tok[i - 1].cls) {
  case DL_WC_VERB:
  case DL_WC_VERB_ED:
  case DL_WC_VERB_ED_ADJ:
  case DL_WC_BRIDGE:
  case DL_WC_BRIDGE_ED:
  case DL_WC_NOUN_VERB:
  case DL_WC_PLURAL_VERB_S:
  case DL_WC_VERB_S:
    return true;
  default:
    return false;
  }
}

/* A determiner with no noun after it ("I know because at the | and
 * environment is key"), or a modal or "to" before a verb's -s form ("to
 * makes"): the rest of the phrase was cut away. */
static size_t S_dangling(const dl_text *t, const dl_token *tok, size_t n) {
  bool asks = S_ends_with(t, S_final(tok, n), '?');
  for (size_t i = 0; i + 1 < n; i++) {
    const dl_token *a = &tok[i], *b = &tok[i + 1];
    if (b->from == a->to || a->hash == b->hash /* "the the": repeated */ ||
        (b->shape & (DL_TOK_CAPITAL | DL_TOK_EMPH | DL_TOK_LINK)) ||
        (a->shape & (DL_TOK_EMPH | DL_TOK_LINK)))
      continue;
    if (S_listed(a, S_determiners) && !(a->shape & DL_TOK_CAPITAL) &&
        S_never_after_determiner(a, b))
      return i + 1;
    if ((a->cls == DL_WC_MODAL || a->cls == DL_WC_AUX_NOT ||
         (a->cls == DL_WC_TO && !S_strands_to(tok, i))) &&
        (b->cls == DL_WC_VERB_S || b->cls == DL_WC_BRIDGE_S))
      return i + 1;
    /* a singular determiner before a plural head ("if you are a | things
     * go"); "a sales team" is a plural modifying a noun */
    if ((S_is(a, "a") || S_is(a, "an") || S_is(a, "every")) &&
        !((a->shape & DL_TOK_CAPITAL) && !(a->shape & DL_TOK_FIRST)) &&
        b->cls == DL_WC_PLURAL && !S_listed(b, S_singular_s) &&
        !memchr(t->s + b->from, '-', b->to - b->from) && i + 2 < n &&
        !S_np_word(tok[i + 2].cls) &&
        tok[i + 2].cls != DL_WC_PLURAL_VERB_S &&
        tok[i + 2].cls != DL_WC_VERB_ING_NOUN)
      return i + 1;
    /* "own" with no possessive, after a verb ("distracted | own time") */
    if (S_is(b, "own") && i + 2 < n && S_np_word(tok[i + 2].cls) &&
        (a->cls == DL_WC_VERB_ED || a->cls == DL_WC_VERB_ED_ADJ ||
         a->cls == DL_WC_VERB_ING || a->cls == DL_WC_PREP))
      return i + 1;
    /* a subject pronoun before a determiner ("we | my goal"), not "it" or
     * "you" ("give it the time", "tell you a story") */
    if (a->cls == DL_WC_SUBJ && !asks && !(a->shape & DL_TOK_CAPITAL && i > 0) &&
        (b->cls == DL_WC_DET || b->cls == DL_WC_POSS) && !S_is(b, "no") &&
        !S_is(b, "either") && !S_is(b, "neither"))
      return i + 1;
    if (!asks && S_modal_cut(tok, i))
      return i + 1;
    /* a modal before a bare adjective ("why might comfortable"), in a
     * statement ("What would awesome look like?" asks) */
    if (a->cls == DL_WC_MODAL && b->cls == DL_WC_ADJ && !asks &&
        !(b->lex & DL_LEX_ADV) && i + 2 < n && tok[i + 2].cls != DL_WC_NOUN &&
        tok[i + 2].cls != DL_WC_PLURAL)
      return i + 1;
    /* "a" and an adjective with no noun ("not everyone had a great also
     * learned") */
    if ((S_is(a, "a") || S_is(a, "an")) && b->cls == DL_WC_ADJ &&
        !S_is(b, "little") && i + 2 < n &&
        tok[i + 2].from > b->to) {
      const dl_token *c = &tok[i + 2];
      switch ((dl_wclass)c->cls) {
      case DL_WC_VERB_ED:
      case DL_WC_BE:
      case DL_WC_DO:
      case DL_WC_HAVE:
      case DL_WC_VERB_S:
      case DL_WC_BRIDGE_S:
      case DL_WC_BRIDGE_ED:
      case DL_WC_SUBJ:
        /* not a modal or a wh-word: "a huge might", "a prescriptive how" */
        if (!(c->shape & (DL_TOK_CAPITAL | DL_TOK_EMPH | DL_TOK_LINK)))
          return i + 2;
        break;
      default:
        break;
      }
    }
  }
  return 0;
}

/* Verbs that cannot end a sentence after "to" without their object:
 * "We're trying to accomplish." lost what it accomplishes. */
static const char *const S_needs_object[] = {
    "accomplish", "achieve", "describe", "include", "identify", "define",
    "establish", "obtain", "acquire", "require", "enable", "address",
    "provide", "convey", "emphasize", "highlight", "mention", "specify",
    "undermine", "prioritize", "articulate", NULL};

/* "to" and one of those verbs right before the final mark, in a sentence
 * whose clause opens it ("We're trying to accomplish.") and holds nothing
 * that could be that object moved away: no wh-word or "that" ("what we're
 * trying to accomplish"), no noun before the subject ("the goal we're
 * trying to accomplish"). */
static size_t S_object_gap(const dl_token *tok, size_t n) {
  const dl_token *end = S_final(tok, n);
  if (!end || end - tok < 3)
    return 0;
  size_t v = (size_t)(end - tok) - 1;
  if (tok[v - 1].cls != DL_WC_TO || !S_listed(&tok[v], S_needs_object))
    return 0;
  dl_wclass before = tok[v - 2].cls;
  if (before != DL_WC_VERB_ING && before != DL_WC_VERB_ING_NOUN &&
      before != DL_WC_VERB && before != DL_WC_NOUN_VERB &&
      before != DL_WC_VERB_S && before != DL_WC_VERB_ED && before != DL_WC_ADV)
    return 0;
  size_t f = S_first_word(tok, n);
  if (f >= n || (tok[f].cls != DL_WC_SUBJ && tok[f].cls != DL_WC_SUBJ_AUX &&
                 tok[f].cls != DL_WC_IT_YOU))
    return 0;
  for (size_t i = 0; i < v; i++) {
    dl_wclass c = tok[i].cls;
    if (c == DL_WC_WH || c == DL_WC_THAT || c == DL_WC_SUB || c == DL_WC_PRON ||
        c == DL_WC_COMMA || c == DL_WC_SEMI || c == DL_WC_DASH || c == DL_WC_DEM ||
        S_np_word(c))
      return 0;
  }
  return v;
}

/* A finite verb whose only subject could be the object of a preposition,
 * after a clause that is already complete: "I find myself making drastic
 * shifts in your company can operate ...".  The object of a preposition is
 * never a subject, so the verb has none: two sentences were run together.
 * A clause started by a verb that takes one without "that" ("I know the
 * people in your company can") is fine when only a noun phrase comes
 * between. */
static bool S_strict_finite(const dl_token *tok, size_t i) {
  switch ((dl_wclass)tok[i].cls) {
  case DL_WC_MODAL:
  case DL_WC_BE:
  case DL_WC_AUX_NOT:
  case DL_WC_VERB_S:
  case DL_WC_BRIDGE_S:
    return true;
  case DL_WC_DO:
  case DL_WC_HAVE:
    return !S_is(&tok[i], "having") && !S_is(&tok[i], "do") &&
           !S_is(&tok[i], "have");
  default:
    return false;
  }
}

/* Any finite verb, for finding the clause before a preposition. */
static bool S_finite_verb_any(const dl_token *tok, size_t j) {
  dl_wclass c = tok[j].cls;
  if (c == DL_WC_VERB_ED || c == DL_WC_BRIDGE_ED)
    return j > 0 && (tok[j - 1].cls == DL_WC_SUBJ ||
                     tok[j - 1].cls == DL_WC_IT_YOU);
  if (c == DL_WC_VERB || c == DL_WC_BRIDGE || c == DL_WC_NOUN_VERB)
    return j > 0 && (tok[j - 1].cls == DL_WC_SUBJ ||
                     tok[j - 1].cls == DL_WC_IT_YOU ||
                     (tok[j - 1].cls == DL_WC_ADV && j > 1 &&
                      tok[j - 2].cls == DL_WC_SUBJ));
  return S_strict_finite(tok, j) || c == DL_WC_SUBJ_AUX;
}

static bool S_np_word(dl_wclass c) {
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

/* Is token i a verb of any form (finite or not)? */
static bool S_any_verb(const dl_token *tok, size_t i) {
  switch ((dl_wclass)tok[i].cls) {
  case DL_WC_VERB_ING:
  case DL_WC_VERB_ING_NOUN:
  case DL_WC_VERB_ED:
  case DL_WC_BEEN_BEING:
  case DL_WC_BE_BASE:
    return true;
  default:
    return S_verbish(tok, i);
  }
}

/* Does the clause of the finite verb at j start the sentence: its subject
 * (a pronoun or a noun phrase, or the verb itself for "It's") preceded by
 * nothing but a conjunction or an adverb ("But I", "So, we")?  A clause
 * inside a relative clause ("what you read", "the director I met") is not
 * complete on its own. */
static bool S_main_clause(const dl_token *tok, size_t j) {
  size_t k = j;
  if (tok[j].cls != DL_WC_SUBJ_AUX) {
    while (k > 0 && (tok[k - 1].cls == DL_WC_ADV || tok[k - 1].cls == DL_WC_NOT))
      k--;
    if (k == 0)
      return false;
    if (tok[k - 1].cls == DL_WC_SUBJ || tok[k - 1].cls == DL_WC_IT_YOU) {
      k--;
    } else {
      size_t start = k;
      while (start > 0 && k - start < 5 && S_np_word((dl_wclass)tok[start - 1].cls))
        start--;
      if (start == k)
        return false;
      k = start;
    }
  }
  for (size_t i = 0; i < k; i++) {
    dl_wclass c = tok[i].cls;
    if (i >= 3 || (c != DL_WC_CONJ && c != DL_WC_ADV && c != DL_WC_COMMA &&
                   c != DL_WC_INTERJ))
      return false;
  }
  return true;
}

static size_t S_pp_subject(const dl_token *tok, size_t n) {
  for (size_t i = 3; i < n; i++) {
    if (!S_strict_finite(tok, i))
      continue;
    /* the noun phrase before the verb: a determiner, then a noun */
    dl_wclass head = tok[i - 1].cls;
    if (head != DL_WC_NOUN && head != DL_WC_PLURAL && head != DL_WC_NOUN_VERB &&
        head != DL_WC_NOUN_ADJ && head != DL_WC_NAME)
      continue;
    size_t s = i - 1;
    while (s > 0 && i - s < 4 &&
           (tok[s - 1].cls == DL_WC_ADJ || tok[s - 1].cls == DL_WC_NOUN ||
            tok[s - 1].cls == DL_WC_NOUN_ADJ || tok[s - 1].cls == DL_WC_NOUN_VERB))
      s--;
    if (s < 2 || (tok[s - 1].cls != DL_WC_DET && tok[s - 1].cls != DL_WC_POSS))
      continue;
    s--;
    if (tok[s - 1].cls != DL_WC_PREP || S_is(&tok[s - 1], "than") ||
        S_is(&tok[s - 1], "like") || S_is(&tok[s - 1], "unlike") ||
        S_is(&tok[s - 1], "per") || S_is(&tok[s - 1], "vs") ||
        S_is(&tok[s - 1], "versus") || S_is(&tok[s - 1], "including") ||
        S_is(&tok[s - 1], "plus"))
      continue;
    /* back from the preposition to the complete clause's verb */
    bool only_np = true, verb_between = false, linked = false;
    size_t j = s - 1;
    while (j-- > 0) {
      dl_wclass c = tok[j].cls;
      if (S_finite_verb_any(tok, j))
        break;
      if (c == DL_WC_COMMA || c == DL_WC_CONJ || c == DL_WC_SUB ||
          c == DL_WC_WH || c == DL_WC_THAT || c == DL_WC_SEMI ||
          c == DL_WC_DASH || c == DL_WC_OPEN_PAREN || c == DL_WC_CLOSE_PAREN ||
          c == DL_WC_OPEN_QUOTE || c == DL_WC_CLOSE_QUOTE || c == DL_WC_END ||
          c == DL_WC_SUBJ || c == DL_WC_IT_YOU || c == DL_WC_SUBJ_AUX ||
          c == DL_WC_CODE || c == DL_WC_URL || c == DL_WC_THERE) {
        linked = true; /* a link word or a new subject */
        break;
      }
      if (S_any_verb(tok, j) || c == DL_WC_TO)
        verb_between = true;
      if (!S_np_word(c) && c != DL_WC_PREP)
        only_np = false;
    }
    if (linked || j == (size_t)-1 || !S_main_clause(tok, j))
      continue;
    dl_wclass v = tok[j].cls;
    bool bridge = v == DL_WC_BRIDGE || v == DL_WC_BRIDGE_S || v == DL_WC_BRIDGE_ED;
    if ((bridge && only_np && !verb_between) || (!verb_between && !only_np))
      continue;
    return i;
  }
  return 0;
}

/* ---- quotes and brackets, per paragraph ------------------------------- */

typedef struct mark {
  size_t sentence; /* index into the doc's sentences */
  size_t from, to; /* the mark in the block text */
  bool open;
  bool loose; /* may stay unpaired: an enumerator or a smiley */
  char kind;  /* '"' or '(' */
} mark;

typedef struct marks {
  mark *items;
  size_t len, cap;
} marks;

/* Collects the double quotes and parentheses of one sentence.  A straight
 * quote opens after a space or an opening mark, else closes. */
/* "a)", "1)", "iv)": a letter, a number or a small roman numeral that
 * enumerates, its ')' paired with no '(' */
static bool S_enumerator(const dl_text *t, const dl_token *p) {
  size_t len = p->to - p->from;
  if (len == 1 && (S_word(p) || p->cls == DL_WC_NUMBER))
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

static void S_collect_marks(const dl_text *t, const dl_token *tok, size_t n,
                            size_t sentence, marks *m) {
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
    /* inches ("a 27" monitor") close nothing, unless a quote waits */
    if (cp == '"' && !open && i > 0 && tok[i - 1].to == tok[i].from &&
        tok[i - 1].cls == DL_WC_NUMBER)
      loose = true;
    if (cp == '(' && (S_smiles(tok, i) || S_smiles_back(tok, i, n)))
      continue; /* ":(" frowns: no bracket to pair at all */
    m->items = dl_xgrow(m->items, &m->cap, m->len + 1, sizeof *m->items);
    m->items[m->len++] =
        (mark){sentence, tok[i].from, tok[i].to, open, loose, kind};
  }
}

/* Pairs the marks of a paragraph, innermost first, as a reader does: an
 * opener waits on a stack of its kind until a closer of the same kind
 * takes it.  Straight quotes are read as opening or closing from the
 * spaces around them, which can misread one; so two leftover quotes pair in
 * order whatever their reading.  Returns the unpaired marks, compacted at
 * the front of m. */
static size_t S_unpaired(marks *m) {
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
  size_t *loose = dl_xmalloc(2 * (m->len + 1) * sizeof *loose), nloose[2] = {0};
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

/* ---- the check ----------------------------------------------------------- */

static dl_diag *S_emit(const dl_doc *doc, const dl_sentence *s,
                       dl_sink *sink, dl_msg_id id, double confidence,
                       const char *arg) {
  size_t start, end;
  dl_sentence_range(doc, s, &start, &end);
  dl_diag *d = dl_report(sink, id, start, end, arg);
  if (d)
    d->confidence = confidence;
  return d;
}

/* The fix for a word written twice: drop the space and the second word,
 * where both stand on one line as plain text (no markup between, which a
 * fix must not touch). */
static void S_fix_repeat(dl_diag *d, const dl_text *t, const dl_token *a,
                         const dl_token *b) {
  if (!d || t->s[a->to] != ' ')
    return;
  size_t from = t->map[a->to], to = t->map[b->to - 1] + 1;
  if (to - from != b->to - a->to)
    return;
  dl_diag_set_fix(d, from, to, "");
}

static char *S_excerpt(const dl_text *t, const dl_token *a, const dl_token *b) {
  size_t from = a->from, to = b->to;
  if (to - from > 60)
    to = from + 60;
  while (to > from && (t->s[to] & 0xC0) == 0x80)
    to--;
  char *s = dl_xstrndup(t->s + from, to - from);
  for (char *p = s; *p; p++)
    if (*p == '\n')
      *p = ' ';
  return s;
}

/* Where a lead-in ends ("Tip:", "**Step 1:**", "Here is the thing:"): up
 * to five words and a colon, then a capital.  0 where there is none. */
static size_t S_lead_in(const dl_token *tok, size_t n) {
  size_t words = 0;
  for (size_t i = 0; i + 1 < n && words <= 5; i++) {
    if (tok[i].cp == ':')
      return words > 0 && S_word(&tok[i + 1]) &&
                     (tok[i + 1].shape & DL_TOK_CAPITAL)
                 ? i + 1
                 : 0;
    switch ((dl_wclass)tok[i].cls) {
    case DL_WC_COMMA:
    case DL_WC_END:
    case DL_WC_DASH:
    case DL_WC_OPEN_QUOTE:
    case DL_WC_CLOSE_QUOTE:
    case DL_WC_OPEN_PAREN:
    case DL_WC_CODE:
    case DL_WC_URL:
      return 0;
    default:
      words++;
    }
  }
  return 0;
}

/* "have what it needs", "had what we needed": "have" takes a "what"
 * clause as its object so often that the model's doubt there is no
 * evidence of a cut.  (Other verbs before a wh-word are left to the
 * model: a cut falls before "what" or "how" in many splices.) */
static bool S_wh_object(const dl_token *tok, size_t at) {
  return at > 0 && tok[at - 1].cls == DL_WC_HAVE && S_is(&tok[at], "what") &&
         !S_is(&tok[at - 1], "having");
}

/* Is the cut at `at` the verb after a relative clause that ends in its
 * preposition ("The engineers I talked to | were", "the metrics we
 * reported on | were", "the people I look up to | are")?  A pronoun
 * subject, its verb and the preposition stand right before it. */
static bool S_stranded_preposition(const dl_token *tok, size_t at) {
  if (at < 3 || !S_strict_finite(tok, at) ||
      (tok[at - 1].cls != DL_WC_PREP && tok[at - 1].cls != DL_WC_TO))
    return false;
  size_t v = at - 2;
  if (v > 0 && (tok[v].cls == DL_WC_PREP || tok[v].cls == DL_WC_ADV))
    v--; /* "look up to", "talked about with" */
  bool verb = S_any_verb(tok, v) || tok[v].cls == DL_WC_VERB ||
              tok[v].cls == DL_WC_NOUN_VERB || tok[v].cls == DL_WC_BRIDGE;
  if (v == 0 || !verb)
    return false;
  dl_wclass sub = tok[v - 1].cls;
  return sub == DL_WC_SUBJ || sub == DL_WC_SUBJ_AUX || sub == DL_WC_IT_YOU;
}

/* Does the cut at `at` start the main clause of a sentence that opens with
 * a subordinate clause and no comma ("If you build it | they will
 * come")?  A subject pronoun is where that main clause begins. */
static bool S_main_clause_after_sub(const dl_token *tok, size_t n,
                                    size_t at) {
  size_t f = S_first_word(tok, n);
  if (f >= at || at < f + 3 ||
      !(S_listed(&tok[f], S_sub_strict) || S_listed(&tok[f], S_sub_proofread) ||
        S_is(&tok[f], "as")))
    return false;
  if (tok[at].cls != DL_WC_SUBJ && tok[at].cls != DL_WC_IT_YOU &&
      tok[at].cls != DL_WC_SUBJ_AUX)
    return false;
  for (size_t i = f + 1; i < at; i++)
    if (tok[i].cls == DL_WC_COMMA || tok[i].cls == DL_WC_SEMI ||
        tok[i].cls == DL_WC_DASH)
      return false;
  return true;
}

/* The splice kind of one sentence: the grammar checks first, then the
 * model above the sensitivity's threshold.  A cut at a repeated word ("a
 * a") is that word's finding, not a second one. */
static void S_splice(const state *st, const dl_doc *doc, const dl_sentence *s,
                     dl_sink *sink, const dl_text *t, const dl_token *tok,
                     size_t n, size_t repeated, dl_splice_context *ctx) {
  size_t gap = S_infinitive_gap(tok, n);
  if (!gap)
    gap = S_pp_subject(tok, n);
  if (!gap)
    gap = S_object_gap(tok, n);
  if (!gap)
    gap = S_dangling(t, tok, n);
  if (gap) {
    if (gap == repeated)
      return;
    char *x = S_excerpt(t, &tok[gap - 1], &tok[gap]);
    S_emit(doc, s, sink, DL_MSG_SENTENCE_SPLICE, 0.8125, x);
    free(x);
    return;
  }
  if (!dl_splice_eligible(tok, n))
    return;
  size_t at;
  double z = dl_splice_score(st->model, tok, n, ctx, &at);
  if (z <= st->threshold || at == repeated || S_wh_object(tok, at) ||
      S_stranded_preposition(tok, at) || S_main_clause_after_sub(tok, n, at))
    return;
  char *x = S_excerpt(t, &tok[at - 1], &tok[at]);
  /* 0.5 at the proofread threshold, rising with the score: the model's own
   * probability is not a precision at this rarity */
  S_emit(doc, s, sink, DL_MSG_SENTENCE_SPLICE,
         1.0 / (1.0 + exp(-(z - st->model->proofread))), x);
  free(x);
}

static void S_check(const dl_doc *doc, dl_sink *sink) {
  const state *st = sink->state;
  size_t ns;
  const dl_sentence *ss = dl_doc_sentences(doc, &ns);
  dl_token *tok = NULL, *clause = NULL;
  size_t cap = 0, ccap = 0;
  dl_splice_context ctx = {0};
  marks m = {0};
  for (size_t i = 0; i < ns; i++) {
    const dl_block *b = &doc->blocks[ss[i].block];
    const dl_text *t = &b->text;
    size_t n = dl_tokenize(t, ss[i].from, ss[i].to, st->lex, &tok, &cap);
    S_collect_marks(t, tok, n, i, &m);
    /* a heading is rarely a sentence, but "the the" is wrong anywhere */
    size_t r = S_repeated(t, tok, n);
    if (r) {
      char *w = dl_xstrndup(t->s + tok[r].from, tok[r].to - tok[r].from);
      S_fix_repeat(S_emit(doc, &ss[i], sink, DL_MSG_SENTENCE_REPEATED_WORD,
                          0.9375, w),
                   t, &tok[r - 1], &tok[r]);
      free(w);
    }
    if (b->type == CMARK_NODE_PARAGRAPH) {
      bool after_question = i > 0 && ss[i - 1].block == ss[i].block &&
                            t->s[ss[i - 1].to - 1] == '?';
      /* "**Tip:** When ...": the clause after a lead-in stands alone, its
       * first word read as a sentence's first (a capital is no name) */
      const dl_token *c = tok;
      size_t nc = n, k = S_lead_in(tok, n);
      if (k) {
        nc = dl_tokenize(t, tok[k].from, ss[i].to, st->lex, &clause, &ccap);
        c = clause;
      }
      if (S_fragment(st, t, c, nc, after_question)) {
        size_t f = S_first_word(c, nc);
        char *w = dl_xstrndup(t->s + c[f].from, c[f].to - c[f].from);
        S_emit(doc, &ss[i], sink, DL_MSG_SENTENCE_FRAGMENT, 0.875, w);
        free(w);
      } else if (S_false_question(t, c, nc)) {
        S_emit(doc, &ss[i], sink, DL_MSG_SENTENCE_FALSE_QUESTION, 0.75, NULL);
      }
      S_splice(st, doc, &ss[i], sink, t, tok, n, r, &ctx);
    }
    if (i + 1 == ns || ss[i + 1].block != ss[i].block) {
      size_t k = S_unpaired(&m);
      size_t next = ss[i].block + 1;
      bool continued = next < doc->nblocks &&
                       S_opens_with_quote(&doc->blocks[next].text);
      size_t last_cut = k ? S_last_cut(t) : 0;
      for (size_t j = 0; j < k; j++) {
        const mark *q = &m.items[j];
        if (q->open && q->kind == '"' && continued)
          continue;
        if (q->open && q->to < last_cut)
          continue;
        char *x = dl_xstrndup(t->s + q->from, q->to - q->from);
        bool heading = b->type == CMARK_NODE_HEADING;
        dl_msg_id msg = q->open ? (heading ? DL_MSG_SENTENCE_QUOTE_OPEN_HEADING
                                           : DL_MSG_SENTENCE_QUOTE_OPEN)
                                : (heading ? DL_MSG_SENTENCE_QUOTE_CLOSE_HEADING
                                           : DL_MSG_SENTENCE_QUOTE_CLOSE);
        S_emit(doc, &ss[q->sentence], sink, msg, 0.875, x);
        free(x);
      }
      m.len = 0;
    }
  }
  free(m.items);
  free(tok);
  free(clause);
  dl_splice_context_free(&ctx);
}

const dl_rule_ops dl_ops_incoherent_sentence = {.options = S_options,
                                                .noptions = 2,
                                                .files = S_files,
                                                .nfiles = 3,
                                                .load = S_load,
                                                .unload = S_unload,
                                                .check = S_check};
