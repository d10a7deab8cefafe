/*
 * run.c: collect the inputs, lint them (in parallel when asked), hand the
 * results to the reporter in input order, and work out the exit code.
 *
 * Each of the `jobs` threads (the main one included) takes the next input,
 * lints it into its own slot and marks it done; the main thread reports
 * slot after slot as they complete, linting the next input itself while
 * the slot it must report is not ready, so the output is the same for any
 * number of jobs.  Nobody runs more than 4 x jobs slots ahead of the
 * reporter, which bounds memory on a folder of large drafts.
 */
#include "run.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "input/files.h"
#include "report/output.h"
#include "input/git.h"
#include "config/print_config.h"
#include "config/profile.h"
#include "learn.h"
#include "lsp/server.h"
#include "report/rule_url.h"

typedef struct pool {
  dl_profile *const *profiles; /* of each input; NULL for a failed input */
  const dl_inputs *inputs;
  dl_result *results;
  bool *done;
  size_t next, reported, window;
  pthread_mutex_t lock;
  pthread_cond_t changed;
} pool;

static void S_lint_input(const dl_profile *prof, const dl_input *in,
                         dl_result *out) {
  if (in->error) {
    dl_result_fail(out, in->path, in->error);
    return;
  }
  if (prof->engine_error) {
    dl_result_fail(out, in->path, prof->engine_error);
    return;
  }
  const dl_engine *e = &prof->engine;
  char *bytes, *error;
  size_t len;
  if (dl_read_input(in, &bytes, &len, &error) != 0) {
    dl_result_fail(out, in->path, error);
    free(error);
    return;
  }
  char *before = NULL;
  size_t before_len = 0;
  if (in->since && dl_git_read_before(in, &before, &before_len, &error) < 0) {
    free(bytes);
    dl_result_fail(out, in->path, error);
    free(error);
    return;
  }
  dl_lint_versions(e, in->path, bytes, len, before, before_len, out);
  if (in->git_path && out->doc) /* report the working tree's lines */
    dl_git_map_lines(out->doc, in->path);
}

/* The next input to lint, claimed under the lock, or NONE when all are
 * claimed or the next one is too far ahead of the reporter. */
#define NONE ((size_t)-1)
static size_t S_claim(pool *p) {
  if (p->next < p->inputs->len && p->next < p->reported + p->window)
    return p->next++;
  return NONE;
}

/* Lints input i (claimed by this thread) outside the lock. */
static void S_lint_claimed(pool *p, size_t i) {
  pthread_mutex_unlock(&p->lock);
  S_lint_input(p->profiles[i], &p->inputs->items[i], &p->results[i]);
  pthread_mutex_lock(&p->lock);
  p->done[i] = true;
  pthread_cond_broadcast(&p->changed);
}

static void *S_worker(void *arg) {
  pool *p = arg;
  pthread_mutex_lock(&p->lock);
  for (;;) {
    size_t i = S_claim(p);
    if (i != NONE)
      S_lint_claimed(p, i);
    else if (p->next < p->inputs->len)
      pthread_cond_wait(&p->changed, &p->lock);
    else
      break;
  }
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

static int S_jobs(const dl_options *o, size_t ninputs) {
  long n = o->jobs ? o->jobs : sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1)
    n = 1;
  if ((size_t)n > ninputs)
    n = (long)(ninputs ? ninputs : 1);
  return (int)n;
}

/* Does the result have a finding at or above its configuration's fail-on? */
static bool S_fails(const dl_profile *prof, const dl_result *r) {
  if (!prof || prof->fail_on == DL_SEV_NONE)
    return false;
  for (size_t i = 0; i < r->diags.len; i++)
    if (r->diags.items[i].severity >= prof->fail_on)
      return true;
  return false;
}

/* A draftlint comment that names no rule is bad input, like a bad
 * configuration file: reported as a finding, and the run exits 2. */
static bool S_bad_comment(const dl_result *r) {
  for (size_t i = 0; i < r->diags.len; i++)
    if (r->diags.items[i].rule == dl_rules[DL_RULE_INLINE_CONFIG].name)
      return true;
  return false;
}

