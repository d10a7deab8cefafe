/*
 * rule.h: what a rule is, what it may read, and how it reports.
 *
 * A rule is a function from a read-only document to diagnostics: it never
 * prints, reads files or exits.  It declares in its own file the options it
 * takes (dl_option) and the data files it needs (dl_data_file); settings,
 * configuration files, --set and --print-config read those tables, and the
 * engine reads or maps each data file once per path (src/input) and hands
 * the bytes to the rule's `load`.  The state `load` returns is then shared
 * read-only by every file, from any thread.
 *
 * The table of built-in rules and their messages is rules/rules.def, turned
 * into enums by rules/registry.h, which rules include for their
 * message ids.
 *
 * The core implements what this header declares for rules: the option
 * and rule look-ups in src/config/settings.c, dl_report in
 * src/engine/sink.c.
 *
 * Ownership: option tables are static.  Option values are borrowed from
 * argv or the configuration and outlive the run.  dl_data bytes belong to
 * the engine and outlive every state loaded from them.  State returned by
 * `load` belongs to the engine, which passes it to `unload` at the end.
 */
#ifndef DRAFTLINT_RULE_H
#define DRAFTLINT_RULE_H

#include <stdbool.h>
#include <stddef.h>

#include "draftlint/diag.h"
#include "draftlint/doc.h"

/* The settings of a run (src/config/settings.h); rules read them only
 * through dl_option_value and dl_option_choice. */
typedef struct dl_settings dl_settings;

/* An option of a rule, set as RULE.KEY = VALUE. */
typedef struct dl_option {
  const char *key;     /* "scope" */
  const char *choices; /* "siblings, document"; NULL: any non-empty text */
  const char *help;    /* what a wrong value is told it should be, when
                          `choices` is NULL ("the path of a model file") */
} dl_option;

/* A data file a rule needs: found by name (rules/data in a build tree,
 * share/draftlint once installed, $DRAFTLINT_DATA_DIR), or at the path the
 * option `option` names when it is set. */
typedef struct dl_data_file {
  const char *name;   /* "tbm-posts.csv" */
  const char *what;   /* "the TBM catalog", for messages */
  const char *option; /* the key of the option that overrides the path */
  size_t min_len;     /* a shorter file is refused (mapped files) */
  bool map;           /* mapped read-only and read in place; else read whole,
                         with a NUL after its bytes */
  bool optional;      /* a file that cannot be had is given to load with
                         bytes NULL and `error` set, not refused */
} dl_data_file;

/* One data file as `load` gets it. */
typedef struct dl_data {
  const char *bytes;  /* NULL only for an optional file that failed */
  size_t len;
  const char *path;   /* the file's path, for messages */
  const char *error;  /* why an optional file is missing, else NULL */
} dl_data;

typedef struct dl_sink dl_sink;

/* What a rule does; each rule file defines one `dl_ops_<fn>` (rules.def). */
typedef struct dl_rule_ops {
  const dl_option *options;  /* the rule's options (severity aside) */
  size_t noptions;
  const dl_data_file *files; /* the data files its load reads */
  size_t nfiles;
  /* Optional: builds the rule's state from `data` (one per `files` entry,
   * in that order) once per run.  Returns 0, or -1 with a malloc'd message
   * in *error naming the file, line and reason. */
  int (*load)(const dl_settings *settings, const dl_data *data, void **state,
              char **error);
  void (*unload)(void *state);
  void (*check)(const dl_doc *doc, dl_sink *sink);
} dl_rule_ops;

/* What a rule gets besides the document. */
struct dl_sink {
  dl_diag_list *list;
  int rule;                    /* the rule's dl_rule_id */
  const dl_settings *settings;
  void *state;                 /* what the rule's load returned */
};

/* The value of option `key` of rule `rule` (a dl_rule_id): what the
 * configuration or command line set, else NULL. */
const char *dl_option_value(const dl_settings *s, int rule, const char *key);
/* The position of that value in the option's choices (0: the first, which
 * is the default when the option is not set). */
int dl_option_choice(const dl_settings *s, int rule, const char *key);

/* Is `name` a rule in force in `s`, built-in or pattern? */
bool dl_rule_known(const dl_settings *s, const char *name);
/* Every rule name of `s`, "a, b, c"; malloc'd. */
char *dl_rule_known_names(const dl_settings *s);

/* Formats message `msg` (a dl_msg_id) with the arguments and records it
 * over the source range [start, end).  Returns the diagnostic (to attach a
 * fix or a confidence), or NULL when its kind is switched off. */
dl_diag *dl_report(dl_sink *sink, int msg, size_t start, size_t end, ...);

#endif
