/* test_incoherent_sentence.c: each kind of incoherent-sentence, bad and
 * good, plus the tokenizer and word classes it stands on. */
#include "unit.h"

#include "lang/lexicon.h"
#include "lang/tokens.h"

#define RULE "incoherent-sentence"

/* The kinds found in `md`, as "line:kind,..." */
static char *S_kinds(const char *md, const char *assignment) {
  dl_diag_list list;
  unit_lint(md, RULE, assignment, &list);
  dl_doc *doc = unit_doc(md);
  char *s = dl_xstrdup("");
  for (size_t i = 0; i < list.len; i++) {
    size_t line, col;
    dl_doc_locate(doc, list.items[i].start, &line, &col);
    assert_true(list.items[i].confidence > 0 && list.items[i].confidence <= 1);
    char *more = dl_strdup_printf("%s%s%zu:%s", s, i ? "," : "", line,
                                  list.items[i].kind);
    free(s);
    s = more;
  }
  dl_doc_free(doc);
  dl_diag_list_free(&list);
  return s;
}

#define assert_kinds(md, assignment, want)                                     \
  do {                                                                         \
    char *got_ = S_kinds(md, assignment);                                      \
    assert_string_equal(got_, want);                                           \
    free(got_);                                                                \
  } while (0)

/* Each sentence of `list`, a paragraph alone, gives the kinds `want`. */
#define assert_each_with(list, assignment, want)                               \
  for (size_t each_ = 0; each_ < sizeof list / sizeof *list; each_++) {        \
    char *md_ = dl_strdup_printf("%s\n", list[each_]);                         \
    assert_kinds(md_, assignment, want);                                       \
    free(md_);                                                                 \
  }
#define assert_each(list, want) assert_each_with(list, NULL, want)

static void fragment(void **state) {
  (void)state;
  assert_kinds("Our plan changed.\n\nWhen their team needed defense and "
               "role-agnostic framing.\n", NULL, "3:fragment");
  assert_kinds("While experienced leaders often have a habit of careful "
               "estimation?\n", NULL, "1:fragment");
  /* a main clause after a comma, a reduced clause, an answer */
  assert_kinds("When their team needed defense, they called us.\n\n"
               "When working with a new team this can be hard.\n\n"
               "Why did it work? When the team owns the plan it works.\n",
               NULL, "");
  /* "Because" answers and afterthoughts are only flagged when proofreading */
  assert_kinds("Because the team needed a plan for the launch.\n", NULL, "");
  /* a noun that could be a verb is not a second clause */
  assert_kinds("When this is not a trick question.\n\nUnless you want to "
               "stay on the front lines.\n", NULL, "1:fragment,3:fragment");
  assert_kinds("Because the team needed a plan for the launch.\n",
               RULE ".sensitivity=proofread", "1:fragment");
  /* "once" that counts times */
  assert_kinds("Once a quarter is not enough for the team.\n", NULL, "");
}

/* A subordinator before a sentence of one clause, however long: a later
 * "that", wh-word or coordinated verb belongs to the subordinate clause. */
