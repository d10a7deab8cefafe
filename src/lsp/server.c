/*
 * server.c: the lifecycle (initialize, initialized, shutdown, exit), text
 * synchronization, code actions and configuration: one handler per method,
 * in the table at the end.
 */
#include "lsp/server.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "draftlint/diag.h"
#include "lsp/actions.h"
#include "lsp/docstore.h"
#include "lsp/framing.h"
#include "lsp/linter.h"
#include "lsp/rpc.h"

#ifndef DL_VERSION
#define DL_VERSION "0.0.0"
#endif

/* ContentModified: code actions asked for a version not yet linted. */
#define S_CONTENT_MODIFIED (-32801)

typedef struct server {
  dl_lsp_reader in;
  dl_lsp_writer out;
  pthread_mutex_t lock, publish;
  dl_lsp_store store;
  dl_lsp_linter linter;
  dl_rpc_state state;
  bool exit_now;
  json_t *settings; /* the client's last settings */
} server;

/* window/logMessage (type 1 error, 2 warning, 3 info, 4 log). */
static void S_log(server *s, int type, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void S_log(server *s, int type, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *text = dl_strdup_vprintf(fmt, ap);
  va_end(ap);
  json_t *msg = dl_rpc_notification(
      "window/logMessage", json_pack("{s:i,s:s}", "type", type, "message", text));
  dl_lsp_write(&s->out, msg);
  json_decref(msg);
  free(text);
}

static const char *S_uri(const json_t *params) {
  return json_string_value(
      json_object_get(json_object_get(params, "textDocument"), "uri"));
}

/* ---- lifecycle ---- */

/* UTF-8 when the client offers it, else the mandatory UTF-16. */
static dl_lsp_encoding S_encoding(const json_t *params) {
  json_t *offered = json_object_get(
      json_object_get(json_object_get(params, "capabilities"), "general"),
      "positionEncodings");
  size_t i;
  json_t *e;
  json_array_foreach(offered, i, e) {
    if (json_is_string(e) && strcmp(json_string_value(e), "utf-8") == 0)
      return DL_LSP_UTF8;
  }
  return DL_LSP_UTF16;
}

static json_t *S_initialize(void *arg, const dl_rpc_msg *m) {
  server *s = arg;
  if (s->state != DL_RPC_STARTING)
    return dl_rpc_error(m->id, DL_RPC_INVALID_REQUEST,
                        "'initialize' may be sent only once");
  if (!json_is_object(m->params))
    return dl_rpc_error(m->id, DL_RPC_INVALID_PARAMS,
                        "'initialize' needs InitializeParams");
  pthread_mutex_lock(&s->lock);
  s->linter.enc = S_encoding(m->params);
  json_t *options = json_object_get(m->params, "initializationOptions");
  if (json_is_object(options)) {
    json_decref(s->settings);
    s->settings = json_incref(options);
    dl_lsp_linter_configure(&s->linter, options);
  }
  dl_lsp_encoding enc = s->linter.enc;
  pthread_mutex_unlock(&s->lock);
  s->state = DL_RPC_RUNNING;
  json_t *caps = json_pack(
      "{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s]}}", "positionEncoding",
      dl_lsp_encoding_name(enc), "textDocumentSync", "openClose", 1, "change",
      2 /* incremental */, "save", "includeText", 0, "codeActionProvider",
      "codeActionKinds", "quickfix");
  return dl_rpc_result(m->id, json_pack("{s:o,s:{s:s,s:s}}", "capabilities",
                                        caps, "serverInfo", "name", "draftlint",
                                        "version", DL_VERSION));
}

static json_t *S_initialized(void *arg, const dl_rpc_msg *m) {
  (void)arg, (void)m;
  return NULL;
}

static json_t *S_shutdown(void *arg, const dl_rpc_msg *m) {
  server *s = arg;
  s->state = DL_RPC_SHUT_DOWN;
  return dl_rpc_result(m->id, json_null());
}

static json_t *S_exit(void *arg, const dl_rpc_msg *m) {
  (void)m;
  ((server *)arg)->exit_now = true;
  return NULL;
}

/* ---- text synchronization ---- */

static json_t *S_did_open(void *arg, const dl_rpc_msg *m) {
  server *s = arg;
  json_t *td = json_object_get(m->params, "textDocument");
  json_t *text = json_object_get(td, "text");
  json_t *version = json_object_get(td, "version");
  const char *uri = S_uri(m->params);
  if (!uri || !json_is_string(text) || !json_is_integer(version)) {
    S_log(s, 1, "didOpen needs textDocument.uri, .version and .text");
    return NULL;
  }
  pthread_mutex_lock(&s->lock);
  dl_lsp_doc *d = dl_lsp_store_open(
      &s->store, uri, json_string_value(json_object_get(td, "languageId")),
      json_string_value(text), json_string_length(text),
      json_integer_value(version));
  if (d->markdown)
    dl_lsp_linter_schedule(&s->linter, d);
  pthread_mutex_unlock(&s->lock);
  return NULL;
}

/* Applies every change in order; returns the first error, malloc'd. */
static char *S_apply_changes(dl_lsp_doc *d, dl_lsp_encoding enc,
                             const json_t *changes) {
  size_t i;
  json_t *c;
  json_array_foreach(changes, i, c) {
    char *error = NULL;
    if (dl_lsp_doc_change(d, enc, c, &error) != 0)
      return error;
  }
  return NULL;
}

static json_t *S_did_change(void *arg, const dl_rpc_msg *m) {
  server *s = arg;
  const char *uri = S_uri(m->params);
  json_t *changes = json_object_get(m->params, "contentChanges");
  json_t *version =
      json_object_get(json_object_get(m->params, "textDocument"), "version");
  if (!uri || !json_is_array(changes)) {
    S_log(s, 1, "didChange needs textDocument.uri and contentChanges");
    return NULL;
  }
  pthread_mutex_lock(&s->lock);
  dl_lsp_doc *d = dl_lsp_store_get(&s->store, uri);
  char *error = d ? S_apply_changes(d, s->linter.enc, changes) : NULL;
  if (d) {
    d->version = json_is_integer(version) ? json_integer_value(version)
                                          : d->version + 1;
    if (d->markdown)
      dl_lsp_linter_schedule(&s->linter, d);
  }
  pthread_mutex_unlock(&s->lock);
  if (!d)
    S_log(s, 2, "didChange for %s, which is not open", uri);
  if (error)
    S_log(s, 1, "didChange for %s: %s", uri, error);
  free(error);
  return NULL;
}

/* Saving a .draftlint.ini changes the configuration of the drafts beside
 * and below it: every configuration is read again. */
static json_t *S_did_save(void *arg, const dl_rpc_msg *m) {
  server *s = arg;
  const char *uri = S_uri(m->params);
  const char *base = uri ? strrchr(uri, '/') : NULL;
  if (base && strcmp(base, "/.draftlint.ini") == 0) {
    pthread_mutex_lock(&s->lock);
    json_t *settings = s->settings ? json_incref(s->settings) : json_object();
    dl_lsp_linter_configure(&s->linter, settings);
    json_decref(settings);
    pthread_mutex_unlock(&s->lock);
  }
  return NULL;
}

static json_t *S_did_close(void *arg, const dl_rpc_msg *m) {
  server *s = arg;
  const char *uri = S_uri(m->params);
  if (!uri) {
    S_log(s, 1, "didClose needs textDocument.uri");
    return NULL;
  }
  pthread_mutex_lock(&s->publish);
  pthread_mutex_lock(&s->lock);
  bool was_open = dl_lsp_store_close(&s->store, uri);
  pthread_mutex_unlock(&s->lock);
  if (was_open) { /* the editor forgets the diagnostics of a closed file */
    json_t *msg = dl_rpc_notification(
        "textDocument/publishDiagnostics",
        json_pack("{s:s,s:[]}", "uri", uri, "diagnostics"));
    dl_lsp_write(&s->out, msg);
    json_decref(msg);
  }
  pthread_mutex_unlock(&s->publish);
  if (!was_open)
    S_log(s, 2, "didClose for %s, which is not open", uri);
  return NULL;
}

/* ---- code actions, configuration ---- */

static json_t *S_code_action(void *arg, const dl_rpc_msg *m) {
  server *s = arg;
  const char *uri = S_uri(m->params);
  json_t *range = json_object_get(m->params, "range");
  if (!uri || !json_is_object(range))
    return dl_rpc_error(m->id, DL_RPC_INVALID_PARAMS,
                        "codeAction needs textDocument.uri and range");
  pthread_mutex_lock(&s->lock);
  dl_lsp_doc *d = dl_lsp_store_get(&s->store, uri);
  json_t *reply;
  if (!d)
    reply = dl_rpc_error(m->id, DL_RPC_INVALID_PARAMS,
                         "unknown document %s: open it first", uri);
  else if (!d->markdown)
    reply = dl_rpc_result(m->id, json_array());
  else if (!d->findings || d->findings_version != d->version || d->dirty)
    reply = dl_rpc_error(m->id, S_CONTENT_MODIFIED,
                         "%s changed; it is being linted again", uri);
  else
    reply = dl_rpc_result(
        m->id, dl_lsp_code_actions(uri, d->findings, range,
                                   json_object_get(m->params, "context")));
  pthread_mutex_unlock(&s->lock);
  return reply;
}

static json_t *S_did_change_configuration(void *arg, const dl_rpc_msg *m) {
  server *s = arg;
  json_t *settings = json_object_get(m->params, "settings");
  if (!json_is_object(settings)) /* null: back to the command line's */
    settings = NULL;
  pthread_mutex_lock(&s->lock);
  json_t *use = settings ? json_incref(settings) : json_object();
  json_decref(s->settings);
  s->settings = use;
  dl_lsp_linter_configure(&s->linter, use);
  pthread_mutex_unlock(&s->lock);
  return NULL;
}

static const dl_rpc_method S_methods[] = {
    {"initialize", S_initialize, true, true},
    {"initialized", S_initialized, false, false},
    {"shutdown", S_shutdown, true, false},
    {"exit", S_exit, false, true},
    {"textDocument/didOpen", S_did_open, false, false},
    {"textDocument/didChange", S_did_change, false, false},
    {"textDocument/didSave", S_did_save, false, false},
    {"textDocument/didClose", S_did_close, false, false},
    {"textDocument/codeAction", S_code_action, true, false},
    {"workspace/didChangeConfiguration", S_did_change_configuration, false,
     false},
};

/* Reads and answers messages until `exit` or the end of the input. */
static void S_loop(server *s) {
  while (!s->exit_now) {
    const char *body;
    size_t len;
    char *error;
    dl_lsp_read_status st = dl_lsp_read(&s->in, &body, &len, &error);
    if (st == DL_LSP_END)
      return;
    json_t *reply = NULL;
    dl_rpc_msg m;
    if (st == DL_LSP_BAD_HEADER) {
      fprintf(stderr, "draftlint lsp: %s; skipping to the next message\n",
              error);
      reply = dl_rpc_error(NULL, DL_RPC_PARSE_ERROR, "bad message header: %s",
                           error);
      free(error);
    } else if (dl_rpc_parse(body, len, &m, &reply) == 0) {
      reply = dl_rpc_dispatch(S_methods, sizeof S_methods / sizeof *S_methods,
                              s, s->state, &m);
      dl_rpc_msg_free(&m);
    }
    if (reply) {
      dl_lsp_write(&s->out, reply);
      json_decref(reply);
    }
  }
}

int dl_lsp_serve(const dl_options *o, int in_fd, int out_fd) {
  signal(SIGPIPE, SIG_IGN); /* a client gone is a failed write */
  server s = {.state = DL_RPC_STARTING};
  dl_lsp_reader_init(&s.in, dl_lsp_read_fd, &in_fd);
  dl_lsp_writer_init(&s.out, out_fd);
  pthread_mutex_init(&s.lock, NULL);
  pthread_mutex_init(&s.publish, NULL);
  dl_lsp_store_init(&s.store);
  s.linter = (dl_lsp_linter){.lock = &s.lock,
                             .publish = &s.publish,
                             .store = &s.store,
                             .out = &s.out,
                             .base = o,
                             .debounce = DL_LSP_DEBOUNCE_MS / 1000.0};
  char *error = NULL;
  if (dl_lsp_linter_start(&s.linter, &error) != 0) {
    fprintf(stderr, "draftlint lsp: %s\n", error);
    free(error);
    return 2;
  }
  S_loop(&s);
  int rc = s.state == DL_RPC_SHUT_DOWN ? 0 : 1;
  if (!dl_lsp_linter_stop(&s.linter))
    _exit(rc); /* a lint still running on a huge draft: do not wait */
  dl_lsp_store_free(&s.store);
  json_decref(s.settings);
  dl_lsp_reader_fini(&s.in);
  dl_lsp_writer_fini(&s.out);
  pthread_mutex_destroy(&s.lock);
  pthread_mutex_destroy(&s.publish);
  return rc;
}
