/* test_fix.c: choosing fixes, applying them, the unified diff, and the
 * atomic write that refuses a file changed since it was read. */
#include "unit.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fix/fix.h"

static void S_push_fix(dl_diag_list *l, size_t start, size_t end,
                       const char *text) {
  dl_diag *d = dl_diag_list_push(l, start, end, "r", NULL, DL_SEV_ERROR,
                                 dl_xstrdup("m"));
  dl_diag_set_fix(d, start, end, text);
}

static char *S_apply(const char *src, const dl_diag_list *l) {
  const dl_fix **fixes;
  size_t n = dl_fix_select(l, strlen(src), &fixes), len;
  char *out = dl_fix_apply(src, strlen(src), fixes, n, &len);
  free(fixes);
  return out;
}

static void only_unambiguous_fixes_apply(void **state) {
  (void)state;
  const char *src = "0123456789";
  dl_diag_list l = {0};
  S_push_fix(&l, 1, 3, "ab");   /* applied */
  S_push_fix(&l, 5, 7, "X");    /* overlaps the next: neither */
  S_push_fix(&l, 6, 8, "Y");
  S_push_fix(&l, 9, 9, "+");    /* an insertion */
  S_push_fix(&l, 3, 3, "|");    /* an insertion where the first ends: fine */
  S_push_fix(&l, 8, 11, "!");   /* past the end: a rule's slip, skipped */
  char *out = S_apply(src, &l);
  assert_string_equal(out, "0ab|345678+9");
  free(out);
  dl_diag_list_free(&l);
  /* two rules with the same repair: applied once */
  l = (dl_diag_list){0};
  S_push_fix(&l, 2, 4, "zz");
  S_push_fix(&l, 2, 4, "zz");
  out = S_apply(src, &l);
  assert_string_equal(out, "01zz456789");
  free(out);
  dl_diag_list_free(&l);
  /* two insertions at one point: which comes first is a guess */
  l = (dl_diag_list){0};
  S_push_fix(&l, 2, 2, "a");
  S_push_fix(&l, 2, 2, "b");
  out = S_apply(src, &l);
  assert_string_equal(out, src);
  free(out);
  dl_diag_list_free(&l);
}

static char *S_diff(const char *src, const dl_diag_list *l) {
  dl_doc *doc = unit_doc(src);
  const dl_fix **fixes;
  size_t n = dl_fix_select(l, doc->len, &fixes);
  char *buf = NULL;
  size_t size = 0;
  FILE *out = open_memstream(&buf, &size);
  dl_fix_diff(out, "d.md", doc, fixes, n);
  fclose(out);
  free(fixes);
  dl_doc_free(doc);
  return buf;
}

static void unified_diff(void **state) {
  (void)state;
  const char *src = "l1\nl2\nl3\nl4 old\nl5\nl6\nl7\nl8\nl9\nl10\nl11\nl12\n"
                    "l13\nl14 old\nl15";
  dl_diag_list l = {0};
  S_push_fix(&l, 12, 15, "new");   /* "old" on line 4 */
  S_push_fix(&l, 51, 54, "new");   /* "old" on line 14 */
  S_push_fix(&l, 90, 95, "out");   /* outside the file: never applied */
  char *d = S_diff(src, &l);
  assert_string_equal(d, "--- d.md\n+++ d.md\n"
                         "@@ -1,7 +1,7 @@\n l1\n l2\n l3\n-l4 old\n+l4 new\n"
                         " l5\n l6\n l7\n"
                         "@@ -11,5 +11,5 @@\n l11\n l12\n l13\n-l14 old\n"
                         "+l14 new\n l15\n\\ No newline at end of file\n");
  free(d);
  dl_diag_list_free(&l);
  /* changes close together share a hunk; a fix may add a line */
  l = (dl_diag_list){0};
  S_push_fix(&l, 0, 2, "L1");
  S_push_fix(&l, 9, 9, "new line\n");
  d = S_diff("l1\nl2\nl3\nl4\n", &l);
  assert_string_equal(d, "--- d.md\n+++ d.md\n@@ -1,4 +1,5 @@\n-l1\n+L1\n l2\n"
                         " l3\n-l4\n+new line\n+l4\n");
  free(d);
  dl_diag_list_free(&l);
  /* a fix that removes a line ending joins the next line into its change */
  l = (dl_diag_list){0};
  S_push_fix(&l, 6, 7, "title");
  d = S_diff("Also [\n](url) x\nl3\n", &l);
  assert_string_equal(d, "--- d.md\n+++ d.md\n@@ -1,3 +1,2 @@\n-Also [\n"
                         "-](url) x\n+Also [title](url) x\n l3\n");
  free(d);
  dl_diag_list_free(&l);
}

