/*
 * pattern.h: pattern rules, the house rules writers add without C.
 *
 * A pattern rule is a `[pattern NAME]` section of a configuration file
 * (config.h): a PCRE2 regular expression (UTF and Unicode properties on,
 * compiled once with the JIT), a message, a severity, the scope of text it
 * searches and an optional replacement that becomes a fix.  The message and
 * the replacement are templates: $0 is the match, $1..$99 and ${NAME} its
 * groups, $$ a dollar sign.
 *
 * Ownership: a dl_pattern owns its strings and compiled code; it belongs to
 * the configuration file that defines it (config.c), which lives for the
 * whole run, so `name` can be a diagnostic's borrowed rule name.  Compiled
 * patterns are read-only once built and are matched from any thread.
 */
#ifndef DRAFTLINT_PATTERN_H
#define DRAFTLINT_PATTERN_H

#include <stddef.h>

#include "draftlint/diag.h"
#include "draftlint/doc.h"
#include "draftlint/rule.h"

/* Which text a pattern searches.  Matches never count inside code spans or
 * the URL an autolink shows: those are not prose. */
typedef enum dl_pattern_scope {
  DL_PSCOPE_TEXT = 0,  /* every paragraph and heading, as the reader sees it */
  DL_PSCOPE_SENTENCE,  /* each sentence (sentence.h) on its own */
  DL_PSCOPE_PARAGRAPH, /* paragraphs only (list items and quotes included) */
  DL_PSCOPE_HEADING,   /* headings only */
  DL_PSCOPE_LINK_TEXT  /* the text of each link */
} dl_pattern_scope;

/* "text, sentence, paragraph, heading, link-text" */
extern const char *const dl_pattern_scope_names[];
int dl_pattern_scope_parse(const char *name, dl_pattern_scope *out);

typedef struct dl_pattern_code dl_pattern_code; /* pcre2's, in pattern.c */

typedef struct dl_pattern {
  char *name;         /* the rule name, kebab-case */
  char *origin;       /* "file:line" of the section header */
  char *regex;
  char *message;      /* template */
  char *replace;      /* template, or NULL: no fix */
  char *description;  /* one line for --list-rules and SARIF, or NULL */
  dl_severity severity;   /* its default severity */
  char *severity_origin;  /* "file:line" of its severity key, or NULL */
  dl_pattern_scope scope;
  dl_pattern_code *code;  /* NULL until dl_pattern_compile succeeds */
} dl_pattern;

/* Where a compile error is: which key and the byte offset in its value. */
typedef struct dl_pattern_error {
  const char *key;  /* "pattern", "message" or "replace" */
  size_t offset;
  char *message;    /* malloc'd */
} dl_pattern_error;

/* Compiles the expression and checks that the templates name only groups
 * the expression has.  Returns 0, or -1 and fills *err. */
int dl_pattern_compile(dl_pattern *p, dl_pattern_error *err);
/* Frees the pattern's strings, its code and the pattern itself. */
void dl_pattern_free(dl_pattern *p);

/* Runs every pattern rule in `s` that is not off over the document,
 * appending findings to `out` (unsorted). */
void dl_patterns_check(const dl_doc *doc, const dl_settings *s,
                       dl_diag_list *out);

#endif
