/*
 * plaintext.h: builds a block's plain text (text.h) from its cmark inlines.
 */
#ifndef DRAFTLINT_PLAINTEXT_H
#define DRAFTLINT_PLAINTEXT_H

#include "draftlint/doc.h"

/* Fills `out` (initialised here) with what the reader sees of `block`,
 * mapping each byte to its source offset; [start, end) is the block.
 * `it` has just entered `block`; this walks it on through the block's
 * inlines to the block's exit, so the document is walked once. */
void dl_plaintext_build(const dl_doc *doc, cmark_iter *it, cmark_node *block,
                        size_t start, size_t end, dl_text *out);

#endif
