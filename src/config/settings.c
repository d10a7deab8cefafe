/*
 * settings.c: rule settings by name.  One table of per-rule options, so the
 * command line (--set) and the configuration file accept the same keys and
 * name the same valid choices when a value is wrong.
 */
#include "config/settings.h"

#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "engine/pattern.h"

void dl_settings_defaults(dl_settings *s) {
  *s = (dl_settings){0};
  for (int i = 0; i < DL_RULE_COUNT; i++)
    s->severity[i] = dl_rules[i].severity;
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

static int S_set_scope(dl_settings *s, const char *v) {
  if (strcmp(v, "siblings") == 0)
    s->heading_scope = DL_SCOPE_SIBLINGS;
  else if (strcmp(v, "document") == 0)
    s->heading_scope = DL_SCOPE_DOCUMENT;
  else
    return -1;
  return 0;
}

static int S_set_catalog(dl_settings *s, const char *v) {
  if (!*v)
    return -1;
  s->catalog_path = v;
  return 0;
}

static int S_set_sensitivity(dl_settings *s, const char *v) {
  if (strcmp(v, "strict") == 0)
    s->sensitivity = DL_SENS_STRICT;
  else if (strcmp(v, "proofread") == 0)
    s->sensitivity = DL_SENS_PROOFREAD;
  else
    return -1;
  return 0;
}

static int S_set_model(dl_settings *s, const char *v) {
  if (!*v)
    return -1;
  s->model_path = v;
  return 0;
}

typedef struct option {
  const char *rule;
  const char *key;
  const char *choices; /* shown when the value is wrong */
  int (*set)(dl_settings *s, const char *value);
} option;

static const option S_options[] = {
    {"duplicate-heading", "scope", "siblings, document", S_set_scope},
    {"tbm-link", "catalog", "the path of a CSV file (Substack's posts export)",
     S_set_catalog},
    {"incoherent-sentence", "model", "the path of a model file",
     S_set_model},
    {"incoherent-sentence", "sensitivity", "strict, proofread",
     S_set_sensitivity},
};

static void S_trace(const dl_settings *s, const char *rule, const char *key,
                    const char *value) {
  if (s->trace)
    s->trace(s->trace_ctx, rule, key, value);
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
  char *keys = dl_xstrdup("severity");
  for (size_t i = 0; i < sizeof S_options / sizeof *S_options; i++) {
    const option *o = &S_options[i];
    if (strcmp(o->rule, rule) != 0)
      continue;
    if (strcmp(o->key, key) == 0) {
      free(keys);
      if (o->set(s, value) == 0) {
        S_trace(s, rule, key, value);
        return 0;
      }
      *error = dl_strdup_printf("'%s' is not a valid %s.%s; valid: %s", value,
                                rule, key, o->choices);
      return -1;
    }
    char *more = dl_strdup_printf("%s, %s", keys, o->key);
    free(keys);
    keys = more;
  }
  *error = dl_strdup_printf("unknown setting '%s' for %s; valid: %s", key,
                            rule, keys);
  free(keys);
  return -1;
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

size_t dl_settings_option_keys(const char *rule, const char **keys,
                               size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < sizeof S_options / sizeof *S_options; i++)
    if (strcmp(S_options[i].rule, rule) == 0 && n < max)
      keys[n++] = S_options[i].key;
  return n;
}
