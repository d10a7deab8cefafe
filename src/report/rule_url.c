/* rule_url.c: where each rule's page is, built in this one place. */
#include "report/rule_url.h"

#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "input/data.h"

#ifndef DL_DOCS_URL /* a build without the Makefile: the installed pages */
#define DL_DOCS_URL "file:///usr/local/share/doc/draftlint/rules/"
#endif

/* The one base address of the rule pages where none are installed beside
 * the binary (the Makefile's DOCS_URL); it ends in '/'. */
static const char S_docs_url[] = DL_DOCS_URL;

/* A path as a file: URL, bytes other than unreserved ones and '/'
 * percent-encoded (RFC 3986), so a folder with a space still links. */
static char *S_file_url(const char *dir) {
  static const char hex[] = "0123456789ABCDEF";
  size_t n = strlen(dir);
  char *url = dl_xmalloc(7 + 3 * n + 2), *o = url;
  memcpy(o, "file://", 7);
  o += 7;
  for (const unsigned char *p = (const unsigned char *)dir; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
      *o++ = (char)*p;
    } else {
      *o++ = '%';
      *o++ = hex[*p >> 4];
      *o++ = hex[*p & 15];
    }
  }
  *o++ = '/';
  *o = '\0';
  return url;
}

char *dl_rule_url(const char *rule) {
  /* the pages installed with this binary, of its own version, first */
  char *dir = dl_installed_docs_dir();
  char *base = dir ? S_file_url(dir) : dl_xstrdup(S_docs_url);
  char *url = dl_strdup_printf("%s%s.md", base, rule);
  free(base);
  free(dir);
  return url;
}

const dl_rule_info *dl_rule_info_find(const dl_report_options *o,
                                      const char *rule) {
  for (size_t i = 0; i < o->nrules; i++)
    if (strcmp(o->rules[i].name, rule) == 0)
      return &o->rules[i];
  return NULL;
}
