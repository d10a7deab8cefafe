/*
 * tbm_link.c: every broken link to a Beautiful Mess post.
 *
 * Three passes over each paragraph and heading:
 *   1. the links and images cmark found: what the visible text names (a
 *      number, a title, both), what the URL is (tbm_url.c), and whether
 *      they agree with each other and with the catalog;
 *   2. the plain text, for citations cmark could not make into links: a
 *      "[TBM ..." with no closing bracket, no (url), a malformed (url), or
 *      a reference whose definition is missing (also "[Whole Title][x]");
 *   3. the plain text again, for bare URLs of the newsletter, which
 *      Substack turns into links when the post goes out.
 *
 * Which post the writer means: the title decides (numbers repeat across
 * series, and are the part writers get wrong); a URL that agrees with the
 * title or with the number confirms it; a lone number names its post when
 * it is the only one with that number.  Where two posts fit equally, the
 * finding lists both and carries no fix: the rule never guesses silently.
 *
 * Each link gets at most one finding, of the first kind that applies
 * (image syntax, empty text, no URL, wrong number, wrong URL); the others
 * are named in the same message, and one fix mends them all.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "draftlint/alloc.h"
#include "draftlint/buf.h"
#include "registry.h"
#include "draftlint/strmap.h"
#include "tbm_link/catalog.h"
#include "tbm_link/url.h"

/* ---- load ------------------------------------------------------------- */

/* The catalog: Substack's posts export, the bundled one or --catalog's. */
static const dl_option S_options[] = {
    {"catalog", NULL, "the path of a CSV file (Substack's posts export)"},
};
static const dl_data_file S_files[] = {
    {"tbm-posts.csv", "the TBM catalog", "catalog", 0, false, false},
};

static int S_load(const dl_settings *settings, const dl_data *data,
                  void **state, char **error) {
  (void)settings;
  dl_tbm_catalog *c =
      dl_tbm_catalog_parse(data[0].path, data[0].bytes, data[0].len, error);
  if (!c)
    return -1;
  *state = c;
  return 0;
}

static void S_unload(void *state) { dl_tbm_catalog_free(state); }

/* ---- small strings -------------------------------------------------------- */


static char *S_take(dl_buf *b) { return b->s ? b->s : dl_xstrdup(""); }

/* A quotation for a message: at most 70 characters, one line. */
static char *S_quote(const char *s, size_t n) {
  while (n && isspace((unsigned char)*s)) {
    s++;
    n--;
  }
  while (n && isspace((unsigned char)s[n - 1]))
    n--;
  dl_buf b = {0};
  size_t chars = 0, i = 0;
  for (; i < n && chars < 70; chars++) {
    int32_t cp;
    size_t len = dl_utf8_decode(s + i, n - i, &cp);
    dl_buf_put(&b, cp == '\n' ? " " : s + i, cp == '\n' ? 1 : len);
    i += len;
  }
  if (i < n)
    dl_buf_puts(&b, "...");
  return S_take(&b);
}

/* ---- the posts a text names ------------------------------------------------ */

/* The visible text of a link or image, with the source offset of each
 * byte (from the block's plain text, text.h). */
typedef struct view {
  dl_buf text;
  uint32_t *map;
  size_t mcap;
} view;

static void S_view(const dl_block *b, size_t start, size_t end, uint8_t want,
                   uint8_t skip, view *v) {
  *v = (view){0};
  const dl_text *t = &b->text;
  /* the map follows the source, so the link's bytes are found by binary
   * search, not by a scan of the block for each link (a block may hold
   * thousands); where it does not (a text the aligner could not place),
   * the view comes out short and no fix relies on it */
  size_t lo = 0, hi = t->len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->map[mid] < start)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = lo; i < t->len && t->map[i] < end; i++) {
    if (t->map[i] < start || !(t->flags[i] & want) || (t->flags[i] & skip))
      continue;
    v->map = dl_xgrow(v->map, &v->mcap, v->text.len + 1, sizeof *v->map);
    v->map[v->text.len] = t->map[i];
    dl_buf_put(&v->text, t->s[i] == '\n' ? " " : t->s + i, 1);
  }
  if (!v->text.s)
    dl_buf_puts(&v->text, "");
}

/* The visible text of a link or image from the tree: cmark's inline
 * positions can be off (an autolink after a soft break), so the text
 * itself never depends on them.  `pictured`: the link also shows an image
 * or inline HTML (a thumbnail, an <img>), which readers click as they
 * would a text. */
static void S_node_text(cmark_node *node, dl_buf *b, bool *pictured) {
  for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      dl_buf_puts(b, cmark_node_get_literal(c));
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      dl_buf_puts(b, " ");
      break;
    case CMARK_NODE_IMAGE: /* alt text in a link is no link text */
    case CMARK_NODE_HTML_INLINE:
      *pictured = true;
      break;
    default:
      S_node_text(c, b, pictured);
    }
  }
}

static void S_view_free(view *v) {
  free(v->text.s);
  free(v->map);
}

typedef struct naming {
  bool cite;                     /* a number, "TBM 37/53" or "32/52:" */
  char *key, *short_key;         /* the title's keys (tbm_catalog.h) */
  dl_tbm_cite c;                 /* offsets into the text */
  size_t lead;                   /* where the citation starts */
  const dl_tbm_posts *by_number; /* posts with that number, or NULL */
  const dl_tbm_posts *by_title;  /* posts with that title, or NULL */
  size_t title_start, title_end; /* the title in the text */
} naming;

static const dl_tbm_posts *S_title(const dl_tbm_catalog *cat, const char *s,
                                   size_t n) {
  bool exact;
  char *key = dl_tbm_key(s, n, false);
  const dl_tbm_posts *l = dl_tbm_by_title(cat, key, &exact);
  free(key);
  if (!l) { /* "Title (my aside)" */
    key = dl_tbm_key(s, n, true);
    l = dl_tbm_by_title(cat, key, &exact);
    free(key);
  }
  return l;
}

/* Words in a text ("and" and "&" not counted), to keep a one-word link
 * text ("Break", "here") from naming a post by its title alone. */
static size_t S_words(const char *s, size_t n) {
  size_t words = 0;
  for (size_t i = 0; i < n;) {
    while (i < n && !isalnum((unsigned char)s[i]) && !((unsigned char)s[i] & 0x80))
      i++;
    size_t start = i;
    while (i < n && (isalnum((unsigned char)s[i]) || ((unsigned char)s[i] & 0x80)))
      i++;
    if (i > start && !(i - start == 3 && strncasecmp(s + start, "and", 3) == 0))
      words++;
  }
  return words;
}

/* What the text s[0..n) names.  `titles`: may a text without a number
 * name a post by its title (only next to a URL of the newsletter, and only
 * a whole title of three words or more: "going deep" is also a phrase). */
static void S_name(const dl_tbm_catalog *cat, const char *s, size_t n,
                   bool titles, naming *N) {
  *N = (naming){0};
  size_t i = 0;
  while (i < n && isspace((unsigned char)s[i]))
    i++;
  N->lead = i;
  size_t end = n;
  while (end > i && isspace((unsigned char)s[end - 1]))
    end--;
  if (dl_tbm_parse_cite(s + i, end - i, &N->c)) {
    N->cite = true;
    N->by_number = dl_tbm_by_number(cat, N->c.number);
    N->title_start = i + N->c.name_start;
    N->title_end = end;
    if (N->title_end > N->title_start)
      N->by_title = S_title(cat, s + N->title_start, end - N->title_start);
    /* "tbm 5" in lower case, linked away from the newsletter, may be
     * anything (a tunnel boring machine): only a post's title after it
     * makes it a citation */
    if (N->c.folded && !titles && !N->by_title)
      *N = (naming){.lead = i};
  } else if (titles && S_words(s + i, end - i) >= 3) {
    N->title_start = i;
    N->title_end = end;
    char *key = dl_tbm_key(s + i, end - i, false);
    bool exact;
    N->by_title = dl_tbm_by_title(cat, key, &exact);
    if (!exact)
      N->by_title = NULL;
    free(key);
  }
  if (N->by_title) {
    N->key = dl_tbm_key(s + N->title_start, N->title_end - N->title_start,
                        false);
    N->short_key = dl_tbm_key(s + N->title_start,
                              N->title_end - N->title_start, true);
  }
}

