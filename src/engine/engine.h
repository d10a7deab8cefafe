/*
 * engine.h: runs the enabled rules over a document.
 *
 * The engine loads each enabled rule's data once (dl_engine_init), then
 * checks any number of documents, from any number of threads: checking
 * reads the engine and writes only the caller's list.
 */
#ifndef DRAFTLINT_ENGINE_H
#define DRAFTLINT_ENGINE_H

#include "draftlint/rule.h"

typedef struct dl_engine {
  const dl_settings *settings; /* borrowed; outlives the engine */
  void *state[DL_RULE_COUNT];  /* owned through each rule's unload */
  bool loaded[DL_RULE_COUNT];
  bool shared;                 /* states belong to a dl_load_cache */
  bool inline_config;          /* honour draftlint comments (lint.c) */
} dl_engine;

/* What rules loaded, shared by the engines of one run: a run with several
 * configurations has one engine each (profile.c), and a rule's data (a
 * catalog, a model) is loaded once per distinct load key, not once per
 * engine.  The key is every rule option of dl_settings that a load may
 * read (engine.c, S_load_key): keep it in step with dl_settings. */
typedef struct dl_load_cache {
  struct dl_loaded *items;
  size_t len, cap;
} dl_load_cache;

/* Returns 0, or -1 with a malloc'd message in *error. */
int dl_engine_init(dl_engine *e, const dl_settings *settings, char **error);
/* The same, taking each rule's state from `cache` (loading it there the
 * first time); the cache keeps ownership. */
int dl_engine_init_cached(dl_engine *e, const dl_settings *settings,
                          dl_load_cache *cache, char **error);
void dl_load_cache_free(dl_load_cache *cache);
/* Appends the findings of every enabled rule and pattern rule to `out`,
 * sorted. */
void dl_engine_check(const dl_engine *e, const dl_doc *doc, dl_diag_list *out);
void dl_engine_fini(dl_engine *e);

#endif
