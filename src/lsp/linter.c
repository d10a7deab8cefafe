/*
 * linter.c: the linting thread: debounce, configuration, lint, publish
 * (textDocument/publishDiagnostics).
 */
#define _GNU_SOURCE
#include "lsp/linter.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config/profile.h"
#include "draftlint/alloc.h"
#include "engine/lint.h"
#include "lsp/diagnostics.h"
#include "lsp/rpc.h"

/* A configuration: its argv (the base command line and the client's
 * arguments) outlives the options parsed from it, which point into it. */
struct dl_lsp_config {
  char **argv;       /* owned array; the client's words are owned too */
  int argc, nowned;  /* argv[argc - nowned, argc) are owned */
  dl_options o;
};

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void dl_lsp_show_message(dl_lsp_writer *out, int type, const char *text) {
  json_t *msg = dl_rpc_notification(
      "window/showMessage", json_pack("{s:i,s:s}", "type", type, "message", text));
  dl_lsp_write(out, msg);
  json_decref(msg);
}

static void S_config_free(dl_lsp_config *c) {
  if (!c)
    return;
  dl_options_free(&c->o);
  for (int i = c->argc - c->nowned; i < c->argc; i++)
    free(c->argv[i]);
  free(c->argv);
  free(c);
}

/* The client's settings object: under "draftlint", or the whole object. */
static json_t *S_ours(json_t *settings) {
  json_t *inner = json_object_get(settings, "draftlint");
  return json_is_object(inner) ? inner : settings;
}

/* The base command line plus the client's "args"; NULL with *error when
 * they do not parse, or name a path. */
static dl_lsp_config *S_config_new(const dl_options *base, json_t *settings,
                                   char **error) {
  json_t *args = json_object_get(S_ours(settings), "args");
  size_t extra = json_is_array(args) ? json_array_size(args) : 0;
  dl_lsp_config *c = dl_xcalloc(1, sizeof *c);
  c->argv = dl_xcalloc((size_t)base->argc + extra + 2, sizeof *c->argv);
  c->argv[c->argc++] = "draftlint";
  for (int i = 1; i < base->argc; i++)
    c->argv[c->argc++] = base->argv[i];
  for (size_t i = 0; i < extra; i++) {
    const char *word = json_string_value(json_array_get(args, i));
    if (!word) {
      *error = dl_xstrdup("draftlint.args must be an array of strings");
      S_config_free(c);
      return NULL;
    }
    c->argv[c->argc++] = dl_xstrdup(word);
    c->nowned++;
  }
  char *why = NULL;
  if (dl_cli_parse(c->argc, c->argv, &c->o, &why) != 0) {
    *error = dl_strdup_printf("draftlint settings: %s", why);
    free(why);
    S_config_free(c);
    return NULL;
  }
  if (c->o.npaths || c->o.action != DL_ACTION_LINT) {
    *error = dl_strdup_printf("draftlint settings: '%s' is not a lint option",
                              c->o.npaths ? c->o.paths[0] : "learn");
    S_config_free(c);
    return NULL;
  }
  return c;
}

/* Applies settings on the linting thread: a new configuration replaces the
 * old one only when it is valid. */
static void S_apply(dl_lsp_linter *l, json_t *settings) {
  char *error = NULL;
  dl_lsp_config *c = S_config_new(l->base, settings, &error);
  if (!c) {
    dl_lsp_show_message(l->out, 1, error);
    free(error);
    return;
  }
  /* a rule name that is neither built in nor a pattern rule of the
   * server's folder is refused, as the command line refuses it */
  dl_profiles *ps = dl_profiles_new(&c->o);
  dl_profiles_for_dir(ps, ".");
  char *unknown = dl_profiles_check_names(ps);
  if (unknown) {
    char *text = dl_strdup_printf("draftlint settings: %s", unknown);
    dl_lsp_show_message(l->out, 1, text);
    free(text);
    free(unknown);
    dl_profiles_free(ps);
    S_config_free(c);
    return;
  }
  if (l->profiles)
    dl_profiles_free(l->profiles);
  S_config_free(l->config);
  l->config = c;
  l->profiles = ps;
  l->errors_shown = 0;
}

/* Shows configuration problems not shown before. */
static void S_config_errors(dl_lsp_linter *l) {
  size_t n;
  char *const *errors = dl_profiles_errors(l->profiles, &n);
  for (; l->errors_shown < n; l->errors_shown++)
    dl_lsp_show_message(l->out, 1, errors[l->errors_shown]);
}

/* Lints a copy of a document's text with the profile of its folder. */
static json_t *S_lint(dl_lsp_linter *l, const char *path, char *bytes,
                      size_t len) {
  dl_profile *p = path ? dl_profiles_for(l->profiles, path, false)
                       : dl_profiles_for(l->profiles, NULL, true);
  S_config_errors(l);
  if (path && dl_profile_ignores(p, path, NULL)) {
    free(bytes);
    return json_array();
  }
  dl_result r;
  if (p->engine_error) {
    free(bytes);
    dl_result_fail(&r, path ? path : "-", p->engine_error);
  } else {
    dl_lint_bytes(&p->engine, path ? path : "-", bytes, len, &r);
  }
  json_t *findings = dl_lsp_findings(&r, l->enc);
  dl_result_free(&r);
  return findings;
}

static void S_publish(dl_lsp_writer *out, const char *uri, int64_t version,
                      json_t *diagnostics) {
  json_t *params = json_pack("{s:s,s:o}", "uri", uri, "diagnostics",
                             diagnostics);
  if (version >= 0)
    json_object_set_new(params, "version", json_integer(version));
  json_t *msg = dl_rpc_notification("textDocument/publishDiagnostics", params);
  dl_lsp_write(out, msg);
  json_decref(msg);
}

