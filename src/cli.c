/*
 * cli.c: the command line.  Options are parsed with getopt_long; every
 * mistake is a usage error that names the bad word and the valid choices.
 */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"

enum {
  OPT_CATALOG = 256,
  OPT_COLOR,
  OPT_DIFF,
  OPT_DISABLE,
  OPT_ENABLE,
  OPT_FAIL_ON,
  OPT_FIX,
  OPT_LIST_RULES,
  OPT_MODEL,
  OPT_ONLY,
  OPT_SENSITIVITY,
  OPT_SET,
  OPT_STDIN_FILENAME,
  OPT_CONFIG,
  OPT_FORCE,
  OPT_NO_CONFIG,
  OPT_NO_INLINE_CONFIG,
  OPT_PRINT_CONFIG,
  OPT_STAGED,
  OPT_SINCE
};

/* Sorted by name, as curl keeps its table. */
static const struct option S_long[] = {
    {"catalog", required_argument, NULL, OPT_CATALOG},
    {"color", required_argument, NULL, OPT_COLOR},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"diff", no_argument, NULL, OPT_DIFF},
    {"disable", required_argument, NULL, OPT_DISABLE},
    {"enable", required_argument, NULL, OPT_ENABLE},
    {"fail-on", required_argument, NULL, OPT_FAIL_ON},
    {"fix", no_argument, NULL, OPT_FIX},
    {"force", no_argument, NULL, OPT_FORCE},
    {"format", required_argument, NULL, 'f'},
    {"help", no_argument, NULL, 'h'},
    {"jobs", required_argument, NULL, 'j'},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"model", required_argument, NULL, OPT_MODEL},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"no-inline-config", no_argument, NULL, OPT_NO_INLINE_CONFIG},
    {"only", required_argument, NULL, OPT_ONLY},
    {"output", required_argument, NULL, 'o'},
    {"print-config", required_argument, NULL, OPT_PRINT_CONFIG},
    {"quiet", no_argument, NULL, 'q'},
    {"sensitivity", required_argument, NULL, OPT_SENSITIVITY},
    {"set", required_argument, NULL, OPT_SET},
    {"since", required_argument, NULL, OPT_SINCE},
    {"staged", no_argument, NULL, OPT_STAGED},
    {"stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

void dl_cli_usage(FILE *out) {
  fputs(
      "usage: draftlint [OPTIONS] [PATH...]\n"
      "       draftlint --staged [OPTIONS] [PATH...]\n"
      "       draftlint --print-config PATH\n"
      "       draftlint install-hook [--force]\n"
      "       draftlint learn [--model FILE] PATH...\n"
      "       draftlint lsp [OPTIONS]\n"
      "Lints Markdown newsletter drafts: files, folders (*.md, *.markdown),\n"
      "or - for standard input.\n"
      "\n"
      "  -f, --format FORMAT      text (default), json, github, sarif, or html\n"
      "                           (the rendered draft with every finding marked)\n"
      "  -o, --output FILE        write the report to FILE, not standard output\n"
      "      --enable RULE,...    turn rules on\n"
      "      --disable RULE,...   turn rules off; RULE:KIND turns off one kind\n"
      "      --only RULE,...      run these rules and no other\n"
      "      --set RULE.KEY=VALUE a rule setting (severity, scope, ...)\n"
      "      --sensitivity LEVEL  incoherent-sentence: strict (default) or\n"
      "                           proofread (more findings, more false alarms)\n"
      "      --model FILE         incoherent-sentence's model; for learn, the\n"
      "                           file to write (default: sentence.model)\n"
      "      --list-rules         list the rules and exit\n"
      "      --fail-on LEVEL      exit 1 on findings at or above LEVEL:\n"
      "                           error, warning (default), info, never\n"
      "      --color WHEN         auto (default), always, never\n"
      "      --fix                apply the unambiguous fixes to the files\n"
      "      --diff               print the fixes as a unified diff instead\n"
      "      --catalog FILE       the TBM catalog (Substack's posts export)\n"
      "  -q, --quiet              findings only: no summary, no notices\n"
      "  -j, --jobs N             lint N files at a time (default: one per "
      "core)\n"
      "      --stdin-filename NAME  the name to show for standard input\n"
      "      --config FILE        use this configuration file and no other\n"
      "      --no-config          use no configuration file\n"
      "      --no-inline-config   ignore draftlint comments in drafts\n"
      "      --print-config PATH  show the settings for PATH and where each "
      "came from\n"
      "      --staged             lint the staged version of staged drafts\n"
      "                           (and compare it with HEAD: broken-edit)\n"
      "      --since REV          compare each draft with its version at git\n"
      "                           revision REV (broken-edit)\n"
      "\n"
      "install-hook writes .git/hooks/pre-commit to run draftlint --staged;\n"
      "--force replaces a hook draftlint did not write.\n"
      "  -V, --version            print the version and exit\n"
      "  -h, --help               print this help and exit\n"
      "\n"
      "learn trains incoherent-sentence on your own published posts.\n"
      "lsp is a language server on standard input and output, for editors.\n"
      "\n"
      "Exit status: 0 no findings at or above --fail-on, 1 findings,\n"
      "2 a usage error or a file that could not be read.\n",
      out);
}

static int S_choice(const char *value, const char *const *choices,
                    const char *option, char **error) {
  for (int i = 0; choices[i]; i++)
    if (strcmp(value, choices[i]) == 0)
      return i;
  char *list = dl_xstrdup("");
  for (int i = 0; choices[i]; i++) {
    char *more = dl_strdup_printf("%s%s%s", list, i ? ", " : "", choices[i]);
    free(list);
    list = more;
  }
  *error = dl_strdup_printf("invalid value '%s' for %s; valid: %s", value,
                            option, list);
  free(list);
  return -1;
}

/* A name that is no built-in rule may be a pattern rule of a configuration
 * file not read yet: run.c checks it once they are (profile.c). */
static void S_defer(dl_options *o, const char *name) {
  size_t cap = o->nunknown_rules;
  o->unknown_rules = dl_xgrow(o->unknown_rules, &cap, o->nunknown_rules + 1,
                              sizeof *o->unknown_rules);
  o->unknown_rules[o->nunknown_rules++] = dl_xstrdup(name);
}

/* Applies `sev` to each rule named in a comma-separated list, or disables
 * a kind ("rule:kind") when switching off. */
static int S_rules(dl_options *o, const char *list, dl_severity sev,
                   char **error) {
  char *copy = dl_xstrdup(list), *save = NULL;
  int rc = 0;
  for (char *name = strtok_r(copy, ",", &save); name && rc == 0;
       name = strtok_r(NULL, ",", &save)) {
    if (strchr(name, ':') && sev == DL_SEV_NONE) {
      rc = dl_settings_disable_kind(&o->settings, name, error);
      continue;
    }
    dl_severity fallback;
    dl_severity *slot = dl_settings_severity(&o->settings, name, &fallback);
    if (!slot)
      S_defer(o, name);
    else
      *slot = sev ? (fallback ? fallback : DL_SEV_WARNING) : DL_SEV_NONE;
  }
  free(copy);
  return rc;
}

static int S_only(dl_options *o, const char *list, char **error) {
  dl_settings saved;
  dl_settings_copy(&saved, &o->settings);
  dl_settings *s = &o->settings;
  for (int i = 0; i < DL_RULE_COUNT; i++)
    s->severity[i] = DL_SEV_NONE;
  for (size_t p = 0; p < s->npatterns; p++)
    s->pattern_severity[p] = DL_SEV_NONE;
  int rc = S_rules(o, list, DL_SEV_ERROR, error);
  for (int i = 0; rc == 0 && i < DL_RULE_COUNT; i++) /* keep severities set before */
    if (s->severity[i] != DL_SEV_NONE && saved.severity[i] != DL_SEV_NONE)
      s->severity[i] = saved.severity[i];
  for (size_t p = 0; rc == 0 && p < s->npatterns; p++)
    if (s->pattern_severity[p] != DL_SEV_NONE &&
        saved.pattern_severity[p] != DL_SEV_NONE)
      s->pattern_severity[p] = saved.pattern_severity[p];
  dl_settings_free(&saved);
  return rc;
}

/* --set RULE.KEY=VALUE; a RULE that is not known yet is deferred. */
static int S_set(dl_options *o, const char *arg, char **error) {
  const char *dot = strchr(arg, '.');
  const char *eq = strchr(arg, '=');
  if (dot && eq && dot < eq) {
    char *rule = dl_xstrndup(arg, (size_t)(dot - arg));
    bool known = dl_settings_severity(&o->settings, rule, NULL) != NULL;
    if (!known)
      S_defer(o, rule);
    free(rule);
    if (!known)
      return 0;
  }
  return dl_settings_assign(&o->settings, arg, error);
}

/* --catalog, --model and --sensitivity are aliases of an option of one
 * rule (RULE.KEY); the rule's table says what is valid. */
static int S_alias(dl_options *o, const char *key, const char *rule,
                   const char *arg, char **error) {
  if (dl_settings_set(&o->settings, rule, key, arg, error) == 0)
    return 0;
  const dl_option *opt = dl_rule_option(dl_rule_find(rule), key, NULL);
  if (opt->choices) { /* name the flag the user typed, not RULE.KEY */
    free(*error);
    *error = dl_strdup_printf("invalid value '%s' for --%s; valid: %s", arg,
                              key, opt->choices);
  }
  return -1;
}

static int S_option(dl_options *o, int c, const char *arg, char **error) {
  static const char *const formats[] = {"text", "json", "html", "github",
                                        "sarif", NULL};
  static const char *const colors[] = {"auto", "always", "never", NULL};
  static const char *const levels[] = {"never", "info", "warning", "error", NULL};
  int i;
  switch (c) {
  case 'f':
    if ((i = S_choice(arg, formats, "--format", error)) < 0)
      return -1;
    o->format = (dl_format)i;
    return 0;
  case OPT_COLOR:
    if ((i = S_choice(arg, colors, "--color", error)) < 0)
      return -1;
    o->color = (dl_color)i;
    return 0;
  case OPT_FAIL_ON:
    if ((i = S_choice(arg, levels, "--fail-on", error)) < 0)
      return -1;
    o->fail_on = (dl_severity)i;
    o->fail_on_given = true;
    return 0;
  case OPT_ENABLE:
    return S_rules(o, arg, DL_SEV_ERROR, error);
  case OPT_DISABLE:
    return S_rules(o, arg, DL_SEV_NONE, error);
  case OPT_ONLY:
    return S_only(o, arg, error);
  case OPT_SET:
    return S_set(o, arg, error);
  case OPT_CONFIG:
    o->config_path = arg;
    return 0;
  case OPT_NO_CONFIG:
    o->no_config = true;
    return 0;
  case OPT_NO_INLINE_CONFIG:
    o->no_inline_config = true;
    return 0;
  case OPT_PRINT_CONFIG:
    o->print_config = arg;
    if (o->action == DL_ACTION_LINT)
      o->action = DL_ACTION_PRINT_CONFIG;
    return 0;
  case OPT_STAGED:
    o->staged = true;
    return 0;
  case OPT_SINCE:
    o->since = arg;
    return 0;
  case OPT_FORCE:
    o->force = true;
    return 0;
  case OPT_CATALOG:
    return S_alias(o, "catalog", "tbm-link", arg, error);
  case OPT_FIX:
  case OPT_DIFF: {
    dl_fix_mode mode = c == OPT_FIX ? DL_FIX_WRITE : DL_FIX_DIFF;
    if (o->fix && o->fix != mode) {
      *error = dl_xstrdup("--fix writes the fixes and --diff prints them; "
                          "give one of the two");
      return -1;
    }
    o->fix = mode;
    return 0;
  }
  case OPT_MODEL:
    return S_alias(o, "model", "incoherent-sentence", arg, error);
  case OPT_SENSITIVITY:
    return S_alias(o, "sensitivity", "incoherent-sentence", arg, error);
  case OPT_LIST_RULES:
    o->action = DL_ACTION_LIST_RULES;
    return 0;
  case OPT_STDIN_FILENAME:
    o->stdin_name = arg;
    return 0;
  case 'j': {
    char *end;
    long n = strtol(arg, &end, 10);
    if (*end || n < 1 || n > 256) {
      *error = dl_strdup_printf("invalid value '%s' for --jobs; give a number "
                                "from 1 to 256", arg);
      return -1;
    }
    o->jobs = (int)n;
    return 0;
  }
  case 'o':
    o->output = arg;
    return 0;
  case 'q':
    o->quiet = true;
    return 0;
  case 'h':
    o->action = DL_ACTION_HELP;
    return 0;
  case 'V':
    o->action = DL_ACTION_VERSION;
    return 0;
  default:
    return -1;
  }
}

static char *S_unknown_option(const char *word) {
  char *list = dl_xstrdup("");
  for (const struct option *l = S_long; l->name; l++) {
    char *more = dl_strdup_printf("%s%s--%s", list, *list ? ", " : "", l->name);
    free(list);
    list = more;
  }
  char *msg = dl_strdup_printf("unknown option '%s'; valid options: %s", word,
                               list);
  free(list);
  return msg;
}

/* Parses argv over whatever `o` holds already. */
static int S_parse(int argc, char **argv, dl_options *o, char **error) {
  opterr = 0;
  optind = 1;
  int c;
  while ((c = getopt_long(argc, argv, ":f:hj:o:qV", S_long, NULL)) != -1) {
    if (c == ':') {
      *error = dl_strdup_printf("option '%s' needs a value", argv[optind - 1]);
      return -1;
    }
    if (c == '?') {
      char shortopt[3] = {'-', (char)optopt, '\0'};
      *error = S_unknown_option(optopt ? shortopt : argv[optind - 1]);
      return -1;
    }
    if (S_option(o, c, optarg, error) != 0)
      return -1;
  }
  o->paths = argv + optind;
  o->npaths = (size_t)(argc - optind);
  if (o->staged && o->fix) { /* the index is not the file --fix would write */
    *error = dl_xstrdup("--fix and --diff change files in the working tree, "
                        "not what is staged; run them without --staged");
    return -1;
  }
  if (o->staged && o->since) { /* --staged compares the index with HEAD */
    *error = dl_xstrdup("--since and --staged cannot be used together: "
                        "--staged already compares what is staged with HEAD");
    return -1;
  }
  /* "draftlint learn PATH...": the one subcommand (./learn lints a file) */
  if (o->npaths && strcmp(o->paths[0], "learn") == 0 &&
      o->action == DL_ACTION_LINT) {
    o->action = DL_ACTION_LEARN;
    o->paths++;
    o->npaths--;
    if (!o->npaths) {
      *error = dl_xstrdup("learn needs the posts to learn from: draftlint "
                          "learn [--model FILE] PATH...");
      return -1;
    }
  }
  return 0;
}

int dl_cli_parse(int argc, char **argv, dl_options *o, char **error) {
  *o = (dl_options){.fail_on = DL_SEV_WARNING};
  dl_settings_defaults(&o->settings);
  /* A subcommand comes first; its options are parsed as usual. */
  if (argc > 1 && strcmp(argv[1], "install-hook") == 0) {
    o->argc = argc - 1;
    o->argv = argv + 1;
    if (S_parse(o->argc, o->argv, o, error) != 0)
      return -1;
    o->action = DL_ACTION_INSTALL_HOOK;
    if (o->npaths) {
      *error = dl_strdup_printf("install-hook takes no path ('%s'); run it "
                                "inside the repository", o->paths[0]);
      return -1;
    }
    return 0;
  }
  if (argc > 1 && strcmp(argv[1], "lsp") == 0) {
    /* --stdio, which editors pass, names the one transport: dropped */
    int n = 1;
    for (int i = 2; i < argc; i++)
      if (strcmp(argv[i], "--stdio") != 0)
        argv[n++] = argv[i];
    o->argc = n;
    o->argv = argv;
    if (S_parse(o->argc, o->argv, o, error) != 0)
      return -1;
    o->action = DL_ACTION_LSP;
    if (o->npaths) {
      *error = dl_strdup_printf("lsp takes no path ('%s'); the editor sends "
                                "the drafts", o->paths[0]);
      return -1;
    }
    return 0;
  }
  o->argc = argc;
  o->argv = argv;
  if (S_parse(argc, argv, o, error) != 0)
    return -1;
  if (o->force) {
    *error = dl_xstrdup("--force goes with install-hook: draftlint "
                        "install-hook --force");
    return -1;
  }
  return 0;
}

int dl_cli_overlay(const dl_options *o, dl_options *out, char **error) {
  return S_parse(o->argc, o->argv, out, error);
}

void dl_options_free(dl_options *o) {
  dl_settings_free(&o->settings);
  for (size_t i = 0; i < o->nunknown_rules; i++)
    free(o->unknown_rules[i]);
  free(o->unknown_rules);
  o->unknown_rules = NULL;
  o->nunknown_rules = 0;
}
