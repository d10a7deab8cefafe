/*
 * links.c: reads one link's source as cmark read it (the text's
 * brackets, an inline destination and title, or a reference label), finds
 * where cmark's position puts it, and walks a block's inlines.
 */
#include "draftlint/links.h"

#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"

/* ---- the visible text ------------------------------------------------------ */

void dl_text_view_make(const dl_block *b, size_t start, size_t end,
                      uint8_t want, uint8_t skip, dl_text_view *v) {
  *v = (dl_text_view){0};
  const dl_text *t = &b->text;
  /* the map follows the source, so the link's bytes are found by binary
   * search, not by a scan of the block for each link (a block may hold
   * thousands); where it does not (a text the aligner could not place),
   * the view comes out short and no fix relies on it */
  for (size_t i = dl_text_at(t, start); i < t->len && t->map[i] < end; i++) {
    if (t->map[i] < start || !(t->flags[i] & want) || (t->flags[i] & skip))
      continue;
    v->map = dl_xgrow(v->map, &v->mcap, v->text.len + 1, sizeof *v->map);
    v->map[v->text.len] = t->map[i];
    dl_buf_put(&v->text, t->s[i] == '\n' ? " " : t->s + i, 1);
  }
  if (!v->text.s)
    dl_buf_puts(&v->text, "");
}

/* The visible text of a link or image from the tree: cmark's inline
 * positions can be off (an autolink after a soft break), so the text
 * itself never depends on them.  `pictured`: the link also shows an image
 * or inline HTML (a thumbnail, an <img>), which readers click as they
 * would a text. */
void dl_link_text(cmark_node *node, dl_buf *b, bool *pictured) {
  for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      dl_buf_puts(b, cmark_node_get_literal(c));
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      dl_buf_puts(b, " ");
      break;
    case CMARK_NODE_IMAGE: /* alt text in a link is no link text */
    case CMARK_NODE_HTML_INLINE:
      *pictured = true;
      break;
    default:
      dl_link_text(c, b, pictured);
    }
  }
}

void dl_text_view_free(dl_text_view *v) {
  free(v->text.s);
  free(v->map);
}

/* ---- one link's source ----------------------------------------------------- */

/* Offset just past a code span opening at src[i] (a run of backticks and
 * its closing run), or i + 1 when it never closes. */
static size_t S_skip_code(const char *src, size_t i, size_t limit) {
  size_t run = 0;
  while (i + run < limit && src[i + run] == '`')
    run++;
  for (size_t j = i + run; j < limit;) {
    size_t r = 0;
    while (j + r < limit && src[j + r] == '`')
      r++;
    if (r == run)
      return j + r;
    j += r ? r : 1;
  }
  return i + run;
}

/* Reads the link (or image) that starts at src[s], within src[..limit):
 * its text brackets (escapes and code spans honoured), then an inline
 * destination and title, or a reference label. */
