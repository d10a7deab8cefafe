/* test_html_post.c: marks land on the exact rendered text of their source
 * span, across markup, entities, code, breaks and images; marks with no
 * text get a visible place; the draft's HTML is never passed through. */
#include <stdio.h>

#include "report/html_post.h"
#include "unit.h"

/* Renders `md` with one mark per span.  A span is the first occurrence of
 * a needle in the source; "@needle" is an empty span at its start, and
 * "#N:needle" the N-th occurrence.  Mark k has badge "{k}" and pieces
 * "<mk>...</mk>". */
static char *render(const char *md, size_t n, const char *const *spans) {
  dl_doc *doc = unit_doc(md);
  dl_html_mark *marks = calloc(n + 1, sizeof *marks);
  char **strings = calloc(3 * n + 1, sizeof *strings);
  for (size_t k = 0; k < n; k++) {
    const char *needle = spans[k];
    bool empty = needle[0] == '@';
    int nth = 1;
    if (empty)
      needle++;
    if (needle[0] == '#') {
      nth = needle[1] - '0';
      needle += 3;
    }
    const char *at = doc->src;
    for (int i = 0; i < nth; i++) {
      at = strstr(i ? at + 1 : at, needle);
      assert_non_null(at);
    }
    marks[k].start = (size_t)(at - doc->src);
    marks[k].end = marks[k].start + (empty ? 0 : strlen(needle));
    marks[k].badge = strings[3 * k] = dl_strdup_printf("{%zu}", k + 1);
    marks[k].open = strings[3 * k + 1] = dl_strdup_printf("<m%zu>", k + 1);
    marks[k].close = strings[3 * k + 2] = dl_strdup_printf("</m%zu>", k + 1);
  }
  char *html = dl_html_post(doc, marks, n);
  for (size_t i = 0; i < 3 * n; i++)
    free(strings[i]);
  free(strings);
  free(marks);
  dl_doc_free(doc);
  return html;
}

#define assert_contains(html, needle)                                          \
  do {                                                                         \
    if (!strstr((html), (needle)))                                             \
      fail_msg("expected %s\n    in %s", (needle), (html));                    \
  } while (0)
#define assert_lacks(html, needle)                                             \
  do {                                                                         \
    if (strstr((html), (needle)))                                              \
      fail_msg("did not expect %s\n    in %s", (needle), (html));              \
  } while (0)

static size_t count(const char *s, const char *needle) {
  size_t n = 0;
  for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
    n++;
  return n;
}

static void no_marks_is_plain_cmark(void **state) {
  (void)state;
  char *html = render("Hello *world*.\n", 0, NULL);
  assert_string_equal(html, "<p>Hello <em>world</em>.</p>\n");
  free(html);
}

static void span_across_emphasis(void **state) {
  (void)state;
  const char *spans[] = {"llo *big w"};
  char *html = render("Hello *big world* again\n", 1, spans);
  assert_string_equal(
      html, "<p>He{1}<m1>llo </m1><em><m1>big w</m1>orld</em> again</p>\n");
  assert_int_equal(count(html, "{1}"), 1); /* one badge, two pieces */
  free(html);
}

static void overlapping_spans_nest(void **state) {
  (void)state;
  const char *spans[] = {"abc def", "def ghi"};
  char *html = render("abc def ghi\n", 2, spans);
  assert_string_equal(html, "<p>{1}<m1>abc </m1><m1>{2}<m2>def</m2></m1>"
                            "<m2> ghi</m2></p>\n");
  free(html);
}

static void empty_span_sits_at_its_offset(void **state) {
  (void)state;
  const char *spans[] = {"@world"};
  char *html = render("Hello world\n", 1, spans);
  assert_string_equal(html, "<p>Hello {1}<m1></m1>world</p>\n");
  free(html);
}

static void empty_span_at_paragraph_end(void **state) {
  (void)state;
  const char *spans[] = {"@\n"};
  char *html = render("Hello world\n", 1, spans);
  assert_string_equal(html, "<p>Hello world{1}<m1></m1></p>\n");
  free(html);
}

