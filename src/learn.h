/*
 * learn.h: `draftlint learn`: trains the splice scorer of
 * incoherent-sentence on a writer's own posts and writes a model file.
 *
 * Ownership: the options are borrowed; *error is malloc'd.
 */
#ifndef DRAFTLINT_LEARN_H
#define DRAFTLINT_LEARN_H

#include <stddef.h>
#include <stdio.h>

typedef struct dl_learn_options {
  char *const *paths;  /* posts: files or folders of *.md */
  size_t npaths;
  const char *out;     /* the model file to write */
  FILE *log;           /* progress and figures; NULL for none */
} dl_learn_options;

/* Returns 0, or -1 with a malloc'd message. */
int dl_learn(const dl_learn_options *o, char **error);

#endif
