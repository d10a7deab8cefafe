/*
 * run.h: one run of the linter, from parsed options to an exit code.
 */
#ifndef DRAFTLINT_RUN_H
#define DRAFTLINT_RUN_H

#include "cli.h"

/* The exit codes, as documented in the README and the man page. */
enum { DL_EXIT_CLEAN = 0, DL_EXIT_FINDINGS = 1, DL_EXIT_TROUBLE = 2 };

int dl_run(const dl_options *o);
/* --list-rules: the built-in rules, then the pattern rules configured for
 * the current folder. */
int dl_list_rules(const dl_options *o, FILE *out);
/* --print-config PATH (profile.h). */
int dl_print_config(const dl_options *o, FILE *out);
/* draftlint learn: trains the sentence model on o->paths and writes it to
 * the --model file (default sentence.model). */
int dl_run_learn(const dl_options *o);
/* draftlint lsp: the language server on standard input and output. */
int dl_run_lsp(const dl_options *o);

#endif