static void S_naming_free(naming *N) {
  free(N->key);
  free(N->short_key);
}

/* Does the post's name, whole or without its (parts), read as the title
 * the text cites?  "Think Big, Work Small" fits "... (Part 2)". */
static bool S_titled(const naming *N, const dl_tbm_post *p) {
  if (!N->key || !p->number)
    return false;
  char *full = dl_tbm_key(p->name, strlen(p->name), false);
  char *brief = dl_tbm_key(p->name, strlen(p->name), true);
  bool fits = strcmp(full, N->key) == 0 || strcmp(brief, N->key) == 0 ||
              strcmp(full, N->short_key) == 0 ||
              strcmp(brief, N->short_key) == 0;
  free(full);
  free(brief);
  return fits;
}

static bool S_has(const dl_tbm_posts *l, const dl_tbm_post *p) {
  for (size_t i = 0; l && i < l->len; i++)
    if (l->items[i] == p)
      return true;
  return false;
}

/* Which post the writer means. */
typedef struct verdict {
  const dl_tbm_post *post;     /* known: the title, or one post fits */
  bool by_title;               /* the title (or title and URL) decided */
  const dl_tbm_posts *choices; /* two or more posts fit equally */
  bool conflict;               /* number and URL say one post, title another */
  bool number_wrong;           /* the cited number is not `post`'s */
} verdict;

static verdict S_resolve(const naming *N, const dl_tbm_post *u) {
  verdict V = {0};
  const dl_tbm_posts *St = N->by_title, *Sn = N->by_number;
  if (St) {
    const dl_tbm_post *both = NULL;
    size_t nboth = 0;
    for (size_t i = 0; Sn && i < St->len; i++)
      if (S_has(Sn, St->items[i])) {
        both = St->items[i];
        nboth++;
      }
    if (u && S_has(St, u))
      V.post = u;
    else if (nboth == 1)
      V.post = both;
    else if (nboth > 1)
      V.choices = St;
    else if (u && S_titled(N, u)) /* the same title with a "(Part 2)" */
      V.post = u;
    else if (u && S_has(Sn, u))
      V.conflict = true;
    else if (St->len == 1)
      V.post = St->items[0];
    else
      V.choices = St;
    V.by_title = V.post != NULL;
  } else if (Sn) {
    if (u && S_has(Sn, u))
      V.post = u;
    else if (Sn->len == 1)
      V.post = Sn->items[0];
    else
      V.choices = Sn;
  } else {
    V.post = u;
  }
  V.number_wrong = N->cite && V.post && V.post->number &&
                   !dl_tbm_number_matches(V.post, N->c.number);
  return V;
}

/* "'A'" or "'A' or 'B'": the names of posts, for a message. */
static char *S_names(const dl_tbm_posts *l) {
  if (!l || !l->len)
    return dl_xstrdup("not a post");
  dl_buf b = {0};
  for (size_t i = 0; i < l->len && i < 3; i++) {
    if (i)
      dl_buf_puts(&b, " or ");
    dl_buf_puts(&b, "'");
    dl_buf_puts(&b, l->items[i]->name);
    dl_buf_puts(&b, "'");
  }
  return S_take(&b);
}

/* "30/53" or "268 or 295": the numbers of posts. */
static char *S_numbers(const dl_tbm_posts *l) {
  dl_buf b = {0};
  for (size_t i = 0; l && i < l->len && i < 3; i++) {
    if (i)
      dl_buf_puts(&b, " or ");
    dl_buf_puts(&b, l->items[i]->number ? l->items[i]->number : "(unnumbered)");
  }
  return S_take(&b);
}

static void S_link_md(dl_buf *b, const dl_tbm_post *p, const char *url) {
  char *cite = dl_tbm_post_cite(p);
  char *canonical = url ? NULL : dl_tbm_post_url(p);
  dl_buf_puts(b, "[");
  dl_buf_puts(b, cite);
  dl_buf_puts(b, "](");
  dl_buf_puts(b, url ? url : canonical);
  dl_buf_puts(b, ")");
  free(cite);
  free(canonical);
}

/* The end of a message: what the right link is. */
static char *S_right(const dl_tbm_post *p, const char *url, bool url_only,
                     const dl_tbm_posts *choices, const dl_tbm_post *also,
                     const char *otherwise) {
  dl_buf b = {0};
  if (p && url_only) {
    dl_buf_puts(&b, "the right URL is ");
    dl_buf_puts(&b, url);
  } else if (p) {
    dl_buf_puts(&b, "the right link is ");
    S_link_md(&b, p, url);
  } else if ((choices && choices->len) || also) {
    dl_buf_puts(&b, "the right link is one of ");
    size_t shown = 0;
    if (also) {
      S_link_md(&b, also, NULL);
      shown++;
    }
    for (size_t i = 0; choices && i < choices->len && shown < 4; i++) {
      if (choices->items[i] == also)
        continue;
      dl_buf_puts(&b, shown ? ", " : "");
      S_link_md(&b, choices->items[i], NULL);
      shown++;
    }
  } else {
    dl_buf_puts(&b, otherwise);
  }
  return S_take(&b);
}

/* ---- fixes: several replacements inside one span ------------------------- */

typedef struct edit {
  size_t start, end;
  char *text;
} edit;

typedef struct edits {
  edit e[8];
  size_t n;
  bool impossible; /* a part of the fix has no exact place */
} edits;

static void S_edit(edits *E, size_t start, size_t end, const char *text) {
  if (E->n == sizeof E->e / sizeof *E->e) {
    E->impossible = true;
    return;
  }
  E->e[E->n++] = (edit){start, end, dl_xstrdup(text)};
}

