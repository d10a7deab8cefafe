/*
 * settings.h: the settings of a run (rule.h's dl_settings) and how they
 * are set by name, the one path the command line and the configuration
 * share.  A rule's options are those its dl_rule_ops declares: this file
 * knows none of them by name.
 *
 * Ownership: option values and the pattern array are borrowed (argv, the
 * loaded configuration) and outlive the settings; the disabled kinds and
 * pattern severities are owned and freed by dl_settings_free.
 */
#ifndef DRAFTLINT_SETTINGS_H
#define DRAFTLINT_SETTINGS_H

#include "registry.h"

/* The most options one rule may declare (registry.c checks it). */
#define DL_MAX_OPTIONS 8

/* Everything a rule may read besides the document.  Built by the CLI (and
 * the configuration) before any file is read. */
struct dl_settings {
  dl_severity severity[DL_RULE_COUNT]; /* DL_SEV_NONE: the rule is off */
  /* Each rule's option values, in the order of its options table; NULL:
   * not set (the rule's default). */
  const char *option[DL_RULE_COUNT][DL_MAX_OPTIONS];
  const char **disabled_kinds;         /* "rule:kind" strings, owned */
  size_t ndisabled_kinds;
  /* Pattern rules in force (pattern.h): the array is borrowed from the
   * loaded configuration, which outlives the run; their severities are
   * owned, one per pattern (DL_SEV_NONE: off). */
  const struct dl_pattern *const *patterns;
  dl_severity *pattern_severity;
  size_t npatterns;
  /* When set, called for every rule option assigned by name, so
   * --print-config can say where each setting came from. */
  void (*trace)(void *ctx, const char *rule, const char *key,
                const char *value);
  void *trace_ctx;
};

/* Every rule at its default severity, default options. */
void dl_settings_defaults(dl_settings *s);
/* Applies "RULE.KEY=VALUE" (KEY: severity, or an option of that rule).
 * Returns 0, or -1 with a malloc'd message naming the valid choices.
 * VALUE strings are borrowed and must outlive the settings. */
int dl_settings_assign(dl_settings *s, const char *assignment, char **error);
/* Applies one key of one rule; same contract. */
int dl_settings_set(dl_settings *s, const char *rule, const char *key,
                    const char *value, char **error);
/* Turns off a kind of a rule ("incoherent-sentence:splice"); `spec` is
 * copied.  Returns 0, or -1 with a malloc'd message. */
int dl_settings_disable_kind(dl_settings *s, const char *spec, char **error);
void dl_settings_free(dl_settings *s);
/* A deep copy: the disabled kinds and pattern severities are duplicated;
 * borrowed strings and the pattern array stay borrowed. */
void dl_settings_copy(dl_settings *dst, const dl_settings *src);
/* The severity slot of a built-in or pattern rule called `name`, or NULL
 * when there is none; *fallback (when not NULL) gets the rule's default,
 * the severity --enable gives it. */
dl_severity *dl_settings_severity(dl_settings *s, const char *name,
                                  dl_severity *fallback);
/* "a, b, c": every built-in rule, then every pattern rule in force;
 * malloc'd. */
char *dl_settings_rule_names(const dl_settings *s);
#endif
