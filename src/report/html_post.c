/*
 * html_post.c: marks at exact source spans in cmark's HTML.
 *
 * cmark renders a tree, so marks go into a tree: a fresh copy of the
 * document's (dl_doc_parse_copy), never the one rules read.  Positions come
 * from the document's plain text (text.h), which maps every byte of every
 * text and code node of a paragraph or heading to its source offset; the
 * copy is walked in the same order as that text was built, so each text
 * node of the copy knows the offsets of its bytes without searching.
 *
 * A text node whose bytes fall in some finding's range is split where the
 * set of findings covering it changes, and each piece is wrapped in a
 * CMARK_NODE_CUSTOM_INLINE whose enter and exit strings are the marks'
 * (already escaped) HTML.  Custom nodes are the one way cmark lets a caller
 * add markup while safe mode stays on for everything that came from the
 * draft, so the draft's own raw HTML is still never passed through.
 *
 * The work is linear in the size of the document plus the number of
 * findings and their overlaps: the findings' boundaries are sorted once,
 * and a cursor follows the (non-decreasing in practice) source offsets of
 * the text, falling back to a binary search when they jump.
 */
#include "report/html_post.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/buf.h"
#include "draftlint/diag.h"
#include "draftlint/search.h"
#include "report/html_escape.h"

#define NONE SIZE_MAX

typedef struct leaf {
  cmark_node *node; /* a TEXT or CODE node of the copy */
  size_t block;     /* index into doc->blocks */
  size_t off, len;  /* its bytes in that block's text */
  bool touched;     /* it will be split */
} leaf;

/* A search of one block's leaves for the first ending after text offset t
 * (S_leaf_before). */
typedef struct leaf_search {
  const leaf *leaves;
  size_t t;
} leaf_search;

static bool S_leaf_before(const void *ctx, size_t i) {
  const leaf_search *ls = ctx;
  return ls->leaves[i].off + ls->leaves[i].len <= ls->t;
}

typedef struct spot {   /* where a mark with no text puts its badge */
  size_t mark;
  size_t leaf, pos;     /* before byte `pos` of leaf `leaf` */
} spot;

typedef struct post {
  const dl_doc *doc;
  const dl_html_mark *marks;
  size_t nmarks;
  cmark_node *root;
  leaf *leaves;
  size_t nleaves, cap_leaves;
  size_t *block_first;       /* first leaf of each text block; nblocks + 1 */
  cmark_node **block_node;   /* the copy's node of each text block */
  cmark_node **nodes;        /* every block node but the root, pre-order */
  size_t *node_start;        /* ... and where each starts (non-decreasing) */
  size_t *node_end;
  size_t nnodes, cap_nodes;
  cmark_node **swap;         /* images and raw HTML, replaced at the end */
  size_t nswap, cap_swap;
  size_t *bounds;            /* sorted distinct ends of non-empty ranges */
  size_t nbounds;
  size_t *cov_at, *cov;      /* marks covering [bounds[j], bounds[j+1]) */
  bool *covered, *badged;
  spot *spots;
  size_t nspots;
  size_t cursor;             /* last interval found */
} post;

/* ---- walking the copy in step with the document's text ---------------- */

static void S_push_node(post *p, cmark_node *node) {
  size_t start, end;
  dl_doc_node_range(p->doc, node, &start, &end);
  size_t cap = p->cap_nodes;
  p->nodes = dl_xgrow(p->nodes, &p->cap_nodes, p->nnodes + 1, sizeof *p->nodes);
  if (cap != p->cap_nodes) {
    p->node_start = dl_xrealloc(p->node_start, p->cap_nodes * sizeof(size_t));
    p->node_end = dl_xrealloc(p->node_end, p->cap_nodes * sizeof(size_t));
  }
  /* Keep starts sorted for the binary search even if a position is odd. */
  if (p->nnodes && start < p->node_start[p->nnodes - 1])
    start = p->node_start[p->nnodes - 1];
  p->nodes[p->nnodes] = node;
  p->node_start[p->nnodes] = start;
  p->node_end[p->nnodes++] = end;
}

static void S_push_swap(post *p, cmark_node *node) {
  p->swap = dl_xgrow(p->swap, &p->cap_swap, p->nswap + 1, sizeof *p->swap);
  p->swap[p->nswap++] = node;
}

/* Collects the text and code leaves of every paragraph and heading, block
 * nodes, images and raw HTML.  A block whose text does not match the
 * document's byte for byte (which would mean the two parses differ) gets
 * no leaves, so its findings fall back to badges at its end. */
