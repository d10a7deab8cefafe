/*
 * data.c: finds data files and bundled rules: the environment first, then
 * share/draftlint beside the installed binary, then rules/ of the source
 * checkout a build-tree binary sits in (at any depth), then the data folder
 * compiled in.
 */
#define _DEFAULT_SOURCE
#include "input/data.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "draftlint/diag.h"

#ifndef DL_DATADIR
#define DL_DATADIR "/usr/local/share/draftlint"
#endif

/* dir + rel + "/" + name when it exists, as a canonical path (messages
 * then show "/usr/share/draftlint/x", not "/usr/bin/../share/..."). */
static char *S_try(const char *dir, const char *rel, const char *name) {
  char *path = dl_strdup_printf("%s%s/%s", dir, rel, name);
  char *real = access(path, R_OK) == 0 ? realpath(path, NULL) : NULL;
  free(path);
  return real;
}

/* The folder of the running binary, malloc'd, or NULL. */
static char *S_exe_dir(void) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0)
    return NULL;
  exe[n] = '\0';
  char *slash = strrchr(exe, '/');
  if (!slash)
    return NULL;
  *slash = '\0';
  return dl_xstrdup(exe);
}

/* The rules/ folder of the source checkout that `dir` is in or below (a
 * build tree, however deep: build/, build/sanitize/, build/tests/), found
 * by rules/rules.def; malloc'd, or NULL. */
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

/* `in_share` in the installed share/draftlint beside the binary, else
 * `in_rules` below the source checkout's rules/ ("" for rules/ itself),
 * else `in_share` in the folder compiled in. */
static char *S_find(const char *in_share, const char *in_rules) {
  char *found = NULL, *exe = S_exe_dir();
  if (exe) {
    found = S_try(exe, "/../share/draftlint", in_share);
    char *rules = found ? NULL : S_checkout_rules(exe);
    if (rules) {
      found = S_try(rules, "", in_rules);
      free(rules);
    }
    free(exe);
  }
  return found ? found : S_try(DL_DATADIR, "", in_share);
}

char *dl_data_path(const char *name) {
  const char *env = getenv("DRAFTLINT_DATA_DIR");
  if (env && *env)
    return S_try(env, "", name);
  char *in_rules = dl_strdup_printf("data/%s", name);
  char *found = S_find(name, in_rules);
  free(in_rules);
  return found;
}

char *dl_installed_docs_dir(void) {
  char *exe = S_exe_dir();
  char *found = exe ? S_try(exe, "/../share/doc/draftlint", "rules") : NULL;
  free(exe);
  return found;
}

char *dl_bundled_rules_dir(void) {
  const char *env = getenv("DRAFTLINT_RULES_DIR");
  if (env && *env)
    return access(env, R_OK) == 0 ? dl_xstrdup(env) : NULL;
  char *rules = S_find("rules", "");
  size_t n = rules ? strlen(rules) : 0;
  if (n > 1 && rules[n - 1] == '/') /* the checkout's rules/ itself */
    rules[n - 1] = '\0';
  return rules;
}

static int S_compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

char **dl_bundled_rule_files(size_t *count) {
  *count = 0;
  char *dir = dl_bundled_rules_dir();
  DIR *d = dir ? opendir(dir) : NULL;
  if (!d) {
    free(dir);
    return NULL;
  }
  char **paths = NULL;
  size_t cap = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t len = strlen(e->d_name);
    if (e->d_name[0] == '.' || len <= 4 || strcmp(e->d_name + len - 4, ".ini"))
      continue;
    paths = dl_xgrow(paths, &cap, *count + 1, sizeof *paths);
    paths[(*count)++] = dl_strdup_printf("%s/%s", dir, e->d_name);
  }
  closedir(d);
  free(dir);
  qsort(paths, *count, sizeof *paths, S_compare_names);
  return paths;
}

int dl_data_map(const char *path, const char *name, const char *what,
                size_t min_len, dl_mapped *out, char **error) {
  char *found = NULL;
  if (!path && !(path = found = dl_data_path(name))) {
    *error = dl_strdup_printf("cannot find %s %s (looked in "
                              "$DRAFTLINT_DATA_DIR, beside the program and in "
                              "the installed data folder)", what, name);
    return -1;
  }
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  const char *why = NULL;
  *out = (dl_mapped){0};
  if (fd < 0 || fstat(fd, &st) != 0)
    why = strerror(errno);
  else if (!S_ISREG(st.st_mode))
    why = "not a regular file";
  else if ((size_t)st.st_size < min_len)
    why = "too short to be one";
  else if ((out->map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE,
                            fd, 0)) == MAP_FAILED)
    why = strerror(errno);
  else
    out->len = (size_t)st.st_size;
  if (why) {
    *out = (dl_mapped){0};
    *error = dl_strdup_printf("cannot load %s %s: %s", what, path, why);
  } else {
    out->path = found ? found : dl_xstrdup(path);
    found = NULL;
  }
  if (fd >= 0)
    close(fd);
  free(found);
  return why ? -1 : 0;
}

void dl_data_unmap(dl_mapped *m) {
  if (m->map)
    munmap(m->map, m->len);
  free(m->path);
  *m = (dl_mapped){0};
}
