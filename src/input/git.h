/*
 * git.h: draftlint in a git repository, through the git program itself:
 * --staged (lint what the index holds, so what is checked is what is
 * committed) and install-hook (the pre-commit hook that runs it).
 *
 * Ownership: strings and buffers returned are malloc'd and the caller's.
 */
#ifndef DRAFTLINT_GIT_H
#define DRAFTLINT_GIT_H

#include <stdbool.h>
#include <stdio.h>

#include "draftlint/doc.h"
#include "input/files.h"

/* The staged Markdown files (*.md, *.markdown; added, copied, modified or
 * renamed) under the pathspecs `paths` (none: the whole repository), as
 * inputs named by their working-tree path from the current folder and read
 * from the index (dl_input.git_path).  Returns 0, or -1 with a malloc'd
 * message (not in a repository, git missing). */
int dl_git_staged_inputs(char *const *paths, size_t npaths, dl_inputs *out,
                         char **error);

/* Reads the staged blob of `git_path` (relative to the top of the working
 * tree) into a malloc'd buffer with a spare byte; 0, or -1 with a message. */
int dl_git_read_staged(const char *git_path, char **bytes, size_t *len,
                       char **error);

/* --since REV: is REV a commit of the repository around the current
 * folder?  Returns 0, or -1 with a malloc'd message naming REV (or git,
 * when it cannot be run, or the folder, when it is no working tree). */
int dl_git_check_rev(const char *rev, char **error);

/* The version of input `in` at in->since (the blob of in->git_path for a
 * staged input, else of the file's path in its own repository), in a
 * malloc'd buffer with a spare byte.  Returns 0; 1 when there is none (an
 * untracked or new draft, a folder outside any repository), *bytes NULL;
 * or -1 with a malloc'd message when git cannot be run.  Only reads. */
int dl_git_read_before(const dl_input *in, char **bytes, size_t *len,
                       char **error);

/* Makes the document show working-tree line numbers: the lines of the
 * staged blob are mapped through the diff between the index and the
 * working tree (a line the working tree changed maps to where its
 * replacement starts).  Leaves the document alone when there is no
 * difference or no working-tree file. */
void dl_git_map_lines(dl_doc *doc, const char *worktree_path);

/* What git ignores under the folder `dir`: its untracked files and folders
 * that .gitignore, .git/info/exclude or core.excludesFile leave out, as
 * paths relative to `dir` (a folder ends in '/'), sorted by strcmp.  NULL
 * with *n = 0 outside a git working tree or without git. */
char **dl_git_ignored(const char *dir, size_t *n);
void dl_git_ignored_free(char **paths, size_t n);

/* install-hook: writes the pre-commit hook of the repository around the
 * current folder.  Refuses to replace a hook draftlint did not write unless
 * `force`.  Returns 0 (saying what it did on `out`), or -1 with a
 * message. */
int dl_git_install_hook(bool force, FILE *out, char **error);

#endif
