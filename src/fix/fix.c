/*
 * fix.c: --fix and --diff.  The fixes are byte ranges of the source the
 * document was parsed from, so applying them needs no search; the diff is
 * made from the same ranges, line by line, without a diff algorithm.
 */
#define _GNU_SOURCE /* O_TMPFILE */
#include "fix/fix.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "doc/lines.h"

#define CONTEXT 3 /* lines of context around a change in a diff */

/* ---- choosing fixes ------------------------------------------------------- */

static int S_fix_order(const void *a, const void *b) {
  const dl_fix *x = *(const dl_fix *const *)a, *y = *(const dl_fix *const *)b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return strcmp(x->text, y->text);
}

static bool S_same(const dl_fix *a, const dl_fix *b) {
  return a->start == b->start && a->end == b->end && strcmp(a->text, b->text) == 0;
}

size_t dl_fix_select(const dl_diag_list *list, size_t len,
                     const dl_fix ***out) {
  const dl_fix **all = dl_xcalloc(list->len + 1, sizeof *all);
  size_t n = 0;
  for (size_t i = 0; i < list->len; i++) {
    const dl_fix *f = list->items[i].fix;
    if (f && f->start <= f->end && f->end <= len) /* a rule's slip: skip */
      all[n++] = f;
  }
  qsort(all, n, sizeof *all, S_fix_order);
  size_t m = 0; /* identical fixes (two rules, one repair) count once */
  for (size_t i = 0; i < n; i++)
    if (!m || !S_same(all[m - 1], all[i]))
      all[m++] = all[i];
  /* two different fixes over the same bytes, or at the same point, are
   * ambiguous: neither is applied */
  bool *clash = dl_xcalloc(m + 1, sizeof *clash);
  size_t widest = 0; /* the earlier fix that reaches furthest */
  for (size_t i = 1; i < m; i++) {
    if (all[i]->start < all[widest]->end ||
        all[i]->start == all[i - 1]->start) {
      clash[i] = true;
      clash[all[i]->start == all[i - 1]->start ? i - 1 : widest] = true;
    }
    if (all[i]->end > all[widest]->end)
      widest = i;
  }
  size_t k = 0;
  for (size_t i = 0; i < m; i++)
    if (!clash[i])
      all[k++] = all[i];
  free(clash);
  *out = all;
  return k;
}

char *dl_fix_apply(const char *src, size_t len, const dl_fix *const *fixes,
                   size_t n, size_t *out_len) {
  size_t size = len + 1;
  for (size_t i = 0; i < n; i++)
    size += strlen(fixes[i]->text);
  char *out = dl_xmalloc(size);
  size_t at = 0, o = 0;
  for (size_t i = 0; i < n; i++) {
    memcpy(out + o, src + at, fixes[i]->start - at);
    o += fixes[i]->start - at;
    size_t t = strlen(fixes[i]->text);
    memcpy(out + o, fixes[i]->text, t);
    o += t;
    at = fixes[i]->end;
  }
  memcpy(out + o, src + at, len - at);
  o += len - at;
  out[o] = '\0';
  *out_len = o;
  return out;
}

/* ---- the unified diff ----------------------------------------------------- */

/* Lines as the document counts them (lines.h); a line keeps its ending,
 * and the empty remainder after a final line ending is no line here. */
typedef dl_lines lines;

static void S_lines(const char *s, size_t len, lines *L) {
  dl_lines_build(L, s, len);
  if (L->start[L->n - 1] == len) /* an empty last line (or no bytes) */
    L->n--;
}

/* Index of the line holding byte `at` (the last line for the end). */
static size_t S_line_of(const lines *L, size_t at) {
  if (L->n == 0)
    return 0;
  return dl_lines_find(L, at);
}

static void S_emit(FILE *out, char mark, const char *s, size_t n) {
  fputc(mark, out);
  fwrite(s, 1, n, out);
  if (n == 0 || (s[n - 1] != '\n' && s[n - 1] != '\r'))
    fputs("\n\\ No newline at end of file\n", out);
}

