/* test_unclosed_emphasis.c: the bad and good examples of the rule. */
#include "unit.h"

#define R "unclosed-emphasis"

static void dangling_openers(void **state) {
  (void)state;
  assert_findings("**Or I used an explicit process.\n", R, NULL, "1:1");
  assert_findings("Value. _And yes, this step.\n", R, NULL, "1:8");
  assert_findings("Some ***very bold words.\n", R, NULL, "1:6");
  assert_findings("An __underlined start.\n", R, NULL, "1:4");
}

static void stray_closers(void **state) {
  (void)state;
  assert_findings("for Team X?_ I kept trying.\n", R, NULL, "1:12");
  assert_findings("this matters** to us.\n", R, NULL, "1:13");
}

static void everywhere_a_writer_puts_them(void **state) {
  (void)state;
  assert_findings("- item one\n- item **two\n", R, NULL, "2:8");
  assert_findings("> quoted _text\n> goes on\n", R, NULL, "1:10");
  assert_findings("## A **heading\n", R, NULL, "1:6");
  assert_findings("See [the **post][ref].\n\n[ref]: http://a.b\n", R, NULL,
                  "1:10");
  assert_findings("1. first\n2. second\n\n   > nested **bold\n", R, NULL,
                  "4:13");
}

static void emphasis_does_not_cross_paragraphs(void **state) {
  (void)state;
  assert_findings("This is **bold\n\nstill bold** here.\n", R, NULL, "1:9,3:11");
  assert_findings("*Note: long\n\nstill the note.*\n", R, NULL, "1:1,3:16");
}

static void closed_emphasis_is_quiet(void **state) {
  (void)state;
  assert_findings("**Bold** and _it_ and ***both*** and __x__.\n", R, NULL, "");
  assert_findings("**Context That Matters:**\n", R, NULL, "");
  assert_findings("A **bold\nacross lines** is fine.\n", R, NULL, "");
}

static void look_alikes_are_quiet(void **state) {
  (void)state;
  assert_findings("Use snake_case and file_name.md here.\n", R, NULL, "");
  assert_findings("Two * three is 2 * 3 and a _ b.\n", R, NULL, "");
  assert_findings("* a bullet\n- another\n\n***\n\n---\n", R, NULL, "");
  assert_findings("Escaped \\*stars\\* and \\_under\\_.\n", R, NULL, "");
  assert_findings("Code `*x` and ``**`` here.\n\n    **indented code\n", R, NULL,
                  "");
  assert_findings("```\n**fenced\n```\n", R, NULL, "");
  assert_findings("Raw <span title=\"*x\">html</span> and <b class=\"_a\">b</b>.\n", R, NULL,
                  "");
  assert_findings("<http://a.b/_x> and [t](http://a.b/*y_) here.\n", R, NULL, "");
  assert_findings("Bare http://example.com/_path and www.x.com/_y ok.\n", R,
                  NULL, "");
  assert_findings("The price* is final.\n\n*Before tax.\n", R, NULL, "");
  assert_findings("![alt with *star](pic.png)\n", R, NULL, "");
  assert_findings("Entity &#42;x and &ast;y.\n", R, NULL, "");
  assert_findings("Call window.__pwned, ask @_user, lint *.md files.\n", R,
                  NULL, "");
}

static void deliberate_writing_is_quiet(void **state) {
  (void)state;
  /* censored words */
  assert_findings("Ship ****ing product. Oh ***k. Sh*t.\n", R, NULL, "");
  /* a footnote mark and its note */
  assert_findings("Guaranteed!*\n\n*Maybe not at this job.\n", R, NULL, "");
  /* code-like names and globs */
  assert_findings("Pass *args and **kwargs on.\n", R, NULL, "");
  assert_findings("Edit _config.yml and __init__.py, then *.md files.\n", R,
                  NULL, "");
  assert_findings("Fill the __init__ method.\n", R, NULL, "");
}

static void the_reader_sees_these(void **state) {
  (void)state;
  /* a pair across a hard break: both ends show */
  assert_findings("* **Title  \n**Author\n", R, NULL, "1:3,2:2");
  /* a bullet that lost its line break after an image */
  assert_findings("![](a.png)* Describes the product.\n", R, NULL, "1:11");
  /* a lone `*` after a word or a sentence with no note for it */
  assert_findings("Most tech startups* make the same mistake.\n", R, NULL,
                  "1:19");
  assert_findings("It is continuous improvement.* Visualizing helps.\n", R,
                  NULL, "1:30");
  assert_findings("The price* is final.\n\n* terms apply\n", R, NULL,
                  "1:10");
  /* stars before a plain word that is no code */
  assert_findings("Some *experienced people.\n", R, NULL, "1:6");
  assert_findings("Pass *argue here.\n", R, NULL, "1:6");
  /* a lone star between spaces is an operator; two are a stray */
  assert_findings("Ship it ** now.\n", R, NULL, "1:9");
}

