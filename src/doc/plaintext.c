/*
 * plaintext.c: what the reader sees of a paragraph or heading, byte by byte
 * mapped back to the source.
 *
 * cmark gives inline nodes a start position but its end positions for
 * merged text are approximate, so each text literal is aligned against the
 * source from its start: equal bytes advance together, a backslash escape
 * or an entity in the source stands for one character of the literal, and
 * anything else is skipped by a short look-ahead.
 */
#include "doc/plaintext.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

typedef struct walk {
  const dl_doc *doc;
  dl_text *out;
  size_t cursor; /* source offset just past the last aligned byte */
  size_t limit;  /* end of the block */
  int link, image, autolink, emph; /* nesting depths */
} walk;

static uint8_t S_flags(const walk *w) {
  return (uint8_t)((w->link ? DL_TX_LINK : 0) | (w->image ? DL_TX_IMAGE : 0) |
                   (w->autolink ? DL_TX_AUTOLINK : 0) |
                   (w->emph ? DL_TX_EMPH : 0));
}

static bool S_plausible(const walk *w, size_t h, char first) {
  const char *src = dl_doc_prose(w->doc);
  return h < w->limit && (src[h] == first || src[h] == '\\' || src[h] == '&');
}

/* Where a node starts, if cmark's position is plausible for `first`.
 * On a lazy continuation line ("* item\ntext") cmark counts columns as if
 * the line had the item's indentation, so a few bytes back (never before
 * what is aligned already) are tried too. */
static size_t S_start(const walk *w, cmark_node *node, char first) {
  if (cmark_node_get_start_line(node) > 0) {
    size_t h = dl_doc_offset(w->doc, cmark_node_get_start_line(node),
                             cmark_node_get_start_column(node));
    if (S_plausible(w, h, first))
      return h;
    for (size_t back = 1; back <= 8 && h >= w->cursor + back; back++)
      if (S_plausible(w, h - back, first))
        return h - back;
  }
  return w->cursor;
}

/* Offset just past an entity reference at src[p] ("&amp;", "&#38;",
 * "&#x26;"), or 0 when there is none. */
static size_t S_entity_end(const char *src, size_t p, size_t limit) {
  size_t q = p + 1;
  if (q < limit && src[q] == '#')
    q++;
  size_t name = q;
  while (q < limit && q - name < 32 && isalnum((unsigned char)src[q]))
    q++;
  return q > name && q < limit && src[q] == ';' ? q + 1 : 0;
}