static int S_edit_order(const void *a, const void *b) {
  const edit *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

/* Attaches the edits to `d` as one fix, when they are all known and do
 * not overlap; frees them. */
static void S_fix(const dl_doc *doc, dl_diag *d, edits *E) {
  qsort(E->e, E->n, sizeof *E->e, S_edit_order);
  bool ok = d && !E->impossible && E->n > 0;
  for (size_t i = 1; ok && i < E->n; i++)
    ok = E->e[i].start >= E->e[i - 1].end;
  if (ok) {
    size_t from = E->e[0].start, to = E->e[E->n - 1].end, at = from;
    dl_buf b = {0};
    for (size_t i = 0; i < E->n; i++) {
      dl_buf_put(&b, doc->src + at, E->e[i].start - at);
      dl_buf_puts(&b, E->e[i].text);
      at = E->e[i].end;
    }
    dl_buf_put(&b, doc->src + at, to - at);
    dl_diag_set_fix(d, from, to, b.s ? b.s : "");
    free(b.s);
  }
  for (size_t i = 0; i < E->n; i++)
    free(E->e[i].text);
  E->n = 0;
}

/* Source range of text bytes [from, to) of a view, when they are the
 * source bytes themselves (no markup or escape inside). */
static bool S_plain(const dl_doc *doc, const uint32_t *map, const char *text,
                    size_t from, size_t to, size_t *start, size_t *end) {
  if (from >= to)
    return false;
  for (size_t i = from; i < to; i++)
    if (map[i] != map[from] + (i - from) || doc->src[map[i]] != text[i])
      return false;
  *start = map[from];
  *end = map[to - 1] + 1;
  return true;
}

/* ---- where the parts of a link are in the source ------------------------ */

typedef struct link_src {
  size_t open, close;          /* the text's '[' and ']' */
  bool inline_;                /* "(url)" follows; else a reference */
  size_t dest_start, dest_end; /* the destination as written */
  bool dest_exact;             /* ...and it is the URL byte for byte */
  size_t end;                  /* just past the link */
} link_src;

/* Offset just past a code span opening at src[i] (a run of backticks and
 * its closing run), or i + 1 when it never closes. */
static size_t S_skip_code(const char *src, size_t i, size_t limit) {
  size_t run = 0;
  while (i + run < limit && src[i + run] == '`')
    run++;
  for (size_t j = i + run; j < limit;) {
    size_t r = 0;
    while (j + r < limit && src[j + r] == '`')
      r++;
    if (r == run)
      return j + r;
    j += r ? r : 1;
  }
  return i + run;
}

/* Reads the link (or image) that starts at src[s], within src[..limit):
 * its text brackets (escapes and code spans honoured), then an inline
 * destination and title, or a reference label. */
static bool S_link_source(const dl_doc *doc, size_t s, size_t limit,
                          bool image, const char *url, link_src *L) {
  const char *src = doc->src;
  *L = (link_src){.open = s + (image ? 1 : 0)};
  if (L->open >= limit || src[L->open] != '[' || (image && src[s] != '!'))
    return false;
  int depth = 0;
  size_t i = L->open + 1;
  while (i < limit) {
    if (src[i] == '\\') {
      i += 2;
      continue;
    }
    if (src[i] == '`') {
      i = S_skip_code(src, i, limit);
      continue;
    }
    if (src[i] == '[')
      depth++;
    else if (src[i] == ']' && depth-- == 0)
      break;
    i++;
  }
  if (i >= limit)
    return false;
  L->close = i;
  L->end = i + 1;
  if (i + 1 < limit && src[i + 1] == '[') { /* [text][label], [text][] */
    size_t q = i + 2;
    while (q < limit && src[q] != ']' && src[q] != '[')
      q += src[q] == '\\' ? 2 : 1;
    if (q < limit && src[q] == ']')
      L->end = q + 1;
    return true;
  }
  if (i + 1 >= limit || src[i + 1] != '(')
    return true; /* [shortcut] */
  L->inline_ = true;
  size_t p = i + 2;
  while (p < limit && strchr(" \t\r\n", src[p]))
    p++;
  L->dest_start = p;
  size_t q = p;
  if (p < limit && src[p] == '<') {
    q = p + 1;
    while (q < limit && src[q] != '>' && src[q] != '\n')
      q += src[q] == '\\' ? 2 : 1;
    if (q >= limit || src[q] != '>')
      return false;
    L->dest_end = ++q;
    L->dest_exact = strlen(url) == q - p - 2 &&
                    memcmp(src + p + 1, url, q - p - 2) == 0;
  } else {
    int parens = 0;
    for (; q < limit && (unsigned char)src[q] > ' '; q++) {
      if (src[q] == '\\' && q + 1 < limit)
        q++;
      else if (src[q] == '(')
        parens++;
      else if (src[q] == ')' && parens-- == 0)
        break;
    }
    L->dest_end = q;
    L->dest_exact = strlen(url) == q - p && memcmp(src + p, url, q - p) == 0;
  }
  /* an optional title, then the closing parenthesis */
  while (q < limit && strchr(" \t\r\n", src[q]))
    q++;
  if (q < limit && (src[q] == '"' || src[q] == '\'' || src[q] == '(')) {
    char closer = src[q] == '(' ? ')' : src[q];
    for (q++; q < limit && src[q] != closer; q++)
      if (src[q] == '\\')
        q++;
    q++;
    while (q < limit && strchr(" \t\r\n", src[q]))
      q++;
  }
  if (q >= limit || src[q] != ')')
    return false;
  L->end = q + 1;
  return true;
}

/* Where a link or image really is.  cmark places the inlines of a lazy
 * continuation line as if the line were indented like its container (a
 * list item's "- ", a quote's "> "), so when its position does not parse
 * as this very link, the start is looked for further back on the line: an
 * inline link must have this URL, a reference link this text.  Returns
 * false when no place fits (and then no fix is offered). */
static bool S_locate(const dl_doc *doc, const dl_block *b, cmark_node *node,
                     bool image, const char *url, const char *text,
                     size_t *s, size_t *e, link_src *L) {
  dl_doc_node_range(doc, node, s, e);
  size_t line = doc->line_start[dl_doc_line_index(doc, *s)];
  for (size_t back = 0; back <= 16 && back <= *s - line; back++) {
    if (!S_link_source(doc, *s - back, b->end, image, url, L))
      continue;
    size_t n = L->close - L->open - 1;
    bool fits = L->inline_ ? L->dest_exact
                           : back == 0 || (strlen(text) == n &&
                                            memcmp(doc->src + L->open + 1,
                                                   text, n) == 0);
    if (fits) {
      *s -= back;
      *e = L->end;
      return true;
    }
  }
  return false;
}

/* Where an autolink "<url>" is, read as an inline link whose destination
 * is the URL, so that a fix can rewrite it; false where cmark's position
 * is not this autolink (no fix then). */
static bool S_locate_autolink(const dl_doc *doc, cmark_node *node,
                              const char *url, size_t *s, size_t *e,
                              link_src *L) {
  dl_doc_node_range(doc, node, s, e);
  size_t n = strlen(url);
  if (*s + n + 2 > doc->len || doc->src[*s] != '<' ||
      memcmp(doc->src + *s + 1, url, n) != 0 || doc->src[*s + n + 1] != '>')
    return false;
  *L = (link_src){.inline_ = true, .dest_start = *s + 1,
                  .dest_end = *s + 1 + n, .dest_exact = true,
                  .end = *s + n + 2};
  *e = L->end;
  return true;
}

/* The inline after `n` below `top`, in document order (what cmark's
 * iterator enters), without allocating an iterator per block, and without
 * recursion, which hostile nesting would turn into a deep stack. */
static cmark_node *S_next_inline(cmark_node *n, cmark_node *top) {
  cmark_node *child = cmark_node_first_child(n);
  if (child)
    return child;
  for (; n != top; n = cmark_node_parent(n)) {
    cmark_node *sibling = cmark_node_next(n);
    if (sibling)
      return sibling;
  }
  return NULL;
}

/* ---- reference definitions -------------------------------------------------- */

/* A reference-style link whose only slip is its URL is mended where the
 * URL is written, on the line of its definition ("[s]: URL"): one edit,
 * the writer's style kept, no wrong definition left behind.  But a
 * definition serves every link that names it, so it is edited only when
 * each of those links is a finding that wants the very same URL.  Where
 * they disagree (one names post A, another post B, or a plain "[here][s]"
 * shares it), no one URL is right for the definition: it is left alone,
 * and each finding keeps its own fix, the reference turned into an inline
 * link, which is right for that link and moves no other. */

typedef struct refdef {
  size_t count;                /* "[label]:" is written this many times */
  size_t at, close;            /* the first one's '[' and ']' */
  int checked;                 /* 0: not yet; 1: a definition; -1: not */
  size_t dest_start, dest_end; /* its destination, inside any <> */
} refdef;

typedef struct ref_use {
  size_t diag; /* index in the sink's list: later reports move pointers */
  const refdef *def;
  char *url, *right_url; /* what the definition says, and what is right */
} ref_use;

typedef struct refs {
  bool scanned;
  dl_strmap defs;        /* label key -> refdef */
  size_t *leaf;          /* source ranges of leaf blocks, start and end */
  size_t nleaf, leafcap;
  ref_use *use;
  size_t n, cap;
} refs;

/* The block after `n` below `top`, entering only containers: a
 * definition is never inside a paragraph, heading or code block. */
static cmark_node *S_next_block(cmark_node *n, cmark_node *top) {
  cmark_node_type t = cmark_node_get_type(n);
  cmark_node *child = t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_LIST ||
                              t == CMARK_NODE_ITEM
                          ? cmark_node_first_child(n)
                          : NULL;
  if (child)
    return child;
  for (; n != top; n = cmark_node_parent(n)) {
    cmark_node *sibling = cmark_node_next(n);
    if (sibling)
      return sibling;
  }
  return NULL;
}

/* Every "[label]:" in the source, counted by label, and the leaf blocks.
 * Counting them anywhere (in code, mid-paragraph) errs on the safe side:
 * a label written twice is never edited. */
static void S_scan_defs(const dl_doc *doc, refs *R) {
  const char *src = doc->src;
  R->scanned = true;
  dl_strmap_init(&R->defs);
  for (size_t i = doc->body; i < doc->len; i++) {
    if (src[i] != '[')
      continue;
    size_t k = i + 1;
    while (k < doc->len && src[k] != ']' && src[k] != '[' && k - i < 1000)
      k += src[k] == '\\' ? 2 : 1;
    if (k + 1 >= doc->len || src[k] != ']' || src[k + 1] != ':')
      continue;
    char *key = dl_text_key(src + i + 1, k - i - 1);
    bool added;
    dl_strmap_entry *e = dl_strmap_put(&R->defs, key, strlen(key), &added);
    if (added)
      e->value = dl_xcalloc(1, sizeof(refdef));
    refdef *D = e->value;
    if (D->count++ == 0) {
      D->at = i;
      D->close = k;
    }
    free(key);
    i = k;
  }
  for (cmark_node *n = cmark_node_first_child(doc->root); n;
       n = S_next_block(n, doc->root)) {
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_LIST ||
        t == CMARK_NODE_ITEM)
      continue;
    R->leaf = dl_xgrow(R->leaf, &R->leafcap, 2 * R->nleaf + 2, sizeof *R->leaf);
    dl_doc_node_range(doc, n, &R->leaf[2 * R->nleaf],
                      &R->leaf[2 * R->nleaf + 1]);
    R->nleaf++;
  }
}

