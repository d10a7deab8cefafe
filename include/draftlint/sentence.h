/*
 * sentence.h: the sentences of a document, found once per file.
 *
 * A sentence is a byte range of one block's plain text (text.h), so its
 * source position is the block text's map at `from` and `to - 1`.  The
 * segmenter knows abbreviations, initials, decimals, ellipses, closing
 * quotes and brackets after the final mark, and list-item and heading text
 * without a final mark.
 *
 * Ownership: dl_doc_sentences returns an array owned by the document; it is
 * built on first use and freed with the document.  Not thread-safe for one
 * document, which is only ever checked by one thread.
 */
#ifndef DRAFTLINT_SENTENCE_H
#define DRAFTLINT_SENTENCE_H

#include <stddef.h>

#include "draftlint/doc.h"

typedef struct dl_sentence {
  size_t block;    /* index into doc->blocks */
  size_t from, to; /* byte range in that block's text, end exclusive */
} dl_sentence;

/* Splits one block's text into sentences, appending to *out (grown with
 * dl_xgrow; *cap is its capacity).  Returns the new count. */
size_t dl_sentences_split(const dl_text *t, size_t block, dl_sentence **out,
                          size_t *len, size_t *cap);

/* The sentences of every paragraph and heading, in document order. */
const dl_sentence *dl_doc_sentences(const dl_doc *doc, size_t *count);

/* Source byte range of a sentence, end exclusive. */
void dl_sentence_range(const dl_doc *doc, const dl_sentence *s, size_t *start,
                       size_t *end);

#endif
