/*
 * run.c: collect the inputs, lint them (in parallel when asked), hand the
 * results to the reporter in input order, and work out the exit code.
 *
 * Workers take the next input, lint it into its own slot and mark it done;
 * the main thread reports slot after slot as they complete, so the output
 * is the same for any number of jobs.  Workers stay at most WINDOW slots
 * ahead of the reporter, which bounds memory on a folder of large drafts.
 */
#include "run.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "files.h"
#include "learn.h"

typedef struct pool {
  const dl_engine *engine;
  const dl_inputs *inputs;
  dl_result *results;
  bool *done;
  size_t next, reported, window;
  pthread_mutex_t lock;
  pthread_cond_t changed;
} pool;

static void S_lint_input(const dl_engine *e, const dl_input *in,
                         dl_result *out) {
  if (in->error) {
    dl_result_fail(out, in->path, in->error);
    return;
  }
  char *bytes, *error;
  size_t len;
  if (dl_read_input(in, &bytes, &len, &error) != 0) {
    dl_result_fail(out, in->path, error);
    free(error);
    return;
  }
  dl_lint_bytes(e, in->path, bytes, len, out);
}

static void *S_worker(void *arg) {
  pool *p = arg;
  for (;;) {
    pthread_mutex_lock(&p->lock);
    while (p->next < p->inputs->len && p->next >= p->reported + p->window)
      pthread_cond_wait(&p->changed, &p->lock);
    if (p->next >= p->inputs->len) {
      pthread_mutex_unlock(&p->lock);
      return NULL;
    }
    size_t i = p->next++;
    pthread_mutex_unlock(&p->lock);
    S_lint_input(p->engine, &p->inputs->items[i], &p->results[i]);
    pthread_mutex_lock(&p->lock);
    p->done[i] = true;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
  }
}

static int S_jobs(const dl_options *o, size_t ninputs) {
  long n = o->jobs ? o->jobs : sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1)
    n = 1;
  if ((size_t)n > ninputs)
    n = (long)(ninputs ? ninputs : 1);
  return (int)n;
}

/* Lints every input, calling the reporter on each result in order. */
static void S_lint_all(const dl_engine *e, const dl_inputs *inputs, int jobs,
                       dl_reporter *rep, dl_summary *sum) {
  pool p = {.engine = e,
            .inputs = inputs,
            .results = dl_xcalloc(inputs->len, sizeof(dl_result)),
            .done = dl_xcalloc(inputs->len, sizeof(bool)),
            .window = (size_t)jobs * 4};
  pthread_mutex_init(&p.lock, NULL);
  pthread_cond_init(&p.changed, NULL);
  pthread_t *threads = dl_xcalloc((size_t)jobs, sizeof *threads);
  int started = 0;
  for (; jobs > 1 && started < jobs; started++)
    if (pthread_create(&threads[started], NULL, S_worker, &p) != 0)
      break;
  for (size_t i = 0; i < inputs->len; i++) {
    if (started == 0) { /* one job, or no thread could start: lint here */
      S_lint_input(e, &inputs->items[i], &p.results[i]);
    } else {
      pthread_mutex_lock(&p.lock);
      while (!p.done[i])
        pthread_cond_wait(&p.changed, &p.lock);
      pthread_mutex_unlock(&p.lock);
    }
    rep->file(rep, &p.results[i]);
    dl_summary_add(sum, &p.results[i]);
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
}

static bool S_use_color(const dl_options *o) {
  if (o->color != DL_COLOR_AUTO)
    return o->color == DL_COLOR_ALWAYS;
  const char *term = getenv("TERM");
  return isatty(STDOUT_FILENO) && !getenv("NO_COLOR") &&
         !(term && strcmp(term, "dumb") == 0);
}

static int S_exit_code(const dl_options *o, const dl_summary *s) {
  if (s->failures)
    return DL_EXIT_TROUBLE;
  if (o->fail_on == DL_SEV_NONE)
    return DL_EXIT_CLEAN;
  for (int sev = o->fail_on; sev <= DL_SEV_ERROR; sev++)
    if (s->by_severity[sev])
      return DL_EXIT_FINDINGS;
  return DL_EXIT_CLEAN;
}

int dl_run(const dl_options *o) {
  dl_engine engine;
  char *error = NULL;
  if (dl_engine_init(&engine, &o->settings, &error) != 0) {
    fprintf(stderr, "draftlint: %s\n", error);
    free(error);
    return DL_EXIT_TROUBLE;
  }
  char *here[] = {"."};
  dl_inputs inputs;
  dl_inputs_collect(o->npaths ? o->paths : here, o->npaths ? o->npaths : 1,
                    o->stdin_name, &inputs);
  bool color = S_use_color(o);
  dl_report_options ro = {.format = o->format,
                          .color = color,
                          .excerpt = color,
                          .quiet = o->quiet,
                          .out = stdout};
  dl_reporter *rep = dl_reporter_new(&ro);
  dl_summary sum = {0};
  S_lint_all(&engine, &inputs, S_jobs(o, inputs.len), rep, &sum);
  rep->finish(rep, &sum);
  dl_reporter_free(rep);
  dl_inputs_free(&inputs);
  dl_engine_fini(&engine);
  fflush(stdout);
  return S_exit_code(o, &sum);
}

int dl_list_rules(FILE *out) {
  for (int i = 0; i < DL_RULE_COUNT; i++)
    fprintf(out, "%-22s %-8s %s\n", dl_rules[i].name,
            dl_severity_name(dl_rules[i].severity), dl_rules[i].summary);
  return DL_EXIT_CLEAN;
}

int dl_run_learn(const dl_options *o) {
  dl_learn_options lo = {.paths = o->paths,
                         .npaths = o->npaths,
                         .out = o->settings.model_path ? o->settings.model_path
                                                       : "sentence.model",
                         .log = o->quiet ? NULL : stderr};
  char *error = NULL;
  if (dl_learn(&lo, &error) != 0) {
    fprintf(stderr, "draftlint: %s\n", error);
    free(error);
    return DL_EXIT_TROUBLE;
  }
  return DL_EXIT_CLEAN;
}
