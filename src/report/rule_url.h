/*
 * rule_url.h: the address of a rule's page (docs/rules/RULE.md), which
 * findings link to: SARIF's helpUri, JSON's "url", the HTML report's link.
 *
 * Ownership: dl_rule_url returns a malloc'd string, the caller's.
 */
#ifndef DRAFTLINT_RULE_URL_H
#define DRAFTLINT_RULE_URL_H

#include "report/report.h"

/* The page of `rule`, RULE.md: in the pages installed beside the running
 * binary (share/doc/draftlint/rules, as a file: URL), else under the one
 * base address compiled in (DL_DOCS_URL, the Makefile's DOCS_URL). */
char *dl_rule_url(const char *rule);

/* The run's description of `rule`, or NULL (borrowed from `o`). */
const dl_rule_info *dl_rule_info_find(const dl_report_options *o,
                                      const char *rule);

#endif
