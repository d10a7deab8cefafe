/*
 * tbm_catalog.h: the catalog of The Beautiful Mess posts, and the
 * normalisation that matches what a writer types against it.
 *
 * The catalog is Substack's posts export as it is downloaded (CSV with a
 * header; `post_id` is the numeric id, a dot, then the URL slug; `title`;
 * `post_date`), read with libcsv in strict mode.  It is loaded once per run
 * and then only read, from any thread.  Every lookup is a hash lookup.
 *
 * Titles are messy, so they are matched by key, not byte for byte: the
 * number ("TBM 37/53", "TMB 40/53", "BM 1/53", "32/52", "45A/52", "TBM 242")
 * is split off the name, and the name's key keeps only its words, case
 * folded, accents, apostrophes and punctuation dropped, "&" and "and"
 * ignored.  A second key without the parenthesised parts lets a writer cite
 * "Healthy Forcing Functions" for "Healthy Forcing Functions (and Paying
 * Attention)".  The same key turns an anchor slug of the 2020 collection
 * page ("hammers-nails") into the name it stands for.
 *
 * Ownership: dl_tbm_catalog_parse returns a catalog that dl_tbm_catalog_free
 * releases; every post, string and list the lookups return belongs to it.
 * Functions that return char * return a malloc'd string the caller frees.
 */
#ifndef DRAFTLINT_TBM_CATALOG_H
#define DRAFTLINT_TBM_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "draftlint/strmap.h"

typedef struct dl_tbm_post {
  char *id;        /* the numeric part of post_id */
  char *slug;      /* the URL slug: https://cutlefish.substack.com/p/SLUG */
  char *title;     /* as exported, whitespace runs collapsed, trimmed */
  char *number;    /* as written ("43A/52"), or NULL for an unnumbered post */
  char *number_key;/* normalised ("43a/52"), or NULL */
  const char *name;/* the title after its number; points into `title` */
  int year;        /* of post_date; 0 when the export has none */
  size_t line;     /* line of the record in the CSV file */
} dl_tbm_post;

/* Posts sharing a key (a number, a title key): numbers repeat across
 * series and a few titles repeat too. */
typedef struct dl_tbm_posts {
  const dl_tbm_post **items;
  size_t len, cap;
} dl_tbm_posts;

typedef struct dl_tbm_catalog {
  char *path;          /* the file it was read from */
  dl_tbm_post *posts;  /* in file order */
  size_t nposts;
  dl_strmap by_slug;   /* slug -> dl_tbm_post */
  dl_strmap by_id;     /* id -> dl_tbm_post */
  dl_strmap by_number; /* number key, and numerator alone -> dl_tbm_posts */
  dl_strmap by_title;  /* full name key of a numbered post -> dl_tbm_posts */
  dl_strmap by_short;  /* name key without (parts) -> dl_tbm_posts */
  dl_strmap by_anchor; /* name key of a 2020 post -> dl_tbm_posts */
} dl_tbm_catalog;

/* Parses the catalog in `bytes` (read by the engine; `path` names them in
 * messages).  Returns NULL with a malloc'd message in *error that names
 * the file and, where there is one, the line: "FILE:LINE: reason". */
dl_tbm_catalog *dl_tbm_catalog_parse(const char *path, const char *bytes,
                                     size_t len, char **error);
void dl_tbm_catalog_free(dl_tbm_catalog *c);

const dl_tbm_post *dl_tbm_by_slug(const dl_tbm_catalog *c, const char *slug,
                                  size_t n);
const dl_tbm_post *dl_tbm_by_id(const dl_tbm_catalog *c, const char *id,
                                size_t n);
/* Posts with this normalised number; a number without "/NN" also finds
 * the posts whose number starts with it ("37" finds 37/53 and 37/52).
 * Returns NULL when there are none. */
const dl_tbm_posts *dl_tbm_by_number(const dl_tbm_catalog *c,
                                     const char *number_key);
/* Posts whose name has this key; `exact` tells whether the full name
 * matched (else the name without its parenthesised parts).  NULL: none. */
const dl_tbm_posts *dl_tbm_by_title(const dl_tbm_catalog *c, const char *key,
                                    bool *exact);
/* The longest run of words at the start of s[0..n) that is a post's name
 * (for a citation whose closing bracket is missing, so nothing else says
 * where the title ends).  Sets *len to the bytes it covers, the name's
 * closing punctuation included ("(and Paying Attention)", "Good Idea?").
 * NULL: no run of words is a name. */
const dl_tbm_posts *dl_tbm_by_title_prefix(const dl_tbm_catalog *c,
                                           const char *s, size_t n,
                                           size_t *len);
/* The 2020 posts whose anchor slug has this key, or NULL. */
const dl_tbm_posts *dl_tbm_by_anchor(const dl_tbm_catalog *c, const char *key);

/* "https://cutlefish.substack.com/p/SLUG" */
char *dl_tbm_post_url(const dl_tbm_post *p);
/* The link text a writer should use: "TBM 30/53: Healthy Forcing
 * Functions (and Paying Attention)" (the prefix spelt right), or the title
 * of an unnumbered post. */
char *dl_tbm_post_cite(const dl_tbm_post *p);
/* Does a number as written in a draft ("37/53", "37", "43a/52", already
 * normalised) belong to this post? */
bool dl_tbm_number_matches(const dl_tbm_post *p, const char *number_key);

/* ---- normalisation, shared by the catalog and the rule ---------------- */

/* The match key of a name: its words (letters, digits and marks; an
 * apostrophe inside a word is dropped), case folded and stripped of
 * accents, without "and", joined with nothing between.  "Hammers & Nails",
 * "hammers and nails" and the slug "hammers-nails" share the key
 * "hammersnails".  `strip_parens` drops (...) parts first. */
char *dl_tbm_key(const char *s, size_t n, bool strip_parens);

/* A citation at the start of `s`: an optional prefix (TBM in any case, or
 * the TMB, TBD, TBT and BM misspellings in capitals, then an optional
 * '#'), a number, an optional separator (':' or a dash), and the name.
 * Without a prefix the number must have its "/NN" part and a colon
 * ("32/52: Telephone Game!"), so that "1/2 of it" is no citation. */
typedef struct dl_tbm_cite {
  size_t num_start, num_end;     /* the number as written */
  char number[24];               /* normalised: lower case, "37/53" */
  bool prefixed;                 /* a TBM-like prefix came first */
  bool folded;                   /* ...as "tbm" or "Tbm", not "TBM" */
  size_t name_start;             /* where the name starts (may be n) */
} dl_tbm_cite;

/* Returns true and fills *out when s[0..n) starts with a citation. */
bool dl_tbm_parse_cite(const char *s, size_t n, dl_tbm_cite *out);

#endif
