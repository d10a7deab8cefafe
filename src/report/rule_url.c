/* rule_url.c: where each rule's page is, built in this one place. */
#include "report/rule_url.h"

#include <string.h>

#include "draftlint/alloc.h"

#ifndef DL_DOCS_URL /* a build without the Makefile: the installed pages */
#define DL_DOCS_URL "file:///usr/local/share/doc/draftlint/rules/"
#endif

/* The one base address of the rule pages; it ends in '/'. */
static const char S_docs_url[] = DL_DOCS_URL;

char *dl_rule_url(const char *rule) {
  return dl_strdup_printf("%s%s.md", S_docs_url, rule);
}

const dl_rule_info *dl_rule_info_find(const dl_report_options *o,
                                      const char *rule) {
  for (size_t i = 0; i < o->nrules; i++)
    if (strcmp(o->rules[i].name, rule) == 0)
      return &o->rules[i];
  return NULL;
}
