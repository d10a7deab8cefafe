/*
 * report_html.c: one self-contained HTML page, the writer's view.
 *
 *   header   what was linted, counts per rule and severity, a table of
 *            contents (several files), and every finding, linked to its place
 *   main     one section per file: the post rendered by cmark (html_post.c),
 *            each finding's span highlighted in its rule's colour behind a
 *            numbered badge; hovering or focusing a badge shows the message
 *            and the suggested fix
 *
 * Results arrive one file at a time and are freed right after, while the
 * header (which comes first on the page) needs every count: so each file's
 * section and list entries are rendered into memory streams at once, and
 * the page is written in order in `finish`.
 *
 * The page needs nothing but itself: inline CSS, system fonts, no script
 * (tooltips are CSS :hover and :focus), and a Content-Security-Policy that
 * forbids every fetch and every script, on top of cmark's safe mode and
 * the escaping of everything that came from a draft, a message or a path.
 * Rule colours are not a fixed list: each rule seen gets a hue, spread
 * evenly around the colour wheel in the order of the rule names.
 */
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "report/html_escape.h"
#include "report/html_post.h"
#include "report/report.h"
#include "report/rule_url.h"

#ifndef DL_VERSION
#define DL_VERSION "0.0.0"
#endif

#define EXCERPT 40 /* code points of context around a finding in the list */
#define FIX_TEXT 80 /* code points of a fix's text shown */
#define TOC_OPEN 30 /* files listed open at the top; more start folded */

typedef struct rule_stat {
  char *name; /* owned copy */
  size_t count[DL_SEV_ERROR + 1];
} rule_stat;

typedef struct html_reporter {
  dl_reporter base;
  dl_html_buf list;     /* the findings, for the header */
  dl_html_buf toc;      /* one line per input */
  dl_html_buf sections; /* the rendered posts */
  dl_html_buf failures; /* inputs that could not be linted */
  rule_stat *rules;     /* in order of first appearance: dl-r<index> */
  size_t nrules, cap_rules;
  size_t number; /* findings numbered so far, across files */
  size_t linted; /* sections written */
  char *title;   /* the one input's path, while there is one */
  size_t inputs;
} html_reporter;

