/*
 * tbm_link/naming.h: which post a link's text (a number, a title, both)
 * and its URL name, and which post the writer means.
 *
 * The title decides (numbers repeat across series, and are the part
 * writers get wrong); a URL that agrees with the title or with the number
 * confirms it; a lone number names its post when it is the only one with
 * that number.  Where two posts fit equally, the verdict lists them: the
 * rule never guesses silently.
 *
 * Ownership: a dl_tbm_naming owns its two keys (dl_tbm_naming_free
 * releases them); its lists and a verdict's posts belong to the catalog.
 */
#ifndef DRAFTLINT_TBM_NAMING_H
#define DRAFTLINT_TBM_NAMING_H

#include <stdbool.h>
#include <stddef.h>

#include "tbm_link/catalog.h"

typedef struct dl_tbm_naming {
  bool cite;                     /* a number, "TBM 37/53" or "32/52:" */
  char *key, *short_key;         /* the title's keys (catalog.h)     */
  dl_tbm_cite c;                 /* offsets into the text */
  size_t lead;                   /* where the citation starts */
  const dl_tbm_posts *by_number; /* posts with that number, or NULL */
  const dl_tbm_posts *by_title;  /* posts with that title, or NULL */
  size_t title_start, title_end; /* the title in the text */
} dl_tbm_naming;

/* What the text s[0..n) names.  `titles`: may a text without a number
 * name a post by its title (only next to a URL of the newsletter, and only
 * a whole title of three words or more: "going deep" is also a phrase). */
void dl_tbm_name(const dl_tbm_catalog *cat, const char *s, size_t n,
                 bool titles, dl_tbm_naming *N);
void dl_tbm_naming_free(dl_tbm_naming *N);

/* The posts whose name, whole or without its (parts), is s[0..n), or
 * NULL. */
const dl_tbm_posts *dl_tbm_titled(const dl_tbm_catalog *cat, const char *s,
                                  size_t n);

/* Is p one of l (l may be NULL)? */
bool dl_tbm_has(const dl_tbm_posts *l, const dl_tbm_post *p);

/* Which post the writer means. */
typedef struct dl_tbm_verdict {
  const dl_tbm_post *post;     /* known: the title, or one post fits */
  bool by_title;               /* the title (or title and URL) decided */
  const dl_tbm_posts *choices; /* two or more posts fit equally */
  bool conflict;               /* number and URL say one post, title another */
  bool number_wrong;           /* the cited number is not `post`'s */
} dl_tbm_verdict;

/* The verdict on a naming, given the post its URL is (`u`, or NULL). */
dl_tbm_verdict dl_tbm_resolve(const dl_tbm_naming *N, const dl_tbm_post *u);

#endif
