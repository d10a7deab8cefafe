/*
 * test_linear.c: the code paths that were rewritten to stay linear on
 * hostile drafts (issue 7) say exactly what the quadratic versions said.
 * Every expectation here was first printed by the quadratic code; the
 * drafts are small enough for it, and big enough to cross the caches'
 * boundaries (a 4 KB column step, word and line caches, pairing groups).
 */
#include "unit.h"

#include "draftlint/text.h"

/* Columns on a long line with multibyte characters, at every kind of
 * offset: inside the first 4 KB step, across steps, at the line end,
 * after CRLF and a BOM, agree with counting the code points one by one. */
static void long_line_columns_count_code_points(void **state) {
  (void)state;
  size_t reps = 7000; /* "aé€" is 6 bytes: 42,000 bytes on one line */
  size_t n = 3 + 2 + reps * 6 + 2 + 1;
  char *src = dl_xmalloc(n + 1), *p = src;
  memcpy(p, "\xEF\xBB\xBF", 3), p += 3;
  memcpy(p, "\r\n", 2), p += 2;
  for (size_t i = 0; i < reps; i++)
    memcpy(p, "a\xC3\xA9\xE2\x82\xAC", 6), p += 6;
  memcpy(p, "\r\nz", 3), p += 3;
  size_t len = (size_t)(p - src);
  dl_doc *doc = dl_doc_new("t.md", src, len);
  size_t line_start = 5;
  for (size_t off = line_start; off <= line_start + reps * 6;
       off += off < line_start + 50 ? 1 : 997) {
    size_t line, col;
    dl_doc_locate(doc, off, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, dl_utf8_count(doc->src + line_start,
                                        off - line_start) + 1);
  }
  size_t line, col;
  dl_doc_locate(doc, len - 1, &line, &col); /* the 'z' */
  assert_int_equal(line, 3);
  assert_int_equal(col, 1);
  dl_doc_locate(doc, 3, &line, &col); /* just after the BOM */
  assert_int_equal(line, 1);
  assert_int_equal(col, 1);
  dl_doc_free(doc);
}

/* A paragraph whose text is longer than its source (each "&nGt;" is 5
 * bytes and shows as 6) outgrows the room reserved for it (its source's
 * length, rounded up to a power of two): the text, its map and flags
 * survive the move. */
static void text_longer_than_its_source(void **state) {
  (void)state;
  size_t n = 380; /* 1,905 bytes reserve 2,048; the text takes 2,282 */
  char *md = dl_xmalloc(n * 5 + 8), *p = md;
  for (size_t i = 0; i < n; i++)
    memcpy(p, "&nGt;", 5), p += 5;
  strcpy(p, " *x*\n");
  dl_doc *doc = unit_doc(md);
  assert_int_equal(doc->nblocks, 1);
  const dl_text *t = &doc->blocks[0].text;
  assert_int_equal(t->len, n * 6 + 2);
  /* (Each entity's second code point is placed at the next entity: a
   * known approximation of the alignment, the same before and after.) */
  for (size_t i = 0; i < n; i++)
    assert_memory_equal(t->s + i * 6, "\xE2\x89\xAB\xE2\x83\x92", 6);
  for (size_t i = 1; i <= t->len; i++) {
    assert_true(t->map[i] >= t->map[i - 1]);
    assert_true(t->map[i] <= doc->len);
  }
  assert_int_equal(t->s[n * 6 + 1], 'x');
  assert_int_equal(t->map[n * 6 + 1], n * 5 + 2);
  assert_true(t->flags[n * 6 + 1] & DL_TX_EMPH);
  dl_doc_free(doc);
  free(md);
}

#define H "duplicate-heading"

/* Two texts that alternate are labels; anything else repeated twice is a
 * duplicate.  The interleaving test now reads monotonic stacks. */
static void alternation_as_before(void **state) {
  (void)state;
  assert_findings("## A\n\n## B\n\n## A\n\n## B\n", H, NULL, "");
  assert_findings("## A\n\n## B\n\n## B\n\n## A\n", H, NULL, "5:4,7:4");
  assert_findings("## A\n\n## B\n\n## C\n\n## B\n\n## A\n\n## C\n", H, NULL, "");
  assert_findings("## A\n\n## X\n\n## A\n\n## Y\n\n## Y\n", H, NULL, "5:4,9:4");
  assert_findings("## B\n\n## A\n\n## B\n\n## A\n\n## B\n", H, NULL, "");
  assert_findings("# P\n\n## A\n\n## B\n\n# Q\n\n## B\n\n## A\n", H, NULL, "");
}

