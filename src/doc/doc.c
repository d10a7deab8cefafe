/*
 * doc.c: the document model.  One cmark parse per file, a table of line
 * starts that agrees with CommonMark's idea of a line ending (LF, CRLF or a
 * lone CR), YAML, TOML or JSON front matter and a BOM skipped without
 * shifting positions,
 * and the plain text of every paragraph and heading (plaintext.c).
 */
#include "draftlint/doc.h"

#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/search.h"
#include "doc/lines.h"
#include "doc/plaintext.h"
#include "draftlint/directive.h"

/* Line starts: a line ends at "\n", "\r\n" or a lone "\r" (lines.c). */
static void S_build_lines(dl_doc *doc) {
  dl_lines L;
  dl_lines_build(&L, doc->src, doc->len);
  doc->line_start = L.start; /* with the end of the bytes after the last */
  doc->nlines = L.n;
}

/* Length of line `index` up to (not including) its line ending. */
static size_t S_line_length(const dl_doc *doc, size_t index) {
  size_t start = doc->line_start[index];
  size_t end = index + 1 < doc->nlines ? doc->line_start[index + 1] : doc->len;
  while (end > start && (doc->src[end - 1] == '\n' || doc->src[end - 1] == '\r'))
    end--;
  return end - start;
}

static bool S_line_is(const dl_doc *doc, size_t index, const char *marker) {
  const char *s = doc->src + doc->line_start[index];
  size_t n = S_line_length(doc, index), m = strlen(marker);
  if (index == 0) { /* the BOM is not part of the marker line */
    s += doc->bom;
    n -= doc->bom;
  }
  if (n < m || memcmp(s, marker, m) != 0)
    return false;
  for (size_t i = m; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t')
      return false;
  return true;
}

/* Front matter, by its first line: YAML ("---", closed by "---" or
 * "..."), TOML ("+++", Hugo and Zola) or JSON ("{", closed by a "}" line,
 * Hugo).  An unclosed block is not front matter: cmark reads it as
 * Markdown. */
static const struct {
  const char *open, *close, *close2;
} S_front_matter[] = {
    {"---", "---", "..."}, {"+++", "+++", NULL}, {"{", "}", NULL}};

static void S_skip_front_matter(dl_doc *doc) {
  size_t k = 0, n = sizeof S_front_matter / sizeof *S_front_matter;
  while (k < n && !S_line_is(doc, 0, S_front_matter[k].open))
    k++;
  if (k == n)
    return;
  const char *close = S_front_matter[k].close, *close2 = S_front_matter[k].close2;
  for (size_t i = 1; i < doc->nlines; i++) {
    if (S_line_is(doc, i, close) || (close2 && S_line_is(doc, i, close2))) {
      if (i + 1 < doc->nlines) {
        doc->body_line = i + 1;
        doc->body = doc->line_start[i + 1];
      } else {
        doc->body_line = i;
        doc->body = doc->len;
      }
      return;
    }
  }
  doc->front_matter_unclosed = close;
}

static void S_collect_blocks(dl_doc *doc) {
  size_t cap = 0;
  cmark_iter *it = cmark_iter_new(doc->root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *node = cmark_iter_get_node(it);
    cmark_node_type type = cmark_node_get_type(node);
    if (ev != CMARK_EVENT_ENTER ||
        (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING))
      continue;
    doc->blocks = dl_xgrow(doc->blocks, &cap, doc->nblocks + 1,
                           sizeof *doc->blocks);
    dl_block *b = &doc->blocks[doc->nblocks++];
    *b = (dl_block){.node = node, .type = type};
    if (type == CMARK_NODE_HEADING)
      b->level = cmark_node_get_heading_level(node);
    dl_doc_node_range(doc, node, &b->start, &b->end);
    dl_plaintext_build(doc, it, node, b->start, b->end, &b->text);
  }
  cmark_iter_free(it);
}

dl_doc *dl_doc_new(const char *path, char *src, size_t len) {
  return dl_doc_new_with(path, src, len, NULL);
}

dl_doc *dl_doc_new_with(const char *path, char *src, size_t len,
                        const dl_templates *t) {
  dl_doc *doc = dl_xcalloc(1, sizeof *doc);
  doc->path = path;
  doc->src = src;
  doc->len = len;
  src[len] = '\0';
  if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
    doc->bom = doc->body = 3;
  S_build_lines(doc);
  S_skip_front_matter(doc);
  doc->prose = dl_templates_mask(t, src, doc->body, len);
  doc->root = dl_doc_parse_copy(doc);
  S_collect_blocks(doc);
  return doc;
}

cmark_node *dl_doc_parse_copy(const dl_doc *doc) {
  return cmark_parse_document(dl_doc_prose(doc) + doc->body,
                              doc->len - doc->body,
                              CMARK_OPT_SOURCEPOS);
}

void dl_doc_free(dl_doc *doc) {
  if (!doc)
    return;
  for (size_t i = 0; i < doc->nblocks; i++)
    dl_text_free(&doc->blocks[i].text);
  free(doc->blocks);
  free(doc->sentences);
  dl_directives_free(doc->directives, doc->ndirectives);
  cmark_node_free(doc->root);
  free(doc->line_start);
  free(doc->shown_line);
  free(doc->cp_marks);
  free(doc->src);
  dl_doc_free(doc->before);
  free(doc->prose);
  free(doc);
}

size_t dl_doc_offset(const dl_doc *doc, int line, int column) {
  if (line < 1)
    return doc->body;
  size_t index = doc->body_line + (size_t)line - 1;
  if (index >= doc->nlines)
    return doc->len;
  size_t base = index == doc->body_line ? doc->body : doc->line_start[index];
  size_t offset = base + (size_t)(column > 1 ? column - 1 : 0);
  return offset > doc->len ? doc->len : offset;
}

/* Is the rest of the line from `at` blank, or a hard break's backslash? */
static bool S_rest_blank(const dl_doc *doc, size_t at) {
  for (; at < doc->len && doc->src[at] != '\n' && doc->src[at] != '\r'; at++)
    if (doc->src[at] != ' ' && doc->src[at] != '\t' &&
        !(doc->src[at] == '\\' && (at + 1 == doc->len ||
                                    doc->src[at + 1] == '\n' ||
                                    doc->src[at + 1] == '\r')))
      return false;
  return true;
}

/* The line a link or image starts on.  cmark 0.30 gives it the line of its
 * closing bracket (handle_close_bracket sets start_line to the subject's
 * current line) but the column of its '[' (or '!'), which is on an earlier
 * line when the text wraps.  Its first child with a position (a text, code,
 * emphasis) is on the opening line after the opener, or on the next line
 * with nothing but a line break between them; with no such child (empty
 * text, a line break alone) the closing line plays its part.  So the
 * opening line is that line, or the one above when the opener ends it.
 * Where neither fits (a lazy continuation line shifts cmark's columns),
 * the child's line is still nearer than cmark's. */
static int S_opening_line(const dl_doc *doc, cmark_node *node, int column) {
  int line = cmark_node_get_start_line(node), col = 0;
  cmark_node *c = cmark_node_first_child(node);
  while (c && cmark_node_get_start_line(c) <= 0)
    c = cmark_node_next(c);
  if (c && (cmark_node_get_type(c) == CMARK_NODE_LINK ||
            cmark_node_get_type(c) == CMARK_NODE_IMAGE))
    return line; /* an image's alt text opening with a link: as cmark says */
  if (c && cmark_node_get_start_line(c) <= line) {
    line = cmark_node_get_start_line(c);
    col = cmark_node_get_start_column(c);
  }
  cmark_node *block = cmark_node_parent(node);
  while (block && cmark_node_get_type(block) >= CMARK_NODE_FIRST_INLINE)
    block = cmark_node_parent(block);
  int top = block ? cmark_node_get_start_line(block) : 1;
  bool image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
  for (int l = line; l >= 1 && l >= top && l >= line - 1; l--) {
    size_t at = dl_doc_offset(doc, l, column);
    bool fits = at < doc->len && doc->src[at] == (image ? '!' : '[') &&
                dl_doc_line_index(doc, at) == doc->body_line + (size_t)l - 1;
    if (fits && l == line && (!col || column < col))
      return l;
    if (fits && l < line && S_rest_blank(doc, at + (image ? 2 : 1)))
      return l;
  }
  return line;
}

void dl_doc_node_range(const dl_doc *doc, cmark_node *node, size_t *start,
                       size_t *end) {
  int line = cmark_node_get_start_line(node);
  int column = cmark_node_get_start_column(node);
  cmark_node_type type = cmark_node_get_type(node);
  if (line > 0 && (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE))
    line = S_opening_line(doc, node, column);
  *start = dl_doc_offset(doc, line, column);
  int end_line = cmark_node_get_end_line(node);
  int end_col = cmark_node_get_end_column(node);
  /* cmark's end column is inclusive; 0 means "before the first byte". */
  *end = end_col > 0 ? dl_doc_offset(doc, end_line, end_col) + 1
                     : dl_doc_offset(doc, end_line, 1);
  if (*end > doc->len)
    *end = doc->len;
  if (*end < *start)
    *end = *start;
}

typedef struct block_search {
  const dl_doc *doc;
  size_t offset;
} block_search;

static bool S_block_starts_by(const void *ctx, size_t i) {
  const block_search *bs = ctx;
  return bs->doc->blocks[i].start <= bs->offset;
}

size_t dl_doc_block_at(const dl_doc *doc, size_t offset) {
  block_search bs = {doc, offset};
  size_t after = dl_partition_point(doc->nblocks, S_block_starts_by, &bs);
  if (after == 0 || offset > doc->blocks[after - 1].end)
    return DL_NO_BLOCK;
  return after - 1;
}

size_t dl_doc_line_index(const dl_doc *doc, size_t offset) {
  dl_lines L = {doc->line_start, doc->nlines};
  return dl_lines_find(&L, offset);
}

/* Columns count code points from the line start.  Counting them for every
 * finding would cost the line's length each time: 100,000 findings on a
 * 1 MB line is quadratic.  Past DL_CP_STEP bytes, the count comes from a
 * table of code points before every DL_CP_STEP-th byte, built on the first
 * such call (a cache, not a change: one document is located by one
 * thread). */
#define DL_CP_STEP 4096

static size_t S_code_points_before(const dl_doc *doc, size_t offset) {
  dl_doc *d = (dl_doc *)doc;
  if (!d->cp_marks) {
    d->ncp_marks = d->len / DL_CP_STEP + 1;
    d->cp_marks = dl_xmalloc(d->ncp_marks * sizeof *d->cp_marks);
    d->cp_marks[0] = 0;
    for (size_t k = 1; k < d->ncp_marks; k++)
      d->cp_marks[k] = d->cp_marks[k - 1] +
                       dl_utf8_count(d->src + (k - 1) * DL_CP_STEP, DL_CP_STEP);
  }
  size_t k = offset / DL_CP_STEP;
  return d->cp_marks[k] +
         dl_utf8_count(d->src + k * DL_CP_STEP, offset - k * DL_CP_STEP);
}

static size_t S_code_points(const dl_doc *doc, size_t from, size_t n) {
  if (n <= DL_CP_STEP)
    return dl_utf8_count(doc->src + from, n);
  return S_code_points_before(doc, from + n) - S_code_points_before(doc, from);
}

void dl_doc_locate(const dl_doc *doc, size_t offset, size_t *line,
                   size_t *column) {
  if (offset > doc->len)
    offset = doc->len;
  size_t index = dl_doc_line_index(doc, offset);
  size_t start = doc->line_start[index];
  if (index == 0 && offset >= doc->bom) /* a BOM is not a column */
    start = doc->bom;
  size_t n = S_line_length(doc, index) - (start - doc->line_start[index]);
  size_t upto = offset - start < n ? offset - start : n;
  *line = doc->shown_line ? doc->shown_line[index] : index + 1;
  *column = S_code_points(doc, start, upto) + 1 +
            (offset - start > n ? offset - start - n : 0);
}

void dl_doc_line(const dl_doc *doc, size_t index, const char **s, size_t *n) {
  if (index >= doc->nlines) {
    *s = doc->src + doc->len;
    *n = 0;
    return;
  }
  size_t skip = index == 0 ? doc->bom : 0;
  *s = doc->src + doc->line_start[index] + skip;
  *n = S_line_length(doc, index) - skip;
}
