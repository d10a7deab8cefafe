/*
 * tbm_link/citations.c: citations that never became links (see
 * citations.h).  Which post a citation means is decided as for a link
 * (naming.h), with no URL to confirm it; without a closing bracket the
 * catalog says where its title ends.
 */
#include "tbm_link/citations.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/buf.h"
#include "registry.h"
#include "tbm_link/mending.h"
#include "tbm_link/naming.h"
#include "draftlint/links.h"
#include "tbm_link/wording.h"

/* Is the text byte at i the source byte right after text byte i - 1? */
static bool S_adjacent(const dl_text *t, size_t i) {
  return i < t->len && i > 0 && t->map[i] == t->map[i - 1] + 1 &&
         !(t->flags[i] & DL_TX_LINKISH);
}

/* The ']' closing a bracket opened at text byte i, or 0 when another
 * bracket, a link or code comes first. */
static size_t S_closer(const dl_text *t, size_t i) {
  for (size_t k = i + 1; k < t->len && !(t->flags[k] & DL_TX_LINKISH); k++) {
    if (t->s[k] == '[')
      return 0;
    if (t->s[k] == ']')
      return k;
  }
  return 0;
}

/* "[The Simplicity Fetish][x]" with [x] defined nowhere.  Without a number
 * the text names a post only as it does next to a URL of the newsletter
 * (dl_tbm_name): a whole title of three words or more, so
 * "[going deep][x]" stays quiet; and only when that title is one post's
 * and no other post's title without its (parts), since nothing else says
 * which. */
static void S_check_title_ref(const dl_block *b, size_t i, size_t *resume,
                              dl_sink *sink, const dl_tbm_catalog *cat) {
  const dl_text *t = &b->text;
  size_t close = S_closer(t, i);
  if (!close || !S_adjacent(t, close + 1) || t->s[close + 1] != '[')
    return;
  size_t k = S_closer(t, close + 1);
  if (!k)
    return;
  dl_tbm_naming N;
  dl_tbm_name(cat, t->s + i + 1, close - i - 1, true, &N);
  const dl_tbm_posts *brief =
      N.key ? dl_strmap_get(&cat->by_short, N.key, strlen(N.key)) : NULL;
  if (!N.by_title || N.by_title->len != 1 ||
      (brief && (brief->len > 1 || brief->items[0] != N.by_title->items[0]))) {
    dl_tbm_naming_free(&N);
    return;
  }
  const dl_tbm_post *P = N.by_title->items[0];
  *resume = k;
  char *quoted = dl_tbm_quote(t->s + i, close + 1 - i);
  char *label = dl_xstrndup(t->s + close + 2, k - close - 2);
  char *url = dl_tbm_post_url(P);
  char *right = dl_strdup_printf("the right URL is %s", url);
  dl_diag *d = dl_report(sink, DL_MSG_TBM_MISSING_DEFINITION, t->map[i],
                         t->map[k] + 1, quoted, label, "", right);
  /* the reference becomes the URL; the writer's text stays */
  if (d && t->map[k] - t->map[close + 1] == k - close - 1) {
    char *dest = dl_strdup_printf("(%s)", url);
    dl_diag_set_fix(d, t->map[close + 1], t->map[k] + 1, dest);
    free(dest);
  }
  free(right);
  free(url);
  free(label);
  free(quoted);
  dl_tbm_naming_free(&N);
}

/* ---- "[TBM ...": a citation in brackets ---------------------------------- */

/* A citation at text byte j, inside the bracket opened at i. */
typedef struct citation {
  size_t i, j;
  size_t close;     /* its ']', or 0 */
  size_t stop;      /* without one: the '[', link or code that ends it */
  size_t title_end; /* without one: where the catalog's title ends */
  dl_tbm_naming N;
  size_t **ends;    /* the block's S_paren_ends, built on first use */
} citation;

/* Where a citation's finding and its fix go. */
typedef struct spot {
  dl_msg_id id;
  size_t at, end;           /* the finding */
  size_t insert, repl_end;  /* what the fix replaces with "(url)" */
  bool placed;              /* the fix has an exact place */
  char *label;              /* a reference's label, or NULL */
} spot;

/* The citation's ']', or where the search for it stopped. */
static void S_bounds(const dl_text *t, citation *C) {
  C->close = 0;
  C->stop = t->len;
  for (size_t k = C->j; k < t->len; k++) {
    if ((t->flags[k] & DL_TX_LINKISH) || t->s[k] == '[') {
      C->stop = k;
      break;
    }
    if (t->s[k] == ']') {
      C->close = k;
      break;
    }
  }
}

/* What the citation names; without a ']' the catalog says where its title
 * ends. */
