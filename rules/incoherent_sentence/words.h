/*
 * words.h: the closed word lists of incoherent-sentence, and the token
 * lookups it reads them with.
 *
 * Every kind's lists are here, so the vocabulary the rule's heuristics rest
 * on can be read (and reviewed against the corpus) in one place; each
 * list's comment in words.c says what it is for.
 *
 * Ownership: static data; nothing to free.
 */
#ifndef DRAFTLINT_INCOH_WORDS_H
#define DRAFTLINT_INCOH_WORDS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "lang/lexicon.h"
#include "lang/tokens.h"

/* Is the token the word (lower case)?  Inline: the word is nearly always a
 * literal, whose length the compiler then knows. */
static inline bool dl_incoh_is(const dl_token *t, const char *word) {
  return t->hash == dl_word_hash(word, strlen(word));
}

/* A closed word list with its words' hashes.  dl_incoh_listed runs
 * millions of times a corpus, and hashing each word at each call cost a
 * tenth of the whole run; so each list is hashed once, on its first use
 * (lists are shared by the threads of -j, hence the flag and lock). */
typedef struct dl_incoh_list {
  const char *const *words; /* NULL-terminated */
  uint64_t *hash;           /* the words' hashes, once `ready` */
  size_t n;                 /* how many words, once `ready` */
  atomic_bool ready;
} dl_incoh_list;

/* The initializer of a list of these words: DL_INCOH_WORDS("a", "b"). */
#define DL_INCOH_WORDS(...)                                                    \
  {                                                                            \
    .words = (const char *const[]){__VA_ARGS__, NULL},                         \
    .hash = (uint64_t[sizeof((const char *[]){__VA_ARGS__}) /                  \
                      sizeof(const char *)]) {                                 \
      0                                                                        \
    }                                                                          \
  }

/* Hashes the list's words (once; later calls return at once). */
void dl_incoh_list_prepare(dl_incoh_list *list);

/* Is the token one of the words of the list? */
static inline bool dl_incoh_listed(const dl_token *t, dl_incoh_list *list) {
  if (!atomic_load_explicit(&list->ready, memory_order_acquire))
    dl_incoh_list_prepare(list);
  for (size_t i = 0; i < list->n; i++)
    if (t->hash == list->hash[i])
      return true;
  return false;
}

/* fragment (and the splice kind's main-clause test) */
extern dl_incoh_list dl_incoh_sub_strict;
extern dl_incoh_list dl_incoh_sub_proofread;
extern dl_incoh_list dl_incoh_gerund_verbs;
/* false-question */
extern dl_incoh_list dl_incoh_tags;
extern dl_incoh_list dl_incoh_hedges;
extern dl_incoh_list dl_incoh_musing;
/* repeated-word */
extern dl_incoh_list dl_incoh_doubles;
/* splice, the grammar checks */
extern dl_incoh_list dl_incoh_want_verb;
extern dl_incoh_list dl_incoh_to_idioms;
extern dl_incoh_list dl_incoh_determiners;
extern dl_incoh_list dl_incoh_singular_s;
extern dl_incoh_list dl_incoh_inverting;
extern dl_incoh_list dl_incoh_needs_object;

#endif
