/*
 * html_escape.h: text into HTML.  Everything the HTML report writes that
 * came from a draft, a message, a path or a rule name goes through here, so
 * no byte of it can open a tag, end an attribute or start an entity.
 */
#ifndef DRAFTLINT_HTML_ESCAPE_H
#define DRAFTLINT_HTML_ESCAPE_H

#include <stddef.h>
#include <stdio.h>

/* Writes s[0..n) with & < > " ' replaced by character references; safe in
 * text and in quoted attribute values. */
void dl_html_escape(FILE *out, const char *s, size_t n);
/* The same for a NUL-terminated string (NULL writes nothing). */
void dl_html_escape_str(FILE *out, const char *s);
/* Like dl_html_escape, but stops after `max` code points and writes an
 * ellipsis when it did; line breaks and tabs become spaces. */
void dl_html_escape_clip(FILE *out, const char *s, size_t n, size_t max);

/* A growing string built with stdio calls (open_memstream): the HTML
 * reporter writes sections and snippets into these before it knows what
 * comes first on the page. */
typedef struct dl_html_buf {
  FILE *f;
  char *data; /* owned; valid after dl_html_buf_take or while open */
  size_t len;
} dl_html_buf;

void dl_html_buf_open(dl_html_buf *b);
/* Closes the stream; returns the text (malloc'd, caller frees) and stores
 * its length in *len when len is not NULL. */
char *dl_html_buf_take(dl_html_buf *b, size_t *len);

#endif
