/*
 * filter.h: the filter stage between the rules and the reports.
 */
#ifndef DRAFTLINT_FILTER_H
#define DRAFTLINT_FILTER_H

#include "draftlint/directive.h"

/* Drops the findings the document's draftlint comments switch off, and
 * frees them.  Findings of the rule named `self` (inline-config, which
 * reports the comments themselves) are never dropped. */
void dl_directives_filter(const dl_doc *doc, dl_diag_list *diags,
                          const char *self);

#endif