static void fragment_one_clause(void **state) {
  (void)state;
  static const char *const bad[] = {
      "While it doesn't always go as planned.",
      "Although it just feels like you're going through the motions.",
      "Although the latter is so frequent that it's impossible to keep up.",
      "Whereas countless new additions create a sprawl that is difficult to "
      "navigate.",
      "Unless the quest for consistency and repeatability is often our "
      "Achilles's heel and serves as a blocker to growth.",
      "When this is the bane of most online tools after 6\xE2\x80\x93" "12 "
      "months of use and customization.",
      "Whereas we're not doomed to repeat our mistakes.",
      "While there are a couple of things on our mind that we would like "
      "to discuss.",
      "Unless even continuous delivery can encourage the buildup of "
      "complexity.",
      "When most venture funded startups are not in this category.",
      /* glued onto a conjunction or an imperative: never English */
      "When and it lurks in the best teams.",
      "Unless and that's nothing new.",
      "When but I'll tell you about it later.",
      "Whereas so you've been trying this thing.",
      "When let me explain how it works.",
      "Unless discuss the current situation with the team.",
      "Unless stop thinking about titles for a while.",
  };
  assert_each(bad, "1:fragment");
  /* a main clause with no comma: a new subject and verb, or an imperative,
   * after the subordinate clause; and questions, reduced clauses */
  static const char *const good[] = {
      "When will we stop iterating on this?",
      "Once my friends started chiming in on Facebook I wasn't turning back.",
      "When they were done I scrambled for a title.",
      "When it's \"game on\" everyone benefits.",
      "Once a sales team gets moving it takes on a life of its own.",
      "When a tadpole becomes a frog it loses its tail.",
      "When in doubt make it a monitor and include a cat.",
      "When working with an inexperienced team this can be a challenge for "
      "the UXer.",
      "When the rules are rigorously followed a process will emerge.",
      "When you are done go home and rest.",
      "When data changes teams adapt their plans.",
      "When and where should we ship it?",
      "Unless and until the team agrees we wait.",
      "Once and for all we settled the question.",
      "Once or twice a week we meet with customers.",
      "When design thinking fails the team goes back to basics.",
      "Once again the team shipped the release late.",
      "If you are ready then ship the release today.",
  };
  for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
    char *md = dl_strdup_printf("%s\n", good[i]);
    assert_kinds(md, NULL, "");
    /* proofreading may find a splice in one, never a fragment */
    char *got = S_kinds(md, RULE ".sensitivity=proofread");
    assert_null(strstr(got, "fragment"));
    free(got);
    free(md);
  }
  assert_kinds("If one feature is the deciding factor what does that tell "
               "you about your business?\n", RULE ".sensitivity=proofread", "");
}

/* A lead-in ("**Tip:**", "Q:") sets off the clause that the kinds read. */
static void after_a_lead_in(void **state) {
  (void)state;
  assert_kinds("**Tip:** When their team needed defense and role-agnostic "
               "framing.\n\n- **Context:** Although the roadmap had been "
               "shared with every team.\n\n> **Q:** In this post I offer "
               "some tips for the team?\n\nHere is the thing: When their "
               "team needed defense.\n",
               NULL, "1:fragment,3:fragment,5:false-question,7:fragment");
  /* the word after it is a sentence's first, not a name */
  assert_kinds("Q: Describe the forces that must come together to make this "
               "work?\n\n**Tip:** When you are done, go home.\n\n"
               "**Q:** Is this the right plan for the team?\n",
               NULL, "");
}

static void false_question(void **state) {
  (void)state;
  assert_kinds("Data, insights, and action fall to fit their own way?\n",
               NULL, "1:false-question");
  assert_kinds("We ship new features to our customers every week?\n", NULL,
               "1:false-question");
  assert_kinds("Is this the right plan for the team? What would you change "
               "about it? The plan works for the team, right? Helping our "
               "teams grow every single day? You want them to trust you "
               "with it?\n",
               NULL, "");
  /* statements however they open: a fronted phrase, a gerund subject, an
   * auxiliary after its subject, "I'm", an interjection */
  static const char *const bad[] = {
      "In this post I offer some tips for all-hands meetings?",
      "As individuals we care for our health and our teams?",
      "Mirroring the boards feels like overkill for most teams?",
      "Aligning the teams around outcomes is the goal for us?",
      "Titles don't mean much in product development?",
      "The team is shipping a new release every week?",
      "I often opt for the latter, with reliably poor results?",
      "I'm not the first to challenge roadmaps in this way?",
      "Yes, this requires a cultural shift in the company?",
      "Stepping back, we often talk about continuous improvement?",
      "To me, the format matters less than the content?",
  };
  assert_each(bad, "1:false-question");
  /* questions that ask, and questions the writer means although they
   * state: a hedge, thinking aloud, a follow-up clause, an inversion */
  static const char *const good[] = {
      "Maybe they are incompetent and nobody noticed?",
      "Perhaps looking at a chart might help the team?",
      "I think that is what you are getting at by mentioning mobbing?",
      "I wonder if they are doing a deal with the vendor?",
      "Such that the overhead of coordination would drop for everyone?",
      "In your opinion, what makes a product successful?",
      "At the lowest level, do you estimate things in hours or days?",
      "The team shipped the release on time, didn't it?",
      "And the whole team just accepts that without a word?",
      "Because it takes many hats to build an awesome product?",
      "Think big and shoot high with the whole team?",
  };
  assert_each(good, "");
}