/* Lints every input, calling the reporter on each result in order; --fix
 * and --diff act on each result before it is reported and freed.  Returns
 * whether any file has findings at or above its fail-on, and in *bad
 * whether any draft has a bad draftlint comment. */
static bool S_lint_all(const dl_options *o, dl_profile *const *profiles,
                       const dl_inputs *inputs, int jobs, dl_reporter *rep,
                       dl_summary *sum, bool *bad) {
  bool failed = false;
  pool p = {.profiles = profiles,
            .inputs = inputs,
            .results = dl_xcalloc(inputs->len, sizeof(dl_result)),
            .done = dl_xcalloc(inputs->len, sizeof(bool)),
            .window = (size_t)jobs * 4};
  pthread_mutex_init(&p.lock, NULL);
  pthread_cond_init(&p.changed, NULL);
  /* The main thread is one of the `jobs`: it lints whatever is next while
   * the result it must report is not ready, so -j 1 starts no thread and
   * -j N starts N - 1. */
  pthread_t *threads = dl_xcalloc((size_t)jobs, sizeof *threads);
  int started = 0;
  for (; started < jobs - 1; started++)
    if (pthread_create(&threads[started], NULL, S_worker, &p) != 0)
      break;
  for (size_t i = 0; i < inputs->len; i++) {
    pthread_mutex_lock(&p.lock);
    while (!p.done[i]) {
      size_t j = S_claim(&p);
      if (j != NONE)
        S_lint_claimed(&p, j);
      else
        pthread_cond_wait(&p.changed, &p.lock);
    }
    pthread_mutex_unlock(&p.lock);
    if (profiles[i]) /* a diff goes where the report would */
      dl_fix_result(&profiles[i]->engine, o->fix, o->quiet, &inputs->items[i],
                    &p.results[i], rep->options.out);
    if (o->fix != DL_FIX_DIFF) /* a diff is all --diff prints on stdout */
      rep->file(rep, &p.results[i]);
    else if (p.results[i].error)
      dl_report_failure(&p.results[i], false);
    dl_summary_add(sum, &p.results[i]);
    failed |= S_fails(profiles[i], &p.results[i]);
    *bad |= S_bad_comment(&p.results[i]);
    dl_result_free(&p.results[i]);
    pthread_mutex_lock(&p.lock);
    p.reported = i + 1;
    pthread_cond_broadcast(&p.changed);
    pthread_mutex_unlock(&p.lock);
  }
  for (int t = 0; t < started; t++)
    pthread_join(threads[t], NULL);
  free(threads);
  pthread_cond_destroy(&p.changed);
  pthread_mutex_destroy(&p.lock);
  free(p.done);
  free(p.results);
  return failed;
}

/* Source excerpts: on a terminal that can show them, or --color always. */
static bool S_use_excerpt(const dl_options *o, FILE *out) {
  if (o->color != DL_COLOR_AUTO)
    return o->color == DL_COLOR_ALWAYS;
  const char *term = getenv("TERM");
  return isatty(fileno(out)) && !(term && strcmp(term, "dumb") == 0);
}

/* Colours: as excerpts, but NO_COLOR (no-color.org) takes away the colour
 * alone, and only when it is set to something: an empty value is ignored. */
static bool S_use_color(const dl_options *o, FILE *out) {
  const char *no_color = getenv("NO_COLOR");
  if (o->color == DL_COLOR_AUTO && no_color && *no_color)
    return false;
  return S_use_excerpt(o, out);
}

/* The line number of a "PATH:LINE: ..." message (0 for none), and in *plen
 * the length of its PATH, so that messages sort by file, then line. */
static size_t S_message_line(const char *m, size_t *plen) {
  for (const char *c = strchr(m, ':'); c; c = strchr(c + 1, ':')) {
    char *end;
    unsigned long line = strtoul(c + 1, &end, 10);
    if (end > c + 1 && *end == ':') {
      *plen = (size_t)(c - m);
      return line;
    }
  }
  *plen = strlen(m);
  return 0;
}

/* Where a configuration message stands: the first message of its file
 * (files keep the order they were read in), its line, its own index. */
typedef struct msg_key {
  size_t file, line, index;
} msg_key;

