/*
 * tbm_link/bare.h: the rule's third pass, bare URLs of the newsletter in a
 * block's plain text, which Substack turns into links when the post goes
 * out.
 */
#ifndef DRAFTLINT_TBM_BARE_H
#define DRAFTLINT_TBM_BARE_H

#include "draftlint/doc.h"
#include "draftlint/rule.h"
#include "tbm_link/catalog.h"

/* Reports each "http://" or "https://" address of the newsletter in b's
 * text, outside links and code, that names no post or the wrong one. */
void dl_tbm_check_bare_urls(const dl_doc *doc, const dl_block *b,
                            dl_sink *sink, const dl_tbm_catalog *cat);

#endif
