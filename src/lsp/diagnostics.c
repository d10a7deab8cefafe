/*
 * diagnostics.c: findings to LSP Diagnostics (LSP 3.17, "Diagnostic"), and
 * the edits their code actions will apply.
 */
#include "lsp/diagnostics.h"

#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/buf.h"
#include "registry.h"
#include "report/rule_url.h"

char *dl_lsp_rule_url(const char *rule) {
  for (int i = 0; i < DL_RULE_COUNT; i++)
    if (strcmp(dl_rules[i].name, rule) == 0)
      return dl_rule_url(rule);
  return NULL;
}

json_t *dl_lsp_range(size_t sl, size_t sc, size_t el, size_t ec) {
  return json_pack("{s:{s:I,s:I},s:{s:I,s:I}}", "start", "line",
                   (json_int_t)sl, "character", (json_int_t)sc, "end", "line",
                   (json_int_t)el, "character", (json_int_t)ec);
}

static json_t *S_range(const dl_lsp_text *t, dl_lsp_encoding enc,
                       size_t start, size_t end) {
  size_t sl, sc, el, ec;
  dl_lsp_position(t, enc, start, &sl, &sc);
  dl_lsp_position(t, enc, end, &el, &ec);
  return dl_lsp_range(sl, sc, el, ec);
}

static json_t *S_edit(json_t *range, const char *text) {
  return json_pack("{s:o,s:s}", "range", range, "newText", text);
}

/* The LSP's DiagnosticSeverity: 1 error, 2 warning, 3 information. */
static int S_severity(dl_severity s) {
  return s == DL_SEV_ERROR ? 1 : s == DL_SEV_WARNING ? 2 : 3;
}

static json_t *S_diagnostic(const dl_lsp_text *t, dl_lsp_encoding enc,
                            const dl_diag *d) {
  json_t *data = json_pack("{s:o,s:f}", "kind",
                           d->kind ? json_string(d->kind) : json_null(),
                           "confidence", d->confidence);
  json_t *diag = json_pack("{s:o,s:i,s:s,s:s,s:s,s:o}", "range",
                           S_range(t, enc, d->start, d->end), "severity",
                           S_severity(d->severity), "code", d->rule, "source",
                           "draftlint", "message", d->message, "data", data);
  char *url = dl_lsp_rule_url(d->rule);
  if (url)
    json_object_set_new(diag, "codeDescription", json_pack("{s:s}", "href", url));
  free(url);
  return diag;
}

/* The paragraph or heading holding `offset`, or NULL (blocks are in
 * document order). */
static const dl_block *S_block_at(const dl_doc *doc, size_t offset) {
  size_t lo = 0, hi = doc->nblocks;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (doc->blocks[mid].start <= offset)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == 0 || offset >= doc->blocks[lo - 1].end)
    return NULL;
  return &doc->blocks[lo - 1];
}

/* Whether s[a, b) is a setext underline ("===" or "---"). */
static bool S_underline(const char *s, size_t a, size_t b) {
  while (a < b && s[a] == ' ')
    a++;
  if (a == b || (s[a] != '=' && s[a] != '-'))
    return false;
  char c = s[a];
  while (a < b && (s[a] == c || s[a] == ' '))
    a++;
  return a == b;
}

/* Where an inline comment at the end of line `l - 1` can go: just past its
 * text (before a hard break's spaces or backslash), when that text is
 * part of a paragraph or heading; else (size_t)-1. */
static size_t S_inline_spot(const dl_lsp_text *t, const dl_doc *doc,
                            size_t l) {
  if (l == 0)
    return (size_t)-1;
  size_t a = t->line_start[l - 1], at = t->line_start[l];
  while (at > a && (t->s[at - 1] == '\n' || t->s[at - 1] == '\r'))
    at--;
  size_t text_end = at;
  while (at > a && (t->s[at - 1] == ' ' || t->s[at - 1] == '\t' ||
                    t->s[at - 1] == '\\'))
    at--;
  if (at == a || S_underline(t->s, a, text_end) ||
      !S_block_at(doc, at - 1))
    return (size_t)-1;
  return at;
}

/* The comment that disables `rule` on the line of `offset`
 * (directive.c: draftlint-disable-next-line applies to the line after the
 * comment's last line).  When the line before ends in a paragraph or a
 * heading, the comment goes at its end, where an inline comment changes
 * nothing the reader sees (a line of its own there would split the
 * paragraph or the list); otherwise it is a line of its own, indented and
 * quoted like the finding's line. */
static json_t *S_disable(const dl_lsp_text *t, dl_lsp_encoding enc,
                         const dl_doc *doc, const dl_diag *d) {
  size_t lt, lc;
  dl_lsp_position(t, enc, d->start, &lt, &lc);
  dl_buf b = {0};
  size_t at = S_inline_spot(t, doc, lt);
  if (at != (size_t)-1) {
    size_t pl, pc;
    dl_buf_puts(&b, " <!-- draftlint-disable-next-line ");
    dl_buf_puts(&b, d->rule);
    dl_buf_puts(&b, " -->");
    dl_lsp_position(t, enc, at, &pl, &pc);
    json_t *e = S_edit(dl_lsp_range(pl, pc, pl, pc), b.s);
    free(b.s);
    return e;
  }
  at = t->line_start[lt];
  size_t p = at;
  while (p < t->len && (t->s[p] == ' ' || t->s[p] == '\t' || t->s[p] == '>'))
    p++;
  dl_buf_put(&b, t->s + at, p - at);
  dl_buf_puts(&b, "<!-- draftlint-disable-next-line ");
  dl_buf_puts(&b, d->rule);
  dl_buf_puts(&b, " -->");
  const char *eol = strpbrk(t->s + at, "\r\n");
  dl_buf_puts(&b, eol && eol[0] == '\r' ? (eol[1] == '\n' ? "\r\n" : "\r")
                                        : "\n");
  json_t *e = S_edit(dl_lsp_range(lt, 0, lt, 0), b.s);
  free(b.s);
  return e;
}

static json_t *S_failure(const dl_result *r) {
  json_t *diag = json_pack("{s:o,s:i,s:s,s:s,s:s}", "range",
                           dl_lsp_range(0, 0, 0, 0), "severity", 1, "code",
                           "draftlint", "source", "draftlint", "message",
                           r->error);
  return json_pack("[{s:o,s:n,s:n}]", "diagnostic", diag, "fix", "disable");
}

json_t *dl_lsp_findings(const dl_result *r, dl_lsp_encoding enc) {
  if (!r->doc)
    return S_failure(r);
  const dl_doc *doc = r->doc;
  size_t *starts = NULL, cap = 0;
  size_t n = dl_lsp_lines(doc->src, doc->len, &starts, &cap);
  dl_lsp_text t = {doc->src, doc->len, starts, n};
  json_t *out = json_array();
  for (size_t i = 0; i < r->diags.len; i++) {
    const dl_diag *d = &r->diags.items[i];
    json_t *fix = d->fix ? S_edit(S_range(&t, enc, d->fix->start, d->fix->end),
                                  d->fix->text)
                         : json_null();
    json_array_append_new(out, json_pack("{s:o,s:o,s:o}", "diagnostic",
                                         S_diagnostic(&t, enc, d), "fix", fix,
                                         "disable",
                                         S_disable(&t, enc, doc, d)));
  }
  free(starts);
  return out;
}

json_t *dl_lsp_diagnostics_of(const json_t *findings) {
  json_t *out = json_array();
  size_t i;
  json_t *f;
  json_array_foreach(findings, i, f)
      json_array_append(out, json_object_get(f, "diagnostic"));
  return out;
}