/* Is src[at] inside a leaf block (leaves come in document order)? */
static bool S_in_leaf(const refs *R, size_t at) {
  size_t lo = 0, hi = R->nleaf;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (R->leaf[2 * mid] <= at)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo > 0 && at < R->leaf[2 * (lo - 1) + 1];
}

/* Is D a definition line as written: only spaces and a quote's '>'
 * before it, outside every leaf block, its destination on its line or
 * the next, then a space or the end?  Finds the destination. */
static bool S_def_line(const dl_doc *doc, const refs *R, refdef *D) {
  if (D->checked)
    return D->checked > 0;
  D->checked = -1;
  const char *src = doc->src;
  size_t len = doc->len;
  for (size_t i = doc->line_start[dl_doc_line_index(doc, D->at)]; i < D->at; i++)
    if (src[i] != ' ' && src[i] != '\t' && src[i] != '>')
      return false;
  if (S_in_leaf(R, D->at))
    return false;
  size_t p = D->close + 2;
  while (p < len && (src[p] == ' ' || src[p] == '\t'))
    p++;
  if (p < len && src[p] == '\r')
    p++;
  if (p < len && src[p] == '\n')
    p++;
  while (p < len && (src[p] == ' ' || src[p] == '\t'))
    p++;
  size_t q = p;
  if (p < len && src[p] == '<') {
    for (q = p + 1; q < len && src[q] != '>' && src[q] != '\n'; q++)
      ;
    if (q >= len || src[q] != '>')
      return false;
    D->dest_start = p + 1;
    D->dest_end = q++;
  } else {
    while (q < len && (unsigned char)src[q] > ' ')
      q++;
    if (q == p)
      return false;
    D->dest_start = p;
    D->dest_end = q;
  }
  if (q < len && !isspace((unsigned char)src[q]))
    return false;
  D->checked = 1;
  return true;
}

/* Notes a finding on a reference link whose only fix is its URL, when its
 * label has one definition, written where it can be edited, that holds
 * the link's URL byte for byte. */
static void S_ref_use(const dl_doc *doc, dl_sink *sink, const dl_diag *d,
                      const link_src *L, const char *url,
                      const char *right_url, refs *R) {
  size_t from = L->close + 2, to = L->end - 1; /* [text][label] */
  if (to <= from) {                            /* [text][], [text] */
    from = L->open + 1;
    to = L->close;
  }
  /* a wrapped label may hold a quote's "> ", which cmark's label has not */
  if (memchr(doc->src + from, '\n', to - from) ||
      memchr(doc->src + from, '\r', to - from))
    return;
  if (!R->scanned)
    S_scan_defs(doc, R);
  char *key = dl_text_key(doc->src + from, to - from);
  refdef *D = dl_strmap_get(&R->defs, key, strlen(key));
  free(key);
  if (!D || D->count != 1 || !S_def_line(doc, R, D) ||
      strlen(url) != D->dest_end - D->dest_start ||
      memcmp(doc->src + D->dest_start, url, D->dest_end - D->dest_start) != 0)
    return;
  R->use = dl_xgrow(R->use, &R->cap, R->n + 1, sizeof *R->use);
  R->use[R->n++] = (ref_use){(size_t)(d - sink->list->items), D,
                             dl_xstrdup(url), dl_xstrdup(right_url)};
}

static int S_use_order(const void *a, const void *b) {
  const ref_use *x = a, *y = b;
  return x->def->at < y->def->at ? -1 : x->def->at > y->def->at ? 1 : 0;
}

/* How many links of the document may use a definition holding `url`:
 * every link and image with that URL but the inline ones and autolinks
 * (a link that cannot be placed counts: it may be a reference). */
static size_t S_url_users(const dl_doc *doc, const char *url) {
  size_t users = 0;
  for (size_t bi = 0; bi < doc->nblocks; bi++) {
    const dl_block *b = &doc->blocks[bi];
    for (cmark_node *n = cmark_node_first_child(b->node); n;
         n = S_next_inline(n, b->node)) {
      cmark_node_type t = cmark_node_get_type(n);
      const char *u = t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE
                          ? cmark_node_get_url(n)
                          : NULL;
      if (!u || strcmp(u, url) != 0)
        continue;
      dl_buf text = {0};
      bool pictured = false, image = t == CMARK_NODE_IMAGE;
      S_node_text(n, &text, &pictured);
      size_t s, e;
      link_src L;
      bool placed = S_locate(doc, b, n, image, u, text.s ? text.s : "", &s,
                             &e, &L);
      if (!placed && !image && text.s && strcmp(text.s, u) == 0)
        placed = S_locate_autolink(doc, n, u, &s, &e, &L);
      users += !placed || !L.inline_;
      free(text.s);
    }
  }
  return users;
}

/* Moves the fix of each agreeing definition's uses onto the definition:
 * the same edit from each, which --fix applies once. */
