/* test_report_html.c: the HTML page around the post: summary counts per
 * rule and severity, numbering across files, table of contents, failures,
 * escaping of everything that came from outside, and no fetch or script. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "engine/lint.h"
#include "report/report.h"
#include "unit.h"

typedef struct page {
  dl_reporter *rep;
  dl_summary sum;
  char *html;
  size_t len;
  FILE *out;
} page;

static void page_open(page *p) {
  *p = (page){0};
  p->out = open_memstream(&p->html, &p->len);
  dl_report_options o = {.format = DL_FORMAT_HTML, .out = p->out};
  p->rep = dl_reporter_new(&o);
}

/* Adds a file whose findings are the first occurrences of `needles` in
 * `md`, with the given rules and messages. */
static void page_file(page *p, const char *path, const char *md, size_t n,
                      const char *const *needles, const char *const *rules,
                      const char *const *messages) {
  dl_result r = {.path = dl_xstrdup(path), .doc = unit_doc(md)};
  for (size_t i = 0; i < n; i++) {
    const char *at = strstr(r.doc->src, needles[i]);
    assert_non_null(at);
    size_t start = (size_t)(at - r.doc->src);
    dl_diag *d = dl_diag_list_push(&r.diags, start, start + strlen(needles[i]),
                                   rules[i], NULL,
                                   i % 2 ? DL_SEV_WARNING : DL_SEV_ERROR,
                                   dl_xstrdup(messages[i]));
    if (i == 0)
      dl_diag_set_fix(d, start, start + strlen(needles[i]), "<fixed>");
  }
  p->rep->file(p->rep, &r);
  dl_summary_add(&p->sum, &r);
  dl_result_free(&r);
}

static void page_fail(page *p, const char *path, const char *error) {
  dl_result r;
  dl_result_fail(&r, path, error);
  /* The failure also goes to standard error: keep the test's output clean. */
  fflush(stderr);
  int saved = dup(2), null = open("/dev/null", O_WRONLY);
  dup2(null, 2);
  p->rep->file(p->rep, &r);
  fflush(stderr);
  dup2(saved, 2);
  close(null);
  close(saved);
  dl_summary_add(&p->sum, &r);
  dl_result_free(&r);
}

static void page_close(page *p) {
  p->rep->finish(p->rep, &p->sum);
  dl_reporter_free(p->rep);
  fclose(p->out);
}

#define assert_contains(html, needle)                                          \
  do {                                                                         \
    if (!strstr((html), (needle)))                                             \
      fail_msg("expected %s", (needle));                                       \
  } while (0)

static size_t count(const char *s, const char *needle) {
  size_t n = 0;
  for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
    n++;
  return n;
}

static void one_file_page(void **state) {
  (void)state;
  page p;
  page_open(&p);
  const char *needles[] = {"**", "_"}, *rules[] = {"rule-b", "rule-a"},
             *msgs[] = {"first message", "second message"};
  page_file(&p, "post.md", "# Post\n\n**Bold and _x\n", 2, needles, rules,
            msgs);
  page_close(&p);
  const char *h = p.html;
  assert_true(strncmp(h, "<!DOCTYPE html>", 15) == 0);
  assert_contains(h, "<title>draftlint: post.md \xE2\x80\x94 2 problems "
                     "(1 error, 1 warning) in 1 file</title>");
  assert_contains(h, "Content-Security-Policy\" content=\"default-src 'none';");
  /* the counts table, rules sorted by name, one colour each */
  const char *a = strstr(h, "</span>rule-a</th>"), *b = strstr(h, "</span>rule-b</th>");
  assert_non_null(a);
  assert_non_null(b);
  assert_true(a < b);
  assert_contains(h, "rule-a</th><td>0</td><td>1</td><td>0</td><td>1</td>");
  assert_contains(h, ".dl-r0{--dl-c:hsl(188,");
  assert_contains(h, ".dl-r1{--dl-c:hsl(8,");
  /* the list links to the badges, which sit right before their marks */
  assert_contains(h, "href=\"#dl-f1\"");
  assert_contains(h, "href=\"#dl-f2\"");
  assert_contains(h, "id=\"dl-f1\" tabindex=\"0\"");
  assert_contains(h, "</span></span><mark class=\"dl-h dl-r0\" data-f=\"1\" "
                     "data-rule=\"rule-b\">**</mark>Bold");
  assert_contains(h, "<span class=\"dl-tip-m\">first message</span>");
  assert_contains(h, "Fix: replace <code>**</code> with <code>&lt;fixed&gt;</code>");
  assert_int_equal(count(h, "<nav class=\"dl-toc\""), 0);
  assert_int_equal(count(h, "<script"), 0);
  assert_int_equal(count(h, "<img"), 0);
  assert_int_equal(count(h, "<link"), 0);
  free(p.html);
}

