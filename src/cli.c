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
  OPT_COLOR = 256,
  OPT_DISABLE,
  OPT_ENABLE,
  OPT_FAIL_ON,
  OPT_LIST_RULES,
  OPT_MODEL,
  OPT_ONLY,
  OPT_SENSITIVITY,
  OPT_SET,
  OPT_STDIN_FILENAME
};

/* Sorted by name, as curl keeps its table. */
static const struct option S_long[] = {
    {"color", required_argument, NULL, OPT_COLOR},
    {"disable", required_argument, NULL, OPT_DISABLE},
    {"enable", required_argument, NULL, OPT_ENABLE},
    {"fail-on", required_argument, NULL, OPT_FAIL_ON},
    {"format", required_argument, NULL, 'f'},
    {"help", no_argument, NULL, 'h'},
    {"jobs", required_argument, NULL, 'j'},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"model", required_argument, NULL, OPT_MODEL},
    {"only", required_argument, NULL, OPT_ONLY},
    {"quiet", no_argument, NULL, 'q'},
    {"sensitivity", required_argument, NULL, OPT_SENSITIVITY},
    {"set", required_argument, NULL, OPT_SET},
    {"stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

void dl_cli_usage(FILE *out) {
  fputs(
      "usage: draftlint [OPTIONS] [PATH...]\n"
      "       draftlint learn [--model FILE] PATH...\n"
      "Lints Markdown newsletter drafts: files, folders (*.md, *.markdown),\n"
      "or - for standard input.\n"
      "\n"
      "  -f, --format FORMAT      text (default) or json\n"
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
      "  -q, --quiet              findings only: no summary, no notices\n"
      "  -j, --jobs N             lint N files at a time (default: one per "
      "core)\n"
      "      --stdin-filename NAME  the name to show for standard input\n"
      "  -V, --version            print the version and exit\n"
      "  -h, --help               print this help and exit\n"
      "\n"
      "learn trains incoherent-sentence on your own published posts.\n"
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
    int id = dl_rule_find(name);
    if (id < 0) {
      char *names = dl_rule_names();
      *error = dl_strdup_printf("unknown rule '%s'; valid rules: %s", name, names);
      free(names);
      rc = -1;
    } else {
      o->settings.severity[id] = sev ? dl_rules[id].severity : DL_SEV_NONE;
    }
  }
  free(copy);
  return rc;
}

static int S_only(dl_options *o, const char *list, char **error) {
  dl_severity saved[DL_RULE_COUNT];
  memcpy(saved, o->settings.severity, sizeof saved);
  for (int i = 0; i < DL_RULE_COUNT; i++)
    o->settings.severity[i] = DL_SEV_NONE;
  if (S_rules(o, list, DL_SEV_ERROR, error) != 0)
    return -1;
  for (int i = 0; i < DL_RULE_COUNT; i++) /* keep severities set before */
    if (o->settings.severity[i] != DL_SEV_NONE && saved[i] != DL_SEV_NONE)
      o->settings.severity[i] = saved[i];
  return 0;
}

static int S_option(dl_options *o, int c, const char *arg, char **error) {
  static const char *const formats[] = {"text", "json", NULL};
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
    return 0;
  case OPT_ENABLE:
    return S_rules(o, arg, DL_SEV_ERROR, error);
  case OPT_DISABLE:
    return S_rules(o, arg, DL_SEV_NONE, error);
  case OPT_ONLY:
    return S_only(o, arg, error);
  case OPT_SET:
    return dl_settings_assign(&o->settings, arg, error);
  case OPT_MODEL:
    return dl_settings_set(&o->settings, "incoherent-sentence", "model", arg,
                           error);
  case OPT_SENSITIVITY:
    if (dl_settings_set(&o->settings, "incoherent-sentence", "sensitivity",
                        arg, error) == 0)
      return 0;
    free(*error);
    *error = dl_strdup_printf("invalid value '%s' for --sensitivity; valid: "
                              "strict, proofread", arg);
    return -1;
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

int dl_cli_parse(int argc, char **argv, dl_options *o, char **error) {
  *o = (dl_options){.fail_on = DL_SEV_WARNING};
  dl_settings_defaults(&o->settings);
  opterr = 0;
  optind = 1;
  int c;
  while ((c = getopt_long(argc, argv, ":f:hj:qV", S_long, NULL)) != -1) {
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

void dl_options_free(dl_options *o) { dl_settings_free(&o->settings); }
