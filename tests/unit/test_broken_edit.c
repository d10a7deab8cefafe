/* test_broken_edit.c: the patience diff, and each kind of broken-edit with
 * the edits that must stay quiet beside it. */
#include "unit.h"

#include "broken_edit/align.h"

/* ---- align ---- */

static void S_check_alignment(const uint64_t *a, size_t na, const uint64_t *b,
                              size_t nb, const size_t *am, const size_t *bm) {
  size_t last = 0;
  bool any = false;
  for (size_t i = 0; i < na; i++) {
    if (am[i] == DL_ALIGN_NONE)
      continue;
    assert_true(am[i] < nb);
    assert_true(a[i] == b[am[i]]);
    assert_true(bm[am[i]] == i);
    assert_true(!any || am[i] > last); /* matches never cross */
    last = am[i];
    any = true;
  }
}

static void align_small(void **state) {
  (void)state;
  uint64_t a[] = {1, 2, 3, 4, 5, 6};
  uint64_t b[] = {1, 2, 9, 4, 6, 5};
  size_t am[6], bm[6];
  dl_align(a, 6, b, 6, am, bm);
  S_check_alignment(a, 6, b, 6, am, bm);
  assert_true(am[0] == 0 && am[1] == 1 && am[3] == 3);
  assert_true(am[2] == DL_ALIGN_NONE && bm[2] == DL_ALIGN_NONE);
  /* 5 and 6 swapped: one of them is kept, the other moved */
  assert_true((am[4] == DL_ALIGN_NONE) != (am[5] == DL_ALIGN_NONE));
  /* empty sides */
  dl_align(a, 0, b, 6, am, bm);
  for (size_t j = 0; j < 6; j++)
    assert_true(bm[j] == DL_ALIGN_NONE);
}

/* Random edits of a long sequence: everything untouched is matched, and
 * the matches are a valid alignment. */
static void align_random(void **state) {
  (void)state;
  enum { N = 20000 };
  uint64_t *a = dl_xmalloc(N * sizeof *a), *b = dl_xmalloc(2 * N * sizeof *b);
  bool *kept = dl_xcalloc(N, sizeof *kept);
  uint64_t seed = 14;
  size_t nb = 0;
  for (size_t i = 0; i < N; i++)
    a[i] = i % 7 == 0 ? 42 : 1000 + i; /* a repeated item among unique ones */
  for (size_t i = 0; i < N; i++) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    unsigned r = (unsigned)(seed >> 33) % 100;
    if (r < 3)
      continue; /* deleted */
    if (r < 6)
      b[nb++] = 5000000 + i; /* inserted before it */
    kept[i] = a[i] != 42;
    b[nb++] = a[i];
  }
  size_t *am = dl_xmalloc(N * sizeof *am), *bm = dl_xmalloc(nb * sizeof *bm);
  dl_align(a, N, b, nb, am, bm);
  S_check_alignment(a, N, b, nb, am, bm);
  for (size_t i = 0; i < N; i++)
    if (kept[i])
      assert_true(am[i] != DL_ALIGN_NONE);
  free(a), free(b), free(kept), free(am), free(bm);
}

/* ---- the rule ---- */

/* The findings of broken-edit on `new_md` compared with `old_md`, as
 * "line:kind:before1/before2,..." */
static char *S_edit(const char *old_md, const char *new_md) {
  dl_settings s;
  dl_settings_defaults(&s);
  for (int i = 0; i < DL_RULE_COUNT; i++)
    if (i != DL_RULE_BROKEN_EDIT)
      s.severity[i] = DL_SEV_NONE;
  char *error = NULL;
  dl_engine e;
  assert_int_equal(dl_engine_init(&e, &s, &error), 0);
  dl_doc *doc = unit_doc(new_md);
  doc->before = old_md ? unit_doc(old_md) : NULL;
  dl_diag_list list = {0};
  dl_engine_check(&e, doc, &list);
  char *out = dl_xstrdup("");
  for (size_t i = 0; i < list.len; i++) {
    const dl_diag *d = &list.items[i];
    size_t line, col;
    dl_doc_locate(doc, d->start, &line, &col);
    assert_true(d->confidence == 1.0);
    char *more = dl_strdup_printf("%s%s%zu:%s:%zu/%zu", out, i ? "," : "",
                                  line, d->kind, d->before_line[0],
                                  d->before_line[1]);
    free(out);
    out = more;
  }
  dl_diag_list_free(&list);
  dl_doc_free(doc);
  dl_engine_fini(&e);
  dl_settings_free(&s);
  return out;
}

#define assert_edit(old_md, new_md, want)                                      \
  do {                                                                         \
    char *got_ = S_edit(old_md, new_md);                                       \
    assert_string_equal(got_, want);                                           \
    free(got_);                                                                \
  } while (0)

#define OLD                                                                    \
  "# Notes\n\n"                                                                \
  "I frequently find myself thinking about how teams decide. Most of it "     \
  "comes back to ivory tower design. We argued about it for a week.\n\n"       \
  "Because we shipped early, we learned a lot about our users.\n\n"            \
  "The last paragraph has a sentence of its own.\n"

