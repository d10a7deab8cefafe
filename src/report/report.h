/*
 * report.h: turning results into output.  A reporter sees results one file
 * at a time, in order, then the summary; it knows diagnostics and source
 * lines, nothing about rules.
 *
 * Ownership: dl_reporter_new returns a reporter that dl_reporter_free
 * releases; results passed to `file` stay the caller's.
 */
#ifndef DRAFTLINT_REPORT_H
#define DRAFTLINT_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/lint.h"

typedef enum dl_format {
  DL_FORMAT_TEXT,
  DL_FORMAT_JSON,
  DL_FORMAT_HTML,
  DL_FORMAT_GITHUB,
  DL_FORMAT_SARIF
} dl_format;

/* What a reporter may say about a rule (SARIF's tool.driver.rules): plain
 * data handed over by the run, so reporters stay ignorant of the rule
 * table.  Strings are borrowed. */
typedef struct dl_rule_info {
  const char *name;
  const char *summary;  /* one line */
  const char *help;     /* a paragraph: what it finds, how to turn it off */
  const char *url;      /* its page (rule_url.h), or NULL: a user's pattern */
  dl_severity severity; /* its default */
} dl_rule_info;

typedef struct dl_report_options {
  dl_format format;
  bool color;   /* ANSI colours in text output */
  bool excerpt; /* the source line with a caret under each finding */
  bool quiet;   /* no summary line, no notices */
  FILE *out;    /* findings; problems with files go to stderr */
  const dl_rule_info *rules; /* every rule of the run, built-in first */
  size_t nrules;
} dl_report_options;

typedef struct dl_summary {
  size_t files;             /* inputs seen, readable or not */
  size_t files_with_problems;
  size_t problems;
  size_t by_severity[DL_SEV_ERROR + 1];
  size_t failures;          /* inputs that could not be linted */
  size_t config_errors;     /* bad configuration entries (exit status 2) */
} dl_summary;

typedef struct dl_reporter dl_reporter;
struct dl_reporter {
  void (*file)(dl_reporter *r, const dl_result *result);
  void (*finish)(dl_reporter *r, const dl_summary *summary);
  void (*free)(dl_reporter *r);
  dl_report_options options;
};

dl_reporter *dl_reporter_new(const dl_report_options *options);
void dl_reporter_free(dl_reporter *r);

/* Adds a result to the summary. */
void dl_summary_add(dl_summary *s, const dl_result *result);

/* One constructor per format (report_text.c, report_json.c). */
dl_reporter *dl_report_text_new(const dl_report_options *options);
dl_reporter *dl_report_json_new(const dl_report_options *options);
dl_reporter *dl_report_html_new(const dl_report_options *options);
dl_reporter *dl_report_github_new(const dl_report_options *options);
dl_reporter *dl_report_sarif_new(const dl_report_options *options);

/* A file-level problem on stderr: "path[:line:col]: error: reason". */
void dl_report_failure(const dl_result *result, bool color);

#endif
