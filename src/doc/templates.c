/*
 * templates.c: template tags of static site generators, which are not
 * prose: Hugo shortcodes ({{< >}}, {{% %}}), Go templates and Liquid/Jekyll
 * output ({{ }}), Liquid/Jekyll and Nunjucks statements ({% %}) and their
 * comments ({# #}).  The parser reads a copy of the draft in which each tag
 * is spaces (its line breaks kept), so every position stays where it was
 * and no rule reads a quote or a star inside a tag.
 */
#include "draftlint/doc.h"

#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/diag.h"

/* Longest first: "{{<" is tried before "{{". */
static const dl_tag_pair S_defaults[] = {
    {"{{<", ">}}"}, {"{{%", "%}}"}, {"{{", "}}"}, {"{%", "%}"}, {"{#", "#}"}};

/* A tag closes within this many bytes, or it is no tag: an unclosed "{{"
 * blanks no more than that. */
enum { TAG_MAX = 1 << 16 };

/* Offset just past `close` after `from`, or 0 when it is not near. */
static size_t S_close(const char *src, size_t from, size_t len,
                      const char *close) {
  size_t n = strlen(close), limit = len - from > TAG_MAX ? from + TAG_MAX : len;
  for (size_t i = from; i + n <= limit;) {
    const char *p = memchr(src + i, close[0], limit - i);
    if (!p)
      return 0;
    i = (size_t)(p - src);
    if (i + n <= limit && memcmp(p, close, n) == 0)
      return i + n;
    i++;
  }
  return 0;
}

/* The pair whose opener is at src[i], the user's first, or NULL. */
static const dl_tag_pair *S_opener(const dl_templates *t, const char *src,
                                   size_t i, size_t len) {
  size_t nd = sizeof S_defaults / sizeof *S_defaults;
  for (size_t k = 0; t && k < t->nextra + nd; k++) {
    const dl_tag_pair *p = k < t->nextra ? &t->extra[k] : &S_defaults[k - t->nextra];
    size_t n = strlen(p->open);
    if (n && i + n <= len && memcmp(src + i, p->open, n) == 0)
      return p;
  }
  return NULL;
}

char *dl_templates_mask(const dl_templates *t, const char *src, size_t from,
                        size_t len) {
  static const dl_templates on = {0};
  if (!t)
    t = &on;
  if (t->off)
    return NULL;
  /* The bytes an opener starts with: only at those is a tag tried.  With
   * the built-in pairs alone that is '{', found by memchr in wide steps;
   * a user's pairs cost one table look-up per byte. */
  bool first[256] = {false};
  size_t nd = sizeof S_defaults / sizeof *S_defaults, kinds = 0;
  for (size_t k = 0; k < t->nextra + nd; k++) {
    unsigned char c = (unsigned char)(k < t->nextra
                                          ? t->extra[k].open[0]
                                          : S_defaults[k - t->nextra].open[0]);
    kinds += c && !first[c];
    first[c] = c != 0;
  }
  char *out = NULL;
  for (size_t i = from; i < len; i++) {
    if (kinds == 1) {
      const char *q = memchr(src + i, '{', len - i);
      if (!q)
        break;
      i = (size_t)(q - src);
    } else if (!first[(unsigned char)src[i]]) {
      continue;
    }
    const dl_tag_pair *p = S_opener(t, src, i, len);
    size_t end = p ? S_close(src, i + strlen(p->open), len, p->close) : 0;
    if (!end)
      continue;
    if (!out) {
      out = dl_xmalloc(len + 1);
      memcpy(out, src, len + 1);
    }
    for (size_t k = i; k < end; k++)
      if (out[k] != '\n' && out[k] != '\r')
        out[k] = ' ';
    i = end - 1;
  }
  return out;
}

int dl_templates_add(dl_templates *t, const char *spec, char **error) {
  const char *s = spec;
  while (*s) {
    s += strspn(s, " ,");
    if (!*s)
      break;
    size_t n1 = strcspn(s, " ,");
    const char *c = s + n1 + strspn(s + n1, " ");
    size_t n2 = strcspn(c, " ,");
    dl_tag_pair p = {{0}, {0}};
    if (n2 == 0 || *c == ',' || n1 >= sizeof p.open || n2 >= sizeof p.close) {
      *error = dl_strdup_printf(
          "'%s' is not a list of template delimiters; write each pair as "
          "OPEN CLOSE (at most %zu characters each), pairs separated by "
          "commas, e.g. '<%% %%>, [[ ]]'", spec, sizeof p.open - 1);
      return -1;
    }
    memcpy(p.open, s, n1);
    memcpy(p.close, c, n2);
    t->extra = dl_xrealloc(t->extra, (t->nextra + 1) * sizeof *t->extra);
    t->extra[t->nextra++] = p;
    s = c + n2;
  }
  return 0;
}

void dl_templates_free(dl_templates *t) {
  free(t->extra);
  t->extra = NULL;
  t->nextra = 0;
}