static void S_refs_settle(const dl_doc *doc, dl_sink *sink, refs *R) {
  if (!R->n)
    return;
  qsort(R->use, R->n, sizeof *R->use, S_use_order);
  for (size_t g = 0, h; g < R->n; g = h) {
    bool agree = true;
    for (h = g + 1; h < R->n && R->use[h].def == R->use[g].def; h++)
      agree &= strcmp(R->use[h].right_url, R->use[g].right_url) == 0;
    /* every link that may use it is one of these findings: those of
     * other definitions holding the same URL are counted too */
    size_t members = 0;
    for (size_t k = 0; agree && k < R->n; k++)
      members += strcmp(R->use[k].url, R->use[g].url) == 0;
    if (!agree || S_url_users(doc, R->use[g].url) != members)
      continue;
    const refdef *D = R->use[g].def;
    for (size_t k = g; k < h; k++)
      dl_diag_set_fix(&sink->list->items[R->use[k].diag], D->dest_start,
                      D->dest_end, R->use[k].right_url);
  }
}

static void S_refs_free(refs *R) {
  for (size_t i = 0; i < R->n; i++) {
    free(R->use[i].url);
    free(R->use[i].right_url);
  }
  free(R->use);
  free(R->leaf);
  if (!R->scanned)
    return;
  for (size_t i = 0; i < R->defs.cap; i++)
    if (R->defs.slots[i].key)
      free(R->defs.slots[i].value);
  dl_strmap_free(&R->defs);
}

/* ---- pass 1: links and images ---------------------------------------------- */

enum problem {
  P_NONE,
  P_IMAGE,
  P_EMPTY_TEXT,
  P_EMPTY_URL,
  P_CONFLICT,
  P_NUMBER,
  P_GENERIC,
  P_OTHER_POST,
  P_BAD_SLUG,
  P_ELSEWHERE,
  P_ANCHOR_NUMBER,
  P_ANCHOR_UNKNOWN
};

/* The URL with the anchor's number replaced by the post's ("37-53" ->
 * "36-53"), keeping the writer's slug. */
static char *S_renumbered_anchor(const char *url, const dl_tbm_url *U,
                                 const dl_tbm_post *p) {
  char *number = dl_xstrdup(p->number);
  for (char *c = number; *c; c++)
    *c = *c == '/' ? '-' : (char)tolower((unsigned char)*c);
  char *out = dl_strdup_printf("%.*s%s%s", (int)U->num_start, url, number,
                               url + U->num_end);
  free(number);
  return out;
}

/* The extra clause for a problem that is not the finding's own kind. */
static void S_also(dl_buf *b, enum problem pr, const char *url,
                   const dl_tbm_url *U, const dl_tbm_post *p,
                   const naming *N) {
  char *s = NULL;
  switch (pr) {
  case P_NUMBER:
    s = dl_strdup_printf(", and '%s' is TBM %s, not %s", p->name, p->number,
                         N->c.number);
    break;
  case P_EMPTY_URL:
    s = dl_xstrdup(", and its URL is empty");
    break;
  case P_GENERIC:
    s = dl_strdup_printf(", and %s is not the post's page", url);
    break;
  case P_OTHER_POST:
    s = dl_strdup_printf(", and %s is the page of '%s'", url, U->post->title);
    break;
  case P_BAD_SLUG:
    s = dl_strdup_printf(", and no post has the slug '%.*s'",
                         (int)(U->slug_end - U->slug_start),
                         url + U->slug_start);
    break;
  case P_ELSEWHERE:
    s = dl_strdup_printf(", and it links to %s", url);
    break;
  case P_ANCHOR_NUMBER:
    s = dl_strdup_printf(", and its anchor says TBM %s but '%s' is TBM %s",
                         U->number, U->post->name, U->post->number);
    break;
  case P_ANCHOR_UNKNOWN:
    s = dl_xstrdup(", and its anchor names no post of the 2020 series");
    break;
  default:
    break;
  }
  if (s)
    dl_buf_puts(b, s);
  free(s);
}

/* Is the image inside a link (a thumbnail that links somewhere)? */
static bool S_in_link(cmark_node *node) {
  for (cmark_node *p = cmark_node_parent(node); p; p = cmark_node_parent(p))
    if (cmark_node_get_type(p) == CMARK_NODE_LINK)
      return true;
  return false;
}

/* Is src[from..to) only spaces, line breaks and a quote's '>'?  The title
 * replaces empty text only there: the fix must never delete what the
 * reader sees (an entity the text shows as a space, say). */
static bool S_blank_source(const dl_doc *doc, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    if (!isspace((unsigned char)doc->src[i]) && doc->src[i] != '>')
      return false;
  return true;
}

