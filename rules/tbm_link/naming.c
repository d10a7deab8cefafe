/*
 * tbm_link/naming.c: reads what a link's text names, and decides which
 * post the writer means (see naming.h).
 */
#include "tbm_link/naming.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const dl_tbm_posts *dl_tbm_titled(const dl_tbm_catalog *cat, const char *s,
                                  size_t n) {
  bool exact;
  char *key = dl_tbm_key(s, n, false);
  const dl_tbm_posts *l = dl_tbm_by_title(cat, key, &exact);
  free(key);
  if (!l) { /* "Title (my aside)" */
    key = dl_tbm_key(s, n, true);
    l = dl_tbm_by_title(cat, key, &exact);
    free(key);
  }
  return l;
}

/* Words in a text ("and" and "&" not counted), to keep a one-word link
 * text ("Break", "here") from naming a post by its title alone. */
static size_t S_words(const char *s, size_t n) {
  size_t words = 0;
  for (size_t i = 0; i < n;) {
    while (i < n && !isalnum((unsigned char)s[i]) && !((unsigned char)s[i] & 0x80))
      i++;
    size_t start = i;
    while (i < n && (isalnum((unsigned char)s[i]) || ((unsigned char)s[i] & 0x80)))
      i++;
    if (i > start && !(i - start == 3 && strncasecmp(s + start, "and", 3) == 0))
      words++;
  }
  return words;
}

/* What the text s[0..n) names.  `titles`: may a text without a number
 * name a post by its title (only next to a URL of the newsletter, and only
 * a whole title of three words or more: "going deep" is also a phrase). */
void dl_tbm_name(const dl_tbm_catalog *cat, const char *s, size_t n,
                 bool titles, dl_tbm_naming *N) {
  *N = (dl_tbm_naming){0};
  size_t i = 0;
  while (i < n && isspace((unsigned char)s[i]))
    i++;
  N->lead = i;
  size_t end = n;
  while (end > i && isspace((unsigned char)s[end - 1]))
    end--;
  if (dl_tbm_parse_cite(s + i, end - i, &N->c)) {
    N->cite = true;
    N->by_number = dl_tbm_by_number(cat, N->c.number);
    N->title_start = i + N->c.name_start;
    N->title_end = end;
    if (N->title_end > N->title_start)
      N->by_title =
          dl_tbm_titled(cat, s + N->title_start, end - N->title_start);
    /* "tbm 5" in lower case, linked away from the newsletter, may be
     * anything (a tunnel boring machine): only a post's title after it
     * makes it a citation */
    if (N->c.folded && !titles && !N->by_title)
      *N = (dl_tbm_naming){.lead = i};
  } else if (titles && S_words(s + i, end - i) >= 3) {
    N->title_start = i;
    N->title_end = end;
    char *key = dl_tbm_key(s + i, end - i, false);
    bool exact;
    N->by_title = dl_tbm_by_title(cat, key, &exact);
    if (!exact)
      N->by_title = NULL;
    free(key);
  }
  if (N->by_title) {
    N->key = dl_tbm_key(s + N->title_start, N->title_end - N->title_start,
                        false);
    N->short_key = dl_tbm_key(s + N->title_start,
                              N->title_end - N->title_start, true);
  }
}

void dl_tbm_naming_free(dl_tbm_naming *N) {
  free(N->key);
  free(N->short_key);
}

/* Does the post's name, whole or without its (parts), read as the title
 * the text cites?  "Think Big, Work Small" fits "... (Part 2)". */
static bool S_fits_title(const dl_tbm_naming *N, const dl_tbm_post *p) {
  if (!N->key || !p->number)
    return false;
  char *full = dl_tbm_key(p->name, strlen(p->name), false);
  char *brief = dl_tbm_key(p->name, strlen(p->name), true);
  bool fits = strcmp(full, N->key) == 0 || strcmp(brief, N->key) == 0 ||
              strcmp(full, N->short_key) == 0 ||
              strcmp(brief, N->short_key) == 0;
  free(full);
  free(brief);
  return fits;
}

bool dl_tbm_has(const dl_tbm_posts *l, const dl_tbm_post *p) {
  for (size_t i = 0; l && i < l->len; i++)
    if (l->items[i] == p)
      return true;
  return false;
}

dl_tbm_verdict dl_tbm_resolve(const dl_tbm_naming *N, const dl_tbm_post *u) {
  dl_tbm_verdict V = {0};
  const dl_tbm_posts *St = N->by_title, *Sn = N->by_number;
  if (St) {
    const dl_tbm_post *both = NULL;
    size_t nboth = 0;
    for (size_t i = 0; Sn && i < St->len; i++)
      if (dl_tbm_has(Sn, St->items[i])) {
        both = St->items[i];
        nboth++;
      }
    if (u && dl_tbm_has(St, u))
      V.post = u;
    else if (nboth == 1)
      V.post = both;
    else if (nboth > 1)
      V.choices = St;
    else if (u && S_fits_title(N, u)) /* the same title with a "(Part 2)" */
      V.post = u;
    else if (u && dl_tbm_has(Sn, u))
      V.conflict = true;
    else if (St->len == 1)
      V.post = St->items[0];
    else
      V.choices = St;
    V.by_title = V.post != NULL;
  } else if (Sn) {
    if (u && dl_tbm_has(Sn, u))
      V.post = u;
    else if (Sn->len == 1)
      V.post = Sn->items[0];
    else
      V.choices = Sn;
  } else {
    V.post = u;
  }
  V.number_wrong = N->cite && V.post && V.post->number &&
                   !dl_tbm_number_matches(V.post, N->c.number);
  return V;
}