static const char S_css[] =
    ":root{--ink:#1f1f1f;--muted:#66615b;--rule:#e6e1d9;--paper:#fffdf9;"
    "--ui:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,"
    "sans-serif;--serif:Charter,'Bitstream Charter','Iowan Old Style',"
    "'Palatino Linotype',Palatino,Georgia,'DejaVu Serif',serif;"
    "--mono:ui-monospace,'SFMono-Regular',Menlo,Consolas,'DejaVu Sans Mono',"
    "monospace}\n"
    "*{box-sizing:border-box}\n"
    "html{background:var(--paper);color:var(--ink)}\n"
    "body{margin:0;font:18px/1.65 var(--serif);"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    ".dl-summary,.dl-file-head,.dl-foot{font-family:var(--ui);font-size:15px;"
    "line-height:1.5}\n"
    ".dl-summary{max-width:42rem;margin:0 auto;padding:2.5rem 1.25rem 1rem}\n"
    ".dl-kicker{margin:0;color:var(--muted);font-size:13px;letter-spacing:.08em;"
    "text-transform:uppercase}\n"
    ".dl-summary h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .4rem;"
    "overflow-wrap:anywhere}\n"
    ".dl-summary h2{font-size:1.05rem;margin:1.6rem 0 .5rem}\n"
    ".dl-total{margin:0 0 1rem;font-size:1.05rem}\n"
    ".dl-counts{border-collapse:collapse;margin:.5rem 0 1rem;min-width:60%}\n"
    ".dl-counts th,.dl-counts td{padding:.3rem .7rem;border-bottom:1px solid "
    "var(--rule);text-align:right;font-variant-numeric:tabular-nums}\n"
    ".dl-counts th:first-child{text-align:left;font-weight:600}\n"
    ".dl-counts thead th{font-weight:500;color:var(--muted);font-size:13px}\n"
    ".dl-counts tfoot th,.dl-counts tfoot td{border-bottom:0;font-weight:600}\n"
    ".dl-sw{display:inline-block;width:.8em;height:.8em;border-radius:2px;"
    "background:var(--dl-c);margin-right:.5em;vertical-align:-.05em}\n"
    ".dl-toc ol,.dl-list,.dl-failures{padding-left:0;list-style:none;margin:0}\n"
    ".dl-toc li{padding:.15rem 0}\n"
    ".dl-toc .dl-cnt{color:var(--muted);margin-left:.4em}\n"
    ".dl-toc .dl-has{color:#b3261e}\n"
    ".dl-toc summary{font-weight:700;font-size:1.05rem;margin:1.6rem 0 .5rem;"
    "cursor:pointer}\n"
    ".dl-toc a,.dl-list-file a{color:#1a5fb4}\n"
    ".dl-list li{padding:.55rem 0;border-top:1px solid var(--rule)}\n"
    ".dl-list li:first-child{border-top:0}\n"
    ".dl-list-file{font-size:.95rem;margin:1rem 0 .2rem;overflow-wrap:anywhere}\n"
    ".dl-one .dl-list-file{display:none}\n"
    ".dl-go{color:inherit;text-decoration:none;font-variant-numeric:tabular-nums}\n"
    ".dl-go:hover .dl-pos,.dl-go:focus .dl-pos{text-decoration:underline}\n"
    ".dl-pos{color:var(--muted);margin:0 .35em}\n"
    ".dl-n{display:inline-block;min-width:1.6em;padding:.05em .4em;"
    "border-radius:1em;background:var(--dl-c);color:#fff;text-align:center;"
    "font:600 12px/1.5 var(--ui)}\n"
    ".dl-sev{font-weight:600;text-transform:lowercase}\n"
    ".dl-sev-error .dl-sev{color:#b3261e}.dl-sev-warning .dl-sev{color:#8a5a00}"
    ".dl-sev-info .dl-sev{color:#33658a}\n"
    ".dl-rule{color:var(--muted);font-size:13px;margin-left:.3em}\n"
    ".dl-msg{display:block;margin:.15rem 0 0 2.1em}\n"
    ".dl-ex,.dl-fix{display:block;margin:.2rem 0 0 2.1em;font:13px/1.5 "
    "var(--mono);color:#3d3a36;overflow-wrap:anywhere}\n"
    ".dl-fix{font-family:var(--ui)}\n"
    ".dl-fix code,.dl-tip code{font:12px/1.4 var(--mono);background:rgba(127,"
    "127,127,.18);padding:0 .2em;border-radius:3px}\n"
    ".dl-failures li{padding:.2rem 0;color:#b3261e}\n"
    ".dl-clean{color:var(--muted)}\n"
    "main{padding:0 1.25rem 3rem}\n"
    ".dl-file{max-width:39.5rem;margin:2.5rem auto 0;padding-top:1.5rem;"
    "border-top:3px double var(--rule)}\n"
    ".dl-file-head{margin-bottom:1.5rem}\n"
    ".dl-file-head h2{font-size:1rem;margin:0;color:var(--muted);"
    "overflow-wrap:anywhere}\n"
    ".dl-file-head p{margin:.1rem 0 0}\n"
    ".dl-notice{color:#8a5a00}\n"
    ".dl-post{overflow-wrap:break-word}\n"
    ".dl-post h1,.dl-post h2,.dl-post h3,.dl-post h4,.dl-post h5,.dl-post h6{"
    "line-height:1.25;margin:2rem 0 .75rem}\n"
    ".dl-post h1{font-size:2.1rem}.dl-post h2{font-size:1.6rem}"
    ".dl-post h3{font-size:1.3rem}.dl-post h4,.dl-post h5,.dl-post h6{"
    "font-size:1.1rem}\n"
    ".dl-post p,.dl-post ul,.dl-post ol,.dl-post blockquote,.dl-post pre{"
    "margin:0 0 1.2rem}\n"
    ".dl-post li{margin:.3rem 0}\n"
    ".dl-post a{color:#1a5fb4;text-underline-offset:.15em}\n"
    ".dl-post blockquote{margin-left:0;padding-left:1.1rem;border-left:3px "
    "solid var(--rule);color:#45413c;font-style:italic}\n"
    ".dl-post code{font:.85em/1.4 var(--mono);background:#f2eee7;"
    "padding:.1em .25em;border-radius:3px}\n"
    /* the pre's own font sets each line's height: the post's 18px/1.65
     * under 14px code made code blocks look double-spaced */
    ".dl-post pre{background:#f2eee7;padding:.8rem 1rem;border-radius:4px;"
    "overflow-x:auto;font:14px/1.45 var(--mono)}\n"
    ".dl-post pre code{background:none;padding:0;font:inherit}\n"
    ".dl-post hr{border:0;border-top:1px solid var(--rule);margin:2rem 0}\n"
    ".dl-raw{color:var(--muted);font-size:.8em}\n"
    "pre.dl-raw{border:1px dashed var(--rule);background:none}\n"
    ".dl-img{display:inline-block;max-width:100%;border:1px dashed #b9b2a7;"
    "border-radius:4px;padding:.1rem .5rem;font:14px/1.5 var(--ui);"
    "color:var(--muted);overflow-wrap:anywhere}\n"
    ".dl-img-l{font-weight:600;text-transform:uppercase;font-size:11px;"
    "letter-spacing:.06em}\n"
    ".dl-img-u{font:12px/1.4 var(--mono)}\n"
    "mark.dl-h{background:var(--dl-t);color:inherit;border-bottom:2px solid "
    "var(--dl-c);padding:0 1px;border-radius:2px}\n"
    "mark.dl-h mark.dl-h{border-bottom-style:double;border-bottom-width:4px}\n"
    /* the part a fix changes (a doubled word in its highlighted sentence)
     * stands out from the highlight around it */
    "mark.dl-part{background:var(--paper);color:inherit;border-radius:2px;"
    "padding:0 1px;box-shadow:inset 0 0 0 2px var(--dl-c)}\n"
    ".dl-ref{color:inherit;text-decoration:underline}\n"
    ".dl-tip .dl-ref{pointer-events:auto;color:#fff}\n"
    "mark.dl-h:empty{display:inline-block;width:0;height:1.1em;padding:0;"
    "margin:0 1px;border:0;border-left:3px solid var(--dl-c);"
    "vertical-align:-.15em;border-radius:0}\n"
    ".dl-m{position:relative;display:inline-block;margin:0 2px 0 1px;"
    "min-width:1.5em;padding:0 .35em;border-radius:1em;background:var(--dl-c);"
    "color:#fff;font:600 11px/1.6 var(--ui);font-style:normal;text-align:center;"
    "text-transform:none;letter-spacing:0;text-indent:0;vertical-align:.45em;"
    "cursor:help;user-select:none}\n"
    ".dl-m:focus{outline:2px solid var(--ink);outline-offset:1px}\n"
    ".dl-m:target{box-shadow:0 0 0 4px var(--dl-t)}\n"
    ".dl-tip{display:none;position:absolute;z-index:10;left:-.4em;top:1.9em;"
    "width:max-content;max-width:min(24rem,80vw);padding:.6rem .75rem;"
    "border-radius:6px;background:#23211e;color:#f5f2ec;text-align:left;"
    "font:400 14px/1.45 var(--ui);white-space:normal;pointer-events:none;"
    "box-shadow:0 6px 24px rgba(0,0,0,.25);"
    "border-top:4px solid var(--dl-c)}\n"
    ".dl-tip>span{display:block}\n"
    ".dl-tip .dl-sev{color:#ffb4a9}\n"
    ".dl-tip-f{margin-top:.35rem;color:#cfe8cf}\n"
    ".dl-tip code{background:rgba(255,255,255,.14)}\n"
    ".dl-m:hover .dl-tip,.dl-m:focus .dl-tip,.dl-m:focus-within .dl-tip,"
    ".dl-m:target .dl-tip{display:block}\n"
    /* where the browser can, the tooltip is placed against its badge and
     * within the window: below it, or above when the window ends first */
    ".dl-m{anchor-name:--dl-badge;anchor-scope:--dl-badge}\n"
    "@supports (position-area:bottom){.dl-tip{position:fixed;left:auto;"
    "top:auto;position-anchor:--dl-badge;position-area:bottom span-right;"
    "margin:.3em 0;position-try-fallbacks:flip-block,flip-inline,"
    "flip-block flip-inline}}\n"
    ".dl-m:hover .dl-tip{z-index:11}\n"
    ".dl-gap{margin:0 0 .6rem;line-height:1}\n"
    ".dl-foot{max-width:42rem;margin:0 auto;padding:1rem 1.25rem 3rem;"
    "color:var(--muted);font-size:13px}\n"
    "@media print{html{background:#fff}body{font-size:11.5pt}"
    ".dl-tip{display:none!important}.dl-summary{padding-top:0}"
    ".dl-file{break-before:page;border-top:0}.dl-m{vertical-align:.3em}"
    ".dl-post a{color:inherit}}\n";

