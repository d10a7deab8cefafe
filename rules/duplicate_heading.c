/*
 * duplicate_heading.c: two headings that say the same thing.
 *
 * Headings are compared by their plain text (markup gone) under
 * dl_text_key: NFKC, case folding, collapsed spaces, curly quotes read as
 * straight, trailing ':', ';', ',' and '.' dropped but not an ellipsis
 * ("C++", "50%", "Wait..." and "Why?" keep theirs).  By default only siblings are compared
 * (same level, same parent section), since a copy-pasted section repeats at
 * its own level while real posts reuse a sub-heading under different
 * parents.  Among siblings, headings that recur as labels are not
 * duplicates either: a text used three or more times, or two texts that
 * alternate (a dialogue's "Executive" / "PM").
 */
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/search.h"
#include "registry.h"

/* scope = document: any two headings in the file are compared, not only
 * siblings (the option's second choice). */
static bool S_document_wide(const dl_sink *sink) {
  return dl_option_choice(sink->settings, DL_RULE_DUPLICATE_HEADING,
                          "scope") == 1;
}
#include "draftlint/strmap.h"

typedef struct heading {
  size_t start, end;   /* the visible text in the source */
  size_t from, to;     /* the same in the block's plain text */
  const dl_block *block;
  char *key;           /* scope and normalised text; owned */
  size_t group;        /* index of the first heading with this key */
  size_t count;        /* headings in the group (valid on the first) */
  size_t last;         /* index of the last heading with this key (ditto) */
} heading;

/* The trimmed visible text of a heading. */
static void S_span(const dl_block *b, heading *h) {
  const dl_text *t = &b->text;
  size_t i = 0, j = t->len;
  while (i < j && strchr(" \t\n", t->s[i]))
    i++;
  while (j > i && strchr(" \t\n", t->s[j - 1]))
    j--;
  h->from = i;
  h->to = j;
  h->start = i < j ? t->map[i] : b->start;
  h->end = i < j ? t->map[j - 1] + 1 : b->end;
  if (h->end < h->start)
    h->end = h->start;
}

/* Writes the decimal digits of v (which may be negative) at `out`, which
 * has room for 24 bytes; returns how many it wrote. */
static size_t S_decimal(long v, char *out) {
  char digits[24];
  size_t n = 0, w = 0;
  unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
  do
    digits[n++] = (char)('0' + u % 10);
  while ((u /= 10) > 0);
  if (v < 0)
    out[w++] = '-';
  while (n > 0)
    out[w++] = digits[--n];
  return w;
}

/* "PARENT\x1fLEVEL\x1fTEXT", a sibling heading's key, written by hand:
 * printf formatting cost more than the rest of a heading's key. */
static char *S_scoped_key(long parent, int level, const char *text) {
  size_t len = strlen(text);
  char *key = dl_xmalloc(24 + 1 + 24 + 1 + len + 1), *p = key;
  p += S_decimal(parent, p);
  *p++ = '\x1f';
  p += S_decimal(level, p);
  *p++ = '\x1f';
  memcpy(p, text, len + 1);
  return key;
}

/* Fills `out` with the headings that have text, each keyed by its scope:
 * the parent section (nearest earlier heading of a lower level) and level
 * for siblings, nothing for the whole document. */
static size_t S_collect(const dl_doc *doc, const dl_sink *sink, heading *out) {
  long latest[7] = {-1, -1, -1, -1, -1, -1, -1}; /* per level, in `out` */
  size_t n = 0;
  for (size_t i = 0; i < doc->nblocks; i++) {
    const dl_block *b = &doc->blocks[i];
    if (b->type != CMARK_NODE_HEADING)
      continue;
    heading h = {.block = b};
    S_span(b, &h);
    if (h.from == h.to)
      continue;
    long parent = -1;
    for (int l = b->level - 1; l >= 1 && parent < 0; l--)
      parent = latest[l];
    latest[b->level] = (long)n;
    for (int l = b->level + 1; l <= 6; l++)
      latest[l] = -1;
    char *text = dl_text_key(b->text.s + h.from, h.to - h.from);
    h.key = S_document_wide(sink)
                ? dl_xstrdup(text)
                : S_scoped_key(parent, b->level, text);
    free(text);
    out[n++] = h;
  }
  return n;
}

