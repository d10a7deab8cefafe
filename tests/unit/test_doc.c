/* test_doc.c: line map, positions, front matter, BOM, CRLF, plain text. */
#include "unit.h"
#include "draftlint/url.h"

static void locate_counts_code_points(void **state) {
  (void)state;
  dl_doc *doc = unit_doc("# Título\n\nnaïve *x*\n");
  size_t line, col;
  const char *x = strstr(doc->src, "*x");
  dl_doc_locate(doc, (size_t)(x - doc->src), &line, &col);
  assert_int_equal(line, 3);
  assert_int_equal(col, 7);
  dl_doc_free(doc);
}

static void crlf_and_lone_cr_end_lines(void **state) {
  (void)state;
  dl_doc *doc = unit_doc("a\r\nb\rc\nd");
  assert_int_equal(doc->nlines, 4);
  size_t line, col;
  dl_doc_locate(doc, 5, &line, &col); /* 'c' */
  assert_int_equal(line, 3);
  assert_int_equal(col, 1);
  const char *s;
  size_t n;
  dl_doc_line(doc, 0, &s, &n);
  assert_int_equal(n, 1); /* no '\r' in the line */
  dl_doc_free(doc);
}

static void bom_is_not_a_column(void **state) {
  (void)state;
  dl_doc *doc = unit_doc("\xEF\xBB\xBF# Hi\n");
  assert_int_equal(doc->nblocks, 1);
  size_t line, col;
  dl_doc_locate(doc, doc->blocks[0].start, &line, &col);
  assert_int_equal(line, 1);
  assert_int_equal(col, 1);
  assert_string_equal(doc->blocks[0].text.s, "Hi");
  dl_doc_free(doc);
}

static void front_matter_is_skipped_positions_kept(void **state) {
  (void)state;
  dl_doc *doc = unit_doc("---\ntitle: \"x\"\n---\n\n# Heading\n");
  assert_int_equal(doc->nblocks, 1);
  size_t line, col;
  dl_doc_locate(doc, doc->blocks[0].start, &line, &col);
  assert_int_equal(line, 5);
  assert_false(doc->front_matter_unclosed);
  dl_doc_free(doc);
}

/* TOML (Hugo, Zola) and JSON (Hugo) front matter: skipped, positions
 * kept; what would be reported in them as prose is not read. */
static void toml_and_json_front_matter(void **state) {
  (void)state;
  dl_doc *doc = unit_doc("+++\ntitle = \"Issue *draft\"\n+++\n\n# Heading\n");
  assert_int_equal(doc->nblocks, 1);
  size_t line, col;
  dl_doc_locate(doc, doc->blocks[0].start, &line, &col);
  assert_int_equal(line, 5);
  assert_null(doc->front_matter_unclosed);
  dl_doc_free(doc);
  doc = unit_doc("{\n  \"title\": \"Issue *draft\"\n}\nText *here.\n");
  assert_int_equal(doc->nblocks, 1);
  dl_doc_locate(doc, doc->blocks[0].start, &line, &col);
  assert_int_equal(line, 4);
  dl_doc_free(doc);
  doc = unit_doc("+++\ntitle = \"x\"\n\nText\n");
  assert_string_equal(doc->front_matter_unclosed, "+++");
  assert_int_equal(doc->body, 0);
  dl_doc_free(doc);
  assert_findings("+++\ntitle = \"Issue *draft\"\n+++\n\nFine.\n",
                  "unclosed-emphasis", NULL, "");
  assert_findings("{\n\"title\": \"Issue *draft\"\n}\n\nFine.\n",
                  "unclosed-emphasis", NULL, "");
}

/* A bare URL ends where URL syntax ends: the quote, bracket or stop after
 * it is prose, which quote pairing then sees (issue 15). */