static rule_stat *S_rule(html_reporter *h, const char *name, size_t *index) {
  for (size_t i = 0; i < h->nrules; i++)
    if (strcmp(h->rules[i].name, name) == 0) {
      *index = i;
      return &h->rules[i];
    }
  h->rules = dl_xgrow(h->rules, &h->cap_rules, h->nrules + 1, sizeof *h->rules);
  rule_stat *r = &h->rules[h->nrules];
  *r = (rule_stat){.name = dl_xstrdup(name)};
  *index = h->nrules++;
  return r;
}

static void S_plural(FILE *out, size_t n, const char *word) {
  fprintf(out, "%zu %s%s", n, word, n == 1 ? "" : "s");
}

/* "3 problems (2 errors, 1 warning)" or "no problems". */
static void S_counts(FILE *out, size_t problems, const size_t *by_severity) {
  if (!problems) {
    fputs("no problems", out);
    return;
  }
  S_plural(out, problems, "problem");
  static const char *const names[] = {"", "info", "warning", "error"};
  const char *sep = " (";
  for (int sev = DL_SEV_ERROR; sev >= DL_SEV_INFO; sev--) {
    if (!by_severity[sev])
      continue;
    fputs(sep, out);
    S_plural(out, by_severity[sev], names[sev]);
    sep = ", ";
  }
  fputc(')', out);
}

