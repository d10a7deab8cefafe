/*
 * rpc.c: JSON-RPC 2.0 messages (https://www.jsonrpc.org/specification) and
 * the LSP's lifecycle rules for dispatching them.
 */
#include "lsp/rpc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/diag.h"

static json_t *S_reply(json_t *id) {
  json_t *r = json_object();
  json_object_set_new(r, "jsonrpc", json_string("2.0"));
  json_object_set(r, "id", id ? id : json_null());
  return r;
}

json_t *dl_rpc_result(json_t *id, json_t *result) {
  json_t *r = S_reply(id);
  json_object_set_new(r, "result", result ? result : json_null());
  return r;
}

json_t *dl_rpc_error(json_t *id, int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *message = dl_strdup_vprintf(fmt, ap);
  va_end(ap);
  json_t *r = S_reply(id);
  json_t *e = json_object();
  json_object_set_new(e, "code", json_integer(code));
  json_object_set_new(e, "message", json_string(message));
  json_object_set_new(r, "error", e);
  free(message);
  return r;
}

json_t *dl_rpc_notification(const char *method, json_t *params) {
  json_t *r = json_object();
  json_object_set_new(r, "jsonrpc", json_string("2.0"));
  json_object_set_new(r, "method", json_string(method));
  if (params)
    json_object_set_new(r, "params", params);
  return r;
}

/* An id is a number or a string (JSON-RPC allows null; the LSP does not). */
static bool S_valid_id(const json_t *id) {
  return json_is_integer(id) || json_is_string(id);
}

int dl_rpc_parse(const char *body, size_t len, dl_rpc_msg *out,
                 json_t **reply) {
  *out = (dl_rpc_msg){0};
  *reply = NULL;
  json_error_t err;
  json_t *root = json_loadb(body, len, 0, &err);
  if (!root) {
    *reply = dl_rpc_error(NULL, DL_RPC_PARSE_ERROR,
                          "the message is not JSON: %s (line %d, column %d)",
                          err.text, err.line, err.column);
    return -1;
  }
  json_t *id = json_object_get(root, "id");
  json_t *method = json_object_get(root, "method");
  json_t *params = json_object_get(root, "params");
  const char *why = NULL;
  if (!json_is_object(root))
    why = "a message must be a JSON object (batches are not used by the LSP)";
  else if (!json_is_string(json_object_get(root, "jsonrpc")) ||
           strcmp(json_string_value(json_object_get(root, "jsonrpc")), "2.0"))
    why = "\"jsonrpc\" must be \"2.0\"";
  else if (id && !S_valid_id(id))
    why = "\"id\" must be a number or a string";
  else if (!method && !id)
    why = "a message needs a \"method\" or an \"id\"";
  else if (method && !json_is_string(method))
    why = "\"method\" must be a string";
  else if (params && !json_is_object(params) && !json_is_array(params))
    why = "\"params\" must be an object or an array";
  if (why) {
    *reply = dl_rpc_error(json_is_object(root) && S_valid_id(id) ? id : NULL,
                          DL_RPC_INVALID_REQUEST, "%s", why);
    json_decref(root);
    return -1;
  }
  out->root = root;
  out->id = id;
  out->params = params;
  if (!method) {
    out->kind = DL_RPC_RESPONSE;
    return 0;
  }
  out->method = json_string_value(method);
  out->kind = id ? DL_RPC_REQUEST : DL_RPC_NOTIFICATION;
  return 0;
}

void dl_rpc_msg_free(dl_rpc_msg *m) {
  json_decref(m->root);
  *m = (dl_rpc_msg){0};
}

static const dl_rpc_method *S_find(const dl_rpc_method *table, size_t n,
                                   const dl_rpc_msg *m) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(table[i].name, m->method) == 0 &&
        table[i].request == (m->kind == DL_RPC_REQUEST))
      return &table[i];
  return NULL;
}

json_t *dl_rpc_dispatch(const dl_rpc_method *table, size_t n, void *server,
                        dl_rpc_state state, const dl_rpc_msg *m) {
  if (m->kind == DL_RPC_RESPONSE)
    return NULL;
  bool request = m->kind == DL_RPC_REQUEST;
  const dl_rpc_method *method = S_find(table, n, m);
  if (!method && !request)
    return NULL; /* an unknown notification ("$/..." among them) */
  if (!(method && method->any_state) && state != DL_RPC_RUNNING) {
    if (!request)
      return NULL; /* dropped, as the specification says */
    if (state == DL_RPC_STARTING)
      return dl_rpc_error(m->id, DL_RPC_SERVER_NOT_INITIALIZED,
                          "'%s' before 'initialize'", m->method);
    return dl_rpc_error(m->id, DL_RPC_INVALID_REQUEST,
                        "'%s' after 'shutdown'", m->method);
  }
  if (!method)
    return dl_rpc_error(m->id, DL_RPC_METHOD_NOT_FOUND,
                        "unknown method '%s'", m->method);
  return method->handler(server, m);
}
