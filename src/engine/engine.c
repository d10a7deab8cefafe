/*
 * engine.c: load the enabled rules, run them over a document, and format
 * what they report (dl_report) into the one diagnostics list.
 */
#include "engine/engine.h"

#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "engine/pattern.h"

int dl_engine_init(dl_engine *e, const dl_settings *settings, char **error) {
  *e = (dl_engine){.settings = settings, .inline_config = true};
  for (int i = 0; i < DL_RULE_COUNT; i++) {
    const dl_rule_ops *ops = dl_rules[i].ops;
    if (settings->severity[i] == DL_SEV_NONE || !ops->load)
      continue;
    if (ops->load(settings, &e->state[i], error) != 0) {
      dl_engine_fini(e);
      return -1;
    }
    e->loaded[i] = true;
  }
  return 0;
}

void dl_engine_check(const dl_engine *e, const dl_doc *doc, dl_diag_list *out) {
  for (int i = 0; i < DL_RULE_COUNT; i++) {
    if (e->settings->severity[i] == DL_SEV_NONE)
      continue;
    dl_sink sink = {.list = out,
                    .rule = (dl_rule_id)i,
                    .settings = e->settings,
                    .state = e->state[i]};
    dl_rules[i].ops->check(doc, &sink);
  }
  dl_patterns_check(doc, e->settings, out);
  dl_diag_list_sort(out);
}

struct dl_loaded {
  int rule;
  char *key;
  void *state;
};

/* Every option a rule's load may read, as one string. */
static char *S_load_key(const dl_settings *s) {
  return dl_strdup_printf("%s\x1f%s\x1f%d\x1f%d",
                          s->catalog_path ? s->catalog_path : "",
                          s->model_path ? s->model_path : "",
                          (int)s->sensitivity, (int)s->heading_scope);
}

int dl_engine_init_cached(dl_engine *e, const dl_settings *settings,
                          dl_load_cache *cache, char **error) {
  *e = (dl_engine){.settings = settings, .shared = true, .inline_config = true};
  char *key = S_load_key(settings);
  int rc = 0;
  for (int i = 0; i < DL_RULE_COUNT && rc == 0; i++) {
    const dl_rule_ops *ops = dl_rules[i].ops;
    if (settings->severity[i] == DL_SEV_NONE || !ops->load)
      continue;
    size_t k = 0;
    while (k < cache->len &&
           (cache->items[k].rule != i || strcmp(cache->items[k].key, key) != 0))
      k++;
    if (k == cache->len) {
      void *state = NULL;
      if (ops->load(settings, &state, error) != 0) {
        rc = -1;
        break;
      }
      cache->items = dl_xgrow(cache->items, &cache->cap, cache->len + 1,
                              sizeof *cache->items);
      cache->items[cache->len++] = (struct dl_loaded){i, dl_xstrdup(key), state};
    }
    e->state[i] = cache->items[k].state;
    e->loaded[i] = true;
  }
  free(key);
  return rc;
}

void dl_load_cache_free(dl_load_cache *cache) {
  for (size_t k = 0; k < cache->len; k++) {
    const dl_rule_ops *ops = dl_rules[cache->items[k].rule].ops;
    if (ops->unload)
      ops->unload(cache->items[k].state);
    free(cache->items[k].key);
  }
  free(cache->items);
  *cache = (dl_load_cache){0};
}

void dl_engine_fini(dl_engine *e) {
  for (int i = 0; i < DL_RULE_COUNT; i++) {
    if (e->loaded[i] && !e->shared && dl_rules[i].ops->unload)
      dl_rules[i].ops->unload(e->state[i]);
    e->loaded[i] = false;
    e->state[i] = NULL;
  }
}

static bool S_kind_disabled(const dl_settings *s, const char *rule,
                            const char *kind) {
  size_t n = strlen(rule);
  for (size_t i = 0; i < s->ndisabled_kinds; i++) {
    const char *k = s->disabled_kinds[i];
    if (strncmp(k, rule, n) == 0 && k[n] == ':' && strcmp(k + n + 1, kind) == 0)
      return true;
  }
  return false;
}

dl_diag *dl_report(dl_sink *sink, dl_msg_id id, size_t start, size_t end,
                   ...) {
  const dl_message *m = &dl_messages[id];
  const char *rule = dl_rules[m->rule].name;
  if (m->kind && S_kind_disabled(sink->settings, rule, m->kind))
    return NULL;
  va_list ap;
  va_start(ap, end);
  char *message = dl_strdup_vprintf(m->format, ap);
  va_end(ap);
  return dl_diag_list_push(sink->list, start, end, rule, m->kind,
                           sink->settings->severity[m->rule], message);
}