static void S_cite_naming(const dl_text *t, const dl_tbm_catalog *cat,
                          const dl_tbm_cite *c, citation *C) {
  dl_tbm_naming *N = &C->N;
  *N = (dl_tbm_naming){.cite = true, .c = *c, .lead = C->j};
  N->by_number = dl_tbm_by_number(cat, c->number);
  N->title_start = C->j + c->name_start;
  C->title_end = N->title_start;
  if (C->close) {
    N->title_end = C->close;
    while (N->title_end > N->title_start && t->s[N->title_end - 1] == ' ')
      N->title_end--;
    if (N->title_end > N->title_start)
      N->by_title = dl_tbm_titled(cat, t->s + N->title_start,
                                  N->title_end - N->title_start);
  } else if (N->title_start < C->stop) {
    size_t len = 0;
    N->by_title = dl_tbm_by_title_prefix(cat, t->s + N->title_start,
                                         C->stop - N->title_start, &len);
    if (N->by_title)
      C->title_end = N->title_start + len;
    N->title_end = C->title_end;
  }
}

/* "[TBM 5: Title" with no ']': the fix closes it after the title. */
static void S_spot_unclosed(const dl_doc *doc, const dl_text *t,
                            const citation *C, spot *S) {
  S->id = DL_MSG_TBM_UNCLOSED;
  size_t last = C->N.by_title ? C->title_end : C->j + C->N.c.num_end;
  S->end = t->map[last - 1] + 1;
  size_t a, z;
  S->placed = C->N.by_title &&
              dl_tbm_plain(doc, t->map, t->s, C->j, last, &a, &z);
  S->insert = S->repl_end = S->end;
}

/* Where a "(url" whose text starts at each text byte ends: the ')' that
 * closes it, nested pairs skipped, or SIZE_MAX where a line break or the
 * end comes first.  Read once per block from the end, each '(' jumping
 * over its pair: reading on from every citation instead is quadratic on
 * a line of "[TBM 1](x " (issue 19).  Returns a malloc'd array of
 * t->len + 1 entries. */
static size_t *S_paren_ends(const dl_text *t) {
  size_t *end = dl_xmalloc((t->len + 1) * sizeof *end);
  end[t->len] = SIZE_MAX;
  for (size_t x = t->len; x-- > 0;) {
    if (t->s[x] == '\n')
      end[x] = SIZE_MAX;
    else if (t->s[x] == ')')
      end[x] = x;
    else if (t->s[x] == '(')
      end[x] = end[x + 1] == SIZE_MAX ? SIZE_MAX : end[end[x + 1] + 1];
    else
      end[x] = end[x + 1];
  }
  return end;
}

/* "[TBM 5: Title](url x)": a "(url)" that did not parse. */
static void S_spot_broken_url(const dl_text *t, const citation *C, spot *S,
                              size_t *resume) {
  size_t close = C->close;
  S->id = DL_MSG_TBM_BROKEN_URL;
  if (!*C->ends)
    *C->ends = S_paren_ends(t);
  size_t k = close + 2 < t->len ? (*C->ends)[close + 2] : SIZE_MAX;
  bool found = k != SIZE_MAX;
  S->placed = found && t->map[k] - t->map[close + 1] == k - close - 1;
  S->end = found ? t->map[k] + 1 : t->map[close] + 1;
  S->insert = t->map[close + 1];
  S->repl_end = S->end;
  *resume = found ? k : close;
}

/* "[TBM 5: Title][x]" with [x] defined nowhere (or never closed: then it
 * has no URL at all). */
static void S_spot_reference(const dl_text *t, const citation *C, spot *S,
                             size_t *resume) {
  size_t close = C->close;
  S->id = DL_MSG_TBM_MISSING_DEFINITION;
  size_t k = close + 2;
  while (k < t->len && t->s[k] != ']' && t->s[k] != '[' &&
         !(t->flags[k] & DL_TX_LINKISH))
    k++;
  bool found = k < t->len && t->s[k] == ']';
  S->label = found ? dl_xstrndup(t->s + close + 2, k - close - 2)
                   : dl_xstrdup("");
  S->placed = found && t->map[k] - t->map[close + 1] == k - close - 1;
  S->end = found ? t->map[k] + 1 : t->map[close] + 1;
  S->insert = t->map[close + 1];
  S->repl_end = S->end;
  *resume = found ? k : close;
  if (!found)
    S->id = DL_MSG_TBM_NO_URL;
}

/* The kind of the finding, and where it and its fix go. */
static spot S_spot(const dl_doc *doc, const dl_text *t, const citation *C,
                   size_t *resume) {
  spot S = {.at = t->map[C->i], .placed = true};
  size_t close = C->close;
  if (!close)
    S_spot_unclosed(doc, t, C, &S);
  else if (S_adjacent(t, close + 1) && t->s[close + 1] == '(')
    S_spot_broken_url(t, C, &S, resume);
  else if (S_adjacent(t, close + 1) && t->s[close + 1] == '[')
    S_spot_reference(t, C, &S, resume);
  else {
    S.id = DL_MSG_TBM_NO_URL;
    S.end = S.insert = S.repl_end = t->map[close] + 1;
  }
  return S;
}