/* The whole run in one line, as the text format ends, but counting from
 * the files the heading names: "3 problems (3 errors) in 2 of 4 files; 1
 * file could not be linted". */
static void S_total(FILE *out, const dl_summary *s) {
  S_counts(out, s->problems, s->by_severity);
  size_t files = s->problems ? s->files_with_problems : s->files - s->failures;
  if (files != s->files)
    fprintf(out, " in %zu of %zu files", files, s->files);
  else
    fprintf(out, " in %zu file%s", files, files == 1 ? "" : "s");
  if (s->failures)
    fprintf(out, "; %zu file%s could not be linted", s->failures,
            s->failures == 1 ? "" : "s");
}

/* What the fix does, for the tooltip and the list: "replace X with Y". */
static void S_fix(FILE *out, const dl_doc *doc, const dl_fix *fix) {
  size_t start = fix->start < doc->len ? fix->start : doc->len;
  size_t end = fix->end < doc->len ? fix->end : doc->len;
  end = end < start ? start : end;
  const char *text = fix->text ? fix->text : "";
  fputs("Fix: ", out);
  if (start == end) {
    fputs("insert <code>", out);
    dl_html_escape_clip(out, text, strlen(text), FIX_TEXT);
  } else {
    fputs(*text ? "replace <code>" : "delete <code>", out);
    dl_html_escape_clip(out, doc->src + start, end - start, FIX_TEXT);
    if (*text) {
      fputs("</code> with <code>", out);
      dl_html_escape_clip(out, text, strlen(text), FIX_TEXT);
    }
  }
  fputs("</code>", out);
}