static int S_compare_keys(const void *a, const void *b) {
  const msg_key *x = a, *y = b;
  if (x->file != y->file)
    return x->file < y->file ? -1 : 1;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Prints the configuration problems found so far (each once) and says
 * whether there were any.  Within one file they come in line order, as a
 * writer reads and fixes them. */
static bool S_config_errors(const dl_profiles *ps) {
  size_t n;
  char *const *errors = dl_profiles_errors(ps, &n);
  msg_key *keys = dl_xcalloc(n ? n : 1, sizeof *keys);
  for (size_t i = 0; i < n; i++) {
    size_t plen, qlen;
    keys[i] = (msg_key){i, S_message_line(errors[i], &plen), i};
    for (size_t j = 0; j < i; j++) {
      S_message_line(errors[j], &qlen);
      if (qlen == plen && strncmp(errors[i], errors[j], plen) == 0) {
        keys[i].file = keys[j].file;
        break;
      }
    }
  }
  qsort(keys, n, sizeof *keys, S_compare_keys);
  for (size_t i = 0; i < n; i++)
    fprintf(stderr, "%s\n", errors[keys[i].index]);
  free(keys);
  return n > 0;
}

/* Files named on the command line that a configuration file ignores are
 * skipped, but never silently: the writer asked for them. */
static void S_ignored_notice(const dl_options *o, const dl_input *in,
                             const dl_ignore *why) {
  if (o->quiet || !in->named)
    return;
  fprintf(stderr,
          "draftlint: %s: skipped: ignored by %s:%zu (ignore = %s); lint it "
          "with --no-config, or change that line\n",
          in->path, why->from->path, why->line, why->glob);
}

/* Was `pat` defined by a bundled file (rules/NAME.ini), not by the user? */
static bool S_bundled(const dl_profile *p, const dl_pattern *pat) {
  for (size_t c = 0; c < p->nchain; c++)
    for (size_t i = 0; p->chain[c]->bundled && i < p->chain[c]->npatterns; i++)
      if (p->chain[c]->patterns[i] == pat)
        return true;
  return false;
}

/* The rules of the run for reporters that describe them (SARIF): every
 * built-in rule, then every pattern rule of any profile, once each. */
static dl_rule_info *S_rule_infos(const dl_profiles *ps, size_t *count,
                                  char ***owned, size_t *nowned) {
  size_t nprof, cap = 0, n = 0, ocap = 0;
  dl_profile *const *all = dl_profiles_all(ps, &nprof);
  dl_rule_info *infos = NULL;
  *owned = NULL;
  *nowned = 0;
  for (int i = 0; i < DL_RULE_COUNT; i++) {
    char *help = dl_strdup_printf(
        "%s Turn it off with --disable %s, 'disable = %s' in .draftlint.ini, "
        "or <!-- draftlint-disable %s --> in the draft. See draftlint(1).",
        dl_rules[i].summary, dl_rules[i].name, dl_rules[i].name,
        dl_rules[i].name);
    char *url = dl_rule_url(dl_rules[i].name);
    *owned = dl_xgrow(*owned, &ocap, *nowned + 2, sizeof **owned);
    (*owned)[(*nowned)++] = help;
    (*owned)[(*nowned)++] = url;
    infos = dl_xgrow(infos, &cap, n + 1, sizeof *infos);
    infos[n++] = (dl_rule_info){dl_rules[i].name, dl_rules[i].summary, help,
                                url, dl_rules[i].severity};
  }
  for (size_t k = 0; k < nprof; k++) {
    for (size_t j = 0; j < all[k]->npatterns; j++) {
      const dl_pattern *pat = all[k]->patterns[j];
      bool seen = false;
      for (size_t m = DL_RULE_COUNT; m < n && !seen; m++)
        seen = strcmp(infos[m].name, pat->name) == 0;
      if (seen)
        continue;
      char *summary = pat->description
                          ? dl_xstrdup(pat->description)
                          : dl_strdup_printf("Pattern rule from %s.",
                                             pat->origin);
      char *help = dl_strdup_printf(
          "%s A pattern rule defined at %s: the regular expression /%s/ "
          "over %s text. Turn it off with --disable %s or 'disable = %s'.",
          summary, pat->origin, pat->regex,
          dl_pattern_scope_names[pat->scope], pat->name, pat->name);
      /* a bundled pattern rule has its page; a user's has none */
      char *url = S_bundled(all[k], pat) ? dl_rule_url(pat->name) : NULL;
      *owned = dl_xgrow(*owned, &ocap, *nowned + 3, sizeof **owned);
      (*owned)[(*nowned)++] = summary;
      (*owned)[(*nowned)++] = help;
      (*owned)[(*nowned)++] = url;
      infos = dl_xgrow(infos, &cap, n + 1, sizeof *infos);
      infos[n++] = (dl_rule_info){pat->name, summary, help, url,
                                  pat->severity};
    }
  }
  *count = n;
  return infos;
}

/* Which revision each draft is compared with (broken-edit): --since's,
 * HEAD for what is staged, HEAD where the configuration says history =
 * head; standard input has no history. */
static void S_since(const dl_options *o, dl_profile *const *profiles,
                    dl_inputs *inputs) {
  for (size_t i = 0; i < inputs->len; i++) {
    dl_input *in = &inputs->items[i];
    if (in->error || in->stdin_)
      continue;
    if (o->since)
      in->since = o->since;
    else if (o->staged || (profiles[i] && profiles[i]->history))
      in->since = "HEAD";
  }
}

int dl_run(const dl_options *o) {
  char *here[] = {"."};
  dl_inputs inputs;
  char *since_error = NULL;
  if (o->since && dl_git_check_rev(o->since, &since_error) != 0) {
    fprintf(stderr, "draftlint: %s\n", since_error);
    free(since_error);
    return DL_EXIT_TROUBLE;
  }
  dl_profiles *ps = dl_profiles_new(o);
  if (o->staged) {
    char *error = NULL;
    if (dl_git_staged_inputs(o->paths, o->npaths, &inputs, &error) != 0) {
      fprintf(stderr, "draftlint: %s\n", error);
      free(error);
      dl_profiles_free(ps);
      return DL_EXIT_TROUBLE;
    }
  } else {
    dl_inputs_collect(o->npaths ? o->paths : here, o->npaths ? o->npaths : 1,
                      o->stdin_name, &inputs);
  }
  if (o->staged && inputs.len == 0) { /* a commit without drafts: quiet */
    dl_inputs_free(&inputs);
    dl_profiles_free(ps);
    return DL_EXIT_CLEAN;
  }
  /* Every input's configuration, before any linting: ignored files leave
   * the list, and every configuration problem is known up front. */
  dl_profile **profiles = dl_xcalloc(inputs.len ? inputs.len : 1,
                                     sizeof *profiles);
  size_t kept = 0;
  for (size_t i = 0; i < inputs.len; i++) {
    dl_input in = inputs.items[i];
    dl_profile *prof = NULL;
    if (!in.error) {
      prof = dl_profiles_for(ps, in.path, in.stdin_);
      const dl_ignore *why = NULL;
      if (!in.stdin_ && dl_profile_ignores(prof, in.path, &why)) {
        S_ignored_notice(o, &in, why);
        free(in.path);
        free(in.error);
        continue;
      }
    }
    profiles[kept] = prof;
    inputs.items[kept++] = in;
  }
  inputs.len = kept;
  S_since(o, profiles, &inputs);
  size_t nprof;
  dl_profiles_all(ps, &nprof);
  if (nprof == 0) /* the bundled pattern names, for the check below */
    dl_profiles_for_dir(ps, ".");
  char *unknown = dl_profiles_check_names(ps);
  if (unknown) {
    fprintf(stderr, "draftlint: %s\n", unknown);
    fprintf(stderr, "Try 'draftlint --help' for more information.\n");
    free(unknown);
    free(profiles);
    dl_inputs_free(&inputs);
    dl_profiles_free(ps);
    return DL_EXIT_TROUBLE;
  }
  bool trouble = S_config_errors(ps);
  char *error = NULL;
  FILE *out = dl_output_open(o->output, &inputs, &error);
  if (!out) {
    fprintf(stderr, "draftlint: %s\n", error);
    free(error);
    free(profiles);
    dl_inputs_free(&inputs);
    dl_profiles_free(ps);
    return DL_EXIT_TROUBLE;
  }
  bool color = S_use_color(o, out), excerpt = S_use_excerpt(o, out);
  size_t nrules, nowned;
  char **owned;
  dl_rule_info *rules = S_rule_infos(ps, &nrules, &owned, &nowned);
  dl_report_options ro = {.format = o->format,
                          .color = color,
                          .excerpt = excerpt,
                          .quiet = o->quiet,
                          .out = out,
                          .rules = rules,
                          .nrules = nrules};
  dl_reporter *rep = dl_reporter_new(&ro);
  dl_summary sum = {0};
  dl_profiles_errors(ps, &sum.config_errors);
  bool bad_comment = false;
  bool failed = S_lint_all(o, profiles, &inputs, S_jobs(o, inputs.len), rep,
                           &sum, &bad_comment);
  if (o->fix != DL_FIX_DIFF)
    rep->finish(rep, &sum);
  dl_reporter_free(rep);
  for (size_t i = 0; i < nowned; i++)
    free(owned[i]);
  free(owned);
  free(rules);
  free(profiles);
  dl_inputs_free(&inputs);
  dl_profiles_free(ps);
  if (dl_output_close(out, o->output, &error) != 0) {
    fprintf(stderr, "draftlint: %s\n", error);
    free(error);
    return DL_EXIT_TROUBLE;
  }
  if (o->output && strcmp(o->output, "-") != 0 && !o->quiet)
    fprintf(stderr, "draftlint: wrote the report to %s\n", o->output);
  if (trouble || bad_comment || sum.failures)
    return DL_EXIT_TROUBLE;
  return failed ? DL_EXIT_FINDINGS : DL_EXIT_CLEAN;
}

int dl_print_config(const dl_options *o, FILE *out) {
  dl_profiles *ps = dl_profiles_new(o);
  struct stat st;
  const char *path = o->print_config;
  dl_profile *p = stat(path, &st) == 0 && S_ISDIR(st.st_mode)
                      ? dl_profiles_for_dir(ps, path)
                      : dl_profiles_for(ps, path, false);
  char *unknown = dl_profiles_check_names(ps);
  if (unknown) {
    fprintf(stderr, "draftlint: %s\n", unknown);
    free(unknown);
    dl_profiles_free(ps);
    return DL_EXIT_TROUBLE;
  }
  dl_profile_print(p, path, out);
  bool trouble = S_config_errors(ps);
  dl_profiles_free(ps);
  return trouble ? DL_EXIT_TROUBLE : DL_EXIT_CLEAN;
}

int dl_list_rules(const dl_options *o, FILE *out) {
  for (int i = 0; i < DL_RULE_COUNT; i++)
    fprintf(out, "%-22s %-8s %s\n", dl_rules[i].name,
            dl_severity_name(dl_rules[i].severity), dl_rules[i].summary);
  /* and the pattern rules configured for the current folder */
  dl_profiles *ps = dl_profiles_new(o);
  dl_profile *p = dl_profiles_for_dir(ps, ".");
  for (size_t i = 0; i < p->npatterns; i++) {
    const dl_pattern *pat = p->patterns[i];
    fprintf(out, "%-22s %-8s ", pat->name,
            pat->severity ? dl_severity_name(pat->severity) : "off");
    if (pat->description)
      fprintf(out, "%s (pattern rule)\n", pat->description);
    else
      fprintf(out, "Pattern rule /%s/.\n", pat->regex);
  }
  bool trouble = S_config_errors(ps);
  dl_profiles_free(ps);
  return trouble ? DL_EXIT_TROUBLE : DL_EXIT_CLEAN;
}

int dl_run_learn(const dl_options *o) {
  const char *model = dl_option_value(&o->settings,
                                      DL_RULE_INCOHERENT_SENTENCE, "model");
  dl_learn_options lo = {.paths = o->paths,
                         .npaths = o->npaths,
                         .out = model ? model : "sentence.model",
                         .log = o->quiet ? NULL : stderr};
  char *error = NULL;
  if (dl_learn(&lo, &error) != 0) {
    fprintf(stderr, "draftlint: %s\n", error);
    free(error);
    return DL_EXIT_TROUBLE;
  }
  return DL_EXIT_CLEAN;
}

int dl_run_lsp(const dl_options *o) {
  return dl_lsp_serve(o, STDIN_FILENO, STDOUT_FILENO);
}
