/* test_duplicate_heading.c: the bad and good examples of the rule. */
#include "unit.h"

#define R "duplicate-heading"

static void sibling_repeats(void **state) {
  (void)state;
  assert_findings("## Plan\n\ntext\n\n## Plan\n", R, NULL, "5:4");
  assert_findings("# T\n\n## Why now\n\n## *Why* now:\n", R, NULL, "5:5");
  assert_findings("Plan\n====\n\n# plan\n", R, NULL, "4:3"); /* setext, ATX */
  assert_findings("## Ｐｌａｎ\n\n## plan\n", R, NULL, "3:4");     /* NFKC */
  assert_findings("## [Plan](http://x.y)\n\n## `Plan`\n", R, NULL, "3:5");
  /* curly and straight quotes read alike; trailing '.' and ':' go */
  assert_findings("## Don't panic\n\n## Don\xE2\x80\x99t panic\n", R, NULL, "3:4");
  assert_findings("## \"Plan\"\n\n## \xE2\x80\x9CPlan\xE2\x80\x9D\n", R, NULL,
                  "3:4");
  assert_findings("## Plan.\n\n## Plan\n", R, NULL, "3:4");
}

static void names_the_first_line(void **state) {
  (void)state;
  dl_diag_list list;
  unit_lint("## Plan\n\n## Plan\n", R, NULL, &list);
  assert_int_equal(list.len, 1);
  assert_non_null(strstr(list.items[0].message, "line 1"));
  dl_diag_list_free(&list);
}

static void different_parents_are_quiet(void **state) {
  (void)state;
  assert_findings("## A\n#### Executive\n## B\n#### Executive\n", R, NULL, "");
  assert_findings("# A\n## Notes\n# B\n## Notes\n", R, NULL, "");
  assert_findings("## Notes\n### Notes\n", R, NULL, ""); /* other level */
}

static void document_scope_compares_all(void **state) {
  (void)state;
  assert_findings("## A\n#### Executive\n## B\n#### Executive\n", R,
                  "duplicate-heading.scope=document", "4:6");
}

static void recurring_labels_are_quiet(void **state) {
  (void)state;
  /* a dialogue: speakers alternate */
  assert_findings("#### Executive\nx\n#### PM\ny\n#### Executive\nz\n#### PM\n", R,
                  NULL, "");
  /* one label used three times */
  assert_findings("### Example\na\n### Example\nb\n### Example\n", R, NULL, "");
  /* '?' and '!' change the heading */
  assert_findings("## Improvement?\n\n## Improvement!\n", R, NULL, "");
  /* punctuation that changes what a heading says */
  assert_findings("## C\n\n## C++\n\n## C#\n\n## 50%\n\n## 50\n\n"
                  "## Wait...\n\n## Wait\n\n## Plan \\#\n\n## Plan #\n",
                  R, NULL, "");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(sibling_repeats),
      cmocka_unit_test(names_the_first_line),
      cmocka_unit_test(different_parents_are_quiet),
      cmocka_unit_test(document_scope_compares_all),
      cmocka_unit_test(recurring_labels_are_quiet),
  };
  return cmocka_run_group_tests_name(R, tests, NULL, NULL);
}
