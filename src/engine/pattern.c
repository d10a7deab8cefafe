/*
 * pattern.c: compile pattern rules once, match them over a document's
 * plain text, and place each match by the text's source map (text.h), so a
 * finding lands on the exact bytes of the file without searching again.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "engine/pattern.h"

#include <ctype.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/sentence.h"
#include "config/settings.h"

/* A user's expression can backtrack without end on a long paragraph; past
 * this many steps the block is given up rather than the run. */
#define MATCH_LIMIT 1000000

struct dl_pattern_code {
  pcre2_code *re;
  pcre2_match_context *mctx;
  uint32_t groups; /* capture groups, not counting $0 */
};

const char *const dl_pattern_scope_names[] = {
    "text", "sentence", "paragraph", "heading", "link-text", NULL};

int dl_pattern_scope_parse(const char *name, dl_pattern_scope *out) {
  for (int i = 0; dl_pattern_scope_names[i]; i++) {
    if (strcmp(name, dl_pattern_scope_names[i]) == 0) {
      *out = (dl_pattern_scope)i;
      return 0;
    }
  }
  return -1;
}

/* ---- templates: $0, $1..$99, ${N}, ${name}, $$ ---- */

/* Reads the group reference after the '$' at t[*i]; returns the group
 * number, or -1 for a name the pattern does not have.  *i moves past the
 * reference; it stays put, with a reason in *why, when there is none. */
static long S_group_ref(const pcre2_code *re, const char *t, size_t *i,
                        const char **why) {
  size_t j = *i + 1;
  if (isdigit((unsigned char)t[j])) {
    long n = t[j++] - '0';
    if (isdigit((unsigned char)t[j]))
      n = n * 10 + (t[j++] - '0');
    *i = j;
    return n;
  }
  if (t[j] != '{') {
    *why = "'$' must be followed by a group number, {NAME} or another '$'";
    return -1;
  }
  const char *close = strchr(t + j, '}');
  if (!close || close == t + j + 1) {
    *why = "'${' needs a group number or name and a closing '}'";
    return -1;
  }
  char *name = dl_xstrndup(t + j + 1, (size_t)(close - t - j - 1));
  *i = (size_t)(close - t) + 1;
  char *end;
  long n = strtol(name, &end, 10);
  if (*end != '\0' || !isdigit((unsigned char)name[0])) {
    int num = pcre2_substring_number_from_name(re, (PCRE2_SPTR)name);
    if (num == PCRE2_ERROR_NOUNIQUESUBSTRING) /* a duplicate name: the first */
      num = pcre2_substring_nametable_scan(re, (PCRE2_SPTR)name, NULL, NULL);
    n = num < 0 ? -1 : num;
  }
  free(name);
  return n;
}

/* Checks that a template refers only to groups the expression has. */
static int S_template_check(const dl_pattern_code *c, const char *t,
                            size_t *offset, char **error) {
  for (size_t i = 0; t[i];) {
    if (t[i] != '$') {
      i++;
      continue;
    }
    if (t[i + 1] == '$') {
      i += 2;
      continue;
    }
    size_t at = i;
    const char *why = NULL;
    long n = S_group_ref(c->re, t, &i, &why);
    *offset = at;
    if (i == at) { /* no group reference after the '$' at all */
      *error = dl_xstrdup(why);
      return -1;
    }
    if (n < 0 || n > (long)c->groups) {
      *error = dl_strdup_printf("'%.*s' names a group the pattern does not "
                                "have (it has %u)", (int)(i - at), t + at,
                                c->groups);
      return -1;
    }
  }
  return 0;
}

/* Expands a checked template for one match of `subject`; line breaks in
 * the match become spaces, as a message is one line. */
static char *S_expand(const dl_pattern_code *c, const char *t,
                      const char *subject, const PCRE2_SIZE *ov, int pairs) {
  size_t cap = strlen(t) + 64, n = 0;
  char *out = dl_xmalloc(cap);
  for (size_t i = 0; t[i];) {
    const char *piece = t + i;
    size_t len = 1;
    if (t[i] == '$' && t[i + 1] == '$') {
      i += 2;
    } else if (t[i] == '$') {
      const char *why = NULL;
      long g = S_group_ref(c->re, t, &i, &why);
      len = 0;
      if (g >= 0 && g < pairs && ov[2 * g] != PCRE2_UNSET) {
        piece = subject + ov[2 * g];
        len = ov[2 * g + 1] - ov[2 * g];
      }
    } else {
      i++;
    }
    out = dl_xgrow(out, &cap, n + len + 1, 1);
    for (size_t k = 0; k < len; k++)
      out[n++] = piece[k] == '\n' ? ' ' : piece[k];
  }
  out[n] = '\0';
  return out;
}

int dl_pattern_compile(dl_pattern *p, dl_pattern_error *err) {
  int code;
  PCRE2_SIZE offset;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)p->regex, PCRE2_ZERO_TERMINATED,
                                 PCRE2_UTF | PCRE2_UCP, &code, &offset, NULL);
  if (!re) {
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(code, buf, sizeof buf);
    *err = (dl_pattern_error){"pattern", offset,
                              dl_strdup_printf("%s (at offset %zu)",
                                               (const char *)buf,
                                               (size_t)offset)};
    return -1;
  }
  /* Without JIT support pcre2_match interprets: slower, same answers. */
  pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
  dl_pattern_code *c = dl_xcalloc(1, sizeof *c);
  c->re = re;
  c->mctx = pcre2_match_context_create(NULL);
  pcre2_set_match_limit(c->mctx, MATCH_LIMIT);
  pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &c->groups);
  p->code = c;
  const char *keys[] = {"message", "replace"};
  const char *templates[] = {p->message, p->replace};
  for (int k = 0; k < 2; k++) {
    size_t at;
    char *why;
    if (templates[k] && S_template_check(c, templates[k], &at, &why) != 0) {
      *err = (dl_pattern_error){keys[k], at, why};
      pcre2_match_context_free(c->mctx);
      pcre2_code_free(c->re);
      free(c);
      p->code = NULL; /* a rule that cannot say what it found never runs */
      return -1;
    }
  }
  return 0;
}

