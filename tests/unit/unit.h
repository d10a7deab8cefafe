/*
 * unit.h: what every unit test needs: cmocka, and a way to lint a string
 * with chosen rules through the real parser and engine.
 */
#ifndef DRAFTLINT_UNIT_H
#define DRAFTLINT_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "draftlint/alloc.h"
#include "engine/engine.h"
#include "config/settings.h"

/* A document parsed from a string (copied). */
static inline dl_doc *unit_doc(const char *markdown) {
  size_t n = strlen(markdown);
  char *src = dl_xmalloc(n + 1);
  memcpy(src, markdown, n);
  return dl_doc_new("test.md", src, n);
}

/* Lints `markdown` with only `rule` on (and `assignment`, "rule.key=value",
 * when not NULL); fills `out` with the findings, sorted. */
static inline void unit_lint(const char *markdown, const char *rule,
                             const char *assignment, dl_diag_list *out) {
  dl_settings s;
  dl_settings_defaults(&s);
  for (int i = 0; i < DL_RULE_COUNT; i++)
    if (strcmp(dl_rules[i].name, rule) != 0)
      s.severity[i] = DL_SEV_NONE;
  char *error = NULL;
  if (assignment)
    assert_int_equal(dl_settings_assign(&s, assignment, &error), 0);
  dl_engine e;
  assert_int_equal(dl_engine_init(&e, &s, &error), 0);
  dl_doc *doc = unit_doc(markdown);
  *out = (dl_diag_list){0};
  dl_engine_check(&e, doc, out);
  dl_doc_free(doc);
  dl_engine_fini(&e);
  dl_settings_free(&s);
}

/* The 1-based line of each finding, as "l1,l2,..." (for short asserts). */
static inline char *unit_lines(const char *markdown, const char *rule,
                               const char *assignment) {
  dl_diag_list list;
  unit_lint(markdown, rule, assignment, &list);
  dl_doc *doc = unit_doc(markdown);
  char *s = dl_xstrdup("");
  for (size_t i = 0; i < list.len; i++) {
    size_t line, col;
    dl_doc_locate(doc, list.items[i].start, &line, &col);
    char *more = dl_strdup_printf("%s%s%zu:%zu", s, i ? "," : "", line, col);
    free(s);
    s = more;
  }
  dl_doc_free(doc);
  dl_diag_list_free(&list);
  return s;
}

#define assert_findings(markdown, rule, assignment, expected)                  \
  do {                                                                         \
    char *got_ = unit_lines(markdown, rule, assignment);                       \
    assert_string_equal(got_, expected);                                       \
    free(got_);                                                                \
  } while (0)

#endif
