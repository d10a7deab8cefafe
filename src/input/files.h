/*
 * files.h: from command-line paths to the list of drafts to lint, and
 * reading one draft's bytes.  Nothing here ever writes a file.
 *
 * Ownership: a dl_inputs owns its paths and messages; dl_inputs_free
 * releases them.  dl_read_file returns a malloc'd buffer or message.
 */
#ifndef DRAFTLINT_FILES_H
#define DRAFTLINT_FILES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct dl_input {
  char *path;   /* as given, or found under a given directory */
  char *error;  /* why it cannot be linted (a missing path...), or NULL */
  bool stdin_;  /* read standard input; `path` is the name to show */
  char *git_path; /* --staged: read this path's blob from git's index */
  const char *since; /* compare with the draft's version at this git
                        revision (--since, --staged, history = head), or
                        NULL; borrowed from argv or a static string */
  bool named;   /* named on the command line, not found in a folder */
} dl_input;

typedef struct dl_inputs {
  dl_input *items;
  size_t len, cap;
} dl_inputs;

/* Expands `paths`: files are taken as they are, directories are walked for
 * *.md and *.markdown (hidden entries skipped), "-" is standard input shown
 * as `stdin_name`.  Problems become inputs with an error, so they are
 * reported in order with the rest.  The list is sorted by path. */
void dl_inputs_collect(char *const *paths, size_t npaths,
                       const char *stdin_name, dl_inputs *out);
void dl_inputs_free(dl_inputs *in);
/* Is the file name at the end of `path` a draft's (*.md, *.markdown)? */
bool dl_path_is_markdown(const char *path);

/* Reads a whole regular file (or standard input) into a malloc'd buffer
 * with one spare byte; returns 0, or -1 with a malloc'd reason. */
int dl_read_input(const dl_input *in, char **bytes, size_t *len, char **error);

/* Reads a whole regular file (a configuration file, the TBM catalog) into
 * a malloc'd buffer with a NUL after its `*len` bytes.  Returns 0, or -1
 * with a malloc'd reason in *reason ("No such file or directory", "it is a
 * FIFO (named pipe), not a regular file") for the caller's message, which
 * names the file.  Never waits on a FIFO.  */
int dl_read_file(const char *path, char **bytes, size_t *len, char **reason);

#endif
