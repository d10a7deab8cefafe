/*
 * tbm_link/definitions.c: finds the definitions of reference links and
 * moves a fix onto one when every link that uses it agrees (see
 * definitions.h).
 */
#include "tbm_link/definitions.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/search.h"
#include "draftlint/buf.h"
#include "draftlint/text.h"

/* The block after `n` below `top`, entering only containers: a
 * definition is never inside a paragraph, heading or code block. */
static cmark_node *S_next_block(cmark_node *n, cmark_node *top) {
  cmark_node_type t = cmark_node_get_type(n);
  cmark_node *child = t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_LIST ||
                              t == CMARK_NODE_ITEM
                          ? cmark_node_first_child(n)
                          : NULL;
  return child ? child : dl_node_after(n, top);
}

/* Every "[label]:" in the source, counted by label, and the leaf blocks.
 * Counting them anywhere (in code, mid-paragraph) errs on the safe side:
 * a label written twice is never edited. */
static void S_scan_defs(const dl_doc *doc, dl_tbm_refs *R) {
  const char *src = doc->src;
  R->scanned = true;
  dl_strmap_init(&R->defs);
  for (size_t i = doc->body; i < doc->len; i++) {
    if (src[i] != '[')
      continue;
    size_t k = i + 1;
    while (k < doc->len && src[k] != ']' && src[k] != '[' && k - i < 1000)
      k += src[k] == '\\' ? 2 : 1;
    if (k + 1 >= doc->len || src[k] != ']' || src[k + 1] != ':')
      continue;
    char *key = dl_text_key(src + i + 1, k - i - 1);
    bool added;
    dl_strmap_entry *e = dl_strmap_put(&R->defs, key, strlen(key), &added);
    if (added)
      e->value = dl_xcalloc(1, sizeof(dl_tbm_refdef));
    dl_tbm_refdef *D = e->value;
    if (D->count++ == 0) {
      D->at = i;
      D->close = k;
    }
    free(key);
    i = k;
  }
  for (cmark_node *n = cmark_node_first_child(doc->root); n;
       n = S_next_block(n, doc->root)) {
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_LIST ||
        t == CMARK_NODE_ITEM)
      continue;
    R->leaf = dl_xgrow(R->leaf, &R->leafcap, 2 * R->nleaf + 2, sizeof *R->leaf);
    dl_doc_node_range(doc, n, &R->leaf[2 * R->nleaf],
                      &R->leaf[2 * R->nleaf + 1]);
    R->nleaf++;
  }
}

/* Is src[at] inside a leaf block (leaves come in document order)? */
typedef struct leaf_search {
  const dl_tbm_refs *R;
  size_t at;
} leaf_search;

static bool S_leaf_starts_by(const void *ctx, size_t i) {
  const leaf_search *ls = ctx;
  return ls->R->leaf[2 * i] <= ls->at;
}

static bool S_in_leaf(const dl_tbm_refs *R, size_t at) {
  leaf_search ls = {R, at};
  size_t after = dl_partition_point(R->nleaf, S_leaf_starts_by, &ls);
  return after > 0 && at < R->leaf[2 * (after - 1) + 1];
}

/* Is D a definition line as written: only spaces and a quote's '>'
 * before it, outside every leaf block, its destination on its line or
 * the next, then a space or the end?  Finds the destination. */
static bool S_def_line(const dl_doc *doc, const dl_tbm_refs *R,
                       dl_tbm_refdef *D) {
  if (D->checked)
    return D->checked > 0;
  D->checked = -1;
  const char *src = doc->src;
  size_t len = doc->len;
  for (size_t i = doc->line_start[dl_doc_line_index(doc, D->at)]; i < D->at; i++)
    if (src[i] != ' ' && src[i] != '\t' && src[i] != '>')
      return false;
  if (S_in_leaf(R, D->at))
    return false;
  size_t p = D->close + 2;
  while (p < len && (src[p] == ' ' || src[p] == '\t'))
    p++;
  if (p < len && src[p] == '\r')
    p++;
  if (p < len && src[p] == '\n')
    p++;
  while (p < len && (src[p] == ' ' || src[p] == '\t'))
    p++;
  size_t q = p;
  if (p < len && src[p] == '<') {
    for (q = p + 1; q < len && src[q] != '>' && src[q] != '\n'; q++)
      ;
    if (q >= len || src[q] != '>')
      return false;
    D->dest_start = p + 1;
    D->dest_end = q++;
  } else {
    while (q < len && (unsigned char)src[q] > ' ')
      q++;
    if (q == p)
      return false;
    D->dest_start = p;
    D->dest_end = q;
  }
  if (q < len && !isspace((unsigned char)src[q]))
    return false;
  D->checked = 1;
  return true;
}

