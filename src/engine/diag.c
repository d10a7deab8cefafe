/* diag.c: diagnostic lists: append, sort, deduplicate, free. */
#include "draftlint/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"

static const char *const S_severity_names[] = {"never", "info", "warning",
                                               "error"};

const char *dl_severity_name(dl_severity sev) {
  return S_severity_names[sev];
}

int dl_severity_parse(const char *name, dl_severity *out) {
  for (int i = 0; i <= DL_SEV_ERROR; i++) {
    if (strcmp(name, S_severity_names[i]) == 0) {
      *out = (dl_severity)i;
      return 0;
    }
  }
  if (strcmp(name, "off") == 0) {
    *out = DL_SEV_NONE;
    return 0;
  }
  return -1;
}

dl_diag *dl_diag_list_push(dl_diag_list *list, size_t start, size_t end,
                           const char *rule, const char *kind,
                           dl_severity severity, char *message) {
  list->items =
      dl_xgrow(list->items, &list->cap, list->len + 1, sizeof *list->items);
  dl_diag *d = &list->items[list->len++];
  *d = (dl_diag){.start = start,
                 .end = end < start ? start : end,
                 .rule = rule,
                 .kind = kind,
                 .severity = severity,
                 .message = message,
                 .confidence = 1.0};
  return d;
}

void dl_diag_set_fix(dl_diag *d, size_t start, size_t end, const char *text) {
  if (d->fix) {
    free(d->fix->text);
    free(d->fix);
  }
  d->fix = dl_xmalloc(sizeof *d->fix);
  *d->fix = (dl_fix){start, end, dl_xstrdup(text)};
}

static int S_compare(const void *a, const void *b) {
  const dl_diag *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  int c = strcmp(x->rule, y->rule);
  return c ? c : strcmp(x->message, y->message);
}

static void S_diag_free(dl_diag *d) {
  free(d->message);
  if (d->fix) {
    free(d->fix->text);
    free(d->fix);
  }
}

void dl_diag_list_sort(dl_diag_list *list) {
  if (list->len < 2)
    return;
  qsort(list->items, list->len, sizeof *list->items, S_compare);
  size_t kept = 1;
  for (size_t i = 1; i < list->len; i++) {
    if (S_compare(&list->items[kept - 1], &list->items[i]) == 0)
      S_diag_free(&list->items[i]);
    else
      list->items[kept++] = list->items[i];
  }
  list->len = kept;
}

void dl_diag_list_free(dl_diag_list *list) {
  for (size_t i = 0; i < list->len; i++)
    S_diag_free(&list->items[i]);
  free(list->items);
  *list = (dl_diag_list){0};
}

char *dl_strdup_vprintf(const char *fmt, va_list ap) {
  /* Every finding's message passes here, and formatting costs far more
   * than copying: a message that fits the buffer is formatted once. */
  char small[512];
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(small, sizeof small, fmt, copy);
  va_end(copy);
  if (n < 0)
    return dl_xstrdup(fmt);
  char *s = dl_xmalloc((size_t)n + 1);
  if ((size_t)n < sizeof small)
    memcpy(s, small, (size_t)n + 1);
  else
    vsnprintf(s, (size_t)n + 1, fmt, ap);
  return s;
}

char *dl_strdup_printf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *s = dl_strdup_vprintf(fmt, ap);
  va_end(ap);
  return s;
}
