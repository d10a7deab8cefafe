/*
 * settings.h: the rule settings (rule.h's dl_settings) and how they are
 * set by name, the one path the command line and the configuration share.
 */
#ifndef DRAFTLINT_SETTINGS_H
#define DRAFTLINT_SETTINGS_H

#include "draftlint/rule.h"

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
/* Fills `keys` with up to `max` option names of a built-in rule (besides
 * severity), static strings; returns how many it stored. */
size_t dl_settings_option_keys(const char *rule, const char **keys,
                               size_t max);

#endif
