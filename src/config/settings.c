/*
 * settings.c: rule settings by name.  Each rule's own options table (its
 * dl_rule_ops) is the one list, so the command line (--set), the
 * configuration file and --print-config accept the same keys and name the
 * same valid choices when a value is wrong.
 */
#include "config/settings.h"

#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "engine/pattern.h"

void dl_settings_defaults(dl_settings *s) {
  *s = (dl_settings){0};
  for (int i = 0; i < DL_RULE_COUNT; i++) {
    s->severity[i] = dl_rules[i].severity;
    if (dl_rules[i].ops->noptions > DL_MAX_OPTIONS)
      abort(); /* a rule declares more options than DL_MAX_OPTIONS */
  }
}

void dl_settings_free(dl_settings *s) {
  for (size_t i = 0; i < s->ndisabled_kinds; i++)
    free((char *)s->disabled_kinds[i]);
  free(s->disabled_kinds);
  s->disabled_kinds = NULL;
  s->ndisabled_kinds = 0;
  free(s->pattern_severity);
  s->pattern_severity = NULL;
  s->patterns = NULL;
  s->npatterns = 0;
}

static void S_trace(const dl_settings *s, const char *rule, const char *key,
                    const char *value) {
  if (s->trace)
    s->trace(s->trace_ctx, rule, key, value);
}

/* The position of `word` among the comma-separated `choices`, or -1. */
static int S_choice_index(const char *choices, const char *word) {
  size_t n = strlen(word);
  int i = 0;
  for (const char *c = choices; *c; i++) {
    size_t len = strcspn(c, ",");
    if (len == n && strncmp(c, word, n) == 0)
      return i;
    c += len;
    c += strspn(c, ", ");
  }
  return -1;
}

/* A value is one of the option's choices, or any non-empty text. */
static bool S_valid(const dl_option *o, const char *value) {
  return o->choices ? S_choice_index(o->choices, value) >= 0 : *value != '\0';
}

/* Pattern rules have one setting, their severity. */
static int S_set_pattern(dl_settings *s, size_t p, const char *key,
                         const char *value, char **error) {
  const char *rule = s->patterns[p]->name;
  if (strcmp(key, "severity") != 0) {
    *error = dl_strdup_printf("unknown setting '%s' for pattern rule %s; "
                              "valid: severity", key, rule);
    return -1;
  }
  if (dl_severity_parse(value, &s->pattern_severity[p]) == 0) {
    S_trace(s, rule, key, value);
    return 0;
  }
  *error = dl_strdup_printf("'%s' is not a severity for %s; valid: error, "
                            "warning, info, off", value, rule);
  return -1;
}

int dl_settings_set(dl_settings *s, const char *rule, const char *key,
                    const char *value, char **error) {
  int id = dl_rule_find(rule);
  for (size_t p = 0; id < 0 && p < s->npatterns; p++)
    if (strcmp(s->patterns[p]->name, rule) == 0)
      return S_set_pattern(s, p, key, value, error);
  if (id < 0) {
    char *names = dl_settings_rule_names(s);
    *error = dl_strdup_printf("unknown rule '%s'; valid rules: %s", rule, names);
    free(names);
    return -1;
  }
  if (strcmp(key, "severity") == 0) {
    if (dl_severity_parse(value, &s->severity[id]) == 0) {
      S_trace(s, rule, key, value);
      return 0;
    }
    *error = dl_strdup_printf("'%s' is not a severity for %s; valid: error, "
                              "warning, info, off", value, rule);
    return -1;
  }
  size_t k;
  const dl_option *o = dl_rule_option(id, key, &k);
  if (!o) {
    char *keys = dl_xstrdup("severity");
    const dl_rule_ops *ops = dl_rules[id].ops;
    for (size_t i = 0; i < ops->noptions; i++) {
      char *more = dl_strdup_printf("%s, %s", keys, ops->options[i].key);
      free(keys);
      keys = more;
    }
    *error = dl_strdup_printf("unknown setting '%s' for %s; valid: %s", key,
                              rule, keys);
    free(keys);
    return -1;
  }
  if (!S_valid(o, value)) {
    *error = dl_strdup_printf("'%s' is not a valid %s.%s; valid: %s", value,
                              rule, key, o->choices ? o->choices : o->help);
    return -1;
  }
  s->option[id][k] = value;
  S_trace(s, rule, key, value);
  return 0;
}

int dl_settings_assign(dl_settings *s, const char *assignment, char **error) {
  const char *dot = strchr(assignment, '.');
  const char *eq = strchr(assignment, '=');
  if (!dot || !eq || eq < dot) {
    *error = dl_strdup_printf("'%s' is not RULE.KEY=VALUE", assignment);
    return -1;
  }
  char *rule = dl_xstrndup(assignment, (size_t)(dot - assignment));
  char *key = dl_xstrndup(dot + 1, (size_t)(eq - dot - 1));
  int rc = dl_settings_set(s, rule, key, eq + 1, error);
  free(rule);
  free(key);
  return rc;
}