/* The finding's source line around its span, the span marked. */
static void S_excerpt(FILE *out, const dl_doc *doc, const dl_diag *d,
                      size_t rule) {
  const char *s;
  size_t n;
  dl_doc_line(doc, dl_doc_line_index(doc, d->start), &s, &n);
  size_t base = (size_t)(s - doc->src);
  size_t at = d->start > base ? d->start - base : 0;
  size_t to = d->end > base ? d->end - base : 0;
  at = at > n ? n : at;
  to = to > n ? n : to < at ? at : to;
  size_t from = at;
  for (int cps = 0; from > 0 && cps < EXCERPT; cps++) {
    int32_t cp;
    from -= dl_utf8_decode_back(s, from, &cp);
  }
  while (from < at && (s[from] == ' ' || s[from] == '\t'))
    from++;
  fputs("<span class=\"dl-ex\">", out);
  if (from > 0)
    fputs("\xE2\x80\xA6", out);
  dl_html_escape(out, s + from, at - from);
  fprintf(out, "<mark class=\"dl-h dl-r%zu\">", rule);
  dl_html_escape_clip(out, s + at, to - at, 2 * EXCERPT);
  fputs("</mark>", out);
  dl_html_escape_clip(out, s + to, n - to, EXCERPT);
  fputs("</span>", out);
}

/* The message, escaped.  A finding that names another place by its line
 * ("repeats the heading on line 15") gets that line made a link to the
 * place, which the rendered page marks (S_file): a line number means
 * nothing on a rendered page. */
static void S_message(FILE *out, const dl_doc *doc, const dl_diag *d,
                      size_t number) {
  const char *at = NULL;
  char said[40];
  if (d->has_related) {
    size_t line, col;
    dl_doc_locate(doc, d->related, &line, &col);
    snprintf(said, sizeof said, "line %zu", line);
    at = strstr(d->message, said);
  }
  if (!at) {
    dl_html_escape_str(out, d->message);
    return;
  }
  dl_html_escape(out, d->message, (size_t)(at - d->message));
  fprintf(out, "<a class=\"dl-ref\" href=\"#dl-at-%zu\">", number);
  dl_html_escape_str(out, said);
  fputs("</a>", out);
  dl_html_escape_str(out, at + strlen(said));
}

/* The badge: the finding's number, and a tooltip with its message and fix
 * (phrasing content only: it lands inside paragraphs and links). */
static char *S_badge(const dl_result *r, const dl_diag *d, size_t number,
                     size_t rule) {
  size_t line, col;
  dl_doc_locate(r->doc, d->start, &line, &col);
  dl_html_buf b;
  dl_html_buf_open(&b);
  fprintf(b.f,
          "<span class=\"dl-m dl-r%zu dl-sev-%s\" id=\"dl-f%zu\" tabindex=\"0\" "
          "aria-describedby=\"dl-t%zu\">%zu<span class=\"dl-tip\" "
          "role=\"tooltip\" id=\"dl-t%zu\"><span class=\"dl-tip-h\">"
          "<b class=\"dl-sev\">%s</b> ",
          rule, dl_severity_name(d->severity), number, number, number, number,
          dl_severity_name(d->severity));
  dl_html_escape_str(b.f, d->rule);
  fprintf(b.f, " \xC2\xB7 line %zu, column %zu</span><span class=\"dl-tip-m\">",
          line, col);
  S_message(b.f, r->doc, d, number);
  fputs("</span>", b.f);
  if (d->fix) {
    fputs("<span class=\"dl-tip-f\">", b.f);
    S_fix(b.f, r->doc, d->fix);
    fputs("</span>", b.f);
  }
  fputs("</span></span>", b.f);
  return dl_html_buf_take(&b, NULL);
}

