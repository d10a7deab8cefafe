/*
 * report_text.c: "path:line:col: severity: message [rule]", one per line,
 * the form editors and terminals make clickable; on a terminal, the source
 * line follows with a caret under the span, as clang prints it; then a
 * one-line summary.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "draftlint/alloc.h"
#include "report/report.h"

#define WINDOW 100 /* columns of source shown around a finding */

typedef struct text_reporter {
  dl_reporter base;
} text_reporter;

static const char *S_severity_color(dl_severity sev) {
  return sev == DL_SEV_ERROR ? "\033[1;31m"
         : sev == DL_SEV_WARNING ? "\033[1;35m"
                                 : "\033[1;36m";
}

/* Display width of a code point in a terminal (tabs shown as one space). */
static int S_width(int32_t cp) {
  if (cp == '\t')
    return 1;
  int w = utf8proc_charwidth(cp);
  return w < 0 ? 1 : w;
}

/* Prints the source line of the finding and a caret line under its span
 * (to the end of the line when it runs on), showing at most WINDOW
 * columns, starting up to WINDOW/3 columns before the span. */
static void S_excerpt(FILE *out, const dl_doc *doc, const dl_diag *d,
                      bool color) {
  size_t index = dl_doc_line_index(doc, d->start);
  const char *s;
  size_t n;
  dl_doc_line(doc, index, &s, &n);
  size_t base = (size_t)(s - doc->src);
  size_t at = d->start > base ? d->start - base : 0;
  size_t to = d->end > base ? d->end - base : 0;
  at = at > n ? n : at;
  to = to > n ? n : to;
  size_t from = at;
  for (int cols = 0; from > 0 && cols < WINDOW / 3; cols++) {
    int32_t cp;
    from -= dl_utf8_decode_back(s, from, &cp);
  }
  char *gutter = dl_strdup_printf(
      "%6zu | ", doc->shown_line ? doc->shown_line[index] : index + 1);
  fprintf(out, "%s%s", gutter, from > 0 ? "..." : "");
  int pad = from > 0 ? 3 : 0, caret = 0, shown = 0;
  size_t i = from;
  while (i < n && shown < WINDOW) {
    int32_t cp;
    size_t len = dl_utf8_decode(s + i, n - i, &cp);
    int w = S_width(cp);
    if (i < at)
      pad += w;
    else if (i < to)
      caret += w;
    if (cp == '\t')
      fputc(' ', out);
    else
      fwrite(s + i, 1, len, out);
    i += len;
    shown++;
  }
  fprintf(out, "%s\n", i < n ? "..." : "");
  fprintf(out, "%*s| %*s%s^", (int)strlen(gutter) - 2, "", pad, "",
          color ? "\033[1;32m" : "");
  for (int k = 1; k < caret; k++)
    fputc('~', out);
  fprintf(out, "%s\n", color ? "\033[0m" : "");
  free(gutter);
}

static void S_file(dl_reporter *base, const dl_result *r) {
  const dl_report_options *o = &base->options;
  bool color = o->color;
  if (r->error) {
    dl_report_failure(r, color);
    return;
  }
  if (r->notice && !o->quiet)
    fprintf(stderr, "%s:1:1: warning: %s\n", r->path, r->notice);
  for (size_t i = 0; i < r->diags.len; i++) {
    const dl_diag *d = &r->diags.items[i];
    size_t line, col;
    dl_doc_locate(r->doc, d->start, &line, &col);
    fprintf(o->out, "%s%s:%zu:%zu:%s %s%s:%s %s [%s]\n",
            color ? "\033[1m" : "", r->path, line, col, color ? "\033[0m" : "",
            color ? S_severity_color(d->severity) : "",
            dl_severity_name(d->severity), color ? "\033[0m" : "", d->message,
            d->rule);
    if (o->excerpt)
      S_excerpt(o->out, r->doc, d, color);
  }
}

static void S_plural(FILE *out, size_t n, const char *word, const char *sep) {
  fprintf(out, "%s%zu %s%s", sep, n, word, n == 1 ? "" : "s");
}

static void S_finish(dl_reporter *base, const dl_summary *s) {
  const dl_report_options *o = &base->options;
  if (o->quiet)
    return;
  FILE *out = o->out;
  if (s->problems == 0) {
    fprintf(out, "no problems");
  } else {
    S_plural(out, s->problems, "problem", "");
    fputs(" (", out);
    const char *sep = "";
    static const char *const names[] = {"", "info", "warning", "error"};
    for (int sev = DL_SEV_ERROR; sev >= DL_SEV_INFO; sev--) {
      if (!s->by_severity[sev])
        continue;
      S_plural(out, s->by_severity[sev], names[sev], sep);
      sep = ", ";
    }
    fputc(')', out);
  }
  size_t files = s->problems ? s->files_with_problems : s->files - s->failures;
  fprintf(out, " in %zu file%s", files, files == 1 ? "" : "s");
  if (s->failures)
    fprintf(out, "; %zu file%s could not be linted", s->failures,
            s->failures == 1 ? "" : "s");
  if (s->config_errors) /* the exit status is 2: say why in the summary */
    fprintf(out, "; %zu configuration error%s", s->config_errors,
            s->config_errors == 1 ? "" : "s");
  fputc('\n', out);
}

static void S_free(dl_reporter *r) { free(r); }

dl_reporter *dl_report_text_new(const dl_report_options *options) {
  text_reporter *t = dl_xcalloc(1, sizeof *t);
  t->base = (dl_reporter){S_file, S_finish, S_free, *options};
  return &t->base;
}
