/* test_pattern.c: pattern rules (compile checks, scopes, fixes) and the
 * parsing of draftlint comments. */
#include "unit.h"

#include "draftlint/directive.h"
#include "engine/pattern.h"

static dl_pattern *S_pattern(const char *re, const char *msg,
                             const char *replace, dl_pattern_scope scope) {
  dl_pattern *p = dl_xcalloc(1, sizeof *p);
  p->name = dl_xstrdup("house");
  p->origin = dl_xstrdup("test.ini:1");
  p->regex = dl_xstrdup(re);
  p->message = dl_xstrdup(msg);
  p->replace = replace ? dl_xstrdup(replace) : NULL;
  p->severity = DL_SEV_WARNING;
  p->scope = scope;
  return p;
}

/* "line:col message [fix]" of each finding of one pattern over `md`. */
static char *S_run(const char *md, const char *re, const char *msg,
                   const char *replace, dl_pattern_scope scope) {
  dl_pattern *p = S_pattern(re, msg, replace, scope);
  dl_pattern_error err;
  assert_int_equal(dl_pattern_compile(p, &err), 0);
  const dl_pattern *list[] = {p};
  dl_settings s;
  dl_settings_defaults(&s);
  s.patterns = list;
  s.npatterns = 1;
  s.pattern_severity = dl_xcalloc(1, sizeof(dl_severity));
  s.pattern_severity[0] = DL_SEV_WARNING;
  dl_doc *doc = unit_doc(md);
  dl_diag_list out = {0};
  dl_patterns_check(doc, &s, &out);
  dl_diag_list_sort(&out);
  char *got = dl_xstrdup("");
  for (size_t i = 0; i < out.len; i++) {
    size_t line, col;
    dl_doc_locate(doc, out.items[i].start, &line, &col);
    char *more = dl_strdup_printf("%s%s%zu:%zu %s%s%s", got, i ? " | " : "",
                                  line, col, out.items[i].message,
                                  out.items[i].fix ? " => " : "",
                                  out.items[i].fix ? out.items[i].fix->text : "");
    free(got);
    got = more;
  }
  dl_diag_list_free(&out);
  dl_doc_free(doc);
  dl_settings_free(&s);
  dl_pattern_free(p);
  return got;
}

#define assert_run(md, re, msg, rep, scope, want)                              \
  do {                                                                         \
    char *got_ = S_run(md, re, msg, rep, scope);                               \
    assert_string_equal(got_, want);                                           \
    free(got_);                                                                \
  } while (0)

static void compile_errors(void **state) {
  (void)state;
  const struct {
    const char *re, *msg, *rep, *key;
    size_t offset;
  } bad[] = {
      {"(a", "m", NULL, "pattern", 2},
      {"a", "saw $2", NULL, "message", 4},
      {"(?<w>a)", "m", "${x}", "replace", 0},
      {"a", "cost $x", NULL, "message", 5},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    dl_pattern *p = S_pattern(bad[i].re, bad[i].msg, bad[i].rep, DL_PSCOPE_TEXT);
    dl_pattern_error err;
    assert_int_equal(dl_pattern_compile(p, &err), -1);
    assert_string_equal(err.key, bad[i].key);
    assert_int_equal(err.offset, bad[i].offset);
    assert_null(p->code); /* a rule that cannot speak never runs */
    free(err.message);
    dl_pattern_free(p);
  }
}

static void scopes(void **state) {
  (void)state;
  const char *md = "# Very Big heading\n\nA *very* good start. Very nice end.\n\n"
                   "See [a very long link](http://x) and `very code`.\n";
  assert_run(md, "(?i)\\bvery (\\w+)", "very $1", NULL, DL_PSCOPE_TEXT,
             "1:3 very Big | 3:4 very good | 3:22 very nice | 5:8 very long");
  assert_run(md, "(?i)^very", "start", NULL, DL_PSCOPE_SENTENCE,
             "1:3 start | 3:22 start");
  assert_run(md, "(?i)very", "x", NULL, DL_PSCOPE_HEADING, "1:3 x");
  assert_run(md, "(?i)very", "x", NULL, DL_PSCOPE_PARAGRAPH,
             "3:4 x | 3:22 x | 5:8 x");
  assert_run(md, "very", "x", NULL, DL_PSCOPE_LINK_TEXT, "5:8 x");
}

static void unicode_and_fixes(void **state) {
  (void)state;
  /* \w knows accents; the match is placed in code points. */
  assert_run("Café naïve résumé.\n", "\\bna\\w+", "'$0'", "naive",
             DL_PSCOPE_TEXT, "1:6 'naïve' => naive");
  /* markup inside the match: found, but no fix that would drop it */
  assert_run("TM**B** 40/53 and TMB 41/53\n", "TMB(?= \\d)", "typo", "TBM",
             DL_PSCOPE_TEXT, "1:1 typo | 1:19 typo => TBM");
  /* an empty match never loops */
  assert_run("abc\n", "x*", "empty", NULL, DL_PSCOPE_TEXT, "");
}

static void directives(void **state) {
  (void)state;
  dl_doc *doc = unit_doc("<!-- draftlint-disable a, b -->\n\nText "
                         "<!-- draftlint-enable -->\n\n```\n<!-- "
                         "draftlint-disable-file -->\n```\n\n<!-- "
                         "draftlint-disable-next-line c -->\n<!-- "
                         "draftlint-frob -->\n<!-- not ours -->\n");
  size_t n;
  const dl_directive *ds = dl_doc_directives(doc, &n);
  assert_int_equal(n, 4);
  assert_int_equal(ds[0].kind, DL_DIRECTIVE_DISABLE);
  assert_int_equal(ds[0].nnames, 2);
  assert_string_equal(ds[0].names[1].name, "b");
  assert_int_equal(ds[0].names[1].start, 26);
  assert_int_equal(ds[1].kind, DL_DIRECTIVE_ENABLE);
  assert_int_equal(ds[1].nnames, 0);
  assert_int_equal(ds[2].kind, DL_DIRECTIVE_DISABLE_NEXT_LINE);
  assert_int_equal(ds[2].last_line, 8);
  assert_int_equal(ds[3].kind, DL_DIRECTIVE_UNKNOWN);
  dl_doc_free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(compile_errors),
      cmocka_unit_test(scopes),
      cmocka_unit_test(unicode_and_fixes),
      cmocka_unit_test(directives),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
