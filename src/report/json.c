/*
 * report_json.c: one JSON document, written with jansson when every file
 * has been seen:
 *
 *   {"diagnostics": [{"file", "line", "column", "end_line", "end_column",
 *                     "rule", "kind", "severity", "message", "confidence",
 *                     "before_lines"?: [N, ...] (broken-edit: the lines of
 *                     the version before that the message names),
 *                     "fix"?: {"start", "end", "line", "column", "end_line",
 *                              "end_column", "replacement"},
 *                     "url"?: the rule's page}],
 *    "failures":    [{"file", "line"?, "column"?, "message"}],
 *    "summary":     {"files", "files_with_problems", "problems", "errors",
 *                    "warnings", "infos", "failures"}}
 *
 * Lines and columns are 1-based; columns count code points; end_column is
 * the column just past the span.  Key order is fixed (the README documents
 * this format as stable).
 */
#include <jansson.h>
#include <stdlib.h>

#include "draftlint/alloc.h"
#include "report/report.h"
#include "report/rule_url.h"

typedef struct json_reporter {
  dl_reporter base;
  json_t *diagnostics;
  json_t *failures;
} json_reporter;

static void S_set_range(json_t *obj, const dl_doc *doc, size_t start,
                        size_t end) {
  size_t line, col, end_line, end_col;
  dl_doc_locate(doc, start, &line, &col);
  dl_doc_locate(doc, end, &end_line, &end_col);
  json_object_set_new(obj, "line", json_integer((json_int_t)line));
  json_object_set_new(obj, "column", json_integer((json_int_t)col));
  json_object_set_new(obj, "end_line", json_integer((json_int_t)end_line));
  json_object_set_new(obj, "end_column", json_integer((json_int_t)end_col));
}

static json_t *S_fix(const dl_doc *doc, const dl_fix *fix) {
  json_t *obj = json_object();
  json_object_set_new(obj, "start", json_integer((json_int_t)fix->start));
  json_object_set_new(obj, "end", json_integer((json_int_t)fix->end));
  S_set_range(obj, doc, fix->start, fix->end);
  json_object_set_new(obj, "replacement", json_string(fix->text));
  return obj;
}

static json_t *S_before_lines(const dl_diag *d) {
  json_t *lines = json_array();
  for (size_t i = 0; i < 2 && d->before_line[i]; i++)
    json_array_append_new(lines, json_integer((json_int_t)d->before_line[i]));
  return lines;
}

static json_t *S_diag(const dl_report_options *o, const dl_result *r,
                      const dl_diag *d) {
  json_t *obj = json_object();
  json_object_set_new(obj, "file", json_string(r->path));
  S_set_range(obj, r->doc, d->start, d->end);
  json_object_set_new(obj, "rule", json_string(d->rule));
  json_object_set_new(obj, "kind", d->kind ? json_string(d->kind) : json_null());
  json_object_set_new(obj, "severity",
                      json_string(dl_severity_name(d->severity)));
  json_object_set_new(obj, "message", json_string(d->message));
  json_object_set_new(obj, "confidence", json_real(d->confidence));
  if (d->before_line[0])
    json_object_set_new(obj, "before_lines", S_before_lines(d));
  if (d->fix)
    json_object_set_new(obj, "fix", S_fix(r->doc, d->fix));
  const dl_rule_info *info = dl_rule_info_find(o, d->rule);
  if (info && info->url) /* the rule's page */
    json_object_set_new(obj, "url", json_string(info->url));
  return obj;
}

static void S_file(dl_reporter *base, const dl_result *r) {
  json_reporter *j = (json_reporter *)base;
  if (r->error) {
    json_t *obj = json_object();
    json_object_set_new(obj, "file", json_string(r->path));
    if (r->error_line) {
      json_object_set_new(obj, "line", json_integer((json_int_t)r->error_line));
      json_object_set_new(obj, "column",
                          json_integer((json_int_t)r->error_column));
    }
    json_object_set_new(obj, "message", json_string(r->error));
    json_array_append_new(j->failures, obj);
    dl_report_failure(r, false); /* a hook's log still says why */
    return;
  }
  for (size_t i = 0; i < r->diags.len; i++)
    json_array_append_new(j->diagnostics,
                          S_diag(&base->options, r, &r->diags.items[i]));
}

static void S_finish(dl_reporter *base, const dl_summary *s) {
  json_reporter *j = (json_reporter *)base;
  json_t *summary = json_object();
  json_object_set_new(summary, "files", json_integer((json_int_t)s->files));
  json_object_set_new(summary, "files_with_problems",
                      json_integer((json_int_t)s->files_with_problems));
  json_object_set_new(summary, "problems", json_integer((json_int_t)s->problems));
  json_object_set_new(summary, "errors",
                      json_integer((json_int_t)s->by_severity[DL_SEV_ERROR]));
  json_object_set_new(summary, "warnings",
                      json_integer((json_int_t)s->by_severity[DL_SEV_WARNING]));
  json_object_set_new(summary, "infos",
                      json_integer((json_int_t)s->by_severity[DL_SEV_INFO]));
  json_object_set_new(summary, "failures", json_integer((json_int_t)s->failures));
  json_t *root = json_object();
  json_object_set(root, "diagnostics", j->diagnostics);
  json_object_set(root, "failures", j->failures);
  json_object_set_new(root, "summary", summary);
  json_dumpf(root, base->options.out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', base->options.out);
  json_decref(root);
}

static void S_free(dl_reporter *base) {
  json_reporter *j = (json_reporter *)base;
  json_decref(j->diagnostics);
  json_decref(j->failures);
  free(j);
}

dl_reporter *dl_report_json_new(const dl_report_options *options) {
  json_reporter *j = dl_xcalloc(1, sizeof *j);
  j->base = (dl_reporter){S_file, S_finish, S_free, *options};
  j->diagnostics = json_array();
  j->failures = json_array();
  return &j->base;
}
