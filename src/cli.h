/*
 * cli.h: argv to options.  No linting happens here.
 *
 * Ownership: strings in dl_options point into argv; the arrays are owned
 * and released by dl_options_free.
 */
#ifndef DRAFTLINT_CLI_H
#define DRAFTLINT_CLI_H

#include "report.h"
#include "settings.h"

typedef enum dl_action {
  DL_ACTION_LINT,
  DL_ACTION_LIST_RULES,
  DL_ACTION_HELP,
  DL_ACTION_VERSION,
  DL_ACTION_LEARN /* draftlint learn: train incoherent-sentence's model */
} dl_action;

typedef enum dl_color { DL_COLOR_AUTO, DL_COLOR_ALWAYS, DL_COLOR_NEVER } dl_color;

typedef struct dl_options {
  dl_action action;
  dl_settings settings;
  dl_format format;
  dl_color color;
  bool quiet;
  dl_severity fail_on;
  const char *stdin_name;
  int jobs;            /* 0: one per core */
  char **paths;        /* borrowed from argv */
  size_t npaths;
} dl_options;

/* Returns 0, or -1 with a malloc'd message for a usage error. */
int dl_cli_parse(int argc, char **argv, dl_options *o, char **error);
void dl_options_free(dl_options *o);
void dl_cli_usage(FILE *out);

#endif
