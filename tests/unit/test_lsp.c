/*
 * test_lsp.c: the language server's parts on their own: positions in
 * UTF-16 and UTF-8, the Content-Length reader over input that arrives a
 * byte at a time, JSON-RPC errors and the lifecycle, incremental changes,
 * file URIs.  The whole server is driven by tests/lsp/client.py and Neovim.
 */
#include "unit.h"

#include "lsp/docstore.h"
#include "lsp/framing.h"
#include "lsp/position.h"
#include "lsp/rpc.h"

static dl_lsp_text S_text(const char *s, size_t **lines) {
  size_t cap = 0, n = dl_lsp_lines(s, strlen(s), lines, &cap);
  return (dl_lsp_text){s, strlen(s), *lines, n};
}

static void test_utf16_positions(void **state) {
  (void)state;
  /* "a😀é" then CRLF, "b" then a lone CR, "c" */
  const char *s = "a\xf0\x9f\x98\x80\xc3\xa9\r\nb\rc";
  size_t *lines = NULL, line, ch;
  dl_lsp_text t = S_text(s, &lines);
  assert_int_equal(t.nlines, 3);
  assert_int_equal(dl_lsp_offset(&t, DL_LSP_UTF16, 0, 1), 1);
  assert_int_equal(dl_lsp_offset(&t, DL_LSP_UTF16, 0, 3), 5); /* after 😀 */
  assert_int_equal(dl_lsp_offset(&t, DL_LSP_UTF16, 0, 4), 7); /* after é */
  assert_int_equal(dl_lsp_offset(&t, DL_LSP_UTF16, 0, 99), 7); /* clamped */
  assert_int_equal(dl_lsp_offset(&t, DL_LSP_UTF8, 0, 5), 5);
  assert_int_equal(dl_lsp_offset(&t, DL_LSP_UTF16, 1, 1), 10);
  assert_int_equal(dl_lsp_offset(&t, DL_LSP_UTF16, 2, 0), 11);
  assert_int_equal(dl_lsp_offset(&t, DL_LSP_UTF16, 7, 0), strlen(s));
  dl_lsp_position(&t, DL_LSP_UTF16, 5, &line, &ch);
  assert_int_equal(line, 0);
  assert_int_equal(ch, 3);
  dl_lsp_position(&t, DL_LSP_UTF8, 5, &line, &ch);
  assert_int_equal(ch, 5);
  dl_lsp_position(&t, DL_LSP_UTF16, 8, &line, &ch); /* inside the CRLF */
  assert_int_equal(line, 0);
  assert_int_equal(ch, 4);
  dl_lsp_position(&t, DL_LSP_UTF16, 12, &line, &ch); /* the end */
  assert_int_equal(line, 2);
  assert_int_equal(ch, 1);
  free(lines);
}

typedef struct bytes {
  const char *s;
  size_t len, pos;
} bytes;

static ssize_t S_one_byte(void *ctx, char *buf, size_t cap) {
  bytes *b = ctx;
  if (b->pos == b->len || cap == 0)
    return 0;
  buf[0] = b->s[b->pos++];
  return 1;
}

static void test_reader(void **state) {
  (void)state;
  const char in[] = "Content-Length: 2\r\nContent-Type: x\r\n\r\n{}"
                    "\r\nContent-Length: abc\r\n\r\n{\"x\":1}"
                    "content-length:3\n\n[1]"
                    "Content-Length: 10\r\n\r\n{\"cut";
  bytes b = {in, sizeof in - 1, 0};
  dl_lsp_reader r;
  dl_lsp_reader_init(&r, S_one_byte, &b);
  const char *body;
  size_t len;
  char *error;
  assert_int_equal(dl_lsp_read(&r, &body, &len, &error), DL_LSP_MESSAGE);
  assert_int_equal(len, 2);
  assert_memory_equal(body, "{}", 2);
  assert_int_equal(dl_lsp_read(&r, &body, &len, &error), DL_LSP_BAD_HEADER);
  assert_non_null(strstr(error, "not a number"));
  free(error);
  /* the bad message's body is skipped; the lowercase, LF-only header
   * that follows is read */
  assert_int_equal(dl_lsp_read(&r, &body, &len, &error), DL_LSP_MESSAGE);
  assert_memory_equal(body, "[1]", 3);
  /* a body cut off by the end of input is dropped */
  assert_int_equal(dl_lsp_read(&r, &body, &len, &error), DL_LSP_END);
  assert_int_equal(dl_lsp_read(&r, &body, &len, &error), DL_LSP_END);
  dl_lsp_reader_fini(&r);
}

static int S_error_code(json_t *reply) {
  int code = (int)json_integer_value(
      json_object_get(json_object_get(reply, "error"), "code"));
  json_decref(reply);
  return code;
}

static json_t *S_ok(void *server, const dl_rpc_msg *m) {
  (void)server;
  return m->id ? dl_rpc_result(m->id, json_true()) : NULL;
}