/* The finding, quoting the citation as the reader sees it. */
static dl_diag *S_report_citation(const dl_text *t, const citation *C,
                                  const dl_tbm_verdict *V, const spot *S,
                                  dl_sink *sink) {
  size_t shown = C->close + 1;
  if (!C->close && C->N.by_title)
    shown = C->title_end;
  else if (!C->close)
    for (shown = C->j; shown < C->stop && t->s[shown] != '\n';)
      shown++;
  char *quoted = dl_tbm_quote(t->s + C->i, shown - C->i);
  dl_buf also = {0};
  if (V->number_wrong)
    dl_tbm_also(&also, DL_TBM_P_NUMBER, NULL, NULL, V->post, &C->N);
  char *right = dl_tbm_right(V->post, NULL, false, V->choices, NULL,
                             "no post in the catalog has this number and "
                             "title; check them, or point --catalog at a "
                             "newer export");
  const char *extra = also.s ? also.s : "";
  dl_diag *d;
  if (S->id == DL_MSG_TBM_MISSING_DEFINITION)
    d = dl_report(sink, S->id, S->at, S->end, quoted, S->label, extra, right);
  else
    d = dl_report(sink, S->id, S->at, S->end, quoted, extra, right);
  free(quoted);
  free(also.s);
  free(right);
  return d;
}

/* The fix: the number put right, and the post's "(url)" where the spot
 * says (after a "]" for an unclosed citation). */
static void S_mend_citation(const dl_doc *doc, const dl_text *t,
                            const citation *C, const dl_tbm_post *P,
                            bool number_wrong, const spot *S, dl_diag *d) {
  dl_tbm_edits E = {0};
  if (number_wrong) {
    size_t a, z;
    if (dl_tbm_plain(doc, t->map, t->s, C->j + C->N.c.num_start,
                     C->j + C->N.c.num_end, &a, &z))
      dl_tbm_edit_add(&E, a, z, P->number);
    else
      E.impossible = true;
  }
  char *url = dl_tbm_post_url(P);
  char *dest = dl_strdup_printf(
      "%s(%s)", S->id == DL_MSG_TBM_UNCLOSED ? "]" : "", url);
  dl_tbm_edit_add(&E, S->insert, S->repl_end, dest);
  free(dest);
  free(url);
  dl_tbm_fix_attach(doc, d, &E);
}

/* The bracket at text byte i: a citation, or a title with a reference. */
static void S_check_bracket(const dl_doc *doc, const dl_block *b, size_t i,
                            size_t *resume, size_t **ends, dl_sink *sink,
                            const dl_tbm_catalog *cat) {
  const dl_text *t = &b->text;
  size_t j = i + 1;
  while (j < t->len && t->s[j] == ' ')
    j++;
  dl_tbm_cite c;
  if (j >= t->len || !dl_tbm_parse_cite(t->s + j, t->len - j, &c)) {
    S_check_title_ref(b, i, resume, sink, cat);
    return;
  }
  citation C = {.i = i, .j = j, .ends = ends};
  S_bounds(t, &C);
  S_cite_naming(t, cat, &c, &C);
  if (c.folded && !C.N.by_title)
    return; /* "[tbm 5]": a citation in lower case only with a title */
  *resume = C.close ? C.close : i;
  dl_tbm_verdict V = dl_tbm_resolve(&C.N, NULL);
  spot S = S_spot(doc, t, &C, resume);
  dl_diag *d = S_report_citation(t, &C, &V, &S, sink);
  free(S.label);
  if (d && V.post && S.placed)
    S_mend_citation(doc, t, &C, V.post, V.number_wrong, &S, d);
}

void dl_tbm_check_citations(const dl_doc *doc, const dl_block *b,
                            dl_sink *sink, const dl_tbm_catalog *cat) {
  const dl_text *t = &b->text;
  size_t *ends = NULL;
  for (size_t i = 0; i < t->len; i++) {
    const char *open = memchr(t->s + i, '[', t->len - i);
    if (!open)
      break;
    i = (size_t)(open - t->s);
    if (t->flags[i] & DL_TX_LINKISH)
      continue;
    size_t at = t->map[i], slashes = 0;
    while (at > slashes && doc->src[at - slashes - 1] == '\\')
      slashes++;
    if (doc->src[at] == '[' && slashes % 2 == 1)
      continue; /* "\[TBM ...": the writer wants the bracket */
    S_check_bracket(doc, b, i, &i, &ends, sink, cat);
  }
  free(ends);
}
