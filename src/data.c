/*
 * data.c: finds data files: $DRAFTLINT_DATA_DIR, then beside the binary
 * (../rules/data in the build tree, ../share/draftlint when installed),
 * then the data folder compiled in.
 */
#define _DEFAULT_SOURCE
#include "draftlint/data.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "draftlint/diag.h"

#ifndef DL_DATADIR
#define DL_DATADIR "/usr/local/share/draftlint"
#endif

static char *S_try(const char *dir, const char *rel, const char *name) {
  char *path = dl_strdup_printf("%s%s/%s", dir, rel, name);
  if (access(path, R_OK) == 0)
    return path;
  free(path);
  return NULL;
}

char *dl_data_path(const char *name) {
  char *found = NULL;
  const char *env = getenv("DRAFTLINT_DATA_DIR");
  if (env && *env && (found = S_try(env, "", name)))
    return found;
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      if ((found = S_try(exe, "/../rules/data", name)) ||
          (found = S_try(exe, "/../share/draftlint", name)))
        return found;
    }
  }
  return S_try(DL_DATADIR, "", name);
}

/* The folder of a source checkout that `dir` is in or below (the build
 * tree, however deep: build/, build/sanitize/), found by rules/rules.def. */
static char *S_checkout_rules(const char *dir) {
  char *d = dl_xstrdup(dir);
  for (int up = 0; up < 4; up++) {
    char *marker = dl_strdup_printf("%s/rules/rules.def", d);
    bool found = access(marker, R_OK) == 0;
    free(marker);
    if (found) {
      char *rules = dl_strdup_printf("%s/rules", d);
      free(d);
      return rules;
    }
    char *slash = strrchr(d, '/');
    if (!slash || slash == d)
      break;
    *slash = '\0';
  }
  free(d);
  return NULL;
}

char *dl_bundled_rules_dir(void) {
  const char *env = getenv("DRAFTLINT_RULES_DIR");
  if (env && *env)
    return access(env, R_OK) == 0 ? dl_xstrdup(env) : NULL;
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      char *found = S_try(exe, "/../share/draftlint", "rules");
      if (found || (found = S_checkout_rules(exe)))
        return found;
    }
  }
  return S_try(DL_DATADIR, "", "rules");
}
