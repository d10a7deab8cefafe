/*
 * tbm_url.c: classifies a link destination against the TBM catalog.
 *
 * Only the newsletter's own hosts are looked at (cutlefish.substack.com,
 * substack.com and its share host, the 2020 collection page on
 * johnpcutler.github.io); every other address is "other", which is what
 * keeps links to anything that is not a TBM post quiet.
 */
#include "tbm_link/url.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/diag.h"

static bool S_iprefix(const char *s, size_t n, const char *prefix) {
  size_t m = strlen(prefix);
  if (n < m)
    return false;
  for (size_t i = 0; i < m; i++)
    if (tolower((unsigned char)s[i]) != prefix[i])
      return false;
  return true;
}

static bool S_ieq(const char *s, size_t n, const char *word) {
  return strlen(word) == n && S_iprefix(s, n, word);
}

/* End of a path segment: '/', '?', '#' or the end. */
static size_t S_segment_end(const char *s, size_t i, size_t n) {
  while (i < n && s[i] != '/' && s[i] != '?' && s[i] != '#')
    i++;
  return i;
}

/* A slug on cutlefish.substack.com (lower-cased for the lookup: Substack
 * serves its slugs in lower case). */
static void S_slug(const dl_tbm_catalog *c, const char *url, size_t from,
                   size_t to, dl_tbm_url *out) {
  if (from == to) {
    out->kind = DL_TBM_URL_GENERIC;
    return;
  }
  char *slug = dl_xstrndup(url + from, to - from);
  for (char *p = slug; *p; p++)
    *p = (char)tolower((unsigned char)*p);
  out->post = dl_tbm_by_slug(c, slug, to - from);
  free(slug);
  out->kind = out->post ? DL_TBM_URL_POST : DL_TBM_URL_BAD_SLUG;
  out->slug_start = from;
  out->slug_end = to;
}

/* "#tbm-37-53-self-similarity-and-..." on the 2020 page. */
static void S_anchor(const dl_tbm_catalog *c, const char *url, size_t at,
                     size_t n, dl_tbm_url *out) {
  out->kind = DL_TBM_URL_GENERIC;
  if (!S_iprefix(url + at, n - at, "tbm-"))
    return;
  size_t i = at + 4, num = i;
  while (i < n && isdigit((unsigned char)url[i]))
    i++;
  if (i == num)
    return;
  if (i < n && isalpha((unsigned char)url[i]) && i + 1 < n && url[i + 1] == '-')
    i++;
  size_t numerator_end = i;
  if (i + 1 >= n || url[i] != '-' || !isdigit((unsigned char)url[i + 1]))
    return;
  i++;
  while (i < n && isdigit((unsigned char)url[i]))
    i++;
  if (i - num >= sizeof out->number)
    return;
  size_t k = 0;
  for (size_t j = num; j < i; j++)
    out->number[k++] = j == numerator_end ? '/' : (char)tolower((unsigned char)url[j]);
  out->number[k] = '\0';
  out->kind = DL_TBM_URL_ANCHOR;
  out->anchor_start = at;
  out->num_start = num;
  out->num_end = i;
  if (i < n && url[i] == '-') {
    char *key = dl_tbm_key(url + i + 1, n - i - 1, false);
    const dl_tbm_posts *l = dl_tbm_by_anchor(c, key);
    free(key);
    if (l && l->len == 1)
      out->post = l->items[0];
  }
}

void dl_tbm_url_classify(const dl_tbm_catalog *c, const char *url,
                         dl_tbm_url *out) {
  *out = (dl_tbm_url){.kind = DL_TBM_URL_OTHER};
  size_t n = strlen(url);
  if (n == 0 || strcmp(url, "#") == 0) {
    out->kind = DL_TBM_URL_EMPTY;
    return;
  }
  size_t i;
  if (S_iprefix(url, n, "https://"))
    i = 8;
  else if (S_iprefix(url, n, "http://"))
    i = 7;
  else
    return;
  if (S_iprefix(url + i, n - i, "www."))
    i += 4;
  size_t host = i;
  while (i < n && url[i] != '/' && url[i] != '?' && url[i] != '#' &&
         url[i] != ':')
    i++;
  size_t host_end = i;
  if (i < n && url[i] == ':') /* a port */
    while (i < n && url[i] != '/' && url[i] != '?' && url[i] != '#')
      i++;
  const char *h = url + host;
  size_t hn = host_end - host;
  if (S_ieq(h, hn, "cutlefish.substack.com")) {
    out->kind = DL_TBM_URL_GENERIC;
    if (S_iprefix(url + i, n - i, "/p/"))
      S_slug(c, url, i + 3, S_segment_end(url, i + 3, n), out);
  } else if (S_ieq(h, hn, "open.substack.com")) {
    out->kind = DL_TBM_URL_GENERIC;
    if (S_iprefix(url + i, n - i, "/pub/cutlefish/p/"))
      S_slug(c, url, i + 17, S_segment_end(url, i + 17, n), out);
    else if (!S_iprefix(url + i, n - i, "/pub/cutlefish"))
      out->kind = DL_TBM_URL_OTHER; /* another newsletter's post */
  } else if (S_ieq(h, hn, "substack.com")) {
    out->kind = DL_TBM_URL_GENERIC;
    /* substack.com/home/post/p-ID and substack.com/@user/p-ID */
    const char *p = strstr(url + i, "/p-");
    size_t end = p ? S_segment_end(url, (size_t)(p - url) + 3, n) : 0;
    if (p && end > (size_t)(p - url) + 3) {
      const dl_tbm_post *post =
          dl_tbm_by_id(c, p + 3, end - (size_t)(p - url) - 3);
      if (post) {
        out->kind = DL_TBM_URL_POST;
        out->post = post;
      }
    }
  } else if (S_ieq(h, hn, "johnpcutler.github.io") &&
             S_iprefix(url + i, n - i, "/tbm2020") &&
             (n - i == 8 || strchr("/?#", url[i + 8]))) {
    const char *hash = strchr(url + i, '#');
    out->kind = DL_TBM_URL_GENERIC;
    if (hash)
      S_anchor(c, url, (size_t)(hash - url) + 1, n, out);
  }
}

char *dl_tbm_url_renumbered(const char *url, const dl_tbm_url *U,
                            const dl_tbm_post *p) {
  char *number = dl_xstrdup(p->number);
  for (char *c = number; *c; c++)
    *c = *c == '/' ? '-' : (char)tolower((unsigned char)*c);
  char *out = dl_strdup_printf("%.*s%s%s", (int)U->num_start, url, number,
                               url + U->num_end);
  free(number);
  return out;
}
