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
} dl_engine;

/* Returns 0, or -1 with a malloc'd message in *error. */
int dl_engine_init(dl_engine *e, const dl_settings *settings, char **error);
/* Appends the findings of every enabled rule to `out`, sorted. */
void dl_engine_check(const dl_engine *e, const dl_doc *doc, dl_diag_list *out);
void dl_engine_fini(dl_engine *e);

#endif
