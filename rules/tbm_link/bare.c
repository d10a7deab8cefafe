/*
 * tbm_link/bare.c: bare URLs of the newsletter, checked as an autolink is
 * (see bare.h).
 */
#include "tbm_link/bare.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "draftlint/alloc.h"
#include "registry.h"
#include "tbm_link/mending.h"
#include "draftlint/links.h"
#include "tbm_link/url.h"

/* Where a bare URL starting at text byte i ends, as an autolinker reads it:
 * up to a space, a '<', markup or code, without the punctuation that ends
 * the sentence around it or a closing bracket it never opened.  Non-ASCII
 * ends it too: the newsletter's addresses are ASCII, and a closing curly
 * quote is not part of them. */
static size_t S_url_end(const dl_text *t, size_t i) {
  size_t k = i, open = 0, close = 0;
  for (; k < t->len && !(t->flags[k] & DL_TX_LINKISH) &&
         (unsigned char)t->s[k] > ' ' && (unsigned char)t->s[k] < 0x80 &&
         t->s[k] != '<';
       k++) {
    open += t->s[k] == '(';
    close += t->s[k] == ')';
  }
  while (k > i) {
    char last = t->s[k - 1];
    if (last == ')' && close > open)
      close--;
    else if (!strchr(".,:;!?*_~'\"]", last))
      break;
    k--;
  }
  return k;
}

/* A URL in the text that no one made a link: Substack makes it one when
 * the post goes out, so an address of the newsletter is checked as an
 * autolink is (<https://...>): a slug no post has, or an anchor of the 2020
 * page with the wrong number or no post.  URLs in links, autolinks and
 * code are pass 1's or nobody's, and a "](url" that did not parse is pass
 * 2's. */
static void S_check_bare(const dl_doc *doc, const dl_block *b, size_t i,
                         size_t end, dl_sink *sink,
                         const dl_tbm_catalog *cat) {
  const dl_text *t = &b->text;
  char *url = dl_xstrndup(t->s + i, end - i);
  dl_tbm_url U;
  dl_tbm_url_classify(cat, url, &U);
  const dl_tbm_post *u = U.post;
  size_t at = t->map[i], to = t->map[end - 1] + 1;
  char *right_url = NULL, *right;
  dl_diag *d = NULL;
  if (U.kind == DL_TBM_URL_BAD_SLUG || (U.kind == DL_TBM_URL_ANCHOR && !u)) {
    /* no link yet: the message speaks of the address itself */
    right = dl_xstrdup("check the address against the catalog, or point "
                       "--catalog at a newer export if the post is new");
    if (U.kind == DL_TBM_URL_BAD_SLUG) {
      char *slug = dl_xstrndup(url + U.slug_start, U.slug_end - U.slug_start);
      d = dl_report(sink, DL_MSG_TBM_BARE_UNKNOWN_SLUG, at, to, url, slug, "",
                    right);
      free(slug);
    } else {
      d = dl_report(sink, DL_MSG_TBM_ANCHOR_UNKNOWN, at, to,
                    url + U.anchor_start, "", right);
    }
  } else if (U.kind == DL_TBM_URL_ANCHOR &&
             !dl_tbm_number_matches(u, U.number)) {
    right_url = dl_tbm_url_renumbered(url, &U, u);
    right = dl_strdup_printf("the right URL is %s", right_url);
    d = dl_report(sink, DL_MSG_TBM_ANCHOR_NUMBER, at, to, url + U.anchor_start,
                  U.number, u->name, u->number, "", right);
  } else {
    right = NULL;
  }
  size_t a, z;
  if (d && right_url && dl_tbm_plain(doc, t->map, t->s, i, end, &a, &z))
    dl_diag_set_fix(d, a, z, right_url);
  free(right);
  free(right_url);
  free(url);
}

/* Each "http://" or "https://" that starts a word outside links and code. */
void dl_tbm_check_bare_urls(const dl_doc *doc, const dl_block *b,
                            dl_sink *sink, const dl_tbm_catalog *cat) {
  const dl_text *t = &b->text;
  for (size_t i = 0; i + 3 < t->len; i++) {
    const char *colon = memchr(t->s + i, ':', t->len - i);
    if (!colon)
      break;
    size_t c = (size_t)(colon - t->s), start;
    i = c;
    if (c + 2 >= t->len || t->s[c + 1] != '/' || t->s[c + 2] != '/')
      continue;
    if (c >= 5 && strncasecmp(t->s + c - 5, "https", 5) == 0)
      start = c - 5;
    else if (c >= 4 && strncasecmp(t->s + c - 4, "http", 4) == 0)
      start = c - 4;
    else
      continue;
    if ((t->flags[start] & DL_TX_LINKISH) ||
        (start > 0 && isalnum((unsigned char)t->s[start - 1])))
      continue;
    if (start >= 2 && t->s[start - 1] == '(' && t->s[start - 2] == ']')
      continue; /* "[TBM ...](url x)": pass 2's malformed (url) */
    size_t end = S_url_end(t, start);
    if (end > c + 3)
      S_check_bare(doc, b, start, end, sink, cat);
    i = end > i ? end - 1 : i;
  }
}