/* 2,000 texts that each come back once, in the same order, alternate
 * with their neighbours: no finding.  In reverse order they nest (A B ...
 * B A) and every second one is a duplicate. */
static void many_pairs_as_before(void **state) {
  (void)state;
  size_t n = 2000;
  char *md = dl_xmalloc(n * 2 * 16 + 1), *p = md;
  for (size_t i = 0; i < 2 * n; i++)
    p += sprintf(p, "## H %zu\n\n", i % n);
  assert_findings(md, H, NULL, "");
  p = md;
  for (size_t i = 0; i < 2 * n; i++)
    p += sprintf(p, "## H %zu\n\n", i < n ? i : 2 * n - 1 - i);
  dl_diag_list list;
  unit_lint(md, H, NULL, &list);
  assert_int_equal(list.len, n);
  dl_diag_list_free(&list);
  free(md);
}

#define E "unclosed-emphasis"

/* Pairing of leftover runs, each kind of partner, as before. */
static void pairing_as_before(void **state) {
  (void)state;
  /* the reader sees "**x **a **b **y": no pair spaced wrongly, for the
   * outer two hold other markers between them */
  assert_findings("**x ****a** ****b** **y\n", E, NULL, "1:1,1:13,1:21");
  /* "b*" has no note: no footnote mark */
  assert_findings("*a, and** b* then **c\n", E, NULL, "1:8,1:12,1:19");
  /* the reader sees "ideas** (**not": both show */
  assert_findings("*ideas*** (**not it\n", E, NULL, "1:7,1:12");
  assert_findings("***a* ***b* **c\n", E, NULL, "1:1,1:7,1:13");
  assert_findings("x**y*z**w*v\n", E, NULL, "");
}

/* Bare URLs and censored words, with several words in one block so that
 * the word and URL caches move on and start over. */
static void words_as_before(void **state) {
  (void)state;
  assert_findings("www.a.com/_x foo_bar http://b.c/_d e_ f _g (http://z.y/_q_) "
                  "h://_x_ www._a_\n",
                  E, NULL, "1:41");
  /* "://_x" is code-like, so it no longer pairs with "_z": that dangling
   * opener is reported. */
  assert_findings("a ://_x and x://_y_ and _z\n", E, NULL, "1:25");
  assert_findings("Un***king and f***ing and motherf***er and "
                  "motherfuckerfucker* x\n",
                  E, NULL, "");
}

/* Many leftovers in one paragraph: each '***a*' leaves a '**' that pairs
 * with nothing; a 100 KB word of intraword underscores has one stray
 * closer, at its end. */
static void many_leftovers_as_before(void **state) {
  (void)state;
  size_t n = 3000;
  char *md = dl_xmalloc(n * 6 + 2);
  for (size_t i = 0; i < n; i++)
    memcpy(md + i * 6, "***a* ", 6);
  strcpy(md + n * 6, "\n");
  dl_diag_list list;
  unit_lint(md, E, NULL, &list);
  assert_int_equal(list.len, n);
  assert_int_equal(list.items[n - 1].start, (n - 1) * 6);
  dl_diag_list_free(&list);
  free(md);
  n = 50000;
  md = dl_xmalloc(n * 2 + 2);
  for (size_t i = 0; i < n; i++)
    memcpy(md + i * 2, "a_", 2);
  strcpy(md + n * 2, "\n");
  unit_lint(md, E, NULL, &list);
  assert_int_equal(list.len, 1);
  assert_int_equal(list.items[0].start, n * 2 - 1);
  assert_string_equal(list.items[0].kind, "close");
  dl_diag_list_free(&list);
  free(md);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(long_line_columns_count_code_points),
      cmocka_unit_test(text_longer_than_its_source),
      cmocka_unit_test(alternation_as_before),
      cmocka_unit_test(many_pairs_as_before),
      cmocka_unit_test(pairing_as_before),
      cmocka_unit_test(words_as_before),
      cmocka_unit_test(many_leftovers_as_before),
  };
  return cmocka_run_group_tests_name("linear", tests, NULL, NULL);
}
