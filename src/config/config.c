/*
 * config.c: read one configuration file with inih.
 *
 * inih gives no line numbers to a handler in Debian's build, so the file
 * is fed to ini_parse_stream through our own reader, which counts lines
 * and keeps the raw text of the line inih is working on: every message can
 * then name its line, and a pattern's compile error its column.
 */
#include "config/config.h"

#include <ctype.h>
#include <ini.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "input/files.h"
#include "draftlint/text.h"
#include "registry.h"

/* Keys of the top section. */
static const char *const S_top_keys[] = {
    "fail-on",   "ignore",    "enable", "disable", "inline-config",
    "templates", "template-delimiters", "history", NULL};
/* Keys of a [pattern NAME] section. */
static const char *const S_pattern_keys[] = {
    "pattern", "message", "severity", "scope", "replace", "description", NULL};
/* Rule options whose values are file paths: relative ones are taken from
 * the configuration file's folder, not from wherever draftlint runs. */
static const char *const S_path_keys[] = {"catalog", "model", NULL};

typedef struct parser {
  dl_config *c;
  const char *buf;
  size_t len, pos;
  size_t line;        /* 1-based line inih is working on */
  const char *raw;    /* its first byte */
  bool at_start;      /* the next read starts a new line */
  size_t header_line; /* line of the last "[section]" header */
  struct key_lines *klines; /* where each pattern's keys are */
  char *bad_name;     /* the pattern name last found wrong */
  size_t nklines, kcap;
} parser;

static void S_grow_push(void *arr_p, size_t *n, size_t *cap, size_t size,
                        const void *item) {
  void **arr = arr_p;
  *arr = dl_xgrow(*arr, cap, *n + 1, size);
  memcpy((char *)*arr + *n * size, item, size);
  (*n)++;
}

static void S_verror(dl_config *c, size_t line, size_t col, const char *fmt,
                     va_list ap) {
  char *msg = dl_strdup_vprintf(fmt, ap);
  char *full = col ? dl_strdup_printf("%s:%zu:%zu: error: %s", c->path, line,
                                      col, msg)
               : line ? dl_strdup_printf("%s:%zu: error: %s", c->path, line, msg)
                      : dl_strdup_printf("%s: error: %s", c->path, msg);
  free(msg);
  S_grow_push(&c->errors, &c->nerrors, &c->ecap, sizeof full, &full);
}

static void S_error(dl_config *c, size_t line, size_t col, const char *fmt,
                    ...) __attribute__((format(printf, 4, 5)));
static void S_error(dl_config *c, size_t line, size_t col, const char *fmt,
                    ...) {
  va_list ap;
  va_start(ap, fmt);
  S_verror(c, line, col, fmt, ap);
  va_end(ap);
}

char *dl_config_error_at(const dl_config *c, size_t line, const char *fmt,
                         ...) {
  va_list ap;
  va_start(ap, fmt);
  char *msg = dl_strdup_vprintf(fmt, ap);
  va_end(ap);
  char *full = dl_strdup_printf("%s:%zu: error: %s", c->path, line, msg);
  free(msg);
  return full;
}

static char *S_list(const char *const *words) {
  char *s = dl_xstrdup("");
  for (int i = 0; words[i]; i++) {
    char *more = dl_strdup_printf("%s%s%s", s, i ? ", " : "", words[i]);
    free(s);
    s = more;
  }
  return s;
}

static bool S_in(const char *word, const char *const *words) {
  for (int i = 0; words[i]; i++)
    if (strcmp(word, words[i]) == 0)
      return true;
  return false;
}

size_t dl_config_split(const char *value, char ***out) {
  size_t n = 0, cap = 0;
  *out = NULL;
  const char *p = value;
  while (*p) {
    const char *end = strchr(p, ',');
    if (!end)
      end = p + strlen(p);
    const char *a = p, *b = end;
    while (a < b && (*a == ' ' || *a == '\t'))
      a++;
    while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
      b--;
    if (b > a) {
      char *w = dl_xstrndup(a, (size_t)(b - a));
      S_grow_push(out, &n, &cap, sizeof w, &w);
    }
    p = *end ? end + 1 : end;
  }
  return n;
}