static void S_list_entry(html_reporter *h, const dl_result *r,
                         const dl_diag *d, size_t number, size_t rule) {
  FILE *out = h->list.f;
  size_t line, col;
  dl_doc_locate(r->doc, d->start, &line, &col);
  fprintf(out,
          "<li class=\"dl-r%zu dl-sev-%s\" id=\"dl-l%zu\"><a class=\"dl-go\" "
          "href=\"#dl-f%zu\"><span class=\"dl-n\">%zu</span><span "
          "class=\"dl-pos\">line %zu, column %zu</span></a> <span "
          "class=\"dl-sev\">%s</span>",
          rule, dl_severity_name(d->severity), number, number, number, line,
          col, dl_severity_name(d->severity));
  /* the rule's name links to its page, where there is one */
  const dl_rule_info *info = dl_rule_info_find(&h->base.options, d->rule);
  if (info && info->url) {
    fputs("<a class=\"dl-rule\" href=\"", out);
    dl_html_escape_str(out, info->url);
    fputs("\" title=\"what this rule finds, and how to silence it\">", out);
  } else {
    fputs("<span class=\"dl-rule\">", out);
  }
  dl_html_escape_str(out, d->rule);
  fputs(info && info->url ? "</a>" : "</span>", out);
  fputs("<span class=\"dl-msg\">", out);
  S_message(out, r->doc, d, number);
  fputs("</span>", out);
  S_excerpt(out, r->doc, d, rule);
  if (d->fix) {
    fputs("<span class=\"dl-fix\">", out);
    S_fix(out, r->doc, d->fix);
    fputs("</span>", out);
  }
  fputs("</li>\n", out);
}

static void S_note_input(html_reporter *h, const char *path) {
  free(h->title);
  h->title = h->inputs++ ? NULL : dl_xstrdup(path);
}

static void S_failure(html_reporter *h, const dl_result *r) {
  dl_report_failure(r, false); /* a hook's log still says why */
  FILE *out = h->failures.f;
  fputs("<li><b>", out);
  dl_html_escape_str(out, r->path);
  if (r->error_line)
    fprintf(out, ":%zu:%zu", r->error_line, r->error_column);
  fputs("</b>: ", out);
  dl_html_escape_str(out, r->error);
  fputs("</li>\n", out);
  fputs("<li>", h->toc.f);
  dl_html_escape_str(h->toc.f, r->path);
  fputs("<span class=\"dl-cnt\">could not be linted</span></li>\n", h->toc.f);
}

