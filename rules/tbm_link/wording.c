/*
 * tbm_link/wording.c: the pieces of the rule's messages (see wording.h).
 */
#include "tbm_link/wording.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/diag.h"
#include "draftlint/text.h"

static char *S_take(dl_buf *b) { return b->s ? b->s : dl_xstrdup(""); }

char *dl_tbm_quote(const char *s, size_t n) {
  while (n && isspace((unsigned char)*s)) {
    s++;
    n--;
  }
  while (n && isspace((unsigned char)s[n - 1]))
    n--;
  dl_buf b = {0};
  size_t chars = 0, i = 0;
  for (; i < n && chars < 70; chars++) {
    int32_t cp;
    size_t len = dl_utf8_decode(s + i, n - i, &cp);
    dl_buf_put(&b, cp == '\n' ? " " : s + i, cp == '\n' ? 1 : len);
    i += len;
  }
  if (i < n)
    dl_buf_puts(&b, "...");
  return S_take(&b);
}

char *dl_tbm_names(const dl_tbm_posts *l) {
  if (!l || !l->len)
    return dl_xstrdup("not a post");
  dl_buf b = {0};
  for (size_t i = 0; i < l->len && i < 3; i++) {
    if (i)
      dl_buf_puts(&b, " or ");
    dl_buf_puts(&b, "'");
    dl_buf_puts(&b, l->items[i]->name);
    dl_buf_puts(&b, "'");
  }
  return S_take(&b);
}

char *dl_tbm_numbers(const dl_tbm_posts *l) {
  dl_buf b = {0};
  for (size_t i = 0; l && i < l->len && i < 3; i++) {
    if (i)
      dl_buf_puts(&b, " or ");
    dl_buf_puts(&b, l->items[i]->number ? l->items[i]->number : "(unnumbered)");
  }
  return S_take(&b);
}

static void S_link_md(dl_buf *b, const dl_tbm_post *p, const char *url) {
  char *cite = dl_tbm_post_cite(p);
  char *canonical = url ? NULL : dl_tbm_post_url(p);
  dl_buf_puts(b, "[");
  dl_buf_puts(b, cite);
  dl_buf_puts(b, "](");
  dl_buf_puts(b, url ? url : canonical);
  dl_buf_puts(b, ")");
  free(cite);
  free(canonical);
}

char *dl_tbm_right(const dl_tbm_post *p, const char *url, bool url_only,
                   const dl_tbm_posts *choices, const dl_tbm_post *also,
                   const char *otherwise) {
  dl_buf b = {0};
  if (p && url_only) {
    dl_buf_puts(&b, "the right URL is ");
    dl_buf_puts(&b, url);
  } else if (p) {
    dl_buf_puts(&b, "the right link is ");
    S_link_md(&b, p, url);
  } else if ((choices && choices->len) || also) {
    dl_buf_puts(&b, "the right link is one of ");
    size_t shown = 0;
    if (also) {
      S_link_md(&b, also, NULL);
      shown++;
    }
    for (size_t i = 0; choices && i < choices->len && shown < 4; i++) {
      if (choices->items[i] == also)
        continue;
      dl_buf_puts(&b, shown ? ", " : "");
      S_link_md(&b, choices->items[i], NULL);
      shown++;
    }
  } else {
    dl_buf_puts(&b, otherwise);
  }
  return S_take(&b);
}

void dl_tbm_also(dl_buf *b, dl_tbm_problem pr, const char *url,
                 const dl_tbm_url *U, const dl_tbm_post *p,
                 const dl_tbm_naming *N) {
  char *s = NULL;
  switch (pr) {
  case DL_TBM_P_NUMBER:
    s = dl_strdup_printf(", and '%s' is TBM %s, not %s", p->name, p->number,
                         N->c.number);
    break;
  case DL_TBM_P_EMPTY_URL:
    s = dl_xstrdup(", and its URL is empty");
    break;
  case DL_TBM_P_GENERIC:
    s = dl_strdup_printf(", and %s is not the post's page", url);
    break;
  case DL_TBM_P_OTHER_POST:
    s = dl_strdup_printf(", and %s is the page of '%s'", url, U->post->title);
    break;
  case DL_TBM_P_BAD_SLUG:
    s = dl_strdup_printf(", and no post has the slug '%.*s'",
                         (int)(U->slug_end - U->slug_start),
                         url + U->slug_start);
    break;
  case DL_TBM_P_ELSEWHERE:
    s = dl_strdup_printf(", and it links to %s", url);
    break;
  case DL_TBM_P_ANCHOR_NUMBER:
    s = dl_strdup_printf(", and its anchor says TBM %s but '%s' is TBM %s",
                         U->number, U->post->name, U->post->number);
    break;
  case DL_TBM_P_ANCHOR_UNKNOWN:
    s = dl_xstrdup(", and its anchor names no post of the 2020 series");
    break;
  default:
    break;
  }
  if (s)
    dl_buf_puts(b, s);
  free(s);
}
