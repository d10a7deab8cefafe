/*
 * engine.c: load the enabled rules (their data files once per path, their
 * state once per distinct option values) and run them over a document;
 * what they report goes through the sink (sink.c) into one list.
 */
#include "engine/engine.h"

#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "engine/data_files.h"
#include "engine/pattern.h"

struct dl_loaded {
  int rule;
  char *key; /* the rule's option values, which its load may read */
  void *state;
};

/* Every option value of `rule`, as one string. */
static char *S_load_key(const dl_settings *s, int rule) {
  char *key = dl_xstrdup("");
  for (size_t k = 0; k < dl_rules[rule].ops->noptions; k++) {
    const char *v = s->option[rule][k];
    char *more = dl_strdup_printf("%s\x1f%s%s", key, v ? "=" : "", v ? v : "");
    free(key);
    key = more;
  }
  return key;
}

/* Data file `f` of `rule` from the cache, read or mapped the first time. */
static const dl_data *S_datum(dl_load_cache *cache, const dl_settings *s,
                              int rule, const dl_data_file *f, char **error) {
  const char *path = f->option ? dl_option_value(s, rule, f->option) : NULL;
  char *key = path ? dl_xstrdup(path) : dl_strdup_printf("\x1f%s", f->name);
  size_t k = 0;
  while (k < cache->nfiles && strcmp(cache->files[k].key, key) != 0)
    k++;
  free(key);
  if (k == cache->nfiles) {
    struct dl_datum d;
    if (dl_datum_load(f, path, &d, error) != 0)
      return NULL;
    cache->files = dl_xgrow(cache->files, &cache->capfiles, cache->nfiles + 1,
                            sizeof *cache->files);
    cache->files[cache->nfiles++] = d;
  }
  return &cache->files[k].data;
}

/* Loads rule `rule` from its data files into a new cache entry. */
static int S_load(dl_load_cache *cache, const dl_settings *s, int rule,
                  char *key, char **error) {
  const dl_rule_ops *ops = dl_rules[rule].ops;
  dl_data data[8];
  if (ops->nfiles > sizeof data / sizeof *data)
    abort(); /* a rule declares more data files than an engine hands over */
  for (size_t f = 0; f < ops->nfiles; f++) {
    const dl_data *d = S_datum(cache, s, rule, &ops->files[f], error);
    if (!d)
      return -1;
    data[f] = *d;
  }
  void *state = NULL;
  if (ops->load(s, data, &state, error) != 0)
    return -1;
  cache->items = dl_xgrow(cache->items, &cache->cap, cache->len + 1,
                          sizeof *cache->items);
  cache->items[cache->len++] = (struct dl_loaded){rule, key, state};
  return 0;
}

int dl_engine_init_cached(dl_engine *e, const dl_settings *settings,
                          dl_load_cache *cache, char **error) {
  *e = (dl_engine){.settings = settings, .inline_config = true};
  for (int i = 0; i < DL_RULE_COUNT; i++) {
    if (settings->severity[i] == DL_SEV_NONE || !dl_rules[i].ops->load)
      continue;
    char *key = S_load_key(settings, i);
    size_t k = 0;
    while (k < cache->len &&
           (cache->items[k].rule != i || strcmp(cache->items[k].key, key) != 0))
      k++;
    if (k < cache->len) {
      free(key);
    } else if (S_load(cache, settings, i, key, error) != 0) {
      free(key);
      return -1;
    }
    e->state[i] = cache->items[k].state;
    e->loaded[i] = true;
  }
  return 0;
}

int dl_engine_init(dl_engine *e, const dl_settings *settings, char **error) {
  dl_load_cache *own = dl_xcalloc(1, sizeof *own);
  if (dl_engine_init_cached(e, settings, own, error) != 0) {
    dl_load_cache_free(own);
    free(own);
    *e = (dl_engine){0};
    return -1;
  }
  e->own = own;
  return 0;
}

void dl_engine_check(const dl_engine *e, const dl_doc *doc, dl_diag_list *out) {
  for (int i = 0; i < DL_RULE_COUNT; i++) {
    if (e->settings->severity[i] == DL_SEV_NONE)
      continue;
    dl_sink sink = {.list = out,
                    .rule = i,
                    .settings = e->settings,
                    .state = e->state[i]};
    dl_rules[i].ops->check(doc, &sink);
  }
  dl_patterns_check(doc, e->settings, out);
  dl_diag_list_sort(out);
}

void dl_load_cache_free(dl_load_cache *cache) {
  for (size_t k = 0; k < cache->len; k++) {
    const dl_rule_ops *ops = dl_rules[cache->items[k].rule].ops;
    if (ops->unload)
      ops->unload(cache->items[k].state);
    free(cache->items[k].key);
  }
  for (size_t k = 0; k < cache->nfiles; k++) /* after every state using them */
    dl_datum_release(&cache->files[k]);
  free(cache->items);
  free(cache->files);
  *cache = (dl_load_cache){0};
}

void dl_engine_fini(dl_engine *e) {
  if (e->own) {
    dl_load_cache_free(e->own);
    free(e->own);
  }
  *e = (dl_engine){0};
}
