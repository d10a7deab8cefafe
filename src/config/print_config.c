/*
 * print_config.c: --print-config PATH.  The settings in force for a file,
 * written as a configuration file (so it can be copied from), each line
 * followed by where the value came from: a file and line, the command
 * line, or the default.
 */
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "config/print_config.h"
#include "config/settings.h"

static const dl_origin *S_find(const dl_profile *p, const char *key) {
  for (size_t i = 0; i < p->norigins; i++)
    if (strcmp(p->origins[i].key, key) == 0)
      return &p->origins[i];
  return NULL;
}

static void S_line(FILE *out, const char *key, const char *value,
                   const char *source) {
  int n = fprintf(out, "%s = %s", key, value);
  fprintf(out, "%*s ; %s\n", n < 39 ? 39 - n : 0, "", source);
}

static const char *S_sev(dl_severity s) {
  return s == DL_SEV_NONE ? "off" : dl_severity_name(s);
}

/* A severity no later file or option changed comes from the rule's own
 * definition: the default for a built-in rule, the section's severity key
 * for a pattern rule that has one. */
static void S_rule(FILE *out, const dl_profile *p, const char *name,
                   dl_severity sev, const char *defined_at, bool builtin) {
  char *key = dl_strdup_printf("%s.severity", name);
  const dl_origin *o = S_find(p, key);
  S_line(out, "severity", S_sev(sev),
         o ? o->source : defined_at ? defined_at : "default");
  free(key);
  if (!builtin)
    return;
  const dl_rule_ops *ops = dl_rules[dl_rule_find(name)].ops;
  for (size_t k = 0; k < ops->noptions; k++) {
    const char *option = ops->options[k].key;
    key = dl_strdup_printf("%s.%s", name, option);
    o = S_find(p, key);
    if (o)
      S_line(out, option, o->value, o->source);
    else
      fprintf(out, "; %s is not set: the rule's default\n", option);
    free(key);
  }
}

void dl_profile_print(const dl_profile *p, const char *path, FILE *out) {
  fprintf(out, "; draftlint settings for %s\n", path);
  if (p->nchain) {
    fputs("; configuration files, applied in this order (the last wins):\n",
          out);
    for (size_t i = 0; i < p->nchain; i++)
      fprintf(out, ";   %s%s\n", p->chain[i]->path,
              p->chain[i]->bundled ? " (bundled)" : "");
  } else {
    fputs("; no configuration file\n", out);
  }
  const dl_ignore *why = NULL;
  if (dl_profile_ignores(p, path, &why))
    fprintf(out, "; %s is ignored: '%s' of %s:%zu\n", path, why->glob,
            why->from->path, why->line);
  fputc('\n', out);
  const dl_origin *o = S_find(p, "fail-on");
  S_line(out, "fail-on", dl_severity_name(p->fail_on),
         o ? o->source : "default");
  o = S_find(p, "inline-config");
  S_line(out, "inline-config", p->inline_config ? "true" : "false",
         o ? o->source : "default");
  o = S_find(p, "history");
  S_line(out, "history", p->history ? "head" : "off",
         o ? o->source : "default");
  o = S_find(p, "templates");
  S_line(out, "templates", p->templates.off ? "off" : "on",
         o ? o->source : "default");
  o = S_find(p, "template-delimiters");
  if (o)
    S_line(out, "template-delimiters", o->value, o->source);
  for (size_t i = 0; i < p->nignores; i++) {
    char *src = dl_strdup_printf("%s:%zu", p->ignores[i].from->path,
                                 p->ignores[i].line);
    S_line(out, "ignore", p->ignores[i].glob, src);
    free(src);
  }
  for (size_t i = 0; i < p->settings.ndisabled_kinds; i++) {
    o = S_find(p, p->settings.disabled_kinds[i]);
    S_line(out, "disable", p->settings.disabled_kinds[i],
           o ? o->source : "command line");
  }
  for (int i = 0; i < DL_RULE_COUNT; i++) {
    fprintf(out, "\n[%s]\n", dl_rules[i].name);
    S_rule(out, p, dl_rules[i].name, p->settings.severity[i], NULL, true);
  }
  for (size_t i = 0; i < p->npatterns; i++) {
    const dl_pattern *pat = p->patterns[i];
    fprintf(out, "\n[pattern %s]", pat->name);
    fprintf(out, "%*s ; %s\n", (int)(39 - 10 - strlen(pat->name)) > 0
                                   ? (int)(39 - 10 - strlen(pat->name))
                                   : 0, "", pat->origin);
    S_rule(out, p, pat->name, p->settings.pattern_severity[i],
           pat->severity_origin, false);
    fprintf(out, "scope = %s\npattern = %s\nmessage = %s\n",
            dl_pattern_scope_names[pat->scope], pat->regex, pat->message);
    if (pat->replace)
      fprintf(out, "replace = %s\n", pat->replace);
    if (pat->description)
      fprintf(out, "description = %s\n", pat->description);
  }
}