static void S_check_link(const dl_doc *doc, const dl_block *b,
                         cmark_node *node, dl_sink *sink,
                         const dl_tbm_catalog *cat, refs *R) {
  bool image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
  const char *url = cmark_node_get_url(node);
  url = url ? url : "";
  dl_tbm_url U;
  dl_tbm_url_classify(cat, url, &U);
  size_t s, e;
  dl_buf visible = {0};
  bool pictured = false;
  S_node_text(node, &visible, &pictured);
  const char *text = visible.s ? visible.s : "";
  size_t tn = visible.len;
  bool autolink = !image && (strcmp(text, url) == 0 ||
                             (strncmp(url, "mailto:", 7) == 0 &&
                              strcmp(text, url + 7) == 0));
  naming N = {0};
  if (!autolink)
    S_name(cat, text, tn, U.kind != DL_TBM_URL_OTHER, &N);
  const dl_tbm_post *u = U.post;
  verdict V = S_resolve(&N, u);
  const dl_tbm_post *P = V.post;
  bool named = P || V.choices || V.conflict;
  /* a link around an image is not empty: readers click the image */
  bool blank = !pictured;
  for (size_t i = 0; i < tn && blank; i++)
    blank = isspace((unsigned char)text[i]) != 0;

  /* the problems of this link, most visible first */
  enum problem kind = P_NONE, url_problem = P_NONE;
  if (U.kind == DL_TBM_URL_EMPTY && named)
    url_problem = P_EMPTY_URL;
  else if (U.kind == DL_TBM_URL_POST && ((P && u != P) ||
                                        (!P && V.choices && !S_has(V.choices, u))))
    url_problem = P_OTHER_POST;
  else if (U.kind == DL_TBM_URL_BAD_SLUG)
    url_problem = P_BAD_SLUG;
  else if (U.kind == DL_TBM_URL_ANCHOR && !u)
    url_problem = P_ANCHOR_UNKNOWN;
  else if (U.kind == DL_TBM_URL_ANCHOR && ((P && P != u) ||
                                          (!P && V.choices && !S_has(V.choices, u))))
    url_problem = P_OTHER_POST;
  else if (U.kind == DL_TBM_URL_ANCHOR && !dl_tbm_number_matches(u, U.number))
    url_problem = P_ANCHOR_NUMBER;
  else if (U.kind == DL_TBM_URL_GENERIC && named)
    url_problem = P_GENERIC;
  else if (U.kind == DL_TBM_URL_OTHER && named && N.cite &&
           (N.by_title || N.c.prefixed))
    url_problem = P_ELSEWHERE;
  bool number_problem = V.conflict || V.number_wrong;

  if (image)
    kind = dl_tbm_url_is_page(&U) ? P_IMAGE : P_NONE;
  else if (blank)
    kind = dl_tbm_url_is_page(&U) ? P_EMPTY_TEXT : P_NONE;
  else if (url_problem == P_EMPTY_URL)
    kind = P_EMPTY_URL;
  else if (V.conflict)
    kind = P_CONFLICT;
  else if (V.number_wrong)
    kind = P_NUMBER;
  else
    kind = url_problem;
  if (kind == P_NONE) {
    S_naming_free(&N);
    free(visible.s);
    return;
  }
  link_src L = {0};
  bool located = S_locate(doc, b, node, image, url, text, &s, &e, &L) ||
                 (autolink && S_locate_autolink(doc, node, url, &s, &e, &L));
  view v; /* the text with its source offsets, for placing a fix */
  S_view(b, s, e, image ? DL_TX_IMAGE : DL_TX_LINK, image ? 0 : DL_TX_IMAGE,
         &v);
  bool mapped = v.text.len == tn && memcmp(v.text.s, text, tn) == 0;
  /* an anchor whose slug names the post: its own post decides */
  const dl_tbm_post *target = P;
  if (!target && !V.choices && !V.conflict &&
      (kind == P_IMAGE || kind == P_EMPTY_TEXT || url_problem == P_ANCHOR_NUMBER))
    target = u;

  /* the right URL, and whether the fix may rewrite the URL */
  char *right_url = NULL;
  bool url_known = true;
  switch (url_problem) {
  case P_NONE:
    right_url = dl_xstrdup(url);
    break;
  case P_ANCHOR_NUMBER:
    right_url = S_renumbered_anchor(url, &U, u);
    break;
  case P_OTHER_POST:
    right_url = P && V.by_title ? dl_tbm_post_url(P) : NULL;
    url_known = right_url != NULL;
    break;
  default:
    right_url = target ? dl_tbm_post_url(target) : NULL;
    url_known = right_url != NULL;
    break;
  }

  /* the message */
  char *quoted = S_quote(text, tn);
  dl_buf also = {0};
  if (kind != P_NUMBER && kind != P_CONFLICT && V.number_wrong)
    S_also(&also, P_NUMBER, url, &U, P, &N);
  if (kind != url_problem)
    S_also(&also, url_problem, url, &U, target, &N);
  const char *extra = also.s ? also.s : "";
  bool url_only = !image && !blank && !N.cite && !N.by_title;
  /* a lone number against another post's URL: either may be the slip */
  const dl_tbm_post *pair[2] = {P, u};
  dl_tbm_posts either = {pair, 2, 2};
  bool one_to_one = url_problem == P_OTHER_POST && P && !V.by_title;
  char *right = S_right(url_known ? target : NULL, right_url, url_only,
                        one_to_one ? &either
                        : V.conflict ? N.by_title
                                     : V.choices,
                        V.conflict ? u : NULL,
                        "check the link against the catalog, or point "
                        "--catalog at a newer export if the post is new");
  dl_diag *d = NULL;
  switch (kind) {
  case P_IMAGE: {
    /* the image as written, but its text as the reader sees it: wrapped
     * text in a quote or list would show the "> " of each line */
    dl_buf src = {0};
    if (located) {
      dl_buf_puts(&src, "![");
      dl_buf_put(&src, text, tn);
      dl_buf_puts(&src, "]");
      dl_buf_put(&src, doc->src + L.close + 1, L.end - L.close - 1);
    } else {
      dl_buf_put(&src, doc->src + s, e - s);
    }
    char *shown = S_quote(src.s ? src.s : "", src.len);
    free(src.s);
    d = dl_report(sink, DL_MSG_TBM_IMAGE_SYNTAX, s, e, shown, extra, right);
    free(shown);
    break;
  }
  case P_EMPTY_TEXT:
    d = dl_report(sink, DL_MSG_TBM_EMPTY_TEXT, s, e, url, extra, right);
    break;
  case P_EMPTY_URL:
    d = dl_report(sink, DL_MSG_TBM_EMPTY_URL, s, e, quoted, extra, right);
    break;
  case P_CONFLICT: {
    char *numbers = S_numbers(N.by_title);
    char *title = S_quote(text + N.title_start, N.title_end - N.title_start);
    d = dl_report(sink, DL_MSG_TBM_NUMBER_CONFLICT, s, e, quoted, N.c.number,
                  u->name, title, numbers, extra, right);
    free(numbers);
    free(title);
    break;
  }
  case P_NUMBER: {
    char *names = S_names(N.by_number);
    d = dl_report(sink, DL_MSG_TBM_NUMBER_TITLE, s, e, quoted, P->name,
                  P->number, N.c.number, names, extra, right);
    free(names);
    break;
  }
  case P_GENERIC:
    d = dl_report(sink, DL_MSG_TBM_GENERIC_HOST, s, e, quoted, url, extra,
                  right);
    break;
  case P_OTHER_POST:
    d = dl_report(sink, DL_MSG_TBM_OTHER_POST, s, e, quoted, url,
                  u->title, extra, right);
    break;
  case P_BAD_SLUG: {
    char *who;
    if (autolink)
      who = dl_xstrdup("a link");
    else if (pictured && !*quoted) /* nothing but the picture to quote */
      who = dl_xstrdup("the image");
    else
      who = dl_strdup_printf("'%s'", quoted);
    char *slug = dl_xstrndup(url + U.slug_start, U.slug_end - U.slug_start);
    d = dl_report(sink, DL_MSG_TBM_UNKNOWN_SLUG, s, e, who, url, slug, extra,
                  right);
    free(who);
    free(slug);
    break;
  }
  case P_ELSEWHERE:
    d = dl_report(sink, DL_MSG_TBM_ELSEWHERE, s, e, quoted, url, extra, right);
    break;
  case P_ANCHOR_NUMBER:
    d = dl_report(sink, DL_MSG_TBM_ANCHOR_NUMBER, s, e, url + U.anchor_start,
                  U.number, u->name, u->number, extra, right);
    break;
  case P_ANCHOR_UNKNOWN:
    d = dl_report(sink, DL_MSG_TBM_ANCHOR_UNKNOWN, s, e, url + U.anchor_start,
                  extra, right);
    break;
  default:
    break;
  }
  free(also.s);
  free(right);
  free(quoted);

  /* the fix: only when every part of it is known */
  edits E = {0};
  bool fixable = d && target && !V.conflict && url_known && located;
  if (V.number_wrong && !N.by_number && !N.by_title &&
      N.title_end > N.title_start)
    fixable = false; /* a number and a title no post has: two slips */
  if (fixable && number_problem) {
    size_t a, z;
    if (mapped && S_plain(doc, v.map, text, N.lead + N.c.num_start,
                N.lead + N.c.num_end, &a, &z))
      S_edit(&E, a, z, target->number);
    else
      E.impossible = true;
  }
  if (fixable && url_problem != P_NONE) {
    if (L.inline_ && L.dest_exact)
      S_edit(&E, L.dest_start, L.dest_end, right_url);
    else if (L.inline_)
      E.impossible = true;
    else {
      char *dest = dl_strdup_printf("(%s)", right_url);
      S_edit(&E, L.close + 1, L.end, dest);
      free(dest);
    }
  }
  if (fixable && (kind == P_IMAGE || kind == P_EMPTY_TEXT)) {
    if (image && S_in_link(node))
      E.impossible = true; /* without its '!' it would nest links */
    else if (image)
      S_edit(&E, s, s + 1, ""); /* the '!' */
    if (blank && !S_blank_source(doc, L.open + 1, L.close))
      E.impossible = true;
    else if (blank) {
      char *cite = dl_tbm_post_cite(target);
      S_edit(&E, L.open + 1, L.close, cite);
      free(cite);
    }
  }
  /* a reference whose URL alone is wrong: its definition may take the
   * fix instead, once every use of it is known (S_refs_settle) */
  bool url_alone = fixable && url_problem != P_NONE && !L.inline_ &&
                   !number_problem && kind != P_IMAGE && kind != P_EMPTY_TEXT;
  if (fixable)
    S_fix(doc, d, &E);
  if (url_alone && d->fix)
    S_ref_use(doc, sink, d, &L, url, right_url, R);
  for (size_t i = 0; i < E.n; i++)
    free(E.e[i].text);
  free(right_url);
  S_view_free(&v);
  S_naming_free(&N);
  free(visible.s);
}

