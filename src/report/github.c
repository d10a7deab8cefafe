/*
 * report_github.c: GitHub Actions workflow commands, one per finding, so a
 * CI run puts each finding on its line of the pull request:
 *
 *   ::error file=P,line=L,col=C,endLine=L,endColumn=E,title=RULE::MESSAGE
 *
 * error, warning and info become ::error, ::warning and ::notice.  GitHub
 * takes columns only when the span is on one line, and its endColumn is the
 * last character of the span (inclusive), so a one-character finding has
 * col == endColumn.  Columns count code points, as in the text output.
 * Escaping, as GitHub's runner reads it: in the message, % CR LF become
 * %25 %0D %0A; in property values (file, title), also : and , become %3A
 * and %2C.  A file that could not be linted is an ::error on the file too.
 */
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "report/report.h"

static void S_escape(FILE *out, const char *s, bool property) {
  for (; *s; s++) {
    switch (*s) {
    case '%':
      fputs("%25", out);
      break;
    case '\r':
      fputs("%0D", out);
      break;
    case '\n':
      fputs("%0A", out);
      break;
    case ':':
      fputs(property ? "%3A" : ":", out);
      break;
    case ',':
      fputs(property ? "%2C" : ",", out);
      break;
    default:
      fputc(*s, out);
    }
  }
}

static const char *S_command(dl_severity sev) {
  return sev == DL_SEV_ERROR ? "error" : sev == DL_SEV_WARNING ? "warning"
                                                               : "notice";
}

static void S_file(dl_reporter *base, const dl_result *r) {
  FILE *out = base->options.out;
  if (r->error) {
    dl_report_failure(r, false); /* the log says why, too */
    fputs("::error file=", out);
    S_escape(out, r->path, true);
    if (r->error_line)
      fprintf(out, ",line=%zu,col=%zu", r->error_line, r->error_column);
    fputs(",title=draftlint::", out);
    S_escape(out, r->error, false);
    fputc('\n', out);
    return;
  }
  for (size_t i = 0; i < r->diags.len; i++) {
    const dl_diag *d = &r->diags.items[i];
    size_t line, col, end_line, end_col;
    dl_doc_locate(r->doc, d->start, &line, &col);
    dl_doc_locate(r->doc, d->end, &end_line, &end_col);
    fprintf(out, "::%s file=", S_command(d->severity));
    S_escape(out, r->path, true);
    fprintf(out, ",line=%zu", line);
    if (end_line == line)
      fprintf(out, ",col=%zu,endLine=%zu,endColumn=%zu", col, end_line,
              end_col > col ? end_col - 1 : col);
    else
      fprintf(out, ",endLine=%zu", end_line);
    fputs(",title=", out);
    S_escape(out, d->rule, true);
    fputs("::", out);
    S_escape(out, d->message, false);
    fputc('\n', out);
  }
}

/* The findings are the output; a summary line would only be log noise. */
static void S_finish(dl_reporter *base, const dl_summary *s) {
  (void)base;
  (void)s;
}

static void S_free(dl_reporter *r) { free(r); }

dl_reporter *dl_report_github_new(const dl_report_options *options) {
  dl_reporter *r = dl_xcalloc(1, sizeof *r);
  *r = (dl_reporter){S_file, S_finish, S_free, *options};
  return r;
}
