/*
 * rule.h: what a rule is, what it may read, and how it reports.
 *
 * Every built-in rule and every message it can emit is declared once, in
 * rules/rules.def; this header turns that table into the dl_rule_id and
 * dl_msg_id enums.  A rule is a function from a read-only document to
 * diagnostics: it never prints, reads files or exits.  A rule that needs
 * data (a catalog, a model) loads it once per run in `load`; that state is
 * then shared read-only by every file, from any thread.
 *
 * Ownership: the rule table is static.  dl_settings strings are borrowed
 * from argv or the configuration and outlive the run.  State returned by
 * `load` belongs to the engine, which passes it to `unload` at the end.
 */
#ifndef DRAFTLINT_RULE_H
#define DRAFTLINT_RULE_H

#include <stdbool.h>

#include "draftlint/diag.h"
#include "draftlint/doc.h"

typedef enum dl_rule_id {
#define DL_RULE(id, name, sev, fn, summary) DL_RULE_##id,
#define DL_MSG(id, rule, kind, format)
#include "rules.def"
#undef DL_RULE
#undef DL_MSG
  DL_RULE_COUNT
} dl_rule_id;

typedef enum dl_msg_id {
#define DL_RULE(id, name, sev, fn, summary)
#define DL_MSG(id, rule, kind, format) DL_MSG_##id,
#include "rules.def"
#undef DL_RULE
#undef DL_MSG
  DL_MSG_COUNT
} dl_msg_id;

/* How widely duplicate-heading compares. */
typedef enum dl_heading_scope {
  DL_SCOPE_SIBLINGS = 0, /* same level, same parent section (default) */
  DL_SCOPE_DOCUMENT      /* any two headings in the file */
} dl_heading_scope;

/* How sure a statistical rule must be before it speaks. */
typedef enum dl_sensitivity {
  DL_SENS_STRICT = 0, /* the default: almost no false alarms */
  DL_SENS_PROOFREAD   /* a deliberate read before publishing */
} dl_sensitivity;

/* Everything a rule may read besides the document.  Built by the CLI (and
 * the configuration) before any file is read. */
typedef struct dl_settings {
  dl_severity severity[DL_RULE_COUNT]; /* DL_SEV_NONE: the rule is off */
  const char **disabled_kinds;         /* "rule:kind" strings, owned */
  size_t ndisabled_kinds;
  dl_heading_scope heading_scope;
  dl_sensitivity sensitivity;
  const char *catalog_path; /* NULL: the installed TBM catalog */
  const char *model_path;   /* NULL: the installed sentence model */
  /* Pattern rules in force (pattern.h): the array is borrowed from the
   * loaded configuration, which outlives the run; their severities are
   * owned, one per pattern (DL_SEV_NONE: off). */
  const struct dl_pattern *const *patterns;
  dl_severity *pattern_severity;
  size_t npatterns;
  /* When set, called for every rule option assigned by name (settings.c),
   * so --print-config can say where each setting came from. */
  void (*trace)(void *ctx, const char *rule, const char *key,
                const char *value);
  void *trace_ctx;
} dl_settings;

typedef struct dl_sink dl_sink;

/* What a rule does; each rule file defines one `dl_ops_<fn>` (rules.def). */
typedef struct dl_rule_ops {
  /* Optional: load data once per run.  Returns 0, or -1 with a malloc'd
   * message in *error naming the file, line and reason. */
  int (*load)(const dl_settings *settings, void **state, char **error);
  void (*unload)(void *state);
  void (*check)(const dl_doc *doc, dl_sink *sink);
} dl_rule_ops;

typedef struct dl_rule {
  const char *name;       /* kebab-case, as users type it */
  const char *summary;    /* one line, for --list-rules and SARIF */
  dl_severity severity;   /* the default */
  const dl_rule_ops *ops;
} dl_rule;

/* The table from rules.def, indexed by dl_rule_id. */
extern const dl_rule dl_rules[DL_RULE_COUNT];

typedef struct dl_message {
  dl_rule_id rule;
  const char *kind;   /* NULL when the rule has one kind */
  const char *format; /* printf format of the message */
} dl_message;

extern const dl_message dl_messages[DL_MSG_COUNT];

/* Looks a rule up by name; returns -1 when there is none. */
int dl_rule_find(const char *name);
/* Writes "a, b, c" (every rule name) into a malloc'd string. */
char *dl_rule_names(void);

/* What a rule gets besides the document. */
struct dl_sink {
  dl_diag_list *list;
  dl_rule_id rule;
  const dl_settings *settings;
  void *state; /* what the rule's load returned */
};

/* Formats message `id` with the arguments and records it over the source
 * range [start, end).  Returns the diagnostic (to attach a fix or a
 * confidence), or NULL when its kind is switched off. */
dl_diag *dl_report(dl_sink *sink, dl_msg_id id, size_t start, size_t end,
                   ...);

#endif
