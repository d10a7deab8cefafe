/*
 * tbm_url.h: what a link destination is, as far as The Beautiful Mess
 * goes: a post's page, a page on the newsletter's hosts that is no post,
 * an anchor into the 2020 collection page, or anything else.
 *
 * A post's page is https://cutlefish.substack.com/p/SLUG in any form
 * Substack serves: http or https, "www.", a trailing slash, a query
 * (?utm_source=...), a fragment, and Substack's share forms
 * open.substack.com/pub/cutlefish/p/SLUG and substack.com/home/post/p-ID.
 *
 * Ownership: a dl_tbm_url holds offsets into the URL it was made from and
 * borrows its post from the catalog.
 */
#ifndef DRAFTLINT_TBM_URL_H
#define DRAFTLINT_TBM_URL_H

#include <stddef.h>

#include "tbm_link/catalog.h"

typedef enum dl_tbm_url_kind {
  DL_TBM_URL_OTHER,    /* not an address of the newsletter */
  DL_TBM_URL_EMPTY,    /* "" or "#": no address at all */
  DL_TBM_URL_POST,     /* a post's page; `post` says which */
  DL_TBM_URL_BAD_SLUG, /* cutlefish.substack.com/p/SLUG, no post has SLUG */
  DL_TBM_URL_ANCHOR,   /* johnpcutler.github.io/tbm2020/#tbm-N-NN-slug */
  DL_TBM_URL_GENERIC   /* substack.com, the home page, the archive, the
                          2020 page without a post's anchor */
} dl_tbm_url_kind;

typedef struct dl_tbm_url {
  dl_tbm_url_kind kind;
  const dl_tbm_post *post; /* POST: the post; ANCHOR: the 2020 post whose
                              name the anchor's slug spells, or NULL */
  size_t slug_start, slug_end; /* BAD_SLUG: the slug within the URL */
  size_t anchor_start;         /* ANCHOR: the fragment, after '#' */
  size_t num_start, num_end;   /* ANCHOR: "37-53" within the URL */
  char number[24];             /* ANCHOR: "37/53", normalised */
} dl_tbm_url;

/* Classifies `url` (as cmark gives it: escapes and entities resolved). */
void dl_tbm_url_classify(const dl_tbm_catalog *c, const char *url,
                         dl_tbm_url *out);

/* An anchor URL with its number replaced by the post's ("37-53" ->
 * "36-53"), the writer's slug kept.  Returns a malloc'd string the
 * caller frees. */
char *dl_tbm_url_renumbered(const char *url, const dl_tbm_url *U,
                            const dl_tbm_post *p);

/* Is this a page of the newsletter that a link (not an image) must point
 * at: a post, a missing post, or a post's anchor? */
static inline int dl_tbm_url_is_page(const dl_tbm_url *u) {
  return u->kind == DL_TBM_URL_POST || u->kind == DL_TBM_URL_BAD_SLUG ||
         u->kind == DL_TBM_URL_ANCHOR;
}

#endif
