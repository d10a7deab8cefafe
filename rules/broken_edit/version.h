/*
 * version.h: one version of a draft as broken-edit compares it: the words
 * of every sentence (their hashes, places and classes), a hash of every
 * sentence and of every paragraph, and the prefix and suffix hashes that
 * let a new sentence be recognised as the start of one old sentence and
 * the end of another.
 *
 * Words are the tokens of lang/tokens.h that are not punctuation, compared
 * by their lower-cased hash, so a changed comma or capital leaves a
 * sentence the same.
 *
 * Ownership: a dl_version owns its arrays (dl_version_free); it borrows
 * the document, which must outlive it.
 */
#ifndef DRAFTLINT_VERSION_H
#define DRAFTLINT_VERSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "draftlint/sentence.h"
#include "lang/lexicon.h"

enum {
  DL_VS_VERB = 1,  /* has a word that can be a finite verb */
  DL_VS_COMMA = 2, /* has a comma, semicolon or dash */
  DL_VS_SUB = 4    /* opens with a subordinator (because, although, if) */
};

typedef struct dl_version {
  const dl_doc *doc;          /* borrowed */
  const dl_sentence *sents;   /* the document's, borrowed */
  size_t nsents;
  uint64_t *words;            /* word hashes, sentence after sentence */
  uint32_t *wfrom, *wto;      /* each word's bytes in its block's text */
  uint8_t *wcls;              /* each word's dl_wclass */
  size_t nwords, wcap;
  size_t *first;              /* first word of sentence i; first[nsents]
                                 is nwords */
  uint64_t *shash;            /* hash of sentence i's words */
  uint8_t *sflags;            /* DL_VS_* of sentence i */
  size_t *bfirst;             /* first sentence of block b; bfirst[nblocks]
                                 is nsents */
  uint64_t *bhash;            /* hash of block b's words */
} dl_version;

void dl_version_build(dl_version *v, const dl_doc *doc,
                      const dl_lexicon *lex);
void dl_version_free(dl_version *v);

/* Number of words of sentence i. */
static inline size_t dl_version_nwords(const dl_version *v, size_t i) {
  return v->first[i + 1] - v->first[i];
}

/* Hash of the first k words of sentence i, and of its last k words. */
uint64_t dl_version_prefix(const dl_version *v, size_t i, size_t k);
uint64_t dl_version_suffix(const dl_version *v, size_t i, size_t k);
/* Extends a prefix hash by one word; a suffix hash by one word before. */
uint64_t dl_hash_step(uint64_t h, uint64_t word);
#define DL_PREFIX_SEED 0xcbf29ce484222325ull
#define DL_SUFFIX_SEED 0x84222325cbf29ce4ull

/* Source offset where sentence i starts, and its 1-based line. */
size_t dl_version_line(const dl_version *v, size_t i);
/* Words [k0, k1) of sentence i as the reader sees them, at most `most`
 * words: from the front (an ellipsis after when cut) or, with `tail`,
 * from the back (an ellipsis before).  Malloc'd. */
char *dl_version_quote(const dl_version *v, size_t i, size_t k0, size_t k1,
                       size_t most, bool tail);

#endif
