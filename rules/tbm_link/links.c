/*
 * tbm_link/links.c: a link or image against the catalog (see links.h).
 *
 * A link is read (its URL, its text, what the text names and which post
 * the writer means), then judged: the URL's problem is the first check of
 * a table that applies, and the finding's kind the most visible problem.
 * Only a link with a finding is placed in the source, reported, and
 * mended.
 */
#include "tbm_link/links.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/buf.h"
#include "registry.h"
#include "tbm_link/mending.h"
#include "tbm_link/naming.h"
#include "draftlint/links.h"
#include "tbm_link/url.h"
#include "tbm_link/wording.h"

/* One link or image, and what the rule found out about it. */
typedef struct lk {
  cmark_node *node;
  bool image;
  const char *url;       /* as cmark gives it; "" for none */
  dl_tbm_url U;          /* what the URL is */
  const dl_tbm_post *u;  /* the post it is, or NULL */
  dl_buf visible;        /* the text as the reader sees it */
  const char *text;      /* visible.s, or "" */
  size_t tn;
  bool pictured;         /* the link also shows an image */
  bool autolink;         /* "<url>": the text is the URL */
  bool blank;            /* nothing to read, and no picture to click */
  dl_tbm_naming N;       /* what the text names */
  dl_tbm_verdict V;      /* which post the writer means */
  bool named;            /* ...some post, or a choice of posts */
  dl_tbm_problem url_problem, kind;
  /* known once the link has a finding */
  bool located;          /* its source parts were found */
  size_t s, e;           /* its source range */
  dl_link_src L;
  dl_text_view v;         /* its text with source offsets */
  bool mapped;           /* ...and that text is the visible text */
  const dl_tbm_post *target; /* the post the fix points at, or NULL */
  char *right_url;       /* the URL the link should have, or NULL */
  bool url_known;        /* ...and the fix may write it */
} lk;

/* The words of the finding's message. */
typedef struct words {
  char *quoted;      /* the link's text */
  const char *extra; /* the clauses naming its other problems */
  char *right;       /* what the right link is */
} words;

/* ---- reading ----------------------------------------------------------------- */

static void S_read(lk *k, cmark_node *node, const dl_tbm_catalog *cat) {
  *k = (lk){.node = node};
  k->image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
  const char *url = cmark_node_get_url(node);
  k->url = url ? url : "";
  dl_tbm_url_classify(cat, k->url, &k->U);
  k->u = k->U.post;
  dl_link_text(node, &k->visible, &k->pictured);
  k->text = k->visible.s ? k->visible.s : "";
  k->tn = k->visible.len;
  k->autolink = !k->image && (strcmp(k->text, k->url) == 0 ||
                              (strncmp(k->url, "mailto:", 7) == 0 &&
                               strcmp(k->text, k->url + 7) == 0));
  if (!k->autolink)
    dl_tbm_name(cat, k->text, k->tn, k->U.kind != DL_TBM_URL_OTHER, &k->N);
  k->V = dl_tbm_resolve(&k->N, k->u);
  k->named = k->V.post || k->V.choices || k->V.conflict;
  /* a link around an image is not empty: readers click the image */
  k->blank = !k->pictured;
  for (size_t i = 0; i < k->tn && k->blank; i++)
    k->blank = isspace((unsigned char)k->text[i]) != 0;
}

/* ---- judging: the URL's problem, then the finding's kind --------------------- */

/* The text names a post (or a choice of posts) that the URL is not. */
static bool S_names_another(const lk *k) {
  const dl_tbm_post *P = k->V.post;
  return (P && k->u != P) ||
         (!P && k->V.choices && !dl_tbm_has(k->V.choices, k->u));
}

static bool S_url_empty(const lk *k) {
  return k->U.kind == DL_TBM_URL_EMPTY && k->named;
}

static bool S_page_of_another(const lk *k) {
  return k->U.kind == DL_TBM_URL_POST && S_names_another(k);
}

static bool S_slug_unknown(const lk *k) {
  return k->U.kind == DL_TBM_URL_BAD_SLUG;
}

static bool S_anchor_unknown(const lk *k) {
  return k->U.kind == DL_TBM_URL_ANCHOR && !k->u;
}

