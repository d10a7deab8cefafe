/*
 * cmark_parse.c: the floor for make bench.  Parses each file named on the
 * command line with Debian's libcmark, source positions on (as draftlint
 * parses), and frees the tree: no rendering, no output.  One parse per
 * file, as draftlint does, so the two read the same work.
 */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int rc = 0;
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) {
      perror(argv[i]);
      rc = 1;
      continue;
    }
    cmark_node *doc = cmark_parse_file(f, CMARK_OPT_SOURCEPOS);
    fclose(f);
    cmark_node_free(doc);
  }
  return rc;
}