/* The due document with the earliest due time, or NULL; *wait gets how
 * long until the next one is due (or -1 when none is scheduled). */
static dl_lsp_doc *S_next(dl_lsp_linter *l, double now, double *wait) {
  dl_lsp_doc *best = NULL;
  for (size_t i = 0; i < l->store->len; i++) {
    dl_lsp_doc *d = l->store->docs[i];
    if (d->dirty && d->markdown && (!best || d->due < best->due))
      best = d;
  }
  *wait = best ? best->due - now : -1;
  return best && best->due <= now ? best : NULL;
}

static void S_wait(dl_lsp_linter *l, double wait) {
  if (wait < 0) {
    pthread_cond_wait(&l->wake, l->lock);
    return;
  }
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  double until = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9 + wait;
  ts.tv_sec = (time_t)until;
  ts.tv_nsec = (long)((until - floor(until)) * 1e9);
  pthread_cond_timedwait(&l->wake, l->lock, &ts);
}

/* Lints `d` outside the lock (called and returning with it held), then
 * publishes unless the document changed or closed meanwhile. */
static void S_lint_doc(dl_lsp_linter *l, dl_lsp_doc *d) {
  char *uri = dl_xstrdup(d->uri);
  char *path = d->path ? dl_xstrdup(d->path) : NULL;
  char *bytes = dl_xmalloc(d->len + 1);
  memcpy(bytes, d->text, d->len + 1);
  size_t len = d->len;
  int64_t version = d->version;
  d->dirty = false;
  l->busy = true;
  pthread_mutex_unlock(l->lock);
  json_t *findings = S_lint(l, path, bytes, len);
  pthread_mutex_lock(l->publish);
  pthread_mutex_lock(l->lock);
  d = dl_lsp_store_get(l->store, uri);
  bool current = d && d->version == version && !d->dirty;
  if (current) {
    json_decref(d->findings);
    d->findings = json_incref(findings);
    d->findings_version = version;
  }
  l->busy = false;
  pthread_mutex_unlock(l->lock);
  if (current)
    S_publish(l->out, uri, version, dl_lsp_diagnostics_of(findings));
  pthread_mutex_unlock(l->publish);
  pthread_mutex_lock(l->lock);
  json_decref(findings);
  free(uri);
  free(path);
}

/* Marks every open document to be linted now (the configuration changed). */
static void S_relint_all(dl_lsp_linter *l) {
  double now = S_now();
  for (size_t i = 0; i < l->store->len; i++) {
    l->store->docs[i]->dirty = true;
    l->store->docs[i]->due = now;
  }
}

static void *S_main(void *arg) {
  dl_lsp_linter *l = arg;
  pthread_mutex_lock(l->lock);
  while (!l->quit) {
    if (l->settings) {
      json_t *settings = l->settings;
      l->settings = NULL;
      l->busy = true;
      pthread_mutex_unlock(l->lock);
      S_apply(l, settings);
      json_decref(settings);
      pthread_mutex_lock(l->lock);
      l->busy = false;
      S_relint_all(l);
      continue;
    }
    double wait;
    dl_lsp_doc *d = S_next(l, S_now(), &wait);
    if (d)
      S_lint_doc(l, d);
    else
      S_wait(l, wait);
  }
  pthread_mutex_unlock(l->lock);
  return NULL;
}

int dl_lsp_linter_start(dl_lsp_linter *l, char **error) {
  pthread_condattr_t attr;
  pthread_condattr_init(&attr);
  pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
  pthread_cond_init(&l->wake, &attr);
  pthread_condattr_destroy(&attr);
  json_t *none = json_object();
  l->config = S_config_new(l->base, none, error);
  json_decref(none);
  if (!l->config)
    return -1;
  l->profiles = dl_profiles_new(&l->config->o);
  if (pthread_create(&l->thread, NULL, S_main, l) != 0) {
    *error = dl_strdup_printf("cannot start the linting thread: %s",
                              strerror(errno));
    return -1;
  }
  l->running = true;
  return 0;
}

void dl_lsp_linter_schedule(dl_lsp_linter *l, dl_lsp_doc *d) {
  d->dirty = true;
  d->due = S_now() + l->debounce;
  pthread_cond_signal(&l->wake);
}

void dl_lsp_linter_configure(dl_lsp_linter *l, json_t *settings) {
  json_t *debounce = json_object_get(S_ours(settings), "debounce");
  if (json_is_number(debounce) && json_number_value(debounce) >= 0 &&
      json_number_value(debounce) <= 60000)
    l->debounce = json_number_value(debounce) / 1000.0;
  json_decref(l->settings);
  l->settings = json_incref(settings);
  pthread_cond_signal(&l->wake);
}

bool dl_lsp_linter_stop(dl_lsp_linter *l) {
  pthread_mutex_lock(l->lock);
  l->quit = true;
  bool busy = l->busy;
  pthread_cond_signal(&l->wake);
  pthread_mutex_unlock(l->lock);
  if (busy && l->running) { /* left to finish while the process exits */
    pthread_detach(l->thread);
    return false;
  }
  if (l->running)
    pthread_join(l->thread, NULL);
  l->running = false;
  json_decref(l->settings);
  if (l->profiles)
    dl_profiles_free(l->profiles);
  S_config_free(l->config);
  pthread_cond_destroy(&l->wake);
  return true;
}