static bool S_anchor_of_another(const lk *k) {
  return k->U.kind == DL_TBM_URL_ANCHOR && S_names_another(k);
}

/* (an anchor's post is known here: S_anchor_unknown comes first) */
static bool S_anchor_misnumbered(const lk *k) {
  return k->U.kind == DL_TBM_URL_ANCHOR &&
         !dl_tbm_number_matches(k->u, k->U.number);
}

static bool S_generic_page(const lk *k) {
  return k->U.kind == DL_TBM_URL_GENERIC && k->named;
}

/* A citation ("TBM 5", or a post's title after its number) linked away
 * from the newsletter. */
static bool S_cited_elsewhere(const lk *k) {
  return k->U.kind == DL_TBM_URL_OTHER && k->named && k->N.cite &&
         (k->N.by_title || k->N.c.prefixed);
}

/* What can be wrong with the URL, in order: the first that applies. */
static const struct {
  dl_tbm_problem problem;
  bool (*applies)(const lk *k);
} S_url_checks[] = {
    {DL_TBM_P_EMPTY_URL, S_url_empty},
    {DL_TBM_P_OTHER_POST, S_page_of_another},
    {DL_TBM_P_BAD_SLUG, S_slug_unknown},
    {DL_TBM_P_ANCHOR_UNKNOWN, S_anchor_unknown},
    {DL_TBM_P_OTHER_POST, S_anchor_of_another},
    {DL_TBM_P_ANCHOR_NUMBER, S_anchor_misnumbered},
    {DL_TBM_P_GENERIC, S_generic_page},
    {DL_TBM_P_ELSEWHERE, S_cited_elsewhere},
};

static dl_tbm_problem S_url_problem(const lk *k) {
  for (size_t i = 0; i < sizeof S_url_checks / sizeof *S_url_checks; i++)
    if (S_url_checks[i].applies(k))
      return S_url_checks[i].problem;
  return DL_TBM_P_NONE;
}

/* The finding's kind: the most visible problem.  An image or an empty
 * text matters only when it points at a page of the newsletter. */
static dl_tbm_problem S_kind(const lk *k) {
  if (k->image)
    return dl_tbm_url_is_page(&k->U) ? DL_TBM_P_IMAGE : DL_TBM_P_NONE;
  if (k->blank)
    return dl_tbm_url_is_page(&k->U) ? DL_TBM_P_EMPTY_TEXT : DL_TBM_P_NONE;
  if (k->url_problem == DL_TBM_P_EMPTY_URL)
    return DL_TBM_P_EMPTY_URL;
  if (k->V.conflict)
    return DL_TBM_P_CONFLICT;
  if (k->V.number_wrong)
    return DL_TBM_P_NUMBER;
  return k->url_problem;
}

/* ---- placing, and the right URL ---------------------------------------------- */

static void S_place(lk *k, const dl_doc *doc, const dl_block *b) {
  k->located = dl_link_locate(doc, b, k->node, k->image, k->url, k->text,
                             &k->s, &k->e, &k->L) ||
               (k->autolink && dl_link_locate_autolink(doc, k->node, k->url,
                                                      &k->s, &k->e, &k->L));
  dl_text_view_make(b, k->s, k->e, k->image ? DL_TX_IMAGE : DL_TX_LINK,
                   k->image ? 0 : DL_TX_IMAGE, &k->v);
  k->mapped = k->v.text.len == k->tn &&
              memcmp(k->v.text.s, k->text, k->tn) == 0;
}

/* The post the fix points at (an anchor whose slug names the post: its
 * own post decides), the right URL, and whether the fix may write it. */
static void S_aim(lk *k) {
  const dl_tbm_verdict *V = &k->V;
  k->target = V->post;
  if (!k->target && !V->choices && !V->conflict &&
      (k->kind == DL_TBM_P_IMAGE || k->kind == DL_TBM_P_EMPTY_TEXT ||
       k->url_problem == DL_TBM_P_ANCHOR_NUMBER))
    k->target = k->u;
  k->url_known = true;
  switch (k->url_problem) {
  case DL_TBM_P_NONE:
    k->right_url = dl_xstrdup(k->url);
    break;
  case DL_TBM_P_ANCHOR_NUMBER:
    k->right_url = dl_tbm_url_renumbered(k->url, &k->U, k->u);
    break;
  case DL_TBM_P_OTHER_POST:
    k->right_url = V->post && V->by_title ? dl_tbm_post_url(V->post) : NULL;
    k->url_known = k->right_url != NULL;
    break;
  default:
    k->right_url = k->target ? dl_tbm_post_url(k->target) : NULL;
    k->url_known = k->right_url != NULL;
    break;
  }
}

