/*
 * sink.c: dl_report (rule.h), where a rule's finding becomes a diagnostic:
 * the message formatted from the registry's table, the severity the
 * settings give the rule, and nothing for a kind switched off.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "config/settings.h"
#include "draftlint/alloc.h"

static bool S_kind_disabled(const dl_settings *s, const char *rule,
                            const char *kind) {
  size_t n = strlen(rule);
  for (size_t i = 0; i < s->ndisabled_kinds; i++) {
    const char *k = s->disabled_kinds[i];
    if (strncmp(k, rule, n) == 0 && k[n] == ':' && strcmp(k + n + 1, kind) == 0)
      return true;
  }
  return false;
}

dl_diag *dl_report(dl_sink *sink, int id, size_t start, size_t end, ...) {
  const dl_message *m = &dl_messages[id];
  const char *rule = dl_rules[m->rule].name;
  if (m->kind && S_kind_disabled(sink->settings, rule, m->kind))
    return NULL;
  va_list ap;
  va_start(ap, end);
  char *message = dl_strdup_vprintf(m->format, ap);
  va_end(ap);
  return dl_diag_list_push(sink->list, start, end, rule, m->kind,
                           sink->settings->severity[m->rule], message);
}
