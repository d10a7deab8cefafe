/*
 * tbm_link/wording.h: the words of the rule's messages: a quotation of
 * what the writer wrote, the posts a link may mean, the right link, and
 * the clause that names a second slip in the same link.
 *
 * Ownership: every function returning char * returns a malloc'd string
 * the caller frees; dl_tbm_also appends to the caller's buffer.
 */
#ifndef DRAFTLINT_TBM_WORDING_H
#define DRAFTLINT_TBM_WORDING_H

#include <stdbool.h>
#include <stddef.h>

#include "draftlint/buf.h"
#include "tbm_link/catalog.h"
#include "tbm_link/naming.h"
#include "tbm_link/url.h"

/* What can be wrong with a link, most visible first: a link gets one
 * finding, of its first kind; the others are named in its message. */
typedef enum dl_tbm_problem {
  DL_TBM_P_NONE,
  DL_TBM_P_IMAGE,
  DL_TBM_P_EMPTY_TEXT,
  DL_TBM_P_EMPTY_URL,
  DL_TBM_P_CONFLICT,
  DL_TBM_P_NUMBER,
  DL_TBM_P_GENERIC,
  DL_TBM_P_OTHER_POST,
  DL_TBM_P_BAD_SLUG,
  DL_TBM_P_ELSEWHERE,
  DL_TBM_P_ANCHOR_NUMBER,
  DL_TBM_P_ANCHOR_UNKNOWN,
  DL_TBM_P_COUNT
} dl_tbm_problem;

/* A quotation for a message: at most 70 characters, one line. */
char *dl_tbm_quote(const char *s, size_t n);
/* "'A'" or "'A' or 'B'": the names of posts ("not a post" for none). */
char *dl_tbm_names(const dl_tbm_posts *l);
/* "30/53" or "268 or 295": the numbers of posts. */
char *dl_tbm_numbers(const dl_tbm_posts *l);

/* The end of a message: what the right link is.  `p` known: its link
 * (with `url`, or its own page), or only `url` when `url_only`; else one
 * of `choices` (after `also`, when given); else `otherwise`. */
char *dl_tbm_right(const dl_tbm_post *p, const char *url, bool url_only,
                   const dl_tbm_posts *choices, const dl_tbm_post *also,
                   const char *otherwise);

/* Appends the clause for a problem that is not the finding's own kind
 * (", and its URL is empty"); nothing for DL_TBM_P_NONE. */
void dl_tbm_also(dl_buf *b, dl_tbm_problem pr, const char *url,
                 const dl_tbm_url *U, const dl_tbm_post *p,
                 const dl_tbm_naming *N);

#endif
