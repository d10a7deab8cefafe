/*
 * ngram.h: how often sequences of one to four tokens occur in tens of
 * millions of words of general English (rules/data/english.ngram, counted
 * by tools/mklm.c; rules/data/ENGLISH-SOURCES says from what).
 *
 * The splice scorer asks it, at each word boundary, whether the words that
 * meet there are ever seen together in that much English, against how
 * often they would meet by chance: a splice joins words that never do far
 * more often than a real sentence does, and the author's own 250,000 words
 * are too few to tell which pairs English never joins.
 *
 * It also counts sequences of up to four word classes (lexicon.h), the
 * syntax of the same text.
 *
 * The file is one open-addressing hash table, mapped and never parsed
 * (integers little-endian):
 *   "DLNGRAM\0"     8 bytes
 *   uint32 version  1
 *   uint32 bits     the table has 1 << bits slots
 *   uint32 id       a checksum of the table, which models record
 *   uint32 fpbits   10: slot = fingerprint << 6 | stored level
 *   uint64 tokens   how many tokens were counted
 *   uint16 slots[1 << bits]   0: empty
 * A key's slot is found by linear probing from its hash's low bits; its
 * fingerprint is the next fpbits bits above (never 0), so that a key not
 * in the table is mistaken for one in about one lookup in a few hundred,
 * which the scorer, trained through the same table, takes in its stride.
 * The stored level is 1 + floor(2 * log2(count)), a count to within half
 * an octave (at most 63).  N-grams seen fewer times than the builder's
 * floor are not stored and read as level 0, like those never seen.
 *
 * Ownership: dl_ngram_open returns a table the caller closes with
 * dl_ngram_close; it is read-only and may be shared by threads.
 */
#ifndef DRAFTLINT_NGRAM_H
#define DRAFTLINT_NGRAM_H

#include <stddef.h>
#include <stdint.h>

#include "lang/tokens.h"

#define DL_NGRAM_HEADER 32
#define DL_NGRAM_MAX 4       /* words */
#define DL_NGRAM_CLASS_MAX 4 /* word classes (lexicon.h) */

typedef struct dl_ngram {
  void *map;
  size_t maplen;
  const uint16_t *slots;
  uint64_t tokens;
  uint32_t bits, id, fpbits;
} dl_ngram;

/* Maps the table at `path` (NULL: the installed english.ngram).  Returns 0,
 * or -1 with a malloc'd message naming the file and the reason. */
/* Reads the table in `bytes` (borrowed: they must outlive the table).
 * Returns 0, or -1 with a malloc'd message naming `path`. */
int dl_ngram_attach(const void *bytes, size_t len, const char *path,
                    dl_ngram **out, char **error);
int dl_ngram_open(const char *path, dl_ngram **out, char **error);
void dl_ngram_close(dl_ngram *g);

/* What the table counts a token as: a word by its lower-cased form, a
 * mark by its code point, every number as one symbol, every code span as
 * one, every URL as one; the start of a sentence is DL_NGRAM_START. */
#define DL_NGRAM_START 0x5354415254ull
uint64_t dl_ngram_symbol(const dl_token *t);

/* The table also counts sequences of up to four word classes, which are
 * few enough that tens of millions of words show which sequences English
 * uses; a class is counted as this symbol. */
static inline uint64_t dl_ngram_class_symbol(const dl_token *t) {
  return 0xC1A5500000ull + t->cls;
}

/* The hash of the n symbols sym[0..n) (1 <= n <= DL_NGRAM_CLASS_MAX); the builder
 * and the reader must agree on it. */
static inline uint64_t dl_ngram_key(const uint64_t *sym, int n) {
  uint64_t h = 0x243F6A8885A308D3ull * (uint64_t)n;
  for (int i = 0; i < n; i++) {
    h ^= sym[i] + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  return h;
}

/* The level of the n-gram with this key: 0 when unseen (or rarer than the
 * table's floor), else about 1 + 4 * log2(count) (in steps of two). */
unsigned dl_ngram_level(const dl_ngram *g, uint64_t key);

/* The level of the whole table's token count (log2 N in the same units). */
int dl_ngram_total_level(const dl_ngram *g);

#endif
