/*
 * filter.c: the filter stage: drops the findings the draft's own
 * draftlint comments switch off (directive.h).
 */
#include "engine/filter.h"

#include <stdlib.h>
#include <string.h>

/* Does the comment apply to `rule` (no names: to every rule)? */
static bool S_names(const dl_directive *d, const char *rule) {
  if (d->nnames == 0)
    return true;
  for (size_t k = 0; k < d->nnames; k++)
    if (strcmp(d->names[k].name, rule) == 0)
      return true;
  return false;
}

/* Is `rule` off at the finding `f`?  The comments before it, in order,
 * decide; the last one that names the rule (or all rules) wins. */
static bool S_off(const dl_doc *doc, const dl_directive *ds, size_t n,
                  const dl_diag *f) {
  bool off = false;
  size_t line = dl_doc_line_index(doc, f->start);
  for (size_t i = 0; i < n; i++) {
    const dl_directive *d = &ds[i];
    if (!S_names(d, f->rule))
      continue;
    switch (d->kind) {
    case DL_DIRECTIVE_DISABLE_FILE:
      return true;
    case DL_DIRECTIVE_DISABLE_NEXT_LINE:
      if (line == d->last_line + 1)
        return true;
      break;
    case DL_DIRECTIVE_DISABLE:
      if (d->start < f->start)
        off = true;
      break;
    case DL_DIRECTIVE_ENABLE:
      if (d->start < f->start)
        off = false;
      break;
    default:
      break;
    }
  }
  return off;
}

void dl_directives_filter(const dl_doc *doc, dl_diag_list *diags,
                          const char *self) {
  size_t n;
  const dl_directive *ds = dl_doc_directives(doc, &n);
  if (n == 0)
    return;
  size_t kept = 0;
  for (size_t i = 0; i < diags->len; i++) {
    dl_diag *f = &diags->items[i];
    if (f->rule != self && S_off(doc, ds, n, f)) {
      free(f->message);
      if (f->fix) {
        free(f->fix->text);
        free(f->fix);
      }
      continue;
    }
    diags->items[kept++] = *f;
  }
  diags->len = kept;
}

