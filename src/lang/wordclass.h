/*
 * wordclass.h: the word classes (dl_wclass), the lexicon's open-class
 * flags, and the closed-class table (written in wordclass.c, not learned),
 * which lexicon.c indexes.  Static data; no pointer here is owned.
 */
#ifndef DRAFTLINT_WORDCLASS_H
#define DRAFTLINT_WORDCLASS_H

#include <stdbool.h>
#include <stddef.h>

/* Open-class flags (one byte, as stored in wordnet.lex). */
enum {
  DL_LEX_NOUN = 1,
  DL_LEX_VERB = 2,     /* base form: "make" */
  DL_LEX_ADJ = 4,
  DL_LEX_ADV = 8,
  DL_LEX_PLURAL = 16,  /* plural noun: "makers" */
  DL_LEX_VERB_S = 32,  /* third person singular: "makes" */
  DL_LEX_VERB_ED = 64, /* past or participle: "made", "walked" */
  DL_LEX_VERB_ING = 128
};

/* The word classes of tokens: closed classes by function, open classes by
 * what the lexicon allows, and the kinds of punctuation. */
typedef enum dl_wclass {
  DL_WC_NONE = 0,
  /* punctuation and other tokens */
  DL_WC_COMMA, DL_WC_SEMI, DL_WC_DASH, DL_WC_OPEN_QUOTE, DL_WC_CLOSE_QUOTE,
  DL_WC_OPEN_PAREN, DL_WC_CLOSE_PAREN, DL_WC_END, DL_WC_SYMBOL, DL_WC_NUMBER,
  DL_WC_CODE, DL_WC_URL,
  /* closed classes */
  DL_WC_DET, DL_WC_POSS, DL_WC_SUBJ, DL_WC_OBJ, DL_WC_IT_YOU, DL_WC_DEM,
  DL_WC_PREP, DL_WC_TO, DL_WC_CONJ, DL_WC_SUB, DL_WC_WH, DL_WC_THAT,
  DL_WC_BE, DL_WC_BE_BASE, DL_WC_HAVE, DL_WC_DO, DL_WC_MODAL, DL_WC_NOT,
  DL_WC_THERE, DL_WC_SUBJ_AUX, DL_WC_AUX_NOT, DL_WC_QUANT, DL_WC_PRON,
  DL_WC_BEEN_BEING, DL_WC_INTERJ,
  /* open classes, from the lexicon's flags */
  DL_WC_NOUN, DL_WC_VERB, DL_WC_ADJ, DL_WC_ADV, DL_WC_NOUN_VERB,
  DL_WC_NOUN_ADJ, DL_WC_VERB_ADJ, DL_WC_PLURAL, DL_WC_VERB_S,
  DL_WC_PLURAL_VERB_S, DL_WC_VERB_ED, DL_WC_VERB_ED_ADJ, DL_WC_VERB_ING,
  DL_WC_VERB_ING_NOUN, DL_WC_UNKNOWN, DL_WC_UNKNOWN_CAP, DL_WC_NAME,
  /* verbs that take a clause without "that": think, thinks, thought */
  DL_WC_BRIDGE, DL_WC_BRIDGE_S, DL_WC_BRIDGE_ED,
  DL_WC_COUNT
} dl_wclass;


typedef struct dl_closed_word {
  const char *word; /* lower case, apostrophes as ' */
  dl_wclass cls;
} dl_closed_word;

extern const dl_closed_word dl_closed_words[];
extern const size_t dl_nclosed_words;

/* The class of an open-class word from its flags; `capital` when it is
 * written with a capital where a sentence does not start. */
dl_wclass dl_wclass_open(unsigned flags, bool capital);
/* Short names for debugging and model dumps ("DET", "VERB_S"). */
const char *dl_wclass_name(dl_wclass c);

#endif
