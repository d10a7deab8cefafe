/* test_ngram.c: the general-English n-gram table that incoherent-sentence
 * maps (rules/data/english.ngram): common English is in it, word orders
 * English does not use are rare or absent, and a file that is no table is
 * refused by name. */
#include "unit.h"

#include <stdio.h>

#include "lang/lexicon.h"
#include "lang/ngram.h"
#include "draftlint/text.h"
#include "lang/tokens.h"

/* The level of the words of `s` as one n-gram (words only, lower-cased as
 * the tokenizer folds them). */
static unsigned S_level(const dl_ngram *g, const dl_lexicon *lex,
                        const char *s) {
  dl_doc *doc = unit_doc(s);
  const dl_text *t = &doc->blocks[0].text;
  dl_token *tok = NULL;
  size_t cap = 0;
  size_t n = dl_tokenize(t, 0, t->len, lex, &tok, &cap);
  uint64_t sym[DL_NGRAM_MAX];
  assert_true(n >= 1 && n <= DL_NGRAM_MAX);
  for (size_t i = 0; i < n; i++)
    sym[i] = dl_ngram_symbol(&tok[i]);
  unsigned v = dl_ngram_level(g, dl_ngram_key(sym, (int)n));
  free(tok);
  dl_doc_free(doc);
  return v;
}

static void counts(void **state) {
  (void)state;
  char *error = NULL;
  dl_lexicon *lex;
  dl_ngram *g;
  assert_int_equal(dl_lexicon_open(NULL, &lex, &error), 0);
  assert_int_equal(dl_ngram_open(NULL, &g, &error), 0);
  assert_true(g->tokens > 1000000);
  /* "the" is far more common than "team", which is more common than an
   * unknown word; "of the" is common, "the of" is not English */
  unsigned the = S_level(g, lex, "the"), team = S_level(g, lex, "team");
  assert_true(the > team && team > 0);
  assert_int_equal(S_level(g, lex, "zqxwv"), 0);
  /* (a table may count "the of" in a sentence about the word "of") */
  assert_true(S_level(g, lex, "of the") > S_level(g, lex, "the of") + 4 * 8);
  assert_true(S_level(g, lex, "at the same time") > 0);
  assert_int_equal(S_level(g, lex, "time same the at"), 0);
  assert_true(dl_ngram_total_level(g) > 4 * 20);
  dl_ngram_close(g);
  dl_lexicon_close(lex);
}

static void broken(void **state) {
  (void)state;
  char path[] = "/tmp/draftlint-ngram-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "wb");
  for (int i = 0; i < 4096; i++)
    fputc('x', f);
  fclose(f);
  char *error = NULL;
  dl_ngram *g = NULL;
  assert_int_equal(dl_ngram_open(path, &g, &error), -1);
  assert_non_null(strstr(error, "not a draftlint n-gram table"));
  assert_non_null(strstr(error, path));
  free(error);
  remove(path);
  assert_int_equal(dl_ngram_open("/nonexistent/english.ngram", &g, &error), -1);
  assert_non_null(strstr(error, "No such file"));
  free(error);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(counts),
      cmocka_unit_test(broken),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
