/*
 * rule_url.h: the address of a rule's page (docs/rules/RULE.md), which
 * findings link to: SARIF's helpUri, JSON's "url", the HTML report's link.
 *
 * Ownership: dl_rule_url returns a malloc'd string, the caller's.
 */
#ifndef DRAFTLINT_RULE_URL_H
#define DRAFTLINT_RULE_URL_H

#include "report/report.h"

/* The page of `rule`: the one base address (DL_DOCS_URL, set by the
 * Makefile's DOCS_URL: the installed docs by default, a web address for a
 * published copy) followed by RULE.md. */
char *dl_rule_url(const char *rule);

/* The run's description of `rule`, or NULL (borrowed from `o`). */
const dl_rule_info *dl_rule_info_find(const dl_report_options *o,
                                      const char *rule);

#endif