/* Do the group of `a` and another group interleave (A B A B, B A B A)?
 * h[a] and h[b] are the only two members of a's group, a < b: they
 * interleave with a heading m between them whose group has a member
 * outside [a, b], that is, whose group's first member is before a or whose
 * last member is after b.  Asked for every duplicate, scanning the
 * headings between would be quadratic (cubic, scanning each group too), so
 * the minimum first member and maximum last member over (a, b) come from
 * two monotonic stacks over the headings before b, kept as b advances. */
typedef struct interleave {
  size_t *low, nlow;   /* indices whose group starts lower than any later */
  size_t *high, nhigh; /* indices whose group ends higher than any later */
  size_t added;        /* headings [0, added) are on the stacks */
} interleave;

/* First stack entry (by heading index) after heading a, or n if none. */
static size_t S_after(const size_t *stack, size_t n, size_t a) {
  return dl_lower_bound(stack, n, a, true);
}

static bool S_alternates(const heading *h, interleave *iv, size_t a, size_t b) {
  for (; iv->added < b; iv->added++) { /* push the headings before b */
    size_t m = iv->added;
    while (iv->nlow && h[iv->low[iv->nlow - 1]].group >= h[m].group)
      iv->nlow--;
    iv->low[iv->nlow++] = m;
    size_t last = h[h[m].group].last;
    while (iv->nhigh && h[h[iv->high[iv->nhigh - 1]].group].last <= last)
      iv->nhigh--;
    iv->high[iv->nhigh++] = m;
  }
  /* The first entry after a holds the extreme over (a, b). */
  size_t k = S_after(iv->low, iv->nlow, a);
  if (k < iv->nlow && h[iv->low[k]].group < a)
    return true;
  k = S_after(iv->high, iv->nhigh, a);
  return k < iv->nhigh && h[h[iv->high[k]].group].last > b;
}

static void S_report(const dl_doc *doc, dl_sink *sink, const heading *first,
                     const heading *dup) {
  size_t line, col;
  dl_doc_locate(doc, first->block->start, &line, &col);
  char *shown = dl_xstrndup(dup->block->text.s + dup->from, dup->to - dup->from);
  for (char *p = shown; *p; p++)
    if (*p == '\n')
      *p = ' ';
  dl_diag *d = dl_report(sink,
                         S_document_wide(sink) ? DL_MSG_HEADING_REPEATS
                                               : DL_MSG_HEADING_REPEATS_SIBLING,
                         dup->start, dup->end, shown, line);
  if (d) { /* the line named: a report that shows no lines links to it */
    d->has_related = true;
    d->related = first->start;
  }
  free(shown);
}

static void S_check(const dl_doc *doc, dl_sink *sink) {
  heading *h = dl_xcalloc(doc->nblocks ? doc->nblocks : 1, sizeof *h);
  size_t n = S_collect(doc, sink, h);
  dl_strmap groups;
  dl_strmap_init(&groups);
  for (size_t i = 0; i < n; i++) {
    bool added;
    dl_strmap_entry *e = dl_strmap_put(&groups, h[i].key, strlen(h[i].key), &added);
    if (added)
      e->value = (void *)(i + 1); /* +1: NULL means "absent" */
    h[i].group = (size_t)e->value - 1;
    h[h[i].group].count++;
    h[h[i].group].last = i;
  }
  interleave iv = {.low = dl_xcalloc(n ? n : 1, sizeof(size_t)),
                   .high = dl_xcalloc(n ? n : 1, sizeof(size_t))};
  for (size_t i = 0; i < n; i++) {
    size_t g = h[i].group;
    if (g == i)
      continue;
    /* Among siblings, a recurring label is no copy; asked to compare the
     * whole document, every repeat counts. */
    bool label = !S_document_wide(sink) &&
                 (h[g].count > 2 || S_alternates(h, &iv, g, i));
    if (!label)
      S_report(doc, sink, &h[g], &h[i]);
  }
  for (size_t i = 0; i < n; i++)
    free(h[i].key);
  free(iv.low);
  free(iv.high);
  free(h);
  dl_strmap_free(&groups);
}

static const dl_option S_options[] = {
    {"scope", "siblings, document", NULL},
};

const dl_rule_ops dl_ops_duplicate_heading = {
    .options = S_options, .noptions = 1, .check = S_check};