static void a_footnote_mark_mid_paragraph(void **state) {
  (void)state;
  assert_findings("We hit the target.* Next quarter we grow.\n\n*Footnote: "
                  "unaudited.\n", R, NULL, "");
  assert_findings("We hit the target.* Next quarter we grow.\n\nMore.\n", R,
                  NULL, "1:19");
}

/* A pair spaced on the wrong side: one finding over the pair, and a fix
 * that moves the space outside the markers. */
static void assert_spacing_fix(const char *src, const char *want_kind,
                               const char *want_fixed) {
  dl_diag_list list;
  unit_lint(src, R, NULL, &list);
  assert_int_equal(list.len, 1);
  assert_string_equal(list.items[0].kind, want_kind);
  assert_non_null(list.items[0].fix);
  const dl_fix *f = list.items[0].fix;
  size_t n = strlen(src), m = strlen(f->text);
  char *fixed = malloc(n + m + 1);
  memcpy(fixed, src, f->start);
  memcpy(fixed + f->start, f->text, m);
  memcpy(fixed + f->start + m, src + f->end, n - f->end + 1);
  assert_string_equal(fixed, want_fixed);
  free(fixed);
  dl_diag_list_free(&list);
}

static void a_pair_spaced_on_the_wrong_side(void **state) {
  (void)state;
  assert_spacing_fix("**Has Congruency. **There it is.\n", "spacing",
                     "**Has Congruency.** There it is.\n");
  assert_spacing_fix("Very *experienced *(and kind).\n", "spacing",
                     "Very *experienced* (and kind).\n");
  assert_spacing_fix("our** customers** need it\n", "spacing",
                     "our **customers** need it\n");
  assert_spacing_fix("A **tool **, then more.\n", "spacing",
                     "A **tool**, then more.\n");
  assert_spacing_fix("It *really *works.\n", "spacing",
                     "It *really* works.\n");
  assert_spacing_fix("**Note:**The rest.\n", "close", "**Note:** The rest.\n");
  assert_spacing_fix("_Note:_The plan.\n", "close", "_Note:_ The plan.\n");
  /* the fixed text renders: nothing is left to report */
  assert_findings("**Has Congruency.** There it is.\n", R, NULL, "");
  assert_findings("Very *experienced* (and kind).\n", R, NULL, "");
  assert_findings("our **customers** need it\n", R, NULL, "");
  assert_findings("A **tool**, then more.\n", R, NULL, "");
}

static void maths_globs_emails_and_rows_are_quiet(void **state) {
  (void)state;
  assert_findings("Use 2*3 here.\n", R, NULL, "");
  assert_findings("The product x*y is simple.\n", R, NULL, "");
  assert_findings("It costs n*log(n) time.\n", R, NULL, "");
  assert_findings("Impact = reach*confidence.\n", R, NULL, "");
  assert_findings("Match the glob src/**/*.c please.\n", R, NULL, "");
  assert_findings("Write to jane_doe_@example.com today.\n", R, NULL, "");
  assert_findings("Write to _jane@example.com today.\n", R, NULL, "");
  assert_findings("Fill in: I want to ___ so that ___.\n", R, NULL, "");
  assert_findings("Rated *****, five stars.\n", R, NULL, "");
  assert_findings("Revenue grew.**\n\n**Unaudited figures.\n", R, NULL, "");
  /* ...but not their look-alikes */
  assert_findings("![](a.png)*Note: more soon\n", R, NULL, "1:11");
  assert_findings("Write _to jane at example.com.\n", R, NULL, "1:7");
  assert_findings("Rated ****Great\n", R, NULL, "1:7");
  assert_findings("Revenue grew.** Costs fell.\n", R, NULL, "1:14");
  assert_findings("It **grew.**\n\n**Unaudited figures.\n", R, NULL, "3:1");
}