/* ---- pass 2: citations that never became links ------------------------- */

static const uint8_t S_busy =
    DL_TX_CODE | DL_TX_LINK | DL_TX_IMAGE | DL_TX_AUTOLINK;

/* Is the text byte at i the source byte right after text byte i - 1? */
static bool S_adjacent(const dl_text *t, size_t i) {
  return i < t->len && i > 0 && t->map[i] == t->map[i - 1] + 1 &&
         !(t->flags[i] & S_busy);
}

/* The ']' closing a bracket opened at text byte i, or 0 when another
 * bracket, a link or code comes first. */
static size_t S_closer(const dl_text *t, size_t i) {
  for (size_t k = i + 1; k < t->len && !(t->flags[k] & S_busy); k++) {
    if (t->s[k] == '[')
      return 0;
    if (t->s[k] == ']')
      return k;
  }
  return 0;
}

/* "[The Simplicity Fetish][x]" with [x] defined nowhere.  Without a number
 * the text names a post only as it does next to a URL of the newsletter
 * (S_name): a whole title of three words or more, so "[going deep][x]"
 * stays quiet; and only when that title is one post's and no other post's
 * title without its (parts), since nothing else says which. */
static void S_check_title_ref(const dl_block *b, size_t i, size_t *resume,
                              dl_sink *sink, const dl_tbm_catalog *cat) {
  const dl_text *t = &b->text;
  size_t close = S_closer(t, i);
  if (!close || !S_adjacent(t, close + 1) || t->s[close + 1] != '[')
    return;
  size_t k = S_closer(t, close + 1);
  if (!k)
    return;
  naming N;
  S_name(cat, t->s + i + 1, close - i - 1, true, &N);
  const dl_tbm_posts *brief =
      N.key ? dl_strmap_get(&cat->by_short, N.key, strlen(N.key)) : NULL;
  if (!N.by_title || N.by_title->len != 1 ||
      (brief && (brief->len > 1 || brief->items[0] != N.by_title->items[0]))) {
    S_naming_free(&N);
    return;
  }
  const dl_tbm_post *P = N.by_title->items[0];
  *resume = k;
  char *quoted = S_quote(t->s + i, close + 1 - i);
  char *label = dl_xstrndup(t->s + close + 2, k - close - 2);
  char *url = dl_tbm_post_url(P);
  char *right = dl_strdup_printf("the right URL is %s", url);
  dl_diag *d = dl_report(sink, DL_MSG_TBM_MISSING_DEFINITION, t->map[i],
                         t->map[k] + 1, quoted, label, "", right);
  /* the reference becomes the URL; the writer's text stays */
  if (d && t->map[k] - t->map[close + 1] == k - close - 1) {
    char *dest = dl_strdup_printf("(%s)", url);
    dl_diag_set_fix(d, t->map[close + 1], t->map[k] + 1, dest);
    free(dest);
  }
  free(right);
  free(url);
  free(label);
  free(quoted);
  S_naming_free(&N);
}

static void S_check_bracket(const dl_doc *doc, const dl_block *b, size_t i,
                            size_t *resume, dl_sink *sink,
                            const dl_tbm_catalog *cat) {
  const dl_text *t = &b->text;
  size_t j = i + 1;
  while (j < t->len && t->s[j] == ' ')
    j++;
  dl_tbm_cite c;
  if (j >= t->len || !dl_tbm_parse_cite(t->s + j, t->len - j, &c)) {
    S_check_title_ref(b, i, resume, sink, cat);
    return;
  }
  size_t close = 0, stop = t->len;
  for (size_t k = j; k < t->len; k++) {
    if ((t->flags[k] & S_busy) || t->s[k] == '[') {
      stop = k;
      break;
    }
    if (t->s[k] == ']') {
      close = k;
      break;
    }
  }
  /* what the citation names; without a ']' the catalog says where its
   * title ends */
  naming N = {.cite = true, .c = c, .lead = j};
  N.by_number = dl_tbm_by_number(cat, c.number);
  N.title_start = j + c.name_start;
  size_t title_end = N.title_start;
  if (close) {
    N.title_end = close;
    while (N.title_end > N.title_start && t->s[N.title_end - 1] == ' ')
      N.title_end--;
    if (N.title_end > N.title_start)
      N.by_title = S_title(cat, t->s + N.title_start, N.title_end - N.title_start);
  } else if (N.title_start < stop) {
    size_t len = 0;
    N.by_title = dl_tbm_by_title_prefix(cat, t->s + N.title_start,
                                        stop - N.title_start, &len);
    if (N.by_title)
      title_end = N.title_start + len;
    N.title_end = title_end;
  }
  if (c.folded && !N.by_title)
    return; /* "[tbm 5]": a citation in lower case only with a title */
  *resume = close ? close : i;
  verdict V = S_resolve(&N, NULL);
  const dl_tbm_post *P = V.post;

  /* the kind, and where the finding and its fix go */
  dl_msg_id id;
  size_t at = t->map[i], end, insert = 0, repl_end = 0;
  bool placed = true; /* the fix has an exact place */
  char *label = NULL;
  if (!close) {
    id = DL_MSG_TBM_UNCLOSED;
    size_t last = N.by_title ? title_end : j + c.num_end;
    end = t->map[last - 1] + 1;
    size_t a, z;
    placed = N.by_title && S_plain(doc, t->map, t->s, j, last, &a, &z);
    insert = repl_end = end;
  } else if (S_adjacent(t, close + 1) && t->s[close + 1] == '(') {
    id = DL_MSG_TBM_BROKEN_URL;
    int depth = 0;
    size_t k = close + 2;
    for (; k < t->len && t->s[k] != '\n'; k++) {
      if (t->s[k] == '(')
        depth++;
      else if (t->s[k] == ')' && depth-- == 0)
        break;
    }
    bool found = k < t->len && t->s[k] == ')';
    placed = found && t->map[k] - t->map[close + 1] == k - close - 1;
    end = found ? t->map[k] + 1 : t->map[close] + 1;
    insert = t->map[close + 1];
    repl_end = end;
    *resume = found ? k : close;
  } else if (S_adjacent(t, close + 1) && t->s[close + 1] == '[') {
    id = DL_MSG_TBM_MISSING_DEFINITION;
    size_t k = close + 2;
    while (k < t->len && t->s[k] != ']' && t->s[k] != '[' && !(t->flags[k] & S_busy))
      k++;
    bool found = k < t->len && t->s[k] == ']';
    label = found ? dl_xstrndup(t->s + close + 2, k - close - 2)
                  : dl_xstrdup("");
    placed = found && t->map[k] - t->map[close + 1] == k - close - 1;
    end = found ? t->map[k] + 1 : t->map[close] + 1;
    insert = t->map[close + 1];
    repl_end = end;
    *resume = found ? k : close;
    if (!found)
      id = DL_MSG_TBM_NO_URL;
  } else {
    id = DL_MSG_TBM_NO_URL;
    end = insert = repl_end = t->map[close] + 1;
  }

  size_t shown = close + 1; /* the citation as the reader sees it */
  if (!close && N.by_title)
    shown = title_end;
  else if (!close)
    for (shown = j; shown < stop && t->s[shown] != '\n';)
      shown++;
  char *quoted = S_quote(t->s + i, shown - i);
  dl_buf also = {0};
  if (V.number_wrong)
    S_also(&also, P_NUMBER, NULL, NULL, P, &N);
  char *right = S_right(P, NULL, false, V.choices, NULL,
                        "no post in the catalog has this number and title; "
                        "check them, or point --catalog at a newer export");
  const char *extra = also.s ? also.s : "";
  dl_diag *d;
  if (id == DL_MSG_TBM_MISSING_DEFINITION)
    d = dl_report(sink, id, at, end, quoted, label, extra, right);
  else
    d = dl_report(sink, id, at, end, quoted, extra, right);
  free(label);
  free(quoted);
  free(also.s);
  free(right);
  if (!d || !P || !placed)
    return;
  edits E = {0};
  if (V.number_wrong) {
    size_t a, z;
    if (S_plain(doc, t->map, t->s, j + c.num_start, j + c.num_end, &a, &z))
      S_edit(&E, a, z, P->number);
    else
      E.impossible = true;
  }
  char *url = dl_tbm_post_url(P);
  char *dest = dl_strdup_printf("%s(%s)", id == DL_MSG_TBM_UNCLOSED ? "]" : "",
                                url);
  S_edit(&E, insert, repl_end, dest);
  free(dest);
  free(url);
  S_fix(doc, d, &E);
  for (size_t k = 0; k < E.n; k++)
    free(E.e[k].text);
}

