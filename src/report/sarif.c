/*
 * report_sarif.c: SARIF 2.1.0 (OASIS), the format code-scanning services
 * (GitHub code scanning, editors' SARIF viewers) read.  One run:
 *
 *   tool.driver      name, version, and every rule of the run with its
 *                    descriptions, help and default level
 *   results          ruleId, ruleIndex, level, message, one location with
 *                    a region, and the fix when a finding has one
 *   invocations[0]   executionSuccessful, and a notification per file that
 *                    could not be linted
 *
 * Columns: SARIF lets a producer choose, and says which in run.columnKind;
 * draftlint writes "utf16CodeUnits", the unit of the JavaScript-based
 * viewers and of GitHub, so a character outside the Basic Multilingual
 * Plane (an emoji) counts 2.  endColumn is exclusive, as SARIF defines it.
 * Lines are 1-based.  Relative paths are relative to %SRCROOT%, the folder
 * draftlint ran in (run.originalUriBaseIds).
 */
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "report/report.h"

#ifndef DL_VERSION
#define DL_VERSION "0.0.0"
#endif

#define SARIF_SCHEMA                                                           \
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"        \
  "sarif-schema-2.1.0.json"

typedef struct sarif_reporter {
  dl_reporter base;
  json_t *results;
  json_t *notifications;
} sarif_reporter;

static const char *S_level(dl_severity sev) {
  return sev == DL_SEV_ERROR     ? "error"
         : sev == DL_SEV_WARNING ? "warning"
         : sev == DL_SEV_INFO    ? "note"
                                 : "none";
}

/* A path as a URI reference: unreserved characters and '/' stay, the rest
 * is percent-encoded; an absolute path becomes a file: URI. */
static char *S_uri(const char *path) {
  size_t n = strlen(path);
  char *out = dl_xmalloc(3 * n + 8), *o = out;
  if (path[0] == '/')
    o += sprintf(o, "file://");
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
      *o++ = (char)*p;
    else
      o += sprintf(o, "%%%02X", *p);
  }
  *o = '\0';
  return out;
}

static json_t *S_artifact(const char *path) {
  char *uri = S_uri(path);
  json_t *loc = json_object();
  json_object_set_new(loc, "uri", json_string(uri));
  if (path[0] != '/')
    json_object_set_new(loc, "uriBaseId", json_string("%SRCROOT%"));
  free(uri);
  return loc;
}

/* 1-based column of `offset` in UTF-16 code units. */
static size_t S_column(const dl_doc *doc, size_t offset) {
  size_t index = dl_doc_line_index(doc, offset);
  const char *s;
  size_t n;
  dl_doc_line(doc, index, &s, &n);
  size_t base = (size_t)(s - doc->src);
  size_t upto = offset > base ? offset - base : 0, past = 0;
  if (upto > n) { /* in the line ending: one column per byte, as dl_doc_locate */
    past = upto - n;
    upto = n;
  }
  size_t col = 1;
  for (size_t i = 0; i < upto;) {
    int32_t cp;
    i += dl_utf8_decode(s + i, upto - i, &cp);
    col += cp >= 0x10000 ? 2 : 1;
  }
  return col + past;
}

static json_t *S_region(const dl_doc *doc, size_t start, size_t end) {
  size_t line, col, end_line, end_col;
  dl_doc_locate(doc, start, &line, &col);
  dl_doc_locate(doc, end, &end_line, &end_col);
  json_t *r = json_object();
  json_object_set_new(r, "startLine", json_integer((json_int_t)line));
  json_object_set_new(r, "startColumn",
                      json_integer((json_int_t)S_column(doc, start)));
  json_object_set_new(r, "endLine", json_integer((json_int_t)end_line));
  json_object_set_new(r, "endColumn",
                      json_integer((json_int_t)S_column(doc, end)));
  return r;
}

static json_t *S_message(const char *text) {
  json_t *m = json_object();
  json_object_set_new(m, "text", json_string(text));
  return m;
}

static json_t *S_location(const char *path, json_t *region) {
  json_t *phys = json_object();
  json_object_set_new(phys, "artifactLocation", S_artifact(path));
  if (region)
    json_object_set_new(phys, "region", region);
  json_t *loc = json_object();
  json_object_set_new(loc, "physicalLocation", phys);
  return loc;
}

static json_t *S_fix(const dl_result *r, const dl_fix *fix) {
  json_t *content = json_object();
  json_object_set_new(content, "text", json_string(fix->text));
  json_t *rep = json_object();
  json_object_set_new(rep, "deletedRegion",
                      S_region(r->doc, fix->start, fix->end));
  json_object_set_new(rep, "insertedContent", content);
  json_t *change = json_object();
  json_object_set_new(change, "artifactLocation", S_artifact(r->path));
  json_object_set_new(change, "replacements", json_pack("[o]", rep));
  char *what = dl_strdup_printf("Replace with '%s'", fix->text);
  json_t *f = json_object();
  json_object_set_new(f, "description", S_message(what));
  json_object_set_new(f, "artifactChanges", json_pack("[o]", change));
  free(what);
  return f;
}

static json_t *S_before(const dl_diag *d) {
  json_t *lines = json_array();
  for (size_t i = 0; i < 2 && d->before_line[i]; i++)
    json_array_append_new(lines, json_integer((json_int_t)d->before_line[i]));
  return lines;
}