static void S_collect(post *p) {
  const dl_doc *doc = p->doc;
  size_t next_block = 0, block = NONE, tpos = 0;
  bool valid = false;
  cmark_iter *it = cmark_iter_new(p->root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *node = cmark_iter_get_node(it);
    cmark_node_type type = cmark_node_get_type(node);
    bool enter = ev == CMARK_EVENT_ENTER;
    if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) {
      if (enter && next_block < doc->nblocks) {
        block = next_block++;
        p->block_first[block] = p->nleaves;
        p->block_node[block] = node;
        tpos = 0;
        valid = true;
      } else if (!enter && block != NONE) {
        if (!valid || tpos != doc->blocks[block].text.len)
          p->nleaves = p->block_first[block];
        p->block_first[block + 1] = p->nleaves;
        block = NONE;
      }
    }
    if (enter && type != CMARK_NODE_DOCUMENT &&
        type >= CMARK_NODE_FIRST_BLOCK && type <= CMARK_NODE_LAST_BLOCK)
      S_push_node(p, node);
    if (enter && (type == CMARK_NODE_IMAGE || type == CMARK_NODE_HTML_INLINE ||
                  type == CMARK_NODE_HTML_BLOCK))
      S_push_swap(p, node);
    if (block == NONE || !valid || !enter)
      continue;
    const dl_text *t = &doc->blocks[block].text;
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      const char *lit = cmark_node_get_literal(node);
      size_t n = lit ? strlen(lit) : 0;
      if (tpos + n > t->len || memcmp(t->s + tpos, lit, n) != 0) {
        valid = false;
        continue;
      }
      if (n) {
        p->leaves = dl_xgrow(p->leaves, &p->cap_leaves, p->nleaves + 1,
                             sizeof *p->leaves);
        p->leaves[p->nleaves++] = (leaf){node, block, tpos, n, false};
      }
      tpos += n;
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      if (tpos < t->len && t->s[tpos] == '\n')
        tpos++;
      else
        valid = false;
    }
  }
  cmark_iter_free(it);
  for (; next_block < doc->nblocks; next_block++) /* never parsed alike */
    p->block_first[next_block + 1] = p->block_first[next_block] = p->nleaves;
}

/* ---- which marks cover which source offsets --------------------------- */

