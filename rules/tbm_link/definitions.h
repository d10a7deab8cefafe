/*
 * tbm_link/definitions.h: a reference link's fix moved onto its
 * definition.
 *
 * A reference-style link whose only slip is its URL is mended where the
 * URL is written, on the line of its definition ("[s]: URL"): one edit,
 * the writer's style kept, no wrong definition left behind.  But a
 * definition serves every link that names it, so it is edited only when
 * each of those links is a finding that wants the very same URL.  Where
 * they disagree (one names post A, another post B, or a plain "[here][s]"
 * shares it), no one URL is right for the definition: it is left alone,
 * and each finding keeps its own fix, the reference turned into an inline
 * link, which is right for that link and moves no other.
 *
 * Ownership: a dl_tbm_refs lives for one document's check, starts zeroed,
 * and owns everything in it; dl_tbm_refs_free releases it.
 */
#ifndef DRAFTLINT_TBM_DEFINITIONS_H
#define DRAFTLINT_TBM_DEFINITIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "draftlint/diag.h"
#include "draftlint/doc.h"
#include "draftlint/rule.h"
#include "draftlint/strmap.h"
#include "draftlint/links.h"

typedef struct dl_tbm_refdef {
  size_t count;                /* "[label]:" is written this many times */
  size_t at, close;            /* the first one's '[' and ']' */
  int checked;                 /* 0: not yet; 1: a definition; -1: not */
  size_t dest_start, dest_end; /* its destination, inside any <> */
} dl_tbm_refdef;

typedef struct dl_tbm_ref_use {
  size_t diag; /* index in the sink's list: later reports move pointers */
  const dl_tbm_refdef *def;
  char *url, *right_url; /* what the definition says, and what is right */
} dl_tbm_ref_use;

typedef struct dl_tbm_refs {
  bool scanned;
  dl_strmap defs;        /* label key -> dl_tbm_refdef */
  size_t *leaf;          /* source ranges of leaf blocks, start and end */
  size_t nleaf, leafcap;
  dl_tbm_ref_use *use;
  size_t n, cap;
} dl_tbm_refs;

/* Notes a finding on a reference link whose only fix is its URL, when its
 * label has one definition, written where it can be edited, that holds
 * the link's URL byte for byte. */
void dl_tbm_refs_note(const dl_doc *doc, dl_sink *sink, const dl_diag *d,
                      const dl_link_src *L, const char *url,
                      const char *right_url, dl_tbm_refs *R);
/* Moves the fix of each agreeing definition's uses onto the definition:
 * the same edit from each, which --fix applies once. */
void dl_tbm_refs_settle(const dl_doc *doc, dl_sink *sink, dl_tbm_refs *R);
void dl_tbm_refs_free(dl_tbm_refs *R);

#endif
