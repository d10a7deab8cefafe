/*
 * files.c: walk the paths the user gave and read drafts, read-only.
 */
#define _DEFAULT_SOURCE
#include "input/files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "input/data.h"
#include "draftlint/diag.h"
#include "input/git.h"

/* The largest draft we take: source maps hold 32-bit offsets. */
#define DL_MAX_FILE ((size_t)UINT32_MAX - 1)

static void S_add(dl_inputs *in, char *path, char *error, bool stdin_) {
  in->items = dl_xgrow(in->items, &in->cap, in->len + 1, sizeof *in->items);
  in->items[in->len++] = (dl_input){.path = path, .error = error, .stdin_ = stdin_};
}

static bool S_is_markdown(const char *name) {
  const char *dot = strrchr(name, '.');
  return dot && dot != name &&
         (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0);
}

bool dl_path_is_markdown(const char *path) {
  const char *slash = strrchr(path, '/');
  return S_is_markdown(slash ? slash + 1 : path);
}

static char *S_join(const char *dir, const char *name) {
  size_t n = strlen(dir);
  return dl_strdup_printf("%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/",
                          name);
}

static int S_compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The directories on the way down, to notice a symbolic link loop. */
typedef struct ancestry {
  dev_t dev;
  ino_t ino;
  const struct ancestry *up;
} ancestry;

static void S_walk(dl_inputs *in, const char *dir, const ancestry *up);

static void S_walk_entry(dl_inputs *in, const char *dir, const char *name,
                         const ancestry *up) {
  char *path = S_join(dir, name);
  struct stat st;
  if (stat(path, &st) != 0) {
    if (errno == ELOOP)
      S_add(in, path, dl_xstrdup("is a symbolic link loop; skipped"), false);
    else if (S_is_markdown(name))
      S_add(in, path, dl_strdup_printf("cannot read: %s", strerror(errno)),
            false);
    else
      free(path);
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    for (const ancestry *a = up; a; a = a->up) {
      if (a->dev == st.st_dev && a->ino == st.st_ino) {
        S_add(in, path,
              dl_xstrdup("is a symbolic link loop back to a folder above "
                         "it; skipped"),
              false);
        return;
      }
    }
    ancestry here = {st.st_dev, st.st_ino, up};
    S_walk(in, path, &here);
    free(path);
  } else if (S_is_markdown(name)) {
    S_add(in, path, NULL, false);
  } else {
    free(path);
  }
}

static void S_walk(dl_inputs *in, const char *dir, const ancestry *up) {
  DIR *d = opendir(dir);
  if (!d) {
    S_add(in, dl_xstrdup(dir),
          dl_strdup_printf("cannot open folder: %s", strerror(errno)), false);
    return;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') /* ".", "..", ".git" and hidden entries */
      continue;
    names = dl_xgrow(names, &cap, n + 1, sizeof *names);
    names[n++] = dl_xstrdup(e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, S_compare_names);
  for (size_t i = 0; i < n; i++) {
    S_walk_entry(in, dir, names[i], up);
    free(names[i]);
  }
  free(names);
}

static bool S_listed(char **sorted, size_t n, const char *key) {
  return n && bsearch(&key, sorted, n, sizeof *sorted, S_compare_names);
}

/* Is `rel` (a path relative to the walked folder) ignored: named itself,
 * or under an ignored folder ("dir/")? */
static bool S_git_ignores(char **ignored, size_t n, const char *rel) {
  if (S_listed(ignored, n, rel))
    return true;
  char *prefix = dl_xstrdup(rel);
  bool hit = false;
  for (char *s = strchr(prefix, '/'); s && !hit; s = strchr(s + 1, '/')) {
    char saved = s[1];
    s[1] = '\0';
    hit = S_listed(ignored, n, prefix);
    s[1] = saved;
  }
  free(prefix);
  return hit;
}

/* Drops the drafts found under `dir` (inputs from `from` on) that git
 * ignores, when `dir` is in a git working tree: `draftlint .` must not
 * lint node_modules or a build folder.  Files named on the command line
 * never come here. */
static void S_drop_git_ignored(dl_inputs *in, size_t from, const char *dir) {
  size_t n;
  char **ignored = dl_git_ignored(dir, &n);
  /* a folder named that is itself ignored: the writer asked for all of it */
  size_t nused = S_listed(ignored, n, "./") ? 0 : n;
  size_t kept = from, dlen = strlen(dir);
  for (size_t i = from; i < in->len; i++) {
    const char *rel = in->items[i].path + dlen;
    rel += *rel == '/';
    if (S_git_ignores(ignored, nused, rel)) {
      free(in->items[i].path);
      free(in->items[i].error);
    } else {
      in->items[kept++] = in->items[i];
    }
  }
  in->len = kept;
  dl_git_ignored_free(ignored, n);
}

static void S_collect_one(dl_inputs *in, const char *path,
                          const char *stdin_name) {
  if (strcmp(path, "-") == 0) {
    S_add(in, dl_xstrdup(stdin_name ? stdin_name : "<stdin>"), NULL, true);
    return;
  }
  struct stat st;
  if (stat(path, &st) != 0) {
    S_add(in, dl_xstrdup(path),
          dl_strdup_printf("cannot read: %s", strerror(errno)), false);
    return;
  }
  if (!S_ISDIR(st.st_mode)) {
    S_add(in, dl_xstrdup(path), NULL, false);
    in->items[in->len - 1].named = true;
    return;
  }
  size_t before = in->len;
  ancestry top = {st.st_dev, st.st_ino, NULL};
  S_walk(in, path, &top);
  S_drop_git_ignored(in, before, path);
  if (in->len == before)
    S_add(in, dl_xstrdup(path),
          dl_xstrdup("is a folder with no Markdown files (*.md, *.markdown)"),
          false);
}

static int S_compare_inputs(const void *a, const void *b) {
  return strcmp(((const dl_input *)a)->path, ((const dl_input *)b)->path);
}

void dl_inputs_collect(char *const *paths, size_t npaths,
                       const char *stdin_name, dl_inputs *out) {
  *out = (dl_inputs){0};
  for (size_t i = 0; i < npaths; i++)
    S_collect_one(out, paths[i], stdin_name);
  qsort(out->items, out->len, sizeof *out->items, S_compare_inputs);
  size_t kept = 0; /* the same path named twice is linted once */
  for (size_t i = 0; i < out->len; i++) {
    if (kept && strcmp(out->items[kept - 1].path, out->items[i].path) == 0) {
      free(out->items[i].path);
      free(out->items[i].error);
    } else {
      out->items[kept++] = out->items[i];
    }
  }
  out->len = kept;
}

void dl_inputs_free(dl_inputs *in) {
  for (size_t i = 0; i < in->len; i++) {
    free(in->items[i].path);
    free(in->items[i].error);
    free(in->items[i].git_path);
  }
  free(in->items);
  *in = (dl_inputs){0};
}

/* Reads everything from fd; returns 0 or an errno value (EFBIG when the
 * input is larger than a draft may be). */
static int S_read_all(int fd, size_t hint, char **bytes, size_t *len) {
  size_t cap = hint + 1 > 4096 ? hint + 1 : 4096, n = 0;
  char *buf = dl_xmalloc(cap + 1);
  for (;;) {
    if (n == cap) {
      if (cap > DL_MAX_FILE) {
        free(buf);
        return EFBIG;
      }
      cap *= 2;
      buf = dl_xrealloc(buf, cap + 1);
    }
    ssize_t got = read(fd, buf + n, cap - n);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0) {
      int err = errno;
      free(buf);
      return err;
    }
    if (got == 0)
      break;
    n += (size_t)got;
  }
  if (n > DL_MAX_FILE) {
    free(buf);
    return EFBIG;
  }
  *bytes = buf;
  *len = n;
  return 0;
}