static void unbalanced_quote(void **state) {
  (void)state;
  assert_kinds("- Can \"think big and work small?\n", NULL,
               "1:unbalanced-quote");
  assert_kinds("It works (mostly. Next one.\n", NULL, "1:unbalanced-quote");
  assert_kinds("He said “stop. Then he left.” The end.\n\n"
               "It was the team(s) and product(s) (see #2), a) speed and b) "
               "focus :)\n\n"
               "“A quotation over two paragraphs opens here.\n\n"
               "“And closes here,” she said.\n",
               NULL, "");
  /* a broken link is Markdown, not a sentence: square brackets and the
   * "(" of a destination CommonMark did not take stay out of it */
  assert_kinds("- [TBM 37/53: Healthy Forcing Functions (and Paying "
               "Attention)\n\nSee [the post](https://x.y/a b for more.\n",
               NULL, "");
  /* emoticons, roman numerals, and enumerators inside brackets */
  assert_kinds("We shipped it :-) and slept. We shipped it ;-) and slept. "
               "We shipped it =) and slept. We missed it :( and slept. "
               "We missed it :-( and slept. We did it (: and slept.\n\n"
               "Options: i) ship, ii) wait, iii) cancel, iv) pause.\n\n"
               "Value was delivered (even if it depends on 1) other items, 2) "
               "learning, and 3) the act of shipping). It worked (see a) "
               "again.\n",
               NULL, "");
  assert_kinds("I was sad (really sad :( and nobody came.\n", NULL,
               "1:unbalanced-quote");
  /* inches close nothing, unless a quotation waits for them */
  assert_kinds("I bought a 27\" monitor and it changed my work.\n\nHe "
               "said \"we shipped 3\" and left the room.\n",
               NULL, "");
  assert_kinds("It is a 27\" monitor and \"nobody closed this one.\n", NULL,
               "1:unbalanced-quote");
}

static void splice_by_grammar(void **state) {
  (void)state;
  /* a verb that wants a verb after "to"; a preposition's object as a
   * subject; a verb that lost its object */
  assert_kinds("It is so tempting to the last one.\n", NULL, "1:splice");
  assert_kinds("I frequently find myself making drastic shifts in your "
               "company can operate fairly independently.\n",
               NULL, "1:splice");
  assert_kinds("We are trying to accomplish.\n", NULL, "1:splice");
  /* a determiner whose noun was cut away */
  assert_kinds("I know because at the and environment is key.\n", NULL,
               "1:splice");
  assert_kinds("It takes a while. Explain the why and the how. A is the "
               "better plan. Watch your every move.\n",
               NULL, "");
  /* "a" before a plural and a pronoun before a determiner report only
   * proofreading: most of their findings in published posts were not
   * real (splice.c) */
#define CUTS                                                                   \
  "You will get distracted, and if you are a things go off the "               \
  "rails.\n\nI bought a watch so I do not get distracted own "                  \
  "time and money.\n\nWith the constraints listed, we my goal "                 \
  "of making money today.\n"
  assert_kinds(CUTS, RULE ".sensitivity=proofread",
               "1:splice,3:splice,5:splice");
  assert_kinds(CUTS, NULL, "3:splice");
#undef CUTS
  assert_kinds("As a species we adapt. The A players win. We either ship or "
               "wait. Are they your sales team? It needs a sales team that "
               "works. They run on their own time.\n",
               NULL, "");
  assert_kinds("It is tempting to the point of folly. I know the people in "
               "your company can operate alone. The people in your company "
               "can operate alone. That is what we are trying to "
               "accomplish. Much of what you read about change is wrong.\n",
               NULL, "");
  /* a "to" that ends a relative clause; "have what" takes a clause; a
   * repeated word is one finding, not a splice too */
  assert_kinds("Everyone I have talked to says the same thing.\n\nDoes the "
               "team have what it needs to ship?\n\nTeams rarely have what "
               "they need to succeed.\n",
               NULL, "");
  assert_kinds("It was a a big deal for the whole team.\n", NULL,
               "1:repeated-word");
  /* a relative clause that ends in its preposition, and a main clause
   * after a subordinate one with no comma, are no cut, even proofreading */
  static const char *const joined[] = {
      "The engineers I talked to were exhausted by the launch.",
      "The customers we talked to didn't care about the feature.",
      "The metrics we reported on were mostly vanity metrics.",
      "The engineer she paired with had never written a line of Go.",
      "The people I look up to are rarely the loudest.",
      "If you build it they will not necessarily come back.",
      "If we ship it they will complain about the change.",
  };
  assert_each_with(joined, RULE ".sensitivity=proofread", "");
  /* a modal whose verb was cut away, and modals that are nouns or open an
   * inversion; proofreading only, as "we can either" is no cut */
  assert_kinds("But they also can the buildup of complexity in how you "
               "work.\n\nIt is just a perspective that may you with yet "
               "another chart.\n",
               RULE ".sensitivity=proofread", "1:splice,3:splice");
  assert_kinds("But they also can the buildup of complexity in how you "
               "work.\n",
               NULL, "");
  assert_kinds("Should the team need help, they can ask. So will the next "
               "paradigm. It was a can of worms for us. We act of our own "
               "free will the whole time. Is it the project, or should each "
               "effort count?\n",
               NULL, "");
}

