/*
 * tbm_link/links.h: the rule's first pass, the links and images cmark
 * found: what the visible text names (a number, a title, both), what the
 * URL is (url.h), and whether they agree with each other and with the
 * catalog.
 *
 * Each link gets at most one finding, of the first kind that applies
 * (image syntax, empty text, no URL, wrong number, wrong URL); the others
 * are named in the same message, and one fix mends them all.
 */
#ifndef DRAFTLINT_TBM_LINKS_H
#define DRAFTLINT_TBM_LINKS_H

#include "draftlint/doc.h"
#include "draftlint/rule.h"
#include "tbm_link/catalog.h"
#include "tbm_link/definitions.h"

/* Checks the link or image `node` of block b; a reference link whose only
 * slip is its URL is noted in R, whose definition may take the fix. */
void dl_tbm_check_link(const dl_doc *doc, const dl_block *b,
                       cmark_node *node, dl_sink *sink,
                       const dl_tbm_catalog *cat, dl_tbm_refs *R);

#endif
