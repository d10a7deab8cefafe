/* main.c: argv to exit code; the work is in cli.c and run.c. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "input/git.h"
#include "run.h"

#ifndef DL_VERSION
#define DL_VERSION "0.0.0"
#endif

int main(int argc, char **argv) {
  dl_options o;
  char *error = NULL;
  int rc;
  /* Past a file size limit (ulimit -f) a write must fail with EFBIG, to be
   * reported like a full disk, not kill the run with SIGXFSZ half way
   * through its output. */
  signal(SIGXFSZ, SIG_IGN);
  if (dl_cli_parse(argc, argv, &o, &error) != 0) {
    fprintf(stderr, "draftlint: %s\n", error);
    fprintf(stderr, "Try 'draftlint --help' for more information.\n");
    free(error);
    rc = DL_EXIT_TROUBLE;
  } else if (o.action == DL_ACTION_HELP) {
    dl_cli_usage(stdout);
    rc = DL_EXIT_CLEAN;
  } else if (o.action == DL_ACTION_VERSION) {
    printf("draftlint %s\n", DL_VERSION);
    rc = DL_EXIT_CLEAN;
  } else if (o.action == DL_ACTION_LSP) {
    rc = dl_run_lsp(&o);
  } else if (o.action == DL_ACTION_LEARN) {
    rc = dl_run_learn(&o);
  } else if (o.action == DL_ACTION_LIST_RULES) {
    rc = dl_list_rules(&o, stdout);
  } else if (o.action == DL_ACTION_INSTALL_HOOK) {
    rc = DL_EXIT_CLEAN;
    if (dl_git_install_hook(o.force, stdout, &error) != 0) {
      fprintf(stderr, "draftlint: %s\n", error);
      free(error);
      rc = DL_EXIT_TROUBLE;
    }
  } else if (o.action == DL_ACTION_PRINT_CONFIG) {
    rc = dl_print_config(&o, stdout);
  } else {
    rc = dl_run(&o);
  }
  dl_options_free(&o);
  return rc;
}
