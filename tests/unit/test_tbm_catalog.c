/* test_tbm_catalog.c: reading Substack's export, the keys titles are
 * matched by, citations, and lookups in the shipped catalog. */
#include "unit.h"

#include "input/files.h"
#include "tbm_link/catalog.h"

#define HEADER                                                                 \
  "post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,"         \
  "audience,title,subtitle,podcast_url\n"

static dl_tbm_catalog *S_parse(const char *csv, char **error) {
  *error = NULL;
  return dl_tbm_catalog_parse("test.csv", csv, strlen(csv), error);
}

/* The error a broken catalog gives, or "" when it loads. */
static char *S_error(const char *csv) {
  char *error;
  dl_tbm_catalog *c = S_parse(csv, &error);
  dl_tbm_catalog_free(c);
  return error ? error : dl_xstrdup("");
}

#define assert_catalog_error(csv, expected)                                    \
  do {                                                                         \
    char *e_ = S_error(csv);                                                   \
    assert_string_equal(e_, expected);                                         \
    free(e_);                                                                  \
  } while (0)

static void quoted_fields(void **state) {
  (void)state;
  char *error;
  dl_tbm_catalog *c = S_parse(
      HEADER
      "1.tbm-2153-vision,2020-05-21,true,,,newsletter,everyone,\"TBM 21/53: "
      "\"\"Vision\"\" and Prescriptive Roadmaps \",,\n"
      "2.tbm-1053-hammers,2020-03-05,true,,,newsletter,everyone,\"TBM 10/53: "
      "Hammers & Nails, Again\",\"a, b\",\n"
      "3.multi-line,2021-01-01,true,,,newsletter,everyone,\"TBM 5/52: "
      "Two\nLines\",,\n",
      &error);
  assert_non_null(c);
  assert_null(error);
  assert_int_equal(c->nposts, 3);
  assert_string_equal(c->posts[0].title,
                      "TBM 21/53: \"Vision\" and Prescriptive Roadmaps");
  assert_string_equal(c->posts[0].name, "\"Vision\" and Prescriptive Roadmaps");
  assert_string_equal(c->posts[0].number, "21/53");
  assert_int_equal(c->posts[0].year, 2020);
  assert_string_equal(c->posts[1].title, "TBM 10/53: Hammers & Nails, Again");
  assert_string_equal(c->posts[1].slug, "tbm-1053-hammers");
  assert_string_equal(c->posts[1].id, "2");
  assert_string_equal(c->posts[2].title, "TBM 5/52: Two Lines");
  assert_int_equal(c->posts[2].line, 4);
  dl_tbm_catalog_free(c);
}

static void crlf_bom_and_blank_lines(void **state) {
  (void)state;
  char *error;
  dl_tbm_catalog *c = S_parse(
      "\xEF\xBB\xBFpost_id,post_date,title\r\n\r\n7.tbm-7,2020-01-01,"
      "\"TBM 7/53: Seven\"\r\n8.tbm-8,2020-01-08,TBM 8/53: Eight\r\n",
      &error);
  assert_non_null(c);
  assert_int_equal(c->nposts, 2);
  assert_int_equal(c->posts[0].line, 3);
  assert_int_equal(c->posts[1].line, 4);
  assert_string_equal(c->posts[1].name, "Eight");
  dl_tbm_catalog_free(c);
}

static void broken_catalogs_name_file_and_line(void **state) {
  (void)state;
  assert_catalog_error("", "test.csv:1: TBM catalog: the file is empty; "
                           "expected Substack's posts export, a header line "
                           "(post_id,...,title,...) and one line per post");
  assert_catalog_error("\n\n", "test.csv:1: TBM catalog: the file is empty; "
                               "expected Substack's posts export, a header "
                               "line (post_id,...,title,...) and one line "
                               "per post");
  assert_catalog_error(HEADER,
                       "test.csv:2: TBM catalog: there is a header but no posts");
  assert_catalog_error("post_id,post_date,name\n1.a,2020-01-01,x\n",
                       "test.csv:1: TBM catalog: the header has no 'title' "
                       "column; expected Substack's posts export "
                       "(post_id,post_date,...,title,...)");
  assert_catalog_error("id,title\n1.a,x\n",
                       "test.csv:1: TBM catalog: the header has no 'post_id' "
                       "column; expected Substack's posts export "
                       "(post_id,post_date,...,title,...)");
  /* a quote in the middle of a field: broken quoting */
  assert_catalog_error("post_id,title\n1.a,\"TBM 1: ok\"\n2.b,\"TBM 2: "
                       "bro\"ken\"\n",
                       "test.csv:3: TBM catalog: broken quoting: a '\"' "
                       "inside an unquoted field, or text after a closing "
                       "quote");
  assert_catalog_error("post_id,title\n1.a,TBM 1: it\"s\n",
                       "test.csv:2: TBM catalog: broken quoting: a '\"' "
                       "inside an unquoted field, or text after a closing "
                       "quote");
  /* a quote opened and never closed runs to the end of the file */
  assert_catalog_error("post_id,title\n1.a,\"TBM 1: ok\"\n2.b,\"TBM 2: "
                       "open\n3.c,x\n",
                       "test.csv:3: TBM catalog: a quoted field in this "
                       "record is never closed");
  /* a missing column */
  assert_catalog_error("post_id,post_date,title\n1.a,2020-01-01,x\n"
                       "2.b,2020-01-02\n",
                       "test.csv:3: TBM catalog: the record has 2 fields "
                       "where the header has 3 (a missing column, or an "
                       "unquoted comma?)");
  assert_catalog_error("post_id,title\nabc,x\n",
                       "test.csv:2: TBM catalog: post_id 'abc' is not a "
                       "number, a dot and a slug");
  assert_catalog_error("post_id,title\n1.a b,x\n",
                       "test.csv:2: TBM catalog: post_id '1.a b' has a slug "
                       "that cannot be in a URL");
  assert_catalog_error("post_id,title\n1.a,caf\xC3\xA9\n2.b,\xFF\n",
                       "test.csv:3: TBM catalog: not valid UTF-8; save the "
                       "export as UTF-8");
}

