/*
 * diag.h: diagnostics, the one thing that flows out of a rule.
 *
 * A diagnostic is a byte range of the document's source, a rule name, a
 * severity and a message, with an optional fix (a byte range and its
 * replacement).  Positions stay byte offsets until a reporter turns them
 * into lines and columns (see doc.h, dl_doc_locate).
 *
 * Ownership: a dl_diag_list owns every diagnostic in it, and a diagnostic
 * owns its message and fix text.  `rule` and `kind` are borrowed: they point
 * at strings that live as long as the rule table or the loaded configuration.
 */
#ifndef DRAFTLINT_DIAG_H
#define DRAFTLINT_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum dl_severity {
  DL_SEV_NONE = 0, /* "never" for --fail-on; a rule switched off */
  DL_SEV_INFO,
  DL_SEV_WARNING,
  DL_SEV_ERROR
} dl_severity;

/* "error", "warning", "info"; "never" for DL_SEV_NONE. Static strings. */
const char *dl_severity_name(dl_severity sev);
/* Parses the names above; returns -1 for anything else. */
int dl_severity_parse(const char *name, dl_severity *out);

typedef struct dl_fix {
  size_t start, end; /* byte range of the source to replace, end exclusive */
  char *text;        /* owned: the replacement */
} dl_fix;

typedef struct dl_diag {
  size_t start, end;   /* byte range of the source, end exclusive */
  const char *rule;    /* borrowed */
  const char *kind;    /* borrowed; NULL when the rule has a single kind */
  dl_severity severity;
  char *message;       /* owned */
  double confidence;   /* 0..1 for statistical rules; 1 for exact ones */
  dl_fix *fix;         /* owned; NULL when no fix is known */
  size_t before_line[2]; /* 1-based lines in the version before (doc.h,
                            before) that the finding names; 0: none */
  bool has_related;    /* the message names another place in the source: */
  size_t related;      /* its byte offset (the first of two headings) */
} dl_diag;

typedef struct dl_diag_list {
  dl_diag *items;
  size_t len, cap;
} dl_diag_list;

/* Appends a diagnostic and returns it; the pointer is valid until the next
 * append.  The list takes ownership of `message` (which must be malloc'd). */
dl_diag *dl_diag_list_push(dl_diag_list *list, size_t start, size_t end,
                           const char *rule, const char *kind,
                           dl_severity severity, char *message);
/* Attaches a fix (the replacement is copied). */
void dl_diag_set_fix(dl_diag *d, size_t start, size_t end, const char *text);
/* Sorts by start offset, then end, then rule, then message, and drops exact
 * duplicates (same range, rule and message). */
void dl_diag_list_sort(dl_diag_list *list);
void dl_diag_list_free(dl_diag_list *list);

/* printf into a freshly malloc'd string (never NULL: allocation failure
 * aborts, see xalloc in the core). */
char *dl_strdup_printf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
char *dl_strdup_vprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

#endif
