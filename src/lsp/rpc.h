/*
 * rpc.h: JSON-RPC 2.0 as the Language Server Protocol uses it: a body
 * becomes a request, a notification or a response; requests and
 * notifications go to a handler by method name; errors carry the codes of
 * the LSP 3.17 specification.
 *
 * The dispatcher enforces the lifecycle: before `initialize` a request gets
 * ServerNotInitialized (-32002) and a notification is dropped (but `exit`);
 * after `shutdown` a request gets InvalidRequest (-32600).  An unknown
 * method gets MethodNotFound (-32601) when it is a request and is ignored
 * when it is a notification; so is a "$/" notification.
 *
 * Ownership: dl_rpc_parse's message holds a reference to the parsed value,
 * released by dl_rpc_msg_free; the reply builders return new references
 * (the caller writes and decrefs them) and take a reference of `id`.
 */
#ifndef DRAFTLINT_LSP_RPC_H
#define DRAFTLINT_LSP_RPC_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* Error codes: JSON-RPC's, then the LSP's own. */
enum {
  DL_RPC_PARSE_ERROR = -32700,
  DL_RPC_INVALID_REQUEST = -32600,
  DL_RPC_METHOD_NOT_FOUND = -32601,
  DL_RPC_INVALID_PARAMS = -32602,
  DL_RPC_INTERNAL_ERROR = -32603,
  DL_RPC_SERVER_NOT_INITIALIZED = -32002,
  DL_RPC_REQUEST_FAILED = -32803
};

typedef enum dl_rpc_kind {
  DL_RPC_REQUEST,
  DL_RPC_NOTIFICATION,
  DL_RPC_RESPONSE /* a reply to a request of ours: the server sends none */
} dl_rpc_kind;

typedef struct dl_rpc_msg {
  dl_rpc_kind kind;
  json_t *root;       /* owned reference */
  json_t *id;         /* borrowed from root; NULL for a notification */
  const char *method; /* borrowed from root */
  json_t *params;     /* borrowed from root; NULL when absent */
} dl_rpc_msg;

/* Parses a body.  Returns 0, or -1 with the error reply to send in *reply
 * (ParseError for bad JSON, InvalidRequest for JSON that is no message). */
int dl_rpc_parse(const char *body, size_t len, dl_rpc_msg *out,
                 json_t **reply);
void dl_rpc_msg_free(dl_rpc_msg *m);

json_t *dl_rpc_result(json_t *id, json_t *result);           /* steals result */
json_t *dl_rpc_error(json_t *id, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
json_t *dl_rpc_notification(const char *method, json_t *params); /* steals */

typedef enum dl_rpc_state {
  DL_RPC_STARTING, /* before initialize */
  DL_RPC_RUNNING,
  DL_RPC_SHUT_DOWN /* after shutdown: only exit */
} dl_rpc_state;

/* A handler returns the reply to a request (a result or an error), or
 * NULL for a notification. */
typedef json_t *(*dl_rpc_handler)(void *server, const dl_rpc_msg *m);

typedef struct dl_rpc_method {
  const char *name;
  dl_rpc_handler handler;
  bool request;     /* false: a notification */
  bool any_state;   /* may come before initialize / after shutdown */
} dl_rpc_method;

/* Finds the method's handler and calls it; returns the reply to send, or
 * NULL when there is none.  A notification sent as a request (or the
 * reverse) is treated as unknown. */
json_t *dl_rpc_dispatch(const dl_rpc_method *table, size_t n, void *server,
                        dl_rpc_state state, const dl_rpc_msg *m);

#endif