static void link_destination_marks_after_the_link(void **state) {
  (void)state;
  const char *spans[] = {"http://x.test"};
  char *html = render("See [the text](http://x.test) now\n", 1, spans);
  assert_contains(html, "<a href=\"http://x.test\">the text</a>{1}<m1></m1> now");
  free(html);
}

static void badge_goes_before_a_link_it_starts(void **state) {
  (void)state;
  const char *spans[] = {"TBM 1/2: A", "@42", "title"};
  char *html = render("See [TBM 1/2: A *title*](https://x.test/42) now\n", 3,
                      spans);
  assert_contains(html, "See {1}<a href=\"https://x.test/42\"><m1>TBM 1/2: A"
                        "</m1> <em>{3}<m3>title</m3></em></a>{2}<m2></m2> now");
  free(html);
}

static void unclosed_bracket_is_text(void **state) {
  (void)state;
  const char *spans[] = {"["};
  char *html = render("- [TBM 37/53: Healthy\n", 1, spans);
  assert_contains(html, "<li>{1}<m1>[</m1>TBM 37/53: Healthy</li>");
  free(html);
}

static void entity_maps_to_its_character(void **state) {
  (void)state;
  const char *spans[] = {"&amp;"};
  char *html = render("Salt &amp; pepper\n", 1, spans);
  assert_string_equal(html, "<p>Salt {1}<m1>&amp;</m1> pepper</p>\n");
  free(html);
}

static void code_span_is_split_into_code_pieces(void **state) {
  (void)state;
  const char *spans[] = {"bar"};
  char *html = render("Use `foo bar` now\n", 1, spans);
  assert_string_equal(
      html, "<p>Use <code>foo </code>{1}<m1><code>bar</code></m1> now</p>\n");
  free(html);
}

static void multibyte_characters_stay_whole(void **state) {
  (void)state;
  const char *spans[] = {"\xC3\xA9"};
  char *html = render("na\xC3\xAFve caf\xC3\xA9 ok\n", 1, spans);
  assert_string_equal(html,
                      "<p>na\xC3\xAFve caf{1}<m1>\xC3\xA9</m1> ok</p>\n");
  free(html);
}

static void soft_break_splits_the_span(void **state) {
  (void)state;
  const char *spans[] = {"e\ntw"};
  char *html = render("one\ntwo\n", 1, spans);
  assert_string_equal(html, "<p>on{1}<m1>e</m1>\n<m1>tw</m1>o</p>\n");
  free(html);
}

static void heading_and_list_item(void **state) {
  (void)state;
  const char *spans[] = {"Title", "#2:item"};
  char *html = render("# Title\n\n- item one\n- item two\n", 2, spans);
  assert_contains(html, "<h1>{1}<m1>Title</m1></h1>");
  assert_contains(html, "<li>{2}<m2>item</m2> two</li>");
  free(html);
}

static void code_block_gets_a_line_before_it(void **state) {
  (void)state;
  const char *spans[] = {"x = 1"};
  char *html = render("Text.\n\n```\nx = 1\n```\n", 1, spans);
  assert_contains(html, "<p class=\"dl-gap\">{1}<m1></m1></p>\n<pre><code>x = 1");
  free(html);
}

static void front_matter_goes_to_the_top(void **state) {
  (void)state;
  const char *spans[] = {"title"};
  char *html = render("---\ntitle: x\n---\n\nBody *x\n", 1, spans);
  assert_contains(html, "<p class=\"dl-gap\">{1}<m1></m1></p>\n<p>Body");
  free(html);
}

static void list_marker_goes_into_its_item(void **state) {
  (void)state;
  const char *spans[] = {"@- b"};
  char *html = render("- a\n- b\n", 1, spans);
  assert_contains(html, "<li>a</li>\n<li>\n<p class=\"dl-gap\">{1}<m1></m1></p>");
  free(html);
}