static void stars_before_a_plain_word_open(void **state) {
  (void)state;
  assert_findings("Then **it broke and nobody saw.\n", R, NULL, "1:6");
  assert_findings("We said **its fine.\n", R, NULL, "1:9");
  assert_findings("It was a *hit song for years.\n", R, NULL, "1:10");
}

static void a_pair_is_one_finding_in_its_medium_shape(void **state) {
  (void)state;
  assert_findings("We shipped** it. Later we tested** it.\n", R, NULL,
                  "1:11,1:33");
  assert_findings("We **shipped it. Later we **tested it.\n", R, NULL,
                  "1:4,1:27");
  assert_findings("We _shipped it. Later we _tested it.\n", R, NULL,
                  "1:4,1:26");
  assert_findings("We *shipped it on time and *tested it too.\n", R, NULL,
                  "1:4,1:28");
  /* Medium's export: a marker moved past a space, after a phrase or a
   * whole sentence, or a span running on into a link: one finding each */
  assert_findings("It *really *works. The **team is **happy.\n", R, NULL,
                  "1:4,1:24");
  assert_findings("**Done. It shipped. **Next we rest.\n", R, NULL, "1:1");
  assert_findings("our** customers** need it\n", R, NULL, "1:4");
  assert_findings("*Update: it is here. More *[*here*](http://a.b)\n", R,
                  NULL, "1:1");
}

static void a_closer_glued_after_punctuation(void **state) {
  (void)state;
  /* one finding, from the opener to the glued closer */
  assert_findings("**Note:**The rest.\n", R, NULL, "1:1");
  assert_findings("*Note:*The rest.\n", R, NULL, "1:1");
  assert_findings("- **Note:**The rest.\n", R, NULL, "1:3");
  assert_findings("## **Step 1:**Plan\n", R, NULL, "1:4");
  assert_findings("**\"Quote\"**text follows.\n", R, NULL, "1:1");
  /* a space after it closes; a bracket that opens is two openers */
  assert_findings("**Note:** The rest.\n", R, NULL, "");
  assert_findings("**STCA (**Systems Thinking Agent).\n", R, NULL, "1:1,1:9");
  /* Medium's link card: a summary glued to the site's name shows both */
  assert_findings("[**Beat the Feature Factory**\n*I have used this talk to "
                  "explain it\xE2\x80\xA6*hackernoon.com](https://x.y/a)\n",
                  R, NULL, "2:1");
}

static void a_glued_underscore_closer(void **state) {
  (void)state;
  /* an `_` after punctuation and before a letter cannot close either */
  assert_findings("_Note:_The plan.\n", R, NULL, "1:1");
  assert_findings("## _Note:_The plan\n", R, NULL, "1:4");
  assert_findings("- _Why it matters:_Teams drift.\n", R, NULL, "1:3");
  assert_findings("__Note:__The plan.\n", R, NULL, "1:1");
  /* ...but a closer before a space closes, and code stays code */
  assert_findings("_Note:_ The plan.\n", R, NULL, "");
  assert_findings("Call window._Private or std::_M_impl here.\n", R, NULL, "");
  assert_findings("Set key:_Value here.\n", R, NULL, "1:9");
}

static void a_pair_across_a_link_boundary(void **state) {
  (void)state;
  /* a link's text is emphasised on its own: a marker inside cannot pair
   * with one outside, and the reader sees both */
  assert_findings("See [**the post](http://x.com)** now.\n", R, NULL,
                  "1:6,1:31");
  assert_findings("**See [the post**](http://x.com) now.\n", R, NULL,
                  "1:1,1:16");
  assert_findings("See [*the post](http://x.com)* now.\n", R, NULL,
                  "1:6,1:30");
  assert_findings("See [_the post](http://x.com)_ now.\n", R, NULL,
                  "1:6,1:30");
  /* ...while pairs on one side of the brackets are Medium's shape: one
   * finding for a pair spaced wrongly */
  assert_findings("See [**the post**](http://x.com) now.\n", R, NULL, "");
  assert_findings("See **[the post](http://x.com)** now.\n", R, NULL, "");
  assert_findings("It *really *[*works*](http://a.b) now.\n", R, NULL, "1:4");
  assert_findings("[It *really *works](http://a.b) now.\n", R, NULL, "1:5");
}

