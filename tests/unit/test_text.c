/* test_text.c: UTF-8 helpers, character classes and the comparison key. */
#include "unit.h"

#include "draftlint/text.h"

static void decode_and_count(void **state) {
  (void)state;
  int32_t cp;
  assert_int_equal(dl_utf8_decode("é", 2, &cp), 2);
  assert_int_equal(cp, 0xE9);
  assert_int_equal(dl_utf8_decode_back("aé", 3, &cp), 2);
  assert_int_equal(cp, 0xE9);
  assert_int_equal(dl_utf8_count("naïve 😀", strlen("naïve 😀")), 7);
}

static void validate_rejects_bad_sequences(void **state) {
  (void)state;
  assert_int_equal(dl_utf8_validate("abc", 3), 3);
  assert_int_equal(dl_utf8_validate("ab\xC3", 3), 2);          /* truncated */
  assert_int_equal(dl_utf8_validate("a\xC0\xAF", 3), 1);       /* overlong */
  assert_int_equal(dl_utf8_validate("\xED\xA0\x80", 3), 0);    /* surrogate */
  assert_int_equal(dl_utf8_validate("\xF4\x90\x80\x80", 4), 0); /* > U+10FFFF */
}

static void classes(void **state) {
  (void)state;
  assert_true(dl_cp_is_space(0x00A0));
  assert_true(dl_cp_is_punct(0x201C)); /* “ */
  assert_true(dl_cp_is_punct('$'));
  assert_true(dl_cp_is_alnum(0x00E9));
  assert_false(dl_cp_is_alnum('_'));
  assert_true(dl_cp_is_upper(0x00C9));
}

static void key_normalises(void **state) {
  (void)state;
  char *a = dl_text_key("  Why   NOW: ", 13);
  assert_string_equal(a, "why now");
  free(a);
  char *b = dl_text_key("ＷＨＹ now", strlen("ＷＨＹ now")); /* NFKC */
  assert_string_equal(b, "why now");
  free(b);
  char *c = dl_text_key("Straße", strlen("Straße")); /* case folding */
  assert_string_equal(c, "strasse");
  free(c);
  char *d = dl_text_key("Why?", 4); /* a question stays one */
  assert_string_equal(d, "why?");
  free(d);
  const char *quoted = "Don\xE2\x80\x99t \xE2\x80\x9Cpanic\xE2\x80\x9D.";
  char *e = dl_text_key(quoted, strlen(quoted));
  assert_string_equal(e, "don't \"panic\""); /* quotes straightened */
  free(e);
  char *f = dl_text_key("C++", 3); /* only : ; , . are noise */
  assert_string_equal(f, "c++");
  free(f);
  f = dl_text_key("Wait... Plan.:", 14); /* an ellipsis is kept */
  assert_string_equal(f, "wait... plan");
  free(f);
  f = dl_text_key("Wait...", 7);
  assert_string_equal(f, "wait...");
  free(f);
}

static void text_buffer_maps_offsets(void **state) {
  (void)state;
  dl_text t;
  dl_text_init(&t);
  dl_text_append(&t, "ab", 2, 10, true, 0);
  dl_text_append(&t, "&", 1, 20, false, DL_TX_CODE);
  assert_string_equal(t.s, "ab&");
  assert_int_equal(t.map[1], 11);
  assert_int_equal(t.map[2], 20);
  assert_int_equal(t.flags[2], DL_TX_CODE);
  dl_text_free(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(decode_and_count),
      cmocka_unit_test(validate_rejects_bad_sequences),
      cmocka_unit_test(classes),
      cmocka_unit_test(key_normalises),
      cmocka_unit_test(text_buffer_maps_offsets),
  };
  return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