static int S_cmp_size(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* Index of the first element >= x in sorted a[0..n). */
static size_t S_lower_bound(const size_t *a, size_t n, size_t x) {
  return dl_lower_bound(a, n, x, false);
}

static bool S_nonempty(const dl_html_mark *m) { return m->start < m->end; }

static void S_build_cover(post *p) {
  size_t n = 0;
  p->bounds = dl_xcalloc(2 * p->nmarks + 1, sizeof *p->bounds);
  for (size_t k = 0; k < p->nmarks; k++)
    if (S_nonempty(&p->marks[k])) {
      p->bounds[n++] = p->marks[k].start;
      p->bounds[n++] = p->marks[k].end;
    }
  qsort(p->bounds, n, sizeof *p->bounds, S_cmp_size);
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (m == 0 || p->bounds[m - 1] != p->bounds[i])
      p->bounds[m++] = p->bounds[i];
  p->nbounds = m;
  p->cov_at = dl_xcalloc(m + 1, sizeof *p->cov_at);
  for (int pass = 0; pass < 2; pass++) { /* count, then fill */
    size_t *fill = pass ? dl_xcalloc(m + 1, sizeof *fill) : NULL;
    for (size_t k = 0; k < p->nmarks; k++) {
      if (!S_nonempty(&p->marks[k]))
        continue;
      size_t js = S_lower_bound(p->bounds, m, p->marks[k].start);
      size_t je = S_lower_bound(p->bounds, m, p->marks[k].end);
      for (size_t j = js; j < je; j++) {
        if (pass)
          p->cov[p->cov_at[j] + fill[j]++] = k;
        else
          p->cov_at[j + 1]++;
      }
    }
    if (!pass) {
      for (size_t j = 0; j < m; j++)
        p->cov_at[j + 1] += p->cov_at[j];
      p->cov = dl_xcalloc(p->cov_at[m] + 1, sizeof *p->cov);
    }
    free(fill);
  }
}

/* The interval holding source offset x, or NONE outside every range. */
static size_t S_interval(post *p, size_t x) {
  size_t m = p->nbounds;
  if (m < 2 || x < p->bounds[0] || x >= p->bounds[m - 1])
    return NONE;
  size_t j = p->cursor;
  if (j + 1 < m && p->bounds[j] <= x && x < p->bounds[j + 1])
    return j;
  if (j + 2 < m && p->bounds[j + 1] <= x && x < p->bounds[j + 2])
    return p->cursor = j + 1;
  return p->cursor = S_lower_bound(p->bounds, m, x + 1) - 1;
}

static size_t S_cov_len(const post *p, size_t j) {
  return j == NONE ? 0 : p->cov_at[j + 1] - p->cov_at[j];
}

static bool S_same_cover(const post *p, size_t a, size_t b) {
  size_t n = S_cov_len(p, a);
  if (a == b || (n == 0 && S_cov_len(p, b) == 0))
    return true;
  return n == S_cov_len(p, b) &&
         memcmp(p->cov + p->cov_at[a], p->cov + p->cov_at[b],
                n * sizeof *p->cov) == 0;
}

static const uint32_t *S_map(const post *p, const leaf *l) {
  return p->doc->blocks[l->block].text.map + l->off;
}

static bool S_continuation(const char *s, size_t i) {
  return ((unsigned char)s[i] & 0xC0) == 0x80;
}

/* Marks which leaves hold covered text and which marks have text. */
static void S_sweep(post *p) {
  for (size_t i = 0; i < p->nleaves; i++) {
    leaf *l = &p->leaves[i];
    const uint32_t *map = S_map(p, l);
    size_t prev = NONE;
    for (size_t b = 0; b < l->len; b++) {
      size_t j = S_interval(p, map[b]);
      if (j == prev || S_cov_len(p, j) == 0)
        continue;
      prev = j;
      l->touched = true;
      for (size_t c = p->cov_at[j]; c < p->cov_at[j + 1]; c++)
        p->covered[p->cov[c]] = true;
    }
  }
}

/* ---- marks with no text ------------------------------------------------ */

/* The text block whose source range holds `at` (its end counts, for a
 * finding just after the last character), or NONE. */
static size_t S_text_block(const dl_doc *doc, size_t at) {
  size_t b = dl_doc_block_at(doc, at);
  return b == DL_NO_BLOCK ? NONE : b;
}

/* First index of text t whose source offset is >= at (t->len if none),
 * moved past continuation bytes to a character's start. */
static size_t S_text_index(const dl_text *t, size_t at) {
  size_t lo = dl_text_at(t, at);
  while (lo < t->len && S_continuation(t->s, lo))
    lo++;
  return lo;
}

static cmark_node *S_custom(cmark_node_type type, const char *enter,
                            const char *exit) {
  cmark_node *c = cmark_node_new(type);
  cmark_node_set_on_enter(c, enter);
  cmark_node_set_on_exit(c, exit);
  return c;
}

/* A mark with no text: its badge and an empty piece. */
static char *S_empty_piece(const dl_html_mark *m) {
  return dl_strdup_printf("%s%s%s", m->badge, m->open, m->close);
}

/* Outside paragraphs and headings (a code block, raw HTML, front matter,
 * a link reference definition, list markers): a line of its own before the
 * block that holds or follows the offset. */
static void S_place_block(post *p, size_t k) {
  size_t at = p->marks[k].start;
  char *piece = S_empty_piece(&p->marks[k]);
  char *enter = dl_strdup_printf("<p class=\"dl-gap\">%s</p>\n", piece);
  cmark_node *c = S_custom(CMARK_NODE_CUSTOM_BLOCK, enter, "");
  free(enter);
  free(piece);
  size_t i = S_lower_bound(p->node_start, p->nnodes, at + 1); /* 1st after */
  cmark_node *before = NULL;
  if (i > 0 && p->node_end[i - 1] > at) {
    cmark_node_type t = cmark_node_get_type(p->nodes[i - 1]);
    if (t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_HTML_BLOCK ||
        t == CMARK_NODE_THEMATIC_BREAK)
      before = p->nodes[i - 1];
  }
  if (!before && i < p->nnodes)
    before = p->nodes[i];
  if (before && cmark_node_get_type(before) == CMARK_NODE_ITEM &&
      cmark_node_prepend_child(before, c))
    return;
  if (before && cmark_node_insert_before(before, c))
    return;
  cmark_node_append_child(p->root, c);
}

static int S_cmp_spot(const void *a, const void *b) {
  const spot *x = a, *y = b;
  if (x->leaf != y->leaf)
    return x->leaf < y->leaf ? -1 : 1;
  if (x->pos != y->pos)
    return x->pos < y->pos ? -1 : 1;
  return x->mark < y->mark ? -1 : x->mark > y->mark;
}

/* Finds a place for every mark that covers no text: inside its paragraph
 * or heading at the first character from its offset on, or on a line of
 * its own. */
static void S_place_empty(post *p) {
  const dl_doc *doc = p->doc;
  p->spots = dl_xcalloc(p->nmarks + 1, sizeof *p->spots);
  for (size_t k = 0; k < p->nmarks; k++) {
    if (p->covered[k])
      continue;
    p->badged[k] = true;
    size_t at = p->marks[k].start;
    size_t b = S_text_block(doc, at);
    if (b == NONE || !p->block_node[b]) {
      S_place_block(p, k);
      continue;
    }
    size_t t = S_text_index(&doc->blocks[b].text, at);
    leaf_search ls = {p->leaves + p->block_first[b], t};
    size_t lo = p->block_first[b] + /* first leaf of the block ending after t */
                dl_partition_point(p->block_first[b + 1] - p->block_first[b],
                                   S_leaf_before, &ls);
    if (lo < p->block_first[b + 1]) {
      leaf *l = &p->leaves[lo];
      l->touched = true;
      p->spots[p->nspots++] = (spot){k, lo, t > l->off ? t - l->off : 0};
    } else { /* after the last character of the block */
      char *piece = S_empty_piece(&p->marks[k]);
      cmark_node_append_child(p->block_node[b],
                              S_custom(CMARK_NODE_CUSTOM_INLINE, piece, ""));
      free(piece);
    }
  }
  qsort(p->spots, p->nspots, sizeof *p->spots, S_cmp_spot);
}

/* ---- splitting leaves --------------------------------------------------- */

/* The link whose visible text starts with `node`, if any.  A badge is
 * focusable and one inside a link would follow the link when clicked, so a
 * mark that starts a link's text has its badge just before the link; one
 * that starts further in keeps its badge inside, next to its text. */
static cmark_node *S_link_starting_with(cmark_node *node) {
  for (cmark_node *up = cmark_node_parent(node); up;
       up = cmark_node_parent(up)) {
    cmark_node_type t = cmark_node_get_type(up);
    if (t >= CMARK_NODE_FIRST_BLOCK && t <= CMARK_NODE_LAST_BLOCK)
      break;
    if (t != CMARK_NODE_LINK)
      continue;
    cmark_node *first = up;
    while (cmark_node_first_child(first))
      first = cmark_node_first_child(first);
    return first == node ? up : NULL;
  }
  return NULL;
}

/* One piece of a split leaf: a new node of the leaf's type with bytes
 * lit[from..to), wrapped in the marks of interval j (outermost first, the
 * badge of each mark before its first piece, or before the link that this
 * piece starts). */
static void S_piece(post *p, cmark_node *old, const char *lit, size_t from,
                    size_t to, size_t j) {
  cmark_node *text = cmark_node_new(cmark_node_get_type(old));
  char *bytes = dl_xstrndup(lit + from, to - from);
  cmark_node_set_literal(text, bytes);
  free(bytes);
  if (S_cov_len(p, j) == 0) {
    cmark_node_insert_before(old, text);
    return;
  }
  dl_buf enter = {0}, exit = {0};
  dl_buf_puts(&enter, "");
  dl_buf_puts(&exit, "");
  cmark_node *link = from == 0 ? S_link_starting_with(old) : NULL;
  for (size_t c = p->cov_at[j]; c < p->cov_at[j + 1]; c++) {
    const dl_html_mark *m = &p->marks[p->cov[c]];
    if (!p->badged[p->cov[c]]) {
      p->badged[p->cov[c]] = true;
      if (link)
        cmark_node_insert_before(
            link, S_custom(CMARK_NODE_CUSTOM_INLINE, m->badge, ""));
      else
        dl_buf_puts(&enter, m->badge);
    }
    dl_buf_puts(&enter, m->open);
  }
  for (size_t c = p->cov_at[j + 1]; c > p->cov_at[j]; c--)
    dl_buf_puts(&exit, p->marks[p->cov[c - 1]].close);
  cmark_node *wrap = S_custom(CMARK_NODE_CUSTOM_INLINE, enter.s, exit.s);
  free(enter.s);
  free(exit.s);
  cmark_node_insert_before(old, wrap);
  cmark_node_append_child(wrap, text);
}

static void S_split(post *p, size_t index, size_t *next_spot) {
  leaf *l = &p->leaves[index];
  const uint32_t *map = S_map(p, l);
  const char *lit = cmark_node_get_literal(l->node);
  size_t pos = 0, s = *next_spot;
  for (;;) {
    while (s < p->nspots && p->spots[s].leaf == index &&
           p->spots[s].pos <= pos) {
      char *piece = S_empty_piece(&p->marks[p->spots[s++].mark]);
      cmark_node_insert_before(l->node,
                               S_custom(CMARK_NODE_CUSTOM_INLINE, piece, ""));
      free(piece);
    }
    if (pos >= l->len)
      break;
    size_t j = S_interval(p, map[pos]), q = pos + 1;
    for (; q < l->len; q++) {
      if (S_continuation(lit, q))
        continue;
      if (s < p->nspots && p->spots[s].leaf == index && p->spots[s].pos <= q)
        break;
      if (!S_same_cover(p, j, S_interval(p, map[q])))
        break;
    }
    S_piece(p, l->node, lit, pos, q, j);
    pos = q;
  }
  *next_spot = s;
  cmark_node_free(l->node); /* unlinks it; `lit` dies with it */
  l->node = NULL;
}

/* ---- images and raw HTML ------------------------------------------------ */

/* An image would be fetched from the network: show its alt text (marks
 * included) and address in a box instead.  Raw HTML is shown as code. */
static void S_replace(cmark_node *node) {
  dl_html_buf enter, exit;
  dl_html_buf_open(&enter);
  dl_html_buf_open(&exit);
  cmark_node_type type = cmark_node_get_type(node), custom;
  if (type == CMARK_NODE_IMAGE) {
    const char *url = cmark_node_get_url(node);
    fputs("<span class=\"dl-img\" title=\"image (not loaded): ", enter.f);
    dl_html_escape_str(enter.f, url);
    fputs(cmark_node_first_child(node) ? "\"><span class=\"dl-img-l\">image"
                                         "</span> "
                                       : "\"><span class=\"dl-img-l\">image"
                                         "</span>",
          enter.f);
    if (url && *url) {
      fputs(" <span class=\"dl-img-u\">", exit.f);
      dl_html_escape_clip(exit.f, url, strlen(url), 80);
      fputs("</span>", exit.f);
    }
    fputs("</span>", exit.f);
    custom = CMARK_NODE_CUSTOM_INLINE;
  } else {
    const char *lit = cmark_node_get_literal(node);
    bool block = type == CMARK_NODE_HTML_BLOCK;
    fputs(block ? "<pre class=\"dl-raw\" title=\"raw HTML, shown as written "
                  "and not run\"><code>"
                : "<code class=\"dl-raw\" title=\"raw HTML, shown as written "
                  "and not run\">",
          enter.f);
    size_t n = lit ? strlen(lit) : 0;
    if (block)
      while (n && (lit[n - 1] == '\n' || lit[n - 1] == '\r'))
        n--;
    dl_html_escape(enter.f, lit ? lit : "", n);
    fputs(block ? "</code></pre>\n" : "</code>", enter.f);
    custom = block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE;
  }
  char *on_enter = dl_html_buf_take(&enter, NULL);
  char *on_exit = dl_html_buf_take(&exit, NULL);
  cmark_node *c = S_custom(custom, on_enter, on_exit);
  free(on_enter);
  free(on_exit);
  cmark_node_insert_before(node, c);
  cmark_node *child;
  while ((child = cmark_node_first_child(node)))
    cmark_node_append_child(c, child);
  cmark_node_free(node);
}

char *dl_html_post(const dl_doc *doc, const dl_html_mark *marks, size_t n) {
  post p = {.doc = doc, .marks = marks, .nmarks = n};
  p.root = dl_doc_parse_copy(doc);
  p.block_first = dl_xcalloc(doc->nblocks + 1, sizeof *p.block_first);
  p.block_node = dl_xcalloc(doc->nblocks + 1, sizeof *p.block_node);
  p.covered = dl_xcalloc(n + 1, sizeof *p.covered);
  p.badged = dl_xcalloc(n + 1, sizeof *p.badged);
  S_collect(&p);
  S_build_cover(&p);
  S_sweep(&p);
  S_place_empty(&p);
  size_t next_spot = 0;
  for (size_t i = 0; i < p.nleaves; i++)
    if (p.leaves[i].touched)
      S_split(&p, i, &next_spot);
  for (size_t i = 0; i < p.nswap; i++)
    S_replace(p.swap[i]);
  char *html = cmark_render_html(p.root, CMARK_OPT_DEFAULT);
  cmark_node_free(p.root);
  free(p.leaves);
  free(p.block_first);
  free(p.block_node);
  free(p.nodes);
  free(p.node_start);
  free(p.node_end);
  free(p.swap);
  free(p.bounds);
  free(p.cov_at);
  free(p.cov);
  free(p.covered);
  free(p.badged);
  free(p.spots);
  return html;
}
