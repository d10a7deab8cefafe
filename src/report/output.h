/*
 * output.h: where the report goes: standard output, or the file named by
 * -o / --output, for every format.
 *
 * Ownership: dl_output_open returns a stream that dl_output_close closes;
 * error messages are malloc'd and the caller frees them.
 */
#ifndef DRAFTLINT_OUTPUT_H
#define DRAFTLINT_OUTPUT_H

#include <stdio.h>

#include "input/files.h"

/* Opens `path` for the report (NULL or "-": standard output), truncating
 * it.  Refuses a path that is one of the inputs, since draftlint never
 * changes a file it lints.  Returns NULL with a message in *error. */
FILE *dl_output_open(const char *path, const dl_inputs *inputs, char **error);
/* Flushes and closes the stream (standard output is only flushed).
 * Returns 0, or -1 with a message when anything could not be written. */
int dl_output_close(FILE *out, const char *path, char **error);

#endif