static void everything_from_outside_is_escaped(void **state) {
  (void)state;
  page p;
  page_open(&p);
  const char *needles[] = {"x"}, *rules[] = {"<rule onclick=a>"},
             *msgs[] = {"msg <script>alert(1)</script> & 'q' \"d\""};
  page_file(&p, "<img src=x onerror=alert(1)>.md", "x <b>y</b>\n", 1, needles,
            rules, msgs);
  page_fail(&p, "\"><script>alert(2)</script>.md", "cannot read: <oops>");
  page_close(&p);
  const char *h = p.html;
  assert_int_equal(count(h, "<script"), 0);
  assert_int_equal(count(h, "<img"), 0);
  assert_int_equal(count(h, "<rule"), 0);
  assert_int_equal(count(h, "<b>y"), 0);
  assert_int_equal(count(h, "<oops>"), 0);
  assert_contains(h, "msg &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;q&#39; "
                     "&quot;d&quot;");
  assert_contains(h, "&lt;img src=x onerror=alert(1)&gt;.md");
  assert_contains(h, "&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;.md");
  assert_contains(h, "cannot read: &lt;oops&gt;");
  free(p.html);
}

static void several_files_one_page(void **state) {
  (void)state;
  page p;
  page_open(&p);
  const char *needles[] = {"**", "_"}, *rules[] = {"r", "r"},
             *msgs[] = {"m1", "m2"};
  page_file(&p, "a.md", "A **x _y\n", 2, needles, rules, msgs);
  page_file(&p, "b.md", "Clean.\n", 0, NULL, NULL, NULL);
  page_fail(&p, "c.md", "cannot read: No such file or directory");
  page_file(&p, "d.md", "D **z\n", 1, needles, rules, msgs);
  page_close(&p);
  const char *h = p.html;
  assert_contains(h, "<title>draftlint: 4 files");
  assert_contains(h, "<nav class=\"dl-toc\"");
  assert_contains(h, "<a href=\"#dl-file-1\">a.md</a>");
  assert_contains(h, "<a href=\"#dl-file-2\">b.md</a><span class=\"dl-cnt\">no "
                     "problems</span>");
  assert_contains(h, "<a href=\"#dl-file-3\">d.md</a>");
  assert_contains(h, "<section class=\"dl-file\" id=\"dl-file-3\">");
  assert_contains(h, "<li><b>c.md</b>: cannot read: No such file or directory</li>");
  /* numbering runs on across files: d.md's finding is number 3 */
  assert_contains(h, "<ol class=\"dl-list\" start=\"3\">");
  assert_contains(h, "id=\"dl-f3\"");
  assert_int_equal(count(h, "<section class=\"dl-file\""), 3);
  /* counted from the 4 files the title and heading name */
  assert_contains(h, "3 problems (2 errors, 1 warning) in 2 of 4 files; 1 file "
                     "could not be linted");
  free(p.html);
}

static void clean_file(void **state) {
  (void)state;
  page p;
  page_open(&p);
  page_file(&p, "ok.md", "# Fine\n\nAll good.\n", 0, NULL, NULL, NULL);
  page_close(&p);
  assert_contains(p.html, "no problems in 1 file");
  assert_int_equal(count(p.html, "<table"), 0);
  assert_contains(p.html, "<h1>Fine</h1>");
  free(p.html);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(one_file_page),
      cmocka_unit_test(everything_from_outside_is_escaped),
      cmocka_unit_test(several_files_one_page),
      cmocka_unit_test(clean_file),
  };
  return cmocka_run_group_tests_name("report_html", tests, NULL, NULL);
}