/* A run of old lines [first, last] and what replaces them. */
typedef struct change {
  size_t first, last;
  char *text; /* the new lines, endings included */
  size_t len;
  lines new_lines;
} change;

/* The last line a fix touches (its start's, for an insertion). */
static size_t S_fix_last(const lines *old, const dl_fix *f) {
  return S_line_of(old, f->end > f->start ? f->end - 1 : f->start);
}

/* The change that fixes[i..] make from line `first` on; returns the index
 * of the first fix it leaves for the next change.  Fixes on shared lines
 * make one change; so does the line after one whose line ending a fix
 * removed ("[\n](url)" -> "[TBM 242: ...](url)"), since the new text runs
 * on into it. */
static size_t S_change(const dl_doc *doc, const lines *old,
                       const dl_fix *const *fixes, size_t i, size_t n,
                       change *c) {
  c->first = S_line_of(old, fixes[i]->start);
  c->last = S_fix_last(old, fixes[i]);
  size_t j = i + 1;
  for (;;) {
    for (; j < n && S_line_of(old, fixes[j]->start) <= c->last; j++) {
      size_t l = S_fix_last(old, fixes[j]);
      c->last = l > c->last ? l : c->last;
    }
    size_t from = old->start[c->first], to = old->start[c->last + 1];
    dl_fix *shifted = dl_xcalloc(j - i, sizeof *shifted);
    const dl_fix **ptrs = dl_xcalloc(j - i, sizeof *ptrs);
    for (size_t k = i; k < j; k++) {
      shifted[k - i] = (dl_fix){fixes[k]->start - from, fixes[k]->end - from,
                                fixes[k]->text};
      ptrs[k - i] = &shifted[k - i];
    }
    c->text = dl_fix_apply(doc->src + from, to - from, ptrs, j - i, &c->len);
    free(ptrs);
    free(shifted);
    char tail = c->len ? c->text[c->len - 1] : '\n';
    if (tail == '\n' || tail == '\r' || c->last + 1 >= old->n)
      break;
    free(c->text);
    c->last++;
  }
  S_lines(c->text, c->len, &c->new_lines);
  return j;
}

void dl_fix_diff(FILE *out, const char *path, const dl_doc *doc,
                 const dl_fix *const *fixes, size_t n) {
  lines old;
  S_lines(doc->src, doc->len, &old);
  if (old.n == 0 || n == 0) {
    free(old.start);
    return;
  }
  change *ch = dl_xcalloc(n, sizeof *ch);
  size_t nch = 0;
  for (size_t i = 0; i < n; nch++)
    i = S_change(doc, &old, fixes, i, n, &ch[nch]);
  fprintf(out, "--- %s\n+++ %s\n", path, path);
  long delta = 0; /* new lines minus old lines so far */
  for (size_t h = 0; h < nch;) {
    size_t e = h + 1; /* changes close enough share a hunk */
    while (e < nch && ch[e].first - ch[e - 1].last - 1 <= 2 * CONTEXT)
      e++;
    size_t from = ch[h].first > CONTEXT ? ch[h].first - CONTEXT : 0;
    size_t to = ch[e - 1].last + CONTEXT < old.n - 1 ? ch[e - 1].last + CONTEXT
                                                     : old.n - 1;
    size_t old_count = to - from + 1, new_count = old_count;
    for (size_t k = h; k < e; k++)
      new_count = new_count - (ch[k].last - ch[k].first + 1) + ch[k].new_lines.n;
    long new_from = (long)from + 1 + delta;
    fprintf(out, "@@ -%zu,%zu +%ld,%zu @@\n", from + 1, old_count,
            new_count ? new_from : new_from - 1, new_count);
    size_t line = from;
    for (size_t k = h; k < e; k++) {
      for (; line < ch[k].first; line++)
        S_emit(out, ' ', doc->src + old.start[line],
               old.start[line + 1] - old.start[line]);
      for (; line <= ch[k].last; line++)
        S_emit(out, '-', doc->src + old.start[line],
               old.start[line + 1] - old.start[line]);
      const lines *nl = &ch[k].new_lines;
      for (size_t m = 0; m < nl->n; m++)
        S_emit(out, '+', ch[k].text + nl->start[m],
               nl->start[m + 1] - nl->start[m]);
    }
    for (; line <= to; line++)
      S_emit(out, ' ', doc->src + old.start[line],
             old.start[line + 1] - old.start[line]);
    delta += (long)new_count - (long)old_count;
    h = e;
  }
  for (size_t k = 0; k < nch; k++) {
    free(ch[k].text);
    free(ch[k].new_lines.start);
  }
  free(ch);
  free(old.start);
}