/* ---- the message: one reporter per kind --------------------------------------- */

/* The image as written, but its text as the reader sees it: wrapped text
 * in a quote or list would show the "> " of each line. */
static dl_diag *S_report_image(const lk *k, const dl_doc *doc, dl_sink *sink,
                               const words *w) {
  dl_buf src = {0};
  if (k->located) {
    dl_buf_puts(&src, "![");
    dl_buf_put(&src, k->text, k->tn);
    dl_buf_puts(&src, "]");
    dl_buf_put(&src, doc->src + k->L.close + 1, k->L.end - k->L.close - 1);
  } else {
    dl_buf_put(&src, doc->src + k->s, k->e - k->s);
  }
  char *shown = dl_tbm_quote(src.s ? src.s : "", src.len);
  free(src.s);
  dl_diag *d = dl_report(sink, DL_MSG_TBM_IMAGE_SYNTAX, k->s, k->e, shown,
                         w->extra, w->right);
  free(shown);
  return d;
}

static dl_diag *S_report_empty_text(const lk *k, const dl_doc *doc,
                                    dl_sink *sink, const words *w) {
  (void)doc;
  return dl_report(sink, DL_MSG_TBM_EMPTY_TEXT, k->s, k->e, k->url, w->extra,
                   w->right);
}

static dl_diag *S_report_empty_url(const lk *k, const dl_doc *doc,
                                   dl_sink *sink, const words *w) {
  (void)doc;
  return dl_report(sink, DL_MSG_TBM_EMPTY_URL, k->s, k->e, w->quoted,
                   w->extra, w->right);
}

static dl_diag *S_report_conflict(const lk *k, const dl_doc *doc,
                                  dl_sink *sink, const words *w) {
  (void)doc;
  const dl_tbm_naming *N = &k->N;
  char *numbers = dl_tbm_numbers(N->by_title);
  char *title =
      dl_tbm_quote(k->text + N->title_start, N->title_end - N->title_start);
  dl_diag *d = dl_report(sink, DL_MSG_TBM_NUMBER_CONFLICT, k->s, k->e,
                         w->quoted, N->c.number, k->u->name, title, numbers,
                         w->extra, w->right);
  free(numbers);
  free(title);
  return d;
}

static dl_diag *S_report_number(const lk *k, const dl_doc *doc,
                                dl_sink *sink, const words *w) {
  (void)doc;
  const dl_tbm_post *P = k->V.post;
  char *names = dl_tbm_names(k->N.by_number);
  dl_diag *d = dl_report(sink, DL_MSG_TBM_NUMBER_TITLE, k->s, k->e, w->quoted,
                         P->name, P->number, k->N.c.number, names, w->extra,
                         w->right);
  free(names);
  return d;
}

static dl_diag *S_report_generic(const lk *k, const dl_doc *doc,
                                 dl_sink *sink, const words *w) {
  (void)doc;
  return dl_report(sink, DL_MSG_TBM_GENERIC_HOST, k->s, k->e, w->quoted,
                   k->url, w->extra, w->right);
}

static dl_diag *S_report_other_post(const lk *k, const dl_doc *doc,
                                    dl_sink *sink, const words *w) {
  (void)doc;
  return dl_report(sink, DL_MSG_TBM_OTHER_POST, k->s, k->e, w->quoted, k->url,
                   k->u->title, w->extra, w->right);
}

static dl_diag *S_report_bad_slug(const lk *k, const dl_doc *doc,
                                  dl_sink *sink, const words *w) {
  (void)doc;
  char *who;
  if (k->autolink)
    who = dl_xstrdup("a link");
  else if (k->pictured && !*w->quoted) /* nothing but the picture to quote */
    who = dl_xstrdup("the image");
  else
    who = dl_strdup_printf("'%s'", w->quoted);
  char *slug = dl_xstrndup(k->url + k->U.slug_start,
                           k->U.slug_end - k->U.slug_start);
  dl_diag *d = dl_report(sink, DL_MSG_TBM_UNKNOWN_SLUG, k->s, k->e, who,
                         k->url, slug, w->extra, w->right);
  free(who);
  free(slug);
  return d;
}