static void S_file(dl_reporter *base, const dl_result *r) {
  html_reporter *h = (html_reporter *)base;
  S_note_input(h, r->path);
  if (r->error) {
    S_failure(h, r);
    return;
  }
  size_t section = ++h->linted, n = r->diags.len;
  size_t by_severity[DL_SEV_ERROR + 1] = {0};
  /* each finding's mark, then the part of it a fix changes (so that a
   * doubled word shows inside its highlighted sentence), then the places
   * messages name (the anchors their links go to) */
  dl_html_mark *marks = dl_xcalloc(3 * n + 1, sizeof *marks);
  char **owned = dl_xcalloc(4 * n + 1, sizeof *owned);
  size_t nmarks = n, nowned = 2 * n;
  if (n) {
    fprintf(h->list.f, "<h3 class=\"dl-list-file\"><a href=\"#dl-file-%zu\">",
            section);
    dl_html_escape_str(h->list.f, r->path);
    fprintf(h->list.f, "</a></h3>\n<ol class=\"dl-list\" start=\"%zu\">\n",
            h->number + 1);
  }
  for (size_t i = 0; i < n; i++) {
    const dl_diag *d = &r->diags.items[i];
    size_t number = ++h->number, rule;
    S_rule(h, d->rule, &rule)->count[d->severity]++;
    by_severity[d->severity]++;
    marks[i] = (dl_html_mark){.start = d->start, .end = d->end,
                              .badge = owned[2 * i] =
                                  S_badge(r, d, number, rule),
                              .close = "</mark>"};
    dl_html_buf b;
    dl_html_buf_open(&b);
    fprintf(b.f, "<mark class=\"dl-h dl-r%zu\" data-f=\"%zu\" data-rule=\"",
            rule, number);
    dl_html_escape_str(b.f, d->rule);
    fputs("\">", b.f);
    marks[i].open = owned[2 * i + 1] = dl_html_buf_take(&b, NULL);
    S_list_entry(h, r, d, number, rule);
    if (d->fix && d->fix->start < d->fix->end && d->fix->start >= d->start &&
        d->fix->end <= d->end && (d->fix->end - d->fix->start) < (d->end - d->start))
      marks[nmarks++] = (dl_html_mark){
          .start = d->fix->start, .end = d->fix->end, .badge = "",
          .open = owned[nowned++] = dl_strdup_printf(
              "<mark class=\"dl-part dl-r%zu\" title=\"what the fix "
              "changes\">", rule),
          .close = "</mark>"};
    if (d->has_related)
      marks[nmarks++] = (dl_html_mark){
          .start = d->related, .end = d->related,
          .badge = owned[nowned++] = dl_strdup_printf(
              "<span class=\"dl-at\" id=\"dl-at-%zu\"></span>", number),
          .open = "", .close = ""};
  }
  if (n)
    fputs("</ol>\n", h->list.f);
  char *post = dl_html_post(r->doc, marks, nmarks);
  FILE *out = h->sections.f;
  fprintf(out, "<section class=\"dl-file\" id=\"dl-file-%zu\">\n"
               "<div class=\"dl-file-head\"><h2>", section);
  dl_html_escape_str(out, r->path);
  fputs("</h2><p>", out);
  S_counts(out, n, by_severity);
  fputs("</p>", out);
  if (r->notice) {
    fputs("<p class=\"dl-notice\">", out);
    dl_html_escape_str(out, r->notice);
    fputs("</p>", out);
  }
  fprintf(out, "</div>\n<article class=\"dl-post\">\n%s</article>\n"
               "</section>\n", post);
  fprintf(h->toc.f, "<li><a href=\"#dl-file-%zu\">", section);
  dl_html_escape_str(h->toc.f, r->path);
  fputs(n ? "</a><span class=\"dl-cnt dl-has\">" : "</a><span class=\"dl-cnt\">",
        h->toc.f);
  S_counts(h->toc.f, n, by_severity);
  fputs("</span></li>\n", h->toc.f);
  free(post);
  for (size_t i = 0; i < nowned; i++)
    free(owned[i]);
  free(owned);
  free(marks);
}

static int S_cmp_rule(const void *a, const void *b) {
  return strcmp((*(rule_stat *const *)a)->name, (*(rule_stat *const *)b)->name);
}

/* One hue per rule, spread evenly in the order of the names, so any set of
 * rules gets colours as far apart as they can be. */
static void S_colours(FILE *out, rule_stat **sorted, size_t n,
                      const html_reporter *h) {
  fputs("<style>", out);
  for (size_t i = 0; i < n; i++) {
    size_t index = (size_t)(sorted[i] - h->rules);
    unsigned hue = (unsigned)((8 + i * 360 / n) % 360);
    fprintf(out,
            ".dl-r%zu{--dl-c:hsl(%u,68%%,38%%);--dl-t:hsl(%u,95%%,89%%)}", index,
            hue, hue);
  }
  fputs("</style>\n", out);
}