static void a_url_ends_where_its_syntax_ends(void **state) {
  (void)state;
  static const struct {
    const char *text;
    size_t len;
  } cases[] = {
      {"https://example.com/x\" today", 21},
      {"https://example.com/x) and", 21},
      {"https://en.wikipedia.org/wiki/Foo_(bar) here", 39},
      {"https://example.com/x, then", 21},
      {"www.example.com/y. Done", 17},
      {"http://a.b/c\xE2\x80\x9D and", 12},
      {"https://a.b/?q=1&r=2.", 20},
      {"https://a.b/x_y_ z", 15},
      {"http:/not-a-url", 0},
      {"wwwx.example.com", 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    assert_int_equal(dl_url_len(cases[i].text, strlen(cases[i].text)),
                     cases[i].len);
  assert_findings("He said \"see https://example.com/x\" today.\n",
                  "incoherent-sentence", NULL, "");
  assert_findings("We met (at https://example.com/x) and left.\n",
                  "incoherent-sentence", NULL, "");
  assert_findings("She said \xE2\x80\x9Cread https://a.b/c\xE2\x80\x9D and "
                  "left.\n", "incoherent-sentence", NULL, "");
  /* ...and a quote that nothing closes is still one */
  assert_findings("He said \"see https://example.com/x today.\n",
                  "incoherent-sentence", NULL, "1:1");
}

static void unclosed_front_matter_is_markdown(void **state) {
  (void)state;
  dl_doc *doc = unit_doc("---\ntitle: x\n\nText\n");
  assert_true(doc->front_matter_unclosed);
  assert_int_equal(doc->body, 0);
  dl_doc_free(doc);
}

static void plain_text_drops_markup_and_maps_back(void **state) {
  (void)state;
  const char *md = "> A *b* [c](http://x.y) `d` \\* &amp; e\n";
  dl_doc *doc = unit_doc(md);
  assert_int_equal(doc->nblocks, 1);
  const dl_text *t = &doc->blocks[0].text;
  assert_string_equal(t->s, "A b c d * & e");
  /* every byte maps to the source byte it shows (or its escape/entity) */
  assert_int_equal(md[t->map[0]], 'A');
  assert_int_equal(md[t->map[2]], 'b');
  assert_int_equal(md[t->map[4]], 'c');
  assert_true(t->flags[4] & DL_TX_LINK);
  assert_int_equal(md[t->map[6]], 'd');
  assert_true(t->flags[6] & DL_TX_CODE);
  assert_int_equal(md[t->map[8]], '*');
  assert_int_equal(md[t->map[10]], '&');
  assert_int_equal(md[t->map[12]], 'e');
  dl_doc_free(doc);
}

static void plain_text_in_list_continuation(void **state) {
  (void)state;
  const char *md = "- one\n  two *x\n";
  dl_doc *doc = unit_doc(md);
  const dl_text *t = &doc->blocks[0].text;
  assert_string_equal(t->s, "one\ntwo *x");
  assert_int_equal(md[t->map[8]], '*');
  assert_int_equal(t->map[8], 12);
  dl_doc_free(doc);
}

/* cmark gives a link or image whose text wraps the line of its closing
 * bracket as its start line; the range starts at its '[' (or '!'). */
static void wrapped_link_range_starts_at_its_opener(void **state) {
  (void)state;
  const char *md = "Read [a\nb](u) ![c\nd](v) [\ne](w)\n\n"
                   "> x [f\n> g](y) [h](z)\n\n- [i\n  j](k)\n";
  const char *opener[] = {"[a", "![c", "[\ne", "[f", "[h", "[i"};
  const char *closer[] = {"(u)", "(v)", "(w)", "(y)", "(z)", "(k)"};
  dl_doc *doc = unit_doc(md);
  cmark_iter *it = cmark_iter_new(doc->root);
  size_t k = 0;
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node *n = cmark_iter_get_node(it);
    cmark_node_type type = cmark_node_get_type(n);
    if (ev != CMARK_EVENT_ENTER ||
        (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE))
      continue;
    size_t start, end;
    dl_doc_node_range(doc, n, &start, &end);
    assert_true(k < 6);
    assert_int_equal(start, (size_t)(strstr(md, opener[k]) - md));
    assert_int_equal(end, (size_t)(strstr(md, closer[k]) - md) + 3);
    k++;
  }
  assert_int_equal(k, 6);
  cmark_iter_free(it);
  dl_doc_free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(locate_counts_code_points),
      cmocka_unit_test(crlf_and_lone_cr_end_lines),
      cmocka_unit_test(bom_is_not_a_column),
      cmocka_unit_test(front_matter_is_skipped_positions_kept),
      cmocka_unit_test(toml_and_json_front_matter),
      cmocka_unit_test(a_url_ends_where_its_syntax_ends),
      cmocka_unit_test(unclosed_front_matter_is_markdown),
      cmocka_unit_test(plain_text_drops_markup_and_maps_back),
      cmocka_unit_test(plain_text_in_list_continuation),
      cmocka_unit_test(wrapped_link_range_starts_at_its_opener),
  };
  return cmocka_run_group_tests_name("doc", tests, NULL, NULL);
}
