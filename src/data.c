/*
 * data.c: finds data files: $DRAFTLINT_DATA_DIR, then beside the binary
 * (../rules/data in the build tree, ../share/draftlint when installed),
 * then the data folder compiled in.
 */
#define _DEFAULT_SOURCE
#include "draftlint/data.h"

#include <limits.h>
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
