/*
 * history.c: what comparing with the version before costs, inside one
 * process: NEW linted with broken-edit alone, as a plain run (no version
 * before) and compared with OLD (the old version parsed the same way,
 * then aligned), best of RUNS each, in CPU time (the machine may be
 * shared: a wall clock counts other people's work).  Prints "words
 * plain_ms compare_ms findings"; git's own cost is measured by
 * history.py.
 *
 * usage: history OLD NEW [RUNS]
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "draftlint/alloc.h"
#include "engine/engine.h"
#include "engine/lint.h"

static char *S_slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    exit(2);
  }
  size_t cap = 1 << 16, n = 0;
  char *buf = dl_xmalloc(cap);
  for (size_t got; (got = fread(buf + n, 1, cap - n - 1, f)) > 0;) {
    n += got;
    if (n + 1 >= cap)
      buf = dl_xgrow(buf, &cap, n + (1 << 16), 1);
  }
  fclose(f);
  buf[n] = '\0';
  *len = n;
  return buf;
}

static double S_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static char *S_copy(const char *s, size_t n) {
  char *c = dl_xmalloc(n + 1);
  memcpy(c, s, n + 1);
  return c;
}

/* One lint of NEW (and OLD when given); returns seconds, and the count of
 * findings in *found. */
static double S_once(const dl_engine *e, const char *old, size_t olen,
                     const char *new_, size_t nlen, size_t *found) {
  dl_result r;
  double t0 = S_now();
  dl_lint_versions(e, "draft.md", S_copy(new_, nlen), nlen,
                   old ? S_copy(old, olen) : NULL, olen, &r);
  double t = S_now() - t0;
  *found = r.diags.len;
  dl_result_free(&r);
  return t;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: history OLD NEW [RUNS]\n");
    return 2;
  }
  size_t olen, nlen, found = 0;
  char *old = S_slurp(argv[1], &olen), *new_ = S_slurp(argv[2], &nlen);
  int runs = argc > 3 ? atoi(argv[3]) : 10;
  dl_settings s;
  dl_settings_defaults(&s);
  for (int i = 0; i < DL_RULE_COUNT; i++)
    if (i != DL_RULE_BROKEN_EDIT)
      s.severity[i] = DL_SEV_NONE;
  dl_engine e;
  char *error = NULL;
  if (dl_engine_init(&e, &s, &error) != 0) {
    fprintf(stderr, "history: %s\n", error);
    return 2;
  }
  double plain = 1e9, compare = 1e9;
  for (int k = 0; k < runs; k++) {
    double a = S_once(&e, NULL, 0, new_, nlen, &found);
    double b = S_once(&e, old, olen, new_, nlen, &found);
    plain = a < plain ? a : plain;
    compare = b < compare ? b : compare;
  }
  size_t words = 0;
  for (size_t i = 0; i < nlen; i++)
    words += (i == 0 || new_[i - 1] == ' ' || new_[i - 1] == '\n') &&
             new_[i] != ' ' && new_[i] != '\n';
  printf("%zu %.3f %.3f %zu\n", words, plain * 1e3, compare * 1e3, found);
  dl_engine_fini(&e);
  dl_settings_free(&s);
  free(old);
  free(new_);
  return 0;
}
