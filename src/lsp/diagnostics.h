/*
 * diagnostics.h: a lint result as the editor sees it.
 *
 * Every finding becomes an LSP Diagnostic: its range in the negotiated
 * position encoding, the severity, the rule as `code` with a
 * `codeDescription` link to the rule's page, "draftlint" as `source`, and
 * `data` {"kind", "confidence"}.  Beside each diagnostic the edits that
 * code actions offer are worked out now, while the parsed document is at
 * hand: the rule's own fix, and the comment that disables the rule on the
 * finding's line.
 *
 * Ownership: dl_lsp_findings returns a new reference; dl_lsp_rule_url a
 * malloc'd string or NULL.
 */
#ifndef DRAFTLINT_LSP_DIAGNOSTICS_H
#define DRAFTLINT_LSP_DIAGNOSTICS_H

#include <jansson.h>

#include "engine/lint.h"
#include "lsp/position.h"

/* The page of a built-in rule, from the one place that builds the links
 * of every format (report/rule_url.h); NULL for a pattern rule. */
char *dl_lsp_rule_url(const char *rule);

/* The findings of a lint result: an array of
 *   {"diagnostic": Diagnostic, "fix": TextEdit | null, "disable": TextEdit}
 * in the result's order.  A result that could not be linted gives one
 * diagnostic at the start of the text saying why. */
json_t *dl_lsp_findings(const dl_result *r, dl_lsp_encoding enc);

/* The Diagnostic objects of findings, for textDocument/publishDiagnostics
 * (a new reference). */
json_t *dl_lsp_diagnostics_of(const json_t *findings);

/* An LSP Range object from two positions. */
json_t *dl_lsp_range(size_t sl, size_t sc, size_t el, size_t ec);

#endif
