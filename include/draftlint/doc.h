/*
 * doc.h: one parsed draft, shared read-only by every rule.
 *
 * A dl_doc is built once per file: the bytes (a UTF-8 BOM and YAML, TOML or
 * JSON front matter are kept in `src` but skipped for parsing), a table of line starts,
 * the cmark tree with source positions, and the plain-text view of every
 * paragraph and heading (text.h).
 *
 * Ownership: dl_doc_new copies nothing it is not told to: it takes ownership
 * of `src` (malloc'd).  dl_doc_free releases the source, the cmark tree and
 * every block.  Rules receive `const dl_doc *` and must not keep pointers
 * into it beyond the call.
 */
#ifndef DRAFTLINT_DOC_H
#define DRAFTLINT_DOC_H

#include <cmark.h>
#include <stdbool.h>
#include <stddef.h>

#include "draftlint/text.h"

typedef struct dl_block {
  cmark_node *node;      /* borrowed from the doc's tree */
  cmark_node_type type;  /* CMARK_NODE_PARAGRAPH or CMARK_NODE_HEADING */
  int level;             /* heading level 1-6; 0 for a paragraph */
  size_t start, end;     /* source bytes of the block, end exclusive */
  dl_text text;          /* what the reader sees */
} dl_block;

typedef struct dl_doc {
  const char *path;      /* name used in messages; borrowed */
  char *src;             /* the file's bytes, NUL-terminated; owned */
  char *prose;           /* src with template tags blanked, as parsed
                            (dl_doc_prose); owned; NULL: none */
  size_t len;
  size_t bom;            /* 3 when the file starts with a UTF-8 BOM, else 0 */
  size_t body;           /* offset where the Markdown starts */
  size_t body_line;      /* 0-based line index of `body` */
  size_t *line_start;    /* offset of each line; owned */
  size_t nlines;
  size_t *cp_marks;      /* code points before every DL_CP_STEP bytes, for
                            columns on long lines; owned, built on first
                            use by dl_doc_locate */
  size_t ncp_marks;
  cmark_node *root;      /* owned */
  dl_block *blocks;      /* paragraphs and headings in document order; owned */
  size_t nblocks;
  const char *front_matter_unclosed; /* a front matter's first line that
                            nothing closes: the closing line it wants
                            ("---", "+++", "}"), static; else NULL */
  struct dl_sentence *sentences; /* see sentence.h; built on first use */
  size_t nsentences;
  bool sentences_built;
  struct dl_directive *directives; /* see directive.h; built on first use */
  size_t ndirectives;
  bool directives_built;
  size_t *shown_line;    /* NULL, or the line number to show for each line
                            index (--staged: the working tree's); owned */
  struct dl_doc *before; /* the committed version this one is compared with
                            (--since, --staged, history = head), parsed the
                            same way; NULL when there is none; owned */
} dl_doc;

/* Template tags of static site generators are not prose (templates.c):
 * Hugo's {{< >}} and {{% %}}, Go's and Liquid's {{ }}, Liquid's and
 * Nunjucks' {% %} and {# #}, and the pairs a user adds. */
typedef struct dl_tag_pair {
  char open[8], close[8];
} dl_tag_pair;

typedef struct dl_templates {
  bool off;           /* templates = off: tags are read as Markdown */
  dl_tag_pair *extra; /* the user's pairs, tried first; owned */
  size_t nextra;
} dl_templates;

/* A copy of src[0, len] (with its NUL) whose tags at or after `from` are
 * spaces, line breaks kept; NULL when there is no tag or t->off.  t NULL:
 * the built-in pairs.  The caller frees it. */
char *dl_templates_mask(const dl_templates *t, const char *src, size_t from,
                        size_t len);
/* Adds the pairs of a setting ("<% %>, [[ ]]").  Returns 0, or -1 with a
 * malloc'd message. */
int dl_templates_add(dl_templates *t, const char *spec, char **error);
void dl_templates_free(dl_templates *t);

/* Parses `src` (len bytes, malloc'd with room for a NUL at src[len]); the
 * doc takes ownership of it.  The caller has already checked that it is
 * valid UTF-8 without NUL bytes.  Never returns NULL.  dl_doc_new reads
 * template tags as the built-in pairs say; dl_doc_new_with as `t` says. */
dl_doc *dl_doc_new(const char *path, char *src, size_t len);
dl_doc *dl_doc_new_with(const char *path, char *src, size_t len,
                        const dl_templates *t);
/* What the parser read: src with template tags blanked, same length. */
static inline const char *dl_doc_prose(const dl_doc *doc) {
  return doc->prose ? doc->prose : doc->src;
}
void dl_doc_free(dl_doc *doc);

/* A fresh cmark tree of the document's Markdown, parsed exactly as
 * doc->root was (same bytes, template tags blanked, same options), for a reporter that must change
 * a tree (the HTML report splits text nodes) while rules keep theirs
 * read-only.  The caller owns it: cmark_node_free. */
cmark_node *dl_doc_parse_copy(const dl_doc *doc);

/* Source offset of a cmark position (1-based line and byte column, as
 * cmark_node_get_start_line/column return), clamped to the document. */
size_t dl_doc_offset(const dl_doc *doc, int line, int column);
/* Source byte range of a node, end exclusive. */
void dl_doc_node_range(const dl_doc *doc, cmark_node *node, size_t *start,
                       size_t *end);

/* 1-based line and column (in code points) of a source offset; the line
 * is the one to show (shown_line) when the document has a map. */
void dl_doc_locate(const dl_doc *doc, size_t offset, size_t *line,
                   size_t *column);
/* The paragraph or heading (an index of doc->blocks) whose source range
 * holds `offset`, its end included (a finding just after its last
 * character), or DL_NO_BLOCK. */
#define DL_NO_BLOCK ((size_t)-1)
size_t dl_doc_block_at(const dl_doc *doc, size_t offset);
/* 0-based index of the line holding `offset`. */
size_t dl_doc_line_index(const dl_doc *doc, size_t offset);
/* Bytes of line `index` (0-based) without its line ending. */
void dl_doc_line(const dl_doc *doc, size_t index, const char **s, size_t *n);

#endif