static void test_rpc(void **state) {
  (void)state;
  dl_rpc_msg m;
  json_t *reply;
  assert_int_equal(dl_rpc_parse("{", 1, &m, &reply), -1);
  assert_int_equal(S_error_code(reply), DL_RPC_PARSE_ERROR);
  const char *no_version = "{\"id\":1,\"method\":\"a\"}";
  assert_int_equal(dl_rpc_parse(no_version, strlen(no_version), &m, &reply), -1);
  assert_int_equal(S_error_code(reply), DL_RPC_INVALID_REQUEST);
  const dl_rpc_method table[] = {{"initialize", S_ok, true, true},
                                 {"a", S_ok, true, false},
                                 {"n", S_ok, false, false}};
  const char *req = "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"a\"}";
  assert_int_equal(dl_rpc_parse(req, strlen(req), &m, &reply), 0);
  assert_int_equal(m.kind, DL_RPC_REQUEST);
  assert_int_equal(S_error_code(dl_rpc_dispatch(table, 3, NULL,
                                                DL_RPC_STARTING, &m)),
                   DL_RPC_SERVER_NOT_INITIALIZED);
  assert_int_equal(S_error_code(dl_rpc_dispatch(table, 3, NULL,
                                                DL_RPC_SHUT_DOWN, &m)),
                   DL_RPC_INVALID_REQUEST);
  reply = dl_rpc_dispatch(table, 3, NULL, DL_RPC_RUNNING, &m);
  assert_true(json_is_true(json_object_get(reply, "result")));
  assert_string_equal(json_string_value(json_object_get(reply, "id")), "x");
  json_decref(reply);
  dl_rpc_msg_free(&m);
  const char *unknown = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"zz\"}";
  assert_int_equal(dl_rpc_parse(unknown, strlen(unknown), &m, &reply), 0);
  assert_int_equal(S_error_code(dl_rpc_dispatch(table, 3, NULL,
                                                DL_RPC_RUNNING, &m)),
                   DL_RPC_METHOD_NOT_FOUND);
  dl_rpc_msg_free(&m);
  const char *note = "{\"jsonrpc\":\"2.0\",\"method\":\"zz\"}";
  assert_int_equal(dl_rpc_parse(note, strlen(note), &m, &reply), 0);
  assert_null(dl_rpc_dispatch(table, 3, NULL, DL_RPC_RUNNING, &m));
  dl_rpc_msg_free(&m);
}

static void S_change(dl_lsp_doc *d, const char *json) {
  json_t *c = json_loads(json, 0, NULL);
  char *error = NULL;
  assert_int_equal(dl_lsp_doc_change(d, DL_LSP_UTF16, c, &error), 0);
  json_decref(c);
}

static void test_incremental(void **state) {
  (void)state;
  dl_lsp_store s;
  dl_lsp_store_init(&s);
  const char *text = "# \xf0\x9f\x98\x80 A\n\nB\n";
  dl_lsp_doc *d = dl_lsp_store_open(&s, "file:///x/a%20b.md", NULL, text,
                                    strlen(text), 1);
  assert_true(d->markdown);
  assert_string_equal(d->path, "/x/a b.md");
  S_change(d, "{\"range\":{\"start\":{\"line\":0,\"character\":5},"
              "\"end\":{\"line\":0,\"character\":6}},\"text\":\"Z\\r\\nC\"}");
  assert_string_equal(d->text, "# \xf0\x9f\x98\x80 Z\r\nC\n\nB\n");
  assert_int_equal(d->nlines, 5);
  S_change(d, "{\"text\":\"new\"}");
  assert_string_equal(d->text, "new");
  json_t *bad = json_loads("{\"range\":{\"start\":{\"line\":0,\"character\":2},"
                           "\"end\":{\"line\":0,\"character\":1}},\"text\":\"\"}",
                           0, NULL);
  char *error = NULL;
  assert_int_equal(dl_lsp_doc_change(d, DL_LSP_UTF16, bad, &error), -1);
  assert_non_null(error);
  free(error);
  json_decref(bad);
  assert_string_equal(d->text, "new");
  assert_true(dl_lsp_store_close(&s, "file:///x/a%20b.md"));
  assert_false(dl_lsp_store_close(&s, "file:///x/a%20b.md"));
  dl_lsp_store_free(&s);
  assert_null(dl_lsp_uri_path("untitled:Untitled-1"));
  assert_null(dl_lsp_uri_path("file://host/share/a.md"));
  assert_null(dl_lsp_uri_path("file:///a%00b.md"));
  char *p = dl_lsp_uri_path("file://localhost/tmp/%C3%A9.md");
  assert_string_equal(p, "/tmp/\xc3\xa9.md");
  free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_utf16_positions),
      cmocka_unit_test(test_reader),
      cmocka_unit_test(test_rpc),
      cmocka_unit_test(test_incremental),
  };
  return cmocka_run_group_tests_name("lsp", tests, NULL, NULL);
}
