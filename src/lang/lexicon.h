/*
 * lexicon.h: what class of word a word can be.
 *
 * Two tables answer it.  Closed classes (determiners, pronouns,
 * prepositions, conjunctions, auxiliaries, modals, wh-words) are a table
 * written here, in wordclass.c: a small, fixed set that decides most of a
 * sentence's structure.  Open classes (noun, verb, adjective, adverb, and the
 * inflected forms) come from WordNet 3.0, converted at build time by
 * tools/mklexicon.py into rules/data/wordnet.lex, which is mapped, not
 * parsed (WordNet's licence: rules/data/WORDNET-LICENSE).
 *
 * Ownership: dl_lexicon_open returns a lexicon the caller closes with
 * dl_lexicon_close.  A lexicon is read-only once open and may be shared by
 * threads.
 */
#ifndef DRAFTLINT_LEXICON_H
#define DRAFTLINT_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lang/wordclass.h"

typedef struct dl_lexicon dl_lexicon;

/* Maps the open-class table at `path` (NULL: the installed wordnet.lex)
 * and builds the closed-class table.  Returns 0, or -1 with a malloc'd
 * message naming the file and the reason. */
int dl_lexicon_open(const char *path, dl_lexicon **out, char **error);
/* The same over `bytes` the caller keeps for the lexicon's life. */
int dl_lexicon_attach(const void *bytes, size_t len, const char *path,
                      dl_lexicon **out, char **error);
void dl_lexicon_close(dl_lexicon *lex);
/* A checksum of the open-class table (a model records it). */
uint32_t dl_lexicon_checksum(const dl_lexicon *lex);

/* FNV-1a, the hash of a lower-cased word everywhere in the lexicon. */
uint64_t dl_word_hash(const char *s, size_t n);
/* DL_LEX_* flags of a lower-cased word with hash `h`; 0 when unknown. */
unsigned dl_lexicon_flags(const dl_lexicon *lex, uint64_t h);
/* The closed class of a lower-cased word with hash `h`, or DL_WC_NONE. */
dl_wclass dl_lexicon_closed(const dl_lexicon *lex, uint64_t h);

#endif
