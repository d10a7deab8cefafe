/*
 * run.h: one run of the linter, from parsed options to an exit code.
 */
#ifndef DRAFTLINT_RUN_H
#define DRAFTLINT_RUN_H

#include "cli.h"

/* The exit codes, as documented in the README and the man page. */
enum { DL_EXIT_CLEAN = 0, DL_EXIT_FINDINGS = 1, DL_EXIT_TROUBLE = 2 };

int dl_run(const dl_options *o);
int dl_list_rules(FILE *out);
/* draftlint learn: trains the sentence model on o->paths and writes it to
 * the --model file (default sentence.model). */
int dl_run_learn(const dl_options *o);

#endif