int dl_settings_disable_kind(dl_settings *s, const char *spec, char **error) {
  const char *colon = strchr(spec, ':');
  char *rule = dl_xstrndup(spec, (size_t)(colon - spec));
  int id = dl_rule_find(rule);
  bool known = false;
  for (int m = 0; id >= 0 && m < DL_MSG_COUNT; m++)
    known |= dl_messages[m].rule == (dl_rule_id)id && dl_messages[m].kind &&
             strcmp(dl_messages[m].kind, colon + 1) == 0;
  if (!known) {
    char *valid = dl_xstrdup("");
    for (int m = 0; id >= 0 && m < DL_MSG_COUNT; m++) {
      if (dl_messages[m].rule != (dl_rule_id)id || !dl_messages[m].kind)
        continue;
      bool seen = false; /* several messages may share a kind */
      for (int e = 0; e < m; e++)
        seen |= dl_messages[e].rule == (dl_rule_id)id && dl_messages[e].kind &&
                strcmp(dl_messages[e].kind, dl_messages[m].kind) == 0;
      if (seen)
        continue;
      char *more = dl_strdup_printf("%s%s%s:%s", valid, *valid ? ", " : "",
                                    rule, dl_messages[m].kind);
      free(valid);
      valid = more;
    }
    *error = id < 0 ? dl_strdup_printf("unknown rule '%s' in '%s'", rule, spec)
                    : dl_strdup_printf("unknown kind '%s' of %s; valid: %s",
                                       colon + 1, rule, valid);
    free(valid);
    free(rule);
    return -1;
  }
  free(rule);
  size_t cap = s->ndisabled_kinds;
  s->disabled_kinds = dl_xgrow(s->disabled_kinds, &cap, s->ndisabled_kinds + 1,
                               sizeof *s->disabled_kinds);
  s->disabled_kinds[s->ndisabled_kinds++] = dl_xstrdup(spec);
  return 0;
}

void dl_settings_copy(dl_settings *dst, const dl_settings *src) {
  *dst = *src;
  dst->disabled_kinds = NULL;
  dst->ndisabled_kinds = 0;
  for (size_t i = 0; i < src->ndisabled_kinds; i++) {
    size_t cap = dst->ndisabled_kinds;
    dst->disabled_kinds = dl_xgrow(dst->disabled_kinds, &cap,
                                   dst->ndisabled_kinds + 1,
                                   sizeof *dst->disabled_kinds);
    dst->disabled_kinds[dst->ndisabled_kinds++] =
        dl_xstrdup(src->disabled_kinds[i]);
  }
  dst->pattern_severity = NULL;
  if (src->npatterns) {
    dst->pattern_severity =
        dl_xcalloc(src->npatterns, sizeof *dst->pattern_severity);
    memcpy(dst->pattern_severity, src->pattern_severity,
           src->npatterns * sizeof *dst->pattern_severity);
  }
}

dl_severity *dl_settings_severity(dl_settings *s, const char *name,
                                  dl_severity *fallback) {
  int id = dl_rule_find(name);
  if (id >= 0) {
    if (fallback)
      *fallback = dl_rules[id].severity;
    return &s->severity[id];
  }
  for (size_t p = 0; p < s->npatterns; p++) {
    if (strcmp(s->patterns[p]->name, name) == 0) {
      if (fallback)
        *fallback = s->patterns[p]->severity;
      return &s->pattern_severity[p];
    }
  }
  return NULL;
}

char *dl_settings_rule_names(const dl_settings *s) {
  char *names = dl_rule_names();
  for (size_t p = 0; p < s->npatterns; p++) {
    char *more = dl_strdup_printf("%s, %s", names, s->patterns[p]->name);
    free(names);
    names = more;
  }
  return names;
}

const char *dl_option_value(const dl_settings *s, int rule, const char *key) {
  size_t k;
  return dl_rule_option(rule, key, &k) ? s->option[rule][k] : NULL;
}

int dl_option_choice(const dl_settings *s, int rule, const char *key) {
  size_t k;
  const dl_option *o = dl_rule_option(rule, key, &k);
  const char *value = o ? s->option[rule][k] : NULL;
  int i = value && o->choices ? S_choice_index(o->choices, value) : 0;
  return i < 0 ? 0 : i;
}

bool dl_rule_known(const dl_settings *s, const char *name) {
  return dl_settings_severity((dl_settings *)s, name, NULL) != NULL;
}

char *dl_rule_known_names(const dl_settings *s) {
  return dl_settings_rule_names(s);
}
