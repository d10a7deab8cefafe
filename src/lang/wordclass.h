/*
 * wordclass.h: the closed-class table (written here, not learned), for
 * lexicon.c to index.  Static data.
 */
#ifndef DRAFTLINT_WORDCLASS_H
#define DRAFTLINT_WORDCLASS_H

#include <stddef.h>

#include "lang/lexicon.h"

typedef struct dl_closed_word {
  const char *word; /* lower case, apostrophes as ' */
  dl_wclass cls;
} dl_closed_word;

extern const dl_closed_word dl_closed_words[];
extern const size_t dl_nclosed_words;

#endif