static dl_diag *S_report_elsewhere(const lk *k, const dl_doc *doc,
                                   dl_sink *sink, const words *w) {
  (void)doc;
  return dl_report(sink, DL_MSG_TBM_ELSEWHERE, k->s, k->e, w->quoted, k->url,
                   w->extra, w->right);
}

static dl_diag *S_report_anchor_number(const lk *k, const dl_doc *doc,
                                       dl_sink *sink, const words *w) {
  (void)doc;
  return dl_report(sink, DL_MSG_TBM_ANCHOR_NUMBER, k->s, k->e,
                   k->url + k->U.anchor_start, k->U.number, k->u->name,
                   k->u->number, w->extra, w->right);
}

static dl_diag *S_report_anchor_unknown(const lk *k, const dl_doc *doc,
                                        dl_sink *sink, const words *w) {
  (void)doc;
  return dl_report(sink, DL_MSG_TBM_ANCHOR_UNKNOWN, k->s, k->e,
                   k->url + k->U.anchor_start, w->extra, w->right);
}

typedef dl_diag *reporter(const lk *k, const dl_doc *doc, dl_sink *sink,
                          const words *w);

static reporter *const S_reporters[DL_TBM_P_COUNT] = {
    [DL_TBM_P_IMAGE] = S_report_image,
    [DL_TBM_P_EMPTY_TEXT] = S_report_empty_text,
    [DL_TBM_P_EMPTY_URL] = S_report_empty_url,
    [DL_TBM_P_CONFLICT] = S_report_conflict,
    [DL_TBM_P_NUMBER] = S_report_number,
    [DL_TBM_P_GENERIC] = S_report_generic,
    [DL_TBM_P_OTHER_POST] = S_report_other_post,
    [DL_TBM_P_BAD_SLUG] = S_report_bad_slug,
    [DL_TBM_P_ELSEWHERE] = S_report_elsewhere,
    [DL_TBM_P_ANCHOR_NUMBER] = S_report_anchor_number,
    [DL_TBM_P_ANCHOR_UNKNOWN] = S_report_anchor_unknown,
};

/* What the right link is.  A lone number against another post's URL:
 * either may be the slip, so both are offered. */
static char *S_right_link(const lk *k) {
  const dl_tbm_verdict *V = &k->V;
  bool url_only = !k->image && !k->blank && !k->N.cite && !k->N.by_title;
  const dl_tbm_post *pair[2] = {V->post, k->u};
  dl_tbm_posts either = {pair, 2, 2};
  bool one_to_one =
      k->url_problem == DL_TBM_P_OTHER_POST && V->post && !V->by_title;
  return dl_tbm_right(k->url_known ? k->target : NULL, k->right_url, url_only,
                      one_to_one    ? &either
                      : V->conflict ? k->N.by_title
                                    : V->choices,
                      V->conflict ? k->u : NULL,
                      "check the link against the catalog, or point "
                      "--catalog at a newer export if the post is new");
}

/* The finding: its kind's message, naming the link's other problems. */
static dl_diag *S_report(const lk *k, const dl_doc *doc, dl_sink *sink) {
  dl_buf also = {0};
  if (k->kind != DL_TBM_P_NUMBER && k->kind != DL_TBM_P_CONFLICT &&
      k->V.number_wrong)
    dl_tbm_also(&also, DL_TBM_P_NUMBER, k->url, &k->U, k->V.post, &k->N);
  if (k->kind != k->url_problem)
    dl_tbm_also(&also, k->url_problem, k->url, &k->U, k->target, &k->N);
  words w = {dl_tbm_quote(k->text, k->tn), also.s ? also.s : "",
             S_right_link(k)};
  dl_diag *d = S_reporters[k->kind](k, doc, sink, &w);
  free(also.s);
  free(w.right);
  free(w.quoted);
  return d;
}

/* ---- the fix: every part of it, or none ------------------------------------- */