/* ---- writing -------------------------------------------------------------- */

/* Reads the whole file at fd; returns 0 or -1 (errno set). */
static int S_slurp(int fd, char **bytes, size_t *len) {
  size_t cap = 4096, n = 0;
  char *b = dl_xmalloc(cap);
  for (;;) {
    if (n == cap)
      b = dl_xrealloc(b, cap *= 2);
    ssize_t r = read(fd, b + n, cap - n);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      free(b);
      return -1;
    }
    if (r == 0)
      break;
    n += (size_t)r;
  }
  *bytes = b;
  *len = n;
  return 0;
}

static int S_write_all(int fd, const char *s, size_t n) {
  while (n) {
    ssize_t w = write(fd, s, n);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    s += w;
    n -= (size_t)w;
  }
  return 0;
}

static bool S_same_file(const struct stat *a, const struct stat *b) {
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
         a->st_size == b->st_size && a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
         a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* Is `fd` still the file at `path` (not removed or replaced since)? */
static bool S_still_at(int fd, const char *path) {
  struct stat a, b;
  return fstat(fd, &a) == 0 && lstat(path, &b) == 0 && a.st_dev == b.st_dev &&
         a.st_ino == b.st_ino;
}

/* Takes over `tmp`, a leftover of a killed run, by removing it: 0 when it
 * is gone (or was never there), -1 with a message when another draftlint
 * holds it (its lock) or it is no file draftlint left.  A dead process
 * holds no lock, so the lock tells a leftover from a file being written. */
static int S_take_over(const char *tmp, char **error) {
  int old = open(tmp, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (old < 0) {
    if (errno == ENOENT) /* its owner just renamed or removed it */
      return 0;
    *error = dl_strdup_printf("not fixed: %s is in the way and cannot be "
                              "opened: %s", tmp, strerror(errno));
    return -1;
  }
  struct stat st;
  if (flock(old, LOCK_EX | LOCK_NB) != 0) {
    close(old);
    *error = dl_strdup_printf("not fixed: another draftlint is fixing it "
                              "now (%s is in use); run draftlint again",
                              tmp);
    return -1;
  }
  if (fstat(old, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(old);
    *error = dl_strdup_printf("not fixed: %s is in the way and is not a "
                              "file draftlint left", tmp);
    return -1;
  }
  if (S_still_at(old, tmp) && unlink(tmp) != 0 && errno != ENOENT) {
    *error = dl_strdup_printf("not fixed: cannot remove %s, left by an "
                              "interrupted run: %s", tmp, strerror(errno));
    close(old);
    return -1;
  }
  close(old);
  return 0;
}

/* Creates the temporary file `tmp` and returns it open for writing, with
 * an exclusive flock held until the caller closes it; -1 with a message.
 * Used where the filesystem has no unnamed files (S_open_unnamed).
 *
 * The name is fixed per draft (".NAME.draftlint-tmp" beside it), so a run
 * killed between creating it and renaming it over the draft (SIGKILL, a
 * power cut) leaves at most one such file per draft, and the next --fix of
 * that draft takes it over.  Whoever locks a file checks that it is still
 * the one at `tmp`, so two runs can never both think they own it; at worst
 * one reports an error.  The name ends in "-tmp", so no walk of a folder
 * takes it for a draft. */
static int S_create_temp(const char *tmp, char **error) {
  for (int attempt = 0; attempt < 4; attempt++) {
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  0600);
    if (fd >= 0) {
      if (flock(fd, LOCK_EX | LOCK_NB) == 0 && S_still_at(fd, tmp))
        return fd;
      close(fd); /* taken for a leftover and removed before we locked it */
      continue;
    }
    if (errno != EEXIST) {
      *error = dl_strdup_printf("not fixed: cannot create %s beside it: %s",
                                tmp, strerror(errno));
      return -1;
    }
    if (S_take_over(tmp, error) != 0) /* a leftover, or another's file */
      return -1;
  }
  *error = dl_strdup_printf("not fixed: %s keeps reappearing; is another "
                            "draftlint fixing it?", tmp);
  return -1;
}

/* An unnamed file in `dir` (O_TMPFILE), locked: a run killed while writing
 * it leaves nothing behind, since the file has no name until the moment
 * before it replaces the draft.  -1 where the filesystem (or the kernel)
 * has no unnamed files: then the caller names one itself. */
static int S_open_unnamed(const char *dir) {
#ifdef O_TMPFILE
  int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0) {
    close(fd);
    return -1;
  }
  return fd;
#else
  (void)dir;
  return -1;
#endif
}

/* Gives the unnamed file `fd` the name `tmp` (linkat cannot replace a
 * file, so the draft is then replaced by rename), taking over a leftover
 * of an older run found there.  Through /proc/self/fd, which needs no
 * privilege, or AT_EMPTY_PATH where /proc is not mounted. */
static int S_name_unnamed(int fd, const char *tmp, char **error) {
  char proc[64];
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  /* The name lives from linkat to the caller's rename, two system calls;
   * on a busy machine a process may lose the processor between them.
   * Start the pair on a fresh time slice, which is far longer. */
  sched_yield();
  for (int attempt = 0; attempt < 4; attempt++) {
    int rc = linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW);
    if (rc != 0 && errno == ENOENT)
      rc = linkat(fd, "", AT_FDCWD, tmp, AT_EMPTY_PATH);
    if (rc == 0)
      return 0;
    if (errno != EEXIST) {
      *error = dl_strdup_printf("not fixed: cannot create %s beside it: %s",
                                tmp, strerror(errno));
      return -1;
    }
    if (S_take_over(tmp, error) != 0)
      return -1;
  }
  *error = dl_strdup_printf("not fixed: %s keeps reappearing; is another "
                            "draftlint fixing it?", tmp);
  return -1;
}

