/*
 * data_files.c: a rule's data file from its declaration: the path an option
 * gives or the bundled file, mapped (tables read in place) or read whole
 * (files parsed at load), through src/input, the one reader of files.
 */
#include "engine/data_files.h"

#include <stdlib.h>

#include "draftlint/alloc.h"
#include "draftlint/diag.h"
#include "input/data.h"
#include "input/files.h"

static int S_map(const dl_data_file *f, const char *path, struct dl_datum *out,
                 char **error) {
  dl_mapped m;
  if (dl_data_map(path, f->name, f->what, f->min_len, &m, error) != 0)
    return -1;
  out->mapped = true;
  out->data = (dl_data){.bytes = m.map, .len = m.len, .path = m.path};
  return 0;
}

static int S_read(const dl_data_file *f, const char *path,
                  struct dl_datum *out, char **error) {
  char *found = path ? dl_xstrdup(path) : dl_data_path(f->name);
  if (!found) {
    *error = dl_strdup_printf("cannot find %s %s (looked in "
                              "$DRAFTLINT_DATA_DIR, beside the program and in "
                              "the installed data folder)", f->what, f->name);
    return -1;
  }
  char *bytes, *reason;
  size_t len;
  if (dl_read_file(found, &bytes, &len, &reason) != 0) {
    *error = dl_strdup_printf("%s: cannot read %s: %s", found, f->what,
                              reason);
    free(reason);
    free(found);
    return -1;
  }
  out->data = (dl_data){.bytes = bytes, .len = len, .path = found};
  return 0;
}

int dl_datum_load(const dl_data_file *f, const char *path,
                  struct dl_datum *out, char **error) {
  *out = (struct dl_datum){
      .key = path ? dl_xstrdup(path) : dl_strdup_printf("\x1f%s", f->name)};
  int rc = f->map ? S_map(f, path, out, error) : S_read(f, path, out, error);
  if (rc == 0)
    return 0;
  if (!f->optional) { /* the caller keeps nothing of a file it lacks */
    free(out->key);
    out->key = NULL;
    return rc;
  }
  out->data.error = *error; /* the rule decides whether it needs the file */
  *error = NULL;
  return 0;
}

void dl_datum_release(struct dl_datum *d) {
  if (d->mapped) {
    dl_mapped m = {(void *)d->data.bytes, d->data.len, (char *)d->data.path};
    dl_data_unmap(&m);
  } else {
    free((char *)d->data.bytes);
    free((char *)d->data.path);
  }
  free((char *)d->data.error);
  free(d->key);
  *d = (struct dl_datum){0};
}
