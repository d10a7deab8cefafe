/*
 * actions.h: textDocument/codeAction from the findings of the document's
 * last lint: for each finding whose range meets the requested range, the
 * rule's fix as a quick fix (preferred), and "disable RULE on this line".
 *
 * Ownership: returns a new reference (a CodeAction array).
 */
#ifndef DRAFTLINT_LSP_ACTIONS_H
#define DRAFTLINT_LSP_ACTIONS_H

#include <jansson.h>

/* `findings` as dl_lsp_findings made them; `range` and `context` from the
 * request's params (context.only may narrow the kinds). */
json_t *dl_lsp_code_actions(const char *uri, const json_t *findings,
                            const json_t *range, const json_t *context);

#endif
