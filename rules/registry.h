/*
 * registry.h: the registry of built-in rules, made from rules.def: the
 * dl_rule_id and dl_msg_id enums and the tables indexed by them.  Rules
 * include it for their message ids; the core (engine, configuration,
 * command line) for the table.  Reporters and the document and language
 * layers never do: they know diagnostics, not rules.
 *
 * Ownership: the tables are static.
 */
#ifndef DRAFTLINT_REGISTRY_H
#define DRAFTLINT_REGISTRY_H

#include "draftlint/rule.h"

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
/* Option `key` of rule `rule`, or NULL when the rule has none by that name;
 * *index (when not NULL) gets its position in the rule's table. */
const dl_option *dl_rule_option(int rule, const char *key, size_t *index);

#endif
