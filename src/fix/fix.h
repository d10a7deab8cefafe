/*
 * fix.h: applying the fixes rules attach to their findings (diag.h's
 * dl_fix): --fix writes them into the file, --diff prints them as a
 * unified diff and writes nothing.
 *
 * Only unambiguous fixes are applied: a fix whose bytes overlap another,
 * different fix is left out, with the other.  The file is written
 * atomically (a temporary file in the same folder, .NAME.draftlint-tmp,
 * fsync, rename), keeps its mode, and is not written at all when it
 * changed on disk since it was read.  This is the only place draftlint
 * writes a file.
 *
 * Ownership: dl_fix_select returns a malloc'd array; dl_fix_apply returns
 * a malloc'd buffer; error messages are malloc'd.  The caller frees them.
 */
#ifndef DRAFTLINT_FIX_H
#define DRAFTLINT_FIX_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/engine.h"
#include "input/files.h"
#include "engine/lint.h"

typedef enum dl_fix_mode {
  DL_FIX_NONE = 0, /* report only (the default) */
  DL_FIX_WRITE,    /* --fix */
  DL_FIX_DIFF      /* --diff */
} dl_fix_mode;

/* The fixes to apply, as pointers into `list`, sorted by start: every fix
 * inside the source (`len` bytes) that overlaps no other; identical fixes
 * count once.  Returns how many. */
size_t dl_fix_select(const dl_diag_list *list, size_t len,
                     const dl_fix ***out);

/* src[0..len) with the selected fixes applied; *out_len is its length.
 * The buffer has a spare byte (NUL) at the end. */
char *dl_fix_apply(const char *src, size_t len, const dl_fix *const *fixes,
                   size_t n, size_t *out_len);

/* Prints the unified diff (3 lines of context) that the fixes make to the
 * document, under the name `path`. */
void dl_fix_diff(FILE *out, const char *path, const dl_doc *doc,
                 const dl_fix *const *fixes, size_t n);

/* Replaces the file at `path` with bytes[0..len) atomically, provided it
 * still holds expect[0..expect_len).  Returns 0, or -1 with a message. */
int dl_fix_write(const char *path, const char *expect, size_t expect_len,
                 const char *bytes, size_t len, char **error);

/* What --fix and --diff do with one linted input, while its document is
 * alive.  DL_FIX_DIFF prints the diff on `out`.  DL_FIX_WRITE writes the
 * file, then lints the new bytes again with `e`, so that `r` reports what
 * is left; a notice on stderr says how many findings were fixed (unless
 * `quiet`).  A file that cannot be written becomes r->error. */
void dl_fix_result(const dl_engine *e, dl_fix_mode mode, bool quiet,
                   const dl_input *in, dl_result *r, FILE *out);

#endif