/* The fix drops the space and the second word, on one line only. */
static void repeated_word_fix(void **state) {
  (void)state;
  const char *md = "We talked about the the cold start problem today.\n\n"
                   "> We talked about the\n> the cold start problem.\n";
  dl_diag_list list;
  unit_lint(md, RULE, NULL, &list);
  assert_int_equal(list.len, 2);
  assert_non_null(list.items[0].fix);
  assert_int_equal(list.items[0].fix->start, 19); /* " the" */
  assert_int_equal(list.items[0].fix->end, 23);
  assert_string_equal(list.items[0].fix->text, "");
  assert_null(list.items[1].fix); /* across a line and its quote marker */
  dl_diag_list_free(&list);
}

static void repeated_word(void **state) {
  (void)state;
  assert_kinds("We talked about the the cold start problem today.\n", NULL,
               "1:repeated-word");
  assert_kinds("I knew that that was true. Starting with Fake Fake People "
               "works. Scribble scribble.\n",
               NULL, "");
  /* across a line break, with a curly apostrophe, in a heading */
  assert_kinds("We talked about the\nthe cold start problem.\n\n"
               "It\xE2\x80\x99s it\xE2\x80\x99s fine by me today.\n\n"
               "## The the plan for the launch\n",
               NULL, "1:repeated-word,4:repeated-word,6:repeated-word");
}

/* Issue 15: the finding spans the two words with its fix; phrases of up to
 * four words; a short list of deliberate doubles, and "is is" reported. */
static void repeated_words_and_phrases(void **state) {
  (void)state;
  const char *md = "We need a a better plan for this.\n";
  dl_diag_list list;
  unit_lint(md, RULE, NULL, &list);
  assert_int_equal(list.len, 1);
  assert_int_equal(list.items[0].start, 8); /* 1:9, "a a" */
  assert_int_equal(list.items[0].end, 11);
  assert_non_null(list.items[0].fix);
  assert_int_equal(list.items[0].fix->start, 9);
  assert_int_equal(list.items[0].fix->end, 11);
  dl_diag_list_free(&list);
  md = "We need the team the team to agree on it.\n";
  unit_lint(md, RULE, NULL, &list);
  assert_int_equal(list.len, 1);
  assert_int_equal(list.items[0].start, 8);
  assert_int_equal(list.items[0].end, 25);
  assert_non_null(strstr(list.items[0].message, "'the team'"));
  assert_int_equal(list.items[0].fix->start, 16);
  assert_int_equal(list.items[0].fix->end, 25);
  dl_diag_list_free(&list);
  assert_kinds("Then we ship it we ship it and rest a while.\n", NULL,
               "1:repeated-word");
  assert_kinds("It is is important to say so here.\n", NULL,
               "1:repeated-word");
  assert_kinds("It is more insidious that that.\n", NULL, "1:repeated-word");
  assert_kinds("The fact remains that that the team is stuck.\n", NULL,
               "1:repeated-word");
  /* meant: grammatical "that that", "had had", "done done", "rah rah" */
  assert_kinds("I think that that is right for us.\n\nThey had had enough "
               "of it by then.\n\nThe concept of done done in agile is "
               "key.\n\nThe crowd went rah rah for the team.\n",
               NULL, "");
  /* two different phrases, or words apart, are no double */
  assert_kinds("We saw the team and the team saw us.\n", NULL, "");
}