/* Is the image inside a link (a thumbnail that links somewhere)? */
static bool S_in_link(cmark_node *node) {
  for (cmark_node *p = cmark_node_parent(node); p; p = cmark_node_parent(p))
    if (cmark_node_get_type(p) == CMARK_NODE_LINK)
      return true;
  return false;
}

/* The cited number, put right. */
static void S_mend_number(const lk *k, const dl_doc *doc, dl_tbm_edits *E) {
  const dl_tbm_naming *N = &k->N;
  size_t a, z;
  if (k->mapped && dl_tbm_plain(doc, k->v.map, k->text, N->lead + N->c.num_start,
                                N->lead + N->c.num_end, &a, &z))
    dl_tbm_edit_add(E, a, z, k->target->number);
  else
    E->impossible = true;
}

/* The URL: where it is written, or a reference made an inline link. */
static void S_mend_url(const lk *k, dl_tbm_edits *E) {
  const dl_link_src *L = &k->L;
  if (L->inline_ && L->dest_exact)
    dl_tbm_edit_add(E, L->dest_start, L->dest_end, k->right_url);
  else if (L->inline_)
    E->impossible = true;
  else {
    char *dest = dl_strdup_printf("(%s)", k->right_url);
    dl_tbm_edit_add(E, L->close + 1, L->end, dest);
    free(dest);
  }
}

/* An image made a link (its '!' dropped), an empty text given the post's
 * title. */
static void S_mend_face(const lk *k, const dl_doc *doc, dl_tbm_edits *E) {
  const dl_link_src *L = &k->L;
  if (k->image && S_in_link(k->node))
    E->impossible = true; /* without its '!' it would nest links */
  else if (k->image)
    dl_tbm_edit_add(E, k->s, k->s + 1, ""); /* the '!' */
  if (k->blank && !dl_tbm_blank_source(doc, L->open + 1, L->close))
    E->impossible = true;
  else if (k->blank) {
    char *cite = dl_tbm_post_cite(k->target);
    dl_tbm_edit_add(E, L->open + 1, L->close, cite);
    free(cite);
  }
}

/* The fix, only when every part of it is known.  A reference whose URL
 * alone is wrong: its definition may take the fix instead, once every use
 * of it is known (definitions.h). */
static void S_mend(const lk *k, const dl_doc *doc, dl_sink *sink, dl_diag *d,
                   dl_tbm_refs *R) {
  const dl_tbm_naming *N = &k->N;
  bool number_problem = k->V.conflict || k->V.number_wrong;
  bool face = k->kind == DL_TBM_P_IMAGE || k->kind == DL_TBM_P_EMPTY_TEXT;
  bool fixable =
      d && k->target && !k->V.conflict && k->url_known && k->located;
  if (k->V.number_wrong && !N->by_number && !N->by_title &&
      N->title_end > N->title_start)
    fixable = false; /* a number and a title no post has: two slips */
  if (!fixable)
    return;
  dl_tbm_edits E = {0};
  if (number_problem)
    S_mend_number(k, doc, &E);
  if (k->url_problem != DL_TBM_P_NONE)
    S_mend_url(k, &E);
  if (face)
    S_mend_face(k, doc, &E);
  bool url_alone = k->url_problem != DL_TBM_P_NONE && !k->L.inline_ &&
                   !number_problem && !face;
  dl_tbm_fix_attach(doc, d, &E);
  if (url_alone && d->fix)
    dl_tbm_refs_note(doc, sink, d, &k->L, k->url, k->right_url, R);
}

/* ---- the pass --------------------------------------------------------------- */

static void S_free(lk *k) {
  free(k->right_url);
  dl_text_view_free(&k->v);
  dl_tbm_naming_free(&k->N);
  free(k->visible.s);
}

void dl_tbm_check_link(const dl_doc *doc, const dl_block *b,
                       cmark_node *node, dl_sink *sink,
                       const dl_tbm_catalog *cat, dl_tbm_refs *R) {
  lk k;
  S_read(&k, node, cat);
  k.url_problem = S_url_problem(&k);
  k.kind = S_kind(&k);
  if (k.kind != DL_TBM_P_NONE) {
    S_place(&k, doc, b);
    S_aim(&k);
    dl_diag *d = S_report(&k, doc, sink);
    S_mend(&k, doc, sink, d, R);
  }
  S_free(&k);
}