/* ---- pass 3: bare URLs ------------------------------------------------------ */

/* Where a bare URL starting at text byte i ends, as an autolinker reads it:
 * up to a space, a '<', markup or code, without the punctuation that ends
 * the sentence around it or a closing bracket it never opened.  Non-ASCII
 * ends it too: the newsletter's addresses are ASCII, and a closing curly
 * quote is not part of them. */
static size_t S_url_end(const dl_text *t, size_t i) {
  size_t k = i, open = 0, close = 0;
  for (; k < t->len && !(t->flags[k] & S_busy) &&
         (unsigned char)t->s[k] > ' ' && (unsigned char)t->s[k] < 0x80 &&
         t->s[k] != '<';
       k++) {
    open += t->s[k] == '(';
    close += t->s[k] == ')';
  }
  while (k > i) {
    char last = t->s[k - 1];
    if (last == ')' && close > open)
      close--;
    else if (!strchr(".,:;!?*_~'\"]", last))
      break;
    k--;
  }
  return k;
}

/* A URL in the text that no one made a link: Substack makes it one when
 * the post goes out, so an address of the newsletter is checked as an
 * autolink is (<https://...>): a slug no post has, or an anchor of the 2020
 * page with the wrong number or no post.  URLs in links, autolinks and
 * code are pass 1's or nobody's, and a "](url" that did not parse is pass
 * 2's. */
static void S_check_bare(const dl_doc *doc, const dl_block *b, size_t i,
                         size_t end, dl_sink *sink,
                         const dl_tbm_catalog *cat) {
  const dl_text *t = &b->text;
  char *url = dl_xstrndup(t->s + i, end - i);
  dl_tbm_url U;
  dl_tbm_url_classify(cat, url, &U);
  const dl_tbm_post *u = U.post;
  size_t at = t->map[i], to = t->map[end - 1] + 1;
  char *right_url = NULL, *right;
  dl_diag *d = NULL;
  if (U.kind == DL_TBM_URL_BAD_SLUG || (U.kind == DL_TBM_URL_ANCHOR && !u)) {
    /* no link yet: the message speaks of the address itself */
    right = dl_xstrdup("check the address against the catalog, or point "
                       "--catalog at a newer export if the post is new");
    if (U.kind == DL_TBM_URL_BAD_SLUG) {
      char *slug = dl_xstrndup(url + U.slug_start, U.slug_end - U.slug_start);
      d = dl_report(sink, DL_MSG_TBM_BARE_UNKNOWN_SLUG, at, to, url, slug, "",
                    right);
      free(slug);
    } else {
      d = dl_report(sink, DL_MSG_TBM_ANCHOR_UNKNOWN, at, to,
                    url + U.anchor_start, "", right);
    }
  } else if (U.kind == DL_TBM_URL_ANCHOR &&
             !dl_tbm_number_matches(u, U.number)) {
    right_url = S_renumbered_anchor(url, &U, u);
    right = dl_strdup_printf("the right URL is %s", right_url);
    d = dl_report(sink, DL_MSG_TBM_ANCHOR_NUMBER, at, to, url + U.anchor_start,
                  U.number, u->name, u->number, "", right);
  } else {
    right = NULL;
  }
  size_t a, z;
  if (d && right_url && S_plain(doc, t->map, t->s, i, end, &a, &z))
    dl_diag_set_fix(d, a, z, right_url);
  free(right);
  free(right_url);
  free(url);
}

/* Each "http://" or "https://" that starts a word outside links and code. */
static void S_check_bare_urls(const dl_doc *doc, const dl_block *b,
                              dl_sink *sink, const dl_tbm_catalog *cat) {
  const dl_text *t = &b->text;
  for (size_t i = 0; i + 3 < t->len; i++) {
    const char *colon = memchr(t->s + i, ':', t->len - i);
    if (!colon)
      break;
    size_t c = (size_t)(colon - t->s), start;
    i = c;
    if (c + 2 >= t->len || t->s[c + 1] != '/' || t->s[c + 2] != '/')
      continue;
    if (c >= 5 && strncasecmp(t->s + c - 5, "https", 5) == 0)
      start = c - 5;
    else if (c >= 4 && strncasecmp(t->s + c - 4, "http", 4) == 0)
      start = c - 4;
    else
      continue;
    if ((t->flags[start] & S_busy) ||
        (start > 0 && isalnum((unsigned char)t->s[start - 1])))
      continue;
    if (start >= 2 && t->s[start - 1] == '(' && t->s[start - 2] == ']')
      continue; /* "[TBM ...](url x)": pass 2's malformed (url) */
    size_t end = S_url_end(t, start);
    if (end > c + 3)
      S_check_bare(doc, b, start, end, sink, cat);
    i = end > i ? end - 1 : i;
  }
}

/* ---- the rule --------------------------------------------------------------- */

static void S_check(const dl_doc *doc, dl_sink *sink) {
  const dl_tbm_catalog *cat = sink->state;
  refs R = {0};
  for (size_t bi = 0; bi < doc->nblocks; bi++) {
    const dl_block *b = &doc->blocks[bi];
    for (cmark_node *node = cmark_node_first_child(b->node); node;
         node = S_next_inline(node, b->node)) {
      cmark_node_type type = cmark_node_get_type(node);
      if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE)
        S_check_link(doc, b, node, sink, cat, &R);
    }
    const dl_text *t = &b->text;
    for (size_t i = 0; i < t->len; i++) {
      const char *open = memchr(t->s + i, '[', t->len - i);
      if (!open)
        break;
      i = (size_t)(open - t->s);
      if (t->flags[i] & S_busy)
        continue;
      size_t at = t->map[i], slashes = 0;
      while (at > slashes && doc->src[at - slashes - 1] == '\\')
        slashes++;
      if (doc->src[at] == '[' && slashes % 2 == 1)
        continue; /* "\[TBM ...": the writer wants the bracket */
      S_check_bracket(doc, b, i, &i, sink, cat);
    }
    S_check_bare_urls(doc, b, sink, cat);
  }
  S_refs_settle(doc, sink, &R);
  S_refs_free(&R);
}

const dl_rule_ops dl_ops_tbm_link = {.options = S_options,
                                     .noptions = 1,
                                     .files = S_files,
                                     .nfiles = 1,
                                     .load = S_load,
                                     .unload = S_unload,
                                     .check = S_check};
