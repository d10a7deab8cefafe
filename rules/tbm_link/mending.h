/*
 * tbm_link/mending.h: a fix made of several replacements inside one span
 * (a link's number and its URL, say), attached to a finding only when
 * every part of it has an exact place and no two parts overlap.
 *
 * Ownership: dl_tbm_edits owns the texts it is given (copies);
 * dl_tbm_fix_attach frees them whether or not it attaches a fix.
 */
#ifndef DRAFTLINT_TBM_MENDING_H
#define DRAFTLINT_TBM_MENDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "draftlint/diag.h"
#include "draftlint/doc.h"

typedef struct dl_tbm_edit {
  size_t start, end;
  char *text;
} dl_tbm_edit;

typedef struct dl_tbm_edits {
  dl_tbm_edit e[8];
  size_t n;
  bool impossible; /* a part of the fix has no exact place */
} dl_tbm_edits;

/* Adds "replace src[start, end) with text" (a copy of it). */
void dl_tbm_edit_add(dl_tbm_edits *E, size_t start, size_t end,
                     const char *text);
/* Attaches the edits to `d` as one fix, when they are all known and do
 * not overlap; frees them. */
void dl_tbm_fix_attach(const dl_doc *doc, dl_diag *d, dl_tbm_edits *E);

/* Source range of text bytes [from, to) of a view, when they are the
 * source bytes themselves (no markup or escape inside). */
bool dl_tbm_plain(const dl_doc *doc, const uint32_t *map, const char *text,
                  size_t from, size_t to, size_t *start, size_t *end);
/* Is src[from..to) only spaces, line breaks and a quote's '>'? */
bool dl_tbm_blank_source(const dl_doc *doc, size_t from, size_t to);

#endif