/* Reads the draft at `real` again: 0 when it still holds `expect`, with
 * its status in *before; -1 with a message. */
static int S_unchanged(const char *real, const char *expect,
                       size_t expect_len, struct stat *before,
                       char **error) {
  int fd = open(real, O_RDONLY);
  char *now = NULL;
  size_t now_len = 0;
  if (fd < 0 || fstat(fd, before) != 0 || S_slurp(fd, &now, &now_len) != 0) {
    *error = dl_strdup_printf("not fixed: cannot read it again: %s",
                              strerror(errno));
    if (fd >= 0)
      close(fd);
    return -1;
  }
  close(fd);
  bool changed = now_len != expect_len || memcmp(now, expect, now_len) != 0;
  free(now);
  if (changed) {
    *error = dl_xstrdup("not fixed: the file changed on disk since it was "
                        "read; run draftlint again");
    return -1;
  }
  return 0;
}

/* Writes the new version into `out` with the draft's mode (and owner,
 * where we may), and checks the draft did not change meanwhile.  A write
 * that fails (a full disk, a file size limit: main ignores SIGXFSZ so that
 * it fails with EFBIG rather than killing us) leaves the draft as it
 * was. */
static int S_fill(int out, const char *tmp, const char *real,
                  const struct stat *before, const char *bytes, size_t len,
                  char **error) {
  if (fchmod(out, before->st_mode & 07777) != 0 ||
      S_write_all(out, bytes, len) != 0 || fsync(out) != 0) {
    *error = dl_strdup_printf("not fixed: cannot write %s: %s", tmp,
                              strerror(errno));
    return -1;
  }
  if (fchown(out, before->st_uid, before->st_gid) != 0) {
    /* not ours to give away: the new file keeps our owner, as an editor's */
  }
  struct stat after;
  if (stat(real, &after) != 0 || !S_same_file(before, &after)) {
    *error = dl_xstrdup("not fixed: the file changed on disk while it was "
                        "being fixed; run draftlint again");
    return -1;
  }
  return 0;
}