static void S_finish(dl_reporter *base, const dl_summary *s) {
  html_reporter *h = (html_reporter *)base;
  FILE *out = base->options.out;
  rule_stat **sorted = dl_xcalloc(h->nrules + 1, sizeof *sorted);
  for (size_t i = 0; i < h->nrules; i++)
    sorted[i] = &h->rules[i];
  qsort(sorted, h->nrules, sizeof *sorted, S_cmp_rule);

  fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
        "'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
        "form-action 'none'\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        "<meta name=\"generator\" content=\"draftlint " DL_VERSION "\">\n"
        "<title>draftlint: ",
        out);
  if (h->title)
    dl_html_escape_str(out, h->title);
  else
    fprintf(out, "%zu files", s->files);
  fputs(" \xE2\x80\x94 ", out);
  S_total(out, s);
  fprintf(out, "</title>\n<style>\n%s</style>\n", S_css);
  S_colours(out, sorted, h->nrules, h);
  fputs(h->inputs == 1 ? "</head>\n<body class=\"dl-one\">\n"
                       : "</head>\n<body>\n",
        out);
  fputs("<header class=\"dl-summary\">\n"
        "<p class=\"dl-kicker\">draftlint report</p>\n<h1>",
        out);
  if (h->title)
    dl_html_escape_str(out, h->title);
  else
    fprintf(out, "%zu files", s->files);
  fputs("</h1>\n<p class=\"dl-total\">", out);
  S_total(out, s);
  fputs("</p>\n", out);

  if (h->nrules) {
    fputs("<table class=\"dl-counts\"><thead><tr><th>rule</th><th>errors</th>"
          "<th>warnings</th><th>infos</th><th>total</th></tr></thead><tbody>\n",
          out);
    for (size_t i = 0; i < h->nrules; i++) {
      const rule_stat *r = sorted[i];
      size_t total = 0;
      fprintf(out, "<tr class=\"dl-r%zu\"><th><span class=\"dl-sw\"></span>",
              (size_t)(r - h->rules));
      dl_html_escape_str(out, r->name);
      fputs("</th>", out);
      for (int sev = DL_SEV_ERROR; sev >= DL_SEV_INFO; sev--) {
        fprintf(out, "<td>%zu</td>", r->count[sev]);
        total += r->count[sev];
      }
      fprintf(out, "<td>%zu</td></tr>\n", total);
    }
    fprintf(out, "</tbody><tfoot><tr><th>all rules</th><td>%zu</td><td>%zu</td>"
                 "<td>%zu</td><td>%zu</td></tr></tfoot></table>\n",
            s->by_severity[DL_SEV_ERROR], s->by_severity[DL_SEV_WARNING],
            s->by_severity[DL_SEV_INFO], s->problems);
  }
  size_t len;
  char *failures = dl_html_buf_take(&h->failures, &len);
  if (len)
    fprintf(out, "<h2>Could not be linted</h2>\n<ul class=\"dl-failures\">\n"
                 "%s</ul>\n", failures);
  free(failures);
  char *toc = dl_html_buf_take(&h->toc, &len);
  if (s->files > 1)
    fprintf(out, "<nav class=\"dl-toc\" aria-label=\"files\">\n<details%s>"
                 "<summary>Files (%zu)</summary>\n<ol>\n%s</ol>\n</details>\n"
                 "</nav>\n",
            s->files <= TOC_OPEN ? " open" : "", s->files, toc);
  free(toc);
  char *list = dl_html_buf_take(&h->list, &len);
  if (len)
    fprintf(out, "<section class=\"dl-findings\" aria-label=\"findings\">\n"
                 "<h2>Findings</h2>\n%s</section>\n", list);
  free(list);
  fputs("</header>\n<main>\n", out);
  char *sections = dl_html_buf_take(&h->sections, &len);
  fwrite(sections, 1, len, out);
  free(sections);
  fputs("</main>\n<footer class=\"dl-foot\">Made by draftlint " DL_VERSION
        ". Raw HTML in a draft is shown as written and never run; images are "
        "not loaded.</footer>\n</body>\n</html>\n",
        out);
  free(sorted);
}

static void S_free(dl_reporter *base) {
  html_reporter *h = (html_reporter *)base;
  free(dl_html_buf_take(&h->list, NULL));
  free(dl_html_buf_take(&h->toc, NULL));
  free(dl_html_buf_take(&h->sections, NULL));
  free(dl_html_buf_take(&h->failures, NULL));
  for (size_t i = 0; i < h->nrules; i++)
    free(h->rules[i].name);
  free(h->rules);
  free(h->title);
  free(h);
}

dl_reporter *dl_report_html_new(const dl_report_options *options) {
  html_reporter *h = dl_xcalloc(1, sizeof *h);
  h->base = (dl_reporter){S_file, S_finish, S_free, *options};
  dl_html_buf_open(&h->list);
  dl_html_buf_open(&h->toc);
  dl_html_buf_open(&h->sections);
  dl_html_buf_open(&h->failures);
  return &h->base;
}
