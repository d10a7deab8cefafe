/*
 * tbm_link/citations.h: the rule's second pass, citations in a block's
 * plain text that cmark could not make into links: a "[TBM ..." with no
 * closing bracket, no (url), a malformed (url), or a reference whose
 * definition is missing (also "[Whole Title][x]").
 */
#ifndef DRAFTLINT_TBM_CITATIONS_H
#define DRAFTLINT_TBM_CITATIONS_H

#include "draftlint/doc.h"
#include "draftlint/rule.h"
#include "tbm_link/catalog.h"

/* Reports each such citation in b's text, outside links and code and
 * after no escaping backslash. */
void dl_tbm_check_citations(const dl_doc *doc, const dl_block *b,
                            dl_sink *sink, const dl_tbm_catalog *cat);

#endif
