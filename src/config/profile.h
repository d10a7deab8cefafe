/*
 * profile.h: the settings in force for a file, and where each came from.
 *
 * A file's configuration is the chain of files that apply to it: the
 * bundled pattern files (rules/NAME.ini), then every .draftlint.ini from the
 * repository root (the nearest folder above with a .git) or the filesystem
 * root down to the file's own folder, applied in that order so the nearest
 * wins, key by key; then the command line over all of them.  --config FILE
 * replaces the discovered files, --no-config drops them.
 *
 * A profile is one such chain made concrete: settings, pattern rules,
 * fail-on, ignore globs, and an engine.  Files with the same chain share a
 * profile, so a run has one engine per distinct configuration, built once,
 * and each configuration file is read once however many profiles use it.
 * Everything is built on the main thread before linting starts; profiles
 * are read-only afterwards and shared by the workers.
 *
 * Ownership: dl_profiles owns every configuration, profile and engine;
 * dl_profiles_free releases them after the last report, since diagnostics
 * borrow pattern rule names from them.
 */
#ifndef DRAFTLINT_PROFILE_H
#define DRAFTLINT_PROFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "cli.h"
#include "config/config.h"
#include "engine/engine.h"

/* Where one setting came from. */
typedef struct dl_origin {
  char *key;    /* "fail-on", "RULE.severity", "RULE.KEY", "RULE:KIND" */
  char *value;
  char *source; /* "PATH:LINE", "command line" */
} dl_origin;

typedef struct dl_ignore {
  const char *glob;          /* borrowed from the config entry's value */
  const dl_config *from;
  size_t line;
  char *owned;               /* the split word, owned */
} dl_ignore;

typedef struct dl_profile {
  dl_config **chain;         /* borrowed configs, farthest first; owned array */
  size_t nchain;
  const dl_pattern **patterns; /* in force, nearest definition of each name */
  size_t npatterns;
  dl_settings settings;
  dl_severity fail_on;
  bool inline_config;
  bool history;              /* history = head: compare with HEAD (run.c) */
  dl_templates templates;    /* templates, template-delimiters */
  dl_ignore *ignores;
  size_t nignores, icap;
  dl_engine engine;
  char *engine_error;        /* a rule's data could not be loaded, or NULL */
  dl_origin *origins;
  size_t norigins, ocap;
} dl_profile;

typedef struct dl_profiles dl_profiles;

/* Loads the bundled pattern files.  Never returns NULL. */
dl_profiles *dl_profiles_new(const dl_options *o);
void dl_profiles_free(dl_profiles *ps);

/* The profile of a file (a path as given on the command line; for
 * standard input, the --stdin-filename or "-").  Never returns NULL. */
dl_profile *dl_profiles_for(dl_profiles *ps, const char *path, bool stdin_);
/* The profile of files in folder `dir`. */
dl_profile *dl_profiles_for_dir(dl_profiles *ps, const char *dir);

/* Whether an ignore glob of the profile covers `path`; *why (when not
 * NULL) gets the glob that does, borrowed. */
bool dl_profile_ignores(const dl_profile *p, const char *path,
                        const dl_ignore **why);

/* Problems with the configuration found so far, each once, in the order
 * found: "PATH:LINE: error: ...".  Borrowed. */
char *const *dl_profiles_errors(const dl_profiles *ps, size_t *count);
/* Checks the rule names the command line gave that are no built-in rule
 * (cli.h, unknown_rules) against the pattern rules of every profile built
 * so far.  Returns NULL, or a malloc'd usage error. */
char *dl_profiles_check_names(const dl_profiles *ps);

/* Every profile built so far, in order of creation. */
dl_profile *const *dl_profiles_all(const dl_profiles *ps, size_t *count);

#endif
