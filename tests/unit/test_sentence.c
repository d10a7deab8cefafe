/* test_sentence.c: the sentence segmenter. */
#include "unit.h"

#include "draftlint/sentence.h"

/* The sentences of a one-paragraph document, joined with " | ". */
static char *S_split(const char *md) {
  dl_doc *doc = unit_doc(md);
  size_t n;
  const dl_sentence *s = dl_doc_sentences(doc, &n);
  char *out = dl_xstrdup("");
  for (size_t i = 0; i < n; i++) {
    const dl_text *t = &doc->blocks[s[i].block].text;
    char *more = dl_strdup_printf("%s%s%.*s", out, i ? " | " : "",
                                  (int)(s[i].to - s[i].from), t->s + s[i].from);
    free(out);
    out = more;
  }
  dl_doc_free(doc);
  return out;
}

#define assert_split(md, want)                                                 \
  do {                                                                         \
    char *got_ = S_split(md);                                                  \
    assert_string_equal(got_, want);                                           \
    free(got_);                                                                \
  } while (0)

static void basic(void **state) {
  (void)state;
  assert_split("One. Two! Three? Four\n", "One. | Two! | Three? | Four");
  assert_split("# A heading\n\nA line\nwrapped. Next.\n",
               "A heading | A line\nwrapped. | Next.");
}

static void abbreviations_and_numbers(void **state) {
  (void)state;
  assert_split("Ask Dr. Smith, e.g. about it. Pay $3.50 now.\n",
               "Ask Dr. Smith, e.g. about it. | Pay $3.50 now.");
  assert_split("John P. Cutler wrote it. Then stop.\n",
               "John P. Cutler wrote it. | Then stop.");
}

static void quotes_and_ellipses(void **state) {
  (void)state;
  assert_split("He said “stop.” Then left.\n", "He said “stop.” | Then left.");
  assert_split("Wait... and see. Or not…\n", "Wait... and see. | Or not…");
  assert_split("It works (mostly.) Next one.\n", "It works (mostly.) | Next one.");
}

static void unicode(void **state) {
  (void)state;
  assert_split("Ship it 🚀. Écoute bien. 日本語です。\n",
               "Ship it 🚀. | Écoute bien. | 日本語です。");
  assert_split("Code `a. B` stays. Next.\n", "Code a. B stays. | Next.");
}

static void more_abbreviations(void **state) {
  (void)state;
  assert_split("See No. 5 first. The answer is no. Then stop.\n",
               "See No. 5 first. | The answer is no. | Then stop.");
  assert_split("Ask Prof. Lee, Mr. Kay and Ms. Wu at 9 a.m. Monday. Done.\n",
               "Ask Prof. Lee, Mr. Kay and Ms. Wu at 9 a.m. Monday. | Done.");
  assert_split("It grew 2.5x vs. last year, i.e. a lot. Good.\n",
               "It grew 2.5x vs. last year, i.e. a lot. | Good.");
}

static void curly_quotes_and_ellipses(void **state) {
  (void)state;
  assert_split("She asked, “Why now?” Nobody knew.\n",
               "She asked, “Why now?” | Nobody knew.");
  assert_split("‘Done.’ Next.\n", "‘Done.’ | Next.");
  assert_split("We waited… Then it shipped. Or did it…?\n",
               "We waited… | Then it shipped. | Or did it…?");
  assert_split("And then... nothing happened. Odd!\n",
               "And then... nothing happened. | Odd!");
}

static void glued(void **state) {
  (void)state;
  assert_split("I guess not so much.And what now? HEAR ME!!Here it is.\n",
               "I guess not so much. | And what now? | HEAR ME!! | Here it is.");
  assert_split("Use Node.js and ASP.NET on example.com/About today.\n",
               "Use Node.js and ASP.NET on example.com/About today.");
}

static void emoji_and_cjk(void **state) {
  (void)state;
  assert_split("We shipped 🎉! The team 👏 cheered. 🚀 Next.\n",
               "We shipped 🎉! | The team 👏 cheered. | 🚀 Next.");
  assert_split("今日は晴れ。明日は雨！本当？ OK.\n",
               "今日は晴れ。 | 明日は雨！ | 本当？ | OK.");
}

static void positions(void **state) {
  (void)state;
  const char *md = "- item *one*. Two.\n";
  dl_doc *doc = unit_doc(md);
  size_t n;
  const dl_sentence *s = dl_doc_sentences(doc, &n);
  assert_int_equal(n, 2);
  size_t start, end;
  dl_sentence_range(doc, &s[1], &start, &end);
  assert_int_equal(start, (size_t)(strstr(md, "Two") - md));
  assert_int_equal(end, (size_t)(strstr(md, "Two.") - md) + 4);
  dl_doc_free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(basic),
      cmocka_unit_test(abbreviations_and_numbers),
      cmocka_unit_test(quotes_and_ellipses),
      cmocka_unit_test(unicode),
      cmocka_unit_test(more_abbreviations),
      cmocka_unit_test(curly_quotes_and_ellipses),
      cmocka_unit_test(glued),
      cmocka_unit_test(emoji_and_cjk),
      cmocka_unit_test(positions),
  };
  return cmocka_run_group_tests_name("sentence", tests, NULL, NULL);
}
