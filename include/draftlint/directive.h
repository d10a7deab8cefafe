/*
 * directive.h: draftlint comments in a draft, HTML comments a published
 * post never shows:
 *
 *   <!-- draftlint-disable RULE... -->            off from here on
 *   <!-- draftlint-enable RULE... -->             on again from here on
 *   <!-- draftlint-disable-next-line RULE... -->  off on the next line
 *   <!-- draftlint-disable-file RULE... -->       off in the whole file
 *
 * No RULE means every rule; names are separated by spaces or commas.  Only
 * real HTML comments count (cmark's HTML blocks and inline HTML): the same
 * text in a code block or code span is an example, not a command.
 *
 * The filter stage (src/engine/filter.c) applies them to the findings; the inline-config
 * rule reports the comments that name no rule or no directive.
 *
 * Ownership: the document owns its directives (dl_doc_free frees them).
 */
#ifndef DRAFTLINT_DIRECTIVE_H
#define DRAFTLINT_DIRECTIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "draftlint/diag.h"
#include "draftlint/doc.h"

typedef enum dl_directive_kind {
  DL_DIRECTIVE_DISABLE,
  DL_DIRECTIVE_ENABLE,
  DL_DIRECTIVE_DISABLE_NEXT_LINE,
  DL_DIRECTIVE_DISABLE_FILE,
  DL_DIRECTIVE_UNKNOWN /* "draftlint-" and a word that is none of these */
} dl_directive_kind;

typedef struct dl_directive_name {
  size_t start, end; /* the name in the source */
  char *name;        /* owned */
} dl_directive_name;

typedef struct dl_directive {
  dl_directive_kind kind;
  size_t start, end;            /* the whole comment in the source */
  size_t word_start, word_end;  /* "draftlint-..." in the source */
  size_t last_line;             /* 0-based line index of the comment's end */
  dl_directive_name *names;     /* none: every rule */
  size_t nnames;
} dl_directive;

/* The draftlint comments of a document, in source order: parsed once, on
 * first use, and owned by the document. */
const dl_directive *dl_doc_directives(const dl_doc *doc, size_t *count);
void dl_directives_free(dl_directive *d, size_t n);

#endif
