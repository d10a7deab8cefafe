/*
 * config.h: one configuration file (.draftlint.ini, or a bundled
 * rules/NAME.ini), read with inih.
 *
 *   fail-on = error                 ; the top section: run-wide keys
 *   ignore = archive, drafts-old-*.md
 *   enable = ...        disable = unclosed-emphasis:close
 *   inline-config = false
 *   [duplicate-heading]             ; a rule: severity and its options
 *   scope = document
 *   [pattern tbm-spelling]          ; a pattern rule (pattern.h)
 *   pattern = \bTMB(?= \d+/53)
 *   message = '$0' is a typo of 'TBM'
 *
 * Reading checks what one file can check on its own: the syntax, the keys
 * of the top section and of pattern sections, their values, and compiles
 * the patterns.  Rule names and rule options are checked when the file is
 * applied (profile.c), where the pattern rules of the files above it are
 * known too.  A problem never stops the reading: it is recorded with its
 * line (and column) and the rest of the file still counts.
 *
 * Ownership: dl_config_load returns a config that dl_config_free releases,
 * with every entry, pattern and message in it.  It is read-only once
 * loaded.
 */
#ifndef DRAFTLINT_CONFIG_H
#define DRAFTLINT_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/pattern.h"

/* The name draftlint looks for in each folder. */
#define DL_CONFIG_NAME ".draftlint.ini"

typedef struct dl_config_entry {
  char *section; /* "" for the top section, else a rule name */
  char *key;     /* NULL: the section header itself (line is its line) */
  char *value;   /* paths of path keys already made absolute */
  size_t line;
} dl_config_entry;

typedef struct dl_config {
  char *path;  /* as found: absolute for discovered files */
  char *dir;   /* its folder: relative paths and ignore globs start here */
  bool bundled;
  dl_config_entry *entries; /* in file order */
  size_t nentries, cap;
  dl_pattern **patterns;    /* in file order; owned */
  size_t npatterns, pcap;
  char **errors;            /* "path:line[:col]: error: message" */
  size_t nerrors, ecap;
} dl_config;

/* Reads and checks `path`.  Never returns NULL: a file that cannot be read
 * is a config with one error. */
dl_config *dl_config_load(const char *path, bool bundled);
/* The same from bytes[0..len) in memory (they need no NUL at the end):
 * `path` names them in messages, and its folder is the config's. */
dl_config *dl_config_parse(const char *path, const char *bytes, size_t len,
                           bool bundled);
void dl_config_free(dl_config *c);

/* Records a problem found while applying an entry: "path:line: error: ..."
 * is returned malloc'd (the config is read-only). */
char *dl_config_error_at(const dl_config *c, size_t line, const char *fmt,
                         ...) __attribute__((format(printf, 3, 4)));

/* Splits a comma-separated list into trimmed, non-empty words; returns how
 * many, with a malloc'd array of malloc'd strings in *out. */
size_t dl_config_split(const char *value, char ***out);
void dl_config_split_free(char **words, size_t n);

#endif
