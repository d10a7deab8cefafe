/*
 * data_files.h: the data files rules declare (rule.h's dl_data_file), read
 * or mapped through src/input once per path and kept for the run.
 *
 * Ownership: a dl_datum owns its bytes (a mapping or a malloc'd buffer) and
 * its path; dl_datum_release frees both.
 */
#ifndef DRAFTLINT_DATA_FILES_H
#define DRAFTLINT_DATA_FILES_H

#include "draftlint/rule.h"

struct dl_datum {
  char *key;    /* the path asked for, or "\x1f" NAME for a bundled file */
  bool mapped;
  dl_data data; /* path, bytes and length; error for an optional file */
};

/* Reads or maps `f` (at `path` when not NULL, else the bundled file) into
 * *out.  Returns 0, or -1 with a malloc'd message naming the file. */
int dl_datum_load(const dl_data_file *f, const char *path,
                  struct dl_datum *out, char **error);
void dl_datum_release(struct dl_datum *d);

#endif
