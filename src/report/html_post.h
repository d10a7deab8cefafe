/*
 * html_post.h: a draft rendered as HTML by cmark, with findings marked at
 * their exact source spans.
 *
 * The reporter says what a mark looks like (html_post.c knows nothing of
 * rules, colours or messages); this module says where it goes.  Every
 * string in a dl_html_mark is HTML that the caller has already escaped:
 * it is copied into the page as it is, so it must be phrasing content
 * (spans, not divs), since it lands inside paragraphs and headings.
 */
#ifndef DRAFTLINT_HTML_POST_H
#define DRAFTLINT_HTML_POST_H

#include <stddef.h>

#include "draftlint/doc.h"

typedef struct dl_html_mark {
  size_t start, end; /* source byte range, end exclusive (a finding's) */
  const char *badge; /* put once, just before the first marked piece */
  const char *open;  /* opens each marked piece of text ("<mark ...>") */
  const char *close; /* closes it ("</mark>") */
} dl_html_mark;

/* Renders the document's Markdown (cmark's HTML renderer, safe mode: raw
 * HTML is shown as code, never passed through; javascript: and similar
 * links lose their target; images are shown as a labelled box, never
 * fetched) with each mark placed over the rendered text that came from its
 * source range.  A range split by markup gets one piece per stretch of
 * text; ranges that overlap nest.  A mark whose range holds no rendered
 * text (an empty range, a link destination, a code block, raw HTML, front
 * matter) gets its badge and an empty piece at the nearest place in the
 * rendered post.  Returns a malloc'd string; the caller frees it. */
char *dl_html_post(const dl_doc *doc, const dl_html_mark *marks, size_t n);

#endif
