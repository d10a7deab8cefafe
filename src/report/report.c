/* report.c: picks the reporter for a format; the summary; failures. */
#include "report/report.h"

#include <stdlib.h>

dl_reporter *dl_reporter_new(const dl_report_options *options) {
  switch (options->format) {
  case DL_FORMAT_JSON:
    return dl_report_json_new(options);
  case DL_FORMAT_HTML:
    return dl_report_html_new(options);
  case DL_FORMAT_GITHUB:
    return dl_report_github_new(options);
  case DL_FORMAT_SARIF:
    return dl_report_sarif_new(options);
  case DL_FORMAT_TEXT:
  default:
    return dl_report_text_new(options);
  }
}

void dl_reporter_free(dl_reporter *r) {
  if (r)
    r->free(r);
}

void dl_summary_add(dl_summary *s, const dl_result *result) {
  s->files++;
  if (result->error) {
    s->failures++;
    return;
  }
  if (result->diags.len)
    s->files_with_problems++;
  s->problems += result->diags.len;
  for (size_t i = 0; i < result->diags.len; i++)
    s->by_severity[result->diags.items[i].severity]++;
}

void dl_report_failure(const dl_result *result, bool color) {
  const char *bold = color ? "\033[1m" : "", *red = color ? "\033[1;31m" : "",
             *off = color ? "\033[0m" : "";
  if (result->error_line)
    fprintf(stderr, "%s%s:%zu:%zu:%s %serror:%s %s\n", bold, result->path,
            result->error_line, result->error_column, off, red, off,
            result->error);
  else
    fprintf(stderr, "%s%s:%s %serror:%s %s\n", bold, result->path, off, red,
            off, result->error);
}
