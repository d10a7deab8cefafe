/* output.c: the report's destination, checked before any linting starts. */
#include "report/output.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "draftlint/alloc.h"
#include "draftlint/diag.h"

static int S_is_stdout(const char *path) {
  return !path || strcmp(path, "-") == 0;
}

FILE *dl_output_open(const char *path, const dl_inputs *inputs, char **error) {
  if (S_is_stdout(path))
    return stdout;
  struct stat target;
  if (stat(path, &target) == 0 && S_ISREG(target.st_mode)) {
    for (size_t i = 0; i < inputs->len; i++) {
      const dl_input *in = &inputs->items[i];
      struct stat st;
      if (in->stdin_ || in->error || stat(in->path, &st) != 0)
        continue;
      if (st.st_dev == target.st_dev && st.st_ino == target.st_ino) {
        *error = dl_strdup_printf("the output '%s' is also an input; "
                                  "draftlint never writes over a draft",
                                  path);
        return NULL;
      }
    }
  }
  FILE *out = fopen(path, "w");
  if (!out)
    *error = dl_strdup_printf("cannot write '%s': %s", path, strerror(errno));
  return out;
}

int dl_output_close(FILE *out, const char *path, char **error) {
  int failed = fflush(out) != 0 || ferror(out);
  int saved = errno;
  if (out != stdout && fclose(out) != 0 && !failed) {
    failed = 1;
    saved = errno;
  }
  if (!failed)
    return 0;
  *error = dl_strdup_printf("cannot write '%s': %s",
                            S_is_stdout(path) ? "standard output" : path,
                            strerror(saved ? saved : EIO));
  return -1;
}