static void keys_forgive_what_writers_vary(void **state) {
  (void)state;
  struct {
    const char *a, *b;
  } same[] = {
      {"Hammers & Nails", "hammers and nails"},
      {"Hammers & Nails", "hammers-nails"},
      {"“Vision” and Prescriptive Roadmaps ", "\"Vision\" and Prescriptive Roadmaps"},
      {"It’s Hard to Learn If You Already Know", "Its hard to learn if you already know"},
      {"It's Hard", "it-s-hard"},
      {"The Product Outcomes Formula®™©", "The Product Outcomes Formula"},
      {"Café Strategy", "cafe strategy"},
      {"Shipping Faster Than You Learn (or…)", "Shipping faster than you learn (or...)"},
      {"Time Allocation ≠ Capacity Allocation", "Time Allocation Capacity Allocation"},
      {"Going Deep 🤮", "Going Deep"},
  };
  for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
    char *a = dl_tbm_key(same[i].a, strlen(same[i].a), false);
    char *b = dl_tbm_key(same[i].b, strlen(same[i].b), false);
    assert_string_equal(a, b);
    free(a);
    free(b);
  }
  char *k = dl_tbm_key("Hammers & Nails", 15, false);
  assert_string_equal(k, "hammersnails");
  free(k);
  k = dl_tbm_key("Healthy Forcing Functions (and Paying Attention)", 48, true);
  assert_string_equal(k, "healthyforcingfunctions");
  free(k);
  /* different titles stay different */
  char *a = dl_tbm_key("Think Big, Work Small", 21, false);
  char *b = dl_tbm_key("Think Big, Work Small (Part 2)", 30, false);
  assert_string_not_equal(a, b);
  free(a);
  free(b);
}

static char *S_cite(const char *s) {
  dl_tbm_cite c;
  if (!dl_tbm_parse_cite(s, strlen(s), &c))
    return dl_xstrdup("-");
  return dl_strdup_printf("%s|%s|%s", c.number, c.prefixed ? "p" : "",
                          s + c.name_start);
}

#define assert_cite(s, expected)                                               \
  do {                                                                         \
    char *got_ = S_cite(s);                                                    \
    assert_string_equal(got_, expected);                                       \
    free(got_);                                                                \
  } while (0)

static void citations(void **state) {
  (void)state;
  assert_cite("TBM 242: The Simplicity Fetish", "242|p|The Simplicity Fetish");
  assert_cite("TBM 37/53: Talk", "37/53|p|Talk");
  assert_cite("TMB 40/53: 10 Tips", "40/53|p|10 Tips");
  assert_cite("TBD 5/53: It's Hard", "5/53|p|It's Hard");
  assert_cite("BM 1/53: The Empty Roadmap", "1/53|p|The Empty Roadmap");
  assert_cite("TBT 35/52: Stubborn", "35/52|p|Stubborn");
  assert_cite("32/52: Telephone Game!", "32/52||Telephone Game!");
  assert_cite("45A/52: Simplicity", "45a/52||Simplicity");
  assert_cite("TBM 2.1/52: Continuous Roadmapping", "2.1/52|p|Continuous Roadmapping");
  assert_cite("TBM 23b/52: Cognitive Load", "23b/52|p|Cognitive Load");
  assert_cite("TBM #242 – The Simplicity Fetish", "242|p|The Simplicity Fetish");
  assert_cite("TBM 242 - The Simplicity Fetish", "242|p|The Simplicity Fetish");
  assert_cite("TBM 242", "242|p|");
  /* not citations */
  assert_cite("TBM in 2023", "-");
  assert_cite("TBMs 4", "-");
  assert_cite("1/2 of it", "-");
  assert_cite("12/31/2020: a date", "-");
  assert_cite("20 Things I've Learned", "-");
  assert_cite("3rd time", "-");
  assert_cite("TBM 4th", "-");
}