static void splice(void **state) {
  (void)state;
  /* a deletion across a boundary, in a paragraph and across paragraphs */
  assert_edit(OLD, "# Notes\n\nI frequently find myself ivory tower design. "
                   "We argued about it for a week.\n\nBecause we shipped "
                   "early, we learned a lot about our users.\n\nThe last "
                   "paragraph has a sentence of its own.\n",
              "3:edit-splice:3/3");
  assert_edit(OLD, "# Notes\n\nI frequently find myself thinking about how "
                   "teams decide. Most of it comes back to ivory tower design. "
                   "We argued about a lot about our users.\n\nThe last "
                   "paragraph has a sentence of its own.\n",
              "3:edit-splice:3/5");
  /* a passage across a boundary pasted into a sentence */
  assert_edit(OLD, "# Notes\n\nI frequently find myself thinking about how "
                   "teams decide. Most of it comes back to ivory tower design. "
                   "We argued about it for a week.\n\nBecause we shipped "
                   "early, we learned a lot paragraph has a sentence of its "
                   "own.\n\nThe last paragraph has a sentence of its own.\n",
              "5:edit-splice:5/7");
  /* the middle of one sentence cut, and its verb with it */
  assert_edit("We argued about the plan for a week.\n",
              "We for a week.\n", "1:edit-splice:1/0");
  /* ... but a cut that keeps a verb is an ordinary edit */
  assert_edit("We argued about the plan for a whole week.\n",
              "We argued for a whole week.\n", "");
}

static void fragment(void **state) {
  (void)state;
  assert_edit(OLD, "# Notes\n\nI frequently find myself thinking about how "
                   "teams decide. Most of it comes back to ivory tower design. "
                   "We argued about it for a week.\n\nBecause we shipped "
                   "early.\n\nThe last paragraph has a sentence of its own.\n",
              "5:edit-fragment:5/0");
  /* a clause cut off that leaves a main clause: an ordinary edit */
  assert_edit(OLD, "# Notes\n\nI frequently find myself thinking about how "
                   "teams decide. Most of it comes back to ivory tower design. "
                   "We argued about it.\n\nBecause we shipped early, we "
                   "learned a lot about our users.\n\nThe last paragraph has "
                   "a sentence of its own.\n",
              "");
  /* split in two at the comma: the rest is the next sentence */
  assert_edit(OLD, "# Notes\n\nI frequently find myself thinking about how "
                   "teams decide. Most of it comes back to ivory tower design. "
                   "We argued about it for a week.\n\nBecause we shipped "
                   "early. We learned a lot about our users.\n\nThe last "
                   "paragraph has a sentence of its own.\n",
              "");
}

static void repeat(void **state) {
  (void)state;
  assert_edit(OLD, "# Notes\n\nI frequently find myself thinking about how "
                   "teams decide. Most of it comes back to ivory tower design. "
                   "Most of it comes back to ivory tower design. We argued "
                   "about it for a week.\n\nBecause we shipped early, we "
                   "learned a lot about our users.\n\nThe last paragraph has "
                   "a sentence of its own.\n",
              "3:edit-repeat:3/0");
  assert_edit(OLD, "# Notes\n\nI frequently find myself thinking about how "
                   "teams decide. Most of it comes back to ivory tower design. "
                   "We argued about it for a week.\n\nBecause we shipped "
                   "early, we learned a lot about our users.\n\nBecause we "
                   "shipped early, we learned a lot about our users.\n\nThe "
                   "last paragraph has a sentence of its own.\n",
              "7:edit-repeat:5/0");
  /* short doubles a writer means, and repeats already there before */
  assert_edit("Will it work?\n", "Will it work? No. No.\n", "");
  assert_edit("It was a long week. It was a long week.\n",
              "It was a long week. It was a long week. Then it ended.\n", "");
}

static void whole_edits(void **state) {
  (void)state;
  /* a sentence deleted, added, moved; a word fixed; a paragraph gone */
  const char *quiet[] = {
      "# Notes\n\nI frequently find myself thinking about how teams decide. "
      "We argued about it for a week.\n\nBecause we shipped early, we "
      "learned a lot about our users.\n\nThe last paragraph has a sentence "
      "of its own.\n",
      "# Notes\n\nI frequently find myself thinking about how teams decide. "
      "It is easy to forget. Most of it comes back to ivory tower design. We "
      "argued about it for a week.\n\nBecause we shipped early, we learned a "
      "lot about our users.\n\nThe last paragraph has a sentence of its "
      "own.\n",
      "# Notes\n\nMost of it comes back to ivory tower design. I frequently "
      "find myself thinking about how teams decide. We argued about it for a "
      "week.\n\nBecause we shipped early, we learned a lot about our "
      "users.\n\nThe last paragraph has a sentence of its own.\n",
      "# Notes\n\nI often find myself thinking about how teams decide. Most "
      "of it comes back to ivory tower design. We argued about it for a "
      "week.\n\nBecause we shipped early, we learned a lot about our "
      "users.\n\nThe last paragraph has a sentence of its own.\n",
      "# Notes\n\nI frequently find myself thinking about how teams decide. "
      "Most of it comes back to ivory tower design. We argued about it for a "
      "week.\n\nThe last paragraph has a sentence of its own.\n",
      /* joined with a typed conjunction */
      "# Notes\n\nI frequently find myself thinking about how teams decide, "
      "and most of it comes back to ivory tower design. We argued about it "
      "for a week.\n\nBecause we shipped early, we learned a lot about our "
      "users.\n\nThe last paragraph has a sentence of its own.\n",
      /* no change at all */
      OLD,
  };
  for (size_t i = 0; i < sizeof quiet / sizeof *quiet; i++)
    assert_edit(OLD, quiet[i], "");
  /* no version before: nothing to compare */
  assert_edit(NULL, "I frequently find myself ivory tower design.\n", "");
  /* code spans are told apart by their text */
  assert_edit("Doubles writers mean (`that that`, `had had`, `very very`).\n\n"
              "New checks look for a cut.\n",
              "Doubles writers mean (`that that`, `had had`, `very very`).\n\n"
              "New checks look for a cut (`at the and`, `why might`, `they "
              "can the`).\n",
              "");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(align_small), cmocka_unit_test(align_random),
      cmocka_unit_test(splice),      cmocka_unit_test(fragment),
      cmocka_unit_test(repeat),      cmocka_unit_test(whole_edits),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