void dl_config_split_free(char **words, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(words[i]);
  free(words);
}

/* Space as inih strips it around a line (isspace: '\v' and '\f' too), so
 * that what we take for a section header is what inih takes for one. */
static bool S_space(char c) { return c != '\n' && isspace((unsigned char)c); }

/* inih's reader: one line (or the next piece of a long one) at a time. */
static char *S_read(char *str, int num, void *stream) {
  parser *p = stream;
  if (p->pos >= p->len || num < 2)
    return NULL;
  if (p->at_start) {
    p->line++;
    p->raw = p->buf + p->pos;
    const char *s = p->raw;
    if (p->line == 1 && p->len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
      s += 3; /* inih skips a BOM: a header right after it is on line 1 */
    while (S_space(*s))
      s++;
    if (*s == '[')
      p->header_line = p->line;
  }
  size_t n = 0;
  while (p->pos < p->len && n < (size_t)num - 1) {
    char ch = p->buf[p->pos++];
    str[n++] = ch;
    if (ch == '\n')
      break;
  }
  str[n] = '\0';
  p->at_start = str[n - 1] == '\n' || p->pos >= p->len;
  return str;
}

/* Column (1-based, in code points) of byte `offset` of the value on the
 * current line, for messages that point into a value. */
static size_t S_value_column(const parser *p, size_t offset) {
  const char *end = memchr(p->raw, '\n', (size_t)(p->buf + p->len - p->raw));
  size_t n = end ? (size_t)(end - p->raw) : (size_t)(p->buf + p->len - p->raw);
  const char *sep = NULL;
  for (size_t i = 0; i < n && !sep; i++)
    if (p->raw[i] == '=' || p->raw[i] == ':')
      sep = p->raw + i;
  if (!sep)
    return 0;
  const char *v = sep + 1;
  while (*v == ' ' || *v == '\t')
    v++;
  return dl_utf8_count(p->raw, (size_t)(v - p->raw)) +
         dl_utf8_count(v, offset) + 1;
}

static bool S_kebab(const char *s) {
  if (!*s || *s == '-')
    return false;
  for (const char *q = s; *q; q++)
    if (!((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') ||
          (*q == '-' && q[1] != '-' && q[1] != '\0')))
      return false;
  return true;
}

static dl_pattern *S_pattern(parser *p, const char *name) {
  dl_config *c = p->c;
  for (size_t i = 0; i < c->npatterns; i++)
    if (strcmp(c->patterns[i]->name, name) == 0)
      return c->patterns[i];
  dl_pattern *pat = dl_xcalloc(1, sizeof *pat);
  pat->name = dl_xstrdup(name);
  pat->origin = dl_strdup_printf("%s:%zu", c->path, p->header_line);
  pat->severity = DL_SEV_WARNING;
  S_grow_push(&c->patterns, &c->npatterns, &c->pcap, sizeof pat, &pat);
  return pat;
}

/* Lines of a pattern's keys, to place the errors found when compiling. */
typedef struct key_lines {
  const dl_pattern *pattern;
  size_t line[3]; /* pattern, message, replace */
  size_t col[3];  /* column where each value starts */
} key_lines;

static key_lines *S_key_lines(parser *p, const dl_pattern *pat) {
  for (size_t i = 0; i < p->nklines; i++)
    if (p->klines[i].pattern == pat)
      return &p->klines[i];
  key_lines k = {.pattern = pat};
  S_grow_push(&p->klines, &p->nklines, &p->kcap, sizeof k, &k);
  return &p->klines[p->nklines - 1];
}

static void S_replace(char **slot, const char *value) {
  free(*slot);
  *slot = dl_xstrdup(value);
}

static void S_pattern_key(parser *p, const char *name, const char *key,
                          const char *value) {
  dl_config *c = p->c;
  bool again = p->bad_name && strcmp(p->bad_name, name) == 0;
  if ((!S_kebab(name) || dl_rule_find(name) >= 0) && !again) {
    free(p->bad_name); /* said once per section, not once per key */
    p->bad_name = dl_xstrdup(name);
  } else if (again) {
    return;
  }
  if (!S_kebab(name)) {
    S_error(c, p->line, 0,
            "pattern name '%s' must be kebab-case: lower-case letters, "
            "digits and single hyphens, as in 'house-spelling'", name);
    return;
  }
  if (dl_rule_find(name) >= 0) {
    S_error(c, p->line, 0, "pattern name '%s' is the name of a built-in "
            "rule; choose another", name);
    return;
  }
  dl_pattern *pat = S_pattern(p, name);
  key_lines *k = S_key_lines(p, pat);
  if (strcmp(key, "pattern") == 0) {
    S_replace(&pat->regex, value);
    k->line[0] = p->line;
    k->col[0] = S_value_column(p, 0);
  } else if (strcmp(key, "message") == 0) {
    S_replace(&pat->message, value);
    k->line[1] = p->line;
    k->col[1] = S_value_column(p, 0);
  } else if (strcmp(key, "replace") == 0) {
    S_replace(&pat->replace, value);
    k->line[2] = p->line;
    k->col[2] = S_value_column(p, 0);
  } else if (strcmp(key, "description") == 0) {
    S_replace(&pat->description, value);
  } else if (strcmp(key, "severity") == 0) {
    if (dl_severity_parse(value, &pat->severity) != 0) {
      S_error(c, p->line, 0, "'%s' is not a severity; valid: error, warning, "
              "info, off", value);
    } else {
      free(pat->severity_origin);
      pat->severity_origin = dl_strdup_printf("%s:%zu", c->path, p->line);
    }
  } else if (strcmp(key, "scope") == 0) {
    if (dl_pattern_scope_parse(value, &pat->scope) != 0) {
      char *valid = S_list(dl_pattern_scope_names);
      S_error(c, p->line, 0, "'%s' is not a scope; valid: %s", value, valid);
      free(valid);
    }
  } else {
    char *valid = S_list(S_pattern_keys);
    S_error(c, p->line, 0, "unknown key '%s' in [pattern %s]; valid keys: %s",
            key, name, valid);
    free(valid);
  }
}

static void S_top_key(parser *p, const char *key, const char *value) {
  dl_config *c = p->c;
  if (!S_in(key, S_top_keys)) {
    char *valid = S_list(S_top_keys);
    S_error(c, p->line, 0,
            "unknown key '%s' in the top section; valid keys: %s (rule "
            "settings go in a [RULE] section)", key, valid);
    free(valid);
    return;
  }
  dl_severity sev;
  if (strcmp(key, "fail-on") == 0 &&
      (strcmp(value, "off") == 0 || dl_severity_parse(value, &sev) != 0)) {
    S_error(c, p->line, 0, "'%s' is not a level for fail-on; valid: error, "
            "warning, info, never", value);
    return;
  }
  if (strcmp(key, "inline-config") == 0 && strcmp(value, "true") != 0 &&
      strcmp(value, "false") != 0) {
    S_error(c, p->line, 0, "'%s' is not a value for inline-config; valid: "
            "true, false", value);
    return;
  }
  if (strcmp(key, "history") == 0 && strcmp(value, "head") != 0 &&
      strcmp(value, "off") != 0) {
    S_error(c, p->line, 0, "'%s' is not a value for history; valid: head "
            "(compare tracked drafts with their committed version), off",
            value);
    return;
  }
  if (strcmp(key, "templates") == 0 && strcmp(value, "on") != 0 &&
      strcmp(value, "off") != 0) {
    S_error(c, p->line, 0, "'%s' is not a value for templates; valid: on, "
            "off", value);
    return;
  }
  dl_templates probe = {0};
  char *why = NULL;
  if (strcmp(key, "template-delimiters") == 0 &&
      dl_templates_add(&probe, value, &why) != 0) {
    S_error(c, p->line, 0, "%s", why);
    free(why);
    return;
  }
  dl_templates_free(&probe);
  dl_config_entry e = {dl_xstrdup(""), dl_xstrdup(key), dl_xstrdup(value),
                       p->line};
  S_grow_push(&c->entries, &c->nentries, &c->cap, sizeof e, &e);
}

static void S_rule_key(parser *p, const char *section, const char *key,
                       const char *value) {
  dl_config *c = p->c;
  char *v = S_in(key, S_path_keys) && value[0] != '/' && value[0]
                ? dl_strdup_printf("%s/%s", c->dir, value)
                : dl_xstrdup(value);
  dl_config_entry e = {dl_xstrdup(section), dl_xstrdup(key), v, p->line};
  S_grow_push(&c->entries, &c->nentries, &c->cap, sizeof e, &e);
}

static int S_handler(void *user, const char *section, const char *key,
                     const char *value) {
  parser *p = user;
  if (strncmp(section, "pattern ", 8) == 0) {
    const char *name = section + 8;
    while (*name == ' ')
      name++;
    S_pattern_key(p, name, key, value);
  } else if (*section == '\0') {
    S_top_key(p, key, value);
  } else {
    S_rule_key(p, section, key, value);
  }
  return 1; /* our own messages; inih's error line is for syntax alone */
}

/* Section headers, found by a pass of our own: inih does not report a
 * section with no keys, and an empty [pattern X] or a misspelt [RULE] must
 * not pass unnoticed. */
static void S_headers(dl_config *c, const char *buf, size_t len) {
  size_t line = 0;
  for (size_t i = 0; i < len;) {
    line++;
    const char *end = memchr(buf + i, '\n', len - i);
    size_t n = end ? (size_t)(end - buf - i) : len - i;
    const char *s = buf + i, *e = s + n;
    if (line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
      s += 3;
    while (s < e && S_space(*s))
      s++;
    while (e > s && S_space(e[-1]))
      e--;
    if (s < e && *s == '[' && e[-1] == ']') {
      char *name = dl_xstrndup(s + 1, (size_t)(e - s - 2));
      if (strncmp(name, "pattern ", 8) != 0 && strcmp(name, "pattern") != 0) {
        dl_config_entry h = {name, NULL, NULL, line};
        S_grow_push(&c->entries, &c->nentries, &c->cap, sizeof h, &h);
      } else {
        const char *pn = name + 7;
        while (*pn == ' ')
          pn++;
        bool found = false;
        for (size_t k = 0; k < c->npatterns; k++)
          found |= strcmp(c->patterns[k]->name, pn) == 0;
        if (!*pn)
          S_error(c, line, 0, "a pattern section needs a name: [pattern NAME]");
        else if (!found && S_kebab(pn) && dl_rule_find(pn) < 0)
          S_error(c, line, 0, "[pattern %s] has no 'pattern' key", pn);
        free(name);
      }
    }
    i += n + 1;
  }
}

/* Checks a pattern once its section is read, and compiles it. */
static void S_finish_pattern(parser *p, dl_pattern *pat) {
  dl_config *c = p->c;
  key_lines *k = S_key_lines(p, pat);
  size_t header = (size_t)strtoul(strrchr(pat->origin, ':') + 1, NULL, 10);
  if (!pat->regex || !pat->message) {
    S_error(c, header, 0, "[pattern %s] needs a '%s' key", pat->name,
            !pat->regex ? "pattern" : "message");
    return;
  }
  dl_pattern_error err;
  if (dl_pattern_compile(pat, &err) == 0)
    return;
  int which = strcmp(err.key, "pattern") == 0   ? 0
              : strcmp(err.key, "message") == 0 ? 1
                                                : 2;
  const char *value = which == 0   ? pat->regex
                      : which == 1 ? pat->message
                                   : pat->replace;
  size_t col = k->col[which]
                   ? k->col[which] + dl_utf8_count(value, err.offset)
                   : 0;
  if (which == 0)
    S_error(c, k->line[0], col, "the pattern of [pattern %s] does not "
            "compile: %s", pat->name, err.message);
  else
    S_error(c, k->line[which], col, "the %s of [pattern %s]: %s", err.key,
            pat->name, err.message);
  free(err.message);
}

static size_t S_error_line(const dl_config *c, const char *e) {
  return (size_t)strtoul(e + strlen(c->path) + 1, NULL, 10);
}

/* Messages in line order, as a reader goes through the file (insertion
 * sort: a file has a handful). */
static void S_sort_errors(dl_config *c) {
  for (size_t i = 1; i < c->nerrors; i++) {
    char *e = c->errors[i];
    size_t line = S_error_line(c, e), j = i;
    for (; j > 0 && S_error_line(c, c->errors[j - 1]) > line; j--)
      c->errors[j] = c->errors[j - 1];
    c->errors[j] = e;
  }
}

/* The config of `path` with nothing read yet. */
static dl_config *S_new(const char *path, bool bundled) {
  dl_config *c = dl_xcalloc(1, sizeof *c);
  c->path = dl_xstrdup(path);
  const char *slash = strrchr(path, '/');
  c->dir = slash ? dl_xstrndup(path, slash == path ? 1 : (size_t)(slash - path))
                 : dl_xstrdup(".");
  c->bundled = bundled;
  return c;
}

dl_config *dl_config_load(const char *path, bool bundled) {
  char *bytes, *reason;
  size_t len;
  if (dl_read_file(path, &bytes, &len, &reason) != 0) {
    dl_config *c = S_new(path, bundled);
    S_error(c, 0, 0, "cannot read: %s", reason);
    free(reason);
    return c;
  }
  dl_config *c = dl_config_parse(path, bytes, len, bundled);
  free(bytes);
  return c;
}

dl_config *dl_config_parse(const char *path, const char *bytes, size_t len,
                           bool bundled) {
  dl_config *c = S_new(path, bundled);
  size_t bad = dl_utf8_validate(bytes, len);
  const char *nul = memchr(bytes, '\0', len);
  if (bad < len || nul) {
    size_t at = nul && (size_t)(nul - bytes) < bad ? (size_t)(nul - bytes) : bad;
    size_t line = 1;
    for (size_t i = 0; i < at; i++)
      line += bytes[i] == '\n' ||
              (bytes[i] == '\r' && (i + 1 >= len || bytes[i + 1] != '\n'));
    S_error(c, line, 0, "is not a UTF-8 text file (byte 0x%02X); save it "
            "as UTF-8", (unsigned char)bytes[at]);
    return c;
  }
  /* inih ends lines at '\n' alone (and strips a '\r' before it): a lone
   * CR, an old Mac editor's line ending, becomes '\n' so such a file is
   * read line by line like a draft is, with the same line numbers. */
  char *buf = dl_xmalloc(len + 1);
  for (size_t i = 0; i < len; i++)
    buf[i] = bytes[i] == '\r' && (i + 1 == len || bytes[i + 1] != '\n')
                 ? '\n'
                 : bytes[i];
  buf[len] = '\0';
  /* Debian's inih reads these at run time: a value is everything after
   * '=' (a ';' may be part of a pattern or a message), an indented line is
   * a line like any other, and a line may be as long as the file.  A line
   * longer than ini_max_line would be cut, and inih would read its rest as
   * a line of its own with a wrong number, so the limit is the file's
   * size (inih grows its buffer only as far as a line needs). */
  ini_allow_inline_comments = false;
  ini_allow_multiline = false;
  ini_use_stack = false;
  ini_allow_realloc = true;
  ini_max_line = len + 2 < (size_t)INT_MAX ? (int)len + 2 : INT_MAX;
  parser p = {.c = c, .buf = buf, .len = len, .at_start = true};
  int rc = ini_parse_stream(S_read, &p, S_handler, &p);
  if (rc > 0)
    S_error(c, (size_t)rc, 0, "expected 'key = value', '[section]' or a "
            "comment (a line starting with ';' or '#')");
  else if (rc < 0)
    S_error(c, 0, 0, "cannot read: out of memory");
  S_headers(c, buf, len);
  for (size_t i = 0; i < c->npatterns; i++)
    S_finish_pattern(&p, c->patterns[i]);
  free(p.klines);
  free(p.bad_name);
  free(buf);
  S_sort_errors(c);
  return c;
}

void dl_config_free(dl_config *c) {
  if (!c)
    return;
  for (size_t i = 0; i < c->nentries; i++) {
    free(c->entries[i].section);
    free(c->entries[i].key);
    free(c->entries[i].value);
  }
  free(c->entries);
  for (size_t i = 0; i < c->npatterns; i++)
    dl_pattern_free(c->patterns[i]);
  free(c->patterns);
  for (size_t i = 0; i < c->nerrors; i++)
    free(c->errors[i]);
  free(c->errors);
  free(c->path);
  free(c->dir);
  free(c);
}
