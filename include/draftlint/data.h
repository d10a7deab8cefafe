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

/* Returns the malloc'd path of the folder of bundled pattern rule files
 * (rules/NAME.ini): $DRAFTLINT_RULES_DIR when set, share/draftlint/rules once
 * installed, rules/ of the source checkout the binary was built in; NULL
 * when there is none. */
char *dl_bundled_rules_dir(void);

/* Reads a whole regular file (a configuration file, the TBM catalog) into
 * a malloc'd buffer with a NUL after its `*len` bytes.  Returns 0, or -1
 * with a malloc'd reason in *reason ("No such file or directory", "it is a
 * FIFO (named pipe), not a regular file") for the caller's message, which
 * names the file.  Never waits on a FIFO.  (In src/files.c, beside the
 * drafts' reader.) */
int dl_read_file(const char *path, char **bytes, size_t *len, char **reason);

#endif