/* Issue 15's false alarms: an inch mark after a number, a list asked
 * about, a quote or bracket after a URL. */
static void issue_15_quiet_cases(void **state) {
  (void)state;
  assert_kinds("I carried my 12\xE2\x80\x9D MacBook to every meeting that "
               "week.\n", NULL, "");
  assert_kinds("What do startups offer? Liquid stock, ESPP, Jones Soda on tap "
               "in the lunch room?\n", NULL, "");
  assert_kinds("He said \"see https://example.com/x\" today.\n\nWe met (at "
               "https://example.com/x) and left.\n", NULL, "");
  /* ...while a statement whose list follows its verb still is one, and a
   * curly quote that opens before the number still pairs */
  assert_kinds("We ship, we test, we learn every single week?\n", NULL,
               "1:false-question");
  assert_kinds("She said \xE2\x80\x9Cthe 12\xE2\x80\x9D and left it.\n",
               NULL, "");
  /* a "When" clause whose main clause follows with no comma: a missing
   * comma, at the main clause's subject, not a fragment */
  const char *md = "Earthquakes are unpredictable. When they happen people "
                   "need information fast.\n";
  dl_diag_list list;
  unit_lint(md, RULE, NULL, &list);
  assert_int_equal(list.len, 1);
  assert_string_equal(list.items[0].kind, "missing-comma");
  assert_int_equal(list.items[0].start, (size_t)(strstr(md, "people") - md));
  assert_non_null(strstr(list.items[0].message, "'people'"));
  dl_diag_list_free(&list);
  /* ...a true fragment is still one, and an aside in brackets is none */
  assert_kinds("When their team needed defense and role-agnostic "
               "framing.\n", NULL, "1:fragment");
  assert_kinds("We ship weekly. (Although there does not seem to be much "
               "support for it.)\n", NULL, "");
}

static void kinds_switch_off(void **state) {
  (void)state;
  char *lines = unit_lines("We talked about the the cold start problem.\n",
                           RULE, NULL);
  assert_string_equal(lines, "1:17"); /* the two words */
  free(lines);
  dl_settings s;
  dl_settings_defaults(&s);
  char *error = NULL;
  assert_int_equal(dl_settings_disable_kind(&s, RULE ":repeated-word", &error), 0);
  assert_int_equal(dl_settings_disable_kind(&s, RULE ":splice", &error), 0);
  assert_int_equal(dl_settings_disable_kind(&s, RULE ":fragment", &error), 0);
  assert_int_equal(dl_settings_disable_kind(&s, RULE ":false-question", &error), 0);
  assert_int_equal(dl_settings_disable_kind(&s, RULE ":unbalanced-quote", &error), 0);
  assert_int_not_equal(dl_settings_disable_kind(&s, RULE ":nonsense", &error), 0);
  free(error);
  dl_settings_free(&s);
}

static void settings(void **state) {
  (void)state;
  dl_settings s;
  dl_settings_defaults(&s);
  char *error = NULL;
  assert_int_equal(dl_option_choice(&s, DL_RULE_INCOHERENT_SENTENCE, "sensitivity"), 0);
  assert_int_equal(dl_settings_assign(&s, RULE ".sensitivity=proofread", &error), 0);
  assert_int_equal(dl_option_choice(&s, DL_RULE_INCOHERENT_SENTENCE, "sensitivity"), 1);
  assert_int_not_equal(dl_settings_assign(&s, RULE ".sensitivity=loud", &error), 0);
  assert_non_null(strstr(error, "strict, proofread"));
  free(error);
  assert_int_equal(dl_settings_assign(&s, RULE ".model=/nonexistent", &error), 0);
  dl_engine e;
  assert_int_not_equal(dl_engine_init(&e, &s, &error), 0);
  assert_non_null(strstr(error, "/nonexistent"));
  free(error);
  dl_settings_free(&s);
}