void dl_tbm_refs_note(const dl_doc *doc, dl_sink *sink, const dl_diag *d,
                      const dl_link_src *L, const char *url,
                      const char *right_url, dl_tbm_refs *R) {
  size_t from = L->close + 2, to = L->end - 1; /* [text][label] */
  if (to <= from) {                            /* [text][], [text] */
    from = L->open + 1;
    to = L->close;
  }
  /* a wrapped label may hold a quote's "> ", which cmark's label has not */
  if (memchr(doc->src + from, '\n', to - from) ||
      memchr(doc->src + from, '\r', to - from))
    return;
  if (!R->scanned)
    S_scan_defs(doc, R);
  char *key = dl_text_key(doc->src + from, to - from);
  dl_tbm_refdef *D = dl_strmap_get(&R->defs, key, strlen(key));
  free(key);
  if (!D || D->count != 1 || !S_def_line(doc, R, D) ||
      strlen(url) != D->dest_end - D->dest_start ||
      memcmp(doc->src + D->dest_start, url, D->dest_end - D->dest_start) != 0)
    return;
  R->use = dl_xgrow(R->use, &R->cap, R->n + 1, sizeof *R->use);
  R->use[R->n++] = (dl_tbm_ref_use){(size_t)(d - sink->list->items), D,
                                    dl_xstrdup(url), dl_xstrdup(right_url)};
}

static int S_use_order(const void *a, const void *b) {
  const dl_tbm_ref_use *x = a, *y = b;
  return x->def->at < y->def->at ? -1 : x->def->at > y->def->at ? 1 : 0;
}

/* For each URL a noted finding's definition holds: how many findings hold
 * it (`uses`), and how many links of the document may use a definition
 * holding it (`users`): every link and image with that URL but the inline
 * ones and autolinks (a link that cannot be placed counts: it may be a
 * reference).  Counted in one walk of the document: a walk per definition
 * is quadratic in a draft of many references (issue 19). */
typedef struct tally {
  size_t uses, users;
} tally;

static bool S_may_use(const dl_doc *doc, const dl_block *b, cmark_node *n,
                      const char *u) {
  dl_buf text = {0};
  bool pictured = false, image = cmark_node_get_type(n) == CMARK_NODE_IMAGE;
  dl_link_text(n, &text, &pictured);
  size_t s, e;
  dl_link_src L;
  bool placed = dl_link_locate(doc, b, n, image, u, text.s ? text.s : "", &s,
                               &e, &L);
  if (!placed && !image && text.s && strcmp(text.s, u) == 0)
    placed = dl_link_locate_autolink(doc, n, u, &s, &e, &L);
  free(text.s);
  return !placed || !L.inline_;
}

static void S_tally(const dl_doc *doc, const dl_tbm_refs *R,
                    dl_strmap *by_url) {
  dl_strmap_init(by_url);
  for (size_t k = 0; k < R->n; k++) {
    bool added;
    dl_strmap_entry *e =
        dl_strmap_put(by_url, R->use[k].url, strlen(R->use[k].url), &added);
    if (added)
      e->value = dl_xcalloc(1, sizeof(tally));
    ((tally *)e->value)->uses++;
  }
  for (size_t bi = 0; bi < doc->nblocks; bi++) {
    const dl_block *b = &doc->blocks[bi];
    for (cmark_node *n = cmark_node_first_child(b->node); n;
         n = dl_inline_next(n, b->node)) {
      cmark_node_type t = cmark_node_get_type(n);
      const char *u = t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE
                          ? cmark_node_get_url(n)
                          : NULL;
      tally *T = u ? dl_strmap_get(by_url, u, strlen(u)) : NULL;
      if (T)
        T->users += S_may_use(doc, b, n, u);
    }
  }
}

static void S_tally_free(dl_strmap *by_url) {
  for (size_t i = 0; i < by_url->cap; i++)
    if (by_url->slots[i].key)
      free(by_url->slots[i].value);
  dl_strmap_free(by_url);
}

void dl_tbm_refs_settle(const dl_doc *doc, dl_sink *sink, dl_tbm_refs *R) {
  if (!R->n)
    return;
  qsort(R->use, R->n, sizeof *R->use, S_use_order);
  dl_strmap by_url;
  S_tally(doc, R, &by_url);
  for (size_t g = 0, h; g < R->n; g = h) {
    bool agree = true;
    for (h = g + 1; h < R->n && R->use[h].def == R->use[g].def; h++)
      agree &= strcmp(R->use[h].right_url, R->use[g].right_url) == 0;
    /* every link that may use it is one of these findings: those of
     * other definitions holding the same URL are counted too */
    const tally *T =
        dl_strmap_get(&by_url, R->use[g].url, strlen(R->use[g].url));
    if (!agree || T->users != T->uses)
      continue;
    const dl_tbm_refdef *D = R->use[g].def;
    for (size_t k = g; k < h; k++)
      dl_diag_set_fix(&sink->list->items[R->use[k].diag], D->dest_start,
                      D->dest_end, R->use[k].right_url);
  }
  S_tally_free(&by_url);
}

void dl_tbm_refs_free(dl_tbm_refs *R) {
  for (size_t i = 0; i < R->n; i++) {
    free(R->use[i].url);
    free(R->use[i].right_url);
  }
  free(R->use);
  free(R->leaf);
  if (!R->scanned)
    return;
  for (size_t i = 0; i < R->defs.cap; i++)
    if (R->defs.slots[i].key)
      free(R->defs.slots[i].value);
  dl_strmap_free(&R->defs);
}