static void raw_html_is_shown_not_run(void **state) {
  (void)state;
  const char *md = "<script>alert(1)</script>\n\n"
                   "Hi <b onclick=\"x()\">there</b> "
                   "[js](javascript:alert(2)) [ok](https://ok.test)\n";
  char *html = render(md, 0, NULL);
  assert_lacks(html, "<script");
  assert_lacks(html, "<b ");
  assert_lacks(html, "javascript:");
  assert_contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;");
  assert_contains(html, "<code class=\"dl-raw\"");
  assert_contains(html, "&lt;b onclick=&quot;x()&quot;&gt;");
  assert_contains(html, "<a href=\"\">js</a>");
  assert_contains(html, "<a href=\"https://ok.test\">ok</a>");
  free(html);
}

static void images_are_never_fetched(void **state) {
  (void)state;
  const char *spans[] = {"cat"};
  char *html =
      render("![a cat\" onerror=\"x()](https://img.test/c.png \"t\")\n", 1,
             spans);
  assert_lacks(html, "<img");
  assert_lacks(html, "\" onerror");
  assert_contains(html, "{1}<m1>cat</m1>&quot; onerror=&quot;x()");
  assert_contains(html, "https://img.test/c.png");
  free(html);
}

static void mark_in_raw_html_gets_a_place(void **state) {
  (void)state;
  const char *spans[] = {"<div>", "onclick"};
  char *html = render("<div>x</div>\n\nSee <span onclick=\"y\">it</span>\n",
                      2, spans);
  assert_contains(html, "<p class=\"dl-gap\">{1}<m1></m1></p>\n<pre class=\"dl-raw\"");
  assert_contains(html, "{2}<m2></m2>it");
  free(html);
}

static void many_marks_in_one_paragraph(void **state) {
  (void)state;
  /* 200 words, a mark on every other one: each badge exactly once. */
  char md[2048] = "", *spans_buf[100];
  const char *spans[100];
  for (int i = 0; i < 200; i++) {
    char word[16];
    snprintf(word, sizeof word, "w%03d ", i);
    strcat(md, word);
  }
  strcat(md, "\n");
  for (int k = 0; k < 100; k++) {
    spans_buf[k] = dl_strdup_printf("w%03d", 2 * k);
    spans[k] = spans_buf[k];
  }
  char *html = render(md, 100, spans);
  for (int k = 0; k < 100; k++) {
    char *piece = dl_strdup_printf("{%d}<m%d>w%03d</m%d>", k + 1, k + 1, 2 * k,
                                   k + 1);
    assert_contains(html, piece);
    free(piece);
    free(spans_buf[k]);
  }
  free(html);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(no_marks_is_plain_cmark),
      cmocka_unit_test(span_across_emphasis),
      cmocka_unit_test(overlapping_spans_nest),
      cmocka_unit_test(empty_span_sits_at_its_offset),
      cmocka_unit_test(empty_span_at_paragraph_end),
      cmocka_unit_test(link_destination_marks_after_the_link),
      cmocka_unit_test(badge_goes_before_a_link_it_starts),
      cmocka_unit_test(unclosed_bracket_is_text),
      cmocka_unit_test(entity_maps_to_its_character),
      cmocka_unit_test(code_span_is_split_into_code_pieces),
      cmocka_unit_test(multibyte_characters_stay_whole),
      cmocka_unit_test(soft_break_splits_the_span),
      cmocka_unit_test(heading_and_list_item),
      cmocka_unit_test(code_block_gets_a_line_before_it),
      cmocka_unit_test(front_matter_goes_to_the_top),
      cmocka_unit_test(list_marker_goes_into_its_item),
      cmocka_unit_test(raw_html_is_shown_not_run),
      cmocka_unit_test(images_are_never_fetched),
      cmocka_unit_test(mark_in_raw_html_gets_a_place),
      cmocka_unit_test(many_marks_in_one_paragraph),
  };
  return cmocka_run_group_tests_name("html_post", tests, NULL, NULL);
}