int dl_fix_write(const char *path, const char *expect, size_t expect_len,
                 const char *bytes, size_t len, char **error) {
  /* a symbolic link stays one: write where it points */
  char real[PATH_MAX];
  if (!realpath(path, real)) {
    *error = dl_strdup_printf("not fixed: cannot find it: %s", strerror(errno));
    return -1;
  }
  struct stat before;
  if (S_unchanged(real, expect, expect_len, &before, error) != 0)
    return -1;
  char *dir_copy = dl_xstrdup(real), *base_copy = dl_xstrdup(real);
  char *dir = dirname(dir_copy), *base = basename(base_copy);
  char *tmp = dl_strdup_printf("%s/.%s.draftlint-tmp", dir, base);
  int rc = -1;
  int out = S_open_unnamed(dir);
  bool named = out < 0; /* the name exists from the start: remove it */
  if (named && (out = S_create_temp(tmp, error)) < 0)
    goto done;
  if (S_fill(out, tmp, real, &before, bytes, len, error) != 0 ||
      (!named && S_name_unnamed(out, tmp, error) != 0)) {
    if (named)
      unlink(tmp);
    close(out);
    goto done;
  }
  /* The lock is held across the rename, so no other run can take the
   * finished file for a leftover and remove it first. */
  if (rename(tmp, real) != 0) {
    *error = dl_strdup_printf("not fixed: cannot replace it: %s",
                              strerror(errno));
    unlink(tmp);
    close(out);
    goto done;
  }
  close(out);
  int dfd = open(dir, O_RDONLY);
  if (dfd >= 0) { /* the rename itself survives a crash */
    fsync(dfd);
    close(dfd);
  }
  rc = 0;
done:
  free(tmp);
  free(dir_copy);
  free(base_copy);
  return rc;
}

/* ---- one input -------------------------------------------------------------- */

void dl_fix_result(const dl_engine *e, dl_fix_mode mode, bool quiet,
                   const dl_input *in, dl_result *r, FILE *out) {
  if (mode == DL_FIX_NONE || r->error || !r->doc)
    return;
  const dl_fix **fixes;
  size_t n = dl_fix_select(&r->diags, r->doc->len, &fixes);
  if (n == 0) {
    free(fixes);
    return;
  }
  if (mode == DL_FIX_DIFF) {
    dl_fix_diff(out, r->path, r->doc, fixes, n);
    free(fixes);
    return;
  }
  if (in->stdin_) {
    if (!quiet)
      fprintf(stderr, "%s: standard input is not written; use --diff to see "
                      "the fixes\n", r->path);
    free(fixes);
    return;
  }
  size_t len;
  char *bytes = dl_fix_apply(r->doc->src, r->doc->len, fixes, n, &len);
  free(fixes);
  char *error = NULL;
  if (dl_fix_write(in->path, r->doc->src, r->doc->len, bytes, len, &error) !=
      0) {
    free(bytes);
    r->error = error;
    return;
  }
  /* report what is left, at its place in the new file */
  char *path = dl_xstrdup(r->path);
  dl_result_free(r);
  dl_lint_bytes(e, path, bytes, len, r);
  free(path);
  if (!quiet)
    fprintf(stderr, "%s: applied %zu fix%s\n", r->path, n, n == 1 ? "" : "es");
}
