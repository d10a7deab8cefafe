/*
 * linter.h: the linting thread.  Editing never waits for linting: the
 * reading thread records each change and schedules the document; this
 * thread lints it once no change has come for the debounce delay, off a
 * copy of the text, and publishes the diagnostics only when the document
 * has not changed meanwhile (otherwise the newer text is linted next).  A
 * huge document therefore delays only its own diagnostics.
 *
 * This thread alone builds configurations (the command line of
 * `draftlint lsp`, then the client's settings) and engines: each document
 * gets the .draftlint.ini files that apply to its folder, as on the
 * command line (profile.h).
 *
 * Locking: `lock` is the server's and guards the store and the scheduling
 * fields below; `publish` orders diagnostics against didClose's clearing.
 *
 * Ownership: the linter borrows the store, the writer, the locks and the
 * base options; it owns its configuration, profiles and pending settings.
 */
#ifndef DRAFTLINT_LSP_LINTER_H
#define DRAFTLINT_LSP_LINTER_H

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>

#include "cli.h"
#include "lsp/docstore.h"
#include "lsp/framing.h"

typedef struct dl_lsp_config dl_lsp_config;
struct dl_profiles;

typedef struct dl_lsp_linter {
  pthread_mutex_t *lock;      /* borrowed */
  pthread_mutex_t *publish;   /* borrowed */
  pthread_cond_t wake;
  dl_lsp_store *store;        /* borrowed */
  dl_lsp_writer *out;         /* borrowed */
  dl_lsp_encoding enc;
  const dl_options *base;     /* borrowed: `draftlint lsp`'s command line */
  double debounce;            /* seconds */
  json_t *settings;           /* settings waiting to be applied, or NULL */
  bool quit, busy;
  pthread_t thread;
  bool running;
  /* the thread's own */
  dl_lsp_config *config;
  struct dl_profiles *profiles;
  size_t errors_shown;
} dl_lsp_linter;

/* The default debounce delay, in milliseconds. */
#define DL_LSP_DEBOUNCE_MS 20

/* Builds the first configuration and starts the thread.  Returns 0, or -1
 * with a malloc'd message. */
int dl_lsp_linter_start(dl_lsp_linter *l, char **error);
/* With the lock held: lint `d` after the debounce delay. */
void dl_lsp_linter_schedule(dl_lsp_linter *l, dl_lsp_doc *d);
/* With the lock held: apply new settings (a reference is taken):
 * {"args": [command-line options...], "debounce": milliseconds}, at the top
 * level or under "draftlint".  Every open document is linted again. */
void dl_lsp_linter_configure(dl_lsp_linter *l, json_t *settings);
/* Stops the thread.  Returns false when it is in the middle of a lint and
 * was left to run (the process is about to exit). */
bool dl_lsp_linter_stop(dl_lsp_linter *l);

/* Sends window/showMessage (type 1 error, 2 warning, 3 info). */
void dl_lsp_show_message(dl_lsp_writer *out, int type, const char *text);

#endif
