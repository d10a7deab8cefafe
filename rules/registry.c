/*
 * registry.c: the rule and message tables, built from rules.def.
 */
#include <string.h>

#include "draftlint/alloc.h"
#include "registry.h"

#define DL_RULE(id, name, sev, fn, summary) extern const dl_rule_ops dl_ops_##fn;
#define DL_MSG(id, rule, kind, format)
#include "rules.def"
#undef DL_RULE
#undef DL_MSG

const dl_rule dl_rules[DL_RULE_COUNT] = {
#define DL_RULE(id, name, sev, fn, summary)                                    \
  [DL_RULE_##id] = {name, summary, sev, &dl_ops_##fn},
#define DL_MSG(id, rule, kind, format)
#include "rules.def"
#undef DL_RULE
#undef DL_MSG
};

const dl_message dl_messages[DL_MSG_COUNT] = {
#define DL_RULE(id, name, sev, fn, summary)
#define DL_MSG(id, rule, kind, format) [DL_MSG_##id] = {DL_RULE_##rule, kind, format},
#include "rules.def"
#undef DL_RULE
#undef DL_MSG
};

int dl_rule_find(const char *name) {
  for (int i = 0; i < DL_RULE_COUNT; i++)
    if (strcmp(dl_rules[i].name, name) == 0)
      return i;
  return -1;
}

char *dl_rule_names(void) {
  size_t n = 1;
  for (int i = 0; i < DL_RULE_COUNT; i++)
    n += strlen(dl_rules[i].name) + 2;
  char *s = dl_xmalloc(n);
  s[0] = '\0';
  for (int i = 0; i < DL_RULE_COUNT; i++) {
    if (i)
      strcat(s, ", ");
    strcat(s, dl_rules[i].name);
  }
  return s;
}

const dl_option *dl_rule_option(int rule, const char *key, size_t *index) {
  const dl_rule_ops *ops = dl_rules[rule].ops;
  for (size_t i = 0; i < ops->noptions; i++) {
    if (strcmp(ops->options[i].key, key) == 0) {
      if (index)
        *index = i;
      return &ops->options[i];
    }
  }
  return NULL;
}