static char *S_tmpfile(const char *content, mode_t mode) {
  char *path = dl_xstrdup("/tmp/draftlint-fix-XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, content, strlen(content)), (ssize_t)strlen(content));
  close(fd);
  chmod(path, mode);
  return path;
}

static char *S_read(const char *path) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char *buf = dl_xcalloc(1, 4096);
  size_t n = fread(buf, 1, 4095, f);
  buf[n] = '\0';
  fclose(f);
  return buf;
}

static void atomic_write_keeps_the_mode(void **state) {
  (void)state;
  char *path = S_tmpfile("old text\n", 0640);
  char *error = NULL;
  assert_int_equal(dl_fix_write(path, "old text\n", 9, "new text\n", 9, &error), 0);
  char *now = S_read(path);
  assert_string_equal(now, "new text\n");
  free(now);
  struct stat st;
  assert_int_equal(stat(path, &st), 0);
  assert_int_equal(st.st_mode & 07777, 0640);
  /* a symbolic link stays a link, and its target gets the fix */
  char *link = dl_strdup_printf("%s.link", path);
  assert_int_equal(symlink(path, link), 0);
  assert_int_equal(dl_fix_write(link, "new text\n", 9, "third\n", 6, &error), 0);
  assert_int_equal(lstat(link, &st), 0);
  assert_true(S_ISLNK(st.st_mode));
  now = S_read(path);
  assert_string_equal(now, "third\n");
  free(now);
  unlink(link);
  free(link);
  unlink(path);
  free(path);
}

static void a_file_changed_since_it_was_read_is_not_written(void **state) {
  (void)state;
  char *path = S_tmpfile("edited meanwhile\n", 0644);
  char *error = NULL;
  assert_int_equal(dl_fix_write(path, "as read\n", 8, "fixed\n", 6, &error), -1);
  assert_string_equal(error, "not fixed: the file changed on disk since it "
                             "was read; run draftlint again");
  free(error);
  char *now = S_read(path);
  assert_string_equal(now, "edited meanwhile\n");
  free(now);
  /* the same through --fix's path: the result keeps an error, the file
   * keeps its bytes */
  dl_settings s;
  dl_settings_defaults(&s);
  assert_int_equal(dl_settings_assign(&s, "tbm-link.catalog=rules/data/tbm-posts.csv",
                                      &error), 0);
  dl_engine e;
  assert_int_equal(dl_engine_init(&e, &s, &error), 0);
  const char *as_read = "[TBM 242: The Simplicity Fetish](https://substack.com/)\n";
  char *bytes = dl_xstrdup(as_read);
  dl_result r;
  dl_lint_bytes(&e, path, bytes, strlen(as_read), &r);
  assert_true(r.diags.len >= 1);
  dl_input in = {.path = path};
  dl_fix_result(&e, DL_FIX_WRITE, true, &in, &r, stdout);
  assert_non_null(r.error);
  assert_non_null(strstr(r.error, "changed on disk"));
  now = S_read(path);
  assert_string_equal(now, "edited meanwhile\n");
  free(now);
  dl_result_free(&r);
  /* and when the file is as it was read, it is fixed and linted again */
  FILE *f = fopen(path, "wb");
  fputs(as_read, f);
  fclose(f);
  bytes = dl_xstrdup(as_read);
  dl_lint_bytes(&e, path, bytes, strlen(as_read), &r);
  dl_fix_result(&e, DL_FIX_WRITE, true, &in, &r, stdout);
  assert_null(r.error);
  assert_int_equal(r.diags.len, 0);
  now = S_read(path);
  assert_string_equal(now, "[TBM 242: The Simplicity Fetish](https://cutlefish."
                           "substack.com/p/tbm-242-the-simplicity-fetish)\n");
  free(now);
  dl_result_free(&r);
  dl_engine_fini(&e);
  dl_settings_free(&s);
  unlink(path);
  free(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(only_unambiguous_fixes_apply),
      cmocka_unit_test(unified_diff),
      cmocka_unit_test(atomic_write_keeps_the_mode),
      cmocka_unit_test(a_file_changed_since_it_was_read_is_not_written),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
