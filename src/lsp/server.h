/*
 * server.h: `draftlint lsp`, a Language Server Protocol 3.17 server on
 * standard input and output.
 *
 * The reading thread reads each message, keeps the open documents in step
 * with the editor and answers requests; the linting thread (linter.h)
 * lints and publishes.  Nothing else may write to standard output.
 */
#ifndef DRAFTLINT_LSP_SERVER_H
#define DRAFTLINT_LSP_SERVER_H

#include "cli.h"

/* Serves on the file descriptors until `exit` or the end of the input.
 * Returns the exit code the specification asks for: 0 when `shutdown`
 * came first, 1 otherwise (2 when the server could not start). */
int dl_lsp_serve(const dl_options *o, int in_fd, int out_fd);

#endif