void dl_pattern_free(dl_pattern *p) {
  if (!p)
    return;
  if (p->code) {
    pcre2_match_context_free(p->code->mctx);
    pcre2_code_free(p->code->re);
    free(p->code);
  }
  free(p->name);
  free(p->origin);
  free(p->severity_origin);
  free(p->regex);
  free(p->message);
  free(p->replace);
  free(p->description);
  free(p);
}

/* ---- matching ---- */

typedef struct search {
  const dl_doc *doc;
  const dl_pattern *p;
  dl_severity severity;
  pcre2_match_data *md;
  dl_diag_list *out;
} search;

static void S_emit(const search *s, const dl_text *t, size_t from,
                   const PCRE2_SIZE *ov, int pairs) {
  size_t ms = from + ov[0], me = from + ov[1];
  for (size_t i = ms; i < me; i++)
    if (t->flags[i] & (DL_TX_CODE | DL_TX_AUTOLINK))
      return;
  size_t start = t->map[ms], end = t->map[me - 1] + 1;
  if (end < start)
    end = start;
  const dl_pattern_code *c = s->p->code;
  char *message = S_expand(c, s->p->message, t->s + from, ov, pairs);
  dl_diag *d = dl_diag_list_push(s->out, start, end, s->p->name, NULL,
                                 s->severity, message);
  /* A fix only where the match is the source itself: no markup, escape or
   * line break inside it that a replacement would silently drop. */
  if (s->p->replace && end - start == me - ms &&
      memcmp(s->doc->src + start, t->s + ms, me - ms) == 0) {
    char *text = S_expand(c, s->p->replace, t->s + from, ov, pairs);
    dl_diag_set_fix(d, start, end, text);
    free(text);
  }
}

/* Every match in t->s[from, to), the subject on its own (so ^ and $ are
 * its ends). */
static void S_search(const search *s, const dl_text *t, size_t from,
                     size_t to) {
  const char *subject = t->s + from;
  size_t n = to - from, at = 0;
  while (at <= n) {
    int rc = pcre2_match(s->p->code->re, (PCRE2_SPTR)subject, n, at,
                         PCRE2_NO_UTF_CHECK, s->md, s->p->code->mctx);
    if (rc < 0) /* no more matches, or a limit hit: this text is done */
      return;
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
    if (ov[1] > ov[0])
      S_emit(s, t, from, ov, rc);
    if (ov[1] > at) {
      at = ov[1];
    } else { /* an empty match: step over one character */
      if (at >= n)
        return;
      int32_t cp;
      at += dl_utf8_decode(subject + at, n - at, &cp);
    }
  }
}

static void S_link_runs(const search *s, const dl_text *t) {
  size_t i = 0;
  while (i < t->len) {
    if ((t->flags[i] & DL_TX_LINK) && !(t->flags[i] & DL_TX_AUTOLINK)) {
      size_t j = i;
      while (j < t->len && (t->flags[j] & DL_TX_LINK) &&
             !(t->flags[j] & DL_TX_AUTOLINK))
        j++;
      S_search(s, t, i, j);
      i = j;
    } else {
      i++;
    }
  }
}

static void S_check_one(search *s) {
  const dl_doc *doc = s->doc;
  if (s->p->scope == DL_PSCOPE_SENTENCE) {
    size_t count;
    const dl_sentence *sent = dl_doc_sentences(doc, &count);
    for (size_t i = 0; i < count; i++)
      S_search(s, &doc->blocks[sent[i].block].text, sent[i].from, sent[i].to);
    return;
  }
  for (size_t b = 0; b < doc->nblocks; b++) {
    const dl_block *blk = &doc->blocks[b];
    switch (s->p->scope) {
    case DL_PSCOPE_PARAGRAPH:
      if (blk->type == CMARK_NODE_PARAGRAPH)
        S_search(s, &blk->text, 0, blk->text.len);
      break;
    case DL_PSCOPE_HEADING:
      if (blk->type == CMARK_NODE_HEADING)
        S_search(s, &blk->text, 0, blk->text.len);
      break;
    case DL_PSCOPE_LINK_TEXT:
      S_link_runs(s, &blk->text);
      break;
    default:
      S_search(s, &blk->text, 0, blk->text.len);
      break;
    }
  }
}

void dl_patterns_check(const dl_doc *doc, const dl_settings *st,
                       dl_diag_list *out) {
  for (size_t i = 0; i < st->npatterns; i++) {
    const dl_pattern *p = st->patterns[i];
    if (st->pattern_severity[i] == DL_SEV_NONE || !p->code)
      continue;
    search s = {.doc = doc,
                .p = p,
                .severity = st->pattern_severity[i],
                .md = pcre2_match_data_create_from_pattern(p->code->re, NULL),
                .out = out};
    S_check_one(&s);
    pcre2_match_data_free(s.md);
  }
}