/* The span of a finding is its sentence, not the paragraph; a repeated
 * word's is its two words. */
static void span_is_the_sentence(void **state) {
  (void)state;
  const char *md = "Fine here. We talked about the the plan. Fine again.\n";
  dl_diag_list list;
  unit_lint(md, RULE, NULL, &list);
  assert_int_equal(list.len, 1);
  assert_int_equal(list.items[0].start, (size_t)(strstr(md, "the the") - md));
  assert_int_equal(list.items[0].end, (size_t)(strstr(md, " plan") - md));
  dl_diag_list_free(&list);
  md = "Fine here. We talked, and it was great? Fine again.\n";
  unit_lint(md, RULE, NULL, &list);
  assert_int_equal(list.len, 1);
  assert_int_equal(list.items[0].start, (size_t)(strstr(md, "We") - md));
  assert_int_equal(list.items[0].end, (size_t)(strstr(md, " Fine again") - md));
  dl_diag_list_free(&list);
}

static char *S_classes(const dl_lexicon *lex, const char *md) {
  dl_doc *doc = unit_doc(md);
  const dl_text *t = &doc->blocks[0].text;
  dl_token *tok = NULL;
  size_t cap = 0, n = dl_tokenize(t, 0, t->len, lex, &tok, &cap);
  char *s = dl_xstrdup("");
  for (size_t i = 0; i < n; i++) {
    char *more = dl_strdup_printf("%s%s%.*s/%s", s, i ? " " : "",
                                  (int)(tok[i].to - tok[i].from),
                                  t->s + tok[i].from,
                                  dl_wclass_name(tok[i].cls));
    free(s);
    s = more;
  }
  free(tok);
  dl_doc_free(doc);
  return s;
}

static void tokens_and_classes(void **state) {
  (void)state;
  dl_lexicon *lex;
  char *error = NULL;
  assert_int_equal(dl_lexicon_open(NULL, &lex, &error), 0);
  char *got = S_classes(lex, "The team’s role-agnostic plans don't ship `x.y` "
                             "on 3.5 days, said Dana?\n");
  /* "agnostic" is a noun and an adjective in WordNet, "said" a verb that
   * takes a clause without "that", "Dana" a name WordNet knows */
  assert_string_equal(got, "The/DET team’s/NOUN role-agnostic/NOUN_ADJ "
                           "plans/PLURAL_VERB_S don't/AUX_NOT ship/NOUN_VERB "
                           "x.y/CODE on/PREP 3.5/NUMBER days/PLURAL ,/COMMA "
                           "said/BRIDGE_ED Dana/NAME ?/END");
  free(got);
  got = S_classes(lex, "I walked, “quickly” (really) — 🚀 …\n");
  assert_string_equal(got, "I/SUBJ walked/VERB_ED ,/COMMA “/OPEN_QUOTE "
                           "quickly/ADV ”/CLOSE_QUOTE (/OPEN_PAREN "
                           "really/ADV )/CLOSE_PAREN —/DASH 🚀/SYMBOL …/END");
  free(got);
  dl_lexicon_close(lex);
  assert_int_not_equal(dl_lexicon_open("/nonexistent.lex", &lex, &error), 0);
  assert_non_null(strstr(error, "/nonexistent.lex"));
  free(error);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(fragment),
      cmocka_unit_test(fragment_one_clause),
      cmocka_unit_test(false_question),
      cmocka_unit_test(repeated_word_fix),
      cmocka_unit_test(after_a_lead_in),
      cmocka_unit_test(unbalanced_quote),
      cmocka_unit_test(splice_by_grammar),
      cmocka_unit_test(repeated_word),
      cmocka_unit_test(repeated_words_and_phrases),
      cmocka_unit_test(issue_15_quiet_cases),
      cmocka_unit_test(kinds_switch_off),
      cmocka_unit_test(settings),
      cmocka_unit_test(span_is_the_sentence),
      cmocka_unit_test(tokens_and_classes),
  };
  return cmocka_run_group_tests_name("incoherent-sentence", tests, NULL, NULL);
}
