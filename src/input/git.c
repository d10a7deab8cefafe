/*
 * git.c: talk to git by running it (posix_spawnp), never by reading .git
 * ourselves: worktrees, submodules, core.hooksPath and index formats are
 * git's business.  Pipes are close-on-exec, so git processes started by
 * several workers at once never hold each other's pipes open.
 */
#define _GNU_SOURCE
#include "input/git.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "draftlint/diag.h"

extern char **environ;

/* Runs git with `args` (NULL-terminated, without "git"), standard error to
 * /dev/null; returns its exit status, or -1 when it could not run.  *out is
 * always set: its standard output in a malloc'd buffer (one spare byte,
 * NUL-terminated), empty when it could not run. */
static int S_git(const char *const *args, char **out, size_t *len) {
  size_t nargs = 0;
  while (args[nargs])
    nargs++;
  char **argv = dl_xcalloc(nargs + 2, sizeof *argv);
  argv[0] = "git";
  for (size_t i = 0; i < nargs; i++)
    argv[i + 1] = (char *)args[i];
  *out = dl_xstrdup("");
  *len = 0;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    free(argv);
    return -1;
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid;
  int rc = posix_spawnp(&pid, "git", &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  free(argv);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    return -1;
  }
  size_t cap = 4096, n = 0;
  char *buf = dl_xmalloc(cap);
  free(*out);
  for (;;) {
    if (n + 1 >= cap)
      buf = dl_xgrow(buf, &cap, n + 4096, 1);
    ssize_t got = read(fds[0], buf + n, cap - n - 1);
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      break;
    n += (size_t)got;
  }
  close(fds[0]);
  buf[n] = '\0';
  int status;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  *out = buf;
  *len = n;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* One line of git's answer, without its line ending; NULL on failure. */
static char *S_git_line(const char *const *args) {
  char *out;
  size_t len;
  int rc = S_git(args, &out, &len);
  if (rc != 0) {
    free(out);
    return NULL;
  }
  out[strcspn(out, "\n")] = '\0';
  return out;
}

static char *S_not_a_repo(void) {
  return dl_xstrdup("--staged reads git's index, but this folder is not in a "
                    "git working tree (or git is not installed)");
}

int dl_git_staged_inputs(char *const *paths, size_t npaths, dl_inputs *out,
                         char **error) {
  *out = (dl_inputs){0};
  const char *prefix_args[] = {"rev-parse", "--show-prefix", NULL};
  const char *cdup_args[] = {"rev-parse", "--show-cdup", NULL};
  char *prefix = S_git_line(prefix_args);
  char *cdup = prefix ? S_git_line(cdup_args) : NULL;
  if (!prefix || !cdup) {
    free(prefix);
    *error = S_not_a_repo();
    return -1;
  }
  const char **args = dl_xcalloc(npaths + 10, sizeof *args);
  size_t n = 0;
  args[n++] = "-c";
  args[n++] = "core.quotePath=false";
  args[n++] = "diff";
  args[n++] = "--cached";
  args[n++] = "--name-only";
  args[n++] = "-z";
  args[n++] = "--diff-filter=ACMR";
  args[n++] = "--";
  for (size_t i = 0; i < npaths; i++)
    args[n++] = paths[i];
  args[n] = NULL;
  char *list;
  size_t len;
  int rc = S_git(args, &list, &len);
  free(args);
  free(rc != 0 ? list : NULL);
  if (rc != 0) {
    free(prefix);
    free(cdup);
    *error = rc > 0 ? dl_xstrdup("git could not list the staged files (is "
                                 "there a pathspec outside the repository?)")
                    : S_not_a_repo();
    return -1;
  }
  size_t plen = strlen(prefix);
  for (size_t at = 0; at < len; at += strlen(list + at) + 1) {
    const char *git_path = list + at;
    if (!*git_path || !dl_path_is_markdown(git_path))
      continue;
    char *shown = strncmp(git_path, prefix, plen) == 0
                      ? dl_xstrdup(git_path + plen)
                      : dl_strdup_printf("%s%s", cdup, git_path);
    out->items = dl_xgrow(out->items, &out->cap, out->len + 1,
                          sizeof *out->items);
    out->items[out->len++] = (dl_input){.path = shown,
                                        .git_path = dl_xstrdup(git_path)};
  }
  free(list);
  free(prefix);
  free(cdup);
  return 0;
}

int dl_git_read_staged(const char *git_path, char **bytes, size_t *len,
                       char **error) {
  char *spec = dl_strdup_printf(":%s", git_path);
  const char *args[] = {"cat-file", "blob", spec, NULL};
  int rc = S_git(args, bytes, len);
  free(spec);
  if (rc == 0)
    return 0;
  free(*bytes);
  *error = dl_xstrdup("cannot read its staged version from git's index");
  return -1;
}

/* ---- the version before (broken-edit) ---- */

int dl_git_check_rev(const char *rev, char **error) {
  char *spec = dl_strdup_printf("%s^{commit}", rev);
  const char *args[] = {"rev-parse", "--verify", "--quiet",
                        "--end-of-options", spec, NULL};
  char *out;
  size_t len;
  int rc = S_git(args, &out, &len);
  free(out);
  free(spec);
  if (rc == 0)
    return 0;
  const char *top_args[] = {"rev-parse", "--show-toplevel", NULL};
  char *top = rc < 0 ? NULL : S_git_line(top_args);
  if (rc < 0)
    *error = dl_strdup_printf("--since %s compares drafts with git, but git "
                              "could not be run (is it installed?)", rev);
  else if (!top)
    *error = dl_strdup_printf("--since %s compares drafts with git, but this "
                              "folder is not in a git working tree", rev);
  else
    *error = dl_strdup_printf("--since: '%s' is not a commit of the "
                              "repository at %s", rev, top);
  free(top);
  return -1;
}

int dl_git_read_before(const dl_input *in, char **bytes, size_t *len,
                       char **error) {
  *bytes = NULL;
  *len = 0;
  char *spec, *dir = NULL;
  if (in->git_path) { /* staged: a path from the top of the repository */
    spec = dl_strdup_printf("%s:%s", in->since, in->git_path);
  } else { /* a working-tree file, in whatever repository holds it */
    const char *slash = strrchr(in->path, '/');
    dir = slash ? dl_xstrndup(in->path, (size_t)(slash - in->path) + 1)
                : dl_xstrdup(".");
    spec = dl_strdup_printf("%s:./%s", in->since, slash ? slash + 1 : in->path);
  }
  const char *args[] = {"-C", dir ? dir : ".", "cat-file", "blob", spec, NULL};
  char *out;
  int rc = S_git(args, &out, len);
  free(spec);
  free(dir);
  if (rc == 0) {
    *bytes = out;
    return 0;
  }
  free(out);
  *len = 0;
  if (rc > 0)
    return 1;
  *error = dl_strdup_printf("cannot compare it with its version at %s: git "
                            "could not be run (is it installed?)", in->since);
  return -1;
}

/* ---- staged lines to working-tree lines ---- */

typedef struct hunk {
  size_t a, b, c, d;  /* "@@ -a,b +c,d @@" */
  char **old, **new_; /* its removed and added lines (into git's output) */
  size_t nold, nnew, ocap, ncap;
} hunk;

static size_t S_num(const char **p) {
  size_t v = 0;
  while (**p >= '0' && **p <= '9')
    v = v * 10 + (size_t)(*(*p)++ - '0');
  return v;
}

/* "-a[,b] +c[,d]": a count left out is 1. */
static bool S_parse_hunk(const char *line, hunk *h) {
  const char *p = line + 3;
  if (*p++ != '-')
    return false;
  h->a = S_num(&p);
  h->b = *p == ',' ? (p++, S_num(&p)) : 1;
  if (*p++ != ' ' || *p++ != '+')
    return false;
  h->c = S_num(&p);
  h->d = *p == ',' ? (p++, S_num(&p)) : 1;
  return true;
}

/* Where a line the working tree changed went: the added line of its hunk
 * that shares the longest beginning with it (a fixed typo keeps most of
 * its line), else the hunk's start. */
static size_t S_changed_line(const hunk *h, size_t line) {
  size_t into = line - h->a;
  if (h->d == 0)
    return h->c + 1; /* deleted: the line that now stands there */
  size_t best = into < h->d ? into : h->d - 1, best_len = 0;
  const char *old = into < h->nold ? h->old[into] : NULL;
  for (size_t k = 0; old && k < h->nnew; k++) {
    size_t n = 0;
    while (old[n] && old[n] == h->new_[k][n])
      n++;
    if (n > best_len) {
      best_len = n;
      best = k;
    }
  }
  return h->c + best;
}

void dl_git_map_lines(dl_doc *doc, const char *worktree_path) {
  struct stat st;
  if (stat(worktree_path, &st) != 0 || !S_ISREG(st.st_mode))
    return;
  const char *args[] = {"diff", "-U0", "--no-color", "--no-ext-diff",
                        "--no-textconv", "--", worktree_path, NULL};
  char *out;
  size_t len;
  if (S_git(args, &out, &len) != 0) {
    free(out);
    return;
  }
  hunk *hunks = NULL;
  size_t nh = 0, cap = 0;
  for (char *line = out; line && *line;) {
    char *next = strchr(line, '\n');
    if (next)
      *next++ = '\0';
    hunk h = {0};
    if (strncmp(line, "@@ ", 3) == 0 && S_parse_hunk(line, &h)) {
      hunks = dl_xgrow(hunks, &cap, nh + 1, sizeof *hunks);
      hunks[nh++] = h;
    } else if (nh && (line[0] == '-' || line[0] == '+') &&
               strncmp(line, "---", 3) != 0 && strncmp(line, "+++", 3) != 0) {
      hunk *cur = &hunks[nh - 1];
      char *text = line + 1;
      if (line[0] == '-') {
        cur->old = dl_xgrow(cur->old, &cur->ocap, cur->nold + 1, sizeof *cur->old);
        cur->old[cur->nold++] = text;
      } else {
        cur->new_ = dl_xgrow(cur->new_, &cur->ncap, cur->nnew + 1,
                             sizeof *cur->new_);
        cur->new_[cur->nnew++] = text;
      }
    }
    line = next;
  }
  if (nh) {
    doc->shown_line = dl_xcalloc(doc->nlines, sizeof *doc->shown_line);
    long shift = 0;
    size_t k = 0;
    for (size_t i = 0; i < doc->nlines; i++) {
      size_t line = i + 1;
      /* Hunks wholly before this line only shift it. */
      while (k < nh && (hunks[k].b ? hunks[k].a + hunks[k].b - 1 < line
                                   : hunks[k].a < line)) {
        shift += (long)hunks[k].d - (long)hunks[k].b;
        k++;
      }
      if (k < nh && hunks[k].b && line >= hunks[k].a) {
        doc->shown_line[i] = S_changed_line(&hunks[k], line);
      } else {
        long mapped = (long)line + shift;
        doc->shown_line[i] = mapped > 0 ? (size_t)mapped : 1;
      }
    }
  }
  for (size_t i = 0; i < nh; i++) {
    free(hunks[i].old);
    free(hunks[i].new_);
  }
  free(hunks);
  free(out);
}

/* ---- install-hook ---- */

static int S_compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* git's own rules, through ls-files: --directory names an ignored folder
 * once instead of every file under it (node_modules can be large). */
char **dl_git_ignored(const char *dir, size_t *n) {
  const char *args[] = {"-C", dir, "ls-files", "-z", "--others", "--ignored",
                        "--exclude-standard", "--directory", "--", ".", NULL};
  char *out;
  size_t len;
  *n = 0;
  if (S_git(args, &out, &len) != 0) {
    free(out);
    return NULL;
  }
  char **paths = NULL;
  size_t cap = 0;
  for (size_t at = 0; at < len; at += strlen(out + at) + 1) {
    paths = dl_xgrow(paths, &cap, *n + 1, sizeof *paths);
    paths[(*n)++] = dl_xstrdup(out + at);
  }
  free(out);
  if (*n)
    qsort(paths, *n, sizeof *paths, S_compare_strings);
  return paths;
}

void dl_git_ignored_free(char **paths, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(paths[i]);
  free(paths);
}

#define HOOK_MARK "# draftlint-hook:"

/* The path in single quotes for sh, a quote inside written '\''. */
static char *S_sh_quote(const char *s) {
  char *out = dl_xmalloc(4 * strlen(s) + 3), *o = out;
  *o++ = '\'';
  for (; *s; s++) {
    if (*s == '\'') {
      memcpy(o, "'\\''", 4);
      o += 4;
    } else {
      *o++ = *s;
    }
  }
  *o++ = '\'';
  *o = '\0';
  return out;
}

static int S_mkdirs(char *path) {
  for (char *p = path + 1; *p; p++) {
    if (*p != '/')
      continue;
    *p = '\0';
    int rc = mkdir(path, 0777);
    *p = '/';
    if (rc != 0 && errno != EEXIST)
      return -1;
  }
  return mkdir(path, 0777) == 0 || errno == EEXIST ? 0 : -1;
}

int dl_git_install_hook(bool force, FILE *out, char **error) {
  const char *args[] = {"rev-parse", "--git-path", "hooks", NULL};
  char *hooks = S_git_line(args);
  if (!hooks) {
    *error = dl_xstrdup("install-hook writes the repository's pre-commit "
                        "hook, but this folder is not in a git working tree "
                        "(or git is not installed)");
    return -1;
  }
  char *path = dl_strdup_printf("%s/pre-commit", hooks);
  FILE *f = fopen(path, "r");
  if (f) {
    char line[256];
    bool ours = false;
    while (!ours && fgets(line, sizeof line, f))
      ours = strncmp(line, HOOK_MARK, strlen(HOOK_MARK)) == 0;
    fclose(f);
    if (!ours && !force) {
      *error = dl_strdup_printf("%s exists and draftlint did not write it; "
                                "add 'draftlint --staged' to it yourself, or "
                                "replace it with install-hook --force",
                                path);
      free(path);
      free(hooks);
      return -1;
    }
  }
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = '\0';
  char *quoted = S_sh_quote(n > 0 ? exe : "draftlint");
  char *body = dl_strdup_printf(
      "#!/bin/sh\n" HOOK_MARK " written by 'draftlint install-hook', which "
      "may\n# rewrite it: keep other commands in a hook of your own.\n"
      "# Lints what is about to be committed, the staged version of each "
      "staged\n# Markdown file; findings at or above fail-on stop the "
      "commit\n# (git commit --no-verify skips it once).\n"
      "draftlint=%s\n"
      "[ -x \"$draftlint\" ] || draftlint=draftlint\n"
      "\"$draftlint\" --staged\n"
      "status=$?\n"
      "[ \"$status\" -eq 0 ] || echo \"draftlint: commit refused: fix what "
      "is listed above and 'git add' it, or commit anyway with 'git commit "
      "--no-verify'\" >&2\n"
      "exit \"$status\"\n",
      quoted);
  free(quoted);
  char *tmp = dl_strdup_printf("%s.draftlint-tmp", path);
  int rc = S_mkdirs(hooks);
  FILE *w = rc == 0 ? fopen(tmp, "w") : NULL;
  bool ok = w && fputs(body, w) >= 0;
  if (w)
    ok = (fclose(w) == 0) && ok;
  ok = ok && chmod(tmp, 0755) == 0 && rename(tmp, path) == 0;
  if (!ok) {
    *error = dl_strdup_printf("cannot write %s: %s", path, strerror(errno));
    unlink(tmp);
  } else {
    fprintf(out, "draftlint: installed %s: commits now run draftlint "
            "--staged\n", path);
  }
  free(tmp);
  free(body);
  free(path);
  free(hooks);
  return ok ? 0 : -1;
}