static dl_tbm_catalog *S_shipped(void) {
  char *error = NULL, *bytes;
  size_t len;
  const char *path = "rules/data/tbm-posts.csv";
  if (dl_read_file(path, &bytes, &len, &error) != 0)
    fail_msg("%s: %s", path, error);
  dl_tbm_catalog *c = dl_tbm_catalog_parse(path, bytes, len, &error);
  free(bytes);
  if (!c)
    fail_msg("%s", error);
  return c;
}

static void the_shipped_catalog(void **state) {
  (void)state;
  dl_tbm_catalog *c = S_shipped();
  assert_int_equal(c->nposts, 429);
  const dl_tbm_post *p = dl_tbm_by_slug(c, "tbm-242-the-simplicity-fetish", 29);
  assert_non_null(p);
  assert_string_equal(p->number, "242");
  char *url = dl_tbm_post_url(p);
  assert_string_equal(url,
                      "https://cutlefish.substack.com/p/tbm-242-the-simplicity-fetish");
  free(url);
  assert_ptr_equal(dl_tbm_by_id(c, "136913485", 9), p);
  /* numbers repeat across series */
  const dl_tbm_posts *l = dl_tbm_by_number(c, "28/53");
  assert_non_null(l);
  assert_int_equal(l->len, 2);
  l = dl_tbm_by_number(c, "303");
  assert_int_equal(l->len, 2);
  assert_null(dl_tbm_by_number(c, "999"));
  /* misspelt prefixes and missing ones still give the number */
  l = dl_tbm_by_number(c, "40/53");
  assert_int_equal(l->len, 1);
  char *cite = dl_tbm_post_cite(l->items[0]);
  assert_string_equal(cite, "TBM 40/53: 10 Tips for Sustainable Change Agency");
  free(cite);
  l = dl_tbm_by_number(c, "45a/52");
  assert_int_equal(l->len, 1);
  assert_string_equal(l->items[0]->slug, "45a52-simplicity-is-a-tactic-not");
  /* titles by key, whole or without their (parts) */
  bool exact;
  char *key = dl_tbm_key("Hammers and Nails", 17, false);
  l = dl_tbm_by_title(c, key, &exact);
  free(key);
  assert_non_null(l);
  assert_true(exact);
  assert_string_equal(l->items[0]->number, "10/53");
  key = dl_tbm_key("Healthy Forcing Functions", 25, false);
  l = dl_tbm_by_title(c, key, &exact);
  free(key);
  assert_non_null(l);
  assert_false(exact);
  assert_string_equal(l->items[0]->number, "30/53");
  /* "The Beautiful Mess" is the newsletter, not a citation */
  key = dl_tbm_key("The Beautiful Mess", 18, false);
  assert_null(dl_tbm_by_title(c, key, &exact));
  free(key);
  /* the 2020 page's anchors */
  key = dl_tbm_key("hammers-nails", 13, false);
  l = dl_tbm_by_anchor(c, key);
  free(key);
  assert_non_null(l);
  assert_string_equal(l->items[0]->number, "10/53");
  key = dl_tbm_key("words-before-numbers-north-star-statement-exercise", 50, false);
  assert_null(dl_tbm_by_anchor(c, key)); /* a 2021 post */
  free(key);
  dl_tbm_catalog_free(c);
}

static void numbers_match(void **state) {
  (void)state;
  dl_tbm_catalog *c = S_shipped();
  const dl_tbm_posts *l = dl_tbm_by_number(c, "37/53");
  assert_true(dl_tbm_number_matches(l->items[0], "37/53"));
  assert_true(dl_tbm_number_matches(l->items[0], "37"));
  assert_false(dl_tbm_number_matches(l->items[0], "37/52"));
  assert_false(dl_tbm_number_matches(l->items[0], "3"));
  dl_tbm_catalog_free(c);
}

static void title_at_the_start_of_a_text(void **state) {
  (void)state;
  dl_tbm_catalog *c = S_shipped();
  size_t len = 0;
  const char *s = "Healthy Forcing Functions (and Paying Attention) and more";
  const dl_tbm_posts *l = dl_tbm_by_title_prefix(c, s, strlen(s), &len);
  assert_non_null(l);
  assert_int_equal(len, strlen("Healthy Forcing Functions (and Paying Attention)"));
  s = "The Simplicity Fetish and then some";
  l = dl_tbm_by_title_prefix(c, s, strlen(s), &len);
  assert_non_null(l);
  assert_int_equal(len, strlen("The Simplicity Fetish")); /* not " and" */
  s = "Good Idea? Maybe.";
  l = dl_tbm_by_title_prefix(c, s, strlen(s), &len);
  assert_non_null(l);
  assert_int_equal(len, strlen("Good Idea?"));
  s = "nothing like a title here";
  assert_null(dl_tbm_by_title_prefix(c, s, strlen(s), &len));
  dl_tbm_catalog_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(quoted_fields),
      cmocka_unit_test(crlf_bom_and_blank_lines),
      cmocka_unit_test(broken_catalogs_name_file_and_line),
      cmocka_unit_test(keys_forgive_what_writers_vary),
      cmocka_unit_test(citations),
      cmocka_unit_test(the_shipped_catalog),
      cmocka_unit_test(numbers_match),
      cmocka_unit_test(title_at_the_start_of_a_text),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