static void footnotes_are_bounded(void **state) {
  (void)state;
  /* a mark after a percent sign is a footnote mark */
  assert_findings("We grew 40%* last year.\n\nMore text.\n\n*Unaudited.\n", R,
                  NULL, "");
  assert_findings("Churn fell 12%*.\n\n*Unaudited.\n", R, NULL, "");
  /* ...and only with its note */
  assert_findings("Churn fell 12%*.\n", R, NULL, "1:15");
  assert_findings("It costs $10M*.\n\nIt grew 3.5x*.\n\n*Estimate.\n\n"
                  "*Rounded.\n", R, NULL, "");
  /* one note per mark, at the end of the post or right after the mark */
  assert_findings("The price* is final.\n\n*Before tax.\n\nWe talked.\n", R,
                  NULL, "");
  assert_findings("The price* is final.\n\nWe talked.\n\n*Before tax.\n", R,
                  NULL, "");
  assert_findings("A price*.\n\nA fee*.\n\nWe talked.\n\n*Before tax.\n\n"
                  "*Waived.\n", R, NULL, "");
  assert_findings("The price* is final.\n\nWe talked.\n\n*This italic is "
                  "never closed\n\n*Another one never closed.\n", R, NULL,
                  "7:1");
  /* a note mid-post answers no mark: both show */
  assert_findings("The price* is final.\n\nWe talked.\n\n*Never closed.\n\n"
                  "We left.\n", R, NULL, "1:10,5:1");
  assert_findings("Revenue grew.**\n\nWe talked.\n\n**Unaudited.\n\n"
                  "**Never closed.\n", R, NULL, "7:1");
  /* a `*` after an image opens its caption: no footnote mark */
  assert_findings("![](a.png)*\nLonger text\n\nWe talked.\n\n> *Us executives "
                  "are so busy!\n", R, NULL, "1:11,6:3");
  assert_findings("![](a.png)*Longer text\n\nWe talked.\n\n> *Us executives "
                  "are so busy!\n", R, NULL, "1:11,5:3");
}

static void reports_the_delimiter_span_and_kind(void **state) {
  (void)state;
  dl_diag_list list;
  unit_lint("a **b\n", R, NULL, &list);
  assert_int_equal(list.len, 1);
  assert_int_equal(list.items[0].start, 2);
  assert_int_equal(list.items[0].end, 4);
  assert_string_equal(list.items[0].kind, "open");
  assert_non_null(strstr(list.items[0].message, "'**'"));
  dl_diag_list_free(&list);
  unit_lint("b_ c\n", R, NULL, &list);
  assert_int_equal(list.len, 1);
  assert_string_equal(list.items[0].kind, "close");
  dl_diag_list_free(&list);
  unit_lint("**Note:**The\n", R, NULL, &list);
  assert_int_equal(list.len, 1);
  assert_string_equal(list.items[0].kind, "close");
  assert_non_null(strstr(list.items[0].message, "put a space after it"));
  dl_diag_list_free(&list);
  unit_lint("_Note:_The\n", R, NULL, &list);
  assert_int_equal(list.len, 1);
  assert_int_equal(list.items[0].start, 0); /* the opener, to the closer */
  assert_int_equal(list.items[0].end, 7);
  assert_string_equal(list.items[0].kind, "close");
  assert_non_null(strstr(list.items[0].message, "put a space after it"));
  dl_diag_list_free(&list);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(dangling_openers),
      cmocka_unit_test(stray_closers),
      cmocka_unit_test(everywhere_a_writer_puts_them),
      cmocka_unit_test(emphasis_does_not_cross_paragraphs),
      cmocka_unit_test(closed_emphasis_is_quiet),
      cmocka_unit_test(look_alikes_are_quiet),
      cmocka_unit_test(deliberate_writing_is_quiet),
      cmocka_unit_test(maths_globs_emails_and_rows_are_quiet),
      cmocka_unit_test(stars_before_a_plain_word_open),
      cmocka_unit_test(the_reader_sees_these),
      cmocka_unit_test(a_footnote_mark_mid_paragraph),
      cmocka_unit_test(a_pair_spaced_on_the_wrong_side),
      cmocka_unit_test(a_pair_is_one_finding_in_its_medium_shape),
      cmocka_unit_test(a_closer_glued_after_punctuation),
      cmocka_unit_test(a_glued_underscore_closer),
      cmocka_unit_test(a_pair_across_a_link_boundary),
      cmocka_unit_test(footnotes_are_bounded),
      cmocka_unit_test(reports_the_delimiter_span_and_kind),
  };
  return cmocka_run_group_tests_name(R, tests, NULL, NULL);
}
