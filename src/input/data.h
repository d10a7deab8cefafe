/*
 * data.h: where the data files a rule loads live (the TBM catalog, the
 * sentence model): rules/data in a build tree, share/draftlint once
 * installed, or $DRAFTLINT_DATA_DIR.
 */
#ifndef DRAFTLINT_DATA_H
#define DRAFTLINT_DATA_H

#include <stddef.h>

/* Returns a malloc'd path to an existing data file `name`, or NULL when
 * none of the places has it. */
char *dl_data_path(const char *name);

/* The rule pages installed beside the running binary
 * (share/doc/draftlint/rules, a canonical path), or NULL: a build tree, or
 * pages not installed.  Malloc'd. */
char *dl_installed_docs_dir(void);
/* Returns the malloc'd path of the folder of bundled pattern rule files
 * (rules/NAME.ini): $DRAFTLINT_RULES_DIR when set, share/draftlint/rules once
 * installed, rules/ of the source checkout the binary was built in; NULL
 * when there is none. */
char *dl_bundled_rules_dir(void);

/* The bundled pattern rule files (*.ini of dl_bundled_rules_dir), as
 * malloc'd paths in name order, in a malloc'd array (NULL when there are
 * none); *count gets how many. */
char **dl_bundled_rule_files(size_t *count);

/* A data file mapped read-only into memory: rules parse nothing at start,
 * they read the table in place. */
typedef struct dl_mapped {
  void *map;  /* keep it, or release it with dl_data_unmap */
  size_t len;
  char *path; /* owned: the file that was mapped, for messages */
} dl_mapped;

/* Maps `path`, or the data file `name` (dl_data_path) when `path` is NULL.
 * `what` names the kind of file for messages ("the sentence model"); a file
 * shorter than `min_len` bytes is refused.  Returns 0, or -1 with a
 * malloc'd message naming the file and the reason. */
int dl_data_map(const char *path, const char *name, const char *what,
                size_t min_len, dl_mapped *out, char **error);
/* Unmaps the file and frees the path (a file that fails its own checks). */
void dl_data_unmap(dl_mapped *m);

#endif