static size_t S_utf8_len(unsigned char c) {
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Length of the common prefix of a[0..n) and b[0..n).  Literals mostly
 * equal their source for long stretches, so compare eight bytes at a time
 * and find the first difference from the XOR. */
static size_t S_common(const char *a, const char *b, size_t n) {
  size_t k = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  while (k + 8 <= n) {
    uint64_t x, y;
    memcpy(&x, a + k, 8);
    memcpy(&y, b + k, 8);
    if (x != y)
      return k + (size_t)__builtin_ctzll(x ^ y) / 8;
    k += 8;
  }
#endif
  while (k < n && a[k] == b[k])
    k++;
  return k;
}

static void S_align(walk *w, cmark_node *node, const char *lit, size_t n,
                    uint8_t flags) {
  const char *src = dl_doc_prose(w->doc);
  size_t limit = w->limit, p = S_start(w, node, n ? lit[0] : 0);
  size_t last = p < limit ? p : (limit ? limit - 1 : 0);
  size_t i = 0;
  while (i < n) {
    size_t room = p < limit ? limit - p : 0;
    size_t run = S_common(src + p, lit + i, n - i < room ? n - i : room);
    if (run > 0 && !(src[p] == '&' && S_entity_end(src, p, limit))) {
      dl_text_append(w->out, lit + i, run, (uint32_t)p, true, flags);
      i += run;
      p += run;
      last = p - 1;
      continue;
    }
    size_t end = p < limit && src[p] == '&' ? S_entity_end(src, p, limit) : 0;
    if (end && (lit[i] != '&' || strncmp(src + p, "&amp;", 5) == 0 ||
                src[p + 1] == '#')) {
      size_t len = S_utf8_len((unsigned char)lit[i]);
      len = len > n - i ? n - i : len;
      dl_text_append(w->out, lit + i, len, (uint32_t)p, false, flags);
      i += len;
      last = p;
      p = end;
      continue;
    }
    if (run > 0) { /* a literal '&' that is no entity */
      dl_text_append(w->out, lit + i, 1, (uint32_t)p, true, flags);
      last = p++;
      i++;
      continue;
    }
    if (p + 1 < limit && src[p] == '\\' && src[p + 1] == lit[i]) {
      dl_text_append(w->out, lit + i, 1, (uint32_t)(p + 1), true, flags);
      last = p + 1;
      p += 2;
      i++;
      continue;
    }
    size_t q = p + 1;
    while (q < limit && q < p + 8 && src[q] != lit[i])
      q++;
    if (q < limit && q < p + 8) { /* skip what the literal does not have */
      p = q;
      continue;
    }
    dl_text_append(w->out, lit + i, 1, (uint32_t)last, false, flags);
    i++;
  }
  w->cursor = p;
}

static void S_add_code(walk *w, cmark_node *node) {
  const char *lit = cmark_node_get_literal(node);
  size_t n = strlen(lit);
  size_t h = S_start(w, node, n ? lit[0] : 0);
  if (h + n > w->limit) /* line endings folded: keep the map in the block */
    h = w->limit > n ? w->limit - n : 0;
  dl_text_append(w->out, lit, n, (uint32_t)h, true,
                 (uint8_t)(S_flags(w) | DL_TX_CODE));
  w->cursor = h + n;
}

/* An autolink's only child is its own URL, as text. */
static bool S_is_autolink(cmark_node *link) {
  cmark_node *child = cmark_node_first_child(link);
  if (!child || cmark_node_next(child) ||
      cmark_node_get_type(child) != CMARK_NODE_TEXT)
    return false;
  const char *url = cmark_node_get_url(link), *text = cmark_node_get_literal(child);
  if (!url || !text)
    return false;
  return strcmp(url, text) == 0 ||
         (strncmp(url, "mailto:", 7) == 0 && strcmp(url + 7, text) == 0);
}

static void S_visit(walk *w, cmark_event_type ev, cmark_node *node) {
  int delta = ev == CMARK_EVENT_ENTER ? 1 : -1;
  switch (cmark_node_get_type(node)) {
  case CMARK_NODE_TEXT: {
    const char *lit = cmark_node_get_literal(node);
    S_align(w, node, lit, strlen(lit), S_flags(w));
    break;
  }
  case CMARK_NODE_SOFTBREAK:
  case CMARK_NODE_LINEBREAK:
    dl_text_append(w->out, "\n", 1, (uint32_t)w->cursor, false,
                   (uint8_t)(S_flags(w) | DL_TX_BREAK));
    break;
  case CMARK_NODE_CODE:
    S_add_code(w, node);
    break;
  case CMARK_NODE_LINK:
    w->link += delta;
    if (S_is_autolink(node))
      w->autolink += delta;
    break;
  case CMARK_NODE_IMAGE:
    w->image += delta;
    break;
  case CMARK_NODE_EMPH:
  case CMARK_NODE_STRONG:
    w->emph += delta;
    break;
  default: /* raw HTML and the block itself add no text */
    break;
  }
}

void dl_plaintext_build(const dl_doc *doc, cmark_iter *it, cmark_node *block,
                        size_t start, size_t end, dl_text *out) {
  dl_text_init(out);
  dl_text_reserve(out, end - start); /* the text is rarely longer */
  walk w = {.doc = doc, .out = out, .cursor = start, .limit = end};
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *node = cmark_iter_get_node(it);
    if (node == block) /* its exit: paragraphs and headings do not nest */
      break;
    S_visit(&w, ev, node);
  }
  dl_text_append(out, "", 0, 0, false, 0); /* allocates on empty blocks */
  out->map[out->len] = (uint32_t)end;
}