static const char *S_kind_of(mode_t mode) {
  return S_ISDIR(mode)    ? "a folder"
         : S_ISFIFO(mode) ? "a FIFO (named pipe)"
         : S_ISSOCK(mode) ? "a socket"
         : S_ISCHR(mode)  ? "a character device"
         : S_ISBLK(mode)  ? "a block device"
                          : "not a regular file";
}

int dl_read_input(const dl_input *in, char **bytes, size_t *len,
                  char **error) {
  if (in->git_path)
    return dl_git_read_staged(in->git_path, bytes, len, error);
  if (in->stdin_) {
    int err = S_read_all(STDIN_FILENO, 0, bytes, len);
    if (err)
      *error = dl_strdup_printf("cannot read standard input: %s",
                                err == EFBIG ? "larger than 4 GB" : strerror(err));
    return err ? -1 : 0;
  }
  struct stat st;
  /* stat before open: opening a FIFO would wait for a writer. */
  if (stat(in->path, &st) != 0) {
    *error = dl_strdup_printf("cannot read: %s", strerror(errno));
    return -1;
  }
  if (!S_ISREG(st.st_mode)) {
    *error = dl_strdup_printf("is %s, not a Markdown file; skipped",
                              S_kind_of(st.st_mode));
    return -1;
  }
  int fd = open(in->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *error = dl_strdup_printf("cannot read: %s", strerror(errno));
    return -1;
  }
  int err = S_read_all(fd, (size_t)st.st_size, bytes, len);
  close(fd);
  if (err) {
    *error = err == EFBIG ? dl_xstrdup("is larger than 4 GB; drafts that "
                                       "size are not supported")
                          : dl_strdup_printf("cannot read: %s", strerror(err));
    return -1;
  }
  return 0;
}

int dl_read_file(const char *path, char **bytes, size_t *len, char **reason) {
  /* Opened without blocking and checked on the descriptor: a FIFO given
   * as --config or --catalog would otherwise wait for a writer forever,
   * and a stat before the open could be raced. */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *reason = dl_xstrdup(strerror(errno));
    return -1;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    *reason = dl_xstrdup(strerror(errno));
    close(fd);
    return -1;
  }
  if (S_ISDIR(st.st_mode)) { /* what read() would say */
    *reason = dl_xstrdup(strerror(EISDIR));
    close(fd);
    return -1;
  }
  if (!S_ISREG(st.st_mode)) {
    *reason = dl_strdup_printf("it is %s, not a regular file",
                               S_kind_of(st.st_mode));
    close(fd);
    return -1;
  }
  int err = S_read_all(fd, (size_t)st.st_size, bytes, len);
  close(fd);
  if (err) {
    *reason = dl_xstrdup(err == EFBIG ? "larger than 4 GB" : strerror(err));
    return -1;
  }
  (*bytes)[*len] = '\0';
  return 0;
}