static bool S_link_source(const dl_doc *doc, size_t s, size_t limit,
                          bool image, const char *url, dl_link_src *L) {
  const char *src = doc->src;
  *L = (dl_link_src){.open = s + (image ? 1 : 0)};
  if (L->open >= limit || src[L->open] != '[' || (image && src[s] != '!'))
    return false;
  int depth = 0;
  size_t i = L->open + 1;
  while (i < limit) {
    if (src[i] == '\\') {
      i += 2;
      continue;
    }
    if (src[i] == '`') {
      i = S_skip_code(src, i, limit);
      continue;
    }
    if (src[i] == '[')
      depth++;
    else if (src[i] == ']' && depth-- == 0)
      break;
    i++;
  }
  if (i >= limit)
    return false;
  L->close = i;
  L->end = i + 1;
  if (i + 1 < limit && src[i + 1] == '[') { /* [text][label], [text][] */
    size_t q = i + 2;
    while (q < limit && src[q] != ']' && src[q] != '[')
      q += src[q] == '\\' ? 2 : 1;
    if (q < limit && src[q] == ']')
      L->end = q + 1;
    return true;
  }
  if (i + 1 >= limit || src[i + 1] != '(')
    return true; /* [shortcut] */
  L->inline_ = true;
  size_t p = i + 2;
  while (p < limit && strchr(" \t\r\n", src[p]))
    p++;
  L->dest_start = p;
  size_t q = p;
  if (p < limit && src[p] == '<') {
    q = p + 1;
    while (q < limit && src[q] != '>' && src[q] != '\n')
      q += src[q] == '\\' ? 2 : 1;
    if (q >= limit || src[q] != '>')
      return false;
    L->dest_end = ++q;
    L->dest_exact = strlen(url) == q - p - 2 &&
                    memcmp(src + p + 1, url, q - p - 2) == 0;
  } else {
    int parens = 0;
    for (; q < limit && (unsigned char)src[q] > ' '; q++) {
      if (src[q] == '\\' && q + 1 < limit)
        q++;
      else if (src[q] == '(')
        parens++;
      else if (src[q] == ')' && parens-- == 0)
        break;
    }
    L->dest_end = q;
    L->dest_exact = strlen(url) == q - p && memcmp(src + p, url, q - p) == 0;
  }
  /* an optional title, then the closing parenthesis */
  while (q < limit && strchr(" \t\r\n", src[q]))
    q++;
  if (q < limit && (src[q] == '"' || src[q] == '\'' || src[q] == '(')) {
    char closer = src[q] == '(' ? ')' : src[q];
    for (q++; q < limit && src[q] != closer; q++)
      if (src[q] == '\\')
        q++;
    q++;
    while (q < limit && strchr(" \t\r\n", src[q]))
      q++;
  }
  if (q >= limit || src[q] != ')')
    return false;
  L->end = q + 1;
  return true;
}

/* Where a link or image really is.  cmark places the inlines of a lazy
 * continuation line as if the line were indented like its container (a
 * list item's "- ", a quote's "> "), so when its position does not parse
 * as this very link, the start is looked for further back on the line: an
 * inline link must have this URL, a reference link this text.  Returns
 * false when no place fits (and then no fix is offered). */
bool dl_link_locate(const dl_doc *doc, const dl_block *b, cmark_node *node,
                   bool image, const char *url, const char *text, size_t *s,
                   size_t *e, dl_link_src *L) {
  dl_doc_node_range(doc, node, s, e);
  size_t line = doc->line_start[dl_doc_line_index(doc, *s)];
  for (size_t back = 0; back <= 16 && back <= *s - line; back++) {
    if (!S_link_source(doc, *s - back, b->end, image, url, L))
      continue;
    size_t n = L->close - L->open - 1;
    bool fits = L->inline_ ? L->dest_exact
                           : back == 0 || (strlen(text) == n &&
                                            memcmp(doc->src + L->open + 1,
                                                   text, n) == 0);
    if (fits) {
      *s -= back;
      *e = L->end;
      return true;
    }
  }
  return false;
}

/* Where an autolink "<url>" is, read as an inline link whose destination
 * is the URL, so that a fix can rewrite it; false where cmark's position
 * is not this autolink (no fix then). */
bool dl_link_locate_autolink(const dl_doc *doc, cmark_node *node,
                            const char *url, size_t *s, size_t *e,
                            dl_link_src *L) {
  dl_doc_node_range(doc, node, s, e);
  size_t n = strlen(url);
  if (*s + n + 2 > doc->len || doc->src[*s] != '<' ||
      memcmp(doc->src + *s + 1, url, n) != 0 || doc->src[*s + n + 1] != '>')
    return false;
  *L = (dl_link_src){.inline_ = true, .dest_start = *s + 1,
                         .dest_end = *s + 1 + n, .dest_exact = true,
                         .end = *s + n + 2};
  *e = L->end;
  return true;
}


