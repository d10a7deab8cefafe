/*
 * incoherent_sentence.c: sentences a reader cannot follow.
 *
 * Each paragraph sentence is tokenized with its word classes (tokens.h,
 * lexicon.h), then judged five ways, each a kind of its own with its file
 * in incoherent_sentence/:
 *
 *   splice           a phrase cut away or two sentences run together:
 *                    grammar checks, then the splice scorer (splice.h), a
 *                    model trained on synthetic splices, above the
 *                    threshold of the chosen sensitivity;
 *   fragment         a subordinate clause with no main clause;
 *   false-question   a statement with a question mark;
 *   unbalanced-quote a double quotation mark or bracket left unpaired in
 *                    its paragraph, reported on its sentence;
 *   repeated-word    the same word twice in a row ("the the").
 *
 * This file loads the model, runs the kinds over each sentence and reports
 * what they find.  The span of a finding is the sentence
 * (dl_sentence_range).  The closed-class heuristics are deliberately
 * narrow: the corpus of published posts (tests/corpus) bounds their false
 * alarms.
 */
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "registry.h"
#include "draftlint/sentence.h"
#include "incoherent_sentence/clause.h"
#include "incoherent_sentence/false_question.h"
#include "incoherent_sentence/fragment.h"
#include "incoherent_sentence/repeated_word.h"
#include "incoherent_sentence/splice.h"
#include "incoherent_sentence/unbalanced_quote.h"
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

/* ---- reporting ----------------------------------------------------------- */

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

/* ---- the check ----------------------------------------------------------- */

/* Where a lead-in ends ("Tip:", "**Step 1:**", "Here is the thing:"): up
 * to five words and a colon, then a capital.  0 where there is none. */
static size_t S_lead_in(const dl_token *tok, size_t n) {
  size_t words = 0;
  for (size_t i = 0; i + 1 < n && words <= 5; i++) {
    if (tok[i].cp == ':')
      return words > 0 && dl_incoh_word(&tok[i + 1]) &&
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

/* The fragment or false question of one sentence: a clause after a
 * lead-in ("**Tip:** When ...") stands alone, its first word read as a
 * sentence's first (a capital is no name). */
static void S_check_clause(const state *st, const dl_doc *doc,
                           const dl_sentence *s, dl_sink *sink,
                           const dl_token *tok, size_t n,
                           bool after_question, dl_token **clause,
                           size_t *ccap) {
  const dl_text *t = &doc->blocks[s->block].text;
  const dl_token *c = tok;
  size_t nc = n, k = S_lead_in(tok, n);
  if (k) {
    nc = dl_tokenize(t, tok[k].from, s->to, st->lex, clause, ccap);
    c = *clause;
  }
  if (dl_incoh_fragment(t, c, nc, after_question,
                        st->proofread)) {
    size_t f = dl_incoh_first_word(c, nc), m = dl_incoh_missing_comma(c, nc);
    char *w = dl_xstrndup(t->s + c[f].from, c[f].to - c[f].from);
    if (m) { /* a main clause after all, with no comma before it */
      char *x = dl_xstrndup(t->s + c[m].from, c[m].to - c[m].from);
      dl_diag *d = dl_report(sink, DL_MSG_SENTENCE_MISSING_COMMA,
                             t->map[c[m].from], t->map[c[m].to - 1] + 1, w, x);
      if (d)
        d->confidence = 0.875;
      free(x);
    } else {
      S_emit(doc, s, sink, DL_MSG_SENTENCE_FRAGMENT, 0.875, w);
    }
    free(w);
  } else if (dl_incoh_false_question(t, c, nc)) {
    S_emit(doc, s, sink, DL_MSG_SENTENCE_FALSE_QUESTION, 0.75, NULL);
  }
}

/* The splice kind of one sentence, reported with the words at its cut. */
static void S_check_splice(const state *st, const dl_doc *doc,
                           const dl_sentence *s, dl_sink *sink,
                           const dl_text *t, const dl_token *tok, size_t n,
                           size_t repeated, dl_splice_context *ctx) {
  dl_incoh_splicer sp = {st->model, st->threshold,
                         st->proofread ? DL_INCOH_CUTS_ALL
                                       : dl_incoh_strict_cuts};
  double confidence;
  dl_incoh_cut cut;
  size_t at =
      dl_incoh_splice(&sp, t, tok, n, repeated, ctx, &confidence, &cut);
  if (!at)
    return;
  char *x = S_excerpt(t, &tok[at - 1], &tok[at]);
  S_emit(doc, s, sink, DL_MSG_SENTENCE_SPLICE, confidence, x);
  free(x);
}

/* The unpaired marks of the paragraph (or heading) `block`, each on its
 * sentence; empties m. */
static void S_check_quotes(const dl_doc *doc, const dl_sentence *ss,
                           size_t block, dl_sink *sink, dl_incoh_marks *m) {
  const dl_block *b = &doc->blocks[block];
  const dl_text *next =
      block + 1 < doc->nblocks ? &doc->blocks[block + 1].text : NULL;
  size_t k = dl_incoh_unbalanced(m, &b->text, next);
  bool heading = b->type == CMARK_NODE_HEADING;
  for (size_t j = 0; j < k; j++) {
    const dl_incoh_mark *q = &m->items[j];
    char *x = dl_xstrndup(b->text.s + q->from, q->to - q->from);
    dl_msg_id msg = q->open ? (heading ? DL_MSG_SENTENCE_QUOTE_OPEN_HEADING
                                       : DL_MSG_SENTENCE_QUOTE_OPEN)
                            : (heading ? DL_MSG_SENTENCE_QUOTE_CLOSE_HEADING
                                       : DL_MSG_SENTENCE_QUOTE_CLOSE);
    S_emit(doc, &ss[q->sentence], sink, msg, 0.875, x);
    free(x);
  }
  m->len = 0;
}

static void S_check(const dl_doc *doc, dl_sink *sink) {
  const state *st = sink->state;
  size_t ns;
  const dl_sentence *ss = dl_doc_sentences(doc, &ns);
  dl_token *tok = NULL, *clause = NULL;
  size_t cap = 0, ccap = 0;
  dl_splice_context ctx = {0};
  dl_incoh_marks m = {0};
  for (size_t i = 0; i < ns; i++) {
    const dl_block *b = &doc->blocks[ss[i].block];
    const dl_text *t = &b->text;
    size_t n = dl_tokenize(t, ss[i].from, ss[i].to, st->lex, &tok, &cap);
    dl_incoh_collect_marks(t, tok, n, i, &m);
    /* a heading is rarely a sentence, but "the the" is wrong anywhere */
    size_t r = dl_incoh_report_repeated(sink, t, tok, n);
    if (b->type == CMARK_NODE_PARAGRAPH) {
      bool after_question = i > 0 && ss[i - 1].block == ss[i].block &&
                            t->s[ss[i - 1].to - 1] == '?';
      S_check_clause(st, doc, &ss[i], sink, tok, n, after_question, &clause,
                     &ccap);
      S_check_splice(st, doc, &ss[i], sink, t, tok, n, r, &ctx);
    }
    if (i + 1 == ns || ss[i + 1].block != ss[i].block)
      S_check_quotes(doc, ss, ss[i].block, sink, &m);
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