static long S_rule_index(const dl_report_options *o, const char *rule) {
  for (size_t i = 0; i < o->nrules; i++)
    if (strcmp(o->rules[i].name, rule) == 0)
      return (long)i;
  return -1;
}

static void S_file(dl_reporter *base, const dl_result *r) {
  sarif_reporter *s = (sarif_reporter *)base;
  if (r->error) {
    dl_report_failure(r, false);
    json_t *region = NULL;
    if (r->error_line) {
      region = json_object();
      json_object_set_new(region, "startLine",
                          json_integer((json_int_t)r->error_line));
      json_object_set_new(region, "startColumn",
                          json_integer((json_int_t)r->error_column));
    }
    json_t *n = json_object();
    json_object_set_new(n, "level", json_string("error"));
    json_object_set_new(n, "message", S_message(r->error));
    json_object_set_new(n, "locations",
                        json_pack("[o]", S_location(r->path, region)));
    json_array_append_new(s->notifications, n);
    return;
  }
  for (size_t i = 0; i < r->diags.len; i++) {
    const dl_diag *d = &r->diags.items[i];
    json_t *res = json_object();
    json_object_set_new(res, "ruleId", json_string(d->rule));
    long index = S_rule_index(&base->options, d->rule);
    if (index >= 0)
      json_object_set_new(res, "ruleIndex", json_integer(index));
    json_object_set_new(res, "level", json_string(S_level(d->severity)));
    json_object_set_new(res, "message", S_message(d->message));
    json_object_set_new(
        res, "locations",
        json_pack("[o]", S_location(r->path, S_region(r->doc, d->start, d->end))));
    if (d->fix)
      json_object_set_new(res, "fixes", json_pack("[o]", S_fix(r, d->fix)));
    if (d->before_line[0]) /* broken-edit: lines of the version before */
      json_object_set_new(res, "properties",
                          json_pack("{s:o}", "beforeLines", S_before(d)));
    json_array_append_new(s->results, res);
  }
}

static json_t *S_rules(const dl_report_options *o) {
  json_t *rules = json_array();
  for (size_t i = 0; i < o->nrules; i++) {
    const dl_rule_info *info = &o->rules[i];
    json_t *rule = json_object();
    json_object_set_new(rule, "id", json_string(info->name));
    json_object_set_new(rule, "shortDescription", S_message(info->summary));
    json_object_set_new(rule, "fullDescription", S_message(info->help));
    json_object_set_new(rule, "help", S_message(info->help));
    if (info->url)
      json_object_set_new(rule, "helpUri", json_string(info->url));
    json_t *conf = json_object();
    json_object_set_new(conf, "enabled", json_boolean(info->severity != DL_SEV_NONE));
    json_object_set_new(conf, "level", json_string(S_level(info->severity)));
    json_object_set_new(rule, "defaultConfiguration", conf);
    json_array_append_new(rules, rule);
  }
  return rules;
}

static void S_finish(dl_reporter *base, const dl_summary *sum) {
  sarif_reporter *s = (sarif_reporter *)base;
  json_t *driver = json_object();
  json_object_set_new(driver, "name", json_string("draftlint"));
  json_object_set_new(driver, "version", json_string(DL_VERSION));
  json_object_set_new(driver, "rules", S_rules(&base->options));
  json_t *tool = json_object();
  json_object_set_new(tool, "driver", driver);
  json_t *inv = json_object();
  json_object_set_new(inv, "executionSuccessful", json_boolean(sum->failures == 0));
  json_object_set(inv, "toolExecutionNotifications", s->notifications);
  json_t *run = json_object();
  json_object_set_new(run, "tool", tool);
  json_object_set_new(run, "invocations", json_pack("[o]", inv));
  char cwd[PATH_MAX];
  if (getcwd(cwd, sizeof cwd)) {
    char *dir = dl_strdup_printf("%s/", strcmp(cwd, "/") ? cwd : "");
    char *uri = S_uri(dir);
    json_t *root = json_object();
    json_object_set_new(root, "uri", json_string(uri));
    json_object_set_new(run, "originalUriBaseIds",
                        json_pack("{s:o}", "%SRCROOT%", root));
    free(uri);
    free(dir);
  }
  json_object_set_new(run, "columnKind", json_string("utf16CodeUnits"));
  json_object_set(run, "results", s->results);
  json_t *log = json_object();
  json_object_set_new(log, "$schema", json_string(SARIF_SCHEMA));
  json_object_set_new(log, "version", json_string("2.1.0"));
  json_object_set_new(log, "runs", json_pack("[o]", run));
  json_dumpf(log, base->options.out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', base->options.out);
  json_decref(log);
}

static void S_free(dl_reporter *base) {
  sarif_reporter *s = (sarif_reporter *)base;
  json_decref(s->results);
  json_decref(s->notifications);
  free(s);
}

dl_reporter *dl_report_sarif_new(const dl_report_options *options) {
  sarif_reporter *s = dl_xcalloc(1, sizeof *s);
  s->base = (dl_reporter){S_file, S_finish, S_free, *options};
  s->results = json_array();
  s->notifications = json_array();
  return &s->base;
}
