/*
 * links.h: where a link's parts are in the Markdown source, and what its
 * visible text is (the document layer, for any rule that fixes links).
 *
 * cmark says that a node is a link and gives its URL and text, but a fix
 * must know the bytes: the brackets, the destination as written, the end.
 * This is a small reader of one link's source (escapes and code spans
 * honoured), plus the walk over a block's inlines and the text views the
 * other passes place their fixes with.
 *
 * Ownership: a dl_link_src holds offsets into the document's source.
 * A dl_text_view owns its text and map; dl_text_view_free releases them.
 * dl_link_text appends to the caller's buffer.
 */
#ifndef DRAFTLINT_LINKS_H
#define DRAFTLINT_LINKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "draftlint/buf.h"
#include "draftlint/doc.h"

/* Text bytes of a link, an image, an autolink or code: a pass over a
 * block's plain prose leaves them to a pass over links, or to nobody. */
enum { DL_TX_LINKISH = DL_TX_CODE | DL_TX_LINK | DL_TX_IMAGE | DL_TX_AUTOLINK };

typedef struct dl_link_src {
  size_t open, close;          /* the text's '[' and ']' */
  bool inline_;                /* "(url)" follows; else a reference */
  size_t dest_start, dest_end; /* the destination as written */
  bool dest_exact;             /* ...and it is the URL byte for byte */
  size_t end;                  /* just past the link */
} dl_link_src;

/* Where a link or image really is: fills *s, *e (the link's source range)
 * and *L.  False when no place fits (and then no fix is offered). */
bool dl_link_locate(const dl_doc *doc, const dl_block *b, cmark_node *node,
                   bool image, const char *url, const char *text, size_t *s,
                   size_t *e, dl_link_src *L);
/* The same for an autolink "<url>", read as an inline link whose
 * destination is the URL. */
bool dl_link_locate_autolink(const dl_doc *doc, cmark_node *node,
                            const char *url, size_t *s, size_t *e,
                            dl_link_src *L);

/* The inline after `n` below `top`, in document order (what cmark's
 * iterator enters), without allocating an iterator per block, and without
 * recursion, which hostile nesting would turn into a deep stack.  Inline:
 * it runs once per inline node of every block. */
static inline cmark_node *dl_node_after(cmark_node *n, cmark_node *top);
static inline cmark_node *dl_inline_next(cmark_node *n, cmark_node *top) {
  cmark_node *child = cmark_node_first_child(n);
  return child ? child : dl_node_after(n, top);
}

/* The node after `n`'s subtree below `top`, in document order, or NULL:
 * the next sibling of `n` or of its nearest ancestor that has one. */
static inline cmark_node *dl_node_after(cmark_node *n, cmark_node *top) {
  for (; n != top; n = cmark_node_parent(n)) {
    cmark_node *sibling = cmark_node_next(n);
    if (sibling)
      return sibling;
  }
  return NULL;
}

/* Appends the visible text of a link or image from the tree; sets
 * *pictured when it also shows an image or inline HTML. */
void dl_link_text(cmark_node *node, dl_buf *b, bool *pictured);

/* The visible text of a link or image, with the source offset of each
 * byte (from the block's plain text, text.h). */
typedef struct dl_text_view {
  dl_buf text;
  uint32_t *map;
  size_t mcap;
} dl_text_view;

/* The bytes of b's text inside source [start, end) that carry a flag of
 * `want` and none of `skip`. */
void dl_text_view_make(const dl_block *b, size_t start, size_t end,
                      uint8_t want, uint8_t skip, dl_text_view *v);
void dl_text_view_free(dl_text_view *v);

#endif
