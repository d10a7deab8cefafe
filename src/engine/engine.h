/*
 * engine.h: runs the enabled rules over a document.
 *
 * The engine loads each enabled rule's data once (dl_engine_init), then
 * checks any number of documents, from any number of threads: checking
 * reads the engine and writes only the caller's list.
 */
#ifndef DRAFTLINT_ENGINE_H
#define DRAFTLINT_ENGINE_H

#include "config/settings.h"

/* What rules loaded, shared by the engines of one run: a run with several
 * configurations has one engine each (profile.c).  Each data file is read
 * or mapped once per path, and a rule's state is loaded once per distinct
 * set of its option values, not once per engine. */
typedef struct dl_load_cache {
  struct dl_loaded *items; /* rule states */
  size_t len, cap;
  struct dl_datum *files;  /* data files, by path */
  size_t nfiles, capfiles;
} dl_load_cache;

typedef struct dl_engine {
  const dl_settings *settings; /* borrowed; outlives the engine */
  void *state[DL_RULE_COUNT];  /* owned by the load cache */
  bool loaded[DL_RULE_COUNT];
  dl_load_cache *own;          /* the cache of dl_engine_init, or NULL */
  bool inline_config;          /* honour draftlint comments (lint.c) */
  const dl_templates *templates; /* borrowed; NULL: the built-in pairs */
} dl_engine;

/* Returns 0, or -1 with a malloc'd message in *error. */
int dl_engine_init(dl_engine *e, const dl_settings *settings, char **error);
/* The same, taking each rule's state from `cache` (loading it there the
 * first time); the cache keeps ownership. */
int dl_engine_init_cached(dl_engine *e, const dl_settings *settings,
                          dl_load_cache *cache, char **error);
/* Unloads every state, then releases every data file. */
void dl_load_cache_free(dl_load_cache *cache);
/* Appends the findings of every enabled rule and pattern rule to `out`,
 * sorted. */
void dl_engine_check(const dl_engine *e, const dl_doc *doc, dl_diag_list *out);
void dl_engine_fini(dl_engine *e);

#endif
