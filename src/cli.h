/*
 * cli.h: argv to options.  No linting happens here.
 *
 * Ownership: strings in dl_options point into argv; the arrays are owned
 * and released by dl_options_free.
 */
#ifndef DRAFTLINT_CLI_H
#define DRAFTLINT_CLI_H

#include "fix/fix.h"
#include "report/report.h"
#include "config/settings.h"

typedef enum dl_action {
  DL_ACTION_LINT,
  DL_ACTION_LIST_RULES,
  DL_ACTION_HELP,
  DL_ACTION_VERSION,
  DL_ACTION_PRINT_CONFIG, /* --print-config PATH */
  DL_ACTION_INSTALL_HOOK, /* draftlint install-hook [--force] */
  DL_ACTION_LEARN, /* draftlint learn: train incoherent-sentence's model */
  DL_ACTION_LSP    /* draftlint lsp: the language server (src/lsp/) */
} dl_action;

typedef enum dl_color { DL_COLOR_AUTO, DL_COLOR_ALWAYS, DL_COLOR_NEVER } dl_color;

typedef struct dl_options {
  dl_action action;
  dl_settings settings;
  dl_format format;
  dl_color color;
  bool quiet;
  dl_severity fail_on;
  bool fail_on_given;  /* --fail-on was given, even at its default */
  const char *stdin_name;
  const char *output;  /* -o: the report goes here; NULL or "-": stdout */
  int jobs;            /* 0: one per core */
  dl_fix_mode fix;     /* --fix writes the fixes, --diff prints them */
  char **paths;        /* borrowed from argv */
  size_t npaths;
  /* Configuration (profile.c).  The command line is applied again over
   * each configuration file's settings, so it always has the last word:
   * argc and argv are kept for that. */
  int argc;
  char **argv;
  const char *config_path;   /* --config FILE: this file and no other */
  bool no_config;            /* --no-config */
  bool no_inline_config;     /* --no-inline-config */
  const char *print_config;  /* --print-config PATH */
  bool staged;               /* --staged: lint what git's index holds */
  const char *since;         /* --since REV: compare with REV (broken-edit) */
  bool force;                /* install-hook --force */
  /* Rule names that are not built in: pattern rules, checked once the
   * configuration files are read.  Owned. */
  char **unknown_rules;
  size_t nunknown_rules;
} dl_options;

/* Returns 0, or -1 with a malloc'd message for a usage error. */
int dl_cli_parse(int argc, char **argv, dl_options *o, char **error);
void dl_options_free(dl_options *o);
/* Applies the command line of `o` again over `out`, whose settings,
 * fail_on and no_inline_config the caller has set from a configuration;
 * rule names unknown there are skipped (out->unknown_rules).  Returns 0,
 * or -1 with a malloc'd message.  Free `out` with dl_options_free. */
int dl_cli_overlay(const dl_options *o, dl_options *out, char **error);
void dl_cli_usage(FILE *out);

#endif
